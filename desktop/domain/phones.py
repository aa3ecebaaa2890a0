"""Phone numbers read as a clerk types them and checked as libphonenumber checks them.

The interchange rule (interchange.md, Person `phone`): a leading `+`, `00` or the old Russian
`8 10` means the country code follows and that country's numbering plan applies
(`+49 30 123456` stays German); without one the number is Russian (`8 (4842) 57-00-00`,
`7 910 …`, ten digits `9100000000`). Spaces, brackets, dots, slashes, hyphens and dashes are
ignored; an extension (`доб. 123`, `ext. 123`, `#123`) is kept. A number that cannot exist in
its country is refused. The stored and exported form is E.164 with `;ext=123`.

The parsing proper is libphonenumber's (`phonenumberslite`, the build without geodata); this
module only decides which characters a clerk may type and which prefix means what, so that
letters (`1-800-FLOWERS`), other scripts' digits and stray symbols are refused instead of
being read into a number nobody typed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .errors import FieldError

if TYPE_CHECKING:
    import phonenumbers
    from phonenumbers import NumberParseException, PhoneNumber, ValidationResult

HOME_REGION = "RU"

# Typed between digits and ignored: whitespace of any kind, brackets, dots, slashes, hyphens
# and the dashes word processors put in (‐ ‑ ‒ – — −), and the `~` of "8~10" (wait for the tone).
_IGNORED = re.compile(r"[\s().\\/\-\u2010\u2011\u2012\u2013\u2014\u2015\u2212~]")
# An extension at the end: `доб. 123`, `добавочный 123`, `ext. 123`, `extension 123`, `#123`,
# and the `;ext=123` this program exports (so an export reads back).
_EXTENSION = re.compile(
    r"[\s,;]*(?:доб(?:авочный)?\.?|ext(?:ension)?\.?|;\s*ext\s*=|#)\s*([0-9]+)\s*$",
    re.IGNORECASE,
)
MAX_EXTENSION_DIGITS = 9  # libphonenumber's own limit for an extension after a short marker
_INTERNATIONAL_PREFIXES = ("+", "00", "810")  # "810" is the old Russian 8~10


@dataclass(frozen=True)
class Phone:
    """A checked number: its E.164 form, extension and the region libphonenumber places it in."""

    e164: str
    extension: str | None
    region: str | None  # ISO 3166 code (`RU`, `DE`); None for non-geographic numbers (+800, +882)

    @property
    def stored(self) -> str:
        """`+74842570000;ext=123`: what is kept in the database and written on export."""
        return f"{self.e164};ext={self.extension}" if self.extension else self.e164


def _load_libphonenumber() -> None:
    """libphonenumber and its metadata (~15 ms) load with the first number read, not with the
    window's start, which reads none."""
    global phonenumbers, NumberParseException, ValidationResult
    import phonenumbers
    from phonenumbers import NumberParseException, ValidationResult


def parse_phone(text: str) -> Phone:
    """Read one number as typed; raise `FieldError` naming what is wrong."""
    if "phonenumbers" not in globals():
        _load_libphonenumber()
    body, extension = _split_extension(text.strip())
    compact = _IGNORED.sub("", body)
    bad = sorted({ch for ch in compact if not ("0" <= ch <= "9" or ch == "+")})
    if bad or "+" in compact[1:]:
        raise FieldError("phone_chars", bad=" ".join(bad or ["+"]))
    if not compact.strip("+"):
        raise FieldError("phone_no_digits")
    number = _parse_digits(compact)
    _check_exists(number)
    region = phonenumbers.region_code_for_number(number)
    return Phone(
        e164=phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164),
        extension=extension,
        region=None if region in (None, "001", "ZZ") else region,
    )


def _split_extension(text: str) -> tuple[str, str | None]:
    match = _EXTENSION.search(text)
    if not match:
        return text, None
    extension = match.group(1)
    if len(extension) > MAX_EXTENSION_DIGITS:
        raise FieldError("phone_extension", limit=MAX_EXTENSION_DIGITS)
    return text[: match.start()], extension


def _parse_digits(compact: str) -> PhoneNumber:
    """`compact` is `+` and ASCII digits, or ASCII digits only."""
    international = next((p for p in _INTERNATIONAL_PREFIXES if compact.startswith(p)), None)
    try:
        if international is not None:
            return phonenumbers.parse("+" + compact[len(international):], None)
        return phonenumbers.parse(compact, HOME_REGION)
    except NumberParseException as e:
        if e.error_type == NumberParseException.INVALID_COUNTRY_CODE:
            raise FieldError("phone_country", got=compact[len(international or ""):][:3]) from None
        if e.error_type == NumberParseException.TOO_LONG:
            raise FieldError("phone_too_long", country=_country_of_digits(compact, international)) from None
        raise FieldError("phone_too_short", country=_country_of_digits(compact, international)) from None


def _check_exists(number: PhoneNumber) -> None:
    country = _country(number.country_code)
    reason = phonenumbers.is_possible_number_with_reason(number)
    if reason == ValidationResult.INVALID_COUNTRY_CODE:
        raise FieldError("phone_country", got=str(number.country_code))
    if reason == ValidationResult.TOO_SHORT:
        raise FieldError("phone_too_short", country=country)
    if reason == ValidationResult.TOO_LONG:
        raise FieldError("phone_too_long", country=country)
    if not phonenumbers.is_valid_number(number):
        raise FieldError("phone_invalid", country=country)


def _country(code: int) -> str:
    """`+49 (DE)`: the calling code and its main region, for messages (no geodata, no names)."""
    region = phonenumbers.region_code_for_country_code(code)
    return f"+{code}" if region in ("001", "ZZ") else f"+{code} ({region})"


def _country_of_digits(compact: str, international: str | None) -> str:
    if international is None:
        return _country(phonenumbers.country_code_for_region(HOME_REGION))
    digits = compact[len(international):]
    for size in (1, 2, 3):
        code = int(digits[:size]) if digits[:size] else 0
        if phonenumbers.region_code_for_country_code(code) != "ZZ":
            return _country(code)
    return "+" + digits[:3]
