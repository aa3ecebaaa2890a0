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
from collections.abc import Callable
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
_NOT_TYPED = re.compile(r"[^0-9+]")  # after the ignored characters: anything but ASCII digits and `+`


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
    global phonenumbers, NumberParseException, ValidationResult, _home_form, _home_valid, _home_leading
    import phonenumbers
    from phonenumbers import NumberParseException, ValidationResult

    home = phonenumbers.PhoneMetadata.metadata_for_region(HOME_REGION)
    _home_form = _read_home_form if home is not None and _home_plan(home) == _HOME_PLAN else None
    _home_valid = _valid_in(home) if home is not None else None
    # libphonenumber places a number of a shared calling code (+7: RU, KZ) in the first region of the
    # code's list whose leading digits begin it (or, for a region without them, of whose types it is
    # one): RU, listed first for +7, takes the national numbers its leading digits ([3489]) begin.
    regions = phonenumbers.COUNTRY_CODE_TO_REGION_CODE.get(_HOME_PLAN["country_code"], ())
    first = bool(regions) and regions[0] == HOME_REGION and home is not None and home.leading_digits
    _home_leading = re.compile(home.leading_digits) if first and _home_valid is not None else None  # type: ignore[union-attr]


def parse_phone(text: str) -> Phone:
    """Read one number as typed; raise `FieldError` naming what is wrong."""
    if "phonenumbers" not in globals():
        _load_libphonenumber()
    body, extension = _split_extension(text.strip())
    compact = _IGNORED.sub("", body)
    if _NOT_TYPED.search(compact) or "+" in compact[1:]:
        bad = sorted({ch for ch in compact if not ("0" <= ch <= "9" or ch == "+")})
        raise FieldError("phone_chars", bad=" ".join(bad or ["+"]))
    if not compact.strip("+"):
        raise FieldError("phone_no_digits")
    if _home_form is not None and _home_leading is not None and _home_valid is not None:
        national = _home_national(compact)
        if national is not None and _home_leading.match(national) and _home_valid(national):
            # The usual Russian form (+7 and `national`, as `_read_home_form` builds it), placed in RU
            # (`_home_leading`), valid there and so possible (a valid number has one of the general
            # lengths): what the general path below finds, without asking libphonenumber for each.
            return Phone(e164=f"+{_HOME_PLAN['country_code']}{national}", extension=extension, region=HOME_REGION)
    number = _parse_digits(compact)
    region = phonenumbers.region_code_for_number(number)
    _check_exists(number, region)
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
    if _home_form is not None:
        home = _home_form(compact, international)
        if home is not None:
            return home
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


# The forms nearly every Russian number is written in: `+7`, `8`, `7` or nothing, then ten digits
# beginning 3, 4, 7, 8 or 9. For these `phonenumbers.parse` always gives country code 7 and those ten
# digits (tests/domain/test_phones.py compares the two on every such prefix); building that number
# directly skips two thirds of a number's cost, which an import of 20,000 people pays 20,000 times.
# The reasoning rests on Russia's numbering plan as libphonenumber describes it, so the shortcut is
# taken only while the loaded metadata says what it said when this was written.
_HOME_TEN = re.compile(r"(?:\+7|8|7)?([347-9][0-9]{9})")
_HOME_PLAN = {
    "country_code": 7, "international_prefix": "810", "national_prefix_for_parsing": "8",
    "national_prefix_transform_rule": None, "general": r"8\d{13}|[347-9]\d{9}", "lengths": ((10, 14), (7,)),
}


def _home_plan(metadata: object) -> dict[str, object]:
    general = metadata.general_desc  # type: ignore[attr-defined]
    return {
        "country_code": metadata.country_code,  # type: ignore[attr-defined]
        "international_prefix": metadata.international_prefix,  # type: ignore[attr-defined]
        "national_prefix_for_parsing": metadata.national_prefix_for_parsing,  # type: ignore[attr-defined]
        "national_prefix_transform_rule": metadata.national_prefix_transform_rule or None,  # type: ignore[attr-defined]
        "general": general.national_number_pattern,
        "lengths": (tuple(general.possible_length), tuple(general.possible_length_local_only)),
    }


def _read_home_form(compact: str, international: str | None) -> PhoneNumber | None:
    """The number `phonenumbers.parse` would give for a usual Russian form, or None for any other."""
    text = compact if international is None else "+" + compact[len(international):]
    if international is not None and not text.startswith("+7"):
        return None
    match = _HOME_TEN.fullmatch(text)
    if match is None:
        return None
    return phonenumbers.PhoneNumber(country_code=7, national_number=int(match.group(1)))


def _home_national(compact: str) -> str | None:
    """The ten national digits of the number `_read_home_form` builds from `compact`, or None."""
    international = next((p for p in _INTERNATIONAL_PREFIXES if compact.startswith(p)), None)
    if international is not None and not compact.startswith("7", len(international)):
        return None
    match = _HOME_TEN.fullmatch(compact if international is None else "+" + compact[len(international):])
    return match.group(1) if match is not None else None  # no leading zero: str(int(...)) is the same


_home_form: Callable[[str, str | None], PhoneNumber | None] | None = None
_home_valid: Callable[[str], bool] | None = None
_home_leading: re.Pattern[str] | None = None  # the national numbers +7 places in RU, when RU is asked first


def _check_exists(number: PhoneNumber, region: str | None) -> None:
    """`region`: `region_code_for_number(number)`, which `is_valid_number` would compute again."""
    reason = phonenumbers.is_possible_number_with_reason(number)
    if reason == ValidationResult.INVALID_COUNTRY_CODE:
        raise FieldError("phone_country", got=str(number.country_code))
    if reason == ValidationResult.TOO_SHORT:
        raise FieldError("phone_too_short", country=_country(number.country_code))
    if reason == ValidationResult.TOO_LONG:
        raise FieldError("phone_too_long", country=_country(number.country_code))
    if region == HOME_REGION and _home_valid is not None and number.country_code == _HOME_PLAN["country_code"]:
        valid = _home_valid(phonenumbers.national_significant_number(number))
    else:
        valid = phonenumbers.is_valid_number_for_region(number, region)  # what is_valid_number does
    if not valid:
        raise FieldError("phone_invalid", country=_country(number.country_code))


def _valid_in(metadata: object) -> Callable[[str], bool]:
    """Whether a national number is of some type in METADATA, as libphonenumber's `is_valid_number_for_region`
    decides it (`_number_type_helper(number, metadata) != UNKNOWN`), with the patterns compiled once.

    A type matches when the number has one of its lengths (any, if it lists none) and its whole
    pattern; valid is matching the general description and at least one type, mobile counted only
    where its pattern is not the fixed line's. The types a length allows are tried as one pattern
    (an alternation matches the whole number when one of its branches does). tests/domain/test_phones.py
    compares the two.
    """
    def desc(d: object) -> tuple[frozenset[int], str] | None:
        pattern = getattr(d, "national_number_pattern", None)
        return (frozenset(d.possible_length), pattern) if pattern else None  # type: ignore[attr-defined]

    general = desc(metadata.general_desc)  # type: ignore[attr-defined]
    names = ["premium_rate", "toll_free", "shared_cost", "voip", "personal_number", "pager", "uan", "voicemail", "fixed_line"]
    if not metadata.same_mobile_and_fixed_line_pattern:  # type: ignore[attr-defined]
        names.append("mobile")
    kinds = [k for k in (desc(getattr(metadata, name)) for name in names) if k is not None]
    if general is None or not kinds:
        return lambda number: False
    general_lengths, general_pattern = general[0], re.compile(general[1])

    def alternation(patterns: list[str]) -> re.Pattern[str] | None:
        return re.compile("|".join(f"(?:{p})" for p in patterns)) if patterns else None

    by_length = {n: alternation([p for lengths, p in kinds if not lengths or n in lengths])
                 for n in {n for lengths, _ in kinds for n in lengths}}
    any_length = alternation([p for lengths, p in kinds if not lengths])

    def valid(number: str) -> bool:
        size = len(number)
        if (general_lengths and size not in general_lengths) or general_pattern.fullmatch(number) is None:
            return False
        types = by_length.get(size, any_length)
        return types is not None and types.fullmatch(number) is not None

    return valid


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
