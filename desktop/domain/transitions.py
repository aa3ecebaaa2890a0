"""The claim status changes a clerk may make: one table, consulted by forms and services."""

from __future__ import annotations

from .enums import ClaimStatus as S
from .errors import FieldError

OPEN_STATES = frozenset({S.RECEIVED, S.DOCUMENTS_REQUESTED, S.UNDER_REVIEW, S.APPROVED})

ALLOWED_TRANSITIONS: dict[S, frozenset[S]] = {
    S.RECEIVED: frozenset({S.DOCUMENTS_REQUESTED, S.UNDER_REVIEW, S.WITHDRAWN}),
    S.DOCUMENTS_REQUESTED: frozenset({S.UNDER_REVIEW, S.WITHDRAWN}),
    S.UNDER_REVIEW: frozenset({S.DOCUMENTS_REQUESTED, S.APPROVED, S.REJECTED, S.WITHDRAWN}),
    S.APPROVED: frozenset({S.PAID, S.WITHDRAWN}),
    S.REJECTED: frozenset({S.UNDER_REVIEW}),  # an appeal reopens the review
    S.PAID: frozenset(),
    S.WITHDRAWN: frozenset(),
}

# States that need a decision (and, for paid, a payment) recorded with them.
NEEDS_DECISION = frozenset({S.APPROVED, S.REJECTED, S.PAID})
DECIDED_STATES = frozenset({S.APPROVED, S.REJECTED, S.PAID, S.WITHDRAWN})


def allowed_next(status: S) -> frozenset[S]:
    return ALLOWED_TRANSITIONS[status]


def check_transition(old: S, new: S) -> None:
    if new != old and new not in ALLOWED_TRANSITIONS[old]:
        raise FieldError("transition", old=old.value, new=new.value)
