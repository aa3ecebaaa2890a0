"""One register tab: the filter bar, the buttons for its records, and the table over its model."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QByteArray, QEvent, QObject, QPoint, QSettings, Qt, Signal
from PySide6.QtGui import QAction, QKeyEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QMenu,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ...domain.views import Filters
from ..models.registers import ID_ROLE, PagedRegisterModel
from .filter_bar import FilterBar


class RegisterView(QTableView):
    """A table tuned for a million rows: fixed row heights, no per-row sizing, SQL sorting only."""

    openRequested = Signal(str)  # the record id of an activated row (double-click or Enter)

    def __init__(self, model: PagedRegisterModel, parent: QWidget | None = None, *, choose_columns: bool = True) -> None:
        super().__init__(parent)
        self.setModel(model)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setTabKeyNavigation(False)  # Tab leaves the table, as in any form
        rows = self.verticalHeader()
        rows.setVisible(False)
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)  # never measures a million rows
        rows.setDefaultSectionSize(self.fontMetrics().height() + 10)
        header = self.horizontalHeader()
        header.setHighlightSections(False)
        header.setStretchLastSection(False)
        header.setSectionsMovable(True)
        digit = self.fontMetrics().horizontalAdvance("0")
        for n, column in enumerate(model.COLUMNS):
            header.resizeSection(n, column.chars * digit + 16)
            if column.stretch:
                header.setSectionResizeMode(n, QHeaderView.ResizeMode.Stretch)
        key, descending = model.sort_state()
        self._sort = (model.column_of(key), Qt.SortOrder.DescendingOrder if descending else Qt.SortOrder.AscendingOrder)
        header.setSortIndicator(*self._sort)
        self.setSortingEnabled(True)
        header.sortIndicatorChanged.connect(self._keep_sortable)
        # Right-click on the column titles: columns to show (a narrow screen squeezes the one that
        # stretches; a clerk who never needs «Одобрено» gives its room to the claimant's name).
        if choose_columns:
            header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
            header.customContextMenuRequested.connect(self._show_column_menu)
        # doubleClicked, not activated: some styles activate on a single click, and a form
        # opening on every click would get in a clerk's way. Enter is handled in keyPressEvent.
        self.doubleClicked.connect(self._activated)

    def register(self) -> PagedRegisterModel:
        return self.model()  # type: ignore[return-value]

    def column_menu(self) -> QMenu:
        """A tick for each column in the order on screen (the last one shown cannot be hidden) and
        «Show all columns» (`_fit_hidden_columns`: what the room and the sort do then).

        Hidden columns are kept with the widths (`save_state`); paper and files keep all of theirs."""
        header = self.horizontalHeader()
        model = self.model()
        menu = QMenu(self)
        shown = sum(not header.isSectionHidden(n) for n in range(header.count()))
        for place in range(header.count()):
            n = header.logicalIndex(place)
            title = str(model.headerData(n, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole) or "")
            action = menu.addAction(title)
            action.setCheckable(True)
            action.setChecked(not header.isSectionHidden(n))
            action.setEnabled(header.isSectionHidden(n) or shown > 1)
            action.toggled.connect(lambda on, n=n: self._show_column(n, on))
        menu.addSeparator()
        everything = menu.addAction(self.tr("Show all columns"))
        everything.setEnabled(shown < header.count())
        everything.triggered.connect(self._show_all_columns)
        return menu

    def _show_column(self, column: int, shown: bool) -> None:
        self.horizontalHeader().setSectionHidden(column, not shown)
        self._fit_hidden_columns()

    def _show_all_columns(self) -> None:
        header = self.horizontalHeader()
        for n in range(header.count()):
            header.showSection(n)
        self._fit_hidden_columns()

    def _fit_hidden_columns(self) -> None:
        """With the stretching column hidden the last one on screen takes the room left (else an
        empty strip beside columns cut short); with the sorted one hidden the register is sorted
        as it opens, or by the first sortable column on screen the same way round (a sort by a
        column out of sight would leave no sign of the order)."""
        header = self.horizontalHeader()
        model = self.register()
        header.setStretchLastSection(not any(c.stretch and not header.isSectionHidden(n) for n, c in enumerate(model.COLUMNS)))
        if not header.isSectionHidden(header.sortIndicatorSection()):
            return
        key, descending = model.DEFAULT_SORT
        order = Qt.SortOrder.DescendingOrder if descending else Qt.SortOrder.AscendingOrder
        column = model.column_of(key)
        if header.isSectionHidden(column):
            order = header.sortIndicatorOrder()
            column = next((n for n in map(header.logicalIndex, range(header.count()))
                           if model.is_sortable(n) and not header.isSectionHidden(n)), -1)
        if column >= 0:
            header.setSortIndicator(column, order)

    def show_column_menu(self) -> None:
        """The column menu under the column titles, for the keyboard (the window's menu)."""
        header = self.horizontalHeader()
        self._show_column_menu(QPoint(min(header.width(), self.viewport().width()) // 4, header.height()))

    def _show_column_menu(self, at: QPoint) -> None:
        self.pop_up(self.column_menu(), self.horizontalHeader().viewport().mapToGlobal(at))

    @staticmethod
    def pop_up(menu: QMenu, at: QPoint) -> None:
        menu.exec(at)
        menu.deleteLater()

    def _keep_sortable(self, column: int, order: Qt.SortOrder) -> None:
        # Counts are not sortable in SQL cheaply: a click there keeps the previous sort shown.
        if self.register().is_sortable(column):
            self._sort = (column, order)
            return
        header = self.horizontalHeader()
        header.blockSignals(True)
        header.setSortIndicator(*self._sort)
        header.blockSignals(False)

    def _activated(self, index: object) -> None:
        record_id = self.register().data(index, ID_ROLE)  # type: ignore[arg-type]
        if record_id:
            self.openRequested.emit(record_id)

    def select_first(self) -> None:
        """After a reset the view has no current row; the first one makes Enter and Delete work
        straight away from the keyboard."""
        if self.model().rowCount() and self.selectionModel() is not None:
            self.selectRow(0)

    def reload_keeping_place(self, select: str | None = None) -> bool:
        """Re-read the register, keeping the clerk's place: `select` (a record just saved) or the
        selected record, wherever others' inserts moved it (else the same row number, if the
        record is gone). False when there was no place to keep."""
        model = self.register()
        row = self.currentIndex().row()
        record_id = select or self.current_id()
        model.reload()
        if record_id is not None:
            found = model.find_row(record_id, row)
            row = found if found >= 0 else row
        if not 0 <= row < model.rowCount():
            return False
        self.selectRow(row)
        self.scrollTo(model.index(row, 0))
        return True

    def current_id(self) -> str | None:
        index = self.currentIndex()
        if not index.isValid() or not self.selectionModel().isRowSelected(index.row()):
            return None
        return self.register().id_at(index.row())

    def keyPressEvent(self, event: object) -> None:  # noqa: N802 - Qt's name
        # Shift+F10 opens the context menu, as the Menu key does (many laptops have none; Qt maps
        # only that key), at the current row.
        if (event.key() == Qt.Key.Key_F10 and event.modifiers() == Qt.KeyboardModifier.ShiftModifier  # type: ignore[attr-defined]
                and self.contextMenuPolicy() == Qt.ContextMenuPolicy.CustomContextMenu):
            index = self.currentIndex()
            at = self.visualRect(index).center() if index.isValid() else self.viewport().rect().topLeft()
            self.customContextMenuRequested.emit(at)  # viewport coordinates, as Qt gives a scroll area's
            return
        # Enter opens the record on every platform.
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():  # type: ignore[attr-defined]
            self._activated(self.currentIndex())
            return
        # Home and End go to the first and the last record (Qt's go to the first and last column,
        # which a table of whole rows has no use for), as Ctrl+Home and Ctrl+End do.
        if event.key() in (Qt.Key.Key_Home, Qt.Key.Key_End) and not event.modifiers():  # type: ignore[attr-defined]
            rows = self.model().rowCount()
            if rows:
                row = 0 if event.key() == Qt.Key.Key_Home else rows - 1  # type: ignore[attr-defined]
                column = max(self.currentIndex().column(), 0)
                self.setCurrentIndex(self.model().index(row, column))
                self.selectRow(row)
            return
        super().keyPressEvent(event)  # type: ignore[arg-type]

    def save_state(self, settings: QSettings, key: str) -> None:
        settings.setValue(key, self.horizontalHeader().saveState())

    def restore_state(self, settings: QSettings, key: str) -> None:
        state = settings.value(key)
        if isinstance(state, QByteArray) and not state.isEmpty():
            # Column widths and order only: the sort stays the model's (a restored sort would
            # query a large register twice on start).
            header = self.horizontalHeader()
            header.blockSignals(True)
            header.restoreState(state)
            header.setSortIndicator(*self._sort)
            header.blockSignals(False)
            self._fit_hidden_columns()  # the sort column hidden last time: sorted by one in sight


class RegisterPage(QWidget):
    """Filter bar, buttons and table; the main window connects the buttons to its actions.

    Built when first shown or first used (`filter_bar`, `view`): a tab not yet looked at costs the
    window's start only its buttons (the window enables them), not a filter bar, a table and a
    page of rows. Its model is the window's and is read (or marked stale) either way.
    """

    countChanged = Signal(int)
    selectionChanged = Signal()  # another record selected, or the register re-read
    openRequested = Signal(str)  # a record's id: a row double-clicked or Enter
    built = Signal()  # the filter bar and the table exist now (`when_built`)

    def __init__(self, model: PagedRegisterModel, mode: str, parent: QWidget | None = None,
                 today: Callable[[], date] | None = None, columns_key: str = "") -> None:
        super().__init__(parent)
        self.model = model
        self._mode = mode
        self._today = today
        self._columns_key = columns_key  # where the columns' widths and order are kept ("" = nowhere)
        self._row: list[QPushButton | None] = []  # the buttons in order; None = a stretch
        self._view_actions: list[QAction] = []
        self._lists: dict[str, list[str]] = {}  # the filter bar's lists, given before it was built
        self._parts: tuple[FilterBar, RegisterView, QHBoxLayout] | None = None
        model.countChanged.connect(self.countChanged)

    # ---- building ----------------------------------------------------------------------------
    @property
    def is_built(self) -> bool:
        return self._parts is not None

    @property
    def filter_bar(self) -> FilterBar:
        return self._build()[0]

    @property
    def view(self) -> RegisterView:
        return self._build()[1]

    def when_built(self, attach: Callable[[RegisterPage], None]) -> None:
        """`attach(page)` once the table exists: now if it does."""
        if self.is_built:
            attach(self)
        else:
            self.built.connect(lambda: attach(self))

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt's name
        self._build()
        super().showEvent(event)

    def _build(self) -> tuple[FilterBar, RegisterView, QHBoxLayout]:
        if self._parts is not None:
            return self._parts
        bar = FilterBar(self._mode, self, self._today)
        view = RegisterView(self.model, self)
        buttons = QHBoxLayout()
        buttons.setContentsMargins(0, 0, 0, 0)
        for button in self._row:
            if button is None:
                buttons.addStretch(1)
            else:
                buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(bar)
        layout.addLayout(buttons)
        layout.addWidget(view, 1)
        self._parts = (bar, view, buttons)
        if "districts" in self._lists:
            bar.set_districts(self._lists["districts"])
        if "executors" in self._lists:
            bar.set_executors(self._lists["executors"])
        view.addActions(self._view_actions)
        if self._columns_key:
            view.restore_state(QSettings(), self._columns_key)
        bar.filtersChanged.connect(self._filter)
        view.openRequested.connect(self.openRequested)
        self.model.modelReset.connect(self._select_first)
        self.model.modelReset.connect(self.selectionChanged)
        view.selectionModel().selectionChanged.connect(lambda *_: self.selectionChanged.emit())
        if self.model.stale:  # a deferred register: read as its table first needs it
            self.model.reload()
        self._select_first()
        # ↓ in the search field goes down into the register (Ctrl+F or a tab's Ctrl+1…5 leave the
        # keyboard in the search): then Enter opens the record.
        bar.search.installEventFilter(self)
        self._order_tabs(bar, view)
        if self.isVisible():  # built while being shown: children made now are not shown by Qt
            bar.show()
            view.show()
            layout.activate()
            if self.window().focusWidget() is None:  # the window opens on this tab: start in its search
                bar.search.setFocus(Qt.FocusReason.OtherFocusReason)
        self.built.emit()
        self.selectionChanged.emit()
        return self._parts

    def _order_tabs(self, bar: FilterBar, view: RegisterView) -> None:
        """Tab goes filter bar, buttons, table, as on the screen; a new tab's first field is its
        search (Qt gives the keyboard to the first in this order). The buttons were made before the
        bar, and Qt's order is the order widgets were made in."""
        last: QWidget = bar.search
        following = bar.nextInFocusChain()
        while bar.isAncestorOf(following):  # the bar's last field that takes the keyboard (Qt skips others)
            if following.focusPolicy() != Qt.FocusPolicy.NoFocus:
                last = following
            following = following.nextInFocusChain()
        for widget in (*(b for b in self._row if b is not None), view):
            QWidget.setTabOrder(last, widget)
            last = widget

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        # ↓ in the search goes into the list; Enter there opens the one record found (with more,
        # it goes into the list as ↓ does: found in a clerk's try-out, Enter did nothing).
        keys = (Qt.Key.Key_Down, Qt.Key.Key_Return, Qt.Key.Key_Enter)
        if (self._parts is not None and watched is self.filter_bar.search
                and event.type() == QEvent.Type.KeyPress
                and isinstance(event, QKeyEvent) and event.key() in keys
                and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier):
            self.filter_bar.flush()  # the search typed counts before its pause is over
            if not self.view.currentIndex().isValid():
                self._select_first()
            if event.key() != Qt.Key.Key_Down and self.model.rowCount() == 1 and self.view.currentIndex().isValid():
                self.view._activated(self.view.currentIndex())  # type: ignore[attr-defined]
                return True
            self.view.setFocus(Qt.FocusReason.TabFocusReason)
            return True
        return super().eventFilter(watched, event)

    def add_button(self, text: str, slot: object, tooltip: str = "", stretch_before: bool = False) -> QPushButton:
        if stretch_before:
            self.add_stretch()
        button = QPushButton(text, self)
        if tooltip:
            button.setToolTip(tooltip)
        button.clicked.connect(slot)
        self._row.append(button)
        if self._parts is not None:
            self._parts[2].addWidget(button)
        return button

    def add_stretch(self) -> None:
        self._row.append(None)
        if self._parts is not None:
            self._parts[2].addStretch(1)

    def add_view_action(self, action: QAction) -> None:
        """A shortcut of the table's (Delete): on the table once it exists."""
        self._view_actions.append(action)
        if self._parts is not None:
            self.view.addAction(action)

    def set_lists(self, districts: list[str] | None = None, executors: list[str] | None = None) -> None:
        """The filter bar's choices; kept for it until it is built."""
        if districts is not None:
            self._lists["districts"] = districts
            if self._parts is not None:
                self.filter_bar.set_districts(districts)
        if executors is not None:
            self._lists["executors"] = executors
            if self._parts is not None:
                self.filter_bar.set_executors(executors)

    def save_columns(self) -> None:
        if self._parts is not None and self._columns_key:
            self.view.save_state(QSettings(), self._columns_key)

    # ---- use ---------------------------------------------------------------------------------
    def filters(self) -> Filters:
        return self.model.filters()

    def show_filters(self, filters: Filters) -> None:
        self.filter_bar.set_filters(filters)

    def _filter(self, filters: Filters) -> None:
        self.model.set_filters(filters)

    def refresh(self, select: str | None = None) -> None:
        """Re-read the register, keeping the clerk's place or selecting `select` if it is one of its
        records (`RegisterView.reload_keeping_place`); not yet built: its model alone."""
        if self._parts is None:
            self.model.reload()
        else:
            self.view.reload_keeping_place(select)

    def _select_first(self) -> None:
        if self._parts is not None:
            self.view.select_first()

    def selected_id(self) -> str | None:
        """The selected record's id; None while the page is not built (nothing is selected yet)."""
        return self.view.current_id() if self._parts is not None else None

    def current_id(self) -> str | None:
        return self.view.current_id()
