"""The command line's FILTERS as parsed (docs/cli.md, Filters): --district may be repeated."""

from __future__ import annotations

import pytest

from desktop.cli import BadInput, build_parser, filters_from, window_arguments


def test_district_may_be_repeated_for_any_of_several():
    args = build_parser().parse_args(["export", "out.json", "--district", "г. Калуга", "--district",
                                      " Боровский район ", "--district", "г. Калуга"])
    assert filters_from(args).districts == ("г. Калуга", "Боровский район")


def test_from_after_to_is_bad_input_not_an_empty_result():
    args = build_parser().parse_args(["export", "out.json", "--from", "2026-10-01", "--to", "2026-09-01"])
    with pytest.raises(BadInput) as e:
        filters_from(args)
    assert e.value.lines == ["--from: after --to (2026-10-01 > 2026-09-01): nothing could match"]
    same_day = build_parser().parse_args(["export", "out.json", "--from", "2026-09-12", "--to", "2026-09-12"])
    assert filters_from(same_day).date_from == filters_from(same_day).date_to


def test_no_district_is_every_district():
    assert filters_from(build_parser().parse_args(["export", "out.json"])).districts == ()


@pytest.mark.parametrize("arguments", [
    [], ["--db", "log.sqlite3"], ["--db=log.sqlite3", "--lang=ru"], ["--lang", "en", "--db", "ж у р н а л"],
    ["--db", "a", "--db", "b"], ["--db="], ["--db", "postgresql://clerk@server/log"],
])
def test_the_windows_start_is_read_as_argparse_reads_it(arguments: list[str]) -> None:
    # The fast path (no command's parser built) gives exactly the namespace argparse gives.
    assert window_arguments(arguments) == build_parser().parse_args(arguments)


@pytest.mark.parametrize("arguments", [
    ["check"], ["--db"], ["--db", "--lang", "ru"], ["--lang", "fr"], ["--lang"], ["--help"], ["-h"],
    ["--version"], ["--db", "x", "selftest"], ["--dbx", "y"], ["log.sqlite3"],
])
def test_anything_else_is_left_to_argparse(arguments: list[str]) -> None:
    assert window_arguments(arguments) is None


@pytest.mark.parametrize(("arguments", "said"), [
    (["report", "register"], "incident-log report register: не указаны обязательные аргументы: -o/--output"),
    (["export", "x.json", "--bogus"], "incident-log: непонятные аргументы: --bogus"),
    (["repor"], "incident-log: аргумент КОМАНДА: недопустимое значение 'repor' (допустимы: 'import', "),
    (["export", "x.json", "--from"], "incident-log export: аргумент --from: нужно одно значение"),
])
def test_a_russian_command_line_says_argparse_problems_in_russian(arguments, said, capsys) -> None:
    """Its usage line was Russian and the problem under it English."""
    with pytest.raises(SystemExit) as exit_:
        build_parser("ru").parse_args(arguments)
    assert exit_.value.code == 2
    err = capsys.readouterr().err
    assert said in err and "Использование:" in err
    with pytest.raises(SystemExit):  # English stays English, and argparse's words are its own again
        build_parser("en").parse_args(arguments)
    english = capsys.readouterr().err.strip().splitlines()[-1]
    assert "argument" in english and not any("а" <= c.lower() <= "я" for c in english), english


def test_filter_problems_are_said_in_the_command_s_language() -> None:
    args = build_parser("ru").parse_args(["export", "out.json", "--from", "2026-13-01", "--to", "2026-01-01",
                                          "--status", "nonsense"])
    with pytest.raises(BadInput) as ru:
        filters_from(args, "ru")
    assert ru.value.lines == ["--from: не дата (ГГГГ-ММ-ДД): 2026-13-01",
                              "--status: допустимые значения: received, documents_requested, under_review, approved, "
                              "rejected, paid, withdrawn"]
    args = build_parser("ru").parse_args(["export", "out.json", "--from", "2026-10-01", "--to", "2026-09-01"])
    with pytest.raises(BadInput) as later:
        filters_from(args, "ru")
    assert later.value.lines == ["--from: позже --to (2026-10-01 > 2026-09-01): ничего не подойдёт"]
