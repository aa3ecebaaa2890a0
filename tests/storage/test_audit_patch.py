"""An update of a big incident is audited as what changed, and `check` still knows the whole."""

from __future__ import annotations

import json
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.domain.serialize import incident_to_dict
from desktop.exchange import import_document
from desktop.storage import audit
from tests.synthetic import document

CARS = 150  # above audit.PATCH_ITEMS


def _big(store) -> str:
    doc = document(CARS, vehicles_per_incident=None)
    import_document(store, json.loads(json.dumps(doc, ensure_ascii=False)))
    return doc["incidents"][0]["id"]


def _last_entry(store, record_id: str) -> tuple[str, str]:
    found = store._rows("SELECT old, new FROM audit WHERE record_id = ? ORDER BY id DESC LIMIT 1", [record_id])[0]
    return found["old"], found["new"]


def test_one_cars_colour_in_a_big_incident_is_audited_as_that_car(store):
    incident_id = _big(store)
    incident = store.get_incident(incident_id)
    whole = len(json.dumps(incident_to_dict(incident), ensure_ascii=False))
    incident.vehicles[7].colour = "вишнёвый"
    incident.description = "уточнено"
    store.save_incident(incident)
    old, new = _last_entry(store, incident_id)
    assert len(old) + len(new) < whole / 20  # one car and one field, not 150 cars twice
    recorded = json.loads(new)
    assert recorded["vehicles"] == [json.loads(old)["vehicles"][0] | {"colour": "вишнёвый"}]
    assert recorded["description"] == "уточнено"
    assert store.check() == []
    # the history names the change, without the mark
    last = store.history(incident_id)[-1]
    assert audit.PATCH not in last.new and last.new["vehicles"][0]["colour"] == "вишнёвый"


def test_cars_added_and_removed_over_several_saves_replay_to_the_stored_incident(store):
    incident_id = _big(store)
    incident = store.get_incident(incident_id)
    gone = incident.vehicles.pop(3)
    for claim_id, _number in store.claims_referring_to([gone.id]).get(gone.id, []):
        store.delete_claim(claim_id)  # a claimed car cannot be removed
    store.save_incident(incident)
    incident = store.get_incident(incident_id)
    added = incident.vehicles[0].__class__(**{**incident.vehicles[0].__dict__, "id": "0b5b7c2e-3f39-4c1e-9d41-6a8f7f1c2d99",
                                               "plate": "Х999ХХ40", "vin": None})
    incident.vehicles.append(added)
    store.save_incident(incident)
    assert store.check() == []
    assert audit.is_patch(json.loads(_last_entry(store, incident_id)[1]))
    stored = store.get_incident(incident_id)
    assert gone.id not in {v.id for v in stored.vehicles} and stored.vehicles[-1].id == added.id


def test_a_car_changed_by_hand_after_a_patch_is_named(store):
    incident_id = _big(store)
    incident = store.get_incident(incident_id)
    incident.vehicles[5].colour = "серый"
    store.save_incident(incident)
    with store.transaction():
        store.db.conn.execute("UPDATE vehicles SET colour = 'красный' WHERE id = ?", [incident.vehicles[9].id])
    found = [p for p in store.check() if p.startswith("audit:")]
    assert len(found) == 1 and "vehicles[9].colour differs from its last audit entry" in found[0], found


def test_cars_put_in_another_order_are_audited_whole(store):
    incident_id = _big(store)
    incident = store.get_incident(incident_id)
    incident.vehicles[0], incident.vehicles[1] = incident.vehicles[1], incident.vehicles[0]
    store.save_incident(incident)
    assert not audit.is_patch(json.loads(_last_entry(store, incident_id)[1]))
    assert store.check() == []


def _items(ids: list[int], colour: dict[int, str]) -> list[dict[str, Any]]:
    return [{"id": f"id-{i}", "colour": colour.get(i, "белый")} for i in ids]


@settings(max_examples=200, deadline=None)
@given(
    old_ids=st.lists(st.integers(0, 300), min_size=audit.PATCH_ITEMS, max_size=audit.PATCH_ITEMS + 20, unique=True),
    drop=st.sets(st.integers(0, 300)),
    add=st.lists(st.integers(301, 400), unique=True, max_size=5),
    recolour=st.dictionaries(st.integers(0, 400), st.sampled_from(["синий", "красный"])),
    fields=st.dictionaries(st.sampled_from(["description", "source", "settlement"]), st.none() | st.text(max_size=5)),
    shuffle=st.booleans(),
)
def test_a_patch_replays_to_the_new_state_or_is_not_made(old_ids, drop, add, recolour, fields, shuffle):
    old = {"id": "x", "description": "был", "settlement": "Калуга", "vehicles": _items(old_ids, {}), "properties": []}
    kept = [i for i in old_ids if i not in drop]
    new_ids = (list(reversed(kept)) if shuffle else kept) + add
    new = {"id": "x", "description": "был", **fields, "vehicles": _items(new_ids, recolour), "properties": []}
    new = {k: v for k, v in new.items() if v is not None or k == "id"}
    halves = audit.incident_patch(old, new)
    if halves is None:
        assert len(new_ids) < audit.PATCH_ITEMS or (shuffle and kept != list(reversed(kept)))
        return
    assert audit.replay(old, [halves]) == new
