"""Runtime hook, in place of PyInstaller's ``pyi_rth_pyside6``: tell Qt where its plugins are.

PyInstaller's hook also imports ``PySide6.QtCore`` at every start, to add a ``qt.conf`` that
PySide6's PyPI wheels already embed; that import costs ~50 ms for every command-line call, which
never uses Qt. This sets the same paths without importing anything.
"""

import os
import sys


def _set_qt_paths() -> None:
    qt = (
        os.path.join(sys._MEIPASS, "PySide6")
        if sys.platform == "win32"
        else os.path.join(sys._MEIPASS, "PySide6", "Qt")
    )
    os.environ["QT_PLUGIN_PATH"] = os.path.join(qt, "plugins")
    if sys.platform == "win32":  # OpenSSL and other DLLs that PyInstaller put at the top
        os.environ["PATH"] = sys._MEIPASS + os.pathsep + os.environ.get("PATH", "")


_set_qt_paths()
