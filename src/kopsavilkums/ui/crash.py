"""A crash handler: an unexpected error keeps what was typed for the next start, the user is told
in a dialog, and the details go to ``crash.log`` in the data folder — the window does not just
vanish.

In that order of importance, and none of it may stop the rest: a data folder that is read-only
or full loses the log (the traceback then goes to stderr and the dialog says so), never the
recovery copy or the dialog. The handler itself never raises.
"""

from __future__ import annotations

import sys
import traceback
import weakref
from datetime import datetime
from pathlib import Path

from PySide6.QtWidgets import QApplication

from kopsavilkums import APP_NAME, __version__
from kopsavilkums.messages import Message
from kopsavilkums.ui import i18n

LOG_NAME = "crash.log"
_state: dict = {"folder": None, "window": None}

WENT_WRONG = Message(lv="Kopsavilkumā radās neparedzēta kļūda.", en="Something went wrong inside Kopsavilkums.")
KEPT = Message(
    lv="Nesaglabātās izmaiņas ir paglabātas, un nākamajā palaišanas reizē tās tiks piedāvātas atjaunot.",
    en="Your unsaved changes were kept and will be offered at the next start.",
)
NOT_KEPT = Message(
    lv="Nesaglabātās izmaiņas neizdevās paglabāt ({reason}). Ja varat, saglabājiet tās tūlīt vai nokopējiet ierakstīto citur.",
    en="Your unsaved changes could not be kept ({reason}). If you can, save them now or copy what you typed somewhere else.",
)
DETAILS = Message(lv="Sīkāka informācija ir failā {path}", en="Details are in {path}")
NO_LOG = Message(
    lv="Sīkāko informāciju neizdevās ierakstīt failā {path} ({reason}); tā ir izvadīta kļūdu plūsmā (stderr).",
    en="The details could not be written to {path} ({reason}); they went to the error output (stderr) instead.",
)


def install(folder: Path) -> None:
    _state["folder"] = Path(folder)
    sys.excepthook = handle


def watch(window) -> None:
    """The window whose unsaved edits the handler keeps."""
    _state["window"] = weakref.ref(window)


def handle(kind, value, tb) -> None:
    try:
        text = "".join(traceback.format_exception(kind, value, tb))
    except Exception:  # a broken exception object: say what can be said
        text = f"{getattr(kind, '__name__', kind)} (its traceback could not be formatted)\n"
    ref = _state["window"]
    window = ref() if ref else None
    kept = _keep_unsaved(window)
    log, log_error = log_crash(text)
    _tell(window, kept, log, log_error)


def _keep_unsaved(window) -> str | None:
    """Write the recovery copy of what is unsaved; the reason if that failed, else None."""
    if window is None:
        return None
    try:
        window.saver.write_recovery_copy_now()
    except Exception as exc:  # whatever went wrong, the user hears of it and the rest goes on
        return _reason(exc)
    return None


def _reason(exc: BaseException) -> str:
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror
    return str(exc) or type(exc).__name__


def log_crash(text: str) -> tuple[Path | None, str | None]:
    """Append ``text`` to the crash log: (its path, None), or (the path, why it could not be
    written) with the text written to stderr instead; (None, None) before :func:`install`."""
    folder = _state["folder"]
    if folder is None:
        _to_stderr(text)
        return None, None
    path = Path(folder) / LOG_NAME
    try:
        with path.open("a", encoding="utf-8", errors="backslashreplace") as f:
            f.write(f"--- {datetime.now().isoformat(timespec='seconds')} {APP_NAME} {__version__}\n{text}\n")
    except Exception as exc:
        reason = _reason(exc)
        _to_stderr(f"{text}kopsavilkums: the crash log {path} could not be written: {reason}\n")
        return path, reason
    return path, None


def _to_stderr(text: str) -> None:
    try:
        sys.stderr.write(text)
        sys.stderr.flush()
    except Exception:  # no stderr (a windowed program on Windows): the dialog is all there is
        pass


def _tell(window, kept: str | None, log: Path | None, log_error: str | None) -> None:
    language = i18n.current()
    parts = [WENT_WRONG.text(language)]
    parts.append(KEPT.text(language) if kept is None else NOT_KEPT.text(language).format(reason=kept))
    text = " ".join(parts)
    if log is not None:
        details = DETAILS if log_error is None else NO_LOG
        text += "\n\n" + details.text(language).format(path=log, reason=log_error)
    if QApplication.instance() is None:
        return
    try:
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.critical(window, APP_NAME, text)
    except Exception:
        _to_stderr(text + "\n")
