"""The claim form's list of items: a view over `ClaimItemsModel`, and the filter above it.

The keys are those of the list it replaces (a QListWidget of every item of the incident): Tab
comes into it, ↑ and ↓ move, Space ticks. Letters typed in it narrow it: they go into the filter
above it, always on screen (a filter shown only for large incidents took letters typed into a
small one's list out of sight, and the list looked empty), Backspace takes the last one back, and
Esc or the filter's ✕ clears it (Esc again closes the form, as before). A list the filter leaves
empty says so, and how to clear it. The filter takes a click, not Tab: Tab still goes from the
sums to the list and on to the notes. A locked claim's list shows every item: locking clears it.

The few QListWidget calls the form and its tests make (`count`, `item(row)` with `text`, `data`,
`checkState` and `setCheckState`, `setCurrentRow`, `currentRow`) are kept, over the model.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QModelIndex, QSize, Qt
from PySide6.QtGui import QKeyEvent, QPainter, QPalette
from PySide6.QtWidgets import QApplication, QLineEdit, QListView, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from ..models.claim_items import ClaimItemsModel


class ItemRow:
    """One row of the list, asked as a QListWidgetItem is."""

    def __init__(self, model: ClaimItemsModel, row: int) -> None:
        self._model = model
        self._row = row

    def data(self, role: int) -> Any:
        return self._model.data(self._model.index(self._row, 0), role)

    def text(self) -> str:
        return self.data(Qt.ItemDataRole.DisplayRole) or ""

    def checkState(self) -> Qt.CheckState:  # noqa: N802 - QListWidgetItem's name
        return self.data(Qt.ItemDataRole.CheckStateRole)

    def setCheckState(self, state: Qt.CheckState) -> None:  # noqa: N802 - QListWidgetItem's name
        self._model.setData(self._model.index(self._row, 0), state, Qt.ItemDataRole.CheckStateRole)


class ItemFilter(QLineEdit):
    """What narrows the list: typed here (a click puts the cursor in it) or into the list itself."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # The vehicles register's words, said the same way (and already in Russian).
        self.setPlaceholderText(QCoreApplication.translate("FilterBar", "Search: plate (any part), VIN, make, owner, phone…"))
        self.setClearButtonEnabled(True)
        self.setFocusPolicy(Qt.FocusPolicy.ClickFocus)  # out of the Tab chain: the form's keys stay as they were
        self.list: ClaimItemsList | None = None

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        if event.key() in (Qt.Key.Key_Down, Qt.Key.Key_Up, Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.list:
            self.list.focus_rows()
            return
        if event.key() == Qt.Key.Key_Escape and self.text():
            self.clear()
            if self.list:
                self.list.focus_rows()  # not on to the notes when the emptied filter hides itself
            return
        super().keyPressEvent(event)
        if event.key() in (Qt.Key.Key_Backspace, Qt.Key.Key_Delete) and not self.text() and self.list:
            self.list.focus_rows()


class _OneLine(QStyledItemDelegate):
    """One-line rows as wide as the list, their long ends elided («…»). Rows of one size take the
    first size measured (kept through a resize of the form): a long row's width made every row that
    wide, its end (the «already claimed in» warning) cut off at the list's edge without a sign.
    Asked for no width, the list gives each row its own width."""

    def sizeHint(self, option: QStyleOptionViewItem, index: Any) -> QSize:  # noqa: N802 - Qt's name
        hint = super().sizeHint(option, index)
        view = self.parent()
        if isinstance(view, QListView) and view.uniformItemSizes():
            hint.setWidth(1)
        return hint


class ClaimItemsList(QListView):
    """The incident's items with their ticks; the claim's own first."""

    def __init__(self, model: ClaimItemsModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setModel(model)
        self.rows = model
        self.filter_edit = ItemFilter()
        self.filter_edit.list = self
        self.filter_edit.textChanged.connect(self._filter_changed)
        self._typing = False  # the last key went into the filter
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.setItemDelegate(_OneLine(self))
        model.modelReset.connect(self._after_reset)
        self._fit_rows()

    def _fit_rows(self) -> None:
        """A small incident's rows wrap their long words; a large one's are one line each, the
        whole text in a tooltip. Rows of different heights are measured, every one of them, each
        time a page is added: scrolling by hand through 2,000 cars cost 130 ms a page, 15 ms now."""
        large = self.rows.large()
        if self.uniformItemSizes() != large:
            self.setUniformItemSizes(large)
        if self.wordWrap() == large:
            self.setWordWrap(not large)

    # ---- QListWidget's calls -----------------------------------------------------------------
    def count(self) -> int:
        return self.rows.rowCount()

    def item(self, row: int) -> ItemRow | None:
        return ItemRow(self.rows, row) if 0 <= row < self.rows.rowCount() else None

    def setCurrentRow(self, row: int) -> None:  # noqa: N802 - QListWidget's name
        self.setCurrentIndex(self.rows.index(row, 0))

    def currentRow(self) -> int:  # noqa: N802 - QListWidget's name
        return self.currentIndex().row()

    # ---- the filter --------------------------------------------------------------------------
    def focus_rows(self) -> None:
        """The keyboard to the rows, on the first when none is current: Space ticks it."""
        self.setFocus(Qt.FocusReason.OtherFocusReason)
        if not self.currentIndex().isValid() and self.rows.rowCount():
            self.setCurrentIndex(self.rows.index(0, 0))

    def clear_filter(self) -> None:
        """Empty the filter without reading the list again (another incident is about to be listed)."""
        self.filter_edit.blockSignals(True)
        self.filter_edit.clear()
        self.filter_edit.blockSignals(False)

    def set_locked(self, locked: bool) -> None:
        """A locked claim's list: every item shown (a filter left in it hid them), nothing to tick."""
        if locked and self.filter_edit.text():
            self.filter_edit.clear()  # read again, unfiltered
        self.setEnabled(not locked)
        self.filter_edit.setEnabled(not locked)

    def empty_text(self) -> str:
        """What an empty list says: that the filter hides every item, or nothing."""
        typed = self.filter_edit.text().strip()
        if not typed or self.rows.rowCount():
            return ""
        return (QCoreApplication.translate("ClaimItemsList", "No item matches «%1». Esc clears the search.")
                .replace("%1", typed))

    def _filter_changed(self, text: str) -> None:
        self.rows.set_filter(text)
        self.viewport().update()

    def paintEvent(self, event: Any) -> None:  # noqa: N802 - Qt's name
        super().paintEvent(event)
        text = self.empty_text()
        if text:
            painter = QPainter(self.viewport())
            painter.setPen(self.palette().color(QPalette.ColorRole.PlaceholderText))
            painter.drawText(self.viewport().rect().adjusted(6, 4, -6, -4),
                             int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap), text)
            painter.end()

    def _after_reset(self) -> None:
        self._fit_rows()
        if self.hasFocus() and self.rows.rowCount():
            self.setCurrentIndex(self.rows.index(0, 0))  # Space ticks the first item found

    def focusOutEvent(self, event: Any) -> None:  # noqa: N802 - Qt's name
        self._typing = False
        super().focusOutEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        text = event.text()
        plain = not (event.modifiers() & ~(Qt.KeyboardModifier.ShiftModifier | Qt.KeyboardModifier.KeypadModifier))
        typed = self.filter_edit.text()
        typing, self._typing = self._typing, False
        if plain and self.filter_edit.isEnabled():
            if text and text.isprintable() and not text.isspace():
                self.filter_edit.setText(typed + text)
                self._typing = True
                return
            # A space straight after a typed letter is a word break in the filter («Номер 333»,
            # «а 123 вс»), not a tick of the first row found (found in review: it unticked the
            # claim's own car); after ↓ or with one row listed, Space ticks.
            if text == " " and typing and typed and self.rows.rowCount() != 1:
                self.filter_edit.setText(typed + " ")
                self._typing = True
                return
            if event.key() == Qt.Key.Key_Backspace and typed:
                self.filter_edit.setText(typed[:-1])
                return
            if event.key() == Qt.Key.Key_Escape and typed:
                self.filter_edit.clear()
                return
        if event.key() == Qt.Key.Key_End and self.rows.canFetchMore(QModelIndex()):
            QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
            try:
                self.rows.show_all()  # to the last item, not the last page read
            finally:
                QApplication.restoreOverrideCursor()
        super().keyPressEvent(event)
