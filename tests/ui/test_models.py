"""The table models behind the form, tested without a window."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from PySide6.QtCore import QModelIndex, Qt

from kopsavilkums.report import BudgetRow, Indicator, Objective, Period, Report
from kopsavilkums.ui.document import EditableDocument
from kopsavilkums.ui.models import BudgetModel, IndicatorsModel, ObjectivesModel, ProblemsModel
from kopsavilkums.ui.models.rows import MIME
from kopsavilkums.validation import validate

pytestmark = pytest.mark.usefixtures("english")


def texts(model):
    return [model.index(r, 1).data(Qt.ItemDataRole.EditRole) for r in range(model.rowCount())]


def numbers(model):
    return [model.index(r, 0).data() for r in range(model.rowCount())]


def doc_with_indicators(*names):
    return EditableDocument(Report(indicators=[Indicator(n) for n in names]))


def test_numbers_follow_the_order_in_the_official_style(qapp):
    doc = EditableDocument(
        Report(objectives=[Objective("a"), Objective("b")], indicators=[Indicator("x"), Indicator("y")])
    )
    assert numbers(ObjectivesModel(doc)) == ["1.", "2."]
    indicators = IndicatorsModel(doc)
    assert numbers(indicators) == ["1)", "2)"]
    indicators.move_rows([1], -1)
    assert texts(indicators) == ["y", "x"] and numbers(indicators) == ["1)", "2)"]


def test_row_operations_and_their_undo(qapp):
    doc = doc_with_indicators("a", "b", "c")
    model = IndicatorsModel(doc)
    model.insert_row(1)
    assert texts(model) == ["a", "", "b", "c"]
    model.duplicate_rows([2])
    assert texts(model) == ["a", "", "b", "b", "c"]
    assert len({model.row_id(r) for r in range(5)}) == 5  # a duplicate gets its own id
    model.remove_rows([0, 1])
    assert texts(model) == ["b", "b", "c"]
    model.move_rows([2], -1)
    assert texts(model) == ["b", "c", "b"]
    for expected in (["b", "b", "c"], ["a", "", "b", "b", "c"], ["a", "", "b", "c"], ["a", "b", "c"]):
        doc.undo_stack.undo()
        assert texts(model) == expected
    doc.undo_stack.redo()
    assert texts(model) == ["a", "", "b", "c"]


def test_moving_past_the_ends_does_nothing(qapp):
    doc = doc_with_indicators("a", "b")
    model = IndicatorsModel(doc)
    model.move_rows([0], -1)
    model.move_rows([1], +1)
    assert texts(model) == ["a", "b"] and not doc.undo_stack.canUndo()


def test_a_cell_edit_is_undone_on_its_row_after_reordering(qapp):
    doc = doc_with_indicators("a", "b")
    model = IndicatorsModel(doc)
    assert model.setData(model.index(0, model.column_of("achieved")), "10")
    model.move_rows([0], +1)  # the edited row is now second
    doc.undo_stack.undo()  # undo the move
    doc.undo_stack.undo()  # undo the edit
    assert [i.achieved for i in doc.report.indicators] == ["", ""]


def test_short_cells_stay_single_line_long_ones_keep_lines(qapp):
    doc = doc_with_indicators("a")
    model = IndicatorsModel(doc)
    model.setData(model.index(0, model.column_of("planned")), "1\n0")
    model.setData(model.index(0, model.column_of("note")), "line one\nline two")
    assert doc.report.indicators[0].planned == "1 0"
    assert doc.report.indicators[0].note == "line one\nline two"


def test_typing_in_one_cell_undoes_as_one_step(qapp):
    doc = doc_with_indicators("")
    model = IndicatorsModel(doc)
    for text in ("S", "Se", "Sem"):
        model.setData(model.index(0, 1), text)
    doc.undo_stack.undo()
    assert doc.report.indicators[0].text == ""


def test_drag_and_drop_moves_rows_by_id(qapp):
    doc = doc_with_indicators("a", "b", "c")
    model = IndicatorsModel(doc)
    mime = model.mimeData([model.index(0, 1)])
    assert mime.hasFormat(MIME)
    # True would make the view delete the source rows after the move; the move is already done.
    assert model.dropMimeData(mime, Qt.DropAction.MoveAction, 3, 0, QModelIndex()) is False
    assert texts(model) == ["b", "c", "a"]


def test_read_only_refuses_edits(qapp):
    doc = doc_with_indicators("a")
    model = IndicatorsModel(doc)
    doc.set_read_only(True)
    assert not model.flags(model.index(0, 1)) & Qt.ItemFlag.ItemIsEditable
    assert not model.setData(model.index(0, 1), "changed")
    assert model.insert_row() is None
    assert texts(model) == ["a"]


def test_rows_with_problems_are_marked_with_the_message(qapp):
    doc = EditableDocument(Report(indicators=[Indicator("a", planned="10", achieved="5")]))
    model = IndicatorsModel(doc)
    model.set_problems(validate(doc.report))
    tip = model.index(0, 0).data(Qt.ItemDataRole.ToolTipRole)
    assert "say why in the note" in tip
    assert model.index(0, 1).data(Qt.ItemDataRole.BackgroundRole) is not None


def budget_doc():
    return EditableDocument(
        Report(
            period=Period(date(2019, 8, 12), date(2020, 10, 31)),
            budget=[BudgetRow(2019, Decimal("31830.96"), Decimal("31830.96")), BudgetRow(2020)],
        )
    )


def test_budget_shows_latvian_amounts_a_total_and_the_difference(qapp):
    model = BudgetModel(budget_doc())
    assert model.rowCount() == 3  # two years and the total
    assert [model.index(r, 0).data() for r in range(3)] == ["2019", "2020", "Total"]  # English
    assert model.index(0, 1).data() == "31\u00a0830,96"
    assert model.index(1, 1).data() == ""
    assert model.setData(model.index(1, 1), "1 000,5")
    assert model.setData(model.index(1, 2), "900")
    assert model.index(1, 3).data() == "100,50"
    assert model.index(2, 1).data() == "32\u00a0831,46"
    assert not model.flags(model.index(2, 1)) & Qt.ItemFlag.ItemIsEditable


def test_budget_refuses_a_typo_and_names_the_cell(qapp):
    doc = budget_doc()
    model = BudgetModel(doc)
    messages = []
    model.input_rejected.connect(messages.append)
    assert not model.setData(model.index(1, 1), "12,3,4")
    assert doc.report.budget[1].planned is None
    assert messages and "2020, Planned, euro" in messages[0] and "12,3,4" in messages[0]
    assert model.setData(model.index(0, 2), "")  # clearing is allowed
    assert doc.report.budget[0].actual is None


def test_period_change_brings_budget_years_along_and_undo_restores(qapp):
    doc = budget_doc()
    asked = []
    doc.set_period_date("period.end", date(2021, 3, 1), lambda years: asked.append(years) or False)
    assert [b.year for b in doc.report.budget] == [2019, 2020, 2021] and not asked
    doc.set_period_date("period.start", date(2020, 1, 1), lambda years: asked.append(years) or True)
    assert asked == [[2019]]  # 2019 held money: the user was asked
    assert [b.year for b in doc.report.budget] == [2020, 2021]
    doc.undo_stack.undo()
    assert [b.year for b in doc.report.budget] == [2019, 2020, 2021]
    assert doc.report.budget[0].planned == Decimal("31830.96")
    assert doc.report.period.start == date(2019, 8, 12)


def test_money_outside_the_period_stays_when_the_user_says_keep(qapp):
    doc = budget_doc()
    doc.set_period_date("period.start", date(2020, 1, 1), lambda years: False)
    assert [b.year for b in doc.report.budget] == [2019, 2020]
    assert any("outside the delegation period" in p.message.en for p in validate(doc.report))


def test_problems_list_errors_first_and_counts(qapp):
    model = ProblemsModel()
    model.set_problems(validate(Report()))
    errors, warnings = model.counts()
    assert errors > 0
    kinds = [model.index(r, 0).data(Qt.ItemDataRole.UserRole + 1).is_error for r in range(model.rowCount())]
    assert kinds == sorted(kinds, reverse=True)
    assert model.index(0, 0).data() == "Title of the summary: required."
