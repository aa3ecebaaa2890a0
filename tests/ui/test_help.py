"""The user manual inside the program: F1 opens it beside the window, in the window's language,
at the section about what is on screen, with every picture in place."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QKeySequence, QTextDocument
from PySide6.QtWidgets import QApplication, QMenu

from desktop.paths import resource
from desktop.ui import i18n
from desktop.ui.dialogs.help import SECTIONS, HelpWindow, manual_path
from desktop.ui.main_window import CLAIMS_TAB, INCIDENTS_TAB, MANUAL_BY_TAB, MainWindow
from tests.ui.conftest import TODAY

IMAGE = re.compile(r"!\[[^\]]*\]\(([^)\s]+)\)")
LANGS = ("ru", "en")


@pytest.fixture
def russian_window(sample_store, qtbot) -> MainWindow:
    i18n.install("ru")
    window = MainWindow(sample_store, today=TODAY)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.tabs.setCurrentIndex(0)  # the window opens on the tab the last one closed on
    window.show()
    qtbot.waitExposed(window)
    return window


def heading_on_top(manual: HelpWindow) -> str:
    """The level-2 heading of the section the reader is in (the last one above the view's top)."""
    browser = manual.browser
    layout = browser.document().documentLayout()
    top = browser.verticalScrollBar().value()
    current = ""
    block = browser.document().begin()
    while block.isValid():
        if block.blockFormat().headingLevel() == 2 and layout.blockBoundingRect(block).top() <= top + 1:
            current = block.text()
        block = block.next()
    return current


def test_f1_opens_the_russian_manual_beside_the_window(russian_window, qtbot):
    window = russian_window
    assert window.help_window is None  # nothing is built until it is asked for
    qtbot.keyClick(window.tabs.currentWidget(), Qt.Key.Key_F1)
    manual = window.help_window
    assert manual is not None and manual.isVisible()
    assert not manual.isModal() and window.isEnabled()  # the clerk reads and works at once
    assert manual.windowTitle() == "Журнал происшествий: руководство пользователя"
    assert manual.path == resource("manual", "manual.ru.md")
    text = manual.browser.toPlainText()
    assert "Как внести происшествие" in text and "Путь заявления" in text
    assert "приём → регистрация → документы → обследование → решение →" in text
    assert manual.headings()[:3] == ["Начало работы", "Как внести происшествие", "Путь заявления"]
    names = manual.browser.image_names()
    assert len(names) >= 6 and all(name.endswith(".ru.png") for name in names)
    assert manual.browser.missing_images() == []  # no broken picture
    assert heading_on_top(manual) == "Сводка"  # F1 on the overview: the section about it


def test_the_menu_item_and_its_key(russian_window):
    action = russian_window.manual_action
    assert action.text() == "&Руководство пользователя"
    assert action.shortcut() == QKeySequence(QKeySequence.StandardKey.HelpContents)
    assert action.shortcut().toString() == "F1"
    (help_menu,) = [m for m in russian_window.findChildren(QMenu) if m.title() == "&Справка"]
    assert action in help_menu.actions()


@pytest.mark.parametrize(("tab", "heading"), [(CLAIMS_TAB, "Путь заявления"), (INCIDENTS_TAB, "Как внести происшествие")])
def test_f1_opens_the_section_about_the_tab(russian_window, qtbot, tab, heading):
    russian_window.tabs.setCurrentIndex(tab)
    manual = russian_window.show_manual()
    qtbot.waitExposed(manual)
    assert manual.contents.currentItem().text() == heading
    assert heading_on_top(manual) == heading


def test_f1_again_keeps_one_manual_window(russian_window, qtbot):
    first = russian_window.show_manual()
    russian_window.tabs.setCurrentIndex(CLAIMS_TAB)
    assert russian_window.show_manual() is first
    assert [w for w in QApplication.topLevelWidgets() if isinstance(w, HelpWindow) and w.parent() is russian_window] == [first]


def test_the_english_window_opens_the_english_manual(window, qtbot):
    manual = window.show_manual()
    assert manual.path == resource("manual", "manual.en.md")
    assert manual.headings()[:3] == ["Getting started", "Entering an incident", "A claim's path"]
    assert manual.browser.missing_images() == []


def test_pictures_fit_the_reading_width(russian_window, qtbot):
    manual = russian_window.show_manual()
    manual.resize(700, 600)
    browser = manual.browser
    qtbot.waitUntil(lambda: browser.horizontalScrollBar().maximum() == 0)  # no sideways scrolling for a 1366-pixel picture
    widths = [browser.document().resource(QTextDocument.ResourceType.ImageResource, QUrl(name)).width()
              for name in browser.image_names()]
    assert max(widths) <= browser.viewport().width()  # scaled down smoothly beforehand, not by the text
    assert browser.missing_images() == []


@pytest.mark.parametrize("lang", LANGS)
def test_each_manual_has_the_sections_f1_opens_in_order_and_every_picture(lang):
    text = manual_path(lang).read_text(encoding="utf-8")
    headings = [line[3:] for line in text.splitlines() if line.startswith("## ")]
    assert len(headings) == len(SECTIONS), headings  # F1 finds a section by its place
    for name in IMAGE.findall(text):
        assert (resource("manual") / name).is_file(), name
    assert set(MANUAL_BY_TAB.values()) <= set(SECTIONS)


def test_the_manual_covers_a_clerks_work_in_both_languages():
    ru = manual_path("ru").read_text(encoding="utf-8")
    en = manual_path("en").read_text(encoding="utf-8")
    for words in ("Ctrl+N", "Ctrl+Shift+N", "Резервная копия", "Импорт", "Экспорт", "Внести выплату", "Реестр заявлений"):
        assert words in ru, words
    for words in ("Ctrl+N", "Ctrl+Shift+N", "Backup", "Import", "Export", "Record payment", "Claims register"):
        assert words in en, words
    assert IMAGE.findall(ru) == [name.replace(".en.", ".ru.") for name in IMAGE.findall(en)]  # the same pictures


def test_the_pictures_stay_small():
    pictures = sorted(resource("manual").glob("*.png"))
    assert len(pictures) >= 12
    assert sum(p.stat().st_size for p in pictures) < 1_000_000  # the frozen folder's budget is tight
