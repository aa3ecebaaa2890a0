"""Search documents indexed beside Python, on the second core.

FTS5 splitting the words of an import's tens of thousands of search documents is the largest
single piece of SQLite's work in it, and it needs nothing from Python: while it runs, Python makes
the next documents and the audit chain (`LogDatabase.behind`). `executemany` could not overlap
with that: it needs the interpreter's lock between every two rows, and a busy main thread holds it
for the whole switch interval. One `INSERT … SELECT … FROM json_each(?)` needs it once; SQLite
then inserts and tokenises every row with the lock released.

(Record rows stay with `executemany` on the caller's thread: through `json_each` a row of thirty
columns is parsed thirty times in SQLite 3.40, and measured that cost more than the overlap saved.)

A text holding a NUL character goes through `executemany` instead: SQLite's JSON functions end a
text at it.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any

from sqlite_utils import Database

# Below this much text to index the hand-over costs more than it can save (a clerk's one save);
# an import of a thousand cars is over it, and so are forty documents of 500 cars each.
BEHIND_CHARS = 100_000
_ENCODE = json.JSONEncoder(ensure_ascii=False, check_circular=False, separators=(",", ":")).encode
_JSON_ARROW = sqlite3.sqlite_version_info >= (3, 38, 0)  # `->>`; older SQLite spells it json_extract


def insert_sql(table: str, columns: Sequence[str]) -> str:
    return f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})"


def json_value(n: int) -> str:
    """The n-th value of a `json_each` row that is an array."""
    return f"value->>{n}" if _JSON_ARROW else f"json_extract(value, '$[{n}]')"


def json_texts(texts: Sequence[Sequence[str] | str]) -> str | None:
    """Texts (or short arrays of texts) as one JSON array, or None where one holds a NUL."""
    payload = _ENCODE(texts)
    return None if "\\u0000" in payload else payload


class LogDatabase(Database):
    """sqlite-utils' Database whose connection can also write in a second thread (`behind`).

    Every use of `conn` first waits for those writes (and raises the first one's error), so the
    connection runs one statement at a time and the caller sees its writes in order; the
    transaction's COMMIT or ROLLBACK waits for them like any statement.
    """

    def __init__(self, conn: sqlite3.Connection, **options: Any) -> None:
        self._raw = conn
        self._pending: Future[None] | None = None
        self._worker: ThreadPoolExecutor | None = None
        super().__init__(conn, **options)

    @property  # type: ignore[override]
    def conn(self) -> sqlite3.Connection:
        self.settle()
        return self._raw

    @conn.setter
    def conn(self, value: sqlite3.Connection) -> None:
        self._raw = value

    @property
    def in_transaction(self) -> bool:
        """Whether a transaction is open, without waiting for the writes behind."""
        return self._raw.in_transaction

    def behind(self, work: Callable[[sqlite3.Connection], object]) -> None:
        """Run `work(connection)` in the writing thread, after the work handed over before it;
        once one fails, the rest is skipped and `settle` raises that error."""
        if self._worker is None:
            self._worker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="incident-log-writes")
        self._pending = self._worker.submit(_after, self._pending, work, self._raw)

    def settle(self, *, quiet: bool = False) -> None:
        """Wait for the writes behind; raise the first one's error unless `quiet` (a rollback follows)."""
        pending, self._pending = self._pending, None
        if pending is None:
            return
        try:
            pending.result()
        except BaseException:
            if not quiet:
                raise

    def close(self) -> None:
        self.settle(quiet=True)
        if self._worker is not None:
            self._worker.shutdown()
            self._worker = None
        super().close()


def _after(previous: Future[None] | None, work: Callable[[sqlite3.Connection], object], conn: sqlite3.Connection) -> None:
    if previous is not None:
        previous.result()  # an earlier failure fails this one too, without running it
    work(conn)
