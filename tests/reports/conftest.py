"""Fixtures for the report tests: the shared Kaluga sample as domain records, and a small store.

`MemoryStore` implements `desktop.reports.service.ReportSource` over plain lists, so the reports
are tested on exactly the sample's records without a database; the storage's own tests check
that `Store` returns the same rows.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from datetime import datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from desktop.domain.documents import RequiredDocuments
from desktop.domain.enums import (
    ClaimKind,
    ClaimStatus,
    DocumentKind,
    IncidentKind,
    IncidentStatus,
    PersonKind,
    PropertyKind,
    Severity,
)
from desktop.domain.models import Claim, Decision, Document, Incident, Payment, Person, PropertyItem, Vehicle
from desktop.domain.values import normalise_plate, normalise_vin, parse_date, parse_datetime, parse_money
from desktop.domain.views import ClaimRow, Filters, OfficeSettings, SummaryRow

SAMPLE = Path("/work/shared/data/sample-kaluga-2026-09.json")
if not SAMPLE.is_file():  # a checkout with its own copy
    SAMPLE = Path(__file__).resolve().parents[2] / "resources" / "sample" / SAMPLE.name

MADE_AT = datetime.fromisoformat("2026-09-26T10:00:00+03:00")
HOSTILE = "ООО «Рога & Копыта» <b>"


def _person(d: dict[str, Any]) -> Person:
    return Person(
        id=d["id"],
        kind=PersonKind(d["kind"]),
        full_name=d["full_name"],
        birth_date=parse_date(d.get("birth_date")),
        phone=d.get("phone"),
        email=d.get("email"),
        address=d.get("address"),
        id_document=d.get("id_document"),
        inn=d.get("inn"),
        notes=d.get("notes"),
    )


def _incident(d: dict[str, Any]) -> Incident:
    occurred = parse_datetime(d["occurred_at"])
    assert occurred is not None
    return Incident(
        id=d["id"],
        reference=d.get("reference"),
        kind=IncidentKind(d["kind"]),
        occurred_at=occurred,
        reported_at=parse_datetime(d.get("reported_at")),
        region=d["region"],
        district=d["district"],
        settlement=d.get("settlement"),
        location=d["location"],
        latitude=d.get("latitude"),
        longitude=d.get("longitude"),
        description=d.get("description"),
        source=d.get("source"),
        uavs_downed=d.get("uavs_downed"),
        injured=d.get("injured") or 0,
        killed=d.get("killed") or 0,
        status=IncidentStatus(d["status"]),
        vehicles=[
            Vehicle(
                id=v["id"],
                owner_id=v.get("owner_id"),
                make=v["make"],
                model=v.get("model"),
                year=v.get("year"),
                colour=v.get("colour"),
                plate=normalise_plate(v.get("plate")),
                vin=normalise_vin(v.get("vin")),
                damage=v["damage"],
                severity=Severity(v["severity"]),
                estimated_cost=parse_money(v.get("estimated_cost")),
            )
            for v in d.get("vehicles") or []
        ],
        properties=[
            PropertyItem(
                id=p["id"],
                owner_id=p.get("owner_id"),
                kind=PropertyKind(p["kind"]),
                description=p["description"],
                address=p.get("address"),
                damage=p["damage"],
                severity=Severity(p["severity"]),
                estimated_cost=parse_money(p.get("estimated_cost")),
            )
            for p in d.get("properties") or []
        ],
    )


def _claim(d: dict[str, Any]) -> Claim:
    filed = parse_date(d["filed_on"])
    assert filed is not None
    decision = d.get("decision")
    payment = d.get("payment")
    return Claim(
        id=d["id"],
        number=d.get("number"),
        incident_id=d["incident_id"],
        claimant_id=d["claimant_id"],
        items=list(d["items"]),
        kind=ClaimKind(d["kind"]),
        filed_on=filed,
        requested_amount=parse_money(d.get("requested_amount")),
        insurance_paid=parse_money(d.get("insurance_paid")),
        status=ClaimStatus(d["status"]),
        documents=[
            Document(DocumentKind(x["kind"]), parse_date(x["received_on"]), x.get("note"))  # type: ignore[arg-type]
            for x in d.get("documents") or []
        ],
        decision=Decision(
            number=decision["number"],
            date=parse_date(decision["date"]),  # type: ignore[arg-type]
            approved_amount=parse_money(decision.get("approved_amount")),
            reason=decision.get("reason"),
        )
        if decision
        else None,
        payment=Payment(
            date=parse_date(payment["date"]),  # type: ignore[arg-type]
            amount=parse_money(payment["amount"]),  # type: ignore[arg-type]
            reference=payment.get("reference"),
        )
        if payment
        else None,
        notes=d.get("notes"),
    )


@dataclass
class MemoryStore:
    """The read side of `Store` that the reports use, over lists of records."""

    people: list[Person]
    incidents: list[Incident]
    claims: list[Claim]
    office: OfficeSettings = field(default_factory=OfficeSettings)
    required: RequiredDocuments = field(default_factory=RequiredDocuments)

    def settings(self) -> OfficeSettings:
        return self.office

    def required_documents(self) -> RequiredDocuments:
        return self.required

    def get_incident(self, incident_id: str) -> Incident | None:
        return next((i for i in self.incidents if i.id == incident_id), None)

    def get_incident_by_reference(self, reference: str) -> Incident | None:
        return next((i for i in self.incidents if i.reference == reference), None)

    def get_claim_by_number(self, number: str) -> Claim | None:
        return next((c for c in self.claims if c.number == number), None)

    def get_person(self, person_id: str) -> Person | None:
        return next((p for p in self.people if p.id == person_id), None)

    def people_by_ids(self, ids: Iterable[str]) -> dict[str, Person]:
        wanted = set(ids)
        return {p.id: p for p in self.people if p.id in wanted}

    def claims_for_incident(self, incident_id: str) -> list[Claim]:
        return [c for c in self.claims if c.incident_id == incident_id]

    def _selected(self, filters: Filters, *, by_incident_date: bool) -> Iterator[tuple[Claim, Incident]]:
        for c in self.claims:
            incident = self.get_incident(c.incident_id)
            assert incident is not None
            when = incident.occurred_at.date() if by_incident_date else c.filed_on
            if filters.date_from and when < filters.date_from:
                continue
            if filters.date_to and when > filters.date_to:
                continue
            if filters.district and incident.district != filters.district:
                continue
            if filters.status and c.status != filters.status:
                continue
            yield c, incident

    def iter_claim_rows(self, filters: Filters) -> Iterator[ClaimRow]:
        rows = []
        for c, incident in self._selected(filters, by_incident_date=False):
            claimant = self.get_person(c.claimant_id)
            rows.append(
                ClaimRow(
                    id=c.id,
                    number=c.number or "",
                    filed_on=c.filed_on,
                    claimant=claimant.full_name if claimant else "",
                    incident_reference=incident.reference or "",
                    district=incident.district,
                    status=c.status,
                    requested=c.requested_amount,
                    approved=c.decision.approved_amount if c.decision else None,
                    paid=c.payment.amount if c.payment else None,
                    decided=c.decision is not None,
                )
            )
        yield from sorted(rows, key=lambda r: (r.filed_on, r.number))

    def summary_rows(self, filters: Filters) -> list[SummaryRow]:
        cells: dict[tuple[str, ClaimStatus], list[Any]] = {}
        for c, incident in self._selected(filters, by_incident_date=True):
            cell = cells.setdefault((incident.district, c.status), [0, Decimal(0), Decimal(0), Decimal(0)])
            cell[0] += 1
            cell[1] += c.requested_amount or 0
            cell[2] += (c.decision.approved_amount or 0) if c.decision else 0
            cell[3] += c.payment.amount if c.payment else 0
        return [SummaryRow(d, s, n, r, a, p) for (d, s), (n, r, a, p) in sorted(cells.items())]


def load_sample() -> MemoryStore:
    data = json.loads(SAMPLE.read_text(encoding="utf-8-sig"))
    return MemoryStore(
        people=[_person(p) for p in data["people"]],
        incidents=[_incident(i) for i in data["incidents"]],
        claims=[_claim(c) for c in data["claims"]],
        office=OfficeSettings(
            office_name="Администрация муниципального образования «Город Калуга»",
            office_address="248000, г. Калуга, ул. Ленина, д. 93",
            signatory_name="И. И. Иванов",
            signatory_position="Заместитель главы администрации",
        ),
    )


@pytest.fixture
def sample() -> MemoryStore:
    return load_sample()


@pytest.fixture
def hostile(sample: MemoryStore) -> MemoryStore:
    """The sample with markup-like text in every kind of user value that reaches a report."""
    people = [replace(p, full_name=f"{HOSTILE} {n}") if n == 0 else p for n, p in enumerate(sample.people)]
    incidents = [
        replace(sample.incidents[0], location="двор <i>дома</i> № 5 & гараж", description="a < b > c & d"),
        *sample.incidents[1:],
    ]
    office = replace(sample.office, office_name=HOSTILE, signatory_name="<Петров & Сидоров>")
    return MemoryStore(people, incidents, sample.claims, office=office)


def pdf_pages(path: Path) -> list[str]:
    """Each page's text with no-break spaces made plain, so tests can compare with `in`."""
    reader = PdfReader(str(path))
    return [(page.extract_text() or "").replace("\u00a0", " ") for page in reader.pages]


def pdf_text(path: Path) -> str:
    return "\n".join(pdf_pages(path))


def squash(text: str) -> str:
    """Text with all whitespace removed: wrapped table cells break names across lines."""
    return "".join(text.split())
