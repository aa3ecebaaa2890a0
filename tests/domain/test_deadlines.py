"""59-FZ deadlines at their edges: registration day 3/4, answer day 30/31, an extension."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from desktop.domain import deadlines as d
from desktop.domain.enums import ClaimStatus
from desktop.domain.errors import FieldError

FILED = date(2026, 9, 14)


def day(n: int, start: date = FILED) -> date:
    return start + timedelta(days=n)


def test_registration_is_due_three_days_after_filing():
    assert d.registration_due(FILED) == date(2026, 9, 17)
    assert not d.registered_late(FILED, None)  # absent: registered on the filing day
    assert not d.registered_late(FILED, day(0))
    assert not d.registered_late(FILED, day(3))  # day 3: in time
    assert d.registered_late(FILED, day(4))  # day 4: late


def test_the_answer_is_due_thirty_days_after_registration_else_filing():
    assert d.answer_due(FILED) == date(2026, 10, 14)
    assert d.answer_due(FILED, registered_on=day(2)) == date(2026, 10, 16)
    assert d.original_answer_due(FILED, day(2)) == day(32)


@pytest.mark.parametrize("status", [ClaimStatus.RECEIVED, ClaimStatus.DOCUMENTS_REQUESTED, ClaimStatus.UNDER_REVIEW])
def test_open_claims_are_overdue_from_day_31(status):
    due = d.answer_due(FILED)
    assert not d.is_overdue(status, due, today=day(29))
    assert not d.is_overdue(status, due, today=day(30))  # day 30: the answer date itself
    assert d.is_overdue(status, due, today=day(31))  # day 31: overdue
    assert (d.days_left(due, day(29)), d.days_left(due, day(30)), d.days_left(due, day(31))) == (1, 0, -1)


def test_registration_moves_the_answer_date():
    due = d.answer_due(FILED, registered_on=day(3))
    assert not d.is_overdue("received", due, today=day(33))
    assert d.is_overdue("received", due, today=day(34))


@pytest.mark.parametrize("status", [ClaimStatus.APPROVED, ClaimStatus.REJECTED, ClaimStatus.PAID, ClaimStatus.WITHDRAWN])
def test_settled_claims_are_never_overdue(status):
    assert not d.is_overdue(status, d.answer_due(FILED), today=day(400))


def test_an_extension_sets_the_answer_date():
    until = day(50)
    due = d.answer_due(FILED, extension_until=until)
    assert due == until
    assert not d.is_overdue("under_review", due, today=day(31))  # would be overdue without it
    assert not d.is_overdue("under_review", due, today=day(50))
    assert d.is_overdue("under_review", due, today=day(51))
    assert d.days_left(due, day(31)) == 19


def test_an_extension_is_at_most_thirty_days_after_the_original_answer_date():
    d.check_extension_until(FILED, None, day(60))  # day 30 + 30: the longest allowed
    with pytest.raises(FieldError) as e:
        d.check_extension_until(FILED, None, day(61))
    assert e.value.code == "extension_too_long"
    assert e.value.text("en") == "at most 30 days after the original answer date: 2026-11-13 at the latest"
    assert "не позднее 2026-11-13" in e.value.text("ru")
    d.check_extension_until(FILED, day(3), day(63))  # counted from registration
    with pytest.raises(FieldError):
        d.check_extension_until(FILED, day(3), day(64))
    with pytest.raises(FieldError) as e:
        d.check_extension_until(FILED, None, day(30))  # no later than the original: not an extension
    assert e.value.code == "extension_not_later"


def test_registered_on_is_not_before_filing():
    d.check_registered_on(FILED, None)
    d.check_registered_on(FILED, FILED)
    with pytest.raises(FieldError) as e:
        d.check_registered_on(FILED, day(-1))
    assert e.value.code == "registered_before_filed"


def test_answered_when_decided_and_the_notice_sent():
    assert d.is_answered("approved", day(20))
    assert d.is_answered(ClaimStatus.REJECTED, day(20))
    assert d.is_answered("paid", day(20))
    assert not d.is_answered("approved", None)
    assert not d.is_answered("withdrawn", day(20))
    assert not d.is_answered("under_review", day(20))


def test_all_facts_of_one_claim_on_one_day():
    facts = d.deadlines(filed_on=FILED, registered_on=day(4), status="under_review", today=day(35))
    assert facts == d.ClaimDeadlines(
        registration_due=day(3), registered_late=True, answer_due=day(34), extended=False,
        days_left=-1, overdue=True, answered=False,
    )
    extended = d.deadlines(filed_on=FILED, status="approved", today=day(70), extension_until=day(60), notice_sent_on=day(59))
    assert (extended.answer_due, extended.extended, extended.overdue, extended.answered) == (day(60), True, False, True)


@pytest.mark.parametrize(("status", "notice", "awaits"), [
    (ClaimStatus.RECEIVED, None, True),
    (ClaimStatus.UNDER_REVIEW, day(10), True),  # reopened: its old decision's notice answers nothing now
    (ClaimStatus.APPROVED, None, True),  # decided, the claimant not told: not answered yet
    (ClaimStatus.REJECTED, None, True),
    (ClaimStatus.PAID, None, True),
    (ClaimStatus.APPROVED, day(10), False),
    (ClaimStatus.REJECTED, day(10), False),
    (ClaimStatus.PAID, day(10), False),
    (ClaimStatus.WITHDRAWN, None, False),  # no answer owed
])
def test_a_claim_awaits_its_answer_until_decided_and_told(status, notice, awaits):
    assert d.awaits_answer(status, notice) is awaits
    if status in d.DECIDED:
        assert d.is_answered(status, notice) is not awaits
