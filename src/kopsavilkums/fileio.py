"""Crash-safe file writing: the program's one atomic writer.

Everything the program writes — draft files and PDFs exported by the user, the draft store and
its backups, recovery copies, the code cache — goes through :func:`atomic_write_bytes`, so a
crash, a full disk or a power cut leaves the old file or the new one, never half of either.

Permissions: a file that already exists keeps its own. A new one is created with ``mode`` and
the process umask applies, as for any program's new file: exports use the default 0o666 (so a
PDF saved into a shared folder is as readable as anything else the user saves there), the
store's own files pass 0o600 (readable by their owner alone).
"""

from __future__ import annotations

import contextlib
import os
import stat
import time
from pathlib import Path

TEMP_MARK = ".tmp-"
# Windows cannot rename over a file that is held open, and a reader (a virus scanner, a PDF
# viewer) holding the target for a moment makes the rename fail with "access denied".
_RENAME_OVER_OPEN_FILES = os.name != "nt"
_RENAME_ATTEMPTS, _RENAME_PAUSE = 20, 0.05


def temp_prefix(name: str) -> str:
    """How the temporary files of a target called ``name`` begin (for tidying up after a crash).
    The name is cut short so that the temporary name stays within every file system's limit."""
    return f".{name[:40]}{TEMP_MARK}"


def atomic_write_bytes(
    path: str | os.PathLike,
    data: bytes,
    *,
    mode: int = 0o666,
    durable: bool = True,
    keep_open: bool = False,
    retry_rename: bool = True,
) -> int | None:
    """Replace ``path`` with ``data`` so that a crash leaves either the old or the new file.

    A temporary file beside the target is written, then renamed over it. On any error the target
    is untouched, the temporary file is removed and the ``OSError`` is raised.

    - ``mode``: the permissions of a new file, before the umask (an existing file keeps its own).
    - ``durable``: fsync the file before the rename and the folder after it, so that the new
      content survives a power cut. False for what can be rebuilt or is a second copy.
    - ``keep_open``: return a descriptor of the new file, for a caller that keeps it open so
      that its inode cannot be reused (the draft store). None where that is impossible (Windows).
    - ``retry_rename``: on Windows, try the rename again for up to a second while another
      program has the target open.
    """
    path = Path(path)
    folder = path.parent
    # An existing file keeps its permissions, but not setuid/setgid/sticky (a document is no
    # program); a symbolic link is replaced by the new file, so the link's target lends nothing.
    try:
        existing = os.lstat(path)
    except FileNotFoundError:
        existing = None
    keep_mode = existing.st_mode & 0o777 if existing is not None and not stat.S_ISLNK(existing.st_mode) else None
    fd: int | None
    fd, tmp_name = _create_temp(folder, path.name, mode)
    try:
        _write_fully(fd, data)
        if durable:
            os.fsync(fd)
        if keep_mode is not None:
            os.chmod(tmp_name, keep_mode)
        if not (keep_open and _RENAME_OVER_OPEN_FILES):
            os.close(fd)
            fd = None
        _rename(tmp_name, path, retry_rename)
    except BaseException:
        if fd is not None:
            os.close(fd)
        with contextlib.suppress(OSError):
            os.unlink(tmp_name)
        raise
    if durable:
        fsync_folder(folder)
    return fd


def fsync_folder(folder: Path) -> None:
    """Make a rename in ``folder`` durable; a no-op where folders cannot be opened (Windows)."""
    if os.name == "nt":
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def read_all(fd: int) -> bytes:
    chunks = []
    while chunk := os.read(fd, 1 << 20):
        chunks.append(chunk)
    return b"".join(chunks)


def _create_temp(folder: Path, name: str, mode: int) -> tuple[int, str]:
    # os.open rather than mkstemp: mkstemp always makes 0o600, whatever the umask says.
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    while True:
        tmp_name = os.path.join(folder, f"{temp_prefix(name)}{os.urandom(6).hex()}.tmp")
        try:
            return os.open(tmp_name, flags, mode), tmp_name
        except FileExistsError:
            continue


def _write_fully(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        written = os.write(fd, view)
        view = view[written:]


def _rename(source: str, target: Path, retry: bool) -> None:
    attempts = _RENAME_ATTEMPTS if retry and os.name == "nt" else 1
    for attempt in range(attempts):
        try:
            os.replace(source, target)
            return
        except PermissionError:
            if attempt == attempts - 1:
                raise
            time.sleep(_RENAME_PAUSE)
