"""The search index's documents: what each record's document holds, and which writes rewrite it."""

from __future__ import annotations

import json
from typing import Any

import pytest

from desktop.domain.views import Filters
from desktop.exchange import import_document
from tests.synthetic import _id, document

pytestmark = pytest.mark.backends("sqlite")  # the SQLite backend's own files and SQL


def _import(store, cars: int = 20, per_incident: int = 10) -> dict[str, Any]:
    doc = document(cars, vehicles_per_incident=per_incident)
    import_document(store, json.loads(json.dumps(doc, ensure_ascii=False)))
    return doc


def _claim_numbers(store, text: str) -> list[str]:
    return [r.number for r in store.claim_rows(Filters(text=text))]


def _references(store, text: str) -> list[str]:
    return [r.reference for r in store.incident_rows(Filters(text=text))]


def test_a_claims_document_holds_its_own_cars_not_the_whole_incident(store):
    _import(store)
    own = store.get_claim(_id("claim", 1))
    assert _claim_numbers(store, "В001АА40") == [own.number]  # car 1's plate: car 1's claim only, not its neighbours'
    assert _references(store, "В001АА40") == [store.get_incident(_id("incident", 0)).reference]


def test_saving_a_claim_keeps_its_incidents_document_unless_its_number_or_incident_changes(store):
    _import(store)
    written: list[list[str]] = []
    write_docs = store._write_docs
    store._write_docs = lambda docs, fresh: (written.append([d[0] for d in docs]), write_docs(docs, fresh))  # type: ignore[method-assign]
    claim = store.get_claim(_id("claim", 3))
    claim.notes = "уточнить адрес"
    store.save_claim(claim)
    assert written == [["claim"]]
    assert _claim_numbers(store, "уточнить") == [claim.number]


def test_a_claim_moved_to_another_incident_leaves_the_old_incidents_document(store):
    _import(store)
    claim = store.get_claim(_id("claim", 3))
    old = store.get_incident(claim.incident_id)
    new = store.get_incident(_id("incident", 1))
    claim.incident_id, claim.items = new.id, [new.vehicles[0].id]
    store.save_claim(claim)
    assert _references(store, claim.number) == [new.reference]  # not the incident it left
    assert old.reference not in _references(store, claim.number)


def _doc_numbers(store) -> dict[str, int]:
    return dict(store.db.conn.execute("SELECT record_id, doc FROM search_docs").fetchall())


def _doc_texts(store) -> dict[str, str]:
    return dict(store.db.conn.execute(
        "SELECT d.record_id, s.body FROM search_docs d JOIN search_index s ON s.rowid = d.doc").fetchall())


def test_a_new_phone_rewrites_no_search_document(store):
    _import(store)
    before = _doc_numbers(store)
    person = store.get_person(_id("person", 4))
    person.phone = "+79107654321"
    store.save_person(person)
    assert _doc_numbers(store) == before


def test_an_unchanged_document_is_not_rewritten(store):
    from desktop.domain.enums import IncidentStatus

    _import(store)
    before = _doc_numbers(store)
    incident = store.get_incident(_id("incident", 0))
    incident.status = IncidentStatus.CLOSED  # not in any search document
    store.save_incident(incident)
    assert _doc_numbers(store) == before
    texts = _doc_texts(store)
    incident.location = "улица Липовая, дом 3"
    store.save_incident(incident)
    after = _doc_texts(store)
    assert after[incident.id] != texts[incident.id] and _doc_numbers(store) == before  # rewritten where it was
    assert {k: v for k, v in after.items() if k != incident.id} == {k: v for k, v in texts.items() if k != incident.id}
    assert _references(store, "липовая") == [incident.reference]


def test_each_searchable_word_of_an_incident_is_reindexed_when_changed(store):
    _import(store)
    incident = store.get_incident(_id("incident", 1))
    changes = [("location", "переулок Вишнёвый"), ("description", "обломки беспилотника"), ("source", "дежурная часть"),
               ("settlement", "Мстихино")]
    for field, value in changes:
        setattr(incident, field, value)
        store.save_incident(incident)
        assert _references(store, value) == [incident.reference], field
    for field, value in [("colour", "бордовый"), ("damage", "вмятина капота"), ("model", "Vesta")]:
        setattr(incident.vehicles[2], field, value)
        store.save_incident(incident)
        assert _references(store, value) == [incident.reference], field


def test_whole_references_are_found_as_the_pattern_finds_them_over_the_whole_text():
    import random

    from desktop.storage import search

    def scanned(text: str) -> list[str]:
        return ["".join(m.groups()) for m in search._WHOLE_REFERENCE.finditer(text)]

    rng = random.Random(5)
    pieces = ["inc-", "clm-", "inc", "clm", "-", "2026", "0", "12", "x", "а", " ", "_", "é", "inc-2026-", "clm-2026-0001", "ёinc-"]
    for _ in range(50_000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 12)))
        assert search._joined_references(text) == scanned(text), text
    body = search._join(["CLM-2026-0042", "Иванов", None, "", "А123ВС40", "см. INC-2026-0007,inc-2026-0008 и xinc-2026-1"])
    assert body.endswith(" clm20260042 inc20260007 inc20260008")


def test_a_claim_deleted_rewrites_its_incidents_document_only_where_it_still_lists_the_number(store):
    """Incident documents written before they left claim numbers out still list them: deleting or
    moving such a claim rewrites that incident's document; in a log indexed since, nothing."""
    _import(store)
    written: list[list[str]] = []
    write_docs = store._write_docs
    store._write_docs = lambda docs, fresh: (written.append([d[0] for d in docs]), write_docs(docs, fresh))  # type: ignore[method-assign]
    first, second = store.get_claim(_id("claim", 1)), store.get_claim(_id("claim", 2))
    store.delete_claim(first.id)
    assert written == []  # the incident's document never listed the number
    # as an older version indexed it: the incident's own words and its claims' numbers
    incident = store.get_incident(second.incident_id)
    body = store._rows("SELECT s.body FROM search_docs d JOIN search_index s ON s.rowid = d.doc WHERE d.record_id = ?",
                       [incident.id])[0]["body"]
    with store.transaction():
        write_docs([("incident", incident.id, [f"{body} {second.number.lower()} {second.number.lower().replace('-', '')}"])], set())
    assert _references(store, second.number) == [incident.reference]
    store.delete_claim(second.id)
    assert written == [["incident"]]
    assert _references(store, second.number) == []
