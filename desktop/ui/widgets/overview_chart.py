"""The overview's chart: claims by status and the sums by district, drawn with QPainter.

Two lists of bars need only a painter; QtCharts would add its library to the frozen build (which
prunes it, build.spec). The words are the registers' and paper's (`desktop.domain.words` through
`labels`): a status reads the same on the bar as in the claims register. A bar is a way in, as
the figures are: a click opens the claims register with that status or district.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal

from PySide6.QtCore import QEvent, QPoint, QRect, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontMetrics, QHelpEvent, QMouseEvent, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from ...domain.enums import ClaimStatus
from ...domain.views import SummaryRow
from .. import labels

MOST_DISTRICTS = 8  # rows of the district chart; the rest are summed in its last row
ZERO = Decimal(0)

STATUS_COLOURS: dict[ClaimStatus, str] = {
    ClaimStatus.RECEIVED: "#8fb3de",
    ClaimStatus.DOCUMENTS_REQUESTED: "#e2b34f",
    ClaimStatus.UNDER_REVIEW: "#4f83c4",
    ClaimStatus.APPROVED: "#6cb07a",
    ClaimStatus.REJECTED: "#c8524e",
    ClaimStatus.PAID: "#2e7d32",
    ClaimStatus.WITHDRAWN: "#a0a0a0",
}
# Requested, approved and paid drawn one over the other: the darker, the further the money went.
SUM_COLOURS = ("#c9dbf0", "#7fa8d8", "#2d5f9a")
TRACK_COLOUR = "#e4e4e4"
NAME_GAP = 12  # between a row's name and its bar


@dataclass(frozen=True)
class DistrictSums:
    """One bar of the district chart. `district` is empty for the row that sums the rest."""

    district: str
    claims: int
    requested: Decimal
    approved: Decimal
    paid: Decimal


@dataclass(frozen=True)
class ChartData:
    by_status: tuple[tuple[ClaimStatus, int], ...] = ()
    by_district: tuple[DistrictSums, ...] = ()
    folded: int = 0  # how many districts the last row sums (0: none folded)

    @property
    def claims(self) -> int:
        return sum(n for _, n in self.by_status)


def chart_data(claims_by_status: Mapping[ClaimStatus, int], summary: Iterable[SummaryRow],
               most: int = MOST_DISTRICTS) -> ChartData:
    """Every status in the registers' order with its count; districts by the sum requested, largest
    first, at most `most` rows (the smallest summed in the last)."""
    by_status = tuple((status, int(claims_by_status.get(status, 0))) for status in ClaimStatus)
    totals: dict[str, list] = {}
    for row in summary:
        entry = totals.setdefault(row.district or "", [0, ZERO, ZERO, ZERO])
        entry[0] += row.claims
        entry[1] += row.requested or ZERO
        entry[2] += row.approved or ZERO
        entry[3] += row.paid or ZERO
    districts = sorted((DistrictSums(name, *values) for name, values in totals.items()),
                       key=lambda d: (-d.requested, -d.claims, d.district))
    if len(districts) <= most:
        return ChartData(by_status, tuple(districts))
    kept, rest = districts[: most - 1], districts[most - 1 :]
    folded = DistrictSums("", sum(d.claims for d in rest), sum((d.requested for d in rest), ZERO),
                          sum((d.approved for d in rest), ZERO), sum((d.paid for d in rest), ZERO))
    return ChartData(by_status, (*kept, folded), folded=len(rest))


@dataclass(frozen=True)
class Bar:
    """Where a row was painted, and what a click on it opens."""

    rect: QRect
    status: ClaimStatus | None = None
    district: str | None = None
    tip: str = ""


class OverviewChart(QWidget):
    """Two bar lists side by side; `statusClicked` / `districtClicked` when a row is clicked."""

    statusClicked = Signal(object)  # ClaimStatus
    districtClicked = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.data = ChartData()
        self.read = False  # no data given yet: «…», not «no claims», while the overview reads its figures
        self.bars: list[Bar] = []  # as last painted (tests and the tool tips read them)
        self.setMouseTracking(True)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the figures above are the keyboard's way in

    def set_data(self, data: ChartData) -> None:
        self.data = data
        self.read = True
        self.bars = []
        self.updateGeometry()
        self.update()

    # ---- sizes -------------------------------------------------------------------------------
    def _row_height(self) -> int:
        return self.fontMetrics().height() + 10

    def _title_font(self) -> QFont:
        font = QFont(self.font())
        font.setBold(True)
        return font

    def _title_height(self) -> int:
        return QFontMetrics(self._title_font()).height() + 8

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        rows = max(len(ClaimStatus), len(self.data.by_district) + 1)  # +1: the legend under the districts
        return QSize(900, self._title_height() + rows * self._row_height() + 4)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return QSize(420, self.sizeHint().height())

    # ---- painting ----------------------------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt's name
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        # Two halves as the figures' two columns above, each inset as a group box's contents are.
        gap, inset = 6, 12
        half = (self.width() - gap) // 2
        self.bars = []
        self._paint_statuses(painter, QRect(inset, 0, half - 2 * inset, self.height()))
        self._paint_districts(painter, QRect(half + gap + inset, 0, self.width() - half - gap - 2 * inset, self.height()))
        painter.end()

    def _title(self, painter: QPainter, area: QRect, text: str) -> int:
        painter.save()
        painter.setFont(self._title_font())
        painter.setPen(self.palette().windowText().color())
        height = self._title_height()
        painter.drawText(QRect(area.left(), area.top(), area.width(), height),
                         Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, text)
        painter.restore()
        return area.top() + height

    def _columns(self, area: QRect, names: list[str], values: list[str]) -> tuple[int, int, int]:
        """Widths of the name column and the value column, and where the bars start."""
        metrics = self.fontMetrics()
        name_width = min(max((metrics.horizontalAdvance(n) for n in names), default=0) + NAME_GAP + 2, area.width() * 2 // 5)
        value_width = max((metrics.horizontalAdvance(v) for v in values), default=0) + 12
        return name_width, value_width, area.left() + name_width

    def shown_name(self, name: str, name_width: int) -> str:
        """NAME as it fits its column: the column is its whole width when there is room, yet
        `elidedText` measures in fractions a pixel over the rounded `horizontalAdvance`, and cut
        «г. Калуга» to «г. Калу…» beside an empty half of the panel. Two pixels of slack."""
        return self.fontMetrics().elidedText(name, Qt.TextElideMode.ElideRight, name_width - NAME_GAP)

    def _row(self, painter: QPainter, area: QRect, top: int, name: str, value: str, widths: tuple[int, int, int],
             bars: list[tuple[float, str]], bold: bool = False) -> QRect:
        """One row: its name, bars (fractions of the bar column, drawn in order) and value."""
        name_width, value_width, bar_left = widths
        height = self._row_height()
        row = QRect(area.left(), top, area.width(), height)
        painter.setPen(self.palette().windowText().color())
        painter.drawText(QRect(area.left(), top, name_width - NAME_GAP, height),
                         Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, self.shown_name(name, name_width))
        span = max(area.right() - value_width - bar_left, 10)
        painter.fillRect(QRect(bar_left, top + 4, span, height - 8), QColor(TRACK_COLOUR))  # zero reads as a row too
        for fraction, colour in bars:
            if fraction <= 0:
                continue
            bar = QRect(bar_left, top + 4, max(round(span * min(fraction, 1.0)), 2), height - 8)
            painter.fillRect(bar, QColor(colour))
        font = painter.font()
        if bold:
            strong = QFont(font)
            strong.setBold(True)
            painter.setFont(strong)
        painter.drawText(QRect(area.right() - value_width + 8, top, value_width - 8, height),
                         Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, value)
        painter.setFont(font)
        return row

    def _empty(self, painter: QPainter, area: QRect, top: int) -> None:
        painter.setPen(self.palette().placeholderText().color())
        painter.drawText(QRect(area.left(), top, area.width(), self._row_height()),
                         Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, self.tr("No claims yet") if self.read else "…")

    def _paint_statuses(self, painter: QPainter, area: QRect) -> None:
        top = self._title(painter, area, self.tr("Claims by status"))
        if not self.data.claims:
            self._empty(painter, area, top)
            return
        names = [self._status_name(s) for s, _ in self.data.by_status]
        values = [labels.count_text(n) for _, n in self.data.by_status]
        widths = self._columns(area, names, values)
        most = max(n for _, n in self.data.by_status)
        for (status, count), name, value in zip(self.data.by_status, names, values, strict=True):
            rect = self._row(painter, area, top, name, value, widths, [(count / most, STATUS_COLOURS[status])])
            self.bars.append(Bar(rect, status=status, tip=self.tr("%1: %n claim(s)", "", count).replace("%1", name)))
            top += self._row_height()

    def _paint_districts(self, painter: QPainter, area: QRect) -> None:
        top = self._title(painter, area, self.tr("Amounts by district"))
        rows = self.data.by_district
        if not rows:
            self._empty(painter, area, top)
            return
        names = [self._district_name(d) for d in rows]
        values = [labels.money_text(d.requested) for d in rows]
        widths = self._columns(area, names, values)
        most = max(max(d.requested, d.approved, d.paid) for d in rows) or Decimal(1)
        for district, name, value in zip(rows, names, values, strict=True):
            parts = [(float(amount / most), colour) for amount, colour in
                     zip((district.requested, district.approved, district.paid), SUM_COLOURS, strict=True)]
            rect = self._row(painter, area, top, name, value, widths, parts)
            tip = "\n".join([
                self.tr("%1: %n claim(s)", "", district.claims).replace("%1", name),
                self.tr("Requested: %1").replace("%1", labels.money_text(district.requested)),
                self.tr("Approved: %1").replace("%1", labels.money_text(district.approved)),
                self.tr("Paid: %1").replace("%1", labels.money_text(district.paid)),
            ])
            self.bars.append(Bar(rect, district=district.district or None, tip=tip))  # the folded row opens nothing
            top += self._row_height()
        self._legend(painter, area, top, widths[2])

    def _legend(self, painter: QPainter, area: QRect, top: int, left: int) -> None:
        metrics = self.fontMetrics()
        height = self._row_height()
        square = metrics.height() - 4
        x = left
        for text, colour in zip((self.tr("requested"), self.tr("approved"), self.tr("paid")), SUM_COLOURS, strict=True):
            painter.fillRect(QRect(x, top + (height - square) // 2, square, square), QColor(colour))
            x += square + 6
            painter.setPen(self.palette().windowText().color())
            painter.drawText(QRect(x, top, metrics.horizontalAdvance(text) + 2, height),
                             Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, text)
            x += metrics.horizontalAdvance(text) + 18

    def _status_name(self, status: ClaimStatus) -> str:
        text = labels.enum_label(status)
        return text[:1].upper() + text[1:]

    def _district_name(self, district: DistrictSums) -> str:
        if district.district:
            return district.district
        if self.data.folded and district is self.data.by_district[-1]:
            return self.tr("Other districts (%n)", "", self.data.folded)
        return self.tr("District not given")

    # ---- the mouse ---------------------------------------------------------------------------
    def bar_at(self, pos: QPoint) -> Bar | None:
        return next((bar for bar in self.bars if bar.rect.contains(pos)), None)

    def _opens(self, bar: Bar | None) -> bool:
        return bar is not None and (bar.status is not None or bool(bar.district))

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt's name
        shape = Qt.CursorShape.PointingHandCursor if self._opens(self.bar_at(event.position().toPoint())) \
            else Qt.CursorShape.ArrowCursor
        self.setCursor(shape)
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt's name
        bar = self.bar_at(event.position().toPoint())
        if event.button() == Qt.MouseButton.LeftButton and bar is not None:
            if bar.status is not None:
                self.statusClicked.emit(bar.status)
            elif bar.district:
                self.districtClicked.emit(bar.district)
        super().mouseReleaseEvent(event)

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            bar = self.bar_at(event.pos())
            if bar is not None:
                QToolTip.showText(event.globalPos(), bar.tip, self)
            else:
                QToolTip.hideText()
            return True
        return super().event(event)
