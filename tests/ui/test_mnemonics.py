"""Alt+letter in Russian: on each record form, every letter underlined at one time is underlined
once (a letter on two fields makes Alt cycle between them instead of going there)."""

from __future__ import annotations

import re
import uuid
from collections import Counter
from datetime import date

import pytest
from PySide6.QtWidgets import QAbstractButton, QLabel, QTabBar, QWidget

from desktop.domain.enums import ClaimKind, ClaimStatus
from desktop.domain.models import Claim
from desktop.ui import i18n
from desktop.ui.dialogs.claim_form import ClaimDialog
from desktop.ui.dialogs.incident_form import IncidentDialog
from tests.ui.conftest import QT_NOISE
from tests.ui.forms_fixtures import no_modal_loops, seed_kaluga  # noqa: F401


def _letter(text: str) -> str | None:
    found = re.search(r"&([^&\s])", text.replace("&&", ""))
    return found.group(1).lower() if found else None


def _underlined(form: QWidget) -> Counter[str]:
    """The letters a clerk can press with Alt on what the form shows now: field labels and buttons
    on screen, and every tab of its tab bars."""
    seen: Counter[str] = Counter()
    for widget in form.findChildren(QLabel) + form.findChildren(QAbstractButton):
        if widget.isVisible() and widget.isEnabled() and (letter := _letter(widget.text())):
            seen[letter] += 1
    for bar in form.findChildren(QTabBar):
        if bar.isVisible():
            for n in range(bar.count()):
                if letter := _letter(bar.tabText(n)):
                    seen[letter] += 1
    return seen


@pytest.fixture
def russian():
    i18n.install("ru")
    yield
    i18n.install("en")


@pytest.mark.parametrize("status", [ClaimStatus.RECEIVED, ClaimStatus.UNDER_REVIEW])  # its buttons differ
def test_every_underlined_letter_of_the_claim_form_is_one_field(store, qtbot, russian, status) -> None:
    incident, people = seed_kaluga(store)
    claim = store.save_claim(Claim(
        id=str(uuid.uuid4()), incident_id=incident.id, claimant_id=people[0].id, items=[incident.vehicles[0].id],
        kind=ClaimKind.DAMAGE_COMPENSATION, filed_on=date(2026, 9, 16), status=status), enforce_transition=False)
    form = ClaimDialog(store, claim.id)
    qtbot.addWidget(form)
    form.show()
    tabs = form.findChildren(QTabBar)[0]
    for page in range(tabs.count()):
        tabs.setCurrentIndex(page)
        qtbot.wait(10)
        twice = {letter: n for letter, n in _underlined(form).items() if n > 1}
        assert twice == {}, f"tab {tabs.tabText(page)!r}: {twice}"


def test_every_underlined_letter_of_the_incident_form_is_one_field(store, qtbot, russian) -> None:
    incident, _people = seed_kaluga(store)
    for record_id in (None, incident.id):  # a saved one shows «Сохранить» and the summary too
        form = IncidentDialog(store, record_id)
        qtbot.addWidget(form)
        form.show()
        twice = {letter: n for letter, n in _underlined(form).items() if n > 1}
        assert twice == {}, record_id


# ---- Alt+letter goes to the field, not only underlines it -------------------------------------

def _labelled_fields(form: QWidget) -> list[tuple[str, QLabel]]:
    """The visible labels with an underlined letter and a field beside them that can be typed into now
    (a notice date waits, greyed, for the decision)."""
    return [(letter, label) for label in form.findChildren(QLabel)
            if label.isVisible() and label.buddy() is not None and label.buddy().isEnabled()
            and (letter := _letter(label.text()))]


def _press_each(qtbot, form: QWidget, labelled: list[tuple[str, QLabel]]) -> list[str]:
    """Alt+letter of each label, pressed where the focus is; the labels whose field did not get it."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    missed = []
    for letter, label in labelled:
        start = QApplication.focusWidget() or form
        qtbot.keyClick(start, Qt.Key(ord(letter.upper())), Qt.KeyboardModifier.AltModifier)
        focused = QApplication.focusWidget()
        buddy = label.buddy()
        if focused is None or not (focused is buddy or buddy.isAncestorOf(focused)):
            missed.append(f"{label.text()} → {type(focused).__name__ if focused else None}")
    return missed


@pytest.mark.qt_log_ignore(*QT_NOISE, r"keyToAscii Unhandled key code")
def test_alt_and_a_labels_letter_puts_the_cursor_in_its_field_on_the_incident_form(store, qtbot, russian) -> None:
    incident, _people = seed_kaluga(store)
    for record_id in (None, incident.id):
        form = IncidentDialog(store, record_id)
        qtbot.addWidget(form)
        form.show()
        form.activateWindow()
        qtbot.waitUntil(form.isActiveWindow)
        labelled = _labelled_fields(form)
        assert len(labelled) >= 10  # date, kind, status, region, district, place… (the form's own fields)
        assert _press_each(qtbot, form, labelled) == []
        form.close()


@pytest.mark.qt_log_ignore(*QT_NOISE, r"keyToAscii Unhandled key code")
def test_alt_and_a_labels_letter_puts_the_cursor_in_its_field_on_the_claim_form(store, qtbot, russian) -> None:
    incident, people = seed_kaluga(store)
    claim = store.save_claim(Claim(
        id=str(uuid.uuid4()), incident_id=incident.id, claimant_id=people[0].id, items=[incident.vehicles[0].id],
        kind=ClaimKind.DAMAGE_COMPENSATION, filed_on=date(2026, 9, 16), status=ClaimStatus.UNDER_REVIEW),
        enforce_transition=False)
    form = ClaimDialog(store, claim.id)
    qtbot.addWidget(form)
    form.show()
    form.activateWindow()
    qtbot.waitUntil(form.isActiveWindow)
    tabs = form.findChildren(QTabBar)[0]
    pressed = 0
    for page in range(tabs.count()):
        tabs.setCurrentIndex(page)
        qtbot.wait(10)
        labelled = _labelled_fields(form)
        pressed += len(labelled)
        assert _press_each(qtbot, form, labelled) == [], f"tab {tabs.tabText(page)!r}"
    assert pressed >= 8


def test_every_underlined_letter_of_the_main_window_is_one_menu_or_tab(store, qtbot, russian) -> None:
    """«Записи» and «Заявления», «Справка» and «Сводка» shared a letter: Alt+З went to the tab first
    and opened the menu only when pressed again."""
    from desktop.ui.main_window import MainWindow

    window = MainWindow(store, today=date(2026, 12, 3), remember_state=False)
    qtbot.addWidget(window)
    window.show()
    seen: Counter[str] = Counter(letter for a in window.menuBar().actions() if (letter := _letter(a.text())))
    for bar in window.findChildren(QTabBar):
        if bar.isVisible():
            seen.update(letter for n in range(bar.count()) if (letter := _letter(bar.tabText(n))))
    assert sum(seen.values()) >= 10  # five menus, five tabs
    assert {letter: n for letter, n in seen.items() if n > 1} == {}


@pytest.mark.qt_log_ignore(*QT_NOISE, r"keyToAscii Unhandled key code")
def test_the_settings_answer_alt_and_a_letter_on_every_page(store, qtbot, russian) -> None:
    """The settings had no underlined letter at all (found under Xvfb): each page's fields and the
    tabs now have one each, and the letter goes to its field."""
    from desktop.ui.dialogs.settings import SettingsDialog

    dialog = SettingsDialog(store)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    tabs = dialog.findChildren(QTabBar)[0]
    assert all(_letter(tabs.tabText(n)) for n in range(tabs.count()))
    pressed = 0
    for page in range(tabs.count()):
        tabs.setCurrentIndex(page)
        qtbot.wait(10)
        twice = {letter: n for letter, n in _underlined(dialog).items() if n > 1}
        assert twice == {}, f"tab {tabs.tabText(page)!r}: {twice}"
        labelled = _labelled_fields(dialog)
        pressed += len(labelled)
        assert _press_each(qtbot, dialog, labelled) == [], f"tab {tabs.tabText(page)!r}"
    assert pressed >= 8  # six office fields, the documents' days, the language
