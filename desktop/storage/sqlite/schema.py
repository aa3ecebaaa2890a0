"""The schema, as forward migrations from the first table (sqlite-utils `Migrations`).

`SCHEMA_VERSION` is written to `PRAGMA user_version`; a file with a larger number was made by
a newer program and is refused rather than misread.

sqlite-utils is imported only when a migration is pending: an ordinary start on a current log
reads the names of the applied ones itself and never pays sqlite-utils' import (45 ms, an eighth
of the window's cold start).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from ...domain.duplicates import document_key

if TYPE_CHECKING:
    from sqlite_utils import Database

MIGRATION_SET = "incident_log"
MIGRATIONS_TABLE = "_sqlite_migrations"  # sqlite-utils' table of the applied ones
_MIGRATIONS: list[Callable[[Database], None]] = []


def migrations() -> Callable[[Callable[[Database], None]], Callable[[Database], None]]:
    """Register a migration, in order: handed to sqlite-utils' `Migrations` when one is pending."""

    def register(fn: Callable[[Database], None]) -> Callable[[Database], None]:
        _MIGRATIONS.append(fn)
        return fn

    return register


@migrations()
def m001_initial(db: Database) -> None:
    db.executescript(
        """
        CREATE TABLE people (
            id TEXT PRIMARY KEY,
            kind TEXT NOT NULL,
            full_name TEXT NOT NULL,
            birth_date TEXT,
            phone TEXT,
            email TEXT,
            address TEXT,
            id_document TEXT,
            inn TEXT,
            notes TEXT,
            extra TEXT,
            sort_name TEXT NOT NULL
        );
        CREATE INDEX people_inn ON people(inn) WHERE inn IS NOT NULL;
        CREATE INDEX people_phone ON people(phone) WHERE phone IS NOT NULL;
        CREATE INDEX people_id_document ON people(id_document) WHERE id_document IS NOT NULL;
        CREATE INDEX people_sort_name ON people(sort_name);

        CREATE TABLE incidents (
            id TEXT PRIMARY KEY,
            reference TEXT NOT NULL UNIQUE,
            kind TEXT NOT NULL,
            occurred_at TEXT NOT NULL,
            occurred_utc TEXT NOT NULL,
            occurred_on TEXT NOT NULL,
            reported_at TEXT,
            region TEXT NOT NULL,
            district TEXT NOT NULL,
            settlement TEXT,
            location TEXT NOT NULL,
            latitude REAL,
            longitude REAL,
            description TEXT,
            source TEXT,
            uavs_downed INTEGER,
            injured INTEGER NOT NULL DEFAULT 0,
            killed INTEGER NOT NULL DEFAULT 0,
            status TEXT NOT NULL,
            extra TEXT
        );
        CREATE INDEX incidents_occurred ON incidents(occurred_utc);
        CREATE INDEX incidents_occurred_on ON incidents(occurred_on);
        CREATE INDEX incidents_district ON incidents(district, occurred_utc);
        CREATE INDEX incidents_status ON incidents(status, occurred_utc);
        CREATE INDEX incidents_kind ON incidents(kind, occurred_utc);

        CREATE TABLE vehicles (
            id TEXT PRIMARY KEY,
            incident_id TEXT NOT NULL REFERENCES incidents(id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            owner_id TEXT REFERENCES people(id),
            make TEXT NOT NULL,
            model TEXT,
            year INTEGER,
            colour TEXT,
            plate TEXT,
            vin TEXT,
            damage TEXT NOT NULL,
            severity TEXT NOT NULL,
            estimated_kopecks INTEGER,
            extra TEXT
        );
        CREATE INDEX vehicles_incident ON vehicles(incident_id, position);
        CREATE INDEX vehicles_owner ON vehicles(owner_id);

        CREATE TABLE properties (
            id TEXT PRIMARY KEY,
            incident_id TEXT NOT NULL REFERENCES incidents(id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            owner_id TEXT REFERENCES people(id),
            kind TEXT NOT NULL,
            description TEXT NOT NULL,
            address TEXT,
            damage TEXT NOT NULL,
            severity TEXT NOT NULL,
            estimated_kopecks INTEGER,
            extra TEXT
        );
        CREATE INDEX properties_incident ON properties(incident_id, position);
        CREATE INDEX properties_owner ON properties(owner_id);

        CREATE TABLE claims (
            id TEXT PRIMARY KEY,
            number TEXT NOT NULL UNIQUE,
            incident_id TEXT NOT NULL REFERENCES incidents(id),
            claimant_id TEXT NOT NULL REFERENCES people(id),
            kind TEXT NOT NULL,
            filed_on TEXT NOT NULL,
            requested_kopecks INTEGER,
            insurance_kopecks INTEGER,
            status TEXT NOT NULL,
            decision_number TEXT,
            decision_date TEXT,
            approved_kopecks INTEGER,
            decision_reason TEXT,
            decision_extra TEXT,
            payment_date TEXT,
            paid_kopecks INTEGER,
            payment_reference TEXT,
            payment_extra TEXT,
            notes TEXT,
            extra TEXT
        );
        CREATE INDEX claims_filed ON claims(filed_on, number);
        CREATE INDEX claims_status ON claims(status, filed_on);
        CREATE INDEX claims_incident ON claims(incident_id);
        CREATE INDEX claims_claimant ON claims(claimant_id);

        CREATE TABLE claim_items (
            claim_id TEXT NOT NULL REFERENCES claims(id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            item_id TEXT NOT NULL,
            PRIMARY KEY (claim_id, position)
        );
        CREATE INDEX claim_items_item ON claim_items(item_id);

        CREATE TABLE claim_documents (
            claim_id TEXT NOT NULL REFERENCES claims(id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            kind TEXT NOT NULL,
            received_on TEXT NOT NULL,
            note TEXT,
            extra TEXT,
            PRIMARY KEY (claim_id, position)
        );

        CREATE TABLE claim_attachments (
            claim_id TEXT NOT NULL REFERENCES claims(id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            name TEXT NOT NULL,
            media_type TEXT,
            sha256 TEXT NOT NULL,
            size INTEGER,
            extra TEXT,
            PRIMARY KEY (claim_id, position)
        );
        CREATE INDEX claim_attachments_sha ON claim_attachments(sha256);

        CREATE TABLE blobs (
            sha256 TEXT PRIMARY KEY,
            size INTEGER NOT NULL,
            data BLOB NOT NULL
        );

        CREATE TABLE counters (
            series TEXT NOT NULL,
            year INTEGER NOT NULL,
            last INTEGER NOT NULL,
            PRIMARY KEY (series, year)
        );

        CREATE TABLE audit (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            at TEXT NOT NULL,
            user TEXT NOT NULL,
            action TEXT NOT NULL,
            record_kind TEXT NOT NULL,
            record_id TEXT NOT NULL,
            old TEXT,
            new TEXT
        );
        CREATE INDEX audit_record ON audit(record_id, id);

        CREATE TABLE settings (
            key TEXT PRIMARY KEY,
            value TEXT NOT NULL
        );

        CREATE TABLE search_docs (
            doc INTEGER PRIMARY KEY,
            record_kind TEXT NOT NULL,
            record_id TEXT NOT NULL UNIQUE
        );
        -- detail=none: searches are ANDed word prefixes, which need no positions; a smaller, faster index.
        CREATE VIRTUAL TABLE search_index USING fts5(
            body, tokenize = 'unicode61 remove_diacritics 0', detail = none
        );
        """
    )


@migrations()
def m002_audit_reason(db: Database) -> None:
    """Why a clerk made an audited correction (a payment reversed, a decision reopened)."""
    db.execute("ALTER TABLE audit ADD COLUMN reason TEXT")


@migrations()
def m003_audit_chain(db: Database) -> None:
    """Chain the audit entries (see `audit`): each hash covers the previous one and the entry itself."""
    from ..audit import GENESIS, chain

    db.execute("ALTER TABLE audit ADD COLUMN prev TEXT")
    db.execute("ALTER TABLE audit ADD COLUMN hash TEXT")
    found = db.execute("SELECT id, at, user, action, record_kind, record_id, old, new, reason FROM audit ORDER BY id").fetchall()
    chained = chain(GENESIS, (r[1:] for r in found))
    db.conn.executemany("UPDATE audit SET prev = ?, hash = ? WHERE id = ?",
                        [(c[-2], c[-1], r[0]) for r, c in zip(found, chained, strict=True)])


@migrations()
def m004_record_versions(db: Database) -> None:
    """Each person, incident and claim counts its saves: a save based on an older count is a conflict."""
    for table in ("people", "incidents", "claims"):
        db.execute(f"ALTER TABLE {table} ADD COLUMN version INTEGER NOT NULL DEFAULT 1")


@migrations()
def m005_register_indexes(db: Database) -> None:
    """The vehicles register sorted by plate, and organisations found by any part of their name
    (`Водоканал` in «ГУП «Водоканал…»), without reading every vehicle or every person."""
    db.execute("CREATE INDEX IF NOT EXISTS vehicles_plate ON vehicles(plate)")
    db.execute("CREATE INDEX IF NOT EXISTS people_organisations ON people(sort_name) WHERE kind = 'organisation'")


@migrations()
def m006_claim_path(db: Database) -> None:
    """Interchange version 2: how and when a claim came and was registered, its executor, one
    extension, the commission's inspection and the decision's notice. `answer_due` is
    `deadlines.answer_due` of the row, written with it, so overdue and days-left filter and sort
    along an index instead of judging every row."""
    for column, kind in (
        ("received_via", "TEXT"), ("registered_on", "TEXT"), ("executor", "TEXT"),
        ("extension_until", "TEXT"), ("extension_reason", "TEXT"), ("extension_notice_sent_on", "TEXT"),
        ("extension_extra", "TEXT"),
        ("inspection_number", "TEXT"), ("inspection_date", "TEXT"), ("inspection_members", "TEXT"),
        ("inspection_findings", "TEXT"), ("inspection_assessed_kopecks", "INTEGER"), ("inspection_extra", "TEXT"),
        ("decision_notice_sent_on", "TEXT"), ("answer_due", "TEXT"),
    ):
        db.execute(f"ALTER TABLE claims ADD COLUMN {column} {kind}")
    db.execute("UPDATE claims SET answer_due = date(filed_on, '+30 days')")  # v1 claims: no registration date, no extension
    db.execute("CREATE INDEX claims_due ON claims(status, answer_due)")
    db.execute("CREATE INDEX claims_executor ON claims(executor, answer_due) WHERE executor IS NOT NULL")


@migrations()
def m007_similar_people(db: Database) -> None:
    """The duplicate-person warning looks people up by indexed keys (`Store.similar_people`): an
    identity document by its letters and digits (`document_key`, `duplicates.document_key`,
    written with the row) instead of as typed, and people born on a day."""
    db.execute("ALTER TABLE people ADD COLUMN document_key TEXT")
    keyed = [(document_key(doc), pid) for pid, doc in
             db.execute("SELECT id, id_document FROM people WHERE id_document IS NOT NULL").fetchall()]
    db.conn.executemany("UPDATE people SET document_key = ? WHERE id = ?", keyed)
    db.execute("DROP INDEX IF EXISTS people_id_document")
    db.execute("CREATE INDEX people_document_key ON people(document_key) WHERE document_key IS NOT NULL")
    db.execute("CREATE INDEX people_birth_date ON people(birth_date) WHERE birth_date IS NOT NULL")


@migrations()
def m008_entrepreneur_names(db: Database) -> None:
    """The people register finds an entrepreneur, as an organisation, by any part of the name
    («гусев» finds «ИП Гусев Олег Викторович»): a partial index of their names to look through."""
    db.execute("CREATE INDEX people_entrepreneurs ON people(sort_name) WHERE kind = 'entrepreneur'")


@migrations()
def m009_incident_search_parts(db: Database) -> None:
    """An incident's words in a search document per 500 items (`search.PART_ITEMS`), so a record
    may have several documents: `search_docs.record_id` indexed, no longer unique. The documents
    are kept; an incident of more than 500 items is split the next time one of its items changes."""
    db.execute("CREATE TABLE search_docs_parts (doc INTEGER PRIMARY KEY, record_kind TEXT NOT NULL, record_id TEXT NOT NULL)")
    db.execute("INSERT INTO search_docs_parts (doc, record_kind, record_id) SELECT doc, record_kind, record_id FROM search_docs")
    db.execute("DROP TABLE search_docs")
    db.execute("ALTER TABLE search_docs_parts RENAME TO search_docs")
    db.execute("CREATE INDEX search_docs_record ON search_docs(record_id)")


@migrations()
def m010_number_sort_keys(db: Database) -> None:
    """Numbers sort as numbers: З-2026-9999 before З-2026-10000 (`values.number_sort_key`, written
    with each row and indexed; a mass attack's claims pass four digits within a year)."""
    from ...domain.values import number_sort_key

    db.execute("ALTER TABLE incidents ADD COLUMN reference_key TEXT")
    db.execute("ALTER TABLE claims ADD COLUMN number_key TEXT")
    for table, column, key in (("incidents", "reference", "reference_key"), ("claims", "number", "number_key")):
        keyed = [(number_sort_key(n), i) for i, n in db.execute(f"SELECT id, {column} FROM {table}").fetchall()]
        db.conn.executemany(f"UPDATE {table} SET {key} = ? WHERE id = ?", keyed)
    db.execute("CREATE INDEX incidents_reference_sort ON incidents(reference_key)")
    db.execute("CREATE INDEX claims_number_sort ON claims(number_key, number)")
    db.execute("DROP INDEX IF EXISTS claims_filed")
    db.execute("CREATE INDEX claims_filed ON claims(filed_on, number_key, number)")


# `queries.claim_status_rank("status")` when this was written (tests/storage/test_number_order.py
# compares them: a status added to the path needs a migration that indexes the new order).
CLAIM_STATUS_RANK_11 = (
    "CASE status WHEN 'received' THEN 0 WHEN 'documents_requested' THEN 1 WHEN 'under_review' THEN 2 "
    "WHEN 'approved' THEN 3 WHEN 'rejected' THEN 4 WHEN 'paid' THEN 5 WHEN 'withdrawn' THEN 6 END"
)


@migrations()
def m011_claim_status_order(db: Database) -> None:
    """The claims register sorted by status in the order of a claim's path, a page at a time along an
    index (sorting 200,000 claims by status for each page took 0.4-1.1 s; along the index 3 ms)."""
    db.execute(f"CREATE INDEX claims_status_order ON claims(({CLAIM_STATUS_RANK_11}), number_key, number)")


SCHEMA_VERSION = 11


def apply_migrations(db: Any, applied: set[str] | None = None) -> None:
    """Bring the log to `SCHEMA_VERSION` (`db`: a `LogDatabase`; `applied`: `applied_migrations`
    when the caller has read it already)."""
    if known_migration_names() - (applied_migrations(db.conn) if applied is None else applied):
        from sqlite_utils import Database
        from sqlite_utils.migrations import Migrations

        pending = Migrations(MIGRATION_SET)
        for fn in _MIGRATIONS:
            pending()(fn)
        pending.apply(Database(db.conn, execute_plugins=False))
    # Written only when it changes: an ordinary open must not need the write lock.
    if db.execute("PRAGMA user_version").fetchone()[0] != SCHEMA_VERSION:
        db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")


def applied_migrations(conn: sqlite3.Connection) -> set[str]:
    """The names of the migrations this log has had (none for a new file)."""
    if conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", [MIGRATIONS_TABLE]).fetchone() is None:
        return set()
    return {r[0] for r in conn.execute(f"SELECT name FROM {MIGRATIONS_TABLE} WHERE migration_set = ?", [MIGRATION_SET])}


def known_migration_names() -> set[str]:
    return {fn.__name__ for fn in _MIGRATIONS}
