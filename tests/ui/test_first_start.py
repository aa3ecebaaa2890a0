"""A clerk's first day: the setup dialog on a log without the office's settings, typed by keyboard.

The dialog belongs to the application's start path (`WindowController.open` → `offer_setup`):
building a main window (the tests' `window`, the selftest) never shows it.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from desktop.app import WindowController
from desktop.domain.districts import KALUGA_DISTRICTS
from desktop.ui import i18n
from desktop.ui.dialogs.first_start import SETUP_DONE, FirstStartDialog, setup_wanted
from desktop.ui.dialogs.progress import jobs_running
from desktop.ui.main_window import MainWindow
from tests.ui.conftest import TODAY
from tests.ui.keyboard import Clerk

CTRL = Qt.KeyboardModifier.ControlModifier
OFFICE = "Администрация муниципального образования «Город Калуга»"


def first_start_dialogs() -> list[FirstStartDialog]:
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, FirstStartDialog) and w.isVisible()]


@pytest.fixture
def fresh_window(store, qtbot) -> MainWindow:
    i18n.install("ru")  # as a Russian clerk sees it; the autouse fixture puts English back
    window = MainWindow(store, today=TODAY)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    return window


def open_setup(window: MainWindow, qtbot) -> FirstStartDialog:
    dialog = window.offer_setup()
    assert isinstance(dialog, FirstStartDialog)
    qtbot.waitExposed(dialog)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.office_name)  # the clerk types at once
    return dialog


def test_a_clerk_sets_up_the_office_by_keyboard_and_enter_saves(fresh_window, store, qtbot):
    assert setup_wanted(store)
    dialog = open_setup(fresh_window, qtbot)
    assert dialog.windowTitle() == "Настройка журнала"
    assert not dialog.isModal()  # the window behind stays usable
    clerk = Clerk(qtbot)
    clerk.type(OFFICE)
    clerk.tab()
    clerk.type("248000, г. Калуга, ул. Воскресенская, 10")
    clerk.tab()
    clerk.type("И. И. Иванов")
    clerk.tab()
    clerk.type("Глава администрации")
    clerk.press(Qt.Key.Key_Return)  # Enter in a line saves
    assert not dialog.isVisible()
    assert clerk.keys == ["Tab", "Tab", "Tab", "Enter"]

    assert store.get_setting("office_name") == OFFICE
    assert store.get_setting("office_address") == "248000, г. Калуга, ул. Воскресенская, 10"
    assert store.get_setting("signatory_name") == "И. И. Иванов"
    assert store.get_setting("signatory_position") == "Глава администрации"
    assert store.get_setting("region") is None  # left as offered: the default, not written
    assert store.settings().region == "Калужская область"
    assert store.get_setting("districts") == list(KALUGA_DISTRICTS)  # the office's list is explicit now
    assert store.get_setting(SETUP_DONE) is True
    assert not setup_wanted(store)
    assert fresh_window.overview.heading.text() == OFFICE  # the window shows it at once
    assert fresh_window.offer_setup() is None  # and it is not offered again
    assert len(store.history("office_name")) == 1  # audited, as Settings' writes are


def test_the_districts_are_typed_one_per_line_and_ctrl_enter_saves(fresh_window, store, qtbot):
    dialog = open_setup(fresh_window, qtbot)
    clerk = Clerk(qtbot)
    clerk.type("Администрация Гатчинского муниципального района")
    clerk.tab(4)  # address, signatory, position: left for later; onto the region
    assert QApplication.focusWidget() is dialog.region
    clerk.type("Ленинградская область")  # Tab selected the offered region: typing replaces it
    clerk.tab()
    assert QApplication.focusWidget() is dialog.districts
    clerk.press(Qt.Key.Key_A, CTRL)
    clerk.type("Гатчинский район")
    clerk.press(Qt.Key.Key_Return)  # a new line, not a save
    assert dialog.isVisible()
    clerk.type("г. Гатчина")
    clerk.press(Qt.Key.Key_Return)
    clerk.press(Qt.Key.Key_Return)  # a blank line is no district
    clerk.type("  Гатчинский район ")  # nor is a repeat
    clerk.press(Qt.Key.Key_Return, CTRL)
    assert not dialog.isVisible()
    assert store.get_setting("office_name") == "Администрация Гатчинского муниципального района"
    assert store.get_setting("region") == "Ленинградская область"
    assert store.get_setting("districts") == ["Гатчинский район", "г. Гатчина"]
    assert store.get_setting("office_address") is None  # nothing typed, nothing written
    assert store.get_setting(SETUP_DONE) is True


def test_an_empty_district_list_is_said_in_the_dialog_and_nothing_is_written(fresh_window, store, qtbot):
    dialog = open_setup(fresh_window, qtbot)
    clerk = Clerk(qtbot)
    clerk.type("Управа")
    clerk.tab(5)
    clerk.press(Qt.Key.Key_A, CTRL)
    clerk.press(Qt.Key.Key_Delete)
    clerk.press(Qt.Key.Key_Return, CTRL)
    assert dialog.isVisible() and dialog.problem.isVisible()
    assert dialog.problem.text() == "Список районов не может быть пустым."
    assert QApplication.focusWidget() is dialog.districts
    assert store.all_settings() == {}


def test_esc_skips_and_the_dialog_is_not_offered_again(fresh_window, store, qtbot):
    dialog = open_setup(fresh_window, qtbot)
    clerk = Clerk(qtbot)
    clerk.type("Набрано и брошено")
    clerk.press(Qt.Key.Key_Escape)
    assert not dialog.isVisible()
    assert store.all_settings() == {SETUP_DONE: True}  # only the fact: nothing typed is saved
    assert store.settings().office_name == ""
    assert not setup_wanted(store)
    assert fresh_window.offer_setup() is None


def test_not_offered_where_the_office_is_set(sample_store, qtbot):
    sample_store.set_setting("office_name", "Администрация города Калуги")  # e.g. by the settings command
    window = MainWindow(sample_store, today=TODAY)
    qtbot.addWidget(window)
    assert not setup_wanted(sample_store)
    assert window.offer_setup() is None
    assert first_start_dialogs() == []


def test_building_a_window_never_shows_it(window):
    """The tests' window (the sample has no office settings) and the selftest's are not held up."""
    assert setup_wanted(window.store)
    assert first_start_dialogs() == []


def test_the_selftest_does_not_show_it(tmp_path, qapp, capsys):
    from desktop.selftest import run_selftest

    assert run_selftest(tmp_path / "incident-log.sqlite3", "en") == 0
    assert "selftest passed" in capsys.readouterr().out
    assert not [w for w in QApplication.allWidgets() if isinstance(w, FirstStartDialog)]


@pytest.fixture
def controllers(qtbot) -> Iterator[list[WindowController]]:
    made: list[WindowController] = []
    yield made
    for controller in made:
        window = controller.window
        if window is not None:
            qtbot.waitUntil(lambda: not jobs_running(), timeout=20_000)
            window.close()  # after a change (the dialog's), the closing backup runs first
            qtbot.waitUntil(lambda w=window: not jobs_running() and not w.isVisible(), timeout=20_000)
            window.deleteLater()
        controller.close()


def test_the_application_offers_it_when_it_opens_a_log_without_settings(store, controllers, qtbot):
    controller = WindowController("ru")
    controllers.append(controller)
    assert controller.open(store.path)
    (dialog,) = first_start_dialogs()
    assert dialog.parent() is controller.window
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.office_name)
    Clerk(qtbot).press(Qt.Key.Key_Escape)
    assert controller.store.get_setting(SETUP_DONE) is True

    again = WindowController("ru")  # the next start
    controllers.append(again)
    assert again.open(store.path)
    assert first_start_dialogs() == []


def test_the_application_does_not_offer_it_for_a_log_with_the_office_set(sample_store, controllers):
    sample_store.set_setting("office_name", "Администрация города Калуги")
    controller = WindowController("ru")
    controllers.append(controller)
    assert controller.open(sample_store.path)
    assert controller.window.isVisible()
    assert first_start_dialogs() == []
