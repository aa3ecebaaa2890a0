"""`incident-log selftest`: exit 0 on an empty and on a real database, which it never changes."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from pathlib import Path

import pytest

from desktop.selftest import run_selftest

REPO = Path(__file__).resolve().parent.parent
STEPS = ("open the main window", "list the incidents", "build the incident report", "build the claim report",
         "build the register report", "build the summary report", "build the request-documents report")


def fingerprint(folder: Path) -> dict[str, tuple[str, int]]:
    """Every file in the database's folder with its hash and modification time."""
    return {p.name: (hashlib.sha256(p.read_bytes()).hexdigest(), p.stat().st_mtime_ns)
            for p in sorted(folder.iterdir()) if p.is_file()}


def test_selftest_without_a_database_uses_the_sample(tmp_path, qapp, capsys):
    db = tmp_path / "incident-log.sqlite3"
    assert run_selftest(db, "en") == 0
    out = capsys.readouterr().out
    for step in STEPS:
        assert f"ok    {step}" in out
    assert "from the sample" in out
    assert "selftest passed" in out
    assert not db.exists()  # nothing was created in the clerk's place
    assert list(tmp_path.iterdir()) == []


def test_selftest_on_an_empty_database_changes_nothing(tmp_path, store, qapp, capsys):
    store.close()
    before = fingerprint(store.path.parent)
    assert run_selftest(store.path, "en") == 0
    assert fingerprint(store.path.parent) == before
    assert "from the sample" in capsys.readouterr().out


def test_selftest_on_the_sample_database_changes_nothing(sample_store, qapp, capsys):
    sample_store.set_setting("office_name", "Администрация города Калуги")
    sample_store.close()
    folder = sample_store.path.parent
    before = fingerprint(folder)
    assert run_selftest(sample_store.path, "ru") == 0
    out = capsys.readouterr().out
    assert "from the database" in out and "from the sample" not in out
    assert "incident_log_ru" in out  # the Russian catalogue shipped and loaded
    assert fingerprint(folder) == before  # byte for byte, and not even touched


def test_selftest_on_a_damaged_database_exits_3(tmp_path, qapp, capsys):
    db = tmp_path / "incident-log.sqlite3"
    db.write_bytes(b"not a database" * 200)
    assert run_selftest(db, "en") == 3
    captured = capsys.readouterr()
    assert "damaged" in captured.out
    assert "Traceback" not in captured.out + captured.err


@pytest.mark.slow
def test_selftest_command_in_a_fresh_process(tmp_path):
    """As the installer runs it: `python -m desktop --db ... selftest`, no display."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "HOME": str(tmp_path), "XDG_DATA_HOME": str(tmp_path / "data"),
           "XDG_STATE_HOME": str(tmp_path / "state"), "XDG_CACHE_HOME": str(tmp_path / "cache")}
    env.pop("INCIDENT_LOG_DB", None)
    done = subprocess.run([sys.executable, "-m", "desktop", "--db", str(tmp_path / "x.sqlite3"), "--lang", "en", "selftest"],
                          cwd=REPO, env=env, capture_output=True, text=True, timeout=300, check=False)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "selftest passed" in done.stdout
