"""The reports' and exports' iterators: every selected row, in the order the register window shows
for the same filters and sort (its pages), whole (no search cut), with what the printed registers
print beyond the window's columns (a claim's decision, an incident's estimated damage)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from desktop.domain.enums import ClaimStatus, IncidentKind, IncidentStatus
from desktop.domain.parse import read_claim, read_incident, read_person
from desktop.domain.views import Filters
from desktop.storage import LogStore
from desktop.storage.sqlite import queries
from tests.synthetic import document


@pytest.fixture
def many(sample_store: LogStore) -> LogStore:
    """The sample and 60 synthetic claims in 20 incidents over six districts, saved as forms save them."""
    data = document(60, 3)
    for n, (incident, claim) in enumerate(zip(data["incidents"], data["claims"][::3], strict=False)):
        incident["status"] = "closed" if n % 4 == 0 else "open"
        incident["kind"] = ("uav_debris", "uav_strike", "other")[n % 3]
        claim["status"] = "under_review"
    problems: list = []
    for n, raw in enumerate(data["people"]):
        sample_store.save_person(read_person(raw, f"people[{n}]", problems))
    incidents = {}
    for n, raw in enumerate(data["incidents"]):
        incident = read_incident(raw, f"incidents[{n}]", problems)
        incidents[incident.id] = sample_store.save_incident(incident)
    for n, raw in enumerate(data["claims"]):
        sample_store.save_claim(read_claim(raw, f"claims[{n}]", problems, incidents.get), enforce_transition=False)
    assert problems == []
    return sample_store


SELECTIONS = [Filters(), Filters(districts=("г. Калуга", "Боровский район")), Filters(status=ClaimStatus.UNDER_REVIEW),
              Filters(date_from=date(2026, 9, 10), date_to=date(2026, 10, 20))]


@pytest.mark.parametrize("filters", SELECTIONS)
@pytest.mark.parametrize("descending", [False, True])
@pytest.mark.parametrize("sort", sorted(queries.CLAIM_SORT))
def test_claims_in_the_registers_order(many: LogStore, sort: str, descending: bool, filters: Filters) -> None:
    shown = [r.id for r in many.claim_rows(filters, sort, descending, 0, 10_000)]
    printed = [r.id for r in many.iter_claim_rows(filters, sort=sort, descending=descending, page=7)]
    assert printed == shown
    assert len(shown) == many.count_claims(filters)


@pytest.mark.parametrize("filters", SELECTIONS)
@pytest.mark.parametrize("descending", [False, True])
@pytest.mark.parametrize("sort", sorted(queries.INCIDENT_SORT))
def test_incidents_in_the_registers_order(many: LogStore, sort: str, descending: bool, filters: Filters) -> None:
    shown = many.incident_rows(filters, sort, descending, 0, 10_000)
    printed = list(many.iter_incident_rows(filters, sort=sort, descending=descending, page=7))
    assert [r.id for r in printed] == [r.id for r in shown]
    assert len(shown) == many.count_incidents(filters)
    for a, b in zip(printed, shown, strict=True):  # the window's columns alike
        assert (a.reference, a.occurred_at, a.district, a.location, a.vehicles, a.properties, a.claims) == \
               (b.reference, b.occurred_at, b.district, b.location, b.vehicles, b.properties, b.claims)
        assert (a.kind, a.status) == (b.kind, b.status)


def test_without_a_sort_the_paper_order(many: LogStore) -> None:
    claims = list(many.iter_claim_rows(Filters()))
    assert [(r.filed_on, r.number) for r in claims] == sorted((r.filed_on, r.number) for r in claims)
    incidents = list(many.iter_incident_rows(Filters()))
    assert [r.occurred_at for r in incidents] == sorted(r.occurred_at for r in incidents)  # the earliest first


def test_the_search_is_never_cut(many: LogStore, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(queries, "SEARCH_LIMIT", 2)
    assert many.count_incidents(Filters(text="Садовая")) == 2  # the window keeps the latest matches
    assert len(list(many.iter_incident_rows(Filters(text="Садовая"), sort="district"))) == 20
    assert len(list(many.iter_claim_rows(Filters(text="Петрович"), sort="claimant"))) >= 60


def test_the_printed_columns(sample_store: LogStore) -> None:
    by_number = {r.number: r for r in sample_store.iter_claim_rows(Filters())}
    paid = by_number["CLM-2026-0001"]
    assert (paid.decision_number, paid.decision_date) == ("РП-112", date(2026, 9, 20))
    waiting = by_number["CLM-2026-0002"]
    assert (waiting.decision_number, waiting.decision_date) == (None, None)
    page = {r.number: r for r in sample_store.claim_rows(Filters())}
    assert page["CLM-2026-0001"].decision_number == "РП-112"  # the window's rows read them too

    incidents = {r.reference: r for r in sample_store.iter_incident_rows(Filters())}
    kaluga, gatchina = incidents["INC-2026-0001"], incidents["INC-2026-0002"]
    assert (kaluga.vehicles, kaluga.properties, kaluga.claims) == (3, 0, 3)
    assert kaluga.estimated == Decimal("170300.50")  # its three cars' estimates
    assert gatchina.estimated == Decimal("2350000.00")  # the pumping station
    assert isinstance(kaluga.kind, IncidentKind) and isinstance(kaluga.status, IncidentStatus)


def test_an_incident_with_nothing_estimated(sample_store: LogStore) -> None:
    from dataclasses import replace

    incident = sample_store.get_incident_by_reference("INC-2026-0001")
    assert incident is not None
    sample_store.save_incident(replace(incident, vehicles=[replace(v, estimated_cost=None) for v in incident.vehicles]))
    row = next(r for r in sample_store.iter_incident_rows(Filters()) if r.reference == "INC-2026-0001")
    assert row.estimated is None
