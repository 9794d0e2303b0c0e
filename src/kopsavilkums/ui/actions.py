"""Every command of the window as a ``QAction`` with its shortcut, made in one place.

Menus, the drafts panel's buttons and keyboard shortcuts all use these same objects, so a
command is enabled, named and reachable the same way everywhere.
"""

from __future__ import annotations

from PySide6.QtGui import QAction, QKeySequence

from kopsavilkums.ui.i18n import translate

# name: (text, shortcut)
SPECS = {
    "new": (lambda: translate("Window", "&New draft"), QKeySequence.StandardKey.New),
    "duplicate": (lambda: translate("Window", "D&uplicate"), None),
    "next_report": (lambda: translate("Window", "Start the ne&xt report from this one"), None),
    "delete": (lambda: translate("Window", "Move to the &trash"), None),
    "restore": (lambda: translate("Window", "&Restore from the trash"), None),
    "purge": (lambda: translate("Window", "Delete for &good"), None),
    "import": (lambda: translate("Window", "&Import a summary…"), "Ctrl+I"),
    "paste_new": (lambda: translate("Window", "Pas&te as a new draft"), "Ctrl+Shift+V"),
    "export": (lambda: translate("Window", "Export &as…"), "Ctrl+Shift+S"),
    "copy_web": (lambda: translate("Window", "Copy for the &web page"), "Ctrl+Shift+C"),
    "save": (lambda: translate("Window", "&Save"), QKeySequence.StandardKey.Save),
    "export_pdf": (lambda: translate("Window", "Export P&DF…"), "Ctrl+Shift+E"),
    "preview": (lambda: translate("Window", "Pre&view PDF"), "Ctrl+Shift+P"),
    "print": (lambda: translate("Window", "&Print…"), QKeySequence.StandardKey.Print),
    "quit": (lambda: translate("Window", "&Quit"), "Ctrl+Q"),
    "undo": (lambda: translate("Window", "&Undo"), QKeySequence.StandardKey.Undo),
    "redo": (lambda: translate("Window", "&Redo"), None),
    "submit": (lambda: translate("Window", "&Mark as submitted"), None),
    "reopen": (lambda: translate("Window", "Re&open for editing"), None),
    "attach_signed": (lambda: translate("Window", "&Attach the signed copy…"), None),
    "open_signed": (lambda: translate("Window", "Open the signed cop&y"), None),
    "export_signed": (lambda: translate("Window", "E&xport the signed copy…"), None),
    "next_problem": (lambda: translate("Window", "Go to the next &problem"), "F8"),
    "lang_lv": (lambda: "Latviešu", None),
    "lang_en": (lambda: "English", None),
    "about": (lambda: translate("Window", "&About Kopsavilkums"), None),
}


def make_actions(parent) -> dict[str, QAction]:
    actions = {}
    for name, (text, shortcut) in SPECS.items():
        action = QAction(text(), parent)
        action.setObjectName(f"action_{name}")
        if name == "redo":
            action.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        elif shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        parent.addAction(action)
        actions[name] = action
    return actions
