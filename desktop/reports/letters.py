"""The parts every letter to a claimant shares: the head, the greeting, the officer in charge.

Laid out as Russian official letters are: the outgoing number, what it answers and the subject on
the left; the addressee on the right, in Russian in the dative («Кузнецову Игорю Петровичу»;
an organisation or entrepreneur as written), with the address the letter is posted to; the
greeting by gender («Уважаемая Анна Викторовна!», an entrepreneur by name, an organisation
«Уважаемые господа!»; `domain.declension`). The identity document never appears on a letter.
"""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.lib.enums import TA_CENTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer, Table, TableStyle

from desktop.domain.declension import dative, greeting
from desktop.domain.models import Person
from desktop.domain.words import Lang

from .layout import ReportDocument, esc, paragraph_pieces
from .texts import tr


def addressee(claimant: Person, lang: Lang) -> str:
    """The name the letter is addressed to: declined into the dative on Russian paper."""
    return dative(claimant.full_name, claimant.kind.value) if lang == "ru" else claimant.full_name


def letter_head(doc: ReportDocument, reply_to: str, subject: str, claimant: Person | None) -> list[Flowable]:
    """Outgoing number, «На заявление № … от …» and the subject beside the addressee and address.

    An address longer than a piece of the page goes on over rows of the right-hand column, so the
    letter breaks inside it rather than failing.
    """
    s, width = doc.styles, doc.width
    left_style = ParagraphStyle("letter_left", parent=s.body_left, fontSize=10.5, leading=13)
    right_style = ParagraphStyle("letter_right", parent=s.body_left, fontSize=12, leading=15)
    left: list[Flowable] = [
        Paragraph(esc(tr("letter_outgoing", doc.lang)), left_style),
        Spacer(1, 2 * mm),
        Paragraph(esc(reply_to), left_style),
        Spacer(1, 5 * mm),
        Paragraph(f"<b>{esc(subject, bold=True)}</b>", left_style),
    ]
    right: list[Paragraph] = []
    if claimant is not None:
        right.append(Paragraph(f"<b>{esc(addressee(claimant, doc.lang), bold=True)}</b>", right_style))
        if claimant.address:
            right.append(Paragraph(esc(claimant.address), right_style))
    right_width = width * 0.5
    pieces = [piece for p in right for piece in paragraph_pieces(p, right_width)]
    rows: list[list[object]] = [[left, pieces if len(pieces) == len(right) else pieces[:1]]]
    if len(pieces) > len(right):
        rows += [["", piece] for piece in pieces[1:]]
    head = Table(rows, colWidths=[width * 0.5, right_width], hAlign="LEFT")
    head.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), s.fonts.serif.regular),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (0, -1), 10 * mm),
                ("RIGHTPADDING", (1, 0), (1, -1), 0),
                ("TOPPADDING", (1, 1), (1, -1), 0),
                ("BOTTOMPADDING", (1, 0), (1, -1), 0),
            ]
        )
    )
    return [Spacer(1, 4 * mm), head, Spacer(1, 10 * mm)]


def salutation(doc: ReportDocument, claimant: Person | None) -> Paragraph:
    """«Уважаемый Игорь Петрович!» centred above the text; «Уважаемые господа!» for an organisation."""
    style = ParagraphStyle("salutation", parent=doc.styles.body, alignment=TA_CENTER, firstLineIndent=0, spaceAfter=8)
    if claimant is not None:
        text = greeting(claimant.full_name, claimant.kind.value, doc.lang)
    else:
        text = tr("salutation_org", doc.lang)
    return Paragraph(esc(text), style)


def body(doc: ReportDocument, texts: Sequence[str]) -> list[Flowable]:
    """Paragraphs of the letter's text, justified with an indented first line; any length flows on."""
    return [Paragraph(esc(text), doc.styles.body) for text in texts if text]


def officer_in_charge(doc: ReportDocument, name: str | None) -> list[Flowable]:
    """«Исп.: Соколова И. П.» in small type under the signature, as official letters end."""
    if not name:
        return []
    return [Spacer(1, 12 * mm), Paragraph(esc(tr("notice_executor", doc.lang, name=name)), doc.styles.note)]
