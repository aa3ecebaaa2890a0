"""The records clerks keep. Plain dataclasses: values already normalised by `values`."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from typing import Any

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

Extra = dict[str, Any] | None


@dataclass
class Person:
    id: str
    kind: PersonKind
    full_name: str
    birth_date: date | None = None
    phone: str | None = None
    email: str | None = None
    address: str | None = None
    id_document: str | None = None
    inn: str | None = None
    notes: str | None = None
    extra: Extra = None
    version: int = 0  # the stored version this record was read at; 0: not read from a store


@dataclass
class Vehicle:
    id: str
    make: str
    damage: str
    severity: Severity
    owner_id: str | None = None
    model: str | None = None
    year: int | None = None
    colour: str | None = None
    plate: str | None = None
    vin: str | None = None
    estimated_cost: Decimal | None = None
    extra: Extra = None

    def label(self) -> str:
        name = " ".join(p for p in (self.make, self.model) if p)
        return ", ".join(p for p in (name, self.plate or self.vin) if p)  # no «None» for a car without plate or VIN yet


@dataclass
class PropertyItem:
    id: str
    kind: PropertyKind
    description: str
    damage: str
    severity: Severity
    owner_id: str | None = None
    address: str | None = None
    estimated_cost: Decimal | None = None
    extra: Extra = None

    def label(self) -> str:
        return f"{self.description}, {self.address}" if self.address else self.description


@dataclass
class Incident:
    id: str
    kind: IncidentKind
    occurred_at: datetime
    region: str
    district: str
    location: str
    status: IncidentStatus
    reference: str | None = None
    reported_at: datetime | None = None
    settlement: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    description: str | None = None
    source: str | None = None
    uavs_downed: int | None = None
    injured: int = 0
    killed: int = 0
    vehicles: list[Vehicle] = field(default_factory=list)
    properties: list[PropertyItem] = field(default_factory=list)
    extra: Extra = None
    version: int = 0  # the stored version this record was read at; 0: not read from a store

    # The item-id set, remembered with the lists it was built from: a claim check asks for it once
    # per claim, and rebuilding it made importing an incident's claims quadratic in its size.
    _item_cache: tuple[Any, ...] | None = field(default=None, init=False, repr=False, compare=False)

    def item_ids(self) -> frozenset[str]:
        """The ids of this incident's vehicles and property.

        Rebuilt whenever `vehicles` or `properties` is replaced or changes length; a list edited in
        place at the same length (an element swapped for one with another id) needs a new list.
        """
        vehicles, properties = self.vehicles, self.properties
        cached = self._item_cache
        if (cached is not None and cached[0] is vehicles and cached[1] is properties
                and cached[2] == len(vehicles) and cached[3] == len(properties)):
            return cached[4]
        ids = frozenset([*(v.id for v in vehicles), *(p.id for p in properties)])
        self._item_cache = (vehicles, properties, len(vehicles), len(properties), ids)
        return ids

    def items_by_id(self) -> dict[str, Vehicle | PropertyItem]:
        return {i.id: i for i in (*self.vehicles, *self.properties)}

    def estimated_total(self) -> Decimal:
        items: list[Vehicle | PropertyItem] = [*self.vehicles, *self.properties]
        return sum((i.estimated_cost or Decimal(0) for i in items), Decimal("0.00"))


@dataclass
class Document:
    kind: DocumentKind
    received_on: date
    note: str | None = None
    extra: Extra = None


@dataclass
class Decision:
    number: str
    date: date
    approved_amount: Decimal | None = None
    reason: str | None = None
    notice_sent_on: date | None = None  # v2: the written notice of the decision went to the claimant
    extra: Extra = None


@dataclass
class Payment:
    date: date
    amount: Decimal
    reference: str | None = None
    extra: Extra = None


@dataclass
class Extension:
    """The answer period extended once (59-FZ art. 12 p. 2), interchange v2."""

    until: date
    reason: str
    notice_sent_on: date | None = None  # the claimant was told of the extension
    extra: Extra = None


@dataclass
class Inspection:
    """The commission's inspection of the claimed items (its act), interchange v2."""

    number: str
    date: date
    members: list[str]  # «position, name», at least one
    findings: str
    assessed_amount: Decimal | None = None
    extra: Extra = None


@dataclass
class Attachment:
    name: str
    sha256: str
    media_type: str | None = None
    size: int | None = None
    extra: Extra = None


@dataclass
class Claim:
    id: str
    incident_id: str
    claimant_id: str
    items: list[str]
    kind: ClaimKind
    filed_on: date
    status: ClaimStatus
    number: str | None = None
    requested_amount: Decimal | None = None
    insurance_paid: Decimal | None = None
    documents: list[Document] = field(default_factory=list)
    decision: Decision | None = None
    payment: Payment | None = None
    attachments: list[Attachment] = field(default_factory=list)
    notes: str | None = None
    received_via: ReceivedVia | None = None  # v2 from here on
    registered_on: date | None = None  # absent: registered on `filed_on`
    executor: str | None = None  # the clerk responsible for the answer
    extension: Extension | None = None
    inspection: Inspection | None = None
    extra: Extra = None
    version: int = 0  # the stored version this record was read at; 0: not read from a store

    def received_kinds(self) -> set[DocumentKind]:
        return {d.kind for d in self.documents}
