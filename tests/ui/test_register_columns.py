"""Columns a clerk hides from a register (right-click on the column titles) stay hidden: across a
re-read of the register and the next start; the last one shown cannot be hidden.

At 1280 pixels the claims register's eleven fixed columns left the claimant's name, the one that
stretches, 96 pixels; hiding a column the clerk does not need gives its room to the name."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QSettings, Qt

from desktop.ui.main_window import CLAIMS_TAB, OVERVIEW_TAB
from desktop.ui.models.registers import ClaimRegisterModel
from desktop.ui.widgets.register_page import RegisterView
from tests.ui.conftest import TODAY


def view_of(store: Any, qtbot: Any) -> RegisterView:
    view = RegisterView(ClaimRegisterModel(store, today=TODAY))
    qtbot.addWidget(view)
    view.resize(1280, 400)
    view.show()
    return view


def ticks(view: RegisterView) -> dict[str, bool]:
    return {a.text(): a.isChecked() for a in view.column_menu().actions() if a.isCheckable()}


def test_a_hidden_column_gives_its_room_to_the_claimant_and_comes_back_at_the_next_start(
        sample_store: Any, qtbot: Any, tmp_path: Path) -> None:
    view = view_of(sample_store, qtbot)
    header = view.horizontalHeader()
    claimant, approved = (view.register().column_of(k) for k in ("claimant", "approved"))
    squeezed = header.sectionSize(claimant)
    menu = view.column_menu()
    titles = [a.text() for a in menu.actions() if a.isCheckable()]
    assert titles[:3] == ["Number", "Filed on", "Claimant"] and all(ticks(view).values())
    [a for a in menu.actions() if a.text() == titles[approved]][0].trigger()  # unticked
    qtbot.waitUntil(lambda: header.sectionSize(claimant) > squeezed)
    assert header.isSectionHidden(approved) and not ticks(view)[titles[approved]]

    view.register().reload()  # another clerk's save re-reads the register
    assert header.isSectionHidden(approved)

    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    view.save_state(settings, "claims/columns")
    again = view_of(sample_store, qtbot)
    again.restore_state(settings, "claims/columns")
    assert again.horizontalHeader().isSectionHidden(approved)

    everything = [a for a in again.column_menu().actions() if a.text() == "Show all columns"][0]
    assert everything.isEnabled()
    everything.trigger()
    assert not any(again.horizontalHeader().isSectionHidden(n) for n in range(again.horizontalHeader().count()))
    assert not [a for a in again.column_menu().actions() if a.text() == "Show all columns"][0].isEnabled()


def test_the_last_column_shown_cannot_be_hidden(sample_store: Any, qtbot: Any) -> None:
    view = view_of(sample_store, qtbot)
    header = view.horizontalHeader()
    for n in range(1, header.count()):
        header.hideSection(n)
    number = [a for a in view.column_menu().actions() if a.isCheckable()][0]
    assert number.isChecked() and not number.isEnabled()
    hidden = [a for a in view.column_menu().actions() if a.isCheckable()][1]
    assert hidden.isEnabled() and not hidden.isChecked()  # a hidden one can always come back


def checkable(view: RegisterView) -> list[Any]:
    return [a for a in view.column_menu().actions() if a.isCheckable()]


def test_the_menu_lists_the_columns_in_their_order_on_screen(sample_store: Any, qtbot: Any) -> None:
    view = view_of(sample_store, qtbot)
    header = view.horizontalHeader()
    due = view.register().column_of("answer_due")
    header.moveSection(header.visualIndex(due), 0)  # dragged to the front
    on_screen = [view.model().headerData(header.logicalIndex(v), Qt.Orientation.Horizontal) for v in range(header.count())]
    assert [a.text() for a in checkable(view)] == on_screen
    checkable(view)[0].trigger()
    assert header.isSectionHidden(due)


def test_hiding_the_column_sorted_by_sorts_the_register_as_it_opens(sample_store: Any, qtbot: Any) -> None:
    view = view_of(sample_store, qtbot)
    header, model = view.horizontalHeader(), view.register()
    requested = model.column_of("requested")
    view.sortByColumn(requested, Qt.SortOrder.AscendingOrder)
    assert model.sort_state() == ("requested", False)
    [a for a in checkable(view) if a.text() == "Requested"][0].trigger()
    assert header.sortIndicatorSection() == model.column_of("filed_on") and model.sort_state() == ("filed_on", True)
    # With the usual sort's column hidden too: the first sortable column on screen, the same way round.
    [a for a in checkable(view) if a.text() == "Filed on"][0].trigger()
    assert model.sort_state() == ("number", True) and not header.isSectionHidden(header.sortIndicatorSection())


def test_a_forms_claim_list_has_no_column_menu(sample_store: Any, qtbot: Any) -> None:
    from desktop.ui.widgets.claim_list import ClaimList

    claims = ClaimList(sample_store, sample_store.get_incident_by_reference("INC-2026-0001").id, "New claim", "Open")
    qtbot.addWidget(claims)
    assert claims.table.horizontalHeader().contextMenuPolicy() != Qt.ContextMenuPolicy.CustomContextMenu


def test_the_column_menu_from_the_keyboard(window: Any, qtbot: Any, monkeypatch: Any) -> None:
    """Settings → Register columns… (the column titles take no keyboard focus)."""
    shown: list[list[str]] = []
    monkeypatch.setattr(RegisterView, "pop_up", staticmethod(lambda menu, at: shown.append([a.text() for a in menu.actions()])))
    window.show_tab(OVERVIEW_TAB)
    assert not window.columns_action.isEnabled()
    window.show_tab(CLAIMS_TAB)
    assert window.columns_action.isEnabled()
    window.columns_action.trigger()
    assert shown and shown[0][:2] == ["Number", "Filed on"] and shown[0][-1] == "Show all columns"


def test_a_register_sorted_by_a_column_hidden_last_time_is_sorted_by_one_in_sight(
        sample_store: Any, qtbot: Any, tmp_path: Path) -> None:
    view = view_of(sample_store, qtbot)
    header = view.horizontalHeader()
    filed = view.register().column_of("filed_on")  # the usual sort
    [a for a in checkable(view) if a.text() == "Filed on"][0].trigger()
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    view.save_state(settings, "claims/columns")
    again = view_of(sample_store, qtbot)  # the next start: the model sorted by filing date
    again.restore_state(settings, "claims/columns")
    assert again.horizontalHeader().isSectionHidden(filed)
    assert again.register().sort_state() == ("number", True)
    assert not again.horizontalHeader().isSectionHidden(again.horizontalHeader().sortIndicatorSection())
    assert header.isSectionHidden(filed)


def test_with_the_stretching_column_hidden_the_last_one_takes_the_room(sample_store: Any, qtbot: Any) -> None:
    view = view_of(sample_store, qtbot)
    header = view.horizontalHeader()
    [a for a in checkable(view) if a.text() == "Claimant"][0].trigger()
    qtbot.waitUntil(lambda: header.length() >= view.viewport().width())  # no empty strip on the right
    assert header.stretchLastSection()
    [a for a in view.column_menu().actions() if a.text() == "Show all columns"][0].trigger()
    assert not header.stretchLastSection()
