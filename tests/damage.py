"""Damage a log as a failing disk would, for the tests of backup, restore and the trouble dialog."""

from __future__ import annotations

import sqlite3
from pathlib import Path


def scribble_a_table_page(db: Path) -> None:
    """Overwrite one table page in the middle (the header stays whole: the file still opens, its
    check fails)."""
    conn = sqlite3.connect(db)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.execute("PRAGMA journal_mode = DELETE")
    page = conn.execute("PRAGMA page_size").fetchone()[0]
    conn.close()
    data = bytearray(db.read_bytes())
    for offset in range(page * 4 + 100, page * 5):
        data[offset] = 0x5A
    db.write_bytes(bytes(data))
