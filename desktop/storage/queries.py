"""Filtered, sorted, paged SELECTs for the registers and reports; never the whole table."""

from __future__ import annotations

from datetime import date
from typing import Any

from ..domain import deadlines
from ..domain.views import Filters
from .search_query import match_expression

# Each sort lists its columns; the rowid ends every one (INCIDENT_TIEBREAK), so the order is total
# and, where an index exists, it is the index's own order (incidents_district is (district,
# occurred_utc), and every SQLite index ends in the rowid): a page deep in a million incidents is
# then skipped along the index instead of sorting the whole table.
INCIDENT_SORT = {
    "reference": "i.reference",
    "occurred_at": "i.occurred_utc",
    "kind": "i.kind, i.occurred_utc",
    "region": "i.region",
    "district": "i.district, i.occurred_utc",
    "location": "i.location",
    "status": "i.status, i.occurred_utc",
}
INCIDENT_TIEBREAK = "i.rowid"

CLAIM_SORT = {
    "number": "c.number",
    "filed_on": "c.filed_on",
    "claimant": "p.sort_name",
    "incident_reference": "i.reference",
    "district": "i.district",
    "status": "c.status",
    "requested": "c.requested_kopecks",
    "approved": "c.approved_kopecks",
    "paid": "c.paid_kopecks",
    "days_left": "c.filed_on",  # the answer date is `deadlines.answer_due(filed_on)`: the same order
}

# Settled claims wait for no answer: never overdue, no days left (`deadlines.SETTLED`).
_SETTLED = ", ".join(f"'{s.value}'" for s in sorted(deadlines.SETTLED))


# A register search takes at most this many matches, the most recently recorded first: a word in
# nearly every record ("улица") would otherwise cost seconds per keystroke over a million records.
# The window says when a search was cut; reports pass `cut_search=False`.
SEARCH_LIMIT = 10_000


def search_hits(kind: str, limit: int | None) -> str:
    cut = f" ORDER BY search_index.rowid DESC LIMIT {int(limit)}" if limit else ""
    return (
        "SELECT d.record_id FROM search_index JOIN search_docs d ON d.doc = search_index.rowid "
        f"WHERE search_index MATCH :match AND d.record_kind = '{kind}'{cut}"
    )


def _search_clause(kind: str, text: str | None, column: str, params: dict[str, Any], limit: int | None) -> str | None:
    expression = match_expression(text)
    if expression is None:
        return None
    params["match"] = expression
    return f"{column} IN ({search_hits(kind, limit)})"


def _date_range(column: str, filters: Filters, clauses: list[str], params: dict[str, Any]) -> None:
    """FILTERS' --from/--to, both inclusive, on an ISO date column."""
    if filters.date_from:
        clauses.append(f"{column} >= :date_from")
        params["date_from"] = filters.date_from.isoformat()
    if filters.date_to:
        clauses.append(f"{column} <= :date_to")
        params["date_to"] = filters.date_to.isoformat()


def incident_where(filters: Filters, cut_search: bool = True) -> tuple[str, dict[str, Any]]:
    clauses: list[str] = []
    params: dict[str, Any] = {}
    _date_range("i.occurred_on", filters, clauses, params)
    if filters.district:
        clauses.append("i.district = :district")
        params["district"] = filters.district
    if filters.incident_status:
        clauses.append("i.status = :incident_status")
        params["incident_status"] = filters.incident_status.value
    if filters.incident_kind:
        clauses.append("i.kind = :incident_kind")
        params["incident_kind"] = filters.incident_kind.value
    if filters.status:
        clauses.append("EXISTS (SELECT 1 FROM claims c WHERE c.incident_id = i.id AND c.status = :status)")
        params["status"] = filters.status.value
    if filters.has_vehicles:
        clauses.append("EXISTS (SELECT 1 FROM vehicles v WHERE v.incident_id = i.id)")
    if filters.has_properties:
        clauses.append("EXISTS (SELECT 1 FROM properties pr WHERE pr.incident_id = i.id)")
    search = _search_clause("incident", filters.text, "i.id", params, SEARCH_LIMIT if cut_search else None)
    if search:
        clauses.append(search)
    return (" WHERE " + " AND ".join(clauses)) if clauses else "", params


def claim_where(
    filters: Filters, today: date | None = None, cut_search: bool = True,
) -> tuple[str, dict[str, Any]]:
    clauses: list[str] = []
    params: dict[str, Any] = {}
    _date_range("c.filed_on", filters, clauses, params)
    if filters.district:
        clauses.append("i.district = :district")
        params["district"] = filters.district
    if filters.status:
        clauses.append("c.status = :status")
        params["status"] = filters.status.value
    if filters.overdue_only:  # `deadlines.is_overdue` for claims with no registration date or extension
        clauses.append(f"c.status NOT IN ({_SETTLED}) AND c.filed_on < :overdue_before")
        params["overdue_before"] = deadlines.overdue_if_filed_before(today or date.today()).isoformat()
    search = _search_clause("claim", filters.text, "c.id", params, SEARCH_LIMIT if cut_search else None)
    if search:
        clauses.append(search)
    return (" WHERE " + " AND ".join(clauses)) if clauses else "", params


INCIDENT_ROW_SELECT = """
SELECT i.id, i.reference, i.occurred_at, i.kind, i.region, i.district, i.location, i.status,
  (SELECT COUNT(*) FROM vehicles v WHERE v.incident_id = i.id) AS vehicles,
  (SELECT COUNT(*) FROM properties pr WHERE pr.incident_id = i.id) AS properties,
  (SELECT COUNT(*) FROM claims c WHERE c.incident_id = i.id) AS claims
FROM incidents i
"""

CLAIM_ROW_SELECT = f"""
SELECT c.id, c.number, c.filed_on, p.full_name AS claimant, i.reference AS incident_reference, i.district,
  c.status, c.requested_kopecks, c.approved_kopecks, c.paid_kopecks,
  c.status IN ({_SETTLED}) AS decided
FROM claims c JOIN incidents i ON i.id = c.incident_id JOIN people p ON p.id = c.claimant_id
"""

CLAIM_FROM = "FROM claims c JOIN incidents i ON i.id = c.incident_id JOIN people p ON p.id = c.claimant_id"


def claim_count_from(filters: Filters) -> str:
    """What counting claims must read: the incidents only to filter by district, people never (every
    claim has its incident and claimant), so the register's count at start is one pass over claims."""
    return "FROM claims c JOIN incidents i ON i.id = c.incident_id" if filters.district else "FROM claims c"


def order_by(sort: dict[str, str], key: str | None, descending: bool, tiebreak: str) -> str:
    columns = sort.get(key or "", tiebreak).split(", ")
    if tiebreak not in columns:
        columns.append(tiebreak)
    direction = "DESC" if descending else "ASC"
    return " ORDER BY " + ", ".join(f"{column} {direction}" for column in columns)
