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
    return text


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
    choice = form.ask_conflict(error)
    if choice == KEEP_MINE:
        original = getattr(form, "original", None)
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
