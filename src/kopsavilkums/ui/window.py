"""The main window: drafts on the left, the form in the middle, problems below.

The window wires: it opens drafts from the store into the :class:`EditableDocument`, runs
validation a moment after each change, lets the :class:`AutoSaver` keep the store up to date,
and turns menu commands into store and PDF operations. Questions to the user go through small
``ask_*`` methods so tests can answer them.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, Qt, QThreadPool, QTimer, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QDockWidget,
    QHBoxLayout,
    QLabel,
    QListView,
    QMainWindow,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from kopsavilkums import APP_NAME, exchange
from kopsavilkums.report import Report, next_report_from
from kopsavilkums.store import StoreError
from kopsavilkums.ui import i18n, workers
from kopsavilkums.ui.actions import make_actions
from kopsavilkums.ui.document import EditableDocument
from kopsavilkums.ui.drafts_panel import DraftsPanel
from kopsavilkums.ui.form import ReportForm
from kopsavilkums.ui.i18n import translate
from kopsavilkums.ui.icons import app_icon
from kopsavilkums.ui.models import DraftsModel, ProblemsModel
from kopsavilkums.ui.models.problems import ProblemRole
from kopsavilkums.ui.saving import AutoSaver
from kopsavilkums.validation import has_errors, validate

VALIDATE_DELAY_MS = 250
# Show a progress dialog only for PDFs that take longer than this.
PROGRESS_AFTER_MS = 400


def __getattr__(name: str):
    # Dialogs are imported where they are used: creating their enum types costs start-up
    # time. This keeps ``window.QFileDialog`` & co. reachable for code that patches them.
    if name in ("QFileDialog", "QMessageBox", "QProgressDialog"):
        from PySide6 import QtWidgets

        return getattr(QtWidgets, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def settings_for(data_dir: Path) -> QSettings:
    """Settings live beside the drafts they refer to (the last draft is per data folder), which
    also keeps tests and ``--data-dir`` users from touching each other's settings."""
    return QSettings(str(Path(data_dir) / "settings.ini"), QSettings.Format.IniFormat)


class MainWindow(QMainWindow):
    # the user chose another interface language; the application rebuilds the window
    language_requested = Signal(str)
    # a PDF finished (path or bytes); tests and the status bar listen
    pdf_ready = Signal(object)

    def __init__(self, store, data_dir: Path, parent=None) -> None:
        super().__init__(parent)
        self.store = store
        self._repair_told = store.repaired  # one found on opening is told by the application
        self.data_dir = Path(data_dir)
        self.settings = settings_for(self.data_dir)
        self.pool = QThreadPool(self)
        self.draft_id: str | None = None
        self.status = "draft"
        self.setWindowIcon(app_icon())
        self.setObjectName("mainWindow")

        self.doc = EditableDocument(Report(), self)
        self.saver = AutoSaver(self.doc, store, self.data_dir, i18n.current, self)
        self.actions = make_actions(self)
        self.form = ReportForm(self.doc, self.ask_drop_years, self, progressive=True)
        self.drafts_model = DraftsModel(self)
        self.problems_model = ProblemsModel(self)
        self.problems: list | None = None  # what is shown; None until the first answer
        self._build_layout()
        self._build_menus()
        self._wire()
        self._validate_timer = QTimer(self, singleShot=True, interval=VALIDATE_DELAY_MS)
        self._validate_timer.timeout.connect(self.revalidate_in_background)
        # After a draft is shown, validation starts from the event loop (see _show).
        self._validate_soon = QTimer(self, singleShot=True, interval=0)
        self._validate_soon.timeout.connect(self.revalidate_in_background)
        self._validations = 0  # counts requests, so a late answer for an older text is dropped
        self.doc.edited.connect(self._validate_timer.start)
        self.restoreGeometry(self.settings.value("geometry", b""))
        self.refresh_drafts()
        self._show(None, Report(), "draft")

    # ------------------------------------------------------------------ layout
    def _build_layout(self) -> None:
        a = self.actions
        self.drafts_panel = DraftsPanel(
            self.drafts_model,
            [
                a["new"],
                a["duplicate"],
                a["next_report"],
                a["delete"],
                a["restore"],
                a["purge"],
                a["import"],
                a["export"],
            ],
            self,
        )
        self.banner = QWidget(self)
        self.banner.setObjectName("submittedBanner")
        self.banner.setStyleSheet("#submittedBanner { background: rgba(38, 139, 210, 45); }")
        banner_layout = QHBoxLayout(self.banner)
        self.banner_text = QLabel(translate("Window", "This summary is marked as submitted and can only be read."))
        self.banner_text.setWordWrap(True)
        self.reopen_button = QPushButton(translate("Window", "Reopen for editing"))
        self.reopen_button.clicked.connect(self.reopen)
        banner_layout.addWidget(self.banner_text, 1)
        banner_layout.addWidget(self.reopen_button)
        self.banner.hide()

        center = QWidget(self)
        column = QVBoxLayout(center)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.banner)
        column.addWidget(self.form, 1)

        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(self.drafts_panel)
        self.splitter.addWidget(center)
        self.splitter.setStretchFactor(0, 0)  # extra width goes to the form, not the list
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setCollapsible(1, False)
        self.setCentralWidget(self.splitter)

        self.problems_view = QListView(self)
        self.problems_view.setObjectName("problemsList")
        self.problems_view.setAccessibleName(translate("Window", "Problems"))
        self.problems_view.setModel(self.problems_model)
        self.problems_view.setWordWrap(True)
        self.problems_view.activated.connect(self.go_to_problem)
        self.problems_view.clicked.connect(self.go_to_problem)
        self.problems_dock = QDockWidget(translate("Window", "Problems"), self)
        self.problems_dock.setObjectName("problemsDock")
        self.problems_dock.setWidget(self.problems_view)
        self.problems_dock.setFeatures(
            QDockWidget.DockWidgetFeature.DockWidgetMovable | QDockWidget.DockWidgetFeature.DockWidgetClosable
        )
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.problems_dock)
        self.resizeDocks([self.problems_dock], [120], Qt.Orientation.Vertical)

        self.counts_label = QLabel(self)
        self.counts_label.setObjectName("problemCounts")
        self.saved_label = QLabel(self)
        self.saved_label.setObjectName("savedState")
        self.statusBar().addPermanentWidget(self.counts_label)
        self.statusBar().addPermanentWidget(self.saved_label)
        self.resize(1360, 900)
        self.splitter.setSizes([460, 900])

    def _build_menus(self) -> None:
        a, bar = self.actions, self.menuBar()
        file_menu = bar.addMenu(translate("Window", "&File"))
        for name in (
            "new",
            "duplicate",
            "next_report",
            None,
            "import",
            "export",
            None,
            "save",
            None,
            "export_pdf",
            "preview",
            "print",
            None,
            "quit",
        ):
            file_menu.addSeparator() if name is None else file_menu.addAction(a[name])
        edit_menu = bar.addMenu(translate("Window", "&Edit"))
        edit_menu.addActions([a["undo"], a["redo"]])
        edit_menu.addSeparator()
        edit_menu.addAction(a["next_problem"])
        draft_menu = bar.addMenu(translate("Window", "&Draft"))
        for name in ("submit", "reopen", None, "delete", "restore", "purge"):
            draft_menu.addSeparator() if name is None else draft_menu.addAction(a[name])
        view_menu = bar.addMenu(translate("Window", "&View"))
        view_menu.addAction(self.problems_dock.toggleViewAction())
        language_menu = view_menu.addMenu(translate("Window", "&Language"))
        for lang in i18n.LANGUAGES:
            action = a[f"lang_{lang}"]
            action.setCheckable(True)
            action.setChecked(i18n.current() == lang)
            language_menu.addAction(action)
        help_menu = bar.addMenu(translate("Window", "&Help"))
        help_menu.addAction(a["about"])

    def _wire(self) -> None:
        a = self.actions
        a["new"].triggered.connect(self.new_draft)
        a["duplicate"].triggered.connect(self.duplicate_draft)
        a["next_report"].triggered.connect(self.start_next_report)
        a["delete"].triggered.connect(self.delete_draft)
        a["restore"].triggered.connect(self.restore_draft)
        a["purge"].triggered.connect(self.purge_draft)
        a["import"].triggered.connect(lambda: self.import_file())  # not the "checked" flag as a path
        a["export"].triggered.connect(lambda: self.export_file())  # not the "checked" flag as a path
        a["save"].triggered.connect(self.save_now)
        a["export_pdf"].triggered.connect(lambda: self.export_pdf())  # not the "checked" flag as a path
        a["preview"].triggered.connect(self.preview_pdf)
        a["print"].triggered.connect(self.print_pdf)
        a["quit"].triggered.connect(self.close)
        a["undo"].triggered.connect(self.doc.undo_stack.undo)
        a["redo"].triggered.connect(self.doc.undo_stack.redo)
        # Bound methods, not lambdas: Qt disconnects them when the window goes, so a child's
        # last signal during destruction cannot reach a half-deleted window.
        self.doc.undo_stack.canUndoChanged.connect(self._update_actions)
        self.doc.undo_stack.canRedoChanged.connect(self._update_actions)
        a["submit"].triggered.connect(self.mark_submitted)
        a["reopen"].triggered.connect(self.reopen)
        a["next_problem"].triggered.connect(self.go_to_next_problem)
        a["lang_lv"].triggered.connect(lambda: self.language_requested.emit("lv"))
        a["lang_en"].triggered.connect(lambda: self.language_requested.emit("en"))
        a["about"].triggered.connect(self._about)
        self.drafts_panel.draft_chosen.connect(self.open_draft)
        self.drafts_panel.trash_toggled.connect(self._trash_toggled)
        self.saver.saved.connect(self._on_saved)
        self.saver.failed.connect(self._on_save_failed)
        self.saver.conflict.connect(self._on_conflict)
        self.saver.dirty_changed.connect(self._update_title)
        self.doc.edited.connect(self._update_title_soon)
        self.doc.read_only_changed.connect(self._update_actions)

    # ------------------------------------------------------------------ drafts
    def _store_call(self, call) -> tuple[bool, object]:
        """``(True, result)`` of a store call, or ``(False, None)`` after showing why it failed.

        Only what the user can act on is caught (a store problem, a disk error); anything else
        is a bug and goes to the crash handler instead of hiding behind a message box."""
        try:
            return True, call()
        except (StoreError, OSError) as exc:
            self.show_error(workers.message_of(exc, i18n.current()))
            return False, None
        finally:
            self.tell_about_repairs()

    def tell_about_repairs(self) -> None:
        """The store re-reads its file when another process changed it; if it found the file
        damaged and restored a backup meanwhile, say so once (as at start-up)."""
        notice = self.store.repaired
        if notice is not None and notice is not self._repair_told:
            self._repair_told = notice
            self.show_error(notice.localized(i18n.current()))

    def refresh_drafts(self) -> None:
        trash = self.drafts_panel.show_trash.isChecked()
        ok, drafts = self._store_call(lambda: self.store.list(trashed=trash))
        if not ok:
            return
        self.drafts_model.set_drafts(drafts)
        self.drafts_panel.select(self.draft_id)

    def open_draft(self, draft_id: str | None) -> bool:
        """Show ``draft_id`` (saving the current one first). False if it could not be opened."""
        if draft_id == self.draft_id:
            return True
        if not self.leave_current():
            self.drafts_panel.select(self.draft_id)
            return False
        if draft_id is None:
            self._show(None, Report(), "draft")
            return True
        ok, loaded = self._store_call(lambda: (self.store.load(draft_id), self.store.info(draft_id).status))
        if not ok:
            self.refresh_drafts()
            return False
        self._show(draft_id, *loaded)
        return True

    def _show(self, draft_id: str | None, report: Report, status: str) -> None:
        self.draft_id = draft_id
        self.status = status
        self.doc.replace(report)
        self.saver.attach(draft_id)
        self.doc.set_read_only(status == "submitted" or draft_id is None or self._in_trash(draft_id))
        self._show_banner(draft_id, status)
        self.settings.setValue("last_draft", draft_id or "")
        self.drafts_panel.select(draft_id)
        self._problems_pending()
        # Validate once this turn is over (at start-up: once the window is shown). The first
        # run loads the PDF fonts' tables on a worker, which would compete for the GIL with
        # building the first frame. The ticket drops late answers for the previous draft.
        self._validate_timer.stop()
        self._validations += 1
        self._validate_soon.start()
        self._update_title()
        self._update_actions()

    def _show_banner(self, draft_id: str | None, status: str) -> None:
        """Say why the form cannot be edited: nothing open yet, or submitted."""
        if draft_id is None:
            self.banner_text.setText(
                translate("Window", "No draft is open. Start one with New draft (Ctrl+N) or import a draft file.")
            )
        else:
            self.banner_text.setText(translate("Window", "This summary is marked as submitted and can only be read."))
        self.reopen_button.setVisible(draft_id is not None)
        self.banner.setVisible(draft_id is None or status == "submitted")

    def _in_trash(self, draft_id: str) -> bool:
        try:
            return self.store.info(draft_id).trashed
        except StoreError:  # gone meanwhile: not in the trash either
            return False

    def leave_current(self) -> bool:
        """Save what is open before showing something else; on failure ask whether to go on."""
        if self.saver.flush():
            return True
        from PySide6.QtWidgets import QMessageBox

        answer = QMessageBox.warning(
            self,
            APP_NAME,
            translate("Window", "The changes could not be saved. Leave this draft anyway and lose them?"),
            QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        if answer != QMessageBox.StandardButton.Discard:
            return False
        self.saver.discard_recovery_copy(self.draft_id)  # lost on purpose: not offered after a restart
        return True

    def _save_new_and_open(self, report: Report) -> str | None:
        if not self.leave_current():
            return None
        ok, draft_id = self._store_call(lambda: self.store.save(report))
        if not ok:
            return None
        if self.drafts_panel.show_trash.isChecked():
            self.drafts_panel.show_trash.setChecked(False)
        self.draft_id = None  # force open_draft to load it
        self.refresh_drafts()
        self._show(draft_id, self.store.load(draft_id), "draft")
        return draft_id

    def new_draft(self) -> str | None:
        draft_id = self._save_new_and_open(Report())
        if draft_id:
            self.form.focus_path("title")
        return draft_id

    def duplicate_draft(self) -> str | None:
        if not self.draft_id or not self.leave_current():
            return None
        ok, new_id = self._store_call(lambda: self.store.duplicate(self.draft_id))
        if not ok:
            return None
        self.refresh_drafts()
        self.open_draft(new_id)
        return new_id

    def start_next_report(self) -> str | None:
        if not self.draft_id:
            return None
        draft_id = self._save_new_and_open(next_report_from(self.doc.report))
        if draft_id:
            self.form.focus_path("title")
        return draft_id

    def delete_draft(self) -> None:
        draft_id = self.draft_id
        if not draft_id:
            return
        if not self.saver.flush() or self.draft_id != draft_id:
            return  # not saved (said why), or a conflict put the user's version in a new draft
        if not self._store_call(lambda: self.store.delete(self.draft_id))[0]:
            return
        self.statusBar().showMessage(
            translate("Window", "Moved to the trash; “Show the trash” and Restore bring it back."), 8000
        )
        self.saver.attach(None)
        self.draft_id = None
        self.refresh_drafts()
        first = self.drafts_model.draft(0).id if self.drafts_model.rowCount() else None
        self._open_or_empty(first)

    def _open_or_empty(self, draft_id: str | None) -> None:
        if draft_id:
            self.open_draft(draft_id)
        else:
            self._show(None, Report(), "draft")

    def restore_draft(self) -> None:
        draft_id = self.drafts_panel.current_id() or self.draft_id
        if not draft_id:
            return
        if not self._store_call(lambda: self.store.restore(draft_id))[0]:
            return
        self.drafts_panel.show_trash.setChecked(False)
        self.draft_id = None
        self.refresh_drafts()
        self.open_draft(draft_id)

    def purge_draft(self) -> None:
        draft_id = self.drafts_panel.current_id() or self.draft_id
        if not draft_id or not self.ask_yes_no(
            translate("Window", "Delete this draft for good? This cannot be undone.")
        ):
            return
        if not self._store_call(lambda: self.store.purge(draft_id))[0]:
            return
        self.saver.attach(None)
        self.draft_id = None
        self.refresh_drafts()
        self._show(None, Report(), "draft")

    # ------------------------------------------------------------------ files
    def import_file(self, path: str | Path | None = None) -> str | None:
        from PySide6.QtWidgets import QFileDialog

        if path is None:
            path, _ = QFileDialog.getOpenFileName(
                self,
                translate("Window", "Import a draft file"),
                self._last_folder(),
                translate("Window", "Draft files (*.json);;All files (*)"),
            )
            if not path:
                return None
        try:
            report = exchange.read(path)
        except exchange.ExchangeError as exc:
            self.show_error(f"{Path(path).name}: {exc.localized(i18n.current())}")
            return None
        self.settings.setValue("last_folder", str(Path(path).parent))
        return self._save_new_and_open(report)

    def export_file(self, path: str | Path | None = None) -> bool:
        from PySide6.QtWidgets import QFileDialog

        from kopsavilkums.ui import pdf  # Qt PDF loads only when a PDF is wanted

        if not self.draft_id:
            return False
        if path is None:
            name = pdf.proposed_file_name(self.doc.report).removesuffix(".pdf") + exchange.SUFFIX
            path, _ = QFileDialog.getSaveFileName(
                self,
                translate("Window", "Export the draft file"),
                str(Path(self._last_folder()) / name),
                translate("Window", "Draft files (*.json)"),
            )
            if not path:
                return False
        try:
            exchange.write(self.doc.report, path)
        except OSError as exc:
            self.show_error(workers.message_of(exc, i18n.current()))
            return False
        self.settings.setValue("last_folder", str(Path(path).parent))
        self.statusBar().showMessage(translate("Window", "Exported to %1").replace("%1", str(path)), 8000)
        return True

    def _last_folder(self) -> str:
        return str(self.settings.value("last_folder", str(Path.home())))

    # ------------------------------------------------------------------ PDF
    def _build_pdf(self, then) -> None:
        from PySide6.QtWidgets import QProgressDialog

        from kopsavilkums.ui import pdf  # Qt PDF loads only when a PDF is wanted

        """Build the PDF on a worker thread; ``then(bytes)`` runs on the UI thread."""
        report = self.doc.report.copy()
        progress = QProgressDialog(translate("Window", "Building the PDF…"), "", 0, 0, self)
        progress.setCancelButton(None)
        progress.setMinimumDuration(PROGRESS_AFTER_MS)
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setAutoClose(True)

        def done(data) -> None:
            progress.reset()
            then(data)

        def failed(exc) -> None:
            progress.reset()
            self.show_error(
                translate("Window", "The PDF could not be made: %1").replace(
                    "%1", workers.message_of(exc, i18n.current())
                )
            )

        workers.start(self.pool, lambda: pdf.build_pdf(report), done, failed, self)

    def export_pdf(self, path: str | Path | None = None) -> None:
        from PySide6.QtWidgets import QFileDialog

        from kopsavilkums.ui import pdf  # Qt PDF loads only when a PDF is wanted

        if path is None:
            path, _ = QFileDialog.getSaveFileName(
                self,
                translate("Window", "Export PDF"),
                str(Path(self._last_folder()) / pdf.proposed_file_name(self.doc.report)),
                translate("Window", "PDF files (*.pdf)"),
            )
            if not path:
                return
        target = Path(path)
        if target.suffix.lower() != ".pdf":
            target = target.with_name(target.name + ".pdf")
        self.settings.setValue("last_folder", str(target.parent))

        def write(data: bytes) -> None:
            from kopsavilkums.fileio import atomic_write_bytes

            try:
                atomic_write_bytes(target, data)
            except OSError as exc:
                self.show_error(workers.message_of(exc, i18n.current()))
                return
            self.statusBar().showMessage(translate("Window", "PDF saved: %1").replace("%1", str(target)), 10000)
            self.pdf_ready.emit(target)

        self._build_pdf(write)

    def preview_pdf(self) -> None:
        from kopsavilkums.ui import pdf  # Qt PDF loads only when a PDF is wanted

        if pdf.QPdfView is None:
            self.show_error(translate("Window", "The preview needs Qt PDF, which is not installed."))
            return

        def show(data: bytes) -> None:
            self.preview = pdf.PreviewDialog(data, self)
            self.preview.print_button.clicked.connect(lambda: self._print_bytes(data))
            self.preview.show()
            self.pdf_ready.emit(data)

        self._build_pdf(show)

    def print_pdf(self) -> None:
        self._build_pdf(self._print_bytes)

    def _print_bytes(self, data: bytes) -> None:
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        from kopsavilkums.ui import pdf  # Qt PDF loads only when a PDF is wanted

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(pdf.proposed_file_name(self.doc.report))
        dialog = QPrintDialog(printer, self)
        if dialog.exec() == QPrintDialog.DialogCode.Accepted:
            pdf.print_pdf(data, printer, self)

    # ------------------------------------------------------------------ validation
    # The window checks the report as the copy to be signed (final=True), the same check that
    # prints MELNRAKSTS and blocks "Mark as submitted": "Errors: 0" means a clean print.
    def revalidate(self) -> None:
        """Validate now, on this thread (before submitting, and in tests)."""
        self._validate_timer.stop()
        self._validate_soon.stop()
        self._validations += 1
        self.show_problems(validate(self.doc.report, final=True) if self.draft_id else [])

    def revalidate_in_background(self) -> None:
        """Validate a copy on a worker: checking a 300,000-character text or the first run
        (which loads the PDF fonts' character tables) never holds up typing or start-up."""
        self._validate_timer.stop()
        self._validations += 1
        if not self.draft_id:
            self.show_problems([])
            return
        ticket, report = self._validations, self.doc.report.copy()

        def done(problems) -> None:
            if ticket == self._validations:
                self.show_problems(problems)

        def failed(exc) -> None:
            if ticket == self._validations:
                self.counts_label.setText(translate("Window", "Not checked"))
                self.statusBar().showMessage(str(exc), 10000)

        workers.start(self.pool, lambda: validate(report, final=True), done, failed, self)

    def _problems_pending(self) -> None:
        """A draft was just shown and its check is a moment away: say so, not "Errors: 0"."""
        self.problems = None
        self.form.show_problems([])
        self.problems_model.set_problems([])
        self.counts_label.setText(translate("Window", "Checking…"))
        self.problems_dock.setWindowTitle(translate("Window", "Problems"))

    def show_problems(self, problems: list) -> None:
        if problems == self.problems:
            # The usual answer while typing: nothing changed. Showing hundreds of warnings again
            # (labels re-wrapped, lists reset) stalled typing by ~25 ms each time.
            return
        self.problems = problems
        self.form.show_problems(problems)
        self.problems_model.set_problems(problems)
        errors, warnings = self.problems_model.counts()
        self.counts_label.setText(
            translate("Window", "Errors: %1 · Warnings: %2").replace("%1", str(errors)).replace("%2", str(warnings))
        )
        self.problems_dock.setWindowTitle(translate("Window", "Problems (%1)").replace("%1", str(errors + warnings)))

    def go_to_problem(self, index) -> None:
        problem = index.data(ProblemRole)
        if problem is not None:
            self.form.focus_path(problem.path, problem.row_id)

    def go_to_next_problem(self) -> None:
        rows = self.problems_model.rowCount()
        if not rows:
            return
        current = self.problems_view.currentIndex().row()
        index = self.problems_model.index((current + 1) % rows)
        self.problems_view.setCurrentIndex(index)
        self.go_to_problem(index)

    # ------------------------------------------------------------------ submitted
    def mark_submitted(self) -> bool:
        if not self.draft_id:
            return False
        problems = validate(self.doc.report, final=True)
        if has_errors(problems):
            self.revalidate()
            self.problems_model.set_problems(problems)
            self.problems_dock.show()
            first = next(p for p in problems if p.is_error)
            self.form.focus_path(first.path, first.row_id)
            self.show_error(
                translate(
                    "Window",
                    "The summary still has errors (see Problems); it can be marked as submitted once they are fixed.",
                )
            )
            return False
        if not self.saver.flush():
            return False
        self.store.set_status(self.draft_id, "submitted")
        self.status = "submitted"
        self.doc.set_read_only(True)
        self._show_banner(self.draft_id, self.status)
        self.refresh_drafts()
        self._update_actions()
        return True

    def reopen(self) -> None:
        if not self.draft_id:
            return
        self.store.set_status(self.draft_id, "draft")
        self.status = "draft"
        self.doc.set_read_only(False)
        self._show_banner(self.draft_id, self.status)
        self.refresh_drafts()
        self._update_actions()

    # ------------------------------------------------------------------ saving
    def save_now(self) -> None:
        self.saver.save_now()

    def _on_saved(self, when) -> None:
        self.tell_about_repairs()
        self.saved_label.setText(translate("Window", "Saved %1").replace("%1", when.strftime("%H:%M")))
        self.saved_label.setStyleSheet("")
        self.refresh_drafts()
        self._update_title()

    def _on_save_failed(self, message: str) -> None:
        self.tell_about_repairs()
        self.saved_label.setText(translate("Window", "Not saved!"))
        self.saved_label.setStyleSheet("color: #dc322f; font-weight: bold;")
        self.statusBar().showMessage(
            translate("Window", "Could not save: %1. Your changes stay in the window; saving is retried.").replace(
                "%1", message
            ),
            15000,
        )

    def _on_conflict(self, exc) -> None:
        draft_id = self.draft_id
        if self.ask_conflict(workers.message_of(exc, i18n.current())) == "copy":
            # Saved as a new draft first: if that fails, the edits stay with the saver (and its
            # recovery copy) on this draft, and the next save asks again.
            ok, copy_id = self._store_call(lambda: self.store.save(self.doc.report.copy()))
            if not ok:
                return
            self.saver.attach(None)
            self.draft_id = None
            self.refresh_drafts()
            self._show(copy_id, self.store.load(copy_id), "draft")
            self.statusBar().showMessage(translate("Window", "Your version was kept as a copy."), 10000)
        else:
            self.draft_id = None
            self.saver.attach(None)
            self.open_draft(draft_id)
        self.saver.discard_recovery_copy(draft_id)

    # ------------------------------------------------------------------ questions (tests answer them)
    def ask_drop_years(self, years: list[int]) -> bool:
        listed = ", ".join(str(y) for y in years)
        return self.ask_yes_no(
            translate(
                "Window",
                "The new period no longer includes %1, which holds amounts. Remove these budget years? (Edit → Undo brings them back.)",
            ).replace("%1", listed)
        )

    def ask_conflict(self, message: str) -> str:
        from PySide6.QtWidgets import QMessageBox

        box = QMessageBox(
            QMessageBox.Icon.Warning,
            APP_NAME,
            translate(
                "Window",
                "This draft was changed in another window. Keep your version as a copy, or load the other version?",
            ),
            parent=self,
        )
        box.setInformativeText(message)
        copy_button = box.addButton(translate("Window", "Keep mine as a copy"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(translate("Window", "Load the other version"), QMessageBox.ButtonRole.DestructiveRole)
        box.exec()
        return "copy" if box.clickedButton() is copy_button else "reload"

    def ask_yes_no(self, question: str) -> bool:
        from PySide6.QtWidgets import QMessageBox

        return QMessageBox.question(self, APP_NAME, question) == QMessageBox.StandardButton.Yes

    def show_error(self, message: str) -> None:
        from PySide6.QtWidgets import QMessageBox

        self.statusBar().showMessage(message, 15000)
        QMessageBox.warning(self, APP_NAME, message)

    def _about(self) -> None:
        from PySide6.QtWidgets import QMessageBox

        from kopsavilkums import __version__

        QMessageBox.about(
            self,
            APP_NAME,
            f"{APP_NAME} {__version__}\n"
            + translate("Window", "The summary of a delegated public administration task."),
        )

    # ------------------------------------------------------------------ state
    def _update_title_soon(self) -> None:
        if not self.isWindowModified():
            self._update_title()

    def _trash_toggled(self, _on: bool) -> None:
        self.refresh_drafts()
        self._update_actions()

    def _update_title(self, *_unused) -> None:
        title = self.doc.report.title.strip() or translate("Window", "(untitled)")
        if len(title) > 80:
            title = title[:79] + "…"
        self.setWindowTitle(f"{title}[*] — {APP_NAME}" if self.draft_id else APP_NAME)
        self.setWindowModified(self.saver.dirty)

    def _update_actions(self, *_unused) -> None:
        a, has = self.actions, self.draft_id is not None
        in_trash = self.drafts_panel.show_trash.isChecked()
        submitted = has and self.status == "submitted"
        for name in ("duplicate", "next_report", "export", "export_pdf", "preview", "print"):
            a[name].setEnabled(has and not in_trash)
        a["delete"].setEnabled(has and not in_trash)
        a["restore"].setEnabled(in_trash)
        a["purge"].setEnabled(in_trash)
        a["submit"].setEnabled(has and not submitted and not in_trash)
        a["reopen"].setEnabled(submitted and not in_trash)
        self._update_title()
        a["undo"].setEnabled(self.doc.undo_stack.canUndo() and not self.doc.read_only)
        a["redo"].setEnabled(self.doc.undo_stack.canRedo() and not self.doc.read_only)

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.saver.flush() and not self.leave_current():
            event.ignore()
            return
        self.settings.setValue("geometry", self.saveGeometry())
        self.settings.sync()
        self._validate_timer.stop()  # no new validation once closed: it would outlive the window
        self._validate_soon.stop()
        self.pool.waitForDone()
        self.saver.end_session()  # waits for the saver's last copy or removal, then lets go
        event.accept()
