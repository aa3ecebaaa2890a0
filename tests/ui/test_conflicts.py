"""Two windows (or two clerks) on one log edit the same claim: the second save is a conflict shown
to the clerk, who reloads or keeps their own version on purpose; never a silent overwrite."""

from __future__ import annotations

import uuid
from datetime import date
from decimal import Decimal
from typing import Any

import pytest

from desktop.domain.enums import ClaimKind, ClaimStatus
from desktop.domain.models import Claim
from desktop.storage import Store
from desktop.ui.dialogs.claim_form import ClaimDialog
from tests.ui.forms_fixtures import click, no_modal_loops, seed_kaluga, type_into  # noqa: F401


@pytest.fixture
def two_windows(store: Store, qtbot):
    incident, people = seed_kaluga(store)
    claim = store.save_claim(Claim(
        id=str(uuid.uuid4()), incident_id=incident.id, claimant_id=people[0].id, items=[incident.vehicles[0].id],
        kind=ClaimKind.DAMAGE_COMPENSATION, filed_on=date(2026, 9, 16), status=ClaimStatus.RECEIVED))
    other = Store.open(store.path)  # the other window's or clerk's connection
    other.user = "petrova"
    forms = []
    for s in (store, other):
        form = ClaimDialog(s, claim.id)
        qtbot.addWidget(form)
        form.show()
        forms.append(form)
    yield store, other, claim, forms
    other.close()


def test_the_second_save_is_a_conflict_and_keep_mine_is_audited(two_windows, qtbot):
    store, other, claim, (mine, theirs) = two_windows
    theirs.notes.setPlainText("звонил заявитель")
    assert theirs.save()
    asked: list[str] = []

    def ask(error):
        from desktop.ui.dialogs.conflict import conflict_text

        asked.append(conflict_text(error))
        return "mine"

    mine.ask_conflict = ask
    mine.requested_amount.clear()
    type_into(qtbot, mine.requested_amount, "85000")
    assert not mine.save()  # refused: the clerk is asked first
    assert "petrova" in asked[0] and claim.number in asked[0]
    stored = store.get_claim(claim.id)
    assert stored.notes == "звонил заявитель" and stored.requested_amount is None  # nothing overwritten yet
    qtbot.waitUntil(lambda: store.get_claim(claim.id).requested_amount == Decimal("85000.00"), timeout=3000)
    history = store.history(claim.id)
    assert "petrova" in (history[-1].reason or "")  # saved over their change, and the history says so
    assert store.get_claim(claim.id).notes == "звонил заявитель"  # their note kept: only my field went over
    qtbot.waitUntil(lambda: getattr(mine, "reloaded", None) is not None, timeout=3000)
    again = mine.reloaded
    qtbot.addWidget(again)
    assert again.notes.toPlainText() == "звонил заявитель" and not again.is_dirty()


def test_reload_drops_my_changes_and_shows_theirs(two_windows, qtbot):
    store, other, claim, (mine, theirs) = two_windows
    theirs.notes.setPlainText("звонил заявитель")
    assert theirs.save()
    mine.ask_conflict = lambda error: "reload"
    mine.notes.setPlainText("моя заметка")
    assert not mine.save()
    assert not mine.isVisible()
    again = mine.reloaded
    qtbot.addWidget(again)
    assert again.notes.toPlainText() == "звонил заявитель"
    assert store.get_claim(claim.id).notes == "звонил заявитель"


def test_cancel_keeps_editing_and_saves_nothing(two_windows, qtbot):
    store, other, claim, (mine, theirs) = two_windows
    theirs.notes.setPlainText("звонил заявитель")
    assert theirs.save()
    mine.ask_conflict = lambda error: "cancel"
    mine.notes.setPlainText("моя заметка")
    assert not mine.save()
    assert mine.isVisible() and mine.is_dirty()
    assert store.get_claim(claim.id).notes == "звонил заявитель"


def test_a_save_landing_right_after_ours_is_a_conflict_not_overwritten(qtbot: Any, store: Store, tmp_path: Any,
                                                                        monkeypatch: Any) -> None:
    """Another clerk saves the incident just after our save commits: the form keeps what it saved
    with the version that save gave, so our next save meets their newer one (found in review: a
    head re-read after the save lent their version to our rows, and their car was overwritten)."""
    from dataclasses import replace

    from desktop.ui.dialogs.incident_form import IncidentDialog

    incident, _people = seed_kaluga(store)
    form = IncidentDialog(store, incident.id)
    qtbot.addWidget(form)
    form.show()
    model = form.vehicle_rows
    model.setData(model.index(0, model.column_of("damage")), "моё")
    other = Store.open(store.path)  # another clerk's window on the same log
    ours = store.save_with_people

    def then_theirs(*args: Any, **kwargs: Any) -> Any:
        saved = ours(*args, **kwargs)
        theirs = other.get_incident(incident.id)
        assert theirs is not None
        theirs.vehicles[2] = replace(theirs.vehicles[2], colour="красный")
        other.save_incident(theirs)
        return saved

    monkeypatch.setattr(store, "save_with_people", then_theirs)
    assert form.save()
    monkeypatch.setattr(store, "save_with_people", ours)
    asked: list[Any] = []
    monkeypatch.setattr(form, "ask_conflict", lambda e: asked.append(e) or "cancel")
    type_into(qtbot, form.source, "ЕДДС")
    assert not form.save()
    after = store.get_incident(incident.id)
    assert after is not None and after.vehicles[2].colour == "красный" and after.source != "ЕДДС"
    assert len(asked) == 1
    other.close()


def test_a_refused_save_retried_is_not_a_conflict_with_itself(qtbot: Any, store: Store, monkeypatch: Any) -> None:
    """The store refuses a save (a date after a claim's) after the owner corrected in the form was
    counted up: the retry must not meet that rolled-back count as another clerk's save."""
    from dataclasses import replace

    from PySide6.QtCore import QDate, QDateTime, QTime

    from desktop.ui.dialogs.incident_form import IncidentDialog

    incident, people = seed_kaluga(store)
    store.save_claim(Claim(id=str(uuid.uuid4()), incident_id=incident.id, claimant_id=people[0].id,
                           items=[incident.vehicles[0].id], kind=ClaimKind.DAMAGE_COMPENSATION,
                           filed_on=date(2026, 9, 16), status=ClaimStatus.RECEIVED))
    form = IncidentDialog(store, incident.id)
    qtbot.addWidget(form)
    form.show()
    form.book.put(replace(people[0], phone="+79100000000"))  # the owner corrected in this form
    form.vehicle_rows.setData(form.vehicle_rows.index(0, 0), "Лада")
    form.occurred_at.setDateTime(QDateTime(QDate(2026, 9, 20), QTime(2, 40)))  # after the claim: refused
    assert not form.save()
    asked: list[Any] = []
    monkeypatch.setattr(form, "ask_conflict", lambda e: asked.append(e) or "cancel")
    form.occurred_at.setDateTime(QDateTime(QDate(2026, 9, 12), QTime(2, 40)))
    assert form.save() and asked == []
    assert store.get_person(people[0].id).phone == "+79100000000"  # type: ignore[union-attr]
    assert store.get_incident(incident.id).vehicles[0].make == "Лада"  # type: ignore[union-attr]


def test_keep_mine_on_an_incident_keeps_their_cars_and_saves_my_edit(qtbot: Any, store: Store) -> None:
    """Found in a try-out of two clerks on a server: «Keep mine» wrote the whole stale form, and the
    colours the other clerk had just saved were gone. Now my edits go over theirs, theirs stay."""
    from dataclasses import replace

    from desktop.ui.dialogs.incident_form import IncidentDialog

    incident, _people = seed_kaluga(store)
    form = IncidentDialog(store, incident.id)
    qtbot.addWidget(form)
    form.show()
    other = Store.open(store.path)
    other.user = "petrova"
    theirs = other.get_incident(incident.id)
    assert theirs is not None
    theirs.vehicles[1] = replace(theirs.vehicles[1], colour="красный")
    other.save_incident(theirs)
    form.ask_conflict = lambda error: "mine"
    type_into(qtbot, form.source, "ЕДДС")
    assert not form.save()  # refused first: the clerk is asked
    qtbot.waitUntil(lambda: (store.get_incident(incident.id) or incident).source == "ЕДДС", timeout=3000)
    after = store.get_incident(incident.id)
    assert after is not None and after.vehicles[1].colour == "красный"  # theirs kept
    assert "petrova" in (store.history(incident.id)[-1].reason or "")
    qtbot.waitUntil(lambda: getattr(form, "reloaded", None) is not None, timeout=3000)
    again = form.reloaded
    qtbot.addWidget(again)
    assert again.source.text() == "ЕДДС" and again.original.vehicles[1].colour == "красный"  # the form shows both
    other.close()


def test_the_question_shows_what_both_changed_theirs_beside_mine(two_windows, qtbot):
    """Both clerks wrote the notes: the question said only who and when, so «Keep mine» put my note
    over theirs unseen, and «Reload» dropped mine with no way to copy it."""
    store, other, claim, (mine, theirs) = two_windows
    theirs.notes.setPlainText("звонил заявитель, просит перезвонить")
    theirs.requested_amount.clear()
    type_into(qtbot, theirs.requested_amount, "70000")
    assert theirs.save()
    asked: list[str] = []

    def ask(error):
        from desktop.ui.dialogs.conflict import conflict_text

        asked.append(conflict_text(error))
        return "cancel"

    mine.ask_conflict = ask
    mine.notes.setPlainText("моя заметка")
    assert not mine.save()
    text = asked[0]
    assert "You both changed:" in text
    assert "notes: theirs «звонил заявитель, просит перезвонить», yours «моя заметка»" in text
    assert "requested" not in text.split("You both changed:")[1]  # only theirs changed it: not a clash
    assert store.get_claim(claim.id).notes == "звонил заявитель, просит перезвонить"
