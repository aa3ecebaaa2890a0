"""Pictures for the user manual (resources/manual/) and the README (docs/screenshots/), taken of
the real window off screen.

    .venv/bin/python scripts/manual_screenshots.py            # both languages
    .venv/bin/python scripts/manual_screenshots.py ru         # one

The shared Kaluga sample in its interchange version 2 (../shared/data, else resources/sample:
how each claim came, its executor, a commission's act, notices, an extension) is imported into a
temporary log, "today" is 20.10.2026 (one claim overdue, as in the tests), the screen is the
office's 1366×768, and each picture is the main window or a form as a clerk sees it. PNGs are
reduced to a 128-colour palette (a window has few colours; the manual stays well under 1 MB in
all). Run it after changing what these screens show, and look at the pictures before committing.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
from datetime import date
from io import BytesIO
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "resources" / "manual"
README_OUT = ROOT / "docs" / "screenshots"
SAMPLE = "sample-kaluga-2026-09-v2.json"
EXECUTORS = ["Соколова Ирина Павловна", "Тихонов Глеб Романович"]
TODAY = date(2026, 10, 20)
OFFICE = {
    "ru": {"office_name": "Администрация муниципального образования «Город Калуга»",
           "office_address": "248000, г. Калуга, ул. Воскресенская, 10",
           "signatory_name": "И. И. Иванов", "signatory_position": "Глава администрации"},
    "en": {"office_name": "Administration of the city of Kaluga",
           "office_address": "248000, Kaluga, Voskresenskaya st., 10",
           "signatory_name": "I. I. Ivanov", "signatory_position": "Head of Administration"},
}


def _screen() -> None:
    screen = Path(tempfile.mkdtemp()) / "screen.json"
    screen.write_text(json.dumps({"synthesizedscreen": False, "screens": [
        {"name": "office", "x": 0, "y": 0, "width": 1366, "height": 768, "logicalDpi": 96, "logicalBaseDpi": 96,
         "dpr": 1}]}), encoding="utf-8")
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={screen}"


SHOWN_PATH = "/home/clerk/.local/share/incident-log/incident-log.sqlite3"  # not the temporary log's path


def save(widget, name: str, out: Path = OUT) -> Path:  # type: ignore[no-untyped-def]
    from PIL import Image
    from PySide6.QtCore import QBuffer, QIODevice
    from PySide6.QtWidgets import QApplication

    label = getattr(widget, "database_label", None)
    if label is not None:
        label.setText(SHOWN_PATH)
        for _ in range(3):
            QApplication.processEvents()  # the status bar makes room for it
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    widget.grab().save(buffer, "PNG")
    image = Image.open(BytesIO(bytes(buffer.data()))).convert("RGB")
    small = image.quantize(colors=128, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE)
    path = out / name
    small.save(path, optimize=True)
    print(f"{path.relative_to(ROOT)}: {image.width}×{image.height}, {path.stat().st_size // 1024} KB")
    return path


def shoot(lang: str) -> None:
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    sys.path.insert(0, str(ROOT))
    from desktop.exchange import import_file
    from desktop.storage import Store
    from desktop.ui import i18n
    from desktop.ui.main_window import MainWindow, apply_application_names
    from tests.samples import sample

    app = QApplication.instance() or QApplication([])
    apply_application_names(app)
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    work = Path(tempfile.mkdtemp())
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(work / "qsettings"))
    i18n.install(lang)
    store = Store.open(work / "log.sqlite3")
    import_file(store, sample(SAMPLE))
    for key, value in OFFICE[lang].items():
        store.set_setting(key, value)
    store.set_setting("executors", EXECUTORS)

    def settle() -> None:
        for _ in range(3):
            app.processEvents()

    from desktop.ui.dialogs.claim_form import ClaimDialog

    ClaimDialog.today = staticmethod(lambda: TODAY)  # the form's path judged on the registers' day
    window = MainWindow(store, today=TODAY, remember_state=False)
    window.resize(1366, 768)
    window.show()
    settle()
    save(window, f"overview.{lang}.png")

    window.tabs.setCurrentWidget(window.incidents)
    window.incidents.view.selectRow(1)
    settle()
    save(window, f"incidents.{lang}.png")

    window.tabs.setCurrentWidget(window.claims)
    window.claims.view.selectRow(1)
    settle()
    save(window, f"claims.{lang}.png")
    save(window, f"main-{lang}.png", README_OUT)  # the README's: the claims register

    kaluga = store.get_incident_by_reference("INC-2026-0001")
    window.open_incident(kaluga.id)
    form = window.last_dialog
    settle()
    save(form, f"incident-form.{lang}.png")
    if lang == "ru":
        save(form, "incident-ru.png", README_OUT)
    form.close()

    overdue = store.get_claim_by_number("CLM-2026-0002")  # under review, past its answer date
    window.open_claim(overdue.id)
    form = window.last_dialog
    settle()
    save(form, f"claim-form.{lang}.png")
    form.close()

    paid = store.get_claim_by_number("CLM-2026-0001")  # the commission's act and the notice
    window.open_claim(paid.id)
    form = window.last_dialog
    form.tabs.setCurrentWidget(form.review_page)
    settle()
    save(form, f"claim-review.{lang}.png")
    form.close()

    from desktop.ui.dialogs.first_start import FirstStartDialog

    with Store.open(work / "empty.sqlite3") as empty:
        dialog = FirstStartDialog(empty, window)
        dialog.office_name.setText(OFFICE[lang]["office_name"])
        dialog.office_name.setCursorPosition(0)
        dialog.show()
        settle()
        save(dialog, f"first-start.{lang}.png")
        dialog.hide()
        dialog.deleteLater()
    window.close()
    store.close()


def main(argv: list[str]) -> int:
    _screen()
    OUT.mkdir(parents=True, exist_ok=True)
    README_OUT.mkdir(parents=True, exist_ok=True)
    for lang in argv or ["ru", "en"]:
        shoot(lang)
    total = sum(p.stat().st_size for p in OUT.glob("*.png"))
    print(f"resources/manual/*.png: {total // 1024} KB in all")
    total = sum(p.stat().st_size for p in README_OUT.glob("*.png"))
    print(f"docs/screenshots/*.png: {total // 1024} KB in all")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
