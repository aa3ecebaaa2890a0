"""The incident form: what happened, where and when; the damaged vehicles and property with their
owners; and the claims filed for it.

One window for the common path: the incident's fields on top, its vehicles and property under
them as rows typed in place (Ins, Tab, Enter; the owner found or created in the row), Ctrl+Enter
saves and closes. The full editor of a row (Enter) is there for the rare fields.

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
    QComboBox,
    QCompleter,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ...domain.districts import DEFAULT_REGION, office_districts, resolve_district
from ...domain.enums import IncidentKind, IncidentStatus, PropertyKind, Severity
from ...domain.errors import FieldError, Problem
from ...domain.merging import merge_incident
from ...domain.models import Incident, PropertyItem, Vehicle
from ...domain.rules import incident_problems
from ...domain.typed_dates import parse_typed_datetime
from ...domain.values import check_not_future_datetime, clean_text, parse_int, parse_number
from ...storage import LogStore
from ..labels import enum_items, number_text
from ..models.item_rows import ItemRowsModel, property_columns, vehicle_columns
from ..widgets.claim_list import ClaimList
from ..widgets.dates import DateEdit
from ..widgets.item_grid import ItemGrid
from ..widgets.validated import FormDialog, ValidatedField
from .item_dialogs import COMMON_MAKES, PropertyDialog, VehicleDialog
from .person_picker import PeopleBook

_ITEM_PATH = re.compile(r"(vehicles|properties)\[(\d+)\](?:\.(\w+))?")


def _text(value: str) -> str | None:
    return clean_text(value)


def _row_label(item: Vehicle | PropertyItem) -> str:
    """What a row is, from what is typed so far: «Lada Vesta, А123ВС40», «Kia», «гараж»."""
    if isinstance(item, Vehicle):
        name = " ".join(p for p in (item.make, item.model) if p)
        return ", ".join(p for p in (name, item.plate or item.vin) if p)
    return item.label() if item.description else ""


def _blank_vehicle() -> Vehicle:
    return Vehicle(id=str(uuid.uuid4()), make="", damage="", severity=Severity.MODERATE)


def _blank_property() -> PropertyItem:
    return PropertyItem(id=str(uuid.uuid4()), kind=PropertyKind.DWELLING, description="", damage="",
                        severity=Severity.MODERATE)


class IncidentDialog(FormDialog):
    """Create (`incident_id=None`) or edit an incident; `saved(id)` after each successful save."""

    claim_saved = Signal(str)  # a claim opened from this form was saved (for the claims register)

    def __init__(self, store: LogStore, incident_id: str | None, parent: QWidget | None = None) -> None:
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
        self.vehicle_rows: ItemRowsModel[Vehicle] = ItemRowsModel(vehicle_columns(), _blank_vehicle, self.book.name, self)
        self.property_rows: ItemRowsModel[PropertyItem] = ItemRowsModel(
            property_columns(), _blank_property, self.book.name, self)
        for rows in (self.vehicle_rows, self.property_rows):
            rows.set_owner_note(self._owner_note)
            rows.edited.connect(self._items_changed)
        if self.original is not None:
            self.book.prefetch([i.owner_id for i in (*self.original.vehicles, *self.original.properties)])
            self.vehicle_rows.set_items(self.original.vehicles)
            self.property_rows.set_items(self.original.properties)
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
        if self.original is None:
            self.occurred_at.line.selectAll()  # a typed date replaces "now"

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

        self.vehicle_grid = ItemGrid(self.vehicle_rows, self.book, add_text=self.tr("&Add a vehicle (Ins)"),
                                     suggestions={"make": COMMON_MAKES})
        self.property_grid = ItemGrid(self.property_rows, self.book, add_text=self.tr("&Add property (Ins)"))
        for grid in (self.vehicle_grid, self.property_grid):
            grid.open_requested.connect(lambda row, grid=grid: self.open_item_editor(grid, row))
            grid.remove_requested.connect(lambda row, grid=grid: self.remove_item(grid, row))
        # The incident's claims, a page at a time (an incident of a mass attack has thousands).
        self.claims_table = ClaimList(self.store, self.incident_id, self.tr("&New claim…"), self.tr("&Open…"))
        self.claims_table.add_button.clicked.connect(self.new_claim)
        # Ins anywhere in the form adds a row to the table shown under the fields (1C's key).
        insert = QShortcut(QKeySequence(Qt.Key.Key_Insert), self, context=Qt.ShortcutContext.WindowShortcut)
        insert.activated.connect(self.insert_row)
        self.claims_table.openRequested.connect(self.open_claim)

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
        casualties = QHBoxLayout()
        casualties.addWidget(v["injured"])
        killed_label = QLabel(self._labels["killed"])
        killed_label.setBuddy(self.killed)
        casualties.addWidget(killed_label)
        casualties.addWidget(v["killed"])
        casualties.addStretch(1)
        right.addRow(self._labels["uavs_downed"], v["uavs_downed"])
        injured_label = QLabel(self._labels["injured"])
        injured_label.setBuddy(self.injured)
        right.addRow(injured_label, casualties)
        right.addRow(self._labels["source"], v["source"])
        lines = self.description.fontMetrics().lineSpacing()
        self.description.setMinimumHeight(lines * 3 + 12)
        self.description.setMaximumHeight(lines * 5 + 12)  # the room goes to the vehicles under it
        right.addRow(self._labels["description"], v["description"])

        fields = QWidget()
        grid = QGridLayout(fields)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.addLayout(left, 0, 0)
        grid.addLayout(right, 0, 1)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        grid.setHorizontalSpacing(24)

        # Under the fields, not behind a tab: the vehicles are typed in the same window.
        self.tabs = QTabWidget()
        self.tabs.addTab(self.vehicle_grid, "")
        self.tabs.addTab(self.property_grid, "")
        self.tabs.addTab(self.claims_table, "")

        layout = QVBoxLayout(self)
        layout.addWidget(fields)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.problems_label)
        layout.addWidget(self.button_bar)
        self.resize(1280, 700)

        # Reading order: left column top to bottom, then the right column, then the table under them.
        order = [self.occurred_at.line, self.reported_at.line, self.kind, self.status,
                 self.region, self.district, self.settlement, self.location, self.latitude, self.longitude,
                 self.uavs_downed, self.injured, self.killed, self.source, self.description,
                 self.vehicle_grid.view]
        for first, second in zip(order, order[1:], strict=False):
            QWidget.setTabOrder(first, second)
        self._tab_on_to_buttons(self.vehicle_grid.view)
        self.tabs.currentChanged.connect(self._tab_into_page)

    def _tab_into_page(self, _index: int) -> None:
        """Tab from the last field goes into the table of the tab shown (cars, property or claims)."""
        page = self.tabs.currentWidget()
        table = {self.vehicle_grid: self.vehicle_grid.view, self.property_grid: self.property_grid.view,
                 self.claims_table: self.claims_table.table}.get(page)
        if table is not None:
            QWidget.setTabOrder(self.description, table)
            self._tab_on_to_buttons(table)

    def _tab_on_to_buttons(self, table: QWidget) -> None:
        """Tab out of the table goes on to the form's buttons, left to right (it went back to the
        second field at the top: the fields' wrappers follow the table in the widgets' order)."""
        left = [self._left_buttons.itemAt(i).widget() for i in range(self._left_buttons.count())]
        buttons = [b for b in (*left, self.save_button, self.save_close_button, self.cancel_button)
                   if b is not None and b.focusPolicy() & Qt.FocusPolicy.TabFocus]
        for first, second in zip([table, *buttons], [*buttons, self.occurred_at.line], strict=False):
            QWidget.setTabOrder(first, second)  # and from the last button round to the first field

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
        self.reference.setText(number_text(i.reference))
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
    @property
    def vehicles(self) -> list[Vehicle]:
        """The vehicles as the table has them (a new row left empty is none)."""
        return self.vehicle_rows.items()

    @property
    def properties(self) -> list[PropertyItem]:
        return self.property_rows.items()

    @staticmethod
    def _key_of(problem: Problem) -> str | None:
        if problem.path == "":
            return {"lat_without_lon": "longitude", "lon_without_lat": "latitude"}.get(problem.error.code)
        return problem.path

    def _grid_of(self, kind: str) -> ItemGrid:
        return self.vehicle_grid if kind == "vehicles" else self.property_grid

    def revalidate(self) -> None:
        """The incident's rules on its fields; the cells' own problems and the rules on the items
        go on the cells and are listed under the form, naming the row and the column."""
        placed: dict[str, dict[tuple[int, str], FieldError]] = {"vehicles": {}, "properties": {}}
        unplaced: list[Problem] = []
        if self.validation.parsed_ok():
            rows = {"vehicles": self.vehicle_rows.item_rows(), "properties": self.property_rows.item_rows()}
            for problem in self.validation.set_rule_problems(incident_problems(self.incident()), self._key_of):
                match = _ITEM_PATH.match(problem.path)
                if match is None:
                    unplaced.append(problem)
                    continue
                kind, index, key = match.group(1), int(match.group(2)), match.group(3)
                if key is None and problem.error.code == "plate_or_vin":
                    key = "plate"
                model = self._grid_of(kind).model
                if index < len(rows[kind]) and key is not None and model.column_of(key) >= 0:
                    placed[kind].setdefault((rows[kind][index], key), problem.error)
                else:
                    unplaced.append(problem)
        self.vehicle_rows.set_rule_errors(placed["vehicles"])
        self.property_rows.set_rule_errors(placed["properties"])
        cells: list[Problem] = []
        for kind, model in (("vehicles", self.vehicle_rows), ("properties", self.property_rows)):
            waiting = set(model.unfilled())  # said as "to save, fill in", not as errors
            cells += [Problem(f"{kind}[{row}].{key}", error) for row, key, error in model.problems()
                      if (row, key) not in waiting]
        self.general_problems = [*unplaced, *cells]

    def unfilled(self) -> list[str]:
        """The form's empty required fields, then the rows' («Vehicle 4 (Lada Largus), Damage»)."""
        cells = [self._path_label(f"{kind}[{row}].{key}")
                 for kind, model in (("vehicles", self.vehicle_rows), ("properties", self.property_rows))
                 for row, key in model.unfilled()]
        return [*super().unfilled(), *cells]

    def is_valid(self) -> bool:
        return super().is_valid() and not self.vehicle_rows.problems() and not self.property_rows.problems()

    def problem_text(self, problem: Problem, lang: str) -> str:
        return f"{self._path_label(problem.path)}: {problem.error.text(lang)}" if problem.path else problem.error.text(lang)

    def _path_label(self, path: str) -> str:
        """«Vehicle 2 (Kia Rio, М456ОР40), VIN»: the row as numbered on screen and the column."""
        match = _ITEM_PATH.match(path)
        if match:
            kind, row, key = match.group(1), int(match.group(2)), match.group(3)
            model = self._grid_of(kind).model
            name = (self.tr("Vehicle %1") if kind == "vehicles" else self.tr("Property %1")).replace("%1", str(row + 1))
            if row < len(model.rows):
                what = _row_label(model.rows[row].item)
                if what:
                    name += f" ({what})"
            column = model.column_of(key) if key else -1
            return f"{name}, {model.columns[column].header}" if column >= 0 else name
        if path.startswith("people["):
            return self.tr("Owner")
        for item in (*self.vehicles, *self.properties):
            if path == item.id:
                return item.label()
        return self.validation.labels.get(path, path)

    # ---- saving ------------------------------------------------------------------------------
    def finish_editing(self) -> None:
        super().finish_editing()
        for grid in (self.vehicle_grid, self.property_grid):
            grid.finish_editing()
            grid.model.drop_blank_rows()

    def save(self) -> bool:
        saved = super().save()
        if saved:
            return True
        bad = [(kind, model.problems()) for kind, model in (("vehicles", self.vehicle_rows),
                                                            ("properties", self.property_rows))]
        if not any(found for _kind, found in bad):
            return False
        for model in (self.vehicle_rows, self.property_rows):
            model.force_show()
        self.refresh()  # what waited quietly to be filled in is an error now
        if self.validation.first_invalid() is None:
            for kind, found in bad:
                if found:  # the clerk is put on the first wrong cell
                    grid = self._grid_of(kind)
                    self.tabs.setCurrentWidget(grid)
                    grid.edit_cell(found[0][0], found[0][1])
                    break
        return False

    def commit(self) -> bool:
        self.normalise_fields()
        incident = self.incident()
        incident, merged = self.over_stored(incident, self.store.get_incident, merge_incident)
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
        # The incident as saved: the store gave it its number and version in the save's own
        # transaction. Not read back (20,000 cars rebuilt for one edited), and not re-read in a
        # later one: another clerk's save landing in between would lend its version to our rows,
        # and our next save would overwrite theirs without a conflict.
        self.original = saved
        self.general_problems = []
        with self.validation.load():
            self.reference.setText(number_text(self.original.reference))
        self._tz = self.original.occurred_at.tzinfo
        self._update_title()
        for model in (self.vehicle_rows, self.property_rows):
            model.mark_saved()
        self._render_items()
        self.saved.emit(saved.id)
        if merged:
            self.show_merged()
        return True

    def _update_title(self) -> None:
        if self.original is not None:
            self.setWindowTitle(self.tr("Incident %1").replace("%1", number_text(self.original.reference)))
        else:
            self.setWindowTitle(self.tr("New incident"))
        saved = self.original is not None
        self.history_button.setEnabled(saved)
        self.report_button.setEnabled(saved)

    # ---- items -------------------------------------------------------------------------------
    def _owner_note(self, person_id: str | None) -> str:
        return self.tr("new in the log, saved with the incident") if self.book.is_new(person_id) else ""

    def _render_items(self) -> None:
        self.tabs.setTabText(0, self.tr("&Vehicles (%1)").replace("%1", str(len(self.vehicles))))
        self.tabs.setTabText(1, self.tr("P&roperty (%1)").replace("%1", str(len(self.properties))))

    def _items_changed(self) -> None:
        self._render_items()
        self.refresh()

    def is_dirty(self) -> bool:
        """The fields, or the rows: a cell typed back to what was saved is no change."""
        return super().is_dirty() or self.vehicle_rows.changed_since_loaded() or self.property_rows.changed_since_loaded()

    def insert_row(self) -> None:
        """Ins: a new row in the table shown (a new claim on the claims tab)."""
        current = self.tabs.currentWidget()
        if current is self.claims_table:
            self.new_claim()
        elif isinstance(current, ItemGrid):
            current.add_row()

    def add_vehicle(self) -> VehicleDialog:
        """A new car in the full editor (its row appears when the editor is closed with OK)."""
        self.tabs.setCurrentWidget(self.vehicle_grid)
        return self.open_item_editor(self.vehicle_grid, self.vehicle_rows.add_row())  # type: ignore[return-value]

    def add_property(self) -> PropertyDialog:
        self.tabs.setCurrentWidget(self.property_grid)
        return self.open_item_editor(self.property_grid, self.property_rows.add_row())  # type: ignore[return-value]

    def open_item_editor(self, grid: ItemGrid, row: int) -> VehicleDialog | PropertyDialog:
        """Enter on a row: every field of it, the owner's details too, in the full editor."""
        grid.finish_editing()
        model = grid.model
        item = model.rows[row].item
        original = None if model.is_blank(row) else item
        dialog: VehicleDialog | PropertyDialog
        if grid is self.vehicle_grid:
            dialog = VehicleDialog(self.book, original, self, typed=model.typed_texts(row), keep_id=item.id)
        else:
            dialog = PropertyDialog(self.book, original, self, typed=model.typed_texts(row), keep_id=item.id)
        dialog.accepted.connect(lambda: self._item_done(grid, row, dialog))
        dialog.rejected.connect(lambda: self._item_cancelled(grid, row))
        self.open_child(dialog)
        return dialog

    def _item_done(self, grid: ItemGrid, row: int, dialog: VehicleDialog | PropertyDialog) -> None:
        item = dialog.vehicle() if isinstance(dialog, VehicleDialog) else dialog.item()
        model = grid.model
        if row < len(model.rows) and (item != model.rows[row].item or model.rows[row].typed):
            model.replace_item(row, item)
        grid.select_row(row)
        grid.view.setFocus()

    def _item_cancelled(self, grid: ItemGrid, row: int) -> None:
        if row < len(grid.model.rows) and grid.model.is_blank(row):
            grid.model.remove_row(row)  # Ins, then Esc in the editor: no row left behind
        grid.view.setFocus()

    def remove_item(self, grid: ItemGrid, row: int) -> None:
        model = grid.model
        if row < 0 or row >= len(model.rows):
            return
        if model.is_blank(row):
            model.remove_row(row)
            return
        item = model.rows[row].item
        if self._may_remove(item.id, item.label(), isinstance(item, Vehicle)):
            model.remove_row(row)
            grid.select_row(min(row, len(model.rows) - 1))

    def remove_vehicle(self) -> None:
        self.remove_item(self.vehicle_grid, self.vehicle_grid.current_row())

    def remove_property(self) -> None:
        self.remove_item(self.property_grid, self.property_grid.current_row())

    def _may_remove(self, item_id: str, label: str, vehicle: bool = True) -> bool:
        claims = self.store.claims_referring_to([item_id]).get(item_id) if self.original is not None else None
        if claims:
            self.inform(self.tr("Cannot remove"),
                        self.tr("%1 is listed in claim %2. Remove it from the claim first.")
                        .replace("%1", label).replace("%2", ", ".join(number_text(n) for _, n in claims)))
            return False
        title = self.tr("Remove vehicle") if vehicle else self.tr("Remove property")
        return self.confirm(title, self.tr("Remove %1 from this incident?").replace("%1", label))

    # ---- claims ------------------------------------------------------------------------------
    def _render_claims(self, select: str | None = None) -> None:
        self.claims_table.refresh(select)
        self.tabs.setTabText(2, self.tr("&Claims (%1)").replace("%1", str(self.claims_table.total())))
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

    def open_claim(self, claim_id: str | None = None) -> Any:
        """The claim chosen in the list (Enter, a double click, «Открыть…»)."""
        claim_id = claim_id or self.claims_table.current_id()
        if claim_id is None:
            return None
        from .claim_form import ClaimDialog

        try:
            dialog = ClaimDialog(self.store, claim_id, parent=self)
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
        self._render_claims(claim_id)
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
        show_report(self, self.store.location, "incident", reference=self.original.reference)
