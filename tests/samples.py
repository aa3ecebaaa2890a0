"""Where the shared sample files are: `../shared/data` beside the repo, else the copies kept here
(`resources/sample` ships with the program; `tests/data` holds the rest, for a clone on its own)."""

from __future__ import annotations

from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def sample(name: str = "sample-kaluga-2026-09.json") -> Path:
    for folder in (REPO.parent / "shared" / "data", REPO / "resources" / "sample", REPO / "tests" / "data"):
        candidate = folder / name
        if candidate.is_file():
            return candidate
    raise FileNotFoundError(name)
