"""The forms as a clerk types into them: every key goes where the focus is, nothing is set directly.

Each test here is one of the defects issue 11 found by typing: a letter lost in the owner and
claimant fields, the same car claimed twice said only after saving, Cancel in the approval that
asked «Сохранить изменения?» with Save as the default.
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from typing import Any  # noqa: E402

import pytest  # noqa: E402
from PySide6.QtCore import Qt  # noqa: E402

from desktop.domain.enums import ClaimStatus  # noqa: E402
from desktop.domain.models import Incident, Person  # noqa: E402
from desktop.storage import Store  # noqa: E402
from desktop.ui.dialogs.claim_form import ClaimDialog  # noqa: E402
from desktop.ui.dialogs.decision import DecisionDialog  # noqa: E402
from tests.ui.forms_fixtures import (  # noqa: E402
    no_modal_loops,  # noqa: F401 - an autouse fixture, active here by being imported
    seed_kaluga,
)
from tests.ui.keyboard import Clerk  # noqa: E402

S = ClaimStatus


@pytest.fixture
def kaluga(store: Store) -> tuple[Store, Incident, list[Person]]:
    incident, people = seed_kaluga(store)
    return store, incident, people


def show(qtbot: Any, dialog: Any) -> Any:
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    return dialog


def test_the_claimant_field_keeps_every_letter_typed(qtbot: Any, kaluga: tuple[Store, Incident, list[Person]]) -> None:
    """«Ivanov» typed into the claimant field searches «Ivanov», not «vanov»: the letters stay in
    the field itself (no window opens on the first of them to swallow the rest)."""
    store, incident, people = kaluga
    dialog = show(qtbot, ClaimDialog(store, None, incident.id))
    clerk = Clerk(qtbot)
    assert clerk.target() is dialog.claimant.display  # a new claim starts at the claimant
    clerk.type("Кузнец")
    assert dialog.claimant.display.text() == "Кузнец"
    assert dialog.claimant.dialog is None  # no window in the way
    suggestions = dialog.claimant.display.suggestions()
    assert suggestions[0].startswith("Кузнецов Игорь Петрович")
    clerk.press(Qt.Key.Key_Return)  # the highlighted one: the only match
    assert dialog.claimant.person_id() == people[1].id
    assert dialog.claimant.display.text().startswith("Кузнецов Игорь Петрович")
    assert clerk.keys == ["Enter"]


def test_an_item_already_claimed_is_said_when_it_is_ticked_before_any_save(
        qtbot: Any, sample_store: Store) -> None:
    incident = sample_store.get_incident_by_reference("INC-2026-0001")
    assert incident is not None
    claims_before = len(sample_store.claims_for_incident(incident.id))
    dialog = show(qtbot, ClaimDialog(sample_store, None, incident.id))
    # The list says it before anything is ticked.
    lada_row = next(r for r in range(dialog.items.count())
                    if dialog.items.item(r).data(Qt.ItemDataRole.UserRole) == incident.vehicles[0].id)
    assert "already claimed in CLM-2026-0001" in dialog.items.item(lada_row).text()
    assert dialog.warnings_label.isHidden()

    clerk = Clerk(qtbot)
    dialog.items.setFocus()
    dialog.items.setCurrentRow(lada_row)
    clerk.press(Qt.Key.Key_Space)  # ticks it
    assert dialog.checked_items() == [incident.vehicles[0].id]
    assert not dialog.warnings_label.isHidden()
    assert "Lada Vesta, А123ВС40 is already claimed in CLM-2026-0001." in dialog.warnings_label.text()
    assert len(sample_store.claims_for_incident(incident.id)) == claims_before  # nothing saved yet
    clerk.press(Qt.Key.Key_Space)  # unticked: the warning goes
    assert dialog.warnings_label.isHidden()


@pytest.mark.parametrize("how", ["Esc", "Cancel"])
def test_cancel_in_the_approval_cancels_without_a_question(
        qtbot: Any, kaluga: tuple[Store, Incident, list[Person]], how: str) -> None:
    store, incident, _people = kaluga
    dialog = show(qtbot, ClaimDialog(store, None, incident.id))
    dialog.items.item(0).setCheckState(Qt.CheckState.Checked)
    dialog.save()
    dialog.change_status(S.UNDER_REVIEW)
    dialog.change_status(S.APPROVED)
    decision = dialog.child_dialog
    assert isinstance(decision, DecisionDialog)
    qtbot.waitUntil(decision.isActiveWindow)

    def never() -> str:
        raise AssertionError("Cancel in the approval asked a question")

    decision.ask_unsaved = never  # type: ignore[method-assign]
    clerk = Clerk(qtbot)
    assert clerk.target() is decision.number
    clerk.type("РП-5")
    clerk.tab(2)  # past the date to the amount
    assert clerk.target() is decision.approved_amount
    clerk.type("80000")
    assert decision.is_dirty()
    if how == "Esc":
        clerk.press(Qt.Key.Key_Escape)
    else:
        qtbot.mouseClick(decision.cancel_button, Qt.MouseButton.LeftButton)
    assert not decision.isVisible()
    claim = store.get_claim(dialog.claim_id)
    assert claim is not None and claim.status == S.UNDER_REVIEW and claim.decision is None
    assert dialog.status == S.UNDER_REVIEW

