"""One place for where things live: the user's data folder and the bundled resources.

Resources sit in the top-level `resources/` folder in a checkout, beside the package in a wheel
(`desktop/_resources`) and under `sys._MEIPASS` in a frozen build.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from platformdirs import user_data_dir, user_log_dir

APP_NAME = "incident-log"
DB_FILENAME = "incident-log.sqlite3"
DB_ENV = "INCIDENT_LOG_DB"


def is_frozen() -> bool:
    return bool(getattr(sys, "frozen", False)) and hasattr(sys, "_MEIPASS")


def resources_dir() -> Path:
    if is_frozen():
        return Path(sys._MEIPASS) / "resources"  # type: ignore[attr-defined]
    package = Path(__file__).resolve().parent
    bundled = package / "_resources"
    if bundled.is_dir():
        return bundled
    return package.parent / "resources"


def resource(*parts: str) -> Path:
    return resources_dir().joinpath(*parts)


def data_dir() -> Path:
    return Path(user_data_dir(APP_NAME, appauthor=False, roaming=False))


def log_dir() -> Path:
    return Path(user_log_dir(APP_NAME, appauthor=False))


def default_db_path() -> Path:
    """`INCIDENT_LOG_DB` overrides the data folder; `--db` overrides both (in the CLI)."""
    env = os.environ.get(DB_ENV)
    if env:
        return Path(env).expanduser()
    return data_dir() / DB_FILENAME


def backups_dir(db_path: Path) -> Path:
    return db_path.resolve().parent / "backups"
