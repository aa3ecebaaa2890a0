"""The command line as scripts use it: real processes, exit statuses from cli.md."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from desktop.storage import Store
from desktop.storage.sqlite.schema import SCHEMA_VERSION
from tests.damage import scribble_a_table_page
from tests.samples import REPO, sample


@pytest.fixture
def env(tmp_path):
    environment = {k: v for k, v in os.environ.items() if not k.startswith("INCIDENT_LOG")}
    environment.update(XDG_DATA_HOME=str(tmp_path / "data"), XDG_STATE_HOME=str(tmp_path / "state"),
                       HOME=str(tmp_path / "home"), LANG="C.UTF-8", LC_ALL="C.UTF-8", PYTHONPATH=str(REPO))
    return environment


def run(env, *args, db=None):
    command = [sys.executable, "-m", "desktop"]
    if db is not None:
        command += ["--db", str(db)]
    return subprocess.run([*command, *map(str, args)], env=env, capture_output=True, text=True, cwd=REPO, timeout=120)


def test_version(env):
    result = run(env, "--version")
    assert result.returncode == 0 and result.stdout.startswith("incident-log ")


def test_default_database_lives_in_the_data_folder(env, tmp_path):
    result = run(env, "import", sample())
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "data" / "incident-log" / "incident-log.sqlite3").is_file()
    env["INCIDENT_LOG_DB"] = str(tmp_path / "elsewhere.sqlite3")
    assert run(env, "check").returncode == 0
    assert (tmp_path / "elsewhere.sqlite3").is_file()
    assert run(env, "check", db=tmp_path / "third.sqlite3").returncode == 0  # --db beats the variable
    assert (tmp_path / "third.sqlite3").is_file()


def test_a_command_that_only_reads_says_when_it_made_the_log_it_was_given(env, tmp_path):
    """A mistyped `--db` makes an empty log there (the spec's "created on first use"); the
    clerk is told at once instead of taking the empty export for the log's."""
    typo = tmp_path / "kaluag.sqlite3"
    result = run(env, "--lang", "en", "export", tmp_path / "out.json", db=typo)
    assert result.returncode == 0, result.stderr
    assert f"there was no log at {typo}: a new, empty one was made" in result.stderr
    assert typo.is_file()
    result = run(env, "--lang", "ru", "export", tmp_path / "again.json", db=typo)
    assert result.returncode == 0 and "не было" not in result.stderr  # said once, when made
    result = run(env, "--lang", "ru", "check", db=tmp_path / "второй.sqlite3")
    assert result.returncode == 0
    assert f"журнала по пути {tmp_path / 'второй.sqlite3'} не было: создан новый, пустой" in result.stderr
    result = run(env, "import", sample(), db=tmp_path / "new.sqlite3")  # a command that writes: no word
    assert result.returncode == 0 and "new, empty" not in result.stderr and "пустой" not in result.stderr


def test_import_export_and_counts(env, tmp_path):
    db = tmp_path / "log.sqlite3"
    result = run(env, "import", sample(), db=db)
    assert result.returncode == 0
    assert "claims: 4 created, 0 updated, 0 unchanged" in result.stdout
    again = run(env, "import", sample(), db=db)
    assert "claims: 0 created, 0 updated, 4 unchanged" in again.stdout
    out = tmp_path / "out.json"
    assert run(env, "export", out, "--district", "г. Калуга", db=db).returncode == 0
    doc = json.loads(out.read_text(encoding="utf-8"))
    assert [i["reference"] for i in doc["incidents"]] == ["INC-2026-0001"]
    assert not out.read_bytes().startswith(b"\xef\xbb\xbf")


def test_invalid_import_exits_2_lists_every_problem_and_changes_nothing(env, tmp_path):
    db = tmp_path / "log.sqlite3"
    run(env, "import", sample(), db=db)
    before, after = tmp_path / "before.json", tmp_path / "after.json"
    run(env, "export", before, db=db)
    result = run(env, "import", sample("sample-invalid.json"), db=db)
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 7
    for path in ("incidents[0].vehicles[0].vin", "incidents[0].vehicles[1].severity", "incidents[1]:",
                 "claims[0].payment.amount", "claims[1].items[0]", "people[0].inn", "claims[2].requested_amount"):
        assert any(line.startswith(path) for line in lines), path
    assert "Traceback" not in result.stderr
    run(env, "export", after, db=db)
    strip = lambda p: {k: v for k, v in json.loads(p.read_text(encoding="utf-8")).items() if k != "exported_at"}  # noqa: E731
    assert strip(before) == strip(after)


def test_bad_usage_exits_2(env, tmp_path):
    db = tmp_path / "log.sqlite3"
    assert run(env, "frobnicate", db=db).returncode == 2
    assert run(env, "import", tmp_path / "missing.json", db=db).returncode == 2
    assert run(env, "export", tmp_path / "x.pdf", db=db).returncode == 2
    result = run(env, "export", tmp_path / "x.json", "--from", "12.09.2026", db=db)
    assert result.returncode == 2 and "--from" in result.stderr
    assert run(env, "export", tmp_path / "x.json", "--status", "lost", db=db).returncode == 2
    assert run(env, "settings", "colour", "blue", db=db).returncode == 2
    assert run(env, "settings", "language", "de", db=db).returncode == 2


def test_database_trouble_exits_3(env, tmp_path):
    result = run(env, "check", db=tmp_path / "no" / "folder" / "log.sqlite3")
    assert result.returncode == 3 and "does not exist" in result.stderr
    damaged = tmp_path / "damaged.sqlite3"
    damaged.write_bytes(os.urandom(8192))
    result = run(env, "check", db=damaged)
    assert result.returncode == 3 and "damaged" in result.stderr and "Traceback" not in result.stderr
    newer = tmp_path / "newer.sqlite3"
    run(env, "check", db=newer)
    conn = sqlite3.connect(newer)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 5}")
    conn.close()
    result = run(env, "import", sample(), db=newer)
    assert result.returncode == 3 and "newer version" in result.stderr


def test_damaged_pages_found_by_check(env, tmp_path):
    db = tmp_path / "log.sqlite3"
    run(env, "import", sample(), db=db)
    conn = sqlite3.connect(db)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.execute("PRAGMA journal_mode = DELETE")
    conn.close()
    data = bytearray(db.read_bytes())
    page = 4096
    for offset in range(page * 3, min(len(data), page * 6)):
        data[offset] = 0x5A  # scribble over a few pages, as a failing disk would
    db.write_bytes(bytes(data))
    result = run(env, "check", db=db)
    assert result.returncode == 3, result.stdout + result.stderr
    assert "Traceback" not in result.stderr


def test_settings_round_trip(env, tmp_path):
    db = tmp_path / "log.sqlite3"
    assert run(env, "settings", "office_name", "Администрация г. Калуги", db=db).returncode == 0
    assert run(env, "settings", "office_name", db=db).stdout.strip() == "Администрация г. Калуги"
    assert run(env, "settings", "districts", "г. Калуга; Боровский район", db=db).returncode == 0
    listing = run(env, "settings", db=db).stdout
    assert "office_name = Администрация г. Калуги" in listing
    assert 'districts = ["г. Калуга", "Боровский район"]' in listing
    assert "region = Калужская область" in listing


def test_backup_to_folder_file_and_default(env, tmp_path):
    db = tmp_path / "log.sqlite3"
    run(env, "import", sample(), db=db)
    default = Path(run(env, "backup", db=db).stdout.strip())
    assert default.parent == tmp_path / "backups" and default.is_file()
    folder = tmp_path / "usb"
    folder.mkdir()
    into_folder = Path(run(env, "backup", folder, db=db).stdout.strip())
    assert into_folder.parent == folder
    named = tmp_path / "copy.sqlite3"
    assert Path(run(env, "backup", named, db=db).stdout.strip()) == named
    assert run(env, "check", db=named).returncode == 0
    assert "claims 4" in run(env, "check", db=named).stdout


def test_unexpected_failure_exits_1_with_log_path(tmp_path, monkeypatch, capsys):
    """A bug, not bad input: exit 1, a short message with the log file's path, the traceback in
    that file only. (In process, with the export broken on purpose: every mistake a clerk can
    make, a folder where the file should go among them, is bad input now.)"""
    import desktop.exchange as exchange
    from desktop import cli

    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    db = tmp_path / "log.sqlite3"
    Store.open(db).close()

    def broken(*_args, **_kwargs):
        raise ZeroDivisionError("a bug")

    monkeypatch.setattr(exchange, "export_file", broken)
    assert cli.main(["--db", str(db), "export", str(tmp_path / "x.json")]) == 1
    err = capsys.readouterr().err
    assert "ZeroDivisionError" in err and "details in " in err and "Traceback" not in err
    log = Path(err.rsplit("details in ", 1)[1].strip())
    assert log.is_file() and "Traceback" in log.read_text(encoding="utf-8")


def test_a_file_the_clerk_may_not_write_or_read_exits_2_naming_it(tmp_path, monkeypatch, capsys):
    """Export into a folder the clerk may not write, import of a file they may not read: bad input
    (exit 2) naming the file as given, not an unexpected failure with a traceback's words. (In
    process: the tests run as root, whom the file system never refuses.)"""
    import desktop.exchange as exchange
    from desktop import cli

    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    db = tmp_path / "log.sqlite3"
    Store.open(db).close()  # a log that is there: a new one's word on standard error is not this test's
    target = tmp_path / "ro" / "out.json"
    target.parent.mkdir()

    def refused(_store, path, *args, **kwargs):
        raise PermissionError(13, "Permission denied", f"{path}.part")

    monkeypatch.setattr(exchange, "export_file", refused)
    monkeypatch.setattr(exchange, "import_file", refused)
    assert cli.main(["--db", str(db), "--lang", "en", "export", str(target)]) == 2
    assert capsys.readouterr().err.strip() == f"{target}: permission denied"
    source = tmp_path / "in.json"
    source.write_text("{}", encoding="utf-8")
    assert cli.main(["--db", str(db), "--lang", "ru", "import", str(source)]) == 2
    assert capsys.readouterr().err.strip() == f"{source}: нет прав на чтение или запись"


def test_locked_database_exits_3_with_a_locked_message(env, tmp_path):
    db = tmp_path / "log.sqlite3"
    run(env, "import", sample(), db=db)
    holder = sqlite3.connect(db)
    holder.execute("BEGIN IMMEDIATE")
    try:
        assert run(env, "export", tmp_path / "out.json", db=db).returncode == 0  # reading still works
        result = run(env, "settings", "office_name", "X", db=db)  # a write waits, then gives up
        assert result.returncode == 3 and "locked" in result.stderr
    finally:
        holder.rollback()
        holder.close()


def test_a_folder_given_for_a_file_is_named_as_a_folder(env, tmp_path):
    db = tmp_path / "log.sqlite3"
    for command in ("import", "restore"):
        result = run(env, command, tmp_path, db=db)
        assert result.returncode == 2 and result.stderr.strip() == f"{tmp_path}: a folder, not a file"


def test_backup_destination_rules(env, tmp_path):
    db = tmp_path / "log.sqlite3"
    run(env, "import", sample(), db=db)
    result = run(env, "backup", str(tmp_path / "missing") + "/", db=db)
    assert result.returncode == 2 and not (tmp_path / "missing").exists()
    assert run(env, "backup", db, db=db).returncode == 2
    # An existing file is never replaced: another office's log, a document, yesterday's copy.
    other = tmp_path / "other.sqlite3"
    run(env, "import", sample("sample-kaluga-2026-09-v2.json"), db=other)
    notes = tmp_path / "notes.txt"
    notes.write_text("записка", encoding="utf-8")
    before = other.read_bytes()
    for dest in (other, notes):
        result = run(env, "backup", dest, db=db)
        assert result.returncode == 2 and "already exists" in result.stderr
    assert other.read_bytes() == before and notes.read_text(encoding="utf-8") == "записка"


def test_request_documents_refused_for_a_decided_claim(env, tmp_path):
    db = tmp_path / "log.sqlite3"
    run(env, "import", sample(), db=db)
    result = run(env, "report", "request-documents", "CLM-2026-0001", "-o", tmp_path / "x.pdf", db=db)
    assert result.returncode == 2 and "already decided" in result.stderr
    ok = run(env, "report", "request-documents", "CLM-2026-0002", "-o", tmp_path / "y.pdf", db=db)
    assert ok.returncode == 0 and (tmp_path / "y.pdf").is_file()


# ---- data safety (issue 8) ----------------------------------------------------------------------
def test_report_output_never_replaces_the_database_a_backup_or_a_strangers_file(env, tmp_path):
    db = tmp_path / "x.sqlite3"
    assert run(env, "import", sample(), db=db).returncode == 0
    before = db.read_bytes()
    result = run(env, "report", "register", "-o", db, db=db)
    assert result.returncode == 2 and "must end in .pdf" in result.stderr and "database itself" in result.stderr
    assert db.read_bytes() == before and not list(tmp_path.glob("*.part"))
    pdf_db = tmp_path / "log.pdf"  # even with the right suffix, the database is not a report
    assert run(env, "import", sample(), db=pdf_db).returncode == 0
    result = run(env, "report", "summary", "-o", pdf_db, db=pdf_db)
    assert result.returncode == 2 and "database itself" in result.stderr
    backup = Path(run(env, "backup", db=db).stdout.strip())
    result = run(env, "report", "register", "-o", backup.parent / "register.pdf", db=db)
    assert result.returncode == 2 and "backups folder" in result.stderr
    letter = tmp_path / "letter.pdf"
    letter.write_bytes(b"%PDF-1.4 a letter to the tax office, made by another program")
    result = run(env, "report", "register", "-o", letter, db=db)
    assert result.returncode == 2 and "not an Incident Log report" in result.stderr
    assert letter.read_bytes().startswith(b"%PDF-1.4 a letter")
    disguised = tmp_path / "old-copy.pdf"
    disguised.write_bytes(backup.read_bytes())
    assert run(env, "report", "register", "-o", disguised, db=db).returncode == 2
    ours = tmp_path / "register.pdf"
    assert run(env, "report", "register", "-o", ours, db=db).returncode == 0
    assert run(env, "report", "register", "--district", "г. Калуга", "-o", ours, db=db).returncode == 0  # ours: replaced


def test_backup_of_a_damaged_database_exits_3_and_writes_nothing(env, tmp_path):
    db = tmp_path / "log.sqlite3"
    run(env, "import", sample(), db=db)
    scribble_a_table_page(db)
    result = run(env, "backup", db=db)
    assert result.returncode == 3, result.stdout + result.stderr
    assert "damaged" in result.stderr and "Traceback" not in result.stderr
    assert not list((tmp_path / "backups").glob("*")) if (tmp_path / "backups").exists() else True
    assert run(env, "backup", tmp_path / "copy.sqlite3", db=db).returncode == 3
    assert not (tmp_path / "copy.sqlite3").exists()


def test_a_log_whose_audit_trail_was_edited_by_hand_is_neither_backed_up_nor_copied(env, tmp_path):
    """cli.md: a database that fails its check is not backed up (exit 3). Found in an acceptance run:
    `backup` wrote it (exit 0); `copy-to` wrote the whole copy, then blamed the copy and left it."""
    import sqlite3

    db = tmp_path / "log.sqlite3"
    run(env, "import", sample(), db=db)
    conn = sqlite3.connect(db)
    conn.execute("UPDATE claims SET notes = 'правка мимо программы' WHERE number = 'CLM-2026-0001'")
    conn.commit()
    conn.close()
    assert run(env, "check", db=db).returncode == 3
    for command in (("backup", tmp_path / "copy.sqlite3"), ("copy-to", tmp_path / "moved.sqlite3")):
        result = run(env, *command, db=db)
        assert result.returncode == 3, result.stdout + result.stderr
        assert str(db) in result.stderr and "Traceback" not in result.stderr  # the log named, not the copy
        assert not command[1].exists()
        assert not [p for p in tmp_path.iterdir() if p.name.startswith(command[1].name)]


def test_restore_puts_a_backup_in_place_and_keeps_every_old_database(env, tmp_path):
    db = tmp_path / "log.sqlite3"
    run(env, "import", sample(), db=db)
    backup = Path(run(env, "backup", db=db).stdout.strip())
    kept: list[Path] = []
    for name in ("first", "second"):
        assert run(env, "settings", "office_name", name, db=db).returncode == 0
        result = run(env, "restore", backup, db=db)
        assert result.returncode == 0, result.stderr
        line = next(x for x in result.stdout.splitlines() if "kept as" in x)
        kept.append(Path(line.rsplit(" ", 1)[1]))
    assert kept[0] != kept[1]
    for path, name in zip(kept, ("first", "second"), strict=True):
        assert run(env, "settings", "office_name", db=path).stdout.strip() == name  # neither overwritten
    assert run(env, "settings", "office_name", db=db).stdout.strip() != "second"
    assert "claims 4" in run(env, "check", db=db).stdout


@pytest.mark.parametrize("kind", ["not_sqlite", "damaged", "foreign"])
def test_restore_refuses_a_file_that_is_not_a_whole_log_and_changes_nothing(env, tmp_path, kind):
    db = tmp_path / "log.sqlite3"
    run(env, "import", sample(), db=db)
    bad = tmp_path / "bad.sqlite3"
    if kind == "not_sqlite":
        bad.write_bytes(b"this is not a database" * 500)
    elif kind == "damaged":
        bad.write_bytes(Path(run(env, "backup", db=db).stdout.strip()).read_bytes())
        scribble_a_table_page(bad)
    else:
        conn = sqlite3.connect(bad)
        conn.execute("CREATE TABLE notes (text)")
        conn.close()
    listing = sorted(p.name for p in tmp_path.iterdir())
    content = db.read_bytes()
    result = run(env, "restore", bad, db=db)
    assert result.returncode == 2, result.stdout + result.stderr
    assert "not a whole Incident Log database" in result.stderr and "Traceback" not in result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == listing and db.read_bytes() == content


def test_restore_on_a_full_disk_changes_nothing_and_says_so(tmp_path, monkeypatch, capsys):
    import errno

    from desktop import cli
    from desktop.storage import Store
    from desktop.storage.sqlite import maintenance

    db = tmp_path / "log.sqlite3"
    with Store.open(db) as store:
        store.set_setting("office_name", "live")
        backup = store.backup(tmp_path / "b.sqlite3")
    content = db.read_bytes()

    def full(source, dest):  # noqa: ANN001, ANN202
        Path(dest).write_bytes(b"half a copy")
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(maintenance, "copy_database", full)
    assert cli.main(["--db", str(db), "restore", str(backup)]) == 3
    err = capsys.readouterr().err
    assert "is full" in err and "damaged" not in err and "Traceback" not in err
    assert db.read_bytes() == content and sorted(p.name for p in tmp_path.iterdir()) == ["b.sqlite3", "log.sqlite3"]


def test_nothing_in_the_data_folder_is_readable_by_others(env, tmp_path):
    data = tmp_path / "data"
    out = data / "incident-log" / "out"  # exports and reports where a clerk keeps them
    assert run(env, "import", sample()).returncode == 0
    out.mkdir(mode=0o700)  # the clerk's own folder (its mode is theirs; this test alone ran with umask 022)
    for name in ("log.json", "log.zip", "log.xlsx"):
        assert run(env, "export", out / name).returncode == 0
    assert run(env, "report", "register", "-o", out / "register.pdf").returncode == 0
    backup = Path(run(env, "backup").stdout.strip())
    assert run(env, "restore", backup).returncode == 0
    assert run(env, "export", out / "folder" / "x.json").returncode == 2  # a failure writes the log too
    logs = tmp_path / "state"
    found = [p for p in [data, *data.rglob("*"), logs, *logs.rglob("*")] if p.stat().st_mode & 0o077]
    assert found == [], [f"{p} {oct(p.stat().st_mode)}" for p in found]
    assert len(list(data.rglob("*"))) >= 8


def test_the_log_never_holds_field_values_and_rotates(env, tmp_path):
    db = tmp_path / "log.sqlite3"
    run(env, "import", sample(), db=db)
    folder = tmp_path / "state" / "incident-log" / "log"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "incident-log.log").write_bytes(b"old line\n" * 120_000)  # over 1 MB: the next entry rotates it
    passport = "4510 987654"
    script = (
        "import sys, desktop.exchange as x\n"
        "def failing(store, target, filters=None):\n"
        f"    raise ValueError('cell text \\x0b{passport} cannot be used in worksheets')\n"
        "x.export_file = failing\n"
        "from desktop.cli import main\n"
        f"sys.exit(main(['--db', {str(db)!r}, 'export', {str(tmp_path / 'out.xlsx')!r}]))\n"
    )
    result = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, text=True, cwd=REPO, timeout=120)
    assert result.returncode == 1 and "details in" in result.stderr
    text = "".join(p.read_text(encoding="utf-8") for p in folder.glob("incident-log.log*"))
    assert passport not in text and "987654" not in text
    current = (folder / "incident-log.log").read_text(encoding="utf-8")
    assert "ValueError" in current and "Traceback" in current and "failing" in current  # type and frames stay
    assert (folder / "incident-log.log.1").is_file() and (folder / "incident-log.log").stat().st_size < 1024 * 1024
    for path in (folder, *folder.iterdir()):
        assert path.stat().st_mode & 0o077 == 0, path


def test_help_is_russian_under_a_russian_locale_or_with_lang_ru(env):
    english = run(env, "--help")
    assert english.returncode == 0
    assert english.stdout.startswith("usage: incident-log") and "show this help and exit" in english.stdout

    env.pop("LC_ALL"), env.pop("LC_MESSAGES", None), env.pop("LANGUAGE", None)
    env["LANG"] = "ru_RU.UTF-8"
    russian = run(env, "--help")
    assert russian.returncode == 0
    assert russian.stdout.startswith("Использование: incident-log")
    for words in ("показать эту справку и выйти", "файл базы данных", "загрузить ФАЙЛ в формате обмена",
                  "проверить базу данных", "параметры:", "команды:"):
        assert words in russian.stdout, words
    assert "usage" not in russian.stdout and "show this help" not in russian.stdout
    report = run(env, "report", "register", "--help")
    assert "--from ДАТА" in report.stdout and "ГГГГ-ММ-ДД, включительно" in report.stdout

    env["LANG"] = "C.UTF-8"
    chosen = run(env, "--lang", "ru", "import", "--help")  # --lang before the command, as cli.md puts it
    assert chosen.stdout.startswith("Использование: incident-log import") and "ФАЙЛ" in chosen.stdout
    assert run(env, "--lang", "en", "--help").stdout.startswith("usage: ")


def test_a_refused_import_names_each_record_in_words_in_russian_after_its_path(env, tmp_path):
    db = tmp_path / "log.sqlite3"
    result = run(env, "--lang", "ru", "import", sample("sample-invalid.json"), db=db)
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 7
    assert "incidents[0].vehicles[0].vin: Происшествие №1, ТС 1, VIN: ожидается 17 символов, получено 16" in lines
    assert any(line.startswith("people[0].inn: Лицо №1, ИНН: ") for line in lines)
    assert any(line.startswith("claims[0].payment.amount: Заявление №1, выплата, сумма: ") for line in lines)
    # Every line is `path: what is wrong`, as in English: a script reads the same shape on any computer.
    english = run(env, "--lang", "en", "import", sample("sample-invalid.json"), db=db).stderr.strip().splitlines()
    assert [line.split(": ", 1)[0] for line in lines] == [line.split(": ", 1)[0] for line in english]


def test_import_counts_name_people_and_organisations_alike(env, tmp_path):
    result = run(env, "--lang", "ru", "import", sample(), db=tmp_path / "log.sqlite3")
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[0].startswith("лица: создано ")
    assert "людей" not in result.stdout


def test_export_never_writes_over_the_log_its_backups_or_a_folder(env, tmp_path):
    """A log may have any name, `.json` too: `export` over it replaced the log by its own export
    (exit 0, the log lost). Refused now, exit 2, as `report -o` refuses; nothing changed."""
    log = tmp_path / "log.json"
    assert run(env, "import", sample(), db=log).returncode == 0
    before = log.read_bytes()
    result = run(env, "--lang", "ru", "export", log, db=log)
    assert result.returncode == 2 and result.stderr.strip() == f"{log}: это сама база данных; выберите другое имя"
    assert log.read_bytes() == before
    backup = tmp_path / "elsewhere" / "log-copy.json"
    backup.parent.mkdir()
    backup.write_bytes(before)
    result = run(env, "--lang", "en", "export", backup, db=log)
    assert result.returncode == 2
    assert result.stderr.strip() == f"{backup}: that is a database (perhaps a backup), not an export; choose another name"
    into_backups = tmp_path / "backups" / "x.json"  # the backups folder beside the log
    into_backups.parent.mkdir()
    result = run(env, "--lang", "en", "export", into_backups, db=log)
    assert result.returncode == 2 and result.stderr.strip() == f"{into_backups}: that is in the backups folder; export elsewhere"
    folder = tmp_path / "out.json"
    folder.mkdir()
    result = run(env, "--lang", "en", "export", folder, db=log)  # it was exit 1 and an OSError's words
    assert result.returncode == 2 and result.stderr.strip() == f"{folder}: that is a folder"
    result = run(env, "--lang", "ru", "export", tmp_path / "out.csv", db=log)
    assert result.returncode == 2 and "файл должен оканчиваться на .json, .zip или .xlsx" in result.stderr
    result = run(env, "--lang", "ru", "export", tmp_path / "нет" / "out.json", db=log)
    assert result.returncode == 2 and result.stderr.strip() == f"{tmp_path / 'нет' / 'out.json'}: нет такой папки"
    assert log.read_bytes() == before and run(env, "check", db=log).returncode == 0
    made = tmp_path / "made-by-mktemp.json"  # an existing file that is not a database is replaced, as always
    made.write_bytes(b"")
    assert run(env, "export", made, db=log).returncode == 0 and made.read_bytes().startswith(b"{")
    assert run(env, "export", made, db=log).returncode == 0  # the same name again, as a daily script does


def test_file_problems_are_said_in_the_command_s_language(env, tmp_path):
    """`--lang ru` said «no such file», «no such folder», «already exists» in English."""
    log = tmp_path / "log.sqlite3"
    assert run(env, "import", sample(), db=log).returncode == 0
    cases = [
        (["import", tmp_path / "нет.json"], f"{tmp_path / 'нет.json'}: нет такого файла"),
        (["import", tmp_path], f"{tmp_path}: это папка, а не файл"),
        (["restore", tmp_path / "нет.sqlite3"], f"{tmp_path / 'нет.sqlite3'}: нет такого файла"),
        (["report", "register", "-o", tmp_path / "нет" / "r.pdf"], f"{tmp_path / 'нет'}: нет такой папки"),
        (["backup", tmp_path / "нет" / "b.sqlite3"], f"{tmp_path / 'нет'}: нет такой папки"),
        (["backup", log], f"{log}: это сама база данных; выберите другой файл или папку"),
        (["backup", sample()], f"{sample()}: уже существует; резервная копия никогда не заменяет файл: "
                               "укажите новый файл или папку"),
    ]
    for arguments, said in cases:
        result = run(env, "--lang", "ru", *arguments, db=log)
        assert result.returncode == 2 and result.stderr.strip() == said, (arguments, result.stderr)


def test_a_server_that_cannot_be_reached_is_said_once_in_the_program_s_words(env, tmp_path):
    """psycopg_pool's own warnings (one per attempt) went to standard error above the message."""
    result = run(env, "--lang", "ru", "check", db="postgresql://clerk@127.0.0.1:1/incident_log?connect_timeout=3")
    assert result.returncode == 3
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("не удаётся подключиться к серверу postgresql://clerk@127.0.0.1:1/incident_log"), lines
    log = tmp_path / "state" / "incident-log" / "log" / "incident-log.log"
    assert "psycopg.pool" in log.read_text(encoding="utf-8")  # kept where a developer looks


def test_libpqs_key_value_words_in_db_are_refused_not_made_a_file(env, tmp_path):
    """`--db "host=… password=…"` made a log file named after the words, and printed the password
    in «журнала по пути … не было»."""
    result = run(env, "--lang", "ru", "check", db="host=127.0.0.1 port=1 user=clerk password=Zq9Secret dbname=x")
    assert result.returncode == 3
    assert "Zq9Secret" not in result.stdout + result.stderr and "адресом-URL" in result.stderr
    assert not any("host=" in p.name for p in tmp_path.iterdir()) and not any("host=" in p.name for p in REPO.iterdir())


def test_a_setting_edited_by_hand_into_no_json_is_named_by_check_and_stops_nothing(env, tmp_path):
    import sqlite3

    db = tmp_path / "log.sqlite3"
    assert run(env, "settings", "office_name", "Администрация", db=db).returncode == 0
    with sqlite3.connect(db) as conn:
        conn.execute("UPDATE settings SET value = 'Фейк' WHERE key = 'office_name'")
    checked = run(env, "--lang", "ru", "check", db=db)
    assert checked.returncode == 3 and "Traceback" not in checked.stderr
    assert "журнал изменений: настройка office_name не читается (не JSON)" in checked.stdout
    assert run(env, "export", str(tmp_path / "out.json"), db=db).returncode == 0  # it was exit 1, JSONDecodeError
    assert run(env, "settings", db=db).returncode == 0


@pytest.mark.parametrize("command", [["export"], ["report", "register", "-o"]])
def test_a_file_name_ending_in_a_slash_is_a_folder_not_a_file(env, tmp_path, command):
    """`report register -o out/dir.pdf/` wrote a file `out/dir.pdf` (Path drops the slash), exit 0;
    `backup` refuses such a DEST unless it is a folder. Refused, exit 2, nothing written."""
    log = tmp_path / "log.sqlite3"
    assert run(env, "import", sample(), db=log).returncode == 0
    suffix = ".json" if command == ["export"] else ".pdf"
    typed = f"{tmp_path / ('dir' + suffix)}/"
    result = run(env, "--lang", "ru", *command, typed, db=log)
    assert result.returncode == 2
    assert result.stderr.strip() == f"{tmp_path / ('dir' + suffix)}: имя, оканчивающееся на /, — имя папки, а не файла"
    assert not (tmp_path / ("dir" + suffix)).exists()
