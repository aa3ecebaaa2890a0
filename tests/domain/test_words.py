"""The words for values, on screen and on paper: money, counts, dates and enum labels in both languages."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from decimal import Decimal
from enum import StrEnum

import pytest

from desktop.domain import enums
from desktop.domain.words import ENUM_LABELS, NBSP, count, day, label, moment, money, normalise_lang


@pytest.mark.parametrize(
    ("amount", "ru", "en"),
    [
        (Decimal("1923401.09"), f"1{NBSP}923{NBSP}401,09{NBSP}₽", "₽1,923,401.09"),
        (Decimal("48500"), f"48{NBSP}500,00{NBSP}₽", "₽48,500.00"),
        (Decimal("9800.5"), f"9{NBSP}800,50{NBSP}₽", "₽9,800.50"),
        (Decimal("0"), f"0,00{NBSP}₽", "₽0.00"),
        (Decimal("999"), f"999,00{NBSP}₽", "₽999.00"),
        (Decimal("1000"), f"1{NBSP}000,00{NBSP}₽", "₽1,000.00"),
        (Decimal("0.005"), f"0,01{NBSP}₽", "₽0.01"),  # half a kopeck rounds up, as accountants do
    ],
)
def test_money_in_both_languages(amount: Decimal, ru: str, en: str) -> None:
    assert money(amount, "ru") == ru
    assert money(amount, "en") == en


def test_absent_money_is_a_dash_not_zero() -> None:
    assert money(None, "ru") == money(None, "en") == "—"


def test_counts_group_like_money() -> None:
    assert count(20000, "ru") == f"20{NBSP}000"
    assert count(20000, "en") == "20,000"
    assert count(7, "ru") == "7"


def test_dates_are_day_month_year_in_both_languages() -> None:
    assert day(date(2026, 9, 5), "ru") == day(date(2026, 9, 5), "en") == "05.09.2026"
    moscow = timezone(timedelta(hours=3))
    assert moment(datetime(2026, 9, 12, 2, 40, tzinfo=moscow), "en") == "12.09.2026 02:40"
    assert day(None, "ru") == "—"


def test_every_enum_value_has_a_label_in_both_languages() -> None:
    for enum, labels in ENUM_LABELS.items():
        for member in enum:
            en, ru = labels[member]
            assert en and ru, member
            assert label(member, "en") == en
            assert label(member, "ru") == ru
            assert any("а" <= ch.lower() <= "я" for ch in ru), f"{member!r} has no Russian label"


def test_every_enum_of_the_format_has_words_and_no_two_values_share_one() -> None:
    """A combo box or a register column never shows two values under one word."""
    vocabularies = {v for v in vars(enums).values() if isinstance(v, type) and issubclass(v, StrEnum) and v is not StrEnum}
    assert vocabularies == set(ENUM_LABELS)
    for enum in vocabularies:
        for lang in ("ru", "en"):
            names = [label(member, lang) for member in enum]
            assert len(set(names)) == len(names), (enum, lang, names)


@pytest.mark.parametrize(("given", "expected"), [("ru", "ru"), ("ru_RU", "ru"), ("RU", "ru"), ("en", "en"),
                                                 ("de", "en"), ("", "en"), (None, "en")])
def test_language_codes(given: str | None, expected: str) -> None:
    assert normalise_lang(given) == expected
