"""Editors bound to one path of the :class:`EditableDocument`.

Each editor writes its value through ``doc.set`` (so it is undoable) and shows the document's
value when it changes elsewhere (undo, redo, another draft). A guard keeps the two directions
from feeding each other. The widgets keep no data of their own beyond what they display.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QDate, QEvent, QSize, Qt
from PySide6.QtGui import QFontMetrics, QKeySequence, QPalette
from PySide6.QtWidgets import (
    QApplication,
    QButtonGroup,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QRadioButton,
    QSizePolicy,
    QWidget,
)

from kopsavilkums.formats import FormatError, format_amount, parse_amount, parse_date
from kopsavilkums.ui.display import show_date
from kopsavilkums.ui.document import EditableDocument
from kopsavilkums.ui.i18n import current, translate
from kopsavilkums.ui.icons import calendar_icon

if TYPE_CHECKING:
    from PySide6.QtWidgets import QCalendarWidget, QMenu

    # The mixins below always end up beside a Qt editor class (LineField(_Bound, QLineEdit)):
    # the type checker sees that widget as their base, at run time they stay plain mixins.
    _EditorWidget = QWidget
    _LineEdit = QLineEdit
else:
    _EditorWidget = _LineEdit = object


class _Bound(_EditorWidget):
    """Mixin: remembers the document and path, refreshes on change, honours read-only."""

    if TYPE_CHECKING:

        def setReadOnly(self, read_only: bool, /) -> None: ...  # noqa: N802 - QLineEdit's, QPlainTextEdit's

    def show_value(self, value: Any) -> None:
        raise NotImplementedError  # each editor shows the document's value in its own way

    def bind(self, doc: EditableDocument, path: str, label: str, writer=None) -> None:
        """``writer(path, value)`` replaces ``doc.set`` where a change has consequences
        (the period reshapes the budget)."""
        self.doc, self.path, self.writer = doc, path, writer
        self._updating = False
        self.limit = _limit(path)
        self.setAccessibleName(label)
        self.setObjectName(path)
        doc.changed.connect(self._on_doc_changed)
        doc.reset.connect(self.refresh)
        doc.read_only_changed.connect(self.apply_read_only)
        self.apply_read_only(doc.read_only)  # an editor built while a submitted draft is open
        self.refresh()

    def _on_doc_changed(self, path: str) -> None:
        if path == self.path or self.path.startswith(path + "."):
            self.refresh()

    def refresh(self) -> None:
        self._updating = True
        try:
            self.show_value(self.doc.get(self.path))
        finally:
            self._updating = False

    def write(self, value) -> None:
        if self._updating:
            return
        if self.writer is not None:
            self.writer(self.path, value)
        else:
            self.doc.set(self.path, value, self.accessibleName())

    def apply_read_only(self, read_only: bool) -> None:
        self.setReadOnly(read_only)
        # A field that takes no typing looks it: the window's colour, not a field's white.
        palette = self.palette()
        colours = QApplication.palette()
        role = QPalette.ColorRole.Window if read_only else QPalette.ColorRole.Base
        palette.setColor(QPalette.ColorRole.Base, colours.color(role))
        self.setPalette(palette)

    def event(self, event) -> bool:
        # Editors claim Ctrl+Z for their own little undo; let the window's undo (the whole
        # form's history) have it instead.
        if event.type() == QEvent.Type.ShortcutOverride and _is_undo_key(event):
            event.ignore()
            return True
        return super().event(event)


def _limit(path: str) -> int | None:
    """The field table's length limit of the text at ``path`` (None for other values)."""
    from kopsavilkums.fieldpath import FieldPath

    try:
        f = FieldPath.parse(path).field()
    except ValueError:
        return None
    return f.limit if f is not None and f.is_text else None


def _say_cut(editor: QWidget, limit: int) -> None:
    """Tell, at the field, that what was pasted or typed went past its limit and was left out."""
    from PySide6.QtWidgets import QToolTip

    text = translate("Form", "This field holds at most %1 characters; the rest was left out.")
    text = text.replace("%1", f"{limit:,}".replace(",", "\u00a0"))
    QToolTip.showText(editor.mapToGlobal(editor.rect().bottomLeft()), text, editor)
    editor.setProperty("cut_message", text)  # what the user was told (tests read it)


def _is_undo_key(event) -> bool:
    return (
        event.matches(QKeySequence.StandardKey.Undo)
        or event.matches(QKeySequence.StandardKey.Redo)
        or QKeySequence(event.keyCombination()) in (QKeySequence("Ctrl+Y"), QKeySequence("Ctrl+Shift+Z"))
    )


class LineField(_Bound, QLineEdit):
    """A single line: a pasted line break becomes a space, so the value stays one line."""

    def __init__(self, doc: EditableDocument, path: str, label: str, parent=None) -> None:
        super().__init__(parent)
        self.textEdited.connect(self._edited)
        self.bind(doc, path, label)

    def show_value(self, value: str) -> None:
        if self.text() != value:
            self.setText(value)
            if not self.hasFocus():
                self.setCursorPosition(0)  # show the beginning of a long title, not its end

    def focusOutEvent(self, event) -> None:
        super().focusOutEvent(event)
        # Left for another field: show the beginning of a long title again, not the end typed
        # last (not for a context menu, or a switch to another window and back).
        if event.reason() not in (Qt.FocusReason.PopupFocusReason, Qt.FocusReason.ActiveWindowFocusReason):
            self.setCursorPosition(0)

    def _edited(self, text: str) -> None:
        if "\n" in text or "\r" in text:  # a pasted line break (QLineEdit keeps it)
            cursor = self.cursorPosition()
            text = join_lines(text)
            self.setText(text)
            self.setCursorPosition(min(cursor, len(text)))
        before = len(self.doc.get(self.path) or "")
        if self.limit is not None and len(text) > self.limit and len(text) - before > 1:
            # A paste past the field's limit is cut to it (a key typed past it is counted under
            # the field instead, so nothing typed is lost).
            # What is left out is the end of what was pasted (the cursor stands after it), never
            # the user's own text after the cursor.
            cursor = self.cursorPosition()
            excess = len(text) - max(self.limit, before)
            text = text[: cursor - excess] + text[cursor:]
            self.setText(text)
            self.setCursorPosition(cursor - excess)
            _say_cut(self, self.limit)
        self.write(text)


#: A word this long is wrapped anywhere (see :meth:`GrowingTextEdit._wrap_for`).
_LONG_WORD = re.compile(r"(?<!\S)\S{2000}")  # tried at word starts only: linear


class GrowingTextEdit(_Bound, QPlainTextEdit):
    """A long text that grows with its content up to :attr:`MAX_LINES`, then scrolls."""

    MIN_LINES, MAX_LINES = 3, 18
    # A text longer than this may be filled in a turn of its own (``fill_later``): Qt lays out a
    # long paragraph whole, ~40 ms for 300,000 characters, and again whenever its width changes.
    LONG = 20_000

    def __init__(self, doc: EditableDocument, path: str, label: str, parent=None, fill_later: bool = False) -> None:
        """``fill_later``: a long text stays out until :meth:`fill` (the form calls it a turn
        after the editor is shown, at its final width); until then the editor takes no typing."""
        super().__init__(parent)
        self.waiting = fill_later and len(doc.get(path) or "") > self.LONG
        self.setUndoRedoEnabled(False)  # the document's undo stack covers the whole form
        self.setTabChangesFocus(True)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.textChanged.connect(self._edited)
        self.document().blockCountChanged.connect(lambda _n: self.updateGeometry())
        self.bind(doc, path, label)

    def show_value(self, value: str) -> None:
        if self.toPlainText() != value:
            self._wrap_for(value)
            self.setPlainText(value)

    def refresh(self) -> None:
        if not self.waiting:  # fill() shows the value of then
            super().refresh()

    def fill(self) -> None:
        """Show the text left out by ``fill_later``; a showing, so the document is not written."""
        if self.waiting:
            self.waiting = False
            # A long text needs the scroll bar: there from the start, the text is laid out
            # once, not again for the narrower width when the bar comes.
            policy = self.verticalScrollBarPolicy()
            self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
            with self.doc.loading():
                self.refresh()
            self.setVerticalScrollBarPolicy(policy)
            self.apply_read_only(self.doc.read_only)

    def apply_read_only(self, read_only: bool) -> None:
        super().apply_read_only(read_only)
        if self.waiting:
            self.setReadOnly(True)  # typing into the empty editor would replace the text

    def focusInEvent(self, event) -> None:
        self.fill()  # the cursor came before the form's turn did
        super().focusInEvent(event)

    def _wrap_for(self, text: str) -> None:
        """Wrap anywhere while the text holds a very long word: Qt looks for a word boundary in
        it again on every key, 0.6 s a key for a word of 100,000 letters (a pasted paragraph)."""
        from PySide6.QtGui import QTextOption

        modes = QTextOption.WrapMode
        mode = modes.WrapAnywhere if _LONG_WORD.search(text) else modes.WrapAtWordBoundaryOrAnywhere
        if self.wordWrapMode() != mode:
            self.setWordWrapMode(mode)

    def _room(self) -> int | None:
        """Characters that may still go in (what is selected will be replaced); None: no limit."""
        if self.limit is None:
            return None
        length = self.document().characterCount() - 1  # without walking the text
        return self.limit - length + len(self.textCursor().selectedText())

    def insertFromMimeData(self, source) -> None:  # noqa: N802 - Qt's
        """A paste of more than fits is cut to the field's limit, and the user is told: 20 MB
        pasted froze the window for seconds on every key, and every autosave rewrote 68 MB."""
        room = self._room()
        text = source.text() if source.hasText() else ""
        if _LONG_WORD.search(text):
            self._wrap_for(text)
        if room is None or len(text) <= room:
            super().insertFromMimeData(source)
            return
        self.textCursor().insertText(text[: max(room, 0)])
        _say_cut(self, self.limit or 0)

    def _edited(self) -> None:
        if not self._updating:
            text = self.toPlainText()
            self._wrap_for(text)
            self.write(text)

    def sizeHint(self) -> QSize:  # noqa: N802
        # Waiting for its text, as tall as it will be then: filling it re-lays out no form.
        blocks = (self.doc.get(self.path) or "").count("\n") + 1 if self.waiting else self.document().blockCount()
        lines = min(max(blocks, self.MIN_LINES), self.MAX_LINES)
        # Wrapped lines count too, approximately: a cheap estimate that never walks 300 000 chars.
        if self.document().characterCount() < 20_000:
            lines = min(max(lines, int(self.document().size().height())), self.MAX_LINES)
        line = QFontMetrics(self.font()).lineSpacing()
        return QSize(super().sizeHint().width(), lines * line + 14)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self.updateGeometry()


class TypedField(_Bound, _LineEdit):
    """Mixin for a line edit whose text is read by a ``parse`` function of the core: the value
    is written when editing finishes; text that cannot be read stays in the field, with the
    reason in ``message``, and nothing is written."""

    parse: Callable[[str], object]  # set by each field to its reader from kopsavilkums.formats
    message: QLabel  # set by each field: where it says why a text cannot be read

    def value(self):
        """The value shown, or None when empty; raises FormatError for text that cannot be read."""
        text = self.text().strip()
        return self.parse(text) if text else None

    def commit(self) -> None:
        """Take in what was typed but not finished yet (no Enter or Tab): before a save, a
        switch, closing, printing."""
        self._finished()

    def _finished(self) -> None:
        try:
            value = self.value()
        except FormatError as exc:
            self.message.setText(f"{self.accessibleName()}: {exc.localized(current())}")
            self.message.show()
            return
        self.message.hide()
        self.write(value)
        self.refresh()  # show it formatted


class DateField(TypedField, QLineEdit):
    """A date typed as people write it (``12.08.2019``, ``12.08.2019.``, ``2019-08-12``; read by
    :func:`kopsavilkums.formats.parse_date`) or picked from a calendar (the button at its end,
    Alt+Down or F4); shown day first, ``12.08.2019.`` (:mod:`.display`); empty means no date.

    A plain line edit rather than ``QDateEdit``: that edits day, month and year as separate
    parts and clamps the day to the month still on screen while one types over it (31.07 typed
    over 05.06 becomes the 30th), and it cannot be empty. The value is written when editing
    finishes, not on every digit, so a half-typed year never reshapes the budget."""

    parse = staticmethod(parse_date)

    def __init__(self, doc: EditableDocument, path: str, label: str, message: QLabel, writer=None, parent=None) -> None:
        super().__init__(parent)
        self.message = message
        self.setPlaceholderText(translate("Form", "dd.mm.yyyy"))
        self.setMaxLength(40)
        metrics = QFontMetrics(self.font())
        self.setMinimumWidth(metrics.horizontalAdvance("00.00.0000.") + 48)
        self._calendar_action = self.addAction(calendar_icon(), QLineEdit.ActionPosition.TrailingPosition)
        keys = QKeySequence("Alt+Down").toString(QKeySequence.SequenceFormat.NativeText)  # as the row buttons say it
        self._calendar_action.setToolTip(translate("Form", "Choose from a calendar (%1)").replace("%1", keys))
        self._calendar_action.triggered.connect(self.open_calendar)
        # Built on first use: most sessions never open it.
        self._popup: QMenu | None = None
        self._calendar: QCalendarWidget | None = None
        self.editingFinished.connect(self._finished)
        self.bind(doc, path, label, writer)

    def show_value(self, value) -> None:
        self.setText(show_date(value) if value else "")
        self.message.hide()

    def keyPressEvent(self, event) -> None:
        if event.key() == Qt.Key.Key_F4 or (
            event.key() == Qt.Key.Key_Down and event.modifiers() & Qt.KeyboardModifier.AltModifier
        ):
            self.open_calendar()
            return
        super().keyPressEvent(event)

    def calendar(self) -> QCalendarWidget:
        return self._calendar_popup()[1]

    def _calendar_popup(self) -> tuple[QMenu, QCalendarWidget]:
        if self._popup is None or self._calendar is None:
            from PySide6.QtCore import QLocale
            from PySide6.QtWidgets import QCalendarWidget, QMenu, QWidgetAction

            popup = QMenu(self)
            widget = QCalendarWidget(popup)
            widget.setGridVisible(True)
            # Month and day names in the interface language, weeks from Monday. Set here, not
            # as the application's default locale: QLocale's enums are costly to create at start.
            latvian = current() == "lv"
            widget.setLocale(
                QLocale(QLocale.Language.Latvian if latvian else QLocale.Language.English, QLocale.Country.Latvia)
            )
            widget.setFirstDayOfWeek(Qt.DayOfWeek.Monday)
            widget.clicked.connect(self._picked)
            widget.activated.connect(self._picked)
            holder = QWidgetAction(popup)
            holder.setDefaultWidget(widget)
            popup.addAction(holder)
            self._popup, self._calendar = popup, widget
        return self._popup, self._calendar

    def open_calendar(self) -> None:
        if self.isReadOnly():
            return
        popup, calendar = self._calendar_popup()
        try:
            shown = self.value()
        except FormatError:
            shown = None
        # An empty field opens at this month, not at some distant default.
        day = QDate(shown.year, shown.month, shown.day) if shown else QDate.currentDate()
        calendar.setSelectedDate(day)
        calendar.setCurrentPage(day.year(), day.month())
        popup.popup(self.mapToGlobal(self.rect().bottomLeft()))
        calendar.setFocus()

    def _picked(self, day: QDate) -> None:
        if self._popup is not None:  # it sent the date
            self._popup.hide()
        self.setText(show_date(date(day.year(), day.month(), day.day())))
        self.setFocus()
        self._finished()


class AmountField(TypedField, QLineEdit):
    """An amount typed the Latvian way and shown formatted; empty means none."""

    parse = staticmethod(parse_amount)

    def __init__(self, doc: EditableDocument, path: str, label: str, message: QLabel, parent=None) -> None:
        super().__init__(parent)
        self.message = message
        self.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.setPlaceholderText("0,00")
        self.editingFinished.connect(self._finished)
        self.bind(doc, path, label)

    def show_value(self, value) -> None:
        self.setText(format_amount(value) if value is not None else "")
        self.message.hide()


class ChoiceField(QWidget):
    """One of a few values (``Field.choices``) as radio buttons in a row; ``labels`` names each."""

    def __init__(self, doc: EditableDocument, path: str, label: str, labels: dict[str, str], parent=None) -> None:
        super().__init__(parent)
        self.doc, self.path = doc, path
        self.setObjectName(path)
        self.setAccessibleName(label)
        self.group = QButtonGroup(self)
        self.buttons: dict[str, QRadioButton] = {}
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        for value, text in labels.items():
            button = QRadioButton(text, self)
            button.setObjectName(f"{path}:{value}")
            button.setAccessibleName(f"{label}: {text}")
            self.group.addButton(button)
            self.buttons[value] = button
            row.addWidget(button)
            # clicked, not toggled: the program checks a button to show the stored value
            button.clicked.connect(lambda _checked, v=value: self._chosen(v))
        row.addStretch(1)
        doc.changed.connect(self._on_doc_changed)
        doc.reset.connect(self.refresh)
        doc.read_only_changed.connect(self.apply_read_only)
        self.apply_read_only(doc.read_only)
        self.refresh()

    def value(self) -> str:
        return self.doc.get(self.path)

    def refresh(self) -> None:
        button = self.buttons.get(self.value())
        if button is not None and not button.isChecked():
            button.setChecked(True)

    def _on_doc_changed(self, path: str) -> None:
        if path == self.path or self.path.startswith(path + "."):
            self.refresh()

    def _chosen(self, value: str) -> None:
        if value != self.value():
            self.doc.set(self.path, value, self.accessibleName(), merge=False)

    def apply_read_only(self, read_only: bool) -> None:
        for button in self.buttons.values():
            button.setEnabled(not read_only)


def join_lines(text: str) -> str:
    """``"one\ntwo"`` → ``"one two"``: a single-line field stays single-line."""
    return " ".join(part.strip() for part in text.splitlines() if part.strip())
