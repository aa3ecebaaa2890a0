"""The overview's chart: claims by status and the sums by district, painted with QPainter at the
office's 1366×768, from the figures the store gives, in the registers' words; a bar opens the claims."""

from __future__ import annotations

from decimal import Decimal

import pytest
from PySide6.QtCore import Qt

from desktop.domain.enums import ClaimStatus
from desktop.domain.views import SummaryRow
from desktop.ui import i18n
from desktop.ui.main_window import CLAIMS_TAB, MainWindow
from desktop.ui.models.registers import ROW_ROLE
from desktop.ui.widgets.overview_chart import MOST_DISTRICTS, ChartData, DistrictSums, OverviewChart, chart_data
from tests.ui.conftest import TODAY

KALUGA = DistrictSums("г. Калуга", 3, Decimal("170300.50"), Decimal("48500.00"), Decimal("48500.00"))
NBSP = "\u00a0"  # money never breaks across lines
GATCHINA = DistrictSums("Гатчинский район", 1, Decimal("2350000.00"), Decimal("2100000.00"), Decimal("0.00"))


def numbers(model) -> list[str]:
    return sorted(model.data(model.index(r, 0), ROW_ROLE).number for r in range(model.rowCount()))


def test_the_chart_gets_the_counts_per_status_and_the_sums_per_district(sample_store):
    figures = sample_store.overview(TODAY)
    data = chart_data(figures.claims_by_status, sample_store.summary_rows())
    assert data.by_status == (
        (ClaimStatus.RECEIVED, 0), (ClaimStatus.DOCUMENTS_REQUESTED, 0), (ClaimStatus.UNDER_REVIEW, 1),
        (ClaimStatus.APPROVED, 1), (ClaimStatus.REJECTED, 1), (ClaimStatus.PAID, 1), (ClaimStatus.WITHDRAWN, 0))
    assert data.claims == 4
    assert data.by_district == (GATCHINA, KALUGA)  # the largest sum requested first
    assert sum((d.requested for d in data.by_district), Decimal(0)) == figures.requested
    assert sum((d.approved for d in data.by_district), Decimal(0)) == figures.approved
    assert sum((d.paid for d in data.by_district), Decimal(0)) == figures.paid


def test_districts_beyond_the_chart_are_summed_in_its_last_row():
    rows = [SummaryRow(f"Район {n:02}", ClaimStatus.PAID, 1, Decimal(n * 1000), Decimal(n * 900), Decimal(n * 800))
            for n in range(1, 13)]
    data = chart_data({ClaimStatus.PAID: 12}, rows)
    assert len(data.by_district) == MOST_DISTRICTS and data.folded == 12 - MOST_DISTRICTS + 1
    assert [d.district for d in data.by_district[:3]] == ["Район 12", "Район 11", "Район 10"]
    rest = data.by_district[-1]
    assert rest.district == "" and rest.claims == 5
    assert rest.requested == Decimal(sum(range(1, 6)) * 1000) and rest.paid == Decimal(sum(range(1, 6)) * 800)


def test_the_chart_paints_at_1366_by_768_in_russian(sample_store, qtbot, tmp_path):
    i18n.install("ru")
    window = MainWindow(sample_store, today=TODAY)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.tabs.setCurrentIndex(0)  # the window opens on the tab the last one closed on
    window.show()
    qtbot.waitExposed(window)
    chart = window.overview.chart
    qtbot.waitUntil(lambda: chart.data.claims > 0)  # filled once the figures are on screen
    assert chart.data.by_district == (GATCHINA, KALUGA)
    picture = window.grab()  # paints it (a Qt warning would fail the test)
    assert picture.save(str(tmp_path / "overview.png"))
    statuses = [bar for bar in chart.bars if bar.status is not None]
    districts = [bar for bar in chart.bars if bar.district is not None]
    assert [bar.status for bar in statuses] == list(ClaimStatus)
    assert [bar.district for bar in districts] == ["Гатчинский район", "г. Калуга"]
    assert statuses[4].tip == "Отказано: 1 заявление"  # the registers' word for the status
    assert districts[1].tip.replace(NBSP, " ").splitlines() == [
        "г. Калуга: 3 заявления", "Запрошено: 170 300,50 ₽", "Одобрено: 48 500,00 ₽", "Выплачено: 48 500,00 ₽"]
    # Seen whole without scrolling at 1366×768.
    viewport = chart.parentWidget().parentWidget()
    bottom = chart.mapTo(viewport, chart.rect().bottomLeft()).y()
    assert chart.isVisible() and bottom <= viewport.height()
    assert all(chart.rect().contains(bar.rect) for bar in chart.bars)


@pytest.mark.parametrize(("which", "expected"), [
    ("status:rejected", ["CLM-2026-0003"]),
    ("district:г. Калуга", ["CLM-2026-0001", "CLM-2026-0002", "CLM-2026-0003"]),
])
def test_a_bar_opens_the_claims_it_stands_for(window, qtbot, which, expected):
    window.tabs.setCurrentIndex(0)  # the window opens on the tab the last one closed on
    chart = window.overview.chart
    qtbot.waitUntil(lambda: chart.data.claims > 0)
    window.grab()
    kind, value = which.split(":", 1)
    bar = next(b for b in chart.bars if (getattr(b.status, "value", None) if kind == "status" else b.district) == value)
    qtbot.mouseClick(chart, Qt.MouseButton.LeftButton, pos=bar.rect.center())
    assert window.tabs.currentIndex() == CLAIMS_TAB
    assert numbers(window.claim_model) == expected


def test_the_chart_reads_the_log_only_while_it_is_seen(window, qtbot, monkeypatch):
    asked: list[object] = []
    real = window.store.summary_rows
    monkeypatch.setattr(window.store, "summary_rows", lambda *a, **k: asked.append(1) or real(*a, **k))
    window.tabs.setCurrentIndex(CLAIMS_TAB)
    window.refresh()
    assert asked == []  # the overview is hidden: no GROUP BY over every claim after each save
    window.tabs.setCurrentIndex(0)
    qtbot.waitUntil(lambda: len(asked) == 1)  # read when shown again, after the figures
    window.refresh()
    assert len(asked) == 2


def test_an_empty_log_says_so(store, qtbot):
    window = MainWindow(store, today=TODAY)
    qtbot.addWidget(window)
    window.tabs.setCurrentIndex(0)
    window.show()
    chart = window.overview.chart
    qtbot.waitUntil(lambda: not window.overview._chart_stale)
    window.grab()
    assert chart.data == ChartData(by_status=tuple((s, 0) for s in ClaimStatus))
    assert chart.bars == []


def test_a_district_name_with_room_is_never_cut(store, qtbot):
    """«г. Калуга» was drawn «г. Калу…» beside an empty half of the panel: `elidedText` measures a
    pixel over the rounded `horizontalAdvance` the column was made from."""
    chart = OverviewChart()
    qtbot.addWidget(chart)
    chart.resize(1200, 300)
    names = ["г. Калуга", "Ленинский район", "г. Обнинск", "Кировский район", "Дзержинский район"]
    area = chart.rect()
    name_width = chart._columns(area, names, ["120 000,00 ₽"] * len(names))[0]
    assert [chart.shown_name(n, name_width) for n in names] == names
