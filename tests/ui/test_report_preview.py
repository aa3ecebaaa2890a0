"""Reports from the window: built on a worker thread, previewed with QtPdf, printed, saved."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QFileDialog, QMessageBox

from desktop.ui.dialogs.report_preview import ReportPreviewDialog, show_report, suggested_name
from desktop.ui.main_window import CLAIMS_TAB, INCIDENTS_TAB


def wait_preview(qtbot, request) -> ReportPreviewDialog:
    with qtbot.waitSignal(request.previewReady, timeout=30_000) as blocker:
        pass
    dialog = blocker.args[0]
    qtbot.addWidget(dialog)
    return dialog


def test_print_register_shows_what_the_filter_shows(window, qtbot):
    window.tabs.setCurrentIndex(CLAIMS_TAB)
    bar = window.claims.filter_bar
    bar.overdue.setChecked(True)
    assert window.claim_model.rowCount() == 1
    window.report_register()  # the "Print register" button
    dialog = wait_preview(qtbot, window.last_job)
    assert dialog.page_count() >= 1
    text = "".join(page.extract_text() for page in PdfReader(dialog.pdf).pages)
    assert "CLM-2026-0002" in text
    assert "CLM-2026-0001" not in text  # the filter's rows only
    folder = dialog.pdf.parent
    dialog.close()
    assert not folder.exists()  # the temporary PDF goes with the preview


@pytest.mark.parametrize(("kind", "tab", "row"), [("incident", INCIDENTS_TAB, 1), ("claim", CLAIMS_TAB, 0)])
def test_report_of_the_selected_record(window, qtbot, kind, tab, row):
    window.tabs.setCurrentIndex(tab)
    page = window.current_page()
    page.view.selectRow(row)
    (window.report_incident if kind == "incident" else window.report_claim)()
    dialog = wait_preview(qtbot, window.last_job)
    record = page.model.row_at(row)
    expected = record.reference if kind == "incident" else record.number
    assert expected in dialog.windowTitle()
    assert expected in "".join(p.extract_text() for p in PdfReader(dialog.pdf).pages)


def test_summary_and_request_letter(window, qtbot, monkeypatch):
    window.tabs.setCurrentIndex(INCIDENTS_TAB)
    window.report_summary()
    assert wait_preview(qtbot, window.last_job).page_count() >= 1
    window.tabs.setCurrentIndex(CLAIMS_TAB)
    model = window.claim_model
    row = next(r for r in range(model.rowCount()) if model.row_at(r).number == "CLM-2026-0002")
    window.claims.view.selectRow(row)
    window.report_request_documents()
    dialog = wait_preview(qtbot, window.last_job)
    assert "CLM-2026-0002" in dialog.windowTitle()


def test_a_report_that_cannot_be_made_says_why(window, qtbot, monkeypatch):
    warned: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text, *a: warned.append(text))
    request = show_report(window, window.store.path, "claim", number="CLM-1999-0001")
    with qtbot.waitSignal(request.ended, timeout=30_000):
        pass
    assert warned == ["no claim CLM-1999-0001"]
    assert not request.folder.exists()


def test_report_in_russian_when_the_window_is(window, qtbot):
    from desktop.ui import i18n

    i18n.install("ru")
    request = show_report(window, window.store.path, "register")
    dialog = wait_preview(qtbot, request)
    assert dialog.windowTitle() == "Реестр заявлений"
    assert "Реестр" in PdfReader(dialog.pdf).pages[0].extract_text()


def test_print_to_a_pdf_file_gives_the_report_itself(window, qtbot, tmp_path, monkeypatch):
    """Every page to a file: the report's own PDF, not pictures of its pages (a 1,032-page
    register was painted for half an hour into 5 GB, the window frozen)."""
    request = show_report(window, window.store.path, "incident", reference="INC-2026-0001")
    dialog = wait_preview(qtbot, request)
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    monkeypatch.setattr(dialog.document, "render", lambda *a: pytest.fail("a page painted"))
    assert dialog.print_to(printer) == dialog.page_count()
    assert (tmp_path / "printed.pdf").read_bytes() == dialog.pdf.read_bytes()


def numbered_pages(path: Path, pages: int, landscape: bool = False) -> Path:
    """A PDF of PAGES pages, each saying its number."""
    from reportlab.lib import pagesizes
    from reportlab.pdfgen.canvas import Canvas

    canvas = Canvas(str(path), pagesize=pagesizes.landscape(pagesizes.A4) if landscape else pagesizes.A4)
    for n in range(pages):
        canvas.drawString(72, 72, f"page {n + 1}")
        canvas.showPage()
    canvas.save()
    return path


def test_a_page_range_is_painted_at_most_300_dpi_and_can_be_cancelled(qtbot, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QProgressDialog

    dialog = ReportPreviewDialog(numbered_pages(tmp_path / "three.pdf", 3, landscape=True), "Реестр заявлений")
    qtbot.addWidget(dialog)
    assert dialog.page_count() == 3
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "range.pdf"))
    printer.setResolution(1200)
    printer.setFromTo(1, 1)
    sizes = []
    render = dialog.document.render
    monkeypatch.setattr(dialog.document, "render", lambda n, size: sizes.append(size) or render(n, size))
    assert dialog.print_to(printer) == 1
    assert len(PdfReader(tmp_path / "range.pdf").pages) == 1
    points = dialog.document.pagePointSize(0)
    assert [(s.width(), s.height()) for s in sizes] == [(round(points.width() / 72 * 300), round(points.height() / 72 * 300))]

    monkeypatch.setattr(QProgressDialog, "wasCanceled", lambda self: True)  # Cancel pressed
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "cancelled.pdf"))
    printer.setFromTo(1, 1)
    printed = []
    dialog.printed.connect(printed.append)
    assert dialog.print_to(printer) == 0 and printed == []


class _CupsPrinter:
    """What the print dialog gives for a CUPS printer (none is installed where the tests run)."""

    def __init__(self, first=0, last=0):
        self.first, self.last = first, last

    def fromPage(self):  # noqa: N802 - Qt's names
        return self.first

    def toPage(self):  # noqa: N802
        return self.last

    def outputFormat(self):  # noqa: N802
        return QPrinter.OutputFormat.NativeFormat

    def outputFileName(self):  # noqa: N802
        return ""

    def printerName(self):  # noqa: N802
        return "Kabinet-12"

    def copyCount(self):  # noqa: N802
        return 2

    def duplex(self):
        return QPrinter.DuplexMode.DuplexLongSide

    def collateCopies(self):  # noqa: N802
        return True


def test_a_printer_gets_the_pdf_through_cups(window, qtbot, tmp_path, monkeypatch):
    import subprocess

    from desktop.ui import printing

    request = show_report(window, window.store.path, "incident", reference="INC-2026-0001")
    dialog = wait_preview(qtbot, request)
    pages = dialog.page_count()
    monkeypatch.setattr(printing.shutil, "which", lambda name: "/usr/bin/lp" if name == "lp" else None)
    monkeypatch.setattr(printing.sys, "platform", "linux")
    monkeypatch.setattr(dialog.document, "render", lambda *a: pytest.fail("a page painted"))
    ran = []
    monkeypatch.setattr(printing.subprocess, "run", lambda command, **kw: ran.append(command) or subprocess.CompletedProcess(
        command, 0, "request id is Kabinet-12-7 (1 file(s))", ""))
    assert dialog.print_to(_CupsPrinter()) == pages  # type: ignore[arg-type]
    assert ran == [["/usr/bin/lp", "-d", "Kabinet-12", "-t", dialog.windowTitle(), "-n", "2", "-P", f"1-{pages}",
                    "-o", "sides=two-sided-long-edge", "-o", "collate=true", "--", str(dialog.pdf)]]

    warnings = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: warnings.append(text))
    monkeypatch.setattr(printing.subprocess, "run", lambda command, **kw: subprocess.CompletedProcess(
        command, 1, "", "lp: The printer or class does not exist."))
    assert dialog.print_to(_CupsPrinter(1, 1)) == 0  # type: ignore[arg-type]
    assert warnings and "Kabinet-12" in warnings[0] and "does not exist" in warnings[0]


def test_save_as_copies_the_pdf(window, qtbot, tmp_path, monkeypatch):
    request = show_report(window, window.store.path, "summary")
    dialog = wait_preview(qtbot, request)
    target = tmp_path / "summary"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    saved = dialog.save_as()
    assert saved == target.with_suffix(".pdf")
    assert saved.read_bytes() == dialog.pdf.read_bytes()


def test_open_in_the_system_viewer_uses_a_clean_environment(window, qtbot, monkeypatch):
    opened: list[Path] = []
    monkeypatch.setattr("desktop.platform_env.open_with_system_viewer", opened.append)
    dialog = wait_preview(qtbot, show_report(window, window.store.path, "register"))
    dialog.open_button.click()
    assert opened == [dialog.pdf]


def test_suggested_names():
    """In the window's language (English here; Russian names in test_office_words)."""
    assert suggested_name("claim", number="CLM-2026-0001") == "Claim CLM-2026-0001.pdf"
    assert suggested_name("register").startswith("Claims register 20")


def test_a_cancelled_register_is_thrown_away(window, qtbot):
    from desktop.ui.dialogs.report_preview import ReportRequest

    request = ReportRequest(window, window.store.path, "register")
    request.cancel()  # Cancel pressed before the first page is done
    with qtbot.waitSignal(request.ended, timeout=30_000):
        request.start()
    assert request.outcome == "cancelled"
    assert not request.folder.exists()


def test_end_and_home_go_to_the_last_and_first_page(qtbot, tmp_path):
    """A thousand-page report: End shows the last page, Home the first (they scrolled a line)."""
    dialog = ReportPreviewDialog(numbered_pages(tmp_path / "many.pdf", 40), "Справка")
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    dialog.view.setFocus()
    qtbot.keyClick(dialog.view, Qt.Key.Key_End)
    qtbot.waitUntil(lambda: dialog.current_page() == 39)
    qtbot.keyClick(dialog.view, Qt.Key.Key_Home, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: dialog.current_page() == 0)


def test_the_wait_window_of_an_incident_report_counts_its_pages(window, qtbot, monkeypatch):
    """A 20,000-car incident's report runs to over a thousand pages: the clerk sees them counted."""
    from desktop.ui.dialogs.progress import Job

    said: list[str] = []
    shown = Job._progressed

    def seen(self, done, total, text):
        said.append(text)
        shown(self, done, total, text)

    monkeypatch.setattr(Job, "_progressed", seen)
    window.tabs.setCurrentIndex(INCIDENTS_TAB)
    window.incidents.view.selectRow(0)
    window.report_incident()
    dialog = wait_preview(qtbot, window.last_job)
    assert said and said[0].startswith("Making the report: ") and said[0].endswith("… page 1")
    assert said[-1].endswith(f"… page {dialog.page_count()}")


def test_the_incident_report_asked_from_the_claims_offers_the_selected_claims_incident(window, qtbot, monkeypatch):
    """It offered the incidents register's first row (П-2026-0001) whatever claim was selected."""
    window.tabs.setCurrentIndex(CLAIMS_TAB)
    model = window.claims.model
    rows = [model.row_at(n) for n in range(model.rowCount())]
    pick = next(n for n, r in enumerate(rows) if r.incident_reference != window.incidents.model.row_at(0).reference)
    window.claims.view.selectRow(pick)
    offered: list[str] = []
    monkeypatch.setattr(window, "_ask", lambda title, label, default="": offered.append(default))
    window.report_incident()
    assert offered == [rows[pick].incident_reference]


def test_the_question_for_a_number_is_wide_enough_for_its_title(window, qtbot):
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QInputDialog

    seen: list[tuple[int, int]] = []

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, QInputDialog)
        seen.append((dialog.width(), dialog.fontMetrics().horizontalAdvance(dialog.windowTitle())))
        dialog.setTextValue("  INC-2026-0002 ")
        dialog.accept()

    QTimer.singleShot(0, answer)
    assert window._ask("Справка о происшествии — длинный заголовок", "Номер:") == "INC-2026-0002"
    (width, title), = seen
    assert width >= title + 100
