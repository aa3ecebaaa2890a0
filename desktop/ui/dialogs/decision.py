"""The dialogs a status change needs: the decision (approve or refuse) and the payment.

Both check their values with the claim's own rules (`claim_problems` run on the claim as it
would be after the change), so "decision before the claim was filed" or "payment above the
approved amount" read the same here as in an import report.

Approving, the dialog offers what the office's payment rules propose (`domain.payment_rules`:
per item the lesser of its assessed cost and its cap, minus insurance) and shows how it was
reached; approving another amount asks first, and the claim sheet flags one above the proposal.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import date
from decimal import Decimal

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QCheckBox, QFormLayout, QLabel, QLineEdit, QPlainTextEdit, QVBoxLayout, QWidget

from ...domain.enums import ClaimStatus
from ...domain.errors import FieldError, Problem
from ...domain.models import Claim, Decision, Incident, Payment
from ...domain.payment_rules import PaymentRules, Proposal, claim_proposal
from ...domain.rules import claim_problems
from ...domain.typed_dates import parse_typed_date
from ...domain.values import check_not_future_date, clean_text, parse_money_input
from ..labels import current_language, money_input_text, money_text, number_text
from ..widgets.dates import DateEdit
from ..widgets.validated import ERROR_COLOUR, WARNING_COLOUR, FormDialog, ValidatedField


def estimate_warning(approved: Decimal | None, insurance: Decimal | None, estimated: Decimal | None) -> str:
    """A warning (not a refusal) when assistance plus insurance would exceed the estimated damage."""
    if approved is None or estimated is None:
        return ""
    total = approved + (insurance or Decimal(0))
    if total <= estimated:
        return ""
    return (QCoreApplication.translate("Decision", "Approved %1 plus insurance %2 is above the estimated cost of the items, %3.")
            .replace("%1", money_text(approved)).replace("%2", money_text(insurance or Decimal(0)))
            .replace("%3", money_text(estimated)))


def _date(text: str) -> date | None:
    day = parse_typed_date(text)
    check_not_future_date(day)
    return day


def _required(value: str) -> str | None:
    return clean_text(value)


def _ticked(checked: bool) -> bool:
    if not checked:
        raise FieldError("override_unticked")
    return True


def _date_edit(day: date | None) -> DateEdit:
    edit = DateEdit()
    edit.set_value(day or date.today())
    return edit


class DecisionDialog(FormDialog):
    """The administration's decision on a claim: `decision()` after OK.

    `target` is APPROVED (number, date, approved amount) or REJECTED (number, date, reason).
    """

    asks_before_discarding = False  # Cancel cancels; "save the changes?" here would approve

    def __init__(self, claim: Claim, incident: Incident | None, target: ClaimStatus,
                 estimated: Decimal | None = None, parent: QWidget | None = None,
                 *, missing_documents: Sequence[str] = (), rules: PaymentRules | None = None) -> None:
        super().__init__(parent, record=False)
        self.claim = claim
        # What the payment rules propose (no rules: no caps, the assessed costs less insurance).
        self.proposal: Proposal | None = (claim_proposal(claim, incident, rules or PaymentRules())
                                          if incident is not None and target == ClaimStatus.APPROVED else None)
        self.missing_documents = list(missing_documents)
        self.incident = incident
        self.target = target
        self.estimated = estimated
        rejecting = target == ClaimStatus.REJECTED
        self.setWindowTitle(self.tr("Refuse the claim") if rejecting else self.tr("Approve the claim"))
        old = claim.decision

        intro = QLabel(self.tr("Claim %1: record the administration's decision.").replace("%1", number_text(claim.number)))
        intro.setWordWrap(True)
        self.number = QLineEdit(old.number if old else "")
        self.number.setPlaceholderText(self.tr("e.g. РП-112"))
        self.date = _date_edit(old.date if old else None)
        self.approved_amount = QLineEdit()
        self.approved_amount.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.reason = QPlainTextEdit()
        self.reason.setTabChangesFocus(True)
        self.reason.setFixedHeight(70)
        self.warning = QLabel()
        self.warning.setWordWrap(True)
        self.warning.setStyleSheet(f"color: {WARNING_COLOUR};")
        self.warning.hide()

        v = self.validation
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        rows: list[tuple[str, str, ValidatedField]] = [
            ("decision.number", self.tr("Decision &number:"), ValidatedField(self.number, _required, required=True)),
            ("decision.date", self.tr("Decision &date:"), ValidatedField(self.date, _date, required=True)),
        ]
        if rejecting:
            rows.append(("decision.reason", self.tr("&Reason for refusal:"),
                         ValidatedField(self.reason, _required, required=True)))
            self.approved_amount.hide()
        else:
            # The decision reopened keeps its amount; else what the rules propose; else (nothing
            # assessed) what was asked less insurance.
            if old is not None and old.approved_amount is not None:
                amount = old.approved_amount
            else:
                amount = self.offered() if self.offered() is not None else self._suggested_amount()
            self.approved_amount.setText(money_input_text(amount))
            rows.append(("decision.approved_amount", self.tr("&Approved amount, ₽:"),
                         ValidatedField(self.approved_amount, parse_money_input, required=True, display=money_input_text)))
            self.reason.hide()
        # Approving without the required papers is the clerk's explicit choice, with a reason
        # that goes into the claim's audit entry.
        self.override = QCheckBox(self.tr("Approve &without them"))
        self.override_reason = QPlainTextEdit()
        self.override_reason.setTabChangesFocus(True)
        self.override_reason.setFixedHeight(56)
        self.override_reason.setPlaceholderText(self.tr("why the claim is approved without these documents"))
        self.missing_label = QLabel()
        self.missing_label.setWordWrap(True)
        self.missing_label.setStyleSheet(f"color: {ERROR_COLOUR};")
        overriding = not rejecting and bool(self.missing_documents)
        if overriding:
            self.missing_label.setText(self.tr("Required documents not received: %1.")
                                       .replace("%1", ", ".join(self.missing_documents)))
            rows.append(("override", self.tr("Missing documents:"), ValidatedField(self.override, _ticked)))
            rows.append(("override_reason", self.tr("Reason for &approving without them:"),
                         ValidatedField(self.override_reason, _required, required=True)))
        else:
            for widget in (self.override, self.override_reason, self.missing_label):
                widget.hide()
        for key, label, field in rows:
            v.add(key, field, label)
            if key == "override":
                form.addRow(self.missing_label)
            form.addRow(label, field)
        order = [self.number, self.date.line, self.reason if rejecting else self.approved_amount]
        if overriding:
            order += [self.override, self.override_reason]
        self.reckoning = QLabel()
        self.reckoning.setObjectName("proposalReckoning")
        self.reckoning.setWordWrap(True)
        self.reckoning.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        if not rejecting:
            facts = QLabel(self.tr("Requested: %1\nInsurance paid: %2\nEstimated cost of the items: %3")
                           .replace("%1", money_text(claim.requested_amount) or "—")
                           .replace("%2", money_text(claim.insurance_paid) or "—")
                           .replace("%3", money_text(estimated) or "—"))
            facts.setStyleSheet("color: palette(mid);")
            form.addRow("", facts)
            self.reckoning.setText(self.reckoning_text())
        else:
            self.reckoning.hide()
        reckoning_title = QLabel(self.tr("By the payment rules:"))
        reckoning_title.setStyleSheet("font-weight: bold;")
        reckoning_title.setVisible(not rejecting)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        # How the proposal was reached, under the form at its full width (a line per item is long).
        layout.addWidget(reckoning_title)
        layout.addWidget(self.reckoning)
        layout.addWidget(self.warning)
        layout.addWidget(self.problems_label)
        layout.addStretch(1)
        layout.addWidget(self.button_bar)
        # Wide enough for a line of the reckoning; as tall as the wrapped lines need at that width
        # (a dialog sized by its minimum cut the missing papers' list and the figures short).
        self.resize(760, 0)
        # Tab: number → date → amount; a date field is one stop (no sections to walk through).
        for first, second in zip(order, order[1:], strict=False):
            QWidget.setTabOrder(first, second)
        self.refresh()
        self._fit_height()
        self.number.setFocus()

    def _fit_height(self) -> None:
        """Grow to what the lines shown now need at this width: the warning and the problems appear
        after the dialog is sized (they overlapped the requested and estimated figures)."""
        layout = self.layout()
        if layout is None:
            return
        need = layout.totalHeightForWidth(self.width()) if layout.hasHeightForWidth() else layout.sizeHint().height()
        if need > self.height():
            self.resize(self.width(), need)

    def update_state(self) -> None:
        super().update_state()
        self._fit_height()  # a warning or a problem shown takes its lines

    def override_text(self) -> str | None:
        """For the audit entry: approved although required documents are missing, and why."""
        if not self.missing_documents or self.target != ClaimStatus.APPROVED:
            return None
        return (QCoreApplication.translate("Decision", "Approved without the required documents (%1): %2")
                .replace("%1", ", ".join(self.missing_documents))
                .replace("%2", self.validation.value("override_reason") or ""))

    def offered(self) -> Decimal | None:
        """The amount the payment rules propose; None when no item is assessed (no proposal)."""
        return self.proposal.amount if self.proposal is not None and self.proposal.reached else None

    def reckoning_text(self) -> str:
        """How the proposal was reached, a line per item (assessed, cap, taken), then insurance and the result."""
        if self.proposal is None or not self.proposal.lines:
            return self.tr("nothing to propose: the claim lists no items of the incident")
        lines = self.proposal.explain(current_language())
        if not self.proposal.reached:
            lines.append(self.tr("No item has an assessed cost (an inspection act or an estimate): the rules "
                                 "propose nothing; the amount offered is the requested one less insurance."))
        return "\n".join(lines)

    def differs_from_proposal(self) -> bool:
        field = self.validation.get("decision.approved_amount")
        offered = self.offered()
        return (offered is not None and field is not None and field.parsed_ok() and field.value() is not None
                and field.value() != offered)

    def _suggested_amount(self) -> Decimal | None:
        """What was asked, less what an insurer already paid: the usual approved sum."""
        if self.claim.requested_amount is None:
            return None
        return max(Decimal(0), self.claim.requested_amount - (self.claim.insurance_paid or Decimal(0)))

    def decision(self) -> Decision:
        v = self.validation.value
        rejecting = self.target == ClaimStatus.REJECTED
        base = self.claim.decision or Decision(number="", date=date.today())
        return replace(
            base, number=v("decision.number") or "", date=v("decision.date"),
            approved_amount=None if rejecting else v("decision.approved_amount"),
            reason=v("decision.reason") if rejecting else base.reason,
        )

    def revalidate(self) -> None:
        self._update_warning()
        if not self.validation.parsed_ok():
            return
        probe = replace(self.claim, status=self.target, decision=self.decision(), payment=None)
        problems = [p for p in claim_problems(probe, self.incident) if p.path.startswith("decision")]
        self.general_problems = self.validation.set_rule_problems(problems, _field_of)

    def _update_warning(self) -> None:
        """Shown as soon as the amount reads, whatever else is still missing."""
        field = self.validation.get("decision.approved_amount")
        text = ""
        if field is not None and field.parsed_ok():
            text = estimate_warning(field.value(), self.claim.insurance_paid, self.estimated)
            if self.differs_from_proposal():
                differs = self.tr("Not the %1 the payment rules propose.").replace("%1", money_text(self.offered()))
                text = f"{text}\n{differs}" if text else differs
        self.warning.setText(text)
        self.warning.setVisible(bool(text))

    def commit(self) -> bool:
        """Approving another amount than the rules propose is the clerk's deliberate choice: asked once."""
        if self.target != ClaimStatus.APPROVED or not self.differs_from_proposal():
            return True
        approved, offered = self.validation.value("decision.approved_amount"), self.offered()
        above = offered is not None and approved > offered
        text = (self.tr("Approve %1? The payment rules propose %2; an amount above the proposal is flagged on the "
                        "claim sheet.") if above else
                self.tr("Approve %1? The payment rules propose %2."))
        return self.confirm(self.tr("Another amount than proposed"),
                            text.replace("%1", money_text(approved)).replace("%2", money_text(offered)))


class PaymentDialog(FormDialog):
    """The payment of an approved claim: `payment()` after OK."""

    asks_before_discarding = False  # Cancel cancels; "save the changes?" here would record the payment

    def __init__(self, claim: Claim, incident: Incident | None, parent: QWidget | None = None) -> None:
        super().__init__(parent, record=False)
        self.claim = claim
        self.incident = incident
        self.setWindowTitle(self.tr("Record the payment"))
        decision = claim.decision
        old = claim.payment
        approved = decision.approved_amount if decision else None

        intro = QLabel(self.tr("Claim %1, decision %2: approved %3.")
                       .replace("%1", number_text(claim.number)).replace("%2", decision.number if decision else "—")
                       .replace("%3", money_text(approved) or "—"))
        intro.setWordWrap(True)
        self.date = _date_edit(old.date if old else None)
        self.amount = QLineEdit(money_input_text(old.amount if old else approved))
        self.amount.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.reference = QLineEdit((old.reference or "") if old else "")
        self.reference.setPlaceholderText(self.tr("payment order number, e.g. п/п 3391"))

        v = self.validation
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        for key, label, field in (
            ("payment.date", self.tr("Payment &date:"), ValidatedField(self.date, _date, required=True)),
            ("payment.amount", self.tr("&Amount, ₽:"),
             ValidatedField(self.amount, parse_money_input, required=True, display=money_input_text)),
            ("payment.reference", self.tr("&Payment order:"), ValidatedField(self.reference, lambda s: clean_text(s))),
        ):
            v.add(key, field, label)
            form.addRow(label, field)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.problems_label)
        layout.addWidget(self.button_bar)
        self.resize(480, 0)
        QWidget.setTabOrder(self.date.line, self.amount)
        QWidget.setTabOrder(self.amount, self.reference)
        self.refresh()
        self.date.setFocus()

    def payment(self) -> Payment:
        v = self.validation.value
        base = self.claim.payment or Payment(date=date.today(), amount=Decimal(0))
        return replace(base, date=v("payment.date"), amount=v("payment.amount"), reference=v("payment.reference"))

    def revalidate(self) -> None:
        if not self.validation.parsed_ok():
            return
        probe = replace(self.claim, status=ClaimStatus.PAID, payment=self.payment())
        problems = [p for p in claim_problems(probe, self.incident) if p.path.startswith("payment")]
        self.general_problems = self.validation.set_rule_problems(problems, _field_of)

    def commit(self) -> bool:
        return True


def _field_of(problem: Problem) -> str | None:
    return problem.path or None
