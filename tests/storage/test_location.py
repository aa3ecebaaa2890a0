"""A log is named by a Location (a file today, a server URL next), not by a path."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.storage import DatabaseUnavailable, Location, Store, Trouble

pytestmark = pytest.mark.backends("sqlite")  # the SQLite backend's own files and SQL


def test_a_file_location_opens_the_sqlite_log(tmp_path: Path) -> None:
    location = Location.of(tmp_path / "log.sqlite3")
    assert not location.is_server and location.path == tmp_path / "log.sqlite3"
    with location.open() as store:
        assert isinstance(store, Store) and store.location == location
    assert Location.of(location) is location


@pytest.mark.parametrize("url", ["postgresql://clerk:secret@server:5433/incident_log", "postgres://clerk:secret@server:5433/incident_log"])
def test_a_server_location_never_shows_its_password(url: str) -> None:
    location = Location.of(url)
    assert location.is_server and location.path is None
    assert "secret" not in location.shown() and "secret" not in str(location)
    assert location.shown().endswith("clerk@server:5433/incident_log")


def test_a_server_that_cannot_be_reached_is_said_calmly_without_the_password(tmp_path) -> None:
    with pytest.raises(DatabaseUnavailable) as caught:
        Location.of(f"postgresql://clerk:secret@/incident_log?host={tmp_path}").open()
    assert caught.value.trouble is Trouble.UNAVAILABLE
    assert "secret" not in caught.value.text("ru") and "недоступен" in caught.value.text("ru")
