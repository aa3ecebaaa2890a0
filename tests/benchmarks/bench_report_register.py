"""Benchmark: the register of 20,000 claims against plain page-sized reportlab tables.

Run on demand (not part of pytest):

    .venv/bin/python tests/benchmarks/bench_report_register.py [--rows 20000] [--profile]

Both sides get the same 20,000 rows and write a PDF. The baseline is the cheapest way to put
them on paper: one `Table` per page with the same column widths and rows per page, the same
embedded font (Helvetica has no Cyrillic) and no other styling, on a plain canvas. The register
adds everything a clerk needs (wrapping, formats, grid, header, letterhead, "page N of M",
totals). Goal: register time <= 1.5 x baseline.

The clerk's alternative is measured beside it: the same rows in an .xlsx (written with
openpyxl, not timed) printed to PDF by LibreOffice Calc (`soffice --headless --convert-to pdf`,
Debian's `libreoffice-calc-nogui`), a warm-up conversion first. Goal: register <= Calc. Without
soffice on the PATH that side is skipped with a note.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import pstats
import random
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from datetime import date, datetime, timedelta
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from reportlab.lib.pagesizes import A4, landscape  # noqa: E402
from reportlab.lib.units import mm  # noqa: E402
from reportlab.platypus import SimpleDocTemplate, Table, TableStyle  # noqa: E402

from desktop.domain.enums import ClaimStatus  # noqa: E402
from desktop.domain.views import ClaimRow, Filters, OfficeSettings  # noqa: E402
from desktop.reports.fonts import report_fonts  # noqa: E402
from desktop.reports.register import COLUMNS, FONT_SIZE, LEADING, build_register, register_widths  # noqa: E402

SURNAMES = ["Смирнов", "Кузнецов", "Попов", "Васильев", "Петров", "Соколов", "Михайлов", "Новиков", "Фёдоров",
            "Морозов", "Волков", "Алексеев", "Лебедев", "Семёнов", "Егоров", "Павлов", "Козлов", "Степанов"]
NAMES = ["Анна Викторовна", "Игорь Петрович", "Рустам Ильдарович", "Ольга Сергеевна", "Дмитрий Иванович",
         "Ґанна Їжакова-Єрмоленко", "Наталья Александровна", "Константин Константинович"]
ORGS = ["ГУП «Водоканал Калужской области»", "ООО «Рога & Копыта» <b>", "АО «Калужская сбытовая компания»",
        "Муниципальное бюджетное общеобразовательное учреждение «Средняя общеобразовательная школа № 5»"]
DISTRICTS = ["г. Калуга", "г. Обнинск", "Боровский район", "Малоярославецкий район", "Кировский район",
             "Людиновский район", "Козельский район", "Жуковский район", "Сухиничский район",
             "Дзержинский район", "Тарусский район", "Ферзиковский район"]


def make_rows(n: int, seed: int = 7) -> list[ClaimRow]:
    """Claims that look like a region's year: mixed names, a few long ones, every status."""
    rnd = random.Random(seed)
    start = date(2026, 1, 1)
    rows = []
    for i in range(n):
        if rnd.random() < 0.1:
            claimant = rnd.choice(ORGS)
        else:
            claimant = f"{rnd.choice(SURNAMES)}{'а' if rnd.random() < 0.5 else ''} {rnd.choice(NAMES)}"
        status = rnd.choice(list(ClaimStatus))
        requested = Decimal(rnd.randrange(5_000_00, 3_000_000_00)) / 100
        approved = requested * Decimal("0.9") if status in (ClaimStatus.APPROVED, ClaimStatus.PAID) else None
        paid = approved if status is ClaimStatus.PAID else None
        decision = approved is not None or status is ClaimStatus.REJECTED
        rows.append(
            ClaimRow(
                id=str(i),
                number=f"CLM-2026-{i + 1:04d}",
                filed_on=start + timedelta(days=i * 360 // n),
                claimant=claimant,
                incident_reference=f"INC-2026-{i // 7 + 1:04d}",
                district=rnd.choice(DISTRICTS),
                status=status,
                requested=requested.quantize(Decimal("0.01")),
                approved=approved.quantize(Decimal("0.01")) if approved is not None else None,
                paid=paid.quantize(Decimal("0.01")) if paid is not None else None,
                decided=status in (ClaimStatus.APPROVED, ClaimStatus.PAID, ClaimStatus.REJECTED, ClaimStatus.WITHDRAWN),
                decision_number=f"{i + 1}-р" if decision else None,
                decision_date=start + timedelta(days=i * 360 // n + 20) if decision else None,
            )
        )
    return rows


def settings() -> OfficeSettings:
    return OfficeSettings(
        office_name="Администрация муниципального образования «Город Калуга»",
        office_address="248000, г. Калуга, ул. Ленина, д. 93",
        signatory_name="И. И. Иванов",
        signatory_position="Заместитель главы администрации",
    )


Timing = tuple[float, float]  # (wall seconds, CPU seconds of this process)


def _clock() -> Timing:
    return time.perf_counter(), time.process_time()


def _since(start: Timing) -> Timing:
    wall, cpu = _clock()
    return wall - start[0], cpu - start[1]


def run_register(rows: list[ClaimRow], out: Path) -> Timing:
    started = _clock()
    build_register(out, iter(rows), settings(), filters=Filters(), lang="ru", made_at=datetime.now().astimezone())
    return _since(started)


def plain_rows(rows: list[ClaimRow]) -> Iterator[list[str]]:
    for n, r in enumerate(rows, start=1):
        decision = f"{r.decision_number} {r.decision_date}" if r.decision_number else ""  # one line: a plain table
        yield [str(n), r.number, r.filed_on.isoformat(), r.claimant, r.incident_reference, r.district,
               r.status.value, r.answer_due.isoformat(), decision, str(r.requested or ""), str(r.approved or ""),
               str(r.paid or "")]


def run_plain(rows: list[ClaimRow], out: Path, per_page: int) -> Timing:
    started = _clock()
    fonts = report_fonts()
    page = landscape(A4)
    margin = 15 * mm
    widths = register_widths(fonts, "ru", page[0] - 2 * margin)
    style = TableStyle([("FONTNAME", (0, 0), (-1, -1), fonts.sans.regular), ("FONTSIZE", (0, 0), (-1, -1), FONT_SIZE),
                        ("LEADING", (0, 0), (-1, -1), LEADING)])
    head = [key for key, _ in COLUMNS]
    tables = []
    chunk: list[list[str]] = []
    for cells in plain_rows(rows):
        chunk.append(cells)
        if len(chunk) == per_page:
            tables.append(Table([head, *chunk], colWidths=widths, style=style))
            chunk = []
    if chunk:
        tables.append(Table([head, *chunk], colWidths=widths, style=style))
    doc = SimpleDocTemplate(str(out), pagesize=page, leftMargin=margin, rightMargin=margin, topMargin=margin,
                            bottomMargin=margin)
    doc.build(tables)
    return _since(started)


def write_xlsx(rows: list[ClaimRow], out: Path) -> None:
    """The register's columns as a clerk would keep them: header row repeated when printed, landscape."""
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    sheet = book.create_sheet("Реестр")
    sheet.print_title_rows = "1:1"
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = 9  # A4
    sheet.append([key for key, _ in COLUMNS])
    for n, r in enumerate(rows, start=1):
        decision = f"{r.decision_number} {r.decision_date:%d.%m.%Y}" if r.decision_number else None
        sheet.append([n, r.number, r.filed_on, r.claimant, r.incident_reference, r.district, r.status.value,
                      r.answer_due, decision, r.requested, r.approved, r.paid])
    book.save(out)


def run_calc(soffice: str, xlsx: Path, folder: Path, profile: Path) -> Timing:
    """A separate soffice process (as a clerk's 'print to PDF' would start one): its wall time counts."""
    started = _clock()
    subprocess.run(
        [soffice, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--convert-to", "pdf",
         "--outdir", str(folder), str(xlsx)],
        check=True, capture_output=True, timeout=600,
    )
    wall, _ = _since(started)
    return wall, wall  # the work is in another process: its CPU is not this process's


def page_count(path: Path) -> int:
    from pypdf import PdfReader

    return len(PdfReader(str(path)).pages)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=20_000)
    parser.add_argument("--repeat", type=int, default=3, help="runs of each; the best is reported")
    parser.add_argument("--profile", action="store_true", help="print the register's top functions")
    parser.add_argument("--keep", type=Path, help="folder to keep the PDFs in")
    args = parser.parse_args()

    rows = make_rows(args.rows)
    report_fonts()  # registration once, outside both timings
    folder = args.keep or Path(tempfile.mkdtemp(prefix="bench-register-"))
    folder.mkdir(parents=True, exist_ok=True)
    register_pdf, plain_pdf = folder / "register.pdf", folder / "plain.pdf"

    # Warm both paths (imports, font subsetting caches) on a small run.
    run_register(rows[:200], register_pdf)
    run_plain(rows[:200], plain_pdf, 30)

    # As many single-line rows as fill a page, so that each plain table is one page, unsplit.
    row_height = LEADING + 6  # reportlab's default paddings are 3 pt above and below
    per_page = int((landscape(A4)[1] - 30 * mm) // row_height) - 1
    # Interleaved runs, best of each: other work on the machine then weighs on both alike.
    register_times: list[Timing] = []
    plain_times: list[Timing] = []
    for _ in range(args.repeat):
        register_times.append(run_register(rows, register_pdf))
        plain_times.append(run_plain(rows, plain_pdf, per_page))

    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    calc_times: list[Timing] = []
    if soffice:
        xlsx = folder / "calc.xlsx"
        write_xlsx(rows, xlsx)
        profile = folder / "lo-profile"
        small = folder / "small.xlsx"
        write_xlsx(rows[:50], small)
        run_calc(soffice, small, folder, profile)  # warm-up: the first start creates the profile
        for _ in range(args.repeat):
            calc_times.append(run_calc(soffice, xlsx, folder, profile))
            register_times.append(run_register(rows, register_pdf))

    print(f"rows: {args.rows:,}  register pages: {page_count(register_pdf)}  "
          f"plain pages: {page_count(plain_pdf)} ({per_page} rows each)")
    verdict = 0
    for what, index in (("wall", 0), ("CPU", 1)):
        best_register = min(t[index] for t in register_times)
        best_plain = min(t[index] for t in plain_times)
        ratio = best_register / best_plain
        runs = ", ".join(f"{t[index]:.2f}" for t in register_times)
        plain_runs = ", ".join(f"{t[index]:.2f}" for t in plain_times)
        print(f"{what:>4}: register {best_register:.2f} s (runs {runs}); plain {best_plain:.2f} s (runs {plain_runs}); "
              f"ratio {ratio:.2f} x  (goal <= 1.5 x: {'met' if ratio <= 1.5 else 'MISSED'})")
        verdict |= ratio > 1.5
    if calc_times:
        best_calc = min(t[0] for t in calc_times)
        best_register = min(t[0] for t in register_times)
        ratio = best_register / best_calc
        print(f"Calc: soffice printing the same rows from xlsx {best_calc:.2f} s "
              f"(runs {', '.join(f'{t[0]:.2f}' for t in calc_times)}, {page_count(folder / 'calc.pdf')} pages); "
              f"register {best_register:.2f} s wall: ratio {ratio:.2f} x  (goal <= 1.0 x: {'met' if ratio <= 1.0 else 'MISSED'})")
        verdict |= ratio > 1.0
    else:
        print("Calc: soffice is not installed (apt-get install libreoffice-calc-nogui): the side-by-side is skipped")
    if args.keep:
        print(f"PDFs in {folder}")

    if args.profile:
        profiler = cProfile.Profile()
        profiler.enable()
        run_register(rows, register_pdf)
        profiler.disable()
        out = io.StringIO()
        pstats.Stats(profiler, stream=out).sort_stats("cumulative").print_stats(30)
        print(out.getvalue())
    return verdict


if __name__ == "__main__":
    raise SystemExit(main())
