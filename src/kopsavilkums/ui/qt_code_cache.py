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
per-user cache folder (never the data folder, which may be shared), and on POSIX an entry is
used only when it and its folder belong to this user and nobody else may write them. Only
``compile(source, "shibokensupport/…", "exec")`` calls made during the import are served.

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


def _trusted(path: Path) -> bool:
    """POSIX: the file and its folder are this user's and nobody else may write them."""
    if os.name != "posix":
        return True  # the per-user %LOCALAPPDATA% is private to the user already
    for item in (path.parent, path):
        info = os.lstat(item)
        if info.st_uid != os.getuid() or info.st_mode & (stat.S_IWGRP | stat.S_IWOTH) or stat.S_ISLNK(info.st_mode):
            return False
    return True


def load(folder: Path, filename: str, data: bytes, flags: int = 0, optimize: int = -1):
    """The cached code for ``data`` compiled as ``filename`` with these flags, or None."""
    path = folder / _entry_name(filename)
    try:
        if not _trusted(path):
            return None
        blob = path.read_bytes()
    except OSError:
        return None
    header = _header(data, flags, optimize)
    if not blob.startswith(header):
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


def import_pyside(folder: Path) -> None:
    """Import PySide6 (once per process) with its support code served from ``folder``."""
    if "shiboken6" in sys.modules:
        return
    with cached_compiles(folder):
        import PySide6.QtCore  # noqa: F401 - loads shiboken6 and its support package
