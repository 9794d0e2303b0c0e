"""A long text (over :attr:`GrowingTextEdit.LONG` characters) is shown a turn after its section,
so that opening a long draft never holds the window up for long (``bench_window.py``). It is
still the draft's text, the user's typing never replaces it, and showing it writes nothing."""

from __future__ import annotations

from PySide6.QtCore import Qt

from kopsavilkums.report import Indicator, Report
from kopsavilkums.ui.document import EditableDocument
from kopsavilkums.ui.editors import GrowingTextEdit
from kopsavilkums.ui.placement import SHOWN_UNDER

from .driving import type_at_end

LONG_TEXT = "Biedrība nodrošināja konsultācijas un seminārus. " * 600  # 30,000 characters


def test_a_long_text_the_cursor_reaches_before_it_is_shown_keeps_its_text_and_the_typing(qtbot):
    doc = EditableDocument(Report(assessment=LONG_TEXT))
    edit = GrowingTextEdit(doc, "assessment", "Novērtējums", fill_later=True)  # as the form does
    qtbot.addWidget(edit)
    edit.show()
    edit.activateWindow()
    qtbot.waitUntil(edit.isActiveWindow)

    edit.setFocus(Qt.FocusReason.MouseFocusReason)  # a click, before the form's turn
    type_at_end(qtbot, edit, "!")

    assert edit.toPlainText() == LONG_TEXT + "!"
    assert doc.report.assessment == LONG_TEXT + "!"
    assert doc.undo_stack.count() == 1  # the typing; showing the text wrote nothing


def test_a_long_draft_opens_with_its_texts_editable_and_nothing_written(qtbot, make_window, open_store, seed_report):
    seed_report.assessment = LONG_TEXT
    seed_report.other_information = "\n".join([LONG_TEXT[:600]] * 60)
    store = open_store()
    draft = store.save(seed_report)
    window = make_window(store)
    qtbot.waitUntil(lambda: window.form.is_built)

    for path in ("assessment", "other_information"):
        shown = window.form.editors[path]
        assert shown.toPlainText() == window.doc.get(path)
        assert not shown.isReadOnly()
    assert window.doc.report.assessment == LONG_TEXT
    assert window.doc.undo_stack.count() == 0
    window.saver.flush()
    assert store.load(draft).assessment == LONG_TEXT


def test_a_table_with_many_problems_lists_the_first_ones_under_it_and_counts_the_rest(
    qtbot, make_window, open_store, seed_report
):
    """400 indicators short of their plan wrote 400 lines under the table (and re-measuring
    them held up every step of opening the form); the Problems list has them all."""
    seed_report.indicators = [Indicator(f"{n + 1}. rādītājs", "10", "9", "") for n in range(25)]
    store = open_store()
    store.save(seed_report)
    window = make_window(store)
    label = window.form.messages["indicators"]
    qtbot.waitUntil(label.isVisible)

    lines = label.text().split("\n")
    listed = [p for p in window.checker.model.problems if p.path.startswith("indicators")]
    assert len(listed) == 25
    assert len(lines) == SHOWN_UNDER + 1
    assert lines[-1] == f"… and {25 - SHOWN_UNDER} more in the Problems list"
