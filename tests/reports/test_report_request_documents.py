"""The letter asking a claimant for the documents still missing."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from desktop.domain.enums import DocumentKind
from desktop.domain.words import label, shown_number
from desktop.reports import ReportError, build_report, missing_documents
from desktop.storage import Store
from tests.reports.conftest import StoreFactory
from tests.reports.pdfcheck import ID_DOCUMENTS, MADE_AT, OFFICE, pdf_pages, squash

MISSING_FOR_KUZNETSOV = [
    DocumentKind.PERSONAL_DATA_CONSENT,
    DocumentKind.VEHICLE_REGISTRATION,
    DocumentKind.DAMAGE_ASSESSMENT,
    DocumentKind.BANK_DETAILS,
]


@pytest.mark.parametrize("lang", ["ru", "en"])
def test_letter_lists_every_missing_document_and_is_ready_to_sign(store: Store, tmp_path: Path, lang: str) -> None:
    assert sorted(missing_documents(store, "CLM-2026-0002")) == sorted(MISSING_FOR_KUZNETSOV)
    out = build_report(store, "request-documents", tmp_path / "letter.pdf", number="CLM-2026-0002", lang=lang,
                       made_at=MADE_AT)
    pages = pdf_pages(out)
    text = "\n".join(pages)
    flat = squash(text)
    assert len(pages) == 1
    # The addressee in the dative on Russian paper, as written on English
    assert ("Кузнецову Игорю Петровичу" if lang == "ru" else "Кузнецов Игорь Петрович") in text
    assert "г. Калуга, пер. Луговой, д. 9" in text
    for n, kind in enumerate(sorted(MISSING_FOR_KUZNETSOV, key=list(DocumentKind).index), start=1):
        assert squash(f"{n}.{label(kind, lang)}") in flat, kind
    for received in (DocumentKind.APPLICATION, DocumentKind.IDENTITY_DOCUMENT):
        assert squash(label(received, lang)) not in flat
    assert shown_number("CLM-2026-0002", lang) in text and "15.09.2026" in text  # «З-2026-0002» in Russian
    assert shown_number("INC-2026-0001", lang) in text
    assert squash("Kia Rio, 2016, серый, М456ОР40") in flat
    assert squash(OFFICE["office_address"]) in flat  # where to bring the papers
    assert OFFICE["signatory_position"] in text and OFFICE["signatory_name"] in text
    assert not any(doc in text for doc in ID_DOCUMENTS)
    # The papers by the office's default of 10 days after the letter is made (26.09.2026)
    if lang == "ru":
        assert "Уважаемый Игорь Петрович!" in text
        assert "О представлении документов" in text
        assert squash("просим представить до 06.10.2026 следующие документы:") in flat
    else:
        assert "Dear Игорь Петрович," in text
        assert "Request for documents" in text
        assert squash("please submit the following documents by 06.10.2026:") in flat


def test_organisation_is_addressed_without_a_personal_salutation(
    make_store: StoreFactory, sample_data: dict[str, Any], tmp_path: Path
) -> None:
    sample_data["claims"][3]["status"] = "under_review"  # the water utility's claim, reopened on appeal
    store = make_store(sample_data, {})
    out = build_report(store, "request-documents", tmp_path / "letter.pdf", number="CLM-2026-0004", lang="ru",
                       made_at=MADE_AT)
    text = "\n".join(pdf_pages(out))
    assert "Уважаемые господа!" in text
    assert squash(label(DocumentKind.OWNERSHIP_PROOF, "ru")) in squash(text)


def test_nothing_to_ask_for_is_an_error_not_an_empty_letter(
    make_store: StoreFactory, sample_data: dict[str, Any], tmp_path: Path
) -> None:
    claim = sample_data["claims"][1]  # CLM-2026-0002, under review, has the application and the passport
    for kind in ("personal_data_consent", "vehicle_registration", "damage_assessment", "bank_details"):
        claim["documents"].append({"kind": kind, "received_on": "2026-09-16"})
    store = make_store(sample_data, {})
    assert missing_documents(store, "CLM-2026-0002") == []
    with pytest.raises(ReportError) as caught:
        build_report(store, "request-documents", tmp_path / "letter.pdf", number="CLM-2026-0002")
    assert caught.value.code == "nothing_missing"
    assert "З-2026-0002" in caught.value.text("ru") and "запрашивать нечего" in caught.value.text("ru")
    assert "CLM-2026-0002" in caught.value.text("en")
    assert not (tmp_path / "letter.pdf").exists()


@pytest.mark.parametrize("number", ["CLM-2026-0001", "CLM-2026-0003", "CLM-2026-0004"])  # paid, rejected, approved
def test_a_decided_claim_gets_no_letter(store: Store, tmp_path: Path, number: str) -> None:
    assert missing_documents(store, number) == []
    with pytest.raises(ReportError) as caught:
        build_report(store, "request-documents", tmp_path / "letter.pdf", number=number)
    assert caught.value.code == "claim_decided"
    assert number in caught.value.text("en") and "already decided" in caught.value.text("en")
    assert not (tmp_path / "letter.pdf").exists()


@pytest.mark.parametrize(("days", "due"), [(1, "27.09.2026"), (14, "10.10.2026"), (90, "25.12.2026")])
def test_the_date_to_bring_the_papers_follows_the_office_setting(
    make_store: StoreFactory, sample_data: dict[str, Any], tmp_path: Path, days: int, due: str
) -> None:
    from datetime import date

    from desktop.domain import deadlines

    assert deadlines.documents_due(date(2026, 9, 26), days).strftime("%d.%m.%Y") == due
    store = make_store(sample_data, {**OFFICE, "documents_due_days": days})  # type: ignore[dict-item]
    out = build_report(store, "request-documents", tmp_path / "letter.pdf", number="CLM-2026-0002", lang="ru",
                       made_at=MADE_AT)
    assert squash(f"просим представить до {due} следующие документы:") in squash("\n".join(pdf_pages(out)))


@pytest.mark.parametrize(("kind", "name", "addressee", "greeting"), [
    ("person", "Смирнова Анна Викторовна", "Смирновой Анне Викторовне", "Уважаемая Анна Викторовна!"),
    ("entrepreneur", "Гусев Олег Викторович", "Гусев Олег Викторович", "Уважаемый Олег Викторович!"),
    ("person", "Мамедов Рашид Ахмед оглы", "Мамедову Рашиду Ахмед оглы", "Уважаемый Рашид Ахмед оглы!"),
])
def test_the_claimant_is_addressed_and_greeted_by_declension(
    make_store: StoreFactory, sample_data: dict[str, Any], tmp_path: Path, kind: str, name: str, addressee: str,
    greeting: str,
) -> None:
    claimant = next(p for p in sample_data["people"] if p["id"] == sample_data["claims"][1]["claimant_id"])
    claimant.update(kind=kind, full_name=name)
    claimant.pop("inn", None)
    store = make_store(sample_data, OFFICE)
    out = build_report(store, "request-documents", tmp_path / "letter.pdf", number="CLM-2026-0002", lang="ru",
                       made_at=MADE_AT)
    text = "\n".join(pdf_pages(out))
    assert squash(addressee) in squash(text)
    assert greeting in text
