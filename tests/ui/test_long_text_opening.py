"""A long text (over :attr:`GrowingTextEdit.LONG` characters) is shown a turn after its section,
so that opening a long draft never holds the window up for long (``bench_window.py``). It is
still the draft's text, the user's typing never replaces it, and showing it writes nothing."""

from __future__ import annotations

from PySide6.QtCore import Qt

from kopsavilkums.report import Report
from kopsavilkums.ui.document import EditableDocument
from kopsavilkums.ui.editors import GrowingTextEdit

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
