"""An incident's damaged vehicles or property as rows a clerk edits in place (1C's tabular part).

Unlike the registers this model holds its rows: they are the incident the form has open, which
is saved whole. Each row keeps its record as far as it parses, and beside it only what the clerk
typed into cells that did not parse (a VIN of 16 characters stays on screen as typed, red, with
the domain's message), so 20,000 stored cars cost 20,000 small objects and no text until edited.

Every cell is read by the domain's own parser (`normalise_plate`, `normalise_vin`,
`parse_money_input`), the same the full editor and the import use. A row added and left empty is
no item at all: it is neither validated nor saved.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from decimal import Decimal
from enum import StrEnum
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont

from ...domain.enums import PropertyKind, Severity
from ...domain.errors import FieldError
from ...domain.models import PropertyItem, Vehicle
from ...domain.plates import russian_kind
from ...domain.values import clean_text, normalise_plate, normalise_vin, parse_money_input
from .. import labels

AnyIndex = QModelIndex | QPersistentModelIndex
T = TypeVar("T", Vehicle, PropertyItem)

ERROR_BACKGROUND = QColor(253, 226, 226)
WARNING_BACKGROUND = QColor(255, 243, 205)
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter

TEXT, CHOICE, OWNER = "text", "choice", "owner"


def _text(value: str) -> str | None:
    return clean_text(value)


def _money_shown(amount: Decimal | None) -> str:
    return labels.money_input_text(amount)


@dataclass(frozen=True)
class ItemColumn:
    """One editable column: the record's field it edits and how its text is read and shown."""

    key: str
    header: str
    kind: str = TEXT  # TEXT (parsed from what is typed), CHOICE (an enum), OWNER (a person)
    parse: Callable[[str], Any] = _text
    show: Callable[[Any], str] = lambda value: "" if value is None else str(value)
    required: bool = False
    choices: type[StrEnum] | None = None
    width: int = 110  # starting width in pixels (the clerk may drag it)
    align: Qt.AlignmentFlag = LEFT


def vehicle_columns() -> list[ItemColumn]:
    """In the order a clerk types a car: what it is, its plate, whose it is, what happened to it."""
    return [
        ItemColumn("make", QCoreApplication.translate("ItemRows", "Make"), required=True, width=105),
        ItemColumn("model", QCoreApplication.translate("ItemRows", "Model"), width=105),
        ItemColumn("plate", QCoreApplication.translate("ItemRows", "Plate"), parse=normalise_plate, width=100),
        ItemColumn("vin", QCoreApplication.translate("ItemRows", "VIN"), parse=normalise_vin, width=165),
        ItemColumn("owner_id", QCoreApplication.translate("ItemRows", "Owner"), kind=OWNER, width=230),
        ItemColumn("damage", QCoreApplication.translate("ItemRows", "Damage"), required=True, width=260),
        ItemColumn("estimated_cost", QCoreApplication.translate("ItemRows", "Estimate, ₽"), parse=parse_money_input, show=_money_shown,
                   width=125, align=RIGHT),
        ItemColumn("severity", QCoreApplication.translate("ItemRows", "Severity"), kind=CHOICE, choices=Severity, show=labels.enum_label,
                   width=115),
    ]


def property_columns() -> list[ItemColumn]:
    return [
        ItemColumn("description", QCoreApplication.translate("ItemRows", "Property"), required=True, width=190),
        ItemColumn("kind", QCoreApplication.translate("ItemRows", "Kind"), kind=CHOICE, choices=PropertyKind, show=labels.enum_label,
                   width=150),
        ItemColumn("address", QCoreApplication.translate("ItemRows", "Address"), width=190),
        ItemColumn("owner_id", QCoreApplication.translate("ItemRows", "Owner"), kind=OWNER, width=230),
        ItemColumn("damage", QCoreApplication.translate("ItemRows", "Damage"), required=True, width=220),
        ItemColumn("estimated_cost", QCoreApplication.translate("ItemRows", "Estimate, ₽"), parse=parse_money_input, show=_money_shown,
                   width=125, align=RIGHT),
        ItemColumn("severity", QCoreApplication.translate("ItemRows", "Severity"), kind=CHOICE, choices=Severity, show=labels.enum_label,
                   width=115),
    ]


@dataclass
class ItemRow(Generic[T]):
    item: T
    new: bool = False  # added in this form: an untouched new row is no item
    typed: dict[str, str] = field(default_factory=dict)  # cells whose text did not parse, as typed
    errors: dict[str, FieldError] = field(default_factory=dict)  # the parser's, per cell
    touched: set[str] = field(default_factory=set)
    clean: bool | None = None  # known to have no problem of its own (None: not looked at since it changed)


class ItemRowsModel(QAbstractTableModel, Generic[T]):
    """Rows of vehicles or property; `edited` after every change the clerk makes."""

    edited = Signal()

    def __init__(self, columns: Sequence[ItemColumn], blank: Callable[[], T],
                 owner_name: Callable[[str | None], str], parent: Any = None) -> None:
        super().__init__(parent)
        self.columns = list(columns)
        self._keys = [c.key for c in self.columns]
        self._blank = blank
        self._owner_name = owner_name
        self._owner_note: Callable[[str | None], str] = lambda _pid: ""
        self.rows: list[ItemRow[T]] = []
        self._rule_errors: dict[tuple[int, str], FieldError] = {}
        self._warnings: dict[tuple[int, str], str] = {}
        self._forced = False
        self._cache: dict[str, Any] = {}  # what the form asks several times per keystroke, per change
        self._loaded: list[T] = []  # the items as last loaded or saved: what «not saved» compares with
        self._edited: set[int] = set()  # rows edited since (a row's index is its place in `_loaded`)
        self._reshaped = False  # a row removed since: places moved, compared whole

    def _changed(self, row: int | None = None) -> None:
        self._cache.clear()
        if row is not None and row < len(self.rows):
            self.rows[row].clean = None

    # ---- the records -------------------------------------------------------------------------
    def set_items(self, items: Sequence[T]) -> None:
        self.beginResetModel()
        self.rows = [ItemRow(item) for item in items]
        self._loaded_as(list(items))
        self.endResetModel()

    def mark_saved(self) -> None:
        """The rows as they were just saved: what «not saved» compares with from now on.

        The save wrote these very items, so the rows stay (the cursor and the scroll with them):
        20,000 cars are not read back and rebuilt (a third of a second) after one was edited."""
        for row in self.rows:
            row.new, row.typed, row.errors, row.touched = False, {}, {}, set()
        self._loaded_as([row.item for row in self.rows])
        if self.rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.rows) - 1, len(self.columns) - 1))

    def _loaded_as(self, items: list[T]) -> None:
        """What «not saved» compares with from now on; nothing edited, no rule's marks."""
        self._loaded, self._edited, self._reshaped = items, set(), False
        self._rule_errors.clear()
        self._warnings.clear()
        self._forced = False
        self._changed()

    def is_blank(self, row: int) -> bool:
        r = self.rows[row]
        if not r.new or r.typed or getattr(r.item, "owner_id", None):
            return False
        return all(self._value(r, c) in (None, "") for c in self.columns if c.kind == TEXT)

    def item_rows(self) -> list[int]:
        """The rows that are items (an empty new row is not)."""
        if "item_rows" not in self._cache:
            self._cache["item_rows"] = [r for r, row in enumerate(self.rows) if not row.new or not self.is_blank(r)]
        return list(self._cache["item_rows"])

    def items(self) -> list[T]:
        if "items" not in self._cache:
            self._cache["items"] = [self.rows[r].item for r in self.item_rows()]
        return list(self._cache["items"])

    def changed_since_loaded(self) -> bool:
        """Whether the items differ from those last loaded or saved: a cell typed back to what it
        was is no change. Only the rows edited are compared (one of 20,000 cars costs one), the
        whole list only after a row was removed."""
        if "changed" not in self._cache:
            items = self.items()
            if len(items) != len(self._loaded):
                changed = True
            elif self._reshaped:
                changed = items != self._loaded or any(row.typed for row in self.rows)
            else:  # rows only ever come at the end: an edited row's index is its place in `_loaded`
                changed = any(self.rows[r].typed or (r < len(self._loaded) and self.rows[r].item != self._loaded[r])
                              for r in self._edited if r < len(self.rows))
            self._cache["changed"] = changed
        return bool(self._cache["changed"])

    def add_row(self) -> int:
        row = len(self.rows)
        self.beginInsertRows(QModelIndex(), row, row)
        self.rows.append(ItemRow(self._blank(), new=True))
        self._changed()
        self.endInsertRows()
        return row

    def remove_row(self, row: int) -> None:
        self.beginRemoveRows(QModelIndex(), row, row)
        del self.rows[row]
        self._reshaped = self._reshaped or row < len(self._loaded)  # the rows after it moved up a place
        self._changed()
        self._rule_errors = {(r - (r > row), k): e for (r, k), e in self._rule_errors.items() if r != row}
        self._warnings = {(r - (r > row), k): w for (r, k), w in self._warnings.items() if r != row}
        self.endRemoveRows()
        self.edited.emit()

    def drop_blank_rows(self) -> None:
        for row in reversed(range(len(self.rows))):
            if self.is_blank(row):
                self.beginRemoveRows(QModelIndex(), row, row)
                del self.rows[row]
                self._reshaped = self._reshaped or row < len(self._loaded)
                self._changed()
                self.endRemoveRows()

    def replace_item(self, row: int, item: T) -> None:
        """The row as the full editor left it: every field parsed, nothing pending."""
        r = self.rows[row]
        r.item, r.typed, r.errors = item, {}, {}
        r.touched.update(self._keys)
        self._edited.add(row)
        self._changed(row)
        self._changed_row(row)
        self.edited.emit()

    def column_of(self, key: str) -> int:
        return self._keys.index(key) if key in self._keys else -1

    def typed_texts(self, row: int) -> dict[str, str]:
        """What the clerk typed into cells that did not parse (the full editor shows it as typed)."""
        return dict(self.rows[row].typed)

    # ---- problems ----------------------------------------------------------------------------
    def cell_error(self, row: int, key: str) -> FieldError | None:
        r = self.rows[row]
        if key in r.errors:
            return r.errors[key]
        column = self.columns[self._keys.index(key)]
        if column.required and self._value(r, column) in (None, ""):
            return FieldError("required")
        return self._rule_errors.get((row, key))

    def problems(self) -> list[tuple[int, str, FieldError]]:
        """(row, key, error) for every cell of every item row that stops the save, in screen order.

        Run after every keystroke in the form, over every row: only what can be wrong is looked
        at (the cells that did not parse, the required ones, the rules' cells)."""
        if "problems" in self._cache:
            return list(self._cache["problems"])
        required = [c for c in self.columns if c.required]
        found: dict[tuple[int, str], FieldError] = {}
        for row in self.item_rows():
            r = self.rows[row]
            if r.clean:
                continue
            for key, error in r.errors.items():
                found[(row, key)] = error
            for column in required:
                if (row, column.key) not in found and self._value(r, column) in (None, ""):
                    found[(row, column.key)] = FieldError("required")
            r.clean = not r.errors and all((row, c.key) not in found for c in required)
        for (row, key), error in self._rule_errors.items():
            if row < len(self.rows) and not self.is_blank(row):
                found.setdefault((row, key), error)
        order = {k: i for i, k in enumerate(self._keys)}
        self._cache["problems"] = [(row, key, error) for (row, key), error
                                   in sorted(found.items(), key=lambda e: (e[0][0], order[e[0][1]]))]
        return list(self._cache["problems"])

    def set_rule_errors(self, errors: dict[tuple[int, str], FieldError]) -> None:
        """The incident's rules on its items (`give a plate or a VIN`), placed on cells."""
        if errors == self._rule_errors:
            return
        changed = {r for r, _ in errors} | {r for r, _ in self._rule_errors}
        self._rule_errors = dict(errors)
        self._changed()
        for row in changed:
            if row < len(self.rows):
                self._changed_row(row)

    def set_warning(self, row: int, key: str, text: str | None) -> None:
        """A hint that does not stop the save (an owner who may already be in the log)."""
        if (self._warnings.get((row, key)) or None) == (text or None):
            return
        if text:
            self._warnings[(row, key)] = text
        else:
            self._warnings.pop((row, key), None)
        self._changed_row(row)

    def warning(self, row: int, key: str) -> str | None:
        return self._warnings.get((row, key))

    def set_owner_note(self, note: Callable[[str | None], str]) -> None:
        """A word after a new owner's name in its tooltip (`new in the log`)."""
        self._owner_note = note

    def force_show(self) -> None:
        """Paint every missing required cell (after a refused save), not only those passed through."""
        self._forced = True
        self._changed()
        if self.rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.rows) - 1, len(self.columns) - 1))

    def unfilled(self) -> list[tuple[int, str]]:
        """(row, key) of the required cells of item rows still empty and not yet marked red."""
        if "unfilled" not in self._cache:
            self._cache["unfilled"] = [(row, key) for row, key, error in self.problems()
                                       if error.code == "required" and self._shown_error(row, key) is None]
        return list(self._cache["unfilled"])

    def _shown_error(self, row: int, key: str) -> FieldError | None:
        r = self.rows[row]
        error = self.cell_error(row, key)
        if error is None or self.is_blank(row):
            return None
        if error.code == "required" and key not in r.errors and not (self._forced or key in r.touched):
            return None  # not reached yet: a row being typed is not a wall of red
        return error

    # ---- Qt's model --------------------------------------------------------------------------
    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return self.columns[section].header if 0 <= section < len(self.columns) else None
        return str(section + 1)

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEditable

    def _value(self, r: ItemRow[T], column: ItemColumn) -> Any:
        return getattr(r.item, column.key)

    def text(self, row: int, key: str) -> str:
        """The cell as the clerk sees it."""
        r = self.rows[row]
        column = self.columns[self._keys.index(key)]
        if key in r.typed:
            return r.typed[key]
        value = self._value(r, column)
        if column.kind == OWNER:
            return self._owner_name(value)
        return column.show(value)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self.rows) or index.column() >= len(self.columns):
            return None
        row, column = index.row(), self.columns[index.column()]
        r = self.rows[row]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            if role == Qt.ItemDataRole.EditRole and column.kind != TEXT:
                return self._value(r, column)  # the enum, the person's id
            return self.text(row, column.key)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return column.align
        error = self._shown_error(row, column.key)
        warning = self._warnings.get((row, column.key))
        if role == Qt.ItemDataRole.BackgroundRole:
            if error is not None:
                return QBrush(ERROR_BACKGROUND)
            if warning:
                return QBrush(WARNING_BACKGROUND)
            return None
        if role == Qt.ItemDataRole.ToolTipRole:
            tips = [t for t in (f"{column.header}: {error.text(labels.current_language())}" if error else "",
                                warning or "") if t]
            shown = self.text(row, column.key)
            if column.kind == OWNER and r.item.owner_id:
                note = self._owner_note(r.item.owner_id)
                if note:
                    tips.insert(0, f"{shown} — {note}")
            elif shown and not tips:
                tips.append(shown)
            return "\n".join(tips) or None
        if role == Qt.ItemDataRole.FontRole and column.kind == OWNER and self._owner_note(r.item.owner_id):
            font = QFont()
            font.setItalic(True)  # a new person, saved with the incident
            return font
        return None

    def setData(self, index: AnyIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        if not index.isValid() or role != Qt.ItemDataRole.EditRole:
            return False
        row, column = index.row(), self.columns[index.column()]
        r = self.rows[row]
        key = column.key
        r.touched.add(key)
        self._edited.add(row)
        self._changed(row)
        before = (getattr(r.item, key), r.typed.get(key), r.errors.get(key))
        if column.kind == TEXT:
            text = "" if value is None else str(value)
            try:
                parsed = column.parse(text) if text.strip() else None
            except FieldError as e:
                r.typed[key], r.errors[key] = text, e
                r.item = replace(r.item, **{key: "" if column.required else None})
            else:
                r.typed.pop(key, None)
                r.errors.pop(key, None)
                r.item = replace(r.item, **{key: parsed if parsed is not None else ("" if column.required else None)})
            if key == "plate":
                self._plate_hint(row, parsed if key not in r.errors else None)
        else:
            r.item = replace(r.item, **{key: value})
        if before == (getattr(r.item, key), r.typed.get(key), r.errors.get(key)):
            self.dataChanged.emit(index, index)  # a required cell passed through: now painted
            return True
        self._changed_row(row)
        self.edited.emit()
        return True

    def _plate_hint(self, row: int, plate: str | None) -> None:
        """A typed plate of no Russian kind is kept as a foreign one: said, so that `D123FG40` (a
        slip on the Latin keyboard) is not saved as a foreign car unnoticed. A hint, not a refusal."""
        if plate and russian_kind(plate) is None:
            self._warnings[(row, "plate")] = QCoreApplication.translate(
                "ItemRows", "Not a Russian plate: it is kept as a foreign one. Check the letters if the car is Russian.")
        else:
            self._warnings.pop((row, "plate"), None)

    def _changed_row(self, row: int) -> None:
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(self.columns) - 1))


__all__ = ["ItemColumn", "ItemRow", "ItemRowsModel", "vehicle_columns", "property_columns", "TEXT", "CHOICE", "OWNER"]
