"""`report inspection-act`: the commission's act, read back from the PDF (v2 sample: CLM-2026-0001's act 12-К)."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest

from desktop import cli
from desktop.reports import ReportError, build_report
from desktop.storage import Store
from tests.reports.conftest import StoreFactory
from tests.reports.pdfcheck import HOSTILE, ID_DOCUMENTS, MADE_AT, OFFICE, page_fonts, pdf_pages, squash
from tests.samples import sample

V2 = "sample-kaluga-2026-09-v2.json"


@pytest.fixture
def v2_data() -> dict[str, Any]:
    return copy.deepcopy(json.loads(sample(V2).read_text(encoding="utf-8-sig")))


@pytest.fixture
def v2_store(make_store: StoreFactory, v2_data: dict[str, Any]) -> Store:
    return make_store(v2_data, OFFICE)


@pytest.mark.parametrize("lang", ["ru", "en"])
def test_the_act_prints_members_findings_amount_and_a_signature_line_each(v2_store: Store, tmp_path: Path,
                                                                          lang: str) -> None:
    out = build_report(v2_store, "inspection-act", tmp_path / "act.pdf", number="CLM-2026-0001", lang=lang,
                       made_at=MADE_AT)
    pages = pdf_pages(out)
    text = "\n".join(pages)
    flat = squash(text)
    assert len(pages) == 1
    assert squash("12-К") in flat and "15.09.2026" in text  # the act's number and date
    assert ("З-2026-0001" if lang == "ru" else "CLM-2026-0001") in text and "14.09.2026" in text
    assert ("П-2026-0001" if lang == "ru" else "INC-2026-0001") in text
    for member in ("Николаев Павел Андреевич", "Лебедева Дарья Игоревна", "председатель комиссии", "инженер МКУ «УГХ»"):
        assert squash(member) in flat
    assert squash("разбито лобовое стекло, вмятины на капоте") in flat
    assert squash("Lada Vesta, 2019, белый") in flat and "А123ВС40" in text  # the item with its owner
    assert text.count("Смирнова Анна Викторовна") >= 2  # claimant and owner
    signature = "подпись" if lang == "ru" else "signature"
    assert text.count(signature) == 2  # a line for each member
    if lang == "ru":
        assert squash("Акт обследования повреждённого имущества № 12-К") in flat
        assert squash("51 200,00 ₽ (пятьдесят одна тысяча двести рублей 00 копеек)") in flat
        assert "Страница 1 из 1" in text
    else:
        assert squash("Act of inspection of damaged property No. 12-К") in flat
        assert squash("₽51,200.00 (fifty-one thousand two hundred roubles 00 kopecks)") in flat
        assert "Page 1 of 1" in text
    assert OFFICE["office_name"] in text and "26.09.2026 10:00" in text
    assert not any(doc in text for doc in ID_DOCUMENTS)  # the act goes to the file, not the passport
    assert all(embedded for _, name, embedded in page_fonts(out) if "PT" in name)


def test_a_claim_without_an_inspection_has_no_act(v2_store: Store, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(ReportError) as caught:
        build_report(v2_store, "inspection-act", tmp_path / "act.pdf", number="CLM-2026-0002")
    assert caught.value.code == "no_inspection"
    assert "no inspection" in caught.value.text("en") and "обследование не проводилось" in caught.value.text("ru")
    code = cli.main(["--db", str(v2_store.path), "report", "inspection-act", "CLM-2026-0002", "-o",
                     str(tmp_path / "act.pdf"), "--lang", "ru"])
    assert code == 2
    assert "обследование не проводилось" in capsys.readouterr().err
    assert not (tmp_path / "act.pdf").exists()
    assert cli.main(["--db", str(v2_store.path), "report", "inspection-act", "CLM-2026-0099", "-o",
                     str(tmp_path / "act.pdf")]) == 2


def test_the_command_writes_the_act(v2_store: Store, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "act.pdf"
    assert cli.main(["--db", str(v2_store.path), "report", "inspection-act", "З-2026-1", "-o", str(out),
                     "--lang", "ru"]) == 0
    assert str(out) in capsys.readouterr().out
    assert squash("Акт обследования повреждённого имущества № 12-К") in squash("\n".join(pdf_pages(out)))
    assert cli.main(["--db", str(v2_store.path), "report", "inspection-act", "CLM-2026-0001", "-o",
                     str(tmp_path / "act.txt")]) == 2  # the report's own suffix


def test_long_findings_and_many_members_flow_over_pages_each_headed_and_numbered(
    make_store: StoreFactory, v2_data: dict[str, Any], tmp_path: Path,
) -> None:
    act = v2_data["claims"][0]["inspection"]
    act["members"] = [f"член комиссии № {n}, Членов{n} Иван Иванович" for n in range(1, 41)]
    words = " ".join(f"повреждение{n}" for n in range(600))
    act["findings"] = f"{words}\nпоследняя строка заключения"
    store = make_store(v2_data, OFFICE)
    out = build_report(store, "inspection-act", tmp_path / "act.pdf", number="CLM-2026-0001", lang="ru",
                       made_at=MADE_AT)
    pages = pdf_pages(out)
    assert len(pages) >= 4
    for n, page in enumerate(pages, start=1):
        assert OFFICE["office_name"] in page and f"Страница {n} из {len(pages)}" in page
    flat = squash("\n".join(pages))
    assert "повреждение0" in flat and "повреждение599" in flat and squash("последняя строка заключения") in flat
    for n in (1, 20, 40):
        assert squash(f"Членов{n} Иван Иванович") in flat
    assert "\n".join(pages).count("подпись") == 40


def test_user_text_is_printed_as_written_never_read_as_markup(
    make_store: StoreFactory, v2_data: dict[str, Any], tmp_path: Path,
) -> None:
    act = v2_data["claims"][0]["inspection"]
    act["members"] = [f"председатель, {HOSTILE}"]
    act["findings"] = "стекло <br/> & крыша </para>"
    store = make_store(v2_data, dict(OFFICE, office_name=HOSTILE))
    out = build_report(store, "inspection-act", tmp_path / "act.pdf", number="CLM-2026-0001", lang="ru",
                       made_at=MADE_AT)
    flat = squash("\n".join(pdf_pages(out)))
    assert squash(HOSTILE) in flat
    assert squash("стекло <br/> & крыша </para>") in flat


def test_a_members_number_never_runs_into_the_name(make_store: StoreFactory, v2_data: dict[str, Any],
                                                   tmp_path: Path) -> None:
    """From item 10 the list printed «10.член 8»: the number's column was one digit wide."""
    from pypdf import PdfReader

    v2_data["claims"][0]["inspection"]["members"] = [f"член комиссии № {n}, Членов{n} Иван Иванович"
                                                     for n in range(1, 120)]
    out = build_report(make_store(v2_data, OFFICE), "inspection-act", tmp_path / "act.pdf", number="CLM-2026-0001",
                       lang="ru", made_at=MADE_AT)
    starts: dict[str, float] = {}  # «10.» and «член комиссии № 10,» → where each begins on its line
    for page in PdfReader(out).pages:
        page.extract_text(visitor_text=lambda text, cm, tm, font, size: starts.setdefault(text.strip(), cm[4]))
    for n in (9, 10, 99, 100, 119):
        bullet = f"{n}."
        member = next(t for t in starts if t.startswith(f"член комиссии № {n},"))
        # a digit of the 12-point serif is 6 points wide, the dot 3: a space's width (3 points) at least after it
        assert starts[member] - starts[bullet] >= 6 * len(str(n)) + 3 + 3, (n, starts[bullet], starts[member])
