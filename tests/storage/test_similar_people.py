"""The duplicate-person warning's look-up: candidates by indexed keys only, the rule from domain.duplicates."""

from __future__ import annotations

import sqlite3
from datetime import date
from typing import Any

import pytest

from desktop.domain.enums import PersonKind
from desktop.domain.models import Person
from desktop.storage import Store

BIRTH = date(1984, 3, 17)


def person(pid: str, name: str, **fields: Any) -> Person:
    return Person(id=f"00000000-0000-0000-0000-{pid:0>12}", kind=PersonKind.PERSON, full_name=name, **fields)


@pytest.fixture
def people(store: Store) -> Store:
    for p in (
        person("1", "Смирнова Анна Викторовна", birth_date=BIRTH, id_document="паспорт 2904 518233",
               phone="+79105123308", inn="402701234570"),
        person("2", "Семёнов Пётр Ильич", birth_date=date(1971, 11, 2), id_document="45 10 123456"),
        person("3", "Смирнова Алла Викторовна", birth_date=BIRTH),  # a namesake born the same day
        person("4", "Смирнова Анна Викторовна", birth_date=date(1990, 1, 1)),  # a namesake born another day
    ):
        store.save_person(p)
    return store


def ids(found: list[Person]) -> list[str]:
    return [p.id[-1] for p in found]


def test_a_document_however_written(people):
    assert ids(people.similar_people(person("9", "Кто-то", id_document="4510123456"))) == ["2"]
    assert ids(people.similar_people(person("9", "Кто-то", id_document="Паспорт серия 29 04 № 518233"))) == ["1"]
    assert people.similar_people(person("9", "Кто-то", id_document="4510 123457")) == []


def test_a_name_one_letter_off_born_the_same_day(people):
    assert ids(people.similar_people(person("9", "Смирнова Ана Викторовна", birth_date=BIRTH))) == ["1"]
    assert ids(people.similar_people(person("9", "Семенов Петр Ильич", birth_date=date(1971, 11, 2)))) == ["2"]
    assert people.similar_people(person("9", "Смирнова Ана Викторовна", birth_date=date(1984, 3, 18))) == []
    assert people.similar_people(person("9", "Смирнова Ана Викторовна")) == []  # no birth date: no name match


def test_inn_and_phone_and_never_oneself(people):
    assert ids(people.similar_people(person("9", "Кто-то", inn="402701234570"))) == ["1"]
    assert ids(people.similar_people(person("9", "Кто-то", phone="+79105123308"))) == ["1"]
    anna = people.get_person(person("1", "").id)
    assert people.similar_people(anna) == []
    assert people.similar_people(person("9", "Никто")) == []


@pytest.mark.backends("sqlite")
def test_candidates_come_by_index_never_a_pass_over_people(people, monkeypatch):
    seen: list[tuple[str, Any]] = []
    rows = people._rows
    monkeypatch.setattr(people, "_rows", lambda sql, params=(): (seen.append((sql, params)), rows(sql, params))[1])
    people.similar_people(person("9", "Смирнова Ана Викторовна", birth_date=BIRTH, id_document="2904518233",
                                 phone="+79105123308", inn="402701234570"))
    monkeypatch.undo()
    [(sql, params)] = seen
    plan = [r[3] for r in people.db.conn.execute("EXPLAIN QUERY PLAN " + sql, params)]
    assert not [step for step in plan if step.startswith("SCAN people") and "INDEX" not in step], plan
    used = " ".join(plan)
    for index in ("people_inn", "people_phone", "people_document_key", "people_birth_date"):
        assert index in used, plan


@pytest.mark.backends("sqlite")
def test_an_older_log_gains_the_document_key_when_opened(people):
    path = people.path
    people.close()
    conn = sqlite3.connect(path)  # as it was before: documents indexed as typed, no key, no birth-date index
    conn.execute("DROP INDEX people_document_key")
    conn.execute("DROP INDEX people_birth_date")
    conn.execute("ALTER TABLE people DROP COLUMN document_key")
    conn.execute("CREATE INDEX people_id_document ON people(id_document) WHERE id_document IS NOT NULL")
    conn.execute("DELETE FROM _sqlite_migrations WHERE name = 'm007_similar_people'")
    conn.execute("PRAGMA user_version = 6")
    conn.commit()
    conn.close()
    with Store.open(path) as store:
        keys = dict(store.db.conn.execute("SELECT id, document_key FROM people").fetchall())
        assert sorted(k for k in keys.values() if k) == ["2904518233", "4510123456"]
        assert ids(store.similar_people(person("9", "Кто-то", id_document="2904 518233"))) == ["1"]
        indexes = {r[1] for r in store.db.conn.execute("PRAGMA index_list(people)")}
        assert {"people_document_key", "people_birth_date"} <= indexes and "people_id_document" not in indexes
        assert store.check() == []


# ---- an entrepreneur in the people register ------------------------------------------------------
@pytest.mark.parametrize("text", ["гусев", "ИП Гусев", "олег викторович"])
def test_an_entrepreneur_is_found_by_any_part_of_the_name(people, text):
    from desktop.domain.views import Filters

    ip = Person(id="00000000-0000-0000-0000-00000000000e", kind=PersonKind.ENTREPRENEUR,
                full_name="ИП Гусев Олег Викторович", inn="402700000071")
    people.save_person(ip)
    assert [r.full_name for r in people.person_rows(Filters(text=text))] == ["ИП Гусев Олег Викторович"]
    assert people.count_people(Filters(text=text)) == 1
    assert [r.kind for r in people.person_rows(Filters(text=text))] == [PersonKind.ENTREPRENEUR]


@pytest.mark.backends("sqlite")
def test_the_entrepreneurs_part_of_the_search_reads_their_index(people, monkeypatch):
    from desktop.domain.views import Filters

    seen: list[tuple[str, Any]] = []
    rows = people._rows
    monkeypatch.setattr(people, "_rows", lambda sql, params=(): (seen.append((sql, params)), rows(sql, params))[1])
    people.person_rows(Filters(text="гусев"))
    monkeypatch.undo()
    plan = [r[3] for sql, params in seen for r in people.db.conn.execute("EXPLAIN QUERY PLAN " + sql, params)]
    assert any("people_entrepreneurs" in step for step in plan), plan
    assert not [s for s in plan if s.startswith("SCAN people") and "INDEX" not in s], plan
