"""The signed-copy PDF: a proposed file name, an in-app preview, and printing the same pages.

The PDF is always Latvian (the official document) and always built by the engine's
``render_pdf`` on a worker thread; preview and print show those very bytes through Qt PDF.
"""

from __future__ import annotations

import re
import unicodedata

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPointF, QSize
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QVBoxLayout

from kopsavilkums.report import Report
from kopsavilkums.ui.i18n import translate
from kopsavilkums.ui.screen import fit_to_screen

try:  # Qt PDF ships in its own wheel (PySide6-Pdf); without it only preview/print are missing
    from PySide6.QtPdf import QPdfDocument
    from PySide6.QtPdfWidgets import QPdfView
except ImportError:  # pragma: no cover - the dependency is declared
    QPdfDocument = QPdfView = None  # type: ignore[misc, assignment]  # callers check for None


def build_pdf(report: Report) -> bytes:
    """Runs on a worker thread: validation decides the MELNRAKSTS (draft) mark."""
    from kopsavilkums.printing import render_pdf
    from kopsavilkums.validation import validate

    return render_pdf(report, validate(report, final=True))


def proposed_file_name(report: Report) -> str:
    """``Kopsavilkums_Kurzemes-NVO-centrs_2019-2020.pdf``: who and when, safe on every system."""
    who = report.performer.replace("Biedrība", "").replace("Nodibinājums", "")
    who = unicodedata.normalize("NFKD", who).encode("ascii", "ignore").decode()
    who = re.sub(r"[^A-Za-z0-9]+", "-", who).strip("-")[:60]
    years = report.period.years()
    when = f"{years[0]}-{years[-1]}" if len(years) > 1 else (str(years[0]) if years else "")
    parts = ["Kopsavilkums"] + [p for p in (who, when) if p]
    return "_".join(parts) + ".pdf"


def load_document(data: bytes, parent) -> QPdfDocument:
    buffer = QBuffer(parent)
    buffer.setData(QByteArray(data))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document = QPdfDocument(parent)
    document.load(buffer)
    return document


class PreviewDialog(QDialog):
    def __init__(self, data: bytes, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("Pdf", "Preview of the PDF"))
        self.document = load_document(data, self)
        self.view = QPdfView(self)
        self.view.setAccessibleName(translate("Pdf", "PDF pages"))
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.view.setDocument(self.document)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        self.print_button = buttons.addButton(translate("Pdf", "Print…"), QDialogButtonBox.ButtonRole.ActionRole)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view)
        layout.addWidget(buttons)
        self.resize(800, 1000)
        fit_to_screen(self)  # a 1366×768 screen (or 150 % scaling) would cut off its buttons

    def page_count(self) -> int:
        return self.document.pageCount()


def print_pdf(data: bytes, printer, parent) -> int:
    """Paint each PDF page onto ``printer`` (already set up by the print dialog). Returns pages."""
    document = load_document(data, parent)
    painter = QPainter()
    if not painter.begin(printer):
        return 0
    try:
        dpi = printer.resolution()
        target = printer.pageLayout().paintRectPixels(dpi)
        for page in range(document.pageCount()):
            if page:
                printer.newPage()
            points = document.pagePointSize(page)
            scale = min(target.width() / (points.width() / 72 * dpi), target.height() / (points.height() / 72 * dpi))
            size = QSize(int(points.width() / 72 * dpi * scale), int(points.height() / 72 * dpi * scale))
            image = document.render(page, size)
            painter.drawImage(QPointF(0, 0), image)
    finally:
        painter.end()
    return document.pageCount()
