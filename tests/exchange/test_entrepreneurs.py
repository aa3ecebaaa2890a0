"""Entrepreneurs through the import and the export (interchange.md: Person `kind` `entrepreneur`)."""

from __future__ import annotations

import pytest

from desktop.domain.enums import PersonKind
from desktop.domain.errors import ValidationFailed
from desktop.exchange import export_document, import_document

ENTREPRENEUR = {
    "id": "5d8f0b0e-3c1a-5b1e-9a44-2f6f7d0c9e11", "kind": "entrepreneur", "full_name": "ИП Гусев Олег Викторович",
    "phone": "+7 (4842) 22-33-44 доб. 105", "inn": "402700000071",
}


def document(*people: dict) -> dict:
    return {"format": "incident-log", "version": 1, "exported_at": "2026-09-26T10:00:00+03:00",
            "people": list(people), "incidents": [], "claims": []}


def test_an_entrepreneur_is_imported_and_exported_as_one(store):
    import_document(store, document(ENTREPRENEUR))
    assert store.get_person(ENTREPRENEUR["id"]).kind is PersonKind.ENTREPRENEUR
    [written] = export_document(store)["people"]
    assert written["kind"] == "entrepreneur" and written["inn"] == "402700000071"
    assert written["phone"] == "+74842223344;ext=105"


def test_an_entrepreneur_with_an_organisations_inn_is_refused(store):
    with pytest.raises(ValidationFailed) as e:
        import_document(store, document({**ENTREPRENEUR, "inn": "4705012348"}))
    assert [p.text() for p in e.value.problems] == ["people[0].inn: a sole proprietor's INN has 12 digits, got 10"]
