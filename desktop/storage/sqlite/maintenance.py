"""Backups, restore and snapshots of the SQLite file: whole copies, verified, never half in place.

A backup is written through `desktop.files.written_whole` (NAME.part, renamed once whole) and
checked before it takes its name, so the backups folder never holds a copy that would fail on
the day it is needed, and a database that fails its check is never backed up at all. A restore
verifies the backup first, copies it beside the live database, keeps the live file (with its WAL)
aside under a name no earlier restore used, and only then swaps; a full disk or a read-only
folder stops it before anything changed.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import shutil
import sqlite3
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from ...files import make_private, private_folder, written_whole
from ...paths import backups_dir
from ..errors import DatabaseUnavailable, Trouble
from ..findings import Finding, first_findings, in_language
from .connection import LogDatabase, classify
from .schema import MIGRATIONS_TABLE, SCHEMA_VERSION, applied_migrations, known_migration_names

if TYPE_CHECKING:
    from .store import Store

BACKUP_STEP_PAGES = 1024  # 4 MB per step at the default page size: a progress bar that moves
DEFAULT_BACKUP_KEEP = 14
AUTOMATIC_EVERY = timedelta(days=1)
SQLITE_HEADER = b"SQLite format 3\x00"
BACKUP_PREFIX = "incident-log-"  # backups the clerk asked for: never deleted by the program
AUTO_PREFIX = "incident-log-auto-"  # the window's own: the oldest beyond `backup_keep` go
_STAMP = "%Y-%m-%d_%H%M%S"
_AUTO_NAME = re.compile(r"incident-log-auto-(\d{4}-\d{2}-\d{2}_\d{6})(?:-(\d+))?\.sqlite3")
_LOCK_PROBE_SECONDS = 2.0

Progress = Callable[[int, int], None]


class BadBackup(Exception):
    """The file offered for a restore is not a whole Incident Log database (the CLI exits 2)."""

    def __init__(self, path: object, problems: list[str]) -> None:
        self.path = str(path)
        self.problems = problems
        super().__init__(self.text("en"))

    def lines(self, lang: str = "en") -> list[str]:
        if [getattr(p, "code", None) for p in self.problems] == ["is_the_log"]:  # whole, but no backup
            head = (f"{self.path}: восстановление отменено (ничего не изменено)" if lang == "ru"
                    else f"{self.path}: nothing was restored")
        else:
            head = (f"{self.path}: не является целой базой журнала, восстановление отменено (ничего не изменено)"
                    if lang == "ru" else f"{self.path}: not a whole Incident Log database; nothing was restored")
        return [head, *(f"{self.path}: {in_language(p, lang)}" for p in self.problems)]

    def text(self, lang: str = "en") -> str:
        return "\n".join(self.lines(lang))


# ---- checking a file ---------------------------------------------------------------------------
def is_sqlite_file(path: Path) -> bool:
    """Whether PATH starts with SQLite's header (16 bytes read, so any file is cheap to test)."""
    try:
        with open(path, "rb") as f:
            return f.read(len(SQLITE_HEADER)) == SQLITE_HEADER
    except OSError:
        return False


def _open_read_only(path: Path) -> sqlite3.Connection:
    """Read a file without changing it: immutable (no locks, no side files) unless a WAL is beside it."""
    in_use = path.with_name(path.name + "-wal").exists()
    uri = path.resolve().as_uri() + ("?mode=ro" if in_use else "?mode=ro&immutable=1")
    return sqlite3.connect(uri, uri=True)


def verify(path: Path, *, audit_trail: bool = False) -> list[str]:
    """Problems that make PATH unfit to be the log (empty: a whole database of ours).

    Ours: SQLite, our migrations table with no migration this version does not know, a schema
    version not newer than ours. Whole: at the current version the store's own `check()`
    (integrity, foreign keys; the audit trail only when asked, see below); an older one gets
    integrity and foreign keys.
    """
    path = Path(path)
    if not path.is_file():
        return [Finding("no_file")]
    if not is_sqlite_file(path):
        return [Finding("not_sqlite")]
    try:
        conn = _open_read_only(path)
    except sqlite3.Error as e:
        return [Finding("unreadable", detail=e.sqlite_errorname)]
    try:
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        if version > SCHEMA_VERSION:
            return [Finding("newer_schema", version=version)]
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        if MIGRATIONS_TABLE not in tables:
            return [Finding("no_migrations_table")]
        applied = applied_migrations(conn)
        if not applied:
            return [Finding("no_migrations")]
        unknown = applied - known_migration_names()
        if unknown:
            return [Finding("newer_migrations", names=", ".join(sorted(unknown)))]
        if version == SCHEMA_VERSION:
            from .store import Store

            # A restore asks for the file's soundness only (cli.md: integrity, schema version); a
            # backup of the command line or the File menu for the audit trail too (cli.md: a
            # database that fails its check is not backed up); the window's automatic one not:
            # of a log whose trail shows edits made behind the program's back it still keeps the
            # day's copy (the evidence, and the records' only copy elsewhere).
            return Store(LogDatabase(conn), path).check(audit_trail=audit_trail)
        problems = [Finding("integrity", detail=r[0]) for r in conn.execute("PRAGMA integrity_check") if r[0] != "ok"]
        problems += [Finding("foreign_key", table=r[0], row=r[1], parent=r[2]) for r in conn.execute("PRAGMA foreign_key_check")]
        return problems
    except sqlite3.DatabaseError as e:
        return [Finding("damaged", detail=str(e))]
    finally:
        conn.close()


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve() or (a.exists() and b.exists() and os.path.samefile(a, b))
    except OSError:
        return False


def database_files(db_path: Path) -> list[Path]:
    """The database and the side files SQLite keeps beside it."""
    db_path = Path(db_path)
    return [db_path, *(db_path.with_name(db_path.name + s) for s in ("-wal", "-shm", "-journal"))]


def names_database(path: Path, db_path: Path) -> bool:
    """Whether PATH is the database DB_PATH or one of its side files."""
    return any(_same_file(Path(path), f) for f in database_files(db_path))


def _os_trouble(error: OSError, path: Path) -> DatabaseUnavailable | None:
    """What a clerk can act on in an OS refusal (None: not one of those, a bug to report)."""
    if error.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)):
        return DatabaseUnavailable(Trouble.DISK_FULL, path)
    if error.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
        return DatabaseUnavailable(Trouble.READ_ONLY, path)
    if error.errno == errno.EIO:
        return DatabaseUnavailable(Trouble.IO_ERROR, path)
    return None


# ---- backup ------------------------------------------------------------------------------------
def backup(store: Store, dest: Path, progress: Progress | None = None, *, audit_trail: bool = True) -> Path:
    """A consistent copy through SQLite's online backup, safe while clerks keep working.

    `progress(pages_done, pages_total)` is called as the copy goes (the window's progress
    bar); an exception raised from it stops the copy and propagates. The copy is checked before
    it takes DEST's name; a copy that fails (the database fails its check) is removed and
    `DatabaseUnavailable(DAMAGED)` names the database, so a damaged log never becomes the newest
    backup.
    """
    dest = Path(dest)
    if names_database(dest, store.path):
        raise ValueError("a backup cannot overwrite the database it copies")
    try:
        with written_whole(dest) as partial:
            target = sqlite3.connect(str(partial))
            try:
                if progress is None:
                    store.db.conn.backup(target)
                else:
                    store.db.conn.backup(target, pages=BACKUP_STEP_PAGES,
                                         progress=lambda _status, remaining, total: progress(total - remaining, total))
            except sqlite3.Error as e:
                trouble = classify(e, dest)
                if isinstance(trouble, DatabaseUnavailable) and trouble.trouble is Trouble.DAMAGED:
                    trouble = classify(e, store.path)  # the source's pages, not the copy's
                raise trouble from e
            finally:
                target.close()
            problems = verify(partial, audit_trail=audit_trail)
            if problems:
                raise DatabaseUnavailable(Trouble.DAMAGED, store.path, first_findings(problems))
    except OSError as e:
        trouble = _os_trouble(e, dest.parent)
        if trouble is None:
            raise
        raise trouble from e
    return dest


def _unique(folder: Path, stem: str, suffix: str = ".sqlite3") -> Path:
    """FOLDER/STEM.sqlite3, or STEM-2, STEM-3…: two backups in one second keep both."""
    candidate = folder / f"{stem}{suffix}"
    n = 1
    while candidate.exists() or Path(str(candidate) + ".part").exists():
        n += 1
        candidate = folder / f"{stem}-{n}{suffix}"
    return candidate


def backup_path(db_path: Path, *, automatic: bool = False, now: datetime | None = None, folder: Path | None = None) -> Path:
    """Where a new backup goes: the backups folder beside the database (created 0700), a free name."""
    folder = private_folder(backups_dir(Path(db_path))) if folder is None else Path(folder)
    stamp = (now or datetime.now()).strftime(_STAMP)
    return _unique(folder, f"{AUTO_PREFIX if automatic else BACKUP_PREFIX}{stamp}")


def backup_keep(store: Store) -> int:
    """The `backup_keep` setting: how many automatic backups to keep (at least one)."""
    value = store.get_setting("backup_keep")
    try:
        return max(1, int(value)) if value is not None else DEFAULT_BACKUP_KEEP
    except (TypeError, ValueError):
        return DEFAULT_BACKUP_KEEP


def automatic_backups(db_path: Path) -> list[Path]:
    """The window's own backups beside DB_PATH, oldest first (the clerk's own are not listed)."""
    folder = backups_dir(Path(db_path))
    if not folder.is_dir():
        return []
    found: list[tuple[str, int, Path]] = []
    for entry in folder.iterdir():
        match = _AUTO_NAME.fullmatch(entry.name)
        if match and entry.is_file():
            found.append((match.group(1), int(match.group(2) or 1), entry))
    return [p for *_key, p in sorted(found)]


def last_automatic_backup(db_path: Path) -> datetime | None:
    backups = automatic_backups(db_path)
    if not backups:
        return None
    match = _AUTO_NAME.fullmatch(backups[-1].name)
    assert match is not None
    return datetime.strptime(match.group(1), _STAMP)


def automatic_backup_due(db_path: Path, now: datetime | None = None) -> bool:
    """Whether a day has passed since the latest automatic backup (or there is none)."""
    last = last_automatic_backup(db_path)
    return last is None or (now or datetime.now()) - last >= AUTOMATIC_EVERY


def prune_automatic(db_path: Path, keep: int) -> list[Path]:
    """Remove the oldest automatic backups beyond KEEP; the clerk's own backups are never touched."""
    backups = automatic_backups(db_path)
    removed = backups[: max(0, len(backups) - max(1, keep))]
    for path in removed:
        with contextlib.suppress(OSError):
            path.unlink()
    return removed


def automatic_backup(store: Store, progress: Progress | None = None, now: datetime | None = None) -> Path:
    """The window's daily (and on closing) backup: verified, then the oldest beyond `backup_keep` go."""
    dest = backup_path(store.path, automatic=True, now=now)
    backup(store, dest, progress, audit_trail=False)  # see `verify`
    prune_automatic(store.path, backup_keep(store))
    return dest


# ---- snapshot ----------------------------------------------------------------------------------
def snapshot(source: Path, dest: Path) -> Path:
    """Copy a database file without opening it for writing: no migration, no WAL switch.

    For the selftest, which proves a build on the clerk's real database and must leave it
    exactly as it was. Without a `-wal` file beside it the source is read as immutable (no
    lock or side files are created); with one, another program has it open and it is read
    through a read-only connection that sees its committed state.
    """
    source = Path(source)
    if not source.is_file():
        raise DatabaseUnavailable(Trouble.DAMAGED, source, Finding("no_file"))
    # Read as immutable, SQLite trusts the file not to change: a program that writes it meanwhile
    # (its owner's window) could give a copy of pages old and new. The file and its `-wal` are
    # compared before and after the copy, which is made again when they moved.
    for _attempt in range(SNAPSHOT_TRIES):
        before = _file_state(source)
        try:
            origin = _open_read_only(source)
            try:
                Path(dest).unlink(missing_ok=True)
                target = sqlite3.connect(str(dest))
                try:
                    origin.backup(target)
                finally:
                    target.close()
            finally:
                origin.close()
        except sqlite3.Error as e:
            if _file_state(source) == before:
                raise classify(e, source) from e
            continue  # a torn read of a file being written: not damage
        if _file_state(source) == before:
            return Path(dest)
    raise DatabaseUnavailable(Trouble.LOCKED, source)


SNAPSHOT_TRIES = 3


def _file_state(path: Path) -> tuple[object, ...]:
    """What changes when a program writes the database: the file's and its `-wal`'s size and time."""
    state: list[object] = []
    for p in (path, path.with_name(path.name + "-wal")):
        try:
            st = p.stat()
            state.append((st.st_ino, st.st_size, st.st_mtime_ns))
        except OSError:
            state.append(None)
    return tuple(state)


# ---- restore -----------------------------------------------------------------------------------
def copy_database(source: Path, dest: Path) -> None:
    """Copy a (verified) database file into DEST through SQLite, so a WAL beside it is included."""
    origin = _open_read_only(Path(source))
    try:
        target = sqlite3.connect(str(dest))
        try:
            origin.backup(target)
        finally:
            target.close()
    finally:
        origin.close()


def _settle(db_path: Path) -> None:
    """Fold the live database's WAL into it and leave rollback mode, so no stale WAL outlives it.

    Leaving WAL mode needs the only connection to the file: if another program (or another copy
    of Incident Log) has it open, the restore is refused as "locked" rather than swapping the
    file under it. A file SQLite cannot read (the damaged log being replaced) is left as it is;
    its WAL goes aside with it.
    """
    if not db_path.is_file() or not is_sqlite_file(db_path):
        return
    try:
        conn = sqlite3.connect(str(db_path), timeout=_LOCK_PROBE_SECONDS)
    except sqlite3.Error:
        return
    try:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        mode = conn.execute("PRAGMA journal_mode = DELETE").fetchone()[0]
        if str(mode).lower() == "wal":
            raise DatabaseUnavailable(Trouble.LOCKED, db_path)
    except sqlite3.Error as e:
        trouble = classify(e, db_path)
        if isinstance(trouble, DatabaseUnavailable) and trouble.trouble in (Trouble.LOCKED, Trouble.DISK_FULL,
                                                                           Trouble.READ_ONLY, Trouble.IO_ERROR):
            raise trouble from e
        # damaged (or a bug reading it): it is being replaced; it goes aside untouched
    finally:
        conn.close()


def kept_name(db_path: Path, now: datetime | None = None) -> Path:
    """A name for the replaced database that no earlier restore used (nor its -wal)."""
    stamp = (now or datetime.now()).strftime("%Y%m%d-%H%M%S")
    base = f"{db_path.name}.before-restore-{stamp}"
    candidate, n = db_path.with_name(base), 1
    while any(f.exists() for f in database_files(candidate)):
        n += 1
        candidate = db_path.with_name(f"{base}-{n}")
    return candidate


def _keep_aside(db_path: Path) -> Path | None:
    """Give the live database (and its WAL) a kept name; the live name stays until the swap."""
    if not db_path.exists():
        return None
    while True:
        kept = kept_name(db_path)
        try:
            os.link(db_path, kept)  # the live name keeps the old file until the new one replaces it
            break
        except FileExistsError:
            continue  # another restore took that name this instant
        except OSError:
            fd = os.open(kept, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)  # reserve, then move
            os.close(fd)
            os.replace(db_path, kept)
            break
    for suffix in ("-wal", "-journal"):
        side = db_path.with_name(db_path.name + suffix)
        if side.exists():
            os.replace(side, kept.with_name(kept.name + suffix))
    db_path.with_name(db_path.name + "-shm").unlink(missing_ok=True)  # rebuilt from the WAL when opened
    return kept


def restore(backup_file: Path, db_path: Path) -> Path | None:
    """Put BACKUP_FILE in place of the database; return where the old database went (None: none).

    Refuses (`BadBackup`) a file that is not a whole database of ours, and (`DatabaseUnavailable`)
    a database another program holds open, a full disk, a read-only folder: in every refusal the
    live database and every earlier kept copy are exactly as they were.
    """
    backup_file, db_path = Path(backup_file), Path(db_path)
    if names_database(backup_file, db_path):
        raise BadBackup(backup_file, [Finding("is_the_log")])
    problems = verify(backup_file)
    if problems:
        raise BadBackup(backup_file, problems)
    folder = db_path.parent
    if not folder.is_dir():
        raise DatabaseUnavailable(Trouble.MISSING_FOLDER, folder)
    try:
        needed = sum(f.stat().st_size for f in database_files(backup_file)[:2] if f.exists())
        if shutil.disk_usage(folder).free < needed:
            raise DatabaseUnavailable(Trouble.DISK_FULL, folder)
        with written_whole(db_path) as partial:
            try:
                copy_database(backup_file, partial)
                check = sqlite3.connect(str(partial))
                try:
                    whole = [r[0] for r in check.execute("PRAGMA quick_check")] == ["ok"]
                finally:
                    check.close()
            except sqlite3.Error as e:
                raise classify(e, folder) from e
            if not whole:
                raise DatabaseUnavailable(Trouble.IO_ERROR, folder)  # verified, then copied wrong: the disk
            _settle(db_path)  # only now: a refusal above leaves the live file byte for byte as it was
            kept = _keep_aside(db_path)
            # leaving the block renames the whole copy over the live name in one step
    except OSError as e:
        trouble = _os_trouble(e, folder)
        if trouble is None:
            raise
        raise trouble from e
    make_private(db_path)
    if kept is not None:
        make_private(kept)  # the replaced log still holds every passport
    return kept


__all__ = [
    "AUTO_PREFIX", "BACKUP_PREFIX", "BadBackup", "DEFAULT_BACKUP_KEEP", "automatic_backup", "automatic_backup_due",
    "automatic_backups", "backup", "backup_keep", "backup_path", "is_sqlite_file", "names_database",
    "prune_automatic", "restore", "snapshot", "verify",
]
