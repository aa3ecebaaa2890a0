"""Full-text search documents and queries, folded for Russian (case-insensitive, ё = е).

Plates are indexed by every suffix in Cyrillic and in their Latin look-alikes (plates.index_forms),
so `a123bc`, `А123ВС` and `вс40` all find `А123ВС40` whichever keyboard layout the clerk had on.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Set
from dataclasses import dataclass

from ..domain.limits import MAX_SERIAL
from ..domain.models import Claim, Incident, PropertyItem, Vehicle
from ..domain.plates import index_forms
from ..domain.values import LOOK_ALIKES, SORT_DIGITS, clean_text, number_sort_key
from ..domain.words import number_lookups

_TOKEN = re.compile(r"\w+", re.UNICODE)
# A whole reference or claim number is also indexed as one word (`clm20260001`), so searching for
# CLM-2026-0001 finds that claim only, not every record with "2026" and a word starting "0001".
_WHOLE_REFERENCE = re.compile(r"\b(inc|clm)-([0-9]{4})-([0-9]+)\b")


def _joined_references(text: str) -> list[str]:
    """What `_WHOLE_REFERENCE.finditer` finds, tried only where `inc-` or `clm-` stands.

    Every match begins with one of them and holds no other (digits follow), and a match tried at a
    position still sees the character before it for `\b`; so this finds the same references in the
    same order, without running the pattern over each index word of each plate.
    """
    starts = []
    for word in ("inc-", "clm-"):  # neither can overlap itself, so each search goes on past the last
        at = text.find(word)
        while at != -1:
            starts.append(at)
            at = text.find(word, at + 4)
    if len(starts) > 1:
        starts.sort()
    found = []
    for at in starts:
        match = _WHOLE_REFERENCE.match(text, at)
        if match is not None:
            found.append("".join(match.groups()))
    return found


def fold(text: str) -> str:
    return text.casefold().replace("ё", "е")


def plate_forms(plate: str | None) -> list[str]:
    return index_forms(plate)


class PlateWords(dict[str | None, str]):
    """A plate's index words as one text (`plate_forms` joined by spaces; "" for no plate),
    each plate's made once: an operation's incident document and its claims' repeat every plate."""

    def __missing__(self, plate: str | None) -> str:
        text = self[plate] = " ".join(index_forms(plate))
        return text


def _join(parts: Iterable[str | None]) -> str:
    text = " ".join(filter(None, parts)).casefold().replace("ё", "е")  # `fold`, inline: once per document
    joined = _joined_references(text)
    return f"{text} {' '.join(joined)}" if joined else text


# An incident's words go into one search document per this many of its items (cars first, then
# property), each document with the incident's own words too: one car's colour changed in an
# incident of 20,000 cars rewrites one document of 500 cars, not all 20,000 cars' words. Words of
# cars in different documents do not find the incident together; its own words and one car's do.
PART_ITEMS = 500


def incident_parts(
    incident: Incident, names: Mapping[str, str], plates: PlateWords | None = None, only: Set[int] | None = None,
) -> list[str | None]:
    """The incident's own words: its place, its cars and property, their owners' names, in
    documents of `PART_ITEMS` items (one for an incident of up to 500). Not its claims' numbers:
    the incidents register reaches an incident through its claims' documents
    (`sqlite.queries.incident_search_hits`), so a new claim never rewrites these.

    `only`: the parts to make (the others are None: unchanged); `names`: full names by person id;
    `plates`: memoised by the caller for one operation."""
    plates = PlateWords() if plates is None else plates
    own: list[str | None] = [
        incident.reference, incident.region, incident.district, incident.settlement, incident.location,
        incident.description, incident.source,
    ]
    items = [*incident.vehicles, *incident.properties]
    name = names.get
    out: list[str | None] = []
    for start in range(0, max(len(items), 1), PART_ITEMS):
        if only is not None and len(out) not in only:
            out.append(None)
            continue
        parts = list(own)
        for item in items[start:start + PART_ITEMS]:  # a plate's words are one text: the same words, in the same places
            if isinstance(item, Vehicle):
                parts += (item.make, item.model, item.colour, plates[item.plate], item.vin, item.damage, name(item.owner_id))  # type: ignore[arg-type]
            else:
                parts += (item.description, item.address, item.damage, name(item.owner_id))  # type: ignore[arg-type, attr-defined]
        out.append(_join(parts))
    return out


def part_of(position: int) -> int:
    """The search document (part) of an incident's item at this position (cars first, then property)."""
    return position // PART_ITEMS


def claim_body(
    claim: Claim, incident: Incident | None, names: Mapping[str, str],
    items: Mapping[str, Vehicle | PropertyItem] | None = None, plates: PlateWords | None = None,
) -> str:
    """The claim's words: its own fields, its incident's place, and the claim's own items only.

    `items` (item id → item, built once per incident by the caller) saves walking the whole
    incident for each claim; without it the incident's lists are looked through.
    """
    plates = PlateWords() if plates is None else plates
    parts: list[str | None] = [claim.number, names.get(claim.claimant_id), claim.notes]
    if claim.decision:
        parts.append(claim.decision.number)
    if incident is not None:
        parts += (incident.reference, incident.district, incident.settlement)
        if items is None:
            items = incident.items_by_id()
        for item_id in claim.items:
            item = items.get(item_id)
            if isinstance(item, Vehicle):
                parts += (item.make, item.model, plates[item.plate], item.vin)
            elif item is not None:
                parts += (item.description, item.address)  # type: ignore[union-attr]
    return _join(parts)


@dataclass(frozen=True)
class ExactNumber:
    """The record numbers a search text names whole: a register lists the record whose own number
    it is first (`sqlite.queries.exact_first`), and always, even when a common search is cut.

    `keys`: `values.number_sort_key` of each form the text may stand for («З-2026-2», `clm-2026-0002`,
    Cyrillic С/М or a dash typed in `CLM-2026-0002`: all `CLM-2026-000000000002`), so a number is
    matched along the registers' number index, with or without the counter's zeros;
    `counter`: a bare counter («19999»), our numbers of that counter in every year of the series."""

    keys: tuple[str, ...]
    counter: int | None


_BARE_COUNTER = re.compile(r"[0-9]{1,9}")
NUMBER_CHARS = 100  # longer text is no number (a reference or claim number is far shorter)
_DIGIT = re.compile(r"[0-9]")


def exact_number(text: str | None) -> ExactNumber | None:
    """What a search text names as a whole number (None: it is words, or not one word with a digit)."""
    typed = clean_text(text)
    if typed is None or len(typed) > NUMBER_CHARS or any(ch.isspace() for ch in typed) or not _DIGIT.search(typed):
        return None
    keys: list[str] = []
    for form in number_lookups(typed) + number_lookups(typed.translate(LOOK_ALIKES)):
        head = form.rstrip("0123456789")
        if len(form) - len(head) <= SORT_DIGITS:  # a longer run is cut in the key: two numbers would share it
            keys.append(number_sort_key(form))  # type: ignore[arg-type]
    counter = int(typed) if _BARE_COUNTER.fullmatch(typed) and 0 < int(typed) < MAX_SERIAL else None
    if not keys and counter is None:
        return None
    return ExactNumber(tuple(dict.fromkeys(keys)), counter)


def match_expression(text: str) -> str | None:
    """Each word a prefix, all words required: `смирн а123` → `"смирн"* AND "а123"*`."""
    folded = fold(text)
    joined = _joined_references(folded)
    words = joined + _TOKEN.findall(_WHOLE_REFERENCE.sub(" ", folded))
    if not words:
        return None
    return " AND ".join(f'"{w}"*' for w in words)
