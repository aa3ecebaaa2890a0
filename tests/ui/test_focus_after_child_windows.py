"""Where the keyboard goes when a window opened from another one closes: back to the window the
clerk came from, on the field they were in (a clerk without a mouse has no other way back)."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from typing import Any  # noqa: E402

import pytest  # noqa: E402
from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from desktop.storage import Store  # noqa: E402
from desktop.ui.dialogs.incident_form import IncidentDialog  # noqa: E402
from desktop.ui.dialogs.item_dialogs import VehicleDialog  # noqa: E402
from tests.ui.forms_fixtures import (  # noqa: E402
    no_modal_loops,  # noqa: F401 - an autouse fixture, active here by being imported
    seed_kaluga,
)
from tests.ui.keyboard import Clerk  # noqa: E402

ENTER = Qt.Key.Key_Return
ALT = Qt.KeyboardModifier.AltModifier
CTRL = Qt.KeyboardModifier.ControlModifier


def open_car_window(qtbot: Any, store: Store) -> tuple[IncidentDialog, VehicleDialog, Clerk]:
    incident, _people = seed_kaluga(store)
    form = IncidentDialog(store, incident.id)
    qtbot.addWidget(form)
    form.show()
    form.activateWindow()
    qtbot.waitUntil(form.isActiveWindow)
    form.tabs.setCurrentWidget(form.vehicle_grid)
    form.vehicle_grid.select_row(0)
    form.vehicle_grid.view.setFocus()
    clerk = Clerk(qtbot)
    clerk.press(ENTER)  # the car's own window
    car = form.child_dialog
    assert isinstance(car, VehicleDialog)
    qtbot.waitUntil(car.isActiveWindow)
    assert car.focusWidget() is car.owner.display
    return form, car, clerk


def person_card(qtbot: Any, car: VehicleDialog, clerk: Clerk) -> Any:
    clerk.press(Qt.Key.Key_F4)  # the owner's picker
    picker = car.owner.dialog
    assert picker is not None
    qtbot.waitUntil(picker.isActiveWindow)
    clerk.press(Qt.Key.Key_C, ALT)  # «Correct details…» («Исправить данные»), clicked after a blink
    qtbot.waitUntil(lambda: picker.person_dialog is not None)
    card = picker.person_dialog
    assert card is not None
    qtbot.waitUntil(card.isActiveWindow)
    return picker, card


def back_on_the_owner_field(qtbot: Any, car: VehicleDialog) -> None:
    qtbot.waitUntil(lambda: QApplication.activeWindow() is car)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is car.owner.display)
    assert car.isActiveWindow()


@pytest.mark.parametrize("key, modifiers", [(ENTER, CTRL), (ENTER, Qt.KeyboardModifier.NoModifier)])
def test_the_car_window_has_the_keyboard_after_the_owners_card_is_edited(
        qtbot: Any, store: Store, key: Qt.Key, modifiers: Qt.KeyboardModifier) -> None:
    _form, car, clerk = open_car_window(qtbot, store)
    _picker, card = person_card(qtbot, car, clerk)
    card.address.setFocus()
    clerk.type(" кв. 5")
    clerk.press(key, modifiers)  # OK: the card and the picker close
    qtbot.waitUntil(lambda: car.owner.dialog is None)
    back_on_the_owner_field(qtbot, car)
    assert car.owner.book.get(car.owner.person_id()).address.endswith("кв. 5")
    # and the keys go somewhere: the clerk's next Tab moves on in the car's window
    clerk.press(Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is car.make


def test_the_car_window_has_the_keyboard_after_the_owners_card_closes_unchanged(qtbot: Any, store: Store) -> None:
    _form, car, clerk = open_car_window(qtbot, store)
    _picker, card = person_card(qtbot, car, clerk)
    clerk.press(ENTER, CTRL)
    qtbot.waitUntil(lambda: car.owner.dialog is None)
    back_on_the_owner_field(qtbot, car)


def test_the_car_window_has_the_keyboard_after_the_picker_is_cancelled(qtbot: Any, store: Store) -> None:
    _form, car, clerk = open_car_window(qtbot, store)
    clerk.press(Qt.Key.Key_F4)
    picker = car.owner.dialog
    assert picker is not None
    qtbot.waitUntil(picker.isActiveWindow)
    clerk.press(Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: car.owner.dialog is None)
    back_on_the_owner_field(qtbot, car)


def test_the_incident_form_has_the_keyboard_after_the_car_window_closes(qtbot: Any, store: Store) -> None:
    form, car, clerk = open_car_window(qtbot, store)
    _picker, card = person_card(qtbot, car, clerk)
    card.address.setFocus()
    clerk.type(" кв. 5")
    clerk.press(ENTER, CTRL)
    back_on_the_owner_field(qtbot, car)
    clerk.press(ENTER, CTRL)  # the car's window: OK
    qtbot.waitUntil(lambda: form.child_dialog is None)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is form)
    assert QApplication.focusWidget() is form.vehicle_grid.view
