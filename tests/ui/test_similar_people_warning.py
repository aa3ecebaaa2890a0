"""The warning «possibly the same person»: a document however written, a name one letter off on the same birth date."""

from __future__ import annotations

from datetime import date

from desktop.domain.enums import PersonKind
from desktop.domain.models import Person
from desktop.ui.dialogs.person_picker import PeopleBook, SimilarPeoplePanel, shared_text

ANNA = Person(id="00000000-0000-0000-0000-000000000001", kind=PersonKind.PERSON, full_name="Смирнова Анна Викторовна",
              birth_date=date(1984, 3, 17), id_document="паспорт 2904 518233")


def test_the_book_names_what_is_shared(store):
    store.save_person(ANNA)
    book = PeopleBook(store)
    typo = Person(id="00000000-0000-0000-0000-000000000002", kind=PersonKind.PERSON, full_name="Смирнова Ана Викторовна",
                  birth_date=date(1984, 3, 17), id_document="29 04 518233")
    [(found, shared)] = book.similar(typo)
    assert found.id == ANNA.id and shared == ["id_document", "name"]
    pending = Person(id="00000000-0000-0000-0000-000000000003", kind=PersonKind.PERSON, full_name="Семенов Петр",
                     birth_date=date(1971, 11, 2))
    book.put(pending)  # a person new in this form is compared too
    twin = Person(id="00000000-0000-0000-0000-000000000004", kind=PersonKind.PERSON, full_name="Семёнов Пётр",
                  birth_date=date(1971, 11, 2))
    assert [(p.id, s) for p, s in book.similar(twin)] == [(pending.id, ["name"])]


def test_the_warning_says_why(qtbot):
    typo = Person(id="x", kind=PersonKind.ENTREPRENEUR, full_name="ИП Смирнова Анна Викторовна")
    dialog = SimilarPeoplePanel()
    qtbot.addWidget(dialog)
    dialog.show_for(typo, [(ANNA, ["id_document", "name"])])
    assert shared_text(["id_document", "name"]) == (
        "same identity document, same birth date, name differs by a letter at most")
    assert "same birth date" in dialog.list.item(0).text()
    assert dialog.similar_text(typo).startswith("ИП Смирнова Анна Викторовна looks like someone")  # a woman, not an organisation


# ---- the full car editor's «Новое лицо…»: the warning inside the person's form, no other window ----

def _windows() -> list[str]:
    from PySide6.QtWidgets import QApplication

    return sorted(w.windowTitle() for w in QApplication.topLevelWidgets() if w.isVisible() and w.isWindow())


def _new_person_from_the_car_editor(qtbot, store, owner: dict):
    """Enter on the Lada's row, F4 in its owner field, «New person…», the details typed, OK."""
    from PySide6.QtCore import Qt

    from desktop.ui.dialogs.incident_form import IncidentDialog
    from tests.ui.forms_fixtures import seed_kaluga, type_into
    from tests.ui.keyboard import Clerk

    incident, people = seed_kaluga(store)
    form = IncidentDialog(store, incident.id)
    qtbot.addWidget(form)
    form.show()
    editor = form.open_item_editor(form.vehicle_grid, 0)
    qtbot.waitUntil(editor.isActiveWindow)
    clerk = Clerk(qtbot)
    assert clerk.target() is editor.owner.display
    clerk.press(Qt.Key.Key_F4)  # the full search
    picker = editor.owner.dialog
    assert picker is not None
    qtbot.waitUntil(picker.isActiveWindow)
    qtbot.mouseClick(picker.new_button, Qt.MouseButton.LeftButton)
    person_form = picker.person_dialog
    assert person_form is not None
    qtbot.waitUntil(person_form.isActiveWindow)
    before = _windows()
    for key, text in owner.items():
        type_into(qtbot, getattr(person_form, key), text)
    person_form.save_button.click()  # OK: someone in the log shares the INN
    return form, editor, picker, person_form, people, before


def test_new_person_in_the_full_car_editor_is_warned_about_in_its_own_window(qtbot, store):
    """The look-alike is said under the person's fields: no fifth window over incident, car, search, person."""
    from PySide6.QtCore import Qt

    from tests.ui.keyboard import Clerk

    form, editor, picker, person_form, people, before = _new_person_from_the_car_editor(
        qtbot, store, {"full_name": "Смирнова А. В.", "inn": "402701234570"})
    smirnova = people[0]
    assert person_form.isVisible() and person_form.similar_panel.isVisible()
    assert len(before) == 4 and _windows() == before  # incident, car, search, person: none more
    assert person_form.similar_panel.list.count() == 1
    assert "Смирнова Анна Викторовна" in person_form.similar_panel.list.item(0).text()
    assert "same INN" in person_form.similar_panel.list.item(0).text()
    assert person_form.similar_panel.text.text().startswith("Смирнова А. В. looks like someone")
    clerk = Clerk(qtbot)
    assert clerk.target() is person_form.similar_panel.list  # the keyboard is at the look-alikes
    clerk.press(Qt.Key.Key_Return)  # takes the highlighted one: the person already in the log
    qtbot.waitUntil(lambda: not picker.isVisible())
    assert not person_form.isVisible()
    assert editor.isVisible() and editor.owner.person_id() == smirnova.id
    assert form.book.pending == {}  # no new person waits to be saved with the incident


def test_the_new_person_is_kept_when_the_clerk_says_so_or_changes_the_details(qtbot, store):
    form, editor, picker, person_form, people, _before = _new_person_from_the_car_editor(
        qtbot, store, {"full_name": "Смирнова А. В.", "inn": "402701234570"})
    panel = person_form.similar_panel
    assert panel.isVisible()
    person_form.save_button.click()  # OK again, details as they were: still asks, creates nothing
    assert person_form.isVisible() and person_form.result_person is None
    person_form.inn.clear()  # the details changed: the warning goes until the next OK
    assert not panel.isVisible()
    from tests.ui.forms_fixtures import type_into

    type_into(qtbot, person_form.inn, "402701234570")
    person_form.save_button.click()
    assert panel.isVisible()
    panel.new_button.click()  # «Create a new one anyway»
    qtbot.waitUntil(lambda: not picker.isVisible())
    new_id = editor.owner.person_id()
    assert new_id is not None and new_id != people[0].id
    assert form.book.pending[new_id].full_name == "Смирнова А. В."
