"""The registers' SQL overdue filter and `domain.deadlines` judge every claim alike.

The filter is built from `deadlines.SETTLED` and the answer date each row stores
(`deadlines.answer_due`, written with the row); these tests would fail if either side grew its own
copy of the rule (a literal 30, another list of statuses, `<=` for `<`).
"""

from __future__ import annotations

import sqlite3
from datetime import date, timedelta

import pytest

from desktop.domain import deadlines
from desktop.domain.enums import ClaimStatus
from desktop.domain.views import Filters
from desktop.storage.sqlite import queries

pytestmark = pytest.mark.backends("sqlite")  # the SQLite backend's own files and SQL

TODAY = date(2026, 10, 20)
AGES = range(0, 2 * deadlines.ANSWER_DAYS + 2)  # days since filing, around the answer date and past it


def sql_overdue(conn: sqlite3.Connection, today: date) -> set[str]:
    where, params = queries.claim_where(Filters(overdue_only=True), today)
    return {number for (number,) in conn.execute(f"SELECT c.number FROM claims c{where}", params)}


@pytest.fixture
def claims() -> sqlite3.Connection:
    """One claim of every status filed on every day around the answer period."""
    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE TABLE claims (number TEXT, status TEXT, filed_on TEXT, answer_due TEXT)")
    conn.executemany("INSERT INTO claims VALUES (?, ?, ?, ?)", [
        (f"{status.value}:{age}", status.value, (TODAY - timedelta(days=age)).isoformat(),
         deadlines.answer_due(TODAY - timedelta(days=age)).isoformat())
        for status in ClaimStatus for age in AGES
    ])
    return conn


def test_sql_filter_and_python_rule_agree_for_every_status_and_day(claims: sqlite3.Connection) -> None:
    python = {f"{status.value}:{age}" for status in ClaimStatus for age in AGES
              if deadlines.is_overdue(status, deadlines.answer_due(TODAY - timedelta(days=age)), TODAY)}
    assert sql_overdue(claims, TODAY) == python
    assert python  # some are overdue, some are not: the comparison means something
    assert len(python) < len(ClaimStatus) * len(AGES)


@pytest.mark.parametrize(("age", "overdue"), [(29, False), (30, False), (31, True)])
def test_the_boundary_days(claims: sqlite3.Connection, age: int, overdue: bool) -> None:
    """Day 30 is the answer date itself; day 31 is overdue (for every status that waits for an answer)."""
    found = sql_overdue(claims, TODAY)
    for status in ClaimStatus:
        expected = overdue and status not in deadlines.SETTLED
        assert (f"{status.value}:{age}" in found) == expected, status


def test_decided_column_is_the_settled_rule(claims: sqlite3.Connection) -> None:
    """`ClaimRow.decided` (no days left shown) comes from the same statuses that are never overdue."""
    select = queries.CLAIM_ROW_SELECT
    decided = select[select.index("c.status IN"):select.index("AS decided")]
    rows = dict(claims.execute(f"SELECT status, {decided} FROM claims c GROUP BY status"))
    assert {ClaimStatus(s) for s, flag in rows.items() if flag} == deadlines.SETTLED


def test_the_sample_register_and_its_rows_agree_on_the_boundary_days(sample_store) -> None:
    """Through the store: CLM-2026-0002 (filed 15.09.2026, under review) on days 29, 30 and 31."""
    rows = list(sample_store.iter_claim_rows(Filters()))
    waiting = next(r for r in rows if r.number == "CLM-2026-0002")
    for age, overdue in ((29, False), (30, False), (31, True)):
        today = waiting.filed_on + timedelta(days=age)
        in_sql = {r.number for r in sample_store.iter_claim_rows(Filters(overdue_only=True), today)}
        assert in_sql == {r.number for r in rows if r.overdue(today)}
        assert ("CLM-2026-0002" in in_sql) == overdue
        assert sample_store.count_claims(Filters(overdue_only=True), today) == len(in_sql)
        assert waiting.days_left(today) == deadlines.ANSWER_DAYS - age
