"""The incident form as a clerk uses it: the Kaluga incident with three cars and their owners."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from typing import Any  # noqa: E402

import pytest  # noqa: E402
from PySide6.QtCore import QDate, QDateTime, Qt, QTime  # noqa: E402

from desktop.domain.enums import IncidentKind, PersonKind  # noqa: E402
from desktop.domain.errors import FieldError, Problem, ValidationFailed  # noqa: E402
from desktop.storage import Store  # noqa: E402
from desktop.ui.dialogs.history import HistoryDialog  # noqa: E402
from desktop.ui.dialogs.incident_form import IncidentDialog  # noqa: E402
from desktop.ui.dialogs.item_dialogs import VehicleDialog  # noqa: E402
from desktop.ui.dialogs.person_picker import PeopleBook, PersonDialog  # noqa: E402
from tests.ui.forms_fixtures import (  # noqa: E402
    CARS,
    OWNERS,
    add_car,
    click,
    create_person,
    no_modal_loops,  # noqa: F401 - an autouse fixture, active here by being imported
    russian_messages,  # noqa: F401 - a fixture, used by name
    seed_kaluga,
    type_into,
)


def open_incident(qtbot: Any, store: Store, incident_id: str | None) -> IncidentDialog:
    form = IncidentDialog(store, incident_id)
    qtbot.addWidget(form)
    form.show()
    return form


def enter_kaluga_incident(qtbot: Any, form: IncidentDialog) -> None:
    form.occurred_at.setDateTime(QDateTime(QDate(2026, 9, 12), QTime(2, 40)))
    form.kind.setCurrentIndex(form.kind.findData(IncidentKind.UAV_DEBRIS))
    form.district.setCurrentText("г. Калуга")  # picked from the list (typing pops up a completer)
    type_into(qtbot, form.settlement, "Калуга")
    type_into(qtbot, form.location, "у пруда на окраине Калуги")
    type_into(qtbot, form.latitude, "54,5138")
    type_into(qtbot, form.longitude, "36.2612")
    type_into(qtbot, form.uavs_downed, "18")
    type_into(qtbot, form.source, "Telegram-канал губернатора Калужской области")
    type_into(qtbot, form.description, "Обломки сбитого ночью беспилотника упали у пруда.")


def test_new_incident_offers_the_office_defaults_and_waits_for_the_required_fields(qtbot: Any, store: Store) -> None:
    form = open_incident(qtbot, store, None)
    assert form.windowTitle() == "New incident"
    assert form.region.text() == "Калужская область"
    districts = [form.district.itemText(i) for i in range(form.district.count())]
    for name in ("г. Калуга", "г. Обнинск", "Боровский район", "Жуковский район", "Кировский район",
                 "Спас-Деменский район", "Тарусский район", "Юхновский район"):
        assert name in districts
    assert form.reference.isReadOnly() and form.reference.text() == ""
    # Nothing is red on a blank form, but Save waits and says why.
    assert not form.save_button.isEnabled()
    assert not form.validation["location"].shown()
    assert "District" in form.problems_label.text() and "Location" in form.problems_label.text()


def test_office_districts_replace_the_built_in_list(qtbot: Any, store: Store) -> None:
    store.set_setting("districts", ["г. Обнинск", "Боровский район"])
    form = open_incident(qtbot, store, None)
    assert [form.district.itemText(i) for i in range(form.district.count())] == ["г. Обнинск", "Боровский район"]


def test_clerk_enters_the_kaluga_incident_with_three_cars_and_their_owners(qtbot: Any, store: Store) -> None:
    form = open_incident(qtbot, store, None)
    enter_kaluga_incident(qtbot, form)
    for car, owner in zip(CARS, OWNERS, strict=True):
        add_car(qtbot, form, car, owner)
    qtbot.waitUntil(lambda: form.child_dialog is None)

    rows = form.vehicle_rows
    assert rows.rowCount() == 3
    assert [rows.text(r, "plate") for r in range(3)] == ["А123ВС40", "М456ОР40", "Т789УХ140"]  # Cyrillic now
    assert [rows.text(r, "owner_id") for r in range(3)] == [o["name"] for o in OWNERS]
    assert form.tabs.tabText(0) == "&Vehicles (3)"
    assert store.count_people() == 0  # the owners wait for the incident: one transaction

    assert form.save_button.isEnabled()
    with qtbot.waitSignal(form.saved, timeout=2000) as saved:
        click(qtbot, form.save_button)
    incident_id = saved.args[0]
    assert form.reference.text() == "INC-2026-0001"
    assert form.windowTitle() == "Incident INC-2026-0001"
    assert not form.is_dirty()
    assert form.original == store.get_incident(incident_id)  # the rows kept after the save are the stored ones

    stored = store.get_incident(incident_id)
    assert stored is not None and stored.reference == "INC-2026-0001"
    assert stored.location == "у пруда на окраине Калуги" and stored.district == "г. Калуга"
    assert (stored.latitude, stored.longitude, stored.uavs_downed) == (54.5138, 36.2612, 18)
    assert stored.occurred_at.strftime("%d.%m.%Y %H:%M") == "12.09.2026 02:40"
    assert stored.occurred_at.utcoffset() is not None  # stored with this computer's offset
    assert [v.plate for v in stored.vehicles] == ["А123ВС40", "М456ОР40", "Т789УХ140"]
    assert stored.vehicles[0].vin == "XTAGFL110KY123456"
    assert [str(v.estimated_cost) for v in stored.vehicles] == ["48500.00", "112000.00", "9800.50"]
    owners = store.get_people(v.owner_id for v in stored.vehicles if v.owner_id)
    assert sorted(p.full_name for p in owners.values()) == sorted(o["name"] for o in OWNERS)
    assert {p.phone for p in owners.values()} == {"+79105123308", "+74842552190", "+79531234567"}

    # Reopened, the form shows what was saved.
    again = open_incident(qtbot, store, incident_id)
    assert again.reference.text() == "INC-2026-0001"
    assert again.location.text() == "у пруда на окраине Калуги"
    assert again.district.currentText() == "г. Калуга"
    assert again.occurred_at.dateTime().toString("dd.MM.yyyy HH:mm") == "12.09.2026 02:40"
    assert again.vehicle_rows.rowCount() == 3
    assert again.vehicle_rows.text(0, "owner_id") == OWNERS[0]["name"]
    assert not again.is_dirty()


def test_the_owner_of_two_cars_is_created_once(qtbot: Any, store: Store) -> None:
    """A person created for the first car is offered (as new) when choosing the second car's owner."""
    form = open_incident(qtbot, store, None)
    enter_kaluga_incident(qtbot, form)
    add_car(qtbot, form, CARS[0], OWNERS[0])
    click(qtbot, form.vehicle_grid.add_button)  # still on the vehicles tab
    click(qtbot, form.vehicle_grid.open_button)
    dialog = form.child_dialog
    assert isinstance(dialog, VehicleDialog)
    click(qtbot, dialog.owner.choose_button)
    chooser = dialog.owner.dialog
    type_into(qtbot, chooser.search, "Смирн")
    assert chooser.results.count() == 1 and "new" in chooser.results.item(0).text()
    qtbot.keyClick(chooser.search, Qt.Key.Key_Return)  # Enter chooses the highlighted person
    assert dialog.owner.person_id() == form.vehicles[0].owner_id


@pytest.mark.usefixtures("russian_messages")
def test_a_bad_vin_is_marked_with_its_message_and_ok_is_refused(qtbot: Any, store: Store) -> None:
    form = open_incident(qtbot, store, None)
    dialog = form.add_vehicle()
    dialog.make.setText("Lada")
    type_into(qtbot, dialog.damage, "вмятина")
    type_into(qtbot, dialog.vin, "XTAGFL110KY12345")  # 16 characters

    vin = dialog.validation["vin"]
    assert vin.shown()
    assert vin.message.text() == "ожидается 17 символов, получено 16"
    assert "border" in dialog.vin.styleSheet()
    assert not dialog.save_button.isEnabled()
    dialog.save_and_close()  # Ctrl+S / Enter go here too
    assert dialog.isVisible() and form.vehicles == []

    type_into(qtbot, dialog.vin, "6")
    assert not vin.shown() and dialog.vin.styleSheet() == ""
    assert dialog.save_button.isEnabled()


def test_a_plate_is_needed_when_there_is_no_vin(qtbot: Any, store: Store) -> None:
    form = open_incident(qtbot, store, None)
    dialog = form.add_vehicle()
    dialog.make.setText("Lada")
    type_into(qtbot, dialog.damage, "вмятина")
    assert not dialog.save_button.isEnabled()
    assert "Plate" in dialog.problems_label.text()
    type_into(qtbot, dialog.plate, "я123яя40")
    assert dialog.validation["plate"].message.text() == "the letter Я is not used in Russian plates"
    dialog.plate.clear()
    type_into(qtbot, dialog.plate, "x777xx32")
    qtbot.keyClick(dialog.plate, Qt.Key.Key_Return)  # Enter in an editor is OK
    assert form.vehicles[0].plate == "Х777ХХ32"


@pytest.mark.usefixtures("russian_messages")
def test_field_problems_mark_the_incident_fields_and_disable_save(qtbot: Any, store: Store) -> None:
    form = open_incident(qtbot, store, None)
    enter_kaluga_incident(qtbot, form)
    assert form.save_button.isEnabled()
    form.longitude.clear()
    assert not form.save_button.isEnabled()
    assert form.validation["longitude"].error_text() == "указана широта без долготы"
    type_into(qtbot, form.longitude, "36.2612")
    type_into(qtbot, form.uavs_downed, "x")
    assert form.validation["uavs_downed"].message.text() == "должно быть целым числом"
    assert not form.save_button.isEnabled()
    form.uavs_downed.setText("18")
    form.occurred_at.setDateTime(QDateTime.currentDateTime().addDays(3))
    assert form.validation["occurred_at"].message.text() == "в будущем"
    assert not form.save_button.isEnabled()


def test_store_refusals_are_put_back_on_their_fields(qtbot: Any, store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    form = open_incident(qtbot, store, None)
    enter_kaluga_incident(qtbot, form)

    def refuse(record: object, people: object = (), *, existing: bool = False, reason: object = None) -> None:
        raise ValidationFailed([Problem("location", FieldError("too_long", limit=10, got=25)),
                                Problem("reference", FieldError("reference_taken", got="INC-2026-0001"))])

    monkeypatch.setattr(store, "save_with_people", refuse)
    assert form.save() is False
    location = form.validation["location"]
    assert location.shown() and location.message.text() == "at most 10 characters, got 25"
    assert "already used by another record: INC-2026-0001" in form.problems_label.text()
    assert not form.save_button.isEnabled()
    type_into(qtbot, form.location, ".")  # editing the field clears the store's complaint
    assert not location.shown() and form.save_button.isEnabled()


def test_unsaved_changes_are_asked_about_on_close(qtbot: Any, store: Store) -> None:
    incident, _people = seed_kaluga(store)
    form = open_incident(qtbot, store, incident.id)
    answers: list[str] = []
    form.ask_unsaved = lambda: answers.pop(0)  # type: ignore[method-assign]

    form.reject()  # nothing changed: closes without asking
    assert not form.isVisible()

    form = open_incident(qtbot, store, incident.id)
    form.ask_unsaved = lambda: answers.pop(0)  # type: ignore[method-assign]
    type_into(qtbot, form.location, " (северная)")
    answers[:] = ["cancel"]
    qtbot.keyClick(form, Qt.Key.Key_Escape)
    assert form.isVisible() and answers == []
    answers[:] = ["discard"]
    form.close()
    assert not form.isVisible()
    assert store.get_incident(incident.id).location == "у пруда на окраине Калуги"  # type: ignore[union-attr]

    form = open_incident(qtbot, store, incident.id)
    form.ask_unsaved = lambda: answers.pop(0)  # type: ignore[method-assign]
    qtbot.keyClick(form.location, Qt.Key.Key_End)
    type_into(qtbot, form.location, " (северная)")
    answers[:] = ["save"]
    with qtbot.waitSignal(form.saved, timeout=2000):
        form.reject()
    assert not form.isVisible()
    assert store.get_incident(incident.id).location == "у пруда на окраине Калуги (северная)"  # type: ignore[union-attr]


def test_ctrl_s_saves_and_keeps_the_form_open(qtbot: Any, store: Store) -> None:
    incident, _people = seed_kaluga(store)
    form = open_incident(qtbot, store, incident.id)
    form.activateWindow()
    qtbot.waitUntil(form.isActiveWindow)
    type_into(qtbot, form.source, "ЕДДС")
    with qtbot.waitSignal(form.saved, timeout=2000):
        qtbot.keyClick(form.source, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert form.isVisible() and not form.is_dirty()
    assert store.get_incident(incident.id).source == "ЕДДС"  # type: ignore[union-attr]


def test_delete_on_the_vehicle_table_removes_after_confirmation(qtbot: Any, store: Store) -> None:
    incident, _people = seed_kaluga(store)
    form = open_incident(qtbot, store, incident.id)
    form.activateWindow()
    qtbot.waitUntil(form.isActiveWindow)
    form.tabs.setCurrentWidget(form.vehicle_grid)
    table = form.vehicle_grid.view
    table.setFocus()
    form.vehicle_grid.select_row(1)
    questions: list[str] = []

    def confirm(title: str, text: str) -> bool:
        questions.append(text)
        return len(questions) > 1  # "no" the first time, "yes" the second

    form.confirm = confirm  # type: ignore[method-assign]
    qtbot.keyClick(table, Qt.Key.Key_Delete)
    assert len(form.vehicles) == 3 and "Kia Rio, М456ОР40" in questions[0]
    qtbot.keyClick(table, Qt.Key.Key_Delete)
    assert [v.plate for v in form.vehicles] == ["А123ВС40", "Т789УХ140"]
    assert form.is_dirty() and form.tabs.tabText(0) == "&Vehicles (2)"


def test_a_claimed_vehicle_cannot_be_removed(qtbot: Any, sample_store: Store) -> None:
    incident = sample_store.get_incident_by_reference("INC-2026-0001")
    assert incident is not None
    form = open_incident(qtbot, sample_store, incident.id)
    told: list[str] = []
    form.inform = lambda title, text: told.append(text)  # type: ignore[method-assign]
    form.confirm = lambda title, text: pytest.fail("must not offer to remove")  # type: ignore[method-assign]
    form.vehicle_grid.select_row(0)
    form.remove_vehicle()
    assert len(form.vehicles) == 3 and "CLM-2026-0001" in told[0]


def test_a_claim_deleted_meanwhile_is_a_message_not_a_crash(qtbot: Any, sample_store: Store) -> None:
    incident = sample_store.get_incident_by_reference("INC-2026-0001")
    assert incident is not None
    form = open_incident(qtbot, sample_store, incident.id)
    form.tabs.setCurrentWidget(form.claims_table)
    claims = sample_store.claims_for_incident(incident.id)
    sample_store.delete_claim(claims[0].id)  # by another clerk, while this form is open
    told: list[str] = []
    form.inform = lambda title, text: told.append(text)  # type: ignore[method-assign]
    form.claims_table.table.selectRow(0)
    assert form.open_claim() is None
    assert told == ["This claim no longer exists; the list of claims is refreshed."]
    assert form.claims_table.model.rowCount() == len(claims) - 1
    assert form.child_dialog is None


def test_similar_person_is_offered_instead_of_a_duplicate(qtbot: Any, store: Store) -> None:
    incident, people = seed_kaluga(store)
    smirnova = people[0]
    form = open_incident(qtbot, store, incident.id)
    dialog = form.add_vehicle()
    asked: list[list[tuple[Any, list[str]]]] = []

    def use_existing(self: PersonDialog, person: Any, similar: list[tuple[Any, list[str]]]) -> Any:
        asked.append(similar)
        return similar[0][0]

    original = PersonDialog.ask_similar
    PersonDialog.ask_similar = use_existing  # type: ignore[method-assign]
    try:
        create_person(qtbot, dialog.owner, {"name": "Смирнова А. В.", "inn": "402701234570"})
    finally:
        PersonDialog.ask_similar = original  # type: ignore[method-assign]
    assert asked and asked[0][0][0].id == smirnova.id and asked[0][0][1] == ["inn"]
    assert dialog.owner.person_id() == smirnova.id
    assert form.book.pending == {}


def test_similar_person_warning_can_be_overruled_or_taken_back(qtbot: Any, store: Store) -> None:
    _incident, people = seed_kaluga(store)
    book = PeopleBook(store)
    form = PersonDialog(book)
    qtbot.addWidget(form)
    form.show()
    type_into(qtbot, form.full_name, "Кузнецов И. П.")
    type_into(qtbot, form.id_document, "паспорт 2915 004417")
    form.ask_similar = lambda person, similar: None  # type: ignore[method-assign] - "Back"
    form.save_and_close()
    assert form.isVisible() and form.result_person is None
    form.ask_similar = lambda person, similar: True  # type: ignore[method-assign] - "Create anyway"
    form.save_and_close()
    assert not form.isVisible()
    assert form.result_person is not None and form.result_person.id != people[1].id
    assert form.result_person.kind == PersonKind.PERSON


def test_person_form_normalises_phone_and_checks_inn(qtbot: Any, store: Store) -> None:
    form = PersonDialog(PeopleBook(store))
    qtbot.addWidget(form)
    form.show()
    type_into(qtbot, form.full_name, "Иванов Иван")
    type_into(qtbot, form.inn, "402701234571")
    assert form.validation["inn"].message.text() == "check digit wrong"
    assert not form.save_button.isEnabled()
    form.inn.clear()
    type_into(qtbot, form.phone, "8 (4842) 55-21-90")
    qtbot.keyClick(form.phone, Qt.Key.Key_Return)
    assert form.result_person is not None and form.result_person.phone == "+74842552190"


def test_history_shows_who_changed_what(qtbot: Any, store: Store) -> None:
    incident, _people = seed_kaluga(store)
    form = open_incident(qtbot, store, incident.id)
    form.location.clear()
    type_into(qtbot, form.location, "у пруда на северной окраине Калуги")
    with qtbot.waitSignal(form.saved, timeout=2000):
        click(qtbot, form.save_button)
    click(qtbot, form.history_button)
    history = form.child_dialog
    assert isinstance(history, HistoryDialog)
    text = history.visible_text()
    assert "changed: 1 fields" in text.splitlines()[0]
    assert "location | у пруда на окраине Калуги | у пруда на северной окраине Калуги" in text
    assert store.user in text
    assert "created" in text
    assert history.tree.topLevelItemCount() == 2


def test_history_words_money_people_and_items(qtbot: Any, store: Store) -> None:
    incident, people = seed_kaluga(store)
    changed = store.get_incident(incident.id)
    assert changed is not None
    changed.vehicles[1].owner_id = people[0].id
    changed.vehicles[1].estimated_cost = None
    store.save_incident(changed)
    dialog = HistoryDialog(store, incident.id)
    qtbot.addWidget(dialog)
    lines = dialog.visible_text().splitlines()
    assert any("vehicle Kia Rio, М456ОР40 · owner | Кузнецов Игорь Петрович | Смирнова Анна Викторовна" in line
               for line in lines)
    assert any("estimated cost | ₽112,000.00 | " in line for line in lines)


def test_tab_walks_the_incident_fields_in_reading_order(qtbot: Any, store: Store) -> None:
    form = open_incident(qtbot, store, None)
    form.activateWindow()
    qtbot.waitUntil(form.isActiveWindow)
    form.occurred_at.setFocus()
    qtbot.waitUntil(lambda: form.focusWidget() is not None)
    seen: list[Any] = []
    for _ in range(20):  # one Tab per field: a date is one stop, not five sections
        if not seen or seen[-1] is not form.focusWidget():
            seen.append(form.focusWidget())
        qtbot.keyClick(form.focusWidget(), Qt.Key.Key_Tab)
    expected = [form.occurred_at.line, form.reported_at.line, form.kind, form.status, form.region,
                form.district, form.settlement, form.location, form.latitude, form.longitude, form.uavs_downed,
                form.injured, form.killed, form.source, form.description]
    order = [w for w in seen if w in expected or w is form.district.lineEdit()]
    order = [form.district if w is form.district.lineEdit() else w for w in order]
    assert order[: len(expected)] == expected


def test_typing_a_make_offers_the_common_makes(qtbot: Any, store: Store) -> None:
    form = open_incident(qtbot, store, None)
    dialog = form.add_vehicle()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    type_into(qtbot, dialog.make, "hy")  # the pop-up grabs the keyboard: a warning off screen, see QT_NOISE
    popup = dialog.make.completer().popup()
    qtbot.waitUntil(popup.isVisible)
    assert [popup.model().index(r, 0).data() for r in range(popup.model().rowCount())] == ["Hyundai"]
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    assert dialog.make.text() == "Hyundai"


def test_typing_part_of_a_district_offers_the_matching_ones(qtbot: Any, store: Store) -> None:
    form = open_incident(qtbot, store, None)
    form.activateWindow()
    qtbot.waitUntil(form.isActiveWindow)
    type_into(qtbot, form.district, "калуг")  # any case, any part of the name
    assert form.district.currentText() == "калуг"  # what was typed, nothing glued on
    popup = form.district.completer().popup()
    qtbot.waitUntil(popup.isVisible)
    offered = [popup.model().index(r, 0).data() for r in range(popup.model().rowCount())]
    assert offered == ["г. Калуга"]
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    assert form.district.currentText() == "г. Калуга"
    assert form.validation["district"].is_valid()


def test_esc_in_an_item_editor_cancels_it(qtbot: Any, store: Store) -> None:
    form = open_incident(qtbot, store, None)
    dialog = form.add_vehicle()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible() and form.vehicles == []


def test_owners_created_on_the_spot_are_not_written_when_the_incident_is_refused(store: Store) -> None:
    """`Store.save_with_people`: the form's new people and its incident succeed or fail together."""
    import uuid
    from dataclasses import replace

    from desktop.domain.models import Person

    incident, _people = seed_kaluga(store)
    before = store.count_people()
    newcomer = Person(id=str(uuid.uuid4()), kind=PersonKind.PERSON, full_name="Новиков Олег")
    clash = replace(incident, id=str(uuid.uuid4()), vehicles=[], reference=incident.reference)
    with pytest.raises(ValidationFailed) as refused:
        store.save_with_people(clash, [newcomer])
    assert [p.path for p in refused.value.problems] == ["reference"]
    assert store.count_people() == before and store.get_person(newcomer.id) is None


def test_an_incidents_claims_are_listed_a_page_at_a_time(qtbot: Any, store: Store, monkeypatch: Any) -> None:
    """An incident of a mass attack has thousands of claims: its form reads a screen of them, not all."""
    import json

    from desktop.exchange import import_document
    from tests.synthetic import document

    import_document(store, json.loads(json.dumps(document(300, vehicles_per_incident=None), ensure_ascii=False)))
    incident_id = store.incident_rows()[0].id
    monkeypatch.setattr(store, "claims_for_incident", lambda *a, **k: pytest.fail("every claim read"))
    read: list[int] = []
    claim_rows = store.claim_rows
    monkeypatch.setattr(store, "claim_rows", lambda *a, **k: read.append(1) or claim_rows(*a, **k))
    form = open_incident(qtbot, store, incident_id)
    claims = form.claims_table.model
    assert claims.rowCount() == 300 and "300" in form.tabs.tabText(2)
    assert claims.cached_rows() <= claims.PAGE_SIZE and len(read) == 1
    first = claims.index(0, claims.column_of("number")).data()
    assert first == min(c.number for c in store.claim_rows(limit=300))  # filed first, as the form always listed them
    # Enter on the list opens the selected claim, keyboard only.
    form.tabs.setCurrentWidget(form.claims_table)
    form.claims_table.table.setFocus()
    qtbot.keyClick(form.claims_table.table, Qt.Key.Key_Return)
    assert form.child_dialog is not None and form.child_dialog.number.text() == first


def test_a_claim_saved_from_the_form_is_selected_in_its_list(qtbot: Any, sample_store: Store) -> None:
    from dataclasses import replace
    from uuid import uuid4

    incident = sample_store.get_incident_by_reference("INC-2026-0001")
    assert incident is not None
    form = open_incident(qtbot, sample_store, incident.id)
    assert form.claims_table.current_id() is not None  # the first row, ready for Enter
    template = sample_store.claims_for_incident(incident.id)[0]
    saved = sample_store.save_claim(replace(template, id=str(uuid4()), number=None, version=0), enforce_transition=False)
    form._claim_was_saved(saved.id)  # as the claim form's `saved` signal calls it
    assert form.claims_table.current_id() == saved.id
    assert "4" in form.tabs.tabText(2)


@pytest.mark.parametrize("tab", ["vehicle_grid", "property_grid", "claims_table"])
def test_tab_from_the_last_field_goes_into_the_table_shown(qtbot: Any, sample_store: Store, tab: str) -> None:
    incident = sample_store.get_incident_by_reference("INC-2026-0001")
    assert incident is not None
    form = open_incident(qtbot, sample_store, incident.id)
    page = getattr(form, tab)
    form.tabs.setCurrentWidget(page)
    form.activateWindow()
    form.description.setFocus()
    qtbot.keyClick(form.description, Qt.Key.Key_Tab)
    table = page.table if tab == "claims_table" else page.view
    assert form.focusWidget() is table
    # On out of the table to the form's buttons, left to right, then round to the first field
    # (found in a clerk's try-out: Tab went back up to «Сообщено»).
    walked = []
    for _ in range(5):
        qtbot.keyClick(form.focusWidget(), Qt.Key.Key_Tab)
        walked.append(form.focusWidget())
    assert walked == [form.history_button, form.report_button, form.save_button, form.save_close_button,
                      form.cancel_button]
    qtbot.keyClick(form.focusWidget(), Qt.Key.Key_Tab)
    assert form.focusWidget() is form.occurred_at.line


def test_end_and_home_go_to_the_last_and_first_claim_of_the_list(qtbot: Any, sample_store: Store) -> None:
    incident = sample_store.get_incident_by_reference("INC-2026-0001")
    assert incident is not None
    form = open_incident(qtbot, sample_store, incident.id)
    form.tabs.setCurrentWidget(form.claims_table)
    table = form.claims_table.table
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_End)
    assert table.currentIndex().row() == 2 and form.claims_table.current_id() == table.model().id_at(2)
    qtbot.keyClick(table, Qt.Key.Key_Home)
    assert table.currentIndex().row() == 0 and form.claims_table.current_id() == table.model().id_at(0)


def test_a_phones_extension_is_shown_in_words_and_saved_as_it_was(qtbot: Any, store: Store) -> None:
    from desktop.domain.enums import PersonKind
    from desktop.domain.models import Person
    from desktop.domain.words import phone

    assert phone("+74842223344;ext=105", "ru") == "+74842223344 доб. 105"
    assert phone("+74842223344;ext=105", "en") == "+74842223344 ext. 105" and phone("+74842223344", "ru") == "+74842223344"
    person = store.save_person(Person(id="00000000-0000-4000-8000-000000000105", kind=PersonKind.PERSON,
                                      full_name="Добавочный Пётр", phone="+74842223344;ext=105"))
    form = PersonDialog(PeopleBook(store), person)
    qtbot.addWidget(form)
    form.show()
    assert form.phone.text() == "+74842223344 ext. 105"  # the tests' window is in English
    assert not form.is_dirty()
    qtbot.keyClick(form.phone, Qt.Key.Key_Return)
    assert form.result_person is not None and form.result_person.phone == "+74842223344;ext=105"


def test_the_people_register_shows_a_phones_extension_in_words(qtbot: Any, store: Store) -> None:
    from desktop.domain.enums import PersonKind
    from desktop.domain.models import Person
    from desktop.ui.models.registers import PersonRegisterModel

    store.save_person(Person(id="00000000-0000-4000-8000-000000000106", kind=PersonKind.PERSON,
                             full_name="Добавочный Пётр", phone="+74842223344;ext=105"))
    model = PersonRegisterModel(store)
    assert model.index(0, model.column_of("phone")).data() == "+74842223344 ext. 105"


def test_a_change_typed_back_is_no_change(qtbot: Any, store: Store) -> None:
    """Typing a field back to what was loaded (or last saved) takes «не сохранено» away: the clerk
    who undid a slip is not asked about changes there are none of, in a field or in a grid's cell."""
    incident, _people = seed_kaluga(store)
    form = open_incident(qtbot, store, incident.id)
    asked: list[str] = []
    form.ask_unsaved = lambda: asked.append("asked") or "cancel"  # type: ignore[method-assign, func-returns-value]
    title = form.windowTitle()

    qtbot.keyClick(form.location, Qt.Key.Key_End)
    type_into(qtbot, form.location, "!")
    assert form.is_dirty() and form.windowTitle() != title and form.save_state_label.isVisible()
    assert form.save_state_label.text() == "Changed, not saved"  # opened from the log: not «not saved yet»
    qtbot.keyClick(form.location, Qt.Key.Key_Backspace)
    assert form.location.text() == "у пруда на окраине Калуги"
    assert not form.is_dirty() and form.windowTitle() == title

    # After a save the saved values are the unchanged ones.
    type_into(qtbot, form.source, "ЕДДС")
    with qtbot.waitSignal(form.saved, timeout=2000):
        form.save()
    type_into(qtbot, form.source, "!")
    assert form.is_dirty()
    qtbot.keyClick(form.source, Qt.Key.Key_Backspace)
    assert not form.is_dirty()

    # A grid's cell typed back is no change either (tried under Xvfb: the mark stayed); a cell left
    # changed, or a row removed, is one.
    model = form.vehicle_rows
    damage = model.index(1, model.column_of("damage"))
    was = damage.data()
    model.setData(damage, was + " и фара")
    assert form.is_dirty() and form.windowTitle() != title
    model.setData(damage, was)
    assert not form.is_dirty() and form.windowTitle() == title
    plate = model.index(0, model.column_of("plate"))
    model.setData(plate, "А12")  # not a plate: kept as typed, red
    assert form.is_dirty()
    model.setData(plate, "А123ВС40")
    assert not form.is_dirty()
    form.reject()
    assert asked == [] and not form.isVisible()

    form = open_incident(qtbot, store, incident.id)
    form.ask_unsaved = lambda: asked.append("asked") or "cancel"  # type: ignore[method-assign, func-returns-value]
    form.vehicle_rows.remove_row(2)
    assert form.is_dirty()
    form.reject()
    assert asked == ["asked"] and form.isVisible()


def test_a_date_typed_with_the_russian_layout_on_reads_as_dots(qtbot: Any, store: Store) -> None:
    """The `.` key with the Russian layout gives «ю», Shift+`;` gives «Ж»: the field reads what was meant
    and shows it with dots and a colon on leaving (tried under Xvfb: it was refused as not a date)."""
    from tests.ui.keyboard import Clerk

    form = open_incident(qtbot, store, None)
    form.activateWindow()
    qtbot.waitUntil(form.isActiveWindow)
    form.occurred_at.setFocus()
    qtbot.waitUntil(lambda: form.focusWidget() is form.occurred_at.line)
    clerk = Clerk(qtbot)
    clerk.type("02ю12ю2026 23Ж40")
    clerk.press(Qt.Key.Key_Tab)
    field = form.validation["occurred_at"]
    assert field.is_valid(), field.message.text()
    assert form.occurred_at.line.text() == "02.12.2026 23:40"


def test_one_car_saved_in_a_big_incident_is_not_read_back(qtbot: Any, store: Store, monkeypatch: Any) -> None:
    """A mass attack's incident of thousands of cars: after one car is corrected and saved, the form
    keeps its rows (cursor and scroll included) instead of reading every car back and rebuilding
    the grid; what it keeps is what was stored, and the next change is judged against it."""
    import json

    from desktop.exchange import import_document
    from tests.synthetic import document

    import_document(store, json.loads(json.dumps(document(300, vehicles_per_incident=None), ensure_ascii=False)))
    incident_id = store.incident_rows()[0].id
    form = open_incident(qtbot, store, incident_id)
    model = form.vehicle_rows
    rows_before = list(model.rows)
    damage = model.index(150, model.column_of("damage"))
    was = damage.data()
    model.setData(damage, "Вмятина на двери")
    form.vehicle_grid.select_row(150, model.column_of("damage"))
    reads: list[str] = []
    get_incidents = store.get_incidents
    def counted(ids: Any) -> Any:
        ids = list(ids)
        reads.extend(ids)
        return get_incidents(ids)

    monkeypatch.setattr(store, "get_incidents", counted)
    with qtbot.waitSignal(form.saved, timeout=5000):
        assert form.save()
    assert reads == []  # the incident is not read back with its cars
    assert model.rows == rows_before and all(a is b for a, b in zip(model.rows, rows_before, strict=True))
    assert form.vehicle_grid.current_row() == 150 and not form.is_dirty()
    stored = store.get_incident(incident_id)
    assert stored is not None and stored.vehicles[150].damage == "Вмятина на двери"
    assert form.original == stored and form.original.version == stored.version
    model.setData(damage, was)  # the saved text is the one compared with now
    assert form.is_dirty()
    model.setData(damage, "Вмятина на двери")
    assert not form.is_dirty()
    type_into(qtbot, form.source, "ЕДДС")  # a second save after it: no conflict with its own first
    with qtbot.waitSignal(form.saved, timeout=5000):
        assert form.save()
    assert store.get_incident(incident_id).source == "ЕДДС"  # type: ignore[union-attr]


def test_the_remove_question_names_the_car_as_typed_and_claims_by_their_shown_number(
        qtbot: Any, sample_store: Store, russian_messages: Any) -> None:  # noqa: F811
    """Found in a clerk's try-out: «Удалить Kia Rio, None из этого происшествия?» for a car without
    a plate yet, and the refusal naming «CLM-2026-0001» where the window shows «З-2026-0001»."""
    from desktop.domain.enums import Severity
    from desktop.domain.models import Vehicle

    assert Vehicle(id="v", make="Kia", model="Rio", damage="", severity=Severity.MINOR).label() == "Kia Rio"
    incident = sample_store.get_incident_by_reference("INC-2026-0001")
    assert incident is not None
    form = open_incident(qtbot, sample_store, incident.id)
    asked: list[tuple[str, str]] = []
    told: list[str] = []
    form.confirm = lambda title, text: asked.append((title, text)) or False  # type: ignore[method-assign, func-returns-value]
    form.inform = lambda title, text: told.append(text)  # type: ignore[method-assign]
    model = form.vehicle_rows
    row = model.add_row()
    model.setData(model.index(row, model.column_of("make")), "Kia")
    model.setData(model.index(row, model.column_of("model")), "Rio")
    form.remove_item(form.vehicle_grid, row)
    assert asked == [("Remove vehicle", "Remove Kia Rio from this incident?")]
    form.remove_item(form.vehicle_grid, 0)
    assert "З-2026-0001" in told[0] and "CLM" not in told[0]
