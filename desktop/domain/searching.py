"""What a clerk types into a search, read for what it is: a whole phone number however typed,
a date among other words. Storage looks a phone up instead of searching its digit groups as
words; the claim form's incident field takes a date typed among the words as the incident's day.
"""

from __future__ import annotations

import re
from datetime import date

from .errors import FieldError
from .phones import parse_phone
from .typed_dates import parse_typed_date

# What a search for a phone may look like: digits with the usual punctuation, a `+` first.
_SEARCHED_PHONE = re.compile(r"\+?[0-9\s().\-\u2010-\u2015\u2212]+")
SEARCH_PHONE_DIGITS = 10  # fewer digits are a house number, a year or part of a plate, not a phone


def search_phone(text: str | None) -> str | None:
    """The stored (E.164) form of a whole phone number typed as a search, however it was typed
    (`89105123308`, `+7 910 512-33-08`, `8 (910) 512 33 08`); None when the text is not one."""
    text = (text or "").strip()
    if not _SEARCHED_PHONE.fullmatch(text) or sum(ch.isdigit() for ch in text) < SEARCH_PHONE_DIGITS:
        return None
    try:
        return parse_phone(text).e164
    except FieldError:
        return None


# A date among other words: day and month with dots (or slashes), and a year if typed.
_TYPED_DATE = re.compile(r"(?<![\w.])(\d{1,2})[./](\d{1,2})(?:[./](\d{4}|\d{2}))?(?![\w.])")


def date_in_search(text: str, today: date) -> tuple[str, date | None]:
    """The search's words without the first date typed among them, and that date.

    `12.09.2026 калуга` → (`калуга`, 12 September 2026); `12.09` is this year's 12 September, or
    last year's when that is still to come. Text with no readable date comes back unchanged.
    """
    for match in _TYPED_DATE.finditer(text):
        day, month, year = match.groups()
        typed = f"{day}.{month}.{year or today.year}"
        try:
            found = parse_typed_date(typed, today)
        except FieldError:
            continue
        if found is None:
            continue
        if year is None and found > today:
            found = found.replace(year=found.year - 1) if not (found.month == 2 and found.day == 29) else found
        rest = (text[: match.start()] + " " + text[match.end():]).strip()
        return " ".join(rest.split()), found
    return text, None
