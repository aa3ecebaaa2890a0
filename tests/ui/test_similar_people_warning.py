"""The warning «possibly the same person»: a document however written, a name one letter off on the same birth date."""

from __future__ import annotations

from datetime import date

from desktop.domain.enums import PersonKind
from desktop.domain.models import Person
from desktop.ui.dialogs.person_picker import PeopleBook, SimilarPeopleDialog, shared_text

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


def test_the_dialog_says_why(qtbot):
    typo = Person(id="x", kind=PersonKind.ENTREPRENEUR, full_name="ИП Смирнова Анна Викторовна")
    dialog = SimilarPeopleDialog(typo, [(ANNA, ["id_document", "name"])])
    qtbot.addWidget(dialog)
    assert shared_text(["id_document", "name"]) == (
        "same identity document, same birth date, name differs by a letter at most")
    assert "same birth date" in dialog.list.item(0).text()
    assert dialog.similar_text(typo).startswith("ИП Смирнова Анна Викторовна looks like someone")  # a woman, not an organisation
