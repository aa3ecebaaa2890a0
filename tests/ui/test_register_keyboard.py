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


def test_enter_in_the_search_opens_the_one_record_found_or_goes_into_the_list(qtbot: Any, sample_store: Store) -> None:
    """Found in a clerk's try-out: Enter in the search did nothing, even with one match."""
    window = russian_window(qtbot, sample_store)
    clerk = Clerk(qtbot)
    clerk.press(Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    window.claims.filter_bar.focus_search()
    clerk.type("Кузнецов")
    clerk.press(Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.last_dialog is not None and window.last_dialog.isVisible())
    assert window.last_dialog.windowTitle().startswith("Заявление З-2026-0002")
    window.last_dialog.close()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.claims.filter_bar.focus_search()
    window.claims.filter_bar.search.clear()
    clerk.type("Калуга")  # several claims: Enter goes into the list, on the first
    clerk.press(Qt.Key.Key_Return)
    assert window.claim_model.rowCount() > 1
    assert clerk.target() is window.claims.view and window.claims.view.currentIndex().row() == 0


def test_the_incidents_status_filter_is_not_cut(qtbot: Any, sample_store: Store) -> None:
    window = russian_window(qtbot, sample_store)
    window.tabs.setCurrentWidget(window.incidents)
    QApplication.processEvents()
    combo = window.incidents.filter_bar.incident_status
    assert combo.currentText() == "Открытые и закрытые"
    assert combo.width() >= combo.fontMetrics().horizontalAdvance(combo.currentText()) + 20


def test_ctrl_and_a_tabs_number_leave_the_keyboard_in_its_search(qtbot: Any, sample_store: Store) -> None:
    """As the first time a register is shown (it is built then), so every time after."""
    window = russian_window(qtbot, sample_store)
    window.tabs.setCurrentIndex(0)
    window.overview.buttons["incidents"].setFocus()
    clerk = Clerk(qtbot)
    for key, page in ((Qt.Key.Key_2, window.incidents), (Qt.Key.Key_3, window.claims), (Qt.Key.Key_2, window.incidents),
                      (Qt.Key.Key_4, window.vehicles), (Qt.Key.Key_5, window.people)):
        clerk.press(key, Qt.KeyboardModifier.ControlModifier)
        assert clerk.target() is page.filter_bar.search, (clerk.keys, clerk.target())
    # Tab goes through the filter bar, then the buttons, then the table, as they are on the screen.
    seen = []
    widget = window.people.filter_bar.search
    while widget is not window.people.view and len(seen) < 40:
        widget = widget.nextInFocusChain()
        seen.append(widget)
    assert window.person_claims_button in seen and seen[-1] is window.people.view
    fields = [n for n, w in enumerate(seen)
              if window.people.filter_bar.isAncestorOf(w) and w.focusPolicy() != Qt.FocusPolicy.NoFocus]
    assert fields and seen.index(window.person_claims_button) > max(fields)


def test_a_window_opening_on_a_register_starts_in_its_search(qtbot: Any, sample_store: Store) -> None:
    first = russian_window(qtbot, sample_store)
    first.tabs.setCurrentWidget(first.claims)
    first.close()  # remembered: the next window opens on the claims register
    second = russian_window(qtbot, sample_store)
    assert second.tabs.currentWidget() is second.claims
    assert QApplication.focusWidget() is second.claims.filter_bar.search


def test_ctrl_and_a_number_put_the_keyboard_in_the_search_from_anywhere(qtbot: Any, sample_store: Store) -> None:
    """Back on a tab seen before, on the tab already shown, or from the tab strip: a clerk who
    presses Ctrl+2 and types, searches."""
    window = russian_window(qtbot, sample_store)
    clerk = Clerk(qtbot)
    clerk.press(Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    clerk.press(Qt.Key.Key_Down)
    assert clerk.target() is window.incidents.view
    clerk.press(Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    clerk.press(Qt.Key.Key_Down)
    clerk.press(Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)  # the same tab, from its table
    assert clerk.target() is window.claims.filter_bar.search
    clerk.press(Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)  # a tab seen before, its table had the keyboard
    assert clerk.target() is window.incidents.filter_bar.search
    window.tabs.tabBar().setFocus()
    clerk.press(Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier)  # from the tab strip
    assert clerk.target() is window.vehicles.filter_bar.search
