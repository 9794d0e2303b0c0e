"""Repairs: a damaged, missing or half-written file loses nothing saved, and the bad file is kept."""

from __future__ import annotations

import json

import pytest

from kopsavilkums.store import DraftStore


@pytest.fixture
def saved(store_path, seed_report, complete_report):
    """A store with two drafts, the last save being a change to the first: (ids, last file bytes)."""
    with DraftStore(store_path) as store:
        first = store.save(seed_report)
        second = store.save(complete_report)
        seed_report.title = "pēdējā saglabātā redakcija"
        store.save(seed_report, first)
    return {first: seed_report, second: complete_report}, store_path.read_bytes()


def _truncated(good: bytes) -> bytes:
    return good[: len(good) // 2]


CORRUPTIONS = {
    "empty file": lambda good: b"",
    "truncated": _truncated,
    "NUL bytes": lambda good: b"\0" * len(good),
    "NUL bytes after a crash": lambda good: good[:100] + b"\0" * 4096,
    "not JSON": lambda good: "Šis nav JSON\n".encode(),
    "not UTF-8": lambda good: good.replace("ā".encode(), b"\xe1"),
    "a list, not tables": lambda good: b"[]",
    "a table that is not an object": lambda good: b'{"drafts": [], "meta": {"1": {"schema": 1}}}',
    "a draft without its fields": lambda good: json.dumps(
        {"drafts": {"abc": {"report": {}}}, "meta": {"1": {"schema": 1}}}
    ).encode(),
    "drafts without a schema": lambda good: json.dumps({"drafts": json.loads(good)["drafts"]}).encode(),
    "byte-order mark": lambda good: b"\xef\xbb\xbf" + good,
}


@pytest.mark.parametrize("damage", CORRUPTIONS.values(), ids=CORRUPTIONS.keys())
def test_a_damaged_file_is_kept_aside_and_the_last_saved_state_restored(saved, store_path, damage):
    drafts, last_good = saved
    bad_bytes = damage(last_good)
    store_path.write_bytes(bad_bytes)

    with DraftStore(store_path) as store:
        notice = store.repaired
        assert notice is not None
        assert notice.bad_file.read_bytes() == bad_bytes  # kept, byte for byte
        assert notice.bad_file != store_path and notice.bad_file.parent == store_path.parent
        assert notice.restored_from is not None
        assert str(notice.bad_file) in notice.message.en and str(notice.bad_file) in notice.message.lv
        assert {draft_id: store.load(draft_id) for draft_id in drafts} == drafts
        assert len(store.list()) == len(drafts)

    assert store_path.read_bytes() == last_good
    with DraftStore(store_path) as store:
        assert store.repaired is None


def test_damage_noticed_while_open_is_recovered_too(saved, store_path):
    drafts, last_good = saved
    with DraftStore(store_path) as store:
        store_path.write_bytes(b"")  # e.g. a sync tool replaced it while the window was open
        assert {info.id for info in store.list()} == set(drafts)
        assert store.repaired is not None
    assert store_path.read_bytes() == last_good


def test_a_bad_newest_backup_is_skipped_for_the_next_good_one(saved, store_path):
    drafts, _ = saved
    with DraftStore(store_path) as store:
        backups = store._storage.backups()
    backups[-1].write_bytes(b"{broken")
    store_path.write_bytes(b"")
    with DraftStore(store_path) as store:
        assert store.repaired.restored_from == backups[-2]
        assert {info.id for info in store.list()} == set(drafts)


def test_without_any_good_backup_the_bad_file_is_kept_and_the_store_starts_empty(store_path):
    store_path.parent.mkdir(parents=True)
    store_path.write_bytes(b"\0\0\0")
    with DraftStore(store_path) as store:
        assert store.list() == []
        assert store.repaired.restored_from is None
        assert store.repaired.bad_file.read_bytes() == b"\0\0\0"
        assert "No usable backup" in store.repaired.message.en


def test_a_missing_file_with_backups_is_restored(saved, store_path):
    drafts, last_good = saved
    store_path.unlink()
    with DraftStore(store_path) as store:
        assert store.repaired is not None
        assert {info.id for info in store.list()} == set(drafts)
    assert store_path.read_bytes() == last_good


def test_only_the_last_five_backups_are_kept_and_the_newest_is_the_last_save(store_path, seed_report):
    with DraftStore(store_path) as store:
        draft_id = store.save(seed_report)
        for number in range(8):
            seed_report.title = f"redakcija {number}"
            store.save(seed_report, draft_id)
        backups = store._storage.backups()
    assert len(backups) == 5
    assert backups[-1].read_bytes() == store_path.read_bytes()


def test_a_leftover_temporary_file_is_removed_and_never_read(saved, store_path):
    drafts, last_good = saved
    leftover = store_path.parent / f".{store_path.name}.tmp-crashed.tmp"
    leftover.write_bytes(b'{"drafts": {}, "meta": {"1": {"schema": 1}}}')
    with DraftStore(store_path) as store:
        assert {info.id for info in store.list()} == set(drafts)
        assert store.repaired is None
    assert not leftover.exists()
    assert store_path.read_bytes() == last_good
