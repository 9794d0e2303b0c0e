"""The frozen program's entry point: the same ``kopsavilkums`` command as from source.

``KOPSAVILKUMS_QUIT_AFTER_MS=N`` is for checking a build (tests/packaging): once the window is
up, each open window is closed after N ms through its ordinary close path (as the user would,
so unsaved work is flushed and settings written) and its title is printed to stderr.
"""

import os
import sys

from kopsavilkums.cli import main


def _close_windows_after(milliseconds: int) -> None:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    # kopsavilkums.ui.app.run() uses the application that already exists; the timer fires only
    # once its event loop runs, that is after the window has been shown.
    app = QApplication(sys.argv[:1])

    def close_all() -> None:
        for widget in app.topLevelWidgets():
            if widget.isVisible():
                print(f"closing window: {widget.windowTitle()}", file=sys.stderr, flush=True)
                widget.close()

    QTimer.singleShot(milliseconds, close_all)


if __name__ == "__main__":
    if os.environ.get("KOPSAVILKUMS_QUIT_AFTER_MS"):
        _close_windows_after(int(os.environ["KOPSAVILKUMS_QUIT_AFTER_MS"]))
    sys.exit(main())
