"""A table of repeatable rows (objectives or indicators) with its row actions.

Actions are reachable by buttons, a context menu and keyboard shortcuts (active while the table
has focus); rows can be dragged to reorder. The view only lays out; the model does the work.
"""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QSize, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QMenu,
    QPlainTextEdit,
    QStyledItemDelegate,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from kopsavilkums.ui.flow_layout import FlowLayout
from kopsavilkums.ui.i18n import translate
from kopsavilkums.ui.models.rows import RowsModel

# Up to this many rows the table grows to show them all; beyond, it scrolls on its own.
VISIBLE_ROWS = 10
# Above this many rows heights are not fitted to content (too slow to measure them all).
FIT_ROWS_LIMIT = 80


class MultiLineDelegate(QStyledItemDelegate):
    """Long cells (an indicator's text and note) edit in a multi-line editor: Enter makes a new
    line; Tab or clicking elsewhere finishes."""

    def __init__(self, multiline_columns: set[int], parent=None) -> None:
        super().__init__(parent)
        self.multiline_columns = multiline_columns

    def createEditor(self, parent, option, index):
        if index.column() in self.multiline_columns:
            editor = QPlainTextEdit(parent)
            editor.setTabChangesFocus(True)
            editor.setAccessibleName(str(index.model().headerData(index.column(), Qt.Orientation.Horizontal)))
            return editor
        return super().createEditor(parent, option, index)

    def setEditorData(self, editor, index) -> None:
        if isinstance(editor, QPlainTextEdit):
            editor.setPlainText(index.data(Qt.ItemDataRole.EditRole) or "")
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


class RowsTable(QTableView):
    def __init__(self, model: RowsModel, parent=None) -> None:
        super().__init__(parent)
        self.setModel(model)
        self.setWordWrap(True)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.setDragDropOverwriteMode(False)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setTabKeyNavigation(False)  # Tab leaves the table, arrows move inside it
        self.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.verticalHeader().hide()
        header = self.horizontalHeader()
        # The number column is as wide as "999)" would be, not fitted to its contents: fitting
        # asks the model about every row (400 rows: ~40 ms whenever the table is built).
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Fixed)
        header.resizeSection(0, self._number_width())
        # The text takes the room; short columns stay narrow; a note gets a fair share.
        header.setStretchLastSection(False)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        for col in range(2, model.columnCount()):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(col, 260 if model.attribute(col) == "note" else 90)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        # Row heights depend on column widths: measure again (once) after any resize.
        self._refit = QTimer(self, singleShot=True, interval=30)
        self._refit.timeout.connect(self.fit)
        model.modelReset.connect(self._refit.start)
        model.dataChanged.connect(self._refit.start)
        header.sectionResized.connect(self._refit.start)

    def _number_width(self) -> int:
        # Text and the cell's margins, which a digit's width on each side covers at any scaling.
        metrics = self.fontMetrics()
        return metrics.horizontalAdvance(self.model().NUMBER_FORMAT.format(999)) + 2 * metrics.horizontalAdvance("0")

    def changeEvent(self, event) -> None:
        super().changeEvent(event)
        if event.type() == event.Type.FontChange:
            self.horizontalHeader().resizeSection(0, self._number_width())

    def fit(self) -> None:
        model = self.model()
        if model.rowCount() <= FIT_ROWS_LIMIT:
            self.resizeRowsToContents()
        self.updateGeometry()

    def sizeHint(self):  # noqa: N802
        hint = super().sizeHint()
        rows = min(self.model().rowCount(), VISIBLE_ROWS)
        height = self.horizontalHeader().height() + 2 * self.frameWidth() + 4
        height += sum(self.rowHeight(r) for r in range(rows)) if rows else self.verticalHeader().defaultSectionSize()
        hint.setHeight(max(height, 90))
        return hint

    def minimumSizeHint(self):  # noqa: N802
        # As tall as the rows it shows, but as narrow as Qt allows: wide columns scroll inside
        # the table instead of widening the whole form.
        return QSize(super().minimumSizeHint().width(), self.sizeHint().height())

    def selected_rows(self) -> list[int]:
        rows = {i.row() for i in self.selectionModel().selectedRows()}
        if not rows and self.currentIndex().isValid():
            rows = {self.currentIndex().row()}
        return sorted(rows)

    def select_ids(self, ids: list[str]) -> None:
        model: RowsModel = self.model()
        selection = self.selectionModel()
        selection.clearSelection()
        first = None
        for row_id in ids:
            try:
                row = model.row_of(row_id)
            except KeyError:
                continue
            first = row if first is None else min(first, row)
            selection.select(
                model.index(row, 0),
                QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows,
            )
        if first is not None:
            selection.setCurrentIndex(model.index(first, 1), QItemSelectionModel.SelectionFlag.NoUpdate)
            self.scrollTo(model.index(first, 1))


class RowsEditor(QWidget):
    """The table plus its actions: add, insert above/below, duplicate, delete, move up/down."""

    def __init__(self, model: RowsModel, name: str, parent=None) -> None:
        super().__init__(parent)
        self.model = model
        self.table = RowsTable(model, self)
        self.table.setAccessibleName(name)
        self.table.setObjectName(model.KEY)
        multiline = {model.column_of("text")} | ({model.column_of("note")} if model.KEY == "indicators" else set())
        self.table.setItemDelegate(MultiLineDelegate(multiline, self.table))
        model.rows_placed.connect(self.table.select_ids)

        self.actions_by_name: dict[str, QAction] = {}
        bar = FlowLayout()
        for name_, text, keys, slot in (
            ("add", translate("Rows", "Add"), "Ctrl+Return", self.add),
            ("insert_above", translate("Rows", "Insert above"), "Ctrl+Shift+Up", self.insert_above),
            ("insert_below", translate("Rows", "Insert below"), "Ctrl+Shift+Down", self.insert_below),
            ("duplicate", translate("Rows", "Duplicate"), "Ctrl+D", self.duplicate),
            ("delete", translate("Rows", "Delete"), "Ctrl+Delete", self.delete),
            ("move_up", translate("Rows", "Move up"), "Alt+Up", self.move_up),
            ("move_down", translate("Rows", "Move down"), "Alt+Down", self.move_down),
        ):
            action = QAction(text, self)
            action.setObjectName(f"{model.KEY}_{name_}")
            action.setShortcut(QKeySequence(keys))
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.setToolTip(f"{text} ({QKeySequence(keys).toString(QKeySequence.SequenceFormat.NativeText)})")
            action.triggered.connect(slot)
            self.addAction(action)
            self.actions_by_name[name_] = action
            button = QToolButton(self)
            button.setDefaultAction(action)
            button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
            bar.addWidget(button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table)
        layout.addLayout(bar)

        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._menu)
        model.doc.read_only_changed.connect(self._apply_read_only)
        self._apply_read_only(model.doc.read_only)

    def _menu(self, pos) -> None:
        menu = QMenu(self)
        menu.addActions(list(self.actions_by_name.values()))
        menu.exec(self.table.viewport().mapToGlobal(pos))

    def _apply_read_only(self, read_only: bool) -> None:
        for action in self.actions_by_name.values():
            action.setEnabled(not read_only)
        self.table.setDragEnabled(not read_only)

    def _edit(self, row_id: str | None) -> None:
        if row_id is None:
            return
        self.table.select_ids([row_id])
        self.table.setFocus()
        self.table.edit(self.model.index(self.model.row_of(row_id), 1))

    def add(self) -> None:
        self._edit(self.model.insert_row())

    def insert_above(self) -> None:
        rows = self.table.selected_rows()
        self._edit(self.model.insert_row(rows[0] if rows else 0))

    def insert_below(self) -> None:
        rows = self.table.selected_rows()
        self._edit(self.model.insert_row(rows[-1] + 1 if rows else None))

    def duplicate(self) -> None:
        if rows := self.table.selected_rows():
            self.model.duplicate_rows(rows)

    def delete(self) -> None:
        if rows := self.table.selected_rows():
            self.model.remove_rows(rows)

    def move_up(self) -> None:
        self.model.move_rows(self.table.selected_rows(), -1)

    def move_down(self) -> None:
        self.model.move_rows(self.table.selected_rows(), +1)
