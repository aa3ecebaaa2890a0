"""The office's settings as the store keeps them: defaults, the new keys, values edited by hand."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from desktop.domain.deadlines import DOCUMENTS_DUE_DAYS, documents_due
from desktop.domain.enums import Severity
from desktop.domain.payment_rules import PaymentRules
from desktop.domain.views import OfficeSettings


def test_defaults_when_nothing_is_stored():
    office = OfficeSettings.from_stored({})
    assert office == OfficeSettings()
    assert office.executors == [] and office.documents_due_days == DOCUMENTS_DUE_DAYS == 10
    assert office.payment_rules.is_empty()
    assert office.region == "Калужская область"


def test_stored_values_are_read():
    office = OfficeSettings.from_stored({
        "office_name": "Администрация г. Калуги", "language": "ru", "districts": ["г. Калуга"],
        "executors": ["Петрова А. С.", " Сидоров В. В. ", "", "Петрова А. С."],
        "documents_due_days": 15,
        "payment_rules": {"vehicle": {"destroyed": "156750"}},
    })
    assert office.office_name == "Администрация г. Калуги" and office.language == "ru"
    assert office.executors == ["Петрова А. С.", "Сидоров В. В."]  # trimmed, blanks and repeats dropped
    assert office.documents_due_days == 15
    assert office.payment_rules.cap("vehicle", Severity.DESTROYED) == Decimal("156750.00")
    assert office.stored_value("payment_rules") == {"vehicle": {"destroyed": "156750.00"}}
    assert office.stored_value("executors") == ["Петрова А. С.", "Сидоров В. В."]


def test_values_edited_by_hand_fall_back_to_defaults():
    office = OfficeSettings.from_stored({
        "office_name": 12, "executors": "Петрова", "documents_due_days": 0, "payment_rules": [1],
    })
    assert office.office_name == "" and office.executors == [] and office.documents_due_days == 10
    assert office.payment_rules == PaymentRules()
    assert OfficeSettings.from_stored({"documents_due_days": True}).documents_due_days == 10
    assert OfficeSettings.from_stored({"documents_due_days": 91}).documents_due_days == 10
    assert OfficeSettings.from_stored({"documents_due_days": 90}).documents_due_days == 90


def test_documents_due_counts_calendar_days():
    assert documents_due(date(2026, 9, 25)) == date(2026, 10, 5)
    assert documents_due(date(2026, 12, 28), 5) == date(2027, 1, 2)
