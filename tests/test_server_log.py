"""A log on a PostgreSQL server, end to end: the command line with `--db postgresql://…`, the
exchange round trip identical to SQLite's, copy-to both ways, backup, check and the audit chain
under several writers at once. Runs on the tests' own throwaway server (tests/pg_server.py)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
from dataclasses import replace
from pathlib import Path

import pytest

from desktop.exchange import export_document, import_file
from desktop.exchange.package import dumps
from desktop.storage import Location, open_store
from desktop.storage.postgres import connection
from desktop.storage.sqlite.schema import SCHEMA_VERSION
from tests.samples import sample

REPO = Path(__file__).resolve().parents[1]
V2 = "sample-kaluga-2026-09-v2.json"


@pytest.fixture
def server_url(pg_server):
    url = pg_server.new_database()
    yield url
    connection.release(url)


def _export_text(store) -> str:
    doc = export_document(store)
    doc["exported_at"] = "fixed"
    return dumps(doc)


def _cli(*args: str, env_db: str | None = None, data: Path | None = None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    env.pop("INCIDENT_LOG_DB", None)
    if data is not None:  # the data folder (where a server log's backups go) of the test's own
        env["XDG_DATA_HOME"] = str(data)
    if env_db:
        env["INCIDENT_LOG_DB"] = env_db
    return subprocess.run([sys.executable, "-m", "desktop", *args], cwd=REPO, env=env, capture_output=True, text=True,
                          timeout=300, check=False)


@pytest.mark.parametrize("name", ["sample-kaluga-2026-09.json", V2])
def test_the_export_from_a_server_log_is_the_sqlite_export_of_the_same_file(server_url, tmp_path, name) -> None:
    with open_store(tmp_path / "log.sqlite3") as local, open_store(server_url) as shared:
        import_file(local, sample(name))
        import_file(shared, sample(name))
        assert _export_text(shared) == _export_text(local)
        assert shared.check() == []


def test_a_large_import_into_a_server_log_is_the_sqlite_import(server_url, tmp_path) -> None:
    """Hundreds of records of each kind: the server copies them in (COPY, not row by row), with
    hostile text (quotes, backslashes, tabs, new lines, Cyrillic) kept byte for byte."""
    from desktop.domain.views import Filters
    from tests.synthetic import document

    doc = document(240, vehicles_per_incident=60)
    hostile = "O'Brien \\N \\ tab\there\nnew line «кавычки» \"quoted\" ; DROP TABLE claims; --"
    doc["people"][0]["full_name"] = "Иванова " + hostile
    doc["incidents"][0]["description"] = hostile
    doc["claims"][0]["notes"] = hostile + "\r\n" + "\\."
    source = tmp_path / "large.json"
    source.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    with open_store(tmp_path / "log.sqlite3") as local, open_store(server_url) as shared:
        import_file(local, source)
        import_file(shared, source)
        assert _export_text(shared) == _export_text(local)
        assert shared.check() == []
        assert shared.get_claim(doc["claims"][0]["id"]).notes == hostile + "\r\n" + "\\."
        assert shared.count_claims(Filters(text="O'Brien")) == local.count_claims(Filters(text="O'Brien")) >= 1


def test_the_command_line_works_on_a_server_log(server_url, tmp_path) -> None:
    done = _cli("--db", server_url, "--lang", "en", "import", str(sample(V2)))
    assert done.returncode == 0, done.stderr
    out = tmp_path / "out.json"
    assert _cli("--lang", "en", "export", str(out), env_db=server_url).returncode == 0  # INCIDENT_LOG_DB too
    assert json.loads(out.read_text(encoding="utf-8"))["version"] == 2
    checked = _cli("--db", server_url, "--lang", "en", "check")
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert "audit chain head" in checked.stdout and "?host=" in checked.stdout  # the URL, never a password
    report = tmp_path / "claim.pdf"
    made = _cli("--db", server_url, "report", "claim", "CLM-2026-0001", "-o", str(report))
    assert made.returncode == 0, made.stderr
    assert report.read_bytes().startswith(b"%PDF")


def test_a_server_that_does_not_answer_is_exit_3_with_a_calm_message(tmp_path) -> None:
    done = _cli("--db", f"postgresql://clerk:secret@/nolog?host={tmp_path}", "--lang", "en", "check")
    assert done.returncode == 3
    assert "cannot connect to the server" in done.stderr and "check the log's address" in done.stderr
    assert "secret" not in done.stderr and "Traceback" not in done.stderr


@pytest.mark.parametrize(("database", "user", "reason"), [
    ("no_such_log", "clerk", 'database "no_such_log" does not exist'),
    ("postgres", "nobody_here", 'role "nobody_here" does not exist'),
])
def test_a_missing_database_or_login_is_not_called_an_unreachable_server(pg_server, database, user, reason) -> None:
    """The server answered, and refused: libpq keeps its code to itself on a connection attempt, so
    the message is one for every failed attempt — check the address, then the network — and it
    quotes libpq's reason. It said "cannot be reached; check the network" before."""
    for lang, words in (("en", "cannot connect to the server"), ("ru", "не удаётся подключиться к серверу")):
        done = _cli("--db", pg_server.url(database, user), "--lang", lang, "check")
        assert done.returncode == 3, done.stderr
        assert words in done.stderr and reason in done.stderr
        assert "cannot be reached" not in done.stderr and "недоступен" not in done.stderr
        assert "Traceback" not in done.stderr


def test_a_mistyped_server_address_is_exit_3_in_the_clerks_language() -> None:
    done = _cli("--db", "postgresql://clerk:secret@server/incident_log?colour=red", "--lang", "ru", "check")
    assert done.returncode == 3  # it was exit 1, "an internal error of the program"
    assert done.stderr.startswith("адрес журнала postgresql://clerk@server/incident_log?colour=red не удаётся прочитать")
    assert "secret" not in done.stderr and "Traceback" not in done.stderr


def test_a_server_lost_in_the_middle_of_work_is_unreachable_not_a_wrong_address(server_url, monkeypatch) -> None:
    """The reconnect after a dropped connection fails as any connection attempt does (no code):
    the address worked a moment ago, so the clerk is told the server does not answer, not to
    check the address."""
    from desktop.storage import DatabaseUnavailable, Trouble

    with open_store(server_url) as store:
        import_file(store, sample(V2))
        claim = store.get_claim_by_number("CLM-2026-0002")
        killer = connection.direct(server_url, "admin")
        killer.execute("SELECT pg_terminate_backend(%s)", [store._pid])
        killer.close()
        with pytest.raises(DatabaseUnavailable):
            store.save_claim(replace(claim, notes="после обрыва"))

        def gone(url: str, where: str):
            raise DatabaseUnavailable(Trouble.NO_CONNECTION, where, "connection refused")

        monkeypatch.setattr(connection, "connect", gone)
        with pytest.raises(DatabaseUnavailable) as e:
            store.save_claim(replace(claim, notes="после обрыва"))
        assert e.value.trouble is Trouble.UNAVAILABLE and "connection refused" in e.value.text("en")
        monkeypatch.undo()
        store.save_claim(replace(claim, notes="после обрыва"))
        assert store.get_claim(claim.id).notes == "после обрыва"


def test_copy_to_a_server_and_back_keeps_every_record_the_audit_chain_and_counters(pg_server, tmp_path) -> None:
    with open_store(tmp_path / "office.sqlite3") as office:
        import_file(office, sample(V2))
        office.set_setting("office_name", "Администрация г. Калуги")
        before = _export_text(office)
        head = office.audit_head()
        target = pg_server.empty_database()
        done = _cli("--db", str(tmp_path / "office.sqlite3"), "--lang", "en", "copy-to", target)
        assert done.returncode == 0, done.stderr
        assert "copied and verified" in done.stdout and "claims 4" in done.stdout
    with open_store(target) as shared:
        assert _export_text(shared) == before
        assert shared.audit_head() == head
        assert shared.check() == []
        claim = shared.get_claim_by_number("CLM-2026-0002")
        shared.save_claim(replace(claim, notes="после переезда"))  # numbering and the chain go on from the copy
        after = _export_text(shared)
    back = tmp_path / "back.sqlite3"
    done = _cli("--db", target, "--lang", "en", "copy-to", str(back))
    assert done.returncode == 0, done.stderr
    with open_store(back) as local:
        assert _export_text(local) == after and local.check() == []
    refused = _cli("--db", target, "--lang", "en", "copy-to", str(back))  # never over a log
    assert refused.returncode == 2 and "already exists" in refused.stderr
    connection.release(target)


def _sample_backed_up(server_url: str, tmp_path: Path) -> tuple[str, Path]:
    """The sample on the server log, backed up into TMP_PATH: the log's export, and the backup."""
    with open_store(server_url) as shared:
        import_file(shared, sample(V2))
        exported = _export_text(shared)
    done = _cli("--db", server_url, "backup", str(tmp_path))
    assert done.returncode == 0, done.stderr
    return exported, Path(done.stdout.strip())


def test_backup_of_a_server_log_is_a_checked_sqlite_file(server_url, tmp_path) -> None:
    expected, made = _sample_backed_up(server_url, tmp_path)
    assert made.parent == tmp_path and made.suffix == ".sqlite3"
    with open_store(made) as copy:
        assert _export_text(copy) == expected


def test_a_server_log_that_fails_its_check_is_not_backed_up_and_leaves_no_file(server_url, tmp_path) -> None:
    """Found in an acceptance run: the backup wrote the whole copy, then blamed the copy and left it."""
    with open_store(server_url) as shared:
        import_file(shared, sample(V2))
    raw = connection.direct(server_url, "test")
    raw.execute("UPDATE claims SET notes = 'правка мимо программы' WHERE number = 'CLM-2026-0001'")
    raw.close()
    done = _cli("--db", server_url, "backup", str(tmp_path))
    assert done.returncode == 3, done.stdout + done.stderr
    assert "differs from its last audit entry" in done.stderr and "Traceback" not in done.stderr
    assert list(tmp_path.iterdir()) == []


def test_restore_onto_a_server_log_keeps_the_replaced_log_and_puts_the_backup_in_its_place(server_url, tmp_path) -> None:
    """cli.md: every command works on both (found in an acceptance run: restore refused a server log)."""
    before, backup = _sample_backed_up(server_url, tmp_path)
    with open_store(server_url) as shared:
        claim = shared.get_claim_by_number("CLM-2026-0002")
        shared.save_claim(replace(claim, notes="после копии"))
        changed = _export_text(shared)
    assert changed != before
    bad = tmp_path / "not-a-log.sqlite3"
    bad.write_bytes(b"not a database")
    refused = _cli("--db", server_url, "--lang", "en", "restore", str(bad), data=tmp_path / "data")
    assert refused.returncode == 2 and "nothing was restored" in refused.stderr
    done = _cli("--db", server_url, "--lang", "en", "restore", str(backup), data=tmp_path / "data")
    assert done.returncode == 0, done.stdout + done.stderr
    kept = Path(done.stdout.strip().splitlines()[-1].rsplit(" ", 1)[1])
    assert kept.parent == tmp_path / "data" / "incident-log" / "backups"
    with open_store(server_url) as shared:
        assert _export_text(shared) == before and shared.check() == []
        shared.save_claim(replace(shared.get_claim_by_number("CLM-2026-0001"), notes="после восстановления"))
        assert shared.check() == []  # the audit chain goes on from the backup's
    with open_store(kept) as old:
        assert _export_text(old) == changed
    assert kept.stat().st_mode & 0o077 == 0


def test_a_server_logs_backup_takes_its_name_only_when_whole(server_url, tmp_path, monkeypatch) -> None:
    """Found in a try-out: the half-written copy stood under its final name for 10-20 s."""
    from desktop.storage import copying

    dest = tmp_path / "b.sqlite3"
    seen: list[tuple[str, bool]] = []
    real = copying.copy_log

    def watched(source, target, *args, **kwargs):  # noqa: ANN001, ANN002, ANN003, ANN202
        seen.append((target.path.name, dest.exists()))
        return real(source, target, *args, **kwargs)

    monkeypatch.setattr(copying, "copy_log", watched)
    with open_store(server_url) as shared:
        import_file(shared, sample(V2))
        assert shared.backup(dest) == dest
    assert seen == [("b.sqlite3.part", False)]
    assert dest.stat().st_mode & 0o077 == 0 and [p.name for p in tmp_path.iterdir()] == ["b.sqlite3"]


def test_several_clerks_saving_at_once_keep_one_audit_chain_and_unique_numbers(server_url) -> None:
    with open_store(server_url) as first:
        import_file(first, sample(V2))
        claim = first.get_claim_by_number("CLM-2026-0002")
    errors: list[BaseException] = []

    def clerk(n: int) -> None:
        try:
            with open_store(server_url) as store:
                for k in range(10):
                    new = replace(claim, id=f"00000000-0000-4000-8000-{n:04d}{k:08d}", number=None, version=0,
                                  decision=None, payment=None, status=claim.status)
                    store.save_claim(new, enforce_transition=False)
        except BaseException as e:  # noqa: BLE001 - reported below
            errors.append(e)

    threads = [threading.Thread(target=clerk, args=(n,)) for n in range(5)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    with open_store(server_url) as store:
        numbers = [r.number for r in store.claim_rows(limit=1000)]
        assert len(numbers) == len(set(numbers)) == 54
        assert store.check() == []  # the chain is one line, every record as its last entry says
        assert {e.user for e in store.history(claim.id)} == {"clerk"}  # the server's login, not the PC's


def test_a_server_log_made_by_a_newer_program_is_refused(server_url) -> None:
    from desktop.storage import DatabaseUnavailable, Trouble

    pg = connection.direct(server_url, "x")
    pg.execute("INSERT INTO schema_version (version, name) VALUES (99, 'm099_future')")
    pg.close()
    connection.release(server_url)
    with pytest.raises(DatabaseUnavailable) as e:
        open_store(server_url)
    assert e.value.trouble is Trouble.TOO_NEW


def test_the_location_hides_the_password() -> None:
    assert Location("postgresql://anna:pw@db.office/log").shown() == "postgresql://anna@db.office/log"


def test_libpq_parameters_show_but_a_password_in_them_does_not() -> None:
    shown = Location("postgresql://anna@/log?host=/run/pg&password=pw&sslmode=require").shown()
    assert shown == "postgresql://anna@/log?host=/run/pg&sslmode=require"


def test_selftest_on_a_server_log(server_url) -> None:
    with open_store(server_url) as shared:
        import_file(shared, sample(V2))
        before = _export_text(shared)
    done = _cli("--db", server_url, "--lang", "en", "selftest")
    assert done.returncode == 0, done.stdout + done.stderr
    assert "connect to the server" in done.stdout and "selftest passed" in done.stdout
    with open_store(server_url) as shared:
        assert _export_text(shared) == before  # it never changes the log


def test_selftest_on_an_empty_server_database_makes_no_tables(pg_server) -> None:
    """It never changes the database (found in an acceptance run: it made the log's 15 tables)."""
    server_url = pg_server.empty_database()
    done = _cli("--db", server_url, "--lang", "en", "selftest")
    assert done.returncode == 0, done.stdout + done.stderr
    assert "working on the sample data only" in done.stdout and "selftest passed" in done.stdout
    raw = connection.direct(server_url, "test")
    try:
        tables = raw.execute("SELECT count(*) FROM information_schema.tables WHERE table_schema = current_schema()").fetchone()[0]
    finally:
        raw.close()
    assert tables == 0


def test_data_version_hears_other_clerks_saves_not_its_own(server_url) -> None:
    with open_store(server_url) as mine, open_store(server_url) as theirs:
        import_file(mine, sample(V2))
        start = theirs.data_version()
        assert theirs.data_version() == start  # nothing written since
        claim = mine.get_claim_by_number("CLM-2026-0002")
        mine.save_claim(replace(claim, notes="от другого клерка"))
        deadline = 0
        while theirs.data_version() == start and deadline < 100:
            import time

            time.sleep(0.02)
            deadline += 1
        assert theirs.data_version() == start + 1
        own = theirs.data_version()
        theirs.save_claim(replace(theirs.get_claim(claim.id), notes="свой"))
        import time

        time.sleep(0.2)
        assert theirs.data_version() == own  # its own save is no news to it


def test_the_roles_script_gives_each_clerk_their_rights_and_no_more(pg_server) -> None:
    import shutil

    from desktop.storage import DatabaseUnavailable

    psql = shutil.which("psql") or str(pg_server.bin_dir / "psql")
    script = REPO / "resources" / "postgres" / "roles.sql"

    def run_script() -> None:
        done = subprocess.run([psql, "-q", "-d", pg_server.url("postgres"), "-f", str(script)],
                              capture_output=True, text=True, timeout=60, check=False)
        assert done.returncode == 0, done.stderr

    run_script()
    owner = pg_server.url("incident_log", user="incident_log_owner")
    open_store(owner).close()  # the owner's first connection makes the tables
    run_script()  # run again once they exist: the clerks get their rights on them
    clerk = pg_server.url("incident_log", user="ivanova")
    with open_store(clerk) as store:
        import_file(store, sample(V2))
        assert store.user == "ivanova" and store.check() == []
        assert {e.user for e in store.history(store.get_claim_by_number("CLM-2026-0001").id)} == {"ivanova"}
        with pytest.raises(DatabaseUnavailable) as e:
            store.db.conn.execute("DELETE FROM audit")  # the trail is only ever added to
        assert "refused" in e.value.text("en")
    for url in (owner, clerk):
        connection.release(url)
    # A newer program on a log of the schema before it: a clerk's login may not change the tables
    # (refused, "ask the administrator"); the owner's first connection brings them up to date.
    older = connection.direct(owner, "test")
    older.execute("DROP INDEX search_docs_record")
    older.execute("ALTER TABLE search_docs ADD CONSTRAINT search_docs_record_id_key UNIQUE (record_id)")
    older.execute("DELETE FROM schema_version WHERE version >= 9")
    for statement in ("DROP INDEX claims_status_order",  # migration 11 undone
                      "DROP INDEX incidents_reference_sort", "DROP INDEX claims_number_sort",  # and 10
                      "ALTER TABLE claims DROP COLUMN number_key", "ALTER TABLE incidents DROP COLUMN reference_key",
                      "DROP INDEX IF EXISTS claims_filed", "CREATE INDEX claims_filed ON claims(filed_on, number)"):
        older.execute(statement)
    older.close()
    with pytest.raises(DatabaseUnavailable) as e:
        open_store(clerk)
    assert "ask the administrator" in e.value.text("en")
    open_store(owner).close()
    with open_store(clerk) as store:
        assert store._schema_version() == SCHEMA_VERSION and store.check() == []
        assert store.claim_rows(sort="number")[0].number == "CLM-2026-0001"  # the keys written by the migration
        assert store.claim_rows(sort="status")[0].status == "under_review"  # 11: along its index
    for url in (owner, clerk):
        connection.release(url)


def test_a_dropped_connection_is_a_calm_message_and_the_next_try_reconnects(server_url) -> None:
    from desktop.storage import DatabaseUnavailable, Trouble

    with open_store(server_url) as store:
        import_file(store, sample(V2))
        claim = store.get_claim_by_number("CLM-2026-0002")
        killer = connection.direct(server_url, "admin")
        killer.execute("SELECT pg_terminate_backend(%s)", [store._pid])  # the network or the server drops it
        killer.close()
        with pytest.raises(DatabaseUnavailable) as e:
            store.save_claim(replace(claim, notes="после обрыва"))
        assert e.value.trouble is Trouble.UNAVAILABLE
        store.save_claim(replace(claim, notes="после обрыва"))  # the clerk presses Save again
        assert store.get_claim(claim.id).notes == "после обрыва" and store.check() == []
