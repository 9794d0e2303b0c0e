"""Fixtures for driving the real window on a temporary data folder."""

from __future__ import annotations

import pytest

from kopsavilkums import exchange
from kopsavilkums.paths import store_path


@pytest.fixture(scope="session")
def qapp_cls():
    """The tests drive the application object the program runs on (pytest-qt makes it)."""
    from kopsavilkums.ui.app import QtApplication

    return QtApplication


@pytest.fixture
def data_dir(tmp_path):
    folder = tmp_path / "data"
    folder.mkdir()
    return folder


@pytest.fixture
def english():
    from kopsavilkums.ui import i18n

    i18n.install("en")
    yield
    i18n.install("en")


@pytest.fixture
def open_store(data_dir):
    """Open (another) DraftStore on the data folder — like another window or process would."""
    from kopsavilkums.store import DraftStore

    opened = []

    def make():
        store = DraftStore(store_path(data_dir))
        opened.append(store)
        return store

    yield make
    for store in opened:
        store.close()


@pytest.fixture
def make_window(qtbot, data_dir, open_store, english):
    """A shown main window on the data folder, as the application starts it."""
    import shiboken6

    from kopsavilkums.ui.app import Application

    made = []

    def make(store=None):
        store = store or open_store()
        application = Application(store, data_dir)
        window = application.show_window()
        made.append(application)
        window.activateWindow()  # shortcuts go to the active window, as on a desktop
        qtbot.waitUntil(window.isActiveWindow)
        window.application = application
        return window

    yield make
    # Close what is still there (a language switch replaces, and deletes, the first window).
    for application in made:
        if application.window is not None and shiboken6.isValid(application.window):
            application.window.close()


@pytest.fixture
def seeded_store(open_store, seed_report):
    store = open_store()
    store.save(seed_report)
    return store


def read_example(path):
    return exchange.read(path)
