"""An import refused only because its references or claim numbers are taken (interchange.md, Import
rules 2): the clerk, who cannot edit JSON, is offered «Перенумеровать и импортировать», and after
it sees every number that was replaced («Происшествие №2: КАЛ-12 → П-2026-0043»).

The window's import (`MainWindow.import_data`) asks `offer` when a refusal is all taken numbers,
starts the import again with renumbering when the clerk agrees, and shows its result with
`show_result`.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QFontDatabase, QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...domain import crossrules
from ...domain.errors import Problem


class NumbersDialog(QDialog):
    """A sentence and lines (the taken numbers, or the replacements), selectable and copyable."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lines: list[str] = []
        self.heading = QLabel(self)
        self.heading.setWordWrap(True)
        self.text = QPlainTextEdit(self)
        self.text.setReadOnly(True)
        self.text.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.text.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.buttons = QDialogButtonBox(self)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.buttons)
        self.resize(760, 420)

    def show_lines(self, title: str, intro: str, lines: list[str], copy_text: str) -> None:
        self.setWindowTitle(title)
        self.heading.setText(intro)
        self.lines = list(lines)
        self.text.setPlainText("\n".join(self.lines))
        copy = self.buttons.addButton(copy_text, QDialogButtonBox.ButtonRole.ActionRole)
        copy.clicked.connect(lambda: QGuiApplication.clipboard().setText("\n".join(self.lines)))


class RenumberOffer(NumbersDialog):
    """The refused import's message: the taken numbers, and «Перенумеровать и импортировать» (accepts)."""

    def __init__(self, file_name: str, lines: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.renumber_button: QPushButton = self.buttons.addButton(
            self.tr("Renumber and import"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(self.tr("Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        self.show_lines(
            self.tr("Import refused"),
            self.tr("Nothing was imported from {0}: %n reference(s) or claim number(s) in it are already used by "
                    "other records of this log. Renumbering gives those records the next free numbers of this log, "
                    "imports the file and lists each number it replaced.", "", len(lines)).format(file_name),
            lines, self.tr("Copy"))
        self.renumber_button.setDefault(True)
        self.renumber_button.setFocus()


class RenumberResult(NumbersDialog):
    """The renumbered import's counts and each number it replaced."""

    def __init__(self, file_name: str, report: Any, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.buttons.addButton(self.tr("Close"), QDialogButtonBox.ButtonRole.RejectRole).setDefault(True)
        self.show_lines(
            self.tr("Import finished"),
            self.tr("Imported from {0}. %n reference(s) or claim number(s) of the file were already used in this "
                    "log and were replaced by free ones:", "", len(report.renumbered)).format(file_name),
            [*report.count_lines(lang), "", *report.renumbered_lines(lang),
             *(["", *report.earlier_lines(lang)] if report.earlier else [])], self.tr("Copy"))


def offers_renumbering(error: Exception) -> bool:
    """A refusal that renumbering would let through: every problem is a taken reference or number."""
    return crossrules.renumbering_would_help(getattr(error, "problems", None) or [])


def offer(parent: QWidget | None, file_name: str, problems: list[Problem], lang: str) -> bool:
    """Show the refusal with «Перенумеровать и импортировать»; True when the clerk chose it."""
    lines = [crossrules.in_office_numbers(p, lang).for_window(lang) for p in problems]
    return RenumberOffer(file_name, lines, parent).exec() == QDialog.DialogCode.Accepted


def show_result(parent: QWidget | None, file_name: str, report: Any, lang: str) -> None:
    """The import's counts and each replaced number, our numbers as the office shows them (П-/З-)."""
    RenumberResult(file_name, report, lang, parent).exec()
