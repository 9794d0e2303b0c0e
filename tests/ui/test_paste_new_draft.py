"""Paste as a new draft (Ctrl+Shift+V, File menu): what a browser or Word put on the clipboard goes
through the same readers and the same review as Import."""

from __future__ import annotations

from PySide6.QtCore import QMimeData
from PySide6.QtGui import QKeySequence
from tests.convert.layout_samples import html_definitions, text_own_lines


def put(clipboard, html: str = "", text: str = "") -> None:
    data = QMimeData()
    if html:
        data.setHtml(html)
    if text:
        data.setText(text)
    clipboard.setMimeData(data)


def fragment() -> str:
    """A definition list as a browser copies it: a fragment, not a page."""
    page = html_definitions().decode()
    return '<meta charset="utf-8">' + page[page.index("<main>") + 6 : page.index("</main>")]


def test_ctrl_shift_v_pastes_a_copied_web_page_as_a_new_draft_after_the_review(qtbot, make_window, dialogs, clipboard):
    window = make_window()
    put(clipboard, html=fragment(), text="plain text that is no summary")
    action = window.commands["paste_new"]
    assert action.shortcut() == QKeySequence("Ctrl+Shift+V")
    file_menu = window.menuBar().actions()[0].menu()
    assert action in file_menu.actions()
    dialogs.answer("confirm_import", True)
    window.new_draft()  # the keys work while the cursor is in a text field too
    qtbot.waitUntil(lambda: window.focusWidget() is not None and window.focusWidget().inherits("QLineEdit"))
    with qtbot.waitSignal(window.files.imported):
        qtbot.keySequence(window.focusWidget(), QKeySequence("Ctrl+Shift+V"))
    [(question, details)] = dialogs.questions("confirm_import")
    assert "the clipboard" in question and "Budget years: 2" in details
    report = window.doc.report
    assert report.performer == "Biedrība „Zaļā osta”"
    assert [(b.year, str(b.actual)) for b in report.budget] == [(2022, "9500.00"), (2023, "1950.50")]
    assert report.signatory.name == "Jānis Bērziņš"
    assert len(window.store.list()) == 2  # the new empty draft and the pasted one


def test_text_alone_is_read_as_text_and_declining_adds_nothing(qtbot, make_window, dialogs, clipboard):
    window = make_window()
    put(clipboard, text=text_own_lines().decode())
    dialogs.answer("confirm_import", False)
    assert window.files.paste_as_new_draft()
    qtbot.waitUntil(lambda: bool(dialogs.questions("confirm_import")))
    [(_, details)] = dialogs.questions("confirm_import")
    assert "Performer: Biedrība „Zaļā osta”" in details
    assert window.store.list() == []


def test_an_empty_clipboard_is_told_and_nothing_is_read(qtbot, make_window, dialogs, clipboard):
    window = make_window()
    clipboard.clear()
    assert not window.files.paste_as_new_draft()
    assert dialogs.errors == ["The clipboard holds no text to paste as a summary."]
    assert dialogs.questions("confirm_import") == []
