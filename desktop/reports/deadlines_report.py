"""Deadline control (контроль исполнения): the claims not answered yet by executor, the nearest answer date first.

What an administrator reads on Monday: per executor how many claims are open, overdue, due within
three days, registered late and extended, and how many are decided but their decision not sent
to the claimant (a table first, with totals), then each executor's open claims in the order
their answers fall due: filed and registered on (registered late in bold, 59-FZ's 3 days), the
answer date, the extension's date, and the days left — or, in bold, the days overdue; then, in
their own group under «Решение не направлено заявителю», the decided claims whose notice has not
gone out (59-FZ: a claim is answered once the claimant is sent the decision), with the decision
and the days to the answer date, or in bold how long ago it passed. Every date and count comes
from `domain.deadlines` (the rule's one home), judged on the day the report is made, from the
claims register's rows (registration, extension and notice dates are on them). Claims answered
(decided and the notice sent) or withdrawn are not listed: they wait for no answer.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable

from desktop.domain import deadlines
from desktop.domain.views import ClaimRow, Filters, OfficeSettings
from desktop.domain.words import DASH, Lang, count, day, label, shown_number

from .layout import Column, ReportDocument, Strong, para, ruled_table, section, title_block
from .register import describe_filters, subtitle_line
from .texts import tr

DUE_SOON_DAYS = 3  # «срок в ближайшие 3 дня»: what must be answered this week


@dataclass(frozen=True)
class DeadlineLine:
    """A claim not answered yet: its register row (number, filing and registration dates, claimant,
    status, answer date with the extension counted, executor, decision and its notice)."""

    row: ClaimRow

    @property
    def registered_on(self) -> date | None:  # None: registered on the filing day (interchange.md)
        return self.row.registered_on

    @property
    def extension_until(self) -> date | None:
        return self.row.extension_until

    def registered_late(self) -> bool:
        return self.row.registered_late()

    @property
    def notice_pending(self) -> bool:
        """Decided, and the decision not sent to the claimant: not answered yet (59-FZ)."""
        return self.row.status in deadlines.DECIDED and not self.row.answered()


def awaits_answer(row: ClaimRow) -> bool:
    """Whether deadline control lists the row: open, or decided with its notice not sent."""
    return deadlines.awaits_answer(row.status, row.notice_sent_on)


@dataclass
class ExecutorCounts:
    name: str | None  # None: no executor assigned
    open: int = 0
    overdue: int = 0
    due_soon: int = 0
    registered_late: int = 0
    extended: int = 0
    notice_pending: int = 0  # decided, the decision not sent to the claimant

    def add(self, line: DeadlineLine, today: date) -> None:
        if line.notice_pending:
            self.notice_pending += 1
            return
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
    """Write the report of `lines` (claims not answered yet, in the order of their answer dates)."""
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

    group = ParagraphStyle("deadlines_group", parent=s.heading, fontSize=10, leading=12.5, spaceBefore=6)
    story += section(tr("h_by_executor", lang), s)
    story.append(_summary_table(groups, lang, doc))
    for counts, found in groups:
        if not found:
            continue
        name = counts.name or tr("executor_none", lang)
        heading = tr("executor_heading", lang, name=name, n=count(counts.open, lang), overdue=count(counts.overdue, lang))
        if counts.notice_pending:
            heading += tr("executor_heading_notice", lang, n=count(counts.notice_pending, lang))
        story += section(heading, s)
        open_lines = [line for line in found if not line.notice_pending]
        if open_lines:
            story.append(_claims_table(open_lines, today, lang, doc))
        pending = [line for line in found if line.notice_pending]
        if pending:  # their own group under the executor's heading, never alone at a page's foot
            story += [CondPageBreak(24 * mm), para(tr("notice_pending_group", lang, n=count(len(pending), lang)), group)]
            story.append(_notice_table(pending, today, lang, doc))
    return story


def _summary_table(groups: list[tuple[ExecutorCounts, list[DeadlineLine]]], lang: Lang, doc: ReportDocument) -> Flowable:
    keys = ("col_open", "col_overdue", "col_due_soon", "col_late_registration", "col_extended", "col_notice_pending")
    columns = [Column(tr("col_executor", lang), weight=3.0)] + [Column(tr(k, lang), right=True) for k in keys]
    body: list[list[str]] = []
    sums = [0] * len(keys)
    for counts, _ in groups:
        figures = [counts.open, counts.overdue, counts.due_soon, counts.registered_late, counts.extended,
                   counts.notice_pending]
        sums = [a + b for a, b in zip(sums, figures, strict=True)]
        cells = [count(n, lang) for n in figures]
        if counts.overdue:
            cells[1] = Strong(cells[1])
        if counts.notice_pending:
            cells[-1] = Strong(cells[-1])
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


def _notice_table(lines: list[DeadlineLine], today: date, lang: Lang, doc: ReportDocument) -> Flowable:
    """Decided claims whose notice has not gone out: the decision, the answer date, the days left
    to it, or in bold how many days ago it passed (the claimant still has no answer)."""
    columns = [
        Column(tr("col_no", lang), fit=True, right=True),
        Column(tr("col_claim", lang), fit=True),
        Column(tr("col_claimant", lang), weight=2.0),
        Column(tr("col_decision", lang), fit=True),
        Column(tr("col_status", lang), fit=True),
        Column(tr("col_answer_due", lang), fit=True),
        Column(tr("col_left", lang), fit=True),
    ]
    decided_on = tr("decided_on", lang, date="{}")
    body: list[list[str]] = []
    for n, line in enumerate(lines, start=1):
        row = line.row
        decision = row.decision_number or DASH
        if row.decision_date is not None:
            decision += "\n" + decided_on.format(day(row.decision_date, lang))
        due = day(row.answer_due, lang)
        left = deadlines.days_left(row.answer_due, today)
        if left < 0:
            due_cell: str = Strong(due)
            left_cell: str = Strong(tr("answer_date_passed", lang, n=count(-left, lang)))
        else:
            due_cell = due
            left_cell = tr("left_today", lang) if left == 0 else tr("left_days", lang, n=count(left, lang))
        body.append([str(n), shown_number(row.number, lang), row.claimant, decision, label(row.status, lang), due_cell,
                     left_cell])
    return ruled_table(columns, body, doc.width, doc.styles)
