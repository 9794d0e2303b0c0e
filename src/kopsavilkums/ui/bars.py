"""The strips above the form: why it cannot be edited (:class:`Banner`), and a note to read
before going on (:class:`Notice`, e.g. what the next report carried over)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QToolButton, QWidget

from kopsavilkums.ui.i18n import translate

TINT = "background: rgba(38, 139, 210, 45);"


class _Bar(QWidget):
    """A tinted strip with a wrapped text and room for buttons on its right."""

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setStyleSheet(f"#{name} {{ {TINT} }}")
        self.row = QHBoxLayout(self)
        self.text = QLabel(self)
        self.text.setObjectName(f"{name}Text")
        self.text.setWordWrap(True)
        self.text.setTextFormat(Qt.TextFormat.PlainText)
        self.row.addWidget(self.text, 1)
        self.hide()


class Banner(_Bar):
    """Says why the form cannot be edited: nothing open yet, in the trash, or submitted."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("submittedBanner", parent)
        self.reopen_button = QPushButton(translate("Window", "Reopen for editing"), self)
        self.row.addWidget(self.reopen_button)

    def show_for(self, draft_id: str | None, status: str, in_trash: bool, signed: str = "") -> None:
        """``signed``: who signed the signed copy kept with the draft, and when (empty: none kept)."""
        if draft_id is None:
            text = translate(
                "Window", "No draft is open. Start one with New draft (Ctrl+N) or import a summary (Ctrl+I)."
            )
        elif in_trash:
            text = translate("Window", "This draft is in the trash and can only be read; Restore brings it back.")
        elif signed:
            text = translate(
                "Window", "Signed by %1; the signed copy is kept with this draft, which can only be read."
            ).replace("%1", signed)
        else:
            text = translate("Window", "This summary is marked as submitted and can only be read.")
        self.text.setText(text)
        self.reopen_button.setVisible(draft_id is not None and status == "submitted" and not in_trash)
        self.setVisible(draft_id is None or in_trash or status == "submitted")


class Notice(_Bar):
    """A note shown until the user closes it or opens another draft."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("notice", parent)
        close = QToolButton(self)
        close.setText("✕")
        close.setAccessibleName(translate("Window", "Close this note"))
        close.setToolTip(close.accessibleName())
        close.clicked.connect(self.hide)
        self.row.addWidget(close, 0, Qt.AlignmentFlag.AlignTop)

    def show_text(self, text: str) -> None:
        self.text.setText(text)
        self.show()
