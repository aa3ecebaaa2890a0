"""The claims register's actions for the legal path's papers: act, notice, payment register, deadlines.

Kept out of `main_window` (which builds them with `ClaimActions(window)` and puts them in its
menus): the inspection act and the decision notice of the selected claim, the notice marked as
sent (or recorded by itself when the notice is printed), the payment register and the deadline
control of what the claims register's filter selects, and the payment register marked paid
(one transaction, `services.payments`), each with the claims register's context menu too.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject, QPoint, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from ..domain.errors import ValidationFailed
from ..domain.money_words import LIMIT as WORDS_LIMIT
from ..domain.money_words import amount_in_words
from ..domain.values import future_limit
from ..domain.views import Filters
from ..domain.words import day, money
from ..services.errors import ServiceError
from ..storage import Conflict, DatabaseUnavailable
from . import i18n
from .dialogs import conflict
from .dialogs.progress import Cancelled, JobContext, error_text, run_job
from .labels import number_text
from .widgets.dates import DateEdit

if TYPE_CHECKING:
    from ..domain.models import Claim
    from .main_window import MainWindow
    from .widgets.register_page import RegisterPage


class ClaimActions(QObject):
    """The actions, their slots, and the claims register's context menu."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        make = window._action
        self.inspection_act_action = make(self.tr("Inspection &act…"), self.report_inspection_act, None,
                                          self.tr("The commission's act of inspection of the selected claim's items"))
        self.decision_notice_action = make(self.tr("&Decision notice…"), self.report_decision_notice, None,
                                           self.tr("The written answer to the claimant; printing it records the "
                                                   "notice as sent"))
        self.notice_sent_action = make(self.tr("Mark the notice as &sent…"), self.mark_notice_sent, None,
                                       self.tr("Record the day the decision notice went to the claimant"))
        self.payment_register_action = make(self.tr("Pa&yment register"), self.report_payment_register, None,
                                            self.tr("Approved, unpaid claims the claims register's filter selects, "
                                                    "for the finance department"))
        self.mark_paid_action = make(self.tr("Mark the payment register as &paid…"), self.mark_register_paid, None,
                                     self.tr("Record the payment of every claim of the payment register, all at once"))
        self.deadlines_action = make(self.tr("Deadline con&trol"), self.report_deadlines, None,
                                     self.tr("Open claims by executor with their answer dates"))
        window.claims.when_built(self._attach_menu)
        window.claims.selectionChanged.connect(self.update_actions)
        window.claims.model.modelReset.connect(self.update_actions)
        self.last_dialog: QDialog | None = None  # the latest dialog opened (tests answer it)
        self.update_actions()

    def _attach_menu(self, page: RegisterPage) -> None:
        page.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        page.view.customContextMenuRequested.connect(self.show_menu)

    # ---- menus -------------------------------------------------------------------------------
    def claim_actions(self) -> list[QAction]:
        return [self.inspection_act_action, self.decision_notice_action, self.notice_sent_action]

    def register_actions(self) -> list[QAction]:
        return [self.payment_register_action, self.mark_paid_action, self.deadlines_action]

    def add_to(self, reports: QMenu, records: QMenu) -> None:
        """The claim's papers and the registers in the Reports menu; the markings in Records."""
        reports.addSeparator()
        reports.addActions([self.inspection_act_action, self.decision_notice_action])
        reports.addActions([self.payment_register_action, self.deadlines_action])
        records.addSeparator()
        records.addActions([self.notice_sent_action, self.mark_paid_action])

    def menu(self) -> QMenu:
        w = self.window
        menu = QMenu(w.claims.view)
        menu.addActions([w.open_action, w.claim_sheet_action, w.request_documents_action])
        menu.addActions(self.claim_actions())
        menu.addSeparator()
        menu.addActions(self.register_actions())
        return menu

    def show_menu(self, at: QPoint) -> None:
        self.menu().popup(self.window.claims.view.viewport().mapToGlobal(at))

    def update_actions(self, *_args: object) -> None:
        page = self.window.claims
        # Not yet shown: the papers ask for a claim's number (MainWindow._claim_number), so there
        # only needs to be a claim.
        selected = page.selected_id() is not None if page.is_built else page.model.total() > 0
        for action in self.claim_actions():
            action.setEnabled(selected)

    # ---- the claim's papers ------------------------------------------------------------------
    def _number(self, title: str) -> str | None:
        return self.window._claim_number(title)

    def report_inspection_act(self) -> None:
        number = self._number(self.tr("Inspection act"))
        if number:
            self.window._report("inspection-act", number=number)

    def report_decision_notice(self) -> None:
        number = self._number(self.tr("Decision notice"))
        if not number:
            return
        request = self.window._report("decision-notice", number=number)
        request.previewReady.connect(lambda dialog: dialog.printed.connect(lambda _pages: self.notice_printed(number)))

    def notice_printed(self, number: str) -> None:
        """The notice went to the printer: recorded as sent today, unless a day is recorded already."""
        from ..services.notices import notice_pending

        claim = self.window.store.get_claim_by_number(number)
        if claim is None or not notice_pending(claim):
            return
        if self.save_notice(claim, self.window._today()):
            self.window.statusBar().showMessage(
                self.tr("Claim {0}: the decision notice is recorded as sent on {1}.").format(
                    number_text(claim.number), day(self.window._today(), i18n.current_language())), 8000)

    def mark_notice_sent(self) -> None:
        """Ask the day (today by default) and record the selected claim's notice as sent on it."""
        from ..services.notices import NOTICE_STATES, notice_pending

        number = self._number(self.tr("Mark the notice as sent"))
        claim = self.window.store.get_claim_by_number(number) if number else None
        if claim is None:
            return
        title = self.tr("Decision notice sent")
        if claim.decision is None or claim.status not in NOTICE_STATES:
            QMessageBox.information(self.window, title, self.tr("Claim {0} is not decided: there is no notice to "
                                                                "send.").format(number_text(claim.number)))
            return
        dialog = NoticeSentDialog(claim, self.window._today(), self.window)
        self.last_dialog = dialog
        if not notice_pending(claim):
            dialog.note.setText(self.tr("Recorded as sent on {0}; a new day replaces it.").format(
                day(claim.decision.notice_sent_on, i18n.current_language())))
        if dialog.exec() != QDialog.DialogCode.Accepted or dialog.sent_on is None:
            return
        self.save_notice(claim, dialog.sent_on)

    def save_notice(self, claim: Claim, sent_on: date, reason: str | None = None) -> bool:
        """Save the notice's day as the claim form saves: another clerk's save meanwhile is a conflict
        the clerk answers (reload theirs: nothing recorded; keep mine: saved over it, audited)."""
        from ..services.notices import record_notice_sent

        title = self.tr("Decision notice sent")
        try:
            record_notice_sent(self.window.store, claim, sent_on, reason=reason)
        except Conflict as e:
            choice = self.ask_conflict(e)
            if choice == conflict.KEEP_MINE:
                from dataclasses import replace

                mine = replace(claim, version=e.current)
                why = QCoreApplication.translate("Conflict", "saved over the change by {0} at {1}").format(
                    e.by or "?", conflict.when(e.at))
                return self.save_notice(mine, sent_on, why)
            self.window.refresh()
            return False
        except (ValidationFailed, ServiceError, DatabaseUnavailable) as e:
            lang = i18n.current_language()
            text = "\n".join(p.in_words(lang) for p in e.problems) if isinstance(e, ValidationFailed) else e.text(lang)
            QMessageBox.warning(self.window, title, text)
            return False
        self.window.refresh()
        return True

    def ask_conflict(self, error: Conflict) -> str:
        """The claim form's question (`dialogs.conflict.ask`); tests replace this method."""
        return conflict.ask(self.window, error)

    # ---- registers ---------------------------------------------------------------------------
    def _claims_filters(self) -> Filters:
        return self.window.claims.filters()

    def report_payment_register(self) -> None:
        filters = self._payment_filters()
        if filters is not None:
            self.window._report("payment-register", filters=filters)

    def report_deadlines(self) -> None:
        self.window._report("deadlines", filters=self._claims_filters())

    def _payment_filters(self) -> Filters | None:
        from ..services.payments import register_filters

        try:
            return register_filters(self._claims_filters())
        except ServiceError as e:
            QMessageBox.information(self.window, self.tr("Payment register"), e.text(i18n.current_language()))
            return None

    def mark_register_paid(self) -> None:
        """The payment register of the claims register's filter, confirmed with the payment order's
        day and number, then every claim of it paid in one transaction (or none)."""
        from ..services.payments import register_rows

        filters = self._payment_filters()
        if filters is None:
            return
        title = self.tr("Mark the payment register as paid")
        expected = {row.id: row.approved for row in register_rows(self.window.store, filters)}
        if not expected:
            QMessageBox.information(self.window, title, self.tr("No approved claims await payment under this filter."))
            return
        total = sum((a for a in expected.values() if a is not None), Decimal("0.00"))
        dialog = MarkPaidDialog(len(expected), total, self.window._today(), self.window)
        self.last_dialog = dialog
        if dialog.exec() != QDialog.DialogCode.Accepted or dialog.paid_on is None:
            return
        self.run_marking(expected, dialog.paid_on, dialog.reference)

    def run_marking(self, expected: dict[str, Decimal | None], paid_on: date, reference: str,
                    done: Callable[[Any], None] | None = None) -> Any:
        from ..services.payments import mark_register_paid

        title = self.tr("Mark the payment register as paid")

        def work(ctx: JobContext) -> Any:
            def progress(saved: int, total: int) -> None:
                if ctx.cancelled():
                    raise Cancelled()  # inside the transaction: every payment written so far is rolled back
                ctx.progress(saved, total)

            return mark_register_paid(ctx.store, expected, paid_on=paid_on, reference=reference, progress=progress)

        def finished(result: Any) -> None:
            self.window.refresh()
            lang = i18n.current_language()
            QMessageBox.information(self.window, title, self.tr(
                "%n claim(s) marked paid: {0}, {1} of {2}.", "", result.claims).format(
                money(result.total, lang), result.reference, day(result.paid_on, lang)))
            if done is not None:
                done(result)

        def failed(error: Exception) -> None:
            self.window.refresh()
            QMessageBox.warning(self.window, title, error_text(error))

        job = run_job(self.window, self.tr("Marking the payment register as paid…"), work, self.window.store.location,
                      on_finished=finished, on_failed=failed)
        self.window.last_job = job
        return job


class NoticeSentDialog(QDialog):
    """The day the decision notice went to the claimant (today by default)."""

    def __init__(self, claim: Claim, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Decision notice sent"))
        self.sent_on: date | None = None
        self.date = DateEdit(self)
        self.date.set_value(today)
        self.note = QLabel(self)
        self.note.setWordWrap(True)
        form = QFormLayout()
        decision = claim.decision
        lang = i18n.current_language()
        form.addRow(self.tr("Claim:"), QLabel(number_text(claim.number), self))
        if decision is not None:
            form.addRow(self.tr("Decision:"), QLabel(self.tr("{0} of {1}").format(decision.number,
                                                                                  day(decision.date, lang)), self))
        form.addRow(self.tr("Sent on:"), self.date)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.note)
        layout.addWidget(buttons)

    def accept(self) -> None:
        value = self.date.value()
        if not isinstance(value, date):
            self.note.setText(self.tr("Type the day the notice was sent, e.g. 26.09.2026."))
            return
        self.sent_on = value
        super().accept()


class MarkPaidDialog(QDialog):
    """The confirmation: how many claims for how much, and the payment order's day and number."""

    def __init__(self, claims: int, total: Decimal, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Mark the payment register as paid"))
        self.paid_on: date | None = None
        self.reference = ""
        lang = i18n.current_language()
        summary = QLabel(self.tr("The payment register holds %n claim(s) for {0} ({1}). Each of them will be "
                                 "recorded as paid by the payment order below, for its approved amount, all at once; "
                                 "if any one cannot be, none is.", "", claims).format(
            money(total, lang), amount_in_words(total, lang) if total < WORDS_LIMIT  # a register's total may pass it
            else self.tr("in words only below a trillion roubles")), self)
        summary.setWordWrap(True)
        self.date = DateEdit(self)
        self.date.set_value(today)
        self.order = QLineEdit(self)
        self.order.setPlaceholderText(self.tr("number, e.g. 4512"))
        self.problem = QLabel(self)
        self.problem.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Payment order No.:"), self.order)
        form.addRow(self.tr("Paid on:"), self.date)
        self.buttons = QDialogButtonBox(self)
        self.ok = self.buttons.addButton(self.tr("Mark %n claim(s) paid", "", claims),
                                         QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(summary)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        self.order.setFocus()
        self.resize(520, self.sizeHint().height())

    def accept(self) -> None:
        value = self.date.value()
        if not self.order.text().strip():
            self.problem.setText(self.tr("Type the number of the payment order."))
            self.order.setFocus()
            return
        if not isinstance(value, date):
            self.problem.setText(self.tr("Type the day of the payment, e.g. 28.09.2026."))
            return
        if value > future_limit().date():  # the claims' own rule (domain.rules): a payment made, not planned
            self.problem.setText(self.tr("The day of the payment cannot be after tomorrow: mark the register "
                                         "paid once the payment order is carried out."))
            self.date.setFocus()
            return
        self.paid_on = value
        self.reference = self.order.text()
        super().accept()
