"""What a window or script does with drafts: save, reopen, list, trash, duplicate."""

from __future__ import annotations

import os
import threading
from datetime import UTC

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kopsavilkums.report import Indicator, Objective
from kopsavilkums.store import DraftNotFound, DraftStore, StoreError


def test_a_saved_draft_opens_again_identical_with_its_row_ids(store_path, seed_report):
    with DraftStore(store_path) as store:
        draft_id = store.save(seed_report)
    with DraftStore(store_path) as reopened:
        loaded = reopened.load(draft_id)
    assert loaded == seed_report
    assert [o.id for o in loaded.objectives] == [o.id for o in seed_report.objectives]
    assert [i.id for i in loaded.indicators] == [i.id for i in seed_report.indicators]


def test_the_store_file_and_its_folder_are_created_on_open(store_path):
    assert not store_path.parent.exists()
    with DraftStore(store_path):
        pass
    assert store_path.is_file()


def test_list_shows_what_a_user_picks_a_draft_by_newest_change_first(store, seed_report, complete_report):
    older = store.save(seed_report)
    newer = store.save(complete_report)
    listed = store.list()
    assert [info.id for info in listed] == [newer, older]
    info = listed[1]
    assert info.title == seed_report.title
    assert info.performer == seed_report.performer
    assert info.period == seed_report.period
    assert info.status == "draft" and info.revision == 1 and not info.trashed
    assert info.modified.tzinfo is not None and info.modified.utcoffset() == UTC.utcoffset(None)

    store.save(seed_report, older)
    assert [info.id for info in store.list()] == [older, newer]


def test_saving_again_makes_the_next_revision_and_keeps_when_it_was_created(store, seed_report):
    draft_id = store.save(seed_report)
    first = store.info(draft_id)
    seed_report.title = "Jauns nosaukums"
    assert store.save(seed_report, draft_id) == draft_id
    second = store.info(draft_id)
    assert (second.revision, second.created, second.title) == (2, first.created, "Jauns nosaukums")
    assert second.modified > first.modified
    assert len(store.list()) == 1


def test_saving_does_not_change_or_keep_the_callers_report(store, seed_report):
    before = seed_report.copy()
    draft_id = store.save(seed_report)
    assert seed_report == before
    seed_report.title = "changed after saving"
    assert store.load(draft_id).title == before.title


def test_delete_moves_to_the_trash_and_restore_brings_it_back(store, seed_report):
    draft_id = store.save(seed_report)
    store.delete(draft_id)
    assert store.list() == []
    assert [info.id for info in store.list(trashed=True)] == [draft_id]
    assert store.load(draft_id) == seed_report  # a trashed draft can still be opened
    store.restore(draft_id)
    assert [info.id for info in store.list()] == [draft_id]
    assert store.list(trashed=True) == []


def test_purge_removes_for_good_but_only_from_the_trash(store, seed_report):
    draft_id = store.save(seed_report)
    with pytest.raises(StoreError, match="not in the trash"):
        store.purge(draft_id)
    store.delete(draft_id)
    store.purge(draft_id)
    assert store.list() == [] and store.list(trashed=True) == []
    with pytest.raises(DraftNotFound):
        store.load(draft_id)


def test_duplicate_is_an_independent_new_draft(store, seed_report):
    original = store.save(seed_report)
    store.set_status(original, "submitted")
    copy_id = store.duplicate(original)
    assert copy_id != original
    assert store.load(copy_id) == seed_report
    assert store.info(copy_id).status == "draft"
    changed = store.load(copy_id)
    changed.objectives.append(Objective("tikai kopijā"))
    store.save(changed, copy_id)
    assert store.load(original) == seed_report


def test_status_survives_saving_and_only_known_statuses_are_accepted(store, seed_report):
    draft_id = store.save(seed_report)
    store.set_status(draft_id, "submitted")
    store.save(seed_report, draft_id)
    assert store.info(draft_id).status == "submitted"
    with pytest.raises(ValueError):
        store.set_status(draft_id, "archived")


def test_an_unknown_id_is_named_in_the_error(store, seed_report):
    for action in (store.load, store.info, store.delete, store.restore, store.purge, store.duplicate):
        with pytest.raises(DraftNotFound, match="nosuchdraft"):
            action("nosuchdraft")
    with pytest.raises(KeyError):  # callers may treat it as a plain missing key
        store.load("nosuchdraft")
    with pytest.raises(DraftNotFound):
        store.save(seed_report, "nosuchdraft")


def test_text_that_looks_like_markup_or_control_survives(store, seed_report):
    text = 'A & B <b>ne</b> "pēdiņas"\t\ttab\nrinda 🎉 ĀČĒĢĪĶĻŅŠŪŽ āčēģīķļņšūž \\ \u200b' + "x" * 1_000_000
    seed_report.other_information = text
    seed_report.indicators.append(Indicator(text="<script>", planned="~340", achieved="nav notikusi", note="&amp;"))
    draft_id = store.save(seed_report)
    with DraftStore(store.path) as reopened:
        assert reopened.load(draft_id) == seed_report


def test_text_that_cannot_be_stored_is_refused_clearly_and_nothing_changes(store, seed_report):
    draft_id = store.save(seed_report)
    before = store.path.read_bytes()
    broken = seed_report.copy()
    broken.title = "half a surrogate \ud800"
    with pytest.raises(StoreError, match="cannot be stored"):
        store.save(broken, draft_id)
    assert store.path.read_bytes() == before
    assert store.load(draft_id) == seed_report


def test_saves_from_many_threads_are_all_kept(store, seed_report):
    ids: list[str] = []

    def worker():
        for _ in range(25):
            ids.append(store.save(seed_report))

    threads = [threading.Thread(target=worker) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(set(ids)) == 100
    assert {info.id for info in store.list()} == set(ids)


def test_a_closed_store_says_so(store_path, seed_report):
    store = DraftStore(store_path)
    store.close()
    store.close()  # twice is harmless
    with pytest.raises(StoreError, match="closed"):
        store.save(seed_report)
    with pytest.raises(StoreError, match="closed"):
        store.list()


def test_read_only_store_reads_and_refuses_to_change(store_path, seed_report):
    with DraftStore(store_path) as store:
        draft_id = store.save(seed_report)
    with DraftStore(store_path, read_only=True) as reader:
        assert reader.load(draft_id) == seed_report
        with pytest.raises(StoreError, match="read-only"):
            reader.save(seed_report, draft_id)
        with pytest.raises(StoreError, match="read-only"):
            reader.delete(draft_id)


def test_read_only_store_of_a_folder_without_drafts_is_empty_and_creates_nothing(tmp_path):
    path = tmp_path / "drafts.json"
    with DraftStore(path, read_only=True) as reader:
        assert reader.list() == []
    assert not path.exists()


@pytest.mark.skipif(os.name == "nt", reason="POSIX permissions")
def test_a_new_store_is_readable_by_its_owner_alone_and_an_existing_one_keeps_its_mode(store_path, seed_report):
    with DraftStore(store_path) as store:
        store.save(seed_report)
    assert store_path.stat().st_mode & 0o777 == 0o600
    os.chmod(store_path, 0o640)
    with DraftStore(store_path) as store:
        store.save(seed_report)
    assert store_path.stat().st_mode & 0o777 == 0o640


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.text(st.characters(blacklist_categories=("Cs",)), max_size=300))
def test_any_text_comes_back_exactly(store, seed_report, text):
    seed_report.title = text
    seed_report.indicators[0].note = text
    draft_id = store.save(seed_report)
    with DraftStore(store.path) as reopened:
        assert reopened.load(draft_id) == seed_report
    assert store.info(draft_id).title == text
