"""The claim status changes a clerk may make: one table, consulted by forms and services.

Two kinds of change: the ordinary path (`ALLOWED_TRANSITIONS`), and corrections of a decided or
paid claim (`CORRECTIONS`): reversing a payment (paid → approved) and reopening a decision
(approved → under review). A decided, paid or withdrawn claim is locked: its substance (who,
what, when, how much, the papers) does not change by ordinary editing; a correction is an
explicit action that needs a reason, which goes into the claim's audit entry.
"""

from __future__ import annotations

from dataclasses import replace

from .enums import ClaimStatus as S
from .errors import FieldError, Problem
from .models import Claim

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

# A claim in these states is locked against ordinary edits (notes and attachments stay open).
LOCKED_STATES = DECIDED_STATES

# The correction each locked state allows, and where it leads: reverse the payment, reopen the decision.
CORRECTIONS: dict[S, S] = {S.PAID: S.APPROVED, S.APPROVED: S.UNDER_REVIEW}

# What a locked claim keeps as it was decided on.
# What a decision was made on. Who answers (`executor`), the extension and the notice's date stay
# open: a clerk leaves, and the notice is sent after the decision.
LOCKED_FIELDS = ("incident_id", "claimant_id", "items", "kind", "filed_on", "requested_amount",
                 "insurance_paid", "documents", "received_via", "registered_on", "inspection")


def allowed_next(status: S) -> frozenset[S]:
    return ALLOWED_TRANSITIONS[status]


def is_locked(status: S) -> bool:
    return status in LOCKED_STATES


def correction_of(status: S) -> S | None:
    """Where the correction of a claim in `status` leads (None: nothing to correct)."""
    return CORRECTIONS.get(status)


def check_transition(old: S, new: S, *, reason: str | None = None) -> None:
    """An ordinary move, or a correction given with a reason."""
    if new == old or new in ALLOWED_TRANSITIONS[old]:
        return
    if CORRECTIONS.get(old) == new and reason and reason.strip():
        return
    raise FieldError("transition", old=old.value, new=new.value)


def corrected(claim: Claim, reason: str | None) -> Claim:
    """The claim after its correction: a reversed payment, or a decision reopened for review.

    The old decision and payment are not lost: the audit entry of the save keeps the claim as
    it was, with the reason.
    """
    target = CORRECTIONS.get(claim.status)
    if target is None:
        raise FieldError("transition", old=claim.status.value, new=claim.status.value)
    if not reason or not reason.strip():
        raise FieldError("correction_reason")
    if target == S.APPROVED:
        return replace(claim, status=target, payment=None)
    return replace(claim, status=target, decision=None, payment=None)


def locked_changes(old: Claim, new: Claim) -> list[Problem]:
    """What an ordinary edit changed on a locked claim (empty for corrections and open claims)."""
    if not is_locked(old.status) or new.status != old.status:
        return []
    return [Problem(name, FieldError("claim_locked"))
            for name in LOCKED_FIELDS if _comparable(getattr(old, name)) != _comparable(getattr(new, name))]


def _comparable(value: object) -> object:
    """Lists compare as sets of their entries: a form may list items and papers in another order."""
    if isinstance(value, list):
        return sorted(repr(v) for v in value)
    return value
