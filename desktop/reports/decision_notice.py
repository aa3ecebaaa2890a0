"""The written answer to the claimant (59-FZ art. 10 p. 1 item 4): the decision on the claim.

A letter (`letters`: the head with the addressee in the dative, the greeting by gender), then:
the claim and the incident; the decision's number and date; for an approval the amount in
figures and in words («85 000,00 ₽ (восемьдесят пять тысяч рублей 00 копеек)»), and where the
money goes (the bank account given, or a request for one when no bank details were received;
for a paid claim, the day and the payment order); for a refusal its reason and how to appeal
(59-FZ art. 5: to the head of the administration or to court under the Code of Administrative
Procedure). Signed by the office's signatory; the officer in charge (the claim's executor) in
small type at the foot.
"""

from __future__ import annotations

import os
from datetime import datetime
from pathlib import Path

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Spacer

from desktop.domain import deadlines
from desktop.domain.enums import ClaimStatus, DocumentKind
from desktop.domain.models import Claim, Incident, Person
from desktop.domain.money_words import amount_in_words
from desktop.domain.views import OfficeSettings
from desktop.domain.words import DASH, Lang, day, label, money, shown_number

from .facts import place
from .layout import ReportDocument, signature_block
from .letters import body, letter_head, officer_in_charge, salutation
from .texts import tr


def is_decided(claim: Claim) -> bool:
    """Whether there is a decision to give notice of: approved, rejected or paid (`deadlines.DECIDED`), with its decision."""
    return claim.status in deadlines.DECIDED and claim.decision is not None


def payment_order(reference: str | None, lang: Lang) -> str:
    """«п/п 3391» as the clerk wrote it; a bare number as «платёжное поручение № 3391»."""
    reference = (reference or "").strip()
    if reference.lower().startswith(("п/п", "пп ", "платёжное", "платежное", "payment order")):
        return reference
    return tr("payment_order", lang, ref=reference or DASH)


def build_decision_notice(
    out_path: str | os.PathLike[str],
    claim: Claim,
    incident: Incident | None,
    claimant: Person | None,
    settings: OfficeSettings,
    *,
    lang: Lang = "ru",
    made_at: datetime | None = None,
) -> Path:
    if not is_decided(claim):
        raise ValueError("the claim is not decided")
    doc = ReportDocument(out_path, settings=settings, title=tr("notice_title", lang), lang=lang, made_at=made_at)
    return doc.build(notice_story(doc, claim, incident, claimant))


def notice_story(doc: ReportDocument, claim: Claim, incident: Incident | None, claimant: Person | None) -> list[Flowable]:
    lang = doc.lang
    decision = claim.decision
    assert decision is not None
    number = shown_number(claim.number, lang) or DASH
    filed = day(claim.filed_on, lang)
    story = letter_head(doc, tr("letter_reply_to", lang, number=number, filed=filed), doc.title, claimant)
    story.append(salutation(doc, claimant))

    texts = [tr(
        "notice_p1", lang, number=number, filed=filed, kind=label(claim.kind, lang),
        ref=shown_number(incident.reference, lang) or DASH if incident is not None else DASH,
        date=day(incident.occurred_at, lang) if incident is not None else DASH,
        place=place(incident) if incident is not None else DASH,
    )]
    decided = {"decision": decision.number, "decided": day(decision.date, lang)}
    if claim.status is ClaimStatus.REJECTED:
        reason = (decision.reason or DASH).strip()
        texts.append(tr("notice_rejected", lang, reason=reason if reason.endswith((".", "!", "?")) else reason + ".",
                        **decided))
        texts.append(tr("notice_appeal", lang))
    else:
        amount = decision.approved_amount
        if amount is not None:
            texts.append(tr("notice_approved", lang, amount=money(amount, lang), words=amount_in_words(amount, lang),
                            **decided))
        if claim.payment is not None:
            texts.append(tr("notice_paid", lang, date=day(claim.payment.date, lang),
                            order=payment_order(claim.payment.reference, lang)))
        elif DocumentKind.BANK_DETAILS in claim.received_kinds():
            texts.append(tr("notice_pay_to_account", lang))
        else:
            texts.append(tr("notice_need_account", lang))
    story += body(doc, texts)
    # The signature stays with the last lines it signs (never alone on a page).
    story.append(KeepTogether([Spacer(1, 16 * mm), signature_block(doc.settings, lang, doc.styles, doc.width),
                               *officer_in_charge(doc, claim.executor)]))
    return story
