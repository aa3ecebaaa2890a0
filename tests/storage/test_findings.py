"""What `check`, a backup and a restore find wrong with a log, said in the clerk's language."""

from __future__ import annotations

import sqlite3
import string
import subprocess
import sys
from pathlib import Path

import pytest

from desktop.storage.findings import _TEXTS, Finding, Words, first_findings, in_language

REPO = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("code", sorted(_TEXTS))
def test_every_finding_is_said_in_both_languages_with_the_same_facts(code: str) -> None:
    en, ru = _TEXTS[code]
    fields = {name for _, name, _, _ in string.Formatter().parse(en) if name}
    assert fields == {name for _, name, _, _ in string.Formatter().parse(ru) if name}
    finding = Finding(code, **{name: Words(f"<{name}>", f"<{name}:ru>") for name in fields})
    assert finding == en.format(**{name: f"<{name}>" for name in fields})  # the English is the string itself
    russian = finding.text("ru")
    assert all(f"<{name}:ru>" in russian for name in fields) and any("а" <= ch <= "я" for ch in russian)
    assert in_language(finding, "en") == str(finding) and in_language("a backend's own line", "ru") == "a backend's own line"


def test_a_finding_copied_or_pickled_is_still_a_finding() -> None:
    import copy
    import pickle

    from desktop.storage.findings import entry_words, kind_words

    finding = Finding("record_changed", kind=kind_words("claim"), name="CLM-2026-0001", field="notes", entry=8,
                      at="2026-09-14T10:00:00+03:00")
    for again in (pickle.loads(pickle.dumps(finding)), copy.deepcopy(finding), copy.copy(finding)):
        assert isinstance(again, Finding) and again == finding and again.text("ru") == finding.text("ru")
    where = entry_words({"id": 3, "at": "2026-09-14"})
    assert pickle.loads(pickle.dumps(where)).ru == "№3 от 2026-09-14"


def test_a_damaged_detail_carries_both_languages() -> None:
    problems = [Finding("not_sqlite"), Finding("schema_version", version=9, expected=8), Finding("no_file")]
    detail = first_findings(problems)
    assert detail == "not an SQLite database; schema version 9, expected 8; no such file"
    assert detail.ru == "не база данных SQLite; версия схемы 9, ожидалась 8; нет такого файла"


def _cli(home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "desktop", *args], cwd=REPO, capture_output=True, text=True,
                          timeout=300, check=False, env={"QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin:/bin",
                                                         "HOME": str(home)})


@pytest.mark.backends("sqlite")
def test_check_and_restore_speak_russian_under_lang_ru(tmp_path: Path) -> None:
    """They printed the counts, the audit trail's findings and "not an SQLite database" in English."""
    from tests.samples import sample

    log = tmp_path / "log.sqlite3"
    assert _cli(tmp_path, "--db", str(log), "import", str(sample("sample-kaluga-2026-09-v2.json"))).returncode == 0
    with sqlite3.connect(log) as conn:
        conn.execute("UPDATE claims SET notes = 'правка' WHERE number = 'CLM-2026-0001'")
        conn.execute("UPDATE settings SET value = '\"Чужая\"' WHERE key = (SELECT MIN(key) FROM settings)")
    done = _cli(tmp_path, "--db", str(log), "--lang", "ru", "check")
    assert done.returncode == 3
    lines = done.stdout.splitlines()
    assert lines[1] == "лица 5, происшествия 2, ТС 3, имущество 1, заявления 4, журнал изменений " + lines[1].rsplit(" ", 1)[1]
    assert any(line.startswith("журнал изменений: заявление CLM-2026-0001 — поле notes не совпадает с последней записью №")
               for line in lines), lines
    assert "audit" not in done.stdout and "differs" not in done.stdout
    english = _cli(tmp_path, "--db", str(log), "--lang", "en", "check")
    assert any(line.startswith("audit: claim CLM-2026-0001: notes differs from its last audit entry #")
               for line in english.stdout.splitlines())  # scripts reading the English lines read them as before
    junk = tmp_path / "junk.bin"
    junk.write_bytes(b"not a database at all" * 10)
    refused = _cli(tmp_path, "--db", str(tmp_path / "other.sqlite3"), "--lang", "ru", "restore", str(junk))
    assert refused.returncode == 2
    assert refused.stderr.splitlines()[-1] == f"{junk}: не база данных SQLite"


def test_restoring_the_log_over_itself_is_not_called_a_broken_database(tmp_path: Path) -> None:
    log = tmp_path / "log.sqlite3"
    assert _cli(tmp_path, "--db", str(log), "settings", "office_name", "Администрация").returncode == 0
    refused = _cli(tmp_path, "--db", str(log), "--lang", "ru", "restore", str(log))
    assert refused.returncode == 2
    assert refused.stderr.splitlines() == [f"{log}: восстановление отменено (ничего не изменено)",
                                           f"{log}: это сама база данных, а не её резервная копия"]


def test_a_damaged_detail_says_how_many_more_there_are() -> None:
    problems = [Finding("setting_added", key=f"k{n}") for n in range(6)]
    detail = first_findings(problems)
    assert detail.endswith("; and 3 more (check lists them all)") and detail.ru.endswith("; и ещё 3 (все перечислит check)")


def test_a_hostile_unknown_key_is_cut_in_the_problem_not_echoed_whole(tmp_path: Path) -> None:
    import json

    from desktop.domain.errors import ValidationFailed
    from desktop.exchange import plan_import
    from desktop.storage import open_store

    key = "ключ" * 25_000
    with open_store(tmp_path / "log.sqlite3") as store, pytest.raises(ValidationFailed) as e:
        plan_import(store, json.loads(json.dumps({"format": "incident-log", "version": 2, "people": [], "incidents": [],
                                                  "claims": [], key: 1, "people_extra": {key: 1}})))
    texts = [p.text("ru") for p in e.value.problems]
    assert texts[0] == f"{key[:80]}…: неизвестный ключ" and all(len(t) < 200 for t in texts)
