"""Vehicle registration plates (interchange.md, **Plates**).

A plate whose letters are all among the twelve Cyrillic letters Russian plates use (А В Е К М Н
О Р С Т У Х) or their Latin look-alikes, and whose shape is one of the GOST R 50577 kinds below,
is Russian and stored in Cyrillic whichever keyboard typed it. Any other Cyrillic letter is
refused; Cyrillic and Latin are never stored mixed; anything else (a foreign or diplomatic
plate) keeps its letters as written. Search finds a plate by any part of it typed on either
keyboard: `search_forms` gives a typed part in both scripts and `index_forms` what to index.
"""

from __future__ import annotations

import re
from enum import StrEnum

from .errors import FieldError

# Russian plates use only these twelve letters, each with a Latin look-alike at the same place.
PLATE_CYRILLIC = "АВЕКМНОРСТУХ"
PLATE_LATIN = "ABEKMHOPCTYX"
_TO_CYRILLIC = str.maketrans(PLATE_LATIN, PLATE_CYRILLIC)
_TO_LATIN = str.maketrans(PLATE_CYRILLIC, PLATE_LATIN)
MAX_LENGTH = 12

_SEPARATORS = re.compile(r"[\s\-\u2010\u2011\u2012\u2013\u2014|]")
_L = f"[{PLATE_CYRILLIC}]"
_REGION = "[0-9]{2,3}"


class PlateKind(StrEnum):
    """The GOST R 50577 kinds the spec names (type numbers of the standard in the comments)."""

    ORDINARY = "ordinary"  # type 1, 1А: А123ВС40, А123ВС140
    TAXI = "taxi"  # type 1Б (taxi and route vehicles): АВ12340, АВ123140
    TRAILER = "trailer"  # type 2: АВ123440
    MOTORCYCLE = "motorcycle"  # types 3, 4 (tractors, motorcycles): 1234АВ40
    TRANSIT = "transit"  # type 5: АВ123А40
    POLICE = "police"  # type 20: А123440


_KINDS: tuple[tuple[PlateKind, re.Pattern[str]], ...] = tuple(
    (kind, re.compile(pattern))
    for kind, pattern in (
        (PlateKind.ORDINARY, f"{_L}[0-9]{{3}}{_L}{{2}}{_REGION}"),
        (PlateKind.TAXI, f"{_L}{{2}}[0-9]{{3}}{_REGION}"),
        (PlateKind.TRAILER, f"{_L}{{2}}[0-9]{{4}}{_REGION}"),
        (PlateKind.MOTORCYCLE, f"[0-9]{{4}}{_L}{{2}}{_REGION}"),
        (PlateKind.TRANSIT, f"{_L}{{2}}[0-9]{{3}}{_L}{_REGION}"),
        (PlateKind.POLICE, f"{_L}[0-9]{{4}}{_REGION}"),
    )
)


# A plate already as stored (compact, upper-case Cyrillic, one of the kinds): what `normalise_plate`
# gives back unchanged, recognised by one match (an import reads every car's plate).
_STORED_RUSSIAN = re.compile("|".join(f"(?:{pattern.pattern})" for _, pattern in _KINDS))


def russian_kind(plate: str) -> PlateKind | None:
    """The GOST kind of a compact, upper-case plate in Cyrillic, or None when it is no Russian kind.

    `АВ123440` has two readings (taxi АВ 123 440 and trailer АВ 1234 40); both are Russian and
    are stored alike, so the first kind that fits is named.
    """
    for kind, pattern in _KINDS:
        if pattern.fullmatch(plate):
            return kind
    return None


def normalise_plate(text: str) -> str | None:
    """`x777xx32` → `Х777ХХ32`, `ab 123 40 RUS` → `АВ12340`, `AB 1234 CD` → `AB1234CD`."""
    if _STORED_RUSSIAN.fullmatch(text):
        return text  # no separator, nothing to upper-case or translate, no other letter: a Russian kind
    plate = _SEPARATORS.sub("", text).upper()
    if plate.endswith("RUS") and russian_kind(plate[:-3].translate(_TO_CYRILLIC)) is not None:
        plate = plate[:-3]  # printed beside the flag on Russian plates
    if not plate:
        return None
    bad = sorted({ch for ch in plate if not (ch.isalpha() or "0" <= ch <= "9")})
    if bad:
        raise FieldError("plate_chars", bad=" ".join(bad))
    other_cyrillic = sorted({ch for ch in plate if _is_cyrillic(ch) and ch not in PLATE_CYRILLIC})
    if other_cyrillic:
        raise FieldError("plate_letter", bad=", ".join(other_cyrillic))
    if len(plate) > MAX_LENGTH:
        raise FieldError("plate_length")
    as_cyrillic = plate.translate(_TO_CYRILLIC)
    if russian_kind(as_cyrillic) is not None:
        return as_cyrillic
    cyrillic = sorted({ch for ch in plate if _is_cyrillic(ch)})
    latin = sorted({ch for ch in plate if ch.isalpha() and not _is_cyrillic(ch)})
    if cyrillic and latin:
        raise FieldError("plate_mixed", cyrillic=", ".join(cyrillic), latin=", ".join(latin))
    return plate


def search_forms(part: str) -> list[str]:
    """A typed part of a plate in each script it may be stored or indexed in, upper-case.

    `а12` (Cyrillic) and `a12` (Latin) both give `["А12", "A12"]`; a part typed with a Russian
    letter that has no Latin look-alike, or a Latin one without a Cyrillic twin, has one form.
    """
    compact = _SEPARATORS.sub("", part).upper()
    if not compact:
        return []
    forms = [compact.translate(_TO_CYRILLIC), compact.translate(_TO_LATIN)]
    forms = [f for f in forms if not (_has_cyrillic(f) and _has_latin(f))]  # never a mixed form
    return list(dict.fromkeys(forms)) or [compact]


def index_forms(plate: str | None) -> list[str]:
    """Words to index so that a prefix search finds the plate by any part of it on either keyboard.

    Every suffix of the plate in Cyrillic and in Latin look-alikes: `А123ВС40` gives `А123ВС40`,
    `123ВС40`, `23ВС40`, … `0` and the same in Latin, so `23вс`, `вс40` or `c4` all find it; a
    foreign `AB1234CD` is also indexed as typed on a Russian keyboard when it has no other letters.
    """
    if not plate:
        return []
    compact = _SEPARATORS.sub("", plate).upper()
    words = [compact[i:] for i in range(len(compact))]
    for form in (compact.translate(_TO_LATIN), compact.translate(_TO_CYRILLIC)):
        # The plate as stored adds nothing again; a mixed form is never indexed. (Each script is
        # looked for by one pattern search: an import indexes tens of thousands of plates.)
        if form != compact and not (_CYRILLIC.search(form) and _LATIN.search(form)):
            words += [form[i:] for i in range(len(form))]
    return list(dict.fromkeys(words))


_CYRILLIC = re.compile("[\u0400-\u04ff]")
_LATIN = re.compile("[A-Za-z]")  # `_has_latin`: an alphabetic ASCII character


def _is_cyrillic(ch: str) -> bool:
    return "\u0400" <= ch <= "\u04ff"


def _has_cyrillic(text: str) -> bool:
    return any(_is_cyrillic(ch) for ch in text)


def _has_latin(text: str) -> bool:
    return any(ch.isalpha() and ch.isascii() for ch in text)
