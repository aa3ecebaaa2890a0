"""Names in letters: the addressee in the dative and the greeting by gender.

«Кузнецову Игорю Петровичу», «Уважаемый Игорь Петрович!», «Уважаемая Анна Викторовна!». The
declension is petrovich's rules (`pytrovich`), which already keep indeclinable surnames as they
are (Шевченко, Дюма, Белых; Цой and Грин for a woman) and decline both halves of a compound one
(Римскому-Корсакову). Around it this module reads the full name as offices write it: surname,
first name, patronymic; a Turkic patronymic with «оглы»/«кызы» (not declined, and it tells the
gender); a name without a patronymic; initials (only the surname is declined). An organisation
or an entrepreneur written as such («ИП Иванов И. И.», «ООО «Ромашка»») is not declined as a
person: letters address it as written.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

Gender = Literal["male", "female"]

# pytrovich logs each name it inflects at DEBUG and a conflict at WARNING: personal data never
# goes into the log, so its logger says nothing below ERROR.
logging.getLogger("pytrovich").setLevel(logging.ERROR)

# The legal form in front of (or inside) a name that is not a person's: kept as written.
_LEGAL_FORM = re.compile(
    r"^(?:ИП|ИНДИВИДУАЛЬНЫЙ\s+ПРЕДПРИНИМАТЕЛЬ|ООО|ОАО|ЗАО|ПАО|АО|НАО|МУП|ГУП|ФГУП|МБУ|МКУ|МАУ|ГБУ|ГКУ|ГАУ|"
    r"ФГБУ|ОГБУ|ОГКУ|ФКУ|НКО|АНО|ТСЖ|ТСН|ЖСК|СНТ|КФХ)(?=[\s«\"'])",
    re.IGNORECASE,
)
_ENTREPRENEUR = re.compile(r"^(?:ИП|ИНДИВИДУАЛЬНЫЙ\s+ПРЕДПРИНИМАТЕЛЬ)\s+", re.IGNORECASE)
_TURKIC_MALE = {"оглы", "улы", "уулу"}
_TURKIC_FEMALE = {"кызы", "гызы"}
_INITIAL = re.compile(r"^[А-ЯЁA-Z]\.$|^[А-ЯЁA-Z]\.[А-ЯЁA-Z]\.$")
_WORD = re.compile(r"^[А-ЯЁа-яё]+(?:-[А-ЯЁа-яё]+)*$")


@dataclass(frozen=True)
class PersonName:
    """A person's full name split as Russian documents write it."""

    surname: str | None
    first: str | None
    patronymic: str | None  # «Петрович», or «Ахмед оглы» (two words)
    initials: str | None  # «И. И.» when the name was written with initials
    gender: Gender | None


def is_person_name(full_name: str, kind: str | None = "person") -> bool:
    """False for an organisation or entrepreneur (by kind, or by a legal form written in front)."""
    if kind in ("organisation", "entrepreneur"):
        return False
    text = full_name.strip()
    return not (_LEGAL_FORM.match(text) or "«" in text or '"' in text)


def split_name(full_name: str) -> PersonName:
    """`Кузнецов Игорь Петрович`, `Мамедов Рашид Ахмед оглы`, `Иванов И. И.`, `И. И. Иванов`."""
    words = full_name.split()
    initials = [w for w in words if _INITIAL.match(w)]
    if initials:
        rest = [w for w in words if not _INITIAL.match(w)]
        surname = rest[0] if rest else None
        return PersonName(surname, None, None, " ".join(initials), _gender(surname=surname))
    patronymic = None
    if _first_name_first(words):  # «Пётр Семёнович Ёлкин», «Рашид Ахмед оглы Мамедов»: as letters write it
        words = [words[-1], words[0], *words[1:-1]]
    if len(words) >= 4 and words[-1].lower() in _TURKIC_MALE | _TURKIC_FEMALE:
        patronymic = " ".join(words[-2:])
        words = words[:-2]
    elif len(words) >= 3:
        patronymic = " ".join(words[2:])
        words = words[:2]
    surname = words[0] if words else None
    first = words[1] if len(words) > 1 else None
    return PersonName(surname, first, patronymic, None, _gender(surname, first, patronymic))


_PATRONYMIC_ENDINGS = ("вич", "ьич", "вна", "ична", "чна")  # Петрович, Ильич, Петровна, Ильинична, Саввична


def _is_patronymic(word: str) -> bool:
    return bool(_WORD.match(word)) and word.lower().endswith(_PATRONYMIC_ENDINGS)


def _first_name_first(words: list[str]) -> bool:
    """The first name, the patronymic, then the surname (Толстой's «Лев Николаевич Толстой»):
    the second word is a patronymic and the last is not (Бабич Иван Петрович stays as written)."""
    if len(words) == 3:
        return _is_patronymic(words[1]) and not _is_patronymic(words[2])
    return len(words) == 4 and words[2].lower() in _TURKIC_MALE | _TURKIC_FEMALE and _WORD.match(words[3]) is not None


def gender_of(full_name: str, kind: str | None = "person") -> Gender | None:
    """The gender a letter addresses: from the patronymic, else petrovich's guess; None if unsure.

    An entrepreneur is a person: «ИП Гусев Олег Викторович» is a man; an organisation has none.
    """
    if kind == "entrepreneur" or _ENTREPRENEUR.match(full_name.strip()):
        full_name, kind = _ENTREPRENEUR.sub("", full_name.strip()), "person"
    if not is_person_name(full_name, kind):
        return None
    return split_name(full_name).gender


def dative(full_name: str, kind: str | None = "person") -> str:
    """«Кузнецову Игорю Петровичу»; an organisation or entrepreneur as written."""
    text = " ".join(full_name.split())
    if not text or not is_person_name(text, kind):
        return text
    name = split_name(text)
    if name.initials is not None:
        words = text.split()
        return " ".join(_inflect("surname", w, name.gender) if w == name.surname else w for w in words)
    parts = [
        _inflect("surname", name.surname, name.gender) if name.surname else None,
        _inflect("first", name.first, name.gender) if name.first else None,
        _patronymic_dative(name.patronymic, name.gender) if name.patronymic else None,
    ]
    return " ".join(p for p in parts if p)


def genitive(full_name: str) -> str | None:
    """«Петровой», «Соколовой Ирины Павловны», «Петровой И. П.» (the window's «… нет в списке»);
    None when the name cannot be declined with confidence (its gender unknown, a foreign spelling,
    an organisation): the sentence is then worded to need no declension."""
    text = " ".join(full_name.split())
    if not text or not is_person_name(text):
        return None
    name = split_name(text)
    gender = name.gender
    if gender is None:
        return None
    if name.initials is not None:
        if not name.surname or not _WORD.match(name.surname):
            return None
        declined = _inflect("surname", name.surname, gender, "genitive")
        return " ".join(declined if w == name.surname else w for w in text.split())
    parts: list[str] = []
    for part, word in (("surname", name.surname), ("first", name.first), ("patronymic", name.patronymic)):
        if not word:
            continue
        if part == "patronymic" and len(word.split()) > 1:
            parts.append(word)  # «Ахмед оглы»: not declined
            continue
        if not _WORD.match(word):
            return None
        parts.append(_inflect(part, word, gender, "genitive"))
    return " ".join(parts) or None


def greeting(full_name: str, kind: str | None = "person", lang: str = "ru") -> str:
    """«Уважаемый Игорь Петрович!», «Уважаемая Анна Викторовна!»; English: `Dear Anna Viktorovna,`.

    An entrepreneur is greeted by name (`ИП` dropped); an organisation as «Уважаемые господа!».
    """
    text = " ".join(full_name.split())
    if kind == "entrepreneur" or _ENTREPRENEUR.match(text):
        text = _ENTREPRENEUR.sub("", text).strip()
        kind = "person"
    if not text or not is_person_name(text, kind):
        return "Dear Sir or Madam," if lang == "en" else "Уважаемые господа!"
    name = split_name(text)
    words = text.split()
    if len(words) > 2 and not all(_WORD.match(w) or _INITIAL.match(w) for w in words):
        called = text  # «محمد بن عبد الله»: no patronymic to find in other letters, so all of it
    elif name.first and name.patronymic:
        called = f"{name.first} {name.patronymic}"
    elif name.first:
        called = f"{name.first} {name.surname}" if name.surname else name.first
    elif name.initials and name.surname:
        called = f"{name.initials} {name.surname}"
    else:
        called = text
    if lang == "en":
        return f"Dear {called},"
    adjective = {"male": "Уважаемый", "female": "Уважаемая"}.get(name.gender or "", "Уважаемый(ая)")
    return f"{adjective} {called}!"


def _patronymic_dative(patronymic: str, gender: Gender | None) -> str:
    if patronymic.split()[-1].lower() in _TURKIC_MALE | _TURKIC_FEMALE:
        return patronymic  # «Ахмед оглы» stays: the father's name with оглы/кызы is not declined
    return _inflect("patronymic", patronymic, gender)


def _gender(surname: str | None = None, first: str | None = None, patronymic: str | None = None) -> Gender | None:
    if patronymic:
        last = patronymic.split()[-1].lower()
        if last in _TURKIC_MALE or last.endswith("ич"):
            return "male"
        if last in _TURKIC_FEMALE or last.endswith(("вна", "чна", "шна")):
            return "female"
    known = {"firstname": first, "lastname": surname, "middlename": patronymic}
    known = {k: v for k, v in known.items() if v and _WORD.match(v)}
    if not known:
        return None
    from pytrovich.enums import Gender as PGender

    return {PGender.MALE: "male", PGender.FEMALE: "female"}.get(_detector().detect(**known))


def _inflect(part: str, word: str, gender: Gender | None, case: Literal["dative", "genitive"] = "dative") -> str:
    """One name part into the dative (or genitive), keeping an all-capitals word in capitals."""
    if not _WORD.match(word):
        return word  # a Latin or otherwise foreign spelling: petrovich has no rules for it
    from pytrovich.enums import Case, NamePart
    from pytrovich.enums import Gender as PGender

    parts = {"surname": NamePart.LASTNAME, "first": NamePart.FIRSTNAME, "patronymic": NamePart.MIDDLENAME}
    genders = {"male": PGender.MALE, "female": PGender.FEMALE, None: PGender.ANDROGYNOUS}
    cases = {"dative": Case.DATIVE, "genitive": Case.GENITIVE}
    result = _maker().make(parts[part], genders[gender], cases[case], word, known_gender=gender is not None)
    return result.upper() if word.isupper() and len(word) > 1 else result


@lru_cache(maxsize=1)
def _maker():  # type: ignore[no-untyped-def]
    """Loaded on first use: reading the rules costs a few milliseconds a letter does not need at start."""
    from pytrovich.maker import PetrovichDeclinationMaker

    return PetrovichDeclinationMaker()


@lru_cache(maxsize=1)
def _detector():  # type: ignore[no-untyped-def]
    from pytrovich.detector import PetrovichGenderDetector

    return PetrovichGenderDetector()
