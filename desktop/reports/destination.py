"""Where a report or an export may be written: never over the log, a backup, or a file that is not ours.

One rule for the command line's `report … -o OUT` and the preview's "Save as": OUT ends in the
report's own suffix; it is not the database (nor its `-wal`/`-shm`), not in the backups folder
beside it, not an SQLite file; and an existing OUT is replaced only if it is a report this
program made (our PDFs carry `/Creator (Incident Log)` in their Info dictionary, found from the
trailer in a few kilobytes read, whatever the file's size).
"""

from __future__ import annotations

import os
import re
import zipfile
from pathlib import Path

from ..paths import backups_dir
from ..storage.maintenance import is_sqlite_file, names_database

OUR_CREATOR = "Incident Log"
DEFAULT_SUFFIXES = (".pdf",)
SUFFIXES = {"payment-register": (".pdf", ".xlsx")}
_TAIL = 64 * 1024
_PDF_CREATOR = re.compile(rb"/Creator\s*\(" + re.escape(OUR_CREATOR.encode()) + rb"\)")
_XLSX_CREATOR = re.compile(r"<dc:creator>\s*" + re.escape(OUR_CREATOR) + r"\s*</dc:creator>")


class UnsafeDestination(Exception):
    """OUT may not be written (the CLI exits 2, the window says why); nothing was changed."""

    def __init__(self, path: object, problems: list[tuple[str, str]]) -> None:
        self.path = str(path)
        self.problems = problems  # (English, Russian)
        super().__init__(self.text("en"))

    def lines(self, lang: str = "en") -> list[str]:
        return [f"{self.path}: {ru if lang == 'ru' else en}" for en, ru in self.problems]

    def text(self, lang: str = "en") -> str:
        return "\n".join(self.lines(lang))


def report_suffixes(kind: str) -> tuple[str, ...]:
    return SUFFIXES.get(kind, DEFAULT_SUFFIXES)


def _the_log_or_its_backups(out: Path, db_path: Path | None, elsewhere: tuple[str, str]) -> list[tuple[str, str]]:
    """The problem with writing OUT if it is the log (or a side file of it) or in the backups
    folder beside it; `elsewhere` (English, Russian) says where to write instead."""
    if db_path is None:
        return []
    if names_database(out, Path(db_path)):
        return [("that is the database itself; choose another name", "это сама база данных; выберите другое имя")]
    if _inside(out, backups_dir(Path(db_path))):
        return [(f"that is in the backups folder; {elsewhere[0]}", f"это папка резервных копий; {elsewhere[1]}")]
    return []


def _folder_typed(out: Path | str) -> list[tuple[str, str]]:
    """`out/dir.pdf/` as typed names a folder; `Path` drops the slash and would write a file."""
    typed = str(out) if isinstance(out, str) else ""
    if typed.endswith(("/", os.sep)) and not Path(typed).expanduser().is_dir():
        return [("a name ending in / is a folder's, not a file's", "имя, оканчивающееся на /, — имя папки, а не файла")]
    return []


def check_report_destination(out: Path | str, kind: str, db_path: Path | None) -> None:
    """Raise `UnsafeDestination` naming every problem with writing report KIND to OUT."""
    problems = _folder_typed(out)
    out = Path(out).expanduser()
    suffixes = report_suffixes(kind)
    if out.suffix.lower() not in suffixes:
        wanted = " or ".join(suffixes)
        problems.append((f"a report file must end in {wanted}",
                         f"файл отчёта должен оканчиваться на {wanted.replace(' or ', ' или ')}"))
    problems += _the_log_or_its_backups(out, db_path, ("save reports elsewhere", "сохраните отчёт в другом месте"))
    if out.is_dir():
        problems.append(("that is a folder", "это папка"))
    elif out.exists() and not problems:
        if is_sqlite_file(out):
            problems.append(("that is a database (perhaps a backup), not a report; choose another name",
                             "это база данных (возможно, резервная копия), а не отчёт; выберите другое имя"))
        elif not is_our_report(out):
            problems.append(("an existing file that is not an Incident Log report; choose another name",
                             "существующий файл, который не является отчётом журнала; выберите другое имя"))
    if problems:
        raise UnsafeDestination(out, problems)


EXPORT_SUFFIXES = (".json", ".zip", ".xlsx")


def check_export_destination(out: Path | str, db_path: Path | None) -> None:
    """Raise `UnsafeDestination` naming every problem with exporting to OUT: a suffix not of the
    interchange format or a workbook, the database itself, the backups folder, a folder, another
    SQLite file (a backup kept elsewhere). Any other file is replaced, as an export always was
    (a script re-exports to the same name every day; `mktemp` makes the file it names)."""
    problems = _folder_typed(out)
    out = Path(out).expanduser()
    if out.suffix.lower() not in EXPORT_SUFFIXES:
        problems.append(("the file must end in .json, .zip or .xlsx", "файл должен оканчиваться на .json, .zip или .xlsx"))
    problems += _the_log_or_its_backups(out, db_path, ("export elsewhere", "выгрузите в другое место"))
    if out.is_dir():
        problems.append(("that is a folder", "это папка"))
    elif not out.parent.is_dir():
        problems.append(("no such folder", "нет такой папки"))
    elif out.exists() and not problems and is_sqlite_file(out):
        problems.append(("that is a database (perhaps a backup), not an export; choose another name",
                         "это база данных (возможно, резервная копия), а не выгрузка; выберите другое имя"))
    if problems:
        raise UnsafeDestination(out, problems)


def is_our_report(path: Path) -> bool:
    """Whether PATH is a PDF (or workbook) this program made, from a few kilobytes of it."""
    path = Path(path)
    try:
        if path.suffix.lower() == ".xlsx":
            return _our_workbook(path)
        return _our_pdf(path)
    except (OSError, ValueError, zipfile.BadZipFile, KeyError):
        return False


def _our_pdf(path: Path) -> bool:
    with open(path, "rb") as f:
        if f.read(5) != b"%PDF-":
            return False
        size = f.seek(0, 2)
        f.seek(max(0, size - _TAIL))
        tail = f.read()
        if _PDF_CREATOR.search(tail):
            return True
        # The Info dictionary far from the end: find it through the trailer and the xref table.
        info = re.findall(rb"/Info\s+(\d+)\s+0\s+R", tail)
        start = re.findall(rb"startxref\s+(\d+)", tail)
        if not info or not start:
            return False
        number, xref = int(info[-1]), int(start[-1])
        f.seek(xref)
        table = f.read(64 + 20 * (number + 1))
        match = re.match(rb"xref\s+(\d+)\s+(\d+)\s*\r?\n", table)
        if not match or not int(match.group(1)) <= number < int(match.group(1)) + int(match.group(2)):
            return False
        entry = table[match.end() + 20 * (number - int(match.group(1))):][:20]
        f.seek(int(entry[:10]))
        return bool(_PDF_CREATOR.search(f.read(4096)))


def _our_workbook(path: Path) -> bool:
    with zipfile.ZipFile(path) as book:
        info = book.getinfo("docProps/core.xml")
        if info.file_size > 64 * 1024:
            return False
        return bool(_XLSX_CREATOR.search(book.read(info).decode("utf-8", "replace")))


def _inside(path: Path, folder: Path) -> bool:
    try:
        return path.resolve().is_relative_to(folder.resolve())
    except OSError:
        return False


__all__ = ["EXPORT_SUFFIXES", "UnsafeDestination", "check_export_destination", "check_report_destination",
           "is_our_report", "report_suffixes"]
