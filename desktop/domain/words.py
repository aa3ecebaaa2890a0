"""The words for values, in ru and en: enum labels, counts, money and dates.

One list for screen and paper: the window (`desktop.ui.labels`), the reports and the xlsx export
all read it, so a claim's status or a document's name reads the same in the register, on the PDF
and in the spreadsheet. The Qt catalogue keeps only the window's own sentences ("Overdue only",
"%n day(s) left"); the names of values are here, with no Qt, so reports and the command line
print them headless.

Where screen and paper once differed, the fuller wording of Russian municipal paperwork won
(«копия документа, удостоверяющего личность», «иное происшествие»).

Russian money reads `1 923 401,09 ₽` with no-break spaces (the PT fonts have no narrow
no-break space, U+202F, so U+00A0 is used), so that an amount never breaks across lines;
English reads `₽1,923,401.09`. Dates are `dd.mm.yyyy` in both languages, as clerks write them.
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import ROUND_HALF_UP, Decimal
from enum import StrEnum
from typing import Literal

from .enums import (
    ClaimKind,
    ClaimStatus,
    DocumentKind,
    IncidentKind,
    IncidentStatus,
    PersonKind,
    PropertyKind,
    Severity,
)

Lang = Literal["ru", "en"]

NBSP = "\u00a0"
DASH = "—"  # printed for an absent value, so a blank cell is never mistaken for a zero
RUBLE = "₽"
_CENT = Decimal("0.01")


def normalise_lang(lang: str | None) -> Lang:
    """`ru` (or `ru_RU`, `ru-RU`) gives Russian; anything else English, as cli.md says."""
    return "ru" if (lang or "").lower().startswith("ru") else "en"


def _group(digits: str, separator: str) -> str:
    head = len(digits) % 3 or 3
    parts = [digits[:head]] + [digits[i : i + 3] for i in range(head, len(digits), 3)]
    return separator.join(parts)


def money(amount: Decimal | None, lang: Lang) -> str:
    """`1 923 401,09 ₽` (ru) or `₽1,923,401.09` (en); a dash when there is no amount."""
    if amount is None:
        return DASH
    value = Decimal(amount).quantize(_CENT, rounding=ROUND_HALF_UP)
    sign = "-" if value < 0 else ""
    whole, cents = f"{abs(value):.2f}".split(".")
    if lang == "ru":
        return f"{sign}{_group(whole, NBSP)},{cents}{NBSP}{RUBLE}"
    return f"{sign}{RUBLE}{_group(whole, ',')}.{cents}"


def count(number: int, lang: Lang) -> str:
    """Whole numbers grouped like money, so `20 000` and `20,000` line up with the sums."""
    digits = _group(str(abs(number)), NBSP if lang == "ru" else ",")
    return f"-{digits}" if number < 0 else digits


def day(value: date | datetime | None, lang: Lang) -> str:
    """`dd.mm.yyyy` in both languages; `lang` is kept for a uniform call signature."""
    if value is None:
        return DASH
    return value.strftime("%d.%m.%Y")


def moment(value: datetime | None, lang: Lang) -> str:
    """`dd.mm.yyyy HH:MM` in the time zone the value was recorded in (the clerk's local time)."""
    if value is None:
        return DASH
    return value.strftime("%d.%m.%Y %H:%M")


# (en, ru) for every value of every enum, on screen and on paper alike.
ENUM_LABELS: dict[type[StrEnum], dict[str, tuple[str, str]]] = {
    PersonKind: {
        PersonKind.PERSON: ("individual", "физическое лицо"),
        PersonKind.ORGANISATION: ("organisation", "организация"),
    },
    IncidentKind: {
        IncidentKind.UAV_DEBRIS: ("debris of a downed UAV", "падение обломков БПЛА"),
        IncidentKind.UAV_STRIKE: ("UAV strike", "попадание БПЛА"),
        IncidentKind.OTHER: ("other incident", "иное происшествие"),
    },
    IncidentStatus: {
        IncidentStatus.OPEN: ("open", "открыто"),
        IncidentStatus.CLOSED: ("closed", "закрыто"),
    },
    Severity: {
        Severity.MINOR: ("minor", "незначительные"),
        Severity.MODERATE: ("moderate", "средние"),
        Severity.SEVERE: ("severe", "значительные"),
        Severity.DESTROYED: ("destroyed", "уничтожено"),
    },
    PropertyKind: {
        PropertyKind.DWELLING: ("dwelling", "жилое помещение"),
        PropertyKind.OUTBUILDING: ("outbuilding", "хозяйственная постройка"),
        PropertyKind.COMMERCIAL: ("commercial property", "коммерческий объект"),
        PropertyKind.INFRASTRUCTURE: ("infrastructure", "объект инфраструктуры"),
        PropertyKind.OTHER: ("other property", "иное имущество"),
    },
    # The claim sheet heads this "Вид помощи", so the catch-all names the assistance too.
    ClaimKind: {
        ClaimKind.DAMAGE_COMPENSATION: ("damage compensation", "возмещение ущерба"),
        ClaimKind.REPAIR_ASSISTANCE: ("repair assistance", "помощь в ремонте"),
        ClaimKind.FINANCIAL_AID: ("financial aid", "материальная помощь"),
        ClaimKind.OTHER: ("other assistance", "иная помощь"),
    },
    ClaimStatus: {
        ClaimStatus.RECEIVED: ("received", "принято"),
        ClaimStatus.DOCUMENTS_REQUESTED: ("documents requested", "запрошены документы"),
        ClaimStatus.UNDER_REVIEW: ("under review", "на рассмотрении"),
        ClaimStatus.APPROVED: ("approved", "одобрено"),
        ClaimStatus.REJECTED: ("rejected", "отказано"),
        ClaimStatus.PAID: ("paid", "выплачено"),
        ClaimStatus.WITHDRAWN: ("withdrawn", "отозвано"),
    },
    DocumentKind: {
        DocumentKind.APPLICATION: (
            "application to the head of administration",
            "заявление на имя главы администрации",
        ),
        # Any identity document serves (a passport, a residence permit, an officer's ID).
        DocumentKind.IDENTITY_DOCUMENT: (
            "copy of the identity document",
            "копия документа, удостоверяющего личность",
        ),
        DocumentKind.PERSONAL_DATA_CONSENT: (
            "consent to the processing of personal data (152-FZ)",
            "согласие на обработку персональных данных (152-ФЗ)",
        ),
        DocumentKind.VEHICLE_REGISTRATION: (
            "vehicle registration certificate (STS) or title (PTS)",
            "свидетельство о регистрации ТС (СТС) или паспорт ТС (ПТС)",
        ),
        DocumentKind.OWNERSHIP_PROOF: (
            "proof of ownership (deed, extract from the register)",
            "документ о праве собственности (свидетельство, выписка из ЕГРН)",
        ),
        DocumentKind.DAMAGE_ASSESSMENT: (
            "the commission's inspection act fixing the damage",
            "акт обследования комиссии о повреждениях",
        ),
        DocumentKind.EXPERT_ASSESSMENT: (
            "independent expert's valuation of the damage",
            "заключение независимого эксперта об оценке ущерба",
        ),
        DocumentKind.POLICE_REPORT: (
            "police or emergency service's record of the incident",
            "справка полиции или МЧС о происшествии",
        ),
        DocumentKind.VICTIM_RECOGNITION: (
            "investigator's order recognising the owner as a victim",
            "постановление следователя о признании потерпевшим",
        ),
        DocumentKind.INSURANCE_CERTIFICATE: (
            "insurer's statement of what it paid, or that the risk was not insured",
            "справка страховщика о выплате или об отсутствии страхования",
        ),
        DocumentKind.PHOTOS: ("photographs of the damage", "фотографии повреждений"),
        DocumentKind.BANK_DETAILS: ("bank details for the payment", "банковские реквизиты для перечисления"),
        DocumentKind.OTHER: ("other document", "иной документ"),
    },
}


def label(value: StrEnum, lang: Lang) -> str:
    """The name of an enum value; the wire name if a new value has no label yet."""
    pair = ENUM_LABELS.get(type(value), {}).get(value)
    if pair is None:
        return str(value)
    return pair[1] if lang == "ru" else pair[0]
