"""The clerk's words for enum values and the formats of values in the forms, in ru and en.

The language itself lives in `desktop.ui.i18n` (the app sets it with `install()` at start and
when the clerk switches in Settings); `current_language()` reads it so that domain messages
(`FieldError.text(lang)`) follow the window. Tests may pin it with `set_language()`.

Every label is a literal `QCoreApplication.translate("EnumLabel", ...)` call so that
`pyside6-lupdate` extracts it (it does not follow an alias such as `t = ...translate`); the
context and source strings are the ones `i18n.label()` uses, so one translation serves both.
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from enum import StrEnum

from PySide6.QtCore import QCoreApplication

from ..domain.enums import (
    ClaimKind,
    ClaimStatus,
    DocumentKind,
    IncidentKind,
    IncidentStatus,
    PersonKind,
    PropertyKind,
    Severity,
)
from ..reports.format import money as _money_on_paper
from . import i18n

NBSP = "\u00a0"
DATE_FORMAT = "dd.MM.yyyy"  # Qt display formats: clerks write dates this way in both languages
DATETIME_FORMAT = "dd.MM.yyyy HH:mm"

_pinned: str | None = None


def set_language(lang: str | None) -> None:
    """Pin the language of messages (tests, or a caller without `i18n.install`); None unpins."""
    global _pinned
    _pinned = None if lang is None else ("ru" if lang.lower().startswith("ru") else "en")


def current_language() -> str:
    """`ru` or `en`: the pinned language, else the one the app installed."""
    return _pinned or i18n.current_language()


def enum_label(value: StrEnum | None) -> str:
    """The clerk's word for an enum value in the window's language; the wire name if unknown."""
    if value is None:
        return ""
    table = _LABELS.get(type(value))
    if table is None:
        return value.value
    return table(value)


def enum_items(enum: type[StrEnum]) -> list[tuple[StrEnum, str]]:
    """Every member with its label, in declaration order (for combo boxes)."""
    return [(member, enum_label(member)) for member in enum]


def money_text(amount: Decimal | None) -> str:
    """A sum for a table cell: `48 500,00 ₽` / `₽48,500.00`; empty when there is none."""
    return "" if amount is None else _money_on_paper(amount, "ru" if current_language() == "ru" else "en")


def money_input_text(amount: Decimal | None) -> str:
    """A sum for an input field, in a form `parse_money_input` reads back: `48 500,00`."""
    if amount is None:
        return ""
    whole, cents = f"{amount:.2f}".split(".")
    head = len(whole) % 3 or 3
    grouped = " ".join([whole[:head], *(whole[i : i + 3] for i in range(head, len(whole), 3))])
    return f"{grouped},{cents}" if current_language() == "ru" else f"{grouped}.{cents}"


def date_text(day: date | None) -> str:
    return "" if day is None else day.strftime("%d.%m.%Y")


def datetime_text(moment: datetime | None) -> str:
    """In the offset the moment was recorded with: the time the office wrote down."""
    return "" if moment is None else moment.strftime("%d.%m.%Y %H:%M")


def _person_kind(v: StrEnum) -> str:
    return {
        PersonKind.PERSON: QCoreApplication.translate("EnumLabel", "individual"),
        PersonKind.ORGANISATION: QCoreApplication.translate("EnumLabel", "organisation"),
    }[v]


def _incident_kind(v: StrEnum) -> str:
    return {
        IncidentKind.UAV_DEBRIS: QCoreApplication.translate("EnumLabel", "UAV debris fell"),
        IncidentKind.UAV_STRIKE: QCoreApplication.translate("EnumLabel", "UAV strike"),
        IncidentKind.OTHER: QCoreApplication.translate("EnumLabel", "other incident"),
    }[v]


def _incident_status(v: StrEnum) -> str:
    return {
        IncidentStatus.OPEN: QCoreApplication.translate("EnumLabel", "open"),
        IncidentStatus.CLOSED: QCoreApplication.translate("EnumLabel", "closed"),
    }[v]


def _severity(v: StrEnum) -> str:
    return {
        Severity.MINOR: QCoreApplication.translate("EnumLabel", "minor"),
        Severity.MODERATE: QCoreApplication.translate("EnumLabel", "moderate"),
        Severity.SEVERE: QCoreApplication.translate("EnumLabel", "severe"),
        Severity.DESTROYED: QCoreApplication.translate("EnumLabel", "destroyed"),
    }[v]


def _property_kind(v: StrEnum) -> str:
    return {
        PropertyKind.DWELLING: QCoreApplication.translate("EnumLabel", "dwelling"),
        PropertyKind.OUTBUILDING: QCoreApplication.translate("EnumLabel", "outbuilding"),
        PropertyKind.COMMERCIAL: QCoreApplication.translate("EnumLabel", "commercial property"),
        PropertyKind.INFRASTRUCTURE: QCoreApplication.translate("EnumLabel", "infrastructure"),
        PropertyKind.OTHER: QCoreApplication.translate("EnumLabel", "other property"),
    }[v]


def _claim_kind(v: StrEnum) -> str:
    return {
        ClaimKind.DAMAGE_COMPENSATION: QCoreApplication.translate("EnumLabel", "damage compensation"),
        ClaimKind.REPAIR_ASSISTANCE: QCoreApplication.translate("EnumLabel", "repair assistance"),
        ClaimKind.FINANCIAL_AID: QCoreApplication.translate("EnumLabel", "financial aid"),
        ClaimKind.OTHER: QCoreApplication.translate("EnumLabel", "other claim"),
    }[v]


def _claim_status(v: StrEnum) -> str:
    return {
        ClaimStatus.RECEIVED: QCoreApplication.translate("EnumLabel", "received"),
        ClaimStatus.DOCUMENTS_REQUESTED: QCoreApplication.translate("EnumLabel", "documents requested"),
        ClaimStatus.UNDER_REVIEW: QCoreApplication.translate("EnumLabel", "under review"),
        ClaimStatus.APPROVED: QCoreApplication.translate("EnumLabel", "approved"),
        ClaimStatus.REJECTED: QCoreApplication.translate("EnumLabel", "rejected"),
        ClaimStatus.PAID: QCoreApplication.translate("EnumLabel", "paid"),
        ClaimStatus.WITHDRAWN: QCoreApplication.translate("EnumLabel", "withdrawn"),
    }[v]


def _document_kind(v: StrEnum) -> str:
    return {
        DocumentKind.APPLICATION: QCoreApplication.translate("EnumLabel", "application"),
        DocumentKind.IDENTITY_DOCUMENT: QCoreApplication.translate("EnumLabel", "copy of the identity document"),
        DocumentKind.PERSONAL_DATA_CONSENT: QCoreApplication.translate("EnumLabel", "consent to personal data processing"),
        DocumentKind.VEHICLE_REGISTRATION: QCoreApplication.translate("EnumLabel", "vehicle registration (STS/PTS)"),
        DocumentKind.OWNERSHIP_PROOF: QCoreApplication.translate("EnumLabel", "proof of ownership"),
        DocumentKind.DAMAGE_ASSESSMENT: QCoreApplication.translate("EnumLabel", "commission's inspection act"),
        DocumentKind.EXPERT_ASSESSMENT: QCoreApplication.translate("EnumLabel", "independent expert's valuation"),
        DocumentKind.POLICE_REPORT: QCoreApplication.translate("EnumLabel", "police or emergency service record"),
        DocumentKind.VICTIM_RECOGNITION: QCoreApplication.translate("EnumLabel", "order recognising the victim"),
        DocumentKind.INSURANCE_CERTIFICATE: QCoreApplication.translate("EnumLabel", "insurer's certificate"),
        DocumentKind.PHOTOS: QCoreApplication.translate("EnumLabel", "photographs of the damage"),
        DocumentKind.BANK_DETAILS: QCoreApplication.translate("EnumLabel", "bank details"),
        DocumentKind.OTHER: QCoreApplication.translate("EnumLabel", "other document"),
    }[v]


_LABELS = {
    PersonKind: _person_kind,
    IncidentKind: _incident_kind,
    IncidentStatus: _incident_status,
    Severity: _severity,
    PropertyKind: _property_kind,
    ClaimKind: _claim_kind,
    ClaimStatus: _claim_status,
    DocumentKind: _document_kind,
}
