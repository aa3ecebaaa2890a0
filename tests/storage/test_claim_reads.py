"""Reads for lists of claims, on every backend: the incidents of many claims with only their items
in one call (`incidents_with_items`, the payment register's), the executors found on claims
(`executors_in_use`, the claims filter bar's), and the register rows' dates for deadline control
(`ClaimRow.registered_on`, `extension_until`, `notice_sent_on`)."""

from __future__ import annotations

import json
from datetime import date

import pytest

from desktop.domain.parse import read_claim, read_incident, read_person
from desktop.storage import LogStore
from tests.samples import sample

V2 = "sample-kaluga-2026-09-v2.json"


@pytest.fixture
def v2_store(store: LogStore) -> LogStore:
    """The v2 sample (executors, registration dates, an extension, notices), saved as the forms save it."""
    document = json.loads(sample(V2).read_text(encoding="utf-8-sig"))
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


def _incidents(store: LogStore) -> list:
    rows = store.incident_rows(limit=100)
    return [store.get_incident(r.id) for r in sorted(rows, key=lambda r: r.reference)]


# ---- incidents_with_items ----------------------------------------------------------------------

def test_the_incidents_of_many_claims_come_with_only_the_items_asked_for(v2_store: LogStore) -> None:
    first, second = _incidents(v2_store)[:2]
    assert len([*first.vehicles, *first.properties]) >= 3
    wanted_first = [first.vehicles[0].id, first.vehicles[-1].id]
    wanted_second = [i.id for i in [*second.vehicles, *second.properties]][:1]
    found = v2_store.incidents_with_items([first.id, second.id, first.id], [*wanted_first, *wanted_second])
    assert set(found) == {first.id, second.id}
    got = found[first.id]
    assert [v.id for v in got.vehicles] == wanted_first  # in the incident's order
    assert got.properties == [] and got.reference == first.reference and got.district == first.district
    assert got.vehicles[0] == first.vehicles[0]  # each item whole
    assert [i.id for i in [*found[second.id].vehicles, *found[second.id].properties]] == wanted_second


def test_items_of_incidents_not_asked_for_and_unknown_ids_are_left_out(v2_store: LogStore) -> None:
    first, second = _incidents(v2_store)[:2]
    other = [i.id for i in [*second.vehicles, *second.properties]]
    found = v2_store.incidents_with_items([first.id, "00000000-0000-4000-8000-000000000000"],
                                          [first.vehicles[0].id, *other, "no-such-item"])
    assert list(found) == [first.id]
    assert [v.id for v in found[first.id].vehicles] == [first.vehicles[0].id]
    assert v2_store.incidents_with_items([], [first.vehicles[0].id]) == {}
    bare = v2_store.incidents_with_items([second.id], [])[second.id]
    assert bare.vehicles == [] and bare.properties == []


def test_the_single_incident_read_is_kept(v2_store: LogStore) -> None:
    first = _incidents(v2_store)[0]
    one = v2_store.incident_with_items(first.id, [first.vehicles[1].id])  # type: ignore[attr-defined]
    assert one is not None and [v.id for v in one.vehicles] == [first.vehicles[1].id]


# ---- executors_in_use --------------------------------------------------------------------------

def test_the_executors_named_on_claims_each_once_alphabetically(v2_store: LogStore) -> None:
    assert v2_store.executors_in_use() == ["Соколова Ирина Павловна", "Тихонов Глеб Романович"]
    claim = v2_store.get_claim_by_number("CLM-2026-0002")
    assert claim is not None
    claim.executor = "абрамова Вера Ильинична"  # any case: sorted as a clerk reads a list
    v2_store.save_claim(claim, enforce_transition=False)
    assert v2_store.executors_in_use() == ["абрамова Вера Ильинична", "Соколова Ирина Павловна",
                                           "Тихонов Глеб Романович"]
    for number in ("CLM-2026-0001", "CLM-2026-0002"):  # a name no claim carries any more is gone
        claim = v2_store.get_claim_by_number(number)
        assert claim is not None
        claim.executor = None
        v2_store.save_claim(claim, enforce_transition=False)
    assert v2_store.executors_in_use() == ["Тихонов Глеб Романович"]


def test_no_executors_in_an_empty_log_or_one_without_them(store: LogStore) -> None:
    assert store.executors_in_use() == []


@pytest.mark.backends("sqlite")
def test_the_executors_are_read_along_their_index(v2_store: LogStore, monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[tuple[str, object]] = []
    read = v2_store._rows  # type: ignore[attr-defined]
    monkeypatch.setattr(v2_store, "_rows", lambda sql, params=(): (seen.append((sql, params)), read(sql, params))[1])
    v2_store.executors_in_use()
    monkeypatch.undo()
    plan = [r[3] for sql, params in seen
            for r in v2_store.db.conn.execute("EXPLAIN QUERY PLAN " + sql, params)]  # type: ignore[attr-defined]
    assert [s for s in plan if "claims" in s] and all("claims_executor" in s for s in plan if "claims" in s), plan


# ---- the register rows' dates for deadline control ----------------------------------------------

def test_claim_rows_carry_registration_extension_and_notice(v2_store: LogStore) -> None:
    rows = {r.number: r for r in v2_store.claim_rows(limit=100)}
    printed = {r.number: r for r in v2_store.iter_claim_rows(page=3)}
    assert rows == printed
    first, second, third, fourth = (rows[f"CLM-2026-000{n}"] for n in range(1, 5))
    assert (first.registered_on, first.extension_until, first.notice_sent_on) == (date(2026, 9, 14), None,
                                                                                   date(2026, 9, 22))
    assert (second.registered_on, second.extension_until, second.notice_sent_on) == (date(2026, 9, 16), None, None)
    assert third.registered_on == date(2026, 9, 18) and third.notice_sent_on == date(2026, 9, 23)
    # Registered on the filing day (no date of its own), extended, decided and not yet told
    assert (fourth.registered_on, fourth.extension_until, fourth.notice_sent_on) == (None, date(2026, 11, 10), None)
    assert fourth.answer_due == date(2026, 11, 10) and second.answer_due == date(2026, 10, 16)
    assert [r.answered() for r in (first, second, third, fourth)] == [True, False, True, False]
    assert not third.registered_late() and not fourth.registered_late()


def test_the_rows_follow_a_change_of_the_dates(v2_store: LogStore) -> None:
    claim = v2_store.get_claim_by_number("CLM-2026-0004")
    assert claim is not None and claim.decision is not None
    claim.decision.notice_sent_on = date(2026, 9, 28)
    claim.registered_on = date(2026, 9, 22)  # four days after filing: late
    claim.extension = None
    v2_store.save_claim(claim, enforce_transition=False)
    row = next(r for r in v2_store.claim_rows(limit=100) if r.number == "CLM-2026-0004")
    assert (row.registered_on, row.extension_until, row.notice_sent_on) == (date(2026, 9, 22), None, date(2026, 9, 28))
    assert row.registered_late() and row.answered() and row.answer_due == date(2026, 10, 22)
