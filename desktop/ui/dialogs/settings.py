"""The office's settings: what the reports print at the head and the foot, the districts, the
documents a claim needs, and the language. They live in the database (`store.set_setting`, the
same keys as the `settings` command), so they travel with it to another computer.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ...domain.deadlines import DOCUMENTS_DUE_MAX, DOCUMENTS_DUE_MIN
from ...domain.districts import DEFAULT_REGION, KALUGA_DISTRICTS, office_districts
from ...domain.documents import RequiredDocuments
from ...domain.enums import DocumentKind, Severity
from ...domain.errors import FieldError
from ...domain.payment_rules import ITEM_KINDS, SEVERITIES, PaymentRules
from ...domain.values import parse_money_input
from ...domain.words import item_kind_label
from ...storage import LogStore
from .. import labels
from ..widgets.validated import ERROR_COLOUR

GROUPS = ("every_claim", "person", "vehicle", "property")
LANGUAGE_CHOICES = (("", None), ("ru", "Русский"), ("en", "English"))
_BAD_CELL = "#fce8e6"  # a pale red behind a cap that is no amount


def write_settings(store: LogStore, values: dict[str, Any], original: dict[str, Any]) -> list[str]:
    """Write the settings in `values` that differ from `original` (what the form showed), and the
    office's lists while the log has none of its own, so that they are explicit from then on.
    Only what the clerk changed is written: each write is an entry in the audit trail. Returns
    the keys written. (Settings and the first-start dialog both save through this.)"""
    stored = store.all_settings()
    written = []
    for key, value in values.items():
        if value != original.get(key) or (key not in stored and key in ("districts", "required_documents")):
            store.set_setting(key, value)
            written.append(key)
    return written


class SettingsDialog(QDialog):
    """Edits the settings; OK writes the changed ones (each write is audited)."""

    languageChanged = Signal(str)  # "ru", "en" or "" (the system's), when the clerk changed it

    def __init__(self, store: LogStore, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.setWindowTitle(self.tr("Settings"))
        stored = store.all_settings()
        office = store.settings()
        self._original: dict[str, Any] = {}

        # ---- office ------------------------------------------------------------------------
        self.office_name = QLineEdit(office.office_name, self)
        self.office_name.setPlaceholderText(self.tr("e.g. Administration of the city of Kaluga"))
        self.office_address = QLineEdit(office.office_address, self)
        self.signatory_name = QLineEdit(office.signatory_name, self)
        self.signatory_name.setPlaceholderText(self.tr("e.g. I. I. Ivanov"))
        self.signatory_position = QLineEdit(office.signatory_position, self)
        self.signatory_position.setPlaceholderText(self.tr("e.g. Head of Administration"))
        self.region = QLineEdit(office.region or DEFAULT_REGION, self)
        from ...storage.maintenance import DEFAULT_BACKUP_KEEP

        self.backup_keep = QSpinBox(self)
        self.backup_keep.setRange(1, 10_000)
        self.backup_keep.setValue(int(stored.get("backup_keep") or DEFAULT_BACKUP_KEEP))
        self.backup_keep.setToolTip(self.tr("The window backs up by itself daily and on closing; older automatic "
                                            "backups are removed, backups you make yourself never are"))
        office_page = QWidget(self)
        form = QFormLayout(office_page)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(self.tr("Office name:"), self.office_name)
        form.addRow(self.tr("Office address:"), self.office_address)
        form.addRow(self.tr("Signatory's name:"), self.signatory_name)
        form.addRow(self.tr("Signatory's position:"), self.signatory_position)
        form.addRow(self.tr("Default region:"), self.region)
        form.addRow(self.tr("Automatic backups to keep:"), self.backup_keep)
        note = QLabel(self.tr("The name and address head every report; the signatory signs the claim "
                              "sheet and the letters."), office_page)
        note.setWordWrap(True)
        note.setEnabled(False)
        form.addRow(note)

        # ---- districts ---------------------------------------------------------------------
        self.districts = QListWidget(self)
        self.districts.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                       | QAbstractItemView.EditTrigger.EditKeyPressed)
        self._fill_districts(office_districts(stored.get("districts")))
        add = QPushButton(self.tr("Add"), self)
        add.clicked.connect(self.add_district)
        remove = QPushButton(self.tr("Remove"), self)
        remove.clicked.connect(self.remove_district)
        up = QPushButton(self.tr("Move up"), self)
        up.clicked.connect(lambda: self._move(-1))
        down = QPushButton(self.tr("Move down"), self)
        down.clicked.connect(lambda: self._move(1))
        defaults = QPushButton(self.tr("Kaluga region's list"), self)
        defaults.setToolTip(self.tr("Replace the list with the districts of Kaluga region"))
        defaults.clicked.connect(lambda: self._fill_districts(list(KALUGA_DISTRICTS)))
        side = QVBoxLayout()
        for button in (add, remove, up, down):
            side.addWidget(button)
        side.addStretch(1)
        side.addWidget(defaults)
        districts_page = QWidget(self)
        row = QHBoxLayout(districts_page)
        row.addWidget(self.districts, 1)
        row.addLayout(side)

        # ---- documents ---------------------------------------------------------------------
        required = store.required_documents().to_setting()
        self.documents = QTableWidget(len(DocumentKind), len(GROUPS), self)
        self.documents.setHorizontalHeaderLabels([
            self.tr("Every claim"), self.tr("Individual's claim"), self.tr("Vehicle"), self.tr("Property"),
        ])
        self.documents.setVerticalHeaderLabels([text for _, text in labels.enum_items(DocumentKind)])
        self.documents.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.documents.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.documents.setTabKeyNavigation(False)  # arrows move between the boxes, Tab leaves the table
        for r, kind in enumerate(DocumentKind):
            for c, group in enumerate(GROUPS):
                item = QTableWidgetItem()
                item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(Qt.CheckState.Checked if kind.value in required[group] else Qt.CheckState.Unchecked)
                self.documents.setItem(r, c, item)
        # Four equal columns of check boxes beside the document names: no sideways scrolling.
        self.documents.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        rows = self.documents.verticalHeader()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.documents.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        documents_page = QWidget(self)
        column = QVBoxLayout(documents_page)
        explain = QLabel(self.tr("Which documents a claim needs: those for every claim, plus those for an "
                                 "individual (not an organisation), for a vehicle and for property, as the "
                                 "claim's items call for."), documents_page)
        explain.setWordWrap(True)
        column.addWidget(explain)
        column.addWidget(self.documents, 1)
        reset_documents = QPushButton(self.tr("Defaults"), documents_page)
        reset_documents.clicked.connect(lambda: self.set_required(RequiredDocuments()))
        self.documents_due_days = QSpinBox(documents_page)
        self.documents_due_days.setRange(DOCUMENTS_DUE_MIN, DOCUMENTS_DUE_MAX)
        self.documents_due_days.setValue(office.documents_due_days)
        self.documents_due_days.setSuffix(self.tr(" days"))
        self.documents_due_days.setToolTip(self.tr("The letter asking for missing documents gives this many calendar "
                                                   "days from the day it is made"))
        due_row = QHBoxLayout()
        due_label = QLabel(self.tr("Days to bring &missing documents:"), documents_page)
        due_label.setBuddy(self.documents_due_days)
        due_row.addWidget(due_label)
        due_row.addWidget(self.documents_due_days)
        due_row.addStretch(1)
        due_row.addWidget(reset_documents)
        column.addLayout(due_row)

        # ---- executors ---------------------------------------------------------------------
        self.executors = QPlainTextEdit("\n".join(office.executors), self)
        self.executors.setTabChangesFocus(True)
        self.executors.setPlaceholderText(self.tr("Petrova A. S.\nSidorov V. V."))
        executors_page = QWidget(self)
        ecolumn = QVBoxLayout(executors_page)
        eexplain = QLabel(self.tr("The clerks who answer claims (executors), one per line, as the office names "
                                  "them. Each open claim is given one; the deadline control report lists "
                                  "claims by executor."), executors_page)
        eexplain.setWordWrap(True)
        ecolumn.addWidget(eexplain)
        ecolumn.addWidget(self.executors, 1)

        # ---- payment rules -----------------------------------------------------------------
        self.caps = QTableWidget(len(ITEM_KINDS), len(SEVERITIES), self)
        lang = labels.current_language()
        self.caps.setHorizontalHeaderLabels([labels.enum_label(s) for s in SEVERITIES])
        self.caps.setVerticalHeaderLabels([item_kind_label(k, lang) for k in ITEM_KINDS])
        self.caps.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.caps.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.caps.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.caps.setEditTriggers(QAbstractItemView.EditTrigger.AllEditTriggers)
        self.caps.setTabKeyNavigation(False)  # arrows move between the cells, Tab leaves the table
        self.set_payment_rules(office.payment_rules)
        self.caps.itemChanged.connect(self._check_cap)
        rules_page = QWidget(self)
        rcolumn = QVBoxLayout(rules_page)
        rexplain = QLabel(self.tr("The most the office pays per item, by the municipal act: a vehicle, or property "
                                  "by its kind, by the degree of damage, in roubles. An empty cell has no cap. "
                                  "The decision proposes, per item, the lesser of its assessed cost and its cap, "
                                  "summed, minus what insurance paid."), rules_page)
        rexplain.setWordWrap(True)
        rcolumn.addWidget(rexplain)
        rcolumn.addWidget(self.caps, 1)
        clear_caps = QPushButton(self.tr("No caps"), rules_page)
        clear_caps.setToolTip(self.tr("Empty every cell: the proposal is then the assessed cost minus insurance"))
        clear_caps.clicked.connect(lambda: self.set_payment_rules(PaymentRules()))
        rcolumn.addWidget(clear_caps, 0, Qt.AlignmentFlag.AlignRight)

        # ---- language ----------------------------------------------------------------------
        self.language = QComboBox(self)
        for code, name in LANGUAGE_CHOICES:
            self.language.addItem(name or self.tr("The system's language"), code)
        self.language.setCurrentIndex(max(self.language.findData(stored.get("language") or ""), 0))
        language_page = QWidget(self)
        lform = QFormLayout(language_page)
        lform.addRow(self.tr("Language of the window and reports:"), self.language)
        hint = QLabel(self.tr("The window switches at once; reports use the language too."), language_page)
        hint.setEnabled(False)
        lform.addRow(hint)

        self.tabs = QTabWidget(self)
        self.tabs.addTab(office_page, self.tr("Office"))
        self.tabs.addTab(districts_page, self.tr("Districts"))
        self.tabs.addTab(documents_page, self.tr("Required documents"))
        self.tabs.addTab(executors_page, self.tr("Executors"))
        self.tabs.addTab(rules_page, self.tr("Payment rules"))
        self.tabs.addTab(language_page, self.tr("Language"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(buttons)
        self.resize(860, 600)
        self._original = self.values()

    # ---- districts ---------------------------------------------------------------------------
    def _fill_districts(self, names: list[str]) -> None:
        self.districts.clear()
        for name in names:
            self._add_item(name)

    def _add_item(self, name: str) -> QListWidgetItem:
        item = QListWidgetItem(name, self.districts)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsEditable)
        return item

    def add_district(self) -> None:
        item = self._add_item(self.tr("New district"))
        self.districts.setCurrentItem(item)
        self.districts.editItem(item)

    def remove_district(self) -> None:
        row = self.districts.currentRow()
        if row >= 0:
            self.districts.takeItem(row)

    def _move(self, step: int) -> None:
        row = self.districts.currentRow()
        target = row + step
        if row < 0 or not 0 <= target < self.districts.count():
            return
        item = self.districts.takeItem(row)
        self.districts.insertItem(target, item)
        self.districts.setCurrentRow(target)

    def district_names(self) -> list[str]:
        names = [self.districts.item(n).text().strip() for n in range(self.districts.count())]
        return list(dict.fromkeys(n for n in names if n))  # no blanks, no repeats

    # ---- documents ---------------------------------------------------------------------------
    def required(self) -> RequiredDocuments:
        chosen: dict[str, list[str]] = {group: [] for group in GROUPS}
        for r, kind in enumerate(DocumentKind):
            for c, group in enumerate(GROUPS):
                if self.documents.item(r, c).checkState() == Qt.CheckState.Checked:
                    chosen[group].append(kind.value)
        return RequiredDocuments.from_setting(chosen)

    def set_required(self, required: RequiredDocuments) -> None:
        wanted = required.to_setting()
        for r, kind in enumerate(DocumentKind):
            for c, group in enumerate(GROUPS):
                state = Qt.CheckState.Checked if kind.value in wanted[group] else Qt.CheckState.Unchecked
                self.documents.item(r, c).setCheckState(state)

    # ---- executors ---------------------------------------------------------------------------
    def executor_names(self) -> list[str]:
        lines = (line.strip() for line in self.executors.toPlainText().splitlines())
        return list(dict.fromkeys(line for line in lines if line))  # no blanks, no repeats

    # ---- payment rules -----------------------------------------------------------------------
    def set_payment_rules(self, rules: PaymentRules) -> None:
        blocked = self.caps.blockSignals(True)
        for r, kind in enumerate(ITEM_KINDS):
            for c, severity in enumerate(SEVERITIES):
                item = QTableWidgetItem(labels.money_input_text(rules.cap(kind, severity)))
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.caps.setItem(r, c, item)
        self.caps.blockSignals(blocked)

    def _cap_problem(self, item: QTableWidgetItem) -> FieldError | None:
        try:
            parse_money_input(item.text())
        except FieldError as e:
            return e
        return None

    def _check_cap(self, item: QTableWidgetItem) -> None:
        """A cell that is no amount turns red, with the reason as its tooltip; a good one is tidied."""
        problem = self._cap_problem(item)
        blocked = self.caps.blockSignals(True)
        if problem is None:
            item.setText(labels.money_input_text(parse_money_input(item.text())))
            item.setData(Qt.ItemDataRole.BackgroundRole, None)
            item.setData(Qt.ItemDataRole.ForegroundRole, None)
            item.setToolTip("")
        else:
            item.setBackground(QColor(_BAD_CELL))
            item.setForeground(QColor(ERROR_COLOUR))
            item.setToolTip(problem.text(labels.current_language()))
        self.caps.blockSignals(blocked)

    def cap_problems(self) -> list[tuple[int, int, str]]:
        """(row, column, «Vehicle, moderate: not an amount …») for every cell that is no amount."""
        out = []
        lang = labels.current_language()
        for r, kind in enumerate(ITEM_KINDS):
            for c, severity in enumerate(SEVERITIES):
                problem = self._cap_problem(self.caps.item(r, c))
                if problem is not None:
                    where = f"{item_kind_label(kind, lang)}, {labels.enum_label(severity)}"
                    out.append((r, c, f"{where[:1].upper()}{where[1:]}: {problem.text(lang)}"))
        return out

    def payment_rules(self) -> PaymentRules:
        """The caps typed in the table (cells that are no amount are left out: `cap_problems` names them)."""
        caps: dict[str, dict[Severity, Any]] = {}
        for r, kind in enumerate(ITEM_KINDS):
            for c, severity in enumerate(SEVERITIES):
                if self._cap_problem(self.caps.item(r, c)) is None:
                    amount = parse_money_input(self.caps.item(r, c).text())
                    if amount is not None:
                        caps.setdefault(kind, {})[severity] = amount
        return PaymentRules(caps)

    # ---- saving ------------------------------------------------------------------------------
    def values(self) -> dict[str, Any]:
        """The settings as the store keeps them (the `settings` command's keys)."""
        return {
            "office_name": self.office_name.text().strip(),
            "office_address": self.office_address.text().strip(),
            "signatory_name": self.signatory_name.text().strip(),
            "signatory_position": self.signatory_position.text().strip(),
            "region": self.region.text().strip() or DEFAULT_REGION,
            "districts": self.district_names(),
            "required_documents": self.required().to_setting(),
            "language": self.language.currentData() or "",
            "backup_keep": self.backup_keep.value(),
            "executors": self.executor_names(),
            "documents_due_days": self.documents_due_days.value(),
            "payment_rules": self.payment_rules().to_setting(),
        }

    def accept(self) -> None:
        values = self.values()
        if not values["districts"]:
            QMessageBox.warning(self, self.windowTitle(), self.tr("The districts list cannot be empty."))
            self.tabs.setCurrentIndex(1)
            return
        bad_caps = self.cap_problems()
        if bad_caps:
            row, column, _ = bad_caps[0]
            self.tabs.setCurrentWidget(self.caps.parentWidget())
            self.caps.setCurrentCell(row, column)
            QMessageBox.warning(self, self.windowTitle(), self.tr("Correct the payment caps:") + "\n"
                                + "\n".join(text for _, _, text in bad_caps))
            return
        write_settings(self.store, values, self._original)
        if values["language"] != self._original.get("language"):
            self.languageChanged.emit(values["language"])
        super().accept()
