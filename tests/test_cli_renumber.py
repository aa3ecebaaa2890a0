"""`incident-log import FILE [--renumber]` (cli.md; interchange.md, Import rules 2): taken
references and numbers are an error (exit 2, nothing written) unless --renumber, which replaces
each by the next free one of ours and prints each replacement; a second import changes nothing."""

from __future__ import annotations

import json

from tests.foreign import foreign_office, write
from tests.samples import sample
from tests.test_cli import env, run  # noqa: F401 - the CLI tests' environment fixture


def exported(env, db, tmp_path, name="out.json"):  # noqa: F811 - env is the fixture's value
    out = tmp_path / name
    assert run(env, "export", out, db=db).returncode == 0
    doc = json.loads(out.read_text(encoding="utf-8"))
    doc.pop("exported_at")
    return doc


def test_import_refuses_taken_numbers_without_renumber_and_changes_nothing(env, tmp_path):  # noqa: F811
    db = tmp_path / "log.sqlite3"
    assert run(env, "import", sample(), db=db).returncode == 0
    before = exported(env, db, tmp_path, "before.json")
    result = run(env, "import", write(tmp_path, foreign_office()), db=db)
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert lines[:2] == ["incidents[0].reference: already used by another record: INC-2026-0001",
                         "incidents[1].reference: already used by another record: INC-2026-0002"]
    assert "claims[3].number: already used by another record: CLM-2026-0004" in lines
    assert lines[-1] == "these are taken by other records of the log: import --renumber replaces them by free ones"
    assert len(lines) == 7 and result.stdout == ""
    assert exported(env, db, tmp_path, "after.json") == before


def test_import_renumber_prints_each_replacement_and_a_second_import_changes_nothing(env, tmp_path):  # noqa: F811
    db = tmp_path / "log.sqlite3"
    run(env, "import", sample(), db=db)
    doc = foreign_office()
    doc["incidents"][0]["reference"] = "КАЛ-12"  # free here: kept as the file has it
    source = write(tmp_path, doc)
    result = run(env, "import", source, "--renumber", db=db)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [
        "people: 4 created, 0 updated, 0 unchanged",
        "incidents: 2 created, 0 updated, 0 unchanged",
        "claims: 4 created, 0 updated, 0 unchanged",
        "renumbered (the file's number → ours): 5",
        "Incident 2: INC-2026-0002 → INC-2026-0003",
        "Claim 1: CLM-2026-0001 → CLM-2026-0005",
        "Claim 2: CLM-2026-0002 → CLM-2026-0006",
        "Claim 3: CLM-2026-0003 → CLM-2026-0007",
        "Claim 4: CLM-2026-0004 → CLM-2026-0008",
    ]
    state = exported(env, db, tmp_path)
    assert sorted(i["reference"] for i in state["incidents"]) == ["INC-2026-0001", "INC-2026-0002", "INC-2026-0003", "КАЛ-12"]
    theirs = {i["id"]: i["reference"] for i in state["incidents"]}
    claims = {c["id"]: c for c in state["claims"]}
    for claim in doc["claims"]:  # each still points at its own incident, by id
        assert claims[claim["id"]]["incident_id"] == claim["incident_id"] and claim["incident_id"] in theirs
    assert sorted(claims[c["id"]]["number"] for c in doc["claims"]) == [f"CLM-2026-000{n}" for n in range(5, 9)]

    again = run(env, "import", source, "--renumber", db=db)
    assert again.returncode == 0, again.stderr
    assert again.stdout.splitlines()[:3] == ["people: 0 created, 0 updated, 4 unchanged",
                                             "incidents: 0 created, 0 updated, 2 unchanged",
                                             "claims: 0 created, 0 updated, 4 unchanged"]
    # Nothing is replaced now: the records keep the numbers the first import gave them, listed as such.
    assert again.stdout.splitlines()[3:] == [
        "already in this log under a number of its own, kept (the file's number → ours): 5",
        "Incident 2: INC-2026-0002 → INC-2026-0003",
        "Claim 1: CLM-2026-0001 → CLM-2026-0005",
        "Claim 2: CLM-2026-0002 → CLM-2026-0006",
        "Claim 3: CLM-2026-0003 → CLM-2026-0007",
        "Claim 4: CLM-2026-0004 → CLM-2026-0008",
    ]
    assert "renumbered" not in again.stdout
    assert exported(env, db, tmp_path, "again.json") == state
    check = run(env, "check", db=db)
    assert check.returncode == 0, check.stdout


def test_import_renumber_in_russian_shows_the_offices_numbers(env, tmp_path):  # noqa: F811
    db = tmp_path / "log.sqlite3"
    run(env, "import", sample(), db=db)
    doc = foreign_office()
    refused = run(env, "--lang", "ru", "import", write(tmp_path, doc), db=db)
    assert refused.returncode == 2
    assert refused.stderr.splitlines()[0] == (
        "incidents[0].reference: Происшествие №1, номер: уже занят другой записью: П-2026-0001")  # as the list below says it
    assert refused.stderr.splitlines()[-1] == "номера заняты другими записями журнала: import --renumber заменит их свободными"
    result = run(env, "--lang", "ru", "import", write(tmp_path, doc), "--renumber", db=db)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[3:6] == ["перенумеровано (номер в файле → наш): 6",
                          "Происшествие №1: П-2026-0001 → П-2026-0003",
                          "Происшествие №2: П-2026-0002 → П-2026-0004"]
    assert lines[-1] == "Заявление №4: З-2026-0004 → З-2026-0008"
    assert "INC-" not in result.stdout and "CLM-" not in result.stdout


def test_renumber_does_not_pass_a_file_with_other_problems(env, tmp_path):  # noqa: F811
    db = tmp_path / "log.sqlite3"
    run(env, "import", sample(), db=db)
    before = exported(env, db, tmp_path, "before.json")
    doc = foreign_office()
    doc["people"][0]["inn"] = "1234567890"
    result = run(env, "import", write(tmp_path, doc), "--renumber", db=db)
    assert result.returncode == 2
    assert result.stderr.strip().splitlines() == ["people[0].inn: check digit wrong"]
    assert exported(env, db, tmp_path, "after.json") == before


def test_import_help_names_renumber(env):  # noqa: F811
    assert "--renumber" in run(env, "import", "--help").stdout
    assert "свободными номерами" in run(env, "--lang", "ru", "import", "--help").stdout
