"""Errors a user can act on, kept apart from bugs (after qutebrowser's KnownError)."""

from __future__ import annotations

from enum import StrEnum
from typing import Any


class Trouble(StrEnum):
    MISSING_FOLDER = "missing_folder"
    LOCKED = "locked"
    DAMAGED = "damaged"
    TOO_NEW = "too_new"
    DISK_FULL = "disk_full"
    READ_ONLY = "read_only"
    CANNOT_OPEN = "cannot_open"
    IO_ERROR = "io_error"
    UNAVAILABLE = "unavailable"  # a server log: the server cannot be reached (network, shut down)
    REFUSED = "refused"  # a server log: the login, its password or its rights were refused
    NO_CONNECTION = "no_connection"  # a server log: a connection attempt failed before the server gave a code
    BAD_ADDRESS = "bad_address"  # a server log: the URL itself cannot be read


_TEXT = {
    Trouble.MISSING_FOLDER: ("the folder {path} does not exist", "папка {path} не существует"),
    Trouble.LOCKED: ("the database {path} is locked by another program", "база данных {path} заблокирована другой программой"),
    Trouble.DAMAGED: ("the database {path} is damaged or is not an Incident Log database: {detail}", "база данных {path} повреждена или не является базой журнала: {detail}"),
    Trouble.TOO_NEW: (
        "the database {path} was made by a newer version of Incident Log (schema {detail}); update the program",
        "база данных {path} создана более новой версией программы (схема {detail}); обновите программу",
    ),
    Trouble.DISK_FULL: (
        "the disk holding {path} is full; free some space and try again (nothing was changed)",
        "диск, на котором находится {path}, заполнен; освободите место и повторите (ничего не изменено)",
    ),
    Trouble.READ_ONLY: (
        "{path} can only be read, not written (a read-only folder, file or drive); nothing was changed",
        "{path} доступен только для чтения (папка, файл или диск защищены от записи); ничего не изменено",
    ),
    Trouble.CANNOT_OPEN: (
        "the database {path} cannot be opened: the folder is missing or you have no permission to use it",
        "не удаётся открыть базу данных {path}: нет папки или нет прав доступа к ней",
    ),
    Trouble.UNAVAILABLE: (
        "the server {path} cannot be reached ({detail}); check the network connection and try again — nothing typed is lost",
        "сервер {path} недоступен ({detail}); проверьте подключение к сети и повторите — введённое не потеряно",
    ),
    Trouble.REFUSED: (
        "the server {path} refused this login ({detail}); ask the administrator for access",
        "сервер {path} не принял это имя пользователя ({detail}); обратитесь к администратору за доступом",
    ),
    Trouble.NO_CONNECTION: (
        "cannot connect to the server {path} ({detail}); check the log's address (server, port, database, login, "
        "password) and the network connection, then try again — nothing typed is lost",
        "не удаётся подключиться к серверу {path} ({detail}); проверьте адрес журнала (сервер, порт, база данных, "
        "имя пользователя, пароль) и подключение к сети, затем повторите — введённое не потеряно",
    ),
    Trouble.BAD_ADDRESS: (
        "the log's address {path} cannot be read ({detail}); write it as postgresql://login@server/database",
        "адрес журнала {path} не удаётся прочитать ({detail}); запишите его так: postgresql://имя@сервер/база",
    ),
    Trouble.IO_ERROR: (
        "the disk holding {path} reported an input/output error; check the drive (or the network connection) and try again",
        "ошибка ввода-вывода на диске, где находится {path}; проверьте диск (или сетевое подключение) и повторите",
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
        detail = getattr(self.detail, "ru", self.detail) if lang == "ru" else self.detail  # findings say it in both
        return (ru if lang == "ru" else en).format(path=self.path, detail=detail)


class DatabaseBug(Exception):
    """SQLite refused a statement for a reason no clerk can act on (a programming error).

    Not a `DatabaseUnavailable`: the CLI exits 1 with the log's path, the window says one
    sentence and never offers a restore. The message holds SQLite's error name only.
    """

    def __init__(self, errorname: str, path: object) -> None:
        self.errorname = errorname
        self.path = str(path)
        super().__init__(self.text("en"))

    def text(self, lang: str = "en") -> str:
        if lang == "ru":
            return f"внутренняя ошибка программы при работе с базой данных ({self.errorname}); подробности в журнале"
        return f"an internal error of the program while using the database ({self.errorname}); details in the log"


class RecordInUse(Exception):
    """A delete refused because other records refer to this one."""


class NotFound(LookupError):
    pass


class Conflict(Exception):
    """A save based on a version of the record that another window or clerk has since replaced.

    Never a silent overwrite: the form shows who changed it and when, and the clerk reloads or
    keeps their own version over it (saved again with `version` = `current`, audited as such).
    """

    def __init__(self, kind: str, record_id: str, label: str, current: int, by: str | None, at: str | None,
                 *, mine: Any = None, theirs: Any = None) -> None:
        self.kind = kind  # "person", "incident" or "claim"
        self.record_id = record_id
        self.label = label  # what a clerk calls it: the claim's number, the incident's reference, the name
        self.current = current  # the stored version
        self.by = by
        self.at = at
        self.mine, self.theirs = mine, theirs  # the record refused and the one stored, to tell the clerk what differs
        self.clashes: list[tuple[str, str, str]] = []  # (field, theirs, mine) that both changed: the form fills it
        super().__init__(f"{kind} {label} was changed by {by or '?'} at {at or '?'} (version {current})")
