"""The registers from the keyboard, at the office's 1366×768 in Russian."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from desktop.storage import Store
from desktop.ui import i18n
from desktop.ui.main_window import MainWindow
from tests.ui.conftest import TODAY
from tests.ui.keyboard import Clerk


def russian_window(qtbot: Any, store: Store) -> MainWindow:
    i18n.install("ru")
    window = MainWindow(store, today=TODAY)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    return window


def test_down_from_the_search_goes_into_the_register_and_enter_opens_the_record(qtbot: Any, sample_store: Store) -> None:
    window = russian_window(qtbot, sample_store)
    clerk = Clerk(qtbot)
    clerk.press(Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)  # the claims register
    window.claims.filter_bar.focus_search()
    assert clerk.target() is window.claims.filter_bar.search
    clerk.type("Кузнецов")
    clerk.press(Qt.Key.Key_Down)  # the search counts at once, and the keyboard is in the table
    assert clerk.target() is window.claims.view
    assert window.claim_model.rowCount() == 1
    clerk.press(Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.last_dialog is not None and window.last_dialog.isVisible())
    assert window.last_dialog.windowTitle().startswith("Заявление З-2026-0002")
    assert clerk.keys == ["Ctrl+3", "↓", "Enter"]


def test_the_incidents_status_filter_is_not_cut(qtbot: Any, sample_store: Store) -> None:
    window = russian_window(qtbot, sample_store)
    window.tabs.setCurrentWidget(window.incidents)
    QApplication.processEvents()
    combo = window.incidents.filter_bar.incident_status
    assert combo.currentText() == "Открытые и закрытые"
    assert combo.width() >= combo.fontMetrics().horizontalAdvance(combo.currentText()) + 20
