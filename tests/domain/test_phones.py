"""Phones against libphonenumber as the oracle, and each form the interchange phone rule names."""

from __future__ import annotations

import random

import phonenumbers
import pytest

from desktop.domain import phones
from desktop.domain.errors import FieldError
from desktop.domain.phones import parse_phone
from desktop.domain.values import normalise_phone

TYPES = [v for k, v in vars(phonenumbers.PhoneNumberType).items() if k.isupper() and k != "UNKNOWN"]


def _examples() -> list[tuple[str, phonenumbers.PhoneNumber]]:
    found = []
    for region in sorted(phonenumbers.SUPPORTED_REGIONS):
        for kind in TYPES:
            number = phonenumbers.example_number_for_type(region, kind)
            if number is not None:
                found.append((region, number))
    for code in sorted(phonenumbers.COUNTRY_CODES_FOR_NON_GEO_REGIONS):
        number = phonenumbers.example_number_for_non_geo_entity(code)
        if number is not None:
            found.append((f"+{code}", number))
    return found


def _written(international: str) -> list[str]:
    """The ways a clerk writes one number in international form."""
    return [
        international,
        international.replace(" ", "."),
        international.replace(" ", "-"),
        international.replace(" ", "\u2013"),  # en dash
        international.replace(" ", " \u2014 "),  # em dash with spaces
        international.replace(" ", "/"),
        "00" + international[1:],
        "8 10 " + international[1:],
        "8~10 " + international[1:],
    ]


def test_every_regions_example_numbers_read_as_libphonenumber_reads_them() -> None:
    wrong, checked = [], 0
    for region, number in _examples():
        expected = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
        international = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL)
        for typed in [*_written(international), expected]:
            checked += 1
            try:
                got = normalise_phone(typed)
            except FieldError as e:
                got = f"refused: {e}"
            if got != expected:
                wrong.append((region, typed, got, expected))
    assert wrong == []
    assert checked > 8000  # every supported region (245) with several kinds of number each


def test_example_numbers_with_an_extension_keep_it() -> None:
    for region in sorted(phonenumbers.SUPPORTED_REGIONS):
        number = phonenumbers.example_number(region)
        if number is None:
            continue
        international = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL)
        expected = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164) + ";ext=123"
        for typed in (f"{international} доб. 123", f"{international} ext. 123", f"{international} #123"):
            assert normalise_phone(typed) == expected, (region, typed)


def test_russian_numbers_written_nationally_read_as_libphonenumber_reads_them() -> None:
    for kind in TYPES:
        number = phonenumbers.example_number_for_type("RU", kind)
        if number is None:
            continue
        expected = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
        national = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL)
        ten = str(number.national_number)
        for typed in (national, ten, "7" + ten, "8" + ten, "7 " + national[2:]):
            assert normalise_phone(typed) == expected, typed


@pytest.mark.parametrize(("typed", "stored"), [
    ("8 (4842) 57-00-00", "+74842570000"),
    ("8 (4842) 55-21-90", "+74842552190"),
    ("7 910 512 33 08", "+79105123308"),
    ("9100000000", "+79100000000"),
    ("+7 910 512-33-08", "+79105123308"),
    ("+7 (910) 512.33.08", "+79105123308"),
    ("8\u00a0910\u00a0512\u201133\u201108", "+79105123308"),  # no-break spaces and hyphens from a word processor
    ("8 910 512–33–08", "+79105123308"),  # en dashes
    ("8 910 512—33—08", "+79105123308"),  # em dashes
    ("8.910.512.33.08", "+79105123308"),
    ("8/4842/57-00-00", "+74842570000"),
    ("+49 30 123456", "+4930123456"),  # stays German: the country's own rules apply
    ("0049 30 123456", "+4930123456"),
    ("8 10 49 30 123456", "+4930123456"),
    ("8 10 380 44 123 4567", "+380441234567"),
    ("810 375 29 123-45-67", "+375291234567"),
    ("+375 29 123-45-67", "+375291234567"),
    ("+1 201-555-0123", "+12015550123"),
    ("+82 2-212-3456", "+8222123456"),  # was +782… before libphonenumber
    ("+7 701 123 45 67", "+77011234567"),  # Kazakhstan shares +7
    ("8 (4842) 57-00-00 доб. 123", "+74842570000;ext=123"),
    ("8 (4842) 57-00-00, доб 123", "+74842570000;ext=123"),
    ("8 (4842) 57-00-00 добавочный 4", "+74842570000;ext=4"),
    ("+7 4842 57-00-00 ext. 123", "+74842570000;ext=123"),
    ("+7 4842 57-00-00 EXT 123", "+74842570000;ext=123"),
    ("+7 4842 57-00-00 #123", "+74842570000;ext=123"),
    ("+74842570000;ext=123", "+74842570000;ext=123"),  # the exported form reads back
    ("  ", None),
    (None, None),
])
def test_phone_forms_of_the_rule(typed, stored) -> None:
    assert normalise_phone(typed) == stored


def code_of(value: str) -> FieldError:
    with pytest.raises(FieldError) as e:
        normalise_phone(value)
    return e.value


@pytest.mark.parametrize(("typed", "code"), [
    ("12345", "phone_too_short"),
    ("+49 3", "phone_too_short"),
    ("1" * 16, "phone_too_long"),
    ("+7 123 456 78 90", "phone_invalid"),  # Russia has no area code 123
    ("+999 123 456", "phone_country"),
    ("+7 910 abc", "phone_chars"),
    ("1-800-FLOWERS", "phone_chars"),  # libphonenumber alone would read the letters as digits
    ("8 910 512+33 08", "phone_chars"),
    ("٨٩١٠٥١٢٣٣٠٨", "phone_chars"),  # other scripts' digits
    ("²²²²²²²²²²", "phone_chars"),
    ("+", "phone_no_digits"),
    ("8 (4842) 57-00-00 доб. 1234567890", "phone_extension"),
])
def test_phone_refused(typed, code) -> None:
    assert code_of(typed).code == code


def test_refusals_name_the_problem_in_both_languages() -> None:
    error = code_of("+7 123 456 78 90")
    assert error.text("en") == "no such number can exist with the country code +7 (RU): check the digits"
    assert error.text("ru") == "такого номера не может быть с кодом страны +7 (RU): проверьте цифры"
    error = code_of("+49 3")
    assert "+49 (DE)" in error.text("en") and "+49 (DE)" in error.text("ru")
    error = code_of("+7 910 abc")
    assert error.text("en").endswith(": a b c") and error.text("ru").endswith(": a b c")


def test_parse_phone_tells_the_region_and_extension() -> None:
    phone = parse_phone("+49 30 123456 доб. 7")
    assert (phone.e164, phone.extension, phone.region, phone.stored) == ("+4930123456", "7", "DE", "+4930123456;ext=7")
    assert parse_phone("+800 1234 5678").region is None  # non-geographic (freephone)
    assert parse_phone("8 (4842) 57-00-00").region == "RU"


def _outcome(typed: str) -> str:
    try:
        phone = parse_phone(typed)
    except FieldError as e:
        return f"{e.code} {sorted(e.params.items())}"
    return f"{phone.stored} {phone.region}"


def _usual_russian_forms() -> list[str]:
    """Ten digits after `+7`, `8`, `7`, `007`, `8 10 7` or nothing, for every three leading digits,
    and one digit short or over: the shortcut's forms and their neighbours."""
    rng = random.Random(9)
    typed = []
    for first in range(1000):
        for prefix in ("", "7", "8", "+7", "+7 (", "8 (", "007 ", "8 10 7 ", "7 "):
            tail = f"{rng.randrange(10**7):07d}"
            typed.append(f"{prefix}{first:03d}{tail}")
            typed.append(f"{prefix}{first:03d}{tail[:-1]}" if first % 2 else f"{prefix}{first:03d}{tail}1")
    return typed


def test_usual_russian_forms_read_without_the_general_parser_as_libphonenumber_reads_them(monkeypatch) -> None:
    typed = _usual_russian_forms()
    parse_phone("+7 910 000 00 00")
    assert phones._home_form is not None, "the loaded metadata no longer matches what the shortcut assumes"
    parsed: list[str] = []
    real_parse = phonenumbers.parse
    monkeypatch.setattr(phonenumbers, "parse", lambda *a, **k: (parsed.append(a[0]), real_parse(*a, **k))[1])
    shortcut = [_outcome(t) for t in typed]
    taken = 0
    for text in typed:  # the number the shortcut builds is the one libphonenumber's parser gives
        compact = "".join(ch for ch in text if ch.isdigit() or ch == "+")
        international = next((p for p in ("+", "00", "810") if compact.startswith(p)), None)
        built = phones._read_home_form(compact, international)
        if built is not None:
            taken += 1
            rest = compact[len(international):] if international else compact
            assert built == real_parse("+" + rest if international else rest, None if international else "RU"), text
    assert taken > len(typed) // 5 and len(parsed) == len(typed) - taken  # the shortcut's forms skip the parser
    monkeypatch.setattr(phones, "_home_form", None)
    assert [_outcome(t) for t in typed] == shortcut


def test_the_shortcut_is_off_when_the_metadata_says_otherwise(monkeypatch) -> None:
    monkeypatch.setitem(phones._HOME_PLAN, "general", r"[3-9]\d{9}")
    phones._load_libphonenumber()
    try:
        assert phones._home_form is None
        assert normalise_phone("8 (910) 512-33-08") == "+79105123308"
    finally:
        monkeypatch.undo()
        phones._load_libphonenumber()
    assert phones._home_form is not None


def test_russian_numbers_are_judged_valid_as_libphonenumber_judges_them(monkeypatch) -> None:
    parse_phone("+7 910 000 00 00")
    rng = random.Random(7)
    numbers = [f"{first:04d}{rng.randrange(10**tail):0{tail}d}" for first in range(10000) for tail in (5, 6, 7)]
    numbers += [f"8{rng.randrange(10**13):013d}" for _ in range(2000)]  # RU's 14-digit numbers
    for number in numbers:
        if number[0] != "0":
            expected = phonenumbers.is_valid_number_for_region(
                phonenumbers.PhoneNumber(country_code=7, national_number=int(number)), "RU")
            assert phones._home_valid(number) == expected, number
    typed = _usual_russian_forms()
    shortcut = [_outcome(t) for t in typed]
    monkeypatch.setattr(phones, "_home_valid", None)
    assert [_outcome(t) for t in typed] == shortcut


def test_numbers_russia_takes_are_read_as_the_general_path_reads_them(monkeypatch) -> None:
    """The usual forms of numbers whose leading digits put them in RU skip libphonenumber's region,
    possibility and validity questions; every outcome (number, region, refusal) stays the same."""
    parse_phone("+7 910 000 00 00")
    assert phones._home_leading is not None, "the loaded metadata no longer places [3489]… in RU first"
    typed = _usual_russian_forms()
    asked: list[object] = []
    real_region = phonenumbers.region_code_for_number
    monkeypatch.setattr(phonenumbers, "region_code_for_number", lambda n: (asked.append(n), real_region(n))[1])
    shortcut = [_outcome(t) for t in typed]
    assert 0 < len(asked) < len(typed) - 2000  # 7…, invalid and short numbers go the general way
    monkeypatch.setattr(phones, "_home_leading", None)
    assert [_outcome(t) for t in typed] == shortcut


# Each form the interchange's phone rule names, with what libphonenumber is asked for it: the text
# as typed, read as Russian unless it names its country (libphonenumber knows RU's «8 10» prefix
# and «доб.» itself); `00` is the rest of Europe's prefix, so the oracle is given `+` for it.
SPEC_FORMS = [
    ("+49 30 123456", None),  # a leading + : that country's rules apply
    ("0049 30 123456", "+49 30 123456"),  # 00
    ("8 10 49 30 123456", None),  # the old Russian 8 10
    ("8 10 380 44 123 4567", None),
    ("8 (4842) 57-00-00", None),  # Russian without a country code
    ("7 910 512 33 08", None),
    ("9100000000", None),  # ten digits
    ("+7 (910) 512 33 08", None),  # brackets
    ("8.910.512.33.08", None),  # dots
    ("8/4842/57-00-00", None),  # slashes
    ("8-910-512-33-08", None),  # hyphens
    ("8 910 512\u201333\u201308", None),  # en dashes
    ("8 910 512\u201433\u201408", None),  # em dashes
    ("8 (4842) 57-00-00 доб. 123", None),  # extensions
    ("+7 4842 57-00-00 ext. 123", None),
    ("+7 4842 57-00-00 #123", None),
    ("+74842570000;ext=123", None),  # the exported form
    ("+82 2-212-3456", None),
    ("+7 701 123 45 67", None),  # Kazakhstan shares +7
]


@pytest.mark.parametrize(("typed", "asked"), SPEC_FORMS)
def test_each_form_of_the_rule_as_libphonenumber_reads_it(typed, asked) -> None:
    number = phonenumbers.parse(asked or typed, "RU")
    assert phonenumbers.is_valid_number(number)
    expected = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
    if number.extension:
        expected += f";ext={number.extension}"
    assert normalise_phone(typed) == expected


@pytest.mark.parametrize("typed", ["+7 123 456 78 90", "8 (123) 456-78-90", "+49 3", "8 10 49 3", "+999 123 456"])
def test_a_number_libphonenumber_finds_impossible_is_refused(typed) -> None:
    try:
        valid = phonenumbers.is_valid_number(phonenumbers.parse(typed, "RU"))
    except phonenumbers.NumberParseException:
        valid = False
    assert not valid
    with pytest.raises(FieldError):
        normalise_phone(typed)
