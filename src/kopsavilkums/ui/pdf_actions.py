"""The PDF commands: export, preview and print — the very same pages, built off the UI thread.

Qt PDF and the printing engine load on first use; questions and the busy indicator go through
the window's :class:`~kopsavilkums.ui.dialogs.Dialogs`.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QThreadPool, Signal
from PySide6.QtWidgets import QWidget

from kopsavilkums.report import Report
from kopsavilkums.ui import i18n, workers
from kopsavilkums.ui.dialogs import Dialogs
from kopsavilkums.ui.i18n import translate

# Show a busy indicator only for PDFs that take longer than this.
PROGRESS_AFTER_MS = 400


class PdfActions(QObject):
    # a PDF finished: the path written, or the bytes shown in the preview
    ready = Signal(object)
    # a short note for the status bar
    message = Signal(str)

    def __init__(
        self,
        report: Callable[[], Report],
        dialogs: Dialogs,
        last_folder: Callable[[], str],
        remember_folder: Callable[[str], None],
        before: Callable[[], None],
        parent: QWidget,
    ) -> None:
        """``report()`` is what to print now; ``before()`` commits an editor still open."""
        super().__init__(parent)
        self.report, self.dialogs, self.before = report, dialogs, before
        self.last_folder, self.remember_folder = last_folder, remember_folder
        self.pool = QThreadPool(self)
        self.preview: QWidget | None = None

    def _build(self, then: Callable[[bytes], None], write_to: Path | None = None) -> None:
        """Build the PDF on a worker thread (and write it to ``write_to`` there, atomically);
        ``then(bytes)`` runs on the UI thread."""
        from kopsavilkums.ui import pdf

        self.before()
        report = self.report().copy()
        progress = self.dialogs.progress(translate("Window", "Building the PDF…"), PROGRESS_AFTER_MS)

        def done(data) -> None:
            progress.reset()
            then(data)

        def failed(exc) -> None:
            progress.reset()
            message = workers.message_of(exc, i18n.current())
            self.dialogs.show_error(translate("Window", "The PDF could not be made: %1").replace("%1", message))

        def work() -> bytes:
            data = pdf.build_pdf(report)
            if write_to is not None:
                from kopsavilkums.fileio import atomic_write_bytes

                atomic_write_bytes(write_to, data)
            return data

        workers.start(self.pool, work, done, failed, self)

    def export(self, path: str | Path | None = None) -> None:
        from kopsavilkums.ui import pdf

        if path is None:
            path = self.dialogs.save_file_name(
                translate("Window", "Export PDF"),
                str(Path(self.last_folder()) / pdf.proposed_file_name(self.report())),
                translate("Window", "PDF files (*.pdf)"),
            )
            if not path:
                return
        target = Path(path)
        if target.suffix.lower() != ".pdf":
            target = target.with_name(target.name + ".pdf")
        self.remember_folder(str(target.parent))

        def written(_data: bytes) -> None:
            self.message.emit(translate("Window", "PDF saved: %1").replace("%1", str(target)))
            self.ready.emit(target)

        self._build(written, write_to=target)

    def show_preview(self) -> None:
        from kopsavilkums.ui import pdf

        if pdf.QPdfView is None:
            self.dialogs.show_error(translate("Window", "The preview needs Qt PDF, which is not installed."))
            return

        def show(data: bytes) -> None:
            preview = pdf.PreviewDialog(data, self.parent())
            preview.print_button.clicked.connect(lambda: self._print_bytes(data))
            preview.show()
            self.preview = preview
            self.ready.emit(data)

        self._build(show)

    def print(self) -> None:
        self._build(self._print_bytes)

    def _print_bytes(self, data: bytes) -> None:
        from kopsavilkums.ui import pdf

        printer = self.dialogs.choose_printer(pdf.proposed_file_name(self.report()))
        if printer is not None:
            pdf.print_pdf(data, printer, self.parent())

    def wait(self) -> None:
        """Let a PDF being built finish (the window closes)."""
        self.pool.waitForDone()
