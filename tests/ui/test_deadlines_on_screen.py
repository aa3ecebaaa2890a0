"""The window judges and names the answer period as `domain.deadlines` does, nowhere else.

The register's overdue flag, its "days left" and its SQL filter agree on the boundary days; and
were the period changed in `deadlines.py`, the filter bar, the overview and the register would all
follow it (no literal 30 left in a widget).
"""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from desktop.domain import deadlines
from desktop.domain.views import Filters
from desktop.exchange import import_file
from desktop.ui.models.registers import OVERDUE_ROLE, ROW_ROLE, ClaimRegisterModel
from desktop.ui.widgets.filter_bar import FilterBar
from desktop.ui.widgets.overview import OverviewPanel
from tests.samples import sample

WAITING = "CLM-2026-0002"  # filed 15.09.2026, under review; every other sample claim is decided


def flagged(model: ClaimRegisterModel) -> dict[str, tuple[bool, str]]:
    """Number → (overdue flag, days text) for every row."""
    days = model.column_of("days_left")
    return {model.data(model.index(r, 0), ROW_ROLE).number: (model.data(model.index(r, 0), OVERDUE_ROLE),
                                                             model.data(model.index(r, days)))
            for r in range(model.rowCount())}


def judge(sample_store, age: int) -> tuple[dict[str, tuple[bool, str]], list[str]]:
    """The register on `age` days after the waiting claim was filed, and its overdue-only filter."""
    filed = next(r.filed_on for r in sample_store.iter_claim_rows(Filters()) if r.number == WAITING)
    model = ClaimRegisterModel(sample_store, today=filed + timedelta(days=age))
    rows = flagged(model)
    model.set_filters(Filters(overdue_only=True))
    return rows, sorted(flagged(model))


@pytest.mark.parametrize(("age", "text"), [(29, "1 day left"), (30, "0 days left"), (31, "1 day overdue")])
def test_flag_days_and_filter_agree_on_the_boundary_days(sample_store, age: int, text: str) -> None:
    rows, filtered = judge(sample_store, age)
    assert rows[WAITING] == (age > deadlines.ANSWER_DAYS, text)
    assert filtered == sorted(number for number, (overdue, _) in rows.items() if overdue)


def test_every_place_follows_a_changed_answer_period(store, qtbot, monkeypatch) -> None:
    monkeypatch.setattr(deadlines, "ANSWER_DAYS", 45)
    # Each claim's answer date is stored with it when it is written (schema 6): the log is
    # written after the change, as a log would be after an upgrade that changed the period.
    import_file(store, sample())
    sample_store = store

    bar = FilterBar(FilterBar.CLAIMS)
    qtbot.addWidget(bar)
    assert bar.overdue is not None and "45 days" in bar.overdue.toolTip()

    overview = OverviewPanel(sample_store)
    qtbot.addWidget(overview)
    caption = next(label for label in overview.findChildren(QLabel) if label.buddy() is overview.buttons["overdue"])
    assert "45 days" in caption.text()

    rows, filtered = judge(sample_store, 45)
    assert rows[WAITING] == (False, "0 days left") and filtered == []
    rows, filtered = judge(sample_store, 46)
    assert rows[WAITING] == (True, "1 day overdue") and filtered == [WAITING]

    model = ClaimRegisterModel(sample_store)
    row = next(r for r in range(model.rowCount()) if model.data(model.index(r, 0), ROW_ROLE).number == WAITING)
    assert "45 days" in model.data(model.index(row, model.column_of("days_left")), Qt.ItemDataRole.ToolTipRole)
