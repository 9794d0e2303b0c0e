"""The list of validation problems, errors first, in the interface language."""

from __future__ import annotations

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt

from kopsavilkums.ui.i18n import current, translate
from kopsavilkums.ui.plain import tooltip
from kopsavilkums.validation import Problem

ProblemRole = Qt.ItemDataRole.UserRole + 1


class ProblemsModel(QAbstractListModel):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._problems: list[Problem] = []

    @property
    def problems(self) -> list[Problem]:
        return list(self._problems)

    def set_problems(self, problems: list[Problem]) -> None:
        ordered = sorted(problems, key=lambda p: not p.is_error)  # stable: keeps form order
        if ordered != self._problems:
            self.beginResetModel()
            self._problems = ordered
            self.endResetModel()

    def counts(self) -> tuple[int, int]:
        errors = sum(1 for p in self._problems if p.is_error)
        return errors, len(self._problems) - errors

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._problems)

    def data(self, index: QModelIndex | QPersistentModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        p = self._problems[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return p.text(current())
        if role == Qt.ItemDataRole.DecorationRole:
            from PySide6.QtWidgets import QApplication, QStyle

            icon = (
                QStyle.StandardPixmap.SP_MessageBoxCritical
                if p.is_error
                else QStyle.StandardPixmap.SP_MessageBoxWarning
            )
            return QApplication.style().standardIcon(icon)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            kind = translate("Problems", "Error") if p.is_error else translate("Problems", "Warning")
            return f"{kind}: {p.text(current())}"
        if role == Qt.ItemDataRole.ToolTipRole:
            return tooltip(p.path)
        if role == ProblemRole:
            return p
        return None
