"""What a list report selects when FILTERS hold the register's search (`--search`) or `--overdue`
(cli.md), for the reports whose store query does not take them.

The claims register (`report register`, `deadlines`, `payment-register`) reads `iter_claim_rows`,
which takes every filter. The summary (`summary_rows`: dates on the incident's date) takes
neither the search nor overdue, and the incidents register (`iter_incident_rows`) takes the
search but not overdue. Here both are made from the claims register's rows, every match (the
search is never cut for paper): the summary counts and sums the claims the claims register
finds, restricted to incidents of the period; the incidents register keeps the incidents with
an overdue claim (in that status, when `--status` is given), as `--status` keeps those with a
claim in that status.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import replace
from decimal import Decimal
from typing import Protocol

from ..domain.views import ClaimRow, Filters, IncidentRow, SummaryRow


class RowSource(Protocol):
    def iter_claim_rows(self, filters: Filters, *, sort: str | None = None, descending: bool = False) -> Iterator[ClaimRow]: ...
    def iter_incident_rows(self, filters: Filters, *, sort: str | None = None, descending: bool = False) -> Iterator[IncidentRow]: ...
    def summary_rows(self, filters: Filters) -> list[SummaryRow]: ...


def _in_period(store: RowSource, filters: Filters) -> set[str] | None:
    """The references of the incidents of the period and districts (None: no period given, every incident)."""
    if filters.date_from is None and filters.date_to is None:
        return None
    period = Filters(date_from=filters.date_from, date_to=filters.date_to, districts=filters.districts)
    return {row.reference for row in store.iter_incident_rows(period)}


def summary_rows(store: RowSource, filters: Filters) -> list[SummaryRow]:
    """The summary's rows (district × status): the store's SQL sums, or, with the search or
    overdue, the sums of the claims the claims register finds (dates on the incident's date)."""
    if not filters.text and not filters.overdue_only:
        return store.summary_rows(filters)
    period = _in_period(store, filters)
    claims = store.iter_claim_rows(replace(filters, date_from=None, date_to=None))
    cells: dict[tuple[str, str], list] = {}
    for row in claims:
        if period is not None and row.incident_reference not in period:
            continue
        cell = cells.setdefault((row.district, row.status.value), [row.status, 0, Decimal(0), Decimal(0), Decimal(0)])
        cell[1] += 1
        cell[2] += row.requested or 0
        cell[3] += row.approved or 0
        cell[4] += row.paid or 0
    return [SummaryRow(district=district, status=status, claims=n, requested=requested, approved=approved, paid=paid)
            for (district, _), (status, n, requested, approved, paid) in sorted(cells.items())]


def incident_rows(store: RowSource, filters: Filters, *, sort: str | None = None,
                  descending: bool = False) -> Iterable[IncidentRow]:
    """The incidents register's rows in its order; with overdue, only the incidents with an overdue claim."""
    if not filters.overdue_only:
        return store.iter_incident_rows(filters, sort=sort, descending=descending)
    overdue = {row.incident_reference for row in store.iter_claim_rows(
        Filters(districts=filters.districts, status=filters.status, overdue_only=True, executor=filters.executor))}
    rows = store.iter_incident_rows(replace(filters, overdue_only=False), sort=sort, descending=descending)
    return (row for row in rows if row.reference in overdue)
