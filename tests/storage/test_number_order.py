"""Numbers sort as numbers (found in a clerk's try-out: З-2026-9999 came after З-2026-20004 when the
claims register was sorted by number): the registers order by `values.number_sort_key`, stored
beside each number and indexed, on both backends."""

from __future__ import annotations

import uuid
from dataclasses import replace
from datetime import UTC, date, datetime

import pytest

from desktop.domain.enums import ClaimKind, ClaimStatus, IncidentKind, IncidentStatus, PersonKind, Severity
from desktop.domain.models import Claim, Incident, Person, Vehicle
from desktop.domain.values import number_sort_key

NUMBERS = ["CLM-2026-10000", "CLM-2026-9999", "CLM-2025-20001", "CLM-2026-0002", "CLM-2026-100000", "КАЛ-12"]
TRICKY = ["CLM-2026-0001", "CLM-2026-10000", "КАЛ-12", "12", "ABC", "A1B22", "X-" + "9" * 15, "Ё-007", ""]


def test_the_key_pads_the_last_digits():
    assert sorted(NUMBERS, key=number_sort_key) == [
        "CLM-2025-20001", "CLM-2026-0002", "CLM-2026-9999", "CLM-2026-10000", "CLM-2026-100000", "КАЛ-12"]
    assert number_sort_key("CLM-2026-0001") == "CLM-2026-000000000001"
    assert number_sort_key(None) is None


def _log(store, claims_per_day: dict[str, date]) -> None:
    person = Person(id=str(uuid.uuid4()), kind=PersonKind.PERSON, full_name="Смирнова Анна Викторовна")
    store.save_person(person)
    for n, (number, filed) in enumerate(claims_per_day.items()):
        car = Vehicle(id=str(uuid.uuid4()), make="Lada", plate=f"А{n:03d}ВС40", damage="стекло",
                      severity=Severity.MINOR, owner_id=person.id)
        incident = store.save_incident(Incident(
            id=str(uuid.uuid4()), kind=IncidentKind.UAV_DEBRIS, occurred_at=datetime(2025, 9, 1, tzinfo=UTC),
            region="Калужская область", district="г. Калуга", location="у пруда", status=IncidentStatus.OPEN,
            reference=number.replace("CLM", "INC"), vehicles=[car]))
        store.save_claim(Claim(id=str(uuid.uuid4()), number=number, incident_id=incident.id, claimant_id=person.id,
                               items=[car.id], kind=ClaimKind.DAMAGE_COMPENSATION, filed_on=filed,
                               status=ClaimStatus.RECEIVED))


def test_registers_sort_numbers_as_numbers(store):
    day = date(2026, 9, 20)
    _log(store, {n: day for n in NUMBERS})
    expected = ["CLM-2025-20001", "CLM-2026-0002", "CLM-2026-9999", "CLM-2026-10000", "CLM-2026-100000", "КАЛ-12"]
    assert [r.number for r in store.claim_rows(sort="number")] == expected
    assert [r.number for r in store.claim_rows(sort="number", descending=True)] == expected[::-1]
    assert [r.number for r in store.claim_rows(sort=None)] == expected  # one day: the printed register's order
    assert [r.reference for r in store.incident_rows(sort="reference", descending=False)] == [
        n.replace("CLM", "INC") for n in expected]
    assert [r.number for r in store.iter_claim_rows(sort="number")] == expected


def test_a_renumbered_claim_moves_in_the_order(store):
    _log(store, {"CLM-2026-9999": date(2026, 9, 20), "CLM-2026-10000": date(2026, 9, 20)})
    claim = store.get_claim_by_number("CLM-2026-10000")
    store.save_claim(replace(claim, number="CLM-2026-0005"), enforce_transition=False)
    assert [r.number for r in store.claim_rows(sort="number")] == ["CLM-2026-0005", "CLM-2026-9999"]


@pytest.mark.backends("postgresql")
def test_the_servers_migration_writes_the_same_keys(store):
    """The server's migration fills the keys of a log made before them in SQL: the same keys."""
    from desktop.storage.postgres import schema as pg_schema

    statements = dict((name, sql) for _, name, sql in pg_schema.MIGRATIONS)["m010_number_sort_keys"]
    expression = statements.split("SET number_key = ", 1)[1].split(";", 1)[0]
    raw = store.db.conn.raw
    for number in TRICKY:
        found = raw.execute(f"SELECT {expression} FROM (SELECT %s::text AS number) AS c", [number]).fetchone()[0]
        assert found == number_sort_key(number), number


def test_claims_sort_by_status_in_the_order_a_claim_goes_through(sample_store):
    """Not by the codes' alphabet (found in a clerk's try-out: «на рассмотрении, отказано, выплачено,
    одобрено» sorted descending)."""
    path = list(ClaimStatus)
    listed = [r.status for r in sample_store.claim_rows(sort="status")]
    assert len(set(listed)) >= 4  # paid, approved, rejected, under review in the sample
    assert listed == sorted(listed, key=path.index) and listed != sorted(listed)
    assert [r.status for r in sample_store.claim_rows(sort="status", descending=True)] == listed[::-1]
    assert [r.status for r in sample_store.iter_claim_rows(sort="status")] == listed
    rows = sample_store.claim_rows(sort="status")
    assert sample_store.claim_position(rows[-1].id, sort="status") == len(rows) - 1



def test_the_status_order_is_the_one_indexed():
    """The register's order and the index's expression are one text (a status added to the path
    needs a migration indexing the new order)."""
    from desktop.storage.postgres import schema as pg_schema
    from desktop.storage.sqlite import queries, schema

    assert queries.claim_status_rank("status") == schema.CLAIM_STATUS_RANK_11
    assert schema.CLAIM_STATUS_RANK_11 in dict((n, sql) for _, n, sql in pg_schema.MIGRATIONS)["m011_claim_status_order"]


def test_a_page_sorted_by_status_is_read_along_the_index(tmp_path):
    from desktop.domain.views import Filters
    from desktop.storage import Store
    from desktop.storage.sqlite import queries

    with Store.open(tmp_path / "log.sqlite3") as store:
        where, params = queries.claim_where(Filters(), None)
        for descending in (False, True):
            order = queries.order_by(queries.CLAIM_SORT, "status", descending, queries.CLAIM_TIEBREAK)
            plan = " ".join(r[3] for r in store.db.conn.execute(
                f"EXPLAIN QUERY PLAN SELECT c.rowid {queries.CLAIM_FROM}{where}{order} LIMIT 100", params))
            assert "USING INDEX claims_status_order" in plan and "TEMP B-TREE" not in plan, plan


def _one_incident(store, numbers: list[str], filed: date) -> Incident:
    person = Person(id=str(uuid.uuid4()), kind=PersonKind.PERSON, full_name="Смирнова Анна Викторовна")
    store.save_person(person)
    cars = [Vehicle(id=str(uuid.uuid4()), make="Lada", plate=f"А{n:03d}ВС40", damage="стекло",
                    severity=Severity.MINOR, owner_id=person.id) for n in range(len(numbers))]
    incident = store.save_incident(Incident(
        id=str(uuid.uuid4()), kind=IncidentKind.UAV_DEBRIS, occurred_at=datetime(2025, 9, 1, tzinfo=UTC),
        region="Калужская область", district="г. Калуга", location="у пруда", status=IncidentStatus.OPEN,
        vehicles=cars))
    for number, car in zip(numbers, cars, strict=True):
        store.save_claim(Claim(id=str(uuid.uuid4()), number=number, incident_id=incident.id, claimant_id=person.id,
                               items=[car.id], kind=ClaimKind.DAMAGE_COMPENSATION, filed_on=filed,
                               status=ClaimStatus.RECEIVED))
    return incident


def test_an_incidents_claims_and_its_report_in_number_order(store, tmp_path):
    """Found in an acceptance run: `report incident` failed on every server log (PostgreSQL refuses
    SQLite's `LIMIT -1`) and listed CLM-2026-9999 after CLM-2026-10000."""
    from desktop.reports import ReportKind, build_report
    from tests.reports.pdfcheck import pdf_text, squash

    incident = _one_incident(store, ["CLM-2026-10000", "CLM-2026-9999", "CLM-2026-0002"], date(2026, 9, 20))
    assert [c.number for c in store.claims_for_incident(incident.id)] == ["CLM-2026-0002", "CLM-2026-9999", "CLM-2026-10000"]
    assert [c.number for c in store.claims_for_incident(incident.id, limit=2)] == ["CLM-2026-0002", "CLM-2026-9999"]
    out = tmp_path / "incident.pdf"
    build_report(store, ReportKind.INCIDENT, out, reference=incident.reference, lang="en")
    text = squash(pdf_text(out))
    assert text.index("CLM-2026-0002") < text.index("CLM-2026-9999") < text.index("CLM-2026-10000")
