"""The reports' own captions: both languages, the same placeholders."""

from __future__ import annotations

import string

from desktop.reports.texts import TEXTS, tr


def test_every_caption_has_both_languages_and_fills_its_placeholders() -> None:
    for key, (en, ru) in TEXTS.items():
        assert en and ru, key
        assert sorted(_fields(en)) == sorted(_fields(ru)), key
    assert tr("page_of", "ru", n=2, m=5) == "Страница 2 из 5"
    assert tr("page_of", "en", n=2, m=5) == "Page 2 of 5"


def _fields(text: str) -> list[str]:
    return [name for _, name, _, _ in string.Formatter().parse(text) if name]


