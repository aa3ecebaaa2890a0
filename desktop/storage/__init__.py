"""SQLite storage: the only package that speaks SQL."""

from .errors import Conflict, DatabaseUnavailable, NotFound, RecordInUse, Trouble
from .interface import LogStore
from .location import Location
from .queries import SEARCH_LIMIT
from .store import AuditEntry, Change, ChangeSet, Overview, Store

__all__ = ["AuditEntry", "Change", "ChangeSet", "Conflict", "DatabaseUnavailable", "Location", "LogStore", "NotFound", "Overview", "RecordInUse", "SEARCH_LIMIT", "Store", "Trouble"]
