"""The window's language: Qt translators for our strings and for Qt's own, and enum labels.

Source strings are English in the code; Russian comes from `resources/translations/
incident_log_ru.qm` (built from the `.ts` by `update.sh`), and Qt's own dialogs (file dialogs,
QMessageBox buttons, the print dialog) from `qtbase_ru.qm` in Qt's translations folder. The
translators live in a module-level list: a QTranslator that Python collects stops translating.
"""

from __future__ import annotations

import logging
from enum import StrEnum
from typing import Literal

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

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
from ..paths import resource

Lang = Literal["ru", "en"]
LANGUAGES: tuple[Lang, ...] = ("ru", "en")
CATALOGUE = "incident_log"

log = logging.getLogger("incident_log.ui")

_translators: list[QTranslator] = []
_language: Lang = "en"
_labels_cache: dict[str, dict[type[StrEnum], dict[str, str]]] = {}


def system_language() -> Lang:
    """Russian when the system's UI language is Russian, else English (as cli.md says)."""
    return "ru" if QLocale.system().language() == QLocale.Language.Russian else "en"


def resolve_language(explicit: str | None, stored: str | None) -> Lang:
    """`--lang`, else the database's `language` setting, else the system's."""
    for choice in (explicit, stored):
        if choice in LANGUAGES:
            return choice  # type: ignore[return-value]
    return system_language()


def current_language() -> Lang:
    return _language


def translations_dir() -> str:
    return str(resource("translations"))


def install(lang: str) -> list[str]:
    """Swap the application's translators for `lang`; returns the catalogues that loaded.

    Called again with another language it switches live: Qt sends LanguageChange to every
    widget, and the main window rebuilds itself.
    """
    global _language
    app = QCoreApplication.instance()
    for old in _translators:
        if app is not None:
            QCoreApplication.removeTranslator(old)
    _translators.clear()
    _labels_cache.clear()
    _language = "ru" if lang == "ru" else "en"
    QLocale.setDefault(QLocale(QLocale.Language.Russian, QLocale.Territory.Russia) if _language == "ru"
                       else QLocale(QLocale.Language.English, QLocale.Territory.UnitedKingdom))
    loaded: list[str] = []
    if _language == "en" or app is None:
        return loaded  # the source strings are English
    for name, folder in ((f"{CATALOGUE}_ru", translations_dir()),
                         ("qtbase_ru", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))):
        translator = QTranslator()
        if translator.load(name, folder):
            QCoreApplication.installTranslator(translator)
            _translators.append(translator)
            loaded.append(name)
        else:
            log.warning("translation %s not found in %s", name, folder)
    return loaded


def label(value: StrEnum | None) -> str:
    """The clerk's word for an enum value in the window's language; the wire name if unknown."""
    if value is None:
        return ""
    table = _labels_cache.get(_language)
    if table is None:
        table = _labels_cache[_language] = _label_table()
    return table.get(type(value), {}).get(value.value, value.value)


def labels(enum: type[StrEnum]) -> list[tuple[StrEnum, str]]:
    """Every value of an enum with its label, in declaration order (for combo boxes)."""
    return [(member, label(member)) for member in enum]


def _label_table() -> dict[type[StrEnum], dict[str, str]]:
    # Literal strings in translate() calls so that lupdate finds every one of them.
    t = QCoreApplication.translate
    return {
        PersonKind: {
            PersonKind.PERSON: t("EnumLabel", "individual"),
            PersonKind.ORGANISATION: t("EnumLabel", "organisation"),
        },
        IncidentKind: {
            IncidentKind.UAV_DEBRIS: t("EnumLabel", "UAV debris fell"),
            IncidentKind.UAV_STRIKE: t("EnumLabel", "UAV strike"),
            IncidentKind.OTHER: t("EnumLabel", "other incident"),
        },
        IncidentStatus: {
            IncidentStatus.OPEN: t("EnumLabel", "open"),
            IncidentStatus.CLOSED: t("EnumLabel", "closed"),
        },
        Severity: {
            Severity.MINOR: t("EnumLabel", "minor"),
            Severity.MODERATE: t("EnumLabel", "moderate"),
            Severity.SEVERE: t("EnumLabel", "severe"),
            Severity.DESTROYED: t("EnumLabel", "destroyed"),
        },
        PropertyKind: {
            PropertyKind.DWELLING: t("EnumLabel", "dwelling"),
            PropertyKind.OUTBUILDING: t("EnumLabel", "outbuilding"),
            PropertyKind.COMMERCIAL: t("EnumLabel", "commercial property"),
            PropertyKind.INFRASTRUCTURE: t("EnumLabel", "infrastructure"),
            PropertyKind.OTHER: t("EnumLabel", "other property"),
        },
        ClaimKind: {
            ClaimKind.DAMAGE_COMPENSATION: t("EnumLabel", "damage compensation"),
            ClaimKind.REPAIR_ASSISTANCE: t("EnumLabel", "repair assistance"),
            ClaimKind.FINANCIAL_AID: t("EnumLabel", "financial aid"),
            ClaimKind.OTHER: t("EnumLabel", "other claim"),
        },
        ClaimStatus: {
            ClaimStatus.RECEIVED: t("EnumLabel", "received"),
            ClaimStatus.DOCUMENTS_REQUESTED: t("EnumLabel", "documents requested"),
            ClaimStatus.UNDER_REVIEW: t("EnumLabel", "under review"),
            ClaimStatus.APPROVED: t("EnumLabel", "approved"),
            ClaimStatus.REJECTED: t("EnumLabel", "rejected"),
            ClaimStatus.PAID: t("EnumLabel", "paid"),
            ClaimStatus.WITHDRAWN: t("EnumLabel", "withdrawn"),
        },
        DocumentKind: {
            DocumentKind.APPLICATION: t("EnumLabel", "application"),
            DocumentKind.IDENTITY_DOCUMENT: t("EnumLabel", "copy of the identity document"),
            DocumentKind.PERSONAL_DATA_CONSENT: t("EnumLabel", "consent to personal data processing"),
            DocumentKind.VEHICLE_REGISTRATION: t("EnumLabel", "vehicle registration (STS/PTS)"),
            DocumentKind.OWNERSHIP_PROOF: t("EnumLabel", "proof of ownership"),
            DocumentKind.DAMAGE_ASSESSMENT: t("EnumLabel", "commission's inspection act"),
            DocumentKind.EXPERT_ASSESSMENT: t("EnumLabel", "independent expert's valuation"),
            DocumentKind.POLICE_REPORT: t("EnumLabel", "police or emergency service record"),
            DocumentKind.VICTIM_RECOGNITION: t("EnumLabel", "order recognising the victim"),
            DocumentKind.INSURANCE_CERTIFICATE: t("EnumLabel", "insurer's certificate"),
            DocumentKind.PHOTOS: t("EnumLabel", "photographs of the damage"),
            DocumentKind.BANK_DETAILS: t("EnumLabel", "bank details"),
            DocumentKind.OTHER: t("EnumLabel", "other document"),
        },
    }
