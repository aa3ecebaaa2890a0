"""`copy-to`: the whole log into an empty one on another backend, verified (an office moving to a
server, and back; a server log's backup as a SQLite file).

Records are read and written through each backend's own row mapping (`rows.py`), in chunks, so
the cost grows with the log and memory with a chunk; the audit trail is copied entry for entry
(its hash chain is the original's, not a new history), with the counters and settings; attachments'
bytes move with their hashes; the search documents are rebuilt on the target by its own indexer.
Everything is written in one transaction of the target: a copy that fails leaves it empty.
It is then verified: every table's count, the target's own check (integrity, the audit chain, each
record as its last audit entry says) and the two exports compared, document for document.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from typing import Any

from . import rows
from .errors import DatabaseUnavailable, Trouble
from .findings import Finding, first_findings
from .interface import LogStore
from .location import Location

CHUNK = 500


class CopyRefused(Exception):
    """The target is not empty, or is the source itself: nothing was written."""

    def __init__(self, en: str, ru: str) -> None:
        self.en, self.ru = en, ru
        super().__init__(en)

    def text(self, lang: str = "en") -> str:
        return self.ru if lang == "ru" else self.en


def _ids(store: Any, table: str) -> list[str]:
    return [r["id"] for r in store._rows(f"SELECT id FROM {table} ORDER BY id")]


def _chunks(items: Sequence[str]) -> Iterator[Sequence[str]]:
    for start in range(0, len(items), CHUNK):
        yield items[start:start + CHUNK]


def open_target(target: Location) -> LogStore:
    """The target log, which must be new: no records, no audit entries, no settings."""
    from . import open_store

    if target.path is not None and target.path.exists() and target.path.stat().st_size > 0:
        raise CopyRefused(f"{target.shown()} already exists; copy-to writes a new file only",
                          f"{target.shown()} уже существует; copy-to создаёт только новый файл")
    store = open_store(target)
    if any(store.counts().values()) or store.all_settings():
        store.close()
        raise CopyRefused(f"{target.shown()} is not empty; copy-to writes into an empty log only",
                          f"{target.shown()} не пуст; copy-to записывает только в пустой журнал")
    return store


def copy_log(source: Any, target_location: Location, progress: Callable[[str], None] | None = None, *,
             check: bool = True) -> dict[str, int]:
    """Copy SOURCE (an open store) into the new log at TARGET_LOCATION, verify it, return its counts.

    `check`: the original checked first (and the copy after): one that fails its check (an audit
    entry edited by hand) is named and nothing is written; its copy would fail the same check,
    blamed on the copy. A restore keeps the log it replaces with `check=False`: whatever its state."""
    say = progress or (lambda _step: None)
    if target_location.target == source.location.target:
        raise CopyRefused("the target is the log itself", "место назначения совпадает с самим журналом")
    if check:
        problems = source.check()
        if problems:
            raise DatabaseUnavailable(Trouble.DAMAGED, source.location.shown(), first_findings(problems))
    new_file = target_location.path if target_location.path is not None and not target_location.path.exists() else None
    target: Any = open_target(target_location)
    try:
        with target.transaction():
            _copy_records(source, target, say)
        counts = verify(source, target, check=check)
    except BaseException:
        target.close()
        if new_file is not None:  # a file this copy made: no half copy is left under its name
            from ..files import remove_with_side_files

            remove_with_side_files(new_file)
        raise
    target.close()
    return counts


# A server log's tables, emptied by a restore in the transaction that fills them again.
LOG_TABLES = ("claim_attachments", "claim_documents", "claim_items", "claims", "vehicles", "properties", "incidents",
              "people", "blobs", "settings", "counters", "audit", "search_index", "search_docs")


def replace_log(backup: Any, target: Any, progress: Callable[[str], None] | None = None) -> dict[str, int]:
    """Put the log of BACKUP (an open store of a checked backup file) in place of everything in
    TARGET (an open server log), verified, in one transaction: a failure leaves TARGET as it was.
    Other clerks wait for it (the tables are locked while it runs); their windows then re-read."""
    say = progress or (lambda _step: None)
    with target.transaction():
        target.db.conn.execute(f"TRUNCATE {', '.join(LOG_TABLES)}")
        _copy_records(backup, target, say)
        return verify(backup, target)


def _copy_records(source: Any, target: Any, say: Callable[[str], None]) -> None:
    """Every record, file, setting, counter and audit entry of SOURCE into TARGET (empty, in its
    transaction), and TARGET's own search documents for them."""
    say("people")
    for chunk in _chunks(_ids(source, "people")):
        target._insert("people", [rows.person_row(p) for p in source.get_people(chunk).values()])
    say("incidents")
    for chunk in _chunks(_ids(source, "incidents")):
        incidents = list(source.get_incidents(chunk).values())
        target._insert("incidents", [rows.incident_row(i) for i in incidents])
        target._insert("vehicles", [rows.vehicle_row(v, i.id, n) for i in incidents for n, v in enumerate(i.vehicles)])
        target._insert("properties", [rows.property_row(p, i.id, n) for i in incidents for n, p in enumerate(i.properties)])
    say("claims")
    claim_ids = _ids(source, "claims")
    for chunk in _chunks(claim_ids):
        claims = list(source.get_claims(chunk).values())
        target._insert("claims", [rows.claim_row(c) for c in claims])
        target._insert("claim_items", [{"claim_id": c.id, "position": n, "item_id": item}
                                       for c in claims for n, item in enumerate(c.items)])
        target._insert("claim_documents", [rows.document_row(d, c.id, n) for c in claims for n, d in enumerate(c.documents)])
        target._insert("claim_attachments", [rows.attachment_row(a, c.id, n)
                                             for c in claims for n, a in enumerate(c.attachments)])
    say("attachments")
    hashes = [r["sha256"] for r in source._rows("SELECT sha256 FROM blobs ORDER BY sha256")]
    for sha in hashes:
        data = source.get_blob(sha)
        target.db.conn.execute("INSERT INTO blobs (sha256, size, data) VALUES (?, ?, ?)", [sha, len(data), data])
    say("settings")
    for r in source._rows("SELECT key, value FROM settings ORDER BY key"):
        target.db.conn.execute("INSERT INTO settings (key, value) VALUES (?, ?)", [r["key"], r["value"]])
    say("counters")
    for (series, year), last in source.counters().items():
        target.db.conn.execute("INSERT INTO counters (series, year, last) VALUES (?, ?, ?)", [series, year, last])
    say("audit")
    _copy_audit(source, target)
    say("search")
    for chunk in _chunks(_ids(target, "incidents")):
        target._reindex(chunk, [])
    for chunk in _chunks(claim_ids):
        target._reindex([], chunk)


def _copy_audit(source: Any, target: Any) -> None:
    from . import audit

    columns = audit.COLUMNS
    cursor = source.db.conn.execute(f"SELECT {', '.join(columns)} FROM audit ORDER BY id")
    last = 0
    while batch := cursor.fetchmany(CHUNK):
        target.db.conn.executemany(
            f"INSERT INTO audit ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})", batch)
        last = batch[-1][0]
    if last and target.location.is_server:  # the server numbers its entries by this counter
        target.db.conn.execute("INSERT INTO counters (series, year, last) VALUES ('AUDIT', 0, ?) "
                               "ON CONFLICT(series, year) DO UPDATE SET last = excluded.last", [last])


def verify(source: Any, target: Any, *, check: bool = True) -> dict[str, int]:
    """The copy as whole as the original: counts, the target's check (`check`), and every record the same."""
    from ..domain.serialize import claim_to_dict, incident_to_dict, person_to_dict

    counts = target.counts()
    if counts != source.counts():
        raise DatabaseUnavailable(Trouble.DAMAGED, target.location.shown(),
                                  Finding("copy_counts", copy=counts, original=source.counts()))
    problems = target.check() if check else []
    if problems:
        raise DatabaseUnavailable(Trouble.DAMAGED, target.location.shown(), first_findings(problems))
    for table, load, to_dict in (("people", "get_people", person_to_dict), ("incidents", "get_incidents", incident_to_dict),
                                 ("claims", "get_claims", claim_to_dict)):
        for chunk in _chunks(_ids(source, table)):
            mine, theirs = getattr(source, load)(chunk), getattr(target, load)(chunk)
            for record_id, record in mine.items():
                other = theirs.get(record_id)
                if other is None or to_dict(other) != to_dict(record) or other.version != record.version:
                    raise DatabaseUnavailable(Trouble.DAMAGED, target.location.shown(),
                                              Finding("copy_differs", table=table, record=record_id))
    if source.all_settings() != target.all_settings() or source.counters() != target.counters():
        raise DatabaseUnavailable(Trouble.DAMAGED, target.location.shown(), Finding("copy_settings"))
    return counts

