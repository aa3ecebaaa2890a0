"""The vehicles and people registers, the search every register shares, several districts at once;
and each register query's plan: through indexes, never a pass over every car or person."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import Any

import pytest

from desktop.domain.enums import PersonKind
from desktop.domain.models import Person
from desktop.domain.views import Filters
from desktop.storage import Store


def plates(store: Store, text: str | None = None, **filters: Any) -> list[str | None]:
    return [r.plate for r in store.vehicle_rows(Filters(text=text, **filters), "plate", False)]


def names(store: Store, text: str | None = None) -> list[str]:
    return [r.full_name for r in store.person_rows(Filters(text=text))]


# ---- the vehicles register ---------------------------------------------------------------------
def test_every_damaged_vehicle_with_its_owner_and_incident(sample_store: Store) -> None:
    rows = sample_store.vehicle_rows()
    assert sample_store.count_vehicles() == 3 == len(rows)
    lada = next(r for r in rows if r.make == "Lada")
    assert (lada.plate, lada.owner, lada.incident_reference, lada.district) == \
        ("А123ВС40", "Смирнова Анна Викторовна", "INC-2026-0001", "г. Калуга")
    assert lada.claims == 1 and lada.estimated is not None
    assert plates(sample_store) == ["А123ВС40", "М456ОР40", "Т789УХ140"]
    assert [r.plate for r in sample_store.vehicle_rows(sort="plate", descending=True)] == \
        ["Т789УХ140", "М456ОР40", "А123ВС40"]


@pytest.mark.parametrize(("text", "found"), [
    ("456", ["М456ОР40"]),  # any part of the plate: not the other cars of its incident
    ("123ВС", ["А123ВС40"]),
    ("123bc", ["А123ВС40"]),  # on a Latin keyboard
    ("ОР 40", ["М456ОР40"]),
    ("Кузн", ["М456ОР40"]),  # the owner's surname by its beginning
    ("смирнова 123", ["А123ВС40"]),
    ("смирнова 456", []),  # her name and another car's plate: no one car has both
    ("hyundai", ["Т789УХ140"]),
    ("XTAGFL110KY123456", ["А123ВС40"]),  # the VIN
    ("калуга", ["А123ВС40", "М456ОР40", "Т789УХ140"]),  # the incident's place: all its cars
    ("INC-2026-0001", ["А123ВС40", "М456ОР40", "Т789УХ140"]),
    ("89105123308", ["А123ВС40"]),  # the owner's phone however typed
    ("+7 910 512-33-08", ["А123ВС40"]),
    ("8 (953) 123 45 67", ["Т789УХ140"]),
])
def test_the_vehicles_register_search(sample_store: Store, text: str, found: list[str]) -> None:
    assert plates(sample_store, text) == found
    assert sample_store.count_vehicles(Filters(text=text)) == len(found)


def test_vehicles_by_the_incident_date_and_several_districts(sample_store: Store) -> None:
    assert plates(sample_store, districts=("г. Калуга", "Гатчинский район")) == ["А123ВС40", "М456ОР40", "Т789УХ140"]
    assert plates(sample_store, districts=("Гатчинский район",)) == []
    assert plates(sample_store, date_from=date(2026, 9, 13)) == []
    assert plates(sample_store, date_from=date(2026, 9, 12), date_to=date(2026, 9, 12)) != []


def test_a_vehicle_is_found_where_the_register_shows_it(sample_store: Store) -> None:
    rows = sample_store.vehicle_rows(sort="plate", descending=False)
    for n, row in enumerate(rows):
        assert sample_store.vehicle_position(row.id, sort="plate", descending=False) == n
    assert sample_store.vehicle_position(rows[0].id, Filters(text="456"), "plate", False) is None


# ---- the people register -----------------------------------------------------------------------
@pytest.mark.parametrize(("text", "found"), [
    (None, ["Ахмедов Рустам Ильдарович", "ГУП «Водоканал Ленинградской области»", "Кузнецов Игорь Петрович",
            "Смирнова Анна Викторовна"]),
    ("смирн", ["Смирнова Анна Викторовна"]),  # a surname by its beginning
    ("Смирнова  А", ["Смирнова Анна Викторовна"]),
    ("ахмёдов", ["Ахмедов Рустам Ильдарович"]),  # ё reads as е
    ("Водоканал", ["ГУП «Водоканал Ленинградской области»"]),  # an organisation by any part of its name
    ("ленинградской", ["ГУП «Водоканал Ленинградской области»"]),
    ("89105123308", ["Смирнова Анна Викторовна"]),  # a phone however typed
    ("+7 910 512-33-08", ["Смирнова Анна Викторовна"]),
    ("8 (910) 512 33 08", ["Смирнова Анна Викторовна"]),
    ("9531234567", ["Ахмедов Рустам Ильдарович"]),
    ("402701234570", ["Смирнова Анна Викторовна"]),  # an INN
    ("4705012348", ["ГУП «Водоканал Ленинградской области»"]),
    ("петрович", []),  # a patronymic is no beginning of a name
])
def test_the_people_register_search(sample_store: Store, text: str | None, found: list[str]) -> None:
    assert names(sample_store, text) == found
    assert sample_store.count_people(Filters(text=text)) == len(found)


def test_a_phone_with_an_extension_is_found_by_the_number(sample_store: Store) -> None:
    office = sample_store.save_person(Person(id="3f1c0000-0000-4000-8000-000000000001", kind=PersonKind.ORGANISATION,
                                             full_name="ООО «Ромашка»", phone="+74842570000;ext=12"))
    sample_store.save_person(replace(office, id="3f1c0000-0000-4000-8000-000000000002", full_name="ООО «Лютик»",
                                     phone="+748425700001", version=1))
    assert names(sample_store, "8 (4842) 57-00-00") == ["ООО «Ромашка»"]


def test_the_people_register_counts_what_each_has(sample_store: Store) -> None:
    rows = {r.full_name: r for r in sample_store.person_rows()}
    water = rows["ГУП «Водоканал Ленинградской области»"]
    assert (water.kind, water.vehicles, water.properties, water.claims) == (PersonKind.ORGANISATION, 0, 1, 1)
    assert (rows["Смирнова Анна Викторовна"].vehicles, rows["Смирнова Анна Викторовна"].claims) == (1, 1)
    for n, row in enumerate(sample_store.person_rows()):
        assert sample_store.person_position(row.id) == n


# ---- the incidents and claims registers ----------------------------------------------------------
@pytest.mark.parametrize("phone", ["89105123308", "+7 910 512-33-08", "8 910 512 33 08", "9105123308"])
def test_incidents_and_claims_are_found_by_a_phone_however_typed(sample_store: Store, phone: str) -> None:
    assert [r.reference for r in sample_store.incident_rows(Filters(text=phone))] == ["INC-2026-0001"]
    assert [r.number for r in sample_store.claim_rows(Filters(text=phone))] == ["CLM-2026-0001"]
    assert sample_store.count_claims(Filters(text=phone)) == 1


@pytest.mark.parametrize(("text", "incidents"), [
    ("456", ["INC-2026-0001"]), ("123ВС", ["INC-2026-0001"]), ("Смирн", ["INC-2026-0001"]),
    ("водокан", ["INC-2026-0002"]),
])
def test_plates_and_surnames_by_their_parts_in_the_incidents_register(sample_store: Store, text: str,
                                                                    incidents: list[str]) -> None:
    assert [r.reference for r in sample_store.incident_rows(Filters(text=text))] == incidents


def test_several_districts_select_any_of_them(sample_store: Store) -> None:
    both = Filters(districts=("г. Калуга", "Гатчинский район"))
    assert sample_store.count_incidents(both) == 2
    assert sample_store.count_claims(both) == 4
    assert [r.district for r in sample_store.summary_rows(both)].count("Гатчинский район") == 1
    assert sample_store.count_incidents(Filters(districts=("г. Калуга",))) == 1
    assert sample_store.count_claims(Filters(districts=("Нет такого",))) == 0


# ---- plans: each query walks an index and reads only what it selects -----------------------------
def _plans(store: Store, monkeypatch: pytest.MonkeyPatch, read: Any) -> list[list[str]]:
    """The query plan of every statement `read` runs through the store."""
    seen: list[tuple[str, Any]] = []
    rows, scalar = store._rows, store._scalar

    def keep_rows(sql: str, params: Any = ()) -> Any:
        seen.append((sql, params))
        return rows(sql, params)

    def keep_scalar(sql: str, params: Any = ()) -> Any:
        seen.append((sql, params))
        return scalar(sql, params)

    monkeypatch.setattr(store, "_rows", keep_rows)
    monkeypatch.setattr(store, "_scalar", keep_scalar)
    read()
    monkeypatch.undo()
    return [[r[3] for r in store.db.conn.execute("EXPLAIN QUERY PLAN " + sql, params)] for sql, params in seen]


def _full_passes(plan: list[str]) -> list[str]:
    """Steps that read a whole table or index of records (a covering index counted whole is allowed;
    so are the full-text matches, also as the named subqueries of the search's cut matches, the
    page's own rows and the organisations' partial index)."""
    return [step for step in plan if step.startswith("SCAN ") and " USING COVERING INDEX " not in step
            and step not in ("SCAN hits", "SCAN incident_hits", "SCAN latest")
            and not step.startswith(("SCAN search_index VIRTUAL TABLE", "SCAN page", "SCAN (subquery-",
                                     "SCAN people USING INDEX people_organisations",
                                     "SCAN people USING INDEX people_entrepreneurs"))]


def _page_steps(plan: list[str]) -> list[str]:
    """The steps choosing a page's rows (the rest reads the columns of those rows only)."""
    if "MATERIALIZE page" not in plan:
        return plan
    return plan[plan.index("MATERIALIZE page") + 1:plan.index("SCAN page")]


@pytest.mark.parametrize(("sort", "descending"), [("occurred_at", True), ("occurred_at", False), ("plate", False),
                                                  ("district", False), ("incident_reference", True)])
@pytest.mark.backends("sqlite")  # SQLite's query plans
def test_a_page_of_every_vehicle_is_read_along_an_index(sample_store: Store, monkeypatch: pytest.MonkeyPatch,
                                                        sort: str, descending: bool) -> None:
    for plan in _plans(sample_store, monkeypatch, lambda: sample_store.vehicle_rows(Filters(), sort, descending, 40, 40)):
        # The incidents (or the cars by plate) walked in the register's order: only one incident's
        # cars are ever sorted, never every car.
        assert "USE TEMP B-TREE FOR ORDER BY" not in _page_steps(plan), plan
        assert not [s for s in plan if s.startswith("SCAN v ") and "vehicles_plate" not in s], plan


@pytest.mark.parametrize("filters", [
    Filters(text="456"), Filters(text="+7 910 512-33-08"), Filters(text="смирнова 123"),
    Filters(districts=("г. Калуга", "Гатчинский район")), Filters(districts=("г. Калуга",), text="lada"),
    Filters(date_from=date(2026, 9, 1), date_to=date(2026, 9, 30)),
])
@pytest.mark.backends("sqlite")  # SQLite's query plans
def test_searching_and_filtering_vehicles_reads_only_what_indexes_select(
        sample_store: Store, monkeypatch: pytest.MonkeyPatch, filters: Filters) -> None:
    def read() -> None:
        sample_store.count_vehicles(filters)
        sample_store.vehicle_rows(filters, "occurred_at", True, 0, 40)
        sample_store.vehicle_rows(filters, "plate", False, 0, 40)

    for plan in _plans(sample_store, monkeypatch, read):
        assert _full_passes(plan) == [], plan


@pytest.mark.parametrize("text", [None, "смирн", "водоканал", "+7 910 512-33-08", "402701234570"])
@pytest.mark.backends("sqlite")  # SQLite's query plans
def test_the_people_register_reads_through_indexes(sample_store: Store, monkeypatch: pytest.MonkeyPatch,
                                                   text: str | None) -> None:
    def read() -> None:
        sample_store.count_people(Filters(text=text))
        sample_store.person_rows(Filters(text=text), offset=0, limit=40)

    plans = _plans(sample_store, monkeypatch, read)
    for plan in plans:
        assert _full_passes(plan) == [], plan
        if text is None:  # every person, a page at a time along people_sort_name: nothing sorted
            assert not [s for s in _page_steps(plan) if "TEMP B-TREE" in s], plan


@pytest.mark.parametrize("text", ["89105123308", "+7 910 512-33-08"])
@pytest.mark.backends("sqlite")  # SQLite's query plans
def test_a_phone_search_in_the_incidents_and_claims_registers_uses_the_phone_index(
        sample_store: Store, monkeypatch: pytest.MonkeyPatch, text: str) -> None:
    def read() -> None:
        sample_store.count_incidents(Filters(text=text))
        sample_store.incident_rows(Filters(text=text))
        sample_store.count_claims(Filters(text=text))
        sample_store.claim_rows(Filters(text=text))

    for plan in _plans(sample_store, monkeypatch, read):
        assert any("people_phone" in step for step in plan), plan
        assert not [s for s in plan if s.startswith(("SCAN people", "SCAN vehicles", "SCAN claims"))], plan


@pytest.mark.parametrize("text", ["2", "0001", "З-2026-0002", "п-2026-1", "С\u041cL-2026-0004"])
@pytest.mark.backends("sqlite")  # SQLite's query plans
def test_a_number_searched_whole_is_sought_along_the_number_indexes(
        sample_store: Store, monkeypatch: pytest.MonkeyPatch, text: str) -> None:
    """The record whose own number the text is (listed first, `queries.exact_first`) is found by
    its number's key along claims_number_sort / incidents_reference_sort, each year's counter
    along the counters' key: no pass over the records."""
    def read() -> None:
        filters = Filters(text=text)
        sample_store.count_incidents(filters)
        sample_store.incident_rows(filters, "occurred_at", True, 0, 40)
        sample_store.count_claims(filters)
        sample_store.claim_rows(filters, "filed_on", True, 0, 40)
        sample_store.count_vehicles(filters)
        sample_store.vehicle_rows(filters, "occurred_at", True, 0, 40)

    plans = _plans(sample_store, monkeypatch, read)
    for plan in plans:
        assert _full_passes(plan) == [], plan
    used = " ".join(step for plan in plans for step in plan)
    assert "claims_number_sort" in used and "incidents_reference_sort" in used, plans
