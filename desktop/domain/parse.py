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
    ReceivedVia,
    Severity,
)
from .errors import FieldError, Problem, join_path
from .limits import text_limit
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
from .rules import claim_problems, incident_problems, person_problems
from .values import (
    check_email,
    check_inn,
    check_sha256,
    enum_parser,
    normalise_phone,
    normalise_plate,
    normalise_reference,
    normalise_vin,
    parse_date,
    parse_datetime,
    parse_money,
    parse_uuid,
    text_parser,
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
    "received_via", "registered_on", "executor", "extension", "inspection",  # v2
))
DOCUMENT_KEYS = frozenset(("kind", "received_on", "note"))
DECISION_KEYS = frozenset(("number", "date", "approved_amount", "reason", "notice_sent_on"))
EXTENSION_KEYS = frozenset(("until", "reason", "notice_sent_on"))
INSPECTION_KEYS = frozenset(("number", "date", "members", "findings", "assessed_amount"))
PAYMENT_KEYS = frozenset(("date", "amount", "reference"))
ATTACHMENT_KEYS = frozenset(("name", "media_type", "sha256", "size"))


def shown_key(key: str, limit: int = 80) -> str:
    """An unknown key as a problem's path names it: a hostile 100,000-character key is cut, not echoed."""
    return key if len(key) <= limit else f"{key[:limit]}…"


def text(field: str) -> Parser:
    """A text field bounded by its length in `limits.TEXT_LIMITS` (`person.full_name`)."""
    return text_parser(text_limit(field))


def enum(kind: type) -> Parser:
    return enum_parser(kind)


def _int_at_least(minimum: int) -> Parser:
    return lambda v: wire_int(v, minimum=minimum)


def _number_between(minimum: float, maximum: float) -> Parser:
    return lambda v: wire_number(v, minimum=minimum, maximum=maximum)


# Each record's fields as (key, parser, required), in the order they are read and reported. Made
# once: an import reads tens of thousands of records with them.
Fields = tuple[tuple[str, Parser, bool], ...]
PERSON_FIELDS: Fields = (
    ("id", parse_uuid, True), ("kind", enum(PersonKind), True), ("full_name", text("person.full_name"), True),
    ("birth_date", parse_date, False), ("phone", normalise_phone, False), ("email", check_email, False),
    ("address", text("person.address"), False), ("id_document", text("person.id_document"), False),
    ("inn", check_inn, False), ("notes", text("person.notes"), False),
)
VEHICLE_FIELDS: Fields = (
    ("id", parse_uuid, True), ("owner_id", parse_uuid, False), ("make", text("vehicle.make"), True),
    ("model", text("vehicle.model"), False), ("year", wire_int, False), ("colour", text("vehicle.colour"), False),
    ("plate", normalise_plate, False), ("vin", normalise_vin, False), ("damage", text("vehicle.damage"), True),
    ("severity", enum(Severity), True), ("estimated_cost", parse_money, False),
)
PROPERTY_FIELDS: Fields = (
    ("id", parse_uuid, True), ("owner_id", parse_uuid, False), ("kind", enum(PropertyKind), True),
    ("description", text("property.description"), True), ("address", text("property.address"), False),
    ("damage", text("property.damage"), True), ("severity", enum(Severity), True),
    ("estimated_cost", parse_money, False),
)
INCIDENT_FIELDS: Fields = (
    ("id", parse_uuid, True), ("reference", normalise_reference, False), ("kind", enum(IncidentKind), True),
    ("occurred_at", parse_datetime, True), ("reported_at", parse_datetime, False),
    ("region", text("incident.region"), True), ("district", text("incident.district"), True),
    ("settlement", text("incident.settlement"), False), ("location", text("incident.location"), True),
    ("latitude", _number_between(-90, 90), False), ("longitude", _number_between(-180, 180), False),
    ("description", text("incident.description"), False), ("source", text("incident.source"), False),
    ("uavs_downed", _int_at_least(0), False), ("injured", _int_at_least(0), False),
    ("killed", _int_at_least(0), False), ("status", enum(IncidentStatus), True),
)
DOCUMENT_FIELDS: Fields = (
    ("kind", enum(DocumentKind), True), ("received_on", parse_date, True), ("note", text("document.note"), False),
)
DECISION_FIELDS: Fields = (
    ("number", text("decision.number"), True), ("date", parse_date, True), ("approved_amount", parse_money, False),
    ("reason", text("decision.reason"), False), ("notice_sent_on", parse_date, False),
)
EXTENSION_FIELDS: Fields = (
    ("until", parse_date, True), ("reason", text("extension.reason"), True), ("notice_sent_on", parse_date, False),
)
INSPECTION_FIELDS: Fields = (  # `members` is read apart (a list)
    ("number", text("inspection.number"), True), ("date", parse_date, True),
    ("findings", text("inspection.findings"), True), ("assessed_amount", parse_money, False),
)
PAYMENT_FIELDS: Fields = (
    ("date", parse_date, True), ("amount", parse_money, True), ("reference", text("payment.reference"), False),
)
ATTACHMENT_FIELDS: Fields = (
    ("name", text("attachment.name"), True), ("media_type", text("attachment.media_type"), False),
    ("sha256", check_sha256, True), ("size", _int_at_least(0), False),
)
CLAIM_FIELDS: Fields = (  # `items`, `documents`, `decision`, `payment`, `attachments` are read apart
    ("id", parse_uuid, True), ("number", normalise_reference, False), ("incident_id", parse_uuid, True),
    ("claimant_id", parse_uuid, True), ("kind", enum(ClaimKind), True), ("filed_on", parse_date, True),
    ("requested_amount", parse_money, False), ("insurance_paid", parse_money, False),
    ("status", enum(ClaimStatus), True),
    ("received_via", enum(ReceivedVia), False), ("registered_on", parse_date, False),
    ("executor", text("claim.executor"), False),
)


class Reader:
    """Reads one object's fields; problems accumulate instead of raising."""

    def __init__(self, problems: list[Problem], raw: object, path: str, keys: frozenset[str]) -> None:
        self.problems = problems
        self.first = len(problems)  # this object's problems (and its parts') start here
        self.path = path
        self.ok = isinstance(raw, dict)
        self.raw: dict[str, Any] = raw if isinstance(raw, dict) else {}
        self.extra: dict[str, Any] | None = None
        if not self.ok:
            self.fail("", "not_object")
            return
        if keys.issuperset(self.raw):  # the usual case: every key known, no `extra`
            return
        for key in self.raw:
            if key == "extra":
                value = self.raw[key]
                if value is not None and not isinstance(value, dict):
                    self.fail("extra", "not_object")
                else:
                    self.extra = value or None
            elif key not in keys:
                self.fail(shown_key(key), "unknown_key")

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

    def fields(self, fields: Fields) -> dict[str, Any]:
        """Every field of `fields` by key (None where absent or wrong), as `get` reads each."""
        raw = self.raw
        out: dict[str, Any] = {}
        for key, parser, required in fields:
            value = raw.get(key)
            if value is not None:
                try:
                    value = parser(value)
                except FieldError as e:
                    self.problems.append(Problem(join_path(self.path, key), e))
                    self.ok = False
                    value = None
                else:
                    if value is None and required:
                        self.fail(key, "required")
            elif required:
                self.fail(key, "required")
            out[key] = value
        return out

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
        """The rules' problems, but none for a field already reported unreadable: a reason too long
        to take is not also "required when the claim is rejected"."""
        reported = {p.path for p in self.problems[self.first:]}
        for p in relative:
            where = join_path(self.path, p.path) if p.path else self.path
            if where not in reported:
                self.problems.append(Problem(where, p.error))
            self.ok = False


def compiled(fields: Fields) -> Callable[[Reader], dict[str, Any]]:
    """`Reader.fields(fields)` written out field by field and compiled once, as `dataclasses` writes
    an `__init__`: the loop's own work (unpacking, looking up, branching per field) cost as much
    as the parsers it calls, tens of thousands of times in an import. Same reads, same problems in
    the same order (tests/domain/test_parse.py compares the two on hostile records)."""
    names: dict[str, Any] = {"FieldError": FieldError, "Problem": Problem, "join_path": join_path}
    lines = ["def read(self):", "    raw = self.raw"]
    for n, (key, parser, required) in enumerate(fields):
        if not key.isidentifier():
            raise ValueError(key)
        names[f"parse_{n}"] = parser
        lines += [
            f"    v{n} = raw.get({key!r})",
            f"    if v{n} is not None:",
            "        try:",
            f"            v{n} = parse_{n}(v{n})",
            "        except FieldError as e:",
            f"            self.problems.append(Problem(join_path(self.path, {key!r}), e))",
            "            self.ok = False",
            f"            v{n} = None",
        ]
        if required:
            lines += [
                "        else:",
                f"            if v{n} is None:",
                f"                self.fail({key!r}, 'required')",
                "    else:",
                f"        self.fail({key!r}, 'required')",
            ]
    lines.append("    return {" + ", ".join(f"{key!r}: v{n}" for n, (key, _, _) in enumerate(fields)) + "}")
    exec("\n".join(lines), names)  # noqa: S102 - our own constant tables, keys checked above
    return names["read"]  # type: ignore[no-any-return]


read_person_fields = compiled(PERSON_FIELDS)
read_vehicle_fields = compiled(VEHICLE_FIELDS)
read_property_fields = compiled(PROPERTY_FIELDS)
read_incident_fields = compiled(INCIDENT_FIELDS)
read_document_fields = compiled(DOCUMENT_FIELDS)
read_decision_fields = compiled(DECISION_FIELDS)
read_payment_fields = compiled(PAYMENT_FIELDS)
read_extension_fields = compiled(EXTENSION_FIELDS)
read_inspection_fields = compiled(INSPECTION_FIELDS)
read_attachment_fields = compiled(ATTACHMENT_FIELDS)
read_claim_fields = compiled(CLAIM_FIELDS)


def read_person(raw: object, path: str, problems: list[Problem], now: datetime | None = None) -> Person | None:
    r = Reader(problems, raw, path, PERSON_KEYS)
    if not isinstance(raw, dict):
        return None
    person = Person(**read_person_fields(r), extra=r.extra)
    if r.ok:
        r.adopt(person_problems(person, now))
    return person


def read_vehicle(raw: object, path: str, problems: list[Problem]) -> Vehicle | None:
    r = Reader(problems, raw, path, VEHICLE_KEYS)
    if not isinstance(raw, dict):
        return None
    return Vehicle(**read_vehicle_fields(r), extra=r.extra)


def read_property(raw: object, path: str, problems: list[Problem]) -> PropertyItem | None:
    r = Reader(problems, raw, path, PROPERTY_KEYS)
    if not isinstance(raw, dict):
        return None
    return PropertyItem(**read_property_fields(r), extra=r.extra)


def read_incident(raw: object, path: str, problems: list[Problem], now: datetime | None = None) -> Incident | None:
    r = Reader(problems, raw, path, INCIDENT_KEYS)
    if not isinstance(raw, dict):
        return None
    vehicles = [read_vehicle(v, p, problems) for p, v in r.items("vehicles")]
    properties = [read_property(v, p, problems) for p, v in r.items("properties")]
    values = read_incident_fields(r)
    values["injured"] = values["injured"] or 0
    values["killed"] = values["killed"] or 0
    incident = Incident(
        **values,
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
    return Document(**read_document_fields(r), extra=r.extra)


def read_decision(raw: object, path: str, problems: list[Problem]) -> Decision | None:
    r = Reader(problems, raw, path, DECISION_KEYS)
    if not isinstance(raw, dict):
        return None
    return Decision(**read_decision_fields(r), extra=r.extra)


def read_payment(raw: object, path: str, problems: list[Problem]) -> Payment | None:
    r = Reader(problems, raw, path, PAYMENT_KEYS)
    if not isinstance(raw, dict):
        return None
    return Payment(**read_payment_fields(r), extra=r.extra)


def read_extension(raw: object, path: str, problems: list[Problem]) -> Extension | None:
    r = Reader(problems, raw, path, EXTENSION_KEYS)
    if not isinstance(raw, dict):
        return None
    return Extension(**read_extension_fields(r), extra=r.extra)


INSPECTION_MEMBER = text("inspection.members")


def read_inspection(raw: object, path: str, problems: list[Problem]) -> Inspection | None:
    r = Reader(problems, raw, path, INSPECTION_KEYS)
    if not isinstance(raw, dict):
        return None
    members: list[str] = []
    listed = r.items("members")
    for member_path, value in listed:
        try:
            member = INSPECTION_MEMBER(value)
        except FieldError as e:
            problems.append(Problem(member_path, e))
            r.ok = False
            continue
        if member:
            members.append(member)
    if not members and r.ok:
        r.fail("members", "required")
    fields = read_inspection_fields(r)
    return Inspection(**fields, members=members, extra=r.extra)


def read_attachment(raw: object, path: str, problems: list[Problem]) -> Attachment | None:
    r = Reader(problems, raw, path, ATTACHMENT_KEYS)
    if not isinstance(raw, dict):
        return None
    return Attachment(**read_attachment_fields(r), extra=r.extra)


CLAIM_NOTES = text("claim.notes")


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
    extension = inspection = None
    if r.raw.get("extension") is not None:
        extension = read_extension(r.raw["extension"], join_path(path, "extension"), problems)
        r.ok = r.ok and extension is not None
    if r.raw.get("inspection") is not None:
        inspection = read_inspection(r.raw["inspection"], join_path(path, "inspection"), problems)
        r.ok = r.ok and inspection is not None
    if None in documents or None in attachments:
        r.ok = False
    values = read_claim_fields(r)
    claim = Claim(
        **values,
        items=items,
        documents=[d for d in documents if d is not None],
        decision=decision,
        payment=payment,
        attachments=[a for a in attachments if a is not None],
        notes=r.get("notes", CLAIM_NOTES),
        extension=extension,
        inspection=inspection,
        extra=r.extra,
    )
    if claim.filed_on is not None and claim.status is not None:
        incident = incident_of(claim.incident_id) if claim.incident_id else None
        r.adopt(claim_problems(claim, incident, now))
    return claim
