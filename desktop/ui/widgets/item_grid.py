"""The table of an incident's vehicles or property, edited in place with the keys 1C clerks use.

Ins adds a row and starts typing its first cell; Tab or Enter takes the cell and moves to the
next (after the row's last cell the table keeps the focus, ready for the next Ins); F2 or any
letter edits the current cell; Enter on a row opens the full editor (year, colour and the
owner's details); Del removes a row after asking; Esc in a cell takes the typing back.

The owner cell is a search: the first letters of a surname list the people in the log and
those new in this form, and a name nobody has becomes a new person, saved with the incident.
A new owner who may already be in the log is said under the table, with a button to take them,
rather than in another window.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QEvent, QModelIndex, QObject, QPersistentModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ...domain.models import Person
from ..dialogs.person_picker import PeopleBook, person_suggestions, person_summary, take_person
from ..labels import enum_items
from ..models.item_rows import CHOICE, OWNER, ItemRowsModel
from .suggest import SuggestEdit, Suggestion
from .validated import WARNING_COLOUR

AnyIndex = QModelIndex | QPersistentModelIndex


class OwnerCellEdit(SuggestEdit):
    """The owner cell while it is typed into: `person_id` is what the cell will hold."""

    def __init__(self, book: PeopleBook, parent: QWidget | None = None) -> None:
        super().__init__(lambda text: person_suggestions(book, text), parent)
        self.book = book
        self.person_id: str | None = None
        self.chosen.connect(self._take)

    def _take(self, value: object) -> None:
        taken = take_person(self.book, value, self.text())
        if taken is not False:
            self.person_id = taken  # type: ignore[assignment]


def word_suggestions(words: Sequence[str]) -> Callable[[str], list[Suggestion]]:
    """Entries of a fixed list beginning with what is typed (car makes)."""
    def suggest(text: str) -> list[Suggestion]:
        typed = text.strip()
        found = [w for w in words if w.casefold().startswith(typed.casefold())]
        return [] if found == [typed] else [Suggestion(w, w) for w in found]  # typed in full: nothing to offer
    return suggest


class ItemDelegate(QStyledItemDelegate):
    """Editors for the cells: a line for text, a list for a choice, a person search for the owner."""

    def __init__(self, model: ItemRowsModel[Any], book: PeopleBook, suggestions: dict[str, Sequence[str]],
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.rows = model
        self.book = book
        self.suggestions = suggestions
        self.editor: QWidget | None = None  # the cell being typed into, if any

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: AnyIndex) -> QWidget:  # noqa: N802
        column = self.rows.columns[index.column()]
        editor: QWidget
        if column.kind == CHOICE and column.choices is not None:
            combo = QComboBox(parent)
            for member, text in enum_items(column.choices):
                combo.addItem(text, member)
            editor = combo
        elif column.kind == OWNER:
            editor = OwnerCellEdit(self.book, parent)
        elif column.key in self.suggestions:
            words = SuggestEdit(word_suggestions(self.suggestions[column.key]), parent)
            words.chosen.connect(lambda value: words.setText(value) if isinstance(value, str) else None)
            editor = words
        else:
            editor = QLineEdit(parent)
        if isinstance(editor, QLineEdit):
            editor.setAlignment(column.align)
            editor.setFrame(False)
        self.editor = editor
        editor.destroyed.connect(lambda *_: self._forget(editor))
        return editor

    def _forget(self, editor: QWidget) -> None:
        if self.editor is editor:
            self.editor = None

    def destroyEditor(self, editor: QWidget, index: AnyIndex) -> None:  # noqa: N802
        self._forget(editor)  # closed now; deleted only on the next turn of the event loop
        super().destroyEditor(editor, index)

    def setEditorData(self, editor: QWidget, index: AnyIndex) -> None:  # noqa: N802
        column = self.rows.columns[index.column()]
        if isinstance(editor, QComboBox):
            editor.setCurrentIndex(max(0, editor.findData(index.data(Qt.ItemDataRole.EditRole))))
            return
        assert isinstance(editor, QLineEdit)
        # The model changes while a cell is open (a rule rerun on another cell): keep the typing.
        if editor.isModified() or (isinstance(editor, SuggestEdit) and editor.is_pending()):
            return
        text = self.rows.text(index.row(), column.key)
        if isinstance(editor, OwnerCellEdit):
            editor.person_id = index.data(Qt.ItemDataRole.EditRole)
        if isinstance(editor, SuggestEdit):
            editor.set_text_quietly(text)
        else:
            editor.setText(text)
        editor.selectAll()  # a letter typed replaces the cell, as in a spreadsheet

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: AnyIndex) -> None:  # noqa: N802
        if isinstance(editor, QComboBox):
            choices = self.rows.columns[index.column()].choices
            data = editor.currentData()  # Qt hands an enum back as its plain string
            model.setData(index, choices(data) if choices is not None and data is not None else data)
        elif isinstance(editor, OwnerCellEdit):
            editor.accept_current()
            model.setData(index, editor.person_id)
        elif isinstance(editor, QLineEdit):
            if isinstance(editor, SuggestEdit):
                editor.accept_current()
            model.setData(index, editor.text())

    def updateEditorGeometry(self, editor: QWidget, option: QStyleOptionViewItem, index: AnyIndex) -> None:  # noqa: N802
        editor.setGeometry(option.rect)

    def eventFilter(self, editor: QObject, event: QEvent) -> bool:  # noqa: N802
        if isinstance(event, QKeyEvent) and isinstance(editor, QWidget):
            key = event.key()
            suggest = editor if isinstance(editor, SuggestEdit) else None
            if event.type() == QEvent.Type.KeyPress and key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) \
                    and not event.modifiers() & Qt.KeyboardModifier.ControlModifier:
                if isinstance(editor, QComboBox) and editor.view().isVisible():
                    return False  # Enter in the open list picks the entry
                # Enter moves on as Tab does (1C): the cell is taken, the next one opens.
                self.commitData.emit(editor)
                self.closeEditor.emit(editor, QAbstractItemDelegate.EndEditHint.EditNextItem)
                return True
            if key == Qt.Key.Key_Escape and suggest is not None and suggest.list_visible():
                if event.type() == QEvent.Type.ShortcutOverride:
                    event.accept()
                    return True
                return False  # the line closes its list; the cell stays open
        return super().eventFilter(editor, event)


class ItemTableView(QTableView):
    """Tab after a row's last cell ends the row rather than wrapping to the next; F2 and a double
    click edit the cell's text from its end, a letter typed replaces it (as in a spreadsheet)."""

    def edit(self, index: AnyIndex, trigger: QAbstractItemView.EditTrigger = QAbstractItemView.EditTrigger.AllEditTriggers,  # type: ignore[override]
             event: QEvent | None = None) -> bool:
        started = super().edit(index, trigger, event)
        if started and trigger in (QAbstractItemView.EditTrigger.EditKeyPressed,
                                   QAbstractItemView.EditTrigger.DoubleClicked):
            editor = self.indexWidget(index)
            if isinstance(editor, QLineEdit):
                editor.deselect()
                editor.end(False)
        return started

    def moveCursor(self, action: QAbstractItemView.CursorAction, modifiers: Qt.KeyboardModifier) -> QModelIndex:  # noqa: N802
        current = self.currentIndex()
        last = (self.model().columnCount() - 1) if self.model() is not None else -1
        if current.isValid():
            if action == QAbstractItemView.CursorAction.MoveNext and current.column() >= last:
                return QModelIndex()
            if action == QAbstractItemView.CursorAction.MovePrevious and current.column() <= 0:
                return QModelIndex()
        return super().moveCursor(action, modifiers)


class ItemGrid(QWidget):
    """Rows of vehicles or property with Add / Open / Remove above them and owner hints below."""

    open_requested = Signal(int)  # Enter on a row: the full editor
    remove_requested = Signal(int)  # Del on a row

    def __init__(self, model: ItemRowsModel[Any], book: PeopleBook, *, add_text: str,
                 suggestions: dict[str, Sequence[str]] | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        self.book = book
        self._namesakes: dict[str, list[Person]] = {}
        self.view = ItemTableView()
        self.view.setModel(model)
        self.delegate = ItemDelegate(model, book, suggestions or {}, self.view)
        self.view.setItemDelegate(self.delegate)
        # The current cell, not the row: a whole highlighted row would hide its red and amber cells.
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                  | QAbstractItemView.EditTrigger.EditKeyPressed
                                  | QAbstractItemView.EditTrigger.AnyKeyPressed)
        self.view.setTabKeyNavigation(False)  # Tab leaves the table; in a cell it moves to the next
        self.view.setAlternatingRowColors(True)
        self.view.setWordWrap(False)
        rows = self.view.verticalHeader()
        rows.setDefaultSectionSize(self.view.fontMetrics().height() + 12)
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        # Qt selects nothing on a row number when single cells are selected: a clerk clicking «17»
        # expects row 17 to be the one Open and Remove act on, and a double click to open it.
        rows.sectionClicked.connect(self._row_number_clicked)
        rows.sectionDoubleClicked.connect(self._row_number_double_clicked)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setHighlightSections(False)
        metrics = self.view.fontMetrics()
        for c, column in enumerate(model.columns):
            width = column.width
            if column.kind == CHOICE and column.choices is not None:
                # The open list's box shows its longest word whole («незначительная») with the arrow.
                longest = max(metrics.horizontalAdvance(text) for _member, text in enum_items(column.choices))
                width = max(width, longest + 3 * metrics.height())
            self.view.setColumnWidth(c, width)
        header.setStretchLastSection(False)
        damage = model.column_of("damage")
        if damage >= 0:
            header.setSectionResizeMode(damage, QHeaderView.ResizeMode.Stretch)

        self.add_button = QPushButton(add_text)
        self.open_button = QPushButton(self.tr("&Open… (Enter)"))
        self.remove_button = QPushButton(self.tr("Re&move (Del)"))
        self.open_button.setToolTip(self.tr("All the fields of the row, the owner's details too"))
        buttons = QHBoxLayout()
        for b in (self.add_button, self.open_button, self.remove_button):
            b.setAutoDefault(False)
            b.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes from the table on to the form's buttons
            buttons.addWidget(b)
        self.keys_hint = QLabel(self.tr("Ins: new row · F2: edit the cell · Tab or Enter: next cell · "
                                        "Enter on a row: all its fields · Ctrl+Enter: save and close"))
        self.keys_hint.setStyleSheet("color: palette(mid);")
        self.keys_hint.setWordWrap(True)  # a narrow window wraps it rather than growing past the screen
        self.keys_hint.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        buttons.addWidget(self.keys_hint, 1)

        self.warning = QLabel()
        self.warning.setObjectName("ownerWarning")
        self.warning.setWordWrap(True)
        self.warning.setStyleSheet(f"color: {WARNING_COLOUR};")
        self.use_button = QPushButton()
        self.use_button.setAutoDefault(False)
        self.use_button.clicked.connect(self.use_namesake)
        warning_row = QHBoxLayout()
        warning_row.addWidget(self.warning, 1)
        warning_row.addWidget(self.use_button)
        self.warning.hide()
        self.use_button.hide()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(buttons)
        layout.addWidget(self.view, 1)
        layout.addLayout(warning_row)
        self.setFocusProxy(self.view)

        self.add_button.clicked.connect(self.add_row)
        self.open_button.clicked.connect(lambda: self._emit_for_current(self.open_requested))
        self.remove_button.clicked.connect(lambda: self._emit_for_current(self.remove_requested))
        for key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._shortcut(key, lambda: self._emit_for_current(self.open_requested))
        self._shortcut(QKeySequence.StandardKey.Delete, lambda: self._emit_for_current(self.remove_requested))
        # F3, not an Alt+letter: those are the form's labels' (and change with the language). It
        # works from a cell being typed into too, so the clerk need not leave the row.
        use = QShortcut(QKeySequence(Qt.Key.Key_F3), self, context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        use.activated.connect(self.use_namesake)
        self.delegate.closeEditor.connect(self._editor_closed)
        self.view.selectionModel().currentRowChanged.connect(lambda *_: self._update())
        model.edited.connect(self._update)
        model.modelReset.connect(self._update)
        model.rowsInserted.connect(lambda *_: self._update())
        model.rowsRemoved.connect(lambda *_: self._update())
        self._update()

    def _shortcut(self, key: Any, slot: Callable[[], Any]) -> None:
        shortcut = QShortcut(QKeySequence(key), self.view, context=Qt.ShortcutContext.WidgetShortcut)
        shortcut.activated.connect(slot)

    # ---- rows --------------------------------------------------------------------------------
    def current_row(self) -> int:
        index = self.view.currentIndex()
        return index.row() if index.isValid() else -1

    def select_row(self, row: int, column: int = 0) -> None:
        if 0 <= row < self.model.rowCount():
            self.view.setCurrentIndex(self.model.index(row, column))

    def _row_number_clicked(self, row: int) -> None:
        self.finish_editing()
        column = max(self.view.currentIndex().column(), 0)
        self.select_row(row, column)
        self.view.setFocus()

    def _row_number_double_clicked(self, row: int) -> None:
        self._row_number_clicked(row)
        self._emit_for_current(self.open_requested)

    def add_row(self) -> int:
        """A new row with its first cell open for typing (Ins)."""
        self.finish_editing()
        row = self.model.add_row()
        index = self.model.index(row, 0)
        self.view.setFocus()
        self.view.setCurrentIndex(index)
        self.view.scrollTo(index)
        self.view.edit(index)
        return row

    def finish_editing(self) -> None:
        """Take the cell being typed into (before a save, or a new row)."""
        editor = self.delegate.editor
        if editor is not None:
            self.delegate.commitData.emit(editor)
            self.delegate.closeEditor.emit(editor, QAbstractItemDelegate.EndEditHint.NoHint)

    def _editor_closed(self, _editor: QWidget, hint: QAbstractItemDelegate.EndEditHint) -> None:
        # Ins, then Esc before anything was typed: no empty row left behind (as in 1C). After
        # the view is done with the editor, not while it closes it.
        if hint == QAbstractItemDelegate.EndEditHint.RevertModelCache:
            QTimer.singleShot(0, self._drop_blank_current)

    def _drop_blank_current(self) -> None:
        row = self.current_row()
        if 0 <= row < len(self.model.rows) and self.model.is_blank(row) and self.delegate.editor is None:
            self.model.remove_row(row)
            self.select_row(min(row, len(self.model.rows) - 1))

    def _emit_for_current(self, signal: Any) -> None:
        row = self.current_row()
        if row >= 0:
            signal.emit(row)

    def edit_cell(self, row: int, key: str) -> None:
        """Put the clerk in a cell (the first one a refused save points at)."""
        index = self.model.index(row, self.model.column_of(key))
        self.view.setFocus()
        self.view.setCurrentIndex(index)
        self.view.scrollTo(index)

    # ---- owners already in the log -----------------------------------------------------------
    def namesakes(self, row: int) -> list[Person]:
        owner = getattr(self.model.rows[row].item, "owner_id", None) if 0 <= row < len(self.model.rows) else None
        if not owner or not self.book.is_new(owner):
            return []
        if owner not in self._namesakes:
            person = self.book.get(owner)
            self._namesakes[owner] = self.book.namesakes(person) if person else []
        return self._namesakes[owner]

    def _update(self) -> None:
        row = self.current_row()
        has = row >= 0
        self.open_button.setEnabled(has)
        self.remove_button.setEnabled(has)
        owner_column = self.model.column_of("owner_id")
        if owner_column < 0:
            return
        for r in range(len(self.model.rows)):
            if r == row or self.model.warning(r, "owner_id"):
                self.model.set_warning(r, "owner_id", self._warning_text(r))
        text = self._warning_text(row) if has else ""
        self.warning.setText(text)
        self.warning.setVisible(bool(text))
        found = self.namesakes(row) if has else []
        if found:
            self.use_button.setText(self.tr("Use %1 (F3)").replace("%1", found[0].full_name))
        self.use_button.setVisible(bool(found))

    def _warning_text(self, row: int) -> str:
        found = self.namesakes(row)
        if not found:
            return ""
        name = self.book.name(self.model.rows[row].item.owner_id)
        return ("⚠ " + self.tr("Row %1: the new owner “%2” may already be in the log: %3.")
                .replace("%1", str(row + 1)).replace("%2", name)
                .replace("%3", "; ".join(person_summary(p) for p in found[:3])))

    def use_namesake(self) -> None:
        """The owner already in the log instead of the new one typed."""
        row = self.current_row()
        found = self.namesakes(row)
        if found:
            self.model.setData(self.model.index(row, self.model.column_of("owner_id")), found[0].id)
            if self.delegate.editor is None:  # a cell being typed into keeps the keyboard
                self.view.setFocus()


__all__ = ["ItemGrid", "ItemDelegate", "ItemTableView", "OwnerCellEdit", "word_suggestions"]
