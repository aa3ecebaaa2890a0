"""A line a clerk types into with a list of matches under it, as in 1C's input fields.

Why not QCompleter: its pop-up takes the keyboard, and keys reach the line only through the
pop-up's own filter, which calls the line's `event()` directly. That skips an item view's editor
filter, so in a table cell Tab left the table instead of moving to the next cell; and a window
opened on the first key (the old person picker) lost the letters typed while it appeared
(«Ivanov» searched «vanov»). Here the list is a child of the window, never focused: every key
stays in the line, Up/Down move through the list, Enter or Tab takes the highlighted entry (the
first, unless the clerk moved), Esc closes the list and keeps the text as typed.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QEvent, QPoint, Qt, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QFrame, QLineEdit, QListWidget, QListWidgetItem, QWidget


@dataclass(frozen=True)
class Suggestion:
    text: str  # as the list shows it
    value: Any  # what taking it gives (a person's id, a make, a marker for "new")


AS_TYPED = None  # the value `chosen` carries when nothing in the list was taken: the text as typed

_VISIBLE_ROWS = 8


class SuggestEdit(QLineEdit):
    """`suggest(text)` gives the entries for what is typed; `chosen(value)` when the clerk takes
    one (or `AS_TYPED` when the list was closed or empty). Text set by the program offers nothing."""

    chosen = Signal(object)

    def __init__(self, suggest: Callable[[str], list[Suggestion]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._suggest = suggest
        self._entries: list[Suggestion] = []
        self._pending = False  # typed since the last choice
        self._list: QListWidget | None = None
        self.textEdited.connect(self._edited)

    # ---- state -------------------------------------------------------------------------------
    def is_pending(self) -> bool:
        """Typed into and not yet taken."""
        return self._pending

    def suggestions(self) -> list[str]:
        """The entries on offer now (empty when the list is closed)."""
        return [e.text for e in self._entries] if self.list_visible() else []

    def list_visible(self) -> bool:
        return self._list is not None and self._list.isVisible()

    def highlighted(self) -> int:
        return self._list.currentRow() if self._list is not None and self.list_visible() else -1

    def set_text_quietly(self, text: str) -> None:
        """Show a value set by the program: nothing is pending, no list."""
        self._pending = False
        self.setText(text)
        self.setCursorPosition(0)
        self.close_list()

    def accept_current(self) -> bool:
        """Take what is typed: the highlighted entry, or the text as typed. False if nothing was pending."""
        if not self._pending:
            self.close_list()
            return False
        row = self.highlighted()
        value = self._entries[row].value if 0 <= row < len(self._entries) else AS_TYPED
        self._pending = False
        self.close_list()
        self.chosen.emit(value)
        return True

    # ---- the list ----------------------------------------------------------------------------
    def _edited(self, _text: str) -> None:
        self._pending = True
        self.refresh_list()

    def refresh_list(self) -> None:
        self._entries = self._suggest(self.text()) if self.text().strip() else []
        if not self._entries:
            self.close_list()
            return
        view = self._ensure_list()
        view.clear()
        for entry in self._entries:
            item = QListWidgetItem(entry.text)
            item.setToolTip(entry.text)
            view.addItem(item)
        view.setCurrentRow(0)
        self._place_list()
        view.show()
        view.raise_()

    def close_list(self) -> None:
        if self._list is not None:
            self._list.hide()

    def _ensure_list(self) -> QListWidget:
        window = self.window()
        if self._list is None or self._list.parentWidget() is not window:
            view = QListWidget(window)
            view.setObjectName("suggestions")
            view.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the keys stay in the line
            view.setFrameShape(QFrame.Shape.Box)
            view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
            view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
            view.setTextElideMode(Qt.TextElideMode.ElideRight)
            view.setStyleSheet("QListWidget#suggestions { background: palette(base); }")
            view.itemClicked.connect(self._clicked)
            # The list belongs to the line: gone with it (a table's cell editor lives briefly).
            self.destroyed.connect(view.deleteLater)
            self._list = view
        return self._list

    def _place_list(self) -> None:
        assert self._list is not None
        window = self.window()
        view = self._list
        rows = min(len(self._entries), _VISIBLE_ROWS)
        height = rows * max(view.sizeHintForRow(0), self.fontMetrics().height() + 4) + 2 * view.frameWidth() + 2
        width = max(self.width(), min(520, window.width()))
        below = self.mapTo(window, QPoint(0, self.height()))
        x = min(below.x(), max(0, window.width() - width))
        y = below.y()
        if y + height > window.height():  # no room below: above the line
            y = max(0, self.mapTo(window, QPoint(0, 0)).y() - height)
        view.setGeometry(x, y, width, height)

    def _clicked(self, item: QListWidgetItem) -> None:
        assert self._list is not None
        self._list.setCurrentItem(item)
        self.accept_current()

    def _move(self, step: int) -> None:
        assert self._list is not None
        row = max(0, min(self._list.count() - 1, self._list.currentRow() + step))
        self._list.setCurrentRow(row)

    # ---- keys and focus ----------------------------------------------------------------------
    def event(self, event: QEvent) -> bool:
        # Tab never reaches keyPressEvent (QWidget::event moves the focus first): take the
        # highlighted entry, then let Tab move on.
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent) \
                and event.key() in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab):
            self.accept_current()
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        key = event.key()
        if self.list_visible():
            if key in (Qt.Key.Key_Down, Qt.Key.Key_Up, Qt.Key.Key_PageDown, Qt.Key.Key_PageUp):
                step = {Qt.Key.Key_Down: 1, Qt.Key.Key_Up: -1, Qt.Key.Key_PageDown: _VISIBLE_ROWS,
                        Qt.Key.Key_PageUp: -_VISIBLE_ROWS}[Qt.Key(key)]
                self._move(step)
                event.accept()
                return
            if key == Qt.Key.Key_Escape:  # closes the list only; the text stays as typed
                self.close_list()
                event.accept()
                return
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self._pending:
            # Enter takes the choice; it must not also press the dialog's default button.
            self.accept_current()
            event.accept()
            return
        super().keyPressEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:  # noqa: N802
        # The clerk clicked elsewhere: what was typed counts. Another window taking the focus
        # (a message, Alt+Tab) is not the clerk leaving the field.
        if event.reason() not in (Qt.FocusReason.ActiveWindowFocusReason, Qt.FocusReason.PopupFocusReason):
            self.accept_current()
        super().focusOutEvent(event)

    def hideEvent(self, event: Any) -> None:  # noqa: N802
        self.close_list()
        super().hideEvent(event)


__all__ = ["AS_TYPED", "Suggestion", "SuggestEdit"]
