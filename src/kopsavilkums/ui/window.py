"""The main window: drafts on the left, the form in the middle, problems below.

The window lays out and wires. What it does with drafts is in :mod:`.operations`, checking in
:mod:`.checking`, the PDF commands in :mod:`.pdf_actions`, the menu bar in :mod:`.menus`, its title
and which commands apply in :mod:`.command_state`, and every question or message box in
:mod:`.dialogs` (which tests replace with a scripted one).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QSettings, QSize, Qt, QThreadPool, QTimer, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QLabel, QMainWindow, QSplitter, QVBoxLayout, QWidget

from kopsavilkums.report import Report
from kopsavilkums.ui import i18n, status_line, workers
from kopsavilkums.ui.actions import make_actions
from kopsavilkums.ui.bars import Banner, Notice
from kopsavilkums.ui.checking import Checker
from kopsavilkums.ui.command_state import enable_commands, window_title
from kopsavilkums.ui.dialogs import Dialogs
from kopsavilkums.ui.display import show_date
from kopsavilkums.ui.document import EditableDocument
from kopsavilkums.ui.drafts_panel import DraftsPanel
from kopsavilkums.ui.focus_frame import FocusFrame
from kopsavilkums.ui.form import ReportForm
from kopsavilkums.ui.i18n import translate
from kopsavilkums.ui.icons import app_icon
from kopsavilkums.ui.menus import build_menus
from kopsavilkums.ui.models import DraftsModel
from kopsavilkums.ui.operations import DraftOperations
from kopsavilkums.ui.placement import area_of
from kopsavilkums.ui.problems_dock import ProblemsDock
from kopsavilkums.ui.row_commands import RowCommands
from kopsavilkums.ui.saving import AutoSaver
from kopsavilkums.ui.screen import drafts_panel_width, fit_to_screen
from kopsavilkums.ui.spelling import SpellChecking
from kopsavilkums.ui.trash_undo import TrashUndo

if TYPE_CHECKING:
    from kopsavilkums.ui.pdf_actions import PdfActions
    from kopsavilkums.ui.summary_files import SummaryFiles

DEFAULT_SIZE = QSize(1360, 900)
SPELLING_DELAY_MS = 1500


def settings_for(data_dir: Path) -> QSettings:
    """Settings live beside the drafts they refer to (the last draft is per data folder), which
    also keeps tests and ``--data-dir`` users from touching each other's settings."""
    return QSettings(str(Path(data_dir) / "settings.ini"), QSettings.Format.IniFormat)


class MainWindow(QMainWindow):
    # the user chose another interface language; the application rebuilds the window
    language_requested = Signal(str)
    # a PDF finished (path or bytes); tests and the status bar listen
    pdf_ready = Signal(object)

    def __init__(self, store, data_dir: Path, parent=None, dialogs=Dialogs) -> None:
        """``dialogs(window)`` makes what asks the user (tests pass a scripted one)."""
        super().__init__(parent)
        self.store = store
        self.data_dir = Path(data_dir)
        self.settings = settings_for(self.data_dir)
        self.pool = QThreadPool(self)
        self.setWindowIcon(app_icon())
        self.setObjectName("mainWindow")
        self.saved_at = None  # when the open draft was last saved by this window

        self.dialogs = dialogs(self)
        self.doc = EditableDocument(Report(), self)
        self.saver = AutoSaver(self.doc, store, self.data_dir, i18n.current, self)
        self.commands = make_actions(self)
        self.spelling = SpellChecking(self.doc, self.pool, self.data_dir, self.settings, self)
        self.commands["spelling"] = self.spelling.toggle
        self.form = ReportForm(self.doc, self.dialogs.ask_drop_years, self, progressive=True, spelling=self.spelling)
        self.drafts_model = DraftsModel(self)
        self.checker = Checker(self.doc, self.pool, area_of, self)
        self.operations = DraftOperations(
            store, self.doc, self.saver, self.dialogs, self.settings, self.form.commit_pending, self
        )
        self._pdf: PdfActions | None = None
        self._files: SummaryFiles | None = None
        self._build_layout()
        self.row_commands = RowCommands(self)
        build_menus(self.menuBar(), self.commands, self.problems_dock.toggleViewAction(), self.row_commands)
        self._wire()
        self.restoreGeometry(QByteArray(self.settings.value("geometry", b"")))  # type: ignore[call-overload]
        self.fit_to_screen()
        self.refresh_drafts()
        self.operations.show(None, Report(), "draft")

    # ------------------------------------------------------------------ layout
    def _build_layout(self) -> None:
        a = self.commands
        self.drafts_panel = DraftsPanel(
            self.drafts_model,
            [a[name] for name in ("new", "duplicate", "next_report", "delete", "import", "export")],
            [a["restore"], a["purge"]],
            self,
        )
        self.banner = Banner(self)
        self.banner_text, self.reopen_button = self.banner.text, self.banner.reopen_button
        self.reopen_button.clicked.connect(self.reopen)
        self.notice = Notice(self)
        self.notice_text = self.notice.text

        center = QWidget(self)
        column = QVBoxLayout(center)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.banner)
        column.addWidget(self.notice)
        column.addWidget(self.form, 1)

        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(self.drafts_panel)
        self.splitter.addWidget(center)
        self.splitter.setStretchFactor(0, 0)  # extra width goes to the form, not the list
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setCollapsible(1, False)
        self.setCentralWidget(self.splitter)

        self.problems_dock = ProblemsDock(self.checker.model, self)
        self.problems_dock.chosen.connect(self.go_to_problem)
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.problems_dock)
        self.resizeDocks([self.problems_dock], [120], Qt.Orientation.Vertical)

        self.counts_label = QLabel(self)
        self.counts_label.setObjectName("problemCounts")
        self.saved_label = QLabel(self)
        self.saved_label.setObjectName("savedState")
        self.statusBar().addPermanentWidget(self.counts_label)
        self.statusBar().addPermanentWidget(self.saved_label)
        self.trash_undo = TrashUndo(self.statusBar(), self.operations.restore, self)
        self.focus_frame = FocusFrame(self)
        self.resize(DEFAULT_SIZE)

    def _wire(self) -> None:
        a, ops = self.commands, self.operations
        # Lambdas where a signal's "checked" flag must not arrive as a path.
        a["new"].triggered.connect(self.new_draft)
        a["duplicate"].triggered.connect(ops.duplicate)
        a["next_report"].triggered.connect(self.next_report)
        a["delete"].triggered.connect(ops.trash)
        a["restore"].triggered.connect(lambda: ops.restore(self.drafts_panel.current_id()))
        a["purge"].triggered.connect(self.purge_selected)
        a["import"].triggered.connect(lambda: self.files.import_file())
        a["paste_new"].triggered.connect(lambda: self.files.paste_as_new_draft())
        a["export"].triggered.connect(lambda: self.files.export_as())
        a["copy_web"].triggered.connect(lambda: self.files.copy_for_web_page())
        a["save"].triggered.connect(ops.save_now)
        a["export_pdf"].triggered.connect(lambda: self.pdf.export())
        a["preview"].triggered.connect(lambda: self.pdf.show_preview())
        a["print"].triggered.connect(lambda: self.pdf.print())
        a["quit"].triggered.connect(self.close)
        a["undo"].triggered.connect(self.undo)
        a["redo"].triggered.connect(self.doc.undo_stack.redo)
        a["submit"].triggered.connect(self.mark_submitted)
        a["reopen"].triggered.connect(self.reopen)
        a["attach_signed"].triggered.connect(lambda: self.files.attach_signed_copy())
        a["open_signed"].triggered.connect(lambda: self.files.open_signed_copy())
        a["export_signed"].triggered.connect(lambda: self.files.export_signed_copy())
        a["next_problem"].triggered.connect(self.go_to_next_problem)
        a["lang_lv"].triggered.connect(lambda: self.language_requested.emit("lv"))
        a["lang_en"].triggered.connect(lambda: self.language_requested.emit("en"))
        a["about"].triggered.connect(self.dialogs.about)
        # Bound methods, not lambdas: Qt disconnects them when the window goes, so a child's
        # last signal during destruction cannot reach a half-deleted window.
        self.doc.undo_stack.canUndoChanged.connect(self._update_actions)
        self.doc.undo_stack.canRedoChanged.connect(self._update_actions)
        self.doc.read_only_changed.connect(self._update_actions)
        self.doc.edited.connect(self._update_title_soon)
        self.drafts_panel.draft_chosen.connect(self.open_draft)
        self.drafts_panel.trash_toggled.connect(self.refresh_drafts)
        self.drafts_panel.selection_changed.connect(self._update_actions)
        ops.shown.connect(self._draft_shown)
        ops.status_changed.connect(self._status_changed)
        ops.drafts_changed.connect(self.refresh_drafts)
        ops.message.connect(self.show_message)
        ops.notice.connect(self.show_notice)
        ops.trashed.connect(self.trash_undo.offer)
        ops.shown.connect(self.trash_undo.withdraw)
        self.doc.edited.connect(self.trash_undo.withdraw)
        self.trash_undo.changed.connect(self._update_actions)
        self.checker.shown.connect(self._problems_shown)
        self.checker.summary_changed.connect(self.counts_label.setText)
        self.checker.failed.connect(self.show_message)
        self.form.left.connect(self.checker.left)
        self.saver.saved.connect(self._on_saved)
        self.saver.failed.connect(self._on_save_failed)
        self.saver.dirty_changed.connect(self._update_title)
        self.spelling.message.connect(self.show_message)
        # The dictionary loads once the window is up and its form built: the start costs nothing.
        QTimer.singleShot(SPELLING_DELAY_MS, self.spelling, self.spelling.start)

    # ------------------------------------------------------------------ what the parts report
    @property
    def pdf(self) -> PdfActions:
        """The PDF commands, made on first use (Qt PDF and the printing engine load then)."""
        if self._pdf is None:
            from kopsavilkums.ui.pdf_actions import PdfActions

            self._pdf = PdfActions(
                lambda: self.doc.report,
                self.dialogs,
                self.operations.last_folder,
                lambda folder: self.settings.setValue("last_folder", folder),
                self.form.commit_pending,
                self,
            )
            self._pdf.message.connect(self.show_message)
            self._pdf.ready.connect(self.pdf_ready)
        return self._pdf

    @property
    def files(self) -> SummaryFiles:
        """Import, Export as… and Copy for the web page, made on first use (the readers and
        writers load then)."""
        if self._files is None:
            from kopsavilkums.ui.summary_files import SummaryFiles

            self._files = SummaryFiles(self.operations, self.dialogs, self.form.commit_pending, self)
            self._files.message.connect(self.show_message)
            self._files.imported.connect(lambda _draft: self.form.focus_path("title"))  # as for New
        return self._files

    @property
    def draft_id(self) -> str | None:
        return self.operations.draft_id

    @property
    def status(self) -> str:
        return self.operations.status

    @property
    def problems(self) -> list | None:
        return self.checker.problems

    def _draft_shown(self, draft_id: str | None, status: str, fresh: bool) -> None:
        if draft_id is not None and not self.operations.in_trash and self.drafts_panel.show_trash.isChecked():
            self.drafts_panel.show_trash.setChecked(False)  # new, restored, imported: in the list again
        self._show_banner()
        self.drafts_panel.select(draft_id)
        self.saved_at = None  # "Saved 14:32" was about the draft shown before
        self.saved_label.clear()
        self.form.setEnabled(draft_id is not None)  # nothing to type into without a draft
        if draft_id is None or not fresh:
            self.notice.hide()
        self.checker.draft_shown(draft_id is not None, fresh)
        if draft_id is not None:
            self.operations.watch.start()
        self._update_title()
        self._update_actions()

    def _status_changed(self, _status: str) -> None:
        self._show_banner()
        self._update_actions()

    def _show_banner(self) -> None:
        ops = self.operations
        signed = ""
        if ops.signed_by is not None:
            signed = ops.signed_by
            if ops.signed_at is not None:
                signed += ", " + show_date(ops.signed_at.astimezone().date())
        self.banner.show_for(ops.draft_id, ops.status, ops.in_trash, signed)

    def _problems_shown(self, problems: list) -> None:
        self.form.show_problems(problems)
        self.problems_dock.show_count(len(problems))

    def show_message(self, text: str) -> None:
        status_line.show_message(self.statusBar(), text, 15000)

    def show_notice(self, text: str) -> None:
        self.notice.show_text(text)

    def show_error(self, message: str) -> None:
        self.operations.show_error(message)

    # ------------------------------------------------------------------ commands
    def refresh_drafts(self, *_unused) -> None:
        drafts = self.operations.list_drafts(self.drafts_panel.show_trash.isChecked())
        if drafts is not None:
            self.drafts_model.set_drafts(drafts)
            self.drafts_panel.select(self.draft_id)
        self._update_actions()

    def open_draft(self, draft_id: str | None) -> bool:
        """Show ``draft_id`` (saving the open one first). False if it could not be opened."""
        if not self.operations.open(draft_id):
            self.drafts_panel.select(self.draft_id)
            return False
        return True

    def new_draft(self) -> str | None:
        draft_id = self.operations.new()
        if draft_id:
            self.form.focus_path("title")
        return draft_id

    def next_report(self) -> str | None:
        draft_id = self.operations.next_report()
        if draft_id:
            self.form.focus_path("title")
        return draft_id

    def finish_file_work(self) -> bool:
        """Wait for a file being read or written; True if there was such work (its result is
        then on its way to this thread's event queue)."""
        if self._files is None or not workers.pending():
            return False
        self._files.wait()
        return True

    def import_file(self, path: str | Path | None = None) -> bool:
        """Read a summary in any format on a worker; :attr:`files`'s ``imported`` follows."""
        return self.files.import_file(path)

    def purge_selected(self) -> bool:
        draft_id = self.drafts_panel.current_id()
        row = self.drafts_model.row_of(draft_id) if draft_id else -1
        title = self.drafts_model.draft(row).title if row >= 0 else ""
        return self.operations.purge(draft_id, title)

    def mark_submitted(self) -> bool:
        def go_to_first_error(problem) -> None:
            self.problems_dock.show()
            self.go_to_problem(problem)

        return self.operations.submit(self.checker.check_now, go_to_first_error)

    def undo(self) -> None:
        """Ctrl+Z: right after "Move to the trash", takes the draft back; else the form's undo."""
        if self.trash_undo.pending:
            self.trash_undo.undo()
        else:
            self.doc.undo_stack.undo()

    def reopen(self) -> bool:
        return self.operations.set_status("draft")

    def go_to_problem(self, problem) -> None:
        self.form.focus_path(problem.path, problem.row_id)

    def go_to_next_problem(self) -> None:
        """F8: every problem shows (also of a new draft), and the cursor goes to the next one."""
        self.checker.reveal()
        self.problems_dock.next()

    # ------------------------------------------------------------------ for the application (recovery)
    def ask_yes_no(self, question: str) -> bool:
        return self.dialogs.ask_yes_no(question)

    def _store_call(self, call):
        return self.operations.guarded(call)

    def _save_new_and_open(self, report: Report) -> str | None:
        return self.operations.save_new_and_open(report)

    # ------------------------------------------------------------------ saving
    def _on_saved(self, when) -> None:
        self.operations.tell_about_repairs()
        self.show_saved(when)
        self.refresh_drafts()
        self._update_title()

    def show_saved(self, when) -> None:
        self.saved_at = when
        self.saved_label.setText(translate("Window", "Saved %1").replace("%1", when.strftime("%H:%M")))
        self.saved_label.setStyleSheet("")

    def _on_save_failed(self, message: str) -> None:
        self.operations.tell_about_repairs()
        self.saved_label.setText(translate("Window", "Not saved!"))
        self.saved_label.setStyleSheet("color: #dc322f; font-weight: bold;")
        self.show_message(
            translate("Window", "Could not save: %1. Your changes stay in the window; saving is retried.").replace(
                "%1", message
            )
        )

    # ------------------------------------------------------------------ another language
    def carry_over(self, old: MainWindow) -> None:
        """The window was rebuilt for another language: keep what the store does not."""
        from kopsavilkums.ui.language_switch import carry_over

        carry_over(self, old)

    # ------------------------------------------------------------------ state
    def _update_title_soon(self) -> None:
        if not self.isWindowModified():
            self._update_title()

    def _update_title(self, *_unused) -> None:
        self.setWindowTitle(window_title(self.doc.report.title, bool(self.draft_id)))
        self.setWindowModified(self.saver.dirty)

    def _update_actions(self, *_unused) -> None:
        ops, doc, panel = self.operations, self.doc, self.drafts_panel
        enable_commands(
            self.commands,
            draft_open=ops.draft_id is not None,
            in_trash=ops.in_trash,
            status=ops.status,
            trash_row_chosen=panel.show_trash.isChecked() and panel.current_id() is not None,
            can_undo=(doc.undo_stack.canUndo() and not doc.read_only) or self.trash_undo.pending,
            can_redo=doc.undo_stack.canRedo() and not doc.read_only,
            signed_copy=ops.signed_by is not None,
        )
        self._update_title()

    def fit_to_screen(self) -> None:
        fit_to_screen(self)
        panel = drafts_panel_width(self.width())
        self.splitter.setSizes([panel, self.width() - panel])

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.operations.flush() and not self.operations.leave_current():
            event.ignore()
            return
        self.settings.setValue("geometry", self.saveGeometry())
        self.settings.sync()
        self.operations.watch.stop()
        self.checker.stop()  # no new check once closed: it would outlive the window
        self.pool.waitForDone()
        for part in (self._pdf, self._files):
            if part is not None:
                part.wait()
        self.saver.end_session()  # waits for the saver's last copy or removal, then lets go
        event.accept()
