"""The store's drafts as a table: title, performer, period, last change, status."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt

from kopsavilkums.formats import format_date, format_period
from kopsavilkums.ui.i18n import translate

TITLE, PERFORMER, PERIOD, MODIFIED, STATUS = range(5)
DraftIdRole = Qt.ItemDataRole.UserRole + 1


class DraftsModel(QAbstractTableModel):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._drafts: list = []  # DraftInfo, newest first (the store's order)

    def set_drafts(self, drafts: list) -> None:
        self.beginResetModel()
        self._drafts = list(drafts)
        self.endResetModel()

    def draft(self, row: int):
        return self._drafts[row]

    def row_of(self, draft_id: str) -> int:
        return next((n for n, d in enumerate(self._drafts) if d.id == draft_id), -1)

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._drafts)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else 5

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return [
                translate("Drafts", "Title"),
                translate("Drafts", "Performer"),
                translate("Drafts", "Period"),
                translate("Drafts", "Last change"),
                translate("Drafts", "Status"),
            ][section]
        return None

    def data(self, index: QModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        d = self._drafts[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            col = index.column()
            if col == TITLE:
                return d.title or translate("Drafts", "(untitled)")
            if col == PERFORMER:
                return d.performer
            if col == PERIOD:
                return format_period(d.period.start, d.period.end) if (d.period.start or d.period.end) else ""
            if col == MODIFIED:
                local = d.modified.astimezone()
                return f"{format_date(local.date())} {local:%H:%M}"
            if col == STATUS:
                return translate("Drafts", "Submitted") if d.status == "submitted" else translate("Drafts", "Draft")
        if role == DraftIdRole:
            return d.id
        return None
