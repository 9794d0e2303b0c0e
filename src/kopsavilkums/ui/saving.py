"""Never lose work: autosave a moment after the last change, off the UI thread.

The :class:`AutoSaver` saves a *copy* of the report on its own one-thread pool (so saves never
overlap and never freeze typing), counts edits so that a save which finished while the user
kept typing does not mark the newer text as saved, and keeps the edits in the window when a save
fails (the next edit, ``Ctrl+S`` or a retry a little later tries again).

While changes are unsaved a recovery copy is kept in ``<data folder>/unsaved/``, one file per
draft and window (``<draft id>.<session>.json``), so a crash loses nothing and two windows never
remove or overwrite each other's. Each window holds an OS lock on ``<session>.lock`` for as long
as it runs; the system lets go of it when the process ends in any way, so the next start can
tell the copies of a window still running (left alone) from those of one that died (offered:
:func:`pending_recoveries`). A copy goes once its edits are saved or given up.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import stat
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QObject, QThreadPool, QTimer, Signal

from kopsavilkums import exchange
from kopsavilkums.fileio import atomic_write_bytes
from kopsavilkums.store.locking import let_go, try_hold
from kopsavilkums.ui import workers
from kopsavilkums.ui.document import EditableDocument

AUTOSAVE_DELAY_MS = 2000
RETRY_DELAY_MS = 15000
RECOVERY_FOLDER = "unsaved"
OLD_RECOVERY_FILE = "unsaved.json"  # what version 0.1.0 kept (one for all); still offered


def recovery_path(data_dir: Path, draft_id: str, session: str) -> Path:
    """A window's recovery copy of a draft. Ids the program makes are hex; any other (a
    hand-edited store) is hashed, so that it can never name a path outside the folder."""
    if not re.fullmatch(r"[0-9A-Za-z_-]{1,64}", draft_id):
        import hashlib

        draft_id = hashlib.sha256(draft_id.encode("utf-8", "surrogatepass")).hexdigest()[:32]
    return Path(data_dir) / RECOVERY_FOLDER / f"{draft_id}.{session}.json"


def new_session() -> str:
    """A window's name among the recovery copies: 12 hex digits (see :data:`_SESSION`)."""
    return os.urandom(6).hex()


_SESSION = re.compile(r"[0-9a-f]{12}")


def _session_lock(data_dir: Path, session: str) -> Path:
    return Path(data_dir) / RECOVERY_FOLDER / f"{session}.lock"


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
        self.session = new_session()
        self._session_fd: int | None = None
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
            self.journal_timer.stop()
            self.discard_journal(draft_id)

    def _failed(self, exc: BaseException) -> None:
        self._in_flight = False
        from kopsavilkums.store import ConflictError

        if isinstance(exc, ConflictError):
            self.conflict.emit(exc)
            return
        self.failed.emit(workers.message_of(exc, self.language()))
        self.retry.start()

    # ------------------------------------------------------------------ crash recovery
    def _hold_session(self) -> None:
        """Take this window's lock before its first copy: it says "still running"."""
        if self._session_fd is None:
            folder = self.data_dir / RECOVERY_FOLDER
            folder.mkdir(mode=0o700, exist_ok=True)
            self._session_fd = try_hold(_session_lock(self.data_dir, self.session))

    def end_session(self) -> None:
        """The window closes: its copies (if any are left) become offers for the next start."""
        self.pool.waitForDone()
        if self._session_fd is not None:
            let_go(self._session_fd)
            self._session_fd = None
            with contextlib.suppress(OSError):
                _session_lock(self.data_dir, self.session).unlink()

    def _copy_job(self):
        """Work for the pool that writes the copy of what is unsaved now. The store's revision
        is read there, after any save queued before it has finished."""
        draft_id, store = self.draft_id, self.store
        document = exchange.to_document(self.doc.report, ids=True)
        path = recovery_path(self.data_dir, draft_id, self.session)

        def write() -> None:
            payload = json.dumps(
                {
                    "draft_id": draft_id,
                    # the revision these edits build on: a draft saved again since is not overwritten
                    "base_revision": store.revision_seen(draft_id),
                    "document": document,
                },
                ensure_ascii=False,
            ).encode()
            atomic_write_bytes(path, payload)

        return write

    def _write_journal(self) -> None:
        if not self.dirty or self.draft_id is None:
            return
        with contextlib.suppress(OSError):
            self._hold_session()
        self.pool.start(workers.Job(self._copy_job()))

    def write_journal_now(self) -> None:
        """From a crash handler: keep what is unsaved, after anything already queued."""
        if self.dirty and self.draft_id is not None:
            with contextlib.suppress(OSError):
                self._hold_session()
            write = self._copy_job()
            self.pool.waitForDone(2000)
            write()

    def discard_journal(self, draft_id: str | None) -> None:
        """The draft's edits are saved, or the user chose to lose them. Queued behind any copy
        still being written, so a late write cannot bring the copy back."""
        if draft_id is not None:
            path = recovery_path(self.data_dir, draft_id, self.session)
            self.pool.start(workers.Job(lambda: discard_recovery(path)))


@dataclass(frozen=True)
class Recovered:
    """Edits a session left unsaved, as found in its recovery copy."""

    path: Path
    draft_id: str | None
    report: object
    base_revision: int | None  # None: a copy from 0.1.0, which did not record it


def pending_recoveries(data_dir: Path) -> list[Recovered]:
    """The recovery copies left by windows that are no longer running, oldest first."""
    folder = Path(data_dir) / RECOVERY_FOLDER
    files = sorted(folder.glob("*.json")) if folder.is_dir() else []
    files.append(Path(data_dir) / OLD_RECOVERY_FILE)
    found = []
    for path in files:
        try:
            recovered = _read_recovery(path)
        except Exception:
            continue
        if recovered is not None:
            found.append((path.stat().st_mtime, recovered))
    return [recovered for _, recovered in sorted(found, key=lambda item: item[0])]


def _read_recovery(path: Path) -> Recovered | None:
    if not stat.S_ISREG(path.lstat().st_mode):  # missing raises; a pipe or link is not ours
        return None
    if path.parent.name == RECOVERY_FOLDER and _still_running(path):
        return None
    saved = json.loads(path.read_text(encoding="utf-8"))
    if not isinstance(saved, dict) or not isinstance(saved.get("document"), dict):
        return None
    draft_id, base = saved.get("draft_id"), saved.get("base_revision")
    if not isinstance(draft_id, (str, type(None))) or not isinstance(base, (int, type(None))) or isinstance(base, bool):
        return None
    return Recovered(path, draft_id, exchange.from_document(saved["document"], ids=True), base)


def _still_running(copy: Path) -> bool:
    """Whether the window that keeps ``<draft>.<session>.json`` still holds its session lock."""
    parts = copy.name.split(".")
    if len(parts) != 3 or not _SESSION.fullmatch(parts[1]):
        return False
    fd = try_hold(_session_lock(copy.parent.parent, parts[1]))
    if fd is None:
        return True
    let_go(fd)
    return False


def tidy_recovery_folder(data_dir: Path) -> None:
    """Remove the lock files of windows that are gone and left no copies."""
    folder = Path(data_dir) / RECOVERY_FOLDER
    if not folder.is_dir():
        return
    for lock in folder.glob("*.lock"):
        if any(folder.glob(f"*.{lock.stem}.json")):
            continue
        with contextlib.suppress(OSError):
            fd = try_hold(lock)
            if fd is not None:
                let_go(fd)
                lock.unlink()


def discard_recovery(path: Path) -> None:
    with contextlib.suppress(OSError):  # e.g. a virus scanner holding it on Windows: next time
        path.unlink(missing_ok=True)
