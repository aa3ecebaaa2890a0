"""The decision notice recorded as sent: `decision.notice_sent_on`, saved as the claim form saves."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from desktop.domain.errors import ValidationFailed
from desktop.exchange import import_file
from desktop.services.errors import ServiceError
from desktop.services.notices import notice_pending, record_notice_sent, with_notice_sent
from desktop.storage import Conflict, Store
from tests.v2_variants import v2_data


@pytest.fixture
def store(tmp_path: Path) -> Store:
    source = tmp_path / "data.json"
    source.write_text(json.dumps(v2_data(), ensure_ascii=False), encoding="utf-8")
    opened = Store.open(tmp_path / "log.sqlite3")
    import_file(opened, source)
    yield opened
    opened.close()


def test_the_day_is_recorded_with_an_audit_entry(store: Store) -> None:
    claim = store.get_claim_by_number("CLM-2026-0004")  # approved, no notice yet
    assert claim is not None and notice_pending(claim)
    saved = record_notice_sent(store, claim, date(2026, 9, 26))
    again = store.get_claim(claim.id)
    assert again is not None and again.decision is not None
    assert again.decision.notice_sent_on == date(2026, 9, 26) and not notice_pending(again)
    assert saved.version == again.version
    assert store.history(claim.id)[-1].new["decision"]["notice_sent_on"] == "2026-09-26"


def test_an_undecided_claim_has_no_notice(store: Store) -> None:
    claim = store.get_claim_by_number("CLM-2026-0002")
    assert claim is not None and not notice_pending(claim)
    with pytest.raises(ServiceError) as caught:
        with_notice_sent(claim, date(2026, 9, 26))
    assert "на рассмотрении" in caught.value.text("ru") and "under review" in caught.value.text("en")


def test_a_day_before_the_decision_is_refused_by_the_claim_rules(store: Store) -> None:
    claim = store.get_claim_by_number("CLM-2026-0004")  # decided on 24.09.2026
    with pytest.raises(ValidationFailed) as caught:
        record_notice_sent(store, claim, date(2026, 9, 23))  # type: ignore[arg-type]
    assert caught.value.problems[0].path == "decision.notice_sent_on"


def test_a_save_by_someone_else_meanwhile_is_a_conflict_never_overwritten(store: Store) -> None:
    seen = store.get_claim_by_number("CLM-2026-0004")
    assert seen is not None
    other = store.get_claim(seen.id)
    store.save_claim(replace(other, notes="другой сотрудник"))  # type: ignore[type-var]
    with pytest.raises(Conflict) as caught:
        record_notice_sent(store, seen, date(2026, 9, 26))
    assert caught.value.kind == "claim"
    stored = store.get_claim(seen.id)
    assert stored.notes == "другой сотрудник" and stored.decision.notice_sent_on is None  # type: ignore[union-attr]
    # Kept over theirs, as the form's «Keep mine» does: at the stored version, with the reason audited
    mine = replace(seen, version=caught.value.current)
    record_notice_sent(store, mine, date(2026, 9, 26), reason="сохранено поверх изменения")
    assert store.history(seen.id)[-1].reason == "сохранено поверх изменения"
