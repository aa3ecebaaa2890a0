"""The storage interface and the SQLite backend stay the same, signature for signature."""

from __future__ import annotations

import inspect

import pytest

from desktop.storage import Store
from desktop.storage.interface import LogStore

pytestmark = pytest.mark.backends("sqlite")  # the SQLite backend's own files and SQL


def _methods(cls: type) -> dict[str, inspect.Signature]:
    return {name: inspect.signature(member) for name, member in vars(cls).items()
            if callable(member) and not name.startswith("_")}


def test_the_sqlite_store_implements_every_method_with_the_same_signature() -> None:
    wanted = _methods(LogStore)
    assert len(wanted) > 40
    for name, signature in wanted.items():
        implemented = getattr(Store, name, None)
        assert implemented is not None, f"Store lacks {name}"
        have = inspect.signature(implemented)
        assert [(p.name, p.kind, p.default) for p in have.parameters.values()] == \
               [(p.name, p.kind, p.default) for p in signature.parameters.values()], name


def test_a_store_is_a_log_store(store) -> None:
    assert isinstance(store, LogStore)
    assert isinstance(Store.location, property) and isinstance(LogStore.location, property)
