"""A log on a PostgreSQL server under an office's load, on the tests' own throwaway server.

Run on demand: `.venv/bin/python tests/benchmarks/bench_postgres.py [INCIDENTS] [SECONDS]`
(defaults 1,000,000 and 30). Two parts:

1. **Clerks saving at once**: five clerk processes, each with its own connection, save new claims
   (numbered by the server, audited, indexed) for SECONDS; printed: saves per second, p50/p95/max
   save latency (goal p95 under 100 ms), and whether any number was lost or given twice (the
   claims in the log against the saves the clerks counted, every number once).
2. **The incidents register over INCIDENTS incidents** (written straight with SQL, with their
   search documents, since building a million through the store would take the run's hour):
   the window's register model (count and the first screen's display texts) on open, after a
   district filter and after a search word, beside the bare SQL of the same COUNT and page through
   psycopg into tuples, medians of several runs in the same process (goal ≤ 1.5×).
3. **An import of 20,000 cars into a server log** (`--import-cars`, 0 skips it), each with its
   owner's claim, in the shapes that cost the most (one incident of every car, an incident per
   car): claims per second, beside the import of the same file into a SQLite file in the same run.
"""

from __future__ import annotations

import multiprocessing
import os
import statistics
import sys
import time
import uuid
from dataclasses import replace
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

CLERKS = 5
GOAL_P95_MS = 100
GOAL_RATIO = 1.5
RUNS = 7
SCREEN_ROWS = 30
DISTRICT = "Боровский район"
SEARCH_WORD = "Циолковского"
DISTRICTS = ("г. Калуга", "г. Обнинск", "Боровский район", "Малоярославецкий район", "Жуковский район",
             "Козельский район", "Людиновский район", "Сухиничский район", "Тарусский район", "Дзержинский район")
STREETS = ("улица Ленина", "улица Гагарина", "Садовая улица", "улица Кирова", "Полевая улица", "улица Мира",
           "Лесная улица", "Школьная улица", "Набережная улица", "улица Циолковского")


def clerk(url: str, claim_template: object, seconds: float, queue: multiprocessing.Queue) -> None:
    from desktop.storage import open_store

    latencies: list[float] = []
    with open_store(url) as store:
        end = time.perf_counter() + seconds
        while time.perf_counter() < end:
            claim = replace(claim_template, id=str(uuid.uuid4()), number=None, version=0)  # type: ignore[type-var]
            began = time.perf_counter()
            store.save_claim(claim, enforce_transition=False)
            latencies.append(time.perf_counter() - began)
    queue.put(latencies)


def saves(server: object, seconds: float) -> bool:
    from desktop.exchange import import_file
    from desktop.storage import open_store
    from tests.samples import sample

    url = server.new_database()  # type: ignore[attr-defined]
    with open_store(url) as store:
        import_file(store, sample("sample-kaluga-2026-09-v2.json"))
        template = store.get_claim_by_number("CLM-2026-0002")
        template = replace(template, decision=None, payment=None, filed_on=date(2026, 9, 20), registered_on=None,
                           extension=None)
        before = store.count_claims()
    spawn = multiprocessing.get_context("spawn")  # each clerk its own process, connection and login session
    queue = spawn.Queue()
    workers = [spawn.Process(target=clerk, args=(url, template, seconds, queue)) for _ in range(CLERKS)]
    for w in workers:
        w.start()
    latencies = [x for _ in workers for x in queue.get()]
    for w in workers:
        w.join()
    with open_store(url) as store:
        numbers = [r["number"] for r in store._rows("SELECT number FROM claims")]  # type: ignore[attr-defined]
        stored = len(numbers) - before
        problems = store.check()
    latencies.sort()
    p50 = statistics.median(latencies) * 1000
    p95 = latencies[int(len(latencies) * 0.95)] * 1000
    unique = len(set(numbers)) == len(numbers)
    print(f"\n{CLERKS} clerks saving new claims for {seconds:.0f} s on one server")
    print(f"  saves: {len(latencies):,} ({len(latencies) / seconds:,.0f}/s); stored: {stored:,}; "
          f"numbers unique: {unique}; check: {'whole' if not problems else problems[:2]}")
    print(f"  latency: p50 {p50:.1f} ms, p95 {p95:.1f} ms, max {latencies[-1] * 1000:.1f} ms (goal p95 < {GOAL_P95_MS} ms)")
    return p95 < GOAL_P95_MS and unique and stored == len(latencies) and not problems


FILL = """
INSERT INTO incidents (id, reference, kind, occurred_at, occurred_utc, occurred_on, region, district, location, status)
SELECT md5(g::text)::uuid::text, 'INC-2024-' || lpad(g::text, 7, '0'), 'uav_debris',
       to_char(t.ts AT TIME ZONE 'Europe/Moscow', 'YYYY-MM-DD"T"HH24:MI:SS') || '+03:00', t.ts,
       (t.ts AT TIME ZONE 'Europe/Moscow')::date, 'Калужская область', (%(districts)s::text[])[1 + g %% 10],
       (%(streets)s::text[])[1 + (g / 7) %% 10] || ', ' || (g %% 200 + 1), 'open'
FROM generate_series(1, %(total)s) AS g,
     LATERAL (SELECT timestamptz '2024-01-01 00:00+03' + g * interval '1 minute') AS t(ts)
"""
DOCS = """
INSERT INTO search_docs (doc, record_kind, record_id, body)
SELECT rowid, 'incident', id, lower((reference || ' ' || region || ' ' || district || ' ' || location) COLLATE "und-x-icu")
FROM incidents
"""
WORDS = """
INSERT INTO search_index (doc, part, words)
SELECT doc, 0, regexp_replace(body, '[ ,.-]+', ' ', 'g') FROM search_docs  -- the words SQLite's tokenizer cuts here
"""


def register(server: object, total: int) -> bool:
    import psycopg
    from PySide6.QtWidgets import QApplication

    from desktop.domain.views import Filters
    from desktop.storage import SEARCH_LIMIT, open_store
    from desktop.ui import i18n
    from desktop.ui.models.registers import IncidentRegisterModel

    url = server.new_database()  # type: ignore[attr-defined]
    conn = psycopg.connect(url, autocommit=True)
    began = time.perf_counter()
    conn.execute(FILL, {"districts": list(DISTRICTS), "streets": list(STREETS), "total": total})
    conn.execute(DOCS)
    conn.execute(WORDS)
    conn.execute("VACUUM ANALYZE")
    print(f"\n{total:,} incidents written with SQL in {time.perf_counter() - began:.0f} s")
    app = QApplication.instance() or QApplication([])
    i18n.install("ru")
    store = open_store(url)
    model = IncidentRegisterModel(store)
    cells = [model.index(r, c) for r in range(SCREEN_ROWS) for c in range(model.columnCount())]
    row = ("SELECT i.id, i.reference, i.occurred_at, i.kind, i.region, i.district, i.location, i.status, "
           "(SELECT COUNT(*) FROM vehicles v WHERE v.incident_id = i.id), "
           "(SELECT COUNT(*) FROM properties p WHERE p.incident_id = i.id), "
           "(SELECT COUNT(*) FROM claims c WHERE c.incident_id = i.id) FROM incidents i")
    def hits(kind: str) -> str:
        return ("SELECT d.record_id FROM search_docs d WHERE d.doc IN (SELECT doc FROM search_index "
                f"WHERE tsv @@ to_tsquery('simple', quote_literal(%s) || ':*')) AND d.record_kind = '{kind}' "
                f"ORDER BY d.doc DESC LIMIT {SEARCH_LIMIT}")

    # incidents by their own documents or the claims among the latest documents (`queries.incident_search_hits`)
    latest_claims = ("SELECT d.record_id FROM search_docs d WHERE d.doc IN (SELECT doc FROM (SELECT doc FROM search_index "
                     "WHERE tsv @@ to_tsquery('simple', quote_literal(%s) || ':*')) AS matched "
                     f"ORDER BY doc DESC LIMIT {SEARCH_LIMIT}) AND d.record_kind = 'claim'")
    search = (f"i.id IN (SELECT record_id FROM ({hits('incident')}) AS incident_hits "
              f"UNION SELECT c.incident_id FROM claims c WHERE c.id IN ({latest_claims}))")

    def bare(where: str, params: tuple) -> int:
        count = conn.execute(f"SELECT COUNT(*) FROM incidents i{where}", params).fetchone()[0]
        conn.execute(f"{row}{where} ORDER BY i.occurred_utc DESC, i.rowid DESC LIMIT %s", (*params, SCREEN_ROWS)).fetchall()
        return int(count)

    def window(filters: Filters) -> int:
        model.set_filters(filters)
        model.reload()
        rows = model.rowCount()
        for index in cells:
            if index.row() < rows:
                model.data(index)
        return rows

    def median(run: object) -> tuple[float, int]:
        run()  # type: ignore[operator]
        times, result = [], 0
        for _ in range(RUNS):
            began = time.perf_counter()
            result = run()  # type: ignore[operator]
            times.append(time.perf_counter() - began)
        return statistics.median(times), result

    cases = [
        ("open", lambda: window(Filters()), lambda: bare("", ())),
        (f"filter: {DISTRICT}", lambda: window(Filters(districts=(DISTRICT,))), lambda: bare(" WHERE i.district = %s", (DISTRICT,))),
        (f"search: {SEARCH_WORD}", lambda: window(Filters(text=SEARCH_WORD)), lambda: bare(f" WHERE {search}", (SEARCH_WORD.lower(),) * 2)),
    ]
    print(f"incident register on PostgreSQL {conn.info.server_version}, median of {RUNS} runs")
    print(f"{'':34}{'window':>10}{'bare SQL':>11}{'ratio':>8}  rows")
    worst = 0.0
    for name, in_window, in_sql in cases:
        sql_time, sql_rows = median(in_sql)
        ui_time, ui_rows = median(in_window)
        assert ui_rows == sql_rows, (name, ui_rows, sql_rows)
        ratio = ui_time / sql_time
        worst = max(worst, ratio)
        print(f"{name:<34}{ui_time * 1000:>8.1f}ms{sql_time * 1000:>9.1f}ms{ratio:>7.2f}×  {ui_rows:,}")
    print(f"worst ratio {worst:.2f}× (goal ≤ {GOAL_RATIO}×): {'met' if worst <= GOAL_RATIO else 'MISSED'}")
    store.close()
    conn.close()
    del app
    return worst <= GOAL_RATIO


def imports(server: object, cars: int) -> None:
    import json
    import tempfile

    from desktop.exchange import import_file
    from desktop.storage import open_store
    from tests.synthetic import document

    print(f"\nimport of {cars:,} cars, each with its owner's claim: a server log beside a SQLite file")
    with tempfile.TemporaryDirectory() as tmp:
        for name, per_incident in (("one incident", None), ("an incident per car", 1)):
            source = Path(tmp) / f"{per_incident}.json"
            source.write_text(json.dumps(document(cars, vehicles_per_incident=per_incident), ensure_ascii=False),
                              encoding="utf-8")
            took = {}
            for side, where in (("server", server.new_database()), ("file", Path(tmp) / f"{per_incident}.sqlite3")):  # type: ignore[attr-defined]
                with open_store(where) as store:
                    began = time.perf_counter()
                    import_file(store, source)
                    took[side] = time.perf_counter() - began
            print(f"  {name:<20} server {took['server']:6.2f} s ({cars / took['server']:7,.0f} claims/s)   "
                  f"file {took['file']:5.2f} s ({cars / took['file']:7,.0f} claims/s)   {took['server'] / took['file']:.2f}×")


def main() -> int:
    import argparse

    from tests import pg_server

    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("incidents", nargs="?", type=int, default=1_000_000)
    parser.add_argument("seconds", nargs="?", type=float, default=30.0)
    parser.add_argument("--import-cars", type=int, default=20_000)
    args = parser.parse_args()
    server = pg_server.start()
    if isinstance(server, str):
        print(f"no PostgreSQL server: {server}")
        return 1
    try:
        ok = saves(server, args.seconds)
        ok = register(server, args.incidents) and ok
        if args.import_cars:
            imports(server, args.import_cars)
    finally:
        server.stop()
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
