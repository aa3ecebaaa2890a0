"""Small derivations from domain records that several reports print the same way."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from decimal import Decimal

from desktop.domain.models import Claim, Incident, Person, PropertyItem, Vehicle
from desktop.domain.words import DASH, Lang, label

from .texts import tr

ZERO = Decimal("0.00")


def approved_amount(claim: Claim) -> Decimal | None:
    return claim.decision.approved_amount if claim.decision else None


def paid_amount(claim: Claim) -> Decimal | None:
    return claim.payment.amount if claim.payment else None


def total(amounts: Iterable[Decimal | None]) -> Decimal:
    """Sum with absent amounts as zero: a total row counts what is known."""
    return sum((a for a in amounts if a is not None), ZERO)


def vehicle_description(vehicle: Vehicle) -> str:
    """`Lada Vesta, 2019, белый`: what a clerk reads to recognise the car."""
    name = " ".join(p for p in (vehicle.make, vehicle.model) if p)
    parts = [name, str(vehicle.year) if vehicle.year else None, vehicle.colour]
    return ", ".join(p for p in parts if p)


def vehicle_ids(vehicle: Vehicle) -> str:
    """Plate and VIN on separate lines, the plate first (it is what people quote)."""
    return "\n".join(p for p in (vehicle.plate, vehicle.vin) if p) or DASH


def property_description(item: PropertyItem) -> str:
    return f"{item.description}\n{item.address}" if item.address else item.description


def owner_name(people: Mapping[str, Person], owner_id: str | None, lang: Lang) -> str:
    """The owner's name only: addresses and identity documents stay off shared reports."""
    person = people.get(owner_id) if owner_id else None
    return person.full_name if person else tr("no_owner", lang)


def items_by_id(incident: Incident | None) -> dict[str, Vehicle | PropertyItem]:
    """The incident's vehicles and property by id: built once per report, so that looking up a
    claim's items costs one step each, not a walk of the whole incident (20,000 cars) per item."""
    if incident is None:
        return {}
    found: dict[str, Vehicle | PropertyItem] = {v.id: v for v in incident.vehicles}
    found.update((p.id, p) for p in incident.properties)
    return found


def item_label(items: Mapping[str, Vehicle | PropertyItem], item_id: str, lang: Lang) -> str:
    """One claimed item as a line of text, whether it is a vehicle or property (`items`: `items_by_id`)."""
    item = items.get(item_id)
    if isinstance(item, Vehicle):
        plate = item.plate or item.vin
        return f"{vehicle_description(item)}, {plate}" if plate else vehicle_description(item)
    if isinstance(item, PropertyItem):
        text = f"{label(item.kind, lang)}: {item.description}"
        return f"{text}, {item.address}" if item.address else text
    return item_id


def place(incident: Incident) -> str:
    """`г. Калуга, у пруда на окраине Калуги`: district (and settlement) with the exact spot."""
    parts = [incident.district]
    if incident.settlement and incident.settlement not in incident.district:
        parts.append(incident.settlement)
    parts.append(incident.location)
    return ", ".join(parts)
