"""Reading interchange records: the compiled field readers against the plain loop they unroll."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.domain import parse
from desktop.domain.parse import Reader, compiled

TABLES = {name: getattr(parse, name) for name in dir(parse) if name.endswith("_FIELDS")}

values = st.one_of(
    st.none(), st.booleans(), st.integers(-(2**70), 2**70), st.floats(allow_nan=True), st.text(max_size=30),
    st.sampled_from(["", "  ", " x ", "person", " minor", "MINOR", "received", "2026-09-01", "2026-02-30",
                     "2026-09-01T02:40:00+03:00", "2026-09-01T02:40:00", "100.50", "1e3", "-1", "x" * 301,
                     "A1B2C3D4-0000-4000-8000-000000000000", "a1b2c3d4-0000-4000-8000-000000000000", "{a1b2c3d4-0000-4000-8000-000000000000}",
                     "8 (910) 123-45-67", "+7 123 456 78 90", "А123ВС40", "XTA21099012345678", "500100732259",
                     "inc-2026-0003", "INC-2026-999999999", "a@b.ru", "0" * 64]),
    st.lists(st.integers(), max_size=2), st.dictionaries(st.text(max_size=3), st.integers(), max_size=2),
)


@pytest.mark.parametrize("table", sorted(TABLES))
@settings(max_examples=150, deadline=None)
@given(data=st.data())
def test_a_compiled_reader_reads_and_reports_as_the_loop_does(table, data):
    fields = TABLES[table]
    keys = [key for key, _, _ in fields]
    raw = data.draw(st.dictionaries(st.sampled_from(keys), values, max_size=len(keys)))
    loop_problems: list = []
    unrolled_problems: list = []
    by_loop = Reader(loop_problems, raw, "records[3]", frozenset(keys))
    unrolled = Reader(unrolled_problems, raw, "records[3]", frozenset(keys))
    assert compiled(fields)(unrolled) == by_loop.fields(fields)
    assert [(p.path, p.error.code, p.error.params) for p in unrolled_problems] == \
        [(p.path, p.error.code, p.error.params) for p in loop_problems]
    assert unrolled.ok == by_loop.ok


def test_every_record_kind_is_read_by_its_compiled_reader():
    for table in TABLES:
        reader = getattr(parse, "read_" + table.removesuffix("_FIELDS").lower() + "_fields")
        assert reader.__code__.co_name == "read"  # written out by `compiled`, not the loop
