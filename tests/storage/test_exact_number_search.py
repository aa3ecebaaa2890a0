"""A number searched whole lists its own record first (found in a clerk's try-out: Ctrl+F «З-2026-0002»,
↓ Enter opened З-2026-0004, whose incident is П-2026-0002; in a big log «19999» listed З-2026-20000,
of incident П-2026-19999, first). The record whose own number the text is, in any form a number is
typed in, comes first in every register, then the rest in the register's order; it is found even
when a very common search is cut to the latest SEARCH_LIMIT matches. On both backends."""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime

import pytest

from desktop.domain.enums import ClaimKind, ClaimStatus, IncidentKind, IncidentStatus, PersonKind, Severity
from desktop.domain.models import Claim, Incident, Person, Vehicle
from desktop.domain.views import Filters
from desktop.storage.search import ExactNumber, exact_number

# incident → (its day in September 2026, its place); claim → (its incident, the day it was filed).
# Each claim's number is in no other record's words but its incident's other claims' (none here);
# each incident's number is in its claims' documents, and «19999» in one incident's place too.
INCIDENTS = {
    "INC-2026-0001": (20, "у пруда"),
    "INC-2026-0002": (3, "у школы"),
    "INC-2026-19998": (25, "промзона, участок 19999"),
    "INC-2026-19999": (5, "у рынка"),
}
CLAIMS = {
    "CLM-2025-0002": ("INC-2026-0001", 20),  # a number given in a file, kept
    "CLM-2026-0002": ("INC-2026-0001", 21),
    "CLM-2026-0004": ("INC-2026-0002", 22),
    "CLM-2026-19999": ("INC-2026-19998", 26),
    "CLM-2026-20000": ("INC-2026-19999", 27),
}


def _log(store) -> None:
    """Records saved in the order listed: the later saved have the later search documents."""
    person = Person(id=str(uuid.uuid4()), kind=PersonKind.PERSON, full_name="Смирнова Анна Викторовна")
    store.save_person(person)
    incidents, cars = {}, {}
    for n, (reference, (day, place)) in enumerate(INCIDENTS.items()):
        car = Vehicle(id=str(uuid.uuid4()), make="Lada", plate=f"А{n:03d}ВС40", damage="стекло",
                      severity=Severity.MINOR, owner_id=person.id)
        incidents[reference] = store.save_incident(Incident(
            id=str(uuid.uuid4()), kind=IncidentKind.UAV_DEBRIS, occurred_at=datetime(2026, 9, day, tzinfo=UTC),
            region="Калужская область", district="г. Калуга", location=place, status=IncidentStatus.OPEN,
            reference=reference, vehicles=[car]))
        cars[reference] = car.id
    for number, (reference, day) in CLAIMS.items():
        store.save_claim(Claim(id=str(uuid.uuid4()), number=number, incident_id=incidents[reference].id,
                               claimant_id=person.id, items=[cars[reference]], kind=ClaimKind.DAMAGE_COMPENSATION,
                               filed_on=date(2026, 9, day), status=ClaimStatus.RECEIVED))


@pytest.fixture
def log(store):
    _log(store)
    return store


@pytest.mark.parametrize(("text", "first"), [
    ("19999", ["CLM-2026-19999"]),  # the clerk's big log: not З-2026-20000, of incident П-2026-19999
    ("0002", ["CLM-2025-0002", "CLM-2026-0002"]),  # the counter whole: our numbers of each year with it
    ("2", ["CLM-2025-0002", "CLM-2026-0002"]),  # without the counter's zeros
    ("З-2026-0002", ["CLM-2026-0002"]),  # as the Russian window shows it
    ("з-2026-2", ["CLM-2026-0002"]),
    ("clm-2026-02", ["CLM-2026-0002"]),
    ("СLМ\u20112026\u20110002", ["CLM-2026-0002"]),  # Cyrillic С and М, non-breaking hyphens
    ("CLM-2026-19999", ["CLM-2026-19999"]),
])
@pytest.mark.parametrize(("sort", "descending"), [("filed_on", True), ("number", True), ("incident_reference", False)])
def test_a_claim_searched_by_its_own_number_is_listed_first(log, text, first, sort, descending):
    rows = [r.number for r in log.claim_rows(Filters(text=text), sort, descending)]
    assert sorted(rows[:len(first)]) == first, rows
    usual = [r.number for r in log.claim_rows(Filters(), sort, descending)]
    for part in (rows[:len(first)], rows[len(first):]):  # each in the register's usual order
        assert part == [n for n in usual if n in part], rows
    for n, number in enumerate(rows):  # the window finds a row where the page shows it
        claim_id = log.get_claim_by_number(number).id
        assert log.claim_position(claim_id, Filters(text=text), sort, descending) == n
    assert log.count_claims(Filters(text=text)) == len(rows)


def test_the_clerks_try_out_in_a_register_sorted_the_latest_first(log):
    assert [r.number for r in log.claim_rows(Filters(text="19999"), "filed_on", True)] == [
        "CLM-2026-19999", "CLM-2026-20000"]
    assert [r.number for r in log.claim_rows(Filters(text="0002"), "filed_on", True)] == [
        "CLM-2026-0002", "CLM-2025-0002", "CLM-2026-0004"]


def test_an_incident_searched_by_its_own_number_is_listed_first(log):
    def references(text: str, sort: str = "occurred_at", descending: bool = True) -> list[str]:
        return [r.reference for r in log.incident_rows(Filters(text=text), sort, descending)]

    # INC-2026-19998 has «19999» in its place and its claim's number; it happened later
    assert references("19999") == ["INC-2026-19999", "INC-2026-19998"]
    assert references("П-2026-19999", "reference", True) == ["INC-2026-19999"]
    assert references("п-2026-2") == ["INC-2026-0002"]
    assert references("0002") == ["INC-2026-0002", "INC-2026-0001"]  # 0001 through its claims' numbers
    assert references("\u0406NC-2026-0002") == ["INC-2026-0002"]  # the Ukrainian І
    incident_id = log.get_incident_by_reference("INC-2026-0001").id
    assert log.incident_position(incident_id, Filters(text="0002")) == 1
    # the claim form's incident field: the register's search, the latest first, a few rows
    assert [r.reference for r in log.incident_rows(Filters(text="19999"), "occurred_at", True, 0, 1)] == ["INC-2026-19999"]


def test_the_cars_of_the_incident_searched_by_its_number_are_listed_first(log):
    rows = log.vehicle_rows(Filters(text="19999"), "occurred_at", True)
    assert [r.incident_reference for r in rows] == ["INC-2026-19999", "INC-2026-19998"]
    assert log.vehicle_position(rows[0].id, Filters(text="19999")) == 0
    assert log.count_vehicles(Filters(text="19999")) == 2
    assert [r.incident_reference for r in log.vehicle_rows(Filters(text="19999"), "plate", False)] == [
        "INC-2026-19999", "INC-2026-19998"]


def test_a_number_is_found_first_even_when_a_common_search_is_cut(log, monkeypatch):
    """The window keeps the latest SEARCH_LIMIT matches of a search; the record whose own number
    was typed is among them whatever their number, first."""
    from desktop.storage.sqlite import queries

    monkeypatch.setattr(queries, "SEARCH_LIMIT", 1)
    with monkeypatch.context() as words_only:  # the search as words: CLM-2026-20000 (of incident 19999),
        words_only.setattr(queries, "_exact", lambda text: None)  # saved after CLM-2026-19999, the one kept
        assert [r.number for r in log.claim_rows(Filters(text="19999"))] == ["CLM-2026-20000"]
    assert [r.number for r in log.claim_rows(Filters(text="19999"), "filed_on", True)] == [
        "CLM-2026-19999", "CLM-2026-20000"]
    assert log.count_claims(Filters(text="19999")) == 2
    assert log.search_is_cut("claim", "19999") is True
    # «2» is in every record («2026»): the latest one kept, and both numbers with the counter 2
    assert [r.number for r in log.claim_rows(Filters(text="2"), "filed_on", True)] == [
        "CLM-2026-0002", "CLM-2025-0002", "CLM-2026-20000"]
    assert [r.reference for r in log.incident_rows(Filters(text="2"))] == ["INC-2026-0002", "INC-2026-19999"]
    assert [r.incident_reference for r in log.vehicle_rows(Filters(text="19999"))][0] == "INC-2026-19999"
    # printed registers and exports take every match, the number's record among them
    assert sorted(r.number for r in log.iter_claim_rows(Filters(text="19999"))) == ["CLM-2026-19999", "CLM-2026-20000"]


def test_other_filters_still_apply_to_the_number_searched(log):
    assert [r.number for r in log.claim_rows(Filters(text="0002", date_from=date(2026, 9, 22)))] == ["CLM-2026-0004"]
    assert log.count_incidents(Filters(text="19999", districts=("Нет такого",))) == 0


def test_words_and_phones_name_no_number():
    assert exact_number("смирнова") is None
    assert exact_number("З-2026-0002 смирнова") is None  # a number among words: the usual search
    assert exact_number("  ") is None
    assert exact_number("19999") == ExactNumber(("000000019999",), 19999)
    assert exact_number("1" * 10).counter is None  # not a counter of ours (at most nine digits)
    assert "CLM-2026-000000000002" in exact_number("СLМ\u20132026\u20132").keys
    from desktop.storage.sqlite import queries

    assert queries.exact_test("claim", "+7 910 512-33-08", "c") is None  # a phone is looked up as a phone
