"""Where a problem shows in the form, and how the cursor gets to the field it names.

Every problem path (``indicators[2].note``, ``budget[2020].planned``, ``signatory.date``) is
read by :class:`~kopsavilkums.fieldpath.FieldPath`; its *area* is the message label it goes
under: a list's whole table (``indicators``), or the field itself.
"""

from __future__ import annotations

import contextlib
from functools import cache

from PySide6.QtCore import QItemSelectionModel, Qt, QTimer
from PySide6.QtWidgets import QAbstractItemView, QLabel, QWidget

from kopsavilkums.fieldpath import FieldPath
from kopsavilkums.fields import FIELDS, Kind
from kopsavilkums.ui.i18n import current, translate
from kopsavilkums.validation import Problem

ERROR_STYLE = (
    "color: palette(text); background: rgba(220, 50, 47, 40); border-left: 3px solid #dc322f; padding: 2px 6px;"
)
WARNING_STYLE = (
    "color: palette(text); background: rgba(230, 160, 0, 40); border-left: 3px solid #e6a000; padding: 2px 6px;"
)
FALLBACK_AREA = "title"
# At most this many problems are written under a field (a table's 400 rows can have 400): a
# label of hundreds of lines is read by no one, and re-measuring it cost ~8 ms at every layout.
SHOWN_UNDER = 10


@cache
def areas() -> tuple[str, ...]:
    """Every place the form shows problems under, in the order of the form."""
    return tuple(f.key for f in FIELDS if not f.is_row_field and f.kind not in (Kind.FLAG, Kind.CHOICE))


def area_of(path: str) -> str:
    """The area a problem path shows under (a path the form does not know: the title's)."""
    try:
        parsed = FieldPath.parse(path)
    except ValueError:
        return FALLBACK_AREA
    if parsed.is_list:
        return parsed.head
    key = parsed.key
    if key in areas():
        return key
    # a whole group ("irregular_expenditure"): under its first field
    return next((a for a in areas() if a.startswith(key + ".")), FALLBACK_AREA)


class Placement:
    """Shows problems under their fields and moves the cursor to them, on a form's editors
    (``editors``: path → widget) and message labels (``messages``: area → label)."""

    def __init__(self, form) -> None:
        self.form = form

    def show(self, problems: list[Problem]) -> None:
        by_area: dict[str, list[Problem]] = {}
        for p in problems:
            by_area.setdefault(area_of(p.path), []).append(p)
        for area, label in self.form.built_messages().items():
            if ":input" in area:
                continue  # typing errors are shown by their own editors
            _show_under(label, by_area.get(area, []))
        self.form.objectives_model.set_problems(problems)
        self.form.indicators_model.set_problems(problems)

    def focus(self, path: str, row_id: str | None = None) -> QWidget:
        """Put the cursor on the field ``path`` names; returns the focused widget."""
        form = self.form
        was_built = form.is_built
        editors = form.editors  # builds what is missing
        parsed = _parse(path)
        area = area_of(path)
        if area in ("objectives", "indicators"):
            target = self._focus_row(editors[area], parsed, row_id)
        elif area == "budget":
            target = self._focus_budget(editors["budget"], parsed)
        else:
            target = editors.get(path) or editors.get(area) or editors["title"]
        target.setFocus(Qt.FocusReason.OtherFocusReason)
        if was_built:
            _show(form, target)
        else:
            # Sections built just now have no place on the page until the layout has run.
            QTimer.singleShot(0, form, lambda: _show(form, target))
        return target

    @staticmethod
    def _focus_row(editor, parsed: FieldPath | None, row_id: str | None) -> QWidget:
        model, table = editor.model, editor.table
        attr = parsed.attr if parsed and parsed.attr else "text"
        column = model.column_of(attr) if attr in [a for a, _ in model.COLUMNS] else 1
        if row_id is None and parsed is not None and isinstance(parsed.item, int) and not parsed.by_id:
            row_id = model.row_id(parsed.item) if 0 <= parsed.item < model.rowCount() else None
        if row_id is not None:
            table.select_ids([row_id])
            table.setCurrentIndex(model.index(model.row_of(row_id), column))
        return table

    @staticmethod
    def _focus_budget(table, parsed: FieldPath | None) -> QWidget:
        model = table.model()
        row, column = 0, 1
        if parsed is not None and isinstance(parsed.item, int):
            with contextlib.suppress(ValueError):
                row = model.row_of_year(parsed.item)
                column = model.column_of(parsed.attr or "planned")
        if model.rowCount():
            table.selectionModel().setCurrentIndex(
                model.index(row, column), QItemSelectionModel.SelectionFlag.ClearAndSelect
            )
        return table


def _show(form, target: QWidget) -> None:
    """Scroll the form to ``target``; in a table, to its current cell (a table can be taller
    than the form's window)."""
    form.scroll_area.ensureWidgetVisible(target, 0, 40)
    if isinstance(target, QAbstractItemView) and hasattr(target, "show_in_form"):  # our CellTable
        target.show_in_form(target.currentIndex())
    form.shown_field.show(form.path_of(target))  # with its label, and a table with its heading


def _parse(path: str) -> FieldPath | None:
    try:
        return FieldPath.parse(path)
    except ValueError:
        return None


def _show_under(label: QLabel, found: list[Problem]) -> None:
    # Only what changes is touched: every check shows all problems again, and a new style
    # sheet or a label shown re-lays out the form around it.
    if not found:
        label.hide()
        return
    lines = [("✖ " if p.is_error else "⚠ ") + p.text(current()) for p in found[:SHOWN_UNDER]]
    if len(found) > SHOWN_UNDER:
        more = translate("Form", "… and %1 more in the Problems list").replace("%1", str(len(found) - SHOWN_UNDER))
        lines.append(more)
    label.setText("\n".join(lines))
    style = ERROR_STYLE if any(p.is_error for p in found) else WARNING_STYLE
    if label.styleSheet() != style:
        label.setStyleSheet(style)
    label.show()
