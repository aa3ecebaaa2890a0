"""Parsers for single values: each returns the normalised value or raises `FieldError`.

The same functions serve the forms (text typed by a clerk), the import (JSON values) and the
command line, so a rule exists once.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from enum import StrEnum
from operator import mul
from typing import Any, TypeVar

from . import plates
from .errors import FieldError
from .limits import MAX_SERIAL, text_limit
from .phones import parse_phone
from .plates import PLATE_CYRILLIC, PLATE_LATIN  # noqa: F401 - imported from here by storage

E = TypeVar("E", bound=StrEnum)

MONEY_LIMIT = Decimal(10) ** 12
REFERENCE_LENGTH = text_limit("incident.reference")


# Characters that show as nothing (zero-width spaces and joiners, the word joiner, a stray BOM):
# trimmed from a string's ends with the spaces, so one made of them only is absent.
_INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff"
_EDGES = _INVISIBLE + " \t\n\r\x0b\x0c\x1c\x1d\x1e\x1f\x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006" \
    "\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000"


def _trimmed(value: str) -> str:
    text = value.strip()
    if text and (text[0] in _INVISIBLE or text[-1] in _INVISIBLE):  # rare: the usual string pays one look
        text = text.strip(_EDGES)
    return text


def clean_text(value: object, *, max_length: int | None = None) -> str | None:
    """Trim a string (spaces and invisible characters); an empty string is the same as absent."""
    if value is None:
        return None
    if not isinstance(value, str):
        raise FieldError("not_text")
    text = _trimmed(value)
    if not text:
        return None
    if max_length is not None and len(text) > max_length:
        raise FieldError("too_long", limit=max_length, got=len(text))
    return text


def text_parser(max_length: int) -> Callable[[object], str | None]:
    """`clean_text(value, max_length=max_length)` as one call: an import reads every text field through it."""

    def parse(value: object) -> str | None:
        if not isinstance(value, str):
            return clean_text(value, max_length=max_length)  # None, or the refusal
        text = _trimmed(value)
        if not text:
            return None
        if len(text) > max_length:
            raise FieldError("too_long", limit=max_length, got=len(text))
        return text

    return parse


_CANONICAL_UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
# Compiled once: an import checks each of these for every record.
_INTEGER = re.compile(r"[+-]?[0-9]+")
_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_DATETIME = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}[T ][0-9]{2}:[0-9]{2}(:[0-9]{2}(\.[0-9]+)?)?(Z|[+-][0-9]{2}:?[0-9]{2})?")
_SPACE = re.compile(r"\s")
_SHA256 = re.compile(r"[0-9a-f]{64}")


def parse_uuid(value: object) -> str | None:
    if value.__class__ is str and len(value) == 36 and _CANONICAL_UUID.fullmatch(value):  # type: ignore[arg-type]
        return value  # type: ignore[return-value]  # already trimmed and lower-case: what the rest returns for it
    text = clean_text(value)
    if text is None:
        return None
    lowered = text.lower()
    if _CANONICAL_UUID.fullmatch(lowered):  # the usual spelling: skip the slow uuid.UUID round trip
        return lowered
    import uuid  # here: the module (and `platform`, which it imports) is not needed at start

    try:
        return str(uuid.UUID(text)).lower()
    except ValueError:
        raise FieldError("not_uuid") from None


def parse_enum(value: object, enum: type[E]) -> E | None:
    text = clean_text(value)
    if text is None:
        return None
    try:
        return enum(text)
    except ValueError:
        raise FieldError("not_one_of", choices=", ".join(m.value for m in enum)) from None


def enum_parser(enum: type[E]) -> Callable[[object], E | None]:
    """`parse_enum(value, enum)` with the members looked up in a table made once."""
    members = {m.value: m for m in enum}

    def parse(value: object) -> E | None:
        found = members.get(value) if value.__class__ is str else None  # type: ignore[call-overload]
        return found if found is not None else parse_enum(value, enum)  # a spelling to trim, or the refusal

    return parse


def parse_int(value: object, *, minimum: int | None = None, maximum: int | None = None) -> int | None:
    if value is None:
        return None
    if isinstance(value, str):
        text = value.strip()
        if not text:
            return None
        if not _INTEGER.fullmatch(text):
            raise FieldError("not_integer")
        number = int(text)
    elif isinstance(value, bool) or not isinstance(value, int):
        if isinstance(value, float) and value.is_integer():
            number = int(value)
        else:
            raise FieldError("not_integer")
    else:
        number = value
    if minimum is not None and number < minimum:
        raise FieldError("below", limit=minimum)
    if maximum is not None and number > maximum:
        raise FieldError("above", limit=maximum)
    return number


def wire_int(value: object, *, minimum: int | None = None, maximum: int | None = None) -> int | None:
    """An interchange integer: a JSON whole number, not a string and not 2019.0."""
    if value is not None and (isinstance(value, bool) or not isinstance(value, int)):
        raise FieldError("not_integer")
    return parse_int(value, minimum=minimum, maximum=maximum)


def wire_number(value: object, *, minimum: float, maximum: float) -> float | None:
    """An interchange number: a JSON number, not a string."""
    if value is not None and (isinstance(value, bool) or not isinstance(value, (int, float))):
        raise FieldError("not_number")
    return parse_number(value, minimum=minimum, maximum=maximum)


def parse_number(value: object, *, minimum: float, maximum: float) -> float | None:
    if value is None:
        return None
    if isinstance(value, str):
        text = value.strip().replace(",", ".")
        if not text:
            return None
        try:
            number = float(text)
        except ValueError:
            raise FieldError("not_number") from None
    elif isinstance(value, bool) or not isinstance(value, (int, float)):
        raise FieldError("not_number")
    else:
        number = float(value)
    if number != number:  # NaN
        raise FieldError("not_number")
    if number < minimum:
        raise FieldError("below", limit=minimum)
    if number > maximum:
        raise FieldError("above", limit=maximum)
    return number


_MONEY_WIRE = re.compile(r"[0-9]+(\.[0-9]{1,2})?")  # ASCII digits only: \d also takes ٤٥


def parse_money(value: object) -> Decimal | None:
    """Money on the wire: a string of roubles with at most two decimals, never a JSON number."""
    if value is None:
        return None
    if not isinstance(value, str):
        raise FieldError("money_not_string")
    text = value.strip()
    if not text:
        return None
    if not _MONEY_WIRE.fullmatch(text):
        raise FieldError("money_format", got=text)
    return _money_in_range(Decimal(text))


def parse_money_input(text: str) -> Decimal | None:
    """Money as a clerk types it: `1 923 401,09`, `48500`, `9800.5 ₽`."""
    cleaned = re.sub(r"[\s\u00a0\u202f₽]|руб\.?|р\.", "", text or "", flags=re.IGNORECASE).replace(",", ".")
    if not cleaned:
        return None
    if not _MONEY_WIRE.fullmatch(cleaned):
        raise FieldError("money_format", got=text.strip())
    return _money_in_range(Decimal(cleaned))


def _money_in_range(amount: Decimal) -> Decimal:
    if amount < 0 or amount >= MONEY_LIMIT:
        raise FieldError("money_range")
    return amount.quantize(Decimal("0.01"))


def money_to_kopecks(amount: Decimal | None) -> int | None:
    return None if amount is None else int((amount * 100).to_integral_value())


def kopecks_to_money(kopecks: int | None) -> Decimal | None:
    return None if kopecks is None else Decimal(kopecks).scaleb(-2)  # exact: 12345 → 123.45, 0 → 0.00


def money_wire(amount: Decimal | None) -> str | None:
    """Export form: exactly two decimals, no separators."""
    if amount is None:
        return None
    text = str(amount)  # amounts are kept quantised to kopecks, so this is usually already right
    return text if text[-3:-2] == "." else f"{amount:.2f}"


def parse_date(value: object) -> date | None:
    text = clean_text(value)
    if text is None:
        return None
    if not _DATE.fullmatch(text):
        raise FieldError("date_format", got=text)
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise FieldError("date_format", got=text) from None


def parse_datetime(value: object) -> datetime | None:
    """ISO-8601 with a UTC offset; a time without one is refused (it is ambiguous)."""
    text = clean_text(value)
    if text is None:
        return None
    if not _DATETIME.fullmatch(text):
        raise FieldError("datetime_format", got=text)
    try:
        moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        raise FieldError("datetime_format", got=text) from None
    if moment.tzinfo is None:
        raise FieldError("datetime_offset")
    try:  # stored with its UTC time too: 0001-01-01T00:00+03:00 has none
        moment.astimezone(UTC)
    except OverflowError:
        raise FieldError("datetime_range", got=text) from None
    return moment


def future_limit(now: datetime | None = None) -> datetime:
    """'In the future' means after the local time now plus one day (clocks and zones differ)."""
    return (now or datetime.now().astimezone()) + timedelta(days=1)


def check_not_future_date(day: date | None, now: datetime | None = None) -> None:
    if day is not None and day > future_limit(now).date():
        raise FieldError("in_future")


def check_not_future_datetime(moment: datetime | None, now: datetime | None = None) -> None:
    if moment is not None and moment > future_limit(now):
        raise FieldError("in_future")


def normalise_plate(value: object) -> str | None:
    """`x777xx32` → `Х777ХХ32`, `ab 123 40 RUS` → `АВ12340`; foreign plates keep their letters (see plates.py)."""
    text = clean_text(value)
    if text is None:
        return None
    return plates.normalise_plate(text)


# Cyrillic letters a Russian keyboard gives for VIN characters that look the same.
_VIN_CYRILLIC = str.maketrans("АВЕКМНРСТУХ", "ABEKMHPCTYX")
_VIN_CHARS = set("ABCDEFGHJKLMNPRSTUVWXYZ0123456789")


def normalise_vin(value: object) -> str | None:
    text = clean_text(value)
    if text is None:
        return None
    vin = _SPACE.sub("", text).upper().translate(_VIN_CYRILLIC)
    if len(vin) != 17:
        raise FieldError("vin_length", got=len(vin))
    bad = sorted({ch for ch in vin if ch not in _VIN_CHARS})
    if bad:
        raise FieldError("vin_letters", bad=" ".join(bad))
    return vin


_INN10 = (2, 4, 10, 3, 5, 9, 4, 6, 8)
_INN11 = (7, 2, 4, 10, 3, 5, 9, 4, 6, 8)
_INN12 = (3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8)


def _inn_digit(digits: str, weights: tuple[int, ...]) -> int:
    """The check digit of DIGITS' first len(WEIGHTS) digits (`check_inn` gives more digits than weights).

    DIGITS are ASCII (checked first): each byte is 48 more than its digit, so the weighted sum of the
    bytes less 48 times the weights' sum is the digits' (map stops at the weights' end)."""
    return (sum(map(mul, digits.encode("ascii"), weights)) - 48 * sum(weights)) % 11 % 10


def check_inn(value: object) -> str | None:
    text = clean_text(value)
    if text is None:
        return None
    inn = _SPACE.sub("", text)
    if not _ascii_digits(inn) or len(inn) not in (10, 12):
        raise FieldError("inn_digits", got=inn)
    if len(inn) == 10:
        ok = _inn_digit(inn, _INN10) == int(inn[9])
    else:
        ok = _inn_digit(inn, _INN11) == int(inn[10]) and _inn_digit(inn, _INN12) == int(inn[11])
    if not ok:
        raise FieldError("inn_check")
    return inn


def _ascii_digits(text: str) -> bool:
    """0-9 only: `isdigit` also accepts ٤, ² and other scripts' digits."""
    return text.isascii() and text.isdigit()


def normalise_phone(value: object) -> str | None:
    """`8 (4842) 55-21-90 доб. 12` → `+74842552190;ext=12`, `+49 30 123456` stays German (see phones.py)."""
    text = clean_text(value)
    if text is None:
        return None
    return parse_phone(text).stored


def check_email(value: object) -> str | None:
    text = clean_text(value, max_length=text_limit("person.email"))
    if text is None:
        return None
    local, at, domain = text.partition("@")
    if not at or not local or "@" in domain or "." not in domain.strip(".") or _SPACE.search(text):
        raise FieldError("email")
    return text


_SERIES_REFERENCE = re.compile(r"(INC|CLM)-([0-9]{4})-([0-9]+)", re.IGNORECASE)
LOOK_ALIKES = str.maketrans({"С": "C", "с": "c", "М": "M", "м": "m", "І": "I", "і": "i", "Ӏ": "I",
                              **dict.fromkeys("\u2010\u2011\u2012\u2013\u2014\u2212\ufe63\uff0d", "-")})


def normalise_reference(value: object) -> str | None:
    """`inc-2026-0003` → `INC-2026-0003`, so it is found and moves the counter; others stay as written.

    A number of our series moves the year's counter to it, so it must leave room for the next one:
    `INC-2026-999999999` would make our own next number overflow, and is refused.
    """
    text = clean_text(value, max_length=REFERENCE_LENGTH)
    if text is None:
        return None
    match = _SERIES_REFERENCE.fullmatch(text)
    if not match:
        # Typed on a Russian keyboard or pasted from a word processor (СLМ with Cyrillic С and М,
        # ІNC with the Ukrainian І, a non-breaking hyphen), it is still ours: one number, not a twin.
        match = _SERIES_REFERENCE.fullmatch(text.translate(LOOK_ALIKES))
        if not match:
            return text
        text = match.group(0)
    serial = match.group(3).lstrip("0")
    if len(serial) > 9 or int(serial or "0") >= MAX_SERIAL:
        raise FieldError("reference_too_large", limit=f"{MAX_SERIAL - 1:,}")
    # The counter as we write it (four digits at least): `CLM-2026-1` and `CLM-2026-00001` are
    # CLM-2026-0001, one number, not twins that read the same in every list.
    return f"{match.group(1).upper()}-{match.group(2)}-{int(serial or '0'):04d}"


def series_of(reference: str | None) -> tuple[str, int, int] | None:
    """`INC-2026-0042` → ("INC", 2026, 42): the counter a (normalised) reference moves; None for others."""
    match = _SERIES_REFERENCE.fullmatch(reference or "")
    if not match or len(match.group(3)) > 9:
        return None
    return match.group(1).upper(), int(match.group(2)), int(match.group(3))


def check_sha256(value: object) -> str | None:
    text = clean_text(value)
    if text is None:
        return None
    digest = text.lower()
    if not _SHA256.fullmatch(digest):
        raise FieldError("sha256")
    return digest


def numbering_overflows(
    series: str, given: Iterable[str | None], pending: Iterable[tuple[str, int]], counters: Mapping[tuple[str, int], int],
) -> list[tuple[str, FieldError]]:
    """Where numbering SERIES would pass MAX_SERIAL: (path, error) for the first record of each such year.

    GIVEN are the references a change keeps (they move their year's counter), PENDING the
    (path, year) of records still to be numbered, COUNTERS the last number of each (series, year)
    so far. The counter must end below MAX_SERIAL, so that our own next number still fits.
    """
    top: dict[int, int] = {}
    for reference in given:
        parts = series_of(reference)
        if parts is not None and parts[0] == series:
            top[parts[1]] = max(top.get(parts[1], 0), parts[2])
    waiting: dict[int, list[str]] = {}
    for path, year in pending:
        waiting.setdefault(year, []).append(path)
    out = []
    for year, paths in waiting.items():
        last = max(top.get(year, 0), counters.get((series, year), 0)) + len(paths)
        if last >= MAX_SERIAL:
            out.append((paths[0], FieldError("counter_overflow", got=f"{series}-{year}", limit=f"{MAX_SERIAL:,}")))
    return out


class KeyGivenTwice(ValueError):
    """A JSON object names a key twice (parsers differ on which value counts); `key` is its path
    in the document (`vehicle.moderate`)."""

    def __init__(self, key: str) -> None:
        super().__init__(key)
        self.key = key


class _Twice:
    """Stands where a key was given twice, so the path to it can be named."""


def object_marking_repeats(pairs: list[tuple[str, Any]], mark: Callable[[], Any]) -> tuple[dict[str, Any], bool]:
    """A JSON object from its pairs (an `object_pairs_hook`'s), a key given twice standing as
    `mark()` so a walk can name where it was; and whether one was."""
    made = dict(pairs)
    if len(made) == len(pairs):
        return made, False
    seen: set[str] = set()
    for key, _ in pairs:
        if key in seen:
            made[key] = mark()
        seen.add(key)
    return made, True


def json_loads_once(text: str) -> Any:
    """`json.loads` of a setting typed by a person, refusing a key given twice (`KeyGivenTwice`).

    (An interchange file is read by `exchange.package.parse_json`, which names every such key.)"""
    import json

    twice: list[bool] = []

    def pairs(found: list[tuple[str, Any]]) -> dict[str, Any]:
        made, repeated = object_marking_repeats(found, _Twice)
        if repeated:
            twice.append(True)
        return made

    document = json.loads(text, object_pairs_hook=pairs)
    if twice:
        stack: list[tuple[str, Any]] = [("", document)]
        while stack:
            path, value = stack.pop()
            if isinstance(value, _Twice):
                raise KeyGivenTwice(path)
            if isinstance(value, dict):
                stack.extend((f"{path}.{k}" if path else k, v) for k, v in reversed(value.items()))
            elif isinstance(value, list):
                stack.extend((f"{path}[{n}]", v) for n, v in reversed(list(enumerate(value))))
    return document


SORT_DIGITS = 12  # a number's last digits, padded to this many, sort as numbers


def number_sort_key(number: str | None) -> str | None:
    """A reference or claim number as it sorts: its last run of digits left-padded with zeros, so
    З-2026-9999 comes before З-2026-10000 (numbers grow past four digits in a mass attack).

    Stored beside the number and indexed; on a server it is written by the same rule in SQL
    (`rtrim`/`lpad`, which cuts a run longer than `SORT_DIGITS` to its first digits: so does this)."""
    if number is None:
        return None
    head = number.rstrip("0123456789")
    return head + number[len(head):].rjust(SORT_DIGITS, "0")[:SORT_DIGITS]
