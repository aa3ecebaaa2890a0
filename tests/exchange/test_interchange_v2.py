"""Interchange version 2: read with version 1, written as 2, every v2 key round trips."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from desktop.domain.enums import PersonKind, ReceivedVia
from desktop.domain.errors import ValidationFailed
from desktop.exchange import export_document, import_file
from desktop.exchange.package import dumps
from desktop.storage import open_store
from tests.samples import sample

V2 = "sample-kaluga-2026-09-v2.json"


def _text(store) -> str:
    doc = export_document(store)
    doc["exported_at"] = "fixed"
    return dumps(doc)


def test_the_v2_sample_imports_with_every_v2_key(store) -> None:
    report = import_file(store, sample(V2))
    assert report.created["claims"] == 4
    paid = store.get_claim_by_number("CLM-2026-0001")
    assert paid.received_via is ReceivedVia.IN_PERSON
    assert str(paid.registered_on) == "2026-09-14"
    assert paid.executor == "Соколова Ирина Павловна"
    assert paid.inspection.number == "12-К" and len(paid.inspection.members) == 2
    assert str(paid.inspection.assessed_amount) == "51200.00"
    assert str(paid.decision.notice_sent_on) == "2026-09-22"
    document = json.loads(sample(V2).read_text(encoding="utf-8"))
    entrepreneurs = [p for p in document["people"] if p["kind"] == "entrepreneur"]
    assert entrepreneurs and store.get_person(entrepreneurs[0]["id"]).kind is PersonKind.ENTREPRENEUR


def test_every_v2_key_round_trips_identically(store, tmp_path: Path) -> None:
    import_file(store, sample(V2))
    first = _text(store)
    assert json.loads(first)["version"] == 2
    (tmp_path / "again.json").write_text(first.replace('"fixed"', '"2026-10-01T10:00:00+03:00"'), encoding="utf-8")
    with open_store(tmp_path / "copy.sqlite3") as copy:
        import_file(copy, tmp_path / "again.json")
        assert _text(copy) == first
    original = json.loads(sample(V2).read_text(encoding="utf-8"))
    exported = json.loads(first)
    for key in ("received_via", "registered_on", "executor", "extension", "inspection"):
        wanted = {c["id"]: c.get(key) for c in original["claims"]}
        got = {c["id"]: c.get(key) for c in exported["claims"]}
        if key == "inspection":  # money is written with two decimals
            for value in wanted.values():
                if value and "assessed_amount" in value:
                    value["assessed_amount"] = f"{float(value['assessed_amount']):.2f}"
        assert got == wanted, key
    assert {c["id"]: c["decision"].get("notice_sent_on") for c in exported["claims"] if "decision" in c} == \
           {c["id"]: c["decision"].get("notice_sent_on") for c in original["claims"] if "decision" in c}


def test_a_version_1_file_still_imports_and_exports_as_version_2(store) -> None:
    import_file(store, sample("sample-kaluga-2026-09.json"))
    assert export_document(store)["version"] == 2
    assert all(c.received_via is None and c.inspection is None for c in store.get_claims(
        [r.id for r in store.claim_rows(limit=100)]).values())


def _v2_claim(**changes):
    document = json.loads(sample(V2).read_text(encoding="utf-8"))
    claim = next(c for c in document["claims"] if c["number"] == "CLM-2026-0001")
    claim.update(changes)
    return document


def _problems(store, tmp_path: Path, document) -> list[str]:
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(ValidationFailed) as e:
        import_file(store, path)
    return [p.text() for p in e.value.problems]


@pytest.mark.parametrize(("changes", "expected"), [
    ({"received_via": "fax"}, "received_via: not one of"),
    ({"registered_on": "2026-09-13"}, "registered_on: before the claim was filed"),
    ({"extension": {"until": "2026-10-14", "reason": "запрос в ГИБДД"}},
     "extension.until: an extension must end after the original answer date"),
    ({"extension": {"until": "2026-11-14", "reason": "запрос в ГИБДД"}}, "extension.until: at most 30 days"),
    ({"extension": {"until": "2026-11-01"}}, "extension.reason: required"),
    ({"inspection": {"number": "1", "date": "2026-09-15", "members": [], "findings": "x"}}, "inspection.members: required"),
    ({"inspection": {"number": "1", "date": "2026-09-01", "members": ["a"], "findings": "x"}},
     "inspection.date: before the incident"),
    ({"inspection": {"number": "1", "date": "2026-09-15", "members": ["a"], "findings": "x", "chair": "b"}},
     "inspection.chair: unknown key"),
    ({"decision": {"number": "РП-112", "date": "2026-09-20", "approved_amount": "48500", "notice_sent_on": "2026-09-19"}},
     "decision.notice_sent_on: before the decision"),
])
def test_v2_keys_are_checked_with_their_paths(store, tmp_path: Path, changes, expected) -> None:
    texts = _problems(store, tmp_path, _v2_claim(**changes))
    assert any(t.startswith("claims[0]." + expected) for t in texts), texts


def test_an_extension_within_its_limits_moves_the_answer_date(store, tmp_path: Path) -> None:
    document = _v2_claim(status="under_review", decision=None, payment=None,
                         extension={"until": "2026-11-13", "reason": "запрос в ГИБДД", "notice_sent_on": "2026-10-01"})
    path = tmp_path / "ok.json"
    path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    import_file(store, path)
    row = next(r for r in store.claim_rows(limit=10) if r.number == "CLM-2026-0001")
    assert str(row.answer_due) == "2026-11-13"


def test_a_version_1_file_with_v2_keys_is_refused_naming_each(store, tmp_path: Path) -> None:
    """interchange.md: a version 1 file "simply lacks the keys marked v2". One that has them is
    mislabelled: each v2 key is named with the way out, and nothing is written. A null is absent."""
    document = json.loads(sample(V2).read_text(encoding="utf-8"))
    document["version"] = 1
    file = tmp_path / "mislabelled.json"
    file.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(ValidationFailed) as e:
        import_file(store, file)
    paths = [p.path for p in e.value.problems]
    assert "claims[0].registered_on" in paths and "claims[0].decision.notice_sent_on" in paths
    assert {p.error.code for p in e.value.problems} == {"v2_key_in_v1"}
    assert set(paths) == {f"claims[{n}].{key}" for n, claim in enumerate(document["claims"])
                          for key in ("received_via", "registered_on", "executor", "extension", "inspection")
                          if key in claim} | {f"claims[{n}].decision.notice_sent_on"
                                              for n, claim in enumerate(document["claims"])
                                              if "notice_sent_on" in claim.get("decision", {})}
    assert e.value.problems[0].text("ru").endswith('ключ версии 2 в файле версии 1: если файл версии 2, укажите "version": 2')
    assert store.count_claims() == 0
    for claim in document["claims"]:  # null or a blank string is the same as absent (a v1 writer may write every key)
        for key in ("received_via", "registered_on", "executor", "extension", "inspection"):
            claim[key] = None
        claim["executor"] = " \u200b "  # read as absent, so no v2 key either
        if "decision" in claim:
            claim["decision"]["notice_sent_on"] = ""
    file.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    assert import_file(store, file).created["claims"] == 4
