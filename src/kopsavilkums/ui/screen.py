"""The window on the screen it opens on: never larger than what that screen shows."""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QWidget

#: Room for the frame and title bar the system adds around a window.
FRAME = QSize(16, 48)
#: The drafts list's width in a window of the default size.
DRAFTS_PANEL_WIDTH = 420


def fit_to_screen(window: QWidget) -> None:
    """Shrink and move ``window`` into its screen's available area (150 % scaling makes a
    1920×1080 screen 1280×720 to Qt; a geometry saved on a bigger screen comes back here)."""
    screen = window.screen()
    if screen is None:
        return
    available = screen.availableGeometry()
    size = window.size().boundedTo(available.size() - FRAME)
    if size != window.size():
        window.resize(size)
    frame = window.frameGeometry()
    if not available.contains(frame):
        window.move(
            max(available.left(), min(frame.left(), available.right() - frame.width())),
            max(available.top(), min(frame.top(), available.bottom() - frame.height())),
        )


def drafts_panel_width(window_width: int) -> int:
    """The drafts list's share of a window: at most a third, so that a narrow window (a
    1366×768 screen at 150 % is ~900 wide to Qt) leaves the form room for its tables."""
    return min(DRAFTS_PANEL_WIDTH, window_width // 3)
