"""Fixtures for the report tests: the shared Kaluga sample imported into a real store.

The sample goes in through `desktop.exchange.import_file`, as an office's file would, so the
reports are tested on what `Store` really returns. Variants of the sample (markup-like names,
a complete claim) are made by editing the JSON before the import.
"""

from __future__ import annotations

import copy
import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from desktop.exchange import import_file
from desktop.storage import Store
from tests.reports.pdfcheck import HOSTILE, OFFICE
from tests.samples import sample

StoreFactory = Callable[[dict[str, Any], dict[str, str]], Store]


@pytest.fixture
def sample_data() -> dict[str, Any]:
    return copy.deepcopy(json.loads(sample().read_text(encoding="utf-8-sig")))


@pytest.fixture
def make_store(tmp_path: Path) -> Iterator[StoreFactory]:
    """Import a version of the sample into a fresh database and give it the office's settings."""
    opened: list[Store] = []

    def make(data: dict[str, Any], settings: dict[str, str]) -> Store:
        folder = tmp_path / f"db{len(opened)}"
        folder.mkdir()
        source = folder / "data.json"
        source.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
        store = Store.open(folder / "incident-log.sqlite3")
        opened.append(store)
        import_file(store, source)
        for key, value in settings.items():
            store.set_setting(key, value)
        return store

    yield make
    for store in opened:
        store.close()


@pytest.fixture
def store(make_store: StoreFactory, sample_data: dict[str, Any]) -> Store:
    return make_store(sample_data, OFFICE)


@pytest.fixture
def hostile_store(make_store: StoreFactory, sample_data: dict[str, Any]) -> Store:
    """The sample with text that looks like markup wherever user text reaches a report."""
    sample_data["people"][0]["full_name"] = HOSTILE  # owner of a car, claimant of CLM-2026-0001
    sample_data["people"][1]["address"] = "г. Калуга, ул. <Садовая> & Co, д. 1"  # on the letter to him
    incident = sample_data["incidents"][0]
    incident["location"] = "двор <i>дома</i> № 5 & гараж"
    incident["description"] = "a < b > c & d </para>"
    incident["vehicles"][1]["damage"] = "стекло <br/> & крыша"
    office = dict(OFFICE, office_name=HOSTILE, signatory_name="<Петров & Сидоров>")
    return make_store(sample_data, office)
