"""Bounds on what a record and an interchange file may hold: one table for the import, the forms and the spec.

A field's maximum length is generous for any real entry (a long damage description, a full postal
address) and small enough that reports lay it out and a hostile file cannot fill memory or the
database with one value. The spec's Limits table (docs/interchange.md) states the same numbers.
"""

from __future__ import annotations

import re

# Characters of text, per field, as `record.key` (the interchange's key names).
TEXT_LIMITS: dict[str, int] = {
    "source": 300,  # the file's top-level `source`: an office's name
    "person.full_name": 300,
    "person.id_document": 300,
    "person.address": 1000,
    "person.email": 254,  # RFC 5321's longest address
    "person.notes": 10_000,
    "incident.reference": 50,
    "incident.region": 200,
    "incident.district": 200,
    "incident.settlement": 200,
    "incident.location": 1000,
    "incident.description": 10_000,
    "incident.source": 1000,
    "vehicle.make": 100,
    "vehicle.model": 100,
    "vehicle.colour": 100,
    "vehicle.damage": 2000,
    "property.description": 1000,
    "property.address": 1000,
    "property.damage": 2000,
    "claim.number": 50,
    "claim.executor": 300,
    "claim.notes": 10_000,
    "document.note": 1000,
    "decision.number": 100,
    "decision.reason": 2000,
    "payment.reference": 100,
    "attachment.name": 255,
    "attachment.media_type": 100,
    "extension.reason": 2000,
    "inspection.number": 100,
    "inspection.members": 300,  # each member, «position, name»
    "inspection.findings": 10_000,
}


def text_limit(field: str) -> int:
    """The most characters FIELD (`person.full_name`) may hold; a KeyError names a field missing here."""
    return TEXT_LIMITS[field]


# The serial after the year in INC-YYYY-N / CLM-YYYY-N: at most nine digits, and a given number
# must leave room for the next one, so our own numbering never runs past the counter's end.
MAX_SERIAL = 999_999_999

# An interchange file, as `Import rules` 4 of the spec bounds it.
MAX_DEPTH = 64  # levels of nested objects and lists, the top-level object being the first
MAX_SAFE_INTEGER = 2**53  # integers beyond ±2^53 lose digits in JavaScript and spreadsheets
PACKAGE_BYTES = 2 * 1024**3  # a .zip unpacks to at most 2 GiB in all
DOCUMENT_BYTES = 128 * 1024**2  # the JSON document itself (plain or data.json): about 150,000 claims
PACKAGE_MEMBERS = 100_000  # files in a .zip: the document and one per attachment

# Control characters a text may not carry. Allowed: tab and the line breaks LF, CR, VT (Word's
# Shift+Enter), FF and NEL. Lone surrogates are not characters at all (no UTF-8 for them).
_FORBIDDEN = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f\ud800-\udfff]")


def forbidden_character(text: str) -> str | None:
    """The first character TEXT may not hold, or None."""
    match = _FORBIDDEN.search(text)
    return match.group() if match else None
