"""Cost guards, not timings: work grows with what an operation touches, whatever the data's shape.

An incident of a mass attack holds thousands of cars, each with its own owner and claim. These
tests count the per-item work (every visit to an incident's vehicles, every vehicle row read) and
the SQL statements, so a path that walks the whole incident once per claim fails here.
"""

from __future__ import annotations

import json
import sys
from typing import Any

import pytest

from desktop.domain.models import Incident
from desktop.exchange import import_document, importer
from desktop.storage import Store, rows
from tests.synthetic import SHAPES, document

pytestmark = pytest.mark.backends("sqlite")  # the SQLite backend's own files and SQL

CARS = 2000


class CountingList(list):
    """A list that counts the elements handed out by iteration (comprehensions, unpacking, for)."""

    visits = 0

    def __iter__(self) -> Any:
        for item in super().__iter__():
            CountingList.visits += 1
            yield item


def _counting(incident: Incident | None) -> Incident | None:
    if incident is not None:
        incident.vehicles = CountingList(incident.vehicles)
        incident.properties = CountingList(incident.properties)
    return incident


@pytest.fixture
def counted(monkeypatch):
    """Counters of vehicle visits, vehicle rows read and SQL statements run."""
    CountingList.visits = 0
    counts = {"rows": 0, "sql": 0}
    read_incident, incident_from_row, vehicle_from_row = importer.read_incident, rows.incident_from_row, rows.vehicle_from_row
    monkeypatch.setattr(importer, "read_incident", lambda *a, **k: _counting(read_incident(*a, **k)))
    monkeypatch.setattr(rows, "incident_from_row", lambda *a, **k: _counting(incident_from_row(*a, **k)))

    def count_row(r: Any) -> Any:
        counts["rows"] += 1
        return vehicle_from_row(r)

    vehicle_from_values = rows.vehicle_from_values

    def count_values(t: Any) -> Any:
        counts["rows"] += 1
        return vehicle_from_values(t)

    monkeypatch.setattr(rows, "vehicle_from_row", count_row)
    monkeypatch.setattr(rows, "vehicle_from_values", count_values)  # whole incidents are read as tuples

    def read() -> dict[str, int]:
        return {"visits": CountingList.visits, **counts}

    def reset() -> None:
        CountingList.visits = 0
        counts.update(rows=0, sql=0)

    read.reset = reset  # type: ignore[attr-defined]
    read.counts = counts  # type: ignore[attr-defined]
    return read


class CountingConnection:
    """The store's connection, counting statements as the store issues them (one per executemany)."""

    def __init__(self, conn: Any, counts: dict[str, int]) -> None:
        self._conn, self._counts = conn, counts

    def execute(self, *args: Any) -> Any:
        self._counts["sql"] += 1
        return self._conn.execute(*args)

    def executemany(self, *args: Any) -> Any:
        self._counts["sql"] += 1
        return self._conn.executemany(*args)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._conn, name)


def _trace(store: Store, counts: dict[str, int]) -> None:
    store.db.conn = CountingConnection(store.db.conn, counts)  # type: ignore[assignment]


def _fresh(doc: dict[str, Any]) -> dict[str, Any]:
    return json.loads(json.dumps(doc, ensure_ascii=False))


def test_importing_claims_into_one_incident_visits_each_car_a_bounded_number_of_times(store, counted):
    _trace(store, counted.counts)
    import_document(store, _fresh(document(CARS, vehicles_per_incident=None)))
    found = counted()
    assert store.count_claims() == CARS
    # Each car is visited a few times in all (rules, rows, audit, search), never once per claim:
    # walking the incident per claim would be CARS * CARS = 4,000,000 visits.
    assert found["visits"] <= 12 * CARS, found
    # Statements come in chunks of hundreds of rows, not one per claim.
    assert found["sql"] <= 80, found


def test_a_file_with_its_own_numbers_updates_each_years_counter_once(store, counted):
    """Other offices' files carry their references and claim numbers: the counters move past the
    highest of each year once, not once per record."""
    doc = _fresh(document(CARS, vehicles_per_incident=1))
    for n, incident in enumerate(doc["incidents"], start=1):
        incident["reference"] = f"INC-{2025 + n % 2}-{n:05d}"
    for n, claim in enumerate(doc["claims"], start=1):
        claim["number"] = f"CLM-2026-{n:05d}"
    _trace(store, counted.counts)
    import_document(store, doc)
    assert counted()["sql"] <= 80, counted()
    counters = store.db.conn.execute("SELECT series, year, last FROM counters").fetchall()
    assert {(series, year): last for series, year, last in counters} == {
        ("INC", 2025): CARS, ("INC", 2026): CARS - 1, ("CLM", 2026): CARS}


def test_saving_a_claim_in_a_large_incident_reads_only_its_own_cars(store, counted):
    import_document(store, _fresh(document(CARS, vehicles_per_incident=None)))
    claim = store.get_claim_by_number("CLM-2026-0100")
    counted.reset()
    claim.notes = "позвонить заявителю"
    store.save_claim(claim)
    found = counted()
    assert found["rows"] <= 5 and found["visits"] <= 20, found
    assert store.get_claim(claim.id).notes == "позвонить заявителю"
    assert [r.number for r in store.claim_rows(store_filters("позвонить"))] == ["CLM-2026-0100"]


def test_a_new_claim_in_a_large_incident_reads_only_its_own_cars(store, counted):
    small = document(CARS, vehicles_per_incident=None)
    last = small["claims"].pop()  # the last car's claim arrives later, on its own
    import_document(store, _fresh(small))
    counted.reset()
    again = _fresh({**small, "people": [], "incidents": [], "claims": [last]})
    import_document(store, again)
    found = counted()
    # The claim's incident is read with the claim's own car only (the import checks the claim's
    # items against it); its search document is left alone: it does not list claim numbers.
    assert found["rows"] <= 5 and found["visits"] <= 10, found
    assert store.count_claims() == CARS


def test_a_new_claim_saved_in_a_large_incident_writes_only_its_own_search_document(store, counted):
    from dataclasses import replace
    from uuid import uuid4

    import_document(store, _fresh(document(CARS, vehicles_per_incident=None)))
    written: list[list[str]] = []
    write_docs = store._write_docs
    store._write_docs = lambda docs, fresh: (written.append([d[0] for d in docs]), write_docs(docs, fresh))  # type: ignore[method-assign]
    template = store.get_claim_by_number("CLM-2026-0100")
    counted.reset()
    _trace(store, counted.counts)
    saved = store.save_claim(replace(template, id=str(uuid4()), number=None, version=0), enforce_transition=False)
    found = counted()
    assert written == [["claim"]]
    assert found["rows"] <= 5 and found["visits"] <= 5 and found["sql"] <= 40, found
    incident = store.get_incident(template.incident_id)
    assert [r.reference for r in store.incident_rows(store_filters(saved.number))] == [incident.reference]


def test_editing_one_car_of_a_large_incident_reindexes_only_that_cars_claims(store, counted):
    import_document(store, _fresh(document(CARS, vehicles_per_incident=None)))
    incident = next(iter(store.get_incidents([store.incident_rows(limit=1)[0].id]).values()))
    rewritten: list[int] = []
    write_docs = store._write_docs
    store._write_docs = lambda docs, fresh: (rewritten.append(len(docs)), write_docs(docs, fresh))  # type: ignore[method-assign]
    written: list[tuple[str, int]] = []
    upsert = store._upsert_values
    store._upsert_values = lambda table, columns, values: (  # type: ignore[method-assign]
        written.append((table, len(values))), upsert(table, columns, values))
    looked_up: list[int] = []
    item_owners = store.item_owners
    store.item_owners = lambda ids: (looked_up.append(len(list(ids))), item_owners([]))[1]  # type: ignore[method-assign]
    incident.vehicles[7].colour = "красный"  # colour is not in claim documents
    incident.vehicles[8].plate = "А001АА40"
    store.save_incident(incident)
    assert sum(rewritten) == 2  # (incidents, then claims) the incident's document and the claim of the car whose plate changed
    assert ("vehicles", 2) in written and all(n <= 2 for _, n in written), written  # two rows, not 2,000
    assert looked_up == [0]  # no new items to look for in other incidents
    assert store.get_incident(incident.id).vehicles[7].colour == "красный"
    assert [r.number for r in store.claim_rows(store_filters("а001аа40"))] == [store.claims_referring_to([incident.vehicles[8].id])[incident.vehicles[8].id][0][1]]


def test_saving_one_car_of_a_large_incident_makes_records_of_that_car_only(store, counted):
    """The stored cars are compared as rows: of 2,000 only the edited one becomes a record again
    (for its audit entry), and the incident is not rebuilt whole to be compared."""
    import_document(store, _fresh(document(CARS, vehicles_per_incident=None)))
    incident = store.get_incident(store.incident_rows(limit=1)[0].id)
    incident.vehicles[1234].colour = "вишнёвый"
    incident.vehicles.append(incident.vehicles[0].__class__(id="7d1f9a3e-0c55-4d2b-9a6e-2f3c4b5a6d7e", make="Lada",
                                                           damage="стекло", severity=incident.vehicles[0].severity,
                                                           plate="Х777ХХ40"))
    counted.reset()
    store.save_incident(incident)
    assert counted()["rows"] <= 2, counted()  # the recoloured car's old state; the new car has none
    assert counted()["visits"] <= 10 * (CARS + 1), counted()  # a few passes over the new cars, not one per car


def test_one_person_owning_500_cars(store, counted):
    _trace(store, counted.counts)
    doc = document(1000, vehicles_per_incident=10, cars_per_owner=500)
    import_document(store, _fresh(doc))
    found = counted()
    assert store.count_claims() == 1000 and store.count_people() == 2
    assert found["visits"] <= 12 * 1000 and found["sql"] <= 60, found
    # Renaming the owner rewrites the documents of their claims and incidents: once each.
    person = store.get_person(doc["people"][0]["id"])
    counted.reset()
    rewritten: list[int] = []
    write_docs = store._write_docs
    store._write_docs = lambda docs, fresh: (rewritten.append(len(docs)), write_docs(docs, fresh))  # type: ignore[method-assign]
    person.full_name = "Новикова Анна Сергеевна"
    store.save_person(person)
    found = counted()
    assert rewritten == [50, 500]  # incidents, then claims: 500 cars in 50 incidents, 500 claims
    assert found["rows"] <= 500 + 10 and found["sql"] <= 40, found
    assert store.count_claims(store_filters("новикова")) == 500


def store_filters(text: str) -> Any:
    from desktop.domain.views import Filters

    return Filters(text=text)


def test_a_new_incident_cannot_take_another_incidents_car(store):
    from desktop.domain.errors import ValidationFailed

    import_document(store, _fresh(document(20, vehicles_per_incident=10)))
    first, second = store.get_incidents([r.id for r in store.incident_rows()]).values()
    taken = second.vehicles[0]
    first.id, first.reference = "11111111-1111-1111-1111-111111111111", None
    first.vehicles = [taken]
    with pytest.raises(ValidationFailed) as e:
        store.save_incident(first)
    assert [p.error.code for p in e.value.problems] == ["item_moved"]


def _shape_of(name: str, cars: int) -> dict[str, Any]:
    """SHAPES[name] for CARS cars, with the dimension that makes the shape growing with them: an
    owner's cars and a claim's items too, not only the number of owners and claims."""
    shape = dict(SHAPES[name])
    if shape.get("cars_per_owner"):
        shape["cars_per_owner"] = cars // 2
    if shape.get("items_per_claim"):
        shape["items_per_claim"], shape["vehicles_per_incident"] = cars // 10, cars
    return shape


def _work(store: Store, doc: dict[str, Any]) -> tuple[int, int]:
    """Python function calls (each call and return the profiler sees, C functions included) and
    SQLite virtual-machine steps (in hundreds) of one import: counts, the same on any machine."""
    calls = steps = 0

    def count_call(frame: Any, event: str, arg: Any) -> None:
        nonlocal calls
        calls += 1

    def count_steps() -> int:
        nonlocal steps
        steps += 1
        return 0

    store.db.conn.set_progress_handler(count_steps, 100)
    sys.setprofile(count_call)
    try:
        import_document(store, doc)
    finally:
        sys.setprofile(None)
        store.db.conn.set_progress_handler(None, 0)
    return calls, steps


@pytest.mark.parametrize("name", list(SHAPES))
def test_import_work_doubles_with_the_data_in_every_shape(tmp_path, name):
    with Store.open(tmp_path / "warm.sqlite3") as warm:  # first-use costs (phone metadata, patterns) paid here
        _work(warm, _fresh(document(20)))
    found = []
    for cars in (500, 1000):
        with Store.open(tmp_path / f"{cars}.sqlite3") as store:
            found.append(_work(store, _fresh(document(cars, **_shape_of(name, cars)))))
    (calls, steps), (calls2, steps2) = found
    # Linear work doubles (2.00 measured in every shape); a path walking an incident, an owner's cars
    # or a claim's items once per record they hold grows four times and lifts the whole past 2.2.
    assert calls2 / calls < 2.2 and steps2 / steps < 2.2, found


def test_new_records_are_inserted_and_only_stored_ones_upserted(store):
    statements: list[str] = []
    store.db.conn.set_trace_callback(statements.append)
    doc = document(40, vehicles_per_incident=10)
    import_document(store, _fresh(doc))
    upserts = [s for s in statements if "ON CONFLICT(id)" in s]
    assert upserts == [] and store.count_claims() == 40  # a plain INSERT costs a third of an upsert
    statements.clear()
    doc["people"][0]["full_name"] = "Новикова Анна Сергеевна"
    doc["claims"][0]["notes"] = "позвонить"
    import_document(store, _fresh(doc))
    store.db.conn.set_trace_callback(None)
    assert sorted({s.split()[2] for s in statements if "ON CONFLICT(id)" in s}) == ["claims", "people"]
    assert store.get_claim(doc["claims"][0]["id"]).notes == "позвонить"


def _search_steps(tmp_path, incidents: int, monkeypatch) -> int:
    """SQLite virtual-machine steps (in hundreds) of the incidents register's search for a word
    in every incident's own document and in no claim's (the region)."""
    from desktop.storage.sqlite import queries

    monkeypatch.setattr(queries, "SEARCH_LIMIT", 50)
    with Store.open(tmp_path / f"log-{incidents}.sqlite3") as store:
        import_document(store, _fresh(document(incidents, vehicles_per_incident=1)))
        steps = [0]

        def tick() -> int:
            steps[0] += 1
            return 0

        store.db.conn.set_progress_handler(tick, 100)
        assert store.count_incidents(store_filters("калужская")) == 50
        store.incident_rows(store_filters("калужская"), limit=40)
        store.db.conn.set_progress_handler(None, 0)
        return steps[0]


def test_an_incidents_search_through_claims_stops_at_the_latest_matches(tmp_path, monkeypatch):
    """Looking for the word among claims walks the latest SEARCH_LIMIT documents, not every
    incident that has it: twice the incidents, about the same work."""
    small, large = _search_steps(tmp_path, 600, monkeypatch), _search_steps(tmp_path, 1200, monkeypatch)
    assert large <= small * 1.3 + 5, (small, large)


def _number_search_steps(tmp_path, incidents: int, monkeypatch) -> int:
    """SQLite virtual-machine steps (in hundreds) of the registers' search for «2», a word in every
    record («2026») and the counter of INC-2026-0002 and CLM-2026-0002, listed first."""
    from desktop.storage.sqlite import queries

    monkeypatch.setattr(queries, "SEARCH_LIMIT", 50)
    with Store.open(tmp_path / f"number-{incidents}.sqlite3") as store:
        import_document(store, _fresh(document(incidents, vehicles_per_incident=1)))
        steps = [0]

        def tick() -> int:
            steps[0] += 1
            return 0

        store.db.conn.set_progress_handler(tick, 100)
        assert store.incident_rows(store_filters("2"), limit=40)[0].reference == "INC-2026-0002"
        assert store.claim_rows(store_filters("2"), "filed_on", True, limit=40)[0].number == "CLM-2026-0002"
        assert store.count_claims(store_filters("2")) <= 51
        store.db.conn.set_progress_handler(None, 0)
        return steps[0]


def test_a_number_searched_whole_is_first_at_the_cost_of_the_cut_search(tmp_path, monkeypatch):
    """The record whose own number was typed is sought by its number, the rest are the latest
    SEARCH_LIMIT matches: twice the records, about the same work."""
    small, large = _number_search_steps(tmp_path, 600, monkeypatch), _number_search_steps(tmp_path, 1200, monkeypatch)
    assert large <= small * 1.3 + 5, (small, large)
