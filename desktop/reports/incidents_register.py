"""Register of incidents: one row per incident (number, date, district, place, kind, status, how
many vehicles, property items and claims, the estimated damage), with totals.

Laid out as the claims register is (`register.stream_register`): rows stream from the store's
`iter_incident_rows` into page-sized grids drawn on the canvas, so 20,000 incidents take time
in proportion to their rows and never sit in memory at once.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from datetime import datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable

from desktop.domain.enums import IncidentKind, IncidentStatus
from desktop.domain.views import Filters, IncidentRow, OfficeSettings
from desktop.domain.words import Lang, count, day, label, money, shown_number

from .fonts import ReportFonts
from .grid import LEFT, RIGHT
from .layout import ReportDocument, fit_widths
from .register import FONT_SIZE, SIDE_PAD, describe_filters, describe_order, grid_look, stream_register, subtitle_line
from .texts import tr

# (caption key, width in points, None to share the rest, 0 sized at run time): the kind and status
# columns as wide as their longest name in the report's language, the counts as their caption;
# districts and places wrap (places get twice the room).
COLUMNS: list[tuple[str, float | None]] = [
    ("col_no", 28),
    ("col_reference", 64),
    ("col_date", 45),
    ("col_district", None),
    ("col_place", None),
    ("col_kind", 0),
    ("col_status", 0),
    ("col_vehicles", 0),
    ("col_properties", 0),
    ("col_claims", 0),
    ("col_estimate", 68),
]
WEIGHTS = [1.0, 1.0, 1.0, 1.0, 2.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0]
KIND_COL, STATUS_COL = 5, 6
COUNT_COLS = (7, 8, 9)
ESTIMATE_COL = 10
CACHED = (3, 5, 6)  # district, kind, status: the same few values on thousands of rows

# The sort keys of the incidents register (the window's columns) and the caption each is printed as.
INCIDENT_SORT_CAPTIONS: dict[str, str] = {
    "reference": "col_reference",
    "occurred_at": "col_date",
    "kind": "col_kind",
    "region": "col_region",
    "district": "col_district",
    "location": "col_place",
    "status": "col_status",
}


def build_incidents_register(
    out_path: str | os.PathLike[str],
    rows: Iterable[IncidentRow],
    settings: OfficeSettings,
    *,
    filters: Filters | None = None,
    lang: Lang = "ru",
    made_at: datetime | None = None,
    progress: Callable[[int], None] | None = None,
    sort: str | None = None,
    descending: bool = False,
) -> Path:
    """Write the register of the rows given (the store's `iter_incident_rows(filters, sort, descending)`),
    in their order. `progress(rows_done)` is called page by page; raising from it stops the build
    and leaves no file."""
    doc = ReportDocument(
        out_path, settings=settings, title=tr("incidents_title", lang), lang=lang, made_at=made_at, wide=True
    )
    return doc.build(incidents_story(doc, rows, filters or Filters(), progress, sort=sort, descending=descending))


def incidents_story(
    doc: ReportDocument,
    rows: Iterable[IncidentRow],
    filters: Filters,
    progress: Callable[[int], None] | None = None,
    *,
    sort: str | None = None,
    descending: bool = False,
) -> Iterator[Flowable]:
    lang = doc.lang
    align = [LEFT] * len(COLUMNS)
    for col in (0, *COUNT_COLS, ESTIMATE_COL):
        align[col] = RIGHT
    look = grid_look(doc.styles.fonts, incidents_widths(doc.styles.fonts, lang, doc.width), align)
    labels: dict[Any, str] = {}
    vehicles = properties = claims = 0
    estimated = Decimal("0.00")

    def named(value: Any) -> str:
        text = labels.get(value)
        if text is None:
            text = labels[value] = label(value, lang)
        return text

    def lines() -> Iterator[list[str]]:
        nonlocal vehicles, properties, claims, estimated
        for row in rows:
            vehicles += row.vehicles
            properties += row.properties
            claims += row.claims
            if row.estimated is not None:
                estimated += row.estimated
            yield [
                shown_number(row.reference, lang),
                day(row.occurred_at, lang),
                row.district,
                row.location,
                named(row.kind),
                named(row.status),
                count(row.vehicles, lang),
                count(row.properties, lang),
                count(row.claims, lang),
                money(row.estimated, lang),
            ]

    def total(number: int) -> list[str]:
        return [
            tr("incidents_total", lang, n=count(number, lang)),
            *[""] * (COUNT_COLS[0] - 1),
            count(vehicles, lang), count(properties, lang), count(claims, lang), money(estimated, lang),
        ]

    selection = describe_filters(filters, lang, date_key="filter_incident_date", all_key="incidents_all",
                                 status_key="filter_claims_status", overdue_key="filter_claims_overdue")
    order = describe_order(sort, descending, INCIDENT_SORT_CAPTIONS, lang)
    yield from stream_register(
        doc, look, [tr(key, lang) for key, _ in COLUMNS], lines(),
        subtitle=subtitle_line(selection, order), total=total, empty=tr("no_incidents", lang),
        cached=CACHED, progress=progress,
    )


def incidents_widths(fonts: ReportFonts, lang: Lang, width: float) -> list[float]:
    """The columns in points: kinds and statuses as wide as their longest name, the counts as their
    caption (or 999 999), districts and places the rest."""
    regular, bold = fonts.sans.regular, fonts.sans.bold
    pad = 2 * SIDE_PAD + 1

    def widest(texts: Iterable[str], font: str) -> float:
        return max(stringWidth(t, font, FONT_SIZE) for t in texts) + pad

    spec = [w for _, w in COLUMNS]
    spec[KIND_COL] = widest((label(k, lang) for k in IncidentKind), regular)
    spec[STATUS_COL] = max(widest((label(st, lang) for st in IncidentStatus), regular),
                           widest(tr("col_status", lang).split(), bold))
    for col in COUNT_COLS:
        spec[col] = max(widest(tr(COLUMNS[col][0], lang).split(), bold), widest([count(999_999, lang)], bold))
    return fit_widths(spec, width, WEIGHTS)
