"""The claim form: an owner's request for assistance, its papers, its decision and its payment.

Status changes are offered only along the allowed transitions (`allowed_next`), each as a button
that opens what the new status needs (the decision, the payment) and then saves the claim with
the rest of the form in one transaction. Two things are warnings, never refusals: the same item
already claimed in another claim, and approved plus insurance above the estimated cost.
"""

from __future__ import annotations

import hashlib
import mimetypes
import uuid
from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QCheckBox,
    QComboBox,
    QCompleter,
    QFileDialog,
    QFormLayout,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ... import platform_env
from ...domain import deadlines, documents
from ...domain.declension import genitive
from ...domain.enums import ClaimKind, ClaimStatus, DocumentKind, ReceivedVia
from ...domain.errors import FieldError, Problem
from ...domain.merging import merge_fields
from ...domain.models import (
    Attachment,
    Claim,
    Decision,
    Document,
    Extension,
    Incident,
    Inspection,
    Payment,
    PropertyItem,
    Vehicle,
)
from ...domain.payment_rules import Proposal, claim_proposal
from ...domain.rules import claim_problems
from ...domain.searching import date_in_search
from ...domain.transitions import allowed_next, corrected, correction_of, is_locked
from ...domain.typed_dates import parse_typed_date
from ...domain.values import check_not_future_date, clean_text, parse_money_input
from ...domain.views import Filters
from ...domain.words import file_kind, file_size, number_lookups
from ...files import viewing_copy
from ...storage import LogStore
from .. import i18n
from ..labels import (
    current_language,
    date_text,
    datetime_text,
    enum_items,
    enum_label,
    money_input_text,
    money_text,
    number_text,
)
from ..models.claim_items import ClaimItemsModel
from ..widgets.claim_items import ClaimItemsList
from ..widgets.claim_path import ClaimPathPanel, PathFacts
from ..widgets.dates import DateEdit
from ..widgets.suggest import AS_TYPED, SuggestEdit, Suggestion
from ..widgets.validated import ERROR_COLOUR, WARNING_COLOUR, FormDialog, ValidatedField
from .decision import DecisionDialog, PaymentDialog, estimate_warning
from .person_picker import PeopleBook, PersonPicker

ATTACHMENT_FILTER_EXTENSIONS = "*.pdf *.jpg *.jpeg *.png *.tif *.tiff *.heic *.bmp *.doc *.docx *.odt"


def _money(value: str) -> Decimal | None:
    return parse_money_input(value)


def _text(value: str) -> str | None:
    return clean_text(value)


def _filed_on(text: str) -> date | None:
    day = parse_typed_date(text)
    check_not_future_date(day)
    return day


def _any_date(text: str) -> date | None:
    """A date that may lie ahead (the date an extension runs to)."""
    return parse_typed_date(text)


def _lines(text: str) -> list[str] | None:
    """One entry per line (the commission's members), blank lines dropped."""
    lines = [clean_text(line) for line in text.splitlines()]
    return [line for line in lines if line] or None


def resolve_executor(typed: str, known: list[str]) -> str | None:
    """The office's executor a clerk meant, in the list's spelling: the same name in any case
    (ё as е), else the only name beginning with what was typed («сок» → «Соколова Ирина Павловна»).
    None when nothing or several match."""
    text = " ".join(typed.split()).casefold().replace("ё", "е")
    if not text:
        return None
    folded = {name: " ".join(name.split()).casefold().replace("ё", "е") for name in known}
    exact = [name for name, f in folded.items() if f == text]
    if exact:
        return exact[0]
    starts = [name for name, f in folded.items() if f.startswith(text)]
    return starts[0] if len(starts) == 1 else None


def _received_on(value: tuple[bool, str]) -> date | None:
    """A paper's date: needed once it is ticked as received."""
    received, text = value
    if not received:
        return None
    day = parse_typed_date(text)
    if day is None:
        raise FieldError("required")
    check_not_future_date(day)
    return day


def _shown_dates(problem: Problem) -> Problem:
    """A rule's message with its dates as the window writes them (`2026-10-16` → `16.10.2026`)."""
    params = dict(problem.error.params)
    changed = False
    for key, value in params.items():
        if isinstance(value, str) and len(value) == len("2026-01-01"):
            try:
                params[key] = date_text(date.fromisoformat(value))
                changed = True
            except ValueError:
                pass
    return Problem(problem.path, FieldError(problem.error.code, **params)) if changed else problem


class DocumentRow:
    """One kind of paper in the checklist: received?, when, a note, and whether it is required."""

    def __init__(self, kind: DocumentKind, parent: QWidget) -> None:
        self.kind = kind
        self.received = QCheckBox(enum_label(kind), parent)
        self.marker = QLabel(parent)
        self.received_on = DateEdit(parent)
        self.received_on.set_value(date.today())
        self.received_on.setEnabled(False)
        # A paper's date is the filing date until the clerk types another: papers come with the claim.
        self.own_date = False
        self.received_on.line.textEdited.connect(self._date_typed)
        self.received_on.picked.connect(lambda: self._date_typed(""))
        self.note = QLineEdit(parent)
        self.note.setEnabled(False)
        self.received.toggled.connect(self.received_on.setEnabled)
        self.received.toggled.connect(self.note.setEnabled)
        # Ticking re-reads the date (a ticked paper needs one): through the field's own signal.
        self.received.toggled.connect(lambda _on: self.received_on.textChanged.emit(self.received_on.text()))
        self.field = ValidatedField(self.received_on, _received_on, read=self.read_date)
        self.extra: dict[str, Any] | None = None

    def read_date(self) -> tuple[bool, str]:
        return self.received.isChecked(), self.received_on.text()

    def _date_typed(self, _text: str) -> None:
        self.own_date = True

    def follow_filing(self, filed_on: date) -> None:
        """Date the paper as filed, unless it has a date of its own (typed, or stored)."""
        if not self.own_date and self.received_on.value() != filed_on:
            self.received_on.set_value(filed_on)

    def set_locked(self, locked: bool) -> None:
        received = self.received.isChecked()
        self.received.setEnabled(not locked)
        self.received_on.setEnabled(received and not locked)
        self.note.setEnabled(received and not locked)

    def set_document(self, document: Document | None) -> None:
        self.received.setChecked(document is not None)
        if document is not None:
            self.own_date = True
            self.received_on.set_value(document.received_on)
            self.note.setText(document.note or "")
            self.extra = document.extra

    def document(self) -> Document | None:
        if not self.received.isChecked():
            return None
        day = self.field.value() or date.today()  # read once the form parses: a ticked paper has its date
        return Document(kind=self.kind, received_on=day, note=clean_text(self.note.text()), extra=self.extra)

    def mark(self, required: bool, by_act: Document | None = None) -> None:
        """BY_ACT: the commission's act the claim records, which is this paper when it is not ticked."""
        received = self.received.isChecked() or by_act is not None
        missing = required and not received
        font = self.received.font()
        font.setBold(required)
        self.received.setFont(font)
        if by_act is not None and not self.received.isChecked():
            self.marker.setText(QCoreApplication.translate("ClaimDialog", "✓ act %1 of %2 (review tab)")
                                .replace("%1", by_act.note or "").replace("%2", date_text(by_act.received_on)))
            self.marker.setStyleSheet("color: #2e7d32;")
        elif missing:
            self.marker.setText(QCoreApplication.translate("ClaimDialog", "required — missing"))
            self.marker.setStyleSheet(f"color: {ERROR_COLOUR}; font-weight: bold;")
        elif required:
            self.marker.setText(QCoreApplication.translate("ClaimDialog", "required ✓"))
            self.marker.setStyleSheet("color: #2e7d32;")
        else:
            self.marker.setText("")
            self.marker.setStyleSheet("")


class ArrowsBetween(QObject):
    """↑ and ↓ move the keyboard between boxes of a column (the papers' checklist), skipping
    disabled ones, as in a list."""

    def __init__(self, boxes: list[QWidget], parent: QObject) -> None:
        super().__init__(parent)
        self.boxes = boxes
        for box in boxes:
            box.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if (event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent) and watched in self.boxes
                and event.key() in (Qt.Key.Key_Up, Qt.Key.Key_Down) and not event.modifiers()):
            at = self.boxes.index(watched)  # type: ignore[arg-type]
            onward = self.boxes[at + 1:] if event.key() == Qt.Key.Key_Down else self.boxes[:at][::-1]
            box = next((b for b in onward if b.isEnabled() and b.isVisible()), None)
            if box is not None:
                box.setFocus(Qt.FocusReason.TabFocusReason)
            return True
        return super().eventFilter(watched, event)


class ClaimDialog(FormDialog):
    """Create (`claim_id=None`, for `incident_id`) or edit a claim; `saved(id)` after each save."""

    today: Callable[[], date] = staticmethod(date.today)  # the day the path's deadlines are judged on (fixed in tests)

    def __init__(self, store: LogStore, claim_id: str | None, incident_id: str | None = None,
                 parent: QWidget | None = None) -> None:
        original = store.get_claim(claim_id) if claim_id else None
        if claim_id and original is None:
            # Deleted since the register was read. Raised before the dialog exists, so nothing
            # half-built is left behind as a child of `parent`.
            raise LookupError(claim_id)
        super().__init__(parent, record=True)
        self.store = store
        self.book = PeopleBook(store)
        self.required_documents = store.required_documents()
        self.settings = store.settings()  # executors and payment rules
        self.original: Claim | None = original
        self.claim_id = self.original.id if self.original else str(uuid.uuid4())
        wanted_incident = self.original.incident_id if self.original else incident_id
        # The incident's own fields and the claim's items, never its other cars (a mass attack's
        # incident has 20,000): the list reads those a page at a time (`ClaimItemsModel`).
        found = (store.incidents_with_items([wanted_incident], self.original.items if self.original else [])
                 .get(wanted_incident) if wanted_incident else None)
        self._incident_head: Incident | None = None
        self._incident_views: dict[str, tuple[Incident, int, Incident]] = {}  # `incident` and `checked_incident`
        self.incident = found
        by_id = found.items_by_id() if found is not None else {}
        self._own_items: list[Vehicle | PropertyItem] = [
            by_id[i] for i in (self.original.items if self.original else []) if i in by_id]
        self.status: ClaimStatus = self.original.status if self.original else ClaimStatus.RECEIVED
        self.decision: Decision | None = self.original.decision if self.original else None
        self.payment: Payment | None = self.original.payment if self.original else None
        self.attachments: list[Attachment] = list(self.original.attachments) if self.original else []
        self._extra_documents: list[Document] = []
        self._new_files: dict[str, bytes] = {}  # attachments added since the last save, stored with it
        self.warnings: list[str] = []

        self._build()
        with self.validation.load():
            self._fill()
        self._pending_reason: str | None = None  # a correction's or an override's words, for the audit entry
        self._render_status()
        self._render_attachments()
        self._update_title()
        self.refresh()
        if self.original is None and self.incident is None:
            self.incident_ref.setFocus()  # a claim begun in the main window: which incident first
        elif self.original is None:
            self.claimant.setFocus()
        else:
            # A decided claim's kind is locked: its notes are what stays open (and the review tab).
            (self.notes if self.locked() else self.kind).setFocus()

    # ---- the incident -------------------------------------------------------------------------
    # A mass attack's incident has 20,000 cars: the form holds its own fields and never all its
    # items. The list reads those a page at a time (`ClaimItemsModel`); the rules, the warnings,
    # the proposal and the decision are given the incident with the ticked items only
    # (`checked_incident`), which is all they read of it, so a key typed costs the same in an
    # incident of 3 cars or of 20,000.
    @property
    def incident(self) -> Incident | None:
        """The claim's incident as far as the form has read it: its own fields, the claim's items
        and those the list has read (all of a small incident; the first pages of a large one)."""
        rows: ClaimItemsModel | None = getattr(self, "item_rows", None)
        return self._incident_with(lambda: rows.known_items() if rows is not None else [],
                                   rows.read_serial if rows is not None else -1, "read")

    @incident.setter
    def incident(self, incident: Incident | None) -> None:
        self._incident_head = replace(incident, vehicles=[], properties=[]) if incident is not None else None

    def checked_incident(self) -> Incident | None:
        """The incident with only the items ticked: what a claim is checked against (an item not
        of the incident, the kinds of papers, the estimates), at a cost of the items ticked."""
        rows: ClaimItemsModel | None = getattr(self, "item_rows", None)
        return self._incident_with(lambda: rows.ticked_items() if rows is not None else [],
                                   rows.tick_serial if rows is not None else -1, "ticked")

    def _incident_with(self, items: Callable[[], list[Vehicle | PropertyItem]], serial: int, kind: str) -> Incident | None:
        head = self._incident_head
        if head is None:
            return None
        cached = self._incident_views.get(kind)
        if cached is None or cached[0] is not head or cached[1] != serial:
            found = items()
            view = replace(head, vehicles=[i for i in found if isinstance(i, Vehicle)],
                           properties=[i for i in found if isinstance(i, PropertyItem)])
            cached = self._incident_views[kind] = (head, serial, view)
        return cached[2]

    def _incident_by_id(self, incident_id: str) -> Incident | None:
        """An incident's own fields, without its items."""
        return self.store.incidents_with_items([incident_id], []).get(incident_id)

    def _incident_by_number(self, text: str) -> Incident | None:
        """The incident a typed number names (`words.number_lookups`): its own fields, looked up
        as stored first; then as the store's own lookup finds it (in another case)."""
        lookups = number_lookups(text)
        ids = self.store.incident_ids_by_reference(lookups) if lookups else {}
        for reference in lookups:
            if reference in ids:
                return self._incident_by_id(ids[reference])
        for reference in lookups:
            found = self.store.get_incident_by_reference(reference)
            if found is not None:
                return found
        return None

    # ---- building ----------------------------------------------------------------------------
    def _build(self) -> None:
        v = self.validation
        self.number = QLineEdit()
        self.number.setReadOnly(True)
        self.number.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.number.setPlaceholderText(self.tr("assigned on first save"))
        # A new claim's incident is found as in the registers: by its number, date, place, district or a plate.
        self.incident_ref = SuggestEdit(self._incident_suggestions)
        self.incident_ref.chosen.connect(self._incident_chosen)
        self.incident_ref.setPlaceholderText(number_text("INC-2026-0001"))
        fixed_incident = self.incident is not None
        self.incident_ref.setReadOnly(fixed_incident)
        if fixed_incident:
            self.incident_ref.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.claimant = PersonPicker(self.book)
        self.filed_on = DateEdit()
        self.kind = QComboBox()
        for kind, text in enum_items(ClaimKind):
            self.kind.addItem(text, kind)
        self.requested_amount = QLineEdit()
        self._proposed_amount: str | None = None  # the estimates' sum put into «Requested» (not typed)
        self.insurance_paid = QLineEdit()
        for edit in (self.requested_amount, self.insurance_paid):
            edit.setAlignment(Qt.AlignmentFlag.AlignRight)
            edit.setPlaceholderText("0,00")
            edit.setMaximumWidth(220)
        # The incident's items, the claim's own first, read and shown a page at a time; letters
        # typed in the list find one (its filter).
        self.item_rows = ClaimItemsModel(self.store, self._item_texts, self.book, self)
        self.items = ClaimItemsList(self.item_rows)
        self.item_filter = self.items.filter_edit
        self.items.setMinimumHeight(90)
        self.items.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.items.setResizeMode(ClaimItemsList.ResizeMode.Adjust)
        self.notes = QPlainTextEdit()
        self.notes.setTabChangesFocus(True)
        self.notes.setPlaceholderText(self.tr("Anything the next clerk should know"))
        self.notes.setMaximumHeight(110)

        # How and when it came (interchange v2): the way, the registration day (the filing day
        # until the clerk types another), and the clerk who answers it.
        self.received_via = QComboBox()
        self.received_via.addItem(self.tr("not recorded"), None)
        for via, text in enum_items(ReceivedVia):
            self.received_via.addItem(text, via)
        self.registered_on = DateEdit()
        self._own_registration = False  # typed by the clerk (or stored): no longer follows the filing date
        self.registered_on.line.textEdited.connect(self._registration_typed)
        self.registered_on.picked.connect(lambda: self._registration_typed(""))
        self.executor = QComboBox()
        self.executor.setEditable(True)
        self.executor.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.executor.addItems(self.settings.executors)
        # The combo's own completer, from the first letter: «С» shows «Соколова Ирина Павловна»
        # with the rest selected; more letters narrow it; Tab keeps it.
        completer = self.executor.completer()
        completer.setCompletionMode(QCompleter.CompletionMode.InlineCompletion)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.executor.lineEdit().setPlaceholderText(self.tr("choose or type"))
        self.executor.lineEdit().editingFinished.connect(self._resolve_executor_text)
        self.executor.setCurrentIndex(-1)
        self.executor.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.executor.setMinimumContentsLength(26)  # «Соколова Ирина Павловна» whole

        # The answer period extended once (59-FZ art. 12 p. 2); the commission's inspection act;
        # the written notice of the decision.
        self.extension_until = DateEdit()
        self.extension_reason = QLineEdit()
        self.extension_reason.setPlaceholderText(self.tr("e.g. an expert's valuation was requested"))
        self.extension_notice = DateEdit()
        self.inspection_number = QLineEdit()
        self.inspection_number.setPlaceholderText(self.tr("e.g. 12-К"))
        self.inspection_number.setMaximumWidth(220)
        self.inspection_date = DateEdit()
        self.inspection_members = QPlainTextEdit()
        self.inspection_members.setTabChangesFocus(True)
        self.inspection_members.setPlaceholderText(self.tr("one per line: position, name"))
        self.inspection_members.setMaximumHeight(84)
        self.inspection_findings = QPlainTextEdit()
        self.inspection_findings.setTabChangesFocus(True)
        self.inspection_findings.setPlaceholderText(self.tr("what the commission saw"))
        self.inspection_findings.setMaximumHeight(84)
        self.inspection_amount = QLineEdit()
        self.inspection_amount.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.inspection_amount.setPlaceholderText("0,00")
        self.inspection_amount.setMaximumWidth(220)
        self.notice_sent_on = DateEdit()

        self._labels = {
            "incident_id": self.tr("&Incident:"),
            "claimant_id": self.tr("Clai&mant:"),
            "filed_on": self.tr("&Filed on:"),
            "kind": self.tr("&Kind:"),
            "requested_amount": self.tr("&Requested, ₽:"),
            "insurance_paid": self.tr("Ins&urance paid, ₽:"),
            "items": self.tr("I&tems claimed:"),
            "notes": self.tr("N&otes:"),
            "received_via": self.tr("Received &via:"),
            "registered_on": self.tr("R&egistered on:"),
            "executor": self.tr("E&xecutor:"),
            "extension.until": self.tr("Extended &until:"),
            "extension.reason": self.tr("Reason for the e&xtension:"),
            "extension.notice_sent_on": self.tr("Claimant told on:"),
            "inspection.number": self.tr("Act &number:"),
            "inspection.date": self.tr("Act &date:"),
            "inspection.members": self.tr("Commission &members:"),
            "inspection.findings": self.tr("&Findings:"),
            "inspection.assessed_amount": self.tr("Assessed &amount, ₽:"),
            "decision.notice_sent_on": self.tr("Notice of the decision &sent on:"),
        }
        fields = {
            "incident_id": ValidatedField(self.incident_ref, self._parse_incident, required=True, display=self._incident_text),
            "claimant_id": ValidatedField(self.claimant, read=self.claimant.person_id, signal=self.claimant.changed,
                                          marked=self.claimant.display, required=True),
            "filed_on": ValidatedField(self.filed_on, _filed_on, required=True),  # papers follow it: _filed_changed
            "kind": ValidatedField(self.kind, ClaimKind),
            "requested_amount": ValidatedField(self.requested_amount, _money, display=money_input_text),
            "insurance_paid": ValidatedField(self.insurance_paid, _money, display=money_input_text),
            "items": ValidatedField(self.items, read=self.checked_items, signal=self.item_rows.tickedChanged),
            "notes": ValidatedField(self.notes, _text),
            "received_via": ValidatedField(self.received_via, ReceivedVia),
            "registered_on": ValidatedField(self.registered_on, _filed_on),
            "executor": ValidatedField(self.executor, self._parse_executor),
            "extension.until": ValidatedField(self.extension_until, _any_date),
            "extension.reason": ValidatedField(self.extension_reason, _text),
            "extension.notice_sent_on": ValidatedField(self.extension_notice, _filed_on),
            "inspection.number": ValidatedField(self.inspection_number, _text),
            "inspection.date": ValidatedField(self.inspection_date, _filed_on),
            "inspection.members": ValidatedField(self.inspection_members, _lines),
            "inspection.findings": ValidatedField(self.inspection_findings, _text),
            "inspection.assessed_amount": ValidatedField(self.inspection_amount, _money, display=money_input_text),
            "decision.notice_sent_on": ValidatedField(self.notice_sent_on, _filed_on),
        }
        for key, field in fields.items():
            v.add(key, field, self._labels[key])
        self.item_rows.tickedChanged.connect(self._items_changed)
        v["filed_on"].changed.connect(self._filed_changed)

        # status box
        self.status_label = QLabel()
        self.status_label.setObjectName("claimStatus")
        font = self.status_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.2)
        font.setBold(True)
        self.status_label.setFont(font)
        # Wrapped, not as wide as its words: «Запрошены документы» made the whole form wider than
        # «Получено» had (the window grew by itself at a status change).
        self.status_label.setWordWrap(True)
        self.status_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.decision_label = QLabel()
        self.decision_label.setWordWrap(True)
        self.lock_label = QLabel()
        self.lock_label.setObjectName("claimLocked")
        self.lock_label.setWordWrap(True)
        self.lock_label.setStyleSheet("color: palette(mid);")
        self.lock_label.hide()
        self.status_buttons_row = QHBoxLayout()
        self.status_buttons: dict[ClaimStatus, QPushButton] = {}
        self.correction_button: QPushButton | None = None
        status_box = QGroupBox(self.tr("Status"))
        sb = QVBoxLayout(status_box)
        sb.addWidget(self.status_label)
        sb.addWidget(self.decision_label)
        sb.addWidget(self.lock_label)
        self.status_buttons_row.addStretch(1)
        sb.addLayout(self.status_buttons_row)

        self.warnings_label = QLabel()
        self.warnings_label.setObjectName("claimWarnings")
        self.warnings_label.setWordWrap(True)
        self.warnings_label.setStyleSheet(f"color: {WARNING_COLOUR};")
        self.warnings_label.hide()

        # What the claim is about and who filed it take the page's width: the incident line
        # (reference · time · district, place) and a name with its birth date are long, and beside
        # the claimed items they were cut off on a 1366-pixel screen. The dates and sums, which are
        # short, sit under them beside the items.
        top, details = QFormLayout(), QFormLayout()
        row_labels: list[QLabel] = []
        for form, rows in ((top, (("number", self.number), ("incident_id", v["incident_id"]),
                                  ("claimant_id", v["claimant_id"]))),
                           (details, tuple((key, v[key]) for key in ("filed_on", "received_via", "registered_on",
                                                                      "executor", "kind", "requested_amount",
                                                                      "insurance_paid")))):
            form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
            form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            for key, field in rows:
                label = QLabel(self.tr("Number:") if key == "number" else self._labels[key])
                label.setBuddy(field)
                form.addRow(label, field)
                row_labels.append(label)
        # One label column for both forms, so that every field starts at the same x.
        label_width = max(label.sizeHint().width() for label in row_labels)
        for label in row_labels:
            label.setMinimumWidth(label_width)
            label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        metrics = self.number.fontMetrics()
        self.number.setMaximumWidth(max(metrics.horizontalAdvance(self.number.placeholderText()),
                                        metrics.horizontalAdvance("CLM-2026-00000")) + 24)
        items_label = QLabel(self._labels["items"])
        items_label.setBuddy(self.items)
        notes_label = QLabel(self._labels["notes"])
        notes_label.setBuddy(self.notes)

        right = QVBoxLayout()
        right.addWidget(items_label)
        right.addWidget(self.item_filter)
        right.addWidget(v["items"], 1)

        # The status box spans the page: its buttons need the width, the fields the height.
        page = QWidget()
        grid = QGridLayout(page)
        grid.addLayout(top, 0, 0, 1, 2)
        grid.addLayout(details, 1, 0)
        grid.addLayout(right, 1, 1)
        grid.setColumnStretch(1, 1)  # the sums keep their natural width; the items take the rest
        grid.setHorizontalSpacing(24)
        grid.addWidget(status_box, 2, 0, 1, 2)
        grid.addWidget(self.warnings_label, 3, 0, 1, 2)
        grid.addWidget(notes_label, 4, 0, 1, 2)
        grid.addWidget(v["notes"], 5, 0, 1, 2)
        grid.setRowStretch(1, 1)

        # documents
        docs_page = QWidget()
        docs_layout = QVBoxLayout(docs_page)
        hint = QLabel(self.tr("Tick each paper as it arrives. Bold ones are required for this claim "
                              "(the office's setting); missing required ones are marked in red."))
        hint.setWordWrap(True)
        docs_layout.addWidget(hint)
        holder = QWidget()
        dgrid = QGridLayout(holder)
        dgrid.setColumnStretch(3, 1)
        for column, text in enumerate((self.tr("Document"), "", self.tr("Received on"), self.tr("Note"))):
            header = QLabel(text)
            header.setStyleSheet("font-weight: bold;")
            dgrid.addWidget(header, 0, column)
        self.document_rows: dict[DocumentKind, DocumentRow] = {}
        for r, kind in enumerate(DocumentKind, start=1):
            row = DocumentRow(kind, holder)
            self.document_rows[kind] = row
            dgrid.addWidget(row.received, r, 0)
            dgrid.addWidget(row.marker, r, 1)
            dgrid.addWidget(row.field, r, 2)
            dgrid.addWidget(row.note, r, 3)
            v.add(f"documents.{kind.value}", row.field, enum_label(kind))
            row.received.toggled.connect(lambda _on: self._documents_changed())
            row.note.textEdited.connect(lambda _t: self._documents_changed())
        # ↑ and ↓ go from paper to paper; Tab from a ticked paper goes to its date, then its note,
        # as the row reads (it went to the note first), then to the next paper.
        rows = list(self.document_rows.values())
        self._paper_keys = ArrowsBetween([row.received for row in rows], self)
        for row, after in zip(rows, [*rows[1:], None], strict=True):
            QWidget.setTabOrder(row.received, row.received_on.line)
            QWidget.setTabOrder(row.received_on.line, row.note)
            if after is not None:
                QWidget.setTabOrder(row.note, after.received)
        dgrid.setRowStretch(len(DocumentKind) + 1, 1)
        scroll = QScrollArea()
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the keyboard goes to the papers, not their frame
        scroll.setWidget(holder)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        docs_layout.addWidget(scroll, 1)

        # review: the extension, the commission's act, the notice of the decision
        review_page = self._build_review_page()

        # attachments
        att_page = QWidget()
        # What a clerk recognises: «PDF-документ», «148 КБ» (not the media type and bytes, nor a checksum).
        self.attachment_table = QTableWidget(0, 3)
        self.attachment_table.setHorizontalHeaderLabels([self.tr("File"), self.tr("Kind"), self.tr("Size")])
        self.attachment_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.attachment_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.attachment_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.attachment_table.verticalHeader().setVisible(False)
        self.attachment_table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.attachment_table.horizontalHeader().setStretchLastSection(True)
        self.add_attachment_button = QPushButton(self.tr("&Add files…"))
        self.open_attachment_button = QPushButton(self.tr("&Open"))
        self.remove_attachment_button = QPushButton(self.tr("Re&move"))
        att_buttons = QVBoxLayout()
        for b in (self.add_attachment_button, self.open_attachment_button, self.remove_attachment_button):
            b.setAutoDefault(False)
            att_buttons.addWidget(b)
        att_buttons.addStretch(1)
        att_layout = QHBoxLayout(att_page)
        att_layout.addWidget(self.attachment_table, 1)
        att_layout.addLayout(att_buttons)
        self.add_attachment_button.clicked.connect(self.add_attachments)
        self.open_attachment_button.clicked.connect(self.open_attachment)
        self.remove_attachment_button.clicked.connect(self.remove_attachment)
        self.attachment_table.doubleClicked.connect(lambda _i: self.open_attachment())
        self.attachment_table.itemSelectionChanged.connect(self._update_attachment_buttons)
        delete = QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), self.attachment_table,
                           context=Qt.ShortcutContext.WidgetShortcut)
        delete.activated.connect(self.remove_attachment)

        self.tabs = QTabWidget()
        self.tabs.addTab(page, self.tr("&Claim"))
        self.tabs.addTab(docs_page, self.tr("&Documents"))
        self.tabs.addTab(att_page, "")
        self.tabs.addTab(review_page, self.tr("Re&view and answer"))
        self.review_page, self.attachments_page, self.documents_page = review_page, att_page, docs_page
        # The claim's path at a glance, above every tab: where it stands and what is due.
        self.path = ClaimPathPanel()

        # Ctrl+Tab / Ctrl+Shift+Tab (and Ctrl+PgDown / Ctrl+PgUp) turn the tabs from anywhere in the
        # form, a button of the bar included, and put the keyboard into the page turned to.
        # Ctrl+Shift+Tab only: X11 sends it as Ctrl+Shift+Backtab, which also matched a «Ctrl+Backtab»
        # shortcut, and two matches are ambiguous, so neither turned the tab (Qt finds a Backtab
        # under Shift+Tab itself).
        for keys, step in (("Ctrl+Tab", 1), ("Ctrl+PgDown", 1), ("Ctrl+Shift+Tab", -1), ("Ctrl+PgUp", -1)):
            QShortcut(QKeySequence(keys), self, activated=lambda step=step: self.turn_tab(step))

        self.history_button = QPushButton(self.tr("&History…"))
        self.history_button.clicked.connect(self.show_history)
        self.sheet_button = QPushButton(self.tr("Claim sheet (&PDF)"))
        self.sheet_button.clicked.connect(lambda: self.show_report("claim"))
        self.request_button = QPushButton(self.tr("Request missing documents (P&DF)"))
        self.request_button.clicked.connect(lambda: self.show_report("request-documents"))
        self.add_left_buttons(self.history_button, self.sheet_button, self.request_button)

        layout = QVBoxLayout(self)
        layout.addWidget(self.path)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.problems_label)
        layout.addWidget(self.button_bar)
        self.resize(1120, 700)

        order = [self.incident_ref, self.claimant.display, self.claimant.choose_button, self.claimant.clear_button,
                 self.filed_on.line, self.received_via, self.registered_on.line, self.executor, self.kind,
                 self.requested_amount, self.insurance_paid, self.items, self.item_filter, self.notes]
        for first, second in zip(order, order[1:], strict=False):
            QWidget.setTabOrder(first, second)
        # The review tab as it reads: the act (left), then the extension and the notice (right).
        review = [self.inspection_number, self.inspection_date.line, self.inspection_members, self.inspection_findings,
                  self.inspection_amount, self.extension_until.line, self.extension_reason, self.extension_notice.line,
                  self.notice_sent_on.line]
        for first, second in zip(review, review[1:], strict=False):
            QWidget.setTabOrder(first, second)

    def turn_tab(self, step: int) -> None:
        """The next (or previous) tab, with the keyboard in it."""
        self.tabs.setCurrentIndex((self.tabs.currentIndex() + step) % self.tabs.count())
        page = self.tabs.currentWidget()
        # The notice's date once there is a decision and no notice yet: what is left to do there.
        due = self.notice_sent_on.line if page is self.review_page and self._notice_due() else None
        focus = QApplication.focusWidget()
        if due is None and focus is not None and page.isAncestorOf(focus):
            return  # back where the clerk left the page
        first = due or {self.review_page: self.inspection_number, self.attachments_page: self.attachment_table,
                        self.documents_page: self._first_paper()}.get(page)
        if first is None:
            first = next((w for w in page.findChildren(QWidget)
                          if w.isVisibleTo(page) and w.isEnabled() and w.focusPolicy() & Qt.FocusPolicy.TabFocus), None)
        if first is not None:
            first.setFocus(Qt.FocusReason.TabFocusReason)

    def _first_paper(self) -> QWidget | None:
        """Where the documents tab takes the keyboard: the first paper's box (↓ goes on from it)."""
        return next((row.received for row in self.document_rows.values() if row.received.isEnabled()), None)

    def _notice_due(self) -> bool:
        """A decision whose notice has no date yet."""
        return self.decision is not None and self.notice_sent_on.isEnabled() and not self.notice_sent_on.text().strip()

    def _build_review_page(self) -> QWidget:
        """The commission's act on the left; the extension and the notice of the decision on the right."""
        v = self.validation

        def form(keys: tuple[str, ...]) -> QFormLayout:
            layout = QFormLayout()
            layout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
            layout.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            for key in keys:
                label = QLabel(self._labels[key])
                label.setBuddy(v[key])
                layout.addRow(label, v[key])
            return layout

        inspection = QGroupBox(self.tr("Commission's inspection"))
        inspection.setLayout(form(("inspection.number", "inspection.date", "inspection.members",
                                   "inspection.findings", "inspection.assessed_amount")))
        extension = QGroupBox(self.tr("Answer period extended (once, 59-FZ art. 12)"))
        ext_layout = form(("extension.until", "extension.reason", "extension.notice_sent_on"))
        self.extension_hint = QLabel()
        self.extension_hint.setWordWrap(True)
        self.extension_hint.setStyleSheet("color: palette(mid);")
        ext_layout.addRow(self.extension_hint)
        extension.setLayout(ext_layout)
        notice = QGroupBox(self.tr("Answer to the claimant"))
        notice_layout = form(("decision.notice_sent_on",))
        self.notice_hint = QLabel()
        self.notice_hint.setWordWrap(True)
        self.notice_hint.setStyleSheet("color: palette(mid);")
        notice_layout.addRow(self.notice_hint)
        notice.setLayout(notice_layout)

        page = QWidget()
        grid = QGridLayout(page)
        grid.addWidget(inspection, 0, 0, 2, 1)
        grid.addWidget(extension, 0, 1)
        grid.addWidget(notice, 1, 1)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        grid.setRowStretch(2, 1)
        return page

    def _fill(self) -> None:
        claim = self.original
        self._render_incident()
        if claim is None:
            self.filed_on.set_value(date.today())
            self.registered_on.set_value(date.today())
            for row in self.document_rows.values():
                row.follow_filing(date.today())
            self.kind.setCurrentIndex(self.kind.findData(ClaimKind.DAMAGE_COMPENSATION))
            return
        self.number.setText(number_text(claim.number))
        self.received_via.setCurrentIndex(max(0, self.received_via.findData(claim.received_via)))
        # Absent means registered on the filing day: shown so, and kept absent unless changed.
        self.registered_on.set_value(claim.registered_on or claim.filed_on)
        self._own_registration = claim.registered_on is not None
        if claim.executor and self.executor.findText(claim.executor) < 0:
            self.executor.addItem(claim.executor)  # a name no longer (or never) on the office's list
        self.executor.setCurrentIndex(self.executor.findText(claim.executor) if claim.executor else -1)
        if not claim.executor:
            self.executor.setEditText("")
        if claim.extension is not None:
            self.extension_until.set_value(claim.extension.until)
            self.extension_reason.setText(claim.extension.reason or "")
            self.extension_notice.set_value(claim.extension.notice_sent_on)
        if claim.inspection is not None:
            act = claim.inspection
            self.inspection_number.setText(act.number or "")
            self.inspection_date.set_value(act.date)
            self.inspection_members.setPlainText("\n".join(act.members or []))
            self.inspection_findings.setPlainText(act.findings or "")
            self.inspection_amount.setText(money_input_text(act.assessed_amount))
        if claim.decision is not None:
            self.notice_sent_on.set_value(claim.decision.notice_sent_on)
        self.book.prefetch([claim.claimant_id])
        self.claimant.set_person_id(claim.claimant_id)
        self.filed_on.set_value(claim.filed_on)
        self.kind.setCurrentIndex(self.kind.findData(claim.kind))
        self.requested_amount.setText(money_input_text(claim.requested_amount))
        self.insurance_paid.setText(money_input_text(claim.insurance_paid))
        self.notes.setPlainText(claim.notes or "")  # its items are ticked in the list (`_render_incident`)
        seen: set[DocumentKind] = set()
        for document in claim.documents:
            if document.kind in seen:
                self._extra_documents.append(document)  # a second paper of a kind: kept as it is
                continue
            seen.add(document.kind)
            self.document_rows[document.kind].set_document(document)

    def _render_incident(self) -> None:
        """The incident line and its items as a checklist: a stored claim's own items first and
        ticked, then the incident's others a page at a time (another incident's ticks are dropped)."""
        incident = self._incident_head
        if incident is not None and self.incident_ref.isReadOnly():
            self.incident_ref.setText(self._incident_text(incident.id))
            self.incident_ref.setToolTip(self.incident_ref.text())
        own = (self._own_items if incident is not None and self.original is not None
               and self.original.incident_id == incident.id else [])
        self.items.clear_filter()
        self.item_rows.set_incident(incident.id if incident is not None else None, own, [i.id for i in own])
        if not self.validation.loading:
            with self.validation["items"].quiet():
                pass  # read again (another incident's ticks are gone), not counted as the clerk's edit
        self._propose_requested()  # another incident's items are not this claim's

    def _item_texts(self, items: Sequence[Vehicle | PropertyItem]) -> list[str]:
        """The list's rows for a page of items, with the other claims that name each (said before
        it is ticked, not after the save)."""
        self.book.prefetch([i.owner_id for i in items])
        claimed = self.other_claims([i.id for i in items])
        texts = []
        for item in items:
            text = self._item_text(item)
            if item.id in claimed:
                text += "  ⚠ " + self.tr("already claimed in %1").replace("%1", ", ".join(claimed[item.id]))
            texts.append(text)
        return texts

    def _item_text(self, item: Vehicle | PropertyItem) -> str:
        what = self.tr("Vehicle") if isinstance(item, Vehicle) else enum_label(item.kind).capitalize()
        parts = [f"{what}: {item.label()}"]
        if item.owner_id:
            parts.append(self.book.name(item.owner_id))
        if item.estimated_cost is not None:
            parts.append(money_text(item.estimated_cost))
        return " — ".join(parts)

    def _incident_text(self, incident_id: str | None) -> str:
        head = self._incident_head
        incident = head if head is not None and head.id == incident_id else (
            self._incident_by_id(incident_id) if incident_id else None)
        if incident is None:
            return ""
        if self.incident_ref.isReadOnly():
            return (f"{number_text(incident.reference)} · {datetime_text(incident.occurred_at)} · "
                    f"{incident.district}, {incident.location}")
        return number_text(incident.reference)

    SUGGESTED_INCIDENTS = 8

    def _incident_suggestions(self, text: str) -> list[Suggestion]:
        """The incidents a new claim's field finds as the clerk types: the register's search (number,
        place, district, a plate by any part, an owner's name or phone) and a date among the words,
        the latest first."""
        if self.incident_ref.isReadOnly():
            return []
        offered: list[Suggestion] = []
        incident = self._incident_by_number(text)  # a number typed short (`п-2026-2`) first: an index lookup
        if incident is not None:
            offered.append(Suggestion(self._incident_line(incident.reference, incident.occurred_at,
                                                          incident.district, incident.location), incident.id))
        words, day = date_in_search(text, date.today())
        found = self.store.incident_rows(Filters(text=words or None, date_from=day, date_to=day),
                                         "occurred_at", True, 0, self.SUGGESTED_INCIDENTS)
        offered += [Suggestion(self._incident_line(r.reference, r.occurred_at, r.district, r.location), r.id)
                    for r in found if not offered or r.id != offered[0].value]
        return offered[:self.SUGGESTED_INCIDENTS]

    @staticmethod
    def _incident_line(reference: str | None, occurred_at: Any, district: str, location: str) -> str:
        return f"{number_text(reference)} · {datetime_text(occurred_at)} · {district}, {location}"

    def _incident_chosen(self, value: object) -> None:
        """The incident taken from the list: its items listed, its line shown in the field."""
        if value is AS_TYPED:
            return  # the text is read as a number (`_parse_incident`)
        incident = self._incident_by_id(str(value))
        if incident is None:
            return
        if self._incident_head is None or self._incident_head.id != incident.id:
            self.incident = incident
            self._render_incident()
        self.incident_ref.set_text_quietly(self._incident_line(incident.reference, incident.occurred_at,
                                                               incident.district, incident.location))
        self.incident_ref.setToolTip(self.incident_ref.text())

    def _parse_incident(self, text: str) -> str:
        """The incident taken from the list (its line as shown), or a number typed in either form:
        `inc-2026-1` and «п-2026-1» read as `INC-2026-0001` too (`words.number_lookups`)."""
        incident = self._incident_head
        if incident is not None and self.incident_ref.isReadOnly():
            return incident.id
        if incident is not None and text == self._incident_line(incident.reference, incident.occurred_at,
                                                                incident.district, incident.location):
            return incident.id
        found = self._incident_by_number(text)
        if found is None:
            raise FieldError("unknown_incident")
        if incident is None or incident.id != found.id:
            self.incident = found
            self._render_incident()
        return found.id

    # ---- values ------------------------------------------------------------------------------
    def checked_items(self) -> list[str]:
        """The items ticked: the claim's own first, as stored, then others in the incident's order."""
        return self.item_rows.ticked()

    def documents(self) -> list[Document]:
        docs = [d for row in self.document_rows.values() if (d := row.document()) is not None]
        return [*docs, *self._extra_documents]

    def claim(self) -> Claim:
        """The claim as the form has it (call when `validation.parsed_ok()`)."""
        v = self.validation.value
        base = self.original or Claim(
            id=self.claim_id, incident_id="", claimant_id="", items=[], kind=ClaimKind.OTHER,
            filed_on=date.today(), status=ClaimStatus.RECEIVED,
        )
        filed_on = v("filed_on")
        registered_on = v("registered_on")
        if (registered_on == filed_on and self.original is not None and self.original.registered_on is None):
            registered_on = None  # stored without a date of its own (registered as filed): kept so
        decision = self.decision
        if decision is not None:
            decision = replace(decision, notice_sent_on=v("decision.notice_sent_on"))
        return replace(
            base, incident_id=v("incident_id") or "", claimant_id=v("claimant_id") or "", items=self.checked_items(),
            kind=v("kind"), filed_on=filed_on, requested_amount=v("requested_amount"),
            insurance_paid=v("insurance_paid"), status=self.status, documents=self.documents(),
            decision=decision, payment=self.payment, attachments=list(self.attachments), notes=v("notes"),
            received_via=v("received_via"), registered_on=registered_on, executor=v("executor"),
            extension=self._extension(base.extension), inspection=self._inspection(base.inspection),
        )

    def _extension(self, old: Extension | None) -> Extension | None:
        """The extension as typed; none while its fields are empty (an incomplete one is a problem
        of `_group_problems`, so the form does not save it)."""
        v = self.validation.value
        until, reason, told = v("extension.until"), v("extension.reason"), v("extension.notice_sent_on")
        if until is None and reason is None and told is None:
            return None
        base = old or Extension(until=until, reason=reason or "")
        return replace(base, until=until, reason=reason or "", notice_sent_on=told)

    def _inspection(self, old: Inspection | None) -> Inspection | None:
        v = self.validation.value
        keys = ("inspection.number", "inspection.date", "inspection.members", "inspection.findings",
                "inspection.assessed_amount")
        if all(v(key) is None for key in keys):
            return None
        base = old or Inspection(number="", date=v("inspection.date"), members=[], findings="")
        return replace(base, number=v("inspection.number") or "", date=v("inspection.date"),
                       members=list(v("inspection.members") or []), findings=v("inspection.findings") or "",
                       assessed_amount=v("inspection.assessed_amount"))

    GROUPS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
        # a group of fields: (all of them, those it needs once any is filled)
        "extension": (("extension.until", "extension.reason", "extension.notice_sent_on"),
                      ("extension.until", "extension.reason")),
        "inspection": (("inspection.number", "inspection.date", "inspection.members", "inspection.findings",
                        "inspection.assessed_amount"),
                       ("inspection.number", "inspection.date", "inspection.members", "inspection.findings")),
    }

    def _group_problems(self) -> list[Problem]:
        """An extension or an act begun is finished before saving: its required fields, named at each."""
        problems: list[Problem] = []
        for fields, needed in self.GROUPS.values():
            if any(self.validation[key].value() is not None for key in fields):
                problems += [Problem(key, FieldError("required")) for key in needed
                             if self.validation[key].parsed_ok() and self.validation[key].value() is None]
        return problems

    def estimated_cost(self, item_ids: list[str]) -> Decimal | None:
        """The estimated cost of the claimed items; None when none of them has an estimate."""
        incident = self.checked_incident()
        if incident is None:
            return None
        costs = [i.estimated_cost for i in (*incident.vehicles, *incident.properties)
                 if i.id in item_ids and i.estimated_cost is not None]
        return sum(costs, Decimal("0.00")) if costs else None

    # ---- validation and warnings -------------------------------------------------------------
    def _key_of(self, problem: Problem) -> str | None:
        path = problem.path
        if path.startswith("items"):
            return "items"
        if path.startswith("people["):
            return None
        if path.startswith("documents["):  # `documents[2].received_on`: the row of that paper, as `documents()` lists them
            n = int(path[len("documents["):path.index("]")])
            rows = [d for row in self.document_rows.values() if (d := row.document()) is not None]
            # A second paper of a kind (from a file) has no row of its own: said under the form.
            return f"documents.{rows[n].kind.value}" if n < len(rows) else None
        return path or None

    def revalidate(self) -> None:
        self._update_path()
        if not self.validation.parsed_ok():
            # The same item claimed twice is said as soon as it is ticked, whatever else is missing.
            self._update_warnings(None)
            return
        claim = self.claim()
        problems = [_shown_dates(p) for p in claim_problems(claim, self.checked_incident())] + self._group_problems()
        self.general_problems = self.validation.set_rule_problems(problems, self._key_of)
        self._update_warnings(claim)
        self._mark_documents(claim)

    def problem_text(self, problem: Problem, lang: str) -> str:
        if problem.path.startswith("people["):
            return f"{self.validation.labels['claimant_id']}: {problem.error.text(lang)}"
        label = self.validation.labels.get(problem.path.split(".")[0], problem.path)
        return f"{label}: {problem.error.text(lang)}" if problem.path else problem.error.text(lang)

    def other_claims(self, item_ids: list[str]) -> dict[str, list[str]]:
        """The numbers of the other claims that list each item."""
        out: dict[str, list[str]] = {}
        for item_id, claims in self.store.claims_referring_to(item_ids).items():
            others = [number_text(number) for cid, number in claims if cid != self.claim_id]
            if others:
                out[item_id] = others
        return out

    def _update_warnings(self, claim: Claim | None) -> None:
        warnings: list[str] = []
        incident = self.checked_incident()
        labels = {i.id: i.label() for i in (*incident.vehicles, *incident.properties)} if incident else {}
        for item_id, others in self.other_claims(self.checked_items()).items():
            warnings.append(self.tr("%1 is already claimed in %2.")
                            .replace("%1", labels.get(item_id, item_id)).replace("%2", ", ".join(others)))
        if claim is not None and claim.decision is not None and claim.status != ClaimStatus.REJECTED:
            text = estimate_warning(claim.decision.approved_amount, claim.insurance_paid, self.estimated_cost(claim.items))
            if text:
                warnings.append(text)
            proposal = self.proposal(claim)
            if proposal is not None and proposal.above(claim.decision.approved_amount):
                warnings.append(self.tr("Approved %1, above the %2 the payment rules propose.")
                                .replace("%1", money_text(claim.decision.approved_amount))
                                .replace("%2", money_text(proposal.amount)))
        if claim is not None and claim.executor and claim.executor not in self.settings.executors:
            warnings.append(self.unknown_executor_text(claim.executor))
        self.warnings = warnings
        self.warnings_label.setText("\n".join("⚠ " + w for w in warnings))
        self.warnings_label.setVisible(bool(warnings))

    def unknown_executor_text(self, executor: str) -> str:
        """«Соколовой Ирины Павловны нет в списке исполнителей»: the name in the genitive, as the
        Russian sentence needs it; a name whose gender cannot be told is quoted in a sentence that
        needs no declension («Исполнителя «Ким» нет в списке…»)."""
        declined = genitive(executor) if i18n.current_language() == "ru" else executor
        if declined is None:
            return self.tr("The executor «%1» is not on the office's list of executors (Settings).").replace("%1", executor)
        return self.tr("%1 is not on the office's list of executors (Settings).").replace("%1", declined)

    def required_kinds(self, claim: Claim) -> list[DocumentKind]:
        claimant = self.book.get(claim.claimant_id)
        return self.required_documents.for_claim(claim, self.checked_incident(), claimant.kind if claimant else None)

    def missing_documents(self) -> list[DocumentKind]:
        if not self.validation.parsed_ok():
            return []
        claim = self.claim()
        have = documents.received_kinds(claim)  # the commission's act counts as its paper
        return [k for k in self.required_kinds(claim) if k not in have]

    def _mark_documents(self, claim: Claim) -> None:
        required = set(self.required_kinds(claim))
        act = documents.act_document(claim)
        for kind, row in self.document_rows.items():
            row.mark(kind in required, act if act is not None and kind is act.kind else None)
        have = documents.received_kinds(claim)
        missing = [k for k in required if k not in have]
        if missing:
            title = self.tr("&Documents (%1 missing)").replace("%1", str(len(missing)))
        else:
            title = self.tr("&Documents")
        self.tabs.setTabText(1, title)
        self.request_button.setEnabled(self.original is not None and bool(missing))

    def _documents_changed(self) -> None:
        self.mark_dirty()
        self.refresh()

    def _items_changed(self) -> None:
        """Ticking the first item of a new claim proposes its owner as the claimant; and «Requested»,
        while empty or still as proposed, is the ticked items' estimates."""
        if self.original is None and self.claimant.person_id() is None:
            incident = self.checked_incident()
            owners = {i.id: i.owner_id for i in (*incident.vehicles, *incident.properties)} if incident else {}
            for item_id in self.checked_items():
                if owners.get(item_id):
                    self.claimant.set_person_id(owners[item_id])
                    break
        self._propose_requested()

    def _propose_requested(self) -> None:
        if self.original is not None or self.validation.loading:
            return  # a stored claim opens as it was stored
        typed = self.requested_amount.text().strip()
        if typed and typed != self._proposed_amount:
            return  # the clerk's own figure
        estimate = self.estimated_cost(self.checked_items())
        text = money_input_text(estimate) if estimate is not None else ""
        if text != self.requested_amount.text():
            self.requested_amount.setText(text)
        self._proposed_amount = text or None

    def _filed_changed(self) -> None:
        """Papers not dated by the clerk are dated as the claim is filed; so is the registration."""
        filed_on = self.validation["filed_on"].value()
        if isinstance(filed_on, date):
            for row in self.document_rows.values():
                row.follow_filing(filed_on)
            if not self._own_registration and self.registered_on.value() != filed_on:
                self.registered_on.set_value(filed_on)

    def _registration_typed(self, _text: str) -> None:
        self._own_registration = True

    # ---- the executor ------------------------------------------------------------------------
    def known_executors(self) -> list[str]:
        return [self.executor.itemText(i) for i in range(self.executor.count())]

    def _parse_executor(self, text: str) -> str | None:
        """The office's executor as the list spells it; a name not on the list is kept as typed
        (with a warning: the registers' filter by executor lists the office's names)."""
        typed = _text(text)
        if typed is None:
            return None
        return resolve_executor(typed, self.settings.executors) or typed

    def _resolve_executor_text(self) -> None:
        found = resolve_executor(self.executor.currentText(), self.known_executors())
        if found is not None and found != self.executor.currentText():
            self.executor.setCurrentIndex(self.executor.findText(found))

    # ---- the path ----------------------------------------------------------------------------
    def proposal(self, claim: Claim | None = None) -> Proposal | None:
        """What the office's payment rules propose for the claim as the form holds it."""
        claim = claim if claim is not None else (self.claim() if self.validation.parsed_ok() else None)
        incident = self.checked_incident()
        if claim is None or incident is None:
            return None
        return claim_proposal(claim, incident, self.settings.payment_rules)

    def path_facts(self) -> PathFacts:
        """What the form holds now, each field as far as it reads (a half-typed date: not yet)."""
        def value(key: str) -> Any:
            field = self.validation[key]
            return field.value() if field.parsed_ok() else None

        filed_on = value("filed_on")
        registered_on = value("registered_on")
        required: list[DocumentKind] = []
        have: set[DocumentKind] = {kind for kind, row in self.document_rows.items() if row.received.isChecked()}
        claim = self.claim() if self.validation.parsed_ok() else None
        # The claimant and the items as chosen, even while another field does not read yet: the
        # required papers follow them (a person's two, a car's one), and the path says so.
        probe = claim or replace(
            self.original or Claim(id=self.claim_id, incident_id="", claimant_id="", items=[], kind=ClaimKind.OTHER,
                                   filed_on=date.today(), status=self.status),
            claimant_id=self.claimant.person_id() or "", items=self.checked_items())
        required = self.required_kinds(probe)
        if claim is not None:
            have |= documents.received_kinds(claim)
        claimant = self.book.get(probe.claimant_id)
        waiting = self.required_documents.still_open(probe, claimant.kind if claimant else None)
        until = value("extension.until")
        extension = Extension(until=until, reason=value("extension.reason") or "",
                              notice_sent_on=value("extension.notice_sent_on")) if until else None
        inspection = claim.inspection if claim is not None else (self.original.inspection if self.original else None)
        decision = self.decision
        if decision is not None:
            decision = replace(decision, notice_sent_on=value("decision.notice_sent_on"))
        return PathFacts(
            status=self.status, filed_on=filed_on, received_via=value("received_via"), registered_on=registered_on,
            documents_received=len([k for k in required if k in have]), documents_required=len(required),
            documents_waiting=tuple(waiting),
            inspection=inspection, decision=decision, proposal=self.proposal(claim) if claim else None,
            extension=extension, payment=self.payment,
        )

    def _update_path(self) -> None:
        if not hasattr(self, "path"):
            return
        self.path.show_facts(self.path_facts(), self.today())
        self._update_review_hints()

    def _update_review_hints(self) -> None:
        """The dates an extension may take, and where the answer stands."""
        filed_on = self.validation["filed_on"].value() if self.validation["filed_on"].parsed_ok() else None
        if isinstance(filed_on, date):
            registered = self.validation["registered_on"].value() if self.validation["registered_on"].parsed_ok() else None
            self.extension_hint.setText(
                self.tr("The answer is due %1 without an extension; it may be extended once, to %2 at the latest.")
                .replace("%1", date_text(deadlines.original_answer_due(filed_on, registered)))
                .replace("%2", date_text(deadlines.latest_extension(filed_on, registered))))
        else:
            self.extension_hint.setText("")
        has_decision = self.decision is not None
        self.notice_sent_on.setEnabled(has_decision)
        if has_decision and self.decision is not None:
            self.notice_hint.setText(self.tr("Decision %1 of %2. The claim is answered once the notice is sent.")
                                     .replace("%1", self.decision.number).replace("%2", date_text(self.decision.date)))
        else:
            self.notice_hint.setText(self.tr("The date the claimant was sent the decision, once there is one."))

    # ---- status ------------------------------------------------------------------------------
    def status_button_text(self, target: ClaimStatus) -> str:
        if target == ClaimStatus.UNDER_REVIEW and self.status == ClaimStatus.REJECTED:
            return self.tr("Reopen on appeal")
        return {
            # Alt+letter presses them; the letters are free on the claim tab in both languages.
            ClaimStatus.DOCUMENTS_REQUESTED: self.tr("Re&quest documents"),
            ClaimStatus.UNDER_REVIEW: self.tr("Start revie&w"),
            ClaimStatus.APPROVED: self.tr("&Approve…"),
            ClaimStatus.REJECTED: self.tr("Refuse…"),
            ClaimStatus.PAID: self.tr("Record pa&yment…"),
            ClaimStatus.WITHDRAWN: self.tr("Withdrawn…"),
            ClaimStatus.RECEIVED: self.tr("Received"),
        }[target]

    def offered_statuses(self) -> list[ClaimStatus]:
        """The statuses this claim may move to next, in the order of the enum (the usual path)."""
        allowed = allowed_next(self.status)
        return [s for s in ClaimStatus if s in allowed]

    def _render_status(self) -> None:
        self.status_label.setText(enum_label(self.status).capitalize())
        lines: list[str] = []
        if self.decision is not None:
            d = self.decision
            if d.approved_amount is not None:
                lines.append(self.tr("Decision %1 of %2: approved %3.").replace("%1", d.number)
                             .replace("%2", date_text(d.date)).replace("%3", money_text(d.approved_amount)))
            else:
                lines.append(self.tr("Decision %1 of %2: refused. %3").replace("%1", d.number)
                             .replace("%2", date_text(d.date)).replace("%3", d.reason or ""))
        if self.payment is not None:
            p = self.payment
            lines.append(self.tr("Paid %1 on %2 (%3).").replace("%1", money_text(p.amount))
                         .replace("%2", date_text(p.date)).replace("%3", p.reference or "—"))
        if not self.offered_statuses():
            lines.append(self.tr("This status is final."))
        self.decision_label.setText("\n".join(lines))
        self.decision_label.setVisible(bool(lines))
        focus = self.focusWidget()  # this window's, also while the decision's dialog has the keyboard
        had_focus = focus is not None and (focus in self.status_buttons.values() or focus is self.correction_button)
        for button in self.status_buttons.values():
            self.status_buttons_row.removeWidget(button)
            button.deleteLater()
        self.status_buttons.clear()
        for target in self.offered_statuses():
            button = QPushButton(self.status_button_text(target))
            button.setAutoDefault(False)
            button.setToolTip(self.tr("Changes the status and saves the claim"))
            button.clicked.connect(lambda _checked=False, t=target: self.change_status(t))
            self.status_buttons_row.insertWidget(self.status_buttons_row.count() - 1, button)
            self.status_buttons[target] = button
        if self.correction_button is not None:
            self.status_buttons_row.removeWidget(self.correction_button)
            self.correction_button.deleteLater()
            self.correction_button = None
        if self.original is not None and correction_of(self.status) is not None:
            self.correction_button = QPushButton(self.correction_text())
            self.correction_button.setAutoDefault(False)
            self.correction_button.setToolTip(self.tr("Asks for the reason; the history keeps it with the claim as it was"))
            self.correction_button.clicked.connect(lambda _checked=False: self.correct())
            self.status_buttons_row.insertWidget(self.status_buttons_row.count() - 1, self.correction_button)
        self._apply_lock()
        self._update_status_buttons()
        if had_focus:  # the button pressed is gone: the keyboard stays in the form, at the path's next step
            onward = [self.status_buttons.get(s) for s in (ClaimStatus.UNDER_REVIEW, ClaimStatus.APPROVED,
                                                          ClaimStatus.PAID)]
            following = [*onward, *self.status_buttons.values(), self.correction_button, self.notes]
            target = next((w for w in following if w is not None and w.isEnabled()), None)
            if target is not None:
                target.setFocus(Qt.FocusReason.OtherFocusReason)

    # ---- locked claims and corrections -------------------------------------------------------
    def locked(self) -> bool:
        """A decided, paid or withdrawn claim (as stored): its substance is read-only."""
        return self.original is not None and is_locked(self.status)

    def _apply_lock(self) -> None:
        locked = self.locked()
        # What the decision was made on (transitions.LOCKED_FIELDS): the act, how it came and its
        # registration too, which took typing and refused it only at the save. Who answers, the
        # extension and the notice's date stay open.
        for edit in (self.requested_amount, self.insurance_paid, self.inspection_number, self.inspection_amount,
                     self.inspection_members, self.inspection_findings):
            edit.setReadOnly(locked)
        for date_edit in (self.filed_on, self.registered_on, self.inspection_date):
            date_edit.setReadOnly(locked)
        self.received_via.setEnabled(not locked)
        self.kind.setEnabled(not locked)
        self.items.set_locked(locked)
        self.claimant.set_read_only(locked)
        for row in self.document_rows.values():
            row.set_locked(locked)
        if locked:
            what = {ClaimStatus.PAID: self.tr("The claim is paid"), ClaimStatus.APPROVED: self.tr("The claim is approved"),
                    ClaimStatus.REJECTED: self.tr("The claim is refused"),
                    ClaimStatus.WITHDRAWN: self.tr("The claim is withdrawn")}[self.status]
            how = {ClaimStatus.PAID: self.tr("to change it, first reverse the payment (with the reason)."),
                   ClaimStatus.APPROVED: self.tr("to change it, reopen the decision (with the reason)."),
                   ClaimStatus.REJECTED: self.tr("to change it, reopen it on appeal."),
                   ClaimStatus.WITHDRAWN: self.tr("it cannot be changed; notes and attachments can.")}[self.status]
            self.lock_label.setText(what + ": " + self.tr("its details are locked;") + " " + how)
        self.lock_label.setVisible(locked)

    def correction_text(self) -> str:
        return self.tr("Reverse the payment…") if self.status == ClaimStatus.PAID else self.tr("Reopen the decision…")

    def ask_reason(self, title: str, label: str) -> str | None:
        """The clerk's reason for a correction or an override (patched in tests)."""
        text, ok = QInputDialog.getMultiLineText(self, title, label)
        return text.strip() or None if ok else None

    def correct(self) -> bool:
        """Reverse the payment or reopen the decision: an explicit action, with a reason, audited."""
        if correction_of(self.status) is None or self.original is None:
            return False
        if self.is_dirty():
            self.inform(self.correction_text().rstrip("…"), self.tr("Save or discard the other changes first."))
            return False
        if self.status == ClaimStatus.PAID:
            title = self.tr("Reverse the payment")
            label = self.tr("Why is the payment of %1 reversed? (kept in the claim's history)").replace(
                "%1", money_text(self.payment.amount) if self.payment else "")
        else:
            title = self.tr("Reopen the decision")
            label = self.tr("Why is decision %1 reopened? The claim goes back under review "
                            "(kept in the claim's history).").replace("%1", self.decision.number if self.decision else "")
        reason = self.ask_reason(title, label)
        if not reason:
            return False
        claim = corrected(self.claim(), reason)
        return self.apply_status(claim.status, decision=claim.decision, payment=claim.payment, reason=reason,
                                 clear=True)

    def _update_status_buttons(self) -> None:
        valid = self.is_valid()
        for button in self.status_buttons.values():
            button.setEnabled(valid)

    def update_state(self) -> None:
        super().update_state()
        if hasattr(self, "status_buttons"):
            self._update_status_buttons()

    def change_status(self, target: ClaimStatus) -> QWidget | None:
        """Move along an allowed transition: ask what it needs, then save with the form."""
        if target not in allowed_next(self.status):
            return None
        self.refresh()
        if not self.is_valid():
            self.validation.show_all()
            self.update_state()
            return None
        claim = self.claim()
        if target in (ClaimStatus.APPROVED, ClaimStatus.REJECTED):
            missing = [enum_label(k) for k in self.missing_documents()] if target == ClaimStatus.APPROVED else []
            dialog: Any = DecisionDialog(claim, self.checked_incident(), target, self.estimated_cost(claim.items), self,
                                         missing_documents=missing, rules=self.settings.payment_rules)
            dialog.accepted.connect(lambda: self.apply_status(target, decision=dialog.decision(),
                                                              reason=dialog.override_text()))
            return self.open_child(dialog)
        if target == ClaimStatus.PAID:
            dialog = PaymentDialog(claim, self.checked_incident(), self)
            dialog.accepted.connect(lambda: self.apply_status(target, payment=dialog.payment()))
            return self.open_child(dialog)
        if target == ClaimStatus.WITHDRAWN and not self.confirm(
                self.tr("Claim withdrawn"),
                self.tr("Record that the claimant withdrew the claim? A withdrawn claim cannot be reopened.")):
            return None
        self.apply_status(target)
        return None

    def apply_status(self, target: ClaimStatus, *, decision: Decision | None = None,
                     payment: Payment | None = None, reason: str | None = None, clear: bool = False) -> bool:
        """Save the form with the new status; `clear`: a correction, which may drop the decision or payment."""
        before = (self.status, self.decision, self.payment)
        self.status = target
        if decision is not None or clear:
            self.decision = decision
        if payment is not None or clear:
            self.payment = payment
        self._pending_reason = reason
        try:
            saved = self.save()
        finally:
            self._pending_reason = None
        if not saved:
            self.status, self.decision, self.payment = before
            self.refresh()
            return False
        self._render_status()
        return True

    # ---- saving ------------------------------------------------------------------------------
    def commit(self) -> bool:
        self.normalise_fields()
        claim = self.claim()
        claim, merged = self.over_stored(claim, self.store.get_claim, merge_fields)
        saved = self.save_through_store(
            lambda: self.store.save_with_people(claim, self.book.to_save({claim.claimant_id}),
                                                existing=self.original is not None,
                                                reason=self._pending_reason or self.conflict_reason,
                                                files=self._new_files),
            self._key_of,
        )
        if saved is None:
            return False
        assert isinstance(saved, Claim)
        self._new_files = {}
        self.book.mark_saved()
        self.original = self.store.get_claim(saved.id) or saved
        self.general_problems = []
        with self.validation.load():
            self.number.setText(number_text(self.original.number))
        if self.incident_ref.isReadOnly() is False:
            self.incident_ref.setReadOnly(True)
            self.incident_ref.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
            with self.validation.load():
                self.incident_ref.setText(self._incident_text(self.original.incident_id))
        self._update_title()
        self.saved.emit(saved.id)
        if merged:
            self.show_merged()
        return True

    def _update_title(self) -> None:
        if self.original is not None:
            self.setWindowTitle(self.tr("Claim %1").replace("%1", number_text(self.original.number)))
        else:
            self.setWindowTitle(self.tr("New claim"))
        saved = self.original is not None
        self.history_button.setEnabled(saved)
        self.sheet_button.setEnabled(saved)
        self.request_button.setEnabled(saved and bool(self.missing_documents()))

    # ---- attachments -------------------------------------------------------------------------
    def _render_attachments(self) -> None:
        table = self.attachment_table
        table.setRowCount(len(self.attachments))
        lang = current_language()
        for r, a in enumerate(self.attachments):
            kind, size = file_kind(a.media_type, a.name, lang), file_size(a.size, lang)
            for c, text in enumerate((a.name, kind, size)):
                cell = QTableWidgetItem(text)
                cell.setToolTip(f"{a.name}\n{kind}, {size}" if size else f"{a.name}\n{kind}")
                if c == 2:
                    cell.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                table.setItem(r, c, cell)
        table.setColumnWidth(0, 340)
        table.setColumnWidth(1, 170)
        self.tabs.setTabText(self.tabs.indexOf(self.attachments_page),
                             self.tr("Attachme&nts (%1)").replace("%1", str(len(self.attachments))))
        self._update_attachment_buttons()

    def _current_attachment(self) -> int:
        rows = self.attachment_table.selectionModel().selectedRows()
        return rows[0].row() if rows else -1

    def _update_attachment_buttons(self) -> None:
        has = self._current_attachment() >= 0
        self.open_attachment_button.setEnabled(has)
        self.remove_attachment_button.setEnabled(has)

    def choose_files(self) -> list[str]:
        """The files to attach (patched in tests)."""
        files, _filter = QFileDialog.getOpenFileNames(
            self, self.tr("Attach scans or photos"), "",
            self.tr("Scans and photos (%1);;All files (*)").replace("%1", ATTACHMENT_FILTER_EXTENSIONS))
        return files

    def add_attachments(self) -> None:
        known = {a.sha256 for a in self.attachments}
        added = False
        for name in self.choose_files():
            path = Path(name)
            try:
                data = path.read_bytes()
            except OSError as e:
                self.inform(self.tr("Cannot attach"), f"{path.name}: {e.strerror or e}")
                continue
            sha = hashlib.sha256(data).hexdigest()
            if sha in known:
                continue
            known.add(sha)
            self._new_files[sha] = data
            self.attachments.append(Attachment(name=path.name, sha256=sha, media_type=mimetypes.guess_type(path.name)[0],
                                               size=len(data)))
            added = True
        if added:
            self._render_attachments()
            self.attachment_table.selectRow(len(self.attachments) - 1)
            self.mark_dirty()
            self.refresh()

    def open_file(self, path: Path) -> bool:
        """Hand a file to the system's viewer. Not `QDesktopServices.openUrl`: that starts the
        viewer with a frozen build's LD_LIBRARY_PATH and Qt plugin paths, which break it."""
        try:
            platform_env.open_with_system_viewer(path)
        except OSError:  # no xdg-open, or Windows has no program for the type
            return False
        return True

    def open_attachment(self) -> Path | None:
        row = self._current_attachment()
        if row < 0:
            return None
        attachment = self.attachments[row]
        data = self._new_files.get(attachment.sha256) or self.store.get_blob(attachment.sha256)
        if data is None:
            self.inform(self.tr("Cannot open"), self.tr("The file's contents are not in this database "
                                                        "(it came from an export without attachments)."))
            return None
        try:
            target = viewing_copy(attachment.sha256[:16], attachment.name, data)
        except OSError as e:
            self.inform(self.tr("Cannot open"), f"{attachment.name}: {e.strerror or e}")
            return None
        if not self.open_file(target):
            self.inform(self.tr("Cannot open"), self.tr("No program opens %1.").replace("%1", attachment.name))
        return target

    def remove_attachment(self) -> None:
        row = self._current_attachment()
        if row < 0:
            return
        name = self.attachments[row].name
        if self.confirm(self.tr("Remove attachment"), self.tr("Remove %1 from this claim?").replace("%1", name)):
            del self.attachments[row]
            self._render_attachments()
            self.mark_dirty()
            self.refresh()

    # ---- history and reports -----------------------------------------------------------------
    def _ensure_saved(self) -> bool:
        if self.original is not None and not self.is_dirty():
            return True
        return self.save()

    def show_history(self) -> Any:
        if self.original is None:
            return None
        from .history import HistoryDialog

        return self.open_child(HistoryDialog(self.store, self.claim_id, self))

    def show_report(self, kind: str) -> None:
        if not self._ensure_saved() or self.original is None:
            return
        try:
            from .report_preview import show_report
        except ImportError as e:  # the preview is another part of the window; say so rather than crash
            self.inform(self.tr("Report"), str(e))
            return
        show_report(self, self.store.location, kind, number=self.original.number)
