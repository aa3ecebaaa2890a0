"""A log on a PostgreSQL server, shared by an office's clerks.

The same store as the SQLite backend's (every rule, save, audit entry and register read is the
one written in `sqlite/store.py`), over a psycopg connection that reads its SQL
(`connection.translate`); what a server does differently is here:

- each write transaction takes one advisory lock first, so the audit's hash chain, the counters
  and the version checks see every other clerk's committed writes and none half-done;
- the audit names the clerk's own login (`current_user`), numbered by a counter in the same
  transaction (a sequence would skip numbers on a rolled-back save and look like deleted entries);
- search documents are `tsvector` chunks (see `schema.py`); other clerks' saves are announced
  with NOTIFY and heard by LISTEN (`data_version`), so registers refresh within a second or two.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any, TypeVar

from .. import audit
from ..errors import DatabaseUnavailable, Trouble
from ..location import Location
from ..sqlite.schema import SCHEMA_VERSION
from ..sqlite.search_query import words_of
from ..sqlite.store import Store, _chunks, _marks
from . import connection, schema

T = TypeVar("T")

CHANNEL = "incident_log"  # NOTIFY channel: payload is the writer's backend pid
CHUNK_WORDS = 4000  # words per tsvector row: far below its 1 MB limit even for long words


class PostgresStore(Store):
    """A log in a PostgreSQL database (the `LogStore` protocol, as `sqlite.Store`)."""

    def __init__(self, db: connection.PgDatabase, location: Location) -> None:
        super().__init__(db, None)  # type: ignore[arg-type]
        self._location = location
        self._depth = 0
        self._listener: Any = None
        self._heard = 0
        self._pid = int(self.db.conn.execute("SELECT pg_backend_pid()").fetchone()[0])  # type: ignore[index]
        self.user = str(self.db.conn.execute("SELECT current_user").fetchone()[0])  # type: ignore[index]

    @classmethod
    def open(cls, path: str | Path | Location) -> PostgresStore:  # type: ignore[override]
        location = Location.of(path)
        db, _ = _connect(location, lambda raw: schema.apply_migrations(raw, location.shown()))
        return cls(db, location)

    @classmethod
    def open_read_only(cls, path: str | Path | Location) -> PostgresStore | None:  # type: ignore[override]
        """The log read without changing the database: None when it holds no log of this version
        (none yet, or an older one, which only opening it may bring up to date); the selftest then
        works on its sample. Opening would have made the tables in an empty database."""
        location = Location.of(path)
        db, version = _connect(location, schema.stored_version)
        if version == SCHEMA_VERSION:
            return cls(db, location)
        db.close()
        if version > SCHEMA_VERSION:
            raise DatabaseUnavailable(Trouble.TOO_NEW, location.shown(), str(version))
        return None

    @property
    def location(self) -> Location:
        return self._location

    def close(self) -> None:
        if self._listener is not None:
            with contextlib.suppress(Exception):
                self._listener.close()
            self._listener = None
        self.db.close()

    # ---- low level -------------------------------------------------------------------------
    def _rows(self, sql: str, params: Sequence[Any] | dict[str, Any] = ()) -> list[dict[str, Any]]:
        cursor = self.db.conn.execute(sql, params)
        if not cursor.description:
            return []
        names = [d[0] for d in cursor.description]
        out = [dict(zip(names, r, strict=True)) for r in cursor.fetchall()]
        if "rowid" in names:  # the identity column is PostgreSQL's; a record has none (as SELECT * on SQLite)
            for row in out:
                del row["rowid"]
        return out

    @contextlib.contextmanager
    def transaction(self) -> Iterator[None]:
        """One write transaction; writes inside it join it. It first takes the writers' lock, and
        on commit tells the other clerks' windows (NOTIFY) that the log changed."""
        if self._depth:
            self._depth += 1
            try:
                yield
            finally:
                self._depth -= 1
            return
        import psycopg

        self.db.conn._alive()  # after a dropped connection, a new one (or the calm message)
        raw = self.db.conn.raw
        try:
            with raw.transaction():
                self._depth = 1
                try:
                    raw.execute("SELECT pg_advisory_xact_lock(%s)", [schema.WRITE_LOCK])
                    yield
                    raw.execute("SELECT pg_notify(%s, %s)", [CHANNEL, str(self._pid)])
                finally:
                    self._depth = 0
        except psycopg.Error as e:
            raise connection.classify(e, self._location.shown()) from e

    def _search_functions(self) -> None:
        """No Python function on a server: the vehicle search's check is SQL (`connection._item_words_sql`)."""

    # ---- audit: numbered in the transaction, the clerk's login -------------------------------
    def _audit_head(self) -> None:
        """Read by `_audit` with the last id it numbers from: one query per save, not two."""
        return None

    def _audit(self, entries: Sequence[tuple[Any, ...]], head: str | None = None) -> None:
        """As SQLite's, but numbered here; `head` is always None (`_audit_head`)."""
        if not entries:
            return
        conn = self.db.conn
        with self.transaction():
            last = conn.execute("SELECT id, hash FROM audit ORDER BY id DESC LIMIT 1").fetchone()
            first = (last[0] if last else 0) + 1
            chained = self._chained(entries, last[1] if last else audit.GENESIS)
            conn.executemany(
                "INSERT INTO audit (id, at, user, action, record_kind, record_id, old, new, reason, prev, hash)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [(first + n, *row) for n, row in enumerate(chained)],
            )
            conn.execute("INSERT INTO counters (series, year, last) VALUES ('AUDIT', 0, ?) "
                         "ON CONFLICT(series, year) DO UPDATE SET last = excluded.last", [first + len(chained) - 1])

    # ---- search documents: tsvector chunks of the words SQLite's tokenizer cuts ---------------
    def _unindex(self, record_ids: Sequence[str]) -> None:
        for chunk in _chunks(list(record_ids)):
            self.db.conn.execute(f"DELETE FROM search_docs WHERE record_id IN ({_marks(len(chunk))})", chunk)

    def _stored_docs(self, record_ids: Sequence[str]) -> dict[str, list[tuple[int, str]]]:
        out: dict[str, list[tuple[int, str]]] = {}
        for chunk in _chunks(list(record_ids)):
            for rid, doc, body in self.db.conn.execute(
                    f"SELECT record_id, doc, body FROM search_docs WHERE record_id IN ({_marks(len(chunk))}) ORDER BY doc", chunk):
                out.setdefault(rid, []).append((doc, body))
        return out

    def _drop_docs(self, docs: Sequence[int]) -> None:
        for chunk in _chunks(list(docs)):
            self.db.conn.execute(f"DELETE FROM search_docs WHERE doc IN ({_marks(len(chunk))})", chunk)  # and their words

    def _rewrite_docs(self, docs: Sequence[tuple[int, str]]) -> None:
        conn = self.db.conn
        conn.executemany("UPDATE search_docs SET body = ? WHERE doc = ?", [(body, doc) for doc, body in docs])
        for chunk in _chunks([doc for doc, _ in docs]):
            conn.execute(f"DELETE FROM search_index WHERE doc IN ({_marks(len(chunk))})", chunk)
        self._add_words(docs)

    def _add_docs(self, docs: Sequence[tuple[str, str, str]]) -> None:
        first = (self._scalar("SELECT MAX(doc) FROM search_docs") or 0) + 1  # under the writers' lock
        self.db.conn.executemany("INSERT INTO search_docs (doc, record_kind, record_id, body) VALUES (?, ?, ?, ?)",
                                 [(first + n, kind, rid, body) for n, (kind, rid, body) in enumerate(docs)])
        self._add_words([(first + n, body) for n, (_, _, body) in enumerate(docs)])

    def _add_words(self, docs: Sequence[tuple[int, str]]) -> None:
        """Each document's words as tsvector chunks of CHUNK_WORDS (a tsvector holds at most 1 MB)."""
        parts: list[tuple[int, int, str]] = []
        for doc, body in docs:
            words = words_of(body)
            for part, start in enumerate(range(0, max(len(words), 1), CHUNK_WORDS)):
                parts.append((doc, part, " ".join(words[start:start + CHUNK_WORDS])))
        self.db.conn.executemany("INSERT INTO search_index (doc, part, words) VALUES (?, ?, ?)", parts)

    # ---- other clerks' changes --------------------------------------------------------------
    def data_version(self) -> int:
        """Grows when another clerk (another connection) commits a write: heard by LISTEN."""
        if self._listener is None:
            self._listener = connection.direct(self._location.target, self._location.shown())
            self._listener.execute(f"LISTEN {CHANNEL}")
            return self._heard
        pgconn = self._listener.pgconn
        try:
            pgconn.consume_input()
        except Exception as e:  # noqa: BLE001 - the server went away: the next read says so, calmly
            self._listener = None
            raise connection.classify(e, self._location.shown()) from e
        while (note := pgconn.notifies()) is not None:
            if note.extra.decode() != str(self._pid):
                self._heard += 1
        return self._heard

    # ---- maintenance ------------------------------------------------------------------------
    def _integrity_problems(self) -> list[str]:
        return []  # pages and foreign keys are the server's to keep

    def _schema_version(self) -> int:
        return schema.schema_version(self.db.conn.raw)

    def _last_audit_number(self) -> int | None:
        return self._scalar("SELECT last FROM counters WHERE series = 'AUDIT' AND year = 0")

    def counters(self) -> dict[tuple[str, int], int]:
        return {k: v for k, v in super().counters().items() if k[0] != "AUDIT"}

    def backup(self, dest: Path, progress: Callable[[int, int], None] | None = None) -> Path:
        """A SQLite file of ours holding the whole log (as `copy-to` makes it), checked; written
        under a `.part` name and given DEST's only when whole (a clerk saw the half-written file
        under its final name in the backups folder for the 10-20 s a big log takes)."""
        from ...files import written_whole
        from ..copying import copy_log

        with written_whole(Path(dest)) as partial:
            copy_log(self, Location(str(partial)))
        return Path(dest)



def _connect(location: Location, prepare: Callable[[Any], T]) -> tuple[Any, T]:
    """A connection to the server log at LOCATION and what PREPARE made of it (its raw connection);
    when that fails the connection is closed, and a server's error said as `DatabaseUnavailable`."""
    where = location.shown()
    db = connection.connect(location.target, where)
    try:
        return db, prepare(db.conn.raw)
    except DatabaseUnavailable:
        db.close()
        raise
    except Exception as e:
        db.close()
        import psycopg

        if isinstance(e, psycopg.Error):
            raise connection.classify(e, where) from e
        raise

__all__ = ["PostgresStore"]
