"""The overview: the office's figures at a glance, each a button to the register behind it."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QFont, QKeyEvent, QShowEvent
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ...domain import deadlines, words
from ...domain.enums import ClaimStatus
from ...domain.views import Filters
from ...storage import LogStore, Overview
from .. import i18n, labels
from .overview_chart import OverviewChart, chart_data

INCIDENTS = "incidents"
CLAIMS = "claims"
VEHICLES = "vehicles"


def scaled_font(base: QFont, factor: float, bold: bool = False) -> QFont:
    """`base` made larger, whether the style sized it in points or in pixels."""
    font = QFont(base)
    if font.pointSizeF() > 0:
        font.setPointSizeF(font.pointSizeF() * factor)
    elif font.pixelSize() > 0:
        font.setPixelSize(round(font.pixelSize() * factor))
    font.setBold(bold)
    return font


class FigureButton(QPushButton):
    """A figure that reads like a number and acts like a link (Tab reaches it, Space opens it)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFlat(True)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setFont(scaled_font(self.font(), 1.5, bold=True))
        self.setStyleSheet("QPushButton { text-align: right; padding: 2px 8px; color: palette(link); }"
                           "QPushButton:hover { text-decoration: underline; }")

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            self.click()  # a link opens with Enter as with Space
            return
        super().keyPressEvent(event)


class OverviewPanel(QWidget):
    """Emits `openRegister(register, filters)` when a figure is clicked.

    Its figures are sums and counts over every record: read only while the panel is on screen,
    and at start only after the window has been drawn once (the window shows «…» for a moment
    instead of waiting for them)."""

    openRegister = Signal(str, object)  # INCIDENTS, CLAIMS or VEHICLES, Filters
    figuresRead = Signal()  # `figures` are read (the window's status line shows two of them)

    def __init__(self, store: LogStore, parent: QWidget | None = None, today: date | None = None) -> None:
        super().__init__(parent)
        self._store = store
        self._today = today
        self.buttons: dict[str, FigureButton] = {}
        self.figures: Overview | None = None
        self._stale = True  # the figures are to be read when next on screen
        self._chart_stale = True
        self._painted = False

        incidents = QGroupBox(self.tr("Incidents and damage"), self)
        grid = QGridLayout(incidents)
        self._row(grid, 0, "incidents", self.tr("Incidents recorded"), INCIDENTS, Filters())
        self._row(grid, 1, "vehicles", self.tr("Damaged vehicles"), VEHICLES, Filters())
        self._row(grid, 2, "properties", self.tr("Damaged property"), INCIDENTS, Filters(has_properties=True))

        claims = QGroupBox(self.tr("Claims"), self)  # by status; the chart below says «by status»
        grid = QGridLayout(claims)
        for n, (status, text) in enumerate(labels.enum_items(ClaimStatus)):
            self._row(grid, n, f"status:{status.value}", text[:1].upper() + text[1:], CLAIMS, Filters(status=status))  # type: ignore[arg-type]
        self._row(grid, len(ClaimStatus), "overdue",
                  self.tr("Overdue: no answer after %n day(s)", "", deadlines.ANSWER_DAYS), CLAIMS,
                  Filters(overdue_only=True))
        self.buttons["overdue"].setStyleSheet(self.buttons["overdue"].styleSheet() + "QPushButton { color: #a01414; }")

        sums = QGroupBox(self.tr("Amounts"), self)
        grid = QGridLayout(sums)
        self._row(grid, 0, "requested", self.tr("Requested"), CLAIMS, Filters())
        self._row(grid, 1, "approved", self.tr("Approved"), CLAIMS, Filters())
        self._row(grid, 2, "paid", self.tr("Paid"), CLAIMS, Filters(status=ClaimStatus.PAID))

        self.heading = QLabel(self)
        self.heading.setFont(scaled_font(self.heading.font(), 1.3))
        self.heading.setWordWrap(True)
        hint = QLabel(self.tr("Click a figure to open the register behind it."), self)
        hint.setEnabled(False)

        columns = QHBoxLayout()
        left = QVBoxLayout()
        left.addWidget(incidents)
        left.addWidget(sums)
        left.addStretch(1)
        columns.addLayout(left, 1)
        right = QVBoxLayout()
        right.addWidget(claims)
        right.addStretch(1)
        columns.addLayout(right, 1)

        inner = QWidget(self)
        inner.setMaximumWidth(1100)  # figures stay near their captions on a wide screen
        # Claims by status and the sums by district as bars; a bar opens the claims it stands for.
        self.chart = OverviewChart(inner)
        self.chart.statusClicked.connect(lambda status: self.openRegister.emit(CLAIMS, Filters(status=status)))
        self.chart.districtClicked.connect(
            lambda district: self.openRegister.emit(CLAIMS, Filters(districts=(district,))))
        body = QVBoxLayout(inner)
        body.addWidget(self.heading)
        body.addWidget(hint)
        body.addLayout(columns)
        body.addSpacing(12)
        body.addWidget(self.chart)
        body.addStretch(1)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(inner)
        scroll.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)
        # The heading's first paint is the panel's (`eventFilter`). Not the scroll area's viewport:
        # `viewport()` makes PySide look through every scroll area class Qt has, ~8 ms of the start.
        self.heading.installEventFilter(self)
        for button in self.buttons.values():
            button.setText("…")
        self.refresh()

    def _row(self, grid: QGridLayout, row: int, key: str, text: str, register: str, filters: Filters) -> None:
        caption = QLabel(text, self)
        button = FigureButton(self)
        button.setToolTip(self.tr("Open the matching register"))
        button.clicked.connect(lambda: self.openRegister.emit(register, filters))
        caption.setBuddy(button)
        grid.addWidget(caption, row, 0)
        grid.addWidget(button, row, 1, Qt.AlignmentFlag.AlignRight)
        grid.setColumnStretch(0, 1)
        self.buttons[key] = button

    def set_store(self, store: LogStore) -> None:
        self._store = store
        self.refresh()

    def refresh(self) -> None:
        """Re-read the figures now if they are on screen, else when they next are."""
        self.heading.setText(self._store.settings().office_name or self.tr("Incident Log"))
        self._stale = self._chart_stale = True
        if self._painted and self.isVisible():
            self._read_figures()

    def _read_figures(self) -> None:
        figures = self._store.overview(self._today)
        self.figures = figures
        self._stale = False
        lang = i18n.current_language()
        values: dict[str, str] = {
            "incidents": words.count(figures.incidents, lang),
            "vehicles": words.count(figures.vehicles, lang),
            "properties": words.count(figures.properties, lang),
            "overdue": words.count(figures.overdue, lang),
            "requested": words.money(figures.requested, lang),
            "approved": words.money(figures.approved, lang),
            "paid": words.money(figures.paid, lang),
        }
        for status in ClaimStatus:
            values[f"status:{status.value}"] = words.count(figures.claims_by_status.get(status, 0), lang)
        for key, text in values.items():
            self.buttons[key].setText(text)
        self.figuresRead.emit()
        # The chart reads the claims by district (a GROUP BY over every claim): only while it is seen.
        self._chart_stale = True
        if self.isVisible():
            self.refresh_chart()

    def refresh_chart(self) -> None:
        figures = self.figures if self.figures is not None else self._store.overview(self._today)
        self.chart.set_data(chart_data(figures.claims_by_status, self._store.summary_rows(Filters())))
        self._chart_stale = False

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        if self._painted and (self._stale or self._chart_stale):  # the tab is drawn first, then read
            QTimer.singleShot(0, self, self._refresh_if_stale)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if not self._painted and event.type() == QEvent.Type.Paint:
            self._painted = True  # drawn once: the figures are read next, the window did not wait for them
            QTimer.singleShot(0, self, self._refresh_if_stale)
        return super().eventFilter(watched, event)

    def _refresh_if_stale(self) -> None:
        if not self.isVisible():
            return
        if self._stale:
            self._read_figures()  # and the chart
        elif self._chart_stale:
            self.refresh_chart()
