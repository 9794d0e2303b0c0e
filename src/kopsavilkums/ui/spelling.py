"""Misspelt words underlined in the form's text fields and table cells, with suggestions.

:class:`SpellChecking` belongs to the window: it loads the dictionary on a worker thread once the
window is up (the window's start costs nothing: the editors handed to :meth:`~SpellChecking.attach`
wait in a list, and :mod:`.underline`, which shows the words, is imported when the dictionary
arrives), keeps the report's own names as known words, and is switched off and on from the View
menu (remembered in the settings).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QObject, QSettings, QThreadPool, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QWidget

from kopsavilkums.ui import i18n, workers
from kopsavilkums.ui.document import EditableDocument
from kopsavilkums.ui.i18n import translate

if TYPE_CHECKING:
    from kopsavilkums.spelling import Speller

SETTING = "spelling"
# The report's own names: known words.
_NAME_PATHS = frozenset({"performer", "signatory.name", "prepared_by.name", "signatory", "prepared_by"})


class SpellChecking(QObject):
    """The window's spelling checker; ``changed`` asks every attached editor to check again."""

    changed = Signal()
    # a message for the status bar (the word list could not be written)
    message = Signal(str)

    def __init__(
        self, doc: EditableDocument, pool: QThreadPool, data_dir: Path | None, settings: QSettings, parent: QObject
    ) -> None:
        super().__init__(parent)
        self.setObjectName("spellChecking")
        self.doc, self.pool, self.data_dir, self.settings = doc, pool, data_dir, settings
        self.speller: Speller | None = None
        self._loading = False
        self._waiting: list[QWidget] = []  # editors handed over before the dictionary came
        self.enabled = str(settings.value(SETTING, "true")).lower() != "false"
        self.toggle = QAction(translate("Window", "Check &spelling"), self)
        self.toggle.setObjectName("action_spelling")
        self.toggle.setCheckable(True)
        self.toggle.setChecked(self.enabled)
        self.toggle.toggled.connect(self.set_enabled)
        doc.changed.connect(self._doc_changed)
        doc.reset.connect(self._names_changed)

    # ------------------------------------------------------------------ state
    @property
    def active(self) -> bool:
        return self.enabled and self.speller is not None

    def start(self) -> None:
        """Load the dictionary on a worker thread (once; nothing while switched off)."""
        if self.speller is not None or self._loading or not self.enabled:
            return
        window = self.parent()
        if isinstance(window, QWidget) and not window.isVisible():
            return  # closed before its time came (or never shown): no work for nobody
        self._loading = True
        data_dir = self.data_dir

        def load() -> Speller:
            from kopsavilkums import spelling  # (not at the window's start)

            return spelling.Speller(spelling.load_dictionary(), spelling.PersonalWords(data_dir))

        workers.start(self.pool, load, self._loaded, self._failed, self)

    def _loaded(self, speller: Speller) -> None:
        from kopsavilkums import spelling
        from kopsavilkums.ui import underline

        self._loading = False
        self.speller = speller
        speller.set_report_words(spelling.report_words(self.doc.report))
        waiting, self._waiting = self._waiting, []
        for editor in waiting:
            if shiboken6.isValid(editor):
                underline.attach(editor, self)
        self.changed.emit()

    def _failed(self, exc: Exception) -> None:
        self._loading = False  # the form works without it; say why once
        self.message.emit(
            translate("Window", "Spelling is not checked: %1").replace("%1", workers.message_of(exc, i18n.current()))
        )

    def set_enabled(self, on: bool) -> None:
        self.enabled = bool(on)
        self.settings.setValue(SETTING, "true" if on else "false")
        if on:
            self.start()
        self.changed.emit()

    def _doc_changed(self, path: str) -> None:
        if path in _NAME_PATHS:
            self._names_changed()

    def _names_changed(self) -> None:
        if self.speller is None:
            return
        from kopsavilkums import spelling

        names = spelling.report_words(self.doc.report)
        if names != self.speller.report_words:
            self.speller.set_report_words(names)
            self.changed.emit()

    # ------------------------------------------------------------------ words
    def ignore(self, word: str) -> None:
        if self.speller is not None:
            self.speller.ignore(word)
            self.changed.emit()

    def add(self, word: str) -> None:
        if self.speller is None:
            return
        try:
            self.speller.add(word)
        except OSError as exc:
            self.speller.ignore(word)  # known for this session at least
            text = translate("Window", "The word could not be added to your dictionary: %1")
            self.message.emit(text.replace("%1", workers.message_of(exc, i18n.current())))
        self.changed.emit()

    # ------------------------------------------------------------------ editors
    def attach(self, editor: QWidget) -> None:
        """Underline the misspelt words of ``editor`` (a line or multi-line field): now if the
        dictionary is there, else once it is."""
        if self.speller is None:
            # (cell editors come and go meanwhile, and checking may stay off all session)
            self._waiting = [*(e for e in self._waiting if shiboken6.isValid(e)), editor]
            return
        from kopsavilkums.ui import underline

        underline.attach(editor, self)


def attach_to_cell(editor: QWidget) -> None:
    """The hook for a table's cell editor: the window's checker, found from the editor."""
    from PySide6.QtCore import Qt

    checker = editor.window().findChild(SpellChecking, "spellChecking", Qt.FindChildOption.FindDirectChildrenOnly)
    if checker is not None:
        checker.attach(editor)
