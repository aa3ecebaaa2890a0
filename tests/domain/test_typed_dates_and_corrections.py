"""Dates as clerks type them, and the corrections of decided claims (domain rules, no Qt)."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

import pytest

from desktop.domain.enums import ClaimKind, ClaimStatus, DocumentKind
from desktop.domain.errors import FieldError
from desktop.domain.models import Claim, Decision, Document, Payment
from desktop.domain.transitions import check_transition, corrected, locked_changes
from desktop.domain.typed_dates import parse_typed_date, parse_typed_datetime

TODAY = date(2026, 10, 20)


@pytest.mark.parametrize(("text", "expected"), [
    ("05.03.1978", date(1978, 3, 5)),
    ("5.3.78", date(1978, 3, 5)),
    ("01.09.26", date(2026, 9, 1)),
    ("14092026", date(2026, 9, 14)),
    ("14/09/2026", date(2026, 9, 14)),
    (" 14.09.2026 ", date(2026, 9, 14)),
    ("2026-09-14", date(2026, 9, 14)),  # pasted from a file
    ("14ю09ю2026", date(2026, 9, 14)),  # the `.` key with the Russian layout on
    ("14Б09Б26", date(2026, 9, 14)),  # the `,` key, with Shift held
    ("", None),
])
def test_typed_dates_read_as_clerks_write_them(text: str, expected: date | None) -> None:
    assert parse_typed_date(text, TODAY) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("14.09.2026 02:40", datetime(2026, 9, 14, 2, 40)),
    ("14.09.2026 2:40", datetime(2026, 9, 14, 2, 40)),
    ("14.09.2026 0240", datetime(2026, 9, 14, 2, 40)),
    ("2026-09-14T02:40:00", datetime(2026, 9, 14, 2, 40)),
    ("14ю09ю2026 02Ж40", datetime(2026, 9, 14, 2, 40)),  # `.` and Shift+`;` with the Russian layout on
    ("14ю09ю2026 02ж40", datetime(2026, 9, 14, 2, 40)),
])
def test_typed_date_times(text: str, expected: datetime) -> None:
    assert parse_typed_datetime(text, TODAY) == expected


@pytest.mark.parametrize(("text", "code"), [
    ("31.02.2026", "typed_date_impossible"),
    ("любая01092026", "typed_date"),
    ("юю.бб.жжжж", "typed_date"),  # the Russian keys are separators, never digits
    ("14.09", "typed_date"),
    ("14.09.2026 02:40", "typed_date"),  # a time where only a date is asked for is not dropped
])
def test_what_is_not_a_date_is_named(text: str, code: str) -> None:
    with pytest.raises(FieldError) as e:
        parse_typed_date(text, TODAY)
    assert e.value.code == code


@pytest.mark.parametrize(("text", "code"), [
    ("14.09.2026", "typed_time_missing"),
    ("14.09.2026 25:00", "typed_time_impossible"),
    ("14.09.2026 02", "typed_datetime"),
])
def test_a_date_and_time_needs_a_real_time(text: str, code: str) -> None:
    with pytest.raises(FieldError) as e:
        parse_typed_datetime(text, TODAY)
    assert e.value.code == code


def _paid() -> Claim:
    return Claim(
        id="c", incident_id="i", claimant_id="p", items=["a", "b"], kind=ClaimKind.DAMAGE_COMPENSATION,
        filed_on=date(2026, 9, 14), status=ClaimStatus.PAID, requested_amount=Decimal("85000"),
        documents=[Document(kind=DocumentKind.APPLICATION, received_on=date(2026, 9, 14))],
        decision=Decision(number="РП-1", date=date(2026, 9, 20), approved_amount=Decimal("80000")),
        payment=Payment(date=date(2026, 9, 25), amount=Decimal("80000")),
    )


def test_a_payment_is_reversed_and_a_decision_reopened_only_with_a_reason() -> None:
    paid = _paid()
    with pytest.raises(FieldError):
        check_transition(ClaimStatus.PAID, ClaimStatus.APPROVED)
    with pytest.raises(FieldError):
        corrected(paid, "  ")
    check_transition(ClaimStatus.PAID, ClaimStatus.APPROVED, reason="платёж возвращён банком")
    reversed_ = corrected(paid, "платёж возвращён банком")
    assert reversed_.status == ClaimStatus.APPROVED and reversed_.payment is None and reversed_.decision is not None
    reopened = corrected(reversed_, "решение отменено главой")
    assert reopened.status == ClaimStatus.UNDER_REVIEW and reopened.decision is None
    with pytest.raises(FieldError):  # a correction leads one step back only
        check_transition(ClaimStatus.PAID, ClaimStatus.UNDER_REVIEW, reason="x")


def test_a_locked_claim_refuses_ordinary_edits_of_its_substance() -> None:
    paid = _paid()
    from dataclasses import replace

    assert locked_changes(paid, replace(paid, notes="позвонить заявителю")) == []
    assert locked_changes(paid, replace(paid, items=["b", "a"])) == []  # the same items in another order
    changed = locked_changes(paid, replace(paid, requested_amount=Decimal("95000")))
    assert [p.path for p in changed] == ["requested_amount"] and changed[0].error.code == "claim_locked"
    open_claim = replace(paid, status=ClaimStatus.UNDER_REVIEW, decision=None, payment=None)
    assert locked_changes(open_claim, replace(open_claim, requested_amount=Decimal("1"))) == []
