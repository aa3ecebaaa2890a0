"""Forms keep their text whole and their size their own: a wrapped message is not cut, a status
does not widen its window."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from typing import Any  # noqa: E402

import pytest  # noqa: E402

from desktop.storage import Store  # noqa: E402
from desktop.ui.dialogs.claim_form import ClaimDialog  # noqa: E402
from desktop.ui.dialogs.person_picker import PeopleBook, PersonDialog  # noqa: E402
from tests.ui.forms_fixtures import (  # noqa: E402
    no_modal_loops,  # noqa: F401 - an autouse fixture, active here by being imported
    russian_messages,  # noqa: F401 - a fixture, used by name
    seed_kaluga,
    type_into,
)


@pytest.mark.usefixtures("russian_messages")
def test_a_person_cards_long_inn_message_is_not_cut(qtbot: Any, store: Store) -> None:
    card = PersonDialog(PeopleBook(store), None)
    qtbot.addWidget(card)
    card.show()
    qtbot.waitExposed(card)
    type_into(qtbot, card.full_name, "Иванов Иван Иванович")
    type_into(qtbot, card.inn, "12345")
    message = card.validation["inn"].message
    assert message.text().endswith("получено 12345")
    layout = card.layout()
    assert layout is not None
    # the card grows to the lines its wrapped message takes (the second, «…12345», was cut off)
    qtbot.waitUntil(lambda: card.height() >= layout.totalHeightForWidth(card.width()))
    assert message.height() >= message.heightForWidth(message.width())


def test_the_claims_status_text_does_not_widen_the_form(qtbot: Any, store: Store) -> None:
    incident, people = seed_kaluga(store)
    form = ClaimDialog(store, None, incident.id)
    qtbot.addWidget(form)
    form.show()
    box = form.status_label.parentWidget()
    assert box is not None
    before = (form.minimumSizeHint().width(), box.minimumSizeHint().width())
    form.status_label.setText("Запрошены документы у заявителя и в организациях, ответ ожидается " * 3)
    assert (form.minimumSizeHint().width(), box.minimumSizeHint().width()) == before
