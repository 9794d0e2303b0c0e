"""Regenerate the README's screenshots of the window from the example drafts.

    python packaging/make_screenshots.py

Renders offscreen, in Latvian and English, into packaging/screenshots/: the top of the form;
the form scrolled to the budget with the problems list (the Kurzemes example leaves 2020
empty, as the published summary does: an error in the copy to sign); and the next report started from
it, with what it carried over marked for checking.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "packaging" / "screenshots"
EXAMPLES = ROOT / "resources" / "examples"
SIZE = (1440, 960)


def settle(app) -> None:
    """Let layout and the tables' deferred row-height fitting finish before the picture."""
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    QTimer.singleShot(150, loop.quit)
    loop.exec()
    app.processEvents()


def main() -> int:
    from PySide6.QtWidgets import QApplication

    from kopsavilkums import exchange
    from kopsavilkums.paths import store_path
    from kopsavilkums.store import DraftStore
    from kopsavilkums.ui import i18n
    from kopsavilkums.ui.app import Application

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setStyle("Fusion")  # the same look on every machine that renders these
    OUT.mkdir(parents=True, exist_ok=True)
    for language in ("lv", "en"):
        with tempfile.TemporaryDirectory() as tmp:
            folder = Path(tmp)
            with DraftStore(store_path(folder)) as store:
                for name in ("latgales-jauniesu-forums-2021-2023", "kurzemes-nvo-centrs-2019-2020"):
                    store.save(exchange.read(EXAMPLES / f"{name}.kopsavilkums.json"))
                i18n.install(language)
                window = Application(store, folder).show_window()
                window.resize(*SIZE)
                window.checker.check_now()
                settle(app)
                window.grab().save(str(OUT / f"window-{language}.png"))
                window.form.focus_path("budget[2020].actual")
                settle(app)
                window.grab().save(str(OUT / f"window-{language}-budget.png"))
                window.next_report()
                window.checker.check_now()
                window.form.focus_path("indicators[0].text")
                settle(app)
                window.grab().save(str(OUT / f"window-{language}-next.png"))
                window.saver.flush()
                window.close()
                app.processEvents()
    print(f"screenshots written to {OUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
