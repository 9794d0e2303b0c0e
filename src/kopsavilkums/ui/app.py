"""Start the window: one application, the store on the data folder, the last draft reopened.

Also: the interface language (Latvian unless English was chosen), the crash handler, and
single-instance hand-over — a draft file opened (e.g. by double-click) while a window already
runs on the same data folder is passed to that window instead of starting a second one.

``KOPSAVILKUMS_QUIT_AFTER_MS=N`` is for checking a build and measuring start-up: N ms after the
event loop is first free (the window shown and every start-up task queued before it done), each
open window is closed through its ordinary close path and its title printed to stderr.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from PySide6.QtCore import QEvent, QTimer
from PySide6.QtWidgets import QApplication

from kopsavilkums import APP_NAME
from kopsavilkums.store import RecoveryCopies
from kopsavilkums.ui import crash, i18n
from kopsavilkums.ui.dialogs import Dialogs
from kopsavilkums.ui.window import MainWindow, settings_for

LISTEN_AFTER_MS = 250


class QtApplication(QApplication):
    """Qt's application object, plus what macOS sends it: a draft file double-clicked in the
    Finder, or dropped on the Dock icon, arrives as a ``QFileOpenEvent`` — when Kopsavilkums is
    already running and also when it is started that way, in place of a command-line argument.
    Files that arrive before a window can take them wait for :meth:`handle_files_with`."""

    def __init__(self, argv: list[str]) -> None:
        super().__init__(argv)
        self._file_handler = None
        self._files_waiting: list[str] = []

    def handle_files_with(self, handler) -> None:
        """``handler(path)`` takes files from now on (None: they wait)."""
        self._file_handler = handler
        if handler is not None:
            waiting, self._files_waiting = self._files_waiting, []
            for path in waiting:
                handler(path)

    def event(self, event) -> bool:
        if event.type() == QEvent.Type.FileOpen:
            if event.file():
                if self._file_handler is None:
                    self._files_waiting.append(event.file())
                else:
                    self._file_handler(event.file())
            return True
        return super().event(event)


class Application:
    """Holds the store and the one main window; rebuilds the window when the language changes."""

    def __init__(self, store, data_dir: Path, dialogs=Dialogs) -> None:
        """``dialogs(window)`` makes what asks the user questions (tests pass a scripted one)."""
        self.store, self.data_dir, self.dialogs = store, Path(data_dir), dialogs
        self.window: MainWindow | None = None

    def show_window(self, draft_id: str | None = None) -> MainWindow:
        window = MainWindow(self.store, self.data_dir, dialogs=self.dialogs)
        window.language_requested.connect(self.switch_language)
        self.window = window
        settings = window.settings
        last: str | None = draft_id or str(settings.value("last_draft", "") or "")
        listed = self.store.list()  # once: each call reads every draft's record
        if last not in {d.id for d in listed}:
            last = listed[0].id if listed else None
        if last:
            window.open_draft(last)
        window.show()
        crash.watch(window)
        qt_app = QApplication.instance()
        if isinstance(qt_app, QtApplication):
            qt_app.handle_files_with(self.open_file)
        return window

    def switch_language(self, language: str) -> MainWindow:
        old = self.window
        draft_id = old.draft_id if old else None
        if old is not None:
            if not old.saver.flush():
                return old
            old.settings.setValue("language", language)
            old.settings.setValue("geometry", old.saveGeometry())
            old.settings.sync()
        i18n.install(language)
        new = self.show_window(draft_id)
        if old is not None:
            new.carry_over(old)
            new.restoreGeometry(old.saveGeometry())
            old.hide()
            old.deleteLater()
        return new

    def offer_recovery(self) -> None:
        """Offer, draft by draft, what an earlier session did not get to save. A copy stays for
        the next start unless it was restored or the user said no."""
        if self.window is None:
            return
        copies = RecoveryCopies(self.data_dir)
        for found in copies.pending():
            question = i18n.translate(
                "Window", "Changes to “%1” were not saved when Kopsavilkums last closed. Restore them?"
            ).replace("%1", found.report.title or found.draft_id or "")
            if not self.window.ask_yes_no(question) or self._restore(self.window, found):
                found.discard()
        copies.tidy()

    def _restore(self, window: MainWindow, found) -> bool:
        """Put recovered edits back: onto their draft if it is still as they found it, else
        as a new draft beside it (never over newer work). False if nothing could be saved."""
        if found.draft_id is not None and found.base_revision is not None:
            ok, infos = window._store_call(lambda: self.store.list() + self.store.list(trashed=True))
            if not ok:
                return False
            revision = next((info.revision for info in infos if info.id == found.draft_id), None)
            if revision == found.base_revision:
                if not window.open_draft(found.draft_id) or window.draft_id != found.draft_id:
                    return False
                if self.store.revision_seen(found.draft_id) == found.base_revision:  # still, once loaded
                    window.doc.replace(found.report)
                    window.saver.mark_dirty()
                    return window.saver.flush()
        if window._save_new_and_open(found.report) is None:
            return False
        window.statusBar().showMessage(
            i18n.translate(
                "Window",
                "The restored changes to “%1” were kept as a new draft, so nothing saved since is overwritten.",
            ).replace("%1", found.report.title or found.draft_id or ""),
            15000,
        )
        return True

    def open_file(self, path: str | Path) -> None:
        """A draft file handed to us (command line, another process, macOS): import and show it."""
        if self.window is None:
            return
        self.window.import_file(str(path))
        self.window.raise_()
        self.window.activateWindow()


def initial_language(data_dir: Path) -> str:
    chosen = str(settings_for(data_dir).value("language", "") or "")
    return chosen if chosen in i18n.LANGUAGES else i18n.DEFAULT_LANGUAGE


def _single_instance():
    from kopsavilkums.ui import single_instance  # loads QtNetwork: not before the window shows

    return single_instance


def _close_all(app: QApplication) -> None:
    # A file being read when the time is up (a draft file given on the command line) is part of
    # starting up: let it arrive and show first.
    for widget in app.topLevelWidgets():
        if isinstance(widget, MainWindow) and widget.finish_file_work():
            app.processEvents()
    for widget in app.topLevelWidgets():
        if widget.isVisible():
            print(f"closing window: {widget.windowTitle()}", file=sys.stderr, flush=True)
            widget.close()


def run(args) -> int:
    from kopsavilkums.paths import data_dir as find_data_dir
    from kopsavilkums.paths import store_path
    from kopsavilkums.store import DraftStore, StoreError

    folder = find_data_dir(getattr(args, "data_dir", None))
    open_file = getattr(args, "open_file", None)
    # Only macOS sends QFileOpenEvent; elsewhere a Python event() on the application object
    # would only cost start-up time (every event sent to it would call into Python).
    app_class = QtApplication if sys.platform == "darwin" else QApplication
    app = QApplication.instance() or app_class(sys.argv[:1])
    assert isinstance(app, QApplication)  # instance() is typed as the QCoreApplication it may be
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(APP_NAME)
    app.setDesktopFileName("lv.kopsavilkums.Kopsavilkums")  # packaging/linux/<this>.desktop: taskbar icon and grouping
    i18n.install(initial_language(folder))
    if open_file and _single_instance().hand_over(folder, Path(open_file)):
        return 0  # the running window took it
    crash.install(folder)
    try:
        store = DraftStore(store_path(folder))
    except StoreError as exc:
        from PySide6.QtWidgets import QMessageBox  # only on failure: its enums cost start-up time

        from kopsavilkums.ui.dialogs import message_box

        message_box(None, QMessageBox.Icon.Critical, exc.localized(i18n.current())).exec()
        return 2
    application = Application(store, folder)
    window = application.show_window()
    if store.repaired is not None:
        from PySide6.QtWidgets import QMessageBox

        from kopsavilkums.ui.dialogs import message_box

        message_box(window, QMessageBox.Icon.Warning, store.repaired.localized(i18n.current())).exec()
    # The hand-over server loads QtNetwork (~10 ms), so it starts once the window has been up
    # for a moment rather than delaying the first keystroke. A file opened in that moment starts
    # a second window, which the store allows.
    servers = []
    # Owned by the application, not the window: switching the language replaces the window.
    QTimer.singleShot(
        LISTEN_AFTER_MS, app, lambda: servers.append(_single_instance().listen(folder, application.open_file, app))
    )
    application.offer_recovery()
    if open_file:
        application.open_file(open_file)
    if os.environ.get("KOPSAVILKUMS_QUIT_AFTER_MS"):
        # Queued last, so it runs only after the start-up work queued above.
        QTimer.singleShot(int(os.environ["KOPSAVILKUMS_QUIT_AFTER_MS"]), app, lambda: _close_all(app))
    try:
        return app.exec()
    finally:
        for server in servers:
            if server is not None:
                server.close()
        store.close()
