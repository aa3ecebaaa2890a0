"""Editors for one damaged vehicle or one piece of damaged property of an incident.

They hand the item back to the incident form (which saves it with the incident); the owner is
chosen with the person picker and may be a person created on the spot.
"""

from __future__ import annotations

import uuid
from dataclasses import replace
from datetime import datetime
from decimal import Decimal

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QFormLayout,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from ...domain.enums import IncidentKind, IncidentStatus, PropertyKind, Severity
from ...domain.errors import Problem
from ...domain.models import Incident, PropertyItem, Vehicle
from ...domain.rules import incident_problems
from ...domain.values import clean_text, normalise_plate, normalise_vin, parse_int, parse_money_input
from ..labels import enum_items, money_input_text
from ..widgets.validated import FormDialog, ValidatedField
from .person_picker import PeopleBook, PersonPicker

COMMON_MAKES = (
    "Lada", "Kia", "Hyundai", "Renault", "Toyota", "Volkswagen", "Skoda", "Nissan", "Chery", "Haval",
    "Geely", "Mitsubishi", "Mazda", "Ford", "Chevrolet", "Datsun", "Mercedes-Benz", "BMW", "Audi",
    "Changan", "Exeed", "Omoda", "UAZ", "GAZ", "KAMAZ", "Moskvich",
)


def _text(max_length: int | None = None):  # noqa: ANN202 - a parser factory
    return lambda value: clean_text(value, max_length=max_length)


def _required_text(value: str) -> str | None:
    return clean_text(value)


def _money(value: str) -> Decimal | None:
    return parse_money_input(value)


def _year(value: str) -> int | None:
    return parse_int(value)


def _multiline(height: int = 56) -> QPlainTextEdit:
    edit = QPlainTextEdit()
    edit.setTabChangesFocus(True)
    edit.setFixedHeight(height)
    return edit


def _item_rule_problems(vehicle: Vehicle | None = None, item: PropertyItem | None = None) -> list[Problem]:
    """The incident's item rules (plate or VIN, year range) run on this one item."""
    probe = Incident(
        id="probe", kind=IncidentKind.OTHER, occurred_at=datetime.now().astimezone(), region="-", district="-",
        location="-", status=IncidentStatus.OPEN, vehicles=[vehicle] if vehicle else [], properties=[item] if item else [],
    )
    out: list[Problem] = []
    for problem in incident_problems(probe):
        for prefix in ("vehicles[0]", "properties[0]"):
            if problem.path == prefix or problem.path.startswith(prefix + "."):
                out.append(Problem(problem.path[len(prefix) + 1:], problem.error))
    return out


class _ItemDialog(FormDialog):
    """Shared frame: the owner picker on top, the item's fields, OK/Cancel."""

    def __init__(self, book: PeopleBook, parent: QWidget | None) -> None:
        super().__init__(parent, record=False)
        self.book = book
        self.owner = PersonPicker(book)
        self.owner_field = ValidatedField(
            self.owner, read=self.owner.person_id, signal=self.owner.changed, marked=self.owner.display,
        )
        self.severity = QComboBox()
        for severity, text in enum_items(Severity):
            self.severity.addItem(text, severity)
        self.estimated_cost = QLineEdit()
        self.estimated_cost.setPlaceholderText(money_input_text(Decimal("48500")))
        self.estimated_cost.setAlignment(Qt.AlignmentFlag.AlignRight)

    def _show_typed(self, typed: dict[str, str] | None) -> None:
        """What the clerk typed into the row's cells that did not parse: shown as typed, with its
        message, rather than the last good value."""
        for key, text in (typed or {}).items():
            field = self.validation.get(key)
            if field is not None and isinstance(field.editor, QLineEdit):
                field.editor.setText(text)
                field.force_show()

    def _lay_out(self, fields: dict[str, tuple[str, ValidatedField]]) -> None:
        """One labelled row per field, registered for validation, then the problems and buttons."""
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        for key, (label, field) in fields.items():
            self.validation.add(key, field, label)
            form.addRow(label, field)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.problems_label)
        layout.addWidget(self.button_bar)
        self.resize(620, 0)


class VehicleDialog(_ItemDialog):
    """A damaged vehicle: `vehicle()` after OK."""

    def __init__(self, book: PeopleBook, vehicle: Vehicle | None = None, parent: QWidget | None = None,
                 *, typed: dict[str, str] | None = None, keep_id: str | None = None) -> None:
        super().__init__(book, parent)
        self.original = vehicle
        self._new_id = keep_id or str(uuid.uuid4())
        self.setWindowTitle(self.tr("Damaged vehicle"))

        self.make = QLineEdit()
        completer = QCompleter(list(COMMON_MAKES), self.make)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.make.setCompleter(completer)
        self.model = QLineEdit()
        self.year = QLineEdit()
        self.year.setMaxLength(4)
        self.year.setPlaceholderText("2019")
        self.colour = QLineEdit()
        self.plate = QLineEdit()
        self.plate.setPlaceholderText("А123ВС40")
        self.vin = QLineEdit()
        self.vin.setPlaceholderText(self.tr("17 characters"))
        self.damage = _multiline()
        self.damage.setPlaceholderText(self.tr("What is damaged"))

        v = self.validation
        fields = {
            "owner_id": (self.tr("&Owner:"), self.owner_field),
            "make": (self.tr("&Make:"), ValidatedField(self.make, _required_text, required=True)),
            "model": (self.tr("Mo&del:"), ValidatedField(self.model, _text())),
            "year": (self.tr("&Year:"), ValidatedField(self.year, _year)),
            "colour": (self.tr("Co&lour:"), ValidatedField(self.colour, _text())),
            "plate": (self.tr("&Plate:"), ValidatedField(self.plate, normalise_plate, display=str)),
            "vin": (self.tr("&VIN:"), ValidatedField(self.vin, normalise_vin, display=str)),
            "damage": (self.tr("Dam&age:"), ValidatedField(self.damage, _required_text, required=True)),
            "severity": (self.tr("&Severity:"), ValidatedField(self.severity, Severity)),
            "estimated_cost": (self.tr("&Estimated cost, ₽:"), ValidatedField(
                self.estimated_cost, _money, display=money_input_text)),
        }
        self._lay_out(fields)

        with v.load():
            if vehicle is not None:
                self.owner.set_person_id(vehicle.owner_id)
                self.make.setText(vehicle.make)
                self.model.setText(vehicle.model or "")
                self.year.setText(str(vehicle.year) if vehicle.year else "")
                self.colour.setText(vehicle.colour or "")
                self.plate.setText(vehicle.plate or "")
                self.vin.setText(vehicle.vin or "")
                self.damage.setPlainText(vehicle.damage)
                self.severity.setCurrentIndex(self.severity.findData(vehicle.severity))
                self.estimated_cost.setText(money_input_text(vehicle.estimated_cost))
            else:
                self.severity.setCurrentIndex(self.severity.findData(Severity.MODERATE))
            self._show_typed(typed)
        self.refresh()
        self.owner.setFocus()

    def vehicle(self) -> Vehicle:
        v = self.validation.value
        base = self.original or Vehicle(id=self._new_id, make="", damage="", severity=Severity.MODERATE)
        return replace(
            base, owner_id=v("owner_id"), make=v("make") or "", model=v("model"), year=v("year"),
            colour=v("colour"), plate=v("plate"), vin=v("vin"), damage=v("damage") or "",
            severity=v("severity"), estimated_cost=v("estimated_cost"),
        )

    def revalidate(self) -> None:
        if not self.validation.parsed_ok():
            return

        def key_of(problem: Problem) -> str | None:
            return "plate" if problem.path == "" else problem.path  # "give a plate or a VIN"

        self.validation.set_rule_problems(_item_rule_problems(vehicle=self.vehicle()), key_of)

    def commit(self) -> bool:
        for key in ("plate", "vin", "estimated_cost"):
            self.validation[key].normalise_text()
        return True


class PropertyDialog(_ItemDialog):
    """A damaged building, structure or other property: `item()` after OK."""

    def __init__(self, book: PeopleBook, item: PropertyItem | None = None, parent: QWidget | None = None,
                 *, typed: dict[str, str] | None = None, keep_id: str | None = None) -> None:
        super().__init__(book, parent)
        self.original = item
        self._new_id = keep_id or str(uuid.uuid4())
        self.setWindowTitle(self.tr("Damaged property"))

        self.kind = QComboBox()
        for kind, text in enum_items(PropertyKind):
            self.kind.addItem(text, kind)
        self.description = QLineEdit()
        self.description.setPlaceholderText(self.tr("Dwelling house, garage, pump station…"))
        self.address = QLineEdit()
        self.damage = _multiline()
        self.damage.setPlaceholderText(self.tr("What is damaged"))

        v = self.validation
        fields = {
            "owner_id": (self.tr("&Owner:"), self.owner_field),
            "kind": (self.tr("&Kind:"), ValidatedField(self.kind, PropertyKind)),
            "description": (self.tr("&Description:"), ValidatedField(self.description, _required_text, required=True)),
            "address": (self.tr("&Address:"), ValidatedField(self.address, _text())),
            "damage": (self.tr("Dam&age:"), ValidatedField(self.damage, _required_text, required=True)),
            "severity": (self.tr("&Severity:"), ValidatedField(self.severity, Severity)),
            "estimated_cost": (self.tr("&Estimated cost, ₽:"), ValidatedField(
                self.estimated_cost, _money, display=money_input_text)),
        }
        self._lay_out(fields)

        with v.load():
            if item is not None:
                self.owner.set_person_id(item.owner_id)
                self.kind.setCurrentIndex(self.kind.findData(item.kind))
                self.description.setText(item.description)
                self.address.setText(item.address or "")
                self.damage.setPlainText(item.damage)
                self.severity.setCurrentIndex(self.severity.findData(item.severity))
                self.estimated_cost.setText(money_input_text(item.estimated_cost))
            else:
                self.kind.setCurrentIndex(self.kind.findData(PropertyKind.DWELLING))
                self.severity.setCurrentIndex(self.severity.findData(Severity.MODERATE))
            self._show_typed(typed)
        self.refresh()
        self.owner.setFocus()

    def item(self) -> PropertyItem:
        v = self.validation.value
        base = self.original or PropertyItem(
            id=self._new_id, kind=PropertyKind.OTHER, description="", damage="", severity=Severity.MODERATE)
        return replace(
            base, owner_id=v("owner_id"), kind=v("kind"), description=v("description") or "", address=v("address"),
            damage=v("damage") or "", severity=v("severity"), estimated_cost=v("estimated_cost"),
        )

    def revalidate(self) -> None:
        if self.validation.parsed_ok():
            self.validation.set_rule_problems(_item_rule_problems(item=self.item()), lambda p: p.path or None)

    def commit(self) -> bool:
        self.validation["estimated_cost"].normalise_text()
        return True
