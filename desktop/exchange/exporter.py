"""Export: the interchange document (JSON or zip package) and the spreadsheet."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any

from ..domain.serialize import claim_to_dict, incident_to_dict, person_to_dict
from ..domain.views import Filters
from ..storage import Store
from .package import write_json, write_package


def export_document(store: Store, filters: Filters | None = None, now: datetime | None = None) -> dict[str, Any]:
    people, incidents, claims = store.export_selection(filters or Filters())
    document: dict[str, Any] = {
        "format": "incident-log",
        "version": 1,
        "exported_at": (now or datetime.now().astimezone()).isoformat(timespec="seconds"),
    }
    source = store.settings().office_name
    if source:
        document["source"] = source
    document["people"] = [person_to_dict(p) for p in people]
    document["incidents"] = [incident_to_dict(i) for i in incidents]
    document["claims"] = [claim_to_dict(c) for c in claims]
    return document


def export_file(store: Store, path: Path, filters: Filters | None = None, now: datetime | None = None) -> dict[str, int]:
    """Write FILE.json, FILE.zip or FILE.xlsx; returns how many records of each kind went out."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix == ".xlsx":
        from .spreadsheet import write_xlsx

        return write_xlsx(store, path, filters or Filters())
    document = export_document(store, filters, now)
    tmp = path.with_name(path.name + ".part")
    try:
        if suffix == ".zip":
            hashes = {a["sha256"] for c in document["claims"] for a in c.get("attachments", [])}
            blobs = {sha: data for sha in sorted(hashes) if (data := store.get_blob(sha)) is not None}
            write_package(tmp, document, blobs)
        else:
            write_json(tmp, document)
        tmp.replace(path)  # never leave half a file under the real name
    finally:
        tmp.unlink(missing_ok=True)
    return {k: len(document[k]) for k in ("people", "incidents", "claims")}
