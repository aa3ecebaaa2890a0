"""UI test setup: English source strings, a fixed "today", and Qt warnings failing the test."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest

from desktop.storage import Store

# The day the tests judge overdue on: CLM-2026-0002 (filed 15.09.2026, under review) is five days
# past its 30-day answer period; every other sample claim is decided.
TODAY = date(2026, 10, 20)

# Warnings the offscreen platform gives for features it lacks; nothing to do with our code.
# (A pop-up, such as a completer's list, grabs the keyboard; offscreen cannot.)
QT_NOISE = [
    r"This plugin does not support propagateSizeHints\(\)",
    r"This plugin does not support raise\(\)",
    r"This plugin does not support grabbing the keyboard",
]


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    # qutebrowser's habit: a Qt warning is a bug until shown otherwise.
    for item in items:
        if "/tests/ui/" in str(item.path).replace("\\", "/"):
            item.add_marker(pytest.mark.qt_log_level_fail("WARNING"))
            item.add_marker(pytest.mark.qt_log_ignore(*QT_NOISE))


@pytest.fixture(autouse=True)
def english(qapp: object) -> Iterator[None]:
    """The source language, with its plural catalogue; a test may switch to Russian itself."""
    from desktop.ui import i18n
    from desktop.ui.main_window import apply_application_names

    apply_application_names(qapp)  # type: ignore[arg-type]
    i18n.install("en")
    yield
    i18n.install("en")


@pytest.fixture
def window(sample_store: Store, qtbot: object) -> object:
    from desktop.ui.main_window import MainWindow

    win = MainWindow(sample_store, today=TODAY)
    qtbot.addWidget(win)  # type: ignore[attr-defined]
    win.resize(1366, 768)
    win.show()
    return win
