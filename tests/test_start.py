"""The window's start path stays lean: what the first screen does not need is imported when used.

A fresh process starts `incident-log` as a clerk does (`desktop.cli.main`, no command), on a log
with records, lets the window show and paint once, and reports the modules it loaded. Reports
(reportlab), the interchange import and export, the spreadsheet writer (openpyxl), the PDF
preview (QtPdf) and the selftest must not be among them: each costs start time, and the clerk
may never print in that session. (tests/benchmarks/bench_start.py measures the time itself.)
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.samples import REPO, sample

DRIVER = """
import os
import sys
from desktop.cli import main
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

def finish():
    # Shown and painted once: report, and leave at once (closing is not part of starting).
    app = QApplication.instance()
    shown = [w for w in app.topLevelWidgets() if w.isVisible()]
    for window in shown:
        window.grab()
    print("shown", ",".join(type(w).__name__ for w in shown))
    print("modules", " ".join(sorted(sys.modules)), flush=True)
    os._exit(0)

def modal(*args, **kwargs):  # a modal dialog at start (trouble, an error) would wait for a click forever
    print("modal dialog:", *[a for a in args if isinstance(a, str)], flush=True)
    os._exit(3)

QDialog.exec = modal
for name in ("critical", "warning", "information", "question"):
    setattr(QMessageBox, name, modal)

_exec = QApplication.exec
def exec_once(*_):
    QTimer.singleShot(0, finish)
    return _exec()
QApplication.exec = exec_once
sys.exit(main(["--db", sys.argv[1], "--lang", "ru"]))
"""

# Modules (and their submodules) that only a report, an import or export, the preview or the
# selftest needs. The words the window shares with paper are `desktop.domain.words`, so the first
# screen imports nothing of desktop.reports (the package is reportlab behind a lazy door).
NOT_AT_START = ("reportlab", "openpyxl", "desktop.exchange", "desktop.selftest", "PySide6.QtPdf",
                "PySide6.QtPdfWidgets", "desktop.ui.dialogs.report_preview", "desktop.ui.dialogs.settings",
                "PIL", "phonenumbers",
                # sqlite-utils migrates an older log only; the log file is opened at its first entry;
                # the writing thread is made for a large write.
                "sqlite_utils", "logging.handlers", "concurrent.futures",
                # ids are made and hashes taken when something is written
                "uuid", "hashlib",
                # the dialog for a log that cannot be opened, and the restore it offers
                "desktop.ui.dialogs.db_trouble",
                # backups: the day's automatic one is looked for once the window is up and painted
                "desktop.storage.maintenance", "desktop.storage.sqlite.maintenance")


def _start_window(tmp_path: Path) -> tuple[str, set[str]]:
    home = tmp_path / "home"
    env = {k: v for k, v in os.environ.items() if not k.startswith(("INCIDENT_LOG", "XDG_"))}
    env.update(HOME=str(home), XDG_DATA_HOME=str(home / "data"), XDG_STATE_HOME=str(home / "state"),
               XDG_CONFIG_HOME=str(home / "config"), XDG_CACHE_HOME=str(home / "cache"),
               QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(REPO), LANG="C.UTF-8", LC_ALL="C.UTF-8")
    db = tmp_path / "log.sqlite3"
    imported = subprocess.run([sys.executable, "-m", "desktop", "--db", str(db), "import", str(sample())],
                              env=env, cwd=tmp_path, capture_output=True, text=True, timeout=120)
    assert imported.returncode == 0, imported.stderr
    result = subprocess.run([sys.executable, "-c", DRIVER, str(db)], env=env, cwd=tmp_path, capture_output=True,
                            text=True, timeout=60)
    assert result.returncode == 0, result.stdout + result.stderr
    lines = dict(line.split(" ", 1) for line in result.stdout.splitlines() if line.startswith(("shown ", "modules ")))
    return lines["shown"], set(lines["modules"].split())


def test_the_window_starts_without_reports_exchange_spreadsheets_or_the_pdf_preview(tmp_path: Path) -> None:
    shown, modules = _start_window(tmp_path)
    assert "MainWindow" in shown.split(",")
    assert "desktop.ui.main_window" in modules and "desktop.storage.sqlite.store" in modules  # the driver saw the start
    early = sorted(m for m in modules if m.startswith((*NOT_AT_START, "desktop.reports")))
    assert early == [], f"imported at start although the first screen does not need them: {early}"


def _plan(store, sql: str, params: dict) -> str:
    return " | ".join(r[3] for r in store.db.conn.execute(f"EXPLAIN QUERY PLAN {sql}", params))


def test_counting_the_claims_register_reads_only_claims(store) -> None:
    """The register's row count (asked at start, and the overview's overdue figure) reads the claims
    table alone; the incidents join only for a district filter, people never."""
    from desktop.domain.views import Filters
    from desktop.storage.sqlite import queries

    statements: list[str] = []
    store.db.conn.set_trace_callback(statements.append)
    try:
        assert store.count_claims() == 0
        assert store.count_claims(Filters(overdue_only=True)) == 0
        assert store.count_claims(Filters(districts=("г. Калуга",))) == 0
    finally:
        store.db.conn.set_trace_callback(None)
    counts = [s for s in statements if s.lstrip().upper().startswith("SELECT COUNT(*)")]
    assert len(counts) == 3
    assert "incidents" not in counts[0] and "people" not in counts[0]
    assert "incidents" not in counts[1] and "people" not in counts[1]
    assert "incidents" in counts[2] and "people" not in counts[2]
    where, params = queries.claim_where(Filters())
    assert "incidents" not in _plan(store, f"SELECT COUNT(*) {queries.claim_count_from(Filters())}{where}", params)
