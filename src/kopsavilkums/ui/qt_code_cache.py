"""Start PySide6 faster by caching the support code it compiles on every start.

Importing PySide6 loads its ``shibokensupport`` package (signature and ``__feature__``
support, some 300 KB of Python) from a zip embedded in ``libshiboken`` and ``compile()``s it
from source each time: about 15 ms of every start here, more on an old laptop. Nothing else
caches it, because it never touches the file system. :func:`cached_compiles` keeps the
compiled code in the user's own cache folder and hands it back while PySide6 is first imported.

The cache can only be a shortcut, never a source of truth: an entry is used only if it was
made by this Python (bytecode magic) from byte-identical source (Python's own source hash) with
the same compiler flags and optimisation level, and anything unreadable, stale or unwritable
falls back to compiling, exactly as without it. Compiled code runs, so the cache lives in the
per-user cache folder (never the data folder, which may be shared), and an entry is used only
when it is a regular file of this user's that nobody else may write, in a folder of the same
kind (Windows: a file this user owns) — checked on the opened file and read from it, see
:func:`_read_own`. Only ``compile(source, "shibokensupport/…", "exec")`` calls made during the
import are served. ``KOPSAVILKUMS_NO_CODE_CACHE=1`` switches the cache off.

Imports no Qt (it runs before PySide6 is imported). Deliberately without
``from __future__ import annotations``: see :func:`_inherited_flags`.
"""

import __future__

import _imp
import builtins
import contextlib
import marshal
import os
import stat
import sys
from collections.abc import Iterator
from importlib._bootstrap_external import MAGIC_NUMBER  # what ``importlib.util`` re-exports
from pathlib import Path

from kopsavilkums.fileio import atomic_write_bytes

PREFIX = "shibokensupport/"
OFF_SWITCH = "KOPSAVILKUMS_NO_CODE_CACHE"
_HASH_KEY = int.from_bytes(MAGIC_NUMBER[:2], "little")  # as importlib keys hash-based .pyc files
# The ``from __future__`` flags a frame passes on to what it compiles (Python's PyCF_MASK).
_FUTURE_FLAGS = 0
for _name in (
    "division",
    "absolute_import",
    "with_statement",
    "print_function",
    "unicode_literals",
    "barry_as_FLUFL",
    "generator_stop",
    "annotations",
):
    _FUTURE_FLAGS |= getattr(getattr(__future__, _name, None), "compiler_flag", 0)


def _entry_name(filename: str) -> str:
    return filename.replace("/", "-").replace("\\", "-") + ".code"


def _header(data: bytes, flags: int = 0, optimize: int = -1) -> bytes:
    level = sys.flags.optimize if optimize == -1 else optimize
    return MAGIC_NUMBER + flags.to_bytes(4, "little") + bytes([level & 0xFF]) + _imp.source_hash(_HASH_KEY, data)


def _private(info: os.stat_result) -> bool:
    """Owned by this user, and nobody else may write it."""
    return info.st_uid == os.getuid() and not info.st_mode & (stat.S_IWGRP | stat.S_IWOTH)


def _read_own(folder: Path, name: str) -> bytes | None:
    """The bytes of the entry ``name`` if it is a regular file of this user's that nobody else
    may write, in a folder of this user's that nobody else may write; else None.

    Everything is checked on what was opened, and read from that very handle, so nobody can put
    another file in its place between a check and the read. POSIX: never through a link
    (``O_NOFOLLOW``), never blocking on a FIFO (``O_NONBLOCK``), the folder held open while the
    entry is opened in it. Windows: the file's owner must be this user (untested here: see
    :mod:`kopsavilkums.ui.windows_identity`); %LOCALAPPDATA% is the user's own already.
    """
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    if sys.platform == "win32":
        fd = os.open(folder / name, flags)
    else:
        folder_fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW)
        try:
            if not _private(os.fstat(folder_fd)):
                return None
            fd = os.open(name, flags, dir_fd=folder_fd)
        finally:
            os.close(folder_fd)
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            return None
        if sys.platform == "win32":
            from kopsavilkums.ui import windows_identity

            if not windows_identity.file_is_mine(fd):
                return None
        elif not _private(info):
            return None
        with os.fdopen(fd, "rb", closefd=False) as handle:
            return handle.read()
    finally:
        os.close(fd)


def load(folder: Path, filename: str, data: bytes, flags: int = 0, optimize: int = -1):
    """The cached code for ``data`` compiled as ``filename`` with these flags, or None."""
    try:
        blob = _read_own(folder, _entry_name(filename))
    except OSError:
        return None
    header = _header(data, flags, optimize)
    if blob is None or not blob.startswith(header):
        return None
    try:
        code = marshal.loads(blob[len(header) :])
    except (EOFError, ValueError, TypeError):
        return None
    return code if type(code).__name__ == "code" else None


def store(folder: Path, filename: str, data: bytes, code, flags: int = 0, optimize: int = -1) -> None:
    """Keep ``code`` for next time; a folder we cannot write to just means no cache."""
    with contextlib.suppress(OSError):
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        # Another process may race us: either whole file wins.
        atomic_write_bytes(
            folder / _entry_name(filename),
            _header(data, flags, optimize) + marshal.dumps(code),
            mode=0o600,
            durable=False,
        )


def _inherited_flags(frame) -> int:
    """The future flags the builtin ``compile`` would take from its caller's frame. This wrapper
    has a frame of its own, so it passes them on explicitly (PySide6's loader compiles under
    ``from __future__ import annotations``)."""
    return frame.f_code.co_flags & _FUTURE_FLAGS if frame is not None else 0


@contextlib.contextmanager
def cached_compiles(folder: Path) -> Iterator[None]:
    """While active, ``compile`` serves PySide6's support modules from ``folder``."""
    original = builtins.compile

    def compile(source, filename, mode, flags=0, dont_inherit=False, optimize=-1, **kwargs):
        if not dont_inherit:
            flags |= _inherited_flags(sys._getframe(1))
        if (
            not isinstance(filename, str)
            or not filename.startswith(PREFIX)
            or mode != "exec"
            or kwargs
            or not isinstance(source, (bytes, str))
        ):
            return original(source, filename, mode, flags, True, optimize, **kwargs)
        data = source if isinstance(source, bytes) else source.encode("utf-8", "surrogatepass")
        code = load(folder, filename, data, flags, optimize)
        if code is None:
            code = original(source, filename, mode, flags, True, optimize)
            store(folder, filename, data, code, flags, optimize)
        return code

    builtins.compile = compile
    try:
        yield
    finally:
        builtins.compile = original


def enabled() -> bool:
    """False when ``KOPSAVILKUMS_NO_CODE_CACHE`` is set (to anything but 0)."""
    return os.environ.get(OFF_SWITCH, "") in ("", "0")


def import_pyside(folder: Path) -> None:
    """Import PySide6 (once per process) with its support code served from ``folder``, unless
    the cache is switched off: then PySide6 compiles it as it always does."""
    if "shiboken6" in sys.modules:
        return
    with cached_compiles(folder) if enabled() else contextlib.nullcontext():
        import PySide6.QtCore  # noqa: F401 - loads shiboken6 and its support package
