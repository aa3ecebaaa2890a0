"""Every record carries a version: a save based on a replaced version is a conflict, never a
silent overwrite (two windows, or two clerks, on one log)."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

import pytest

from desktop.storage import Conflict, open_store


@pytest.fixture
def second(sample_store):
    """Another window's (or another clerk's) connection to the same log."""
    with open_store(sample_store.location) as other:
        other.user = "petrova"
        yield other


def test_versions_count_saves(sample_store):
    claim = sample_store.get_claim_by_number("CLM-2026-0001")
    assert claim.version == 1
    sample_store.save_claim(replace(claim, notes="первая"))
    assert sample_store.get_claim(claim.id).version == 2
    sample_store.save_claim(replace(sample_store.get_claim(claim.id), notes="вторая"))
    assert sample_store.get_claim(claim.id).version == 3


def _open_claim(store):
    from desktop.domain.transitions import is_locked

    return next(c for c in store.get_claims([r.id for r in store.claim_rows(limit=1000)]).values()
                if not is_locked(c.status))


def test_a_stale_claim_save_is_a_conflict_naming_who_and_when(sample_store, second):
    mine = _open_claim(sample_store)
    theirs = second.get_claim(mine.id)
    second.save_claim(replace(theirs, notes="звонил заявитель"))
    with pytest.raises(Conflict) as caught:
        sample_store.save_claim(replace(mine, requested_amount=Decimal("90000.00")))
    conflict = caught.value
    assert (conflict.kind, conflict.label, conflict.by, conflict.current) == ("claim", mine.number, "petrova", 2)
    assert conflict.at
    stored = sample_store.get_claim(mine.id)
    assert stored.notes == "звонил заявитель" and stored.requested_amount == theirs.requested_amount  # theirs kept
    # "Keep mine": saved over their version on purpose, with the reason in the audit trail.
    kept = replace(mine, requested_amount=Decimal("90000.00"), version=conflict.current)
    sample_store.save_claim(kept, reason="сохранено поверх изменений petrova")
    assert sample_store.get_claim(mine.id).requested_amount == Decimal("90000.00")
    assert sample_store.history(mine.id)[-1].reason == "сохранено поверх изменений petrova"


def test_a_stale_incident_or_person_save_is_a_conflict(sample_store, second):
    incident = sample_store.get_incident_by_reference("INC-2026-0001")
    second.save_incident(replace(second.get_incident(incident.id), description="обновлено в другом окне"))
    with pytest.raises(Conflict) as caught:
        sample_store.save_incident(replace(incident, location="другое место"))
    assert caught.value.kind == "incident" and caught.value.label == "INC-2026-0001"
    person = sample_store.get_people([incident.vehicles[0].owner_id])[incident.vehicles[0].owner_id]
    second.save_person(replace(second.get_person(person.id), notes="другой телефон"))
    with pytest.raises(Conflict) as caught:
        sample_store.save_person(replace(person, address="г. Калуга, ул. Новая, 1"))
    assert caught.value.kind == "person" and caught.value.label == person.full_name


def test_the_same_content_saved_from_an_old_version_is_no_conflict(sample_store, second):
    mine = sample_store.get_claim_by_number("CLM-2026-0001")
    second.save_claim(replace(second.get_claim(mine.id), notes="одинаково"))
    sample_store.save_claim(replace(mine, notes="одинаково"))  # nothing to overwrite: what is stored already
    assert sample_store.get_claim(mine.id).version == 2


def test_a_record_not_read_from_the_store_is_not_checked(sample_store):
    claim = sample_store.get_claim_by_number("CLM-2026-0001")
    sample_store.save_claim(replace(claim, notes="x"))
    sample_store.save_claim(replace(claim, notes="y", version=0))  # a script's record: as before versions
    assert sample_store.get_claim(claim.id).notes == "y"
