"""Records as interchange dictionaries (the export form), also used for the audit trail.

Keys follow the spec's order and absent values are left out, so two exports of the same data
are identical and the audit shows exactly what a clerk would see in a file.
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from enum import Enum
from typing import Any

from .enums import (
    ClaimKind,
    ClaimStatus,
    DocumentKind,
    IncidentKind,
    IncidentStatus,
    PersonKind,
    PropertyKind,
    Severity,
)
from .models import Attachment, Claim, Decision, Document, Incident, Payment, Person, PropertyItem, Vehicle
from .values import money_wire

Wire = dict[str, Any]


def _value(value: object) -> Any:
    if isinstance(value, Enum):
        return value._value_  # the plain attribute; `.value` is a slow descriptor
    if isinstance(value, Decimal):
        return money_wire(value)
    if isinstance(value, (datetime, date)):
        return value.isoformat()
    return value


def _pack(pairs: list[tuple[str, object]], extra: dict[str, Any] | None) -> Wire:
    out: Wire = {}
    convert = _CONVERT.get
    for key, value in pairs:
        if value is None:
            continue
        to_wire = convert(type(value))
        out[key] = to_wire(value) if to_wire else _value(value)
    if extra:
        out["extra"] = extra
    return out


def _same(value: Any) -> Any:
    return value


# One dictionary lookup per value instead of a chain of isinstance checks (exports and the
# audit trail serialise every field of every record).
_CONVERT: dict[type, Any] = {
    str: _same, int: _same, float: _same, bool: _same,
    Decimal: money_wire, datetime: datetime.isoformat, date: date.isoformat,
    **{kind: lambda v: v._value_ for kind in (ClaimKind, ClaimStatus, DocumentKind, IncidentKind, IncidentStatus,
                                               PersonKind, PropertyKind, Severity)},
}


def person_to_dict(p: Person) -> Wire:
    return _pack(
        [
            ("id", p.id), ("kind", p.kind), ("full_name", p.full_name), ("birth_date", p.birth_date),
            ("phone", p.phone), ("email", p.email), ("address", p.address), ("id_document", p.id_document),
            ("inn", p.inn), ("notes", p.notes),
        ],
        p.extra,
    )


def vehicle_to_dict(v: Vehicle) -> Wire:
    return _pack(
        [
            ("id", v.id), ("owner_id", v.owner_id), ("make", v.make), ("model", v.model), ("year", v.year),
            ("colour", v.colour), ("plate", v.plate), ("vin", v.vin), ("damage", v.damage),
            ("severity", v.severity), ("estimated_cost", v.estimated_cost),
        ],
        v.extra,
    )


def property_to_dict(p: PropertyItem) -> Wire:
    return _pack(
        [
            ("id", p.id), ("owner_id", p.owner_id), ("kind", p.kind), ("description", p.description),
            ("address", p.address), ("damage", p.damage), ("severity", p.severity),
            ("estimated_cost", p.estimated_cost),
        ],
        p.extra,
    )


def incident_to_dict(i: Incident) -> Wire:
    out = _pack(
        [
            ("id", i.id), ("reference", i.reference), ("kind", i.kind), ("occurred_at", i.occurred_at),
            ("reported_at", i.reported_at), ("region", i.region), ("district", i.district),
            ("settlement", i.settlement), ("location", i.location), ("latitude", i.latitude),
            ("longitude", i.longitude), ("description", i.description), ("source", i.source),
            ("uavs_downed", i.uavs_downed), ("injured", i.injured), ("killed", i.killed), ("status", i.status),
        ],
        None,
    )
    out["vehicles"] = [vehicle_to_dict(v) for v in i.vehicles]
    out["properties"] = [property_to_dict(p) for p in i.properties]
    if i.extra:
        out["extra"] = i.extra
    return out


def document_to_dict(d: Document) -> Wire:
    return _pack([("kind", d.kind), ("received_on", d.received_on), ("note", d.note)], d.extra)


def decision_to_dict(d: Decision) -> Wire:
    return _pack(
        [("number", d.number), ("date", d.date), ("approved_amount", d.approved_amount), ("reason", d.reason)],
        d.extra,
    )


def payment_to_dict(p: Payment) -> Wire:
    return _pack([("date", p.date), ("amount", p.amount), ("reference", p.reference)], p.extra)


def attachment_to_dict(a: Attachment) -> Wire:
    return _pack([("name", a.name), ("media_type", a.media_type), ("sha256", a.sha256), ("size", a.size)], a.extra)


def claim_to_dict(c: Claim) -> Wire:
    out = _pack(
        [
            ("id", c.id), ("number", c.number), ("incident_id", c.incident_id), ("claimant_id", c.claimant_id),
        ],
        None,
    )
    out["items"] = list(c.items)
    out.update(
        _pack(
            [
                ("kind", c.kind), ("filed_on", c.filed_on), ("requested_amount", c.requested_amount),
                ("insurance_paid", c.insurance_paid), ("status", c.status),
            ],
            None,
        )
    )
    out["documents"] = [document_to_dict(d) for d in c.documents]
    if c.decision is not None:
        out["decision"] = decision_to_dict(c.decision)
    if c.payment is not None:
        out["payment"] = payment_to_dict(c.payment)
    out["attachments"] = [attachment_to_dict(a) for a in c.attachments]
    if c.notes:
        out["notes"] = c.notes
    if c.extra:
        out["extra"] = c.extra
    return out
