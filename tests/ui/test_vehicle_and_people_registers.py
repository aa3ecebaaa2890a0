"""The vehicles and people registers beside incidents and claims, the search as a clerk types it,
several districts ticked at once and the named periods: every key sent where the focus is."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from desktop.domain.views import Filters
from desktop.storage import Store
from desktop.ui.dialogs.incident_form import IncidentDialog
from desktop.ui.dialogs.person_picker import PersonDialog
from desktop.ui.main_window import CLAIMS_TAB, INCIDENTS_TAB, PEOPLE_TAB, VEHICLES_TAB, MainWindow
from desktop.ui.models.registers import ROW_ROLE, PersonRegisterModel, VehicleRegisterModel
from tests.ui.forms_fixtures import no_modal_loops  # noqa: F401 - an autouse fixture, active here by being imported
from tests.ui.keyboard import Clerk


def rows(model) -> list:
    return [model.data(model.index(r, 0), ROW_ROLE) for r in range(model.rowCount())]


def active(window: MainWindow, qtbot) -> Clerk:
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    return Clerk(qtbot)


def search(window: MainWindow, qtbot, clerk: Clerk, text: str) -> None:
    """Ctrl+F, the text typed, and the pause after the last key."""
    clerk.press(Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    page = window.current_register()
    assert page is not None and page.filter_bar.search.hasFocus()
    with qtbot.waitSignal(page.filter_bar.filtersChanged, timeout=2000):
        clerk.type(text)


@pytest.mark.parametrize("model_class", [VehicleRegisterModel, PersonRegisterModel])
def test_models_keep_qt_contract(qtmodeltester, sample_store: Store, model_class) -> None:
    model = model_class(sample_store)
    qtmodeltester.check(model)
    model.sort(0, Qt.SortOrder.DescendingOrder)
    model.set_filters(Filters(text="смирн"))
    qtmodeltester.check(model)
    empty = model_class(sample_store, deferred=True)
    assert empty.rowCount() == 0 and empty.stale
    qtmodeltester.check(empty)


def test_the_overview_figure_of_damaged_vehicles_opens_the_vehicles_register(window: MainWindow, qtbot) -> None:
    qtbot.mouseClick(window.overview.buttons["vehicles"], Qt.MouseButton.LeftButton)
    assert window.tabs.currentIndex() == VEHICLES_TAB
    assert [r.plate for r in rows(window.vehicle_model)] == ["А123ВС40", "М456ОР40", "Т789УХ140"]
    assert window.count_label.text() == "3 vehicles"


def test_a_plate_part_typed_finds_the_car_and_enter_opens_its_incident(window: MainWindow, qtbot) -> None:
    clerk = active(window, qtbot)
    clerk.press(Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier)
    assert window.tabs.currentIndex() == VEHICLES_TAB
    search(window, qtbot, clerk, "456")
    found = rows(window.vehicle_model)
    assert [(r.plate, r.owner) for r in found] == [("М456ОР40", "Кузнецов Игорь Петрович")]
    assert window.count_label.text() == "1 vehicle matches the filter"
    clerk.tab()  # from the search into the table (the first row is selected)
    while QApplication.focusWidget() is not window.vehicles.view:
        clerk.tab()
    clerk.press(Qt.Key.Key_Return)
    form = window.last_dialog
    assert isinstance(form, IncidentDialog) and form.incident_id == found[0].incident_id
    form.close()


@pytest.mark.parametrize(("typed", "expected"), [
    ("123ВС", ["А123ВС40"]), ("89105123308", ["А123ВС40"]), ("+7 910 512-33-08", ["А123ВС40"]),
    ("Ахм", ["Т789УХ140"]),
])
def test_the_vehicles_register_search_as_typed(window: MainWindow, qtbot, typed: str, expected: list[str]) -> None:
    clerk = active(window, qtbot)
    window.tabs.setCurrentIndex(VEHICLES_TAB)
    search(window, qtbot, clerk, typed)
    assert [r.plate for r in rows(window.vehicle_model)] == expected


def test_a_person_found_by_phone_opens_in_their_form_and_is_saved(window: MainWindow, qtbot,
                                                                  sample_store: Store) -> None:
    clerk = active(window, qtbot)
    clerk.press(Qt.Key.Key_5, Qt.KeyboardModifier.ControlModifier)
    assert window.tabs.currentIndex() == PEOPLE_TAB
    assert window.person_model.rowCount() == 4
    search(window, qtbot, clerk, "+7 910 512-33-08")
    found = rows(window.person_model)
    assert [r.full_name for r in found] == ["Смирнова Анна Викторовна"]
    assert window.count_label.text() == "1 person or organisation matches the search"
    window.people.view.setFocus()
    clerk.press(Qt.Key.Key_Return)
    form = window.last_dialog
    assert isinstance(form, PersonDialog) and form.original is not None and form.original.id == found[0].id
    form.activateWindow()
    qtbot.waitUntil(form.isActiveWindow)
    form.address.setFocus()
    form.address.selectAll()
    clerk.type("г. Калуга, ул. Новая, д. 1")
    clerk.press(Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert sample_store.get_person(found[0].id).address == "г. Калуга, ул. Новая, д. 1"  # type: ignore[union-attr]
    assert rows(window.person_model)[0].address == "г. Калуга, ул. Новая, д. 1"


@pytest.mark.parametrize(("typed", "expected"), [("смирн", ["Смирнова Анна Викторовна"]),
                                                 ("водоканал", ["ГУП «Водоканал Ленинградской области»"]),
                                                 ("89531234567", ["Ахмедов Рустам Ильдарович"])])
def test_the_people_register_search_as_typed(window: MainWindow, qtbot, typed: str, expected: list[str]) -> None:
    clerk = active(window, qtbot)
    window.tabs.setCurrentIndex(PEOPLE_TAB)
    search(window, qtbot, clerk, typed)
    assert [r.full_name for r in rows(window.person_model)] == expected


def test_a_persons_claims_and_vehicles(window: MainWindow, qtbot) -> None:
    window.tabs.setCurrentIndex(PEOPLE_TAB)
    window.people.show_filters(Filters(text="Кузнецов"))
    window.people.view.selectRow(0)
    qtbot.mouseClick(window.person_claims_button, Qt.MouseButton.LeftButton)
    assert window.tabs.currentIndex() == CLAIMS_TAB
    assert [r.claimant for r in rows(window.claim_model)] == ["Кузнецов Игорь Петрович"]
    window.tabs.setCurrentIndex(PEOPLE_TAB)
    qtbot.mouseClick(window.person_vehicles_button, Qt.MouseButton.LeftButton)
    assert window.tabs.currentIndex() == VEHICLES_TAB
    assert [r.plate for r in rows(window.vehicle_model)] == ["М456ОР40"]


def test_the_incidents_and_claims_registers_find_a_phone_however_typed(window: MainWindow, qtbot) -> None:
    clerk = active(window, qtbot)
    window.tabs.setCurrentIndex(INCIDENTS_TAB)
    search(window, qtbot, clerk, "8 (910) 512-33-08")
    assert [r.reference for r in rows(window.incident_model)] == ["INC-2026-0001"]
    window.tabs.setCurrentIndex(CLAIMS_TAB)
    search(window, qtbot, clerk, "89105123308")
    assert [r.number for r in rows(window.claim_model)] == ["CLM-2026-0001"]


def test_a_saved_record_refreshes_a_hidden_register_when_it_is_next_shown(window: MainWindow, qtbot,
                                                                          sample_store: Store) -> None:
    window.tabs.setCurrentIndex(PEOPLE_TAB)
    assert window.person_model.rowCount() == 4
    window.tabs.setCurrentIndex(INCIDENTS_TAB)
    from desktop.domain.enums import PersonKind
    from desktop.domain.models import Person

    sample_store.save_person(Person(id="3f1c0000-0000-4000-8000-0000000000aa", kind=PersonKind.PERSON,
                                    full_name="Новикова Ольга"))
    window.refresh()
    assert window.person_model.stale and window.person_model.rowCount() == 4  # not read while hidden
    window.tabs.setCurrentIndex(PEOPLE_TAB)
    assert window.person_model.rowCount() == 5


# ---- the filter bar: several districts, named periods ---------------------------------------------
def test_several_districts_are_ticked_from_the_keyboard(window: MainWindow, qtbot) -> None:
    clerk = active(window, qtbot)
    window.tabs.setCurrentIndex(CLAIMS_TAB)
    bar = window.claims.filter_bar
    bar.district.setFocus()
    names = bar.district.names()
    kaluga, gatchina = names.index("г. Калуга"), names.index("Гатчинский район")
    clerk.press(Qt.Key.Key_Space)  # opens the list
    assert QApplication.activePopupWidget() is bar.district.popup
    with qtbot.waitSignal(bar.filtersChanged):
        clerk.press(Qt.Key.Key_Space)  # the first line: г. Калуга
    assert bar.district.checked() == ("г. Калуга",)
    assert [r.district for r in rows(window.claim_model)] == ["г. Калуга"] * 3
    for _ in range(gatchina - kaluga):
        clerk.press(Qt.Key.Key_Down)
    with qtbot.waitSignal(bar.filtersChanged) as blocker:
        clerk.press(Qt.Key.Key_Space)
    clerk.press(Qt.Key.Key_Return)  # closes the list
    assert QApplication.activePopupWidget() is None
    assert blocker.args[0].districts == ("г. Калуга", "Гатчинский район")
    assert window.claim_model.rowCount() == 4
    assert bar.district.text().startswith("2 districts")
    assert window.count_label.text() == "4 claims match the filter"


@pytest.mark.parametrize(("typed", "downs", "period"), [
    ("T", 0, (date(2026, 10, 20), date(2026, 10, 20))),  # Today (TODAY is Tuesday 20 October 2026)
    ("Y", 0, (date(2026, 10, 19), date(2026, 10, 19))),  # Yesterday
    ("Y", 1, (date(2026, 10, 19), date(2026, 10, 25))),  # This week: Monday to Sunday
    ("Y", 2, (date(2026, 10, 1), date(2026, 10, 31))),  # This month
    ("A", 0, (None, None)),  # Any period
])
def test_a_named_period_is_chosen_by_typing_its_first_letter(window: MainWindow, qtbot, typed: str, downs: int,
                                                             period: tuple[date, date]) -> None:
    clerk = active(window, qtbot)
    window.tabs.setCurrentIndex(CLAIMS_TAB)
    bar = window.claims.filter_bar
    bar.set_filters(Filters(date_from=date(2026, 9, 1)))
    assert bar.period.currentText() == "Period:"
    bar.period.setFocus()
    clerk.type(typed)
    for _ in range(downs):
        clerk.press(Qt.Key.Key_Down)
    assert (bar.date_from.value(), bar.date_to.value()) == period
    assert (window.claim_model.filters().date_from, window.claim_model.filters().date_to) == period


def test_a_preset_is_named_when_the_dates_are_its_own(window: MainWindow, qtbot) -> None:
    bar = window.claims.filter_bar
    bar.set_filters(Filters(date_from=date(2026, 10, 1), date_to=date(2026, 10, 31)))
    assert bar.period.currentText() == "This month"
    bar.set_filters(Filters(date_from=date(2026, 9, 1), date_to=date(2026, 9, 30)))
    assert bar.period.currentText() == "Period:"
    bar.choose_period(None)
    assert bar.filters() == Filters() and bar.period.currentText() == "Any period"
    with qtbot.waitSignal(bar.filtersChanged):
        bar.date_from.line.setFocus()
        bar.date_from.line.setText("20.10.2026")
        bar.date_from.line.editingFinished.emit()
    with qtbot.waitSignal(bar.filtersChanged):
        bar.date_to.line.setText("20.10.2026")
        bar.date_to.line.editingFinished.emit()
    assert bar.period.currentText() == "Today"


def test_tab_goes_through_the_bar_as_it_reads(window: MainWindow, qtbot) -> None:
    clerk = active(window, qtbot)
    window.tabs.setCurrentIndex(CLAIMS_TAB)
    bar = window.claims.filter_bar
    bar.search.setFocus()
    seen = []
    for _ in range(3):
        clerk.tab()
        seen.append(QApplication.focusWidget())
    assert seen == [bar.district, bar.period, bar.date_from.line]
