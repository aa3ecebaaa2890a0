"""The report preview: the PDF as it will print (QtPdf), with Print, Save as and the system viewer.

Reports are built by `desktop.reports.service.build_report` on a worker thread (a register of
thousands of claims takes seconds), into a temporary folder that goes when the preview closes.
`show_report` is the one entry point for the window and the record forms.
"""

from __future__ import annotations

import logging
import shutil
import tempfile
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QPointF, QSettings, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QKeySequence, QShortcut
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...domain.views import Filters
from ...domain.words import normalise_lang, report_file_name
from ...storage import Location
from .. import i18n
from ..labels import number_text
from .progress import Cancelled, Job, JobContext, error_text

log = logging.getLogger("incident_log.ui")

KINDS = ("incident", "claim", "register", "incidents", "summary", "request-documents", "inspection-act",
         "decision-notice", "payment-register", "deadlines")
REGISTERS = ("register", "incidents")  # the reports that can run to hundreds of pages, printed in the window's order


def report_title(kind: str, reference: str | None = None, number: str | None = None) -> str:
    # Literal translate() calls: lupdate does not follow an alias.
    titles = {
        "incident": QCoreApplication.translate("Reports", "Incident summary {0}"),
        "claim": QCoreApplication.translate("Reports", "Claim sheet {0}"),
        "register": QCoreApplication.translate("Reports", "Claims register"),
        "incidents": QCoreApplication.translate("Reports", "Incidents register"),
        "summary": QCoreApplication.translate("Reports", "Summary by district and status"),
        "request-documents": QCoreApplication.translate("Reports", "Request for documents, claim {0}"),
        "inspection-act": QCoreApplication.translate("Reports", "Inspection act, claim {0}"),
        "decision-notice": QCoreApplication.translate("Reports", "Decision notice, claim {0}"),
        "payment-register": QCoreApplication.translate("Reports", "Payment register"),
        "deadlines": QCoreApplication.translate("Reports", "Deadline control"),
    }
    return titles[kind].format(number_text(reference or number)).strip()


def suggested_name(kind: str, reference: str | None = None, number: str | None = None, lang: str | None = None) -> str:
    """A file name a clerk recognises in a folder, in the report's language: «Заявление З-2026-0001.pdf»,
    «Реестр заявлений 2026-10-20.pdf» (what, and which record or the day it was made)."""
    return report_file_name(kind, reference or number, date.today(), normalise_lang(lang or i18n.current_language()))


class ReportPreviewDialog(QDialog):
    """Shows one PDF; Print sends it to the chosen printer (`printing`), Save as copies the file."""

    printed = Signal(int)  # pages sent to the printer (a decision notice printed is a notice sent)

    def __init__(self, pdf: Path, title: str, parent: QWidget | None = None, *, owns_folder: bool = False) -> None:
        super().__init__(parent)
        self.pdf = Path(pdf)
        self._owns_folder = owns_folder
        self.db_path: Path | None = None  # the database the report came from: never saved over
        self.setWindowTitle(title)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.document = QPdfDocument(self)
        self.document.load(str(self.pdf))
        self.view = QPdfView(self)
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.view.setPageSpacing(12)

        self.print_button = QPushButton(self.tr("Print…"), self)
        self.print_button.setShortcut(QKeySequence.StandardKey.Print)
        self.print_button.clicked.connect(self.print_document)
        self.save_button = QPushButton(self.tr("Save as…"), self)
        self.save_button.setShortcut(QKeySequence.StandardKey.Save)
        self.save_button.clicked.connect(self.save_as)
        self.open_button = QPushButton(self.tr("Open in PDF viewer"), self)
        self.open_button.clicked.connect(self.open_externally)
        fit_width = QPushButton(self.tr("Fit width"), self)
        fit_width.clicked.connect(lambda: self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth))
        fit_page = QPushButton(self.tr("Whole page"), self)
        fit_page.clicked.connect(lambda: self.view.setZoomMode(QPdfView.ZoomMode.FitInView))
        close = QPushButton(self.tr("Close"), self)
        close.clicked.connect(self.close)
        self.pages = QLabel(self.tr("%n page(s)", "", self.document.pageCount()), self)

        buttons = QHBoxLayout()
        for widget in (self.print_button, self.save_button, self.open_button):
            buttons.addWidget(widget)
        buttons.addStretch(1)
        buttons.addWidget(self.pages)
        buttons.addWidget(fit_width)
        buttons.addWidget(fit_page)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.view, 1)
        # Home / End (and with Ctrl) go to the first / last page, as in a PDF viewer: the incident
        # report of a mass attack runs to a thousand pages (QPdfView scrolls a line only).
        for keys, page in (((Qt.Key.Key_Home, Qt.Key.Key_Home | Qt.KeyboardModifier.ControlModifier), 0),
                           ((Qt.Key.Key_End, Qt.Key.Key_End | Qt.KeyboardModifier.ControlModifier), -1)):
            for key in keys:
                shortcut = QShortcut(QKeySequence(key), self)
                shortcut.activated.connect(lambda page=page: self.go_to_page(page))
        self.resize(900, 700)
        geometry = QSettings().value("preview/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)  # type: ignore[arg-type]

    def page_count(self) -> int:
        return self.document.pageCount()

    def go_to_page(self, page: int) -> None:
        """Show page PAGE (from 0; -1: the last)."""
        if self.page_count():
            page = page % self.page_count()
            self.view.pageNavigator().jump(page, QPointF(0, 0), self.view.zoomFactor())

    def current_page(self) -> int:
        return self.view.pageNavigator().currentPage()

    def print_document(self) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(self.windowTitle())
        dialog = QPrintDialog(printer, self)
        dialog.setMinMax(1, max(self.page_count(), 1))
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        pages = self.print_to(printer)
        if pages:
            self.printed.emit(pages)

    def print_to(self, printer: QPrinter) -> int:
        """Print the chosen pages (`printing.print_pdf`); returns the pages printed (0: none, or cancelled)."""
        from ..printing import print_pdf

        return print_pdf(self, self.document, self.pdf, printer, self.windowTitle())

    def save_as(self) -> Path | None:
        settings = QSettings()
        folder = settings.value("preview/folder", str(Path.home()))
        target, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save the report"), str(Path(str(folder)) / self.pdf.name), self.tr("PDF files (*.pdf)"))
        if not target:
            return None
        path = Path(target)
        if path.suffix.lower() != ".pdf":
            path = path.with_suffix(".pdf")
        from ...files import written_whole
        from ...reports.destination import UnsafeDestination, check_report_destination

        try:  # the command line's rule: never over the database, a backup or a file not ours
            check_report_destination(path, "report", self.db_path)
        except UnsafeDestination as e:
            QMessageBox.warning(self, self.windowTitle(), e.text(i18n.current_language()))
            return None
        try:
            with written_whole(path) as partial:
                shutil.copyfile(self.pdf, partial)
        except OSError as e:
            QMessageBox.warning(self, self.windowTitle(), self.tr("Could not save {0}: {1}").format(path, e.strerror or e))
            return None
        settings.setValue("preview/folder", str(path.parent))
        return path

    def open_externally(self) -> None:
        try:
            from ...platform_env import open_with_system_viewer
        except ImportError:  # pragma: no cover - the module ships with the app
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.pdf)))
            return
        try:
            open_with_system_viewer(self.pdf)
        except OSError as e:
            QMessageBox.warning(self, self.windowTitle(), self.tr("No program to open PDF files was found: {0}").format(e))

    def done(self, result: int) -> None:
        QSettings().setValue("preview/geometry", self.saveGeometry())
        self.document.close()
        if self._owns_folder:
            # The PDF is in a folder of its own; a saved copy lives on elsewhere.
            shutil.rmtree(self.pdf.parent, ignore_errors=True)
        super().done(result)


class ReportRequest(Job):
    """Builds a report on a worker thread, then opens the preview (`previewReady`) or says why not."""

    previewReady = Signal(object)  # the ReportPreviewDialog

    def __init__(self, parent: QWidget | None, store_path: Location | Path, kind: str, *, reference: str | None = None,
                 number: str | None = None, filters: Any = None, lang: str | None = None, show: bool = True,
                 sort: str | None = None, descending: bool = False) -> None:
        if kind not in KINDS:
            raise ValueError(f"unknown report kind {kind!r}")
        title = report_title(kind, reference, number)
        lang = lang or i18n.current_language()
        folder = Path(tempfile.mkdtemp(prefix="incident-log-report-"))
        out = folder / suggested_name(kind, reference, number, lang)
        options = {"reference": reference, "number": number, "filters": filters, "lang": lang, "sort": sort,
                   "descending": descending}

        page_label = QCoreApplication.translate("Reports", "Making the report: {0}… page {1}")

        def build(ctx: JobContext) -> Path:
            from ...reports.service import build_report

            progress: Callable[[int], None] | None = None
            if kind in REGISTERS:
                # A register can run to hundreds of pages: it reports its rows as it goes, and
                # raising from the callback (Cancel) stops it.
                count = ctx.store.count_claims if kind == "register" else ctx.store.count_incidents
                total = count(filters or Filters())

                def rows_done(rows: int) -> None:
                    ctx.check()
                    ctx.progress(rows, total)

                progress = rows_done
            elif kind == "incident":
                # An incident of 20,000 cars runs to over a thousand pages: they are counted as
                # they are begun, and Cancel stops at the next one.
                def pages_begun(pages: int) -> None:
                    ctx.check()
                    ctx.progress(0, 0, page_label.format(title, pages))

                progress = pages_begun

            path = build_report(ctx.store, kind, out, progress=progress, **options)
            ctx.check()  # the other reports take a moment and cannot stop half-way: discarded
            return path

        label = QCoreApplication.translate("Reports", "Making the report: {0}…").format(title)
        super().__init__(parent, label, build, store_path)
        self.kind, self.title, self.lang, self.folder = kind, title, lang, folder
        self.store_path = Location.of(store_path).path
        self._parent_widget = parent
        self._show = show
        self.finished.connect(self._preview)
        self.failed.connect(self._failed_report)
        self.cancelled.connect(self._discard)

    def _preview(self, path: Path) -> None:
        dialog = ReportPreviewDialog(path, self.title, self._parent_widget, owns_folder=True)
        dialog.db_path = self.store_path
        if self._show:
            dialog.show()
        self.previewReady.emit(dialog)

    def _failed_report(self, error: Exception) -> None:
        self._discard()
        QMessageBox.warning(self._parent_widget, self.title, error_text(error))

    def _discard(self) -> None:
        shutil.rmtree(self.folder, ignore_errors=True)


def show_report(parent: QWidget | None, store_path: Location | Path, kind: str, **kwargs: Any) -> ReportRequest:
    """Build report `kind` from the log at `store_path` (its `Location`) and preview it.

    `kwargs` are `build_report`'s: `reference=` (incident), `number=` (claim, request-documents),
    `filters=` (registers, summary), `sort=` and `descending=` (registers: the window's order),
    `lang=` (default: the window's language). Returns at once;
    the preview opens when the report is ready (`previewReady`), and problems the clerk can fix
    (no such claim, nothing to ask for) are shown in a message.
    """
    return ReportRequest(parent, Location.of(store_path), kind, **kwargs).start()  # type: ignore[return-value]


__all__ = ["Cancelled", "ReportPreviewDialog", "ReportRequest", "show_report", "suggested_name"]
