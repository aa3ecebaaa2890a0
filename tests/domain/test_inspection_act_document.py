"""The commission's act recorded on a claim is the act's paper received (`domain.documents`)."""

from __future__ import annotations

from datetime import date

from desktop.domain import documents
from desktop.domain.documents import RequiredDocuments
from desktop.domain.enums import DocumentKind, PersonKind
from desktop.domain.models import Document, Inspection
from tests.domain.test_rules import make_claim, make_incident

ACT = Inspection(number="12-К", date=date(2026, 9, 20), members=["председатель, Орлов И. И."], findings="стекло")


def test_an_act_with_its_number_and_date_is_the_act_paper_received_on_its_date() -> None:
    claim = make_claim(inspection=ACT)
    assert documents.act_document(claim) == Document(DocumentKind.DAMAGE_ASSESSMENT, date(2026, 9, 20), note="12-К")
    assert DocumentKind.DAMAGE_ASSESSMENT in documents.received_kinds(claim)
    assert DocumentKind.DAMAGE_ASSESSMENT not in RequiredDocuments().missing(claim, make_incident(), PersonKind.PERSON)
    assert DocumentKind.DAMAGE_ASSESSMENT in RequiredDocuments().missing(make_claim(), make_incident(), PersonKind.PERSON)


def test_an_act_paper_ticked_by_hand_keeps_its_own_date() -> None:
    ticked = Document(DocumentKind.DAMAGE_ASSESSMENT, date(2026, 9, 22))
    claim = make_claim(inspection=ACT, documents=[ticked])
    assert documents.received_documents(claim) == [ticked]


def test_an_act_without_a_number_is_not_yet_the_act() -> None:
    claim = make_claim(inspection=Inspection(number=" ", date=date(2026, 9, 20), members=[], findings=""))
    assert documents.act_document(claim) is None
    assert DocumentKind.DAMAGE_ASSESSMENT not in documents.received_kinds(claim)
