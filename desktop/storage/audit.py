"""The audit trail's hash chain: each entry's hash covers the previous entry's hash and its own content.

An entry edited, inserted or deleted with the `sqlite3` shell no longer fits the chain, and
`verify_chain` names it. Whoever can rewrite the whole file can also recompute every hash after
the entry they changed; a chain head kept outside the database (printed, exported) narrows that.

The hashed text is the canonical JSON array `[prev, at, user, record_kind, record_id, action,
reason, old, new]`: compact, no ASCII escaping, `old` and `new` exactly as stored (they are written
by the same encoder). The entries of one write are hashed inside its BEGIN IMMEDIATE transaction,
so writers are serialised and the chain stays a line.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from .findings import Finding, entry_what, entry_words

GENESIS = ""  # the `prev` of the first entry
CANONICAL = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"), check_circular=False)
_quote = json.encoder.encode_basestring  # CANONICAL's own string encoder (ensure_ascii=False)


def _canonical_encoder() -> Callable[[Any], str]:
    """`CANONICAL.encode`, with the C encoder it builds on every call built once (an import encodes
    one record per audit entry: tens of thousands)."""
    make = json.encoder.c_make_encoder
    if make is None:  # a Python without the _json accelerator
        return CANONICAL.encode
    encoder = make(None, CANONICAL.default, _quote, None, CANONICAL.key_separator, CANONICAL.item_separator,
                   CANONICAL.sort_keys, CANONICAL.skipkeys, CANONICAL.allow_nan)
    return lambda value: "".join(encoder(value, 0))


encode = _canonical_encoder()
COLUMNS = ("id", "at", "user", "action", "record_kind", "record_id", "old", "new", "reason", "prev", "hash")


def _string(value: str | None) -> str:
    return "null" if value is None else _quote(value)


def _sha256() -> Any:
    """hashlib's sha256, imported when an entry is first hashed, not at the window's start (~2 ms)."""
    from hashlib import sha256

    return sha256


def entry_hash(
    prev: str, at: str, user: str, action: str, record_kind: str, record_id: str,
    old: str | None, new: str | None, reason: str | None,
) -> str:
    # The array's canonical JSON built piece by piece (as CANONICAL.encode would write it, a third of
    # the time): `old`/`new` are stored JSON text already, so they are spliced in, not re-encoded.
    text = (f"[{_string(prev)},{_string(at)},{_string(user)},{_string(record_kind)},{_string(record_id)},"
            f"{_string(action)},{_string(reason)},{'null' if old is None else old},{'null' if new is None else new}]")
    return _sha256()(text.encode("utf-8", "surrogatepass")).hexdigest()


def chain(prev: str, entries: Iterable[Sequence[Any]]) -> list[tuple[Any, ...]]:
    """Rows `(at, user, action, kind, record id, old, new, reason)` with `prev, hash` appended, chained from `prev`.

    The hashed text is `entry_hash`'s, built in the loop: every field but `reason` is a NOT NULL column,
    so it is quoted as it is.
    """
    sha256 = _sha256()
    out = []
    quoted: dict[object, str] = {}  # the time, user, kind and action of a write's entries repeat: quoted once
    previous = _quote(prev)
    for at, user, action, kind, record_id, old, new, reason in entries:
        head = quoted.get((at, user, kind))
        if head is None:
            head = quoted[(at, user, kind)] = f"{_quote(at)},{_quote(user)},{_quote(kind)}"
        verb = quoted.get(action)
        if verb is None:
            verb = quoted[action] = _quote(action)
        text = (f"[{previous},{head},{_quote(record_id)},{verb},"
                f"{_string(reason)},{'null' if old is None else old},{'null' if new is None else new}]")
        digest = sha256(text.encode("utf-8", "surrogatepass")).hexdigest()
        out.append((at, user, action, kind, record_id, old, new, reason, prev, digest))
        prev, previous = digest, f'"{digest}"'  # a hex digest needs no escaping
    return out


def verify_chain(rows: Iterable[dict[str, Any]], last_assigned: int | None) -> list[str]:
    """Problems in the chain, each naming the entry by its number and time.

    `rows` in id order; `last_assigned` is the largest id SQLite ever handed out (sqlite_sequence),
    which shows entries deleted from the end.
    """
    problems: list[str] = []
    previous: dict[str, Any] | None = None
    expected = GENESIS
    for row in rows:
        own = row["hash"] is not None and row["prev"] is not None and row["hash"] == entry_hash(
            row["prev"], row["at"], row["user"], row["action"], row["record_kind"], row["record_id"],
            row["old"], row["new"], row["reason"])
        linked = row["prev"] == expected
        if not own:
            problems.append(Finding("entry_hash", entry=entry_words(row), what=entry_what(row)))
        elif not linked:
            if previous is not None and row["prev"] == previous["prev"]:
                problems.append(Finding("entry_inserted", entry=entry_words(previous), what=entry_what(previous),
                                        next=entry_words(row)))
            elif previous is not None and row["id"] == previous["id"] + 1:
                problems.append(Finding("entry_rehashed", entry=entry_words(previous), what=entry_what(previous),
                                        next=entry_words(row)))
            elif previous is None:
                problems.append(Finding("deleted_before", entry=entry_words(row)))
            else:
                problems.append(Finding("deleted_between", entry=entry_words(previous), next=entry_words(row)))
        previous, expected = row, row["hash"]
    if last_assigned is not None and (previous is None or last_assigned > previous["id"]):
        problems.append(Finding("deleted_after", entry=entry_words(previous), last=last_assigned) if previous is not None
                        else Finding("deleted_all", last=last_assigned))
    return problems


def first_difference(stored: Any, recorded: Any, path: str = "") -> str | None:
    """The first field (interchange path) where a record's stored state differs from its audit entry."""
    if isinstance(stored, dict) and isinstance(recorded, dict):
        for key in list(recorded) + [k for k in stored if k not in recorded]:
            found = first_difference(stored.get(key), recorded.get(key), f"{path}.{key}" if path else key)
            if found:
                return found
        return None
    if isinstance(stored, list) and isinstance(recorded, list):
        for n in range(max(len(stored), len(recorded))):
            a = stored[n] if n < len(stored) else None
            b = recorded[n] if n < len(recorded) else None
            found = first_difference(a, b, f"{path}[{n}]")
            if found:
                return found
        return None
    return None if stored == recorded else (path or "(the whole record)")


# ---- an incident's update recorded as what changed --------------------------------------------
# An update of an incident with many items records only the fields and items that changed: the
# whole of an incident of 20,000 cars is 5 MB, twice per entry, for one car's colour. Both halves
# carry PATCH; `replay` rebuilds the whole record from the last whole entry and the patches after it.
PATCH = "_patch"
PATCH_ITEMS = 100  # items (vehicles and property) from which an update is recorded as a patch
ITEM_LISTS = ("vehicles", "properties")


def _ids(items: Any) -> list[Any] | None:
    if not isinstance(items, list) or not all(isinstance(i, dict) and isinstance(i.get("id"), str) for i in items):
        return None
    ids = [i["id"] for i in items]
    return ids if len(set(ids)) == len(ids) else None


def head_patch(old: dict[str, Any], new: dict[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
    """A patch's halves with the incident's own fields that changed (its items are added by the caller)."""
    was: dict[str, Any] = {PATCH: True}
    now: dict[str, Any] = {PATCH: True}
    for key in [*old, *(k for k in new if k not in old)]:
        if key in ITEM_LISTS or old.get(key, _ABSENT) == new.get(key, _ABSENT):
            continue
        if key in old:
            was[key] = old[key]
        if key in new:
            now[key] = new[key]
    return was, now


def incident_patch(old: dict[str, Any], new: dict[str, Any]) -> tuple[dict[str, Any], dict[str, Any]] | None:
    """The halves of a patch entry, or None when the update is to be recorded whole: a small
    incident, or items reordered (a patch keeps the order of the items it does not name, and puts
    new ones last)."""
    if sum(len(new.get(k) or ()) for k in ITEM_LISTS) < PATCH_ITEMS:
        return None
    was, now = head_patch(old, new)
    for key in ITEM_LISTS:
        old_ids, new_ids = _ids(old.get(key, [])), _ids(new.get(key, []))
        if old_ids is None or new_ids is None:
            return None
        before = dict(zip(old_ids, old.get(key, []), strict=True))
        after = dict(zip(new_ids, new.get(key, []), strict=True))
        added = [i for i in new_ids if i not in before]
        kept = [i for i in old_ids if i in after]
        if new_ids != kept + added:
            return None
        changed = {i for i in kept if before[i] != after[i]}
        gone = [before[i] for i in old_ids if i not in after or i in changed]
        came = [after[i] for i in new_ids if i in changed or i not in before]
        if gone:
            was[key] = gone
        if came:
            now[key] = came
    return was, now


_ABSENT = object()


def is_patch(recorded: Any) -> bool:
    return isinstance(recorded, dict) and recorded.get(PATCH) is True


def replay(whole: dict[str, Any], patches: Iterable[tuple[dict[str, Any], dict[str, Any]]]) -> dict[str, Any]:
    """The record after these patches (each `(old, new)` of an entry), from its last whole state."""
    state = dict(whole)
    for was, now in patches:
        for key in was:
            if key != PATCH and key not in ITEM_LISTS and key not in now:
                state.pop(key, None)
        for key, value in now.items():
            if key != PATCH and key not in ITEM_LISTS:
                state[key] = value
        for key in ITEM_LISTS:
            if key not in was and key not in now:
                continue
            came = {i["id"]: i for i in now.get(key, [])}
            gone = {i["id"] for i in was.get(key, [])} - set(came)
            items = [came.get(i["id"], i) for i in state.get(key, []) if i["id"] not in gone]
            present = {i["id"] for i in state.get(key, [])}
            state[key] = items + [i for i in now.get(key, []) if i["id"] not in present]
    return state


def without_mark(recorded: Any) -> Any:
    """A patch half as the history shows it: the changed fields and items, without the mark."""
    if is_patch(recorded):
        return {k: v for k, v in recorded.items() if k != PATCH}
    return recorded
