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
