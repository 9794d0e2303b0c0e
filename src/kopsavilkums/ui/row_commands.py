"""The row commands of the objectives and indicators tables in the menu bar (Edit).

Each table has its own actions with their shortcuts (:mod:`.rows_editor`, active while the table
has the cursor). The menu shows the same commands with the same keys once, for the table the
cursor is in (or was in when the menu opened), and is off elsewhere. Its items take their keys
only while the menu itself has the keyboard, so they never compete with the tables' own.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable
from typing import Protocol

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QMenu, QWidget

from kopsavilkums.ui.i18n import translate


class _Rows(Protocol):
    """A :class:`~kopsavilkums.ui.rows_editor.RowsEditor` (loaded with the tables, after start-up,
    and importing this module's keys: not imported here)."""

    actions_by_name: dict[str, QAction]


# Each row command's keys, the tables' and the menu's.
KEYS = {
    "add": "Ctrl+Return",
    "insert_above": "Ctrl+Shift+Up",
    "insert_below": "Ctrl+Shift+Down",
    "duplicate": "Ctrl+D",
    "delete": "Ctrl+Delete",
    "move_up": "Alt+Up",
    "move_down": "Alt+Down",
    "mark_checked": "Ctrl+K",
}
# name (as in RowsEditor.actions_by_name): the menu's wording, with its own letter
TEXTS: dict[str, Callable[[], str]] = {
    "add": lambda: translate("RowMenu", "&Add a row"),
    "insert_above": lambda: translate("RowMenu", "&Insert a row above"),
    "insert_below": lambda: translate("RowMenu", "Insert a row &below"),
    "duplicate": lambda: translate("RowMenu", "&Duplicate rows"),
    "delete": lambda: translate("RowMenu", "Dele&te rows"),
    "move_up": lambda: translate("RowMenu", "&Move rows up"),
    "move_down": lambda: translate("RowMenu", "Move rows d&own"),
    "mark_checked": lambda: translate("RowMenu", "Mar&k as checked"),
}


class RowCommands(QObject):
    """Menu items for the row commands of whichever table of ``window.form`` is in use."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.window = weakref.ref(window)  # weakly: no cycle keeps a closed window's wrapper alive
        self.current: _Rows | None = None
        self.actions: dict[str, QAction] = {}
        for name, text in TEXTS.items():
            action = QAction(text(), self)
            action.setObjectName(f"action_rows_{name}")
            action.setShortcut(QKeySequence(KEYS[name]))
            action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)  # shown, taken by the tables
            action.triggered.connect(lambda _checked=False, n=name: self._run(n))
            self.actions[name] = action
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        app.focusChanged.connect(self._focus_moved)
        self.update()

    def add_to(self, menu: QMenu) -> None:
        menu.addActions(list(self.actions.values()))
        menu.aboutToShow.connect(self.update)

    def _focus_moved(self, _old, new: QWidget | None) -> None:
        window = self.window()
        if window is None or new is None or isinstance(new, QMenu) or not window.isAncestorOf(new):
            return  # a menu opened, another window: the table in use stays the one
        editor: QWidget | None = new
        while editor is not None and not hasattr(editor, "actions_by_name"):  # a RowsEditor
            editor = editor.parentWidget()
        self.current = editor
        self.update()

    def update(self) -> None:
        for name, action in self.actions.items():
            own = self.current.actions_by_name.get(name) if self.current is not None else None
            action.setEnabled(own is not None and own.isEnabled() and own.isVisible())
            if name == "mark_checked":
                action.setVisible(own is not None and own.isVisible())

    def _run(self, name: str) -> None:
        own = self.current.actions_by_name.get(name) if self.current is not None else None
        if own is not None and own.isEnabled():
            own.trigger()
