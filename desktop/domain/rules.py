"""Rules that span several fields of a record (field rules live in `values`).

Each function returns problems with paths relative to the record, so the import can prefix
`incidents[3]` and a form can mark the widget for `vehicles[0].plate`.
"""

from __future__ import annotations

from datetime import date, datetime

from . import deadlines
from .enums import ClaimStatus, PersonKind
from .errors import FieldError, Problem, join_path
from .models import Claim, Incident, Person
from .transitions import NEEDS_DECISION
from .values import check_not_future_date, check_not_future_datetime, future_limit


def person_problems(person: Person, now: datetime | None = None) -> list[Problem]:
    problems: list[Problem] = []
    try:
        check_not_future_date(person.birth_date, now)
    except FieldError as e:
        problems.append(Problem("birth_date", e))
    if person.inn:
        if person.kind == PersonKind.PERSON and len(person.inn) != 12:
            problems.append(Problem("inn", FieldError("inn_person", got=len(person.inn))))
        elif person.kind == PersonKind.ENTREPRENEUR and len(person.inn) != 12:
            problems.append(Problem("inn", FieldError("inn_entrepreneur", got=len(person.inn))))
        elif person.kind == PersonKind.ORGANISATION and len(person.inn) != 10:
            problems.append(Problem("inn", FieldError("inn_organisation", got=len(person.inn))))
    return problems


def incident_date(incident: Incident) -> date:
    """The day of the incident as the office saw it (in the offset it was recorded with)."""
    return incident.occurred_at.date()


def incident_problems(incident: Incident, now: datetime | None = None) -> list[Problem]:
    problems: list[Problem] = []
    try:
        check_not_future_datetime(incident.occurred_at, now)
    except FieldError as e:
        problems.append(Problem("occurred_at", e))
    if incident.reported_at is not None and incident.occurred_at and incident.reported_at < incident.occurred_at:
        problems.append(Problem("reported_at", FieldError("reported_before")))
    if incident.latitude is not None and incident.longitude is None:
        problems.append(Problem("", FieldError("lat_without_lon")))
    if incident.longitude is not None and incident.latitude is None:
        problems.append(Problem("", FieldError("lon_without_lat")))
    max_year = (now or datetime.now().astimezone()).year + 1
    seen: set[str] = set()
    for i, vehicle in enumerate(incident.vehicles):
        base = join_path("vehicles", i)
        if not vehicle.plate and not vehicle.vin:
            problems.append(Problem(base, FieldError("plate_or_vin")))
        if vehicle.year is not None and not 1900 <= vehicle.year <= max_year:
            problems.append(Problem(join_path(base, "year"), FieldError("year_range", limit=max_year)))
        if vehicle.id in seen:
            problems.append(Problem(join_path(base, "id"), FieldError("duplicate_id", got=vehicle.id)))
        seen.add(vehicle.id)
    for i, item in enumerate(incident.properties):
        if item.id in seen:
            problems.append(Problem(join_path(join_path("properties", i), "id"), FieldError("duplicate_id", got=item.id)))
        seen.add(item.id)
    return problems


def _days_not_future(claim: Claim, now: datetime | None) -> list[Problem]:
    """Every day on which something was done to the claim (filed, registered, a paper received,
    inspected, decided, told, paid) has come: not after today plus one day (as `check_not_future_date`).
    Only `extension.until`, a day promised, may be ahead. interchange.md says it of `filed_on`;
    the rest are decided alike (decisions.md)."""
    # Run for every claim of an import: the usual claim, all its days past, is let through first.
    last = future_limit(now).date()
    extension, inspection, decision, payment = claim.extension, claim.inspection, claim.decision, claim.payment
    latest = claim.filed_on or last
    for day in (claim.registered_on, extension and extension.notice_sent_on, inspection and inspection.date,
                decision and decision.date, decision and decision.notice_sent_on, payment and payment.date):
        if day is not None and day > latest:
            latest = day
    for paper in claim.documents:
        if paper.received_on is not None and paper.received_on > latest:
            latest = paper.received_on
    if latest <= last:
        return []
    problems = [Problem(path, FieldError("in_future")) for path, day in (
        ("filed_on", claim.filed_on), ("registered_on", claim.registered_on)) if day is not None and day > last]
    problems += [Problem(f"documents[{n}].received_on", FieldError("in_future"))
                 for n, paper in enumerate(claim.documents) if paper.received_on is not None and paper.received_on > last]
    for path, day in (
        ("extension.notice_sent_on", extension and extension.notice_sent_on),
        ("inspection.date", inspection and inspection.date),
        ("decision.date", decision and decision.date), ("decision.notice_sent_on", decision and decision.notice_sent_on),
        ("payment.date", payment and payment.date),
    ):
        if day is not None and day > last:
            problems.append(Problem(path, FieldError("in_future")))
    return problems


def _path_problems(claim: Claim, incident: Incident | None) -> list[Problem]:
    """The v2 dates of a claim's path: registration, extension, inspection, decision notice."""
    problems: list[Problem] = []

    def check(path: str, rule: object, *args: object) -> None:
        try:
            rule(*args)  # type: ignore[operator]
        except FieldError as e:
            problems.append(Problem(path, e))

    if claim.filed_on is None:
        return problems
    if claim.registered_on is not None:
        check("registered_on", deadlines.check_registered_on, claim.filed_on, claim.registered_on)
    if claim.extension is not None and claim.extension.until is not None:
        check("extension.until", deadlines.check_extension_until, claim.filed_on, claim.registered_on, claim.extension.until)
    inspection = claim.inspection
    if (inspection is not None and inspection.date is not None
            and incident is not None and incident.occurred_at and inspection.date < incident_date(incident)):
        problems.append(Problem("inspection.date", FieldError("inspection_before_incident")))
    decision = claim.decision
    if (decision is not None and decision.notice_sent_on is not None
            and decision.date is not None and decision.notice_sent_on < decision.date):
        problems.append(Problem("decision.notice_sent_on", FieldError("notice_before_decision")))
    return problems


def claim_problems(claim: Claim, incident: Incident | None, now: datetime | None = None) -> list[Problem]:
    """Consistency of a claim with its incident, its decision and its payment."""
    problems: list[Problem] = []

    def add(path: str, code: str, **params: object) -> None:
        problems.append(Problem(path, FieldError(code, **params)))

    if not claim.items:
        add("items", "no_items")
    if incident is not None:
        own = incident.item_ids()
        for i, item_id in enumerate(claim.items):
            if item_id not in own:
                add(join_path("items", i), "item_not_of_incident")
        if claim.filed_on and incident.occurred_at and claim.filed_on < incident_date(incident):
            add("filed_on", "filed_before_incident")
    seen: set[str] = set()
    for i, item_id in enumerate(claim.items):
        if item_id in seen:
            add(join_path("items", i), "duplicate_value", got=item_id)
        seen.add(item_id)
    problems += _days_not_future(claim, now)
    problems += _path_problems(claim, incident)

    decision = claim.decision
    if decision is None:
        if claim.status in NEEDS_DECISION:
            add("decision", "decision_required", got=claim.status.value)
    else:
        if decision.date and claim.filed_on and decision.date < claim.filed_on:
            add("decision.date", "decision_before_filed")
        if decision.approved_amount is None and claim.status in (ClaimStatus.APPROVED, ClaimStatus.PAID):
            add("decision.approved_amount", "approved_amount_required")
        if claim.status == ClaimStatus.REJECTED and not decision.reason:
            add("decision.reason", "reason_required")

    payment = claim.payment
    if payment is None:
        if claim.status == ClaimStatus.PAID:
            add("payment", "payment_required")
    elif decision is None or decision.approved_amount is None:
        add("payment", "payment_without_approval")
    else:
        if payment.date and decision.date and payment.date < decision.date:
            add("payment.date", "payment_before_decision")
        if payment.amount is not None and payment.amount > decision.approved_amount:
            add("payment.amount", "payment_above_approved")
    return problems
