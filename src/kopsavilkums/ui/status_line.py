"""The status bar's message, fitted to the room left of the counts ("Kļūdas: 1") and the save
state: Qt cuts a long message off right at them, mid-word and touching their text. A message
too long for the room ends in "…" and is whole in the tooltip."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QStatusBar, QWidget

from kopsavilkums.ui.plain import tooltip

#: Space kept between the message and the first widget on the right.
GAP = 16
#: Where Qt starts drawing the message (QStatusBar's left margin).
LEFT = 6


def show_message(bar: QStatusBar, text: str, timeout_ms: int) -> None:
    room = message_room(bar)
    shown = bar.fontMetrics().elidedText(text, Qt.TextElideMode.ElideRight, room) if room > 0 else text
    bar.setToolTip(tooltip(text) if shown != text else "")  # file names in it: plain text, never markup
    bar.showMessage(shown, timeout_ms)


def message_room(bar: QStatusBar) -> int:
    """The width from the message's start to the first visible widget on its right, less a gap."""
    edges = [
        child.geometry().left()
        for child in bar.findChildren(QWidget, options=Qt.FindChildOption.FindDirectChildrenOnly)
        if child.isVisible() and child.geometry().left() > LEFT
    ]
    return (min(edges) if edges else bar.width()) - LEFT - GAP
