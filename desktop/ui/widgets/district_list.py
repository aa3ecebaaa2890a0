"""Several districts chosen at once: a button that says which, and a list of ticks under it.

The list is a pop-up the keyboard works in: Space (or a click anywhere on a line) ticks and
unticks the highlighted district, Up/Down move, Enter or Esc closes the list. Each tick filters at
once, as every other control of the filter bar does. Nothing ticked means every district.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QPoint, Qt, Signal
from PySide6.QtGui import QKeyEvent, QMouseEvent
from PySide6.QtWidgets import QAbstractItemView, QListWidget, QListWidgetItem, QSizePolicy, QToolButton, QWidget

_VISIBLE_ROWS = 14


class _TickList(QListWidget):
    """The pop-up: a tick per district; Space or a click ticks, Enter closes."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setWindowFlags(Qt.WindowType.Popup)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

    @staticmethod
    def flip(item: QListWidgetItem) -> None:
        checked = item.checkState() == Qt.CheckState.Checked
        item.setCheckState(Qt.CheckState.Unchecked if checked else Qt.CheckState.Checked)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        key = event.key()
        if key == Qt.Key.Key_Space and self.currentItem() is not None:
            self.flip(self.currentItem())
            event.accept()
            return
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Escape, Qt.Key.Key_Tab):
            self.close()
            event.accept()
            return
        super().keyPressEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        # A click anywhere on the line ticks it, not only on the small box.
        item = self.itemAt(event.position().toPoint())
        if item is not None and event.button() == Qt.MouseButton.LeftButton:
            self.setCurrentItem(item)
            self.flip(item)
            event.accept()
            return
        super().mouseReleaseEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if not self.rect().contains(event.position().toPoint()):
            self.close()  # a click outside the list closes it, as any pop-up
            return
        if self.itemAt(event.position().toPoint()) is not None:
            event.accept()  # the release ticks; the default press would tick the box a second time
            return
        super().mousePressEvent(event)


class DistrictChecklist(QToolButton):
    """`changed` after every tick; `checked()` the ticked names in the list's order."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._names: list[str] = []
        self._checked: set[str] = set()
        self.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("0") * 14)
        self.popup = _TickList(self)
        self.popup.itemChanged.connect(self._ticked)
        self.clicked.connect(self.open_list)
        self._show_choice()

    # ---- state -------------------------------------------------------------------------------
    def names(self) -> list[str]:
        return list(self._names)

    def checked(self) -> tuple[str, ...]:
        return tuple(n for n in self._names if n in self._checked)

    def set_names(self, names: Iterable[str]) -> None:
        """The districts on offer; a ticked one not among them stays on offer, still ticked."""
        wanted = list(dict.fromkeys(names))
        self._names = wanted + [n for n in self._names if n in self._checked and n not in wanted]
        self._fill()

    def set_checked(self, names: Iterable[str]) -> None:
        """Tick exactly these (quietly: no `changed`)."""
        names = list(dict.fromkeys(names))
        self._names += [n for n in names if n not in self._names]
        self._checked = set(names)
        self._fill()

    def toggle(self, name: str) -> None:
        """Tick or untick one district as a click on its line does."""
        for row in range(self.popup.count()):
            item = self.popup.item(row)
            if item.data(Qt.ItemDataRole.UserRole) == name:
                _TickList.flip(item)
                return
        raise KeyError(name)

    # ---- the list ----------------------------------------------------------------------------
    def _fill(self) -> None:
        self.popup.blockSignals(True)
        self.popup.clear()
        for name in self._names:
            item = QListWidgetItem(name)
            item.setData(Qt.ItemDataRole.UserRole, name)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if name in self._checked else Qt.CheckState.Unchecked)
            self.popup.addItem(item)
        self.popup.blockSignals(False)
        self._show_choice()

    def _ticked(self, item: QListWidgetItem) -> None:
        name = item.data(Qt.ItemDataRole.UserRole)
        if item.checkState() == Qt.CheckState.Checked:
            self._checked.add(name)
        else:
            self._checked.discard(name)
        self._show_choice()
        self.changed.emit()

    def _show_choice(self) -> None:
        chosen = self.checked()
        if not chosen:
            text = self.tr("All districts")
        elif len(chosen) == 1:
            text = chosen[0]
        else:
            text = self.tr("%n district(s)", "", len(chosen))
        self.setText(text + " ▾")
        self.setToolTip("\n".join(chosen) if chosen else self.tr("District: tick one or several"))

    def open_list(self) -> None:
        if not self._names:
            return
        popup = self.popup
        rows = min(popup.count(), _VISIBLE_ROWS)
        height = rows * max(popup.sizeHintForRow(0), self.fontMetrics().height() + 4) + 2 * popup.frameWidth() + 2
        width = max(self.width(), popup.sizeHintForColumn(0) + 40)
        popup.setGeometry(self.mapToGlobal(QPoint(0, self.height())).x(), self.mapToGlobal(QPoint(0, self.height())).y(),
                          width, height)
        if popup.currentRow() < 0:
            popup.setCurrentRow(0)
        popup.show()
        popup.setFocus(Qt.FocusReason.PopupFocusReason)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        # Space, Enter, Down or F4 open the list, as they open a combo box.
        if event.key() in (Qt.Key.Key_Space, Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Down, Qt.Key.Key_F4):
            self.open_list()
            event.accept()
            return
        super().keyPressEvent(event)
