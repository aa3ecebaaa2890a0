"""Register of claims: one row per claim, on as many landscape pages as it takes, with totals.

Registers run to tens of thousands of rows, so speed matters more here than anywhere else:
- rows arrive from the store's iterator and leave as page-sized tables built on demand (see
  `layout._FlowableStream`), never all in memory; one giant LongTable is about 4x slower;
- cells are plain strings wrapped by hand with `simpleSplit` (a Paragraph per cell costs ten
  times more), so every row's height is known before the table is made and each table holds
  exactly one page;
- the table style is one shared command list, and values repeated on thousands of rows
  (district, status) are wrapped once.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from datetime import datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, Table, TableStyle

from desktop.domain.enums import ClaimStatus
from desktop.domain.views import ClaimRow, Filters, OfficeSettings

from .fonts import ReportFonts
from .format import Lang, count, day, label, money
from .layout import ReportDocument, fit_widths, grid_style, para, title_block
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
MAX_LINES = 12  # per cell; the store allows 300 characters of name, about 11 lines here
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
    if filters.district:
        parts.append(tr("filter_district", lang, v=filters.district))
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


class _Wrapper:
    """Breaks plain text into lines that fit a column, caching values that repeat."""

    def __init__(self, font: str, size: float) -> None:
        self.font = font
        self.size = size
        self._cache: dict[tuple[str, float], str] = {}

    def __call__(self, text: str, width: float, *, cache: bool = False) -> str:
        if cache:
            key = (text, width)
            hit = self._cache.get(key)
            if hit is None:
                hit = self._cache[key] = self._wrap(text, width)
            return hit
        return self._wrap(text, width)

    def _wrap(self, text: str, width: float) -> str:
        if stringWidth(text, self.font, self.size) <= width:
            return text
        lines: list[str] = []
        for line in simpleSplit(text, self.font, self.size, width):
            lines += self._break_word(line, width)
        if len(lines) > MAX_LINES:  # a row taller than a page could not be laid out at all
            lines = [*lines[: MAX_LINES - 1], lines[MAX_LINES - 1].rstrip() + "…"]
        return "\n".join(lines)

    def _break_word(self, line: str, width: float) -> list[str]:
        """A word longer than the column (a long e-mail, a company's code) is cut by characters."""
        if stringWidth(line, self.font, self.size) <= width:
            return [line]
        pieces, current = [], ""
        for ch in line:
            if current and stringWidth(current + ch, self.font, self.size) > width:
                pieces.append(current)
                current = ch
            else:
                current += ch
        return [*pieces, current] if current else pieces


def register_story(
    doc: ReportDocument,
    rows: Iterable[ClaimRow],
    filters: Filters,
    progress: Callable[[int], None] | None = None,
) -> Iterator[Flowable]:
    """Title, then one table per page as rows arrive, the last one ending with the totals."""
    lang, s = doc.lang, doc.styles
    fonts = s.fonts
    widths = register_widths(fonts, lang, doc.width)
    inner = [w - 2 * SIDE_PAD for w in widths]
    wrap = _Wrapper(fonts.sans.regular, FONT_SIZE)
    bold_wrap = _Wrapper(fonts.sans.bold, FONT_SIZE)

    head: list[str] = [bold_wrap(tr(key, lang), inner[i]) for i, (key, _) in enumerate(COLUMNS)]
    head_height = _height(max(h.count("\n") for h in head) + 1)
    row_style = TableStyle(_register_style(fonts, totals=False))

    start: list[Flowable] = title_block(doc.title, describe_filters(filters, lang), s)
    used = 0.0
    for flowable in start:
        _, h = flowable.wrap(doc.width, doc.height)
        used += h + flowable.getSpaceBefore() + flowable.getSpaceAfter()
    yield from start

    status_labels: dict[Any, str] = {}
    available = doc.height - used - _FIT_SLACK
    page_rows: list[list[str]] = [head]
    page_heights: list[float] = [head_height]
    page_height = head_height
    number = 0
    requested = approved = paid = Decimal("0.00")

    for row in rows:
        number += 1
        status = status_labels.get(row.status)
        if status is None:
            status = status_labels[row.status] = label(row.status, lang)
        cells = [
            str(number),
            wrap(row.number, inner[1]),
            day(row.filed_on, lang),
            wrap(row.claimant, inner[3]),
            wrap(row.incident_reference, inner[4], cache=True),
            wrap(row.district, inner[5], cache=True),
            wrap(status, inner[6], cache=True),
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
        lines = max(c.count("\n") for c in cells) + 1
        h = _height(lines)
        if page_height + h > available and len(page_rows) > 1:
            if progress is not None:
                progress(number - 1)
            yield _table(page_rows, widths, page_heights, row_style)
            available = doc.height - _FIT_SLACK
            page_rows, page_heights, page_height = [head], [head_height], head_height
        page_rows.append(cells)
        page_heights.append(h)
        page_height += h

    if number == 0:
        yield para(tr("no_rows", lang), s.note)
        return
    totals = [
        wrap(tr("register_total", lang, n=count(number, lang)), sum(inner[:7])),
        "", "", "", "", "", "",
        money(requested, lang),
        money(approved, lang),
        money(paid, lang),
    ]
    totals_height = _height(totals[0].count("\n") + 1) + 1
    if page_height + totals_height > available:
        yield _table(page_rows, widths, page_heights, row_style)
        page_rows, page_heights = [head], [head_height]
    page_rows.append(totals)
    page_heights.append(totals_height)
    commands = _register_style(fonts, totals=True)
    # A region's year of sums can outgrow a money column: shrink that one figure, never clip it.
    for col in MONEY_COLS:
        natural = stringWidth(totals[col], fonts.sans.bold, FONT_SIZE)
        if natural > inner[col]:
            commands.append(("FONTSIZE", (col, -1), (col, -1), max(5.0, FONT_SIZE * inner[col] / natural)))
    if progress is not None:
        progress(number)
    yield _table(page_rows, widths, page_heights, TableStyle(commands))


def register_widths(fonts: ReportFonts, lang: Lang, width: float) -> list[float]:
    """The columns in points: the status column as wide as its longest name, claimants the rest."""
    longest = max(stringWidth(label(st, lang), fonts.sans.regular, FONT_SIZE) for st in ClaimStatus)
    spec = [w for _, w in COLUMNS]
    spec[STATUS_COL] = longest + 2 * SIDE_PAD + 1
    return fit_widths(spec, width)


def _height(lines: int) -> float:
    return lines * LEADING + TOP_PAD + BOTTOM_PAD


def _table(rows: list[list[str]], widths: list[float], heights: list[float], style: TableStyle) -> Table:
    # Explicit row heights: the table need not measure its cells; repeatRows keeps the header if
    # a table ever has to split after all.
    return Table(rows, colWidths=widths, rowHeights=heights, repeatRows=1, style=style, hAlign="LEFT")


def _register_style(fonts: ReportFonts, *, totals: bool) -> list[tuple[Any, ...]]:
    """The other reports' ruled table with the register's smaller type.

    Numbers and amounts are right-aligned; dates stay left (same width, and centring would
    measure 20,000 more strings).
    """
    right = (0, *MONEY_COLS)
    commands = grid_style(
        fonts,
        right_cols=right,
        total_rows=1 if totals else 0,
        zebra=True,
        font_size=FONT_SIZE,
        leading=LEADING,
        padding=(TOP_PAD, BOTTOM_PAD, SIDE_PAD),
    )
    if totals:
        commands.append(("SPAN", (0, -1), (6, -1)))
        commands.append(("ALIGN", (0, -1), (0, -1), "LEFT"))
    return commands
