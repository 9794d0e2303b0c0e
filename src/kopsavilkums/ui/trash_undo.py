"""Taking back "Move to the trash": an Undo beside the status bar's message, and Ctrl+Z.

Moving a draft to the trash asks nothing (a question before every such step trains people to
click Yes); instead it can be taken back at once. The offer lasts as long as its message shows
and nothing else happened: an edit, another draft, another message end it, and Ctrl+Z is the
form's again.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QStatusBar, QToolButton

from kopsavilkums.ui.i18n import translate


class TrashUndo(QObject):
    # the offer came or went (the window's Undo command follows it)
    changed = Signal()

    def __init__(self, status_bar: QStatusBar, restore: Callable[[str], bool], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.restore = restore
        self.draft_id: str | None = None
        self._message = ""
        self.status_bar = status_bar
        self.button = QToolButton(status_bar)
        self.button.setObjectName("undoTrash")
        self.button.setText(translate("Window", "Undo"))
        self.button.setToolTip(translate("Window", "Take the draft back out of the trash (Ctrl+Z)"))
        self.button.clicked.connect(self.undo)
        self.button.hide()
        status_bar.insertPermanentWidget(0, self.button)
        status_bar.messageChanged.connect(self._message_changed)

    @property
    def pending(self) -> bool:
        return self.draft_id is not None

    def offer(self, draft_id: str, message: str) -> None:
        """``draft_id`` went to the trash; ``message`` (shown in the status bar) says so."""
        # As the status bar shows it (a long message is shortened to fit).
        self.draft_id, self._message = draft_id, self.status_bar.currentMessage() or message
        self.button.show()
        self.changed.emit()

    def withdraw(self, *_unused) -> None:
        if self.draft_id is not None:
            self.draft_id = None
            self.button.hide()
            self.changed.emit()

    def undo(self) -> bool:
        draft_id = self.draft_id
        self.withdraw()
        return draft_id is not None and self.restore(draft_id)

    def _message_changed(self, text: str) -> None:
        if text != self._message:
            self.withdraw()
