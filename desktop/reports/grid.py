"""Ruled tables drawn straight on the canvas: fast for tens of thousands of rows, and any text fits.

reportlab's `Table` measures and styles every cell and cannot split a row, so a register of
20,000 claims took seconds per thousand rows, and one cell taller than a page (a 10,000-character
damage description, one 5,000-character "word") stopped the whole report with LayoutError.
Here cells are plain strings broken into lines by hand once (`TextWrapper`), every row's height
is known before layout, and a `Grid` splits between rows in time proportional to the rows it
places. A cell longer than `PIECE_LINES` lines goes on over continuation rows (no rule between
them), so the table can break inside it and every character is printed.

Plain strings are never read as markup, so user text needs no escaping here. Characters the
table's font lacks are measured and drawn in DejaVu, run by run (`glyphs.runs`).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from itertools import accumulate
from typing import Any

from reportlab.lib import colors
from reportlab.lib.rl_accel import fp_str
from reportlab.pdfbase.pdfmetrics import getFont
from reportlab.platypus import Flowable

from .glyphs import missing, printable, runs, text_width

PIECE_LINES = 20  # lines of one cell per row: a row never nears a page's height
ELLIPSIS = "…"

LEFT, RIGHT, CENTRE = "L", "R", "C"
# every line break a user's text may hold (Word's Shift+Enter is VT), and tabs as spaces
LINE_BREAKS = str.maketrans(
    {"\r": "\n", "\x0b": "\n", "\x0c": "\n", "\x85": "\n", "\u2028": "\n", "\u2029": "\n", "\t": " "}
)
_ANY_BREAK = re.compile("[\n\r\x0b\x0c\x85\u2028\u2029\t]")
BODY, CONTINUED, TOTAL, HEAD = 0, 1, 2, 3


class TextWrapper:
    """Breaks text into lines that fit a width; a word wider than the column is cut by characters.

    Values that repeat on thousands of rows (a district, a status) are wrapped once.
    """

    def __init__(self, font: str, size: float) -> None:
        self.font = font
        self.size = size
        self._measure = getFont(font).stringWidth  # the font's own, past pdfmetrics' look-up per call
        # One search tells plain text from text with a line break or a character the font lacks.
        self._unusual = missing(font) or _ANY_BREAK
        self._cache: dict[tuple[str, float], list[str]] = {}
        self._words: dict[str, float] = {}

    def width(self, text: str) -> float:
        if self._unusual.search(text) is None:
            return self._measure(text, self.size)
        return text_width(text, self.font, self.size)

    def lines(self, text: str, width: float, *, cache: bool = False) -> list[str]:
        if cache:
            key = (text, width)
            hit = self._cache.get(key)
            if hit is None:
                hit = self._cache[key] = self._lines(text, width)
            return hit
        return self._lines(text, width)

    def _lines(self, text: str, width: float) -> list[str]:
        if self._unusual.search(text) is None and self._measure(text, self.size) <= width:
            return [text]
        out: list[str] = []
        for paragraph in text.replace("\r\n", "\n").translate(LINE_BREAKS).split("\n"):
            paragraph = printable(paragraph)
            if self.width(paragraph) <= width:
                out.append(paragraph)
            else:
                out += self._fill(paragraph, width)
        return out

    def _fill(self, paragraph: str, width: float) -> list[str]:
        """Words onto lines as `simpleSplit` does (words of a name repeat: each is measured once);
        a word wider than the column is cut by characters where the line runs out."""
        out: list[str] = []
        current: list[str] = []
        used = 0.0
        space = self._word(" ")
        for word in paragraph.split():
            w = self._word(word)
            if not current:
                if w <= width:
                    current, used = [word], w
                    continue
            elif used + space + w <= width:
                current.append(word)
                used += space + w
                continue
            elif w <= width:
                out.append(" ".join(current))
                current, used = [word], w
                continue
            # a word wider than the room left: it starts here and is cut where each line ends
            line = " ".join(current) + " " if current else ""
            used = used + space if current else 0.0
            for ch in word:
                cw = self._word(ch)
                if used + cw > width and line.strip():
                    out.append(line.rstrip())
                    line, used = "", 0.0
                line += ch
                used += cw
            current = [line] if line else []
        if current:
            out.append(" ".join(current))
        return out

    def _word(self, word: str) -> float:
        w = self._words.get(word)
        if w is None:
            w = self._words[word] = self.width(word)
        return w


@dataclass(frozen=True)
class GridLook:
    """Column widths, type and rules of one table: the reports' grey-headed, finely ruled grid."""

    widths: Sequence[float]
    font: str
    bold: str
    size: float = 8.5
    leading: float = 10.2
    top: float = 2.2
    bottom: float = 3.0
    side: float = 3.0
    align: Sequence[str] = ()  # LEFT, RIGHT or CENTRE per column (LEFT when missing)
    zebra: bool = False
    grid_colour: Any = colors.HexColor("#8c8c8c")
    rule_colour: Any = colors.HexColor("#4d4d4d")
    head_fill: Any = colors.HexColor("#e6e6e6")
    zebra_fill: Any = colors.HexColor("#f4f4f4")
    total_fill: Any = colors.HexColor("#ececec")
    edges: list[float] = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "edges", [0.0, *accumulate(self.widths)])

    def inner(self, col: int, span: int = 1) -> float:
        return self.edges[col + span] - self.edges[col] - 2 * self.side

    def height(self, lines: int) -> float:
        return lines * self.leading + self.top + self.bottom


class GridRow:
    """One drawn row: each cell's lines, its height, and how it is drawn."""

    __slots__ = ("band", "bold", "cells", "fill", "height", "kind", "sizes", "span")

    def __init__(
        self, cells: Sequence[Sequence[str]], height: float, *, kind: int = BODY, bold: frozenset[int] | bool = False,
        fill: Any = None, span: int = 1, band: int = 0, sizes: dict[int, float] | None = None,
    ) -> None:
        self.cells = cells
        self.sizes = sizes  # smaller type for a figure wider than its column (a year's total)
        self.height = height
        self.kind = kind
        self.bold = bold
        self.fill = fill
        self.span = span  # the first cell runs over this many columns (a total row's caption)
        self.band = band  # the logical row it belongs to, for zebra stripes


class GridRows:
    """Turns row values into `GridRow`s, cutting a long row into continuation pieces.

    They are collected in `rows` for one `Grid`, unless `keep` is False (a register streams its
    rows page by page and keeps none).
    """

    def __init__(self, look: GridLook, *, keep: bool = True) -> None:
        self.look = look
        self.keep = keep
        self.regular = TextWrapper(look.font, look.size)
        self.strong = TextWrapper(look.bold, look.size)
        self.rows: list[GridRow] = []
        self._bands = 0

    def head(self, captions: Sequence[str]) -> GridRow:
        """The header row (repeated on every page), captions broken between words only where they must."""
        cells = [self.strong.lines(c, self.look.inner(i), cache=True) for i, c in enumerate(captions)]
        return GridRow(
            cells, self.look.height(max(len(c) for c in cells)), kind=HEAD, bold=True, fill=self.look.head_fill
        )

    def add(
        self, values: Sequence[str], *, bold: Iterable[int] = (), fill: Any = None, cache: Iterable[int] | bool = True,
    ) -> list[GridRow]:
        """Append one logical row; `bold` columns in bold; `cache`: the columns whose values repeat
        (wrapped once each), all of them by default."""
        bold_cols = frozenset(bold)
        if cache is True or cache is False:
            cells = [
                (self.strong if i in bold_cols else self.regular).lines(v, self.look.inner(i), cache=cache)
                for i, v in enumerate(values)
            ]
        else:
            cached = frozenset(cache)
            cells = [
                (self.strong if i in bold_cols else self.regular).lines(v, self.look.inner(i), cache=i in cached)
                for i, v in enumerate(values)
            ]
        made = self._pieces(cells, bold_cols or False, fill, BODY, 1)
        if self.keep:
            self.rows += made
        return made

    def total(self, values: Sequence[str]) -> list[GridRow]:
        """A bold last row on the total fill; its caption spans the empty cells after it.

        A sum wider than its column is set smaller on one line rather than broken or clipped.
        """
        span = next((i for i in range(1, len(values)) if values[i]), len(values))
        cells: list[list[str]] = [self.strong.lines(values[0], self.look.inner(0, span))]
        cells += [[] for _ in range(1, span)]
        sizes: dict[int, float] = {}
        for i in range(span, len(values)):
            natural = self.strong.width(values[i])
            if natural > self.look.inner(i):
                sizes[i] = max(4.0, self.look.size * self.look.inner(i) / natural)
            cells.append([values[i]] if values[i] else [])
        made = self._pieces(cells, True, self.look.total_fill, TOTAL, span)
        for row in made:
            row.sizes = sizes or None
        if self.keep:
            self.rows += made
        return made

    def _pieces(self, cells: list[list[str]], bold: frozenset[int] | bool, fill: Any, kind: int, span: int) -> list[GridRow]:
        band = self._bands
        self._bands += 1
        tallest = max((len(c) for c in cells), default=1) or 1
        if tallest <= PIECE_LINES:
            return [GridRow(cells, self.look.height(tallest), kind=kind, bold=bold, fill=fill, span=span, band=band)]
        pieces = []
        for start in range(0, tallest, PIECE_LINES):
            part = [c[start : start + PIECE_LINES] for c in cells]
            lines = max(len(c) for c in part)
            pieces.append(
                GridRow(part, self.look.height(lines), kind=kind if not start else CONTINUED, bold=bold, fill=fill,
                        span=span, band=band)
            )
        return pieces


class Grid(Flowable):
    """A ruled table of `GridRow`s whose header repeats on every page it flows onto.

    Splitting finds the rows that fit by bisecting the running heights, so a table of n rows
    over p pages costs O(n + p log n) to lay out, never n per page.
    """

    def __init__(
        self, look: GridLook, head: GridRow | None, rows: Sequence[GridRow], *,
        _tops: list[float] | None = None, _start: int = 0, _end: int | None = None,
    ) -> None:
        super().__init__()
        self.look = look
        self.head = head
        self.rows = rows
        self._tops = _tops if _tops is not None else [0.0, *accumulate(r.height for r in rows)]
        self._start = _start
        self._end = len(rows) if _end is None else _end
        self.hAlign = "LEFT"

    @property
    def head_height(self) -> float:
        return self.head.height if self.head is not None else 0.0

    def _body(self, start: int, end: int) -> float:
        return self._tops[end] - self._tops[start]

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width = self.look.edges[-1]
        self.height = self.head_height + self._body(self._start, self._end)
        return self.width, self.height

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        room = avail_height - self.head_height
        # the last row whose bottom is within the room
        end = bisect_right(self._tops, self._tops[self._start] + room + 1e-6, self._start, self._end + 1) - 1
        if end <= self._start:
            return []  # not even one row here: the frame moves to the next page
        if end >= self._end:
            return [self]
        return [self._part(self._start, end), self._part(end, self._end)]

    def _part(self, start: int, end: int) -> Grid:
        return Grid(self.look, self.head, self.rows, _tops=self._tops, _start=start, _end=end)

    def draw(self) -> None:
        rows = self.rows[self._start : self._end]
        if self.head is not None:
            rows = [self.head, *rows]
        draw_rows(self.canv, self.look, rows, self.height)


def draw_rows(canvas: Any, look: GridLook, rows: Sequence[GridRow], height: float) -> None:
    """Fills, text and rules of `rows`, the first at the top of a box `height` tall at (0, 0)."""
    edges = look.edges
    right = edges[-1]
    ncols = len(look.widths)
    align = [look.align[i] if i < len(look.align) else LEFT for i in range(ncols)]

    # fills first, so that text and rules are drawn over them
    y = height
    fills: list[tuple[Any, float, float]] = []
    for row in rows:
        fill = row.fill
        if fill is None and look.zebra and row.band % 2 and row.kind != HEAD:
            fill = look.zebra_fill
        if fill is not None:
            fills.append((fill, y - row.height, row.height))
        y -= row.height
    canvas.saveState()
    current = None
    for fill, bottom, h in fills:
        if fill is not current:
            canvas.setFillColor(fill)
            current = fill
        canvas.rect(0, bottom, right, h, stroke=0, fill=1)
    canvas.setFillColor(colors.black)

    # one text block for the whole table; each line ends with T* as reportlab's Table writes it,
    # so text extraction keeps each cell's lines apart instead of running a row together
    out = _TextBlock.of(canvas)
    ops = ["BT"]
    current: tuple[str, int, float] | None = None
    y = height
    for row in rows:
        base = y - look.top - look.size  # the first line's baseline, as reportlab's Table places it
        for col, lines in enumerate(row.cells):
            if not lines:
                continue
            bold = row.bold is True or (row.bold is not False and col in row.bold)
            face = look.bold if bold else look.font
            size = row.sizes.get(col, look.size) if row.sizes else look.size
            span = row.span if col == 0 else 1
            left = edges[col] + look.side
            room = edges[col + span] - look.side
            how = align[col]
            line_y = base
            if row.kind == HEAD:  # captions centred both ways, as the reports' tables always had them
                how = CENTRE
                line_y -= (row.height - look.height(len(lines))) / 2
            elif row.kind == TOTAL and col == 0:
                how = LEFT
            for line in lines:
                if line:
                    parts = out.encode(face, line)
                    if how == LEFT:
                        x = left
                    else:
                        w = out.width(face, line) * size
                        x = room - w if how == RIGHT else (left + room - w) / 2
                    ops.append(f"1 0 0 1 {fp_str(x, line_y)} Tm")
                    for part_face, subset, name, data in parts:
                        if current != (part_face, subset, size):
                            ops.append(f"{name} {fp_str(size)} Tf {fp_str(look.leading)} TL")
                            current = (part_face, subset, size)
                        ops.append(f"({data}) Tj")
                    ops.append("T*")
                line_y -= look.leading
        y -= row.height
    ops.append("ET")
    canvas.addLiteral("\n".join(ops))

    # rules: thin grid, heavier box, a heavier rule under the header and above a total
    thin = canvas.beginPath()
    heavy = canvas.beginPath()
    y = height
    for n, row in enumerate(rows):
        if n and row.kind != CONTINUED:
            path = heavy if rows[n - 1].kind == HEAD or row.kind == TOTAL else thin
            path.moveTo(0, y)
            path.lineTo(right, y)
        y -= row.height
    # vertical rules, row by row where a caption spans columns, else in one stroke per run of rows
    y = height
    run_top = height
    for row in rows:
        if row.span > 1:
            _verticals(thin, edges, run_top, y, 1)
            _verticals(thin, edges, y, y - row.height, row.span)
            run_top = y - row.height
        y -= row.height
    _verticals(thin, edges, run_top, y, 1)
    canvas.setStrokeColor(look.grid_colour)
    canvas.setLineWidth(0.4)
    canvas.drawPath(thin, stroke=1, fill=0)
    heavy.rect(0, 0, right, height)
    canvas.setStrokeColor(look.rule_colour)
    canvas.setLineWidth(0.8)
    canvas.drawPath(heavy, stroke=1, fill=0)
    canvas.restoreState()


class _TextBlock:
    """Each distinct string of a document encoded for the PDF once, with its width at size 1.

    reportlab's text object splits every string into font subsets and escapes it on every call
    (a third of a 20,000-row report's time); numbers, dates, statuses and names repeat, so the
    operators are kept per document. This is what `PDFTextObject._formatText` writes for an
    embedded TrueType font, which every report font is. Runs the face lacks go in DejaVu
    (`glyphs.runs`), one more font in the same text block.
    """

    def __init__(self, canvas: Any) -> None:
        self.doc = canvas._doc  # the fonts' subsets are per document
        self.escape = canvas._escape
        self.encoded: dict[tuple[str, str], list[tuple[str, int, str, str]]] = {}
        self.widths: dict[tuple[str, str], float] = {}

    @classmethod
    def of(cls, canvas: Any) -> _TextBlock:
        block = canvas.__dict__.get("_grid_text")
        if block is None or block.doc is not canvas._doc:
            block = canvas.__dict__["_grid_text"] = cls(canvas)
        return block

    def encode(self, face: str, text: str) -> list[tuple[str, int, str, str]]:
        """(face, subset, its font resource name, escaped bytes) for each run of one font subset."""
        key = (face, text)
        hit = self.encoded.get(key)
        if hit is None:
            hit = self.encoded[key] = [
                (run_face, subset, font.getSubsetInternalName(subset, self.doc), self.escape(data))
                for run_face, run in runs(text, face)
                for font in (getFont(run_face),)
                for subset, data in font.splitString(run, self.doc)
            ]
        return hit

    def width(self, face: str, text: str) -> float:
        """The width at size 1 (for right-aligned and centred text)."""
        key = (face, text)
        hit = self.widths.get(key)
        if hit is None:
            hit = self.widths[key] = text_width(text, face, 1.0)
        return hit


def _verticals(path: Any, edges: Sequence[float], top: float, bottom: float, first: int) -> None:
    if top - bottom <= 0:
        return
    for x in edges[first:-1]:
        path.moveTo(x, top)
        path.lineTo(x, bottom)
