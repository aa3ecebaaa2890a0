"""Another office's file: the shared sample with every id replaced, so that nothing in it is matched
by id and its references and claim numbers (INC-2026-0001…, CLM-2026-0001…) clash with ours."""

from __future__ import annotations

import json
import uuid
from pathlib import Path
from typing import Any

from tests.samples import sample


def ids_of(doc: dict[str, Any]) -> list[str]:
    found = [p["id"] for p in doc["people"]] + [c["id"] for c in doc["claims"]]
    for incident in doc["incidents"]:
        found.append(incident["id"])
        found += [item["id"] for item in incident.get("vehicles", []) + incident.get("properties", [])]
    return found


def foreign_office(seed: str = "other office", name: str = "sample-kaluga-2026-09.json") -> dict[str, Any]:
    """The sample as another office exported it: the same records under new ids (stable per `seed`)."""
    text = sample(name).read_text(encoding="utf-8")
    for old in ids_of(json.loads(text)):
        text = text.replace(old, str(uuid.uuid5(uuid.NAMESPACE_URL, f"{seed}/{old}")))
    return json.loads(text)


def write(folder: Path, doc: dict[str, Any], name: str = "other-office.json") -> Path:
    path = folder / name
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    return path
