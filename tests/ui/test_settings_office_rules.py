"""Settings: executors, the days to bring documents and the payment caps table (kind × severity)."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from desktop.domain.enums import Severity
from desktop.domain.payment_rules import ITEM_KINDS, SEVERITIES
from desktop.ui import labels
from desktop.ui.dialogs.settings import SettingsDialog


def cell(dialog: SettingsDialog, kind: str, severity: Severity):
    return dialog.caps.item(ITEM_KINDS.index(kind), SEVERITIES.index(severity))


def test_defaults(store, qtbot):
    dialog = SettingsDialog(store)
    qtbot.addWidget(dialog)
    assert dialog.executor_names() == [] and dialog.documents_due_days.value() == 10
    assert dialog.payment_rules().is_empty()
    assert dialog.caps.rowCount() == 6 and dialog.caps.columnCount() == 4


def test_executors_days_and_caps_are_saved_and_read_back(store, qtbot):
    dialog = SettingsDialog(store)
    qtbot.addWidget(dialog)
    dialog.executors.setPlainText("Петрова А. С.\n\n  Сидоров В. В. \nПетрова А. С.\n")
    dialog.documents_due_days.setValue(14)
    cell(dialog, "vehicle", Severity.MODERATE).setText("78 400")
    cell(dialog, "vehicle", Severity.DESTROYED).setText("156750,5 ₽")
    cell(dialog, "dwelling", Severity.SEVERE).setText("300000")
    assert cell(dialog, "vehicle", Severity.DESTROYED).text() == labels.money_input_text(Decimal("156750.50"))  # tidied
    dialog.accept()
    assert store.get_setting("executors") == ["Петрова А. С.", "Сидоров В. В."]
    assert store.get_setting("documents_due_days") == 14
    assert store.get_setting("payment_rules") == {
        "vehicle": {"moderate": "78400.00", "destroyed": "156750.50"}, "dwelling": {"severe": "300000.00"}}
    office = store.settings()
    assert office.payment_rules.cap("vehicle", Severity.MODERATE) == Decimal("78400.00")

    again = SettingsDialog(store)
    qtbot.addWidget(again)
    assert again.executor_names() == ["Петрова А. С.", "Сидоров В. В."]
    assert again.documents_due_days.value() == 14
    assert again.payment_rules() == office.payment_rules
    assert cell(again, "outbuilding", Severity.MINOR).text() == ""  # no cap


def test_a_cap_typed_on_the_keyboard(store, qtbot):
    dialog = SettingsDialog(store)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    dialog.tabs.setCurrentWidget(dialog.caps.parentWidget())
    dialog.caps.setFocus()
    dialog.caps.setCurrentCell(ITEM_KINDS.index("vehicle"), SEVERITIES.index(Severity.MINOR))
    qtbot.keyClick(dialog.caps, "1")  # typing in a cell starts editing it
    qtbot.waitUntil(lambda: QApplication.focusWidget() not in (None, dialog.caps))
    editor = QApplication.focusWidget()
    qtbot.keyClicks(editor, "5 000")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    minor = cell(dialog, "vehicle", Severity.MINOR)
    qtbot.waitUntil(lambda: minor.text() != "")  # the delegate commits the edit on the next turn of the loop
    assert minor.text() == labels.money_input_text(Decimal("15000"))
    assert dialog.isVisible()  # Enter ended the edit, not the dialog
    assert dialog.payment_rules().cap("vehicle", Severity.MINOR) == Decimal("15000.00")


def test_a_cap_that_is_no_amount_is_refused_naming_its_cell(store, qtbot, monkeypatch):
    warned = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text, *a: warned.append(text))
    labels.set_language("ru")
    try:
        dialog = SettingsDialog(store)
        qtbot.addWidget(dialog)
        bad = cell(dialog, "commercial", Severity.SEVERE)
        bad.setText("сто тысяч")
        assert bad.toolTip() and bad.background().color().name() == "#fce8e6"
        dialog.accept()
    finally:
        labels.set_language(None)
    assert len(warned) == 1
    assert "Коммерческий объект, значительная: не сумма в рублях" in warned[0]
    assert dialog.tabs.currentWidget() is dialog.caps.parentWidget()
    assert (dialog.caps.currentRow(), dialog.caps.currentColumn()) == (ITEM_KINDS.index("commercial"), 2)
    assert store.get_setting("payment_rules") is None and store.get_setting("districts") is None  # nothing written
    bad.setText("")
    assert bad.toolTip() == "" and dialog.cap_problems() == []


def test_no_caps_empties_the_table(store, qtbot):
    store.set_setting("payment_rules", {"vehicle": {"minor": "1000.00"}})
    dialog = SettingsDialog(store)
    qtbot.addWidget(dialog)
    assert cell(dialog, "vehicle", Severity.MINOR).text() != ""
    dialog.set_payment_rules(dialog.payment_rules().__class__())
    dialog.accept()
    assert store.get_setting("payment_rules") == {}
