"""The written notice of a decision went to the claimant: `decision.notice_sent_on` (interchange v2).

A claim is answered (59-FZ) when it is decided and its notice sent (`deadlines.is_answered`). The
window records the day when the notice is printed, or when the clerk marks it sent. The claim is
saved as the clerk saw it (its `version`): a save by someone else meanwhile raises
`storage.Conflict`, which the window answers as a claim form does (`ui.dialogs.conflict`).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from ..domain import deadlines
from ..domain.enums import ClaimStatus
from ..domain.models import Claim
from ..domain.words import label
from ..storage import LogStore
from .errors import ServiceError, Words

NOTICE_STATES = deadlines.DECIDED  # approved, rejected or paid: there is a decision to give notice of


def status_words(status: ClaimStatus) -> Words:
    return Words.of(label(status, "en"), label(status, "ru"))


def notice_pending(claim: Claim) -> bool:
    """Decided, and no notice recorded as sent yet."""
    return claim.status in NOTICE_STATES and claim.decision is not None and claim.decision.notice_sent_on is None


def with_notice_sent(claim: Claim, sent_on: date) -> Claim:
    """CLAIM with its decision's notice sent on SENT_ON (no store; the rules are checked on save).

    Refused for a claim with no decision to give notice of (not approved, rejected or paid).
    """
    if claim.status not in NOTICE_STATES or claim.decision is None:
        raise ServiceError("not_decided", number=claim.number or "", status=status_words(claim.status))
    return replace(claim, decision=replace(claim.decision, notice_sent_on=sent_on))


def record_notice_sent(store: LogStore, claim: Claim, sent_on: date, *, reason: str | None = None) -> Claim:
    """Save CLAIM (as read, at its `version`) with the notice sent on SENT_ON; returns the saved claim.

    `ValidationFailed` when the day is before the decision or in the future; `Conflict` when
    another window or clerk saved the claim since it was read (`reason`: the clerk's words when
    saving over it, for the audit trail).
    """
    return store.save_claim(with_notice_sent(claim, sent_on), reason=reason)


__all__ = ["NOTICE_STATES", "notice_pending", "record_notice_sent", "status_words", "with_notice_sent"]
