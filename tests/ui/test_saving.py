"""Nothing typed is lost: autosave, Ctrl+S, a failing disk, and text still being typed."""

from __future__ import annotations

import subprocess
import sys

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence

from .driving import editor, focused, press, saved, type_into, type_text

CTRL = Qt.KeyboardModifier.ControlModifier


def test_ctrl_s_saves_at_once(qtbot, make_window, open_store):
    window = make_window()
    window.new_draft()
    window.saver.timer.setInterval(60_000)  # no autosave: only Ctrl+S can save it now
    type_into(qtbot, editor(window, "title"), "Steidzami")
    qtbot.keySequence(window, QKeySequence("Ctrl+S"))
    qtbot.waitUntil(lambda: saved(window))
    assert open_store().load(window.draft_id).title == "Steidzami"


def test_text_still_being_typed_in_a_cell_or_a_date_is_saved_by_ctrl_s(qtbot, make_window, open_store):
    window = make_window()
    window.new_draft()
    window.saver.timer.setInterval(60_000)
    editor(window, "indicators").table.setFocus()
    press(qtbot, Qt.Key.Key_Return, CTRL)
    type_text(qtbot, "Semināri")  # the cell is still open
    press(qtbot, Qt.Key.Key_S, CTRL)
    qtbot.waitUntil(lambda: saved(window))
    assert [i.text for i in open_store().load(window.draft_id).indicators] == ["Semināri"]
    type_into(qtbot, editor(window, "signatory.date"), "15.01.2023")  # no Enter, no Tab
    press(qtbot, Qt.Key.Key_S, CTRL)
    qtbot.waitUntil(lambda: saved(window))
    assert str(open_store().load(window.draft_id).signatory.date) == "2023-01-15"


def test_text_still_being_typed_is_kept_on_switching_drafts_and_closing(qtbot, make_window, open_store):
    window = make_window()
    first = window.new_draft()
    second = window.new_draft()
    editor(window, "objectives").table.setFocus()
    press(qtbot, Qt.Key.Key_Return, CTRL)
    type_text(qtbot, "Mērķis")
    assert window.open_draft(first)
    assert [o.text for o in open_store().load(second).objectives] == ["Mērķis"]
    editor(window, "indicators").table.setFocus()
    press(qtbot, Qt.Key.Key_Return, CTRL)
    type_text(qtbot, "Rādītājs")
    assert focused() is not editor(window, "indicators").table  # still typing in the cell
    window.close()
    assert [i.text for i in open_store().load(first).indicators] == ["Rādītājs"]


def test_a_failing_save_keeps_the_edits_and_says_so(qtbot, make_window, monkeypatch):
    window = make_window()
    window.new_draft()
    real_save = window.store.save

    def disk_full(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(window.store, "save", disk_full)
    type_into(qtbot, editor(window, "title"), "Nepazaudēt")
    window.commands["save"].trigger()
    qtbot.waitUntil(lambda: window.saved_label.text() == "Not saved!")
    assert "No space left" in window.statusBar().currentMessage()
    assert window.doc.report.title == "Nepazaudēt" and window.saver.dirty
    monkeypatch.setattr(window.store, "save", real_save)
    window.commands["save"].trigger()
    qtbot.waitUntil(lambda: saved(window))
    assert window.store.load(window.draft_id).title == "Nepazaudēt"


@pytest.mark.parametrize("leave", [True, False])
def test_a_draft_that_cannot_be_saved_is_left_only_when_the_user_agrees_to_lose_the_edits(
    qtbot, make_window, open_store, dialogs, monkeypatch, leave
):
    window = make_window()
    other = window.new_draft()
    first = window.new_draft()
    window.saver.timer.setInterval(60_000)

    def disk_full(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(window.store, "save", disk_full)
    type_into(qtbot, editor(window, "title"), "Nepaliks")
    copy = window.saver.recovery.path(first)
    qtbot.waitUntil(copy.exists)
    dialogs.answer("ask_leave_unsaved", leave)
    assert window.open_draft(other) is leave
    window.saver.pool.waitForDone()
    assert dialogs.questions("ask_leave_unsaved") == [()]
    assert window.draft_id == (other if leave else first)
    # Left: the edits are gone on purpose, never offered after a restart. Stayed: all kept.
    assert copy.exists() is not leave
    assert window.doc.report.title == ("" if leave else "Nepaliks")
    assert open_store().load(first).title == ""


def test_huge_and_odd_text_is_just_data(qtbot, make_window):
    window = make_window()
    window.new_draft()
    huge = ("Ļoti garš <b>teksts</b> & \t tabulācija 😀\n" * 8000)[:300_000]
    editor(window, "assessment").setPlainText(huge)  # as pasted
    assert window.doc.report.assessment == huge
    window.saver.flush()
    assert window.store.load(window.draft_id).assessment == huge


def test_kopsavilkums_list_works_in_another_process_while_the_window_is_open(qtbot, make_window, data_dir):
    window = make_window()
    window.new_draft()
    type_into(qtbot, editor(window, "title"), "Atvērts logā")
    qtbot.waitUntil(lambda: saved(window), timeout=10_000)
    listed = subprocess.run(
        [sys.executable, "-m", "kopsavilkums", "--data-dir", str(data_dir), "list"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert listed.returncode == 0, listed.stderr
    assert "Atvērts logā" in listed.stdout


def test_the_saved_time_is_of_the_draft_shown(qtbot, make_window, open_store):
    """ "Saved 14:32" stayed in the status bar when another draft was opened (or the next
    report started), as if that one had been saved then."""
    window = make_window()
    first = window.new_draft()
    window.new_draft()
    type_into(qtbot, editor(window, "title"), "Otrais")
    press(qtbot, Qt.Key.Key_S, CTRL)
    qtbot.waitUntil(lambda: saved(window))
    assert window.open_draft(first)
    assert window.saved_label.text() == ""
    type_into(qtbot, editor(window, "title"), "Pirmais")
    press(qtbot, Qt.Key.Key_S, CTRL)
    qtbot.waitUntil(lambda: saved(window))
    window.commands["next_report"].trigger()
    assert window.draft_id not in (first, None)
    assert window.saved_label.text() == ""
