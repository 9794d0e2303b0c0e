"""Rows 6 and 7: a clear "Nav" (none) choice, or an amount with its explanation.

The official document prints ``Nav`` when a row has nothing; here the user says so with one
click, or chooses to give an amount and explain it. Choosing "Nav" clears both as one undoable
step; undo brings the amount back.

Only a click (or Space, or an arrow key in the pair) is the user's choice: the buttons are checked
by the program too, to show the draft as stored, and that must never clear anything.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QButtonGroup, QGridLayout, QHBoxLayout, QLabel, QRadioButton, QVBoxLayout, QWidget

from kopsavilkums.fields import field
from kopsavilkums.report import AmountWithExplanation
from kopsavilkums.ui.document import EditableDocument
from kopsavilkums.ui.editors import AmountField, GrowingTextEdit
from kopsavilkums.ui.i18n import current, translate


class AmountOrNav(QWidget):
    def __init__(self, doc: EditableDocument, key: str, input_message: QLabel, parent=None) -> None:
        """``key``: ``irregular_expenditure`` or ``unrecovered_amount``; ``input_message``
        shows why a typed amount was not taken."""
        super().__init__(parent)
        self.doc, self.key = doc, key
        self.none = QRadioButton(translate("Form", "None (prints “Nav”)"), self)
        self.some = QRadioButton(translate("Form", "Amount with explanation"), self)
        self.none.setObjectName(f"{key}:none")
        self.some.setObjectName(f"{key}:amount")
        group = QButtonGroup(self)
        group.addButton(self.none)
        group.addButton(self.some)
        choice = QHBoxLayout()
        choice.setContentsMargins(0, 0, 0, 0)
        choice.addWidget(self.none)
        choice.addWidget(self.some)
        choice.addStretch(1)

        language = current()
        amount_field, explanation_field = field(f"{key}.amount"), field(f"{key}.explanation")
        amount_label = QLabel(amount_field.shown_label().text(language))
        self.amount = AmountField(doc, f"{key}.amount", amount_field.label.text(language), input_message)
        self.amount.setMaximumWidth(220)
        amount_label.setBuddy(self.amount)
        explanation_label = QLabel(explanation_field.shown_label().text(language))
        self.explanation = GrowingTextEdit(doc, f"{key}.explanation", explanation_field.label.text(language))
        self.explanation.MIN_LINES = 2
        explanation_label.setBuddy(self.explanation)
        grid = QGridLayout()
        grid.setContentsMargins(0, 0, 0, 0)
        grid.addWidget(amount_label, 0, 0)
        grid.addWidget(self.amount, 0, 1, Qt.AlignmentFlag.AlignLeft)
        grid.addWidget(explanation_label, 1, 0, Qt.AlignmentFlag.AlignTop)
        grid.addWidget(self.explanation, 1, 1)
        grid.setColumnStretch(1, 1)
        self.details = QWidget(self)
        self.details.setLayout(grid)

        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addLayout(choice)
        column.addWidget(self.details)

        self.none.clicked.connect(self._chose_none)
        self.some.toggled.connect(self.details.setEnabled)
        doc.changed.connect(self._on_changed)
        doc.reset.connect(self._on_reset)
        doc.read_only_changed.connect(self._apply_read_only)
        self._apply_read_only(doc.read_only)
        self._show_state()

    def focus_order(self) -> list[QWidget]:
        return [self.none, self.some, self.amount, self.explanation]

    def _is_none(self) -> bool:
        return self.doc.get(self.key).is_none

    def _show_state(self) -> None:
        if self._is_none() and not self.some.isChecked():
            self.none.setChecked(True)
        elif not self._is_none():
            self.some.setChecked(True)
        self.details.setEnabled(self.some.isChecked())

    def _chose_none(self) -> None:
        if not self._is_none():
            self.doc.set(self.key, AmountWithExplanation(), translate("Form", "Choose “Nav”"), merge=False)

    def _on_changed(self, path: str) -> None:
        if path.startswith(self.key):
            self._show_state()

    def _on_reset(self) -> None:
        # Another draft: its own state, not the last one's "amount" choice (which stays chosen
        # while an empty amount is being typed).
        if self._is_none():
            self.none.setChecked(True)
        self._show_state()

    def _apply_read_only(self, read_only: bool) -> None:
        self.none.setEnabled(not read_only)
        self.some.setEnabled(not read_only)
