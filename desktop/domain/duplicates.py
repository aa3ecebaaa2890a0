"""Whether a person being saved may already be in the log: the duplicate-person warning's rule.

Two records may be one person when they share an INN, a phone, or an identity document compared
by its letters and digits (interchange.md: `45 10 123456` = `4510123456`, case ignored), or when
they were born on the same day and their names are one letter apart (ё and е alike, one typo:
a letter missing, added, changed or two neighbours swapped) or the same but for initials. A hint
for the clerk, never a refusal (docs/decisions.md, "Possibly the same person").

The store finds candidates by indexed keys (`document_key` is stored beside the document, people
are looked up by birth date), then this module decides; no rule lives in SQL.
"""

from __future__ import annotations

import re

from .models import Person
from .names import may_be_same_name, name_words

# What a person may share with another: the keys the warning names, in this order.
SHARED_KEYS = ("inn", "id_document", "phone", "name")

# Words that say what kind of document it is, not which one: «паспорт 2904 518233» is the
# document `2904 518233` too, as a clerk types it the second time.
_KIND_WORDS = frozenset({
    "паспорт", "паспорта", "пасп", "гражданина", "гр", "рф", "российской", "федерации", "россии",
    "серия", "сер", "номер", "ном", "no", "n", "nr",
})
_TOKENS = re.compile(r"[^\W_]+")


def document_key(id_document: str | None) -> str | None:
    """An identity document by its letters and digits alone, folded: `45 10 123456`, `4510-123456`
    and «Паспорт серия 45 10 № 123456» all give `4510123456`; None when nothing is left."""
    if not id_document:
        return None
    words = [w.casefold().replace("ё", "е") for w in _TOKENS.findall(id_document)]
    key = "".join(w for w in words if w not in _KIND_WORDS)
    return key or None


def folded_name(full_name: str) -> str:
    """A name as compared: its words, case and ё/е folded, single spaces (`Семёнов  Пётр` → `семенов петр`)."""
    return " ".join(name_words(full_name))


def within_one_edit(a: str, b: str) -> bool:
    """At most one letter inserted, deleted or changed, or two neighbours swapped (`Иванов`/`Ивнаов`)."""
    if a == b:
        return True
    la, lb = len(a), len(b)
    if abs(la - lb) > 1:
        return False
    i = 0
    while i < min(la, lb) and a[i] == b[i]:
        i += 1
    if la == lb:
        if a[i + 1:] == b[i + 1:]:
            return True  # one letter changed
        return a[i + 2:] == b[i + 2:] and a[i] == b[i + 1] and a[i + 1] == b[i]  # two swapped
    if la > lb:
        return a[i + 1:] == b[i:]  # one letter more in a
    return a[i:] == b[i + 1:]


def names_alike(a: str, b: str) -> bool:
    """One person's name written twice: one letter apart after folding, or the same but for initials."""
    fa, fb = folded_name(a), folded_name(b)
    if not fa or not fb:
        return False
    return within_one_edit(fa, fb) or may_be_same_name(a, b)


def shared(person: Person, other: Person) -> list[str]:
    """What OTHER shares with PERSON, among `SHARED_KEYS`; empty: not a likely duplicate.

    `name` means the same birth date and a name alike (`names_alike`).
    """
    out = []
    if person.inn and person.inn == other.inn:
        out.append("inn")
    key = document_key(person.id_document)
    if key is not None and key == document_key(other.id_document):
        out.append("id_document")
    if person.phone and person.phone == other.phone:
        out.append("phone")
    if (person.birth_date is not None and person.birth_date == other.birth_date
            and names_alike(person.full_name, other.full_name)):
        out.append("name")
    return out


__all__ = ["SHARED_KEYS", "document_key", "folded_name", "names_alike", "shared", "within_one_edit"]
