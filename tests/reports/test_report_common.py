"""What every report must have: letterhead, date, "page N of M", embedded fonts, escaped text,
and identity documents on the claim sheet only."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from desktop.reports import build_report
from desktop.storage import Store
from tests.reports.pdfcheck import HOSTILE, ID_DOCUMENTS, MADE_AT, OFFICE, page_fonts, pdf_pages, pdf_text, squash

# (kind, keyword arguments) for one report of each kind on the sample
REPORTS = [
    ("incident", {"reference": "INC-2026-0001"}),
    ("claim", {"number": "CLM-2026-0001"}),
    ("register", {}),
    ("incidents", {}),
    ("summary", {}),
    ("request-documents", {"number": "CLM-2026-0002"}),
]


def build(store: Store, kind: str, folder: Path, lang: str, **kwargs: str) -> Path:
    return build_report(store, kind, folder / f"{kind}-{lang}.pdf", lang=lang, made_at=MADE_AT, **kwargs)


@pytest.mark.parametrize("lang", ["ru", "en"])
@pytest.mark.parametrize(("kind", "kwargs"), REPORTS, ids=[k for k, _ in REPORTS])
def test_letterhead_date_and_page_numbers_on_every_page(
    store: Store, tmp_path: Path, kind: str, kwargs: dict[str, str], lang: str
) -> None:
    pages = pdf_pages(build(store, kind, tmp_path, lang, **kwargs))
    made = "Сформировано 26.09.2026 10:00" if lang == "ru" else "Made 26.09.2026 10:00"
    for n, text in enumerate(pages, start=1):
        numbering = f"Страница {n} из {len(pages)}" if lang == "ru" else f"Page {n} of {len(pages)}"
        assert numbering in text, f"page {n}"
        assert OFFICE["office_name"] in text, f"page {n}"
        assert OFFICE["office_address"] in text, f"page {n}"
        assert made in text, f"page {n}"


@pytest.mark.parametrize("lang", ["ru", "en"])
@pytest.mark.parametrize(("kind", "kwargs"), REPORTS, ids=[k for k, _ in REPORTS])
def test_fonts_are_embedded_and_none_is_helvetica(
    store: Store, tmp_path: Path, kind: str, kwargs: dict[str, str], lang: str
) -> None:
    fonts = page_fonts(build(store, kind, tmp_path, lang, **kwargs))
    assert fonts
    not_embedded = [(page, name) for page, name, embedded in fonts if not embedded]
    assert not_embedded == []
    assert all(re.search(r"PT(Sans|Serif)", name) for _, name, _ in fonts), fonts


@pytest.mark.parametrize(("kind", "kwargs"), REPORTS, ids=[k for k, _ in REPORTS])
def test_identity_documents_only_on_the_claim_sheet(
    store: Store, tmp_path: Path, kind: str, kwargs: dict[str, str]
) -> None:
    text = pdf_text(build(store, kind, tmp_path, "ru", **kwargs))
    printed = [doc for doc in ID_DOCUMENTS if doc in text]
    if kind == "claim":
        assert printed == ["2904 518233"]  # the claimant's own, and nobody else's
        assert "паспорт 2904 518233" in text
    else:
        assert printed == []
        assert "паспорт 29" not in text


@pytest.mark.parametrize(("kind", "kwargs"), REPORTS, ids=[k for k, _ in REPORTS])
def test_markup_in_user_text_prints_literally(
    hostile_store: Store, tmp_path: Path, kind: str, kwargs: dict[str, str]
) -> None:
    text = pdf_text(build(hostile_store, kind, tmp_path, "ru", **kwargs))
    assert HOSTILE in text  # the office's name, in the letterhead of every report
    if kind in ("claim", "request-documents"):  # the signatory signs these two
        assert "<Петров & Сидоров>" in text
    if kind in ("incident", "claim", "register"):
        assert squash(text).count(squash(HOSTILE)) >= 2  # also as an owner or claimant
    if kind == "incidents":
        assert squash("двор <i>дома</i> № 5 & гараж") in squash(text)
    if kind == "incident":
        flat = squash(text)
        assert squash("двор <i>дома</i> № 5 & гараж") in flat
        assert squash("a < b > c & d </para>") in flat
        assert squash("стекло <br/> & крыша") in flat
    if kind == "request-documents":
        assert "г. Калуга, ул. <Садовая> & Co, д. 1" in text


def test_report_files_are_pdfs_and_nothing_is_left_beside_them(store: Store, tmp_path: Path) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    for kind, kwargs in REPORTS:
        out = build(store, kind, folder, "ru", **kwargs)
        assert out.read_bytes().startswith(b"%PDF-")
    assert sorted(p.name for p in folder.iterdir()) == sorted(f"{kind}-ru.pdf" for kind, _ in REPORTS)


def test_a_report_is_private_and_appears_only_when_whole(store: Store, tmp_path: Path) -> None:
    """Reports carry personal data: 0600 whatever the umask, written as a listed `.part` meanwhile."""
    import os
    import stat

    from desktop import files
    from desktop.reports import register_report

    folder = tmp_path / "reports"
    folder.mkdir()
    out = folder / "register.pdf"
    out.write_bytes(b"%PDF- the previous register")
    seen: list[tuple[bool, int, bytes, list[Path]]] = []

    def midway(done: int) -> None:  # called while the pages are laid out
        part = folder / "register.pdf.part"
        seen.append((part.exists(), stat.S_IMODE(part.stat().st_mode), out.read_bytes(), files.sweep_unfinished()))

    old = os.umask(0o022)
    try:
        register_report(store, out, lang="ru", made_at=MADE_AT, progress=midway)
    finally:
        os.umask(old)
    assert seen and seen[0] == (True, 0o600, b"%PDF- the previous register", [])  # a live writer's part is kept
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    assert out.read_bytes().startswith(b"%PDF-") and b"previous" not in out.read_bytes()
    assert sorted(p.name for p in folder.iterdir()) == ["register.pdf"]
