"""`report payment-register`: approved, unpaid claims for the finance department, PDF and xlsx."""

from __future__ import annotations

import json
from datetime import datetime
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import load_workbook

from desktop import cli
from desktop.domain.enums import ClaimStatus
from desktop.domain.views import Filters
from desktop.reports import ReportError, build_report
from desktop.reports.payment_register import total_line
from desktop.storage import Store
from tests.reports.conftest import StoreFactory
from tests.reports.pdfcheck import HOSTILE, ID_DOCUMENTS, MADE_AT, OFFICE, pdf_pages, squash
from tests.v2_variants import VEHICLE_CAPS, two_approved, v2_data


@pytest.fixture
def two_store(make_store: StoreFactory) -> Store:
    return make_store(two_approved(v2_data()), {**OFFICE, "payment_rules": VEHICLE_CAPS})  # type: ignore[dict-item]


@pytest.mark.parametrize("lang", ["ru", "en"])
def test_the_register_lists_payees_bank_details_decisions_and_the_total_in_words(two_store: Store, tmp_path: Path,
                                                                                  lang: str) -> None:
    out = build_report(two_store, "payment-register", tmp_path / "pay.pdf", lang=lang, made_at=MADE_AT)
    pages = pdf_pages(out)
    text = "\n".join(pages)
    flat = squash(text)
    assert len(pages) == 1
    assert squash("Кузнецов Игорь Петрович") in flat and squash("ГУП «Водоканал Ленинградской области»") in flat
    assert "4705012348" in text  # the organisation's INN beside its name
    assert "РП-120" in text and "24.09.2026" in text and "РП-121" in text and "25.09.2026" in text
    # Paid and rejected claims, and the claim under review before, are not on it
    assert "РП-112" not in text and "РП-118" not in text and "Смирнова" not in text
    assert not any(doc in text for doc in ID_DOCUMENTS)
    if lang == "ru":
        assert "Реестр на выплату помощи" in text
        assert squash("получены 24.09.2026") in flat and "НЕ ПРЕДСТАВЛЕНЫ" in text
        assert squash("выше правил выплат: предложено 78 400,00 ₽") in flat
        assert squash("Итого заявлений: 2") in flat and squash("2 185 000,00 ₽") in flat
        assert squash("Итого к выплате: 2 185 000,00 ₽ (два миллиона сто восемьдесят пять тысяч рублей 00 копеек).") in flat
        assert squash("Не представлены реквизиты счёта: 1") in flat
        assert squash("Одобрено больше предложенного по правилам выплат: 1") in flat
        for role in ("Исполнитель", "Главный бухгалтер", OFFICE["signatory_position"]):
            assert squash(role) in flat
        assert OFFICE["signatory_name"] in text and text.count("подпись") == 3
        assert "Страница 1 из 1" in text
    else:
        assert "Register of assistance payments" in text
        assert squash("received 24.09.2026") in flat and "NOT RECEIVED" in text
        assert squash("above the rules: ₽78,400.00 proposed") in flat
        assert squash("Total to pay: ₽2,185,000.00 (two million one hundred eighty-five thousand roubles 00 kopecks).") in flat
        assert "Chief accountant" in text and "Page 1 of 1" in text
    assert OFFICE["office_name"] in text


def test_the_workbook_has_real_numbers_and_dates(two_store: Store, tmp_path: Path) -> None:
    out = build_report(two_store, "payment-register", tmp_path / "pay.xlsx", lang="ru", made_at=MADE_AT)
    book = load_workbook(out)
    assert book.properties.creator == "Incident Log"
    sheet = book.active
    rows = list(sheet.iter_rows(values_only=True))
    head = next(n for n, r in enumerate(rows) if r[0] == "№")
    body = rows[head + 1: head + 3]
    assert [r[1] for r in body] == ["З-2026-0002", "З-2026-0004"]
    assert [r[8] for r in body] == [85000, 2100000]
    assert all(isinstance(r[8], (int, float)) for r in body)
    assert body[0][2] == datetime(2026, 9, 15) and body[0][5] == datetime(2026, 9, 24) and body[1][5] == "НЕ ПРЕДСТАВЛЕНЫ"
    assert body[0][7] == datetime(2026, 9, 25)
    assert body[0][9] == "выше правил выплат: предложено 78\u00a0400,00\u00a0₽" and body[1][9] is None
    total = rows[head + 3]
    assert total[0] == "Итого заявлений: 2" and total[8] == 2185000
    assert "два миллиона сто восемьдесят пять тысяч рублей 00 копеек" in rows[head + 4][0]
    r = head + 2  # 1-based row of the first claim
    assert sheet.cell(row=r, column=9).number_format == '#,##0.00 "₽"'
    assert sheet.cell(row=r, column=3).number_format == "DD.MM.YYYY"


def test_filters_narrow_it_and_another_status_is_refused(two_store: Store, tmp_path: Path,
                                                          capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "pay.pdf"
    assert cli.main(["--db", str(two_store.path), "report", "payment-register", "--district", "г. Калуга", "-o",
                     str(out), "--lang", "ru"]) == 0
    text = "\n".join(pdf_pages(out))
    assert "Кузнецов" in text and "Водоканал" not in text and squash("Район: г. Калуга") in squash(text)
    assert cli.main(["--db", str(two_store.path), "report", "payment-register", "--status", "paid", "-o",
                     str(out), "--lang", "ru"]) == 2
    assert "только одобренные" in capsys.readouterr().err
    with pytest.raises(ReportError):
        build_report(two_store, "payment-register", out, filters=Filters(status=ClaimStatus.REJECTED))
    assert cli.main(["--db", str(two_store.path), "report", "payment-register", "-o", str(tmp_path / "p.xlsx")]) == 0
    assert cli.main(["--db", str(two_store.path), "report", "payment-register", "-o", str(tmp_path / "p.csv")]) == 2


def test_nothing_to_pay_is_said_plainly(make_store: StoreFactory, tmp_path: Path) -> None:
    data = v2_data()
    data["claims"] = data["claims"][:3]  # no approved claim
    store = make_store(data, OFFICE)
    text = "\n".join(pdf_pages(build_report(store, "payment-register", tmp_path / "p.pdf", lang="ru", made_at=MADE_AT)))
    assert "Одобренных заявлений, ожидающих выплаты, нет." in text and "Главный бухгалтер" not in text


def test_hundreds_of_claims_flow_over_pages_with_header_and_numbering(make_store: StoreFactory, tmp_path: Path) -> None:
    data = v2_data()
    template = data["claims"][3]
    incident = next(i for i in data["incidents"] if i["id"] == template["incident_id"])
    people = data["people"]
    for n in range(300):
        person = {"id": f"00000000-0000-4000-8000-{n:012d}", "kind": "person",
                  "full_name": HOSTILE if n == 7 else f"Получателев{n} Пётр Петрович"}
        people.append(person)
        item = {"id": f"00000000-0000-4000-9000-{n:012d}", "kind": "dwelling", "description": f"дом {n}",
                "damage": "окна", "severity": "minor", "owner_id": person["id"], "estimated_cost": "1000"}
        incident["properties"].append(item)
        data["claims"].append({**json.loads(json.dumps(template)), "id": f"00000000-0000-4000-a000-{n:012d}",
                               "number": f"CLM-2026-{n + 100:04d}", "claimant_id": person["id"], "items": [item["id"]],
                               "extension": None, "decision": {"number": f"Р-{n}", "date": "2026-09-24",
                                                               "approved_amount": "1000.01"}})
    store = make_store(data, OFFICE)
    out = build_report(store, "payment-register", tmp_path / "p.pdf", lang="ru", made_at=MADE_AT)
    pages = pdf_pages(out)
    assert len(pages) >= 5
    for n, page in enumerate(pages, start=1):
        assert OFFICE["office_name"] in page and f"Страница {n} из {len(pages)}" in page
        if n < len(pages):  # the last may hold only the total in words and the signatures
            assert "Получатель (заявитель)" in page  # the header on every page of the table
    flat = squash("\n".join(pages))
    assert squash(HOSTILE) in flat and "Получателев299" in flat
    assert squash("Итого заявлений: 301") in flat and squash("2 400 003,00 ₽") in flat  # 2 100 000 + 300 × 1 000,01
    assert squash("(два миллиона четыреста тысяч три рубля 00 копеек)") in flat


def test_the_claims_incidents_are_read_in_one_call_with_only_their_items(two_store: Store, tmp_path: Path,
                                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    from desktop.reports.service import payment_lines

    calls: list[tuple[set[str], set[str]]] = []
    read = two_store.incidents_with_items

    def counted(incident_ids, item_ids):  # type: ignore[no-untyped-def]
        incident_ids, item_ids = set(incident_ids), set(item_ids)
        calls.append((incident_ids, item_ids))
        return read(incident_ids, item_ids)

    def refused(*args, **kwargs):  # type: ignore[no-untyped-def]
        raise AssertionError("an incident read on its own")

    monkeypatch.setattr(two_store, "incidents_with_items", counted)
    monkeypatch.setattr(two_store, "incident_sample", refused)
    lines = list(payment_lines(two_store))
    assert [line.row.number for line in lines] == ["CLM-2026-0002", "CLM-2026-0004"]
    claims = [two_store.get_claim_by_number(n) for n in ("CLM-2026-0002", "CLM-2026-0004")]
    assert calls == [({c.incident_id for c in claims if c}, {i for c in claims if c for i in c.items})]
    assert len(calls[0][0]) == 2  # the two claims' incidents, together
    assert lines[0].proposed is not None and lines[1].proposed is None  # the Kia's cap still reached


def test_a_total_of_a_trillion_or_more_is_given_in_figures_not_refused(make_store: StoreFactory, tmp_path: Path) -> None:
    """Each amount is below 10^12 and so are the words; the sum of two may not be."""
    data = two_approved(v2_data())
    claim = data["claims"][3]
    claim["requested_amount"] = claim["decision"]["approved_amount"] = "999999999999.99"  # the largest amount
    store = make_store(data, OFFICE)
    assert cli.main(["--db", str(store.path), "report", "payment-register", "-o", str(tmp_path / "p.pdf"),
                     "--lang", "ru"]) == 0
    flat = squash("\n".join(pdf_pages(tmp_path / "p.pdf")))
    assert squash("999 999 999 999,99 ₽") in flat and squash("1 000 000 084 999,99 ₽") in flat  # the total row
    assert squash("Итого к выплате: 1 000 000 084 999,99 ₽ (сумма от одного триллиона рублей прописью "
                  "не указывается).") in flat
    out = build_report(store, "payment-register", tmp_path / "p.xlsx", lang="en", made_at=MADE_AT)
    rows = list(load_workbook(out).active.iter_rows(values_only=True))
    assert rows[-2][0] == "Total: 2 claims" and rows[-2][8] == 1000000084999.99
    assert rows[-1][0] == ("Total to pay: ₽1,000,000,084,999.99 (a sum of one trillion roubles or more is not "
                           "written in words).")


@pytest.mark.parametrize(("total", "line"), [
    ("999999999999.99", "Итого к выплате: 999 999 999 999,99 ₽ (девятьсот девяносто девять миллиардов девятьсот "
                        "девяносто девять миллионов девятьсот девяносто девять тысяч девятьсот девяносто девять "
                        "рублей 99 копеек)."),
    ("1000000000000.00", "Итого к выплате: 1 000 000 000 000,00 ₽ (сумма от одного триллиона рублей прописью "
                         "не указывается)."),
])
def test_the_words_stop_where_the_domain_stops(total: str, line: str) -> None:
    assert total_line(Decimal(total), "ru").replace("\u00a0", " ") == line
