"""Opening the database file safely and running writes as one transaction each."""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Iterator
from pathlib import Path

from sqlite_utils import Database

from .errors import DatabaseUnavailable, Trouble
from .schema import SCHEMA_VERSION, apply_migrations, known_migration_names

BUSY_TIMEOUT_MS = 10_000


def classify(error: sqlite3.Error, path: Path) -> DatabaseUnavailable:
    text = str(error).lower()
    if "locked" in text or "busy" in text:
        return DatabaseUnavailable(Trouble.LOCKED, path)
    if "unable to open" in text and not path.parent.exists():
        return DatabaseUnavailable(Trouble.MISSING_FOLDER, path.parent)
    return DatabaseUnavailable(Trouble.DAMAGED, path, str(error))


def connect(path: Path) -> Database:
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
    db = Database(conn)
    try:
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        conn.execute("PRAGMA foreign_keys = ON")
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        if version > SCHEMA_VERSION:
            raise DatabaseUnavailable(Trouble.TOO_NEW, path, str(version))
        tables = set(db.table_names())
        if tables and "_sqlite_migrations" not in tables:
            raise DatabaseUnavailable(Trouble.DAMAGED, path, "no Incident Log schema")
        if "_sqlite_migrations" in tables:
            applied = {r[0] for r in conn.execute("SELECT name FROM _sqlite_migrations WHERE migration_set = 'incident_log'")}
            unknown = applied - known_migration_names()
            if unknown:
                raise DatabaseUnavailable(Trouble.TOO_NEW, path, ", ".join(sorted(unknown)))
        if not tables:
            conn.execute("PRAGMA page_size = 8192")  # a new file: larger pages, shallower indexes
        if conn.execute("PRAGMA journal_mode").fetchone()[0].lower() != "wal":
            conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = NORMAL")
        conn.execute("PRAGMA cache_size = -65536")  # 64 MiB: bulk imports touch many index pages
        apply_migrations(db)
    except DatabaseUnavailable:
        conn.close()
        raise
    except sqlite3.Error as e:
        conn.close()
        raise classify(e, path) from e
    return db


@contextlib.contextmanager
def write_transaction(db: Database) -> Iterator[Database]:
    """BEGIN IMMEDIATE takes the write lock first, so numbering is serialised across processes."""
    conn = db.conn
    if conn.in_transaction:
        # Join the caller's transaction: the outermost one commits or rolls back as a whole. (A
        # savepoint here would make SQLite keep a sub-journal of every page a bulk import touches.)
        yield db
        return
    try:
        conn.execute("BEGIN IMMEDIATE")
    except sqlite3.OperationalError as e:  # still locked after the busy timeout: the user can act on that
        path = Path(conn.execute("PRAGMA database_list").fetchone()[2] or "")
        raise classify(e, path) from e
    try:
        yield db
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
    else:
        conn.execute("COMMIT")
