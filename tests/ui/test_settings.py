"""The settings dialog writes the same keys as the `settings` command, and reads them back."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from desktop.domain.districts import KALUGA_DISTRICTS
from desktop.domain.documents import RequiredDocuments
from desktop.domain.enums import DocumentKind
from desktop.ui.dialogs.settings import GROUPS, SettingsDialog


def test_fresh_database_offers_kaluga_defaults(store, qtbot):
    dialog = SettingsDialog(store)
    qtbot.addWidget(dialog)
    assert dialog.district_names() == list(KALUGA_DISTRICTS)
    assert "Боровский район" in dialog.district_names() and "г. Обнинск" in dialog.district_names()
    assert len(dialog.district_names()) == 26
    assert dialog.region.text() == "Калужская область"
    assert dialog.required() == RequiredDocuments()
    dialog.accept()  # OK on the defaults writes them: the office's list is explicit from now on
    assert store.get_setting("districts") == list(KALUGA_DISTRICTS)
    assert store.get_setting("required_documents") == RequiredDocuments().to_setting()


def test_settings_round_trip(store, qtbot):
    dialog = SettingsDialog(store)
    qtbot.addWidget(dialog)
    dialog.office_name.setText("Администрация ГО «Город Калуга»")
    dialog.office_address.setText("248000, г. Калуга, ул. Воскресенская, 10")
    dialog.signatory_name.setText("И. И. Иванов")
    dialog.signatory_position.setText("Глава городской Управы")
    dialog.districts.setCurrentRow(0)
    dialog.remove_district()  # г. Калуга goes
    dialog.add_district()
    dialog.districts.currentItem().setText("Новый район")
    dialog.districts.setCurrentRow(dialog.districts.count() - 1)
    dialog._move(-1)
    photos = list(DocumentKind).index(DocumentKind.PHOTOS)
    dialog.documents.item(photos, GROUPS.index("vehicle")).setCheckState(Qt.CheckState.Checked)
    bank = list(DocumentKind).index(DocumentKind.BANK_DETAILS)
    dialog.documents.item(bank, GROUPS.index("every_claim")).setCheckState(Qt.CheckState.Unchecked)
    dialog.language.setCurrentIndex(dialog.language.findData("en"))
    with qtbot.waitSignal(dialog.languageChanged) as blocker:
        dialog.accept()
    assert blocker.args == ["en"]

    assert store.get_setting("office_name") == "Администрация ГО «Город Калуга»"
    assert store.get_setting("signatory_position") == "Глава городской Управы"
    districts = store.get_setting("districts")
    assert "г. Калуга" not in districts and districts[-2] == "Новый район"
    required = store.required_documents()
    assert DocumentKind.PHOTOS in required.vehicle and DocumentKind.BANK_DETAILS not in required.every_claim
    assert store.get_setting("language") == "en"
    settings = store.settings()  # what the reports read
    assert (settings.office_address, settings.signatory_name) == ("248000, г. Калуга, ул. Воскресенская, 10", "И. И. Иванов")

    again = SettingsDialog(store)
    qtbot.addWidget(again)
    assert again.office_name.text() == "Администрация ГО «Город Калуга»"
    assert again.district_names() == districts
    assert again.required() == required
    assert again.language.currentData() == "en"


def test_only_changed_settings_are_written(sample_store, qtbot):
    dialog = SettingsDialog(sample_store)
    qtbot.addWidget(dialog)
    dialog.accept()
    written = set(sample_store.all_settings())
    again = SettingsDialog(sample_store)
    qtbot.addWidget(again)
    again.signatory_name.setText("П. П. Петров")
    again.accept()
    assert set(sample_store.all_settings()) == written | {"signatory_name"}
    assert len(sample_store.history("signatory_name")) == 1  # one audited write, not eight


def test_an_empty_district_list_is_refused(store, qtbot, monkeypatch):
    warned = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text, *a: warned.append(text))
    dialog = SettingsDialog(store)
    qtbot.addWidget(dialog)
    dialog.districts.clear()
    dialog.accept()
    assert warned and dialog.tabs.currentIndex() == 1
    assert store.get_setting("districts") is None


def test_settings_from_the_window_refresh_the_heading(window, qtbot):
    dialog = window.edit_settings()
    dialog.office_name.setText("Управа города Калуги")
    dialog.accept()
    assert window.overview.heading.text() == "Управа города Калуги"


@pytest.mark.parametrize("table", ["documents", "caps"])
def test_tab_leaves_the_settings_tables(store, qtbot, table):
    """Arrows move between the cells; Tab goes on to the next control, as in any form."""
    dialog = SettingsDialog(store)
    qtbot.addWidget(dialog)
    dialog.show()
    widget = getattr(dialog, table)
    dialog.tabs.setCurrentWidget(widget.parentWidget())
    dialog.activateWindow()
    widget.setFocus()
    widget.setCurrentCell(0, 0)
    qtbot.keyClick(widget, Qt.Key.Key_Tab)
    assert dialog.focusWidget() is not widget
