"""A claim's path at a glance, across the top of the claim form.

received (how, when) → registered (late marked) → documents (n of m) → inspection → decision
(proposed vs approved) → notice → payment, each step with its date due where the law gives one:
registration due, the answer due (or extended), the days left or overdue. Every date and every
judgement comes from `domain.deadlines` (nothing here counts days itself), the proposal from
`domain.payment_rules`; the form hands in what it holds now (`PathFacts`), typed or stored.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from ...domain import deadlines
from ...domain.enums import ClaimStatus, ReceivedVia
from ...domain.models import Decision, Extension, Inspection, Payment
from ...domain.payment_rules import Proposal
from ..labels import date_text, enum_label, money_text
from .validated import ERROR_COLOUR, WARNING_COLOUR

DONE, WAITING, LATE, NOT_YET = "done", "waiting", "late", "not_yet"
STATE_COLOURS = {DONE: "#2e7d32", WAITING: WARNING_COLOUR, LATE: ERROR_COLOUR, NOT_YET: "#9e9e9e"}
STATE_BACKGROUNDS = {DONE: "#eef6ee", WAITING: "#fff6e0", LATE: "#fdecea", NOT_YET: "transparent"}
STEPS = ("received", "registered", "documents", "inspection", "decision", "notice", "payment")


@dataclass(frozen=True)
class PathFacts:
    """What the form holds of a claim now; None where a field is empty or not (yet) a value."""

    status: ClaimStatus
    filed_on: date | None
    received_via: ReceivedVia | None = None
    registered_on: date | None = None
    documents_received: int = 0  # of the required ones
    documents_required: int = 0
    documents_waiting: tuple[str, ...] = ()  # «claimant», «items»: the required list grows once they are chosen
    inspection: Inspection | None = None
    decision: Decision | None = None
    proposal: Proposal | None = None
    extension: Extension | None = None
    payment: Payment | None = None


class StepBox(QFrame):
    """One step: its name, what happened (or not yet), and the date due; coloured by its state."""

    def __init__(self, key: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.key = key
        self.setObjectName(f"claimPathStep_{key}")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)  # the state's border and tint
        self.state = NOT_YET
        self.title = QLabel(self)
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        self.body = QLabel(self)
        self.due = QLabel(self)
        for label in (self.body, self.due):
            # Whole lines, not wrapped: a step is as wide as its longest line (a date, a sum), and
            # the seven fit a 1366-pixel screen side by side; the spare width is shared out.
            label.setTextFormat(Qt.TextFormat.PlainText)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 2, 4, 2)
        layout.setSpacing(0)
        layout.addWidget(self.title)
        layout.addWidget(self.body)
        layout.addWidget(self.due)
        layout.addStretch(1)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)

    def show_step(self, title: str, body: list[str], due: str, state: str, due_state: str | None = None,
                  tip: str = "") -> None:
        self.state = state
        self.title.setText(title)
        self.body.setText("\n".join(line for line in body if line))
        self.due.setText(due)
        self.due.setVisible(bool(due))
        colour = STATE_COLOURS[state]
        self.setStyleSheet(f"#{self.objectName()} {{ border-left: 4px solid {colour}; "
                           f"background: {STATE_BACKGROUNDS[state]}; }}")
        due_colour = STATE_COLOURS.get(due_state or "", "")
        self.due.setStyleSheet(f"color: {due_colour}; font-weight: bold;" if due_state == LATE
                               else "color: palette(mid);" if not due_colour else f"color: {due_colour};")
        self.setToolTip(tip)

    def text(self) -> str:
        """Everything the step says, for tests and for the form's accessible description."""
        return "\n".join(t for t in (self.title.text(), self.body.text(), self.due.text() if self.due.isVisibleTo(self)
                                     else "") if t)


class ClaimPathPanel(QFrame):
    """The seven steps in a row, arrows between them; `show_facts` redraws them."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("claimPath")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.steps: dict[str, StepBox] = {}
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.setSpacing(2)
        for n, key in enumerate(STEPS):
            if n:
                arrow = QLabel("→", self)
                arrow.setStyleSheet("color: palette(mid);")
                layout.addWidget(arrow)
            box = StepBox(key, self)
            self.steps[key] = box
            layout.addWidget(box, 1)

    def text(self) -> str:
        return "\n\n".join(box.text() for box in self.steps.values())

    # ---- the steps ---------------------------------------------------------------------------
    def show_facts(self, facts: PathFacts, today: date) -> None:
        self._received(facts)
        self._registered(facts)
        self._documents(facts)
        self._inspection(facts)
        self._decision(facts, today)
        self._notice(facts)
        self._payment(facts)

    def _received(self, f: PathFacts) -> None:
        how = enum_label(f.received_via) if f.received_via else self.tr("how: not recorded")
        self.steps["received"].show_step(self.tr("Received"), [date_text(f.filed_on), how], "",
                                         DONE if f.filed_on else NOT_YET)

    def _registered(self, f: PathFacts) -> None:
        """Judged by the registration's own date against the filing day, whatever today is."""
        box = self.steps["registered"]
        if f.filed_on is None:
            box.show_step(self.tr("Registered"), ["—"], "", NOT_YET)
            return
        due = deadlines.registration_due(f.filed_on)
        day = f.registered_on or f.filed_on
        due_text = self.tr("due by %1").replace("%1", date_text(due))
        if deadlines.registered_late(f.filed_on, f.registered_on):
            late = deadlines.days_left(due, day)  # negative: days past the registration date
            box.show_step(self.tr("Registered"), [date_text(day), self.tr("%n day(s) late", "", -late)], due_text,
                          LATE, LATE, self.tr("Registered after the registration date (59-FZ)"))
            return
        tip = "" if f.registered_on else self.tr("No date of its own: registered on the filing day")
        box.show_step(self.tr("Registered"), [date_text(day)], due_text, DONE, tip=tip)

    def _documents(self, f: PathFacts) -> None:
        box = self.steps["documents"]
        if f.documents_waiting:
            # «0 of 5» before the car was ticked, «0 of 6» after, read as a count gone wrong:
            # until the claimant and the items are chosen the count says it is not final.
            text = self.tr("%1 of %2 required so far").replace("%1", str(f.documents_received)).replace(
                "%2", str(f.documents_required))
            waiting = set(f.documents_waiting)
            if waiting == {"claimant", "items"}:
                why = self.tr("waits for the claimant and items")
            elif "claimant" in waiting:
                why = self.tr("waits for the claimant")
            else:
                why = self.tr("waits for the items")
            box.show_step(self.tr("Documents"), [text, why], "", WAITING,
                          tip=self.tr("The required papers depend on who claims (a person's identity document and "
                                      "consent) and on what is claimed (a vehicle's registration, a property's "
                                      "ownership): the count is final once the claimant and the items are chosen."))
            return
        if not f.documents_required:
            box.show_step(self.tr("Documents"), [self.tr("none required")], "", DONE)
            return
        text = self.tr("%1 of %2 required").replace("%1", str(f.documents_received)).replace(
            "%2", str(f.documents_required))
        complete = f.documents_received >= f.documents_required
        box.show_step(self.tr("Documents"), [text], "", DONE if complete else WAITING)

    def _inspection(self, f: PathFacts) -> None:
        box = self.steps["inspection"]
        act = f.inspection
        if act is None:
            box.show_step(self.tr("Inspection"), [self.tr("not held")], "", NOT_YET)
            return
        lines = [self.tr("act %1 of %2").replace("%1", act.number or "—").replace("%2", date_text(act.date) or "—")]
        if act.assessed_amount is not None:
            lines.append(self.tr("assessed %1").replace("%1", money_text(act.assessed_amount)))
        box.show_step(self.tr("Inspection"), lines, "", DONE, tip="\n".join(act.members or []))

    def _decision(self, f: PathFacts, today: date) -> None:
        box = self.steps["decision"]
        d, proposal = f.decision, f.proposal
        proposed = (self.tr("proposed %1").replace("%1", money_text(proposal.amount))
                    if proposal is not None and proposal.reached else "")
        lines: list[str] = []
        state = NOT_YET
        if d is not None and f.status in deadlines.DECIDED:
            lines.append(self.tr("%1 of %2").replace("%1", d.number).replace("%2", date_text(d.date)))
            if d.approved_amount is not None:
                lines.append(self.tr("approved %1").replace("%1", money_text(d.approved_amount)))
                lines.append(proposed)
                state = WAITING if proposal is not None and proposal.above(d.approved_amount) else DONE
            else:
                lines.append(self.tr("refused"))
                state = DONE
        elif f.status == ClaimStatus.WITHDRAWN:
            lines.append(self.tr("withdrawn by the claimant"))
            state = DONE
        else:
            lines += [self.tr("not taken yet"), proposed]
        if f.filed_on is None:
            box.show_step(self.tr("Decision"), lines, "", state)
            return
        until = f.extension.until if f.extension is not None else None
        facts = deadlines.deadlines(filed_on=f.filed_on, status=f.status, today=today, registered_on=f.registered_on,
                                    extension_until=until, notice_sent_on=d.notice_sent_on if d else None)
        if facts.extended:
            due = self.tr("extended to %1").replace("%1", date_text(facts.answer_due))
        else:
            due = self.tr("answer due %1").replace("%1", date_text(facts.answer_due))
        due_state = None
        if f.status not in deadlines.SETTLED:
            if facts.overdue:
                due += "\n" + self.tr("%n day(s) overdue", "", -facts.days_left)
                due_state, state = LATE, LATE
            else:
                due += "\n" + self.tr("%n day(s) left", "", facts.days_left)
        tip = ""
        if f.extension is not None:
            tip = self.tr("Extended: %1").replace("%1", f.extension.reason or "")
            if f.extension.notice_sent_on:
                tip += "\n" + self.tr("The claimant was told on %1").replace("%1", date_text(f.extension.notice_sent_on))
        if d is not None and proposal is not None and proposal.above(d.approved_amount):
            tip = "\n".join(t for t in (tip, self.tr("Approved above the proposal of the payment rules")) if t)
        box.show_step(self.tr("Decision"), lines, due, state, due_state, tip)

    def _notice(self, f: PathFacts) -> None:
        box = self.steps["notice"]
        d = f.decision
        if d is None or f.status not in deadlines.DECIDED:
            box.show_step(self.tr("Notice"), [self.tr("after the decision")], "", NOT_YET)
        elif d.notice_sent_on is not None:
            box.show_step(self.tr("Notice"), [self.tr("sent %1").replace("%1", date_text(d.notice_sent_on))], "", DONE)
        else:
            box.show_step(self.tr("Notice"), [self.tr("not sent yet")], "", WAITING,
                          tip=self.tr("The claim is answered once the claimant is sent the decision"))

    def _payment(self, f: PathFacts) -> None:
        box = self.steps["payment"]
        p = f.payment
        if p is not None:
            box.show_step(self.tr("Payment"), [money_text(p.amount), date_text(p.date)], "", DONE)
        elif f.status == ClaimStatus.APPROVED:
            box.show_step(self.tr("Payment"), [self.tr("awaited")], "", WAITING)
        elif f.status in (ClaimStatus.REJECTED, ClaimStatus.WITHDRAWN):
            box.show_step(self.tr("Payment"), [self.tr("none")], "", NOT_YET)
        else:
            box.show_step(self.tr("Payment"), [self.tr("after approval")], "", NOT_YET)


__all__ = ["ClaimPathPanel", "PathFacts", "STEPS", "DONE", "WAITING", "LATE", "NOT_YET"]
