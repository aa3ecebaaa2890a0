"""A database that cannot be used is a dialog with choices, never a traceback."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from desktop.app import WindowController, run_window
from desktop.paths import backups_dir
from desktop.storage import DatabaseUnavailable, Store
from desktop.storage.errors import Trouble
from desktop.ui.dialogs.db_trouble import (
    Choice,
    DatabaseTroubleDialog,
    backups_of,
    open_store_interactively,
    restore_backup,
)


def damaged(path: Path) -> Path:
    path.write_bytes(b"this is not a database, it is a letter to the tax office" * 100)
    return path


def too_new(path: Path) -> Path:
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA user_version = 99")
    conn.close()
    return path


def trouble_of(path: Path) -> DatabaseUnavailable:
    with pytest.raises(DatabaseUnavailable) as caught:
        Store.open(path)
    return caught.value


def make_backup(db: Path, sample_store: Store) -> Path:
    folder = backups_dir(db)
    folder.mkdir(parents=True, exist_ok=True)
    return sample_store.backup(folder / "incident-log-2026-10-01_120000.sqlite3")


def test_restore_a_backup_over_a_damaged_database(tmp_path, sample_store):
    (tmp_path / "office").mkdir()
    db = damaged(tmp_path / "office" / "incident-log.sqlite3")
    backup = make_backup(db, sample_store)
    asked: list[Trouble] = []

    def ask(error, path, parent):
        asked.append(error.trouble)
        return Choice.RESTORE, backups_of(path)[0]

    store = open_store_interactively(db, ask=ask)
    assert store is not None
    with store:
        assert store.counts()["claims"] == 4
    assert asked == [Trouble.DAMAGED]
    kept = [p for p in db.parent.iterdir() if ".before-restore-" in p.name]
    assert len(kept) == 1 and kept[0].read_bytes().startswith(b"this is not a database")  # nothing is lost
    assert backup.is_file()


def test_open_another_file_and_quit(tmp_path):
    db = too_new(tmp_path / "newer.sqlite3")
    other = tmp_path / "fresh.sqlite3"
    answers = iter([(Choice.OPEN_OTHER, other)])
    store = open_store_interactively(db, ask=lambda e, p, parent: next(answers))
    assert store is not None and store.path == other
    store.close()
    assert open_store_interactively(db, ask=lambda e, p, parent: (Choice.QUIT, None)) is None


def test_retry_after_the_lock_is_gone(tmp_path, monkeypatch):
    db = tmp_path / "log.sqlite3"
    attempts: list[int] = []

    def ask(error, path, parent):
        attempts.append(1)
        return Choice.RETRY, None

    real_open = Store.open

    def flaky_open(path):
        if not attempts:
            raise DatabaseUnavailable(Trouble.LOCKED, path)
        return real_open(path)

    monkeypatch.setattr(Store, "open", staticmethod(flaky_open))
    store = open_store_interactively(db, ask=ask)
    assert store is not None and attempts == [1]
    store.close()


@pytest.mark.parametrize(("trouble", "retry_shown"), [
    (Trouble.LOCKED, True), (Trouble.MISSING_FOLDER, True), (Trouble.DAMAGED, False), (Trouble.TOO_NEW, False),
    (Trouble.DISK_FULL, True), (Trouble.READ_ONLY, True), (Trouble.CANNOT_OPEN, True), (Trouble.IO_ERROR, True),
    (Trouble.NO_CONNECTION, True), (Trouble.BAD_ADDRESS, False),  # a mistyped address is not mended by waiting
])
def test_dialog_offers_what_fits_the_trouble(tmp_path, qtbot, trouble, retry_shown):
    dialog = DatabaseTroubleDialog(DatabaseUnavailable(trouble, tmp_path / "x.sqlite3", "detail"), tmp_path / "x.sqlite3")
    qtbot.addWidget(dialog)
    assert dialog.retry_button.isVisibleTo(dialog) is retry_shown
    assert dialog.restore_button.isVisibleTo(dialog) is (trouble is Trouble.DAMAGED)  # restore mends damage only
    if trouble is not Trouble.DAMAGED:
        assert "restore" not in dialog.advice.text().lower() and "damaged" not in dialog.message.text()
    assert not dialog.restore_button.isEnabled()  # no backups beside it
    assert str(tmp_path / "x.sqlite3") in dialog.message.text() or trouble is Trouble.MISSING_FOLDER
    qtbot.mouseClick(dialog.quit_button, Qt.MouseButton.LeftButton)
    assert dialog.choice is Choice.QUIT


def test_dialog_buttons_give_choices(tmp_path, qtbot, sample_store, monkeypatch):
    db = damaged(tmp_path / "incident-log.sqlite3")
    backup = make_backup(db, sample_store)
    error = trouble_of(db)
    assert error.trouble is Trouble.DAMAGED

    dialog = DatabaseTroubleDialog(error, db)
    qtbot.addWidget(dialog)
    assert dialog.restore_button.isEnabled()
    monkeypatch.setattr(dialog, "pick_backup", lambda: backup)
    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    assert (dialog.choice, dialog.chosen_path) == (Choice.RESTORE, backup)

    other = DatabaseTroubleDialog(error, db)
    qtbot.addWidget(other)
    monkeypatch.setattr(other, "pick_file", lambda: tmp_path / "other.sqlite3")
    qtbot.mouseClick(other.open_button, Qt.MouseButton.LeftButton)
    assert (other.choice, other.chosen_path) == (Choice.OPEN_OTHER, tmp_path / "other.sqlite3")

    locked = DatabaseTroubleDialog(DatabaseUnavailable(Trouble.LOCKED, db), db)
    qtbot.addWidget(locked)
    qtbot.mouseClick(locked.retry_button, Qt.MouseButton.LeftButton)
    assert locked.choice is Choice.RETRY


def test_too_new_is_explained_in_russian(tmp_path, qtbot):
    from desktop.ui import i18n

    i18n.install("ru")
    db = too_new(tmp_path / "newer.sqlite3")
    dialog = DatabaseTroubleDialog(trouble_of(db), db)
    qtbot.addWidget(dialog)
    assert "более новой версией" in dialog.message.text()
    assert dialog.windowTitle() == "Не удаётся открыть базу данных"
    assert dialog.open_button.text() == "Открыть другой файл…"


def test_restore_keeps_the_old_file_and_its_wal(tmp_path, sample_store):
    db = tmp_path / "log.sqlite3"
    db.write_bytes(b"old")
    (tmp_path / "log.sqlite3-wal").write_bytes(b"wal")
    backup = sample_store.backup(tmp_path / "b.sqlite3")
    kept = restore_backup(backup, db)
    assert kept is not None and kept.read_bytes() == b"old"
    assert not (tmp_path / "log.sqlite3-wal").exists()
    with Store.open(db) as store:
        assert store.counts()["incidents"] == 2


def test_run_window_quits_cleanly_when_the_clerk_chooses_quit(tmp_path, monkeypatch, capsys):
    db = damaged(tmp_path / "incident-log.sqlite3")
    seen: list[Trouble] = []

    def ask(cls, error, path, parent=None):
        seen.append(error.trouble)
        return Choice.QUIT, None

    monkeypatch.setattr(DatabaseTroubleDialog, "ask", classmethod(ask))
    assert run_window(db, "en") == 3
    assert seen == [Trouble.DAMAGED]
    assert "Traceback" not in capsys.readouterr().err


def test_missing_folder_then_another_file(tmp_path, qtbot):
    gone = tmp_path / "unplugged-drive" / "incident-log.sqlite3"
    other = tmp_path / "local.sqlite3"
    controller = WindowController("en", ask=lambda e, p, parent: (Choice.OPEN_OTHER, other))
    assert controller.open(gone)
    qtbot.addWidget(controller.window)
    assert controller.store.path == other
    controller.window.close()  # as the program ends: the window first, then its log
    controller.close()


@pytest.mark.parametrize("trouble", [Trouble.DISK_FULL, Trouble.READ_ONLY, Trouble.CANNOT_OPEN, Trouble.IO_ERROR,
                                     Trouble.NO_CONNECTION, Trouble.BAD_ADDRESS])
def test_new_troubles_speak_russian(tmp_path, qtbot, trouble):
    from desktop.ui import i18n

    i18n.install("ru")
    dialog = DatabaseTroubleDialog(DatabaseUnavailable(trouble, tmp_path / "x.sqlite3"), tmp_path / "x.sqlite3")
    qtbot.addWidget(dialog)
    assert any("а" <= ch <= "я" for ch in dialog.message.text() + dialog.advice.text())
    assert dialog.advice.text() and not dialog.advice.text().isascii()


def test_a_backup_that_is_not_whole_is_refused_and_the_clerk_asked_again(tmp_path, monkeypatch):
    (tmp_path / "office").mkdir()
    db = damaged(tmp_path / "office" / "incident-log.sqlite3")
    folder = backups_dir(db)
    folder.mkdir()
    bad = damaged(folder / "incident-log-2026-10-01_120000.sqlite3")
    answers = iter([(Choice.RESTORE, bad), (Choice.QUIT, None)])
    warnings: list[str] = []
    monkeypatch.setattr("desktop.ui.dialogs.db_trouble.QMessageBox.warning",
                        lambda parent, title, text: warnings.append(text))
    assert open_store_interactively(db, ask=lambda e, p, parent: next(answers)) is None
    assert len(warnings) == 1 and "not a whole Incident Log database" in warnings[0]
    assert db.read_bytes().startswith(b"this is not a database")  # nothing changed
    assert [p.name for p in db.parent.iterdir() if ".before-restore-" in p.name] == []
