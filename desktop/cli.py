"""The command line of cli.md: headless work for administrators' scripts, backups and tests.

Exit statuses are a contract: 0 done; 2 bad usage or input (nothing changed); 3 the database
cannot be used; 1 anything else, with a short message and the path of the log file.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import locale
import logging
import os
import sys
import traceback
from collections.abc import Iterator, Sequence
from pathlib import Path
from types import TracebackType
from typing import NoReturn

from . import __version__
from .domain.deadlines import DOCUMENTS_DUE_MAX, DOCUMENTS_DUE_MIN
from .domain.enums import ClaimStatus
from .domain.errors import FieldError, ValidationFailed
from .domain.limits import forbidden_character, text_limit
from .domain.values import KeyGivenTwice, json_loads_once, parse_date, parse_enum
from .domain.views import Filters, OfficeSettings
from .files import make_private, private_folder, restrict_new_files, scratch_copy, sweep_unfinished
from .paths import data_dir, default_db_path, log_dir
from .storage import DatabaseUnavailable, Location, LogStore, Trouble, open_copy, open_store
from .storage.findings import Words, counts_line, in_language

EXIT_OK, EXIT_FAILED, EXIT_BAD_INPUT, EXIT_DATABASE = 0, 1, 2, 3

SETTING_KEYS = ("office_name", "office_address", "signatory_name", "signatory_position", "region", "language",
                "districts", "required_documents", "executors", "documents_due_days", "payment_rules", "backup_keep")
LOG_FILE = "incident-log.log"
LOG_BYTES, LOG_COPIES = 1024 * 1024, 3

log = logging.getLogger("incident_log")


class BadInput(Exception):
    """Bad usage or input: each line of `lines` goes to standard error, the exit status is 2."""

    def __init__(self, lines: list[str]) -> None:
        self.lines = lines
        super().__init__("\n".join(lines))


# The command line's own words (--help), (en, ru): shown in Russian under a Russian locale or
# with --lang ru, as the window is. Option names, commands and FILTERS' values stay as cli.md
# spells them: scripts type those.
HELP: dict[str, tuple[str, str]] = {
    "usage": ("usage: ", "Использование: "),
    "positionals": ("positional arguments", "аргументы"),
    "options": ("options", "параметры"),
    "commands": ("commands", "команды"),
    "help": ("show this help and exit", "показать эту справку и выйти"),
    "description": ("Incident Log: incidents, damaged property and assistance claims. Without a command it "
                    "opens the window.",
                    "Журнал происшествий: происшествия, повреждённое имущество и заявления о помощи. Без команды "
                    "открывает окно программы."),
    "db": ("database file (default: the user's data folder; env INCIDENT_LOG_DB)",
           "файл базы данных (по умолчанию — в папке данных пользователя; переменная INCIDENT_LOG_DB)"),
    "lang": ("language of the window, messages and reports", "язык окна, сообщений и отчётов"),
    "version": ("show the program's version and exit", "показать версию программы и выйти"),
    "import": ("import FILE.json or FILE.zip (the interchange format)", "загрузить ФАЙЛ в формате обмена (.json или .zip)"),
    "renumber": ("replace references and claim numbers another record already has by free ones of ours, "
                 "listing each replacement",
                 "заменить номера происшествий и заявлений, уже занятые другими записями, свободными номерами "
                 "журнала и перечислить каждую замену"),
    "export": ("export to FILE.json, FILE.zip or FILE.xlsx", "выгрузить в ФАЙЛ (.json, .zip или .xlsx)"),
    "report": ("build a PDF report", "построить отчёт в PDF"),
    "report_incident": ("incident report", "справка о происшествии"),
    "report_claim": ("claim sheet", "карточка заявления"),
    "report_register": ("claims register", "реестр заявлений"),
    "report_incidents": ("incidents register", "реестр происшествий"),
    "report_summary": ("summary by district and status", "сводка по районам и статусам"),
    "report_request-documents": ("letter asking for missing documents", "письмо о представлении документов"),
    "report_inspection-act": ("the commission's act of inspection of a claim's items",
                              "акт обследования повреждённого имущества по заявлению"),
    "report_decision-notice": ("the written answer to the claimant on the decision",
                               "уведомление заявителя о принятом решении"),
    "report_payment-register": ("approved, unpaid claims for the finance department (PDF or .xlsx)",
                                "реестр одобренных и не оплаченных заявлений для бухгалтерии (PDF или .xlsx)"),
    "report_deadlines": ("deadline control: open claims by executor", "контроль исполнения: незавершённые заявления по исполнителям"),
    "executor": ("only the claims of this executor (exact name)", "только заявления этого исполнителя (точное имя)"),
    "NAME": ("NAME", "ИМЯ"), "OUT.pdf|OUT.xlsx": ("OUT.pdf|OUT.xlsx", "ФАЙЛ.pdf|ФАЙЛ.xlsx"),
    "output": ("the report file to write", "файл отчёта"),
    "report_lang": ("language of the report", "язык отчёта"),
    "backup": ("write a consistent copy of the database", "записать резервную копию базы данных"),
    "restore": ("put a backup in place of the database (the old one is kept aside)",
                "восстановить базу данных из резервной копии (прежняя сохраняется рядом)"),
    "check": ("verify the database", "проверить базу данных"),
    "copy-to": ("copy the whole log into an empty file or PostgreSQL database, verified",
                "скопировать весь журнал в пустой файл или базу PostgreSQL с проверкой"),
    "TARGET": ("TARGET", "КУДА"),
    "selftest": ("prove that this installation works", "проверить, что программа установлена целиком и работает"),
    "settings": ("print or set the office's settings", "показать или изменить настройки администрации"),
    "from": ("YYYY-MM-DD, inclusive", "ГГГГ-ММ-ДД, включительно"),
    "to": ("YYYY-MM-DD, inclusive", "ГГГГ-ММ-ДД, включительно"),
    "district": ("exact district name; repeat it for several districts",
                 "район, точное название; для нескольких районов повторите параметр"),
    "status": ("claim status: {0}", "статус заявления: {0}"),
    "search": ("the register's search, as typed into the window's search field: words, a number, a plate, a phone "
               "(every match)",
               "поиск, как в строке поиска окна: слова, номер, госномер, телефон (все найденные записи)"),
    "overdue": ("only claims past their answer date", "только просроченные заявления: срок ответа прошёл"),
    # Placeholders (metavar) of the usage lines.
    "PATH": ("PATH", "ПУТЬ"), "FILE": ("FILE", "ФАЙЛ"), "DATE": ("DATE", "ДАТА"), "TEXT": ("TEXT", "ТЕКСТ"),
    "STATUS": ("STATUS", "СТАТУС"), "REFERENCE": ("REFERENCE", "НОМЕР"), "NUMBER": ("NUMBER", "НОМЕР"),
    "OUT.pdf": ("OUT.pdf", "ФАЙЛ.pdf"), "DEST": ("DEST", "КУДА"), "BACKUP": ("BACKUP", "КОПИЯ"),
    "KEY": ("KEY", "КЛЮЧ"), "VALUE": ("VALUE", "ЗНАЧЕНИЕ"), "COMMAND": ("COMMAND", "КОМАНДА"),
    "REPORT": ("REPORT", "ОТЧЁТ"),
}


def help_text(key: str, lang: str) -> str:
    en, ru = HELP[key]
    return ru if lang == "ru" else en


class Parser(argparse.ArgumentParser):
    """argparse in the language of `lang`: its usage line, section titles and -h in our words."""

    lang = "en"

    def __init__(self, *args: object, **kwargs: object) -> None:
        lang = self.lang

        class Formatter(argparse.HelpFormatter):
            def add_usage(self, usage: str | None, actions: object, groups: object, prefix: str | None = None) -> None:
                super().add_usage(usage, actions, groups, help_text("usage", lang) if prefix is None else prefix)  # type: ignore[arg-type]

        kwargs.setdefault("formatter_class", Formatter)
        kwargs["add_help"] = False
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self._positionals.title = help_text("positionals", lang)
        self._optionals.title = help_text("options", lang)
        self.add_argument("-h", "--help", action="help", default=argparse.SUPPRESS, help=help_text("help", lang))

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(EXIT_BAD_INPUT, f"{self.prog}: {message}\n")

    def parse_known_args(self, args: Sequence[str] | None = None, namespace: argparse.Namespace | None = None,
                         ) -> tuple[argparse.Namespace, list[str]]:
        with _argparse_words(self.lang):
            return super().parse_known_args(args, namespace)

    def parse_args(self, args: Sequence[str] | None = None, namespace: argparse.Namespace | None = None,
                   ) -> argparse.Namespace:  # type: ignore[override]
        with _argparse_words(self.lang):  # "unrecognized arguments" is said here, after the above
            return super().parse_args(args, namespace)


# argparse's own messages (a missing -o, a misspelt status) in Russian: argparse looks each up
# through its module's gettext function `_` as it says it, so the Russian parser puts its own
# there while it parses. A message not listed stays as argparse says it.
ARGPARSE_RU = {
    "argument %(argument_name)s: %(message)s": "аргумент %(argument_name)s: %(message)s",
    "unrecognized arguments: %s": "непонятные аргументы: %s",
    "not allowed with argument %s": "нельзя вместе с аргументом %s",
    "ignored explicit argument %r": "лишнее значение %r",
    "the following arguments are required: %s": "не указаны обязательные аргументы: %s",
    "one of the arguments %s is required": "нужен один из аргументов: %s",
    "expected one argument": "нужно одно значение",
    "expected at most one argument": "нужно не больше одного значения",
    "expected at least one argument": "нужно хотя бы одно значение",
    "ambiguous option: %(option)s could match %(matches)s": "неоднозначный параметр %(option)s: подходят %(matches)s",
    "unexpected option string: %s": "неожиданный параметр: %s",
    "invalid %(type)s value: %(value)r": "недопустимое значение %(value)r",
    "invalid choice: %(value)r (choose from %(choices)s)": "недопустимое значение %(value)r (допустимы: %(choices)s)",
}


@contextlib.contextmanager
def _argparse_words(lang: str) -> Iterator[None]:
    if lang != "ru":
        yield
        return
    saved = argparse._  # type: ignore[attr-defined]
    argparse._ = lambda text: ARGPARSE_RU.get(text, saved(text))  # type: ignore[attr-defined]
    try:
        yield
    finally:
        argparse._ = saved  # type: ignore[attr-defined]


def language_of_arguments(argv: Sequence[str]) -> str:
    """The language for --help and usage errors, before anything is parsed: --lang, else the system's."""
    for n, arg in enumerate(argv):
        if arg == "--":
            break
        if arg == "--lang" and n + 1 < len(argv):
            return "ru" if argv[n + 1] == "ru" else "en"
        if arg.startswith("--lang="):
            return "ru" if arg.partition("=")[2] == "ru" else "en"
    return system_language()


def system_language() -> str:
    for var in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        value = os.environ.get(var)
        if value:
            return "ru" if value.lower().startswith("ru") else "en"
    try:
        code = locale.getlocale()[0] or ""
    except ValueError:
        code = ""
    return "ru" if code.lower().startswith("ru") else "en"


def resolve_language(explicit: str | None, store: LogStore | None) -> str:
    if explicit:
        return explicit
    if store is not None:
        chosen = store.get_setting("language")
        if chosen in ("ru", "en"):
            return chosen
    return system_language()


def add_filters(parser: argparse.ArgumentParser, lang: str = "en") -> None:
    def t(key: str) -> str:
        return help_text(key, lang)

    parser.add_argument("--from", dest="date_from", metavar=t("DATE"), help=t("from"))
    parser.add_argument("--to", dest="date_to", metavar=t("DATE"), help=t("to"))
    parser.add_argument("--district", metavar=t("TEXT"), action="append", help=t("district"))
    parser.add_argument("--status", metavar=t("STATUS"), help=t("status").format(", ".join(s.value for s in ClaimStatus)))
    parser.add_argument("--search", metavar=t("TEXT"), help=t("search"))
    parser.add_argument("--overdue", action="store_true", help=t("overdue"))


def filters_from(args: argparse.Namespace, lang: str = "en") -> Filters:
    """The FILTERS of cli.md; their problems told in `lang`."""
    problems: list[str] = []
    values: dict[str, object] = {}
    for name, option in (("date_from", "--from"), ("date_to", "--to")):
        try:
            values[name] = parse_date(getattr(args, name))
        except FieldError as e:
            problems.append(f"{option}: {e.text(lang)}")
    try:
        values["status"] = parse_enum(args.status, ClaimStatus)
    except FieldError as e:
        problems.append(f"--status: {e.text(lang)}")
    start, end = values.get("date_from"), values.get("date_to")
    if start is not None and end is not None and start > end:  # type: ignore[operator]
        problems.append(_in(lang, f"--from: after --to ({start} > {end}): nothing could match",
                            f"--from: позже --to ({start} > {end}): ничего не подойдёт"))
    if problems:
        raise BadInput(problems)
    districts = tuple(dict.fromkeys(d.strip() for d in args.district or () if d.strip()))
    # The register's search (Filters.text, as the window's search field gives it) and --overdue.
    values["text"] = (getattr(args, "search", None) or "").strip() or None
    values["overdue_only"] = bool(getattr(args, "overdue", False))
    executor = (getattr(args, "executor", None) or "").strip() or None  # `report deadlines --executor NAME`
    return Filters(districts=districts, executor=executor, **values)  # type: ignore[arg-type]


def build_parser(lang: str = "en") -> Parser:
    """The parser of cli.md; its help in `lang` (`ru` or `en`)."""
    def t(key: str) -> str:
        return help_text(key, lang)

    parser_class = type("Parser", (Parser,), {"lang": "ru" if lang == "ru" else "en"})
    parser = parser_class(prog="incident-log", description=t("description"))
    parser.add_argument("--db", metavar=t("PATH"), help=t("db"))
    parser.add_argument("--lang", choices=("ru", "en"), help=t("lang"))
    parser.add_argument("--version", action="version", version=f"incident-log {__version__}", help=t("version"))
    sub = parser.add_subparsers(dest="command", parser_class=parser_class, title=t("commands"), metavar=t("COMMAND"))

    p = sub.add_parser("import", help=t("import"), description=t("import"))
    p.add_argument("file", metavar=t("FILE"))
    p.add_argument("--renumber", action="store_true", help=t("renumber"))

    p = sub.add_parser("export", help=t("export"), description=t("export"))
    p.add_argument("file", metavar=t("FILE"))
    add_filters(p, lang)

    p = sub.add_parser("report", help=t("report"), description=t("report"))
    reports = p.add_subparsers(dest="report", required=True, parser_class=parser_class, title=t("commands"),
                               metavar=t("REPORT"))
    for name, target in (("incident", "REFERENCE"), ("claim", "NUMBER"), ("register", None), ("summary", None),
                         ("request-documents", "NUMBER"), ("inspection-act", "NUMBER"), ("decision-notice", "NUMBER"),
                         ("payment-register", None), ("deadlines", None), ("incidents", None)):
        r = reports.add_parser(name, help=t(f"report_{name}"), description=t(f"report_{name}"))
        if target:
            r.add_argument("target", metavar=t(target))
        else:
            add_filters(r, lang)
        if name == "deadlines":
            r.add_argument("--executor", metavar=t("NAME"), help=t("executor"))
        output = "OUT.pdf|OUT.xlsx" if name == "payment-register" else "OUT.pdf"
        r.add_argument("-o", "--output", required=True, metavar=t(output), help=t("output"))
        r.add_argument("--lang", dest="report_lang", choices=("ru", "en"), help=t("report_lang"))

    p = sub.add_parser("backup", help=t("backup"), description=t("backup"))
    p.add_argument("dest", nargs="?", metavar=t("DEST"))

    p = sub.add_parser("restore", help=t("restore"), description=t("restore"))
    p.add_argument("backup", metavar=t("BACKUP"))

    p = sub.add_parser("copy-to", help=t("copy-to"), description=t("copy-to"))
    p.add_argument("target", metavar=t("TARGET"))

    sub.add_parser("check", help=t("check"), description=t("check"))
    sub.add_parser("selftest", help=t("selftest"), description=t("selftest"))

    p = sub.add_parser("settings", help=t("settings"), description=t("settings"))
    p.add_argument("key", nargs="?", metavar=t("KEY"))
    p.add_argument("value", nargs="?", metavar=t("VALUE"))
    return parser


def window_arguments(arguments: Sequence[str]) -> argparse.Namespace | None:
    """Only `--db PATH` and `--lang ru|en` (the window's start, as the desktop menu runs it): read
    without building every command's parser, ~5 ms of each start. Anything else, even a value
    argparse would refuse, is left to `build_parser` (None), with its messages."""
    values: dict[str, str | None] = {"db": None, "lang": None}
    rest = list(arguments)
    while rest:
        name, equals, value = rest.pop(0).partition("=")
        if name not in ("--db", "--lang"):
            return None
        if not equals:
            if not rest or rest[0].startswith("-"):
                return None
            value = rest.pop(0)
        if name == "--lang" and value not in ("ru", "en"):
            return None
        values[name[2:]] = value
    return argparse.Namespace(**values, command=None)


def db_path(args: argparse.Namespace) -> Path | Location:
    """The log the command works on: `--db`, else `INCIDENT_LOG_DB`, else the data folder's file;
    a `postgresql://` URL names a log on a server."""
    given = args.db or os.environ.get("INCIDENT_LOG_DB")
    if given and Location(given).is_server:
        return Location(given)
    if given and Location(given).is_conninfo:
        raise DatabaseUnavailable(Trouble.BAD_ADDRESS, Location(given).shown(), Words(
            "a log on a server is given as a URL, not as libpq's key=value words",
            "журнал на сервере указывается адресом-URL, а не словами libpq вида ключ=значение"))
    if args.db:
        return Path(args.db).expanduser()
    path = default_db_path()
    if not os.environ.get("INCIDENT_LOG_DB"):
        private_folder(path.parent)  # the data folder is ours to create, and the user's alone
        for name in (path.name, path.name + "-wal", path.name + "-shm"):
            if (path.parent / name).exists():
                make_private(path.parent / name)  # made by an older version, 0644
    return path


def _no_such_folder(folder: Path, lang: str) -> BadInput:
    return BadInput([f"{folder}: " + _in(lang, "no such folder", "нет такой папки")])


def _given_file(source: Path, lang: str = "en") -> Path:
    """A file the command reads (an import's, a backup to restore): bad input if it is not one."""
    if not source.is_file():
        raise BadInput([f"{source}: " + (_in(lang, "a folder, not a file", "это папка, а не файл") if source.is_dir()
                                         else _in(lang, "no such file", "нет такого файла"))])
    return source


def _restore_server(where: Location, args: argparse.Namespace, lang: str) -> int:
    """A server log replaced by a backup file's, as `restore` replaces a file log: the backup
    checked first, the log it replaces kept aside as a SQLite file (in the data folder's backups,
    where a server log's backups go), then its tables emptied and filled from the backup in one
    verified transaction: a failure leaves the server's log as it was."""
    from .storage.copying import copy_log, replace_log
    from .storage.maintenance import BadBackup, backup_path, verify

    source = _given_file(Path(args.backup).expanduser(), lang)
    problems = verify(source)
    if problems:
        raise BadInput(BadBackup(source, problems).lines(lang))
    ru = lang == "ru"
    with open_store(where) as server, contextlib.ExitStack() as scratch:
        kept = backup_path(data_dir() / "server-log.sqlite3")
        copy_log(server, Location(str(kept)), check=False)  # kept whatever its state: it may be why it is restored
        make_private(kept)
        backup = open_copy(Location(str(source)), scratch.enter_context(scratch_copy("restore.sqlite3")))
        try:
            replace_log(backup, server)
        finally:
            backup.close()
    print(f"{'восстановлено из' if ru else 'restored from'} {source}: {where.shown()}")
    print(f"{'прежний журнал сохранён как' if ru else 'the previous log was kept as'} {kept}")
    return EXIT_OK


def cmd_import(store: LogStore, args: argparse.Namespace, lang: str) -> int:
    from .domain import crossrules
    from .exchange import import_file

    source = _given_file(Path(args.file), lang)
    try:
        report = import_file(store, source, renumber=args.renumber, lang=lang)
    except ValidationFailed as e:  # each problem with its path; in Russian the record named in words first
        lines = [crossrules.in_office_numbers(problem, lang).for_command_line(lang) for problem in e.problems]
        if not args.renumber and crossrules.renumbering_would_help(e.problems):
            lines.append("номера заняты другими записями журнала: import --renumber заменит их свободными" if lang == "ru"
                         else "these are taken by other records of the log: import --renumber replaces them by free ones")
        raise BadInput(lines) from None
    for line in report.lines(lang):
        print(line)
    return EXIT_OK


def cmd_export(store: LogStore, args: argparse.Namespace, lang: str) -> int:
    from .exchange import export_file
    from .reports.destination import UnsafeDestination, check_export_destination

    target = Path(args.file).expanduser()
    try:  # never over the log, into its backups, over a folder or another database
        check_export_destination(args.file, store.location.path)  # as typed: a trailing / is a folder
    except UnsafeDestination as e:
        raise BadInput(e.lines(lang)) from None
    counts = export_file(store, target, filters_from(args, lang))
    print(f"{target}: {counts_line(counts, lang)}")
    altered = getattr(counts, "altered_cells", 0)
    if altered:
        print(f"{target}: изменено ячеек: {altered} (символы, которых не может быть в xlsx, заменены или удалены, "
              "слишком длинный текст обрезан)" if lang == "ru" else
              f"{target}: {altered} cell(s) altered (characters xlsx cannot hold were replaced or dropped, "
              "text over 32,767 characters cut)")
    return EXIT_OK


def cmd_report(store: LogStore, args: argparse.Namespace, lang: str) -> int:
    from .reports.destination import UnsafeDestination, check_report_destination
    from .reports.service import ReportError, build_report

    report_lang = args.report_lang or lang
    kind = args.report
    out = Path(args.output).expanduser()
    if not out.parent.resolve().is_dir():
        raise _no_such_folder(out.parent, lang)
    try:
        check_report_destination(args.output, kind, store.location.path)  # as typed: a trailing / is a folder
    except UnsafeDestination as e:
        raise BadInput(e.lines(lang)) from None
    target = getattr(args, "target", None)
    filters = filters_from(args, lang) if target is None else None
    try:
        path = build_report(
            store, kind, out,
            reference=target if kind == "incident" else None,
            number=target if kind != "incident" else None,
            filters=filters, lang=report_lang,
        )
    except ReportError as e:
        raise BadInput([e.text(report_lang)]) from None
    print(path)
    return EXIT_OK


def cmd_backup(store: LogStore, args: argparse.Namespace, lang: str) -> int:
    from .storage.maintenance import backup_path, names_database

    # A server log's backups are SQLite files too (made as copy-to makes them), in the data folder's.
    anchor = store.location.path or data_dir() / "server-log.sqlite3"
    if args.dest:
        dest = Path(args.dest).expanduser()
        if dest.is_dir():
            dest = backup_path(anchor, folder=dest)
        elif args.dest.endswith(("/", os.sep)):
            raise _no_such_folder(dest, lang)
        elif not dest.parent.resolve().is_dir():
            raise _no_such_folder(dest.parent, lang)
        if store.location.path is not None and names_database(dest, store.location.path):
            raise BadInput([f"{dest}: " + _in(lang, "that is the database itself; choose another file or a folder",
                                              "это сама база данных; выберите другой файл или папку")])
        if dest.exists() or dest.is_symlink():
            # Never over a file: it may be another office's log or a clerk's document (a folder
            # gets a new dated file each time, as the window's own backups do).
            raise BadInput([f"{dest}: " + _in(lang, "already exists; a backup never replaces a file: name a new file, or a folder",
                                              "уже существует; резервная копия никогда не заменяет файл: укажите новый файл или папку")])
    else:
        dest = backup_path(anchor)
    store.backup(dest)  # checked before it takes its name: a log that fails its check exits 3
    print(dest)
    return EXIT_OK


def cmd_restore(db: Path | Location, args: argparse.Namespace, lang: str) -> int:
    """Not through `open_store`: the database being replaced may be one that cannot be opened."""
    from .storage.maintenance import BadBackup, restore

    if isinstance(db, Location):
        return _restore_server(db, args, lang)
    source = _given_file(Path(args.backup).expanduser(), lang)
    try:
        kept = restore(source, db)
    except BadBackup as e:
        raise BadInput(e.lines(lang)) from None
    ru = lang == "ru"
    print(f"{'восстановлено из' if ru else 'restored from'} {source}: {db}")
    if kept is not None:
        print(f"{'прежняя база данных сохранена как' if ru else 'the previous database was kept as'} {kept}")
    return EXIT_OK


def cmd_check(store: LogStore, args: argparse.Namespace, lang: str) -> int:
    problems = store.check()
    counts = store.counts()
    ru = lang == "ru"
    print(f"{'база данных' if ru else 'database'}: {store.location.shown()}")
    print(counts_line(counts, lang))
    head = store.audit_head()
    if head is not None:
        print(f"{'вершина цепочки журнала изменений' if ru else 'audit chain head'}: #{head[0]} {head[1]} {head[2]}")
    if problems:
        for line in problems:
            print(in_language(line, lang))
        if all(line.startswith("audit:") for line in problems):
            print("журнал изменений показывает правку в обход программы" if ru
                  else "the audit trail shows changes made outside the program")
        else:
            print("база данных повреждена" if ru else "the database is damaged")
        return EXIT_DATABASE
    print("база данных в порядке: целостность, внешние ключи, версия схемы и журнал изменений проверены" if ru
          else "the database is whole: integrity, foreign keys, schema version and audit trail checked")
    return EXIT_OK


def cmd_settings(store: LogStore, args: argparse.Namespace, lang: str) -> int:
    if args.key is None:
        stored = store.all_settings()
        office = store.settings()  # defaults shown for what the office has not set
        for key in SETTING_KEYS:
            print(f"{key} = {_show(stored.get(key, _default(office, key)))}")
        return EXIT_OK
    if args.key not in SETTING_KEYS:
        raise BadInput([_in(lang, f"{args.key}: not a setting (one of {', '.join(SETTING_KEYS)})",
                            f"{args.key}: нет такой настройки (есть {', '.join(SETTING_KEYS)})")])
    if args.value is None:
        stored = store.get_setting(args.key)
        print(_show(stored if stored is not None else _default(store.settings(), args.key)))
        return EXIT_OK
    store.set_setting(args.key, _parse_setting(args.key, args.value, lang))
    return EXIT_OK


def _default(office: OfficeSettings, key: str) -> object:
    """What a setting the office has not set means: OfficeSettings' default, else the backups' own
    (`backup_keep` is not in OfficeSettings: only backups read it)."""
    if hasattr(office, key):
        return office.stored_value(key)
    from .storage.maintenance import DEFAULT_BACKUP_KEEP  # not on the window's start path

    return {"backup_keep": DEFAULT_BACKUP_KEEP}.get(key, "")


def _show(value: object) -> str:
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)


def _parse_setting(key: str, value: str, lang: str = "en") -> object:
    value = value.strip()
    bad = forbidden_character(value)
    if bad is not None:  # an executor typed with a bell would never match the same name in a file
        code = "lone_surrogate" if "\ud800" <= bad <= "\udfff" else "control_character"
        raise BadInput([f"{key}: {FieldError(code, got=f'{ord(bad):04X}').text(lang)}"])
    if key == "backup_keep":
        if not value.isdigit() or not 1 <= int(value) <= 10_000:
            raise BadInput([_in(lang, "backup_keep: must be a whole number from 1 to 10000",
                                "backup_keep: целое число от 1 до 10000")])
        return int(value)
    if key == "language":
        if value not in ("ru", "en", ""):
            raise BadInput([_in(lang, "language: not one of ru, en", "language: одно из ru, en")])
        return value
    if key == "districts":
        return _names_setting(key, value, lang)
    if key == "executors":
        return _names_setting(key, value, lang)
    if key == "documents_due_days":
        low, high = DOCUMENTS_DUE_MIN, DOCUMENTS_DUE_MAX
        if not value.isdigit() or not low <= int(value) <= high:
            raise BadInput([_in(lang, f"documents_due_days: must be a whole number of days from {low} to {high}",
                                f"documents_due_days: целое число дней от {low} до {high}")])
        return int(value)
    if key == "payment_rules":
        from .domain.payment_rules import parse_setting_text

        try:
            return parse_setting_text(value).to_setting()
        except ValidationFailed as e:
            raise BadInput([p.text(lang) for p in e.problems]) from None
    if key == "required_documents":
        from .domain.documents import RequiredDocuments
        from .domain.enums import DocumentKind

        try:
            parsed = json_loads_once(value)
        except json.JSONDecodeError as e:
            raise BadInput([_in(lang, f"required_documents: not valid JSON: {e.msg}",
                                f"required_documents: не JSON: {e.msg}")]) from None
        except KeyGivenTwice as e:
            raise BadInput([f"required_documents.{e.key}: {FieldError('duplicate_key').text(lang)}"]) from None
        if not isinstance(parsed, dict):
            raise BadInput([_in(lang, "required_documents: must be an object", "required_documents: нужен объект JSON")])
        groups = RequiredDocuments().to_setting().keys()
        problems = [_in(lang, f"required_documents.{k}: unknown group (one of {', '.join(groups)})",
                        f"required_documents.{k}: нет такой группы (есть {', '.join(groups)})") for k in parsed if k not in groups]
        for group, kinds in parsed.items():
            if not isinstance(kinds, list):
                problems.append(_in(lang, f"required_documents.{group}: must be a list",
                                    f"required_documents.{group}: нужен список"))
                continue
            problems += [_in(lang, f"required_documents.{group}: {k}: not a document kind",
                             f"required_documents.{group}: {k}: нет такого вида документа")
                         for k in kinds if k not in DocumentKind._value2member_map_]
        if problems:
            raise BadInput(problems)
        return parsed
    return value


def _in(lang: str, en: str, ru: str) -> str:
    """A message of the command line in the language it speaks (`--lang`, else the log's)."""
    return ru if lang == "ru" else en


def _names_setting(key: str, value: str, lang: str = "en") -> list[str]:
    """A list of names (districts, executors): JSON (`["a", "b"]`) or separated by `;`; blanks and repeats dropped."""
    if value.startswith("["):
        try:
            parsed = json.loads(value)
        except json.JSONDecodeError as e:
            raise BadInput([_in(lang, f"{key}: not valid JSON: {e.msg}", f"{key}: не JSON: {e.msg}")]) from None
        if not isinstance(parsed, list) or not all(isinstance(v, str) for v in parsed):
            raise BadInput([_in(lang, f"{key}: must be a list of names", f"{key}: нужен список имён")])
        names = parsed
    else:
        names = value.split(";")
    limit = text_limit("claim.executor")
    long = [n.strip() for n in names if len(n.strip()) > limit]
    if key == "executors" and long:
        raise BadInput([_in(lang, f"executors: a name of at most {limit} characters, got {len(long[0])}",
                            f"executors: имя не длиннее {limit} символов, а здесь {len(long[0])}")])
    return list(dict.fromkeys(n.strip() for n in names if n.strip()))


def cmd_copy_to(store: LogStore, args: argparse.Namespace, lang: str) -> int:
    from .storage.copying import CopyRefused, copy_log

    given = args.target
    target = Location(given) if Location(given).is_server else Location(str(Path(given).expanduser()))
    if target.path is not None and not target.path.parent.is_dir():
        raise _no_such_folder(target.path.parent, lang)
    try:
        counts = copy_log(store, target)
    except CopyRefused as e:
        raise BadInput([e.text(lang)]) from None
    ru = lang == "ru"
    print(f"{'скопировано и проверено' if ru else 'copied and verified'}: {store.location.shown()} → {target.shown()}")
    print(counts_line(counts, lang))
    return EXIT_OK


COMMANDS = {
    "import": cmd_import,
    "copy-to": cmd_copy_to,
    "export": cmd_export,
    "report": cmd_report,
    "backup": cmd_backup,
    "check": cmd_check,
    "settings": cmd_settings,
}


class PrivateFormatter(logging.Formatter):
    """Tracebacks without exception messages: their text may quote a field (a passport, an INN).

    The log keeps what a developer needs (each exception's type and the frames it passed
    through); the clerk's words stay out of it.
    """

    def formatException(self, ei: tuple[type[BaseException], BaseException, TracebackType | None] | tuple[None, None, None]) -> str:  # noqa: N802 - logging's name
        kind, error, tb = ei
        if kind is None or error is None:
            return ""
        lines: list[str] = []
        seen: set[int] = set()
        current: BaseException | None = error
        chain: list[BaseException] = []
        while current is not None and id(current) not in seen:
            seen.add(id(current))
            chain.append(current)
            current = current.__cause__ or (None if current.__suppress_context__ else current.__context__)
        for n, exc in enumerate(reversed(chain)):
            if n:
                lines.append("which led to:")
            lines.append("Traceback (most recent call last):")
            for frame in traceback.extract_tb(exc.__traceback__):
                lines.append(f'  File "{frame.filename}", line {frame.lineno}, in {frame.name}')
            lines.append(f"{type(exc).__module__}.{type(exc).__qualname__} (message withheld: it may hold personal data)")
        return "\n".join(lines)


class LogFile(logging.Handler):
    """The rotating log file (`logging.handlers.RotatingFileHandler`), opened at its first entry:
    most runs write none, and importing `logging.handlers` is 13 ms of the window's cold start."""

    def __init__(self, path: Path) -> None:
        super().__init__()
        self.baseFilename = str(path)
        self._file: logging.Handler | None = None
        self._failed = False

    def emit(self, record: logging.LogRecord) -> None:
        if self._file is None:
            if self._failed:
                return
            import logging.handlers

            try:
                self._file = logging.handlers.RotatingFileHandler(
                    self.baseFilename, maxBytes=LOG_BYTES, backupCount=LOG_COPIES, encoding="utf-8")
            except OSError:  # a read-only home: the program goes on without its log
                self._failed = True
                return
            self._file.setFormatter(self.formatter)
        self._file.emit(record)

    def close(self) -> None:
        if self._file is not None:
            self._file.close()
        super().close()


def setup_logging() -> Path | None:
    """The log file: the user's alone (0600 in a 0700 folder), rotated at 1 MB, three old copies."""
    if any(getattr(h, "_incident_log", False) for h in log.handlers):
        return Path(next(h.baseFilename for h in log.handlers if getattr(h, "_incident_log", False)))  # type: ignore[attr-defined]
    # psycopg_pool warns of each failed connection attempt; with no handler of its own Python
    # printed those to standard error, twice, above the command's own message (exit 3).
    libraries = logging.getLogger("psycopg")
    try:
        folder = private_folder(log_dir())
        path = folder / LOG_FILE
        handler = LogFile(path)
        for old in folder.glob(LOG_FILE + "*"):
            make_private(old)
    except OSError:
        libraries.addHandler(logging.NullHandler())
        return None
    handler._incident_log = True  # type: ignore[attr-defined]
    handler.setFormatter(PrivateFormatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    log.addHandler(handler)
    log.setLevel(logging.INFO)
    libraries.addHandler(handler)  # into the log file, where a developer looks
    return path


def start_process() -> None:
    """What every run does first: new files private, and `.part` files of killed writers removed."""
    restrict_new_files()
    try:
        private_folder(data_dir())
        sweep_unfinished()
    except OSError:
        pass  # a read-only home: the command itself will say what it cannot do


def _named_file(filename: object) -> str:
    """The file as the clerk named it: a whole-or-nothing write fails on its `.part` twin."""
    name = str(filename)
    return name.removesuffix(".part")


def _reads_only(args: argparse.Namespace) -> bool:
    """Whether the command leaves the log as it is (it may still write the file the clerk named)."""
    return args.command in ("export", "report", "check", "backup", "copy-to") or (
        args.command == "settings" and getattr(args, "value", None) is None)


def _open_for(args: argparse.Namespace, scratch: contextlib.ExitStack, lang: str) -> LogStore:
    """The log for the command. One in a place that can only be read (a read-only folder, drive
    or share) is read by the commands that only read it through a private copy made now
    (`storage.open_copy`, removed when the command ends): read in place, it could change under
    them while its owner's window writes it."""
    where = db_path(args)
    new = isinstance(where, Path) and _reads_only(args) and where.parent.is_dir() and not where.exists()
    try:
        store = open_store(where)
    except DatabaseUnavailable as e:
        if e.trouble is not Trouble.READ_ONLY or not _reads_only(args) or isinstance(where, Location):
            raise
        log.info("command %s: the log can only be read; read through a copy", args.command)
        return open_copy(where, scratch.enter_context(scratch_copy("log.sqlite3")))
    if new:
        # The spec makes a log on first use; a command that only reads says so, so that a
        # mistyped path is seen at once rather than taken for an empty log.
        print(f"журнала по пути {where} не было: создан новый, пустой" if lang == "ru"
              else f"there was no log at {where}: a new, empty one was made", file=sys.stderr)
    return store


def main(argv: Sequence[str] | None = None) -> int:
    arguments = list(sys.argv[1:] if argv is None else argv)
    args = window_arguments(arguments) or build_parser(language_of_arguments(arguments)).parse_args(arguments)
    start_process()
    log_path = setup_logging()
    lang = args.lang or system_language()
    try:
        if args.command is None:
            from .app import run_window

            return run_window(db_path(args), args.lang)
        if args.command == "selftest":
            from .selftest import run_selftest

            where = db_path(args)
            return run_selftest(where if isinstance(where, Location) else (Path(args.db).expanduser() if args.db else default_db_path()), args.lang)
        if args.command == "restore":
            return cmd_restore(db_path(args), args, lang)
        with contextlib.ExitStack() as scratch, _open_for(args, scratch, lang) as store:
            lang = resolve_language(args.lang, store)
            return COMMANDS[args.command](store, args, lang)
    except DatabaseUnavailable as e:
        print(e.text(lang), file=sys.stderr)
        return EXIT_DATABASE
    except ValidationFailed as e:
        for problem in e.problems:
            print(problem.text(lang), file=sys.stderr)
        return EXIT_BAD_INPUT
    except BadInput as e:
        for line in e.lines:
            print(line, file=sys.stderr)
        return EXIT_BAD_INPUT
    except PermissionError as e:  # a file the clerk named (the log's own are classified as trouble above)
        log.info("command %s: %s", args.command, e)
        print(f"{_named_file(e.filename)}: {'нет прав на чтение или запись' if lang == 'ru' else 'permission denied'}"
              if e.filename else str(e), file=sys.stderr)
        return EXIT_BAD_INPUT
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # `check | head`: the reader has had enough; quiet, as other tools are
        with contextlib.suppress(OSError):
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())  # no second error at exit
        return EXIT_FAILED
    except Exception as e:  # noqa: BLE001 - the user gets a message and the log, never a traceback
        log.exception("command %s failed", args.command)
        where = f"; details in {log_path}" if log_path else ""
        print(f"incident-log: {type(e).__name__}: {e}{where}", file=sys.stderr)  # the clerk's own terminal
        return EXIT_FAILED


