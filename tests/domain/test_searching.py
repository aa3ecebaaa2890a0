"""What a search holds: a whole phone number however typed (looked up as that number), a date among words."""

from __future__ import annotations

from datetime import date

import pytest

from desktop.domain.searching import date_in_search, search_phone

TUESDAY = date(2026, 10, 20)


@pytest.mark.parametrize("typed", ["89105123308", "+7 910 512-33-08", "8 (910) 512 33 08", "9105123308",
                                   "7-910-512-33-08", "+7 (910) 512.33.08"])
def test_a_phone_however_typed(typed):
    assert search_phone(typed) == "+79105123308"


@pytest.mark.parametrize("typed", ["456", "2026", "402701234570", "INC-2026-0001", "А123ВС40", "14.09.2026",
                                   "12.09.2026 02:40", "смирнова 89105123308", "", None, "1234567890123456"])
def test_other_searches_are_no_phone(typed):
    assert search_phone(typed) is None


@pytest.mark.parametrize(("text", "rest", "day"), [
    ("12.09.2026 калуга", "калуга", date(2026, 9, 12)),
    ("калуга 12.09.26", "калуга", date(2026, 9, 12)),
    ("12.09", "", date(2026, 9, 12)),  # this year's
    ("30.12", "", date(2025, 12, 30)),  # still to come this year: last year's
    ("INC-2026-0001", "INC-2026-0001", None),  # a reference is no date
    ("А123ВС40", "А123ВС40", None),
    ("дом 12", "дом 12", None),
    ("31.02.2026 ленина", "31.02.2026 ленина", None),  # no such day: searched as typed
])
def test_a_date_among_the_words_of_a_search(text, rest, day):
    assert date_in_search(text, TUESDAY) == (rest, day)
