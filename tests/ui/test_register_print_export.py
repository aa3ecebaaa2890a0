"""Print and export exactly what a register shows: its filters and its order (the header the clerk
clicked), for the PDF registers of incidents and claims and for the .xlsx export, in Russian and
English; Ctrl+P prints the register on screen."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from desktop.domain.enums import ClaimStatus
from desktop.domain.views import Filters
from desktop.domain.words import shown_number
from desktop.exchange import import_file
from desktop.ui.main_window import CLAIMS_TAB, INCIDENTS_TAB, MainWindow
from tests.reports.pdfcheck import pdf_text
from tests.synthetic import document
from tests.ui.test_report_preview import wait_preview


@pytest.fixture
def busy(window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> MainWindow:
    """The sample and 90 synthetic claims in 30 incidents over six districts, statuses mixed."""
    data = document(90, 3)
    for n, claim in enumerate(data["claims"]):
        claim["status"] = ("received", "under_review", "documents_requested")[n % 3]
        claim["requested_amount"] = f"{1000 + (n * 7919) % 90000}.00"  # amounts in no order of filing
    source = tmp_path / "more.json"
    source.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    import_file(window.store, source)
    window.refresh()
    for name in ("information", "warning"):
        monkeypatch.setattr(QMessageBox, name, lambda *a, **k: None)
    return window


def shown_rows(page) -> list:  # type: ignore[no-untyped-def]
    model = page.model
    return [model.row_at(n) for n in range(model.rowCount())]


def numbers_in(text: str, prefix: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip().startswith(prefix)]


@pytest.mark.parametrize("lang", ["ru", "en"])
def test_the_printed_claims_register_follows_the_windows_filter_and_sort(busy, qtbot, lang: str) -> None:
    from desktop.ui import i18n

    i18n.install(lang)
    busy.tabs.setCurrentIndex(CLAIMS_TAB)
    busy.claims.filter_bar.district.toggle("Боровский район")
    busy.claims.view.sortByColumn(busy.claim_model.column_of("requested"), Qt.SortOrder.DescendingOrder)
    rows = shown_rows(busy.claims)
    assert 10 < len(rows) < 40
    assert [r.requested for r in rows] == sorted((r.requested for r in rows), reverse=True)
    busy.report_register()  # the "Print register" button
    dialog = wait_preview(qtbot, busy.last_job)
    text = pdf_text(dialog.pdf)
    assert numbers_in(text, "З-" if lang == "ru" else "CLM-") == [shown_number(r.number, lang) for r in rows]
    if lang == "ru":
        assert "Район: Боровский район; по графе «Запрошено», по убыванию" in text
    else:
        assert "District: Боровский район; sorted by “Requested”, descending" in text


@pytest.mark.parametrize("lang", ["ru", "en"])
def test_the_printed_incidents_register_follows_the_windows_filter_and_sort(busy, qtbot, lang: str) -> None:
    from desktop.ui import i18n

    i18n.install(lang)
    busy.tabs.setCurrentIndex(INCIDENTS_TAB)
    busy.incidents.filter_bar.district.toggle("г. Калуга")
    busy.incidents.filter_bar.district.toggle("Кировский район")
    busy.incidents.view.sortByColumn(busy.incident_model.column_of("district"), Qt.SortOrder.DescendingOrder)
    rows = shown_rows(busy.incidents)
    assert {r.district for r in rows} == {"г. Калуга", "Кировский район"} and len(rows) == 11
    qtbot.keyClick(busy, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)  # the register on screen
    dialog = wait_preview(qtbot, busy.last_job)
    assert dialog.windowTitle() == ("Реестр происшествий" if lang == "ru" else "Incidents register")
    text = pdf_text(dialog.pdf)
    assert numbers_in(text, "П-" if lang == "ru" else "INC-") == [shown_number(r.reference, lang) for r in rows]
    if lang == "ru":
        assert "Район: г. Калуга, Кировский район; по графе «Район», по убыванию" in text
        assert "Итого происшествий: 11" in text
    else:
        assert "Total: 11 incidents" in text


def test_the_buttons_and_menu_print_their_own_register(busy, qtbot) -> None:
    busy.tabs.setCurrentIndex(INCIDENTS_TAB)
    busy.incidents_register_action.trigger()
    assert wait_preview(qtbot, busy.last_job).windowTitle() == "Incidents register"
    busy.register_report_action.trigger()  # the claims register, whichever tab is on screen
    assert wait_preview(qtbot, busy.last_job).windowTitle() == "Claims register"
    busy.tabs.setCurrentIndex(CLAIMS_TAB)
    busy.print_register_action.trigger()
    assert wait_preview(qtbot, busy.last_job).windowTitle() == "Claims register"


def test_the_workbook_of_the_claims_register_in_its_order(busy, qtbot, tmp_path: Path) -> None:
    busy.tabs.setCurrentIndex(CLAIMS_TAB)
    bar = busy.claims.filter_bar
    bar.claim_status.setCurrentIndex(bar.claim_status.findData(ClaimStatus.UNDER_REVIEW))
    busy.claims.view.sortByColumn(busy.claim_model.column_of("claimant"), Qt.SortOrder.DescendingOrder)
    rows = shown_rows(busy.claims)
    assert busy.claim_model.filters().status is ClaimStatus.UNDER_REVIEW and len(rows) > 20
    target = tmp_path / "claims.xlsx"
    job = busy.export_data(target, use_filter=True)
    with qtbot.waitSignal(job.ended, timeout=30_000):
        pass
    assert job.outcome == "finished"
    book = load_workbook(target, read_only=True)
    numbers = [r[0] for r in book["Заявления"].iter_rows(min_row=2, values_only=True)]
    assert numbers == [r.number for r in rows]
    # the incidents sheet: the claims' incidents, in the order they first appear
    incidents = [r[0] for r in book["Происшествия"].iter_rows(min_row=2, values_only=True)]
    assert incidents == list(dict.fromkeys(r.incident_reference for r in rows))


def test_the_workbook_of_the_incidents_register_in_its_order(busy, qtbot, tmp_path: Path) -> None:
    busy.tabs.setCurrentIndex(INCIDENTS_TAB)
    busy.incidents.filter_bar.district.toggle("Жуковский район")
    busy.incidents.filter_bar.district.toggle("г. Обнинск")
    busy.incidents.view.sortByColumn(busy.incident_model.column_of("location"), Qt.SortOrder.AscendingOrder)
    rows = shown_rows(busy.incidents)
    assert len(rows) == 10
    target = tmp_path / "incidents.xlsx"
    job = busy.export_data(target, use_filter=True)
    with qtbot.waitSignal(job.ended, timeout=30_000):
        pass
    book = load_workbook(target, read_only=True)
    assert [r[0] for r in book["Происшествия"].iter_rows(min_row=2, values_only=True)] == [r.reference for r in rows]
    cars = [r[0] for r in book["Транспортные средства"].iter_rows(min_row=2, values_only=True)]
    assert list(dict.fromkeys(cars)) == [r.reference for r in rows]  # each incident's cars under it, in its order
    claims = [r[3] for r in book["Заявления"].iter_rows(min_row=2, values_only=True)]
    assert list(dict.fromkeys(claims)) == [r.reference for r in rows]  # their claims, incident by incident
    assert len(claims) == sum(r.claims for r in rows)


def test_everything_in_the_registers_order_and_json_in_the_files_order(busy, qtbot, tmp_path: Path) -> None:
    busy.tabs.setCurrentIndex(INCIDENTS_TAB)
    busy.incidents.view.sortByColumn(busy.incident_model.column_of("reference"), Qt.SortOrder.DescendingOrder)
    target = tmp_path / "all.xlsx"
    job = busy.export_data(target, use_filter=False)
    with qtbot.waitSignal(job.ended, timeout=30_000):
        pass
    book = load_workbook(target, read_only=True)
    references = [r[0] for r in book["Происшествия"].iter_rows(min_row=2, values_only=True)]
    assert references == sorted(references, reverse=True) and len(references) == 32
    assert book["Люди"].max_row - 1 == busy.store.counts()["people"]  # everyone, as before

    busy.incidents.filter_bar.district.toggle("Тарусский район")
    target = tmp_path / "some.json"
    job = busy.export_data(target, use_filter=True)
    with qtbot.waitSignal(job.ended, timeout=30_000):
        pass
    exported = json.loads(target.read_text(encoding="utf-8"))
    shown = {r.reference for r in shown_rows(busy.incidents)}
    assert {i["reference"] for i in exported["incidents"]} == shown  # what the register shows
    moments = [i["occurred_at"] for i in exported["incidents"]]
    assert moments == sorted(moments)  # in the interchange file's own order (Export rules)
    assert busy.store.count_incidents(Filters(districts=("Тарусский район",))) == len(shown)
