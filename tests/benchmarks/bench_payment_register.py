"""Benchmark: the payment register and deadline control over 20,000 claims, and marking a register paid.

Run on demand (not part of pytest):

    .venv/bin/python tests/benchmarks/bench_payment_register.py [--claims 20000] [--shape "an incident per car"]

The log holds `--claims` cars, each with its owner's claim (`tests/synthetic.document` in the
shape asked for), every claim approved with a decision and half of them with bank details; the
office caps cars at 12,000 so that some approvals are flagged. Imported once, not timed. Timed:
- `report payment-register` as PDF and as .xlsx (rows from the store, each claim's payee, bank
  details and payment-rules proposal read 500 claims at a time);
- the floor for the PDF: the same rows read from the store (`iter_claim_rows`), then plain
  page-sized reportlab Tables of them as strings on a SimpleDocTemplate;
- `report deadlines` on the same log with every claim reopened (open, by executor);
- `services.payments.mark_register_paid` of the whole register: one transaction of 20,000
  `save_claim`s with their audit entries (on a copy of the log, so each run starts unpaid),
  and the same number of bare `save_claim`s each in its own transaction as its floor.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import replace
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from reportlab.lib.pagesizes import A4, landscape  # noqa: E402
from reportlab.lib.units import mm  # noqa: E402
from reportlab.platypus import SimpleDocTemplate, Table, TableStyle  # noqa: E402

from desktop.domain.enums import ClaimStatus  # noqa: E402
from desktop.domain.views import Filters  # noqa: E402
from desktop.domain.words import day, money  # noqa: E402
from desktop.exchange import import_file  # noqa: E402
from desktop.reports import build_report  # noqa: E402
from desktop.reports.fonts import report_fonts  # noqa: E402
from desktop.services.payments import mark_register_paid, register_rows  # noqa: E402
from desktop.storage import Store  # noqa: E402
from tests.synthetic import SHAPES, document  # noqa: E402

EXECUTORS = ["Соколова Ирина Павловна", "Тихонов Глеб Романович", "Орлова Дарья Сергеевна", "Белов Антон Ильич"]


def make_log(folder: Path, claims: int, shape: str, status: str) -> Path:
    data = document(claims, **SHAPES[shape])  # type: ignore[arg-type]
    data["version"] = 2
    for n, claim in enumerate(data["claims"]):
        claim["status"] = status
        claim["executor"] = EXECUTORS[n % len(EXECUTORS)]
        if status == "approved":
            claim["decision"] = {"number": f"Р-{n}", "date": "2026-10-29", "approved_amount": claim["requested_amount"]}
            if n % 2:
                claim["documents"].append({"kind": "bank_details", "received_on": "2026-10-29"})
    source = folder / f"{status}.json"
    source.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    path = folder / f"{status}.sqlite3"
    with Store.open(path) as store:
        import_file(store, source)
        store.set_setting("office_name", "Администрация муниципального образования «Город Калуга»")
        store.set_setting("executors", EXECUTORS)
        store.set_setting("payment_rules", {"vehicle": {"minor": "12000"}})
    return path


def timed(step: Callable[[], object]) -> float:
    began = time.perf_counter()
    step()
    return time.perf_counter() - began


def floor_pdf(store: Store, out: Path) -> None:
    rows = [[r.number, day(r.filed_on, "ru"), r.claimant, r.decision_number or "", money(r.approved, "ru")]
            for r in store.iter_claim_rows(Filters(status=ClaimStatus.APPROVED))]
    fonts = report_fonts()
    doc = SimpleDocTemplate(str(out), pagesize=landscape(A4), leftMargin=15 * mm, rightMargin=15 * mm)
    style = TableStyle([("FONT", (0, 0), (-1, -1), fonts.sans.regular, 8)])
    per_page = 40
    doc.build([Table(rows[i:i + per_page], style=style) for i in range(0, len(rows), per_page)])


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--claims", type=int, default=20_000)
    parser.add_argument("--shape", default="an incident per car", choices=list(SHAPES))
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        began = time.perf_counter()
        approved = make_log(work, args.claims, args.shape, "approved")
        opened = make_log(work, args.claims, args.shape, "received")
        print(f"{args.claims} claims, {args.shape}: logs made in {time.perf_counter() - began:.1f} s (not timed)")
        with Store.open(approved) as store:
            pdf = timed(lambda: build_report(store, "payment-register", work / "pay.pdf", lang="ru"))
            xlsx = timed(lambda: build_report(store, "payment-register", work / "pay.xlsx", lang="ru"))
            floor = timed(lambda: floor_pdf(store, work / "floor.pdf"))
            from pypdf import PdfReader

            pages = len(PdfReader(str(work / "pay.pdf")).pages)
            print(f"payment register PDF:  {pdf:6.2f} s, {pages} pages ({pdf / floor:.2f}x plain tables: {floor:.2f} s)")
            print(f"payment register xlsx: {xlsx:6.2f} s, {(work / 'pay.xlsx').stat().st_size // 1024} KB")
        with Store.open(opened) as store:
            deadlines = timed(lambda: build_report(store, "deadlines", work / "deadlines.pdf", lang="ru"))
            pages = len(PdfReader(str(work / "deadlines.pdf")).pages)
            print(f"deadline control PDF:  {deadlines:6.2f} s, {pages} pages")
        copy = work / "copy.sqlite3"
        shutil.copyfile(approved, copy)
        with Store.open(copy) as store:
            expected = {row.id: row.approved for row in register_rows(store)}
            marked = timed(lambda: mark_register_paid(store, expected, paid_on=date(2026, 10, 30), reference="4512"))
            assert not list(register_rows(store))
            print(f"mark the register paid: {marked:6.2f} s for {len(expected)} claims, one transaction "
                  f"({len(expected) / marked:,.0f} claims/s)")
        shutil.copyfile(approved, copy)
        with Store.open(copy) as store:
            claims = list(store.get_claims(expected).values())

            def separately() -> None:
                for claim in claims:
                    store.save_claim(replace(claim, notes="x"))

            bare = timed(separately)
            print(f"floor: {len(claims)} save_claim, each its own transaction: {bare:6.2f} s "
                  f"(the register's one transaction: {marked / bare:.2f}x)")


if __name__ == "__main__":
    main()
