"""Records as interchange dictionaries (the export form), also used for the audit trail.

Keys follow the spec's order and absent values are left out, so two exports of the same data
are identical and the audit shows exactly what a clerk would see in a file.
"""

from __future__ import annotations

from collections.abc import Callable
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
    ReceivedVia,
    Severity,
)
from .models import (
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
from .values import money_wire, number_sort_key

Wire = dict[str, Any]


def incident_file_order(incident: Incident) -> tuple[Any, ...]:
    """Where an incident stands in an exported file: by time, then reference (as numbers), then id."""
    return incident.occurred_at, number_sort_key(incident.reference) or "", incident.id


def claim_file_order(claim: Claim) -> tuple[Any, ...]:
    """Where a claim stands in an exported file: by filing day, then number (as numbers), then id."""
    return claim.filed_on, number_sort_key(claim.number) or "", claim.id


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
                                               PersonKind, PropertyKind, ReceivedVia, Severity)},
}


def packer(*keys: str, extra: bool = True) -> Callable[[Any], Wire]:
    """`_pack` of a record's attributes KEYS (and its `extra`) written out attribute by attribute and
    compiled once, as `dataclasses` writes an `__init__`: the audit trail packs every record an import
    writes, and the loop over pairs cost three times the packing. Same dictionary, key for key
    (tests/domain/test_serialize.py compares the two)."""
    lines = ["def pack(record):", "    out = {}"]
    for key in keys:
        if not key.isidentifier():
            raise ValueError(key)
        lines += [
            f"    value = record.{key}",
            "    if value is not None:",
            "        if value.__class__ is str:",
            f"            out[{key!r}] = value",
            "        else:",
            "            to_wire = convert(type(value))",
            f"            out[{key!r}] = to_wire(value) if to_wire else wire(value)",
        ]
    if extra:
        lines += ["    if record.extra:", "        out['extra'] = record.extra"]
    lines.append("    return out")
    names: dict[str, Any] = {"convert": _CONVERT.get, "wire": _value}
    exec("\n".join(lines), names)  # noqa: S102 - our own constant key lists, checked above
    return names["pack"]  # type: ignore[no-any-return]


PERSON_KEYS = ("id", "kind", "full_name", "birth_date", "phone", "email", "address", "id_document", "inn", "notes")
VEHICLE_KEYS = ("id", "owner_id", "make", "model", "year", "colour", "plate", "vin", "damage", "severity", "estimated_cost")
PROPERTY_KEYS = ("id", "owner_id", "kind", "description", "address", "damage", "severity", "estimated_cost")
INCIDENT_KEYS = ("id", "reference", "kind", "occurred_at", "reported_at", "region", "district", "settlement", "location",
                 "latitude", "longitude", "description", "source", "uavs_downed", "injured", "killed", "status")
DOCUMENT_KEYS = ("kind", "received_on", "note")
DECISION_KEYS = ("number", "date", "approved_amount", "reason", "notice_sent_on")
EXTENSION_KEYS = ("until", "reason", "notice_sent_on")
INSPECTION_KEYS = ("number", "date", "members", "findings", "assessed_amount")
PAYMENT_KEYS = ("date", "amount", "reference")
ATTACHMENT_KEYS = ("name", "media_type", "sha256", "size")
CLAIM_HEAD_KEYS = ("id", "number", "incident_id", "claimant_id")  # then `items`
CLAIM_TERMS_KEYS = ("kind", "filed_on", "received_via", "registered_on", "executor", "requested_amount", "insurance_paid",
                    "status")  # then `extension`, `inspection` and the lists

person_to_dict: Callable[[Person], Wire] = packer(*PERSON_KEYS)
vehicle_to_dict: Callable[[Vehicle], Wire] = packer(*VEHICLE_KEYS)
property_to_dict: Callable[[PropertyItem], Wire] = packer(*PROPERTY_KEYS)
document_to_dict: Callable[[Document], Wire] = packer(*DOCUMENT_KEYS)
decision_to_dict: Callable[[Decision], Wire] = packer(*DECISION_KEYS)
payment_to_dict: Callable[[Payment], Wire] = packer(*PAYMENT_KEYS)
extension_to_dict: Callable[[Extension], Wire] = packer(*EXTENSION_KEYS)
inspection_to_dict: Callable[[Inspection], Wire] = packer(*INSPECTION_KEYS)
attachment_to_dict: Callable[[Attachment], Wire] = packer(*ATTACHMENT_KEYS)
_incident_fields = packer(*INCIDENT_KEYS, extra=False)
_claim_head = packer(*CLAIM_HEAD_KEYS, extra=False)
_claim_terms = packer(*CLAIM_TERMS_KEYS, extra=False)


def incident_to_dict(i: Incident) -> Wire:
    out = _incident_fields(i)
    out["vehicles"] = [vehicle_to_dict(v) for v in i.vehicles]
    out["properties"] = [property_to_dict(p) for p in i.properties]
    if i.extra:
        out["extra"] = i.extra
    return out


def claim_to_dict(c: Claim) -> Wire:
    out = _claim_head(c)
    out["items"] = list(c.items)
    out.update(_claim_terms(c))
    if c.extension is not None:
        out["extension"] = extension_to_dict(c.extension)
    if c.inspection is not None:
        out["inspection"] = inspection_to_dict(c.inspection)
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
