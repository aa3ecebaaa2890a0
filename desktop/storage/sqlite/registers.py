"""The vehicles and people registers: filtered, sorted, paged reads, one page at a time.

A part of `Store` (its base class), kept apart from the writes. Each query reads through an
index: the vehicles by their incidents' order or by plate, the people by name; a search goes
through the full-text index or an index seek (tests/storage/test_register_queries.py shows the
plans), never through every row.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from typing import Any

from ...domain.enums import PersonKind
from ...domain.values import kopecks_to_money
from ...domain.views import Filters, PersonRow, VehicleRow
from . import queries

NO_FILTERS = Filters()


class Registers:
    """Register reads over `self.db`, `self._rows` and `self._scalar` (provided by `Store`)."""

    db: Any
    _rows: Callable[..., list[dict[str, Any]]]
    _scalar: Callable[..., Any]
    _functions_ready = False

    def _search_functions(self) -> None:
        """The SQL function the vehicle search calls, on this connection (used in reads only, never
        in the schema, so the file stays readable by any SQLite)."""
        if not self._functions_ready:
            self.db.conn.create_function(queries.ITEM_WORDS_FUNCTION, 4, queries.item_has_words, deterministic=True)
            self._functions_ready = True

    # ---- vehicles ----------------------------------------------------------------------------
    def count_vehicles(self, filters: Filters = NO_FILTERS) -> int:
        self._search_functions()
        where, params = queries.vehicle_where(filters)
        return self._scalar(f"SELECT COUNT(*) {queries.vehicle_count_from(filters)}{where}", params)

    def vehicle_rows(
        self, filters: Filters = NO_FILTERS, sort: str | None = "occurred_at", descending: bool = True,
        offset: int = 0, limit: int = 200,
    ) -> list[VehicleRow]:
        self._search_functions()
        where, params = queries.vehicle_where(filters)
        order = queries.exact_first(queries.vehicle_order(sort, descending), "incident", filters.text, "i")
        params.update(offset=offset, limit=limit)
        # The page's rowids first, walked along an index; then the columns and claim counts of those rows only.
        found = self._rows(
            queries.page("v", f"{queries.vehicle_from(filters, sort)}{where}", order,
                         f"{queries.VEHICLE_ROW_SELECT} {queries.VEHICLE_FROM}"),
            params,
        )
        return [
            VehicleRow(
                id=r["id"], incident_id=r["incident_id"], incident_reference=r["incident_reference"],
                occurred_at=datetime.fromisoformat(r["occurred_at"]), district=r["district"], plate=r["plate"],
                make=r["make"], model=r["model"], colour=r["colour"], vin=r["vin"], owner_id=r["owner_id"],
                owner=r["owner"], estimated=kopecks_to_money(r["estimated_kopecks"]), claims=r["claims"],
            )
            for r in found
        ]

    def vehicle_position(self, record_id: str, filters: Filters = NO_FILTERS, sort: str | None = "occurred_at",
                         descending: bool = True) -> int | None:
        """The row number of a vehicle in the register's order under these filters (None: not there)."""
        self._search_functions()
        where, params = queries.vehicle_where(filters)
        order = queries.exact_first(queries.vehicle_order(sort, descending), "incident", filters.text, "i")
        params["record_id"] = record_id
        return self._scalar(queries.position("v", f"{queries.vehicle_from(filters, sort)}{where}", order), params)

    # ---- people ------------------------------------------------------------------------------
    def count_people(self, filters: Filters = NO_FILTERS) -> int:
        where, params = queries.person_where(filters)
        return self._scalar(f"SELECT COUNT(*) FROM people p{where}", params)

    def person_rows(
        self, filters: Filters = NO_FILTERS, sort: str | None = "full_name", descending: bool = False,
        offset: int = 0, limit: int = 200,
    ) -> list[PersonRow]:
        where, params = queries.person_where(filters)
        order = queries.order_by(queries.PERSON_SORT, sort, descending, queries.PERSON_TIEBREAK)
        params.update(offset=offset, limit=limit)
        found = self._rows(
            queries.page("p", f"FROM people p{where}", order, queries.PERSON_ROW_SELECT),
            params,
        )
        return [
            PersonRow(
                id=r["id"], kind=PersonKind(r["kind"]), full_name=r["full_name"],
                birth_date=date.fromisoformat(r["birth_date"]) if r["birth_date"] else None, phone=r["phone"],
                inn=r["inn"], address=r["address"], vehicles=r["vehicles"], properties=r["properties"],
                claims=r["claims"],
            )
            for r in found
        ]

    def person_position(self, record_id: str, filters: Filters = NO_FILTERS, sort: str | None = "full_name",
                        descending: bool = False) -> int | None:
        where, params = queries.person_where(filters)
        order = queries.order_by(queries.PERSON_SORT, sort, descending, queries.PERSON_TIEBREAK)
        params["record_id"] = record_id
        return self._scalar(queries.position("p", f"FROM people p{where}", order), params)
