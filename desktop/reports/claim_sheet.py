"""Claim sheet: one claim on paper for the file, with the document checklist and signature.

This is the only report that prints the claimant's identity document (personal data under
152-FZ): the sheet stays in the claim's paper file.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from datetime import datetime
from pathlib import Path

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer

from desktop.domain.documents import RequiredDocuments
from desktop.domain.enums import DocumentKind, PersonKind
from desktop.domain.models import Claim, Incident, Person, PropertyItem, Vehicle
from desktop.domain.views import OfficeSettings

from .facts import owner_name, place, property_description, vehicle_description, vehicle_ids
from .format import DASH, Lang, day, label, moment, money
from .layout import ReportDocument, Styles, details_table, esc, grid_table, para, shares, signature_block, title_block
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
        out_path, settings=settings, title=tr("claim_title", lang, number=claim.number or DASH), lang=lang,
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

    story.append(Paragraph(esc(tr("h_claim", lang)), s.heading))
    story.append(details_table(_claim_fields(claim, incident, lang), width, s))

    story.append(Paragraph(esc(tr("h_claimant", lang)), s.heading))
    story.append(details_table(_claimant_fields(claimant, lang), width, s))

    story.append(Paragraph(esc(tr("h_items", lang)), s.heading))
    story.append(_items_table(claim, incident, people, lang, s, width))

    story.append(Paragraph(esc(tr("h_documents", lang)), s.heading))
    story += _documents(claim, incident, claimant, required, lang, s, width)

    story.append(Paragraph(esc(tr("h_decision", lang)), s.heading))
    if claim.decision:
        d = claim.decision
        fields: list[tuple[str, object]] = [
            (tr("f_decision_number", lang), d.number),
            (tr("f_decision_date", lang), day(d.date, lang)),
        ]
        if d.approved_amount is not None:
            fields.append((tr("f_approved", lang), money(d.approved_amount, lang)))
        if d.reason:
            fields.append((tr("f_reason", lang), d.reason))
        story.append(details_table(fields, width, s))
    else:
        story.append(para(tr("no_decision", lang), s.note))

    story.append(Paragraph(esc(tr("h_payment", lang)), s.heading))
    if claim.payment:
        p = claim.payment
        story.append(
            details_table(
                [
                    (tr("f_payment_date", lang), day(p.date, lang)),
                    (tr("f_payment_amount", lang), money(p.amount, lang)),
                    (tr("f_payment_ref", lang), p.reference or DASH),
                ],
                width,
                s,
            )
        )
    else:
        story.append(para(tr("no_payment", lang), s.note))

    if claim.attachments:
        story.append(Paragraph(esc(tr("h_attachments", lang)), s.heading))
        names = "\n".join(f"{n}. {a.name}" for n, a in enumerate(claim.attachments, start=1))
        story.append(para(names, s.note))

    story.append(KeepTogether([Spacer(1, 14 * mm), signature_block(doc.settings, lang, s, width)]))
    return story


def _claim_fields(claim: Claim, incident: Incident | None, lang: Lang) -> list[tuple[str, object]]:
    if incident is not None:
        incident_text = f"{incident.reference or DASH} — {moment(incident.occurred_at, lang)}\n{place(incident)}"
    else:
        incident_text = DASH
    fields: list[tuple[str, object]] = [
        (tr("f_number", lang), claim.number or DASH),
        (tr("f_filed", lang), day(claim.filed_on, lang)),
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


def _claimant_fields(person: Person | None, lang: Lang) -> list[tuple[str, object]]:
    if person is None:
        return [(tr("f_full_name", lang), tr("no_owner", lang))]
    fields: list[tuple[str, object]] = [
        (tr("f_full_name", lang), person.full_name),
        (tr("f_person_kind", lang), label(person.kind, lang)),
    ]
    if person.kind == PersonKind.PERSON:
        fields.append((tr("f_birth", lang), day(person.birth_date, lang)))
        fields.append((tr("f_id_document", lang), person.id_document or DASH))
    elif person.id_document:
        fields.append((tr("f_id_document", lang), person.id_document))
    fields += [
        (tr("f_inn", lang), person.inn or DASH),
        (tr("f_address", lang), person.address or DASH),
        (tr("f_phone", lang), person.phone or DASH),
    ]
    if person.email:
        fields.append((tr("f_email", lang), person.email))
    return fields


def _items_table(
    claim: Claim, incident: Incident | None, people: Mapping[str, Person], lang: Lang, s: Styles, width: float
) -> Flowable:
    by_id: dict[str, Vehicle | PropertyItem] = {}
    if incident is not None:
        by_id.update({v.id: v for v in incident.vehicles})
        by_id.update({p.id: p for p in incident.properties})
    head = ["col_no", "col_item", "col_owner", "col_damage", "col_severity", "col_estimate"]
    rows: list[list[object]] = [[Paragraph(esc(tr(k, lang)), s.cell_head) for k in head]]
    for n, item_id in enumerate(claim.items, start=1):
        item = by_id.get(item_id)
        if isinstance(item, Vehicle):
            what = f"{vehicle_description(item)}\n{vehicle_ids(item)}"
        elif isinstance(item, PropertyItem):
            what = f"{label(item.kind, lang)}: {property_description(item)}"
        else:
            rows.append([str(n), para(item_id, s.cell), DASH, DASH, DASH, DASH])
            continue
        rows.append(
            [
                str(n),
                para(what, s.cell),
                para(owner_name(people, item.owner_id, lang), s.cell),
                para(item.damage, s.cell),
                para(label(item.severity, lang), s.cell),
                para(money(item.estimated_cost, lang), s.cell_right),
            ]
        )
    return grid_table(rows, shares([7, 45, 32, 44, 17, 23], width), s.fonts)


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
    for d in claim.documents:
        received.setdefault(d.kind, []).append((day(d.received_on, lang), d.note or ""))
    head = ["col_no", "col_document", "col_required", "col_received", "col_note"]
    rows: list[list[object]] = [[Paragraph(esc(tr(k, lang)), s.cell_head) for k in head]]
    missing_rows: list[int] = []
    kinds = needed + [k for k in received if k not in needed]
    for n, kind in enumerate(kinds, start=1):
        got = received.get(kind)
        is_needed = kind in needed
        if got:
            when = "\n".join(w for w, _ in got)
            note = "\n".join(t for _, t in got if t)
            rows.append([str(n), para(label(kind, lang), s.cell), tr("yes" if is_needed else "no", lang),
                         para(when, s.cell_centre), para(note, s.cell)])
        else:
            missing_rows.append(len(rows))
            rows.append([str(n), para(label(kind, lang), s.cell), tr("yes", lang),
                         para(tr("doc_missing", lang), s.cell_head), ""])
    extra = [("ALIGN", (2, 1), (2, -1), "CENTER")]
    for r in missing_rows:
        extra.append(("BACKGROUND", (0, r), (-1, r), "#f2f2f2"))
    table = grid_table(rows, shares([7, 72, 20, 28, 43], width), s.fonts, extra=extra)
    summary = (
        tr("docs_missing_count", lang, n=len(missing_rows)) if missing_rows else tr("docs_complete", lang)
    )
    return [table, para(summary, s.note)]
