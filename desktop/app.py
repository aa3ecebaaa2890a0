"""Starting the window. Replaced by the clerk's window (issue 3); until then it says what it would open."""

from __future__ import annotations

from pathlib import Path

from .storage import Store


def run_window(db: Path, lang: str | None) -> int:
    with Store.open(db) as store:
        counts = store.counts()
    print(f"Incident Log would open its window on {db} ({counts['incidents']} incidents, {counts['claims']} claims).")
    return 0
