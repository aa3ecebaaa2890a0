"""What `check` and a backup's verification find wrong with a log, in the clerk's language.

A finding is a `str` holding its English sentence, so scripts, tests and the program's log read
it as before (`audit: …` lines, `not an SQLite database`); `text("ru")` says it in Russian for
`check --lang ru`, `restore` and the window. SQLite's and PostgreSQL's own words quoted inside
(`{detail}`) stay as those programs wrote them.
"""

from __future__ import annotations

from typing import Any

from ..domain.words import RECORD_KINDS

_TEXTS: dict[str, tuple[str, str]] = {
    "no_file": ("no such file", "нет такого файла"),
    "not_sqlite": ("not an SQLite database", "не база данных SQLite"),
    "unreadable": ("cannot be read ({detail})", "не читается ({detail})"),
    "newer_schema": ("made by a newer version of Incident Log (schema {version})",
                     "создана более новой версией программы (схема {version})"),
    "newer_migrations": ("made by a newer version of Incident Log ({names})",
                         "создана более новой версией программы ({names})"),
    "no_migrations_table": ("not an Incident Log database (no migrations table)",
                            "не база данных журнала (нет таблицы миграций)"),
    "no_migrations": ("not an Incident Log database (no Incident Log migrations)",
                      "не база данных журнала (нет миграций журнала)"),
    "integrity": ("integrity: {detail}", "целостность: {detail}"),
    "foreign_key": ("foreign key: table {table} row {row} refers to a missing row in {parent}",
                    "внешний ключ: строка {row} таблицы {table} ссылается на отсутствующую строку таблицы {parent}"),
    "schema_version": ("schema version {version}, expected {expected}", "версия схемы {version}, ожидалась {expected}"),
    "orphan_items": ("{count} claim items refer to missing vehicles or property",
                     "предметы заявлений ({count}) ссылаются на отсутствующие ТС или имущество"),
    "damaged": ("damaged: {detail}", "повреждена: {detail}"),
    "is_the_log": ("that is the database itself, not a backup of it", "это сама база данных, а не её резервная копия"),
    "other_tables": ("a database with other tables, not an Incident Log", "база данных с чужими таблицами, не журнал"),
    "copy_counts": ("the copy holds {copy}, the original {original}", "в копии {copy}, в оригинале {original}"),
    "copy_differs": ("{table} {record} differs from the original", "{table} {record}: копия отличается от оригинала"),
    "copy_settings": ("its settings or counters differ", "настройки или счётчики копии отличаются от оригинала"),
    "entry_hash": ("audit: entry {entry} ({what}) does not match its hash: edited or added by hand",
                   "журнал изменений: запись {entry} ({what}) не совпадает со своим хешем: изменена или добавлена вручную"),
    "entry_inserted": ("audit: entry {entry} ({what}) was inserted by hand: entry {next} follows the one before it",
                       "журнал изменений: запись {entry} ({what}) вставлена вручную: запись {next} ссылается на запись перед ней"),
    "entry_rehashed": ("audit: entry {entry} ({what}) was changed and its hash recomputed: entry {next} no longer follows it",
                       "журнал изменений: запись {entry} ({what}) изменена и её хеш пересчитан: запись {next} больше не следует за ней"),
    "deleted_before": ("audit: entries before {entry} were deleted", "журнал изменений: записи до {entry} удалены"),
    "deleted_between": ("audit: entries between {entry} and {next} were deleted",
                        "журнал изменений: записи между {entry} и {next} удалены"),
    "deleted_after": ("audit: entries after {entry} were deleted, up to #{last}",
                      "журнал изменений: записи после {entry} удалены, по №{last} включительно"),
    "deleted_all": ("audit: entries (all of them) were deleted, up to #{last}",
                    "журнал изменений: удалены все записи, по №{last} включительно"),
    "record_added": ("audit: {kind} {name} has no audit entry for its present state: added by hand",
                     "журнал изменений: {kind} {name} — нет записи о нынешнем состоянии (правка в обход программы)"),
    "record_removed": ("audit: {kind} {name} was removed by hand: its last audit entry #{entry} of {at} says {action}",
                       "журнал изменений: {kind} {name} — удаление в обход программы: последняя запись №{entry} от {at} — {action}"),
    "record_changed": ("audit: {kind} {name}: {field} differs from its last audit entry #{entry} of {at}: changed by hand",
                       "журнал изменений: {kind} {name} — поле {field} не совпадает с последней записью №{entry} от {at} "
                       "(правка в обход программы)"),
    "setting_added": ("audit: setting {key} has no audit entry: added by hand",
                      "журнал изменений: настройка {key} — нет записи (правка в обход программы)"),
    "setting_unreadable": ("audit: setting {key} cannot be read (not JSON): its default is used until it is set again",
                           "журнал изменений: настройка {key} не читается (не JSON): до новой записи действует "
                           "значение по умолчанию"),
    "setting_changed": ("audit: setting {key} differs from its last audit entry #{entry} of {at}: changed by hand",
                        "журнал изменений: настройка {key} не совпадает с последней записью №{entry} от {at} (правка в обход программы)"),
}

_KINDS_RU = {"person": "человек", "incident": "происшествие", "claim": "заявление", "setting": "настройка",
             "attachment": "вложение"}
_ACTIONS_RU = {"create": "создание", "update": "изменение", "delete": "удаление"}


class Words(str):
    """A part of a finding said in both languages (an entry's number and time, a record's kind):
    the English as the string, `ru` beside it."""

    ru: str

    def __new__(cls, en: str, ru: str) -> Words:
        words = super().__new__(cls, en)
        words.ru = ru
        return words

    def __reduce__(self) -> tuple[Any, ...]:
        return Words, (str(self), self.ru)


def kind_words(kind: str) -> Words:
    return Words(kind, _KINDS_RU.get(kind, kind))


def action_words(action: str) -> Words:
    return Words(action, _ACTIONS_RU.get(action, action))


def entry_words(entry: dict[str, Any]) -> Words:
    """An audit entry by its number and time: `#12 of 2026-09-14T10:00:00+03:00`."""
    return Words(f"#{entry['id']} of {entry['at']}", f"№{entry['id']} от {entry['at']}")


def entry_what(entry: dict[str, Any]) -> Words:
    """What an audit entry records: `update claim <id>`."""
    action, kind, record = action_words(entry["action"]), kind_words(entry["record_kind"]), entry["record_id"]
    return Words(f"{action} {kind} {record}", f"{action.ru}: {kind.ru} {record}")


class Finding(str):
    """One problem found: the English sentence as a string; `text(lang)` in the clerk's language."""

    code: str
    params: dict[str, Any]

    def __new__(cls, code: str, **params: Any) -> Finding:
        finding = super().__new__(cls, _TEXTS[code][0].format(**params))
        finding.code, finding.params = code, params
        return finding

    def text(self, lang: str = "en") -> str:
        if lang != "ru":
            return str(self)
        params = {k: v.ru if isinstance(v, Words) else v for k, v in self.params.items()}
        return _TEXTS[self.code][1].format(**params)

    @property
    def ru(self) -> str:
        """As `Words` has it: a finding may be a `DatabaseUnavailable`'s detail on its own."""
        return self.text("ru")

    def __reduce__(self) -> tuple[Any, ...]:  # copied or pickled as what it is, not as a bare str
        return _finding, (self.code, self.params)


def _finding(code: str, params: dict[str, Any]) -> Finding:
    return Finding(code, **params)


def first_findings(problems: list[str], count: int = 3) -> Words:
    """The first few problems as one detail of a `DatabaseUnavailable` (damaged), in both languages."""
    shown = problems[:count]
    more = len(problems) - len(shown)
    return Words("; ".join(shown) + (f"; and {more} more (check lists them all)" if more else ""),
                 "; ".join(in_language(p, "ru") for p in shown) + (f"; и ещё {more} (все перечислит check)" if more else ""))


def in_language(problem: str, lang: str) -> str:
    """A finding in `lang`; any other line (a backend's own) as it is."""
    return problem.text(lang) if isinstance(problem, Finding) else problem


_COUNTED = {  # the tables as a clerk names them, in the command line's lines of counts (as the import's)
    **RECORD_KINDS, "vehicles": ("vehicles", "ТС"), "properties": ("properties", "имущество"),
    "audit": ("audit", "журнал изменений"),
}


def counts_line(counts: dict[str, int], lang: str) -> str:
    """`people 4, incidents 2, …` («лица 4, происшествия 2, …»): `check`, `export` and `copy-to` print it."""
    return ", ".join(f"{_COUNTED[k][lang == 'ru'] if k in _COUNTED else k} {v}" for k, v in counts.items())
