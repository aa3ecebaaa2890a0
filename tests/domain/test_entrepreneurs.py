"""Entrepreneurs (индивидуальный предприниматель): a person kind of its own, 12-digit INN, «ИП»."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from desktop.domain.documents import RequiredDocuments
from desktop.domain.enums import ClaimKind, ClaimStatus, DocumentKind, IncidentKind, IncidentStatus, PersonKind
from desktop.domain.errors import FieldError
from desktop.domain.models import Claim, Incident, Person, Vehicle
from desktop.domain.parse import read_person
from desktop.domain.rules import person_problems
from desktop.domain.serialize import person_to_dict
from desktop.domain.values import check_inn
from desktop.domain.words import label

NOW = datetime(2026, 9, 26, 12, 0, tzinfo=UTC)


def ip(inn: str | None) -> Person:
    return Person(id="e", kind=PersonKind.ENTREPRENEUR, full_name="ИП Гусев Олег Викторович", inn=inn)


def test_the_kind_is_shown_as_ip():
    assert PersonKind("entrepreneur") is PersonKind.ENTREPRENEUR
    assert label(PersonKind.ENTREPRENEUR, "ru") == "ИП"
    assert label(PersonKind.ENTREPRENEUR, "en") == "sole proprietor"
    assert list(PersonKind) == [PersonKind.PERSON, PersonKind.ENTREPRENEUR, PersonKind.ORGANISATION]


def test_an_entrepreneurs_inn_has_twelve_digits_with_check_digits():
    assert person_problems(ip("402700000071"), NOW) == []
    problems = person_problems(ip("4705012348"), NOW)
    assert [(p.path, p.error.code) for p in problems] == [("inn", "inn_entrepreneur")]
    assert problems[0].text("ru") == "inn: ИНН индивидуального предпринимателя — 12 цифр, получено 10"
    assert problems[0].text("en") == "inn: a sole proprietor's INN has 12 digits, got 10"
    with pytest.raises(FieldError) as e:
        check_inn("402700000072")
    assert e.value.code == "inn_check"
    with pytest.raises(FieldError) as e:
        check_inn("12345")
    assert e.value.text("ru") == "10 цифр (организация) или 12 цифр (физическое лицо или ИП), получено 12345"


def test_read_and_written_as_the_interchange_names_it():
    problems: list = []
    person = read_person({"id": "5D8F0B0E-3C1A-5B1E-9A44-2F6F7D0C9E11", "kind": "entrepreneur",
                          "full_name": "ИП Гусев Олег Викторович", "inn": "402700000071"}, "people[0]", problems)
    assert problems == [] and person.kind is PersonKind.ENTREPRENEUR
    assert person_to_dict(person)["kind"] == "entrepreneur"


def test_an_entrepreneur_brings_an_individuals_documents():
    incident = Incident(id="i", kind=IncidentKind.UAV_DEBRIS, occurred_at=NOW, region="r", district="d", location="l",
                        status=IncidentStatus.OPEN,
                        vehicles=[Vehicle(id="v", make="ГАЗ", plate="А123ВС40", damage="x", severity="minor")])
    claim = Claim(id="c", incident_id="i", claimant_id="e", items=["v"], kind=ClaimKind.DAMAGE_COMPENSATION,
                  filed_on=date(2026, 9, 20), status=ClaimStatus.RECEIVED)
    needed = RequiredDocuments().for_claim(claim, incident, PersonKind.ENTREPRENEUR)
    assert DocumentKind.IDENTITY_DOCUMENT in needed and DocumentKind.PERSONAL_DATA_CONSENT in needed
    assert DocumentKind.IDENTITY_DOCUMENT not in RequiredDocuments().for_claim(claim, incident, PersonKind.ORGANISATION)


def test_an_entrepreneur_has_the_persons_gender():
    from desktop.domain.declension import gender_of

    assert gender_of("ИП Гусев Олег Викторович", "entrepreneur") == "male"
    assert gender_of("Гусева Ольга Викторовна", "entrepreneur") == "female"
    assert gender_of("ИП Гусева Ольга Викторовна") == "female"  # written as an entrepreneur
    assert gender_of("ООО «Ромашка»", "organisation") is None
