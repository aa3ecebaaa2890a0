"""Characters the PT fonts lack (ə, U+2010, ✓ ★) print in DejaVu, and what no font has prints as U+FFFD.

Before, reportlab drew them as nothing: «Мәмәдов Əli Rəşad oğlu‐Смирнова» came out as «Мәмәдов li
Rşad oğluСмирнова», and the PDF's text held NULs where the letters had been.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from reportlab.pdfbase.pdfmetrics import getFont

from desktop.domain.enums import ClaimStatus
from desktop.domain.views import ClaimRow, OfficeSettings, SummaryRow
from desktop.reports import build_report
from desktop.reports.fonts import report_fonts
from desktop.reports.glyphs import REPLACEMENT, markup, printable, runs, text_width
from desktop.reports.grid import TextWrapper
from desktop.reports.layout import ReportDocument, esc, make_styles, para
from desktop.reports.register import build_register
from desktop.reports.summary import build_summary
from tests.reports.conftest import StoreFactory
from tests.reports.pdfcheck import MADE_AT, OFFICE, page_fonts, pdf_text, squash
from tests.v2_variants import v2_data

NAME = "Мәмәдов Əli Rəşad oğlu‐Смирнова"  # Azerbaijani ə/Ə and the hyphen Word pastes (U+2010)
RUSSIAN = "Кузнецова Анна Викторовна, ООО «Рога & Копыта» № 5 — 1 250,00 ₽"


def fonts_of(path: Path) -> set[str]:
    return {name.split("+")[-1] for _, name, _ in page_fonts(path)}


def test_a_name_in_letters_pt_lacks_prints_whole_in_the_decision_notice(make_store: StoreFactory,
                                                                         tmp_path: Path) -> None:
    data = v2_data()
    data["people"][0]["full_name"] = NAME  # the claimant of CLM-2026-0001
    store = make_store(data, OFFICE)
    out = build_report(store, "decision-notice", tmp_path / "n.pdf", number="CLM-2026-0001", lang="ru",
                       made_at=MADE_AT)
    text = pdf_text(out)
    assert "Əli" in text and "Rəşad" in text and squash("oğlu‐Смирнова") in squash(text)
    assert "\x00" not in text  # reportlab's mark of a glyph the font lacks
    # The addressee is in bold, the greeting in regular: each stand-in has the weight around it.
    assert {"DejaVuSans", "DejaVuSans-Bold"} <= fonts_of(out)


def test_the_claim_sheet_prints_the_name_in_its_tables(make_store: StoreFactory, tmp_path: Path) -> None:
    data = v2_data()
    data["people"][0]["full_name"] = NAME
    data["people"][0]["address"] = "Bakı, Nəsimi ★ küç. 5 ✓"
    store = make_store(data, OFFICE)
    text = pdf_text(build_report(store, "claim", tmp_path / "c.pdf", number="CLM-2026-0001", lang="ru",
                                 made_at=MADE_AT))
    assert squash(NAME) in squash(text) and "Nəsimi ★ küç. 5 ✓" in text and "\x00" not in text


def test_register_cells_letterhead_and_footer_print_every_character(tmp_path: Path) -> None:
    name = f"{NAME} ✓ ★ 😀"
    row = ClaimRow("1", "CLM-1", date(2026, 9, 1), name, "INC-1", "Nəsimi", ClaimStatus.PAID, Decimal("1"),
                   Decimal("1"), Decimal("1"), True)
    out = build_register(tmp_path / "r.pdf", [row], OfficeSettings(office_name="Администрация «Əli‐★» 👍🏽"))
    text = pdf_text(out)
    assert squash(f"{NAME} ✓ ★ {REPLACEMENT}") in squash(text)  # a table drawn on the canvas
    assert f"Администрация «Əli‐★» {REPLACEMENT}" in text  # the letterhead, a bold Paragraph
    assert "😀" not in text and "\x00" not in text
    assert {"DejaVuSans", "DejaVuSans-Bold"} <= fonts_of(out)


def test_the_footer_draws_a_title_with_stand_ins(tmp_path: Path) -> None:
    doc = ReportDocument(tmp_path / "t.pdf", settings=OfficeSettings(office_name="Администрация"),
                         title="Акт Rəşad‐1", lang="ru", made_at=MADE_AT)
    text = pdf_text(doc.build([para("текст", doc.styles.body)]))
    assert "Акт Rəşad‐1" in text  # only the footer holds the title


def test_a_chart_label_in_letters_pt_lacks(tmp_path: Path) -> None:
    rows = [SummaryRow("Nəsimi rayonu", ClaimStatus.RECEIVED, 2, Decimal(3_000_000), Decimal(0), Decimal(0)),
            SummaryRow("г. Калуга", ClaimStatus.RECEIVED, 1, Decimal(1_000_000), Decimal(0), Decimal(0))]
    text = pdf_text(build_summary(tmp_path / "s.pdf", rows, OfficeSettings(office_name="Администрация"), lang="ru"))
    assert text.count("Nəsimi rayonu") == 3  # two tables and the chart
    assert "\x00" not in text


@pytest.mark.parametrize(("text", "shown"), [
    ("a\U000e0101b", "ab"),  # a variation selector draws nothing anyway
    ("x😀😀y", f"x{REPLACEMENT}y"),  # one mark per run of what no font has
    ("🏴\U000e0067\U000e0062\U000e0065\U000e006e\U000e0067\U000e007f!", f"{REPLACEMENT}!"),  # a flag and its tags
    ("👍🏽 ok", f"{REPLACEMENT} ok"),
    ("tab\x01", f"tab{REPLACEMENT}"),
    (NAME, NAME),
])
def test_what_no_font_has_is_one_replacement_per_run(text: str, shown: str) -> None:
    assert printable(text) == shown


def test_usual_text_is_left_as_it_is() -> None:
    face = report_fonts().sans.regular
    assert markup(RUSSIAN) is RUSSIAN
    assert runs(RUSSIAN, face) == [(face, RUSSIAN)]
    assert printable(RUSSIAN) is RUSSIAN


def test_stand_ins_have_the_weight_of_their_markup() -> None:
    fonts = report_fonts()
    styles = make_styles(fonts)
    assert esc("Əli & <b>") == f'<font name="{fonts.fallback.regular}">Ə</font>li &amp; &lt;b&gt;'
    assert esc("Əli", bold=True) == f'<font name="{fonts.fallback.bold}">Ə</font>li'
    assert [frag.fontName for frag in para("Əli", styles.cell_bold).frags] == [fonts.fallback.bold, fonts.sans.bold]
    assert [frag.fontName for frag in para("Əli", styles.body).frags] == [fonts.fallback.regular, fonts.serif.regular]


def test_stand_ins_are_measured_in_their_own_font() -> None:
    fonts = report_fonts()
    face, size = fonts.sans.regular, 8.0
    dejavu = getFont(fonts.fallback.regular).stringWidth("əəə", size)
    assert runs("Rəşad", face) == [(face, "R"), (fonts.fallback.regular, "ə"), (face, "şad")]
    assert text_width("əəə", face, size) == pytest.approx(dejavu)
    wrapper = TextWrapper(face, size)
    assert wrapper.width("əəə") == pytest.approx(dejavu)
    lines = wrapper.lines("ə" * 60, 50)  # a word of stand-ins cut where DejaVu's widths run out
    assert "".join(lines) == "ə" * 60 and len(lines) > 1
    assert all(text_width(line, face, size) <= 50 for line in lines)
