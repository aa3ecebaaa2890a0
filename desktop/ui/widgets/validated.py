"""Fields that show a domain error beside them, and the form dialog built on them.

A `ValidatedField` wraps one editor with the domain parser for its value (`normalise_vin`,
`parse_money_input`, ...). It re-parses on every edit, marks the editor with a red border and
shows `FieldError.text(lang)` under it. It keeps three kinds of error apart:

- the parser's (the value itself is wrong: a VIN of 16 characters),
- a rule's (the value is fine but clashes with another: reported before it occurred), set by the
  form after running the domain's cross-field rules on every change,
- the store's (`ValidationFailed` on save, e.g. a reference already taken), kept until the
  field is edited again.

A required field left empty counts as invalid (Save stays disabled) but is only painted red
once the clerk has touched it, so a new blank form is calm rather than a wall of red.

`FormDialog` is the common frame of the record forms and the small editors: dirty tracking,
Save disabled while anything is invalid, unsaved changes asked about on close (Esc included),
Ctrl+S to save, and patchable `ask_unsaved`/`confirm`/`inform` so tests never enter a modal loop.
A record form says where it stands: «Сохранено в 10:42» beside its buttons after a save, and
«— не сохранено» after its title while it holds changes not yet saved.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterable, Iterator
from datetime import datetime
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate, QDateTime, QObject, Qt, QTime, QTimer, Signal, SignalInstance
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ...domain.errors import FieldError, Problem
from ..focus import return_keyboard
from ..labels import current_language
from .dates import DateEdit
from .suggest import SuggestEdit

ERROR_COLOUR = "#b3261e"
WARNING_COLOUR = "#8a5a00"
_INVALID_STYLE = "#{name} {{ border: 1px solid {colour}; border-radius: 3px; background: #fff5f4; }}"

Parser = Callable[[Any], Any]


def _identity(value: Any) -> Any:
    return value


def _is_empty(value: Any) -> bool:
    if value is None:
        return True
    if isinstance(value, str):
        return not value.strip()
    if isinstance(value, (list, tuple, set, dict)):
        return not value
    return False


def read_editor(editor: QWidget) -> Any:
    """The raw value of a standard editor: text for text boxes, data for fixed combos."""
    if isinstance(editor, (QLineEdit, DateEdit)):
        return editor.text()  # a DateEdit's parser reads its text
    if isinstance(editor, QPlainTextEdit):
        return editor.toPlainText()
    if isinstance(editor, QComboBox):
        return editor.currentText() if editor.isEditable() else editor.currentData()
    if isinstance(editor, QDateEdit):
        return editor.date()
    if isinstance(editor, QDateTimeEdit):
        return editor.dateTime()
    if isinstance(editor, QSpinBox):
        return editor.value()
    if isinstance(editor, QCheckBox):
        return editor.isChecked()
    raise TypeError(f"give `read` for a {type(editor).__name__}")


def editor_signal(editor: QWidget) -> SignalInstance:
    if isinstance(editor, (QLineEdit, DateEdit)):
        return editor.textChanged
    if isinstance(editor, QPlainTextEdit):
        return editor.textChanged
    if isinstance(editor, QComboBox):
        return editor.currentTextChanged if editor.isEditable() else editor.currentIndexChanged
    if isinstance(editor, QDateTimeEdit):  # QDateEdit too
        return editor.dateTimeChanged
    if isinstance(editor, QSpinBox):
        return editor.valueChanged
    if isinstance(editor, QCheckBox):
        return editor.toggled
    raise TypeError(f"give `signal` for a {type(editor).__name__}")


class ValidatedField(QWidget):
    """One editor, its parser and the error message under it."""

    changed = Signal()

    _serial = 0

    def __init__(
        self,
        editor: QWidget,
        parse: Parser = _identity,
        *,
        required: bool = False,
        display: Callable[[Any], str] | None = None,
        read: Callable[[], Any] | None = None,
        signal: SignalInstance | None = None,
        marked: QWidget | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.editor = editor
        self.parse = parse
        self.required = required
        self.display = display  # the normalised form written back when editing finishes
        self._read = read or (lambda: read_editor(editor))
        self._marked = marked or (editor.line if isinstance(editor, DateEdit) else editor)
        if not self._marked.objectName():
            ValidatedField._serial += 1
            self._marked.setObjectName(f"validatedField{ValidatedField._serial}")
        self._value: Any = None
        self._parse_error: FieldError | None = None
        self._rule_error: FieldError | None = None
        self._store_error: FieldError | None = None
        self.touched = False
        self.forced = False
        self._error_tip = ""
        self._quiet = False

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(editor)
        self.message = QLabel(self)
        self.message.setObjectName("fieldError")
        self.message.setWordWrap(True)
        self.message.setStyleSheet(f"color: {ERROR_COLOUR};")
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message.hide()
        layout.addWidget(self.message)
        self.setFocusProxy(editor)
        # Takes focus (passed on to the editor) so that a label's Alt+letter reaches the field: Qt
        # focuses a buddy only if it accepts focus itself. Tab still stops at the editor only (the
        # focus chain skips a widget with a proxy).
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

        (signal or editor_signal(editor)).connect(self._on_edit)
        if isinstance(editor, QLineEdit):
            editor.editingFinished.connect(self.normalise_text)
        self._reparse()
        self._paint()

    # ---- values ------------------------------------------------------------------------------
    def raw(self) -> Any:
        return self._read()

    def value(self) -> Any:
        """The parsed value (None when empty); check `is_valid()` first."""
        return self._value

    def is_valid(self) -> bool:
        return self.error() is None

    def parsed_ok(self) -> bool:
        """The value itself parses (rule and store errors aside): safe to build a record from."""
        return self._parse_error is None

    def error(self) -> FieldError | None:
        return self._parse_error or self._rule_error or self._store_error

    def error_text(self) -> str:
        error = self.error()
        return error.text(current_language()) if error else ""

    def shown(self) -> bool:
        """Whether the error is on screen (a required empty field waits until touched)."""
        return bool(self.error()) and not self.message.isHidden()

    def set_rule_error(self, error: FieldError | None) -> None:
        if _same(error, self._rule_error):
            return
        self._rule_error = error
        self._paint()

    def set_store_error(self, error: FieldError | None) -> None:
        self._store_error = error
        self.forced = True
        self._paint()

    def force_show(self) -> None:
        self.forced = True
        self._paint()

    @contextlib.contextmanager
    def quiet(self) -> Iterator[None]:
        """Programmatic changes (loading a record) neither touch the field nor count as edits."""
        self._quiet = True
        try:
            yield
        finally:
            self._quiet = False
        if isinstance(self.editor, QLineEdit):
            self.editor.setCursorPosition(0)  # a long value reads from its beginning
        self._reparse()
        self._paint()

    def normalise_text(self) -> None:
        """Write the normalised value back (`a123bc40` → `А123ВС40`) once the clerk moves on."""
        if self.display is None or self._parse_error is not None or not isinstance(self.editor, QLineEdit):
            return
        text = self.display(self._value) if self._value is not None else ""
        if text != self.editor.text():
            self.editor.setText(text)

    # ---- internals ---------------------------------------------------------------------------
    def _on_edit(self, *_: object) -> None:
        if not self._quiet:
            self.touched = True
            self._store_error = None
        self._reparse()
        self._paint()
        if not self._quiet:
            self.changed.emit()

    def _reparse(self) -> None:
        raw = self.raw()
        self._value = None
        self._parse_error = None
        if _is_empty(raw):
            if self.required:
                self._parse_error = FieldError("required")
            return
        try:
            self._value = self.parse(raw)
        except FieldError as e:
            self._parse_error = e
            return
        if self.required and _is_empty(self._value):
            self._parse_error = FieldError("required")

    def _paint(self) -> None:
        error = self.error()
        # An empty field nobody has touched keeps quiet (a blank form is not a wall of red);
        # its error still disables Save and is listed under the form.
        visible = error is not None and (
            self.touched or self.forced or self._store_error is not None or not _is_empty(self.raw())
        )
        name = self._marked.objectName()
        self._marked.setStyleSheet(_INVALID_STYLE.format(name=name, colour=ERROR_COLOUR) if visible else "")
        if visible and error is not None:
            text = error.text(current_language())
            self.message.setText(text)
            self.message.show()
            if self._marked.toolTip() in ("", self._error_tip):
                self._marked.setToolTip(text)
                self._error_tip = text
        else:
            self.message.hide()
            self.message.clear()
            if self._error_tip and self._marked.toolTip() == self._error_tip:
                self._marked.setToolTip("")  # only the tip we set: the editor may have its own
            self._error_tip = ""


def _same(a: FieldError | None, b: FieldError | None) -> bool:
    if a is None or b is None:
        return a is b
    return a.code == b.code and a.params == b.params


class FormValidation(QObject):
    """The fields of one form by key (the domain's path: `vin`, `decision.date`, ...)."""

    changed = Signal()
    loaded = Signal()  # a record's values are in the fields: what "unchanged" means from now on

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.fields: dict[str, ValidatedField] = {}
        self.labels: dict[str, str] = {}
        self._loading = 0

    def add(self, key: str, field: ValidatedField, label: str) -> ValidatedField:
        self.fields[key] = field
        self.labels[key] = label.replace("&", "").rstrip(":")
        field.changed.connect(self._on_field_changed)
        return field

    def __getitem__(self, key: str) -> ValidatedField:
        return self.fields[key]

    def get(self, key: str) -> ValidatedField | None:
        return self.fields.get(key)

    def value(self, key: str) -> Any:
        return self.fields[key].value()

    @property
    def loading(self) -> bool:
        return self._loading > 0

    @contextlib.contextmanager
    def load(self) -> Iterator[None]:
        """Fill the fields from a record without marking them touched or the form dirty."""
        self._loading += 1
        with contextlib.ExitStack() as stack:
            for field in self.fields.values():
                stack.enter_context(field.quiet())
            try:
                yield
            finally:
                self._loading -= 1
        if not self._loading:
            self.loaded.emit()

    def raw_values(self) -> dict[str, Any]:
        """What each field holds as typed: compared with the values loaded, it tells whether the
        clerk changed anything (typing a value back is no change)."""
        return {key: field.raw() for key, field in self.fields.items()}

    def all_valid(self) -> bool:
        return all(f.is_valid() for f in self.fields.values())

    def parsed_ok(self) -> bool:
        return all(f.parsed_ok() for f in self.fields.values())

    def invalid(self) -> list[tuple[str, str, FieldError]]:
        return [(k, self.labels[k], f.error()) for k, f in self.fields.items() if f.error() is not None]  # type: ignore[misc]

    def show_all(self) -> None:
        for field in self.fields.values():
            field.force_show()

    def set_rule_problems(self, problems: Iterable[Problem], key_of: Callable[[Problem], str | None]) -> list[Problem]:
        """Put each cross-field problem on its field; returns those that belong to none."""
        placed: dict[str, FieldError] = {}
        unplaced: list[Problem] = []
        for problem in problems:
            key = key_of(problem)
            if key in self.fields and key not in placed:
                placed[key] = problem.error
            elif key not in self.fields:
                unplaced.append(problem)
        for key, field in self.fields.items():
            field.set_rule_error(placed.get(key))
        return unplaced

    def set_store_problems(self, problems: Iterable[Problem], key_of: Callable[[Problem], str | None]) -> list[Problem]:
        unplaced: list[Problem] = []
        for problem in problems:
            key = key_of(problem)
            if key in self.fields:
                self.fields[key].set_store_error(problem.error)
            else:
                unplaced.append(problem)
        return unplaced

    def first_invalid(self) -> ValidatedField | None:
        return next((f for f in self.fields.values() if not f.is_valid()), None)

    def _on_field_changed(self) -> None:
        if not self.loading:
            self.changed.emit()


def qdate(day: Any) -> QDate:
    return QDate(day.year, day.month, day.day)


def qdatetime_naive(moment: Any) -> QDateTime:
    """A Python datetime shown as written: its wall-clock time, whatever its offset."""
    return QDateTime(QDate(moment.year, moment.month, moment.day), QTime(moment.hour, moment.minute, moment.second))


class FormDialog(QDialog):
    """The frame of every form: validation state, Save, unsaved changes, keyboard.

    `record=True` gives a record form (Save keeps it open, Save and close, Close); otherwise a
    small editor whose OK hands the value back to the form that opened it.
    """

    saved = Signal(str)
    conflict_reason: str | None = None  # set when the clerk keeps their version over another's; audited
    conflict_base: Any = None  # what the form opened, when the clerk keeps theirs over another's save

    # Cancel in a dialog that performs an action (approve, pay) cancels: "save the changes?" there
    # would approve the claim.
    asks_before_discarding = True

    MAX_PROBLEM_LINES = 6  # then «…and N more»: the buttons stay on a 768-pixel screen

    clock: Callable[[], datetime] = staticmethod(datetime.now)  # the time «Сохранено в …» shows (fixed in tests)

    def __init__(self, parent: QWidget | None = None, *, record: bool = True) -> None:
        super().__init__(parent)
        self._title = ""  # the title as the subclass set it, before «— не сохранено» is added
        self.saved_at: datetime | None = None  # when this form last saved its record
        self.record = record
        self.validation = FormValidation(self)
        self.validation.changed.connect(self._on_form_changed)
        self.validation.loaded.connect(self._remember_fields)
        # Changes wait to be saved when the fields differ from those loaded or last saved
        # (`_loaded_fields`), or when something besides the fields changed (`_dirty`: a grid's row,
        # a document, an attachment; or a field before any record was loaded).
        self._dirty = False
        self._loaded_fields: dict[str, Any] | None = None
        self._fields_changed = False
        self._closing = False
        self.child_dialog: QDialog | None = None
        self.general_problems: list[Problem] = []

        self.problems_label = QLabel(self)
        self.problems_label.setObjectName("formProblems")
        self.problems_label.setWordWrap(True)
        self.problems_label.setStyleSheet(f"color: {ERROR_COLOUR};")
        self.problems_label.hide()

        # Record forms: [History] [reports] … [Save] [Save and close] [Close]; editors: OK/Cancel
        # in the platform's order.
        self.button_bar = QWidget(self)
        bar = QHBoxLayout(self.button_bar)
        bar.setContentsMargins(0, 0, 0, 0)
        self._left_buttons = QHBoxLayout()
        bar.addLayout(self._left_buttons)
        bar.addStretch(1)
        # «Сохранено в 10:42» / «Не сохранено»: where the record stands, in the form's status line.
        self.save_state_label = QLabel(self.button_bar)
        self.save_state_label.setObjectName("formSaveState")
        self.save_state_label.setStyleSheet("color: palette(mid);")
        self.save_state_label.setVisible(False)
        bar.addWidget(self.save_state_label)
        if record:
            self.save_button: QPushButton = QPushButton(QCoreApplication.translate("FormDialog", "&Save"))
            self.save_button.setToolTip(QCoreApplication.translate("FormDialog", "Save and keep the form open (Ctrl+S)"))
            self.save_close_button: QPushButton | None = QPushButton(
                QCoreApplication.translate("FormDialog", "Save and c&lose"))
            self.save_close_button.setToolTip(QCoreApplication.translate("FormDialog", "Save and close (Ctrl+Enter)"))
            self.cancel_button = QPushButton(QCoreApplication.translate("FormDialog", "Close"))
            self.cancel_button.setToolTip(QCoreApplication.translate("FormDialog", "Close (Esc); asks about unsaved changes"))
            for button in (self.save_button, self.save_close_button, self.cancel_button):
                button.setAutoDefault(False)  # Enter in a field must not save the whole record
                bar.addWidget(button)
            self.save_button.clicked.connect(self.save)
            self.save_close_button.clicked.connect(self.save_and_close)
        else:
            box = QDialogButtonBox(self.button_bar)
            self.save_button = box.addButton(QDialogButtonBox.StandardButton.Ok)
            self.save_close_button = None
            self.cancel_button = box.addButton(QDialogButtonBox.StandardButton.Cancel)
            self.save_button.clicked.connect(self.save_and_close)
            self.save_button.setDefault(True)
            bar.addWidget(box)
        self.cancel_button.clicked.connect(self.reject)

        QShortcut(QKeySequence(QKeySequence.StandardKey.Save), self, activated=self._save_shortcut)
        QShortcut(QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_Return), self, activated=self.save_and_close)
        QShortcut(QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_Enter), self, activated=self.save_and_close)

    def showEvent(self, event: Any) -> None:
        self._closing = False  # shown again after a close: ask about changes again
        if self._loaded_fields is None and not self._dirty:
            self._remember_fields()  # a new record's form: its first values are the unchanged ones
        super().showEvent(event)

    # ---- to override -------------------------------------------------------------------------
    def revalidate(self) -> None:
        """Run the domain's cross-field rules on the current values (set rule errors)."""

    def commit(self) -> bool:
        """Save (a record form) or build the value (an editor); False leaves the form open."""
        raise NotImplementedError

    def normalise_fields(self) -> None:
        """Show every field as it will be stored (`a123bc40` → `А123ВС40`) before the record is read."""
        for field in self.validation.fields.values():
            field.normalise_text()

    def save_through_store(self, save: Callable[[], Any], key_of: Callable[[str], str | None]) -> Any:
        """Run a record form's save; the store's refusals go back on the fields or into a message.

        Returns what `save` returned, or None when nothing was saved (the form stays open).
        """
        from ...domain.errors import ValidationFailed
        from ...storage.errors import Conflict, DatabaseUnavailable, NotFound

        try:
            return save()
        except Conflict as e:  # another window or clerk saved it meanwhile: never overwritten silently
            from ..dialogs import conflict

            conflict.resolve(self, e)
        except ValidationFailed as e:
            self.general_problems = self.validation.set_store_problems(e.problems, key_of)
        except DatabaseUnavailable as e:
            self.inform(self.tr("Not saved"), e.text(current_language()))
        except NotFound:
            self.inform(self.tr("Not saved"), self.tr("Another clerk deleted this record while it was open here; "
                                                     "it was not saved again."))
        return None

    # ---- state -------------------------------------------------------------------------------
    def is_dirty(self) -> bool:
        return self._dirty or self._fields_changed

    def _remember_fields(self) -> None:
        self._loaded_fields = self.validation.raw_values()
        self._fields_changed = False

    def mark_dirty(self) -> None:
        if not self.validation.loading:
            self._dirty = True
            self.update_state()

    def mark_clean(self) -> None:
        self._dirty = False
        self._remember_fields()
        self.update_state()

    def is_valid(self) -> bool:
        return self.validation.all_valid()

    def _on_form_changed(self) -> None:
        if self._loaded_fields is None:  # (never while loading: the fields are quiet then)
            self._dirty = True
        else:
            self._fields_changed = self.validation.raw_values() != self._loaded_fields
        self.refresh()

    def refresh(self) -> None:
        """Re-run the rules and update the buttons and messages after any change."""
        self.revalidate()
        self.update_state()

    def setWindowTitle(self, title: str) -> None:  # noqa: N802 - Qt's name
        """Keep the subclass's title; «— не сохранено» is added to it while changes wait."""
        self._title = title
        self._show_save_state()

    def _show_save_state(self) -> None:
        title = self._title
        label = ""
        if self.record:
            at = self.saved_at.strftime("%H:%M") if self.saved_at else ""
            if self.is_dirty():
                title = QCoreApplication.translate("FormDialog", "%1 — not saved").replace("%1", title)
                if at:
                    label = QCoreApplication.translate("FormDialog", "Changed since it was saved at %1").replace("%1", at)
                elif getattr(self, "original", None) is not None:  # opened from the log, changed here
                    label = QCoreApplication.translate("FormDialog", "Changed, not saved")
                else:
                    label = QCoreApplication.translate("FormDialog", "Not saved yet")
            elif at:
                label = QCoreApplication.translate("FormDialog", "Saved at %1").replace("%1", at)
        if QDialog.windowTitle(self) != title:
            QDialog.setWindowTitle(self, title)
        if hasattr(self, "save_state_label"):
            self.save_state_label.setText(label)
            self.save_state_label.setVisible(bool(label))

    def saved_title(self) -> str:
        """The title without «— не сохранено»: what the record is."""
        return self._title

    def update_state(self) -> None:
        self._show_save_state()
        valid = self.is_valid()
        self.save_button.setEnabled(valid)
        if self.save_close_button is not None:
            self.save_close_button.setEnabled(valid)
        lines: list[str] = []
        lang = current_language()
        for problem in self.general_problems:
            lines.append(self.problem_text(problem, lang))
        if lines:
            # Once the line under the form names a problem it names them all: a date with no such
            # day beside a bad sum in a car's row read as if the sum were all that stopped the save
            # (the date's own message is under its field, perhaps on another tab).
            lines[:0] = [f"{label}: {error.text(lang)}" for key, label, error in self.validation.invalid()
                         if self.validation[key].shown()]
        if len(lines) > self.MAX_PROBLEM_LINES:
            more = len(lines) - (self.MAX_PROBLEM_LINES - 1)
            lines = [*lines[:self.MAX_PROBLEM_LINES - 1],
                     QCoreApplication.translate("FormDialog", "…and %1 more").replace("%1", str(more))]
        hidden = self.unfilled()
        if hidden:
            lines.append(QCoreApplication.translate("FormDialog", "To save, fill in: %1").replace("%1", ", ".join(hidden)))
        self.problems_label.setText("\n".join(lines))
        self.problems_label.setVisible(bool(lines))
        if not self.record:
            QTimer.singleShot(0, self, self._fit_editor_height)  # once the fields have shown their messages

    def _fit_editor_height(self) -> None:
        """An editor grows to what its lines need at its width: a field's message wrapped to a
        second line (the INN's «…получено 12345») was cut at the first."""
        layout = self.layout()
        if layout is None or not self.isVisible():
            return
        layout.activate()
        need = layout.totalHeightForWidth(self.width()) if layout.hasHeightForWidth() else layout.sizeHint().height()
        if need > self.height():
            self.resize(self.width(), need)

    def unfilled(self) -> list[str]:
        """The names of what still waits to be filled in and is not yet marked red."""
        return [label for key, label, _ in self.validation.invalid() if not self.validation[key].shown()]

    def problem_text(self, problem: Problem, lang: str) -> str:
        """How a problem that belongs to no field reads (forms name their paths)."""
        return problem.text(lang)

    # ---- actions -----------------------------------------------------------------------------
    def _save_shortcut(self) -> None:
        if self.record:
            self.save()
        else:
            self.save_and_close()

    def finish_editing(self) -> None:
        """Take what is being typed before saving: Ctrl+S in a person field typed into and not yet
        left saves the person typed, not the one the field showed before."""
        focused = QApplication.focusWidget()
        if isinstance(focused, SuggestEdit) and focused.window() is self:
            focused.accept_current()

    def save(self) -> bool:
        self.finish_editing()
        from ...storage.errors import DatabaseUnavailable

        try:
            self.refresh()  # checks against the log (the same item claimed elsewhere…) read it
        except DatabaseUnavailable as e:  # the log cannot be read now: said calmly, nothing typed is lost
            self.inform(self.tr("Not saved"), e.text(current_language()))
            return False
        if not self.is_valid():
            self.validation.show_all()
            self.update_state()
            field = self.validation.first_invalid()
            if field is not None:
                field.editor.setFocus()
            return False
        if not self.commit():
            self.update_state()
            return False
        self.conflict_reason = self.conflict_base = None
        self._dirty = False
        self._remember_fields()
        if self.record:
            self.saved_at = self.clock()
        self.update_state()
        return True

    def save_and_close(self) -> None:
        if self.save():
            self._closing = True
            self.accept()

    def reject(self) -> None:
        """Esc, Close and the window's ✕ all come here: ask before losing changes."""
        if self.is_dirty() and not self._closing and self.asks_before_discarding:
            choice = self.ask_unsaved()
            if choice == "cancel":
                return
            if choice == "save":
                self.save_and_close()
                return
        self._closing = True
        super().reject()

    def over_stored(self, record: Any, stored: Callable[[str], Any], merge: Callable[[Any, Any, Any], Any]) -> tuple[Any, bool]:
        """RECORD as this save writes it: after «Keep mine» (`dialogs.conflict.resolve`) only this
        form's own edits, merged over the stored record (`domain.merging`); True then, and the
        form shows the result once saved (`show_merged`)."""
        base, self.conflict_base = self.conflict_base, None
        theirs = stored(record.id) if base is not None else None
        if base is None or theirs is None:
            return record, False
        return merge(base, record, theirs), True

    def show_merged(self) -> None:
        """The merged record as stored, in a form opened again (after `over_stored`)."""
        QTimer.singleShot(0, self, self.reload_from_store)

    def reload_from_store(self) -> None:
        """Drop this form's changes and open the record again as stored (after a conflict)."""
        original = getattr(self, "original", None)
        self._dirty = self._fields_changed = False
        self._closing = True
        self.reject()
        if original is not None:
            again = type(self)(self.store, original.id, parent=self.parentWidget())  # type: ignore[attr-defined, call-arg]
            again.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            again.show()
            self.reloaded = again

    # ---- questions (patched in tests) --------------------------------------------------------
    def ask_conflict(self, error: Any) -> str:
        """'reload', 'mine' or 'cancel' (see dialogs.conflict)."""
        from ..dialogs import conflict

        return conflict.ask(self, error)

    def ask_unsaved(self) -> str:
        """'save', 'discard' or 'cancel'."""
        box = self.unsaved_question()
        box.exec()
        return box.property("answer") or "cancel"

    def unsaved_question(self) -> QMessageBox:
        """The unsaved-changes question. Its discard button reads «Не сохранять»: Qt's own
        «Отклонить» read to a clerk as "reject the claim"."""
        box = QMessageBox(QMessageBox.Icon.Question, QCoreApplication.translate("FormDialog", "Unsaved changes"),
                          QCoreApplication.translate("FormDialog", "Save the changes before closing?"), parent=self)
        save = box.addButton(QCoreApplication.translate("FormDialog", "&Save"), QMessageBox.ButtonRole.AcceptRole)
        discard = box.addButton(QCoreApplication.translate("FormDialog", "&Don't save"),
                                QMessageBox.ButtonRole.DestructiveRole)
        cancel = box.addButton(QCoreApplication.translate("FormDialog", "Cancel"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(save)
        box.setEscapeButton(cancel)
        for button, answer in ((save, "save"), (discard, "discard"), (cancel, "cancel")):
            button.clicked.connect(lambda _checked=False, a=answer: box.setProperty("answer", a))
        return box

    def confirm(self, title: str, text: str) -> bool:
        S = QMessageBox.StandardButton
        return QMessageBox.question(self, title, text, S.Yes | S.No, S.No) == S.Yes

    def inform(self, title: str, text: str) -> None:
        QMessageBox.warning(self, title, text)

    def open_child(self, dialog: QDialog) -> QDialog:
        """Open an editor window-modally without a nested event loop; its signals carry the result."""
        self.child_dialog = dialog
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        dialog.destroyed.connect(lambda *_: self._forget_child(dialog))
        dialog.finished.connect(lambda _r: return_keyboard(self))
        dialog.open()
        return dialog

    def add_left_buttons(self, *buttons: QPushButton) -> None:
        """Extra actions (History, reports) on the left of Save/Close."""
        for button in buttons:
            button.setAutoDefault(False)
            self._left_buttons.addWidget(button)

    def _forget_child(self, dialog: QDialog) -> None:
        if self.child_dialog is dialog:
            self.child_dialog = None


__all__ = [
    "ValidatedField",
    "FormValidation",
    "FormDialog",
    "read_editor",
    "qdate",
    "qdatetime_naive",
    "ERROR_COLOUR",
    "WARNING_COLOUR",
]
