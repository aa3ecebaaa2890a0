from __future__ import annotations

import pytest

from desktop.exchange import import_file
from desktop.storage import Store
from tests.samples import sample


@pytest.fixture
def store(tmp_path):
    with Store.open(tmp_path / "log.sqlite3") as s:
        yield s


@pytest.fixture
def sample_store(store):
    import_file(store, sample())
    return store
