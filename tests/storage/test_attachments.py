"""Attachment bytes live only while a claim names them: stored with the claim's save, deleted
(audited) in the same transaction as the last reference."""

from __future__ import annotations

import hashlib
from dataclasses import replace

import pytest

from desktop.domain.models import Attachment
from desktop.storage import Store

KNOWN: set[str] = set()  # every hash these tests made: the store is asked about them through its interface


def _attach(name: str, data: bytes) -> tuple[Attachment, dict[str, bytes]]:
    sha = hashlib.sha256(data).hexdigest()
    KNOWN.add(sha)
    return Attachment(name=name, sha256=sha, media_type="application/pdf", size=len(data)), {sha: data}


def _blobs(store: Store) -> set[str]:
    return store.blobs_present(KNOWN)


def _attachment_audit(store: Store) -> list[tuple[str, str]]:
    return [(e.action, e.record_id) for sha in sorted(KNOWN) for e in store.history(sha)
            if e.record_kind == "attachment"]


def test_bytes_are_stored_only_with_the_claim_that_names_them(sample_store):
    claim = sample_store.get_claim_by_number("CLM-2026-0001")
    act, files = _attach("акт.pdf", b"%PDF act")
    stray, stray_files = _attach("stray.pdf", b"%PDF not attached")
    assert _blobs(sample_store) == set()
    claim.attachments.append(act)
    sample_store.save_claim(claim, files=files | stray_files)
    assert _blobs(sample_store) == {act.sha256}  # bytes no attachment names are not kept
    assert sample_store.get_blob(act.sha256) == b"%PDF act"
    assert not hasattr(sample_store, "put_blob")  # no way to store bytes on their own
    assert stray.sha256 not in _blobs(sample_store)


def test_bytes_that_do_not_match_their_hash_are_refused(sample_store):
    claim = sample_store.get_claim_by_number("CLM-2026-0001")
    act, _files = _attach("акт.pdf", b"%PDF act")
    claim.attachments.append(act)
    with pytest.raises(ValueError, match="hash"):
        sample_store.save_claim(claim, files={act.sha256: b"something else"})
    assert _blobs(sample_store) == set()


def test_the_last_reference_removed_deletes_the_bytes_audited(sample_store):
    first = sample_store.get_claim_by_number("CLM-2026-0001")
    second = sample_store.get_claim_by_number("CLM-2026-0002")
    act, files = _attach("акт.pdf", b"%PDF shared act")
    for claim in (first, second):
        claim.attachments.append(act)
        sample_store.save_claim(claim, files=files)
    sample_store.save_claim(replace(sample_store.get_claim(first.id), attachments=[]))
    assert _blobs(sample_store) == {act.sha256}  # the second claim still names it
    assert _attachment_audit(sample_store) == []
    sample_store.delete_claim(second.id)
    assert _blobs(sample_store) == set()
    assert _attachment_audit(sample_store) == [("delete", act.sha256)]
    assert sample_store.check() == []  # the audit chain and the records still agree


def test_replacing_an_attachment_drops_the_old_bytes(sample_store):
    claim = sample_store.get_claim_by_number("CLM-2026-0001")
    old, old_files = _attach("v1.pdf", b"%PDF v1")
    new, new_files = _attach("v2.pdf", b"%PDF v2")
    claim.attachments.append(old)
    sample_store.save_claim(claim, files=old_files)
    claim = sample_store.get_claim(claim.id)
    claim.attachments = [new]
    sample_store.save_claim(claim, files=new_files)
    assert _blobs(sample_store) == {new.sha256}
    assert _attachment_audit(sample_store) == [("delete", old.sha256)]
    assert sample_store.check() == []


def test_a_failed_save_stores_no_bytes(sample_store):
    claim = sample_store.get_claim_by_number("CLM-2026-0001")
    act, files = _attach("акт.pdf", b"%PDF act")
    claim.attachments.append(act)
    claim.claimant_id = "00000000-0000-0000-0000-000000000000"  # unknown: the save is refused
    with pytest.raises(Exception):  # noqa: B017 - ValidationFailed; what matters is nothing stored
        sample_store.save_claim(claim, files=files)
    assert _blobs(sample_store) == set()
