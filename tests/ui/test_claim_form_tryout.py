"""The claim form as a clerk tried it by keyboard in Russian: what the try-out found, each fixed."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from datetime import date  # noqa: E402
from typing import Any  # noqa: E402

import pytest  # noqa: E402
from PySide6.QtCore import Qt  # noqa: E402

from desktop.domain.enums import ClaimStatus, DocumentKind  # noqa: E402
from desktop.domain.models import Incident, Person  # noqa: E402
from desktop.storage import Store  # noqa: E402
from desktop.ui.dialogs.claim_form import ClaimDialog  # noqa: E402
from desktop.ui.dialogs.decision import DecisionDialog  # noqa: E402
from tests.ui.forms_fixtures import (  # noqa: E402
    check,
    click,
    no_modal_loops,  # noqa: F401 - an autouse fixture, active here by being imported
    seed_kaluga,
    type_into,
)
from tests.ui.keyboard import Clerk  # noqa: E402
from tests.ui.test_forms_claim import file_claim_from_incident, status_button, tick  # noqa: E402

S = ClaimStatus


@pytest.fixture
def kaluga(store: Store) -> tuple[Store, Incident, list[Person]]:
    incident, people = seed_kaluga(store)
    return store, incident, people


def test_the_commissions_act_is_the_act_paper_received(qtbot: Any, kaluga: tuple[Store, Incident, list[Person]]) -> None:
    """The act's number and date typed on the review tab: the act's paper («акт обследования») is
    received on the act's date, without ticking it too, and approval asks for no override."""
    store, incident, people = kaluga
    dialog = file_claim_from_incident(qtbot, store, incident, people[0])
    tick(dialog, incident.vehicles[0].id)
    dialog.tabs.setCurrentIndex(1)
    for kind in (DocumentKind.APPLICATION, DocumentKind.IDENTITY_DOCUMENT, DocumentKind.PERSONAL_DATA_CONSENT,
                 DocumentKind.VEHICLE_REGISTRATION, DocumentKind.BANK_DETAILS):
        check(qtbot, dialog.document_rows[kind].received)
    assert dialog.missing_documents() == [DocumentKind.DAMAGE_ASSESSMENT]
    dialog.tabs.setCurrentWidget(dialog.review_page)
    type_into(qtbot, dialog.inspection_number, "12-К")
    dialog.inspection_date.set_value(date(2026, 9, 20))
    type_into(qtbot, dialog.inspection_members, "председатель, Орлов И. И.")
    type_into(qtbot, dialog.inspection_findings, "разбито лобовое стекло")
    assert dialog.missing_documents() == []
    act_row = dialog.document_rows[DocumentKind.DAMAGE_ASSESSMENT]
    assert not act_row.received.isChecked()  # not ticked by hand...
    assert "12-К" in act_row.marker.text() and "20.09.2026" in act_row.marker.text()  # ...received by the act
    assert dialog.tabs.tabText(1) == "&Documents"
    assert dialog.path_facts().documents_received == dialog.path_facts().documents_required == 6

    dialog.tabs.setCurrentIndex(0)
    with qtbot.waitSignal(dialog.saved, timeout=2000) as saved:
        click(qtbot, dialog.save_button)
    with qtbot.waitSignal(dialog.saved, timeout=2000):
        status_button(qtbot, dialog, S.UNDER_REVIEW)
    status_button(qtbot, dialog, S.APPROVED)
    decision = dialog.child_dialog
    assert isinstance(decision, DecisionDialog)
    assert decision.missing_documents == [] and not decision.override.isVisibleTo(decision)
    type_into(qtbot, decision.number, "РП-112")
    with qtbot.waitSignal(dialog.saved, timeout=2000):
        click(qtbot, decision.save_button)
    claim = store.get_claim(saved.args[0])
    assert claim is not None and claim.status == S.APPROVED
    # The register's letter asking for papers and the claim's checklist read the same rule.
    assert store.required_documents().missing(claim, incident, people[0].kind) == []


def test_letters_typed_in_a_small_incidents_items_go_into_a_filter_on_screen(
        qtbot: Any, kaluga: tuple[Store, Incident, list[Person]]) -> None:
    store, incident, people = kaluga
    dialog = file_claim_from_incident(qtbot, store, incident, people[0])
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    assert dialog.items.count() == 3 and dialog.item_filter.isVisible()  # three cars: on screen all the same
    dialog.items.setFocus()
    clerk = Clerk(qtbot)
    clerk.type("оплата")  # meant for the notes
    assert dialog.item_filter.isVisible() and dialog.item_filter.text() == "оплата"
    assert dialog.items.count() == 0
    assert dialog.items.empty_text() == "No item matches «оплата». Esc clears the search."
    clerk.press(Qt.Key.Key_Escape)
    assert dialog.item_filter.text() == "" and dialog.items.count() == 3 and dialog.items.empty_text() == ""


def test_a_locked_claim_lists_all_its_items_whatever_was_typed_in_the_filter(
        qtbot: Any, kaluga: tuple[Store, Incident, list[Person]]) -> None:
    store, incident, people = kaluga
    dialog = file_claim_from_incident(qtbot, store, incident, people[0])
    tick(dialog, incident.vehicles[0].id)
    with qtbot.waitSignal(dialog.saved, timeout=2000):
        click(qtbot, dialog.save_button)
    with qtbot.waitSignal(dialog.saved, timeout=2000):
        status_button(qtbot, dialog, S.UNDER_REVIEW)
    dialog.item_filter.setText("Kia")  # left in the filter
    assert dialog.items.count() == 1
    status_button(qtbot, dialog, S.APPROVED)
    decision = dialog.child_dialog
    assert isinstance(decision, DecisionDialog)
    type_into(qtbot, decision.number, "РП-112")
    check(qtbot, decision.override)
    type_into(qtbot, decision.override_reason, "по распоряжению главы")
    with qtbot.waitSignal(dialog.saved, timeout=2000):
        click(qtbot, decision.save_button)
    assert dialog.locked() and not dialog.items.isEnabled()
    assert dialog.item_filter.text() == "" and dialog.items.count() == 3
    assert dialog.items.item(0).data(Qt.ItemDataRole.UserRole) == incident.vehicles[0].id  # the claim's own first


@pytest.fixture
def russian() -> Any:
    from desktop.ui import i18n

    i18n.install("ru")
    yield
    i18n.install("en")


@pytest.mark.usefixtures("russian")
@pytest.mark.parametrize("typed, said", [
    ("Петрова", "⚠ Петровой нет в списке исполнителей (Настройки)."),
    ("Соколова Ирина Павловна", "⚠ Соколовой Ирины Павловны нет в списке исполнителей (Настройки)."),
    ("Петров П. П.", "⚠ Петрова П. П. нет в списке исполнителей (Настройки)."),
    ("Ким", "⚠ Исполнителя «Ким» нет в списке исполнителей (Настройки)."),  # a man or a woman: not declined
])
def test_an_executor_not_on_the_list_is_named_in_the_genitive(
        qtbot: Any, kaluga: tuple[Store, Incident, list[Person]], typed: str, said: str) -> None:
    store, incident, _people = kaluga
    store.set_setting("executors", ["Тихонов Глеб Романович"])
    dialog = ClaimDialog(store, None, incident.id)
    qtbot.addWidget(dialog)
    dialog.show()
    type_into(qtbot, dialog.executor, typed)
    dialog.items.item(0).setCheckState(Qt.CheckState.Checked)
    assert dialog.validation["executor"].value() == typed
    assert said in dialog.warnings_label.text().splitlines()


def test_the_required_papers_count_says_it_waits_for_the_claimant_and_the_items(
        qtbot: Any, kaluga: tuple[Store, Incident, list[Person]]) -> None:
    """«0 of 5» before the car was ticked and «0 of 6» once it was: the count says it is not final
    until the claimant and the items are chosen, and stays as it is through the save."""
    store, incident, people = kaluga
    dialog = ClaimDialog(store, None, incident.id)
    qtbot.addWidget(dialog)
    dialog.show()
    step = dialog.path.steps["documents"]
    assert step.body.text() == "0 of 3 required so far\nwaits for the claimant and items"  # not «none required»
    dialog.claimant.set_person_id(people[0].id)
    assert step.body.text() == "0 of 5 required so far\nwaits for the items"
    tick(dialog, incident.vehicles[0].id)
    assert step.body.text() == "0 of 6 required"
    with qtbot.waitSignal(dialog.saved, timeout=2000):
        click(qtbot, dialog.save_button)
    assert step.body.text() == "0 of 6 required"
