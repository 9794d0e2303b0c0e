"""Summaries in and out of files: Import (any format the readers know), Export as… (every format
the program writes), Copy for the web page, and the signed copy kept with a draft (attach, open,
export; importing a signed PDF of a stored draft offers to keep it with that draft).

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

from kopsavilkums.convert.imported import Imported
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
    # a signed copy was kept with a draft (its id)
    signed_kept = Signal(str)

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
        store_path = self.operations.store.path

        def work():
            imported = read_path(path)
            return imported, _signed_copy_of(path, imported, store_path)

        self._run(work, lambda read: self._review(path.name, *read), f"{path.name}: ")
        return True

    def _offer_to_keep(self, signed: tuple) -> bool:
        """A signed PDF of a stored draft: keep it with that draft? True when it was kept."""
        copy, draft_id = signed
        question = translate(
            "Window",
            "This is the signed copy of the stored draft “%1” (signed by %2). Keep it with that draft and "
            "mark the draft submitted, instead of adding a new draft?",
        )
        title = self._title_of(draft_id)
        if not self.dialogs.ask_yes_no(question.replace("%1", title).replace("%2", copy.signature.signer)):
            return False
        if self.operations.attach_signed_copy(draft_id, copy):
            self.operations.open(draft_id)
            self.signed_kept.emit(draft_id)
        return True

    def _title_of(self, draft_id: str) -> str:
        ok, info = self.operations.guarded(lambda: self.operations.store.info(draft_id))
        return (info.title if ok and info.title.strip() else "") or translate("Window", "(untitled)")

    # ------------------------------------------------------------------ the signed copy
    def attach_signed_copy(self, path: str | Path | None = None) -> bool:
        """Keep a signed PDF (asked for when None) with the open draft, which becomes submitted;
        its signature is checked on the worker, and a PDF of another summary is asked about."""
        from kopsavilkums.convert.readers.signed_copy import read_signed_copy

        draft_id = self.operations.draft_id
        if not draft_id:
            return False
        if path is None:
            filters = ";;".join(["PDF (*.pdf)", translate("Window", "All files (*)")])
            path = self.dialogs.open_file_name(
                translate("Window", "Attach the signed copy"), self.operations.last_folder(), filters
            )
            if not path:
                return False
        path = Path(path)
        self.operations.settings.setValue("last_folder", str(path.parent))
        self.commit_edits()
        report = self.operations.doc.report.copy()

        def done(copy) -> None:
            if not copy.matches(report) and not self.dialogs.ask_yes_no(
                translate(
                    "Window",
                    "The summary signed in “%1” differs from this draft. Keep it with this draft all the same?",
                ).replace("%1", path.name)
            ):
                self.message.emit(translate("Window", "The signed copy was not attached."))
                return
            if self.operations.attach_signed_copy(draft_id, copy):
                self.signed_kept.emit(draft_id)

        self._run(lambda: read_signed_copy(path), done, f"{path.name}: ")
        return True

    def open_signed_copy(self) -> bool:
        """The open draft's signed copy in the desktop's PDF viewer (which shows its signatures)."""
        path = self.operations.signed_copy_path()
        if path is None:
            return False
        self.dialogs.open_in_viewer(str(path))
        return True

    def export_signed_copy(self, path: str | Path | None = None) -> bool:
        """Write the open draft's signed copy, byte for byte, where the user says."""
        from kopsavilkums.ui.pdf import proposed_file_name

        kept = self.operations.signed_copy_path()
        if kept is None:
            return False
        if path is None:
            proposed = proposed_file_name(self.operations.doc.report).removesuffix(".pdf") + "_parakstits.pdf"
            path = self.dialogs.save_file_name(
                translate("Window", "Export the signed copy"),
                str(Path(self.operations.last_folder()) / proposed),
                "PDF (*.pdf)",
            )
            if not path:
                return False
        target = Path(path)
        self.operations.settings.setValue("last_folder", str(target.parent))

        def work() -> str:
            from kopsavilkums.fileio import atomic_write_bytes

            atomic_write_bytes(target, kept.read_bytes())
            return str(target)

        def done(written: str) -> None:
            self.message.emit(translate("Window", "Exported to %1").replace("%1", written))
            self.exported.emit(written)

        self._run(work, done)
        return True

    def paste_as_new_draft(self) -> bool:
        """Read what a browser or Word put on the clipboard — its HTML, else its text — through the
        same readers and the same review as Import; :attr:`imported` follows. False when the
        clipboard holds neither."""
        from PySide6.QtGui import QGuiApplication

        from kopsavilkums.convert.imported import ImportRefused
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

    def _review(self, name: str, imported: Imported, signed=None) -> None:
        if signed is not None and self._offer_to_keep(signed):
            return
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
        from kopsavilkums.convert.writers.text import published_text
        from kopsavilkums.convert.writers.web_page import html_fragment
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


def _signed_copy_of(path: Path, imported: Imported, store_path: Path):
    """For a signed PDF of a stored draft: (the signed copy, that draft's id); else None. On the
    worker: it reads the store (apart, read-only)."""
    from kopsavilkums.convert.readers.signed_copy import matching_draft, signed_copy_of

    copy = signed_copy_of(path, imported)
    if copy is None:
        return None
    draft_id = matching_draft(store_path, copy)
    return None if draft_id is None else (copy, draft_id)


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
