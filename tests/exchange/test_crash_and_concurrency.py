"""Durability under the worst a desk PC does: a killed process, two programs writing at once."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
import time

import pytest

from desktop.storage import Store
from tests.samples import REPO
from tests.synthetic import document

CLAIMS = 3000


def _env() -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": str(REPO)}


@pytest.fixture(scope="module")
def big_file(tmp_path_factory):
    path = tmp_path_factory.mktemp("big") / "big.json"
    path.write_text(json.dumps(document(CLAIMS), ensure_ascii=False), encoding="utf-8")
    return path


def _counts(db) -> dict[str, int]:
    with Store.open(db) as store:
        assert store.check() == []
        return store.counts()


def test_sigkill_in_the_middle_of_an_import_leaves_all_or_nothing(tmp_path, big_file):
    db = tmp_path / "log.sqlite3"
    Store.open(db).close()
    # The child announces when it is inside the write transaction, then keeps writing slowly.
    script = textwrap.dedent(f"""
        import sys, time
        from pathlib import Path
        from desktop.storage import Store
        from desktop.storage.sqlite import store as store_module
        from desktop.exchange import import_file
        original = store_module.Store._insert_values
        def slow_insert(self, table, columns, values):
            original(self, table, columns, values)
            if table == "vehicles":
                print("INSIDE", flush=True)
                time.sleep(60)
        store_module.Store._insert_values = slow_insert
        with Store.open(Path({str(db)!r})) as s:
            import_file(s, Path({str(big_file)!r}))
    """)
    child = subprocess.Popen([sys.executable, "-c", script], env=_env(), stdout=subprocess.PIPE, text=True, cwd=REPO)
    assert child.stdout.readline().strip() == "INSIDE"
    child.send_signal(signal.SIGKILL)
    child.wait(timeout=30)
    assert _counts(db)["incidents"] == 0 and _counts(db)["audit"] == 0
    check = subprocess.run([sys.executable, "-m", "desktop", "--db", str(db), "check"], env=_env(), capture_output=True,
                           text=True, cwd=REPO, timeout=60)
    assert check.returncode == 0 and "whole" in check.stdout


@pytest.mark.parametrize("delay", [0.3, 0.8, 1.5])
def test_sigkill_at_any_moment_of_a_real_import(tmp_path, big_file, delay):
    db = tmp_path / "log.sqlite3"
    child = subprocess.Popen([sys.executable, "-m", "desktop", "--db", str(db), "import", str(big_file)], env=_env(),
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=REPO)
    time.sleep(delay)
    child.send_signal(signal.SIGKILL)
    child.wait(timeout=30)
    if not db.exists():
        return
    counts = _counts(db)
    assert counts["claims"] in (0, CLAIMS)
    assert counts["people"] in (0, CLAIMS)
    assert (counts["claims"] == 0) == (counts["people"] == 0)


def test_numbering_with_two_writing_processes(tmp_path):
    db = tmp_path / "log.sqlite3"
    Store.open(db).close()
    script = textwrap.dedent(f"""
        import sys, uuid
        from datetime import datetime, timedelta, timezone
        from pathlib import Path
        from desktop.domain.enums import IncidentKind, IncidentStatus
        from desktop.domain.models import Incident
        from desktop.storage import Store
        tag = sys.argv[1]
        with Store.open(Path({str(db)!r})) as s:
            for n in range(40):
                s.save_incident(Incident(id=str(uuid.uuid4()), kind=IncidentKind.OTHER,
                    occurred_at=datetime(2026, 10, 1, tzinfo=timezone(timedelta(hours=3))), region="Калужская область",
                    district="г. Калуга", location=f"{{tag}} {{n}}", status=IncidentStatus.OPEN))
    """)
    children = [subprocess.Popen([sys.executable, "-c", script, tag], env=_env(), cwd=REPO, stderr=subprocess.PIPE, text=True)
                for tag in ("A", "B")]
    for child in children:
        assert child.wait(timeout=120) == 0, child.stderr.read()
    with Store.open(db) as store:
        refs = [r.reference for r in store.incident_rows(limit=1000)]
    assert len(refs) == 80 and len(set(refs)) == 80
    assert sorted(refs) == [f"INC-2026-{n:04d}" for n in range(1, 81)]
