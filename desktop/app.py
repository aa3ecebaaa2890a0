"""Starting the window: the QApplication, its translators, the database (with a dialog when it
cannot be used) and the main window; switching language or database rebuilds the window.
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QApplication, QMessageBox

from .files import restrict_new_files, sweep_unfinished
from .storage import DatabaseUnavailable, Location, LogStore, open_store
from .storage.errors import DatabaseBug
from .ui import i18n
from .ui.main_window import MainWindow, apply_application_names

if TYPE_CHECKING:
    from .ui.dialogs.db_trouble import Asker

log = logging.getLogger("incident_log")

EXIT_DATABASE = 3  # cli.md: the database cannot be used (the clerk chose Quit in the trouble dialog)


class WindowController(QObject):
    """Owns the store and the main window; rebuilds the window for another language or database."""

    def __init__(self, lang: str | None = None, ask: Asker | None = None) -> None:
        super().__init__()
        self.explicit_lang = lang
        self.ask = ask
        self.store: LogStore | None = None
        self.window: MainWindow | None = None

    def open(self, db: Location | Path | str, trouble: DatabaseUnavailable | None = None) -> bool:
        """Open `db` (asking what to do while it cannot be used) and show the window on it.

        `trouble`: what the window found wrong with the database it had open (its automatic
        backup found it damaged): that window and store are closed first, so a restore can
        replace the file.
        """
        if trouble is not None:
            self._drop_window()
        while True:
            store, found = None, trouble
            if trouble is None:  # the usual start: the log opens, and the trouble dialog's module (~20 ms of Qt classes) is not loaded
                try:
                    store = open_store(Location.of(db))
                except DatabaseUnavailable as error:
                    found = error  # the dialog asks about it first
            if store is None:
                from .ui.dialogs.db_trouble import open_store_interactively

                store = open_store_interactively(db, self.window, self.ask, found)
            if store is None:
                if trouble is not None:
                    app = QApplication.instance()
                    if app is not None:
                        app.quit()
                return False
            old = self.store
            self.store = store
            try:
                i18n.install(i18n.resolve_language(self.explicit_lang, store.get_setting("language")))
                self._build()
            except DatabaseUnavailable as error:  # it opened, then failed on its first pages: damaged
                store.close()
                self.store = old
                db, trouble = store.location, error
                self._drop_window()
                continue
            if old is not None:
                old.close()
            assert self.window is not None
            self.window.offer_setup()  # a log without the office's settings: the first-start dialog
            return True

    def _drop_window(self) -> None:
        if self.window is not None:
            self.window.retire()
            self.window = None
        if self.store is not None:
            self.store.close()
            self.store = None

    def switch_language(self, choice: str) -> None:
        """The clerk chose a language in Settings ("" = the system's): it wins over --lang from now on."""
        self.explicit_lang = None
        i18n.install(i18n.resolve_language(choice or None, None))
        self._build()

    def _build(self) -> None:
        assert self.store is not None
        old = self.window
        if old is not None:
            old.save_state()
        window = MainWindow(self.store, auto_backup=True)
        if old is not None:
            window.backup_job = old.backup_job  # a backup under way is not started twice
        window.languageChangeRequested.connect(self.switch_language)
        window.databaseChangeRequested.connect(self.open)
        window.databaseTrouble.connect(lambda error, where=self.store.location: self.open(where, error))
        self.window = window
        window.show()
        if old is not None:
            old.retire()

    def close(self) -> None:
        if self.store is not None:
            self.store.close()
            self.store = None


def _show_unexpected(kind: type[BaseException], error: BaseException, tb: TracebackType | None) -> None:
    """An error no code path expected: logged in full, shown to the clerk as one sentence."""
    if issubclass(kind, KeyboardInterrupt):
        sys.__excepthook__(kind, error, tb)
        return
    log.error("unexpected error", exc_info=(kind, error, tb))  # the log's formatter leaves out the message
    lang = i18n.current_language()
    if isinstance(error, (DatabaseUnavailable, DatabaseBug)):
        text = error.text(lang)
    else:
        text = QApplication.translate("App", "Something went wrong: {0}\n\nThe details are in the log file.").format(error)
    app = QApplication.instance()
    if app is not None:
        QMessageBox.critical(QApplication.activeWindow(), QApplication.translate("App", "Incident Log"), text)


def run_window(db: Location | Path | str, lang: str | None) -> int:
    """The `incident-log` command without a subcommand: the window, until the clerk closes it."""
    restrict_new_files()  # the CLI did this already; the window may also be started on its own
    sweep_unfinished()
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    apply_application_names(app)
    # Until the database says otherwise (its `language` setting), the trouble dialog speaks the
    # language asked for, or the system's.
    i18n.install(i18n.resolve_language(lang, None))
    previous_hook = sys.excepthook
    sys.excepthook = _show_unexpected
    controller = WindowController(lang)
    try:
        if not controller.open(Location.of(db)):
            return EXIT_DATABASE
        return app.exec()
    finally:
        sys.excepthook = previous_hook
        controller.close()
