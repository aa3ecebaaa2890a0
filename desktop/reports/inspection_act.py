"""The commission's act of inspection of a claim's damaged property (interchange v2, Inspection).

Its number and date, the claim and the incident it concerns, the commission's members, the items
inspected with their owners (the claim sheet's items table), the findings (text of any length,
flowing across pages), the damage assessed in figures and in words, and a signature line for
every member: position, a line to sign on, the name.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from datetime import datetime
from pathlib import Path

from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, ListFlowable, ListItem, Paragraph, Spacer, Table, TableStyle

from desktop.domain.models import Claim, Incident, Inspection, Person
from desktop.domain.money_words import amount_in_words
from desktop.domain.views import OfficeSettings
from desktop.domain.words import DASH, Lang, day, money, shown_number

from .claim_sheet import _items_table as items_table  # the claim sheet's table: one layout for the items
from .facts import place
from .layout import ReportDocument, cap_lines, esc, para, plain_lines, section, title_block
from .texts import tr


def build_inspection_act(
    out_path: str | os.PathLike[str],
    claim: Claim,
    incident: Incident | None,
    claimant: Person | None,
    people: Mapping[str, Person],
    settings: OfficeSettings,
    *,
    lang: Lang = "ru",
    made_at: datetime | None = None,
) -> Path:
    """Write the act; `people` supplies the owners of the claimed items by id."""
    if claim.inspection is None:
        raise ValueError("the claim has no inspection")
    title = tr("act_title", lang, number=claim.inspection.number)
    doc = ReportDocument(out_path, settings=settings, title=title, lang=lang, made_at=made_at)
    return doc.build(act_story(doc, claim, claim.inspection, incident, claimant, people))


def act_story(
    doc: ReportDocument,
    claim: Claim,
    act: Inspection,
    incident: Incident | None,
    claimant: Person | None,
    people: Mapping[str, Person],
) -> list[Flowable]:
    lang, s, width = doc.lang, doc.styles, doc.width
    story: list[Flowable] = title_block(doc.title, tr("act_subtitle", lang, date=day(act.date, lang)), s)
    common = {
        "claim": shown_number(claim.number, lang) or DASH,
        "filed": day(claim.filed_on, lang),
        "claimant": claimant.full_name if claimant is not None else DASH,
    }
    if incident is not None:
        intro = tr("act_intro", lang, ref=shown_number(incident.reference, lang) or DASH,
                   date=day(incident.occurred_at, lang), place=place(incident), **common)
    else:
        intro = tr("act_intro_no_incident", lang, **common)
    story.append(para(intro, s.body))

    story += section(tr("h_commission", lang), s)
    item_style = ParagraphStyle("act_member", parent=s.body, firstLineIndent=0, alignment=0, spaceAfter=1)
    indent = (4 + 2.2 * len(str(len(act.members)))) * mm  # «10.» and «100.» need room before the name
    story.append(ListFlowable(
        [ListItem(para(member, item_style)) for member in act.members],
        bulletType="1", bulletFormat="%s.", bulletFontName=s.fonts.serif.regular, bulletFontSize=12,
        leftIndent=indent, bulletDedent=indent, spaceAfter=4,
    ))

    story += section(tr("h_inspected", lang), s)
    if incident is not None and any(i in incident.item_ids() for i in claim.items):
        story.append(items_table(claim, incident, people, lang, s, width))
    else:
        story.append(para(tr("no_items_found", lang), s.note))

    story += section(tr("h_findings", lang), s)
    # The commission's text as typed, a paragraph per line it wrote; any length flows across pages.
    story += [para(line, s.body) for line in plain_lines(act.findings).split("\n") if line.strip()]

    story += section(tr("h_assessed", lang), s)
    if act.assessed_amount is not None:
        assessed = tr("act_assessed", lang, amount=money(act.assessed_amount, lang),
                      words=amount_in_words(act.assessed_amount, lang))
    else:
        assessed = tr("act_not_assessed", lang)
    story.append(para(assessed, s.body))

    story += [CondPageBreak(40 * mm), Spacer(1, 6 * mm), Paragraph(esc(tr("h_members_sign", lang)), s.heading)]
    story.append(member_signatures(doc, act.members))
    return story


def split_member(member: str) -> tuple[str, str]:
    """«Заместитель главы администрации, Петров П. П.» → (position, name); without a comma the whole is the name."""
    position, comma, name = member.rpartition(",")
    if not comma or not position.strip() or not name.strip():
        return "", member.strip()
    return position.strip(), name.strip()


def member_signatures(doc: ReportDocument, members: list[str]) -> Table:
    """A row per member: position, a line to sign on (with «подпись» under it), the name.

    Each part is cut to a few lines (the members are printed whole above), so that a row never
    nears a page and the table breaks between members only.
    """
    s, width = doc.styles, doc.width
    sign = ParagraphStyle("act_sign", parent=s.body_left, fontSize=11, leading=13.5)
    name_style = ParagraphStyle("act_sign_name", parent=sign, alignment=TA_RIGHT)
    line_style = ParagraphStyle("act_sign_line", parent=sign, alignment=TA_CENTER)
    widths = [width * 0.44, width * 0.24, width * 0.32]
    rows: list[list[object]] = []
    for member in members:
        position, name = split_member(member)
        rows.append([
            Paragraph(esc(cap_lines(position, sign, widths[0], 4)), sign),
            [Spacer(1, 3 * mm), Paragraph("_" * 16, line_style), Paragraph(esc(tr("signature", doc.lang)), s.caption)],
            Paragraph(esc(cap_lines(name, sign, widths[2], 3)), name_style),
        ])
    table = Table(rows, colWidths=widths, hAlign="LEFT")
    table.setStyle(TableStyle([
        ("FONTNAME", (0, 0), (-1, -1), s.fonts.serif.regular),
        ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (0, -1), 6 * mm),
        ("TOPPADDING", (0, 0), (-1, -1), 3 * mm),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
    ]))
    return table
