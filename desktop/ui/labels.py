"""The window's words for values: enum labels and formats in the window's language.

The words themselves are `desktop.domain.words`, the one list the reports and the xlsx export
read too, so screen and paper say the same; this module only picks the window's language and
shows an absent value as an empty cell rather than paper's dash.

The language itself lives in `desktop.ui.i18n` (the app sets it with `install()` at start and
when the clerk switches in Settings); `current_language()` reads it so that domain messages
(`FieldError.text(lang)`) follow the window. Tests may pin it with `set_language()`.
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from enum import StrEnum

from ..domain import words
from . import i18n

NBSP = "\u00a0"
DATE_FORMAT = "dd.MM.yyyy"  # Qt display formats: clerks write dates this way in both languages
DATETIME_FORMAT = "dd.MM.yyyy HH:mm"

_pinned: words.Lang | None = None


def set_language(lang: str | None) -> None:
    """Pin the language of messages (tests, or a caller without `i18n.install`); None unpins."""
    global _pinned
    _pinned = None if lang is None else words.normalise_lang(lang)


def current_language() -> words.Lang:
    """`ru` or `en`: the pinned language, else the one the app installed."""
    return _pinned or i18n.current_language()


def enum_label(value: StrEnum | None) -> str:
    """The clerk's word for an enum value in the window's language; the wire name if unknown."""
    if value is None:
        return ""
    return words.label(value, current_language())


def enum_items(enum: type[StrEnum]) -> list[tuple[StrEnum, str]]:
    """Every member with its label, in declaration order (for combo boxes)."""
    return [(member, enum_label(member)) for member in enum]


def money_text(amount: Decimal | None) -> str:
    """A sum for a table cell: `48 500,00 ₽` / `₽48,500.00`; empty when there is none."""
    return "" if amount is None else words.money(amount, current_language())


def phone_text(stored: str | None) -> str:
    """A stored phone with its extension in words: `+74842223344 доб. 105`."""
    return words.phone(stored, current_language())


def money_input_text(amount: Decimal | None) -> str:
    """A sum for an input field, in a form `parse_money_input` reads back: `48 500,00`."""
    if amount is None:
        return ""
    whole, cents = f"{amount:.2f}".split(".")
    head = len(whole) % 3 or 3
    grouped = " ".join([whole[:head], *(whole[i : i + 3] for i in range(head, len(whole), 3))])
    return f"{grouped},{cents}" if current_language() == "ru" else f"{grouped}.{cents}"


def count_text(number: int) -> str:
    """A whole number grouped as on paper: `20 000` / `20,000`."""
    return words.count(number, current_language())


def date_text(day: date | None) -> str:
    return "" if day is None else words.day(day, current_language())


def datetime_text(moment: datetime | None) -> str:
    """In the offset the moment was recorded with: the time the office wrote down."""
    return "" if moment is None else words.moment(moment, current_language())



def number_text(number: str | None) -> str:
    """An incident's reference or a claim's number as the window shows it: «П-2026-0001» in
    Russian (the office's numbering), `INC-2026-0001` in English; empty before the first save."""
    return words.shown_number(number, current_language())
