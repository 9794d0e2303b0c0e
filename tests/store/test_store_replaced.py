"""A drafts file replaced behind the store's back — emptied, or an older copy put back by a sync
tool or a bad restore — is kept aside and the drafts come back; backups that are the last to hold
a draft are never rotated away, unless the draft was purged on purpose."""

from __future__ import annotations

import json
import os
import shutil
from types import SimpleNamespace

import pytest

from kopsavilkums.store import ConflictError, DraftStore


@pytest.fixture
def saved(store_path, seed_report, complete_report):
    """Two drafts, the last save a change to the first; the file as it was after the first save."""
    with DraftStore(store_path) as store:
        first = store.save(seed_report)
        older = store_path.read_bytes()
        second = store.save(complete_report)
        seed_report.title = "pēdējā redakcija"
        store.save(seed_report, first)
    return SimpleNamespace(ids={first, second}, first=first, older=older, last=store_path.read_bytes())


def _ids(store, trashed=False):
    return {info.id for info in store.list(trashed=trashed)}


def _drafts(payload):
    return json.loads(payload)["drafts"]


def _backups(store_path):
    return sorted((store_path.parent / "drafts-backups").glob("drafts-[0-9]*.json"))


REPLACEMENTS = {
    "emptied to {}": lambda saved: b"{}",
    "an empty drafts table": lambda saved: b'{"drafts": {}}',
    "an empty store of the same schema": lambda saved: b'{"drafts": {}, "meta": {"1": {"schema": 1}}}',
    "an older copy": lambda saved: saved.older,
}


@pytest.mark.parametrize("replacement", REPLACEMENTS.values(), ids=REPLACEMENTS.keys())
def test_a_replaced_file_is_kept_aside_and_the_drafts_come_back(saved, store_path, replacement):
    bad = replacement(saved)
    store_path.write_bytes(bad)
    newest_backup = _backups(store_path)[-1]
    with DraftStore(store_path) as store:
        assert _ids(store) == saved.ids
        assert store.load(saved.first).title == "pēdējā redakcija"
        notice = store.repaired
        assert notice is not None and notice.kind == "replaced"
        assert notice.bad_file.read_bytes() == bad  # kept, byte for byte
        assert notice.bad_file.name.startswith("drafts.replaced-") and notice.bad_file.parent == store_path.parent
        assert str(notice.bad_file) in notice.message.en and str(notice.bad_file) in notice.message.lv
        assert "older or emptied copy" in notice.message.en and "vecāku vai iztukšotu kopiju" in notice.message.lv
        assert notice.restored_from == newest_backup
    assert _drafts(store_path.read_bytes()) == _drafts(saved.last)
    with DraftStore(store_path) as store:
        assert store.repaired is None  # whole again: nothing more to tell


def test_saves_after_an_emptied_file_keep_every_draft(saved, store_path, seed_report):
    """The loss the store used to miss: the emptied file taken as a new store, and five saves
    later the backups that held the drafts rotated away."""
    store_path.write_bytes(b"{}")
    with DraftStore(store_path) as store:
        new = {store.save(seed_report) for _ in range(6)}
    with DraftStore(store_path) as store:
        assert _ids(store) == saved.ids | new


def test_a_file_emptied_while_the_store_is_open_is_noticed_before_the_next_change(saved, store_path, seed_report):
    with DraftStore(store_path) as store:
        assert _ids(store) == saved.ids
        store_path.write_bytes(b'{"drafts": {}}')  # e.g. a sync tool, while the window is open
        new = store.save(seed_report)
        assert _ids(store) == saved.ids | {new}
        assert store.repaired.kind == "replaced"


def test_an_older_copy_that_only_lost_a_move_to_the_trash_is_noticed_too(store_path, seed_report):
    with DraftStore(store_path) as store:
        draft = store.save(seed_report)
        before = store_path.read_bytes()
        store.delete(draft)
    store_path.write_bytes(before)
    with DraftStore(store_path) as store:
        assert store.repaired is not None
        assert _ids(store) == set() and _ids(store, trashed=True) == {draft}


def test_file_and_backups_deleted_while_open_are_written_back_as_last_read(saved, store_path):
    with DraftStore(store_path) as store:
        assert _ids(store) == saved.ids
        shutil.rmtree(store_path.parent / "drafts-backups")
        store_path.unlink()
        assert _ids(store) == saved.ids
        notice = store.repaired
        assert notice.kind == "missing" and notice.restored_from is None
        assert "last read or saved" in notice.message.en and "pēdējoreiz nolasīja" in notice.message.lv
    with DraftStore(store_path) as store:
        assert _ids(store) == saved.ids and store.repaired is None
    assert len(_backups(store_path)) == 1  # and it has a backup again


def test_file_and_backups_put_back_to_an_older_state_while_open_are_written_back(store_path, seed_report, tmp_path):
    """A sync tool restoring the whole folder to yesterday: every backup is older than what the
    open store read, so it writes that back rather than one of them."""
    folder = store_path.parent
    with DraftStore(store_path) as store:
        first = store.save(seed_report)
        shutil.copytree(folder, tmp_path / "yesterday", ignore=shutil.ignore_patterns("*.lock"))
        second = store.save(seed_report)
        assert _ids(store) == {first, second}
        shutil.rmtree(folder / "drafts-backups")
        shutil.copytree(tmp_path / "yesterday", folder, dirs_exist_ok=True)
        assert _ids(store) == {first, second}
        assert store.repaired.kind == "replaced" and store.repaired.restored_from is None
    with DraftStore(store_path) as store:
        assert _ids(store) == {first, second} and store.repaired is None


def test_a_deleted_backups_folder_is_no_loss_and_no_alarm(saved, store_path, seed_report):
    shutil.rmtree(store_path.parent / "drafts-backups")
    with DraftStore(store_path) as store:
        assert _ids(store) == saved.ids and store.repaired is None
        store.save(seed_report)
    assert len(_backups(store_path)) == 1


def test_a_draft_purged_by_another_window_is_not_taken_for_a_loss(store_path, seed_report):
    with DraftStore(store_path) as first, DraftStore(store_path) as second:
        kept, purged = first.save(seed_report), first.save(seed_report)
        assert _ids(second) == {kept, purged}
        first.delete(purged)
        first.purge(purged)
        assert _ids(second) == {kept} and _ids(second, trashed=True) == set()
        assert first.repaired is None and second.repaired is None
    with DraftStore(store_path) as store:
        assert store.repaired is None and _ids(store) == {kept}


def test_a_store_written_before_generations_opens_quietly_and_carries_on(store_path, seed_report):
    with DraftStore(store_path) as store:
        draft = store.save(seed_report)
    # What the previous version left: no generation in the file, backups numbered in sequence.
    tables = json.loads(store_path.read_bytes())
    tables["meta"]["1"] = {"schema": 1}
    old = json.dumps(tables).encode()
    store_path.write_bytes(old)
    for backup in _backups(store_path):
        backup.unlink()
    for number in (7, 8, 9):
        (store_path.parent / "drafts-backups" / f"drafts-{number:06d}.json").write_bytes(old)
    with DraftStore(store_path) as store:
        assert store.repaired is None and _ids(store) == {draft}
        store.save(seed_report, draft)
    assert json.loads(store_path.read_bytes())["meta"]["1"]["generation"] == 10
    assert _backups(store_path)[-1].name == "drafts-000010.json"


def test_rotation_keeps_the_last_backup_of_a_draft_the_file_lost_unnoticed(store_path, seed_report, complete_report):
    """Should a draft ever leave the file without being purged and without the store noticing —
    here a sync tool put the same state without it in place of both the file and the newest
    backup — the last backup holding it is never rotated away, however often one saves."""
    with DraftStore(store_path) as store:
        kept = store.save(seed_report)
        lost = store.save(complete_report)
        complete_report.title = "its last revision"
        store.save(complete_report, lost)
        for number in range(3):
            seed_report.title = f"redakcija {number}"
            store.save(seed_report, kept)
    tables = json.loads(store_path.read_bytes())
    last_revision = tables["drafts"].pop(lost)
    generation = tables["meta"]["1"]["generation"] + 1
    tables["meta"]["1"]["generation"] = generation
    payload = json.dumps(tables).encode()
    store_path.write_bytes(payload)
    (store_path.parent / "drafts-backups" / f"drafts-{generation:06d}.json").write_bytes(payload)

    with DraftStore(store_path) as store:
        assert store.repaired is None  # nothing looked wrong
        for number in range(10):
            seed_report.title = f"vēlāk {number}"
            store.save(seed_report, kept)
    holding = [b for b in _backups(store_path) if lost in json.loads(b.read_bytes())["drafts"]]
    assert [json.loads(b.read_bytes())["drafts"][lost] for b in holding] == [last_revision]
    assert len(_backups(store_path)) == 6  # the newest five, and that one


def test_the_backups_of_a_purged_draft_rotate_away_as_usual(store_path, seed_report):
    with DraftStore(store_path) as store:
        kept, purged = store.save(seed_report), store.save(seed_report)
        store.delete(purged)
        store.purge(purged)
        for number in range(6):
            seed_report.title = f"redakcija {number}"
            store.save(seed_report, kept)
    backups = _backups(store_path)
    assert len(backups) == 5
    assert not [b for b in backups if purged in json.loads(b.read_bytes())["drafts"]]


def _sync(source_folder, target_folder):
    """What a sync tool does: the other computer's drafts file put in place, atomically."""
    temporary = target_folder / ".sync-in-progress"
    temporary.write_bytes((source_folder / "drafts.json").read_bytes())
    os.replace(temporary, target_folder / "drafts.json")


def test_two_computers_syncing_one_folder_keep_both_sides_and_settle(tmp_path, seed_report, complete_report):
    """Both computers saved since the last sync, and the sync tool put the other one's file in
    place: what each added or changed is kept, and the result, synced back, is taken by the
    other computer without a repair of its own — they do not fight over the file."""
    ours_folder, theirs_folder = tmp_path / "ours", tmp_path / "theirs"
    with DraftStore(ours_folder / "drafts.json") as ours:
        shared = ours.save(seed_report)
    shutil.copytree(ours_folder, theirs_folder)
    with DraftStore(ours_folder / "drafts.json") as ours, DraftStore(theirs_folder / "drafts.json") as theirs:
        mine = ours.save(complete_report)
        edited = theirs.load(shared)
        edited.title = "changed on the other computer"
        theirs.save(edited, shared)
        both = ours.load(shared)  # the same draft, changed on both to the same revision
        both.task = "changed here"
        ours.save(both, shared)
        _sync(theirs_folder, ours_folder)

        listed = {info.id: info for info in ours.list()}
        assert ours.repaired.kind == "replaced" and "kept as well (1)" in ours.repaired.message.en
        assert mine in listed and shared in listed and len(listed) == 3
        assert ours.load(shared).task == "changed here"  # ours under its id, theirs beside it
        [copy] = set(listed) - {mine, shared}
        assert ours.load(copy).title == "changed on the other computer"

        _sync(ours_folder, theirs_folder)
        assert {info.id for info in theirs.list()} == set(listed)
        assert theirs.repaired is None  # nothing of theirs was missing: no repair in turn
        with pytest.raises(ConflictError):  # their window, still showing its version, is asked
            theirs.save(edited, shared)
        _sync(theirs_folder, ours_folder)
        assert {info.id for info in ours.list()} == set(listed)
    assert len(list(ours_folder.glob("drafts.replaced-*.json"))) == 1
    assert list(theirs_folder.glob("drafts.replaced-*.json")) == []


def test_a_replacing_file_with_a_newer_revision_of_one_draft_keeps_it(store_path, seed_report, complete_report):
    with DraftStore(store_path) as store:
        first, second = store.save(seed_report), store.save(complete_report)
    tables = json.loads(store_path.read_bytes())
    del tables["drafts"][second]  # it lost one draft ...
    record = tables["drafts"][first]  # ... and holds a revision of another no backup has
    record["revision"] += 1
    record["report"]["report"]["title"] = "newer, and only in the replacing file"
    store_path.write_text(json.dumps(tables), "utf-8")
    with DraftStore(store_path) as store:
        assert store.repaired is not None and _ids(store) == {first, second}
        assert store.load(first).title == "newer, and only in the replacing file"


def test_the_same_revision_saved_on_two_computers_is_noticed_and_both_kept(tmp_path, seed_report):
    ours_folder, theirs_folder = tmp_path / "ours", tmp_path / "theirs"
    with DraftStore(ours_folder / "drafts.json") as ours:
        shared = ours.save(seed_report)
    shutil.copytree(ours_folder, theirs_folder)
    with DraftStore(ours_folder / "drafts.json") as ours, DraftStore(theirs_folder / "drafts.json") as theirs:
        for store, title in ((ours, "šeit"), (theirs, "tur")):
            report = store.load(shared)
            report.title = title
            store.save(report, shared)
        _sync(theirs_folder, ours_folder)
        assert sorted(info.title for info in ours.list()) == ["tur", "šeit"]
        assert ours.repaired is not None
