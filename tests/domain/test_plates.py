"""Plates: every GOST R 50577 kind of the spec, typed on either keyboard, with RUS and separators."""

from __future__ import annotations

import pytest

from desktop.domain.errors import FieldError
from desktop.domain.plates import PLATE_CYRILLIC, PLATE_LATIN, PlateKind, index_forms, russian_kind, search_forms
from desktop.domain.values import normalise_plate

TO_LATIN = str.maketrans(PLATE_CYRILLIC, PLATE_LATIN)

# (kind, stored form): the spec's examples and a three-digit region of each kind.
KINDS = [
    (PlateKind.ORDINARY, "А123ВС40"),
    (PlateKind.ORDINARY, "А123ВС140"),
    (PlateKind.ORDINARY, "Х777ХХ32"),
    (PlateKind.TAXI, "АВ12340"),
    (PlateKind.TAXI, "АВ123140"),
    (PlateKind.TRAILER, "АВ123440"),
    (PlateKind.TRAILER, "АВ1234140"),
    (PlateKind.MOTORCYCLE, "1234АВ40"),
    (PlateKind.MOTORCYCLE, "1234АВ140"),
    (PlateKind.TRANSIT, "АВ123А40"),
    (PlateKind.TRANSIT, "АВ123А140"),
    (PlateKind.POLICE, "А123440"),
    (PlateKind.POLICE, "А1234140"),
    (PlateKind.ORDINARY, "О001МН99"),
    (PlateKind.ORDINARY, "Т789УХ140"),
    (PlateKind.TRANSIT, "ЕК001Р77"),
]


def _typings(stored: str) -> list[str]:
    """How clerks type one plate: either keyboard, lower case, with RUS, spaces, hyphens, a bar."""
    latin = stored.translate(TO_LATIN)
    split = 3 if stored[-4].isalpha() else 2  # the region as printed: its last 2 or 3 digits
    head, region = stored[:-split], stored[-split:]
    latin_head = head.translate(TO_LATIN)
    return [
        stored, latin, stored.lower(), latin.lower(),
        f"{stored} RUS", f"{latin}RUS", f"{latin.lower()} rus",
        f"{head} {region}", f"{latin_head}-{region}", f"{head}|{region} RUS", f"{latin_head} | {region}",
        " ".join(stored), "-".join(latin),
    ]


@pytest.mark.parametrize(("kind", "stored"), KINDS)
def test_each_kind_typed_on_both_keyboards_is_stored_in_cyrillic(kind, stored):
    assert russian_kind(stored) is not None
    for typed in _typings(stored):
        assert normalise_plate(typed) == stored, typed


def test_kinds_are_told_apart():
    assert [russian_kind(p) for _, p in KINDS[:13]] == [
        PlateKind.ORDINARY, PlateKind.ORDINARY, PlateKind.ORDINARY, PlateKind.TAXI, PlateKind.TAXI,
        PlateKind.TAXI,  # АВ123440 reads as taxi АВ 123 440 as well as trailer АВ 1234 40: stored alike
        PlateKind.TRAILER, PlateKind.MOTORCYCLE, PlateKind.MOTORCYCLE, PlateKind.TRANSIT, PlateKind.TRANSIT,
        PlateKind.POLICE, PlateKind.POLICE,
    ]
    assert russian_kind("AB1234CD") is None and russian_kind("А123ВС4") is None


@pytest.mark.parametrize(("typed", "stored"), [
    ("x777xx32", "Х777ХХ32"),
    ("ab12340", "АВ12340"),
    ("а 123 вс-40", "А123ВС40"),
    ("A123BC 40 RUS", "А123ВС40"),
    ("A123BC|40|RUS", "А123ВС40"),
    ("А123ВС40 rus", "А123ВС40"),
    ("a123вс40", "А123ВС40"),  # a mix that is a Russian kind: stored in Cyrillic, never mixed
    ("А123ВС–40", "А123ВС40"),  # an en dash from a word processor
    ("AB 1234 CD", "AB1234CD"),  # foreign: letters kept as written
    ("ab-1234-cd", "AB1234CD"),
    ("W123ZZ40", "W123ZZ40"),
    ("CD 001 RUS", "CD001RUS"),  # not a Russian kind: RUS is part of what was written
    ("D 0011 77", "D001177"),  # a diplomatic plate in Latin letters stays Latin
    ("  ", None),
    (" RUS ", "RUS"),
    (None, None),
])
def test_plates_normalised(typed, stored):
    assert normalise_plate(typed) == stored


def _refusal(typed: str) -> FieldError:
    with pytest.raises(FieldError) as e:
        normalise_plate(typed)
    return e.value


@pytest.mark.parametrize(("typed", "code"), [
    ("Я123ЯЯ67", "plate_letter"),
    ("А123БВ40", "plate_letter"),
    ("Ё123ВС40", "plate_letter"),
    ("A12/3", "plate_chars"),
    ("А123ВС40.", "plate_chars"),
    ("A" * 13, "plate_length"),
    ("АW123", "plate_mixed"),
    ("AB1234СD", "plate_mixed"),  # Cyrillic С in a foreign plate
    ("А123ВС40D", "plate_mixed"),
])
def test_plates_refused(typed, code):
    assert _refusal(typed).code == code


def test_a_refused_mix_names_its_letters_in_both_languages():
    error = _refusal("AB1234СD")
    assert error.text("en") == "Cyrillic and Latin letters mixed and no Russian plate kind: Cyrillic С, Latin A, B, D"
    assert error.text("ru") == (
        "русские и латинские буквы вперемешку, и это не российский номер: русские С, латинские A, B, D"
    )
    assert "Я" in _refusal("Я123ЯЯ67").text("ru")


def test_search_forms_give_a_part_on_both_keyboards():
    assert search_forms("а12") == ["А12", "A12"]
    assert search_forms("a12") == ["А12", "A12"]
    assert search_forms("3вс4") == ["3ВС4", "3BC4"]
    assert search_forms("123") == ["123"]
    assert search_forms("w12") == ["W12"]  # no Cyrillic twin
    assert search_forms("аw") == ["AW"]  # never a mixed form
    assert search_forms(" ") == []


def test_index_forms_let_any_part_on_either_keyboard_find_the_plate():
    words = index_forms("А123ВС40")
    for part in ("а123", "123в", "23вс", "вс40", "с4", "0", "a123bc40", "3bc", "c40"):
        assert any(w.startswith(f) for f in search_forms(part) for w in words), part
    assert not any(w.startswith(f) for f in search_forms("вс41") for w in words)
    foreign = index_forms("AB1234CD")
    assert "AB1234CD" in foreign and "1234CD" in foreign and not any(w.startswith("АВ") for w in foreign)
    assert index_forms(None) == [] and index_forms("") == []


@pytest.mark.parametrize(("kind", "stored"), KINDS)
def test_each_kind_is_found_by_any_part_typed_on_either_keyboard(kind, stored):
    words = index_forms(stored)
    latin = stored.translate(TO_LATIN)
    for plate in (stored, latin, stored.lower(), latin.lower()):
        for start in range(len(plate)):
            for end in range(start + 1, len(plate) + 1):
                part = plate[start:end]
                assert any(w.startswith(f) for f in search_forms(part) for w in words), (stored, part)


def _index_forms_as_defined(plate):
    """`index_forms` as its docstring says, written plainly: every suffix of the plate as stored, of
    its Latin look-alike and of its Cyrillic one, a form mixing the scripts left out, each word once."""
    if not plate:
        return []
    compact = plate.replace(" ", "").replace("-", "").upper()
    to_cyrillic = str.maketrans(PLATE_LATIN, PLATE_CYRILLIC)

    def mixed(form):
        return any("\u0400" <= ch <= "\u04ff" for ch in form) and any(ch.isalpha() and ch.isascii() for ch in form)

    forms = [compact, *(f for f in (compact.translate(TO_LATIN), compact.translate(to_cyrillic)) if not mixed(f))]
    words = [form[i:] for form in dict.fromkeys(forms) for i in range(len(form))]
    return list(dict.fromkeys(words))


def test_index_forms_are_what_their_definition_gives_for_any_text():
    import random

    rng = random.Random(9)
    alphabet = PLATE_CYRILLIC + PLATE_LATIN + "WQZЖЯ0123456789 -ßσΣéabcк"
    for _ in range(20_000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(1, 12)))
        assert index_forms(text) == _index_forms_as_defined(text), text


def test_a_plate_as_stored_reads_as_the_long_way_reads_it():
    """A compact upper-case Cyrillic plate of a Russian kind is given back at once; typed in lower
    case with spaces (the long way: separators, case, script, kind) it reads the same."""
    import random

    rng = random.Random(11)
    shapes = ["L999LL99", "L999LL999", "LL99999", "LL999999", "LL999999", "9999LL99", "LL999L99", "L999999",
              "L999LL9", "LL9999L9", "L99LL99", "LLL99999"]  # the kinds, and near misses
    for _ in range(20_000):
        shape = rng.choice(shapes)
        plate = "".join(rng.choice(PLATE_CYRILLIC) if c == "L" else rng.choice("0123456789") if c == "9" else c
                        for c in shape)
        assert normalise_plate(plate) == normalise_plate(" ".join(plate.lower())), plate
