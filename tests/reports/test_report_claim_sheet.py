"""Claim sheet: claimant with identity document, items, document checklist, decision, payment, signature."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from desktop.reports import build_report
from desktop.storage import Store
from tests.reports.conftest import StoreFactory
from tests.reports.pdfcheck import MADE_AT, OFFICE, pdf_pages, pdf_text, squash


def sheet(store: Store, tmp_path: Path, number: str, lang: str) -> str:
    out = build_report(store, "claim", tmp_path / f"{number}-{lang}.pdf", number=number, lang=lang, made_at=MADE_AT)
    return pdf_text(out)


def test_person_claim_in_russian(store: Store, tmp_path: Path) -> None:
    text = sheet(store, tmp_path, "CLM-2026-0001", "ru")
    flat = squash(text)
    assert "Карточка заявления № З-2026-0001" in text and "П-2026-0001" in text and "CLM-" not in text
    # claimant, with the personal data only this sheet prints
    claimant = store.get_person("a1ce76ea-a2fd-595a-9903-42167a818bb3")
    assert claimant is not None and claimant.phone
    for value in ("Смирнова Анна Викторовна", "17.03.1984", "паспорт 2904 518233", "402701234570",
                  "г. Калуга, ул. Прудная, д. 4, кв. 12", claimant.phone):
        assert squash(value) in flat, value
    # the claimed car and its estimate
    assert "А123ВС40" in text and "XTAGFL110KY123456" in text
    assert "48 500,00 ₽" in text
    # checklist: the five papers received, with their dates, and the consent missing
    for paper, when in (("заявление на имя главы администрации", "14.09.2026"),
                        ("копия документа, удостоверяющего личность", "14.09.2026"),
                        ("акт обследования комиссии о повреждениях", "16.09.2026"),
                        ("банковские реквизиты для перечисления", "14.09.2026")):
        assert squash(paper) in flat and when in text
    assert squash("согласие на обработку персональных данных (152-ФЗ)") in flat
    assert text.count("НЕ ПРЕДСТАВЛЕН") == 1
    assert "Не представлено обязательных документов: 1." in text
    assert "акт осмотра комиссии" in text  # the document's note
    # decision and payment
    for value in ("РП-112", "20.09.2026", "25.09.2026", "п/п 3391"):
        assert value in text
    # signed by the signatory of the settings, at the end
    last = pdf_pages(tmp_path / "CLM-2026-0001-ru.pdf")[-1]
    assert OFFICE["signatory_position"] in last and OFFICE["signatory_name"] in last and "подпись" in last


def test_organisation_claim_in_english(store: Store, tmp_path: Path) -> None:
    text = sheet(store, tmp_path, "CLM-2026-0004", "en")
    flat = squash(text)
    assert "Claim sheet CLM-2026-0004" in text
    assert squash("ГУП «Водоканал Ленинградской области»") in flat
    assert "organisation" in text and "4705012348" in text
    assert squash("Насосная станция") in flat
    # property claim: ownership proof and bank details missing; no passport asked of an organisation
    assert squash("proof of ownership (deed, extract from the register)") in flat
    assert text.count("MISSING") == 2
    assert "identity document" not in text
    assert "РП-120" in text and "₽2,100,000.00" in text and "₽2,350,000.00" in text
    assert "Not paid." in text
    assert "Required documents missing: 2." in text
    assert OFFICE["signatory_name"] in text and "signature" in text


def test_rejected_claim_prints_the_reason(store: Store, tmp_path: Path) -> None:
    text = sheet(store, tmp_path, "CLM-2026-0003", "ru")
    assert squash("не представлены документы о праве собственности") in squash(text)
    assert "отказано" in text and "РП-118" in text
    assert "Выплата не производилась." in text


@pytest.mark.parametrize("lang", ["ru", "en"])
def test_blank_signature_lines_when_the_settings_have_no_signatory(
    make_store: StoreFactory, sample_data: dict[str, Any], tmp_path: Path, lang: str
) -> None:
    store = make_store(sample_data, {"office_name": "Администрация"})
    text = sheet(store, tmp_path, "CLM-2026-0002", lang)
    assert "______________________________" in text  # a line to write the position on
    assert ("подпись" if lang == "ru" else "signature") in text


# ---- the payment rules' proposal and an approval above it ----------------------------------

CAPS = {"vehicle": {severity: "40000" for severity in ("minor", "moderate", "severe", "destroyed")}}


def v2_store(make_store: StoreFactory, settings: dict[str, Any]) -> Store:
    import copy
    import json

    from tests.samples import sample

    data = copy.deepcopy(json.loads(sample("sample-kaluga-2026-09-v2.json").read_text(encoding="utf-8-sig")))
    return make_store(data, {**OFFICE, **settings})


@pytest.mark.parametrize("lang", ["ru", "en"])
def test_an_approval_above_the_payment_rules_proposal_is_flagged(
    make_store: StoreFactory, tmp_path: Path, lang: str
) -> None:
    # CLM-2026-0001 (v2): the Lada assessed by the commission at 51 200, approved 48 500; a cap of 40 000.
    store = v2_store(make_store, {"payment_rules": CAPS})  # type: ignore[dict-item]
    flat = squash(sheet(store, tmp_path, "CLM-2026-0001", lang))
    if lang == "ru":
        assert squash("Предложено по правилам выплат 40 000,00 ₽") in flat
        assert squash("Одобрено больше предложенного по правилам выплат: одобрено 48 500,00 ₽, "
                      "предложено 40 000,00 ₽ (больше на 8 500,00 ₽).") in flat
    else:
        assert squash("Proposed by the payment rules ₽40,000.00") in flat
        assert squash("Approved above the payment rules' proposal: ₽48,500.00 approved, ₽40,000.00 proposed "
                      "(₽8,500.00 more).") in flat


def test_an_approval_within_the_proposal_is_not_flagged(make_store: StoreFactory, tmp_path: Path) -> None:
    store = v2_store(make_store, {})  # no caps: the inspection's 51 200 is proposed, 48 500 approved
    flat = squash(sheet(store, tmp_path, "CLM-2026-0001", "ru"))
    assert squash("Предложено по правилам выплат 51 200,00 ₽") in flat
    assert squash("Одобрено больше") not in flat


def test_no_flag_when_nothing_was_assessed(
    make_store: StoreFactory, sample_data: dict[str, Any], tmp_path: Path
) -> None:
    for incident in sample_data["incidents"]:
        for item in (*incident.get("vehicles", []), *incident.get("properties", [])):
            item.pop("estimated_cost", None)
    store = make_store(sample_data, {**OFFICE, "payment_rules": CAPS})  # type: ignore[dict-item]
    flat = squash(sheet(store, tmp_path, "CLM-2026-0001", "ru"))
    assert squash("Одобрено больше") not in flat and squash("Предложено по правилам") not in flat
