"""Full-text search documents and queries, folded for Russian (case-insensitive, ё = е).

Plates are indexed by every suffix in Cyrillic and in their Latin look-alikes (plates.index_forms),
so `a123bc`, `А123ВС` and `вс40` all find `А123ВС40` whichever keyboard layout the clerk had on.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping

from ..domain.models import Claim, Incident, PropertyItem, Vehicle
from ..domain.plates import index_forms

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


def _join(parts: Iterable[str | None]) -> str:
    text = fold(" ".join(filter(None, parts)))
    joined = _joined_references(text)
    return f"{text} {' '.join(joined)}" if joined else text


PlateForms = Callable[[str | None], list[str]]


def incident_body(
    incident: Incident, name_of: Callable[[str | None], str | None], claim_numbers: Iterable[str],
    forms: PlateForms | None = None,
) -> str:
    """`forms`: a plate's index words, memoised by the caller for one operation (claims repeat them)."""
    forms = forms or plate_forms
    parts: list[str | None] = [
        incident.reference, incident.region, incident.district, incident.settlement, incident.location,
        incident.description, incident.source,
    ]
    for v in incident.vehicles:
        parts += [v.make, v.model, v.colour, *forms(v.plate), v.vin, v.damage, name_of(v.owner_id)]
    for p in incident.properties:
        parts += [p.description, p.address, p.damage, name_of(p.owner_id)]
    parts += list(claim_numbers)
    return _join(parts)


def claim_body(
    claim: Claim, incident: Incident | None, name_of: Callable[[str | None], str | None],
    items: Mapping[str, Vehicle | PropertyItem] | None = None, forms: PlateForms | None = None,
) -> str:
    """The claim's words: its own fields, its incident's place, and the claim's own items only.

    `items` (item id → item, built once per incident by the caller) saves walking the whole
    incident for each claim; without it the incident's lists are looked through.
    """
    forms = forms or plate_forms
    parts: list[str | None] = [claim.number, name_of(claim.claimant_id), claim.notes]
    if claim.decision:
        parts.append(claim.decision.number)
    if incident is not None:
        parts += [incident.reference, incident.district, incident.settlement]
        if items is None:
            items = incident.items_by_id()
        for item_id in claim.items:
            item = items.get(item_id)
            if isinstance(item, Vehicle):
                parts += [item.make, item.model, *forms(item.plate), item.vin]
            elif item is not None:
                parts += [item.description, item.address]
    return _join(parts)


def match_expression(text: str) -> str | None:
    """Each word a prefix, all words required: `смирн а123` → `"смирн"* AND "а123"*`."""
    folded = fold(text)
    joined = _joined_references(folded)
    words = joined + _TOKEN.findall(_WHOLE_REFERENCE.sub(" ", folded))
    if not words:
        return None
    return " AND ".join(f'"{w}"*' for w in words)
