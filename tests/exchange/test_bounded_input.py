"""Bounded input (interchange.md, Import rules 4): hostile zips and JSON are refused with exit 2 and a path.

The command-line cases run the real program in a subprocess: before the fix they exited 1 with a
Python error name (`BadZipFile`, `RecursionError`, `UnicodeEncodeError`) or took gigabytes.
"""

from __future__ import annotations

import hashlib
import json
import os
import struct
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from desktop.domain.errors import ValidationFailed
from desktop.exchange import export_document, import_file
from desktop.exchange.package import dumps, parse_json, read_container
from desktop.storage import Store
from tests.samples import REPO, sample

PROGRAM = [sys.executable, "-m", "desktop"]


def base_document() -> dict:
    return json.loads(sample().read_text(encoding="utf-8"))


def run_cli(db: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    return subprocess.run([*PROGRAM, "--db", str(db), "--lang", "en", *args], capture_output=True, text=True,
                          env=env, cwd=REPO, timeout=120)


def refused(path: Path) -> list[str]:
    with pytest.raises(ValidationFailed) as e:
        read_container(path)
    return [p.text() for p in e.value.problems]


def package(path: Path, members: list[tuple[str, bytes]]) -> Path:
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, data in members:
            archive.writestr(name, data)
    return path


def patch_central(path: Path, member: str, offset: int, fmt: str, value: int) -> None:
    """Change one field of MEMBER's central-directory entry (what zipfile and unzip trust)."""
    data = bytearray(path.read_bytes())
    at = data.find(b"PK\x01\x02")  # the first entry
    while at != -1:
        name_length = struct.unpack_from("<H", data, at + 28)[0]
        name = bytes(data[at + 46: at + 46 + name_length]).decode()
        if name == member:
            struct.pack_into(fmt, data, at + offset, value)
            path.write_bytes(bytes(data))
            return
        at = data.find(b"PK\x01\x02", at + 46)
    raise AssertionError(member)


@pytest.fixture
def good_json() -> bytes:
    return json.dumps(base_document(), ensure_ascii=False).encode()


def test_an_encrypted_member_is_refused_by_name(tmp_path, good_json):
    path = package(tmp_path / "p.zip", [("data.json", good_json)])
    patch_central(path, "data.json", 8, "<H", 0x1)  # general purpose flag: encrypted
    assert refused(path) == ["data.json: encrypted: a package is never encrypted"]


def test_an_unknown_compression_method_is_refused(tmp_path, good_json):
    path = package(tmp_path / "p.zip", [("data.json", good_json)])
    patch_central(path, "data.json", 10, "<H", 99)  # AES, as WinZip writes it
    assert refused(path) == ["data.json: packed with a compression method this program does not read (99); use Deflate"]


def test_two_members_of_one_name_are_refused(tmp_path, good_json):
    with pytest.warns(UserWarning):  # zipfile itself warns when writing them
        path = package(tmp_path / "p.zip", [("data.json", good_json), ("data.json", b"{}")])
    assert refused(path) == ["data.json: named twice in the zip"]


def test_declared_sizes_over_two_gib_are_refused_before_unpacking(tmp_path, good_json):
    blob = b"x"
    path = package(tmp_path / "p.zip", [("data.json", good_json), ("attachments/" + hashlib.sha256(blob).hexdigest(), blob)])
    patch_central(path, "attachments/" + hashlib.sha256(blob).hexdigest(), 24, "<I", 0xFFFF0000)
    assert refused(path) == ["unpacks to more than 2 GiB"]


def test_a_member_unpacking_beyond_its_declared_size_is_refused(tmp_path, good_json):
    path = package(tmp_path / "p.zip", [("data.json", good_json)])
    patch_central(path, "data.json", 24, "<I", 100)  # says 100 bytes; its stream holds the whole document
    assert refused(path) == ["data.json: its bytes do not match the size or checksum the zip declares for it"]


def test_a_document_over_the_limit_is_refused_by_its_declared_size(tmp_path):
    path = tmp_path / "p.zip"
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        info = zipfile.ZipInfo("data.json")
        info.compress_type = zipfile.ZIP_DEFLATED
        with archive.open(info, "w", force_zip64=True) as member:
            for _ in range(129):
                member.write(b" " * 1024 * 1024)
    assert path.stat().st_size < 1024 * 1024
    assert refused(path) == ["data.json: the document is larger than 128 MiB"]


@pytest.mark.parametrize("damage", ["truncated", "garbage", "empty-named-zip"])
def test_a_damaged_zip_is_bad_input_with_a_message(tmp_path, good_json, damage):
    path = package(tmp_path / "p.zip", [("data.json", good_json)])
    data = path.read_bytes()
    if damage == "truncated":
        path.write_bytes(data[: len(data) // 2])
    elif damage == "garbage":
        path.write_bytes(data[:30] + os.urandom(len(data) - 60) + data[-30:])
    else:
        path.write_bytes(b"")
    texts = refused(path)
    assert len(texts) == 1 and ("damaged" in texts[0] or "do not match" in texts[0]), texts


def test_cli_refuses_a_truncated_zip_with_exit_2_and_no_error_name(tmp_path, good_json):
    path = package(tmp_path / "p.zip", [("data.json", good_json)])
    path.write_bytes(path.read_bytes()[:200])
    result = run_cli(tmp_path / "log.sqlite3", "import", str(path))
    assert result.returncode == 2, result.stderr
    assert result.stderr.strip() == "p.zip: the zip package is damaged or incomplete"


def test_cli_names_the_duplicate_member(tmp_path, good_json):
    with pytest.warns(UserWarning):
        path = package(tmp_path / "p.zip", [("data.json", b'{"format": "x"}'), ("data.json", good_json)])
    result = run_cli(tmp_path / "log.sqlite3", "import", str(path))
    assert (result.returncode, result.stderr.strip()) == (2, "data.json: named twice in the zip")


def test_a_zip_bomb_is_refused_in_bounded_memory(tmp_path):
    """1 GiB of zeros in a 5 MB file, honestly declared, as an attachment the document does not list."""
    bomb = tmp_path / "bomb.zip"
    chunk = b"\0" * (1024 * 1024)
    with zipfile.ZipFile(bomb, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
        archive.writestr("data.json", json.dumps(base_document()))
        info = zipfile.ZipInfo("attachments/" + "0" * 64)
        info.compress_type = zipfile.ZIP_DEFLATED
        info._compresslevel = 1  # type: ignore[attr-defined] # fast to make; the ratio is still 1000:1
        with archive.open(info, "w", force_zip64=True) as member:
            for _ in range(1024):
                member.write(chunk)
    assert bomb.stat().st_size < 8 * 1024 * 1024
    script = (
        "import resource, sys\n"
        "from desktop.cli import main\n"
        "code = main(['--db', sys.argv[1], '--lang', 'en', 'import', sys.argv[2]])\n"
        "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, file=sys.stderr)\n"
        "sys.exit(code)\n"
    )
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    result = subprocess.run([sys.executable, "-c", script, str(tmp_path / "log.sqlite3"), str(bomb)],
                            capture_output=True, text=True, env=env, cwd=REPO, timeout=300)
    *messages, peak_kib = result.stderr.strip().splitlines()
    assert result.returncode == 2
    assert messages == [f"attachments/{'0' * 64}: the file's bytes do not match its sha256"]
    assert int(peak_kib) < 500 * 1024, f"peak {int(peak_kib) // 1024} MiB"


# ---- JSON ---------------------------------------------------------------------------------


def test_100000_deep_json_is_refused_with_its_path_not_a_recursion_error(tmp_path):
    path = tmp_path / "deep.json"
    path.write_text('{"format": "incident-log", "extra": ' + "[" * 100_000 + "]" * 100_000 + "}")
    result = run_cli(tmp_path / "log.sqlite3", "import", str(path))
    assert result.returncode == 2
    assert result.stderr.strip() == "extra" + "[0]" * 63 + ": nested deeper than 64 levels"


def test_depth_64_is_read_and_65_refused():
    assert parse_json(b"[" * 64 + b"]" * 64) is not None
    with pytest.raises(ValidationFailed) as e:
        parse_json(b"[" * 65 + b"]" * 65)
    assert [p.text() for p in e.value.problems] == ["[0]" * 64 + ": nested deeper than 64 levels"]


def test_brackets_inside_strings_do_not_count_as_depth():
    text = json.dumps({"a": "[" * 1000 + "{" * 1000, "b": ['"[[[', "\\[", "]]]"]})
    assert parse_json(text.encode())["a"].startswith("[[[")


@pytest.mark.parametrize(("fragment", "problem"), [
    ('{"x": 9007199254740993}', "incidents[0].extra.x: an integer beyond ±2^53"),
    ('{"x": -9007199254740993}', "incidents[0].extra.x: an integer beyond ±2^53"),
    ('{"x": ' + "9" * 5000 + "}", "incidents[0].extra.x: an integer beyond ±2^53"),
    ('{"x": NaN}', "incidents[0].extra.x: NaN and Infinity are not allowed"),
    ('{"x": [1, -Infinity]}', "incidents[0].extra.x[1]: NaN and Infinity are not allowed"),
    ('{"x": 1e999}', "incidents[0].extra.x: NaN and Infinity are not allowed"),
    ('{"x": "a\\ud800b"}', "incidents[0].extra.x: contains a lone surrogate U+D800, which is not a character"),
    ('{"x": "a\\u0001"}', "incidents[0].extra.x: contains the control character U+0001 (only tab and line breaks are allowed)"),
    ('{"x": "a\\b"}', "incidents[0].extra.x: contains the control character U+0008 (only tab and line breaks are allowed)"),
    ('{"x": "a\u0090"}', "incidents[0].extra.x: contains the control character U+0090 (only tab and line breaks are allowed)"),
    ('{"x": "a\x02"}', "incidents[0].extra.x: contains the control character U+0002 (only tab and line breaks are allowed)"),
    ('{"x\\u0007y": 1}', "incidents[0].extra.x\\u0007y: contains the control character U+0007 (only tab and line breaks are allowed)"),
    ('{"x": 1, "x": 2}', "incidents[0].extra.x: the key is given more than once in its object (which one counts would be a guess)"),
    ('{"x": {"y": [{"z": 1, "z": 1}]}}',
     "incidents[0].extra.x.y[0].z: the key is given more than once in its object (which one counts would be a guess)"),
])
def test_hostile_values_are_refused_with_their_path(fragment, problem):
    marker = '"__extra__"'
    doc = base_document()
    doc["incidents"][0]["extra"] = "__extra__"
    text = json.dumps(doc, ensure_ascii=False).replace(marker, fragment)
    with pytest.raises(ValidationFailed) as e:
        parse_json(text.encode())
    assert [p.text() for p in e.value.problems] == [problem]


def test_allowed_characters_and_numbers_pass():
    document = parse_json('{"a": "tab\\t, lines\\n\\r, Word\'s Shift+Enter \\u000b, 😀 \\ud83d\\ude00", '
                          '"n": [9007199254740992, -9007199254740992, 1.5e300]}'.encode())
    assert document["a"].endswith("😀 😀")
    assert document["n"][0] == 2**53


def test_cli_names_nan_in_extra_and_writes_nothing(tmp_path):
    doc = base_document()
    doc["incidents"][0]["extra"] = {"x": "__nan__"}
    path = tmp_path / "nan.json"
    path.write_text(json.dumps(doc, ensure_ascii=False).replace('"__nan__"', "NaN"), encoding="utf-8")
    db = tmp_path / "log.sqlite3"
    result = run_cli(db, "import", str(path))
    assert (result.returncode, result.stderr.strip()) == (2, "incidents[0].extra.x: NaN and Infinity are not allowed")
    with Store.open(db) as store:
        assert store.counts()["incidents"] == 0


def test_export_never_writes_nan():
    with pytest.raises(ValueError):
        dumps({"extra": {"x": float("nan")}})


# ---- numbers and lengths -----------------------------------------------------------------


def test_a_reference_leaving_no_room_for_the_next_number_is_refused(tmp_path):
    doc = base_document()
    doc["incidents"][0]["reference"] = "INC-2026-999999999"
    path = tmp_path / "f.json"
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    db = tmp_path / "log.sqlite3"
    result = run_cli(db, "import", str(path))
    assert result.returncode == 2
    assert result.stderr.strip() == ("incidents[0].reference: the number after the year is too large: at most "
                                     "999,999,998, so that the next number still fits")
    with Store.open(db) as store:
        assert store.counts()["incidents"] == 0


def test_numbering_that_would_pass_the_counter_end_is_refused(store, tmp_path):
    doc = base_document()
    doc["incidents"][0]["reference"] = "INC-2026-999999998"
    for incident in doc["incidents"][1:]:
        incident.pop("reference", None)
    path = tmp_path / "f.json"
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(ValidationFailed) as e:
        import_file(store, path)
    assert [p.text() for p in e.value.problems] == [
        "incidents[1].reference: numbering INC-2026 would pass 999,999,999: the next number would not fit"]
    assert store.counts()["incidents"] == 0

    # The counter itself, from an earlier import, counts too.
    first = {**doc, "incidents": doc["incidents"][:1], "claims": []}
    path.write_text(json.dumps(first, ensure_ascii=False), encoding="utf-8")
    import_file(store, path)
    rest = {**doc, "incidents": doc["incidents"][1:2], "claims": []}
    path.write_text(json.dumps(rest, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(ValidationFailed) as e:
        import_file(store, path)
    assert [p.text() for p in e.value.problems] == [
        "incidents[0].reference: numbering INC-2026 would pass 999,999,999: the next number would not fit"]


def test_a_claim_number_leaving_no_room_is_refused(store, tmp_path):
    doc = base_document()
    doc["claims"][0]["number"] = "clm-2026-999999999"
    path = tmp_path / "f.json"
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(ValidationFailed) as e:
        import_file(store, path)
    assert [p.path for p in e.value.problems] == ["claims[0].number"]


@pytest.mark.parametrize(("where", "key", "limit"), [
    ("incidents", "description", 10_000), ("people", "notes", 10_000), ("claims", "notes", 10_000),
    ("people", "full_name", 300), ("incidents", "location", 1000),
])
def test_text_over_its_limit_is_refused_with_path_and_limit(store, tmp_path, where, key, limit):
    doc = base_document()
    doc[where][0][key] = "я" * limit
    path = tmp_path / "f.json"
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    import_file(store, path)  # exactly the limit is fine
    doc[where][0][key] = "я" * (limit + 1)
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    before = export_document(store)["incidents"]
    with pytest.raises(ValidationFailed) as e:
        import_file(store, path)
    assert [p.text() for p in e.value.problems] == [f"{where}[0].{key}: at most {limit} characters, got {limit + 1}"]
    assert export_document(store)["incidents"] == before


def test_a_vehicle_without_an_id_is_reported_not_a_crash(store, tmp_path):
    """Found by the hostile-input suite: a None id reached the database look-up and raised TypeError."""
    doc = base_document()
    del doc["incidents"][0]["vehicles"][2]["id"]
    path = tmp_path / "f.json"
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(ValidationFailed) as e:
        import_file(store, path)
    assert "incidents[0].vehicles[2].id: required" in [p.text() for p in e.value.problems]


def test_a_key_given_twice_in_a_record_is_refused_and_nothing_written(tmp_path):
    """`"amount": "100", ..., "amount": "1000000"`: one parser reads the first, Python the last; the
    file is refused naming the key, not read one way here and another elsewhere."""
    text = sample().read_text(encoding="utf-8")
    doc = json.loads(text)
    first = doc["claims"][0]
    key, value = "requested_amount", first["requested_amount"]
    twice = json.dumps(doc, ensure_ascii=False, indent=1).replace(
        f'"{key}": "{value}"', f'"{key}": "{value}", "{key}": "999999"', 1)
    path = tmp_path / "twice.json"
    path.write_text(twice, encoding="utf-8")
    db = tmp_path / "log.sqlite3"
    result = run_cli(db, "import", str(path))
    assert result.returncode == 2
    assert f"claims[0].{key}: the key is given more than once" in result.stderr
    with Store.open(db) as store:
        assert store.counts()["claims"] == 0
    ru = subprocess.run([*PROGRAM, "--db", str(db), "--lang", "ru", "import", str(path)], capture_output=True, text=True,
                        env={**os.environ, "PYTHONPATH": str(REPO)}, cwd=REPO, timeout=120)
    assert "ключ повторяется" in ru.stderr


def test_a_field_too_long_to_take_is_one_problem_not_also_missing(tmp_path: Path) -> None:
    """Found in an acceptance run: a rejected claim's reason of 2,001+ characters was refused as too
    long and, below it, as "required when the claim is rejected"."""
    doc = json.loads(sample("sample-kaluga-2026-09-v2.json").read_text(encoding="utf-8"))
    n, claim = next((n, c) for n, c in enumerate(doc["claims"]) if c["status"] == "rejected")
    claim["decision"]["reason"] = "Отказ. " * 400
    path = tmp_path / "long.json"
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    with Store.open(tmp_path / "log.sqlite3") as store, pytest.raises(ValidationFailed) as e:
        import_file(store, path)
    about = [(p.path, p.error.code) for p in e.value.problems if p.path.startswith(f"claims[{n}].decision")]
    assert about == [(f"claims[{n}].decision.reason", "too_long")], about
