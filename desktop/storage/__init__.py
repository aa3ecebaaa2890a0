"""Storage: the only package that speaks SQL.

Above it, a log is a `Location` (a file or a server URL) opened with `open_store`, and a
`LogStore` (the protocol in `interface.py`) with the errors in `errors.py`. The backends live in
their own packages (`sqlite/`, the embedded default); backup, restore and snapshot are in
`maintenance`.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from .errors import Conflict, DatabaseUnavailable, NotFound, RecordInUse, Trouble
from .interface import SEARCH_LIMIT, SEARCH_TEXT_CHARS, SEARCH_WORDS, LogStore
from .location import Location
from .records import AuditEntry, Change, ChangeSet, Overview

if TYPE_CHECKING:
    from .sqlite import Store


def open_store(location: Location | str | Path) -> LogStore:
    """The log at `location`, through the backend its address names."""
    return Location.of(location).open()


def open_read_only(location: Location | str | Path) -> LogStore | None:
    """The log read in place without changing it (no lock, nothing migrated); None when it must
    be read through a `maintenance.snapshot` instead (an older or damaged file)."""
    location = Location.of(location)
    if location.path is None:  # a server log: None when the database holds no log of this version
        from .postgres import PostgresStore

        return PostgresStore.open_read_only(location)
    from .sqlite import Store

    return Store.open_read_only(location.path)


def open_copy(location: Location | str | Path, copy: Path) -> LogStore:
    """The log at LOCATION, a file that can only be read (a read-only folder or drive), read
    through COPY: a private copy made now, checked unchanged while it was made (its owner may be
    writing it). An older log's copy is migrated. The store still names the log, not the copy."""
    from .sqlite import Store
    from .sqlite.maintenance import snapshot

    path = Location.of(location).path
    assert path is not None, "a server log is read in place"
    snapshot(path, copy)
    store = Store.open_read_only(copy) or Store.open(copy)
    store.path = path
    return store


def search_text_cut(text: str) -> bool:
    """True when a register's search uses only part of TEXT (too many characters or words)."""
    from .sqlite.search_query import search_query

    return search_query(text).cut


def __getattr__(name: str) -> Any:
    # `Store` (the SQLite backend) for tests and tools that make a file log directly; loaded on
    # first use so that `import desktop.storage` does not load a backend.
    if name == "Store":
        from .sqlite import Store

        return Store
    raise AttributeError(name)


__all__ = ["AuditEntry", "Change", "ChangeSet", "Conflict", "DatabaseUnavailable", "Location", "LogStore", "NotFound",
           "Overview", "RecordInUse", "SEARCH_LIMIT", "SEARCH_TEXT_CHARS", "SEARCH_WORDS", "Store", "Trouble", "open_copy", "open_read_only", "open_store", "search_text_cut"]
