"""`incident-log selftest`: prove that an installation (a frozen build too) is whole, on the real database.

It opens the main window off screen, lists the incidents through the register model, builds each
kind of report into a temporary folder, and prints how long each step took. The clerk's database
is never changed: it is read in place (`storage.open_read_only`), or where it needs migrating, through
a snapshot (`maintenance.snapshot` reads the file without opening it for writing); and where the database holds nothing to report on (no incident, no
claim, no claim with documents missing), on a temporary database filled with the bundled sample.

It proves that the installation works; it is not a load test. Each report is built from a
bounded sample of the clerk's data (`_Sample`: at most `SAMPLE_ROWS` cars, claims or register
rows, read with bounded queries), so a log of 20,000 claims in one incident takes about as long
as an empty one.
"""

from __future__ import annotations

import logging
import os
import sys
import tempfile
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace
from itertools import islice
from pathlib import Path
from typing import Any

from .paths import resource

EXIT_OK, EXIT_FAILED, EXIT_DATABASE = 0, 1, 3

log = logging.getLogger("incident_log")
SAMPLE = ("sample", "sample-kaluga-2026-09-v2.json")  # interchange v2: an inspection, decisions, an approval
SAMPLE_ROWS = 40  # cars, claims or register rows of the clerk's data that each report is built from
LETTER_CANDIDATES = 20  # claims looked at for one with documents missing (for the letter)


class _Sample:
    """The store as the reports read it (`reports.service.ReportSource`), cut to a bounded sample.

    An incident comes with its first `limit` cars and property (and the items of the claim last
    asked for), an incident's claims and the register stop at `limit` rows, a claim keeps its
    first `limit` items: whatever the log's size or shape, the reports read and print about the
    same amount.
    """

    def __init__(self, store: Any, limit: int = SAMPLE_ROWS) -> None:
        self.store = store
        self.limit = limit
        self._claim_items: tuple[str, ...] = ()

    def settings(self) -> Any:
        return self.store.settings()

    def required_documents(self) -> Any:
        return self.store.required_documents()

    def get_person(self, person_id: str) -> Any:
        return self.store.get_person(person_id)

    def people_by_ids(self, ids: Iterable[str]) -> Any:
        return self.store.people_by_ids(ids)

    def summary_rows(self, filters: Any) -> Any:
        return self.store.summary_rows(filters)  # one row per district and status: SQL sums

    def get_incident(self, incident_id: str) -> Any:
        return self.store.incident_sample(incident_id, self.limit, self._claim_items)

    def incident_sample(self, incident_id: str, limit: int, include: Iterable[str] = ()) -> Any:
        return self.store.incident_sample(incident_id, min(limit, self.limit), include)

    def incidents_with_items(self, incident_ids: Iterable[str], item_ids: Iterable[str]) -> Any:
        return self.store.incidents_with_items(incident_ids, item_ids)  # the claims' items, cut by get_claims

    def get_incident_by_reference(self, reference: str) -> Any:
        found = self.store.incident_ids_by_reference([reference])
        return self.get_incident(found[reference]) if reference in found else None

    def get_claim_by_number(self, number: str) -> Any:
        claim = self.store.get_claim_by_number(number)
        if claim is not None and len(claim.items) > self.limit:
            claim = replace(claim, items=claim.items[: self.limit])
        self._claim_items = tuple(claim.items) if claim is not None else ()
        return claim

    def get_claims(self, ids: Iterable[str]) -> Any:
        # Asked for the rows of a bounded register (payment register, deadline control): bounded too.
        return {cid: replace(c, items=c.items[: self.limit]) if len(c.items) > self.limit else c
                for cid, c in self.store.get_claims(ids).items()}

    def claims_for_incident(self, incident_id: str) -> Any:
        return self.store.claims_for_incident(incident_id, limit=self.limit)

    def iter_claim_rows(self, filters: Any, *, sort: str | None = None, descending: bool = False) -> Iterator[Any]:
        return islice(self.store.iter_claim_rows(filters, page=self.limit, sort=sort, descending=descending), self.limit)

    def iter_incident_rows(self, filters: Any, *, sort: str | None = None, descending: bool = False) -> Iterator[Any]:
        return islice(self.store.iter_incident_rows(filters, page=self.limit, sort=sort, descending=descending), self.limit)


class _Steps:
    """Runs named steps, printing each with its time; remembers whether every one succeeded."""

    def __init__(self) -> None:
        self.ok = True
        self.started = time.perf_counter()

    def run(self, name: str, step: Callable[[], Any]) -> Any:
        began = time.perf_counter()
        try:
            result = step()
        except Exception as e:  # noqa: BLE001 - the selftest reports every failure and goes on
            self.fail(name, began, f"{type(e).__name__}: {e}")
            log.exception("selftest step failed: %s", name)  # the traceback goes to the log file
            return None
        detail = f"  {result}" if isinstance(result, str) and result else ""
        print(f"ok    {name:<44} {time.perf_counter() - began:7.3f} s{detail}", flush=True)
        return result

    def fail(self, name: str, began: float, why: str) -> None:
        self.ok = False
        print(f"FAIL  {name:<44} {time.perf_counter() - began:7.3f} s  {why}", flush=True)

    def total(self) -> float:
        return time.perf_counter() - self.started


def _prepare_qt() -> None:
    # Off screen whatever the session: the selftest must not show windows (and works without a display).
    if "QT_QPA_PLATFORM" not in os.environ:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"


def run_selftest(db: Path | Any, lang: str | None) -> int:
    """Exit status 0 when every step worked, 1 when one failed, 3 when the database cannot be read."""
    _prepare_qt()
    from PySide6.QtCore import qInstallMessageHandler
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(sys.argv[:1])
    previous_handler = qInstallMessageHandler(_qt_message_to_log)
    try:
        return _selftest(app, db if getattr(db, "is_server", False) else Path(db), lang)
    finally:
        qInstallMessageHandler(previous_handler)


def _qt_message_to_log(mode: Any, context: Any, message: str) -> None:
    # Off screen, Qt warns about window features the platform lacks: the log keeps them, the
    # selftest's output stays a clean list of steps.
    log.info("qt: %s", message)


def _selftest(app: Any, db: Path | Any, lang: str | None) -> int:
    from .storage import DatabaseUnavailable, open_read_only, open_store
    from .storage.maintenance import snapshot

    steps = _Steps()
    print(f"Incident Log selftest on {db}", flush=True)
    with tempfile.TemporaryDirectory(prefix="incident-log-selftest-") as folder:
        work = Path(folder)
        copy = work / "copy.sqlite3"
        primary = None
        if getattr(db, "is_server", False):  # a server log: read through its own connection, never written
            began = time.perf_counter()
            try:
                primary = open_read_only(db)
            except DatabaseUnavailable as e:
                steps.fail("connect to the server", began, e.text(lang or "en"))
                return EXIT_DATABASE
            print(f"ok    {'connect to the server':<44} {time.perf_counter() - began:7.3f} s", flush=True)
            if primary is None:  # nothing made there: opening would create the tables
                print("(no log of this version in the server's database: working on the sample data only)", flush=True)
        elif db.exists():
            began = time.perf_counter()
            # In place when it is at this version's schema (no copy: the time must not grow with
            # the log); else a snapshot, which an older log is migrated in and a damaged one fails.
            primary = open_read_only(db)
            step = "open the database (read-only)"
            if primary is None:
                step = "copy and open the database (read-only)"
                try:
                    snapshot(db, copy)
                    primary = open_store(copy)
                except DatabaseUnavailable as e:
                    steps.fail(step, began, e.text(lang or "en"))
                    return EXIT_DATABASE
            print(f"ok    {step:<44} {time.perf_counter() - began:7.3f} s", flush=True)
        else:
            print(f"(no database at {db}: working on the sample data only)", flush=True)
        sample: list[Any] = []

        def sample_store() -> Any:
            if not sample:
                sample.append(steps.run("fill a temporary database with the sample", lambda: _sample_store(work)))
            return sample[0]

        try:
            ok = _run(app, steps, primary, sample_store, work, lang)
        finally:
            for store in [primary, *sample]:
                if store is not None:
                    store.close()
    print(f"{'selftest passed' if ok else 'selftest FAILED'} in {steps.total():.3f} s", flush=True)
    return EXIT_OK if ok else EXIT_FAILED


def _sample_store(work: Path) -> Any:
    from .exchange import import_file
    from .storage import open_store

    store = open_store(work / "sample.sqlite3")
    import_file(store, resource(*SAMPLE))
    return store


def _run(app: Any, steps: _Steps, primary: Any, sample_store: Callable[[], Any], work: Path, lang: str | None) -> bool:
    from .domain.deadlines import DECIDED
    from .reports.service import missing_documents

    def is_decided(status: Any) -> bool:
        return status in DECIDED
    from .ui import i18n
    from .ui.main_window import MainWindow, apply_application_names

    apply_application_names(app)
    stored = primary.get_setting("language") if primary is not None else None
    language = i18n.resolve_language(lang, stored)
    def translations() -> str:
        loaded = i18n.install(language)
        if f"{i18n.CATALOGUE}_{language}" not in loaded:
            raise RuntimeError(f"{i18n.CATALOGUE}_{language}.qm is missing from {i18n.translations_dir()}")
        return ", ".join(loaded)

    steps.run(f"load the translations ({language})", translations)

    store = primary if primary is not None and primary.count_incidents() else sample_store()
    if store is None:
        return False

    def open_window() -> Any:
        window = MainWindow(store, remember_state=False)  # the clerk's window geometry stays theirs
        window.resize(1366, 768)
        window.show()
        app.processEvents()
        return window

    window = steps.run("open the main window", open_window)
    if window is None:
        return False

    def list_incidents() -> str:
        model = window.incident_model
        model.reload()
        rows = model.rowCount()
        shown = min(rows, model.PAGE_SIZE)
        for r in range(shown):
            for c in range(model.columnCount()):
                model.data(model.index(r, c))
        if rows and not model.data(model.index(0, 0)):
            raise RuntimeError("the first row of the register is empty")
        return f"{rows} incidents, first {shown} rows read"

    steps.run("list the incidents", list_incidents)
    steps.run("list the claims", lambda: f"{window.claim_model.rowCount()} claims")
    window.close()

    def target(kind: str) -> tuple[Any, dict[str, Any]] | None:
        """Where and on what to build `kind`: a sample of the clerk's data if it has something, else the sample file."""
        for candidate in (primary, None):
            store = candidate if candidate is not None else sample_store()
            if store is None:
                return None
            source = _Sample(store)
            if kind == "incident":
                rows = store.incident_rows(limit=1)
                if rows:
                    return source, {"reference": rows[0].reference}
            elif kind in ("claim", "request-documents"):
                for row in store.claim_rows(limit=LETTER_CANDIDATES):
                    if kind == "claim" or missing_documents(source, row.number):
                        return source, {"number": row.number}
            elif kind == "decision-notice":
                for row in store.claim_rows(limit=LETTER_CANDIDATES):
                    if row.decision_number is not None and is_decided(row.status):
                        return source, {"number": row.number}
            elif kind == "inspection-act":
                for row in store.claim_rows(limit=LETTER_CANDIDATES):
                    claim = source.get_claim_by_number(row.number)
                    if claim is not None and claim.inspection is not None:
                        return source, {"number": row.number}
            elif kind == "incidents":
                if store.count_incidents():
                    return source, {}
            elif store.count_claims():
                return source, {}
        return None

    reports = work / "reports"
    reports.mkdir()
    for kind in ("incident", "claim", "register", "incidents", "summary", "request-documents", "inspection-act",
                 "decision-notice", "payment-register", "deadlines"):
        def build(kind: str = kind) -> str:
            from .reports.service import build_report

            found = target(kind)
            if found is None:
                raise RuntimeError("nothing to build it from")
            source, options = found
            out = build_report(source, kind, reports / f"{kind}.pdf", lang=language, **options)
            size = out.stat().st_size
            if size < 1000 or not out.read_bytes().startswith(b"%PDF"):
                raise RuntimeError(f"{out.name} is not a PDF ({size} bytes)")
            origin = "database" if primary is not None and source.store is primary else "sample"
            return f"{size} bytes from the {origin}"

        steps.run(f"build the {kind} report", build)
    return steps.ok
