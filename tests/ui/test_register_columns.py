"""Columns a clerk hides from a register (right-click on the column titles) stay hidden: across a
re-read of the register and the next start; the last one shown cannot be hidden.

At 1280 pixels the claims register's eleven fixed columns left the claimant's name, the one that
stretches, 96 pixels; hiding a column the clerk does not need gives its room to the name."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QSettings

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
