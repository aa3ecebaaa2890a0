"""Flat rows for registers and reports, and the filters that select them.

Storage produces these from SQL a page at a time; the window's table models and the PDF
register consume them, so neither needs to know the schema.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from . import deadlines
from .deadlines import DOCUMENTS_DUE_DAYS, DOCUMENTS_DUE_MAX, DOCUMENTS_DUE_MIN
from .enums import ClaimStatus, IncidentKind, IncidentStatus, PersonKind
from .payment_rules import PaymentRules


@dataclass(frozen=True)
class Filters:
    """The command line's FILTERS and the registers' filter bar."""

    date_from: date | None = None
    date_to: date | None = None
    districts: tuple[str, ...] = ()  # any of these (the incident's district); empty: every district
    status: ClaimStatus | None = None
    incident_status: IncidentStatus | None = None
    incident_kind: IncidentKind | None = None
    text: str | None = None
    overdue_only: bool = False
    executor: str | None = None  # claims this clerk answers (exact, as the office's list names them)
    has_vehicles: bool = False  # incidents with at least one damaged vehicle (the overview's figure)
    has_properties: bool = False  # incidents with at least one damaged property
    incident_id: str | None = None  # claims of this incident only (its form's list of claims)


@dataclass(frozen=True)
class RegisterView:
    """What a register window shows, to export or print exactly that: which register ("incidents"
    or "claims"), under which filters, in which order (a column's sort key, `descending` or not)."""

    register: str
    filters: Filters = Filters()
    sort: str | None = None
    descending: bool = False


@dataclass(frozen=True)
class VehicleRow:
    """A damaged vehicle with its incident and owner: a row of the vehicles register."""

    id: str
    incident_id: str
    incident_reference: str
    occurred_at: datetime
    district: str
    plate: str | None
    make: str
    model: str | None
    colour: str | None
    vin: str | None
    owner_id: str | None
    owner: str | None
    estimated: Decimal | None
    claims: int  # claims naming this vehicle


@dataclass(frozen=True)
class PersonRow:
    """A person or organisation with what they have in the log: a row of the people register."""

    id: str
    kind: PersonKind
    full_name: str
    birth_date: date | None
    phone: str | None
    inn: str | None
    address: str | None
    vehicles: int  # vehicles they own
    properties: int  # property they own
    claims: int  # claims they filed


@dataclass(frozen=True)
class IncidentRow:
    id: str
    reference: str
    occurred_at: datetime
    kind: IncidentKind
    region: str
    district: str
    location: str
    status: IncidentStatus
    vehicles: int
    properties: int
    claims: int
    # The sum of its vehicles' and property's estimated costs (None: none estimated); read for the
    # printed register only (`iter_incident_rows`), not for the window's pages.
    estimated: Decimal | None = None


@dataclass(frozen=True)
class ClaimRow:
    id: str
    number: str
    filed_on: date
    claimant: str
    incident_reference: str
    district: str
    status: ClaimStatus
    requested: Decimal | None
    approved: Decimal | None
    paid: Decimal | None
    decided: bool  # settled: approved, rejected, paid or withdrawn (`deadlines.SETTLED`)
    decision_number: str | None = None
    decision_date: date | None = None
    due: date | None = None  # the stored answer date (registration and extension counted); None: 30 days from filing
    executor: str | None = None
    registered_on: date | None = None  # None: registered on the filing day (interchange.md)
    extension_until: date | None = None  # the answer period extended to this day
    notice_sent_on: date | None = None  # the decision's notice went to the claimant (answered once decided)

    @property
    def answer_due(self) -> date:
        return self.due or deadlines.answer_due(self.filed_on, self.registered_on, self.extension_until)

    def registered_late(self) -> bool:
        """Registered after its registration date (59-FZ's 3 days)."""
        return deadlines.registered_late(self.filed_on, self.registered_on)

    def answered(self) -> bool:
        """Decided (approved, rejected or paid) and the decision's notice sent: the 59-FZ answer given."""
        return deadlines.is_answered(self.status, self.notice_sent_on)

    def days_left(self, today: date) -> int | None:
        """Days until the answer is due (negative: days overdue); None once decided."""
        if self.decided:
            return None
        return deadlines.days_left(self.answer_due, today)

    def overdue(self, today: date) -> bool:
        return deadlines.is_overdue(self.status, self.answer_due, today)


@dataclass(frozen=True)
class SummaryRow:
    """Counts and sums for one (district, status) cell of the summary."""

    district: str
    status: ClaimStatus
    claims: int
    requested: Decimal
    approved: Decimal
    paid: Decimal


def _names(value: object) -> list[str]:
    """A stored list of names: strings trimmed, blanks and repeats dropped (anything else: empty)."""
    if not isinstance(value, list):
        return []
    return list(dict.fromkeys(v.strip() for v in value if isinstance(v, str) and v.strip()))


def _days(value: object) -> int:
    if isinstance(value, int) and not isinstance(value, bool) and DOCUMENTS_DUE_MIN <= value <= DOCUMENTS_DUE_MAX:
        return value
    return DOCUMENTS_DUE_DAYS


@dataclass
class OfficeSettings:
    office_name: str = ""
    office_address: str = ""
    signatory_name: str = ""
    signatory_position: str = ""
    region: str = "Калужская область"
    language: str = ""
    districts: list[str] = field(default_factory=list)
    executors: list[str] = field(default_factory=list)  # the clerks who answer claims (a claim's `executor`)
    documents_due_days: int = DOCUMENTS_DUE_DAYS  # days given to bring missing documents
    payment_rules: PaymentRules = field(default_factory=PaymentRules)  # caps; empty: no cap

    @classmethod
    def from_stored(cls, stored: Mapping[str, Any]) -> OfficeSettings:
        """The settings as the store keeps them (the `settings` command's keys, JSON values), with
        the defaults for what the office has not set. Values are checked when written; a value
        edited by hand past the checks is read as its default (or, for caps, without the bad ones)."""
        d = cls()

        def text(key: str) -> str:
            value = stored.get(key)
            return value if isinstance(value, str) else getattr(d, key)

        return cls(
            office_name=text("office_name"),
            office_address=text("office_address"),
            signatory_name=text("signatory_name"),
            signatory_position=text("signatory_position"),
            region=text("region"),
            language=text("language"),
            districts=_names(stored.get("districts")),
            executors=_names(stored.get("executors")),
            documents_due_days=_days(stored.get("documents_due_days")),
            payment_rules=PaymentRules.from_setting(stored.get("payment_rules")),
        )

    def stored_value(self, key: str) -> Any:
        """A setting as the store keeps it (JSON): `payment_rules` as its object, the rest as they are."""
        value = getattr(self, key)
        return value.to_setting() if isinstance(value, PaymentRules) else value
