"""The form, in the order of the official document and under its labels.

Only layout lives here: every editor is bound to a path of the :class:`EditableDocument`
(see :mod:`kopsavilkums.ui.editors`), tables are views over models. Problems from validation
show under the field they concern (:meth:`ReportForm.show_problems`), and
:meth:`ReportForm.focus_path` takes the cursor to a problem's field.
"""

from __future__ import annotations

import contextlib
import re

from PySide6.QtCore import QItemSelectionModel, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QRadioButton,
    QScrollArea,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from kopsavilkums.report import AmountWithExplanation
from kopsavilkums.ui.document import EditableDocument
from kopsavilkums.ui.editors import AmountField, DateField, GrowingTextEdit, LineField
from kopsavilkums.ui.i18n import current, translate
from kopsavilkums.ui.models import BudgetModel, IndicatorsModel, ObjectivesModel
from kopsavilkums.ui.rows_editor import RowsEditor
from kopsavilkums.validation import Problem

ERROR_STYLE = (
    "color: palette(text); background: rgba(220, 50, 47, 40); border-left: 3px solid #dc322f; padding: 2px 6px;"
)
WARNING_STYLE = (
    "color: palette(text); background: rgba(230, 160, 0, 40); border-left: 3px solid #e6a000; padding: 2px 6px;"
)


def official_labels() -> dict[str, str]:
    """The form's row labels; in Latvian these are the official document's, word for word."""
    return {
        "title": translate("Form", "Title of the summary"),
        "task": translate("Form", "Public administration task"),
        "performer": translate("Form", "Performer of the public administration task"),
        "period": translate("Form", "Delegation period of the public administration task"),
        "row4": translate(
            "Form",
            "Description and assessment of the result indicators achieved in carrying out the public "
            "administration task and of whether the state budget funding used matches the objectives "
            "set out in the contract",
        ),
        "budget": translate("Form", "Planned and actually used state budget funding by year"),
        "irregular_expenditure": translate("Form", "Irregular expenditure"),
        "unrecovered_amount": translate("Form", "Amount of funds not recovered from irregular expenditure"),
        "other_information": translate("Form", "Other information"),
    }


class ReportForm(QWidget):
    """The whole form in a scroll area.

    ``progressive=True`` (the window at start-up) builds only the part of the form a window
    shows first, down to the introduction of row 4, and the sections below it one per turn of
    the event loop, so the window appears and takes typing sooner (about 16 ms, a tenth of the
    start). Anything that needs a section not yet built — :attr:`editors`, :attr:`messages`,
    :meth:`show_problems`, :meth:`focus_path` — builds the rest at once first.
    """

    def __init__(
        self, doc: EditableDocument, ask_drop_years=lambda years: False, parent=None, progressive: bool = False
    ) -> None:
        """``ask_drop_years(years)``: may budget years with amounts that left the period go?"""
        super().__init__(parent)
        self.doc = doc
        self.ask_drop_years = ask_drop_years
        self.objectives_model = ObjectivesModel(doc, self)
        self.indicators_model = IndicatorsModel(doc, self)
        self.budget_model = BudgetModel(doc, self)
        self._editors: dict[str, QWidget] = {}
        self._messages: dict[str, QLabel] = {}  # problem area → the label under it
        self._focus_order: list[QWidget] = []
        self._problems: list[Problem] = []

        self.scroll = QScrollArea(self)
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        body = QWidget()
        body.setObjectName("formBody")
        self.body = QVBoxLayout(body)
        self.body.setContentsMargins(16, 12, 16, 24)
        self.body.setSpacing(6)
        self.scroll.setWidget(body)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.scroll)

        self.labels = official_labels()
        self._build_top()
        # The sections below go into their own column, so that built later they still come
        # before the stretch that keeps the form at the top.
        lower = QWidget()
        lower.setObjectName("formLower")
        self._column = QVBoxLayout(lower)
        self._column.setContentsMargins(0, 0, 0, 0)
        self._column.setSpacing(self.body.spacing())
        self.body.addWidget(lower)
        self.body.addStretch(1)
        self._steps = [
            self._build_objectives,
            self._build_indicators,
            self._build_assessment,
            self._build_budget_section,
            self._build_rows_6_and_7,
            self._build_row_8,
            self._build_signature,
            self._build_prepared_by,
        ]
        if progressive:
            QTimer.singleShot(0, self, self._build_next)
        else:
            self.finish_building()

    @property
    def editors(self) -> dict[str, QWidget]:
        """Every editor by its document path (building any section still missing)."""
        self.finish_building()
        return self._editors

    @property
    def messages(self) -> dict[str, QLabel]:
        self.finish_building()
        return self._messages

    @property
    def is_built(self) -> bool:
        return not self._steps

    def finish_building(self) -> None:
        if self._steps:
            while self._steps:
                self._build_section(self._steps.pop(0))
            if self._problems:
                self._apply_problems()
        if self._focus_order:
            for a, b in zip(self._focus_order, self._focus_order[1:], strict=False):
                QWidget.setTabOrder(a, b)
            self._focus_order = []

    def _build_section(self, build) -> None:
        # Built apart, then shown at once: a widget added to a layout that is already on screen
        # is shown only a turn later, and could not take the cursor before that.
        section = QWidget()
        self.body = QVBoxLayout(section)
        self.body.setContentsMargins(0, 0, 0, 0)
        self.body.setSpacing(self._column.spacing())
        build()
        self._column.addWidget(section)
        section.show()

    def _build_next(self) -> None:
        if self._steps:
            self._build_section(self._steps.pop(0))
            if self._problems:
                self._apply_problems()  # found before this section was there
            QTimer.singleShot(0, self, self._build_next)
        else:
            self.finish_building()  # the tab order

    # ---------------------------------------------------------------- sections
    def _build_top(self) -> None:
        labels = self.labels
        self._section(labels["title"], "title", first=True)
        self._line("title", translate("Form", "Title"), hide_label=True)
        self._section("1. " + labels["task"], "task")
        self._text("task", labels["task"], hide_label=True, min_lines=2)
        self._section("2. " + labels["performer"], "performer")
        self._line("performer", labels["performer"], hide_label=True)
        self._subheading(translate("Form", "Header facts (optional)"))
        self._line("delegating_authority", translate("Form", "Delegating institution"))
        self._line("contract", translate("Form", "Contract (number and date)"))
        self._section("3. " + labels["period"], "period")
        self._period()
        self._section("4. " + labels["row4"], "row4")
        self._text("introduction", translate("Form", "Introduction"), min_lines=2)

    def _build_objectives(self) -> None:
        self._rows(self.objectives_model, translate("Form", "Objectives (numbered 1., 2., …)"))

    def _build_indicators(self) -> None:
        self.body.addWidget(
            _wrapped(
                translate(
                    "Form", "The following result indicators were achieved within the public administration task:"
                ),
                italic=True,
            )
        )
        self._rows(self.indicators_model, translate("Form", "Achieved result indicators (numbered 1), 2), …)"))

    def _build_assessment(self) -> None:
        self._text("assessment", translate("Form", "Closing assessment"))

    def _build_budget_section(self) -> None:
        self._section("5. " + self.labels["budget"], "budget")
        self._budget()

    def _build_rows_6_and_7(self) -> None:
        self._section("6. " + self.labels["irregular_expenditure"], "irregular_expenditure")
        self._none_or_amount("irregular_expenditure")
        self._section("7. " + self.labels["unrecovered_amount"], "unrecovered_amount")
        self._none_or_amount("unrecovered_amount")

    def _build_row_8(self) -> None:
        self._section("8. " + self.labels["other_information"], "other_information")
        self._text(
            "other_information",
            self.labels["other_information"],
            hide_label=True,
            min_lines=2,
            placeholder=translate("Form", "Leave empty to print “Nav” (none)."),
        )

    def _build_signature(self) -> None:
        self._section(translate("Form", "Signature"), "signatory")
        self._line("signatory.name", translate("Form", "Representative's name"))
        self._line("signatory.position", translate("Form", "Position"))
        self._date("signatory.date", translate("Form", "Date of signing"))

    def _build_prepared_by(self) -> None:
        self._section(translate("Form", "Prepared by"), "prepared_by")
        self._line("prepared_by.name", translate("Form", "Name"))
        self._line("prepared_by.phone", translate("Form", "Phone"))
        self._line("prepared_by.email", translate("Form", "E-mail"))

    # ---------------------------------------------------------------- building blocks
    def _section(self, title: str, area: str, first: bool = False) -> None:
        if not first:
            line = QFrame()
            line.setFrameShape(QFrame.Shape.HLine)
            line.setFrameShadow(QFrame.Shadow.Sunken)
            self.body.addSpacing(8)
            self.body.addWidget(line)
        heading = _wrapped(title)
        font = heading.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.1)
        heading.setFont(font)
        heading.setObjectName(f"heading:{area}")
        self.body.addWidget(heading)

    def _subheading(self, text: str) -> None:
        label = _wrapped(text, italic=True)
        self.body.addSpacing(4)
        self.body.addWidget(label)

    def _message_label(self, area: str) -> QLabel:
        label = _wrapped("")
        label.setObjectName(f"problems:{area}")
        label.setTextFormat(Qt.TextFormat.PlainText)
        if area.endswith(":input"):
            label.setStyleSheet(ERROR_STYLE)  # what was typed is not taken: always an error
        label.hide()
        self._messages[area] = label
        return label

    def _field(self, path: str, label_text: str, editor: QWidget, hide_label: bool) -> None:
        if not hide_label:
            label = _wrapped(label_text)
            label.setBuddy(editor)
            self.body.addWidget(label)
        self.body.addWidget(editor)
        if path not in self._messages:
            self.body.addWidget(self._message_label(path))
        self._editors[path] = editor
        self._focus_order.append(editor)

    def _line(self, path: str, label: str, hide_label: bool = False) -> None:
        self._field(path, label, LineField(self.doc, path, label), hide_label)

    def _text(self, path: str, label: str, hide_label: bool = False, min_lines: int = 3, placeholder: str = "") -> None:
        editor = GrowingTextEdit(self.doc, path, label)
        editor.MIN_LINES = min_lines
        editor.setPlaceholderText(placeholder)
        self._field(path, label, editor, hide_label)

    def _date(self, path: str, label: str) -> DateField:
        editor = DateField(self.doc, path, label, self._message_label(f"{path}:input"))
        editor.setMaximumWidth(editor.minimumWidth() + 40)
        self._field(path, label, editor, hide_label=False)
        self.body.addWidget(self._messages[f"{path}:input"])
        return editor

    def _period(self) -> None:
        row = QHBoxLayout()
        for path, text in (("period.start", translate("Form", "From")), ("period.end", translate("Form", "To"))):
            label = QLabel(text)
            message = self._message_label(f"{path}:input")
            editor = DateField(
                self.doc, path, f"{official_labels()['period']}: {text}", message, writer=self._write_period
            )
            editor.setMaximumWidth(editor.minimumWidth() + 40)
            label.setBuddy(editor)
            row.addWidget(label)
            row.addWidget(editor)
            self._editors[path] = editor
            self._focus_order.append(editor)
        row.addStretch(1)
        self.body.addLayout(row)
        for path in ("period.start", "period.end"):
            self.body.addWidget(self._messages[f"{path}:input"])
            self.body.addWidget(self._message_label(path))

    def _write_period(self, path: str, value) -> None:
        self.doc.set_period_date(path, value, lambda years: self.ask_drop_years(years))

    def _rows(self, model, label_text: str) -> None:
        editor = RowsEditor(model, label_text)
        label = _wrapped(label_text)
        label.setBuddy(editor.table)
        self.body.addWidget(label)
        self.body.addWidget(editor)
        self.body.addWidget(self._message_label(model.KEY))
        self._editors[model.KEY] = editor
        self._focus_order.append(editor.table)

    def _budget(self) -> None:
        table = QTableView()
        table.setObjectName("budget")
        table.setAccessibleName(official_labels()["budget"])
        table.setModel(self.budget_model)
        table.verticalHeader().hide()
        table.setTabKeyNavigation(False)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)

        def fit() -> None:
            rows = max(self.budget_model.rowCount(), 1)
            height = table.horizontalHeader().sizeHint().height() + rows * table.verticalHeader().defaultSectionSize()
            table.setFixedHeight(height + 2 * table.frameWidth() + 2)

        self.budget_model.modelReset.connect(fit)
        fit()
        hint = _wrapped(
            translate("Form", "The years follow the delegation period. Type amounts like 31 830,96."), italic=True
        )
        self.body.addWidget(table)
        self.body.addWidget(hint)
        self.budget_input = self._message_label("budget:input")
        self.body.addWidget(self.budget_input)
        self.body.addWidget(self._message_label("budget"))
        self.budget_model.input_rejected.connect(self._budget_rejected)
        # A typo's message goes once an amount is taken (or another draft shows).
        self.doc.changed.connect(lambda path: self.budget_input.hide() if path.startswith("budget") else None)
        self.doc.reset.connect(self.budget_input.hide)
        self._editors["budget"] = table
        self._focus_order.append(table)

    def _budget_rejected(self, message: str) -> None:
        self.budget_input.setText(message)
        self.budget_input.setStyleSheet(ERROR_STYLE)
        self.budget_input.show()

    def _none_or_amount(self, key: str) -> None:
        """Rows 6 and 7: a clear "Nav" (none) choice, or an amount with its explanation."""
        none = QRadioButton(translate("Form", "None (prints “Nav”)"))
        some = QRadioButton(translate("Form", "Amount with explanation"))
        for button in (none, some):
            button.setObjectName(f"{key}:{'none' if button is none else 'amount'}")
        group = QButtonGroup(self)
        group.addButton(none)
        group.addButton(some)
        choice = QHBoxLayout()
        choice.addWidget(none)
        choice.addWidget(some)
        choice.addStretch(1)
        self.body.addLayout(choice)

        grid = QGridLayout()
        amount_label = QLabel(translate("Form", "Amount, euro"))
        amount_error = self._message_label(f"{key}.amount:input")
        amount_error.setStyleSheet(ERROR_STYLE)
        amount = AmountField(
            self.doc, f"{key}.amount", f"{official_labels()[key]}: {amount_label.text()}", amount_error
        )
        amount.setMaximumWidth(220)
        amount_label.setBuddy(amount)
        explanation_label = QLabel(translate("Form", "Explanation"))
        explanation = GrowingTextEdit(
            self.doc, f"{key}.explanation", f"{official_labels()[key]}: {explanation_label.text()}"
        )
        explanation.MIN_LINES = 2
        explanation_label.setBuddy(explanation)
        grid.addWidget(amount_label, 0, 0)
        grid.addWidget(amount, 0, 1, Qt.AlignmentFlag.AlignLeft)
        grid.addWidget(explanation_label, 1, 0, Qt.AlignmentFlag.AlignTop)
        grid.addWidget(explanation, 1, 1)
        grid.setColumnStretch(1, 1)
        details = QWidget()
        details.setLayout(grid)
        self.body.addWidget(details)
        self.body.addWidget(amount_error)
        for path in (f"{key}.amount", f"{key}.explanation"):
            self.body.addWidget(self._message_label(path))
        self._editors[f"{key}.amount"] = amount
        self._editors[f"{key}.explanation"] = explanation
        self._editors[f"{key}:none"] = none
        self._focus_order += [none, some, amount, explanation]

        def show_state() -> None:
            is_none = self.doc.get(key).is_none
            if is_none and not some.isChecked():
                none.setChecked(True)
            elif not is_none:
                some.setChecked(True)
            details.setEnabled(some.isChecked())

        def chose_none(checked: bool) -> None:
            if checked and not self.doc.get(key).is_none:
                self.doc.set(key, AmountWithExplanation(), translate("Form", "Choose “Nav”"), merge=False)
            details.setEnabled(not checked)

        none.toggled.connect(chose_none)
        some.toggled.connect(lambda checked: details.setEnabled(checked))
        self.doc.changed.connect(lambda path: show_state() if path.startswith(key) else None)

        def on_reset() -> None:
            none.setChecked(True)  # a new draft starts from its own state, not the last one's
            show_state()

        self.doc.reset.connect(on_reset)

        def apply_read_only(read_only: bool) -> None:
            none.setEnabled(not read_only)
            some.setEnabled(not read_only)

        self.doc.read_only_changed.connect(apply_read_only)
        apply_read_only(self.doc.read_only)
        show_state()

    # ---------------------------------------------------------------- problems
    def area_of(self, path: str) -> str:
        """Which message label a problem path belongs under."""
        self.finish_building()
        return self._area_of(path)

    def _area_of(self, path: str) -> str | None:
        """As :meth:`area_of`; None while the section it belongs to may still be unbuilt."""
        for key in ("objectives", "indicators", "budget"):
            if path == key or path.startswith((key + "[", key + ".")):
                return key
        if path in self._messages:
            return path
        head = path.split(".")[0]
        if head in self._messages:
            return head
        return "title" if self.is_built else None

    def show_problems(self, problems: list[Problem]) -> None:
        """Show each problem under its field (sections built later show theirs when built)."""
        self._problems = problems
        self._apply_problems()

    def _apply_problems(self) -> None:
        problems = self._problems
        by_area: dict[str | None, list[Problem]] = {}
        for p in problems:
            by_area.setdefault(self._area_of(p.path), []).append(p)
        for area, label in self._messages.items():
            if ":input" in area:
                continue  # typing errors are shown by their own editors
            found = by_area.get(area, [])
            if not found:
                label.hide()
                continue
            label.setText("\n".join(("✖ " if p.is_error else "⚠ ") + p.text(current()) for p in found))
            label.setStyleSheet(ERROR_STYLE if any(p.is_error for p in found) else WARNING_STYLE)
            label.show()
        self.objectives_model.set_problems(problems)
        self.indicators_model.set_problems(problems)
        if not by_area.get("budget") and "budget:input" in self._messages:
            self.budget_input.hide()

    def focus_path(self, path: str, row_id: str | None = None) -> QWidget | None:
        """Put the cursor on the field a problem names; returns the focused widget."""
        was_built = self.is_built
        area = self.area_of(path)  # builds what is missing
        if area in ("objectives", "indicators"):
            editor: RowsEditor = self.editors[area]
            model = editor.model
            table = editor.table
            m = re.search(r"\.(text|planned|achieved|note)$", path)
            column = model.column_of(m.group(1)) if m else 1
            if row_id is None:
                n = re.search(r"\[(\d+)\]", path)
                row_id = model.row_id(int(n.group(1))) if n and int(n.group(1)) < model.rowCount() else None
            if row_id is not None:
                table.select_ids([row_id])
                table.setCurrentIndex(model.index(model.row_of(row_id), column))
            target = table
        elif area == "budget":
            table = self.editors["budget"]
            m = re.search(r"budget\[(\d+)\]\.(planned|actual)", path)
            row, column = 0, 1
            if m:
                with contextlib.suppress(ValueError):
                    row, column = self.budget_model.row_of_year(int(m.group(1))), (1 if m.group(2) == "planned" else 2)
            if self.budget_model.rowCount():
                table.selectionModel().setCurrentIndex(
                    self.budget_model.index(row, column), QItemSelectionModel.SelectionFlag.ClearAndSelect
                )
            target = table
        else:
            target = self.editors.get(path) or self.editors.get(area) or self.editors.get(f"{area}.amount")
            if target is None:
                target = self.editors["title"]
        target.setFocus(Qt.FocusReason.OtherFocusReason)
        if was_built:
            self.scroll.ensureWidgetVisible(target, 0, 40)
        else:
            # Sections built just now have no place on the page until the layout has run.
            QTimer.singleShot(0, self, lambda: self.scroll.ensureWidgetVisible(target, 0, 40))
        return target

    def first_field(self) -> QWidget:
        return self.editors["title"]


def _wrapped(text: str, italic: bool = False) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)  # user text and labels are data, never markup
    if italic:
        font = label.font()
        font.setItalic(True)
        label.setFont(font)
    return label
