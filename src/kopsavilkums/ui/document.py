"""The report being edited, with its undo history.

Every change — a typed field, a table cell, a row added or moved — goes through
:meth:`EditableDocument.set` as a :class:`SetValue` command on one ``QUndoStack``, so undo and
redo work the same across the whole form. Values are addressed by *paths*:

- ``title``, ``period.end``, ``signatory.date``, ``irregular_expenditure.amount``…
- ``objectives``, ``indicators``, ``budget``: the whole list (row operations);
- ``indicators/<row id>/planned``, ``objectives/<row id>/text``, ``budget/<year>/actual``: one cell.

Row cells are addressed by stable row id, never by position, so an undo finds its row after
any reordering. Paths are read by :class:`kopsavilkums.fieldpath.FieldPath`, as everywhere. Widgets hold no data: they show :meth:`get` and listen to :attr:`changed`.

**Loading never writes.** Only the user changes the report. While the program changes what is
shown — another draft, a rebuilt form, a new language — :meth:`loading` is in force and any
:meth:`set` is refused with :class:`WriteWhileLoading`: a widget that answers a state the program
gave it (a radio button checked to show "Nav") by writing would otherwise put a change nobody
made into the undo history, the screen and, with the next keystroke, the store.
"""

from __future__ import annotations

import copy
import time
from collections.abc import Iterator
from contextlib import contextmanager

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from kopsavilkums.fieldpath import FieldPath
from kopsavilkums.report import Report

# Consecutive edits of one field within this many seconds undo as one step (a typed word).
MERGE_WINDOW_S = 1.5


class WriteWhileLoading(RuntimeError):
    """A widget tried to change the report while the program, not the user, was changing what
    the window shows. A bug: the write is refused, so the draft stays as stored."""


class EditableDocument(QObject):
    # a path whose value changed (by an edit, undo or redo)
    changed = Signal(str)
    # any change at all; the autosaver and validation listen to this
    edited = Signal()
    # the whole report was replaced (another draft opened, reloaded)
    reset = Signal()
    read_only_changed = Signal(bool)

    def __init__(self, report: Report | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.report = report or Report()
        self.undo_stack = QUndoStack(self)
        self._read_only = False
        self._loading = 0

    @contextmanager
    def loading(self) -> Iterator[None]:
        """The program changes what is shown (not the report): every write meanwhile is refused."""
        self._loading += 1
        try:
            yield
        finally:
            self._loading -= 1

    def _refuse_while_loading(self, path: str) -> None:
        if self._loading:
            raise WriteWhileLoading(f"{path} was written while a draft was being shown; nothing was changed")

    # ----------------------------------------------------------------- whole document
    def replace(self, report: Report) -> None:
        """Show another report; the undo history belongs to the old one and goes."""
        self.report = report
        self.undo_stack.clear()
        with self.loading():
            self.reset.emit()

    def adopt_history(self, other: EditableDocument) -> None:
        """Take over ``other``'s undo history, step for step (the window was rebuilt for another
        interface language over the same report). Every step sets whole values, so replaying
        them all and undoing back to ``other``'s place leaves the report as it is."""
        stack = other.undo_stack
        self.undo_stack.clear()
        for n in range(stack.count()):
            self.undo_stack.push(_replica(self, stack.command(n)))
        self.undo_stack.setIndex(stack.index())

    @property
    def read_only(self) -> bool:
        return self._read_only

    def set_read_only(self, value: bool) -> None:
        if value != self._read_only:
            self._read_only = value
            self.read_only_changed.emit(value)

    # ----------------------------------------------------------------- values by path
    def get(self, path: str):
        owner, attr = self._place(FieldPath.parse(path))
        return getattr(owner, attr)

    def set(self, path: str, value, text: str = "", *, merge: bool = True) -> bool:
        """Change a value as one undoable step. Returns False (and changes nothing) when the
        document is read-only or the value is unchanged."""
        if self._read_only:
            return False
        self._refuse_while_loading(path)
        old = self.get(path)
        if old == value:
            return False
        self.undo_stack.push(SetValue(self, path, copy.deepcopy(old), copy.deepcopy(value), text or path, merge))
        return True

    def set_many(self, changes: list[tuple[str, object]], text: str) -> bool:
        """Several values as one undoable step (e.g. a row's new text and its checked mark)."""
        if self._read_only or all(self.get(path) == value for path, value in changes):
            return False
        self._refuse_while_loading(text)
        self.undo_stack.beginMacro(text)
        for path, value in changes:
            self.set(path, value, merge=False)
        self.undo_stack.endMacro()
        return True

    def set_period_date(self, path: str, value, ask_drop_years=lambda years: False) -> bool:
        """Change ``period.start``/``period.end`` and let the budget years follow, as one
        undoable step. Years that leave the period but hold amounts are dropped only if
        ``ask_drop_years(years)`` says so; otherwise they stay (validation names them)."""
        if self._read_only or self.get(path) == value:
            return False
        self._refuse_while_loading(path)
        trial = self.report.copy()
        setattr(trial.period, path.split(".")[1], value)
        kept = trial.sync_budget_years()
        if kept and ask_drop_years([row.year for row in kept]):
            trial.budget = [row for row in trial.budget if row not in kept]
        self.undo_stack.beginMacro(path)
        self.set(path, value, merge=False)
        self.set("budget", trial.budget, merge=False)
        self.undo_stack.endMacro()
        return True

    def rows(self, key: str) -> list:
        return getattr(self.report, key)

    def row_index(self, key: str, row_key) -> int:
        for n, row in enumerate(self.rows(key)):
            if _row_key(key, row) == row_key:
                return n
        raise KeyError(f"{key}/{row_key}")

    def _row(self, key: str, row_key: str | int):
        for row in self.rows(key):
            if str(_row_key(key, row)) == str(row_key):
                return row
        raise KeyError(f"{key}/{row_key}")

    def _place(self, path: FieldPath) -> tuple[object, str]:
        """The object holding the value ``path`` names, and the attribute it is under."""
        if path.by_id:
            if path.attr is None:
                raise KeyError(f"{path}: a row, not a value")
            if path.item is None:
                raise KeyError(f"{path.head}/{path.item}")  # as _row says when it finds no row
            return self._row(path.head, path.item), path.attr
        if path.item is not None:
            raise KeyError(f"{path}: the document addresses rows by id ({path.head}/<id>/…)")
        if path.attr is None:
            return self.report, path.head
        return getattr(self.report, path.head), path.attr

    def _put(self, path: str, value) -> None:
        """Store ``value`` without history (used by the commands themselves)."""
        owner, attr = self._place(FieldPath.parse(path))
        setattr(owner, attr, copy.deepcopy(value))
        self.changed.emit(path)
        self.edited.emit()


def _row_key(key: str, row):
    return row.year if key == "budget" else row.id


def _replica(doc: EditableDocument, command: QUndoCommand) -> QUndoCommand:
    if isinstance(command, SetValue):
        return SetValue(doc, command.path, command.old, command.new, command.text(), False)
    # A macro (a new period and its budget years): one Python command holding its steps. Made
    # as Qt child commands instead, each child's Python object was freed at once (PySide does
    # not hand a child to its parent) and the program crashed when the step was replayed.
    return SetValues(doc, _steps(command), command.text())


def _steps(command: QUndoCommand) -> list[tuple[str, object, object]]:
    """The (path, old, new) values a command sets, in the order it sets them."""
    if isinstance(command, SetValue):
        return [(command.path, command.old, command.new)]
    if isinstance(command, SetValues):
        return list(command.steps)
    return [step for n in range(command.childCount()) for step in _steps(command.child(n))]


class SetValue(QUndoCommand):
    _ID = 4711

    def __init__(
        self, doc: EditableDocument, path: str, old, new, text: str, merge: bool, parent: QUndoCommand | None = None
    ) -> None:
        super().__init__(text, parent)
        self.doc, self.path, self.old, self.new, self.merge = doc, path, old, new, merge
        self.stamp = time.monotonic()

    def id(self) -> int:
        return self._ID if self.merge else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, SetValue) or other.path != self.path or not other.merge:
            return False
        if other.stamp - self.stamp > MERGE_WINDOW_S:
            return False
        self.new, self.stamp = other.new, other.stamp
        return True

    def redo(self) -> None:
        self.doc._put(self.path, self.new)

    def undo(self) -> None:
        self.doc._put(self.path, self.old)


class SetValues(QUndoCommand):
    """Several values as one step, done in order and undone in reverse: a macro taken over
    from another window's history."""

    def __init__(self, doc: EditableDocument, steps: list[tuple[str, object, object]], text: str) -> None:
        super().__init__(text)
        self.doc, self.steps = doc, steps

    def redo(self) -> None:
        for path, _old, new in self.steps:
            self.doc._put(path, new)

    def undo(self) -> None:
        for path, old, _new in reversed(self.steps):
            self.doc._put(path, old)
