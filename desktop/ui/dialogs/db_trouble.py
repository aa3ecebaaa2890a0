"""When the database cannot be used: say what is wrong and offer what can be done, never a traceback.

`Store.open` raises `DatabaseUnavailable` (locked, damaged, made by a newer version, folder
gone, disk full, read-only, cannot open, input/output error); `open_store_interactively` turns
it into a dialog with choices (try again, restore a backup from the backups folder beside the
database — offered for a damaged database only, open another file, quit) and loops until a
store opens or the clerk quits. Restoring goes through `storage.maintenance.restore`, the same
code as the `restore` command: the backup is verified first and the old file is kept aside.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime
from enum import Enum
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...paths import backups_dir
from ...storage import DatabaseUnavailable, Location, LogStore, open_store
from ...storage.errors import Trouble
from .. import i18n

log = logging.getLogger("incident_log.ui")


class Choice(Enum):
    RETRY = "retry"
    RESTORE = "restore"
    OPEN_OTHER = "open_other"
    QUIT = "quit"


def backups_of(db_path: Path) -> list[Path]:
    """Backups beside the database, newest first."""
    folder = backups_dir(db_path) if db_path.parent.exists() else None
    if folder is None or not folder.is_dir():
        return []
    found = [p for p in folder.iterdir() if p.is_file() and p.suffix in (".sqlite3", ".sqlite", ".db")]
    return sorted(found, key=lambda p: p.stat().st_mtime, reverse=True)


def restore_backup(backup: Path, db_path: Path) -> Path | None:
    """Put `backup` in place of the database; the old file (and its WAL) is kept aside, renamed.

    Returns where the old file went (None if there was none). Raises `BadBackup` for a file that
    is not a whole database of ours and `DatabaseUnavailable` (disk full, read-only, in use)
    when it cannot be done; then nothing has changed.
    """
    from ...storage.maintenance import restore  # a restore only: not loaded on the usual start

    kept = restore(Path(backup), Path(db_path))
    log.info("restored the database from a backup (the old file was kept aside)")
    return kept


# Troubles that may pass by themselves (a drive reconnected, space freed, the other program closed).
RETRYABLE = (Trouble.LOCKED, Trouble.MISSING_FOLDER, Trouble.DISK_FULL, Trouble.READ_ONLY, Trouble.CANNOT_OPEN,
             Trouble.IO_ERROR, Trouble.UNAVAILABLE, Trouble.NO_CONNECTION, Trouble.REFUSED)


class DatabaseTroubleDialog(QDialog):
    """Says what is wrong with the database and lets the clerk choose what to do."""

    def __init__(self, error: DatabaseUnavailable, db_path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.error = error
        self.db_path = Path(db_path)
        self.choice = Choice.QUIT
        self.chosen_path: Path | None = None
        self.setWindowTitle(self.tr("The database cannot be opened"))
        self.setModal(True)

        icon = QLabel(self)
        from PySide6.QtWidgets import QStyle  # here, not at start: QStyle's enums take ~20 ms to build

        icon.setPixmap(self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning).pixmap(48, 48))
        icon.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.message = QLabel(error.text(i18n.current_language()), self)
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        font = self.message.font()
        font.setBold(True)
        self.message.setFont(font)
        self.advice = QLabel(self._advice(), self)
        self.advice.setWordWrap(True)

        self.retry_button = QPushButton(self.tr("Try again"), self)
        self.restore_button = QPushButton(self.tr("Restore a backup…"), self)
        self.open_button = QPushButton(self.tr("Open another file…"), self)
        self.quit_button = QPushButton(self.tr("Quit"), self)
        self.retry_button.clicked.connect(lambda: self._finish(Choice.RETRY))
        self.restore_button.clicked.connect(self._restore)
        self.open_button.clicked.connect(self._open_other)
        self.quit_button.clicked.connect(lambda: self._finish(Choice.QUIT))
        self.retry_button.setVisible(error.trouble in RETRYABLE)
        self.backups = backups_of(self.db_path)
        # A restore mends damage only: for a full disk or a locked file it would only lose work.
        self.restore_button.setVisible(error.trouble is Trouble.DAMAGED)
        self.restore_button.setEnabled(bool(self.backups))
        if not self.backups:
            self.restore_button.setToolTip(self.tr("No backups in {0}").format(backups_dir(self.db_path)))

        text = QVBoxLayout()
        text.addWidget(self.message)
        text.addWidget(self.advice)
        top = QHBoxLayout()
        top.addWidget(icon)
        top.addLayout(text, 1)
        buttons = QHBoxLayout()
        for button in (self.retry_button, self.restore_button, self.open_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.quit_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addSpacing(8)
        layout.addLayout(buttons)
        self.setMinimumWidth(560)
        (self.retry_button if self.retry_button.isVisibleTo(self) else self.open_button).setDefault(True)

    def _advice(self) -> str:
        trouble = self.error.trouble
        if trouble is Trouble.LOCKED:
            return self.tr("Another program, or another copy of Incident Log, is writing to it. "
                           "Close it and try again.")
        if trouble is Trouble.MISSING_FOLDER:
            return self.tr("If the folder is on a network drive, connect the drive and try again; "
                           "or open another database file.")
        if trouble is Trouble.TOO_NEW:
            return self.tr("Install the newer version of Incident Log, or open another database file.")
        if trouble is Trouble.DISK_FULL:
            return self.tr("Free some space on the disk (delete or move files you do not need), then try again. "
                           "The database itself is not damaged.")
        if trouble is Trouble.READ_ONLY:
            return self.tr("The file, its folder or the drive is protected from writing. Ask your administrator "
                           "for write access, or open another database file.")
        if trouble is Trouble.CANNOT_OPEN:
            return self.tr("Check that the folder exists and that you may use it (ask your administrator), "
                           "then try again; or open another database file.")
        if trouble is Trouble.IO_ERROR:
            return self.tr("The disk or the network connection failed while reading or writing. Check the drive "
                           "or the connection and try again.")
        if trouble is Trouble.UNAVAILABLE:
            return self.tr("The shared log's server does not answer. Check the network connection and press "
                           "“Try again” to reconnect; or open a database file on this computer.")
        if trouble is Trouble.NO_CONNECTION:
            return self.tr("No connection to the shared log's server. Check the log's address (server, port, "
                           "database, login) with the administrator and the network connection, then press "
                           "“Try again”; or open a database file on this computer.")
        if trouble is Trouble.BAD_ADDRESS:
            return self.tr("The shared log's address is mistyped. Ask the administrator for the right one "
                           "(postgresql://login@server/database); or open a database file on this computer.")
        if trouble is Trouble.REFUSED:
            return self.tr("The server did not accept your login or its rights. Ask the administrator to create "
                           "your role (see the installation guide), then try again.")
        return self.tr("Restore the latest backup, or open another database file. "
                       "The damaged file is kept beside the restored one.")

    def _finish(self, choice: Choice, path: Path | None = None) -> None:
        self.choice, self.chosen_path = choice, path
        self.accept() if choice is not Choice.QUIT else self.reject()

    def _restore(self) -> None:
        backup = self.pick_backup()
        if backup is not None:
            self._finish(Choice.RESTORE, backup)

    def _open_other(self) -> None:
        path = self.pick_file()
        if path is not None:
            self._finish(Choice.OPEN_OTHER, path)

    def pick_backup(self) -> Path | None:
        names = [f"{p.name}  ({datetime.fromtimestamp(p.stat().st_mtime):%d.%m.%Y %H:%M})" for p in self.backups]
        chosen, ok = QInputDialog.getItem(self, self.tr("Restore a backup"),
                                          self.tr("Backups in {0}, newest first:").format(backups_dir(self.db_path)),
                                          names, 0, False)
        return self.backups[names.index(chosen)] if ok and chosen in names else None

    def pick_file(self) -> Path | None:
        dialog = QFileDialog(self, self.tr("Open a database"))
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptOpen)
        dialog.setFileMode(QFileDialog.FileMode.AnyFile)  # an existing file, or a new name for a new database
        dialog.setNameFilters([self.tr("Incident Log databases (*.sqlite3 *.sqlite *.db)"), self.tr("All files (*)")])
        folder = self.db_path.parent if self.db_path.parent.exists() else Path.home()
        dialog.setDirectory(str(folder))
        if dialog.exec() != QDialog.DialogCode.Accepted or not dialog.selectedFiles():
            return None
        return Path(dialog.selectedFiles()[0])

    @classmethod
    def ask(cls, error: DatabaseUnavailable, db_path: Path, parent: QWidget | None = None) -> tuple[Choice, Path | None]:
        """Show the dialog and return the clerk's choice (tests replace this)."""
        dialog = cls(error, db_path, parent)
        dialog.exec()
        return dialog.choice, dialog.chosen_path


Asker = Callable[[DatabaseUnavailable, Path, QWidget | None], tuple[Choice, Path | None]]


def open_store_interactively(db_path: Location | Path | str, parent: QWidget | None = None, ask: Asker | None = None,
                             trouble: DatabaseUnavailable | None = None) -> LogStore | None:
    """Open the database, asking the clerk what to do while it cannot be used; None means quit.

    `trouble`: what is already known to be wrong with it (found while the window used it), so
    the clerk is asked first.
    """
    ask = ask or DatabaseTroubleDialog.ask
    location = Location.of(db_path)
    while True:
        path = location.path or Path(location.shown())  # a server log: its address, for the dialog's words only
        try:
            if trouble is not None:
                error, trouble = trouble, None
                raise error
            return open_store(location)
        except DatabaseUnavailable as error:
            log.warning("database unavailable: %s", error.trouble)
            choice, chosen = ask(error, path, parent)
        if choice is Choice.QUIT:
            return None
        if choice is Choice.OPEN_OTHER and chosen is not None:
            location = Location.of(chosen)
        elif choice is Choice.RESTORE and chosen is not None and location.path is not None:
            from ...storage.maintenance import BadBackup  # with the restore only: not on the usual start

            try:
                restore_backup(chosen, path)
            except (BadBackup, DatabaseUnavailable, OSError) as e:
                log.warning("restore refused: %s", type(e).__name__)
                reason = e.text(i18n.current_language()) if isinstance(e, (BadBackup, DatabaseUnavailable)) else (
                    e.strerror or type(e).__name__)
                error_text = QCoreApplication.translate("DatabaseTroubleDialog", "The backup could not be restored: {0}")
                QMessageBox.warning(parent, QCoreApplication.translate("DatabaseTroubleDialog", "Restore a backup"),
                                    error_text.format(reason))
