"""Choosing an owner or claimant: search existing people, or create (or correct) one on the spot.

People made or corrected here are not written at once: they wait in the form's `PeopleBook`
and are saved together with the incident or claim that refers to them, in one transaction
(`Store.save_with_people`), so closing the form without saving leaves no stray person behind.
Before a new person is accepted the store is asked for look-alikes (same INN, identity document
or phone) and the clerk is offered the existing record instead.
"""

from __future__ import annotations

import uuid
from dataclasses import replace
from datetime import date

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ...domain import duplicates
from ...domain.declension import gender_of
from ...domain.enums import PersonKind
from ...domain.models import Person
from ...domain.names import kind_of_name, may_be_same_name, name_words
from ...domain.rules import person_problems
from ...domain.typed_dates import parse_typed_date
from ...domain.values import check_email, check_inn, check_not_future_date, clean_text, normalise_phone
from ...storage import LogStore
from ..focus import return_keyboard
from ..labels import date_text, enum_items, phone_text
from ..widgets.dates import DateEdit
from ..widgets.suggest import AS_TYPED, SuggestEdit, Suggestion
from ..widgets.validated import WARNING_COLOUR, FormDialog, ValidatedField


class PeopleBook:
    """The people one form refers to: those in the store, and those made or corrected here."""

    def __init__(self, store: LogStore) -> None:
        self.store = store
        self.pending: dict[str, Person] = {}  # new or corrected, saved with the record
        self._stored: dict[str, Person] = {}

    def get(self, person_id: str | None) -> Person | None:
        if not person_id:
            return None
        if person_id in self.pending:
            return self.pending[person_id]
        if person_id not in self._stored:
            found = self.store.get_person(person_id)
            if found is None:
                return None
            self._stored[person_id] = found
        return self._stored[person_id]

    def prefetch(self, ids: list[str | None]) -> None:
        wanted = [i for i in ids if i and i not in self._stored and i not in self.pending]
        self._stored.update(self.store.get_people(wanted))

    def name(self, person_id: str | None) -> str:
        person = self.get(person_id)
        return person.full_name if person else ""

    def is_new(self, person_id: str | None) -> bool:
        return bool(person_id) and person_id in self.pending and person_id not in self._stored

    def put(self, person: Person) -> None:
        """A person made or corrected in this form; saved with the record."""
        if person.id not in self.pending and person.id not in self._stored:
            stored = self.store.get_person(person.id)  # a correction: remember it is not new
            if stored is not None:
                self._stored[person.id] = stored
        self.pending[person.id] = person

    def to_save(self, referenced: set[str]) -> list[Person]:
        """The pending people the record refers to (others were dropped by the clerk)."""
        return [p for pid, p in self.pending.items() if pid in referenced]

    def mark_saved(self) -> None:
        self._stored.update(self.pending)
        self.pending.clear()

    def search(self, text: str, limit: int = 50) -> list[Person]:
        needle = text.strip().casefold()
        digits = "".join(ch for ch in text if ch.isdigit())
        own = [
            p for p in self.pending.values()
            if not needle or needle in p.full_name.casefold()
            or (digits and (digits in (p.phone or "") or digits == (p.inn or "")))
        ]
        found = [p for p in self.store.find_people(text, limit) if p.id not in self.pending]
        return [*own, *found][:limit]

    def similar(self, person: Person) -> list[tuple[Person, list[str]]]:
        """Look-alikes with what they share (`duplicates.SHARED_KEYS`: `inn`, `id_document`, `phone`,
        `name`), store and pending alike; the rule is `duplicates.shared`."""
        out: list[tuple[Person, list[str]]] = []
        seen: set[str] = {person.id}
        candidates = [p for p in self.store.similar_people(person) if p.id not in self.pending]
        candidates += [p for p in self.pending.values() if p.id != person.id]
        for other in candidates:
            if other.id in seen:
                continue
            shared = duplicates.shared(person, other)
            if shared:
                out.append((other, shared))
                seen.add(other.id)
        return out


    def new_person(self, name: str) -> Person:
        """A person made of a name typed into an owner or claimant field; saved with the record."""
        person = Person(id=str(uuid.uuid4()), kind=kind_of_name(name), full_name=name)
        self.put(person)
        return person

    def namesakes(self, person: Person, limit: int = 20) -> list[Person]:
        """Others, in the log or new in this form, whose name may be this person's (hints, not refusals)."""
        words = name_words(person.full_name)
        if not words:
            return []
        candidates = [p for p in self.store.find_people(words[0], limit) if p.id not in self.pending]
        candidates += list(self.pending.values())
        return [p for p in candidates if p.id != person.id and may_be_same_name(person.full_name, p.full_name)]


def person_summary(person: Person) -> str:
    """`Смирнова Анна Викторовна · 17.03.1984 · +79105123308 · ИНН 402701234570`."""
    parts = [person.full_name]
    if person.birth_date:
        parts.append(date_text(person.birth_date))
    if person.phone:
        parts.append(phone_text(person.phone))
    if person.inn:
        parts.append(QCoreApplication.translate("PersonPicker", "INN %1").replace("%1", person.inn))
    if person.id_document:
        parts.append(person.id_document)
    return " · ".join(parts)


def shared_text(keys: list[str]) -> str:
    names = {
        "inn": QCoreApplication.translate("PersonPicker", "same INN"),
        "id_document": QCoreApplication.translate("PersonPicker", "same identity document"),
        "phone": QCoreApplication.translate("PersonPicker", "same phone"),
        "name": QCoreApplication.translate("PersonPicker", "same birth date, name differs by a letter at most"),
    }
    return ", ".join(names[k] for k in keys)


def _required_name(text: str) -> str | None:
    return clean_text(text, max_length=300)


def _text(max_length: int | None = None):  # noqa: ANN202 - a parser factory
    return lambda value: clean_text(value, max_length=max_length)


class PersonDialog(FormDialog):
    """A person's or organisation's details; `result_person` after OK (possibly an existing one)."""

    def __init__(self, book: PeopleBook, person: Person | None = None, parent: QWidget | None = None,
                 *, name_hint: str = "") -> None:
        super().__init__(parent, record=False)
        self.book = book
        self.original = person
        self.result_person: Person | None = None
        self.used_existing = False
        self.setWindowTitle(self.tr("Person") if person is None else self.tr("Person: %1").replace("%1", person.full_name))

        self.kind = QComboBox()
        for kind, text in enum_items(PersonKind):
            self.kind.addItem(text, kind)
        self.full_name = QLineEdit()
        self.full_name.setPlaceholderText(self.tr("Surname, name, patronymic; or the organisation's name"))
        self.birth_date = DateEdit(empty_text=self.tr("not given: dd.mm.yyyy"))
        self.phone = QLineEdit()
        self.phone.setPlaceholderText("+7 910 512-33-08")
        self.email = QLineEdit()
        self.address = QLineEdit()
        self.id_document = QLineEdit()
        self.id_document.setPlaceholderText(self.tr("passport 2904 518233"))
        self.inn = QLineEdit()
        self.inn.setPlaceholderText(self.tr("10 or 12 digits"))
        self.notes = QPlainTextEdit()
        self.notes.setTabChangesFocus(True)
        self.notes.setFixedHeight(60)

        v = self.validation
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)

        def row(key: str, label: str, field: ValidatedField) -> None:
            v.add(key, field, label)
            form.addRow(label, field)

        row("kind", self.tr("&Kind:"), ValidatedField(self.kind, PersonKind))
        row("full_name", self.tr("Full &name:"), ValidatedField(self.full_name, _required_name, required=True))
        row("birth_date", self.tr("&Birth date:"), ValidatedField(self.birth_date, self._parse_birth_date))
        row("phone", self.tr("&Phone:"), ValidatedField(self.phone, normalise_phone, display=str))
        row("email", self.tr("&E-mail:"), ValidatedField(self.email, check_email, display=str))
        row("address", self.tr("&Address:"), ValidatedField(self.address, _text()))
        row("id_document", self.tr("&Identity document:"), ValidatedField(self.id_document, _text()))
        row("inn", self.tr("I&NN:"), ValidatedField(self.inn, check_inn, display=str))
        row("notes", self.tr("N&otes:"), ValidatedField(self.notes, _text()))

        # Someone already in the log who may be this person: said here, under the fields, not in
        # another window over this one.
        self.similar_panel = SimilarPeoplePanel(self)
        self.similar_panel.hide()
        self.similar_panel.use_requested.connect(self._use_similar)
        self.similar_panel.create_requested.connect(self._create_anyway)
        self._keep_new = False  # «create a new one anyway» pressed for the details as they are
        v.changed.connect(self._details_changed)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.similar_panel)
        layout.addWidget(self.problems_label)
        layout.addWidget(self.button_bar)
        self.resize(560, 0)

        with v.load():
            if person is not None:
                self._fill(person)
            elif name_hint:
                self.full_name.setText(name_hint)
        self.refresh()
        self.full_name.setFocus()

    def _fill(self, p: Person) -> None:
        self.kind.setCurrentIndex(self.kind.findData(p.kind))
        self.full_name.setText(p.full_name)
        self.birth_date.set_value(p.birth_date)
        self.phone.setText(phone_text(p.phone))
        self.email.setText(p.email or "")
        self.address.setText(p.address or "")
        self.id_document.setText(p.id_document or "")
        self.inn.setText(p.inn or "")
        self.notes.setPlainText(p.notes or "")

    def _parse_birth_date(self, text: str) -> date | None:
        day = parse_typed_date(text)
        check_not_future_date(day)
        return day

    def person(self) -> Person:
        v = self.validation.value
        base = self.original or Person(id=str(uuid.uuid4()), kind=PersonKind.PERSON, full_name="")
        return replace(
            base, kind=v("kind"), full_name=v("full_name"), birth_date=v("birth_date"), phone=v("phone"),
            email=v("email"), address=v("address"), id_document=v("id_document"), inn=v("inn"), notes=v("notes"),
        )

    def revalidate(self) -> None:
        if not self.validation.parsed_ok():
            return
        self.validation.set_rule_problems(person_problems(self.person()), lambda p: p.path)

    def commit(self) -> bool:
        person = self.person()
        if self.original is not None and person == self.original:
            self.result_person = person
            return True
        similar = self.book.similar(person)
        if similar and not self._keep_new:
            answer = self.ask_similar(person, similar)
            if answer is None:
                return False
            if isinstance(answer, Person):
                self.result_person = answer
                self.used_existing = True
                return True
        self.result_person = person
        return True

    def ask_similar(self, person: Person, similar: list[tuple[Person, list[str]]]) -> Person | bool | None:
        """The existing person to use, True to keep the new one, None to stay in the form (patched in
        tests). Asked inside the form: the look-alikes are listed under the fields with «use the
        selected person» and «create a new one anyway»; until one is pressed the form stays open."""
        self.similar_panel.show_for(person, similar)
        layout = self.layout()
        if layout is not None and layout.sizeHint().height() > self.height():
            self.resize(self.width(), layout.sizeHint().height())
        self.similar_panel.list.setFocus()
        return None

    def _use_similar(self, person: Person) -> None:
        self.result_person = person
        self.used_existing = True
        self._closing = True
        self.accept()

    def _create_anyway(self) -> None:
        self._keep_new = True
        self.save_and_close()

    def _details_changed(self) -> None:
        """Other details may match other people (or none): asked again at the next OK."""
        self._keep_new = False
        self.similar_panel.hide()


class SimilarPeoplePanel(QFrame):
    """“This looks like someone already in the log”, inside the person's form: use them, or create
    the new one anyway. (Its words keep the context of the window it replaced, SimilarPeopleDialog.)"""

    use_requested = Signal(object)  # the Person already in the log
    create_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("similarPeople")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.similar: list[tuple[Person, list[str]]] = []
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.text.setStyleSheet(f"color: {WARNING_COLOUR}; font-weight: bold;")
        self.list = QListWidget()
        self.list.setMaximumHeight(110)
        self.list.itemDoubleClicked.connect(lambda _item: self._use())
        self.list.installEventFilter(self)  # Enter takes the highlighted person (not the form's OK)
        self.use_button = QPushButton(QCoreApplication.translate("SimilarPeopleDialog", "&Use the selected person"))
        self.new_button = QPushButton(QCoreApplication.translate("SimilarPeopleDialog", "&Create a new one anyway"))
        for button in (self.use_button, self.new_button):
            button.setAutoDefault(False)
        self.use_button.clicked.connect(self._use)
        self.new_button.clicked.connect(self.create_requested)
        buttons = QHBoxLayout()
        buttons.addWidget(self.use_button)
        buttons.addWidget(self.new_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addWidget(self.list)
        layout.addLayout(buttons)

    def show_for(self, person: Person, similar: list[tuple[Person, list[str]]]) -> None:
        self.similar = similar
        self.text.setText(self.similar_text(person))
        self.list.clear()
        for other, shared in similar:
            item = QListWidgetItem(f"{person_summary(other)}\n    {shared_text(shared)}")
            item.setData(Qt.ItemDataRole.UserRole, other.id)
            self.list.addItem(item)
        self.list.setCurrentRow(0)
        self.show()

    @staticmethod
    def similar_text(person: Person) -> str:
        """The question in the person's grammatical gender: «Смирнова А. В. похожа…», «Кузнецов И. П. похож…»,
        an organisation «похоже…»; a name whose gender is unclear is asked about without a verb that shows it."""
        gender = gender_of(person.full_name, person.kind) if person.kind != PersonKind.ORGANISATION else "organisation"
        # Literal calls (lupdate reads only them): one source, translated per gender by its comment.
        texts = {
            "male": QCoreApplication.translate(
                "SimilarPeopleDialog", "%1 looks like someone already in the log. Use the existing record?", "a man"),
            "female": QCoreApplication.translate(
                "SimilarPeopleDialog", "%1 looks like someone already in the log. Use the existing record?", "a woman"),
            "organisation": QCoreApplication.translate(
                "SimilarPeopleDialog", "%1 looks like an organisation already in the log. Use the existing record?"),
        }
        text = texts.get(gender or "", QCoreApplication.translate(
            "SimilarPeopleDialog", "%1 may already be in the log. Use the existing record?"))
        return text.replace("%1", person.full_name)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if (watched is self.list and event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent)
                and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)):
            self._use()
            return True
        return super().eventFilter(watched, event)

    def _use(self) -> None:
        row = self.list.currentRow()
        if 0 <= row < len(self.similar):
            self.use_requested.emit(self.similar[row][0])


class PersonPickerDialog(QDialog):
    """Search people by name, phone or INN; choose one, create one, or correct one."""

    chosen = Signal(str)

    def __init__(self, book: PeopleBook, current_id: str | None = None, parent: QWidget | None = None,
                 *, search: str = "") -> None:
        super().__init__(parent)
        self.book = book
        self.chosen_id: str | None = None
        self.person_dialog: PersonDialog | None = None
        self.setWindowTitle(self.tr("Choose a person"))

        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Name, phone or INN"))
        self.search.setClearButtonEnabled(True)
        self.results = QListWidget()
        self.results.setAlternatingRowColors(True)
        self.hint = QLabel()
        self.hint.setStyleSheet("color: palette(mid);")

        self.new_button = QPushButton(self.tr("&New person…"))
        self.edit_button = QPushButton(self.tr("&Correct details…"))
        self.choose_button = QPushButton(self.tr("C&hoose"))
        cancel = QPushButton(self.tr("Cancel"))
        for b in (self.new_button, self.edit_button, cancel):
            b.setAutoDefault(False)
        self.choose_button.setDefault(True)

        label = QLabel(self.tr("&Search:"))
        label.setBuddy(self.search)
        top = QHBoxLayout()
        top.addWidget(label)
        top.addWidget(self.search, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.new_button)
        buttons.addWidget(self.edit_button)
        buttons.addStretch(1)
        buttons.addWidget(self.choose_button)
        buttons.addWidget(cancel)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.results, 1)
        layout.addWidget(self.hint)
        layout.addLayout(buttons)
        self.resize(640, 420)

        self.search.textChanged.connect(self.run_search)
        self.search.installEventFilter(self)
        self.results.itemDoubleClicked.connect(lambda _item: self.choose())
        self.results.currentRowChanged.connect(lambda _row: self._update_buttons())
        self.new_button.clicked.connect(self.new_person)
        self.edit_button.clicked.connect(self.edit_person)
        self.choose_button.clicked.connect(self.choose)
        cancel.clicked.connect(self.reject)

        self.search.setText(search)
        self.run_search()
        if current_id:
            for row in range(self.results.count()):
                if self.results.item(row).data(Qt.ItemDataRole.UserRole) == current_id:
                    self.results.setCurrentRow(row)
        self.search.setFocus()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Up and Down in the search box move through the results, as in a browser's address bar."""
        if watched is self.search and event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            key = event.key()
            if key in (Qt.Key.Key_Down, Qt.Key.Key_Up) and self.results.count():
                step = 1 if key == Qt.Key.Key_Down else -1
                row = max(0, min(self.results.count() - 1, self.results.currentRow() + step))
                self.results.setCurrentRow(row)
                return True
        return super().eventFilter(watched, event)

    def run_search(self) -> None:
        people = self.book.search(self.search.text())
        self.results.clear()
        for person in people:
            text = person_summary(person)
            if self.book.is_new(person.id):
                text += "  " + self.tr("(new, saved with this record)")
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, person.id)
            self.results.addItem(item)
        if people:
            self.results.setCurrentRow(0)
            self.hint.setText(self.tr("Enter chooses the highlighted person."))
        else:
            self.hint.setText(self.tr("Nobody found. “New person…” adds one."))
        self._update_buttons()

    def current_id(self) -> str | None:
        item = self.results.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item else None

    def _update_buttons(self) -> None:
        has = self.current_id() is not None
        self.choose_button.setEnabled(has)
        self.edit_button.setEnabled(has)

    def choose(self, person_id: str | None = None) -> None:
        pid = person_id or self.current_id()
        if not pid:
            return
        self.chosen_id = pid
        self.chosen.emit(pid)
        self.accept()

    def new_person(self) -> None:
        hint = self.search.text().strip()
        if any(ch.isdigit() for ch in hint):
            hint = ""  # a phone or INN typed into the search is not a name
        self._open_person_dialog(PersonDialog(self.book, None, self, name_hint=hint))

    def edit_person(self) -> None:
        person = self.book.get(self.current_id())
        if person is not None:
            self._open_person_dialog(PersonDialog(self.book, person, self))

    def _open_person_dialog(self, dialog: PersonDialog) -> None:
        self.person_dialog = dialog
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        dialog.accepted.connect(lambda: self._person_done(dialog))
        dialog.finished.connect(lambda _r: self._person_closed())
        dialog.open()

    def _person_closed(self) -> None:
        self.person_dialog = None
        return_keyboard(self, self.results if self.results.count() else self.search)  # if still open (Esc)

    def _person_done(self, dialog: PersonDialog) -> None:
        person = dialog.result_person
        if person is None:
            return
        if not dialog.used_existing and (dialog.original is None or person != dialog.original):
            self.book.put(person)
        self.choose(person.id)


class PersonPicker(QWidget):
    """The owner/claimant field: type a name and choose from the list under it, or keep the name
    typed as a new person (saved with the record); Choose… (F4) opens the full search.

    Beside the field: that a typed name makes a new person, and the people already in the log
    it may be («Смирнова А. В.» may be «Смирнова Анна Викторовна»), with a button to take them.
    """

    changed = Signal()

    def __init__(self, book: PeopleBook, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.book = book
        self._person_id: str | None = None
        self._read_only = False
        self._namesakes: list[Person] = []
        self._namesakes_key: tuple[object, ...] | None = None
        self._namesakes_found: list[Person] = []
        self.dialog: PersonPickerDialog | None = None
        self.display = SuggestEdit(lambda text: person_suggestions(self.book, text))
        self.display.setPlaceholderText(self.tr("type a surname: the list shows who is in the log"))
        self.display.setToolTip(self.tr("Type the first letters of a surname, a phone or an INN; Enter or Tab "
                                        "takes the highlighted line. F4: the full search."))
        self.display.chosen.connect(self._chosen)
        self.display.editingFinished.connect(self._show_if_unchanged)
        self.display.installEventFilter(self)
        self.choose_button = QPushButton(self.tr("C&hoose…"))
        self.choose_button.setAutoDefault(False)
        self.clear_button = QToolButton()
        self.clear_button.setText("✕")
        self.clear_button.setToolTip(self.tr("Clear"))
        # Tab goes from the name to the next field: F4 (or Alt+the underlined letter) chooses, and a
        # name deleted clears; two stops on buttons per person field were two Tabs more each time.
        for button in (self.choose_button, self.clear_button):
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.hint = QLabel()
        self.hint.setObjectName("personHint")
        self.hint.setWordWrap(True)
        self.hint.hide()
        self.same_button = QPushButton()
        self.same_button.setAutoDefault(False)
        self.same_button.hide()
        self.same_button.clicked.connect(self.use_namesake)
        line = QHBoxLayout()
        line.setContentsMargins(0, 0, 0, 0)
        line.addWidget(self.display, 1)
        line.addWidget(self.choose_button)
        line.addWidget(self.clear_button)
        beside = QHBoxLayout()
        beside.setContentsMargins(0, 0, 0, 0)
        beside.addWidget(self.hint, 1)
        beside.addWidget(self.same_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addLayout(line)
        layout.addLayout(beside)
        self.setFocusProxy(self.display)
        self.choose_button.clicked.connect(lambda: self.open_picker(self._typed_search()))
        self.clear_button.clicked.connect(lambda: self.set_person_id(None))
        self._show()

    def person_id(self) -> str | None:
        return self._person_id

    def set_person_id(self, person_id: str | None) -> None:
        self._person_id = person_id
        self._show()
        self.changed.emit()

    def refresh(self) -> None:
        self._show()

    def set_read_only(self, read_only: bool) -> None:
        """A locked record shows its person but offers no choice."""
        self._read_only = read_only
        self.display.setReadOnly(read_only)
        self.choose_button.setEnabled(not read_only)
        self.clear_button.setEnabled(not read_only and self._person_id is not None)
        self._show_hint()

    def namesakes(self) -> list[Person]:
        """People already in the log the chosen new person may be (shown beside the field)."""
        return list(self._namesakes)

    def _typed_search(self) -> str:
        return self.display.text() if self.display.is_pending() else ""

    def _chosen(self, value: object) -> None:
        person_id = take_person(self.book, value, self.display.text())
        if person_id is False:
            self._show()  # nothing a person can be made of (digits that found nobody): as it was
            return
        self.set_person_id(person_id)  # type: ignore[arg-type]

    def _show_if_unchanged(self) -> None:
        # A field leaving the screen with its window (the focus goes as it closes) needs no redraw,
        # nor a question to the log, which may be closing too.
        if not self.display.is_pending() and self.isVisible():
            self._show()

    def _show(self) -> None:
        person = self.book.get(self._person_id)
        if person is None:
            self.display.set_text_quietly("")
            self.display.setToolTip(self.tr("Type the first letters of a surname, a phone or an INN; Enter or Tab "
                                            "takes the highlighted line. F4: the full search."))
        else:
            short = person.full_name
            if person.birth_date:
                short += " (" + self.tr("born %1").replace("%1", date_text(person.birth_date)) + ")"
            self.display.set_text_quietly(short)
            self.display.setToolTip(person_summary(person))
        self.clear_button.setEnabled(self._person_id is not None and not self._read_only)
        self._namesakes = self._namesakes_of(person)
        self._show_hint()

    def _namesakes_of(self, person: Person | None) -> list[Person]:
        """The look-alikes of a new person, asked of the log once per name (not at every focus change:
        the field is shown again each time the keyboard leaves it)."""
        if person is None or not self.book.is_new(person.id):
            return []
        key = (person.id, person.full_name, tuple(sorted(self.book.pending)))
        if self._namesakes_key != key:
            self._namesakes_key, self._namesakes_found = key, self.book.namesakes(person)
        return list(self._namesakes_found)

    def _show_hint(self) -> None:
        person = self.book.get(self._person_id)
        new = person is not None and self.book.is_new(person.id) and not self._read_only
        if new and self._namesakes:
            self.hint.setText("⚠ " + self.tr("Already in the log: %1. The same person?")
                              .replace("%1", "; ".join(person_summary(p) for p in self._namesakes[:3])))
            self.hint.setStyleSheet(f"color: {WARNING_COLOUR};")
            self.same_button.setText(self.tr("&Use %1").replace("%1", self._namesakes[0].full_name))
        elif new:
            self.hint.setText(self.tr("New in the log: added when the record is saved."))
            self.hint.setStyleSheet("color: palette(mid);")
        self.hint.setVisible(new)
        self.same_button.setVisible(new and bool(self._namesakes))

    def use_namesake(self) -> None:
        """Take the person already in the log instead of the new one."""
        if self._namesakes:
            self.set_person_id(self._namesakes[0].id)
            self.display.setFocus()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (watched is self.display and event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent)
                and not self._read_only):
            alt_down = event.key() == Qt.Key.Key_Down and event.modifiers() & Qt.KeyboardModifier.AltModifier
            if event.key() == Qt.Key.Key_F4 or alt_down:
                self.open_picker(self._typed_search())
                return True
        return super().eventFilter(watched, event)

    def open_picker(self, search: str = "") -> PersonPickerDialog:
        self.display.close_list()
        dialog = PersonPickerDialog(self.book, self._person_id, self.window(), search=search)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        dialog.chosen.connect(lambda pid: self.set_person_id(pid))
        dialog.finished.connect(lambda _r: self._picker_closed())
        self.dialog = dialog
        dialog.open()
        return dialog

    def _picker_closed(self) -> None:
        self.dialog = None
        self._show()  # a search typed and given up on leaves the field as it was
        return_keyboard(self.window(), self.display)


NEW_PERSON = "new-person"  # the suggestion that makes a new person of the typed name


def person_suggestions(book: PeopleBook, text: str, limit: int = 8) -> list[Suggestion]:
    """The people whose name (phone, INN) holds the typed text, then «new person: …» for a name."""
    typed = text.strip()
    if not typed:
        return []
    out = []
    for person in book.search(typed, limit):
        line = person_summary(person)
        if book.is_new(person.id):
            line += "  " + QCoreApplication.translate("PersonPicker", "(new, saved with this record)")
        out.append(Suggestion(line, person.id))
    if any(ch.isalpha() for ch in typed) and not any(ch.isdigit() for ch in typed):
        out.append(Suggestion(QCoreApplication.translate("PersonPicker", "+ New person: %1").replace("%1", typed),
                              NEW_PERSON))
    return out


def take_person(book: PeopleBook, value: object, typed: str) -> str | None | bool:
    """What a person field holds after the clerk took `value` from its list with `typed` in it:
    a person's id, None (the field emptied), or False (nothing to make a person of)."""
    if isinstance(value, str) and value != NEW_PERSON:
        return value
    name = clean_text(typed, max_length=300)
    if name is None:
        return None
    if value is AS_TYPED and any(ch.isdigit() for ch in name):
        return False  # a phone or INN that found nobody is not a name
    return book.new_person(name).id
