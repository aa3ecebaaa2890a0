"""An incident's claims in its form: the claims register's rows, paged from SQL, for one incident.

An incident of a mass attack has thousands of claims; its form shows the first screen of them
(one COUNT and one page along `claims_incident`), never reads them all.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from ...domain.views import Filters
from ...storage import LogStore
from ..models.registers import ClaimRegisterModel
from .register_page import RegisterView

# The same in every row of one incident's list (its reference, its district), or said by another
# column (paid: the status says so; the days left: the answer date, red when overdue), so that
# the claimant's name has room in the form's width.
_HIDDEN = ("incident_reference", "district", "paid", "days_left")


class ClaimList(QWidget):
    """The claims of one incident, with New claim / Open beside them (Enter or a double click opens)."""

    openRequested = Signal(str)  # the claim's id

    def __init__(self, store: LogStore, incident_id: str, add_text: str, open_text: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # Deferred: read once, by the form's first `refresh`.
        self.model = ClaimRegisterModel(store, self, deferred=True, filters=Filters(incident_id=incident_id),
                                        sort=("filed_on", False))
        self.table = RegisterView(self.model, choose_columns=False)  # its columns are the form's choice
        for key in _HIDDEN:
            self.table.setColumnHidden(self.model.column_of(key), True)
        self.add_button = QPushButton(add_text)
        self.open_button = QPushButton(open_text)
        for b in (self.add_button, self.open_button):
            b.setAutoDefault(False)
        buttons = QVBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.open_button)
        buttons.addStretch(1)
        layout = QHBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self.table.openRequested.connect(self.openRequested)
        self.open_button.clicked.connect(self._open_current)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.model.modelReset.connect(self._update_buttons)
        self._update_buttons()

    def total(self) -> int:
        return self.model.total()

    def current_id(self) -> str | None:
        return self.table.current_id()

    def refresh(self, select: str | None = None) -> None:
        """Read the list again, keeping the selected claim wherever it moved (or selecting `select`:
        a claim just saved); the first read, or a place gone, selects the first row."""
        if not self.table.reload_keeping_place(select):
            self.table.select_first()
        self._update_buttons()

    def _update_buttons(self) -> None:
        self.open_button.setEnabled(self.current_id() is not None)

    def _open_current(self) -> None:
        claim_id = self.current_id()
        if claim_id is not None:
            self.openRequested.emit(claim_id)
