"""Opening the database file safely and running writes as one transaction each."""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import DatabaseBug, DatabaseUnavailable, Trouble
from .schema import MIGRATIONS_TABLE, SCHEMA_VERSION, applied_migrations, apply_migrations, known_migration_names

if TYPE_CHECKING:
    from concurrent.futures import Future, ThreadPoolExecutor

BUSY_TIMEOUT_MS = 10_000


# SQLite's primary result codes (the low byte of the extended code) a clerk can act on.
_TROUBLE_BY_CODE = {
    sqlite3.SQLITE_BUSY: Trouble.LOCKED,
    sqlite3.SQLITE_LOCKED: Trouble.LOCKED,
    sqlite3.SQLITE_CORRUPT: Trouble.DAMAGED,
    sqlite3.SQLITE_NOTADB: Trouble.DAMAGED,
    sqlite3.SQLITE_FULL: Trouble.DISK_FULL,
    sqlite3.SQLITE_READONLY: Trouble.READ_ONLY,
    sqlite3.SQLITE_CANTOPEN: Trouble.CANNOT_OPEN,
    sqlite3.SQLITE_IOERR: Trouble.IO_ERROR,
}


def classify(error: sqlite3.Error, path: Path) -> DatabaseUnavailable | DatabaseBug:
    """What SQLite's error code says a clerk can do; any other code is a bug, never "damaged".

    By code, not by message text (the texts change between SQLite versions and languages).
    """
    path = Path(path)
    code = getattr(error, "sqlite_errorcode", None)
    trouble = _TROUBLE_BY_CODE.get(code & 0xFF) if isinstance(code, int) else None
    if trouble is None:
        return DatabaseBug(getattr(error, "sqlite_errorname", None) or type(error).__name__, path)
    if trouble is Trouble.CANNOT_OPEN and not path.parent.is_dir():
        return DatabaseUnavailable(Trouble.MISSING_FOLDER, path.parent)
    return DatabaseUnavailable(trouble, path, str(error) if trouble is Trouble.DAMAGED else "")


class LogDatabase:
    """The log's connection, which can also write in a second thread (`behind`, `bulk`).

    Every use of `conn` first waits for those writes (and raises the first one's error), so the
    connection runs one statement at a time and the caller sees its writes in order; the
    transaction's COMMIT or ROLLBACK waits for them like any statement. (The schema is made and
    migrated by sqlite-utils, `schema.apply_migrations`, handed this connection.)
    """

    def __init__(self, conn: sqlite3.Connection) -> None:
        self._raw = conn
        self._pending: Future[None] | None = None
        self._worker: ThreadPoolExecutor | None = None
        conn.execute("PRAGMA recursive_triggers = on")  # as sqlite-utils' Database has it

    @property
    def conn(self) -> sqlite3.Connection:
        self.settle()
        return self._raw

    @conn.setter
    def conn(self, value: sqlite3.Connection) -> None:  # tests put a tracing or failing connection in its place
        self._raw = value

    def execute(self, sql: str, parameters: Sequence[Any] | dict[str, Any] = ()) -> sqlite3.Cursor:
        return self.conn.execute(sql, parameters)

    def table_names(self) -> list[str]:
        return [r[0] for r in self.conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]

    @property
    def in_transaction(self) -> bool:
        """Whether a transaction is open, without waiting for the writes behind."""
        return self._raw.in_transaction

    def behind(self, work: Callable[[sqlite3.Connection], object]) -> None:
        """Run `work(connection)` in the writing thread, after the work handed over before it;
        once one fails, the rest is skipped and `settle` raises that error."""
        if self._worker is None:
            from concurrent.futures import ThreadPoolExecutor  # made for a large write only

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
        self._raw.close()


def _after(previous: Future[None] | None, work: Callable[[sqlite3.Connection], object], conn: sqlite3.Connection) -> None:
    if previous is not None:
        previous.result()  # an earlier failure fails this one too, without running it
    work(conn)


def connect(path: Path) -> LogDatabase:
    """Open (and create or migrate) the database; raise `DatabaseUnavailable` when it cannot be used."""
    path = Path(path)
    if not path.parent.is_dir():
        raise DatabaseUnavailable(Trouble.MISSING_FOLDER, path.parent)
    if path.exists() and path.is_dir():
        raise DatabaseUnavailable(Trouble.DAMAGED, path, "a folder, not a file")
    try:
        conn = sqlite3.connect(str(path), timeout=BUSY_TIMEOUT_MS / 1000, check_same_thread=False)
    except sqlite3.Error as e:
        raise classify(e, path) from e
    db = LogDatabase(conn)
    try:
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        conn.execute("PRAGMA foreign_keys = ON")
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        if version > SCHEMA_VERSION:
            raise DatabaseUnavailable(Trouble.TOO_NEW, path, str(version))
        tables = set(db.table_names())
        if tables and MIGRATIONS_TABLE not in tables:
            raise DatabaseUnavailable(Trouble.DAMAGED, path, "no Incident Log schema")
        applied = applied_migrations(conn)
        if MIGRATIONS_TABLE in tables:
            unknown = applied - known_migration_names()
            if unknown:
                raise DatabaseUnavailable(Trouble.TOO_NEW, path, ", ".join(sorted(unknown)))
            if not applied and tables - {MIGRATIONS_TABLE}:  # tables, yet no record of making them
                raise DatabaseUnavailable(Trouble.DAMAGED, path, "no record of its Incident Log schema")
        if not tables:
            conn.execute("PRAGMA page_size = 8192")  # a new file: larger pages, shallower indexes
        if conn.execute("PRAGMA journal_mode").fetchone()[0].lower() != "wal":
            conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = NORMAL")
        conn.execute("PRAGMA cache_size = -65536")  # 64 MiB: bulk imports touch many index pages
        apply_migrations(db, applied)
    except DatabaseUnavailable:
        conn.close()
        raise
    except sqlite3.Error as e:
        conn.close()
        raise classify(e, path) from e
    return db


@contextlib.contextmanager
def write_transaction(db: LogDatabase) -> Iterator[LogDatabase]:
    """BEGIN IMMEDIATE takes the write lock first, so numbering is serialised across processes.

    Writes handed to the writing thread (`LogDatabase.behind`) are waited for by the COMMIT, and
    their error rolls the whole transaction back like any other."""
    if db.in_transaction:  # asked without waiting for the writes behind: joining must not stop them
        # Join the caller's transaction: the outermost one commits or rolls back as a whole. (A
        # savepoint here would make SQLite keep a sub-journal of every page a bulk import touches.)
        yield db
        return
    conn = db.conn
    try:
        conn.execute("BEGIN IMMEDIATE")
    except sqlite3.Error as e:  # still locked after the busy timeout (or a full disk): the user can act on that
        raise classify(e, _path_of(conn)) from e
    try:
        yield db
        db.conn.execute("COMMIT")  # `db.conn`: after the writes behind, raising theirs
    except sqlite3.Error as e:  # a full disk, a read-only file, damage met while writing: say which
        _roll_back(db)
        trouble = classify(e, _path_of(conn))
        if isinstance(trouble, DatabaseUnavailable):
            raise trouble from e
        raise  # a bug (a constraint the checks above it missed): as it is, for the log
    except BaseException:
        _roll_back(db)
        raise


def _roll_back(db: LogDatabase) -> None:
    db.settle(quiet=True)  # the error being raised says more than theirs
    conn = db.conn
    if conn.in_transaction:
        with contextlib.suppress(sqlite3.Error):  # the error being raised says more than this one
            conn.execute("ROLLBACK")


def _path_of(conn: sqlite3.Connection) -> Path:
    try:
        return Path(conn.execute("PRAGMA database_list").fetchone()[2] or "")
    except sqlite3.Error:
        return Path("")
