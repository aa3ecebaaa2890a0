"""Filtered, sorted, paged SELECTs for the registers and reports; never the whole table."""

from __future__ import annotations

import re
from datetime import date
from functools import lru_cache
from typing import Any

from ...domain import deadlines, plates
from ...domain.enums import ClaimStatus
from ...domain.searching import search_phone
from ...domain.values import SORT_DIGITS
from ...domain.views import Filters
from ..interface import SEARCH_LIMIT
from ..search import ExactNumber, _joined_references, exact_number, fold
from .search_query import SEARCH_TEXT_CHARS, match_expression, search_query

# Each sort lists its columns; the rowid ends every one (INCIDENT_TIEBREAK), so the order is total
# and, where an index exists, it is the index's own order (incidents_district is (district,
# occurred_utc), and every SQLite index ends in the rowid): a page deep in a million incidents is
# then skipped along the index instead of sorting the whole table.
INCIDENT_SORT = {
    "reference": "i.reference_key",
    "occurred_at": "i.occurred_utc",
    "kind": "i.kind, i.occurred_utc",
    "region": "i.region",
    "district": "i.district, i.occurred_utc",
    "location": "i.location",
    "status": "i.status, i.occurred_utc",
}
INCIDENT_TIEBREAK = "i.rowid"

# Numbers as numbers (`values.number_sort_key`), then the number itself: the order is total.
CLAIM_TIEBREAK = "c.number_key, c.number"


def claim_status_rank(column: str = "c.status") -> str:
    """A claim's status as its place on the claim's path (`ClaimStatus`'s order), for sorting: not
    the codes' alphabet, which sorted «одобрено, выплачено, на рассмотрении» as approved, paid,
    under_review. Indexed as written here (`schema.m011_claim_status_order`)."""
    return f"CASE {column} " + " ".join(f"WHEN '{s.value}' THEN {n}" for n, s in enumerate(ClaimStatus)) + " END"


CLAIM_STATUS_ORDER = claim_status_rank()
CLAIM_SORT = {
    "number": CLAIM_TIEBREAK,
    "filed_on": "c.filed_on",
    "claimant": "p.sort_name",
    "incident_reference": "i.reference_key",
    "district": "i.district",
    "status": CLAIM_STATUS_ORDER,
    "requested": "c.requested_kopecks",
    "approved": "c.approved_kopecks",
    "paid": "c.paid_kopecks",
    "days_left": "c.answer_due",  # `deadlines.answer_due` of the row, stored with it
    "answer_due": "c.answer_due",
    "executor": "c.executor",
}

# Settled claims wait for no answer: never overdue, no days left (`deadlines.SETTLED`).
_SETTLED = ", ".join(f"'{s.value}'" for s in sorted(deadlines.SETTLED))


# A register search takes at most this many matches, the most recently recorded first: a word in
# nearly every record ("улица") would otherwise cost seconds per keystroke over a million records.
# The window says when a search was cut; reports pass `cut_search=False`.


def search_hits(kind: str, limit: int | None) -> str:
    cut = f" ORDER BY search_index.rowid DESC LIMIT {int(limit)}" if limit else ""
    return (
        "SELECT d.record_id FROM search_index JOIN search_docs d ON d.doc = search_index.rowid "
        f"WHERE search_index MATCH :match AND d.record_kind = '{kind}'{cut}"
    )


def latest_docs(limit: int) -> str:
    """The latest `limit` documents of any kind with every searched word: FTS5 walks its hits
    newest first and stops there, whatever the kinds of the hits it passes."""
    return f"SELECT rowid AS doc FROM search_index WHERE search_index MATCH :match ORDER BY rowid DESC LIMIT {int(limit)}"


def incident_search_hits(limit: int | None) -> str:
    """The incidents a register search finds: by their own documents, or through a claim of theirs.

    An incident's document holds its own words (place, cars, owners), not its claims' numbers: a
    new claim in an incident of 20,000 cars then writes its own document only. A claim's document
    holds its number, claimant, decision number, its incident's place and its own items, so the
    incidents register finds an incident by any of these through the claim (`decisions.md`).

    Cut (the window's search), the claims looked at are those among the latest `limit` documents
    of any kind: asking for the latest claims only would walk every incident with a common word
    (a word in every incident, none in a claim: all of a million hits) to find none.
    """
    if limit is None:
        through_claims = search_hits("claim", None)
    else:
        through_claims = (f"SELECT d.record_id FROM ({latest_docs(limit)}) AS latest "
                          "JOIN search_docs d ON d.doc = latest.doc WHERE d.record_kind = 'claim'")
    return (f"SELECT record_id FROM ({search_hits('incident', limit)}) AS incident_hits "
            f"UNION SELECT c.incident_id FROM claims c WHERE c.id IN ({through_claims})")


def _search_clause(kind: str, text: str | None, column: str, params: dict[str, Any], limit: int | None,
                   by_phone: str | None = None) -> str | None:
    """The full-text search, with the record whose own number the text is (`exact_hits`) however
    the search is cut; or, when the text is a whole phone number however typed, the records of the
    people with that phone (`by_phone`: SQL selecting them, with :phone)."""
    if by_phone is not None and _phone_params(text, params):
        return by_phone  # its digit groups as words would find house numbers and plates
    expression = match_expression(text)
    if expression is None:
        return None
    params["match"] = expression
    hits = incident_search_hits(limit) if kind == "incident" else search_hits(kind, limit)
    return f"{column} IN ({with_exact(hits, kind, text, params)})"


def with_exact(hits: str, kind: str, text: str | None, params: dict[str, Any]) -> str:
    """The search's `hits` and the records whose own number the text is (`exact_hits`)."""
    exact = exact_hits(kind, text, params)
    if exact is None:
        return hits
    if " UNION " not in hits:  # one SELECT, cut by its ORDER BY … LIMIT: a compound needs it inside
        hits = f"SELECT record_id FROM ({hits}) AS hits"
    return f"{hits} UNION {exact}"


# ---- a number searched whole: its record first ---------------------------------------------------
# A clerk searching «З-2026-0002» wants that claim, and ↓ Enter opens the first row: the claims of
# incident П-2026-0002 (whose documents hold "0002" too) must not come before it. The record whose
# own number the text is (`search.exact_number`: any form a number is typed in) is found along the
# number's index, added to the search's matches (even when a common search is cut) and listed
# first; the rest follow in the register's order. A bare counter («19999») names our numbers with
# that counter in each year of the series (the years in `counters`: a handful of index seeks).
_OWN_NUMBER = {"incident": ("incidents", "reference_key", "INC"), "claim": ("claims", "number_key", "CLM")}


def _exact(text: str | None) -> ExactNumber | None:
    """The number the text names whole; None for a phone number (looked up as a phone) or words."""
    if search_phone(text) is not None:
        return None
    return exact_number(text)


def _exact_tests(column: str, series: str, exact: ExactNumber) -> list[str]:
    """Conditions on a number's key `column`, each along its index, one of which the record's own
    number meets when it is the searched one (`exact_params` sets their parameters)."""
    tests = []
    if exact.keys:
        tests.append(f"{column} IN ({', '.join(f':exact_{n}' for n in range(len(exact.keys)))})")
    if exact.counter is not None:
        # The series as a literal: on a server `series` is compared by code point (COLLATE "C"),
        # and a key built from it could not be sought along the key's index.
        tests.append(f"{column} IN (SELECT '{series}-' || year || :exact_counter FROM counters WHERE series = '{series}')")
    return tests


def exact_params(text: str | None, params: dict[str, Any]) -> ExactNumber | None:
    exact = _exact(text)
    if exact is not None:
        for n, key in enumerate(exact.keys):
            params[f"exact_{n}"] = key
        if exact.counter is not None:
            params["exact_counter"] = f"-{exact.counter:0{SORT_DIGITS}d}"
    return exact


def exact_hits(kind: str, text: str | None, params: dict[str, Any]) -> str | None:
    """SQL selecting the ids of the records of `kind` whose own number is the searched text (each
    test a separate SELECT, so each is an index seek on either backend)."""
    exact = exact_params(text, params)
    if exact is None:
        return None
    table, column, series = _OWN_NUMBER[kind]
    return " UNION ".join(f"SELECT id FROM {table} WHERE {test}" for test in _exact_tests(column, series, exact))


def exact_test(kind: str, text: str | None, alias: str) -> str | None:
    """Whether the row `alias` of `kind` is one whose own number is the searched text (None: the
    text names no number); a condition on that row alone, for the order of the search's matches."""
    exact = _exact(text)
    if exact is None:
        return None
    _, column, series = _OWN_NUMBER[kind]
    return "(" + " OR ".join(_exact_tests(f"{alias}.{column}", series, exact)) + ")"


def exact_first(order: str, kind: str, text: str | None, alias: str) -> str:
    """`order` (an ORDER BY) with the records whose own number the text is before all others."""
    test = exact_test(kind, text, alias)
    if test is None:
        return order
    return order.replace(" ORDER BY ", f" ORDER BY CASE WHEN {test} THEN 0 ELSE 1 END, ", 1)


# People with a phone, through the index on people.phone: the number itself, or with an extension
# (`+74842552190;ext=12`; `;` sorts just before `<`, so the range holds only the extensions).
PHONE_PEOPLE = ("SELECT id FROM people WHERE phone = :phone "
                "OR (phone > :phone || ';' AND phone < :phone || '<')")


def _phone_params(text: str | None, params: dict[str, Any]) -> bool:
    phone = search_phone(text)
    if phone is None:
        return False
    params["phone"] = phone
    return True


def _districts(column: str, filters: Filters, clauses: list[str], params: dict[str, Any]) -> None:
    """Any of the chosen districts (none chosen: every district)."""
    if not filters.districts:
        return
    names = []
    for n, district in enumerate(dict.fromkeys(filters.districts)):
        params[f"district{n}"] = district
        names.append(f":district{n}")
    clauses.append(f"{column} = {names[0]}" if len(names) == 1 else f"{column} IN ({', '.join(names)})")


def _date_range(column: str, filters: Filters, clauses: list[str], params: dict[str, Any]) -> None:
    """FILTERS' --from/--to, both inclusive, on an ISO date column."""
    if filters.date_from:
        clauses.append(f"{column} >= :date_from")
        params["date_from"] = filters.date_from.isoformat()
    if filters.date_to:
        clauses.append(f"{column} <= :date_to")
        params["date_to"] = filters.date_to.isoformat()


def incident_where(filters: Filters, cut_search: bool = True) -> tuple[str, dict[str, Any]]:
    clauses: list[str] = []
    params: dict[str, Any] = {}
    _date_range("i.occurred_on", filters, clauses, params)
    _districts("i.district", filters, clauses, params)
    if filters.incident_status:
        clauses.append("i.status = :incident_status")
        params["incident_status"] = filters.incident_status.value
    if filters.incident_kind:
        clauses.append("i.kind = :incident_kind")
        params["incident_kind"] = filters.incident_kind.value
    if filters.status:
        clauses.append("EXISTS (SELECT 1 FROM claims c WHERE c.incident_id = i.id AND c.status = :status)")
        params["status"] = filters.status.value
    if filters.has_vehicles:
        clauses.append("EXISTS (SELECT 1 FROM vehicles v WHERE v.incident_id = i.id)")
    if filters.has_properties:
        clauses.append("EXISTS (SELECT 1 FROM properties pr WHERE pr.incident_id = i.id)")
    search = _search_clause("incident", filters.text, "i.id", params, SEARCH_LIMIT if cut_search else None,
                            by_phone=f"i.id IN ({PHONE_INCIDENTS})")
    if search:
        clauses.append(search)
    return (" WHERE " + " AND ".join(clauses)) if clauses else "", params


def claim_where(
    filters: Filters, today: date | None = None, cut_search: bool = True,
) -> tuple[str, dict[str, Any]]:
    clauses: list[str] = []
    params: dict[str, Any] = {}
    _date_range("c.filed_on", filters, clauses, params)
    _districts("i.district", filters, clauses, params)
    if filters.status:
        clauses.append("c.status = :status")
        params["status"] = filters.status.value
    if filters.executor:
        clauses.append("c.executor = :executor")
        params["executor"] = filters.executor
    if filters.incident_id:  # along claims_incident
        clauses.append("c.incident_id = :incident_id")
        params["incident_id"] = filters.incident_id
    if filters.overdue_only:  # `deadlines.is_overdue`: not settled, and its answer date (stored) is past
        clauses.append(f"c.status NOT IN ({_SETTLED}) AND c.answer_due < :today")
        params["today"] = (today or date.today()).isoformat()
    search = _search_clause("claim", filters.text, "c.id", params, SEARCH_LIMIT if cut_search else None,
                            by_phone=f"c.claimant_id IN ({PHONE_PEOPLE})")
    if search:
        clauses.append(search)
    return (" WHERE " + " AND ".join(clauses)) if clauses else "", params


# The incidents of the people with a phone: those where they own a vehicle or property, or filed a claim.
PHONE_INCIDENTS = (f"SELECT incident_id FROM vehicles WHERE owner_id IN ({PHONE_PEOPLE}) "
                   f"UNION SELECT incident_id FROM properties WHERE owner_id IN ({PHONE_PEOPLE}) "
                   f"UNION SELECT incident_id FROM claims WHERE claimant_id IN ({PHONE_PEOPLE})")


INCIDENT_ROW_SELECT = """
SELECT i.id, i.reference, i.occurred_at, i.kind, i.region, i.district, i.location, i.status,
  (SELECT COUNT(*) FROM vehicles v WHERE v.incident_id = i.id) AS vehicles,
  (SELECT COUNT(*) FROM properties pr WHERE pr.incident_id = i.id) AS properties,
  (SELECT COUNT(*) FROM claims c WHERE c.incident_id = i.id) AS claims
FROM incidents i
"""

# The printed incidents register's rows: the register's columns and the estimated damage of each
# incident's vehicles and property (each sum one seek along vehicles_incident / properties_incident).
INCIDENT_REPORT_SELECT = """
SELECT i.id, i.reference, i.occurred_at, i.kind, i.region, i.district, i.location, i.status,
  (SELECT COUNT(*) FROM vehicles v WHERE v.incident_id = i.id) AS vehicles,
  (SELECT COUNT(*) FROM properties pr WHERE pr.incident_id = i.id) AS properties,
  (SELECT COUNT(*) FROM claims c WHERE c.incident_id = i.id) AS claims,
  (SELECT SUM(v.estimated_kopecks) FROM vehicles v WHERE v.incident_id = i.id) AS vehicles_kopecks,
  (SELECT SUM(pr.estimated_kopecks) FROM properties pr WHERE pr.incident_id = i.id) AS properties_kopecks
FROM incidents i
"""

CLAIM_ROW_SELECT = f"""
SELECT c.id, c.number, c.filed_on, p.full_name AS claimant, i.reference AS incident_reference, i.district,
  c.status, c.requested_kopecks, c.approved_kopecks, c.paid_kopecks,
  c.status IN ({_SETTLED}) AS decided, c.decision_number, c.decision_date, c.answer_due, c.executor,
  c.registered_on, c.extension_until, c.decision_notice_sent_on AS notice_sent_on
FROM claims c JOIN incidents i ON i.id = c.incident_id JOIN people p ON p.id = c.claimant_id
"""

CLAIM_FROM = "FROM claims c JOIN incidents i ON i.id = c.incident_id JOIN people p ON p.id = c.claimant_id"


def claim_count_from(filters: Filters) -> str:
    """What counting claims must read: the incidents only to filter by district, people never (every
    claim has its incident and claimant), so the register's count at start is one pass over claims."""
    return "FROM claims c JOIN incidents i ON i.id = c.incident_id" if filters.districts else "FROM claims c"


def page(alias: str, source: str, order: str, row_select: str) -> str:
    """A register's page: the rowids first (skipped along an index where the sort has one), then
    `row_select`'s columns and counts for those rows only, so a sort without an index orders
    narrow rows and nothing is counted for the rows it skips. `source` is FROM, joins and WHERE."""
    return (f"WITH page AS MATERIALIZED (SELECT {alias}.rowid AS r {source}{order} LIMIT :limit OFFSET :offset)"
            f"{row_select} JOIN page ON page.r = {alias}.rowid{order}")


def position(alias: str, source: str, order: str) -> str:
    """The row number (from 0) of the record `:record_id` in a register's `order` over `source`
    (its FROM, joins and WHERE): one pass over the filtered rows, no row data read."""
    return f"SELECT n - 1 FROM (SELECT {alias}.id, ROW_NUMBER() OVER ({order.strip()}) AS n {source}) AS ranked WHERE id = :record_id"


def claim_order(sort: str | None, descending: bool) -> str:
    """The claims register's order; without a sort, by filing date then number (the printed register's)."""
    if sort is None:
        return " ORDER BY c.filed_on, c.number_key, c.number"
    return order_by(CLAIM_SORT, sort, descending, CLAIM_TIEBREAK)


def incident_order(sort: str | None, descending: bool) -> str:
    """The incidents register's order; without a sort, by date, the earliest first (the printed register's)."""
    return order_by(INCIDENT_SORT, sort or "occurred_at", descending if sort else False, INCIDENT_TIEBREAK)


def order_by(sort: dict[str, str], key: str | None, descending: bool, tiebreak: str) -> str:
    columns = sort.get(key or "", tiebreak).split(", ")
    columns += [c for c in tiebreak.split(", ") if c not in columns]
    direction = "DESC" if descending else "ASC"
    return " ORDER BY " + ", ".join(f"{column} {direction}" for column in columns)


# ---- the vehicles register ---------------------------------------------------------------------
# Each sort is an index's order: vehicles_plate for the plate; for the incident's columns the
# incidents are walked along their own index and each one's vehicles found by vehicles_incident,
# so only one incident's cars are ever sorted by themselves (their rowid: the order they were typed).
VEHICLE_SORT = {
    "plate": "v.plate",
    "occurred_at": "i.occurred_utc, i.rowid",
    "incident_reference": "i.reference_key",
    "district": "i.district, i.occurred_utc, i.rowid",
}
VEHICLE_TIEBREAK = "v.rowid"


def vehicle_order(sort: str | None, descending: bool) -> str:
    """The register's order; one incident's cars always in the order they were typed."""
    if sort == "plate":
        return order_by(VEHICLE_SORT, sort, descending, VEHICLE_TIEBREAK)
    direction = "DESC" if descending else "ASC"
    columns = VEHICLE_SORT.get(sort or "", VEHICLE_SORT["occurred_at"]).split(", ")
    if "i.rowid" not in columns:
        columns.append("i.rowid")
    return " ORDER BY " + ", ".join(f"{c} {direction}" for c in columns) + ", v.position, v.rowid"

VEHICLE_FROM = ("FROM vehicles v JOIN incidents i ON i.id = v.incident_id "
                "LEFT JOIN people p ON p.id = v.owner_id")
# Incidents first (CROSS JOIN fixes SQLite's join order): along their date or district index, or
# only those the search or a filter selects; then each one's cars. Without it the planner may walk
# every car and sort them all for one page.
VEHICLE_FROM_INCIDENTS = "FROM incidents i CROSS JOIN vehicles v ON v.incident_id = i.id"
OWNER_JOIN = " LEFT JOIN people p ON p.id = v.owner_id"  # only the search reads the owner's name


def vehicle_from(filters: Filters, sort: str | None) -> str:
    """Cars first only to list every car by plate (along vehicles_plate); incidents first otherwise."""
    if not (filters.date_from or filters.date_to or filters.districts or filters.text):
        # Every car has its incident (NOT NULL, a foreign key): by plate, the cars alone, along vehicles_plate.
        return "FROM vehicles v" if sort == "plate" else VEHICLE_FROM_INCIDENTS
    return VEHICLE_FROM_INCIDENTS + (OWNER_JOIN if filters.text else "")

VEHICLE_ROW_SELECT = """
SELECT v.id, v.incident_id, i.reference AS incident_reference, i.occurred_at, i.district, v.plate, v.make,
  v.model, v.colour, v.vin, v.owner_id, p.full_name AS owner, v.estimated_kopecks,
  (SELECT COUNT(*) FROM claim_items ci WHERE ci.item_id = v.id) AS claims
"""

# The SQL function (registered by the store on its connection) that says whether a vehicle itself
# has every searched word: the incident's search document matched them all, but they may belong
# to another car of the same incident.
ITEM_WORDS_FUNCTION = "incident_log_item_has_words"


def vehicle_where(filters: Filters, cut_search: bool = True) -> tuple[str, dict[str, Any]]:
    """The incident's date and district, and the search: the cars of the incidents the full-text
    index finds (the latest SEARCH_LIMIT), each checked for every word itself, and every car of
    the incident whose own number the text is (`exact_hits`, listed first by `exact_first`); or,
    for a whole phone number however typed, the cars of the people with that phone. The owner is
    `p` (joined by `vehicle_from` when there is a search)."""
    clauses: list[str] = []
    params: dict[str, Any] = {}
    _date_range("i.occurred_on", filters, clauses, params)
    _districts("i.district", filters, clauses, params)
    if _phone_params(filters.text, params):  # a whole phone number: the cars of the people with it
        clauses.append(f"v.owner_id IN ({PHONE_PEOPLE})")
        clauses.append(f"i.id IN (SELECT incident_id FROM vehicles WHERE owner_id IN ({PHONE_PEOPLE}))")
        return " WHERE " + " AND ".join(clauses), params
    query = search_query(filters.text)
    if query.expression is not None:
        params["match"] = query.expression
        params["words"] = WORD_SEPARATOR.join(query.words)
        hits = search_hits("incident", SEARCH_LIMIT if cut_search else None)
        clauses.append(f"i.id IN ({with_exact(hits, 'incident', filters.text, params)})")
        item_words = (
            f"{ITEM_WORDS_FUNCTION}(:words, v.plate, "
            "ifnull(v.make, '') || ' ' || ifnull(v.model, '') || ' ' || ifnull(v.colour, '') || ' ' || "
            "ifnull(v.vin, '') || ' ' || ifnull(v.damage, '') || ' ' || ifnull(p.full_name, ''), "
            "i.reference || ' ' || i.region || ' ' || i.district || ' ' || ifnull(i.settlement, '') || ' ' || "
            "i.location || ' ' || ifnull(i.description, '') || ' ' || ifnull(i.source, ''))"
        )
        own = exact_test("incident", filters.text, "i")  # the cars of the incident whose number it is: every one
        clauses.append(f"({item_words} OR {own})" if own else item_words)
    return (" WHERE " + " AND ".join(clauses)) if clauses else "", params


def vehicle_count_from(filters: Filters) -> str:
    """Counting every vehicle reads the vehicles only; a filter or search needs their incidents."""
    return vehicle_from(filters, None) if filters.date_from or filters.date_to or filters.districts or filters.text \
        else "FROM vehicles v"


WORD_SEPARATOR = "\x1f"


@lru_cache(maxsize=256)
def _word_start(word: str) -> re.Pattern[str]:
    """Where `word` begins a word of a folded text (a joined reference `inc20260001` is matched whole)."""
    return re.compile(r"(?<!\w)" + re.escape(word))


@lru_cache(maxsize=256)
def _plate_parts(word: str) -> tuple[str, ...]:
    return tuple(plates.search_forms(word))


def _has_word(word: str, text: str) -> bool:
    if _word_start(word).search(text):
        return True
    # `inc20260001`: a reference typed whole, as the index also holds it (search._joined_references)
    return word.startswith(("inc", "clm")) and any(w.startswith(word) for w in _joined_references(text))


def item_has_words(words: str, plate: str | None, item_text: str, incident_text: str) -> bool:
    """Every searched word begins a word of the item's own text or of its incident's, or is a part
    of its plate on either keyboard: as the full-text index reads them (the plate's index words are
    all its suffixes, so a word that begins one of them is a part of the plate)."""
    place = fold(incident_text or "")
    own: str | None = None
    for word in words.split(WORD_SEPARATOR):
        if _has_word(word, place):
            continue
        if plate and any(part in plate for part in _plate_parts(word)):
            continue
        if own is None:
            own = fold(item_text or "")
        if not _has_word(word, own):
            return False
    return True


# ---- the people register -----------------------------------------------------------------------
PERSON_SORT = {"full_name": "p.sort_name"}
PERSON_TIEBREAK = "p.rowid"

PERSON_ROW_SELECT = """
SELECT p.id, p.kind, p.full_name, p.birth_date, p.phone, p.inn, p.address,
  (SELECT COUNT(*) FROM vehicles v WHERE v.owner_id = p.id) AS vehicles,
  (SELECT COUNT(*) FROM properties pr WHERE pr.owner_id = p.id) AS properties,
  (SELECT COUNT(*) FROM claims c WHERE c.claimant_id = p.id) AS claims
FROM people p
"""

_INN = re.compile(r"[0-9]{10}|[0-9]{12}")


def person_where(filters: Filters) -> tuple[str, dict[str, Any]]:
    """A name by its beginning (`смирнова а`), an organisation or an entrepreneur by any part of
    the name (it may start with its legal form, «ИП», and a quote), a whole phone however typed, an
    INN; each through an index (people_sort_name, people_organisations, people_entrepreneurs,
    people_phone, people_inn)."""
    text = " ".join((filters.text or "").replace("\x00", "").split())[:SEARCH_TEXT_CHARS]
    if not text:
        return "", {}
    prefix = fold(text)
    params: dict[str, Any] = {"prefix": prefix, "prefix_end": prefix[:-1] + chr(ord(prefix[-1]) + 1)}
    found = ["SELECT rowid FROM people WHERE sort_name >= :prefix AND sort_name < :prefix_end",
             "SELECT rowid FROM people WHERE kind = 'organisation' AND instr(sort_name, :prefix) > 0",
             "SELECT rowid FROM people WHERE kind = 'entrepreneur' AND instr(sort_name, :prefix) > 0"]
    if _phone_params(text, params):
        found.append("SELECT rowid" + PHONE_PEOPLE.removeprefix("SELECT id"))
    digits = text.replace(" ", "")
    if _INN.fullmatch(digits):
        params["inn"] = digits
        found.append("SELECT rowid FROM people WHERE inn = :inn")
    return f" WHERE p.rowid IN ({' UNION ALL '.join(found)})", params
