"""The reports' cost grows with the rows they print, never faster: guarded by counting work, not time.

An incident report of 4,000 cars took 25 s because one giant table was split page by page, each
split measuring every row left. Here the Python calls made while building a report of 200 and of
600 rows are counted: linear work triples, quadratic work grows ninefold.
"""

from __future__ import annotations

import sys
from dataclasses import replace
from pathlib import Path
from typing import Any

from desktop.reports.claim_sheet import build_claim_sheet
from desktop.reports.incident import build_incident_report
from desktop.storage import Store
from tests.reports.pdfcheck import MADE_AT


def calls(build: Any) -> int:
    """Python function calls made by `build()`."""
    count = 0

    def tally(frame: Any, event: str, arg: Any) -> None:
        nonlocal count
        if event == "call":
            count += 1

    sys.setprofile(tally)
    try:
        build()
    finally:
        sys.setprofile(None)
    return count


def test_incident_report_work_is_linear_in_its_cars_and_claims(store: Store, tmp_path: Path) -> None:
    incident = store.get_incident_by_reference("INC-2026-0001")
    assert incident is not None
    claims = store.claims_for_incident(incident.id)
    people = store.people_by_ids({c.claimant_id for c in claims} | {v.owner_id for v in incident.vehicles if v.owner_id})
    settings = store.settings()

    def report(n: int) -> Any:
        vehicles = [replace(incident.vehicles[i % 3], id=f"v{i}", plate=f"А{i % 1000:03d}ВС40") for i in range(n)]
        many = [replace(claims[i % len(claims)], id=f"c{i}", number=f"CLM-2026-{i + 1:05d}", items=[f"v{i}"])
                for i in range(n)]
        big = replace(incident, vehicles=vehicles)
        return lambda: build_incident_report(tmp_path / f"i{n}.pdf", big, many, people, settings, made_at=MADE_AT)

    report(20)()  # fonts and caches warm, outside the counts
    small, large = calls(report(200)), calls(report(600))
    assert large / small < 3.5, (small, large)


def test_claim_sheet_work_is_linear_in_its_items(store: Store, tmp_path: Path) -> None:
    claim = store.get_claim_by_number("CLM-2026-0001")
    assert claim is not None
    incident = store.get_incident(claim.incident_id)
    claimant = store.get_person(claim.claimant_id)
    assert incident is not None
    people = store.people_by_ids({v.owner_id for v in incident.vehicles if v.owner_id})

    def sheet(n: int) -> Any:
        vehicles = [replace(incident.vehicles[i % 3], id=f"v{i}") for i in range(n)]
        big = replace(incident, vehicles=vehicles)
        claimed = replace(claim, items=[f"v{i}" for i in range(n)])
        return lambda: build_claim_sheet(tmp_path / f"c{n}.pdf", claimed, big, claimant, people, store.settings(),
                                         store.required_documents(), made_at=MADE_AT)

    sheet(20)()
    small, large = calls(sheet(200)), calls(sheet(600))
    assert large / small < 3.5, (small, large)


def test_claim_sheet_and_letter_read_the_claims_items_not_the_whole_incident(
    make_store: Any, tmp_path: Path, monkeypatch: Any
) -> None:
    from desktop.reports import build_report
    from desktop.storage import rows
    from tests.synthetic import document

    store = make_store(document(1000, None), {})  # one incident of 1,000 cars, a claim for each
    number = store.claim_rows(limit=1)[0].number
    made: list[str] = []
    original, from_values = rows.vehicle_from_row, rows.vehicle_from_values
    monkeypatch.setattr(rows, "vehicle_from_row", lambda r: made.append(r["id"]) or original(r))
    monkeypatch.setattr(rows, "vehicle_from_values", lambda t: made.append(t[0]) or from_values(t))
    for kind in ("claim", "request-documents"):
        build_report(store, kind, tmp_path / f"{kind}.pdf", number=number, made_at=MADE_AT)
    assert len(made) == 2  # the claimed car, once per report
