"""Declension of names for letters (pytrovich), greetings by gender, organisations as written."""

from __future__ import annotations

import logging

import pytest

from desktop.domain.declension import dative, gender_of, greeting, split_name


@pytest.mark.parametrize(("name", "to_whom", "hello"), [
    # male and female
    ("Кузнецов Игорь Петрович", "Кузнецову Игорю Петровичу", "Уважаемый Игорь Петрович!"),
    ("Смирнова Анна Викторовна", "Смирновой Анне Викторовне", "Уважаемая Анна Викторовна!"),
    ("Ахмедов Рустам Ильдарович", "Ахмедову Рустаму Ильдаровичу", "Уважаемый Рустам Ильдарович!"),
    ("Ильина Ольга Ильинична", "Ильиной Ольге Ильиничне", "Уважаемая Ольга Ильинична!"),
    ("Кузьмина Любовь Фоминична", "Кузьминой Любови Фоминичне", "Уважаемая Любовь Фоминична!"),
    # compound surnames: both halves declined
    ("Римский-Корсаков Николай Андреевич", "Римскому-Корсакову Николаю Андреевичу", "Уважаемый Николай Андреевич!"),
    ("Римская-Корсакова Надежда Николаевна", "Римской-Корсаковой Надежде Николаевне", "Уважаемая Надежда Николаевна!"),
    # indeclinable surnames (and those indeclinable for a woman only)
    ("Шевченко Тарас Григорьевич", "Шевченко Тарасу Григорьевичу", "Уважаемый Тарас Григорьевич!"),
    ("Шевченко Анна Ивановна", "Шевченко Анне Ивановне", "Уважаемая Анна Ивановна!"),
    ("Дюма Александр", "Дюма Александру", "Уважаемый Александр Дюма!"),
    ("Белых Ольга Сергеевна", "Белых Ольге Сергеевне", "Уважаемая Ольга Сергеевна!"),
    ("Цой Анна Викторовна", "Цой Анне Викторовне", "Уважаемая Анна Викторовна!"),
    ("Цой Виктор Робертович", "Цою Виктору Робертовичу", "Уважаемый Виктор Робертович!"),
    ("Грин Анна Павловна", "Грин Анне Павловне", "Уважаемая Анна Павловна!"),
    ("Грин Александр Степанович", "Грину Александру Степановичу", "Уважаемый Александр Степанович!"),
    # оглы / кызы: the patronymic stays and tells the gender
    ("Мамедов Рашид Ахмед оглы", "Мамедову Рашиду Ахмед оглы", "Уважаемый Рашид Ахмед оглы!"),
    ("Алиева Айгюль Рашид кызы", "Алиевой Айгюль Рашид кызы", "Уважаемая Айгюль Рашид кызы!"),
    # no patronymic, initials, capitals, extra spaces
    ("Иванова Мария", "Ивановой Марии", "Уважаемая Мария Иванова!"),
    ("Иванов И. И.", "Иванову И. И.", "Уважаемый И. И. Иванов!"),
    ("КУЗНЕЦОВ ИГОРЬ ПЕТРОВИЧ", "КУЗНЕЦОВУ ИГОРЮ ПЕТРОВИЧУ", "Уважаемый ИГОРЬ ПЕТРОВИЧ!"),
    ("  Смирнова   Анна  Викторовна ", "Смирновой Анне Викторовне", "Уважаемая Анна Викторовна!"),
    # the first name first, as other offices' files write it: addressed surname first, as letters do
    ("Пётр Семёнович Ёлкин", "Ёлкину Петру Семёновичу", "Уважаемый Пётр Семёнович!"),
    ("Лев Николаевич Толстой", "Толстому Льву Николаевичу", "Уважаемый Лев Николаевич!"),
    ("Анна Ильинична Петрова", "Петровой Анне Ильиничне", "Уважаемая Анна Ильинична!"),
    ("Рашид Ахмед оглы Мамедов", "Мамедову Рашиду Ахмед оглы", "Уважаемый Рашид Ахмед оглы!"),
    ("Бабич Иван Петрович", "Бабичу Ивану Петровичу", "Уважаемый Иван Петрович!"),  # a surname in -ич
    # a name in other letters: greeted whole (its first word was dropped), never declined
    ("Smith John Paul", "Smith John Paul", "Уважаемый(ая) Smith John Paul!"),
    ("مُحَمَّد بن عبد الله", "مُحَمَّد بن عبد الله", "Уважаемый(ая) مُحَمَّد بن عبد الله!"),
])
def test_dative_and_greeting(name, to_whom, hello):
    assert dative(name) == to_whom
    assert greeting(name) == hello


@pytest.mark.parametrize(("name", "kind", "hello"), [
    ("ИП Иванов И. И.", "entrepreneur", "Уважаемый И. И. Иванов!"),
    ("ИП Иванов И. И.", "person", "Уважаемый И. И. Иванов!"),  # written as an entrepreneur
    ("Иванов Иван Иванович", "entrepreneur", "Уважаемый Иван Иванович!"),
    ("ООО «Ромашка»", "organisation", "Уважаемые господа!"),
    ("МУП «Водоканал»", "person", "Уважаемые господа!"),
    ("Администрация города Калуги", "organisation", "Уважаемые господа!"),
])
def test_organisations_and_entrepreneurs_are_not_declined_as_people(name, kind, hello):
    assert dative(name, kind) == name
    assert greeting(name, kind) == hello


def test_english_greetings():
    assert greeting("Смирнова Анна Викторовна", lang="en") == "Dear Анна Викторовна,"
    assert greeting("ООО «Ромашка»", "organisation", lang="en") == "Dear Sir or Madam,"


def test_gender_from_the_patronymic_and_from_petrovich():
    assert gender_of("Кузнецов Игорь Петрович") == "male"
    assert gender_of("Смирнова Анна Викторовна") == "female"
    assert gender_of("Цой Саша Викторовна") == "female"  # the patronymic decides over an ambiguous first name
    assert gender_of("Иванова Мария") == "female"  # petrovich's detection without a patronymic
    assert gender_of("Мамедов Рашид Ахмед оглы") == "male" and gender_of("Алиева Айгюль Рашид кызы") == "female"
    assert gender_of("Smith John") is None
    assert gender_of("ООО «Ромашка»", "organisation") is None
    assert greeting("Smith John") == "Уважаемый(ая) John Smith!"  # unknown gender: both endings


def test_a_foreign_spelling_is_left_alone():
    assert dative("Smith John") == "Smith John"


def test_split_name():
    name = split_name("Мамедов Рашид Ахмед оглы")
    assert (name.surname, name.first, name.patronymic, name.gender) == ("Мамедов", "Рашид", "Ахмед оглы", "male")


def test_names_never_reach_the_log(caplog):
    caplog.set_level(logging.DEBUG)
    dative("Кузнецов Игорь Петрович")
    gender_of("Цой Саша")
    assert "Кузнецов" not in caplog.text and "Цой" not in caplog.text


@pytest.mark.parametrize(("name", "to_whom"), [
    ("Салтыков-Щедрин Михаил Евграфович", "Салтыкову-Щедрину Михаилу Евграфовичу"),  # compound, male
    ("Петрова-Водкина Анна Сергеевна", "Петровой-Водкиной Анне Сергеевне"),  # compound, female
    ("Плевако Фёдор Никифорович", "Плевако Фёдору Никифоровичу"),  # -о: indeclinable
    ("Черных Иван Петрович", "Черных Ивану Петровичу"),  # -их/-ых: indeclinable for both
    ("Гюго Виктор", "Гюго Виктору"),
    ("Дюма Александра", "Дюма Александре"),
    ("Ким Ольга Алексеевна", "Ким Ольге Алексеевне"),  # a consonant: indeclinable for a woman only
    ("Ким Олег Алексеевич", "Киму Олегу Алексеевичу"),
    ("Ёлкина Алёна Фёдоровна", "Ёлкиной Алёне Фёдоровне"),
    ("Мамедов Рашид Ахмед-оглы", "Мамедову Рашиду Ахмед-оглы"),  # оглы written with a hyphen
    ("Алиева Айгюль Рашид-кызы", "Алиевой Айгюль Рашид-кызы"),
    ("Ибрагимов Тимур Рустам улы", "Ибрагимову Тимуру Рустам улы"),
    ("Ахмедова Лейла Гасан гызы", "Ахмедовой Лейле Гасан гызы"),
])
def test_more_compound_indeclinable_and_turkic_names(name, to_whom):
    assert dative(name) == to_whom


@pytest.mark.parametrize("name", [
    "Кузнецов Игорь Петрович", "Смирнова Анна Викторовна", "Римский-Корсаков Николай Андреевич",
    "Римская-Корсакова Надежда Николаевна", "Шевченко Тарас Григорьевич", "Шевченко Анна Ивановна",
    "Белых Ольга Сергеевна", "Цой Анна Викторовна", "Цой Виктор Робертович", "Дюма Александр Александрович",
    "Кузьмина Любовь Фоминична", "Ильина Ольга Ильинична", "Грин Анна Павловна", "Грин Александр Степанович",
])
def test_each_part_as_pytrovich_declines_it(name):
    """pytrovich as the oracle: the full name reads as its three parts declined one by one, in the
    gender the patronymic gives (the module must split, choose the gender and join without loss)."""
    from pytrovich.enums import Case, Gender, NamePart
    from pytrovich.maker import PetrovichDeclinationMaker

    maker = PetrovichDeclinationMaker()
    surname, first, patronymic = name.split()
    gender = Gender.MALE if patronymic.endswith("ич") else Gender.FEMALE
    expected = " ".join([
        maker.make(NamePart.LASTNAME, gender, Case.DATIVE, surname),
        maker.make(NamePart.FIRSTNAME, gender, Case.DATIVE, first),
        maker.make(NamePart.MIDDLENAME, gender, Case.DATIVE, patronymic),
    ])
    assert dative(name) == expected


@pytest.mark.parametrize(("name", "whose"), [
    ("Петрова", "Петровой"), ("Петрова А. С.", "Петровой А. С."), ("Сидоров В. В.", "Сидорова В. В."),
    ("Соколова Ирина Павловна", "Соколовой Ирины Павловны"), ("Мамедов Рашид Ахмед оглы", "Мамедова Рашида Ахмед оглы"),
    ("Ким", None), ("John Smith", None), ("ООО «Ромашка»", None),  # no gender, or not a person: None
])
def test_genitive_for_the_windows_sentences(name, whose):
    from desktop.domain.declension import genitive

    assert genitive(name) == whose
