"""Export: the interchange document (JSON or zip package) and the spreadsheet."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from pathlib import Path
from typing import Any

from ..domain.errors import FieldError, Problem, ValidationFailed
from ..domain.models import Claim, Incident, Person
from ..domain.serialize import claim_file_order, claim_to_dict, incident_file_order, incident_to_dict, person_to_dict
from ..domain.views import Filters, RegisterView
from ..files import sweep_unfinished, written_whole
from ..storage import LogStore
from .package import write_json, write_package


class ExportCounts(dict[str, int]):
    """How many records of each kind went out (`people`, `incidents`, `claims`).

    `altered_cells` counts the spreadsheet cells whose text had to change because xlsx cannot
    hold it (control characters, lone surrogates, more than 32,767 characters); 0 for JSON.
    """

    altered_cells: int = 0


WRITE_VERSION = 2  # interchange.md: export writes 2


def export_document(store: LogStore, filters: Filters | None = None, now: datetime | None = None, *,
                    view: RegisterView | None = None) -> dict[str, Any]:
    """The interchange document of what `filters` select, or of what a register `view` shows (its
    records in the Export rules' order all the same: two exports of the same data are identical)."""
    if view is None:
        people, incidents, claims = filtered_selection(store, filters or Filters())
    else:
        people, incidents, claims = selection(store, view)
        incidents = sorted(incidents, key=incident_file_order)
        claims = sorted(claims, key=claim_file_order)
    document: dict[str, Any] = {
        "format": "incident-log",
        "version": WRITE_VERSION,
        "exported_at": (now or datetime.now().astimezone()).isoformat(timespec="seconds"),
    }
    source = store.settings().office_name
    if source:
        document["source"] = source
    document["people"] = [person_to_dict(p) for p in people]
    document["incidents"] = [incident_to_dict(i) for i in incidents]
    document["claims"] = [claim_to_dict(c) for c in claims]
    return document


def filtered_selection(store: LogStore, filters: Filters) -> tuple[list[Person], list[Incident], list[Claim]]:
    """What FILTERS select for `export` (cli.md), in the Export rules' order: the incidents of the
    period and districts with all their claims, or, with a claim filter (`--status`, `--overdue`),
    those claims with their incidents; and every person they refer to.

    The register's search (`--search`) searches what is selected: the incidents register's search
    without a claim filter, the claims register's with one; every match (never cut as a register
    window's search is). Dates stay on the incident's date, as for every export.
    """
    if not filters.text and not filters.overdue_only:
        return store.export_selection(filters)
    period = Filters(date_from=filters.date_from, date_to=filters.date_to, districts=filters.districts)
    if filters.status is None and not filters.overdue_only:
        people, incidents, claims = store.export_selection(replace(period, text=filters.text), register="incidents")
    else:
        people, incidents, claims = store.export_selection(
            Filters(districts=filters.districts, status=filters.status, overdue_only=filters.overdue_only,
                    executor=filters.executor, text=filters.text), register="claims")
        if filters.date_from or filters.date_to:
            in_period = {row.id for row in store.iter_incident_rows(period)}
            claims = [c for c in claims if c.incident_id in in_period]
            incidents = [i for i in incidents if i.id in {c.incident_id for c in claims}]
            referred = {c.claimant_id for c in claims} | {
                item.owner_id for i in incidents for item in (*i.vehicles, *i.properties) if item.owner_id}
            people = [p for p in people if p.id in referred]
    return (people, sorted(incidents, key=incident_file_order),
            sorted(claims, key=claim_file_order))


def selection(store: LogStore, view: RegisterView) -> tuple[list[Person], list[Incident], list[Claim]]:
    """What the register `view` shows, in its order, with the records they refer to (`export_selection`)."""
    return store.export_selection(view.filters, register=view.register, sort=view.sort, descending=view.descending)


def export_file(store: LogStore, path: Path, filters: Filters | None = None, now: datetime | None = None, *,
                view: RegisterView | None = None) -> ExportCounts:
    """Write FILE.json, FILE.zip or FILE.xlsx whole or not at all; returns how many records went out.

    `view` (instead of `filters`): exactly what a register window shows, under all its filters; a
    spreadsheet lists its records in the register's order.

    The file is written as FILE.part (0600) and renamed when whole; a `.part` that a killed export
    left anywhere is removed first, since it holds every passport of the log.
    """
    path = Path(path)
    sweep_unfinished()
    if path.suffix.lower() == ".xlsx":
        from .spreadsheet import write_xlsx

        return write_xlsx(store, path, filters or Filters(), view=view)
    document = export_document(store, filters, now, view=view)
    package = path.suffix.lower() == ".zip"
    blobs: dict[str, bytes] = {}
    if package:
        hashes = {a["sha256"] for c in document["claims"] for a in c.get("attachments", [])}
        blobs = {sha: data for sha in sorted(hashes) if (data := store.get_blob(sha)) is not None}
        _check_package_complete(document, blobs)
    with written_whole(path) as partial:
        if package:
            write_package(partial, document, blobs)
        else:
            write_json(partial, document)
    return ExportCounts({k: len(document[k]) for k in ("people", "incidents", "claims")})


def _check_package_complete(document: dict[str, Any], blobs: dict[str, bytes]) -> None:
    """A package carries every attachment's bytes (its import refuses one that does not), so a log
    holding attachments listed without bytes (imported from a plain .json) cannot make one: said,
    attachment by attachment, before anything is written."""
    problems = [Problem(f"claims[{n}].attachments[{m}].sha256", FieldError("attachment_not_in_log"))
                for n, claim in enumerate(document["claims"])
                for m, attachment in enumerate(claim.get("attachments", [])) if attachment["sha256"] not in blobs]
    if problems:
        raise ValidationFailed(problems)
