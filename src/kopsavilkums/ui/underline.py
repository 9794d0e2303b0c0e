"""How misspelt words are shown in one editor, and its context menu's suggestions.

Made for the editors of the form once the dictionary has arrived (:mod:`.spelling` keeps the list
until then), so the window's start pays for none of it.

- a multi-line field (``QPlainTextEdit``) is underlined with extra selections, and only in the
  part of its text that is on screen, a moment after typing or scrolling stops: typing into a
  300 000-character paragraph costs one timer restart a key, never a pass over the text;
- a line (``QLineEdit``) is underlined at once (a line is short), through the text formats an
  input method gives the text it composes: the one way a line edit draws a format of ours;
- the word being typed is left alone until the cursor or the focus leaves it;
- the context menu of both offers the suggestions, "Ignore" and "Add to my dictionary" when the
  click (or the Menu key's text cursor) is on a misspelt word.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QObject, QPoint, Qt, QTimer, SignalInstance
from PySide6.QtGui import QAction, QColor, QInputMethodEvent, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QLineEdit, QMenu, QPlainTextEdit, QTextEdit, QWidget

from kopsavilkums.spelling import Span, Speller
from kopsavilkums.ui.i18n import translate


class SpellChecking(Protocol):
    """What an editor's underliner asks of the window's checker (:mod:`.spelling`)."""

    changed: SignalInstance  # check again: the dictionary came, a word became known, switched
    speller: Speller | None

    @property
    def active(self) -> bool: ...

    def ignore(self, word: str) -> None: ...

    def add(self, word: str) -> None: ...


# How long typing or scrolling must pause before a multi-line field is checked again.
PAUSE_MS = 150
# Words are looked for this far beyond the visible part, so that one cut by its edge is whole.
MARGIN = 60


def attach(editor: QWidget, checker: SpellChecking) -> None:
    """Underline the misspelt words of ``editor`` (a line or multi-line field)."""
    if isinstance(editor, QPlainTextEdit):
        _TextUnderliner(editor, checker)
    elif isinstance(editor, QLineEdit):
        _LineUnderliner(editor, checker)


def underline_format() -> QTextCharFormat:
    form = QTextCharFormat()
    form.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SpellCheckUnderline)
    form.setUnderlineColor(QColor(210, 0, 0))
    return form


class _Underliner(QObject):
    """What both kinds of editor share: the context menu with the suggestions."""

    def __init__(self, editor: QWidget, checker: SpellChecking) -> None:
        super().__init__(editor)
        self.editor, self.checker = editor, checker
        editor.installEventFilter(self)
        checker.changed.connect(self.recheck)

    def check(self) -> None:
        raise NotImplementedError

    def recheck(self) -> None:
        """The dictionary arrived, a word became known, checking was switched."""
        self.check()

    def word_at(self, point: QPoint) -> tuple[Span, Callable[[str], None]] | None:
        """The misspelt word at ``point`` and how to replace it, or None."""
        raise NotImplementedError

    def standard_menu(self, point: QPoint) -> QMenu:
        raise NotImplementedError

    def eventFilter(self, watched, event) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.ContextMenu and watched is self.editor:
            self.context_menu(event.pos(), event.globalPos())
            return True
        if event.type() == QEvent.Type.FocusOut and watched is self.editor:
            self.recheck()  # the word being typed is finished now
        if event.type() == QEvent.Type.ReadOnlyChange and watched is self.editor:
            self.recheck()  # a submitted draft shows none; reopened (or the next draft), it does again
        return False

    def being_typed(self, end: int, cursor: int) -> bool:
        """Whether a word ending at ``end`` is the one the user is typing: not underlined yet
        (each letter of "Sadarb…" would flash red), until the cursor or the focus leaves it."""
        return end == cursor and self.editor.hasFocus()

    def context_menu(self, point: QPoint, global_point: QPoint) -> QMenu:
        menu = self.standard_menu(point)
        found = self.word_at(point) if self.checker.active and not _read_only(self.editor) else None
        if found is not None:
            self.add_spelling_actions(menu, *found)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        menu.popup(global_point)
        return menu

    def add_spelling_actions(self, menu: QMenu, span: Span, replace: Callable[[str], None]) -> None:
        speller = self.checker.speller
        assert speller is not None
        first = menu.actions()[0] if menu.actions() else None
        suggestions = speller.suggest(span.word)
        actions: list[QAction] = []
        for suggestion in suggestions:
            action = QAction(suggestion, menu)
            action.setObjectName("spelling_suggestion")
            font = action.font()
            font.setBold(True)
            action.setFont(font)
            action.triggered.connect(lambda _checked=False, s=suggestion: replace(s))
            actions.append(action)
        if not suggestions:
            none = QAction(translate("Window", "(no suggestions)"), menu)
            none.setEnabled(False)
            actions.append(none)
        ignore = QAction(translate("Window", "&Ignore"), menu)
        ignore.setObjectName("spelling_ignore")
        ignore.triggered.connect(lambda: self.checker.ignore(span.word))
        add = QAction(translate("Window", "&Add to my dictionary"), menu)
        add.setObjectName("spelling_add")
        add.triggered.connect(lambda: self.checker.add(span.word))
        separator = QAction(menu)
        separator.setSeparator(True)
        menu.insertActions(first, [*actions, ignore, add, separator])  # type: ignore[arg-type]


def _read_only(editor: QWidget) -> bool:
    return isinstance(editor, (QLineEdit, QPlainTextEdit)) and editor.isReadOnly()


class _TextUnderliner(_Underliner):
    editor: QPlainTextEdit

    def __init__(self, editor: QPlainTextEdit, checker: SpellChecking) -> None:
        super().__init__(editor, checker)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.check)
        editor.textChanged.connect(self.soon)
        editor.cursorPositionChanged.connect(self.soon)
        editor.verticalScrollBar().valueChanged.connect(self.soon)  # (its value would be taken for ms)
        editor.viewport().installEventFilter(self)
        self.check()

    def soon(self, *_unused) -> None:
        self.timer.start(PAUSE_MS)

    def recheck(self) -> None:
        # Each field in an event-loop turn of its own: the form's forty at once would be a stall.
        self.timer.start(0)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802
        if not shiboken6.isValid(self.editor):
            return False  # the editor is going (a cell's, when editing ends)
        kind = event.type()
        if kind == QEvent.Type.ContextMenu:
            # A click's menu comes to the viewport (its place there); the Menu key's to the
            # editor itself: then the word at the text cursor.
            point = event.pos() if watched is self.editor.viewport() else self.editor.cursorRect().center()
            self.context_menu(point, event.globalPos())
            return True
        if watched is self.editor.viewport() and kind in (QEvent.Type.Resize, QEvent.Type.Show):
            self.soon()
        elif watched is self.editor and kind == QEvent.Type.FocusOut:
            self.recheck()  # the word being typed is finished now
        return False

    def visible_range(self) -> tuple[int, int]:
        viewport = self.editor.viewport()
        first = self.editor.cursorForPosition(QPoint(0, 0)).position()
        last = self.editor.cursorForPosition(QPoint(viewport.width(), viewport.height())).position()
        return first, last

    def check(self) -> None:
        if not shiboken6.isValid(self.editor):
            return
        if not self.checker.active or not self.editor.isVisible():
            if self.editor.extraSelections():
                self.editor.setExtraSelections([])
            return
        speller = self.checker.speller
        assert speller is not None
        first, last = self.visible_range()
        document = self.editor.document()
        start = max(0, first - MARGIN)
        end = min(document.characterCount() - 1, last + MARGIN)
        cursor = QTextCursor(document)
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        # One character for one: paragraph breaks come as U+2029, which splits words as "\n" does.
        text = cursor.selectedText()
        underline = underline_format()
        selections = []
        typing_at = self.editor.textCursor().position()
        for span in speller.misspelt(text):
            if (span.start == 0 and start > 0) or (span.end == len(text) and end < document.characterCount() - 1):
                continue  # cut by the edge of what was taken: off screen anyway
            if self.being_typed(start + span.end, typing_at):
                continue
            selection = QTextEdit.ExtraSelection()
            selection.cursor = QTextCursor(document)
            selection.cursor.setPosition(start + span.start)
            selection.cursor.setPosition(start + span.end, QTextCursor.MoveMode.KeepAnchor)
            selection.format = underline
            selections.append(selection)
        self.editor.setExtraSelections(selections)

    def standard_menu(self, point: QPoint) -> QMenu:
        return self.editor.createStandardContextMenu(point)

    def word_at(self, point: QPoint) -> tuple[Span, Callable[[str], None]] | None:
        speller = self.checker.speller
        assert speller is not None
        position = self.editor.cursorForPosition(point).position()
        block = self.editor.document().findBlock(position)
        offset = position - block.position()
        text = block.text()
        start = max(0, offset - MARGIN)
        for span in speller.misspelt(text, start, min(len(text), offset + MARGIN)):
            if span.start <= offset <= span.end:  # the words at the edges are far from the click
                at = block.position()

                def replace(word: str, span: Span = span, at: int = at) -> None:
                    cursor = QTextCursor(self.editor.document())
                    cursor.setPosition(at + span.start)
                    cursor.setPosition(at + span.end, QTextCursor.MoveMode.KeepAnchor)
                    cursor.insertText(word)

                return span, replace
        return None


class _LineUnderliner(_Underliner):
    editor: QLineEdit

    def __init__(self, editor: QLineEdit, checker: SpellChecking) -> None:
        super().__init__(editor, checker)
        self._shown: list[Span] = []
        editor.textChanged.connect(self.check)
        editor.cursorPositionChanged.connect(self.check)
        self.check()

    def check(self) -> None:
        if not shiboken6.isValid(self.editor):
            return
        spans: list[Span] = []
        if self.checker.active and not self.editor.isReadOnly():
            speller = self.checker.speller
            assert speller is not None
            cursor = self.editor.cursorPosition()
            spans = [span for span in speller.misspelt(self.editor.text()) if not self.being_typed(span.end, cursor)]
        if not spans and not self._shown:
            return  # nothing shown, nothing to show: no event at all
        self._shown = spans
        # The formats of an input method's composition, placed relative to the cursor; an empty
        # composition leaves the text as it is.
        cursor = self.editor.cursorPosition()
        underline = underline_format()
        attributes = [
            QInputMethodEvent.Attribute(
                QInputMethodEvent.AttributeType.TextFormat, span.start - cursor, span.end - span.start, underline
            )
            for span in spans
        ]
        QCoreApplication.sendEvent(self.editor, QInputMethodEvent("", attributes))

    def standard_menu(self, point: QPoint) -> QMenu:
        return self.editor.createStandardContextMenu()

    def word_at(self, point: QPoint) -> tuple[Span, Callable[[str], None]] | None:
        speller = self.checker.speller
        assert speller is not None
        offset = self.editor.cursorPositionAt(point)
        for span in speller.misspelt(self.editor.text()):
            if span.start <= offset <= span.end:

                def replace(word: str, span: Span = span) -> None:
                    self.editor.setSelection(span.start, span.end - span.start)
                    self.editor.insert(word)  # as typed: the field writes it, undoably

                return span, replace
        return None
