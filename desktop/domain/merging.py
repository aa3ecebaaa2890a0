"""«Keep mine» after another clerk saved the same incident: my edits over theirs, theirs kept elsewhere.

A clerk who corrected one car and is told another clerk saved the incident meanwhile keeps their
own edit, not their whole stale form: saving the form as it stood wrote 20,000 cars as they were
when it was opened, and undid the colours the other clerk had just saved (found in a try-out of
two clerks on a server). Three versions decide: what this form opened (`base`), what it holds now
(`mine`) and what is stored (`theirs`). A field or an item this form changed is mine; anything else
is theirs; an item either side removed is gone unless the other side changed it. A claim is
merged field by field (`merge_fields`): its notes saved by one clerk and its sum by another both stay.
"""

from __future__ import annotations

from dataclasses import fields, replace
from typing import Any, TypeVar

from .models import Incident

T = TypeVar("T")
_ITEMS = ("vehicles", "properties")


def merge_fields(base: T, mine: T, theirs: T, *, apart: frozenset[str] = frozenset()) -> T:
    """`theirs` with each field this form changed (from `base` to `mine`) taken from `mine`; their
    id and version. A list (a claim's items, documents) is one field. `apart`: fields left as theirs
    here (merged item by item by the caller)."""
    skip = {"id", "version", *apart}
    mine_fields = {f.name: getattr(mine, f.name) for f in fields(mine) if f.init and f.name not in skip}  # type: ignore[arg-type]
    return replace(theirs, **{k: v for k, v in mine_fields.items() if v != getattr(base, k)})  # type: ignore[type-var]


def merge_incident(base: Incident, mine: Incident, theirs: Incident) -> Incident:
    """`theirs` with this form's own edits (from `base` to `mine`) applied, car by car; their version."""
    items = {kind: _merge_items(getattr(base, kind), getattr(mine, kind), getattr(theirs, kind)) for kind in _ITEMS}
    return replace(merge_fields(base, mine, theirs, apart=frozenset(_ITEMS)), **items)


def _merge_items(base: list[Any], mine: list[Any], theirs: list[Any]) -> list[Any]:
    """Theirs in their order with mine where this form changed them, then the ones this form added."""
    was = {i.id: i for i in base}
    now = {i.id: i for i in mine}
    out = []
    for item in theirs:
        if item.id in now:
            mine_item = now[item.id]
            out.append(mine_item if mine_item != was.get(item.id) else item)
        elif item.id not in was or item != was[item.id]:
            out.append(item)  # added by them, or changed by them after this form removed it
    stored = {i.id for i in theirs}
    for item in mine:
        if item.id not in stored and (item.id not in was or item != was[item.id]):
            out.append(item)  # added here, or changed here after they removed it
    return out
