"""The claims register by executor: the filter bar's list of the office's executors, picked by its
first letter, and the register's «Исполнитель» and answer-date columns (the row's own answer date:
registration and an extension counted)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import Qt

from desktop.domain.views import Filters
from desktop.exchange import import_file
from desktop.storage import Store
from desktop.ui import i18n
from desktop.ui.models.registers import ROW_ROLE, ClaimRegisterModel
from desktop.ui.widgets.filter_bar import FilterBar
from tests.samples import sample
from tests.ui.conftest import TODAY
from tests.ui.keyboard import Clerk

EXECUTORS = ["Соколова Ирина Павловна", "Тихонов Глеб Романович", "Козлова Елена Викторовна"]


@pytest.fixture
def v2_store(store: Store) -> Store:
    import_file(store, sample("sample-kaluga-2026-09-v2.json"))
    store.set_setting("executors", EXECUTORS)
    return store


def by_number(model: ClaimRegisterModel, key: str) -> dict[str, str]:
    c = model.column_of(key)
    return {model.data(model.index(r, 0), ROW_ROLE).number: model.data(model.index(r, c)) for r in range(model.rowCount())}


def test_the_register_shows_the_executor_and_the_rows_own_answer_date(v2_store: Store) -> None:
    model = ClaimRegisterModel(v2_store, today=TODAY)
    assert by_number(model, "executor") == {  # as registers name staff; the full name in the tooltip
        "CLM-2026-0001": "Соколова И. П.", "CLM-2026-0002": "Соколова И. П.",
        "CLM-2026-0003": "Тихонов Г. Р.", "CLM-2026-0004": "Тихонов Г. Р.",
    }
    tips = {model.data(model.index(r, model.column_of("executor")), Qt.ItemDataRole.ToolTipRole)
            for r in range(model.rowCount())}
    assert tips == {"Соколова Ирина Павловна", "Тихонов Глеб Романович"}
    due = by_number(model, "answer_due")
    assert due["CLM-2026-0002"] == "16.10.2026"  # registered 16.09: thirty days from registration, not filing
    assert due["CLM-2026-0004"] == "10.11.2026"  # extended
    assert by_number(model, "days_left")["CLM-2026-0002"] == "4 days overdue"  # on 20.10.2026
    row = next(r for r in range(model.rowCount()) if model.data(model.index(r, 0), ROW_ROLE).number == "CLM-2026-0002")
    assert model.data(model.index(row, model.column_of("answer_due")), Qt.ItemDataRole.ForegroundRole) is not None
    model.sort(model.column_of("executor"), Qt.SortOrder.DescendingOrder)
    assert model.data(model.index(0, model.column_of("executor"))) == "Тихонов Г. Р."
    model.set_filters(Filters(executor="Тихонов Глеб Романович"))
    assert sorted(by_number(model, "number")) == ["CLM-2026-0003", "CLM-2026-0004"]


def test_the_executor_is_chosen_by_its_first_letter(qtbot: Any) -> None:
    i18n.install("ru")
    bar = FilterBar(FilterBar.CLAIMS)
    qtbot.addWidget(bar)
    bar.set_executors(EXECUTORS)
    assert bar.executor is not None and bar.executor.itemText(0) == "Все исполнители"
    bar.show()
    bar.activateWindow()
    qtbot.waitUntil(bar.isActiveWindow)
    bar.executor.setFocus()
    with qtbot.waitSignal(bar.filtersChanged, timeout=1000) as emitted:
        Clerk(qtbot).type("т")
    assert emitted.args[0].executor == "Тихонов Глеб Романович" == bar.filters().executor
    # The list changed in the settings keeps the choice, even a name taken off it.
    bar.set_executors(["Козлова Елена Викторовна"])
    assert bar.filters().executor == "Тихонов Глеб Романович"
    bar.set_filters(Filters())
    assert bar.filters().executor is None and bar.executor.currentIndex() == 0
    bar.set_filters(Filters(executor="Соколова Ирина Павловна"))  # from elsewhere: shown, though not listed now
    assert bar.executor.currentText() == "Соколова Ирина Павловна"


@pytest.fixture
def russian_window(v2_store: Store, qtbot: Any) -> Iterator[Any]:
    from desktop.ui.main_window import CLAIMS_TAB, MainWindow

    i18n.install("ru")
    win = MainWindow(v2_store, today=TODAY)
    qtbot.addWidget(win)
    win.resize(1366, 768)
    win.show()
    win.tabs.setCurrentIndex(CLAIMS_TAB)
    yield win


def test_the_claims_tab_filters_by_executor(russian_window: Any, qtbot: Any) -> None:
    page = russian_window.claims
    combo = page.filter_bar.executor
    assert [combo.itemText(i) for i in range(combo.count())] == ["Все исполнители", *EXECUTORS]
    combo.setCurrentIndex(combo.findData("Соколова Ирина Павловна"))
    assert page.model.rowCount() == 2
    assert set(by_number(page.model, "executor").values()) == {"Соколова И. П."}
    titles = [page.model.headerData(c, Qt.Orientation.Horizontal) for c in range(page.model.columnCount())]
    assert "Исполнитель" in titles and "Срок ответа" in titles and "До срока" in titles


def test_short_names_of_staff() -> None:
    from desktop.ui.models.registers import short_name

    assert short_name("Соколова Ирина Павловна") == "Соколова И. П."
    assert short_name("Римская-Корсакова Анна") == "Римская-Корсакова А."
    assert short_name("Соколова И. П.") == "Соколова И. П."  # already short: as written
    assert short_name("Мамедов Рашид Ахмед оглы") == "Мамедов Рашид Ахмед оглы"
    assert short_name("отдел социальной защиты") == "отдел социальной защиты"  # no name: as written
    assert short_name(None) == "" and short_name("Петров") == "Петров"


def test_the_bar_lists_the_office_executors_then_others_named_on_claims(v2_store: Store, qtbot: Any) -> None:
    from desktop.ui.main_window import MainWindow

    v2_store.set_setting("executors", ["Козлова Елена Викторовна", "Тихонов Глеб Романович"])
    win = MainWindow(v2_store, today=TODAY)
    qtbot.addWidget(win)
    combo = win.claims.filter_bar.executor
    assert combo is not None

    def listed() -> list[str]:
        return [combo.itemText(i) for i in range(combo.count())]

    # The office's order first, then Соколова: no longer on the office's list, still on two claims
    assert listed() == ["All executors", "Козлова Елена Викторовна", "Тихонов Глеб Романович",
                        "Соколова Ирина Павловна"]
    combo.setCurrentIndex(combo.findData("Соколова Ирина Павловна"))
    assert sorted(by_number(win.claim_model, "number")) == ["CLM-2026-0001", "CLM-2026-0002"]
    claim = v2_store.get_claim_by_number("CLM-2026-0003")
    assert claim is not None
    claim.executor = "Абрамова Вера Ильинична"  # another clerk's save names someone new
    v2_store.save_claim(claim, enforce_transition=False)
    win.refresh()
    assert listed()[1:] == ["Козлова Елена Викторовна", "Тихонов Глеб Романович", "Абрамова Вера Ильинична",
                            "Соколова Ирина Павловна"]
    assert combo.currentData() == "Соколова Ирина Павловна"  # the choice kept


def test_the_claimants_full_name_is_in_its_tooltip(v2_store: Store) -> None:
    """The claimant's column is cut short in a narrow window: the whole name is a hover away."""
    model = ClaimRegisterModel(v2_store, today=TODAY)
    column = model.column_of("claimant")
    for r in range(model.rowCount()):
        row = model.data(model.index(r, 0), ROW_ROLE)
        assert model.data(model.index(r, column), Qt.ItemDataRole.ToolTipRole) == row.claimant
