"""What a service refuses for a reason the clerk can act on, in their language."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    "not_decided": (
        "claim {number} is not decided ({status}): there is no decision to give notice of",
        "по заявлению {number} решение не принято ({status}): уведомлять не о чем",
    ),
}

# What changed on a record, in words (a message's parameter).
CHANGES: dict[str, tuple[str, str]] = {}


class ServiceError(Exception):
    """A refusal with a message in English and Russian (`text(lang)`); nothing was changed."""

    def __init__(self, code: str, **params: object) -> None:
        self.code = code
        self.params = params
        super().__init__(self.text("en"))

    def text(self, lang: str = "en") -> str:
        en, ru = MESSAGES[self.code]
        # A parameter that is itself in words (`Words`) is put in the message's language.
        params = {k: v.text(lang) if isinstance(v, Words) else v for k, v in self.params.items()}
        return (ru if lang == "ru" else en).format(**params)


class Words:
    """Words inside a message, put in the message's language: a pair (`Words.pair(en, ru)`) or a
    `CHANGES` entry with its parameters (themselves `Words` or plain values)."""

    def __init__(self, code: str | None = None, *, en: str = "", ru: str = "", **params: object) -> None:
        self.code = code
        self.pair = (en, ru)
        self.params = params

    @classmethod
    def of(cls, en: str, ru: str) -> Words:
        return cls(en=en, ru=ru)

    def text(self, lang: str) -> str:
        en, ru = CHANGES[self.code] if self.code else self.pair
        params = {k: v.text(lang) if isinstance(v, Words) else v for k, v in self.params.items()}
        return (ru if lang == "ru" else en).format(**params)
