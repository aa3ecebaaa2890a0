"""Mapping between domain records and table rows (money as kopecks, JSON for `extra`)."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import UTC, date, datetime
from enum import Enum
from typing import Any, TypeVar

from ..domain import deadlines
from ..domain.duplicates import document_key
from ..domain.enums import (
    ClaimKind,
    ClaimStatus,
    DocumentKind,
    IncidentKind,
    IncidentStatus,
    PersonKind,
    PropertyKind,
    ReceivedVia,
    Severity,
)
from ..domain.models import (
    Attachment,
    Claim,
    Decision,
    Document,
    Extension,
    Incident,
    Inspection,
    Payment,
    Person,
    PropertyItem,
    Vehicle,
)
from ..domain.values import kopecks_to_money, money_to_kopecks, number_sort_key

Row = dict[str, Any]
E = TypeVar("E", bound=Enum)


def _member(kind: type[E]) -> Callable[[Any], E]:
    """`kind(value)` as a dictionary lookup: an enum's call costs ten times more, and a read of an
    incident of 20,000 cars makes 40,000 of them. A value not in the enum still raises its ValueError."""
    members = kind._value2member_map_

    def member(value: Any) -> E:
        found = members.get(value)
        return found if found is not None else kind(value)  # type: ignore[return-value]

    return member


_person_kind, _incident_kind, _incident_status = _member(PersonKind), _member(IncidentKind), _member(IncidentStatus)
_severity, _property_kind, _claim_kind = _member(Severity), _member(PropertyKind), _member(ClaimKind)
_claim_status, _received_via, _document_kind = _member(ClaimStatus), _member(ReceivedVia), _member(DocumentKind)


def _json(value: dict | None) -> str | None:
    # Key order kept: `extra` is stored as it came. Absent is NULL, not the text "null".
    return json.dumps(value, ensure_ascii=False) if value else None


def _unjson(text: str | None) -> dict | None:
    return json.loads(text) if text else None


def _d(text: str | None) -> date | None:
    return date.fromisoformat(text) if text else None


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day else None


def sort_name(name: str) -> str:
    return name.casefold().replace("ё", "е")


# Each table's columns as a record is written, and the record's values in that order: an import
# writes tens of thousands of rows as tuples (`*_values`) without building a dictionary for each;
# `*_row` gives the same values by column name.
PERSON_COLUMNS = ("id", "kind", "full_name", "birth_date", "phone", "email", "address", "id_document", "inn", "notes",
                  "extra", "sort_name", "document_key", "version")


def person_values(p: Person) -> tuple[Any, ...]:
    return (p.id, p.kind._value_, p.full_name, _iso(p.birth_date), p.phone, p.email, p.address, p.id_document,
            p.inn, p.notes, _json(p.extra), sort_name(p.full_name), document_key(p.id_document), p.version)


def person_row(p: Person) -> Row:
    return dict(zip(PERSON_COLUMNS, person_values(p), strict=True))


def person_from_row(r: Row) -> Person:
    return Person(
        id=r["id"], kind=_person_kind(r["kind"]), full_name=r["full_name"], birth_date=_d(r["birth_date"]),
        phone=r["phone"], email=r["email"], address=r["address"], id_document=r["id_document"],
        inn=r["inn"], notes=r["notes"], extra=_unjson(r["extra"]), version=r["version"],
    )


INCIDENT_COLUMNS = ("id", "reference", "kind", "occurred_at", "occurred_utc", "occurred_on", "reported_at", "region",
                    "district", "settlement", "location", "latitude", "longitude", "description", "source",
                    "uavs_downed", "injured", "killed", "status", "extra", "version", "reference_key")


def incident_values(i: Incident) -> tuple[Any, ...]:
    return (
        i.id, i.reference, i.kind._value_, i.occurred_at.isoformat(),
        i.occurred_at.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"), i.occurred_at.date().isoformat(),
        i.reported_at.isoformat() if i.reported_at else None,
        i.region, i.district, i.settlement, i.location, i.latitude, i.longitude, i.description, i.source,
        i.uavs_downed, i.injured, i.killed, i.status._value_, _json(i.extra), i.version, number_sort_key(i.reference),
    )


def incident_row(i: Incident) -> Row:
    return dict(zip(INCIDENT_COLUMNS, incident_values(i), strict=True))


def incident_from_row(r: Row, vehicles: list[Vehicle], properties: list[PropertyItem]) -> Incident:
    return Incident(
        id=r["id"], reference=r["reference"], kind=_incident_kind(r["kind"]),
        occurred_at=datetime.fromisoformat(r["occurred_at"]),
        reported_at=datetime.fromisoformat(r["reported_at"]) if r["reported_at"] else None,
        region=r["region"], district=r["district"], settlement=r["settlement"], location=r["location"],
        latitude=r["latitude"], longitude=r["longitude"], description=r["description"], source=r["source"],
        uavs_downed=r["uavs_downed"], injured=r["injured"], killed=r["killed"],
        status=_incident_status(r["status"]), vehicles=vehicles, properties=properties, extra=_unjson(r["extra"]),
        version=r["version"],
    )


VEHICLE_COLUMNS = ("id", "incident_id", "position", "owner_id", "make", "model", "year", "colour", "plate", "vin",
                   "damage", "severity", "estimated_kopecks", "extra")


def vehicle_values(v: Vehicle, incident_id: str, position: int) -> tuple[Any, ...]:
    return (v.id, incident_id, position, v.owner_id, v.make, v.model, v.year, v.colour, v.plate, v.vin, v.damage,
            v.severity._value_, money_to_kopecks(v.estimated_cost), _json(v.extra))


def vehicle_row(v: Vehicle, incident_id: str, position: int) -> Row:
    return dict(zip(VEHICLE_COLUMNS, vehicle_values(v, incident_id, position), strict=True))


def vehicle_from_row(r: Row) -> Vehicle:
    return Vehicle(
        id=r["id"], owner_id=r["owner_id"], make=r["make"], model=r["model"], year=r["year"], colour=r["colour"],
        plate=r["plate"], vin=r["vin"], damage=r["damage"], severity=_severity(r["severity"]),
        estimated_cost=kopecks_to_money(r["estimated_kopecks"]), extra=_unjson(r["extra"]),
    )


def vehicle_from_values(t: tuple[Any, ...]) -> Vehicle:
    """A vehicle from its row as a tuple in `VEHICLE_COLUMNS` order: an incident of 20,000 cars is
    read without a dictionary per row."""
    (id_, _incident, _position, owner_id, make, model, year, colour, plate, vin, damage, severity, kopecks, extra) = t
    return Vehicle(
        id=id_, owner_id=owner_id, make=make, model=model, year=year, colour=colour, plate=plate, vin=vin,
        damage=damage, severity=_severity(severity), estimated_cost=kopecks_to_money(kopecks), extra=_unjson(extra),
    )


PROPERTY_COLUMNS = ("id", "incident_id", "position", "owner_id", "kind", "description", "address", "damage", "severity",
                    "estimated_kopecks", "extra")


def property_values(p: PropertyItem, incident_id: str, position: int) -> tuple[Any, ...]:
    return (p.id, incident_id, position, p.owner_id, p.kind._value_, p.description, p.address, p.damage,
            p.severity._value_, money_to_kopecks(p.estimated_cost), _json(p.extra))


def property_row(p: PropertyItem, incident_id: str, position: int) -> Row:
    return dict(zip(PROPERTY_COLUMNS, property_values(p, incident_id, position), strict=True))


def property_from_row(r: Row) -> PropertyItem:
    return PropertyItem(
        id=r["id"], owner_id=r["owner_id"], kind=_property_kind(r["kind"]), description=r["description"],
        address=r["address"], damage=r["damage"], severity=_severity(r["severity"]),
        estimated_cost=kopecks_to_money(r["estimated_kopecks"]), extra=_unjson(r["extra"]),
    )


def property_from_values(t: tuple[Any, ...]) -> PropertyItem:
    """A property item from its row as a tuple in `PROPERTY_COLUMNS` order."""
    (id_, _incident, _position, owner_id, kind, description, address, damage, severity, kopecks, extra) = t
    return PropertyItem(
        id=id_, owner_id=owner_id, kind=_property_kind(kind), description=description, address=address,
        damage=damage, severity=_severity(severity), estimated_cost=kopecks_to_money(kopecks), extra=_unjson(extra),
    )


CLAIM_COLUMNS = (
    "id", "number", "incident_id", "claimant_id", "kind", "filed_on", "requested_kopecks", "insurance_kopecks", "status",
    "decision_number", "decision_date", "approved_kopecks", "decision_reason", "decision_extra",
    "payment_date", "paid_kopecks", "payment_reference", "payment_extra", "notes", "extra", "version",
    "received_via", "registered_on", "executor",
    "extension_until", "extension_reason", "extension_notice_sent_on", "extension_extra",
    "inspection_number", "inspection_date", "inspection_members", "inspection_findings", "inspection_assessed_kopecks",
    "inspection_extra", "decision_notice_sent_on", "answer_due", "number_key",
)
_NO_DECISION = (None,) * 5  # decision_number … decision_extra
_NO_PAYMENT = (None,) * 4
_NO_EXTENSION = (None,) * 4
_NO_INSPECTION = (None,) * 6


def claim_values(c: Claim) -> tuple[Any, ...]:
    d, p, e, n = c.decision, c.payment, c.extension, c.inspection
    return (
        c.id, c.number, c.incident_id, c.claimant_id, c.kind._value_, c.filed_on.isoformat(),
        money_to_kopecks(c.requested_amount), money_to_kopecks(c.insurance_paid), c.status._value_,
        *((d.number, _iso(d.date), money_to_kopecks(d.approved_amount), d.reason, _json(d.extra)) if d else _NO_DECISION),
        *((_iso(p.date), money_to_kopecks(p.amount), p.reference, _json(p.extra)) if p else _NO_PAYMENT),
        c.notes, _json(c.extra), c.version,
        c.received_via._value_ if c.received_via else None, _iso(c.registered_on), c.executor,
        *((_iso(e.until), e.reason, _iso(e.notice_sent_on), _json(e.extra)) if e else _NO_EXTENSION),
        *((n.number, _iso(n.date), json.dumps(n.members, ensure_ascii=False), n.findings,
           money_to_kopecks(n.assessed_amount), _json(n.extra)) if n else _NO_INSPECTION),
        _iso(d.notice_sent_on) if d else None,
        deadlines.answer_due(c.filed_on, c.registered_on, e.until if e else None).isoformat(),
        number_sort_key(c.number),
    )


def claim_row(c: Claim) -> Row:
    return dict(zip(CLAIM_COLUMNS, claim_values(c), strict=True))


def claim_from_row(r: Row, items: list[str], documents: list[Document], attachments: list[Attachment]) -> Claim:
    decision = None
    if r["decision_number"] is not None:
        decision = Decision(
            number=r["decision_number"], date=date.fromisoformat(r["decision_date"]),
            approved_amount=kopecks_to_money(r["approved_kopecks"]), reason=r["decision_reason"],
            notice_sent_on=_d(r["decision_notice_sent_on"]), extra=_unjson(r["decision_extra"]),
        )
    payment = None
    if r["payment_date"] is not None:
        payment = Payment(
            date=date.fromisoformat(r["payment_date"]), amount=kopecks_to_money(r["paid_kopecks"]),  # type: ignore[arg-type]
            reference=r["payment_reference"], extra=_unjson(r["payment_extra"]),
        )
    extension = None
    if r["extension_until"] is not None:
        extension = Extension(until=date.fromisoformat(r["extension_until"]), reason=r["extension_reason"],
                              notice_sent_on=_d(r["extension_notice_sent_on"]), extra=_unjson(r["extension_extra"]))
    inspection = None
    if r["inspection_number"] is not None:
        inspection = Inspection(
            number=r["inspection_number"], date=date.fromisoformat(r["inspection_date"]),
            members=json.loads(r["inspection_members"]), findings=r["inspection_findings"],
            assessed_amount=kopecks_to_money(r["inspection_assessed_kopecks"]), extra=_unjson(r["inspection_extra"]),
        )
    return Claim(
        id=r["id"], number=r["number"], incident_id=r["incident_id"], claimant_id=r["claimant_id"], items=items,
        kind=_claim_kind(r["kind"]), filed_on=date.fromisoformat(r["filed_on"]),
        requested_amount=kopecks_to_money(r["requested_kopecks"]),
        insurance_paid=kopecks_to_money(r["insurance_kopecks"]), status=_claim_status(r["status"]),
        documents=documents, decision=decision, payment=payment, attachments=attachments, notes=r["notes"],
        received_via=_received_via(r["received_via"]) if r["received_via"] else None,
        registered_on=_d(r["registered_on"]), executor=r["executor"], extension=extension, inspection=inspection,
        extra=_unjson(r["extra"]), version=r["version"],
    )


DOCUMENT_COLUMNS = ("claim_id", "position", "kind", "received_on", "note", "extra")


def document_values(d: Document, claim_id: str, position: int) -> tuple[Any, ...]:
    return (claim_id, position, d.kind._value_, d.received_on.isoformat(), d.note, _json(d.extra))


def document_row(d: Document, claim_id: str, position: int) -> Row:
    return dict(zip(DOCUMENT_COLUMNS, document_values(d, claim_id, position), strict=True))


def document_from_row(r: Row) -> Document:
    return Document(kind=_document_kind(r["kind"]), received_on=date.fromisoformat(r["received_on"]), note=r["note"],
                    extra=_unjson(r["extra"]))


ATTACHMENT_COLUMNS = ("claim_id", "position", "name", "media_type", "sha256", "size", "extra")


def attachment_values(a: Attachment, claim_id: str, position: int) -> tuple[Any, ...]:
    return (claim_id, position, a.name, a.media_type, a.sha256, a.size, _json(a.extra))


def attachment_row(a: Attachment, claim_id: str, position: int) -> Row:
    return dict(zip(ATTACHMENT_COLUMNS, attachment_values(a, claim_id, position), strict=True))


def attachment_from_row(r: Row) -> Attachment:
    return Attachment(name=r["name"], media_type=r["media_type"], sha256=r["sha256"], size=r["size"],
                      extra=_unjson(r["extra"]))
