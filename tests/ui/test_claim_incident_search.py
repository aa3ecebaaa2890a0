"""A new claim begun in the main window: the incident found by what the clerk remembers of it, the
amount requested proposed from the claimed items' estimates, the papers dated as the claim is filed.
Every key goes where the focus is (tests/ui/keyboard.py)."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from desktop.domain.enums import DocumentKind
from desktop.storage import Store
from desktop.ui.dialogs.claim_form import ClaimDialog
from desktop.ui.main_window import CLAIMS_TAB, MainWindow
from tests.ui.forms_fixtures import no_modal_loops  # noqa: F401 - an autouse fixture, active here by being imported
from tests.ui.keyboard import Clerk


def new_claim(window: MainWindow, qtbot) -> tuple[ClaimDialog, Clerk]:
    """The claims register, Ctrl+Shift+N: the form opens with the incident field to type into."""
    window.tabs.setCurrentIndex(CLAIMS_TAB)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    clerk = Clerk(qtbot)
    clerk.press(Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    dialog = window.last_dialog
    assert isinstance(dialog, ClaimDialog) and dialog.incident is None
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.incident_ref)
    return dialog, clerk


@pytest.mark.parametrize(("typed", "offered"), [
    ("456", ["INC-2026-0001"]),  # a part of a plate
    ("inc-2026-2", ["INC-2026-0002"]),  # the number, as clerks shorten it
    ("гатчин", ["INC-2026-0002"]),  # the district
    ("12.09.2026", ["INC-2026-0002", "INC-2026-0001"]),  # the date: both that night's, the latest first
    ("12.09 калуга", ["INC-2026-0001"]),
    ("+7 910 512-33-08", ["INC-2026-0001"]),  # an owner's phone
])
def test_the_incident_is_found_by_what_the_clerk_remembers(window: MainWindow, qtbot, typed: str,
                                                           offered: list[str]) -> None:
    dialog, clerk = new_claim(window, qtbot)
    clerk.type(typed)
    assert [line.split(" · ")[0] for line in dialog.incident_ref.suggestions()] == offered
    dialog.close()


def test_a_new_claim_from_the_main_window_by_plate_with_its_amount_and_papers(
        window: MainWindow, qtbot, sample_store: Store) -> None:
    dialog, clerk = new_claim(window, qtbot)
    clerk.type("456")
    clerk.press(Qt.Key.Key_Return)  # takes the highlighted incident
    assert dialog.incident is not None and dialog.incident.reference == "INC-2026-0001"
    assert dialog.validation["incident_id"].is_valid()
    assert dialog.incident_ref.text().startswith("INC-2026-0001 · 12.09.2026 02:40 · г. Калуга")
    assert dialog.items.count() == 3

    # The claim's own date typed; every paper not dated by hand follows it.
    dialog.filed_on.line.setFocus()
    dialog.filed_on.line.selectAll()
    clerk.type("15.09.2026")
    clerk.tab()
    assert all(row.received_on.value() == date(2026, 9, 15) for row in dialog.document_rows.values())

    # Ticking items proposes the sum of their estimates; a figure of the clerk's own is kept.
    kia, lada = dialog.incident.vehicles[1], dialog.incident.vehicles[0]
    dialog.items.setFocus()
    rows = [dialog.items.item(r).data(Qt.ItemDataRole.UserRole) for r in range(dialog.items.count())]
    dialog.items.setCurrentRow(rows.index(kia.id))
    clerk.press(Qt.Key.Key_Space)
    assert dialog.validation["requested_amount"].value() == Decimal("112000.00")
    dialog.items.setCurrentRow(rows.index(lada.id))
    clerk.press(Qt.Key.Key_Space)
    assert dialog.validation["requested_amount"].value() == Decimal("160500.00")
    clerk.press(Qt.Key.Key_Space)  # the Lada untaken again
    assert dialog.validation["requested_amount"].value() == Decimal("112000.00")
    assert dialog.claimant.person_id() == kia.owner_id  # the first ticked item's owner, as before

    dialog.tabs.setCurrentIndex(1)
    application = dialog.document_rows[DocumentKind.APPLICATION]
    application.received.setFocus()
    clerk.press(Qt.Key.Key_Space)
    with qtbot.waitSignal(dialog.saved, timeout=3000):
        clerk.press(Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    stored = sample_store.get_claim(dialog.claim_id)
    assert stored is not None and stored.incident_id == dialog.incident.id
    assert stored.requested_amount == Decimal("112000.00") and stored.filed_on == date(2026, 9, 15)
    assert [(d.kind, d.received_on) for d in stored.documents] == [(DocumentKind.APPLICATION, date(2026, 9, 15))]
    dialog.close()


def test_an_amount_typed_by_the_clerk_is_never_replaced(window: MainWindow, qtbot) -> None:
    dialog, clerk = new_claim(window, qtbot)
    clerk.type("INC-2026-0001")
    clerk.press(Qt.Key.Key_Return)
    dialog.requested_amount.setFocus()
    clerk.type("50000")
    dialog.items.setFocus()
    dialog.items.setCurrentRow(0)
    clerk.press(Qt.Key.Key_Space)
    assert dialog.validation["requested_amount"].value() == Decimal("50000.00")
    dialog.close()


def test_a_paper_dated_by_hand_keeps_its_date(window: MainWindow, qtbot) -> None:
    dialog, clerk = new_claim(window, qtbot)
    dialog.tabs.setCurrentIndex(1)
    row = dialog.document_rows[DocumentKind.BANK_DETAILS]
    row.received.setFocus()
    clerk.press(Qt.Key.Key_Space)
    row.received_on.line.setFocus()
    row.received_on.line.selectAll()
    clerk.type("20.09.2026")
    dialog.tabs.setCurrentIndex(0)
    dialog.filed_on.line.setFocus()
    dialog.filed_on.line.selectAll()
    clerk.type("16.09.2026")
    clerk.tab()
    assert row.received_on.value() == date(2026, 9, 20)
    assert dialog.document_rows[DocumentKind.APPLICATION].received_on.value() == date(2026, 9, 16)
    dialog.close()


def test_a_paper_dated_in_the_future_is_marked_on_its_row(window: MainWindow, qtbot, sample_store: Store) -> None:
    """A paper cannot have been received after tomorrow: the problem is on that paper's date field
    (the rule's path `documents[1].received_on` is the second ticked paper), and the form does not save."""
    dialog, clerk = new_claim(window, qtbot)
    clerk.type("INC-2026-0001")
    clerk.press(Qt.Key.Key_Return)
    dialog.items.setFocus()
    dialog.items.setCurrentRow(0)
    clerk.press(Qt.Key.Key_Space)
    dialog.tabs.setCurrentIndex(1)
    for kind in (DocumentKind.APPLICATION, DocumentKind.BANK_DETAILS):
        dialog.document_rows[kind].received.setFocus()
        clerk.press(Qt.Key.Key_Space)
    row = dialog.document_rows[DocumentKind.BANK_DETAILS]
    row.received_on.line.setFocus()
    row.received_on.line.selectAll()
    later = date.today() + timedelta(days=400)
    clerk.type(later.strftime("%d.%m.%Y"))
    clerk.tab()
    assert not row.field.is_valid() and row.field.error().code == "in_future"
    assert dialog.document_rows[DocumentKind.APPLICATION].field.is_valid()
    assert dialog.general_problems == []  # on the row, not in the list under the form
    count = sample_store.count_claims()
    clerk.press(Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert sample_store.count_claims() == count
    dialog.close()
