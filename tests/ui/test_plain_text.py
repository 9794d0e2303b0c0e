"""User and file text in the window is data: every dialog, label and tool tip shows it as the
characters it is — no heading, colour or link a file drew, no ``<!--`` that hides what follows.
And a failed job keeps nothing of what its work held."""

from __future__ import annotations

import gc
import weakref
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import Qt as GuiQt
from PySide6.QtGui import QTextDocument, QTextOption
from PySide6.QtWidgets import QApplication, QLabel

from kopsavilkums.convert.reading import read_any
from kopsavilkums.messages import Message
from kopsavilkums.report import Report
from kopsavilkums.ui import workers
from kopsavilkums.ui.dialogs import Dialogs
from kopsavilkums.ui.differences import Difference
from kopsavilkums.ui.summary_files import describe

from .driving import type_into

#: A title that, drawn as rich text, is a green "All checked" heading and a link, and hides the rest.
HOSTILE = '<h1 style="color:green">All checked ✓</h1><a href="https://example.invalid/x">Open the signed copy</a><!--'


def shown(run) -> list[QLabel]:
    """The labels of the box that ``run()`` opens, looked at while it is open, then closed."""
    seen: list[QLabel] = []

    def look() -> None:
        box = QApplication.activeModalWidget()
        assert box is not None, "no dialog opened"
        seen.extend(label for label in box.findChildren(QLabel) if label.text())
        texts.extend((label.text(), label.textFormat(), label.openExternalLinks()) for label in seen)
        box.reject()

    texts: list = []
    QTimer.singleShot(0, look)
    run()
    assert texts
    return texts


def assert_plain(texts, must_show: str) -> None:
    assert any(must_show in text for text, _, _ in texts), texts
    for text, text_format, links in texts:
        assert text_format == Qt.TextFormat.PlainText, text
        assert not links, text


def test_every_message_box_shows_file_text_as_plain_text(qapp):
    dialogs = Dialogs(None)  # type: ignore[arg-type]
    difference = Difference(label="Title", mine=HOSTILE, theirs="x")
    for run in (
        lambda: dialogs.ask_yes_no(HOSTILE),
        lambda: dialogs.confirm_delete(HOSTILE),
        lambda: dialogs.ask_conflict([difference]),
        lambda: dialogs.confirm_import(HOSTILE, HOSTILE),
        lambda: dialogs.show_error(HOSTILE),
        lambda: dialogs.inform(HOSTILE),
    ):
        assert_plain(shown(run), "<!--")


def test_the_import_dialog_shows_a_title_holding_html_and_everything_after_it(qapp, english):
    # A text file whose title holds HTML: the dialog drew a green "All checked" heading and a
    # link, and the <!-- hid the performer, the period and every note.
    text = f"{HOSTILE}\nValsts pārvaldes uzdevums\tUzdevums\nValsts pārvaldes uzdevuma veicējs\tBiedrība „Ūdri”\n"
    imported = read_any(text.encode(), "summary.txt")
    details = describe(imported, "en")
    assert "Biedrība „Ūdri”" in details
    texts = shown(lambda: Dialogs(None).confirm_import("Add it?", details))  # type: ignore[arg-type]
    assert_plain(texts, "Biedrība „Ūdri”")


def test_tool_tips_show_a_title_as_the_characters_it_is(qapp, english):
    from kopsavilkums.ui.models.drafts import DraftsModel

    model = DraftsModel()
    model.set_drafts([_summary(HOSTILE)])
    tip = model.index(0, 0).data(Qt.ItemDataRole.ToolTipRole)
    document = QTextDocument()
    document.setHtml(tip) if GuiQt.mightBeRichText(tip) else document.setPlainText(tip)
    assert document.toPlainText().startswith(HOSTILE)


def _summary(title: str):
    from datetime import datetime

    from kopsavilkums.report import Period
    from kopsavilkums.store.records import DraftInfo

    when = datetime(2024, 5, 1, 12, 0)
    return DraftInfo("1", title, "", Period(), when, when, "draft", 1, False)


def test_no_label_in_the_window_draws_a_drafts_text_as_rich_text(qtbot, make_window, open_store):
    store = open_store()
    store.save(Report(title=HOSTILE, performer=HOSTILE, task=HOSTILE))
    window = make_window(store)
    QApplication.processEvents()
    for label in window.findChildren(QLabel):
        if label.text() and label.textFormat() != Qt.TextFormat.PlainText:
            assert not GuiQt.mightBeRichText(label.text()), label.text()


def test_a_failed_job_keeps_nothing_of_what_its_work_held(qapp):
    # The refusal of a PDF bomb kept its traceback, whose frames held the inflated data: the
    # window's memory did not come back.
    class Held:
        pass

    alive = []

    def work():
        held = Held()
        alive.append(weakref.ref(held))
        try:
            raise ValueError("inside")
        except ValueError:
            raise workers_error() from None

    failures: list[BaseException] = []
    job = workers.Job(work)
    job.signals.failed.connect(failures.append)
    job.run()
    gc.collect()
    assert failures and alive[0]() is None


def workers_error() -> Exception:
    from kopsavilkums.messages import UserError

    return UserError(Message("Nevar nolasīt.", "Cannot be read."))


def test_a_pdf_whose_draft_was_replaced_later_is_shown_before_it_is_added(qtbot, make_window, dialogs, tmp_path):
    # The window added it at once: the reading was "exact". Now the review shows what was read
    # and says why.
    import io

    from pypdf import PdfReader, PdfWriter
    from pypdf.generic import DecodedStreamObject, NameObject

    from kopsavilkums import exchange
    from kopsavilkums.convert.writing import render

    path = tmp_path / "summary.pdf"
    report = exchange.read(Path(__file__).resolve().parents[2] / "resources" / "examples" / EXAMPLE_NAME)
    writer = PdfWriter(PdfReader(io.BytesIO(render(report, "pdf"))), incremental=True)
    spec = writer._root_object["/Names"]["/EmbeddedFiles"]["/Names"][1].get_object()
    report.performer = "SIA Citāds"
    replaced = DecodedStreamObject()
    replaced.set_data(exchange.dumps(report).encode())
    replaced[NameObject("/Type")] = NameObject("/EmbeddedFile")
    writer._replace_object(spec["/EF"].raw_get("/F"), replaced)
    with path.open("wb") as out:
        writer.write(out)
    window = make_window()
    dialogs.answer("confirm_import", False)
    window.import_file(path)
    qtbot.waitUntil(lambda: bool(dialogs.questions("confirm_import")))
    [(_, details)] = dialogs.questions("confirm_import")
    assert "Latgales jauniešu forums" in details and "replaced later than the pages" in details
    assert window.store.list() == []


EXAMPLE_NAME = "latgales-jauniesu-forums-2021-2023.kopsavilkums.json"


def test_a_paste_past_a_fields_limit_is_cut_to_it_and_said(qtbot, make_window, open_store):
    # One 20 MB paragraph pasted froze the window for 8 s, then 5-8 s per key, and each
    # autosave rewrote 68 MB.
    from PySide6.QtCore import QMimeData

    from kopsavilkums.fields import field

    store = open_store()
    store.save(Report(title="T"))
    window = make_window(store)
    text_field, line_field = window.form.editors["task"], window.form.editors["title"]
    limit = field("task").limit
    pasted = QMimeData()
    pasted.setText("ā" * (limit + 5000))
    text_field.insertFromMimeData(pasted)
    assert len(window.doc.report.task) == limit
    assert "at most 5\u00a0000 characters" in text_field.property("cut_message")
    # A word that long is wrapped anywhere: Qt sought a word boundary in it on every key (0.6 s a
    # key for 100,000 letters).
    assert text_field.wordWrapMode() == QTextOption.WrapMode.WrapAnywhere
    type_into(qtbot, text_field, "z")  # a key typed past the limit is kept, and counted under the field
    assert len(window.doc.report.task) == limit + 1
    QApplication.clipboard().setText("x" * 5000)
    line_field.selectAll()
    line_field.paste()
    assert len(window.doc.report.title) == field("title").limit
    assert line_field.property("cut_message")


def test_a_paste_inside_a_full_line_keeps_the_text_after_it(qtbot, make_window, open_store, clipboard):
    from kopsavilkums.fields import field

    limit = field("title").limit
    store = open_store()
    store.save(Report(title="A" * (limit - 20) + "END_OF_MY_TITLE"))
    window = make_window(store)
    line_field = window.form.editors["title"]
    line_field.setFocus()
    line_field.setCursorPosition(0)
    clipboard.setText("P" * 50)
    line_field.paste()
    title = window.doc.report.title
    assert len(title) == limit and title.endswith("END_OF_MY_TITLE")  # what was cut is the paste's end
    assert title.startswith("PPPPP") and title.count("P") == 5
