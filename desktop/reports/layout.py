"""The page every report shares: letterhead, footer with "page N of M", styles and table helpers.

The office's name and address head every page, so a loose sheet still says whose it is; the
footer carries the date the report was made and the page numbering. The total page count is
only known at the end, so pages are numbered by a two-pass canvas (reportlab's NumberedCanvas
pattern: keep each page's state, then draw "N of M" on all of them when saving).

User text must never be read as paragraph markup: `esc()` and `para()` are the only ways user
values enter a Paragraph. They also set the characters the PT fonts lack in DejaVu (`glyphs`).
"""

from __future__ import annotations

import heapq
import os
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Flowable,
    Frame,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from desktop.domain.views import OfficeSettings
from desktop.domain.words import Lang, moment
from desktop.files import written_whole

from .fonts import ReportFonts, report_fonts
from .glyphs import draw_text, is_bold, markup, printable, text_width
from .grid import CENTRE, ELLIPSIS, LEFT, LINE_BREAKS, RIGHT, Grid, GridLook, GridRows, TextWrapper
from .texts import tr

RULE_COLOUR = colors.HexColor("#4d4d4d")
GRID_COLOUR = colors.HexColor("#8c8c8c")
HEAD_FILL = colors.HexColor("#e6e6e6")
ZEBRA_FILL = colors.HexColor("#f4f4f4")
TOTAL_FILL = colors.HexColor("#ececec")


def plain_lines(value: object) -> str:
    """User text with every kind of line break it may hold (Word's Shift+Enter is VT) as `\\n`."""
    return str(value).replace("\r\n", "\n").translate(LINE_BREAKS)


def esc(value: object, *, bold: bool = False) -> str:
    """Escape a user value for Paragraph markup; line breaks the user typed are kept, and what the
    PT fonts lack is set in DejaVu. `bold` inside `<b>` or a bold style: `<font>` resets the weight."""
    return markup(escape(plain_lines(value)).replace("\n", "<br/>"), bold=bold)


def cap_lines(text: str, style: ParagraphStyle, width: float, most: int) -> str:
    """TEXT cut to MOST lines of WIDTH with an ellipsis, for settings printed in fixed places
    (the letterhead on every page, the signature): they never eat the page."""
    lines = TextWrapper(style.fontName, style.fontSize).lines(plain_lines(text), width - 6)
    if len(lines) <= most:
        return text
    return " ".join([*lines[: most - 1], lines[most - 1][:-1].rstrip() + ELLIPSIS])


PIECE_HEIGHT = 180.0  # points: a table row holding part of a long value stays far below a page


def paragraph_pieces(paragraph: Paragraph, width: float, limit: float = PIECE_HEIGHT) -> list[Flowable]:
    """A paragraph taller than `limit` as consecutive pieces, so that a table can break between them.

    reportlab cannot split a table row, and a row taller than the page stops the whole report
    (LayoutError); a description of 10,000 characters is such a row. Long words are broken
    across lines by the styles' `splitLongWords`.
    """
    _, height = paragraph.wrap(width, 1e9)
    if height <= limit:
        return [paragraph]
    pieces: list[Flowable] = []
    rest: Flowable = paragraph
    while True:
        parts = rest.split(width, limit)
        if len(parts) < 2:
            pieces.append(rest)
            return pieces
        pieces.append(parts[0])
        rest = parts[1]


@dataclass(frozen=True)
class Styles:
    """Every style names an embedded font: reportlab's default Helvetica has no Cyrillic."""

    fonts: ReportFonts
    title: ParagraphStyle
    subtitle: ParagraphStyle
    heading: ParagraphStyle
    body: ParagraphStyle
    body_left: ParagraphStyle
    note: ParagraphStyle
    cell: ParagraphStyle
    cell_bold: ParagraphStyle
    cell_right: ParagraphStyle
    cell_right_bold: ParagraphStyle
    cell_head: ParagraphStyle
    cell_centre: ParagraphStyle
    letterhead: ParagraphStyle
    letterhead_bold: ParagraphStyle
    caption: ParagraphStyle


def make_styles(fonts: ReportFonts) -> Styles:
    serif, sans = fonts.serif, fonts.sans
    cell = ParagraphStyle("cell", fontName=sans.regular, fontSize=8.5, leading=10.2, alignment=TA_LEFT)
    return Styles(
        fonts=fonts,
        title=ParagraphStyle(
            "title", fontName=serif.bold, fontSize=14, leading=17, alignment=TA_CENTER, spaceAfter=3
        ),
        subtitle=ParagraphStyle(
            "subtitle", fontName=serif.regular, fontSize=10.5, leading=13, alignment=TA_CENTER, spaceAfter=8
        ),
        heading=ParagraphStyle(
            "heading",
            fontName=serif.bold,
            fontSize=11.5,
            leading=14,
            spaceBefore=8,
            spaceAfter=3,
        ),
        body=ParagraphStyle(
            "body",
            fontName=serif.regular,
            fontSize=12,
            leading=16,
            alignment=TA_JUSTIFY,
            firstLineIndent=12.5 * mm,
            spaceAfter=4,
        ),
        body_left=ParagraphStyle("body_left", fontName=serif.regular, fontSize=12, leading=15, alignment=TA_LEFT),
        note=ParagraphStyle("note", fontName=serif.regular, fontSize=10, leading=12.5, spaceBefore=4),
        cell=cell,
        cell_bold=ParagraphStyle("cell_bold", parent=cell, fontName=sans.bold),
        cell_right=ParagraphStyle("cell_right", parent=cell, alignment=TA_RIGHT),
        cell_right_bold=ParagraphStyle("cell_right_bold", parent=cell, fontName=sans.bold, alignment=TA_RIGHT),
        cell_head=ParagraphStyle("cell_head", parent=cell, fontName=sans.bold, alignment=TA_CENTER),
        cell_centre=ParagraphStyle("cell_centre", parent=cell, alignment=TA_CENTER),
        letterhead=ParagraphStyle("letterhead", fontName=sans.regular, fontSize=8.5, leading=10.5),
        letterhead_bold=ParagraphStyle("letterhead_bold", fontName=sans.bold, fontSize=10, leading=12.5),
        caption=ParagraphStyle(
            "caption", fontName=sans.regular, fontSize=7, leading=8.5, alignment=TA_CENTER, textColor=RULE_COLOUR
        ),
    )


def para(value: object, style: ParagraphStyle) -> Paragraph:
    """A paragraph of user text, escaped, its stand-in glyphs as bold as the style."""
    return Paragraph(esc(value, bold=is_bold(style.fontName)), style)


def grid_style(
    fonts: ReportFonts,
    *,
    header_rows: int = 1,
    right_cols: Sequence[int] = (),
    total_rows: int = 0,
    font_size: float = 8.5,
    leading: float | None = None,
    padding: tuple[float, float, float] = (2.2, 3.0, 3.0),
    zebra: bool = False,
) -> list[tuple[Any, ...]]:
    """Commands for the reports' ruled tables: grey header, thin grid, bold totals at the bottom.

    Plain-string cells take their font from here; Paragraph cells carry their own style, which
    also names an embedded font. `padding` is (top, bottom, sides). Each command is a pass over
    its cells when a table is made, so there is one of each (FONT sets name, size and leading).
    """
    sans = fonts.sans
    leading = leading or font_size * 1.2
    top, bottom, sides = padding
    commands: list[tuple[Any, ...]] = [
        ("FONT", (0, 0), (-1, -1), sans.regular, font_size, leading),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 0), (-1, -1), top),
        ("BOTTOMPADDING", (0, 0), (-1, -1), bottom),
        ("LEFTPADDING", (0, 0), (-1, -1), sides),
        ("RIGHTPADDING", (0, 0), (-1, -1), sides),
        ("GRID", (0, 0), (-1, -1), 0.4, GRID_COLOUR),
        ("BOX", (0, 0), (-1, -1), 0.8, RULE_COLOUR),
    ]
    if header_rows:
        commands += [
            ("FONT", (0, 0), (-1, header_rows - 1), sans.bold, font_size, leading),
            ("BACKGROUND", (0, 0), (-1, header_rows - 1), HEAD_FILL),
            ("VALIGN", (0, 0), (-1, header_rows - 1), "MIDDLE"),
            ("ALIGN", (0, 0), (-1, header_rows - 1), "CENTER"),
            ("LINEBELOW", (0, header_rows - 1), (-1, header_rows - 1), 0.8, RULE_COLOUR),
        ]
    for col in right_cols:
        commands.append(("ALIGN", (col, header_rows), (col, -1), "RIGHT"))
    if zebra:
        last = -1 - total_rows
        commands.append(("ROWBACKGROUNDS", (0, header_rows), (-1, last), [None, ZEBRA_FILL]))
    if total_rows:
        commands += [
            ("FONT", (0, -total_rows), (-1, -1), sans.bold, font_size, leading),
            ("BACKGROUND", (0, -total_rows), (-1, -1), TOTAL_FILL),
            ("LINEABOVE", (0, -total_rows), (-1, -total_rows), 0.8, RULE_COLOUR),
        ]
    return commands


def grid_table(
    rows: list[list[Any]],
    widths: Sequence[float],
    fonts: ReportFonts,
    *,
    header_rows: int = 1,
    right_cols: Sequence[int] = (),
    total_rows: int = 0,
    extra: Sequence[tuple[Any, ...]] = (),
) -> Table:
    """A ruled table whose header row repeats on every page it flows onto."""
    table = Table(rows, colWidths=list(widths), repeatRows=header_rows, hAlign="LEFT")
    table.setStyle(
        TableStyle(grid_style(fonts, header_rows=header_rows, right_cols=right_cols, total_rows=total_rows) + list(extra))
    )
    return table


def details_table(pairs: Sequence[tuple[str, object]], width: float, styles: Styles, *, label_share: float = 0.32) -> Table:
    """Label / value pairs (a record's fields); values are user text, wrapped and escaped.

    A value longer than `PIECE_HEIGHT` goes on over rows without a rule between them, so the
    table breaks inside it from page to page instead of failing.
    """
    label_width = width * label_share
    value_width = width - label_width - 3 - 6  # the cell's left and (reportlab's default) right padding
    rows: list[list[Any]] = []
    ends: list[int] = []
    joins: list[tuple[Any, ...]] = []  # no padding where a value goes on in the next row
    for label, value in pairs:
        pieces = paragraph_pieces(_value_cell(value, styles), value_width)
        first = len(rows)
        rows.append([para(label, styles.cell_bold), pieces[0]])
        rows += [["", piece] for piece in pieces[1:]]
        ends.append(len(rows) - 1)
        if len(pieces) > 1:
            joins += [("BOTTOMPADDING", (1, first), (1, len(rows) - 2), 0), ("TOPPADDING", (1, first + 1), (1, len(rows) - 1), 0)]
    table = Table(rows, colWidths=[label_width, width - label_width], hAlign="LEFT")
    table.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), styles.fonts.sans.regular),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("TOPPADDING", (0, 0), (-1, -1), 2.2),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
                ("LEFTPADDING", (0, 0), (-1, -1), 3),
                *(("LINEBELOW", (0, r), (-1, r), 0.3, GRID_COLOUR) for r in ends),
                ("LINEABOVE", (0, 0), (-1, 0), 0.8, RULE_COLOUR),
                ("LINEBELOW", (0, -1), (-1, -1), 0.8, RULE_COLOUR),
                ("BACKGROUND", (0, 0), (0, -1), ZEBRA_FILL),
                *joins,
            ]
        )
    )
    return table


def _value_cell(value: object, styles: Styles) -> Paragraph:
    if isinstance(value, Paragraph):
        return value
    return Paragraph(esc(value), styles.cell)


def signature_block(settings: OfficeSettings, lang: Lang, styles: Styles, width: float) -> Table:
    """Position, a line to sign on, and the name: filled from the settings, blank lines if unset.

    Each is cut to a few lines (with an ellipsis): a signature block stays one unbroken block.
    """
    sign_style = ParagraphStyle("sign", parent=styles.body_left, fontSize=12, leading=15)
    position = cap_lines(settings.signatory_position, sign_style, width * 0.44, 6) or "_" * 30
    name = cap_lines(settings.signatory_name, sign_style, width * 0.30, 4) or "_" * 22
    name_style = ParagraphStyle("sign_name", parent=sign_style, alignment=TA_RIGHT)
    line_style = ParagraphStyle("sign_line", parent=sign_style, alignment=TA_CENTER)
    rows = [
        [Paragraph(esc(position), sign_style), Paragraph("_" * 18, line_style), Paragraph(esc(name), name_style)],
        ["", Paragraph(esc(tr("signature", lang)), styles.caption), ""],
    ]
    widths = [width * 0.44, width * 0.26, width * 0.30]
    table = Table(rows, colWidths=widths, hAlign="LEFT")
    table.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), styles.fonts.serif.regular),
                ("VALIGN", (0, 0), (-1, 0), "BOTTOM"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 1), (-1, 1), 0),
            ]
        )
    )
    return table


class _FlowableStream(list):  # type: ignore[type-arg]
    """A story that pulls flowables from an iterator as the layout consumes them.

    reportlab's build loop only asks `len(story)` and looks at the front, so a register of
    20,000 claims never holds all its tables at once and the store's rows stream through.
    A couple are kept ahead so that keepWithNext can see the next flowable.
    """

    def __init__(self, source: Iterable[Flowable]) -> None:
        super().__init__()
        self._source: Iterator[Flowable] | None = iter(source)

    def __len__(self) -> int:
        while self._source is not None and super().__len__() < 3:
            item = next(self._source, None)
            if item is None:
                self._source = None
            else:
                self.append(item)
        return super().__len__()


def _numbered_canvas(draw_numbers: Callable[[Canvas, int, int], None], font: str) -> type[Canvas]:
    class NumberedCanvas(Canvas):
        """Keeps every page until the end, then stamps "page N of M" on each."""

        def __init__(self, *args: Any, **kwargs: Any) -> None:
            # Without an initial font reportlab starts every page in Helvetica, which then sits
            # in the page's resources unembedded (and without Cyrillic).
            kwargs["initialFontName"] = kwargs.get("initialFontName") or font
            super().__init__(*args, **kwargs)
            self._page_states: list[dict[str, Any]] = []

        def showPage(self) -> None:  # noqa: N802 - reportlab's name
            self._page_states.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._page_states)
            for number, state in enumerate(self._page_states, start=1):
                self.__dict__.update(state)
                draw_numbers(self, number, total)
                Canvas.showPage(self)
            self._page_states = []
            Canvas.save(self)

    return NumberedCanvas


class ReportDocument:
    """A4 pages with the office's letterhead and footer; `build(story)` writes the PDF."""

    def __init__(
        self,
        out_path: str | os.PathLike[str],
        *,
        settings: OfficeSettings,
        title: str,
        lang: Lang,
        made_at: datetime | None = None,
        wide: bool = False,
        on_page: Callable[[int], None] | None = None,
    ) -> None:
        """`on_page(n)` is called as page n is begun: a report's progress, and raising from it
        stops the build (nothing is left of the file)."""
        self.out_path = Path(out_path)
        self.on_page = on_page
        self.settings = settings
        self.title = title
        self.lang = lang
        self.made_at = made_at or datetime.now().astimezone()
        self.fonts = report_fonts()
        self.styles = make_styles(self.fonts)
        self.pagesize = landscape(A4) if wide else A4
        # Official papers keep a wider left margin for filing (GOST R 7.0.97 asks for 20-30 mm).
        self.left = 15 * mm if wide else 25 * mm
        self.right = 15 * mm
        self.width = self.pagesize[0] - self.left - self.right
        self._letterhead = self._make_letterhead()
        self._head_height = sum(p.wrap(self.width, 100 * mm)[1] for p in self._letterhead) + 4 * mm
        self.top = 12 * mm + self._head_height
        self.bottom = 16 * mm
        self.height = self.pagesize[1] - self.top - self.bottom

    def _make_letterhead(self) -> list[Paragraph]:
        """The office's name (at most three lines) and address (two): the same head on every page."""
        s = self.styles
        lines = []
        if self.settings.office_name:
            lines.append(para(cap_lines(self.settings.office_name, s.letterhead_bold, self.width, 3), s.letterhead_bold))
        if self.settings.office_address:
            lines.append(Paragraph(esc(cap_lines(self.settings.office_address, s.letterhead, self.width, 2)), s.letterhead))
        if not lines:
            lines.append(Paragraph(esc(tr("office_unset", self.lang)), s.letterhead))
        return lines

    def _draw_page(self, canvas: Canvas, _doc: BaseDocTemplate) -> None:
        """Letterhead, rules and the footer's left part; the page number comes at save time."""
        if self.on_page is not None:
            self.on_page(canvas.getPageNumber())
        canvas.saveState()
        page_w, page_h = self.pagesize
        y = page_h - 12 * mm
        for line in self._letterhead:
            _, h = line.wrap(self.width, 100 * mm)
            y -= h
            line.drawOn(canvas, self.left, y)
        y -= 1.5 * mm
        canvas.setStrokeColor(RULE_COLOUR)
        canvas.setLineWidth(0.8)
        canvas.line(self.left, y, page_w - self.right, y)
        foot_y = self.bottom - 7 * mm
        canvas.setLineWidth(0.4)
        canvas.line(self.left, foot_y + 9, page_w - self.right, foot_y + 9)
        face = self.fonts.sans.regular
        canvas.setFont(face, 8)
        canvas.setFillColor(colors.black)
        made = tr("made_on", self.lang, when=moment(self.made_at, self.lang))
        canvas.drawString(self.left, foot_y, made)
        title = _fit(self.title, self.width * 0.5, face, 8)  # it may hold a claim's number: user text
        draw_text(canvas, self.left + (self.width - text_width(title, face, 8)) / 2, foot_y, title, face, 8)
        canvas.restoreState()

    def _draw_numbers(self, canvas: Canvas, number: int, total: int) -> None:
        canvas.saveState()
        canvas.setFont(self.fonts.sans.regular, 8)
        canvas.drawRightString(
            self.pagesize[0] - self.right, self.bottom - 7 * mm, tr("page_of", self.lang, n=number, m=total)
        )
        canvas.restoreState()

    def build(self, story: Iterable[Flowable]) -> Path:
        """Write the PDF through `files.written_whole`: a private `.part` beside the destination,
        put in its place only once whole, so a failed or killed build never leaves half a file."""
        with written_whole(self.out_path) as partial:
            self._build(partial, story)
        return self.out_path

    def _build(self, partial: Path, story: Iterable[Flowable]) -> None:
        doc = BaseDocTemplate(
            str(partial),
            pagesize=self.pagesize,
            leftMargin=self.left,
            rightMargin=self.right,
            topMargin=self.top,
            bottomMargin=self.bottom,
            title=self.title,
            author=self.settings.office_name or "",
            creator="Incident Log",
            subject=self.title,
            lang="ru-RU" if self.lang == "ru" else "en-GB",
        )
        frame = Frame(
            self.left, self.bottom, self.width, self.height,
            id="body", leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0,
        )
        doc.addPageTemplates([PageTemplate(id="page", frames=[frame], onPage=self._draw_page)])
        doc.build(_FlowableStream(story), canvasmaker=_numbered_canvas(self._draw_numbers, self.fonts.sans.regular))


def _fit(text: str, width: float, face: str, size: float) -> str:
    """Shorten a footer text with an ellipsis rather than let it run into the page number."""
    text = printable(text)
    if text_width(text, face, size) <= width:
        return text
    while text and text_width(text + "…", face, size) > width:
        text = text[:-1]
    return text.rstrip() + "…"


def fit_widths(spec: Sequence[float | None], width: float, weights: Sequence[float] | None = None) -> list[float]:
    """Column widths in points, the `None` columns sharing what is left (by `weights`, if given).

    Fixed columns are sized to what they hold (a claim number, a date, an amount, the longest
    status name) so they never wrap mid-word; the text columns (names, damage) take the rest.
    """
    weights = weights or [1.0] * len(spec)
    fixed = sum(w for w in spec if w is not None)
    flexible = sum(weights[i] for i, w in enumerate(spec) if w is None)
    unit = (width - fixed) / flexible if flexible else 0.0
    return [unit * weights[i] if w is None else w for i, w in enumerate(spec)]


FIT_SAMPLE = 64  # values measured per fitted column
CELL_PADDING = 6.0  # left + right padding of every table cell (3 pt each)


def column_width(
    values: Iterable[str], font: str, size: float = 8.5, *, head: str = "", head_font: str | None = None
) -> float:
    """The width that shows the longest value on one line, and no header word broken in two.

    Used for columns of short values (dates, plates, amounts, status names), so that their
    length in either language decides the column, and the text columns get the rest.
    """
    # The longest values by characters are the widest ones in these columns of like values
    # (numbers, dates, amounts, labels); measuring only those keeps 20,000 rows cheap. A value
    # that still comes out wider wraps in its cell rather than running over.
    longest = heapq.nlargest(FIT_SAMPLE, {(line, isinstance(v, Strong)) for v in values for line in v.split("\n")},
                             key=lambda item: len(item[0]))
    widest = max(
        (text_width(line, (head_font or font) if strong else font, size) for line, strong in longest),
        default=0.0,
    )
    if head:
        widest = max(widest, *(text_width(word, head_font or font, size) for word in head.split()))
    return widest + CELL_PADDING + 1


class Strong(str):
    """A table value to print in bold (a missing document), still escaped like any other."""

    __slots__ = ()


@dataclass(frozen=True)
class Column:
    """One column of a ruled table: its caption, and whether it is sized to its content."""

    head: str
    fit: bool = False  # short values (dates, amounts, labels): one line, as wide as the longest
    right: bool = False  # amounts and counts, aligned on the right
    centre: bool = False
    weight: float = 1.0  # share of the room left by the fitted columns


def ruled_table(
    columns: Sequence[Column],
    body: Sequence[Sequence[str]],
    width: float,
    styles: Styles,
    *,
    total: Sequence[str] | None = None,
    fills: Mapping[int, Any] | None = None,
) -> Flowable:
    """A table of user text: wrapped where it is long, header repeated across pages, any length.

    Drawn on the canvas by `grid.Grid` (plain strings, so nothing is read as markup): a cell
    longer than a page goes on over continuation rows instead of stopping the report.
    `total` is a last row in bold; its first cell spans the empty cells that follow it.
    `fills` shades body rows by their index (a missing document).
    """
    s = styles
    regular, bold = s.fonts.sans.regular, s.fonts.sans.bold
    spec: list[float | None] = []
    for i, col in enumerate(columns):
        if not col.fit:
            spec.append(None)
            continue
        fitted = column_width((row[i] for row in body), regular, head=col.head, head_font=bold)
        if total is not None and total[i] and i:
            fitted = max(fitted, column_width([total[i]], bold))
        spec.append(fitted)
    look = GridLook(
        widths=fit_widths(spec, width, [c.weight for c in columns]),
        font=regular,
        bold=bold,
        size=s.cell.fontSize,
        leading=s.cell.leading,
        align=[RIGHT if c.right else CENTRE if c.centre else LEFT for c in columns],
    )
    rows = GridRows(look)
    head = rows.head([c.head for c in columns])
    fills = fills or {}
    for n, row in enumerate(body):
        rows.add(row, bold=[i for i, v in enumerate(row) if isinstance(v, Strong)], fill=fills.get(n))
    if total is not None:
        rows.total(total)
    return Grid(look, head, rows.rows)


SECTION_ROOM = 36 * mm  # a heading with less room than this below it starts the next page


def section(title: str, styles: Styles) -> list[Flowable]:
    """A section heading that never ends a page alone.

    A conditional page break rather than keepWithNext: reportlab moves a heading kept with a
    long table to the next page whole, leaving the page before it empty.
    """
    return [CondPageBreak(SECTION_ROOM), para(title, styles.heading)]


def title_block(title: str, subtitle: str | None, styles: Styles) -> list[Flowable]:
    """The report's title (and one line under it) at the top of its first page."""
    items: list[Flowable] = [Spacer(1, 2 * mm), para(title, styles.title)]
    if subtitle:
        items.append(Paragraph(esc(subtitle), styles.subtitle))
    else:
        items.append(Spacer(1, 4 * mm))
    return items
