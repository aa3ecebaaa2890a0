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
from desktop.ui.dialogs.incident_form import IncidentDialog  # noqa: E402
from tests.ui.conftest import QT_NOISE  # noqa: E402
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


def test_the_owner_field_of_the_full_car_editor_keeps_every_letter_typed(
        qtbot: Any, kaluga: tuple[Store, Incident, list[Person]]) -> None:
    store, incident, people = kaluga
    form = show(qtbot, IncidentDialog(store, incident.id))
    editor = form.open_item_editor(form.vehicle_grid, 0)
    qtbot.waitUntil(editor.isActiveWindow)
    clerk = Clerk(qtbot)
    editor.owner.display.selectAll()  # the current owner's name, replaced by what is typed
    clerk.type("Ахм")
    assert editor.owner.display.text() == "Ахм"
    clerk.press(Qt.Key.Key_Tab)  # Tab takes the highlighted person, as Enter does
    assert editor.owner.person_id() == people[2].id


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


KALUGA_CARS = [  # as a clerk types them: lower case, a Latin letter in a plate, sums with spaces
    {"make": "Lada", "model": "Vesta", "plate": "a123bc40", "vin": "XTAGFL110KY123456",
     "owner": "Смирнова Анна Викторовна", "damage": "разбито лобовое стекло, вмятины на капоте", "cost": "48 500"},
    {"make": "Kia", "model": "Rio", "plate": "м456ор40", "vin": "",
     "owner": "Кузнецов Игорь Петрович", "damage": "повреждены крыша и заднее стекло", "cost": "112 000,00"},
    {"make": "Hyundai", "model": "Solaris", "plate": "t789yx140", "vin": "",
     "owner": "Ахмедов Рустам Ильдарович", "damage": "царапины на левой двери", "cost": "9800,50"},
]


def enter_kaluga_by_keyboard(qtbot: Any, form: IncidentDialog, clerk: Clerk) -> None:
    """The Kaluga incident with its three cars and new owners, typed without the mouse."""
    assert clerk.target() is form.occurred_at.line  # a new incident starts at its date, selected
    clerk.type("12.09.2026 02:40")
    clerk.tab(5)  # reported, kind (falling debris is the default), status, region: as they are
    assert clerk.target() in (form.district, form.district.lineEdit())
    clerk.type("калуга")
    clerk.tab()
    assert form.district.currentText() == "г. Калуга"
    clerk.type("Калуга")
    clerk.tab()
    clerk.type("у пруда на окраине Калуги")
    clerk.tab()
    clerk.type("54,5138")
    clerk.tab()
    clerk.type("36.2612")
    clerk.tab()
    clerk.type("18")
    clerk.tab(3)  # injured, killed: none
    clerk.type("Telegram-канал губернатора")
    clerk.tab()
    clerk.type("Обломки сбитого ночью беспилотника упали у пруда.")
    for car in KALUGA_CARS:
        clerk.press(Qt.Key.Key_Insert)  # a new row, its first cell open
        for key in ("make", "model", "plate", "vin", "owner", "damage"):
            clerk.type(car[key])
            clerk.tab()
        clerk.type(car["cost"])
    clerk.press(Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)  # save and close


def test_the_kaluga_incident_with_three_cars_and_new_owners_is_typed_in_one_window(
        qtbot: Any, store: Store) -> None:
    from desktop.ui import i18n

    i18n.install("ru")  # as in the office: Russian lists, Russian messages
    form = IncidentDialog(store, None)
    show(qtbot, form)
    clerk = Clerk(qtbot)
    with qtbot.waitSignal(form.saved, timeout=3000) as saved:
        enter_kaluga_by_keyboard(qtbot, form, clerk)
    assert not form.isVisible()  # Ctrl+Enter: saved and closed
    assert form.child_dialog is None  # no other window was ever needed

    stored = store.get_incident(saved.args[0])
    assert stored is not None and stored.reference == "INC-2026-0001"
    assert stored.kind.value == "uav_debris"
    assert stored.occurred_at.strftime("%d.%m.%Y %H:%M") == "12.09.2026 02:40"
    assert (stored.district, stored.settlement, stored.location) == ("г. Калуга", "Калуга", "у пруда на окраине Калуги")
    assert (stored.latitude, stored.longitude, stored.uavs_downed) == (54.5138, 36.2612, 18)
    assert stored.description == "Обломки сбитого ночью беспилотника упали у пруда."
    assert [(v.make, v.model) for v in stored.vehicles] == [("Lada", "Vesta"), ("Kia", "Rio"), ("Hyundai", "Solaris")]
    assert [v.plate for v in stored.vehicles] == ["А123ВС40", "М456ОР40", "Т789УХ140"]
    assert [v.vin for v in stored.vehicles] == ["XTAGFL110KY123456", None, None]
    assert [str(v.estimated_cost) for v in stored.vehicles] == ["48500.00", "112000.00", "9800.50"]
    assert [v.damage for v in stored.vehicles] == [c["damage"] for c in KALUGA_CARS]
    owners = store.get_people(v.owner_id for v in stored.vehicles if v.owner_id)
    assert [owners[v.owner_id].full_name for v in stored.vehicles if v.owner_id] == [c["owner"] for c in KALUGA_CARS]
    assert {p.kind.value for p in owners.values()} == {"person"}
    assert store.count_people() == 3

    # The count the issue asks for: keys beyond the text itself, and no clicks at all.
    print(f"\nKaluga incident, three cars, three new owners: {len(clerk.keys)} keys beyond the text "
          f"({', '.join(f'{k}×{clerk.keys.count(k)}' for k in dict.fromkeys(clerk.keys))}), "
          f"{clerk.typed} characters typed, 0 clicks")
    assert len(clerk.keys) < 40


# ---- a claim from received to paid, by keyboard --------------------------------------------------

def alt(letter: str) -> tuple[Qt.Key, Qt.KeyboardModifier]:
    """Alt and an underlined letter, Cyrillic too (a Russian layout sends the letter's own key)."""
    return Qt.Key(ord(letter.upper())), Qt.KeyboardModifier.AltModifier


CTRL, SHIFT = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.ShiftModifier


def back_to(qtbot: Any, form: Any) -> None:
    """The form under a closed dialog takes the keyboard again: a window manager's part, which the
    offscreen platform does not play (under Xvfb it did)."""
    form.activateWindow()
    qtbot.waitUntil(form.isActiveWindow)


# QTest says it cannot write Alt+Ч as ASCII (a Cyrillic key): true, and no matter here.
@pytest.mark.qt_log_ignore(*QT_NOISE, r"keyToAscii Unhandled key code")
def test_a_claim_is_taken_from_received_to_paid_by_keyboard(qtbot: Any, store: Store,
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    """CLM-2026-0001 of the v2 sample as a clerk types it in Russian from the main window: the new
    claim, its papers, the commission's act, review, approval, the notice and the payment; the keys
    beyond the text are counted (the README's figure), no click is needed."""
    from datetime import date
    from decimal import Decimal

    from desktop.domain.enums import DocumentKind, ReceivedVia
    from desktop.ui import i18n
    from desktop.ui.main_window import MainWindow

    i18n.install("ru")
    incident, people = seed_kaluga(store)
    store.set_setting("executors", ["Соколова Ирина Павловна", "Николаев Павел Андреевич"])
    window = MainWindow(store, today=date(2026, 10, 20), remember_state=False)  # no tab or row kept from other tests
    qtbot.addWidget(window)
    window.resize(1366, 768)
    show(qtbot, window)
    clerk = Clerk(qtbot)

    # The approval of 48 500 ₽ where the rules propose the act's 51 200 ₽ is asked: «Да» is one key
    # («Д»; tried on the real window under Xvfb), counted here as the clerk presses it.
    asked: list[str] = []

    def answer_yes(_self: DecisionDialog, title: str, text: str) -> bool:
        asked.append(text)
        clerk.keys.append("Д")
        return True

    monkeypatch.setattr(DecisionDialog, "confirm", answer_yes)

    clerk.press(Qt.Key.Key_N, CTRL | SHIFT)  # a new claim
    form = window.last_dialog
    assert isinstance(form, ClaimDialog)
    qtbot.waitUntil(form.isActiveWindow)
    assert clerk.target() is form.incident_ref  # which incident first: found by a word
    clerk.type("калуга")
    clerk.tab()
    assert form.incident is not None and form.incident.id == incident.id
    assert clerk.target() is form.claimant.display
    clerk.type("Смир")
    clerk.tab()  # takes the highlighted person and goes on (past the person's buttons)
    assert form.claimant.person_id() == people[0].id
    assert clerk.target() is form.filed_on.line
    clerk.type("14.09.2026")
    clerk.tab()
    clerk.type("л")  # «лично в администрации»
    clerk.tab(2)  # the registration: on the filing day, as it follows it
    clerk.type("С")  # «Соколова Ирина Павловна», completed
    clerk.tab(4)  # kind, requested, insurance: as they are
    assert clerk.target() is form.items
    clerk.press(Qt.Key.Key_Space)  # the Lada: «Запрошено» becomes its estimate
    assert form.checked_items() == [incident.vehicles[0].id]

    # The papers: ↓ from box to box, Space ticks; the act's date and note typed after Tab.
    clerk.press(Qt.Key.Key_Tab, CTRL)
    assert clerk.target() is form.document_rows[DocumentKind.APPLICATION].received
    for downs in (0, 1, 1, 1, 2):  # application, identity, consent, registration, (ownership) act
        for _ in range(downs):
            clerk.press(Qt.Key.Key_Down)
        clerk.press(Qt.Key.Key_Space)
    assert clerk.target() is form.document_rows[DocumentKind.DAMAGE_ASSESSMENT].received
    clerk.tab()
    clerk.type("16.09.2026")
    clerk.tab()
    clerk.type("акт осмотра комиссии")
    clerk.tab()  # on to the next paper's box
    for _ in range(5):
        clerk.press(Qt.Key.Key_Down)
    assert clerk.target() is form.document_rows[DocumentKind.BANK_DETAILS].received
    clerk.press(Qt.Key.Key_Space)
    assert not form.missing_documents()

    # The commission's act.
    clerk.press(Qt.Key.Key_Tab, CTRL)
    clerk.press(Qt.Key.Key_Tab, CTRL)
    assert clerk.target() is form.inspection_number
    clerk.type("12-К")
    clerk.tab()
    clerk.type("15.09.2026")
    clerk.tab()
    clerk.type("председатель комиссии, Николаев Павел Андреевич")
    clerk.press(Qt.Key.Key_Return)  # one member per line
    clerk.type("инженер МКУ «УГХ», Лебедева Дарья Игоревна")
    clerk.tab()
    clerk.type("разбито лобовое стекло, вмятины на капоте")
    clerk.tab()
    clerk.type("51200")

    # Review, then the decision: Alt and the underlined letter of the status buttons.
    clerk.press(Qt.Key.Key_Tab, CTRL)  # back to the claim's tab
    assert form.tabs.currentIndex() == 0
    with qtbot.waitSignal(form.saved, timeout=3000):
        clerk.press(*alt("ч"))  # «На_чать рассмотрение»: saves the claim
    assert form.status == S.UNDER_REVIEW
    qtbot.waitUntil(form.status_buttons[S.APPROVED].isVisible)  # the buttons of the new status are up
    clerk.press(*alt("б"))  # «Одо_брить…» (pressed as a click is: after a moment)
    qtbot.waitUntil(lambda: form.child_dialog is not None)
    decision = form.child_dialog
    assert isinstance(decision, DecisionDialog)
    qtbot.waitUntil(decision.isActiveWindow)
    assert clerk.target() is decision.number
    clerk.type("РП-112")
    clerk.tab()
    clerk.type("20.09.2026")
    clerk.tab()
    assert clerk.target() is decision.approved_amount
    clerk.type("48500")
    with qtbot.waitSignal(form.saved, timeout=3000):
        clerk.press(Qt.Key.Key_Return)  # OK; asked about the amount: «Д»
    assert len(asked) == 1 and form.status == S.APPROVED
    back_to(qtbot, form)

    # The notice: the review tab takes the keyboard to its date once there is a decision.
    clerk.press(Qt.Key.Key_Backtab, CTRL | SHIFT)  # as X11 sends Ctrl+Shift+Tab
    assert clerk.target() is form.notice_sent_on.line
    clerk.type("22.09.2026")

    # The payment, saved with the notice's date.
    clerk.press(Qt.Key.Key_Tab, CTRL)
    qtbot.waitUntil(form.status_buttons[S.PAID].isVisible)
    clerk.press(*alt("л"))  # «Внести вып_лату…»
    qtbot.waitUntil(lambda: form.child_dialog is not None)
    payment = form.child_dialog
    assert payment is not None and payment is not decision
    qtbot.waitUntil(payment.isActiveWindow)
    clerk.type("25.09.2026")
    clerk.tab(2)  # the amount approved stays
    clerk.type("п/п 3391")
    with qtbot.waitSignal(form.saved, timeout=3000):
        clerk.press(Qt.Key.Key_Return)
    assert form.status == S.PAID
    back_to(qtbot, form)
    clerk.press(Qt.Key.Key_Escape)  # saved: closes without a question
    qtbot.waitUntil(lambda: not form.isVisible())

    [claim] = store.claims_for_incident(incident.id)
    assert claim.status == S.PAID and claim.number == "CLM-2026-0001"
    assert claim.claimant_id == people[0].id and claim.items == [incident.vehicles[0].id]
    assert (claim.filed_on, claim.received_via, claim.registered_on, claim.executor) == (
        date(2026, 9, 14), ReceivedVia.IN_PERSON, date(2026, 9, 14), "Соколова Ирина Павловна")
    assert claim.requested_amount == Decimal("48500.00")
    papers = {d.kind: (d.received_on, d.note) for d in claim.documents}
    assert papers == {
        **{kind: (date(2026, 9, 14), None) for kind in (
            DocumentKind.APPLICATION, DocumentKind.IDENTITY_DOCUMENT, DocumentKind.PERSONAL_DATA_CONSENT,
            DocumentKind.VEHICLE_REGISTRATION, DocumentKind.BANK_DETAILS)},
        DocumentKind.DAMAGE_ASSESSMENT: (date(2026, 9, 16), "акт осмотра комиссии"),
    }
    act = claim.inspection
    assert act is not None and (act.number, act.date, act.assessed_amount) == ("12-К", date(2026, 9, 15), Decimal("51200.00"))
    assert act.members == ["председатель комиссии, Николаев Павел Андреевич", "инженер МКУ «УГХ», Лебедева Дарья Игоревна"]
    assert act.findings == "разбито лобовое стекло, вмятины на капоте"
    assert claim.decision is not None
    assert (claim.decision.number, claim.decision.date, claim.decision.approved_amount, claim.decision.notice_sent_on) == (
        "РП-112", date(2026, 9, 20), Decimal("48500.00"), date(2026, 9, 22))
    assert claim.payment is not None
    assert (claim.payment.date, claim.payment.amount, claim.payment.reference) == (
        date(2026, 9, 25), Decimal("48500.00"), "п/п 3391")

    print(f"\nA claim from received to paid: {len(clerk.keys)} keys beyond the text "
          f"({', '.join(f'{k}×{clerk.keys.count(k)}' for k in dict.fromkeys(clerk.keys))}), "
          f"{clerk.typed} characters typed, 0 clicks")
    assert len(clerk.keys) <= 52
