from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from decimal import Decimal

import pytest

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
from desktop.domain.errors import FieldError
from desktop.domain.models import Claim, Decision, Document, Incident, Payment, Person, PropertyItem, Vehicle
from desktop.domain.rules import claim_problems, incident_problems, person_problems
from desktop.domain.transitions import ALLOWED_TRANSITIONS, allowed_next, check_transition

MSK = timezone(timedelta(hours=3))
NOW = datetime(2026, 9, 26, 10, 0, tzinfo=MSK)


def make_incident(**kw) -> Incident:
    base = dict(
        id="i1", kind=IncidentKind.UAV_DEBRIS, occurred_at=datetime(2026, 9, 12, 2, 40, tzinfo=MSK),
        region="Калужская область", district="г. Калуга", location="у пруда", status=IncidentStatus.OPEN,
        vehicles=[Vehicle(id="v1", make="Lada", damage="стекло", severity=Severity.MINOR, plate="А123ВС40")],
        properties=[PropertyItem(id="p1", kind=PropertyKind.OTHER, description="забор", damage="x", severity=Severity.MINOR)],
    )
    base.update(kw)
    return Incident(**base)


def make_claim(**kw) -> Claim:
    base = dict(id="c1", incident_id="i1", claimant_id="a", items=["v1"], kind=ClaimKind.DAMAGE_COMPENSATION,
                filed_on=date(2026, 9, 14), status=ClaimStatus.RECEIVED)
    base.update(kw)
    return Claim(**base)


def codes(problems) -> list[tuple[str, str]]:
    return [(p.path, p.error.code) for p in problems]


def test_valid_incident_has_no_problems():
    assert incident_problems(make_incident(latitude=54.5, longitude=36.2), NOW) == []


def test_coordinates_both_or_neither():
    assert codes(incident_problems(make_incident(latitude=54.5), NOW)) == [("", "lat_without_lon")]
    assert codes(incident_problems(make_incident(longitude=36.2), NOW)) == [("", "lon_without_lat")]


def test_reported_not_before_occurred_and_not_in_future():
    incident = make_incident(reported_at=datetime(2026, 9, 12, 1, 0, tzinfo=MSK))
    assert codes(incident_problems(incident, NOW)) == [("reported_at", "reported_before")]
    future = make_incident(occurred_at=NOW + timedelta(days=2))
    assert ("occurred_at", "in_future") in codes(incident_problems(future, NOW))


def test_vehicle_needs_plate_or_vin_and_a_sane_year():
    incident = make_incident(vehicles=[Vehicle(id="v1", make="Lada", damage="x", severity=Severity.MINOR, year=1800)])
    assert codes(incident_problems(incident, NOW)) == [("vehicles[0]", "plate_or_vin"), ("vehicles[0].year", "year_range")]
    ok = make_incident(vehicles=[Vehicle(id="v1", make="Lada", damage="x", severity=Severity.MINOR, vin="XTAGFL110KY123456", year=2027)])
    assert incident_problems(ok, NOW) == []


def test_item_ids_unique_across_vehicles_and_properties():
    incident = make_incident(properties=[PropertyItem(id="v1", kind=PropertyKind.OTHER, description="d", damage="x", severity=Severity.MINOR)])
    assert codes(incident_problems(incident, NOW)) == [("properties[0].id", "duplicate_id")]


def test_birth_date_not_in_future():
    person = Person(id="a", kind=PersonKind.PERSON, full_name="Иванов", birth_date=date(2030, 1, 1))
    assert codes(person_problems(person, NOW)) == [("birth_date", "in_future")]
    assert person_problems(Person(id="a", kind=PersonKind.PERSON, full_name="Иванов", birth_date=date(1980, 1, 1)), NOW) == []


def test_claim_items_must_belong_to_the_incident():
    assert claim_problems(make_claim(items=["v1", "p1"]), make_incident(), NOW) == []
    assert codes(claim_problems(make_claim(items=["v1", "zz"]), make_incident(), NOW)) == [("items[1]", "item_not_of_incident")]
    assert codes(claim_problems(make_claim(items=[]), make_incident(), NOW)) == [("items", "no_items")]
    assert codes(claim_problems(make_claim(items=["v1", "v1"]), make_incident(), NOW)) == [("items[1]", "duplicate_value")]


def test_claim_filed_between_incident_and_tomorrow():
    assert codes(claim_problems(make_claim(filed_on=date(2026, 9, 11)), make_incident(), NOW)) == [("filed_on", "filed_before_incident")]
    assert codes(claim_problems(make_claim(filed_on=date(2026, 9, 30)), make_incident(), NOW)) == [("filed_on", "in_future")]


def test_no_day_of_something_done_is_in_the_future():
    """Registered, a paper received, told, inspected, decided, paid: each day has come (today plus
    one day at most, as for filing); only the extension's `until`, a promise, may be ahead."""
    from desktop.domain.models import Extension, Inspection

    late = date(2026, 9, 28)  # NOW is the 26th: the 27th is still allowed, the 28th is not
    claim = make_claim(
        registered_on=late, status=ClaimStatus.PAID,
        documents=[Document(kind=DocumentKind.APPLICATION, received_on=date(2026, 9, 14)),
                   Document(kind=DocumentKind.PHOTOS, received_on=late)],
        extension=Extension(until=date(2026, 11, 20), reason="запрос в МВД", notice_sent_on=late),
        inspection=Inspection(number="1", date=late, members=["председатель, Иванов И. И."], findings="стекло"),
        decision=Decision(number="Р-1", date=late, approved_amount=Decimal("100"), notice_sent_on=late),
        payment=Payment(date=late, amount=Decimal("100")),
    )
    assert [path for path, code in codes(claim_problems(claim, make_incident(), NOW)) if code == "in_future"] == [
        "registered_on", "documents[1].received_on", "extension.notice_sent_on", "inspection.date",
        "decision.date", "decision.notice_sent_on", "payment.date"]
    a_day_ahead = date(2026, 9, 27)
    claim.registered_on = claim.documents[1].received_on = claim.inspection.date = a_day_ahead
    claim.extension.notice_sent_on = claim.decision.date = claim.decision.notice_sent_on = claim.payment.date = a_day_ahead
    assert claim_problems(claim, make_incident(), NOW) == []


def test_decision_required_for_decided_states():
    for status in (ClaimStatus.APPROVED, ClaimStatus.REJECTED, ClaimStatus.PAID):
        assert ("decision", "decision_required") in codes(claim_problems(make_claim(status=status), make_incident(), NOW))
    for status in (ClaimStatus.RECEIVED, ClaimStatus.UNDER_REVIEW, ClaimStatus.WITHDRAWN):
        assert claim_problems(make_claim(status=status), make_incident(), NOW) == []


def test_decision_rules():
    approved_no_amount = make_claim(status=ClaimStatus.APPROVED, decision=Decision(number="1", date=date(2026, 9, 20)))
    assert codes(claim_problems(approved_no_amount, make_incident(), NOW)) == [("decision.approved_amount", "approved_amount_required")]
    rejected_no_reason = make_claim(status=ClaimStatus.REJECTED, decision=Decision(number="1", date=date(2026, 9, 20)))
    assert codes(claim_problems(rejected_no_reason, make_incident(), NOW)) == [("decision.reason", "reason_required")]
    early = make_claim(status=ClaimStatus.REJECTED, decision=Decision(number="1", date=date(2026, 9, 13), reason="нет"))
    assert codes(claim_problems(early, make_incident(), NOW)) == [("decision.date", "decision_before_filed")]
    reopened = make_claim(status=ClaimStatus.UNDER_REVIEW, decision=Decision(number="1", date=date(2026, 9, 20), reason="нет"))
    assert claim_problems(reopened, make_incident(), NOW) == []


def test_payment_rules():
    decision = Decision(number="1", date=date(2026, 9, 20), approved_amount=Decimal("48500"))
    ok = make_claim(status=ClaimStatus.PAID, decision=decision, payment=Payment(date=date(2026, 9, 25), amount=Decimal("48500")))
    assert claim_problems(ok, make_incident(), NOW) == []
    above = make_claim(status=ClaimStatus.PAID, decision=decision, payment=Payment(date=date(2026, 9, 25), amount=Decimal("50000")))
    assert codes(claim_problems(above, make_incident(), NOW)) == [("payment.amount", "payment_above_approved")]
    early = make_claim(status=ClaimStatus.PAID, decision=decision, payment=Payment(date=date(2026, 9, 19), amount=Decimal("1")))
    assert codes(claim_problems(early, make_incident(), NOW)) == [("payment.date", "payment_before_decision")]
    missing = make_claim(status=ClaimStatus.PAID, decision=decision)
    assert codes(claim_problems(missing, make_incident(), NOW)) == [("payment", "payment_required")]
    no_decision = make_claim(status=ClaimStatus.RECEIVED, payment=Payment(date=date(2026, 9, 25), amount=Decimal("1")))
    assert codes(claim_problems(no_decision, make_incident(), NOW)) == [("payment", "payment_without_approval")]
    refused = make_claim(status=ClaimStatus.REJECTED, decision=Decision(number="1", date=date(2026, 9, 20), reason="нет"),
                         payment=Payment(date=date(2026, 9, 25), amount=Decimal("1")))
    assert codes(claim_problems(refused, make_incident(), NOW)) == [("payment", "payment_without_approval")]


@pytest.mark.parametrize(("old", "new"), [
    ("received", "documents_requested"), ("documents_requested", "under_review"), ("under_review", "approved"),
    ("under_review", "rejected"), ("approved", "paid"), ("rejected", "under_review"),
    ("received", "withdrawn"), ("documents_requested", "withdrawn"), ("under_review", "withdrawn"), ("approved", "withdrawn"),
])
def test_allowed_transitions(old, new):
    check_transition(ClaimStatus(old), ClaimStatus(new))


@pytest.mark.parametrize(("old", "new"), [
    ("received", "approved"), ("received", "paid"), ("under_review", "paid"), ("paid", "withdrawn"),
    ("withdrawn", "received"), ("rejected", "approved"), ("paid", "under_review"), ("rejected", "withdrawn"),
])
def test_forbidden_transitions(old, new):
    with pytest.raises(FieldError) as e:
        check_transition(ClaimStatus(old), ClaimStatus(new))
    assert e.value.code == "transition"


def test_transition_table_covers_every_status():
    assert set(ALLOWED_TRANSITIONS) == set(ClaimStatus)
    assert allowed_next(ClaimStatus.PAID) == frozenset()


def test_required_documents_defaults_and_missing():
    person = Person(id="a", kind=PersonKind.PERSON, full_name="x")
    claim = make_claim(documents=[Document(kind=DocumentKind.APPLICATION, received_on=date(2026, 9, 14))])
    required = RequiredDocuments()
    needed = required.for_claim(claim, make_incident(), person.kind)
    assert needed == [DocumentKind.APPLICATION, DocumentKind.DAMAGE_ASSESSMENT, DocumentKind.BANK_DETAILS,
                      DocumentKind.IDENTITY_DOCUMENT, DocumentKind.PERSONAL_DATA_CONSENT, DocumentKind.VEHICLE_REGISTRATION]
    assert DocumentKind.APPLICATION not in required.missing(claim, make_incident(), person.kind)
    org_property = make_claim(items=["p1"])
    assert required.for_claim(org_property, make_incident(), PersonKind.ORGANISATION) == [
        DocumentKind.APPLICATION, DocumentKind.DAMAGE_ASSESSMENT, DocumentKind.BANK_DETAILS, DocumentKind.OWNERSHIP_PROOF]
    custom = RequiredDocuments.from_setting({"every_claim": ["application"], "vehicle": []})
    assert custom.for_claim(claim, make_incident(), PersonKind.ORGANISATION) == [DocumentKind.APPLICATION]


def test_inn_length_matches_the_kind_of_person():
    person = Person(id="a", kind=PersonKind.PERSON, full_name="Иванов", inn="4705012348")
    assert codes(person_problems(person, NOW)) == [("inn", "inn_person")]
    organisation = Person(id="b", kind=PersonKind.ORGANISATION, full_name="ООО", inn="402701234570")
    assert codes(person_problems(organisation, NOW)) == [("inn", "inn_organisation")]
    assert person_problems(Person(id="c", kind=PersonKind.ORGANISATION, full_name="ГУП", inn="4705012348"), NOW) == []


def test_vehicle_year_at_most_next_year_even_on_new_years_eve():
    eve = datetime(2026, 12, 31, 20, 0, tzinfo=MSK)
    ok = make_incident(occurred_at=datetime(2026, 12, 31, 1, 0, tzinfo=MSK),
                       vehicles=[Vehicle(id="v1", make="Lada", damage="x", severity=Severity.MINOR, plate="А123ВС40", year=2027)])
    assert incident_problems(ok, eve) == []
    ok.vehicles[0].year = 2028
    assert codes(incident_problems(ok, eve)) == [("vehicles[0].year", "year_range")]
