"""The one storage interface the services, the window and the command line use.

Everything SQL lives below this class, so a PostgreSQL backend can later implement the same
methods. Every write runs in one transaction together with its audit entries.
"""

from __future__ import annotations

import json
import logging
import re
import sqlite3
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import replace
from datetime import date, datetime
from operator import itemgetter
from pathlib import Path
from typing import Any, TypeVar

from ...domain import crossrules, duplicates
from ...domain.documents import RequiredDocuments
from ...domain.duplicates import document_key
from ...domain.enums import ClaimStatus, IncidentKind, IncidentStatus
from ...domain.errors import FieldError, Problem, ValidationFailed, join_path
from ...domain.models import Claim, Incident, Person
from ...domain.rules import claim_problems, incident_date, incident_problems, person_problems
from ...domain.searching import search_phone
from ...domain.serialize import claim_file_order, claim_to_dict, incident_file_order, incident_to_dict, person_to_dict
from ...domain.transitions import check_transition, locked_changes
from ...domain.values import kopecks_to_money
from ...domain.views import ClaimRow, Filters, IncidentRow, OfficeSettings, SummaryRow
from .. import audit, rows
from ..errors import Conflict, DatabaseUnavailable, NotFound, RecordInUse
from ..findings import Finding, action_words, kind_words
from ..item_edits import TABLES as ITEM_TABLES
from ..item_edits import changed_parts, item_edits, words_of
from ..location import Location
from ..records import AuditEntry, Change, ChangeSet, Overview
from ..search import PlateWords, claim_body, incident_parts, part_of
from . import bulk, queries
from .connection import LogDatabase, classify, connect, write_transaction
from .registers import Registers
from .schema import SCHEMA_VERSION
from .search_query import SEARCH_TEXT_CHARS, match_expression

T = TypeVar("T")

_AUDIT_COLUMNS = ("at", "user", "action", "record_kind", "record_id", "old", "new", "reason", "prev", "hash")
_AUDIT_JSON = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"), check_circular=False)
CHUNK = 500  # SQLite's parameter limit is far above this; keeps IN (...) lists modest
NO_FILTERS = Filters()  # frozen, so one shared default is safe


def _chunks(items: Sequence[str], size: int = CHUNK) -> Iterator[Sequence[str]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _attached_files(claim: Claim, files: Mapping[str, bytes]) -> dict[str, bytes]:
    """The given bytes the claim's attachments name, each checked against its hash."""
    import hashlib  # here: a save with attachments, not every start, needs it

    named = {a.sha256 for a in claim.attachments}
    out: dict[str, bytes] = {}
    for sha, data in files.items():
        if sha in named:
            if hashlib.sha256(data).hexdigest() != sha:
                raise ValueError(f"attachment bytes do not match their hash {sha[:12]}")
            out[sha] = data
    return out


def _marks(n: int) -> str:
    return ", ".join("?" * n)


def like_literal(text: str) -> str:
    """TEXT for a LIKE pattern written with ESCAPE '\\': its `%`, `_` and `\\` match only themselves."""
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def current_user() -> str:
    import getpass  # here, not at start

    try:
        return getpass.getuser()
    except Exception:  # noqa: BLE001 - no login name (a service account); still record something
        return "unknown"


# At most nine digits after the year (longer ones are refused when read), so counters stay integers.
REFERENCE_PATTERN = {"INC": re.compile(r"INC-([0-9]{4})-([0-9]{1,9})"), "CLM": re.compile(r"CLM-([0-9]{4})-([0-9]{1,9})")}


log = logging.getLogger("incident_log.storage")


def _setting_value(key: str, raw: str) -> Any:
    """A stored setting; one that is not JSON (edited by hand behind the program) reads as unset,
    so every command and the window go on with its default, and `check` names it."""
    try:
        return json.loads(raw)
    except (json.JSONDecodeError, TypeError):
        log.warning("setting %s cannot be read: its default is used", key)
        return None


class Store(Registers):
    """A log on one SQLite file (its registers' reads in `Registers`)."""

    def __init__(self, db: LogDatabase, path: Path) -> None:
        self.db = db
        self.path = path
        self.user = current_user()

    @classmethod
    def open(cls, path: str | Path) -> Store:
        path = Path(path)
        return cls(connect(path), path)

    @property
    def location(self) -> Location:
        """How the window and its jobs name this log (a file here; a server URL for a shared log)."""
        return Location(str(self.path))

    @classmethod
    def open_read_only(cls, path: str | Path) -> Store | None:
        """The log read in place: no lock, no side file, nothing migrated, nothing copied.

        Read as immutable unless a `-wal` beside it shows another program has it open (then
        through a read-only connection, as `maintenance.snapshot` reads). None when the file is
        not a log at this version's schema (older logs need migrating, damaged ones their
        message): then use a `snapshot`. For the selftest, which must neither change the log nor
        spend time in proportion to its size.
        """
        from .schema import applied_migrations, known_migration_names

        path = Path(path)
        in_use = path.with_name(path.name + "-wal").exists()
        uri = path.resolve().as_uri() + ("?mode=ro" if in_use else "?mode=ro&immutable=1")
        try:
            conn = sqlite3.connect(uri, uri=True, check_same_thread=False)
        except sqlite3.Error:
            return None
        try:
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            applied = applied_migrations(conn)
        except sqlite3.Error:
            conn.close()
            return None
        if version != SCHEMA_VERSION or applied != known_migration_names():
            conn.close()
            return None
        return cls(LogDatabase(conn), path)

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ---- low level -------------------------------------------------------------------------
    def _rows(self, sql: str, params: Sequence[Any] | dict[str, Any] = ()) -> list[dict[str, Any]]:
        try:
            cursor = self.db.conn.execute(sql, params)
        except sqlite3.OperationalError as e:
            raise classify(e, self.path) from e
        except sqlite3.DatabaseError as e:
            raise classify(e, self.path) from e
        names = [d[0] for d in cursor.description]
        return [dict(zip(names, r, strict=True)) for r in cursor.fetchall()]

    def _tuples(self, sql: str, params: Sequence[Any] | dict[str, Any] = ()) -> list[tuple[Any, ...]]:
        """Rows as tuples in the order of the SELECT's columns (`_rows` gives dictionaries)."""
        try:
            return [tuple(r) for r in self.db.conn.execute(sql, params).fetchall()]
        except sqlite3.DatabaseError as e:  # OperationalError too
            raise classify(e, self.path) from e

    def _scalar(self, sql: str, params: Sequence[Any] | dict[str, Any] = ()) -> Any:
        row = self.db.conn.execute(sql, params).fetchone()
        return row[0] if row else None

    def transaction(self) -> Any:
        """One write transaction (BEGIN IMMEDIATE) around several calls; writes inside it join it."""
        return write_transaction(self.db)

    # ---- people ------------------------------------------------------------------------------
    def get_people(self, ids: Iterable[str]) -> dict[str, Person]:
        wanted = sorted(set(i for i in ids if i))
        out: dict[str, Person] = {}
        for chunk in _chunks(wanted):
            for r in self._rows(f"SELECT * FROM people WHERE id IN ({_marks(len(chunk))})", chunk):
                out[r["id"]] = rows.person_from_row(r)
        return out

    people_by_ids = get_people

    def get_person(self, person_id: str) -> Person | None:
        return self.get_people([person_id]).get(person_id)

    def find_people(self, text: str, limit: int = 50) -> list[Person]:
        """People whose name contains the text, or whose phone/INN matches it.

        The text is taken literally (`%` and `_` are characters, not wildcards) and only its first
        SEARCH_TEXT_CHARS characters are used: no name is longer, and a pasted page costs nothing.
        """
        text = text.replace("\x00", "").strip()[:SEARCH_TEXT_CHARS]  # no name holds NUL; LIKE would stop at it
        folded = rows.sort_name(text)
        if not folded:
            found = self._rows("SELECT * FROM people ORDER BY sort_name LIMIT ?", [limit])
        else:
            # A phone by its last digits only from five of them on: «Номер 5» in a typed name would
            # otherwise bring every phone ending in 5. The name typed whole comes first, then names
            # that begin with it, then the rest: the first suggestion is the one Enter takes.
            digits = re.sub(r"\D", "", text)
            found = self._rows(
                "SELECT * FROM people WHERE sort_name LIKE :like ESCAPE '\\' "
                "OR (:digits != '' AND (inn = :digits OR phone LIKE :phone ESCAPE '\\'))"
                " ORDER BY sort_name = :folded DESC, sort_name LIKE :prefix ESCAPE '\\' DESC, sort_name LIMIT :limit",
                {"like": f"%{like_literal(folded)}%", "prefix": f"{like_literal(folded)}%", "folded": folded,
                 "digits": digits, "phone": f"%{like_literal(digits[-10:])}" if len(digits) >= 5 else None, "limit": limit},
            )
        return [rows.person_from_row(r) for r in found]

    def similar_people(self, person: Person) -> list[Person]:
        """Existing people who may be this one (`duplicates.shared`): the same INN, phone or identity
        document (by its letters and digits), or born the same day with a name alike.

        Candidates come by indexed keys only (people_inn, people_phone, people_document_key,
        people_birth_date), one SELECT per key the person has; the rule then picks among them.
        """
        keys = {"inn": person.inn, "phone": person.phone, "document_key": document_key(person.id_document),
                "birth_date": person.birth_date.isoformat() if person.birth_date else None}
        selects = [f"SELECT rowid FROM people WHERE {column} = :{column}" for column, value in keys.items() if value]
        if not selects:
            return []
        found = self._rows(f"SELECT * FROM people WHERE rowid IN ({' UNION '.join(selects)}) AND id != :id ORDER BY sort_name",
                           {**keys, "id": person.id})
        candidates = (rows.person_from_row(r) for r in found)
        return [p for p in candidates if duplicates.shared(person, p)]

    # ---- incidents ---------------------------------------------------------------------------
    def get_incidents(self, ids: Iterable[str]) -> dict[str, Incident]:
        wanted = sorted(set(i for i in ids if i))
        out: dict[str, Incident] = {}
        for chunk in _chunks(wanted):
            marks = _marks(len(chunk))
            items: dict[str, dict[str, list]] = {}
            for table in ITEM_TABLES:  # as tuples: an incident of 20,000 cars without a dictionary per row
                found = items[table.name] = {}
                for t in self._tuples(f"SELECT {', '.join(table.columns)} FROM {table.name} "
                                      f"WHERE incident_id IN ({marks}) ORDER BY incident_id, position", chunk):
                    found.setdefault(t[1], []).append(table.from_row(t))
            vehicles, properties = items["vehicles"], items["properties"]
            for r in self._rows(f"SELECT * FROM incidents WHERE id IN ({marks})", chunk):
                out[r["id"]] = rows.incident_from_row(r, vehicles.get(r["id"], []), properties.get(r["id"], []))
        return out

    def get_incident(self, incident_id: str) -> Incident | None:
        return self.get_incidents([incident_id]).get(incident_id)

    def incident_with_items(self, incident_id: str, item_ids: Iterable[str]) -> Incident | None:
        """The incident with only those of its vehicles and property whose ids are given.

        Enough to check a claim against it or index the claim, at a cost that does not grow with
        the incident's size. Never save what this returns: the other items are missing from it.
        """
        return self.incidents_with_items([incident_id], item_ids).get(incident_id)

    def incidents_with_items(self, incident_ids: Iterable[str], item_ids: Iterable[str]) -> dict[str, Incident]:
        """The incidents by id, each with only those of its vehicles and property whose ids are given.

        What a list of claims needs of their incidents (the payment register's 500 at a time):
        one read of the items by id and one of the incidents, never an incident's other cars.
        Items of incidents not asked for are left out. Never save what this returns.
        """
        wanted = sorted(set(i for i in incident_ids if i))
        items = sorted(set(item_ids))
        vehicles: dict[str, list] = {}
        properties: dict[str, list] = {}
        for chunk in _chunks(items):
            marks = _marks(len(chunk))
            for r in self._rows(f"SELECT * FROM vehicles WHERE id IN ({marks}) ORDER BY incident_id, position", chunk):
                vehicles.setdefault(r["incident_id"], []).append(rows.vehicle_from_row(r))
            for r in self._rows(f"SELECT * FROM properties WHERE id IN ({marks}) ORDER BY incident_id, position", chunk):
                properties.setdefault(r["incident_id"], []).append(rows.property_from_row(r))
        out: dict[str, Incident] = {}
        for chunk in _chunks(wanted):
            for r in self._rows(f"SELECT * FROM incidents WHERE id IN ({_marks(len(chunk))})", chunk):
                out[r["id"]] = rows.incident_from_row(r, vehicles.get(r["id"], []), properties.get(r["id"], []))
        return out

    _incidents_with_items = incidents_with_items  # the former private name, still called by the import's reindexing

    def get_incident_by_reference(self, reference: str) -> Incident | None:
        found = self._by_label("incidents", "reference", reference)
        return self.get_incident(found) if found else None

    def incident_sample(self, incident_id: str, limit: int, include: Iterable[str] = ()) -> Incident | None:
        """The incident with at most its first `limit` vehicles and properties, plus the items in
        `include` (a claim's): what the selftest prints, read in bounded time whatever its size."""
        head = self._rows("SELECT * FROM incidents WHERE id = ?", [incident_id])
        if not head:
            return None
        wanted = sorted(set(include))

        def items(table: str, convert: Any) -> list[Any]:
            found = self._rows(f"SELECT * FROM {table} WHERE incident_id = ? ORDER BY position LIMIT ?",
                               [incident_id, limit])
            seen = {r["id"] for r in found}
            for chunk in _chunks([i for i in wanted if i not in seen]):
                found += self._rows(
                    f"SELECT * FROM {table} WHERE incident_id = ? AND id IN ({_marks(len(chunk))}) ORDER BY position",
                    [incident_id, *chunk],
                )
            return [convert(r) for r in found]

        return rows.incident_from_row(
            head[0], items("vehicles", rows.vehicle_from_row), items("properties", rows.property_from_row)
        )

    def _by_label(self, table: str, column: str, label: str) -> str | None:
        """The id for a reference or number: as typed, else the one record it names ignoring case."""
        label = label.strip()
        found = self._scalar(f"SELECT id FROM {table} WHERE {column} = ?", [label])
        if found:
            return found
        matches = self._rows(f"SELECT id FROM {table} WHERE {column} = ? COLLATE NOCASE LIMIT 2", [label])
        if len(matches) == 1:
            return matches[0]["id"]
        upper = self._scalar(f"SELECT id FROM {table} WHERE {column} = ?", [label.upper()])  # Cyrillic too
        return upper

    def incident_ids_by_reference(self, references: Iterable[str]) -> dict[str, str]:
        wanted = sorted(set(references))
        out: dict[str, str] = {}
        for chunk in _chunks(wanted):
            for r in self._rows(f"SELECT reference, id FROM incidents WHERE reference IN ({_marks(len(chunk))})", chunk):
                out[r["reference"]] = r["id"]
        return out

    def item_owners(self, item_ids: Iterable[str]) -> dict[str, str]:
        """item id → the incident it belongs to (vehicles and properties alike)."""
        wanted = sorted(set(item_ids))
        out: dict[str, str] = {}
        for chunk in _chunks(wanted):
            marks = _marks(len(chunk))
            for r in self._rows(
                f"SELECT id, incident_id FROM vehicles WHERE id IN ({marks}) "
                f"UNION ALL SELECT id, incident_id FROM properties WHERE id IN ({marks})",
                [*chunk, *chunk],
            ):
                out[r["id"]] = r["incident_id"]
        return out

    def claims_referring_to(self, item_ids: Iterable[str]) -> dict[str, list[tuple[str, str]]]:
        """item id → [(claim id, claim number)] of the claims that list it."""
        wanted = sorted(set(item_ids))
        out: dict[str, list[tuple[str, str]]] = {}
        for chunk in _chunks(wanted):
            for r in self._rows(
                f"SELECT ci.item_id, c.id, c.number FROM claim_items ci JOIN claims c ON c.id = ci.claim_id "
                f"WHERE ci.item_id IN ({_marks(len(chunk))}) ORDER BY c.number_key, c.number",
                chunk,
            ):
                out.setdefault(r["item_id"], []).append((r["id"], r["number"]))
        return out

    def claims_dated_before(self, incident_id: str, day: date) -> list[tuple[str, str]]:
        """`(claim id, number)` of the incident's claims filed or inspected before DAY (along
        `claims_incident`: an incident's own claims, not the log's)."""
        return [(r["id"], r["number"]) for r in self._rows(
            "SELECT id, number FROM claims WHERE incident_id = :incident AND (filed_on < :day OR inspection_date < :day) "
            "ORDER BY number_key, number", {"incident": incident_id, "day": day.isoformat()})]

    # ---- claims ------------------------------------------------------------------------------
    def get_claims(self, ids: Iterable[str]) -> dict[str, Claim]:
        wanted = sorted(set(i for i in ids if i))
        out: dict[str, Claim] = {}
        for chunk in _chunks(wanted):
            marks = _marks(len(chunk))
            items: dict[str, list[str]] = {}
            documents: dict[str, list] = {}
            attachments: dict[str, list] = {}
            for r in self._rows(f"SELECT * FROM claim_items WHERE claim_id IN ({marks}) ORDER BY claim_id, position", chunk):
                items.setdefault(r["claim_id"], []).append(r["item_id"])
            for r in self._rows(f"SELECT * FROM claim_documents WHERE claim_id IN ({marks}) ORDER BY claim_id, position", chunk):
                documents.setdefault(r["claim_id"], []).append(rows.document_from_row(r))
            for r in self._rows(f"SELECT * FROM claim_attachments WHERE claim_id IN ({marks}) ORDER BY claim_id, position", chunk):
                attachments.setdefault(r["claim_id"], []).append(rows.attachment_from_row(r))
            for r in self._rows(f"SELECT * FROM claims WHERE id IN ({marks})", chunk):
                cid = r["id"]
                out[cid] = rows.claim_from_row(r, items.get(cid, []), documents.get(cid, []), attachments.get(cid, []))
        return out

    def get_claim(self, claim_id: str) -> Claim | None:
        return self.get_claims([claim_id]).get(claim_id)

    def get_claim_by_number(self, number: str) -> Claim | None:
        found = self._by_label("claims", "number", number)
        return self.get_claim(found) if found else None

    def claim_ids_by_number(self, numbers: Iterable[str]) -> dict[str, str]:
        wanted = sorted(set(numbers))
        out: dict[str, str] = {}
        for chunk in _chunks(wanted):
            for r in self._rows(f"SELECT number, id FROM claims WHERE number IN ({_marks(len(chunk))})", chunk):
                out[r["number"]] = r["id"]
        return out

    def counters(self) -> dict[tuple[str, int], int]:
        """The last number handed out per (series, year): an import checks its numbering still fits."""
        return {(r["series"], r["year"]): r["last"] for r in self._rows("SELECT series, year, last FROM counters")}

    def claims_for_incident(self, incident_id: str, limit: int | None = None) -> list[Claim]:
        """The incident's claims by filing date; the first `limit` only, if given (the selftest's sample)."""
        # No LIMIT without a limit: PostgreSQL refuses SQLite's `LIMIT -1` (every incident report on a server failed).
        ids = [r["id"] for r in self._rows(
            "SELECT id FROM claims WHERE incident_id = ? ORDER BY filed_on, number_key, number"
            + (" LIMIT ?" if limit is not None else ""),
            [incident_id, *([limit] if limit is not None else [])],
        )]
        found = self.get_claims(ids)
        return [found[i] for i in ids]

    # ---- writing -----------------------------------------------------------------------------
    def save_person(self, person: Person) -> Person:
        """Check and write a person; a stale `version` raises `Conflict` (read and write in one transaction)."""
        with self.transaction():
            return self._save_person(person)

    def _save_person(self, person: Person) -> Person:
        problems = person_problems(person)
        if problems:
            raise ValidationFailed(problems)
        old = self.get_person(person.id)
        if old is not None:
            self._check_version("person", person, old, old.full_name)
        if old == person:
            return person
        self.apply(ChangeSet(people=[Change(person, person_to_dict(old) if old else None)]))
        return person

    def save_incident(self, incident: Incident, reason: str | None = None) -> Incident:
        """Save an incident with its items; an item a claim still refers to cannot be removed.

        A stale `version` raises `Conflict` (read and write in one transaction)."""
        with self.transaction():
            return self._save_incident(incident, reason)

    def _save_incident(self, incident: Incident, reason: str | None = None) -> Incident:
        problems = incident_problems(incident)
        head = self._rows("SELECT * FROM incidents WHERE id = ?", [incident.id])
        # The stored items as rows, not records: of 20,000 cars only those that differ are made
        # into records again (`item_edits`), or all of them when the incident is recorded whole.
        stored = self._item_rows(incident.id) if head else {t.name: [] for t in ITEM_TABLES}
        old_head = rows.incident_from_row(head[0], [], []) if head else None
        whole: list[Incident] = []

        def old_whole() -> Incident:
            if not whole:
                assert head
                items = [[t.from_row(r) for r in stored[t.name]] for t in ITEM_TABLES]
                whole.append(rows.incident_from_row(head[0], *items))
            return whole[0]

        if old_head is not None and incident.version != old_head.version:
            self._check_version("incident", incident, old_whole(), old_head.reference or "")
        # Only what this save adds is looked up (items, owners): an incident of 20,000 cars with one
        # car edited asks the database about that car, not about all of them.
        old_ids = frozenset(r[0] for table in stored.values() for r in table)
        if old_ids:
            problems += crossrules.claimed_items("vehicles", self.claims_referring_to(old_ids - incident.item_ids()),
                                                 label=crossrules.item_labels(old_whole))
        added = [(f"{kind}[{n}].id", item.id, incident.id)
                 for kind, items in (("vehicles", incident.vehicles), ("properties", incident.properties))
                 for n, item in enumerate(items) if item.id not in old_ids]
        problems += crossrules.moved_items(added, self.item_owners(item_id for _, item_id, _ in added))
        old_owners = {r[0]: r[_OWNER] for table in stored.values() for r in table}
        owners = [(f"{kind}[{n}].owner_id", item.owner_id)
                  for kind, items in (("vehicles", incident.vehicles), ("properties", incident.properties))
                  for n, item in enumerate(items) if item.owner_id and old_owners.get(item.id) != item.owner_id]
        problems += crossrules.unknown_people(owners, self.get_people(pid for _, pid in owners))
        if incident.reference:
            problems += crossrules.taken_references([("reference", incident.reference, incident.id)],
                                                    self.incident_ids_by_reference([incident.reference]))
        if old_head is not None and incident.occurred_at and incident_date(incident) > incident_date(old_head):
            problems += crossrules.claims_before_incident(
                "occurred_at", self.claims_dated_before(incident.id, incident_date(incident)))
        if problems:
            raise ValidationFailed(problems)
        if old_head is None:
            self.apply(ChangeSet(incidents=[Change(incident, None, reason or None)]))
            return incident
        if incident.reference is None:
            incident.reference = old_head.reference
        edits = item_edits(old_head, stored, incident)
        if edits is None:  # a small incident, or items reordered: compared and recorded whole
            old = old_whole()
            if old == incident:
                return incident
            self.apply(ChangeSet(incidents=[Change(incident, incident_to_dict(old), reason or None)]))
        elif not edits.unchanged:
            self.apply(ChangeSet(incidents=[Change(incident, edits.was, reason or None, items=edits)]))
        return incident

    def _item_rows(self, incident_id: str) -> dict[str, list[tuple[Any, ...]]]:
        """An incident's stored vehicles and property as rows (`rows.*_COLUMNS`), in their order."""
        return {t.name: self._tuples(f"SELECT {', '.join(t.columns)} FROM {t.name} WHERE incident_id = ? ORDER BY position",
                                     [incident_id])
                for t in ITEM_TABLES}

    def save_claim(self, claim: Claim, *, enforce_transition: bool = True, reason: str | None = None,
                   files: Mapping[str, bytes] | None = None) -> Claim:
        """Check and write a claim; `reason` (a clerk's words for a correction) goes into its audit entry.

        `files` are the bytes of attachments added since the claim was read, by SHA-256: they are
        stored in the same transaction as the claim, so a cancelled form stores nothing. A stale
        `version` raises `Conflict` (read and write in one transaction).
        """
        with self.transaction():
            return self._save_claim(claim, enforce_transition, reason, files)

    def _save_claim(self, claim: Claim, enforce_transition: bool, reason: str | None,
                    files: Mapping[str, bytes] | None) -> Claim:
        incident = self.incident_with_items(claim.incident_id, claim.items)  # not all 20,000 cars of a mass attack
        problems = claim_problems(claim, incident) + crossrules.unknown_incident("incident_id", incident)
        problems += crossrules.unknown_people([("claimant_id", claim.claimant_id)],
                                              self.get_people([claim.claimant_id]))
        old = self.get_claim(claim.id)
        if old is not None:
            self._check_version("claim", claim, old, old.number or "")
        if old is not None and enforce_transition:
            try:
                check_transition(old.status, claim.status, reason=reason)
            except FieldError as e:
                problems.append(Problem("status", e))
            problems += locked_changes(old, claim)  # a decided or paid claim changes only by a correction
        if claim.number:
            problems += crossrules.taken_references([("number", claim.number, claim.id)],
                                                    self.claim_ids_by_number([claim.number]))
        if problems:
            raise ValidationFailed(problems)
        if old is not None and claim.number is None:
            claim.number = old.number
        blobs = _attached_files(claim, files or {})
        if old == claim:
            return claim
        self.apply(ChangeSet(claims=[Change(claim, claim_to_dict(old) if old else None, reason or None)], blobs=blobs))
        return claim

    def save_with_people(
        self, record: Incident | Claim, people: Sequence[Person] = (), *, existing: bool = False,
        reason: str | None = None, files: Mapping[str, bytes] | None = None,
    ) -> Incident | Claim:
        """A form's save: the people it created or corrected, then the record, in one transaction.

        Problems of the people come back under `people[n].…`; if anything fails nothing is written.
        `existing`: the form edits a stored record; if another clerk deleted it meanwhile, raise
        `NotFound` instead of quietly creating it again. `reason` goes into a claim's audit entry.
        """
        # A refused save leaves the form's records as they were: the versions a save counts up in
        # place (`_count_versions`) go back, or the retry would conflict with its own rolled-back save.
        versions = [(r, r.version) for r in (*people, record)]
        try:
            return self._save_with_people(record, people, existing, reason, files)
        except BaseException:
            for r, version in versions:
                r.version = version
            raise

    def _save_with_people(self, record: Incident | Claim, people: Sequence[Person], existing: bool,
                          reason: str | None, files: Mapping[str, bytes] | None) -> Incident | Claim:
        with self.transaction():
            if existing:
                table = "incidents" if isinstance(record, Incident) else "claims"
                if not self._scalar(f"SELECT COUNT(*) FROM {table} WHERE id = ?", [record.id]):
                    raise NotFound(record.id)
            for n, person in enumerate(people):
                try:
                    self.save_person(person)
                except ValidationFailed as e:
                    raise ValidationFailed([Problem(join_path(f"people[{n}]", p.path), p.error) for p in e.problems]) from e
            if isinstance(record, Incident):
                return self.save_incident(record, reason=reason)
            return self.save_claim(record, reason=reason, files=files)

    def delete_person(self, person_id: str) -> None:
        old = self.get_person(person_id)
        if old is None:
            return
        used = self._scalar(
            "SELECT (SELECT COUNT(*) FROM claims WHERE claimant_id = :id) + (SELECT COUNT(*) FROM vehicles WHERE owner_id = :id)"
            " + (SELECT COUNT(*) FROM properties WHERE owner_id = :id)",
            {"id": person_id},
        )
        if used:
            raise RecordInUse(person_id)
        with self.transaction():
            self.db.conn.execute("DELETE FROM people WHERE id = ?", [person_id])
            self._audit([("delete", "person", person_id, person_to_dict(old), None)])

    def delete_incident(self, incident_id: str) -> None:
        old = self.get_incident(incident_id)
        if old is None:
            return
        if self._scalar("SELECT COUNT(*) FROM claims WHERE incident_id = ?", [incident_id]):
            raise RecordInUse(incident_id)
        with self.transaction():
            self.db.conn.execute("DELETE FROM incidents WHERE id = ?", [incident_id])
            self._unindex([incident_id])
            self._audit([("delete", "incident", incident_id, incident_to_dict(old), None)])

    def delete_claim(self, claim_id: str) -> None:
        old = self.get_claim(claim_id)
        if old is None:
            return
        with self.transaction():
            self.db.conn.execute("DELETE FROM claims WHERE id = ?", [claim_id])
            self._unindex([claim_id])
            self._audit([("delete", "claim", claim_id, claim_to_dict(old), None)])
            self._drop_unreferenced_files({a.sha256 for a in old.attachments})
            if self._lists_number(old.incident_id, old.number):
                self._reindex([old.incident_id], [])

    def _check_version(self, kind: str, record: Person | Incident | Claim, old: Person | Incident | Claim,
                       label: str) -> None:
        """A record read at version N saves only over version N. Version 0 (built, not read: a
        script's or a test's record) is not checked."""
        if record.version != old.version and replace(old, version=record.version) == record:
            record.version = old.version  # what is stored already: nothing to write, nothing overwritten
            return
        if record.version and record.version != old.version:
            found = self.db.conn.execute(
                "SELECT user, at FROM audit WHERE record_id = ? ORDER BY id DESC LIMIT 1", [old.id]).fetchone()
            raise Conflict(kind, old.id, label, old.version, found[0] if found else None, found[1] if found else None,
                           mine=record, theirs=old)

    def _count_versions(self, changes: ChangeSet) -> None:
        """Each written record's version becomes the stored one plus one (a new record's: 1)."""
        for table, group in (("people", changes.people), ("incidents", changes.incidents), ("claims", changes.claims)):
            updated = [c.record.id for c in group if c.old is not None]
            stored: dict[str, int] = {}
            for chunk in _chunks(updated):
                stored.update(self.db.conn.execute(
                    f"SELECT id, version FROM {table} WHERE id IN ({_marks(len(chunk))})", chunk).fetchall())
            for c in group:
                c.record.version = stored.get(c.record.id, 0) + 1

    def apply(self, changes: ChangeSet) -> None:
        """Write a validated set of changes in one transaction, with numbers, audit and search."""
        with self.transaction():
            self._count_versions(changes)
            self._assign_numbers(changes)
            people = [c.record for c in changes.people]
            incidents = [c.record for c in changes.incidents]
            claims = [c.record for c in changes.claims]
            if people:
                self._write("people", changes.people, rows.PERSON_COLUMNS, rows.person_values)
            if incidents:
                self._write("incidents", changes.incidents, rows.INCIDENT_COLUMNS, rows.incident_values)
                # Saved as the rows they change (`item_edits`), or whole: compared with the stored rows.
                edited = [c.items for c in changes.incidents if c.items is not None]
                whole = [c.record for c in changes.incidents if c.items is None]
                ids = [c.record.id for c in changes.incidents if c.old is not None and c.items is None]  # new ones have no children yet
                self._write_items("vehicles", rows.VEHICLE_COLUMNS, [
                    rows.vehicle_values(v, i.id, n) for i in whole for n, v in enumerate(i.vehicles)], ids)  # type: ignore[union-attr]
                self._write_items("properties", rows.PROPERTY_COLUMNS, [
                    rows.property_values(p, i.id, n) for i in whole for n, p in enumerate(i.properties)], ids)  # type: ignore[union-attr]
                for table in ITEM_TABLES:
                    self._delete_children(table.name, "id", [i for e in edited for i in e.removed[table.name]])
                    self._upsert_values(table.name, table.columns, [r for e in edited for r in e.written[table.name]])
            dropped: set[str] = set(changes.blobs)  # bytes no attachment ended up naming go too
            if claims:
                ids = [c.record.id for c in changes.claims if c.old is not None]
                dropped |= self._attachment_hashes(ids)
                for table in ("claim_items", "claim_documents", "claim_attachments"):
                    self._delete_children(table, "claim_id", ids)
                self._write("claims", changes.claims, rows.CLAIM_COLUMNS, rows.claim_values)
                self._insert_values("claim_items", ("claim_id", "position", "item_id"),
                                    [(c.id, n, item) for c in claims for n, item in enumerate(c.items)])  # type: ignore[union-attr]
                self._insert_values("claim_documents", rows.DOCUMENT_COLUMNS,
                                    [rows.document_values(d, c.id, n) for c in claims for n, d in enumerate(c.documents)])  # type: ignore[union-attr]
                self._insert_values("claim_attachments", rows.ATTACHMENT_COLUMNS,
                                    [rows.attachment_values(a, c.id, n) for c in claims for n, a in enumerate(c.attachments)])  # type: ignore[union-attr]
            if changes.blobs:
                self.db.conn.executemany(
                    "INSERT OR IGNORE INTO blobs (sha256, size, data) VALUES (?, ?, ?)",
                    [(sha, len(data), data) for sha, data in changes.blobs.items()],
                )
            entries = [("update" if c.old else "create", kind, c.record.id, c.old,
                        c.items.now if c.items is not None else to_dict(c.record), c.reason)  # type: ignore[arg-type]
                       for kind, group, to_dict in (
                           ("person", changes.people, person_to_dict),
                           ("incident", changes.incidents, incident_to_dict),
                           ("claim", changes.claims, claim_to_dict),
                       ) for c in group]
            # The search documents first: FTS5 indexes many of them in the writing thread (`bulk`)
            # while the audit entries are encoded and chained here, from the head read before.
            head = self._audit_head()
            self._reindex_after(changes, {e[2]: e[4] for e in entries if e[1] == "incident"})
            # An update of a big incident is recorded as what changed (`audit.incident_patch`).
            self._audit([e if e[1] != "incident" or e[3] is None or audit.is_patch(e[3]) else _as_patch(e)
                         for e in entries], head)
            if dropped:
                self._drop_unreferenced_files(dropped)

    def _write(self, table: str, group: list[Change], columns: Sequence[str], values: Callable[[Any], tuple[Any, ...]]) -> None:
        """New records inserted, stored ones updated: a plain INSERT costs two thirds of an upsert.

        Rows are tuples in the order of `columns` (`rows.*_values`): no dictionary per row."""
        self._insert_values(table, columns, [values(c.record) for c in group if c.old is None])
        self._upsert_values(table, columns, [values(c.record) for c in group if c.old is not None])

    def _upsert_values(self, table: str, columns: Sequence[str], values: list[tuple[Any, ...]]) -> None:
        if not values:
            return
        updates = ", ".join(f"{c} = excluded.{c}" for c in columns if c != "id")
        sql = (f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({_marks(len(columns))}) "
               f"ON CONFLICT(id) DO UPDATE SET {updates}")
        # In key order the B-tree fills page by page instead of splitting pages at random.
        self.db.conn.executemany(sql, sorted(values, key=_leading_key))

    def _insert(self, table: str, records: list[dict[str, Any]]) -> None:
        """Rows given by column name (each with the same columns, in the same order)."""
        if records:
            columns = list(records[0])
            self._insert_values(table, columns, list(map(itemgetter(*columns), records)))

    def _insert_values(self, table: str, columns: Sequence[str], values: list[tuple[Any, ...]]) -> None:
        if not values:
            return
        # In the file's order, not sorted by key: measured on 20,000 new records (into an empty log and
        # into one of 100,000) the sort cost more than it saved, the file's order following the dates
        # and parents the other indexes are built on.
        self.db.conn.executemany(bulk.insert_sql(table, columns), values)

    def _write_items(self, table: str, columns: Sequence[str], values: list[tuple[Any, ...]], updated: Sequence[str]) -> None:
        """Write incidents' vehicles or property: of the `updated` incidents only the rows that changed.

        One car edited in an incident of 20,000 writes one row, not 20,000 deletes and inserts. Rows
        are tuples in the order of `columns`, the id first.
        """
        stored: dict[str, tuple[Any, ...]] = {}
        for chunk in _chunks(updated):
            stored.update((r["id"], tuple(r[c] for c in columns)) for r in self._rows(
                f"SELECT * FROM {table} WHERE incident_id IN ({_marks(len(chunk))})", chunk))
        if stored:
            kept = {v[0] for v in values}
            self._delete_children(table, "id", [i for i in stored if i not in kept])
            values = [v for v in values if stored.get(v[0]) != v]
        if stored or updated:
            self._upsert_values(table, columns, values)
        else:
            self._insert_values(table, columns, values)

    def _delete_children(self, table: str, column: str, ids: Sequence[str]) -> None:
        for chunk in _chunks(ids):
            self.db.conn.execute(f"DELETE FROM {table} WHERE {column} IN ({_marks(len(chunk))})", chunk)

    def _assign_numbers(self, changes: ChangeSet) -> None:
        """Keep given references, bump counters past them, then number the rest in date order."""
        incidents = [c.record for c in changes.incidents]
        claims = [c.record for c in changes.claims]
        for series, records, attr in (("INC", incidents, "reference"), ("CLM", claims, "number")):
            highest: dict[int, int] = {}  # a file of 20,000 numbered claims: one counter update per year, not 20,000
            for record in records:
                given = getattr(record, attr)
                match = REFERENCE_PATTERN[series].fullmatch(given or "")
                if match:
                    year, number = int(match.group(1)), int(match.group(2))
                    if number > highest.get(year, 0):
                        highest[year] = number
            for year, number in highest.items():
                self._bump_counter(series, year, number)
        self._number("INC", "reference", sorted((i for i in incidents if not i.reference), key=lambda i: i.occurred_at),  # type: ignore[union-attr]
                     lambda i: i.occurred_at.year)
        self._number("CLM", "number", sorted((c for c in claims if not c.number), key=lambda c: c.filed_on),  # type: ignore[union-attr]
                     lambda c: c.filed_on.year)

    def _number(self, series: str, attr: str, records: list[Any], year_of: Any) -> None:
        """Give each record the next numbers of its year, one counter update per year."""
        by_year: dict[int, list[Any]] = {}
        for record in records:
            by_year.setdefault(year_of(record), []).append(record)
        for year, group in by_year.items():
            last = self._reserve(series, year, len(group))
            for n, record in enumerate(group, start=last - len(group) + 1):
                setattr(record, attr, f"{series}-{year}-{n:04d}")

    def _bump_counter(self, series: str, year: int, number: int) -> None:
        self.db.conn.execute(
            "INSERT INTO counters (series, year, last) VALUES (?, ?, ?) "
            "ON CONFLICT(series, year) DO UPDATE SET last = MAX(last, excluded.last)",
            [series, year, number],
        )

    def _reserve(self, series: str, year: int, count: int) -> int:
        """Advance the year's counter by `count` and return the last number reserved."""
        conn = self.db.conn
        conn.execute(
            "INSERT INTO counters (series, year, last) VALUES (?, ?, ?) "
            "ON CONFLICT(series, year) DO UPDATE SET last = last + excluded.last",
            [series, year, count],
        )
        return conn.execute("SELECT last FROM counters WHERE series = ? AND year = ?", [series, year]).fetchone()[0]

    def _audit(self, entries: Sequence[tuple[Any, ...]], head: str | None = None) -> None:
        """Write audit entries `(action, kind, record id, old, new[, reason])`, chained from `head`
        (the last entry's hash, read in this transaction; read here when not given)."""
        if not entries:
            return
        # In the write's transaction (BEGIN IMMEDIATE, joined if already open): no other writer can
        # append between reading the last hash and adding to it, so the chain stays a line.
        with self.transaction():
            rows = self._chained(entries, self._audit_head() if head is None else head)
            self.db.conn.executemany(bulk.insert_sql("audit", _AUDIT_COLUMNS), rows)

    def _audit_head(self) -> str | None:
        """The hash the next audit entry chains from (None: `_audit` reads it with the entries)."""
        last = self.db.conn.execute("SELECT hash FROM audit ORDER BY id DESC LIMIT 1").fetchone()
        return last[0] if last else audit.GENESIS

    def _chained(self, entries: Sequence[tuple[Any, ...]], prev: str) -> list[tuple[Any, ...]]:
        """Audit rows for `entries`, stamped now by this store's user and chained from `prev`."""
        at = datetime.now().astimezone().isoformat(timespec="seconds")
        return audit.chain(prev, (
            (at, self.user, action, kind, rid,
             audit.encode(old) if old is not None else None,
             audit.encode(new) if new is not None else None,
             rest[0] if rest else None)
            for action, kind, rid, old, new, *rest in entries
        ))

    # ---- search index ------------------------------------------------------------------------
    def _reindex_after(self, changes: ChangeSet, incident_dicts: dict[str, dict[str, Any]] | None = None) -> None:
        """Index what the changes touch, and no more: a claim saved in an incident of 20,000 cars
        writes its own document only, an incident saved rewrites the documents of the items it
        changed (`search.PART_ITEMS`) and of the claims whose items (or place) it changed."""
        dicts = incident_dicts or {}
        # An incident whose searchable words did not change (a status, a sum) keeps its documents;
        # one whose items changed rewrites the documents of those items only (`search.PART_ITEMS`).
        incident_ids: set[str] = set()
        parts: dict[str, tuple[set[int], int]] = {}
        for c in changes.incidents:
            if c.old is None:
                incident_ids.add(c.record.id)
                continue
            changed = (c.items.parts if c.items is not None
                       else _changed_parts(c.old, dicts.get(c.record.id) or incident_to_dict(c.record)))  # type: ignore[arg-type]
            if changed is None:  # its own words: every document
                incident_ids.add(c.record.id)
            elif changed[0]:
                incident_ids.add(c.record.id)
                parts[c.record.id] = changed
        claim_ids = {c.record.id for c in changes.claims}
        for c in changes.claims:
            # An incident's document no longer lists its claims' numbers (`queries.incident_search_hits`
            # finds an incident through its claims), so a new claim writes only its own. A log indexed
            # before that still has the numbers in incident documents: a claim renumbered or moved
            # rewrites the incident it was in, which drops its old number from there.
            old = c.old
            if old is not None and old.get("incident_id") and (
                    old.get("number") != c.record.number or old.get("incident_id") != c.record.incident_id) \
                    and self._lists_number(old["incident_id"], old.get("number")):  # type: ignore[union-attr]
                incident_ids.add(old["incident_id"])
                parts.pop(old["incident_id"], None)
        # Of a person only the name is in search documents: a new phone rewrites nothing.
        changed_people = [c.record.id for c in changes.people
                          if c.old is not None and c.old.get("full_name") != c.record.full_name]  # type: ignore[union-attr]
        if changed_people:
            for chunk in _chunks(changed_people):
                marks = _marks(len(chunk))
                for r in self._rows(
                    f"SELECT incident_id AS i FROM vehicles WHERE owner_id IN ({marks}) "
                    f"UNION SELECT incident_id FROM properties WHERE owner_id IN ({marks})",
                    [*chunk, *chunk],
                ):
                    incident_ids.add(r["i"])
                    parts.pop(r["i"], None)  # an owner's name may be in any of its documents
                for r in self._rows(f"SELECT id FROM claims WHERE claimant_id IN ({marks})", chunk):
                    claim_ids.add(r["id"])
        known_incidents = {c.record.id: c.record for c in changes.incidents}
        known_claims = {c.record.id: c.record for c in changes.claims}
        known_people = {c.record.id: c.record for c in changes.people}
        # Claim bodies carry their incident's reference and place and their own items' words.
        whole: list[str] = []
        changed_items: set[str] = set()
        for c in changes.incidents:
            if c.old is None:
                continue  # a new incident has no stored claims yet
            new = dicts.get(c.record.id) or incident_to_dict(c.record)  # type: ignore[arg-type]
            if any(c.old.get(k) != new.get(k) for k in CLAIM_VISIBLE_PLACE):
                whole.append(c.record.id)
            else:
                changed_items |= _claim_visible_items(c.old) ^ _claim_visible_items(new)
        for chunk in _chunks(sorted(whole)):
            claim_ids |= {r["id"] for r in self._rows(f"SELECT id FROM claims WHERE incident_id IN ({_marks(len(chunk))})", chunk)}
        for chunk in _chunks(sorted({pair[0] for pair in changed_items})):
            claim_ids |= {r["claim_id"] for r in self._rows(
                f"SELECT DISTINCT claim_id FROM claim_items WHERE item_id IN ({_marks(len(chunk))})", chunk)}
        fresh = {c.record.id for group in (changes.incidents, changes.claims) for c in group if c.old is None}
        self._reindex(sorted(incident_ids), sorted(claim_ids), known_incidents, known_claims, known_people, fresh, parts)

    def _reindex(
        self,
        incident_ids: Sequence[str],
        claim_ids: Sequence[str],
        known_incidents: dict[str, Any] | None = None,
        known_claims: dict[str, Any] | None = None,
        known_people: dict[str, Any] | None = None,
        fresh: set[str] | None = None,
        parts: dict[str, tuple[set[int], int]] | None = None,
    ) -> None:
        """Rewrite the search documents of these incidents and claims (their own items only).

        `parts`: of an incident, the documents to rewrite and how many it had; without it, or when
        its stored documents are not that many (indexed before incidents were split), all of them."""
        known_incidents = dict(known_incidents or {})
        known_claims = dict(known_claims or {})
        names = {pid: p.full_name for pid, p in (known_people or {}).items()}
        missing_claims = [c for c in claim_ids if c not in known_claims]
        known_claims.update(self.get_claims(missing_claims))
        known_incidents.update(self.get_incidents([i for i in incident_ids if i not in known_incidents]))
        # A claim's incident is read with the claim's items only, never all of a big incident's cars.
        claims = [known_claims[c] for c in claim_ids if c in known_claims]
        partial = self._incidents_with_items(
            {c.incident_id for c in claims if c.incident_id not in known_incidents},
            (item for c in claims if c.incident_id not in known_incidents for item in c.items),
        )
        only = self._parts_to_write(parts or {}, fresh or set())
        person_ids: set[str] = set()
        for i in incident_ids:
            inc = known_incidents.get(i)
            if inc:
                items = [*inc.vehicles, *inc.properties]
                wanted = only.get(i)
                person_ids.update(item.owner_id for n, item in enumerate(items) if wanted is None or part_of(n) in wanted)
        person_ids.update([c.claimant_id for c in claims])
        person_ids.discard(None)  # type: ignore[arg-type]
        names.update(self._names([p for p in person_ids if p not in names]))

        plates = PlateWords()  # an incident's and its claims' documents repeat each plate
        # The incidents' documents written first: many are indexed in the writing thread while the
        # claims' are made here (`bulk`).
        incident_docs = [("incident", i, incident_parts(known_incidents[i], names, plates, only.get(i)))
                         for i in incident_ids if known_incidents.get(i)]
        if incident_docs:
            self._write_docs(incident_docs, fresh or set())
        docs: list[tuple[str, str, list[str | None]]] = []
        items_of: dict[str, dict[str, Any]] = {}  # incident id → its items by id, built once per incident
        for claim in claims:
            incident = known_incidents.get(claim.incident_id) or partial.get(claim.incident_id)
            items = None
            if incident is not None:
                items = items_of.get(incident.id)
                if items is None:
                    items = items_of[incident.id] = incident.items_by_id()
            docs.append(("claim", claim.id, [claim_body(claim, incident, names, items, plates)]))
        if docs:
            self._write_docs(docs, fresh or set())

    def _parts_to_write(self, parts: dict[str, tuple[set[int], int]], fresh: set[str]) -> dict[str, set[int]]:
        """Of each incident in `parts`, its documents to rewrite, where its stored documents are as
        many as it had parts (else it is missing from the answer: all of them are rewritten)."""
        wanted = [i for i in parts if i not in fresh]
        stored: dict[str, int] = {}
        for chunk in _chunks(wanted):
            stored.update(self.db.conn.execute(
                f"SELECT record_id, COUNT(*) FROM search_docs WHERE record_id IN ({_marks(len(chunk))}) GROUP BY record_id",
                chunk).fetchall())
        return {i: parts[i][0] for i in wanted if stored.get(i) == parts[i][1]}

    def _lists_number(self, incident_id: str, number: str | None) -> bool:
        """Whether the incident's search document still lists this claim number (indexed before
        incident documents left claim numbers out): only then is it rewritten for the claim."""
        expression = match_expression(number or "")
        if expression is None:
            return False
        return bool(self._scalar(
            f"SELECT COUNT(*) FROM ({queries.search_hits('incident', None)}) AS hits WHERE record_id = :incident",
            {"match": expression, "incident": incident_id}))

    def _names(self, person_ids: Iterable[str]) -> dict[str, str]:
        """Full names by person id: all a search document needs of a person."""
        out: dict[str, str] = {}
        for chunk in _chunks(sorted(set(person_ids))):
            out.update(self.db.conn.execute(f"SELECT id, full_name FROM people WHERE id IN ({_marks(len(chunk))})", chunk).fetchall())
        return out

    def _unindex(self, record_ids: Sequence[str]) -> None:
        conn = self.db.conn
        for chunk in _chunks(list(record_ids)):
            marks = _marks(len(chunk))
            conn.execute(f"DELETE FROM search_index WHERE rowid IN (SELECT doc FROM search_docs WHERE record_id IN ({marks}))", chunk)
            conn.execute(f"DELETE FROM search_docs WHERE record_id IN ({marks})", chunk)

    def _write_docs(self, docs: list[tuple[str, str, list[str | None]]], fresh: set[str]) -> None:
        """Write each record's search documents: `(kind, record id, its documents' texts)`, None
        for a document left as it is. A document whose text did not change keeps its place
        (rewriting words costs more than all the rest of a save); a changed one is rewritten where
        it is; the extra ones are added, those beyond the new count removed. Records created in
        this transaction have none stored."""
        current = self._stored_docs([rid for _, rid, _ in docs if rid not in fresh])
        added: list[tuple[str, str, str]] = []
        rewritten: list[tuple[int, str]] = []
        dropped: list[int] = []
        for kind, rid, bodies in docs:
            have = current.get(rid, [])
            for n, body in enumerate(bodies):
                if n < len(have):
                    if body is not None and body != have[n][1]:
                        rewritten.append((have[n][0], body))
                elif body is not None:
                    added.append((kind, rid, body))
            dropped += [doc for doc, _ in have[len(bodies):]]
        if dropped:
            self._drop_docs(dropped)
        if rewritten:
            self._rewrite_docs(rewritten)
        if added:
            self._add_docs(added)

    def _stored_docs(self, record_ids: Sequence[str]) -> dict[str, list[tuple[int, str]]]:
        """Each record's documents (number, text) in their order."""
        out: dict[str, list[tuple[int, str]]] = {}
        for chunk in _chunks(list(record_ids)):
            for rid, doc, body in self.db.conn.execute(
                    "SELECT d.record_id, d.doc, s.body FROM search_docs d JOIN search_index s ON s.rowid = d.doc "
                    f"WHERE d.record_id IN ({_marks(len(chunk))}) ORDER BY d.doc", chunk):
                out.setdefault(rid, []).append((doc, body))
        return out

    def _drop_docs(self, docs: Sequence[int]) -> None:
        for chunk in _chunks(list(docs)):
            marks = _marks(len(chunk))
            self.db.conn.execute(f"DELETE FROM search_index WHERE rowid IN ({marks})", chunk)
            self.db.conn.execute(f"DELETE FROM search_docs WHERE doc IN ({marks})", chunk)

    def _rewrite_docs(self, docs: Sequence[tuple[int, str]]) -> None:
        self.db.conn.executemany("UPDATE search_index SET body = ? WHERE rowid = ?", [(body, doc) for doc, body in docs])

    def _add_docs(self, docs: Sequence[tuple[str, str, str]]) -> None:
        """New documents numbered after the last: many of them written and indexed in the writing
        thread (`bulk`), FTS5 splitting their words while Python goes on."""
        texts = [body for _, _, body in docs]
        if sum(map(len, texts)) >= bulk.BEHIND_CHARS:
            records = bulk.json_texts([(kind, rid) for kind, rid, _ in docs])
            bodies = bulk.json_texts(texts)
            if records is not None and bodies is not None:
                self.db.behind(lambda conn: _add_docs_from_json(conn, records, bodies))
                return
        conn = self.db.conn
        # Inside the write transaction nobody else can insert, so the numbers can be handed out here.
        first = (self._scalar("SELECT MAX(doc) FROM search_docs") or 0) + 1
        conn.executemany("INSERT INTO search_docs (doc, record_kind, record_id) VALUES (?, ?, ?)",
                         [(first + n, kind, rid) for n, (kind, rid, _) in enumerate(docs)])
        conn.executemany("INSERT INTO search_index (rowid, body) VALUES (?, ?)",
                         [(first + n, body) for n, (_, _, body) in enumerate(docs)])

    # ---- registers ---------------------------------------------------------------------------
    def search_is_cut(self, kind: str, text: str | None) -> bool:
        """Whether a register search for `text` ("incident", "claim" or "vehicle") hit `SEARCH_LIMIT` matches."""
        expression = match_expression(text or "")
        if expression is None or search_phone(text):  # a phone number is looked up, not searched for
            return False
        limit = queries.SEARCH_LIMIT
        # The vehicles register searches its incidents' own documents (`queries.vehicle_where`).
        cut = [queries.search_hits("incident" if kind == "vehicle" else kind, limit + 1)]
        if kind == "incident":  # found through their claims too, among the latest documents of any kind
            cut.append(queries.latest_docs(limit + 1))
        return any(self._scalar(f"SELECT COUNT(*) FROM ({sql}) AS hits", {"match": expression}) > limit for sql in cut)

    def count_incidents(self, filters: Filters = NO_FILTERS) -> int:
        where, params = queries.incident_where(filters)
        return self._scalar(f"SELECT COUNT(*) FROM incidents i{where}", params)

    def incident_rows(
        self, filters: Filters = NO_FILTERS, sort: str | None = "occurred_at", descending: bool = True,
        offset: int = 0, limit: int = 200,
    ) -> list[IncidentRow]:
        where, params = queries.incident_where(filters)
        order = queries.exact_first(queries.order_by(queries.INCIDENT_SORT, sort, descending, queries.INCIDENT_TIEBREAK),
                                     "incident", filters.text, "i")
        params.update(offset=offset, limit=limit)
        found = self._rows(queries.page("i", f"FROM incidents i{where}", order, queries.INCIDENT_ROW_SELECT), params)
        return [
            IncidentRow(
                id=r["id"], reference=r["reference"], occurred_at=datetime.fromisoformat(r["occurred_at"]),
                kind=r["kind"], region=r["region"], district=r["district"], location=r["location"],
                status=r["status"], vehicles=r["vehicles"], properties=r["properties"], claims=r["claims"],
            )
            for r in found
        ]

    def count_claims(self, filters: Filters = NO_FILTERS, today: date | None = None) -> int:
        where, params = queries.claim_where(filters, today)
        return self._scalar(f"SELECT COUNT(*) {queries.claim_count_from(filters)}{where}", params)

    def incident_position(self, record_id: str, filters: Filters = NO_FILTERS, sort: str | None = "occurred_at",
                          descending: bool = True) -> int | None:
        """The row number of an incident in the register's order under these filters (None: not there).

        A register asks this only when the record moved far from where it was (another clerk's
        inserts): one pass over the filtered rows, no row data read."""
        where, params = queries.incident_where(filters)
        order = queries.exact_first(queries.order_by(queries.INCIDENT_SORT, sort, descending, queries.INCIDENT_TIEBREAK),
                                     "incident", filters.text, "i")
        params["record_id"] = record_id
        return self._scalar(queries.position("i", f"FROM incidents i{where}", order), params)

    def claim_position(self, record_id: str, filters: Filters = NO_FILTERS, sort: str | None = "filed_on",
                       descending: bool = False, today: date | None = None) -> int | None:
        """As `incident_position`, for the claims register."""
        where, params = queries.claim_where(filters, today)
        order = queries.exact_first(queries.order_by(queries.CLAIM_SORT, sort, descending, queries.CLAIM_TIEBREAK),
                                     "claim", filters.text, "c")
        params["record_id"] = record_id
        return self._scalar(queries.position("c", f"{queries.CLAIM_FROM}{where}", order), params)

    def data_version(self) -> int:
        """Changes whenever another connection (another window, another clerk) commits a write."""
        return int(next(iter(self._rows("PRAGMA data_version")[0].values())))

    def claim_rows(
        self, filters: Filters = NO_FILTERS, sort: str | None = "filed_on", descending: bool = False,
        offset: int = 0, limit: int = 200, today: date | None = None,
    ) -> list[ClaimRow]:
        where, params = queries.claim_where(filters, today)
        order = queries.exact_first(queries.order_by(queries.CLAIM_SORT, sort, descending, queries.CLAIM_TIEBREAK),
                                     "claim", filters.text, "c")
        params.update(offset=offset, limit=limit)
        return [_claim_row(r) for r in self._rows(f"{queries.CLAIM_ROW_SELECT}{where}{order} LIMIT :limit OFFSET :offset", params)]

    def iter_claim_rows(self, filters: Filters = NO_FILTERS, today: date | None = None, page: int = 2000, *,
                        sort: str | None = None, descending: bool = False) -> Iterator[ClaimRow]:
        """Every selected claim (no search cut), fetched a page at a time, in the claims register's
        order for `sort` (as `claim_rows` pages it); without a sort, by filing date then number."""
        where, params = queries.claim_where(filters, today, cut_search=False)
        yield from self._iterate(f"{queries.CLAIM_ROW_SELECT}{where}{queries.claim_order(sort, descending)}", params,
                                 page, _claim_row)

    def iter_incident_rows(self, filters: Filters = NO_FILTERS, page: int = 2000, *, sort: str | None = None,
                           descending: bool = False) -> Iterator[IncidentRow]:
        """Every selected incident (no search cut) with its estimated damage, a page at a time, in
        the incidents register's order for `sort` (as `incident_rows` pages it); without a sort, by
        date, the earliest first."""
        where, params = queries.incident_where(filters, cut_search=False)
        sql = f"{queries.INCIDENT_REPORT_SELECT}{where}{queries.incident_order(sort, descending)}"
        yield from self._iterate(sql, params, page, _incident_report_row)

    def _iterate(self, sql: str, params: dict[str, Any], page: int, make: Callable[[dict[str, Any]], T]) -> Iterator[T]:
        cursor = self.db.conn.execute(sql, params)
        names = [d[0] for d in cursor.description]
        while True:
            batch = cursor.fetchmany(page)
            if not batch:
                return
            for r in batch:
                yield make(dict(zip(names, r, strict=True)))

    def summary_rows(self, filters: Filters = NO_FILTERS) -> list[SummaryRow]:
        """Counts and sums per district and status (dates filter on the incident's date)."""
        where, params = queries.incident_where(Filters(date_from=filters.date_from, date_to=filters.date_to, districts=filters.districts))
        status_clause = ""
        if filters.status:
            status_clause = (" AND " if where else " WHERE ") + "c.status = :cstatus"
            params["cstatus"] = filters.status.value
        found = self._rows(
            "SELECT i.district, c.status, COUNT(*) AS n, COALESCE(SUM(c.requested_kopecks), 0) AS req, "
            "COALESCE(SUM(c.approved_kopecks), 0) AS appr, COALESCE(SUM(c.paid_kopecks), 0) AS paid "
            f"FROM claims c JOIN incidents i ON i.id = c.incident_id{where}{status_clause} "
            "GROUP BY i.district, c.status ORDER BY i.district, c.status",
            params,
        )
        return [
            SummaryRow(district=r["district"], status=ClaimStatus(r["status"]), claims=r["n"],
                       requested=kopecks_to_money(r["req"]), approved=kopecks_to_money(r["appr"]),  # type: ignore[arg-type]
                       paid=kopecks_to_money(r["paid"]))  # type: ignore[arg-type]
            for r in found
        ]

    def districts_in_use(self) -> list[str]:
        # One index seek per district (a skip scan of incidents_district), not a pass over every
        # incident: the window asks after each save, and a million incidents have a few dozen.
        return [r["district"] for r in self._rows(
            "WITH RECURSIVE d(district) AS (SELECT MIN(district) FROM incidents UNION ALL "
            "SELECT (SELECT MIN(district) FROM incidents WHERE district > d.district) FROM d WHERE d.district IS NOT NULL) "
            "SELECT district FROM d WHERE district IS NOT NULL"
        )]

    def executors_in_use(self) -> list[str]:
        """The executors named on claims, each once, alphabetically (as the deadline report lists
        names not on the office's list). One seek per name along claims_executor (a skip scan of
        the index, only claims with an executor in it), never a pass over every claim."""
        found = [r["executor"] for r in self._rows(
            "WITH RECURSIVE e(executor) AS (SELECT MIN(executor) FROM claims WHERE executor IS NOT NULL UNION ALL "
            "SELECT (SELECT MIN(executor) FROM claims WHERE executor > e.executor) FROM e WHERE e.executor IS NOT NULL) "
            "SELECT executor FROM e WHERE executor IS NOT NULL"
        ) if r["executor"].strip()]
        return sorted(found, key=lambda name: (name.casefold(), name))

    def overview(self, today: date | None = None) -> Overview:
        by_status = {ClaimStatus(r["status"]): r["n"] for r in self._rows("SELECT status, COUNT(*) AS n FROM claims GROUP BY status")}
        sums = self._rows(
            "SELECT COALESCE(SUM(requested_kopecks),0) AS req, COALESCE(SUM(approved_kopecks),0) AS appr, "
            "COALESCE(SUM(paid_kopecks),0) AS paid FROM claims"
        )[0]
        return Overview(
            incidents=self._scalar("SELECT COUNT(*) FROM incidents"),
            vehicles=self._scalar("SELECT COUNT(*) FROM vehicles"),
            properties=self._scalar("SELECT COUNT(*) FROM properties"),
            claims_by_status=by_status,
            requested=kopecks_to_money(sums["req"]), approved=kopecks_to_money(sums["appr"]),
            paid=kopecks_to_money(sums["paid"]),
            overdue=self.count_claims(Filters(overdue_only=True), today),
        )

    # ---- export selection --------------------------------------------------------------------
    def export_selection(
        self, filters: Filters = NO_FILTERS, *, register: str | None = None, sort: str | None = None,
        descending: bool = False, today: date | None = None,
    ) -> tuple[list[Person], list[Incident], list[Claim]]:
        """Selected incidents and claims with every person and incident they refer to, sorted.

        With `register` ("incidents" or "claims"), what that register window shows: its rows under
        every filter it has (the search never cut), in its order for `sort` (`iter_*_rows`); with
        them the claims of those incidents (by incident, then filing date), or the incidents of those
        claims (in the order they first appear); people by name (everyone when nothing is filtered).
        """
        if register is not None:
            return self._register_selection(register, filters, sort, descending, today)
        selective = any([filters.date_from, filters.date_to, filters.districts, filters.status])
        if not selective:
            incident_ids = [r["id"] for r in self._rows("SELECT id FROM incidents")]
            claim_ids = [r["id"] for r in self._rows("SELECT id FROM claims")]
        else:
            where, params = queries.incident_where(Filters(date_from=filters.date_from, date_to=filters.date_to, districts=filters.districts))
            incident_ids = [] if filters.status else [r["id"] for r in self._rows(f"SELECT i.id FROM incidents i{where}", params)]
            # Claims of the selected incidents, narrowed to a claim status when one is given.
            claim_clause, claim_params = where, dict(params)
            if filters.status:
                claim_clause += (" AND " if where else " WHERE ") + "c.status = :claim_status"
                claim_params["claim_status"] = filters.status.value
            claim_ids = [r["id"] for r in self._rows(f"SELECT c.id {queries.CLAIM_FROM}{claim_clause}", claim_params)]
        claims = self.get_claims(claim_ids)
        incident_ids = sorted(set(incident_ids) | {c.incident_id for c in claims.values()})
        incidents = self.get_incidents(incident_ids)
        person_ids = {c.claimant_id for c in claims.values()}
        for inc in incidents.values():
            person_ids |= {v.owner_id for v in inc.vehicles if v.owner_id}
            person_ids |= {p.owner_id for p in inc.properties if p.owner_id}
        if not selective:
            person_ids |= {r["id"] for r in self._rows("SELECT id FROM people")}
        people = self.get_people(person_ids)
        return (
            sorted(people.values(), key=lambda p: (rows.sort_name(p.full_name), p.id)),
            sorted(incidents.values(), key=incident_file_order),
            sorted(claims.values(), key=claim_file_order),
        )

    def _register_selection(
        self, register: str, filters: Filters, sort: str | None, descending: bool, today: date | None,
    ) -> tuple[list[Person], list[Incident], list[Claim]]:
        if register == "claims":
            where, params = queries.claim_where(filters, today, cut_search=False)
            claim_ids = [r["id"] for r in self._rows(
                f"SELECT c.id {queries.CLAIM_FROM}{where}{queries.claim_order(sort, descending)}", params)]
            found = self.get_claims(claim_ids)
            claims = [found[i] for i in claim_ids if i in found]
            incident_ids = list(dict.fromkeys(c.incident_id for c in claims))
        elif register == "incidents":
            where, params = queries.incident_where(filters, cut_search=False)
            incident_ids = [r["id"] for r in self._rows(
                f"SELECT i.id FROM incidents i{where}{queries.incident_order(sort, descending)}", params)]
            place = {incident_id: n for n, incident_id in enumerate(incident_ids)}
            keyed: list[tuple[int, str, str, str]] = []  # (incident's place, filed on, number, id)
            for chunk in _chunks(incident_ids):
                keyed += [(place[r["incident_id"]], r["filed_on"], r["number"], r["id"]) for r in self._rows(
                    f"SELECT id, incident_id, filed_on, number FROM claims WHERE incident_id IN ({_marks(len(chunk))})",
                    chunk)]
            keyed.sort()
            found = self.get_claims(key[-1] for key in keyed)
            claims = [found[key[-1]] for key in keyed]
        else:
            raise ValueError(f"no register {register!r}")
        by_id = self.get_incidents(incident_ids)
        incidents = [by_id[i] for i in incident_ids if i in by_id]
        person_ids = {c.claimant_id for c in claims}
        for inc in incidents:
            person_ids |= {v.owner_id for v in inc.vehicles if v.owner_id}
            person_ids |= {p.owner_id for p in inc.properties if p.owner_id}
        if filters == NO_FILTERS:  # the whole log in the register's order: everyone, as an export of everything
            person_ids |= {r["id"] for r in self._rows("SELECT id FROM people")}
        people = self.get_people(person_ids)
        return sorted(people.values(), key=lambda p: (rows.sort_name(p.full_name), p.id)), incidents, claims

    # ---- attachments -------------------------------------------------------------------------
    # An attachment's bytes live in `blobs` only while some claim names them: they are written with
    # the claim that first names them and deleted (audited) with the last reference, in the same
    # transaction. There is no way to store bytes on their own.
    def _attachment_hashes(self, claim_ids: Sequence[str]) -> set[str]:
        out: set[str] = set()
        for chunk in _chunks(claim_ids):
            out |= {r[0] for r in self.db.conn.execute(
                f"SELECT sha256 FROM claim_attachments WHERE claim_id IN ({_marks(len(chunk))})", chunk)}
        return out

    def _drop_unreferenced_files(self, hashes: Iterable[str]) -> None:
        """Delete the bytes of these attachments that no claim names any more, each with an audit entry."""
        gone: list[tuple[str, int]] = []
        for chunk in _chunks(sorted(set(hashes))):
            gone += self.db.conn.execute(
                f"SELECT sha256, size FROM blobs WHERE sha256 IN ({_marks(len(chunk))}) AND NOT EXISTS "
                "(SELECT 1 FROM claim_attachments a WHERE a.sha256 = blobs.sha256)", chunk).fetchall()
        for chunk in _chunks([sha for sha, _size in gone]):
            self.db.conn.execute(f"DELETE FROM blobs WHERE sha256 IN ({_marks(len(chunk))})", chunk)
        self._audit([("delete", "attachment", sha, {"sha256": sha, "size": size}, None) for sha, size in gone])

    def blobs_present(self, hashes: Iterable[str]) -> set[str]:
        """Which of these attachment hashes the database holds the bytes of."""
        wanted = sorted(set(hashes))
        out: set[str] = set()
        for chunk in _chunks(wanted):
            out |= {r["sha256"] for r in self._rows(f"SELECT sha256 FROM blobs WHERE sha256 IN ({_marks(len(chunk))})", chunk)}
        return out

    def get_blob(self, sha256: str) -> bytes | None:
        return self._scalar("SELECT data FROM blobs WHERE sha256 = ?", [sha256])

    # ---- settings ----------------------------------------------------------------------------

    def get_setting(self, key: str) -> Any:
        raw = self._scalar("SELECT value FROM settings WHERE key = ?", [key])
        return _setting_value(key, raw) if raw is not None else None

    def set_setting(self, key: str, value: Any) -> None:
        old = self.get_setting(key)
        with self.transaction():
            self.db.conn.execute(
                "INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                [key, json.dumps(value, ensure_ascii=False)],
            )
            self._audit([("update" if old is not None else "create", "setting", key,
                          {"value": old} if old is not None else None, {"value": value})])

    def all_settings(self) -> dict[str, Any]:
        values = {r["key"]: _setting_value(r["key"], r["value"]) for r in self._rows("SELECT key, value FROM settings ORDER BY key")}
        return {key: value for key, value in values.items() if value is not None}

    def settings(self) -> OfficeSettings:
        return OfficeSettings.from_stored(self.all_settings())

    def required_documents(self) -> RequiredDocuments:
        return RequiredDocuments.from_setting(self.get_setting("required_documents"))

    # ---- audit -------------------------------------------------------------------------------
    def history(self, record_id: str) -> list[AuditEntry]:
        return [
            AuditEntry(at=r["at"], user=r["user"], action=r["action"], record_kind=r["record_kind"],
                       record_id=r["record_id"], old=audit.without_mark(json.loads(r["old"])) if r["old"] else None,
                       new=audit.without_mark(json.loads(r["new"])) if r["new"] else None, reason=r["reason"])
            for r in self._rows("SELECT * FROM audit WHERE record_id = ? ORDER BY id", [record_id])
        ]

    # ---- maintenance -------------------------------------------------------------------------
    def check(self, audit_trail: bool = True) -> list[str]:
        """Problems found (empty when the database is whole): integrity, foreign keys, schema, and
        (`audit_trail`) the audit chain and whether each record is as its last audit entry says."""
        problems: list[str] = []
        try:
            problems += self._integrity_problems()
            version = self._schema_version()
            if version != SCHEMA_VERSION:
                problems.append(Finding("schema_version", version=version, expected=SCHEMA_VERSION))
            orphans = self._scalar(
                "SELECT COUNT(*) FROM claim_items ci WHERE NOT EXISTS (SELECT 1 FROM vehicles v WHERE v.id = ci.item_id) "
                "AND NOT EXISTS (SELECT 1 FROM properties p WHERE p.id = ci.item_id)"
            )
            if orphans:
                problems.append(Finding("orphan_items", count=orphans))
            if audit_trail and version == SCHEMA_VERSION:
                problems += self.check_audit()
        except sqlite3.DatabaseError as e:
            problems.append(Finding("damaged", detail=str(e)))
        return problems

    def _integrity_problems(self) -> list[str]:
        """The file's own check: its pages and its foreign keys."""
        problems: list[str] = []
        integrity = [r[0] for r in self.db.conn.execute("PRAGMA integrity_check").fetchall()]
        if integrity != ["ok"]:
            problems += [Finding("integrity", detail=line) for line in integrity]
        for r in self.db.conn.execute("PRAGMA foreign_key_check").fetchall():
            problems.append(Finding("foreign_key", table=r[0], row=r[1], parent=r[2]))
        return problems

    def _schema_version(self) -> int:
        return int(self._scalar("PRAGMA user_version"))

    def _last_audit_number(self) -> int | None:
        """The largest audit entry number ever handed out (an entry deleted at the end shows against it)."""
        sequence = self.db.conn.execute("SELECT seq FROM sqlite_sequence WHERE name = 'audit'").fetchone()
        return sequence[0] if sequence else None

    def check_audit(self) -> list[str]:
        """The audit chain unbroken, and every record as its last audit entry says (one pass each)."""
        cursor = self.db.conn.execute(f"SELECT {', '.join(audit.COLUMNS)} FROM audit ORDER BY id")
        entries = (dict(zip(audit.COLUMNS, r, strict=True)) for r in cursor)
        problems = audit.verify_chain(entries, self._last_audit_number())
        return problems + self._check_states()

    def _replayed(self, record_id: str) -> dict[str, Any] | None:
        """A record as its audit entries leave it: its last whole state and the patches after it."""
        states = [(json.loads(r[0]) if r[0] else None, json.loads(r[1]) if r[1] else None) for r in self.db.conn.execute(
            "SELECT old, new FROM audit WHERE record_id = ? ORDER BY id", [record_id])]
        start = max((n for n, (_, new) in enumerate(states) if new is not None and not audit.is_patch(new)), default=None)
        if start is None:
            return None
        return audit.replay(states[start][1], states[start + 1:])  # type: ignore[arg-type]

    def audit_head(self) -> tuple[int, str, str] | None:
        """The chain head: the last audit entry's number, time and hash (None for an empty trail).

        Kept outside the database (written down, printed), it shows later whether the chain was
        rewritten: the entry with that number must still carry that hash.
        """
        found = self.db.conn.execute("SELECT id, at, hash FROM audit ORDER BY id DESC LIMIT 1").fetchone()
        return (found[0], found[1], found[2]) if found else None

    def _check_states(self) -> list[str]:
        """Records whose stored state is not what their last audit entry recorded (changed by hand)."""
        latest: dict[str, dict[str, tuple[int, str, str, str | None]]] = {}
        for kind, rid, entry, at, action, new in self.db.conn.execute(
            "SELECT a.record_kind, a.record_id, a.id, a.at, a.action, a.new FROM audit a "
            "JOIN (SELECT MAX(id) AS id FROM audit GROUP BY record_id) last ON last.id = a.id"
        ):
            latest.setdefault(kind, {})[rid] = (entry, at, action, new)
        problems: list[str] = []
        for kind, table, label, load, to_dict in (
            ("person", "people", "id", self.get_people, person_to_dict),
            ("incident", "incidents", "reference", self.get_incidents, incident_to_dict),
            ("claim", "claims", "number", self.get_claims, claim_to_dict),
        ):
            recorded = latest.get(kind, {})
            stored_ids = {r[0]: r[1] for r in self.db.conn.execute(f"SELECT id, {label} FROM {table}")}
            for rid, name in stored_ids.items():
                if rid not in recorded or recorded[rid][2] == "delete":
                    problems.append(Finding("record_added", kind=kind_words(kind), name=name))
            for rid, (entry, at, action, _new) in recorded.items():
                if action != "delete" and rid not in stored_ids:
                    problems.append(Finding("record_removed", kind=kind_words(kind), name=rid, entry=entry, at=at,
                                            action=action_words(action)))
            ids = sorted(rid for rid in stored_ids if rid in recorded and recorded[rid][2] != "delete")
            for chunk in _chunks(ids):
                for rid, record in load(chunk).items():
                    entry, at, _action, new = recorded[rid]
                    now = _AUDIT_JSON.encode(to_dict(record))
                    if now != new:
                        recorded_state = json.loads(new) if new else None
                        if audit.is_patch(recorded_state):  # the changes only: the whole from the entries before
                            recorded_state = self._replayed(rid)
                        field_name = audit.first_difference(json.loads(now), recorded_state)
                        if field_name:
                            problems.append(Finding("record_changed", kind=kind_words(kind), name=stored_ids[rid],
                                                    field=field_name, entry=entry, at=at))
        settings = latest.get("setting", {})
        for key, value in self.db.conn.execute("SELECT key, value FROM settings"):
            entry, stored = settings.get(key), _setting_value(key, value)
            if entry is None or entry[2] == "delete":
                problems.append(Finding("setting_added", key=key))
            elif entry[3] is None or stored != json.loads(entry[3]).get("value"):
                problems.append(Finding("setting_changed", key=key, entry=entry[0], at=entry[1]))
            if stored is None:
                problems.append(Finding("setting_unreadable", key=key))
        return problems

    def counts(self) -> dict[str, int]:
        return {t: self._scalar(f"SELECT COUNT(*) FROM {t}") for t in ("people", "incidents", "vehicles", "properties", "claims", "audit")}

    def backup(self, dest: Path, progress: Callable[[int, int], None] | None = None) -> Path:
        """A verified, consistent copy (see `maintenance.backup`, where backups and restore live)."""
        from .maintenance import backup

        return backup(self, dest, progress)

    @staticmethod
    def snapshot(source: Path, dest: Path) -> Path:
        """Copy a database file without opening it for writing (see `maintenance.snapshot`)."""
        from .maintenance import snapshot

        return snapshot(source, dest)


# An incident's fields that claim search documents repeat (see `search.claim_body`).
CLAIM_VISIBLE_PLACE = ("reference", "district", "settlement")


def _changed_parts(old: dict[str, Any], new: dict[str, Any]) -> tuple[set[int], int] | None:
    """Which of an incident's search documents its change rewrites, and how many it had: None for
    all of them (its own words changed), none when no searchable word changed."""
    (own_before, before), (own_after, after) = words_of(old), words_of(new)
    if own_before != own_after:
        return None
    return changed_parts(before, after)


def _as_patch(entry: tuple[Any, ...]) -> tuple[Any, ...]:
    halves = audit.incident_patch(entry[3], entry[4])
    return entry if halves is None else (*entry[:3], *halves, *entry[5:])


def _claim_visible_items(incident: dict[str, Any]) -> set[tuple[Any, ...]]:
    """(id, words) of each item as claim documents show it, from an incident's interchange form."""
    return ({(v.get("id"), v.get("make"), v.get("model"), v.get("plate"), v.get("vin")) for v in incident.get("vehicles", [])}
            | {(p.get("id"), p.get("description"), p.get("address")) for p in incident.get("properties", [])})


_OWNER = rows.VEHICLE_COLUMNS.index("owner_id")  # the same place in property rows
assert rows.PROPERTY_COLUMNS.index("owner_id") == _OWNER

# The first two columns are never NULL (id and kind, or parent id and position), so they sort.
_leading_key = itemgetter(0, 1)


def _claim_row(r: dict[str, Any]) -> ClaimRow:
    return ClaimRow(
        id=r["id"], number=r["number"], filed_on=date.fromisoformat(r["filed_on"]), claimant=r["claimant"],
        incident_reference=r["incident_reference"], district=r["district"], status=ClaimStatus(r["status"]),
        requested=kopecks_to_money(r["requested_kopecks"]), approved=kopecks_to_money(r["approved_kopecks"]),
        paid=kopecks_to_money(r["paid_kopecks"]), decided=bool(r["decided"]), decision_number=r["decision_number"],
        decision_date=date.fromisoformat(r["decision_date"]) if r["decision_date"] else None,
        due=date.fromisoformat(r["answer_due"]) if r["answer_due"] else None, executor=r["executor"],
        registered_on=_day(r["registered_on"]), extension_until=_day(r["extension_until"]),
        notice_sent_on=_day(r["notice_sent_on"]),
    )


def _day(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def _incident_report_row(r: dict[str, Any]) -> IncidentRow:
    sums = [k for k in (r["vehicles_kopecks"], r["properties_kopecks"]) if k is not None]
    return IncidentRow(
        id=r["id"], reference=r["reference"], occurred_at=datetime.fromisoformat(r["occurred_at"]),
        kind=IncidentKind(r["kind"]), region=r["region"], district=r["district"], location=r["location"],
        status=IncidentStatus(r["status"]), vehicles=r["vehicles"], properties=r["properties"], claims=r["claims"],
        estimated=kopecks_to_money(sum(sums)) if sums else None,
    )


def _add_docs_from_json(conn: sqlite3.Connection, records: str, bodies: str) -> None:
    """`Store._add_docs` in the writing thread, from JSON arrays of `[kind, record id]` and of the
    texts: FTS5 splits the words with the interpreter's lock released."""
    first = (conn.execute("SELECT MAX(doc) FROM search_docs").fetchone()[0] or 0) + 1
    conn.execute("INSERT INTO search_docs (doc, record_kind, record_id) "
                 f"SELECT ? + key, {bulk.json_value(0)}, {bulk.json_value(1)} FROM json_each(?)", [first, records])
    conn.execute("INSERT INTO search_index (rowid, body) SELECT ? + key, value FROM json_each(?)", [first, bodies])


__all__ = ["Store", "Change", "ChangeSet", "AuditEntry", "Overview", "DatabaseUnavailable", "RecordInUse"]
