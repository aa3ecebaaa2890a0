"""Periods a clerk names rather than types: today, yesterday, this week, this month.

Weeks start on Monday, as in a Russian calendar. A period is whole days, both ends included,
as FILTERS' --from/--to are.
"""

from __future__ import annotations

from datetime import date, timedelta
from enum import StrEnum


class Preset(StrEnum):
    TODAY = "today"
    YESTERDAY = "yesterday"
    THIS_WEEK = "this_week"
    THIS_MONTH = "this_month"


def preset_period(preset: Preset, today: date) -> tuple[date, date]:
    """The first and last day of the period `preset` names, as seen on `today`."""
    if preset is Preset.TODAY:
        return today, today
    if preset is Preset.YESTERDAY:
        day = today - timedelta(days=1)
        return day, day
    if preset is Preset.THIS_WEEK:
        monday = today - timedelta(days=today.weekday())
        return monday, monday + timedelta(days=6)
    first = today.replace(day=1)
    following = (first + timedelta(days=32)).replace(day=1)
    return first, following - timedelta(days=1)


def preset_of(date_from: date | None, date_to: date | None, today: date) -> Preset | None:
    """The preset whose period is exactly `date_from`–`date_to` (None: a period of the clerk's own)."""
    for preset in Preset:
        if (date_from, date_to) == preset_period(preset, today):
            return preset
    return None
