"""Keys as a real X display gives them: Qt's X11 keyboard scheme lets a line edit keep Emacs's
keys (Ctrl+E: end of line), which the off-screen platform of the other tests never does. Run in a
child process on Xvfb (`xvfb-run`, installed by scripts/bootstrap.sh; skipped only where it is
missing, as on a developer's machine without it)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

CHILD = textwrap.dedent("""
    import sys, tempfile
    from datetime import date
    from pathlib import Path
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication
    app = QApplication([])
    from desktop.storage import Store
    from desktop.ui.main_window import INCIDENTS_TAB, MainWindow
    store = Store.open(Path(tempfile.mkdtemp()) / "log.sqlite3")
    window = MainWindow(store, today=date(2026, 12, 3), remember_state=False)
    window.show()
    window.activateWindow()
    window.show_tab(INCIDENTS_TAB)
    QTest.qWaitForWindowActive(window, 5000)
    app.processEvents()
    pressed = []
    window.export_action.triggered.disconnect()
    window.export_action.triggered.connect(lambda *_: pressed.append("export"))
    search = window.focusWidget()
    assert search.inherits("QLineEdit"), search  # the search box has the cursor when a tab opens
    QTest.keyClick(search, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    app.processEvents()
    search.setText("калуга")
    QTest.keyClick(search, Qt.Key.Key_Home)
    QTest.keyClick(search, Qt.Key.Key_End)  # the box's own keys still move in it
    print(pressed, search.cursorPosition())
""")


@pytest.mark.skipif(shutil.which("xvfb-run") is None, reason="needs xvfb-run (scripts/bootstrap.sh installs it)")
def test_ctrl_e_exports_from_the_search_box_on_a_real_x_display(tmp_path: Path) -> None:
    """The cursor is in the search box whenever a tab opens; on X, Ctrl+E went to the box (end of
    line) and Export never opened (found under Xvfb)."""
    env = {**os.environ, "QT_QPA_PLATFORM": "xcb", "HOME": str(tmp_path), "XDG_CONFIG_HOME": str(tmp_path / "config"),
           "XDG_DATA_HOME": str(tmp_path / "data"), "XDG_STATE_HOME": str(tmp_path / "state"), "PYTHONPATH": str(ROOT)}
    result = subprocess.run(["xvfb-run", "-a", sys.executable, "-c", CHILD], env=env, cwd=ROOT,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.strip().splitlines()[-1] == "['export'] 6"
