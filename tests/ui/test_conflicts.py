"""Two windows on one draft: changes shown across, conflicts settled by content."""

from __future__ import annotations

from kopsavilkums.ui import workers
from kopsavilkums.ui.dialogs import CONFLICT_COPY, CONFLICT_RELOAD

from .driving import changed_elsewhere, editor, type_into


def test_a_conflict_shows_what_differs_and_keeps_mine_as_a_copy(qtbot, make_window, open_store, dialogs):
    window = make_window()
    first = window.new_draft()
    changed_elsewhere(open_store, first, "Citu versija")
    dialogs.answer("ask_conflict", CONFLICT_COPY)
    type_into(qtbot, editor(window, "title"), "Mana versija")
    window.commands["save"].trigger()
    qtbot.waitUntil(lambda: window.draft_id != first)
    qtbot.waitUntil(lambda: not window.saver.dirty)
    [(differences,)] = dialogs.questions("ask_conflict")
    assert [(d.label, d.mine, d.theirs) for d in differences] == [
        ("Title of the summary", "Mana versija", "Citu versija")
    ]
    titles = sorted(d.title for d in open_store().list())
    assert titles == ["Citu versija", "Mana versija"]


def test_the_conflict_question_names_fields_not_ids_or_revisions(qtbot, make_window, open_store, dialogs):
    from kopsavilkums.ui.dialogs import describe_differences

    window = make_window()
    first = window.new_draft()
    changed_elsewhere(open_store, first, "Citu versija")
    dialogs.answer("ask_conflict", CONFLICT_RELOAD)
    type_into(qtbot, editor(window, "performer"), "Biedrība")
    window.commands["save"].trigger()
    qtbot.waitUntil(lambda: window.doc.report.title == "Citu versija")
    [(differences,)] = dialogs.questions("ask_conflict")
    text = describe_differences(differences)
    assert "Title of the summary — here: —; there: Citu versija" in text
    assert "Performer of the public administration task — here: Biedrība; there: —" in text
    assert first not in text and "revision" not in text


def test_a_conflict_can_load_the_other_version(qtbot, make_window, open_store, dialogs):
    window = make_window()
    first = window.new_draft()
    changed_elsewhere(open_store, first, "Citu versija")
    dialogs.answer("ask_conflict", CONFLICT_RELOAD)
    type_into(qtbot, editor(window, "title"), "Mana")
    journal = window.saver.recovery.path(first)
    qtbot.waitUntil(journal.exists)
    window.commands["save"].trigger()
    qtbot.waitUntil(lambda: window.doc.report.title == "Citu versija")
    assert editor(window, "title").text() == "Citu versija"
    window.saver.pool.waitForDone()
    assert not journal.exists()  # "Mana" was given up: not offered again after a restart


def test_a_draft_saved_in_another_window_shows_here_when_nothing_here_is_unsaved(qtbot, make_window, open_store):
    first = make_window()
    draft = first.new_draft()
    second = make_window(open_store())
    second.open_draft(draft)
    type_into(qtbot, editor(second, "title"), "No otra loga")
    assert second.saver.flush()
    qtbot.waitUntil(lambda: editor(first, "title").text() == "No otra loga", timeout=10_000)
    assert "another window" in first.statusBar().currentMessage()
    assert [first.drafts_model.draft(r).title for r in range(first.drafts_model.rowCount())] == ["No otra loga"]


def test_two_windows_on_the_same_draft_keep_separate_recovery_copies(qtbot, make_window, open_store, dialogs):
    """The second window saving the draft removes its own copy, never the first window's, whose
    edits are not saved yet."""
    first = make_window()
    draft = first.new_draft()
    second = make_window(open_store())
    second.open_draft(draft)
    dialogs.always("ask_conflict", CONFLICT_COPY)
    for window, title in ((first, "Pirmā"), (second, "Otrā")):
        window.saver.timer.setInterval(60_000)
        type_into(qtbot, editor(window, "title"), title)
    qtbot.waitUntil(lambda: len(sorted(first.data_dir.joinpath("unsaved").glob(f"{draft}.*.json"))) == 2)
    assert second.saver.flush()
    second.saver.pool.waitForDone()
    [left] = first.data_dir.joinpath("unsaved").glob(f"{draft}.*.json")
    assert left == first.saver.recovery.path(draft) and first.saver.dirty
    assert first.saver.flush()  # the conflict: the first window's version is kept as a copy
    assert first.draft_id != draft and open_store().load(first.draft_id).title == "Pirmā"
    first.saver.pool.waitForDone()
    assert not list(first.data_dir.joinpath("unsaved").glob("*.json"))


def test_delete_after_a_conflict_kept_as_a_copy_trashes_nothing_of_mine(qtbot, make_window, open_store, dialogs):
    window = make_window()
    draft = window.new_draft()
    dialogs.answer("ask_conflict", CONFLICT_COPY)
    window.saver.timer.setInterval(60_000)
    type_into(qtbot, editor(window, "title"), "Mana")
    changed_elsewhere(open_store, draft)
    window.commands["delete"].trigger()  # saving first finds the conflict; "keep mine as a copy"
    store = open_store()
    assert sorted(d.title for d in store.list()) == ["Citu", "Mana"]
    assert store.list(trashed=True) == []
    assert window.doc.report.title == "Mana"


def test_a_conflict_found_while_switching_drafts_is_asked_once(qtbot, make_window, open_store, dialogs):
    window = make_window()
    other_draft = window.new_draft()
    draft = window.new_draft()
    dialogs.answer("ask_conflict", CONFLICT_COPY)
    type_into(qtbot, editor(window, "title"), "Mana")
    changed_elsewhere(open_store, draft)
    window.saver.save_now()  # an autosave on its way, which will meet the conflict ...
    assert window.open_draft(other_draft)  # ... while the user switches drafts
    qtbot.waitUntil(lambda: workers.pending() == 0)  # its late answer has arrived too
    assert len(dialogs.questions("ask_conflict")) == 1 and window.draft_id == other_draft
    assert sorted(d.title for d in open_store().list()) == ["", "Citu", "Mana"]
