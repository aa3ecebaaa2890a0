"""The vehicles and property typed in place in the incident form: cells, keys, owners, messages."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from typing import Any  # noqa: E402

import pytest  # noqa: E402
from PySide6.QtCore import QPoint, Qt  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402

from desktop.domain.models import Incident, Person  # noqa: E402
from desktop.storage import Store  # noqa: E402
from desktop.ui.dialogs.incident_form import IncidentDialog  # noqa: E402
from desktop.ui.dialogs.item_dialogs import VehicleDialog  # noqa: E402
from tests.ui.forms_fixtures import (  # noqa: E402
    no_modal_loops,  # noqa: F401 - an autouse fixture, active here by being imported
    russian_messages,  # noqa: F401 - a fixture, used by name
    seed_kaluga,
)
from tests.ui.keyboard import Clerk  # noqa: E402

ENTER = Qt.Key.Key_Return


def open_form(qtbot: Any, store: Store, incident_id: str | None = None) -> IncidentDialog:
    form = IncidentDialog(store, incident_id)
    qtbot.addWidget(form)
    form.show()
    form.activateWindow()
    qtbot.waitUntil(form.isActiveWindow)
    return form


def fill_incident(form: IncidentDialog) -> None:
    """The incident's own required fields (the tests here are about its rows)."""
    form.district.setCurrentText("г. Калуга")
    form.location.setText("у пруда")


def new_row(clerk: Clerk, *cells: str) -> None:
    """Ins, then the cells from the first, Tab after each but the last."""
    clerk.press(Qt.Key.Key_Insert)
    for i, text in enumerate(cells):
        if i:
            clerk.tab()
        clerk.type(text)


@pytest.fixture
def kaluga(store: Store) -> tuple[Store, Incident, list[Person]]:
    incident, people = seed_kaluga(store)
    return store, incident, people


def test_the_rows_model_passes_qt_model_checks(qtbot: Any, qtmodeltester: Any, kaluga: Any) -> None:
    store, incident, _people = kaluga
    form = open_form(qtbot, store, incident.id)
    qtmodeltester.check(form.vehicle_rows)
    form.vehicle_grid.add_row()
    qtmodeltester.check(form.property_rows)


@pytest.mark.usefixtures("russian_messages")
def test_a_bad_vin_in_a_cell_is_red_and_named_by_its_row_and_column(qtbot: Any, store: Store) -> None:
    form = open_form(qtbot, store)
    fill_incident(form)
    clerk = Clerk(qtbot)
    new_row(clerk, "Lada", "Vesta", "a123bc40", "XTAGFL110KY12345")  # 16 characters
    clerk.tab()
    rows = form.vehicle_rows
    assert rows.text(0, "vin") == "XTAGFL110KY12345"  # kept as typed, not dropped
    assert rows.text(0, "plate") == "А123ВС40"  # read and shown as stored
    vin = rows.index(0, rows.column_of("vin"))
    assert vin.data(Qt.ItemDataRole.BackgroundRole) is not None
    assert "ожидается 17 символов, получено 16" in vin.data(Qt.ItemDataRole.ToolTipRole)
    assert "Vehicle 1 (Lada Vesta, А123ВС40), VIN: ожидается 17 символов, получено 16" in form.problems_label.text()
    assert not form.save_button.isEnabled()

    # Ctrl+Enter refuses and puts the clerk on the cell; the damage, still empty, is painted now.
    clerk.press(ENTER, Qt.KeyboardModifier.ControlModifier)
    assert form.isVisible() and store.get_incident(form.incident_id) is None
    assert form.vehicle_grid.view.currentIndex() == vin
    damage = rows.index(0, rows.column_of("damage"))
    assert damage.data(Qt.ItemDataRole.BackgroundRole) is not None
    assert "Vehicle 1 (Lada Vesta, А123ВС40), Damage: обязательное поле" in form.problems_label.text()

    clerk.press(Qt.Key.Key_F2)  # edit the cell: the text is kept, the cursor at its end
    clerk.type("6")
    clerk.press(ENTER)  # taken; the next cell (the owner) opens
    assert rows.text(0, "vin") == "XTAGFL110KY123456" and rows.rows[0].item.vin == "XTAGFL110KY123456"
    clerk.tab()  # no owner
    clerk.type("вмятина на капоте")
    clerk.press(Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert not form.isVisible()
    stored = store.get_incident(form.incident_id)
    assert stored is not None and stored.vehicles[0].vin == "XTAGFL110KY123456"
    assert stored.vehicles[0].owner_id is None


@pytest.mark.usefixtures("russian_messages")
def test_a_car_without_plate_or_vin_says_so_on_its_plate(qtbot: Any, store: Store) -> None:
    form = open_form(qtbot, store)
    fill_incident(form)
    clerk = Clerk(qtbot)
    new_row(clerk, "Kia")
    clerk.tab(5)
    clerk.type("крыша")
    clerk.tab()
    rows = form.vehicle_rows
    plate = rows.index(0, rows.column_of("plate"))
    assert "укажите госномер или VIN" in plate.data(Qt.ItemDataRole.ToolTipRole)
    assert "Vehicle 1 (Kia), Plate: укажите госномер или VIN" in form.problems_label.text()


def test_an_owner_in_the_log_is_found_by_the_first_letters_of_the_surname(qtbot: Any, kaluga: Any) -> None:
    store, incident, people = kaluga
    form = open_form(qtbot, store, incident.id)
    clerk = Clerk(qtbot)
    new_row(clerk, "Lada", "Granta", "у001уу40", "")
    clerk.tab()
    clerk.type("Кузн")
    owner_cell = clerk.target()
    assert owner_cell.suggestions()[0].startswith("Кузнецов Игорь Петрович")
    assert owner_cell.suggestions()[-1] == "+ New person: Кузн"
    clerk.tab()
    assert form.vehicle_rows.rows[3].item.owner_id == people[1].id
    assert form.book.pending == {}  # nobody new


def test_a_new_owner_typed_for_two_cars_is_one_person(qtbot: Any, store: Store) -> None:
    form = open_form(qtbot, store)
    fill_incident(form)
    clerk = Clerk(qtbot)
    new_row(clerk, "Lada", "Vesta", "а123вс40", "", "Новиков Олег Павлович", "стекло")
    new_row(clerk, "Kia", "Rio", "м456ор40", "", "Новиков")
    owner_cell = clerk.target()
    assert owner_cell.suggestions()[0].startswith("Новиков Олег Павлович")  # new in this form, offered
    assert "(new, saved with this record)" in owner_cell.suggestions()[0]
    clerk.tab()
    clerk.type("крыша")
    rows = form.vehicle_rows
    first, second = rows.rows[0].item.owner_id, rows.rows[1].item.owner_id
    assert first is not None and first == second
    owner = rows.index(0, rows.column_of("owner_id"))
    assert owner.data(Qt.ItemDataRole.FontRole).italic()  # new: saved with the incident
    assert "new in the log" in owner.data(Qt.ItemDataRole.ToolTipRole)
    with qtbot.waitSignal(form.saved, timeout=2000):
        clerk.press(Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert store.count_people() == 1
    assert store.get_person(first).full_name == "Новиков Олег Павлович"  # type: ignore[union-attr]
    assert not owner.data(Qt.ItemDataRole.FontRole)  # saved: no longer new


def test_a_new_owner_who_may_be_in_the_log_is_said_beside_the_table_not_in_a_window(
        qtbot: Any, kaluga: Any) -> None:
    store, incident, people = kaluga
    form = open_form(qtbot, store, incident.id)
    clerk = Clerk(qtbot)
    new_row(clerk, "Lada", "Largus", "о111оо40", "", "Смирнова А. В.")
    assert clerk.target().suggestions() == ["+ New person: Смирнова А. В."]  # her full name does not hold it
    clerk.tab()
    rows, grid = form.vehicle_rows, form.vehicle_grid
    assert form.book.is_new(rows.rows[3].item.owner_id)
    assert form.child_dialog is None  # no «possibly the same person» window
    assert not grid.warning.isHidden()
    assert "Row 4: the new owner “Смирнова А. В.” may already be in the log: Смирнова Анна Викторовна" \
        in grid.warning.text()
    owner = rows.index(3, rows.column_of("owner_id"))
    assert owner.data(Qt.ItemDataRole.BackgroundRole) is not None
    assert grid.use_button.isVisible() and "Смирнова Анна Викторовна" in grid.use_button.text()
    clerk.press(Qt.Key.Key_F3)  # take her
    assert rows.rows[3].item.owner_id == people[0].id
    assert grid.warning.isHidden() and owner.data(Qt.ItemDataRole.BackgroundRole) is None


def test_enter_on_a_row_opens_its_full_editor_with_what_was_typed(qtbot: Any, store: Store) -> None:
    form = open_form(qtbot, store)
    fill_incident(form)
    clerk = Clerk(qtbot)
    new_row(clerk, "Lada", "Vesta", "я123яя40")  # no Я on Russian plates
    clerk.press(Qt.Key.Key_Escape)  # leaves the cell as it was before this typing...
    assert form.vehicle_rows.text(0, "plate") == ""
    clerk.press(Qt.Key.Key_F2)
    clerk.type("я123яя40")
    clerk.press(Qt.Key.Key_Tab)  # ...Tab takes it, wrong as it is
    clerk.press(Qt.Key.Key_Escape)  # out of the VIN cell
    assert form.vehicle_rows.text(0, "plate") == "я123яя40"
    clerk.press(ENTER)  # on the row: the full editor
    editor = form.child_dialog
    assert isinstance(editor, VehicleDialog)
    qtbot.waitUntil(editor.isActiveWindow)
    assert editor.make.text() == "Lada" and editor.plate.text() == "я123яя40"
    assert editor.validation["plate"].shown()
    editor.plate.clear()
    editor.plate.setFocus()
    clerk.type("х777хх40")
    clerk.press(Qt.Key.Key_Tab)  # model
    editor.year.setFocus()
    clerk.type("2019")
    editor.damage.setFocus()
    clerk.type("разбито стекло")
    clerk.press(ENTER, Qt.KeyboardModifier.ControlModifier)  # OK (Enter alone is a new line in the damage)
    qtbot.waitUntil(lambda: form.child_dialog is None)
    row = form.vehicle_rows.rows[0]
    assert (row.item.plate, row.item.year, row.item.damage) == ("Х777ХХ40", 2019, "разбито стекло")
    assert form.vehicle_rows.text(0, "plate") == "Х777ХХ40" and not form.vehicle_rows.problems()


def test_a_row_added_and_left_empty_is_no_vehicle(qtbot: Any, kaluga: Any) -> None:
    store, incident, _people = kaluga
    form = open_form(qtbot, store, incident.id)
    clerk = Clerk(qtbot)
    clerk.press(Qt.Key.Key_Insert)
    assert form.vehicle_rows.rowCount() == 4 and len(form.vehicles) == 3  # not a vehicle until typed
    assert form.save_button.isEnabled() and form.tabs.tabText(0) == "&Vehicles (3)"
    clerk.press(Qt.Key.Key_Escape)  # nothing typed: the row goes, as in 1C
    qtbot.waitUntil(lambda: form.vehicle_rows.rowCount() == 3)
    clerk.press(Qt.Key.Key_Insert)
    clerk.tab(5)  # through its cells without typing: still no vehicle, saved without it
    assert form.vehicle_rows.rowCount() == 4 and form.save_button.isEnabled()
    clerk.press(Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert not form.isVisible()
    assert len(store.get_incident(incident.id).vehicles) == 3  # type: ignore[union-attr]


def test_ins_on_the_property_tab_adds_property(qtbot: Any, kaluga: Any) -> None:
    store, incident, people = kaluga
    form = open_form(qtbot, store, incident.id)
    form.tabs.setCurrentWidget(form.property_grid)
    clerk = Clerk(qtbot)
    form.description.setFocus()
    new_row(clerk, "гараж", "", "ул. Прудная, 3", "Ахм")
    clerk.tab()
    clerk.type("сорвана крыша")
    clerk.tab()
    clerk.type("60000")
    with qtbot.waitSignal(form.saved, timeout=2000):
        clerk.press(Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    stored = store.get_incident(incident.id)
    assert stored is not None and len(stored.properties) == 1
    item = stored.properties[0]
    assert (item.description, item.address, item.owner_id, str(item.estimated_cost)) == (
        "гараж", "ул. Прудная, 3", people[2].id, "60000.00")
    assert item.kind.value == "dwelling"  # the kind's default, passed with Tab


def test_a_keystroke_in_an_incident_of_many_cars_looks_at_none_of_them_again(
        qtbot: Any, kaluga: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    """The rows' problems are worked out once per change of the rows, not on every key typed in
    the incident's fields (an incident of 20,000 cars took 0.36 s a key before)."""
    import uuid
    from dataclasses import replace

    from desktop.domain.enums import Severity
    from desktop.domain.models import Vehicle
    from desktop.ui.models.item_rows import ItemRowsModel

    store, incident, _people = kaluga
    many = [Vehicle(id=str(uuid.uuid4()), make="Lada", damage="стекло", severity=Severity.MINOR, plate=f"А{i:03d}ВС40")
            for i in range(600)]
    store.save_incident(replace(incident, vehicles=many))
    form = open_form(qtbot, store, incident.id)
    looked: list[int] = []
    original = ItemRowsModel._value
    monkeypatch.setattr(ItemRowsModel, "_value", lambda self, r, c: looked.append(1) or original(self, r, c))
    clerk = Clerk(qtbot)
    form.location.setFocus()
    clerk.type(" (север)")
    assert looked == [] and form.save_button.isEnabled()
    form.vehicle_grid.edit_cell(5, "damage")
    clerk.press(Qt.Key.Key_F2)
    clerk.type(", фара")
    clerk.press(ENTER)
    assert len(looked) < 20  # the one row typed into, not the 600
    assert form.vehicle_rows.rows[5].item.damage == "стекло, фара"


@pytest.mark.parametrize("lang", ["ru", "en"])
def test_the_form_with_its_table_fits_an_office_screen(qtbot: Any, kaluga: Any, lang: str) -> None:
    """At 1366×768, in either language: the window on the screen, every column's name whole."""
    from desktop.ui import i18n

    i18n.install(lang)
    store, incident, _people = kaluga
    form = open_form(qtbot, store, incident.id)
    screen = form.screen().availableGeometry()
    assert form.frameGeometry().width() <= screen.width() and form.frameGeometry().height() <= screen.height()
    for grid in (form.vehicle_grid, form.property_grid):
        header = grid.view.horizontalHeader()
        for c, column in enumerate(grid.model.columns):
            room = header.sectionSize(c) - 8
            assert header.fontMetrics().horizontalAdvance(column.header) <= room, column.header


def test_a_choice_column_shows_its_longest_word_whole(qtbot, store) -> None:
    """«незначительная» (minor) in the severity column is not cut while it is chosen."""
    from desktop.ui import i18n
    from desktop.ui.labels import enum_items
    from desktop.ui.models.item_rows import CHOICE

    i18n.install("ru")
    try:
        form = open_form(qtbot, store)
        for grid in (form.vehicle_grid, form.property_grid):
            metrics = grid.view.fontMetrics()
            choices = [(c, col) for c, col in enumerate(grid.view.model().columns) if col.kind == CHOICE and col.choices]
            assert choices
            for c, column in choices:
                longest = max(metrics.horizontalAdvance(text) for _member, text in enum_items(column.choices))
                assert grid.view.columnWidth(c) >= longest + 2 * metrics.height(), column.key
    finally:
        i18n.install("en")


def test_a_click_on_a_row_number_makes_that_row_the_one_open_and_remove_act_on(qtbot: Any, kaluga: Any) -> None:
    """Qt selects nothing there when single cells are selected; a clerk clicking «3» means row 3."""
    store, incident, _people = kaluga
    form = open_form(qtbot, store, incident.id)
    grid = form.vehicle_grid
    grid.select_row(0, 2)
    numbers = grid.view.verticalHeader()

    def at(row: int) -> QPoint:
        return QPoint(numbers.width() // 2, numbers.sectionViewportPosition(row) + numbers.sectionSize(row) // 2)

    QTest.mouseClick(numbers.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, at(2))
    assert grid.current_row() == 2
    assert grid.view.currentIndex().column() == 2  # the clerk's column is kept
    assert grid.view.hasFocus()  # the keys go on from there
    QTest.mouseDClick(numbers.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, at(1))
    assert grid.current_row() == 1
    editor = form.child_dialog
    assert isinstance(editor, VehicleDialog)
    assert editor.plate.text() == incident.vehicles[1].plate


def test_a_plate_of_no_russian_kind_is_kept_with_a_hint(qtbot: Any, store: Store) -> None:
    """`D123FG40` (Latin letters Russian plates never have) was saved as a foreign plate unnoticed."""
    form = open_form(qtbot, store)
    fill_incident(form)
    clerk = Clerk(qtbot)
    new_row(clerk, "Lada", "Vesta", "D123FG40")
    clerk.tab()
    rows = form.vehicle_rows
    plate = rows.index(0, rows.column_of("plate"))
    assert rows.text(0, "plate") == "D123FG40"  # kept: a foreign car may have it
    assert "Not a Russian plate" in (plate.data(Qt.ItemDataRole.ToolTipRole) or "")
    assert plate.data(Qt.ItemDataRole.BackgroundRole) is not None
    assert "Plate" not in form.problems_label.text()  # a hint, not a problem: the save is not stopped
    rows.setData(plate, "a123bc40")  # a Russian one: the hint goes
    assert rows.text(0, "plate") == "А123ВС40"
    assert "Not a Russian plate" not in (plate.data(Qt.ItemDataRole.ToolTipRole) or "")
