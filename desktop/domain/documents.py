"""Which documents a claim needs: the office's setting, with the spec's defaults."""

from __future__ import annotations

from dataclasses import dataclass, field

from .enums import DocumentKind as D
from .enums import PersonKind
from .models import Claim, Document, Incident

# Claimants who are natural persons: an entrepreneur (ИП) is one too, with an identity document
# and personal data under 152-FZ, so the "individual's claim" documents are asked of both.
INDIVIDUALS = frozenset({PersonKind.PERSON, PersonKind.ENTREPRENEUR})


@dataclass(frozen=True)
class RequiredDocuments:
    every_claim: tuple[D, ...] = (D.APPLICATION, D.DAMAGE_ASSESSMENT, D.BANK_DETAILS)
    person: tuple[D, ...] = (D.IDENTITY_DOCUMENT, D.PERSONAL_DATA_CONSENT)
    vehicle: tuple[D, ...] = (D.VEHICLE_REGISTRATION,)
    property: tuple[D, ...] = (D.OWNERSHIP_PROOF,)
    extra: dict[str, object] = field(default_factory=dict, compare=False)

    def to_setting(self) -> dict[str, list[str]]:
        return {
            "every_claim": [d.value for d in self.every_claim],
            "person": [d.value for d in self.person],
            "vehicle": [d.value for d in self.vehicle],
            "property": [d.value for d in self.property],
        }

    @classmethod
    def from_setting(cls, data: dict[str, list[str]] | None) -> RequiredDocuments:
        if not data:
            return cls()
        default = cls()

        def kinds(key: str) -> tuple[D, ...]:
            values = data.get(key)
            if values is None:
                return getattr(default, key)
            return tuple(D(v) for v in values if v in D._value2member_map_)

        return cls(kinds("every_claim"), kinds("person"), kinds("vehicle"), kinds("property"))

    def for_claim(self, claim: Claim, incident: Incident | None, claimant_kind: PersonKind | None) -> list[D]:
        needed: list[D] = list(self.every_claim)
        if claimant_kind in INDIVIDUALS:
            needed += self.person
        if incident is not None:
            vehicle_ids = {v.id for v in incident.vehicles}
            property_ids = {p.id for p in incident.properties}
            if any(i in vehicle_ids for i in claim.items):
                needed += self.vehicle
            if any(i in property_ids for i in claim.items):
                needed += self.property
        return list(dict.fromkeys(needed))

    def still_open(self, claim: Claim, claimant_kind: PersonKind | None) -> list[str]:
        """What `for_claim` still waits for to give the claim's whole list: «claimant» (whose kind
        adds the personal papers) and «items» (a vehicle or property adds its own). A count of
        required papers said before both are known grows once they are (5, then 6)."""
        waiting: list[str] = []
        if claimant_kind is None and self.person:
            waiting.append("claimant")
        if not claim.items and (self.vehicle or self.property):
            waiting.append("items")
        return waiting

    def missing(self, claim: Claim, incident: Incident | None, claimant_kind: PersonKind | None) -> list[D]:
        have = received_kinds(claim)
        return [d for d in self.for_claim(claim, incident, claimant_kind) if d not in have]


# The paper the commission's inspection act is on the checklist: «акт обследования комиссии о
# повреждениях».
ACT_DOCUMENT = D.DAMAGE_ASSESSMENT


def act_document(claim: Claim) -> Document | None:
    """The commission's act as a received paper: an inspection with its number and date is the act,
    received on the act's date. None without an act (or with one not yet numbered or dated)."""
    act = claim.inspection
    if act is None or not (act.number or "").strip() or act.date is None:
        return None
    return Document(kind=ACT_DOCUMENT, received_on=act.date, note=act.number)


def received_documents(claim: Claim) -> list[Document]:
    """The papers a claim has: those ticked, and the commission's act when the claim records one and
    the act's paper is not ticked (a clerk who typed the act's number and date has the act)."""
    papers = list(claim.documents)
    act = act_document(claim)
    if act is not None and all(d.kind is not ACT_DOCUMENT for d in papers):
        papers.append(act)
    return papers


def received_kinds(claim: Claim) -> set[D]:
    """The kinds of paper a claim has, its inspection act counted (see `received_documents`)."""
    return {d.kind for d in received_documents(claim)}
