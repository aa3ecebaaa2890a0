"""Shared fixtures. Qt runs headless (offscreen) and keeps its settings in a temporary folder.

`QT_QPA_PLATFORM` is set here, before any test module imports Qt, so the suite needs no display
(set it to something else, e.g. `xcb`, to watch the tests on a screen).
Folders with their own `conftest.py` may define `store`/`sample_store` of their own; these are
the defaults (the UI tests use them).
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

if os.environ.get("QT_QPA_PLATFORM", "offscreen") == "offscreen":
    # Off screen, on the common office screen (1366×768) rather than Qt's default 800×800, so
    # window sizes and saved geometry behave as they do on a clerk's desk.
    _screen = Path(tempfile.gettempdir()) / "incident-log-tests-screen.json"
    _screen.write_text(json.dumps({"synthesizedscreen": False, "screens": [
        {"name": "office", "x": 0, "y": 0, "width": 1366, "height": 768, "logicalDpi": 96, "logicalBaseDpi": 96,
         "dpr": 1}]}), encoding="utf-8")
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={_screen}"

import pytest  # noqa: E402 - after the platform is chosen

from desktop.exchange import import_file  # noqa: E402
from desktop.storage import Store  # noqa: E402
from tests.samples import sample  # noqa: E402


@pytest.fixture(scope="session", autouse=True)
def _private_user_folders(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """The user's data, log and cache folders point into a temporary folder, never the developer's."""
    saved = {k: os.environ.get(k) for k in ("XDG_DATA_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME")}
    base = tmp_path_factory.mktemp("user")
    for key in saved:
        os.environ[key] = str(base / key.lower())
    yield
    for key, value in saved.items():
        if value is None:
            os.environ.pop(key, None)
        else:
            os.environ[key] = value


@pytest.fixture(scope="session", autouse=True)
def _private_qsettings(tmp_path_factory: pytest.TempPathFactory) -> None:
    """QSettings (window geometry, last folders) go to a temporary folder, never the developer's."""
    from PySide6.QtCore import QSettings

    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path_factory.mktemp("qsettings")))


@pytest.fixture(scope="session")
def pg_server():
    """The tests' own PostgreSQL server (tests/pg_server.py), or the tests that need it are skipped
    with the reason it could not start."""
    from tests import pg_server

    server = pg_server.start()
    if isinstance(server, str):
        pytest.skip(f"no PostgreSQL server for the tests: {server}")
    yield server
    server.stop()


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with Store.open(tmp_path / "log.sqlite3") as s:
        yield s


@pytest.fixture
def sample_store(store: Store) -> Store:
    """The shared Kaluga sample (`../shared/data`, else the bundled copy), imported as an office would."""
    import_file(store, sample())
    return store
