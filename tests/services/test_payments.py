"""Marking a payment register paid: every claim's payment in ONE transaction, or none at all."""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from desktop.domain.enums import ClaimStatus
from desktop.exchange import import_file
from desktop.services.errors import ServiceError
from desktop.services.payments import mark_register_paid, payment_reference, register_filters, register_rows
from desktop.storage import Store
from tests.v2_variants import two_approved, v2_data

PAID_ON = date(2026, 9, 28)


@pytest.fixture
def store(tmp_path: Path) -> Store:
    source = tmp_path / "data.json"
    source.write_text(json.dumps(two_approved(v2_data()), ensure_ascii=False), encoding="utf-8")
    opened = Store.open(tmp_path / "log.sqlite3")
    import_file(opened, source)
    yield opened
    opened.close()


def register(store: Store) -> dict[str, Decimal | None]:
    return {row.id: row.approved for row in register_rows(store)}


def audit_count(store: Store) -> int:
    return int(store._scalar("SELECT COUNT(*) FROM audit"))


def test_every_claim_of_the_register_is_paid_with_its_audit_entry(store: Store) -> None:
    expected = register(store)
    assert len(expected) == 2
    before = audit_count(store)
    done = mark_register_paid(store, expected, paid_on=PAID_ON, reference="4512")
    assert done.claims == 2 and done.total == Decimal("2185000.00") and done.reference == "п/п 4512"
    for claim_id, amount in expected.items():
        claim = store.get_claim(claim_id)
        assert claim is not None and claim.status is ClaimStatus.PAID
        assert claim.payment is not None
        assert (claim.payment.date, claim.payment.amount, claim.payment.reference) == (PAID_ON, amount, "п/п 4512")
        last = store.history(claim_id)[-1]
        assert last.action == "update" and last.new["status"] == "paid"
        assert last.reason == "реестр на выплату: п/п 4512 от 28.09.2026"
    assert audit_count(store) == before + 2
    assert list(register_rows(store)) == []  # nothing left to pay
    assert store.check() == []  # the audit chain whole


def test_a_failure_in_the_middle_leaves_no_payment_at_all(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    expected = register(store)
    before = audit_count(store)
    saves = []
    real_save = store.save_claim

    def failing_save(claim, **kwargs):  # type: ignore[no-untyped-def]
        saves.append(claim.id)
        if len(saves) == 2:
            raise OSError("disk pulled out")
        return real_save(claim, **kwargs)

    monkeypatch.setattr(store, "save_claim", failing_save)
    with pytest.raises(OSError):
        mark_register_paid(store, expected, paid_on=PAID_ON, reference="п/п 4512")
    assert len(saves) == 2  # the first was written inside the transaction, then rolled back with it
    monkeypatch.undo()
    for claim_id in expected:
        claim = store.get_claim(claim_id)
        assert claim is not None and claim.status is ClaimStatus.APPROVED and claim.payment is None
    assert audit_count(store) == before
    assert store.check() == []


def test_a_cancel_from_progress_rolls_back_too(store: Store) -> None:
    expected = register(store)

    def cancel(done: int, total: int) -> None:
        if done == 1:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        mark_register_paid(store, expected, paid_on=PAID_ON, reference="1", progress=cancel)
    assert all(store.get_claim(i).payment is None for i in expected)  # type: ignore[union-attr]


def test_a_claim_changed_since_the_register_was_made_stops_everything(store: Store) -> None:
    expected = register(store)
    first, second = list(expected)
    expected[second] = Decimal("1.00")  # the register printed another amount
    with pytest.raises(ServiceError) as caught:
        mark_register_paid(store, expected, paid_on=PAID_ON, reference="1")
    assert caught.value.code == "register_changed"
    assert "одобренная сумма теперь 2 100 000,00 ₽" in caught.value.text("ru").replace("\u00a0", " ")
    assert "approved amount now ₽2,100,000.00" in caught.value.text("en")
    assert "оплата не отмечена ни по одному заявлению" in caught.value.text("ru")
    assert store.get_claim(first).payment is None  # type: ignore[union-attr]

    # Paid meanwhile by another clerk: the register is stale as a whole
    expected = register(store)
    mark_register_paid(store, {first: expected[first]}, paid_on=PAID_ON, reference="1")
    with pytest.raises(ServiceError) as caught:
        mark_register_paid(store, expected, paid_on=PAID_ON, reference="2")
    assert "уже оплачено" in caught.value.text("ru") and "already paid" in caught.value.text("en")
    assert store.get_claim(second).payment is None  # type: ignore[union-attr]


def test_a_payment_before_a_decision_is_refused_for_all(store: Store) -> None:
    expected = register(store)  # decisions of 24.09 and 25.09
    with pytest.raises(ServiceError) as caught:
        mark_register_paid(store, expected, paid_on=date(2026, 9, 24), reference="1")
    assert caught.value.code == "paid_before_decision"
    assert "25.09.2026" in caught.value.text("ru")
    assert all(store.get_claim(i).payment is None for i in expected)  # type: ignore[union-attr]


def test_a_rule_of_the_store_refusing_one_claim_refuses_the_register(store: Store,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    from desktop.domain.errors import FieldError, Problem, ValidationFailed

    expected = register(store)
    real_save = store.save_claim
    calls = []

    def refusing(claim, **kwargs):  # type: ignore[no-untyped-def]
        calls.append(claim.id)
        if len(calls) == 2:  # as the store refuses a claim whose rule is broken
            raise ValidationFailed([Problem("payment.date", FieldError("payment_before_decision"))])
        return real_save(claim, **kwargs)

    monkeypatch.setattr(store, "save_claim", refusing)
    with pytest.raises(ServiceError) as caught:
        mark_register_paid(store, expected, paid_on=PAID_ON, reference="1")
    monkeypatch.undo()
    assert caught.value.code == "claim_refused"
    assert "payment.date: before the decision" in caught.value.text("en")
    assert "payment.date: раньше решения" in caught.value.text("ru")
    assert all(store.get_claim(i).payment is None for i in expected)  # type: ignore[union-attr]


def test_empty_register_and_missing_reference(store: Store) -> None:
    with pytest.raises(ServiceError) as caught:
        mark_register_paid(store, {}, paid_on=PAID_ON, reference="1")
    assert caught.value.code == "nothing_to_pay"
    with pytest.raises(ServiceError) as caught:
        mark_register_paid(store, register(store), paid_on=PAID_ON, reference="  ")
    assert caught.value.code == "no_reference"


@pytest.mark.parametrize(("typed", "stored"), [("3391", "п/п 3391"), ("№ 3391", "п/п 3391"), ("п/п 3391", "п/п 3391"),
                                               ("П/П3391", "п/п 3391"), ("  п/п   № 77 ", "п/п 77")])
def test_the_reference_is_written_as_payment_documents_write_it(typed: str, stored: str) -> None:
    assert payment_reference(typed) == stored


def test_the_register_takes_approved_claims_only() -> None:
    from desktop.domain.views import Filters

    assert register_filters(None).status is ClaimStatus.APPROVED
    assert register_filters(Filters(overdue_only=True)).overdue_only is False
    with pytest.raises(ServiceError):
        register_filters(Filters(status=ClaimStatus.PAID))
