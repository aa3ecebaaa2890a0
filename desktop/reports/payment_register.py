"""The payment register for the finance department: approved claims not yet paid, with totals.

A row per claim: the claim (number, filing date), the payee (the claimant, with the INN when
recorded), whether the bank details were received (the `bank_details` document, with its date;
NOT RECEIVED in bold otherwise: finance cannot pay without them), the decision (number over
date), the approved amount, and a note when the amount was approved above what the office's
payment rules propose (interchange.md, "Payment rules"; `payment_rules.claim_proposal`). Then
the total in figures and in words («… (восемьдесят пять тысяч рублей 00 копеек)»; in figures alone
from 10^12 on, see `total_line`) and signature lines for the executor, the chief accountant and the
head (the office's signatory).

Laid out as the claims register (`register.stream_register`), so 20,000 rows stream from the
store into page-sized grids. The same rows go to an `.xlsx` (`write_payment_workbook`) with real
numbers and dates for the accountants' own sheets.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

from reportlab.lib.enums import TA_CENTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer, Table, TableStyle

from desktop.domain.money_words import LIMIT as WORDS_LIMIT
from desktop.domain.money_words import amount_in_words
from desktop.domain.views import ClaimRow, Filters, OfficeSettings
from desktop.domain.words import DASH, Lang, count, day, money, shown_number
from desktop.files import written_whole

from .fonts import ReportFonts
from .grid import LEFT, RIGHT
from .layout import ReportDocument, Strong, cap_lines, esc, fit_widths, para
from .register import FONT_SIZE, SIDE_PAD, describe_filters, grid_look, stream_register, subtitle_line
from .texts import tr


@dataclass(frozen=True)
class PaymentLine:
    """One claim of the register, with what the row needs beyond the register's `ClaimRow`."""

    row: ClaimRow  # number, filing date, claimant, decision, approved amount
    inn: str | None
    bank_details_on: date | None  # the day the bank details were received; None: not received
    proposed: Decimal | None  # the payment rules' proposal when the approval is above it (flagged); else None

    @property
    def amount(self) -> Decimal:
        return self.row.approved if self.row.approved is not None else Decimal("0.00")


# (caption key, width in points; None shares the rest, 0 sized at run time)
COLUMNS: list[tuple[str, float | None]] = [
    ("col_no", 28),
    ("col_claim", 0),
    ("col_payee", None),
    ("col_bank", 0),
    ("col_decision", 70),
    ("col_amount", 72),
    ("col_flag", 0),
]
CLAIM_COL, BANK_COL, AMOUNT_COL, FLAG_COL = 1, 3, 5, 6


def build_payment_register(
    out_path: str | os.PathLike[str],
    lines: Iterable[PaymentLine],
    settings: OfficeSettings,
    *,
    filters: Filters | None = None,
    lang: Lang = "ru",
    made_at: datetime | None = None,
    progress: Callable[[int], None] | None = None,
) -> Path:
    doc = ReportDocument(out_path, settings=settings, title=tr("payreg_title", lang), lang=lang, made_at=made_at,
                         wide=True)
    return doc.build(payment_story(doc, lines, filters or Filters(), progress))


def payment_story(
    doc: ReportDocument, lines: Iterable[PaymentLine], filters: Filters, progress: Callable[[int], None] | None = None,
) -> Iterator[Flowable]:
    lang = doc.lang
    fonts = doc.styles.fonts
    align = [LEFT] * len(COLUMNS)
    align[0] = align[AMOUNT_COL] = RIGHT
    look = grid_look(fonts, payment_widths(fonts, lang, doc.width), align)
    totals = {"sum": Decimal("0.00"), "missing": 0, "above": 0}
    decided_on = tr("decided_on", lang, date="{}")
    received = tr("bank_received", lang, date="{}")
    missing = Strong(tr("bank_missing", lang))

    def cells() -> Iterator[list[str]]:
        for line in lines:
            row = line.row
            totals["sum"] += line.amount
            payee = row.claimant + ("\n" + tr("inn_short", lang, inn=line.inn) if line.inn else "")
            if line.bank_details_on is not None:
                bank: str = received.format(day(line.bank_details_on, lang))
            else:
                bank = missing
                totals["missing"] += 1
            decision = row.decision_number or DASH
            if row.decision_date is not None:
                decision += "\n" + decided_on.format(day(row.decision_date, lang))
            flag = ""
            if line.proposed is not None:
                flag = Strong(tr("flag_above", lang, proposed=money(line.proposed, lang)))
                totals["above"] += 1
            yield [f"{shown_number(row.number, lang)}\n{day(row.filed_on, lang)}", payee, bank, decision,
                   money(row.approved, lang), flag]

    def total(number: int) -> list[str]:
        return [tr("payreg_total", lang, n=count(number, lang)), *[""] * (AMOUNT_COL - 1),
                money(totals["sum"], lang), ""]

    selection = subtitle_line(tr("payreg_subtitle", lang), describe_filters(filters, lang)
                              if filters != Filters() else None)
    rows = 0

    def counted(n: int) -> None:
        nonlocal rows
        rows = n
        if progress is not None:
            progress(n)

    yield from stream_register(
        doc, look, [tr(key, lang) for key, _ in COLUMNS], cells(), subtitle=selection, total=total,
        empty=tr("payreg_empty", lang), progress=counted,
    )
    if not rows:
        return
    s = doc.styles
    closing: list[Flowable] = [Spacer(1, 4 * mm), para(total_line(totals["sum"], lang), s.body_left)]
    if totals["missing"]:
        closing.append(para(tr("payreg_bank_missing", lang, n=count(totals["missing"], lang)), s.note))
    if totals["above"]:
        closing.append(para(tr("payreg_above", lang, n=count(totals["above"], lang)), s.note))
    closing += [Spacer(1, 8 * mm), signature_lines(doc)]
    yield KeepTogether(closing)


def total_line(total: Decimal, lang: Lang) -> str:
    """«Итого к выплате: 85 000,00 ₽ (восемьдесят пять тысяч рублей 00 копеек).»

    Each amount is below 10^12, as are the words (`money_words.LIMIT`), but a register's total
    may pass it: then the line gives the figures and says why there are no words.
    """
    if total >= WORDS_LIMIT:
        return tr("payreg_figures_only", lang, amount=money(total, lang))
    return tr("payreg_words", lang, amount=money(total, lang), words=amount_in_words(total, lang))


def signature_lines(doc: ReportDocument) -> Table:
    """Executor, chief accountant and head: a role, a line to sign on, a line for the name (the
    head's filled from the office's signatory)."""
    s, lang, width = doc.styles, doc.lang, doc.width
    style = ParagraphStyle("pay_sign", parent=s.body_left, fontSize=11, leading=13.5)
    centre = ParagraphStyle("pay_sign_centre", parent=style, alignment=TA_CENTER)
    widths = [width * 0.34, width * 0.22, width * 0.04, width * 0.30]
    settings = doc.settings
    head_role = cap_lines(settings.signatory_position, style, widths[0], 3) or tr("sign_head", lang)
    head_name = cap_lines(settings.signatory_name, style, widths[3], 2)
    rows: list[list[object]] = []
    for role, name in ((tr("sign_executor", lang), ""), (tr("sign_accountant", lang), ""), (head_role, head_name)):
        rows.append([Paragraph(esc(role), style), Paragraph("_" * 18, centre), "",
                     Paragraph(esc(name) if name else "_" * 26, centre)])
        rows.append(["", Paragraph(esc(tr("signature", lang)), s.caption), "",
                     Paragraph(esc(tr("sign_name", lang)), s.caption)])
    table = Table(rows, colWidths=widths, hAlign="LEFT")
    table.setStyle(TableStyle([
        ("FONTNAME", (0, 0), (-1, -1), s.fonts.serif.regular),
        ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), 0),
        *(("TOPPADDING", (0, r), (-1, r), 6 * mm) for r in range(0, len(rows), 2)),
        *(("TOPPADDING", (0, r), (-1, r), 0) for r in range(1, len(rows), 2)),
    ]))
    return table


def payment_widths(fonts: ReportFonts, lang: Lang, width: float) -> list[float]:
    """Claim numbers and the bank column as wide as their longest text in the report's language."""
    def widest(texts: Iterable[str], font: str) -> float:
        return max(stringWidth(t, font, FONT_SIZE) for t in texts) + 2 * SIDE_PAD + 1

    spec = [w for _, w in COLUMNS]
    spec[CLAIM_COL] = widest([shown_number("CLM-2026-99999", lang)], fonts.sans.regular)
    spec[BANK_COL] = max(widest([tr("bank_received", lang, date="28.02.2026")], fonts.sans.regular),
                         widest([tr("bank_missing", lang)], fonts.sans.bold))
    # The note's amount never breaks (a sum up to 99 999 999,99 on one line, in bold)
    spec[FLAG_COL] = widest(tr("flag_above", lang, proposed=money(Decimal("99999999.99"), lang)).split("\n"),
                            fonts.sans.bold)
    return fit_widths(spec, width)


# ---- the workbook -------------------------------------------------------------------------------

def write_payment_workbook(
    out_path: str | os.PathLike[str],
    lines: Iterable[PaymentLine],
    settings: OfficeSettings,
    *,
    filters: Filters | None = None,
    lang: Lang = "ru",
    made_at: datetime | None = None,
) -> Path:
    """The same register as an `.xlsx`: a row per claim with dates as dates and amounts as numbers
    (roubles, two decimals), the total as a number and in words under it. Text cells are mended
    as the export mends them (`exchange.spreadsheet.cell_text`); the workbook names Incident Log
    as its creator, so that a later report may replace it."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    from desktop.exchange.spreadsheet import DAY, MONEY, cell_text

    from .destination import OUR_CREATOR

    made_at = made_at or datetime.now().astimezone()
    out = Path(out_path)
    book = Workbook()
    sheet = book.active
    sheet.title = tr("payreg_title", lang)[:31]
    book.properties.creator = OUR_CREATOR
    book.properties.title = tr("payreg_title", lang)

    def text(value: str | None) -> str | None:
        return cell_text(value)[0] if value else value

    bold = Font(bold=True)
    head = [tr("col_no", lang), tr("col_claim", lang), tr("col_filed", lang), tr("col_payee", lang), "ИНН" if lang == "ru"
            else "INN", tr("col_bank", lang), tr("f_decision_number", lang), tr("f_decision_date", lang),
            tr("col_amount", lang), tr("col_flag", lang)]
    filters = filters or Filters()
    preamble = [settings.office_name or tr("office_unset", lang), tr("payreg_title", lang),
                subtitle_line(tr("payreg_subtitle", lang), describe_filters(filters, lang) if filters != Filters() else None),
                tr("made_on", lang, when=made_at.strftime("%d.%m.%Y %H:%M"))]
    # Rows counted here: openpyxl's `max_row` walks every cell, and 20,000 rows made that quadratic.
    r = 0
    for n, line in enumerate(preamble):
        sheet.append([text(line)])
        r += 1
        if n < 2:
            sheet.cell(row=r, column=1).font = bold
    sheet.append([])
    sheet.append(head)
    r += 2
    head_row = r
    for cell in sheet[head_row]:
        cell.font = bold
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    total = Decimal("0.00")
    n = 0
    for n, line in enumerate(lines, start=1):
        row = line.row
        total += line.amount
        flag = None
        if line.proposed is not None:
            flag = tr("flag_above", lang, proposed=money(line.proposed, lang)).replace("\n", " ")
        sheet.append([n, text(shown_number(row.number, lang)), row.filed_on, text(row.claimant), text(line.inn),
                      line.bank_details_on if line.bank_details_on else tr("bank_missing", lang),
                      text(row.decision_number), row.decision_date,
                      float(row.approved) if row.approved is not None else None, flag])
        r += 1
        sheet.cell(row=r, column=3).number_format = DAY
        sheet.cell(row=r, column=6).number_format = DAY
        sheet.cell(row=r, column=8).number_format = DAY
        sheet.cell(row=r, column=9).number_format = MONEY
        for col in (2, 4, 5, 7):  # a name starting with «=» is text, never a formula
            cell = sheet.cell(row=r, column=col)
            if isinstance(cell.value, str) and cell.value.startswith("="):
                cell.data_type = "s"
    if n:
        sheet.append([tr("payreg_total", lang, n=count(n, lang)), None, None, None, None, None, None, None, float(total)])
        r += 1
        sheet.cell(row=r, column=9).number_format = MONEY
        for cell in sheet[r]:
            cell.font = bold
        sheet.append([total_line(total, lang)])
    else:
        sheet.append([tr("payreg_empty", lang)])
    for col, width in enumerate((6, 16, 12, 40, 14, 16, 14, 12, 16, 34), start=1):
        sheet.column_dimensions[get_column_letter(col)].width = width
    sheet.freeze_panes = sheet.cell(row=head_row + 1, column=1)
    with written_whole(out) as partial:
        book.save(partial)
    return out
