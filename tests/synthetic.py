"""Synthetic interchange documents of any size, for the crash test and the import benchmark."""

from __future__ import annotations

import uuid
from typing import Any

PLATE_LETTERS = "АВЕКМНОРСТУХ"
DISTRICTS = ["г. Калуга", "г. Обнинск", "Боровский район", "Жуковский район", "Кировский район", "Тарусский район"]


def _id(kind: str, n: int) -> str:
    return str(uuid.uuid5(uuid.NAMESPACE_URL, f"incident-log/{kind}/{n}"))


def _inn12(n: int) -> str:
    base = f"{(n * 7919) % 10**10:010d}"
    w11 = (7, 2, 4, 10, 3, 5, 9, 4, 6, 8)
    d11 = sum(int(d) * w for d, w in zip(base, w11, strict=True)) % 11 % 10
    w12 = (3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8)
    d12 = sum(int(d) * w for d, w in zip(base + str(d11), w12, strict=True)) % 11 % 10
    return f"{base}{d11}{d12}"


# The shapes a mass attack gives the log, each with the same number of cars (`document(cars, **SHAPES[name])`).
SHAPES: dict[str, dict[str, int | None]] = {
    "10 cars per incident": {"vehicles_per_incident": 10},
    "one incident": {"vehicles_per_incident": None},  # every car in one courtyard
    "an incident per car": {"vehicles_per_incident": 1},
    "500 cars per owner": {"vehicles_per_incident": 10, "cars_per_owner": 500},
    "200 items per claim": {"vehicles_per_incident": 1000, "items_per_claim": 200},
}


def document(
    claims: int, vehicles_per_incident: int | None = 10, *, cars_per_owner: int = 1, items_per_claim: int = 1,
) -> dict[str, Any]:
    """`claims` cars, each with a claim by its owner (a person per car unless `cars_per_owner`).

    Cars are grouped into incidents of `vehicles_per_incident` (None: all in one incident); a claim
    covers `items_per_claim` consecutive cars of one incident (so there are claims / items_per_claim
    claims); its claimant owns the first of them.
    """
    cars = claims
    per_incident = vehicles_per_incident or cars
    if per_incident % items_per_claim:
        raise ValueError("a claim's items must lie in one incident")
    people, incidents, claim_list = [], [], []
    for n in range((cars + cars_per_owner - 1) // cars_per_owner):
        people.append({
            "id": _id("person", n), "kind": "person", "full_name": f"Заявитель Номер {n} Петрович",
            "phone": f"8 (910) {n % 1000:03d}-{(n // 1000) % 100:02d}-{n % 97:02d}", "inn": _inn12(n),
            "id_document": f"паспорт 29{n % 100:02d} {n:06d}",
        })
    for start in range(0, cars, per_incident):
        k = start // per_incident
        day = 1 + k % 28
        vehicles = []
        for n in range(start, min(cars, start + per_incident)):
            letters = PLATE_LETTERS[n % 12] + PLATE_LETTERS[(n // 12) % 12] + PLATE_LETTERS[(n // 144) % 12]
            vehicles.append({
                "id": _id("vehicle", n), "owner_id": _id("person", n // cars_per_owner), "make": "Lada", "model": "Granta",
                "plate": f"{letters[0]}{n % 1000:03d}{letters[1:]}40", "damage": "разбито стекло",
                "severity": "minor", "estimated_cost": f"{10000 + n % 5000}.50",
            })
        incidents.append({
            "id": _id("incident", k), "kind": "uav_debris", "occurred_at": f"2026-09-{day:02d}T02:40:00+03:00",
            "region": "Калужская область", "district": DISTRICTS[k % len(DISTRICTS)],
            "location": f"улица Садовая, дом {k}", "status": "open", "vehicles": vehicles,
        })
    for first in range(0, cars, items_per_claim):
        n = first // items_per_claim
        k = first // per_incident
        day = 1 + k % 28
        claim_list.append({
            "id": _id("claim", n), "incident_id": _id("incident", k), "claimant_id": _id("person", first // cars_per_owner),
            "items": [_id("vehicle", m) for m in range(first, min(cars, first + items_per_claim))],
            "kind": "damage_compensation", "filed_on": f"2026-10-{day:02d}",
            "requested_amount": f"{10000 + n % 5000}.50", "status": "received",
            "documents": [{"kind": "application", "received_on": f"2026-10-{day:02d}"}],
        })
    return {"format": "incident-log", "version": 1, "exported_at": "2026-11-01T10:00:00+03:00",
            "people": people, "incidents": incidents, "claims": claim_list}
