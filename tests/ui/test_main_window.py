"""The main window driven as a clerk would: overview click-through, search, filters, delete, forms."""

from __future__ import annotations

import sys
import types

import pytest
from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

from desktop.domain.enums import ClaimStatus
from desktop.domain.views import Filters
from desktop.ui.labels import number_text
from desktop.ui.main_window import CLAIMS_TAB, INCIDENTS_TAB, MainWindow
from desktop.ui.models.registers import ROW_ROLE
from desktop.ui.widgets.filter_bar import FilterBar
from tests.ui.conftest import TODAY


def numbers(model) -> list[str]:
    return [model.data(model.index(r, 0), ROW_ROLE).number for r in range(model.rowCount())]


def select(page, row: int) -> None:
    page.view.selectRow(row)
    page.view.setCurrentIndex(page.model.index(row, 0))


def test_overview_shows_the_figures(window, qtbot):
    window.tabs.setCurrentIndex(0)  # the window opens on the tab the last one closed on
    qtbot.waitUntil(lambda: window.overview.figures is not None)
    buttons = window.overview.buttons
    assert buttons["incidents"].text() == "2"
    assert buttons["vehicles"].text() == "3"
    assert buttons["properties"].text() == "1"
    assert buttons["status:paid"].text() == "1"
    assert buttons["status:received"].text() == "0"
    assert buttons["overdue"].text() == "1"
    assert buttons["requested"].text() == "₽2,520,300.50"
    assert buttons["approved"].text() == "₽2,148,500.00"
    assert buttons["paid"].text() == "₽48,500.00"


def test_the_window_is_drawn_before_the_overview_reads_its_sums(sample_store, qtbot, monkeypatch):
    """The figures are sums over every record: a start does not wait for them, nor does a save
    made on another tab."""
    asked: list[int] = []
    real = sample_store.overview
    monkeypatch.setattr(sample_store, "overview", lambda *a, **k: asked.append(1) or real(*a, **k))
    win = MainWindow(sample_store, today=TODAY)
    qtbot.addWidget(win)
    win.tabs.setCurrentIndex(0)
    win.show()
    assert asked == [] and win.overview.buttons["incidents"].text() == "…"
    win.grab()  # the first paint
    assert asked == [] and not win.overview.chart.read  # the chart says «…», not «no claims yet»
    qtbot.waitUntil(lambda: win.overview.buttons["incidents"].text() == "2")
    assert asked == [1]
    win.tabs.setCurrentIndex(CLAIMS_TAB)
    win.refresh()
    assert asked == [1]  # hidden: read when next shown
    win.tabs.setCurrentIndex(0)
    qtbot.waitUntil(lambda: len(asked) == 2)


@pytest.mark.parametrize(("figure", "tab", "expected"), [
    ("overdue", CLAIMS_TAB, ["CLM-2026-0002"]),
    ("status:rejected", CLAIMS_TAB, ["CLM-2026-0003"]),
    ("paid", CLAIMS_TAB, ["CLM-2026-0001"]),
])
def test_overview_figure_opens_the_filtered_claims(window, qtbot, figure, tab, expected):
    qtbot.mouseClick(window.overview.buttons[figure], Qt.MouseButton.LeftButton)
    assert window.tabs.currentIndex() == tab
    assert numbers(window.claim_model) == expected
    assert window.count_label.text() == "1 claim matches the filter"


def test_overview_figure_opens_the_filtered_incidents(window, qtbot):
    qtbot.mouseClick(window.overview.buttons["properties"], Qt.MouseButton.LeftButton)
    assert window.tabs.currentIndex() == INCIDENTS_TAB
    model = window.incident_model
    assert [model.data(model.index(r, 0)) for r in range(model.rowCount())] == ["INC-2026-0002"]
    chip = window.incidents.filter_bar.chip
    assert chip.isVisible() and "property" in chip.text()
    qtbot.mouseClick(chip, Qt.MouseButton.LeftButton)  # the chip takes the hidden filter away
    assert model.rowCount() == 2


def test_status_bar_counts_the_current_filter(window, qtbot):
    window.tabs.setCurrentIndex(INCIDENTS_TAB)
    assert window.count_label.text() == "2 incidents"
    bar: FilterBar = window.incidents.filter_bar
    bar.district.toggle("г. Калуга")
    assert window.incident_model.rowCount() == 1
    assert window.count_label.text() == "1 incident matches the filter"
    window.tabs.setCurrentIndex(CLAIMS_TAB)
    assert window.count_label.text() == "4 claims"


def test_district_list_offers_the_office_list_and_districts_in_use(window):
    checklist = window.claims.filter_bar.district
    assert checklist.text().startswith("All districts") and checklist.checked() == ()
    names = checklist.names()
    assert names[0:2] == ["г. Калуга", "г. Обнинск"]
    assert "Боровский район" in names
    assert names[-1] == "Гатчинский район"  # in use, not in the office's list


def test_ctrl_f_focuses_search_and_typing_filters_after_a_pause(window, qtbot):
    window.tabs.setCurrentIndex(CLAIMS_TAB)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    search = window.claims.filter_bar.search
    assert search.hasFocus()
    with qtbot.waitSignal(window.claims.filter_bar.filtersChanged, timeout=2000) as blocker:
        qtbot.keyClicks(search, "m456")  # Kuznetsov's Kia, typed on a Latin keyboard
    assert blocker.args[0].text == "m456"
    assert numbers(window.claim_model) == ["CLM-2026-0002"]


def test_search_waits_for_the_last_key(window, qtbot):
    bar = window.incidents.filter_bar
    emitted: list[Filters] = []
    bar.filtersChanged.connect(emitted.append)
    with qtbot.waitSignal(bar.filtersChanged, timeout=2000):
        qtbot.keyClicks(bar.search, "xtagfl110")  # the start of a VIN
    assert len(emitted) == 1  # one query for the whole word, not one per letter
    assert window.incident_model.rowCount() == 1


def test_a_search_runs_once_however_fast_the_keys_come(window, qtbot, monkeypatch):
    """The count and page of a full-text search hold the window (~0.6 s over a million incidents):
    a word costs one count and one page, and keys typed while one runs start one more, not one each."""
    window.tabs.setCurrentIndex(INCIDENTS_TAB)
    bar = window.incidents.filter_bar
    store = window.store
    counts: list[str | None] = []
    pages: list[str | None] = []
    count_incidents, incident_rows = store.count_incidents, store.incident_rows

    def counting(filters, *args):
        counts.append(filters.text)
        if len(counts) == 1:  # the clerk types on while the window is busy with this query
            for key in "110":
                for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                    QApplication.postEvent(bar.search, QKeyEvent(kind, Qt.Key.Key_0 + int(key),
                                                                 Qt.KeyboardModifier.NoModifier, key))
        return count_incidents(filters, *args)

    def paging(filters, *args):
        pages.append(filters.text)
        return incident_rows(filters, *args)

    monkeypatch.setattr(store, "count_incidents", counting)
    monkeypatch.setattr(store, "incident_rows", paging)
    with qtbot.waitSignal(bar.filtersChanged, timeout=2000):
        qtbot.keyClicks(bar.search, "xtagfl")
    assert counts == ["xtagfl"] and pages == ["xtagfl"]  # not one query per letter
    qtbot.waitUntil(lambda: len(counts) == 2)
    qtbot.waitUntil(lambda: not bar._timer.isActive())
    QApplication.processEvents()
    assert counts == ["xtagfl", "xtagfl110"]  # the keys typed meanwhile: one more search
    assert pages == ["xtagfl", "xtagfl110"]
    assert window.incident_model.rowCount() == 1


def test_alt_and_a_letter_is_never_typed_into_the_search(qtbot):
    """With the Latin layout on, Alt+A (a Russian menu's letter on that key) typed «a» into the
    search box and filtered the register (found under Xvfb); letters alone and AltGr still type."""
    bar = FilterBar(FilterBar.CLAIMS)
    qtbot.addWidget(bar)
    bar.show()
    bar.search.setFocus()
    qtbot.keyClick(bar.search, Qt.Key.Key_A, Qt.KeyboardModifier.AltModifier)
    assert bar.search.text() == ""
    qtbot.keyClicks(bar.search, "ab")
    qtbot.keyClick(bar.search, Qt.Key.Key_C, Qt.KeyboardModifier.AltModifier | Qt.KeyboardModifier.ControlModifier)
    assert bar.search.text() in ("ab", "abc")  # Ctrl+Alt is AltGr on Windows: left to the platform


def test_filter_bar_round_trip(qtbot):
    from datetime import date

    bar = FilterBar(FilterBar.CLAIMS)
    qtbot.addWidget(bar)
    bar.set_districts(["г. Калуга", "Боровский район"])
    wanted = Filters(date_from=date(2026, 9, 1), date_to=date(2026, 9, 30), districts=("Боровский район",),
                     status=ClaimStatus.UNDER_REVIEW, text="Кузнецов", overdue_only=True)
    with qtbot.waitSignal(bar.filtersChanged) as blocker:
        bar.set_filters(wanted)
    assert blocker.args == [wanted]
    assert bar.filters() == wanted
    with qtbot.waitSignal(bar.filtersChanged) as blocker:
        bar.reset()
    assert blocker.args == [Filters()]
    # A period typed backwards still means that period.
    bar.date_from.set_value(date(2026, 9, 30))
    bar.date_to.set_value(date(2026, 9, 1))
    assert (bar.filters().date_from, bar.filters().date_to) == (date(2026, 9, 1), date(2026, 9, 30))


def test_sorting_by_clicking_a_header(window, qtbot):
    window.tabs.setCurrentIndex(CLAIMS_TAB)
    header = window.claims.view.horizontalHeader()
    column = window.claim_model.column_of("number")
    header.setSortIndicator(column, Qt.SortOrder.AscendingOrder)
    assert numbers(window.claim_model) == ["CLM-2026-0001", "CLM-2026-0002", "CLM-2026-0003", "CLM-2026-0004"]
    counts = window.incident_model.column_of("claims")
    window.incidents.view.horizontalHeader().setSortIndicator(counts, Qt.SortOrder.AscendingOrder)
    # Counts are not sortable: the indicator stays where the sort is.
    assert window.incidents.view.horizontalHeader().sortIndicatorSection() == window.incident_model.column_of("occurred_at")


def test_delete_asks_first(window, monkeypatch):
    from desktop.domain.transitions import is_locked

    window.tabs.setCurrentIndex(CLAIMS_TAB)
    open_row = next(r for r in range(window.claim_model.rowCount()) if not is_locked(window.claim_model.row_at(r).status))
    select(window.claims, open_row)
    doomed = window.claims.current_id()
    number = window.claim_model.row_at(open_row).number
    asked: list[str] = []

    def answer(reply):
        def question(parent, title, text, *args):
            asked.append(text)
            return reply
        return question

    monkeypatch.setattr(QMessageBox, "question", answer(QMessageBox.StandardButton.No))
    window.delete_action.trigger()
    assert window.claim_model.rowCount() == 4
    monkeypatch.setattr(QMessageBox, "question", answer(QMessageBox.StandardButton.Yes))
    window.delete_action.trigger()
    assert window.claim_model.rowCount() == 3
    assert window.store.get_claim(doomed) is None
    assert number in asked[0]


def test_an_incident_with_claims_is_not_deleted(window, monkeypatch):
    window.tabs.setCurrentIndex(INCIDENTS_TAB)
    select(window.incidents, 0)
    warned: list[str] = []
    asked: list[str] = []
    monkeypatch.setattr(QMessageBox, "question", lambda *a: asked.append(a[2]) or QMessageBox.StandardButton.Yes)
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text, *a: warned.append(text))
    window.delete_action.trigger()
    assert window.incident_model.rowCount() == 2
    assert "has claims" in warned[0] and asked == []  # refused before the question, not after «Да»


def test_a_decided_or_paid_claim_is_not_deleted(window, monkeypatch):
    from desktop.domain.transitions import is_locked

    window.tabs.setCurrentIndex(CLAIMS_TAB)
    locked = next(r for r in range(window.claim_model.rowCount()) if is_locked(window.claim_model.row_at(r).status))
    select(window.claims, locked)
    doomed = window.claims.current_id()
    warned: list[str] = []
    asked: list[str] = []
    monkeypatch.setattr(QMessageBox, "question", lambda *a: asked.append(a[2]) or QMessageBox.StandardButton.Yes)
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text, *a: warned.append(text))
    window.delete_action.trigger()
    assert window.store.get_claim(doomed) is not None and asked == []
    assert "Reverse the payment" in warned[0]


class _FakeForm(QDialog):
    saved = Signal(str)
    opened: list[tuple] = []

    def __init__(self, store, record_id, *args, **kwargs):
        super().__init__(kwargs.get("parent") or (args[-1] if args else None))
        _FakeForm.opened.append((type(self).__name__, record_id, kwargs.get("incident_id")))


@pytest.fixture
def fake_forms(monkeypatch):
    """Stand-ins for the record forms (their own tests drive the real ones)."""
    _FakeForm.opened = []
    for module, name in (("incident_form", "IncidentDialog"), ("claim_form", "ClaimDialog")):
        fake = types.ModuleType(f"desktop.ui.dialogs.{module}")
        setattr(fake, name, type(name, (_FakeForm,), {}))
        monkeypatch.setitem(sys.modules, f"desktop.ui.dialogs.{module}", fake)
    return _FakeForm.opened


def test_enter_and_double_click_open_the_record(window, qtbot, fake_forms):
    window.tabs.setCurrentIndex(INCIDENTS_TAB)
    view = window.incidents.view
    select(window.incidents, 1)
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Return)
    assert fake_forms[-1] == ("IncidentDialog", window.incident_model.id_at(1), None)
    window.last_dialog.close()
    window.tabs.setCurrentIndex(CLAIMS_TAB)
    rect = window.claims.view.visualRect(window.claim_model.index(2, 1))
    qtbot.mouseClick(window.claims.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(window.claims.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert fake_forms[-1] == ("ClaimDialog", window.claim_model.id_at(2), None)


def test_new_records_and_a_save_refreshes_the_registers(window, qtbot, fake_forms):
    window.new_incident_action.trigger()
    assert fake_forms[-1] == ("IncidentDialog", None, None)
    window.last_dialog.close()
    window.tabs.setCurrentIndex(INCIDENTS_TAB)
    select(window.incidents, 0)
    window.new_claim_action.trigger()  # on the incidents tab: a claim for the selected incident
    assert fake_forms[-1] == ("ClaimDialog", None, window.incident_model.id_at(0))
    window.store.delete_claim(window.claim_model.id_at(0))  # someone writes; the form then says saved
    with qtbot.waitSignal(window.claim_model.modelReset):
        window.last_dialog.saved.emit("any-id")
    assert window.claim_model.rowCount() == 3


def test_a_record_saved_in_its_form_is_selected_in_the_register(window, qtbot, fake_forms):
    window.tabs.setCurrentIndex(INCIDENTS_TAB)
    select(window.incidents, 0)
    saved = window.incident_model.id_at(1)  # as if a new incident had been saved: not the row selected
    window.new_incident_action.trigger()
    with qtbot.waitSignal(window.incident_model.modelReset):
        window.last_dialog.saved.emit(saved)
    assert window.incidents.selected_id() == saved


def test_the_overviews_status_line_has_its_counts_once_read(sample_store, qtbot):
    win = MainWindow(sample_store, today=TODAY, remember_state=False)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitUntil(lambda: win.overview.figures is not None)
    assert win.count_label.text() == "2 incidents, 4 claims"


def test_enter_on_an_overview_figure_opens_its_register(window, qtbot):
    window.tabs.setCurrentIndex(0)
    qtbot.waitUntil(lambda: window.overview.figures is not None)
    button = window.overview.buttons["status:paid"]
    button.setFocus()
    with qtbot.waitSignal(window.overview.openRegister) as opened:
        qtbot.keyClick(button, Qt.Key.Key_Return)
    assert opened.args[0] == "claims" and opened.args[1].status == ClaimStatus.PAID


def test_shift_f10_opens_the_claims_context_menu_at_the_current_row(window, qtbot):
    window.tabs.setCurrentIndex(CLAIMS_TAB)
    view = window.claims.view
    select(window.claims, 1)
    asked: list = []
    view.customContextMenuRequested.connect(asked.append)
    qtbot.keyClick(view, Qt.Key.Key_F10, Qt.KeyboardModifier.ShiftModifier)
    assert asked == [view.visualRect(view.currentIndex()).center()]


@pytest.mark.parametrize("tab", [INCIDENTS_TAB, CLAIMS_TAB])
def test_a_record_deleted_by_another_clerk_is_a_message_and_a_refresh(window, qtbot, monkeypatch, tab):
    page = window.incidents if tab == INCIDENTS_TAB else window.claims
    window.tabs.setCurrentIndex(tab)
    select(page, 0)
    gone = page.current_id()
    # Another clerk's window deletes the record; this window's register still lists it.
    if tab == INCIDENTS_TAB:
        for claim in window.store.claims_for_incident(gone):
            window.store.delete_claim(claim.id)
        window.store.delete_incident(gone)
    else:
        window.store.delete_claim(gone)
    before = page.model.rowCount()
    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda parent, title, text, *a: told.append(text))
    page.view.setFocus()
    qtbot.keyClick(page.view, Qt.Key.Key_Return)  # the real form, which finds no record
    assert told == ["This record no longer exists; the register is refreshed."]
    assert page.model.rowCount() == before - 1
    assert gone not in [page.model.id_at(r) for r in range(page.model.rowCount())]
    assert window.last_dialog is None and not window.findChildren(QDialog)  # no half-built form left behind


def test_ctrl_n_opens_a_new_incident_from_any_tab(window, qtbot, fake_forms):
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    for tab in (CLAIMS_TAB, INCIDENTS_TAB):
        window.tabs.setCurrentIndex(tab)
        window.current_page().view.setFocus()
        qtbot.keyClick(window.current_page().view, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
        assert fake_forms[-1] == ("IncidentDialog", None, None)
        window.last_dialog.close()
    assert len(fake_forms) == 2


@pytest.mark.parametrize("tab", [INCIDENTS_TAB, CLAIMS_TAB])
def test_the_delete_key_in_a_register_asks_first(window, qtbot, monkeypatch, tab):
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.tabs.setCurrentIndex(tab)
    page = window.current_page()
    if tab == INCIDENTS_TAB:  # an incident with claims is refused: make one without
        incident_id = page.model.id_at(0)
        for claim in window.store.claims_for_incident(incident_id):
            window.store.delete_claim(claim.id)
        window.refresh()
        row = 0
    else:  # a decided or paid claim is refused: take an open one
        from desktop.domain.transitions import is_locked

        row = next(r for r in range(page.model.rowCount()) if not is_locked(page.model.row_at(r).status))
    select(page, row)
    doomed = page.current_id()
    answers = [QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes]
    asked: list[str] = []

    def question(parent, title, text, *args):
        asked.append(text)
        return answers.pop(0)

    monkeypatch.setattr(QMessageBox, "question", question)
    page.view.setFocus()
    before = page.model.rowCount()
    qtbot.keyClick(page.view, Qt.Key.Key_Delete)
    assert len(asked) == 1 and page.model.rowCount() == before  # "No": nothing deleted
    qtbot.keyClick(page.view, Qt.Key.Key_Delete)
    assert len(asked) == 2 and page.model.rowCount() == before - 1
    assert doomed not in [page.model.id_at(r) for r in range(page.model.rowCount())]
    # In the search field the key deletes text, not records.
    search = page.filter_bar.search
    search.setText("abc")
    search.setFocus()
    search.setCursorPosition(0)
    qtbot.keyClick(search, Qt.Key.Key_Delete)
    assert search.text() == "bc" and len(asked) == 2
    search.clear()
    page.filter_bar.flush()  # no search left pending for after the test


def test_missing_form_module_is_a_message_not_a_crash(window, monkeypatch):
    monkeypatch.setitem(sys.modules, "desktop.ui.dialogs.history", None)  # import fails
    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda parent, title, text, *a: told.append(text))
    window.tabs.setCurrentIndex(CLAIMS_TAB)
    select(window.claims, 0)
    window.history_action.trigger()
    assert told == ["This form is not available in this build."]


def test_geometry_is_remembered(sample_store, qtbot):
    first = MainWindow(sample_store)
    qtbot.addWidget(first)
    first.show()
    first.resize(1100, 650)
    qtbot.waitUntil(lambda: first.width() == 1100)
    first.tabs.setCurrentIndex(CLAIMS_TAB)
    first.close()
    second = MainWindow(sample_store)
    qtbot.addWidget(second)
    second.show()
    assert (second.width(), second.height()) == (1100, 650)
    assert second.tabs.currentIndex() == CLAIMS_TAB


def test_a_register_is_built_when_its_tab_is_first_shown(sample_store, qtbot, monkeypatch):
    """The start draws the overview only: no filter bar, table or page of rows of a register
    the clerk has not looked at (each costs the start milliseconds; a long log costs more)."""
    read: list[str] = []
    for name in ("incident_rows", "claim_rows", "vehicle_rows", "person_rows"):
        real = getattr(sample_store, name)
        monkeypatch.setattr(sample_store, name, lambda *a, _n=name, _r=real, **k: read.append(_n) or _r(*a, **k))
    win = MainWindow(sample_store, today=TODAY, remember_state=False)
    qtbot.addWidget(win)
    win.show()
    win.grab()
    pages = win.registers()
    assert not any(page.is_built for page in pages) and read == []
    assert win.claim_actions.decision_notice_action.isEnabled()  # there are claims: it asks for a number
    win.tabs.setCurrentIndex(CLAIMS_TAB)
    assert win.claims.is_built and win.claims.view.isVisible() and win.claims.filter_bar.isVisible()
    assert [p.is_built for p in pages] == [False, True, False, False] and read == ["claim_rows"]
    assert win.claims.selected_id() is not None  # the first row, ready for Enter and Delete
    assert win.delete_action.isEnabled() and win.claim_sheet_button.isEnabled()
    assert win.claim_sheet_button.isVisible()  # the buttons made at start are in the built page's row
    win.tabs.setCurrentIndex(INCIDENTS_TAB)
    assert win.incidents.selected_id() is not None and win.delete_incident_button.isEnabled()
    assert win.incidents.filter_bar.district.names()[:2] == ["г. Калуга", "г. Обнинск"]  # given before it was built


def test_a_claims_paper_from_another_tab_offers_the_first_claim_without_building_the_register(sample_store, qtbot,
                                                                                               monkeypatch):
    window = MainWindow(sample_store, today=TODAY, remember_state=False)  # on the overview
    qtbot.addWidget(window)
    window.show()
    asked: list[str] = []
    monkeypatch.setattr(window, "_ask", lambda title, label, default="": asked.append(default))
    window.report_claim()
    assert asked == [number_text(window.claim_model.row_at(0).number)]
    assert not window.claims.is_built


def test_column_widths_are_kept_for_registers_built_late_or_never(sample_store, qtbot):
    first = MainWindow(sample_store, today=TODAY)
    qtbot.addWidget(first)
    first.show()
    first.tabs.setCurrentIndex(CLAIMS_TAB)
    first.claims.view.horizontalHeader().resizeSection(1, 333)
    first.close()  # the incidents register was never shown: its columns are left as they were
    second = MainWindow(sample_store, today=TODAY)
    qtbot.addWidget(second)
    second.show()
    assert second.tabs.currentIndex() == CLAIMS_TAB
    assert second.claims.view.horizontalHeader().sectionSize(1) == 333
    second.tabs.setCurrentIndex(INCIDENTS_TAB)
    second.incidents.view.horizontalHeader().resizeSection(2, 222)
    second.close()
    third = MainWindow(sample_store, today=TODAY)
    qtbot.addWidget(third)
    assert third.incidents.view.horizontalHeader().sectionSize(2) == 222
    assert third.claims.view.horizontalHeader().sectionSize(1) == 333


def test_actions_follow_the_selection(window):
    window.tabs.setCurrentIndex(CLAIMS_TAB)
    window.claims.view.clearSelection()
    assert not window.delete_action.isEnabled()
    select(window.claims, 0)
    assert window.delete_action.isEnabled()
    assert window.claim_sheet_button.isEnabled()


def test_a_cut_search_is_said_in_the_status_bar(window, qtbot, monkeypatch):
    from desktop.storage.sqlite import queries

    monkeypatch.setattr(queries, "SEARCH_LIMIT", 1)
    window.tabs.setCurrentIndex(INCIDENTS_TAB)
    bar = window.incidents.filter_bar
    with qtbot.waitSignal(bar.filtersChanged, timeout=2000):
        qtbot.keyClicks(bar.search, "inc")  # in every incident's reference
    assert window.incident_model.rowCount() == 1
    assert "a very common search" in window.count_label.text()
    bar.search.clear()
    qtbot.waitUntil(lambda: window.incident_model.rowCount() == 2)
    assert "a very common search" not in window.count_label.text()


def test_record_forms_are_non_modal_several_at_once_one_per_record(window, qtbot):
    window.tabs.setCurrentIndex(CLAIMS_TAB)
    first_id, second_id = window.claim_model.id_at(0), window.claim_model.id_at(1)
    window.open_claim(first_id)
    first = window.last_dialog  # a child of the window: closed (and deleted) below
    assert first.windowModality() == Qt.WindowModality.NonModal and not first.isModal()
    assert window.isEnabled() and QApplication.activeModalWidget() is None  # the registers stay usable
    window.open_claim(second_id)
    second = window.last_dialog
    assert second is not first and first.isVisible() and second.isVisible()
    window.open_claim(first_id)  # the same record again: its open form comes forward, no second copy
    assert window.last_dialog is first
    for form in (first, second):
        form.close()
