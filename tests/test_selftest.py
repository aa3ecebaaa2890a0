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
         "build the register report", "build the incidents report", "build the summary report",
         "build the request-documents report", "build the inspection-act report", "build the decision-notice report",
         "build the payment-register report", "build the deadlines report")


def fingerprint(folder: Path) -> dict[str, tuple[str, int]]:
    """Every file in the database's folder with its hash and modification time."""
    return {p.name: (hashlib.sha256(p.read_bytes()).hexdigest(), p.stat().st_mtime_ns)
            for p in sorted(folder.iterdir()) if p.is_file()}


def borrowed(out: str) -> list[str]:
    """The reports the selftest built from the bundled sample, the log having nothing to build them from."""
    return [line.split()[3] for line in out.splitlines() if "from the sample" in line and " build the " in line]


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
    assert "from the database" in out and borrowed(out) == ["inspection-act"]  # the v1 sample has no inspection
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


def _log_of(folder: Path, cars: int, **shape: object) -> Path:
    import json

    from desktop.exchange import import_file
    from desktop.storage import Store
    from tests.synthetic import document

    folder.mkdir()
    source = folder / "log.json"
    source.write_text(json.dumps(document(cars, **shape), ensure_ascii=False), encoding="utf-8")
    with Store.open(folder / "incident-log.sqlite3") as store:
        import_file(store, source)
    return folder / "incident-log.sqlite3"


@pytest.mark.parametrize("shape", [{"vehicles_per_incident": None}, {"vehicles_per_incident": 600, "items_per_claim": 200},
                                   {"vehicles_per_incident": 10, "cars_per_owner": 300}],
                         ids=["one incident", "200 items per claim", "300 cars per owner"])
def test_selftest_reads_a_bounded_sample_whatever_the_size_of_the_log(tmp_path, qapp, capsys, monkeypatch, shape):
    """The selftest proves the installation, it is no load test: the records it reads from the log
    (cars, property, people, claims, register rows) are about the same few for 600 cars as for 1,800."""
    from desktop.storage import rows as row_module
    from desktop.storage.sqlite import store as store_module

    read: list[str] = []

    def counting(name: str, convert):  # type: ignore[no-untyped-def]
        def wrapper(*args, **kwargs):  # type: ignore[no-untyped-def]
            read.append(name)
            return convert(*args, **kwargs)
        return wrapper

    for name in ("vehicle_from_row", "property_from_row", "person_from_row", "claim_from_row", "incident_from_row",
                 "vehicle_from_values", "property_from_values"):
        monkeypatch.setattr(row_module, name, counting(name, getattr(row_module, name)))
    monkeypatch.setattr(store_module, "_claim_row", counting("claim row", store_module._claim_row))
    monkeypatch.setattr(store_module, "_incident_report_row", counting("incident row", store_module._incident_report_row))

    counts = []
    for cars in (600, 1800):
        db = _log_of(tmp_path / f"log{cars}", cars, **shape)
        read.clear()
        assert run_selftest(db, "en") == 0
        out = capsys.readouterr().out
        # Every report from the clerk's own data; the act and the notice from the sample where no claim
        # of the log has an inspection or a decision (these synthetic claims are all just received)
        assert borrowed(out) == ["inspection-act", "decision-notice"], out
        counts.append(len(read))
    # bounded: fewer than the smaller log's cars, and three times the log adds next to nothing
    # (a claim of 200 items has fewer claims than the register's sample, hence the slack: 3 claims
    # against 9, read by each of the reports that list claims — ten reports since the legal path's
    # four; the other shapes read exactly as much for 1,800 cars as for 600)
    assert max(counts) < 500, counts
    assert counts[1] - counts[0] < 80, counts


def test_selftest_reads_the_log_in_place_even_while_the_window_has_it_open(sample_store, qapp, capsys):
    """No copy of the log (its time would grow with the file), and a log in use is read as it stands."""
    sample_store.set_setting("office_name", "Администрация города Калуги")  # committed, in the WAL
    wal = sample_store.path.with_name(sample_store.path.name + "-wal")
    assert wal.exists()
    before = sample_store.path.read_bytes()
    assert run_selftest(sample_store.path, "en") == 0
    out = capsys.readouterr().out
    assert "ok    open the database (read-only)" in out and "copy" not in out
    assert "from the database" in out and borrowed(out) == ["inspection-act"]  # the v1 sample has no inspection
    assert sample_store.path.read_bytes() == before
    assert sample_store.get_setting("office_name") == "Администрация города Калуги"
