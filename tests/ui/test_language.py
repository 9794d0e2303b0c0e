"""The interface language: switched without losing anything, Qt's own texts in Latvian too, and
what the English interface shows of Latvian values."""

from __future__ import annotations

import gc
from datetime import date

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QLabel

from .driving import editor, press, saved, type_at_end, type_into


def test_switching_language_rebuilds_the_window_in_latvian_and_is_remembered(
    qtbot, make_window, seeded_store, data_dir
):
    from kopsavilkums.ui.app import initial_language

    window = make_window(seeded_store)
    draft = window.draft_id
    type_at_end(qtbot, editor(window, "title"), " (labots)")  # nothing typed is lost by the switch
    window.commands["lang_lv"].trigger()
    latvian = window.application.window
    assert latvian is not window and latvian.draft_id == draft
    assert latvian.doc.report.title.endswith(" (labots)")
    assert latvian.menuBar().actions()[0].text() == "&Fails"
    assert initial_language(data_dir) == "lv"
    qtbot.waitUntil(lambda: latvian.checker.model.rowCount() > 0)  # checked on a worker
    model = latvian.checker.model
    assert [p.message.lv for p in model.problems] == [model.index(r, 0).data() for r in range(model.rowCount())]


def test_switching_language_keeps_undo_the_scroll_position_and_the_saved_time(qtbot, make_window, seeded_store):
    window = make_window(seeded_store)
    window.resize(700, 500)
    type_at_end(qtbot, editor(window, "performer"), " un partneri")
    type_into(qtbot, editor(window, "other_information"), "Papildu ziņas.")
    window.commands["save"].trigger()
    qtbot.waitUntil(lambda: saved(window))
    saved_at = window.saved_label.text().split()[-1]
    bar = window.form.scroll_area.verticalScrollBar()
    window.form.focus_path("other_information")
    qtbot.waitUntil(lambda: bar.value() > 0)
    scrolled = bar.value()

    window.commands["lang_lv"].trigger()
    latvian = window.application.window
    assert latvian.saved_label.text() == f"Saglabāts {saved_at}"
    assert latvian.focusWidget() is editor(latvian, "other_information")
    new_bar = latvian.form.scroll_area.verticalScrollBar()
    qtbot.waitUntil(lambda: new_bar.value() == scrolled)
    assert latvian.commands["undo"].isEnabled()
    latvian.commands["undo"].trigger()
    assert latvian.doc.report.other_information == ""
    latvian.commands["undo"].trigger()
    assert not latvian.doc.report.performer.endswith(" un partneri")
    latvian.commands["redo"].trigger()
    assert latvian.doc.report.performer.endswith(" un partneri")
    assert latvian.saver.dirty  # undone edits are edits: saved again


def test_qt_s_own_buttons_and_dialogs_are_latvian_in_the_latvian_interface(qapp, latvian):
    assert QCoreApplication.translate("QPlatformTheme", "&Yes") == "&Jā"
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Atcelt"
    assert QCoreApplication.translate("QFileDialog", "File &name:") != "File &name:"


def test_the_english_interface_shows_years_and_dates_the_english_way_and_amounts_as_printed(
    qtbot, make_window, seeded_store
):
    window = make_window(seeded_store)
    budget = window.form.budget_model
    assert budget.index(0, 0).data() == "2019"  # not "2019.gads"
    assert budget.index(0, 2).data() == "31\u00a0830,96"  # as the PDF prints it, and as it can be typed
    assert editor(window, "period.start").text() == "12.08.2019"
    assert window.doc.report.period.start == date(2019, 8, 12)
    assert "12.08.2019 – 31.10.2020" in window.drafts_panel.proxy.index(0, 0).data(Qt_DetailsRole())
    heading = [w.text() for w in window.findChildren(QLabel) if w.objectName() == "heading:budget"]
    assert heading == ["5. Planned and actually used state budget funding by year"]


def Qt_DetailsRole():  # noqa: N802
    from kopsavilkums.ui.models.drafts import DetailsRole

    return DetailsRole


def test_the_latvian_interface_shows_years_as_the_official_table_does(qtbot, latvian, data_dir, seeded_store, dialogs):
    from kopsavilkums.ui.app import Application

    window = Application(seeded_store, data_dir, dialogs=dialogs).show_window()
    qtbot.addWidget(window)
    assert window.form.budget_model.index(0, 0).data() == "2019.gads"
    assert editor(window, "period.start").text() == "12.08.2019."
    window.saver.flush()


def test_qt_s_file_dialog_has_no_english_left_in_the_latvian_interface(qapp, latvian):
    """Qt's Latvian lacks the file dialog's labels with their shortcut letters; ours adds them
    (the types of files as "Datņu tips", not the word-for-word "Datnes ar tipu")."""
    from PySide6.QtWidgets import QFileDialog

    dialog = QFileDialog(None, "Importēt")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    labels = {label.text() for label in dialog.findChildren(QLabel)}
    assert {"&Meklēt:", "Datnes &nosaukums:", "Datņu &tips:"} <= labels
    dialog.deleteLater()


def test_switching_language_after_changing_the_period_keeps_its_undo_step(qtbot, make_window, seeded_store):
    """A new period is one undo step of two values (the period and the budget years that
    follow it). Switching the language took that step over half-made and crashed the program."""
    window = make_window(seeded_store)
    end = editor(window, "period.end")
    end.selectAll()
    type_into(qtbot, end, "31.12.2021")
    press(qtbot, Qt.Key.Key_Tab)  # the period now ends a year later: 2021 is added
    assert [row.year for row in window.doc.report.budget] == [2019, 2020, 2021]

    application = window.application
    for language in ("lv", "en", "lv"):  # each window takes the history over from the last
        application.window.commands[f"lang_{language}"].trigger()
    latvian = application.window
    gc.collect()  # what only the old windows held is gone, as it is a moment later
    latvian.commands["undo"].trigger()
    assert latvian.doc.report.period.end == date(2020, 10, 31)
    assert [row.year for row in latvian.doc.report.budget] == [2019, 2020]
    latvian.commands["redo"].trigger()
    assert latvian.doc.report.period.end == date(2021, 12, 31)
    assert editor(latvian, "period.end").text() == "31.12.2021."
    assert [row.year for row in latvian.doc.report.budget] == [2019, 2020, 2021]


def test_the_file_dialogs_offer_their_file_types_in_latvian(qtbot, latvian, data_dir, seeded_store, dialogs):
    """Import's list of file types said "Summaries": a word lupdate never saw."""
    from kopsavilkums.ui.app import Application

    window = Application(seeded_store, data_dir, dialogs=dialogs).show_window()
    qtbot.addWidget(window)
    dialogs.answer("open_file_name", None)  # the user looks at the list and cancels
    window.commands["import"].trigger()
    [(title, _folder, filters)] = dialogs.questions("open_file_name")
    assert title == "Importēt kopsavilkumu"
    names = [choice.split(" (")[0] for choice in filters.split(";;")]
    assert names == ["Kopsavilkumi", "Visi faili"]
    window.saver.flush()


def test_the_calendar_button_names_its_key_as_the_row_buttons_do(qtbot, latvian, data_dir, seeded_store, dialogs):
    """Its tooltip said "Alt+Down" in the Latvian interface, where the row buttons' tooltips
    name keys in Latvian (Alt+Uz leju)."""
    from kopsavilkums.ui.app import Application

    window = Application(seeded_store, data_dir, dialogs=dialogs).show_window()
    qtbot.addWidget(window)
    [button] = editor(window, "period.end").actions()
    assert button.toolTip() == "Izvēlēties kalendārā (Alt+Uz leju)"
    assert editor(window, "indicators").actions_by_name["move_down"].toolTip() == "Pārvietot lejup (Alt+Uz leju)"
    window.saver.flush()
