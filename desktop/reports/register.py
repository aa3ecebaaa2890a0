"""Registers: one row per record, on as many landscape pages as it takes, with totals.

The register of claims is here; the register of incidents (`incidents_register`) is laid out by
the same `stream_register`. Registers run to tens of thousands of rows, so speed matters more
here than anywhere else:
- rows arrive from the store's iterator and leave as page-sized grids built on demand (see
  `layout._FlowableStream`), never all in memory;
- cells are plain strings wrapped by hand (`grid.TextWrapper`; a Paragraph per cell costs ten
  times more) and drawn straight on the canvas by `grid.Grid` (reportlab's Table styles every
  cell and was slower than LibreOffice printing the same rows), so every row's height is known
  before layout and each grid holds exactly one page;
- values repeated on thousands of rows (incident, district, status) are wrapped once;
- a name of any length goes on over continuation rows, across pages if it must: nothing is cut.

A register prints what was selected and in which order (the window's filters and sort), so a
printed page is never mistaken for all records or read in the wrong order.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from datetime import datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable

from desktop.domain.enums import ClaimStatus
from desktop.domain.views import ClaimRow, Filters, OfficeSettings
from desktop.domain.words import Lang, count, day, label, money, shown_number

from .fonts import ReportFonts
from .grid import LEFT, RIGHT, Grid, GridLook, GridRow, GridRows
from .layout import ReportDocument, Strong, fit_widths, para, title_block
from .texts import tr

FONT_SIZE = 8.0
LEADING = 9.6
TOP_PAD = 2.0
BOTTOM_PAD = 2.6
SIDE_PAD = 3.0
# (caption key, width in points, None to share the rest, 0 sized at run time): fixed columns fit
# their values on one line (`28.02.2026` in bold, `9 999 999,99 ₽`: a larger sum wraps, and the
# total row sets a wide sum smaller); the numbers (`З-2026-99999`, `CLM-2026-99999`) and the
# status (its longest name) are measured in the report's language; a district's longest word
# fits (`Малоярославецкий`), a typical full name fits one line; longer ones wrap.
# The answer date is `deadlines.answer_due` (ClaimRow.answer_due); the decision is its number
# over its date.
COLUMNS: list[tuple[str, float | None]] = [
    ("col_no", 28),
    ("col_claim", 0),
    ("col_filed", 45),
    ("col_claimant", None),
    ("col_incident", 0),
    ("col_district", 76),
    ("col_status", 0),
    ("col_answer_due", 47),
    ("col_decision", 56),
    ("col_requested", 62),
    ("col_approved", 62),
    ("col_paid", 62),
]
NUMBER_COL, INCIDENT_COL, STATUS_COL = 1, 4, 6
MONEY_COLS = (9, 10, 11)
CACHED = (4, 5, 6)  # incident, district, status: the same few values on thousands of rows
_FIT_SLACK = 1.0  # points kept free per page so rounding never pushes a table onto two pages

# The sort keys of the claims register (the window's columns) and the caption each is printed as.
CLAIM_SORT_CAPTIONS: dict[str, str] = {
    "number": "col_claim",
    "filed_on": "col_filed",
    "claimant": "col_claimant",
    "incident_reference": "col_incident",
    "district": "col_district",
    "status": "col_status",
    "requested": "col_requested",
    "approved": "col_approved",
    "paid": "col_paid",
    "days_left": "col_answer_due",
    "answer_due": "col_answer_due",
    "executor": "col_executor",
}


def build_register(
    out_path: str | os.PathLike[str],
    rows: Iterable[ClaimRow],
    settings: OfficeSettings,
    *,
    filters: Filters | None = None,
    lang: Lang = "ru",
    made_at: datetime | None = None,
    progress: Callable[[int], None] | None = None,
    sort: str | None = None,
    descending: bool = False,
) -> Path:
    """Write the register of the rows given (the store's `iter_claim_rows(filters, sort=…)`), in
    their order; `sort` and `descending` say what that order is (printed under the title).

    `progress(rows_done)` is called after each page's rows; an exception it raises stops the
    build (a window's Cancel) and no file is left behind.
    """
    doc = ReportDocument(
        out_path, settings=settings, title=tr("register_title", lang), lang=lang, made_at=made_at, wide=True
    )
    return doc.build(register_story(doc, rows, filters or Filters(), progress, sort=sort, descending=descending))


def describe_filters(
    filters: Filters, lang: Lang, *, date_key: str = "filter_filed", all_key: str = "filters_all",
    status_key: str = "filter_status", overdue_key: str = "filter_overdue",
) -> str:
    """One line saying what was selected, so a printed register is never mistaken for all claims."""
    parts: list[str] = []
    a = day(filters.date_from, lang) if filters.date_from else None
    b = day(filters.date_to, lang) if filters.date_to else None
    if a and b:
        parts.append(tr(date_key, lang, span=tr("span_from_to", lang, a=a, b=b)))
    elif a:
        parts.append(tr(date_key, lang, span=tr("span_from", lang, a=a)))
    elif b:
        parts.append(tr(date_key, lang, span=tr("span_to", lang, b=b)))
    if filters.districts:
        parts.append(tr("filter_district", lang, v=", ".join(filters.districts)))
    if filters.status:
        parts.append(tr(status_key, lang, v=label(filters.status, lang)))
    # The window's filter bar has more than the command line's FILTERS; a printed register says
    # every condition it was made with.
    if filters.incident_kind:
        parts.append(tr("filter_incident_kind", lang, v=label(filters.incident_kind, lang)))
    if filters.incident_status:
        parts.append(tr("filter_incident_status", lang, v=label(filters.incident_status, lang)))
    if filters.executor:
        parts.append(tr("filter_executor", lang, v=filters.executor))
    if filters.has_vehicles:
        parts.append(tr("filter_has_vehicles", lang))
    if filters.has_properties:
        parts.append(tr("filter_has_properties", lang))
    if filters.text:
        parts.append(tr("filter_text", lang, v=filters.text))
    if filters.overdue_only:
        parts.append(tr(overdue_key, lang))
    if not parts:
        return tr(all_key, lang)
    text = "; ".join(parts)
    return text[0].upper() + text[1:]


def describe_order(sort: str | None, descending: bool, captions: Mapping[str, str], lang: Lang) -> str | None:
    """«по графе «Район», по убыванию»: the order the rows were printed in (None: the default order)."""
    key = captions.get(sort or "")
    if key is None:
        return None
    return tr("order_desc" if descending else "order_asc", lang, column=tr(key, lang))


def subtitle_line(selection: str, order: str | None) -> str:
    return f"{selection}; {order}" if order else selection


def register_look(fonts: ReportFonts, lang: Lang, width: float) -> GridLook:
    """The other reports' ruled grid in the register's smaller type, with zebra stripes.

    Numbers and amounts are right-aligned; dates stay left (same width, and centring would
    measure 20,000 more strings).
    """
    align = [LEFT] * len(COLUMNS)
    for col in (0, *MONEY_COLS):
        align[col] = RIGHT
    return grid_look(fonts, register_widths(fonts, lang, width), align)


def grid_look(fonts: ReportFonts, widths: Sequence[float], align: Sequence[str]) -> GridLook:
    """A register's grid: the registers' small type, zebra stripes."""
    return GridLook(
        widths=widths,
        font=fonts.sans.regular,
        bold=fonts.sans.bold,
        size=FONT_SIZE,
        leading=LEADING,
        top=TOP_PAD,
        bottom=BOTTOM_PAD,
        side=SIDE_PAD,
        align=align,
        zebra=True,
    )


def stream_register(
    doc: ReportDocument,
    look: GridLook,
    captions: Sequence[str],
    rows: Iterable[Sequence[str]],
    *,
    subtitle: str,
    total: Callable[[int], Sequence[str]],
    empty: str,
    cached: Iterable[int] = (),
    progress: Callable[[int], None] | None = None,
) -> Iterator[Flowable]:
    """Title, then one grid per page as rows arrive, the last one ending with the totals.

    `rows` gives each row's cells after the row number (the first column, filled here); a cell
    that is a `layout.Strong` is printed in bold. `total(rows)` is asked once every row is
    placed (so the caller's sums are complete) and gives the total row's cells, the first a
    caption spanning the empty cells after it. `progress(rows_done)` is called page by page.
    """
    s = doc.styles
    maker = GridRows(look, keep=False)  # rows leave page by page; nothing is kept for the whole register
    head = maker.head(captions)
    cache = frozenset(cached)

    start: list[Flowable] = title_block(doc.title, subtitle, s)
    used = 0.0
    for flowable in start:
        _, h = flowable.wrap(doc.width, doc.height)
        used += h + flowable.getSpaceBefore() + flowable.getSpaceAfter()
    yield from start

    available = doc.height - used - _FIT_SLACK - head.height
    page_rows: list[GridRow] = []
    page_height = 0.0
    number = 0

    for values in rows:
        number += 1
        cells = [str(number), *values]
        bold = [i for i, v in enumerate(cells) if type(v) is Strong]
        for piece in maker.add(cells, bold=bold, cache=cache):
            if page_height + piece.height > available and page_rows:
                if progress is not None:
                    progress(number - 1)
                yield Grid(look, head, page_rows)
                available = doc.height - _FIT_SLACK - head.height
                page_rows, page_height = [], 0.0
            page_rows.append(piece)
            page_height += piece.height

    if number == 0:
        yield para(empty, s.note)
        return
    for piece in maker.total(total(number)):
        if page_height + piece.height > available and page_rows:
            yield Grid(look, head, page_rows)
            available = doc.height - _FIT_SLACK - head.height
            page_rows, page_height = [], 0.0
        page_rows.append(piece)
        page_height += piece.height
    if progress is not None:
        progress(number)
    yield Grid(look, head, page_rows)


def register_story(
    doc: ReportDocument,
    rows: Iterable[ClaimRow],
    filters: Filters,
    progress: Callable[[int], None] | None = None,
    *,
    sort: str | None = None,
    descending: bool = False,
) -> Iterator[Flowable]:
    """The claims register: a row per claim, its answer date in bold when overdue on the day
    the register is made, and totals (with how many are overdue)."""
    lang = doc.lang
    look = register_look(doc.styles.fonts, lang, doc.width)
    today = doc.made_at.date()
    status_labels: dict[Any, str] = {}
    requested = approved = paid = Decimal("0.00")
    overdue = 0
    decided_on = tr("decided_on", lang, date="{}")

    def lines() -> Iterator[list[str]]:
        nonlocal requested, approved, paid, overdue
        for row in rows:
            status = status_labels.get(row.status)
            if status is None:
                status = status_labels[row.status] = label(row.status, lang)
            answer = day(row.answer_due, lang)
            if row.overdue(today):  # `deadlines.is_overdue`, judged on the day the register is made
                answer = Strong(answer)
                overdue += 1
            decision = ""
            if row.decision_number is not None:
                decision = row.decision_number
                if row.decision_date is not None:
                    decision += "\n" + decided_on.format(day(row.decision_date, lang))
            if row.requested is not None:
                requested += row.requested
            if row.approved is not None:
                approved += row.approved
            if row.paid is not None:
                paid += row.paid
            yield [
                shown_number(row.number, lang),
                day(row.filed_on, lang),
                row.claimant,
                shown_number(row.incident_reference, lang),
                row.district,
                status,
                answer,
                decision,
                money(row.requested, lang),
                money(row.approved, lang),
                money(row.paid, lang),
            ]

    def total(number: int) -> list[str]:
        caption = tr("register_total", lang, n=count(number, lang))
        if overdue:
            caption += tr("register_overdue", lang, n=count(overdue, lang), day=day(today, lang))
        return [caption, *[""] * (MONEY_COLS[0] - 1), money(requested, lang), money(approved, lang), money(paid, lang)]

    order = describe_order(sort, descending, CLAIM_SORT_CAPTIONS, lang)
    yield from stream_register(
        doc, look, [tr(key, lang) for key, _ in COLUMNS], lines(),
        subtitle=subtitle_line(describe_filters(filters, lang), order),
        total=total, empty=tr("no_rows", lang), cached=CACHED, progress=progress,
    )


def register_widths(fonts: ReportFonts, lang: Lang, width: float) -> list[float]:
    """The columns in points: numbers as wide as the longest of ours, the status column as its
    longest name, claimants the rest."""
    def widest(texts: Iterable[str]) -> float:
        return max(stringWidth(t, fonts.sans.regular, FONT_SIZE) for t in texts) + 2 * SIDE_PAD + 1

    spec = [w for _, w in COLUMNS]
    spec[NUMBER_COL] = widest([shown_number("CLM-2026-99999", lang)])
    spec[INCIDENT_COL] = widest([shown_number("INC-2026-99999", lang)])
    spec[STATUS_COL] = widest(label(st, lang) for st in ClaimStatus)
    return fit_widths(spec, width)
