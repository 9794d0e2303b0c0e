"""Start PySide6 faster by caching the support code it compiles on every start.

Importing PySide6 loads its ``shibokensupport`` package (signature and ``__feature__``
support, some 300 KB of Python) from a zip embedded in ``libshiboken`` and ``compile()``s it
from source each time: about 17 ms of every start here, more on an old laptop. Nothing else
caches it, because it never touches the file system. :func:`cached_compiles` keeps the
compiled code beside the drafts and hands it back while PySide6 is first imported.

The cache can only be a shortcut, never a source of truth: an entry is used only if it was
made by this Python (bytecode magic) from byte-identical source (Python's own source hash), and
anything unreadable, stale or unwritable falls back to compiling, exactly as without it. Only
``compile(source, "shibokensupport/…", "exec")`` calls made during the import are served.

Imports no Qt (it runs before PySide6 is imported). Deliberately without
``from __future__ import annotations``: ``compile`` passes a calling frame's future flags on to
the code it compiles, and this module must not add any to PySide6's code.
"""

import _imp
import builtins
import contextlib
import marshal
import os
from collections.abc import Iterator
from importlib._bootstrap_external import MAGIC_NUMBER  # what ``importlib.util`` re-exports
from pathlib import Path

PREFIX = "shibokensupport/"
_HASH_KEY = int.from_bytes(MAGIC_NUMBER[:2], "little")  # as importlib keys hash-based .pyc files


def _entry_name(filename: str) -> str:
    return filename.replace("/", "-").replace("\\", "-") + ".code"


def _header(data: bytes) -> bytes:
    return MAGIC_NUMBER + _imp.source_hash(_HASH_KEY, data)


def load(folder: Path, filename: str, data: bytes):
    """The cached code for ``data`` compiled as ``filename``, or None."""
    try:
        blob = (folder / _entry_name(filename)).read_bytes()
    except OSError:
        return None
    header = _header(data)
    if not blob.startswith(header):
        return None
    try:
        code = marshal.loads(blob[len(header):])
    except (EOFError, ValueError, TypeError):
        return None
    return code if type(code).__name__ == "code" else None


def store(folder: Path, filename: str, data: bytes, code) -> None:
    """Keep ``code`` for next time; a folder we cannot write to just means no cache."""
    path = folder / _entry_name(filename)
    temporary = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    with contextlib.suppress(OSError):
        folder.mkdir(parents=True, exist_ok=True)
        temporary.write_bytes(_header(data) + marshal.dumps(code))
        os.replace(temporary, path)  # another process may race us: either whole file wins
    with contextlib.suppress(OSError):
        temporary.unlink(missing_ok=True)


@contextlib.contextmanager
def cached_compiles(folder: Path) -> Iterator[None]:
    """While active, ``compile`` serves PySide6's support modules from ``folder``."""
    original = builtins.compile

    def compile(source, filename, mode, flags=0, dont_inherit=False, optimize=-1, **kwargs):  # noqa: A001
        if (
            not isinstance(filename, str)
            or not filename.startswith(PREFIX)
            or mode != "exec"
            or (flags, dont_inherit, optimize, kwargs) != (0, False, -1, {})
            or not isinstance(source, (bytes, str))
        ):
            return original(source, filename, mode, flags, dont_inherit, optimize, **kwargs)
        data = source if isinstance(source, bytes) else source.encode("utf-8", "surrogatepass")
        code = load(folder, filename, data)
        if code is None:
            # dont_inherit: as PySide6's own loader, whose frame has no future flags, compiles it
            code = original(source, filename, mode, 0, True)
            store(folder, filename, data, code)
        return code

    builtins.compile = compile
    try:
        yield
    finally:
        builtins.compile = original


def import_pyside(folder: Path) -> None:
    """Import PySide6 (once per process) with its support code served from ``folder``."""
    import sys

    if "shiboken6" in sys.modules:
        return
    with cached_compiles(folder):
        import PySide6.QtCore  # noqa: F401 - loads shiboken6 and its support package
