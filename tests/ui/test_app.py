"""The application: language from --lang, the database's setting or the system; live switching."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication

from desktop.app import WindowController
from desktop.ui import i18n
from desktop.ui.dialogs.progress import jobs_running
from desktop.ui.main_window import apply_application_names


@pytest.fixture
def controllers(qtbot) -> Iterator[list[WindowController]]:
    """Controllers made by a test; their windows (once their day's backup is written) and stores
    are closed afterwards."""
    made: list[WindowController] = []
    yield made
    for controller in made:
        if controller.window is not None:
            qtbot.waitUntil(lambda: not jobs_running(), timeout=20_000)
            controller.window.close()
            controller.window.deleteLater()
        controller.close()


def start(controllers: list[WindowController], store, lang: str | None) -> WindowController:
    controller = WindowController(lang)
    controllers.append(controller)
    assert controller.open(store.path)
    return controller


def test_language_comes_from_the_database_setting(sample_store, controllers):
    sample_store.set_setting("language", "ru")
    window = start(controllers, sample_store, None).window
    assert i18n.current_language() == "ru"
    assert window.windowTitle() == "Журнал происшествий"
    assert window.tabs.tabText(1) == "&Происшествия"


def test_explicit_language_wins_over_the_setting(sample_store, controllers):
    sample_store.set_setting("language", "ru")
    window = start(controllers, sample_store, "en").window
    assert window.windowTitle() == "Incident Log"


def test_switching_language_rebuilds_the_window(sample_store, controllers, qtbot):
    controller = start(controllers, sample_store, "en")
    first = controller.window
    first.tabs.setCurrentIndex(2)
    with qtbot.waitSignal(first.destroyed, timeout=5000):
        first.languageChangeRequested.emit("ru")
    second = controller.window
    assert second is not first
    assert second.windowTitle() == "Журнал происшествий"
    assert second.tabs.currentIndex() == 2  # the clerk stays where they were
    assert second.claim_model.headerData(0, Qt.Orientation.Horizontal) == "Номер"
    assert second.claim_model.data(second.claim_model.index(0, second.claim_model.column_of("status"))) == "одобрено"


def test_russian_catalogue_is_complete():
    """Nothing English shows in Russian mode: every message of the catalogue is translated."""
    import xml.etree.ElementTree as ET

    from desktop.paths import resource

    tree = ET.parse(resource("translations", "incident_log_ru.ts"))
    unfinished = [
        (ctx.findtext("name"), m.findtext("source"))
        for ctx in tree.getroot().iter("context") for m in ctx.iter("message")
        if m.find("translation").get("type") in ("unfinished", "obsolete", "vanished")
        or not "".join(m.find("translation").itertext()).strip()
    ]
    assert unfinished == []
    assert "incident_log_ru" in i18n.install("ru")
    assert "qtbase_ru" in i18n.loaded_catalogues()


def test_the_window_names_the_installed_desktop_entry(qapp):
    """The desktop matches windows to `incident-log.desktop` (Wayland's app_id, the dock's icon)."""
    QGuiApplication.setDesktopFileName("")
    apply_application_names(qapp)
    assert QGuiApplication.desktopFileName() == "incident-log"
    entry = Path(__file__).parents[2] / "resources" / "packaging" / f"{QGuiApplication.desktopFileName()}.desktop"
    assert "StartupWMClass=incident-log" in entry.read_text(encoding="utf-8").splitlines()
