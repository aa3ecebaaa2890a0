"""The claim's legal path in the claim form (interchange v2): typed as a clerk types, judged on its edge days.

How and when the claim came, its registration, executor, one extension, the commission's act and
the notice of the decision are typed key by key (dotted dates, Tab, first letters) into the form
in Russian and read back from the store; the path across the top of the form names the dates due
and says overdue or extended exactly as `domain.deadlines` does, on the days either side of each
deadline; the decision dialog proposes the amount by the office's payment rules.
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import re  # noqa: E402
from collections.abc import Iterator  # noqa: E402
from datetime import date, timedelta  # noqa: E402
from decimal import Decimal  # noqa: E402
from typing import Any  # noqa: E402

import pytest  # noqa: E402
from PySide6.QtCore import Qt  # noqa: E402

from desktop.domain import deadlines  # noqa: E402
from desktop.domain.enums import ClaimStatus, ReceivedVia  # noqa: E402
from desktop.domain.models import Decision, Extension, Incident, Person  # noqa: E402
from desktop.exchange import import_file  # noqa: E402
from desktop.storage import Store  # noqa: E402
from desktop.ui import i18n  # noqa: E402
from desktop.ui.dialogs.claim_form import ClaimDialog, resolve_executor  # noqa: E402
from desktop.ui.dialogs.decision import DecisionDialog  # noqa: E402
from desktop.ui.widgets.claim_path import DONE, LATE, NOT_YET, WAITING, ClaimPathPanel, PathFacts  # noqa: E402
from tests.samples import sample  # noqa: E402
from tests.ui.forms_fixtures import (  # noqa: E402
    no_modal_loops,  # noqa: F401 - an autouse fixture, active here by being imported
    seed_kaluga,
    show_form,
)
from tests.ui.keyboard import Clerk  # noqa: E402

S = ClaimStatus
NB = "\u00a0"


def rub(text: str) -> str:
    """Sums as the window writes them: «60 000,00 ₽» with no-break spaces."""
    text = re.sub(r"(\d) (?=\d{3}\b)", "\\1" + NB, text)
    return re.sub(r"(\d{2}) ₽", "\\1" + NB + "₽", text)


EXECUTORS = ["Соколова Ирина Павловна", "Тихонов Глеб Романович", "Козлова Елена Викторовна"]


@pytest.fixture
def russian() -> Iterator[None]:
    i18n.install("ru")
    yield


@pytest.fixture
def kaluga(store: Store) -> tuple[Store, Incident, list[Person]]:
    incident, people = seed_kaluga(store)
    store.set_setting("executors", EXECUTORS)
    return store, incident, people


@pytest.fixture
def v2_store(store: Store) -> Store:
    """The v2 sample: CLM-2026-0002 registered 16.09 (answer due 16.10), CLM-2026-0004 approved and extended."""
    import_file(store, sample("sample-kaluga-2026-09-v2.json"))
    store.set_setting("executors", EXECUTORS)
    return store


def open_claim(qtbot: Any, store: Store, number: str) -> ClaimDialog:
    claim = store.get_claim_by_number(number)
    assert claim is not None
    return show_form(qtbot, ClaimDialog(store, claim.id))


def to_review_tab(clerk: Clerk, dialog: ClaimDialog) -> None:
    """Ctrl+Tab from tab to tab, as the keyboard does, to «Рассмотрение и ответ»."""
    for _ in range(dialog.tabs.count()):
        if dialog.tabs.currentWidget() is dialog.review_page:
            return
        clerk.press(Qt.Key.Key_Tab, Qt.KeyboardModifier.ControlModifier)
    raise AssertionError("Ctrl+Tab never reached the review tab")


# ---- typed as a clerk types ---------------------------------------------------------------

def test_a_clerk_types_how_and_when_it_came_the_act_and_the_extension(
        qtbot: Any, russian: None, kaluga: tuple[Store, Incident, list[Person]]) -> None:
    store, incident, people = kaluga
    dialog = show_form(qtbot, ClaimDialog(store, None, incident.id))
    clerk = Clerk(qtbot)
    assert clerk.target() is dialog.claimant.display
    clerk.type("Кузнец")
    clerk.press(Qt.Key.Key_Return)
    assert dialog.claimant.person_id() == people[1].id
    while clerk.target() is not dialog.filed_on.line:
        clerk.tab()  # past the person's buttons
    clerk.type("15.09.2026")
    assert dialog.registered_on.text() == "15.09.2026"  # the registration follows the filing date…
    clerk.tab()
    assert clerk.target() is dialog.received_via
    clerk.type("п")  # the first letter picks «почтой»
    assert dialog.received_via.currentData() == ReceivedVia.POST
    clerk.tab()
    assert clerk.target() is dialog.registered_on.line
    clerk.type("19.09.2026")  # …until the clerk types one: four days after filing, late
    clerk.tab()
    assert dialog.path.steps["registered"].state == LATE
    assert "с опозданием на 1 день" in dialog.path.steps["registered"].text()
    assert "не позднее 18.09.2026" in dialog.path.steps["registered"].text()
    assert clerk.target() in (dialog.executor, dialog.executor.lineEdit())
    clerk.type("т")  # the first letter: «Тихонов Глеб Романович», completed
    clerk.tab()
    assert dialog.executor.currentText() == "Тихонов Глеб Романович"
    assert clerk.target() is dialog.kind
    clerk.tab(3)  # kind, requested, insurance: as they are
    assert clerk.target() is dialog.items
    dialog.items.setCurrentRow(1)  # the Kia: Down from the first row
    clerk.press(Qt.Key.Key_Space)
    assert dialog.checked_items() == [incident.vehicles[1].id]

    to_review_tab(clerk, dialog)
    assert clerk.target() is dialog.inspection_number
    clerk.type("12-К")
    clerk.tab()
    clerk.type("16.09.2026")
    clerk.tab()
    assert clerk.target() is dialog.inspection_members
    clerk.type("председатель комиссии, Николаев П. А.")
    clerk.press(Qt.Key.Key_Return)  # one member per line
    clerk.type("инженер, Лебедева Д. И.")
    clerk.tab()
    clerk.type("повреждены крыша и заднее стекло")
    clerk.tab()
    assert clerk.target() is dialog.inspection_amount
    clerk.type("60 000")
    clerk.tab()
    assert clerk.target() is dialog.extension_until.line
    clerk.type("20.11.2026")  # past the longest extension: registered 19.09, answer due 19.10, at most 18.11
    clerk.tab()
    message = dialog.validation["extension.until"].message
    assert message.isVisible() and message.text() == "не более 30 дней после исходного срока ответа: не позднее 18.11.2026"
    assert "Основание продления" in dialog.problems_label.text() or not dialog.save_button.isEnabled()
    clerk.press(Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)  # back to the date, selected whole
    assert clerk.target() is dialog.extension_until.line
    clerk.type("10.11.2026")
    assert not dialog.validation["extension.until"].message.isVisible()
    clerk.tab()
    assert clerk.target() is dialog.extension_reason
    assert not dialog.save_button.isEnabled()  # an extension needs its reason
    assert dialog.validation["extension.reason"].error() is not None
    clerk.type("запрошено заключение эксперта")
    clerk.tab()
    clerk.type("12.10.2026")
    assert not dialog.notice_sent_on.isEnabled()  # no decision yet: nothing to notify of
    assert dialog.save_button.isEnabled()
    with qtbot.waitSignal(dialog.saved, timeout=2000):
        clerk.press(Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)

    claim = store.get_claim(dialog.claim_id)
    assert claim is not None
    assert claim.filed_on == date(2026, 9, 15) and claim.registered_on == date(2026, 9, 19)
    assert claim.received_via == ReceivedVia.POST and claim.executor == "Тихонов Глеб Романович"
    assert claim.inspection is not None
    assert claim.inspection.number == "12-К" and claim.inspection.date == date(2026, 9, 16)
    assert claim.inspection.members == ["председатель комиссии, Николаев П. А.", "инженер, Лебедева Д. И."]
    assert claim.inspection.findings == "повреждены крыша и заднее стекло"
    assert claim.inspection.assessed_amount == Decimal("60000.00")
    assert claim.extension == Extension(until=date(2026, 11, 10), reason="запрошено заключение эксперта",
                                        notice_sent_on=date(2026, 10, 12))
    assert dialog.path.steps["inspection"].text() == rub("Обследование\nакт 12-К от 16.09.2026\nущерб 60 000,00 ₽")
    assert "срок продлён до 10.11.2026" in dialog.path.steps["decision"].text()
    assert rub("предложено 60 000,00 ₽") in dialog.path.steps["decision"].text()  # the act's amount, no caps


def test_a_stored_claim_without_a_registration_date_keeps_it_absent(qtbot: Any, v2_store: Store) -> None:
    """Absent means registered on the filing day: shown so, and not written by a save of something else."""
    claim = v2_store.get_claim_by_number("CLM-2026-0004")
    assert claim is not None and claim.registered_on is None
    dialog = open_claim(qtbot, v2_store, "CLM-2026-0004")
    assert dialog.registered_on.text() == "18.09.2026"
    dialog.notes.setFocus()
    Clerk(qtbot).type("позвонить заявителю")
    with qtbot.waitSignal(dialog.saved, timeout=2000):
        dialog.save()
    saved = v2_store.get_claim(claim.id)
    assert saved is not None and saved.registered_on is None and saved.notes == "позвонить заявителю"
    assert saved.extension == claim.extension and saved.executor == "Тихонов Глеб Романович"


def test_the_notice_of_a_decision_is_typed_and_checked_against_the_decision(
        qtbot: Any, russian: None, v2_store: Store) -> None:
    dialog = open_claim(qtbot, v2_store, "CLM-2026-0004")  # approved by РП-120 of 24.09.2026, no notice yet
    assert dialog.path.steps["notice"].state == WAITING and "не направлено" in dialog.path.steps["notice"].text()
    clerk = Clerk(qtbot)
    to_review_tab(clerk, dialog)
    dialog.notice_sent_on.setFocus()
    assert dialog.notice_sent_on.isEnabled()
    clerk.type("23.09.2026")
    assert dialog.validation["decision.notice_sent_on"].message.text() == "раньше решения"
    assert not dialog.save_button.isEnabled()
    dialog.notice_sent_on.line.selectAll()
    clerk.type("25.09.2026")
    clerk.tab()
    assert dialog.save_button.isEnabled()
    assert dialog.path.steps["notice"].state == DONE and "направлено 25.09.2026" in dialog.path.steps["notice"].text()
    with qtbot.waitSignal(dialog.saved, timeout=2000):
        clerk.press(Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    claim = v2_store.get_claim_by_number("CLM-2026-0004")
    assert claim is not None and claim.decision is not None
    assert claim.decision.notice_sent_on == date(2026, 9, 25) and claim.decision.number == "РП-120"


def test_an_executor_typed_in_any_case_or_by_its_beginning_is_the_offices_name() -> None:
    assert resolve_executor("тихонов глеб романович", EXECUTORS) == "Тихонов Глеб Романович"
    assert resolve_executor("Коз", EXECUTORS) == "Козлова Елена Викторовна"
    assert resolve_executor("соколова  ирина", EXECUTORS) == "Соколова Ирина Павловна"
    assert resolve_executor("К", [*EXECUTORS, "Кузьмин А. А."]) is None  # two begin so: the clerk's text stays
    assert resolve_executor("Петров", EXECUTORS) is None


def test_an_executor_not_on_the_list_is_kept_with_a_warning(qtbot: Any, kaluga: tuple[Store, Incident, list[Person]]) -> None:
    store, incident, _people = kaluga
    dialog = show_form(qtbot, ClaimDialog(store, None, incident.id))
    dialog.executor.setFocus()
    Clerk(qtbot).type("Петров П. П.")
    dialog.items.item(0).setCheckState(Qt.CheckState.Checked)
    assert dialog.validation["executor"].value() == "Петров П. П."
    assert "Петров П. П. is not on the office's list of executors (Settings)." in dialog.warnings_label.text()


# ---- the path on its edge days ------------------------------------------------------------

FILED = date(2026, 9, 15)


def path(qtbot: Any, facts: PathFacts, today: date) -> ClaimPathPanel:
    panel = ClaimPathPanel()
    qtbot.addWidget(panel)
    panel.show_facts(facts, today)
    return panel


@pytest.mark.parametrize(("registered", "late"), [(None, False), (FILED + timedelta(days=3), False),
                                                  (FILED + timedelta(days=4), True)])
def test_registration_is_late_from_the_fourth_day(qtbot: Any, registered: date | None, late: bool) -> None:
    panel = path(qtbot, PathFacts(status=S.RECEIVED, filed_on=FILED, registered_on=registered), FILED)
    step = panel.steps["registered"]
    assert step.state == (LATE if late else DONE)
    assert ("1 day late" in step.text()) is late
    assert "due by 18.09.2026" in step.text()


@pytest.mark.parametrize(("age", "state", "text"), [
    (29, NOT_YET, "1 day left"), (30, NOT_YET, "0 days left"), (31, LATE, "1 day overdue"), (45, LATE, "15 days overdue"),
])
def test_the_answer_is_overdue_from_the_thirty_first_day_after_registration(
        qtbot: Any, age: int, state: str, text: str) -> None:
    registered = FILED + timedelta(days=1)
    today = registered + timedelta(days=age)
    panel = path(qtbot, PathFacts(status=S.UNDER_REVIEW, filed_on=FILED, registered_on=registered), today)
    step = panel.steps["decision"]
    assert step.state == state and text in step.text()
    assert "answer due 16.10.2026" in step.text()
    assert step.text().endswith(text)


@pytest.mark.parametrize(("day", "state", "text"), [(date(2026, 11, 10), NOT_YET, "0 days left"),
                                                    (date(2026, 11, 11), LATE, "1 day overdue")])
def test_an_extended_answer_is_due_on_the_date_it_was_extended_to(qtbot: Any, day: date, state: str, text: str) -> None:
    extension = Extension(until=date(2026, 11, 10), reason="экспертиза", notice_sent_on=date(2026, 10, 10))
    panel = path(qtbot, PathFacts(status=S.UNDER_REVIEW, filed_on=FILED, extension=extension), day)
    step = panel.steps["decision"]
    assert "extended to 10.11.2026" in step.text() and text in step.text() and step.state == state
    assert "10.10.2026" in step.toolTip()


def test_a_decided_claim_is_never_overdue_and_is_answered_once_notified(qtbot: Any) -> None:
    decision = Decision(number="РП-1", date=date(2026, 10, 1), approved_amount=Decimal("100"))
    late = FILED + timedelta(days=90)
    panel = path(qtbot, PathFacts(status=S.APPROVED, filed_on=FILED, decision=decision), late)
    assert "overdue" not in panel.text() and panel.steps["decision"].state == DONE
    assert panel.steps["notice"].state == WAITING and panel.steps["payment"].state == WAITING
    notified = Decision(number="РП-1", date=date(2026, 10, 1), approved_amount=Decimal("100"),
                        notice_sent_on=date(2026, 10, 2))
    panel.show_facts(PathFacts(status=S.APPROVED, filed_on=FILED, decision=notified), late)
    assert panel.steps["notice"].state == DONE and "sent 02.10.2026" in panel.steps["notice"].text()


def test_the_path_follows_the_laws_figures_not_its_own(qtbot: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    """Were the periods of 59-FZ changed in `deadlines.py`, the path would follow: no 3 or 30 of its own."""
    monkeypatch.setattr(deadlines, "REGISTRATION_DAYS", 5)
    monkeypatch.setattr(deadlines, "ANSWER_DAYS", 45)
    facts = PathFacts(status=S.UNDER_REVIEW, filed_on=FILED, registered_on=FILED + timedelta(days=4))
    panel = path(qtbot, facts, FILED + timedelta(days=4 + 45))
    assert panel.steps["registered"].state == DONE and "due by 20.09.2026" in panel.steps["registered"].text()
    assert "answer due 03.11.2026" in panel.steps["decision"].text() and "0 days left" in panel.steps["decision"].text()


@pytest.mark.parametrize(("today", "overdue"), [(date(2026, 10, 16), False), (date(2026, 10, 17), True)])
def test_the_forms_path_judges_a_stored_claim_on_its_edge_days(
        qtbot: Any, russian: None, v2_store: Store, monkeypatch: pytest.MonkeyPatch, today: date, overdue: bool) -> None:
    monkeypatch.setattr(ClaimDialog, "today", staticmethod(lambda: today))
    dialog = open_claim(qtbot, v2_store, "CLM-2026-0002")  # registered 16.09.2026, under review
    step = dialog.path.steps["decision"]
    assert "ответ до 16.10.2026" in step.text()
    assert step.text().endswith("просрочено на 1 день" if overdue else "осталось 0 дней")
    assert step.state == (LATE if overdue else NOT_YET)
    received = dialog.path.steps["received"].text()
    assert received == "Поступило\n15.09.2026\nчерез Госуслуги"
    assert dialog.path.steps["registered"].text() == "Зарегистрировано\n16.09.2026\nне позднее 18.09.2026"


# ---- the decision by the payment rules ----------------------------------------------------

CAPS = {"vehicle": {"moderate": "40000", "destroyed": "156750"}}


def approve(qtbot: Any, dialog: ClaimDialog) -> DecisionDialog:
    if S.UNDER_REVIEW in dialog.status_buttons:
        dialog.change_status(S.UNDER_REVIEW)
    dialog.change_status(S.APPROVED)
    decision = dialog.child_dialog
    assert isinstance(decision, DecisionDialog)
    qtbot.waitUntil(decision.isActiveWindow)
    return decision


def test_the_decision_proposes_the_capped_amount_and_shows_how(
        qtbot: Any, russian: None, kaluga: tuple[Store, Incident, list[Person]]) -> None:
    store, incident, _people = kaluga
    store.set_setting("payment_rules", CAPS)
    dialog = show_form(qtbot, ClaimDialog(store, None, incident.id))
    dialog.items.item(1).setCheckState(Qt.CheckState.Checked)  # the Kia: 112 000 estimated, moderate
    dialog.insurance_paid.setText("2000")
    assert rub("предложено 38 000,00 ₽") in dialog.path.steps["decision"].text()
    decision = approve(qtbot, dialog)
    assert decision.approved_amount.text() == "38 000,00"  # 40 000 capped − 2 000 insurance
    assert decision.reckoning.text().splitlines() == [rub(line) for line in (
        "Kia Rio, М456ОР40 (транспортное средство, средняя): оценено 112 000,00 ₽ по предварительной оценке, "
        "предел 40 000,00 ₽ — принято 40 000,00 ₽",
        "За вычетом страховой выплаты: 2 000,00 ₽",
        "Предлагается: 38 000,00 ₽",
    )]
    # Tab: number → date → amount, as before
    clerk = Clerk(qtbot)
    assert clerk.target() is decision.number
    clerk.type("РП-7")
    clerk.tab(2)
    assert clerk.target() is decision.approved_amount
    assert decision.approved_amount.selectedText() == "38 000,00"
    clerk.type("50000")
    assert rub("По правилам выплат предлагается 38 000,00 ₽.") in decision.warning.text()

    asked: list[tuple[str, str]] = []
    answers = iter([False, True])
    decision.confirm = lambda title, text: asked.append((title, text)) or next(answers)  # type: ignore[method-assign]
    decision.override.setChecked(True)
    decision.override_reason.setPlainText("документы обещаны")
    qtbot.mouseClick(decision.save_button, Qt.MouseButton.LeftButton)  # «Нет»: the dialog stays, nothing saved
    assert decision.isVisible()
    assert asked[0] == ("Сумма отличается от предложенной",
                        rub("Одобрить 50 000,00 ₽? По правилам выплат предлагается 38 000,00 ₽; сумма больше "
                            "предложенной будет отмечена в карточке заявления."))
    assert store.get_claim(dialog.claim_id).status == S.UNDER_REVIEW  # type: ignore[union-attr]
    with qtbot.waitSignal(dialog.saved, timeout=2000):
        qtbot.mouseClick(decision.save_button, Qt.MouseButton.LeftButton)  # «Да»
    claim = store.get_claim(dialog.claim_id)
    assert claim is not None and claim.status == S.APPROVED
    assert claim.decision is not None and claim.decision.approved_amount == Decimal("50000.00")
    assert rub("одобрено 50 000,00 ₽") in dialog.path.steps["decision"].text()
    assert dialog.path.steps["decision"].state == WAITING  # above the proposal: marked
    assert rub("Одобрено 50 000,00 ₽ — больше, чем предлагается по правилам выплат (38 000,00 ₽).") in (
        dialog.warnings_label.text())


def test_approving_the_proposed_amount_asks_nothing(qtbot: Any, kaluga: tuple[Store, Incident, list[Person]]) -> None:
    store, incident, _people = kaluga
    store.set_setting("payment_rules", CAPS)
    dialog = show_form(qtbot, ClaimDialog(store, None, incident.id))
    dialog.items.item(0).setCheckState(Qt.CheckState.Checked)  # the Lada: 48 500 estimated, capped at 40 000
    decision = approve(qtbot, dialog)
    assert decision.approved_amount.text() == "40 000.00"
    decision.number.setText("РП-8")
    decision.override.setChecked(True)
    decision.override_reason.setPlainText("документы обещаны")
    with qtbot.waitSignal(dialog.saved, timeout=2000):
        qtbot.mouseClick(decision.save_button, Qt.MouseButton.LeftButton)  # no question (confirm would fail the test)
    assert store.get_claim(dialog.claim_id).decision.approved_amount == Decimal("40000.00")  # type: ignore[union-attr]


def test_a_decided_claim_takes_no_typing_into_what_it_was_decided_on(qtbot: Any, v2_store: Store) -> None:
    """The act, how it came and its registration are read-only on a paid claim (they took typing
    and refused it only at the save); who answers, the extension and the notice stay open."""
    dialog = open_claim(qtbot, v2_store, "CLM-2026-0001")  # paid
    clerk = Clerk(qtbot)
    to_review_tab(clerk, dialog)
    for edit in (dialog.inspection_number, dialog.inspection_amount, dialog.inspection_members,
                 dialog.inspection_findings, dialog.inspection_date.line):
        edit.setFocus()
        before = edit.toPlainText() if hasattr(edit, "toPlainText") else edit.text()
        clerk.type("1")
        assert (edit.toPlainText() if hasattr(edit, "toPlainText") else edit.text()) == before
    assert dialog.registered_on.isReadOnly() and not dialog.received_via.isEnabled()
    assert not dialog.extension_until.isReadOnly() and not dialog.extension_reason.isReadOnly()
    assert dialog.notice_sent_on.isEnabled() and not dialog.notice_sent_on.isReadOnly()
    assert dialog.executor.isEnabled()
    assert not dialog.is_dirty()
