"""The service's errors and the `report` command of cli.md (exit 2 for what the user can fix)."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop import cli
from desktop.reports import ReportError, ReportKind, build_report
from desktop.storage import Store
from tests.reports.pdfcheck import pdf_pages, pdf_text


@pytest.mark.parametrize(
    ("kind", "kwargs", "code", "en", "ru"),
    [
        ("incident", {"reference": "INC-2026-0009"}, "no_incident", "no incident INC-2026-0009",
         "нет происшествия INC-2026-0009"),
        ("claim", {"number": "CLM-2026-0099"}, "no_claim", "no claim CLM-2026-0099", "нет заявления CLM-2026-0099"),
        ("request-documents", {"number": "CLM-1"}, "no_claim", "no claim CLM-1", "нет заявления CLM-1"),
        ("incident", {}, "need_reference", "incident reference", "номер"),
        ("claim", {}, "need_number", "claim number", "номер заявления"),
    ],
)
def test_unknown_or_missing_keys_name_what_is_missing(
    store: Store, tmp_path: Path, kind: str, kwargs: dict[str, str], code: str, en: str, ru: str
) -> None:
    with pytest.raises(ReportError) as caught:
        build_report(store, kind, tmp_path / "out.pdf", **kwargs)
    assert caught.value.code == code
    assert en in str(caught.value) and en in caught.value.text("en")
    assert ru in caught.value.text("ru")
    assert not (tmp_path / "out.pdf").exists()


def test_a_missing_folder_is_reported_before_any_work(store: Store, tmp_path: Path) -> None:
    with pytest.raises(ReportError) as caught:
        build_report(store, ReportKind.REGISTER, tmp_path / "no" / "such" / "out.pdf")
    assert caught.value.code == "no_folder"
    assert str(tmp_path / "no" / "such") in caught.value.text("ru")


def test_an_unknown_kind_is_a_programming_error(store: Store, tmp_path: Path) -> None:
    with pytest.raises(ValueError):
        build_report(store, "nonsense", tmp_path / "out.pdf")


def test_an_existing_file_is_replaced_whole(store: Store, tmp_path: Path) -> None:
    out = tmp_path / "out.pdf"
    out.write_bytes(b"old contents")
    build_report(store, "summary", out)
    assert out.read_bytes().startswith(b"%PDF-")


# ---- the command line -------------------------------------------------------------------------


@pytest.fixture
def db(store: Store) -> Path:
    return store.path


def run_cli(db: Path, *args: str) -> int:
    return cli.main(["--db", str(db), *args])


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["report", "incident", "INC-2026-0001"], "Справка о происшествии П-2026-0001"),
        # The office's own form typed, as a clerk reads it on paper; the counter's zeros may be left out.
        (["report", "incident", "п-2026-0001"], "Справка о происшествии П-2026-0001"),
        (["report", "claim", "З-2026-1"], "Карточка заявления № З-2026-0001"),
        (["report", "claim", "CLM-2026-0001"], "паспорт 2904 518233"),
        (["report", "register", "--district", "г. Калуга", "--from", "2026-09-15", "--to", "2026-09-16"],
         "Итого заявлений: 2"),
        (["report", "summary", "--status", "paid"], "Статус: выплачено"),
        (["report", "request-documents", "CLM-2026-0002"], "О представлении документов"),
        (["report", "incidents", "--district", "Гатчинский район"], "Итого происшествий: 1"),
    ],
)
def test_each_report_command_writes_its_pdf(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], args: list[str], expected: str
) -> None:
    out = tmp_path / "out.pdf"
    assert run_cli(db, *args, "-o", str(out), "--lang", "ru") == 0
    assert capsys.readouterr().out.strip() == str(out)
    text = pdf_text(out)
    assert expected in text
    assert "Страница 1 из" in text


def test_report_language_option(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.pdf"
    assert run_cli(db, "report", "register", "-o", str(out), "--lang", "en") == 0
    assert "Page 1 of 1" in pdf_pages(out)[0] and "Register of claims" in pdf_pages(out)[0]
    assert run_cli(db, "--lang", "ru", "report", "register", "-o", str(out)) == 0
    assert "Реестр заявлений" in pdf_pages(out)[0]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["report", "incident", "INC-2026-0009"], "no incident INC-2026-0009"),
        (["report", "claim", "CLM-2026-0099"], "no claim CLM-2026-0099"),
        (["report", "request-documents", "CLM-2026-0099"], "no claim CLM-2026-0099"),
        (["report", "register", "--from", "2026-13-01"], "--from"),
        (["report", "summary", "--status", "lost"], "--status"),
        (["report", "register", "--to", "yesterday"], "--to"),
        (["report", "incidents", "--from", "2026-02-30"], "--from"),
        (["report", "incidents", "--status", "lost"], "--status"),
    ],
)
def test_bad_input_exits_2_with_a_message_and_no_traceback(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], args: list[str], message: str
) -> None:
    out = tmp_path / "out.pdf"
    assert run_cli(db, *args, "-o", str(out), "--lang", "en") == 2
    err = capsys.readouterr().err
    assert message in err
    assert "Traceback" not in err
    assert not out.exists()


def test_missing_output_folder_exits_2(db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run_cli(db, "report", "summary", "-o", str(tmp_path / "nowhere" / "s.pdf")) == 2
    assert "nowhere" in capsys.readouterr().err


def test_error_message_in_the_report_language(db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run_cli(db, "report", "claim", "CLM-404", "-o", str(tmp_path / "c.pdf"), "--lang", "ru") == 2
    assert "нет заявления CLM-404" in capsys.readouterr().err
