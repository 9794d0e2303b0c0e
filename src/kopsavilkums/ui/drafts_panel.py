"""The drafts panel: the store's drafts, a search box, and the draft actions as buttons.

Each draft is three short lines — the short title, then period and performer, then status and
last change — so drafts can be told apart in the panel's default width. It only lays out; the
window wires the actions (the same ``QAction`` objects as in the menus). In the trash view the
panel offers only what applies there: Restore and Delete for good.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize, QSortFilterProxyModel, Qt, Signal
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QLabel,
    QLineEdit,
    QListView,
    QStyledItemDelegate,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from kopsavilkums.ui.flow_layout import FlowLayout
from kopsavilkums.ui.i18n import translate
from kopsavilkums.ui.models import DraftsModel
from kopsavilkums.ui.models.drafts import DetailsRole, DraftIdRole, SearchRole, StateRole, SubmittedRole

PADDING = 6


class DraftDelegate(QStyledItemDelegate):
    """Paints a draft as its three lines, each cut with "…" to the panel's width.

    Selection is asked of the view and colours of the palette, never of ``QStyle``: its enums,
    made on first use, would cost ~5 ms of every start."""

    def __init__(self, view: QListView) -> None:
        super().__init__(view)
        self.view = view

    def sizeHint(self, option, index) -> QSize:  # noqa: N802
        metrics = option.fontMetrics
        return QSize(200, 3 * metrics.lineSpacing() + 2 * PADDING + 2)

    def paint(self, painter, option, index) -> None:
        palette = option.palette
        selected = self.view.selectionModel().isSelected(index)
        if selected:
            painter.fillRect(option.rect, palette.highlight())
        main = (palette.highlightedText() if selected else palette.text()).color()
        quiet = main if selected else palette.placeholderText().color()
        area = option.rect.adjusted(PADDING, PADDING, -PADDING, -PADDING)
        line = option.fontMetrics.lineSpacing()
        bold = QFont(option.font)
        bold.setBold(True)
        state = index.data(StateRole) or ""
        if index.data(SubmittedRole):
            state = "✓ " + state
        lines = [(index.data() or "", bold, main)]
        if index.data(DetailsRole):  # no empty line for a draft without performer or period yet
            lines.append((index.data(DetailsRole), option.font, main))
        lines.append((state, option.font, quiet))
        painter.save()
        for n, (words, font, colour) in enumerate(lines):
            painter.setFont(font)
            painter.setPen(colour)
            shown = QFontMetrics(font).elidedText(words, Qt.TextElideMode.ElideRight, area.width())
            painter.drawText(
                QRect(area.left(), area.top() + n * line, area.width(), line), Qt.AlignmentFlag.AlignLeft, shown
            )
        painter.restore()


class DraftsPanel(QWidget):
    # the user picked a draft (its id)
    draft_chosen = Signal(str)
    # the "show trash" switch changed
    trash_toggled = Signal(bool)
    # the chosen row changed (what Restore / Delete for good would act on)
    selection_changed = Signal()

    def __init__(self, model: DraftsModel, actions: list, trash_actions: list, parent=None) -> None:
        super().__init__(parent)
        self.model = model
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(model)
        self.proxy.setFilterRole(SearchRole)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)

        self.search = QLineEdit(self)
        self.search.setObjectName("draftSearch")
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(translate("Drafts", "Search drafts…"))
        self.search.setAccessibleName(translate("Drafts", "Search drafts"))
        self.search.textChanged.connect(self.proxy.setFilterFixedString)

        self.table = QListView(self)
        self.table.setObjectName("draftsList")
        self.table.setAccessibleName(translate("Drafts", "Drafts"))
        self.table.setModel(self.proxy)
        self.table.setItemDelegate(DraftDelegate(self.table))
        self.table.setUniformItemSizes(True)  # no measuring of each draft on every refresh
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.table.selectionModel().currentRowChanged.connect(self._current_changed)

        self.empty = QLabel(translate("Drafts", "The trash is empty."), self)
        self.empty.setObjectName("trashEmpty")
        self.empty.hide()
        self.show_trash = QCheckBox(translate("Drafts", "Show the trash"), self)
        self.show_trash.setObjectName("showTrash")
        self.show_trash.toggled.connect(self._trash_toggled)
        model.modelReset.connect(self._update_empty)

        self.buttons: list[QToolButton] = []
        self.trash_buttons: list[QToolButton] = []
        buttons = FlowLayout()  # wraps instead of cutting labels off in a narrow panel
        for action in actions + trash_actions:
            button = QToolButton(self)
            button.setDefaultAction(action)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            buttons.addWidget(button)
            (self.trash_buttons if action in trash_actions else self.buttons).append(button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.search)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty)
        layout.addWidget(self.show_trash)
        layout.addLayout(buttons)
        self._show_buttons(False)

    def _trash_toggled(self, on: bool) -> None:
        self._show_buttons(on)
        self.trash_toggled.emit(on)
        self._update_empty()

    def _show_buttons(self, trash: bool) -> None:
        for button in self.buttons:
            button.setVisible(not trash)
        for button in self.trash_buttons:
            button.setVisible(trash)

    def _update_empty(self) -> None:
        self.empty.setVisible(self.show_trash.isChecked() and self.model.rowCount() == 0)

    def _current_changed(self, current, _previous) -> None:
        if current.isValid():
            self.draft_chosen.emit(current.data(DraftIdRole))
        self.selection_changed.emit()

    def current_id(self) -> str | None:
        index = self.table.currentIndex()
        if not index.isValid() or not self.table.selectionModel().isSelected(index):
            return None
        return index.data(DraftIdRole)

    def select(self, draft_id: str | None) -> None:
        """Show ``draft_id`` as the current row without announcing it as a new choice."""
        row = self.model.row_of(draft_id) if draft_id else -1
        selection = self.table.selectionModel()
        selection.blockSignals(True)
        try:
            if row < 0:
                selection.clear()
            else:
                index = self.proxy.mapFromSource(self.model.index(row, 0))
                selection.setCurrentIndex(index, selection.SelectionFlag.ClearAndSelect)
        finally:
            selection.blockSignals(False)
        self.selection_changed.emit()
        if self.table.isVisible():  # a hidden view paints it when shown anyway; and viewport()
            self.table.viewport().update()  # first wraps 40 widget types' enums (~10 ms at start-up)
