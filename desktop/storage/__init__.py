"""SQLite storage: the only package that speaks SQL."""

from .errors import Conflict, DatabaseUnavailable, NotFound, RecordInUse, Trouble
from .queries import SEARCH_LIMIT
from .store import AuditEntry, Change, ChangeSet, Overview, Store

__all__ = ["AuditEntry", "Change", "ChangeSet", "Conflict", "DatabaseUnavailable", "NotFound", "Overview", "RecordInUse", "SEARCH_LIMIT", "Store", "Trouble"]
