"""A table of repeatable rows (objectives or indicators) with its row actions.

Actions are reachable by buttons, a context menu (also the Menu key) and keyboard shortcuts
(active while the table has focus); rows can be dragged to reorder. The buttons take no focus:
Tab walks the cells (:mod:`.tables`), not seven buttons. Every action first takes in a cell
still being edited. Rows carried over from the previous report (indicators) are marked ``↻``
until someone marks them as checked or rewrites their text.
"""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QSize, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from kopsavilkums.ui.flow_layout import FlowLayout
from kopsavilkums.ui.i18n import translate
from kopsavilkums.ui.models.rows import RowsModel
from kopsavilkums.ui.row_commands import KEYS
from kopsavilkums.ui.tables import CellDelegate, CellTable

# Up to this many rows the table grows to show them all; beyond, it scrolls on its own.
VISIBLE_ROWS = 10
# Above this many rows heights are not fitted to content (too slow to measure them all).
FIT_ROWS_LIMIT = 80
CARRIED_STYLE = "background: rgba(38, 139, 210, 45); padding: 4px 6px;"
#: Buttons that show an arrow, not their words (which the menus and the tooltip still give).
ARROWS = {"move_up": "↑", "move_down": "↓"}


class RowsTable(CellTable):
    def __init__(self, model: RowsModel, parent=None) -> None:
        super().__init__(parent)
        self.setModel(model)
        self.setWordWrap(True)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.setDragDropOverwriteMode(False)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
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
            header.resizeSection(col, 220 if model.attribute(col) == "note" else 90)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        # Row heights depend on column widths: measure again (once) after any resize.
        self._refit = QTimer(self, singleShot=True, interval=30)
        self._refit.timeout.connect(self.fit)
        model.modelReset.connect(self._refit.start)
        model.dataChanged.connect(self._refit.start)
        header.sectionResized.connect(self._refit.start)

    def rows_model(self) -> RowsModel:
        return self.model()  # type: ignore[return-value]

    def keyPressEvent(self, event) -> None:
        # Typing into an empty table starts its first row (the key goes into the row's text),
        # as typing on a cell starts editing it.
        model = self.rows_model()
        if not model.rowCount() and _types(event) and model.insert_row() is not None:
            self.setCurrentIndex(model.index(0, 1))
        super().keyPressEvent(event)

    def _number_width(self) -> int:
        # Text and the cell's margins, which a digit's width on each side covers at any scaling.
        metrics = self.fontMetrics()
        return metrics.horizontalAdvance(self.rows_model().number_sample()) + 2 * metrics.horizontalAdvance("0")

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._share_width()

    def _share_width(self) -> None:
        """In a narrow table (150 % scaling, a small window) the short columns and the note
        give up width, down to their headings, so the text is not squeezed to a word a line."""
        width = self.viewport().width()
        header = self.horizontalHeader()
        model = self.rows_model()
        for col in range(2, model.columnCount()):
            if model.attribute(col) == "note":
                header.resizeSection(col, max(100, min(220, width // 4)))
            else:
                heading = str(model.headerData(col, Qt.Orientation.Horizontal))
                fitting = self.fontMetrics().horizontalAdvance(heading) + 3 * self.fontMetrics().horizontalAdvance("0")
                header.resizeSection(col, max(fitting, min(90, width // 9)))

    def changeEvent(self, event) -> None:
        super().changeEvent(event)
        if event.type() == event.Type.FontChange:
            self.horizontalHeader().resizeSection(0, self._number_width())

    def fit(self) -> None:
        if self.model().rowCount() <= FIT_ROWS_LIMIT:
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
        model = self.rows_model()
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


def _types(event) -> bool:
    """The key types a character (not a shortcut, not a key that moves or deletes)."""
    text = event.text()
    chord = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier | Qt.KeyboardModifier.MetaModifier
    return bool(text) and text.isprintable() and not event.modifiers() & chord


class RowsEditor(QWidget):
    """The table plus its actions: add, insert above/below, duplicate, delete, move up/down
    (and, for indicators, mark carried-over rows as checked)."""

    def __init__(self, model: RowsModel, name: str, parent=None) -> None:
        super().__init__(parent)
        self.model = model
        self.table = RowsTable(model, self)
        self.table.setAccessibleName(name)
        self.table.setObjectName(model.KEY)
        multiline = {model.column_of(a) for a in model.MULTILINE}
        self.table.setItemDelegate(CellDelegate(multiline, self.table))
        model.rows_placed.connect(self.table.select_ids)

        self.actions_by_name: dict[str, QAction] = {}
        self.buttons: dict[str, QToolButton] = {}
        bar = FlowLayout()
        commands = [
            ("add", translate("Rows", "Add"), self.add),
            ("insert_above", translate("Rows", "Insert above"), self.insert_above),
            ("insert_below", translate("Rows", "Insert below"), self.insert_below),
            ("duplicate", translate("Rows", "Duplicate"), self.duplicate),
            ("delete", translate("Rows", "Delete"), self.delete),
            ("move_up", translate("Rows", "Move up"), self.move_up),
            ("move_down", translate("Rows", "Move down"), self.move_down),
        ]
        if model.CAN_CARRY_OVER:
            commands.append(("mark_checked", translate("Rows", "Mark as checked"), self.mark_checked))
        for name_, text, slot in commands:
            keys = KEYS[name_]
            action = QAction(text, self)
            action.setObjectName(f"{model.KEY}_{name_}")
            action.setShortcut(QKeySequence(keys))
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.setToolTip(f"{text} ({QKeySequence(keys).toString(QKeySequence.SequenceFormat.NativeText)})")
            action.triggered.connect(slot)
            self.addAction(action)
            self.actions_by_name[name_] = action
            if name_ in ARROWS:  # an arrow on the button keeps the bar on one line (1024 px, Latvian)
                action.setIconText(ARROWS[name_])
            button = QToolButton(self)
            button.setDefaultAction(action)
            button.setAccessibleName(text)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            bar.addWidget(button)
            self.buttons[name_] = button

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.carried: QWidget | None = None
        if model.CAN_CARRY_OVER:
            layout.addWidget(self._carried_strip())
        layout.addWidget(self.table)
        layout.addLayout(bar)

        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._menu)
        model.doc.read_only_changed.connect(self._apply_read_only)
        self._apply_read_only(model.doc.read_only)

    def _carried_strip(self) -> QWidget:
        """Says how many rows still read as last period's, with a way to clear them all."""
        strip = QWidget(self)
        strip.setObjectName(f"{self.model.KEY}Carried")
        strip.setStyleSheet(f"#{self.model.KEY}Carried {{ {CARRIED_STYLE} }}")
        row = QHBoxLayout(strip)
        row.setContentsMargins(6, 4, 6, 4)
        self.carried_text = QLabel(strip)
        self.carried_text.setWordWrap(True)
        self.carried_text.setTextFormat(Qt.TextFormat.PlainText)
        self.check_all_button = QPushButton(translate("Rows", "Mark all as checked"), strip)
        self.check_all_button.clicked.connect(self.mark_all_checked)
        row.addWidget(self.carried_text, 1)
        row.addWidget(self.check_all_button)
        self.carried = strip
        self.model.modelReset.connect(self._update_carried)
        self.model.dataChanged.connect(self._update_carried)
        self._update_carried()
        return strip

    def _update_carried(self, *_unused) -> None:
        count = self.model.carried_count()
        self.carried_text.setText(
            translate(
                "Rows",
                "↻ Carried over from the previous report and still describing its results: %1. Check each "
                "row, rewrite what changed, and mark it as checked (Ctrl+K).",
            ).replace("%1", str(count))
        )
        if self.carried is not None:
            self.carried.setVisible(count > 0)
        if "mark_checked" in self.buttons:  # offered only while there is something to check
            self.actions_by_name["mark_checked"].setVisible(count > 0)
            self.buttons["mark_checked"].setVisible(count > 0)
        self.check_all_button.setEnabled(not self.model.doc.read_only)

    def _menu(self, pos) -> None:
        menu = QMenu(self)
        menu.addActions(list(self.actions_by_name.values()))
        menu.exec(self.table.viewport().mapToGlobal(pos))

    def _apply_read_only(self, read_only: bool) -> None:
        for action in self.actions_by_name.values():
            action.setEnabled(not read_only)
        self.table.setDragEnabled(not read_only)
        if self.carried is not None:
            self._update_carried()

    def _edit(self, row_id: str | None) -> None:
        if row_id is None:
            return
        self.table.select_ids([row_id])
        self.table.setFocus()
        self.table.edit(self.model.index(self.model.row_of(row_id), 1))

    # Every row action first takes in the text of a cell still being edited (Ctrl+Enter while
    # typing in a row must add the next row, not lose this one).
    def add(self) -> None:
        self.table.commit()
        self._edit(self.model.insert_row())

    def insert_above(self) -> None:
        self.table.commit()
        rows = self.table.selected_rows()
        self._edit(self.model.insert_row(rows[0] if rows else 0))

    def insert_below(self) -> None:
        self.table.commit()
        rows = self.table.selected_rows()
        self._edit(self.model.insert_row(rows[-1] + 1 if rows else None))

    def duplicate(self) -> None:
        self.table.commit()
        if rows := self.table.selected_rows():
            self.model.duplicate_rows(rows)

    def delete(self) -> None:
        self.table.commit()
        if rows := self.table.selected_rows():
            self.model.remove_rows(rows)

    def move_up(self) -> None:
        self.table.commit()
        self.model.move_rows(self.table.selected_rows(), -1)

    def move_down(self) -> None:
        self.table.commit()
        self.model.move_rows(self.table.selected_rows(), +1)

    def mark_checked(self) -> None:
        self.table.commit()
        if rows := self.table.selected_rows():
            self.model.mark_checked(rows)

    def mark_all_checked(self) -> None:
        self.table.commit()
        self.model.mark_checked(list(range(self.model.rowCount())))
