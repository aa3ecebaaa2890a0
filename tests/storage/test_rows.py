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


@pytest.mark.parametrize("extra", [None, {"источник": "сводка", "n": [1, 2]}])
@pytest.mark.parametrize("cost", [None, "0.00", "0.01", "14879.50", "999999999.99"])
def test_items_read_as_tuples_are_the_items_written(extra, cost):
    """A whole incident's items are read as tuples (`*_from_values`): the same records the
    dictionary rows give, money to the kopeck and `extra` as written."""
    from decimal import Decimal

    from desktop.domain.enums import PropertyKind, Severity
    from desktop.domain.models import PropertyItem, Vehicle

    money = None if cost is None else Decimal(cost)
    car = Vehicle(id="v", make="Лада", damage="стекло", severity=Severity.SEVERE, owner_id="p", model="Гранта",
                  year=2019, colour="белый", plate="А123ВС40", vin="XTA21900000000001", estimated_cost=money, extra=extra)
    house = PropertyItem(id="h", kind=PropertyKind.OUTBUILDING, description="сарай", damage="крыша",
                         severity=Severity.MINOR, owner_id="p", address="ул. Мира, 1", estimated_cost=money, extra=extra)
    car_row, house_row = rows.vehicle_values(car, "i", 3), rows.property_values(house, "i", 0)
    assert rows.vehicle_from_values(car_row) == car == rows.vehicle_from_row(dict(zip(rows.VEHICLE_COLUMNS, car_row, strict=True)))
    assert rows.property_from_values(house_row) == house == rows.property_from_row(dict(zip(rows.PROPERTY_COLUMNS, house_row, strict=True)))
    assert str(rows.vehicle_from_values(car_row).estimated_cost) == (cost if cost is not None else "None")
