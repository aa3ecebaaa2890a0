"""Claim sheet: claimant with identity document, items, document checklist, decision, payment, signature."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from desktop.reports import build_report
from desktop.storage import Store
from tests.reports.conftest import StoreFactory
from tests.reports.pdfcheck import MADE_AT, OFFICE, pdf_pages, pdf_text, squash
from tests.v2_variants import v2_data


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


# ---- the claim's v2 path: how it came, registration, executor, answer date, inspection, notice -------

def bold_text(path: Path) -> str:
    """Every piece of text printed in a bold font, squashed."""
    import pypdf

    bold: list[str] = []

    def visit(text: str, cm: Any, tm: Any, font: Any, size: Any) -> None:
        if font is not None and "Bold" in str(font.get("/BaseFont")) and text.strip():
            bold.append(text)

    for page in pypdf.PdfReader(str(path)).pages:
        page.extract_text(visitor_text=visit)
    return squash(" ".join(bold))


def v2_sheet(store: Store, tmp_path: Path, number: str, lang: str, made_at: Any = MADE_AT) -> tuple[str, Path]:
    out = build_report(store, "claim", tmp_path / f"{number}-{lang}.pdf", number=number, lang=lang, made_at=made_at)
    return pdf_text(out), out


def test_the_path_of_a_paid_claim_in_russian(make_store: StoreFactory, tmp_path: Path) -> None:
    store = v2_store(make_store, {})
    text, out = v2_sheet(store, tmp_path, "CLM-2026-0001", "ru")
    flat = squash(text)
    for line in ("Способ поступления лично в администрации",
                 "Регистрация и срок ответа (59-ФЗ)", "Дата регистрации 14.09.2026",
                 "Исполнитель Соколова Ирина Павловна", "Срок ответа 14.10.2026",
                 "Обследование комиссией", "Акт обследования № 12-К от 15.09.2026",
                 "Состав комиссии 1. председатель комиссии, Николаев Павел Андреевич "
                 "2. инженер МКУ «УГХ», Лебедева Дарья Игоревна",
                 "Результаты обследования разбито лобовое стекло, вмятины на капоте",
                 "Размер ущерба по оценке комиссии 51 200,00 ₽",
                 "Решение направлено заявителю 22.09.2026"):
        assert squash(line) in flat, line
    # In the order of the path: received, registered, documents, inspection, decision and its notice, payment
    order = [flat.index(squash(s)) for s in ("Способ поступления", "Дата регистрации", "Документы",
                                              "Акт обследования", "Номер решения", "Решение направлено заявителю",
                                              "Дата выплаты")]
    assert order == sorted(order)
    assert squash("На 26.09.2026") not in flat  # settled: no days left to count
    assert "с нарушением срока" not in text and "НЕ НАПРАВЛЕНО" not in text


def test_the_path_of_an_extended_claim_not_yet_answered_in_english(make_store: StoreFactory, tmp_path: Path) -> None:
    store = v2_store(make_store, {})
    text, out = v2_sheet(store, tmp_path, "CLM-2026-0004", "en")
    flat = squash(text)
    for line in ("How it came by e-mail", "Registered on 18.09.2026 (the filing day)",
                 "Executor Тихонов Глеб Романович",
                 "Answer due extended until 10.11.2026 (originally 18.10.2026)",
                 "Reason for the extension запрошено заключение эксперта о стоимости восстановления",
                 "Claimant told of the extension 15.10.2026",
                 "No inspection by the commission recorded.",
                 "Decision sent to the claimant NOT SENT: the claimant has no answer yet"):
        assert squash(line) in flat, line
    assert squash("NOT SENT: the claimant has no answer yet") in bold_text(out)


@pytest.mark.parametrize(("registered", "late"), [("2026-09-18", False), ("2026-09-19", True)])
def test_registration_on_day_3_is_in_time_and_day_4_late(make_store: StoreFactory, tmp_path: Path,
                                                         registered: str, late: bool) -> None:
    data = v2_data()
    data["claims"][1]["registered_on"] = registered  # CLM-2026-0002, filed 15.09.2026: register by 18.09
    store = make_store(data, OFFICE)
    text, out = v2_sheet(store, tmp_path, "CLM-2026-0002", "ru")
    shown = f"{registered[8:10]}.09.2026"
    marked = squash(f"Дата регистрации {shown} — с нарушением срока регистрации (срок — 18.09.2026)")
    assert (marked in squash(text)) is late
    assert (squash("с нарушением срока регистрации") in bold_text(out)) is late
    if not late:
        assert squash(f"Дата регистрации {shown}") in squash(text)


@pytest.mark.parametrize(("when", "state", "bold"), [
    ("2026-10-17T10:00:00+03:00", "до срока ответа 1 дн.", False),
    ("2026-10-18T10:00:00+03:00", "срок ответа — сегодня", False),  # day 30 after registration: the answer date
    ("2026-10-19T10:00:00+03:00", "ответ просрочен на 1 дн.", True),  # day 31: overdue
])
def test_an_open_claims_answer_date_at_its_edges(make_store: StoreFactory, tmp_path: Path, when: str, state: str,
                                                 bold: bool) -> None:
    from datetime import datetime

    data = v2_data()
    data["claims"][1]["registered_on"] = "2026-09-18"
    store = make_store(data, OFFICE)
    made_at = datetime.fromisoformat(when)
    text, out = v2_sheet(store, tmp_path, "CLM-2026-0002", "ru", made_at)
    assert squash(f"Срок ответа 18.10.2026 На {made_at:%d.%m.%Y} {state}") in squash(text)
    assert (squash(state) in bold_text(out)) is bold


def test_a_reopened_claim_keeps_its_decision_with_no_notice_recorded(make_store: StoreFactory, tmp_path: Path) -> None:
    data = v2_data()
    data["claims"][3]["status"] = "under_review"  # CLM-2026-0004 reopened: the approval kept, never sent
    store = make_store(data, OFFICE)
    text, out = v2_sheet(store, tmp_path, "CLM-2026-0004", "ru")
    flat = squash(text)
    assert squash("Решение направлено заявителю не направлено") in flat and "НЕ НАПРАВЛЕНО" not in text
    assert squash("Срок ответа продлён до 10.11.2026 (первоначальный срок — 18.10.2026)") in flat
    assert squash("На 26.09.2026 до срока ответа 45 дн.") in flat


def test_a_version_1_claim_says_what_was_not_recorded(store: Store, tmp_path: Path) -> None:
    text = sheet(store, tmp_path, "CLM-2026-0002", "ru")  # the v1 sample: no way, registration or executor
    flat = squash(text)
    for line in ("Способ поступления не указан", "Дата регистрации 15.09.2026 (в день подачи)",
                 "Исполнитель не назначен", "Срок ответа 15.10.2026", "Обследование комиссией не проводилось."):
        assert squash(line) in flat, line


def test_long_findings_members_and_reason_flow_over_pages(make_store: StoreFactory, tmp_path: Path) -> None:
    from tests.reports.test_report_long_text import WORD_CHAR, assert_whole, long_word, words

    data = v2_data()
    claim = data["claims"][0]
    findings = words(700, "акт") + " " + long_word(3000)
    assert 9000 < len(findings) <= 10_000  # the longest the import accepts
    claim["inspection"]["findings"] = findings
    claim["inspection"]["members"] = [f"член комиссии {n} <&>, Членов{n} Ч. Ч." for n in range(40)]
    claim["extension"] = {"until": "2026-11-13", "reason": words(150, "прод"), "notice_sent_on": "2026-10-01"}
    store = make_store(data, OFFICE)
    text, out = v2_sheet(store, tmp_path, "CLM-2026-0001", "ru")
    assert_whole(text, findings, "акт", word=3000)
    assert_whole(text, claim["extension"]["reason"], "прод")
    flat = squash(text)
    assert all(squash(f"{n + 1}. член комиссии {n} <&>, Членов{n} Ч. Ч.") in flat for n in range(40))
    assert flat.count(WORD_CHAR) == 3000
    pages = pdf_pages(out)
    assert len(pages) >= 4
    assert all(f"Страница {n} из {len(pages)}" in page for n, page in enumerate(pages, start=1))
    assert OFFICE["signatory_name"] in pages[-1]


def test_the_commissions_act_counts_as_its_paper_on_the_sheet(make_store: StoreFactory, tmp_path: Path) -> None:
    """The form and the approval count an act with its number and date as «акт обследования»
    (`documents.received_documents`); the sheet printed it as missing."""
    data = v2_data()
    claim = data["claims"][0]
    claim["documents"] = [d for d in claim["documents"] if d["kind"] != "damage_assessment"]
    act = claim["inspection"]
    store = make_store(data, OFFICE)
    text = sheet(store, tmp_path, "CLM-2026-0001", "ru")
    row = squash(text).split(squash("акт обследования комиссии о повреждениях"), 1)[1][:30]
    day = ".".join(reversed(act["date"].split("-")))
    assert row.startswith(squash(f"да {day} {act['number']}")), row  # required, received on the act's day, its number
    assert text.count("НЕ ПРЕДСТАВЛЕН") == 1  # the consent only, as with the paper ticked
