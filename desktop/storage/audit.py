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
from hashlib import sha256
from typing import Any

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


def entry_hash(
    prev: str, at: str, user: str, action: str, record_kind: str, record_id: str,
    old: str | None, new: str | None, reason: str | None,
) -> str:
    # The array's canonical JSON built piece by piece (as CANONICAL.encode would write it, a third of
    # the time): `old`/`new` are stored JSON text already, so they are spliced in, not re-encoded.
    text = (f"[{_string(prev)},{_string(at)},{_string(user)},{_string(record_kind)},{_string(record_id)},"
            f"{_string(action)},{_string(reason)},{'null' if old is None else old},{'null' if new is None else new}]")
    return sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def chain(prev: str, entries: Iterable[Sequence[Any]]) -> list[tuple[Any, ...]]:
    """Rows `(at, user, action, kind, record id, old, new, reason)` with `prev, hash` appended, chained from `prev`.

    The hashed text is `entry_hash`'s, built in the loop: every field but `reason` is a NOT NULL column,
    so it is quoted as it is.
    """
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


def _where(row: dict[str, Any]) -> str:
    return f"#{row['id']} of {row['at']}"


def _what(row: dict[str, Any]) -> str:
    return f"{row['action']} {row['record_kind']} {row['record_id']}"


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
            problems.append(f"audit: entry {_where(row)} ({_what(row)}) does not match its hash: edited or added by hand")
        elif not linked:
            if previous is not None and row["prev"] == previous["prev"]:
                problems.append(f"audit: entry {_where(previous)} ({_what(previous)}) was inserted by hand: "
                                f"entry {_where(row)} follows the one before it")
            elif previous is not None and row["id"] == previous["id"] + 1:
                problems.append(f"audit: entry {_where(previous)} ({_what(previous)}) was changed and its hash "
                                f"recomputed: entry {_where(row)} no longer follows it")
            elif previous is None:
                problems.append(f"audit: entries before {_where(row)} were deleted")
            else:
                problems.append(f"audit: entries between {_where(previous)} and {_where(row)} were deleted")
        previous, expected = row, row["hash"]
    if last_assigned is not None and (previous is None or last_assigned > previous["id"]):
        after = f"after {_where(previous)}" if previous is not None else "(all of them)"
        problems.append(f"audit: entries {after} were deleted, up to #{last_assigned}")
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
