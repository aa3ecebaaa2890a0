"""The `settings` command's new keys: payment_rules, executors, documents_due_days (cli.md), checked before writing."""

from __future__ import annotations

import json

from tests.test_cli import env, run  # noqa: F401 - env is a fixture

RULES = '{"vehicle": {"moderate": "78400", "destroyed": 156750}, "dwelling": {"severe": "300000.5"}}'


def test_defaults_are_listed(env, tmp_path):  # noqa: F811
    listing = run(env, "settings", db=tmp_path / "log.sqlite3").stdout
    assert "executors = []" in listing
    assert "documents_due_days = 10" in listing
    assert "payment_rules = {}" in listing


def test_new_keys_are_set_and_read_back(env, tmp_path):  # noqa: F811
    db = tmp_path / "log.sqlite3"
    assert run(env, "settings", "payment_rules", RULES, db=db).returncode == 0
    assert json.loads(run(env, "settings", "payment_rules", db=db).stdout) == {
        "vehicle": {"moderate": "78400.00", "destroyed": "156750.00"}, "dwelling": {"severe": "300000.50"}}
    assert run(env, "settings", "executors", "Петрова А. С.; Сидоров В. В.;; Петрова А. С.", db=db).returncode == 0
    assert json.loads(run(env, "settings", "executors", db=db).stdout) == ["Петрова А. С.", "Сидоров В. В."]
    assert run(env, "settings", "executors", '["Иванова Е. Н."]', db=db).returncode == 0
    assert run(env, "settings", "documents_due_days", "15", db=db).returncode == 0
    listing = run(env, "settings", db=db).stdout
    assert 'executors = ["Иванова Е. Н."]' in listing and "documents_due_days = 15" in listing
    assert run(env, "settings", "payment_rules", "{}", db=db).returncode == 0  # no caps again
    assert run(env, "settings", "payment_rules", db=db).stdout.strip() == "{}"


def test_bad_values_exit_2_naming_the_key_and_change_nothing(env, tmp_path):  # noqa: F811
    db = tmp_path / "log.sqlite3"
    assert run(env, "settings", "payment_rules", RULES, db=db).returncode == 0
    bad_json = run(env, "settings", "payment_rules", '{"vehicle": ', db=db)
    assert bad_json.returncode == 2
    assert bad_json.stderr.startswith("payment_rules: not valid JSON: ")
    bad_cap = run(env, "settings", "payment_rules", '{"vehicle": {"moderate": "78 400", "big": "1"}, "car": {}}', db=db)
    assert bad_cap.returncode == 2
    assert bad_cap.stderr.splitlines() == [
        "payment_rules.vehicle.moderate: not an amount of roubles with at most two decimals: 78 400",
        "payment_rules.vehicle.big: not one of minor, moderate, severe, destroyed",
        "payment_rules.car: not one of vehicle, dwelling, outbuilding, commercial, infrastructure, other",
    ]
    russian = run(env, "--lang", "ru", "settings", "payment_rules", '{"vehicle": {"moderate": "x"}}', db=db)
    assert russian.returncode == 2
    assert russian.stderr.strip() == "payment_rules.vehicle.moderate: не сумма в рублях (не более двух знаков после запятой): x"
    for value in ("0", "91", "ten", "-1"):
        result = run(env, "settings", "documents_due_days", value, db=db)
        assert result.returncode == 2 and result.stderr.startswith("documents_due_days: "), value
    result = run(env, "settings", "executors", '["Петрова", 1]', db=db)
    assert result.returncode == 2 and result.stderr.strip() == "executors: must be a list of names"
    result = run(env, "settings", "executors", "[", db=db)
    assert result.returncode == 2 and result.stderr.startswith("executors: not valid JSON")
    assert json.loads(run(env, "settings", "payment_rules", db=db).stdout)["vehicle"]["moderate"] == "78400.00"


def test_a_key_given_twice_in_a_setting_is_refused(env, tmp_path):  # noqa: F811
    """`{"vehicle": [...], "vehicle": []}`: Python's JSON keeps the last, a clerk meant one of
    them; refused naming the key, the stored setting unchanged (found in review)."""
    db = tmp_path / "log.sqlite3"
    assert run(env, "settings", "payment_rules", RULES, db=db).returncode == 0
    twice = run(env, "settings", "payment_rules", '{"vehicle": {"moderate": "1"}, "vehicle": {}}', db=db)
    assert twice.returncode == 2
    assert twice.stderr.strip() == ("payment_rules.vehicle: the key is given more than once in its object "
                                    "(which one counts would be a guess)")
    nested = run(env, "settings", "payment_rules", '{"vehicle": {"moderate": "1", "moderate": "2"}}', db=db)
    assert nested.returncode == 2 and nested.stderr.startswith("payment_rules.vehicle.moderate: the key is given more than once")
    docs = run(env, "--lang", "ru", "settings", "required_documents", '{"vehicle": ["passport"], "vehicle": []}', db=db)
    assert docs.returncode == 2 and docs.stderr.strip().startswith("required_documents.vehicle: ключ повторяется")
    assert json.loads(run(env, "settings", "payment_rules", db=db).stdout)["vehicle"]["moderate"] == "78400.00"


def test_bad_values_are_told_in_the_language_the_command_speaks(env, tmp_path):  # noqa: F811
    """Found in an acceptance run: with the log's language Russian, a bad `payment_rules` was told in
    Russian and every other bad setting in English."""
    db = tmp_path / "log.sqlite3"
    assert run(env, "settings", "language", "ru", db=db).returncode == 0
    for key, value in (("documents_due_days", "999"), ("backup_keep", "abc"), ("nosuch", "1"), ("language", "de"),
                       ("executors", "[1]"), ("required_documents", "{}x"), ("required_documents", '{"x": 1}')):
        result = run(env, "settings", key, value, db=db)
        assert result.returncode == 2, key
        message = result.stderr.strip()
        assert message.startswith(f"{key}") and any("а" <= ch <= "я" for ch in message.casefold()), message
    english = run(env, "--lang", "en", "settings", "backup_keep", "abc", db=db)
    assert english.stderr.strip() == "backup_keep: must be a whole number from 1 to 10000"


def test_a_control_character_in_a_setting_is_refused(env, tmp_path):  # noqa: F811
    """`settings office_name "a<U+0001>b"` was stored; an executor typed with a bell never matches the
    same name in an imported file (which refuses control characters)."""
    db = tmp_path / "log.sqlite3"
    assert run(env, "settings", "executors", "Иванова Е. Н.", db=db).returncode == 0
    for key, value in (("office_name", "a\x01b"), ("executors", "Пет\x07рова; Сидоров"), ("region", "\x7fКалуга")):
        said = run(env, "--lang", "ru", "settings", key, value, db=db)
        assert said.returncode == 2, key
        assert said.stderr.startswith(f"{key}: содержит управляющий символ U+"), said.stderr
    assert json.loads(run(env, "settings", "executors", db=db).stdout) == ["Иванова Е. Н."]  # unchanged
    assert run(env, "settings", "office_address", "ул. Ленина, 1\nкаб. 5", db=db).returncode == 0  # a line break is text
