"""The window's import refused only because numbers are taken offers «Перенумеровать и импортировать»
(interchange.md, Import rules 2); choosing it imports with renumbering and lists each replacement."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtWidgets import QDialog, QMessageBox

from desktop.ui import i18n
from desktop.ui.dialogs.renumbering import RenumberOffer, RenumberResult
from desktop.ui.main_window import MainWindow
from desktop.ui.widgets.problem_list import ProblemListDialog
from tests.foreign import foreign_office, write
from tests.samples import sample


@pytest.fixture
def dialogs(monkeypatch: pytest.MonkeyPatch) -> dict[str, Any]:
    """The modal dialogs, recorded instead of shown; the offer answered as `dialogs["choose"]` says."""
    seen: dict[str, Any] = {"choose": True, "offers": [], "results": [], "problems": [], "messages": []}

    def offer_exec(self: RenumberOffer) -> int:
        buttons = [b.text() for b in self.buttons.buttons()]
        seen["offers"].append((self.windowTitle(), self.heading.text(), list(self.lines), buttons))
        if seen["choose"]:
            self.renumber_button.click()  # the button itself, as the clerk clicks it
        else:
            self.reject()
        return self.result()

    def result_exec(self: RenumberResult) -> int:
        seen["results"].append((self.windowTitle(), self.heading.text(), list(self.lines)))
        return QDialog.DialogCode.Rejected

    monkeypatch.setattr(RenumberOffer, "exec", offer_exec)
    monkeypatch.setattr(RenumberResult, "exec", result_exec)
    monkeypatch.setattr(ProblemListDialog, "show_problems",
                        classmethod(lambda cls, parent, title, intro, lines: seen["problems"].append(lines)))
    for name in ("information", "warning", "critical"):
        monkeypatch.setattr(QMessageBox, name, lambda parent, title, text, *a: seen["messages"].append(text))
    return seen


def wait_for_imports(window: MainWindow, qtbot: Any) -> None:
    """The refused job, then the renumbered one it may start from its refusal."""
    while True:
        job = window.last_job
        assert job is not None
        if job.outcome is None:
            with qtbot.waitSignal(job.ended, timeout=20_000):
                pass
        if window.last_job is job:
            return


def test_a_refusal_for_taken_numbers_offers_renumbering_and_choosing_it_imports(window, qtbot, tmp_path, dialogs):
    store = window.store
    window.import_data(write(tmp_path, foreign_office()))
    wait_for_imports(window, qtbot)
    [(title, intro, lines, buttons)] = dialogs["offers"]
    assert title == "Import refused"
    assert "Nothing was imported from other-office.json: 6 references or claim numbers" in intro
    assert buttons[0] == "Renumber and import" and "Cancel" in buttons
    assert lines[0] == "incidents[0].reference: already used by another record: INC-2026-0001"
    assert dialogs["problems"] == []  # not the dead end of the plain problem list

    assert window.last_job.outcome == "finished"
    [(title, intro, lines)] = dialogs["results"]
    assert title == "Import finished" and "6 references or claim numbers of the file were already used" in intro
    assert lines[:5] == ["people: 4 created, 0 updated, 0 unchanged", "incidents: 2 created, 0 updated, 0 unchanged",
                         "claims: 4 created, 0 updated, 0 unchanged", "", "renumbered (the file's number → ours): 6"]
    assert "Incident 1: INC-2026-0001 → INC-2026-0003" in lines
    assert "Claim 4: CLM-2026-0004 → CLM-2026-0008" in lines
    assert store.counts()["incidents"] == 4 and store.counts()["claims"] == 8
    assert window.incident_model.rowCount() == 4 and window.claim_model.rowCount() == 8  # the registers refreshed


def test_cancelling_the_offer_imports_nothing(window, qtbot, tmp_path, dialogs):
    dialogs["choose"] = False
    before = window.store.counts()
    window.import_data(write(tmp_path, foreign_office()))
    wait_for_imports(window, qtbot)
    assert len(dialogs["offers"]) == 1 and dialogs["results"] == []
    assert window.store.counts() == before


def test_other_problems_get_the_problem_list_not_the_offer(window, qtbot, tmp_path, dialogs):
    doc = foreign_office()
    doc["people"][0]["inn"] = "1234567890"
    window.import_data(write(tmp_path, doc))
    wait_for_imports(window, qtbot)
    assert dialogs["offers"] == [] and len(dialogs["problems"]) == 1
    assert "people[0].inn: check digit wrong" in dialogs["problems"][0]


def test_an_import_without_clashes_says_so_as_before(window, qtbot, dialogs):
    window.import_data(sample())
    wait_for_imports(window, qtbot)
    assert dialogs["offers"] == [] and dialogs["results"] == []
    assert "incidents: 0 created, 0 updated, 2 unchanged" in dialogs["messages"][-1]


@pytest.fixture
def russian() -> Iterator[None]:
    i18n.install("ru")
    yield


def test_in_russian_the_offer_and_the_result_speak_the_offices_numbers(russian, window, qtbot, tmp_path, dialogs):
    doc = foreign_office()
    doc["incidents"][0]["reference"] = "КАЛ-12"
    first = foreign_office("Калуга")  # another office's КАЛ-12 is already in the log
    first["incidents"][0]["reference"] = "КАЛ-12"
    window.import_data(write(tmp_path, first, "kaluga.json"))
    wait_for_imports(window, qtbot)
    dialogs["offers"].clear()
    dialogs["results"].clear()

    window.import_data(write(tmp_path, doc))
    wait_for_imports(window, qtbot)
    [(title, intro, lines, buttons)] = dialogs["offers"]
    assert title == "Импорт отклонён"
    assert buttons[0] == "Перенумеровать и импортировать" and "Отмена" in buttons
    assert intro.startswith("Из файла other-office.json ничего не импортировано: 6 номеров происшествий или заявлений")
    assert lines[:3] == ["Происшествие №1, номер: уже занят другой записью: КАЛ-12",
                         "Происшествие №2, номер: уже занят другой записью: П-2026-0002",
                         "Заявление №1, номер: уже занят другой записью: З-2026-0001"]
    [(title, intro, lines)] = dialogs["results"]
    assert title == "Импорт завершён"
    assert "Происшествие №1: КАЛ-12 → П-2026-0004" in lines
    assert "Заявление №1: З-2026-0001 → З-2026-0009" in lines
    assert not any("INC-" in line or "CLM-" in line for line in lines)


def test_the_result_lists_the_records_that_kept_their_numbers_too(window, qtbot, tmp_path, dialogs):
    """A file brought again with one more record: the new one is renumbered, the ones the log has
    keep the numbers they got the first time, and the window lists both (it listed the first only)."""
    import copy
    import uuid

    from desktop.exchange import import_file

    import_file(window.store, write(tmp_path, foreign_office()), renumber=True)
    doc = foreign_office()
    extra = copy.deepcopy(doc["incidents"][0])
    extra["id"] = str(uuid.uuid4())
    for item in (*extra.get("vehicles", []), *extra.get("properties", [])):
        item["id"] = str(uuid.uuid4())
    extra["reference"] = "INC-2026-0003"  # the number the file's first incident got here the first time
    doc["incidents"].append(extra)
    window.import_data(write(tmp_path, doc))
    wait_for_imports(window, qtbot)
    [(_title, _intro, lines)] = dialogs["results"]
    assert "renumbered (the file's number → ours): 1" in lines and "Incident 3: INC-2026-0003 → INC-2026-0005" in lines
    assert "already in this log under a number of its own, kept (the file's number → ours): 6" in lines
    assert "Incident 1: INC-2026-0001 → INC-2026-0003" in lines
