"""What the window does with drafts: the list, copies, the next report, trash, files, submitting."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from kopsavilkums import exchange
from kopsavilkums.messages import Message
from kopsavilkums.report import next_report_from
from kopsavilkums.ui.models.drafts import DetailsRole, StateRole

from .driving import click, editor, press, tab, type_into, type_text


def listed(window, role=None):
    model = window.drafts_panel.proxy
    return [model.index(r, 0).data() if role is None else model.index(r, 0).data(role) for r in range(model.rowCount())]


def test_the_drafts_list_tells_drafts_apart(qtbot, make_window, seeded_store, seed_report, complete_path):
    """Short titles without the opening every title shares, and under them period, performer,
    status and the time of the last change — all of it inside the panel at the default size."""
    from PySide6.QtGui import QFontMetrics

    seeded_store.save(exchange.read(complete_path))
    window = make_window(seeded_store)
    titles = listed(window)
    assert sorted(titles) == [
        "Jaunatnes līdzdalības veicināšanā Latgales reģionā",
        "Pilsoniskās sabiedrības un starpkultūru sadarbības attīstības jomā Kurzemes reģionā",
    ]
    details = listed(window, DetailsRole)
    assert '12.08.2019 – 31.10.2020 · Biedrība "Kurzemes NVO centrs"' in details
    assert all(state.startswith("Draft · changed ") for state in listed(window, StateRole))
    view = window.drafts_panel.table
    metrics = QFontMetrics(view.font())
    assert all(metrics.horizontalAdvance(state) < view.viewport().width() for state in listed(window, StateRole))
    window.drafts_panel.search.setText("latgales")
    assert listed(window) == ["Jaunatnes līdzdalības veicināšanā Latgales reģionā"]


def test_duplicate_is_named_a_copy_and_trash_restore_and_search_work(qtbot, make_window, seeded_store):
    window = make_window(seeded_store)
    original = window.draft_id
    window.commands["duplicate"].trigger()
    assert window.draft_id != original and window.doc.report.title.endswith(" (kopija)")
    assert sum(title.endswith("(kopija)") for title in listed(window)) == 1
    window.commands["delete"].trigger()
    assert window.drafts_model.rowCount() == 1
    click(qtbot, window, window.drafts_panel.show_trash)
    assert window.drafts_model.rowCount() == 1
    window.drafts_panel.table.setCurrentIndex(window.drafts_panel.proxy.index(0, 0))
    assert window.doc.read_only and "trash" in window.banner_text.text()
    window.commands["restore"].trigger()
    assert window.drafts_model.rowCount() == 2 and not window.drafts_panel.show_trash.isChecked()
    assert not window.doc.read_only
    window.drafts_panel.search.setText("nav tāda")
    assert window.drafts_panel.proxy.rowCount() == 0
    window.drafts_panel.search.setText("kurzemes")
    assert window.drafts_panel.proxy.rowCount() == 2


def test_the_trash_offers_only_what_applies(qtbot, make_window, seeded_store, dialogs):
    window = make_window(seeded_store)
    panel, actions = window.drafts_panel, window.commands
    assert actions["delete"].isEnabled() and not actions["restore"].isEnabled() and not actions["purge"].isEnabled()
    assert not any(b.isVisible() for b in panel.trash_buttons)
    click(qtbot, window, panel.show_trash)  # an empty trash: nothing to restore or delete
    assert panel.empty.isVisible() and "empty" in panel.empty.text()
    assert not actions["restore"].isEnabled() and not actions["purge"].isEnabled()
    assert all(b.isVisible() for b in panel.trash_buttons) and not any(b.isVisible() for b in panel.buttons)
    click(qtbot, window, panel.show_trash)
    title = window.doc.report.title
    window.commands["delete"].trigger()
    click(qtbot, window, panel.show_trash)
    assert not actions["purge"].isEnabled()  # nothing chosen yet
    panel.table.setCurrentIndex(panel.proxy.index(0, 0))
    assert actions["purge"].isEnabled()
    dialogs.answer("confirm_delete", True)
    actions["purge"].trigger()
    [(question,)] = dialogs.questions("confirm_delete")
    assert title in question and dialogs.errors == []  # about that draft, and no internal error after
    assert seeded_store.list(trashed=True) == [] and panel.empty.isVisible()
    assert window.draft_id is None


def test_next_report_proposes_the_next_period_and_says_what_came_along(qtbot, make_window, seeded_store):
    window = make_window(seeded_store)
    before = window.doc.report.copy()
    window.commands["next_report"].trigger()
    r = window.doc.report
    assert r.performer == before.performer and [o.text for o in r.objectives] == [o.text for o in before.objectives]
    assert (r.period.start, r.period.end) == (date(2020, 11, 1), date(2022, 1, 31))  # 15 months, as the last one
    assert all(i.achieved == "" and i.carried_over for i in r.indicators)
    assert all(b.planned is None and b.actual is None for b in r.budget)
    notice = window.notice_text.text()
    assert window.notice.isVisible() and "01.11.2020 – 31.01.2022" in notice
    assert f"indicators' texts ({len(r.indicators)}," in notice and "assessment" in notice
    rows = editor(window, "indicators")
    assert rows.carried.isVisible() and rows.model.index(0, 0).data().endswith("↻")
    qtbot.waitUntil(lambda: QApplication.focusWidget() is editor(window, "title"))


def test_the_next_report_from_a_copy_is_not_called_a_copy(qtbot, make_window, seeded_store):
    window = make_window(seeded_store)
    title = window.doc.report.title
    window.commands["duplicate"].trigger()
    assert window.doc.report.title == title + " (kopija)"
    window.commands["next_report"].trigger()
    assert window.doc.report.title == title
    assert seeded_store.load(window.draft_id).title == title


def test_import_and_export_of_draft_files(qtbot, make_window, tmp_path, complete_path, dialogs):
    window = make_window()
    dialogs.answer("open_file_name", str(complete_path))
    with qtbot.waitSignal(window.files.imported):  # a draft file is exact: nothing to look over
        window.commands["import"].trigger()
    assert window.doc.report.performer == exchange.read(complete_path).performer
    out = tmp_path / "copy"
    dialogs.answer("save_file_as", lambda title, proposed, filters, selected: (str(out), filters.split(";;")[-1]))
    with qtbot.waitSignal(window.files.exported):
        window.commands["export"].trigger()
    [(_title, proposed, filters, selected)] = dialogs.questions("save_file_as")
    assert proposed.endswith("Kopsavilkums_Latgales-jauniesu-forums_2021-2023.docx") and selected in filters
    written = tmp_path / "copy.kopsavilkums.json"  # the ending of the format picked in the dialog
    assert exchange.to_document(exchange.read(written)) == exchange.to_document(exchange.read(complete_path))


@pytest.mark.parametrize("ending", [".docx", ".html", ".txt", ".pdf"])
def test_export_as_writes_the_format_the_name_asks_for_and_it_imports_back(
    qtbot, make_window, tmp_path, complete_path, dialogs, ending
):
    window = make_window()
    with qtbot.waitSignal(window.files.imported):
        window.import_file(complete_path)
    out = tmp_path / f"kopsavilkums{ending}"
    with qtbot.waitSignal(window.files.exported):
        window.files.export_as(out)
    if ending == ".txt":  # the published rows: read by their labels, so shown before it is added
        dialogs.answer("confirm_import", True)
    with qtbot.waitSignal(window.files.imported):
        window.import_file(out)
    assert window.doc.report.performer == exchange.read(complete_path).performer
    assert [d.title for d in window.store.list()].count(window.doc.report.title) == 2


def test_a_published_summary_is_shown_before_it_becomes_a_draft_and_can_be_declined(
    qtbot, make_window, dialogs, published_seed_path
):
    window = make_window()
    dialogs.answer("confirm_import", False)
    window.import_file(published_seed_path)
    qtbot.waitUntil(lambda: bool(dialogs.questions("confirm_import")))
    [(question, details)] = dialogs.questions("confirm_import")
    assert published_seed_path.name in question and 'Biedrība "Kurzemes NVO centrs"' in details
    assert "Objectives: 3 · Indicators: 8 · Budget years: 2" in details
    assert window.store.list() == []  # declined: nothing added
    dialogs.answer("confirm_import", True)
    with qtbot.waitSignal(window.files.imported):
        window.import_file(published_seed_path)
    assert window.doc.report.performer == 'Biedrība "Kurzemes NVO centrs"'


def test_copy_for_the_web_page_puts_the_table_and_the_text_on_the_clipboard(
    qtbot, make_window, complete_path, clipboard
):
    window = make_window()
    with qtbot.waitSignal(window.files.imported):
        window.import_file(complete_path)
    window.doc.set("performer", "Biedrība <script>alert(1)</script> & co")
    with qtbot.waitSignal(window.files.copied):
        window.commands["copy_web"].trigger()
    data = clipboard.mimeData()
    assert "<table" in data.html() and "&lt;script&gt;alert(1)&lt;/script&gt; &amp; co" in data.html()
    assert "<script>" not in data.html()
    assert "Valsts pārvaldes uzdevuma veicējs\tBiedrība <script>alert(1)</script> & co" in data.text()


def test_a_broken_draft_file_is_refused_with_the_place_named(qtbot, make_window, tmp_path, dialogs):
    bad = tmp_path / "bad.json"
    bad.write_text(
        '{"format": "kopsavilkums", "version": 1, "report": {"budget": [{"year": 2019, "planned": "12,3,4"}]}}'
    )
    window = make_window()
    window.import_file(str(bad))
    qtbot.waitUntil(lambda: bool(dialogs.errors))
    assert "report.budget[0].planned" in dialogs.errors[0] and window.store.list() == []


def test_submitted_only_without_errors_then_read_only_and_reopened(qtbot, make_window, seeded_store, dialogs):
    window = make_window(seeded_store)  # the published example: no 2020 amount, no signatory
    window.commands["submit"].trigger()
    assert window.status == "draft" and not window.doc.read_only
    assert "still has errors" in dialogs.errors[-1]
    budget = editor(window, "budget")  # taken to the first error in the form: 2020's amount
    assert QApplication.focusWidget() is budget
    assert budget.currentIndex().data() == "" and budget.currentIndex().row() == 1
    type_text(qtbot, "0")
    press(qtbot, Qt.Key.Key_Return)  # the view takes the cell in on its next turn
    qtbot.waitUntil(lambda: window.doc.report.budget[1].actual == 0)
    window.commands["submit"].trigger()
    assert QApplication.focusWidget() is editor(window, "signatory.name")  # then to the next one
    type_text(qtbot, "Anna Bērziņa")
    tab(qtbot)
    type_text(qtbot, "valdes priekšsēdētāja")
    window.commands["submit"].trigger()
    assert window.status == "submitted" and window.doc.read_only
    assert editor(window, "title").isReadOnly() and editor(window, "assessment").isReadOnly()
    assert not editor(window, "indicators").actions_by_name["add"].isEnabled()
    before = window.doc.report.title
    type_into(qtbot, editor(window, "title"), "XYZ")
    assert window.doc.report.title == before
    assert listed(window, StateRole)[0].startswith("Submitted")
    assert seeded_store.info(window.draft_id).status == "submitted"
    click(qtbot, window, window.reopen_button)
    assert not window.doc.read_only and not editor(window, "title").isReadOnly()


def busy(*_args, **_kwargs):
    from kopsavilkums.store import StoreBusy

    raise StoreBusy(
        Message(lv="melnrakstu failu izmanto cita programma", en="the drafts file is in use by another program")
    )


@pytest.mark.parametrize(
    ("method", "action"), [("delete", "delete"), ("set_status", "submit"), ("save", "new"), ("load", "duplicate")]
)
def test_a_store_that_refuses_is_told_and_nothing_is_lost(
    qtbot, make_window, open_store, complete_path, monkeypatch, dialogs, method, action
):
    """Every store call of a command goes through one guard: a message, never the crash dialog."""
    store = open_store()
    store.save(exchange.read(complete_path))
    window = make_window(store)
    draft_id, title = window.draft_id, window.doc.report.title
    monkeypatch.setattr(window.store, method, busy)
    window.commands[action].trigger()
    assert dialogs.errors == ["the drafts file is in use by another program"]
    assert window.doc.report.title == title or window.draft_id is None
    assert draft_id in [d.id for d in store.list()]


@pytest.mark.parametrize("replacement", [b"", b"{}"], ids=["damaged", "emptied"])
def test_a_drafts_file_damaged_while_the_window_is_open_is_restored_and_told_once(
    qtbot, make_window, seeded_store, data_dir, dialogs, replacement
):
    from kopsavilkums.paths import store_path

    window = make_window(seeded_store)
    draft_id = window.draft_id
    store_path(data_dir).write_bytes(replacement)  # e.g. a sync tool replaced it meanwhile
    window.refresh_drafts()
    assert window.drafts_model.rowCount() == 1 and window.drafts_model.draft(0).title == window.doc.report.title
    assert len(dialogs.errors) == 1 and "backup" in dialogs.errors[0]
    window.refresh_drafts()
    window.open_draft(draft_id)
    assert len(dialogs.errors) == 1  # once, not at every later store call


def test_an_imported_summary_takes_the_cursor_to_its_title(qtbot, make_window, dialogs, published_seed_path):
    """As after New draft: the cursor was left wherever it was (the search box after Qt's file
    dialog), so typing went into the drafts' search instead of the summary just imported."""
    window = make_window()
    search = window.drafts_panel.search
    search.setFocus()
    dialogs.answer("open_file_name", str(published_seed_path))
    dialogs.answer("confirm_import", True)
    with qtbot.waitSignal(window.files.imported):
        window.commands["import"].trigger()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is editor(window, "title"))
    assert search.text() == ""


def test_enter_on_the_question_to_delete_for_good_keeps_the_draft(
    qtbot, english, data_dir, seeded_store, no_real_modal_dialogs
):
    """Delete for good cannot be undone; its question had Yes as the default button, so an Enter
    pressed out of habit deleted the draft. The real question box, answered with Enter."""
    from PySide6.QtCore import QTimer

    from kopsavilkums.ui.app import Application

    window = Application(seeded_store, data_dir).show_window()  # the real dialogs
    qtbot.addWidget(window)
    window.commands["delete"].trigger()
    window.drafts_panel.show_trash.setChecked(True)
    window.drafts_panel.table.setCurrentIndex(window.drafts_panel.proxy.index(0, 0))
    asked = []

    def press_enter():
        box = QApplication.activeModalWidget()
        asked.append(box.text())
        qtbot.keyClick(box, Qt.Key.Key_Return)

    QTimer.singleShot(0, press_enter)
    window.commands["purge"].trigger()
    assert len(asked) == 1 and "cannot be undone" in asked[0]
    assert no_real_modal_dialogs.seen == []  # Enter closed it, not the test's guard
    assert len(seeded_store.list(trashed=True)) == 1
    window.saver.flush()


def test_the_drafts_list_shows_each_period_whatever_the_length_of_the_performer(
    qtbot, make_window, open_store, seed_report
):
    """Line two was "performer · period", cut with "…" at the panel's edge: with a longer name
    (Biedrība "Kurzemes NVO centrs" (Liepājas nodaļa)) the next reports of one performer showed
    the same title and the same cut line, the period that tells them apart gone."""
    from PySide6.QtGui import QFontMetrics

    seed_report.performer = 'Biedrība "Kurzemes nevalstisko organizāciju atbalsta centrs" (Liepājas nodaļa)'
    store = open_store()
    store.save(next_report_from(store.load(store.save(seed_report))))
    window = make_window(store)
    view = window.drafts_panel.table
    metrics = QFontMetrics(view.font())
    lines = listed(window, DetailsRole)
    assert metrics.horizontalAdvance(lines[0]) > view.viewport().width()  # too long: it is cut
    periods = [line.split(" · ")[0] for line in lines]
    assert sorted(periods) == ["01.11.2020 – 31.01.2022", "12.08.2019 – 31.10.2020"]  # first, so it shows
    assert all(metrics.horizontalAdvance(period) < view.viewport().width() - 12 for period in periods)


def test_a_submitted_summary_s_fields_look_read_only(qtbot, make_window, open_store, seed_report):
    """Its radio buttons and amounts were greyed, but the text fields kept the white of a field
    that takes typing, and typing into them did nothing."""
    from PySide6.QtGui import QPalette

    store = open_store()
    store.set_status(store.save(seed_report), "submitted")
    window = make_window(store)
    window_colour = QApplication.palette().color(QPalette.ColorRole.Window)
    field_colour = QApplication.palette().color(QPalette.ColorRole.Base)
    for path in ("title", "task", "period.end", "signatory.name"):
        assert editor(window, path).palette().color(QPalette.ColorRole.Base) == window_colour, path
    window.reopen()
    for path in ("title", "task", "period.end", "signatory.name"):
        assert editor(window, path).palette().color(QPalette.ColorRole.Base) == field_colour, path
