"""The Russian window speaks the office's language: its numbering, file names, attachments, import
problems and grammar; a record form says whether it is saved."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QMessageBox

from desktop.domain.enums import PersonKind
from desktop.domain.models import Incident, Person
from desktop.domain.views import Filters
from desktop.storage import Store
from desktop.ui import i18n
from desktop.ui.dialogs.claim_form import ClaimDialog
from desktop.ui.dialogs.incident_form import IncidentDialog
from desktop.ui.dialogs.person_picker import SimilarPeoplePanel
from desktop.ui.dialogs.report_preview import suggested_name
from desktop.ui.main_window import MainWindow
from desktop.ui.models.registers import ClaimRegisterModel, IncidentRegisterModel
from desktop.ui.widgets.overview import CLAIMS, INCIDENTS
from desktop.ui.widgets.problem_list import ProblemListDialog
from tests.samples import sample
from tests.ui.conftest import TODAY
from tests.ui.forms_fixtures import no_modal_loops, seed_kaluga, type_into  # noqa: F401 - autouse: no modal question blocks


@pytest.fixture
def russian() -> Iterator[None]:
    """The window in Russian, with its real catalogue (the autouse fixture puts English back)."""
    i18n.install("ru")
    yield


@pytest.fixture
def russian_window(russian: None, sample_store: Store, qtbot: Any) -> MainWindow:
    win = MainWindow(sample_store, today=TODAY)
    qtbot.addWidget(win)
    win.resize(1366, 768)
    win.show()
    return win


def column(model: Any, key: str) -> list[str]:
    return [model.data(model.index(r, model.column_of(key))) for r in range(model.rowCount())]


# ---- numbers ----------------------------------------------------------------------------------
def test_registers_show_the_offices_numbering_in_russian(russian: None, sample_store: Store) -> None:
    incidents = IncidentRegisterModel(sample_store)
    assert sorted(column(incidents, "reference")) == ["П-2026-0001", "П-2026-0002"]
    claims = ClaimRegisterModel(sample_store, today=TODAY)
    assert sorted(column(claims, "number")) == ["З-2026-0001", "З-2026-0002", "З-2026-0003", "З-2026-0004"]
    assert set(column(claims, "incident_reference")) == {"П-2026-0001", "П-2026-0002"}


def test_registers_keep_the_stored_numbers_in_english(sample_store: Store) -> None:
    assert sorted(column(IncidentRegisterModel(sample_store), "reference")) == ["INC-2026-0001", "INC-2026-0002"]


def test_forms_are_titled_with_the_offices_numbering(russian: None, qtbot: Any, sample_store: Store) -> None:
    incident = sample_store.get_incident_by_reference("INC-2026-0001")
    assert incident is not None
    form = IncidentDialog(sample_store, incident.id)
    qtbot.addWidget(form)
    assert form.windowTitle() == "Происшествие П-2026-0001"
    assert form.reference.text() == "П-2026-0001"
    claim = sample_store.get_claim_by_number("CLM-2026-0002")
    assert claim is not None
    dialog = ClaimDialog(sample_store, claim.id)
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "Заявление З-2026-0002"
    assert dialog.number.text() == "З-2026-0002"
    assert dialog.incident_ref.text().startswith("П-2026-0001 · ")


@pytest.mark.parametrize("typed", ["П-2026-0001", "п-2026-1", "INC-2026-0001"])
def test_a_new_claim_finds_its_incident_by_either_number(russian: None, qtbot: Any, sample_store: Store,
                                                        typed: str) -> None:
    dialog = ClaimDialog(sample_store, None)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.incident_ref.placeholderText() == "П-2026-0001"
    type_into(qtbot, dialog.incident_ref, typed)
    assert dialog.incident is not None and dialog.incident.reference == "INC-2026-0001"
    assert dialog.validation["incident_id"].error_text() == ""


def test_the_delete_question_names_the_claim_as_the_register_shows_it(russian_window: MainWindow,
                                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    from desktop.domain.transitions import is_locked

    window = russian_window
    window.tabs.setCurrentWidget(window.claims)
    model = window.claim_model
    row = next(r for r in range(model.rowCount()) if not is_locked(model.row_at(r).status))
    window.claims.view.setCurrentIndex(model.index(row, 0))
    asked: list[str] = []
    monkeypatch.setattr(QMessageBox, "question", lambda parent, title, text, *a: asked.append(text) or QMessageBox.StandardButton.No)
    window.delete_action.trigger()
    shown = model.data(model.index(row, model.column_of("number")))
    assert shown.startswith("З-") and shown in asked[0] and "CLM-" not in asked[0]


# ---- saved files ------------------------------------------------------------------------------
def test_saved_reports_are_named_in_russian() -> None:
    today = datetime.now().date().isoformat()
    assert suggested_name("claim", number="CLM-2026-0001", lang="ru") == "Заявление З-2026-0001.pdf"
    assert suggested_name("incident", reference="INC-2026-0001", lang="ru") == "Происшествие П-2026-0001.pdf"
    assert suggested_name("register", lang="ru") == f"Реестр заявлений {today}.pdf"
    assert suggested_name("request-documents", number="CLM-2026-0002", lang="ru") == "Запрос документов З-2026-0002.pdf"
    assert suggested_name("claim", number="CLM-2026-0001", lang="en") == "Claim CLM-2026-0001.pdf"
    assert suggested_name("incident", reference="КАЛ/12", lang="ru") == "Происшествие КАЛ_12.pdf"  # no folder in a name


def test_the_report_preview_saves_under_the_russian_name(russian_window: MainWindow, qtbot: Any) -> None:
    from desktop.ui.dialogs.report_preview import show_report

    request = show_report(russian_window, russian_window.store.path, "claim", number="CLM-2026-0002")
    with qtbot.waitSignal(request.previewReady, timeout=30_000) as ready:
        pass
    dialog = ready.args[0]
    qtbot.addWidget(dialog)
    assert dialog.pdf.name == "Заявление З-2026-0002.pdf"
    assert dialog.windowTitle() == "Карточка заявления З-2026-0002"


# ---- attachments ------------------------------------------------------------------------------
def test_attachments_say_what_they_are_and_how_big(russian: None, qtbot: Any, store: Store, tmp_path: Path) -> None:
    incident, _people = seed_kaluga(store)
    scan = tmp_path / "акт осмотра.pdf"
    scan.write_bytes(b"%PDF-1.4 " + b"x" * (151_552 - 9))
    dialog = ClaimDialog(store, None, incident.id)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.choose_files = lambda: [str(scan)]  # type: ignore[method-assign]
    dialog.add_attachments()
    table = dialog.attachment_table
    assert [table.horizontalHeaderItem(c).text() for c in range(table.columnCount())] == ["Файл", "Вид", "Размер"]
    assert [table.item(0, c).text() for c in range(3)] == ["акт осмотра.pdf", "PDF-документ", "148\u00a0КБ"]


# ---- import problems --------------------------------------------------------------------------
def test_a_refused_import_names_the_records_in_words(russian_window: MainWindow, qtbot: Any,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    shown: list[list[str]] = []
    monkeypatch.setattr(ProblemListDialog, "show_problems",
                        classmethod(lambda cls, parent, title, intro, lines: shown.append(lines)))
    job = russian_window.import_data(sample("sample-invalid.json"))
    with qtbot.waitSignal(job.ended, timeout=20_000):
        pass
    lines = shown[0]
    assert "Происшествие №1, ТС 1, VIN: ожидается 17 символов, получено 16" in lines
    assert any(line.startswith("Заявление №1, выплата, сумма: ") for line in lines)
    assert any(line.startswith("Лицо №1, ИНН: ") for line in lines)
    assert not any("incidents[" in line or "claims[" in line or "people[" in line for line in lines)


def test_the_export_message_counts_лица(russian_window: MainWindow, qtbot: Any, tmp_path: Path,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    said: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda parent, title, text, *a: said.append(text))
    job = russian_window.export_data(tmp_path / "out.json", use_filter=False)
    with qtbot.waitSignal(job.ended, timeout=20_000):
        pass
    assert "лиц: " in said[-1] and "людей" not in said[-1]


# ---- grammar ----------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("name", "kind", "expected"),
    [
        ("Смирнова Анна Викторовна", PersonKind.PERSON, "Смирнова Анна Викторовна похожа на лицо"),
        ("Кузнецов Игорь Петрович", PersonKind.PERSON, "Кузнецов Игорь Петрович похож на лицо"),
        ("ООО «Ромашка»", PersonKind.ORGANISATION, "ООО «Ромашка» похоже на организацию"),
        ("Ли Ю", PersonKind.PERSON, "Возможно, Ли Ю уже есть в журнале"),  # no patronymic: no gendered verb
    ],
)
def test_the_possible_duplicate_is_asked_about_in_the_persons_gender(russian: None, qtbot: Any, name: str,
                                                                     kind: PersonKind, expected: str) -> None:
    person = Person(id="p1", kind=kind, full_name=name)
    assert SimilarPeoplePanel.similar_text(person).startswith(expected)


def test_status_bar_sentences_start_with_a_capital(russian_window: MainWindow) -> None:
    window = russian_window
    window.open_register(INCIDENTS, Filters(text="П-2026-0001"))  # the office's number, searched
    assert window.incident_model.rowCount() == 1
    assert window.count_label.text() == "Фильтру соответствует 1 происшествие"
    window.open_register(CLAIMS, Filters(text="З-2026-000"))
    assert window.count_label.text() == "Фильтру соответствуют 4 заявления"


# ---- saved or not -----------------------------------------------------------------------------
def test_a_form_says_it_is_saved_and_its_title_says_when_it_is_not(russian: None, qtbot: Any, store: Store,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    from desktop.ui.widgets.validated import FormDialog

    incident: Incident = seed_kaluga(store)[0]
    monkeypatch.setattr(FormDialog, "clock", staticmethod(lambda: datetime(2026, 10, 20, 10, 42)))
    form = IncidentDialog(store, incident.id)
    qtbot.addWidget(form)
    form.show()
    assert form.windowTitle() == "Происшествие П-2026-0001"
    assert not form.save_state_label.isVisible()

    type_into(qtbot, form.location, ", у моста")
    assert form.is_dirty()
    assert form.windowTitle() == "Происшествие П-2026-0001 — не сохранено"
    assert form.save_state_label.text() == "Изменено, не сохранено"  # opened from the log, not a new record

    assert form.save()
    assert form.windowTitle() == "Происшествие П-2026-0001"
    assert form.save_state_label.isVisible() and form.save_state_label.text() == "Сохранено в 10:42"

    type_into(qtbot, form.location, "!")
    assert form.windowTitle().endswith("— не сохранено")
    assert form.save_state_label.text() == "Изменено после сохранения в 10:42"


def test_a_new_form_is_said_unsaved_once_something_is_typed(russian: None, qtbot: Any, store: Store) -> None:
    form = IncidentDialog(store, None)
    qtbot.addWidget(form)
    form.show()
    assert form.windowTitle() == "Новое происшествие"
    type_into(qtbot, form.location, "у пруда")
    assert form.windowTitle() == "Новое происшествие — не сохранено"


def test_a_save_conflict_names_the_claim_by_the_offices_number(russian: None) -> None:
    from desktop.storage.errors import Conflict
    from desktop.ui.dialogs.conflict import conflict_text

    text = conflict_text(Conflict("claim", "c1", "CLM-2026-0002", 3, "petrova", "2026-10-20T10:42:00+03:00"))
    assert text.startswith("Заявление З-2026-0002 ") and "petrova" in text and "CLM-" not in text
    person = conflict_text(Conflict("person", "p1", "Смирнова Анна Викторовна", 2, "petrova", None))
    assert "Смирнова Анна Викторовна" in person


def test_the_history_shows_the_offices_number(russian: None, qtbot: Any, store: Store) -> None:
    from desktop.ui.dialogs.history import HistoryDialog

    incident, _people = seed_kaluga(store)
    dialog = HistoryDialog(store, incident.id)
    qtbot.addWidget(dialog)
    text = dialog.visible_text()
    assert "П-2026-0001" in text and "INC-2026" not in text
