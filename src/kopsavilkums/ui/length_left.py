"""How much a field with a length limit still takes, shown under it as the user nears the limit
(and how much is too much past it, which the check also reports as an error)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QLineEdit, QPlainTextEdit, QWidget

from kopsavilkums.ui.i18n import current, translate

#: The count shows once fewer than this many characters are left: a tenth of the limit, within
#: these bounds (a name's 200 show from 20 on; a narrative's million from 2,000).
NEAR = (20, 2_000)
OVER_STYLE = "color: #dc322f;"


def near(limit: int) -> int:
    return max(NEAR[0], min(limit // 10, NEAR[1]))


class LengthLeft(QLabel):
    """Under ``editor`` (a line or a long text): "12 characters left" near ``limit``."""

    def __init__(self, editor: QWidget, limit: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.editor, self.limit = editor, limit
        self.setObjectName(f"left:{editor.objectName()}")
        self.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.setTextFormat(Qt.TextFormat.PlainText)
        font = self.font()
        font.setPointSizeF(font.pointSizeF() * 0.9)
        self.setFont(font)
        editor.textChanged.connect(self.update_count)  # type: ignore[attr-defined]
        self.hide()
        self.update_count()

    def length(self) -> int:
        """The text's length in characters, as the check counts them. Qt's count (UTF-16 units,
        never fewer) is free; the exact one is taken only when that is near the limit, so typing
        into a long text does not copy it out on every key."""
        editor = self.editor
        if isinstance(editor, QPlainTextEdit):
            units = editor.document().characterCount() - 1
            return units if units < self.limit - near(self.limit) else len(editor.toPlainText())
        assert isinstance(editor, QLineEdit)
        return len(editor.text())

    def update_count(self, *_unused) -> None:
        left = self.limit - self.length()
        if left >= near(self.limit):
            self.hide()
            return
        self.setText(_count_text(left) if left >= 0 else _count_text(-left, over=True))
        self.setStyleSheet(OVER_STYLE if left < 0 else "")
        self.show()


def _count_text(n: int, *, over: bool = False) -> str:
    latvian = current() == "lv"
    one = n % 10 == 1 and n % 100 != 11 if latvian else n == 1
    number = f"{n:,}".replace(",", "\u00a0" if latvian else ",")
    if over:
        text = translate("Form", "%1 character too many") if one else translate("Form", "%1 characters too many")
    else:
        text = translate("Form", "%1 character left") if one else translate("Form", "%1 characters left")
    return text.replace("%1", number)
