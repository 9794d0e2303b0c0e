"""The objectives, indicators and budget tables, driven with the keyboard and the row actions."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication, QPlainTextEdit

from kopsavilkums.report import Indicator

from .driving import click, click_cell, editor, focused, press, set_date, tab, type_text

CTRL, SHIFT, ALT = (
    Qt.KeyboardModifier.ControlModifier,
    Qt.KeyboardModifier.ShiftModifier,
    Qt.KeyboardModifier.AltModifier,
)


def texts(window):
    return [i.text for i in window.doc.report.indicators]


def add_indicator(qtbot, window, text):
    """Ctrl+Enter in the table: a new row, its text cell open for typing; Enter finishes it."""
    table = editor(window, "indicators").table
    if not table.hasFocus() and not table.isAncestorOf(focused()):
        table.setFocus()
    press(qtbot, Qt.Key.Key_Return, CTRL)
    type_text(qtbot, text)
    press(qtbot, Qt.Key.Key_Return)


def test_indicators_add_reorder_duplicate_delete_with_undo(qtbot, make_window):
    window = make_window()
    window.new_draft()
    rows = editor(window, "indicators")
    model = rows.model
    for text in ("pirmais", "otrais", "trešais"):
        add_indicator(qtbot, window, text)
    assert texts(window) == ["pirmais", "otrais", "trešais"]

    rows.table.select_ids([model.row_id(2)])
    rows.table.setFocus()
    press(qtbot, Qt.Key.Key_Up, ALT)  # move up
    assert texts(window) == ["pirmais", "trešais", "otrais"]
    assert model.index(1, 0).data() == "2)"
    press(qtbot, Qt.Key.Key_D, CTRL)  # duplicate
    assert texts(window) == ["pirmais", "trešais", "trešais", "otrais"]
    rows.table.select_ids([model.row_id(0)])
    press(qtbot, Qt.Key.Key_Delete, CTRL)
    assert texts(window) == ["trešais", "trešais", "otrais"]

    window.commands["undo"].trigger()
    assert texts(window) == ["pirmais", "trešais", "trešais", "otrais"]
    qtbot.keySequence(window, QKeySequence("Ctrl+Z"))
    qtbot.keySequence(window, QKeySequence("Ctrl+Z"))
    assert texts(window) == ["pirmais", "otrais", "trešais"]
    qtbot.keySequence(window, QKeySequence("Ctrl+Y"))
    assert texts(window) == ["pirmais", "trešais", "otrais"]


def test_ctrl_enter_while_typing_in_a_row_keeps_the_text_and_adds_the_next_row(qtbot, make_window):
    window = make_window()
    window.new_draft()
    table = editor(window, "indicators").table
    table.setFocus()
    press(qtbot, Qt.Key.Key_Return, CTRL)
    type_text(qtbot, "Notikuši 12 semināri")
    press(qtbot, Qt.Key.Key_Return, CTRL)  # no Enter first: the text must not be lost
    assert texts(window) == ["Notikuši 12 semināri", ""]
    assert isinstance(focused(), QPlainTextEdit)  # typing goes on in the new row
    type_text(qtbot, "Konsultācijas")
    press(qtbot, Qt.Key.Key_Return)
    assert texts(window) == ["Notikuši 12 semināri", "Konsultācijas"]


def test_enter_finishes_a_cell_and_shift_enter_breaks_a_line(qtbot, make_window):
    window = make_window()
    window.new_draft()
    editor(window, "objectives").table.setFocus()
    press(qtbot, Qt.Key.Key_Return, CTRL)
    type_text(qtbot, "Pirmā rinda")
    press(qtbot, Qt.Key.Key_Return, SHIFT)
    type_text(qtbot, "otrā rinda")
    press(qtbot, Qt.Key.Key_Return)
    assert [o.text for o in window.doc.report.objectives] == ["Pirmā rinda\notrā rinda"]  # no trailing line break
    assert focused() is editor(window, "objectives").table  # the cell is finished


def test_tab_walks_the_indicator_cells_then_leaves_the_table(qtbot, make_window):
    window = make_window()
    window.new_draft()
    add_indicator(qtbot, window, "Semināri")
    table = editor(window, "indicators").table
    table.setCurrentIndex(table.model().index(0, 1))
    for column, typed in ((2, "12"), (3, "10"), (4, "divi atcelti")):
        tab(qtbot)
        assert table.currentIndex().column() == column
        type_text(qtbot, typed)  # typing on a cell opens it; Tab takes it in and goes on
    tab(qtbot)
    assert focused() is editor(window, "assessment")  # after the last cell, out of the table
    indicator = window.doc.report.indicators[0]
    assert (indicator.planned, indicator.achieved, indicator.note) == ("12", "10", "divi atcelti")
    press(qtbot, Qt.Key.Key_Backtab, SHIFT)
    assert focused() is table and table.currentIndex().column() == 4  # back in, at the last cell
    press(qtbot, Qt.Key.Key_Backtab, SHIFT)
    assert table.currentIndex().column() == 3


def test_tab_in_the_budget_walks_the_amounts_and_skips_the_difference(qtbot, make_window):
    from datetime import date

    window = make_window()
    window.new_draft()
    set_date(editor(window, "period.start"), date(2021, 1, 1))
    set_date(editor(window, "period.end"), date(2022, 12, 31))
    window.form.focus_path("assessment")
    tab(qtbot)
    budget = editor(window, "budget")
    assert focused() is budget and (budget.currentIndex().row(), budget.currentIndex().column()) == (0, 1)
    walked = []
    for typed in ("", "9 876,54", "", "20000"):
        type_text(qtbot, typed)
        walked.append((budget.currentIndex().row(), budget.currentIndex().column()))
        tab(qtbot)
    assert walked == [(0, 1), (0, 2), (1, 1), (1, 2)]
    assert focused() is not budget  # past the last amount: on to row 6
    assert [(b.year, b.planned, b.actual) for b in window.doc.report.budget] == [
        (2021, None, Decimal("9876.54")),
        (2022, None, Decimal("20000.00")),
    ]


def test_only_the_table_in_use_shows_a_selected_row(qtbot, make_window, seeded_store):
    window = make_window(seeded_store)
    objectives, indicators = editor(window, "objectives").table, editor(window, "indicators").table
    click_cell(qtbot, window, objectives, 0, 1)
    assert focused() is objectives and objectives.selectionModel().hasSelection()
    click_cell(qtbot, window, indicators, 0, 1)
    assert (
        focused() is indicators
        and indicators.selectionModel().hasSelection()
        and not objectives.selectionModel().hasSelection()
    )


def test_carried_over_rows_are_marked_until_checked_or_rewritten(qtbot, make_window, open_store):
    from kopsavilkums.report import Report

    store = open_store()
    store.save(Report(title="Nākamais", indicators=[Indicator(f"Rādītājs {n}", carried_over=True) for n in (1, 2, 3)]))
    window = make_window(store)
    rows = editor(window, "indicators")
    model, table = rows.model, rows.table
    assert [model.index(r, 0).data() for r in range(3)] == ["1) ↻", "2) ↻", "3) ↻"]
    assert rows.carried.isVisible() and "results: 3." in rows.carried_text.text()

    table.setFocus()
    table.setCurrentIndex(model.index(0, 1))
    press(qtbot, Qt.Key.Key_K, CTRL)  # checked as it is
    assert [i.carried_over for i in window.doc.report.indicators] == [False, True, True]
    assert model.index(0, 0).data() == "1)"

    table.setCurrentIndex(model.index(1, 1))
    press(qtbot, Qt.Key.Key_F2)
    type_text(qtbot, " (šogad 14)")
    press(qtbot, Qt.Key.Key_Return)
    second = window.doc.report.indicators[1]
    assert (second.text, second.carried_over) == ("Rādītājs 2 (šogad 14)", False)
    window.commands["undo"].trigger()  # the new text and the mark come back as one step
    second = window.doc.report.indicators[1]
    assert (second.text, second.carried_over) == ("Rādītājs 2", True)

    click(qtbot, window, rows.check_all_button)
    assert not any(i.carried_over for i in window.doc.report.indicators)
    assert not rows.carried.isVisible()
    QApplication.processEvents()


def test_mark_as_checked_is_offered_only_while_rows_are_carried_over(qtbot, make_window, seeded_store):
    window = make_window(seeded_store)
    rows = editor(window, "indicators")
    assert not rows.buttons["mark_checked"].isVisible() and not rows.carried.isVisible()
    window.commands["next_report"].trigger()
    rows = editor(window, "indicators")
    assert rows.buttons["mark_checked"].isVisible() and rows.carried.isVisible()
    click(qtbot, window, rows.check_all_button)
    assert not rows.buttons["mark_checked"].isVisible()


def test_tab_goes_straight_through_the_tables_of_a_submitted_draft(qtbot, make_window, open_store, seed_report):
    store = open_store()
    store.set_status(store.save(seed_report), "submitted")
    window = make_window(store)
    window.form.focus_path("introduction")
    tab(qtbot)
    assert focused() is editor(window, "objectives").table
    tab(qtbot)  # nothing to edit in it: on to the next table
    assert focused() is editor(window, "indicators").table


def cell_shown(window, table):
    """Whether the current cell is wholly inside the part of the form the user sees."""
    area = window.form.scroll_area
    rect = table.visualRect(table.currentIndex())
    top_left = table.viewport().mapTo(area.viewport(), rect.topLeft())
    bottom_right = table.viewport().mapTo(area.viewport(), rect.bottomRight())
    return area.viewport().rect().contains(top_left) and area.viewport().rect().contains(bottom_right)


def test_the_form_follows_the_cursor_through_a_table(qtbot, make_window, seeded_store):
    """A table shows all its rows (up to ten) and scrolls with the form: walking its rows with
    the arrow keys, or its cells with Tab, went on below the window's edge, out of sight."""
    window = make_window(seeded_store)
    window.resize(800, 600)
    window.splitter.setSizes([200, 600])
    indicators = editor(window, "indicators").table
    # laid out: the table as tall as its eight rows, taller than the form's window on it
    qtbot.waitUntil(lambda: indicators.verticalScrollBar().maximum() == 0 < window.form.height() < indicators.height())
    window.form.focus_path("indicators[0].text")
    assert cell_shown(window, indicators)
    for row in range(1, 8):
        press(qtbot, Qt.Key.Key_Down)
        assert indicators.currentIndex().row() == row
        assert cell_shown(window, indicators), f"row {row + 1} is out of sight"
    for _ in range(8):  # and back up, cell by cell
        press(qtbot, Qt.Key.Key_Tab, SHIFT)
    assert indicators.currentIndex().row() == 5
    assert cell_shown(window, indicators)
    press(qtbot, Qt.Key.Key_Up, CTRL)  # the top of the table
    press(qtbot, Qt.Key.Key_Home, CTRL)
    assert indicators.currentIndex().row() == 0
    assert cell_shown(window, indicators)
