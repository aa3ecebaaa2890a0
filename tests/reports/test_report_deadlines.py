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
from desktop.reports import build_report
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
        assert squash("Соколова Ирина Павловна 1 1 0 0 0") in flat
        assert squash("Тихонов Глеб Романович 1 0 0 0 1") in flat
        assert squash("Орлова Дарья Сергеевна 0 0 0 0 0") in flat
        assert squash("Исполнитель не назначен 1 0 1 1 0") in flat
        assert squash("Итого 3 1 1 1 1") in flat
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
