"""The wait window of long work: seen soon when the work takes long, never for a moment's work."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import threading  # noqa: E402
from typing import Any  # noqa: E402

from PySide6.QtCore import QTimer  # noqa: E402
from PySide6.QtWidgets import QWidget  # noqa: E402

from desktop.ui.dialogs.progress import Job, JobContext  # noqa: E402


def test_work_that_reports_no_progress_shows_its_wait_window_within_a_moment(qtbot: Any) -> None:
    """An incident's report says nothing until it is made: Qt's default would show the window after 4 s."""
    parent = QWidget()
    qtbot.addWidget(parent)
    parent.show()
    release = threading.Event()

    def work(ctx: JobContext) -> str:
        release.wait(20)
        return "made"

    job = Job(parent, "Making the report…", work)
    job.start()
    try:
        assert job.dialog is not None and not job.dialog.isVisible()  # no flash for a moment's work
        qtbot.waitUntil(lambda: job.dialog is not None and job.dialog.isVisible(), timeout=2_000)
    finally:
        release.set()
        with qtbot.waitSignal(job.ended, timeout=10_000):
            pass
    assert job.outcome == "finished" and job.result == "made" and job.dialog is None


def test_a_moments_work_never_shows_the_wait_window(qtbot: Any) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    parent.show()
    job = Job(parent, "Saving…", lambda ctx: 1)
    seen: list[bool] = []
    watch = QTimer()
    watch.timeout.connect(lambda: seen.append(job.dialog is not None and job.dialog.isVisible()))
    watch.start(5)
    with qtbot.waitSignal(job.ended, timeout=10_000):
        job.start()
    qtbot.wait(600)  # past the 0.4 s a longer job waits before its window
    watch.stop()
    assert job.outcome == "finished" and seen and not any(seen)
