"""The rules across records, judged once: the same answers for a form's save and for an import."""

from __future__ import annotations

from desktop.domain import crossrules


def codes(problems):
    return [(p.path, p.error.code, p.error.params.get("got")) for p in problems]


def test_unknown_people_and_incident():
    assert codes(crossrules.unknown_people([("a", "p1"), ("b", "p2")], {"p1"})) == [("b", "unknown_person", None)]
    assert codes(crossrules.unknown_incident("incident_id", None)) == [("incident_id", "unknown_incident", None)]
    assert crossrules.unknown_incident("incident_id", object()) == []


def test_an_item_of_another_incident_cannot_move():
    items = [("vehicles[0].id", "v1", "inc-a"), ("vehicles[1].id", "v2", "inc-a"), ("vehicles[2].id", "v3", "inc-a")]
    assert codes(crossrules.moved_items(items, {"v1": "inc-a", "v2": "inc-b"})) == [("vehicles[1].id", "item_moved", "inc-b")]


def test_an_item_a_claim_still_names_cannot_be_removed():
    naming = {"v1": [("c1", "CLM-2026-0001"), ("c2", "CLM-2026-0002")], "v2": [("c3", "CLM-2026-0003")]}
    assert codes(crossrules.claimed_items("vehicles", naming)) == [
        ("vehicles", "item_claimed", "CLM-2026-0001, CLM-2026-0002"), ("vehicles", "item_claimed", "CLM-2026-0003")]
    # An import that also takes v1 off claim c1 and v2 off c3 leaves only c2's reference.
    still = lambda claim_id, item_id: (claim_id, item_id) not in {("c1", "v1"), ("c3", "v2")}  # noqa: E731
    assert codes(crossrules.claimed_items("incidents[0]", naming, still)) == [
        ("incidents[0]", "item_claimed", "CLM-2026-0002")]
    labels = {"v1": "Lada Vesta, А123ВС40", "v2": "Насосная станция"}
    problems = crossrules.claimed_items("vehicles", naming, label=labels.__getitem__)
    assert [p.text("ru") for p in problems] == [
        "vehicles: предмет «Lada Vesta, А123ВС40» удалён из происшествия, но он указан в заявлениях: "
        "CLM-2026-0001, CLM-2026-0002",
        "vehicles: предмет «Насосная станция» удалён из происшествия, но он указан в заявлениях: CLM-2026-0003"]


def test_a_reference_another_record_has_is_taken():
    wanted = [("reference", "INC-2026-0001", "i1"), ("reference", "INC-2026-0002", "i2"), ("reference", "INC-2026-0003", "i3")]
    holders = {"INC-2026-0001": "i1", "INC-2026-0002": "other"}
    assert codes(crossrules.taken_references(wanted, holders)) == [("reference", "reference_taken", "INC-2026-0002")]


def test_no_other_module_decides_these_rules():
    """One home per rule: the error codes are raised only in crossrules (a typed field may say
    `unknown_incident` while it is being typed, before any save)."""
    from pathlib import Path

    root = Path(__file__).resolve().parents[2] / "desktop"
    for code in ("item_claimed", "item_moved", "reference_taken", "unknown_person"):
        users = sorted(str(p.relative_to(root)) for p in root.rglob("*.py")
                       if f'"{code}"' in p.read_text(encoding="utf-8"))
        assert users == ["domain/crossrules.py", "domain/errors.py"], (code, users)


def test_a_removed_items_name_is_looked_up_once_and_only_when_needed():
    from datetime import UTC, datetime

    from desktop.domain.enums import IncidentKind, IncidentStatus, Severity
    from desktop.domain.models import Incident, Vehicle

    reads: list[int] = []
    incident = Incident(id="i", kind=IncidentKind.UAV_DEBRIS, occurred_at=datetime(2026, 9, 12, tzinfo=UTC),
                        region="р", district="д", location="л", status=IncidentStatus.OPEN,
                        vehicles=[Vehicle(id=f"v{n}", make="Lada", damage="x", severity=Severity.MINOR, plate=f"А{n:03d}АА40")
                                  for n in range(3)])

    def stored() -> Incident:
        reads.append(1)
        return incident

    label = crossrules.item_labels(stored)
    assert reads == []  # nothing refused, nothing read
    assert [label("v2"), label("v0")] == ["Lada, А002АА40", "Lada, А000АА40"] and reads == [1]
