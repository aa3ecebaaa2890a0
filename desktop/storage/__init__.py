"""SQLite storage: the only package that speaks SQL."""

from .errors import DatabaseUnavailable, NotFound, RecordInUse, Trouble
from .store import AuditEntry, Change, ChangeSet, Overview, Store

__all__ = ["AuditEntry", "Change", "ChangeSet", "DatabaseUnavailable", "NotFound", "Overview", "RecordInUse", "Store", "Trouble"]
