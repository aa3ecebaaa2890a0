"""Embedded fonts for the reports.

reportlab's built-in Helvetica and Times have no Cyrillic, so every style names one of the fonts
registered here. ParaType's PT Serif and PT Sans were made for Russian official documents; DejaVu
Sans stands in for the characters they lack (`glyphs`: ə, the hyphen U+2010, Hebrew, ✓), and for
a whole family if a build ever ships without it. Registration happens once per process.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.pdfmetrics import registerFontFamily
from reportlab.pdfbase.ttfonts import TTFont

from desktop.paths import resource


@dataclass(frozen=True)
class FontFamily:
    """The registered names of one family's regular and bold faces."""

    regular: str
    bold: str


@dataclass(frozen=True)
class ReportFonts:
    """Serif for running text and titles, sans for tables, header and footer; `fallback` for the
    characters they lack."""

    serif: FontFamily
    sans: FontFamily
    fallback: FontFamily


# (family name, regular file, bold file)
_SERIF = ("PTSerif", "PTF55F.ttf", "PTF75F.ttf")
_SANS = ("PTSans", "PTS55F.ttf", "PTS75F.ttf")
_FALLBACK = ("DejaVuSans", "DejaVuSans.ttf", "DejaVuSans-Bold.ttf")


def _register(family: str, regular_file: str, bold_file: str) -> FontFamily | None:
    regular_path = resource("fonts", regular_file)
    bold_path = resource("fonts", bold_file)
    if not (regular_path.is_file() and bold_path.is_file()):
        return None
    names = FontFamily(family, f"{family}-Bold")
    registered = pdfmetrics.getRegisteredFontNames()
    if names.regular not in registered:
        pdfmetrics.registerFont(TTFont(names.regular, str(regular_path)))
    if names.bold not in registered:
        pdfmetrics.registerFont(TTFont(names.bold, str(bold_path)))
    # Map <b> and <i> in paragraph markup onto this family, so bold never falls back to
    # Helvetica-Bold, and italics (which we do not ship) print upright rather than without Cyrillic.
    registerFontFamily(family, normal=names.regular, bold=names.bold, italic=names.regular, boldItalic=names.bold)
    return names


_lock = threading.Lock()
_fonts: ReportFonts | None = None


def report_fonts() -> ReportFonts:
    """Register the fonts (once per process, whichever thread asks first) and return their names."""
    global _fonts
    with _lock:
        if _fonts is None:
            _fonts = _load()
        return _fonts


def _load() -> ReportFonts:
    fallback = _register(*_FALLBACK)
    if fallback is None:  # without it a name in ə or a pasted ✓ would print with letters missing
        raise FileNotFoundError(f"no DejaVu Sans in {resource('fonts')}")
    serif = _register(*_SERIF) or fallback
    sans = _register(*_SANS) or fallback
    return ReportFonts(serif=serif, sans=sans, fallback=fallback)
