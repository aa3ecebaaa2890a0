"""Hostile input: random and crafted JSON documents and zips fed to the importer for a bounded time.

Whatever the file, an import either succeeds or refuses with `ValidationFailed` (exit 2 on the
command line, each problem on its own line, no traceback), and a refusal leaves the database as it
was. Mutations start from the shared samples (version 1 and 2); zips are built, then cut, flipped
and patched; a zip bomb runs through the real program with its peak memory measured.
"""

from __future__ import annotations

import copy
import hashlib
import io
import json
import os
import resource
import struct
import subprocess
import sys
import zipfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.domain.errors import ValidationFailed
from desktop.exchange import export_document, import_file
from desktop.storage import Store
from tests.samples import REPO, sample

SAMPLES = [json.loads(sample(name).read_text(encoding="utf-8"))
           for name in ("sample-kaluga-2026-09.json", "sample-kaluga-2026-09-v2.json")]
DEEP = "\u2063deep\u2063"  # stands in for a nesting too deep for json.dumps to write
RAW = "\u2063raw\u2063"  # stands in for a bare token json.dumps would not write

SETTINGS = settings(deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

hostile_text = st.one_of(
    st.text(max_size=40),
    st.text(alphabet=st.characters(min_codepoint=0, max_codepoint=0x9F), max_size=20),  # C0 and C1 controls
    st.sampled_from(["\ud800", "a\udfffb", "\x0b", "\u2028", "\ufeff", "=1+1", "INC-2026-999999999",
                     "CLM-2026-999999998", "inc-2026-00000000001", "я" * 10_001, "x" * 301]),
)
hostile_number = st.one_of(
    st.integers(), st.integers(min_value=2**53 - 2, max_value=2**64), st.integers(max_value=-(2**53) + 2, min_value=-(2**64)),
    st.floats(allow_nan=True, allow_infinity=True), st.sampled_from([0, -1, 1900, 10**12, 1e308, -0.0]),
)
hostile_leaf = st.one_of(st.none(), st.booleans(), hostile_number, hostile_text,
                         st.sampled_from([RAW + "NaN", RAW + "Infinity", RAW + "1e999", RAW + "9" * 400, DEEP]))
hostile_value = st.recursive(hostile_leaf, lambda inner: st.one_of(
    st.lists(inner, max_size=4), st.dictionaries(hostile_text, inner, max_size=4)), max_leaves=12)


def _to_json(document: Any, ascii_only: bool = False) -> str:
    """JSON text, lone surrogates as `\\ud800` escapes when ASCII_ONLY, the markers spelt out."""
    text = json.dumps(document, ensure_ascii=ascii_only)
    for marker in (DEEP, RAW):
        quoted = json.dumps(marker, ensure_ascii=ascii_only)[:-1]  # the opening quote and the marker
        while quoted in text:
            start = text.index(quoted)
            end = text.index('"', start + len(quoted))
            token = text[start + len(quoted): end]
            replacement = "[" * 100_000 + "]" * 100_000 if marker == DEEP else token
            text = text[:start] + replacement + text[end + 1:]
    return text


@st.composite
def mutated_documents(draw: st.DrawFn) -> str:
    """A sample with a few values replaced, keys removed or added, items copied: then as JSON text."""
    document = copy.deepcopy(draw(st.sampled_from(SAMPLES)))
    for _ in range(draw(st.integers(1, 4))):
        parent: Any = document
        key: Any = None
        while parent:  # walk down to a random place, only ever into a non-empty container
            key = draw(st.sampled_from(list(parent) if isinstance(parent, dict) else range(len(parent))))
            child = parent[key]
            if not isinstance(child, (dict, list)) or not child or draw(st.booleans()):
                break
            parent = child
        action = draw(st.sampled_from(["replace", "delete", "add", "copy"]))
        if key is None or action == "add":
            if isinstance(parent, dict):
                parent[draw(hostile_text)] = draw(hostile_value)
            else:
                parent.append(draw(hostile_value))
        elif action == "replace":
            parent[key] = draw(hostile_value)
        elif action == "delete":
            del parent[key]
        elif isinstance(parent, list):
            parent.append(copy.deepcopy(parent[key]))
        else:
            parent[key] = copy.deepcopy(parent)
    return _to_json(document, draw(st.booleans()))


@st.composite
def damaged_bytes(draw: st.DrawFn) -> bytes:
    """A valid document's bytes, cut, flipped, or with bytes put in."""
    data = bytearray(json.dumps(draw(st.sampled_from(SAMPLES)), ensure_ascii=draw(st.booleans())).encode())
    for _ in range(draw(st.integers(1, 3))):
        kind = draw(st.sampled_from(["cut", "flip", "insert"]))
        at = draw(st.integers(0, len(data)))
        if kind == "cut":
            del data[at:]
        elif kind == "flip" and at < len(data):
            data[at] = draw(st.integers(0, 255))
        else:
            data[at:at] = draw(st.sampled_from([b"\xef\xbb\xbf", b"\x00", b"\xed\xa0\x80", b"\\", b'"', b"[", b"}",
                                                b"\xc2\x85", b"\\ud800", b"NaN", b"1e999"]))
    return bytes(data)


def _central_entries(data: bytes) -> list[int]:
    found, at = [], data.find(b"PK\x01\x02")
    while at != -1:
        found.append(at)
        at = data.find(b"PK\x01\x02", at + 4)
    return found


@st.composite
def hostile_zips(draw: st.DrawFn) -> bytes:
    """A package (data.json and attachments), then damaged as a hostile sender or a bad disk would."""
    blob = draw(st.binary(max_size=200))
    sha = hashlib.sha256(blob).hexdigest()
    text = draw(st.one_of(mutated_documents(), st.sampled_from([_to_json(SAMPLES[0])])))
    members = [("data.json", text.encode("utf-8", errors="surrogatepass"))]
    members.append(("attachments/" + draw(st.sampled_from([sha, sha.upper(), "0" * 64, "../../etc/passwd"])), blob))
    if draw(st.booleans()):
        members.append((draw(st.sampled_from(["data.json", "attachments/" + sha, "attachments/", "x/"])), b"{}"))
    buffer = io.BytesIO()
    method = draw(st.sampled_from([zipfile.ZIP_DEFLATED, zipfile.ZIP_STORED, zipfile.ZIP_BZIP2, zipfile.ZIP_LZMA]))
    with zipfile.ZipFile(buffer, "w", compression=method) as archive:
        for name, data in members:
            with _quiet():
                archive.writestr(name, data)
        if draw(st.booleans()):  # a small bomb: 8 MiB of zeros, declared honestly
            info = zipfile.ZipInfo("attachments/" + hashlib.sha256(b"\0" * 8 * 1024 * 1024).hexdigest())
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, b"\0" * 8 * 1024 * 1024)
    data = bytearray(buffer.getvalue())
    for _ in range(draw(st.integers(0, 3))):
        entries = _central_entries(bytes(data))
        kind = draw(st.sampled_from(["cut", "flip", "flag", "method", "size", "offset"]))
        if kind in ("cut", "flip") or not entries:
            at = draw(st.integers(0, max(0, len(data) - 1)))
            if kind == "cut":
                del data[at:]
            elif data:
                data[at] = draw(st.integers(0, 255))
            continue
        entry = draw(st.sampled_from(entries))
        if entry + 46 > len(data):
            continue
        if kind == "flag":
            struct.pack_into("<H", data, entry + 8, draw(st.sampled_from([0x1, 0x41, 0x800, 0x8])))
        elif kind == "method":
            struct.pack_into("<H", data, entry + 10, draw(st.sampled_from([1, 9, 12, 14, 93, 98, 99, 0xFFFF])))
        elif kind == "size":
            struct.pack_into("<I", data, entry + 24, draw(st.sampled_from([0, 1, 100, 2**31, 0xFFFFFFFF])))
        else:
            struct.pack_into("<I", data, entry + 42, draw(st.sampled_from([0, 1, 2**31, 0xFFFFFFFF])))
    return bytes(data)


class _quiet:
    """zipfile warns when a name is written twice; the duplicate is the point."""

    def __enter__(self) -> None:
        import warnings

        self._catch = warnings.catch_warnings()
        self._catch.__enter__()
        warnings.simplefilter("ignore")

    def __exit__(self, *exc: object) -> None:
        self._catch.__exit__(*exc)


def snapshot(store: Store) -> str:
    document = export_document(store)
    document["exported_at"] = "-"
    return hashlib.sha256(json.dumps(document, ensure_ascii=False, sort_keys=True).encode()).hexdigest()


class Importer:
    """One database for a whole run: each refusal must leave it exactly as the previous case did."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.store = Store.open(folder / "log.sqlite3")
        import_file(self.store, sample())
        self.state = snapshot(self.store)
        self.outcomes: dict[str, int] = {"imported": 0, "refused": 0}

    def feed(self, data: bytes, suffix: str) -> None:
        path = self.folder / f"case{suffix}"
        path.write_bytes(data)
        try:
            import_file(self.store, path)
        except ValidationFailed as e:
            assert e.problems and all(p.text("ru") and p.text("en") for p in e.problems)
            assert snapshot(self.store) == self.state, "a refused import changed the database"
            self.outcomes["refused"] += 1
        else:
            self.state = snapshot(self.store)
            self.outcomes["imported"] += 1


@pytest.fixture(scope="module")
def importer(tmp_path_factory: pytest.TempPathFactory) -> Any:
    feeder = Importer(tmp_path_factory.mktemp("hostile"))
    yield feeder
    feeder.store.close()


@settings(SETTINGS, max_examples=150)
@given(text=mutated_documents())
def test_mutated_documents_import_or_are_refused(importer, text):
    importer.feed(text.encode("utf-8", errors="surrogatepass"), ".json")


@settings(SETTINGS, max_examples=120)
@given(data=st.one_of(damaged_bytes(), st.binary(max_size=300)))
def test_damaged_and_random_bytes_are_refused(importer, data):
    importer.feed(data, ".json")


@settings(SETTINGS, max_examples=120)
@given(data=hostile_zips(), suffix=st.sampled_from([".zip", ".json", ".ZIP"]))
def test_hostile_zips_import_or_are_refused(importer, data, suffix):
    importer.feed(data, suffix)  # a zip is known by its content, whatever its name


def test_the_suite_met_both_outcomes(importer):
    """The mutations are not all refused for one trivial reason: some files still import."""
    assert importer.outcomes["refused"] > 0
    assert importer.outcomes["imported"] > 0


def _run(db: Path, path: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    return subprocess.run([sys.executable, "-m", "desktop", "--db", str(db), "--lang", "en", "import", str(path)],
                          capture_output=True, text=True, env=env, cwd=REPO, timeout=120)


@pytest.fixture(scope="module")
def cli_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("hostile-cli") / "log.sqlite3"
    with Store.open(db) as store:
        import_file(store, sample())
    return db


@settings(SETTINGS, max_examples=12)
@given(data=st.one_of(mutated_documents().map(lambda t: (t.encode("utf-8", errors="surrogatepass"), ".json")),
                      hostile_zips().map(lambda z: (z, ".zip")), damaged_bytes().map(lambda b: (b, ".json"))))
def test_the_real_program_exits_0_or_2_without_a_traceback(cli_db, tmp_path_factory, data):
    content, suffix = data
    path = tmp_path_factory.mktemp("case") / f"case{suffix}"
    path.write_bytes(content)
    with Store.open(cli_db) as store:
        before = snapshot(store)
    result = _run(cli_db, path)
    assert result.returncode in (0, 2), result.stderr
    assert "Traceback" not in result.stderr and "Error:" not in result.stderr, result.stderr
    if result.returncode == 2:
        assert result.stderr.strip()
        with Store.open(cli_db) as store:
            assert snapshot(store) == before


def test_a_zip_bomb_through_the_real_program_stays_under_500_mb(tmp_path):
    """A 1 GiB member (honestly declared, listed by nothing), and a 1 GiB data.json: refused, memory bounded."""
    bomb = tmp_path / "bomb.zip"
    chunk = b"\0" * (1024 * 1024)
    with zipfile.ZipFile(bomb, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
        archive.writestr("data.json", json.dumps(SAMPLES[0]))
        info = zipfile.ZipInfo("attachments/" + "f" * 64)
        info.compress_type = zipfile.ZIP_DEFLATED
        info._compresslevel = 1  # type: ignore[attr-defined]
        with archive.open(info, "w", force_zip64=True) as member:
            for _ in range(1024):
                member.write(chunk)
    result = _run(tmp_path / "log.sqlite3", bomb)
    peak_mib = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss // 1024  # the largest child so far
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert peak_mib < 500, f"peak {peak_mib} MiB"
