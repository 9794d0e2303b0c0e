"""The real window, driven as a user drives it: type, click, use shortcuts, close, reopen."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from PySide6.QtCore import QDate, QEvent, Qt
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import QApplication, QWidget

from kopsavilkums.messages import Message


def editor(window, path):
    return window.form.editors[path]


def type_into(qtbot, widget, text):
    """Type as a keyboard does. QTest only knows ASCII keys, so other letters (ā, š, 🌍) arrive
    as key events carrying their text, as from a Latvian keyboard layout."""
    widget.setFocus()
    for ch in text:
        if ch.isascii():
            qtbot.keyClick(widget, ch)
        else:
            for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                QApplication.sendEvent(widget, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, ch))


def set_date(widget, day):
    widget.setText(f"{day:%d.%m.%Y}")
    widget.editingFinished.emit()


def saved(window):
    return not window.saver.dirty and window.saved_label.text().startswith("Saved")


def fill_everything(qtbot, window):
    """Fill every row of the official form the way a user would."""
    type_into(qtbot, editor(window, "title"), "Kopsavilkums par <testa> & izpildi")
    type_into(qtbot, editor(window, "task"), "Jauniešu līdzdalība 🌍")
    type_into(qtbot, editor(window, "performer"), 'Biedrība "Tests"')
    type_into(qtbot, editor(window, "delegating_authority"), "Kultūras ministrija")
    type_into(qtbot, editor(window, "contract"), "Līgums Nr. 7")
    set_date(editor(window, "period.start"), date(2021, 1, 1))
    set_date(editor(window, "period.end"), date(2022, 12, 31))
    type_into(qtbot, editor(window, "introduction"), "Lai veicinātu līdzdalību:")
    objectives = editor(window, "objectives")
    objectives.add()
    objectives.model.setData(objectives.model.index(0, 1), "Stiprināt jauniešu organizācijas")
    indicators = editor(window, "indicators")
    indicators.add()
    indicators.model.setData(indicators.model.index(0, 1), "Notikuši 12 semināri")
    indicators.model.setData(indicators.model.index(0, 2), "12")
    indicators.model.setData(indicators.model.index(0, 3), "12")
    type_into(qtbot, editor(window, "assessment"), "Mērķi sasniegti.")
    budget = window.form.budget_model
    for row, (planned, actual) in enumerate((("10 000,00", "9 876,54"), ("20000", "20000"))):
        assert budget.setData(budget.index(row, 1), planned)
        assert budget.setData(budget.index(row, 2), actual)
    type_into(qtbot, editor(window, "other_information"), "Nekas cits.")
    type_into(qtbot, editor(window, "signatory.name"), "Anna Bērziņa")
    type_into(qtbot, editor(window, "signatory.position"), "valdes priekšsēdētāja")
    set_date(editor(window, "signatory.date"), date(2023, 1, 15))
    type_into(qtbot, editor(window, "prepared_by.name"), "Jānis Kalniņš")
    type_into(qtbot, editor(window, "prepared_by.phone"), "+371 20000000")
    type_into(qtbot, editor(window, "prepared_by.email"), "janis@example.lv")


def test_new_draft_puts_the_cursor_in_the_title(qtbot, make_window):
    window = make_window()
    assert window.draft_id is None and window.doc.read_only  # nothing to edit yet
    window.actions["new"].trigger()
    assert window.draft_id is not None and not window.doc.read_only
    qtbot.waitUntil(lambda: QApplication.focusWidget() is editor(window, "title"))
    assert window.drafts_model.rowCount() == 1


def test_fill_every_row_autosave_close_and_find_it_all_again(qtbot, make_window, open_store):
    window = make_window()
    window.new_draft()
    fill_everything(qtbot, window)
    assert window.isWindowModified()
    qtbot.waitUntil(lambda: saved(window), timeout=10_000)
    assert "Kopsavilkums par <testa> & izpildi" in window.windowTitle()
    # another process sees it while the window is open
    other = open_store()
    assert [d.title for d in other.list()] == ["Kopsavilkums par <testa> & izpildi"]
    window.close()

    again = make_window(open_store())
    r = again.doc.report
    assert again.draft_id == window.draft_id  # the last draft is reopened
    assert (r.title, r.task, r.performer) == (
        "Kopsavilkums par <testa> & izpildi",
        "Jauniešu līdzdalība 🌍",
        'Biedrība "Tests"',
    )
    assert (r.delegating_authority, r.contract) == ("Kultūras ministrija", "Līgums Nr. 7")
    assert (r.period.start, r.period.end) == (date(2021, 1, 1), date(2022, 12, 31))
    assert [o.text for o in r.objectives] == ["Stiprināt jauniešu organizācijas"]
    assert [(i.text, i.planned, i.achieved) for i in r.indicators] == [("Notikuši 12 semināri", "12", "12")]
    assert [(b.year, b.planned, b.actual) for b in r.budget] == [
        (2021, Decimal("10000.00"), Decimal("9876.54")),
        (2022, Decimal("20000.00"), Decimal("20000.00")),
    ]
    assert (r.assessment, r.other_information) == ("Mērķi sasniegti.", "Nekas cits.")
    assert (r.signatory.name, r.signatory.position, r.signatory.date) == (
        "Anna Bērziņa",
        "valdes priekšsēdētāja",
        date(2023, 1, 15),
    )
    assert (r.prepared_by.name, r.prepared_by.phone, r.prepared_by.email) == (
        "Jānis Kalniņš",
        "+371 20000000",
        "janis@example.lv",
    )
    # and it shows in the widgets, formatted the Latvian way
    assert editor(again, "title").text() == "Kopsavilkums par <testa> & izpildi"
    assert again.form.budget_model.index(0, 2).data() == "9\u00a0876,54"
    assert again.problems_model.counts()[0] == 0


def test_ctrl_s_saves_at_once(qtbot, make_window, open_store):
    window = make_window()
    window.new_draft()
    type_into(qtbot, editor(window, "title"), "Steidzami")
    window.saver.timer.setInterval(60_000)  # no autosave: only Ctrl+S can save it now
    window.saver.timer.start()
    qtbot.keySequence(window, QKeySequence("Ctrl+S"))
    qtbot.waitUntil(lambda: saved(window))
    assert open_store().load(window.draft_id).title == "Steidzami"


def test_a_pasted_line_break_in_a_single_line_field_becomes_a_space(qtbot, make_window):
    window = make_window()
    window.new_draft()
    QApplication.clipboard().setText('Biedrība\n"Rīgas\r\nforums"')
    field = editor(window, "performer")
    field.setFocus()
    field.paste()
    assert window.doc.report.performer == 'Biedrība "Rīgas forums"'
    assert field.text() == 'Biedrība "Rīgas forums"'


def test_indicators_add_reorder_duplicate_delete_with_undo(qtbot, make_window):
    window = make_window()
    window.new_draft()
    rows = editor(window, "indicators")
    model = rows.model
    for text in ("pirmais", "otrais", "trešais"):
        rows.add()
        QApplication.focusWidget().setPlainText(text)  # the multi-line cell editor opened
        rows.table.commitData(QApplication.focusWidget())
        rows.table.closeEditor(QApplication.focusWidget(), rows.table.itemDelegate().EndEditHint.NoHint)
    assert [i.text for i in window.doc.report.indicators] == ["pirmais", "otrais", "trešais"]

    rows.table.select_ids([model.row_id(2)])
    rows.table.setFocus()
    qtbot.keyClick(rows.table, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)  # move up
    assert [i.text for i in window.doc.report.indicators] == ["pirmais", "trešais", "otrais"]
    assert model.index(1, 0).data() == "2)"
    rows.actions_by_name["duplicate"].trigger()
    assert [i.text for i in window.doc.report.indicators] == ["pirmais", "trešais", "trešais", "otrais"]
    rows.table.select_ids([model.row_id(0)])
    rows.actions_by_name["delete"].trigger()
    assert [i.text for i in window.doc.report.indicators] == ["trešais", "trešais", "otrais"]

    window.actions["undo"].trigger()
    assert [i.text for i in window.doc.report.indicators] == ["pirmais", "trešais", "trešais", "otrais"]
    qtbot.keySequence(window, QKeySequence("Ctrl+Z"))
    qtbot.keySequence(window, QKeySequence("Ctrl+Z"))
    assert [i.text for i in window.doc.report.indicators] == ["pirmais", "otrais", "trešais"]
    qtbot.keySequence(window, QKeySequence("Ctrl+Y"))
    assert [i.text for i in window.doc.report.indicators] == ["pirmais", "trešais", "otrais"]


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
    button = field._calendar_action
    assert not button.icon().isNull() and button.icon().availableSizes()  # the calendar PNGs were found
    assert not window.windowIcon().isNull()
    field.setFocus()
    qtbot.keyClick(field, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    calendar = field.calendar()
    qtbot.waitUntil(calendar.isVisible)
    today = QDate.currentDate()
    assert (calendar.yearShown(), calendar.monthShown()) == (today.year(), today.month())  # not January 1900
    calendar.clicked.emit(QDate(2019, 8, 12))
    assert not calendar.isVisible()
    assert field.text() == "12.08.2019." and window.doc.get("period.start") == date(2019, 8, 12)


def test_typing_over_a_date_replaces_it_whole(qtbot, make_window):
    """A day that does not fit the month on screen (31.07 typed over 05.06) is not clamped."""
    window = make_window()
    window.new_draft()
    field = editor(window, "signatory.date")
    set_date(field, date(2020, 6, 5))
    field.selectAll()
    type_into(qtbot, field, "31.07.2021")
    qtbot.keyClick(field, Qt.Key.Key_Tab)
    assert window.doc.get("signatory.date") == date(2021, 7, 31)
    assert field.text() == "31.07.2021."


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


def test_the_period_reshapes_the_budget_and_asks_before_dropping_money(qtbot, make_window, monkeypatch):
    window = make_window()
    window.new_draft()
    set_date(editor(window, "period.start"), date(2019, 8, 12))
    set_date(editor(window, "period.end"), date(2020, 10, 31))
    budget = window.form.budget_model
    assert [budget.index(r, 0).data() for r in range(budget.rowCount())] == ["2019.gads", "2020.gads", "Total"]
    budget.setData(budget.index(0, 1), "31 830,96")
    questions = []
    monkeypatch.setattr(window, "ask_yes_no", lambda q: questions.append(q) or True)
    set_date(editor(window, "period.start"), date(2020, 1, 1))
    assert questions and "2019" in questions[0]
    assert [b.year for b in window.doc.report.budget] == [2020]
    window.actions["undo"].trigger()
    assert [b.year for b in window.doc.report.budget] == [2019, 2020]
    assert window.doc.report.budget[0].planned == Decimal("31830.96")
    assert editor(window, "period.start").text() == "12.08.2019."


def test_clicking_a_problem_takes_the_cursor_to_its_field(qtbot, make_window):
    window = make_window()
    window.new_draft()
    type_into(qtbot, editor(window, "title"), "Virsraksts")
    qtbot.waitUntil(lambda: window.problems_model.rowCount() > 0 and "Errors:" in window.counts_label.text())
    model = window.problems_model
    row = next(
        r for r in range(model.rowCount()) if model.index(r, 0).data(Qt.ItemDataRole.UserRole + 1).path == "performer"
    )
    assert window.form.messages["performer"].isVisible()  # also shown beside the field
    assert "required" in window.form.messages["performer"].text()
    window.problems_view.clicked.emit(model.index(row, 0))
    assert QApplication.focusWidget() is editor(window, "performer")
    errors, warnings = model.counts()
    assert window.counts_label.text() == f"Errors: {errors} · Warnings: {warnings}"


def test_a_problem_in_an_indicator_row_selects_that_row(qtbot, make_window, seeded_store):
    window = make_window(seeded_store)
    rows = editor(window, "indicators")
    model = rows.model
    target = model.row_id(3)
    model.setData(model.index(3, model.column_of("planned")), "10")
    model.setData(model.index(3, model.column_of("achieved")), "5")
    window.revalidate()
    problem = next(p for p in window.problems_model.problems if p.row_id == target)
    window.form.focus_path(problem.path, problem.row_id)
    assert rows.table.currentIndex().row() == 3
    assert rows.table.currentIndex().column() == model.column_of("note")


def test_export_pdf_holds_the_typed_values(qtbot, make_window, tmp_path, monkeypatch):
    from pypdf import PdfReader

    window = make_window()
    window.new_draft()
    fill_everything(qtbot, window)
    target = tmp_path / "out" / "kopsavilkums.pdf"
    target.parent.mkdir()
    proposed = []

    def dialog(parent, caption, directory, filter_):
        proposed.append(directory)
        return str(target), filter_

    monkeypatch.setattr("kopsavilkums.ui.window.QFileDialog.getSaveFileName", dialog)
    with qtbot.waitSignal(window.pdf_ready, timeout=20_000):
        qtbot.keySequence(window, QKeySequence("Ctrl+Shift+E"))
    assert proposed[0].endswith("Kopsavilkums_Tests_2021-2022.pdf")
    text = "".join(page.extract_text() for page in PdfReader(target).pages)
    for typed in (
        "Kopsavilkums par <testa> & izpildi",
        'Biedrība "Tests"',
        "Notikuši 12 semināri",
        "9 876,54",
        "Anna Bērziņa",
    ):
        assert typed in text.replace("\u00a0", " ")


def test_submitted_only_without_errors_then_read_only_and_reopened(qtbot, make_window, monkeypatch):
    window = make_window()
    window.new_draft()
    monkeypatch.setattr(window, "show_error", lambda message: None)
    type_into(qtbot, editor(window, "title"), "Tikai virsraksts")
    assert window.mark_submitted() is False  # errors: refused
    assert not window.doc.read_only
    fill_everything(qtbot, window)
    window.actions["submit"].trigger()
    assert window.status == "submitted" and window.doc.read_only
    assert editor(window, "title").isReadOnly() and editor(window, "assessment").isReadOnly()
    rows = editor(window, "indicators")
    assert not rows.actions_by_name["add"].isEnabled()
    before = window.doc.report.title
    type_into(qtbot, editor(window, "title"), "XYZ")
    assert window.doc.report.title == before
    assert window.drafts_model.index(0, 4).data() == "Submitted"
    window.actions["reopen"].trigger()
    assert not window.doc.read_only and not editor(window, "title").isReadOnly()


def test_a_failing_save_keeps_the_edits_and_says_so(qtbot, make_window, monkeypatch):
    window = make_window()
    window.new_draft()
    real_save = window.store.save

    def disk_full(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(window.store, "save", disk_full)
    type_into(qtbot, editor(window, "title"), "Nepazaudēt")
    window.save_now()
    qtbot.waitUntil(lambda: window.saved_label.text() == "Not saved!")
    assert "No space left" in window.statusBar().currentMessage()
    assert window.doc.report.title == "Nepazaudēt" and window.saver.dirty
    monkeypatch.setattr(window.store, "save", real_save)
    window.save_now()
    qtbot.waitUntil(lambda: saved(window))
    assert window.store.load(window.draft_id).title == "Nepazaudēt"


def _changed_elsewhere(open_store, draft, title="Citu"):
    """Another window (its own store) saves the draft with another title."""
    other = open_store()
    theirs = other.load(draft)
    theirs.title = title
    other.save(theirs, draft)


def test_a_conflict_with_another_window_keeps_mine_as_a_copy(qtbot, make_window, open_store, monkeypatch):
    window = make_window()
    first = window.new_draft()
    _changed_elsewhere(open_store, first, "Citu versija")
    monkeypatch.setattr(window, "ask_conflict", lambda message: "copy")
    type_into(qtbot, editor(window, "title"), "Mana versija")
    window.save_now()
    qtbot.waitUntil(lambda: window.draft_id != first)
    qtbot.waitUntil(lambda: not window.saver.dirty)
    titles = sorted(d.title for d in open_store().list())
    assert titles == ["Citu versija", "Mana versija"]


def test_a_conflict_can_load_the_other_version(qtbot, make_window, open_store, monkeypatch):
    window = make_window()
    first = window.new_draft()
    _changed_elsewhere(open_store, first, "Citu versija")
    monkeypatch.setattr(window, "ask_conflict", lambda message: "reload")
    type_into(qtbot, editor(window, "title"), "Mana")
    copy = window.saver.recovery.path(first)
    qtbot.waitUntil(copy.exists)
    window.save_now()
    qtbot.waitUntil(lambda: window.doc.report.title == "Citu versija")
    assert editor(window, "title").text() == "Citu versija"
    window.saver.pool.waitForDone()
    assert not copy.exists()  # "Mana" was given up: not offered again after a restart


def test_drafts_duplicate_trash_restore_and_search(qtbot, make_window, seeded_store):
    window = make_window(seeded_store)
    original = window.draft_id
    window.actions["duplicate"].trigger()
    assert window.draft_id != original and window.drafts_model.rowCount() == 2
    window.actions["delete"].trigger()
    assert window.drafts_model.rowCount() == 1
    window.drafts_panel.show_trash.setChecked(True)
    assert window.drafts_model.rowCount() == 1
    window.drafts_panel.table.selectRow(0)
    window.actions["restore"].trigger()
    assert window.drafts_model.rowCount() == 2 and not window.drafts_panel.show_trash.isChecked()
    window.drafts_panel.search.setText("nav tāda")
    assert window.drafts_panel.proxy.rowCount() == 0
    window.drafts_panel.search.setText("kurzemes")
    assert window.drafts_panel.proxy.rowCount() == 2


def test_next_report_copies_what_stays_and_clears_results(qtbot, make_window, seeded_store):
    window = make_window(seeded_store)
    before = window.doc.report.copy()
    window.actions["next_report"].trigger()
    r = window.doc.report
    assert r.performer == before.performer and [o.text for o in r.objectives] == [o.text for o in before.objectives]
    assert all(i.achieved == "" for i in r.indicators)
    assert r.period.start == date(2020, 11, 1)
    assert all(b.planned is None and b.actual is None for b in r.budget)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is editor(window, "title"))


def test_import_and_export_of_draft_files(qtbot, make_window, tmp_path):
    from tests.conftest import COMPLETE

    from kopsavilkums import exchange

    window = make_window()
    window.import_file(str(COMPLETE))
    assert window.doc.report.performer == exchange.read(COMPLETE).performer
    out = tmp_path / "copy.kopsavilkums.json"
    assert window.export_file(out)
    assert exchange.to_document(exchange.read(out)) == exchange.to_document(exchange.read(COMPLETE))


def test_a_broken_draft_file_is_refused_with_the_place_named(qtbot, make_window, tmp_path, monkeypatch):
    bad = tmp_path / "bad.json"
    bad.write_text(
        '{"format": "kopsavilkums", "version": 1, "report": {"budget": [{"year": 2019, "planned": "12,3,4"}]}}'
    )
    window = make_window()
    shown = []
    monkeypatch.setattr(window, "show_error", shown.append)
    assert window.import_file(str(bad)) is None
    assert "report.budget[0].planned" in shown[0]


def test_huge_and_odd_text_is_just_data(qtbot, make_window):
    window = make_window()
    window.new_draft()
    huge = ("Ļoti garš <b>teksts</b> & \t tabulācija 😀\n" * 8000)[:300_000]
    editor(window, "assessment").setPlainText(huge)
    assert window.doc.report.assessment == huge
    window.saver.flush()
    assert window.store.load(window.draft_id).assessment == huge


def test_nav_choice_for_irregular_expenditure(qtbot, make_window):
    window = make_window()
    window.new_draft()
    some = window.findChild(type(window.form.editors["irregular_expenditure:none"]), "irregular_expenditure:amount")
    some.click()
    amount = editor(window, "irregular_expenditure.amount")
    assert amount.isEnabled()
    type_into(qtbot, amount, "1234,5")
    amount.editingFinished.emit()
    assert window.doc.report.irregular_expenditure.amount == Decimal("1234.50")
    assert amount.text() == "1\u00a0234,50"
    window.form.editors["irregular_expenditure:none"].click()
    assert window.doc.report.irregular_expenditure.is_none
    window.actions["undo"].trigger()
    assert window.doc.report.irregular_expenditure.amount == Decimal("1234.50")


def test_a_typo_in_an_amount_is_shown_and_not_stored(qtbot, make_window):
    window = make_window()
    window.new_draft()
    window.findChild(type(window.form.editors["irregular_expenditure:none"]), "irregular_expenditure:amount").click()
    amount = editor(window, "irregular_expenditure.amount")
    type_into(qtbot, amount, "12,3,4")
    amount.editingFinished.emit()
    message = window.form.messages["irregular_expenditure.amount:input"]
    assert message.isVisible() and "12,3,4" in message.text()
    assert window.doc.report.irregular_expenditure.amount is None


@pytest.mark.parametrize("answer", [True, False])
def test_unsaved_changes_after_a_crash_are_offered_at_the_next_start(
    qtbot, make_window, open_store, data_dir, monkeypatch, answer
):
    window = make_window()
    window.new_draft()
    window.saver.timer.setInterval(60_000)  # the crash comes before the autosave
    type_into(qtbot, editor(window, "title"), "Neglabāts")
    copy = window.saver.recovery.path(window.draft_id)
    qtbot.waitUntil(copy.exists)
    window.saver.pool.waitForDone()
    window.saver.attach(None)  # simulate the process dying: nothing more is saved
    window.close()  # ... and its lock going with it

    again = make_window(open_store())
    monkeypatch.setattr(again, "ask_yes_no", lambda question: answer)
    again.application.offer_recovery()
    again.saver.flush()
    title = open_store().load(window.draft_id).title
    assert title == ("Neglabāts" if answer else "")
    assert not copy.exists()


def test_two_windows_that_crash_with_unsaved_edits_both_get_them_back(
    qtbot, make_window, open_store, data_dir, monkeypatch
):
    """Each draft keeps its own recovery copy: one window saving (or crashing) never takes the
    other window's unsaved edits with it."""
    first, second = make_window(), make_window(open_store())
    for window, title in ((first, "Pirmā neglabātā"), (second, "Otrā neglabātā")):
        window.new_draft()
        window.saver.timer.setInterval(60_000)
        type_into(qtbot, editor(window, "title"), title)
    qtbot.waitUntil(lambda: len(list((data_dir / "unsaved").glob("*.json"))) == 2)
    type_into(qtbot, editor(second, "task"), "Saglabāts")
    second.saver.flush()  # the second saves its draft; the first's copy must stay
    type_into(qtbot, editor(second, "performer"), "Atkal neglabāts")
    qtbot.waitUntil(lambda: len(list((data_dir / "unsaved").glob("*.json"))) == 2)
    for window in (first, second):
        window.saver.pool.waitForDone()
        window.saver.attach(None)  # both processes die
        window.close()

    again = make_window(open_store())
    asked = []
    monkeypatch.setattr(again, "ask_yes_no", lambda question: asked.append(question) or True)
    again.application.offer_recovery()
    again.saver.flush()
    store = open_store()
    assert store.load(first.draft_id).title == "Pirmā neglabātā"
    assert store.load(second.draft_id).title == "Otrā neglabātā"
    assert store.load(second.draft_id).performer == "Atkal neglabāts"
    assert len(asked) == 2 and not list((data_dir / "unsaved").glob("*.json"))


def test_two_windows_on_the_same_draft_keep_separate_recovery_copies(qtbot, make_window, open_store, monkeypatch):
    """The second window saving the draft removes its own copy, never the first window's, whose
    edits are not saved yet."""
    first = make_window()
    draft = first.new_draft()
    second = make_window(open_store())
    second.open_draft(draft)
    for window in (first, second):
        monkeypatch.setattr(window, "ask_conflict", lambda message: "copy")
    for window, title in ((first, "Pirmā"), (second, "Otrā")):
        window.saver.timer.setInterval(60_000)
        type_into(qtbot, editor(window, "title"), title)
    qtbot.waitUntil(lambda: len(sorted(first.data_dir.joinpath("unsaved").glob(f"{draft}.*.json"))) == 2)
    assert second.saver.flush()
    second.saver.pool.waitForDone()
    [left] = first.data_dir.joinpath("unsaved").glob(f"{draft}.*.json")
    assert left == first.saver.recovery.path(draft) and first.saver.dirty
    assert first.saver.flush()  # the conflict: the first window's version is kept as a copy
    assert first.draft_id != draft and open_store().load(first.draft_id).title == "Pirmā"
    first.saver.pool.waitForDone()
    assert not list(first.data_dir.joinpath("unsaved").glob("*.json"))


def test_delete_after_a_conflict_kept_as_a_copy_trashes_nothing_of_mine(qtbot, make_window, open_store, monkeypatch):
    window = make_window()
    draft = window.new_draft()
    monkeypatch.setattr(window, "ask_conflict", lambda message: "copy")
    window.saver.timer.setInterval(60_000)
    type_into(qtbot, editor(window, "title"), "Mana")
    _changed_elsewhere(open_store, draft)
    window.delete_draft()  # saving first finds the conflict; "keep mine as a copy"
    store = open_store()
    assert sorted(d.title for d in store.list()) == ["Citu", "Mana"]
    assert store.list(trashed=True) == []
    assert window.doc.report.title == "Mana"


def test_a_conflict_found_while_switching_drafts_is_asked_once(qtbot, make_window, open_store, monkeypatch):
    window = make_window()
    other_draft = window.new_draft()
    draft = window.new_draft()
    asked = []
    monkeypatch.setattr(window, "ask_conflict", lambda message: asked.append(message) or "copy")
    type_into(qtbot, editor(window, "title"), "Mana")
    _changed_elsewhere(open_store, draft)
    window.save_now()  # an autosave on its way, which will meet the conflict ...
    assert window.open_draft(other_draft)  # ... while the user switches drafts
    qtbot.wait(200)  # its late answer arrives too
    assert len(asked) == 1 and window.draft_id == other_draft
    assert sorted(d.title for d in open_store().list()) == ["", "Citu", "Mana"]


def _crash_with_unsaved_title(qtbot, window, title, monkeypatch):
    window.saver.timer.setInterval(60_000)
    type_into(qtbot, editor(window, "title"), title)
    qtbot.waitUntil(window.saver.recovery.path(window.draft_id).exists)
    window.saver.pool.waitForDone()
    window.saver.attach(None)  # the process dies
    window.close()


def test_recovered_edits_never_overwrite_a_draft_saved_again_since(qtbot, make_window, open_store, monkeypatch):
    window = make_window()
    draft = window.new_draft()
    _crash_with_unsaved_title(qtbot, window, "Neglabātā", monkeypatch)
    other = open_store()  # meanwhile another window saved the draft again
    newer = other.load(draft)
    newer.title = "Jaunāka versija"
    other.save(newer, draft)

    again = make_window(open_store())
    monkeypatch.setattr(again, "ask_yes_no", lambda question: True)
    again.application.offer_recovery()
    store = open_store()
    titles = sorted(d.title for d in store.list())
    assert titles == ["Jaunāka versija", "Neglabātā"]  # kept beside it, not over it
    assert store.load(draft).title == "Jaunāka versija"
    assert "kept as a new draft" in again.statusBar().currentMessage()


def test_a_restore_that_cannot_be_saved_keeps_the_copy_for_next_time(
    qtbot, make_window, open_store, monkeypatch, data_dir
):
    from kopsavilkums.store import RecoveryCopies, StoreBusy

    window = make_window()
    window.new_draft()
    _crash_with_unsaved_title(qtbot, window, "Neglabātā", monkeypatch)
    again = make_window(open_store())
    monkeypatch.setattr(again, "ask_yes_no", lambda question: True)
    monkeypatch.setattr(again, "show_error", lambda message: None)
    monkeypatch.setattr(again, "leave_current", lambda: False)  # e.g. the open draft cannot be left

    def busy(*args, **kwargs):
        raise StoreBusy(Message(lv="aizņemts", en="busy"))

    monkeypatch.setattr(again.store, "save", busy)
    again.application.offer_recovery()
    [found] = RecoveryCopies(data_dir).pending()
    assert found.report.title == "Neglabātā"
    assert open_store().load(window.draft_id).title == ""  # and nothing else was overwritten


def test_a_budget_typo_message_goes_once_the_amount_is_corrected(qtbot, make_window, seeded_store):
    window = make_window(seeded_store)
    budget, message = window.form.budget_model, window.form.messages["budget:input"]
    assert not budget.setData(budget.index(1, 1), "12,3,4")
    assert message.isVisible() and "12,3,4" in message.text()
    qtbot.wait(400)  # the check after it finds what it found before: the list is left alone
    assert budget.setData(budget.index(1, 1), "12,34")
    assert not message.isVisible()


def test_a_check_that_fails_says_not_checked_rather_than_checking_for_ever(
    qtbot, make_window, seeded_store, monkeypatch
):
    from kopsavilkums.ui import window as window_module

    def broken(report, final=False):
        raise RuntimeError("the check broke")

    monkeypatch.setattr(window_module, "validate", broken)
    window = make_window(seeded_store)
    qtbot.waitUntil(lambda: window.counts_label.text() == "Not checked")
    assert "the check broke" in window.statusBar().currentMessage()


def test_every_input_has_an_accessible_name_and_tab_walks_the_form_in_order(qtbot, make_window, seeded_store):
    from PySide6.QtWidgets import (
        QAbstractButton,
        QAbstractItemView,
        QAbstractSpinBox,
        QHeaderView,
        QLineEdit,
        QPlainTextEdit,
    )

    window = make_window(seeded_store)
    inputs = [
        w
        for w in window.findChildren(QWidget)
        if isinstance(w, (QLineEdit, QPlainTextEdit, QAbstractSpinBox, QAbstractItemView))
        and not isinstance(w, QHeaderView)
        and w.isVisibleTo(window)
        and not isinstance(w.parent(), QAbstractSpinBox)
    ]
    unnamed = [
        w.objectName() or type(w).__name__ for w in inputs if not w.accessibleName() and not _has_buddy_label(window, w)
    ]
    assert unnamed == []
    buttons = [b for b in window.findChildren(QAbstractButton) if b.isVisibleTo(window)]
    assert all(
        b.text() or b.accessibleName() or (b.defaultAction() if hasattr(b, "defaultAction") else None) for b in buttons
    )
    # Tab goes down the form in the document's order
    title = editor(window, "title")
    title.setFocus()
    order = []
    for _ in range(4):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        order.append(QApplication.focusWidget())
    assert order[:3] == [editor(window, "task"), editor(window, "performer"), editor(window, "delegating_authority")]


def _has_buddy_label(window, widget):
    from PySide6.QtWidgets import QLabel

    return any(label.buddy() is widget for label in window.findChildren(QLabel))


def test_long_text_editors_grow_with_their_content(qtbot, make_window):
    window = make_window()
    window.new_draft()
    assessment = editor(window, "assessment")
    small = assessment.sizeHint().height()
    assessment.setPlainText("\n".join(f"{n}. rinda" for n in range(12)))
    assert assessment.sizeHint().height() > small


def test_kopsavilkums_list_works_in_another_process_while_the_window_is_open(qtbot, make_window, data_dir):
    import subprocess
    import sys

    window = make_window()
    window.new_draft()
    type_into(qtbot, editor(window, "title"), "Atvērts logā")
    qtbot.waitUntil(lambda: saved(window), timeout=10_000)
    listed = subprocess.run(
        [sys.executable, "-m", "kopsavilkums", "--data-dir", str(data_dir), "list"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert listed.returncode == 0, listed.stderr
    assert "Atvērts logā" in listed.stdout


def test_a_narrow_window_never_scrolls_the_form_sideways(qtbot, make_window, seeded_store):
    """At 150 % scaling a laptop's window is narrow: the row buttons wrap and the tables scroll
    inside themselves, so every field stays reachable without a horizontal scroll bar."""
    from PySide6.QtWidgets import QScrollArea

    window = make_window(seeded_store)
    window.resize(640, 700)
    window.splitter.setSizes([200, 440])
    qtbot.waitUntil(lambda: window.form.width() <= 460)
    QApplication.processEvents()
    area = window.form if isinstance(window.form, QScrollArea) else window.form.findChild(QScrollArea)
    assert area.horizontalScrollBar().maximum() == 0
    rows = editor(window, "indicators")
    buttons = [
        b
        for b in rows.findChildren(QWidget, options=Qt.FindChildOption.FindDirectChildrenOnly)
        if b.isVisible() and b is not rows.table
    ]
    assert len(buttons) == 7 and len({b.y() for b in buttons}) > 1  # all there, on more than one line


def test_a_store_that_refuses_is_told_and_the_draft_stays(qtbot, make_window, seeded_store, monkeypatch):
    from kopsavilkums.store import StoreBusy

    window = make_window(seeded_store)
    shown = []
    monkeypatch.setattr(window, "show_error", shown.append)

    def busy(_draft_id):
        raise StoreBusy(
            Message(lv="melnrakstu failu izmanto cita programma", en="the drafts file is in use by another program")
        )

    monkeypatch.setattr(window.store, "delete", busy)
    draft_id = window.draft_id
    window.delete_draft()
    assert shown == ["the drafts file is in use by another program"]
    assert window.draft_id == draft_id and [d.id for d in seeded_store.list()] == [draft_id]


@pytest.mark.parametrize("replacement", [b"", b"{}"], ids=["damaged", "emptied"])
def test_a_drafts_file_damaged_while_the_window_is_open_is_restored_and_told_once(
    qtbot, make_window, seeded_store, data_dir, monkeypatch, replacement
):
    from kopsavilkums.paths import store_path

    window = make_window(seeded_store)
    told = []
    monkeypatch.setattr(window, "show_error", told.append)
    draft_id = window.draft_id
    store_path(data_dir).write_bytes(replacement)  # e.g. a sync tool replaced it meanwhile
    window.refresh_drafts()
    assert [window.drafts_model.index(r, 0).data() for r in range(window.drafts_model.rowCount())] == [
        window.doc.report.title
    ]
    assert len(told) == 1 and "backup" in told[0]
    window.refresh_drafts()
    window.open_draft(draft_id)
    assert len(told) == 1  # once, not at every later store call


def test_the_form_below_the_first_screen_comes_a_moment_after_the_window(
    qtbot, data_dir, open_store, seed_report, english
):
    """The window shows the top of the form at once and builds the sections below on the next
    turns of the event loop; they come up with the draft's values, read-only for a submitted
    draft, and Tab still walks the whole form in the document's order."""
    from PySide6.QtWidgets import QRadioButton

    from kopsavilkums.ui.app import Application

    store = open_store()
    draft = store.save(seed_report)
    store.set_status(draft, "submitted")
    window = Application(store, data_dir).show_window()
    qtbot.addWidget(window)
    form = window.form
    assert window.isVisible() and not form.is_built
    assert form._editors["title"].text() == seed_report.title and form._editors["title"].isReadOnly()
    assert "signatory.name" not in form._editors

    qtbot.waitUntil(lambda: form.is_built)
    signatory = form.editors["signatory.name"]
    assert signatory.text() == seed_report.signatory.name and signatory.isReadOnly()
    assert form.editors["assessment"].toPlainText() == seed_report.assessment
    assert not any(b.isEnabled() for b in window.findChildren(QRadioButton))
    assert not form.editors["indicators"].actions_by_name["add"].isEnabled()
    assert form.editors["budget"].model().rowCount() == len(seed_report.budget) + 1  # and the total

    window.actions["reopen"].trigger()
    assert not signatory.isReadOnly()
    form.editors["signatory.position"].setFocus()
    qtbot.keyClick(form.editors["signatory.position"], Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is form.editors["signatory.date"]


def test_asking_for_a_section_not_yet_built_builds_the_rest_at_once(qtbot, data_dir, open_store, seed_report, english):
    from kopsavilkums.ui.app import Application

    store = open_store()
    store.save(seed_report)
    window = Application(store, data_dir).show_window()
    qtbot.addWidget(window)
    assert not window.form.is_built
    focused = window.form.focus_path("prepared_by.email")  # e.g. a click on a problem at once
    assert window.form.is_built and focused is window.form.editors["prepared_by.email"]
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is focused)
    qtbot.waitUntil(lambda: not focused.visibleRegion().isEmpty())  # scrolled to, not just focused
    window.saver.flush()


def test_an_unchanged_check_leaves_the_shown_problems_alone(qtbot, make_window, seeded_store, monkeypatch):
    """Typing re-checks the draft after each pause; when the answer is the same, the hundreds of
    warnings a big draft can have are not laid out again (that stalled typing by ~25 ms; the
    stall itself is measured in tests/benchmarks/bench_window.py)."""
    window = make_window(seeded_store)
    qtbot.waitUntil(lambda: window.problems is not None and window.problems_model.rowCount() > 0)
    shown = []
    real = window.form.show_problems
    monkeypatch.setattr(window.form, "show_problems", lambda problems: (shown.append(problems), real(problems)))
    checks = window._validations
    type_into(qtbot, editor(window, "other_information"), "Papildu teikums.")
    qtbot.waitUntil(lambda: window._validations > checks and not window._validate_timer.isActive())
    qtbot.wait(300)  # the worker's answer
    assert shown == []
    editor(window, "performer").selectAll()
    qtbot.keyClick(editor(window, "performer"), Qt.Key.Key_Delete)  # a new error
    qtbot.waitUntil(lambda: len(shown) == 1)
    assert any(p.path == "performer" and p.is_error for p in shown[0])
    assert window.form.messages["performer"].isVisible()
