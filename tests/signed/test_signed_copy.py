"""The signed copy kept with its draft: in the data folder by its hash, the draft marked submitted
on the signature's date; it survives a restart, a repair from a backup and a moved data folder,
stays while the draft is in the trash, and goes when it is purged."""

from __future__ import annotations

import shutil

import pytest

from kopsavilkums.convert.imported import ImportRefused
from kopsavilkums.convert.readers.signed_copy import matching_draft, read_signed_copy
from kopsavilkums.report import next_report_from
from kopsavilkums.store import DraftStore

from .test_signatures import _tampered


def _write(tmp_path, name, data):
    path = tmp_path / name
    path.write_bytes(data)
    return path


def _attach(store, draft_id, copy):
    store.attach_signed_copy(
        draft_id,
        copy.pdf,
        signer=copy.signature.signer,
        signed_at=copy.signature.signed_at,
        timestamped=copy.signature.timestamped,
    )


@pytest.fixture
def kept(tmp_path, store_path, signed_pdf, draft_report):
    """A store whose draft has the signed copy kept with it: (draft id, the copy)."""
    copy = read_signed_copy(_write(tmp_path, "parakstīts.pdf", signed_pdf))
    with DraftStore(store_path) as store:
        draft_id = store.save(draft_report)
        _attach(store, draft_id, copy)
    return draft_id, copy


def test_the_signed_copy_is_kept_by_its_hash_and_the_draft_marked_submitted_on_the_signing_date(
    kept, store_path, signed_pdf
):
    draft_id, copy = kept
    with DraftStore(store_path) as store:  # after a restart
        info = store.info(draft_id)
        path = store.signed_copy(draft_id)
    assert info.status == "submitted"
    assert info.signed_by == "Anna Ozola" and info.signed_at == copy.signature.signed_at
    assert path.parent.parent == store_path.parent and path.read_bytes() == signed_pdf


def test_a_signed_pdf_finds_its_stored_draft(kept, store_path, tmp_path, signed_pdf, draft_report):
    draft_id, copy = kept
    assert matching_draft(store_path, copy) == draft_id
    other = draft_report.copy()
    other.title = "Cits kopsavilkums"
    with DraftStore(store_path) as store:
        store.delete(draft_id)
        store.save(other)
    assert matching_draft(store_path, copy) is None  # in the trash, and the other one differs


def test_only_an_intact_signed_pdf_is_kept(tmp_path, signed_pdf, unsigned_pdf):
    for name, data in (("tampered.pdf", _tampered(signed_pdf)), ("unsigned.pdf", unsigned_pdf)):
        with pytest.raises(ImportRefused, match="cannot be kept as the signed copy"):
            read_signed_copy(_write(tmp_path, name, data))


def test_the_signed_copy_survives_a_repair_from_a_backup(kept, store_path, signed_pdf):
    draft_id, _copy = kept
    store_path.write_bytes(b"{ damaged")
    with DraftStore(store_path) as store:
        assert store.repaired is not None
        assert store.info(draft_id).signed_by == "Anna Ozola"
        assert store.signed_copy(draft_id).read_bytes() == signed_pdf


def test_the_signed_copy_moves_with_the_data_folder(kept, store_path, tmp_path, signed_pdf):
    draft_id, _copy = kept
    moved = tmp_path / "elsewhere"
    shutil.move(store_path.parent, moved)
    with DraftStore(moved / store_path.name) as store:
        assert store.signed_copy(draft_id).read_bytes() == signed_pdf


def test_the_trash_keeps_the_signed_copy_until_the_draft_is_purged(kept, store_path):
    draft_id, _copy = kept
    with DraftStore(store_path, backups=1) as store:
        store.delete(draft_id)
        path = store.signed_copy(draft_id)
        assert path.is_file()
        store.purge(draft_id)  # with one backup kept, of the file as purged: no record names it
    assert not path.exists()


def test_the_next_report_starts_from_a_signed_draft(kept, store_path, draft_report):
    draft_id, _copy = kept
    with DraftStore(store_path) as store:
        new = next_report_from(store.load(draft_id))
        new_id = store.save(new)
        assert store.info(new_id).status == "draft" and store.info(new_id).signed_by is None
    assert new.performer == draft_report.performer
