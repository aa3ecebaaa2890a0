"""A save refused because another window or clerk saved the record meanwhile (`storage.Conflict`).

Never a silent overwrite: the clerk is told who changed it and when, and chooses to reload their
version (this form's changes are dropped), to keep their own over it (saved again with a reason in
the audit trail), or to go on editing.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from typing import Any

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import QMessageBox, QWidget

from ...storage.errors import Conflict
from ..labels import number_text

RELOAD, KEEP_MINE, CANCEL = "reload", "mine", "cancel"


def when(at: str | None) -> str:
    if not at:
        return "?"
    try:
        return datetime.fromisoformat(at).strftime("%d.%m.%Y %H:%M")
    except ValueError:
        return at


def conflict_text(error: Conflict) -> str:
    what = {"claim": QCoreApplication.translate("Conflict", "Claim {0}"),
            "incident": QCoreApplication.translate("Conflict", "Incident {0}"),
            "person": QCoreApplication.translate("Conflict", "The person {0}")}[error.kind]
    changed = QCoreApplication.translate("Conflict", "{0} was changed by {1} at {2}, after it was opened here.")
    question = QCoreApplication.translate(
        "Conflict", "Reload their version (the changes made here are dropped), or save yours over it (the history records that you did)?")
    label = error.label if error.kind == "person" else number_text(error.label)  # «З-2026-0001» in Russian
    text = changed.format(what.format(label), error.by or "?", when(error.at)) + "\n\n" + question
    if error.kind in ("incident", "claim"):  # `domain.merging`: «Keep mine» keeps their other changes
        text += "\n\n" + QCoreApplication.translate(
            "Conflict", "Keeping yours puts only what you changed here over their version; their other changes stay.")
    if error.clashes:  # what «Keep mine» would put over their words, and what «Reload» drops of mine
        lines = [QCoreApplication.translate("Conflict", "• {0}: theirs «{1}», yours «{2}»").format(field, _cut(theirs), _cut(mine))
                 for field, theirs, mine in error.clashes[:CLASHES_SHOWN]]
        more = len(error.clashes) - CLASHES_SHOWN
        if more > 0:
            lines.append(QCoreApplication.translate("Conflict", "… fields changed by both, besides these: {0}").format(more))
        text += "\n\n" + QCoreApplication.translate("Conflict", "You both changed:") + "\n" + "\n".join(lines)
    return text


CLASHES_SHOWN = 6
CLASH_CHARS = 150


def _cut(value: str) -> str:
    value = " ".join(value.split())
    return value if len(value) <= CLASH_CHARS else value[:CLASH_CHARS - 1] + "…"


def both_changed(store: Any, kind: str, base: Any, mine: Any, theirs: Any) -> list[tuple[str, str, str]]:
    """(field, theirs, mine) for each field this form and the other clerk both changed, and not alike:
    «Keep mine» puts mine over theirs there, so the clerk sees their words before choosing."""
    from ...domain.serialize import claim_to_dict, incident_to_dict, person_to_dict
    from .history import PERSON_KEYS, _Flattener

    to_dict = {"claim": claim_to_dict, "incident": incident_to_dict, "person": person_to_dict}[kind]
    plain = _Flattener(kind, {}, {})
    was, now, stored = (plain.flatten(to_dict(r)) for r in (base, mine, theirs))
    none = ("", "")
    def clash(path: str) -> bool:
        base_value, mine_value, their_value = (side.get(path, none)[1] for side in (was, now, stored))
        return mine_value != base_value and their_value != base_value and mine_value != their_value

    paths = [p for p in dict.fromkeys([*now, *stored, *was]) if clash(p)]
    people = {v for p in paths for v in (now.get(p, none)[1], stored.get(p, none)[1])
              if p.rsplit(".", 1)[-1] in PERSON_KEYS and v}
    if people:  # a claimant or owner each side chose: their names, not their ids
        named = _Flattener(kind, {pid: person.full_name for pid, person in store.people_by_ids(people).items()}, {})
        now, stored = named.flatten(to_dict(mine)), named.flatten(to_dict(theirs))
    return [((now.get(p) or stored.get(p) or none)[0], stored.get(p, none)[1], now.get(p, none)[1]) for p in paths]


def ask(parent: QWidget, error: Conflict) -> str:
    box = QMessageBox(QMessageBox.Icon.Warning, QCoreApplication.translate("Conflict", "Changed by someone else"), conflict_text(error), parent=parent)
    reload = box.addButton(QCoreApplication.translate("Conflict", "&Reload theirs"), QMessageBox.ButtonRole.ResetRole)
    mine = box.addButton(QCoreApplication.translate("Conflict", "&Keep mine"), QMessageBox.ButtonRole.DestructiveRole)
    cancel = box.addButton(QCoreApplication.translate("Conflict", "Cancel"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(reload)
    box.setEscapeButton(cancel)
    box.exec()
    clicked = box.clickedButton()
    return RELOAD if clicked is reload else KEEP_MINE if clicked is mine else CANCEL


def resolve(form: Any, error: Conflict) -> None:
    """Act on the clerk's choice for FORM (a FormDialog with `original`, maybe a people `book`)."""
    original = getattr(form, "original", None)
    if original is not None and original.id == error.record_id and error.mine is not None and error.theirs is not None:
        error.clashes = both_changed(form.store, error.kind, original, error.mine, error.theirs)
    choice = form.ask_conflict(error)
    if choice == KEEP_MINE:
        if original is not None and original.id == error.record_id:
            form.conflict_base = original  # what this form opened: its own edits are told from theirs
            form.original = replace(original, version=error.current)
        book = getattr(form, "book", None)
        if book is not None and error.record_id in book.pending:
            book.pending[error.record_id] = replace(book.pending[error.record_id], version=error.current)
        form.conflict_reason = QCoreApplication.translate("Conflict", "saved over the change by {0} at {1}").format(error.by or "?", when(error.at))
        QTimer.singleShot(0, form, form.save)
    elif choice == RELOAD:
        form.reload_from_store()
