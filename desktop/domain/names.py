"""People's names as a clerk types them: whether a name is an organisation's, and whether two
names may be the same person.

A name typed straight into an owner or claimant field makes a new person; these rules decide
its kind and which people already in the log to mention beside the field («Смирнова А. В.» may
be «Смирнова Анна Викторовна»). They are hints for the clerk, never a refusal.
"""

from __future__ import annotations

import re

from .enums import PersonKind

# Legal forms an organisation's name starts with; «ИП» (or the words in full) an entrepreneur's.
_ORGANISATION_FORMS = (
    "ООО", "ОАО", "ЗАО", "ПАО", "АО", "НАО", "МУП", "ГУП", "ФГУП", "МУ", "МБУ", "МКУ", "МАУ", "ГБУ", "ГКУ",
    "ГАУ", "ФГБУ", "ФКУ", "АНО", "НКО", "ТСЖ", "ТСН", "СНТ", "ЖСК", "ПК", "СПК", "КФХ", "ГСК",
)
_FORM = re.compile(r"^\s*(?:" + "|".join(sorted(_ORGANISATION_FORMS, key=len, reverse=True)) + r")(?=[\s«\"“]|$)")
_ENTREPRENEUR = re.compile(r"^\s*(?:ИП|ИНДИВИДУАЛЬНЫЙ\s+ПРЕДПРИНИМАТЕЛЬ)\s+\S")  # a name after it
_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*", re.UNICODE)


def kind_of_name(name: str) -> PersonKind:
    """`ООО «Ромашка»` is an organisation, `ИП Кузнецов И. П.` an entrepreneur; anything else a person."""
    upper = name.upper()
    if _ENTREPRENEUR.match(upper):
        return PersonKind.ENTREPRENEUR
    return PersonKind.ORGANISATION if _FORM.match(upper) else PersonKind.PERSON


def name_words(name: str) -> list[str]:
    """The words of a name, folded for comparison (`Ё` reads as `е`, case ignored)."""
    return [w.casefold().replace("ё", "е") for w in _WORD.findall(name)]


def may_be_same_name(a: str, b: str) -> bool:
    """The same surname, and every other word the same or an initial of it.

    `Смирнова А. В.` and `Смирнова Анна Викторовна` may be one person; `Смирнова Анна` and
    `Смирнова Алла` may not; a surname alone matches every name with that surname.
    """
    wa, wb = name_words(a), name_words(b)
    if not wa or not wb or wa[0] != wb[0]:
        return False
    for x, y in zip(wa[1:], wb[1:], strict=False):
        if x != y and not ((len(x) == 1 and y.startswith(x)) or (len(y) == 1 and x.startswith(y))):
            return False
    return True


__all__ = ["kind_of_name", "may_be_same_name", "name_words"]
