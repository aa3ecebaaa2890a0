"""Another window or clerk writes to the log: the registers notice it (PRAGMA data_version) and
keep the clerk's selected record selected wherever the inserts moved it."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from desktop.storage import Store
from desktop.ui.main_window import INCIDENTS_TAB, MainWindow
from tests.samples import REPO
from tests.ui.conftest import TODAY

INSERT = """
import sys, uuid
from datetime import datetime, timedelta, timezone
from desktop.domain.enums import IncidentKind, IncidentStatus
from desktop.domain.models import Incident
from desktop.storage import Change, ChangeSet, Store
start = datetime(2026, 10, 1, 12, 0, tzinfo=timezone(timedelta(hours=3))) + timedelta(days=int(sys.argv[3]))
with Store.open(sys.argv[1]) as store:
    store.apply(ChangeSet(incidents=[Change(Incident(
        id=str(uuid.uuid4()), kind=IncidentKind.UAV_DEBRIS, occurred_at=start + timedelta(minutes=n),
        region="Калужская область", district="г. Калуга", location=f"ул. Новая, {n}",
        status=IncidentStatus.OPEN), None) for n in range(int(sys.argv[2]))]))
"""


def _insert_elsewhere(db, count: int, day: int) -> None:
    done = subprocess.run([sys.executable, "-c", INSERT, str(db), str(count), str(day)], cwd=REPO,
                          env={**os.environ, "PYTHONPATH": str(REPO)}, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr


@pytest.mark.parametrize("inserted", [100, 700])  # near its old place, and far beyond the rows searched first
def test_a_register_keeps_its_selected_record_when_another_process_inserts_before_it(
        store: Store, qtbot, inserted: int) -> None:
    _insert_elsewhere(store.path, 30, day=-200)  # older incidents: the register shows the newest first
    win = MainWindow(store, today=TODAY, remember_state=False)
    qtbot.addWidget(win)
    win.show()
    win.tabs.setCurrentIndex(INCIDENTS_TAB)
    page = win.incidents
    page.view.selectRow(5)
    chosen = page.current_id()
    assert win.check_others_changes() is False  # nothing written elsewhere yet
    _insert_elsewhere(store.path, inserted, day=0)  # newer: all sort before the chosen row
    assert win.check_others_changes() is True
    assert page.model.total() == 30 + inserted
    assert page.current_id() == chosen
    assert page.view.currentIndex().row() == 5 + inserted


def test_the_window_looks_for_others_changes_by_itself(store: Store, qtbot) -> None:
    _insert_elsewhere(store.path, 3, day=-10)
    win = MainWindow(store, today=TODAY, remember_state=False)
    qtbot.addWidget(win)
    win.show()
    assert win.incident_model.total() == 3
    _insert_elsewhere(store.path, 2, day=0)
    qtbot.waitUntil(lambda: win.incident_model.total() == 5, timeout=10_000)  # the timer, within seconds
