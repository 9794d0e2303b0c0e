"""Never lose work: autosave a moment after the last change, off the UI thread.

The :class:`AutoSaver` saves a *copy* of the report on its own one-thread pool (so saves never
overlap and never freeze typing), counts edits so that a save which finished while the user
kept typing does not mark the newer text as saved, and keeps the edits in the window when a save
fails (the next edit, ``Ctrl+S`` or a retry a little later tries again).

While changes are unsaved it keeps a recovery copy of them through the store's
:class:`~kopsavilkums.store.RecoveryCopies` (one per draft and window), written and removed on
the same pool, after the saves queued before, so a late write can never bring back a copy that
was already removed.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QObject, QThreadPool, QTimer, Signal

from kopsavilkums.store import RecoveryCopies
from kopsavilkums.ui import workers
from kopsavilkums.ui.document import EditableDocument

AUTOSAVE_DELAY_MS = 2000
RETRY_DELAY_MS = 15000
RECOVERY_COPY_DELAY_MS = 300


class AutoSaver(QObject):
    # local time of the save
    saved = Signal(datetime)
    # a message to show; the edits stay in the window
    failed = Signal(str)
    # another window saved this draft first; the exception carries the store's message
    conflict = Signal(object)
    # dirty state changed (for the window title's "modified" mark)
    dirty_changed = Signal(bool)

    def __init__(self, doc: EditableDocument, store, data_dir: Path, language=lambda: "en", parent=None) -> None:
        super().__init__(parent)
        self.doc, self.store, self.language = doc, store, language
        self.data_dir = Path(data_dir)
        self.draft_id: str | None = None
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)  # saves in order, one at a time
        self._generation = 0  # counts edits
        self._saved_generation = 0
        self._in_flight = False
        self._force_next = False
        # Advanced by flush() and attach(): the answer of a save started before is old news.
        self._ticket = 0
        self.recovery = RecoveryCopies(self.data_dir)  # this window's recovery copies
        self.timer = QTimer(self, singleShot=True, interval=AUTOSAVE_DELAY_MS)
        self.timer.timeout.connect(self.save_now)
        self.retry = QTimer(self, singleShot=True, interval=RETRY_DELAY_MS)
        self.retry.timeout.connect(self.save_now)
        self.recovery_timer = QTimer(self, singleShot=True, interval=RECOVERY_COPY_DELAY_MS)
        self.recovery_timer.timeout.connect(self._write_recovery_copy)
        doc.edited.connect(self._on_edited)

    @property
    def dirty(self) -> bool:
        return self._generation != self._saved_generation

    @property
    def saving(self) -> bool:
        """A background save is on its way."""
        return self._in_flight

    def attach(self, draft_id: str | None) -> None:
        """The document now shows ``draft_id`` as stored (nothing unsaved)."""
        self.timer.stop()
        self.retry.stop()
        self._advance()
        self.draft_id = draft_id
        self._saved_generation = self._generation
        self.dirty_changed.emit(False)

    def mark_dirty(self) -> None:
        """The document holds changes the store does not have (e.g. restored after a crash)."""
        self._on_edited()

    def _on_edited(self) -> None:
        was_dirty = self.dirty
        self._generation += 1
        if not was_dirty:
            self.dirty_changed.emit(True)
        self.timer.start()
        self.recovery_timer.start()

    # ------------------------------------------------------------------ saving
    def save_now(self, *, force: bool = False) -> None:
        """Start a background save of what is in the window now (if anything is unsaved)."""
        self.timer.stop()
        self._force_next |= force
        if self._in_flight or not self.dirty or self.draft_id is None:
            return  # a finishing save looks again at what is left
        self._in_flight = True
        report, generation, draft_id, force = self.doc.report.copy(), self._generation, self.draft_id, self._force_next
        self._force_next = False
        ticket = self._ticket
        workers.start(
            self.pool,
            lambda: self.store.save(report, draft_id, force=force),
            lambda new_id: self._saved(generation, new_id) if ticket == self._ticket else None,
            lambda exc: self._failed(exc) if ticket == self._ticket else None,
            self,
        )

    def _advance(self) -> None:
        """Whatever a save started before now reports is no longer news: the caller waited for
        it (flush) or the window shows something else (attach)."""
        self._ticket += 1
        self._in_flight = False

    def flush(self, *, force: bool = False) -> bool:
        """Save everything now, waiting for it (closing, switching drafts). True when nothing
        is left unsaved — also when a conflict was settled by keeping a copy or reloading."""
        self.timer.stop()
        self.pool.waitForDone()
        self._advance()
        if self.dirty and self.draft_id is not None:
            generation = self._generation
            try:
                self.draft_id = self.store.save(self.doc.report.copy(), self.draft_id, force=force or self._force_next)
            except Exception as exc:
                self._failed(exc)
                return not self.dirty
            self._force_next = False
            self._saved(generation, self.draft_id)
            self.pool.waitForDone()  # the recovery copy's removal, queued by _saved
        return not self.dirty

    def _saved(self, generation: int, draft_id: str) -> None:
        self._in_flight = False
        if draft_id != self.draft_id and self.draft_id is not None:
            return  # the window moved on to another draft meanwhile
        self.retry.stop()
        self._saved_generation = max(self._saved_generation, generation)
        self.saved.emit(datetime.now())
        if self.dirty:
            self.timer.start()  # typed on while saving
        else:
            self.dirty_changed.emit(False)
            self.recovery_timer.stop()
            self.discard_recovery_copy(draft_id)

    def _failed(self, exc: BaseException) -> None:
        self._in_flight = False
        from kopsavilkums.store import ConflictError

        if isinstance(exc, ConflictError):
            self.conflict.emit(exc)
            return
        self.failed.emit(workers.message_of(exc, self.language()))
        self.retry.start()

    # ------------------------------------------------------------------ recovery copies
    def end_session(self) -> None:
        """The window closes: its copies (if any are left) become offers for the next start."""
        self.pool.waitForDone()
        self.recovery.release()

    def _copy_job(self, draft_id: str):
        """Work for the pool that writes the copy of what is unsaved now. The store's revision
        is read there, after any save queued before it has finished."""
        store = self.store
        write = self.recovery.writer(draft_id, self.doc.report)
        # the revision these edits build on: a draft saved again since is not overwritten
        return lambda: write(store.revision_seen(draft_id))

    def _write_recovery_copy(self) -> None:
        if self.dirty and self.draft_id is not None:
            self.pool.start(workers.Job(self._copy_job(self.draft_id)))

    def write_recovery_copy_now(self) -> None:
        """From a crash handler: keep what is unsaved, after anything already queued."""
        if self.dirty and self.draft_id is not None:
            write = self._copy_job(self.draft_id)
            self.pool.waitForDone(2000)
            write()

    def discard_recovery_copy(self, draft_id: str | None) -> None:
        """The draft's edits are saved, or the user chose to lose them. Queued behind any copy
        still being written, so a late write cannot bring the copy back."""
        if draft_id is not None:
            recovery = self.recovery
            self.pool.start(workers.Job(lambda: recovery.discard(draft_id)))
