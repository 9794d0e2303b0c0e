"""The form, in the order of the official document and under its labels.

Everything is read from the field table (:mod:`kopsavilkums.fields`): the sections' headings
from its official rows, each field's label, and the editor from its kind — so a new field in the
table appears here by itself. Only layout lives here: every editor is bound to a path of the
:class:`EditableDocument` (:mod:`.editors`); tables are views over models; where problems show
and how the cursor gets to them is :mod:`.placement`; rows 6 and 7 are :mod:`.amount_or_nav`.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLayout,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from kopsavilkums import fields
from kopsavilkums.fields import Field, Kind, Part
from kopsavilkums.report import E_SIGNATURE
from kopsavilkums.ui import display
from kopsavilkums.ui.document import EditableDocument
from kopsavilkums.ui.editors import AmountField, ChoiceField, DateField, GrowingTextEdit, LineField, TypedField
from kopsavilkums.ui.form_plan import build_plan, section_of
from kopsavilkums.ui.i18n import current, translate
from kopsavilkums.ui.length_left import LengthLeft
from kopsavilkums.ui.models import BudgetModel, IndicatorsModel, ObjectivesModel
from kopsavilkums.ui.placement import ERROR_STYLE, Placement, area_of
from kopsavilkums.ui.reveal import FieldInSight
from kopsavilkums.validation import Problem

if TYPE_CHECKING:
    from kopsavilkums.ui.spelling import SpellChecking
    from kopsavilkums.ui.tables import CellTable


class ReportForm(QWidget):
    """The whole form in a scroll area.

    ``progressive=True`` (the window at start-up) builds only the part of the form a window
    shows first, and the sections below it one per turn of the event loop from the turn after
    the window's first, so the window appears and takes typing sooner. Anything that needs a section not yet built — :attr:`editors`,
    :attr:`messages`, :meth:`focus_path` — builds the rest at once first.
    """

    # the cursor left a field (its problem area): a new draft shows that field's problems now
    left = Signal(str)

    # Between two building steps, a timer of this many ms rather than 0: a zero one is a posted
    # event, run in the same pass as the layout requests the step before posted (its whole
    # re-layout), so keys and paints could not come between the two.
    STEP_MS = 1

    def __init__(
        self,
        doc: EditableDocument,
        ask_drop_years=lambda years: False,
        parent=None,
        progressive: bool = False,
        spelling: SpellChecking | None = None,
    ) -> None:
        """``ask_drop_years(years)``: may budget years with amounts that left the period go?
        ``spelling`` underlines misspelt words in the text fields."""
        super().__init__(parent)
        self.doc = doc
        self.spelling = spelling
        self.ask_drop_years = ask_drop_years
        self.objectives_model = ObjectivesModel(doc, self)
        self.indicators_model = IndicatorsModel(doc, self)
        self.budget_model = BudgetModel(doc, self)
        self.placement = Placement(self)
        self._editors: dict[str, QWidget] = {}
        self._messages: dict[str, QLabel] = {}  # problem area → the label under it
        self._labels: dict[str, QLabel] = {}  # a field's label, where it has one
        self._focus_order: list[QWidget] = []
        self._tables: list[CellTable] = []
        self._problems: list[Problem] = []
        self._section: object = None
        self._progressive = progressive
        self._unfilled: list[GrowingTextEdit] = []  # long texts to show, each in a turn of its own

        self.scroll_area = QScrollArea(self)
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        # The keyboard goes to the fields, never to the scroll area itself: it shows no cursor
        # and takes no typing (the window started there). Page Up/Down still scroll the form.
        self.scroll_area.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        body = QWidget()
        body.setObjectName("formBody")
        self.body = QVBoxLayout(body)
        self.body.setContentsMargins(16, 12, 16, 24)
        self.body.setSpacing(6)
        self.scroll_area.setWidget(body)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.scroll_area)

        first, *rest = build_plan()
        self._build(first)
        # The sections below go into their own column, so that built later they still come
        # before the stretch that keeps the form at the top.
        lower = QWidget()
        lower.setObjectName("formLower")
        self._column = QVBoxLayout(lower)
        self._column.setContentsMargins(0, 0, 0, 0)
        self._column.setSpacing(self.body.spacing())
        self.body.addWidget(lower)
        self.body.addStretch(1)
        self._steps = rest
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        app.focusChanged.connect(self._focus_moved)
        self.shown_field = FieldInSight(self)  # the field the keyboard goes to is seen whole
        if progressive:
            # From the turn after the window's first: it is painted and takes typing first.
            QTimer.singleShot(0, self, lambda: QTimer.singleShot(0, self, self._build_next))
        else:
            self.finish_building()

    # ---------------------------------------------------------------- what others ask
    @property
    def editors(self) -> dict[str, QWidget]:
        """Every editor by its document path (building any section still missing)."""
        self.finish_building()
        return self._editors

    @property
    def messages(self) -> dict[str, QLabel]:
        """The message label under each problem area (``indicators``, ``period.end``) and typing
        errors (``period.end:input``)."""
        self.finish_building()
        return self._messages

    def built_messages(self) -> dict[str, QLabel]:
        return self._messages

    def built_editors(self) -> dict[str, QWidget]:
        return self._editors

    @property
    def is_built(self) -> bool:
        return not self._steps and not self._unfilled

    def label_of(self, path: str) -> QLabel | None:
        return self._labels.get(path)

    def area_of(self, path: str) -> str:
        return area_of(path)

    def show_problems(self, problems: list[Problem]) -> None:
        """Show each problem under its field (sections built later show theirs when built)."""
        self._problems = problems
        with self._layout_held():
            self.placement.show(problems)

    @contextmanager
    def _layout_held(self) -> Iterator[None]:
        """Many labels shown or hidden, the form laid out once after, not once for each: Qt
        lays out every visible ancestor of a widget the moment it is shown, and with a long
        text in the form each of those costs tens of milliseconds. Held, the layouts skip
        that; the requests the changes posted lay them out on the next turn."""
        body = self.scroll_area.widget()
        assert body is not None  # set in __init__
        held = body.findChildren(QLayout)  # its own layout too
        for layout in held:
            layout.setEnabled(False)
        try:
            yield
        finally:
            for layout in held:
                layout.setEnabled(True)

    def focus_path(self, path: str, row_id: str | None = None) -> QWidget:
        """Put the cursor on the field a problem names; returns the focused widget."""
        return self.placement.focus(path, row_id)

    def commit_pending(self) -> None:
        """Take in what is typed but not finished yet: a table cell still being edited, a date
        or an amount without Enter or Tab (before a save, a switch, closing, a PDF)."""
        for table in self._tables:
            table.commit()
        focused = QApplication.focusWidget()
        if isinstance(focused, TypedField) and self.isAncestorOf(focused):
            focused.commit()

    # ---------------------------------------------------------------- building in steps
    def finish_building(self) -> None:
        while self._steps:
            self._build_section(self._steps.pop(0))
        while self._unfilled:
            self._unfilled.pop(0).fill()
        if self._focus_order:
            for a, b in zip(self._focus_order, self._focus_order[1:], strict=False):
                QWidget.setTabOrder(a, b)
            self._focus_order = self._focus_order[-1:]  # the next section continues from here

    def _build_next(self) -> None:
        if self._unfilled:
            # A long text of the section shown last turn, now that the editor has its width.
            self._unfilled.pop(0).fill()
            QTimer.singleShot(self.STEP_MS, self, self._build_next)
        elif self._steps:
            self._build_section(self._steps.pop(0))
            QTimer.singleShot(self.STEP_MS, self, self._build_next)
        else:
            self.finish_building()  # the tab order

    def _build_section(self, step: list[Field]) -> None:
        # Built apart, then shown at once: a widget added to a layout that is already on screen
        # is shown only a turn later, and could not take the cursor before that.
        section = QWidget()
        self.body = QVBoxLayout(section)
        self.body.setContentsMargins(0, 0, 0, 0)
        self.body.setSpacing(self._column.spacing())
        with self.doc.loading():  # new editors show the report; none may change it
            self._build(step)
        if self._problems:
            # Found before this section was there. Shown while it is hidden: a label shown in
            # a visible form re-lays out the whole form at once, one label after another.
            self.placement.show(self._problems)
        self._column.addWidget(section)
        section.show()

    def _build(self, step: list[Field]) -> None:
        for f in step:
            if section_of(f) != self._section:
                self._section = section_of(f)
                self._heading(f)
            self._field(f)
            if f.key == "signatory.date":
                self._follow_signing()

    # ---------------------------------------------------------------- sections and fields
    def _heading(self, f: Field) -> None:
        language = current()
        if f.part is Part.HEADER:
            label = _wrapped(fields.HEADER_HEADING.text(language), italic=True)
            self.body.addSpacing(4)
            self.body.addWidget(label)
            return
        if f.part is Part.HEADING:
            text, area = f.label.text(language), f.key
        elif f.part is Part.ROW and f.row is not None:
            official = fields.row(f.row)
            text, area = f"{official.number}. {official.label.text(language)}", official.key
        else:
            heading = fields.SIGNATURE_HEADING if f.part is Part.SIGNATURE else fields.PREPARED_BY_HEADING
            text, area = heading.text(language), f.part.value
        if f.part is not Part.HEADING:
            line = QFrame()
            line.setFrameShape(QFrame.Shape.HLine)
            line.setFrameShadow(QFrame.Shadow.Sunken)
            self.body.addSpacing(8)
            self.body.addWidget(line)
        shown = _wrapped(text)
        font = shown.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.1)
        shown.setFont(font)
        shown.setObjectName(f"heading:{area}")
        self.body.addWidget(shown)

    def _field(self, f: Field) -> None:
        language = current()
        name = f.label.text(language)  # names the field on its own (screen readers)
        # A field that is its official row's only content needs no label under the heading.
        hide_label = f.part is Part.HEADING or (f.row is not None and f.label == fields.row(f.row).label)
        if f.key.startswith("period."):
            if f.key == "period.start":
                self._period()
            return
        if f.kind is Kind.AMOUNT and _explained(f.key):
            self._amount_or_nav(f.key.split(".")[0])
            return
        if f.key.endswith(".explanation") and f.key.replace(".explanation", ".amount") in self._editors:
            return  # with its amount, above
        if f.kind is Kind.ROWS:
            self._rows(f, name)
            return
        if f.kind is Kind.LINE:
            editor: QWidget = LineField(self.doc, f.key, name)
        elif f.kind is Kind.TEXT:
            editor = GrowingTextEdit(self.doc, f.key, name, fill_later=self._progressive)
            if editor.waiting:
                self._unfilled.append(editor)
            editor.MIN_LINES = 2 if hide_label else 3
            if f.part is Part.ROW and f.row == 8:
                editor.setPlaceholderText(translate("Form", "Leave empty to print “Nav” (none)."))
        elif f.kind is Kind.DATE:
            editor = DateField(self.doc, f.key, name, self._message_label(f"{f.key}:input"))
            editor.setMaximumWidth(editor.minimumWidth() + 40)
        elif f.kind is Kind.AMOUNT:
            editor = AmountField(self.doc, f.key, name, self._message_label(f"{f.key}:input"))
            editor.setMaximumWidth(220)  # as the amounts of rows 6 and 7
        elif f.kind is Kind.CHOICE:
            editor = ChoiceField(self.doc, f.key, name, {v: display.signing_label(v) for v in f.choices})
        else:  # pragma: no cover - a new kind needs its editor here
            raise ValueError(f"no editor for {f.kind}")
        if self.spelling is not None and f.kind in (Kind.LINE, Kind.TEXT):
            self.spelling.attach(editor)
        if not hide_label:
            label = _wrapped(f.shown_label().text(language))
            label.setObjectName(f"label:{f.key}")
            label.setBuddy(editor)
            self._labels[f.key] = label
            self.body.addWidget(label)
        self.body.addWidget(editor)
        if f.limit and f.kind in (Kind.LINE, Kind.TEXT):
            self.body.addWidget(LengthLeft(editor, f.limit))
        if f"{f.key}:input" in self._messages:
            self.body.addWidget(self._messages[f"{f.key}:input"])
        if f.kind is not Kind.CHOICE:
            self.body.addWidget(self._message_label(f.key))
        self._editors[f.key] = editor
        self._focus_order += list(editor.buttons.values()) if isinstance(editor, ChoiceField) else [editor]

    def _message_label(self, area: str) -> QLabel:
        label = _wrapped("")
        label.setObjectName(f"problems:{area}")
        if area.endswith(":input"):
            label.setStyleSheet(ERROR_STYLE)  # what was typed is not taken: always an error
        label.hide()
        self._messages[area] = label
        return label

    def _period(self) -> None:
        row = QHBoxLayout()
        for key in ("period.start", "period.end"):
            f = fields.field(key)
            label = QLabel(f.shown_label().text(current()))
            editor = DateField(
                self.doc, key, f.label.text(current()), self._message_label(f"{key}:input"), writer=self._write_period
            )
            editor.setMaximumWidth(editor.minimumWidth() + 40)
            label.setBuddy(editor)
            row.addWidget(label)
            row.addWidget(editor)
            self._editors[key] = editor
            self._focus_order.append(editor)
        row.addStretch(1)
        self.body.addLayout(row)
        for key in ("period.start", "period.end"):
            self.body.addWidget(self._messages[f"{key}:input"])
            self.body.addWidget(self._message_label(key))

    def _write_period(self, path: str, value) -> None:
        self.doc.set_period_date(path, value, lambda years: self.ask_drop_years(years))

    def _rows(self, f: Field, name: str) -> None:
        # Tables come below the first screen: their modules load when their section is built.
        from kopsavilkums.ui.rows_editor import RowsEditor

        if f.key == "budget":
            self._budget(name)
            return
        if f.key == "indicators":
            sentence = translate(
                "Form", "The following result indicators were achieved within the public administration task:"
            )
            self.body.addWidget(_wrapped(sentence, italic=True))
        model = self.objectives_model if f.key == "objectives" else self.indicators_model
        editor = RowsEditor(model, name)
        label = _wrapped(f.shown_label().text(current()))
        label.setBuddy(editor.table)
        self._labels[f.key] = label
        self.body.addWidget(label)
        self.body.addWidget(editor)
        self.body.addWidget(self._message_label(f.key))
        self._editors[f.key] = editor
        self._tables.append(editor.table)
        self._focus_order.append(editor.table)

    def _budget(self, name: str) -> None:
        from kopsavilkums.ui.tables import BudgetSection

        section = BudgetSection(self.budget_model, name, self._message_label("budget:input"))
        self.body.addWidget(section)
        self.body.addWidget(self._message_label("budget"))
        self._editors["budget"] = section.table
        self._tables.append(section.table)
        self._focus_order.append(section.table)

    def _amount_or_nav(self, key: str) -> None:
        from kopsavilkums.ui.amount_or_nav import AmountOrNav  # below the first screen

        widget = AmountOrNav(self.doc, key, self._message_label(f"{key}.amount:input"))
        if self.spelling is not None:  # its explanation is prose, like every other text field
            self.spelling.attach(widget.explanation)
        self.body.addWidget(widget)
        self.body.addWidget(self._messages[f"{key}.amount:input"])
        for path in (f"{key}.amount", f"{key}.explanation"):
            self.body.addWidget(self._message_label(path))
        self._editors.update(
            {
                f"{key}.amount": widget.amount,
                f"{key}.explanation": widget.explanation,
                f"{key}:none": widget.none,
                f"{key}:amount": widget.some,
            }
        )
        self._focus_order += widget.focus_order()

    def _follow_signing(self) -> None:
        """With a secure e-signature its time stamp is the date: the date is not asked for."""
        date = self._editors["signatory.date"]
        note = _wrapped(
            translate(
                "Form", "Signed with a secure e-signature, the document's time stamp is its date: none is written here."
            ),
            italic=True,
        )
        note.setObjectName("signatory.date:e_signature")
        self.body.addWidget(note)
        label = self._labels.get("signatory.date")

        def update(*_unused) -> None:
            e_signed = self.doc.report.signatory.signing == E_SIGNATURE
            date.setEnabled(not e_signed)
            if label is not None:
                label.setEnabled(not e_signed)
            note.setVisible(e_signed)

        self.doc.changed.connect(lambda path: update() if path.startswith("signatory") else None)
        self.doc.reset.connect(update)
        update()

    # ---------------------------------------------------------------- focus
    def _focus_moved(self, old: QWidget | None, new: QWidget | None) -> None:
        """Say which field the user left, and keep one table's selection only: the one in use."""
        if new is not None and self.isAncestorOf(new):
            for table in self._tables:
                if table is not new and not table.isAncestorOf(new):
                    table.clearSelection()
        if old is None or not self.isAncestorOf(old):
            return
        path = self.path_of(old)
        if path is not None and (new is None or self.path_of(new) != path):
            self.left.emit(area_of(path))

    def path_of(self, widget: QWidget | None) -> str | None:
        """The document path of the editor ``widget`` is (or is inside: a table's cell)."""
        by_widget = {id(w): path for path, w in self._editors.items()}
        while widget is not None and widget is not self:
            if id(widget) in by_widget:
                return by_widget[id(widget)]
            widget = widget.parentWidget()
        return None


def _explained(key: str) -> bool:
    """An amount with its explanation (rows 6 and 7: ``….amount`` and ``….explanation``), which
    one widget edits, with *Nav* for neither."""
    head, _, last = key.rpartition(".")
    try:
        return last == "amount" and fields.field(f"{head}.explanation").kind is Kind.TEXT
    except KeyError:
        return False


def _wrapped(text: str, italic: bool = False) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)  # user text and labels are data, never markup
    if italic:
        font = label.font()
        font.setItalic(True)
        label.setFont(font)
    return label
