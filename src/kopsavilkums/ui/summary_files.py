"""Summaries in and out of files: Import (any format the readers know), Export as… (every format
the program writes) and Copy for the web page.

Reading and writing run on a worker thread — a 20 MB Word file takes seconds to read, a long
report's Word file half a second to make — and report back on the UI thread. What was read from a
format other than our own exact ones is shown before it becomes a draft (:meth:`Dialogs.confirm_import`),
with what the reader noticed: text it could not place (kept in row 8), rows that were missing.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QThreadPool, Signal

from kopsavilkums.convert.common import Imported
from kopsavilkums.report import Report
from kopsavilkums.ui import i18n, workers
from kopsavilkums.ui.display import show_period
from kopsavilkums.ui.i18n import translate

#: What Import offers, all at once (the content decides, whatever the name).
IMPORT_PATTERNS = "*.kopsavilkums.json *.json *.pdf *.docx *.html *.htm *.mht *.mhtml *.txt"
#: Export as…: the formats in the order offered, the first proposed.
EXPORT_ORDER = ("docx", "html", "text", "pdf", "draft")


class SummaryFiles(QObject):
    # a file was imported as a new draft (its id)
    imported = Signal(str)
    # a file was written (its path)
    exported = Signal(str)
    # the summary is on the clipboard
    copied = Signal()
    # a short note for the status bar
    message = Signal(str)

    def __init__(self, operations, dialogs, commit_edits: Callable[[], None], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.operations, self.dialogs, self.commit_edits = operations, dialogs, commit_edits
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)

    def _run(self, work, done, failed_prefix: str = "") -> None:
        """``work`` on the worker; ``done(result)`` here, or what went wrong told to the user."""
        workers.start(
            self.pool,
            work,
            done,
            lambda exc: self.operations.show_error(failed_prefix + workers.message_of(exc, i18n.current())),
            self,
        )

    def wait(self) -> None:
        """Until what is being read or written is done (closing, tests)."""
        self.pool.waitForDone()

    # ------------------------------------------------------------------ in
    def import_file(self, path: str | Path | None = None) -> bool:
        """Read ``path`` (asked for when None) on a worker, show what was recognised, and add it
        as a new draft; :attr:`imported` follows. False when nothing was started."""
        from kopsavilkums.convert.reading import read_path

        if path is None:
            summaries = translate("Window", "Summaries")  # not inside an f-string: lupdate would miss it
            filters = ";;".join([f"{summaries} ({IMPORT_PATTERNS})", translate("Window", "All files (*)")])
            path = self.dialogs.open_file_name(
                translate("Window", "Import a summary"), self.operations.last_folder(), filters
            )
            if not path:
                return False
        path = Path(path)
        self.operations.settings.setValue("last_folder", str(path.parent))
        self._run(lambda: read_path(path), lambda imported: self._review(path.name, imported), f"{path.name}: ")
        return True

    def paste_as_new_draft(self) -> bool:
        """Read what a browser or Word put on the clipboard — its HTML, else its text — through the
        same readers and the same review as Import; :attr:`imported` follows. False when the
        clipboard holds neither."""
        from PySide6.QtGui import QGuiApplication

        from kopsavilkums.convert.common import ImportRefused
        from kopsavilkums.convert.reading import read_any

        data = QGuiApplication.clipboard().mimeData()
        html = data.html() if data is not None and data.hasHtml() else ""
        text = data.text() if data is not None and data.hasText() else ""
        name = translate("Window", "the clipboard")
        if not html.strip() and not text.strip():
            self.operations.show_error(translate("Window", "The clipboard holds no text to paste as a summary."))
            return False

        def work() -> Imported:
            if html.strip():
                try:
                    return read_any(as_page(html).encode("utf-8"))
                except ImportRefused:
                    if not text.strip():
                        raise
            return read_any(text.encode("utf-8"))

        self._run(work, lambda imported: self._review(name, imported), f"{name}: ")
        return True

    def _review(self, name: str, imported: Imported) -> None:
        if not imported.exact and not self.dialogs.confirm_import(
            translate("Window", "This is what was read from “%1”. Add it as a new draft?").replace("%1", name),
            describe(imported, i18n.current()),
        ):
            self.message.emit(translate("Window", "Nothing was imported."))
            return
        draft_id = self.operations.save_new_and_open(imported.report)
        if draft_id:
            if imported.notes:
                language = i18n.current()
                self.operations.notice.emit(
                    translate("Window", "Imported from “%1”. Please check:").replace("%1", name)
                    + "\n"
                    + "\n".join(f"• {note.text(language)}" for note in imported.notes)
                )
            self.imported.emit(draft_id)

    # ------------------------------------------------------------------ out
    def export_as(self, path: str | Path | None = None) -> bool:
        """Write the open draft in the format its file name's ending picks (asked for, with the
        formats offered, when None); :attr:`exported` follows. False when nothing was started."""
        from kopsavilkums.convert.writing import UnknownFormat, format_by_key, output_format, render
        from kopsavilkums.ui.pdf import proposed_file_name  # Qt PDF loads only when it is wanted

        if not self.operations.draft_id:
            return False
        self.commit_edits()
        language = i18n.current()
        formats = [format_by_key(key) for key in EXPORT_ORDER]
        if path is None:
            filters = [f"{fmt.name.text(language)} (*{' *'.join(fmt.suffixes)})" for fmt in formats]
            base = proposed_file_name(self.operations.doc.report).removesuffix(".pdf")
            chosen = self.dialogs.save_file_as(
                translate("Window", "Export as"),
                str(Path(self.operations.last_folder()) / (base + formats[0].suffix)),
                ";;".join(filters),
                filters[0],
            )
            if not chosen:
                return False
            path, picked = chosen
            if not any(str(path).lower().endswith(s) for fmt in formats for s in fmt.suffixes):
                path = str(path) + formats[filters.index(picked) if picked in filters else 0].suffix
        target = Path(path)
        try:
            fmt = output_format(target)
        except UnknownFormat as exc:
            self.operations.show_error(exc.localized(language))
            return False
        report = self.operations.doc.report.copy()
        self.operations.settings.setValue("last_folder", str(target.parent))

        def work() -> str:
            from kopsavilkums.fileio import atomic_write_bytes

            atomic_write_bytes(target, render(report, fmt))
            return str(target)

        def done(written: str) -> None:
            self.message.emit(translate("Window", "Exported to %1").replace("%1", written))
            self.exported.emit(written)

        self._run(work, done)
        return True

    def copy_for_web_page(self) -> bool:
        """The summary's table as HTML, with the published text beside it, on the clipboard — for
        pasting into a ministry's web page editor (or anywhere that takes only text). Made on the
        worker (a long report takes a moment), put on the clipboard here; :attr:`copied` follows."""
        from kopsavilkums.convert.write_html import html_fragment
        from kopsavilkums.convert.write_text import published_text
        from kopsavilkums.validation import validate

        if not self.operations.draft_id:
            return False
        self.commit_edits()
        report = self.operations.doc.report.copy()

        def work() -> tuple[str, str]:
            problems = validate(report, final=True)  # once, for both
            return html_fragment(report, problems), published_text(report, problems)

        def done(made: tuple[str, str]) -> None:
            from PySide6.QtCore import QMimeData
            from PySide6.QtGui import QGuiApplication

            mime = QMimeData()
            mime.setHtml(made[0])
            mime.setText(made[1])
            QGuiApplication.clipboard().setMimeData(mime)
            self.message.emit(translate("Window", "Copied: paste it into the web page's editor."))
            self.copied.emit()

        self._run(work, done)
        return True


def describe(imported: Imported, language: str) -> str:
    """What a reader found, in a few lines a user can check at a glance."""
    r: Report = imported.report
    none = translate("Window", "(none)")
    lines = [
        translate("Window", "Title: %1").replace("%1", r.title or none),
        translate("Window", "Performer: %1").replace("%1", r.performer or none),
        translate("Window", "Period: %1").replace("%1", show_period(r.period.start, r.period.end) or none),
        translate("Window", "Objectives: %1 · Indicators: %2 · Budget years: %3")
        .replace("%1", str(len(r.objectives)))
        .replace("%2", str(len(r.indicators)))
        .replace("%3", str(len(r.budget))),
    ]
    if imported.notes:
        lines += ["", translate("Window", "Please check:")]
        lines += [f"• {note.text(language)}" for note in imported.notes]
    return "\n".join(lines)


_PAGE_START = re.compile(r"<(?:!doctype\s+html|html)\b", re.IGNORECASE)


def as_page(html: str) -> str:
    """Clipboard HTML is a fragment (``<meta charset="utf-8"><dl>…``): made a page, so that it is
    read as a web page whatever its first element."""
    if _PAGE_START.search(html[:4096]):
        return html
    return f'<html><head><meta charset="utf-8"></head><body>{html}</body></html>'
