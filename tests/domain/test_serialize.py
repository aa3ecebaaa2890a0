"""Records as interchange dictionaries: the compiled packers against the plain `_pack` they unroll."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from decimal import Decimal
from types import SimpleNamespace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.domain import serialize
from desktop.domain.enums import ClaimStatus, IncidentKind, PersonKind, Severity

KEY_LISTS = {name: getattr(serialize, name) for name in dir(serialize) if name.endswith("_KEYS")}

values = st.one_of(
    st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), st.text(max_size=10),
    st.sampled_from([PersonKind.PERSON, Severity.MINOR, ClaimStatus.PAID, IncidentKind.UAV_DEBRIS,
                     Decimal("10000.50"), Decimal("7"), date(2026, 9, 1),
                     datetime(2026, 9, 1, 2, 40, tzinfo=timezone(timedelta(hours=3)))]),
)
extras = st.one_of(st.none(), st.just({}), st.dictionaries(st.text(max_size=3), st.integers(), min_size=1, max_size=2))


@pytest.mark.parametrize("name", sorted(KEY_LISTS))
@settings(max_examples=100, deadline=None)
@given(data=st.data())
def test_a_compiled_packer_gives_the_dictionary_pack_gives(name, data):
    keys = KEY_LISTS[name]
    record = SimpleNamespace(**{key: data.draw(values) for key in keys}, extra=data.draw(extras))
    expected = serialize._pack([(key, getattr(record, key)) for key in keys], record.extra)
    got = serialize.packer(*keys)(record)
    assert got == expected and list(got) == list(expected)  # same keys in the same order
    assert serialize.packer(*keys, extra=False)(record) == serialize._pack([(key, getattr(record, key)) for key in keys], None)
