"""Reading reports back: text per page, fonts per page, and the sample's known values."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from pypdf import PdfReader
from pypdf.generic import DictionaryObject

MADE_AT = datetime.fromisoformat("2026-09-26T10:00:00+03:00")
HOSTILE = "ООО «Рога & Копыта» <b>"
OFFICE = {
    "office_name": "Администрация муниципального образования «Город Калуга»",
    "office_address": "248000, г. Калуга, ул. Ленина, д. 93",
    "signatory_name": "И. И. Иванов",
    "signatory_position": "Заместитель главы администрации",
}
# Every identity document of the sample: personal data that only the claim sheet may print.
ID_DOCUMENTS = ("2904 518233", "2915 004417", "2920 771203")


def pdf_pages(path: Path) -> list[str]:
    """Each page's text, no-break spaces made plain so tests can compare with `in`."""
    reader = PdfReader(str(path))
    return [(page.extract_text() or "").replace("\u00a0", " ") for page in reader.pages]


def pdf_text(path: Path) -> str:
    return "\n".join(pdf_pages(path))


def squash(text: str) -> str:
    """Text without whitespace: table cells wrap names across lines."""
    return "".join(text.split())


def page_fonts(path: Path) -> list[tuple[int, str, bool]]:
    """(page number, font name, has an embedded TrueType file) for every font every page uses."""
    found = []
    for number, page in enumerate(PdfReader(str(path)).pages, start=1):
        fonts = page["/Resources"].get_object().get("/Font")
        _collect_fonts(number, fonts.get_object() if fonts else None, found)
        xobjects = page["/Resources"].get_object().get("/XObject")  # charts may draw in forms
        for ref in (xobjects.get_object().values() if xobjects else []):
            resources = ref.get_object().get("/Resources")
            if resources:
                inner = resources.get_object().get("/Font")
                _collect_fonts(number, inner.get_object() if inner else None, found)
    return found


def _collect_fonts(number: int, fonts: DictionaryObject | None, found: list[tuple[int, str, bool]]) -> None:
    for ref in (fonts or {}).values():
        font = ref.get_object()
        descriptor = font.get("/FontDescriptor")
        if descriptor is None and "/DescendantFonts" in font:
            descriptor = font["/DescendantFonts"][0].get_object().get("/FontDescriptor")
        embedded = descriptor is not None and "/FontFile2" in descriptor.get_object()
        found.append((number, str(font.get("/BaseFont")), embedded))
