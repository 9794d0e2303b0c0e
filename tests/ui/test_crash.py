"""An unexpected error keeps what was typed and tells the user, even when the crash log or the
recovery copy cannot be written (a read-only data folder, a full disk)."""

from __future__ import annotations

import shutil
import sys

import pytest
from PySide6.QtWidgets import QMessageBox


@pytest.fixture
def crashing_window(qtbot, make_window, data_dir, monkeypatch):
    """A window with unsaved edits and the crash handler installed; ``crash()`` raises into it
    and returns the dialog's text."""
    from kopsavilkums.ui import crash

    window = make_window()
    window.new_draft()
    window.saver.timer.setInterval(60_000)  # the crash comes before the autosave
    window.form.editors["title"].textEdited.emit("Tikko ierakstīts")
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda *args: shown.append(args[2]))
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # restored after the test
    crash.install(data_dir)
    crash.watch(window)

    def crash_now() -> str:
        try:
            raise ZeroDivisionError("boom")
        except ZeroDivisionError:
            sys.excepthook(*sys.exc_info())
        assert len(shown) == 1, "no dialog"
        return shown[0]

    window.crash = crash_now
    return window


def recovered_titles(window, data_dir) -> list[str]:
    from kopsavilkums.store import RecoveryCopies

    window.saver.end_session()  # as when the process ends: the system lets go of its lock
    return [found.report.title for found in RecoveryCopies(data_dir).pending()]


def test_a_crash_log_that_cannot_be_written_is_said_and_nothing_else_is_lost(crashing_window, data_dir, capsys):
    from kopsavilkums.ui import crash

    (data_dir / crash.LOG_NAME).mkdir()  # cannot be opened for writing, not even by root
    text = crashing_window.crash()
    assert "could not be written" in text and str(data_dir / crash.LOG_NAME) in text
    assert "were kept" in text
    assert "ZeroDivisionError: boom" in capsys.readouterr().err  # the details are not lost either
    assert recovered_titles(crashing_window, data_dir) == ["Tikko ierakstīts"]


def test_a_recovery_copy_that_cannot_be_written_is_said_and_the_log_still_written(crashing_window, data_dir):
    from kopsavilkums.ui import crash

    shutil.rmtree(data_dir / "unsaved", ignore_errors=True)
    (data_dir / "unsaved").write_text("a file where the folder should be")
    text = crashing_window.crash()
    assert "could not be kept" in text and "were kept" not in text
    assert "ZeroDivisionError: boom" in (data_dir / crash.LOG_NAME).read_text(encoding="utf-8")
    assert f"Details are in {data_dir / crash.LOG_NAME}" in text


def test_the_dialog_is_in_the_interface_language(crashing_window, data_dir):
    from kopsavilkums.ui import crash, i18n

    i18n.install("lv")
    try:
        (data_dir / crash.LOG_NAME).mkdir()
        text = crashing_window.crash()
    finally:
        i18n.install("en")
    assert text.startswith("Kopsavilkumā radās neparedzēta kļūda.")
    assert "neizdevās ierakstīt" in text
