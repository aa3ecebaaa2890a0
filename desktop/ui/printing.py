"""A report's PDF sent to the printer the clerk chose, without freezing the window or making a
job of gigabytes.

Printing used to paint every page as a picture at the printer's resolution (at 1200 dpi, over
100 MB a page), one after another, the window frozen: the 1,032-page claims register ran for
half an hour into a 5 GB job, with no way to stop it. Now:

- to a PDF file ("Print to file"), the report's own PDF is copied (a page range is painted);
- to a printer where CUPS prints (Linux, Astra, macOS), the PDF goes to `lp` as it is: CUPS
  prints PDF natively, with the copies, page range and two-sided printing chosen in the dialog;
- elsewhere (Windows), pages are painted at most `PAINT_DPI`, a progress bar with Cancel shows
  the page, and the window is repainted between pages.
"""

from __future__ import annotations

import logging
import shutil
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QRectF, QSize, Qt
from PySide6.QtGui import QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QWidget

log = logging.getLogger("incident_log.ui")

PAINT_DPI = 300  # sharp text on paper; a page of A4 is then ~35 MB in memory, not 140
SPOOL_TIMEOUT_S = 120


def page_range(printer: QPrinter, pages: int) -> tuple[int, int]:
    """The pages chosen in the print dialog, 1-based and inclusive (all when none were chosen)."""
    first, last = printer.fromPage(), printer.toPage()
    if first == 0 and last == 0:
        return 1, pages
    return max(1, first), min(last, pages)


def print_pdf(parent: QWidget, document: QPdfDocument, pdf: Path, printer: QPrinter, title: str) -> int:
    """Print DOCUMENT (loaded from PDF) to PRINTER; the pages printed (0: nothing, or cancelled)."""
    first, last = page_range(printer, document.pageCount())
    if last < first:
        return 0
    if printer.outputFormat() == QPrinter.OutputFormat.PdfFormat and printer.outputFileName():
        if (first, last) == (1, document.pageCount()):
            return _copy(parent, pdf, Path(printer.outputFileName()), last, title)
        return _paint(parent, document, printer, first, last, title)
    lp = shutil.which("lp") if sys.platform != "win32" else None
    if lp is not None and printer.outputFormat() == QPrinter.OutputFormat.NativeFormat and printer.printerName():
        return _spool(parent, lp, pdf, printer, first, last, title)
    return _paint(parent, document, printer, first, last, title)


def _copy(parent: QWidget, pdf: Path, target: Path, pages: int, title: str) -> int:
    from ..files import written_whole

    try:
        with written_whole(target) as partial:
            shutil.copyfile(pdf, partial)
    except OSError as e:
        QMessageBox.warning(parent, title, QCoreApplication.translate("Printing", "Could not write {0}: {1}").format(target, e.strerror or e))
        return 0
    return pages


def lp_command(lp: str, pdf: Path, printer: QPrinter, first: int, last: int, title: str) -> list[str]:
    """`lp` with what the clerk chose in the print dialog."""
    command = [lp, "-d", printer.printerName(), "-t", title, "-n", str(max(1, printer.copyCount()))]
    if (first, last) != (0, 0):
        command += ["-P", f"{first}-{last}"]
    sides = {
        QPrinter.DuplexMode.DuplexNone: "one-sided",
        QPrinter.DuplexMode.DuplexLongSide: "two-sided-long-edge",
        QPrinter.DuplexMode.DuplexShortSide: "two-sided-short-edge",
    }.get(printer.duplex())
    if sides is not None:
        command += ["-o", f"sides={sides}"]
    if printer.collateCopies():
        command += ["-o", "collate=true"]
    return [*command, "--", str(pdf)]


def _spool(parent: QWidget, lp: str, pdf: Path, printer: QPrinter, first: int, last: int, title: str) -> int:
    command = lp_command(lp, pdf, printer, first, last, title)
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=SPOOL_TIMEOUT_S, check=False)
    except (OSError, subprocess.TimeoutExpired) as e:
        log.warning("lp failed: %s", type(e).__name__)
        done = None
    if done is None or done.returncode != 0:
        said = (done.stderr or done.stdout).strip() if done is not None else ""
        QMessageBox.warning(parent, title, QCoreApplication.translate("Printing", "The printer {0} did not take the job. {1}").format(
            printer.printerName(), said).strip())
        return 0
    return last - first + 1


def _paint(parent: QWidget, document: QPdfDocument, printer: QPrinter, first: int, last: int, title: str) -> int:
    """Each page as a picture of at most `PAINT_DPI`, with a progress bar whose Cancel stops the job."""
    painter = QPainter()
    if not painter.begin(printer):
        QMessageBox.warning(parent, title, QCoreApplication.translate("Printing", "The printer could not be started."))
        return 0
    total = last - first + 1
    progress = QProgressDialog(QCoreApplication.translate("Printing", "Printing…"), QCoreApplication.translate("Printing", "Cancel"), 0, total, parent)
    progress.setWindowTitle(title)
    progress.setWindowModality(Qt.WindowModality.WindowModal)
    progress.setMinimumDuration(500)
    printed = 0
    try:
        area = printer.pageRect(QPrinter.Unit.DevicePixel)
        dpi = min(printer.resolution(), PAINT_DPI)
        for number in range(first - 1, last):
            progress.setValue(printed)  # a modal progress dialog lets the window repaint and Cancel be pressed
            progress.setLabelText(QCoreApplication.translate("Printing", "Printing page {0} of {1}…").format(printed + 1, total))
            if progress.wasCanceled():
                printer.abort()
                return 0
            if printed:
                printer.newPage()
            points = document.pagePointSize(number)
            image = document.render(number, QSize(round(points.width() / 72 * dpi), round(points.height() / 72 * dpi)))
            on_paper = QSize(round(points.width() / 72 * printer.resolution()),
                             round(points.height() / 72 * printer.resolution())).scaled(
                area.size().toSize(), Qt.AspectRatioMode.KeepAspectRatio)
            painter.drawImage(QRectF(area.x(), area.y(), on_paper.width(), on_paper.height()), image)
            printed += 1
        progress.setValue(total)
    finally:
        painter.end()
        progress.close()
    return printed
