"""Long work (import, export, backup, a register of thousands of claims) off the window's thread.

A `Job` runs one function on a `QThread` with its own `Store` opened on the same log (its
`Location`: a connection stays in the thread that opened it), and a `QProgressDialog` follows it: a busy bar
or a percentage, and Cancel. The function decides what cancelling means (it calls
`ctx.check()` where stopping is safe, and cleans up what it half made); the window never waits.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, QThread, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from ...storage import Location, LogStore
from .. import i18n

log = logging.getLogger("incident_log.ui")


def error_text(error: Exception) -> str:
    """What to tell the clerk about a job that failed: the error's own words where it has them.

    The project's errors a clerk can act on (`DatabaseUnavailable`, `ReportError`,
    `FieldError`) speak both languages through `text(lang)`; a refused write names its file.
    """
    text = getattr(error, "text", None)
    if callable(text):
        return str(text(i18n.current_language()))
    if isinstance(error, OSError):
        return f"{error.filename or ''}: {error.strerror or error}".lstrip(": ")
    return QCoreApplication.translate("Job", "Something went wrong: {0}").format(error)


class Cancelled(Exception):
    """Raised by a job's function when the clerk cancelled and it stopped cleanly."""


class JobContext:
    """What a job's function receives: its store, a way to report progress, the cancel flag."""

    def __init__(self, store: LogStore | None, worker: _Worker, cancel: threading.Event) -> None:
        self._store = store
        self._worker = worker
        self._cancel = cancel

    @property
    def store(self) -> LogStore:
        if self._store is None:
            raise RuntimeError("this job was started without a database")
        return self._store

    def progress(self, done: int, total: int, text: str = "") -> None:
        self._worker.progressed.emit(done, total, text)

    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def check(self) -> None:
        if self._cancel.is_set():
            raise Cancelled()


JobFunction = Callable[[JobContext], Any]


class _Worker(QThread):
    """The job's thread, running its function in `run`.

    The thread object itself stays in the window's thread (its signals reach the job queued), so
    nothing is ever moved between threads: moving a worker object back from its thread as it
    ended held the interpreter's lock while waiting for a Qt lock the window's thread could be
    holding while it waited for the interpreter's (a window deleted meanwhile): both stopped.
    """

    progressed = Signal(int, int, str)
    succeeded = Signal(object)
    failed = Signal(object)
    cancelled = Signal()

    def __init__(self, location: Location | None, function: JobFunction, cancel: threading.Event) -> None:
        super().__init__()
        self._location = location
        self._function = function
        self._cancel = cancel

    def run(self) -> None:
        store: LogStore | None = None
        try:
            if self._location is not None:
                store = self._location.open()
            result = self._function(JobContext(store, self, self._cancel))
        except Cancelled:
            self.cancelled.emit()
        except Exception as e:  # noqa: BLE001 - reported to the window, which shows it to the clerk
            log.exception("background job failed")
            self.failed.emit(e)
        else:
            self.succeeded.emit(result)
        finally:
            if store is not None:
                store.close()


_running: set[Job] = set()  # a running job must outlive the slot that started it


def jobs_running() -> bool:
    """Whether any job is still at work (the window does not close under one)."""
    return any(job.is_running() for job in _running)


class Job(QObject):
    """One piece of long work. Connect to `finished`/`failed`/`cancelled`, then `start()`.

    `ended` comes last, once the thread has stopped, whatever the outcome.
    """

    finished = Signal(object)  # the function's result
    failed = Signal(object)  # the exception
    cancelled = Signal()
    ended = Signal()

    def __init__(
        self, parent: QWidget | None, label: str, function: JobFunction, db_path: Location | Path | None = None,
        *, cancellable: bool = True, show_progress: bool = True,
    ) -> None:
        super().__init__(parent)
        self._cancel = threading.Event()
        self._thread = _Worker(Location.of(db_path) if db_path else None, function, self._cancel)
        self._thread.progressed.connect(self._progressed)
        self._thread.succeeded.connect(self._succeeded)
        self._thread.failed.connect(self._failed)
        self._thread.cancelled.connect(self._cancelled)
        self._thread.finished.connect(self._thread_finished)
        self.outcome: str | None = None  # "finished", "failed" or "cancelled", once known
        self.result: Any = None
        self.error: Exception | None = None
        self.dialog: QProgressDialog | None = None
        if show_progress:
            self.dialog = QProgressDialog(label, self.tr("Cancel") if cancellable else "", 0, 0, parent)
            self.dialog.setWindowTitle(self.tr("Please wait"))
            self.dialog.setWindowModality(Qt.WindowModality.WindowModal)
            self.dialog.setMinimumDuration(400)  # quick work finishes without a flash
            # Qt starts the 0.4 s count only from a first value at the minimum: without one a job
            # that reports no progress (an incident's report) showed its wait window after Qt's
            # default of 4 s, the window looking dead until then.
            self.dialog.setValue(0)
            self.dialog.setAutoClose(False)
            self.dialog.setAutoReset(False)
            if not cancellable:
                self.dialog.setCancelButton(None)  # type: ignore[arg-type]
            self.dialog.canceled.connect(self.cancel)

    def start(self) -> Job:
        _running.add(self)
        self._thread.start()
        return self

    def cancel(self) -> None:
        self._cancel.set()

    def is_running(self) -> bool:
        return self._thread.isRunning()

    def wait(self, ms: int = 30_000) -> bool:
        return self._thread.wait(ms)

    def _progressed(self, done: int, total: int, text: str) -> None:
        if self.dialog is None or self._cancel.is_set():
            return
        if total > 0:
            self.dialog.setMaximum(total)
            self.dialog.setValue(min(done, total))
        if text:
            self.dialog.setLabelText(text)

    def _close_dialog(self) -> None:
        if self.dialog is not None:
            self.dialog.canceled.disconnect(self.cancel)
            self.dialog.close()
            self.dialog.deleteLater()
            self.dialog = None

    def _succeeded(self, result: object) -> None:
        self.outcome, self.result = "finished", result

    def _failed(self, error: Exception) -> None:
        self.outcome, self.error = "failed", error

    def _cancelled(self) -> None:
        self.outcome = "cancelled"

    def _thread_finished(self) -> None:
        # The outcome is announced only once the thread has stopped, so a slot may start the
        # next job or close the store without racing this one.
        self._close_dialog()
        if self.outcome == "finished":
            self.finished.emit(self.result)
        elif self.outcome == "failed":
            self.failed.emit(self.error)
        else:
            self.cancelled.emit()
        self.ended.emit()
        _running.discard(self)


def run_job(
    parent: QWidget | None, label: str, function: JobFunction, db_path: Location | Path | None = None, *,
    cancellable: bool = True, on_finished: Callable[[Any], None] | None = None,
    on_failed: Callable[[Exception], None] | None = None, on_cancelled: Callable[[], None] | None = None,
) -> Job:
    """Start `function` on a worker thread with a progress dialog; the callbacks run on the window's thread."""
    job = Job(parent, label, function, db_path, cancellable=cancellable)
    if on_finished is not None:
        job.finished.connect(on_finished)
    if on_failed is not None:
        job.failed.connect(on_failed)
    if on_cancelled is not None:
        job.cancelled.connect(on_cancelled)
    return job.start()
