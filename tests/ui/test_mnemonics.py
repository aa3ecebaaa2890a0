"""Alt+letter in Russian: on each record form, every letter underlined at one time is underlined
once (a letter on two fields makes Alt cycle between them instead of going there)."""

from __future__ import annotations

import re
import uuid
from collections import Counter
from datetime import date

import pytest
from PySide6.QtWidgets import QAbstractButton, QLabel, QTabBar, QWidget

from desktop.domain.enums import ClaimKind, ClaimStatus
from desktop.domain.models import Claim
from desktop.ui import i18n
from desktop.ui.dialogs.claim_form import ClaimDialog
from desktop.ui.dialogs.incident_form import IncidentDialog
from tests.ui.forms_fixtures import no_modal_loops, seed_kaluga  # noqa: F401


def _letter(text: str) -> str | None:
    found = re.search(r"&([^&\s])", text.replace("&&", ""))
    return found.group(1).lower() if found else None


def _underlined(form: QWidget) -> Counter[str]:
    """The letters a clerk can press with Alt on what the form shows now: field labels and buttons
    on screen, and every tab of its tab bars."""
    seen: Counter[str] = Counter()
    for widget in form.findChildren(QLabel) + form.findChildren(QAbstractButton):
        if widget.isVisible() and widget.isEnabled() and (letter := _letter(widget.text())):
            seen[letter] += 1
    for bar in form.findChildren(QTabBar):
        if bar.isVisible():
            for n in range(bar.count()):
                if letter := _letter(bar.tabText(n)):
                    seen[letter] += 1
    return seen


@pytest.fixture
def russian():
    i18n.install("ru")
    yield
    i18n.install("en")


@pytest.mark.parametrize("status", [ClaimStatus.RECEIVED, ClaimStatus.UNDER_REVIEW])  # its buttons differ
def test_every_underlined_letter_of_the_claim_form_is_one_field(store, qtbot, russian, status) -> None:
    incident, people = seed_kaluga(store)
    claim = store.save_claim(Claim(
        id=str(uuid.uuid4()), incident_id=incident.id, claimant_id=people[0].id, items=[incident.vehicles[0].id],
        kind=ClaimKind.DAMAGE_COMPENSATION, filed_on=date(2026, 9, 16), status=status), enforce_transition=False)
    form = ClaimDialog(store, claim.id)
    qtbot.addWidget(form)
    form.show()
    tabs = form.findChildren(QTabBar)[0]
    for page in range(tabs.count()):
        tabs.setCurrentIndex(page)
        qtbot.wait(10)
        twice = {letter: n for letter, n in _underlined(form).items() if n > 1}
        assert twice == {}, f"tab {tabs.tabText(page)!r}: {twice}"


def test_every_underlined_letter_of_the_incident_form_is_one_field(store, qtbot, russian) -> None:
    form = IncidentDialog(store, None)
    qtbot.addWidget(form)
    form.show()
    twice = {letter: n for letter, n in _underlined(form).items() if n > 1}
    assert twice == {}
