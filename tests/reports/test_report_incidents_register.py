"""Register of incidents (`report incidents`): a row per incident with its counts and estimated
damage, totals, the filters and order it was made with, and thousands of incidents page by page."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from desktop import cli
from desktop.domain.enums import ClaimStatus, IncidentKind, IncidentStatus
from desktop.domain.views import Filters, IncidentRow, OfficeSettings
from desktop.domain.words import money, shown_number
from desktop.exchange import import_file
from desktop.reports import build_report
from desktop.reports.incidents_register import build_incidents_register
from desktop.storage import Store
from tests.reports.pdfcheck import MADE_AT, pdf_pages, pdf_text, squash
from tests.synthetic import document


def plain_money(amount: Decimal, lang: str = "ru") -> str:
    return money(amount, lang).replace("\u00a0", " ")


def incidents(store: Store, tmp_path: Path, lang: str = "ru", **options: Any) -> list[str]:
    out = build_report(store, "incidents", tmp_path / f"incidents-{lang}.pdf", lang=lang, made_at=MADE_AT, **options)
    return pdf_pages(out)


@pytest.mark.parametrize("lang", ["ru", "en"])
def test_every_incident_with_its_counts_and_totals(store: Store, tmp_path: Path, lang: str) -> None:
    pages = incidents(store, tmp_path, lang)
    assert len(pages) == 1
    text = pages[0]
    flat = squash(text)
    kaluga = "П-2026-0001" if lang == "ru" else "INC-2026-0001"
    gatchina = "П-2026-0002" if lang == "ru" else "INC-2026-0002"
    assert kaluga in text and gatchina in text
    assert text.index(kaluga) < text.index(gatchina)  # by date, the earliest first (same day: as recorded)
    assert "12.09.2026" in text  # the date, not the time
    for value in ("г. Калуга", "у пруда на окраине Калуги", "Гатчинский район", "насосная станция на окраине посёлка"):
        assert squash(value) in flat, value
    # Kaluga: 3 cars, no property, 3 claims, 170 300,50; Gatchina: the pumping station, 1 claim, 2 350 000
    assert plain_money(Decimal("170300.50"), lang) in text
    assert plain_money(Decimal("2350000.00"), lang) in text
    assert plain_money(Decimal("2520300.50"), lang) in text  # the total estimate
    if lang == "ru":
        assert "Реестр происшествий" in text and "Все происшествия" in text
        assert "падение обломков БПЛА" in text and "открыто" in text
        assert "Итого происшествий: 2\n3\n1\n4\n" in text  # vehicles, property, claims
        assert "CLM-" not in text and "INC-" not in text
    else:
        assert "Register of incidents" in text and "All incidents" in text
        assert "debris of a downed UAV" in text and "open" in text
        assert "Total: 2 incidents\n3\n1\n4\n" in text


def test_filters_select_rows_and_are_printed(store: Store, tmp_path: Path) -> None:
    text = "\n".join(incidents(store, tmp_path, filters=Filters(districts=("г. Калуга",), date_from=date(2026, 9, 1))))
    assert "Дата происшествия с 01.09.2026; район: г. Калуга" in text
    assert "П-2026-0001" in text and "П-2026-0002" not in text
    assert "Итого происшествий: 1" in text
    # incidents with a claim in that status: the Gatchina incident's claim is approved
    text = "\n".join(incidents(store, tmp_path, "en", filters=Filters(status=ClaimStatus.APPROVED)))
    assert "With claims in status “approved”" in text
    assert "INC-2026-0002" in text and "INC-2026-0001" not in text


def test_an_empty_selection_says_so_on_a_numbered_page(store: Store, tmp_path: Path) -> None:
    pages = incidents(store, tmp_path, filters=Filters(districts=("Нет такого района",)))
    assert len(pages) == 1
    assert "Нет происшествий, отвечающих условиям отбора." in pages[0]
    assert "Страница 1 из 1" in pages[0]


def test_printed_in_the_order_asked_for(store: Store, tmp_path: Path) -> None:
    text = "\n".join(incidents(store, tmp_path, sort="district", descending=True))
    assert "Все происшествия; по графе «Район», по убыванию" in text
    assert text.index("П-2026-0001") < text.index("П-2026-0002")  # г. Калуга after Гатчинский, descending
    text = "\n".join(incidents(store, tmp_path, "en", sort="district"))
    assert "All incidents; sorted by “District”, ascending" in text
    assert text.index("INC-2026-0002") < text.index("INC-2026-0001")


def test_thousands_of_incidents_on_full_pages_with_the_header_on_each(store: Store, tmp_path: Path) -> None:
    source = tmp_path / "many.json"
    source.write_text(json.dumps(document(6000, 2), ensure_ascii=False), encoding="utf-8")  # 3,000 incidents
    import_file(store, source)
    rows = list(store.iter_incident_rows(Filters(), sort="reference", descending=True))
    assert len(rows) == 3002
    pages = incidents(store, tmp_path, sort="reference", descending=True)
    assert 3002 / 40 < len(pages) < 3002 / 25  # one line a row: full pages
    references: list[str] = []
    for n, page in enumerate(pages, start=1):
        assert "Район" in page and "Оценка ущерба" in page, f"no header on page {n}"
        assert f"Страница {n} из {len(pages)}" in page
        references += [line.strip() for line in page.splitlines() if line.strip().startswith("П-")]
    assert references == [shown_number(r.reference, "ru") for r in rows]  # each once, in the store's order
    total = sum((r.estimated or Decimal(0) for r in rows), Decimal(0))
    assert f"Итого происшествий: 3 002\n6 003\n1\n6 004\n{plain_money(total)}" in pages[-1]


def _rows(n: int) -> Iterator[IncidentRow]:
    for i in range(n):
        yield IncidentRow(id=str(i), reference=f"INC-2026-{i + 1:04d}", occurred_at=datetime(2026, 1, 1) + timedelta(hours=i),
                          kind=IncidentKind.UAV_DEBRIS, region="Калужская область", district="г. Калуга",
                          location="ул. Ленина, д. 1", status=IncidentStatus.OPEN, vehicles=2, properties=0, claims=1,
                          estimated=Decimal("1000.00"))


def test_rows_stream_through_page_by_page_and_cancel_leaves_no_file(tmp_path: Path) -> None:
    pulled = 0
    progress: list[tuple[int, int]] = []

    def counted() -> Iterator[IncidentRow]:
        nonlocal pulled
        for row in _rows(500):
            pulled += 1
            yield row

    build_incidents_register(tmp_path / "r.pdf", counted(), OfficeSettings(), progress=lambda d: progress.append((d, pulled)))
    assert progress[-1][0] == 500
    first_done, first_pulled = progress[0]
    assert 20 < first_done < 60 and first_pulled == first_done + 1  # one row ahead, not all 500

    class Cancelled(Exception):
        pass

    def cancel(done: int) -> None:
        if done > 100:
            raise Cancelled

    (tmp_path / "r.pdf").unlink()
    with pytest.raises(Cancelled):
        build_incidents_register(tmp_path / "r.pdf", _rows(1000), OfficeSettings(), progress=cancel)
    assert list(tmp_path.iterdir()) == []


def run(*args: str) -> int:
    """The exit status, as a shell sees it (argparse's own usage errors raise SystemExit)."""
    try:
        return cli.main(list(args))
    except SystemExit as e:
        return int(e.code or 0)


def test_the_command_line(store: Store, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "реестр происшествий.pdf"
    assert run("--db", str(store.path), "report", "incidents", "--from", "2026-09-12", "--to", "2026-09-12",
               "-o", str(out), "--lang", "ru") == 0
    assert capsys.readouterr().out.strip() == str(out)
    assert "Итого происшествий: 2" in pdf_text(out)
    assert run("--db", str(store.path), "report", "incidents", "-o", str(out), "--lang", "en") == 0
    assert "Register of incidents" in pdf_text(out)  # our own report is replaced
    for args, status, message in (
        (["--district"], 2, "expected one argument"),
        (["-o", str(tmp_path / "incidents.txt")], 2, "must end in .pdf"),
        (["-o", str(store.path)], 2, "the database itself"),
        (["-o", str(tmp_path / "no" / "x.pdf")], 2, "no such folder"),
        (["--status", "closed", "-o", str(out)], 2, "--status"),
    ):
        assert run("--db", str(store.path), "report", "incidents", *args) == status, args
        assert message in capsys.readouterr().err, args
    missing = tmp_path / "absent" / "log.sqlite3"
    assert run("--db", str(missing), "report", "incidents", "-o", str(out)) == 3
