"""Dates and times as clerks type them: `14.09.2026`, `14.09.2026 02:40`, `5.3.78`, `14092026`.

One home for reading a typed (or pasted) date, so every date field of the window reads the same
text the same way and nothing is guessed section by section: either the whole text is a date
(and a time where one is asked for), or the field says what it expected. Pasted ISO dates
(`2026-09-14`, `2026-09-14T02:40`) read too. Two-digit years are the nearest past century's
(`78` → 1978, `24` → 2024), and the field shows the four digits it understood on leaving it.
Typed with the Russian layout on, the keys of `.`, `,` and `:` give «ю», «б» and «Ж»
(`03ю12ю2026 23Ж40`): read as the separators the clerk meant, since no date has letters.
"""

from __future__ import annotations

import re
from datetime import date, datetime, time

from .errors import FieldError

_SEP = r"[.,/\-\s]"
_DAY_FIRST = re.compile(rf"(\d{{1,2}}){_SEP}+(\d{{1,2}}){_SEP}+(\d{{4}}|\d{{2}})")
_DIGITS_ONLY = re.compile(r"(\d{2})(\d{2})(\d{4}|\d{2})")
_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_TIME = re.compile(r"(\d{1,2})(?:[:.\-](\d{2})|(\d{2}))(?:[:.](\d{2}))?")


def _year(text: str, today: date) -> int:
    if len(text) == 4:
        return int(text)
    year = 2000 + int(text)
    return year if year <= today.year else year - 100


def _split(text: str) -> tuple[str, str]:
    """The date part and the time part (`14.09.2026 02:40`, `2026-09-14T02:40`)."""
    iso = re.fullmatch(r"(\d{4}-\d{1,2}-\d{1,2})(?:[T\s]+(.*))?", text)
    if iso:
        return iso.group(1), (iso.group(2) or "").strip()
    match = re.fullmatch(rf"(\d{{1,2}}{_SEP}+\d{{1,2}}{_SEP}+(?:\d{{4}}|\d{{2}})|\d{{8}}|\d{{6}})(?:[\sT,]+(.*))?", text)
    if match:
        return match.group(1), (match.group(2) or "").strip()
    return text, ""


def _read_date(text: str, today: date) -> date:
    for pattern, order in ((_ISO, "ymd"), (_DAY_FIRST, "dmy"), (_DIGITS_ONLY, "dmy")):
        match = pattern.fullmatch(text)
        if match is None:
            continue
        parts = dict(zip(order, match.groups(), strict=True))
        try:
            return date(_year(parts["y"], today), int(parts["m"]), int(parts["d"]))
        except ValueError:
            raise FieldError("typed_date_impossible", got=text) from None
    raise FieldError("typed_date", got=text)


def _read_time(text: str, whole: str) -> time:
    match = _TIME.fullmatch(text)
    if match is None:
        raise FieldError("typed_datetime", got=whole)
    hour, minute = int(match.group(1)), int(match.group(2) or match.group(3))
    second = int(match.group(4) or 0)
    try:
        return time(hour, minute, second)
    except ValueError:
        raise FieldError("typed_time_impossible", got=text) from None


def parse_typed_date(value: object, today: date | None = None) -> date | None:
    """A typed date, or None for an empty field; FieldError names what was expected."""
    text = _clean(value)
    if not text:
        return None
    day_part, time_part = _split(text)
    if time_part:
        raise FieldError("typed_date", got=text)
    return _read_date(day_part, today or date.today())


def parse_typed_datetime(value: object, today: date | None = None) -> datetime | None:
    """A typed date and time (naive: the wall clock typed), or None for an empty field."""
    text = _clean(value)
    if not text:
        return None
    day_part, time_part = _split(text)
    try:
        day = _read_date(day_part, today or date.today())
    except FieldError as e:
        if e.code == "typed_date":
            raise FieldError("typed_datetime", got=text) from None
        raise
    if not time_part:
        raise FieldError("typed_time_missing")
    return datetime.combine(day, _read_time(time_part, text))


def format_typed_date(day: date | None) -> str:
    return "" if day is None else f"{day.day:02d}.{day.month:02d}.{day.year:04d}"


def format_typed_datetime(moment: datetime | None) -> str:
    if moment is None:
        return ""
    return f"{format_typed_date(moment.date())} {moment.hour:02d}:{moment.minute:02d}"


# The Russian layout's letters on the keys of the US layout's `.`, `,`, `;` and `:` (ЙЦУКЕН).
_RUSSIAN_KEYS = str.maketrans({"ю": ".", "Ю": ".", "б": ",", "Б": ",", "ж": ":", "Ж": ":"})


def _clean(value: object) -> str:
    if value is None:
        return ""
    if not isinstance(value, str):
        raise FieldError("not_text")
    return " ".join(value.translate(_RUSSIAN_KEYS).split())
