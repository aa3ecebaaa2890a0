"""`report deadlines`: deadline control by executor, read back from the PDF.

The v2 sample with three claims open on 20.10.2026: CLM-2026-0002 (Соколова; answer due 16.10:
4 days overdue), CLM-2026-0004 reopened (Тихонов; extended until 10.11: 21 days left) and
CLM-2026-0003 reopened with no executor, registered on 21.09 for a filing of 16.09 (late; answer
due 21.10: due tomorrow).
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

from desktop import cli
from desktop.domain import deadlines
from desktop.domain.enums import ClaimStatus
from desktop.domain.views import Filters
from desktop.reports import build_report
from desktop.reports.service import deadline_lines
from desktop.storage import Store
from tests.reports.conftest import StoreFactory
from tests.reports.pdfcheck import OFFICE, pdf_pages, squash
from tests.v2_variants import v2_data

ON = datetime.fromisoformat("2026-10-20T09:00:00+03:00")
EXECUTORS = ["Соколова Ирина Павловна", "Тихонов Глеб Романович", "Орлова Дарья Сергеевна"]


def three_open() -> dict[str, Any]:
    data = v2_data()
    reopened = data["claims"][3]
    reopened["status"] = "under_review"  # keeps its decision and extension
    late = data["claims"][2]
    late.update(status="under_review", registered_on="2026-09-21", executor=None)
    return data


@pytest.fixture
def open_store(make_store: StoreFactory) -> Store:
    return make_store(three_open(), {**OFFICE, "executors": EXECUTORS})  # type: ignore[dict-item]


def report(store: Store, tmp_path: Path, lang: str = "ru", **kwargs: Any) -> list[str]:
    return pdf_pages(build_report(store, "deadlines", tmp_path / f"d-{lang}.pdf", lang=lang, made_at=ON, **kwargs))


def test_the_deadline_rules_give_what_the_report_prints() -> None:
    from datetime import date

    assert deadlines.answer_due(date(2026, 9, 15), date(2026, 9, 16)) == date(2026, 10, 16)
    assert deadlines.registered_late(date(2026, 9, 16), date(2026, 9, 21))
    assert deadlines.days_left(date(2026, 10, 16), ON.date()) == -4


@pytest.mark.parametrize("lang", ["ru", "en"])
def test_open_claims_by_executor_with_dates_days_left_and_counts(open_store: Store, tmp_path: Path, lang: str) -> None:
    pages = report(open_store, tmp_path, lang)
    text = "\n".join(pages)
    flat = squash(text)
    assert len(pages) == 1
    # Settled claims wait for no answer
    assert "0001" not in text
    if lang == "ru":
        assert "Контроль исполнения заявлений" in text and squash("незавершённые заявления на 20.10.2026") in flat
        # The summary: a row per executor of the office (Орлова with nothing open), the unassigned, the total
        assert squash("Соколова Ирина Павловна 1 1 0 0 0 0") in flat
        assert squash("Тихонов Глеб Романович 1 0 0 0 1 0") in flat
        assert squash("Орлова Дарья Сергеевна 0 0 0 0 0 0") in flat
        assert squash("Исполнитель не назначен 1 0 1 1 0 0") in flat
        assert squash("Итого 3 1 1 1 1 0") in flat
        assert "Решение не направлено заявителю (ответ" not in text  # every decision here was sent
        assert squash("Соколова Ирина Павловна: на исполнении 1, просрочено 1") in flat
        assert squash("З-2026-0002 Кузнецов Игорь Петрович 15.09.2026 16.09.2026 16.10.2026 — просрочено на 4 дн.") in flat
        assert squash("З-2026-0004") in flat and squash("10.11.2026 10.11.2026 21 дн.") in flat
        assert squash("16.09.2026 21.09.2026 с нарушением срока 21.10.2026 — 1 дн.") in flat
        assert "Страница 1 из 1" in text
    else:
        assert "Deadline control of claims" in text and squash("open claims on 20.10.2026") in flat
        assert squash("No executor assigned 1 0 1 1 0") in flat
        assert squash("CLM-2026-0002") in flat and squash("overdue 4 d.") in flat
        assert squash("21.09.2026 late") in flat
        assert "Page 1 of 1" in text
    # The groups in the office's order, the unassigned last, each in the order of answer dates
    order = [flat.index(squash(name)) for name in ("Соколова Ирина Павловна:", "Тихонов Глеб Романович:")]
    assert order == sorted(order)
    assert OFFICE["office_name"] in text


def test_overdue_figures_are_bold(open_store: Store, tmp_path: Path) -> None:
    import pypdf

    out = build_report(open_store, "deadlines", tmp_path / "d.pdf", lang="ru", made_at=ON)
    bold: list[str] = []

    def visit(text: str, cm: Any, tm: Any, font: Any, size: Any) -> None:
        if font is not None and "Bold" in str(font.get("/BaseFont")) and text.strip():
            bold.append(text)

    pypdf.PdfReader(str(out)).pages[0].extract_text(visitor_text=visit)
    joined = squash(" ".join(bold))
    assert squash("просрочено на 4 дн.") in joined and "16.10.2026" in joined
    assert squash("с нарушением срока") in joined
    assert "10.11.2026" not in joined  # not overdue: regular type


def test_one_executor(open_store: Store, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "d.pdf"
    assert cli.main(["--db", str(open_store.path), "report", "deadlines", "--executor", "Тихонов Глеб Романович",
                     "-o", str(out), "--lang", "ru"]) == 0
    flat = squash("\n".join(pdf_pages(out)))
    assert squash("Исполнитель: Тихонов Глеб Романович") in flat
    assert "З-2026-0004" in flat and "З-2026-0002" not in flat and "Соколова" not in flat and "Орлова" not in flat
    assert squash("Тихонов Глеб Романович: на исполнении 1") in flat and squash("Итого 1") in flat
    assert cli.main(["--db", str(open_store.path), "report", "deadlines", "--from", "2026-13-01", "-o", str(out)]) == 2


def test_nothing_open(make_store: StoreFactory, tmp_path: Path) -> None:
    data = v2_data()
    data["claims"] = [c for c in data["claims"] if c["status"] != "under_review"]
    data["claims"][-1]["decision"]["notice_sent_on"] = "2026-09-25"  # CLM-2026-0004's approval sent too: answered
    store = make_store(data, OFFICE)
    text = "\n".join(report(store, tmp_path))
    assert "Незавершённых заявлений нет." in text


def test_many_claims_of_one_executor_flow_over_pages(make_store: StoreFactory, tmp_path: Path) -> None:
    import json

    data = three_open()
    template = data["claims"][1]
    incident = next(i for i in data["incidents"] if i["id"] == template["incident_id"])
    for n in range(250):
        item = {"id": f"00000000-0000-4000-9000-{n:012d}", "kind": "dwelling", "description": f"дом {n}",
                "damage": "окна", "severity": "minor"}
        incident.setdefault("properties", []).append(item)
        day = 1 + n % 28
        data["claims"].append({**json.loads(json.dumps(template)), "id": f"00000000-0000-4000-a000-{n:012d}",
                               "number": f"CLM-2026-{n + 100:04d}", "items": [item["id"]],
                               "filed_on": f"2026-09-{day:02d}" if day > 12 else "2026-09-13",
                               "registered_on": None})
    store = make_store(data, {**OFFICE, "executors": EXECUTORS})  # type: ignore[dict-item]
    pages = report(store, tmp_path)
    assert len(pages) >= 5
    for n, page in enumerate(pages, start=1):
        assert OFFICE["office_name"] in page and f"Страница {n} из {len(pages)}" in page
    flat = squash("\n".join(pages))
    assert squash("Соколова Ирина Павловна: на исполнении 251, просрочено 172") in flat  # due 13.10-19.10: overdue
    assert "З-2026-0349" in flat


# ---- decided, the decision not sent to the claimant: not answered yet (59-FZ) ----------------------

def notices_pending() -> dict[str, Any]:
    """The v2 sample with CLM-2026-0001's payment notice unsent (paid, Соколова; answer date 14.10),
    CLM-2026-0002 withdrawn, CLM-2026-0003's refusal sent (Тихонов) and CLM-2026-0004's approval
    unsent as the sample has it (Тихонов; extended until 10.11)."""
    data = v2_data()
    del data["claims"][0]["decision"]["notice_sent_on"]
    data["claims"][1]["status"] = "withdrawn"
    return data


@pytest.fixture
def pending_store(make_store: StoreFactory) -> Store:
    return make_store(notices_pending(), {**OFFICE, "executors": EXECUTORS})  # type: ignore[dict-item]


def test_the_sample_as_it_stands_lists_its_unsent_approval(make_store: StoreFactory, tmp_path: Path) -> None:
    store = make_store(v2_data(), {**OFFICE, "executors": EXECUTORS})  # type: ignore[dict-item]
    flat = squash("\n".join(report(store, tmp_path)))
    assert squash("Тихонов Глеб Романович 0 0 0 0 0 1") in flat and squash("Итого 1 1 0 0 0 1") in flat
    assert squash("Тихонов Глеб Романович: на исполнении 0, просрочено 0, решение не направлено заявителю 1") in flat
    assert squash("Решение не направлено заявителю (ответ не дан, 59-ФЗ): 1") in flat
    assert squash("1 З-2026-0004 ГУП «Водоканал Ленинградской области» РП-120 от 24.09.2026 одобрено 10.11.2026 "
                  "21 дн.") in flat
    assert "З-2026-0001" not in flat and "З-2026-0003" not in flat  # paid and refused, both told


@pytest.mark.parametrize("lang", ["ru", "en"])
def test_decided_claims_not_sent_are_their_own_group_counted_per_executor(pending_store: Store, tmp_path: Path,
                                                                         lang: str) -> None:
    pages = report(pending_store, tmp_path, lang)
    text = "\n".join(pages)
    flat = squash(text)
    assert len(pages) == 1
    assert "0002" not in text and "0003" not in text  # withdrawn: no answer owed; refused and told: answered
    if lang == "ru":
        assert squash("Решение не направлено заявителю") in flat  # the summary's column
        assert squash("Соколова Ирина Павловна 0 0 0 0 0 1") in flat
        assert squash("Тихонов Глеб Романович 0 0 0 0 0 1") in flat
        assert squash("Орлова Дарья Сергеевна 0 0 0 0 0 0") in flat and squash("Итого 0 0 0 0 0 2") in flat
        assert squash("Соколова Ирина Павловна: на исполнении 0, просрочено 0, решение не направлено заявителю 1") in flat
        # Paid on 25.09, answer date 14.10: passed six days before 20.10, the claimant still untold
        assert squash("1 З-2026-0001 Смирнова Анна Викторовна РП-112 от 20.09.2026 выплачено 14.10.2026 "
                      "срок истёк 6 дн. назад") in flat
        assert text.count("(ответ не дан, 59-ФЗ): 1") == 2
    else:
        assert squash("Decision not sent to the claimant (not answered yet, 59-FZ): 1") in flat
        assert squash("Соколова Ирина Павловна: 0 open, 0 overdue, decision not sent to the claimant 1") in flat
        assert squash("1 CLM-2026-0001 Смирнова Анна Викторовна РП-112 of 20.09.2026 paid 14.10.2026 passed 6 d. ago") \
            in flat
        assert squash("CLM-2026-0004") in flat and squash("10.11.2026 21 d.") in flat
        assert squash("Total 0 0 0 0 0 2") in flat


def test_the_unsent_decision_past_its_answer_date_is_bold(pending_store: Store, tmp_path: Path) -> None:
    import pypdf

    out = build_report(pending_store, "deadlines", tmp_path / "d.pdf", lang="ru", made_at=ON)
    bold: list[str] = []

    def visit(text: str, cm: Any, tm: Any, font: Any, size: Any) -> None:
        if font is not None and "Bold" in str(font.get("/BaseFont")) and text.strip():
            bold.append(text)

    pypdf.PdfReader(str(out)).pages[0].extract_text(visitor_text=visit)
    joined = squash(" ".join(bold))
    assert squash("срок истёк 6 дн. назад") in joined and "14.10.2026" in joined
    assert "10.11.2026" not in joined  # CLM-2026-0004's answer date is still ahead


@pytest.mark.parametrize(("when", "left"), [("2026-11-09T09:00:00+03:00", "1 дн."),
                                             ("2026-11-10T09:00:00+03:00", "сегодня"),
                                             ("2026-11-11T09:00:00+03:00", "срок истёк 1 дн. назад")])
def test_the_answer_date_of_an_unsent_decision_at_its_edges(pending_store: Store, tmp_path: Path, when: str,
                                                           left: str) -> None:
    made_at = datetime.fromisoformat(when)
    out = build_report(pending_store, "deadlines", tmp_path / "d.pdf", lang="ru", made_at=made_at)
    flat = squash("\n".join(pdf_pages(out)))
    assert squash(f"РП-120 от 24.09.2026 одобрено 10.11.2026 {left}") in flat


def test_the_notice_sent_takes_the_claim_off(pending_store: Store, tmp_path: Path) -> None:
    from datetime import date

    from desktop.services.notices import record_notice_sent

    claim = pending_store.get_claim_by_number("CLM-2026-0004")
    assert claim is not None
    record_notice_sent(pending_store, claim, date(2026, 10, 20))
    flat = squash("\n".join(report(pending_store, tmp_path)))
    assert "З-2026-0004" not in flat and "З-2026-0001" in flat
    assert squash("Тихонов Глеб Романович 0 0 0 0 0 0") in flat and squash("Итого 0 0 0 0 0 1") in flat


def test_a_reopened_claim_keeps_its_sent_decision_and_is_open(make_store: StoreFactory, tmp_path: Path) -> None:
    data = notices_pending()
    data["claims"][2]["status"] = "under_review"  # CLM-2026-0003 reopened on appeal: its refusal was sent
    store = make_store(data, {**OFFICE, "executors": EXECUTORS})  # type: ignore[dict-item]
    lines = {line.row.number: line.notice_pending for line in deadline_lines(store)}
    assert lines == {"CLM-2026-0001": True, "CLM-2026-0003": False, "CLM-2026-0004": True}
    flat = squash("\n".join(report(store, tmp_path)))
    assert squash("Тихонов Глеб Романович 1 1 0 0 0 1") in flat  # open (and overdue), and one unsent


def test_one_executor_and_a_status_narrow_the_unsent_too(pending_store: Store, tmp_path: Path) -> None:
    only = [line.row.number for line in deadline_lines(pending_store, Filters(executor="Тихонов Глеб Романович"))]
    assert only == ["CLM-2026-0004"]
    approved = [line.row.number for line in deadline_lines(pending_store, Filters(status=ClaimStatus.APPROVED))]
    assert approved == ["CLM-2026-0004"]
    assert deadline_lines(pending_store, Filters(overdue_only=True)) == []  # decided: never overdue
    # In the order of their answer dates: 14.10 before 10.11
    assert [line.row.number for line in deadline_lines(pending_store)] == ["CLM-2026-0001", "CLM-2026-0004"]


def test_the_report_reads_rows_not_claims(pending_store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    def refused(*args: Any, **kwargs: Any) -> None:
        raise AssertionError("a whole claim read")

    for name in ("get_claims", "get_claim", "get_claim_by_number"):
        monkeypatch.setattr(pending_store, name, refused)
    assert len(deadline_lines(pending_store)) == 2
