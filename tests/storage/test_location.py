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


@pytest.mark.parametrize("url", [
    "postgresql://clerk:se/cret@server/incident_log", "postgresql://clerk:se#cret@server/incident_log",
    "postgresql://clerk:se?cret@server/incident_log", "postgresql://clerk:se@cret@server/incident_log",
    "postgresql://clerk:x@server/incident_log?sslmode=require&password=secret",
])
def test_a_password_with_slashes_hashes_or_question_marks_never_shows(url: str) -> None:
    assert Location.of(url).shown() in ("postgresql://clerk@server/incident_log",
                                        "postgresql://clerk@server/incident_log?sslmode=require")


@pytest.mark.parametrize("url", ["postgresql://clerk:Zq9@Secret@127.0.0.1:1/incident_log",
                                 "postgresql://clerk:Zq9/?#@Secret@127.0.0.1:1/incident_log"])
def test_a_password_libpq_would_split_is_refused_before_any_attempt_without_a_piece_of_it(url: str) -> None:
    """libpq ends a password at its first `@`, and quoted the rest as the server's name
    ('Secret@127.0.0.1'), in the message and in the pool's log; it is refused before that now."""
    with pytest.raises(DatabaseUnavailable) as caught:
        Location.of(url).open()
    assert caught.value.trouble is Trouble.BAD_ADDRESS
    for lang in ("en", "ru"):
        assert "Secret" not in caught.value.text(lang) and "Zq9" not in caught.value.text(lang)


def test_libpqs_key_value_words_are_not_a_file_name_and_their_password_never_shows() -> None:
    location = Location.of("host=server port=5433 user=clerk password='Zq9 Secret' dbname=log")
    assert location.is_conninfo and not location.is_server
    assert location.shown() == "host=server port=5433 user=clerk password=*** dbname=log"
    assert not Location.of("/home/clerk/host=1.sqlite3").is_conninfo


def test_a_one_letter_password_does_not_blank_that_letter_in_libpqs_reason() -> None:
    with pytest.raises(DatabaseUnavailable) as caught:
        Location.of("postgresql://clerk:a@server/incident_log?colour=red").open()
    assert 'invalid URI query parameter: "colour"' in caught.value.text("en")


def test_a_server_that_cannot_be_reached_is_said_calmly_without_the_password(tmp_path) -> None:
    with pytest.raises(DatabaseUnavailable) as caught:
        Location.of(f"postgresql://clerk:secret@/incident_log?host={tmp_path}").open()
    assert caught.value.trouble is Trouble.NO_CONNECTION  # a connection attempt: libpq gives no code, whatever the reason
    assert "secret" not in caught.value.text("ru") and "не удаётся подключиться" in caught.value.text("ru")
    assert "проверьте адрес журнала" in caught.value.text("ru")


@pytest.mark.parametrize(("url", "reason"), [
    ("postgresql://clerk:secret@server/incident_log?colour=red", 'invalid URI query parameter: "colour"'),
    ("postgresql://clerk:se%zzcret@server/incident_log", "invalid percent-encoded token"),
    ("postgresql://clerk:secret@[::1/incident_log?password=secret", "IPv6 host address"),
])
def test_a_mistyped_server_address_is_said_as_such_never_a_bug_nor_the_password(url: str, reason: str) -> None:
    """libpq refuses to read these URLs before any connection: the clerk's typing, not a bug
    (it was "an internal error", exit 1), and the password stays out of libpq's quoted reason."""
    location = Location.of(url)
    assert location.is_server and "secret" not in location.shown()
    with pytest.raises(DatabaseUnavailable) as caught:
        location.open()
    assert caught.value.trouble is Trouble.BAD_ADDRESS
    for lang in ("en", "ru"):
        text = caught.value.text(lang)
        assert reason in text and "secret" not in text and "se%zzcret" not in text
    assert caught.value.text("ru").endswith("запишите его так: postgresql://имя@сервер/база")
