"""A claim's items as a checklist over its incident: the claim's own items first, then the rest of
the incident a page at a time, or those a few typed letters find.

A mass attack's incident has 20,000 cars. The claim form used to make a row for each when it
opened (2.3 s) and read every row's tick on each key typed anywhere in the form (0.23 s a key),
with the claim's own car somewhere in the middle. This model never holds the incident:

- it reads the incident's items through the store's bounded `incident_sample` (its first N
  vehicles and property, N doubling each time more are needed), never the whole incident at open;
- it shows `PAGE` rows at a time (`canFetchMore`/`fetchMore`: the view asks for more as it is
  scrolled to the end) and formats a row's text only when its page is shown (`describe`);
- what is ticked is kept by id, apart from the rows: `ticked()` and `ticked_items()` cost the
  ticked items, never the incident's.

A filter («а12», «гранта», an owner's surname) narrows the list to the items with every typed word
in their plate (any part, on either keyboard), make, model, colour, VIN, description, address,
owner or phone. It is matched in memory over the items read so far; only when they hold less than
a page of matches is the rest of the incident read, once (0.4 s for 20,000 cars and their owners):
later keys only match, in memory.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Sequence
from typing import Any, ClassVar, Protocol

from PySide6.QtCore import QAbstractListModel, QModelIndex, QObject, QPersistentModelIndex, Qt, Signal

from ...domain import plates, searching
from ...domain.models import Person, PropertyItem, Vehicle
from ...storage import DatabaseUnavailable, LogStore
from ...storage.search import fold

log = logging.getLogger("incident_log.ui")

Item = Vehicle | PropertyItem
AnyIndex = QModelIndex | QPersistentModelIndex
ID_ROLE = Qt.ItemDataRole.UserRole  # the item's id, where the form's list kept it before
WHOLE = 2**31 - 1  # "every item": the largest limit a page read is given


class People(Protocol):
    """The owners' names as the form knows them (`PeopleBook`)."""

    def prefetch(self, ids: list[str | None]) -> None: ...
    def get(self, person_id: str | None) -> Person | None: ...


def _checked(value: Any) -> bool:
    """A check state as a view or a caller gives it (the enum, or its number)."""
    state = value.value if isinstance(value, Qt.CheckState) else value
    return state == Qt.CheckState.Checked.value


class ClaimItemsModel(QAbstractListModel):
    """The incident's vehicles and property with a tick each; the claim's own items first."""

    PAGE: ClassVar[int] = 50  # rows shown, and formatted, at a time: a few screens of the form's list
    FIRST_READ: ClassVar[int] = 200  # the incident's items read at first (per table); doubled as more are needed

    tickedChanged = Signal()  # noqa: N815 - Qt's style, as the form's other signals

    def __init__(self, store: LogStore, describe: Callable[[Sequence[Item]], list[str]], people: People,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._store = store
        self._describe = describe  # the rows' texts for a page of items (the form's words)
        self._people = people
        self._incident_id: str | None = None
        self._own: list[Item] = []  # the claim's items as stored: listed first
        self._read: list[Item] = []  # the incident's items read so far, in its order (vehicles, then property)
        self._limit = 0  # the last read's limit (per table)
        self._complete = True  # every item of the incident is in `_read`
        self._known: dict[str, Item] = {}  # own and read, by id
        self._rank: dict[str, tuple[int, int]] = {}  # the order ticked items are given in: own first
        self._ticked: dict[str, None] = {}  # ids, an ordered set
        self.tick_serial = 0  # counts tick changes (and new incidents): the form's incident views follow them
        self.read_serial = 0  # counts reads of the incident
        self._words: tuple[tuple[str, ...], ...] = ()  # the filter: each word in the forms it may match
        self._filter_text = ""
        self._search: dict[str, str] = {}  # an item's folded search text, made when a filter first needs it
        self._candidates: list[str] = []  # the ids the list shows, in order; the first `_shown` are its rows
        self._scanned = 0  # of `_read`, how many were matched into `_candidates`
        self._listing = 0  # counts the times `_candidates` was made anew (not only added to)
        self._shown = 0
        self._texts: dict[str, str] = {}

    # ---- what the form sets and reads ----------------------------------------------------------
    def set_incident(self, incident_id: str | None, own: Sequence[Item] = (), ticked: Iterable[str] = ()) -> None:
        """List this incident's items, `own` first (ticked as `ticked` says); the filter is cleared.
        Not an edit: `tickedChanged` is not emitted (the form re-reads the field itself)."""
        self.beginResetModel()
        self._incident_id = incident_id
        self._own = list(own)
        self._read, self._limit, self._complete = [], 0, incident_id is None
        self._known = {i.id: i for i in self._own}
        self._rank = {i.id: (0, n) for n, i in enumerate(self._own)}
        self._ticked = dict.fromkeys(i for i in ticked if i in self._known)
        self.tick_serial += 1
        self.read_serial += 1
        self._words, self._filter_text = (), ""
        self._search, self._texts = {}, {}
        if incident_id is not None:
            self._safe(lambda: self._read_more(self.FIRST_READ), None)
        self._list_first_page()
        self.endResetModel()

    def set_filter(self, text: str) -> None:
        """Show only the items with every word of `text` (all of them when it is blank)."""
        if " ".join(text.split()) == self._filter_text:
            return
        self.beginResetModel()
        self._filter_text = " ".join(text.split())
        # A whole phone however typed («8 (910) 321-00-30») is one word, its stored form (as the
        # registers' search takes it); else each word, a plate's on either keyboard too.
        phone = searching.search_phone(self._filter_text)
        self._words = ((fold(phone),),) if phone else tuple(
            tuple(dict.fromkeys([fold(word), *(fold(form) for form in plates.search_forms(word))]))
            for word in self._filter_text.split()
        )
        self._list_first_page()
        self.endResetModel()

    def _list_first_page(self) -> None:
        """The candidates listed anew, read on until a page of them can be shown."""
        self._rebuild()
        self._safe(lambda: self._read_until(self.PAGE), None)
        self._shown = min(len(self._candidates), self.PAGE)

    def filter_text(self) -> str:
        return self._filter_text

    def ticked(self) -> list[str]:
        """The ticked items' ids: the claim's own first, as stored, then the others in the incident's order."""
        return sorted(self._ticked, key=self._rank.__getitem__)

    def ticked_items(self) -> list[Item]:
        return [self._known[i] for i in self.ticked()]

    def known_items(self) -> list[Item]:
        """The items read so far, in the incident's order, and the claim's own (every item of a
        small incident; the first pages of a large one)."""
        read = {i.id for i in self._read}
        return [*self._read, *(i for i in self._own if i.id not in read)]

    def large(self) -> bool:
        """More items than a page: worth a filter."""
        return not self._complete or len(self._known) > self.PAGE

    def complete(self) -> bool:
        """Every item of the incident has been read."""
        return self._complete

    def id_at(self, row: int) -> str | None:
        return self._candidates[row] if 0 <= row < self._shown else None

    def row_of(self, item_id: str) -> int:
        """The row an item is on (-1: not among the rows shown)."""
        try:
            row = self._candidates.index(item_id)
        except ValueError:
            return -1
        return row if row < self._shown else -1

    # ---- reading the incident ------------------------------------------------------------------
    def _read_more(self, limit: int) -> bool:
        """Read the incident's first `limit` vehicles and property; True when what was read before
        is no longer their beginning (another clerk changed the incident meanwhile)."""
        assert self._incident_id is not None
        sample = self._store.incident_sample(self._incident_id, limit)
        if sample is None:  # deleted meanwhile: nothing more to list
            self._complete = True
            return False
        vehicles_done = len(sample.vehicles) < limit
        properties_done = len(sample.properties) < limit
        listed: list[Item] = [*sample.vehicles, *(sample.properties if vehicles_done else [])]
        before = [i.id for i in self._read]
        changed = [i.id for i in listed[:len(before)]] != before
        self._read = [self._known.get(i.id, i) for i in listed]
        for n, item in enumerate(self._read):
            self._known.setdefault(item.id, item)
            if self._rank.get(item.id, (1,))[0] != 0:
                self._rank[item.id] = (1, n)
        self._limit = limit
        self._complete = vehicles_done and properties_done
        self.read_serial += 1
        return changed

    def _read_until(self, wanted: int) -> None:
        """Read on until the list has `wanted` rows to show or the incident is read to its end:
        scrolled, twice as many items as were read; filtered, the rest at once (the matches may
        be anywhere in it, and are looked for in memory)."""
        while len(self._candidates) < wanted and not self._complete:
            if self._read_more(WHOLE if self._words or wanted == WHOLE else max(self.FIRST_READ, 2 * self._limit)):
                self._rebuild()
            else:
                self._scan()

    def _rebuild(self) -> None:
        self._listing += 1
        own = {i.id for i in self._own}
        if self._words:
            self._search_texts(self._own)
        self._candidates = [i.id for i in self._own if self._matches(i)]
        self._scanned = 0
        self._scan(own)

    def _scan(self, own: set[str] | None = None) -> None:
        """Add the items read since the last scan that the filter lets through."""
        own = own if own is not None else {i.id for i in self._own}
        fresh = [i for i in self._read[self._scanned:] if i.id not in own]
        if self._words:
            self._search_texts(fresh)
        self._candidates += [i.id for i in fresh if self._matches(i)]
        self._scanned = len(self._read)

    def _matches(self, item: Item) -> bool:
        if not self._words:
            return True
        if item.id not in self._search:
            self._search_texts([item])
        text = self._search[item.id]
        return all(any(form in text for form in forms) for forms in self._words)

    def _search_texts(self, items: Sequence[Item]) -> None:
        """What a filter is matched against, for the items that have none yet (their owners read at once)."""
        items = [i for i in items if i.id not in self._search]
        if not items:
            return
        self._people.prefetch([i.owner_id for i in items])
        for item in items:
            owner = self._people.get(item.owner_id)
            if isinstance(item, Vehicle):
                # The plate as stored: a word typed on either keyboard is looked for in both scripts.
                parts = [item.make, item.model, item.colour, item.plate, item.vin, str(item.year) if item.year else None]
            else:
                parts = [item.description, item.address]
            if owner is not None:
                parts += [owner.full_name, owner.phone]
            self._search[item.id] = fold(" ".join(p for p in parts if p))

    def _safe(self, fetch: Callable[[], Any], fallback: Any) -> Any:
        # Reads run inside Qt's painting and scrolling, where an exception is only printed: a
        # database gone away shows no more rows and is logged; the next save reports it.
        try:
            return fetch()
        except DatabaseUnavailable:
            log.exception("claim items read failed")
            self._complete = True
            return fallback

    # ---- QAbstractListModel --------------------------------------------------------------------
    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's own default
        return 0 if parent.isValid() else self._shown

    def canFetchMore(self, parent: AnyIndex) -> bool:  # noqa: N802 - Qt's name
        return not parent.isValid() and (self._shown < len(self._candidates) or not self._complete)

    def fetchMore(self, parent: AnyIndex) -> None:  # noqa: N802 - Qt's name
        if not parent.isValid():
            self._show_up_to(self._shown + self.PAGE)

    def show_all(self) -> None:
        """Every item found listed: End goes to the incident's last item, not the last page read
        (the rest of the incident read at once: 0.4 s for 20,000 cars; their texts still a page
        at a time, as they are shown)."""
        if self.canFetchMore(QModelIndex()):
            self._show_up_to(WHOLE)

    def _show_up_to(self, wanted: int) -> None:
        listing = self._listing
        self._safe(lambda: self._read_until(wanted), None)
        if self._listing != listing:
            # Listed again from the beginning (another clerk changed the incident meanwhile): the
            # rows shown may have moved.
            self.beginResetModel()
            self._shown = min(len(self._candidates), wanted)
            self.endResetModel()
            return
        end = min(len(self._candidates), wanted)
        if end > self._shown:
            self.beginInsertRows(QModelIndex(), self._shown, end - 1)
            self._shown = end
            self.endInsertRows()

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsUserCheckable
                | Qt.ItemFlag.ItemNeverHasChildren)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        item_id = self.id_at(index.row()) if index.isValid() else None
        if item_id is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole or (role == Qt.ItemDataRole.ToolTipRole and self.large()):
            return self._text(index.row())  # a large incident's rows are one line each: the whole text in a tooltip
        if role == Qt.ItemDataRole.CheckStateRole:
            return Qt.CheckState.Checked if item_id in self._ticked else Qt.CheckState.Unchecked
        if role == ID_ROLE:
            return item_id
        return None

    def setData(self, index: AnyIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        item_id = self.id_at(index.row()) if index.isValid() else None
        if item_id is None or role != Qt.ItemDataRole.CheckStateRole:
            return False
        checked = _checked(value)
        if checked != (item_id in self._ticked):
            if checked:
                self._ticked[item_id] = None
            else:
                del self._ticked[item_id]
            self.tick_serial += 1
            self.dataChanged.emit(index, index, [Qt.ItemDataRole.CheckStateRole])
            self.tickedChanged.emit()
        return True

    def _text(self, row: int) -> str:
        """A row's text, formatted with the rest of its page the first time one of them is shown."""
        item_id = self._candidates[row]
        if item_id not in self._texts:
            page = [self._known[i] for i in self._candidates[row:min(self._shown, row + self.PAGE)]
                    if i not in self._texts]
            texts = self._safe(lambda: self._describe(page), None) or [i.label() for i in page]
            self._texts.update(zip((i.id for i in page), texts, strict=True))
        return self._texts[item_id]
