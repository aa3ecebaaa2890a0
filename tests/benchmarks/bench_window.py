"""The incident register over a million incidents: the window against the bare SQL for the same rows.

Run on demand: `.venv/bin/python tests/benchmarks/bench_window.py [INCIDENTS]` (default 1,000,000).
The database is built once through `Store.apply` in batches of 10,000 (numbering, audit and the
search index included, as an import would write them) and cached under the temporary folder
(`incident-log-bench-<N>.sqlite3`) for later runs.

Each measurement is the median of several runs, in the same process and on the same warm file:

- **open**: what the register does when it appears: `IncidentRegisterModel` counts the rows
  and the view asks `data()` for the first screen (30 rows × every column), through the store,
  the row objects and the display texts;
- **filter**: the same after choosing a district in the filter bar (a model reset);
- **search**: the same after typing a word (the full-text index);
- **scroll**: a jump to the middle of the register (a page fetched at OFFSET 500,000).

Beside each, the **bare SQL**: the same COUNT and the same page of the same columns, hand-written
and run through the `sqlite3` module straight into tuples, on a connection with the app's page
cache. The goal is the window within 1.5×; "extra" is what the window adds in absolute terms
(row objects, display texts, one `data()` call per cell through the Python binding).
"""

from __future__ import annotations

import os
import random
import sqlite3
import statistics
import sys
import tempfile
import time
import uuid
from collections.abc import Callable
from datetime import datetime, timedelta, timezone
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication  # noqa: E402

from desktop.domain.districts import KALUGA_DISTRICTS  # noqa: E402
from desktop.domain.enums import IncidentKind, IncidentStatus, Severity  # noqa: E402
from desktop.domain.models import Incident, Vehicle  # noqa: E402
from desktop.domain.views import Filters  # noqa: E402
from desktop.storage import SEARCH_LIMIT, Change, ChangeSet, Store  # noqa: E402
from desktop.storage.sqlite.search_query import match_expression  # noqa: E402
from desktop.ui import i18n  # noqa: E402
from desktop.ui.models.registers import IncidentRegisterModel  # noqa: E402

GOAL = 1.5
BATCH = 10_000
SCREEN_ROWS = 30  # rows a 1366×768 window shows at once
RUNS = 7
MSK = timezone(timedelta(hours=3))
PLATE_LETTERS = "АВЕКМНОРСТУХ"
STREETS = ("улица Ленина", "улица Гагарина", "Садовая улица", "улица Кирова", "Полевая улица", "улица Мира",
           "Лесная улица", "Школьная улица", "Набережная улица", "улица Циолковского")
SEARCH_WORD = "Циолковского"  # in about one location in ten: a search with many hits
DISTRICT = "Боровский район"


def fill(store: Store, total: int) -> None:
    rng = random.Random(2026)
    start = datetime(2022, 1, 1, tzinfo=MSK)
    span = int((datetime(2026, 11, 1, tzinfo=MSK) - start).total_seconds())
    made = 0
    began = time.perf_counter()
    while made < total:
        changes = ChangeSet()
        for _ in range(made, min(total, made + BATCH)):
            vehicles = []
            if rng.random() < 0.3:
                letters = "".join(rng.choice(PLATE_LETTERS) for _ in range(3))
                vehicles.append(Vehicle(
                    id=str(uuid.UUID(int=rng.getrandbits(128), version=4)), make=rng.choice(("Lada", "Kia", "Hyundai")),
                    damage="разбито стекло", severity=Severity.MINOR,
                    plate=f"{letters[0]}{rng.randrange(1, 1000):03d}{letters[1:]}40"))
            incident = Incident(
                id=str(uuid.UUID(int=rng.getrandbits(128), version=4)),
                kind=rng.choice((IncidentKind.UAV_DEBRIS, IncidentKind.UAV_DEBRIS, IncidentKind.UAV_STRIKE, IncidentKind.OTHER)),
                occurred_at=start + timedelta(seconds=rng.randrange(span)),
                region="Калужская область", district=rng.choice(KALUGA_DISTRICTS),
                location=f"{rng.choice(STREETS)}, дом {rng.randrange(1, 200)}",
                status=IncidentStatus.CLOSED if rng.random() < 0.7 else IncidentStatus.OPEN,
                vehicles=vehicles,
            )
            changes.incidents.append(Change(incident))
        store.apply(changes)
        made += len(changes.incidents)
        rate = made / (time.perf_counter() - began)
        print(f"\r  {made:>9,} incidents written ({rate:,.0f}/s)", end="", flush=True)
    print()


def database(total: int) -> Path:
    path = Path(tempfile.gettempdir()) / f"incident-log-bench-{total}.sqlite3"
    if path.exists():
        with Store.open(path) as store:
            if store.count_incidents() == total:
                return path
        for suffix in ("", "-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
    print(f"Building {path} with {total:,} incidents (once; later runs reuse it)…")
    with Store.open(path) as store:
        fill(store, total)
        store.db.conn.execute("PRAGMA optimize")
        store.db.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return path


# ---- the bare SQL: the same rows and columns, hand-written ------------------------------------
ROW = """SELECT i.id, i.reference, i.occurred_at, i.kind, i.region, i.district, i.location, i.status,
  (SELECT COUNT(*) FROM vehicles v WHERE v.incident_id = i.id),
  (SELECT COUNT(*) FROM properties p WHERE p.incident_id = i.id),
  (SELECT COUNT(*) FROM claims c WHERE c.incident_id = i.id)
FROM incidents i"""
# The register keeps the latest SEARCH_LIMIT matches of a search (a word in every record would
# otherwise cost seconds per keystroke), found by their own documents or their claims'; the bare
# SQL asks for the same rows.
_HITS = ("SELECT d.record_id FROM search_index JOIN search_docs d ON d.doc = search_index.rowid "
         "WHERE search_index MATCH ?1 AND d.record_kind = '{}' ORDER BY search_index.rowid DESC LIMIT " + str(SEARCH_LIMIT))
_LATEST_CLAIMS = ("SELECT d.record_id FROM (SELECT rowid AS doc FROM search_index WHERE search_index MATCH ?1 "
                  f"ORDER BY rowid DESC LIMIT {SEARCH_LIMIT}) AS latest JOIN search_docs d ON d.doc = latest.doc "
                  "WHERE d.record_kind = 'claim'")
SEARCH = (f"i.id IN (SELECT record_id FROM ({_HITS.format('incident')}) "
          f"UNION SELECT c.incident_id FROM claims c WHERE c.id IN ({_LATEST_CLAIMS}))")


def bare(conn: sqlite3.Connection, where: str, params: tuple, offset: int = 0) -> int:
    count = conn.execute(f"SELECT COUNT(*) FROM incidents i{where}", params).fetchone()[0]
    rows = conn.execute(f"{ROW}{where} ORDER BY i.occurred_utc DESC, i.rowid DESC LIMIT ? OFFSET ?",
                        (*params, SCREEN_ROWS, offset)).fetchall()
    assert len(rows) == min(SCREEN_ROWS, max(count - offset, 0))
    return count


def screen(model: IncidentRegisterModel, first_row: int) -> list:
    """The cells of one screen. A view makes its indexes in C++; made once here, so that the
    Python binding's cost of `model.index()` is not counted against the model."""
    return [model.index(r, c) for r in range(first_row, first_row + SCREEN_ROWS) for c in range(model.columnCount())]


def window(model: IncidentRegisterModel, filters: Filters, cells: list) -> int:
    """A model reset for `filters`, then the display text of every cell of the first screen."""
    model.set_filters(filters)
    model.reload()  # set_filters skips an unchanged filter: always count and fetch again
    rows = model.rowCount()
    for index in cells:
        if index.row() < rows:
            model.data(index)
    return rows


def scroll(model: IncidentRegisterModel, cells: list) -> int:
    model.forget_rows()  # the page is not cached: fetched from SQL, as after a long drag
    for index in cells:
        model.data(index)
    return model.rowCount()


def median(run: Callable[[], int]) -> tuple[float, int]:
    times, result = [], 0
    run()  # warm-up: the same pages of the file in the OS cache for both sides
    for _ in range(RUNS):
        began = time.perf_counter()
        result = run()
        times.append(time.perf_counter() - began)
    return statistics.median(times), result


def main() -> int:
    total = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000
    path = database(total)
    app = QApplication.instance() or QApplication([])
    i18n.install("ru")
    store = Store.open(path)
    conn = sqlite3.connect(path)
    # The same page cache as the app's connection, so both sides read the same warm pages.
    conn.execute(f"PRAGMA cache_size = {store.db.conn.execute('PRAGMA cache_size').fetchone()[0]}")
    model = IncidentRegisterModel(store)
    middle = total // 2
    top, deep = screen(model, 0), screen(model, middle)
    cases = [
        ("open", lambda: window(model, Filters(), top), lambda: bare(conn, "", ())),
        (f"filter: {DISTRICT}", lambda: window(model, Filters(districts=(DISTRICT,)), top),
         lambda: bare(conn, " WHERE i.district = ?", (DISTRICT,))),
        (f"search: {SEARCH_WORD}", lambda: window(model, Filters(text=SEARCH_WORD), top),
         lambda: bare(conn, f" WHERE {SEARCH}", (match_expression(SEARCH_WORD),))),
        ("search: А12 (plates)", lambda: window(model, Filters(text="А12"), top),
         lambda: bare(conn, f" WHERE {SEARCH}", (match_expression("А12"),))),
    ]
    print(f"\nIncident register, {total:,} incidents, median of {RUNS} runs (SQLite {sqlite3.sqlite_version})")
    print(f"{'':34}{'window':>10}{'bare SQL':>11}{'ratio':>8}{'extra':>9}  rows")
    worst = 0.0
    for name, in_window, in_sql in cases:
        sql_time, sql_rows = median(in_sql)
        ui_time, ui_rows = median(in_window)
        assert ui_rows == sql_rows, (name, ui_rows, sql_rows)
        ratio = ui_time / sql_time
        worst = max(worst, ratio)
        print(f"{name:<34}{ui_time * 1000:>8.1f}ms{sql_time * 1000:>9.1f}ms{ratio:>7.2f}×"
              f"{(ui_time - sql_time) * 1000:>+7.1f}ms  {ui_rows:,}")
    # Scrolling: the page around row `middle`, not cached, against the same page in bare SQL
    # (its rows only: the count is already known while scrolling).
    window(model, Filters(), top)
    sql_time, _ = median(lambda: len(conn.execute(
        f"{ROW} ORDER BY i.occurred_utc DESC, i.rowid DESC LIMIT ? OFFSET ?", (SCREEN_ROWS, middle)).fetchall()))
    ui_time, _ = median(lambda: scroll(model, deep))
    print(f"{f'scroll to row {middle:,}':<34}{ui_time * 1000:>8.1f}ms{sql_time * 1000:>9.1f}ms{ui_time / sql_time:>7.2f}×"
          f"{(ui_time - sql_time) * 1000:>+7.1f}ms")
    print(f"\nworst ratio {worst:.2f}× (goal ≤ {GOAL}×): {'met' if worst <= GOAL else 'MISSED'}")
    store.close()
    conn.close()
    del app
    return 0 if worst <= GOAL else 1


if __name__ == "__main__":
    sys.exit(main())
