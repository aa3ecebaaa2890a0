"""Benchmark: the incident report, claim sheet and letter for every shape of log, against plain tables.

Run on demand (not part of pytest):

    .venv/bin/python tests/benchmarks/bench_report_shapes.py [--cars 20000] [--shape NAME] [--repeat 3]

Shapes: `tests/synthetic.SHAPES` with the same number of cars (10 cars per incident; all in one
incident; an incident per car; 500 cars per owner; 200 items per claim). For each, the log is
imported once (not timed), then these are built through `desktop.reports` as the command line
does (reading the store included):
- the incident report of the largest incident (one incident: 20,000 cars and 20,000 claims);
- the claim sheet and the letter asking for documents of the claim with the most items (200),
  or in the 500-cars shape of a claim by the person who owns them all.

Floor, measured in the same run: plain page-sized reportlab Tables of the same rows (the report's
tables: cars and claims, or the claim's items) as strings prepared before the clock starts, one
Table per page, the same embedded font, on a plain SimpleDocTemplate. Goal: the incident report
<= 1.5 x its floor wherever its rows dominate (>= 1,000 rows; below that the page furniture is
most of the time and the ratio says nothing); the claim sheet and letter cost what the claim
holds: their time stays flat across shapes and far below a second.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from reportlab.lib.pagesizes import A4  # noqa: E402
from reportlab.lib.units import mm  # noqa: E402
from reportlab.platypus import SimpleDocTemplate, Table, TableStyle  # noqa: E402

from desktop.domain.models import Claim, Incident  # noqa: E402
from desktop.exchange import import_file  # noqa: E402
from desktop.reports import build_report  # noqa: E402
from desktop.reports.fonts import report_fonts  # noqa: E402
from desktop.storage import Store  # noqa: E402
from tests.synthetic import SHAPES, _id, document  # noqa: E402

LEADING = 10.2
GOAL_ROWS = 1000  # the incident report's goal is judged from this many rows (cars and claims) on
FONT_SIZE = 8.5


def plain_tables(rows: list[list[str]], out: Path, width: float) -> float:
    """Seconds to lay `rows` out as one plain Table per page (the floor)."""
    started = time.perf_counter()
    fonts = report_fonts()
    style = TableStyle([("FONTNAME", (0, 0), (-1, -1), fonts.sans.regular), ("FONTSIZE", (0, 0), (-1, -1), FONT_SIZE),
                        ("LEADING", (0, 0), (-1, -1), LEADING)])
    per_page = int((A4[1] - 40 * mm) // (LEADING + 6)) - 1
    tables = []
    by_width: dict[int, list[float]] = {}
    for start in range(0, len(rows), per_page):
        chunk = rows[start : start + per_page]
        cols = len(chunk[0])
        widths = by_width.setdefault(cols, [width / cols] * cols)
        tables.append(Table(chunk, colWidths=widths, style=style))
    doc = SimpleDocTemplate(str(out), pagesize=A4, leftMargin=25 * mm, rightMargin=15 * mm, topMargin=20 * mm,
                            bottomMargin=20 * mm)
    doc.build(tables)
    return time.perf_counter() - started


def incident_rows(incident: Incident, claims: list[Claim]) -> list[list[str]]:
    rows = [[str(n), f"{v.make} {v.model}", v.plate or "", v.owner_id or "", v.damage, str(v.severity),
             str(v.estimated_cost)] for n, v in enumerate(incident.vehicles, start=1)]
    rows += [[str(n), c.number or "", c.filed_on.isoformat(), c.claimant_id, str(c.status), str(c.requested_amount),
              "", ""] for n, c in enumerate(claims, start=1)]
    return rows


def claim_rows(claim: Claim, incident: Incident) -> list[list[str]]:
    by_id = {v.id: v for v in incident.vehicles}
    return [[str(n), f"{by_id[i].make} {by_id[i].model}\n{by_id[i].plate}", by_id[i].owner_id or "", by_id[i].damage,
             str(by_id[i].severity), str(by_id[i].estimated_cost)] for n, i in enumerate(claim.items, start=1)]


def best(repeat: int, run: Callable[[], float | None]) -> float:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        took = run()
        times.append(took if took is not None else time.perf_counter() - started)
    return min(times)


def measure(name: str, cars: int, repeat: int, folder: Path) -> bool:
    """Print one shape's lines; True when the incident report missed its goal."""
    width = A4[0] - 40 * mm
    source = folder / f"{name}.json"
    source.write_text(json.dumps(document(cars, **SHAPES[name]), ensure_ascii=False), encoding="utf-8")
    store = Store.open(folder / f"{name}.sqlite3")
    import_file(store, source)
    claim = store.get_claim(_id("claim", 0))  # the first claim: the most items, or the 500-car owner's
    assert claim is not None and claim.number
    incident = store.get_incident(claim.incident_id)
    assert incident is not None and incident.reference
    claims = store.claims_for_incident(incident.id)
    out = folder / "out.pdf"
    floor_out = folder / "floor.pdf"

    rows = incident_rows(incident, claims)
    plain_tables(rows[:50], floor_out, width)  # warm-up
    reference = incident.reference
    report = best(repeat, lambda: build_report(store, "incident", out, reference=reference) and None)
    floor = best(repeat, lambda: plain_tables(rows, floor_out, width))
    ratio = report / floor
    # A report of a few rows is its fixed cost (letterhead, fonts, details, totals): the goal is
    # about how the cost grows, so it is judged where the rows dominate.
    judged = len(rows) >= GOAL_ROWS
    verdict = f"goal <= 1.5: {'met' if ratio <= 1.5 else 'MISSED'}" if judged else "fixed cost, not judged"
    print(f"{name:<22} {'incident':<18} {report:8.3f} {floor:8.3f} {ratio:6.2f}  {len(rows)} rows  ({verdict})",
          flush=True)

    items = claim_rows(claim, incident)
    number = claim.number
    for kind in ("claim", "request-documents"):
        took = best(repeat, lambda kind=kind: build_report(store, kind, out, number=number) and None)
        floor = best(repeat, lambda: plain_tables(items, floor_out, width))
        print(f"{name:<22} {kind:<18} {took:8.3f} {floor:8.3f} {took / floor:6.2f}  {len(items)} items, "
              f"incident of {len(incident.vehicles)} cars", flush=True)
    store.close()
    return judged and ratio > 1.5


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cars", type=int, default=20_000)
    parser.add_argument("--shape", choices=list(SHAPES), action="append")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    report_fonts()
    folder = Path(tempfile.mkdtemp(prefix="bench-report-shapes-"))
    print(f"{'shape':<22} {'report':<18} {'seconds':>8} {'floor':>8} {'ratio':>6}  rows")
    missed = [measure(name, args.cars, args.repeat, folder) for name in args.shape or list(SHAPES)]
    return int(any(missed))


if __name__ == "__main__":
    raise SystemExit(main())
