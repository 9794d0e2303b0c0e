"""The drafts panel: the store's drafts, a search box, and the draft actions as buttons.

It only lays out; the window wires the actions (they are the same ``QAction`` objects as in
the menus, so shortcuts and enabled state stay in one place).
"""

from __future__ import annotations

from PySide6.QtCore import QSortFilterProxyModel, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHeaderView,
    QLineEdit,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from kopsavilkums.ui.flow_layout import FlowLayout
from kopsavilkums.ui.i18n import translate
from kopsavilkums.ui.models import DraftsModel
from kopsavilkums.ui.models.drafts import DraftIdRole


class DraftsPanel(QWidget):
    # the user picked a draft (its id)
    draft_chosen = Signal(str)
    # the "show trash" switch changed
    trash_toggled = Signal(bool)

    def __init__(self, model: DraftsModel, actions: list, parent=None) -> None:
        super().__init__(parent)
        self.model = model
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(model)
        self.proxy.setFilterKeyColumn(-1)  # search every column
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)

        self.search = QLineEdit(self)
        self.search.setObjectName("draftSearch")
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(translate("Drafts", "Search drafts…"))
        self.search.setAccessibleName(translate("Drafts", "Search drafts"))
        self.search.textChanged.connect(self.proxy.setFilterFixedString)

        self.table = QTableView(self)
        self.table.setObjectName("draftsTable")
        self.table.setAccessibleName(translate("Drafts", "Drafts"))
        self.table.setModel(self.proxy)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        # Fixed widths from the font, not ResizeToContents: that would measure every draft's
        # row on each refresh (slow with hundreds of drafts). The title takes what is left.
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        metrics = self.table.fontMetrics()
        for column, sample in (
            (1, "Biedrība „Kurz"),
            (2, "12.08.2019. – 31.10.2020."),
            (3, "26.11.2026. 20:10"),
            (4, "Melnraksts"),
        ):
            label = str(model.headerData(column, Qt.Orientation.Horizontal))
            header.resizeSection(
                column, max(metrics.horizontalAdvance(sample), metrics.horizontalAdvance(label) + 8) + 16
            )
        header.setStretchLastSection(False)
        self.table.selectionModel().currentRowChanged.connect(self._current_changed)

        self.show_trash = QCheckBox(translate("Drafts", "Show the trash"), self)
        self.show_trash.setObjectName("showTrash")
        self.show_trash.toggled.connect(self.trash_toggled)

        buttons = FlowLayout()  # wraps instead of cutting labels off in a narrow panel
        for action in actions:
            button = QToolButton(self)
            button.setDefaultAction(action)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            buttons.addWidget(button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.search)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.show_trash)
        layout.addLayout(buttons)

    def _current_changed(self, current, _previous) -> None:
        if current.isValid():
            self.draft_chosen.emit(current.data(DraftIdRole))

    def current_id(self) -> str | None:
        index = self.table.currentIndex()
        return index.data(DraftIdRole) if index.isValid() else None

    def select(self, draft_id: str | None) -> None:
        """Show ``draft_id`` as the current row without announcing it as a new choice."""
        row = self.model.row_of(draft_id) if draft_id else -1
        self.table.selectionModel().blockSignals(True)
        try:
            if row < 0:
                self.table.clearSelection()
                return
            index = self.proxy.mapFromSource(self.model.index(row, 0))
            self.table.selectionModel().setCurrentIndex(
                index,
                self.table.selectionModel().SelectionFlag.ClearAndSelect
                | self.table.selectionModel().SelectionFlag.Rows,
            )
        finally:
            self.table.selectionModel().blockSignals(False)
        if self.table.isVisible():  # a hidden table paints it when shown anyway; and viewport()
            self.table.viewport().update()  # first wraps 40 widget types' enums (~10 ms at start-up)
