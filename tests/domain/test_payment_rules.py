"""Payment rules: the setting's JSON, checked with the key named, and the proposal arithmetic at its edges."""

from __future__ import annotations

from datetime import UTC, date
from decimal import Decimal

import pytest

from desktop.domain.enums import ClaimKind, ClaimStatus, PropertyKind, Severity
from desktop.domain.errors import ValidationFailed
from desktop.domain.models import Claim, Incident, PropertyItem, Vehicle
from desktop.domain.payment_rules import (
    ITEM_KINDS,
    PaymentRules,
    parse_setting,
    parse_setting_text,
    propose,
    propose_for_claim,
    spread_assessed,
)

D = Decimal
RULES = PaymentRules.from_setting({
    "vehicle": {"moderate": "78400", "destroyed": "156750.00"},
    "dwelling": {"severe": "300000"},
})


def car(n: int = 1, severity: Severity = Severity.MODERATE, cost: str | None = None) -> Vehicle:
    return Vehicle(id=f"v{n}", make="Lada", model="Granta", plate=f"А12{n}ВС40", damage="стёкла",
                   severity=severity, estimated_cost=D(cost) if cost is not None else None)


def house(n: int = 1, severity: Severity = Severity.SEVERE, cost: str | None = None,
          kind: PropertyKind = PropertyKind.DWELLING) -> PropertyItem:
    return PropertyItem(id=f"p{n}", kind=kind, description="Жилой дом", address="ул. Мира, 5", damage="кровля",
                        severity=severity, estimated_cost=D(cost) if cost is not None else None)


# ---- the setting ------------------------------------------------------------------------------

def test_the_setting_reads_and_writes_the_documented_shape():
    assert RULES.cap("vehicle", Severity.MODERATE) == D("78400.00")
    assert RULES.cap("vehicle", Severity.DESTROYED) == D("156750.00")
    assert RULES.cap("vehicle", Severity.MINOR) is None  # not named: no cap
    assert RULES.cap("outbuilding", Severity.SEVERE) is None
    assert RULES.to_setting() == {
        "vehicle": {"moderate": "78400.00", "destroyed": "156750.00"},
        "dwelling": {"severe": "300000.00"},
    }
    assert parse_setting(RULES.to_setting()) == RULES  # round trip


@pytest.mark.parametrize("empty", [None, {}, {"vehicle": {}}, {"vehicle": None}, {"vehicle": {"minor": ""}}])
def test_empty_default_is_no_caps(empty):
    rules = parse_setting(empty)
    assert rules.is_empty() and rules.to_setting() == {}
    assert all(rules.cap(k, s) is None for k in ITEM_KINDS for s in Severity)
    assert PaymentRules().is_empty() and parse_setting_text("  ").is_empty()


def test_whole_numbers_are_read_as_roubles_and_written_as_strings():
    assert parse_setting({"vehicle": {"minor": 15000}}).to_setting() == {"vehicle": {"minor": "15000.00"}}


def _problems(data) -> list[str]:
    with pytest.raises(ValidationFailed) as e:
        parse_setting(data)
    return [p.text("en") for p in e.value.problems]


def test_problems_name_the_key_and_what_is_wrong():
    assert _problems({"car": {"minor": "1"}}) == [
        "payment_rules.car: not one of vehicle, dwelling, outbuilding, commercial, infrastructure, other"]
    assert _problems({"vehicle": {"big": "1"}}) == [
        "payment_rules.vehicle.big: not one of minor, moderate, severe, destroyed"]
    assert _problems({"vehicle": {"moderate": "78 400"}}) == [
        "payment_rules.vehicle.moderate: not an amount of roubles with at most two decimals: 78 400"]
    assert _problems({"vehicle": {"moderate": "-1"}}) == [
        "payment_rules.vehicle.moderate: not an amount of roubles with at most two decimals: -1"]
    assert _problems({"vehicle": {"moderate": 78400.5}}) == ["payment_rules.vehicle.moderate: money must be a string"]
    assert _problems({"vehicle": {"moderate": True}}) == ["payment_rules.vehicle.moderate: money must be a string"]
    assert _problems({"vehicle": "78400"}) == ["payment_rules.vehicle: must be an object"]
    assert _problems(["vehicle"]) == ["payment_rules: must be an object"]
    # every problem at once, each on its own line
    assert len(_problems({"car": {}, "vehicle": {"big": "1", "minor": "x"}})) == 3


def test_problems_in_russian():
    with pytest.raises(ValidationFailed) as e:
        parse_setting({"vehicle": {"moderate": "abc"}})
    assert e.value.problems[0].text("ru") == (
        "payment_rules.vehicle.moderate: не сумма в рублях (не более двух знаков после запятой): abc")


def test_bad_json_text_names_the_setting():
    with pytest.raises(ValidationFailed) as e:
        parse_setting_text('{"vehicle": ')
    assert e.value.problems[0].text("en").startswith("payment_rules: not valid JSON: ")


def test_a_stored_value_edited_by_hand_is_read_without_its_bad_caps():
    rules = PaymentRules.from_setting({"vehicle": {"moderate": "78400", "minor": "x"}, "boat": {"minor": "1"}})
    assert rules.to_setting() == {"vehicle": {"moderate": "78400.00"}}
    assert PaymentRules.from_setting("not an object").is_empty()


# ---- the proposal -----------------------------------------------------------------------------

def test_no_rules_no_cap():
    proposal = propose([car(cost="500000")], PaymentRules())
    assert proposal.amount == D("500000.00")
    line = proposal.lines[0]
    assert (line.assessed, line.cap, line.taken, line.basis) == (D("500000"), None, D("500000.00"), "estimate")


def test_cap_below_the_assessed_cost_is_taken():
    proposal = propose([car(cost="90000")], RULES)
    assert (proposal.lines[0].cap, proposal.lines[0].taken, proposal.amount) == (D("78400.00"), D("78400.00"), D("78400.00"))


def test_cap_above_the_assessed_cost_takes_the_cost():
    proposal = propose([car(cost="45000.50")], RULES)
    assert proposal.amount == D("45000.50")


def test_cap_equal_to_the_cost():
    assert propose([car(cost="78400")], RULES).amount == D("78400.00")


def test_a_severity_without_a_cap_is_not_capped():
    assert propose([car(severity=Severity.SEVERE, cost="200000")], RULES).amount == D("200000.00")


def test_a_cap_of_zero_pays_nothing_for_that_kind():
    rules = parse_setting({"vehicle": {"minor": "0"}})
    assert propose([car(severity=Severity.MINOR, cost="5000")], rules).amount == D("0.00")


def test_the_inspection_amount_overrides_the_estimate():
    proposal = propose([car(cost="50000")], RULES, assessed_amount=D("90000"))
    line = proposal.lines[0]
    assert (line.assessed, line.basis, line.taken) == (D("90000.00"), "inspection", D("78400.00"))
    assert propose([car(cost="50000")], RULES, assessed_amount=D("30000")).amount == D("30000.00")


def test_insurance_is_subtracted():
    proposal = propose([car(cost="90000")], RULES, insurance_paid=D("10000.25"))
    assert (proposal.total, proposal.insurance, proposal.amount) == (D("78400.00"), D("10000.25"), D("68399.75"))


def test_insurance_above_the_sum_gives_zero():
    assert propose([car(cost="90000")], RULES, insurance_paid=D("100000")).amount == D("0.00")
    assert propose([car(cost="78400")], RULES, insurance_paid=D("78400")).amount == D("0.00")


def test_several_items_each_capped_then_summed():
    items = [car(1, Severity.MODERATE, "90000"), car(2, Severity.DESTROYED, "120000"), house(1, cost="450000"),
             house(2, Severity.MINOR, "7000", PropertyKind.OUTBUILDING)]
    proposal = propose(items, RULES, insurance_paid=D("50000"))
    assert [line.taken for line in proposal.lines] == [D("78400.00"), D("120000.00"), D("300000.00"), D("7000.00")]
    assert proposal.total == D("505400.00")
    assert proposal.amount == D("455400.00")


def test_an_item_without_any_assessed_cost_adds_nothing_and_is_named():
    proposal = propose([car(1, cost="10000"), car(2)], RULES)
    assert proposal.amount == D("10000.00")
    assert [line.item_id for line in proposal.unassessed] == ["v2"]
    assert proposal.lines[1].basis == "none"


def test_no_items_propose_nothing():
    assert propose([], RULES, assessed_amount=D("100"), insurance_paid=D("5")).amount == D("0.00")


def test_approved_above_the_proposal_is_flagged():
    proposal = propose([car(cost="90000")], RULES)
    assert proposal.above(D("80000")) and not proposal.above(D("78400")) and not proposal.above(None)


# ---- a claim-level inspection amount over several items ------------------------------------

def test_the_inspection_amount_is_spread_by_the_estimates_then_each_share_capped():
    items = [car(1, Severity.MODERATE, "50000"), car(2, Severity.DESTROYED, "300000")]
    assert spread_assessed(D("350000"), items, RULES) == [D("50000.00"), D("300000.00")]
    proposal = propose(items, RULES, assessed_amount=D("350000"))
    # car 1's unused cap does not pay for car 2's excess: 50 000 + 156 750, not min(350 000, 235 150)
    assert [line.taken for line in proposal.lines] == [D("50000.00"), D("156750.00")]
    assert proposal.amount == D("206750.00")
    assert {line.basis for line in proposal.lines} == {"inspection_share"}


def test_without_every_estimate_the_amount_is_spread_by_the_caps():
    items = [car(1, Severity.MODERATE, "50000"), car(2, Severity.DESTROYED)]
    assert spread_assessed(D("235150"), items, RULES) == [D("78400.00"), D("156750.00")]


def test_without_estimates_or_caps_the_amount_is_spread_equally_to_the_kopeck():
    items = [car(1, Severity.SEVERE), car(2, Severity.SEVERE), car(3, Severity.SEVERE)]
    shares = spread_assessed(D("100"), items, RULES)
    assert shares == [D("33.34"), D("33.33"), D("33.33")]
    assert sum(shares) == D("100.00")


def test_shares_always_sum_to_the_amount():
    items = [car(1, cost="1"), car(2, cost="1"), car(3, cost="1"), house(1, cost="7")]
    for amount in ("0", "0.01", "0.05", "99999.99", "1000000"):
        assert sum(spread_assessed(D(amount), items, RULES)) == D(amount)


def test_estimates_all_zero_fall_back_to_caps():
    items = [car(1, Severity.MODERATE, "0"), car(2, Severity.DESTROYED, "0")]
    assert spread_assessed(D("100"), items, RULES) == [D("33.34"), D("66.66")]


# ---- a claim and the words ------------------------------------------------------------------

def test_propose_for_a_claim_takes_its_items_and_insurance():
    from datetime import datetime

    from desktop.domain.enums import IncidentKind, IncidentStatus

    incident = Incident(id="i", kind=IncidentKind.UAV_DEBRIS, occurred_at=datetime(2026, 9, 12, tzinfo=UTC),
                        region="Калужская область", district="г. Калуга", location="у пруда",
                        status=IncidentStatus.OPEN, vehicles=[car(1, cost="90000"), car(2, cost="1000")],
                        properties=[house(1, cost="10")])
    claim = Claim(id="c", incident_id="i", claimant_id="p", items=["v1", "p1"], kind=ClaimKind.DAMAGE_COMPENSATION,
                  filed_on=date(2026, 9, 13), status=ClaimStatus.UNDER_REVIEW, insurance_paid=D("400"))
    proposal = propose_for_claim(claim, incident, RULES)
    assert [line.item_id for line in proposal.lines] == ["v1", "p1"]
    assert proposal.amount == D("78010.00")


def test_the_reckoning_in_words():
    proposal = propose([car(1, cost="90000"), house(1, Severity.MINOR, "5000")], RULES, insurance_paid=D("1000"))
    assert proposal.explain("ru") == [
        "Lada Granta, А121ВС40 (транспортное средство, средняя): оценено 90\u00a0000,00\u00a0₽ по предварительной "
        "оценке, предел 78\u00a0400,00\u00a0₽ — принято 78\u00a0400,00\u00a0₽",
        "Жилой дом, ул. Мира, 5 (жилое помещение, незначительная): оценено 5\u00a0000,00\u00a0₽ по предварительной "
        "оценке, без предела — принято 5\u00a0000,00\u00a0₽",
        "Итого по предметам: 83\u00a0400,00\u00a0₽",
        "За вычетом страховой выплаты: 1\u00a0000,00\u00a0₽",
        "Предлагается: 82\u00a0400,00\u00a0₽",
    ]
    one = propose([car(1)], RULES, assessed_amount=D("90000")).explain("en")
    assert one == [
        "Lada Granta, А121ВС40 (vehicle, moderate): assessed ₽90,000.00 by the inspection, cap ₽78,400.00"
        " — taken ₽78,400.00",
        "Proposed: ₽78,400.00",
    ]
    assert propose([car(1)], RULES).explain("en")[0].endswith("not assessed, cap ₽78,400.00 — taken ₽0.00")


def test_nothing_assessed_is_no_proposal_and_nothing_is_above_it():
    proposal = propose([car(1), car(2)], RULES)
    assert proposal.amount == D("0.00") and not proposal.reached
    assert not proposal.above(D("50000"))
    partly = propose([car(1, cost="10000"), car(2)], RULES)
    assert partly.reached and partly.above(D("10000.01"))


def test_a_claims_proposal_takes_its_inspections_assessed_amount():
    from datetime import datetime

    from desktop.domain.enums import IncidentKind, IncidentStatus
    from desktop.domain.models import Inspection
    from desktop.domain.payment_rules import claim_proposal

    incident = Incident(id="i", kind=IncidentKind.UAV_DEBRIS, occurred_at=datetime(2026, 9, 12, tzinfo=UTC),
                        region="Калужская область", district="г. Калуга", location="у пруда",
                        status=IncidentStatus.OPEN, vehicles=[car(1, cost="50000")])
    claim = Claim(id="c", incident_id="i", claimant_id="p", items=["v1"], kind=ClaimKind.DAMAGE_COMPENSATION,
                  filed_on=date(2026, 9, 13), status=ClaimStatus.UNDER_REVIEW, insurance_paid=D("1000"))
    assert claim_proposal(claim, incident, RULES).amount == D("49000.00")  # the estimate, no act yet
    claim.inspection = Inspection(number="12-К", date=date(2026, 9, 15), members=["председатель, Николаев П. А."],
                                  findings="стёкла", assessed_amount=D("90000"))
    proposal = claim_proposal(claim, incident, RULES)
    assert proposal.lines[0].basis == "inspection" and proposal.amount == D("77400.00")  # capped at 78 400
    claim.inspection.assessed_amount = None
    assert claim_proposal(claim, incident, RULES).amount == D("49000.00")
