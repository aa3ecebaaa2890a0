"""Long text flows across pages in every report: nothing stops the build, nothing is cut or lost.

A description of 10,000 characters, one "word" of 5,000 (a pasted link, a scanned code) or an
address of a thousand made the incident report and the claim sheet fail with LayoutError:
reportlab cannot split a table row, and such a value made a row taller than the page. Each test
reads the PDF back and finds every word of the text, in order, with its markup characters, and
the long word whole (page furniture may come between its pieces, nothing else).
"""

from __future__ import annotations

import dataclasses
import re
from decimal import Decimal
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from reportlab.pdfbase.pdfmetrics import stringWidth

from desktop.domain.enums import ClaimStatus
from desktop.domain.views import OfficeSettings, SummaryRow
from desktop.reports import build_report
from desktop.reports.fonts import report_fonts
from desktop.reports.grid import TextWrapper
from desktop.reports.incident import build_incident_report
from desktop.reports.layout import Column, ReportDocument, ruled_table
from desktop.reports.register import build_register
from desktop.reports.request_documents import build_request_letter
from desktop.reports.summary import build_summary
from desktop.storage import Store
from tests.reports.pdfcheck import MADE_AT, OFFICE, pdf_pages, pdf_text, squash
from tests.reports.test_report_register import _rows

WORD_CHAR = "Ъ"  # a capital hard sign: in no caption, so every one printed is the long word's


def words(count: int, tag: str) -> str:
    """`count` numbered Cyrillic words, each carrying markup characters that must print literally."""
    return " ".join(f"{tag}{n}<&>" for n in range(count))


def long_word(length: int) -> str:
    return WORD_CHAR * length


def assert_whole(text: str, expected: str, tag: str, word: int | None = None, times: int = 1) -> None:
    """Every numbered word of `expected` in order (each `times`), and the long word's every character."""
    flat = squash(text)
    wanted = re.findall(rf"{tag}\d+<&>", squash(expected))
    found = re.findall(rf"{tag}\d+<&>", flat)
    assert found == wanted * times, f"{len(found)} of {len(wanted) * times} words of {tag}"
    if word is not None:
        assert flat.count(WORD_CHAR) == word * times


def test_incident_description_of_10000_characters_with_a_5000_character_word(
    make_store: Any, sample_data: dict[str, Any], tmp_path: Path
) -> None:
    description = words(380, "опис") + " " + long_word(5000)
    assert 9000 < len(description) <= 10_000  # the longest the import accepts
    incident = sample_data["incidents"][0]
    incident["description"] = description
    incident["location"] = words(80, "место")  # about 1,000 characters
    incident["vehicles"][1]["damage"] = words(150, "ущерб")  # about 2,000 characters
    store = make_store(sample_data, OFFICE)

    out = build_report(store, "incident", tmp_path / "incident.pdf", reference="INC-2026-0001", lang="ru",
                       made_at=MADE_AT)
    text = pdf_text(out)
    assert_whole(text, description, "опис", word=5000)
    assert_whole(text, incident["location"], "место")
    assert_whole(text, incident["vehicles"][1]["damage"], "ущерб")
    pages = pdf_pages(out)
    assert len(pages) >= 3
    assert all(f"Страница {n} из {len(pages)}" in page for n, page in enumerate(pages, start=1))


def test_incident_report_beyond_the_import_limits(store: Store, tmp_path: Path) -> None:
    """Reports take records as they are: an older log or another program may hold longer text."""
    incident = store.get_incident_by_reference("INC-2026-0001")
    assert incident is not None
    description = words(2500, "опис") + " " + long_word(8000)  # about 35,000 characters
    damage = long_word(6000) + " " + words(600, "ущерб")
    vehicles = [dataclasses.replace(v, damage=damage) if n == 0 else v for n, v in enumerate(incident.vehicles)]
    longer = dataclasses.replace(incident, description=description, vehicles=vehicles)
    claims = store.claims_for_incident(incident.id)
    people = store.people_by_ids({c.claimant_id for c in claims} | {v.owner_id for v in vehicles if v.owner_id})

    out = build_incident_report(tmp_path / "long.pdf", longer, claims, people, store.settings(), lang="en",
                                made_at=MADE_AT)
    text = pdf_text(out)
    assert squash(text).count(WORD_CHAR) == 14000
    assert_whole(text, description, "опис", word=14000)
    assert_whole(text, damage, "ущерб", word=14000)


def test_claim_sheet_with_long_notes_reason_address_and_document_note(
    make_store: Any, sample_data: dict[str, Any], tmp_path: Path
) -> None:
    claim = sample_data["claims"][2]  # CLM-2026-0003, rejected: it has a decision with a reason
    claim["notes"] = long_word(5000) + " " + words(380, "прим")
    claim["decision"]["reason"] = words(150, "прич")
    claim["documents"][0]["note"] = words(80, "докум")
    claimant = next(p for p in sample_data["people"] if p["id"] == claim["claimant_id"])
    claimant["address"] = words(80, "адрес")
    store = make_store(sample_data, OFFICE)

    out = build_report(store, "claim", tmp_path / "claim.pdf", number="CLM-2026-0003", lang="ru", made_at=MADE_AT)
    text = pdf_text(out)
    assert_whole(text, claim["notes"], "прим", word=5000)
    assert_whole(text, claim["decision"]["reason"], "прич")
    assert_whole(text, claim["documents"][0]["note"], "докум")
    assert_whole(text, claimant["address"], "адрес")
    assert OFFICE["signatory_name"] in text


def test_register_prints_a_claimant_of_any_length_whole(tmp_path: Path) -> None:
    name = words(900, "имя") + " " + long_word(5000)  # no row is cut at a number of lines any more
    out = build_register(tmp_path / "r.pdf", _rows(3, claimant=name), OfficeSettings(office_name="Администрация"),
                         lang="ru", made_at=MADE_AT)
    text = pdf_text(out)
    assert_whole(text, name, "имя", word=5000, times=3)
    assert "Итого заявлений: 3" in text


def test_summary_with_a_district_name_of_thousands_of_characters(tmp_path: Path) -> None:
    district = words(300, "район") + " " + long_word(3000)
    rows = [
        SummaryRow(district, ClaimStatus.RECEIVED, 2, Decimal("100.00"), Decimal("0.00"), Decimal("0.00")),
        SummaryRow("г. Калуга", ClaimStatus.PAID, 1, Decimal("50.00"), Decimal("50.00"), Decimal("50.00")),
    ]
    out = build_summary(tmp_path / "s.pdf", rows, OfficeSettings(office_name="Администрация"), lang="ru",
                        made_at=MADE_AT)
    flat = squash(pdf_text(out))
    # in full in the district table and in the counts' matrix; the chart cuts names to its labels
    found = re.findall(r"район\d+<&>", flat)
    assert found[:600] == re.findall(r"район\d+<&>", squash(district)) * 2
    assert flat.count(WORD_CHAR) >= 6000


def test_request_letter_with_a_long_address_and_many_items(store: Store, tmp_path: Path) -> None:
    claim = store.get_claim_by_number("CLM-2026-0002")
    assert claim is not None
    incident = store.get_incident(claim.incident_id)
    claimant = store.get_person(claim.claimant_id)
    assert incident is not None and claimant is not None
    address = words(700, "адрес") + " " + long_word(5000)
    claimant = dataclasses.replace(claimant, address=address)
    missing = store.required_documents().missing(claim, incident, claimant.kind)
    out = build_request_letter(tmp_path / "letter.pdf", claim, incident, claimant, store.settings(), missing,
                               lang="ru", made_at=MADE_AT)
    text = pdf_text(out)
    assert_whole(text, address, "адрес", word=5000)
    assert "Уважаем" in text and "Игорь Петрович!" in text


def test_long_settings_are_cut_in_the_letterhead_and_signature_not_the_report(store: Store, tmp_path: Path) -> None:
    for key in ("office_name", "office_address", "signatory_name", "signatory_position"):
        store.set_setting(key, long_word(3000))
    for kind, options in (("claim", {"number": "CLM-2026-0001"}), ("register", {})):
        out = build_report(store, kind, tmp_path / f"{kind}.pdf", lang="ru", made_at=MADE_AT, **options)
        pages = pdf_pages(out)
        assert all(f"Страница {n} из {len(pages)}" in page for n, page in enumerate(pages, start=1))
        assert "…" in pages[0]


LETTERS = st.sampled_from(list("абвгдеёжзийклмнопрстуфхцчшщыьэюяАБВГДЕЖЗabcXYZ0123456789<>&«»№.,-—"))
TEXT = st.lists(
    st.one_of(st.lists(LETTERS, min_size=1, max_size=12).map("".join), st.integers(600, 4000).map(long_word)),
    min_size=1, max_size=400,
).map(" ".join)


@settings(max_examples=40, deadline=None)
@given(text=TEXT, width=st.floats(20, 400))
def test_wrapped_lines_fit_and_keep_every_character(text: str, width: float) -> None:
    font = report_fonts().sans.regular
    lines = TextWrapper(font, 8.5).lines(text, width)
    assert all(stringWidth(line, font, 8.5) <= width + 1e-6 for line in lines)
    assert squash("".join(lines)) == squash(text)


@settings(max_examples=6, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(cells=st.lists(TEXT, min_size=1, max_size=3))
def test_a_ruled_table_prints_any_text_whole(tmp_path: Path, cells: list[str]) -> None:
    doc = ReportDocument(tmp_path / "grid.pdf", settings=OfficeSettings(office_name="Office"), title="T", lang="en",
                         made_at=MADE_AT)
    columns = [Column("N", fit=True), Column("Text", weight=2), Column("Other")]
    body = [[str(n), text, "·"] for n, text in enumerate(cells, start=1)]
    out = doc.build([ruled_table(columns, body, doc.width, doc.styles)])
    flat = squash(pdf_text(out))
    position = 0
    for text in cells:
        for word in text.split(" "):  # each word in order; furniture may come between pieces of one
            for piece in re.findall(f"[^{WORD_CHAR}]+", word):  # the long words are counted below
                found = flat.find(piece, position)
                assert found >= 0, piece[:40]
                position = found + len(piece)
    assert flat.count(WORD_CHAR) == sum(t.count(WORD_CHAR) for t in cells)
