"""The command line's FILTERS as parsed (docs/cli.md, Filters): --district may be repeated."""

from __future__ import annotations

from desktop.cli import build_parser, filters_from


def test_district_may_be_repeated_for_any_of_several():
    args = build_parser().parse_args(["export", "out.json", "--district", "г. Калуга", "--district",
                                      " Боровский район ", "--district", "г. Калуга"])
    assert filters_from(args).districts == ("г. Калуга", "Боровский район")


def test_no_district_is_every_district():
    assert filters_from(build_parser().parse_args(["export", "out.json"])).districts == ()
