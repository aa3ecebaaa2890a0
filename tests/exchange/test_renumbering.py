"""Renumbering on import (interchange.md, Import rules 2): a reference or claim number another
record of the log has is an error, unless the clerk asks for renumbering; then each is replaced by
the next free one of ours (the store's counters), reported, audited, and a second import of the
same file changes nothing."""

from __future__ import annotations

import pytest

from desktop.domain import crossrules
from desktop.domain.errors import ValidationFailed
from desktop.exchange import export_document, import_document, plan_import
from desktop.storage import Store
from tests.foreign import foreign_office


def refusal(store: Store, doc: dict) -> list:
    with pytest.raises(ValidationFailed) as e:
        plan_import(store, doc)
    return e.value.problems


def references(store: Store) -> list[str]:
    return sorted(i["reference"] for i in export_document(store)["incidents"])


def numbers(store: Store) -> list[str]:
    return sorted(c["number"] for c in export_document(store)["claims"])


def test_taken_references_and_numbers_refuse_the_import_without_renumbering(sample_store):
    problems = refusal(sample_store, foreign_office())
    assert sorted(p.text() for p in problems) == sorted([
        "incidents[0].reference: already used by another record: INC-2026-0001",
        "incidents[1].reference: already used by another record: INC-2026-0002",
        "claims[0].number: already used by another record: CLM-2026-0001",
        "claims[1].number: already used by another record: CLM-2026-0002",
        "claims[2].number: already used by another record: CLM-2026-0003",
        "claims[3].number: already used by another record: CLM-2026-0004",
    ])
    assert crossrules.renumbering_would_help(problems)  # the window offers renumbering for this
    assert references(sample_store) == ["INC-2026-0001", "INC-2026-0002"]


def test_the_plan_replaces_clashes_of_both_kinds_and_the_import_numbers_them_from_the_counters(sample_store):
    doc = foreign_office()
    doc["incidents"][0]["reference"] = "КАЛ-12"  # the other office's own numbering, free here: kept
    changes, report = plan_import(sample_store, doc, renumber=True)
    assert [(r.path, r.given) for r in report.renumbered] == [
        ("incidents[1]", "INC-2026-0002"),
        ("claims[0]", "CLM-2026-0001"), ("claims[1]", "CLM-2026-0002"),
        ("claims[2]", "CLM-2026-0003"), ("claims[3]", "CLM-2026-0004"),
    ]
    assert all(r.new is None for r in report.renumbered)  # new records: numbered when written
    assert report.created == {"people": 4, "incidents": 2, "claims": 4}

    report = import_document(sample_store, doc, renumber=True)
    assert [r.new for r in report.renumbered] == [
        "INC-2026-0003", "CLM-2026-0005", "CLM-2026-0006", "CLM-2026-0007", "CLM-2026-0008"]
    assert [r.line() for r in report.renumbered] == [
        "Incident 2: INC-2026-0002 → INC-2026-0003", "Claim 1: CLM-2026-0001 → CLM-2026-0005",
        "Claim 2: CLM-2026-0002 → CLM-2026-0006", "Claim 3: CLM-2026-0003 → CLM-2026-0007",
        "Claim 4: CLM-2026-0004 → CLM-2026-0008"]
    assert [r.line("ru") for r in report.renumbered][:2] == [
        "Происшествие №2: П-2026-0002 → П-2026-0003", "Заявление №1: З-2026-0001 → З-2026-0005"]
    assert references(sample_store) == ["INC-2026-0001", "INC-2026-0002", "INC-2026-0003", "КАЛ-12"]
    assert numbers(sample_store) == [f"CLM-2026-000{n}" for n in range(1, 9)]
    assert sample_store.counters() == {("INC", 2026): 3, ("CLM", 2026): 8}


def test_claims_keep_pointing_at_a_renumbered_incident_by_id(sample_store):
    doc = foreign_office()
    import_document(sample_store, doc, renumber=True)
    theirs = doc["incidents"][0]["id"]
    incident = sample_store.get_incident(theirs)
    assert incident is not None and incident.reference == "INC-2026-0003"
    claims = sample_store.claims_for_incident(theirs)
    assert sorted(c.id for c in claims) == sorted(c["id"] for c in doc["claims"] if c["incident_id"] == theirs)
    # The claims register shows the incident's new number beside them.
    rows = {r.id: r for r in sample_store.claim_rows(limit=100)}
    assert {rows[c.id].incident_reference for c in claims} == {"INC-2026-0003"}


def test_another_offices_own_reference_taken_here_gets_one_of_ours(sample_store):
    first = foreign_office("Калуга")
    first["incidents"][0]["reference"] = "КАЛ-12"
    import_document(sample_store, first, renumber=True)
    second = foreign_office("Обнинск")
    second["incidents"][0]["reference"] = "КАЛ-12"
    report = import_document(sample_store, second, renumber=True)
    lines = report.lines()
    assert "renumbered (the file's number → ours): 6" in lines
    assert "Incident 1: КАЛ-12 → INC-2026-0004" in lines
    assert "Происшествие №1: КАЛ-12 → П-2026-0004" in report.lines("ru")
    assert sample_store.get_incident(second["incidents"][0]["id"]).reference == "INC-2026-0004"
    assert sample_store.get_incident_by_reference("КАЛ-12").id == first["incidents"][0]["id"]


def test_a_renumbered_number_is_never_one_the_same_file_gives(sample_store):
    """The file's own free numbers of our form move the counter first; a replacement comes after them."""
    doc = foreign_office()
    doc["incidents"][0]["reference"] = "INC-2026-0010"  # free here, kept
    doc["claims"][0]["number"] = "CLM-2026-0020"  # free here, kept
    report = import_document(sample_store, doc, renumber=True)
    assert [(r.given, r.new) for r in report.renumbered] == [
        ("INC-2026-0002", "INC-2026-0011"), ("CLM-2026-0002", "CLM-2026-0021"),
        ("CLM-2026-0003", "CLM-2026-0022"), ("CLM-2026-0004", "CLM-2026-0023")]
    assert sample_store.get_incident(doc["incidents"][0]["id"]).reference == "INC-2026-0010"


def test_importing_the_same_file_twice_with_renumbering_changes_nothing(sample_store):
    doc = foreign_office()
    import_document(sample_store, foreign_office(), renumber=True)
    before = export_document(sample_store)
    audit, counters = sample_store.counts()["audit"], sample_store.counters()
    report = import_document(sample_store, doc, renumber=True)
    assert sum(report.created.values()) == sum(report.updated.values()) == 0
    assert report.unchanged == {"people": 4, "incidents": 2, "claims": 4}
    # The file's numbers are still taken by our first records; the file's records keep the ones they
    # got, listed as kept, not as renumbered: nothing is replaced by this import.
    assert report.renumbered == []
    assert [(r.given, r.new) for r in report.earlier][:2] == [
        ("INC-2026-0001", "INC-2026-0003"), ("INC-2026-0002", "INC-2026-0004")]
    assert report.lines("ru")[3] == "уже в журнале, номер сохранён (номер в файле → наш): 6"
    after = export_document(sample_store)
    assert [after[k] for k in ("people", "incidents", "claims")] == [before[k] for k in ("people", "incidents", "claims")]
    assert sample_store.counts()["audit"] == audit and sample_store.counters() == counters


def test_a_stored_record_keeps_its_own_number_when_the_files_version_changes(sample_store):
    doc = foreign_office()
    import_document(sample_store, doc, renumber=True)
    changed = foreign_office()
    changed["incidents"][0]["description"] = "Уточнено другим учреждением"
    report = import_document(sample_store, changed, renumber=True)
    assert report.updated["incidents"] == 1 and report.created == {}
    incident = sample_store.get_incident(doc["incidents"][0]["id"])
    assert incident.reference == "INC-2026-0003" and incident.description == "Уточнено другим учреждением"
    assert sample_store.counters() == {("INC", 2026): 4, ("CLM", 2026): 8}


def test_each_renumbered_record_is_audited_with_the_files_number(sample_store):
    doc = foreign_office()
    import_document(sample_store, doc, renumber=True, lang="ru")
    entries = sample_store.history(doc["incidents"][1]["id"])
    assert [(e.action, e.new["reference"], e.reason) for e in entries] == [
        ("create", "INC-2026-0004", "перенумеровано при импорте: номер П-2026-0002 в журнале уже занят")]
    claim = sample_store.history(doc["claims"][0]["id"])[0]
    assert claim.reason == "перенумеровано при импорте: номер З-2026-0001 в журнале уже занят"
    person = sample_store.history(doc["people"][0]["id"])[0]
    assert person.reason is None  # nothing renumbered there


def test_renumbering_does_not_excuse_other_problems(sample_store):
    doc = foreign_office()
    doc["claims"][1]["number"] = doc["claims"][0]["number"]  # twice in the file: still an error
    before = export_document(sample_store)
    with pytest.raises(ValidationFailed) as e:
        import_document(sample_store, doc, renumber=True)
    texts = [p.text() for p in e.value.problems]
    assert "claims[1].number: used twice: CLM-2026-0001" in texts
    assert not any("already used by another record" in t for t in texts)
    assert not crossrules.renumbering_would_help(e.value.problems)
    assert export_document(sample_store)["incidents"] == before["incidents"]


def test_renumbering_would_help_only_when_every_problem_is_a_taken_number(sample_store):
    assert not crossrules.renumbering_would_help([])
    taken = refusal(sample_store, foreign_office())
    doc = foreign_office()
    doc["people"][0]["inn"] = "1234567890"
    mixed = refusal(sample_store, doc)
    assert len(mixed) == len(taken) + 1
    assert not crossrules.renumbering_would_help(mixed)


def test_renumbering_on_a_server_log_gives_the_numbers_a_file_log_gives(pg_server, tmp_path):
    from desktop.exchange import import_file
    from desktop.exchange.package import dumps
    from desktop.storage import open_store
    from desktop.storage.postgres import connection
    from tests.samples import sample

    url = pg_server.new_database()
    try:
        with open_store(tmp_path / "log.sqlite3") as local, open_store(url) as shared:
            for store in (local, shared):
                import_file(store, sample())
                first = import_document(store, foreign_office(), renumber=True)
                again = import_document(store, foreign_office(), renumber=True)
                assert [r.new for r in first.renumbered] == [r.new for r in again.earlier] and not again.renumbered
                assert sum(again.created.values()) == sum(again.updated.values()) == 0
            texts = []
            for store in (local, shared):
                doc = export_document(store)
                doc["exported_at"] = "fixed"
                texts.append(dumps(doc))
            assert texts[0] == texts[1]
            assert shared.counters() == local.counters() == {("INC", 2026): 4, ("CLM", 2026): 8}
    finally:
        connection.release(url)
