"""Summary by district and status, with its chart."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from pypdf import PdfReader

from desktop.domain.enums import ClaimStatus
from desktop.domain.views import Filters, OfficeSettings, SummaryRow
from desktop.domain.words import money
from desktop.reports import build_report
from desktop.reports.summary import build_summary
from desktop.storage import Store
from tests.reports.pdfcheck import MADE_AT, page_fonts, pdf_pages, pdf_text, squash


def plain_money(amount: str, lang: str) -> str:
    return money(Decimal(amount), lang).replace("\u00a0", " ")


def summary(store: Store, tmp_path: Path, lang: str, filters: Filters | None = None) -> str:
    out = build_report(store, "summary", tmp_path / f"summary-{lang}.pdf", filters=filters, lang=lang,
                       made_at=MADE_AT)
    return pdf_text(out)


@pytest.mark.parametrize("lang", ["ru", "en"])
def test_sums_by_district_and_status_add_up(store: Store, tmp_path: Path, lang: str) -> None:
    text = summary(store, tmp_path, lang)
    lines = [line.strip() for line in text.splitlines()]
    # by district: Гатчинский район 1 claim, 2 350 000 / 2 100 000 / 0; г. Калуга 3 claims, 170 300,50 / 48 500 / 48 500
    at = lines.index("Гатчинский район")
    assert lines[at + 1: at + 5] == ["1", plain_money("2350000", lang), plain_money("2100000", lang),
                                     plain_money("0", lang)]
    at = lines.index("г. Калуга")
    assert lines[at + 1: at + 5] == ["3", plain_money("170300.50", lang), plain_money("48500", lang),
                                     plain_money("48500", lang)]
    # the grand total appears under each table, and is the sum of the districts
    total = [plain_money("2520300.50", lang), plain_money("2148500", lang), plain_money("48500", lang)]
    total_word = "Итого" if lang == "ru" else "Total"
    starts = [i for i, line in enumerate(lines) if line == total_word]
    assert len(starts) >= 3  # districts, statuses, the counts' matrix (and its column caption)
    assert [lines[i + 1: i + 5] for i in starts[:2]] == [["4", *total], ["4", *total]]
    for status in ("under review", "approved", "rejected", "paid") if lang == "en" else (
            "на рассмотрении", "одобрено", "отказано", "выплачено"):
        assert squash(status) in squash(text)
    # the chart: its title, legend and the bars' values in thousands
    if lang == "ru":
        assert "Суммы по районам, тыс. ₽" in text and "2 350" in text and "48,5" in text
        assert "Запрошено" in text and "Одобрено" in text and "Выплачено" in text
    else:
        assert "Sums by district, thousand ₽" in text and "2,350" in text and "48.5" in text


def test_filters_on_the_incident_date_and_the_status(store: Store, tmp_path: Path) -> None:
    text = summary(store, tmp_path, "ru", Filters(date_from=date(2026, 9, 12), date_to=date(2026, 9, 12),
                                                  status=ClaimStatus.APPROVED))
    assert "Дата происшествия с 12.09.2026 по 12.09.2026; статус: одобрено" in text
    assert "Гатчинский район" in text and "г. Калуга" not in text.split("Итого")[0].split("По районам")[1]


def test_chart_text_uses_the_embedded_font(store: Store, tmp_path: Path) -> None:
    out = build_report(store, "summary", tmp_path / "s.pdf", lang="ru", made_at=MADE_AT)
    fonts = page_fonts(out)
    assert all(embedded for _, _, embedded in fonts)
    assert len(PdfReader(str(out)).pages) == 1


def test_many_districts_fold_into_the_chart_and_list_in_full(tmp_path: Path) -> None:
    rows = [
        SummaryRow(f"Район № {n} с длинным названием муниципального образования", ClaimStatus.RECEIVED, n,
                   Decimal(n * 1_000_000), Decimal(0), Decimal(0))
        for n in range(1, 41)
    ]
    out = build_summary(tmp_path / "s.pdf", rows, OfficeSettings(office_name="Администрация"), lang="ru")
    pages = pdf_pages(out)
    text = squash("\n".join(pages))
    for n in range(1, 41):
        assert squash(f"Район № {n} с длинным названием") in text
    assert "млн ₽" in "\n".join(pages)  # sums up to 40 million are drawn in millions
    assert "другие районы (17)" in "\n".join(pages)  # the chart shows 23 districts and the rest summed
    assert "Итого" in "\n".join(pages)
    for n, page in enumerate(pages, start=1):
        assert f"Страница {n} из {len(pages)}" in page


def test_no_claims_selected(store: Store, tmp_path: Path) -> None:
    text = summary(store, tmp_path, "en", Filters(districts=("Nowhere",)))
    assert "No claims match the selection." in text and "Page 1 of 1" in text
