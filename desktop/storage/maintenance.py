"""Backups, restore and snapshots: a log's files, whichever backend serves it.

A backup is always a SQLite file of ours (from a server log too, as `copy-to` makes it), so the
work is done beside the SQLite backend (`sqlite/maintenance.py`); the window and the command line
import it from here and never from a backend.
"""

from .sqlite.maintenance import (
    DEFAULT_BACKUP_KEEP,
    BadBackup,
    automatic_backup,
    automatic_backup_due,
    automatic_backups,
    backup,
    backup_keep,
    backup_path,
    is_sqlite_file,
    names_database,
    restore,
    snapshot,
    verify,
)

__all__ = ["DEFAULT_BACKUP_KEEP", "BadBackup", "automatic_backup", "automatic_backup_due", "automatic_backups", "backup",
           "backup_keep", "backup_path", "is_sqlite_file", "names_database", "restore", "snapshot", "verify"]
