"""Row 5: planned and actual funding per calendar year, with a total row and the difference.

The years themselves come from the delegation period (the window keeps them in step); here
the user types amounts the Latvian way (``31 830,96``) and sees them formatted. A typo is
refused with a message naming the year and column (:attr:`input_rejected`), never guessed.
"""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QFont

from kopsavilkums.fieldpath import by_id
from kopsavilkums.fields import field
from kopsavilkums.formats import FormatError, format_amount, parse_amount
from kopsavilkums.ui.display import show_year
from kopsavilkums.ui.document import EditableDocument
from kopsavilkums.ui.i18n import current, translate

YEAR, PLANNED, ACTUAL, DIFFERENCE = range(4)
_ATTR = {PLANNED: "planned", ACTUAL: "actual"}


class BudgetModel(QAbstractTableModel):
    # a message (in the interface language) when typed text is not an amount
    input_rejected = Signal(str)

    def __init__(self, doc: EditableDocument, parent=None) -> None:
        super().__init__(parent)
        self.doc = doc
        doc.changed.connect(self._on_changed)
        doc.reset.connect(self._reset)
        doc.read_only_changed.connect(lambda _ro: self._reset())
        # a heading broken into lines where its column is too narrow for it (the view says so)
        self.wrapped_headings: dict[int, str] = {}

    @property
    def budget(self):
        return self.doc.report.budget

    def is_total(self, row: int) -> bool:
        return row == len(self.budget)

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        # A total row only once there is something to add up.
        return 0 if parent.isValid() or not self.budget else len(self.budget) + 1

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else 4

    def heading(self, section: int) -> str:
        if section in _ATTR:
            return field(f"budget[].{_ATTR[section]}").shown_label().text(current())
        return translate("Budget", "Year") if section == YEAR else translate("Budget", "Difference, euro")

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.wrapped_headings.get(section) or self.heading(section)
        return None

    def set_wrapped_headings(self, wrapped: dict[int, str]) -> None:
        if wrapped != self.wrapped_headings:
            self.wrapped_headings = wrapped
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self.columnCount() - 1)

    def _values(self, row: int) -> tuple[str, Decimal | None, Decimal | None]:
        if self.is_total(row):
            planned, actual = self.doc.report.budget_total()
            return translate("Budget", "Total"), planned, actual
        b = self.budget[row]
        return show_year(b.year), b.planned, b.actual

    def data(self, index: QModelIndex | QPersistentModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        label, planned, actual = self._values(index.row())
        col = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            if col == YEAR:
                return label
            if col == DIFFERENCE:
                return format_amount(planned - actual) if planned is not None and actual is not None else ""
            value = planned if col == PLANNED else actual
            return format_amount(value) if value is not None else ""
        if role == Qt.ItemDataRole.TextAlignmentRole:
            align = Qt.AlignmentFlag.AlignLeft if col == YEAR else Qt.AlignmentFlag.AlignRight
            return int(align | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.FontRole and self.is_total(index.row()):
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{label} {self.headerData(col, Qt.Orientation.Horizontal)}: {self.data(index)}"
        return None

    def flags(self, index: QModelIndex | QPersistentModelIndex):
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.isValid() and index.column() in _ATTR and not self.is_total(index.row()) and not self.doc.read_only:
            base |= Qt.ItemFlag.ItemIsEditable
        return base

    def setData(self, index: QModelIndex | QPersistentModelIndex, value, role=Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not (self.flags(index) & Qt.ItemFlag.ItemIsEditable):
            return False
        row = self.budget[index.row()]
        text = "" if value is None else str(value).strip()
        try:
            amount = parse_amount(text) if text else None
        except FormatError as exc:
            column = self.headerData(index.column(), Qt.Orientation.Horizontal)
            message = exc.localized(current())
            self.input_rejected.emit(f"{show_year(row.year)}, {column}: {message}")
            return False
        what = translate("Budget", "Edit budget %1").replace("%1", str(row.year))
        return self.doc.set(by_id("budget", row.year, _ATTR[index.column()]), amount, what)

    def column_of(self, attribute: str) -> int:
        return next(column for column, attr in _ATTR.items() if attr == attribute)

    def row_of_year(self, year: int) -> int:
        return [b.year for b in self.budget].index(year)

    def _on_changed(self, path: str) -> None:
        if path == "budget":
            self._reset()
        elif path.startswith("budget/"):
            # The cell, its difference and the total row all change.
            self.dataChanged.emit(self.index(0, 0), self.index(self.rowCount() - 1, DIFFERENCE))

    def _reset(self) -> None:
        self.beginResetModel()
        self.endResetModel()
