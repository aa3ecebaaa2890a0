"""Periods named rather than typed: today, yesterday, this week, this month."""

from __future__ import annotations

from datetime import date

import pytest

from desktop.domain.periods import Preset, preset_of, preset_period

TUESDAY = date(2026, 10, 20)


@pytest.mark.parametrize(("preset", "today", "period"), [
    (Preset.TODAY, TUESDAY, (TUESDAY, TUESDAY)),
    (Preset.YESTERDAY, TUESDAY, (date(2026, 10, 19), date(2026, 10, 19))),
    (Preset.YESTERDAY, date(2026, 1, 1), (date(2025, 12, 31), date(2025, 12, 31))),
    (Preset.THIS_WEEK, TUESDAY, (date(2026, 10, 19), date(2026, 10, 25))),  # Monday to Sunday
    (Preset.THIS_WEEK, date(2026, 10, 25), (date(2026, 10, 19), date(2026, 10, 25))),  # on a Sunday
    (Preset.THIS_MONTH, TUESDAY, (date(2026, 10, 1), date(2026, 10, 31))),
    (Preset.THIS_MONTH, date(2026, 12, 31), (date(2026, 12, 1), date(2026, 12, 31))),
    (Preset.THIS_MONTH, date(2028, 2, 10), (date(2028, 2, 1), date(2028, 2, 29))),
])
def test_a_preset_names_whole_days(preset, today, period):
    assert preset_period(preset, today) == period
    assert preset_of(*period, today) is preset


def test_dates_of_the_clerks_own_are_no_preset():
    assert preset_of(date(2026, 10, 1), date(2026, 10, 20), TUESDAY) is None
    assert preset_of(None, None, TUESDAY) is None
