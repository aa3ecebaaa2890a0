"""What the form tests share: a clerk's hands (fill a person, a vehicle) and a seeded incident.

The helpers drive the real widgets: they click the buttons a clerk clicks and type into the
fields a clerk types into. Child editors open window-modally with `open()` (no nested event
loop), so a helper reaches them through `child_dialog` / `dialog` attributes.
"""

from __future__ import annotations

import os
import uuid
from datetime import datetime, timedelta, timezone
from decimal import Decimal
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402
from PySide6.QtCore import QEvent, QPoint, Qt  # noqa: E402
from PySide6.QtGui import QKeyEvent  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from desktop.domain.enums import IncidentKind, IncidentStatus, PersonKind, Severity  # noqa: E402
from desktop.domain.models import Incident, Person, Vehicle  # noqa: E402
from desktop.storage import Store  # noqa: E402
from desktop.ui import labels  # noqa: E402

MSK = timezone(timedelta(hours=3))
LEFT = Qt.MouseButton.LeftButton

OWNERS: list[dict[str, Any]] = [
    {"name": "Смирнова Анна Викторовна", "phone": "+7 910 512-33-08", "inn": "402701234570",
     "id_document": "паспорт 2904 518233"},
    {"name": "Кузнецов Игорь Петрович", "phone": "8 (4842) 55-21-90", "id_document": "паспорт 2915 004417"},
    {"name": "Ахмедов Рустам Ильдарович", "phone": "+79531234567", "id_document": "паспорт 2920 771203"},
]

CARS: list[dict[str, Any]] = [
    {"make": "Lada", "model": "Vesta", "year": "2019", "plate": "a123bc40", "vin": "XTAGFL110KY123456",
     "damage": "разбито лобовое стекло, вмятины на капоте", "cost": "48 500"},
    {"make": "Kia", "model": "Rio", "year": "2016", "plate": "м456ор40",
     "damage": "повреждены крыша и заднее стекло", "cost": "112 000,00"},
    {"make": "Hyundai", "model": "Solaris", "year": "2021", "plate": "t789yx140",
     "damage": "царапины на левой двери", "cost": "9800,50"},
]


@pytest.fixture(autouse=True)
def no_modal_loops(monkeypatch: pytest.MonkeyPatch) -> None:
    """No question may block a test: closing a dirty form at teardown discards, and a question
    a test did not expect fails it instead of waiting for a click that never comes."""
    from PySide6.QtWidgets import QMessageBox

    from desktop.ui.dialogs.person_picker import PersonDialog
    from desktop.ui.widgets.validated import FormDialog

    def unexpected(*args: object, **kwargs: object) -> Any:
        raise AssertionError(f"unexpected modal question: {args[1:3]}")

    monkeypatch.setattr(FormDialog, "ask_unsaved", lambda self: "discard")
    monkeypatch.setattr(FormDialog, "confirm", lambda self, title, text: unexpected(self, title, text))
    monkeypatch.setattr(FormDialog, "inform", lambda self, title, text: unexpected(self, title, text))
    monkeypatch.setattr(PersonDialog, "ask_similar", lambda self, person, similar: unexpected(self, person, similar))
    for name in ("question", "warning", "information", "critical"):
        monkeypatch.setattr(QMessageBox, name, staticmethod(unexpected))


@pytest.fixture
def russian_messages() -> Any:
    """Domain messages in Russian (the window's own strings stay as they are)."""
    labels.set_language("ru")
    yield
    labels.set_language(None)


def show_form(qtbot: Any, dialog: Any) -> Any:
    """A form on screen at the office's 1366 pixels, its window active (shortcuts need that)."""
    qtbot.addWidget(dialog)
    dialog.resize(1366, 740)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    return dialog


def click(qtbot: Any, button: Any) -> None:
    assert button.isVisible(), f"{button.text()} is not on screen (another tab?)"
    assert button.isEnabled(), f"{button.text()} is disabled"
    qtbot.mouseClick(button, LEFT)


def check(qtbot: Any, box: Any) -> None:
    """Click a check box on its box (a wide check box's middle may be past its label)."""
    assert box.isVisible(), "switch to its tab first"
    qtbot.mouseClick(box, LEFT, pos=QPoint(8, box.height() // 2))


def type_into(qtbot: Any, widget: Any, text: str) -> None:
    """Type as on a keyboard. QTest only types ASCII (it asserts on Cyrillic), so other letters go
    as the key events a Russian layout produces: no key code, the letter as the event's text."""
    widget.setFocus()
    for ch in text:
        if ch.isascii():
            qtbot.keyClicks(widget, ch)
            continue
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, ch))


def create_person(qtbot: Any, picker: Any, owner: dict[str, Any]) -> Any:
    """Choose… → New person… → fill → OK: returns the person dialog (already closed)."""
    click(qtbot, picker.choose_button)
    chooser = picker.dialog
    assert chooser is not None and chooser.isVisible()
    click(qtbot, chooser.new_button)
    person_form = chooser.person_dialog
    assert person_form is not None and person_form.isVisible()
    type_into(qtbot, person_form.full_name, owner["name"])
    for key in ("phone", "inn", "id_document"):
        if owner.get(key):
            type_into(qtbot, getattr(person_form, key), owner[key])
    click(qtbot, person_form.save_button)
    return person_form


def add_car(qtbot: Any, form: Any, car: dict[str, Any], owner: dict[str, Any] | None) -> Any:
    """A new row, then its full editor (Open…), with the owner created there with their details."""
    form.tabs.setCurrentWidget(form.vehicle_grid)
    click(qtbot, form.vehicle_grid.add_button)
    click(qtbot, form.vehicle_grid.open_button)
    dialog = form.child_dialog
    assert dialog is not None and dialog.isVisible()
    if owner is not None:
        create_person(qtbot, dialog.owner, owner)
        assert dialog.owner.person_id() is not None
    dialog.make.setText(car["make"])  # picked from the completer's list
    type_into(qtbot, dialog.model, car["model"])
    type_into(qtbot, dialog.year, car["year"])
    type_into(qtbot, dialog.plate, car["plate"])
    if car.get("vin"):
        type_into(qtbot, dialog.vin, car["vin"])
    type_into(qtbot, dialog.damage, car["damage"])
    type_into(qtbot, dialog.estimated_cost, car["cost"])
    click(qtbot, dialog.save_button)
    return dialog


def seed_kaluga(store: Store) -> tuple[Incident, list[Person]]:
    """The Kaluga incident with three cars and their owners, as a finished form would save it."""
    people = [
        Person(id=str(uuid.uuid4()), kind=PersonKind.PERSON, full_name=o["name"], inn=o.get("inn"),
               id_document=o.get("id_document"))
        for o in OWNERS
    ]
    plates = ["А123ВС40", "М456ОР40", "Т789УХ140"]
    costs = [Decimal("48500.00"), Decimal("112000.00"), Decimal("9800.50")]
    incident = Incident(
        id=str(uuid.uuid4()), kind=IncidentKind.UAV_DEBRIS, occurred_at=datetime(2026, 9, 12, 2, 40, tzinfo=MSK),
        region="Калужская область", district="г. Калуга", settlement="Калуга", location="у пруда на окраине Калуги",
        status=IncidentStatus.OPEN,
        vehicles=[
            Vehicle(id=str(uuid.uuid4()), make=c["make"], model=c["model"], damage=c["damage"], severity=Severity.MODERATE,
                    owner_id=p.id, plate=plate, estimated_cost=cost)
            for c, p, plate, cost in zip(CARS, people, plates, costs, strict=True)
        ],
    )
    saved = store.save_with_people(incident, people)
    assert isinstance(saved, Incident)
    return saved, people
