"""The window's menu bar, laid out from the commands of :mod:`.actions`."""

from __future__ import annotations

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenuBar

from kopsavilkums.ui import i18n
from kopsavilkums.ui.i18n import translate


def build_menus(bar: QMenuBar, commands: dict[str, QAction], show_problems: QAction, row_commands=None) -> None:
    """File, Edit (with the tables' row commands, ``row_commands``), Draft, View (the problems
    list, the language) and Help; ``None`` separates."""
    menus = (
        (
            translate("Window", "&File"),
            ("new", "duplicate", "next_report", None, "import", "paste_new", "export", "copy_web", None, "save", None)
            + ("export_pdf", "preview", "print", None, "quit"),
        ),
        (translate("Window", "&Edit"), ("undo", "redo", None, "rows", None, "next_problem")),
        # What takes a draft away stands apart from what does not (a slip of the mouse).
        (
            translate("Window", "&Draft"),
            ("submit", "reopen", None, "attach_signed", "open_signed", "export_signed", None)
            + ("restore", None, "delete", "purge"),
        ),
    )
    for title, names in menus:
        menu = bar.addMenu(title)
        for name in names:
            if name is None:
                menu.addSeparator()
            elif name == "rows":
                if row_commands is not None:
                    row_commands.add_to(menu)
            else:
                menu.addAction(commands[name])
    view_menu = bar.addMenu(translate("Window", "&View"))
    view_menu.addAction(show_problems)
    view_menu.addAction(commands["spelling"])
    language_menu = view_menu.addMenu(translate("Window", "&Language"))
    for lang in i18n.LANGUAGES:
        action = commands[f"lang_{lang}"]
        action.setCheckable(True)
        action.setChecked(i18n.current() == lang)
        language_menu.addAction(action)
    bar.addMenu(translate("Window", "&Help")).addAction(commands["about"])
