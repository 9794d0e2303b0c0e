"""Unsaved edits survive a crash: offered at the next start, never over newer work."""

from __future__ import annotations

import pytest

from kopsavilkums.messages import Message

from .driving import editor, type_into


def crash_with_unsaved_title(qtbot, window, title):
    window.saver.timer.setInterval(60_000)  # the crash comes before the autosave
    type_into(qtbot, editor(window, "title"), title)
    qtbot.waitUntil(window.saver.recovery.path(window.draft_id).exists)
    window.saver.pool.waitForDone()
    window.saver.attach(None)  # the process dies: nothing more is saved
    window.close()  # ... and its lock goes with it


@pytest.mark.parametrize("answer", [True, False])
def test_unsaved_changes_after_a_crash_are_offered_at_the_next_start(
    qtbot, make_window, open_store, data_dir, dialogs, answer
):
    window = make_window()
    window.new_draft()
    journal = window.saver.recovery.path(window.draft_id)
    crash_with_unsaved_title(qtbot, window, "Neglabāts")

    again = make_window(open_store())
    dialogs.answer("ask_yes_no", answer)
    again.application.offer_recovery()
    again.saver.flush()
    assert "Neglabāts" in dialogs.questions("ask_yes_no")[0][0]
    title = open_store().load(window.draft_id).title
    assert title == ("Neglabāts" if answer else "")
    assert not journal.exists()


def test_two_windows_that_crash_with_unsaved_edits_both_get_them_back(
    qtbot, make_window, open_store, data_dir, dialogs
):
    """Each draft keeps its own recovery copy: one window saving (or crashing) never takes the
    other window's unsaved edits with it."""
    first, second = make_window(), make_window(open_store())
    for window, title in ((first, "Pirmā neglabātā"), (second, "Otrā neglabātā")):
        window.new_draft()
        window.saver.timer.setInterval(60_000)
        type_into(qtbot, editor(window, "title"), title)
    qtbot.waitUntil(lambda: len(list((data_dir / "unsaved").glob("*.json"))) == 2)
    type_into(qtbot, editor(second, "task"), "Saglabāts")
    second.saver.flush()  # the second saves its draft; the first's copy must stay
    type_into(qtbot, editor(second, "performer"), "Atkal neglabāts")
    qtbot.waitUntil(lambda: len(list((data_dir / "unsaved").glob("*.json"))) == 2)
    for window in (first, second):
        window.saver.pool.waitForDone()
        window.saver.attach(None)  # both processes die
        window.close()

    again = make_window(open_store())
    dialogs.always("ask_yes_no", True)
    again.application.offer_recovery()
    again.saver.flush()
    store = open_store()
    assert store.load(first.draft_id).title == "Pirmā neglabātā"
    assert store.load(second.draft_id).title == "Otrā neglabātā"
    assert store.load(second.draft_id).performer == "Atkal neglabāts"
    assert len(dialogs.questions("ask_yes_no")) == 2 and not list((data_dir / "unsaved").glob("*.json"))


def test_recovered_edits_never_overwrite_a_draft_saved_again_since(qtbot, make_window, open_store, dialogs):
    window = make_window()
    draft = window.new_draft()
    crash_with_unsaved_title(qtbot, window, "Neglabātā")
    other = open_store()  # meanwhile another window saved the draft again
    newer = other.load(draft)
    newer.title = "Jaunāka versija"
    other.save(newer, draft)

    again = make_window(open_store())
    dialogs.answer("ask_yes_no", True)
    again.application.offer_recovery()
    store = open_store()
    titles = sorted(d.title for d in store.list())
    assert titles == ["Jaunāka versija", "Neglabātā"]  # kept beside it, not over it
    assert store.load(draft).title == "Jaunāka versija"
    assert "kept as a new draft" in again.statusBar().currentMessage()


def test_a_restore_that_cannot_be_saved_keeps_the_copy_for_next_time(
    qtbot, make_window, open_store, monkeypatch, data_dir, dialogs
):
    from kopsavilkums.store import RecoveryCopies, StoreBusy

    window = make_window()
    window.new_draft()
    crash_with_unsaved_title(qtbot, window, "Neglabātā")
    other = open_store()  # saved again elsewhere: the restore has to make a new draft
    newer = other.load(window.draft_id)
    newer.title = "Jaunāka"
    other.save(newer, window.draft_id)
    again = make_window(open_store())
    dialogs.answer("ask_yes_no", True)

    def busy(*args, **kwargs):
        raise StoreBusy(Message(lv="aizņemts", en="busy"))

    monkeypatch.setattr(again.store, "save", busy)
    again.application.offer_recovery()
    assert dialogs.errors == ["busy"]
    [found] = RecoveryCopies(data_dir).pending()
    assert found.report.title == "Neglabātā"
    assert open_store().load(window.draft_id).title == "Jaunāka"  # and nothing else was overwritten


def test_the_latvian_questions_about_recovered_edits_name_the_draft_with_latvian_quotes(
    qtbot, make_window, open_store, dialogs
):
    """The note after a restore put the title in English quotes (“…”), and both read as if
    the title itself had changed."""
    from kopsavilkums.ui import i18n

    window = make_window()
    draft = window.new_draft()
    crash_with_unsaved_title(qtbot, window, "Neglabātā")
    other = open_store()  # saved again since: the restore becomes a new draft, with a note
    newer = other.load(draft)
    newer.task = "Jaunāks"
    other.save(newer, draft)

    i18n.install("lv")
    again = make_window(open_store())
    dialogs.answer("ask_yes_no", True)
    again.application.offer_recovery()
    [(question,)] = dialogs.questions("ask_yes_no")
    assert question == (
        "Izmaiņas melnrakstā „Neglabātā” netika saglabātas, kad Kopsavilkums pēdējo reizi tika aizvērts. Atjaunot tās?"
    )
    assert again.statusBar().currentMessage() == (
        "Atjaunotās izmaiņas melnrakstā „Neglabātā” saglabātas kā jauns melnraksts, "
        "lai netiktu pārrakstīts nekas, kas saglabāts kopš tā laika."
    )
