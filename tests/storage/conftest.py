"""Storage tests seed their data through the store's own saves, not through the importer, so a
defect in exchange cannot hide (or fake) one in storage. `store` comes from tests/conftest.py."""

from __future__ import annotations

import json

import pytest

from desktop.domain.parse import read_claim, read_incident, read_person
from desktop.storage import Store
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
