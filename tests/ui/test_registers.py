"""The register models: Qt's model contract, paging without loading everything, SQL filters and sorting."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush

from desktop.domain.enums import ClaimStatus, IncidentKind
from desktop.domain.views import Filters
from desktop.exchange import import_file
from desktop.storage import Store
from desktop.ui.models.registers import (
    ID_ROLE,
    OVERDUE_BACKGROUND,
    OVERDUE_ROLE,
    ROW_ROLE,
    ClaimRegisterModel,
    IncidentRegisterModel,
)
from tests import synthetic
from tests.ui.conftest import TODAY

DISPLAY = Qt.ItemDataRole.DisplayRole


def column(model, key: str) -> list[str]:
    c = model.column_of(key)
    return [model.data(model.index(r, c)) for r in range(model.rowCount())]


@pytest.fixture
def big_store(tmp_path: Path) -> Store:
    """450 incidents with a claim each: more pages than the model keeps."""
    source = tmp_path / "big.json"
    source.write_text(json.dumps(synthetic.document(450, vehicles_per_incident=1), ensure_ascii=False), encoding="utf-8")
    with Store.open(tmp_path / "big.sqlite3") as store:
        import_file(store, source)
        yield store


@pytest.mark.parametrize("model_class", [IncidentRegisterModel, ClaimRegisterModel])
def test_models_keep_qt_contract(qtmodeltester, sample_store, model_class):
    model = model_class(sample_store)
    qtmodeltester.check(model)
    model.sort(0, Qt.SortOrder.AscendingOrder)
    model.set_filters(Filters(districts=("г. Калуга",)))
    qtmodeltester.check(model)


@pytest.mark.parametrize("model_class", [IncidentRegisterModel, ClaimRegisterModel])
def test_models_keep_qt_contract_when_empty(qtmodeltester, store, model_class):
    model = model_class(store)
    assert model.rowCount() == 0
    qtmodeltester.check(model)


def test_big_register_pages_on_demand(qtmodeltester, big_store):
    model = IncidentRegisterModel(big_store)
    assert model.rowCount() == 450
    assert model.cached_rows() == 0  # counting reads no rows
    assert model.data(model.index(0, 0))
    assert model.cached_rows() == model.PAGE_SIZE
    last = model.data(model.index(449, model.column_of("reference")))
    assert last.startswith("INC-2026-")
    last_page = 450 - (449 // model.PAGE_SIZE) * model.PAGE_SIZE
    assert model.cached_rows() == model.PAGE_SIZE + last_page  # the first page and the last, nothing between
    for r in range(0, 450, 7):
        model.data(model.index(r, 0))
    assert model.cached_rows() <= model.MAX_PAGES * model.PAGE_SIZE
    references = {model.data(model.index(r, 0)) for r in range(450)}
    assert len(references) == 450  # pages join without gaps or repeats
    qtmodeltester.check(model)


def test_cache_evicts_least_recently_used_pages(big_store, monkeypatch):
    monkeypatch.setattr(IncidentRegisterModel, "MAX_PAGES", 2)
    model = IncidentRegisterModel(big_store)
    for r in (0, 150, 250, 350):
        model.data(model.index(r, 0))
    assert model.cached_rows() <= 2 * model.PAGE_SIZE
    assert model.rowCount() == 450


def test_incident_register_filters_in_sql(sample_store):
    model = IncidentRegisterModel(sample_store)
    assert model.rowCount() == 2
    model.set_filters(Filters(districts=("г. Калуга",)))
    assert column(model, "reference") == ["INC-2026-0001"]
    model.set_filters(Filters(has_properties=True))
    assert column(model, "reference") == ["INC-2026-0002"]
    model.set_filters(Filters(has_vehicles=True))
    assert column(model, "reference") == ["INC-2026-0001"]
    model.set_filters(Filters(incident_kind=IncidentKind.UAV_STRIKE))
    assert model.rowCount() == 0
    model.set_filters(Filters(date_from=date(2026, 9, 12), date_to=date(2026, 9, 12)))
    assert model.rowCount() == 2
    model.set_filters(Filters(date_from=date(2026, 9, 13)))
    assert model.rowCount() == 0


@pytest.mark.parametrize(("text", "expected"), [
    ("Кузнецов", ["INC-2026-0001"]),  # an owner's name
    ("a123", ["INC-2026-0001"]),  # a plate typed on a Latin keyboard
    ("насосная", ["INC-2026-0002"]),
    ("нет такого", []),
])
def test_incident_register_full_text_search(sample_store, text, expected):
    model = IncidentRegisterModel(sample_store)
    model.set_filters(Filters(text=text))
    assert column(model, "reference") == expected


def test_incident_register_sorts_in_sql(sample_store):
    model = IncidentRegisterModel(sample_store)
    assert column(model, "reference") == ["INC-2026-0002", "INC-2026-0001"]  # newest first
    reset = []
    model.modelReset.connect(lambda: reset.append(1))
    model.sort(model.column_of("reference"), Qt.SortOrder.AscendingOrder)
    assert column(model, "reference") == ["INC-2026-0001", "INC-2026-0002"]
    assert reset == [1]
    model.sort(model.column_of("district"), Qt.SortOrder.DescendingOrder)
    assert column(model, "district") == ["г. Калуга", "Гатчинский район"]
    model.sort(model.column_of("vehicles"), Qt.SortOrder.AscendingOrder)  # not sortable: nothing happens
    assert reset == [1, 1]


def test_incident_row_texts(sample_store):
    model = IncidentRegisterModel(sample_store)
    model.set_filters(Filters(districts=("г. Калуга",)))
    row = {key: model.data(model.index(0, model.column_of(key))) for key in ("occurred_at", "kind", "status", "vehicles", "claims")}
    assert row == {"occurred_at": "12.09.2026 02:40", "kind": "debris of a downed UAV", "status": "open", "vehicles": "3", "claims": "3"}
    assert model.data(model.index(0, 0), ROW_ROLE).reference == "INC-2026-0001"
    assert model.data(model.index(0, 0), ID_ROLE) == model.id_at(0)


def test_claim_register_money_dates_and_alignment(sample_store):
    model = ClaimRegisterModel(sample_store, today=TODAY)
    model.sort(model.column_of("number"), Qt.SortOrder.AscendingOrder)
    first = {key: model.data(model.index(0, model.column_of(key))) for key in ("number", "filed_on", "requested", "paid", "status")}
    assert first == {"number": "CLM-2026-0001", "filed_on": "14.09.2026", "requested": "₽48,500.00",
                     "paid": "₽48,500.00", "status": "paid"}
    assert model.data(model.index(1, model.column_of("paid"))) == ""  # no payment: empty, not zero
    align = model.data(model.index(0, model.column_of("requested")), Qt.ItemDataRole.TextAlignmentRole)
    assert Qt.AlignmentFlag(align) & Qt.AlignmentFlag.AlignRight


def test_claim_register_money_in_russian(sample_store):
    from desktop.ui import i18n

    i18n.install("ru")
    model = ClaimRegisterModel(sample_store, today=TODAY)
    model.set_filters(Filters(status=ClaimStatus.APPROVED))
    assert model.data(model.index(0, model.column_of("requested"))) == "2\u00a0350\u00a0000,00\u00a0₽"


def test_overdue_claim_is_flagged(sample_store):
    model = ClaimRegisterModel(sample_store, today=TODAY)
    flagged = [model.data(model.index(r, 0), ROW_ROLE).number for r in range(model.rowCount())
               if model.data(model.index(r, 0), OVERDUE_ROLE)]
    assert flagged == ["CLM-2026-0002"]
    r = next(r for r in range(model.rowCount()) if model.data(model.index(r, 0), OVERDUE_ROLE))
    days = model.column_of("days_left")
    assert model.data(model.index(r, days)) == "5 days overdue"
    assert model.data(model.index(r, days), Qt.ItemDataRole.FontRole).bold()
    for c in range(model.columnCount()):  # the whole row stands out
        brush = model.data(model.index(r, c), Qt.ItemDataRole.BackgroundRole)
        assert isinstance(brush, QBrush) and brush.color() == OVERDUE_BACKGROUND
    others = [x for x in range(model.rowCount()) if x != r]
    assert all(model.data(model.index(x, 0), Qt.ItemDataRole.BackgroundRole) is None for x in others)
    assert all(model.data(model.index(x, days)) == "" for x in others)  # decided: nothing is due


def test_days_left_before_the_period_ends(sample_store):
    model = ClaimRegisterModel(sample_store, today=date(2026, 9, 20))
    model.set_filters(Filters(status=ClaimStatus.UNDER_REVIEW))
    assert model.data(model.index(0, model.column_of("days_left"))) == "25 days left"
    assert not model.data(model.index(0, 0), OVERDUE_ROLE)
    model.set_today(date(2026, 10, 14))
    assert model.data(model.index(0, model.column_of("days_left"))) == "1 day left"


def test_overdue_filter_and_search(sample_store):
    model = ClaimRegisterModel(sample_store, today=TODAY)
    assert model.rowCount() == 4
    model.set_filters(Filters(overdue_only=True))
    assert column(model, "number") == ["CLM-2026-0002"]
    model.set_filters(Filters(text="Смирнова"))
    assert column(model, "number") == ["CLM-2026-0001"]
    model.set_filters(Filters(status=ClaimStatus.REJECTED, districts=("г. Калуга",)))
    assert column(model, "number") == ["CLM-2026-0003"]
    model.set_filters(Filters(date_from=date(2026, 9, 16)))
    assert sorted(column(model, "number")) == ["CLM-2026-0003", "CLM-2026-0004"]


def test_claim_register_sorts_by_amount_and_days(sample_store):
    model = ClaimRegisterModel(sample_store, today=TODAY)
    model.sort(model.column_of("requested"), Qt.SortOrder.DescendingOrder)
    assert column(model, "number")[0] == "CLM-2026-0004"
    model.sort(model.column_of("days_left"), Qt.SortOrder.AscendingOrder)  # fewest days left first
    assert column(model, "number")[0] == "CLM-2026-0001"
    model.sort(model.column_of("claimant"), Qt.SortOrder.AscendingOrder)
    assert column(model, "claimant")[0].startswith("Ахмедов")


def test_count_signal_follows_filters(sample_store, qtbot):
    model = ClaimRegisterModel(sample_store, today=TODAY)
    with qtbot.waitSignal(model.countChanged) as blocker:
        model.set_filters(Filters(overdue_only=True))
    assert blocker.args == [1]
