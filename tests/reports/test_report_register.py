"""Register of claims: every row, the filters it was made with, totals, and thousands of rows."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from desktop.domain.enums import ClaimStatus
from desktop.domain.views import ClaimRow, Filters, OfficeSettings
from desktop.domain.words import money, shown_number
from desktop.exchange import import_file
from desktop.reports import build_report
from desktop.reports.register import build_register
from desktop.storage import Store
from tests.reports.pdfcheck import HOSTILE, MADE_AT, pdf_pages, pdf_text, squash
from tests.synthetic import document


def plain_money(amount: Decimal, lang: str = "ru") -> str:
    return money(amount, lang).replace("\u00a0", " ")


def register(store: Store, tmp_path: Path, lang: str = "ru", filters: Filters | None = None) -> list[str]:
    out = build_report(store, "register", tmp_path / f"register-{lang}.pdf", filters=filters, lang=lang,
                       made_at=MADE_AT)
    return pdf_pages(out)


@pytest.mark.parametrize("lang", ["ru", "en"])
def test_every_claim_with_its_columns_and_totals(store: Store, tmp_path: Path, lang: str) -> None:
    text = "\n".join(register(store, tmp_path, lang))
    flat = squash(text)
    rows = list(store.iter_claim_rows(Filters()))
    assert len(rows) == 4
    for row in rows:
        for value in (shown_number(row.number, lang), row.filed_on.strftime("%d.%m.%Y"), row.claimant,
                      shown_number(row.incident_reference, lang), row.district):
            assert squash(value) in flat, value
        assert plain_money(row.requested, lang) in text  # type: ignore[arg-type]
    requested = sum(r.requested or 0 for r in rows)
    approved = sum(r.approved or 0 for r in rows)
    paid = sum(r.paid or 0 for r in rows)
    assert (requested, approved, paid) == (Decimal("2520300.50"), Decimal("2148500.00"), Decimal("48500.00"))
    for amount in (requested, approved, paid):
        assert plain_money(amount, lang) in text
    if lang == "ru":
        assert "Реестр заявлений" in text and "Все заявления" in text and "Итого заявлений: 4" in text
    else:
        assert "Register of claims" in text and "All claims" in text and "Total: 4 claims" in text


def test_filters_select_rows_and_are_printed(store: Store, tmp_path: Path) -> None:
    filters = Filters(districts=("г. Калуга",), date_from=date(2026, 9, 15), date_to=date(2026, 9, 30))
    text = "\n".join(register(store, tmp_path, filters=filters))
    assert "Дата подачи с 15.09.2026 по 30.09.2026; район: г. Калуга" in text
    assert "З-2026-0001" not in text  # filed on 14.09
    assert "З-2026-0004" not in text  # another district
    assert "З-2026-0002" in text and "З-2026-0003" in text and "CLM-" not in text
    assert "Итого заявлений: 2" in text
    assert plain_money(Decimal("121800.50")) in text  # 112 000 + 9 800,50

    text = "\n".join(register(store, tmp_path, "en", Filters(status=ClaimStatus.PAID)))
    assert "Status: paid" in text and "Total: 1 claims" in text and "CLM-2026-0001" in text


def test_an_empty_selection_says_so_on_a_numbered_page(store: Store, tmp_path: Path) -> None:
    pages = register(store, tmp_path, filters=Filters(districts=("Нет такого района",)))
    assert len(pages) == 1
    assert "Нет заявлений, отвечающих условиям отбора." in pages[0]
    assert "Страница 1 из 1" in pages[0]


def test_thousands_of_claims_on_full_pages_with_the_header_on_each(store: Store, tmp_path: Path) -> None:
    source = tmp_path / "many.json"
    data: dict[str, Any] = document(3000)
    data["people"][5]["full_name"] = HOSTILE
    source.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    import_file(store, source)
    rows = list(store.iter_claim_rows(Filters()))
    assert len(rows) == 3004

    pages = register(store, tmp_path)
    # page-sized tables, full pages (a decided claim's decision, its number over its date, takes two lines)
    assert 3004 / 40 < len(pages) < 3004 / 20
    numbers: list[str] = []
    for n, page in enumerate(pages, start=1):
        assert "Заявитель" in page and "Выплачено" in page, f"no header on page {n}"
        assert f"Страница {n} из {len(pages)}" in page
        numbers += [line.strip() for line in page.splitlines() if line.strip().startswith("З-")]
    assert numbers == [shown_number(r.number, "ru") for r in rows]  # each claim once, in the store's order
    total = sum((r.requested or Decimal(0) for r in rows), Decimal(0))
    assert "Итого заявлений: 3 004" in pages[-1]
    assert plain_money(total) in pages[-1]
    text = "\n".join(pages)
    assert HOSTILE in text
    assert "паспорт" not in text  # the synthetic people all have passports


def _rows(n: int, claimant: str = "Иванов Иван Иванович") -> Iterator[ClaimRow]:
    for i in range(n):
        yield ClaimRow(id=str(i), number=f"CLM-2026-{i + 1:04d}", filed_on=date(2026, 1, 1) + timedelta(days=i // 50),
                       claimant=claimant, incident_reference="INC-2026-0001", district="г. Калуга",
                       status=ClaimStatus.RECEIVED, requested=Decimal("1000.00"), approved=None, paid=None,
                       decided=False)


def test_rows_stream_through_page_by_page(tmp_path: Path) -> None:
    pulled = 0
    seen_at_progress: list[tuple[int, int]] = []

    def counted() -> Iterator[ClaimRow]:
        nonlocal pulled
        for row in _rows(500):
            pulled += 1
            yield row

    build_register(tmp_path / "r.pdf", counted(), OfficeSettings(office_name="Администрация"),
                   progress=lambda done: seen_at_progress.append((done, pulled)))
    assert seen_at_progress[-1][0] == 500
    first_done, first_pulled = seen_at_progress[0]
    assert 20 < first_done < 60 and first_pulled == first_done + 1  # one row ahead, not all 500
    assert [d for d, _ in seen_at_progress] == sorted(d for d, _ in seen_at_progress)


def test_cancelling_from_progress_leaves_no_file(tmp_path: Path) -> None:
    class Cancelled(Exception):
        pass

    def cancel(done: int) -> None:
        if done > 100:
            raise Cancelled

    with pytest.raises(Cancelled):
        build_register(tmp_path / "r.pdf", _rows(1000), OfficeSettings(), progress=cancel)
    assert list(tmp_path.iterdir()) == []


def test_long_names_wrap_inside_their_column(tmp_path: Path) -> None:
    name = "Общество с ограниченной ответственностью «" + "Очень" * 30 + " длинное название & <компания>»"
    out = build_register(tmp_path / "r.pdf", _rows(3, claimant=name), OfficeSettings(), lang="en")
    text = pdf_text(out)
    assert squash(text).count(squash(name)) == 3


def test_wrapped_lines_fit_the_column_even_for_one_long_word() -> None:
    from reportlab.pdfbase.pdfmetrics import stringWidth

    from desktop.reports.fonts import report_fonts
    from desktop.reports.grid import TextWrapper
    from desktop.reports.register import FONT_SIZE

    font = report_fonts().sans.regular
    wrap = TextWrapper(font, FONT_SIZE)
    text = "ООО «" + "Очень" * 30 + "» и ещё несколько слов"
    lines = wrap.lines(text, 120)
    assert len(lines) > 3
    assert all(stringWidth(line, font, FONT_SIZE) <= 120 for line in lines)
    assert "".join(lines).replace(" ", "") == text.replace(" ", "")


def test_the_windows_extra_filters_are_printed_too() -> None:
    from desktop.domain.enums import IncidentKind, IncidentStatus
    from desktop.reports.register import describe_filters

    filters = Filters(status=ClaimStatus.UNDER_REVIEW, incident_kind=IncidentKind.UAV_STRIKE,
                      incident_status=IncidentStatus.OPEN, text="Лада <&>", overdue_only=True)
    assert describe_filters(filters, "ru") == (
        "Статус: на рассмотрении; вид происшествия: попадание БПЛА; происшествие открыто; "
        "содержит «Лада <&>»; только просроченные"
    )
    assert describe_filters(filters, "en") == (
        "Status: under review; incident kind: UAV strike; incident open; containing “Лада <&>”; overdue only"
    )
    assert describe_filters(Filters(), "en") == "All claims"


def _decided_rows() -> list[ClaimRow]:
    """Three claims filed 01.09.2026 (answer due 01.10.2026): one approved by decision 17-р of
    25.09.2026, one rejected, one still under review (overdue from 02.10.2026)."""
    common: dict[str, Any] = dict(filed_on=date(2026, 9, 1), claimant="Кузнецова Анна Викторовна",
                                  incident_reference="INC-2026-0001", district="г. Калуга", requested=Decimal("1000.00"),
                                  paid=None)
    return [
        ClaimRow(id="1", number="CLM-2026-0001", status=ClaimStatus.APPROVED, approved=Decimal("900.00"), decided=True,
                 decision_number="17-р", decision_date=date(2026, 9, 25), **common),
        ClaimRow(id="2", number="CLM-2026-0002", status=ClaimStatus.REJECTED, approved=None, decided=True,
                 decision_number="18/2026", decision_date=date(2026, 9, 28), **common),
        ClaimRow(id="3", number="CLM-2026-0003", status=ClaimStatus.UNDER_REVIEW, approved=None, decided=False, **common),
    ]


@pytest.mark.parametrize("lang", ["ru", "en"])
def test_answer_date_and_decision_columns(tmp_path: Path, lang: str) -> None:
    from desktop.domain import deadlines

    made = datetime.fromisoformat("2026-10-20T10:00:00+03:00")
    out = build_register(tmp_path / "r.pdf", iter(_decided_rows()), OfficeSettings(office_name="Администрация"),
                         lang=lang, made_at=made)
    text = pdf_text(out)
    due = deadlines.answer_due(date(2026, 9, 1)).strftime("%d.%m.%Y")
    assert due == "01.10.2026"
    assert text.count(due) == 3  # every claim's answer date, from `deadlines`
    of = "от" if lang == "ru" else "of"
    assert f"17-р\n{of} 25.09.2026" in text and f"18/2026\n{of} 28.09.2026" in text
    if lang == "ru":
        assert "Срокответа" in squash(text) and "Решение" in text  # the caption wraps
        assert "Итого заявлений: 3; просрочено на 20.10.2026: 1" in text  # the one under review
    else:
        assert "Answerdue" in squash(text) and "Decision" in text
        assert "Total: 3 claims; overdue on 20.10.2026: 1" in text
    # on the day before the answer date nothing is overdue, and the total says nothing of it
    text = pdf_text(build_register(tmp_path / "r2.pdf", iter(_decided_rows()), OfficeSettings(), lang=lang,
                                   made_at=datetime.fromisoformat("2026-10-01T10:00:00+03:00")))
    assert "просрочено" not in text and "overdue" not in text


def test_the_order_is_printed_under_the_title(tmp_path: Path) -> None:
    out = build_register(tmp_path / "r.pdf", iter(_decided_rows()), OfficeSettings(), lang="ru",
                         filters=Filters(districts=("г. Калуга",)), sort="district", descending=True, made_at=MADE_AT)
    assert "Район: г. Калуга; по графе «Район», по убыванию" in pdf_text(out)
    out = build_register(tmp_path / "r.pdf", iter(_decided_rows()), OfficeSettings(), lang="en", sort="days_left",
                         made_at=MADE_AT)
    assert "All claims; sorted by “Answer due”, ascending" in pdf_text(out)
    out = build_register(tmp_path / "r.pdf", iter(_decided_rows()), OfficeSettings(), lang="en", made_at=MADE_AT)
    assert "All claims\n" in pdf_text(out)  # no sort given: the store's default order, not described


@pytest.mark.parametrize("lang", ["ru", "en"])
def test_decisions_and_answer_dates_from_the_store(store: Store, tmp_path: Path, lang: str) -> None:
    text = "\n".join(register(store, tmp_path, lang))
    of = "от" if lang == "ru" else "of"
    for decision in (f"РП-112\n{of} 20.09.2026", f"РП-118\n{of} 22.09.2026", f"РП-120\n{of} 24.09.2026"):
        assert decision in text
    for row in store.iter_claim_rows(Filters()):
        assert row.answer_due.strftime("%d.%m.%Y") in text
    # made on 26.09.2026: nothing is past its answer date yet
    assert "просрочено" not in text and "overdue" not in text


def test_printed_in_the_windows_order(store: Store, tmp_path: Path) -> None:
    out = build_report(store, "register", tmp_path / "r.pdf", lang="ru", made_at=MADE_AT, sort="requested",
                       descending=True)
    text = pdf_text(out)
    assert "Все заявления; по графе «Запрошено», по убыванию" in text
    shown = [shown_number(r.number, "ru") for r in store.claim_rows(Filters(), "requested", True)]
    assert [line for line in text.splitlines() if line.startswith("З-")] == shown
