"""The history of a record from the audit trail: when, who, what, and each changed field old → new.

The audit keeps each version in its interchange form; this dialog compares consecutive versions
field by field and words the result for a clerk: field names instead of keys, `48 500,00 ₽`
instead of `"48500.00"`, owners' names instead of ids, the vehicle's plate instead of its index.
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from enum import StrEnum
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...domain.enums import (
    ClaimKind,
    ClaimStatus,
    DocumentKind,
    IncidentKind,
    IncidentStatus,
    PersonKind,
    PropertyKind,
    Severity,
)
from ...storage import AuditEntry, LogStore
from ..labels import date_text, enum_label, money_text, number_text

MONEY_KEYS = {"estimated_cost", "requested_amount", "insurance_paid", "approved_amount", "amount"}
PERSON_KEYS = {"owner_id", "claimant_id"}
EXPANDED_LIMIT = 14  # a creation with more lines than this starts folded


def field_labels() -> dict[str, str]:
    # Literal translate() calls: lupdate does not follow an alias.
    return {
        "reference": QCoreApplication.translate("HistoryDialog", "reference"),
        "number": QCoreApplication.translate("HistoryDialog", "number"),
        "kind": QCoreApplication.translate("HistoryDialog", "kind"),
        "occurred_at": QCoreApplication.translate("HistoryDialog", "date and time"),
        "reported_at": QCoreApplication.translate("HistoryDialog", "reported"),
        "region": QCoreApplication.translate("HistoryDialog", "region"),
        "district": QCoreApplication.translate("HistoryDialog", "district"),
        "settlement": QCoreApplication.translate("HistoryDialog", "settlement"),
        "location": QCoreApplication.translate("HistoryDialog", "location"),
        "latitude": QCoreApplication.translate("HistoryDialog", "latitude"),
        "longitude": QCoreApplication.translate("HistoryDialog", "longitude"),
        "description": QCoreApplication.translate("HistoryDialog", "description"),
        "source": QCoreApplication.translate("HistoryDialog", "source"),
        "uavs_downed": QCoreApplication.translate("HistoryDialog", "drones downed"),
        "injured": QCoreApplication.translate("HistoryDialog", "injured"),
        "killed": QCoreApplication.translate("HistoryDialog", "killed"),
        "status": QCoreApplication.translate("HistoryDialog", "status"),
        "owner_id": QCoreApplication.translate("HistoryDialog", "owner"),
        "make": QCoreApplication.translate("HistoryDialog", "make"),
        "model": QCoreApplication.translate("HistoryDialog", "model"),
        "year": QCoreApplication.translate("HistoryDialog", "year"),
        "colour": QCoreApplication.translate("HistoryDialog", "colour"),
        "plate": QCoreApplication.translate("HistoryDialog", "plate"),
        "vin": QCoreApplication.translate("HistoryDialog", "VIN"),
        "damage": QCoreApplication.translate("HistoryDialog", "damage"),
        "severity": QCoreApplication.translate("HistoryDialog", "severity"),
        "estimated_cost": QCoreApplication.translate("HistoryDialog", "estimated cost"),
        "address": QCoreApplication.translate("HistoryDialog", "address"),
        "incident_id": QCoreApplication.translate("HistoryDialog", "incident"),
        "claimant_id": QCoreApplication.translate("HistoryDialog", "claimant"),
        "items": QCoreApplication.translate("HistoryDialog", "items"),
        "filed_on": QCoreApplication.translate("HistoryDialog", "filed on"),
        "requested_amount": QCoreApplication.translate("HistoryDialog", "requested"),
        "insurance_paid": QCoreApplication.translate("HistoryDialog", "insurance paid"),
        "received_on": QCoreApplication.translate("HistoryDialog", "received on"),
        "note": QCoreApplication.translate("HistoryDialog", "note"),
        "notes": QCoreApplication.translate("HistoryDialog", "notes"),
        "decision": QCoreApplication.translate("HistoryDialog", "decision"),
        "date": QCoreApplication.translate("HistoryDialog", "date"),
        "approved_amount": QCoreApplication.translate("HistoryDialog", "approved amount"),
        "reason": QCoreApplication.translate("HistoryDialog", "reason"),
        "payment": QCoreApplication.translate("HistoryDialog", "payment"),
        "amount": QCoreApplication.translate("HistoryDialog", "amount"),
        "full_name": QCoreApplication.translate("HistoryDialog", "full name"),
        "birth_date": QCoreApplication.translate("HistoryDialog", "birth date"),
        "phone": QCoreApplication.translate("HistoryDialog", "phone"),
        "email": QCoreApplication.translate("HistoryDialog", "e-mail"),
        "id_document": QCoreApplication.translate("HistoryDialog", "identity document"),
        "inn": QCoreApplication.translate("HistoryDialog", "INN"),
        "name": QCoreApplication.translate("HistoryDialog", "file"),
        "media_type": QCoreApplication.translate("HistoryDialog", "type"),
        "size": QCoreApplication.translate("HistoryDialog", "size"),
        "sha256": QCoreApplication.translate("HistoryDialog", "SHA-256"),
        "value": QCoreApplication.translate("HistoryDialog", "value"),
    }


def action_label(action: str) -> str:
    return {
        "create": QCoreApplication.translate("HistoryDialog", "created"),
        "update": QCoreApplication.translate("HistoryDialog", "changed"),
        "delete": QCoreApplication.translate("HistoryDialog", "deleted"),
    }.get(action, action)


_KIND_ENUM: dict[str, type[StrEnum]] = {
    "incident": IncidentKind, "claim": ClaimKind, "person": PersonKind,
    "properties": PropertyKind, "documents": DocumentKind,
}


class _Flattener:
    """Turns one interchange record into {path: (label, shown value)} for comparison."""

    def __init__(self, record_kind: str, names: dict[str, str], item_labels: dict[str, str]) -> None:
        self.record_kind = record_kind
        self.names = names
        self.item_labels = item_labels
        self.fields = field_labels()

    def flatten(self, record: dict[str, Any] | None) -> dict[str, tuple[str, str]]:
        out: dict[str, tuple[str, str]] = {}
        if record:
            self._walk(record, "", "", None, out)
        return out

    def _walk(self, record: dict[str, Any], path: str, label: str, container: str | None,
              out: dict[str, tuple[str, str]]) -> None:
        for key, inner in record.items():
            if key in ("id", "extra"):
                continue
            child_path = f"{path}.{key}" if path else key
            child_label = f"{label} · {self.fields.get(key, key)}" if label else self.fields.get(key, key)
            if isinstance(inner, list) and key != "items":
                self._walk_list(inner, child_path, key, out)
            elif isinstance(inner, dict):  # the decision, the payment
                self._walk(inner, child_path, child_label, container, out)
            else:
                out[child_path] = (child_label, self.show(key, inner, container))

    def _walk_list(self, elements: list[Any], path: str, container: str, out: dict[str, tuple[str, str]]) -> None:
        """Elements are matched by identity (an item's id, a document's kind), not position."""
        seen: dict[str, int] = {}
        for element in elements:
            if not isinstance(element, dict):
                continue
            ident, name = self._element_identity(container, element)
            seen[ident] = seen.get(ident, 0) + 1
            if seen[ident] > 1:
                ident = f"{ident}#{seen[ident]}"
            self._walk(element, f"{path}[{ident}]", name, container, out)

    def _element_identity(self, container: str | None, element: dict[str, Any]) -> tuple[str, str]:
        if container == "vehicles":
            text = " ".join(str(element.get(k)) for k in ("make", "model") if element.get(k))
            plate = element.get("plate") or element.get("vin") or ""
            return str(element.get("id")), QCoreApplication.translate("HistoryDialog", "vehicle %1").replace("%1", f"{text}, {plate}".strip(", "))
        if container == "properties":
            return str(element.get("id")), QCoreApplication.translate("HistoryDialog", "property %1").replace("%1", str(element.get("description", "")))
        if container == "documents":
            kind = element.get("kind", "")
            return f"doc:{kind}", QCoreApplication.translate("HistoryDialog", "document “%1”").replace("%1", self._enum_text(DocumentKind, kind))
        if container == "attachments":
            return f"file:{element.get('sha256')}", QCoreApplication.translate("HistoryDialog", "attachment %1").replace("%1", str(element.get("name", "")))
        return str(element.get("id", len(element))), container

    @staticmethod
    def _enum_text(enum: type[StrEnum], value: Any) -> str:
        try:
            return enum_label(enum(value))
        except ValueError:
            return str(value)

    def show(self, key: str, value: Any, container: str | None) -> str:
        if value is None:
            return ""
        if key in MONEY_KEYS:
            try:
                return money_text(Decimal(str(value)))
            except InvalidOperation:
                return str(value)
        if key in PERSON_KEYS:
            return self.names.get(str(value), str(value))
        if key in ("reference", "number"):  # ours as the office numbers them; a decision's «РП-112» as written
            return number_text(str(value))
        if key == "items" and isinstance(value, list):
            return "; ".join(self.item_labels.get(str(v), str(v)) for v in value)
        if key == "severity":
            return self._enum_text(Severity, value)
        if key == "status":
            return self._enum_text(ClaimStatus if self.record_kind == "claim" else IncidentStatus, value)
        if key == "kind":
            enum = _KIND_ENUM.get(container or "") or _KIND_ENUM.get(self.record_kind)
            return self._enum_text(enum, value) if enum else str(value)
        if key in ("occurred_at", "reported_at") and isinstance(value, str):
            try:
                return datetime.fromisoformat(value).strftime("%d.%m.%Y %H:%M")
            except ValueError:
                return value
        if key in ("filed_on", "received_on", "date", "birth_date") and isinstance(value, str):
            try:
                return date_text(date.fromisoformat(value))
            except ValueError:
                return value
        if isinstance(value, list):
            return ", ".join(str(v) for v in value)
        return str(value)


def describe_changes(entry: AuditEntry, names: dict[str, str], item_labels: dict[str, str]) -> list[tuple[str, str, str]]:
    """(field, old, new) for every field that differs between the entry's two versions."""
    flat = _Flattener(entry.record_kind, names, item_labels)
    old = flat.flatten(entry.old)
    new = flat.flatten(entry.new)
    rows: list[tuple[str, str, str]] = []
    for path in [*old, *(p for p in new if p not in old)]:
        was = old.get(path, ("", ""))
        now = new.get(path, ("", ""))
        if was[1] != now[1]:
            rows.append((now[0] or was[0], was[1], now[1]))
    return rows


class HistoryDialog(QDialog):
    """The audit trail of one record (incident, claim or person), oldest first."""

    def __init__(self, store: LogStore, record_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.record_id = record_id
        self.entries = store.history(record_id)
        self.setWindowTitle(self.tr("History"))

        self.tree = QTreeWidget()
        self.tree.setColumnCount(5)
        self.tree.setHeaderLabels([self.tr("When"), self.tr("Who"), self.tr("What"), self.tr("Was"), self.tr("Now")])
        self.tree.setAlternatingRowColors(True)
        self.tree.setUniformRowHeights(False)
        self.tree.setWordWrap(True)
        header = self.tree.header()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self.summary = QLabel()
        # Long values (a description) do not fit a cell: the selected change is shown in full below.
        self.was_text = QPlainTextEdit()
        self.now_text = QPlainTextEdit()
        detail = QHBoxLayout()
        for caption, edit in ((self.tr("Was"), self.was_text), (self.tr("Now"), self.now_text)):
            edit.setReadOnly(True)
            edit.setMaximumHeight(90)
            edit.setPlaceholderText(caption)
            edit.setToolTip(caption)
            detail.addWidget(edit)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.tree, 1)
        layout.addLayout(detail)
        layout.addWidget(buttons)
        self.resize(1040, 560)
        for column, width in enumerate((185, 80, 290, 230)):
            self.tree.setColumnWidth(column, width)
        self.tree.currentItemChanged.connect(self._show_detail)
        self._fill()

    def _show_detail(self, item: QTreeWidgetItem | None, _previous: QTreeWidgetItem | None = None) -> None:
        self.was_text.setPlainText(item.text(3) if item else "")
        self.now_text.setPlainText(item.text(4) if item else "")

    def _context(self) -> tuple[dict[str, str], dict[str, str]]:
        """Names of the people and labels of the items the versions mention."""
        person_ids: set[str] = set()
        incident_ids: set[str] = set()
        for entry in self.entries:
            for version in (entry.old, entry.new):
                if not version:
                    continue
                if version.get("claimant_id"):
                    person_ids.add(version["claimant_id"])
                if version.get("incident_id"):
                    incident_ids.add(version["incident_id"])
                for item in (*version.get("vehicles", []), *version.get("properties", [])):
                    if isinstance(item, dict) and item.get("owner_id"):
                        person_ids.add(item["owner_id"])
        names = {pid: p.full_name for pid, p in self.store.get_people(person_ids).items()}
        item_labels: dict[str, str] = {}
        for incident in self.store.get_incidents(incident_ids).values():
            for item in (*incident.vehicles, *incident.properties):
                item_labels[item.id] = item.label()
        return names, item_labels

    def _fill(self) -> None:
        names, item_labels = self._context()
        self.tree.clear()
        for entry in reversed(self.entries):  # newest on top: what a clerk looks for first
            try:
                when = datetime.fromisoformat(entry.at).astimezone().strftime("%d.%m.%Y %H:%M:%S")
            except ValueError:
                when = entry.at
            changes = describe_changes(entry, names, item_labels)
            what = action_label(entry.action)
            if entry.action == "update":
                what = self.tr("%1: %2 fields").replace("%1", what).replace("%2", str(len(changes)))
            top = QTreeWidgetItem([when, entry.user, what, "", ""])
            font = top.font(0)
            font.setBold(True)
            for column in range(5):
                top.setFont(column, font)
            for field, was, now in changes:
                child = QTreeWidgetItem(["", "", field, was, now])
                for column in (2, 3, 4):
                    child.setToolTip(column, child.text(column))
                top.addChild(child)
            self.tree.addTopLevelItem(top)
            top.setExpanded(entry.action != "create" or len(changes) <= EXPANDED_LIMIT)
        self.summary.setText(self.tr("Entries in the audit trail: %1").replace("%1", str(len(self.entries)))
                             if self.entries else self.tr("No changes recorded for this record."))
        self.tree.setCurrentItem(self.tree.topLevelItem(0))
        self.tree.setFocus()

    def visible_text(self) -> str:
        """All the text of the tree, for tests and for copying."""
        lines: list[str] = []
        for i in range(self.tree.topLevelItemCount()):
            top = self.tree.topLevelItem(i)
            lines.append(" | ".join(top.text(c) for c in range(3)))
            for j in range(top.childCount()):
                child = top.child(j)
                lines.append("    " + " | ".join(child.text(c) for c in range(2, 5)))
        return "\n".join(lines)


__all__ = ["HistoryDialog", "describe_changes"]
