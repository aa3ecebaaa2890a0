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
