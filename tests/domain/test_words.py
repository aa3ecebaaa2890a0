"""The words for values, on screen and on paper: money, counts, dates and enum labels in both languages."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from decimal import Decimal
from enum import StrEnum

import pytest

from desktop.domain import enums
from desktop.domain.errors import FieldError, Problem
from desktop.domain.words import (
    ENUM_LABELS,
    NBSP,
    attachment_text,
    count,
    day,
    file_kind,
    file_size,
    label,
    moment,
    money,
    normalise_lang,
    number_lookups,
    record_place,
    shown_number,
    stored_number,
    stored_numbers_in,
)


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


# ---- the office's numbering, files, and places in a file -------------------------------------
def test_our_numbers_read_in_the_offices_letters_in_russian_only() -> None:
    assert shown_number("INC-2026-0001", "ru") == "П-2026-0001"
    assert shown_number("CLM-2026-0042", "ru") == "З-2026-0042"
    assert shown_number("INC-2026-0001", "en") == "INC-2026-0001"
    assert shown_number("КАЛ-12", "ru") == "КАЛ-12"  # another office's own numbering: as written
    assert shown_number(None, "ru") == shown_number("", "en") == ""


def test_either_form_typed_finds_the_stored_number() -> None:
    assert stored_number(" п-2026-0001 ") == "INC-2026-0001"
    assert stored_number("З-2026-0007") == "CLM-2026-0007"
    assert stored_number("CLM-2026-0007") == "CLM-2026-0007"
    assert number_lookups("з-2026-1") == ["з-2026-1", "CLM-2026-1", "CLM-2026-0001"]
    assert number_lookups("П-2026-0001") == ["П-2026-0001", "INC-2026-0001"]
    assert number_lookups("inc-2026-3") == ["inc-2026-3", "INC-2026-3", "INC-2026-0003"]
    assert number_lookups("КАЛ-12") == ["КАЛ-12"]


def test_a_search_text_reads_the_offices_numbers_as_stored() -> None:
    assert stored_numbers_in("З-2026-0001 Смирнова") == "CLM-2026-0001 Смирнова"
    assert stored_numbers_in("п-2026") == "INC-2026"
    # Not a number of ours: a word ending in п, an office's own П-12.
    assert stored_numbers_in("кп-2026 П-12") == "кп-2026 П-12"
    # The counter's zeros are optional, as wherever a number is typed (decisions.md).
    assert stored_numbers_in("з-2026-2 Смирнова") == "CLM-2026-0002 Смирнова"
    assert stored_numbers_in("clm-2026-2") == "CLM-2026-0002"
    assert stored_numbers_in("П-2026-17") == "INC-2026-0017"
    assert stored_numbers_in("CLM-2026-0002") == "CLM-2026-0002"  # whole numbers as they were
    assert stored_numbers_in("CLM-2026-12345") == "CLM-2026-12345"
    assert stored_numbers_in("xclm-2026-2") == "xclm-2026-2"  # inside a word: not ours
    assert stored_numbers_in("З-2026-00") == "CLM-2026-00"  # being typed: the beginning of 0001-0099


@pytest.mark.parametrize(
    ("size", "ru", "en"),
    [
        (151_552, f"148{NBSP}КБ", f"148{NBSP}KB"),
        (1_500_000, f"1,4{NBSP}МБ", f"1.4{NBSP}MB"),
        (1024, f"1{NBSP}КБ", f"1{NBSP}KB"),
        (512, f"512{NBSP}байт", f"512{NBSP}bytes"),
        (3, f"3{NBSP}байта", f"3{NBSP}bytes"),
        (1, f"1{NBSP}байт", f"1{NBSP}byte"),
    ],
)
def test_file_sizes_in_kilobytes_with_a_russian_decimal_comma(size: int, ru: str, en: str) -> None:
    assert file_size(size, "ru") == ru
    assert file_size(size, "en") == en


def test_an_attachment_says_what_it_is_not_its_media_type() -> None:
    assert attachment_text("application/pdf", "акт.pdf", 151_552, "ru") == f"PDF-документ, 148{NBSP}КБ"
    assert attachment_text("application/pdf", "act.pdf", 151_552, "en") == f"PDF document, 148{NBSP}KB"
    assert file_kind("image/jpeg", "фото.jpg", "ru") == "Изображение JPEG"
    assert file_kind("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "x.docx", "ru") \
        == "Документ Word"
    assert file_kind(None, "скан.djvu", "ru") == "Файл DJVU"
    assert file_kind(None, None, "ru") == "Файл"
    assert attachment_text(None, "x", None, "ru") == "Файл"


@pytest.mark.parametrize(
    ("path", "ru", "en"),
    [
        ("incidents[1].vehicles[2].vin", "Происшествие №2, ТС 3, VIN", "Incident 2, vehicle 3, VIN"),
        ("claims[0].payment.amount", "Заявление №1, выплата, сумма", "Claim 1, payment, amount"),
        ("people[0].inn", "Лицо №1, ИНН", "Person 1, INN"),
        ("incidents[1]", "Происшествие №2", "Incident 2"),
        ("claims[1].items[0]", "Заявление №2, предмет 1", "Claim 2, item 1"),
        ("incidents[0].properties[1].severity", "Происшествие №1, имущество 2, степень", "Incident 1, property 2, severity"),
        ("incidents[0].colour_typo", "Происшествие №1, colour_typo", "Incident 1, colour_typo"),  # a typo: as written
        ("incidents[0].extra.kind", "Происшествие №1, дополнительные данные, kind", "Incident 1, extra data, kind"),
        ("attachments/ab12", "Файл пакета «attachments/ab12»", "Package file attachments/ab12"),
        ("", "", ""),
    ],
)
def test_a_place_in_a_file_is_named_in_words(path: str, ru: str, en: str) -> None:
    assert record_place(path, "ru") == ru
    assert record_place(path, "en") == en


def test_an_import_problem_names_the_record_in_russian_and_keeps_the_path_in_english() -> None:
    problem = Problem("incidents[1].vehicles[2].vin", FieldError("vin_length", got=16))
    assert problem.for_window("ru") == "Происшествие №2, ТС 3, VIN: ожидается 17 символов, получено 16"
    assert problem.for_window("en") == "incidents[1].vehicles[2].vin: expected 17 characters, got 16"
    # The command line starts every line with the path in any language: scripts read `path: …`.
    assert problem.for_command_line("ru") == ("incidents[1].vehicles[2].vin: Происшествие №2, ТС 3, VIN: "
                                              "ожидается 17 символов, получено 16")
    assert problem.for_command_line("en") == problem.text("en")
    whole = Problem("", FieldError("not_object"))
    assert whole.for_window("ru") == whole.for_command_line("ru") == "должно быть объектом"


def test_severity_words_have_one_form() -> None:
    """The degree of damage, as the column «Степень» reads it: one feminine adjective each, «полная» for destroyed."""
    assert [label(s, "ru") for s in enums.Severity] == ["незначительная", "средняя", "значительная", "полная"]
