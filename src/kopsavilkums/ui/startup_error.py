"""A problem found before the window could start (its data folder cannot be used), shown in a
message box — started from a desktop menu or by double-click there is no terminal to read the
line the command line prints. Without a screen (a server, ``QT_QPA_PLATFORM=offscreen``) nothing
is shown: the line on stderr is all there is, and a modal box nobody can see would never close.
"""

from __future__ import annotations

import os
import sys

from kopsavilkums import APP_NAME

_NO_SCREEN_PLATFORMS = ("offscreen", "minimal", "vnc", "vkkhrdisplay")


def screen_available(environ: dict[str, str] | None = None, platform: str | None = None) -> bool:
    """Whether Qt could show a window: its platform plugin draws somewhere a person looks."""
    env = os.environ if environ is None else environ
    platform = sys.platform if platform is None else platform
    chosen = env.get("QT_QPA_PLATFORM", "").split(":")[0].strip().lower()
    if chosen in _NO_SCREEN_PLATFORMS:
        return False
    if platform in ("win32", "darwin"):
        return True
    # X11 or Wayland: without either, Qt would abort with "could not connect to display".
    return bool(env.get("DISPLAY") or env.get("WAYLAND_DISPLAY"))


def show(text: str) -> None:
    """Show ``text`` in an error box and wait until it is closed (nothing without a screen)."""
    if not screen_available():
        return
    from PySide6.QtWidgets import QApplication, QMessageBox

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName(APP_NAME)
    sentence = text[:1].upper() + text[1:] + ("" if text.endswith(".") else ".")  # a line, shown as a sentence
    from kopsavilkums.ui.dialogs import message_box

    message_box(None, QMessageBox.Icon.Critical, sentence).exec()
