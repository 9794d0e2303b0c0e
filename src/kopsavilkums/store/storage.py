"""The TinyDB storage under the draft store: one UTF-8 JSON file that a crash, a full disk, a
damaged copy or a second process cannot spoil.

TinyDB's own ``JSONStorage`` rewrites the file in place (a crash leaves half a file), opens it in
the platform's default encoding, has no lock and re-parses and re-dumps the whole file with the
standard library on every operation. This storage instead

* keeps the parsed file in memory and re-reads it only when its identity (device, inode, size,
  modification time) changed — on POSIX it also keeps the last file it read open, so that inode
  cannot be reused by a later file and a change is never mistaken for no change;
* writes with orjson (≈10× faster than ``json.dumps`` here; bytes, so always UTF-8) into a
  temporary file beside the data file, fsyncs it, renames it over the data file and fsyncs the
  folder — a crash leaves the old file or the new one, never a mix;
* after each successful write keeps a copy in ``<stem>-backups/`` (the last ``backups`` of them),
  so the newest backup is always the last state that was saved;
* treats a file it cannot use (empty, truncated, NUL bytes, a byte-order mark, not JSON, wrong
  shape) as damaged: moves it aside with a timestamp — never overwriting or deleting it — and
  restores the newest good backup, leaving a :class:`RecoveryNotice` in :attr:`notice`.

A read-modify-write must hold :attr:`lock` (the store does); reads need no lock because the file
is only ever replaced whole.
"""

from __future__ import annotations

import contextlib
import errno
import logging
import os
import re
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import orjson
from tinydb.storages import Storage

from kopsavilkums.fileio import fsync_folder
from kopsavilkums.messages import Message
from kopsavilkums.store.errors import CorruptFile, StoreError
from kopsavilkums.store.locking import FileLock

log = logging.getLogger(__name__)

Tables = dict[str, dict[str, Any]]
BYTE_ORDER_MARK = b"\xef\xbb\xbf"
_PIN_FILES = os.name != "nt"  # Windows cannot rename over a file that is held open


@dataclass(frozen=True)
class RecoveryNotice:
    """What opening (or reading) the store had to repair, to be shown to the user."""

    bad_file: Path
    restored_from: Path | None
    message: Message

    def localized(self, language: str) -> str:
        return self.message.text(language)


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
    ) -> None:
        self.path = Path(path)
        self.folder = self.path.parent
        self.folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        self.backup_dir = self.folder / f"{self.path.stem}-backups"
        self.lock = FileLock(self.path.with_name(self.path.name + ".lock"), lock_timeout)
        self.keep_backups = max(1, backups)
        self.notice: RecoveryNotice | None = None
        self._validate = validate
        self._temp_prefix = f".{self.path.name}.tmp-"
        self._backup_name = re.compile(re.escape(self.path.stem) + r"-(\d+)" + re.escape(self.path.suffix) + "$")
        self._loaded = False
        self._cache: Tables | None = None
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
            return self._recover(problem)

    def write(self, data: Tables) -> None:
        try:
            with self.lock:
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
                    fd = self._replace_with(payload)
                except OSError as exc:
                    raise _write_error(self.path, exc) from exc
                self._adopt(fd, data)
                self._keep_backup(payload)  # under the lock, so backup numbers never collide
        except BaseException:
            # TinyDB has already changed our cached tables in place: drop them, so the next
            # read comes from the file on disk (untouched, unless only the backup failed).
            self._forget()
            raise

    def close(self) -> None:
        self._unpin()
        self.lock.close()

    # ------------------------------------------------------------------ housekeeping

    def remove_temp_files(self) -> list[Path]:
        """Delete temporary files a crashed writer left behind (call with the lock held)."""
        removed = []
        for folder in (self.folder, self.backup_dir):
            with contextlib.suppress(OSError):
                for leftover in folder.glob(self._temp_prefix + "*"):
                    with contextlib.suppress(OSError):
                        leftover.unlink()
                        removed.append(leftover)
        return removed

    def backups(self) -> list[Path]:
        """The rolling backups, oldest first."""
        try:
            names = os.listdir(self.backup_dir)
        except OSError:
            return []
        numbered = [(int(m.group(1)), name) for name in names if (m := self._backup_name.match(name))]
        return [self.backup_dir / name for _, name in sorted(numbered)]

    def copy_aside(self, label: str) -> Path | None:
        """Copy the current file to ``<stem>-backups/<stem>-<label>-<time>.json`` (kept, not rotated)."""
        try:
            payload = self.path.read_bytes()
        except FileNotFoundError:
            return None
        target = self.backup_dir / f"{self.path.stem}-{label}-{_stamp()}{self.path.suffix}"
        self._write_copy(target, payload)
        return target

    # ------------------------------------------------------------------ reading

    def _current_signature(self) -> tuple[int, ...] | None:
        try:
            return _signature(os.stat(self.path))
        except FileNotFoundError:
            return None

    def _load(self) -> Tables | None:
        try:
            fd = os.open(self.path, os.O_RDONLY | getattr(os, "O_BINARY", 0))
        except FileNotFoundError:
            if self.backups():
                raise CorruptFile(Message(lv="fails pazudis", en="the file is missing")) from None
            self._adopt(None, None)
            return None
        try:
            payload = _read_all(fd)
            tables = self._parse(payload)
        except BaseException:
            os.close(fd)
            raise
        self._adopt(fd, tables)
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

    def _adopt(self, fd: int | None, tables: Tables | None) -> None:
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
        self._cache, self._signature, self._loaded = tables, signature, True

    def _forget(self) -> None:
        self._unpin()
        self._cache, self._signature, self._loaded = None, None, False

    def _unpin(self) -> None:
        if self._pinned_fd is not None:
            with contextlib.suppress(OSError):
                os.close(self._pinned_fd)
            self._pinned_fd = None

    # ------------------------------------------------------------------ writing

    def _replace_with(self, payload: bytes) -> int | None:
        """Atomically and durably replace the data file; returns an fd of the new file (POSIX)."""
        try:
            keep_mode = os.stat(self.path).st_mode & 0o7777
        except FileNotFoundError:
            keep_mode = None  # mkstemp's 0600: a new store is readable by its owner alone
        fd, tmp_name = tempfile.mkstemp(prefix=self._temp_prefix, suffix=".tmp", dir=self.folder)
        try:
            _write_fully(fd, payload)
            os.fsync(fd)
            if keep_mode is not None:
                os.chmod(tmp_name, keep_mode)
            if not _PIN_FILES:
                os.close(fd)
                fd = None
            _replace_file(tmp_name, self.path)
        except BaseException:
            if fd is not None:
                os.close(fd)
            with contextlib.suppress(OSError):
                os.unlink(tmp_name)
            raise
        fsync_folder(self.folder)
        return fd

    def _keep_backup(self, payload: bytes) -> None:
        """A second copy of what was just saved; failing here never fails the save itself."""
        try:
            existing = self.backups()
            number = int(self._backup_name.match(existing[-1].name).group(1)) + 1 if existing else 1
            self._write_copy(self.backup_dir / f"{self.path.stem}-{number:06d}{self.path.suffix}", payload)
            for old in existing[: max(0, len(existing) + 1 - self.keep_backups)]:
                old.unlink()
        except OSError as exc:
            log.warning("could not keep a backup of %s: %s", self.path, exc)

    def _write_copy(self, target: Path, payload: bytes) -> None:
        # Not fsynced: the data file already is, and a backup is checked before it is used.
        self.backup_dir.mkdir(exist_ok=True, mode=0o700)
        fd, tmp_name = tempfile.mkstemp(prefix=self._temp_prefix, suffix=".tmp", dir=self.backup_dir)
        try:
            _write_fully(fd, payload)
            os.close(fd)
            fd = None
            os.replace(tmp_name, target)
        except BaseException:
            if fd is not None:
                os.close(fd)
            with contextlib.suppress(OSError):
                os.unlink(tmp_name)
            raise

    # ------------------------------------------------------------------ recovery

    def _recover(self, problem: CorruptFile) -> Tables | None:
        with self.lock:
            try:  # another process may have repaired it while we waited for the lock
                return self._load()
            except CorruptFile as still:
                problem = still
            bad = self._move_aside() if self.path.exists() else None
            for backup in reversed(self.backups()):
                try:
                    payload = backup.read_bytes()
                    tables = self._parse(payload)
                    fd = self._replace_with(payload)
                except (OSError, CorruptFile) as exc:
                    log.warning("backup %s is not usable: %s", backup, exc)
                    continue
                self._adopt(fd, tables)
                self.notice = _notice(self.path, bad, backup, problem)
                log.info("%s", self.notice.message.en)  # the caller shows the notice itself
                return tables
            self._adopt(None, None)
            self.notice = _notice(self.path, bad, None, problem)
            log.info("%s", self.notice.message.en)
            return None

    def _move_aside(self) -> Path:
        bad = self.path.with_name(f"{self.path.stem}.damaged-{_stamp()}{self.path.suffix}")
        try:
            os.replace(self.path, bad)
        except OSError as exc:
            raise StoreError(
                Message(
                    lv=f"melnrakstu fails {self.path} ir bojāts, un to nevar pārvietot ({exc.strerror or exc}); nekas netika mainīts",
                    en=f"the drafts file {self.path} is damaged and cannot be moved aside ({exc.strerror or exc}); nothing was changed",
                )
            ) from exc
        fsync_folder(self.folder)
        return bad


def _notice(path: Path, bad: Path | None, backup: Path | None, problem: CorruptFile) -> RecoveryNotice:
    if bad is None:
        en = f"The drafts file {path} was missing."
        lv = f"Melnrakstu fails {path} bija pazudis."
    else:
        en = f"The drafts file was damaged ({problem.reason.en}). It has been kept unchanged as {bad}."
        lv = f"Melnrakstu fails bija bojāts ({problem.reason.lv}). Tas saglabāts nemainīts kā {bad}."
    if backup is not None:
        en += f" The last saved state was restored from the backup {backup}."
        lv += f" Pēdējais saglabātais stāvoklis atjaunots no rezerves kopijas {backup}."
    else:
        en += " No usable backup was found, so the list of drafts starts empty."
        lv += " Derīga rezerves kopija netika atrasta, tāpēc melnrakstu saraksts sākas tukšs."
    return RecoveryNotice(bad or path, backup, Message(lv=lv, en=en))


def _write_error(path: Path, exc: OSError) -> StoreError:
    if exc.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", -1)):
        return StoreError(
            Message(
                lv=f"melnraksts netika saglabāts: disks, kurā ir {path.parent}, ir pilns. Melnrakstu fails nav mainīts; atbrīvojiet vietu un saglabājiet vēlreiz",
                en=f"the draft was not saved: the disk holding {path.parent} is full. The drafts file is unchanged; free some space and save again",
            )
        )
    reason = exc.strerror or str(exc)
    return StoreError(
        Message(
            lv=f"melnraksts netika saglabāts: {path} nevar ierakstīt ({reason}). Melnrakstu fails nav mainīts",
            en=f"the draft was not saved: {path} cannot be written ({reason}). The drafts file is unchanged",
        )
    )


def _replace_file(source: str, target: Path) -> None:
    """``os.replace``; on Windows a reader that has the target open for a moment makes it fail
    with "access denied", so try again for up to a second before giving up."""
    for attempt in range(20 if os.name == "nt" else 1):
        try:
            os.replace(source, target)
            return
        except PermissionError:
            if attempt == 19 or os.name != "nt":
                raise
            time.sleep(0.05)


def _signature(st: os.stat_result) -> tuple[int, ...]:
    return (st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns)


def _stamp() -> str:
    return datetime.now(UTC).strftime("%Y%m%dT%H%M%S.%fZ")


def _read_all(fd: int) -> bytes:
    chunks = []
    while chunk := os.read(fd, 1 << 20):
        chunks.append(chunk)
    return b"".join(chunks)


def _write_fully(fd: int, payload: bytes) -> None:
    view = memoryview(payload)
    while view:
        written = os.write(fd, view)
        view = view[written:]
