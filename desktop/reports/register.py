"""Register of claims: one row per claim, on as many landscape pages as it takes, with totals.

Registers run to tens of thousands of rows, so speed matters more here than anywhere else:
- rows arrive from the store's iterator and leave as page-sized grids built on demand (see
  `layout._FlowableStream`), never all in memory;
- cells are plain strings wrapped by hand (`grid.TextWrapper`; a Paragraph per cell costs ten
  times more) and drawn straight on the canvas by `grid.Grid` (reportlab's Table styles every
  cell and was slower than LibreOffice printing the same rows), so every row's height is known
  before layout and each grid holds exactly one page;
- values repeated on thousands of rows (incident, district, status) are wrapped once;
- a name of any length goes on over continuation rows, across pages if it must: nothing is cut.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
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
from .layout import ReportDocument, fit_widths, para, title_block
from .texts import tr

FONT_SIZE = 8.0
LEADING = 9.6
TOP_PAD = 2.0
BOTTOM_PAD = 2.6
SIDE_PAD = 3.0
# (caption key, width in points or None to share the rest): fixed columns fit their values on
# one line (`CLM-2026-99999`, `999 999 999,99 ₽`); the status column is sized at run time to the
# longest status name in the report's language; claimants and districts wrap.
COLUMNS: list[tuple[str, float | None]] = [
    ("col_no", 30),
    ("col_claim", 70),
    ("col_filed", 46),
    ("col_claimant", None),
    ("col_incident", 66),
    ("col_district", 100),
    ("col_status", 0),
    ("col_requested", 70),
    ("col_approved", 70),
    ("col_paid", 70),
]
STATUS_COL = 6
MONEY_COLS = (7, 8, 9)
_FIT_SLACK = 1.0  # points kept free per page so rounding never pushes a table onto two pages


def build_register(
    out_path: str | os.PathLike[str],
    rows: Iterable[ClaimRow],
    settings: OfficeSettings,
    *,
    filters: Filters | None = None,
    lang: Lang = "ru",
    made_at: datetime | None = None,
    progress: Callable[[int], None] | None = None,
) -> Path:
    """Write the register of the rows given (the store's `iter_claim_rows(filters)`).

    `progress(rows_done)` is called after each page's rows; an exception it raises stops the
    build (a window's Cancel) and no file is left behind.
    """
    doc = ReportDocument(
        out_path, settings=settings, title=tr("register_title", lang), lang=lang, made_at=made_at, wide=True
    )
    return doc.build(register_story(doc, rows, filters or Filters(), progress))


def describe_filters(filters: Filters, lang: Lang, *, date_key: str = "filter_filed") -> str:
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
        parts.append(tr("filter_status", lang, v=label(filters.status, lang)))
    # The window's filter bar has more than the command line's FILTERS; a printed register says
    # every condition it was made with.
    if filters.incident_kind:
        parts.append(tr("filter_incident_kind", lang, v=label(filters.incident_kind, lang)))
    if filters.incident_status:
        parts.append(tr("filter_incident_status", lang, v=label(filters.incident_status, lang)))
    if filters.text:
        parts.append(tr("filter_text", lang, v=filters.text))
    if filters.overdue_only:
        parts.append(tr("filter_overdue", lang))
    if not parts:
        return tr("filters_all", lang)
    text = "; ".join(parts)
    return text[0].upper() + text[1:]


def register_look(fonts: ReportFonts, lang: Lang, width: float) -> GridLook:
    """The other reports' ruled grid in the register's smaller type, with zebra stripes.

    Numbers and amounts are right-aligned; dates stay left (same width, and centring would
    measure 20,000 more strings).
    """
    align = [LEFT] * len(COLUMNS)
    for col in (0, *MONEY_COLS):
        align[col] = RIGHT
    return GridLook(
        widths=register_widths(fonts, lang, width),
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


def register_story(
    doc: ReportDocument,
    rows: Iterable[ClaimRow],
    filters: Filters,
    progress: Callable[[int], None] | None = None,
) -> Iterator[Flowable]:
    """Title, then one grid per page as rows arrive, the last one ending with the totals."""
    lang, s = doc.lang, doc.styles
    look = register_look(s.fonts, lang, doc.width)
    maker = GridRows(look, keep=False)  # rows leave page by page; nothing is kept for the whole register
    head = maker.head([tr(key, lang) for key, _ in COLUMNS])

    start: list[Flowable] = title_block(doc.title, describe_filters(filters, lang), s)
    used = 0.0
    for flowable in start:
        _, h = flowable.wrap(doc.width, doc.height)
        used += h + flowable.getSpaceBefore() + flowable.getSpaceAfter()
    yield from start

    status_labels: dict[Any, str] = {}
    available = doc.height - used - _FIT_SLACK - head.height
    page_rows: list[GridRow] = []
    page_height = 0.0
    number = 0
    requested = approved = paid = Decimal("0.00")
    cached = (4, 5, 6)  # incident, district, status: the same few values on thousands of rows

    for row in rows:
        number += 1
        status = status_labels.get(row.status)
        if status is None:
            status = status_labels[row.status] = label(row.status, lang)
        cells = [
            str(number),
            shown_number(row.number, lang),
            day(row.filed_on, lang),
            row.claimant,
            shown_number(row.incident_reference, lang),
            row.district,
            status,
            money(row.requested, lang),
            money(row.approved, lang),
            money(row.paid, lang),
        ]
        if row.requested is not None:
            requested += row.requested
        if row.approved is not None:
            approved += row.approved
        if row.paid is not None:
            paid += row.paid
        pieces = maker.add(cells, cache=cached)
        for piece in pieces:
            if page_height + piece.height > available and page_rows:
                if progress is not None:
                    progress(number - 1)
                yield Grid(look, head, page_rows)
                available = doc.height - _FIT_SLACK - head.height
                page_rows, page_height = [], 0.0
            page_rows.append(piece)
            page_height += piece.height

    if number == 0:
        yield para(tr("no_rows", lang), s.note)
        return
    totals = [
        tr("register_total", lang, n=count(number, lang)),
        "", "", "", "", "", "",
        money(requested, lang),
        money(approved, lang),
        money(paid, lang),
    ]
    for piece in maker.total(totals):
        if page_height + piece.height > available and page_rows:
            yield Grid(look, head, page_rows)
            available = doc.height - _FIT_SLACK - head.height
            page_rows, page_height = [], 0.0
        page_rows.append(piece)
        page_height += piece.height
    if progress is not None:
        progress(number)
    yield Grid(look, head, page_rows)


def register_widths(fonts: ReportFonts, lang: Lang, width: float) -> list[float]:
    """The columns in points: the status column as wide as its longest name, claimants the rest."""
    longest = max(stringWidth(label(st, lang), fonts.sans.regular, FONT_SIZE) for st in ClaimStatus)
    spec = [w for _, w in COLUMNS]
    spec[STATUS_COL] = longest + 2 * SIDE_PAD + 1
    return fit_widths(spec, width)
