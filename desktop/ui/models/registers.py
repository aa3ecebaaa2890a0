"""The registers (incidents, claims, damaged vehicles, people): table models paging from SQL
through the store.

Neither model ever holds every row. `rowCount` is the store's COUNT for the current filter, and
`data()` fetches the page a row falls in on demand (a few pages are kept, least recently used
first out), so a view over a million incidents touches only the rows on screen. Sorting and
filtering are SQL too (`sort()` → ORDER BY, `set_filters()` → WHERE), each a model reset.
"""

from __future__ import annotations

import logging
import re
from collections import OrderedDict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any, ClassVar, Generic, NamedTuple, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont

from ...domain import deadlines, words
from ...domain.enums import ClaimStatus, IncidentKind, IncidentStatus
from ...domain.views import ClaimRow, Filters, IncidentRow, PersonRow, VehicleRow
from ...storage import DatabaseUnavailable, LogStore
from .. import i18n, labels

log = logging.getLogger("incident_log.ui")

ID_ROLE = Qt.ItemDataRole.UserRole + 1  # the record's id (str)
ROW_ROLE = Qt.ItemDataRole.UserRole + 2  # the whole row object (IncidentRow / ClaimRow)
OVERDUE_ROLE = Qt.ItemDataRole.UserRole + 3  # bool: the claim is past its answer period

OVERDUE_BACKGROUND = QColor(253, 226, 226)  # a soft red that keeps black text readable
OVERDUE_TEXT = QColor(160, 20, 20)

AnyIndex = QModelIndex | QPersistentModelIndex
R = TypeVar("R")
LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
CENTRE = Qt.AlignmentFlag.AlignCenter


_NAME_WORD = re.compile(r"^[^\W\d_]{2,}(?:-[^\W\d_]+)*$")


def short_name(full_name: str | None) -> str:
    """«Соколова Ирина Павловна» → «Соколова И. П.», as registers name staff; anything else as written."""
    words = (full_name or "").split()
    if len(words) in (2, 3) and all(_NAME_WORD.match(w) and w[0].isupper() for w in words):
        return " ".join([words[0], *(w[0] + "." for w in words[1:])])
    return full_name or ""


class _Entry(NamedTuple, Generic[R]):
    """A cached row and its display texts, formatted once when its page is fetched (a view asks
    for them on every repaint)."""

    row: R
    texts: tuple[str, ...]


@dataclass(frozen=True)
class Column:
    """One column: its key (also the store's sort key), whether SQL sorts it, alignment, width in characters."""

    key: str
    sortable: bool = True
    align: Qt.AlignmentFlag = LEFT
    chars: int = 12
    stretch: bool = False


class PagedRegisterModel(QAbstractTableModel, Generic[R]):
    """A register over the store: COUNT for the size, LIMIT/OFFSET pages for the rows."""

    PAGE_SIZE: ClassVar[int] = 40  # a screen of a maximised window: the first screen costs one small query
    MAX_PAGES: ClassVar[int] = 40  # 2,000 rows cached: many screens either side of the view
    COLUMNS: ClassVar[Sequence[Column]] = ()
    DEFAULT_SORT: ClassVar[tuple[str, bool]] = ("", True)

    countChanged = Signal(int)  # rows the current filter selects, after every reset

    def __init__(self, store: LogStore, parent: Any = None, *, deferred: bool = False,
                 filters: Filters | None = None, sort: tuple[str, bool] | None = None) -> None:
        super().__init__(parent)
        self._store = store
        self._filters = filters or Filters()
        self._sort_key, self._descending = sort or self.DEFAULT_SORT
        self._pages: OrderedDict[int, list[_Entry[R]]] = OrderedDict()
        self._hot: tuple[int, list[_Entry[R]]] = (-1, [])  # the page the view asked for last
        self._titles = self.titles()
        # Deferred: empty and unread until the first `reload()` (a tab not yet looked at costs nothing at start).
        self.stale = deferred
        self._count = 0 if deferred else self._safe(self._fetch_count, 0)

    # ---- what subclasses provide -------------------------------------------------------------
    def titles(self) -> list[str]:
        raise NotImplementedError

    def _fetch_count(self) -> int:
        raise NotImplementedError

    def _fetch_rows(self, offset: int, limit: int) -> list[R]:
        raise NotImplementedError

    def _texts(self, row: R) -> tuple[str, ...]:
        """The display texts of a row, one per column (formatted once per page fetch)."""
        raise NotImplementedError

    def _cell(self, row: R, column: Column, role: int) -> Any:
        """Roles other than display, id, row and alignment (colours, fonts, tooltips)."""
        return None

    # ---- state -------------------------------------------------------------------------------
    @property
    def store(self) -> LogStore:
        return self._store

    def filters(self) -> Filters:
        return self._filters

    def sort_state(self) -> tuple[str, bool]:
        return self._sort_key, self._descending

    def set_filters(self, filters: Filters) -> None:
        if filters == self._filters:
            return
        self._filters = filters
        self.reload()

    def reload(self) -> None:
        """Forget every cached row and count again (after a filter change or a write)."""
        self.beginResetModel()
        self.forget_rows()
        self.stale = False
        self._count = self._safe(self._fetch_count, 0)
        self.endResetModel()
        self.countChanged.emit(self._count)

    def forget_rows(self) -> None:
        """Drop the cached pages: the next `data()` reads its page from the database again."""
        self._pages.clear()
        self._hot = (-1, [])

    def total(self) -> int:
        return self._count

    def column_of(self, key: str) -> int:
        return next(n for n, c in enumerate(self.COLUMNS) if c.key == key)

    def is_sortable(self, column: int) -> bool:
        return 0 <= column < len(self.COLUMNS) and self.COLUMNS[column].sortable

    NEAR: ClassVar[int] = 200  # rows either side of the old place searched before asking the database

    def find_row(self, record_id: str, near: int = 0) -> int:
        """Where a record is now (-1: not in the register): first around where it was, as
        another clerk's inserts move it a little, then by asking the database."""
        start = max(0, near - self.NEAR)
        rows = self._safe(lambda: self._fetch_rows(start, 2 * self.NEAR + 1), [])
        for n, row in enumerate(rows):
            if row.id == record_id:  # type: ignore[attr-defined]
                return start + n
        found = self._safe(lambda: self._fetch_position(record_id), None)
        return -1 if found is None else found

    def _fetch_position(self, record_id: str) -> int | None:
        raise NotImplementedError

    def row_at(self, n: int) -> R | None:
        """The row object at position `n`, fetching its page if it is not cached."""
        entry = self._entry(n)
        return entry.row if entry is not None else None

    def _entry(self, n: int) -> _Entry[R] | None:
        if not 0 <= n < self._count:
            return None
        page_no, within = divmod(n, self.PAGE_SIZE)
        hot_no, page = self._hot
        if page_no != hot_no:  # a view paints row by row: most cells fall in the page just used
            page = self._page(page_no)
            self._hot = (page_no, page)
        return page[within] if within < len(page) else None

    def _page(self, page_no: int) -> list[_Entry[R]]:
        page = self._pages.get(page_no)
        if page is None:
            rows = self._safe(lambda: self._fetch_rows(page_no * self.PAGE_SIZE, self.PAGE_SIZE), [])
            page = [_Entry(row, self._texts(row)) for row in rows]
            self._pages[page_no] = page
            while len(self._pages) > self.MAX_PAGES:
                self._pages.popitem(last=False)
        else:
            self._pages.move_to_end(page_no)
        return page

    def id_at(self, n: int) -> str | None:
        row = self.row_at(n)
        return getattr(row, "id", None) if row is not None else None

    def cached_rows(self) -> int:
        return sum(len(p) for p in self._pages.values())

    def _safe(self, fetch: Callable[[], Any], fallback: Any) -> Any:
        # data() runs inside Qt's painting: an exception there would only be printed, so a
        # database that went away shows empty rows and is logged; the next action reports it.
        try:
            return fetch()
        except DatabaseUnavailable:
            log.exception("register read failed")
            return fallback

    # ---- QAbstractTableModel -----------------------------------------------------------------
    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's own default
        return 0 if parent.isValid() else self._count

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self.COLUMNS):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._titles[section]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(self.COLUMNS[section].align)
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        entry = self._entry(index.row())  # an invalid index has row -1: no entry
        if entry is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:  # the hot path: a view asks for every cell on every repaint
            return entry.texts[index.column()]
        if role == ID_ROLE:
            return entry.row.id  # type: ignore[attr-defined]
        if role == ROW_ROLE:
            return entry.row
        column = self.COLUMNS[index.column()]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(column.align)
        return self._cell(entry.row, column, role)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not self.is_sortable(column):
            return
        key = self.COLUMNS[column].key
        descending = order == Qt.SortOrder.DescendingOrder
        if (key, descending) == (self._sort_key, self._descending):
            return
        self._sort_key, self._descending = key, descending
        self.reload()


class IncidentRegisterModel(PagedRegisterModel[IncidentRow]):
    COLUMNS = (
        Column("reference", chars=13),
        Column("occurred_at", chars=16),
        Column("kind", chars=21),
        Column("district", chars=19),
        Column("location", chars=30, stretch=True),
        Column("status", chars=9),
        Column("vehicles", sortable=False, align=RIGHT, chars=8),
        Column("properties", sortable=False, align=RIGHT, chars=9),
        Column("claims", sortable=False, align=RIGHT, chars=8),
    )
    DEFAULT_SORT = ("occurred_at", True)

    def titles(self) -> list[str]:
        return [
            self.tr("Reference"), self.tr("Date and time"), self.tr("Kind"), self.tr("District"),
            self.tr("Location"), self.tr("Status"), self.tr("Vehicles"), self.tr("Property"), self.tr("Claims"),
        ]

    def __init__(self, store: LogStore, parent: Any = None) -> None:
        # Labels looked up once, not per cell: the wire value → the clerk's word.
        self._labels = {m.value: labels.enum_label(m) for enum in (IncidentKind, IncidentStatus) for m in enum}
        super().__init__(store, parent)

    def _fetch_count(self) -> int:
        return self._store.count_incidents(self._filters)

    def _fetch_rows(self, offset: int, limit: int) -> list[IncidentRow]:
        return self._store.incident_rows(self._filters, self._sort_key, self._descending, offset, limit)

    def _fetch_position(self, record_id: str) -> int | None:
        return self._store.incident_position(record_id, self._filters, self._sort_key, self._descending)

    def _cell(self, row: IncidentRow, column: Column, role: int) -> Any:
        if role == Qt.ItemDataRole.ToolTipRole and column.key in ("district", "location"):
            return f"{row.region}, {row.district}\n{row.location}"
        return None

    def _texts(self, row: IncidentRow) -> tuple[str, ...]:
        lang = i18n.current_language()
        return (
            labels.number_text(row.reference),
            labels.datetime_text(row.occurred_at),
            self._labels[row.kind],
            row.district,
            row.location,
            self._labels[row.status],
            words.count(row.vehicles, lang) if row.vehicles else "",
            words.count(row.properties, lang) if row.properties else "",
            words.count(row.claims, lang) if row.claims else "",
        )


class ClaimRegisterModel(PagedRegisterModel[ClaimRow]):
    """Claims with their executor, the answer date (the row's own: registration and an extension
    counted) and the days left to answer or overdue (`domain.deadlines` judges both)."""

    COLUMNS = (
        # Twelve columns on a 1366-pixel screen: widths in digits, which are wider than most letters.
        Column("number", chars=10),
        Column("filed_on", chars=10),
        Column("claimant", chars=24, stretch=True),
        Column("incident_reference", chars=10),
        Column("district", chars=13),
        Column("status", chars=13),
        Column("executor", chars=11),  # «Соколова И. П.»: the full name in its tooltip
        Column("requested", align=RIGHT, chars=11),
        Column("approved", align=RIGHT, chars=11),
        Column("paid", align=RIGHT, chars=11),
        Column("answer_due", chars=10),
        Column("days_left", align=RIGHT, chars=14),
    )
    DEFAULT_SORT = ("filed_on", True)

    def __init__(self, store: LogStore, parent: Any = None, today: date | None = None, *, deferred: bool = False,
                 filters: Filters | None = None, sort: tuple[str, bool] | None = None) -> None:
        self._today = today
        self._day = today or date.today()
        self._labels = {m.value: labels.enum_label(m) for m in ClaimStatus}
        self._bold = QFont()
        self._bold.setBold(True)
        super().__init__(store, parent, deferred=deferred, filters=filters, sort=sort)

    def today(self) -> date:
        """The day overdue is judged on: fixed in tests, else the clock's as of the last reset."""
        return self._day

    def set_today(self, today: date | None) -> None:
        self._today = today
        self.reload()

    def reload(self) -> None:
        self._day = self._today or date.today()  # a window left open overnight counts the new day
        super().reload()

    def titles(self) -> list[str]:
        return [
            self.tr("Number"), self.tr("Filed on"), self.tr("Claimant"), self.tr("Incident"), self.tr("District"),
            self.tr("Status"), self.tr("Executor"), self.tr("Requested"), self.tr("Approved"), self.tr("Paid"),
            self.tr("Answer due"), self.tr("Time left"),
        ]

    def _fetch_count(self) -> int:
        return self._store.count_claims(self._filters, self.today())

    def _fetch_rows(self, offset: int, limit: int) -> list[ClaimRow]:
        return self._store.claim_rows(self._filters, self._sort_key, self._descending, offset, limit, self.today())

    def _fetch_position(self, record_id: str) -> int | None:
        return self._store.claim_position(record_id, self._filters, self._sort_key, self._descending, self.today())

    def is_overdue(self, row: ClaimRow) -> bool:
        return row.overdue(self.today())

    def _cell(self, row: ClaimRow, column: Column, role: int) -> Any:
        key = column.key
        if role == OVERDUE_ROLE:
            return self.is_overdue(row)
        overdue = self.is_overdue(row)
        if role == Qt.ItemDataRole.BackgroundRole and overdue:
            return QBrush(OVERDUE_BACKGROUND)
        if role == Qt.ItemDataRole.ForegroundRole and overdue and key in ("days_left", "answer_due"):
            return QBrush(OVERDUE_TEXT)
        if role == Qt.ItemDataRole.FontRole and overdue and key in ("days_left", "answer_due"):
            return self._bold
        if role == Qt.ItemDataRole.ToolTipRole and key in ("days_left", "answer_due"):
            return self._days_tooltip(row)
        if role == Qt.ItemDataRole.ToolTipRole and key in ("executor", "claimant"):
            return row.executor if key == "executor" else row.claimant  # cut short in a narrow column
        return None

    def _texts(self, row: ClaimRow) -> tuple[str, ...]:
        return (
            labels.number_text(row.number),
            labels.date_text(row.filed_on),
            row.claimant,
            labels.number_text(row.incident_reference),
            row.district,
            self._labels[row.status],
            short_name(row.executor),
            labels.money_text(row.requested),
            labels.money_text(row.approved),
            labels.money_text(row.paid),
            labels.date_text(row.answer_due),
            self.days_text(row),
        )

    def days_text(self, row: ClaimRow) -> str:
        left = row.days_left(self.today())
        if left is None:
            return ""
        if left < 0:
            return self.tr("%n day(s) overdue", "", -left)
        return self.tr("%n day(s) left", "", left)

    def _days_tooltip(self, row: ClaimRow) -> str:
        if row.decided:
            return self.tr("Decided: no answer is due")
        return self.tr("An answer is due within %n day(s) of registration (59-FZ), or on the date it was "
                       "extended to.", "", deadlines.ANSWER_DAYS)


class VehicleRegisterModel(PagedRegisterModel[VehicleRow]):
    """Damaged vehicles with their owner and incident; a row opens its incident."""

    COLUMNS = (
        Column("plate", chars=11),
        Column("vehicle", sortable=False, chars=22),
        Column("owner", sortable=False, chars=26, stretch=True),
        Column("incident_reference", chars=13),
        Column("occurred_at", chars=16),
        Column("district", chars=16),
        Column("estimated", sortable=False, align=RIGHT, chars=12),
        Column("claims", sortable=False, align=RIGHT, chars=8),
    )
    DEFAULT_SORT = ("occurred_at", True)

    def titles(self) -> list[str]:
        return [
            self.tr("Plate"), self.tr("Vehicle"), self.tr("Owner"), self.tr("Incident"), self.tr("Date and time"),
            self.tr("District"), self.tr("Estimate"), self.tr("Claims"),
        ]

    def _fetch_count(self) -> int:
        return self._store.count_vehicles(self._filters)

    def _fetch_rows(self, offset: int, limit: int) -> list[VehicleRow]:
        return self._store.vehicle_rows(self._filters, self._sort_key, self._descending, offset, limit)

    def _fetch_position(self, record_id: str) -> int | None:
        return self._store.vehicle_position(record_id, self._filters, self._sort_key, self._descending)

    def _cell(self, row: VehicleRow, column: Column, role: int) -> Any:
        if role == Qt.ItemDataRole.ToolTipRole and column.key == "vehicle" and row.vin:
            return f"VIN {row.vin}"
        return None

    def _texts(self, row: VehicleRow) -> tuple[str, ...]:
        lang = i18n.current_language()
        return (
            row.plate or "",
            " ".join(p for p in (row.make, row.model, row.colour and f"({row.colour})") if p),
            row.owner or "",
            labels.number_text(row.incident_reference),
            labels.datetime_text(row.occurred_at),
            row.district,
            labels.money_text(row.estimated),
            words.count(row.claims, lang) if row.claims else "",
        )


class PersonRegisterModel(PagedRegisterModel[PersonRow]):
    """People and organisations in the log, by name, with what they own and the claims they filed."""

    COLUMNS = (
        Column("full_name", chars=30, stretch=True),
        Column("phone", sortable=False, chars=15),
        Column("inn", sortable=False, chars=12),
        Column("address", sortable=False, chars=28),
        Column("vehicles", sortable=False, align=RIGHT, chars=8),
        Column("properties", sortable=False, align=RIGHT, chars=9),
        Column("claims", sortable=False, align=RIGHT, chars=8),
    )
    DEFAULT_SORT = ("full_name", False)

    def titles(self) -> list[str]:
        return [
            self.tr("Name"), self.tr("Phone"), self.tr("INN"), self.tr("Address"), self.tr("Vehicles"),
            self.tr("Property"), self.tr("Claims"),
        ]

    def _fetch_count(self) -> int:
        return self._store.count_people(self._filters)

    def _fetch_rows(self, offset: int, limit: int) -> list[PersonRow]:
        return self._store.person_rows(self._filters, self._sort_key, self._descending, offset, limit)

    def _fetch_position(self, record_id: str) -> int | None:
        return self._store.person_position(record_id, self._filters, self._sort_key, self._descending)

    def _cell(self, row: PersonRow, column: Column, role: int) -> Any:
        if role == Qt.ItemDataRole.ToolTipRole and column.key == "full_name" and row.birth_date:
            return self.tr("born %1").replace("%1", labels.date_text(row.birth_date))
        return None

    def _texts(self, row: PersonRow) -> tuple[str, ...]:
        lang = i18n.current_language()
        return (
            row.full_name,
            labels.phone_text(row.phone),
            row.inn or "",
            row.address or "",
            words.count(row.vehicles, lang) if row.vehicles else "",
            words.count(row.properties, lang) if row.properties else "",
            words.count(row.claims, lang) if row.claims else "",
        )
