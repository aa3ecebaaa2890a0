"""The districts an office picks from when the settings name none: Kaluga region's, as clerks write them.

The list is the office's setting (`districts`); these are only its first value, so a form, a filter
and the settings dialog offer the same names before anyone has edited them.
"""

from __future__ import annotations

from collections.abc import Iterable

DEFAULT_REGION = "Калужская область"

KALUGA_DISTRICTS: tuple[str, ...] = (
    "г. Калуга",
    "г. Обнинск",
    *(
        f"{name} район"
        for name in (
            "Бабынинский", "Барятинский", "Боровский", "Дзержинский", "Думиничский", "Жиздринский",
            "Жуковский", "Износковский", "Кировский", "Козельский", "Куйбышевский", "Людиновский",
            "Малоярославецкий", "Медынский", "Мещовский", "Мосальский", "Перемышльский",
            "Спас-Деменский", "Сухиничский", "Тарусский", "Ульяновский", "Ферзиковский",
            "Хвастовичский", "Юхновский",
        )
    ),
)


def office_districts(stored: Iterable[str] | None) -> list[str]:
    """The office's list, or Kaluga region's while the office has not set one."""
    names = [d for d in (stored or []) if d and d.strip()]
    return names or list(KALUGA_DISTRICTS)


def _core(name: str) -> str:
    """`г. Калуга` → `калуга`, `Боровский район` → `боровский`: the word a clerk types."""
    words = name.casefold().replace("ё", "е").replace(".", ". ").split()
    drop = {"г.", "город", "район", "р-н", "р-н.", "городской", "округ", "муниципальный"}
    return " ".join(w for w in words if w not in drop)


def resolve_district(typed: str, known: Iterable[str]) -> str | None:
    """The office's district a clerk meant: `калуга` → `г. Калуга`, `боровский р-н` → `Боровский район`.

    Only a single match counts; None when the text names no district of the list (or several),
    so that a new name is never saved by accident as free text.
    """
    text = " ".join(typed.split())
    if not text:
        return None
    names = [n for n in known if n and n.strip()]
    folded = text.casefold().replace("ё", "е")
    exact = [n for n in names if n.casefold().replace("ё", "е") == folded]
    if exact:
        return exact[0]
    core = _core(text)
    matches = [n for n in names if _core(n) == core] if core else []
    return matches[0] if len(matches) == 1 else None
