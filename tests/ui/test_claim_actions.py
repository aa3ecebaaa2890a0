"""The claims register's legal-path actions: inspection act, decision notice (recorded as sent when
printed or marked), payment register marked paid in one transaction, deadline control.

On the v2 sample with CLM-2026-0002 approved too (`tests.v2_variants.two_approved`); today is
20.10.2026 (tests/ui/conftest.py).
"""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialog, QLabel, QMessageBox

from desktop.domain.enums import ClaimStatus
from desktop.domain.views import Filters
from desktop.exchange import import_file
from desktop.storage import Store
from desktop.ui.claim_actions import MarkPaidDialog, NoticeSentDialog
from desktop.ui.dialogs import conflict
from desktop.ui.main_window import CLAIMS_TAB, MainWindow
from tests.reports.pdfcheck import pdf_text, squash
from tests.ui.conftest import TODAY
from tests.ui.test_report_preview import wait_preview
from tests.v2_variants import two_approved, v2_data


@pytest.fixture
def v2_window(tmp_path: Path, qtbot, monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    source = tmp_path / "v2.json"
    source.write_text(json.dumps(two_approved(v2_data()), ensure_ascii=False), encoding="utf-8")
    store = Store.open(tmp_path / "log.sqlite3")
    import_file(store, source)
    store.set_setting("office_name", "Администрация города Калуги")
    messages: list[str] = []
    for name in ("information", "warning"):
        monkeypatch.setattr(QMessageBox, name, lambda _parent, _title, text, *a, **k: messages.append(text))
    win = MainWindow(store, today=TODAY)
    qtbot.addWidget(win)
    win.resize(1366, 768)
    win.show()
    win.tabs.setCurrentIndex(CLAIMS_TAB)
    win.messages = messages  # type: ignore[attr-defined]
    yield win
    win.close()
    store.close()


def select(window: MainWindow, number: str) -> None:
    model = window.claim_model
    row = next(n for n in range(model.rowCount()) if model.row_at(n).number == number)  # type: ignore[union-attr]
    window.claims.view.selectRow(row)


def test_the_actions_are_in_the_context_menu_and_the_menus(v2_window: MainWindow) -> None:
    actions = v2_window.claim_actions
    texts = [a.text() for a in actions.menu().actions() if not a.isSeparator()]
    for action in (*actions.claim_actions(), *actions.register_actions()):
        assert action.text() in texts
    menus = [a for top in v2_window.menuBar().actions() if top.menu() for a in top.menu().actions()]
    for action in (*actions.claim_actions(), *actions.register_actions()):
        assert action in menus
    v2_window.claims.view.clearSelection()
    assert not actions.inspection_act_action.isEnabled()
    select(v2_window, "CLM-2026-0001")
    assert actions.inspection_act_action.isEnabled() and actions.decision_notice_action.isEnabled()


def test_the_inspection_act_of_the_selected_claim(v2_window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    select(v2_window, "CLM-2026-0001")
    v2_window.claim_actions.inspection_act_action.trigger()
    dialog = wait_preview(qtbot, v2_window.last_job)
    assert dialog.windowTitle() == "Inspection act, claim CLM-2026-0001"
    assert "12-К" in pdf_text(dialog.pdf)


def test_printing_the_notice_records_it_as_sent_today_once(v2_window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    store = v2_window.store
    select(v2_window, "CLM-2026-0004")
    v2_window.claim_actions.decision_notice_action.trigger()
    dialog = wait_preview(qtbot, v2_window.last_job)
    assert dialog.windowTitle() == "Decision notice, claim CLM-2026-0004"
    assert "Dear Sir or Madam," in pdf_text(dialog.pdf)  # in the window's language
    assert store.get_claim_by_number("CLM-2026-0004").decision.notice_sent_on is None  # type: ignore[union-attr]
    dialog.printed.emit(1)  # the print dialog accepted and the pages sent
    assert store.get_claim_by_number("CLM-2026-0004").decision.notice_sent_on == TODAY  # type: ignore[union-attr]
    assert "recorded as sent on 20.10.2026" in v2_window.statusBar().currentMessage()
    # A notice recorded already keeps its day when printed again
    select(v2_window, "CLM-2026-0001")
    v2_window.claim_actions.decision_notice_action.trigger()
    wait_preview(qtbot, v2_window.last_job).printed.emit(1)
    assert store.get_claim_by_number("CLM-2026-0001").decision.notice_sent_on == date(2026, 9, 22)  # type: ignore[union-attr]


def test_an_undecided_claim_has_no_notice_to_print(v2_window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    reopened = replace(v2_window.store.get_claim_by_number("CLM-2026-0003"), status=ClaimStatus.UNDER_REVIEW)  # type: ignore[type-var]
    v2_window.store.save_claim(reopened, reason="жалоба")  # reopened on appeal: under review again
    v2_window.refresh()
    select(v2_window, "CLM-2026-0003")
    v2_window.claim_actions.notice_sent_action.trigger()
    assert "is not decided" in v2_window.messages[-1]  # type: ignore[attr-defined]
    v2_window.claim_actions.report_decision_notice()
    with qtbot.waitSignal(v2_window.last_job.ended, timeout=30_000):
        pass
    assert "not decided" in v2_window.messages[-1]  # type: ignore[attr-defined]


def test_marking_the_notice_sent_on_a_day(v2_window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    def answer(dialog: NoticeSentDialog) -> int:
        dialog.date.setText("23.10.2026")
        dialog.accept()
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(NoticeSentDialog, "exec", answer)
    select(v2_window, "CLM-2026-0002")
    v2_window.claim_actions.notice_sent_action.trigger()
    claim = v2_window.store.get_claim_by_number("CLM-2026-0002")
    assert claim.decision.notice_sent_on == date(2026, 10, 23)  # type: ignore[union-attr]
    # A day before the decision (25.09.2026) is refused with the rule's words, nothing saved
    monkeypatch.setattr(NoticeSentDialog, "exec", lambda d: (d.date.setText("01.09.2026"), d.accept(),
                                                             QDialog.DialogCode.Accepted)[-1])
    v2_window.claim_actions.notice_sent_action.trigger()
    assert "before the decision" in v2_window.messages[-1]  # type: ignore[attr-defined]
    assert v2_window.store.get_claim_by_number("CLM-2026-0002").decision.notice_sent_on == date(2026, 10, 23)  # type: ignore[union-attr]


@pytest.mark.parametrize("choice", [conflict.RELOAD, conflict.KEEP_MINE])
def test_a_save_by_another_clerk_meanwhile_is_asked_as_the_form_asks(v2_window: MainWindow, choice: str,
                                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    store = v2_window.store
    seen = store.get_claim_by_number("CLM-2026-0004")
    store.save_claim(replace(store.get_claim(seen.id), notes="другой сотрудник"))  # type: ignore[arg-type, type-var, union-attr]
    asked = []
    monkeypatch.setattr(v2_window.claim_actions, "ask_conflict", lambda e: asked.append(e) or choice)
    saved = v2_window.claim_actions.save_notice(seen, TODAY)  # type: ignore[arg-type]
    assert len(asked) == 1 and asked[0].kind == "claim"
    stored = store.get_claim(seen.id)  # type: ignore[union-attr]
    if choice == conflict.RELOAD:  # theirs kept, nothing recorded
        assert not saved and stored.decision.notice_sent_on is None and stored.notes == "другой сотрудник"  # type: ignore[union-attr]
    else:  # mine saved over theirs, the history saying so
        assert saved and stored.decision.notice_sent_on == TODAY  # type: ignore[union-attr]
        assert "saved over the change by" in store.history(seen.id)[-1].reason  # type: ignore[operator, union-attr]


def test_the_payment_register_and_deadline_control_print_from_the_claims_filter(v2_window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    v2_window.claim_actions.payment_register_action.trigger()
    dialog = wait_preview(qtbot, v2_window.last_job)
    assert dialog.windowTitle() == "Payment register"
    assert squash("Итого к выплате: 2 185 000,00 ₽") in squash(pdf_text(dialog.pdf)) or \
        squash("Total to pay: ₽2,185,000.00") in squash(pdf_text(dialog.pdf))
    v2_window.claim_actions.deadlines_action.trigger()
    dialog = wait_preview(qtbot, v2_window.last_job)
    assert dialog.windowTitle() == "Deadline control"
    v2_window.claims.filter_bar.set_filters(Filters(status=ClaimStatus.PAID))
    v2_window.claim_actions.payment_register_action.trigger()
    assert "approved claims only" in v2_window.messages[-1]  # type: ignore[attr-defined]


def _confirm(order: str, day: str):  # type: ignore[no-untyped-def]
    def answer(dialog: MarkPaidDialog) -> int:
        dialog.order.setText(order)
        dialog.date.setText(day)
        dialog.accept()
        return QDialog.DialogCode.Accepted if dialog.result() == QDialog.DialogCode.Accepted else QDialog.DialogCode.Rejected
    return answer


def test_marking_the_register_paid_pays_every_claim_at_once(v2_window: MainWindow, qtbot,  # type: ignore[no-untyped-def]
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    shown = []
    real_init = MarkPaidDialog.__init__

    def spy(self, claims, total, today, parent=None):  # type: ignore[no-untyped-def]
        shown.append((claims, total))
        real_init(self, claims, total, today, parent)

    monkeypatch.setattr(MarkPaidDialog, "__init__", spy)
    monkeypatch.setattr(MarkPaidDialog, "exec", _confirm("4512", "19.10.2026"))
    v2_window.claim_actions.mark_paid_action.trigger()
    assert shown == [(2, Decimal("2185000.00"))]
    with qtbot.waitSignal(v2_window.last_job.ended, timeout=60_000):
        pass
    store = v2_window.store
    for number, amount in (("CLM-2026-0002", "85000.00"), ("CLM-2026-0004", "2100000.00")):
        claim = store.get_claim_by_number(number)
        assert claim.status is ClaimStatus.PAID  # type: ignore[union-attr]
        assert (str(claim.payment.amount), claim.payment.reference, claim.payment.date) == (  # type: ignore[union-attr]
            amount, "п/п 4512", date(2026, 10, 19))
    assert "2 claims marked paid: ₽2,185,000.00, п/п 4512 of 19.10.2026." in v2_window.messages[-1]  # type: ignore[attr-defined]
    assert v2_window.claim_model.rowCount() == 4  # the register re-read
    v2_window.claim_actions.mark_paid_action.trigger()  # nothing left to pay
    assert "No approved claims await payment" in v2_window.messages[-1]  # type: ignore[attr-defined]


def test_a_payment_day_after_tomorrow_is_said_in_the_dialog(qtbot) -> None:  # type: ignore[no-untyped-def]
    """The claims' rule refuses a payment dated ahead; the dialog says so on the spot rather than
    letting the whole register fail in the store."""
    dialog = MarkPaidDialog(2, Decimal("100.00"), date.today())
    qtbot.addWidget(dialog)
    dialog.order.setText("4512")
    dialog.date.setText((date.today() + timedelta(days=2)).strftime("%d.%m.%Y"))
    dialog.accept()
    assert dialog.result() != QDialog.DialogCode.Accepted and "after tomorrow" in dialog.problem.text()
    dialog.date.setText((date.today() + timedelta(days=1)).strftime("%d.%m.%Y"))
    dialog.accept()
    assert dialog.result() == QDialog.DialogCode.Accepted


def test_a_refused_marking_pays_nothing_and_says_why(v2_window: MainWindow, qtbot,  # type: ignore[no-untyped-def]
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(MarkPaidDialog, "exec", _confirm("4512", "24.09.2026"))  # before CLM-2026-0002's decision
    v2_window.claim_actions.mark_paid_action.trigger()
    with qtbot.waitSignal(v2_window.last_job.ended, timeout=60_000):
        pass
    assert "nothing was marked paid" in v2_window.messages[-1]  # type: ignore[attr-defined]
    for number in ("CLM-2026-0002", "CLM-2026-0004"):
        assert v2_window.store.get_claim_by_number(number).payment is None  # type: ignore[union-attr]


def test_the_confirmation_needs_the_order_number(qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = MarkPaidDialog(2, Decimal("85000"), TODAY)
    qtbot.addWidget(dialog)
    dialog.accept()
    assert dialog.result() != QDialog.DialogCode.Accepted and "number of the payment order" in dialog.problem.text()
    assert "₽85,000.00 (eighty-five thousand roubles 00 kopecks)" in dialog.findChildren(QLabel)[0].text()


def test_the_confirmation_of_a_trillion_or_more_gives_the_total_in_figures(qtbot) -> None:  # type: ignore[no-untyped-def]
    """Each amount is below 10^12, a register's total may not be: the words stop there, the dialog does not."""
    dialog = MarkPaidDialog(2, Decimal("1000000084999.99"), TODAY)
    qtbot.addWidget(dialog)
    assert "₽1,000,000,084,999.99 (in words only below a trillion roubles)" in dialog.findChildren(QLabel)[0].text()


def test_the_dialogs_speak_russian(v2_window: MainWindow, qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from desktop.ui import i18n

    i18n.install("ru")
    dialog = MarkPaidDialog(2, Decimal("2185000"), TODAY, v2_window)
    qtbot.addWidget(dialog)
    dialog.show()
    texts = " ".join(label.text() for label in dialog.findChildren(QLabel))
    assert "В реестре на выплату 2 заявления на сумму 2 185 000,00 ₽ (два миллиона сто восемьдесят пять тысяч рублей " \
           "00 копеек)" in texts.replace("\u00a0", " ")
    assert dialog.ok.text() == "Отметить оплаченными 2 заявления"
    assert "Платёжное поручение №:" in texts and "Дата оплаты:" in texts
    dialog.grab().save(str(tmp_path / "mark-paid-ru.png"))
    notice = NoticeSentDialog(v2_window.store.get_claim_by_number("CLM-2026-0004"), TODAY, v2_window)  # type: ignore[arg-type]
    qtbot.addWidget(notice)
    notice.show()
    assert "РП-120 от 24.09.2026" in " ".join(label.text() for label in notice.findChildren(QLabel))
    russian = MainWindow(v2_window.store, today=TODAY)  # a window is built in its language
    qtbot.addWidget(russian)
    menu = [a.text() for a in russian.claim_actions.menu().actions() if not a.isSeparator()]
    for text in ("&Акт обследования…", "&Уведомление о решении…", "О&тметить уведомление как отправленное…",
                 "Реестр на в&ыплату", "Отметить реестр как опла&ченный…", "Контроль &исполнения"):
        assert text in menu
