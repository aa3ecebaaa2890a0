"""Interchange dictionaries → records, collecting every problem with its path.

Nothing stops at the first mistake: a clerk fixing a file wants the whole list at once. A reader
returns the record even when some fields failed (they are None), so later checks, such as a
claim's items against its incident, still run; the caller tells success by the problems list.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
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
from .errors import FieldError, Problem, join_path
from .limits import text_limit
from .models import (
    Attachment,
    Claim,
    Decision,
    Document,
    Incident,
    Payment,
    Person,
    PropertyItem,
    Vehicle,
)
from .rules import claim_problems, incident_problems, person_problems
from .values import (
    check_email,
    check_inn,
    check_sha256,
    clean_text,
    normalise_phone,
    normalise_plate,
    normalise_reference,
    normalise_vin,
    parse_date,
    parse_datetime,
    parse_enum,
    parse_money,
    parse_uuid,
    wire_int,
    wire_number,
)

Parser = Callable[[object], Any]

PERSON_KEYS = frozenset(("id", "kind", "full_name", "birth_date", "phone", "email", "address", "id_document", "inn", "notes"))
INCIDENT_KEYS = frozenset((
    "id", "reference", "kind", "occurred_at", "reported_at", "region", "district", "settlement", "location",
    "latitude", "longitude", "description", "source", "uavs_downed", "injured", "killed", "status",
    "vehicles", "properties",
))
VEHICLE_KEYS = frozenset(("id", "owner_id", "make", "model", "year", "colour", "plate", "vin", "damage", "severity", "estimated_cost"))
PROPERTY_KEYS = frozenset(("id", "owner_id", "kind", "description", "address", "damage", "severity", "estimated_cost"))
CLAIM_KEYS = frozenset((
    "id", "number", "incident_id", "claimant_id", "items", "kind", "filed_on", "requested_amount",
    "insurance_paid", "status", "documents", "decision", "payment", "attachments", "notes",
))
DOCUMENT_KEYS = frozenset(("kind", "received_on", "note"))
DECISION_KEYS = frozenset(("number", "date", "approved_amount", "reason"))
PAYMENT_KEYS = frozenset(("date", "amount", "reference"))
ATTACHMENT_KEYS = frozenset(("name", "media_type", "sha256", "size"))


def text(field: str) -> Parser:
    """A text field bounded by its length in `limits.TEXT_LIMITS` (`person.full_name`)."""
    limit = text_limit(field)
    return lambda v: clean_text(v, max_length=limit)


def enum(kind: type) -> Parser:
    return lambda v: parse_enum(v, kind)


class Reader:
    """Reads one object's fields; problems accumulate instead of raising."""

    def __init__(self, problems: list[Problem], raw: object, path: str, keys: frozenset[str]) -> None:
        self.problems = problems
        self.path = path
        self.ok = isinstance(raw, dict)
        self.raw: dict[str, Any] = raw if isinstance(raw, dict) else {}
        self.extra: dict[str, Any] | None = None
        if not self.ok:
            self.fail("", "not_object")
            return
        for key in self.raw:
            if key == "extra":
                value = self.raw[key]
                if value is not None and not isinstance(value, dict):
                    self.fail("extra", "not_object")
                else:
                    self.extra = value or None
            elif key not in keys:
                self.fail(key, "unknown_key")

    def fail(self, key: str | int, code: str, **params: object) -> None:
        self.problems.append(Problem(join_path(self.path, key), FieldError(code, **params)))
        self.ok = False

    def get(self, key: str, parser: Parser, *, required: bool = False) -> Any:
        raw = self.raw.get(key)
        if raw is None:  # absent and null are the same; most optional keys are absent
            if required:
                self.fail(key, "required")
            return None
        try:
            value = parser(raw)
        except FieldError as e:
            self.problems.append(Problem(join_path(self.path, key), e))
            self.ok = False
            return None
        if value is None and required:
            self.fail(key, "required")
        return value

    def items(self, key: str) -> list[tuple[str, Any]]:
        value = self.raw.get(key)
        if value is None:
            return []
        if not isinstance(value, list):
            self.fail(key, "not_list")
            return []
        base = join_path(self.path, key)
        return [(f"{base}[{n}]", v) for n, v in enumerate(value)]

    def adopt(self, relative: list[Problem]) -> None:
        for p in relative:
            self.problems.append(Problem(join_path(self.path, p.path) if p.path else self.path, p.error))
            self.ok = False


def read_person(raw: object, path: str, problems: list[Problem], now: datetime | None = None) -> Person | None:
    r = Reader(problems, raw, path, PERSON_KEYS)
    if not isinstance(raw, dict):
        return None
    person = Person(
        id=r.get("id", parse_uuid, required=True),
        kind=r.get("kind", enum(PersonKind), required=True),
        full_name=r.get("full_name", text("person.full_name"), required=True),
        birth_date=r.get("birth_date", parse_date),
        phone=r.get("phone", normalise_phone),
        email=r.get("email", check_email),
        address=r.get("address", text("person.address")),
        id_document=r.get("id_document", text("person.id_document")),
        inn=r.get("inn", check_inn),
        notes=r.get("notes", text("person.notes")),
        extra=r.extra,
    )
    if r.ok:
        r.adopt(person_problems(person, now))
    return person


def read_vehicle(raw: object, path: str, problems: list[Problem]) -> Vehicle | None:
    r = Reader(problems, raw, path, VEHICLE_KEYS)
    if not isinstance(raw, dict):
        return None
    vehicle = Vehicle(
        id=r.get("id", parse_uuid, required=True),
        owner_id=r.get("owner_id", parse_uuid),
        make=r.get("make", text("vehicle.make"), required=True),
        model=r.get("model", text("vehicle.model")),
        year=r.get("year", lambda v: wire_int(v)),
        colour=r.get("colour", text("vehicle.colour")),
        plate=r.get("plate", normalise_plate),
        vin=r.get("vin", normalise_vin),
        damage=r.get("damage", text("vehicle.damage"), required=True),
        severity=r.get("severity", enum(Severity), required=True),
        estimated_cost=r.get("estimated_cost", parse_money),
        extra=r.extra,
    )
    return vehicle


def read_property(raw: object, path: str, problems: list[Problem]) -> PropertyItem | None:
    r = Reader(problems, raw, path, PROPERTY_KEYS)
    if not isinstance(raw, dict):
        return None
    item = PropertyItem(
        id=r.get("id", parse_uuid, required=True),
        owner_id=r.get("owner_id", parse_uuid),
        kind=r.get("kind", enum(PropertyKind), required=True),
        description=r.get("description", text("property.description"), required=True),
        address=r.get("address", text("property.address")),
        damage=r.get("damage", text("property.damage"), required=True),
        severity=r.get("severity", enum(Severity), required=True),
        estimated_cost=r.get("estimated_cost", parse_money),
        extra=r.extra,
    )
    return item


def read_incident(raw: object, path: str, problems: list[Problem], now: datetime | None = None) -> Incident | None:
    r = Reader(problems, raw, path, INCIDENT_KEYS)
    if not isinstance(raw, dict):
        return None
    vehicles = [read_vehicle(v, p, problems) for p, v in r.items("vehicles")]
    properties = [read_property(v, p, problems) for p, v in r.items("properties")]
    incident = Incident(
        id=r.get("id", parse_uuid, required=True),
        reference=r.get("reference", normalise_reference),
        kind=r.get("kind", enum(IncidentKind), required=True),
        occurred_at=r.get("occurred_at", parse_datetime, required=True),
        reported_at=r.get("reported_at", parse_datetime),
        region=r.get("region", text("incident.region"), required=True),
        district=r.get("district", text("incident.district"), required=True),
        settlement=r.get("settlement", text("incident.settlement")),
        location=r.get("location", text("incident.location"), required=True),
        latitude=r.get("latitude", lambda v: wire_number(v, minimum=-90, maximum=90)),
        longitude=r.get("longitude", lambda v: wire_number(v, minimum=-180, maximum=180)),
        description=r.get("description", text("incident.description")),
        source=r.get("source", text("incident.source")),
        uavs_downed=r.get("uavs_downed", lambda v: wire_int(v, minimum=0)),
        injured=r.get("injured", lambda v: wire_int(v, minimum=0)) or 0,
        killed=r.get("killed", lambda v: wire_int(v, minimum=0)) or 0,
        status=r.get("status", enum(IncidentStatus), required=True),
        vehicles=[v for v in vehicles if v is not None],
        properties=[p for p in properties if p is not None],
        extra=r.extra,
    )
    if None in vehicles or None in properties:
        r.ok = False
    if incident.occurred_at is not None:
        # Cross-field rules run even when a field failed, so the clerk sees every problem at once.
        r.adopt(incident_problems(incident, now))
    return incident


def read_document(raw: object, path: str, problems: list[Problem]) -> Document | None:
    r = Reader(problems, raw, path, DOCUMENT_KEYS)
    if not isinstance(raw, dict):
        return None
    doc = Document(
        kind=r.get("kind", enum(DocumentKind), required=True),
        received_on=r.get("received_on", parse_date, required=True),
        note=r.get("note", text("document.note")),
        extra=r.extra,
    )
    return doc


def read_decision(raw: object, path: str, problems: list[Problem]) -> Decision | None:
    r = Reader(problems, raw, path, DECISION_KEYS)
    if not isinstance(raw, dict):
        return None
    decision = Decision(
        number=r.get("number", text("decision.number"), required=True),
        date=r.get("date", parse_date, required=True),
        approved_amount=r.get("approved_amount", parse_money),
        reason=r.get("reason", text("decision.reason")),
        extra=r.extra,
    )
    return decision


def read_payment(raw: object, path: str, problems: list[Problem]) -> Payment | None:
    r = Reader(problems, raw, path, PAYMENT_KEYS)
    if not isinstance(raw, dict):
        return None
    payment = Payment(
        date=r.get("date", parse_date, required=True),
        amount=r.get("amount", parse_money, required=True),
        reference=r.get("reference", text("payment.reference")),
        extra=r.extra,
    )
    return payment


def read_attachment(raw: object, path: str, problems: list[Problem]) -> Attachment | None:
    r = Reader(problems, raw, path, ATTACHMENT_KEYS)
    if not isinstance(raw, dict):
        return None
    attachment = Attachment(
        name=r.get("name", text("attachment.name"), required=True),
        media_type=r.get("media_type", text("attachment.media_type")),
        sha256=r.get("sha256", check_sha256, required=True),
        size=r.get("size", lambda v: wire_int(v, minimum=0)),
        extra=r.extra,
    )
    return attachment


def read_claim(
    raw: object, path: str, problems: list[Problem], incident_of: Callable[[str], Incident | None],
    now: datetime | None = None,
) -> Claim | None:
    """`incident_of` finds the claim's incident in the file or the database (for item checks)."""
    r = Reader(problems, raw, path, CLAIM_KEYS)
    if not isinstance(raw, dict):
        return None
    items: list[str] = []
    raw_items = r.items("items")
    for item_path, value in raw_items:
        try:
            item = parse_uuid(value)
        except FieldError as e:
            problems.append(Problem(item_path, e))
            r.ok = False
            continue
        if item:
            items.append(item)
    documents = [read_document(v, p, problems) for p, v in r.items("documents")]
    attachments = [read_attachment(v, p, problems) for p, v in r.items("attachments")]
    decision = read_decision(r.raw["decision"], join_path(path, "decision"), problems) if r.raw.get("decision") is not None else None
    payment = read_payment(r.raw["payment"], join_path(path, "payment"), problems) if r.raw.get("payment") is not None else None
    if (r.raw.get("decision") is not None and decision is None) or (r.raw.get("payment") is not None and payment is None):
        r.ok = False
    if None in documents or None in attachments:
        r.ok = False
    claim = Claim(
        id=r.get("id", parse_uuid, required=True),
        number=r.get("number", normalise_reference),
        incident_id=r.get("incident_id", parse_uuid, required=True),
        claimant_id=r.get("claimant_id", parse_uuid, required=True),
        items=items,
        kind=r.get("kind", enum(ClaimKind), required=True),
        filed_on=r.get("filed_on", parse_date, required=True),
        requested_amount=r.get("requested_amount", parse_money),
        insurance_paid=r.get("insurance_paid", parse_money),
        status=r.get("status", enum(ClaimStatus), required=True),
        documents=[d for d in documents if d is not None],
        decision=decision,
        payment=payment,
        attachments=[a for a in attachments if a is not None],
        notes=r.get("notes", text("claim.notes")),
        extra=r.extra,
    )
    if claim.filed_on is not None and claim.status is not None:
        incident = incident_of(claim.incident_id) if claim.incident_id else None
        r.adopt(claim_problems(claim, incident, now))
    return claim
