"""Summary of claims by district and by status, with a bar chart of the sums by district.

The head of administration reads this one first: where the damage is and how far the
claims have got. Built from the store's `summary_rows` (one row per district x status),
so it costs the same for ten claims or a hundred thousand.
"""

from __future__ import annotations

import math
import os
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal
from pathlib import Path

from reportlab.graphics.charts.barcharts import HorizontalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.shapes import Drawing
from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.lib.utils import simpleSplit
from reportlab.platypus import Flowable, KeepTogether, Paragraph

from desktop.domain.enums import ClaimStatus
from desktop.domain.views import Filters, OfficeSettings, SummaryRow
from desktop.domain.words import Lang, count, label, money

from .fonts import ReportFonts
from .glyphs import one_face, printable
from .layout import RULE_COLOUR, Column, ReportDocument, Strong, Styles, esc, para, ruled_table, section, title_block
from .register import describe_filters
from .texts import tr

BAR_COLOURS = (colors.HexColor("#9aa7b4"), colors.HexColor("#2f5d8a"), colors.HexColor("#3f8a5a"))
MAX_CHART_DISTRICTS = 24  # more would not fit one page; the rest are summed as "other"


@dataclass
class _Sums:
    claims: int = 0
    requested: Decimal = Decimal("0.00")
    approved: Decimal = Decimal("0.00")
    paid: Decimal = Decimal("0.00")
    by_status: dict[ClaimStatus, int] = field(default_factory=dict)

    def add(self, row: SummaryRow) -> None:
        self.claims += row.claims
        self.requested += row.requested
        self.approved += row.approved
        self.paid += row.paid
        self.by_status[row.status] = self.by_status.get(row.status, 0) + row.claims


def build_summary(
    out_path: str | os.PathLike[str],
    rows: Sequence[SummaryRow],
    settings: OfficeSettings,
    *,
    filters: Filters | None = None,
    lang: Lang = "ru",
    made_at: datetime | None = None,
) -> Path:
    """Write the summary of the rows given (the store's `summary_rows(filters)`)."""
    doc = ReportDocument(out_path, settings=settings, title=tr("summary_title", lang), lang=lang, made_at=made_at)
    return doc.build(summary_story(doc, rows, filters or Filters()))


def summary_story(doc: ReportDocument, rows: Sequence[SummaryRow], filters: Filters) -> list[Flowable]:
    lang, s, width = doc.lang, doc.styles, doc.width
    subtitle = describe_filters(filters, lang, date_key="filter_incident_date")
    story: list[Flowable] = title_block(doc.title, subtitle, s)
    if not rows:
        story.append(para(tr("no_rows", lang), s.note))
        return story

    districts: dict[str, _Sums] = {}
    statuses: dict[ClaimStatus, _Sums] = {}
    overall = _Sums()
    for row in rows:
        districts.setdefault(row.district, _Sums()).add(row)
        statuses.setdefault(row.status, _Sums()).add(row)
        overall.add(row)
    district_order = sorted(districts, key=lambda d: (-districts[d].requested, d))
    status_order = [st for st in ClaimStatus if st in statuses]

    story += section(tr("h_by_district", lang), s)
    story.append(_sums_table([(d, districts[d]) for d in district_order], overall, "col_district", lang, s, width))

    story += section(tr("h_by_status", lang), s)
    story.append(
        _sums_table([(label(st, lang), statuses[st]) for st in status_order], overall, "col_status", lang, s, width)
    )

    story += section(tr("h_matrix", lang), s)
    story.append(_matrix(district_order, districts, status_order, overall, lang, s, width))

    chart_rows = [(d, districts[d]) for d in district_order]
    if len(chart_rows) > MAX_CHART_DISTRICTS:
        rest = _Sums()
        for _, sums in chart_rows[MAX_CHART_DISTRICTS - 1 :]:
            rest.requested += sums.requested
            rest.approved += sums.approved
            rest.paid += sums.paid
        others = len(chart_rows) - (MAX_CHART_DISTRICTS - 1)
        chart_rows = [*chart_rows[: MAX_CHART_DISTRICTS - 1], (tr("chart_others", lang, n=others), rest)]
    scale, unit = _unit(max((r.requested for _, r in chart_rows), default=Decimal(0)), lang)
    story.append(
        KeepTogether(
            [
                Paragraph(esc(tr("h_chart", lang, unit=unit)), s.heading),
                _chart(chart_rows, scale, lang, s.fonts, width, doc.height - 40),
            ]
        )
    )
    return story


def _sums_table(
    items: Sequence[tuple[str, _Sums]], overall: _Sums, first_col: str, lang: Lang, s: Styles, width: float
) -> Flowable:
    columns = [
        Column(tr(first_col, lang)),
        Column(tr("col_claims", lang), fit=True, right=True),
        Column(tr("col_requested", lang), fit=True, right=True),
        Column(tr("col_approved", lang), fit=True, right=True),
        Column(tr("col_paid", lang), fit=True, right=True),
    ]
    body = [
        [name, count(x.claims, lang), money(x.requested, lang), money(x.approved, lang), money(x.paid, lang)]
        for name, x in items
    ]
    total_row = [
        tr("total", lang),
        count(overall.claims, lang),
        money(overall.requested, lang),
        money(overall.approved, lang),
        money(overall.paid, lang),
    ]
    return ruled_table(columns, body, width, s, total=total_row)


def _matrix(
    district_order: Sequence[str],
    districts: dict[str, _Sums],
    status_order: Sequence[ClaimStatus],
    overall: _Sums,
    lang: Lang,
    s: Styles,
    width: float,
) -> Flowable:
    """Counts only: district rows, one column per status that occurs, and a total column."""
    columns = [Column(tr("col_district", lang))]
    columns += [Column(label(st, lang), fit=True, right=True) for st in status_order]
    columns.append(Column(tr("total", lang), fit=True, right=True))
    body: list[list[str]] = [
        [d, *(count(districts[d].by_status.get(st, 0), lang) for st in status_order), Strong(count(districts[d].claims, lang))]
        for d in district_order
    ]
    total_row = [tr("total", lang), *(count(overall.by_status.get(st, 0), lang) for st in status_order),
                 count(overall.claims, lang)]
    return ruled_table(columns, body, width, s, total=total_row)


def _unit(largest: Decimal, lang: Lang) -> tuple[Decimal, str]:
    """Roubles, thousands or millions, so the axis reads `1 200` rather than `1 200 000 000`."""
    if largest >= 10_000_000:
        return Decimal(1_000_000), tr("unit_million", lang)
    if largest >= 10_000:
        return Decimal(1_000), tr("unit_thousand", lang)
    return Decimal(1), tr("unit_rub", lang)


def _chart(
    items: Sequence[tuple[str, _Sums]], scale: Decimal, lang: Lang, fonts: ReportFonts, width: float, height: float
) -> Drawing:
    """Horizontal bars (district names are long): requested, approved and paid for each district.

    At most `height` tall, so that the chart always fits on one page: with many districts the
    bars get thinner and the names are cut to two lines.
    """
    font, size = fonts.sans.regular, 7.5
    label_width = 48 * mm
    legend_height = 18.0
    axis_height = 16.0
    most_lines = 3 if len(items) <= 12 else 2
    names, faces = [], []
    for name, _ in items:
        name = printable(name)
        faces.append(one_face(name, font))  # a chart's label has one font: DejaVu if PT lacks a letter
        lines = simpleSplit(name, faces[-1], size, label_width - 8)
        if len(lines) > most_lines:
            lines = [*lines[: most_lines - 1], lines[most_lines - 1] + "…"]
        names.append("\n".join(lines))
    lines_needed = max(n.count("\n") + 1 for n in names)
    preferred = max(40.0 if len(items) <= 8 else 30.0, 9.0 * lines_needed + 8)
    room = (height - legend_height - axis_height) / len(items)
    per_category = min(preferred, room)
    plot_height = per_category * len(items)
    height = plot_height + legend_height + axis_height
    drawing = Drawing(width, height)
    # The renderer starts every drawing in Helvetica unless told otherwise; Helvetica would then
    # sit unembedded in the page's fonts.
    drawing.initialFontName = font
    drawing.initialFontSize = size

    # reportlab stacks a group's bars from the bottom up, so the series go in reversed to read
    # requested, approved, paid from the top, as the legend and the tables do.
    series = [
        [float(sums.paid / scale) for _, sums in items],
        [float(sums.approved / scale) for _, sums in items],
        [float(sums.requested / scale) for _, sums in items],
    ]
    chart = HorizontalBarChart()
    chart.x = label_width
    chart.y = axis_height
    chart.width = width - label_width - 40  # room for the value printed after the longest bar
    chart.height = plot_height
    chart.data = series
    for i, colour in enumerate(reversed(BAR_COLOURS)):
        chart.bars[i].fillColor = colour
        chart.bars[i].strokeColor = None
    chart.barSpacing = 1
    chart.groupSpacing = min(8.0, per_category * 0.25)
    chart.barLabelFormat = lambda v: _axis_number(v, lang) if v else ""
    chart.barLabels.fontName = font
    chart.barLabels.fontSize = 6.5
    chart.barLabels.boxAnchor = "w"
    chart.barLabels.dx = 2
    chart.categoryAxis.categoryNames = names
    chart.categoryAxis.reverseDirection = 1  # first (largest) district at the top
    chart.categoryAxis.labels.fontName = font
    chart.categoryAxis.labels.fontSize = size
    chart.categoryAxis.labels.leading = 9
    chart.categoryAxis.labels.boxAnchor = "e"
    chart.categoryAxis.labels.textAnchor = "end"
    chart.categoryAxis.labels.dx = -4
    for n, face in enumerate(faces):
        if face != font:  # labels are numbered as drawn, bottom up: the axis is reversed
            chart.categoryAxis.labels[len(faces) - 1 - n].fontName = face
    chart.categoryAxis.strokeColor = RULE_COLOUR
    # A round end to the axis (50, not 48.5) with five steps, so the grid reads at a glance.
    top = _round_up(max((v for values in series for v in values), default=0.0))
    chart.valueAxis.valueMin = 0
    chart.valueAxis.valueMax = top
    chart.valueAxis.valueStep = top / 5
    chart.valueAxis.forceZero = 1
    chart.valueAxis.labels.fontName = font
    chart.valueAxis.labels.fontSize = size
    chart.valueAxis.labelTextFormat = lambda v: _axis_number(v, lang)
    chart.valueAxis.visibleGrid = 1
    chart.valueAxis.gridStrokeColor = colors.HexColor("#d0d0d0")
    chart.valueAxis.gridStrokeWidth = 0.4
    chart.valueAxis.strokeColor = RULE_COLOUR
    drawing.add(chart)

    legend = Legend()
    legend.fontName = font
    legend.fontSize = size
    legend.alignment = "right"
    legend.columnMaximum = 1
    legend.dxTextSpace = 4
    legend.deltax = 80
    legend.boxAnchor = "nw"
    legend.x = label_width
    legend.y = height
    legend.colorNamePairs = list(
        zip(BAR_COLOURS, [tr("col_requested", lang), tr("col_approved", lang), tr("col_paid", lang)], strict=True)
    )
    drawing.add(legend)
    return drawing


def _round_up(value: float) -> float:
    """The least of 1, 2, 2.5, 5 times a power of ten that is not below `value`."""
    if value <= 0:
        return 1.0
    power = 10.0 ** math.floor(math.log10(value))
    return next(m * power for m in (1, 2, 2.5, 5, 10) if m * power >= value * (1 - 1e-9))


def _axis_number(value: float, lang: Lang) -> str:
    """`1 250` or `2,5` on the axis and the bars: whole numbers once they are large enough."""
    if value >= 100 or value == int(value):
        return count(int(round(value)), lang)
    text = f"{value:.1f}"
    return text.replace(".", ",") if lang == "ru" else text
