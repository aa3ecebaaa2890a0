from __future__ import annotations

import sqlite3
from datetime import date, datetime, timedelta, timezone
from decimal import Decimal

import pytest

from desktop.domain.enums import ClaimStatus, IncidentKind, IncidentStatus, PersonKind, Severity
from desktop.domain.errors import ValidationFailed
from desktop.domain.models import Claim, Decision, Incident, Person, Vehicle
from desktop.domain.views import Filters
from desktop.storage import Change, ChangeSet, DatabaseUnavailable, RecordInUse, Store, Trouble
from desktop.storage.sqlite.schema import SCHEMA_VERSION

MSK = timezone(timedelta(hours=3))
KALUGA_INCIDENT = "a0d7a90c-2794-5778-a010-98cae88dc377"
SMIRNOVA = "a1ce76ea-a2fd-595a-9903-42167a818bb3"


@pytest.mark.backends("sqlite")  # SQLite's files or SQL
def test_new_database_has_schema_version_and_foreign_keys(store):
    assert store.db.conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert store.db.conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert store.check() == []


@pytest.mark.backends("sqlite")  # SQLite's files or SQL
def test_newer_schema_is_refused(tmp_path):
    path = tmp_path / "new.sqlite3"
    Store.open(path).close()
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.close()
    with pytest.raises(DatabaseUnavailable) as e:
        Store.open(path)
    assert e.value.trouble == Trouble.TOO_NEW
    assert "newer version" in e.value.text()


@pytest.mark.backends("sqlite")  # SQLite's files or SQL
def test_unknown_migration_is_refused(tmp_path):
    path = tmp_path / "new.sqlite3"
    Store.open(path).close()
    conn = sqlite3.connect(path)
    conn.execute("INSERT INTO _sqlite_migrations (migration_set, name, applied_at) VALUES ('incident_log', 'm999_future', 'x')")
    conn.commit()
    conn.close()
    with pytest.raises(DatabaseUnavailable) as e:
        Store.open(path)
    assert e.value.trouble == Trouble.TOO_NEW


@pytest.mark.backends("sqlite")  # SQLite's files or SQL
def test_damaged_and_foreign_files_are_refused(tmp_path):
    junk = tmp_path / "junk.sqlite3"
    junk.write_bytes(b"this is not a database at all" * 100)
    with pytest.raises(DatabaseUnavailable) as e:
        Store.open(junk)
    assert e.value.trouble == Trouble.DAMAGED
    other = tmp_path / "other.sqlite3"
    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE t (x)")
    conn.close()
    with pytest.raises(DatabaseUnavailable) as e:
        Store.open(other)
    assert e.value.trouble == Trouble.DAMAGED


@pytest.mark.backends("sqlite")  # SQLite's files or SQL
def test_missing_folder(tmp_path):
    with pytest.raises(DatabaseUnavailable) as e:
        Store.open(tmp_path / "no" / "such" / "log.sqlite3")
    assert e.value.trouble == Trouble.MISSING_FOLDER


@pytest.mark.backends("sqlite")  # SQLite's files or SQL
def test_sample_is_stored_normalised(sample_store):
    incident = sample_store.get_incident(KALUGA_INCIDENT)
    assert [v.plate for v in incident.vehicles] == ["А123ВС40", "М456ОР40", "Т789УХ140"]
    assert sample_store.get_person(SMIRNOVA).phone == "+79105123308"
    assert sample_store.get_incident_by_reference("INC-2026-0001").id == KALUGA_INCIDENT
    raw = sample_store.db.conn.execute("SELECT estimated_kopecks FROM vehicles WHERE plate = 'Т789УХ140'").fetchone()[0]
    assert raw == 980050  # money as integer kopecks
    claim = sample_store.get_claim_by_number("CLM-2026-0001")
    assert claim.payment.amount == Decimal("48500.00")


def new_incident(**kw) -> Incident:
    base = dict(id=kw.pop("id", "11111111-1111-1111-1111-111111111111"), kind=IncidentKind.UAV_STRIKE,
                occurred_at=datetime(2026, 10, 1, 12, 0, tzinfo=MSK), region="Калужская область",
                district="Боровский район", location="ул. Ленина", status=IncidentStatus.OPEN)
    base.update(kw)
    return Incident(**base)


def test_references_are_assigned_in_sequence_and_never_reused(sample_store):
    a = sample_store.save_incident(new_incident())
    assert a.reference == "INC-2026-0003"
    sample_store.delete_incident(a.id)
    b = sample_store.save_incident(new_incident(id="22222222-2222-2222-2222-222222222222"))
    assert b.reference == "INC-2026-0004"  # 0003 was used once and is never given again
    c = sample_store.save_incident(new_incident(id="33333333-3333-3333-3333-333333333333", occurred_at=datetime(2025, 5, 1, tzinfo=MSK)))
    assert c.reference == "INC-2025-0001"


def test_audit_records_create_update_delete_with_old_and_new(store):
    person = Person(id="44444444-4444-4444-4444-444444444444", kind=PersonKind.PERSON, full_name="Иванов Иван")
    store.save_person(person)
    person.phone = "+79001234567"
    store.save_person(person)
    store.delete_person(person.id)
    history = store.history(person.id)
    assert [h.action for h in history] == ["create", "update", "delete"]
    assert history[1].old.get("phone") is None and history[1].new["phone"] == "+79001234567"
    assert history[2].new is None and history[2].old["full_name"] == "Иванов Иван"
    assert all(h.user for h in history)


def test_unchanged_save_writes_no_audit(store):
    person = Person(id="44444444-4444-4444-4444-444444444444", kind=PersonKind.PERSON, full_name="Иванов Иван")
    store.save_person(person)
    store.save_person(Person(id=person.id, kind=PersonKind.PERSON, full_name="Иванов Иван"))
    assert len(store.history(person.id)) == 1


@pytest.mark.backends("sqlite")  # SQLite's files or SQL
def test_failed_write_leaves_nothing_behind(store):
    incident = new_incident(vehicles=[Vehicle(id="v1", make="Lada", damage="x", severity=Severity.MINOR, plate="А123ВС40",
                                              owner_id="99999999-9999-9999-9999-999999999999")])
    with pytest.raises(ValidationFailed) as e:
        store.save_incident(incident)
    assert [p.path for p in e.value.problems] == ["vehicles[0].owner_id"]
    with pytest.raises(sqlite3.IntegrityError):
        store.apply(ChangeSet(incidents=[Change(incident)]))  # below validation, the foreign key still stops it
    assert store.counts()["incidents"] == 0 and store.counts()["audit"] == 0
    assert store.count_incidents(Filters(text="ленина")) == 0


def test_person_in_use_cannot_be_deleted(sample_store):
    with pytest.raises(RecordInUse):
        sample_store.delete_person(SMIRNOVA)
    with pytest.raises(RecordInUse):
        sample_store.delete_incident(KALUGA_INCIDENT)


def test_claim_transition_enforced_on_save(sample_store):
    claim = sample_store.get_claim_by_number("CLM-2026-0002")  # under review
    claim.status = ClaimStatus.PAID
    with pytest.raises(ValidationFailed) as e:
        sample_store.save_claim(claim)
    assert any(p.path == "status" for p in e.value.problems)
    claim.status = ClaimStatus.APPROVED
    claim.decision = Decision(number="РП-200", date=date(2026, 9, 30), approved_amount=Decimal("100000"))
    sample_store.save_claim(claim)
    assert sample_store.get_claim(claim.id).status == ClaimStatus.APPROVED


def test_removing_a_claimed_item_is_refused(sample_store):
    incident = sample_store.get_incident(KALUGA_INCIDENT)
    incident.vehicles = incident.vehicles[1:]
    with pytest.raises(ValidationFailed) as e:
        sample_store.save_incident(incident)
    assert "CLM-2026-0001" in e.value.problems[0].text()
    assert "«Lada Vesta, А123ВС40»" in e.value.problems[0].text("ru")  # the car the form no longer shows


def test_an_incident_cannot_move_past_the_day_its_claims_were_filed(sample_store):
    """Moved to 15 September, the incident would come after CLM-2026-0001, filed on the 14th."""
    from datetime import datetime, timedelta, timezone

    incident = sample_store.get_incident(KALUGA_INCIDENT)
    msk = timezone(timedelta(hours=3))
    incident.occurred_at, incident.reported_at = datetime(2026, 9, 15, 10, 0, tzinfo=msk), None
    with pytest.raises(ValidationFailed) as e:
        sample_store.save_incident(incident)
    assert [(p.path, p.error.code, p.error.params.get("got")) for p in e.value.problems] == [
        ("occurred_at", "claims_before_incident", "CLM-2026-0001")]
    assert sample_store.get_incident(KALUGA_INCIDENT).occurred_at.day == 12  # nothing written
    incident.occurred_at = datetime(2026, 9, 14, 23, 0, tzinfo=msk)  # the day of the first claim: allowed
    assert sample_store.save_incident(incident).version == 2


def test_an_incident_cannot_move_past_the_day_its_claims_were_inspected(sample_store):
    """Filed after the new day but inspected before it: the inspection's date counts too."""
    from datetime import datetime, timedelta, timezone

    from desktop.domain.models import Inspection

    claim = sample_store.get_claim_by_number("CLM-2026-0003")  # filed on 16 September
    claim.inspection = Inspection(number="А-7", date=date(2026, 9, 13), members=["Иванов И. И., специалист"],
                                  findings="повреждён кузов")
    sample_store.save_claim(claim, enforce_transition=False)
    incident = sample_store.get_incident(KALUGA_INCIDENT)
    incident.occurred_at = datetime(2026, 9, 14, 1, 0, tzinfo=timezone(timedelta(hours=3)))
    incident.reported_at = None
    with pytest.raises(ValidationFailed) as e:
        sample_store.save_incident(incident)
    assert [(p.path, p.error.params.get("got")) for p in e.value.problems] == [("occurred_at", "CLM-2026-0003")]


@pytest.mark.parametrize(("query", "expected"), [
    ("смирнова", 1), ("СМИРНОВА", 1), ("Смирн", 1), ("a123bc", 1), ("А123ВС40", 1), ("xtagfl", 1),
    ("посёлка", 1), ("поселка", 1), ("водоканал", 1), ("CLM-2026-0004", 1), ("калуга пруд", 1), ("несуществующее", 0),
    ("з-2026-4", 1), ("CLM-2026-4", 1), ("З-2026-0004", 1),  # the counter's zeros optional (decisions.md)
])
def test_full_text_search_for_incidents(sample_store, query, expected):
    assert sample_store.count_incidents(Filters(text=query)) == expected


def test_search_follows_a_renamed_owner(sample_store):
    person = sample_store.get_person(SMIRNOVA)
    person.full_name = "Смирнова-Ёлкина Анна Викторовна"
    sample_store.save_person(person)
    assert sample_store.count_incidents(Filters(text="елкина")) == 1
    assert sample_store.count_claims(Filters(text="ёлкина")) == 1


def test_claim_register_filters_and_overdue(sample_store):
    assert sample_store.count_claims() == 4
    assert sample_store.count_claims(Filters(status=ClaimStatus.PAID)) == 1
    assert sample_store.count_claims(Filters(districts=("Гатчинский район",))) == 1
    assert sample_store.count_claims(Filters(date_from=date(2026, 9, 15), date_to=date(2026, 9, 16))) == 2
    # 30 days after filing without a decision: only CLM-2026-0002 (under review since 15.09) is open
    assert sample_store.count_claims(Filters(overdue_only=True), today=date(2026, 10, 15)) == 0
    overdue = sample_store.claim_rows(Filters(overdue_only=True), today=date(2026, 10, 16))
    assert [r.number for r in overdue] == ["CLM-2026-0002"]
    assert overdue[0].days_left(date(2026, 10, 16)) == -1
    rows = sample_store.claim_rows(sort="requested", descending=True)
    assert rows[0].number == "CLM-2026-0004" and rows[0].requested == Decimal("2350000.00")


def test_incident_register_paging_and_sorting(sample_store):
    rows = sample_store.incident_rows(sort="occurred_at", descending=False, offset=0, limit=1)
    assert [r.reference for r in rows] == ["INC-2026-0001"]
    assert rows[0].vehicles == 3 and rows[0].claims == 3
    assert [r.reference for r in sample_store.incident_rows(offset=1, limit=10, sort="occurred_at", descending=False)] == ["INC-2026-0002"]


def test_summary_rows_add_up(sample_store):
    rows = sample_store.summary_rows()
    assert sum(r.claims for r in rows) == 4
    assert sum(r.requested for r in rows) == Decimal("2520300.50")
    assert sum(r.paid for r in rows) == Decimal("48500.00")


def test_settings_live_in_the_database(store):
    store.set_setting("office_name", "Администрация")
    store.set_setting("districts", ["г. Калуга", "Боровский район"])
    assert store.settings().office_name == "Администрация"
    assert store.settings().districts == ["г. Калуга", "Боровский район"]
    assert store.history("office_name")[0].new == {"value": "Администрация"}


@pytest.mark.backends("sqlite")  # SQLite's files or SQL
def test_backup_is_a_consistent_copy(sample_store, tmp_path):
    dest = sample_store.backup(tmp_path / "copy.sqlite3")
    with Store.open(dest) as copy:
        assert copy.counts() == sample_store.counts()


def test_similar_people(sample_store):
    twin = Person(id="55555555-5555-5555-5555-555555555555", kind=PersonKind.PERSON, full_name="А. В. Смирнова", phone="+79105123308")
    assert [p.id for p in sample_store.similar_people(twin)] == [SMIRNOVA]
    assert sample_store.similar_people(Person(id="x", kind=PersonKind.PERSON, full_name="Никто")) == []


def test_claim_for_unknown_incident_is_refused(store):
    claim = Claim(id="c", incident_id="nope", claimant_id="nobody", items=["x"], kind="other", filed_on=date(2026, 9, 1),
                  status=ClaimStatus.RECEIVED)
    with pytest.raises(ValidationFailed) as e:
        store.save_claim(claim)
    assert {p.path for p in e.value.problems} >= {"incident_id", "claimant_id"}


@pytest.mark.backends("sqlite")  # SQLite's files or SQL
def test_opening_and_reading_need_no_write_lock(sample_store):
    other = sqlite3.connect(sample_store.path)
    other.execute("BEGIN IMMEDIATE")  # another clerk's long save holds the write lock
    try:
        with Store.open(sample_store.path) as reader:
            assert reader.count_claims() == 4
            assert reader.settings().region == "Калужская область"
    finally:
        other.rollback()
        other.close()


def test_a_claim_number_finds_that_claim_only(sample_store):
    assert [r.number for r in sample_store.claim_rows(Filters(text="CLM-2026-0001"))] == ["CLM-2026-0001"]
    assert sample_store.count_claims(Filters(text="CLM-2026")) == 4  # a partial number still finds its prefix
    assert sample_store.count_incidents(Filters(text="inc-2026-0002")) == 1


def test_the_incidents_register_finds_an_incident_through_its_claims(sample_store):
    """An incident's own document lists no claim numbers (a new claim writes only its own
    document); the register reaches the incident through its claims' documents instead."""
    def references(text: str) -> list[str]:
        return [r.reference for r in sample_store.incident_rows(Filters(text=text))]

    claim = sample_store.get_claim_by_number("CLM-2026-0004")
    claim.notes = "звонила дочь заявителя"
    sample_store.save_claim(claim, enforce_transition=False)
    assert references("CLM-2026-0004") == ["INC-2026-0002"]
    assert references("РП-112") == ["INC-2026-0001"]  # a decision's number
    assert references("дочь заявителя") == ["INC-2026-0002"]  # a claim's notes
    assert references("clm-2026-0004 гатчинский") == ["INC-2026-0002"]  # with its incident's district
    assert sorted(references("CLM-2026")) == ["INC-2026-0001", "INC-2026-0002"]
    assert sample_store.count_incidents(Filters(text="CLM-2026-0009")) == 0


def test_an_incidents_search_cut_among_its_claims_says_so(sample_store, monkeypatch):
    from desktop.storage.sqlite import queries

    monkeypatch.setattr(queries, "SEARCH_LIMIT", 2)
    # three claims of INC-2026-0001 hold "Калуга": two incidents' worth of claims would be cut
    assert sample_store.search_is_cut("incident", "калуга") is True
    assert sample_store.search_is_cut("incident", "водоканал") is False  # two documents, both kept
    # the vehicles register searches the incidents' own documents only: one holds "Калуга"
    assert sample_store.search_is_cut("vehicle", "калуга") is False


def test_references_found_whatever_the_case(sample_store):
    assert sample_store.get_incident_by_reference("inc-2026-0001").reference == "INC-2026-0001"
    assert sample_store.get_claim_by_number(" clm-2026-0004 ").number == "CLM-2026-0004"


@pytest.mark.backends("sqlite")  # SQLite's files or SQL
def test_backup_never_overwrites_its_own_database(sample_store, tmp_path):
    with pytest.raises(ValueError):
        sample_store.backup(sample_store.path)
    target = tmp_path / "old.txt"
    target.write_text("not a database")
    sample_store.backup(target)  # an existing file is replaced whole, through a temporary beside it
    with Store.open(target) as copy:
        assert copy.count_claims() == 4
    assert not (tmp_path / "old.txt.part").exists()


@pytest.mark.backends("sqlite")  # SQLite's files or SQL
def test_a_very_common_search_is_cut_to_the_latest_matches(sample_store, monkeypatch):
    from desktop.storage.sqlite import queries

    monkeypatch.setattr(queries, "SEARCH_LIMIT", 1)
    # both incidents mention "2026" in their references: only the latest recorded one is kept
    assert sample_store.count_incidents(Filters(text="inc")) == 1
    assert sample_store.search_is_cut("incident", "inc") is True
    assert sample_store.search_is_cut("incident", "пожар") is False  # one document: the incident's own
    # the owner's name is in the incident's document and her claim's: two documents, one kept
    assert sample_store.search_is_cut("incident", "водоканал") is True
    assert sample_store.search_is_cut("claim", "") is False
    # reports print every match
    assert len(list(sample_store.iter_claim_rows(Filters(text="clm")))) == 4


@pytest.mark.backends("sqlite")  # SQLite's files or SQL
def test_a_record_without_extra_stores_null_and_one_with_extra_keeps_it(sample_store):
    conn = sample_store.db.conn
    for table in ("people", "incidents", "vehicles", "properties", "claims", "claim_documents", "claim_attachments"):
        assert conn.execute(f"SELECT COUNT(*) FROM {table} WHERE extra = 'null'").fetchone()[0] == 0, table
    person = sample_store.get_person(conn.execute("SELECT id FROM people LIMIT 1").fetchone()[0])
    person.extra = {"офис": "Обнинск", "a": [1, 2]}
    sample_store.save_person(person)
    assert conn.execute("SELECT extra FROM people WHERE id = ?", [person.id]).fetchone()[0] == '{"офис": "Обнинск", "a": [1, 2]}'
    assert sample_store.get_person(person.id).extra == {"офис": "Обнинск", "a": [1, 2]}


def test_a_name_typed_whole_is_the_first_person_found_even_with_a_digit_in_it(store):
    """A clerk types a claimant's whole name; Enter takes the first suggestion. A digit in the name
    («Номер 5») must not bring every phone ending in 5 before the person typed."""
    from desktop.domain.enums import PersonKind
    from desktop.domain.models import Person

    for n in range(1, 30):
        store.save_person(Person(id=f"00000000-0000-4000-8000-{n:012d}", kind=PersonKind.PERSON,
                                 full_name=f"Заявитель Номер {n} Петрович", phone=f"+7910{n:07d}"))
    found = [p.full_name for p in store.find_people("Заявитель Номер 5 Петрович", 8)]
    assert found[0] == "Заявитель Номер 5 Петрович" and len(found) == 1
    assert [p.full_name for p in store.find_people("заявитель номер 2", 8)][0] == "Заявитель Номер 2 Петрович"
    assert [p.full_name for p in store.find_people("8 (910) 000-00-15", 8)] == ["Заявитель Номер 15 Петрович"]  # a phone still
