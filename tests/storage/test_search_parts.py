"""An incident's words in a search document per `search.PART_ITEMS` items: one car changed in an
incident of 20,000 cars rewrites the document of its 500, not all of them (both backends)."""

from __future__ import annotations

import json

import pytest

from desktop.domain.views import Filters
from desktop.exchange import import_document
from desktop.storage import search
from desktop.storage.sqlite.schema import SCHEMA_VERSION
from tests.synthetic import document

PART = 50  # items per document in these tests (500 in the program): 120 cars make 3 documents


@pytest.fixture
def big(store, monkeypatch):
    monkeypatch.setattr(search, "PART_ITEMS", PART)
    doc = document(120, vehicles_per_incident=None)
    import_document(store, json.loads(json.dumps(doc, ensure_ascii=False)))
    return doc["incidents"][0]["id"]


def _docs(store, record_id: str) -> int:
    return store._scalar("SELECT COUNT(*) FROM search_docs WHERE record_id = ?", [record_id])


def _spy(store) -> list[list[bool]]:
    """For each incident written: which of its documents were made (True) or left (False)."""
    written: list[list[bool]] = []
    write_docs = store._write_docs
    store._write_docs = lambda docs, fresh: (  # type: ignore[method-assign]
        written.extend([b is not None for b in bodies] for kind, _rid, bodies in docs if kind == "incident"),
        write_docs(docs, fresh))
    return written


def _references(store, text: str) -> list[str]:
    return [r.reference for r in store.incident_rows(Filters(text=text))]


def test_one_car_changed_rewrites_the_document_of_its_part_only(store, big):
    assert _docs(store, big) == 3
    written = _spy(store)
    incident = store.get_incident(big)
    incident.vehicles[70].colour = "бирюзовый"
    store.save_incident(incident)
    assert written == [[False, True, False]]
    assert _references(store, f"бирюзовый {incident.vehicles[70].plate}") == [incident.reference]
    assert _references(store, f"{incident.reference} {incident.vehicles[119].plate}") == [incident.reference]
    assert _docs(store, big) == 3


def test_cars_added_and_removed_change_the_last_documents(store, big):
    written = _spy(store)
    incident = store.get_incident(big)
    extra = [v.__class__(**{**v.__dict__, "id": f"0b5b7c2e-3f39-4c1e-9d41-6a8f7f1c{n:04d}", "plate": f"Х{n:03d}ХХ40",
                          "vin": None, "owner_id": v.owner_id}) for n, v in enumerate(incident.vehicles[:40])]
    incident.vehicles += extra  # 160 cars: a fourth document
    store.save_incident(incident)
    assert written == [[False, False, True, True]] and _docs(store, big) == 4
    assert _references(store, "Х039ХХ40") == [incident.reference]
    incident = store.get_incident(big)
    incident.vehicles = incident.vehicles[:-40]  # back to 120: the fourth document goes
    store.save_incident(incident)
    assert _docs(store, big) == 3 and _references(store, "Х039ХХ40") == []


def test_the_incidents_own_words_rewrite_every_document(store, big):
    written = _spy(store)
    incident = store.get_incident(big)
    incident.location = "улица Липовая"
    store.save_incident(incident)
    assert written == [[True, True, True]]
    assert _references(store, f"липовая {incident.vehicles[110].plate}") == [incident.reference]


def test_an_incident_indexed_whole_is_split_when_a_car_changes(store, monkeypatch):
    monkeypatch.setattr(search, "PART_ITEMS", 10_000)  # as logs were indexed before the split
    doc = document(120, vehicles_per_incident=None)
    import_document(store, json.loads(json.dumps(doc, ensure_ascii=False)))
    incident_id = doc["incidents"][0]["id"]
    assert _docs(store, incident_id) == 1
    monkeypatch.setattr(search, "PART_ITEMS", PART)
    incident = store.get_incident(incident_id)
    incident.vehicles[5].colour = "бирюзовый"
    store.save_incident(incident)
    assert _docs(store, incident_id) == 3
    assert _references(store, f"бирюзовый {incident.vehicles[5].plate}") == [incident.reference]
    assert _references(store, incident.vehicles[100].plate) == [incident.reference]
    assert store.check() == []


@pytest.mark.backends("sqlite")  # the file's own migration
def test_a_schema_8_file_keeps_its_documents_and_allows_parts(tmp_path, monkeypatch):
    import sqlite3

    from desktop.storage import Store

    path = tmp_path / "old.sqlite3"
    with Store.open(path) as store:
        doc = document(120, vehicles_per_incident=None)
        import_document(store, json.loads(json.dumps(doc, ensure_ascii=False)))
    conn = sqlite3.connect(path)  # search_docs as schema 8 made it: one document per record
    conn.executescript("""
        CREATE TABLE old_docs (doc INTEGER PRIMARY KEY, record_kind TEXT NOT NULL, record_id TEXT NOT NULL UNIQUE);
        INSERT INTO old_docs SELECT doc, record_kind, record_id FROM search_docs;
        DROP TABLE search_docs;
        ALTER TABLE old_docs RENAME TO search_docs;
        DELETE FROM _sqlite_migrations WHERE name = 'm009_incident_search_parts';
        PRAGMA user_version = 8;
    """)
    conn.close()
    monkeypatch.setattr(search, "PART_ITEMS", PART)
    with Store.open(path) as store:
        assert store._scalar("PRAGMA user_version") == SCHEMA_VERSION
        incident_id = doc["incidents"][0]["id"]
        incident = store.get_incident(incident_id)
        assert _references(store, incident.vehicles[100].plate) == [incident.reference]  # documents kept
        incident.vehicles[100].colour = "бирюзовый"
        store.save_incident(incident)
        assert _docs(store, incident_id) == 3 and store.check() == []


@pytest.mark.backends("postgresql")  # the server's own migration
def test_a_schema_8_server_log_allows_parts(pg_server):
    import psycopg

    from desktop.storage import open_store
    from desktop.storage.postgres import connection
    from desktop.storage.postgres import schema as pg_schema

    url = pg_server.empty_database()
    raw = psycopg.connect(url, autocommit=True)
    number, name, statements = pg_schema.MIGRATIONS[0]
    assert number == 8
    raw.execute(pg_schema._binary(statements))
    raw.execute("CREATE TABLE schema_version (version integer NOT NULL, name text NOT NULL, "
                "applied_at timestamptz NOT NULL DEFAULT now())")
    raw.execute("INSERT INTO schema_version (version, name) VALUES (8, %s)", [name])
    raw.close()
    with open_store(url) as store:
        assert store._schema_version() == SCHEMA_VERSION
        store._add_docs([("incident", "x", "a"), ("incident", "x", "b")])  # two documents of one record
        assert _docs(store, "x") == 2
    connection.release(url)
