"""The form's fields: built from the field table, typed into as a user types."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QRadioButton, QWidget

from kopsavilkums import fields
from kopsavilkums.fields import Kind

from .driving import click, editor, focused, press, set_date, type_at_end, type_into


def test_every_field_of_the_table_has_its_editor_and_label(qtbot, make_window):
    """A field added to the field table appears in the form by itself, under its label."""
    window = make_window()
    window.new_draft()
    form = window.form
    for f in fields.FIELDS:
        if f.is_row_field or f.kind is Kind.FLAG:
            continue
        widget = getattr(form.editors[f.key], "table", form.editors[f.key])  # a row list: its table
        assert widget.accessibleName() == f.label.text("en"), f.key
    labels = {label.text() for label in window.findChildren(QLabel) if label.isVisibleTo(window)}
    assert {"Delegating institution", "Contract (number and date)", "Introduction", "Closing assessment"} <= labels
    assert {"From", "To", "Representative's name", "Date of signing", "Amount, euro", "Explanation"} <= labels
    headings = [label.text() for label in window.findChildren(QLabel) if label.objectName().startswith("heading:")]
    assert (
        headings[0] == "Title of the summary"
        and "5. Planned and actually used state budget funding by year" in headings
    )
    assert headings[-2:] == ["Signature", "Prepared by"]


def test_a_pasted_line_break_in_a_single_line_field_becomes_a_space(qtbot, make_window):
    window = make_window()
    window.new_draft()
    QApplication.clipboard().setText('Biedrība\n"Rīgas\r\nforums"')
    field = editor(window, "performer")
    field.setFocus()
    press(qtbot, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert window.doc.report.performer == 'Biedrība "Rīgas forums"'
    assert field.text() == 'Biedrība "Rīgas forums"'


def test_ctrl_z_in_a_text_field_undoes_through_the_form_history(qtbot, make_window):
    window = make_window()
    window.new_draft()
    window.doc.undo_stack.clear()
    type_into(qtbot, editor(window, "performer"), "Biedrība")
    qtbot.keyClick(editor(window, "performer"), Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.doc.report.performer == ""
    assert editor(window, "performer").text() == ""


def test_a_date_typed_into_an_empty_date_field_is_that_date(qtbot, make_window):
    # An empty date field shows a blank; typing the date must not edit that blank as text.
    window = make_window()
    window.new_draft()
    for path, typed, expected in (
        ("period.start", "12.08.2019", date(2019, 8, 12)),
        ("period.end", "29022024", date(2024, 2, 29)),
        ("signatory.date", "1.3.2021.", date(2021, 3, 1)),
    ):
        type_into(qtbot, editor(window, path), typed)
        qtbot.keyClick(editor(window, path), Qt.Key.Key_Tab)
        assert window.doc.get(path) == expected, path
    assert [b.year for b in window.doc.report.budget] == list(range(2019, 2025))


def test_the_calendar_of_an_empty_date_field_opens_at_this_month_and_picks_a_date(qtbot, make_window):
    window = make_window()
    window.new_draft()
    field = editor(window, "period.start")
    assert not window.windowIcon().isNull()
    field.setFocus()
    qtbot.keyClick(field, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    calendar = field.calendar()
    qtbot.waitUntil(calendar.isVisible)
    today = QDate.currentDate()
    assert (calendar.yearShown(), calendar.monthShown()) == (today.year(), today.month())  # not January 1900
    calendar.clicked.emit(QDate(2019, 8, 12))
    assert not calendar.isVisible()
    assert field.text() == "12.08.2019" and window.doc.get("period.start") == date(2019, 8, 12)


def test_typing_over_a_date_replaces_it_whole(qtbot, make_window):
    """A day that does not fit the month on screen (31.07 typed over 05.06) is not clamped."""
    window = make_window()
    window.new_draft()
    field = editor(window, "signatory.date")
    set_date(field, date(2020, 6, 5))
    field.setFocus()
    field.selectAll()
    type_into(qtbot, field, "31.07.2021")
    qtbot.keyClick(field, Qt.Key.Key_Tab)
    assert window.doc.get("signatory.date") == date(2021, 7, 31)
    assert field.text() == "31.07.2021"


def test_a_date_that_does_not_exist_is_refused_with_a_message(qtbot, make_window):
    window = make_window()
    window.new_draft()
    field = editor(window, "signatory.date")
    type_into(qtbot, field, "31.04.2024")
    qtbot.keyClick(field, Qt.Key.Key_Tab)
    assert window.doc.get("signatory.date") is None
    message = window.form.messages["signatory.date:input"]
    assert message.isVisible() and "not a date that exists" in message.text()
    field.setFocus()
    field.selectAll()
    type_into(qtbot, field, "30.04.2024")
    qtbot.keyClick(field, Qt.Key.Key_Tab)
    assert window.doc.get("signatory.date") == date(2024, 4, 30) and not message.isVisible()


def test_nav_choice_for_irregular_expenditure(qtbot, make_window):
    window = make_window()
    window.new_draft()
    click(qtbot, window, editor(window, "irregular_expenditure:amount"))
    amount = editor(window, "irregular_expenditure.amount")
    assert amount.isEnabled()
    type_into(qtbot, amount, "1234,5")
    press(qtbot, Qt.Key.Key_Return)
    assert window.doc.report.irregular_expenditure.amount == Decimal("1234.50")
    assert amount.text() == "1\u00a0234,50"
    click(qtbot, window, editor(window, "irregular_expenditure:none"))
    assert window.doc.report.irregular_expenditure.is_none and not amount.isEnabled()
    window.commands["undo"].trigger()
    assert window.doc.report.irregular_expenditure.amount == Decimal("1234.50")


def test_a_typo_in_an_amount_is_shown_and_not_stored(qtbot, make_window):
    window = make_window()
    window.new_draft()
    click(qtbot, window, editor(window, "irregular_expenditure:amount"))
    amount = editor(window, "irregular_expenditure.amount")
    type_into(qtbot, amount, "12,3,4")
    press(qtbot, Qt.Key.Key_Return)
    message = window.form.messages["irregular_expenditure.amount:input"]
    assert message.isVisible() and "12,3,4" in message.text()
    assert window.doc.report.irregular_expenditure.amount is None


def test_with_a_secure_e_signature_no_signing_date_is_asked_for(qtbot, make_window):
    window = make_window()
    window.new_draft()
    date_field = editor(window, "signatory.date")
    note = window.findChild(QLabel, "signatory.date:e_signature")
    assert date_field.isEnabled() and not note.isVisible()
    assert window.doc.report.signatory.signing == "by_hand"
    e_signature = window.findChild(QRadioButton, "signatory.signing:e_signature")
    click(qtbot, window, e_signature)
    assert window.doc.report.signatory.signing == "e_signature"
    assert not date_field.isEnabled() and note.isVisible() and "time stamp" in note.text()
    window.commands["undo"].trigger()
    assert window.doc.report.signatory.signing == "by_hand" and date_field.isEnabled() and not note.isVisible()


def test_long_text_editors_grow_with_their_content(qtbot, make_window):
    window = make_window()
    window.new_draft()
    assessment = editor(window, "assessment")
    small = assessment.sizeHint().height()
    type_into(qtbot, assessment, "\n".join(f"{n}. rinda" for n in range(12)))
    assert assessment.sizeHint().height() > small


def test_the_form_below_the_first_screen_comes_a_moment_after_the_window(qtbot, make_window, open_store, seed_report):
    """The window shows the top of the form at once and builds the sections below on the next
    turns of the event loop; they come up with the draft's values, read-only for a submitted
    draft, and Tab still walks the whole form in the document's order."""
    store = open_store()
    draft = store.save(seed_report)
    store.set_status(draft, "submitted")
    window = make_window(store)
    form = window.form
    title = window.findChild(QLineEdit, "title")
    assert title.text() == seed_report.title and title.isReadOnly()
    if not form.is_built:  # the test may have been slower than the building
        assert window.findChild(QLineEdit, "signatory.name") is None
    qtbot.waitUntil(lambda: form.is_built)
    signatory = window.findChild(QLineEdit, "signatory.name")
    assert signatory.text() == seed_report.signatory.name and signatory.isReadOnly()
    assert form.editors["assessment"].toPlainText() == seed_report.assessment
    assert not any(b.isEnabled() for b in window.findChildren(QRadioButton))
    assert not form.editors["indicators"].actions_by_name["add"].isEnabled()
    assert form.editors["budget"].model().rowCount() == len(seed_report.budget) + 1  # and the total

    window.commands["reopen"].trigger()
    assert not signatory.isReadOnly()
    form.editors["signatory.position"].setFocus()
    tabbed = []
    for _ in range(3):
        press(qtbot, Qt.Key.Key_Tab)
        tabbed.append(QApplication.focusWidget())
    assert form.editors["signatory.date"] in tabbed  # after the choice of how it is signed


def test_asking_for_a_section_not_yet_built_builds_the_rest_at_once(qtbot, data_dir, seeded_store, english):
    from kopsavilkums.ui.app import Application

    window = Application(seeded_store, data_dir).show_window()
    qtbot.addWidget(window)
    assert not window.form.is_built
    focused = window.form.focus_path("prepared_by.email")  # e.g. a click on a problem at once
    assert window.form.is_built and focused is window.form.editors["prepared_by.email"]
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is focused)
    qtbot.waitUntil(lambda: not focused.visibleRegion().isEmpty())  # scrolled to, not just focused
    window.saver.flush()
    assert isinstance(focused, QWidget)


def test_a_long_title_shows_its_beginning_once_the_cursor_has_left(qtbot, make_window, seeded_store):
    """Typed on at its end and left with Tab, a title longer than its field went on showing its
    end, its opening words cut off at the left edge ("opsavilkums par …")."""
    window = make_window(seeded_store)
    title = editor(window, "title")
    type_at_end(qtbot, title, " (labots)")
    assert title.cursorRect().left() > title.width() // 2  # the end is what shows while typing
    press(qtbot, Qt.Key.Key_Tab)
    assert focused() is not title
    assert title.cursorPosition() == 0 and title.cursorRect().left() < title.width() // 4
