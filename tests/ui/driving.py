"""Driving the window as a user does: typing, keys, and what a user can see."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication


def editor(window, path):
    return window.form.editors[path]


def focused():
    return QApplication.focusWidget()


def type_into(qtbot, widget, text):
    """Type as a keyboard does. QTest only knows ASCII keys, so other letters (ā, š, 🌍) arrive
    as key events carrying their text, as from a Latvian keyboard layout."""
    if widget is not focused():
        widget.setFocus()
    type_text(qtbot, text, widget)


def type_at_end(qtbot, widget, text):
    """Go to the end of a field's text (End, Ctrl+End) and type on."""
    widget.setFocus()
    qtbot.keyClick(widget, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(widget, Qt.Key.Key_End)
    type_text(qtbot, text, widget)


def type_text(qtbot, text, widget=None):
    """Type into the widget that has the keyboard focus (or ``widget``)."""
    for ch in text:
        target = widget or focused()
        if ch.isascii() and ch != "\n":
            qtbot.keyClick(target, ch)
        elif ch == "\n":
            qtbot.keyClick(target, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
        else:
            for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                QApplication.sendEvent(target, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, ch))


def press(qtbot, key, modifiers=Qt.KeyboardModifier.NoModifier):
    """A key pressed on the widget that has the keyboard focus."""
    qtbot.keyClick(focused(), key, modifiers)


def tab(qtbot, times=1):
    for _ in range(times):
        press(qtbot, Qt.Key.Key_Tab)


def set_date(widget, day):
    widget.setText(f"{day:%d.%m.%Y}")
    widget.editingFinished.emit()


def saved(window):
    return not window.saver.dirty and window.saved_label.text().startswith("Saved")


def changed_elsewhere(open_store, draft, title="Citu"):
    """Another window (its own store) saves the draft with another title."""
    other = open_store()
    theirs = other.load(draft)
    theirs.title = title
    other.save(theirs, draft)


def visible_problem_texts(window):
    return [label.text() for label in window.form.messages.values() if label.isVisible()]


def click(qtbot, window, widget, pos=None):
    """A mouse click where the user sees ``widget``: the form is scrolled to it first (a click
    lands on whatever is on screen at that place)."""
    from PySide6.QtCore import QPoint
    from PySide6.QtWidgets import QAbstractScrollArea, QCheckBox, QRadioButton

    target = widget.parentWidget() if isinstance(widget.parentWidget(), QAbstractScrollArea) else widget
    if window.form.isAncestorOf(target):
        window.form.scroll_area.ensureWidgetVisible(target, 0, 20)
        QApplication.processEvents()
    if pos is None and isinstance(widget, (QCheckBox, QRadioButton)):
        pos = QPoint(8, widget.height() // 2)  # on its box: a wide check box's middle is empty space
    if pos is None:
        qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)
    else:
        qtbot.mouseClick(widget, Qt.MouseButton.LeftButton, pos=pos)


def click_cell(qtbot, window, table, row, column):
    click(qtbot, window, table.viewport(), table.visualRect(table.model().index(row, column)).center())
