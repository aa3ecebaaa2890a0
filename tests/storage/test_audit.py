"""The audit trail: reasons for corrections, and the hash chain `check` verifies."""

from __future__ import annotations

import sqlite3
from datetime import date
from decimal import Decimal

import pytest

from desktop.domain.enums import ClaimStatus
from desktop.domain.models import Decision
from desktop.storage import Store

pytestmark = pytest.mark.backends("sqlite")  # the SQLite backend's own files and SQL

SMIRNOVA = "a1ce76ea-a2fd-595a-9903-42167a818bb3"


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


# ---- the hash chain ----------------------------------------------------------------------------
def _raw(store: Store, sql: str, params: tuple = ()) -> None:
    """What someone with the sqlite3 shell does, behind the program's back."""
    conn = sqlite3.connect(store.path)
    conn.execute(sql, params)
    conn.commit()
    conn.close()


def _audit_only(problems: list[str]) -> list[str]:
    return [p for p in problems if p.startswith("audit:")]


def test_a_log_after_import_edits_and_deletes_checks_clean(sample_store):
    claim = sample_store.get_claim_by_number("CLM-2026-0002")
    claim.notes = "звонили"
    sample_store.save_claim(claim)
    sample_store.delete_claim(sample_store.get_claim_by_number("CLM-2026-0004").id)
    sample_store.set_setting("office_name", "Администрация")
    sample_store.set_setting("office_name", "Администрация города")
    person = sample_store.get_person(SMIRNOVA)
    person.phone = "+79001234567"
    sample_store.save_person(person)
    assert sample_store.check() == []
    entries = sample_store.db.conn.execute("SELECT prev, hash FROM audit ORDER BY id").fetchall()
    assert entries[0][0] == "" and all(b[0] == a[1] for a, b in zip(entries, entries[1:], strict=False))


def test_an_edited_audit_entry_is_named(sample_store):
    _raw(sample_store, "UPDATE audit SET new = replace(new, 'Смирнова', 'Петрова') WHERE id = 1")
    at = sample_store._scalar("SELECT at FROM audit WHERE id = 1")
    found = _audit_only(sample_store.check())
    assert f"audit: entry #1 of {at} (create person {SMIRNOVA}) does not match its hash: edited or added by hand" in found


def test_an_edited_entry_with_its_hash_recomputed_is_named(sample_store):
    import json

    from desktop.storage.audit import entry_hash

    row = sample_store._rows("SELECT * FROM audit WHERE id = 3")[0]
    forged = json.dumps({**json.loads(row["new"]), "full_name": "Иванов Иван"}, ensure_ascii=False, separators=(",", ":"))
    _raw(sample_store, "UPDATE audit SET new = ?, hash = ? WHERE id = 3", (forged, entry_hash(
        row["prev"], row["at"], row["user"], row["action"], row["record_kind"], row["record_id"], row["old"], forged, row["reason"])))
    found = _audit_only(sample_store.check())
    assert any(p.startswith("audit: entry #3 of ") and "changed and its hash recomputed" in p and "entry #4 of" in p for p in found), found
    # The person's stored name no longer matches what the (forged) entry says, either.
    assert any(p.startswith(f"audit: person {row['record_id']}: full_name differs") for p in found), found


def test_a_deleted_audit_entry_is_named(sample_store):
    _raw(sample_store, "DELETE FROM audit WHERE id = 5")
    found = _audit_only(sample_store.check())
    assert any(p.startswith("audit: entries between #4 of ") and "#6 of " in p and p.endswith("were deleted") for p in found), found


def test_deleted_last_entries_are_named(sample_store):
    last = sample_store._scalar("SELECT MAX(id) FROM audit")
    _raw(sample_store, "DELETE FROM audit WHERE id = ?", (last,))
    found = _audit_only(sample_store.check())
    assert any(f"entries after #{last - 1} of" in p and p.endswith(f"were deleted, up to #{last}") for p in found), found


def test_an_inserted_audit_entry_is_named(sample_store):
    last = sample_store._scalar("SELECT MAX(id) FROM audit")
    _raw(sample_store, "INSERT INTO audit (at, user, action, record_kind, record_id, old, new) "
                       "VALUES ('2026-09-01T10:00:00+03:00', 'boss', 'update', 'claim', 'x', NULL, '{}')")
    found = _audit_only(sample_store.check())
    assert f"audit: entry #{last + 1} of 2026-09-01T10:00:00+03:00 (update claim x) does not match its hash: edited or added by hand" in found


def test_an_entry_inserted_with_a_valid_hash_between_two_is_named(sample_store):
    from desktop.storage.audit import entry_hash

    # Someone who knows the algorithm makes room after #4 and chains a forged entry onto it.
    _raw(sample_store, "UPDATE audit SET id = id + 1000 WHERE id >= 5")
    _raw(sample_store, "UPDATE audit SET id = id - 999 WHERE id >= 1000")
    prev = sample_store._scalar("SELECT hash FROM audit WHERE id = 4")
    values = ("2026-09-01T10:00:00+03:00", "boss", "update", "setting", "office_name", None, '{"value":"x"}', None)
    _raw(sample_store, "INSERT INTO audit (id, at, user, action, record_kind, record_id, old, new, reason, prev, hash) "
                       "VALUES (5, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", (*values, prev, entry_hash(prev, *values)))
    found = _audit_only(sample_store.check())
    assert any(p.startswith("audit: entry #5 of 2026-09-01T10:00:00+03:00 (update setting office_name) was inserted by hand")
               for p in found), found


def test_a_paid_amount_changed_by_hand_is_named_with_the_claim_number_and_field(sample_store):
    _raw(sample_store, "UPDATE claims SET paid_kopecks = paid_kopecks * 10 WHERE number = 'CLM-2026-0001'")
    found = _audit_only(sample_store.check())
    assert len(found) == 1, found
    assert found[0].startswith("audit: claim CLM-2026-0001: payment.amount differs from its last audit entry #")
    assert found[0].endswith("changed by hand")


def test_records_added_or_removed_by_hand_are_named(sample_store):
    _raw(sample_store, "PRAGMA foreign_keys = OFF")
    _raw(sample_store, "DELETE FROM claims WHERE number = 'CLM-2026-0003'")
    _raw(sample_store, "INSERT INTO settings (key, value) VALUES ('region', '\"Тульская область\"')")
    found = _audit_only(sample_store.check())
    assert any(p.startswith("audit: claim ") and "was removed by hand" in p for p in found), found
    assert "audit: setting region has no audit entry: added by hand" in found


def test_an_older_log_is_chained_when_opened(tmp_path, sample_store):
    path = sample_store.path
    sample_store.close()
    conn = sqlite3.connect(path)  # as it was before the chain: no prev/hash columns
    conn.execute("ALTER TABLE audit DROP COLUMN prev")
    conn.execute("ALTER TABLE audit DROP COLUMN hash")
    conn.execute("DELETE FROM _sqlite_migrations WHERE name = 'm003_audit_chain'")
    conn.execute("PRAGMA user_version = 2")
    conn.commit()
    conn.close()
    with Store.open(path) as store:
        assert store.check() == []
        assert store._scalar("SELECT COUNT(*) FROM audit WHERE hash IS NULL") == 0
        claim = store.get_claim_by_number("CLM-2026-0002")
        claim.notes = "после обновления"
        store.save_claim(claim)
        assert store.check() == []


def test_cli_check_names_a_tampered_entry_and_exits_3(sample_store, tmp_path):
    import os
    import subprocess
    import sys
    from pathlib import Path

    path = sample_store.path
    sample_store.close()
    conn = sqlite3.connect(path)
    conn.execute("UPDATE claims SET paid_kopecks = 1 WHERE number = 'CLM-2026-0001'")
    conn.execute("UPDATE audit SET user = 'someone' WHERE id = 2")
    conn.commit()
    conn.close()
    env = {k: v for k, v in os.environ.items() if not k.startswith("INCIDENT_LOG")}
    env.update(XDG_DATA_HOME=str(tmp_path / "data"), XDG_STATE_HOME=str(tmp_path / "state"), LANG="en_US.UTF-8")
    result = subprocess.run([sys.executable, "-m", "desktop", "--db", str(path), "check"], env=env, capture_output=True,
                            text=True, cwd=Path(__file__).resolve().parents[2], timeout=120)
    assert result.returncode == 3, result.stderr
    assert "audit: entry #2 of " in result.stdout and "does not match its hash" in result.stdout
    assert "audit: claim CLM-2026-0001: payment.amount differs" in result.stdout
    assert "the audit trail shows changes made outside the program" in result.stdout
    head = sqlite3.connect(path).execute("SELECT id, at, hash FROM audit ORDER BY id DESC LIMIT 1").fetchone()
    assert f"audit chain head: #{head[0]} {head[1]} {head[2]}" in result.stdout
    assert "Traceback" not in result.stderr


def test_two_writing_processes_keep_one_unbroken_chain(tmp_path):
    import os
    import subprocess
    import sys
    import textwrap
    from pathlib import Path

    db = tmp_path / "log.sqlite3"
    Store.open(db).close()
    script = textwrap.dedent(f"""
        import sys, uuid
        from datetime import datetime, timedelta, timezone
        from pathlib import Path
        from desktop.domain.enums import IncidentKind, IncidentStatus, PersonKind
        from desktop.domain.models import Incident, Person
        from desktop.storage import Store
        tag = sys.argv[1]
        with Store.open(Path({str(db)!r})) as s:
            for n in range(30):
                s.save_incident(Incident(id=str(uuid.uuid4()), kind=IncidentKind.OTHER,
                    occurred_at=datetime(2026, 10, 1, tzinfo=timezone(timedelta(hours=3))), region="Калужская область",
                    district="г. Калуга", location=f"{{tag}} {{n}}", status=IncidentStatus.OPEN))
                s.save_person(Person(id=str(uuid.uuid4()), kind=PersonKind.PERSON, full_name=f"{{tag}} {{n}}"))
    """)
    env = {**os.environ, "XDG_DATA_HOME": str(tmp_path / "data"), "XDG_STATE_HOME": str(tmp_path / "state")}
    root = Path(__file__).resolve().parents[2]
    children = [subprocess.Popen([sys.executable, "-c", script, tag], env=env, cwd=root, stderr=subprocess.PIPE, text=True)
                for tag in ("A", "B")]
    for child in children:
        assert child.wait(timeout=120) == 0, child.stderr.read()
    with Store.open(db) as store:
        assert store.counts()["audit"] == 120
        assert store.check() == []


def test_a_log_with_edits_behind_the_programs_back_is_not_backed_up_but_its_daily_copy_is_kept(sample_store, tmp_path):
    """cli.md: "a database that fails its check is not backed up (exit 3)" (found in an acceptance
    run: `backup` wrote it, exit 0). The window's automatic backup still keeps the day's copy: the
    evidence, and the records' only copy elsewhere."""
    from desktop.storage import DatabaseUnavailable, Trouble
    from desktop.storage.sqlite.maintenance import automatic_backup

    _raw(sample_store, "UPDATE claims SET paid_kopecks = 1 WHERE number = 'CLM-2026-0001'")
    copy = tmp_path / "copy.sqlite3"
    with pytest.raises(DatabaseUnavailable) as refused:
        sample_store.backup(copy)
    assert refused.value.trouble is Trouble.DAMAGED and "payment.amount differs" in refused.value.text("en")
    assert str(sample_store.path) in refused.value.text("en")  # the log is named, not the copy
    assert not copy.exists() and not any(p.name.startswith("copy.sqlite3") for p in tmp_path.iterdir())
    kept_path = automatic_backup(sample_store)
    with Store.open(kept_path) as kept:
        assert any(p.startswith("audit: claim CLM-2026-0001: payment.amount differs") for p in kept.check())
        assert kept.check(audit_trail=False) == []


def test_the_encoder_made_once_writes_what_the_canonical_encoder_writes():
    from desktop.storage import audit

    values = [
        {"id": "x", "n": 1, "f": 55.5, "tiny": 1e-7, "big": 1e22, "neg": -0.0, "nan": float("nan"), "t": True, "z": None},
        {"text": "Смирнова «Анна» \"q\" \\ \n\t\u2028 \ud800 😀", "nested": [{"a": []}, {}, [1, [2, [3]]]]},
        {"extra": {"ключ": ["значение", 1.5, None]}, "items": ["a", "b"]},
    ]
    for value in values:
        assert audit.encode(value) == audit.CANONICAL.encode(value)


def test_chained_hashes_are_the_hashes_check_recomputes():
    from desktop.storage import audit

    entries = [("2026-09-01T10:00:00+03:00", "clerk", "create", "claim", f"id-{n}", None if n % 2 else '{"a":1}',
                '{"b":"Ж"}', None if n % 3 else "причина") for n in range(6)]
    prev = "0" * 64
    for row in audit.chain(prev, entries):
        at, user, action, kind, rid, old, new, reason, row_prev, digest = row
        assert row_prev == prev and digest == audit.entry_hash(prev, at, user, action, kind, rid, old, new, reason)
        prev = digest
