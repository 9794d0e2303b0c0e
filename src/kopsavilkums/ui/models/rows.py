"""Objectives and indicators: repeatable rows as table models.

Column 0 is the printed number (``1.`` for objectives, ``1)`` for indicators), computed from the
order so it always follows it. Every row operation replaces the whole list in one undoable step
(:meth:`EditableDocument.set`), so undo restores order *and* content; cells are addressed by the
row's stable id.
"""

from __future__ import annotations

import copy

from PySide6.QtCore import QAbstractTableModel, QByteArray, QMimeData, QModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor

from kopsavilkums.report import Indicator, Objective, new_id
from kopsavilkums.ui.document import EditableDocument
from kopsavilkums.ui.i18n import current, translate
from kopsavilkums.validation import Problem

MIME = "application/x-kopsavilkums-row-ids"
ERROR_TINT = QColor(220, 50, 47, 60)
WARNING_TINT = QColor(230, 160, 0, 60)


class RowsModel(QAbstractTableModel):
    KEY = ""
    # (attribute, header) of the editable columns after the number column
    COLUMNS: tuple[tuple[str, str], ...] = ()
    NUMBER_FORMAT = "{}."
    # emitted after a row operation with the ids to select afterwards
    rows_placed = Signal(list)

    def __init__(self, doc: EditableDocument, parent=None) -> None:
        super().__init__(parent)
        self.doc = doc
        self._problems: dict[str, list[Problem]] = {}
        doc.changed.connect(self._on_changed)
        doc.reset.connect(self._reset)
        doc.read_only_changed.connect(lambda _ro: self._reset())

    # ---------------------------------------------------------------- reading
    def new_row(self):
        raise NotImplementedError

    def header_text(self, column: int) -> str:
        raise NotImplementedError

    @property
    def rows(self) -> list:
        return self.doc.rows(self.KEY)

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802 - Qt's name
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else 1 + len(self.COLUMNS)

    def attribute(self, column: int) -> str | None:
        return self.COLUMNS[column - 1][0] if column >= 1 else None

    def column_of(self, attribute: str) -> int:
        return 1 + [a for a, _ in self.COLUMNS].index(attribute)

    def row_id(self, row: int) -> str:
        return self.rows[row].id

    def row_of(self, row_id: str) -> int:
        return self.doc.row_index(self.KEY, row_id)

    def data(self, index: QModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        attr = self.attribute(index.column())
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            if attr is None:
                return self.NUMBER_FORMAT.format(index.row() + 1) if role == Qt.ItemDataRole.DisplayRole else None
            value = getattr(row, attr)
            # Long texts show their first lines only; the editor shows all of it.
            return value if role == Qt.ItemDataRole.EditRole else _first_lines(value)
        if role == Qt.ItemDataRole.ToolTipRole:
            problems = self._problems.get(row.id)
            if problems and attr is None:
                return "\n".join(p.text(current()) for p in problems)
            return getattr(row, attr)[:2000] if attr else None
        if role == Qt.ItemDataRole.BackgroundRole and row.id in self._problems:
            return QBrush(ERROR_TINT if any(p.is_error for p in self._problems[row.id]) else WARNING_TINT)
        if role == Qt.ItemDataRole.TextAlignmentRole and attr is None:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        return None

    def headerData(self, section: int, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.header_text(section)
        return None

    def flags(self, index: QModelIndex):
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if not index.isValid():
            return Qt.ItemFlag.ItemIsDropEnabled if not self.doc.read_only else Qt.ItemFlag.NoItemFlags
        if self.doc.read_only:
            return base
        base |= Qt.ItemFlag.ItemIsDragEnabled
        if index.column() >= 1:
            base |= Qt.ItemFlag.ItemIsEditable
        return base

    # ---------------------------------------------------------------- editing cells
    def setData(self, index: QModelIndex, value, role=Qt.ItemDataRole.EditRole) -> bool:
        attr = self.attribute(index.column())
        if not index.isValid() or role != Qt.ItemDataRole.EditRole or attr is None:
            return False
        value = "" if value is None else str(value)
        if attr != "text" and attr != "note":
            value = " ".join(value.split("\n"))  # planned/achieved are short, single-line
        what = translate("Rows", "Edit %1").replace("%1", self.header_text(index.column()))
        return self.doc.set(f"{self.KEY}/{self.row_id(index.row())}/{attr}", value, what)

    def _on_changed(self, path: str) -> None:
        if path == self.KEY:
            self._reset()
        elif path.startswith(self.KEY + "/"):
            _, row_id, attr = path.split("/")
            try:
                row = self.row_of(row_id)
            except KeyError:
                return
            idx = self.index(row, self.column_of(attr))
            self.dataChanged.emit(idx, idx)

    def _reset(self) -> None:
        self.beginResetModel()
        self.endResetModel()

    # ---------------------------------------------------------------- row operations
    def _replace(self, rows: list, text: str, select: list[str]) -> None:
        if self.doc.set(self.KEY, rows, text, merge=False):
            self.rows_placed.emit(select)

    def insert_row(self, position: int | None = None) -> str | None:
        """A new empty row at ``position`` (default: the end); returns its id."""
        if self.doc.read_only:
            return None
        rows = copy.deepcopy(self.rows)
        row = self.new_row()
        rows.insert(len(rows) if position is None else max(0, min(position, len(rows))), row)
        self._replace(rows, translate("Rows", "Add row"), [row.id])
        return row.id

    def duplicate_rows(self, positions: list[int]) -> list[str]:
        rows = copy.deepcopy(self.rows)
        new_ids = []
        for pos in sorted(set(positions), reverse=True):
            twin = copy.deepcopy(rows[pos])
            twin.id = new_id()
            rows.insert(pos + 1, twin)
            new_ids.append(twin.id)
        self._replace(rows, translate("Rows", "Duplicate row"), new_ids)
        return new_ids

    def remove_rows(self, positions: list[int]) -> None:
        gone = set(positions)
        rows = [copy.deepcopy(r) for n, r in enumerate(self.rows) if n not in gone]
        self._replace(rows, translate("Rows", "Delete row"), [])

    def move_rows(self, positions: list[int], delta: int) -> None:
        """Move the rows at ``positions`` up (``delta=-1``) or down (``+1``) as a block."""
        positions = sorted(set(positions))
        if not positions or positions[0] + delta < 0 or positions[-1] + delta >= len(self.rows):
            return
        ids = [self.rows[p].id for p in positions]
        self.move_ids_to(ids, positions[0] + delta if delta < 0 else positions[-1] + delta + 1)

    def move_ids_to(self, ids: list[str], destination: int) -> None:
        """Move rows (by id) so that they stand before the row now at ``destination``."""
        rows = copy.deepcopy(self.rows)
        moving = [r for r in rows if r.id in ids]
        before = sum(1 for r in rows[:destination] if r.id in ids)
        rest = [r for r in rows if r.id not in ids]
        at = max(0, min(destination - before, len(rest)))
        new = rest[:at] + moving + rest[at:]
        if [r.id for r in new] != [r.id for r in rows]:
            self._replace(new, translate("Rows", "Move row"), ids)

    # ---------------------------------------------------------------- drag to reorder
    def supportedDropActions(self):  # noqa: N802
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:  # noqa: N802
        return [MIME]

    def mimeData(self, indexes) -> QMimeData:  # noqa: N802
        ids = sorted({self.row_id(i.row()) for i in indexes}, key=self.row_of)
        mime = QMimeData()
        mime.setData(MIME, QByteArray(" ".join(ids).encode()))
        return mime

    def dropMimeData(self, data: QMimeData, action, row: int, column: int, parent: QModelIndex) -> bool:  # noqa: N802
        if action != Qt.DropAction.MoveAction or not data.hasFormat(MIME) or self.doc.read_only:
            return False
        ids = bytes(data.data(MIME).data()).decode().split()
        destination = row if row >= 0 else (parent.row() if parent.isValid() else len(self.rows))
        self.move_ids_to(ids, destination)
        # False on purpose: the move is done; True would make the view delete the "source" rows.
        return False

    # ---------------------------------------------------------------- problems
    def set_problems(self, problems: list[Problem]) -> None:
        by_row: dict[str, list[Problem]] = {}
        for p in problems:
            if p.row_id and p.path.startswith(self.KEY):
                by_row.setdefault(p.row_id, []).append(p)
        if by_row != self._problems:
            self._problems = by_row
            if self.rows:
                self.dataChanged.emit(self.index(0, 0), self.index(len(self.rows) - 1, self.columnCount() - 1))

    def problems_of(self, row_id: str) -> list[Problem]:
        return self._problems.get(row_id, [])


class ObjectivesModel(RowsModel):
    KEY = "objectives"
    COLUMNS = (("text", "Objective"),)
    NUMBER_FORMAT = "{}."

    def new_row(self) -> Objective:
        return Objective()

    def header_text(self, column: int) -> str:
        return ["#", translate("Rows", "Objective")][column]


class IndicatorsModel(RowsModel):
    KEY = "indicators"
    COLUMNS = (("text", "Indicator"), ("planned", "Planned"), ("achieved", "Achieved"), ("note", "Note"))
    NUMBER_FORMAT = "{})"

    def new_row(self) -> Indicator:
        return Indicator()

    def header_text(self, column: int) -> str:
        return [
            "#",
            translate("Rows", "Result indicator"),
            translate("Rows", "Planned"),
            translate("Rows", "Achieved"),
            translate("Rows", "Note (e.g. why not achieved)"),
        ][column]


def _first_lines(text: str, lines: int = 3, chars: int = 400) -> str:
    head = text[:chars]
    parts = head.split("\n")
    short = "\n".join(parts[:lines])
    return short + ("…" if len(short) < len(text) else "")
