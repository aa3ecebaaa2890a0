"""Backups, restore and error classification: nothing lost, and a clerk told what is really wrong."""

from __future__ import annotations

import errno
import os
import sqlite3
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from desktop.storage import DatabaseUnavailable, Store, Trouble
from desktop.storage.errors import DatabaseBug
from desktop.storage.sqlite import maintenance
from desktop.storage.sqlite.connection import classify, connect
from desktop.storage.sqlite.maintenance import BadBackup
from tests.damage import scribble_a_table_page

pytestmark = pytest.mark.backends("sqlite")  # the SQLite backend's own files and SQL


def claims_in(db: Path) -> int:
    with Store.open(db) as s:
        return s.counts()["claims"]


@pytest.fixture
def backup_file(sample_store: Store, tmp_path: Path) -> Path:
    return maintenance.backup(sample_store, tmp_path / "good-backup.sqlite3")


@pytest.fixture
def live(tmp_path: Path) -> Path:
    """A live database with one (different) record in it, closed."""
    folder = tmp_path / "office"
    folder.mkdir()
    db = folder / "incident-log.sqlite3"
    with Store.open(db) as s:
        s.set_setting("office_name", "live")
    return db


# ---- classify by error code ---------------------------------------------------------------------
def _sqlite_error(code: int, name: str) -> sqlite3.Error:
    error = sqlite3.OperationalError("text that must not matter")
    error.sqlite_errorcode = code  # type: ignore[attr-defined]
    error.sqlite_errorname = name  # type: ignore[attr-defined]
    return error


def test_a_file_that_is_not_a_database_is_damaged(tmp_path):
    path = tmp_path / "letter.sqlite3"
    path.write_bytes(b"Dear tax office, " * 400)
    with pytest.raises(DatabaseUnavailable) as caught:
        connect(path)
    assert caught.value.trouble is Trouble.DAMAGED


def test_a_syntax_error_is_a_bug_not_damage(store):
    with pytest.raises(sqlite3.Error) as caught:
        store.db.conn.execute("SELEC 1")
    trouble = classify(caught.value, store.path)
    assert isinstance(trouble, DatabaseBug) and "SQLITE_ERROR" in trouble.text("en")
    with pytest.raises(DatabaseBug):
        store._rows("SELECT * FROM no_such_table")


def test_a_missing_folder_is_named(tmp_path):
    with pytest.raises(sqlite3.Error) as caught:
        sqlite3.connect(tmp_path / "gone" / "x.sqlite3").execute("SELECT 1")
    trouble = classify(caught.value, tmp_path / "gone" / "x.sqlite3")
    assert isinstance(trouble, DatabaseUnavailable) and trouble.trouble is Trouble.MISSING_FOLDER


@pytest.mark.parametrize(("code", "name", "expected"), [
    (sqlite3.SQLITE_BUSY, "SQLITE_BUSY", Trouble.LOCKED),
    (sqlite3.SQLITE_LOCKED, "SQLITE_LOCKED", Trouble.LOCKED),
    (sqlite3.SQLITE_CORRUPT, "SQLITE_CORRUPT", Trouble.DAMAGED),
    (sqlite3.SQLITE_NOTADB, "SQLITE_NOTADB", Trouble.DAMAGED),
    (sqlite3.SQLITE_FULL, "SQLITE_FULL", Trouble.DISK_FULL),
    (sqlite3.SQLITE_READONLY, "SQLITE_READONLY", Trouble.READ_ONLY),
    (sqlite3.SQLITE_READONLY | (3 << 8), "SQLITE_READONLY_ROLLBACK", Trouble.READ_ONLY),  # extended code
    (sqlite3.SQLITE_CANTOPEN, "SQLITE_CANTOPEN", Trouble.CANNOT_OPEN),
    (sqlite3.SQLITE_IOERR | (3 << 8), "SQLITE_IOERR_WRITE", Trouble.IO_ERROR),
])
def test_codes_a_clerk_can_act_on(tmp_path, code, name, expected):
    # root ignores chmod, so read-only and permission errors are simulated with their real codes
    trouble = classify(_sqlite_error(code, name), tmp_path / "x.sqlite3")
    assert isinstance(trouble, DatabaseUnavailable) and trouble.trouble is expected
    assert "text that must not matter" not in trouble.text("en") or expected is Trouble.DAMAGED
    assert trouble.text("ru") != trouble.text("en")


@pytest.mark.parametrize(("code", "name"), [(sqlite3.SQLITE_ERROR, "SQLITE_ERROR"), (sqlite3.SQLITE_MISUSE, "SQLITE_MISUSE"),
                                            (sqlite3.SQLITE_CONSTRAINT, "SQLITE_CONSTRAINT"), (sqlite3.SQLITE_TOOBIG, "SQLITE_TOOBIG")])
def test_every_other_code_is_a_bug(tmp_path, code, name):
    trouble = classify(_sqlite_error(code, name), tmp_path / "x.sqlite3")
    assert isinstance(trouble, DatabaseBug) and name in str(trouble)


def test_a_readonly_database_file_is_read_only_for_writes(tmp_path, monkeypatch):
    db = tmp_path / "log.sqlite3"
    Store.open(db).close()
    with Store.open(db) as s:
        s.db.conn.close()
        s.db.conn = sqlite3.connect(db.resolve().as_uri() + "?mode=ro", uri=True, check_same_thread=False)
        with pytest.raises(DatabaseUnavailable) as caught:
            s.set_setting("office_name", "x")
    assert caught.value.trouble is Trouble.READ_ONLY


# ---- backup ------------------------------------------------------------------------------------
def test_backup_is_verified_and_whole(sample_store, tmp_path):
    dest = maintenance.backup(sample_store, tmp_path / "b.sqlite3")
    assert maintenance.verify(dest) == []
    assert claims_in(dest) == 4
    assert not list(tmp_path.glob("*.part"))


def test_a_damaged_database_is_never_backed_up(sample_store, tmp_path):
    sample_store.close()
    scribble_a_table_page(sample_store.path)
    with Store.open(sample_store.path) as damaged, pytest.raises(DatabaseUnavailable) as caught:
        maintenance.backup(damaged, tmp_path / "b.sqlite3")
    assert caught.value.trouble is Trouble.DAMAGED and caught.value.path == str(sample_store.path)
    assert not (tmp_path / "b.sqlite3").exists() and not list(tmp_path.glob("b.sqlite3*"))


def test_automatic_backups_keep_the_last_n_and_never_the_clerks_own(sample_store):
    sample_store.set_setting("backup_keep", 3)
    manual = maintenance.backup(sample_store, maintenance.backup_path(sample_store.path))
    start = datetime(2026, 10, 1, 12, 0, 0)
    written = [maintenance.automatic_backup(sample_store, now=start + timedelta(days=d)) for d in range(5)]
    kept = maintenance.automatic_backups(sample_store.path)
    assert kept == written[-3:]
    assert manual.is_file() and manual.name.startswith("incident-log-") and "auto" not in manual.name
    assert oct(maintenance.backup_path(sample_store.path).parent.stat().st_mode & 0o777) == "0o700"
    assert not maintenance.automatic_backup_due(sample_store.path, now=start + timedelta(days=4, hours=23))
    assert maintenance.automatic_backup_due(sample_store.path, now=start + timedelta(days=5, seconds=1))


def test_two_automatic_backups_in_one_second_keep_both(sample_store):
    now = datetime(2026, 10, 1, 12, 0, 0)
    first = maintenance.automatic_backup(sample_store, now=now)
    second = maintenance.automatic_backup(sample_store, now=now)
    assert first != second and first.is_file() and second.is_file()
    assert maintenance.automatic_backups(sample_store.path) == [first, second]


# ---- restore -----------------------------------------------------------------------------------
def test_restore_keeps_the_old_database_and_puts_the_backup_in_place(live, backup_file):
    kept = maintenance.restore(backup_file, live)
    assert kept is not None and kept.parent == live.parent
    assert claims_in(live) == 4
    with Store.open(kept) as old:
        assert old.get_setting("office_name") == "live"
    assert not list(live.parent.glob("*.part"))


def test_two_restores_in_one_second_keep_both_old_copies(live, backup_file, monkeypatch):
    frozen = datetime(2026, 10, 1, 12, 0, 0)

    class Clock(datetime):
        @classmethod
        def now(cls, tz=None):  # noqa: ANN001, ANN206
            return frozen

    monkeypatch.setattr(maintenance, "datetime", Clock)
    first = maintenance.restore(backup_file, live)
    second = maintenance.restore(backup_file, live)
    assert first is not None and second is not None and first != second
    with Store.open(first) as old:
        assert old.get_setting("office_name") == "live"  # the first kept copy was not overwritten
    assert claims_in(second) == 4


def test_restore_folds_the_live_wal_so_no_stale_wal_meets_the_backup(live, backup_file):
    holder = sqlite3.connect(live)
    holder.execute("PRAGMA wal_autocheckpoint = 0")
    holder.execute("INSERT INTO settings (key, value) VALUES ('region', '\"late\"')")
    holder.commit()
    wal = live.with_name(live.name + "-wal")
    assert wal.stat().st_size > 0
    with pytest.raises(DatabaseUnavailable) as caught:  # another connection holds it: refused
        maintenance.restore(backup_file, live)
    assert caught.value.trouble is Trouble.LOCKED
    holder.close()
    kept = maintenance.restore(backup_file, live)
    assert kept is not None
    with Store.open(live) as restored:
        assert restored.check() == [] and restored.get_setting("region") != "late"
    with Store.open(kept) as old:
        assert old.get_setting("region") == "late"  # the change that was only in the WAL went aside with it


@pytest.mark.parametrize("make", ["not_sqlite", "foreign_sqlite", "damaged", "newer"])
def test_restore_refuses_what_is_not_a_whole_database_of_ours(live, backup_file, tmp_path, make):
    bad = tmp_path / f"{make}.sqlite3"
    if make == "not_sqlite":
        bad.write_bytes(b"not a database" * 1000)
    elif make == "foreign_sqlite":
        conn = sqlite3.connect(bad)
        conn.execute("CREATE TABLE t (x)")
        conn.close()
    elif make == "damaged":
        bad.write_bytes(backup_file.read_bytes())
        scribble_a_table_page(bad)
    else:
        bad.write_bytes(backup_file.read_bytes())
        conn = sqlite3.connect(bad)
        conn.execute("PRAGMA user_version = 999")
        conn.close()
    before = sorted(p.name for p in live.parent.iterdir())
    content = live.read_bytes()
    with pytest.raises(BadBackup) as caught:
        maintenance.restore(bad, live)
    assert str(bad) in caught.value.text("en")
    assert sorted(p.name for p in live.parent.iterdir()) == before and live.read_bytes() == content


def test_restore_onto_a_full_disk_changes_nothing(live, backup_file, monkeypatch):
    def full(source, dest):  # noqa: ANN001, ANN202
        Path(dest).write_bytes(b"half")
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(maintenance, "copy_database", full)
    before = sorted(p.name for p in live.parent.iterdir())
    content = live.read_bytes()
    with pytest.raises(DatabaseUnavailable) as caught:
        maintenance.restore(backup_file, live)
    assert caught.value.trouble is Trouble.DISK_FULL
    said = caught.value.text("en").replace(caught.value.path, "PATH")
    assert said.startswith("the disk holding PATH is full") and "damaged" not in said and "restore" not in said
    assert sorted(p.name for p in live.parent.iterdir()) == before and live.read_bytes() == content
    with Store.open(live) as s:
        assert s.get_setting("office_name") == "live"


def test_restore_refused_before_copying_when_the_disk_cannot_hold_it(live, backup_file, monkeypatch):
    monkeypatch.setattr(maintenance.shutil, "disk_usage", lambda _p: os.statvfs_result((0,) * 10) and type(
        "Usage", (), {"free": 10})())
    content = live.read_bytes()
    with pytest.raises(DatabaseUnavailable) as caught:
        maintenance.restore(backup_file, live)
    assert caught.value.trouble is Trouble.DISK_FULL and live.read_bytes() == content


def test_restore_into_a_read_only_folder_changes_nothing(live, backup_file, monkeypatch):
    from desktop import files

    real_open = os.open

    def refuse(path, flags, mode=0o777, **kw):  # noqa: ANN001, ANN202
        if str(path).startswith(str(live.parent)) and flags & os.O_CREAT:
            raise OSError(errno.EROFS, os.strerror(errno.EROFS), str(path))
        return real_open(path, flags, mode, **kw)

    monkeypatch.setattr(files.os, "open", refuse)
    content = live.read_bytes()
    with pytest.raises(DatabaseUnavailable) as caught:
        maintenance.restore(backup_file, live)
    assert caught.value.trouble is Trouble.READ_ONLY and live.read_bytes() == content
    assert not list(live.parent.glob("*before-restore*"))


def test_restore_of_the_database_onto_itself_is_refused(live):
    with pytest.raises(BadBackup):
        maintenance.restore(live, live)
