"""The spreadsheet export: one sheet per kind of record, Russian headers, real dates and numbers.

Every text goes in, whatever it holds: xlsx cannot store most control characters, lone
surrogates or more than 32,767 characters in a cell, so such text is mended (Word's Shift+Enter
becomes a line break, other controls are dropped, a surrogate becomes �, an over-long text is cut
with …) and the export counts the cells it mended, so the clerk is told. A text starting with `=`
stays text, never a formula.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, datetime
from decimal import Decimal
from enum import StrEnum
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from ..domain.views import Filters, RegisterView
from ..domain.words import label
from ..files import written_whole
from ..storage import LogStore
from .exporter import ExportCounts

MONEY = '#,##0.00 "₽"'
DAY = "DD.MM.YYYY"
MOMENT = "DD.MM.YYYY HH:MM"

Column = tuple[str, Callable[[Any], Any]]

CELL_TEXT_LIMIT = 32_767  # Excel's most characters in a cell, counted in UTF-16 units
_LINE_BREAKS = str.maketrans({"\x0b": "\n", "\x0c": "\n"})  # Word's Shift+Enter (VT), a page break (FF)
_SURROGATE = re.compile("[\ud800-\udfff]")


def cell_text(text: str) -> tuple[str, bool]:
    """TEXT as an xlsx cell can hold it, and whether it had to change. Never raises."""
    mended = text
    if ILLEGAL_CHARACTERS_RE.search(mended) or _SURROGATE.search(mended):
        mended = _SURROGATE.sub("\ufffd", ILLEGAL_CHARACTERS_RE.sub("", mended.translate(_LINE_BREAKS)))
    if len(mended) > CELL_TEXT_LIMIT // 2:
        units = mended.encode("utf-16-le")
        if len(units) > CELL_TEXT_LIMIT * 2:  # cut on a whole character, leaving room for the ellipsis
            mended = units[: (CELL_TEXT_LIMIT - 1) * 2].decode("utf-16-le", errors="ignore") + "…"
    return mended, mended != text


def _cell(value: Any) -> tuple[Any, str | None]:
    if isinstance(value, Decimal):
        return float(value), MONEY
    if isinstance(value, datetime):
        return value.replace(tzinfo=None), MOMENT  # local time as recorded; spreadsheets have no zones
    if isinstance(value, date):
        return value, DAY
    if isinstance(value, StrEnum):
        return label(value, "ru"), None  # a clerk reads «выплачено», not `paid`
    return value, None


def _sheet(book: Workbook, title: str, columns: list[Column], records: list[Any]) -> int:
    """Add the sheet; return how many cells had text xlsx cannot hold (mended, see `cell_text`)."""
    sheet = book.create_sheet(title)
    sheet.append([name for name, _ in columns])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    altered = 0
    # Rows counted here: `sheet.max_row` looks at every cell written so far, which made a workbook
    # of 20,000 claims take six minutes (the square of its rows).
    for row, record in enumerate(records, start=2):
        values = [_cell(get(record)) for _, get in columns]
        texts: list[int] = []
        row_values = []
        for col, (value, _) in enumerate(values, start=1):
            if isinstance(value, str):
                value, changed = cell_text(value)
                altered += changed
                if value.startswith("="):
                    texts.append(col)
            row_values.append(value)
        sheet.append(row_values)
        for col, (_, fmt) in enumerate(values, start=1):
            if fmt:
                sheet.cell(row=row, column=col).number_format = fmt
        for col in texts:
            sheet.cell(row=row, column=col).data_type = "s"  # `=HYPERLINK(…)` in a name is text, not a formula
    for col, (name, _) in enumerate(columns, start=1):
        sheet.column_dimensions[get_column_letter(col)].width = max(12, min(40, len(name) + 4))
    sheet.freeze_panes = "A2"
    return altered


def write_xlsx(store: LogStore, path: Path, filters: Filters, *, view: RegisterView | None = None) -> ExportCounts:
    """The workbook of what `filters` select, or of what a register `view` shows: then its
    incidents or claims in the register's order (and the cars and property in their incidents')."""
    if view is None:
        from .exporter import filtered_selection

        people, incidents, claims = filtered_selection(store, filters)
    else:
        from .exporter import selection

        people, incidents, claims = selection(store, view)
    names = {p.id: p.full_name for p in people}
    references = {i.id: i.reference for i in incidents}
    book = Workbook()
    book.remove(book.active)
    altered = 0
    altered += _sheet(book, "Люди", [
        ("Идентификатор", lambda p: p.id), ("Вид", lambda p: p.kind), ("ФИО / наименование", lambda p: p.full_name),
        ("Дата рождения", lambda p: p.birth_date), ("Телефон", lambda p: p.phone), ("Эл. почта", lambda p: p.email),
        ("Адрес", lambda p: p.address), ("ИНН", lambda p: p.inn), ("Примечания", lambda p: p.notes),
    ], people)
    altered += _sheet(book, "Происшествия", [
        ("Номер", lambda i: i.reference), ("Дата и время", lambda i: i.occurred_at), ("Вид", lambda i: i.kind),
        ("Регион", lambda i: i.region), ("Район", lambda i: i.district), ("Населённый пункт", lambda i: i.settlement),
        ("Место", lambda i: i.location), ("Широта", lambda i: i.latitude), ("Долгота", lambda i: i.longitude),
        ("Сбито БПЛА", lambda i: i.uavs_downed), ("Ранено", lambda i: i.injured), ("Погибло", lambda i: i.killed),
        ("Статус", lambda i: i.status), ("Источник", lambda i: i.source), ("Описание", lambda i: i.description),
    ], incidents)
    vehicles = [(i, v) for i in incidents for v in i.vehicles]
    altered += _sheet(book, "Транспортные средства", [
        ("Происшествие", lambda iv: iv[0].reference), ("Марка", lambda iv: iv[1].make), ("Модель", lambda iv: iv[1].model),
        ("Год", lambda iv: iv[1].year), ("Цвет", lambda iv: iv[1].colour), ("Госномер", lambda iv: iv[1].plate),
        ("VIN", lambda iv: iv[1].vin), ("Владелец", lambda iv: names.get(iv[1].owner_id)),
        ("Повреждения", lambda iv: iv[1].damage), ("Тяжесть", lambda iv: iv[1].severity),
        ("Оценка ущерба", lambda iv: iv[1].estimated_cost),
    ], vehicles)
    properties = [(i, p) for i in incidents for p in i.properties]
    altered += _sheet(book, "Имущество", [
        ("Происшествие", lambda ip: ip[0].reference), ("Вид", lambda ip: ip[1].kind),
        ("Описание", lambda ip: ip[1].description), ("Адрес", lambda ip: ip[1].address),
        ("Владелец", lambda ip: names.get(ip[1].owner_id)), ("Повреждения", lambda ip: ip[1].damage),
        ("Тяжесть", lambda ip: ip[1].severity), ("Оценка ущерба", lambda ip: ip[1].estimated_cost),
    ], properties)
    altered += _sheet(book, "Заявления", [
        ("Номер", lambda c: c.number), ("Подано", lambda c: c.filed_on), ("Заявитель", lambda c: names.get(c.claimant_id)),
        ("Происшествие", lambda c: references.get(c.incident_id)), ("Вид", lambda c: c.kind), ("Статус", lambda c: c.status),
        ("Запрошено", lambda c: c.requested_amount), ("Страховая выплата", lambda c: c.insurance_paid),
        ("Решение №", lambda c: c.decision.number if c.decision else None),
        ("Дата решения", lambda c: c.decision.date if c.decision else None),
        ("Одобрено", lambda c: c.decision.approved_amount if c.decision else None),
        ("Выплачено", lambda c: c.payment.amount if c.payment else None),
        ("Дата выплаты", lambda c: c.payment.date if c.payment else None),
    ], claims)
    with written_whole(path) as partial:
        book.save(partial)
    counts = ExportCounts({"people": len(people), "incidents": len(incidents), "claims": len(claims)})
    counts.altered_cells = altered
    return counts
