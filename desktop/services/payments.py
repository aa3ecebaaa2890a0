"""A payment register paid: each of its claims gets its payment, all in one transaction or none.

The finance department pays the register it was given (`report payment-register`); the clerk
then marks that register paid with the payment order's date and number. Every claim of it gets
its `payment` (that date, the reference «п/п …», the approved amount) and the status paid,
through `store.save_claim` (every rule, version and audit entry of a form's save) inside ONE
`store.transaction()`: the saves join it, so a claim that cannot be marked (changed since the
register was made, decided after the payment date, refused by a rule) or a failure of any kind
half-way rolls back every payment already written. Either the whole register is paid or none of it.

The register is the one the clerk saw: the claims and the amounts printed on it
(`expected`, id → approved amount). A claim approved since is not slipped in; one whose amount
or state changed stops the whole marking.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, replace
from datetime import date
from decimal import Decimal

from ..domain.enums import ClaimStatus
from ..domain.errors import ValidationFailed
from ..domain.models import Claim, Payment
from ..domain.views import ClaimRow, Filters
from ..domain.words import day, money, shown_number
from ..storage import LogStore
from .errors import ServiceError, Words
from .notices import status_words

REFERENCE_PREFIX = "п/п"  # платёжное поручение, as payment documents abbreviate it


def register_filters(filters: Filters | None) -> Filters:
    """The payment register's selection: FILTERS narrowed to approved claims (another status refused)."""
    filters = filters or Filters()
    if filters.status not in (None, ClaimStatus.APPROVED):
        raise ServiceError("payment_status", status=status_words(filters.status))
    return replace(filters, status=ClaimStatus.APPROVED, overdue_only=False)


def register_rows(store: LogStore, filters: Filters | None = None) -> Iterator[ClaimRow]:
    """The rows of the payment register FILTERS select, in the printed register's order."""
    return store.iter_claim_rows(register_filters(filters))


def payment_reference(text: str) -> str:
    """«3391» → «п/п 3391»; «п/п 3391» (or «П/П3391») as written, the prefix spelt the usual way."""
    text = " ".join(text.split())
    if not text:
        raise ServiceError("no_reference")
    if text[:3].lower() == REFERENCE_PREFIX:
        rest = text[3:].strip(" №")
        return f"{REFERENCE_PREFIX} {rest}" if rest else REFERENCE_PREFIX
    return f"{REFERENCE_PREFIX} {text.lstrip('№ ')}"


@dataclass(frozen=True)
class PaidRegister:
    claims: int
    total: Decimal
    reference: str
    paid_on: date


def mark_register_paid(
    store: LogStore,
    expected: Mapping[str, Decimal | None],
    *,
    paid_on: date,
    reference: str,
    progress: Callable[[int, int], None] | None = None,
) -> PaidRegister:
    """Record the payment of every claim of the register in `expected` (claim id → the approved
    amount printed on it), in one transaction; raise `ServiceError` (nothing written) when any
    cannot be marked. `progress(done, total)` is called as claims are saved; raising from it (a
    window's Cancel) rolls back everything too."""
    if not expected:
        raise ServiceError("nothing_to_pay")
    reference = payment_reference(reference)
    reason = f"реестр на выплату: {reference} от {day(paid_on, 'ru')}"
    total = Decimal("0.00")
    ids = list(expected)
    with store.transaction():
        # Read inside the write transaction: no other clerk can save between this read and the saves.
        claims = store.get_claims(ids)
        for done, claim_id in enumerate(ids, start=1):
            claim = claims.get(claim_id)
            paid = _paid(claim, claim_id, expected[claim_id], paid_on, reference)
            try:
                store.save_claim(paid, reason=reason)
            except ValidationFailed as e:
                why = "; ".join(p.text("en") for p in e.problems)
                why_ru = "; ".join(p.text("ru") for p in e.problems)
                raise ServiceError("claim_refused", number=_number(paid), why=Words.of(why, why_ru)) from e
            total += paid.payment.amount  # type: ignore[union-attr]
            if progress is not None:
                progress(done, len(ids))
    return PaidRegister(len(ids), total, reference, paid_on)


def _paid(claim: Claim | None, claim_id: str, amount: Decimal | None, paid_on: date, reference: str) -> Claim:
    """The claim with its payment, or `ServiceError` saying why the register no longer holds."""
    if claim is None:
        raise ServiceError("register_changed", number=claim_id, what=Words("gone"))
    number = _number(claim)
    if claim.payment is not None or claim.status is ClaimStatus.PAID:
        raise ServiceError("register_changed", number=number, what=Words("paid"))
    decision = claim.decision
    if claim.status is not ClaimStatus.APPROVED or decision is None or decision.approved_amount is None:
        raise ServiceError("register_changed", number=number,
                           what=Words("status", status=status_words(claim.status)))
    if amount is not None and decision.approved_amount != amount:
        raise ServiceError("register_changed", number=number, what=Words(
            "amount", amount=Words.of(money(decision.approved_amount, "en"), money(decision.approved_amount, "ru"))))
    if paid_on < decision.date:
        raise ServiceError("paid_before_decision", number=number, decided=day(decision.date, "ru"),
                           paid=day(paid_on, "ru"))
    payment = Payment(date=paid_on, amount=decision.approved_amount, reference=reference)
    return replace(claim, status=ClaimStatus.PAID, payment=payment)


def _number(claim: Claim) -> Words | str:
    if not claim.number:
        return claim.id
    return Words.of(shown_number(claim.number, "en"), shown_number(claim.number, "ru"))


__all__ = ["PaidRegister", "mark_register_paid", "payment_reference", "register_filters", "register_rows"]
