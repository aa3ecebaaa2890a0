"""Sums in words for decisions, notices and payment registers.

«восемьдесят пять тысяч рублей 00 копеек»: the roubles in words (pytils, which agrees the
numeral and the noun: одна тысяча, две тысячи, двадцать один рубль), the kopecks in two digits
with their noun agreed (01 копейка, 02 копейки, 00 копеек), as Russian payment documents write
them. English is second: a small formatter of its own, `eighty-five thousand roubles 00 kopecks`.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

LIMIT = Decimal(10) ** 12  # as the interchange's money: below 10^12

_RUBLES = ("рубль", "рубля", "рублей")
_KOPECKS = ("копейка", "копейки", "копеек")


def amount_in_words(amount: Decimal | int | str, lang: str = "ru", *, capitalise: bool = False) -> str:
    """The sum in words with the kopecks in figures; `capitalise` for the start of a sentence."""
    value = Decimal(str(amount)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    if value < 0 or value >= LIMIT:
        raise ValueError(f"an amount from 0 to below 10^12 is expected, got {amount}")
    roubles, kopecks = divmod(int(value * 100), 100)
    text = _russian(roubles, kopecks) if lang == "ru" else _english(roubles, kopecks)
    return text[:1].upper() + text[1:] if capitalise else text


def _russian(roubles: int, kopecks: int) -> str:
    from pytils import numeral

    words = numeral.sum_string(roubles, numeral.MALE, _RUBLES)
    return f"{words} {kopecks:02d} {numeral.choose_plural(kopecks, _KOPECKS)}"


_ONES = [
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
    "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen",
]
_TENS = ["_", "_", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
_SCALES = ((10**9, "billion"), (10**6, "million"), (1000, "thousand"))


def _english(roubles: int, kopecks: int) -> str:
    rouble_word = "rouble" if roubles == 1 else "roubles"
    kopeck_word = "kopeck" if kopecks == 1 else "kopecks"
    return f"{english_number(roubles)} {rouble_word} {kopecks:02d} {kopeck_word}"


def english_number(number: int) -> str:
    """`85000` → `eighty-five thousand`; `1001` → `one thousand one` (without `and`)."""
    if number < 20:
        return _ONES[number]
    parts = []
    for size, name in _SCALES:
        if number >= size:
            parts.append(f"{english_number(number // size)} {name}")
            number %= size
    if number >= 100:
        parts.append(f"{_ONES[number // 100]} hundred")
        number %= 100
    if number >= 20:
        tens, ones = divmod(number, 10)
        parts.append(_TENS[tens] + (f"-{_ONES[ones]}" if ones else ""))
    elif number:
        parts.append(_ONES[number])
    return " ".join(parts)
