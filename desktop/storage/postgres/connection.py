"""Connections to a log on a PostgreSQL server: pooled, classified errors, the store's SQL translated.

The store's statements are written once, in the dialect both backends read, with SQLite's
placeholders (`?`, `:name`); `translate` turns them into psycopg's (`%s`, `%(name)s`) and rewrites
the handful of SQLite spellings PostgreSQL spells otherwise (`INSERT OR IGNORE`, `ifnull`,
`COLLATE NOCASE`, the audit's `user` column). Each statement is translated once (cached).

Errors are classified by SQLSTATE, never by message text: a clerk can act on an unreachable
server, a refused login, a full disk, a lock; anything else is a bug (`DatabaseBug`).
"""

from __future__ import annotations

import contextlib
import os
import re
import threading
from collections.abc import Iterable, Sequence
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from ..errors import DatabaseBug, DatabaseUnavailable, Trouble
from ..findings import Words

if TYPE_CHECKING:
    import psycopg
    from psycopg_pool import ConnectionPool

CONNECT_TIMEOUT_S = 10
POOL_WAIT_S = 2.0  # then one direct attempt, which says why it failed
APPLICATION_NAME = "incident-log"

# SQLSTATE classes and codes a clerk can act on (PostgreSQL appendix A).
_TROUBLE_BY_CLASS = {"08": Trouble.UNAVAILABLE, "28": Trouble.REFUSED, "53": Trouble.DISK_FULL}
_TROUBLE_BY_CODE = {
    "57P01": Trouble.UNAVAILABLE, "57P02": Trouble.UNAVAILABLE, "57P03": Trouble.UNAVAILABLE,  # shut down, starting
    "3D000": Trouble.REFUSED,  # no such database
    "42501": Trouble.REFUSED,  # this login lacks the right (see resources/postgres/roles.sql)
    "25006": Trouble.READ_ONLY,  # a read-only transaction (a standby server)
    "55P03": Trouble.LOCKED, "40P01": Trouble.LOCKED, "40001": Trouble.LOCKED,
    "XX001": Trouble.DAMAGED, "XX002": Trouble.DAMAGED,
}


def classify(error: Exception, where: str, *, connecting_to: str | None = None) -> DatabaseUnavailable | DatabaseBug:
    """What the server's SQLSTATE says a clerk can do.

    A connection attempt (to the URL `connecting_to`) that fails carries no SQLSTATE, whatever
    the reason (no route, a server shut down, no such database, an unknown login: libpq keeps the
    server's code to itself), so it is one trouble, `NO_CONNECTION`, whose message asks to check
    the address and the network and quotes libpq's reason. A connection in use that breaks
    without a code is `UNAVAILABLE`.
    """
    import psycopg

    code = getattr(error, "sqlstate", None)
    trouble = None
    if code:
        trouble = _TROUBLE_BY_CODE.get(code) or _TROUBLE_BY_CLASS.get(code[:2])
    elif isinstance(error, psycopg.OperationalError):
        trouble = Trouble.NO_CONNECTION if connecting_to is not None else Trouble.UNAVAILABLE
    if trouble is None:
        return DatabaseBug(code or type(error).__name__, where)
    detail = ""
    if trouble in (Trouble.UNAVAILABLE, Trouble.NO_CONNECTION, Trouble.REFUSED, Trouble.DAMAGED):
        # libpq's own words for why (no password in them: the URL is never part of the message)
        detail = str(error).strip().splitlines()[0] if str(error).strip() else code or ""
        if connecting_to:  # libpq may quote the server's name as it read it: with a password's `@` in it, a piece of it
            detail = _without_secrets(detail, connecting_to)
    return DatabaseUnavailable(trouble, where, detail)


def _without_secrets(detail: str, url: str) -> str:
    """libpq's reason with the URL it quotes shown without its password, and any quoted token that
    shares a piece of a password (`"%zz"` of `se%zzcret`, `'Secret@host'` of `Zq9@Secret`) blanked.
    Only quoted tokens are touched: a one-letter password must not blank that letter all through
    the sentence."""
    from urllib.parse import unquote

    from ..location import Location, url_parts

    given = [url_parts(url)[2],
             *re.findall(r"[?&]\s*password\s*=([^&#]*)", url, re.IGNORECASE)]
    secrets = {s for g in given if g for s in (g, unquote(g))}
    # Pieces of four characters (or the whole of a shorter password): a token holding one is blanked.
    pieces = {secret[n:n + 4] for secret in secrets for n in range(max(1, len(secret) - 3))}

    def token(found: re.Match[str]) -> str:
        quote, inside = found.group(1), found.group(2)
        if url in inside:
            inside = inside.replace(url, Location(url).shown())
        elif any(piece in inside or inside in secret for piece in pieces for secret in secrets if inside):
            inside = "***"
        return f"{quote}{inside}{quote}"

    return re.sub(r"([\"'])(.*?)\1", token, detail)


def check_address(url: str, where: str) -> None:
    """A URL libpq cannot read (`%zz`, an unknown parameter, an unclosed `[`) is the clerk's typing,
    not a bug: `BAD_ADDRESS`, with libpq's reason and any password in it blanked out."""
    import psycopg
    from psycopg.conninfo import conninfo_to_dict

    try:
        read = conninfo_to_dict(url)
    except psycopg.Error as e:
        detail = str(e).strip().splitlines()[0] if str(e).strip() else type(e).__name__
        detail = _without_secrets(detail, url)
        raise DatabaseUnavailable(Trouble.BAD_ADDRESS, where, detail) from e
    if any("@" in str(read.get(key) or "") for key in ("host", "hostaddr", "port", "dbname")):
        # libpq ends the password at its first `@`: the rest would be taken for the server's name.
        raise DatabaseUnavailable(Trouble.BAD_ADDRESS, where, Words(
            "an @, /, ? or # in the login or password is written %40, %2F, %3F or %23",
            "символы @, /, ? и # в имени или пароле записываются как %40, %2F, %3F и %23"))


# ---- the store's SQL in PostgreSQL's spelling ---------------------------------------------------
_QUOTED = re.compile(r"('(?:[^']|'')*')")
_NAMED = re.compile(r"(?<![:\w]):([A-Za-z_]\w*)")
_REWRITES = [
    (re.compile(r"\bifnull\("), "coalesce("),
    (re.compile(r"\bCROSS JOIN (\w+ \w+) ON\b"), r"JOIN \1 ON"),  # SQLite's way to fix the join order
    (re.compile(r"\binstr\(([^,()]+), ([^,()]+)\)"), r"strpos(\1, \2)"),
    (re.compile(r"(\w+(?:\.\w+)?) = \? COLLATE NOCASE"), r"lower(\1) = lower(?)"),
    (re.compile(r"\bMAX\(last, excluded\.last\)"), "GREATEST(counters.last, excluded.last)"),
    (re.compile(r"\blast = last \+ excluded\.last"), "last = counters.last + excluded.last"),
    (re.compile(r"(?<![\"\w.:])user(?![\w\"(])"), '"user"'),  # the audit's column; a keyword here
]


@lru_cache(maxsize=4096)
def translate(sql: str) -> str:
    parts = _QUOTED.split(sql.replace("%", "%%"))
    for n in range(0, len(parts), 2):  # outside string literals only
        text = parts[n]
        for pattern, replacement in _REWRITES:
            text = pattern.sub(replacement, text)
        parts[n] = _NAMED.sub(r"%(\1)s", text.replace("?", "%s"))
    out = "".join(parts)
    if out.lstrip().upper().startswith("INSERT OR IGNORE INTO"):
        out = re.sub(r"^\s*INSERT OR IGNORE INTO", "INSERT INTO", out, flags=re.IGNORECASE) + " ON CONFLICT DO NOTHING"
    return out


# The register search (`queries.search_hits`): FTS5's MATCH becomes one tsquery per word, each
# answered by the GIN index of the documents' word chunks, intersected (every word required).
_SEARCH_HITS = re.compile(
    r"SELECT d\.record_id FROM search_index JOIN search_docs d ON d\.doc = search_index\.rowid "
    r"WHERE search_index MATCH :match AND d\.record_kind = '(\w+)'(?: ORDER BY search_index\.rowid DESC LIMIT (\d+))?"
)
_MATCH_WORD = re.compile(r'"((?:[^"]|"")*)"\*')
# `queries.latest_docs`: the latest documents of any kind with every word.
_LATEST_DOCS = re.compile(
    r"SELECT rowid AS doc FROM search_index WHERE search_index MATCH :match ORDER BY rowid DESC LIMIT (\d+)"
)


def _search_sql(sql: str, params: dict[str, Any]) -> tuple[str, dict[str, Any]]:
    words = [w.replace('""', '"') for w in _MATCH_WORD.findall(params.get("match") or "")]
    params = {k: v for k, v in params.items() if k != "match"}
    for n, word in enumerate(words):
        params[f"match_{n}"] = word

    def every_word() -> str:
        return " INTERSECT ".join(
            f"SELECT doc FROM search_index WHERE tsv @@ to_tsquery('simple', quote_literal(:match_{n}) || ':*')"
            for n in range(len(words))) or "SELECT doc FROM search_index WHERE false"

    def hits(found: re.Match[str]) -> str:
        kind, limit = found.group(1), found.group(2)
        cut = f" ORDER BY d.doc DESC LIMIT {int(limit)}" if limit else ""
        return f"SELECT d.record_id FROM search_docs d WHERE d.doc IN ({every_word()}) AND d.record_kind = '{kind}'{cut}"

    def latest(found: re.Match[str]) -> str:
        return f"SELECT doc FROM ({every_word()}) AS matched ORDER BY doc DESC LIMIT {int(found.group(1))}"

    return _LATEST_DOCS.sub(latest, _SEARCH_HITS.sub(hits, sql)), params


# The vehicles register's check of each car (`queries.item_has_words`, a Python function SQLite
# calls) written out in SQL for the words of this search: each word begins a word of the car's
# own text or its incident's (folded: lower case, ё as е), or is a part of its plate on either
# keyboard; a reference typed whole (`inc20260001`) is matched against the text without hyphens.
_ITEM_WORDS = "incident_log_item_has_words("


def _split_arguments(text: str, start: int) -> tuple[list[str], int]:
    depth, quoted, begin, args = 0, False, start, []
    for n in range(start, len(text)):
        ch = text[n]
        if ch == "'":
            quoted = not quoted
        elif quoted:
            continue
        elif ch == "(":
            depth += 1
        elif ch == ")":
            if depth == 0:
                args.append(text[begin:n].strip())
                return args, n + 1
            depth -= 1
        elif ch == "," and depth == 0:
            args.append(text[begin:n].strip())
            begin = n + 1
    raise ValueError("unbalanced call")


def _item_words_sql(sql: str, params: dict[str, Any]) -> tuple[str, dict[str, Any]]:
    from ...domain import plates
    from ..sqlite.queries import WORD_SEPARATOR

    at = sql.index(_ITEM_WORDS)
    (_words, plate, item, place), end = _split_arguments(sql, at + len(_ITEM_WORDS))
    words = [w for w in (params.get("words") or "").split(WORD_SEPARATOR) if w]
    params = {k: v for k, v in params.items() if k != "words"}

    def folded(expression: str) -> str:
        return f"replace(lower(({expression}) COLLATE \"und-x-icu\"), 'ё', 'е')"

    checks = []
    for n, word in enumerate(words):
        params[f"item_word_{n}"] = r"(^|[^[:alnum:]_])" + re.escape(word)
        each = [f"{folded(place)} ~ :item_word_{n}", f"{folded(item)} ~ :item_word_{n}"]
        if word.startswith(("inc", "clm")):
            each.append(f"replace({folded(place)}, '-', '') ~ :item_word_{n}")
        for m, form in enumerate(plates.search_forms(word)):
            params[f"item_plate_{n}_{m}"] = form
            each.append(f"strpos(coalesce({plate}, ''), :item_plate_{n}_{m}) > 0")
        checks.append("(" + " OR ".join(each) + ")")
    return sql[:at] + ("(" + " AND ".join(checks) + ")" if checks else "true") + sql[end:], params


# A plain INSERT (no OR IGNORE, no ON CONFLICT): its rows can be copied in.
_PLAIN_INSERT = re.compile(r"INSERT INTO (\w+) \(([\w, ]+)\) VALUES \((?:\?, )*\?\)")
COPY_ROWS = 50  # fewer rows (a clerk's save) go through executemany: COPY's set-up costs more


class Cursor:
    """What the store reads of a cursor: rows as tuples, `description`, `fetchone`, `fetchall`."""

    def __init__(self, cursor: psycopg.Cursor[Any]) -> None:
        self._cursor = cursor
        self.description = cursor.description

    def fetchone(self) -> tuple[Any, ...] | None:
        return self._cursor.fetchone()

    def fetchmany(self, size: int) -> list[tuple[Any, ...]]:
        return self._cursor.fetchmany(size) if self._cursor.description else []

    def fetchall(self) -> list[tuple[Any, ...]]:
        return self._cursor.fetchall() if self._cursor.description else []

    def __iter__(self) -> Any:
        return iter(self._cursor) if self._cursor.description else iter(())

    @property
    def rowcount(self) -> int:
        return self._cursor.rowcount


class PgConnection:
    """A psycopg connection that takes the store's SQL as the SQLite connection does.

    A connection the server or the network dropped fails its statement with a calm
    `DatabaseUnavailable`; the next statement outside a transaction takes a new connection (the
    clerk's "try again"), so a form kept open through the outage saves once the server is back.
    """

    def __init__(self, conn: psycopg.Connection[Any], where: str, url: str | None = None,
                 pool: ConnectionPool | None = None) -> None:
        self.raw = conn
        self.where = where
        self.url = url
        self.pool = pool  # the pool the connection in hand came from (None: a direct one)

    def _alive(self) -> None:
        from psycopg import pq

        raw = self.raw
        if not (raw.closed or raw.broken) or raw.info.transaction_status == pq.TransactionStatus.INTRANS:
            return
        if self.url is None:
            raise DatabaseUnavailable(Trouble.UNAVAILABLE, self.where, "the connection was closed")
        with contextlib.suppress(Exception):
            if self.pool is not None:
                self.pool.putconn(raw)  # the pool discards a broken connection and makes another
            else:
                raw.close()
        try:
            fresh = connect(self.url, self.where)
        except DatabaseUnavailable as e:  # the address worked a moment ago: the server went away
            if e.trouble is not Trouble.NO_CONNECTION:
                raise
            raise DatabaseUnavailable(Trouble.UNAVAILABLE, self.where, e.detail) from e
        self.raw, self.pool = fresh.conn.raw, fresh.conn.pool

    def execute(self, sql: str, params: Sequence[Any] | dict[str, Any] = ()) -> Cursor:
        import psycopg

        self._alive()
        if isinstance(params, dict):
            if _ITEM_WORDS in sql:
                sql, params = _item_words_sql(sql, params)
            if "MATCH :match" in sql:
                sql, params = _search_sql(sql, params)
        statement = translate(sql)
        try:
            return Cursor(self.raw.execute(statement, params))  # type: ignore[arg-type]
        except psycopg.OperationalError as e:
            if not self._lost_outside_transaction():
                raise classify(e, self.where) from e
        except psycopg.Error as e:
            raise classify(e, self.where) from e
        # A read on a connection that was dropped since the last statement: once more on a new one.
        self._alive()
        try:
            return Cursor(self.raw.execute(statement, params))  # type: ignore[arg-type]
        except psycopg.Error as e:
            raise classify(e, self.where) from e

    def _lost_outside_transaction(self) -> bool:
        from psycopg import pq

        return self.raw.broken and self.url is not None and \
            self.raw.info.transaction_status != pq.TransactionStatus.INTRANS

    def executemany(self, sql: str, seq: Iterable[Sequence[Any]]) -> None:
        """Many rows of one statement; a plain INSERT of many rows (an import's records, its audit
        chain, its search documents) goes through COPY, a fifth of the time of executemany's
        pipeline (values as text, each parsed by its column's type, as a parameter is)."""
        import psycopg

        self._alive()
        rows = list(seq)
        plain = _PLAIN_INSERT.fullmatch(sql) if len(rows) >= COPY_ROWS else None
        try:
            with self.raw.cursor() as cursor:
                if plain is None:
                    cursor.executemany(translate(sql), rows)  # type: ignore[arg-type]
                    return
                columns = ", ".join(f'"{c.strip()}"' for c in plain.group(2).split(","))
                with cursor.copy(f"COPY {plain.group(1)} ({columns}) FROM STDIN") as copy:  # type: ignore[arg-type]
                    for row in rows:
                        copy.write_row(row)
        except psycopg.Error as e:
            raise classify(e, self.where) from e


class PgDatabase:
    """The store's `db`: its connection, given back to the pool on close."""

    def __init__(self, conn: psycopg.Connection[Any], pool: ConnectionPool | None, where: str) -> None:
        self.conn = PgConnection(conn, where, url=pool.conninfo if pool is not None else None, pool=pool)

    def close(self) -> None:
        raw, pool = self.conn.raw, self.conn.pool
        with contextlib.suppress(Exception):
            if pool is not None:
                pool.putconn(raw)
            else:
                raw.close()


def configure(conn: psycopg.Connection[Any]) -> None:
    """Each connection: autocommit (transactions are explicit), dates read as ISO text as SQLite
    hands them, sums of kopecks as integers, UTC for the times the server computes."""
    from psycopg.adapt import Loader
    from psycopg.types.string import TextLoader

    class IntegralNumeric(Loader):
        def load(self, data: Any) -> Any:
            text = bytes(data).decode()
            if "." in text or "e" in text.lower() or text in ("NaN", "Infinity", "-Infinity"):
                from decimal import Decimal

                return Decimal(text)
            return int(text)

    conn.autocommit = True
    conn.adapters.register_loader("date", TextLoader)
    conn.adapters.register_loader("numeric", IntegralNumeric)
    conn.execute("SET TIME ZONE 'UTC'")
    conn.execute("SET DateStyle = 'ISO'")


_pools: dict[str, ConnectionPool] = {}
_pools_lock = threading.Lock()
_pools_pid = os.getpid()  # a forked child must not share its parent's connections: it makes its own


def pool_for(url: str) -> ConnectionPool:
    """One pool per server URL in this process: the window and its background jobs share it."""
    from psycopg_pool import ConnectionPool

    global _pools_pid
    with _pools_lock:
        if _pools_pid != os.getpid():
            _pools.clear()  # the parent's, inherited by fork: left alone, never used here
            _pools_pid = os.getpid()
        pool = _pools.get(url)
        if pool is None:
            pool = ConnectionPool(url, min_size=0, max_size=8, max_idle=120, configure=configure, open=True, timeout=CONNECT_TIMEOUT_S,
                                  kwargs={"connect_timeout": CONNECT_TIMEOUT_S, "application_name": APPLICATION_NAME},
                                  check=ConnectionPool.check_connection, name="incident-log")
            _pools[url] = pool
        return pool


def release(url: str) -> None:
    """Close the pool of `url` (its idle connections): a log is closed for good, or a test is done."""
    with _pools_lock:
        pool = _pools.pop(url, None)
    if pool is not None:
        pool.close()


def connect(url: str, where: str) -> PgDatabase:
    """A pooled connection to the log at `url`; `DatabaseUnavailable` when the server cannot be used.

    The pool is asked briefly; when it has no connection to give (the server is slow, or down), one
    direct attempt is made, which either connects or says why (no route, a refused login, no such
    database) within libpq's connect timeout.
    """
    import psycopg
    from psycopg_pool import PoolTimeout

    check_address(url, where)
    pool = pool_for(url)
    try:
        return PgDatabase(pool.getconn(timeout=POOL_WAIT_S), pool, where)
    except PoolTimeout:
        pass
    except psycopg.Error as e:
        raise classify(e, where, connecting_to=url) from e
    conn = direct(url, where)
    try:
        configure(conn)
    except psycopg.Error as e:
        conn.close()
        raise classify(e, where) from e
    db = PgDatabase(conn, None, where)
    db.conn.url = url
    return db


def direct(url: str, where: str) -> psycopg.Connection[Any]:
    """An unpooled connection (listening for other clerks' changes, creating a database)."""
    import psycopg

    check_address(url, where)
    try:
        conn = psycopg.connect(url, connect_timeout=CONNECT_TIMEOUT_S, application_name=APPLICATION_NAME, autocommit=True)
    except psycopg.Error as e:
        raise classify(e, where, connecting_to=url) from e
    return conn
