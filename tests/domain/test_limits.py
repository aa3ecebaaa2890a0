"""The one table of bounds (domain/limits.py) and the rules built on it."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from desktop.domain import parse
from desktop.domain.errors import FieldError
from desktop.domain.limits import MAX_SERIAL, TEXT_LIMITS, forbidden_character, text_limit
from desktop.domain.values import normalise_reference, numbering_overflows, series_of


def test_every_text_field_the_import_reads_has_a_limit_in_the_table():
    source = Path(parse.__file__).read_text(encoding="utf-8")
    fields = re.findall(r'text\("([\w.]+)"\)', source)
    assert len(fields) >= 20
    assert [f for f in fields if f not in TEXT_LIMITS] == []
    assert re.findall(r"text\(\d*\)", source) == []  # no length spelt out beside the table


def test_an_unknown_field_is_a_programming_error():
    with pytest.raises(KeyError):
        text_limit("person.nickname")


@pytest.mark.parametrize(("text", "bad"), [
    ("plain, tab\t, lines\n\r, VT\x0b, FF\x0c, NEL\x85, LS\u2028", None),
    ("a\x00", "\x00"), ("a\x1f", "\x1f"), ("a\x7f", "\x7f"), ("a\x9f", "\x9f"), ("a\x84", "\x84"),
    ("a\ud800", "\ud800"), ("a\udfff", "\udfff"),
])
def test_forbidden_characters(text, bad):
    assert forbidden_character(text) == bad


def test_a_reference_must_leave_room_for_the_next_number():
    assert normalise_reference("inc-2026-999999998") == "INC-2026-999999998"
    assert normalise_reference("INC-2026-0000000000001") == "INC-2026-0001"  # the counter's zeros are not its size
    for text in ("INC-2026-999999999", "CLM-2026-999999999", "INC-2026-0000999999999"):
        with pytest.raises(FieldError) as e:
            normalise_reference(text)
        assert e.value.code == "reference_too_large"
    assert normalise_reference("КАЛ-999999999999") == "КАЛ-999999999999"  # not our series: kept as written


def test_series_of():
    assert series_of("INC-2026-0042") == ("INC", 2026, 42)
    assert series_of("КАЛ-12") is None


def test_numbering_overflows_counts_the_file_and_the_stored_counter():
    pending = [("incidents[1].reference", 2026), ("incidents[2].reference", 2026), ("incidents[3].reference", 2025)]
    assert numbering_overflows("INC", ["INC-2026-0005"], pending, {}) == []
    found = numbering_overflows("INC", [f"INC-2026-{MAX_SERIAL - 2}"], pending, {})
    assert [(path, e.code) for path, e in found] == [("incidents[1].reference", "counter_overflow")]
    found = numbering_overflows("INC", [], pending, {("INC", 2025): MAX_SERIAL - 1})
    assert [path for path, _ in found] == ["incidents[3].reference"]
    assert numbering_overflows("INC", [], pending, {("CLM", 2025): MAX_SERIAL - 1}) == []  # another series
