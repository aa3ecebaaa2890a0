"""The office's payment rules and the amount they propose for a claim (interchange.md, "Payment rules").

An office pays by its municipal act: a cap by kind of item (a vehicle, or each kind of property)
and severity, and only what insurance did not cover. The rules are the setting `payment_rules`,
a JSON object of caps in roubles by kind and severity (docs/decisions.md, "Payment rules"):

    {"vehicle": {"moderate": "78400.00", "destroyed": "156750.00"},
     "dwelling": {"severe": "300000.00"}}

A kind or severity not named has no cap; `{}` (the default) caps nothing. The proposed amount
of a claim is, per item, the lesser of its assessed cost (the inspection's `assessed_amount`,
else the item's `estimated_cost`) and its cap, summed, minus `insurance_paid`, never below 0.
`propose` returns it with each item's line (assessed, cap, taken) so the decision dialog can
show how it was reached; `Proposal.explain` says it in words.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from fractions import Fraction
from typing import Literal

from .enums import PropertyKind, Severity
from .errors import FieldError, Problem, ValidationFailed, join_path
from .models import Claim, Incident, PropertyItem, Vehicle
from .values import KeyGivenTwice, json_loads_once, money_wire, parse_money
from .words import Lang, item_kind_label, label, money

SETTING = "payment_rules"
VEHICLE = "vehicle"
# The kinds of item a cap is set for: every vehicle alike, property by its kind.
ITEM_KINDS: tuple[str, ...] = (VEHICLE, *(k.value for k in PropertyKind))
SEVERITIES: tuple[Severity, ...] = tuple(Severity)
ZERO = Decimal("0.00")

Basis = Literal["inspection", "inspection_share", "estimate", "none"]


@dataclass(frozen=True)
class PaymentRules:
    """Caps in roubles by kind of item (`ITEM_KINDS`) and severity; what is not named has no cap."""

    caps: Mapping[str, Mapping[Severity, Decimal]] = field(default_factory=dict)

    def cap(self, kind: str, severity: Severity) -> Decimal | None:
        """The cap for an item of KIND (`vehicle`, `dwelling`, …) damaged to SEVERITY; None: no cap."""
        return self.caps.get(kind, {}).get(severity)

    def is_empty(self) -> bool:
        return not any(self.caps.values())

    def to_setting(self) -> dict[str, dict[str, str]]:
        """The JSON the setting stores: kinds and severities in the spec's order, money as strings."""
        out: dict[str, dict[str, str]] = {}
        for kind in ITEM_KINDS:
            caps = self.caps.get(kind) or {}
            row = {s.value: money_wire(caps[s]) for s in SEVERITIES if caps.get(s) is not None}
            if row:
                out[kind] = row  # type: ignore[assignment]  # money_wire of a Decimal is a str
        return out

    @classmethod
    def from_setting(cls, data: object) -> PaymentRules:
        """The stored setting, read leniently: a cap that is not valid is left out (no cap), never a crash.

        Values are checked when they are written (`parse_setting`, the `settings` command, the
        settings dialog); this only guards against a database edited by hand.
        """
        rules, _problems = _read(data)
        return rules


def parse_setting(data: object) -> PaymentRules:
    """The setting's JSON value checked strictly: `ValidationFailed` with a problem per bad key.

    Paths name the key (`payment_rules.vehicle.moderate: not an amount of roubles …`).
    """
    rules, problems = _read(data)
    if problems:
        raise ValidationFailed(problems)
    return rules


def parse_setting_text(text: str) -> PaymentRules:
    """The setting as typed on the command line: JSON text (empty: no caps)."""
    if not text.strip():
        return PaymentRules()
    try:
        data = json_loads_once(text)
    except json.JSONDecodeError as e:
        raise ValidationFailed([Problem(SETTING, FieldError("json", got=e.msg))]) from None
    except KeyGivenTwice as e:
        raise ValidationFailed([Problem(join_path(SETTING, e.key), FieldError("duplicate_key"))]) from None
    return parse_setting(data)


def _read(data: object) -> tuple[PaymentRules, list[Problem]]:
    if data is None:
        return PaymentRules(), []
    if not isinstance(data, dict):
        return PaymentRules(), [Problem(SETTING, FieldError("not_object"))]
    problems: list[Problem] = []
    caps: dict[str, dict[Severity, Decimal]] = {}
    for kind, row in data.items():
        path = join_path(SETTING, str(kind))
        if kind not in ITEM_KINDS:
            problems.append(Problem(path, FieldError("not_one_of", choices=", ".join(ITEM_KINDS))))
            continue
        if row is None:
            continue
        if not isinstance(row, dict):
            problems.append(Problem(path, FieldError("not_object")))
            continue
        for severity, value in row.items():
            where = join_path(path, str(severity))
            if severity not in Severity._value2member_map_:
                problems.append(Problem(where, FieldError("not_one_of", choices=", ".join(s.value for s in SEVERITIES))))
                continue
            try:
                amount = _cap(value)
            except FieldError as e:
                problems.append(Problem(where, e))
                continue
            if amount is not None:
                caps.setdefault(kind, {})[Severity(severity)] = amount
    return PaymentRules(caps), problems


def _cap(value: object) -> Decimal | None:
    """A cap: money as the interchange writes it (`"78400"`, `"78400.50"`), or a JSON whole number."""
    if isinstance(value, int) and not isinstance(value, bool):
        value = str(value)
    return parse_money(value)


# ---- the proposal -----------------------------------------------------------------------------

Item = Vehicle | PropertyItem


@dataclass(frozen=True)
class ItemLine:
    """One claimed item's part of the proposal: what it was assessed at, its cap, what was taken."""

    item_id: str
    label: str  # «Lada Granta, А123ВС40», «Жилой дом, ул. Мира, 5»
    kind: str  # one of ITEM_KINDS
    severity: Severity
    assessed: Decimal | None  # the assessed cost used; None when neither the inspection nor an estimate gives one
    basis: Basis  # where `assessed` came from
    cap: Decimal | None  # None: no cap for this kind and severity
    taken: Decimal  # the lesser of `assessed` and `cap`; 0 when not assessed


@dataclass(frozen=True)
class Proposal:
    """The proposed amount of a claim and how it was reached."""

    lines: tuple[ItemLine, ...]
    total: Decimal  # the sum taken over the items
    insurance: Decimal  # insurance_paid (0 when none)
    amount: Decimal  # total minus insurance, never below 0

    @property
    def unassessed(self) -> tuple[ItemLine, ...]:
        """Items with no assessed cost at all: nothing is proposed for them."""
        return tuple(line for line in self.lines if line.assessed is None)

    @property
    def reached(self) -> bool:
        """Whether there is a proposal at all: some item has an assessed cost. With none assessed
        the rules say nothing about the sum (0 is no offer), so nothing is flagged against it."""
        return any(line.assessed is not None for line in self.lines)

    def above(self, approved: Decimal | None) -> bool:
        """Whether an approved amount exceeds this proposal (flagged on the claim sheet and the payment register).

        Never when the proposal was not `reached` (no item assessed: there is nothing to exceed).
        """
        return approved is not None and self.reached and approved > self.amount

    def explain(self, lang: Lang) -> list[str]:
        """The reckoning in words, a line per item, then insurance and the result.

        «Lada Granta, А123ВС40 (транспортное средство, средняя): оценено 90 000,00 ₽ по акту
        обследования, предел 78 400,00 ₽ — принято 78 400,00 ₽».
        """
        w = _WORDS[lang]
        out = []
        for line in self.lines:
            what = f"{line.label} ({item_kind_label(line.kind, lang)}, {label(line.severity, lang)})"
            if line.assessed is None:
                assessed = w["none"]
            else:
                assessed = f"{w['assessed']} {money(line.assessed, lang)} {w[line.basis]}"
            cap = f"{w['cap']} {money(line.cap, lang)}" if line.cap is not None else w["no_cap"]
            out.append(f"{what}: {assessed}, {cap} — {w['taken']} {money(line.taken, lang)}")
        if len(self.lines) > 1:
            out.append(f"{w['total']}: {money(self.total, lang)}")
        if self.insurance:
            out.append(f"{w['insurance']}: {money(self.insurance, lang)}")
        out.append(f"{w['proposed']}: {money(self.amount, lang)}")
        return out


_WORDS: dict[str, dict[str, str]] = {
    "en": {
        "assessed": "assessed", "cap": "cap", "no_cap": "no cap", "taken": "taken",
        "inspection": "by the inspection", "inspection_share": "as its share of the inspection's amount",
        "estimate": "as estimated", "none": "not assessed",
        "total": "Total of the items", "insurance": "Minus insurance paid", "proposed": "Proposed",
    },
    "ru": {
        "assessed": "оценено", "cap": "предел", "no_cap": "без предела", "taken": "принято",
        "inspection": "по акту обследования", "inspection_share": "(доля суммы акта обследования)",
        "estimate": "по предварительной оценке", "none": "оценки нет",
        "total": "Итого по предметам", "insurance": "За вычетом страховой выплаты", "proposed": "Предлагается",
    },
}


def item_kind(item: Item) -> str:
    """The kind a cap is set for: `vehicle`, or the property's kind."""
    return VEHICLE if isinstance(item, Vehicle) else item.kind.value


def propose(
    items: Sequence[Item],
    rules: PaymentRules,
    *,
    assessed_amount: Decimal | None = None,
    insurance_paid: Decimal | None = None,
) -> Proposal:
    """The proposed amount for a claim of ITEMS (interchange.md, "Payment rules").

    ASSESSED_AMOUNT is the inspection's, for the claim as a whole: with one item it is that
    item's assessed cost; with several it is spread over them (`spread_assessed`) before each
    item is capped, so one item's unused cap never pays for another's excess. Without it each
    item's `estimated_cost` is its assessed cost.
    """
    shares: list[Decimal | None]
    basis: Basis
    if assessed_amount is not None and items:
        shares = list(spread_assessed(assessed_amount, items, rules))
        basis = "inspection" if len(items) == 1 else "inspection_share"
    else:
        shares = [i.estimated_cost for i in items]
        basis = "estimate"
    lines = []
    for item, assessed in zip(items, shares, strict=True):
        kind = item_kind(item)
        cap = rules.cap(kind, item.severity)
        taken = ZERO if assessed is None else assessed if cap is None else min(assessed, cap)
        lines.append(ItemLine(
            item_id=item.id, label=item.label(), kind=kind, severity=item.severity, assessed=assessed,
            basis=basis if assessed is not None else "none", cap=cap, taken=_kopecks(taken),
        ))
    total = _kopecks(sum((line.taken for line in lines), ZERO))
    insurance = _kopecks(insurance_paid or ZERO)
    return Proposal(tuple(lines), total, insurance, max(total - insurance, ZERO))


def propose_for_claim(
    claim: Claim, incident: Incident | None, rules: PaymentRules, *, assessed_amount: Decimal | None = None,
) -> Proposal:
    """`propose` for a claim's items as its incident holds them (ids not found there are left out)."""
    by_id = incident.items_by_id() if incident is not None else {}
    items = [by_id[i] for i in claim.items if i in by_id]
    return propose(items, rules, assessed_amount=assessed_amount, insurance_paid=claim.insurance_paid)


def claim_proposal(claim: Claim, incident: Incident | None, rules: PaymentRules) -> Proposal:
    """The proposal for a claim as recorded: its items, its inspection's assessed amount (if the
    commission assessed one) and its insurance. The decision dialog offers it; the claim sheet
    and the payment register flag an approved amount above it."""
    assessed = claim.inspection.assessed_amount if claim.inspection is not None else None
    return propose_for_claim(claim, incident, rules, assessed_amount=assessed)


def spread_assessed(amount: Decimal, items: Sequence[Item], rules: PaymentRules) -> list[Decimal]:
    """A claim-level assessed amount divided among its items, to the kopeck, summing exactly to AMOUNT.

    In proportion to the items' estimated costs when every item has one (and they are not all
    0); else to their caps when every item has one (and they are not all 0); else in equal
    shares. Kopecks left over by the division go to the items with the largest remainders, the
    first listed on a tie (docs/decisions.md, "Payment rules").
    """
    if not items:
        return []
    estimates = [i.estimated_cost for i in items]
    caps = [rules.cap(item_kind(i), i.severity) for i in items]
    weights: Iterable[Decimal | int | None]
    if all(e is not None for e in estimates) and any(estimates):
        weights = estimates
    elif all(c is not None for c in caps) and any(caps):
        weights = caps
    else:
        weights = [1] * len(items)
    return _apportion(amount, [Fraction(w or 0) for w in weights])


def _apportion(amount: Decimal, weights: list[Fraction]) -> list[Decimal]:
    kopecks = int(_kopecks(amount) * 100)
    whole = sum(weights)
    exact = [kopecks * w / whole for w in weights]
    floors = [int(x) for x in exact]  # non-negative, so int() is the floor
    left = kopecks - sum(floors)
    order = sorted(range(len(exact)), key=lambda n: (-(exact[n] - floors[n]), n))
    for n in order[:left]:
        floors[n] += 1
    return [(Decimal(k) / 100).quantize(ZERO) for k in floors]


def _kopecks(amount: Decimal) -> Decimal:
    return Decimal(amount).quantize(ZERO)


__all__ = [
    "ITEM_KINDS", "SETTING", "VEHICLE", "ItemLine", "PaymentRules", "Proposal", "claim_proposal", "item_kind",
    "parse_setting", "parse_setting_text", "propose", "propose_for_claim", "spread_assessed",
]
