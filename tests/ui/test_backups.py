"""The window backs up by itself: daily and on closing, verified, keeping `backup_keep`; a damaged
log is never backed up and opens the trouble dialog instead."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from desktop.app import WindowController
from desktop.storage import Store, Trouble
from desktop.storage.sqlite import maintenance
from desktop.ui.dialogs.db_trouble import Choice
from desktop.ui.main_window import MainWindow
from tests.damage import scribble_a_table_page
from tests.ui.conftest import TODAY


def _window(store: Store, qtbot) -> MainWindow:  # noqa: ANN001
    win = MainWindow(store, today=TODAY, remember_state=False, auto_backup=True)
    qtbot.addWidget(win)
    return win


def _wait(job, qtbot) -> None:  # noqa: ANN001
    if job.is_running() or job.outcome is None:
        with qtbot.waitSignal(job.ended, timeout=30_000):
            pass


def test_the_window_backs_up_once_a_day_by_itself(sample_store, qtbot):
    win = _window(sample_store, qtbot)
    qtbot.waitUntil(lambda: win.backup_job is not None, timeout=5_000)
    _wait(win.backup_job, qtbot)
    assert win.backup_job.outcome == "finished"
    written = maintenance.automatic_backups(sample_store.path)
    assert len(written) == 1 and maintenance.verify(written[0]) == []
    assert written[0].parent == sample_store.path.parent / "backups"
    assert written[0].parent.stat().st_mode & 0o077 == 0 and written[0].stat().st_mode & 0o077 == 0
    assert win.backup_if_due() is None  # the same day: not again
    win._closing_backup_done = True  # noqa: SLF001 - nothing to test on closing here


def test_a_day_later_it_backs_up_again_and_keeps_the_last_n(sample_store, qtbot, monkeypatch):
    sample_store.set_setting("backup_keep", 2)
    manual = sample_store.backup(maintenance.backup_path(sample_store.path))
    old = datetime.now() - timedelta(days=3)
    for d in range(2):
        maintenance.automatic_backup(sample_store, now=old + timedelta(days=d))
    win = _window(sample_store, qtbot)
    qtbot.waitUntil(lambda: win.backup_job is not None, timeout=5_000)
    _wait(win.backup_job, qtbot)
    kept = maintenance.automatic_backups(sample_store.path)
    assert len(kept) == 2 and kept[-1] == win.backup_job.result
    assert manual.is_file()  # the clerk's own backup is never pruned
    win._closing_backup_done = True  # noqa: SLF001


def test_closing_the_window_backs_up_first(sample_store, qtbot):
    for d in range(1):
        maintenance.automatic_backup(sample_store, now=datetime.now() - timedelta(hours=1 + d))
    win = _window(sample_store, qtbot)
    win.show()
    assert win.backup_if_due() is None
    sample_store.set_setting("office_name", "changed after the last backup")
    before = len(maintenance.automatic_backups(sample_store.path))
    assert not win.close()  # waits for the backup
    assert win.backup_job is not None
    with qtbot.waitSignal(win.backup_job.ended, timeout=30_000):
        pass
    qtbot.waitUntil(lambda: not win.isVisible(), timeout=5_000)
    after = maintenance.automatic_backups(sample_store.path)
    assert len(after) == before + 1
    with Store.open(after[-1]) as copy:
        assert copy.get_setting("office_name") == "changed after the last backup"


def test_closing_during_the_days_backup_closes_once_it_has_finished(sample_store, qtbot, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    asked: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda *a: asked.append(a[2]))
    win = _window(sample_store, qtbot)
    win.show()
    qtbot.waitUntil(lambda: win.backup_job is not None, timeout=5_000)
    job = win.backup_job
    if job.is_running():
        assert not win.close() and win.isVisible()  # no modal refusal: it waits for the backup
        assert "closes when the automatic backup" in win.statusBar().currentMessage()
    qtbot.waitUntil(lambda: not job.is_running(), timeout=30_000)
    qtbot.waitUntil(lambda: not win.isVisible() or job.outcome is not None, timeout=5_000)
    win.close()
    qtbot.waitUntil(lambda: not win.isVisible(), timeout=5_000)
    assert asked == [] and job.outcome == "finished"
    assert len(maintenance.automatic_backups(sample_store.path)) == 1  # not a second one on closing


def test_a_damaged_log_is_not_backed_up_and_opens_the_trouble_dialog(tmp_path, sample_store, qtbot, monkeypatch):
    db = sample_store.path
    sample_store.close()
    scribble_a_table_page(db)
    asked: list[Trouble] = []

    def ask(error, path, parent):  # noqa: ANN001, ANN202
        asked.append(error.trouble)
        return Choice.QUIT, None

    quits: list[bool] = []
    monkeypatch.setattr("desktop.app.QApplication.quit", lambda *_a: quits.append(True))
    controller = WindowController("en", ask=ask)
    monkeypatch.setattr(MainWindow, "__init__", _patched_init(MainWindow.__init__))
    assert controller.open(db)
    window = controller.window  # not given to qtbot: the controller deletes it when the trouble is found
    qtbot.waitUntil(lambda: window.backup_job is not None, timeout=5_000)
    # The backup's end is not waited for as a signal: it may have ended already (a fast machine).
    qtbot.waitUntil(lambda: asked == [Trouble.DAMAGED], timeout=30_000)
    assert maintenance.automatic_backups(db) == [] and not list((db.parent / "backups").glob("*.part"))
    assert controller.store is None and quits == [True]  # the clerk chose Quit in the dialog
    controller.close()


def _patched_init(real):  # noqa: ANN001, ANN202
    """The application's window, with the tests' fixed day and no saved geometry."""
    def init(self, store, parent=None, today=None, remember_state=True, auto_backup=False):  # noqa: ANN001, ANN202
        real(self, store, parent, today=TODAY, remember_state=False, auto_backup=auto_backup)
        self._closing_backup_done = True  # the controller's window closes at the test's end without a backup
    return init


@pytest.mark.parametrize("trouble", [Trouble.DISK_FULL, Trouble.READ_ONLY, Trouble.CANNOT_OPEN, Trouble.IO_ERROR])
def test_other_backup_failures_are_said_in_the_status_bar(sample_store, qtbot, trouble):
    from desktop.storage import DatabaseUnavailable

    win = MainWindow(sample_store, today=TODAY, remember_state=False)
    qtbot.addWidget(win)
    seen: list[object] = []
    win.databaseTrouble.connect(seen.append)
    win._automatic_backup_failed(DatabaseUnavailable(trouble, sample_store.path), on_closing=False)  # noqa: SLF001
    assert seen == [] and "not written" in win.statusBar().currentMessage()


def test_save_report_as_follows_the_command_lines_rule(window, qtbot, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QFileDialog, QMessageBox

    from desktop.paths import backups_dir
    from desktop.ui.dialogs.report_preview import show_report

    request = show_report(window, window.store.path, "summary")
    with qtbot.waitSignal(request.previewReady, timeout=30_000) as ready:
        pass
    dialog = ready.args[0]
    qtbot.addWidget(dialog)
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: warnings.append(text))
    letter = tmp_path / "letter.pdf"
    letter.write_bytes(b"%PDF-1.4 someone else's document")
    backups = backups_dir(window.store.path)
    backups.mkdir(exist_ok=True)
    for target in (letter, backups / "summary.pdf"):
        monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, target=target, **k: (str(target), ""))
        assert dialog.save_as() is None
    assert letter.read_bytes() == b"%PDF-1.4 someone else's document" and not (backups / "summary.pdf").exists()
    assert "not an Incident Log report" in warnings[0] and "backups folder" in warnings[1]
    ours = tmp_path / "summary.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(ours), ""))
    assert dialog.save_as() == ours and dialog.save_as() == ours  # our own report is replaced
    assert ours.stat().st_mode & 0o077 == 0


def test_settings_edit_backup_keep(sample_store, qtbot):
    from desktop.ui.dialogs.settings import SettingsDialog

    dialog = SettingsDialog(sample_store)
    qtbot.addWidget(dialog)
    assert dialog.backup_keep.value() == maintenance.DEFAULT_BACKUP_KEEP
    dialog.backup_keep.setValue(5)
    dialog.accept()
    assert sample_store.get_setting("backup_keep") == 5 and maintenance.backup_keep(sample_store) == 5
