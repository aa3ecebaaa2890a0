"""Incident report: the incident, what it damaged and whose, the claims it brought, and totals.

It goes to the head of administration and to other offices, so owners appear by name only:
no addresses, phones or identity documents.
"""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from datetime import datetime
from pathlib import Path

from reportlab.platypus import Flowable, Paragraph

from desktop.domain.models import Claim, Incident, Person
from desktop.domain.views import OfficeSettings

from .facts import (
    approved_amount,
    owner_name,
    paid_amount,
    property_description,
    total,
    vehicle_description,
    vehicle_ids,
)
from .format import DASH, Lang, count, day, label, moment, money
from .layout import ReportDocument, Styles, details_table, esc, grid_table, para, shares, title_block
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
) -> Path:
    """Write the incident report; `people` must hold the owners and claimants by id."""
    reference = incident.reference or DASH
    doc = ReportDocument(
        out_path, settings=settings, title=tr("incident_title", lang, ref=reference), lang=lang, made_at=made_at
    )
    return doc.build(incident_story(doc, incident, claims, people))


def incident_story(
    doc: ReportDocument, incident: Incident, claims: Sequence[Claim], people: Mapping[str, Person]
) -> list[Flowable]:
    lang, s, width = doc.lang, doc.styles, doc.width
    subtitle = tr("incident_subtitle", lang, kind=label(incident.kind, lang), when=moment(incident.occurred_at, lang))
    story: list[Flowable] = title_block(doc.title, subtitle, s)
    story.append(Paragraph(esc(tr("h_incident", lang)), s.heading))
    story.append(details_table(_incident_fields(incident, lang), width, s))

    story.append(Paragraph(esc(tr("h_vehicles", lang)), s.heading))
    story.append(_vehicles_table(incident, people, lang, s, width) if incident.vehicles else para(tr("no_vehicles", lang), s.note))

    story.append(Paragraph(esc(tr("h_properties", lang)), s.heading))
    story.append(
        _properties_table(incident, people, lang, s, width) if incident.properties else para(tr("no_properties", lang), s.note)
    )

    ordered = sorted(claims, key=lambda c: (c.filed_on, c.number or ""))
    story.append(Paragraph(esc(tr("h_claims", lang)), s.heading))
    story.append(_claims_table(ordered, people, lang, s, width) if ordered else para(tr("no_claims", lang), s.note))

    story.append(Paragraph(esc(tr("h_totals", lang)), s.heading))
    totals = [
        (tr("tot_vehicles", lang), count(len(incident.vehicles), lang)),
        (tr("tot_properties", lang), count(len(incident.properties), lang)),
        (tr("tot_estimated", lang), money(incident.estimated_total(), lang)),
        (tr("tot_claims", lang), count(len(ordered), lang)),
        (tr("tot_requested", lang), money(total(c.requested_amount for c in ordered), lang)),
        (tr("tot_approved", lang), money(total(approved_amount(c) for c in ordered), lang)),
        (tr("tot_paid", lang), money(total(paid_amount(c) for c in ordered), lang)),
    ]
    story.append(details_table(totals, width * 0.62, s, label_share=0.62))
    return story


def _incident_fields(incident: Incident, lang: Lang) -> list[tuple[str, object]]:
    fields: list[tuple[str, object]] = [
        (tr("f_reference", lang), incident.reference or DASH),
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


def _head(keys: Sequence[str], lang: Lang, s: Styles) -> list[Paragraph]:
    return [Paragraph(esc(tr(k, lang)), s.cell_head) for k in keys]


def _vehicles_table(incident: Incident, people: Mapping[str, Person], lang: Lang, s: Styles, width: float) -> Flowable:
    widths = shares([7, 28, 31, 31, 36, 16, 21], width)
    rows: list[list[object]] = [
        _head(["col_no", "col_vehicle", "col_plate_vin", "col_owner", "col_damage", "col_severity", "col_estimate"], lang, s)
    ]
    for n, v in enumerate(incident.vehicles, start=1):
        rows.append(
            [
                str(n),
                para(vehicle_description(v), s.cell),
                para(vehicle_ids(v), s.cell),
                para(owner_name(people, v.owner_id, lang), s.cell),
                para(v.damage, s.cell),
                para(label(v.severity, lang), s.cell),
                para(money(v.estimated_cost, lang), s.cell_right),
            ]
        )
    rows.append(
        [para(tr("total", lang), s.cell_bold), "", "", "", "", "",
         para(money(total(v.estimated_cost for v in incident.vehicles), lang), s.cell_right_bold)]
    )
    return grid_table(rows, widths, s.fonts, total_rows=1, extra=[("SPAN", (0, -1), (-2, -1))])


def _properties_table(incident: Incident, people: Mapping[str, Person], lang: Lang, s: Styles, width: float) -> Flowable:
    widths = shares([7, 24, 35, 31, 36, 16, 21], width)
    rows: list[list[object]] = [
        _head(["col_no", "col_kind", "col_property", "col_owner", "col_damage", "col_severity", "col_estimate"], lang, s)
    ]
    for n, p in enumerate(incident.properties, start=1):
        rows.append(
            [
                str(n),
                para(label(p.kind, lang), s.cell),
                para(property_description(p), s.cell),
                para(owner_name(people, p.owner_id, lang), s.cell),
                para(p.damage, s.cell),
                para(label(p.severity, lang), s.cell),
                para(money(p.estimated_cost, lang), s.cell_right),
            ]
        )
    rows.append(
        [para(tr("total", lang), s.cell_bold), "", "", "", "", "",
         para(money(total(p.estimated_cost for p in incident.properties), lang), s.cell_right_bold)]
    )
    return grid_table(rows, widths, s.fonts, total_rows=1, extra=[("SPAN", (0, -1), (-2, -1))])


def _claims_table(claims: Sequence[Claim], people: Mapping[str, Person], lang: Lang, s: Styles, width: float) -> Flowable:
    widths = shares([7, 24, 18, 40, 22, 20, 20, 20], width)
    rows: list[list[object]] = [
        _head(
            ["col_no", "col_claim", "col_filed", "col_claimant", "col_status",
             "col_requested", "col_approved", "col_paid"],
            lang,
            s,
        )
    ]
    for n, c in enumerate(claims, start=1):
        rows.append(
            [
                str(n),
                para(c.number or DASH, s.cell),
                day(c.filed_on, lang),
                para(owner_name(people, c.claimant_id, lang), s.cell),
                para(label(c.status, lang), s.cell),
                para(money(c.requested_amount, lang), s.cell_right),
                para(money(approved_amount(c), lang), s.cell_right),
                para(money(paid_amount(c), lang), s.cell_right),
            ]
        )
    rows.append(
        [
            para(tr("total", lang), s.cell_bold), "", "", "", "",
            para(money(total(c.requested_amount for c in claims), lang), s.cell_right_bold),
            para(money(total(approved_amount(c) for c in claims), lang), s.cell_right_bold),
            para(money(total(paid_amount(c) for c in claims), lang), s.cell_right_bold),
        ]
    )
    return grid_table(rows, widths, s.fonts, total_rows=1, extra=[("SPAN", (0, -1), (4, -1))])

