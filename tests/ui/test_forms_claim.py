"""The claim form as the owner-support desk uses it: file a claim and take it through to paid."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import hashlib  # noqa: E402
from decimal import Decimal  # noqa: E402
from pathlib import Path  # noqa: E402
from typing import Any  # noqa: E402

import pytest  # noqa: E402
from PySide6.QtCore import QDate, Qt  # noqa: E402
from PySide6.QtGui import QDesktopServices  # noqa: E402

from desktop.domain.enums import ClaimStatus, DocumentKind  # noqa: E402
from desktop.domain.models import Incident, Person  # noqa: E402
from desktop.storage import Store  # noqa: E402
from desktop.ui.dialogs.claim_form import ClaimDialog  # noqa: E402
from desktop.ui.dialogs.decision import DecisionDialog, PaymentDialog  # noqa: E402
from desktop.ui.dialogs.history import HistoryDialog  # noqa: E402
from desktop.ui.dialogs.incident_form import IncidentDialog  # noqa: E402
from tests.ui.forms_fixtures import (  # noqa: E402
    check,
    click,
    no_modal_loops,  # noqa: F401 - an autouse fixture, active here by being imported
    russian_messages,  # noqa: F401 - a fixture, used by name
    seed_kaluga,
    type_into,
)

S = ClaimStatus


@pytest.fixture
def kaluga(store: Store) -> tuple[Store, Incident, list[Person]]:
    incident, people = seed_kaluga(store)
    return store, incident, people


def tick(dialog: ClaimDialog, item_id: str) -> None:
    for row in range(dialog.items.count()):
        entry = dialog.items.item(row)
        if entry.data(Qt.ItemDataRole.UserRole) == item_id:
            entry.setCheckState(Qt.CheckState.Checked)
            return
    raise AssertionError(item_id)


def approve_without_missing_papers(qtbot: Any, decision: DecisionDialog, reason: str = "по распоряжению главы") -> None:
    """The explicit override a clerk gives when required documents are missing."""
    assert not decision.save_button.isEnabled() and decision.missing_documents
    check(qtbot, decision.override)
    type_into(qtbot, decision.override_reason, reason)


def status_button(qtbot: Any, dialog: ClaimDialog, target: ClaimStatus) -> None:
    assert target in dialog.status_buttons, f"{target} not offered"
    button = dialog.status_buttons[target]
    qtbot.waitUntil(button.isVisible)  # buttons made after a status change show on the next turn of the loop
    click(qtbot, button)


def file_claim_from_incident(qtbot: Any, store: Store, incident: Incident, owner: Person) -> ClaimDialog:
    """Incident form → Claims tab → New claim…; claimant found by typing their name."""
    form = IncidentDialog(store, incident.id)
    qtbot.addWidget(form)
    form.show()
    form.tabs.setCurrentWidget(form.claims_table)
    click(qtbot, form.claims_table.add_button)
    dialog = form.child_dialog
    assert isinstance(dialog, ClaimDialog)
    assert dialog.windowTitle() == "New claim" and dialog.incident is not None
    assert dialog.incident_ref.isReadOnly() and dialog.incident_ref.text().startswith("INC-2026-0001")

    # The surname typed into the claimant field lists the people it finds under it.
    type_into(qtbot, dialog.claimant.display, owner.full_name.split()[0])
    assert dialog.claimant.display.suggestions()[0].startswith(owner.full_name)
    qtbot.keyClick(dialog.claimant.display, Qt.Key.Key_Return)  # the highlighted one
    assert dialog.claimant.person_id() == owner.id
    return dialog


def test_claim_goes_from_received_to_paid(qtbot: Any, kaluga: tuple[Store, Incident, list[Person]]) -> None:
    store, incident, people = kaluga
    lada = incident.vehicles[0]
    dialog = file_claim_from_incident(qtbot, store, incident, people[0])
    form = dialog.parent()
    assert isinstance(form, IncidentDialog)

    assert not dialog.save_button.isEnabled()  # no item yet
    assert "Items claimed" in dialog.problems_label.text()
    tick(dialog, lada.id)
    assert dialog.validation["requested_amount"].value() == Decimal("48500.00")  # the Lada's estimate, proposed
    dialog.tabs.setCurrentIndex(1)
    for kind in (DocumentKind.APPLICATION, DocumentKind.IDENTITY_DOCUMENT, DocumentKind.BANK_DETAILS):
        check(qtbot, dialog.document_rows[kind].received)
    # Required for a person's claim for a car, per the defaults; these are still missing.
    assert dialog.missing_documents() == [DocumentKind.DAMAGE_ASSESSMENT, DocumentKind.PERSONAL_DATA_CONSENT,
                                          DocumentKind.VEHICLE_REGISTRATION]
    assert dialog.document_rows[DocumentKind.VEHICLE_REGISTRATION].marker.text() == "required — missing"
    assert dialog.document_rows[DocumentKind.APPLICATION].marker.text() == "required ✓"
    assert dialog.document_rows[DocumentKind.PHOTOS].marker.text() == ""
    assert dialog.tabs.tabText(1) == "&Documents (3 missing)"
    dialog.tabs.setCurrentIndex(0)

    with qtbot.waitSignal(dialog.saved, timeout=2000) as saved:
        click(qtbot, dialog.save_button)
    claim_id = saved.args[0]
    assert dialog.number.text() == "CLM-2026-0001"
    claim = store.get_claim(claim_id)
    assert claim is not None and claim.status == S.RECEIVED and claim.items == [lada.id]
    assert claim.requested_amount == Decimal("48500.00") and claim.claimant_id == people[0].id
    assert {d.kind for d in claim.documents} == {DocumentKind.APPLICATION, DocumentKind.IDENTITY_DOCUMENT,
                                                  DocumentKind.BANK_DETAILS}
    claims = form.claims_table.model
    assert claims.rowCount() == 1  # the incident's claims list follows
    assert claims.index(0, claims.column_of("number")).data() == "CLM-2026-0001"

    # received → under review: only the allowed ones are offered.
    assert set(dialog.status_buttons) == {S.DOCUMENTS_REQUESTED, S.UNDER_REVIEW, S.WITHDRAWN}
    with qtbot.waitSignal(dialog.saved, timeout=2000):
        status_button(qtbot, dialog, S.UNDER_REVIEW)
    assert store.get_claim(claim_id).status == S.UNDER_REVIEW  # type: ignore[union-attr]
    assert dialog.status_label.text() == "Under review"

    # under review → approved, with the decision.
    assert set(dialog.status_buttons) == {S.DOCUMENTS_REQUESTED, S.APPROVED, S.REJECTED, S.WITHDRAWN}
    assert S.PAID not in dialog.status_buttons
    status_button(qtbot, dialog, S.APPROVED)
    decision = dialog.child_dialog
    assert isinstance(decision, DecisionDialog)
    assert decision.approved_amount.text() == "48 500.00"  # proposed: requested less insurance
    assert not decision.save_button.isEnabled()  # the number is still missing
    type_into(qtbot, decision.number, "РП-112")
    # Three required papers are missing: approving needs the clerk's explicit override and reason.
    assert not decision.save_button.isEnabled()
    assert "vehicle registration" in decision.missing_label.text()
    check(qtbot, decision.override)
    type_into(qtbot, decision.override_reason, "документы обещаны до 01.10")
    with qtbot.waitSignal(dialog.saved, timeout=2000):
        click(qtbot, decision.save_button)
    claim = store.get_claim(claim_id)
    assert claim is not None and claim.status == S.APPROVED
    assert claim.decision is not None and claim.decision.number == "РП-112"
    assert claim.decision.approved_amount == Decimal("48500.00")
    assert "Decision РП-112" in dialog.decision_label.text()

    # approved → paid, with the payment.
    assert set(dialog.status_buttons) == {S.PAID, S.WITHDRAWN}
    status_button(qtbot, dialog, S.PAID)
    payment = dialog.child_dialog
    assert isinstance(payment, PaymentDialog)
    assert payment.amount.text() == "48 500.00"
    type_into(qtbot, payment.reference, "3391")
    with qtbot.waitSignal(dialog.saved, timeout=2000):
        click(qtbot, payment.save_button)
    claim = store.get_claim(claim_id)
    assert claim is not None and claim.status == S.PAID
    assert claim.payment is not None and claim.payment.amount == Decimal("48500.00")
    assert claim.payment.reference == "3391"
    assert dialog.status_buttons == {} and "This status is final." in dialog.decision_label.text()
    assert claims.index(0, claims.column_of("status")).data() == "paid"

    # The history tells the story.
    click(qtbot, dialog.history_button)
    history = dialog.child_dialog
    assert isinstance(history, HistoryDialog)
    text = history.visible_text()
    assert "status | approved | paid" in text
    assert "status | under review | approved" in text
    assert "decision · number |  | РП-112" in text


def test_a_refused_payment_keeps_the_claim_approved(qtbot: Any, kaluga: tuple[Store, Incident, list[Person]]) -> None:
    """Cancel in the payment dialog changes nothing; the payment's own rules hold Save."""
    store, incident, people = kaluga
    dialog = file_claim_from_incident(qtbot, store, incident, people[1])
    tick(dialog, incident.vehicles[1].id)
    dialog.requested_amount.clear()
    type_into(qtbot, dialog.requested_amount, "112000")
    dialog.save()
    status_button(qtbot, dialog, S.UNDER_REVIEW)
    status_button(qtbot, dialog, S.APPROVED)
    decision = dialog.child_dialog
    assert isinstance(decision, DecisionDialog)
    type_into(qtbot, decision.number, "РП-7")
    approve_without_missing_papers(qtbot, decision)
    click(qtbot, decision.save_button)
    status_button(qtbot, dialog, S.PAID)
    payment = dialog.child_dialog
    assert isinstance(payment, PaymentDialog)
    payment.amount.clear()
    type_into(qtbot, payment.amount, "200000")
    assert payment.validation["payment.amount"].message.text() == "above the approved amount"
    assert not payment.save_button.isEnabled()
    click(qtbot, payment.cancel_button)
    assert store.get_claim(dialog.claim_id).status == S.APPROVED  # type: ignore[union-attr]
    assert dialog.status == S.APPROVED and set(dialog.status_buttons) == {S.PAID, S.WITHDRAWN}


def test_refusal_needs_a_reason_and_can_be_appealed(qtbot: Any, kaluga: tuple[Store, Incident, list[Person]]) -> None:
    store, incident, people = kaluga
    dialog = ClaimDialog(store, None, incident.id)
    qtbot.addWidget(dialog)
    dialog.show()
    tick(dialog, incident.vehicles[2].id)  # proposes the car's owner as the claimant
    assert dialog.claimant.person_id() == people[2].id
    status_button(qtbot, dialog, S.UNDER_REVIEW)  # a new claim may go straight to review
    assert store.get_claim(dialog.claim_id).status == S.UNDER_REVIEW  # type: ignore[union-attr]
    status_button(qtbot, dialog, S.REJECTED)
    refusal = dialog.child_dialog
    assert isinstance(refusal, DecisionDialog)
    assert refusal.approved_amount.isHidden()
    type_into(qtbot, refusal.number, "РО-3")
    assert not refusal.save_button.isEnabled()
    type_into(qtbot, refusal.reason, "не представлены документы")
    click(qtbot, refusal.save_button)
    claim = store.get_claim(dialog.claim_id)
    assert claim is not None and claim.status == S.REJECTED and claim.decision is not None
    assert claim.decision.reason == "не представлены документы" and claim.decision.approved_amount is None
    assert set(dialog.status_buttons) == {S.UNDER_REVIEW}
    assert dialog.status_buttons[S.UNDER_REVIEW].text() == "Reopen on appeal"


def test_withdrawal_is_confirmed(qtbot: Any, kaluga: tuple[Store, Incident, list[Person]]) -> None:
    store, incident, _people = kaluga
    dialog = ClaimDialog(store, None, incident.id)
    qtbot.addWidget(dialog)
    dialog.show()
    tick(dialog, incident.vehicles[0].id)
    dialog.save()
    answers = [False, True]
    dialog.confirm = lambda title, text: answers.pop(0)  # type: ignore[method-assign]
    status_button(qtbot, dialog, S.WITHDRAWN)
    assert store.get_claim(dialog.claim_id).status == S.RECEIVED  # type: ignore[union-attr]
    status_button(qtbot, dialog, S.WITHDRAWN)
    assert store.get_claim(dialog.claim_id).status == S.WITHDRAWN  # type: ignore[union-attr]
    assert dialog.status_buttons == {}


def test_forbidden_transitions_are_not_offered_for_stored_claims(qtbot: Any, sample_store: Store) -> None:
    expected = {
        "CLM-2026-0001": set(),  # paid
        "CLM-2026-0002": {S.DOCUMENTS_REQUESTED, S.APPROVED, S.REJECTED, S.WITHDRAWN},  # under review
        "CLM-2026-0003": {S.UNDER_REVIEW},  # rejected
        "CLM-2026-0004": {S.PAID, S.WITHDRAWN},  # approved
    }
    for number, offered in expected.items():
        claim = sample_store.get_claim_by_number(number)
        assert claim is not None
        dialog = ClaimDialog(sample_store, claim.id)
        qtbot.addWidget(dialog)
        assert set(dialog.status_buttons) == offered, number
        dialog.change_status(S.PAID if S.PAID not in offered else S.RECEIVED)  # not offered: ignored
        assert dialog.child_dialog is None and sample_store.get_claim(claim.id).status == claim.status  # type: ignore[union-attr]


@pytest.mark.parametrize("lang", ["ru", "en"])
def test_incident_and_claimant_read_whole_on_an_office_screen(qtbot: Any, sample_store: Store, lang: str) -> None:
    """At its own size on a 1366×768 screen the form shows the whole incident line and claimant."""
    from PySide6.QtWidgets import QLineEdit

    from desktop.ui import i18n

    i18n.install(lang)
    claim = sample_store.get_claim_by_number("CLM-2026-0001")
    assert claim is not None
    dialog = ClaimDialog(sample_store, claim.id)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    screen = dialog.screen().availableGeometry()
    assert (screen.width(), screen.height()) == (1366, 768)
    assert dialog.width() <= screen.width() and dialog.height() <= screen.height()
    edit: QLineEdit
    for edit in (dialog.incident_ref, dialog.claimant.display):
        text = edit.text()
        assert "·" in text or "17.03.1984" in text, text  # the long forms: reference · time · place; name (born …)
        room = edit.contentsRect().width() - edit.textMargins().left() - edit.textMargins().right() - 6
        assert edit.fontMetrics().horizontalAdvance(text) <= room, f"cut off: {text}"


def test_warnings_for_an_item_already_claimed_and_an_approval_above_the_estimate(
        qtbot: Any, sample_store: Store) -> None:
    incident = sample_store.get_incident_by_reference("INC-2026-0001")
    assert incident is not None
    lada = incident.vehicles[0]
    dialog = ClaimDialog(sample_store, None, incident.id)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.warnings_label.isHidden()
    tick(dialog, lada.id)
    assert not dialog.warnings_label.isHidden()
    assert "Lada Vesta, А123ВС40 is already claimed in CLM-2026-0001." in dialog.warnings_label.text()
    assert dialog.save_button.isEnabled()  # a warning, not a refusal

    type_into(qtbot, dialog.insurance_paid, "10000")
    status_button(qtbot, dialog, S.UNDER_REVIEW)
    status_button(qtbot, dialog, S.APPROVED)
    decision = dialog.child_dialog
    assert isinstance(decision, DecisionDialog)
    decision.approved_amount.clear()
    type_into(qtbot, decision.approved_amount, "45000")
    assert not decision.warning.isHidden()
    assert "above the estimated cost of the items, ₽48,500.00" in decision.warning.text()
    assert "Not the ₽38,500.00 the payment rules propose." in decision.warning.text()  # no rules: 48 500 − 10 000
    type_into(qtbot, decision.number, "РП-200")
    approve_without_missing_papers(qtbot, decision)
    asked: list[str] = []
    decision.confirm = lambda title, text: asked.append(text) or True  # type: ignore[method-assign]
    click(qtbot, decision.save_button)
    assert asked == ["Approve ₽45,000.00? The payment rules propose ₽38,500.00; an amount above the proposal "
                     "is flagged on the claim sheet."]
    assert sample_store.get_claim(dialog.claim_id).status == S.APPROVED  # type: ignore[union-attr]
    assert "above the estimated cost" in dialog.warnings_label.text()
    assert "Approved ₽45,000.00, above the ₽38,500.00 the payment rules propose." in dialog.warnings_label.text()


def test_attachments_are_stored_with_their_hash_opened_and_removed(
        qtbot: Any, kaluga: tuple[Store, Incident, list[Person]], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    store, incident, _people = kaluga
    opened: list[Path] = []
    monkeypatch.setattr("desktop.platform_env.open_with_system_viewer", opened.append)
    # The viewer must not inherit a frozen build's library paths: never through QDesktopServices.
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: pytest.fail(f"openUrl({url})"))
    scan = tmp_path / "акт осмотра.pdf"
    scan.write_bytes(b"%PDF-1.4 inspection act")
    photo = tmp_path / "photo.jpg"
    photo.write_bytes(b"\xff\xd8\xff jpeg")
    dialog = ClaimDialog(store, None, incident.id)
    qtbot.addWidget(dialog)
    dialog.show()
    tick(dialog, incident.vehicles[0].id)
    dialog.choose_files = lambda: [str(scan), str(photo), str(scan)]  # type: ignore[method-assign]
    dialog.tabs.setCurrentIndex(2)
    click(qtbot, dialog.add_attachment_button)
    assert [a.name for a in dialog.attachments] == ["акт осмотра.pdf", "photo.jpg"]  # the same file once
    first = dialog.attachments[0]
    assert first.sha256 == hashlib.sha256(scan.read_bytes()).hexdigest()
    assert (first.media_type, first.size) == ("application/pdf", len(scan.read_bytes()))
    assert dialog.attachments[1].media_type == "image/jpeg"
    assert dialog.tabs.tabText(2) == "Attachme&nts (2)"
    with qtbot.waitSignal(dialog.saved, timeout=2000):
        click(qtbot, dialog.save_button)

    again = ClaimDialog(store, dialog.claim_id)
    qtbot.addWidget(again)
    again.show()
    assert [a.sha256 for a in again.attachments] == [a.sha256 for a in dialog.attachments]
    again.tabs.setCurrentIndex(2)
    again.attachment_table.selectRow(0)
    click(qtbot, again.open_attachment_button)
    assert len(opened) == 1
    assert opened[0].name == "акт осмотра.pdf" and opened[0].read_bytes() == scan.read_bytes()

    asked: list[str] = []
    again.confirm = lambda title, text: asked.append(text) or "photo.jpg" in text  # type: ignore[method-assign]
    again.attachment_table.selectRow(1)
    click(qtbot, again.remove_attachment_button)
    assert [a.name for a in again.attachments] == ["акт осмотра.pdf"]
    assert again.is_dirty()
    # The Delete key on the table asks too ("No" here: the scan is not photo.jpg).
    again.activateWindow()
    qtbot.waitUntil(again.isActiveWindow)
    again.attachment_table.setFocus()
    again.attachment_table.selectRow(0)
    qtbot.keyClick(again.attachment_table, Qt.Key.Key_Delete)
    assert len(asked) == 2 and "акт осмотра.pdf" in asked[1]
    assert [a.name for a in again.attachments] == ["акт осмотра.pdf"]


def test_attached_files_are_stored_only_when_the_claim_is_saved_and_opened_privately(
        qtbot: Any, kaluga: tuple[Store, Incident, list[Person]], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from desktop.files import remove_viewing_copies
    from desktop.paths import data_dir

    store, incident, _people = kaluga
    opened: list[Path] = []
    monkeypatch.setattr("desktop.platform_env.open_with_system_viewer", opened.append)
    scan = tmp_path / "паспорт.pdf"
    scan.write_bytes(b"%PDF-1.4 passport 4510 123456")
    blobs = lambda: store.db.conn.execute("SELECT COUNT(*) FROM blobs").fetchone()[0]  # noqa: E731
    dialog = ClaimDialog(store, None, incident.id)
    qtbot.addWidget(dialog)
    dialog.show()
    tick(dialog, incident.vehicles[0].id)
    dialog.choose_files = lambda: [str(scan)]  # type: ignore[method-assign]
    dialog.tabs.setCurrentIndex(2)
    click(qtbot, dialog.add_attachment_button)
    assert blobs() == 0  # not stored on adding: a cancelled form leaves nothing behind
    dialog.attachment_table.selectRow(0)
    click(qtbot, dialog.open_attachment_button)  # an unsaved attachment opens from the form's memory
    copy = opened[-1]
    assert copy.read_bytes() == scan.read_bytes()
    assert copy.relative_to(data_dir()).parts[:1] == ("opened",)  # the private data folder, not the system's temp
    assert copy.stat().st_mode & 0o077 == 0
    assert all(p.stat().st_mode & 0o077 == 0 for p in copy.parents if data_dir() in p.parents)
    dialog.ask_unsaved = lambda: "discard"  # type: ignore[method-assign]
    dialog.reject()  # the clerk closes the form: «Не сохранять»
    assert not dialog.isVisible()
    assert blobs() == 0
    remove_viewing_copies()  # what the program does at exit
    assert not copy.exists() and not copy.parent.exists()

    again = ClaimDialog(store, None, incident.id)
    qtbot.addWidget(again)
    again.show()
    tick(again, incident.vehicles[0].id)
    again.choose_files = lambda: [str(scan)]  # type: ignore[method-assign]
    again.tabs.setCurrentIndex(2)
    click(qtbot, again.add_attachment_button)
    with qtbot.waitSignal(again.saved, timeout=2000):
        click(qtbot, again.save_button)
    assert blobs() == 1 and store.get_blob(again.attachments[0].sha256) == scan.read_bytes()


def test_an_attachment_no_program_opens_is_a_message(
        qtbot: Any, kaluga: tuple[Store, Incident, list[Person]], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    store, incident, _people = kaluga
    dialog = ClaimDialog(store, None, incident.id)
    qtbot.addWidget(dialog)
    dialog.show()
    heic = tmp_path / "scan.heic"
    heic.write_bytes(b"heic")
    dialog.choose_files = lambda: [str(heic)]  # type: ignore[method-assign]
    dialog.tabs.setCurrentIndex(2)
    click(qtbot, dialog.add_attachment_button)
    dialog.attachment_table.selectRow(0)

    def no_viewer(path: Path) -> None:
        raise FileNotFoundError(2, "No such file or directory", "xdg-open")

    monkeypatch.setattr("desktop.platform_env.open_with_system_viewer", no_viewer)
    told: list[str] = []
    dialog.inform = lambda title, text: told.append(text)  # type: ignore[method-assign]
    click(qtbot, dialog.open_attachment_button)
    assert told == ["No program opens scan.heic."]


@pytest.mark.usefixtures("russian_messages")
def test_claim_fields_are_checked_as_typed(qtbot: Any, kaluga: tuple[Store, Incident, list[Person]]) -> None:
    store, incident, _people = kaluga
    dialog = ClaimDialog(store, None, incident.id)
    qtbot.addWidget(dialog)
    dialog.show()
    tick(dialog, incident.vehicles[0].id)
    dialog.requested_amount.clear()
    type_into(qtbot, dialog.requested_amount, "12,345")
    assert dialog.validation["requested_amount"].message.text() == \
        "не сумма в рублях (не более двух знаков после запятой): 12,345"
    assert not dialog.save_button.isEnabled()
    assert all(not b.isEnabled() for b in dialog.status_buttons.values())
    dialog.requested_amount.clear()
    type_into(qtbot, dialog.requested_amount, "1 923 401,09")
    assert dialog.validation["requested_amount"].is_valid()
    dialog.filed_on.setDate(QDate(2026, 9, 1))  # before the incident of 12.09.2026
    assert dialog.validation["filed_on"].message.text() == "раньше даты происшествия"
    assert not dialog.save_button.isEnabled()
    dialog.filed_on.setDate(QDate(2026, 9, 14))
    with qtbot.waitSignal(dialog.saved, timeout=2000):
        click(qtbot, dialog.save_button)
    assert store.get_claim(dialog.claim_id).requested_amount == Decimal("1923401.09")  # type: ignore[union-attr]


def test_new_claim_from_the_register_finds_its_incident_by_reference(
        qtbot: Any, kaluga: tuple[Store, Incident, list[Person]]) -> None:
    store, incident, _people = kaluga
    dialog = ClaimDialog(store, None)
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.incident_ref.isReadOnly() and dialog.items.count() == 0
    type_into(qtbot, dialog.incident_ref, "INC-2026-9")
    assert dialog.validation["incident_id"].message.text() == "no such incident in the file or the database"
    dialog.incident_ref.clear()
    type_into(qtbot, dialog.incident_ref, "inc-2026-1")
    assert dialog.validation["incident_id"].is_valid()
    assert dialog.items.count() == 3
    tick(dialog, incident.vehicles[1].id)
    with qtbot.waitSignal(dialog.saved, timeout=2000):
        click(qtbot, dialog.save_button)
    assert store.get_claim(dialog.claim_id).incident_id == incident.id  # type: ignore[union-attr]
    assert dialog.incident_ref.isReadOnly()


def test_report_buttons_import_the_preview_lazily(qtbot: Any, kaluga: tuple[Store, Incident, list[Person]],
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    import desktop.ui.dialogs.report_preview as preview

    calls: list[tuple[str, dict[str, Any]]] = []
    monkeypatch.setattr(preview, "show_report", lambda parent, path, kind, **kw: calls.append((kind, kw)))
    store, incident, _people = kaluga
    dialog = ClaimDialog(store, None, incident.id)
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.sheet_button.isEnabled()  # nothing stored to print yet
    tick(dialog, incident.vehicles[0].id)
    dialog.save()
    assert dialog.request_button.isEnabled()  # required papers are missing
    click(qtbot, dialog.sheet_button)
    click(qtbot, dialog.request_button)
    assert calls == [("claim", {"number": "CLM-2026-0001"}), ("request-documents", {"number": "CLM-2026-0001"})]

    form = IncidentDialog(store, incident.id)
    qtbot.addWidget(form)
    form.show()
    click(qtbot, form.report_button)
    assert calls[-1] == ("incident", {"reference": "INC-2026-0001"})


def test_saving_a_claim_another_clerk_deleted_does_not_bring_it_back(qtbot: Any, sample_store: Store) -> None:
    claim = sample_store.get_claim_by_number("CLM-2026-0002")
    assert claim is not None
    dialog = ClaimDialog(sample_store, claim.id)
    qtbot.addWidget(dialog)
    sample_store.delete_claim(claim.id)  # meanwhile, at another desk
    dialog.notes.setPlainText("позвонить заявителю")
    told: list[str] = []
    dialog.inform = lambda title, text: told.append(text)  # type: ignore[method-assign]
    assert dialog.save() is False
    assert told == ["Another clerk deleted this record while it was open here; it was not saved again."]
    assert sample_store.get_claim(claim.id) is None


def test_a_claim_typed_back_is_unchanged(qtbot: Any, sample_store: Store) -> None:
    """A note written and wiped again: nothing waits to be saved, and Esc closes without asking."""
    claim = sample_store.get_claim_by_number("CLM-2026-0001")
    assert claim is not None
    dialog = ClaimDialog(sample_store, claim.id)
    qtbot.addWidget(dialog)
    dialog.show()
    asked: list[str] = []
    dialog.ask_unsaved = lambda: asked.append("asked") or "cancel"  # type: ignore[method-assign, func-returns-value]
    title = dialog.windowTitle()
    assert not dialog.is_dirty()
    notes = dialog.notes.toPlainText()
    dialog.notes.moveCursor(dialog.notes.textCursor().MoveOperation.End)
    qtbot.keyClicks(dialog.notes, "xy")
    assert dialog.is_dirty() and dialog.windowTitle() != title
    qtbot.keyClick(dialog.notes, Qt.Key.Key_Backspace)
    assert dialog.is_dirty()
    qtbot.keyClick(dialog.notes, Qt.Key.Key_Backspace)
    assert dialog.notes.toPlainText() == notes
    assert not dialog.is_dirty() and dialog.windowTitle() == title
    dialog.reject()
    assert asked == [] and not dialog.isVisible()
