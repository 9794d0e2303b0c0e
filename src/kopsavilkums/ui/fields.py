"""Editors bound to one path of the :class:`EditableDocument`.

Each editor writes its value through ``doc.set`` (so it is undoable) and shows the document's
value when it changes elsewhere (undo, redo, another draft). A guard keeps the two directions
from feeding each other. The widgets keep no data of their own beyond what they display.
"""

from __future__ import annotations

from PySide6.QtCore import QDate, QEvent, QSize, Qt
from PySide6.QtGui import QFontMetrics, QKeySequence
from PySide6.QtWidgets import QDateEdit, QLabel, QLineEdit, QPlainTextEdit, QSizePolicy

from kopsavilkums.formats import FormatError, format_amount, parse_amount
from kopsavilkums.ui.document import EditableDocument
from kopsavilkums.ui.i18n import current

# QDateEdit cannot be empty; its minimum stands for "no date" and shows as blank.
NO_DATE = QDate(1900, 1, 1)


class _Bound:
    """Mixin: remembers the document and path, refreshes on change, honours read-only."""

    def bind(self, doc: EditableDocument, path: str, label: str, writer=None) -> None:
        """``writer(path, value)`` replaces ``doc.set`` where a change has consequences
        (the period reshapes the budget)."""
        self.doc, self.path, self.writer = doc, path, writer
        self._updating = False
        self.setAccessibleName(label)
        self.setObjectName(path)
        doc.changed.connect(self._on_doc_changed)
        doc.reset.connect(self.refresh)
        doc.read_only_changed.connect(self.apply_read_only)
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

    def event(self, event) -> bool:
        # Editors claim Ctrl+Z for their own little undo; let the window's undo (the whole
        # form's history) have it instead.
        if event.type() == QEvent.Type.ShortcutOverride and _is_undo_key(event):
            event.ignore()
            return True
        return super().event(event)


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

    def _edited(self, text: str) -> None:
        if "\n" in text or "\r" in text:  # a pasted line break (QLineEdit keeps it)
            cursor = self.cursorPosition()
            text = join_lines(text)
            self.setText(text)
            self.setCursorPosition(min(cursor, len(text)))
        self.write(text)


class GrowingTextEdit(_Bound, QPlainTextEdit):
    """A long text that grows with its content up to :attr:`MAX_LINES`, then scrolls."""

    MIN_LINES, MAX_LINES = 3, 18

    def __init__(self, doc: EditableDocument, path: str, label: str, parent=None) -> None:
        super().__init__(parent)
        self.setUndoRedoEnabled(False)  # the document's undo stack covers the whole form
        self.setTabChangesFocus(True)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.textChanged.connect(self._edited)
        self.document().blockCountChanged.connect(lambda _n: self.updateGeometry())
        self.bind(doc, path, label)

    def show_value(self, value: str) -> None:
        if self.toPlainText() != value:
            self.setPlainText(value)

    def _edited(self) -> None:
        if not self._updating:
            self.write(self.toPlainText())

    def sizeHint(self) -> QSize:  # noqa: N802
        lines = min(max(self.document().blockCount(), self.MIN_LINES), self.MAX_LINES)
        # Wrapped lines count too, approximately: a cheap estimate that never walks 300 000 chars.
        if self.document().characterCount() < 20_000:
            lines = min(max(lines, int(self.document().size().height())), self.MAX_LINES)
        line = QFontMetrics(self.font()).lineSpacing()
        return QSize(super().sizeHint().width(), lines * line + 14)

    def resizeEvent(self, event) -> None:  # noqa: N802
        super().resizeEvent(event)
        self.updateGeometry()


class DateField(_Bound, QDateEdit):
    """``dd.MM.yyyy`` with a calendar. Written when editing finishes, not on every digit, so a
    half-typed year never reshapes the budget."""

    def __init__(self, doc: EditableDocument, path: str, label: str, writer=None, parent=None) -> None:
        super().__init__(parent)
        self.setDisplayFormat("dd.MM.yyyy")
        self.setCalendarPopup(True)
        self.setMinimumDate(NO_DATE)
        self.setSpecialValueText(" ")
        self.editingFinished.connect(self._finished)
        self._calendar_wired = False
        self._advanced = False  # the last digit typed completed a part of the date
        self.bind(doc, path, label, writer)

    # The calendar pop-up is built on first use, not here: built eagerly it is a top-level
    # widget of a private class, and every later lookup of top-level widgets would first have
    # to wrap all of Qt's widget types (~10 ms at start-up).
    def _wire_calendar(self) -> None:
        if not self._calendar_wired:
            self._calendar_wired = True
            self.calendarWidget().clicked.connect(lambda _d: self._finished())

    def mousePressEvent(self, event) -> None:  # noqa: N802
        self._wire_calendar()
        super().mousePressEvent(event)
        self._calendar_from_today()

    def _calendar_from_today(self) -> None:
        # The calendar of an empty field would open at its "no date", January 1900.
        if self.date() == NO_DATE:
            today = QDate.currentDate()
            self.calendarWidget().setCurrentPage(today.year(), today.month())

    def keyPressEvent(self, event) -> None:  # noqa: N802
        self._wire_calendar()
        text = event.text()
        if text.isdigit() and self.date() == NO_DATE:
            # Typing into an empty field would edit the blank "no date" text and leave the date
            # empty. Start from 1 January of a leap year (Qt clamps a day that does not fit the
            # month as each part is typed, so 31 and 29.02 must fit) with the day selected, so
            # "12.08.2019" or "12082019" typed in reads as that date.
            year = QDate.currentDate().year()
            self.setDate(QDate(year - year % 4, 1, 1))
            self.setSelectedSection(QDateEdit.Section.DaySection)
        elif text in "./-" and text and self._advanced:
            # Two digits already moved on to the next part; the dot typed after them must not
            # land inside it as text.
            self._advanced = False
            return
        before = self.currentSectionIndex()
        super().keyPressEvent(event)
        self._advanced = text.isdigit() and self.currentSectionIndex() != before
        self._calendar_from_today()  # Alt+Down or F4 opened it

    def show_value(self, value) -> None:
        self.setDate(QDate(value.year, value.month, value.day) if value else NO_DATE)

    def value(self):
        d = self.date()
        return None if d == NO_DATE else d.toPython()

    def _finished(self) -> None:
        self.write(self.value())

    def stepBy(self, steps: int) -> None:  # noqa: N802
        # From "no date", arrow keys start at today rather than at the year 1900.
        if self.date() == NO_DATE:
            self.setDate(QDate.currentDate())
            return
        super().stepBy(steps)


class AmountField(_Bound, QLineEdit):
    """An amount typed the Latvian way and shown formatted; empty means none."""

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

    def _finished(self) -> None:
        text = self.text().strip()
        try:
            amount = parse_amount(text) if text else None
        except FormatError as exc:
            self.message.setText(f"{self.accessibleName()}: {exc.message_lv if current() == 'lv' else exc.message_en}")
            self.message.show()
            return
        self.message.hide()
        self.write(amount)
        self.refresh()  # show it formatted


def join_lines(text: str) -> str:
    """``"one\ntwo"`` → ``"one two"``: a single-line field stays single-line."""
    return " ".join(part.strip() for part in text.splitlines() if part.strip())
