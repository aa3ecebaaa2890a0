"""The 59-FZ deadlines of a claim (interchange.md, "Deadlines"), in calendar days.

Registration is due 3 days after `filed_on`; the answer is due 30 days after registration
(`registered_on`, else `filed_on`), or on `extension.until` (one extension, at most 30 days
after the original answer date); a claim is overdue when it is not approved, rejected, paid or
withdrawn after its answer date. A claim is answered when it is decided and the decision's
`notice_sent_on` is set.

Pure functions over dates: they take the fields as arguments, so registers, the overview, the
claim form and reports all ask the same rule whatever record shape they hold. "Today" is
always passed in (a register judges every row on one day, tests fix it). The registers' SQL
filter is built from `SETTLED` here and the answer date `answer_due` gives each row (stored with it), and the window's sentences
take their numbers from `ANSWER_DAYS`, so no second copy of the rule can drift.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from .enums import ClaimStatus
from .errors import FieldError

REGISTRATION_DAYS = 3  # 59-FZ art. 8 p. 2
ANSWER_DAYS = 30  # 59-FZ art. 12 p. 1
EXTENSION_MAX_DAYS = 30  # 59-FZ art. 12 p. 2
# Days the claimant is given to bring missing documents: the office's setting `documents_due_days`
# (not a law's figure; docs/decisions.md, "Documents due"), within these bounds.
DOCUMENTS_DUE_DAYS = 10
DOCUMENTS_DUE_MIN, DOCUMENTS_DUE_MAX = 1, 90

# After one of these the claim no longer waits for an answer.
SETTLED = frozenset({ClaimStatus.APPROVED, ClaimStatus.REJECTED, ClaimStatus.PAID, ClaimStatus.WITHDRAWN})
DECIDED = frozenset({ClaimStatus.APPROVED, ClaimStatus.REJECTED, ClaimStatus.PAID})


def registration_due(filed_on: date) -> date:
    """The last day to register a claim received on `filed_on`."""
    return filed_on + timedelta(days=REGISTRATION_DAYS)


def registered_late(filed_on: date, registered_on: date | None) -> bool:
    """Registered after its registration date (absent `registered_on` means on the filing day)."""
    return (registered_on or filed_on) > registration_due(filed_on)


def original_answer_due(filed_on: date, registered_on: date | None = None) -> date:
    """30 days after registration, before any extension."""
    return (registered_on or filed_on) + timedelta(days=ANSWER_DAYS)


def latest_extension(filed_on: date, registered_on: date | None = None) -> date:
    """The furthest date an extension may set: 30 days after the original answer date."""
    return original_answer_due(filed_on, registered_on) + timedelta(days=EXTENSION_MAX_DAYS)


def answer_due(filed_on: date, registered_on: date | None = None, extension_until: date | None = None) -> date:
    """The day the answer is due: `extension.until` when extended, else 30 days after registration."""
    return extension_until or original_answer_due(filed_on, registered_on)


def documents_due(asked_on: date, days: int = DOCUMENTS_DUE_DAYS) -> date:
    """The day by which missing documents asked for on `asked_on` are to be brought (calendar days)."""
    return asked_on + timedelta(days=days)


def days_left(due: date, today: date) -> int:
    """Days until the answer date: 0 on the day itself, negative once past it (-1 the day after)."""
    return (due - today).days


def is_overdue(status: ClaimStatus | str, due: date, today: date) -> bool:
    """Not approved, rejected, paid or withdrawn after its answer date."""
    return ClaimStatus(status) not in SETTLED and today > due


def is_answered(status: ClaimStatus | str, notice_sent_on: date | None) -> bool:
    """Decided (approved, rejected or paid) and the written notice sent."""
    return ClaimStatus(status) in DECIDED and notice_sent_on is not None


def awaits_answer(status: ClaimStatus | str, notice_sent_on: date | None) -> bool:
    """Not answered yet: open (not settled), or decided with its notice not sent to the claimant.
    A withdrawn claim awaits no answer."""
    status = ClaimStatus(status)
    return status not in SETTLED or (status in DECIDED and notice_sent_on is None)


def check_registered_on(filed_on: date, registered_on: date | None) -> None:
    """`registered_on` is not before `filed_on`."""
    if registered_on is not None and registered_on < filed_on:
        raise FieldError("registered_before_filed")


def check_extension_until(filed_on: date, registered_on: date | None, until: date) -> None:
    """An extension moves the answer date later, by at most 30 days."""
    original = original_answer_due(filed_on, registered_on)
    if until <= original:
        raise FieldError("extension_not_later", got=original.isoformat())
    limit = latest_extension(filed_on, registered_on)
    if until > limit:
        raise FieldError("extension_too_long", limit=limit.isoformat())


@dataclass(frozen=True)
class ClaimDeadlines:
    """Every deadline fact of one claim on one day, for a register row, a form or a report."""

    registration_due: date
    registered_late: bool
    answer_due: date
    extended: bool
    days_left: int  # negative: days overdue (meaningful while the claim is not settled)
    overdue: bool
    answered: bool


def deadlines(
    *,
    filed_on: date,
    status: ClaimStatus | str,
    today: date,
    registered_on: date | None = None,
    extension_until: date | None = None,
    notice_sent_on: date | None = None,
) -> ClaimDeadlines:
    due = answer_due(filed_on, registered_on, extension_until)
    return ClaimDeadlines(
        registration_due=registration_due(filed_on),
        registered_late=registered_late(filed_on, registered_on),
        answer_due=due,
        extended=extension_until is not None,
        days_left=days_left(due, today),
        overdue=is_overdue(status, due, today),
        answered=is_answered(status, notice_sent_on),
    )
