"""FILTERS `--search TEXT` (the register's search) and `--overdue` (cli.md) on `export` and the list
reports: the rows are those the window's register shows for the same filter, every match (never
cut as the window's search is), for the claims register (`report register`, `export` with a claim
filter), the incidents register (`report incidents`, `export` without one) and the summary."""

from __future__ import annotations

import json
import re
from collections import Counter
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import load_workbook

from desktop.cli import build_parser, cmd_export, cmd_report, filters_from
from desktop.domain.views import Filters
from desktop.exchange import import_document, import_file
from desktop.reports import selection
from desktop.storage import Store
from desktop.ui.models.registers import ClaimRegisterModel, IncidentRegisterModel
from tests import synthetic
from tests.reports.pdfcheck import pdf_text
from tests.samples import sample
from tests.test_cli import env, run  # noqa: F401 - the CLI tests' environment fixture


def varied_document() -> dict:
    """60 synthetic cars and claims over six districts, some filed late enough not to be overdue yet,
    some withdrawn (settled: never overdue)."""
    doc = synthetic.document(60, vehicles_per_incident=5)
    for n, claim in enumerate(doc["claims"]):
        if n % 3 == 0:
            claim["filed_on"] = "2026-11-25"
        if n % 5 == 0:
            claim["status"] = "withdrawn"
    return doc


@pytest.fixture(scope="module")
def log_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("filters") / "log.sqlite3"
    with Store.open(path) as store:
        import_file(store, sample())
        import_document(store, varied_document())
    return path


@pytest.fixture
def store(log_path: Path):
    with Store.open(log_path) as s:
        yield s


def window_claims(store: Store, filters: Filters) -> list[str]:
    """The claim ids the window's claims register shows under `filters`, top to bottom."""
    model = ClaimRegisterModel(store)
    model.set_filters(filters)
    return [model.id_at(n) for n in range(model.rowCount())]


def window_incidents(store: Store, filters: Filters) -> list[str]:
    model = IncidentRegisterModel(store)
    model.set_filters(filters)
    return [model.id_at(n) for n in range(model.rowCount())]


def parsed(*arguments: str) -> Filters:
    return filters_from(build_parser().parse_args(["export", "out.json", *arguments]))


def test_search_and_overdue_are_parsed_into_the_registers_filters():
    assert parsed("--search", "  Смирнова ", "--overdue") == Filters(text="Смирнова", overdue_only=True)
    assert parsed("--search", "   ") == Filters()
    assert parsed() == Filters()
    for report in ("register", "summary", "incidents"):
        args = build_parser().parse_args(["report", report, "--search", "456", "--overdue", "-o", "x.pdf"])
        assert filters_from(args) == Filters(text="456", overdue_only=True)


CLAIM_CASES = [
    ["--search", "Обнинск"],
    ["--search", "456"],  # a part of a plate
    ["--search", "89105123308"],  # a phone as a clerk types it
    ["--search", "з-2026-0002"],  # our number as the office shows it
    ["--search", "з-2026-2"],  # the counter's zeros left out (decisions.md)
    ["--search", "CLM-2026-2"],
    ["--overdue"],
    ["--overdue", "--search", "Петрович"],
    ["--overdue", "--district", "г. Калуга", "--district", "г. Обнинск"],
    ["--search", "Петрович", "--status", "received", "--from", "2026-11-01"],
]


@pytest.mark.parametrize("arguments", CLAIM_CASES, ids=" ".join)
def test_report_register_prints_the_claims_the_window_shows(env, log_path, store, tmp_path, arguments, qapp):  # noqa: F811
    out = tmp_path / "register.pdf"
    result = run(env, "report", "register", *arguments, "-o", out, db=log_path)
    assert result.returncode == 0, result.stderr
    printed = re.findall(r"CLM-2026-\d{4}", pdf_text(out))
    shown = window_claims(store, parsed(*arguments))
    numbers = {c.id: c.number for c in store.get_claims(shown).values()}
    assert sorted(printed) == sorted(numbers[i] for i in shown)  # the same rows, each once
    assert shown


def test_the_cases_are_not_trivial(store, qapp):
    every = window_claims(store, Filters())
    overdue = window_claims(store, Filters(overdue_only=True))
    assert 0 < len(overdue) < len(every)
    assert 0 < len(window_claims(store, Filters(text="Обнинск"))) < len(every)


def exported(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


@pytest.mark.parametrize("arguments", [a for a in CLAIM_CASES if "--overdue" in a or "--status" in a], ids=" ".join)
def test_export_with_a_claim_filter_writes_the_claims_the_window_shows(env, log_path, store, tmp_path, arguments, qapp):  # noqa: F811
    out = tmp_path / "out.json"
    result = run(env, "export", out, *arguments, db=log_path)
    assert result.returncode == 0, result.stderr
    doc = exported(out)
    filters = parsed(*arguments)
    if filters.date_from:  # export's dates are on the incident's date, the register's on filing
        filters = Filters(districts=filters.districts, status=filters.status, text=filters.text)
        in_period = set(window_incidents(store, Filters(date_from=parsed(*arguments).date_from)))
        shown = {i for i, c in store.get_claims(window_claims(store, filters)).items() if c.incident_id in in_period}
    else:
        shown = set(window_claims(store, filters))
    assert {c["id"] for c in doc["claims"]} == shown
    assert {i["id"] for i in doc["incidents"]} == {c["incident_id"] for c in doc["claims"]}
    referred = {c["claimant_id"] for c in doc["claims"]} | {
        v["owner_id"] for i in doc["incidents"] for v in i.get("vehicles", []) + i.get("properties", []) if v.get("owner_id")}
    assert {p["id"] for p in doc["people"]} == referred


@pytest.mark.parametrize("arguments", [["--search", "Обнинск"], ["--search", "456"], ["--search", "Петрович", "--to", "2026-09-10"]],
                         ids=" ".join)
def test_export_with_a_search_only_writes_the_incidents_the_window_finds_with_their_claims(env, log_path, store, tmp_path, arguments, qapp):  # noqa: F811
    out = tmp_path / "out.json"
    assert run(env, "export", out, *arguments, db=log_path).returncode == 0
    doc = exported(out)
    shown = set(window_incidents(store, parsed(*arguments)))
    assert shown and {i["id"] for i in doc["incidents"]} == shown
    assert {c["id"] for c in doc["claims"]} == {c.id for i in shown for c in store.claims_for_incident(i)}
    # Sorted as every export is: two exports of the same data are identical apart from exported_at.
    assert [i["occurred_at"] for i in doc["incidents"]] == sorted(i["occurred_at"] for i in doc["incidents"])


def test_export_xlsx_takes_the_same_filters(env, log_path, store, tmp_path, qapp):  # noqa: F811
    out = tmp_path / "out.xlsx"
    assert run(env, "export", out, "--overdue", "--search", "Петрович", db=log_path).returncode == 0
    sheet = load_workbook(out)["Заявления"]
    printed = {row[0] for row in sheet.iter_rows(min_row=2, values_only=True)}
    shown = window_claims(store, Filters(text="Петрович", overdue_only=True))
    assert printed == {c.number for c in store.get_claims(shown).values()} and len(printed) > 1


@pytest.mark.parametrize("arguments", [["--search", "Обнинск"], ["--overdue"], ["--overdue", "--search", "Калуга"],
                                       ["--overdue", "--status", "received"]], ids=" ".join)
def test_report_incidents_takes_search_and_overdue(env, log_path, store, tmp_path, arguments, qapp):  # noqa: F811
    out = tmp_path / "incidents.pdf"
    result = run(env, "report", "incidents", *arguments, "-o", out, db=log_path)
    assert result.returncode == 0, result.stderr
    printed = re.findall(r"INC-2026-\d{4}", pdf_text(out))
    filters = parsed(*arguments)
    shown = window_incidents(store, Filters(text=filters.text, status=filters.status))
    if filters.overdue_only:  # the incidents with an overdue claim (in that status), as --status keeps those with one in it
        overdue = {c.incident_id for c in store.get_claims(window_claims(store, Filters(overdue_only=True, status=filters.status))).values()}
        shown = [i for i in shown if i in overdue]
    references = {i: inc.reference for i, inc in store.get_incidents(shown).items()}
    assert shown and sorted(printed) == sorted(references[i] for i in shown)
    if filters.overdue_only:
        assert "With overdue claims" in pdf_text(out) or "; with overdue claims" in pdf_text(out)


def test_report_summary_counts_the_claims_the_window_finds(env, log_path, store, tmp_path, qapp):  # noqa: F811
    arguments = ["--overdue", "--search", "Петрович", "--from", "2026-09-10"]
    filters = parsed(*arguments)
    rows = selection.summary_rows(store, filters)
    in_period = set(window_incidents(store, Filters(date_from=filters.date_from)))
    claims = [c for c in store.get_claims(window_claims(store, Filters(text="Петрович", overdue_only=True))).values()
              if c.incident_id in in_period]
    assert 0 < sum(r.claims for r in rows) == len(claims)
    assert sum((r.requested for r in rows), Decimal(0)) == sum((c.requested_amount or Decimal(0) for c in claims), Decimal(0))
    districts = {i.id: i.district for i in store.get_incidents({c.incident_id for c in claims}).values()}
    assert Counter({r.district: r.claims for r in rows}) == Counter(districts[c.incident_id] for c in claims)
    # Without search or overdue the summary is the store's own SQL sums, unchanged.
    assert selection.summary_rows(store, Filters(date_from=filters.date_from)) == store.summary_rows(Filters(date_from=filters.date_from))
    out = tmp_path / "summary.pdf"
    result = run(env, "report", "summary", *arguments, "-o", out, db=log_path)
    assert result.returncode == 0, result.stderr
    text = pdf_text(out)
    assert "Incidents from 10.09.2026; containing “Петрович”; overdue only" in text


def test_the_search_is_never_cut_for_export_and_reports(store, tmp_path, monkeypatch, qapp):
    """The window's search keeps the latest SEARCH_LIMIT matches; paper and files take every one."""
    from desktop.storage.sqlite import queries

    monkeypatch.setattr(queries, "SEARCH_LIMIT", 5)
    every = [c.id for c in store.iter_claim_rows(Filters(text="Петрович"))]
    assert len(every) > 5 and len(window_claims(store, Filters(text="Петрович"))) == 5  # the window is cut
    args = build_parser().parse_args(["export", str(tmp_path / "out.json"), "--search", "Петрович", "--status", "received"])
    assert cmd_export(store, args, "en") == 0
    received = [c for c in store.get_claims(every).values() if c.status.value == "received"]
    assert len(exported(tmp_path / "out.json")["claims"]) == len(received) > 5
    args = build_parser().parse_args(["report", "register", "--search", "Петрович", "-o", str(tmp_path / "r.pdf")])
    assert cmd_report(store, args, "en") == 0
    assert len(re.findall(r"CLM-2026-\d{4}", pdf_text(tmp_path / "r.pdf"))) == len(every)


def test_overdue_is_judged_on_the_day_the_command_runs(store, qapp):
    today = date.today()
    assert sorted(window_claims(store, Filters(overdue_only=True))) == sorted(
        r.id for r in store.iter_claim_rows(Filters(overdue_only=True), today=today))
