"""The keyboard's last gaps, found filling a whole report with the keyboard alone."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QLabel

from kopsavilkums.ui.plain import tooltip

from .driving import editor, focused, press, tab, type_text

CTRL, SHIFT = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.ShiftModifier


def path_focused(window):
    return window.form.path_of(focused())


def test_typing_into_an_empty_table_starts_its_first_row(qtbot, make_window):
    window = make_window()
    window.new_draft()
    for path in ("objectives", "indicators"):
        editor(window, path).table.setFocus(Qt.FocusReason.TabFocusReason)
        type_text(qtbot, "Semināri")
        press(qtbot, Qt.Key.Key_Return)
        assert [row.text for row in getattr(window.doc.report, path)] == ["Semināri"], path


def test_ctrl_tab_leaves_a_table_and_ctrl_shift_tab_goes_back_before_it(qtbot, make_window):
    window = make_window()
    window.new_draft()
    table = editor(window, "indicators").table
    table.setFocus(Qt.FocusReason.TabFocusReason)
    for text in ("Semināri", "Konsultācijas"):
        press(qtbot, Qt.Key.Key_Return, CTRL)
        type_text(qtbot, text)
        press(qtbot, Qt.Key.Key_Return)
    table.setCurrentIndex(table.model().index(0, 2))
    press(qtbot, Qt.Key.Key_Tab, CTRL)  # one key, not a Tab per cell
    assert path_focused(window) == "assessment"

    table.setFocus(Qt.FocusReason.TabFocusReason)
    table.setCurrentIndex(table.model().index(1, 1))
    press(qtbot, Qt.Key.Key_F2)  # while a cell is being edited, too
    type_text(qtbot, " un vēl")
    press(qtbot, Qt.Key.Key_Backtab, CTRL | SHIFT)
    assert path_focused(window) == "objectives"
    assert [i.text for i in window.doc.report.indicators] == ["Semināri", "Konsultācijas un vēl"]


def test_after_deleting_the_last_row_the_new_last_row_is_selected(qtbot, make_window):
    window = make_window()
    window.new_draft()
    rows = editor(window, "indicators")
    rows.table.setFocus(Qt.FocusReason.TabFocusReason)
    for text in ("pirmais", "otrais", "trešais"):
        press(qtbot, Qt.Key.Key_Return, CTRL)
        type_text(qtbot, text)
        press(qtbot, Qt.Key.Key_Return)
    assert rows.table.selected_rows() == [2]
    press(qtbot, Qt.Key.Key_Delete, CTRL)
    assert rows.table.selected_rows() == [1]  # "otrais", now the last row
    tab(qtbot)
    assert rows.table.currentIndex().row() == 1  # Tab goes on there, not back at row 1
    rows.table.select_ids([rows.model.row_id(0)])
    press(qtbot, Qt.Key.Key_Delete, CTRL)
    assert rows.table.selected_rows() == [0] and rows.model.index(0, 1).data() == "otrais"


def edit_menu(window):
    return next(a.menu() for a in window.menuBar().actions() if a.text() == "&Edit")


def test_the_row_commands_are_in_the_edit_menu_with_their_keys(qtbot, make_window):
    window = make_window()
    window.new_draft()
    items = {a.objectName(): a for a in edit_menu(window).actions()}
    delete = items["action_rows_delete"]
    assert delete.shortcut() == QKeySequence("Ctrl+Delete")  # the menu shows the keys
    assert {"action_rows_add", "action_rows_insert_above", "action_rows_move_down"} <= set(items)
    assert not delete.isEnabled()  # the cursor is in the title: no table to act on

    rows = editor(window, "indicators")
    rows.table.setFocus(Qt.FocusReason.TabFocusReason)
    items["action_rows_add"].trigger()
    type_text(qtbot, "pirmais")
    press(qtbot, Qt.Key.Key_Return)
    edit_menu(window).aboutToShow.emit()
    assert delete.isEnabled()
    delete.trigger()
    assert window.doc.report.indicators == []
    assert window.doc.report.objectives == []  # the table in use, not the other one


def test_moving_a_submitted_report_to_the_trash_is_taken_back_with_ctrl_z_or_undo(
    qtbot, make_window, seeded_store, dialogs
):
    window = make_window(seeded_store)
    submitted = window.draft_id
    seeded_store.set_status(submitted, "submitted")
    window.commands["duplicate"].trigger()  # another draft, shown after the trash
    window.open_draft(submitted)
    assert window.status == "submitted"
    window.commands["delete"].trigger()  # no question: it can be taken back
    assert window.draft_id != submitted and seeded_store.info(submitted).trashed
    assert window.trash_undo.button.isVisible() and "Undo" in window.statusBar().currentMessage()
    assert window.commands["undo"].isEnabled()
    qtbot.keySequence(window, QKeySequence("Ctrl+Z"))
    assert window.draft_id == submitted and window.status == "submitted"
    assert not seeded_store.info(submitted).trashed and not window.trash_undo.button.isVisible()

    window.commands["delete"].trigger()
    qtbot.mouseClick(window.trash_undo.button, Qt.MouseButton.LeftButton)  # the Undo beside the message
    assert window.draft_id == submitted and not seeded_store.info(submitted).trashed
    assert dialogs.asked == []


def test_after_an_edit_ctrl_z_undoes_the_edit_not_the_trash(qtbot, make_window, seeded_store):
    window = make_window(seeded_store)
    first = window.draft_id
    window.commands["duplicate"].trigger()
    window.commands["delete"].trigger()
    assert window.draft_id == first
    title = window.doc.report.title
    editor(window, "title").setFocus()
    type_text(qtbot, "x")
    assert not window.trash_undo.pending
    qtbot.keySequence(window, QKeySequence("Ctrl+Z"))
    assert window.draft_id == first and window.doc.report.title == title


def test_the_draft_menu_keeps_what_destroys_apart_from_what_does_not(qtbot, make_window):
    window = make_window()
    menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Draft")
    destroying = {window.commands["delete"], window.commands["purge"]}
    items = menu.actions()
    for here, after in zip(items, items[1:], strict=False):
        if not here.isSeparator() and not after.isSeparator():
            assert (here in destroying) == (after in destroying), (here.text(), after.text())


def frame_drawn_on(widget):
    """Whether a highlight-coloured frame is seen along ``widget``'s edge (in a picture of it)."""
    from PySide6.QtGui import QPalette

    picture = widget.grab().toImage()
    highlight = widget.palette().color(QPalette.ColorRole.Highlight).rgb()
    edge = [picture.pixel(x, 0) for x in range(4, picture.width() - 4)]
    edge += [picture.pixel(0, y) for y in range(4, picture.height() - 4)]
    return sum(p == highlight for p in edge) > 0.9 * len(edge)


def test_the_table_or_long_field_with_the_keyboard_shows_a_frame(qtbot, make_window):
    window = make_window()
    window.new_draft()
    table, assessment = editor(window, "indicators").table, editor(window, "assessment")
    qtbot.waitUntil(lambda: table.height() > 50 and assessment.height() > 20)  # laid out
    assert not frame_drawn_on(table) and not frame_drawn_on(assessment)
    table.setFocus(Qt.FocusReason.TabFocusReason)
    assert frame_drawn_on(table)
    type_text(qtbot, "Semināri")  # editing a cell: still the table's frame
    assert frame_drawn_on(table)
    press(qtbot, Qt.Key.Key_Tab, CTRL)
    assert focused() is assessment
    assert frame_drawn_on(assessment) and not frame_drawn_on(table)
    tab(qtbot)
    assert not frame_drawn_on(assessment)


def seen_whole(window, *widgets):
    """Every one of ``widgets`` lies inside the form's window (not cut at its top or bottom)."""
    from PySide6.QtCore import QPoint

    view = window.form.scroll_area.viewport()
    for widget in widgets:
        top = widget.mapTo(view, QPoint(0, 0)).y()
        if top < 0 or top + widget.height() > view.height():
            return False
    return True


def label_of(window, path):
    return window.form.findChild(QLabel, f"label:{path}") or window.form._labels[path]


def test_tab_shows_the_next_field_whole_with_its_label(qtbot, make_window, seeded_store):
    window = make_window(seeded_store)
    window.resize(1024, 700)
    table = editor(window, "indicators").table
    table.setFocus(Qt.FocusReason.TabFocusReason)
    table.setCurrentIndex(table.model().index(table.model().rowCount() - 1, table.model().columnCount() - 1))
    tab(qtbot)  # from the last cell to the assessment
    assert path_focused(window) == "assessment"
    assessment = editor(window, "assessment")
    qtbot.wait(200)  # laid out, problems shown
    assert seen_whole(window, assessment, label_of(window, "assessment"))


def test_tab_shows_the_last_field_whole_though_messages_appear_above_it(qtbot, make_window):
    window = make_window()
    window.new_draft()
    window.resize(1024, 700)
    editor(window, "signatory.name").setFocus(Qt.FocusReason.TabFocusReason)
    for _ in range(5):  # name, position, signing, date, who prepared it: left empty, each says so
        tab(qtbot)
    assert path_focused(window) == "prepared_by.phone"
    tab(qtbot)
    email = editor(window, "prepared_by.email")
    qtbot.wait(200)
    assert seen_whole(window, email, label_of(window, "prepared_by.email"))


def test_f8_to_a_row_shows_the_table_heading_with_the_row(qtbot, make_window, open_store, seed_report):
    seed_report.indicators[4].text = ""  # a problem in the fifth row
    store = open_store()
    store.save(seed_report)
    window = make_window(store)
    window.resize(1024, 700)
    qtbot.waitUntil(lambda: window.problems is not None)
    editor(window, "title").setFocus()
    for _ in range(10):
        press(qtbot, Qt.Key.Key_F8)
        if path_focused(window) == "indicators":
            break
    table = editor(window, "indicators").table
    assert table.currentIndex().row() == 4
    qtbot.waitUntil(lambda: seen_whole(window, table.horizontalHeader(), label_of(window, "indicators")))
    cell = table.visualRect(table.currentIndex())
    from PySide6.QtCore import QPoint

    bottom = table.viewport().mapTo(window.form.scroll_area.viewport(), QPoint(0, cell.bottom())).y()
    assert bottom <= window.form.scroll_area.viewport().height()  # and the row itself


def test_the_row_buttons_stay_on_one_line_at_1024_by_700_in_latvian(qtbot, make_window, seeded_store, latvian):
    window = make_window(seeded_store)
    window.commands["next_report"].trigger()  # carried-over rows: "Mark as checked" shows too
    window.resize(1024, 700)
    rows = editor(window, "indicators")
    qtbot.waitUntil(lambda: rows.buttons["mark_checked"].isVisible())
    qtbot.wait(50)  # laid out at the new width
    lines = {button.geometry().top() for button in rows.buttons.values() if button.isVisible()}
    assert len(lines) == 1, lines
    assert rows.buttons["move_up"].toolTip().startswith("Pārvietot augšup")  # the words are in the tooltip


def test_a_long_status_message_stops_short_of_the_counts(qtbot, make_window, seeded_store, latvian):
    window = make_window(seeded_store)
    window.resize(1024, 700)
    qtbot.waitUntil(lambda: window.counts_label.text().startswith("Kļūdas"))
    qtbot.wait(50)  # laid out at the new width
    text = "ziņojums.docx: " + "Šo failu nevarēja nolasīt, jo tas nav Word dokuments vai ir bojāts. " * 3
    window.show_message(text)
    shown = window.statusBar().currentMessage()
    end = 6 + window.statusBar().fontMetrics().horizontalAdvance(shown)
    assert end + 8 <= window.counts_label.geometry().left()  # a gap before "Kļūdas: 3"
    assert shown.endswith("…") and window.statusBar().toolTip() == tooltip(text)  # whole in the tooltip, as plain text


def test_a_field_with_a_length_limit_says_how_much_is_left_near_it(qtbot, make_window):
    from kopsavilkums.fields import field

    window = make_window()
    window.new_draft()
    name = editor(window, "signatory.name")
    left = window.form.findChild(QLabel, "left:signatory.name")
    limit = field("signatory.name").limit
    name.setFocus()
    type_text(qtbot, "Anna Bērziņa")
    assert not left.isVisible()  # far from the limit: nothing to count
    type_text(qtbot, "x" * (limit - len("Anna Bērziņa") - 12))
    assert left.isVisible() and left.text() == "12 characters left"
    qtbot.wait(200)
    assert seen_whole(window, name, left)  # the count under the field is in sight too
    type_text(qtbot, "x" * 13)
    assert left.text() == "1 character too many"

    editor(window, "task").setPlainText("Ā" * (field("task").limit - 3))  # a long text counts too
    assert window.form.findChild(QLabel, "left:task").text() == "3 characters left"
