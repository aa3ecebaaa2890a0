"""Benchmark: the register of 20,000 incidents as PDF (`report incidents`), reading the log included.

Run on demand (not part of pytest):

    .venv/bin/python tests/benchmarks/bench_report_incidents.py [--incidents 20000] [--repeat 3]

The log holds `--incidents` incidents, each with one car and its owner's claim (imported once,
not timed). Timed, interleaved, best of `--repeat`:
- the register through `desktop.reports.build_report(store, "incidents", …)` as the command line
  and the window build it (the store's `iter_incident_rows`: counts and estimated sums per
  incident in SQL), in the window's default order (by date, latest first) and by district;
- the same for half the incidents (a district filter selecting half), to show the time grows in
  proportion to the rows (goal: the full register <= 2.2 x the half one);
- the floor: the same rows read from the store, then plain page-sized reportlab Tables of them as
  strings, one Table per page, the same embedded font, on a plain SimpleDocTemplate (goal: the
  register <= 1.5 x its floor).
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

from reportlab.lib.pagesizes import A4, landscape  # noqa: E402
from reportlab.lib.units import mm  # noqa: E402
from reportlab.platypus import SimpleDocTemplate, Table, TableStyle  # noqa: E402

from desktop.domain.views import Filters  # noqa: E402
from desktop.exchange import import_file  # noqa: E402
from desktop.reports import build_report  # noqa: E402
from desktop.reports.fonts import report_fonts  # noqa: E402
from desktop.reports.incidents_register import incidents_widths  # noqa: E402
from desktop.reports.register import FONT_SIZE, LEADING  # noqa: E402
from desktop.storage import Store  # noqa: E402
from tests.synthetic import DISTRICTS, document  # noqa: E402


def best(repeat: int, run: Callable[[], float]) -> tuple[float, list[float]]:
    times = [run() for _ in range(repeat)]
    return min(times), times


def plain(store: Store, filters: Filters, out: Path) -> float:
    started = time.perf_counter()
    rows = [[str(n), r.reference, r.occurred_at.strftime("%d.%m.%Y"), r.district, r.location, r.kind.value,
             r.status.value, str(r.vehicles), str(r.properties), str(r.claims), str(r.estimated or "")]
            for n, r in enumerate(store.iter_incident_rows(filters, sort="occurred_at", descending=True), start=1)]
    fonts = report_fonts()
    page = landscape(A4)
    margin = 15 * mm
    widths = incidents_widths(fonts, "ru", page[0] - 2 * margin)
    style = TableStyle([("FONTNAME", (0, 0), (-1, -1), fonts.sans.regular), ("FONTSIZE", (0, 0), (-1, -1), FONT_SIZE),
                        ("LEADING", (0, 0), (-1, -1), LEADING)])
    per_page = int((page[1] - 30 * mm) // (LEADING + 6)) - 1
    tables = [Table([["№"] * len(widths), *rows[i:i + per_page]], colWidths=widths, style=style)
              for i in range(0, len(rows), per_page)]
    SimpleDocTemplate(str(out), pagesize=page, leftMargin=margin, rightMargin=margin, topMargin=margin,
                      bottomMargin=margin).build(tables)
    return time.perf_counter() - started


def register(store: Store, filters: Filters, out: Path, sort: str) -> float:
    started = time.perf_counter()
    build_report(store, "incidents", out, filters=filters, lang="ru", sort=sort, descending=True)
    return time.perf_counter() - started


def pages(path: Path) -> int:
    from pypdf import PdfReader

    return len(PdfReader(str(path)).pages)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--incidents", type=int, default=20_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()

    folder = Path(tempfile.mkdtemp(prefix="bench-incidents-"))
    source = folder / "log.json"
    source.write_text(json.dumps(document(args.incidents, 1), ensure_ascii=False), encoding="utf-8")
    store = Store.open(folder / "log.sqlite3")
    began = time.perf_counter()
    import_file(store, source)
    print(f"log: {args.incidents:,} incidents, each with a car and a claim (imported in {time.perf_counter() - began:.1f} s)")
    half = Filters(districts=tuple(DISTRICTS[::2]))  # every second district: half the incidents
    every = Filters()
    assert store.count_incidents(half) * 2 == store.count_incidents(every)
    report_fonts()
    register(store, Filters(districts=("г. Калуга",)), folder / "warm.pdf", "occurred_at")  # imports, fonts

    results = {}
    for name, run in (
        ("register, by date", lambda: register(store, every, folder / "all.pdf", "occurred_at")),
        ("register, by district", lambda: register(store, every, folder / "district.pdf", "district")),
        ("register of half, by date", lambda: register(store, half, folder / "half.pdf", "occurred_at")),
        ("plain tables (floor)", lambda: plain(store, every, folder / "plain.pdf")),
    ):
        results[name] = best(args.repeat, run)
        low, times = results[name]
        print(f"{name:<28} {low:6.2f} s  (runs {', '.join(f'{t:.2f}' for t in times)})")
    full, half_time, floor = results["register, by date"][0], results["register of half, by date"][0], \
        results["plain tables (floor)"][0]
    print(f"pages: register {pages(folder / 'all.pdf')}, half {pages(folder / 'half.pdf')}, plain {pages(folder / 'plain.pdf')}")
    growth, ratio = full / half_time, full / floor
    print(f"twice the rows: {growth:.2f} x the time (goal <= 2.2 x: {'met' if growth <= 2.2 else 'MISSED'}); "
          f"register / plain tables: {ratio:.2f} x (goal <= 1.5 x: {'met' if ratio <= 1.5 else 'MISSED'})")
    store.close()
    return 0 if growth <= 2.2 and ratio <= 1.5 else 1


if __name__ == "__main__":
    raise SystemExit(main())
