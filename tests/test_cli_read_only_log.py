"""A log that can only be read (a read-only folder, drive or share) is still read by the commands
that only read it (`check`, `export`, `report`, `backup`, `copy-to`, `settings` without a value),
through a private copy made and checked when the command starts. Commands that write still exit 3
with the read-only message."""

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
from desktop.files import COPIES
from desktop.paths import data_dir
from desktop.storage import DatabaseUnavailable, Store, Trouble
from desktop.storage.sqlite import maintenance as sqlite_maintenance
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


def test_an_older_log_that_cannot_be_written_is_read_through_a_migrated_copy(tmp_path, read_only, capsys):
    """An older schema needs migrating, a write: the private copy is migrated, never the log."""
    db = _log(tmp_path)
    conn = connect(db).conn
    conn.execute("PRAGMA user_version = 8")
    conn.execute("DELETE FROM _sqlite_migrations WHERE name = 'm009_incident_search_parts'")
    conn.commit()
    conn.close()
    before = _fingerprint(db.parent)
    assert cli.main(["--db", str(db), "--lang", "en", "export", str(tmp_path / "out.json")]) == cli.EXIT_OK
    assert len(json.loads((tmp_path / "out.json").read_text(encoding="utf-8"))["claims"]) == 4
    assert _fingerprint(db.parent) == before


def test_the_copy_names_the_log_and_is_gone_after_the_command(tmp_path, read_only, capsys):
    db = _log(tmp_path)
    assert cli.main(["--db", str(db), "--lang", "en", "check"]) == cli.EXIT_OK
    assert f"database: {db}" in capsys.readouterr().out  # the log, not the copy
    copies = data_dir() / COPIES
    assert not copies.exists() or list(copies.iterdir()) == []
    unfinished = data_dir() / "unfinished"
    listed = [e.read_text(encoding="utf-8") for e in unfinished.iterdir()] if unfinished.exists() else []
    assert not [name for name in listed if name.endswith("log.sqlite3.part")]


def test_a_log_written_while_it_is_copied_is_copied_again(tmp_path, monkeypatch):
    """Read as immutable, SQLite trusts the file not to change: the copy is compared with the file
    before and after, and made again when its owner wrote meanwhile; a log that never stays still
    is "locked", not read torn (or called damaged)."""
    db = _log(tmp_path)
    states = iter([1, 2, 3, 3])  # written during the first copy, still during the second check
    monkeypatch.setattr(sqlite_maintenance, "_file_state", lambda path: next(states))
    copied = sqlite_maintenance.snapshot(db, tmp_path / "copy.sqlite3")
    with Store.open_read_only(copied) as store:
        assert store.counts()["claims"] == 4
    busy = iter(range(100))
    monkeypatch.setattr(sqlite_maintenance, "_file_state", lambda path: next(busy))
    with pytest.raises(DatabaseUnavailable) as e:
        sqlite_maintenance.snapshot(db, tmp_path / "copy2.sqlite3")
    assert e.value.trouble is Trouble.LOCKED


def test_a_killed_commands_copy_is_swept_with_its_side_files(tmp_path):
    from desktop.files import scratch_copy, sweep_unfinished

    with scratch_copy("log.sqlite3") as copy:
        copy.write_bytes(b"personal data")
        copy.with_name(copy.name + "-wal").write_bytes(b"more")
        entries = list((data_dir() / "unfinished").iterdir())
        mine = [e for e in entries if e.read_text(encoding="utf-8") == str(copy.resolve())]
        assert len(mine) == 1
        killed = mine[0].with_name("999999999-" + mine[0].name.partition("-")[2])  # as if by a dead process
        mine[0].rename(killed)
        sweep_unfinished()
        assert not copy.exists() and not copy.with_name(copy.name + "-wal").exists()


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
