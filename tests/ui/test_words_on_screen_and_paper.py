"""Screen and paper say the same word for every enum value, in Russian and in English."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.domain import words
from desktop.domain.enums import ClaimStatus, IncidentKind, IncidentStatus
from desktop.reports import build_report
from desktop.ui import i18n, labels
from desktop.ui.models.registers import ClaimRegisterModel, IncidentRegisterModel
from desktop.ui.widgets.filter_bar import FilterBar
from tests.reports.pdfcheck import MADE_AT, pdf_text, squash
from tests.ui.conftest import TODAY

EVERY_VALUE = [member for enum in words.ENUM_LABELS for member in enum]


@pytest.fixture(params=["ru", "en"])
def lang(request: pytest.FixtureRequest) -> str:
    """The window in this language, with its real catalogue (a stray translation of a label shows)."""
    i18n.install(request.param)
    return request.param


def test_every_value_reads_on_screen_as_on_paper(lang: str) -> None:
    different = [(m, labels.enum_label(m), words.label(m, lang)) for m in EVERY_VALUE  # type: ignore[arg-type]
                 if labels.enum_label(m) != words.label(m, lang)]  # type: ignore[arg-type]
    assert different == []


def test_filter_combos_offer_the_paper_words(qtbot, lang: str) -> None:
    for mode, enums in ((FilterBar.INCIDENTS, (IncidentKind, IncidentStatus)), (FilterBar.CLAIMS, (ClaimStatus,))):
        bar = FilterBar(mode)
        qtbot.addWidget(bar)
        combos = [bar.kind, bar.incident_status] if mode == FilterBar.INCIDENTS else [bar.claim_status]
        for combo, enum in zip(combos, enums, strict=True):
            assert combo is not None
            shown = {combo.itemData(i): combo.itemText(i) for i in range(1, combo.count())}
            assert shown == {m.value: words.label(m, lang) for m in enum}  # type: ignore[arg-type]


def test_registers_and_printed_reports_name_statuses_and_kinds_alike(sample_store, tmp_path: Path, lang: str) -> None:
    claims = ClaimRegisterModel(sample_store, today=TODAY)
    statuses = {claims.data(claims.index(r, claims.column_of("status"))) for r in range(claims.rowCount())}
    register = squash(pdf_text(build_report(sample_store, "register", tmp_path / "register.pdf", lang=lang,
                                            made_at=MADE_AT)))
    assert len(statuses) >= 3
    for word in statuses:
        assert squash(word) in register, word

    incidents = IncidentRegisterModel(sample_store)
    row = next(r for r in range(incidents.rowCount())
               if incidents.data(incidents.index(r, incidents.column_of("reference"))) == words.shown_number("INC-2026-0001", lang))  # type: ignore[arg-type]
    kind = incidents.data(incidents.index(row, incidents.column_of("kind")))
    report = squash(pdf_text(build_report(sample_store, "incident", tmp_path / "incident.pdf", reference="INC-2026-0001",
                                          lang=lang, made_at=MADE_AT)))
    assert squash(kind) in report
