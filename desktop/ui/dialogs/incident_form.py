"""The incident form: what happened, where and when; the damaged vehicles and property with their
owners; and the claims filed for it.

Everything typed is parsed by the domain's parsers as it is typed and the incident's rules run on
every change, so Save is only offered for an incident the store will accept. The incident, its
items and any owners created on the spot are written in one transaction.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Callable
from dataclasses import replace
from datetime import datetime, tzinfo
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QCompleter,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ...domain.districts import DEFAULT_REGION, office_districts, resolve_district
from ...domain.enums import IncidentKind, IncidentStatus
from ...domain.errors import FieldError, Problem
from ...domain.models import Incident, PropertyItem, Vehicle
from ...domain.rules import incident_problems
from ...domain.typed_dates import parse_typed_datetime
from ...domain.values import check_not_future_datetime, clean_text, parse_int, parse_number
from ...storage.store import Store
from ..labels import date_text, enum_items, enum_label, money_text
from ..widgets.dates import DateEdit
from ..widgets.validated import FormDialog, ValidatedField
from .item_dialogs import PropertyDialog, VehicleDialog
from .person_picker import PeopleBook

_ITEM_PATH = re.compile(r"(vehicles|properties)\[(\d+)\](?:\.(\w+))?")


def _text(value: str) -> str | None:
    return clean_text(value)


class ItemTable(QWidget):
    """A small list of items with Add / Edit / Remove beside it (Delete removes, Enter edits)."""

    def __init__(self, headers: list[str], add_text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.table = QTableWidget(0, len(headers))
        self.table.setHorizontalHeaderLabels(headers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        self.add_button = QPushButton(add_text)
        self.edit_button = QPushButton(self.tr("&Edit…"))
        self.remove_button = QPushButton(self.tr("Re&move"))
        for b in (self.add_button, self.edit_button, self.remove_button):
            b.setAutoDefault(False)
        buttons = QVBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.edit_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout = QHBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self._update_buttons()

    def current_row(self) -> int:
        rows = self.table.selectionModel().selectedRows()
        return rows[0].row() if rows else -1

    def _update_buttons(self) -> None:
        has = self.current_row() >= 0
        self.edit_button.setEnabled(has)
        self.remove_button.setEnabled(has)

    def stretch_column(self, column: int, widths: tuple[int, ...]) -> None:
        """Fixed starting widths, with one column (the owner, the claimant) taking the rest."""
        for c, width in enumerate(widths):
            self.table.setColumnWidth(c, width)
        self.table.horizontalHeader().setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)

    def set_rows(self, rows: list[list[str]], right_aligned: frozenset[int] | set[int] = frozenset()) -> None:
        keep = self.current_row()
        self.table.setRowCount(len(rows))
        for r, cells in enumerate(rows):
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                if c in right_aligned:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(r, c, item)
        if rows:
            self.table.selectRow(min(max(keep, 0), len(rows) - 1))
        self._update_buttons()


class IncidentDialog(FormDialog):
    """Create (`incident_id=None`) or edit an incident; `saved(id)` after each successful save."""

    claim_saved = Signal(str)  # a claim opened from this form was saved (for the claims register)

    def __init__(self, store: Store, incident_id: str | None, parent: QWidget | None = None) -> None:
        original = store.get_incident(incident_id) if incident_id else None
        if incident_id and original is None:
            # Deleted since the register was read. Raised before the dialog exists, so nothing
            # half-built is left behind as a child of `parent`.
            raise LookupError(incident_id)
        super().__init__(parent, record=True)
        self.store = store
        self.book = PeopleBook(store)
        self.original: Incident | None = original
        self.incident_id = self.original.id if self.original else str(uuid.uuid4())
        self.vehicles: list[Vehicle] = list(self.original.vehicles) if self.original else []
        self.properties: list[PropertyItem] = list(self.original.properties) if self.original else []
        self._tz: tzinfo | None = self.original.occurred_at.tzinfo if self.original else None
        self._reported_tz: tzinfo | None = (
            self.original.reported_at.tzinfo if self.original and self.original.reported_at else None)
        settings = store.settings()

        self._build_widgets(settings.districts)
        self._build_layout()
        with self.validation.load():
            if self.original is not None:
                self._fill(self.original)
            else:
                self.occurred_at.set_value(datetime.now())
                self.region.setText(settings.region or DEFAULT_REGION)
                self.district.setCurrentIndex(-1)
                self.district.setEditText("")
        self._render_items()
        self._render_claims()
        self._update_title()
        self.refresh()
        self.occurred_at.setFocus()

    # ---- building ----------------------------------------------------------------------------
    def _build_widgets(self, districts: list[str]) -> None:
        self.reference = QLineEdit()
        self.reference.setReadOnly(True)
        self.reference.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.reference.setPlaceholderText(self.tr("assigned on first save"))
        self.occurred_at = DateEdit(with_time=True)
        self.reported_at = DateEdit(with_time=True, empty_text=self.tr("not known: dd.mm.yyyy hh:mm"))
        self.kind = QComboBox()
        for kind, text in enum_items(IncidentKind):
            self.kind.addItem(text, kind)
        self.status = QComboBox()
        for status, text in enum_items(IncidentStatus):
            self.status.addItem(text, status)
        self.region = QLineEdit()
        self.district = QComboBox()
        self.district.setEditable(True)
        self.district.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.district.addItems(office_districts(districts))
        # A list of the districts containing what is typed ("калуг" → "г. Калуга"). The combo's
        # own completer completes inline, which with MatchContains glued the match's tail onto
        # the typed text ("калуг" + "луга").
        completer = self.district.completer()
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.district.lineEdit().setPlaceholderText(self.tr("choose or type"))
        # What is typed resolves to the office's own spelling when the clerk moves on
        # ("калуга" → "г. Калуга"); a name not in the list is added only by this explicit button.
        self.district.lineEdit().editingFinished.connect(self._resolve_district_text)
        self.add_district_button = QPushButton()
        self.add_district_button.setAutoDefault(False)
        self.add_district_button.hide()
        self.add_district_button.clicked.connect(self.add_district)
        self.settlement = QLineEdit()
        self.location = QLineEdit()
        self.location.setPlaceholderText(self.tr("where exactly: “near the pond on the edge of Kaluga”"))
        self.latitude = QLineEdit()
        self.latitude.setPlaceholderText(self.tr("latitude, e.g. 54.5138"))
        self.longitude = QLineEdit()
        self.longitude.setPlaceholderText(self.tr("longitude, e.g. 36.2612"))
        for edit in (self.latitude, self.longitude):
            edit.setToolTip(self.tr("Decimal degrees; give both or neither"))
        self.uavs_downed = QLineEdit()
        self.uavs_downed.setPlaceholderText(self.tr("not known"))
        self.injured = QSpinBox()
        self.killed = QSpinBox()
        for box in (self.injured, self.killed):
            box.setRange(0, 100_000)
            box.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.source = QLineEdit()
        self.source.setPlaceholderText(self.tr("where the report came from"))
        self.description = QPlainTextEdit()
        self.description.setTabChangesFocus(True)

        v = self.validation
        self._labels: dict[str, str] = {
            "occurred_at": self.tr("&Date and time:"),
            "reported_at": self.tr("Re&ported:"),
            "kind": self.tr("&Kind:"),
            "status": self.tr("Stat&us:"),
            "region": self.tr("&Region:"),
            "district": self.tr("Dis&trict:"),
            "settlement": self.tr("Settle&ment:"),
            "location": self.tr("&Location:"),
            "latitude": self.tr("Latitude:"),
            "longitude": self.tr("Longitude:"),
            "uavs_downed": self.tr("Drones do&wned:"),
            "injured": self.tr("&Injured:"),
            "killed": self.tr("Kill&ed:"),
            "source": self.tr("&Source:"),
            "description": self.tr("Descr&iption:"),
        }
        fields: dict[str, ValidatedField] = {
            "occurred_at": ValidatedField(self.occurred_at, self._parse_occurred, required=True),
            "reported_at": ValidatedField(self.reported_at, self._parse_reported),
            "kind": ValidatedField(self.kind, IncidentKind),
            "status": ValidatedField(self.status, IncidentStatus),
            "region": ValidatedField(self.region, _text, required=True),
            "district": ValidatedField(self.district, self._parse_district, required=True),
            "settlement": ValidatedField(self.settlement, _text),
            "location": ValidatedField(self.location, _text, required=True),
            "latitude": ValidatedField(self.latitude, lambda s: parse_number(s, minimum=-90, maximum=90)),
            "longitude": ValidatedField(self.longitude, lambda s: parse_number(s, minimum=-180, maximum=180)),
            "uavs_downed": ValidatedField(self.uavs_downed, lambda s: parse_int(s, minimum=0), display=str),
            "injured": ValidatedField(self.injured),
            "killed": ValidatedField(self.killed),
            "source": ValidatedField(self.source, _text),
            "description": ValidatedField(self.description, _text),
        }
        for key, field in fields.items():
            v.add(key, field, self._labels[key])

        self.vehicle_table = ItemTable(
            [self.tr("Vehicle"), self.tr("Plate"), self.tr("VIN"), self.tr("Owner"), self.tr("Severity"),
             self.tr("Estimate")], self.tr("&Add vehicle…"))
        self.property_table = ItemTable(
            [self.tr("Property"), self.tr("Kind"), self.tr("Address"), self.tr("Owner"), self.tr("Severity"),
             self.tr("Estimate")], self.tr("&Add property…"))
        self.claims_table = ItemTable(
            [self.tr("Number"), self.tr("Filed on"), self.tr("Claimant"), self.tr("Status"), self.tr("Requested"),
             self.tr("Approved")], self.tr("&New claim…"))
        self.vehicle_table.stretch_column(3, (170, 100, 170, 200, 90, 110))
        self.property_table.stretch_column(3, (200, 110, 170, 200, 90, 110))
        self.claims_table.stretch_column(2, (120, 90, 240, 140, 120, 120))
        self.claims_table.edit_button.setText(self.tr("&Open…"))
        self.claims_table.remove_button.hide()
        for table, add, edit, remove in (
            (self.vehicle_table, self.add_vehicle, self.edit_vehicle, self.remove_vehicle),
            (self.property_table, self.add_property, self.edit_property, self.remove_property),
        ):
            table.add_button.clicked.connect(add)
            table.edit_button.clicked.connect(edit)
            table.remove_button.clicked.connect(remove)
            table.table.doubleClicked.connect(lambda _index, edit=edit: edit())
            self._shortcut(table.table, QKeySequence.StandardKey.Delete, remove)
            self._shortcut(table.table, Qt.Key.Key_Return, edit)
            self._shortcut(table.table, Qt.Key.Key_Insert, add)
        self.claims_table.add_button.clicked.connect(self.new_claim)
        self.claims_table.edit_button.clicked.connect(self.open_claim)
        self.claims_table.table.doubleClicked.connect(lambda _index: self.open_claim())
        self._shortcut(self.claims_table.table, Qt.Key.Key_Return, self.open_claim)

        self.history_button = QPushButton(self.tr("&History…"))
        self.history_button.clicked.connect(self.show_history)
        self.report_button = QPushButton(self.tr("Incident summary (&PDF)"))
        self.report_button.clicked.connect(self.show_summary_report)
        self.add_left_buttons(self.history_button, self.report_button)

    @staticmethod
    def _shortcut(widget: QWidget, key: Any, slot: Callable[[], Any]) -> None:
        shortcut = QShortcut(QKeySequence(key), widget, context=Qt.ShortcutContext.WidgetShortcut)
        shortcut.activated.connect(slot)

    def _build_layout(self) -> None:
        v = self.validation
        left = QFormLayout()
        right = QFormLayout()
        for form in (left, right):
            form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
            form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        left.addRow(self.tr("Reference:"), self.reference)
        for key in ("occurred_at", "reported_at", "kind", "status", "region", "district", "settlement", "location"):
            left.addRow(self._labels[key], v[key])
            if key == "district":
                left.addRow("", self.add_district_button)
        coordinates = QHBoxLayout()
        coordinates.addWidget(v["latitude"], 1)
        coordinates.addWidget(v["longitude"], 1)
        coordinates_label = QLabel(self.tr("C&oordinates:"))
        coordinates_label.setBuddy(self.latitude)
        right.addRow(coordinates_label, coordinates)
        for key in ("uavs_downed", "injured", "killed", "source"):
            right.addRow(self._labels[key], v[key])

        page = QWidget()
        grid = QGridLayout(page)
        grid.addLayout(left, 0, 0)
        grid.addLayout(right, 0, 1)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        grid.setHorizontalSpacing(24)
        description_label = QLabel(self._labels["description"])
        description_label.setBuddy(self.description)
        grid.addWidget(description_label, 1, 0, 1, 2)
        grid.addWidget(v["description"], 2, 0, 1, 2)
        grid.setRowStretch(2, 1)

        self.tabs = QTabWidget()
        self.tabs.addTab(page, self.tr("Incident"))
        self.tabs.addTab(self.vehicle_table, "")
        self.tabs.addTab(self.property_table, "")
        self.tabs.addTab(self.claims_table, "")

        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.problems_label)
        layout.addWidget(self.button_bar)
        self.resize(1000, 640)

        # Reading order: left column top to bottom, then the right column, then the description.
        order = [self.occurred_at.line, self.reported_at.line, self.kind, self.status,
                 self.region, self.district, self.settlement, self.location, self.latitude, self.longitude,
                 self.uavs_downed, self.injured, self.killed, self.source, self.description]
        for first, second in zip(order, order[1:], strict=False):
            QWidget.setTabOrder(first, second)

    # ---- values ------------------------------------------------------------------------------
    def _aware(self, naive: datetime, tz: tzinfo | None) -> datetime:
        """The wall-clock time typed, with the offset it was recorded in (new ones: this computer's)."""
        naive = naive.replace(second=0, microsecond=0)
        return naive.replace(tzinfo=tz) if tz is not None else naive.astimezone()

    def _parse_occurred(self, text: str) -> datetime | None:
        naive = parse_typed_datetime(text)
        if naive is None:
            return None
        moment = self._aware(naive, self._tz)
        check_not_future_datetime(moment)
        return moment

    def _parse_reported(self, text: str) -> datetime | None:
        naive = parse_typed_datetime(text)
        if naive is None:
            return None
        moment = self._aware(naive, self._reported_tz or self._tz)
        check_not_future_datetime(moment)
        return moment

    # ---- districts ---------------------------------------------------------------------------
    def known_districts(self) -> list[str]:
        return [self.district.itemText(i) for i in range(self.district.count())]

    def _parse_district(self, text: str) -> str | None:
        """One of the office's districts, as the office writes it; anything else asks to be added."""
        typed = _text(text)
        if typed is None:
            self._offer_district(None)
            return None
        found = resolve_district(typed, self.known_districts())
        self._offer_district(None if found else typed)
        if found is None:
            raise FieldError("district_unknown", got=typed)
        return found

    def _offer_district(self, name: str | None) -> None:
        if name:
            self.add_district_button.setText(self.tr("Add “%1” to the office's districts").replace("%1", name))
        self.add_district_button.setVisible(bool(name))

    def _resolve_district_text(self) -> None:
        found = resolve_district(self.district.currentText(), self.known_districts())
        if found is not None and found != self.district.currentText():
            self.district.setCurrentText(found)

    def add_district(self) -> str | None:
        """A new district, added to the office's list on the clerk's explicit request."""
        name = _text(self.district.currentText())
        if name is None or resolve_district(name, self.known_districts()) is not None:
            return None
        districts = [*office_districts(self.store.settings().districts), name]
        self.store.set_setting("districts", districts)
        self.district.addItem(name)
        self.district.setCurrentText(name)
        self.validation["district"].force_show()
        self.refresh()
        self.district.setFocus()
        return name

    def _fill(self, i: Incident) -> None:
        self.reference.setText(i.reference or "")
        self.occurred_at.set_value(i.occurred_at.replace(tzinfo=None))  # the wall clock it was recorded in
        self.reported_at.set_value(i.reported_at.replace(tzinfo=None) if i.reported_at else None)
        self.kind.setCurrentIndex(self.kind.findData(i.kind))
        self.status.setCurrentIndex(self.status.findData(i.status))
        self.region.setText(i.region)
        if self.district.findText(i.district) < 0:
            self.district.addItem(i.district)
        self.district.setCurrentText(i.district)
        self.settlement.setText(i.settlement or "")
        self.location.setText(i.location)
        self.latitude.setText("" if i.latitude is None else f"{i.latitude:g}")
        self.longitude.setText("" if i.longitude is None else f"{i.longitude:g}")
        self.uavs_downed.setText("" if i.uavs_downed is None else str(i.uavs_downed))
        self.injured.setValue(i.injured)
        self.killed.setValue(i.killed)
        self.source.setText(i.source or "")
        self.description.setPlainText(i.description or "")

    def incident(self) -> Incident:
        """The incident as the form has it (call when `validation.parsed_ok()`)."""
        v = self.validation.value
        base = self.original or Incident(
            id=self.incident_id, kind=IncidentKind.OTHER, occurred_at=datetime.now().astimezone(), region="",
            district="", location="", status=IncidentStatus.OPEN,
        )
        return replace(
            base, kind=v("kind"), occurred_at=v("occurred_at"), reported_at=v("reported_at"), region=v("region") or "",
            district=v("district") or "", settlement=v("settlement"), location=v("location") or "",
            latitude=v("latitude"), longitude=v("longitude"), description=v("description"), source=v("source"),
            uavs_downed=v("uavs_downed"), injured=v("injured"), killed=v("killed"), status=v("status"),
            vehicles=list(self.vehicles), properties=list(self.properties),
        )

    # ---- validation --------------------------------------------------------------------------
    @staticmethod
    def _key_of(problem: Problem) -> str | None:
        if problem.path == "":
            return {"lat_without_lon": "longitude", "lon_without_lat": "latitude"}.get(problem.error.code)
        return problem.path

    def revalidate(self) -> None:
        if not self.validation.parsed_ok():
            return
        unplaced = self.validation.set_rule_problems(incident_problems(self.incident()), self._key_of)
        self.general_problems = unplaced

    def problem_text(self, problem: Problem, lang: str) -> str:
        return f"{self._path_label(problem.path)}: {problem.error.text(lang)}" if problem.path else problem.error.text(lang)

    def _path_label(self, path: str) -> str:
        match = _ITEM_PATH.match(path)
        if match:
            kind, index, field = match.group(1), int(match.group(2)), match.group(3)
            items: list[Any] = self.vehicles if kind == "vehicles" else self.properties
            what = items[index].label() if index < len(items) else str(index + 1)
            name = (self.tr("Vehicle %1") if kind == "vehicles" else self.tr("Property %1")).replace("%1", what)
            return f"{name}, {field}" if field else name
        if path.startswith("people["):
            return self.tr("Owner")
        for item in (*self.vehicles, *self.properties):
            if path == item.id:
                return item.label()
        return self.validation.labels.get(path, path)

    # ---- saving ------------------------------------------------------------------------------
    def commit(self) -> bool:
        self.normalise_fields()
        incident = self.incident()
        owners = {i.owner_id for i in (*incident.vehicles, *incident.properties) if i.owner_id}
        saved = self.save_through_store(
            lambda: self.store.save_with_people(incident, self.book.to_save(owners), existing=self.original is not None,
                                                reason=self.conflict_reason),
            self._key_of,
        )
        if saved is None:
            return False
        assert isinstance(saved, Incident)
        self.book.mark_saved()
        self.original = self.store.get_incident(saved.id) or saved
        self.general_problems = []
        with self.validation.load():
            self.reference.setText(self.original.reference or "")
        self._tz = self.original.occurred_at.tzinfo
        self._update_title()
        self._render_items()
        self.saved.emit(saved.id)
        return True

    def _update_title(self) -> None:
        if self.original is not None:
            self.setWindowTitle(self.tr("Incident %1").replace("%1", self.original.reference or ""))
        else:
            self.setWindowTitle(self.tr("New incident"))
        saved = self.original is not None
        self.history_button.setEnabled(saved)
        self.report_button.setEnabled(saved)

    # ---- items -------------------------------------------------------------------------------
    def _render_items(self) -> None:
        self.book.prefetch([i.owner_id for i in (*self.vehicles, *self.properties)])
        self.vehicle_table.set_rows(
            [[" ".join(p for p in (v.make, v.model, str(v.year) if v.year else None) if p), v.plate or "", v.vin or "",
              self.book.name(v.owner_id), enum_label(v.severity), money_text(v.estimated_cost)] for v in self.vehicles],
            right_aligned={5},
        )
        self.property_table.set_rows(
            [[p.description, enum_label(p.kind), p.address or "", self.book.name(p.owner_id), enum_label(p.severity),
              money_text(p.estimated_cost)] for p in self.properties],
            right_aligned={5},
        )
        self.tabs.setTabText(1, self.tr("&Vehicles (%1)").replace("%1", str(len(self.vehicles))))
        self.tabs.setTabText(2, self.tr("P&roperty (%1)").replace("%1", str(len(self.properties))))

    def _items_changed(self) -> None:
        self._render_items()
        self._dirty = True
        self.refresh()

    def add_vehicle(self) -> VehicleDialog:
        dialog = VehicleDialog(self.book, None, self)
        dialog.accepted.connect(lambda: self._vehicle_done(dialog, None))
        self.open_child(dialog)
        return dialog

    def edit_vehicle(self) -> VehicleDialog | None:
        row = self.vehicle_table.current_row()
        if row < 0:
            return None
        dialog = VehicleDialog(self.book, self.vehicles[row], self)
        dialog.accepted.connect(lambda: self._vehicle_done(dialog, row))
        self.open_child(dialog)
        return dialog

    def _vehicle_done(self, dialog: VehicleDialog, row: int | None) -> None:
        vehicle = dialog.vehicle()
        if row is None:
            self.vehicles.append(vehicle)
            row = len(self.vehicles) - 1
        elif vehicle != self.vehicles[row]:
            self.vehicles[row] = vehicle
        else:
            return
        self._items_changed()
        self.vehicle_table.table.selectRow(row)

    def remove_vehicle(self) -> None:
        row = self.vehicle_table.current_row()
        if row >= 0 and self._may_remove(self.vehicles[row].id, self.vehicles[row].label()):
            del self.vehicles[row]
            self._items_changed()

    def add_property(self) -> PropertyDialog:
        dialog = PropertyDialog(self.book, None, self)
        dialog.accepted.connect(lambda: self._property_done(dialog, None))
        self.open_child(dialog)
        return dialog

    def edit_property(self) -> PropertyDialog | None:
        row = self.property_table.current_row()
        if row < 0:
            return None
        dialog = PropertyDialog(self.book, self.properties[row], self)
        dialog.accepted.connect(lambda: self._property_done(dialog, row))
        self.open_child(dialog)
        return dialog

    def _property_done(self, dialog: PropertyDialog, row: int | None) -> None:
        item = dialog.item()
        if row is None:
            self.properties.append(item)
            row = len(self.properties) - 1
        elif item != self.properties[row]:
            self.properties[row] = item
        else:
            return
        self._items_changed()
        self.property_table.table.selectRow(row)

    def remove_property(self) -> None:
        row = self.property_table.current_row()
        if row >= 0 and self._may_remove(self.properties[row].id, self.properties[row].label()):
            del self.properties[row]
            self._items_changed()

    def _may_remove(self, item_id: str, label: str) -> bool:
        claims = self.store.claims_referring_to([item_id]).get(item_id)
        if claims:
            self.inform(self.tr("Cannot remove"),
                        self.tr("%1 is listed in claim %2. Remove it from the claim first.")
                        .replace("%1", label).replace("%2", ", ".join(n for _, n in claims)))
            return False
        return self.confirm(self.tr("Remove item"), self.tr("Remove %1 from this incident?").replace("%1", label))

    # ---- claims ------------------------------------------------------------------------------
    def _render_claims(self) -> None:
        claims = self.store.claims_for_incident(self.incident_id) if self.original else []
        self._claim_ids = [c.id for c in claims]
        self.book.prefetch([c.claimant_id for c in claims])
        self.claims_table.set_rows(
            [[c.number or "", date_text(c.filed_on), self.book.name(c.claimant_id), enum_label(c.status),
              money_text(c.requested_amount),
              money_text(c.decision.approved_amount if c.decision else None)] for c in claims],
            right_aligned={4, 5},
        )
        self.tabs.setTabText(3, self.tr("&Claims (%1)").replace("%1", str(len(claims))))
        self.claims_table.add_button.setToolTip(self.tr("Saves the incident first if it has unsaved changes"))

    def _ensure_saved(self) -> bool:
        """Claims and reports read the stored incident: save pending changes first."""
        if self.original is not None and not self.is_dirty():
            return True
        return self.save()

    def new_claim(self) -> Any:
        if not self._ensure_saved():
            return None
        from .claim_form import ClaimDialog

        dialog = ClaimDialog(self.store, None, self.incident_id, self)
        return self._open_claim(dialog)

    def open_claim(self) -> Any:
        row = self.claims_table.current_row()
        if row < 0:
            return None
        from .claim_form import ClaimDialog

        try:
            dialog = ClaimDialog(self.store, self._claim_ids[row], parent=self)
        except LookupError:  # another clerk deleted it since the list was read
            self._render_claims()
            self.inform(self.tr("Claims"), self.tr("This claim no longer exists; the list of claims is refreshed."))
            return None
        return self._open_claim(dialog)

    def _open_claim(self, dialog: QWidget) -> Any:
        dialog.saved.connect(self._claim_was_saved)  # type: ignore[attr-defined]
        self.open_child(dialog)  # type: ignore[arg-type]
        return dialog

    def _claim_was_saved(self, claim_id: str) -> None:
        self._render_claims()
        self.claim_saved.emit(claim_id)

    # ---- history and report ------------------------------------------------------------------
    def show_history(self) -> Any:
        if self.original is None:
            return None
        from .history import HistoryDialog

        return self.open_child(HistoryDialog(self.store, self.incident_id, self))

    def show_summary_report(self) -> None:
        if not self._ensure_saved() or self.original is None:
            return
        try:
            from .report_preview import show_report
        except ImportError as e:  # the preview is another part of the window; say so rather than crash
            self.inform(self.tr("Report"), str(e))
            return
        show_report(self, self.store.path, "incident", reference=self.original.reference)
