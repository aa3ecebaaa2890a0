"""Import, export and backup from the File menu: worker threads, progress, problems, cancel."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

from desktop.storage import Store
from desktop.ui.dialogs.progress import Cancelled, Job, JobContext
from desktop.ui.main_window import MainWindow
from desktop.ui.widgets.problem_list import ProblemListDialog
from tests.samples import sample
from tests.ui.conftest import TODAY


@pytest.fixture
def messages(monkeypatch) -> list[tuple[str, str]]:
    """Every message box the window shows, instead of showing it."""
    shown: list[tuple[str, str]] = []
    for name in ("information", "warning", "critical"):
        monkeypatch.setattr(QMessageBox, name, lambda parent, title, text, *a, _n=name: shown.append((_n, text)))
    return shown


@pytest.fixture
def empty_window(store, qtbot) -> MainWindow:
    win = MainWindow(store, today=TODAY)
    qtbot.addWidget(win)
    win.show()
    return win


def test_import_fills_the_registers(empty_window, qtbot, messages):
    assert empty_window.incident_model.rowCount() == 0
    job = empty_window.import_data(sample())
    with qtbot.waitSignal(job.ended, timeout=20_000):
        pass
    assert job.outcome == "finished"
    assert empty_window.incident_model.rowCount() == 2
    assert empty_window.claim_model.rowCount() == 4
    empty_window.tabs.setCurrentIndex(0)  # the overview's sums are read while it is on screen
    qtbot.waitUntil(lambda: empty_window.overview.buttons["overdue"].text() == "1")
    kind, text = messages[-1]
    assert kind == "information"
    assert "incidents: 2 created, 0 updated, 0 unchanged" in text
    assert "claims: 4 created" in text


def test_import_twice_reports_unchanged(window, qtbot, messages):
    job = window.import_data(sample())
    with qtbot.waitSignal(job.ended, timeout=20_000):
        pass
    assert "incidents: 0 created, 0 updated, 2 unchanged" in messages[-1][1]


def test_a_refused_import_lists_every_problem(window, qtbot, monkeypatch, messages):
    shown: list[tuple[str, str, list[str]]] = []
    monkeypatch.setattr(ProblemListDialog, "show_problems",
                        classmethod(lambda cls, parent, title, intro, lines: shown.append((title, intro, lines))))
    before = window.store.counts()
    job = window.import_data(sample("sample-invalid.json"))
    with qtbot.waitSignal(job.ended, timeout=20_000):
        pass
    assert job.outcome == "failed"
    title, intro, lines = shown[0]
    assert title == "Import refused"
    assert "Nothing was imported" in intro and f"{len(lines)} problems" in intro
    text = "\n".join(lines)
    for expected in ("incidents[0].vehicles[0].vin: expected 17 characters, got 16",
                     "incidents[0].vehicles[1].severity: not one of minor, moderate, severe, destroyed",
                     "incidents[1]: latitude given without longitude",
                     "claims[0].payment.amount: above the approved amount",
                     "claims[1].items[0]: not a vehicle or property of the claim's incident",
                     "people[0].inn: check digit wrong",
                     "claims[2].requested_amount: money must be a string"):
        assert expected in text
    assert window.store.counts() == before  # nothing changed


def test_problem_dialog_shows_each_line(qtbot):
    dialog = ProblemListDialog("Import refused", "Two problems.", ["a[0]: one", "b: two"])
    qtbot.addWidget(dialog)
    assert dialog.text.toPlainText().splitlines() == ["a[0]: one", "b: two"]
    assert dialog.text.isReadOnly()


def test_export_runs_in_the_background(window, qtbot, tmp_path, messages):
    target = tmp_path / "out.xlsx"
    job = window.export_data(target, use_filter=False)
    with qtbot.waitSignal(job.ended, timeout=20_000):
        pass
    assert job.outcome == "finished"
    assert target.is_file() and target.stat().st_size > 1000
    assert "people: 4, incidents: 2, claims: 4" in messages[-1][1]


def test_export_never_writes_over_a_database_or_a_folder(window, tmp_path, messages):
    """The command line's rule in the window too: a backup kept under an export's name is a
    database, and it stays one; nothing is started."""
    kept = tmp_path / "kept.json"
    kept.write_bytes(window.store.location.path.read_bytes())
    before = kept.read_bytes()
    assert window.export_data(kept, use_filter=False) is None
    assert kept.read_bytes() == before
    assert messages[-1] == ("warning", f"{kept}: that is a database (perhaps a backup), not an export; "
                                       "choose another name")
    folder = tmp_path / "folder.json"
    folder.mkdir()
    assert window.export_data(folder, use_filter=False) is None
    assert messages[-1] == ("warning", f"{folder}: that is a folder")


def test_export_says_how_many_spreadsheet_cells_it_mended(window, qtbot, tmp_path, messages):
    import uuid

    from desktop.domain.enums import PersonKind
    from desktop.domain.models import Person

    window.store.save_person(Person(id=str(uuid.uuid4()), kind=PersonKind.PERSON, full_name="Петров\x0bПётр",
                                    notes="a\x01b"))
    job = window.export_data(tmp_path / "out.xlsx", use_filter=False)
    with qtbot.waitSignal(job.ended, timeout=20_000):
        pass
    assert job.outcome == "finished"
    assert "2 cells changed: characters a spreadsheet cannot hold were replaced or dropped" in messages[-1][1]


def test_export_of_the_current_filter(window, qtbot, tmp_path, messages):
    import json

    window.tabs.setCurrentWidget(window.incidents)
    bar = window.incidents.filter_bar
    bar.district.toggle("Гатчинский район")
    target = tmp_path / "one.json"
    job = window.export_data(target, use_filter=True)
    with qtbot.waitSignal(job.ended, timeout=20_000):
        pass
    document = json.loads(target.read_text(encoding="utf-8"))
    assert [i["district"] for i in document["incidents"]] == ["Гатчинский район"]


def test_backup_writes_a_database_the_store_can_open(window, qtbot, tmp_path, messages):
    target = tmp_path / "copy.sqlite3"
    job = window.backup(target)
    with qtbot.waitSignal(job.ended, timeout=20_000):
        pass
    assert job.outcome == "finished"
    with Store.open(target) as copy:
        assert copy.counts()["claims"] == 4
    assert str(target) in messages[-1][1]


def test_backup_cancelled_midway_leaves_no_file(window, qtbot, tmp_path, monkeypatch):
    target = tmp_path / "cancelled.sqlite3"
    real_backup = Store.backup

    def slow_backup(self, dest, progress=None):
        def step(done, total):
            job.cancel()  # the clerk presses Cancel while the copy runs
            progress(done, total)

        return real_backup(self, dest, progress=step)

    monkeypatch.setattr(Store, "backup", slow_backup)
    job = window.backup(target)
    with qtbot.waitSignal(job.ended, timeout=20_000):
        pass
    assert job.outcome == "cancelled"
    assert not target.exists()


def test_job_runs_off_the_window_thread_with_its_own_store(store, qtbot):
    seen: dict[str, object] = {}

    def work(ctx: JobContext) -> int:
        seen["thread"] = threading.current_thread()
        seen["store"] = ctx.store
        ctx.progress(1, 2, "half")
        return ctx.store.count_incidents()

    job = Job(None, "Counting…", work, store.path)
    with qtbot.waitSignal(job.finished, timeout=10_000) as blocker:
        job.start()
    assert blocker.args == [0]
    assert seen["thread"] is not threading.main_thread()
    assert seen["store"] is not store  # one connection per thread
    qtbot.waitUntil(lambda: not job.is_running())


def test_a_jobs_signals_come_from_an_object_of_the_window_thread(store, qtbot):
    """Nothing of a job is moved between threads: moving its worker back to the window's thread as
    the work ended took the interpreter's lock, then waited for a Qt lock the window's thread held
    while it waited for the interpreter's (deleting a window at that moment): both stopped."""
    from PySide6.QtCore import QCoreApplication
    from shiboken6 import getCppPointer

    window_thread = getCppPointer(QCoreApplication.instance().thread())
    affinity: list[bool] = []

    def work(ctx: JobContext) -> None:  # the object whose signals reach the window: which thread it belongs to
        affinity.append(getCppPointer(ctx._worker.thread()) == window_thread)

    for _ in range(20):
        job = Job(None, "x", work, None, show_progress=False)
        with qtbot.waitSignal(job.ended, timeout=10_000):
            job.start()
    assert affinity == [True] * 20


def test_job_cancel_and_failure(qtbot):
    started = threading.Event()

    def until_cancelled(ctx: JobContext) -> None:
        started.set()
        while not ctx.cancelled():
            threading.Event().wait(0.005)
        raise Cancelled()

    job = Job(None, "Waiting…", until_cancelled, None)
    job.start()
    qtbot.waitUntil(started.is_set)
    with qtbot.waitSignal(job.cancelled, timeout=10_000):
        job.cancel()

    def broken(ctx: JobContext) -> None:
        raise OSError(28, "No space left on device")

    failing = Job(None, "Failing…", broken, None, show_progress=False)
    with qtbot.waitSignal(failing.failed, timeout=10_000) as blocker:
        failing.start()
    assert isinstance(blocker.args[0], OSError)


def test_job_without_a_store_says_so(qtbot):
    job = Job(None, "x", lambda ctx: ctx.store, None, show_progress=False)
    with qtbot.waitSignal(job.failed, timeout=10_000) as blocker:
        job.start()
    assert isinstance(blocker.args[0], RuntimeError)


def test_import_of_a_missing_file_is_a_message(window, qtbot, tmp_path, messages):
    job = window.import_data(Path(tmp_path / "missing.json"))
    with qtbot.waitSignal(job.ended, timeout=10_000):
        pass
    assert messages and messages[-1][0] == "warning"


def test_error_text_speaks_the_clerks_language(tmp_path):
    from desktop.storage import DatabaseUnavailable
    from desktop.storage.errors import Trouble
    from desktop.ui import i18n
    from desktop.ui.dialogs.progress import error_text

    locked = DatabaseUnavailable(Trouble.LOCKED, tmp_path / "log.sqlite3")
    assert error_text(locked) == f"the database {tmp_path / 'log.sqlite3'} is locked by another program"
    assert error_text(PermissionError(13, "Permission denied", "/mnt/usb/out.json")) == "/mnt/usb/out.json: Permission denied"
    i18n.install("ru")
    assert "заблокирована" in error_text(locked)
    assert error_text(RuntimeError("boom")) == "Произошла ошибка: boom"
