"""Characters the PT fonts lack, set in DejaVu Sans run by run, so that no letter of a name is lost.

PT Serif and PT Sans cover Russian and the other Cyrillic alphabets, but not the Azerbaijani ə
(U+0259), the hyphen Word pastes (U+2010), Hebrew, Arabic, ✓ or ★; reportlab draws a character
its font lacks as nothing, so «Əli Rəşad» printed as «li Rşad». Wherever user text meets reportlab
(`layout.esc` for Paragraph markup, `grid` for the tables drawn on the canvas, `draw_text` for the
footer) each run of such characters is set in the DejaVu Sans face of the same weight (there are
no italics to match), and measured in it, so wrapping and alignment stay right.

What DejaVu cannot give either (emoji, scripts it lacks, anything beyond the Basic Multilingual
Plane) is printed as U+FFFD «�», one per run: Unicode's mark for a character that cannot be
shown, so the reader sees that something stood there and cannot take it for the text, as a «?»
could be. Invisible format characters no font has (a flag emoji's tags, a variation selector
beyond the BMP) would draw nothing anyway, and are dropped rather than marked. Arabic and Hebrew
print letter by letter in the order typed: reportlab neither joins nor reverses them here.

Which characters each face has comes from its own character map, once per process. Text the PT
fonts draw whole (all Russian and English text) is told apart by one search for a single character
outside that map, as fast as the search for a line break the tables already made, so a register of
20,000 claims costs what it did.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from itertools import groupby

from reportlab.pdfbase.pdfmetrics import getFont
from reportlab.pdfgen.canvas import Canvas

from .fonts import report_fonts

REPLACEMENT = "\ufffd"  # DejaVu Sans has it; the PT fonts do not


@dataclass(frozen=True)
class Coverage:
    """Which characters the report's faces draw, and which DejaVu face draws the rest."""

    missing: re.Pattern[str]  # a character the report's faces lack (control characters too)
    lacking: re.Pattern[str]  # a run of them
    undrawable: re.Pattern[str]  # a run of characters no face has
    own: frozenset[str]  # the report's faces, which `missing` speaks for
    bold: frozenset[str]  # the bold ones among them
    stand_ins: dict[bool, tuple[str, str]]  # bold? → the DejaVu faces to try, that weight first
    chars: dict[str, frozenset[str]]  # each DejaVu face → what it draws


@cache
def coverage() -> Coverage:
    """Read from the registered fonts' character maps once; every report of the process shares it."""
    fonts = report_fonts()
    own = (fonts.serif.regular, fonts.serif.bold, fonts.sans.regular, fonts.sans.bold)
    regular, bold = fonts.fallback.regular, fonts.fallback.bold
    chars = {face: _drawn(face) for face in {*own, regular, bold}}
    # One set for all four faces (their maps are the same), so markup need not know its font.
    common = frozenset.intersection(*(chars[face] for face in own))
    return Coverage(
        missing=re.compile(_outside(common)),  # one character, not a run: sre then scans at full speed
        lacking=re.compile(_outside(common) + "+"),
        undrawable=re.compile(_outside(common | chars[regular] | chars[bold]) + "+"),
        own=frozenset(own),
        bold=frozenset((fonts.serif.bold, fonts.sans.bold)),
        stand_ins={False: (regular, bold), True: (bold, regular)},
        chars={regular: chars[regular], bold: chars[bold]},
    )


_BREAKS = frozenset(("Cc", "Zl", "Zp"))  # control characters and line or paragraph separators
_BMP = 0xFFFF


def _drawn(face: str) -> frozenset[str]:
    """The characters a face has a glyph for. Line breaks and tabs never count, whatever the map
    says: a face does not draw them, and `lacking` must find them. Nor does anything beyond the
    Basic Multilingual Plane (DejaVu's few emoji): reportlab writes those into the PDF's text map
    as five hex digits, which breaks copying and searching the whole font's text."""
    cmap: dict[int, int] = getFont(face).face.charToGlyph
    return frozenset(
        chr(code) for code, glyph in cmap.items()
        if glyph and code <= _BMP and unicodedata.category(chr(code)) not in _BREAKS
    )


def _outside(chars: frozenset[str]) -> str:
    """A character class of what is not in `chars`, written as ranges."""
    codes = sorted(map(ord, chars))
    spans: list[list[int]] = []
    for code in codes:
        if spans and spans[-1][1] == code - 1:
            spans[-1][1] = code
        else:
            spans.append([code, code])
    ranges = "".join(re.escape(chr(a)) + (f"-{re.escape(chr(b))}" if b > a else "") for a, b in spans)
    return f"[^{ranges}]"


def _drawn_as_is(found: Coverage, text: str) -> bool:
    """Whether the report's faces have every character of `text`."""
    return found.missing.search(text) is None


def printable(text: str) -> str:
    """`text` with each run of characters no face has as one U+FFFD (invisible ones dropped)."""
    found = coverage()
    if _drawn_as_is(found, text):
        return text
    return found.undrawable.sub(_replacement, text)


def _replacement(run: re.Match[str]) -> str:
    return "" if all(_invisible(ch) for ch in run.group()) else REPLACEMENT


def _invisible(ch: str) -> bool:
    """Format characters and variation selectors: they shape their neighbours and draw nothing."""
    code = ord(ch)
    return unicodedata.category(ch) == "Cf" or 0xFE00 <= code <= 0xFE0F or 0xE0100 <= code <= 0xE01EF


def missing(face: str) -> re.Pattern[str] | None:
    """A pattern that finds what `face` cannot draw as it stands (a character it lacks, a line
    break); None for a face that is not the report's own."""
    found = coverage()
    return found.missing if face in found.own else None


def one_face(text: str, face: str) -> str:
    """The face for all of `text` where one font must do (a chart's label): `face` if it has every
    character, else DejaVu of its weight."""
    found = coverage()
    if face not in found.own or _drawn_as_is(found, text):
        return face
    return found.stand_ins[face in found.bold][0]


def is_bold(face: str) -> bool:
    """Whether `face` is one of the report's bold faces, whose stand-ins are bold too."""
    return face in coverage().bold


def markup(text: str, *, bold: bool = False) -> str:
    """Escaped Paragraph markup with the runs its font lacks in `<font>` tags naming DejaVu.

    reportlab's `<font name>` sets the weight too (it forgets an enclosing `<b>` or a bold style),
    so `bold` says which face to name.
    """
    found = coverage()
    if _drawn_as_is(found, text):
        return text
    stand_ins = found.stand_ins[bold]

    def tagged(run: re.Match[str]) -> str:
        return "".join(f'<font name="{face}">{part}</font>' for face, part in _stand_in_runs(run.group(), stand_ins))

    return found.lacking.sub(tagged, found.undrawable.sub(_replacement, text))


def runs(text: str, face: str) -> list[tuple[str, str]]:
    """(face, text) pieces to draw `text` in `face`: DejaVu where the face lacks the characters,
    U+FFFD where DejaVu does too. A face that is not the report's own is left as it is."""
    found = coverage()
    if face not in found.own or _drawn_as_is(found, text):
        return [(face, text)]
    text = found.undrawable.sub(_replacement, text)
    stand_ins = found.stand_ins[face in found.bold]
    pieces: list[tuple[str, str]] = []
    start = 0
    for run in found.lacking.finditer(text):
        if run.start() > start:
            pieces.append((face, text[start : run.start()]))
        pieces += _stand_in_runs(run.group(), stand_ins)
        start = run.end()
    if start < len(text):
        pieces.append((face, text[start:]))
    return pieces


def _stand_in_runs(text: str, stand_ins: Sequence[str]) -> list[tuple[str, str]]:
    """A run the report's faces lack, cut where it goes from one DejaVu face to the other."""
    chars = coverage().chars

    def face_of(ch: str) -> str:
        return next((face for face in stand_ins if ch in chars[face]), stand_ins[0])

    return [(face, "".join(part)) for face, part in groupby(text, key=face_of)]


def text_width(text: str, face: str, size: float) -> float:
    """The width `text` takes when drawn by `runs`."""
    found = coverage()
    if face not in found.own or _drawn_as_is(found, text):
        return getFont(face).stringWidth(text, size)
    return sum(getFont(piece_face).stringWidth(piece, size) for piece_face, piece in runs(text, face))


def draw_text(canvas: Canvas, x: float, y: float, text: str, face: str, size: float) -> None:
    """`canvas.drawString` run by run, each in the face that has its characters: one text object,
    so that the PDF's text reads as one line."""
    line = canvas.beginText(x, y)
    for piece_face, piece in runs(text, face):
        line.setFont(piece_face, size)
        line.textOut(piece)
    canvas.drawText(line)
