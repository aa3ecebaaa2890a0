"""The store contract suite: each test runs on every backend in `BACKENDS` (marked ones on those
they name). Storage tests seed their data through the store's own saves, not through the importer, so a
defect in exchange cannot hide (or fake) one in storage. `store` comes from tests/conftest.py."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop.domain.parse import read_claim, read_incident, read_person
from desktop.storage import Location, LogStore, Store, open_store
from tests.samples import sample


@pytest.fixture
def sample_store(store: Store) -> Store:
    """The shared Kaluga sample, saved record by record as the forms save them."""
    document = json.loads(sample().read_text(encoding="utf-8"))
    problems: list = []
    for n, raw in enumerate(document["people"]):
        store.save_person(read_person(raw, f"people[{n}]", problems))
    incidents = {}
    for n, raw in enumerate(document["incidents"]):
        incident = read_incident(raw, f"incidents[{n}]", problems)
        incidents[incident.id] = store.save_incident(incident)
    for n, raw in enumerate(document["claims"]):
        store.save_claim(read_claim(raw, f"claims[{n}]", problems, incidents.get), enforce_transition=False)
    assert problems == []
    return store


# ---- the store contract: every test here runs on each backend unless marked `backends(...)`
BACKENDS = ["sqlite", "postgresql"]


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "backends(*names): the test needs these backends' own files or SQL")


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    if "backend" in metafunc.fixturenames:
        marker = metafunc.definition.get_closest_marker("backends")
        allowed = marker.args if marker else BACKENDS
        metafunc.parametrize("backend", [b for b in BACKENDS if b in allowed])


@pytest.fixture
def log_location(backend: str, tmp_path: Path, request: pytest.FixtureRequest) -> Location:
    """A new, empty log on BACKEND (a file; a database on the tests' own PostgreSQL server)."""
    if backend == "sqlite":
        return Location(str(tmp_path / "log.sqlite3"))
    server = request.getfixturevalue("pg_server")
    return Location(server.new_database())


@pytest.fixture
def store(log_location: Location) -> Iterator[LogStore]:
    """An empty log on each backend in turn (the contract suite), opened as the window opens one."""
    with open_store(log_location) as s:
        yield s
    if log_location.is_server:
        from desktop.storage.postgres import connection

        connection.release(log_location.target)
