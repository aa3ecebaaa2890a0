"""`report decision-notice`: the written answer to the claimant, read back from the PDF (v2 sample).

CLM-2026-0001 paid (Смирнова Анна Викторовна), CLM-2026-0003 rejected (Ахмедов Рустам Ильдарович),
CLM-2026-0004 approved (ГУП «Водоканал …», no bank details received), CLM-2026-0002 under review.
"""

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
from tests.reports.pdfcheck import HOSTILE, ID_DOCUMENTS, MADE_AT, OFFICE, pdf_pages, squash
from tests.samples import sample

V2 = "sample-kaluga-2026-09-v2.json"


@pytest.fixture
def v2_data() -> dict[str, Any]:
    return copy.deepcopy(json.loads(sample(V2).read_text(encoding="utf-8-sig")))


@pytest.fixture
def v2_store(make_store: StoreFactory, v2_data: dict[str, Any]) -> Store:
    return make_store(v2_data, OFFICE)


def notice(store: Store, tmp_path: Path, number: str, lang: str = "ru") -> str:
    out = build_report(store, "decision-notice", tmp_path / f"{number}-{lang}.pdf", number=number, lang=lang,
                       made_at=MADE_AT)
    pages = pdf_pages(out)
    assert len(pages) == 1
    return pages[0]


def test_an_approval_names_the_amount_in_figures_and_words_and_asks_for_the_account(v2_store: Store,
                                                                                     tmp_path: Path) -> None:
    text = notice(v2_store, tmp_path, "CLM-2026-0004")
    flat = squash(text)
    assert "О результатах рассмотрения заявления" in text
    assert squash("ГУП «Водоканал Ленинградской области»") in flat  # an organisation as written
    assert "Уважаемые господа!" in text
    assert squash("На заявление № З-2026-0004 от 18.09.2026") in flat
    assert squash("Решением № РП-120 от 24.09.2026 Вам предоставлена помощь в размере 2 100 000,00 ₽ "
                  "(два миллиона сто тысяч рублей 00 копеек).") in flat
    assert squash("просим представить реквизиты Вашего банковского счёта") in flat  # none received
    assert OFFICE["signatory_position"] in text and OFFICE["signatory_name"] in text
    assert squash("Исп.: Тихонов Глеб Романович") in flat
    assert OFFICE["office_name"] in text and "Страница 1 из 1" in text
    assert not any(doc in text for doc in ID_DOCUMENTS)


def test_a_paid_claim_says_when_and_by_which_order(v2_store: Store, tmp_path: Path) -> None:
    text = notice(v2_store, tmp_path, "CLM-2026-0001")
    flat = squash(text)
    assert squash("Смирновой Анне Викторовне") in flat and "Уважаемая Анна Викторовна!" in text
    assert squash("48 500,00 ₽ (сорок восемь тысяч пятьсот рублей 00 копеек)") in flat
    assert squash("Денежные средства перечислены 25.09.2026 (п/п 3391).") in flat


def test_a_refusal_gives_the_reason_and_how_to_appeal(v2_store: Store, tmp_path: Path) -> None:
    text = notice(v2_store, tmp_path, "CLM-2026-0003")
    flat = squash(text)
    assert squash("Ахмедову Рустаму Ильдаровичу") in flat and "Уважаемый Рустам Ильдарович!" in text
    assert squash("Решением № РП-118 от 22.09.2026 в предоставлении помощи отказано по следующему основанию: "
                  "не представлены документы о праве собственности.") in flat
    assert squash("59-ФЗ Вы вправе обжаловать это решение главе администрации или в суд") in flat
    assert squash("Кодексом административного судопроизводства Российской Федерации") in flat
    assert "рублей" not in text  # no amount on a refusal


@pytest.mark.parametrize(("kind", "name", "addressee", "greeting"), [
    ("person", "Кузнецов Игорь Петрович", "Кузнецову Игорю Петровичу", "Уважаемый Игорь Петрович!"),
    ("person", "Смирнова Анна Викторовна", "Смирновой Анне Викторовне", "Уважаемая Анна Викторовна!"),
    ("entrepreneur", "ИП Гусев Олег Викторович", "ИП Гусев Олег Викторович", "Уважаемый Олег Викторович!"),
    ("organisation", "ООО «Ромашка»", "ООО «Ромашка»", "Уважаемые господа!"),
], ids=["male", "female", "entrepreneur", "organisation"])
def test_the_claimant_is_addressed_in_the_dative_and_greeted_by_gender(
    make_store: StoreFactory, v2_data: dict[str, Any], tmp_path: Path, kind: str, name: str, addressee: str,
    greeting: str,
) -> None:
    claim = v2_data["claims"][3]  # approved
    claim["decision"]["approved_amount"] = "85000"
    claimant = next(p for p in v2_data["people"] if p["id"] == claim["claimant_id"])
    claimant.update(kind=kind, full_name=name)
    claimant.pop("inn", None)
    store = make_store(v2_data, OFFICE)
    text = notice(store, tmp_path, "CLM-2026-0004")
    flat = squash(text)
    assert squash(addressee) in flat
    assert greeting in text
    assert squash("85 000,00 ₽ (восемьдесят пять тысяч рублей 00 копеек)") in flat


def test_in_english(v2_store: Store, tmp_path: Path) -> None:
    text = notice(v2_store, tmp_path, "CLM-2026-0001", "en")
    flat = squash(text)
    assert "Notice of the decision on your claim" in text
    assert "Смирнова Анна Викторовна" in text and "Dear Анна Викторовна," in text
    assert squash("you are granted assistance of ₽48,500.00 (forty-eight thousand five hundred roubles 00 kopecks)") in flat
    assert "Page 1 of 1" in text
    text = notice(v2_store, tmp_path, "CLM-2026-0003", "en")
    assert squash("you may appeal against this decision to the head of the administration or to a court") in squash(text)


def test_with_bank_details_the_money_goes_to_the_account(make_store: StoreFactory, v2_data: dict[str, Any],
                                                          tmp_path: Path) -> None:
    v2_data["claims"][3]["documents"].append({"kind": "bank_details", "received_on": "2026-09-20"})
    store = make_store(v2_data, OFFICE)
    flat = squash(notice(store, tmp_path, "CLM-2026-0004"))
    assert squash("будут перечислены на указанный Вами банковский счёт") in flat
    assert squash("просим представить реквизиты") not in flat


def test_an_undecided_claim_gets_no_notice(v2_store: Store, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(ReportError) as caught:
        build_report(v2_store, "decision-notice", tmp_path / "n.pdf", number="CLM-2026-0002")
    assert caught.value.code == "not_decided"
    assert "is not decided" in caught.value.text("en") and "на рассмотрении" in caught.value.text("ru")
    assert cli.main(["--db", str(v2_store.path), "report", "decision-notice", "CLM-2026-0002", "-o",
                     str(tmp_path / "n.pdf"), "--lang", "ru"]) == 2
    said = capsys.readouterr().err
    assert "по заявлению З-2026-0002 решения ещё нет" in said and "CLM-" not in said  # the office's number
    assert not (tmp_path / "n.pdf").exists()


def test_the_command_writes_the_notice(v2_store: Store, tmp_path: Path) -> None:
    out = tmp_path / "notice.pdf"
    assert cli.main(["--db", str(v2_store.path), "report", "decision-notice", "З-2026-3", "-o", str(out),
                     "--lang", "ru"]) == 0
    assert "Уважаемый Рустам Ильдарович!" in "\n".join(pdf_pages(out))


def test_a_long_reason_and_hostile_text_flow_and_stay_text(make_store: StoreFactory, v2_data: dict[str, Any],
                                                            tmp_path: Path) -> None:
    claim = v2_data["claims"][2]  # rejected
    claim["decision"]["reason"] = HOSTILE + " " + " ".join(f"основание{n}" for n in range(150))  # 2,000 at most
    claimant = next(p for p in v2_data["people"] if p["id"] == claim["claimant_id"])
    claimant["address"] = "ул. <Садовая> & Co, д. 1, " + " ".join(f"корпус{n}" for n in range(60))
    claimant["notes"] = None
    store = make_store(v2_data, OFFICE)
    out = build_report(store, "decision-notice", tmp_path / "n.pdf", number="CLM-2026-0003", lang="ru",
                       made_at=MADE_AT)
    pages = pdf_pages(out)
    assert len(pages) >= 2  # the text goes on to a second page, headed and numbered as the first
    for n, page in enumerate(pages, start=1):
        assert OFFICE["office_name"] in page and f"Страница {n} из {len(pages)}" in page
    flat = squash("\n".join(pages))
    assert squash(HOSTILE) in flat and "основание149" in flat and "корпус59" in flat and squash("ул. <Садовая> & Co, д. 1") in flat
    assert OFFICE["signatory_name"] in pages[-1]
