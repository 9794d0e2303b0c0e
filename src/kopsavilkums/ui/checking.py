"""Checking the open draft: a moment after each change, on a worker, as the copy to be signed.

The window checks with ``final=True`` — the same check that prints ``MELNRAKSTS`` and blocks
*Mark as submitted* — so "Errors: 0" means a clean print. Answers come back with a ticket: one
for an older text or another draft is dropped. A new, empty draft does not greet its user with
a column of red: its problems appear field by field as the user leaves each field, and all of
them once the user asks (F8, *Mark as submitted*).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QThreadPool, QTimer, Signal

from kopsavilkums.ui import workers
from kopsavilkums.ui.document import EditableDocument
from kopsavilkums.ui.i18n import translate
from kopsavilkums.ui.models import ProblemsModel
from kopsavilkums.validation import Problem, validate

CHECK_DELAY_MS = 250


class Checker(QObject):
    # the problems to show changed: the form and the list show these
    shown = Signal(list)
    # an answer arrived and is shown (also when nothing changed)
    checked = Signal()
    # the status bar's summary changed ("Checking…", "Errors: 1 · Warnings: 2", "Not checked")
    summary_changed = Signal(str)
    # a check failed; the message says why
    failed = Signal(str)

    def __init__(
        self, doc: EditableDocument, pool: QThreadPool, area_of: Callable[[str], str], parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.doc, self.pool, self.area_of = doc, pool, area_of
        self.model = ProblemsModel(self)
        self.found: list[Problem] | None = None  # the last answer; None until the first
        self.problems: list[Problem] | None = None  # what is shown of it
        self.summary = ""
        self._ticket = 0
        self._active = False  # a draft is shown (nothing to check otherwise)
        self._quiet = False  # a new draft: only the fields the user has left show problems
        self._left: set[str] = set()
        self._stale = False  # edited since the last answer
        self._later = QTimer(self, singleShot=True, interval=CHECK_DELAY_MS)
        self._later.timeout.connect(self.check_in_background)
        self._soon = QTimer(self, singleShot=True, interval=0)
        self._soon.timeout.connect(self.check_in_background)
        doc.edited.connect(self._edited)

    def _edited(self) -> None:
        self._stale = True
        self._ticket += 1  # an answer on its way is about the text before: dropped
        self._later.start()

    # ------------------------------------------------------------------ what the window says
    def draft_shown(self, active: bool, fresh: bool) -> None:
        """Another draft is shown; ``fresh``: a new one nobody has typed in yet."""
        self._active, self._quiet, self._left = active, fresh, set()
        self.found = self.problems = None
        self._later.stop()
        self._ticket += 1
        self.model.set_problems([])
        self.shown.emit([])
        self._set_summary(translate("Window", "Checking…") if active else "")
        # Checked once this turn is over (at start-up: once the window is shown): the first
        # check loads the PDF fonts' tables on a worker, which would compete for the GIL with
        # building the first frame.
        self._soon.start()

    def left(self, area: str) -> None:
        """The user left a field: its problems may show now."""
        if self._quiet and area not in self._left:
            self._left.add(area)
            if not self._stale:  # else the next answer shows it, not one about the text before
                self._show()

    def reveal(self) -> None:
        """Show every problem (the user asked for a check)."""
        if self._quiet:
            self._quiet = False
            self._show()

    def take_over(self, other: Checker) -> None:
        """Show as much as ``other`` did (the window was rebuilt for another language)."""
        self._quiet, self._left = other._quiet, set(other._left)
        self._show()

    @property
    def hidden(self) -> int:
        """Problems not shown yet (of a new draft, in fields the user has not been to)."""
        return len(self.found or []) - len(self.problems or [])

    def stop(self) -> None:
        """No new check (the window closes: an answer would outlive it)."""
        self._later.stop()
        self._soon.stop()
        self._ticket += 1

    # ------------------------------------------------------------------ checking
    def check_now(self) -> list[Problem]:
        """Check on this thread and show everything (before submitting); returns what was found."""
        self._later.stop()
        self._soon.stop()
        self._ticket += 1
        self._quiet = False
        self._answer(validate(self.doc.report, final=True) if self._active else [])
        return list(self.found or [])

    def check_in_background(self) -> None:
        """Check a copy on a worker: a 300,000-character text or the first run (which loads the
        PDF fonts' character tables) never holds up typing or start-up."""
        self._later.stop()
        self._ticket += 1
        if not self._active:
            self._answer([])
            return
        ticket, report = self._ticket, self.doc.report.copy()

        def done(problems) -> None:
            if ticket == self._ticket:
                self._answer(problems)

        def failed(exc) -> None:
            if ticket == self._ticket:
                self._set_summary(translate("Window", "Not checked"))
                self.failed.emit(str(exc))
                self.checked.emit()

        workers.start(self.pool, lambda: validate(report, final=True), done, failed, self)

    def _answer(self, problems: list[Problem]) -> None:
        self.found = problems
        self._stale = False
        self._show()
        self.checked.emit()

    def _show(self) -> None:
        if self.found is None:
            return
        shown = self.found if not self._quiet else [p for p in self.found if self.area_of(p.path) in self._left]
        if shown != self.problems:
            # Not on every answer: while typing it is usually the same, and showing hundreds of
            # warnings again (labels re-wrapped, lists reset) stalled typing by ~25 ms each time.
            self.problems = shown
            self.model.set_problems(shown)
            self.shown.emit(shown)
        if not self._active:
            self._set_summary("")
            return
        errors, warnings = self.model.counts()
        parts = []
        if self.problems or not self.hidden:
            parts.append(
                translate("Window", "Errors: %1 · Warnings: %2").replace("%1", str(errors)).replace("%2", str(warnings))
            )
        if self.hidden:  # a new draft: not "Errors: 0" while its empty fields are not shown yet
            parts.append(translate("Window", "Not shown yet: %1 (F8 shows all)").replace("%1", str(self.hidden)))
        self._set_summary(" · ".join(parts))

    def _set_summary(self, text: str) -> None:
        if text != self.summary:
            self.summary = text
            self.summary_changed.emit(text)
