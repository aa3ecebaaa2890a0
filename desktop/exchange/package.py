"""Reading and writing the file containers: plain JSON (BOM tolerated) or a .zip package.

Reading is bounded (interchange.md, Import rules 4): a zip is judged by its central directory
before any member is unpacked, members are streamed in chunks with their bytes counted, and the
JSON is checked for depth before it is parsed, so a hostile file is refused with a message
instead of filling memory or the stack. The checks cost little on a good file: the depth scan and
the character scan are whole-buffer C operations, and the value-by-value walk runs only when they
(or the number hooks) found something to name.
"""

from __future__ import annotations

import hashlib
import json
import lzma
import re
import struct
import zipfile
import zlib
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any, BinaryIO

from ..domain.errors import FieldError, Problem, ValidationFailed, join_path
from ..domain.limits import (
    DOCUMENT_BYTES,
    MAX_DEPTH,
    MAX_SAFE_INTEGER,
    PACKAGE_BYTES,
    PACKAGE_MEMBERS,
    forbidden_character,
)
from ..domain.values import object_marking_repeats

DATA_NAME = "data.json"
ATTACHMENTS = "attachments/"
FIXED_TIME = (2000, 1, 1, 0, 0, 0)  # so two packages of the same data are byte-identical
KNOWN_METHODS = {zipfile.ZIP_STORED: "stored", zipfile.ZIP_DEFLATED: "deflate", zipfile.ZIP_BZIP2: "bzip2",
                 zipfile.ZIP_LZMA: "lzma"}
CHUNK = 1024 * 1024
# What zipfile, zlib, bz2 and lzma raise on a malformed archive (besides BadZipFile).
_DAMAGED = (OSError, EOFError, ValueError, NotImplementedError, RuntimeError, OverflowError, KeyError,
            IndexError, struct.error, zlib.error, lzma.LZMAError)


def _refuse(path: str, code: str, **params: object) -> ValidationFailed:
    return ValidationFailed([Problem(path, FieldError(code, **params))])


def _size(n: int) -> str:
    return f"{n // 1024**3} GiB" if n >= 1024**3 else f"{n // 1024**2} MiB"


# ---- JSON -------------------------------------------------------------------------------------

class _Refused:
    """Stands in for a value the number hooks refused, so the walk can name where it was."""

    __slots__ = ("code",)

    def __init__(self, code: str) -> None:
        self.code = code


class _Hooks:
    def __init__(self) -> None:
        self.refused = False

    def integer(self, text: str) -> int | _Refused:
        # Length first: int() of a 100,000-digit string is slow (and Python refuses over 4,300 digits).
        if len(text) <= 17:
            number = int(text)
            if -MAX_SAFE_INTEGER <= number <= MAX_SAFE_INTEGER:
                return number
        self.refused = True
        return _Refused("integer_range")

    def number(self, text: str) -> float | _Refused:
        value = float(text)
        if value - value == 0:  # finite: 1e999 reads as infinity
            return value
        self.refused = True
        return _Refused("not_finite")

    def constant(self, text: str) -> _Refused:  # NaN, Infinity, -Infinity
        self.refused = True
        return _Refused("not_finite")

    def pairs(self, pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        """An object; a key given twice stands refused (JSON parsers differ on which value wins,
        so the file means different things to different programs)."""
        made, repeated = object_marking_repeats(pairs, lambda: _Refused("duplicate_key"))
        self.refused = self.refused or repeated
        return made


# Escapes that may decode to a refused character (a C0/C1 control, a surrogate, \b); a match only
# means the walk looks closer: `\ud83d\ude00` is a valid pair, `\u000b` an allowed line break.
_SUSPECT_ESCAPE = re.compile(rb"\\(?:u(?:00[0189][0-9a-fA-F]|007[fF]|[dD][89a-fA-F][0-9a-fA-F]{2})|b)")
_RAW_C1 = re.compile(rb"\xc2[\x80-\x9f]")  # C1 controls in UTF-8, which JSON lets through unescaped (DEL too)
_QUOTE_OR_BACKSLASH_ESCAPE = re.compile(rb'\\[\\"]')
_NOT_BRACKET = bytes(b for b in range(256) if b not in b'[]{}"')
_INNERMOST = re.compile(rb"\[\]|\{\}")


def _too_deep(data: bytes) -> bool:
    """Whether DATA might nest deeper than MAX_DEPTH (or has unbalanced brackets), without parsing it.

    Strings are dropped, leaving the brackets; each pass then removes the innermost pairs, so a
    document of depth d is empty after d passes. Whole-buffer C operations: about a tenth of
    the time json.loads takes.
    """
    # Once escaped quotes and backslashes are gone, a string is a quote, its text and a quote.
    if b"\\" in data:  # one byte looked for (memchr): the files we write have no escapes at all
        data = _QUOTE_OR_BACKSLASH_ESCAPE.sub(b"", data)
    shape = data.translate(None, _NOT_BRACKET)
    brackets = shape.replace(b'""', b"")  # exact when no string holds a bracket, the usual case
    if b'"' in brackets:
        brackets = b"".join(shape.split(b'"')[::2])
    for _ in range(MAX_DEPTH):
        if not brackets:
            return False
        brackets = _INNERMOST.sub(b"", brackets)
    return bool(brackets)


_TOKEN = re.compile(r'"(?:[^"\\]|\\.)*"|[\[\]{},:]', re.DOTALL)


def _deep_path(text: str) -> str | None:
    """The path of the first object or list nested deeper than MAX_DEPTH, found by reading tokens.

    Used only after `_too_deep` said so, so it may be slow; it never recurses.
    """
    stack: list[list[Any]] = []  # per open container: its kind and the key or index being read
    last_string = ""
    for match in _TOKEN.finditer(text):
        token = match.group()
        first = token[0]
        if first in "[{":
            if len(stack) == MAX_DEPTH:
                return _path_of(stack)
            stack.append([first, "" if first == "{" else 0])
        elif first in "]}":
            if stack:
                stack.pop()
        elif first == ",":
            if stack and stack[-1][0] == "[":
                stack[-1][1] += 1
        elif first == ":":
            if stack and stack[-1][0] == "{":
                stack[-1][1] = last_string
        else:
            last_string = token
    return None


def _path_of(stack: list[list[Any]]) -> str:
    path = ""
    for _, position in stack:
        if isinstance(position, int):
            path = join_path(path, position)
        else:
            try:
                key = json.loads(position) if position else ""
            except ValueError:
                key = position
            path = join_path(path, key if isinstance(key, str) else str(key))
    return path


def _character_problem(text: str) -> FieldError | None:
    bad = forbidden_character(text)
    if bad is None:
        return None
    code = "lone_surrogate" if "\ud800" <= bad <= "\udfff" else "control_character"
    return FieldError(code, got=f"{ord(bad):04X}")


_FORBIDDEN_IN_KEY = re.compile("[\x00-\x1f\x7f-\x9f\ud800-\udfff]")


def _walk(document: Any) -> list[Problem]:
    """Every refused value, key or nesting in DOCUMENT with its path; iterative, never recursive."""
    problems: list[Problem] = []
    stack: list[tuple[str, Any, int]] = [("", document, 1)]
    while stack:
        path, value, depth = stack.pop()
        if isinstance(value, dict):
            if depth > MAX_DEPTH:
                problems.append(Problem(path, FieldError("json_depth", limit=MAX_DEPTH)))
                continue
            for key, item in reversed(value.items()):
                error = _character_problem(key)
                if error is not None:  # the key is spelt with escapes, so the message shows no raw control
                    key = _FORBIDDEN_IN_KEY.sub(lambda m: f"\\u{ord(m.group()):04x}", key)
                    problems.append(Problem(join_path(path, key), error))
                where = join_path(path, key)
                stack.append((where, item, depth + 1))
        elif isinstance(value, list):
            if depth > MAX_DEPTH:
                problems.append(Problem(path, FieldError("json_depth", limit=MAX_DEPTH)))
                continue
            stack.extend((f"{path}[{n}]", item, depth + 1) for n, item in reversed(list(enumerate(value))))
        elif isinstance(value, str):
            error = _character_problem(value)
            if error is not None:
                problems.append(Problem(path, error))
        elif isinstance(value, _Refused):
            problems.append(Problem(path, FieldError(value.code)))
    return problems


def parse_json(data: bytes, where: str = "") -> Any:
    """The document in DATA, refused with paths when it breaks the spec's bounds (Import rules 4)."""
    if len(data) > DOCUMENT_BYTES:
        raise _refuse(where, "json_too_large", limit=_size(DOCUMENT_BYTES))
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as e:
        raise _refuse(where, "json", got=f"not UTF-8 ({e.reason} at byte {e.start})") from None
    if _too_deep(data):
        deep = _deep_path(text)
        if deep is not None:
            raise _refuse(deep, "json_depth", limit=MAX_DEPTH)
    hooks = _Hooks()
    try:
        document = json.loads(text, parse_int=hooks.integer, parse_float=hooks.number, parse_constant=hooks.constant,
                              object_pairs_hook=hooks.pairs)
    except json.JSONDecodeError as e:
        if e.msg.startswith("Invalid control character"):
            _raise_for_characters(text)
        raise _refuse(where, "json", got=f"{e.msg} at line {e.lineno} column {e.colno}") from None
    except RecursionError:  # unbalanced brackets the depth scan could not place; the parser gave up
        raise _refuse(where, "json_depth", limit=MAX_DEPTH) from None
    suspect = b"\\" in data and _SUSPECT_ESCAPE.search(data)  # files we write have no escapes
    if hooks.refused or suspect or b"\x7f" in data or _RAW_C1.search(data):
        problems = _walk(document)
        if problems:
            raise ValidationFailed(problems)
    return document


def _raise_for_characters(text: str) -> None:
    """A raw control character inside a string: name the field it is in, when the rest is valid JSON."""
    try:
        hooks = _Hooks()
        document = json.loads(text, strict=False, parse_int=hooks.integer, parse_float=hooks.number,
                              parse_constant=hooks.constant, object_pairs_hook=hooks.pairs)
    except (json.JSONDecodeError, RecursionError):
        return
    problems = _walk(document)
    if problems:
        raise ValidationFailed(problems)


# ---- zip --------------------------------------------------------------------------------------

class PackageBlobs(Mapping[str, bytes]):
    """A package's attachment bytes by sha256, already verified, read from the zip only when asked.

    The package was streamed once to check every member's size and hash; an import then reads
    just the attachments it stores, one at a time, so memory holds no more than those.
    """

    def __init__(self, path: Path, members: dict[str, zipfile.ZipInfo]) -> None:
        self._path = path
        self._members = members
        self._cache: dict[str, bytes] = {}

    def __getitem__(self, sha: str) -> bytes:
        if sha not in self._cache:
            info = self._members[sha]
            try:
                with zipfile.ZipFile(self._path) as archive, archive.open(info) as member:
                    self._cache[sha] = _read_bounded(member, info)
            except (zipfile.BadZipFile, *_DAMAGED) as e:
                raise _refuse(info.filename, "zip_damaged") from e
        return self._cache[sha]

    def __iter__(self) -> Iterator[str]:
        return iter(self._members)

    def __len__(self) -> int:
        return len(self._members)

    def __contains__(self, sha: object) -> bool:
        return sha in self._members


def _read_bounded(member: BinaryIO, info: zipfile.ZipInfo) -> bytes:
    """The member's bytes, in chunks, refused as soon as they pass its declared size."""
    chunks = []
    total = 0
    while chunk := member.read(CHUNK):
        total += len(chunk)
        if total > info.file_size:
            raise _refuse(info.filename, "zip_member_size")
        chunks.append(chunk)
    if total != info.file_size:
        raise _refuse(info.filename, "zip_member_size")
    return b"".join(chunks)


def _stream_hash(member: BinaryIO, info: zipfile.ZipInfo) -> str:
    digest = hashlib.sha256()
    total = 0
    while chunk := member.read(CHUNK):
        total += len(chunk)
        if total > info.file_size:
            raise _refuse(info.filename, "zip_member_size")
        digest.update(chunk)
    if total != info.file_size:
        raise _refuse(info.filename, "zip_member_size")
    return digest.hexdigest()


def _looks_like_zip(path: Path) -> bool:
    """By content, not by name: a zip's first bytes are `PK`, and a truncated one keeps them."""
    if path.suffix.lower() == ".zip":
        return True
    with path.open("rb") as f:
        return f.read(2) == b"PK" or zipfile.is_zipfile(f)


def _member_count(path: Path) -> int | None:
    """How many members the zip's end record declares, read before the central directory is."""
    try:
        with path.open("rb") as f:
            record = zipfile._EndRecData(f)  # type: ignore[attr-defined] # stable since Python 2
    except OSError:
        return None
    return None if not record else int(record[zipfile._ECD_ENTRIES_TOTAL])  # type: ignore[attr-defined]


def _check_directory(infos: list[zipfile.ZipInfo]) -> dict[str, zipfile.ZipInfo]:
    """Every member judged by the central directory alone; the names of the unique members."""
    problems: list[Problem] = []
    members: dict[str, zipfile.ZipInfo] = {}
    reported: set[str] = set()
    total = 0
    for info in infos:
        name = info.filename
        if name in members:
            if name not in reported:
                problems.append(Problem(name, FieldError("zip_duplicate")))
                reported.add(name)
            continue
        members[name] = info
        if info.flag_bits & 0x1:
            problems.append(Problem(name, FieldError("zip_encrypted")))
        elif info.compress_type not in KNOWN_METHODS:
            problems.append(Problem(name, FieldError("zip_method", got=info.compress_type)))
        total += info.file_size
    if total > PACKAGE_BYTES:
        problems.append(Problem("", FieldError("zip_too_large", limit=_size(PACKAGE_BYTES))))
    data = members.get(DATA_NAME)
    if data is None:
        problems.append(Problem(DATA_NAME, FieldError("required")))
    elif data.file_size > DOCUMENT_BYTES:
        problems.append(Problem(DATA_NAME, FieldError("json_too_large", limit=_size(DOCUMENT_BYTES))))
    if problems:
        raise ValidationFailed(problems)
    return members


def read_container(path: Path) -> tuple[Any, Mapping[str, bytes] | None]:
    """The document and, for a package, its attachment bytes by sha256 (verified); None for JSON."""
    path = Path(path)
    if not _looks_like_zip(path):
        with path.open("rb") as f:
            data = f.read(DOCUMENT_BYTES + 1)  # a bigger file is refused without reading all of it
        return parse_json(data), None
    count = _member_count(path)
    if count is not None and count > PACKAGE_MEMBERS:
        raise _refuse(path.name, "zip_too_many", limit=PACKAGE_MEMBERS)
    try:
        with zipfile.ZipFile(path) as archive:
            members = _check_directory(archive.infolist())
            with archive.open(members[DATA_NAME]) as member:
                data = _read_bounded(member, members[DATA_NAME])
            attachments: dict[str, zipfile.ZipInfo] = {}
            problems: list[Problem] = []
            for name, info in members.items():
                if name.startswith(ATTACHMENTS) and not name.endswith("/"):
                    sha = name[len(ATTACHMENTS):].lower()
                    with archive.open(info) as member:
                        if _stream_hash(member, info) != sha:
                            problems.append(Problem(name, FieldError("attachment_hash")))
                    attachments[sha] = info
    except ValidationFailed:
        raise
    except zipfile.BadZipFile as e:
        # zipfile says "Bad CRC-32" when a member's bytes differ from what the directory declares.
        name = re.search(r"for file '([^']*)'", str(e))
        if name:
            raise _refuse(name.group(1), "zip_member_size") from None
        raise _refuse(path.name, "zip_damaged") from None
    except _DAMAGED:
        # A crafted directory sends zipfile seeking before the start, into a bad stream, past the end.
        raise _refuse(path.name, "zip_damaged") from None
    if problems:
        raise ValidationFailed(problems)
    return parse_json(data, DATA_NAME), PackageBlobs(path, attachments)


# ---- writing ----------------------------------------------------------------------------------

def write_json(path: Path, document: dict[str, Any]) -> None:
    path.write_text(dumps(document), encoding="utf-8")


def dumps(document: dict[str, Any]) -> str:
    """Strict JSON: a NaN or an infinity raises rather than being written as bare `NaN`."""
    return json.dumps(document, ensure_ascii=False, indent=2, allow_nan=False) + "\n"


def write_package(path: Path, document: dict[str, Any], blobs: Mapping[str, bytes]) -> None:
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        info = zipfile.ZipInfo(DATA_NAME, FIXED_TIME)
        info.compress_type = zipfile.ZIP_DEFLATED
        archive.writestr(info, dumps(document).encode("utf-8"))
        for sha in sorted(blobs):
            entry = zipfile.ZipInfo(ATTACHMENTS + sha, FIXED_TIME)
            entry.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(entry, blobs[sha])
