"""Import speed: 20,000 claims, each with its own person and vehicle, into an empty database.

Run on demand: `.venv/bin/python tests/benchmarks/bench_import.py [CLAIMS]`. Prints claims per
second for the whole import (reading the file, checking it, writing it), and beside it, measured in the
same run, a baseline: the same rows written with bare `executemany` into the same schema and no
checks, audit or search index, so the ratio shows what validation and bookkeeping cost.
"""

from __future__ import annotations

import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from desktop.exchange import import_file, plan_import  # noqa: E402
from desktop.storage import Store, rows  # noqa: E402
from tests.synthetic import document  # noqa: E402

GOAL = 5000  # claims per second on the 2-core office machine


def import_once(source: Path, folder: Path, n: int) -> float:
    """What `incident-log import FILE.json` does: read, check everything, write in one transaction."""
    with Store.open(folder / f"import-{n}.sqlite3") as store:
        start = time.perf_counter()
        import_file(store, source)
        return time.perf_counter() - start


def bare_once(doc: dict, folder: Path, n: int) -> float:
    """The same records as rows, inserted with executemany in one transaction: the floor."""
    with Store.open(folder / f"bare-{n}.sqlite3") as store:
        changes, _ = plan_import(store, doc)  # parsing is not timed here
        people = [c.record for c in changes.people]
        incidents = [c.record for c in changes.incidents]
        claims = [c.record for c in changes.claims]
        for i, incident in enumerate(incidents):
            incident.reference = f"INC-2026-{i + 1:05d}"
        for i, claim in enumerate(claims):
            claim.number = f"CLM-2026-{i + 1:05d}"
        conn = store.db.conn
        start = time.perf_counter()
        conn.execute("BEGIN")
        for table, records in (
            ("people", [rows.person_row(p) for p in people]),
            ("incidents", [rows.incident_row(i) for i in incidents]),
            ("vehicles", [rows.vehicle_row(v, i.id, n) for i in incidents for n, v in enumerate(i.vehicles)]),
            ("claims", [rows.claim_row(c) for c in claims]),
            ("claim_items", [{"claim_id": c.id, "position": n, "item_id": x} for c in claims for n, x in enumerate(c.items)]),
            ("claim_documents", [rows.document_row(d, c.id, n) for c in claims for n, d in enumerate(c.documents)]),
        ):
            columns = list(records[0])
            conn.executemany(
                f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})",
                [tuple(r[c] for c in columns) for r in records],
            )
        conn.execute("COMMIT")
        return time.perf_counter() - start


def main() -> None:
    claims = int(sys.argv[1]) if len(sys.argv) > 1 else 20_000
    doc = document(claims)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        source = folder / "claims.json"
        source.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
        ours = [import_once(source, folder, n) for n in range(3)]
        bare = [bare_once(doc, folder, n) for n in range(3)]
    best, floor = min(ours), min(bare)
    print(f"import of {claims} claims ({claims} people, {claims} vehicles, {len(doc['incidents'])} incidents)")
    print(f"  incident-log import: best {best:.2f} s, median {statistics.median(ours):.2f} s -> {claims / best:,.0f} claims/s (goal {GOAL:,})")
    print(f"  bare executemany:    best {floor:.2f} s -> {claims / floor:,.0f} claims/s")
    print(f"  ratio import / bare: {best / floor:.2f}x")


if __name__ == "__main__":
    main()
