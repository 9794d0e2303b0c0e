"""A lock file shared by every process that writes the same store.

The lock is the operating system's (``flock`` on POSIX, ``msvcrt.locking`` on Windows), held on
a small file beside the data file. The kernel drops such a lock the moment its holder dies, so a
lock left by a killed or crashed process is taken over at once — no guessing from a process id
that the system may have reused.

Only for the "busy" message: on Linux the kernel says which process holds the lock
(``/proc/locks``); elsewhere the holder's own note is used — its pid and host, written into the
file while it holds the lock and wiped before it lets go, and believed only if that process
still runs. When neither tells, the message says the holder is unknown.
"""

from __future__ import annotations

import contextlib
import logging
import os
import platform
import sys
import threading
import time
from pathlib import Path

from kopsavilkums.messages import Message
from kopsavilkums.store.errors import StoreBusy, StoreUnwritable

log = logging.getLogger(__name__)

if sys.platform == "win32":  # pragma: no cover - exercised on Windows only (mypy reads this test, not os.name)
    import msvcrt

    def _try_lock(fd: int) -> bool:
        os.lseek(fd, 0, os.SEEK_SET)
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True

    def _unlock(fd: int) -> None:
        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)

else:
    import errno
    import fcntl

    def _try_lock(fd: int) -> bool:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        except OSError as exc:
            # A file system without locks (some network shares): writes stay atomic, only
            # simultaneous writers could miss each other, so carry on and say so.
            if exc.errno in (errno.ENOLCK, errno.EOPNOTSUPP, errno.ENOSYS):
                log.warning("file locks are not supported for %s; continuing without", fd)
                return True
            raise
        return True

    def _unlock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)


def try_hold(path: Path) -> int | None:
    """Take the OS lock on ``path`` (created if missing) without waiting. Returns the open
    descriptor while this process holds it (closing it, or the process ending in any way, lets
    go), or None when someone else holds it — in this process too: the lock belongs to the
    open file, not to the process."""
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
    try:
        if _try_lock(fd):
            return fd
    except BaseException:
        os.close(fd)
        raise
    os.close(fd)
    return None


def let_go(fd: int) -> None:
    """Release a lock taken by :func:`try_hold`."""
    with contextlib.suppress(OSError):
        _unlock(fd)
    os.close(fd)


class FileLock:
    """A re-entrant inter-process lock; ``with lock:`` or ``lock.acquire()/release()``."""

    def __init__(self, path: Path, timeout: float = 10.0) -> None:
        self.path = Path(path)
        self.timeout = timeout
        self._fd: int | None = None
        self._depth = 0
        self._thread_lock = threading.RLock()

    @property
    def held(self) -> bool:
        return self._depth > 0

    def acquire(self) -> None:
        self._thread_lock.acquire()
        if self._depth:
            self._depth += 1
            return
        try:
            if self._fd is None:
                try:
                    self._fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
                except OSError as exc:
                    raise StoreUnwritable(
                        Message(
                            lv=f"melnrakstu mapē nevar rakstīt: {self.path} ({exc.strerror or exc})",
                            en=f"the drafts folder cannot be written: {self.path} ({exc.strerror or exc})",
                        )
                    ) from exc
            deadline = time.monotonic() + self.timeout
            delay = 0.002
            while not _try_lock(self._fd):
                if time.monotonic() >= deadline:
                    who = holder(self.path, self._fd)
                    raise StoreBusy(
                        Message(
                            lv=f"melnrakstu fails ir aizņemts: {who.lv} to tur bloķētu ilgāk par {self.timeout:g} s",
                            en=f"the drafts file is busy: {who.en} has held its lock for more than {self.timeout:g} s",
                        )
                    )
                time.sleep(delay)
                delay = min(delay * 2, 0.05)
            self._depth = 1
            self._write_holder(self._fd)
        except BaseException:
            self._thread_lock.release()
            raise

    def release(self) -> None:
        if not self._depth:
            raise RuntimeError("release of a lock that is not held")
        self._depth -= 1
        if not self._depth and self._fd is not None:
            with contextlib.suppress(OSError):
                os.ftruncate(self._fd, 0)  # the note names a holder only while it holds the lock
            _unlock(self._fd)
        self._thread_lock.release()

    def __enter__(self) -> FileLock:
        self.acquire()
        return self

    def __exit__(self, *exc: object) -> None:
        self.release()

    def close(self) -> None:
        with self._thread_lock:
            if self._fd is not None:
                if self._depth:
                    with contextlib.suppress(OSError):
                        _unlock(self._fd)
                    self._depth = 0
                os.close(self._fd)
                self._fd = None

    def _write_holder(self, fd: int) -> None:
        # Diagnostic only; never fatal (on Windows the locked byte cannot be rewritten).
        info = f"{os.getpid()} {platform.node()}\n".encode()
        with contextlib.suppress(OSError):
            os.ftruncate(fd, 0)
            os.lseek(fd, 0, os.SEEK_SET)
            os.write(fd, info)


def holder(path: Path, fd: int) -> Message:
    """Who holds the lock on ``path`` (open as ``fd``) now, or honestly that it is unknown."""
    pid = _kernel_holder(fd)
    if pid is not None:
        return _this_computer(pid)
    try:
        note = path.read_text("utf-8", errors="replace").split()
    except OSError:
        note = []
    if len(note) == 2 and note[0].isdigit():
        pid, host = int(note[0]), note[1]
        if host != platform.node():
            return Message(lv=f"process {pid} datorā {host}", en=f"process {pid} on {host}")
        if _running(pid):
            return _this_computer(pid)
    return Message(lv="cits process (kurš — nevar noteikt)", en="another process (which one cannot be told)")


def _this_computer(pid: int) -> Message:
    name = ""
    with contextlib.suppress(OSError, ValueError):
        name = f" ({Path(f'/proc/{pid}/comm').read_text('utf-8', errors='replace').strip()})"
    return Message(lv=f"process {pid}{name} šajā datorā", en=f"process {pid}{name} on this computer")


def _kernel_holder(fd: int) -> int | None:
    """Linux: the process holding the flock on the file open as ``fd``, from ``/proc/locks``."""
    if not os.path.exists("/proc/locks"):
        return None
    try:
        st = os.fstat(fd)
        with open("/proc/locks", encoding="ascii", errors="replace") as locks:
            lines = locks.read().splitlines()
    except OSError:
        return None
    where = f"{os.major(st.st_dev):02x}:{os.minor(st.st_dev):02x}:{st.st_ino}"
    for line in lines:
        # "3: FLOCK  ADVISORY  WRITE 1234 fd:01:5678 0 EOF"; "3: -> FLOCK …" is a waiter
        fields = line.split()
        if len(fields) >= 6 and fields[1] == "FLOCK" and fields[5] == where and fields[4].isdigit():
            return int(fields[4]) or None  # 0: a process outside this one's view (a container)
    return None


def _running(pid: int) -> bool:
    if os.name == "nt":  # os.kill would end the process there; the note was wiped on release
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # it exists, under another user
    return True
