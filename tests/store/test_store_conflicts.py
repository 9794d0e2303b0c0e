"""Two windows (two open stores) on one file: nothing lost, no silent overwrite."""

from __future__ import annotations

import pytest

from kopsavilkums.store import ConflictError, DraftNotFound, DraftStore


@pytest.fixture
def two_windows(store_path):
    with DraftStore(store_path) as first, DraftStore(store_path) as second:
        yield first, second


def test_a_draft_saved_in_one_window_is_seen_by_the_other(two_windows, seed_report):
    first, second = two_windows
    draft_id = first.save(seed_report)
    assert [info.id for info in second.list()] == [draft_id]
    assert second.load(draft_id) == seed_report


def test_different_drafts_saved_from_two_windows_are_all_kept(two_windows, seed_report, complete_report):
    first, second = two_windows
    a = first.save(seed_report)
    b = second.save(complete_report)
    seed_report.title = "A, otrā redakcija"
    first.save(seed_report, a)  # first must not write back its stale picture without b
    assert {info.id for info in second.list()} == {a, b}
    assert second.load(a).title == "A, otrā redakcija"
    assert first.load(b) == complete_report


def test_saving_a_stale_copy_raises_conflict_and_changes_nothing(two_windows, seed_report):
    first, second = two_windows
    draft_id = first.save(seed_report)
    stale = second.load(draft_id)
    mine = first.load(draft_id)
    mine.title = "saved first"
    first.save(mine, draft_id)
    before = first.path.read_bytes()
    stale.title = "saved from a stale copy"
    with pytest.raises(ConflictError, match=draft_id):
        second.save(stale, draft_id)
    assert first.path.read_bytes() == before
    assert second.load(draft_id).title == "saved first"


def test_after_a_conflict_the_caller_can_overwrite_on_purpose(two_windows, seed_report):
    first, second = two_windows
    draft_id = first.save(seed_report)
    stale = second.load(draft_id)
    first.save(seed_report, draft_id)
    stale.title = "mine wins"
    with pytest.raises(ConflictError):
        second.save(stale, draft_id)
    second.save(stale, draft_id, force=True)
    assert first.load(draft_id).title == "mine wins"
    assert first.info(draft_id).revision == 3


def test_reloading_after_a_conflict_makes_the_next_save_normal(two_windows, seed_report):
    first, second = two_windows
    draft_id = first.save(seed_report)
    second.load(draft_id)
    first.save(seed_report, draft_id)
    with pytest.raises(ConflictError):
        second.save(seed_report, draft_id)
    fresh = second.load(draft_id)
    fresh.title = "after reloading"
    second.save(fresh, draft_id)
    assert first.load(draft_id).title == "after reloading"


def test_saving_a_draft_that_was_purged_elsewhere_is_a_conflict_not_a_loss(two_windows, seed_report):
    first, second = two_windows
    draft_id = first.save(seed_report)
    kept = second.load(draft_id)
    first.delete(draft_id)
    first.purge(draft_id)
    with pytest.raises(ConflictError, match="deleted"):
        second.save(kept, draft_id)
    new_id = second.save(kept)  # what the window offers: keep it as a new draft
    assert first.load(new_id) == kept
    with pytest.raises(DraftNotFound):
        first.load(draft_id)
