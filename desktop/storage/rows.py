"""Mapping between domain records and table rows (money as kopecks, JSON for `extra`)."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime
from typing import Any

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
from ..domain.values import kopecks_to_money, money_to_kopecks

Row = dict[str, Any]


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


def person_row(p: Person) -> Row:
    return {
        "id": p.id, "kind": p.kind._value_, "full_name": p.full_name, "birth_date": _iso(p.birth_date),
        "phone": p.phone, "email": p.email, "address": p.address, "id_document": p.id_document,
        "inn": p.inn, "notes": p.notes, "extra": _json(p.extra), "sort_name": sort_name(p.full_name),
        "document_key": document_key(p.id_document), "version": p.version,
    }


def person_from_row(r: Row) -> Person:
    return Person(
        id=r["id"], kind=PersonKind(r["kind"]), full_name=r["full_name"], birth_date=_d(r["birth_date"]),
        phone=r["phone"], email=r["email"], address=r["address"], id_document=r["id_document"],
        inn=r["inn"], notes=r["notes"], extra=_unjson(r["extra"]), version=r["version"],
    )


def incident_row(i: Incident) -> Row:
    return {
        "id": i.id, "reference": i.reference, "kind": i.kind._value_,
        "occurred_at": i.occurred_at.isoformat(),
        "occurred_utc": i.occurred_at.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "occurred_on": i.occurred_at.date().isoformat(),
        "reported_at": i.reported_at.isoformat() if i.reported_at else None,
        "region": i.region, "district": i.district, "settlement": i.settlement, "location": i.location,
        "latitude": i.latitude, "longitude": i.longitude, "description": i.description, "source": i.source,
        "uavs_downed": i.uavs_downed, "injured": i.injured, "killed": i.killed, "status": i.status._value_,
        "extra": _json(i.extra), "version": i.version,
    }


def incident_from_row(r: Row, vehicles: list[Vehicle], properties: list[PropertyItem]) -> Incident:
    return Incident(
        id=r["id"], reference=r["reference"], kind=IncidentKind(r["kind"]),
        occurred_at=datetime.fromisoformat(r["occurred_at"]),
        reported_at=datetime.fromisoformat(r["reported_at"]) if r["reported_at"] else None,
        region=r["region"], district=r["district"], settlement=r["settlement"], location=r["location"],
        latitude=r["latitude"], longitude=r["longitude"], description=r["description"], source=r["source"],
        uavs_downed=r["uavs_downed"], injured=r["injured"], killed=r["killed"],
        status=IncidentStatus(r["status"]), vehicles=vehicles, properties=properties, extra=_unjson(r["extra"]),
        version=r["version"],
    )


def vehicle_row(v: Vehicle, incident_id: str, position: int) -> Row:
    return {
        "id": v.id, "incident_id": incident_id, "position": position, "owner_id": v.owner_id, "make": v.make,
        "model": v.model, "year": v.year, "colour": v.colour, "plate": v.plate, "vin": v.vin,
        "damage": v.damage, "severity": v.severity._value_,
        "estimated_kopecks": money_to_kopecks(v.estimated_cost), "extra": _json(v.extra),
    }


def vehicle_from_row(r: Row) -> Vehicle:
    return Vehicle(
        id=r["id"], owner_id=r["owner_id"], make=r["make"], model=r["model"], year=r["year"], colour=r["colour"],
        plate=r["plate"], vin=r["vin"], damage=r["damage"], severity=Severity(r["severity"]),
        estimated_cost=kopecks_to_money(r["estimated_kopecks"]), extra=_unjson(r["extra"]),
    )


def property_row(p: PropertyItem, incident_id: str, position: int) -> Row:
    return {
        "id": p.id, "incident_id": incident_id, "position": position, "owner_id": p.owner_id,
        "kind": p.kind._value_, "description": p.description, "address": p.address, "damage": p.damage,
        "severity": p.severity._value_, "estimated_kopecks": money_to_kopecks(p.estimated_cost),
        "extra": _json(p.extra),
    }


def property_from_row(r: Row) -> PropertyItem:
    return PropertyItem(
        id=r["id"], owner_id=r["owner_id"], kind=PropertyKind(r["kind"]), description=r["description"],
        address=r["address"], damage=r["damage"], severity=Severity(r["severity"]),
        estimated_cost=kopecks_to_money(r["estimated_kopecks"]), extra=_unjson(r["extra"]),
    )


def claim_row(c: Claim) -> Row:
    d, p, e, n = c.decision, c.payment, c.extension, c.inspection
    return {
        "id": c.id, "number": c.number, "incident_id": c.incident_id, "claimant_id": c.claimant_id,
        "kind": c.kind._value_, "filed_on": c.filed_on.isoformat(),
        "requested_kopecks": money_to_kopecks(c.requested_amount),
        "insurance_kopecks": money_to_kopecks(c.insurance_paid), "status": c.status._value_,
        "decision_number": d.number if d else None, "decision_date": _iso(d.date) if d else None,
        "approved_kopecks": money_to_kopecks(d.approved_amount) if d else None,
        "decision_reason": d.reason if d else None, "decision_extra": _json(d.extra) if d else None,
        "payment_date": _iso(p.date) if p else None, "paid_kopecks": money_to_kopecks(p.amount) if p else None,
        "payment_reference": p.reference if p else None, "payment_extra": _json(p.extra) if p else None,
        "notes": c.notes, "extra": _json(c.extra), "version": c.version,
        "received_via": c.received_via._value_ if c.received_via else None, "registered_on": _iso(c.registered_on),
        "executor": c.executor,
        "extension_until": _iso(e.until) if e else None, "extension_reason": e.reason if e else None,
        "extension_notice_sent_on": _iso(e.notice_sent_on) if e else None, "extension_extra": _json(e.extra) if e else None,
        "inspection_number": n.number if n else None, "inspection_date": _iso(n.date) if n else None,
        "inspection_members": json.dumps(n.members, ensure_ascii=False) if n else None,
        "inspection_findings": n.findings if n else None,
        "inspection_assessed_kopecks": money_to_kopecks(n.assessed_amount) if n else None,
        "inspection_extra": _json(n.extra) if n else None,
        "decision_notice_sent_on": _iso(d.notice_sent_on) if d else None,
        "answer_due": deadlines.answer_due(c.filed_on, c.registered_on, e.until if e else None).isoformat(),
    }


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
        kind=ClaimKind(r["kind"]), filed_on=date.fromisoformat(r["filed_on"]),
        requested_amount=kopecks_to_money(r["requested_kopecks"]),
        insurance_paid=kopecks_to_money(r["insurance_kopecks"]), status=ClaimStatus(r["status"]),
        documents=documents, decision=decision, payment=payment, attachments=attachments, notes=r["notes"],
        received_via=ReceivedVia(r["received_via"]) if r["received_via"] else None,
        registered_on=_d(r["registered_on"]), executor=r["executor"], extension=extension, inspection=inspection,
        extra=_unjson(r["extra"]), version=r["version"],
    )


def document_row(d: Document, claim_id: str, position: int) -> Row:
    return {"claim_id": claim_id, "position": position, "kind": d.kind._value_, "received_on": d.received_on.isoformat(),
            "note": d.note, "extra": _json(d.extra)}


def document_from_row(r: Row) -> Document:
    return Document(kind=DocumentKind(r["kind"]), received_on=date.fromisoformat(r["received_on"]), note=r["note"],
                    extra=_unjson(r["extra"]))


def attachment_row(a: Attachment, claim_id: str, position: int) -> Row:
    return {"claim_id": claim_id, "position": position, "name": a.name, "media_type": a.media_type,
            "sha256": a.sha256, "size": a.size, "extra": _json(a.extra)}


def attachment_from_row(r: Row) -> Attachment:
    return Attachment(name=r["name"], media_type=r["media_type"], sha256=r["sha256"], size=r["size"],
                      extra=_unjson(r["extra"]))
