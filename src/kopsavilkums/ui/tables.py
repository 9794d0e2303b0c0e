"""Tables the keyboard can fill in: the objectives, the indicators and the budget.

- **Tab and Shift+Tab** walk the editable cells (never the number or difference columns), then
  leave the table for the next or previous field; coming in with Tab starts at the first
  editable cell, with Shift+Tab at the last. **Ctrl+Tab** leaves the table at once, and
  **Ctrl+Shift+Tab** goes back to the field before it, as in Qt's own item views.
- **Enter** finishes the cell being edited; **Shift+Enter** breaks a line in a long text.
  Typing on a cell starts editing it, F2 too.
- The cursor stays in sight: a table as tall as its rows scrolls with the form, so the form
  scrolls to the current cell as the arrow keys or Tab move it.
- Whatever the table is asked to do next — a row operation, a save, another draft, a PDF —
  :meth:`CellTable.commit` first takes in the text of a cell still being edited.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QAbstractScrollArea,
    QApplication,
    QLabel,
    QPlainTextEdit,
    QScrollArea,
    QStyledItemDelegate,
    QTableView,
    QWidget,
)

from kopsavilkums.ui.spelling import attach_to_cell

if TYPE_CHECKING:
    from kopsavilkums.ui.models import BudgetModel

_ENTER = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
EndEditHint = QAbstractItemDelegate.EndEditHint


class CellDelegate(QStyledItemDelegate):
    """Long cells (``multiline`` columns) edit in a multi-line editor; in every cell Enter
    finishes and Shift+Enter breaks a line (long cells only)."""

    def __init__(self, multiline_columns: set[int] = frozenset(), parent=None) -> None:  # type: ignore[assignment]
        super().__init__(parent)
        self.multiline_columns = set(multiline_columns)

    def createEditor(self, parent, option, index):
        editor: QWidget
        if index.column() in self.multiline_columns:
            editor = QPlainTextEdit(parent)
            editor.setTabChangesFocus(True)
            editor.setAccessibleName(str(index.model().headerData(index.column(), Qt.Orientation.Horizontal)))
            attach_to_cell(editor)
            return editor
        editor = super().createEditor(parent, option, index)
        editor.setAccessibleName(str(index.model().headerData(index.column(), Qt.Orientation.Horizontal)))
        attach_to_cell(editor)
        return editor

    def setEditorData(self, editor, index) -> None:
        if isinstance(editor, QPlainTextEdit):
            editor.setPlainText(index.data(Qt.ItemDataRole.EditRole) or "")
            editor.moveCursor(editor.textCursor().MoveOperation.End)  # typing goes on at the end
        else:
            super().setEditorData(editor, index)

    def setModelData(self, editor, model, index) -> None:
        if isinstance(editor, QPlainTextEdit):
            model.setData(index, editor.toPlainText(), Qt.ItemDataRole.EditRole)
        else:
            super().setModelData(editor, model, index)

    def updateEditorGeometry(self, editor, option, index) -> None:
        rect = option.rect
        if isinstance(editor, QPlainTextEdit):
            rect.setHeight(max(rect.height(), 5 * option.fontMetrics.lineSpacing()))
        editor.setGeometry(rect)

    def eventFilter(self, editor, event) -> bool:  # noqa: N802
        table = self.parent()
        if event.type() == QEvent.Type.KeyPress and isinstance(table, CellTable):
            forward = _leaving(event)
            if forward is not None:
                table.leave(forward)  # the cell's text is taken in first
                return True
        if event.type() == QEvent.Type.KeyPress and event.key() in _ENTER:
            if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
                return False  # Ctrl+Enter is "Add row": the table's shortcut, which commits first
            if isinstance(editor, QPlainTextEdit):
                if event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
                    editor.insertPlainText("\n")
                    return True
                self.commitData.emit(editor)
                self.closeEditor.emit(editor, EndEditHint.NoHint)
                return True
        return super().eventFilter(editor, event)


class CellTable(QTableView):
    """A table view with the keyboard behaviour described above."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setTabKeyNavigation(True)
        self.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )

    # ---------------------------------------------------------------- editable cells in order
    def _editable(self, index: QModelIndex) -> bool:
        return index.isValid() and bool(index.flags() & Qt.ItemFlag.ItemIsEditable)

    def _step(self, forward: bool, start: QModelIndex | None = None) -> QModelIndex:
        """The next (or previous) editable cell after ``start`` (the current cell; before the
        first or after the last when invalid); invalid past the end. Walks from there, so a Tab
        in a 2,000-row table looks at a cell or two, not at all of them."""
        model = self.model()
        rows, columns = (model.rowCount(), model.columnCount()) if model is not None else (0, 0)
        # Our tables are editable in every row or in none (read-only): the first row tells.
        if not rows or not any(self._editable(model.index(0, c)) for c in range(columns)):
            return QModelIndex()
        start = self.currentIndex() if start is None else start
        if start.isValid():
            row, column = start.row(), start.column()
        else:
            row, column = (0, -1) if forward else (rows - 1, columns)
        step = 1 if forward else -1
        while True:
            column += step
            if column >= columns:
                row, column = row + 1, 0
            elif column < 0:
                row, column = row - 1, columns - 1
            if not 0 <= row < rows:
                return QModelIndex()
            index = model.index(row, column)
            if not self.isColumnHidden(column) and self._editable(index):
                return index

    def moveCursor(self, action, modifiers):  # noqa: N802
        if action in (QAbstractItemView.CursorAction.MoveNext, QAbstractItemView.CursorAction.MovePrevious):
            return self._step(action == QAbstractItemView.CursorAction.MoveNext)
        return super().moveCursor(action, modifiers)

    def scrollTo(self, index, hint=QAbstractItemView.ScrollHint.EnsureVisible) -> None:  # noqa: N802
        super().scrollTo(index, hint)
        focused = QApplication.focusWidget()
        if index.isValid() and focused is not None and (focused is self or self.isAncestorOf(focused)):
            self.show_in_form(index)

    def show_in_form(self, index: QModelIndex) -> None:
        """Scroll the form this table is in so that the cell ``index`` is seen (its top, if it
        is taller than the form's window)."""
        area = self.parentWidget()
        while area is not None and not isinstance(area, QScrollArea):
            area = area.parentWidget()
        rect = self.visualRect(index)
        page = area.widget() if area is not None else None
        if area is None or page is None or not rect.isValid():
            return
        top = self.viewport().mapTo(page, rect.topLeft())
        bottom = self.viewport().mapTo(page, rect.bottomLeft())
        area.ensureVisible(top.x(), bottom.y(), 0, 8)
        area.ensureVisible(top.x(), top.y(), 0, 8)

    def focusInEvent(self, event) -> None:
        reason = event.reason()
        if reason in (Qt.FocusReason.TabFocusReason, Qt.FocusReason.BacktabFocusReason):
            # Tab comes in at the first editable cell, Shift+Tab at the last.
            cell = self._step(reason == Qt.FocusReason.TabFocusReason, QModelIndex())
            if cell.isValid():
                self.setCurrentIndex(cell)
        super().focusInEvent(event)

    def keyPressEvent(self, event) -> None:
        forward = _leaving(event)
        if forward is not None:
            self.leave(forward)
            return
        super().keyPressEvent(event)

    def leave(self, forward: bool) -> None:
        """Go on to the field after the table (or back to the one before it) in one key."""
        self.commit()
        QAbstractScrollArea.focusNextPrevChild(self, forward)

    def closeEditor(self, editor, hint) -> None:  # noqa: N802
        if hint in (EndEditHint.EditNextItem, EndEditHint.EditPreviousItem):
            forward = hint == EndEditHint.EditNextItem
            if not self._step(forward).isValid():
                # The last cell: Tab goes on to the next field rather than staying in the table.
                super().closeEditor(editor, EndEditHint.NoHint)
                QAbstractScrollArea.focusNextPrevChild(self, forward)
                return
        super().closeEditor(editor, hint)

    # ---------------------------------------------------------------- an open editor
    def open_editor(self) -> QWidget | None:
        if self.state() != QAbstractItemView.State.EditingState:
            return None
        return self.indexWidget(self.currentIndex())

    def commit(self) -> None:
        """Take in the text of a cell still being edited and close its editor."""
        editor = self.open_editor()
        if editor is not None:
            self.commitData(editor)
            self.closeEditor(editor, EndEditHint.NoHint)


class BudgetTable(CellTable):
    """Row 5: one row per year of the period and a total; as tall as its rows."""

    def __init__(self, model, name: str, parent=None) -> None:
        from PySide6.QtWidgets import QHeaderView

        super().__init__(parent)
        self.setObjectName("budget")
        self.setAccessibleName(name)
        self.setModel(model)
        self.setItemDelegate(CellDelegate(parent=self))
        self.verticalHeader().hide()
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        model.modelReset.connect(self.fit)
        header.sectionResized.connect(self._wrap_headings)  # the stretched columns follow the width
        self.fit()

    def _wrap_headings(self, *_unused) -> None:
        """A heading too long for its column (150 % scaling, a narrow window) on more lines;
        measured in bold, as the current column's heading is drawn."""
        from PySide6.QtGui import QFont, QFontMetrics

        model: BudgetModel = self.model()  # type: ignore[assignment]
        header = self.horizontalHeader()
        font = QFont(header.font())
        font.setBold(True)
        metrics = QFontMetrics(font)
        wrapped = {}
        for column in range(model.columnCount()):
            heading, room = model.heading(column), header.sectionSize(column) - 2 * metrics.horizontalAdvance("0")
            if metrics.horizontalAdvance(heading) > room:
                wrapped[column] = _wrap(heading, metrics, room)
        if wrapped != model.wrapped_headings:
            model.set_wrapped_headings(wrapped)
            self.fit()

    def fit(self) -> None:
        rows = max(self.model().rowCount(), 1)
        height = self.horizontalHeader().sizeHint().height() + rows * self.verticalHeader().defaultSectionSize()
        self.setFixedHeight(height + 2 * self.frameWidth() + 2)


class BudgetSection(QWidget):
    """Row 5: the budget table, how to fill it in, and why typed text was not taken."""

    def __init__(self, model, name: str, input_message: QLabel, parent=None) -> None:
        from PySide6.QtWidgets import QVBoxLayout

        from kopsavilkums.ui.i18n import translate

        super().__init__(parent)
        self.table = BudgetTable(model, name, self)
        hint = QLabel(
            translate(
                "Form",
                "The years follow the delegation period. One amount a year is enough: what was actually used; "
                "the planned amount is optional. Type amounts like 31 830,96.",
            ).replace("31 830,96", "31\u00a0830,96"),  # the example amount on one line
            self,
        )
        hint.setWordWrap(True)
        font = hint.font()
        font.setItalic(True)
        hint.setFont(font)
        self.input_message = input_message
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.table)
        column.addWidget(hint)
        column.addWidget(input_message)
        model.input_rejected.connect(self._rejected)
        # A typo's message goes once an amount is taken (or another draft shows).
        model.doc.changed.connect(self._changed)
        model.doc.reset.connect(input_message.hide)

    def _rejected(self, message: str) -> None:
        self.input_message.setText(message)
        self.input_message.show()

    def _changed(self, path: str) -> None:
        if path.startswith("budget"):
            self.input_message.hide()


def _leaving(event) -> bool | None:
    """Ctrl+Tab: True (on to the next field); Ctrl+Shift+Tab: False (back); else None."""
    if event.key() not in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab):
        return None
    if not event.modifiers() & Qt.KeyboardModifier.ControlModifier:
        return None
    return event.key() == Qt.Key.Key_Tab and not event.modifiers() & Qt.KeyboardModifier.ShiftModifier


def _wrap(text: str, metrics, width: int) -> str:
    """``text`` broken into lines at spaces, each line as long as fits ``width`` (a word longer
    than that stays whole)."""
    lines: list[str] = []
    for word in text.split(" "):
        if lines and metrics.horizontalAdvance(f"{lines[-1]} {word}") <= width:
            lines[-1] += f" {word}"
        else:
            lines.append(word)
    return "\n".join(lines)
