"""«Keep mine» merges: this form's edits over the other clerk's save, theirs kept elsewhere."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

from desktop.domain.enums import IncidentKind, IncidentStatus, Severity
from desktop.domain.merging import merge_incident
from desktop.domain.models import Incident, Vehicle


def car(n: int, colour: str = "белый") -> Vehicle:
    return Vehicle(id=f"car-{n}", make="Lada", plate=f"А{n:03d}ВС40", colour=colour, damage="стекло",
                   severity=Severity.MINOR)


BASE = Incident(id="inc", kind=IncidentKind.UAV_DEBRIS, occurred_at=datetime(2026, 9, 1, tzinfo=UTC),
                region="Калужская область", district="г. Калуга", location="у пруда", status=IncidentStatus.OPEN,
                vehicles=[car(n) for n in range(5)], version=3)


def test_my_edits_over_theirs_and_theirs_kept_elsewhere():
    mine = replace(BASE, source="ЕДДС", vehicles=[car(0), car(1, "синий"), car(2), car(4), car(9)])  # 3 removed, 9 added
    theirs = replace(BASE, location="у пруда, двор 5", version=4,
                     vehicles=[car(0, "красный"), car(1, "зелёный"), car(2), car(3), car(4), car(7)])  # 7 added
    merged = merge_incident(BASE, mine, theirs)
    assert merged.source == "ЕДДС" and merged.location == "у пруда, двор 5" and merged.version == 4
    assert [(v.id, v.colour) for v in merged.vehicles] == [
        ("car-0", "красный"),  # theirs: this form did not touch it
        ("car-1", "синий"),  # both changed it: mine
        ("car-2", "белый"), ("car-4", "белый"), ("car-7", "белый"),  # 3 removed here; 7 added there
        ("car-9", "белый"),  # added here
    ]


def test_an_item_removed_on_one_side_stays_when_the_other_side_changed_it():
    mine = replace(BASE, vehicles=[car(0), car(1, "синий"), car(2), car(3)])  # 4 removed here; 1 changed
    theirs = replace(BASE, vehicles=[car(0), car(2), car(3), car(4, "красный")], version=4)  # 1 removed there; 4 changed
    merged = merge_incident(BASE, mine, theirs)
    assert [(v.id, v.colour) for v in merged.vehicles] == [
        ("car-0", "белый"), ("car-2", "белый"), ("car-3", "белый"), ("car-4", "красный"), ("car-1", "синий")]


def test_nothing_changed_here_is_theirs_whole():
    theirs = replace(BASE, location="двор", vehicles=[car(0, "красный")], version=4)
    assert merge_incident(BASE, BASE, theirs) == theirs


def test_a_claims_fields_changed_on_either_side_both_stay():
    from datetime import date
    from decimal import Decimal

    from desktop.domain.enums import ClaimKind, ClaimStatus
    from desktop.domain.merging import merge_fields
    from desktop.domain.models import Claim

    base = Claim(id="c", incident_id="inc", claimant_id="p", items=["car-1"], kind=ClaimKind.DAMAGE_COMPENSATION,
                 filed_on=date(2026, 9, 16), status=ClaimStatus.RECEIVED, version=2)
    mine = replace(base, requested_amount=Decimal("85000"), items=["car-1", "car-2"])
    theirs = replace(base, notes="звонил заявитель", version=3)
    merged = merge_fields(base, mine, theirs)
    assert (merged.requested_amount, merged.items, merged.notes, merged.version) == (
        Decimal("85000"), ["car-1", "car-2"], "звонил заявитель", 3)
