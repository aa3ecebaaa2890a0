"""Files that hold personal data: private to the user, never half-written, never left behind.

Every file the program writes for a clerk (exports, reports, backups, the log) carries passports,
INNs and phones, so it is created readable by its owner only (0600, folders 0700) and is written
beside its destination as `NAME.part`, renamed over NAME only once whole. A process killed
mid-write leaves its `.part`; each unfinished write is listed in the data folder's `unfinished/`
while it runs, and `sweep_unfinished()` (called at start and before each export) removes the
`.part` files of writers that are no longer running, wherever they were written.

An attachment opened for viewing is copied into the data folder's `opened/PID/` (never the
system's temporary folder, which others can list), removed when the program exits, and swept
at the next start if the program was killed.
"""

from __future__ import annotations

import atexit
import contextlib
import os
import shutil
import sys
from collections.abc import Iterator
from pathlib import Path

from .paths import data_dir

PART_SUFFIX = ".part"
PRIVATE_FILE = 0o600
PRIVATE_FOLDER = 0o700
UNFINISHED = "unfinished"
OPENED = "opened"
COPIES = "copies"


def restrict_new_files() -> None:
    """Files and folders this process creates are its user's alone (SQLite's -wal/-shm included)."""
    os.umask(0o077)


def make_private(path: Path, folder: bool = False) -> None:
    """Best effort: on Windows the profile folder's ACL does this work and chmod only sets read-only."""
    if os.name == "posix":
        with contextlib.suppress(OSError):
            os.chmod(path, PRIVATE_FOLDER if folder else PRIVATE_FILE)


def private_folder(path: Path) -> Path:
    """Create PATH (and missing parents) as 0700; an existing folder of ours is narrowed to 0700."""
    path = Path(path)
    path.mkdir(mode=PRIVATE_FOLDER, parents=True, exist_ok=True)
    make_private(path, folder=True)
    return path


def partial_path(dest: Path) -> Path:
    return dest.with_name(dest.name + PART_SUFFIX)


@contextlib.contextmanager
def written_whole(dest: Path) -> Iterator[Path]:
    """Yield the `.part` path to write DEST through; it replaces DEST only if the block ends cleanly.

    The partial file exists (empty, 0600) when the block starts, so writers that open it by name
    keep its mode. On any exception, or when the block is left early, it is removed.
    """
    dest = Path(dest)
    partial = partial_path(dest)
    entry = _register(partial)
    try:
        partial.unlink(missing_ok=True)
        os.close(os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, PRIVATE_FILE))
        make_private(partial)
        yield partial
        os.replace(partial, dest)
        make_private(dest)
    finally:
        partial.unlink(missing_ok=True)
        if entry is not None:
            entry.unlink(missing_ok=True)


@contextlib.contextmanager
def scratch_copy(name: str) -> Iterator[Path]:
    """A private path in the data folder's `copies/` for the length of the block (a log that can
    only be read is read through a copy there), removed after it with SQLite's side files; a
    killed process's copy is swept at the next start like any `.part`."""
    folder = private_folder(data_dir() / COPIES)
    path = folder / f"{os.getpid()}-{os.urandom(8).hex()}-{name}{PART_SUFFIX}"
    entry = _register(path)
    try:
        yield path
    finally:
        remove_with_side_files(path)
        if entry is not None:
            entry.unlink(missing_ok=True)


def remove_with_side_files(path: Path) -> None:
    """A SQLite file and the journal, WAL and shared memory SQLite may have left beside it."""
    for suffix in ("", "-wal", "-shm", "-journal"):
        with contextlib.suppress(OSError):
            path.with_name(path.name + suffix).unlink(missing_ok=True)


def viewing_copy(key: str, name: str, data: bytes) -> Path:
    """A private copy of an attachment for the system's viewer: `opened/PID/KEY/NAME` in the data
    folder (folders 0700, the file 0600), removed when this process exits."""
    own = _opened_dir() / str(os.getpid())
    if not own.exists():
        atexit.register(remove_viewing_copies)
    folder = private_folder(private_folder(private_folder(own.parent) / own.name) / key)
    target = folder / (Path(name).name or "attachment")
    fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, PRIVATE_FILE)
    with os.fdopen(fd, "wb") as out:
        out.write(data)
    make_private(target)
    return target


def remove_viewing_copies() -> None:
    """Remove this process's copies of opened attachments (at exit)."""
    shutil.rmtree(_opened_dir() / str(os.getpid()), ignore_errors=True)


def sweep_unfinished() -> list[Path]:
    """Remove the `.part` files that writers no longer running left behind, and the copies of
    opened attachments of processes no longer running; return what went."""
    folder = _unfinished_dir()
    removed: list[Path] = []
    opened = _opened_dir()
    if opened.is_dir():
        for entry in opened.iterdir():
            if entry.name.isdigit() and _alive(int(entry.name)):
                continue
            shutil.rmtree(entry, ignore_errors=True)
            removed.append(entry)
    if not folder.is_dir():
        return removed
    for entry in folder.iterdir():
        pid_text, _, _ = entry.name.partition("-")
        if pid_text.isdigit() and _alive(int(pid_text)):
            continue
        try:
            target = Path(entry.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, ValueError):
            target = None
        if target is not None and target.name.endswith(PART_SUFFIX) and target.is_file():
            remove_with_side_files(target)  # a copy of a log may have SQLite's beside it
            if not target.exists():
                removed.append(target)
        entry.unlink(missing_ok=True)
    return removed


def _unfinished_dir() -> Path:
    return data_dir() / UNFINISHED


def _opened_dir() -> Path:
    return data_dir() / OPENED


def _register(partial: Path) -> Path | None:
    """List PARTIAL as being written by this process; None where the data folder cannot be written."""
    try:
        folder = private_folder(_unfinished_dir())
        entry = folder / f"{os.getpid()}-{os.urandom(16).hex()}"
        fd = os.open(entry, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_FILE)
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            out.write(str(Path(partial).resolve()))
        return entry
    except OSError:
        return None


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    if sys.platform == "win32":  # os.kill(pid, 0) would terminate the process on Windows
        import ctypes

        kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined]
        handle = kernel32.OpenProcess(0x00100000, False, pid)  # SYNCHRONIZE
        if not handle:
            return False
        try:
            return kernel32.WaitForSingleObject(handle, 0) == 0x102  # WAIT_TIMEOUT: still running
        finally:
            kernel32.CloseHandle(handle)
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True
