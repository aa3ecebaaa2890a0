"""What storage hands back and takes in besides the domain records, the same for every backend.

`ChangeSet` is a batch of saves (an import, a form with new people) written in one transaction;
`AuditEntry` is one line of a record's history; `Overview` the figures the window's overview shows.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from ..domain.enums import ClaimStatus
from ..domain.models import Claim, Incident, Person

if TYPE_CHECKING:
    from .item_edits import ItemEdits


@dataclass
class Change:
    """A record to write: `old` is its previous interchange form (None when new).

    `items`: a large incident's save as the rows it changes (`item_edits`); `old` is then the
    audit patch's first half, not the whole incident."""

    record: Person | Incident | Claim
    old: dict[str, Any] | None = None
    reason: str | None = None  # why, for an audited correction; kept in the audit entry
    items: ItemEdits | None = None


@dataclass
class ChangeSet:
    people: list[Change] = field(default_factory=list)
    incidents: list[Change] = field(default_factory=list)
    claims: list[Change] = field(default_factory=list)
    deleted_items: list[str] = field(default_factory=list)
    blobs: dict[str, bytes] = field(default_factory=dict)

    def __bool__(self) -> bool:
        return bool(self.people or self.incidents or self.claims or self.blobs)


@dataclass(frozen=True)
class AuditEntry:
    at: str
    user: str
    action: str
    record_kind: str
    record_id: str
    old: dict[str, Any] | None
    new: dict[str, Any] | None
    reason: str | None = None


@dataclass(frozen=True)
class Overview:
    incidents: int
    vehicles: int
    properties: int
    claims_by_status: dict[ClaimStatus, int]
    requested: Any
    approved: Any
    paid: Any
    overdue: int
