"""Scrolling the form so that the field the keyboard goes to is seen whole, with its label.

Qt's scroll area shows the focused widget only as far as a fixed margin allows, and not at all
when the focus comes from a table's last cell: a long field or the last ones ended up cut at the
bottom of the window, and a table reached with F8 showed its cell without its heading.
"""

from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import QEvent, QObject, QPoint, QRect, Qt, QTimer
from PySide6.QtWidgets import QAbstractItemView, QApplication, QLabel, QScrollArea, QWidget


class _Form(Protocol):
    """What is used of :class:`~kopsavilkums.ui.form.ReportForm` (which makes this: no import back)."""

    scroll_area: QScrollArea

    def isAncestorOf(self, child: QWidget, /) -> bool: ...  # noqa: N802 - Qt's name

    def path_of(self, widget: QWidget | None) -> str | None: ...

    def built_editors(self) -> dict[str, QWidget]: ...

    def label_of(self, path: str) -> QLabel | None: ...


MARGIN = 8


def rect_in_page(area: QScrollArea, widget: QWidget) -> QRect:
    """``widget``'s place on the scroll area's page."""
    return QRect(widget.mapTo(area.widget(), QPoint(0, 0)), widget.size())  # type: ignore[arg-type]


def reveal(area: QScrollArea, whole: QRect, must: QRect | None = None) -> None:
    """Scroll ``area`` so that ``whole`` (on its page) is seen; when that is taller than the
    window, ``must`` with as much above it as fits (a table's heading and label above its
    cell), or else the top of ``must``."""
    must = whole if must is None else must
    room = area.viewport().height() - 2 * MARGIN
    if whole.height() <= room:
        top, bottom = whole.top(), whole.bottom()
    elif must.bottom() - whole.top() <= room:
        top, bottom = whole.top(), must.bottom()
    else:
        top, bottom = must.top(), min(must.bottom(), must.top() + room)
    bar = area.verticalScrollBar()
    value = bar.value()
    if bottom > value + area.viewport().height() - MARGIN:
        value = bottom - area.viewport().height() + MARGIN
    if top < value + MARGIN:
        value = top - MARGIN
    bar.setValue(value)


class FieldInSight(QObject):
    """Shows the field the keyboard enters whole, with its label (a table: with its heading,
    down to its current cell, as far as the window allows), and keeps it so while the form
    grows above it (a neighbour's problems appear as the cursor leaves it, a table grows),
    until the user scrolls. A click needs none of this: what is clicked is in sight."""

    def __init__(self, form: _Form) -> None:
        super().__init__(form)  # type: ignore[arg-type] # a QWidget
        self.form = form
        self.area = form.scroll_area
        self.path: str | None = None
        self.area.widget().installEventFilter(self)  # type: ignore[union-attr] # the form's page
        self.area.verticalScrollBar().actionTriggered.connect(self._scrolled)
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        app.focusChanged.connect(self._focus_moved)

    def _focus_moved(self, old: QWidget | None, new: QWidget | None) -> None:
        form = self.form
        if new is None or not form.isAncestorOf(new) or form.path_of(new) == form.path_of(old):
            return  # elsewhere, or from a table's cell to its editor
        self.path = None
        if old is None:
            return  # the window was activated: the view stays as the user left it
        if QApplication.mouseButtons() == Qt.MouseButton.NoButton:
            self.path = form.path_of(new)
            QTimer.singleShot(0, self, self._again)  # once laid out

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.Resize and self.path is not None:
            QTimer.singleShot(0, self, self._again)
        return False

    def _again(self) -> None:
        if self.path is not None and self.path == self.form.path_of(QApplication.focusWidget()):
            self.show(self.path)

    def _scrolled(self, *_unused) -> None:
        self.path = None  # the user looks elsewhere: the view stays where they put it

    def stand_down(self) -> None:
        """Leave the view alone until the keyboard enters another field (the view is being
        put back where it was)."""
        self.path = None

    def show(self, path: str | None) -> None:
        # Only what is built: asking for all editors would build the rest of the form at once.
        editor = self.form.built_editors().get(path) if path is not None else None
        if editor is None or not editor.isVisible():
            return
        whole = rect_in_page(self.area, editor)
        # Its label above, and below it how much is left of its length (once that shows).
        direct = Qt.FindChildOption.FindDirectChildrenOnly
        left = editor.parentWidget().findChild(QLabel, f"left:{path}", direct)  # type: ignore[union-attr]
        for part in (self.form.label_of(path), left):  # type: ignore[arg-type]
            if part is not None and part.isVisible():
                whole = whole.united(rect_in_page(self.area, part))
        table = getattr(editor, "table", editor)
        must = None
        if isinstance(table, QAbstractItemView) and table.currentIndex().isValid():
            cell = table.visualRect(table.currentIndex())
            must = cell.translated(table.viewport().mapTo(self.area.widget(), QPoint(0, 0)))  # type: ignore[arg-type]
        reveal(self.area, whole, must)
