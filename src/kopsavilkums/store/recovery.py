"""Recovery copies: edits a window has not saved yet, kept on disk so that a crash loses nothing.

A window keeps one file per draft in ``<data folder>/unsaved/<draft id>.<session>.json`` (the
session names the window), so two windows never remove or overwrite each other's copies. Each
window holds an OS lock on ``unsaved/<session>.lock`` from its first copy until it closes; the
system lets go of it when the process ends in any way, so the next start can tell the copies of
a window still running (left alone) from those of one that is gone (:meth:`pending`). A copy
records the draft's revision its edits build on, so restoring never overwrites newer work. A
copy goes once its edits are saved or given up (:meth:`discard`, :meth:`RecoveryCopy.discard`).

The files are private to the user (0600, the folder 0700), written atomically.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
import stat
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from kopsavilkums import exchange
from kopsavilkums.fileio import atomic_write_bytes
from kopsavilkums.report import Report
from kopsavilkums.store.locking import let_go, try_hold

FOLDER = "unsaved"
OLD_FILE = "unsaved.json"  # what version 0.1.0 kept (one for all); still offered
_SESSION = re.compile(r"[0-9a-f]{12}")


@dataclass(frozen=True)
class RecoveryCopy:
    """Edits a window left unsaved, as found in its recovery copy."""

    path: Path
    draft_id: str | None
    report: Report
    base_revision: int | None  # None: a copy from 0.1.0, which did not record it

    def discard(self) -> None:
        """Its edits were restored, or the user said no to them."""
        _remove(self.path)


class RecoveryCopies:
    """The recovery copies in one data folder, as one window (session) sees them.

    Thread-safe: a window writes and discards its copies on a worker thread.
    """

    def __init__(self, data_dir: str | os.PathLike, session: str | None = None) -> None:
        self.folder = Path(data_dir) / FOLDER
        self.session = session or os.urandom(6).hex()
        if not _SESSION.fullmatch(self.session):
            raise ValueError("a session is 12 lower-case hex digits")
        self._lock_fd: int | None = None
        self._mutex = threading.Lock()

    # ------------------------------------------------------------------ this window's copies

    def path(self, draft_id: str) -> Path:
        """This window's copy of ``draft_id``. Ids the program makes are hex; any other (a
        hand-edited store) is hashed, so that it can never name a path outside the folder."""
        if not re.fullmatch(r"[0-9A-Za-z_-]{1,64}", draft_id):
            draft_id = hashlib.sha256(draft_id.encode("utf-8", "surrogatepass")).hexdigest()[:32]
        return self.folder / f"{draft_id}.{self.session}.json"

    def hold(self) -> None:
        """Take this window's lock, which says "still running" (done by the first :meth:`write`)."""
        with self._mutex:
            if self._lock_fd is None:
                self.folder.mkdir(mode=0o700, parents=True, exist_ok=True)
                self._lock_fd = try_hold(self._lock_path(self.session))

    def write(self, draft_id: str, report: Report, base_revision: int | None) -> None:
        """Keep ``report`` as the unsaved edits of ``draft_id``, made on ``base_revision``
        (the revision the window loaded or last saved). Raises OSError."""
        self.writer(draft_id, report)(base_revision)

    def writer(self, draft_id: str, report: Report) -> Callable[[int | None], None]:
        """:meth:`write` in two steps: the edits are taken now (cheap, on the UI thread; the
        report may change afterwards), the returned function writes them later, given the
        revision they build on as it is known then (on a worker thread, after queued saves)."""
        document = exchange.to_document(report, ids=True)
        path = self.path(draft_id)

        def write(base_revision: int | None) -> None:
            with contextlib.suppress(OSError):  # without the lock the copy is still worth keeping
                self.hold()
            copy = {"draft_id": draft_id, "base_revision": base_revision, "document": document}
            atomic_write_bytes(path, json.dumps(copy, ensure_ascii=False).encode(), mode=0o600)

        return write

    def discard(self, draft_id: str) -> None:
        """This window's copy of ``draft_id`` is no longer needed (saved, or given up)."""
        _remove(self.path(draft_id))

    def release(self) -> None:
        """The window closes: its copies (if any are left) become offers for the next start."""
        with self._mutex:
            if self._lock_fd is not None:
                let_go(self._lock_fd)
                self._lock_fd = None
                _remove(self._lock_path(self.session))

    # ------------------------------------------------------------------ what others left

    def pending(self) -> list[RecoveryCopy]:
        """The copies left by windows that are no longer running, oldest first."""
        files = sorted(self.folder.glob("*.json")) if self.folder.is_dir() else []
        files.append(self.folder.parent / OLD_FILE)
        found = []
        for path in files:
            try:
                copy = self._read(path)
                if copy is not None:
                    found.append((path.stat().st_mtime, copy))
            except Exception:  # half-written by a crash, not ours, gone meanwhile: not an offer
                continue
        return [copy for _, copy in sorted(found, key=lambda item: item[0])]

    def tidy(self) -> None:
        """Remove the lock files of windows that are gone and left no copies."""
        if not self.folder.is_dir():
            return
        for lock in self.folder.glob("*.lock"):
            if lock.stem == self.session or any(self.folder.glob(f"*.{lock.stem}.json")):
                continue
            with contextlib.suppress(OSError):
                fd = try_hold(lock)
                if fd is not None:
                    let_go(fd)
                    lock.unlink()

    def _read(self, path: Path) -> RecoveryCopy | None:
        if not stat.S_ISREG(path.lstat().st_mode):  # missing raises; a pipe or link is not ours
            return None
        if path.parent == self.folder and self._still_running(path):
            return None
        saved = json.loads(path.read_text(encoding="utf-8"))
        if not isinstance(saved, dict) or not isinstance(saved.get("document"), dict):
            return None
        draft_id, base = saved.get("draft_id"), saved.get("base_revision")
        if (
            not isinstance(draft_id, (str, type(None)))
            or not isinstance(base, (int, type(None)))
            or isinstance(base, bool)
        ):
            return None
        return RecoveryCopy(path, draft_id, exchange.from_document(saved["document"], ids=True), base)

    def _still_running(self, copy: Path) -> bool:
        """Whether the window that keeps ``<draft>.<session>.json`` still holds its lock."""
        parts = copy.name.split(".")
        if len(parts) != 3 or not _SESSION.fullmatch(parts[1]):
            return False
        if parts[1] == self.session:
            return True  # this window's own
        fd = try_hold(self._lock_path(parts[1]))
        if fd is None:
            return True
        let_go(fd)
        return False

    def _lock_path(self, session: str) -> Path:
        return self.folder / f"{session}.lock"


def _remove(path: Path) -> None:
    with contextlib.suppress(OSError):  # e.g. a virus scanner holding it on Windows: next time
        path.unlink(missing_ok=True)
