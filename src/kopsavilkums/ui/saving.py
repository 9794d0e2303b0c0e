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

import contextlib
import json
import os
import platform
import re
from dataclasses import dataclass
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
    """The draft's recovery copy. Ids the program makes are hex; any other (a hand-edited store)
    is hashed, so that it can never name a path outside the folder."""
    if not re.fullmatch(r"[0-9A-Za-z_-]{1,64}", draft_id):
        import hashlib  # noqa: PLC0415 - rare

        draft_id = hashlib.sha256(draft_id.encode("utf-8", "surrogatepass")).hexdigest()[:32]
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

    def flush(self, *, force: bool = False) -> bool:
        """Save everything now, waiting for it (closing, switching drafts). True when saved."""
        self.timer.stop()
        self.pool.waitForDone()
        if self.dirty and self.draft_id is not None:
            generation = self._generation
            try:
                self.draft_id = self.store.save(self.doc.report.copy(), self.draft_id, force=force or self._force_next)
            except Exception as exc:  # noqa: BLE001 - shown to the user
                self._failed(exc)
                return False
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
    def _journal(self) -> bytes:
        document = exchange.to_document(self.doc.report, ids=True)
        return json.dumps({
            "draft_id": self.draft_id,
            # the store's revision these edits started from: a newer one is never overwritten
            "base_revision": self.store.revision_seen(self.draft_id),
            # who is still editing: a second start leaves a live window's copy alone
            "owner": {"pid": os.getpid(), "host": platform.node()},
            "document": document,
        }, ensure_ascii=False).encode()

    def _write_journal(self) -> None:
        if not self.dirty or self.draft_id is None:
            return
        payload, path = self._journal(), recovery_path(self.data_dir, self.draft_id)
        self.pool.start(workers.Job(lambda: _write_recovery(path, payload)))

    def write_journal_now(self) -> None:
        """Synchronously (from a crash handler): keep what is unsaved."""
        if self.dirty and self.draft_id is not None:
            _write_recovery(recovery_path(self.data_dir, self.draft_id), self._journal())

    def discard_journal(self, draft_id: str | None) -> None:
        """The draft's edits are saved, or the user chose to lose them. Queued behind any copy
        still being written, so a late write cannot bring the copy back."""
        if draft_id is not None:
            path = recovery_path(self.data_dir, draft_id)
            self.pool.start(workers.Job(lambda: discard_recovery(path)))


def _write_recovery(path: Path, payload: bytes) -> None:
    path.parent.mkdir(mode=0o700, exist_ok=True)
    atomic_write_bytes(path, payload)


@dataclass(frozen=True)
class Recovered:
    """Edits a session left unsaved, as found in its recovery copy."""

    path: Path
    draft_id: str | None
    report: object
    base_revision: int | None  # None: a copy from 0.1.0, which did not record it


def pending_recoveries(data_dir: Path) -> list[Recovered]:
    """The recovery copies left by sessions that ended without saving, oldest first; copies a
    running window on this computer is still keeping are not included."""
    folder = Path(data_dir) / RECOVERY_FOLDER
    files = sorted(folder.glob("*.json")) if folder.is_dir() else []
    files.append(Path(data_dir) / OLD_RECOVERY_FILE)
    found = []
    for path in files:
        try:
            saved = json.loads(path.read_text(encoding="utf-8"))
            modified = path.stat().st_mtime
        except (OSError, ValueError):
            continue  # gone meanwhile, or half-written by a dying process: nothing to offer
        if not isinstance(saved, dict) or not isinstance(saved.get("document"), dict):
            continue
        draft_id, base = saved.get("draft_id"), saved.get("base_revision")
        if not isinstance(draft_id, (str, type(None))) or not isinstance(base, (int, type(None))) or isinstance(base, bool):
            continue
        if _still_edited(saved.get("owner")):
            continue
        try:
            report = exchange.from_document(saved["document"], ids=True)
        except exchange.ExchangeError:
            continue
        found.append((modified, Recovered(path, draft_id, report, base)))
    return [recovered for _, recovered in sorted(found, key=lambda item: item[0])]


def _still_edited(owner) -> bool:
    """Whether the window that wrote a copy is still running on this computer."""
    if not isinstance(owner, dict) or owner.get("host") != platform.node():
        return False
    pid = owner.get("pid")
    return isinstance(pid, int) and not isinstance(pid, bool) and _process_alive(pid)


def _process_alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    if pid <= 0:
        return False
    if os.name == "nt":  # pragma: no cover - checked by reading only
        import ctypes  # noqa: PLC0415

        kernel32 = ctypes.windll.kernel32
        handle = kernel32.OpenProcess(0x1000, False, pid)  # PROCESS_QUERY_LIMITED_INFORMATION
        if not handle:
            return kernel32.GetLastError() == 5  # ERROR_ACCESS_DENIED: it exists
        try:
            code = ctypes.c_ulong()
            return bool(kernel32.GetExitCodeProcess(handle, ctypes.byref(code))) and code.value == 259  # STILL_ACTIVE
        finally:
            kernel32.CloseHandle(handle)
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # someone else's process: alive
    except OSError:
        return False
    return True


def discard_recovery(path: Path) -> None:
    with contextlib.suppress(OSError):  # e.g. a virus scanner holding it on Windows: next time
        path.unlink(missing_ok=True)
