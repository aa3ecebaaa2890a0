"""The duplicate-person warning's rule: documents by their letters and digits, a name one letter off."""

from __future__ import annotations

import random
from datetime import date

import pytest

from desktop.domain.duplicates import document_key, names_alike, shared, within_one_edit
from desktop.domain.enums import PersonKind
from desktop.domain.models import Person


@pytest.mark.parametrize(("a", "b"), [
    ("45 10 123456", "4510123456"),
    ("4510-123456", "4510 123456"),
    ("паспорт 2904 518233", "2904518233"),
    ("Паспорт РФ серия 29 04 № 518233", "2904 518233"),
    ("ab 123456", "AB123456"),  # a foreign passport's letters, case ignored
    ("II-НК 123456", "ii нк 123456"),  # a birth certificate
])
def test_the_same_document_however_written(a, b):
    assert document_key(a) == document_key(b) is not None


@pytest.mark.parametrize(("a", "b"), [
    ("45 10 123456", "45 10 123457"),
    ("AB 123456", "AC 123456"),
    ("2904 518233", "0429 518233"),
])
def test_another_document(a, b):
    assert document_key(a) != document_key(b)


def test_a_document_without_letters_or_digits_has_no_key():
    assert document_key(None) is None and document_key("") is None and document_key(" — ") is None
    assert document_key("паспорт") is None


@pytest.mark.parametrize(("a", "b"), [
    ("Семёнов Пётр Ильич", "Семенов Петр Ильич"),  # ё/е
    ("Смирнова Анна Викторовна", "смирнова анна викторовна"),  # case
    ("Смирнова Анна Викторовна", "Смирнова Анна  Викторовна"),  # spaces
    ("Смирнова Анна Викторовна", "Смирнова Ана Викторовна"),  # a letter missing
    ("Смирнова Анна Викторовна", "Смирнова Аннна Викторовна"),  # a letter added
    ("Смирнова Анна Викторовна", "Смирнова Анна Викторонва"),  # two neighbours swapped
    ("Смирнова Анна Викторовна", "Смирнова Анна Викторевна"),  # a letter changed
    ("Смирнова Анна Викторовна", "Смирнова А. В."),  # initials
    ("Кузнецов Игорь Петрович", "Кузнецов Игорь Петрович."),
])
def test_names_alike(a, b):
    assert names_alike(a, b) and names_alike(b, a)


@pytest.mark.parametrize(("a", "b"), [
    ("Смирнова Анна Викторовна", "Смирнова Алла Викторовна"),  # two letters
    ("Смирнова Анна Викторовна", "Смирнов Анна Викторович"),
    ("Иванов Иван", "Иванова Ивана"),
    ("Смирнова Анна", ""),
])
def test_names_not_alike(a, b):
    assert not names_alike(a, b)


def _distance(a: str, b: str) -> int:
    """Optimal string alignment distance, the textbook table: the oracle for `within_one_edit`."""
    d = [[0] * (len(b) + 1) for _ in range(len(a) + 1)]
    for i in range(len(a) + 1):
        d[i][0] = i
    for j in range(len(b) + 1):
        d[0][j] = j
    for i in range(1, len(a) + 1):
        for j in range(1, len(b) + 1):
            cost = a[i - 1] != b[j - 1]
            d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1)
    return d[len(a)][len(b)]


def test_within_one_edit_agrees_with_the_edit_distance():
    rng = random.Random(12)
    for _ in range(20_000):
        a = "".join(rng.choice("абв") for _ in range(rng.randint(0, 6)))
        b = "".join(rng.choice("абв") for _ in range(rng.randint(0, 6)))
        assert within_one_edit(a, b) == (_distance(a, b) <= 1), (a, b)


def person(pid: str, name: str, **fields) -> Person:
    return Person(id=pid, kind=PersonKind.PERSON, full_name=name, **fields)


def test_what_two_people_share():
    anna = person("a", "Смирнова Анна Викторовна", birth_date=date(1984, 3, 17), phone="+79105123308",
                  id_document="паспорт 2904 518233", inn="402701234570")
    typo = person("b", "Смирнова Ана Викторовна", birth_date=date(1984, 3, 17), id_document="2904518233")
    assert shared(anna, typo) == ["id_document", "name"]
    assert shared(anna, anna) == ["inn", "id_document", "phone", "name"]
    other_day = person("c", "Смирнова Ана Викторовна", birth_date=date(1984, 3, 18))
    assert shared(anna, other_day) == []  # a name one letter off on another birth date is another person
    no_birth = person("d", "Смирнова Анна Викторовна")
    assert shared(anna, no_birth) == [] and shared(no_birth, anna) == []
    namesake = person("e", "Смирнова Алла Викторовна", birth_date=date(1984, 3, 17))
    assert shared(anna, namesake) == []
