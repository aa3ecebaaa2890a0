from __future__ import annotations

import pytest

from desktop.domain.enums import PersonKind
from desktop.domain.names import kind_of_name, may_be_same_name


@pytest.mark.parametrize("name", ["ООО «Ромашка»", "АО \"Калугаэнерго\"", "МУП Водоканал", "ооо ромашка", "СНТ «Полянка»"])
def test_a_legal_form_makes_an_organisation(name: str) -> None:
    assert kind_of_name(name) == PersonKind.ORGANISATION


@pytest.mark.parametrize("name", ["ИП Кузнецов И. П.", "ип Кузнецов Игорь Петрович", "Индивидуальный предприниматель Кузнецов И. П."])
def test_ip_makes_an_entrepreneur(name: str) -> None:
    assert kind_of_name(name) == PersonKind.ENTREPRENEUR


@pytest.mark.parametrize("name", ["Смирнова Анна Викторовна", "Аоев Руслан", "Оооева Анна", "Ипатов Иван", "Ип"])
def test_anything_else_is_a_person(name: str) -> None:
    assert kind_of_name(name) == PersonKind.PERSON


@pytest.mark.parametrize(("a", "b"), [
    ("Смирнова А. В.", "Смирнова Анна Викторовна"),
    ("смирнова анна", "Смирнова Анна Викторовна"),
    ("Смирнова", "Смирнова Анна Викторовна"),
    ("Семёнов Пётр", "Семенов Петр Ильич"),
])
def test_initials_and_a_bare_surname_may_be_the_same_person(a: str, b: str) -> None:
    assert may_be_same_name(a, b) and may_be_same_name(b, a)


@pytest.mark.parametrize(("a", "b"), [
    ("Смирнова Анна", "Смирнова Алла"),
    ("Смирнова А. В.", "Смирнова Анна Петровна"),
    ("Смирнов Игорь", "Смирнова Анна"),
    ("", "Смирнова Анна"),
])
def test_a_different_name_or_initial_is_not(a: str, b: str) -> None:
    assert not may_be_same_name(a, b)
