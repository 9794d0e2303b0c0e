"""A frame around the table or long text field that has the keyboard.

Line edits show their focus in every style, but a table or a multi-line field (a scroll area)
shows it in none of the common ones: the user cannot see where the keys go. One frame follows
the focus onto those, drawn inside their edge in the highlight colour; a cell being edited
counts as its table.
"""

from __future__ import annotations

import weakref

from PySide6.QtCore import QEvent, QObject, QRectF, Qt
from PySide6.QtGui import QPainter, QPalette, QPen
from PySide6.QtWidgets import QAbstractItemView, QApplication, QPlainTextEdit, QTextEdit, QWidget

WIDTH = 2


class FocusFrame(QWidget):
    """Drawn over the widget it frames (:attr:`target`), which it covers exactly; mouse events
    pass through it. Follows the focus inside ``window``."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        # Weakly: a reference from here would keep a closed window's wrapper alive in a cycle.
        self.window_ = weakref.ref(window)
        self.target: QWidget | None = None
        self.setObjectName("focusFrame")
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setAttribute(Qt.WidgetAttribute.WA_NoSystemBackground)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.hide()
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        app.focusChanged.connect(self._focus_moved)

    def _focus_moved(self, _old, new: QWidget | None) -> None:
        window = self.window_()
        if window is None or (new is not None and not window.isAncestorOf(new)):
            return  # a menu or a dialog: the frame stays where the keys will go back to
        self.follow(framed(new))

    def follow(self, target: QWidget | None) -> None:
        if target is self.target:
            return
        if self.target is not None:
            self.target.removeEventFilter(self)
        self.target = target
        if target is None:
            self.hide()
            self.setParent(self.window_())
            return
        self.setParent(target)  # a child on top: moves, scrolls and hides with it
        self.setGeometry(target.rect())
        target.installEventFilter(self)
        self.raise_()
        self.show()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if watched is self.target and event.type() == QEvent.Type.Resize:
            self.setGeometry(self.target.rect())
        elif watched is self.target and event.type() == QEvent.Type.ChildAdded:
            self.raise_()  # above an editor opened in a cell
        return False

    def paintEvent(self, _event) -> None:
        painter = QPainter(self)
        pen = QPen(self.palette().color(QPalette.ColorRole.Highlight), WIDTH)
        pen.setJoinStyle(Qt.PenJoinStyle.MiterJoin)
        painter.setPen(pen)
        half = WIDTH / 2
        painter.drawRect(QRectF(self.rect()).adjusted(half, half, -half, -half))


def framed(widget: QWidget | None) -> QWidget | None:
    """The table or long text field that ``widget`` is, or edits a cell of; None for others."""
    if widget is None:
        return None
    parent = widget.parentWidget()
    view = parent.parentWidget() if parent is not None else None
    if isinstance(view, QAbstractItemView) and parent is view.viewport():
        return view  # an editor open in a cell
    return widget if isinstance(widget, (QAbstractItemView, QPlainTextEdit, QTextEdit)) else None
