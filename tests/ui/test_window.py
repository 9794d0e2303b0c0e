"""The window as a whole: what it shows, how it opens, its size, Tab through the form."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QApplication, QWidget

from .driving import editor, saved, set_date, type_into


def fill_everything(qtbot, window):
    """Fill every row of the official form (the keyboard alone does it in test_keyboard.py)."""
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
    window.commands["new"].trigger()
    assert window.draft_id is not None and not window.doc.read_only
    qtbot.waitUntil(lambda: QApplication.focusWidget() is editor(window, "title"))
    assert window.drafts_model.rowCount() == 1


def test_with_no_draft_open_the_form_takes_no_typing(qtbot, make_window):
    """Nothing open: the fields do not take the cursor (and so cannot seem to ignore typing),
    and the banner says how to start, naming both commands as the menu does."""
    window = make_window()
    title = editor(window, "title")
    assert not title.isEnabled()
    qtbot.mouseClick(title, Qt.MouseButton.LeftButton)
    assert QApplication.focusWidget() is not title
    assert window.banner.isVisible() and "New draft (Ctrl+N)" in window.banner_text.text()
    # Import takes any summary (a PDF, a Word file, a copied web page), not only draft files
    assert "import a summary (Ctrl+I)" in window.banner_text.text()
    window.commands["new"].trigger()
    assert title.isEnabled() and not window.banner.isVisible()


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
    qtbot.waitUntil(lambda: again.problems is not None)
    assert again.counts_label.text().startswith("Errors: 0")


def test_every_input_has_an_accessible_name_and_tab_walks_the_form_in_order(qtbot, make_window, seeded_store):
    from PySide6.QtWidgets import (
        QAbstractButton,
        QAbstractItemView,
        QAbstractSpinBox,
        QHeaderView,
        QLabel,
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
    buddies = {id(label.buddy()) for label in window.findChildren(QLabel) if label.buddy() is not None}
    unnamed = [w.objectName() or type(w).__name__ for w in inputs if not w.accessibleName() and id(w) not in buddies]
    assert unnamed == []
    buttons = [b for b in window.findChildren(QAbstractButton) if b.isVisibleTo(window)]
    assert all(
        b.text() or b.accessibleName() or (b.defaultAction() if hasattr(b, "defaultAction") else None) for b in buttons
    )
    # Tab goes down the form in the document's order
    editor(window, "title").setFocus()
    order = []
    for _ in range(4):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        order.append(QApplication.focusWidget())
    assert order[:3] == [editor(window, "task"), editor(window, "performer"), editor(window, "delegating_authority")]


def test_a_narrow_window_never_scrolls_the_form_sideways(qtbot, make_window, seeded_store):
    """At 150 % scaling a laptop's window is narrow: the row buttons wrap and the tables scroll
    inside themselves, so every field stays reachable without a horizontal scroll bar."""
    window = make_window(seeded_store)
    window.resize(640, 560)
    window.splitter.setSizes([200, 440])
    qtbot.waitUntil(lambda: window.form.width() <= 460)
    QApplication.processEvents()
    assert window.form.scroll_area.horizontalScrollBar().maximum() == 0
    rows = editor(window, "indicators")
    buttons = [b for b in rows.findChildren(QWidget) if b.isVisible() and b.parent() is rows and b is not rows.table]
    assert len(buttons) == 7 and len({b.y() for b in buttons}) > 1  # all there, on more than one line


def test_the_window_fits_the_screen_it_opens_on(qtbot, make_window, seeded_store, open_store):
    """At 150 % scaling a 1920×1080 screen is 1280×720 to Qt: the window opens inside it, and a
    size saved on a bigger screen is brought down to this one."""
    window = make_window(seeded_store)
    available = window.screen().availableGeometry()
    assert available.contains(window.frameGeometry())
    window.resize(available.width() + 400, available.height() + 300)  # as on a bigger screen
    window.close()  # and saved so
    again = make_window(open_store())
    assert again.width() <= available.width() and again.height() <= available.height()
    assert available.contains(again.frameGeometry())


def test_geometry_and_last_draft_are_remembered(qtbot, make_window, seeded_store, open_store):
    window = make_window(seeded_store)
    second = window.new_draft()
    window.resize(740, 520)  # inside the offscreen screen
    size = window.size()
    window.close()
    again = make_window(open_store())
    assert again.draft_id == second
    assert again.size() == size


def heading_fits(table, column):
    """Every line of a column's heading fits its width (measured in bold, the widest it is drawn),
    and all its lines the heading's height."""
    header = table.horizontalHeader()
    font = QFont(header.font())
    font.setBold(True)
    text = table.model().headerData(column, Qt.Orientation.Horizontal)
    lines = text.split("\n")
    widest = max(QFontMetrics(font).horizontalAdvance(line) for line in lines)
    return widest + 8 <= header.sectionSize(column) and len(lines) * QFontMetrics(font).height() <= header.height()


def test_a_window_that_opens_narrow_leaves_the_form_room_for_its_tables(qtbot, make_window, seeded_store, latvian):
    """A 1366×768 screen at 150 % is ~900×500 to Qt (the offscreen screen here is 800 wide): the
    drafts list kept 420 of it, and the form's tables cut their headings and squeezed the
    indicators' texts to a word a line beside a wide note column."""
    window = make_window(seeded_store)  # in Latvian: the longer headings
    assert window.width() < 900
    panel, form = window.splitter.sizes()
    assert panel <= window.width() // 3 < form
    indicators = editor(window, "indicators").table
    budget = editor(window, "budget")
    qtbot.waitUntil(lambda: indicators.isVisible() and budget.isVisible())
    header = indicators.horizontalHeader()
    note = indicators.model().column_of("note")
    assert header.sectionSize(1) >= header.sectionSize(note)  # the text has the room, not the note
    assert indicators.horizontalScrollBar().maximum() == 0
    for column in range(budget.model().columnCount()):
        assert heading_fits(budget, column), budget.model().headerData(column, Qt.Orientation.Horizontal)


def test_at_start_the_cursor_is_in_the_open_draft(qtbot, make_window, seeded_store):
    """The window started with the keyboard focus on the form's scroll area, which shows no
    cursor and takes no typing: the first keys went nowhere."""
    window = make_window(seeded_store)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)
    assert QApplication.focusWidget() is editor(window, "title")
    type_into(qtbot, QApplication.focusWidget(), "X")
    assert window.doc.report.title.endswith("X") or window.doc.report.title.startswith("X")
    bar = window.form.scroll_area.verticalScrollBar()
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_PageDown)  # still scrolls the form
    assert bar.value() > 0


def test_save_and_next_problem_are_offered_only_where_they_do_something(qtbot, make_window, open_store, seed_report):
    """With no draft open, Ctrl+S and F8 (and their menu items) were enabled and did nothing;
    so was Save on a submitted draft, which cannot change."""
    store = open_store()
    store.set_status(store.save(seed_report), "submitted")
    window = make_window(store)
    commands = window.commands
    assert window.doc.read_only and not commands["save"].isEnabled() and commands["next_problem"].isEnabled()
    window.reopen()
    assert commands["save"].isEnabled()
    window.commands["delete"].trigger()  # the only draft: nothing is open now
    assert window.draft_id is None
    assert not commands["save"].isEnabled() and not commands["next_problem"].isEnabled()
    window.commands["new"].trigger()
    assert commands["save"].isEnabled() and commands["next_problem"].isEnabled()
