"""The schema of a log on a PostgreSQL server, as forward migrations with SQLite's version numbers.

The tables and columns are the SQLite backend's (`sqlite/schema.py`), so one store's statements
serve both; PostgreSQL's own types where they differ: money in `bigint` kopecks, dates as `date`,
the instant of an incident as `timestamptz` (its text with the offset the clerk gave is kept
beside it, since an export must give it back as written), attachments as `bytea`, and every
table's `rowid` an identity column, as SQLite's is. Full-text search is `tsvector` over the same
words SQLite's tokenizer cuts (`search_index`, one row per chunk of a document's words, so an
incident of 20,000 cars stays under the tsvector's size limit) with a GIN index; plate and phone
parts are words of those documents, as on SQLite. Text is compared by code point (`COLLATE "C"`)
as SQLite compares it.

`schema_version` holds the number (as SQLite's `PRAGMA user_version`); a server log with a larger
number was made by a newer program and is refused. Migrations run under an advisory lock, so two
clerks starting the program on a new server do not both create the tables.
"""

from __future__ import annotations

import re
from typing import Any

from ..errors import DatabaseUnavailable, Trouble
from ..findings import Finding
from ..sqlite.schema import CLAIM_STATUS_RANK_11, SCHEMA_VERSION

MIGRATION_LOCK = 7_243_001  # pg_advisory_xact_lock key while migrating
WRITE_LOCK = 7_243_002  # every write transaction: one writer at a time keeps the audit chain a line

# name → statements; the same numbers as SQLite's, the first one making what SQLite's first
# eight made (a server log begins at this program's version).
MIGRATIONS: list[tuple[int, str, str]] = [
    (8, "m001_m008_initial", """
        CREATE TABLE people (
            rowid bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
            id text PRIMARY KEY,
            kind text NOT NULL,
            full_name text NOT NULL,
            birth_date date,
            phone text,
            email text,
            address text,
            id_document text,
            inn text,
            notes text,
            extra text,
            sort_name text NOT NULL,
            version integer NOT NULL DEFAULT 1,
            document_key text
        );
        CREATE INDEX people_inn ON people(inn) WHERE inn IS NOT NULL;
        CREATE INDEX people_phone ON people(phone) WHERE phone IS NOT NULL;
        CREATE INDEX people_sort_name ON people(sort_name);
        CREATE INDEX people_organisations ON people(sort_name) WHERE kind = 'organisation';
        CREATE INDEX people_entrepreneurs ON people(sort_name) WHERE kind = 'entrepreneur';
        CREATE INDEX people_document_key ON people(document_key) WHERE document_key IS NOT NULL;
        CREATE INDEX people_birth_date ON people(birth_date) WHERE birth_date IS NOT NULL;

        CREATE TABLE incidents (
            rowid bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
            id text PRIMARY KEY,
            reference text NOT NULL UNIQUE,
            kind text NOT NULL,
            occurred_at text NOT NULL,
            occurred_utc timestamptz NOT NULL,
            occurred_on date NOT NULL,
            reported_at text,
            region text NOT NULL,
            district text NOT NULL,
            settlement text,
            location text NOT NULL,
            latitude double precision,
            longitude double precision,
            description text,
            source text,
            uavs_downed integer,
            injured integer NOT NULL DEFAULT 0,
            killed integer NOT NULL DEFAULT 0,
            status text NOT NULL,
            extra text,
            version integer NOT NULL DEFAULT 1
        );
        CREATE INDEX incidents_occurred ON incidents(occurred_utc, rowid);
        CREATE INDEX incidents_occurred_on ON incidents(occurred_on);
        CREATE INDEX incidents_district ON incidents(district, occurred_utc, rowid);
        CREATE INDEX incidents_status ON incidents(status, occurred_utc, rowid);
        CREATE INDEX incidents_kind ON incidents(kind, occurred_utc, rowid);

        CREATE TABLE vehicles (
            rowid bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
            id text PRIMARY KEY,
            incident_id text NOT NULL REFERENCES incidents(id) ON DELETE CASCADE,
            position integer NOT NULL,
            owner_id text REFERENCES people(id),
            make text NOT NULL,
            model text,
            year integer,
            colour text,
            plate text,
            vin text,
            damage text NOT NULL,
            severity text NOT NULL,
            estimated_kopecks bigint,
            extra text
        );
        CREATE INDEX vehicles_incident ON vehicles(incident_id, position);
        CREATE INDEX vehicles_owner ON vehicles(owner_id);
        CREATE INDEX vehicles_plate ON vehicles(plate);

        CREATE TABLE properties (
            rowid bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
            id text PRIMARY KEY,
            incident_id text NOT NULL REFERENCES incidents(id) ON DELETE CASCADE,
            position integer NOT NULL,
            owner_id text REFERENCES people(id),
            kind text NOT NULL,
            description text NOT NULL,
            address text,
            damage text NOT NULL,
            severity text NOT NULL,
            estimated_kopecks bigint,
            extra text
        );
        CREATE INDEX properties_incident ON properties(incident_id, position);
        CREATE INDEX properties_owner ON properties(owner_id);

        CREATE TABLE claims (
            rowid bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
            id text PRIMARY KEY,
            number text NOT NULL UNIQUE,
            incident_id text NOT NULL REFERENCES incidents(id),
            claimant_id text NOT NULL REFERENCES people(id),
            kind text NOT NULL,
            filed_on date NOT NULL,
            requested_kopecks bigint,
            insurance_kopecks bigint,
            status text NOT NULL,
            decision_number text,
            decision_date date,
            approved_kopecks bigint,
            decision_reason text,
            decision_extra text,
            payment_date date,
            paid_kopecks bigint,
            payment_reference text,
            payment_extra text,
            notes text,
            extra text,
            version integer NOT NULL DEFAULT 1,
            received_via text,
            registered_on date,
            executor text,
            extension_until date,
            extension_reason text,
            extension_notice_sent_on date,
            extension_extra text,
            inspection_number text,
            inspection_date date,
            inspection_members text,
            inspection_findings text,
            inspection_assessed_kopecks bigint,
            inspection_extra text,
            decision_notice_sent_on date,
            answer_due date
        );
        CREATE INDEX claims_filed ON claims(filed_on, number);
        CREATE INDEX claims_status ON claims(status, filed_on);
        CREATE INDEX claims_incident ON claims(incident_id);
        CREATE INDEX claims_claimant ON claims(claimant_id);
        CREATE INDEX claims_due ON claims(status, answer_due);
        CREATE INDEX claims_executor ON claims(executor, answer_due) WHERE executor IS NOT NULL;

        CREATE TABLE claim_items (
            claim_id text NOT NULL REFERENCES claims(id) ON DELETE CASCADE,
            position integer NOT NULL,
            item_id text NOT NULL,
            PRIMARY KEY (claim_id, position)
        );
        CREATE INDEX claim_items_item ON claim_items(item_id);

        CREATE TABLE claim_documents (
            claim_id text NOT NULL REFERENCES claims(id) ON DELETE CASCADE,
            position integer NOT NULL,
            kind text NOT NULL,
            received_on date NOT NULL,
            note text,
            extra text,
            PRIMARY KEY (claim_id, position)
        );

        CREATE TABLE claim_attachments (
            claim_id text NOT NULL REFERENCES claims(id) ON DELETE CASCADE,
            position integer NOT NULL,
            name text NOT NULL,
            media_type text,
            sha256 text NOT NULL,
            size bigint,
            extra text,
            PRIMARY KEY (claim_id, position)
        );
        CREATE INDEX claim_attachments_sha ON claim_attachments(sha256);

        CREATE TABLE blobs (
            sha256 text PRIMARY KEY,
            size bigint NOT NULL,
            data bytea NOT NULL
        );

        CREATE TABLE counters (
            series text NOT NULL,
            year integer NOT NULL,
            last bigint NOT NULL,
            PRIMARY KEY (series, year)
        );

        CREATE TABLE audit (
            id bigint PRIMARY KEY,
            at text NOT NULL,
            "user" text NOT NULL,
            action text NOT NULL,
            record_kind text NOT NULL,
            record_id text NOT NULL,
            old text,
            new text,
            reason text,
            prev text,
            hash text
        );
        CREATE INDEX audit_record ON audit(record_id, id);

        CREATE TABLE settings (
            key text PRIMARY KEY,
            value text NOT NULL
        );

        CREATE TABLE search_docs (
            doc bigint PRIMARY KEY,
            record_kind text NOT NULL,
            record_id text NOT NULL UNIQUE,
            body text NOT NULL
        );
        CREATE TABLE search_index (
            doc bigint NOT NULL REFERENCES search_docs(doc) ON DELETE CASCADE,
            part integer NOT NULL,
            words text NOT NULL,
            tsv tsvector GENERATED ALWAYS AS (to_tsvector('simple', words)) STORED,
            PRIMARY KEY (doc, part)
        );
        CREATE INDEX search_index_words ON search_index USING gin (tsv);
    """),
    (9, "m009_incident_search_parts", """
        ALTER TABLE search_docs DROP CONSTRAINT IF EXISTS search_docs_record_id_key;
        CREATE INDEX search_docs_record ON search_docs(record_id);
    """),
    # `values.number_sort_key` in SQL: the number's last run of digits left-padded to 12.
    (10, "m010_number_sort_keys", """
        ALTER TABLE incidents ADD COLUMN reference_key text;
        ALTER TABLE claims ADD COLUMN number_key text;
        UPDATE incidents SET reference_key = rtrim(reference, '0123456789')
            || lpad(substr(reference, length(rtrim(reference, '0123456789')) + 1), 12, '0');
        UPDATE claims SET number_key = rtrim(number, '0123456789')
            || lpad(substr(number, length(rtrim(number, '0123456789')) + 1), 12, '0');
        CREATE INDEX incidents_reference_sort ON incidents(reference_key);
        CREATE INDEX claims_number_sort ON claims(number_key, number);
        DROP INDEX IF EXISTS claims_filed;
        CREATE INDEX claims_filed ON claims(filed_on, number_key, number);
    """),
    (11, "m011_claim_status_order", f"""
        CREATE INDEX claims_status_order ON claims(({CLAIM_STATUS_RANK_11}), number_key, number);
    """),
]


def _binary(statements: str) -> str:
    """Every text column compared and sorted by code point, as SQLite does, whatever collation the
    administrator's database was made with: the registers' ranges (`phone > :phone || ';'`, a name's
    prefix) and orders mean the same on both backends."""
    return re.sub(r"\btext\b(?= |,|\n)", 'text COLLATE "C"', statements)


def apply_migrations(conn: Any, where: str) -> None:
    """Create or bring up to date the log's tables; refuse a log made by a newer program.

    A log already at this version is only read (a clerk's login has no right to create tables:
    only the owner's first connection, or a newer program's, makes or changes them)."""
    version = stored_version(conn)
    if version > SCHEMA_VERSION:
        raise DatabaseUnavailable(Trouble.TOO_NEW, where, str(version))
    if version == SCHEMA_VERSION:
        return
    with conn.transaction():
        conn.execute("SELECT pg_advisory_xact_lock(%s)", [MIGRATION_LOCK])
        conn.execute("CREATE TABLE IF NOT EXISTS schema_version (version integer NOT NULL, name text NOT NULL, "
                     "applied_at timestamptz NOT NULL DEFAULT now())")
        found = conn.execute("SELECT max(version) FROM schema_version").fetchone()[0]
        version = int(found or 0)
        if version > SCHEMA_VERSION:
            raise DatabaseUnavailable(Trouble.TOO_NEW, where, str(version))
        if version == 0:
            others = conn.execute(
                "SELECT count(*) FROM information_schema.tables WHERE table_schema = current_schema() "
                "AND table_name <> 'schema_version'").fetchone()[0]
            if others:
                raise DatabaseUnavailable(Trouble.DAMAGED, where, Finding("other_tables"))
        for number, name, statements in MIGRATIONS:
            if number > version:
                conn.execute(_binary(statements))
                conn.execute("INSERT INTO schema_version (version, name) VALUES (%s, %s)", [number, name])


def stored_version(conn: Any) -> int:
    """The log's schema version in this database; 0 when it holds none (no tables of ours yet)."""
    if conn.execute("SELECT to_regclass('schema_version')").fetchone()[0] is None:
        return 0
    return schema_version(conn)


def schema_version(conn: Any) -> int:
    found = conn.execute("SELECT max(version) FROM schema_version").fetchone()[0]
    return int(found or 0)
