"""A clerk's first day: the office's name and address, the signatory, the region and districts.

Shown once per log by the application's start path (`MainWindow.offer_setup`, called by
`desktop.app`), never by building the window: tests and the selftest open windows of their own.
It is shown while the log has no `setup_done` setting and no office name; saving or skipping
writes `setup_done`, so it does not come back (docs/decisions.md, "First start").

Everything here is also in Settings; what it writes goes through the same writer
(`settings.write_settings`: only what the clerk changed, each an audited `set_setting`).
Keyboard only: Tab goes through the fields, Enter saves (in the districts list Enter starts a new
line, Ctrl+Enter saves), Esc skips. It does not block the window behind it.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from ...domain.districts import DEFAULT_REGION, office_districts
from ...storage import LogStore

SETUP_DONE = "setup_done"  # the setting that says the first-start dialog was saved or skipped


def setup_wanted(store: LogStore) -> bool:
    """Whether this log has not been set up: no office name, and the dialog never saved nor skipped."""
    return store.get_setting(SETUP_DONE) is None and not store.settings().office_name


class FirstStartDialog(QDialog):
    """Save writes the office's settings; Skip (Esc) writes only that the clerk has seen it."""

    def __init__(self, store: LogStore, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.setWindowTitle(self.tr("Setting up the log"))
        office = store.settings()

        intro = QLabel(self.tr("<b>Welcome!</b> Tell the program about your office: the name and address head every "
                               "report, the signatory signs the claim sheets and letters, and the districts are "
                               "offered in every incident. You can skip this and fill it in later in Settings "
                               "(Ctrl+,)."), self)
        intro.setWordWrap(True)

        self.office_name = QLineEdit(office.office_name, self)
        self.office_name.setPlaceholderText(self.tr("e.g. Administration of the city of Kaluga"))
        self.office_address = QLineEdit(office.office_address, self)
        self.office_address.setPlaceholderText(self.tr("e.g. 248000, Kaluga, Voskresenskaya st., 10"))
        self.signatory_name = QLineEdit(office.signatory_name, self)
        self.signatory_name.setPlaceholderText(self.tr("e.g. I. I. Ivanov"))
        self.signatory_position = QLineEdit(office.signatory_position, self)
        self.signatory_position.setPlaceholderText(self.tr("e.g. Head of Administration"))
        self.region = QLineEdit(office.region or DEFAULT_REGION, self)
        self.districts = QPlainTextEdit("\n".join(office_districts(office.districts)), self)
        self.districts.setTabChangesFocus(True)  # Tab leaves the list; Enter starts a new line in it
        self.districts.setToolTip(self.tr("One district per line; Ctrl+Enter saves"))
        self.districts.setMinimumHeight(self.fontMetrics().lineSpacing() * 7)
        self.problem = QLabel(self)
        self.problem.setStyleSheet("color: #a01414;")
        self.problem.hide()

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(self.tr("&Office name:"), self.office_name)
        form.addRow(self.tr("&Address:"), self.office_address)
        form.addRow(self.tr("&Signatory's name:"), self.signatory_name)
        form.addRow(self.tr("Signatory's &position:"), self.signatory_position)
        form.addRow(self.tr("&Region:"), self.region)
        form.addRow(self.tr("&Districts, one per line:"), self.districts)
        form.addRow(self.problem)

        self.buttons = QDialogButtonBox(self)
        self.save_button = self.buttons.addButton(self.tr("Save"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.skip_button = self.buttons.addButton(self.tr("Skip"), QDialogButtonBox.ButtonRole.RejectRole)
        self.save_button.setDefault(True)  # Enter in any line saves
        self.skip_button.setAutoDefault(False)
        self.skip_button.setToolTip(self.tr("Esc: fill it in later in Settings"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self, self.accept)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form, 1)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(720)
        self.office_name.setFocus()
        self._original = self.values()

    def district_names(self) -> list[str]:
        names = (line.strip() for line in self.districts.toPlainText().splitlines())
        return list(dict.fromkeys(n for n in names if n))  # no blanks, no repeats

    def values(self) -> dict[str, Any]:
        """What the dialog sets, as the store keeps it (the `settings` command's keys)."""
        return {
            "office_name": self.office_name.text().strip(),
            "office_address": self.office_address.text().strip(),
            "signatory_name": self.signatory_name.text().strip(),
            "signatory_position": self.signatory_position.text().strip(),
            "region": self.region.text().strip() or DEFAULT_REGION,
            "districts": self.district_names(),
        }

    def accept(self) -> None:
        from .settings import write_settings

        values = self.values()
        if not values["districts"]:
            self.problem.setText(self.tr("The districts list cannot be empty."))
            self.problem.show()
            self.districts.setFocus()
            return
        write_settings(self.store, values, self._original)
        self.store.set_setting(SETUP_DONE, True)
        super().accept()

    def reject(self) -> None:
        """Skipped: nothing but the fact is written, and the dialog is not offered again."""
        self.store.set_setting(SETUP_DONE, True)
        super().reject()
