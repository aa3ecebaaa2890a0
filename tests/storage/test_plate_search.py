"""Search finds a plate by any part of it, typed on either keyboard (interchange.md, Plates)."""

from __future__ import annotations

import pytest

from desktop.domain.views import Filters


@pytest.mark.parametrize("query", ["А123ВС40", "a123bc40", "123вс", "123bc", "23ВС4", "вс40", "BC40", "c4", "ВС 40"])
def test_a_plate_is_found_by_any_part_on_either_keyboard(sample_store, query):
    assert sample_store.count_incidents(Filters(text=query)) == 1
    assert sample_store.count_claims(Filters(text=query)) >= 1


def test_a_part_of_no_plate_finds_nothing(sample_store):
    assert sample_store.count_incidents(Filters(text="вс41")) == 0
