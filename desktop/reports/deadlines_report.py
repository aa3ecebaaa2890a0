"""Deadline control (контроль исполнения): the open claims by executor, the nearest answer date first.

What an administrator reads on Monday: per executor how many claims are open, overdue, due within
three days, registered late and extended (a table first, with totals), then each executor's claims
in the order their answers fall due: filed and registered on (registered late in bold, 59-FZ's
3 days), the answer date, the extension's date, and the days left — or, in bold, the days
overdue. Every date and count comes from `domain.deadlines` (the rule's one home), judged on
the day the report is made. Settled claims (approved, rejected, paid, withdrawn) are not
listed: they wait for no answer.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from reportlab.platypus import Flowable

from desktop.domain import deadlines
from desktop.domain.views import ClaimRow, Filters, OfficeSettings
from desktop.domain.words import DASH, Lang, count, day, label, shown_number

from .layout import Column, ReportDocument, Strong, para, ruled_table, section, title_block
from .register import describe_filters, subtitle_line
from .texts import tr

DUE_SOON_DAYS = 3  # «срок в ближайшие 3 дня»: what must be answered this week


@dataclass(frozen=True)
class DeadlineLine:
    """An open claim's register row with the dates the row does not carry."""

    row: ClaimRow  # number, filing date, claimant, status, answer date (extension counted), executor
    registered_on: date | None  # None: registered on the filing day (interchange.md)
    extension_until: date | None

    def registered_late(self) -> bool:
        return deadlines.registered_late(self.row.filed_on, self.registered_on)


@dataclass
class ExecutorCounts:
    name: str | None  # None: no executor assigned
    open: int = 0
    overdue: int = 0
    due_soon: int = 0
    registered_late: int = 0
    extended: int = 0

    def add(self, line: DeadlineLine, today: date) -> None:
        self.open += 1
        left = deadlines.days_left(line.row.answer_due, today)
        if line.row.overdue(today):
            self.overdue += 1
        elif left <= DUE_SOON_DAYS:
            self.due_soon += 1
        self.registered_late += line.registered_late()
        self.extended += line.extension_until is not None


def group_by_executor(
    lines: Iterable[DeadlineLine], office_executors: Sequence[str], today: date, *, only: str | None = None,
) -> list[tuple[ExecutorCounts, list[DeadlineLine]]]:
    """Groups in the office's order of executors (each listed, with nothing open too, unless the
    report is for `only` one), then other names found on claims alphabetically, then the claims
    with no executor. Within a group the lines keep their order (the answer date's)."""
    groups: dict[str | None, list[DeadlineLine]] = {}
    for line in lines:
        groups.setdefault(line.row.executor or None, []).append(line)
    names: list[str | None] = [] if only else list(dict.fromkeys(office_executors))
    if only and only not in names:
        names.append(only)
    names += sorted((n for n in groups if n is not None and n not in names), key=lambda n: (n.casefold(), n))
    if None in groups:
        names.append(None)
    out = []
    for name in names:
        counts = ExecutorCounts(name)
        for line in groups.get(name, []):
            counts.add(line, today)
        out.append((counts, groups.get(name, [])))
    return out


def build_deadlines(
    out_path: str | os.PathLike[str],
    lines: Iterable[DeadlineLine],
    settings: OfficeSettings,
    *,
    filters: Filters | None = None,
    lang: Lang = "ru",
    made_at: datetime | None = None,
) -> Path:
    """Write the report of `lines` (open claims, in the order of their answer dates)."""
    doc = ReportDocument(out_path, settings=settings, title=tr("deadlines_title", lang), lang=lang, made_at=made_at,
                         wide=True)
    return doc.build(deadlines_story(doc, lines, filters or Filters()))


def deadlines_story(doc: ReportDocument, lines: Iterable[DeadlineLine], filters: Filters) -> list[Flowable]:
    lang, s = doc.lang, doc.styles
    today = doc.made_at.date()
    selection = describe_filters(filters, lang) if filters != Filters() else None
    subtitle = subtitle_line(tr("deadlines_on", lang, day=day(today, lang)), selection)
    story: list[Flowable] = title_block(doc.title, subtitle, s)
    groups = group_by_executor(lines, doc.settings.executors, today, only=filters.executor)
    if not any(found for _, found in groups):
        story.append(para(tr("deadlines_empty", lang), s.note))
        if not groups:
            return story

    story += section(tr("h_by_executor", lang), s)
    story.append(_summary_table(groups, lang, doc))
    for counts, found in groups:
        if not found:
            continue
        name = counts.name or tr("executor_none", lang)
        story += section(tr("executor_heading", lang, name=name, n=count(counts.open, lang),
                             overdue=count(counts.overdue, lang)), s)
        story.append(_claims_table(found, today, lang, doc))
    return story


def _summary_table(groups: list[tuple[ExecutorCounts, list[DeadlineLine]]], lang: Lang, doc: ReportDocument) -> Flowable:
    keys = ("col_open", "col_overdue", "col_due_soon", "col_late_registration", "col_extended")
    columns = [Column(tr("col_executor", lang), weight=3.0)] + [Column(tr(k, lang), right=True) for k in keys]
    body: list[list[str]] = []
    sums = [0] * len(keys)
    for counts, _ in groups:
        figures = [counts.open, counts.overdue, counts.due_soon, counts.registered_late, counts.extended]
        sums = [a + b for a, b in zip(sums, figures, strict=True)]
        cells = [count(n, lang) for n in figures]
        if counts.overdue:
            cells[1] = Strong(cells[1])
        body.append([counts.name or tr("executor_none", lang), *cells])
    total = [tr("total", lang), *(count(n, lang) for n in sums)]
    return ruled_table(columns, body, doc.width, doc.styles, total=total)


def _claims_table(lines: list[DeadlineLine], today: date, lang: Lang, doc: ReportDocument) -> Flowable:
    columns = [
        Column(tr("col_no", lang), fit=True, right=True),
        Column(tr("col_claim", lang), fit=True),
        Column(tr("col_claimant", lang), weight=2.0),
        Column(tr("col_filed", lang), fit=True),
        Column(tr("col_registered", lang), fit=True),
        Column(tr("col_answer_due", lang), fit=True),
        Column(tr("col_extension", lang), fit=True),
        Column(tr("col_left", lang), fit=True),
        Column(tr("col_status", lang), fit=True),
    ]
    statuses: dict[object, str] = {}
    late = tr("registered_late", lang)
    body: list[list[str]] = []
    for n, line in enumerate(lines, start=1):
        row = line.row
        registered = day(line.registered_on or row.filed_on, lang)
        registered_cell: str = Strong(f"{registered}\n{late}") if line.registered_late() else registered
        due = day(row.answer_due, lang)
        left = deadlines.days_left(row.answer_due, today)
        if row.overdue(today):
            due_cell: str = Strong(due)
            left_cell: str = Strong(tr("overdue_days", lang, n=count(-left, lang)))
        else:
            due_cell = due
            left_cell = tr("left_today", lang) if left == 0 else tr("left_days", lang, n=count(left, lang))
        status = statuses.get(row.status)
        if status is None:
            status = statuses[row.status] = label(row.status, lang)
        body.append([str(n), shown_number(row.number, lang), row.claimant, day(row.filed_on, lang), registered_cell,
                     due_cell, day(line.extension_until, lang) if line.extension_until else DASH, left_cell, status])
    return ruled_table(columns, body, doc.width, doc.styles)
