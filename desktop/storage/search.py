"""Full-text search documents and queries, folded for Russian (case-insensitive, ё = е).

Plates are indexed in Cyrillic and in their Latin look-alikes, so `a123bc` and `А123ВС` both
find `А123ВС40` whichever keyboard layout the clerk had on.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from ..domain.models import Claim, Incident
from ..domain.values import PLATE_CYRILLIC, PLATE_LATIN

_TO_LATIN = str.maketrans(PLATE_CYRILLIC, PLATE_LATIN)
_TOKEN = re.compile(r"\w+", re.UNICODE)
# A whole reference or claim number is also indexed as one word (`clm20260001`), so searching for
# CLM-2026-0001 finds that claim only, not every record with "2026" and a word starting "0001".
_WHOLE_REFERENCE = re.compile(r"\b(inc|clm)-([0-9]{4})-([0-9]+)\b")


def _joined_references(text: str) -> list[str]:
    return ["".join(m.groups()) for m in _WHOLE_REFERENCE.finditer(text)]


def fold(text: str) -> str:
    return text.casefold().replace("ё", "е")


def _plate_forms(plate: str | None) -> list[str]:
    if not plate:
        return []
    return [plate, plate.translate(_TO_LATIN)]


def _join(parts: Iterable[str | None]) -> str:
    text = fold(" ".join(p for p in parts if p))
    joined = _joined_references(text)
    return f"{text} {' '.join(joined)}" if joined else text


def incident_body(incident: Incident, name_of: Callable[[str | None], str | None], claim_numbers: Iterable[str]) -> str:
    parts: list[str | None] = [
        incident.reference, incident.region, incident.district, incident.settlement, incident.location,
        incident.description, incident.source,
    ]
    for v in incident.vehicles:
        parts += [v.make, v.model, v.colour, *_plate_forms(v.plate), v.vin, v.damage, name_of(v.owner_id)]
    for p in incident.properties:
        parts += [p.description, p.address, p.damage, name_of(p.owner_id)]
    parts += list(claim_numbers)
    return _join(parts)


def claim_body(claim: Claim, incident: Incident | None, name_of: Callable[[str | None], str | None]) -> str:
    parts: list[str | None] = [claim.number, name_of(claim.claimant_id), claim.notes]
    if claim.decision:
        parts.append(claim.decision.number)
    if incident is not None:
        parts += [incident.reference, incident.district, incident.settlement]
        wanted = set(claim.items)
        for v in incident.vehicles:
            if v.id in wanted:
                parts += [v.make, v.model, *_plate_forms(v.plate), v.vin]
        for p in incident.properties:
            if p.id in wanted:
                parts += [p.description, p.address]
    return _join(parts)


def match_expression(text: str) -> str | None:
    """Each word a prefix, all words required: `смирн а123` → `"смирн"* AND "а123"*`."""
    folded = fold(text)
    joined = _joined_references(folded)
    words = joined + _TOKEN.findall(_WHOLE_REFERENCE.sub(" ", folded))
    if not words:
        return None
    return " AND ".join(f'"{w}"*' for w in words)
