"""The audit trail: reasons for corrections, and the hash chain `check` verifies."""

from __future__ import annotations

import sqlite3
from datetime import date
from decimal import Decimal

from desktop.domain.enums import ClaimStatus
from desktop.domain.models import Decision
from desktop.storage import Store


def test_a_claim_saved_with_a_reason_keeps_it_in_its_audit_entry(sample_store):
    claim = sample_store.get_claim_by_number("CLM-2026-0002")  # under review
    claim.status = ClaimStatus.APPROVED
    claim.decision = Decision(number="РП-200", date=date(2026, 9, 30), approved_amount=Decimal("100000"))
    sample_store.save_claim(claim, reason="одобрено без справки ГИБДД по распоряжению главы")
    claim.notes = "позвонить"
    sample_store.save_with_people(claim, existing=True, reason="уточнение")
    history = sample_store.history(claim.id)
    assert [h.reason for h in history] == [None, "одобрено без справки ГИБДД по распоряжению главы", "уточнение"]


def test_an_older_log_gains_the_reason_column_when_opened(tmp_path, sample_store):
    path = sample_store.path
    sample_store.close()
    conn = sqlite3.connect(path)  # make it look like a log written before the column existed
    conn.execute("ALTER TABLE audit DROP COLUMN reason")
    conn.execute("DELETE FROM _sqlite_migrations WHERE name = 'm002_audit_reason'")
    conn.execute("PRAGMA user_version = 1")
    conn.commit()
    conn.close()
    with Store.open(path) as store:
        assert "reason" in {r[1] for r in store.db.conn.execute("PRAGMA table_info(audit)")}
        claim = store.get_claim_by_number("CLM-2026-0001")
        claim.notes = "после обновления"
        store.save_claim(claim, reason="проверка")
        assert store.history(claim.id)[-1].reason == "проверка"
        assert store.check() == []
