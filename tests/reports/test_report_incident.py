"""Incident report: the incident, every damaged item with its owner and cost, its claims, totals."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from desktop.domain.words import money, shown_number
from desktop.reports import build_report
from desktop.storage import Store
from tests.reports.pdfcheck import MADE_AT, pdf_text, squash


def report(store: Store, tmp_path: Path, reference: str, lang: str) -> str:
    out = build_report(store, "incident", tmp_path / f"{reference}-{lang}.pdf", reference=reference, lang=lang,
                       made_at=MADE_AT)
    return pdf_text(out)


def plain(amount: str, lang: str) -> str:
    return money(Decimal(amount), lang).replace("\u00a0", " ")  # pdf_text makes no-break spaces plain


@pytest.mark.parametrize("lang", ["ru", "en"])
def test_every_vehicle_owner_and_claim_with_totals(store: Store, tmp_path: Path, lang: str) -> None:
    text = report(store, tmp_path, "INC-2026-0001", lang)
    flat = squash(text)
    incident = store.get_incident_by_reference("INC-2026-0001")
    assert incident is not None and len(incident.vehicles) == 3
    owners = store.people_by_ids([v.owner_id for v in incident.vehicles if v.owner_id])
    for vehicle in incident.vehicles:
        assert squash(f"{vehicle.make} {vehicle.model}") in flat
        assert vehicle.plate and vehicle.plate in text
        if vehicle.vin:
            assert vehicle.vin in text
        assert squash(vehicle.damage) in flat
        assert squash(owners[vehicle.owner_id].full_name) in flat  # type: ignore[index]
        assert plain(str(vehicle.estimated_cost), lang) in text
    # the three estimates (48 500 + 112 000 + 9 800,50) add up, in the vehicles' total and overall
    assert text.count(plain("170300.50", lang)) >= 3  # vehicles' total, estimated damage, requested
    for claim in store.claims_for_incident(incident.id):
        assert claim.number and shown_number(claim.number, lang) in text  # «З-2026-0001» on Russian paper
    for name in ("Смирнова Анна Викторовна", "Кузнецов Игорь Петрович", "Ахмедов Рустам Ильдарович"):
        assert squash(name) in flat
    # claims' totals: requested 170 300,50, approved 48 500 (CLM-1 only), paid 48 500
    assert text.count(plain("48500", lang)) >= 5  # estimate, requested, approved, paid, and totals
    assert "Telegram-канал губернатора Калужской области" in text
    assert "12.09.2026 02:40" in text
    if lang == "ru":
        assert "Справка о происшествии П-2026-0001" in text and "INC-2026" not in text
        assert "падение обломков БПЛА" in text
        assert "выплачено" in text and "на рассмотрении" in text and "отказано" in text
        assert "Повреждённое имущество не зарегистрировано." in text
    else:
        assert "Incident report INC-2026-0001" in text
        assert "debris of a downed UAV" in text
        assert "paid" in text and "under review" in text and "rejected" in text
        assert "No damaged property recorded." in text


@pytest.mark.parametrize("lang", ["ru", "en"])
def test_property_with_its_owner_and_cost(store: Store, tmp_path: Path, lang: str) -> None:
    text = report(store, tmp_path, "INC-2026-0002", lang)
    flat = squash(text)
    assert "Насосная станция" in text
    assert squash("ГУП «Водоканал Ленинградской области»") in flat
    assert squash("пожар в машинном зале, повреждена кровля") in flat
    assert plain("2350000", lang) in text
    assert shown_number("CLM-2026-0004", lang) in text
    assert plain("2100000", lang) in text  # the approved amount
    assert squash("объект инфраструктуры" if lang == "ru" else "infrastructure") in flat


def test_a_long_description_wraps_inside_the_page(
    make_store, sample_data, tmp_path: Path  # type: ignore[no-untyped-def]
) -> None:
    words = " ".join(f"слово{n}" for n in range(400))
    sample_data["incidents"][0]["description"] = words
    store = make_store(sample_data, {})
    text = report(store, tmp_path, "INC-2026-0001", "ru")
    assert squash(words) in squash(text)  # every word printed, none cut off at the margin


class Stop(Exception):
    pass


def test_a_large_incident_reports_each_page_as_it_is_begun_and_stops_when_asked(tmp_path: Path) -> None:
    """An incident of 20,000 cars runs to over a thousand pages: the window counts them, and its
    Cancel stops the build at the next page (it went on to the end, then threw the file away)."""
    import json

    from pypdf import PdfReader

    from desktop.exchange import import_file
    from tests.synthetic import document

    source = tmp_path / "big.json"
    source.write_text(json.dumps(document(300, vehicles_per_incident=None), ensure_ascii=False), encoding="utf-8")
    store = Store.open(tmp_path / "log.sqlite3")
    import_file(store, source)
    incident = next(store.iter_incident_rows())
    pages: list[int] = []
    out = build_report(store, "incident", tmp_path / "big.pdf", reference=incident.reference, progress=pages.append)
    whole = len(PdfReader(out).pages)
    assert whole > 10 and pages == list(range(1, whole + 1))

    asked: list[int] = []

    def cancel_at_two(page: int) -> None:
        asked.append(page)
        if page == 2:
            raise Stop()

    with pytest.raises(Stop):
        build_report(store, "incident", tmp_path / "stopped.pdf", reference=incident.reference, progress=cancel_at_two)
    assert asked == [1, 2]
    assert not list(tmp_path.glob("stopped*"))  # nothing left of it, no .part either
    store.close()
