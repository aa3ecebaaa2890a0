"""What a service refuses for a reason the clerk can act on, in their language."""

from __future__ import annotations

from ..domain.words import shown_number

MESSAGES: dict[str, tuple[str, str]] = {
    "not_decided": (
        "claim {number} is not decided yet (its status: {status}): there is no decision to give notice of",
        "по заявлению {number} решения ещё нет (его статус: {status}): уведомлять не о чем",
    ),
    "payment_status": (
        "the payment register lists approved claims only, not «{status}»",
        "в реестр на выплату входят только одобренные заявления, а не «{status}»",
    ),
    "nothing_to_pay": ("the register holds no claim to mark paid", "в реестре нет заявлений для отметки об оплате"),
    "no_reference": ("the payment order's number is needed", "нужен номер платёжного поручения"),
    "register_changed": (
        "claim {number} changed since the register was made ({what}); nothing was marked paid: make the "
        "register again",
        "заявление {number} изменилось после составления реестра ({what}); оплата не отмечена ни по одному "
        "заявлению: сформируйте реестр заново",
    ),
    "paid_before_decision": (
        "claim {number} was decided on {decided}: it cannot be paid on {paid}; nothing was marked paid",
        "решение по заявлению {number} принято {decided}: оплата {paid} невозможна; оплата не отмечена ни по "
        "одному заявлению",
    ),
    "claim_refused": (
        "claim {number} cannot be marked paid ({why}); nothing was marked paid",
        "по заявлению {number} оплату отметить нельзя ({why}); оплата не отмечена ни по одному заявлению",
    ),
}

# What changed on a claim of a register, in words (`register_changed`).
CHANGES: dict[str, tuple[str, str]] = {
    "gone": ("deleted", "удалено"),
    "status": ("now «{status}»", "теперь «{status}»"),
    "paid": ("already paid", "уже оплачено"),
    "amount": ("approved amount now {amount}", "одобренная сумма теперь {amount}"),
}


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
        if isinstance(params.get("number"), str):  # a claim's number as the office shows it: «З-2026-0001»
            params["number"] = shown_number(params["number"], "ru" if lang == "ru" else "en")
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
