"""Date fields a clerk types into: a line edit read by the domain's parser, and a calendar button.

QDateEdit reads typing section by section: `14.09.2026 02:40` typed whole became 14.12.2026
20:26, an empty («не указано») date ignored typing, Tab walked into the month instead of leaving
the field, and its calendar opened at its minimum (1900, 2000). Here the text is the value: the
clerk types or pastes a whole date (`desktop.domain.typed_dates` reads it), Tab leaves the field
at once, and the calendar (the button, F4 or Alt+Down) opens at the field's date or today.

`DateEdit` keeps the few QDateEdit/QDateTimeEdit calls the forms and tests use (`setDate`,
`date()`, `setDateTime`, `dateTime()`), so a form can swap one for the other.
"""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import QDate, QDateTime, QEvent, QObject, Qt, QTime, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QCalendarWidget, QHBoxLayout, QLineEdit, QMenu, QToolButton, QWidget, QWidgetAction

from ...domain.errors import FieldError
from ...domain.typed_dates import format_typed_date, format_typed_datetime, parse_typed_date, parse_typed_datetime


class DateEdit(QWidget):
    """A typed date (`with_time`: date and time); empty means "not given"."""

    textChanged = Signal(str)  # every edit, typed or set
    editingFinished = Signal()
    picked = Signal()  # a day chosen in the calendar

    def __init__(self, parent: QWidget | None = None, *, with_time: bool = False, empty_text: str = "") -> None:
        super().__init__(parent)
        self.with_time = with_time
        self.line = QLineEdit(self)
        self.line.setPlaceholderText(empty_text or (self.tr("dd.mm.yyyy hh:mm") if with_time else self.tr("dd.mm.yyyy")))
        self.line.setToolTip(self.tr("Type the date with dots, e.g. 14.09.2026 02:40") if with_time
                             else self.tr("Type the date with dots, e.g. 14.09.2026"))
        metrics = self.line.fontMetrics()
        width = metrics.horizontalAdvance("00.00.0000 00:00" if with_time else "00.00.0000")
        hint = metrics.horizontalAdvance(self.line.placeholderText())  # «не известно: дд.мм.гггг чч:мм» whole
        self.line.setMinimumWidth(max(width, hint) + 16)
        self.line.setMaximumWidth(max(width + 60, hint + 16))
        self.button = QToolButton(self)
        self.button.setText("▾")
        self.button.setToolTip(self.tr("Calendar (F4)"))
        self.button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes from the date to the next field
        self.calendar = QCalendarWidget()
        self.calendar.setGridVisible(True)
        self.calendar.setFirstDayOfWeek(Qt.DayOfWeek.Monday)
        self.calendar.clicked.connect(self._pick)
        self.calendar.activated.connect(self._pick)
        self.menu = QMenu(self)
        action = QWidgetAction(self.menu)
        action.setDefaultWidget(self.calendar)
        self.menu.addAction(action)
        self.button.clicked.connect(self.show_calendar)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.line)
        layout.addWidget(self.button)
        layout.addStretch(1)
        self.setFocusProxy(self.line)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # a label's buddy: as `ValidatedField`
        self.line.textChanged.connect(self.textChanged)
        self.line.editingFinished.connect(self._finished)
        self.line.installEventFilter(self)

    # ---- the value ---------------------------------------------------------------------------
    def text(self) -> str:
        return self.line.text()

    def setText(self, text: str) -> None:  # noqa: N802 - QLineEdit's name
        self.line.setText(text)
        self.line.setCursorPosition(0)

    def parse(self) -> date | datetime | None:
        """The typed value (None when empty); raises FieldError when the text is no date."""
        return parse_typed_datetime(self.text()) if self.with_time else parse_typed_date(self.text())

    def value(self) -> date | datetime | None:
        """The value, or None when empty or not (yet) a date."""
        try:
            return self.parse()
        except FieldError:
            return None

    def set_value(self, value: date | datetime | None) -> None:
        self.setText(self.format(value))

    def format(self, value: date | datetime | None) -> str:
        if value is None:
            return ""
        if self.with_time:
            return format_typed_datetime(value if isinstance(value, datetime) else datetime.combine(value, datetime.min.time()))
        return format_typed_date(value.date() if isinstance(value, datetime) else value)

    def clear(self) -> None:
        self.setText("")

    # QDateEdit's calls, for forms and tests written against it.
    def setDate(self, day: QDate) -> None:  # noqa: N802
        self.set_value(day.toPython() if day.isValid() else None)  # type: ignore[arg-type]

    def date(self) -> QDate:
        value = self.value()
        return QDate(value.year, value.month, value.day) if value is not None else QDate()

    def setDateTime(self, moment: QDateTime) -> None:  # noqa: N802
        self.set_value(moment.toPython() if moment.isValid() else None)  # type: ignore[arg-type]

    def dateTime(self) -> QDateTime:  # noqa: N802
        value = self.value()
        if value is None:
            return QDateTime()
        if isinstance(value, datetime):
            return QDateTime(QDate(value.year, value.month, value.day), QTime(value.hour, value.minute))
        return QDateTime(QDate(value.year, value.month, value.day), QTime(0, 0))

    def setReadOnly(self, read_only: bool) -> None:  # noqa: N802
        self.line.setReadOnly(read_only)
        self.button.setEnabled(not read_only)

    def isReadOnly(self) -> bool:  # noqa: N802
        return self.line.isReadOnly()

    # ---- calendar ----------------------------------------------------------------------------
    def show_calendar(self) -> None:
        """Open at the field's day, or today when it is empty or not a date."""
        value = self.value()
        day = QDate(value.year, value.month, value.day) if value is not None else QDate.currentDate()
        self.calendar.setSelectedDate(day)
        self.calendar.setCurrentPage(day.year(), day.month())
        if self.line.isReadOnly():
            return
        self.menu.popup(self.line.mapToGlobal(self.line.rect().bottomLeft()))
        self.calendar.setFocus()

    def _pick(self, day: QDate) -> None:
        self.menu.hide()
        picked: date = day.toPython()  # type: ignore[assignment]
        if self.with_time:
            old = self.value()
            moment = datetime.combine(picked, old.time() if isinstance(old, datetime) else datetime.now().time())
            self.set_value(moment.replace(second=0, microsecond=0))
        else:
            self.set_value(picked)
        self.line.setFocus()
        self.picked.emit()
        self.editingFinished.emit()

    def _finished(self) -> None:
        """Show what was understood (`5.3.78` → `05.03.1978`) once the clerk moves on."""
        try:
            value = self.parse()
        except FieldError:
            value = None
        if value is not None:
            text = self.format(value)
            if text != self.line.text():
                self.line.setText(text)
        self.editingFinished.emit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.line and event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            alt_down = event.key() == Qt.Key.Key_Down and event.modifiers() & Qt.KeyboardModifier.AltModifier
            if event.key() == Qt.Key.Key_F4 or alt_down:
                self.show_calendar()
                return True
        return super().eventFilter(watched, event)


__all__ = ["DateEdit"]
