"""Two clerks' windows on one log on a PostgreSQL server: one saves, the other's register shows it
within two seconds (LISTEN/NOTIFY, the window's poll), keeping the selection; both edit one claim
and the second save is a conflict naming the first clerk, by their own server login."""

from __future__ import annotations

import time
import uuid
from dataclasses import replace
from datetime import date, datetime, timedelta, timezone

import pytest

from desktop.domain.enums import ClaimKind, ClaimStatus, IncidentKind, IncidentStatus
from desktop.domain.models import Claim, Incident
from desktop.storage import open_store
from desktop.storage.postgres import connection
from desktop.ui.dialogs.claim_form import ClaimDialog
from desktop.ui.main_window import INCIDENTS_TAB, MainWindow
from tests.ui.conftest import TODAY
from tests.ui.forms_fixtures import no_modal_loops, seed_kaluga  # noqa: F401


@pytest.fixture
def two_clerks(pg_server):
    url = pg_server.new_database()
    pg_server.sql("DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'petrova') THEN "
                  "CREATE ROLE petrova LOGIN; END IF; END $$")
    pg_server.sql("ALTER ROLE petrova LOGIN SUPERUSER")  # whatever another test made of the role
    other_url = url.replace("postgresql://clerk@", "postgresql://petrova@")
    mine, theirs = open_store(url), open_store(other_url)
    yield mine, theirs
    mine.close()
    theirs.close()
    connection.release(url)
    connection.release(other_url)


def _incident(day: int) -> Incident:
    moment = datetime(2026, 10, 1, 12, 0, tzinfo=timezone(timedelta(hours=3))) + timedelta(days=day)
    return Incident(id=str(uuid.uuid4()), kind=IncidentKind.UAV_DEBRIS, occurred_at=moment, region="Калужская область",
                    district="г. Калуга", location=f"ул. Новая, {day}", status=IncidentStatus.OPEN)


def test_the_other_clerks_register_shows_a_save_within_two_seconds(two_clerks, qtbot) -> None:
    mine, theirs = two_clerks
    for day in range(5):
        mine.save_incident(_incident(-100 + day))
    window = MainWindow(theirs, today=TODAY, remember_state=False)
    qtbot.addWidget(window)
    window.show()
    window.tabs.setCurrentIndex(INCIDENTS_TAB)
    page = window.incidents
    page.view.selectRow(2)
    chosen = page.current_id()
    began = time.perf_counter()
    mine.save_incident(_incident(0))  # newer: it sorts before the chosen row
    qtbot.waitUntil(lambda: window.incident_model.total() == 6, timeout=2000)
    print(f"shown after {time.perf_counter() - began:.2f} s")
    assert page.current_id() == chosen and page.view.currentIndex().row() == 3
    assert theirs.history(window.incident_model.id_at(0))[0].user == "clerk"


def test_two_clerks_editing_one_claim_the_second_gets_the_conflict(two_clerks, qtbot) -> None:
    mine, theirs = two_clerks
    incident, people = seed_kaluga(mine)
    claim = mine.save_claim(Claim(
        id=str(uuid.uuid4()), incident_id=incident.id, claimant_id=people[0].id, items=[incident.vehicles[0].id],
        kind=ClaimKind.DAMAGE_COMPENSATION, filed_on=date(2026, 9, 16), status=ClaimStatus.RECEIVED))
    forms = []
    for store in (mine, theirs):
        form = ClaimDialog(store, claim.id)
        qtbot.addWidget(form)
        form.show()
        forms.append(form)
    my_form, their_form = forms
    their_form.notes.setPlainText("звонил заявитель")
    assert their_form.save()
    asked: list[str] = []

    def ask(error):
        from desktop.ui.dialogs.conflict import conflict_text

        asked.append(conflict_text(error))
        return "cancel"

    my_form.ask_conflict = ask
    my_form.notes.setPlainText("моя заметка")
    assert not my_form.save()
    assert asked and "petrova" in asked[0]  # the other clerk by their server login
    assert mine.get_claim(claim.id).notes == "звонил заявитель"  # nothing overwritten
    assert my_form.notes.toPlainText() == "моя заметка"  # and nothing typed is lost
    assert [e.user for e in mine.history(claim.id)] == ["clerk", "petrova"]
    stale = replace(mine.get_claim(claim.id), version=1)
    from desktop.storage import Conflict

    with pytest.raises(Conflict):
        mine.save_claim(replace(stale, notes="ещё"))


def test_connect_to_a_server_asks_for_the_address_and_opens_it(store, qtbot, monkeypatch) -> None:
    from PySide6.QtWidgets import QInputDialog, QMessageBox

    from desktop.storage import Location

    window = MainWindow(store, today=TODAY, remember_state=False)
    qtbot.addWidget(window)
    answers = iter([("server-without-scheme", True), ("postgresql://ivanova@db.office/incident_log", True)])
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: next(answers))
    warned: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: warned.append(text))
    asked: list[object] = []
    window.databaseChangeRequested.connect(asked.append)
    window.connect_server_action.trigger()
    assert warned and "postgresql://" in warned[0]  # a wrong address is said, and asked again
    assert asked == [Location("postgresql://ivanova@db.office/incident_log")]


def test_a_lost_connection_keeps_the_form_and_saves_on_the_next_try(two_clerks, qtbot, monkeypatch) -> None:
    mine, _theirs = two_clerks
    incident, people = seed_kaluga(mine)
    claim = mine.save_claim(Claim(
        id=str(uuid.uuid4()), incident_id=incident.id, claimant_id=people[0].id, items=[incident.vehicles[0].id],
        kind=ClaimKind.DAMAGE_COMPENSATION, filed_on=date(2026, 9, 16), status=ClaimStatus.RECEIVED))
    form = ClaimDialog(mine, claim.id)
    qtbot.addWidget(form)
    form.show()
    told: list[str] = []
    form.inform = lambda title, text: told.append(text)
    form.notes.setPlainText("записано во время обрыва связи")

    def drop() -> None:
        pid = int(mine.db.conn.raw.execute("SELECT pg_backend_pid()").fetchone()[0])
        killer = connection.direct(mine.location.target, "admin")
        killer.execute("SELECT pg_terminate_backend(%s)", [pid])
        killer.close()

    # The connection drops and the server is back at once: the save reconnects by itself.
    drop()
    assert form.save()
    assert mine.get_claim(claim.id).notes == "записано во время обрыва связи" and not told
    # The connection drops and the server does not answer: a calm message, the form and its text kept.
    form.notes.setPlainText("второй раз")
    drop()
    from desktop.storage import DatabaseUnavailable, Trouble

    def no_server(url, where):
        raise DatabaseUnavailable(Trouble.UNAVAILABLE, where, "no route to host")

    monkeypatch.setattr(connection, "connect", no_server)
    assert not form.save()
    assert told and ("недоступен" in told[0] or "cannot be reached" in told[0])
    assert form.isVisible() and form.notes.toPlainText() == "второй раз"
    monkeypatch.undo()  # the server answers again: the same form saves
    assert form.save()
    assert mine.get_claim(claim.id).notes == "второй раз"
