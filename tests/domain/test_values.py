from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from decimal import Decimal

import pytest

from desktop.domain.errors import FieldError
from desktop.domain.values import (
    check_email,
    check_inn,
    check_not_future_date,
    check_not_future_datetime,
    check_sha256,
    clean_text,
    kopecks_to_money,
    money_to_kopecks,
    money_wire,
    normalise_phone,
    normalise_plate,
    normalise_vin,
    parse_date,
    parse_datetime,
    parse_int,
    parse_money,
    parse_money_input,
    parse_number,
    parse_uuid,
)


def code_of(fn, value) -> str:
    with pytest.raises(FieldError) as e:
        fn(value)
    return e.value.code


@pytest.mark.parametrize(("typed", "stored"), [
    ("x777xx32", "Х777ХХ32"),
    ("A123BC40", "А123ВС40"),
    ("а 123 вс-40", "А123ВС40"),
    ("Т789УХ140", "Т789УХ140"),
    ("AB 1234 CD", "AB1234CD"),
    ("ab-1234-cd", "AB1234CD"),
    ("W123ZZ40", "W123ZZ40"),  # Latin letters without a Cyrillic look-alike stay as written
    ("  ", None),
])
def test_plate_normalised(typed, stored):
    assert normalise_plate(typed) == stored


@pytest.mark.parametrize(("typed", "code"), [("Я123ЯЯ67", "plate_letter"), ("А123БВ40", "plate_letter"), ("A12/3", "plate_chars"), ("A" * 13, "plate_length")])
def test_plate_refused(typed, code):
    assert code_of(normalise_plate, typed) == code


def test_plate_refusal_names_the_letter():
    with pytest.raises(FieldError) as e:
        normalise_plate("Я123ЯЯ67")
    assert "Я" in e.value.text("en") and "Я" in e.value.text("ru")


@pytest.mark.parametrize(("typed", "stored"), [
    ("XTAGFL110KY123456", "XTAGFL110KY123456"),
    ("xtagfl110ky123456", "XTAGFL110KY123456"),
    ("ХТАGFL110КY123456", "XTAGFL110KY123456"),  # Cyrillic Х Т А К typed on a Russian keyboard
    ("XTAGFL110 KY123456", "XTAGFL110KY123456"),
    (None, None),
])
def test_vin_accepted(typed, stored):
    assert normalise_vin(typed) == stored


def test_vin_wrong_length_message():
    with pytest.raises(FieldError) as e:
        normalise_vin("XTAGFL110KY12345")
    assert e.value.text() == "expected 17 characters, got 16"
    assert e.value.text("ru") == "ожидается 17 символов, получено 16"


@pytest.mark.parametrize("vin", ["XTAGFL110KY12345I", "XTAGFL110KY12345O", "XTAGFL110KY12345Q", "XTAGFL110KY1234Ж5"])
def test_vin_forbidden_letters(vin):
    assert code_of(normalise_vin, vin) == "vin_letters"


@pytest.mark.parametrize("inn", ["4705012348", "402701234570", "7707083893", "500100732259"])
def test_inn_valid(inn):
    assert check_inn(inn) == inn


@pytest.mark.parametrize(("inn", "code"), [("4705012349", "inn_check"), ("402701234571", "inn_check"), ("12345", "inn_digits"), ("47050123AB", "inn_digits")])
def test_inn_invalid(inn, code):
    assert code_of(check_inn, inn) == code


@pytest.mark.parametrize(("typed", "stored"), [
    ("8 (4842) 55-21-90", "+74842552190"),
    ("+7 910 512-33-08", "+79105123308"),
    ("79531234567", "+79531234567"),
    ("9105123308", "+79105123308"),
    ("+375 29 123-45-67", "+375291234567"),
])
def test_phone_normalised(typed, stored):
    assert normalise_phone(typed) == stored


@pytest.mark.parametrize(("typed", "code"), [("12345", "phone_too_short"), ("+7 910 abc", "phone_chars"), ("1" * 16, "phone_too_long")])
def test_phone_refused(typed, code):
    assert code_of(normalise_phone, typed) == code


def test_money_wire_forms_read_alike():
    assert parse_money("45000") == parse_money("45000.5") - Decimal("0.5") == parse_money("45000.50") - Decimal("0.50")
    assert money_wire(parse_money("45000.5")) == "45000.50"


@pytest.mark.parametrize(("value", "code"), [(9800.5, "money_not_string"), (100, "money_not_string"), ("1,5", "money_format"),
                                             ("1.234", "money_format"), ("-5", "money_format"), ("1000000000000", "money_range")])
def test_money_refused(value, code):
    assert code_of(parse_money, value) == code


def test_money_kopecks_round_trip():
    amount = Decimal("1923401.09")
    assert money_to_kopecks(amount) == 192340109
    assert kopecks_to_money(192340109) == amount


def test_money_as_clerks_type_it():
    assert parse_money_input("1 923 401,09") == Decimal("1923401.09")
    assert parse_money_input("9800.5 ₽") == Decimal("9800.50")
    assert parse_money_input("") is None
    assert code_of(parse_money_input, "12,345,67") == "money_format"


def test_dates():
    assert parse_date("2026-09-14") == date(2026, 9, 14)
    assert code_of(parse_date, "14.09.2026") == "date_format"
    assert code_of(parse_date, "2026-02-30") == "date_format"


def test_datetimes_need_an_offset():
    moment = parse_datetime("2026-09-12T02:40:00+03:00")
    assert moment.utcoffset() == timedelta(hours=3)
    assert code_of(parse_datetime, "2026-09-12T02:40:00") == "datetime_offset"
    assert code_of(parse_datetime, "yesterday") == "datetime_format"
    assert parse_datetime("2026-09-11T23:40:00Z") == moment


def test_future_is_after_now_plus_one_day():
    now = datetime(2026, 9, 26, 10, 0, tzinfo=timezone(timedelta(hours=3)))
    check_not_future_date(date(2026, 9, 27), now)
    with pytest.raises(FieldError):
        check_not_future_date(date(2026, 9, 28), now)
    check_not_future_datetime(now + timedelta(hours=23), now)
    with pytest.raises(FieldError):
        check_not_future_datetime(now + timedelta(days=1, minutes=1), now)


def test_text_uuid_numbers_email_sha():
    assert clean_text("  x  ") == "x" and clean_text("   ") is None
    assert code_of(lambda v: clean_text(v, max_length=3), "abcd") == "too_long"
    assert code_of(clean_text, 5) == "not_text"
    assert parse_uuid("A1CE76EA-A2FD-595A-9903-42167A818BB3") == "a1ce76ea-a2fd-595a-9903-42167a818bb3"
    assert code_of(parse_uuid, "not-a-uuid") == "not_uuid"
    assert parse_int(3, minimum=0) == 3
    assert code_of(lambda v: parse_int(v, minimum=0), -1) == "below"
    assert code_of(parse_int, True) == "not_integer"
    assert code_of(parse_int, 2.5) == "not_integer"
    assert parse_number("54,5", minimum=-90, maximum=90) == 54.5
    assert code_of(lambda v: parse_number(v, minimum=-90, maximum=90), 91) == "above"
    assert check_email("a@b.ru") == "a@b.ru"
    for bad in ("a@b", "ab.ru", "a@@b.ru", "a b@c.ru"):
        assert code_of(check_email, bad) == "email"
    assert check_sha256("A" * 64) == "a" * 64
    assert code_of(check_sha256, "xyz") == "sha256"


@pytest.mark.parametrize(("fn", "value"), [
    (parse_money, "٤٥"), (check_inn, "٤٧٠٥٠١٢٣٤٨"), (normalise_phone, "٨٩١٠٥١٢٣٣٠٨"), (normalise_phone, "²²²²²²²²²²"),
    (parse_date, "٢٠٢٦-09-14"), (parse_int, "٣"),
])
def test_only_ascii_digits_count_as_digits(fn, value):
    with pytest.raises(FieldError):
        fn(value)


def test_wire_numbers_are_json_numbers_not_strings():
    from desktop.domain.values import wire_int, wire_number

    assert wire_int(2019) == 2019
    for bad in ("2019", 2019.0, True):
        assert code_of(wire_int, bad) == "not_integer"
    assert wire_number(54.5, minimum=-90, maximum=90) == 54.5
    assert code_of(lambda v: wire_number(v, minimum=-90, maximum=90), "54.5") == "not_number"


def test_series_references_are_upper_cased_and_bounded():
    from desktop.domain.values import normalise_reference

    assert normalise_reference(" inc-2026-0003 ") == "INC-2026-0003"
    assert normalise_reference("clm-2026-0001") == "CLM-2026-0001"
    assert normalise_reference("kal-12") == "kal-12"  # an office's own scheme stays as written
    assert code_of(normalise_reference, "INC-2026-99999999999999999999") == "reference_too_large"


@pytest.mark.parametrize(("typed", "stored"), [
    ("СLМ-2026-0001", "CLM-2026-0001"),  # Cyrillic С and М, as a Russian keyboard gives them
    ("ІNC-2026-0001", "INC-2026-0001"),  # the Ukrainian І
    ("CLM\u20112026\u20110004", "CLM-2026-0004"),  # non-breaking hyphens from a word processor
    ("clm–2026–0002", "CLM-2026-0002"),  # en dashes
    ("КАЛ-12", "КАЛ-12"), ("СМ-1", "СМ-1"),  # an office's own numbers stay as written
])
def test_our_numbers_typed_with_look_alikes_are_one_number_not_a_twin(typed: str, stored: str) -> None:
    from desktop.domain.values import normalise_reference

    assert normalise_reference(typed) == stored


def test_a_string_of_invisible_characters_is_absent_and_they_are_trimmed_from_the_ends() -> None:
    from desktop.domain.values import clean_text, text_parser

    for parse in (clean_text, text_parser(100)):
        assert parse("\u200b") is None and parse(" \ufeff\u200d ") is None
        assert parse("\u200bСоколова И. П.\u2060 ") == "Соколова И. П."
        assert parse("a\u200bb") == "a\u200bb"  # inside a word it is the writer's
