"""The TinyDB storage under the draft store: one UTF-8 JSON file that a crash, a full disk, a
damaged or replaced copy or a second process cannot spoil.

TinyDB's own ``JSONStorage`` rewrites the file in place (a crash leaves half a file), opens it in
the platform's default encoding, has no lock and re-parses and re-dumps the whole file with the
standard library on every operation. This storage instead

* keeps the parsed file in memory and re-reads it only when its identity (device, inode, size,
  modification time) changed — on POSIX it also keeps the last file it read open, so that inode
  cannot be reused by a later file and a change is never mistaken for no change;
* writes with orjson (≈10× faster than ``json.dumps`` here; bytes, so always UTF-8) through
  :func:`kopsavilkums.fileio.atomic_write_bytes`: a temporary file beside the data file, fsynced,
  renamed over it, the folder fsynced — a crash leaves the old file or the new one, never a mix;
* raises the file's generation with every write and afterwards keeps a copy in
  ``<stem>-backups/`` named by it, rotated by the rule in :mod:`~kopsavilkums.store.history`
  (the newest ``backups`` of them, plus any that is the last to hold a draft the file lacks);
* repairs a file it must not use, keeping that file aside — never overwriting or deleting it —
  and putting back the newest good backup (or, when every backup is older, the state it last
  read), leaving a :class:`~kopsavilkums.store.repair.RepairNotice` in :attr:`notice`:
  a **damaged** file (empty, truncated, NUL bytes, a byte-order mark, not JSON, wrong shape) goes
  to ``<stem>.damaged-<time>.json``; a file **replaced** behind the store's back by one that went
  back in time (``{}``, an emptied table, an older copy: see :func:`history.went_back`) goes to
  ``<stem>.replaced-<time>.json``; a **missing** file is restored when a backup holds drafts.

A read-modify-write must hold :attr:`lock` (the store does); reads need no lock because the file
is only ever replaced whole.
"""

from __future__ import annotations

import contextlib
import logging
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import orjson
from tinydb.storages import Storage

from kopsavilkums.fileio import atomic_write_bytes, fsync_folder, read_all, temp_prefix
from kopsavilkums.messages import Message
from kopsavilkums.store import migrations
from kopsavilkums.store.backups import Backup, Backups
from kopsavilkums.store.errors import CorruptFile, StoreError
from kopsavilkums.store.history import State, merge, next_meta, went_back
from kopsavilkums.store.locking import FileLock
from kopsavilkums.store.repair import (
    DAMAGED,
    MISSING,
    REPLACED,
    RepairNotice,
    cannot_keep_copy,
    cannot_read,
    cannot_set_aside,
    cannot_write,
    notice,
    stamp,
)

log = logging.getLogger(__name__)

Tables = dict[str, dict[str, Any]]
BYTE_ORDER_MARK = b"\xef\xbb\xbf"
_PIN_FILES = os.name != "nt"  # Windows cannot rename over a file that is held open


class _WentBack(CorruptFile):
    """Internal: the file is readable but lost what a known state holds (or is missing)."""

    def __init__(self, kind: str, reason: Message, tables: Tables | None, state: State) -> None:
        super().__init__(reason)
        self.kind, self.tables, self.state = kind, tables, state


def check_tables(tables: Any) -> None:
    """TinyDB's shape: an object of tables, each an object of documents, each an object."""
    if not isinstance(tables, dict):
        raise CorruptFile(Message(lv="tā saturs nav melnrakstu tabula", en="its content is not a table of drafts"))
    for name, table in tables.items():
        if not isinstance(table, dict) or not all(isinstance(doc, dict) for doc in table.values()):
            raise CorruptFile(
                Message(lv=f'tās tabulai "{name}" ir nepareiza uzbūve', en=f'its table "{name}" has the wrong shape')
            )


class SafeJSONStorage(Storage):
    def __init__(
        self,
        path: str | Path,
        *,
        validate: Callable[[Any], None] = check_tables,
        backups: int = 5,
        lock_timeout: float = 10.0,
        create: bool = True,
    ) -> None:
        """``create=False`` (a reader) creates no folder until something has to be written."""
        self.path = Path(path)
        self.folder = self.path.parent
        if create:
            try:
                self.folder.mkdir(parents=True, exist_ok=True, mode=0o700)
            except OSError as exc:
                raise cannot_write(self.path, exc, creating=True) from exc
        self.backup_folder = Backups(self.path, backups)
        self.lock = FileLock(self.path.with_name(self.path.name + ".lock"), lock_timeout)
        self.notice: RepairNotice | None = None
        self._validate = validate
        self._loaded = False
        self._cache: Tables | None = None
        self._state: State | None = None  # what the cache holds, as the repair rules see it
        self._signature: tuple[int, ...] | None = None
        self._pinned_fd: int | None = None

    # ------------------------------------------------------------------ TinyDB's interface

    def read(self) -> Tables | None:
        signature = self._current_signature()
        if self._loaded and signature == self._signature:
            return self._cache
        try:
            return self._load()
        except CorruptFile as problem:
            return self._repair(problem)

    def write(self, data: Tables) -> None:
        try:
            with self.lock:
                self._write(data, self._state or State())
        except BaseException:
            # TinyDB has already changed our cached tables in place: drop them, so the next
            # read comes from the file on disk (untouched, unless only the backup failed).
            self._forget()
            raise

    def close(self) -> None:
        self._unpin()
        self.lock.close()

    # ------------------------------------------------------------------ housekeeping

    def remove_temp_files(self) -> None:
        """Delete temporary files a crashed writer left behind (call with the lock held)."""
        with contextlib.suppress(OSError):
            for leftover in self.folder.glob(temp_prefix(self.path.name) + "*"):
                with contextlib.suppress(OSError):
                    leftover.unlink()
        self.backup_folder.remove_temp_files()

    def backups(self) -> list[Path]:
        """The rolling backups, oldest first."""
        return [backup.path for backup in self.backup_folder.listing()]

    def copy_aside(self, label: str) -> Path | None:
        """Copy the current file to ``<stem>-backups/<stem>-<label>-<time>.json`` (kept, not rotated)."""
        try:
            payload = self.path.read_bytes()
        except FileNotFoundError:
            return None
        except OSError as exc:
            raise cannot_read(self.path, exc) from exc
        try:
            return self.backup_folder.copy_aside(f"{self.path.stem}-{label}-{stamp()}{self.path.suffix}", payload)
        except OSError as exc:
            raise cannot_keep_copy(self.path, self.backup_folder.folder, exc) from exc

    # ------------------------------------------------------------------ reading

    def _current_signature(self) -> tuple[int, ...] | None:
        try:
            return _signature(os.stat(self.path))
        except FileNotFoundError:
            return None
        except OSError as exc:
            raise cannot_read(self.path, exc) from exc

    def _load(self, *, check: bool = True) -> Tables | None:
        try:
            fd = os.open(self.path, os.O_RDONLY | getattr(os, "O_BINARY", 0))
        except FileNotFoundError:
            if check:
                self._check(None, State(), None, MISSING)
            self._adopt(None, None, State())
            return None
        except OSError as exc:
            raise cannot_read(self.path, exc) from exc
        try:
            payload = read_all(fd)
            tables = self._parse(payload)
            state = State.of(tables)
            if check:
                self._check(tables, state, payload, REPLACED)
        except BaseException:
            os.close(fd)
            raise
        self._adopt(fd, tables, state)
        return tables

    def _parse(self, payload: bytes) -> Tables:
        if not payload:
            raise CorruptFile(Message(lv="fails ir tukšs (0 baitu)", en="the file is empty (0 bytes)"))
        if payload.startswith(BYTE_ORDER_MARK):
            raise CorruptFile(
                Message(
                    lv="faila sākumā ir BOM zīme (to pārsaglabājis redaktors)",
                    en="the file begins with a byte-order mark (an editor re-saved it)",
                )
            )
        if b"\0" in payload:
            raise CorruptFile(Message(lv="failā ir NUL baiti", en="the file contains NUL bytes"))
        try:
            tables = orjson.loads(payload)
        except orjson.JSONDecodeError as exc:
            raise CorruptFile(
                Message(lv=f"fails nav derīgs JSON ({exc})", en=f"the file is not valid JSON ({exc})")
            ) from None
        self._validate(tables)
        return tables

    def _check(self, tables: Tables | None, state: State, payload: bytes | None, kind: str) -> None:
        """Raise :class:`_WentBack` when the file went back from a state known to be at least as
        new: the one this storage last read or wrote, or the newest usable backup."""
        seen = self._state if self._loaded else None
        if seen is not None and seen.generation >= state.generation and (why := went_back(state, seen)):
            raise _WentBack(kind, why, tables, state)
        listing = self.backup_folder.listing()
        if not listing:
            return
        # The file may be the very state the newest backup was taken of; checked byte for byte
        # when nothing was read before (another computer may have saved the same generation).
        last = listing[-1]
        if (
            payload is not None
            and (last.number, last.size) == (state.generation, len(payload))
            and (seen is not None or _same_bytes(last.path, payload))
        ):
            return
        for _, _, reference in self.backup_folder.usable(self._parse):
            if why := went_back(state, State.of(reference)):
                raise _WentBack(kind, why, tables, state)
            return

    def _adopt(self, fd: int | None, tables: Tables | None, state: State) -> None:
        """Make ``tables`` the cache, as the file ``fd`` (None: no file) holds it."""
        if fd is None:
            signature = self._current_signature()
        else:
            signature = _signature(os.fstat(fd))
        self._unpin()
        if fd is not None:
            if _PIN_FILES:
                self._pinned_fd = fd
            else:
                os.close(fd)
        self._cache, self._state, self._signature, self._loaded = tables, state, signature, True

    def _forget(self) -> None:
        self._unpin()
        self._cache, self._state, self._signature, self._loaded = None, None, None, False

    def _unpin(self) -> None:
        if self._pinned_fd is not None:
            with contextlib.suppress(OSError):
                os.close(self._pinned_fd)
            self._pinned_fd = None

    # ------------------------------------------------------------------ writing

    def _write(self, data: Tables, base: State, *, newer_than: int = 0) -> None:
        """Write ``data``, made from the state ``base``, as the next generation (lock held)."""
        listing = self.backup_folder.listing()
        generation = max(base.generation, listing[-1].number if listing else 0, newer_than) + 1
        meta = next_meta(data, base.drafts, generation)
        # A new outer dict: ``data`` stays as it was if anything below fails.
        data = {**data, migrations.META_TABLE: {**(data.get(migrations.META_TABLE) or {}), migrations.META_ID: meta}}
        try:
            payload = orjson.dumps(data) + b"\n"
        except (orjson.JSONEncodeError, TypeError) as exc:
            raise StoreError(
                Message(
                    lv=f"melnrakstu nevar saglabāt: tas satur kaut ko, kas nav teksts ({exc})",
                    en=f"the draft cannot be stored: it contains something that is not text ({exc})",
                )
            ) from None
        try:
            fd = atomic_write_bytes(self.path, payload, mode=0o600, keep_open=True)
        except OSError as exc:
            raise cannot_write(self.path, exc, creating=self._signature is None) from exc
        state = State.of(data)
        self._adopt(fd, data, state)
        self._keep_backup(payload, state, listing)  # under the lock, so backup names never collide

    def _keep_backup(self, payload: bytes, state: State, listing: list[Backup]) -> None:
        """A second copy of what was just saved; failing here never fails the save itself."""
        try:
            added = self.backup_folder.add(state.generation, payload, state.drafts)
            self.backup_folder.rotate(state, [*listing, added])
        except OSError as exc:
            log.warning("could not keep a backup of %s: %s", self.path, exc)

    # ------------------------------------------------------------------ repair

    def _repair(self, problem: CorruptFile) -> Tables | None:
        with self.lock:
            try:  # another process may have repaired it while we waited for the lock
                return self._load()
            except CorruptFile as still:
                problem = still
            kind = problem.kind if isinstance(problem, _WentBack) else DAMAGED
            seen = self._state if self._loaded else None
            # What to put back: the newest usable backup, unless it too is older than what this
            # storage last read (a whole folder put back by a sync tool): then that state.
            newest = next(self.backup_folder.usable(self._parse), None)
            if newest is not None and (seen is None or not went_back(State.of(newest[2]), seen)):
                source: Path | str | None = newest[0].path
                good: Tables | None = newest[2]
            elif seen is not None and self._cache is not None:
                source, good = "memory", self._cache
            elif kind == DAMAGED:
                source, good = None, None
            else:
                return self._load(check=False)  # nothing better to put back: keep the file as it is
            aside = self._set_aside(kind) if kind != MISSING and os.path.lexists(self.path) else None
            taken: list[str] = []
            if good is None:
                self._adopt(None, None, State())
            elif kind != REPLACED and newest is not None and source == newest[0].path:
                try:  # the backup as it is: the last saved state, byte for byte
                    fd = atomic_write_bytes(self.path, newest[1], mode=0o600, keep_open=True)
                except OSError as exc:
                    raise cannot_write(self.path, exc) from exc
                self._adopt(fd, good, State.of(good))
            else:
                replacing = problem.tables if isinstance(problem, _WentBack) else None
                merged, taken = merge(good, replacing)
                # As a generation newer than any involved, so that no window or computer that
                # saw one of them takes the result for an older copy in turn.
                replaced = problem.state.generation if isinstance(problem, _WentBack) else 0
                newer_than = max(replaced, seen.generation if seen is not None else 0)
                self._write(merged, State(), newer_than=newer_than)
            self.notice = notice(kind, self.path, aside, source, problem.reason, kept=len(taken))
            log.info("%s", self.notice.message.en)  # the caller shows the notice itself
            return self._cache

    def _set_aside(self, kind: str) -> Path:
        aside = self.path.with_name(f"{self.path.stem}.{kind}-{stamp()}{self.path.suffix}")
        try:
            os.replace(self.path, aside)
        except OSError as exc:
            raise cannot_set_aside(self.path, exc) from exc
        fsync_folder(self.folder)
        return aside


def _same_bytes(path: Path, payload: bytes) -> bool:
    try:
        return path.read_bytes() == payload
    except OSError:
        return False


def _signature(st: os.stat_result) -> tuple[int, ...]:
    return (st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns)
