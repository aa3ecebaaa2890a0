"""Reading and writing the file containers: plain JSON (BOM tolerated) or a .zip package."""

from __future__ import annotations

import hashlib
import json
import zipfile
from pathlib import Path
from typing import Any

from ..domain.errors import FieldError, Problem, ValidationFailed

DATA_NAME = "data.json"
ATTACHMENTS = "attachments/"
FIXED_TIME = (2000, 1, 1, 0, 0, 0)  # so two packages of the same data are byte-identical


def parse_json(data: bytes, where: str = "") -> Any:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise ValidationFailed([Problem(where, FieldError("json", got=f"not UTF-8 ({e.reason} at byte {e.start})"))]) from None
    try:
        return json.loads(text)
    except json.JSONDecodeError as e:
        raise ValidationFailed([Problem(where, FieldError("json", got=f"{e.msg} at line {e.lineno} column {e.colno}"))]) from None


def read_container(path: Path) -> tuple[Any, dict[str, bytes] | None]:
    """The document and, for a package, its attachment bytes by sha256 (verified); None for JSON."""
    if zipfile.is_zipfile(path):
        blobs: dict[str, bytes] = {}
        problems: list[Problem] = []
        try:
            with zipfile.ZipFile(path) as archive:
                names = archive.namelist()
                if DATA_NAME not in names:
                    raise ValidationFailed([Problem(DATA_NAME, FieldError("required"))])
                document = parse_json(archive.read(DATA_NAME), DATA_NAME)
                for name in names:
                    if name.startswith(ATTACHMENTS) and not name.endswith("/"):
                        sha = name[len(ATTACHMENTS):].lower()
                        data = archive.read(name)
                        if hashlib.sha256(data).hexdigest() != sha:
                            problems.append(Problem(name, FieldError("attachment_hash")))
                        blobs[sha] = data
        except zipfile.BadZipFile as e:
            raise ValidationFailed([Problem("", FieldError("json", got=f"damaged zip: {e}"))]) from None
        if problems:
            raise ValidationFailed(problems)
        return document, blobs
    return parse_json(path.read_bytes()), None


def write_json(path: Path, document: dict[str, Any]) -> None:
    path.write_text(dumps(document), encoding="utf-8")


def dumps(document: dict[str, Any]) -> str:
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def write_package(path: Path, document: dict[str, Any], blobs: dict[str, bytes]) -> None:
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        info = zipfile.ZipInfo(DATA_NAME, FIXED_TIME)
        info.compress_type = zipfile.ZIP_DEFLATED
        archive.writestr(info, dumps(document).encode("utf-8"))
        for sha in sorted(blobs):
            entry = zipfile.ZipInfo(ATTACHMENTS + sha, FIXED_TIME)
            entry.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(entry, blobs[sha])
