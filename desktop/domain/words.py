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

import re
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
    ReceivedVia,
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


def phone(stored: str | None, lang: Lang) -> str:
    """A stored phone as a clerk reads it: `+74842223344;ext=105` → `+74842223344 доб. 105`
    (en: `ext. 105`); `parse_phone` reads either back to the same number."""
    if not stored:
        return ""
    number, _, extension = stored.partition(";ext=")
    if not extension:
        return number
    return f"{number} {'доб.' if lang == 'ru' else 'ext.'} {extension}"


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
        # An individual entrepreneur (индивидуальный предприниматель) as every Russian form abbreviates it.
        PersonKind.ENTREPRENEUR: ("sole proprietor", "ИП"),
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
        # One form for the four, the degree of damage (степень повреждения) as the column «Степень»
        # reads it: «полная» is the item destroyed. Short enough for the item table's column.
        Severity.MINOR: ("minor", "незначительная"),
        Severity.MODERATE: ("moderate", "средняя"),
        Severity.SEVERE: ("severe", "значительная"),
        Severity.DESTROYED: ("destroyed", "полная"),
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
    ReceivedVia: {
        ReceivedVia.IN_PERSON: ("at the office", "лично в администрации"),
        ReceivedVia.POST: ("by post", "почтой"),
        ReceivedVia.MFC: ("through the MFC", "через МФЦ"),
        ReceivedVia.GOSUSLUGI: ("through Gosuslugi", "через Госуслуги"),
        ReceivedVia.EMAIL: ("by e-mail", "по электронной почте"),
        ReceivedVia.OTHER: ("otherwise", "иным способом"),
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


# The kinds of item a payment cap is set for (domain/payment_rules.py): every vehicle alike, and
# property by its kind, named as `PropertyKind` is.
VEHICLE_KIND: tuple[str, str] = ("vehicle", "транспортное средство")


def item_kind_label(kind: str, lang: Lang) -> str:
    """`vehicle` or a property kind's wire name (`dwelling`) in words; anything else as written."""
    if kind == "vehicle":
        return VEHICLE_KIND[1] if lang == "ru" else VEHICLE_KIND[0]
    if kind in PropertyKind._value2member_map_:
        return label(PropertyKind(kind), lang)
    return kind


def label(value: StrEnum, lang: Lang) -> str:
    """The name of an enum value; the wire name if a new value has no label yet."""
    pair = ENUM_LABELS.get(type(value), {}).get(value)
    if pair is None:
        return str(value)
    return pair[1] if lang == "ru" else pair[0]


# ---- the office's numbering ---------------------------------------------------------------------
# Our references and claim numbers are stored, exchanged and typed on the command line as
# `INC-2026-0001` / `CLM-2026-0001` (interchange.md: other offices read them). A Russian screen
# and Russian paper show them in the office's own letters, «П-2026-0001» (происшествие) and
# «З-2026-0001» (заявление); either form typed into a search or a number field finds the record.
# Another office's own numbering (`КАЛ-12`) is shown as written. (docs/decisions.md, "Numbers shown".)
NUMBER_LETTERS: dict[str, str] = {"INC": "П", "CLM": "З"}
_STORED_FOR = {ru: series for series, ru in NUMBER_LETTERS.items()}
_OURS = re.compile(r"(INC|CLM)-([0-9]{4})-([0-9]+)", re.IGNORECASE)
_SHOWN = re.compile(r"([ПЗ])-([0-9]{4})-([0-9]+)", re.IGNORECASE)
# Inside a search text: «п-2026», «З-2026-0001» as words of their own, a year after the letter
# (not «кп-2026», not an office's own «П-12»).
_SHOWN_IN_TEXT = re.compile(r"(?<![^\W\d_])([ПЗпз])-(?=[0-9]{4}(?![0-9]))")


def shown_number(number: str | None, lang: Lang) -> str:
    """`INC-2026-0001` as the window and paper show it: «П-2026-0001» in Russian, as stored in English.

    Empty for no number (a record not saved yet); anything not of our numbering is shown as written.
    """
    if not number:
        return ""
    if lang != "ru":
        return number
    match = _OURS.fullmatch(number.strip())
    if match is None:
        return number
    series, year, counter = match.groups()
    return f"{NUMBER_LETTERS[series.upper()]}-{year}-{counter}"


def stored_number(text: str) -> str:
    """What was typed into a number field, as the database keeps it: «п-2026-0001» → `INC-2026-0001`.

    Text that is not the office's Russian form is returned stripped and otherwise unchanged.
    """
    typed = text.strip()
    match = _SHOWN.fullmatch(typed)
    if match is None:
        return typed
    letter, year, counter = match.groups()
    return f"{_STORED_FOR[letter.upper()]}-{year}-{counter}"


def number_lookups(text: str) -> list[str]:
    """The stored numbers to try, in order, for a number typed by a clerk.

    As typed first (an office's own `П-12` stays findable), then our stored form, then with the
    counter padded to four digits as ours are given (`з-2026-1` finds `CLM-2026-0001`).
    """
    typed = text.strip()
    candidates = [typed, stored_number(typed).upper()]
    match = _OURS.fullmatch(candidates[-1])
    if match is not None:
        series, year, counter = match.groups()
        candidates.append(f"{series.upper()}-{year}-{int(counter):04d}")
    return [c for n, c in enumerate(candidates) if c and c not in candidates[:n]]


# A counter written without its zeros: «2», «17», «305». One that begins with a zero («З-2026-00»)
# is a number being typed, searched as the beginning of the numbers it may become.
_SHORT_COUNTER = re.compile(r"(?<![^\W_])(INC|CLM)-([0-9]{4})-([1-9][0-9]{0,2})(?![0-9])", re.IGNORECASE)


def stored_numbers_in(text: str) -> str:
    """A search text with the office's numbers written as stored: «З-2026-0001 Смирнова» →
    `CLM-2026-0001 Смирнова`, the counter's zeros optional as everywhere a number is typed
    («з-2026-2» → `CLM-2026-0002`)."""
    text = _SHOWN_IN_TEXT.sub(lambda m: _STORED_FOR[m.group(1).upper()] + "-", text)
    return _SHORT_COUNTER.sub(lambda m: f"{m.group(1).upper()}-{m.group(2)}-{int(m.group(3)):04d}", text)


# ---- files: what an attachment is, and how big ------------------------------------------------
# (en, ru) by media type; the kind of a file a clerk recognises, not its MIME type.
FILE_KINDS: dict[str, tuple[str, str]] = {
    "application/pdf": ("PDF document", "PDF-документ"),
    "image/jpeg": ("JPEG image", "изображение JPEG"),
    "image/png": ("PNG image", "изображение PNG"),
    "image/tiff": ("TIFF image", "изображение TIFF"),
    "image/bmp": ("BMP image", "изображение BMP"),
    "image/heic": ("HEIC photo", "фотография HEIC"),
    "image/heif": ("HEIF photo", "фотография HEIF"),
    "image/gif": ("GIF image", "изображение GIF"),
    "image/webp": ("WebP image", "изображение WebP"),
    "image/vnd.djvu": ("DjVu document", "документ DjVu"),
    "application/msword": ("Word document", "документ Word"),
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": ("Word document", "документ Word"),
    "application/vnd.oasis.opendocument.text": ("OpenDocument text", "документ OpenDocument"),
    "application/rtf": ("RTF document", "документ RTF"),
    "application/vnd.ms-excel": ("Excel workbook", "таблица Excel"),
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": ("Excel workbook", "таблица Excel"),
    "application/vnd.oasis.opendocument.spreadsheet": ("OpenDocument spreadsheet", "таблица OpenDocument"),
    "text/plain": ("text file", "текстовый файл"),
    "application/zip": ("ZIP archive", "архив ZIP"),
    "application/x-7z-compressed": ("7-Zip archive", "архив 7-Zip"),
    "application/vnd.rar": ("RAR archive", "архив RAR"),
}
_GENERIC_KINDS = {"image": ("image", "изображение"), "text": ("text file", "текстовый файл"),
                  "audio": ("sound recording", "звукозапись"), "video": ("video", "видеозапись")}
_SIZE_UNITS = {"en": ("KB", "MB", "GB"), "ru": ("КБ", "МБ", "ГБ")}


def _capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]


def file_kind(media_type: str | None, name: str | None, lang: Lang) -> str:
    """«PDF-документ», «Изображение JPEG»; for an unknown type «Файл DAT» from the name, or «Файл»."""
    media = (media_type or "").split(";")[0].strip().lower()
    pair = FILE_KINDS.get(media) or _GENERIC_KINDS.get(media.split("/")[0])
    if pair is not None:
        return _capitalised(pair[1] if lang == "ru" else pair[0])
    suffix = (name or "").rpartition(".")[2] if "." in (name or "") else ""
    word = "Файл" if lang == "ru" else "File"
    return f"{word} {suffix.upper()}" if suffix and len(suffix) <= 5 and suffix.isalnum() else word


def _plural_ru(n: int, one: str, few: str, many: str) -> str:
    if n % 10 == 1 and n % 100 != 11:
        return one
    if 2 <= n % 10 <= 4 and not 12 <= n % 100 <= 14:
        return few
    return many


def file_size(size: int | None, lang: Lang) -> str:
    """«148 КБ», «1,4 МБ», «512 байт» (`148 KB`, `1.4 MB`, `512 bytes`); empty when unknown.

    Binary units, as file managers count them; one decimal below ten, whole numbers above.
    """
    if size is None or size < 0:
        return ""
    if size < 1024:
        unit = _plural_ru(size, "байт", "байта", "байт") if lang == "ru" else ("byte" if size == 1 else "bytes")
        return f"{size}{NBSP}{unit}"
    value = float(size)
    for unit in _SIZE_UNITS[lang]:
        value /= 1024
        if value < 1024 or unit == _SIZE_UNITS[lang][-1]:
            break
    if value < 10:
        digits = f"{Decimal(str(value)).quantize(Decimal('0.1'), rounding=ROUND_HALF_UP)}".removesuffix(".0")
    else:
        digits = str(int(Decimal(str(value)).quantize(Decimal("1"), rounding=ROUND_HALF_UP)))
    if lang == "ru":
        digits = digits.replace(".", ",")
    return f"{digits}{NBSP}{unit}"


def attachment_text(media_type: str | None, name: str | None, size: int | None, lang: Lang) -> str:
    """«PDF-документ, 148 КБ»: what the file is and how big, as a clerk reads it."""
    kind, shown = file_kind(media_type, name, lang), file_size(size, lang)
    return f"{kind}, {shown}" if shown else kind


# ---- records and their fields, named in words -----------------------------------------------
# How many of each kind an import made or an export wrote: «лица» (people and organisations alike).
RECORD_KINDS: dict[str, tuple[str, str]] = {
    "people": ("people", "лица"),
    "incidents": ("incidents", "происшествия"),
    "claims": ("claims", "заявления"),
}

# A list in an interchange path: its members are named «Происшествие №2», «ТС 3», «документ 1».
_LIST_MEMBERS: dict[str, tuple[str, str]] = {
    "people": ("Person {n}", "Лицо №{n}"),
    "incidents": ("Incident {n}", "Происшествие №{n}"),
    "claims": ("Claim {n}", "Заявление №{n}"),
    "vehicles": ("vehicle {n}", "ТС {n}"),
    "properties": ("property {n}", "имущество {n}"),
    "items": ("item {n}", "предмет {n}"),
    "documents": ("document {n}", "документ {n}"),
    "attachments": ("attachment {n}", "вложение {n}"),
    "members": ("member {n}", "член комиссии {n}"),
}

# The fields of the interchange format (interchange.md) in the clerk's words.
FIELD_WORDS: dict[str, tuple[str, str]] = {
    "format": ("format", "формат"),
    "version": ("version", "версия"),
    "exported_at": ("exported at", "время выгрузки"),
    "source": ("source", "источник"),
    "extra": ("extra data", "дополнительные данные"),
    "id": ("identifier", "идентификатор"),
    "kind": ("kind", "вид"),
    "full_name": ("name", "ФИО или наименование"),
    "birth_date": ("birth date", "дата рождения"),
    "phone": ("phone", "телефон"),
    "email": ("e-mail", "электронная почта"),
    "address": ("address", "адрес"),
    "id_document": ("identity document", "документ, удостоверяющий личность"),
    "inn": ("INN", "ИНН"),
    "notes": ("notes", "примечания"),
    "note": ("note", "примечание"),
    "reference": ("reference", "номер"),
    "number": ("number", "номер"),
    "occurred_at": ("date and time", "дата и время"),
    "reported_at": ("reported at", "время сообщения"),
    "region": ("region", "регион"),
    "district": ("district", "район"),
    "settlement": ("settlement", "населённый пункт"),
    "location": ("location", "место"),
    "latitude": ("latitude", "широта"),
    "longitude": ("longitude", "долгота"),
    "description": ("description", "описание"),
    "uavs_downed": ("drones downed", "сбито БПЛА"),
    "injured": ("injured", "пострадавшие"),
    "killed": ("killed", "погибшие"),
    "status": ("status", "статус"),
    "owner_id": ("owner", "владелец"),
    "make": ("make", "марка"),
    "model": ("model", "модель"),
    "year": ("year", "год выпуска"),
    "colour": ("colour", "цвет"),
    "plate": ("plate", "госномер"),
    "vin": ("VIN", "VIN"),
    "damage": ("damage", "повреждения"),
    "severity": ("severity", "степень"),
    "estimated_cost": ("estimated cost", "оценка ущерба"),
    "incident_id": ("incident", "происшествие"),
    "claimant_id": ("claimant", "заявитель"),
    "items": ("items", "предметы"),
    "filed_on": ("filed on", "дата подачи"),
    "received_via": ("received via", "способ подачи"),
    "registered_on": ("registered on", "дата регистрации"),
    "executor": ("executor", "исполнитель"),
    "extension": ("extension", "продление срока"),
    "inspection": ("inspection", "обследование"),
    "requested_amount": ("requested amount", "запрошенная сумма"),
    "insurance_paid": ("insurance paid", "выплачено страховщиком"),
    "documents": ("documents", "документы"),
    "decision": ("decision", "решение"),
    "payment": ("payment", "выплата"),
    "attachments": ("attachments", "вложения"),
    "received_on": ("received on", "дата получения"),
    "date": ("date", "дата"),
    "approved_amount": ("approved amount", "одобренная сумма"),
    "reason": ("reason", "причина"),
    "notice_sent_on": ("notice sent on", "уведомление отправлено"),
    "amount": ("amount", "сумма"),
    "until": ("until", "продлено до"),
    "members": ("members", "члены комиссии"),
    "findings": ("findings", "выводы комиссии"),
    "assessed_amount": ("assessed amount", "оценка комиссии"),
    "name": ("file name", "имя файла"),
    "media_type": ("file type", "тип файла"),
    "sha256": ("checksum", "контрольная сумма"),
    "size": ("size", "размер"),
    "people": ("people", "лица"),
    "incidents": ("incidents", "происшествия"),
    "claims": ("claims", "заявления"),
    "vehicles": ("vehicles", "ТС"),
    "properties": ("property", "имущество"),
}
_PATH_STEP = re.compile(r"([^.\[\]]+)((?:\[[0-9]+\])*)|\[([0-9]+)\]")


def record_place(path: str, lang: Lang) -> str:
    """Where in a file a problem is, as a clerk names it: `incidents[1].vehicles[2].vin` →
    «Происшествие №2, ТС 3, VIN» (`Incident 2, vehicle 3, VIN`).

    Numbers count from one, in the file's order. A key the format does not know (a typo in the
    file, a name inside `extra`) is kept as written; a package's member (`attachments/ab12…`) is
    named as a file of the package. An empty path gives an empty place (the whole file).
    """
    if not path:
        return ""
    if "/" in path or path.endswith(".json"):
        return f"Файл пакета «{path}»" if lang == "ru" else f"Package file {path}"
    at = 1 if lang == "ru" else 0
    parts: list[str] = []
    inside_extra = False
    for match in _PATH_STEP.finditer(path.replace(".[", "[")):
        key, indexes, bare = match.group(1), match.group(2), match.group(3)
        if bare is not None:  # an index with no name before it
            parts.append(f"[{bare}]")
            continue
        numbers = [int(n) for n in re.findall(r"[0-9]+", indexes or "")]
        if inside_extra or (key not in FIELD_WORDS and key not in _LIST_MEMBERS):
            parts.append(key + (indexes or ""))
            continue
        inside_extra = key == "extra"
        if numbers and key in _LIST_MEMBERS:
            parts.append(_LIST_MEMBERS[key][at].format(n=numbers[0] + 1))
            parts += [f"[{n}]" for n in numbers[1:]]
        else:
            parts.append(FIELD_WORDS[key][at] + (indexes or ""))
    if not parts:
        return path
    return _capitalised(parts[0]) + "".join(", " + p if not p.startswith("[") else p for p in parts[1:])


# ---- report files -----------------------------------------------------------------------------
# What a saved report is called in a folder: «Заявление З-2026-0001.pdf», «Реестр заявлений 2026-10-20.pdf».
REPORT_FILE_NAMES: dict[str, tuple[str, str]] = {
    "incident": ("Incident", "Происшествие"),
    "claim": ("Claim", "Заявление"),
    "register": ("Claims register", "Реестр заявлений"),
    "summary": ("Summary by district and status", "Сводка по районам и статусам"),
    "request-documents": ("Request for documents", "Запрос документов"),
    "incidents": ("Incidents register", "Реестр происшествий"),
    "payment-register": ("Payment register", "Реестр на выплату"),
    "deadlines": ("Deadline control", "Контроль сроков"),
    "decision-notice": ("Decision notice", "Уведомление о решении"),
    "inspection-act": ("Inspection act", "Акт обследования"),
}
# Characters no file name may hold on Windows (and `/` anywhere), and control characters.
_NOT_IN_FILE_NAMES = re.compile(r'[<>:"/\\|?*\x00-\x1f]+')


def report_file_name(kind: str, number: str | None, made_on: date, lang: Lang, suffix: str = ".pdf") -> str:
    """«Заявление З-2026-0001.pdf» for one record's report; «Реестр заявлений 2026-10-20.pdf» for a list
    (the day it was made, as ISO so that a folder sorts by it)."""
    pair = REPORT_FILE_NAMES.get(kind)
    what = (pair[1] if lang == "ru" else pair[0]) if pair else kind
    which = shown_number(number, lang) if number else made_on.isoformat()
    stem = _NOT_IN_FILE_NAMES.sub("_", f"{what} {which}").strip(" .")
    return stem + suffix
