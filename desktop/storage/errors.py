"""Errors a user can act on, kept apart from bugs (after qutebrowser's KnownError)."""

from __future__ import annotations

from enum import StrEnum


class Trouble(StrEnum):
    MISSING_FOLDER = "missing_folder"
    LOCKED = "locked"
    DAMAGED = "damaged"
    TOO_NEW = "too_new"


_TEXT = {
    Trouble.MISSING_FOLDER: ("the folder {path} does not exist", "папка {path} не существует"),
    Trouble.LOCKED: ("the database {path} is locked by another program", "база данных {path} заблокирована другой программой"),
    Trouble.DAMAGED: ("the database {path} is damaged or is not an Incident Log database: {detail}", "база данных {path} повреждена или не является базой журнала: {detail}"),
    Trouble.TOO_NEW: (
        "the database {path} was made by a newer version of Incident Log (schema {detail}); update the program",
        "база данных {path} создана более новой версией программы (схема {detail}); обновите программу",
    ),
}


class DatabaseUnavailable(Exception):
    """The database cannot be used at all: the CLI exits 3, the window offers choices."""

    def __init__(self, trouble: Trouble, path: object, detail: str = "") -> None:
        self.trouble = trouble
        self.path = str(path)
        self.detail = detail
        super().__init__(self.text("en"))

    def text(self, lang: str = "en") -> str:
        en, ru = _TEXT[self.trouble]
        return (ru if lang == "ru" else en).format(path=self.path, detail=self.detail)


class RecordInUse(Exception):
    """A delete refused because other records refer to this one."""


class NotFound(LookupError):
    pass
