"""The filter bar above a register: search, districts, period and the register's own choices.

Typing in the search field waits ~250 ms after the last key before it filters, so a clerk typing
a name does not start a full-text query per letter; every other control filters at once.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from enum import StrEnum
from typing import Any

from PySide6.QtCore import QEvent, QSignalBlocker, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QToolButton,
    QWidget,
)

from ...domain import deadlines
from ...domain.enums import ClaimStatus, IncidentKind, IncidentStatus
from ...domain.errors import FieldError
from ...domain.periods import Preset, preset_of, preset_period
from ...domain.views import Filters
from .. import labels
from .dates import DateEdit
from .district_list import DistrictChecklist

SEARCH_DELAY_MS = 250
ANY_PERIOD, OWN_PERIOD = "any", "own"  # the period list's first and last lines: no dates, dates typed


class SearchEdit(QLineEdit):
    """The register's search box: the window's own Ctrl shortcuts win over the box's.

    The cursor sits here whenever a tab is opened, and on Linux a line edit keeps Emacs's keys for
    itself (Ctrl+E: end of line), so Ctrl+E for Export did nothing until the clerk left the box
    (found under Xvfb). Keys no window action uses, the editing ones included, stay the box's."""

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent) and self._window_key(event):
            event.ignore()  # not claimed: the window's shortcut gets the key
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        """Alt and a letter is a menu's or a tab's key, never text: with the Latin layout on, the
        Russian letters' shortcuts do not match and the letter was typed into the search instead,
        filtering the register by «a» (AltGr, Ctrl+Alt on Windows, still types)."""
        modifiers = event.modifiers()
        alt_only = modifiers & Qt.KeyboardModifier.AltModifier and not modifiers & Qt.KeyboardModifier.ControlModifier
        if alt_only and event.text().isalpha():  # Alt+Backspace, Alt+arrows stay the box's
            event.ignore()
            return
        super().keyPressEvent(event)

    def _window_key(self, event: QKeyEvent) -> bool:
        if not event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            return False
        pressed = QKeySequence(event.keyCombination())
        window = self.window()
        return any(action.isEnabled() and pressed in action.shortcuts() for action in window.actions())


class OptionalDateEdit(DateEdit):
    """A typed date that may be empty ("any"); `dateChanged` when the clerk finishes a new date.

    It filters on Enter, Tab or a day picked in the calendar, not per key: `01.0` on the way to
    `01.09.2026` is no period. Text that is no date is marked red and filters nothing.
    """

    dateChanged = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, empty_text=self.tr("any"))
        self._applied: date | None = None
        self.editingFinished.connect(self._apply)
        self.line.returnPressed.connect(self._apply)
        self.textChanged.connect(self._on_text)

    def clear_date(self) -> None:
        self.set_value(None)

    def value(self) -> date | None:  # type: ignore[override]
        return self._applied

    def set_value(self, value: date | datetime | None) -> None:
        super().set_value(value)
        self._applied = self.typed()

    def typed(self) -> date | None:
        try:
            value = self.parse()
        except FieldError:
            return None
        return value.date() if isinstance(value, datetime) else value

    def _on_text(self, text: str) -> None:
        wrong = False
        try:
            self.parse()
        except FieldError as e:
            wrong = True
            self.line.setToolTip(e.text(labels.current_language()))
        self.line.setStyleSheet("QLineEdit { border: 1px solid #b3261e; background: #fff5f4; }" if wrong else "")
        if not text.strip():
            self._apply()  # clearing the field shows every date again at once

    def _apply(self) -> None:
        value = self.typed()
        if value != self._applied:
            self._applied = value
            self.dateChanged.emit()


class FilterBar(QWidget):
    """Emits `filtersChanged` with a complete `Filters` whenever the clerk changes a control."""

    filtersChanged = Signal(object)  # Filters

    INCIDENTS = "incidents"
    CLAIMS = "claims"
    VEHICLES = "vehicles"  # the incident's district and date
    PEOPLE = "people"  # the search only

    def __init__(self, mode: str, parent: QWidget | None = None, today: Callable[[], date] | None = None) -> None:
        super().__init__(parent)
        self.mode = mode
        self.today = today or date.today  # the day the period presets count from
        self._timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._timer.timeout.connect(self._emit)

        self.search = SearchEdit(self)
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText({
            self.INCIDENTS: self.tr("Search: reference, place, name, phone, plate, VIN…"),
            self.CLAIMS: self.tr("Search: number, claimant, phone, plate, decision…"),
            self.VEHICLES: self.tr("Search: plate (any part), VIN, make, owner, phone…"),
            self.PEOPLE: self.tr("Search: surname, organisation, phone, INN…"),
        }[mode])
        self.search.setToolTip(self.search.placeholderText())  # cut short at 1280 pixels: whole when pointed at
        self.search.setMinimumWidth(150)
        self.search.textChanged.connect(lambda _text: self._timer.start())
        self.search.returnPressed.connect(self._emit_now)

        self.district = DistrictChecklist(self)
        self.district.changed.connect(self._emit_now)

        self.date_from = OptionalDateEdit(self)
        self.date_to = OptionalDateEdit(self)
        self.date_from.setToolTip(self.tr("From this date (inclusive)"))
        self.date_to.setToolTip(self.tr("Up to this date (inclusive)"))
        # The period named (today, yesterday, this week, this month) or typed into the dates.
        self.period = QComboBox(self)
        self.period.addItem(self.tr("Any period"), ANY_PERIOD)
        for preset, text in ((Preset.TODAY, self.tr("Today")), (Preset.YESTERDAY, self.tr("Yesterday")),
                             (Preset.THIS_WEEK, self.tr("This week")), (Preset.THIS_MONTH, self.tr("This month"))):
            self.period.addItem(text, preset.value)
        self.period.addItem(self.tr("Period:"), OWN_PERIOD)
        self.period.setToolTip(self.tr("A period by name, or the dates typed beside it"))
        self.period.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.period.activated.connect(self._period_chosen)

        self.kind: QComboBox | None = None
        self.incident_status: QComboBox | None = None
        self.claim_status: QComboBox | None = None
        self.executor: QComboBox | None = None
        self.overdue: QCheckBox | None = None
        if mode == self.INCIDENTS:
            self.kind = self._enum_combo(IncidentKind, self.tr("All kinds"))
            self.kind.setToolTip(self.tr("Kind of incident"))
            self.incident_status = self._enum_combo(IncidentStatus, self.tr("Open and closed"))
            self.incident_status.setToolTip(self.tr("Status of the incident"))
            # «Открытые и закрытые» whole: it was cut to «Открытые и за» at 1366 pixels while the
            # districts' button had room to spare.
            self.incident_status.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
            self.incident_status.setMinimumWidth(self.incident_status.sizeHint().width())
        elif mode == self.CLAIMS:
            self.claim_status = self._enum_combo(ClaimStatus, self.tr("All statuses"))
            self.claim_status.setToolTip(self.tr("Status of the claim"))
            # The clerk who answers (the office's list of executors, Settings); first letters pick one.
            self.executor = QComboBox(self)
            self.executor.addItem(self.tr("All executors"), None)
            self.executor.setToolTip(self.tr("Executor: the clerk who answers the claim"))
            self.executor.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            self.executor.setMinimumContentsLength(12)
            self.executor.currentIndexChanged.connect(self._emit_now)
            self.overdue = QCheckBox(self.tr("Overdue only"), self)
            self.overdue.setToolTip(self.tr("Claims with no decision %n day(s) after they were registered "
                                            "(or on the date the answer was extended to)", "",
                                            deadlines.ANSWER_DAYS))
            self.overdue.toggled.connect(self._emit_now)

        # Filters the bar has no control for (set by the overview's figures), shown as a chip.
        self._has_vehicles = False
        self._has_properties = False
        self.chip = QToolButton(self)
        self.chip.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.chip.setToolTip(self.tr("Click to show all incidents again"))
        self.chip.clicked.connect(self._drop_chip)
        self.chip.hide()

        self.clear_button = QToolButton(self)
        self.clear_button.setText(self.tr("Reset"))
        self.clear_button.setToolTip(self.tr("Show everything again"))
        self.clear_button.clicked.connect(self.reset)

        for edit in (self.date_from, self.date_to):
            edit.dateChanged.connect(self._dates_typed)

        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.search, 3)
        dated = mode != self.PEOPLE
        self._dash = QLabel("–", self)
        for widget in (self.district, self.period, self.date_from, self._dash, self.date_to):
            layout.addWidget(widget, 2 if widget is self.district else 0)
            widget.setVisible(dated)
        self._show_period()
        # Tab as the bar reads: search, districts, the period's name, its dates.
        QWidget.setTabOrder(self.search, self.district)
        QWidget.setTabOrder(self.district, self.period)
        QWidget.setTabOrder(self.period, self.date_from.line)
        for extra in (self.kind, self.incident_status, self.claim_status, self.executor, self.overdue):
            if extra is not None:
                layout.addWidget(extra, 1 if isinstance(extra, QComboBox) else 0)
        layout.addWidget(self.chip)
        layout.addWidget(self.clear_button)
        self._last = self.filters()

    def _enum_combo(self, enum: type[StrEnum], everything: str) -> QComboBox:
        combo = QComboBox(self)
        combo.addItem(everything, None)
        for value, text in labels.enum_items(enum):
            combo.addItem(text, value.value)
        # Room for "documents requested" when there is room; squeezed on a 1024-pixel screen.
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(9)
        combo.currentIndexChanged.connect(self._emit_now)
        return combo

    def set_districts(self, names: list[str]) -> None:
        """The office's districts and any others in use, keeping the current choice."""
        self.district.set_names(names)

    def set_executors(self, names: list[str]) -> None:
        """The office's executors (Settings), keeping the current choice, even one no longer listed."""
        if self.executor is None:
            return
        chosen = self.executor.currentData()
        with QSignalBlocker(self.executor):
            self.executor.clear()
            self.executor.addItem(self.tr("All executors"), None)
            for name in [*names, *([chosen] if chosen and chosen not in names else [])]:
                self.executor.addItem(name, name)
            self.executor.setCurrentIndex(max(0, self.executor.findData(chosen)) if chosen else 0)

    def _show_executor(self, name: str | None) -> None:
        if self.executor is None:
            return
        if name and self.executor.findData(name) < 0:
            self.executor.addItem(name, name)  # a filter from elsewhere (the overview, a report) names one not listed
        self.executor.setCurrentIndex(max(0, self.executor.findData(name)) if name else 0)

    def choose_period(self, preset: Preset | None) -> None:
        """The period a preset names (None: any date), as choosing it in the list does."""
        self.period.setCurrentIndex(self.period.findData(preset.value if preset else ANY_PERIOD))
        self._period_chosen(self.period.currentIndex())

    def _period_chosen(self, index: int) -> None:
        value = self.period.itemData(index)
        if value == OWN_PERIOD:  # the clerk means to type dates: the first one is theirs
            self.date_from.line.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        span = (None, None) if value == ANY_PERIOD else preset_period(Preset(value), self.today())
        with QSignalBlocker(self.date_from), QSignalBlocker(self.date_to):
            self.date_from.set_value(span[0])
            self.date_to.set_value(span[1])
        self._emit_now()

    def _dates_typed(self) -> None:
        self._show_period()
        self._emit_now()

    def _show_period(self) -> None:
        """The preset the dates are, else «Period:» before dates of the clerk's own."""
        start, end = self.date_from.value(), self.date_to.value()
        if start is None and end is None:
            value = ANY_PERIOD
        else:
            preset = preset_of(start, end, self.today())
            value = preset.value if preset else OWN_PERIOD
        with QSignalBlocker(self.period):
            self.period.setCurrentIndex(self.period.findData(value))

    def filters(self) -> Filters:
        def chosen(combo: QComboBox | None, enum: type[StrEnum] | None = None) -> Any:
            # Qt hands item data back as plain str: the enum is rebuilt from its value.
            value = combo.currentData() if combo is not None else None
            return enum(value) if enum is not None and value else value

        date_from, date_to = self.date_from.value(), self.date_to.value()
        if date_from and date_to and date_to < date_from:
            date_from, date_to = date_to, date_from  # a period typed backwards still means that period
        return Filters(
            date_from=date_from,
            date_to=date_to,
            districts=self.district.checked(),
            status=chosen(self.claim_status, ClaimStatus),
            incident_status=chosen(self.incident_status, IncidentStatus),
            incident_kind=chosen(self.kind, IncidentKind),
            text=self.search.text().strip() or None,
            overdue_only=bool(self.overdue and self.overdue.isChecked()),
            executor=chosen(self.executor),
            has_vehicles=self._has_vehicles,
            has_properties=self._has_properties,
        )

    def set_filters(self, filters: Filters) -> None:
        """Show `filters` in the controls and emit once (the overview's click-through)."""
        blockers = [QSignalBlocker(w) for w in self._controls()]
        self._timer.stop()
        self.search.setText(filters.text or "")
        self.district.set_checked(filters.districts)
        self.date_from.set_value(filters.date_from)
        self.date_to.set_value(filters.date_to)
        self._show_period()
        for combo, value in ((self.kind, filters.incident_kind), (self.incident_status, filters.incident_status),
                             (self.claim_status, filters.status)):
            if combo is not None:
                combo.setCurrentIndex(max(combo.findData(value.value), 0) if value else 0)
        self._show_executor(filters.executor)
        if self.overdue is not None:
            self.overdue.setChecked(filters.overdue_only)
        self._has_vehicles, self._has_properties = filters.has_vehicles, filters.has_properties
        self._show_chip()
        for blocker in blockers:
            blocker.unblock()
        self._emit_now(force=True)

    def _show_chip(self) -> None:
        texts = []
        if self._has_vehicles:
            texts.append(self.tr("with damaged vehicles"))
        if self._has_properties:
            texts.append(self.tr("with damaged property"))
        self.chip.setText(", ".join(texts) + " ✕")
        self.chip.setVisible(bool(texts))

    def _drop_chip(self) -> None:
        self._has_vehicles = self._has_properties = False
        self._show_chip()
        self._emit_now()

    def reset(self) -> None:
        self.set_filters(Filters())

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def flush(self) -> None:
        """Apply a pending search at once (tests, and Enter in the field)."""
        if self._timer.isActive():
            self._emit_now()

    def _controls(self) -> list[QWidget]:
        return [w for w in (self.search, self.district, self.period, self.date_from, self.date_to, self.kind,
                            self.incident_status, self.claim_status, self.executor, self.overdue) if w is not None]

    def _emit_now(self, *_args: object, force: bool = False) -> None:
        self._timer.stop()
        self._emit(force=force)

    def _emit(self, force: bool = False) -> None:
        current = self.filters()
        if force or current != self._last:
            self._last = current
            self.filtersChanged.emit(current)
