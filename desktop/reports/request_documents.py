"""Letter asking a claimant for the documents still missing from a claim, ready to sign and post.

Laid out as Russian official letters are: the outgoing number and subject on the left, the
addressee on the right (in Russian in the dative: «Кузнецову Игорю Петровичу»), the greeting
by gender («Уважаемый Игорь Петрович!»; an entrepreneur by name, an organisation «Уважаемые
господа!»; `domain.declension`), the text justified with an indented first line, the date by
which to bring the papers (the office's `documents_due_days` after the letter is made,
`deadlines.documents_due`), the signatory below. The claimant's address is printed because the
letter is posted to it; the identity document is not.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, ListFlowable, ListItem, Paragraph, Spacer

from desktop.domain import deadlines
from desktop.domain.enums import DocumentKind
from desktop.domain.models import Claim, Incident, Person
from desktop.domain.views import OfficeSettings
from desktop.domain.words import DASH, Lang, day, label, shown_number

from .facts import item_label, items_by_id, place
from .layout import ReportDocument, esc, signature_block
from .letters import letter_head, salutation
from .texts import tr


def build_request_letter(
    out_path: str | os.PathLike[str],
    claim: Claim,
    incident: Incident | None,
    claimant: Person | None,
    settings: OfficeSettings,
    missing: Sequence[DocumentKind],
    *,
    lang: Lang = "ru",
    made_at: datetime | None = None,
) -> Path:
    """Write the letter; `missing` is `RequiredDocuments.missing(...)` for this claim."""
    if not missing:
        raise ValueError("no documents to ask for")
    doc = ReportDocument(out_path, settings=settings, title=tr("letter_title", lang), lang=lang, made_at=made_at)
    return doc.build(letter_story(doc, claim, incident, claimant, missing))


def letter_story(
    doc: ReportDocument,
    claim: Claim,
    incident: Incident | None,
    claimant: Person | None,
    missing: Sequence[DocumentKind],
) -> list[Flowable]:
    lang, s = doc.lang, doc.styles
    number = shown_number(claim.number, lang) or DASH
    filed = day(claim.filed_on, lang)
    # The head (addressee in the dative beside the subject) and the greeting: `letters`, as the
    # decision notice has them.
    story = letter_head(doc, tr("letter_reply_to", lang, number=number, filed=filed), tr("letter_title", lang), claimant)
    story.append(salutation(doc, claimant))

    if incident is not None:
        by_id = items_by_id(incident)
        items = "; ".join(item_label(by_id, i, lang) for i in claim.items)
        p1 = tr(
            "letter_p1",
            lang,
            number=number,
            filed=filed,
            kind=label(claim.kind, lang),
            ref=shown_number(incident.reference, lang) or DASH,
            date=day(incident.occurred_at, lang),
            place=place(incident),
            items=tr("letter_items", lang, items=items) if items else "",
        )
    else:
        p1 = tr("letter_p1", lang, number=number, filed=filed, kind=label(claim.kind, lang), ref=DASH, date=DASH,
                place=DASH, items="")
    story.append(Paragraph(esc(p1), s.body))
    due = deadlines.documents_due(doc.made_at.date(), doc.settings.documents_due_days)
    story.append(Paragraph(esc(tr("letter_p2", lang, due=day(due, lang))), s.body))

    order = {kind: n for n, kind in enumerate(DocumentKind)}
    missing = sorted(missing, key=order.__getitem__)
    item_style = ParagraphStyle("letter_item", parent=s.body, firstLineIndent=0, alignment=0, spaceAfter=2)
    story.append(
        ListFlowable(
            [ListItem(Paragraph(esc(label(kind, lang)), item_style)) for kind in missing],
            bulletType="1",
            bulletFormat="%s.",
            bulletFontName=s.fonts.serif.regular,
            bulletFontSize=12,
            leftIndent=12.5 * mm + 6 * mm,
            bulletDedent=6 * mm,
            spaceBefore=2,
            spaceAfter=6,
        )
    )
    if doc.settings.office_address:
        p3 = tr("letter_p3_address", lang, address=doc.settings.office_address)
    else:
        p3 = tr("letter_p3", lang)
    story.append(Paragraph(esc(p3), s.body))
    story.append(Paragraph(esc(tr("letter_p4", lang)), s.body))
    story.append(KeepTogether([Spacer(1, 16 * mm), signature_block(doc.settings, lang, s, doc.width)]))
    return story
