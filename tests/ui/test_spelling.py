"""Misspelt words underlined in the form as the user types, with suggestions in the context menu
(the interface in English: the text is Latvian all the same)."""

from __future__ import annotations

from PySide6.QtGui import QContextMenuEvent
from PySide6.QtWidgets import QApplication, QLineEdit, QMenu, QPlainTextEdit

from kopsavilkums.ui.window import settings_for

from .driving import click_cell, editor, type_into, type_text


def spelling_ready(qtbot, window):
    window.spelling.start()  # the window starts it by itself a moment after it is up
    qtbot.waitUntil(lambda: window.spelling.speller is not None, timeout=10_000)


def underlined(field: QPlainTextEdit) -> list[str]:
    return [selection.cursor.selectedText() for selection in field.extraSelections()]


def wait_underlined(qtbot, field, words):
    """A multi-line field is checked once typing pauses."""
    qtbot.waitUntil(lambda: underlined(field) == words, timeout=3000)


def red_pixels(field) -> int:
    """The wavy red line's pixels in the field as drawn."""
    image = field.grab().toImage()
    count = 0
    for y in range(image.height()):
        for x in range(image.width()):
            colour = image.pixelColor(x, y)
            count += colour.red() - colour.green() > 80 and colour.red() - colour.blue() > 80
    return count


def open_menu(qtbot, field, word: str) -> QMenu:
    """Right-click on ``word``; the menu that opens."""
    if isinstance(field, QLineEdit):
        target = field
        point = field.cursorRect().center()
        field.setCursorPosition(field.text().index(word) + 1)
        point.setX(field.cursorRect().center().x())
    else:
        target = field.viewport()
        cursor = field.textCursor()
        cursor.setPosition(field.toPlainText().index(word) + 1)
        point = field.cursorRect(cursor).center()
    QApplication.sendEvent(target, QContextMenuEvent(QContextMenuEvent.Reason.Mouse, point, target.mapToGlobal(point)))
    qtbot.waitUntil(lambda: isinstance(QApplication.activePopupWidget(), QMenu))
    return QApplication.activePopupWidget()


def texts_of(menu: QMenu) -> list[str]:
    return [a.text() for a in menu.actions() if not a.isSeparator()]


def choose(menu: QMenu, text: str) -> None:
    (action,) = [a for a in menu.actions() if a.text() == text]
    menu.close()
    action.trigger()


def test_a_misspelt_word_in_the_assessment_is_underlined_and_a_suggestion_replaces_it(qtbot, make_window):
    window = make_window()
    window.new_draft()
    spelling_ready(qtbot, window)
    field = editor(window, "assessment")
    type_into(qtbot, field, "Finansējums izlietots atbilstosi līguma mērķiem.")
    wait_underlined(qtbot, field, ["atbilstosi"])
    menu = open_menu(qtbot, field, "atbilstosi")
    shown = texts_of(menu)
    assert shown[0] == "atbilstoši"  # the best suggestion first
    assert "&Ignore" in shown and "&Add to my dictionary" in shown
    assert any(text.startswith("&Copy") for text in shown)  # the usual commands stay below
    choose(menu, "atbilstoši")
    assert window.doc.report.assessment == "Finansējums izlietots atbilstoši līguma mērķiem."
    wait_underlined(qtbot, field, [])


def test_a_correct_word_offers_no_spelling_commands(qtbot, make_window):
    window = make_window()
    window.new_draft()
    spelling_ready(qtbot, window)
    field = editor(window, "assessment")
    type_into(qtbot, field, "Finansējums izlietots.")
    menu = open_menu(qtbot, field, "izlietots")
    assert "&Ignore" not in texts_of(menu)
    menu.close()


def test_a_word_added_to_my_dictionary_is_known_in_the_next_session(qtbot, make_window, data_dir):
    window = make_window()
    window.new_draft()
    spelling_ready(qtbot, window)
    field = editor(window, "introduction")
    type_into(qtbot, field, "Notika starpkultūru dialogs.")
    wait_underlined(qtbot, field, ["starpkultūru"])
    choose(open_menu(qtbot, field, "starpkultūru"), "&Add to my dictionary")
    wait_underlined(qtbot, field, [])
    assert (data_dir / "personal-words.txt").read_text(encoding="utf-8") == "starpkultūru\n"
    window.close()

    again = make_window()
    again.new_draft()
    spelling_ready(qtbot, again)
    type_into(qtbot, editor(again, "introduction"), "Notika starpkultūru dialogs un kļudas.")
    wait_underlined(qtbot, editor(again, "introduction"), ["kļudas"])


def test_an_ignored_word_is_not_underlined_anywhere_in_the_form(qtbot, make_window, data_dir):
    window = make_window()
    window.new_draft()
    spelling_ready(qtbot, window)
    introduction, assessment = editor(window, "introduction"), editor(window, "assessment")
    type_into(qtbot, introduction, "Jauniešiem patīk kvests.")
    type_into(qtbot, assessment, "Kvests un kvests.")
    wait_underlined(qtbot, assessment, ["Kvests", "kvests"])
    choose(open_menu(qtbot, introduction, "kvests"), "&Ignore")
    wait_underlined(qtbot, introduction, [])
    wait_underlined(qtbot, assessment, [])
    assert not (data_dir / "personal-words.txt").exists()  # for this session only


def test_the_organisation_and_the_signatory_are_known_words(qtbot, make_window):
    window = make_window()
    window.new_draft()
    spelling_ready(qtbot, window)
    field = editor(window, "assessment")
    type_into(qtbot, field, "Zemgalīšu biedrība pateicas; Vilciņšs.")
    wait_underlined(qtbot, field, ["Zemgalīšu", "Vilciņšs"])
    type_into(qtbot, editor(window, "performer"), "Biedrība Zemgalīšu forums")
    wait_underlined(qtbot, field, ["Vilciņšs"])
    type_into(qtbot, editor(window, "signatory.name"), "Kristaps Vilciņšs")
    wait_underlined(qtbot, field, [])


def test_a_line_field_underlines_as_the_user_types_and_offers_suggestions(qtbot, make_window):
    window = make_window()
    window.new_draft()
    spelling_ready(qtbot, window)
    field = editor(window, "title")
    type_into(qtbot, field, "Projekts par jauniesu")
    assert red_pixels(field) < 5  # not while the word is being typed
    type_text(qtbot, " centru", field)
    assert red_pixels(field) > 20  # "jauniesu", finished
    menu = open_menu(qtbot, field, "jauniesu")
    assert "jauniešu" in texts_of(menu)
    choose(menu, "jauniešu")
    assert window.doc.report.title == "Projekts par jauniešu centru"
    assert red_pixels(field) < 5


def test_a_table_cell_editor_underlines_misspelt_words(qtbot, make_window, seeded_store):
    window = make_window(seeded_store)
    spelling_ready(qtbot, window)
    table = editor(window, "indicators").table
    click_cell(qtbot, window, table, 0, 1)
    table.edit(table.currentIndex())
    cell = QApplication.focusWidget()
    assert isinstance(cell, QPlainTextEdit)
    type_text(qtbot, " un rezultats labi")
    wait_underlined(qtbot, cell, ["rezultats"])


def test_in_a_long_text_only_what_is_on_screen_is_checked(qtbot, make_window):
    window = make_window()
    window.new_draft()
    spelling_ready(qtbot, window)
    field = editor(window, "assessment")
    words = "Biedrība īstenoja projektu un sasniedza rezultātus. "
    field.setPlainText("Sakumss. " + words * 5000 + "Beigass.")  # one paragraph of 260 000 characters
    wait_underlined(qtbot, field, ["Sakumss"])
    field.verticalScrollBar().setValue(field.verticalScrollBar().maximum())
    wait_underlined(qtbot, field, ["Beigass"])


def test_the_view_menu_switches_it_off_and_it_stays_off(qtbot, make_window, data_dir):
    window = make_window()
    window.new_draft()
    spelling_ready(qtbot, window)
    field = editor(window, "assessment")
    type_into(qtbot, field, "Rezultati.")
    wait_underlined(qtbot, field, ["Rezultati"])
    toggle = window.commands["spelling"]
    assert toggle in window.menuBar().actions()[-2].menu().actions()  # View
    toggle.trigger()
    wait_underlined(qtbot, field, [])
    assert "&Ignore" not in texts_of(open_menu(qtbot, field, "Rezultati"))
    QApplication.activePopupWidget().close()
    window.close()
    assert settings_for(data_dir).value("spelling") == "false"
    again = make_window()
    assert not again.commands["spelling"].isChecked()
    again.spelling.start()
    assert again.spelling.speller is None  # not even loaded while off


def test_a_word_that_cannot_be_kept_is_said_so_and_known_for_the_session(qtbot, make_window, data_dir):
    (data_dir / "personal-words.txt").mkdir()  # something in the way of the word list
    window = make_window()
    window.new_draft()
    spelling_ready(qtbot, window)
    field = editor(window, "introduction")
    type_into(qtbot, field, "Notika starpkultūru dialogs.")
    wait_underlined(qtbot, field, ["starpkultūru"])
    choose(open_menu(qtbot, field, "starpkultūru"), "&Add to my dictionary")
    assert "could not be added to your dictionary" in window.statusBar().currentMessage()
    wait_underlined(qtbot, field, [])


def test_the_menu_key_offers_the_suggestions_for_the_word_at_the_cursor(qtbot, make_window):
    from PySide6.QtCore import QPoint

    window = make_window()
    window.new_draft()
    spelling_ready(qtbot, window)
    field = editor(window, "assessment")
    type_into(qtbot, field, "Darbs paveikts atbilstosi plānam.")
    wait_underlined(qtbot, field, ["atbilstosi"])
    cursor = field.textCursor()
    cursor.setPosition(field.toPlainText().index("atbilstosi") + 3)
    field.setTextCursor(cursor)
    # What the Menu key sends (Qt makes it from the platform's key; QTest's key alone does not)
    point = QPoint(0, 0)
    QApplication.sendEvent(field, QContextMenuEvent(QContextMenuEvent.Reason.Keyboard, point, field.mapToGlobal(point)))
    qtbot.waitUntil(lambda: isinstance(QApplication.activePopupWidget(), QMenu))
    menu = QApplication.activePopupWidget()
    assert texts_of(menu)[0] == "atbilstoši"
    choose(menu, "atbilstoši")
    assert window.doc.report.assessment == "Darbs paveikts atbilstoši plānam."


def test_the_word_being_typed_is_underlined_once_it_is_finished(qtbot, make_window):
    window = make_window()
    window.new_draft()
    spelling_ready(qtbot, window)
    field = editor(window, "assessment")
    type_into(qtbot, field, "Darbs paveikts atbilstosi")
    qtbot.wait(400)  # typing paused and the field was checked: the word may still go on
    assert underlined(field) == []
    type_text(qtbot, " plānam un kļudas", field)
    wait_underlined(qtbot, field, ["atbilstosi"])
    editor(window, "introduction").setFocus()  # leaving the field finishes its last word
    wait_underlined(qtbot, field, ["atbilstosi", "kļudas"])


def test_the_explanations_of_rows_6_and_7_are_checked_too(qtbot, make_window):
    window = make_window()
    window.new_draft()
    qtbot.waitUntil(lambda: window.form.is_built)
    spelling_ready(qtbot, window)
    window.form.editors["irregular_expenditure:amount"].click()
    field = editor(window, "irregular_expenditure.explanation")
    type_into(qtbot, field, "Izdevumi atmaksati ministrijai.")
    wait_underlined(qtbot, field, ["atmaksati"])


def test_a_line_field_underlines_again_once_a_read_only_draft_is_editable(qtbot, make_window):
    window = make_window()
    window.new_draft()
    spelling_ready(qtbot, window)
    field = editor(window, "title")
    window.form.focus_path("performer")
    # A submitted draft is shown (its text arrives while the field is read-only), then reopened.
    window.doc.set_read_only(True)
    report = window.doc.report.copy()
    report.title = "Projekts par jauniesu centru"
    window.doc.replace(report)
    qtbot.wait(300)
    window.doc.set_read_only(False)
    qtbot.waitUntil(lambda: red_pixels(field) > 20, timeout=2000)
