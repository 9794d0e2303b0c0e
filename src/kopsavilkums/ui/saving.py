"""Never lose work: autosave a moment after the last change, off the UI thread.

The :class:`AutoSaver` saves a *copy* of the report on its own one-thread pool (so saves never
overlap and never freeze typing), counts edits so that a save which finished while the user
kept typing does not mark the newer text as saved, and keeps the edits in the window when a save
fails (the next edit, ``Ctrl+S`` or a retry a little later tries again). While changes are
unsaved a recovery copy is kept in the data folder, one file per draft (two windows, or a draft
left unsaved while another is edited, each keep theirs), so a crash loses nothing either; the
next start offers them (:func:`pending_recoveries`).
"""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QObject, QThreadPool, QTimer, Signal

from kopsavilkums import exchange
from kopsavilkums.fileio import atomic_write_bytes
from kopsavilkums.ui import workers
from kopsavilkums.ui.document import EditableDocument

AUTOSAVE_DELAY_MS = 2000
RETRY_DELAY_MS = 15000
RECOVERY_FOLDER = "unsaved"  # <data folder>/unsaved/<draft id>.json
OLD_RECOVERY_FILE = "unsaved.json"  # what version 0.1.0 kept (one for all); still offered


def recovery_path(data_dir: Path, draft_id: str) -> Path:
    return Path(data_dir) / RECOVERY_FOLDER / f"{draft_id}.json"


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
        self.timer = QTimer(self, singleShot=True, interval=AUTOSAVE_DELAY_MS)
        self.timer.timeout.connect(self.save_now)
        self.retry = QTimer(self, singleShot=True, interval=RETRY_DELAY_MS)
        self.retry.timeout.connect(self.save_now)
        self.journal_timer = QTimer(self, singleShot=True, interval=300)
        self.journal_timer.timeout.connect(self._write_journal)
        doc.edited.connect(self._on_edited)

    @property
    def dirty(self) -> bool:
        return self._generation != self._saved_generation

    def attach(self, draft_id: str | None) -> None:
        """The document now shows ``draft_id`` as stored (nothing unsaved)."""
        self.timer.stop()
        self.retry.stop()
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
        self.journal_timer.start()

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
        workers.start(
            self.pool,
            lambda: self.store.save(report, draft_id, force=force),
            lambda new_id: self._saved(generation, new_id),
            self._failed,
            self,
        )

    def flush(self) -> bool:
        """Save everything now, waiting for it (closing, switching drafts). True when saved."""
        self.timer.stop()
        self.pool.waitForDone()
        if self.dirty and self.draft_id is not None:
            generation = self._generation
            try:
                self.draft_id = self.store.save(self.doc.report.copy(), self.draft_id, force=self._force_next)
            except Exception as exc:  # noqa: BLE001 - shown to the user
                self._failed(exc)
                return False
            self._force_next = False
            self._saved(generation, self.draft_id)
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
            self.journal_timer.stop()
            recovery_path(self.data_dir, draft_id).unlink(missing_ok=True)

    def _failed(self, exc: BaseException) -> None:
        self._in_flight = False
        from kopsavilkums.store import ConflictError

        if isinstance(exc, ConflictError):
            self.conflict.emit(exc)
            return
        self.failed.emit(workers.message_of(exc, self.language()))
        self.retry.start()

    # ------------------------------------------------------------------ crash recovery
    def _journal(self) -> bytes:
        document = exchange.to_document(self.doc.report, ids=True)
        return json.dumps({"draft_id": self.draft_id, "document": document}, ensure_ascii=False).encode()

    def _write_journal(self) -> None:
        if not self.dirty or self.draft_id is None:
            return
        payload, path = self._journal(), recovery_path(self.data_dir, self.draft_id)
        self.pool.start(workers.Job(lambda: _write_recovery(path, payload)))

    def write_journal_now(self) -> None:
        """Synchronously (from a crash handler): keep what is unsaved."""
        if self.dirty and self.draft_id is not None:
            _write_recovery(recovery_path(self.data_dir, self.draft_id), self._journal())


def _write_recovery(path: Path, payload: bytes) -> None:
    path.parent.mkdir(mode=0o700, exist_ok=True)
    atomic_write_bytes(path, payload)


def pending_recoveries(data_dir: Path) -> list[tuple[Path, str | None, object]]:
    """``(file, draft_id, report)`` for each draft a session left unsaved, oldest first."""
    folder = Path(data_dir) / RECOVERY_FOLDER
    files = sorted(folder.glob("*.json")) if folder.is_dir() else []
    files.append(Path(data_dir) / OLD_RECOVERY_FILE)
    found = []
    for path in files:
        try:
            saved = json.loads(path.read_text(encoding="utf-8"))
            found.append((path, saved.get("draft_id"), exchange.from_document(saved["document"], ids=True), path.stat().st_mtime))
        except (OSError, ValueError, KeyError, TypeError, exchange.ExchangeError):
            continue  # missing, or half-written by a dying process: nothing to offer
    return [(path, draft_id, report) for path, draft_id, report, _ in sorted(found, key=lambda f: f[3])]


def discard_recovery(path: Path) -> None:
    path.unlink(missing_ok=True)
