"""Validation errors that name the field and the problem, in English and Russian.

Messages are keyed by a code so that the command line, the import report and the forms can all
show the same rule in the user's language without the domain depending on Qt's translator.
"""

from __future__ import annotations

from dataclasses import dataclass

from .words import normalise_lang, record_place

MESSAGES: dict[str, tuple[str, str]] = {
    "required": ("required", "обязательное поле"),
    "not_text": ("must be a string", "должно быть строкой"),
    "too_long": ("at most {limit} characters, got {got}", "не более {limit} символов, получено {got}"),
    "not_one_of": ("not one of {choices}", "допустимые значения: {choices}"),
    "not_uuid": ("not a UUID", "не является UUID"),
    "not_integer": ("must be a whole number", "должно быть целым числом"),
    "not_number": ("must be a number", "должно быть числом"),
    "below": ("must be at least {limit}", "должно быть не меньше {limit}"),
    "above": ("must be at most {limit}", "должно быть не больше {limit}"),
    "money_not_string": ("money must be a string", "сумма должна быть строкой"),
    "money_format": (
        "not an amount of roubles with at most two decimals: {got}",
        "не сумма в рублях (не более двух знаков после запятой): {got}",
    ),
    "money_range": ("must be at least 0 and below 10^12", "должно быть от 0 до 10^12"),
    "date_format": ("not a date (YYYY-MM-DD): {got}", "не дата (ГГГГ-ММ-ДД): {got}"),
    "datetime_range": ("outside the calendar once taken to UTC: {got}", "выходит за пределы календаря в пересчёте на UTC: {got}"),
    "datetime_format": (
        "not a date and time with a UTC offset: {got}",
        "не дата и время со смещением от UTC: {got}",
    ),
    "datetime_offset": ("the UTC offset is missing", "не указано смещение от UTC"),
    "in_future": ("in the future", "в будущем"),
    "typed_date": ("not a date (DD.MM.YYYY): {got}", "не дата (ДД.ММ.ГГГГ): {got}"),
    "typed_datetime": ("not a date and time (DD.MM.YYYY hh:mm): {got}", "не дата и время (ДД.ММ.ГГГГ чч:мм): {got}"),
    "typed_date_impossible": ("no such day: {got}", "такого дня нет: {got}"),
    "typed_time_impossible": ("no such time: {got}", "такого времени нет: {got}"),
    "typed_time_missing": ("give the time too (DD.MM.YYYY hh:mm)", "укажите и время (ДД.ММ.ГГГГ чч:мм)"),
    "override_unticked": (
        "required documents are missing: tick to approve without them",
        "не хватает обязательных документов: отметьте, чтобы одобрить без них",
    ),
    "correction_reason": ("a correction needs a reason", "для исправления нужна причина"),
    "claim_locked": (
        "the claim is decided: correct it with «Reverse the payment» or «Reopen the decision»",
        "по заявлению принято решение: исправляется через «Отменить выплату» или «Пересмотреть решение»",
    ),
    "district_unknown": (
        "not one of the office's districts: {got}",
        "нет в списке районов администрации: {got}",
    ),
    "vin_length": ("expected 17 characters, got {got}", "ожидается 17 символов, получено {got}"),
    "vin_letters": (
        "only Latin letters and digits, without I, O and Q: {bad}",
        "только латинские буквы и цифры, без I, O и Q: {bad}",
    ),
    "plate_letter": (
        "the letter {bad} is not used in Russian plates",
        "буква {bad} не используется в российских номерах",
    ),
    "plate_chars": ("only letters and digits: {bad}", "только буквы и цифры: {bad}"),
    "plate_length": ("at most 12 characters", "не более 12 символов"),
    "plate_mixed": (
        "Cyrillic and Latin letters mixed and no Russian plate kind: Cyrillic {cyrillic}, Latin {latin}",
        "русские и латинские буквы вперемешку, и это не российский номер: русские {cyrillic}, латинские {latin}",
    ),
    "inn_digits": (
        "10 digits (organisation) or 12 digits (person or sole proprietor), got {got}",
        "10 цифр (организация) или 12 цифр (физическое лицо или ИП), получено {got}",
    ),
    "inn_check": ("check digit wrong", "неверная контрольная цифра"),
    "inn_person": ("a person's INN has 12 digits, got {got}", "ИНН физического лица — 12 цифр, получено {got}"),
    "inn_entrepreneur": (
        "a sole proprietor's INN has 12 digits, got {got}",
        "ИНН индивидуального предпринимателя — 12 цифр, получено {got}",
    ),
    "inn_organisation": ("an organisation's INN has 10 digits, got {got}", "ИНН организации — 10 цифр, получено {got}"),
    "reference_too_large": (
        "the number after the year is too large: at most {limit}, so that the next number still fits",
        "слишком большой номер после года: не более {limit}, чтобы следующий номер поместился",
    ),
    "phone_chars": (
        "only digits, a leading +, spaces, brackets, dots, slashes, hyphens and an extension (доб. 123, ext. 123, #123): {bad}",
        "только цифры, + в начале, пробелы, скобки, точки, косые черты, дефисы и добавочный (доб. 123, ext. 123, #123): {bad}",
    ),
    "phone_no_digits": ("no digits in the number", "в номере нет цифр"),
    "phone_country": ("no country has the calling code at the start of +{got}", "нет страны с кодом в начале +{got}"),
    "phone_too_short": ("too few digits for a number with the country code {country}", "слишком мало цифр для номера с кодом страны {country}"),
    "phone_too_long": ("too many digits for a number with the country code {country}", "слишком много цифр для номера с кодом страны {country}"),
    "phone_invalid": (
        "no such number can exist with the country code {country}: check the digits",
        "такого номера не может быть с кодом страны {country}: проверьте цифры",
    ),
    "phone_extension": ("an extension has at most {limit} digits", "добавочный номер — не более {limit} цифр"),
    "email": ("not an e-mail address", "не адрес электронной почты"),
    "sha256": ("not a SHA-256 in hex", "не SHA-256 в шестнадцатеричном виде"),
    "lat_without_lon": ("latitude given without longitude", "указана широта без долготы"),
    "lon_without_lat": ("longitude given without latitude", "указана долгота без широты"),
    "reported_before": ("before the time it occurred", "раньше времени происшествия"),
    "plate_or_vin": ("give a plate or a VIN", "укажите госномер или VIN"),
    "year_range": ("must be from 1900 to {limit}", "должен быть от 1900 до {limit}"),
    "duplicate_id": ("id used twice: {got}", "идентификатор повторяется: {got}"),
    "duplicate_value": ("used twice: {got}", "повторяется: {got}"),
    "no_items": ("at least one item is required", "нужен хотя бы один предмет"),
    "item_not_of_incident": (
        "not a vehicle or property of the claim's incident",
        "не транспортное средство и не имущество этого происшествия",
    ),
    "filed_before_incident": ("before the incident's date", "раньше даты происшествия"),
    "decision_required": ("a decision is required for status {got}", "для статуса {got} нужно решение"),
    "decision_before_filed": ("before the claim was filed", "раньше подачи заявления"),
    "approved_amount_required": (
        "required unless the claim is rejected",
        "обязательно, если заявление не отклонено",
    ),
    "reason_required": ("required when the claim is rejected", "обязательно при отказе"),
    "payment_required": ("a payment is required for status paid", "для статуса «выплачено» нужна выплата"),
    "payment_without_approval": (
        "a payment needs a decision with an approved amount",
        "выплата возможна только по решению с одобренной суммой",
    ),
    "payment_before_decision": ("before the decision", "раньше решения"),
    "payment_above_approved": ("above the approved amount", "больше одобренной суммы"),
    "registered_before_filed": ("before the claim was filed", "раньше подачи заявления"),
    "extension_not_later": (
        "an extension must end after the original answer date ({got})",
        "продление должно заканчиваться позже исходного срока ответа ({got})",
    ),
    "extension_too_long": (
        "at most 30 days after the original answer date: {limit} at the latest",
        "не более 30 дней после исходного срока ответа: не позднее {limit}",
    ),
    "notice_before_decision": ("before the decision", "раньше решения"),
    "notice_before_extension": ("before the extension was decided", "раньше решения о продлении"),
    "inspection_before_incident": ("before the incident", "раньше происшествия"),
    "unknown_key": ("unknown key", "неизвестный ключ"),
    "v2_key_in_v1": (
        "a version 2 key in a version 1 file: if the file is version 2, say \"version\": 2",
        "ключ версии 2 в файле версии 1: если файл версии 2, укажите \"version\": 2",
    ),
    "not_object": ("must be an object", "должно быть объектом"),
    "not_list": ("must be a list", "должно быть списком"),
    "unknown_person": ("no such person in the file or the database", "нет такого человека в файле и в базе"),
    "unknown_incident": ("no such incident in the file or the database", "нет такого происшествия в файле и в базе"),
    "item_moved": (
        "belongs to another incident ({got}); an item never moves",
        "относится к другому происшествию ({got}); предмет не может переходить",
    ),
    "item_claimed": (
        "item «{item}» was removed from the incident, but it is claimed in {got}",
        "предмет «{item}» удалён из происшествия, но он указан в заявлениях: {got}",
    ),
    "claims_before_incident": (
        "claim {got} was filed or inspected before this date",
        "заявление {got} подано или обследовано раньше этой даты",
    ),
    "reference_taken": ("already used by another record: {got}", "уже занят другой записью: {got}"),
    "bad_format": ("not an Incident Log file (format must be \"incident-log\")", "не файл журнала (format должен быть \"incident-log\")"),
    "bad_version": (
        "version {got} is newer than this program reads ({readable}); update Incident Log",
        "версия {got} новее, чем читает программа ({readable}); обновите программу",
    ),
    "transition": ("cannot go from {old} to {new}", "нельзя перейти из {old} в {new}"),
    "json": ("not valid JSON: {got}", "некорректный JSON: {got}"),
    "attachment_not_in_log": (
        "the log has no file for this attachment (it came from a plain .json file): export to .json, "
        "or attach the file again",
        "в журнале нет файла этого вложения (оно пришло из файла .json без вложений): выгрузите в .json "
        "или приложите файл заново",
    ),
    "attachment_missing": ("the package has no file for this sha256", "в пакете нет файла с этим sha256"),
    "attachment_size": ("the file in the package has {got} bytes", "в пакете файл размером {got} байт"),
    "attachment_hash": ("the file's bytes do not match its sha256", "содержимое файла не совпадает с sha256"),
    # Bounded input (interchange.md, Import rules 4): a hostile or damaged file, refused before it is read.
    "zip_damaged": ("the zip package is damaged or incomplete", "zip-пакет повреждён или неполон"),
    "zip_encrypted": ("encrypted: a package is never encrypted", "зашифрован: пакет не шифруется"),
    "zip_method": (
        "packed with a compression method this program does not read ({got}); use Deflate",
        "сжат неизвестным программе методом ({got}); используйте Deflate",
    ),
    "zip_duplicate": ("named twice in the zip", "встречается в zip дважды"),
    "zip_too_large": ("unpacks to more than {limit}", "распаковывается более чем в {limit}"),
    "zip_too_many": ("more than {limit} files in the zip", "в zip более {limit} файлов"),
    "zip_member_size": (
        "its bytes do not match the size or checksum the zip declares for it",
        "содержимое не совпадает с размером или контрольной суммой, указанными в zip",
    ),
    "json_too_large": ("the document is larger than {limit}", "документ больше {limit}"),
    "json_depth": ("nested deeper than {limit} levels", "вложенность глубже {limit} уровней"),
    "integer_range": ("an integer beyond ±2^53", "целое число за пределами ±2^53"),
    "duplicate_key": ("the key is given more than once in its object (which one counts would be a guess)",
                      "ключ повторяется в одном объекте (какое значение верное, неизвестно)"),
    "not_finite": ("NaN and Infinity are not allowed", "NaN и Infinity недопустимы"),
    "control_character": (
        "contains the control character U+{got} (only tab and line breaks are allowed)",
        "содержит управляющий символ U+{got} (допустимы только табуляция и переводы строки)",
    ),
    "lone_surrogate": (
        "contains a lone surrogate U+{got}, which is not a character",
        "содержит одиночный суррогат U+{got}, это не символ",
    ),
    "counter_overflow": (
        "numbering {got} would pass {limit}: the next number would not fit",
        "нумерация {got} перешла бы {limit}: следующий номер не поместится",
    ),
}


class FieldError(ValueError):
    """One rule broken by one value; `code` picks the message, `params` fill it in."""

    def __init__(self, code: str, **params: object) -> None:
        self.code = code
        self.params = params
        super().__init__(self.text("en"))

    def text(self, lang: str = "en") -> str:
        en, ru = MESSAGES[self.code]
        return (ru if lang == "ru" else en).format(**self.params)


@dataclass(frozen=True)
class Problem:
    """A broken rule at a path such as `incidents[0].vehicles[2].vin`."""

    path: str
    error: FieldError

    def text(self, lang: str = "en") -> str:
        return f"{self.path}: {self.error.text(lang)}" if self.path else self.error.text(lang)

    def in_words(self, lang: str = "en") -> str:
        """The record and field named as a clerk names them: «Происшествие №2, ТС 3, VIN: …»."""
        place = record_place(self.path, normalise_lang(lang))
        return f"{place}: {self.error.text(lang)}" if place else self.error.text(lang)

    def for_window(self, lang: str = "en") -> str:
        """An import problem in the window: in words in Russian; English keeps the file's path,
        the form interchange.md prints (`incidents[0].vehicles[2].vin: …`)."""
        return self.in_words(lang) if lang == "ru" else self.text(lang)

    def for_command_line(self, lang: str = "en") -> str:
        """On standard error: every line starts with its path and a colon, in any language
        (interchange.md, Import rules 1: other offices' scripts read `path: what is wrong`); in
        Russian what is wrong names the record in words too, for whoever mends the file."""
        if lang == "ru" and self.path:
            return f"{self.path}: {self.in_words(lang)}"
        return self.text(lang)


class ValidationFailed(Exception):
    """Raised when a record (or a whole file) breaks rules; nothing has been written."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__("\n".join(p.text() for p in problems))

    def text(self, lang: str = "en") -> str:
        """Each problem on its own line, in the clerk's language (a job's failure shows it so)."""
        return "\n".join(p.text(lang) for p in self.problems)


def join_path(base: str, key: str | int) -> str:
    """Build `a.b[2].c` style paths as the interchange spec writes them."""
    if isinstance(key, int):
        return f"{base}[{key}]"
    if not key:
        return base
    return f"{base}.{key}" if base else key
