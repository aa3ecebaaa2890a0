"""Import: check the whole file first, then write all of it in one transaction or nothing.

Records are matched by id; an identical record is left alone, so importing a file twice
changes nothing the second time. A reference or claim number another record of the log has is an
error, or, when the clerk asks for renumbering (Import rules 2), replaced by the next free one of
ours (a record the log already has keeps its own), each replacement reported.
"""

from __future__ import annotations

import contextlib
import gc
from collections import Counter
from collections.abc import Callable, Iterator
from copy import deepcopy
from dataclasses import dataclass, field, replace
from datetime import datetime
from pathlib import Path
from typing import Any

from ..domain import crossrules
from ..domain.errors import FieldError, Problem, ValidationFailed, join_path
from ..domain.limits import text_limit
from ..domain.models import Claim, Incident, Person
from ..domain.parse import read_claim, read_incident, read_person, shown_key
from ..domain.rules import claim_problems, incident_date
from ..domain.serialize import claim_to_dict, incident_to_dict, person_to_dict
from ..domain.values import clean_text, numbering_overflows, parse_datetime, parse_uuid
from ..domain.words import RECORD_KINDS, Lang, normalise_lang, record_place, shown_number
from ..storage import Change, ChangeSet, LogStore
from .package import read_container

READ_VERSIONS = (1, 2)  # interchange.md: version 1 files simply lack the keys marked v2
TOP_KEYS = ("format", "version", "exported_at", "source", "people", "incidents", "claims")
KINDS = ("people", "incidents", "claims")


@dataclass
class Renumbered:
    """A reference or claim number of the file that another record of the log has, replaced by one of ours."""

    path: str  # the record in the file: `incidents[1]`, `claims[0]`
    given: str  # the file's reference or number
    record: Incident | Claim  # a new record gets its number when written; a stored one keeps its own

    @property
    def new(self) -> str | None:
        """Our number for it (None for a new record until the import is written)."""
        return self.record.reference if isinstance(self.record, Incident) else self.record.number

    def line(self, lang: str = "en") -> str:
        """«Происшествие №2: КАЛ-12 → П-2026-0043» (`Incident 2: КАЛ-12 → INC-2026-0043`): our numbers as the
        office shows them."""
        shown: Lang = normalise_lang(lang)
        return f"{record_place(self.path, shown)}: {shown_number(self.given, shown)} → {shown_number(self.new, shown) or '?'}"


RENUMBERED_REASON = ("renumbered on import: {given} is another record's in this log",
                     "перенумеровано при импорте: номер {given} в журнале уже занят")


@dataclass
class ImportReport:
    created: Counter = field(default_factory=Counter)
    updated: Counter = field(default_factory=Counter)
    unchanged: Counter = field(default_factory=Counter)
    renumbered: list[Renumbered] = field(default_factory=list)  # in the file's order, incidents first
    # Stored records whose number in the file is another record's: they keep the number an earlier
    # import gave them (a repeated `--renumber` of the same file), so nothing is replaced now.
    earlier: list[Renumbered] = field(default_factory=list)

    def lines(self, lang: str = "en") -> list[str]:
        """What the import did: the counts of each kind, then each number it replaced, then the
        file's numbers that stored records already have under ours."""
        return self.count_lines(lang) + self.renumbered_lines(lang) + self.earlier_lines(lang)

    def count_lines(self, lang: str = "en") -> list[str]:
        out = []
        for kind in KINDS:
            label = RECORD_KINDS[kind][1 if lang == "ru" else 0]  # «лица»: organisations are not «люди»
            if lang == "ru":
                out.append(f"{label}: создано {self.created[kind]}, обновлено {self.updated[kind]}, без изменений {self.unchanged[kind]}")
            else:
                out.append(f"{label}: {self.created[kind]} created, {self.updated[kind]} updated, {self.unchanged[kind]} unchanged")
        return out

    def renumbered_lines(self, lang: str = "en") -> list[str]:
        """«перенумеровано (номер в файле → наш): 2», then «Происшествие №2: КАЛ-12 → П-2026-0043» for each."""
        return _listed(self.renumbered, lang, ("renumbered", "перенумеровано"))

    def earlier_lines(self, lang: str = "en") -> list[str]:
        return _listed(self.earlier, lang, ("already in this log under a number of its own, kept",
                                            "уже в журнале, номер сохранён"))


def _listed(entries: list[Renumbered], lang: str, heading: tuple[str, str]) -> list[str]:
    """A heading with the count, then each record's line; nothing for none."""
    if not entries:
        return []
    en, ru = heading
    head = (f"{ru} (номер в файле → наш): {len(entries)}" if lang == "ru"
            else f"{en} (the file's number → ours): {len(entries)}")
    return [head] + [r.line(lang) for r in entries]


def load_package(path: Path) -> tuple[Any, dict[str, bytes] | None]:
    return read_container(Path(path))


def _check_top(document: Any, problems: list[Problem]) -> dict[str, Any]:
    if not isinstance(document, dict):
        problems.append(Problem("", FieldError("not_object")))
        return {}
    if document.get("format") != "incident-log":
        problems.append(Problem("format", FieldError("bad_format")))
    version = document.get("version")
    readable = ", ".join(str(v) for v in READ_VERSIONS)
    if isinstance(version, int) and not isinstance(version, bool) and version > max(READ_VERSIONS):
        raise ValidationFailed([Problem("version", FieldError("bad_version", got=version, readable=readable))])
    if version not in READ_VERSIONS or not isinstance(version, int) or isinstance(version, bool):
        problems.append(Problem("version", FieldError("not_one_of", choices=readable)))
    try:
        clean_text(document.get("source"), max_length=text_limit("source"))
    except FieldError as e:
        problems.append(Problem("source", e))
    for key in document:
        if key not in TOP_KEYS and key != "extra":
            problems.append(Problem(shown_key(key), FieldError("unknown_key")))
    if document.get("extra") is not None and not isinstance(document.get("extra"), dict):
        problems.append(Problem("extra", FieldError("not_object")))
    try:
        parse_datetime(document.get("exported_at"))
    except FieldError as e:
        problems.append(Problem("exported_at", e))
    for key in KINDS:
        value = document.get(key)
        if value is None:
            problems.append(Problem(key, FieldError("required")))
        elif not isinstance(value, list):
            problems.append(Problem(key, FieldError("not_list")))
    if version == 1 and not isinstance(version, bool):
        problems += _v2_keys_in_v1(_list(document, "claims"))
    return document


def _given(value: object) -> bool:
    """Not absent: `null` and a blank string are the same as an absent key (interchange.md), blank
    as `clean_text` reads it (a zero-width space too), so the check agrees with how the key is read."""
    return value is not None and not (isinstance(value, str) and clean_text(value) is None)


def _v2_keys_in_v1(claims: list[Any]) -> list[Problem]:
    """A version 1 file "simply lacks the keys marked v2" (interchange.md): one that has them is
    mislabelled, and its v2 facts would be read under v1's rule that their absence keeps the log's
    (`_keep_v2_facts`). Unknown keys are an error in a file, so these are too, with the way out."""
    problems: list[Problem] = []
    for n, claim in enumerate(claims):
        if not isinstance(claim, dict):
            continue
        path = join_path("claims", n)
        problems += [Problem(join_path(path, key), FieldError("v2_key_in_v1"))
                     for key in V2_CLAIM_KEYS if _given(claim.get(key))]
        decision = claim.get("decision")
        if isinstance(decision, dict) and _given(decision.get("notice_sent_on")):
            problems.append(Problem(join_path(path, "decision.notice_sent_on"), FieldError("v2_key_in_v1")))
    return problems


def _list(document: dict[str, Any], key: str) -> list[Any]:
    value = document.get(key)
    return value if isinstance(value, list) else []


def plan_import(
    store: LogStore, document: Any, blobs: dict[str, bytes] | None = None, now: datetime | None = None, *,
    renumber: bool = False, lang: str = "en",
) -> tuple[ChangeSet, ImportReport]:
    """Validate everything against the file and the database; raise `ValidationFailed` with all problems.

    `blobs` is None for a plain JSON file (attachments listed without bytes) and the package's
    files by sha256 for a .zip. With `renumber`, a reference or number another record has is no
    problem: a new record gets the next free one of ours when the changes are applied (the store's
    counters, never reused), listed in the report's `renumbered` (and its audit entry says so, in
    `lang`); a stored one keeps its own, listed in `earlier` (nothing is replaced for it now).
    """
    now = now or datetime.now().astimezone()
    package = blobs is not None
    blobs = blobs or {}
    problems: list[Problem] = []
    document = _check_top(document, problems)

    people: list[tuple[str, Person]] = []
    seen: dict[str, str] = {}
    for n, raw in enumerate(_list(document, "people")):
        path = join_path("people", n)
        person = read_person(raw, path, problems, now)
        if person is not None:
            if person.id in seen:
                problems.append(Problem(join_path(path, "id"), FieldError("duplicate_id", got=person.id)))
            seen[person.id] = path
            people.append((path, person))

    incidents: list[tuple[str, Incident]] = []
    item_paths: dict[str, tuple[str, str, int]] = {}  # item id → where it is; a path is only spelt out for a problem
    item_incident: dict[str, str] = {}  # item id → the file's incident listing it
    references: dict[str, str] = {}
    for n, raw in enumerate(_list(document, "incidents")):
        path = join_path("incidents", n)
        incident = read_incident(raw, path, problems, now)
        if incident is None:
            continue
        if incident.id in seen:
            problems.append(Problem(join_path(path, "id"), FieldError("duplicate_id", got=incident.id)))
        seen[incident.id] = path
        if incident.reference:
            if incident.reference in references:
                problems.append(Problem(join_path(path, "reference"), FieldError("duplicate_value", got=incident.reference)))
            references[incident.reference] = incident.id
        for kind, items in (("vehicles", incident.vehicles), ("properties", incident.properties)):
            for m, item in enumerate(items):
                if item.id is None:  # reported as required; an item without an id matches nothing stored
                    continue
                if item.id in item_paths and item_paths[item.id][0] != path:  # twins inside one incident: rules report them
                    problems.append(Problem(f"{path}.{kind}[{m}].id", FieldError("duplicate_id", got=item.id)))
                item_paths[item.id] = (path, kind, m)
                item_incident[item.id] = incident.id
        incidents.append((path, incident))

    file_incidents = {i.id: i for _, i in incidents}
    raw_claims = _list(document, "claims")
    # A stored incident is read with the items the file's claims name only: a claim added to an
    # incident of 20,000 cars is checked against its own cars, not all of them.
    wanted: set[str] = set()
    wanted_items: list[str] = []
    for c in raw_claims:
        if isinstance(c, dict):
            incident_id = _uuid_or_none(c.get("incident_id"))
            if incident_id and incident_id not in file_incidents:
                wanted.add(incident_id)
                items = c.get("items")
                if isinstance(items, list):  # as `read_claim` reads them (an upper-case id is the same id)
                    wanted_items += filter(None, map(_uuid_or_none, items))
    stored_for_claims = store.incidents_with_items(wanted, wanted_items) if wanted else {}

    def incident_of(incident_id: str) -> Incident | None:
        return file_incidents.get(incident_id) or stored_for_claims.get(incident_id)

    claims: list[tuple[str, Claim]] = []
    numbers: dict[str, str] = {}
    for n, raw in enumerate(raw_claims):
        path = join_path("claims", n)
        claim = read_claim(raw, path, problems, incident_of, now)
        if claim is None:
            continue
        if claim.id in seen:
            problems.append(Problem(join_path(path, "id"), FieldError("duplicate_id", got=claim.id)))
        seen[claim.id] = path
        if claim.number:
            if claim.number in numbers:
                problems.append(Problem(join_path(path, "number"), FieldError("duplicate_value", got=claim.number)))
            numbers[claim.number] = claim.id
        if incident_of(claim.incident_id) is None:  # the path is spelt out only for a problem
            problems += crossrules.unknown_incident(join_path(path, "incident_id"), None)
        claims.append((path, claim))

    # References to people: in the file or already in the database.
    file_people = {p.id for _, p in people}
    referenced: list[tuple[str, str, int | None, str]] = []  # (record path, list, index, person id)
    for path, incident in incidents:
        for kind, items in (("vehicles", incident.vehicles), ("properties", incident.properties)):
            for m, item in enumerate(items):
                if item.owner_id:
                    referenced.append((path, kind, m, item.owner_id))
    for path, claim in claims:
        referenced.append((path, "claimant_id", None, claim.claimant_id))
    stored_people = store.get_people(pid for *_, pid in referenced if pid not in file_people)
    known_people = file_people | set(stored_people)
    problems += crossrules.unknown_people(  # paths spelt out only for the unknown
        ((f"{path}.{kind}" if m is None else f"{path}.{kind}[{m}].owner_id", pid)
         for path, kind, m, pid in referenced if pid not in known_people),
        known_people)

    # Against the database: existing versions, moved or removed items, taken references.
    existing_people = store.get_people(p.id for _, p in people)
    existing_incidents = store.get_incidents(i.id for _, i in incidents)
    existing_claims = store.get_claims(c.id for _, c in claims)
    if document.get("version") == 1:
        for _, claim in claims:
            if claim.id in existing_claims:
                _keep_v2_facts(claim, existing_claims[claim.id], incident_of(claim.incident_id), now)
    # Taken references and numbers first: renumbered new records are numbered, and so counted below.
    renumbered: list[Renumbered] = []
    taken: list[Problem] = []  # reported after the items' problems, as before renumbering existed
    for attr, found, records in (
        ("reference", references, {i.id: i for _, i in incidents}),
        ("number", numbers, {c.id: c for _, c in claims}),
    ):
        holders = (store.incident_ids_by_reference if attr == "reference" else store.claim_ids_by_number)(found)
        wanted = [(seen[record_id], label, record_id) for label, record_id in found.items()]
        if not renumber:
            taken += crossrules.taken_references(((join_path(p, attr), v, r) for p, v, r in wanted), holders)
            continue
        for path, label, record_id in crossrules.clashing_references(wanted, holders):
            setattr(records[record_id], attr, None)  # `_diff` gives a stored record its own back; `apply` numbers a new one
            renumbered.append(Renumbered(path, label, records[record_id]))
    problems.extend(_numbering_problems(store, incidents, claims, existing_incidents, existing_claims))
    owners = store.item_owners(item_paths)
    problems += crossrules.moved_items(
        ((join_path("{}.{}[{}]".format(*item_paths[item_id]), "id"), item_id, item_incident[item_id]) for item_id in owners),
        owners)
    file_claim_items: dict[str, set[str]] | None = None  # made only for an incident already stored
    file_claim_ids = {c.id for _, c in claims}
    for path, incident in incidents:
        old = existing_incidents.get(incident.id)
        if old is None:
            continue
        if incident.occurred_at and old.occurred_at and incident_date(incident) > incident_date(old):
            # Moved to a later day: the log's claims of it that the file does not bring must still fit.
            problems += crossrules.claims_before_incident(
                join_path(path, "occurred_at"), store.claims_dated_before(incident.id, incident_date(incident)),
                file_claim_ids)
        if file_claim_items is None:
            file_claim_items = {c.id: set(c.items) for _, c in claims}
        problems += crossrules.claimed_items(
            path, store.claims_referring_to(old.item_ids() - incident.item_ids()),
            lambda claim_id, item_id, named=file_claim_items: claim_id not in named or item_id in named[claim_id],
            crossrules.item_labels(lambda stored=old: stored))
    problems += taken

    # Attachments: bytes from the package, or already in the database.
    needed = {a.sha256 for _, c in claims for a in c.attachments}
    new_blobs = {sha: blobs[sha] for sha in sorted(needed) if sha in blobs}  # a package reads only these
    if package:
        # A package promises the bytes: each attachment's file is in it (or already in the database).
        present = store.blobs_present(needed - set(blobs))
        for path, claim in claims:
            for n, attachment in enumerate(claim.attachments):
                where = f"{path}.attachments[{n}]"
                data = blobs.get(attachment.sha256)
                if data is None and attachment.sha256 not in present:
                    problems.append(Problem(where + ".sha256", FieldError("attachment_missing")))
                elif data is not None and attachment.size is not None and attachment.size != len(data):
                    problems.append(Problem(where + ".size", FieldError("attachment_size", got=len(data))))

    if problems:
        raise ValidationFailed(problems)

    stored = {*existing_incidents, *existing_claims}
    report = ImportReport(renumbered=[r for r in renumbered if r.record.id not in stored],
                          earlier=[r for r in renumbered if r.record.id in stored])
    en, ru = RENUMBERED_REASON
    reasons = {r.record.id: (ru if lang == "ru" else en).format(given=shown_number(r.given, normalise_lang(lang)))
               for r in report.renumbered}
    changes = ChangeSet(blobs=new_blobs)
    for kind, records, existing, to_dict, target in (
        ("people", [p for _, p in people], existing_people, person_to_dict, changes.people),
        ("incidents", [i for _, i in incidents], existing_incidents, incident_to_dict, changes.incidents),
        ("claims", [c for _, c in claims], existing_claims, claim_to_dict, changes.claims),
    ):
        _diff(kind, records, existing, to_dict, target, report, reasons)
    return changes, report


V2_CLAIM_KEYS = ("received_via", "registered_on", "executor", "extension", "inspection")


def _keep_v2_facts(claim: Claim, stored: Claim, incident: Incident | None, now: datetime) -> None:
    """A version 1 file cannot carry a claim's v2 facts (how it came, registration, executor,
    extension, inspection, the decision's notice date): where it lacks them, the log's are kept
    rather than erased by an office still writing version 1. Each is kept on its own, while the
    claim's rules still hold with the file's own dates (a v1 file that moved `filed_on` past the
    kept registration day loses that day, not the executor); the notice date only for the same
    decision (number and date), never for one the file made anew."""
    known = len(claim_problems(claim, incident, now))
    for key in V2_CLAIM_KEYS:
        if getattr(claim, key) is None and getattr(stored, key) is not None:
            known = _keep_if_rules_hold(claim, key, deepcopy(getattr(stored, key)), incident, now, known)
    decision, old = claim.decision, stored.decision
    if (decision is not None and old is not None and decision.notice_sent_on is None and old.notice_sent_on is not None
            and (decision.number, decision.date) == (old.number, old.date)):
        _keep_if_rules_hold(claim, "decision", replace(decision, notice_sent_on=old.notice_sent_on), incident, now, known)


def _keep_if_rules_hold(claim: Claim, key: str, value: object, incident: Incident | None, now: datetime, known: int) -> int:
    """Set KEY to VALUE unless it adds a problem to the claim; how many problems it has after."""
    before = getattr(claim, key)
    setattr(claim, key, value)
    found = len(claim_problems(claim, incident, now))
    if found > known:
        setattr(claim, key, before)
        return known
    return found


def _diff(
    kind: str, records: list[Any], existing: dict[str, Any], to_dict: Callable[[Any], dict], target: list[Change],
    report: ImportReport, reasons: dict[str, str],
) -> None:
    for record in records:
        old = existing.get(record.id)
        if old is None:
            target.append(Change(record, None, reasons.get(record.id)))
            report.created[kind] += 1
            continue
        # A stored record keeps its reference or number when the file has none.
        for attr in ("reference", "number"):
            if hasattr(record, attr) and getattr(record, attr) is None:
                setattr(record, attr, getattr(old, attr))
        old_dict = to_dict(old)
        if old_dict == to_dict(record):
            report.unchanged[kind] += 1
        else:
            target.append(Change(record, old_dict, reasons.get(record.id)))
            report.updated[kind] += 1


def _numbering_problems(
    store: LogStore, incidents: list[tuple[str, Incident]], claims: list[tuple[str, Claim]],
    existing_incidents: dict[str, Incident], existing_claims: dict[str, Claim],
) -> list[Problem]:
    """New records the import numbers must still get numbers below the counter's end (Import rules 4)."""
    pending_incidents = [(p, i.occurred_at.year) for p, i in incidents
                         if not i.reference and i.id not in existing_incidents and i.occurred_at]
    pending_claims = [(p, c.filed_on.year) for p, c in claims
                      if not c.number and c.id not in existing_claims and c.filed_on]
    if not pending_incidents and not pending_claims:
        return []
    counters = store.counters()
    # Records' paths, the field joined only for a problem (tens of thousands are pending in a big file).
    found = [(join_path(path, "reference"), error) for path, error in
             numbering_overflows("INC", (i.reference for _, i in incidents), pending_incidents, counters)]
    found += [(join_path(path, "number"), error) for path, error in
              numbering_overflows("CLM", (c.number for _, c in claims), pending_claims, counters)]
    return [Problem(path, error) for path, error in found]


def _uuid_or_none(value: object) -> str | None:
    try:
        return parse_uuid(value)
    except FieldError:
        return None


@contextlib.contextmanager
def _bulk() -> Iterator[None]:
    """Pause the cyclic garbage collector: an import allocates hundreds of thousands of acyclic
    objects, and collections triggered by that churn cost a fifth of the import's time.

    Leave it only once those objects are gone: the first allocation after `gc.enable()` collects
    every container allocated meanwhile that is still alive (70 ms for the records of 20,000 claims).
    Nested, the inner one leaves the collector paused."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def import_document(
    store: LogStore, document: Any, blobs: dict[str, bytes] | None = None, now: datetime | None = None, *,
    renumber: bool = False, lang: str = "en",
) -> ImportReport:
    """Check the whole document, then write all of it in one transaction (or raise, writing nothing).

    With `renumber`, taken references and numbers are replaced (`plan_import`); the report's
    `renumbered` then name our numbers, given as the changes were written."""
    with _bulk():
        return _import(store, document, blobs, now, renumber, lang)  # its records freed before the collector resumes


def _import(store: LogStore, document: Any, blobs: dict[str, bytes] | None, now: datetime | None, renumber: bool,
            lang: str) -> ImportReport:
    # Checked and written under one write lock, so nothing another clerk saves in between can
    # invalidate the checks (an item removed here while claimed there, a number taken twice).
    with store.transaction():
        changes, report = plan_import(store, document, blobs, now, renumber=renumber, lang=lang)
        if changes:
            store.apply(changes)
    return report


def import_file(
    store: LogStore, path: Path, now: datetime | None = None, *, renumber: bool = False, lang: str = "en",
) -> ImportReport:
    with _bulk():
        return _import_file(store, Path(path), now, renumber, lang)  # the document freed before the collector resumes


def _import_file(store: LogStore, path: Path, now: datetime | None, renumber: bool, lang: str) -> ImportReport:
    document, blobs = read_container(path)
    return import_document(store, document, blobs, now, renumber=renumber, lang=lang)
