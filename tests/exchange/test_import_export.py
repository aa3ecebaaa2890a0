from __future__ import annotations

import hashlib
import json
import zipfile
from datetime import date, datetime
from pathlib import Path

import pytest
from openpyxl import load_workbook

from desktop.domain.enums import ClaimStatus
from desktop.domain.errors import ValidationFailed
from desktop.domain.views import Filters
from desktop.exchange import export_document, export_file, import_file, plan_import
from desktop.exchange.package import dumps
from desktop.storage import Store
from tests.samples import sample

EXPECTED_INVALID = [
    "people[0].inn: check digit wrong",
    "incidents[0].vehicles[0].vin: expected 17 characters, got 16",
    "incidents[0].vehicles[1].severity: not one of minor, moderate, severe, destroyed",
    "incidents[1]: latitude given without longitude",
    "claims[0].payment.amount: above the approved amount",
    "claims[1].items[0]: not a vehicle or property of the claim's incident",
    "claims[2].requested_amount: money must be a string",
]


def load(name: str = "sample-kaluga-2026-09.json") -> dict:
    return json.loads(sample(name).read_text(encoding="utf-8"))


def write(tmp_path: Path, doc: dict, name: str = "file.json") -> Path:
    path = tmp_path / name
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    return path


def export_text(store: Store) -> str:
    doc = export_document(store)
    doc["exported_at"] = "fixed"
    return dumps(doc)


def problem_texts(store: Store, doc: dict) -> list[str]:
    with pytest.raises(ValidationFailed) as e:
        plan_import(store, doc)
    return [p.text() for p in e.value.problems]


def test_sample_import_normalises_what_clerks_typed(sample_store):
    doc = export_document(sample_store)
    plates = [v["plate"] for i in doc["incidents"] for v in i["vehicles"]]
    assert plates == ["А123ВС40", "М456ОР40", "Т789УХ140"]
    phones = {p["full_name"]: p.get("phone") for p in doc["people"]}
    assert phones["Кузнецов Игорь Петрович"] == "+74842552190"
    assert phones["Смирнова Анна Викторовна"] == "+79105123308"
    amounts = [c["requested_amount"] for c in doc["claims"]]
    assert amounts == ["48500.00", "112000.00", "9800.50", "2350000.00"]


def test_invalid_sample_reports_the_seven_problems_and_changes_nothing(sample_store):
    before = export_text(sample_store)
    with pytest.raises(ValidationFailed) as e:
        import_file(sample_store, sample("sample-invalid.json"))
    assert sorted(p.text() for p in e.value.problems) == sorted(EXPECTED_INVALID)
    assert export_text(sample_store) == before


def test_import_twice_changes_nothing(sample_store):
    audit_before = sample_store.counts()["audit"]
    report = import_file(sample_store, sample())
    assert sum(report.created.values()) == 0 and sum(report.updated.values()) == 0
    assert report.unchanged == {"people": 4, "incidents": 2, "claims": 4}
    assert sample_store.counts()["audit"] == audit_before


def test_round_trip_is_identical(sample_store, tmp_path):
    first = export_text(sample_store)
    out = tmp_path / "out.json"
    export_file(sample_store, out)
    with Store.open(tmp_path / "empty.sqlite3") as fresh:
        import_file(fresh, out)
        assert export_text(fresh) == first


def test_update_is_reported_and_audited(sample_store, tmp_path):
    doc = load()
    doc["people"][2]["address"] = "г. Калуга, ул. Новая, 1"
    report = import_file(sample_store, write(tmp_path, doc))
    assert report.updated["people"] == 1 and report.unchanged["people"] == 3
    history = sample_store.history(doc["people"][2]["id"])
    assert history[-1].action == "update" and history[-1].new["address"] == "г. Калуга, ул. Новая, 1"


def test_a_mistake_in_the_last_record_leaves_nothing_written(store, tmp_path):
    doc = load()
    doc["claims"][-1]["filed_on"] = "18.09.2026"
    with pytest.raises(ValidationFailed) as e:
        import_file(store, write(tmp_path, doc))
    assert [p.text() for p in e.value.problems] == ["claims[3].filed_on: not a date (YYYY-MM-DD): 18.09.2026"]
    assert store.counts() == {"people": 0, "incidents": 0, "vehicles": 0, "properties": 0, "claims": 0, "audit": 0}


def test_bom_is_ignored_and_unknown_keys_refused(store, tmp_path):
    path = tmp_path / "bom.json"
    path.write_bytes(b"\xef\xbb\xbf" + sample().read_bytes())
    assert import_file(store, path).created["claims"] == 4
    doc = load()
    doc["people"][0]["fullname"] = "typo"
    doc["incidents"][0]["extra"] = {"our_id": 17}
    assert problem_texts(store, doc) == ["people[0].fullname: unknown key"]


def test_extra_is_kept_as_it_is(store, tmp_path):
    doc = load()
    doc["incidents"][0]["extra"] = {"our_id": 17, "tags": ["пруд"]}
    doc["claims"][0]["decision"]["extra"] = {"signed_by": "Иванов"}
    import_file(store, write(tmp_path, doc))
    exported = export_document(store)
    assert exported["incidents"][0]["extra"] == {"our_id": 17, "tags": ["пруд"]}
    assert exported["claims"][0]["decision"]["extra"] == {"signed_by": "Иванов"}


def test_newer_version_and_wrong_format_refused(store):
    doc = load()
    doc["version"] = 3
    texts = problem_texts(store, doc)
    assert texts == ["version: version 3 is newer than this program reads (1, 2); update Incident Log"]
    doc["version"] = 0
    assert problem_texts(store, doc) == ["version: not one of 1, 2"]
    doc = load()
    doc["format"] = "something-else"
    assert problem_texts(store, doc) == ['format: not an Incident Log file (format must be "incident-log")']


def test_broken_json_is_reported(store, tmp_path):
    path = tmp_path / "broken.json"
    path.write_text('{"format": "incident-log", ', encoding="utf-8")
    with pytest.raises(ValidationFailed) as e:
        import_file(store, path)
    assert "not valid JSON" in e.value.problems[0].text()


def test_references_assigned_in_date_order_and_kept(store, tmp_path):
    doc = load()
    for incident in doc["incidents"]:
        del incident["reference"]
    for claim in doc["claims"]:
        del claim["number"]
    doc["claims"].reverse()
    path = write(tmp_path, doc)
    import_file(store, path)
    exported = export_document(store)
    assert [i["reference"] for i in exported["incidents"]] == ["INC-2026-0001", "INC-2026-0002"]
    assert [c["number"] for c in exported["claims"]] == ["CLM-2026-0001", "CLM-2026-0002", "CLM-2026-0003", "CLM-2026-0004"]
    report = import_file(store, path)  # the file still has no numbers: the stored ones stay
    assert report.unchanged == {"people": 4, "incidents": 2, "claims": 4}


def test_reference_of_another_record_refused(sample_store):
    doc = load()
    doc["incidents"][1]["reference"] = "INC-2026-0001"
    doc["incidents"] = doc["incidents"][1:]
    doc["claims"] = [c for c in doc["claims"] if c["incident_id"] == doc["incidents"][0]["id"]]
    assert problem_texts(sample_store, doc) == ["incidents[0].reference: already used by another record: INC-2026-0001"]


def test_items_never_move_and_claimed_items_stay(sample_store):
    doc = load()
    moved = doc["incidents"][0]["vehicles"].pop()
    doc["incidents"][1]["vehicles"] = [moved]
    texts = problem_texts(sample_store, doc)
    assert any("an item never moves" in t for t in texts)
    assert any("claims[2].items[0]" in t for t in texts)
    doc = load()
    doc["incidents"][0]["vehicles"].pop(0)  # CLM-2026-0001 still claims it
    doc["claims"] = [c for c in doc["claims"] if c["number"] != "CLM-2026-0001"]
    texts = problem_texts(sample_store, doc)
    # The removed car is named (it is no longer in the file to point at), with its stored plate.
    assert texts == ["incidents[0]: item «Lada Vesta, А123ВС40» was removed from the incident, "
                     "but it is claimed in CLM-2026-0001"]


def test_an_incident_moved_past_its_stored_claims_is_refused(sample_store, tmp_path):
    """A file moving an incident to a day after claims of it the log holds (and the file does not
    bring) would leave the log breaking its own rules, and its export would not import."""
    doc = load()
    doc["incidents"][0]["occurred_at"] = "2026-09-15T10:00:00+03:00"
    doc["incidents"][0].pop("reported_at", None)
    doc["claims"] = []
    assert problem_texts(sample_store, doc) == [
        "incidents[0].occurred_at: claim CLM-2026-0001 was filed or inspected before this date"]
    # The file's own claims are judged against the new date by the claim's rules, not twice.
    doc["claims"] = [c for c in load()["claims"] if c["number"] == "CLM-2026-0001"]
    assert problem_texts(sample_store, doc) == ["claims[0].filed_on: before the incident's date"]
    # A later day none of its claims precede, or an earlier one, is a plain update.
    for moved in ("2026-09-14T23:00:00+03:00", "2026-09-11T23:00:00+03:00"):
        doc["incidents"][0]["occurred_at"] = moved
        doc["claims"] = []
        report = import_file(sample_store, write(tmp_path, doc))
        assert report.updated["incidents"] == 1
    export_file(sample_store, tmp_path / "out.json")
    assert import_file(Store.open(tmp_path / "again.sqlite3"), tmp_path / "out.json").created["claims"] == 4


def test_a_version_1_file_keeps_the_logs_version_2_facts_of_its_claims(store, tmp_path):
    """An office still writing version 1 cannot carry executor, inspection, extension, registration,
    how a claim came or the notice date: importing its file over a version 2 log keeps them."""
    import_file(store, sample("sample-kaluga-2026-09-v2.json"))
    before = {c["number"]: c for c in export_document(store)["claims"]}
    assert any("inspection" in c or "executor" in c for c in before.values())
    report = import_file(store, sample())  # the same office's version 1 file
    after = {c["number"]: c for c in export_document(store)["claims"]}
    for number, claim in before.items():
        for key in ("received_via", "registered_on", "executor", "extension", "inspection"):
            assert after[number].get(key) == claim.get(key), (number, key)
        if claim.get("decision", {}).get("notice_sent_on"):
            assert after[number]["decision"]["notice_sent_on"] == claim["decision"]["notice_sent_on"]
    assert import_file(store, sample()).updated["claims"] == 0  # the second time changes nothing
    assert report.created["claims"] == 0


def test_a_version_1_file_keeps_each_v2_fact_on_its_own_and_a_notice_only_for_its_decision(store, tmp_path):
    """A v1 file re-deciding CLM-2026-0003 (a new decision) and filing CLM-2026-0002 a day after its
    stored registration: the notice of the old decision is not pinned on the new one, and the
    registration day goes while executor and how the claim came stay."""
    import_file(store, sample("sample-kaluga-2026-09-v2.json"))
    doc = load()
    claims = {c["number"]: c for c in doc["claims"]}
    claims["CLM-2026-0003"]["decision"].update(number="РП-200", date="2026-09-25")
    claims["CLM-2026-0002"]["filed_on"] = "2026-09-17"  # stored registration: 16 September
    import_file(store, write(tmp_path, doc))
    after = {c["number"]: c for c in export_document(store)["claims"]}
    redecided = after["CLM-2026-0003"]
    assert redecided["decision"]["number"] == "РП-200" and "notice_sent_on" not in redecided["decision"]
    assert (redecided["executor"], redecided["received_via"], redecided["registered_on"]) == (
        "Тихонов Глеб Романович", "post", "2026-09-18")
    refiled = after["CLM-2026-0002"]
    assert "registered_on" not in refiled  # it would now come before filing
    assert (refiled["executor"], refiled["received_via"]) == ("Соколова Ирина Павловна", "gosuslugi")
    assert after["CLM-2026-0001"]["decision"]["notice_sent_on"] == "2026-09-22"  # the same decision keeps it


def test_unknown_owner_and_claimant(store):
    doc = load()
    doc["people"] = doc["people"][1:]
    texts = problem_texts(store, doc)
    assert "incidents[0].vehicles[0].owner_id: no such person in the file or the database" in texts
    assert "claims[0].claimant_id: no such person in the file or the database" in texts


def test_references_to_records_already_in_the_database(sample_store, tmp_path):
    doc = {"format": "incident-log", "version": 1, "people": [], "incidents": [], "claims": [{
        "id": "0b5b7c2e-3f39-4c1e-9d41-6a8f7f1c2d10", "incident_id": "a0d7a90c-2794-5778-a010-98cae88dc377",
        "claimant_id": "ad7de51a-e8db-5a6c-a927-82ff56f369b3", "items": ["162aba0d-8e3f-5574-bfa1-a27f099d7619"],
        "kind": "financial_aid", "filed_on": "2026-09-20", "status": "received"}]}
    report = import_file(sample_store, write(tmp_path, doc))
    assert report.created["claims"] == 1
    assert sample_store.get_claim("0b5b7c2e-3f39-4c1e-9d41-6a8f7f1c2d10").number == "CLM-2026-0005"


def test_zip_package_carries_attachment_bytes(sample_store, tmp_path):
    scan = "скан акта".encode() * 50
    sha = hashlib.sha256(scan).hexdigest()
    claim = sample_store.get_claim_by_number("CLM-2026-0001")
    from desktop.domain.models import Attachment
    claim.attachments.append(Attachment(name="акт осмотра.pdf", sha256=sha, media_type="application/pdf", size=len(scan)))
    sample_store.save_claim(claim, files={sha: scan})
    package = tmp_path / "log.zip"
    export_file(sample_store, package)
    with zipfile.ZipFile(package) as archive:
        assert f"attachments/{sha}" in archive.namelist()
    again = tmp_path / "again.zip"
    export_file(sample_store, again)
    assert package.read_bytes() != b"" and _data_without_stamp(package) == _data_without_stamp(again)
    with Store.open(tmp_path / "other.sqlite3") as other:
        import_file(other, package)
        assert other.get_blob(sha) == scan
        # a plain JSON import keeps the bytes the database already has
        plain = tmp_path / "plain.json"
        export_file(sample_store, plain)
        import_file(other, plain)
        assert other.get_blob(sha) == scan


def _data_without_stamp(package: Path) -> dict:
    with zipfile.ZipFile(package) as archive:
        doc = json.loads(archive.read("data.json"))
        doc["exported_at"] = None
        return {"doc": doc, "files": sorted(archive.namelist())}


def test_zip_with_wrong_bytes_refused(store, tmp_path):
    doc = load()
    sha = "0" * 64
    doc["claims"][0]["attachments"] = [{"name": "x.jpg", "sha256": sha}]
    package = tmp_path / "bad.zip"
    with zipfile.ZipFile(package, "w") as archive:
        archive.writestr("data.json", json.dumps(doc, ensure_ascii=False))
        archive.writestr(f"attachments/{sha}", b"not matching")
    with pytest.raises(ValidationFailed) as e:
        import_file(store, package)
    assert e.value.problems[0].text() == f"attachments/{sha}: the file's bytes do not match its sha256"
    assert store.counts()["claims"] == 0


def test_export_filters_bring_what_records_refer_to(sample_store):
    doc = export_document(sample_store, Filters(districts=("Гатчинский район",)))
    assert [i["reference"] for i in doc["incidents"]] == ["INC-2026-0002"]
    assert [c["number"] for c in doc["claims"]] == ["CLM-2026-0004"]
    assert [p["full_name"] for p in doc["people"]] == ["ГУП «Водоканал Ленинградской области»"]
    paid = export_document(sample_store, Filters(status=ClaimStatus.PAID))
    assert [c["number"] for c in paid["claims"]] == ["CLM-2026-0001"]
    assert [i["reference"] for i in paid["incidents"]] == ["INC-2026-0001"]
    assert {p["full_name"] for p in paid["people"]} >= {"Смирнова Анна Викторовна"}
    early = export_document(sample_store, Filters(date_to=date(2026, 9, 11)))
    assert early["incidents"] == [] and early["claims"] == []


def test_xlsx_has_one_sheet_per_kind_with_real_dates_and_numbers(sample_store, tmp_path):
    out = tmp_path / "log.xlsx"
    export_file(sample_store, out)
    book = load_workbook(out)
    assert book.sheetnames == ["Люди", "Происшествия", "Транспортные средства", "Имущество", "Заявления"]
    claims = book["Заявления"]
    headers = [c.value for c in claims[1]]
    assert headers[:3] == ["Номер", "Подано", "Заявитель"]
    first = [c.value for c in claims[2]]
    assert first[0] == "CLM-2026-0001"
    assert isinstance(first[1], datetime) and first[1].date() == date(2026, 9, 14)
    requested = first[headers.index("Запрошено")]
    assert isinstance(requested, (int, float)) and requested == 48500  # a number, not text
    incidents = book["Происшествия"]
    assert isinstance(incidents.cell(row=2, column=2).value, datetime)
    assert book["Транспортные средства"].max_row == 4


def test_lower_case_reference_is_normalised_and_moves_the_counter(store, tmp_path):
    doc = load()
    doc["incidents"][0]["reference"] = "inc-2026-0007"
    del doc["incidents"][1]["reference"]
    import_file(store, write(tmp_path, doc))
    refs = [i["reference"] for i in export_document(store)["incidents"]]
    assert refs == ["INC-2026-0007", "INC-2026-0008"]
    assert store.get_incident_by_reference("inc-2026-0007").reference == "INC-2026-0007"


def test_huge_reference_number_is_bad_input_not_a_crash(store):
    doc = load()
    doc["incidents"][0]["reference"] = "INC-2026-99999999999999999999"
    assert problem_texts(store, doc) == [
        "incidents[0].reference: the number after the year is too large: at most 999,999,998, so that the next number still fits"]


def test_claim_may_name_a_stored_incident_in_any_uuid_spelling(sample_store, tmp_path):
    doc = {"format": "incident-log", "version": 1, "people": [], "incidents": [], "claims": [{
        "id": "0b5b7c2e-3f39-4c1e-9d41-6a8f7f1c2d10", "incident_id": "{A0D7A90C27945778A01098CAE88DC377}",
        "claimant_id": "ad7de51a-e8db-5a6c-a927-82ff56f369b3", "items": ["162aba0d-8e3f-5574-bfa1-a27f099d7619"],
        "kind": "financial_aid", "filed_on": "2026-09-20", "status": "received"}]}
    assert import_file(sample_store, write(tmp_path, doc)).created["claims"] == 1


def test_a_claim_for_a_stored_incident_is_checked_against_that_incidents_items(sample_store, tmp_path):
    """The stored incident is read with the claim's items only; an item of another incident (the
    pump station of INC-2026-0002) is still refused, and an upper-case item id is the same item."""
    def claim(items: list[str]) -> dict:
        return {"format": "incident-log", "version": 1, "people": [], "incidents": [], "claims": [{
            "id": "0b5b7c2e-3f39-4c1e-9d41-6a8f7f1c2d10", "incident_id": "a0d7a90c-2794-5778-a010-98cae88dc377",
            "claimant_id": "ad7de51a-e8db-5a6c-a927-82ff56f369b3", "items": items,
            "kind": "financial_aid", "filed_on": "2026-09-20", "status": "received"}]}

    pump = sample_store.get_incident_by_reference("INC-2026-0002").properties[0].id
    texts = problem_texts(sample_store, claim(["162aba0d-8e3f-5574-bfa1-a27f099d7619", pump]))
    assert texts == ["claims[0].items[1]: not a vehicle or property of the claim's incident"]
    assert sample_store.count_claims() == 4
    report = import_file(sample_store, write(tmp_path, claim(["162ABA0D-8E3F-5574-BFA1-A27F099D7619"])))
    assert report.created["claims"] == 1


def test_json_types_are_strict_on_import(store):
    doc = load()
    doc["incidents"][0]["vehicles"][0]["year"] = "2019"
    doc["incidents"][0]["injured"] = "2"
    doc["incidents"][0]["latitude"] = "54.5"
    doc["version"] = 1.0
    doc["source"] = 5
    texts = problem_texts(store, doc)
    for expected in ("incidents[0].vehicles[0].year: must be a whole number", "incidents[0].injured: must be a whole number",
                     "incidents[0].latitude: must be a number", "source: must be a string"):
        assert expected in texts
    assert any(t.startswith("version:") for t in texts)


def test_a_duplicate_item_inside_one_incident_is_reported_once(store):
    doc = load()
    vehicles = doc["incidents"][0]["vehicles"]
    vehicles[1]["id"] = vehicles[0]["id"]
    texts = [t for t in problem_texts(store, doc) if "id used twice" in t]
    assert texts == [f"incidents[0].vehicles[1].id: id used twice: {vehicles[0]['id']}"]


def test_extra_keeps_its_key_order(store, tmp_path):
    doc = load()
    doc["people"][0]["extra"] = {"zeta": 1, "alpha": 2}
    import_file(store, write(tmp_path, doc))
    exported = {p["id"]: p for p in export_document(store)["people"]}
    assert list(exported[doc["people"][0]["id"]]["extra"]) == ["zeta", "alpha"]


def test_package_must_carry_the_bytes_it_lists(store, tmp_path):
    doc = load()
    data = b"photo bytes"
    sha = hashlib.sha256(data).hexdigest()
    doc["claims"][0]["attachments"] = [{"name": "a.jpg", "sha256": sha, "size": 999}, {"name": "b.jpg", "sha256": "1" * 64}]
    package = tmp_path / "p.zip"
    with zipfile.ZipFile(package, "w") as archive:
        archive.writestr("data.json", json.dumps(doc, ensure_ascii=False))
        archive.writestr(f"attachments/{sha}", data)
    with pytest.raises(ValidationFailed) as e:
        import_file(store, package)
    assert [p.text() for p in e.value.problems] == [
        "claims[0].attachments[0].size: the file in the package has 11 bytes",
        "claims[0].attachments[1].sha256: the package has no file for this sha256",
    ]
    # the same listing in plain JSON is fine: it lists attachments without bytes
    assert import_file(store, write(tmp_path, doc)).created["claims"] == 4


def test_a_package_is_not_made_of_attachments_the_log_has_no_bytes_for(store, tmp_path):
    """Listed without bytes by a plain .json, an attachment cannot go into a package (whose import
    would refuse it): the export says which, writes nothing; .json still exports them."""
    doc = load()
    data = b"photo bytes"
    doc["claims"][0]["attachments"] = [{"name": "b.jpg", "sha256": "1" * 64}]
    doc["claims"][1]["attachments"] = [{"name": "a.jpg", "sha256": hashlib.sha256(data).hexdigest(), "size": 11}]
    package = tmp_path / "p.zip"
    with zipfile.ZipFile(package, "w") as archive:  # a.jpg comes with its bytes, b.jpg by a plain file below
        archive.writestr("data.json", json.dumps({**doc, "claims": doc["claims"][1:2]}, ensure_ascii=False))
        archive.writestr(f"attachments/{hashlib.sha256(data).hexdigest()}", data)
    import_file(store, write(tmp_path, doc))
    import_file(store, package)
    out = tmp_path / "out.zip"
    with pytest.raises(ValidationFailed) as e:
        export_file(store, out)
    numbers = [c["number"] for c in export_document(store)["claims"]]
    where = numbers.index(doc["claims"][0]["number"])
    assert [p.path for p in e.value.problems] == [f"claims[{where}].attachments[0].sha256"]
    assert "export to .json" in e.value.text("en") and "выгрузите в .json" in e.value.text("ru")
    assert not out.exists() and not list(tmp_path.glob("*.part"))
    export_file(store, tmp_path / "out.json")
    assert import_file(Store.open(tmp_path / "again.sqlite3"), tmp_path / "out.json").created["claims"] == 4


def test_a_failure_while_writing_leaves_nothing_written(store, tmp_path, monkeypatch):
    """All-or-nothing below validation: the last write of the transaction fails, everything rolls back."""
    from desktop.storage.sqlite.store import Store as StoreClass

    def broken(self, docs, fresh):
        raise OSError("disk full")

    monkeypatch.setattr(StoreClass, "_write_docs", broken)
    with pytest.raises(OSError):
        import_file(store, sample())
    assert store.counts() == {"people": 0, "incidents": 0, "vehicles": 0, "properties": 0, "claims": 0, "audit": 0}


def test_a_workbook_costs_its_rows_not_their_square(tmp_path, monkeypatch):
    """Found in an acceptance run: a workbook of 20,000 claims took six minutes, each row asking
    openpyxl for `max_row`, which walks every cell written before it. Counted: the walks made."""
    from openpyxl.worksheet.worksheet import Worksheet

    from tests.synthetic import document

    walks = [0]
    original = Worksheet.max_row

    def counted(sheet):
        walks[0] += 1
        return original.fget(sheet)

    monkeypatch.setattr(Worksheet, "max_row", property(counted))
    with Store.open(tmp_path / "log.sqlite3") as store:
        import_file(store, write(tmp_path, document(300)))
        export_file(store, tmp_path / "log.xlsx")
    assert walks[0] <= 20, f"{walks[0]} walks over the sheets' cells for 300 claims"
    assert load_workbook(tmp_path / "log.xlsx")["Заявления"].max_row == 301


def test_a_number_of_ours_typed_with_look_alikes_is_the_same_number(sample_store):
    """СLМ-2026-0001 (Cyrillic С and М) passed as a new number beside CLM-2026-0001: two claims
    looked like one number. It is our number, so it is taken."""
    doc = {"format": "incident-log", "version": 1, "people": [], "incidents": [], "claims": [{
        "id": "0b5b7c2e-3f39-4c1e-9d41-6a8f7f1c2d10", "number": "СLМ\u20112026\u20110001",
        "incident_id": "a0d7a90c-2794-5778-a010-98cae88dc377",
        "claimant_id": "ad7de51a-e8db-5a6c-a927-82ff56f369b3", "items": ["162aba0d-8e3f-5574-bfa1-a27f099d7619"],
        "kind": "financial_aid", "filed_on": "2026-09-20", "status": "received"}]}
    assert problem_texts(sample_store, doc) == ["claims[0].number: already used by another record: CLM-2026-0001"]


@pytest.mark.parametrize("typed", ["CLM-2026-001", "clm-2026-1", "CLM-2026-00001"])
def test_a_number_of_ours_without_its_zeros_is_the_same_number(sample_store, typed):
    """CLM-2026-001 was stored as written beside CLM-2026-0001: the register showed З-2026-001 and
    З-2026-0001, and `report claim з-2026-1` opened one of them. The counter's zeros are not part of
    the number, so it is CLM-2026-0001, taken."""
    doc = {"format": "incident-log", "version": 1, "people": [], "incidents": [], "claims": [{
        "id": "0b5b7c2e-3f39-4c1e-9d41-6a8f7f1c2d10", "number": typed,
        "incident_id": "a0d7a90c-2794-5778-a010-98cae88dc377",
        "claimant_id": "ad7de51a-e8db-5a6c-a927-82ff56f369b3", "items": ["162aba0d-8e3f-5574-bfa1-a27f099d7619"],
        "kind": "financial_aid", "filed_on": "2026-09-20", "status": "received"}]}
    assert problem_texts(sample_store, doc) == ["claims[0].number: already used by another record: CLM-2026-0001"]


def test_two_numbers_of_ours_that_differ_in_zeros_are_one_number_in_a_file(sample_store):
    doc = load("sample-kaluga-2026-09-v2.json")
    doc["claims"][1]["number"] = "CLM-2026-1"  # the first claim is CLM-2026-0001
    assert "claims[1].number: used twice: CLM-2026-0001" in problem_texts(sample_store, doc)


def test_a_time_with_no_utc_equivalent_is_a_problem_of_its_field(sample_store):
    """0001-01-01T00:00:00+03:00 is a day before the calendar's first in UTC: an OverflowError, exit 1."""
    doc = load("sample-kaluga-2026-09-v2.json")
    doc["incidents"][0]["occurred_at"] = "0001-01-01T00:00:00+03:00"
    assert problem_texts(sample_store, doc) == [
        "incidents[0].occurred_at: outside the calendar once taken to UTC: 0001-01-01T00:00:00+03:00"]
