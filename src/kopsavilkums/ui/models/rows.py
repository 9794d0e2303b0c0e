"""Objectives and indicators: repeatable rows as table models.

Column 0 is the printed number (``1.`` for objectives, ``1)`` for indicators), computed from the
order so it always follows it. Every row operation replaces the whole list in one undoable step
(:meth:`EditableDocument.set`), so undo restores order *and* content; cells are addressed by the
row's stable id.
"""

from __future__ import annotations

import copy

from PySide6.QtCore import QAbstractTableModel, QByteArray, QMimeData, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont

from kopsavilkums.fieldpath import FieldPath, by_id
from kopsavilkums.fields import field
from kopsavilkums.report import Indicator, Objective, new_id
from kopsavilkums.ui.document import EditableDocument
from kopsavilkums.ui.i18n import current, translate
from kopsavilkums.ui.plain import tooltip
from kopsavilkums.validation import Problem

MIME = "application/x-kopsavilkums-row-ids"
ERROR_TINT = QColor(220, 50, 47, 60)
WARNING_TINT = QColor(230, 160, 0, 60)


CARRIED_MARK = "↻"


class RowsModel(QAbstractTableModel):
    KEY = ""
    # (attribute, key in the field table) of the editable columns after the number column
    COLUMNS: tuple[tuple[str, str], ...] = ()
    MULTILINE: tuple[str, ...] = ("text",)  # columns edited as paragraphs
    NUMBER_FORMAT = "{}."
    CAN_CARRY_OVER = False  # rows may be marked as copied from the previous report
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
        """The number column's ``#``, then each column's (short) label from the field table."""
        if column == 0:
            return "#"
        return field(self.COLUMNS[column - 1][1]).label.text(current())

    def number_sample(self) -> str:
        """The widest number the number column makes room for."""
        return self.NUMBER_FORMAT.format(999) + (f" {CARRIED_MARK}" if self.CAN_CARRY_OVER else "")

    def _carried(self, row) -> bool:
        return self.CAN_CARRY_OVER and getattr(row, "carried_over", False)

    def carried_count(self) -> int:
        return sum(1 for row in self.rows if self._carried(row))

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

    def data(self, index: QModelIndex | QPersistentModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        attr = self.attribute(index.column())
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            if attr is None:
                if role != Qt.ItemDataRole.DisplayRole:
                    return None
                number = self.NUMBER_FORMAT.format(index.row() + 1)
                return f"{number} {CARRIED_MARK}" if self._carried(row) else number
            value = getattr(row, attr)
            # Long texts show their first lines only; the editor shows all of it.
            return value if role == Qt.ItemDataRole.EditRole else _first_lines(value)
        if role == Qt.ItemDataRole.ToolTipRole:
            lines = [p.text(current()) for p in self._problems.get(row.id, [])] if attr is None else []
            if attr is None and self._carried(row):
                lines.insert(0, _carried_hint())
            if lines:
                return tooltip("\n".join(lines))  # problems quote what was typed: plain text
            return getattr(row, attr)[:2000] if attr else None
        if role == Qt.ItemDataRole.AccessibleTextRole and attr is None and self._carried(row):
            return f"{self.NUMBER_FORMAT.format(index.row() + 1)} {_carried_hint()}"
        if role == Qt.ItemDataRole.FontRole and attr == "text" and self._carried(row):
            font = QFont()
            font.setItalic(True)  # still last period's words
            return font
        if role == Qt.ItemDataRole.BackgroundRole and row.id in self._problems:
            return QBrush(ERROR_TINT if any(p.is_error for p in self._problems[row.id]) else WARNING_TINT)
        if role == Qt.ItemDataRole.TextAlignmentRole and attr is None:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        return None

    def headerData(self, section: int, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.header_text(section)
        if role == Qt.ItemDataRole.ToolTipRole and section >= 1:  # the longer form, where there is one
            return field(self.COLUMNS[section - 1][1]).shown_label().text(current())
        return None

    def flags(self, index: QModelIndex | QPersistentModelIndex):
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
    def setData(self, index: QModelIndex | QPersistentModelIndex, value, role=Qt.ItemDataRole.EditRole) -> bool:
        attr = self.attribute(index.column())
        if not index.isValid() or role != Qt.ItemDataRole.EditRole or attr is None:
            return False
        value = "" if value is None else str(value)
        if attr not in self.MULTILINE:
            value = " ".join(value.split("\n"))  # planned/achieved are short, single-line
        row = self.rows[index.row()]
        what = translate("Rows", "Edit %1").replace("%1", self.header_text(index.column()))
        path = by_id(self.KEY, row.id, attr)
        if attr == "text" and self._carried(row) and value != row.text:
            # Rewritten for this period: checked, in the same undo step as the new text.
            return self.doc.set_many([(path, value), (by_id(self.KEY, row.id, "carried_over"), False)], what)
        return self.doc.set(path, value, what)

    def mark_checked(self, positions: list[int]) -> None:
        """Rows carried over from the previous report are checked: one undo step."""
        rows = copy.deepcopy(self.rows)
        chosen = [rows[p] for p in sorted(set(positions)) if 0 <= p < len(rows) and self._carried(rows[p])]
        for row in chosen:
            row.carried_over = False
        if chosen:
            self._replace(rows, translate("Rows", "Mark as checked"), [row.id for row in chosen])

    def _on_changed(self, path: str) -> None:
        if path == self.KEY:
            self._reset()
        elif path.startswith(self.KEY + "/"):
            cell = FieldPath.parse(path)
            attr = cell.attr or "text"
            try:
                row = self.row_of(str(cell.item))
            except KeyError:
                return
            # The mark shows in the number column and the text's font: the whole row.
            first = self.index(row, 0 if attr == "carried_over" else self.column_of(attr))
            last = self.index(row, self.columnCount() - 1 if attr == "carried_over" else self.column_of(attr))
            self.dataChanged.emit(first, last)

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
        # The row that takes the place of the first one deleted (or the new last row) is
        # selected: the cursor stays where the user was, and Tab goes on from there.
        after = [rows[min(min(gone), len(rows) - 1)].id] if rows and gone else []
        self._replace(rows, translate("Rows", "Delete row"), after)

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

    def dropMimeData(  # noqa: N802
        self, data: QMimeData, action, row: int, column: int, parent: QModelIndex | QPersistentModelIndex
    ) -> bool:
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


class ObjectivesModel(RowsModel):
    KEY = "objectives"
    COLUMNS = (("text", "objectives[]"),)
    NUMBER_FORMAT = "{}."

    def new_row(self) -> Objective:
        return Objective()


class IndicatorsModel(RowsModel):
    KEY = "indicators"
    COLUMNS = (
        ("text", "indicators[].text"),
        ("planned", "indicators[].planned"),
        ("achieved", "indicators[].achieved"),
        ("note", "indicators[].note"),
    )
    MULTILINE = ("text", "note")
    NUMBER_FORMAT = "{})"
    CAN_CARRY_OVER = True

    def new_row(self) -> Indicator:
        return Indicator()


def _carried_hint() -> str:
    return translate("Rows", "Carried over from the previous report: check it, then mark it as checked (Ctrl+K).")


def _first_lines(text: str, lines: int = 3, chars: int = 400) -> str:
    head = text[:chars]
    parts = head.split("\n")
    short = "\n".join(parts[:lines])
    return short + ("…" if len(short) < len(text) else "")
