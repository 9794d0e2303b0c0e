"""Fixtures for driving the real window on a temporary data folder.

The window asks its questions through :class:`ScriptedDialogs`: a test says beforehand what the
user answers (``dialogs.answer("ask_yes_no", True)``), and a question nobody expected fails it.
A real modal dialog that opens anyway (a code path that bypasses the dialogs) is closed at once
and fails the test, instead of hanging the run.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from kopsavilkums.paths import store_path

EXAMPLES = Path(__file__).resolve().parents[2] / "resources" / "examples"


@pytest.fixture(scope="session")
def qapp_cls():
    """The tests drive the application object the program runs on (pytest-qt makes it)."""
    from kopsavilkums.ui.app import QtApplication

    return QtApplication


@pytest.fixture
def seed_path():
    """The published summary, typed in (it leaves 2020's amounts empty)."""
    return EXAMPLES / "kurzemes-nvo-centrs-2019-2020.kopsavilkums.json"


@pytest.fixture
def published_seed_path():
    """The published summary as copied from the ministry's web page (label TAB value)."""
    return EXAMPLES.parents[1] / "tests" / "convert" / "samples" / "kurzemes-nvo-centrs-published.txt"


@pytest.fixture
def complete_path():
    """A complete example draft file."""
    return EXAMPLES / "latgales-jauniesu-forums-2021-2023.kopsavilkums.json"


# ------------------------------------------------------------------------- no real modal dialogs
class ModalGuard:
    """Closes any modal dialog that opens (checked every 50 ms) and remembers what it said."""

    def __init__(self) -> None:
        from PySide6.QtCore import QTimer

        self.seen: list[str] = []
        self.timer = QTimer()
        self.timer.setInterval(50)
        self.timer.timeout.connect(self._check)
        self.timer.start()

    def _check(self) -> None:
        from PySide6.QtWidgets import QApplication, QDialog

        widget = QApplication.activeModalWidget()
        if widget is None:
            return
        text = getattr(widget, "text", lambda: "")()
        self.seen.append(f"{type(widget).__name__} {widget.windowTitle()!r}: {text}")
        if isinstance(widget, QDialog):
            widget.reject()
        else:
            widget.close()

    def stop(self) -> None:
        self.timer.stop()


@pytest.fixture(autouse=True)
def no_real_modal_dialogs(request):
    if not {"qapp", "qtbot"} & set(request.fixturenames):
        yield None
        return
    request.getfixturevalue("qapp")
    guard = ModalGuard()
    yield guard
    guard.stop()
    if guard.seen:
        pytest.fail("a real modal dialog opened (and was closed): " + "; ".join(guard.seen))


# ------------------------------------------------------------------------- the scripted user
class UnexpectedQuestion(AssertionError):
    pass


class ScriptedDialogs:
    """Stands in for :class:`kopsavilkums.ui.dialogs.Dialogs`: the same methods, answered from a
    script. What was asked and told is kept in :attr:`asked` and :attr:`errors` / :attr:`told`."""

    def __init__(self) -> None:
        self.answers: dict[str, list] = {}
        self.asked: list[tuple[str, tuple]] = []
        self.errors: list[str] = []
        self.told: list[str] = []

    def __call__(self, parent):  # the window makes its dialogs with this
        self.parent = parent
        return self

    def answer(self, question: str, *answers) -> ScriptedDialogs:
        """The user's next answers to ``question`` (a method name); a callable is called with
        the question's arguments."""
        self.answers.setdefault(question, []).extend(answers)
        return self

    def always(self, question: str, answer) -> ScriptedDialogs:
        self.answers[question] = _Always(answer)  # type: ignore[assignment]
        return self

    def questions(self, name: str) -> list[tuple]:
        return [args for asked, args in self.asked if asked == name]

    def _ask(self, name: str, *args):
        self.asked.append((name, args))
        queue = self.answers.get(name)
        if not queue:
            raise UnexpectedQuestion(f"the window asked {name}{args!r}, which the test did not expect")
        value = queue[0] if isinstance(queue, _Always) else queue.pop(0)
        return value(*args) if callable(value) else value

    def ask_yes_no(self, question: str) -> bool:
        return self._ask("ask_yes_no", question)

    def confirm_delete(self, question: str) -> bool:
        return self._ask("confirm_delete", question)

    def ask_leave_unsaved(self) -> bool:
        return self._ask("ask_leave_unsaved")

    def ask_drop_years(self, years: list[int]) -> bool:
        return self._ask("ask_drop_years", years)

    def ask_conflict(self, differences) -> str:
        return self._ask("ask_conflict", differences)

    def open_file_name(self, title: str, folder: str, filters: str):
        return self._ask("open_file_name", title, folder, filters)

    def save_file_name(self, title: str, proposed: str, filters: str):
        return self._ask("save_file_name", title, proposed, filters)

    def save_file_as(self, title: str, proposed: str, filters: str, selected: str):
        return self._ask("save_file_as", title, proposed, filters, selected)

    def confirm_import(self, question: str, details: str) -> bool:
        return self._ask("confirm_import", question, details)

    def choose_printer(self, document_name: str):
        return self._ask("choose_printer", document_name)

    def open_in_viewer(self, path: str) -> None:
        self._ask("open_in_viewer", path)

    def show_error(self, message: str) -> None:
        self.errors.append(message)

    def inform(self, message: str) -> None:
        self.told.append(message)

    def about(self) -> None:
        self.told.append("about")

    def progress(self, text: str, after_ms: int):
        return _NoProgress()


class _Always(list):
    def __init__(self, value) -> None:
        super().__init__([value])


class _NoProgress:
    def reset(self) -> None:
        pass


@pytest.fixture
def dialogs():
    """The scripted user who answers the window's questions in this test."""
    return ScriptedDialogs()


# ------------------------------------------------------------------------- windows and stores
@pytest.fixture
def data_dir(tmp_path):
    folder = tmp_path / "data"
    folder.mkdir()
    return folder


@pytest.fixture
def clipboard(qapp):
    """The clipboard, emptied after the test. Qt's offscreen platform keeps what was put there
    until the process exits and deletes it after Python has shut down: a QMimeData made in
    Python then crashes the run at its very end (exit status -11 though every test passed)."""
    from PySide6.QtGui import QGuiApplication

    board = QGuiApplication.clipboard()
    yield board
    board.clear()


@pytest.fixture
def english():
    from kopsavilkums.ui import i18n

    i18n.install("en")
    yield
    i18n.install("en")


@pytest.fixture
def latvian():
    from kopsavilkums.ui import i18n

    assert i18n.install("lv") == "lv"
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
def make_window(qtbot, data_dir, open_store, english, dialogs):
    """A shown main window on the data folder, as the application starts it; its questions go
    to ``dialogs``."""
    import shiboken6

    from kopsavilkums.ui.app import Application

    made = []

    def make(store=None):
        store = store or open_store()
        application = Application(store, data_dir, dialogs=dialogs)
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
