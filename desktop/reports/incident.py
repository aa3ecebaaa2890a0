"""Incident report: the incident, what it damaged and whose, the claims it brought, and totals.

It goes to the head of administration and to other offices, so owners appear by name only:
no addresses, phones or identity documents.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator, Mapping, Sequence
from datetime import datetime
from pathlib import Path
from typing import Any

from reportlab.platypus import Flowable, Table, TableStyle

from desktop.domain.models import Claim, Incident, Person
from desktop.domain.values import number_sort_key
from desktop.domain.views import OfficeSettings
from desktop.domain.words import DASH, Lang, count, day, label, moment, money, shown_number

from .facts import (
    approved_amount,
    owner_name,
    paid_amount,
    property_description,
    total,
    vehicle_description,
    vehicle_ids,
)
from .layout import (
    GRID_COLOUR,
    RULE_COLOUR,
    ZEBRA_FILL,
    Column,
    ReportDocument,
    Styles,
    details_table,
    fit_widths,
    para,
    ruled_table,
    section,
    title_block,
)
from .texts import tr


def build_incident_report(
    out_path: str | os.PathLike[str],
    incident: Incident,
    claims: Sequence[Claim],
    people: Mapping[str, Person],
    settings: OfficeSettings,
    *,
    lang: Lang = "ru",
    made_at: datetime | None = None,
    on_page: Callable[[int], None] | None = None,
) -> Path:
    """Write the incident report; `people` must hold the owners and claimants by id. `on_page(n)`
    as each page is begun (an incident of 20,000 cars runs to over a thousand)."""
    reference = shown_number(incident.reference, lang) or DASH
    doc = ReportDocument(
        out_path, settings=settings, title=tr("incident_title", lang, ref=reference), lang=lang, made_at=made_at,
        on_page=on_page,
    )
    return doc.build(incident_story(doc, incident, claims, people))


def incident_story(
    doc: ReportDocument, incident: Incident, claims: Sequence[Claim], people: Mapping[str, Person]
) -> Iterator[Flowable]:
    """The report's flowables as the layout asks for them: a table of 20,000 cars is built when
    the pages before it are laid out, so the first page is begun (and a Cancel heard) at once."""
    lang, s, width = doc.lang, doc.styles, doc.width
    subtitle = tr("incident_subtitle", lang, kind=label(incident.kind, lang), when=moment(incident.occurred_at, lang))
    yield from title_block(doc.title, subtitle, s)
    yield from section(tr("h_incident", lang), s)
    yield details_table(_incident_fields(incident, lang), width, s)

    yield from section(tr("h_vehicles", lang), s)
    yield _vehicles_table(incident, people, lang, s, width) if incident.vehicles else para(tr("no_vehicles", lang), s.note)

    yield from section(tr("h_properties", lang), s)
    yield _properties_table(incident, people, lang, s, width) if incident.properties else para(tr("no_properties", lang), s.note)

    ordered = sorted(claims, key=lambda c: (c.filed_on, number_sort_key(c.number) or "", c.number or ""))  # 9999 before 10000
    yield from section(tr("h_claims", lang), s)
    yield _claims_table(ordered, people, lang, s, width) if ordered else para(tr("no_claims", lang), s.note)

    yield from section(tr("h_totals", lang), s)
    left = [
        (tr("tot_vehicles", lang), count(len(incident.vehicles), lang)),
        (tr("tot_properties", lang), count(len(incident.properties), lang)),
        (tr("tot_estimated", lang), money(incident.estimated_total(), lang)),
    ]
    right = [
        (tr("tot_claims", lang), count(len(ordered), lang)),
        (tr("tot_requested", lang), money(total(c.requested_amount for c in ordered), lang)),
        (tr("tot_approved", lang), money(total(approved_amount(c) for c in ordered), lang)),
        (tr("tot_paid", lang), money(total(paid_amount(c) for c in ordered), lang)),
    ]
    yield _totals_table(left, right, s, width)


def _totals_table(left: list[tuple[str, str]], right: list[tuple[str, str]], s: Styles, width: float) -> Flowable:
    """Two label/value columns side by side (the damage, the claims), to keep the report short."""
    rows: list[list[object]] = []
    for i in range(max(len(left), len(right))):
        row: list[object] = []
        for n, pairs in enumerate((left, right)):
            if n:
                row.append("")
            row += [para(pairs[i][0], s.cell_bold), para(pairs[i][1], s.cell_right)] if i < len(pairs) else ["", ""]
        rows.append(row)
    commands: list[tuple[Any, ...]] = [
        ("FONTNAME", (0, 0), (-1, -1), s.fonts.sans.regular),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 0), (-1, -1), 2.2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]
    for first, last, pairs in ((0, 1, left), (3, 4, right)):
        end = len(pairs) - 1
        commands += [
            ("LINEABOVE", (first, 0), (last, 0), 0.8, RULE_COLOUR),
            ("LINEBELOW", (first, 0), (last, end), 0.3, GRID_COLOUR),
            ("LINEBELOW", (first, end), (last, end), 0.8, RULE_COLOUR),
            ("BACKGROUND", (first, 0), (first, end), ZEBRA_FILL),
        ]
    table = Table(rows, colWidths=fit_widths([None, 76, 18, None, 76], width), hAlign="LEFT")
    table.setStyle(TableStyle(commands))
    return table


def _incident_fields(incident: Incident, lang: Lang) -> list[tuple[str, object]]:
    fields: list[tuple[str, object]] = [
        (tr("f_reference", lang), shown_number(incident.reference, lang) or DASH),
        (tr("f_kind", lang), label(incident.kind, lang)),
        (tr("f_occurred", lang), moment(incident.occurred_at, lang)),
    ]
    if incident.reported_at:
        fields.append((tr("f_reported", lang), moment(incident.reported_at, lang)))
    fields += [
        (tr("f_region", lang), incident.region),
        (tr("f_district", lang), incident.district),
    ]
    if incident.settlement:
        fields.append((tr("f_settlement", lang), incident.settlement))
    fields.append((tr("f_location", lang), incident.location))
    if incident.latitude is not None and incident.longitude is not None:
        fields.append((tr("f_coordinates", lang), f"{incident.latitude:.5f}, {incident.longitude:.5f}"))
    if incident.description:
        fields.append((tr("f_description", lang), incident.description))
    if incident.source:
        fields.append((tr("f_source", lang), incident.source))
    if incident.uavs_downed is not None:
        fields.append((tr("f_uavs", lang), count(incident.uavs_downed, lang)))
    fields += [
        (tr("f_casualties", lang), f"{incident.injured} / {incident.killed}"),
        (tr("f_status", lang), label(incident.status, lang)),
    ]
    return fields


def _vehicles_table(incident: Incident, people: Mapping[str, Person], lang: Lang, s: Styles, width: float) -> Flowable:
    columns = [
        Column(tr("col_no", lang), fit=True),
        Column(tr("col_vehicle", lang)),
        Column(tr("col_plate_vin", lang), fit=True),
        Column(tr("col_owner", lang)),
        Column(tr("col_damage", lang)),
        Column(tr("col_severity", lang), fit=True),
        Column(tr("col_estimate", lang), fit=True, right=True),
    ]
    body = [
        [
            str(n),
            vehicle_description(v),
            vehicle_ids(v),
            owner_name(people, v.owner_id, lang),
            v.damage,
            label(v.severity, lang),
            money(v.estimated_cost, lang),
        ]
        for n, v in enumerate(incident.vehicles, start=1)
    ]
    sums = [tr("total", lang), "", "", "", "", "", money(total(v.estimated_cost for v in incident.vehicles), lang)]
    return ruled_table(columns, body, width, s, total=sums)


def _properties_table(incident: Incident, people: Mapping[str, Person], lang: Lang, s: Styles, width: float) -> Flowable:
    columns = [
        Column(tr("col_no", lang), fit=True),
        Column(tr("col_kind", lang)),
        Column(tr("col_property", lang)),
        Column(tr("col_owner", lang)),
        Column(tr("col_damage", lang)),
        Column(tr("col_severity", lang), fit=True),
        Column(tr("col_estimate", lang), fit=True, right=True),
    ]
    body = [
        [
            str(n),
            label(p.kind, lang),
            property_description(p),
            owner_name(people, p.owner_id, lang),
            p.damage,
            label(p.severity, lang),
            money(p.estimated_cost, lang),
        ]
        for n, p in enumerate(incident.properties, start=1)
    ]
    sums = [tr("total", lang), "", "", "", "", "", money(total(p.estimated_cost for p in incident.properties), lang)]
    return ruled_table(columns, body, width, s, total=sums)


def _claims_table(claims: Sequence[Claim], people: Mapping[str, Person], lang: Lang, s: Styles, width: float) -> Flowable:
    columns = [
        Column(tr("col_no", lang), fit=True),
        Column(tr("col_claim", lang), fit=True),
        Column(tr("col_filed", lang), fit=True),
        Column(tr("col_claimant", lang)),
        Column(tr("col_status", lang), fit=True),
        Column(tr("col_requested", lang), fit=True, right=True),
        Column(tr("col_approved", lang), fit=True, right=True),
        Column(tr("col_paid", lang), fit=True, right=True),
    ]
    body = [
        [
            str(n),
            shown_number(c.number, lang) or DASH,
            day(c.filed_on, lang),
            owner_name(people, c.claimant_id, lang),
            label(c.status, lang),
            money(c.requested_amount, lang),
            money(approved_amount(c), lang),
            money(paid_amount(c), lang),
        ]
        for n, c in enumerate(claims, start=1)
    ]
    sums = [
        tr("total", lang), "", "", "", "",
        money(total(c.requested_amount for c in claims), lang),
        money(total(approved_amount(c) for c in claims), lang),
        money(total(paid_amount(c) for c in claims), lang),
    ]
    return ruled_table(columns, body, width, s, total=sums)
