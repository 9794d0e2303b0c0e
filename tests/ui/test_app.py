"""Starting the application: the default language, single instance, files handed over, the crash log."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QApplication, QMessageBox


def test_the_interface_is_latvian_by_default(data_dir):
    from kopsavilkums.ui.app import initial_language

    assert initial_language(data_dir) == "lv"


def test_a_second_start_hands_the_file_to_the_running_window(qtbot, make_window, data_dir, complete_path):
    from kopsavilkums.ui import single_instance

    window = make_window()
    server = single_instance.listen(data_dir, window.application.open_file, window)
    assert server is not None
    # the second process's side, run here without blocking the loop that must answer it
    from PySide6.QtNetwork import QLocalSocket

    socket = QLocalSocket()
    socket.connectToServer(single_instance.server_name(data_dir))
    assert socket.waitForConnected(1000)
    socket.write(str(complete_path).encode() + b"\n")
    socket.flush()
    qtbot.waitUntil(lambda: window.draft_id is not None)
    assert window.doc.report.performer == 'Biedrība "Latgales jauniešu forums"'
    server.close()


def test_a_draft_opened_from_the_macos_finder_is_imported_and_shown(qtbot, qapp, make_window, seed_path, complete_path):
    """macOS hands a double-clicked file over as a QFileOpenEvent (also at launch, before there
    is a window: that one waits for it)."""
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtGui import QFileOpenEvent

    qapp.handle_files_with(None)  # as at launch: no window to take files yet
    QCoreApplication.sendEvent(qapp, QFileOpenEvent(str(complete_path)))
    window = make_window()
    qtbot.waitUntil(lambda: window.draft_id is not None)
    assert window.doc.report.performer == 'Biedrība "Latgales jauniešu forums"'
    QCoreApplication.sendEvent(qapp, QFileOpenEvent(str(seed_path)))  # and while it runs
    qtbot.waitUntil(lambda: window.doc.report.performer == 'Biedrība "Kurzemes NVO centrs"')
    assert len(window.store.list()) == 2


def test_no_running_window_means_no_hand_over(qapp, data_dir, tmp_path):
    from kopsavilkums.ui import single_instance

    assert single_instance.hand_over(tmp_path / "nobody-here", tmp_path / "x.json") is False


def test_the_crash_handler_logs_keeps_unsaved_work_and_tells_the_user(qtbot, make_window, data_dir, monkeypatch):
    from kopsavilkums.store import RecoveryCopies
    from kopsavilkums.ui import crash

    window = make_window()
    window.new_draft()
    window.saver.timer.setInterval(60_000)
    window.form.editors["title"].textEdited.emit("Tikko ierakstīts")
    shown = []
    monkeypatch.setattr(QMessageBox, "critical", lambda *args: shown.append(args[2]))
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # restored after the test
    crash.install(data_dir)
    crash.watch(window)
    try:
        raise ZeroDivisionError("boom")
    except ZeroDivisionError:
        sys.excepthook(*sys.exc_info())
    assert "ZeroDivisionError: boom" in (data_dir / crash.LOG_NAME).read_text(encoding="utf-8")
    assert shown and str(data_dir / crash.LOG_NAME) in shown[0]
    assert RecoveryCopies(data_dir).pending() == []  # this process still runs: its copy is its own
    window.saver.end_session()  # the process ends: the system lets go of its lock
    [found] = RecoveryCopies(data_dir).pending()
    assert found.draft_id == window.draft_id and found.report.title == "Tikko ierakstīts"


def test_run_opens_a_draft_file_given_on_the_command_line(qtbot, data_dir, monkeypatch, english, complete_path):
    """``kopsavilkums FILE`` (a double-click): the file is imported into the store and shown."""
    from argparse import Namespace

    from PySide6.QtCore import QTimer

    from kopsavilkums.paths import store_path
    from kopsavilkums.store import DraftStore
    from kopsavilkums.ui import app as app_module
    from kopsavilkums.ui.window import MainWindow

    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    seen = []

    def look_and_close():
        windows = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()]
        if windows and windows[-1].draft_id:
            seen.append(windows[-1].doc.report.performer)
            windows[-1].close()
        else:
            QTimer.singleShot(20, look_and_close)

    QTimer.singleShot(0, look_and_close)
    assert app_module.run(Namespace(data_dir=str(data_dir), open_file=complete_path)) == 0
    assert seen == ['Biedrība "Latgales jauniešu forums"']
    with DraftStore(store_path(data_dir)) as store:
        assert [d.performer for d in store.list()] == ['Biedrība "Latgales jauniešu forums"']
