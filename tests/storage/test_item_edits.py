"""A large incident's save as the rows it changes gives what the whole-record comparison gives.

`item_edits` compares row tuples instead of building and comparing 20,000 records; for every
edit a clerk can make (fields, cars recoloured, added, removed, put in another order, items with
their `extra` written another way) its audit patch, its search parts and its rows must match the
whole comparison it replaces: `audit.incident_patch`, the store's `_changed_parts`, and the rows
that differ from the stored ones.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta, timezone
from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.domain.enums import IncidentKind, IncidentStatus, PropertyKind, Severity
from desktop.domain.models import Incident, PropertyItem, Vehicle
from desktop.domain.serialize import incident_to_dict
from desktop.storage import audit, rows
from desktop.storage.item_edits import item_edits
from desktop.storage.sqlite.store import _changed_parts

MSK = timezone(timedelta(hours=3))


def _vehicle(n: int, colour: str = "белый") -> Vehicle:
    return Vehicle(id=f"v-{n}", make="Lada", damage="стекло", severity=Severity.MINOR, owner_id=f"p-{n % 7}",
                   colour=colour, plate=f"А{n:03d}АА40", estimated_cost=Decimal("1000.50") + n,
                   extra={"n": n, "note": "x"} if n % 5 == 0 else None)


def _property(n: int) -> PropertyItem:
    return PropertyItem(id=f"h-{n}", kind=PropertyKind.DWELLING, description=f"дом {n}", damage="крыша",
                        severity=Severity.MODERATE, owner_id=f"p-{n % 3}", address=f"ул. Мира, {n}")


def _incident(vehicles: list[Vehicle], properties: list[PropertyItem], **fields: object) -> Incident:
    base = Incident(id="inc", kind=IncidentKind.UAV_DEBRIS, occurred_at=datetime(2026, 9, 28, 2, 40, tzinfo=MSK),
                    region="Калужская область", district="г. Калуга", location="двор", status=IncidentStatus.OPEN,
                    reference="INC-2026-0001", description="обломки", vehicles=vehicles, properties=properties,
                    version=3)
    return replace(base, **fields)


def _stored(incident: Incident, rewrite_extra: bool = False) -> dict[str, list[tuple]]:
    vehicles = [rows.vehicle_values(v, incident.id, n) for n, v in enumerate(incident.vehicles)]
    if rewrite_extra:  # an older version wrote `extra` with other spacing: the same record
        vehicles = [(*r[:-1], r[-1].replace(", ", ",") if r[-1] else r[-1]) for r in vehicles]
    return {"vehicles": vehicles,
            "properties": [rows.property_values(p, incident.id, n) for n, p in enumerate(incident.properties)]}


def _check(old: Incident, new: Incident, rewrite_extra: bool = False) -> None:
    stored = _stored(old, rewrite_extra)
    edits = item_edits(replace(old, vehicles=[], properties=[]), stored, new)
    old_dict, new_dict = incident_to_dict(old), incident_to_dict(new)
    halves = audit.incident_patch(old_dict, new_dict)
    if edits is None:  # recorded whole: exactly when a patch would not be made
        assert halves is None
        return
    assert halves is not None
    assert (edits.was, edits.now) == halves
    assert edits.unchanged == (old == new)
    if not edits.unchanged:
        assert edits.parts == _changed_parts(old_dict, new_dict)
    # Writing the edits over the stored rows gives the new incident's rows.
    for table, make in (("vehicles", rows.vehicle_values), ("properties", rows.property_values)):
        items = new.vehicles if table == "vehicles" else new.properties
        wanted = {r[0]: r for r in (make(item, new.id, n) for n, item in enumerate(items))}
        result = {r[0]: r for r in stored[table] if r[0] not in edits.removed[table]}
        result.update((r[0], r) for r in edits.written[table])
        if rewrite_extra:  # rows written another way may stay as they are: compare what they mean
            result, wanted = ({k: (*r[:-1], r[-1] and r[-1].replace(", ", ",")) for k, r in side.items()}
                              for side in (result, wanted))
        assert result == wanted


@settings(max_examples=150, deadline=None)
@given(
    cars=st.integers(audit.PATCH_ITEMS - 5, audit.PATCH_ITEMS + 15),
    houses=st.integers(0, 4),
    drop=st.sets(st.integers(0, 130), max_size=4),
    add=st.integers(0, 3),
    recolour=st.dictionaries(st.integers(0, 130), st.sampled_from(["синий", "белый"]), max_size=4),
    house_drop=st.sets(st.integers(0, 4), max_size=2),
    fields=st.fixed_dictionaries({}, optional={"description": st.none() | st.text(max_size=4),
                                               "district": st.sampled_from(["г. Калуга", "г. Обнинск"]),
                                               "injured": st.integers(0, 2)}),
    swap=st.booleans(),
    rewrite_extra=st.booleans(),
)
def test_the_rows_a_save_changes_match_the_whole_comparison(cars, houses, drop, add, recolour, house_drop, fields,
                                                            swap, rewrite_extra):
    old = _incident([_vehicle(n) for n in range(cars)], [_property(n) for n in range(houses)])
    vehicles = [replace(v, colour=recolour.get(n, v.colour)) for n, v in enumerate(old.vehicles) if n not in drop]
    vehicles += [_vehicle(1000 + n) for n in range(add)]
    if swap and len(vehicles) > 2:
        vehicles[0], vehicles[1] = vehicles[1], vehicles[0]
    properties = [p for n, p in enumerate(old.properties) if n not in house_drop]
    _check(old, _incident(vehicles, properties, **fields), rewrite_extra)


def test_one_car_recoloured_is_one_row_and_one_search_document():
    old = _incident([_vehicle(n) for n in range(2000)], [])
    new = replace(old, vehicles=[*old.vehicles[:1500], replace(old.vehicles[1500], colour="синий"), *old.vehicles[1501:]])
    edits = item_edits(replace(old, vehicles=[]), _stored(old), new)
    assert edits is not None
    assert [r[0] for r in edits.written["vehicles"]] == ["v-1500"] and edits.removed["vehicles"] == []
    assert edits.parts == ({3}, 4)  # the fourth of four documents of 500 cars
    assert edits.now["vehicles"] == [incident_to_dict(new)["vehicles"][1500]]
