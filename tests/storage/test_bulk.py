"""Search documents indexed in the writing thread (`storage.sqlite.bulk`): in order, found, and
all or nothing with the rest of the write."""

from __future__ import annotations

import json
import sqlite3
import threading
from typing import Any

import pytest

from desktop.domain.views import Filters
from desktop.exchange import import_document
from desktop.storage.sqlite import store as store_module
from desktop.storage.sqlite.connection import LogDatabase
from tests.synthetic import document

pytestmark = pytest.mark.backends("sqlite")

CARS = 1_200  # enough incidents and claims for both kinds of document to go behind


def _fresh(doc: dict[str, Any]) -> dict[str, Any]:
    return json.loads(json.dumps(doc, ensure_ascii=False))


def _claims(store: Any, text: str) -> list[str]:
    return [r.number for r in store.claim_rows(Filters(text=text))]


def test_a_large_import_is_indexed_in_the_second_thread_and_found(store, monkeypatch):
    threads: list[str] = []
    add_docs = store_module._add_docs_from_json
    monkeypatch.setattr(store_module, "_add_docs_from_json", lambda conn, *a: (threads.append(threading.current_thread().name),
                                                                     add_docs(conn, *a)))
    doc = _fresh(document(CARS, vehicles_per_incident=1))
    doc["claims"][7]["notes"] = "позвонить «вечером» \\ после 18:00"
    import_document(store, doc)
    assert len(threads) == 2 and threading.main_thread().name not in threads  # incidents', then claims'
    number = store.get_claim(doc["claims"][7]["id"]).number
    assert _claims(store, "вечером") == [number]
    plate = doc["incidents"][CARS - 1]["vehicles"][0]["plate"]
    assert [r.reference for r in store.incident_rows(Filters(text=plate))] == [store.get_incident(doc["incidents"][CARS - 1]["id"]).reference]
    numbers = [r[0] for r in store.db.conn.execute("SELECT doc FROM search_docs ORDER BY doc")]
    assert numbers == list(range(1, 2 * CARS + 1))  # one document each, numbered on
    # A clerk's save afterwards numbers after them, and the log is whole.
    claim = store.get_claim(doc["claims"][0]["id"])
    claim.notes = "перезвонить"
    store.save_claim(claim)
    assert _claims(store, "перезвонить") == [claim.number]
    assert store.check() == []


def test_a_text_with_a_nul_character_is_indexed_whole(store):
    # SQLite's JSON functions end a text at NUL: such documents go through executemany instead.
    doc = _fresh(document(CARS, vehicles_per_incident=1))
    doc["claims"][3]["notes"] = "до\x00после"
    import_document(store, doc)
    claim = store.get_claim(doc["claims"][3]["id"])
    assert claim.notes == "до\x00после"
    assert _claims(store, "после") == [claim.number]
    assert store.check() == []


def test_a_failure_in_the_writing_thread_writes_nothing(store, monkeypatch):
    def failing(conn: sqlite3.Connection, *args: Any) -> None:
        raise sqlite3.OperationalError("disk I/O error (simulated)")

    monkeypatch.setattr(store_module, "_add_docs_from_json", failing)
    with pytest.raises(sqlite3.OperationalError):
        import_document(store, _fresh(document(CARS, vehicles_per_incident=1)))
    assert store.count_claims() == 0 and store.count_incidents() == 0 and store.count_people() == 0
    assert store.db.conn.execute("SELECT COUNT(*) FROM audit").fetchone()[0] == 0
    monkeypatch.undo()
    import_document(store, _fresh(document(10, vehicles_per_incident=1)))  # the log is still usable
    assert store.count_claims() == 10 and store.check() == []


def test_writes_behind_run_in_order_and_the_first_failure_is_raised_once():
    db = LogDatabase(sqlite3.connect(":memory:", check_same_thread=False))
    try:
        db.conn.execute("CREATE TABLE t (n INTEGER)")
        db.behind(lambda conn: conn.execute("INSERT INTO t VALUES (1)"))
        db.behind(lambda conn: conn.execute("INSERT INTO t VALUES (2)"))
        assert [r[0] for r in db.conn.execute("SELECT n FROM t ORDER BY rowid")] == [1, 2]  # `conn` waited
        db.behind(lambda conn: conn.execute("INSERT INTO missing VALUES (3)"))
        db.behind(lambda conn: conn.execute("INSERT INTO t VALUES (4)"))  # skipped: an earlier one failed
        with pytest.raises(sqlite3.OperationalError, match="missing"):
            db.settle()
        assert [r[0] for r in db.conn.execute("SELECT n FROM t ORDER BY rowid")] == [1, 2]
    finally:
        db.close()
