"""The server schema keeps step with the file's: the same version number, the same tables and
columns (one store's statements serve both), and the store's SQL reads in PostgreSQL's spelling."""

from __future__ import annotations

import re

import pytest

from desktop.storage.postgres import connection, schema
from desktop.storage.sqlite.schema import SCHEMA_VERSION


def test_the_server_migrations_reach_the_files_version() -> None:
    assert max(number for number, _name, _sql in schema.MIGRATIONS) == SCHEMA_VERSION


def test_every_table_and_column_of_the_file_is_on_the_server(tmp_path, pg_server) -> None:
    import sqlite3

    from desktop.storage import open_store

    open_store(tmp_path / "log.sqlite3").close()
    file = sqlite3.connect(tmp_path / "log.sqlite3")
    tables = [r[0] for r in file.execute("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE "
                                         "'\\_%' ESCAPE '\\' AND name NOT LIKE 'sqlite%' AND name NOT LIKE 'search_index%'")]
    wanted = {t: {r[1] for r in file.execute(f"PRAGMA table_info({t})")} for t in tables}
    url = pg_server.new_database()
    server = connection.direct(url, "test")
    for table, columns in wanted.items():
        found = {r[0] for r in server.execute(
            "SELECT column_name FROM information_schema.columns WHERE table_name = %s", [table])}
        assert columns <= found, (table, columns - found)
    server.close()


@pytest.mark.parametrize(("sqlite", "postgres"), [
    ("SELECT id FROM people WHERE id = ? AND kind = :kind", "SELECT id FROM people WHERE id = %s AND kind = %(kind)s"),
    ("INSERT OR IGNORE INTO blobs (sha256) VALUES (?)", "INSERT INTO blobs (sha256) VALUES (%s) ON CONFLICT DO NOTHING"),
    ("SELECT user, at FROM audit WHERE x LIKE '50%'", 'SELECT "user", at FROM audit WHERE x LIKE \'50%%\''),
    ("SELECT id FROM claims WHERE number = ? COLLATE NOCASE", "SELECT id FROM claims WHERE lower(number) = lower(%s)"),
    ("SELECT ifnull(v.make, '') FROM vehicles v CROSS JOIN incidents i ON i.id = v.incident_id",
     "SELECT coalesce(v.make, '') FROM vehicles v JOIN incidents i ON i.id = v.incident_id"),
    ("SELECT ':not_a_param', instr(sort_name, :prefix) > 0", "SELECT ':not_a_param', strpos(sort_name, %(prefix)s) > 0"),
])
def test_the_stores_sql_in_postgresqls_spelling(sqlite: str, postgres: str) -> None:
    assert connection.translate(sqlite) == postgres
    assert not re.search(r"\?", connection.translate(sqlite))
