"""Claim sheet: one claim on paper for the file, with the document checklist and signature.

It follows the claim's path (interchange v2): how it came and when it was filed; its
registration (late registration marked, 59-FZ's 3 days), executor and answer date (extended
until …, with the reason and the day the claimant was told; for a claim not yet settled, the
days left or overdue on the day the sheet is made), all judged by `domain.deadlines`; the
claimant, the items and the documents; the commission's inspection (act, members, findings,
assessed amount); the decision with the day its notice went to the claimant (a decided claim
without it has no answer yet, in bold), and the payment. Any text, however long, flows over
pages.

This is the only report that prints the claimant's identity document (personal data under
152-FZ): the sheet stays in the claim's paper file.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from datetime import date, datetime
from pathlib import Path

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer

from desktop.domain import deadlines
from desktop.domain.documents import INDIVIDUALS, RequiredDocuments, received_documents
from desktop.domain.enums import DocumentKind
from desktop.domain.models import Claim, Incident, Inspection, Person, PropertyItem, Vehicle
from desktop.domain.payment_rules import claim_proposal
from desktop.domain.views import OfficeSettings
from desktop.domain.words import DASH, Lang, count, day, label, moment, money, phone, shown_number

from .facts import items_by_id, owner_name, place, property_description, vehicle_description, vehicle_ids
from .layout import (
    HEAD_FILL,
    Column,
    ReportDocument,
    Strong,
    Styles,
    details_table,
    esc,
    para,
    ruled_table,
    section,
    signature_block,
    title_block,
)
from .texts import tr


def build_claim_sheet(
    out_path: str | os.PathLike[str],
    claim: Claim,
    incident: Incident | None,
    claimant: Person | None,
    people: Mapping[str, Person],
    settings: OfficeSettings,
    required: RequiredDocuments,
    *,
    lang: Lang = "ru",
    made_at: datetime | None = None,
) -> Path:
    """Write the claim sheet; `people` supplies the owners of the claimed items by id."""
    doc = ReportDocument(
        out_path, settings=settings, title=tr("claim_title", lang, number=shown_number(claim.number, lang) or DASH), lang=lang,
        made_at=made_at,
    )
    return doc.build(claim_sheet_story(doc, claim, incident, claimant, people, required))


def claim_sheet_story(
    doc: ReportDocument,
    claim: Claim,
    incident: Incident | None,
    claimant: Person | None,
    people: Mapping[str, Person],
    required: RequiredDocuments,
) -> list[Flowable]:
    lang, s, width = doc.lang, doc.styles, doc.width
    story: list[Flowable] = title_block(doc.title, tr("claim_subtitle", lang, date=day(claim.filed_on, lang)), s)

    story += section(tr("h_claim", lang), s)
    story.append(details_table(_claim_fields(claim, incident, lang), width, s))

    story += section(tr("h_deadlines", lang), s)
    story.append(details_table(_deadline_fields(claim, doc.made_at.date(), lang, s), width, s))

    story += section(tr("h_claimant", lang), s)
    story.append(details_table(_claimant_fields(claimant, lang), width, s))

    story += section(tr("h_items", lang), s)
    story.append(_items_table(claim, incident, people, lang, s, width))

    story += section(tr("h_documents", lang), s)
    story += _documents(claim, incident, claimant, required, lang, s, width)

    story += section(tr("h_inspection", lang), s)
    if claim.inspection is not None:
        story.append(details_table(_inspection_fields(claim.inspection, lang), width, s))
    else:
        story.append(para(tr("sheet_no_inspection", lang), s.note))

    # The decision, the payment and the signature stay on one page: a signature alone on a sheet
    # is worthless, and the signatory signs what the decision says.
    closing: list[Flowable] = [Paragraph(esc(tr("h_decision_payment", lang)), s.heading)]
    fields: list[tuple[str, object]] = []
    flag = ""
    if claim.decision:
        d = claim.decision
        fields += [
            (tr("f_decision_number", lang), d.number),
            (tr("f_decision_date", lang), day(d.date, lang)),
        ]
        if d.approved_amount is not None:
            fields.append((tr("f_approved", lang), money(d.approved_amount, lang)))
            # What the office's payment rules propose, and an approval above it flagged (interchange.md,
            # "Payment rules"): the clerk may approve more, the file says so.
            proposal = claim_proposal(claim, incident, doc.settings.payment_rules)
            if proposal.reached:
                fields.append((tr("f_proposed", lang), money(proposal.amount, lang)))
            if proposal.above(d.approved_amount):
                flag = tr("approved_above", lang, proposed=money(proposal.amount, lang),
                          approved=money(d.approved_amount, lang),
                          excess=money(d.approved_amount - proposal.amount, lang))
        if d.reason:
            fields.append((tr("f_reason", lang), d.reason))
        # The decision's notice: 59-FZ counts a claim answered once the claimant is sent it.
        if d.notice_sent_on is not None:
            fields.append((tr("f_notice_sent", lang), day(d.notice_sent_on, lang)))
        elif claim.status in deadlines.DECIDED:
            fields.append((tr("f_notice_sent", lang), _bold(tr("notice_not_sent", lang), s)))
        else:  # reopened: the decision kept, no notice of it recorded
            fields.append((tr("f_notice_sent", lang), tr("not_sent", lang)))
    else:
        fields.append((tr("h_decision", lang), tr("no_decision", lang)))
    if claim.payment:
        p = claim.payment
        fields += [
            (tr("f_payment_date", lang), day(p.date, lang)),
            (tr("f_payment_amount", lang), money(p.amount, lang)),
            (tr("f_payment_ref", lang), p.reference or DASH),
        ]
    elif claim.decision:
        fields.append((tr("h_payment", lang), tr("no_payment", lang)))
    closing.append(details_table(fields, width, s))
    if flag:
        closing.append(Paragraph(f"<b>{esc(flag, bold=True)}</b>", s.note))
    if claim.attachments:
        closing.append(Paragraph(esc(tr("h_attachments", lang)), s.heading))
        names = "\n".join(f"{n}. {a.name}" for n, a in enumerate(claim.attachments, start=1))
        closing.append(para(names, s.note))
    closing += [Spacer(1, 10 * mm), signature_block(doc.settings, lang, s, width)]
    story.append(KeepTogether(closing))
    return story


def _claim_fields(claim: Claim, incident: Incident | None, lang: Lang) -> list[tuple[str, object]]:
    if incident is not None:
        incident_text = f"{shown_number(incident.reference, lang) or DASH} — {moment(incident.occurred_at, lang)}\n{place(incident)}"
    else:
        incident_text = DASH
    fields: list[tuple[str, object]] = [
        (tr("f_filed", lang), day(claim.filed_on, lang)),
        (tr("f_received_via", lang), label(claim.received_via, lang) if claim.received_via else tr("not_recorded", lang)),
        (tr("f_claim_kind", lang), label(claim.kind, lang)),
        (tr("f_status", lang), label(claim.status, lang)),
        (tr("f_incident", lang), incident_text),
        (tr("f_requested", lang), money(claim.requested_amount, lang)),
    ]
    if claim.insurance_paid is not None:
        fields.append((tr("f_insurance", lang), money(claim.insurance_paid, lang)))
    if claim.notes:
        fields.append((tr("f_notes", lang), claim.notes))
    return fields


def _bold(text: str, s: Styles) -> Paragraph:
    return Paragraph(f"<b>{esc(text, bold=True)}</b>", s.cell)


def _deadline_fields(claim: Claim, today: date, lang: Lang, s: Styles) -> list[tuple[str, object]]:
    """Registration (late marked), executor, answer date (extended: until, why, the claimant told),
    and for a claim not yet settled the days left or overdue on the day the sheet is made."""
    until = claim.extension.until if claim.extension is not None else None
    facts = deadlines.deadlines(filed_on=claim.filed_on, status=claim.status, today=today,
                                registered_on=claim.registered_on, extension_until=until)
    registered = day(claim.registered_on or claim.filed_on, lang)
    registered_cell: object
    if facts.registered_late:
        registered_cell = _bold(tr("registered_late_sheet", lang, date=registered,
                                   due=day(facts.registration_due, lang)), s)
    elif claim.registered_on is None:
        registered_cell = tr("registered_filing_day", lang, date=registered)
    else:
        registered_cell = registered
    if until is not None:
        due = tr("answer_extended", lang, until=day(until, lang),
                 original=day(deadlines.original_answer_due(claim.filed_on, claim.registered_on), lang))
    else:
        due = day(facts.answer_due, lang)
    fields: list[tuple[str, object]] = [
        (tr("f_registered", lang), registered_cell),
        (tr("f_executor", lang), claim.executor or tr("executor_unassigned", lang)),
        (tr("f_answer_due", lang), due),
    ]
    if claim.extension is not None:
        told = claim.extension.notice_sent_on
        fields += [
            (tr("f_extension_reason", lang), claim.extension.reason),
            (tr("f_extension_notice", lang), day(told, lang) if told else tr("not_told", lang)),
        ]
    if claim.status not in deadlines.SETTLED:
        if facts.overdue:
            state: object = _bold(tr("sheet_overdue", lang, n=count(-facts.days_left, lang)), s)
        elif facts.days_left == 0:
            state = tr("sheet_today", lang)
        else:
            state = tr("sheet_left", lang, n=count(facts.days_left, lang))
        fields.append((tr("f_state_on", lang, day=day(today, lang)), state))
    return fields


def _inspection_fields(act: Inspection, lang: Lang) -> list[tuple[str, object]]:
    """The commission's act: its number and date, the members a line each, the findings as
    written (any length), the damage it assessed."""
    members = "\n".join(f"{n}. {member}" for n, member in enumerate(act.members, start=1))
    return [
        (tr("f_act", lang), tr("act_number_date", lang, number=act.number, date=day(act.date, lang))),
        (tr("f_members", lang), members or DASH),
        (tr("f_findings", lang), act.findings),
        (tr("f_assessed", lang),
         money(act.assessed_amount, lang) if act.assessed_amount is not None else tr("not_assessed", lang)),
    ]


def _claimant_fields(person: Person | None, lang: Lang) -> list[tuple[str, object]]:
    if person is None:
        return [(tr("f_full_name", lang), tr("no_owner", lang))]
    fields: list[tuple[str, object]] = [
        (tr("f_full_name", lang), person.full_name),
        (tr("f_person_kind", lang), label(person.kind, lang)),
    ]
    if person.kind in INDIVIDUALS:  # a person or an entrepreneur (ИП): a citizen with a birth date and a passport
        fields.append((tr("f_birth", lang), day(person.birth_date, lang)))
        fields.append((tr("f_id_document", lang), person.id_document or DASH))
    elif person.id_document:
        fields.append((tr("f_id_document", lang), person.id_document))
    fields += [
        (tr("f_inn", lang), person.inn or DASH),
        (tr("f_address", lang), person.address or DASH),
        (tr("f_phone", lang), phone(person.phone, lang) or DASH),
    ]
    if person.email:
        fields.append((tr("f_email", lang), person.email))
    return fields


def _items_table(
    claim: Claim, incident: Incident | None, people: Mapping[str, Person], lang: Lang, s: Styles, width: float
) -> Flowable:
    by_id = items_by_id(incident)
    columns = [
        Column(tr("col_no", lang), fit=True),
        Column(tr("col_item", lang)),
        Column(tr("col_owner", lang)),
        Column(tr("col_damage", lang)),
        Column(tr("col_severity", lang), fit=True),
        Column(tr("col_estimate", lang), fit=True, right=True),
    ]
    body: list[list[str]] = []
    for n, item_id in enumerate(claim.items, start=1):
        item = by_id.get(item_id)
        if isinstance(item, Vehicle):
            what = f"{vehicle_description(item)}\n{vehicle_ids(item)}"
        elif isinstance(item, PropertyItem):
            what = f"{label(item.kind, lang)}: {property_description(item)}"
        else:  # the item was removed from the incident after the claim was filed
            body.append([str(n), item_id, DASH, DASH, DASH, DASH])
            continue
        body.append(
            [
                str(n),
                what,
                owner_name(people, item.owner_id, lang),
                item.damage,
                label(item.severity, lang),
                money(item.estimated_cost, lang),
            ]
        )
    return ruled_table(columns, body, width, s)


def _documents(
    claim: Claim,
    incident: Incident | None,
    claimant: Person | None,
    required: RequiredDocuments,
    lang: Lang,
    s: Styles,
    width: float,
) -> list[Flowable]:
    """The checklist: every required paper (received on which day, or missing), then any others."""
    needed = required.for_claim(claim, incident, claimant.kind if claimant else None)
    received: dict[DocumentKind, list[tuple[str, str]]] = {}
    for d in received_documents(claim):  # the commission's act counts as its paper, as on the form
        received.setdefault(d.kind, []).append((day(d.received_on, lang), d.note or ""))
    columns = [
        Column(tr("col_no", lang), fit=True),
        Column(tr("col_document", lang), weight=2.4),
        Column(tr("col_required", lang), fit=True, centre=True),
        Column(tr("col_received", lang), fit=True, centre=True),
        Column(tr("col_note", lang)),
    ]
    # In the order of the spec's list of papers (application, passport, consent, ...), as clerks
    # file them, rather than in the order the settings happen to list them.
    order = {kind: n for n, kind in enumerate(DocumentKind)}
    kinds = sorted({*needed, *received}, key=order.__getitem__)
    body: list[list[str]] = []
    missing_rows: list[int] = []
    for n, kind in enumerate(kinds, start=1):
        got = received.get(kind)
        is_needed = kind in needed
        if got:
            when = "\n".join(w for w, _ in got)
            note = "\n".join(t for _, t in got if t)
            body.append([str(n), label(kind, lang), tr("yes" if is_needed else "no", lang), when, note])
        else:
            missing_rows.append(n)
            body.append([str(n), label(kind, lang), tr("yes", lang), Strong(tr("doc_missing", lang)), ""])
    shade = {r - 1: HEAD_FILL for r in missing_rows}
    table = ruled_table(columns, body, width, s, fills=shade)
    summary = tr("docs_missing_count", lang, n=len(missing_rows)) if missing_rows else tr("docs_complete", lang)
    return [table, para(summary, s.note)]
