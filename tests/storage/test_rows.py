"""The rows the store writes: each table's columns as `rows` names them, values in that order."""

from __future__ import annotations

import pytest

from desktop.storage import rows

pytestmark = pytest.mark.backends("sqlite")  # the SQLite file's own tables


@pytest.mark.parametrize(("table", "columns"), [
    ("people", rows.PERSON_COLUMNS), ("incidents", rows.INCIDENT_COLUMNS), ("vehicles", rows.VEHICLE_COLUMNS),
    ("properties", rows.PROPERTY_COLUMNS), ("claims", rows.CLAIM_COLUMNS), ("claim_documents", rows.DOCUMENT_COLUMNS),
    ("claim_attachments", rows.ATTACHMENT_COLUMNS),
])
def test_each_table_is_written_whole_by_its_columns(store, table, columns):
    declared = [r[1] for r in store.db.conn.execute(f"PRAGMA table_info({table})")]
    assert sorted(columns) == sorted(declared) and len(set(columns)) == len(columns)
