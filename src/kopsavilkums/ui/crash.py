"""A crash handler: an unexpected error is logged to ``crash.log`` in the data folder, what was
typed is kept for the next start, and a dialog says so — the window does not just vanish."""

from __future__ import annotations

import contextlib
import sys
import traceback
import weakref
from datetime import datetime
from pathlib import Path

from PySide6.QtWidgets import QApplication

from kopsavilkums import APP_NAME, __version__
from kopsavilkums.ui.i18n import translate

LOG_NAME = "crash.log"
_state: dict = {"folder": None, "window": None}


def install(folder: Path) -> None:
    _state["folder"] = Path(folder)
    sys.excepthook = handle


def watch(window) -> None:
    """The window whose unsaved edits the handler keeps."""
    _state["window"] = weakref.ref(window)


def handle(kind, value, tb) -> None:
    text = "".join(traceback.format_exception(kind, value, tb))
    log = log_crash(text)
    ref = _state["window"]
    window = ref() if ref else None
    if window is not None:
        with contextlib.suppress(Exception):
            window.saver.write_recovery_copy_now()
    if QApplication.instance() is not None:
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.critical(
            window,
            APP_NAME,
            translate(
                "Crash",
                "Something went wrong inside Kopsavilkums. Your unsaved changes were kept and will be offered at the next start.\n\nDetails are in %1",
            ).replace("%1", str(log)),
        )


def log_crash(text: str) -> Path | None:
    folder = _state["folder"]
    if folder is None:
        sys.stderr.write(text)
        return None
    path = Path(folder) / LOG_NAME
    with path.open("a", encoding="utf-8") as f:
        f.write(f"--- {datetime.now().isoformat(timespec='seconds')} {APP_NAME} {__version__}\n{text}\n")
    return path
