"""Two windows (or two clerks) on one log edit the same claim: the second save is a conflict shown
to the clerk, who reloads or keeps their own version on purpose; never a silent overwrite."""

from __future__ import annotations

import uuid
from datetime import date
from decimal import Decimal

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
    assert not mine.is_dirty()


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
