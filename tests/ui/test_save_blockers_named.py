"""The line under a form names every problem that stops the save, not only the last kind found."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from typing import Any  # noqa: E402

import pytest  # noqa: E402
from PySide6.QtCore import Qt  # noqa: E402

from desktop.storage import Store  # noqa: E402
from tests.ui.forms_fixtures import (  # noqa: E402
    no_modal_loops,  # noqa: F401 - an autouse fixture, active here by being imported
    russian_messages,  # noqa: F401 - a fixture, used by name
)
from tests.ui.keyboard import Clerk  # noqa: E402
from tests.ui.test_item_grid import fill_incident, new_row, open_form  # noqa: E402


def bad_date_and_bad_sum(qtbot: Any, store: Store) -> Any:
    form = open_form(qtbot, store)
    fill_incident(form)
    clerk = Clerk(qtbot)
    form.occurred_at.line.setFocus()
    form.occurred_at.line.selectAll()
    clerk.type("31.02.2026 10:00")
    clerk.press(Qt.Key.Key_Tab)
    form.tabs.setCurrentWidget(form.vehicle_grid)
    form.vehicle_grid.view.setFocus()
    car_costing(clerk, form, 0, "Lada", "a123bc40")
    return form, clerk


def car_costing(clerk: Clerk, form: Any, row: int, make: str, plate: str) -> None:
    """A new car row whose estimate is a word, not a sum."""
    new_row(clerk, make, "Vesta", plate)
    rows = form.vehicle_rows
    form.vehicle_grid.view.setCurrentIndex(rows.index(row, rows.column_of("estimated_cost")))
    clerk.type("много")
    clerk.press(Qt.Key.Key_Tab)


@pytest.mark.usefixtures("russian_messages")
def test_a_bad_date_and_a_bad_sum_are_both_named(qtbot: Any, store: Store) -> None:
    form, clerk = bad_date_and_bad_sum(qtbot, store)
    lines = form.problems_label.text().splitlines()
    assert lines[0] == "Date and time: такого дня нет: 31.02.2026"
    assert lines[1].startswith("Vehicle 1 (Lada Vesta, А123ВС40), Estimate, ₽: не сумма в рублях")
    clerk.press(Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)  # refused: still both, and the empty damage
    text = form.problems_label.text()
    assert "такого дня нет: 31.02.2026" in text and "много" in text and "Damage: обязательное поле" in text


@pytest.mark.usefixtures("russian_messages")
def test_many_problems_name_the_first_and_count_the_rest(qtbot: Any, store: Store) -> None:
    form, clerk = bad_date_and_bad_sum(qtbot, store)
    for row, plate in enumerate(("в001вв40", "в002вв40", "в003вв40", "в004вв40", "в005вв40", "в006вв40"), start=1):
        car_costing(clerk, form, row, "Kia", plate)
    lines = form.problems_label.text().splitlines()
    assert lines[0] == "Date and time: такого дня нет: 31.02.2026"
    problems = [line for line in lines if not line.startswith("To save, fill in")]
    assert len(problems) == form.MAX_PROBLEM_LINES
    assert problems[-1] == "…and 3 more"  # eight problems: the first five named, the rest counted
