"""Cold start: the program's window against a bare PySide6 window with a table, in fresh processes.

Run on demand: `.venv/bin/python tests/benchmarks/bench_start.py [CLAIMS] [--importtime]`.

Each run is a new Python process, off screen, with its own empty HOME and XDG folders, timed from
just before it is spawned to the moment its window has been shown and painted once (the first
pass of the event loop, then `grab()` of every visible window, which draws each cell on screen):

- **the program**: `incident-log --db LOG --lang ru` (`desktop.cli.main`, the installed entry
  point) on a log of CLAIMS claims (default 20,000, ten cars per incident, imported once and
  cached under the temporary folder), so the time cannot hide a read of the whole log;
- **bare PySide6**: a `QMainWindow` with a `QTableView` on a 30 × 9 in-memory model.

Runs alternate between the two; the medians and their ratio are printed (goal: at most 2×).
`--importtime` also prints the modules that cost most on the program's start path (`python -X
importtime`), and whether any module not needed for the first screen (reports, exchange,
openpyxl, reportlab, QtPdf) was imported.
"""

from __future__ import annotations

import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

GOAL = 2.0
RUNS = 9

FINISH = """
import os, sys, time
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

def finish():
    # Shown and painted once: report, and leave at once (closing is not part of starting).
    app = QApplication.instance()
    shown = [w for w in app.topLevelWidgets() if w.isVisible()]
    for w in shown:
        w.grab()
    print("shown", time.monotonic(), ",".join(type(w).__name__ for w in shown))
    print("modules", " ".join(sorted(sys.modules)), flush=True)
    sys.stderr.flush()
    os._exit(0)
"""

# The program's own modules are imported first, as `incident-log` imports them (the command line
# before Qt): PySide6 adds a hook to every import made after it, so the order matters.
PROGRAM = "from desktop.cli import main\n" + FINISH + """
_exec = QApplication.exec  # static in PySide6: app.exec() and QApplication.exec() alike
def exec_once(*_):
    QTimer.singleShot(0, finish)
    return _exec()
QApplication.exec = exec_once
sys.exit(main(["--db", sys.argv[1], "--lang", "ru"]))
"""

BARE = FINISH + """
from PySide6.QtCore import QAbstractTableModel, Qt
from PySide6.QtWidgets import QMainWindow, QTableView

class Model(QAbstractTableModel):
    def rowCount(self, parent=None):
        return 30
    def columnCount(self, parent=None):
        return 9
    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{index.row()}:{index.column()}"
        return None

app = QApplication(sys.argv[:1])
window = QMainWindow()
view = QTableView()
model = Model()
view.setModel(model)
window.setCentralWidget(view)
window.show()
QTimer.singleShot(0, finish)
sys.exit(app.exec())
"""

# Imported only when a report, an export or an import is asked for, never for the first screen.
NOT_AT_START = ("reportlab", "openpyxl", "desktop.reports.service", "desktop.exchange", "PySide6.QtPdf",
                "PySide6.QtPdfWidgets", "desktop.selftest", "phonenumbers", "PIL")


def build_log(claims: int) -> Path:
    # In a folder of its own: the window's daily automatic backup goes beside the log.
    path = Path(tempfile.gettempdir()) / "incident-log-bench-start" / f"log-{claims}.sqlite3"
    path.parent.mkdir(exist_ok=True)
    if path.exists():
        return path
    from desktop.exchange.importer import import_document
    from desktop.storage import Store
    from tests.synthetic import document

    print(f"building a log of {claims:,} claims (once) …", flush=True)
    part = path.with_suffix(".part")
    part.unlink(missing_ok=True)
    with Store.open(part) as store:
        import_document(store, document(claims))
    part.rename(path)
    return path


def environment(home: Path) -> dict[str, str]:
    # Byte-code is cached as an installed copy has it (pip compiles it on install, PyInstaller
    # freezes it): PYTHONDONTWRITEBYTECODE would compile every module of ours on every start.
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("INCIDENT_LOG", "XDG_")) and k != "PYTHONDONTWRITEBYTECODE"}
    env.update(HOME=str(home), XDG_DATA_HOME=str(home / "data"), XDG_STATE_HOME=str(home / "state"),
               XDG_CONFIG_HOME=str(home / "config"), XDG_CACHE_HOME=str(home / "cache"),
               QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT))
    return env


def start(code: str, *args: str, extra: tuple[str, ...] = ()) -> tuple[float, str, str]:
    with tempfile.TemporaryDirectory(prefix="incident-log-bench-start-") as home:
        began = time.monotonic()
        result = subprocess.run([sys.executable, *extra, "-c", code, *args], env=environment(Path(home)),
                                capture_output=True, text=True, timeout=120, cwd=home)
    match = re.search(r"^shown (\S+) (\S*)$", result.stdout, re.MULTILINE)
    if result.returncode != 0 or not match:
        raise SystemExit(f"the window did not start (status {result.returncode}):\n{result.stdout}\n{result.stderr}")
    return float(match.group(1)) - began, match.group(2), result.stdout + result.stderr


def import_costs(log: Path) -> None:
    _, _, output = start(PROGRAM, str(log), extra=("-X", "importtime"))
    rows = []
    for line in output.splitlines():
        m = re.match(r"import time:\s+(\d+) \|\s+(\d+) \|( *)(\S+)", line)
        if m:
            rows.append((int(m.group(2)), int(m.group(1)), len(m.group(3)) // 2, m.group(4)))
    print("\nimports on the start path, the costliest three levels deep (ms, cumulative / own):")
    for cumulative, own, depth, name in sorted((r for r in rows if r[2] <= 2), reverse=True)[:30]:
        print(f"  {cumulative / 1000:7.1f} {own / 1000:6.1f}  {'  ' * depth}{name}")
    print(f"  all imports: {sum(r[1] for r in rows) / 1000:.0f} ms")
    modules = re.search(r"^modules (.*)$", output, re.MULTILINE)
    loaded = set(modules.group(1).split()) if modules else set()
    early = sorted(m for m in loaded if m.startswith(NOT_AT_START))
    print("not needed at start but imported:", ", ".join(early) if early else "none")


def main() -> None:
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    claims = int(args[0]) if args else 20_000
    log = build_log(claims)
    bare: list[float] = []
    program: list[float] = []
    start(BARE)  # warm the file cache for both before timing
    _, shown, _ = start(PROGRAM, str(log))
    if "MainWindow" not in shown.split(","):
        raise SystemExit(f"the program showed {shown!r}, not its main window")
    for _ in range(RUNS):
        bare.append(start(BARE)[0])
        program.append(start(PROGRAM, str(log))[0])
    b, p = statistics.median(bare), statistics.median(program)
    print(f"cold start to a painted window, median of {RUNS} fresh processes each (offscreen):")
    print(f"  bare PySide6 (QMainWindow + QTableView): {b * 1000:7.0f} ms  (min {min(bare) * 1000:.0f})")
    print(f"  incident-log on {claims:,} claims:        {p * 1000:7.0f} ms  (min {min(program) * 1000:.0f})")
    print(f"  ratio {p / b:.2f}× (goal ≤ {GOAL:.0f}×)")
    if "--importtime" in sys.argv:
        import_costs(log)


if __name__ == "__main__":
    main()
