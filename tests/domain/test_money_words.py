"""Sums in words: «восемьдесят пять тысяч рублей 00 копеек» (pytils) and its English equivalent."""

from __future__ import annotations

from decimal import Decimal

import pytest

from desktop.domain.money_words import amount_in_words, english_number


@pytest.mark.parametrize(("amount", "ru", "en"), [
    ("0", "ноль рублей 00 копеек", "zero roubles 00 kopecks"),
    ("1", "один рубль 00 копеек", "one rouble 00 kopecks"),
    ("2", "два рубля 00 копеек", "two roubles 00 kopecks"),
    ("21", "двадцать один рубль 00 копеек", "twenty-one roubles 00 kopecks"),
    ("85000", "восемьдесят пять тысяч рублей 00 копеек", "eighty-five thousand roubles 00 kopecks"),
    ("1000000", "один миллион рублей 00 копеек", "one million roubles 00 kopecks"),
    ("1000000.00", "один миллион рублей 00 копеек", "one million roubles 00 kopecks"),
    ("1.01", "один рубль 01 копейка", "one rouble 01 kopeck"),
    ("2.02", "два рубля 02 копейки", "two roubles 02 kopecks"),
    ("11.11", "одиннадцать рублей 11 копеек", "eleven roubles 11 kopecks"),
    ("21.21", "двадцать один рубль 21 копейка", "twenty-one roubles 21 kopecks"),
    ("0.5", "ноль рублей 50 копеек", "zero roubles 50 kopecks"),
    ("1000", "одна тысяча рублей 00 копеек", "one thousand roubles 00 kopecks"),
    ("21000", "двадцать одна тысяча рублей 00 копеек", "twenty-one thousand roubles 00 kopecks"),
    ("78400", "семьдесят восемь тысяч четыреста рублей 00 копеек", "seventy-eight thousand four hundred roubles 00 kopecks"),
    ("156750.99", "сто пятьдесят шесть тысяч семьсот пятьдесят рублей 99 копеек",
     "one hundred fifty-six thousand seven hundred fifty roubles 99 kopecks"),
    ("999999999999.99",
     "девятьсот девяносто девять миллиардов девятьсот девяносто девять миллионов девятьсот девяносто девять тысяч "
     "девятьсот девяносто девять рублей 99 копеек",
     "nine hundred ninety-nine billion nine hundred ninety-nine million nine hundred ninety-nine thousand "
     "nine hundred ninety-nine roubles 99 kopecks"),
])
def test_amounts_in_words(amount, ru, en):
    assert amount_in_words(Decimal(amount)) == ru
    assert amount_in_words(Decimal(amount), "en") == en


def test_capitalised_for_the_start_of_a_sentence():
    assert amount_in_words(Decimal("85000"), capitalise=True) == "Восемьдесят пять тысяч рублей 00 копеек"


def test_kopecks_are_rounded_half_up():
    assert amount_in_words("0.995") == "один рубль 00 копеек"
    assert amount_in_words(1) == "один рубль 00 копеек"


@pytest.mark.parametrize("amount", ["-1", "1000000000000"])
def test_amounts_out_of_range_are_refused(amount):
    with pytest.raises(ValueError):
        amount_in_words(Decimal(amount))


@pytest.mark.parametrize(("number", "words"), [
    (0, "zero"), (13, "thirteen"), (40, "forty"), (101, "one hundred one"), (1001, "one thousand one"),
    (2_000_000_017, "two billion seventeen"),
])
def test_english_numbers(number, words):
    assert english_number(number) == words


@pytest.mark.parametrize(("amount", "ru"), [
    # kopecks alone, and agreed as numerals end: 1 and 21 копейка, 2–4 and 22 копейки, the rest копеек
    ("0.01", "ноль рублей 01 копейка"),
    ("0.21", "ноль рублей 21 копейка"),
    ("0.22", "ноль рублей 22 копейки"),
    ("0.25", "ноль рублей 25 копеек"),
    # around a million: the rouble agreed with the last word, a thousand and a million with their numbers
    ("1000000.01", "один миллион рублей 01 копейка"),
    ("1000001", "один миллион один рубль 00 копеек"),
    ("1001000", "один миллион одна тысяча рублей 00 копеек"),
    ("2000000", "два миллиона рублей 00 копеек"),
    ("5000000", "пять миллионов рублей 00 копеек"),
    ("21000000", "двадцать один миллион рублей 00 копеек"),
    ("101", "сто один рубль 00 копеек"),
    ("111", "сто одиннадцать рублей 00 копеек"),
])
def test_agreement_at_the_edges(amount, ru):
    assert amount_in_words(Decimal(amount)) == ru
