"""The embedded fonts: registered once, cover what clerks type, and DejaVu stands in if PT is missing."""

from __future__ import annotations

from pathlib import Path

import pytest
from reportlab.pdfbase import pdfmetrics

from desktop.domain.views import ClaimRow, OfficeSettings
from desktop.reports import fonts
from desktop.reports.register import build_register
from tests.reports.pdfcheck import pdf_text

# Russian, Ukrainian (і ї є ґ), the rouble sign, quotes, dashes and the numero sign
TEXT = "Съешь же ещё этих мягких булок: і ї є ґ І Ї Є Ґ ₽ «» — № ё Ё"


def test_every_face_has_every_glyph_clerks_need() -> None:
    names = fonts.report_fonts()
    for face in (names.serif.regular, names.serif.bold, names.sans.regular, names.sans.bold):
        font = pdfmetrics.getFont(face)
        missing = [ch for ch in set(TEXT) if not ch.isspace() and ord(ch) not in font.face.charToGlyph]
        assert missing == [], face


def test_registration_happens_once() -> None:
    assert fonts.report_fonts() is fonts.report_fonts()


def test_ukrainian_letters_and_rouble_sign_come_back_from_the_pdf(tmp_path: Path) -> None:
    from datetime import date
    from decimal import Decimal

    from desktop.domain.enums import ClaimStatus

    row = ClaimRow("1", "CLM-1", date(2026, 9, 1), "Ґанна Їжакова-Єрмоленко, і", "INC-1", "г. Калуга",
                   ClaimStatus.PAID, Decimal("1"), Decimal("1"), Decimal("1"), True)
    text = pdf_text(build_register(tmp_path / "r.pdf", [row], OfficeSettings(office_name=TEXT)))
    assert "Ґанна Їжакова-Єрмоленко, і" in text
    assert TEXT in text


def test_dejavu_stands_in_when_a_family_is_missing(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(fonts, "_SERIF", ("PTSerif", "absent.ttf", "absent-bold.ttf"))
    chosen = fonts._load()
    assert chosen.serif == fonts.FontFamily("DejaVuSans", "DejaVuSans-Bold")
    assert chosen.sans == fonts.FontFamily("PTSans", "PTSans-Bold")
    assert chosen.fallback == chosen.serif  # and for what PT Sans lacks (see `glyphs`)
