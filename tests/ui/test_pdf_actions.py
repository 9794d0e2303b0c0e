"""Export, preview and print: the same pages, built off the UI thread, after the last keystroke."""

from __future__ import annotations

from io import BytesIO

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from .driving import editor, press, type_into

CTRL = Qt.KeyboardModifier.ControlModifier


def needs_qt_pdf():
    from kopsavilkums.ui import pdf

    if pdf.QPdfDocument is None:
        pytest.skip("Qt PDF is not installed")


def test_export_pdf_proposes_a_name_and_writes_what_was_just_typed(qtbot, make_window, seeded_store, tmp_path, dialogs):
    from pypdf import PdfReader

    window = make_window(seeded_store)
    target = tmp_path / "kopsavilkums"  # no ending typed: .pdf is added
    dialogs.answer("save_file_name", str(target))
    window.form.focus_path("signatory.date")
    type_into(qtbot, editor(window, "signatory.date"), "15.01.2021")  # no Enter: still being typed
    with qtbot.waitSignal(window.pdf_ready, timeout=20_000) as ready:
        press(qtbot, Qt.Key.Key_E, CTRL | Qt.KeyboardModifier.ShiftModifier)
    [(_title, proposed, _filters)] = dialogs.questions("save_file_name")
    assert proposed.endswith("Kopsavilkums_Kurzemes-NVO-centrs_2019-2020.pdf")
    assert ready.args[0] == tmp_path / "kopsavilkums.pdf"
    text = "".join(page.extract_text() for page in PdfReader(ready.args[0]).pages)
    assert "15.01.2021." in text


def _opened_preview(qtbot, window):
    """Print preview chosen; the preview once the PDF has been made (on its worker)."""
    needs_qt_pdf()
    with qtbot.waitSignal(window.pdf_ready, timeout=20_000):
        window.commands["preview"].trigger()
    qtbot.addWidget(window.pdf.preview)
    return window.pdf.preview


def test_preview_shows_the_pdf_pages(qtbot, make_window, seeded_store):
    preview = _opened_preview(qtbot, make_window(seeded_store))
    qtbot.waitUntil(lambda: preview.page_count() > 0)
    assert preview.isVisible()


def test_the_preview_fits_on_the_screen(qtbot, make_window, seeded_store):
    """It opened 1,000 pixels tall: on a 1366×768 screen its Print and Close buttons were below
    the screen's edge."""
    preview = _opened_preview(qtbot, make_window(seeded_store))
    available = preview.screen().availableGeometry()
    assert available.contains(preview.frameGeometry())
    close = preview.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Close)
    for button in (preview.print_button, close):
        assert button.isVisible()
        assert available.contains(QRect(button.mapToGlobal(QPoint(0, 0)), button.size()))


def test_print_asks_for_a_printer_and_a_cancel_prints_nothing(qtbot, make_window, seeded_store, tmp_path, dialogs):
    needs_qt_pdf()
    from PySide6.QtPrintSupport import QPrinter

    window = make_window(seeded_store)
    printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    printed = tmp_path / "printed.pdf"
    dialogs.answer("choose_printer", printer, None)
    window.commands["print"].trigger()
    qtbot.waitUntil(lambda: printed.exists() and printed.stat().st_size > 1000, timeout=20_000)
    assert dialogs.questions("choose_printer") == [("Kopsavilkums_Kurzemes-NVO-centrs_2019-2020.pdf",)]
    printed.unlink()
    window.commands["print"].trigger()  # and cancelled
    qtbot.waitUntil(lambda: len(dialogs.questions("choose_printer")) == 2, timeout=20_000)
    assert not printed.exists()


def test_printing_paints_every_pdf_page(qtbot, tmp_path, seed_report, qapp):
    needs_qt_pdf()
    from pypdf import PdfReader
    from PySide6.QtPrintSupport import QPrinter

    from kopsavilkums.ui import pdf

    data = pdf.build_pdf(seed_report)
    printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    pages = pdf.print_pdf(data, printer, QApplication.instance())
    assert pages == len(PdfReader(BytesIO(data)).pages) == len(PdfReader(tmp_path / "printed.pdf").pages)


def test_proposed_pdf_name_says_who_and_when(seed_report):
    from kopsavilkums.ui.pdf import proposed_file_name

    assert proposed_file_name(seed_report) == "Kopsavilkums_Kurzemes-NVO-centrs_2019-2020.pdf"
