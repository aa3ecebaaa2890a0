"""A log that can only be read (a read-only folder, drive or share; another user's file) is still
read by the commands that only read it: `check`, `export`, `report`, `backup`, `copy-to`,
`settings` without a value. Commands that write still exit 3 with the read-only message."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from desktop import cli
from desktop.storage import DatabaseUnavailable, Store, Trouble
from desktop.storage.sqlite.connection import connect
from tests.samples import REPO, sample


def _log(tmp_path):
    db = tmp_path / "office" / "log.sqlite3"
    db.parent.mkdir()
    with Store.open(db) as store:
        from desktop.exchange import import_file

        import_file(store, sample("sample-kaluga-2026-09-v2.json"))
    return db


def _fingerprint(folder):
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir())}


@pytest.fixture
def read_only(monkeypatch):
    """SQLite refuses to write the log, as it does in a read-only folder (root writes anywhere,
    so the refusal is made where the program opens the log for writing)."""
    def refuse(where):
        raise DatabaseUnavailable(Trouble.READ_ONLY, where)

    monkeypatch.setattr(cli, "open_store", refuse)


def test_reading_commands_read_a_log_they_cannot_write(tmp_path, read_only, capsys):
    db = _log(tmp_path)
    before = _fingerprint(db.parent)
    out = tmp_path / "out.json"
    assert cli.main(["--db", str(db), "--lang", "en", "check"]) == cli.EXIT_OK
    assert "the database is whole" in capsys.readouterr().out
    assert cli.main(["--db", str(db), "export", str(out)]) == cli.EXIT_OK
    exported = json.loads(out.read_text(encoding="utf-8"))
    assert len(exported["claims"]) == 4 and len(exported["incidents"]) == 2
    assert cli.main(["--db", str(db), "report", "register", "-o", str(tmp_path / "r.pdf")]) == cli.EXIT_OK
    assert (tmp_path / "r.pdf").read_bytes().startswith(b"%PDF")
    assert cli.main(["--db", str(db), "backup", str(tmp_path / "copy.sqlite3")]) == cli.EXIT_OK
    assert cli.main(["--db", str(db), "copy-to", str(tmp_path / "moved.sqlite3")]) == cli.EXIT_OK
    with Store.open(tmp_path / "moved.sqlite3") as moved:
        assert moved.counts()["claims"] == 4
    assert cli.main(["--db", str(db), "settings"]) == cli.EXIT_OK
    assert _fingerprint(db.parent) == before  # read in place: not a byte changed, no side file made


@pytest.mark.parametrize("command", [["import", "{sample}"], ["settings", "backup_keep", "3"]])
def test_writing_commands_still_say_the_log_cannot_be_written(tmp_path, read_only, capsys, command):
    db = _log(tmp_path)
    before = _fingerprint(db.parent)
    args = [a.format(sample=sample()) for a in command]
    assert cli.main(["--db", str(db), "--lang", "en", *args]) == cli.EXIT_DATABASE
    assert "can only be read" in capsys.readouterr().err
    assert _fingerprint(db.parent) == before


def test_an_older_log_that_cannot_be_written_keeps_the_refusal(tmp_path, read_only, capsys):
    """It would need migrating, which is a write: the read-only message, not a half-read log."""
    db = _log(tmp_path)
    conn = connect(db).conn
    conn.execute("PRAGMA user_version = 8")
    conn.close()
    assert cli.main(["--db", str(db), "--lang", "en", "export", str(tmp_path / "out.json")]) == cli.EXIT_DATABASE
    assert "can only be read" in capsys.readouterr().err
    assert not (tmp_path / "out.json").exists()


def _as_nobody() -> list[str] | None:
    """`setpriv` to user nobody, when this Python can run as that user (the suite runs as root in CI)."""
    if os.geteuid() != 0 or shutil.which("setpriv") is None:
        return None
    prefix = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"]
    probe = subprocess.run([*prefix, sys.executable, "-c", "import PySide6, reportlab"], capture_output=True,
                           cwd="/", env={**os.environ, "PYTHONPATH": str(REPO)})
    return prefix if probe.returncode == 0 else None


@pytest.fixture
def open_folder():
    """A folder every user can reach (pytest's own are root's alone)."""
    folder = Path(tempfile.mkdtemp(prefix="incident-log-ro-"))
    folder.chmod(0o755)
    yield folder
    shutil.rmtree(folder)


def test_a_log_in_a_folder_the_user_cannot_write(open_folder):
    """The real thing where it can be arranged: the log in a folder of root's, read by user nobody."""
    prefix = _as_nobody()
    if prefix is None:
        pytest.skip("needs root, setpriv and a Python user nobody can run (the refusal itself is tested above)")
    tmp_path = open_folder
    db = _log(tmp_path)
    for p in (tmp_path, db.parent):
        p.chmod(0o755)
    db.chmod(0o644)
    out = tmp_path / "nobody"
    out.mkdir(mode=0o777)
    out.chmod(0o777)
    env = {**os.environ, "PYTHONPATH": str(REPO), "HOME": str(out), "XDG_DATA_HOME": str(out), "XDG_STATE_HOME": str(out)}
    before = _fingerprint(db.parent)
    result = subprocess.run([*prefix, sys.executable, "-m", "desktop", "--db", str(db), "--lang", "en", "export",
                             str(out / "out.json")], capture_output=True, text=True, env=env, cwd=str(out))
    assert result.returncode == 0, result.stderr
    assert len(json.loads((out / "out.json").read_text(encoding="utf-8"))["claims"]) == 4
    refused = subprocess.run([*prefix, sys.executable, "-m", "desktop", "--db", str(db), "--lang", "en", "import",
                              str(sample())], capture_output=True, text=True, env=env, cwd=str(out))
    assert refused.returncode == 3 and "can only be read" in refused.stderr
    assert _fingerprint(db.parent) == before
