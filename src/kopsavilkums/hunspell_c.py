"""Hunspell through its C interface, called with ctypes.

Why not only the ``hunspell`` extension (``chunspell-next``) that ships the library: it holds
Python's lock while Hunspell reads the dictionary, a few tenths of a second in which the window's
thread cannot run one line of Python — a visible freeze, though the load runs on a worker. ctypes
lets go of the lock for every foreign call, so the worker reads while the window goes on.

The wheels for Linux and macOS carry Hunspell as a shared library beside the extension (the
frozen builds keep it there); the Windows wheel links it into the extension, which exports no C
interface: there :func:`open_library` answers None and the extension is used, lock and all.
"""

from __future__ import annotations

import ctypes
import importlib.util
import os
from pathlib import Path


def library_path() -> Path | None:
    """The Hunspell shared library that the ``hunspell`` package carries, if it carries one."""
    spec = importlib.util.find_spec("hunspell")
    folders = list(spec.submodule_search_locations or []) if spec else []
    for folder in folders:
        for candidate in sorted(Path(folder).glob("libhunspell*")):
            if candidate.suffix in (".so", ".dylib") or ".so." in candidate.name:
                return candidate
    return None


class CHunspell:
    """One dictionary: ``spell`` and ``suggest`` as the extension's. Words go in and out as UTF-8
    (the dictionary's ``SET``)."""

    def __init__(self, library: Path, aff: Path, dic: Path) -> None:
        for path in (aff, dic):
            if not path.is_file():
                raise FileNotFoundError(f"{path}: no such file")
        lib = ctypes.CDLL(str(library))
        lib.Hunspell_create.restype = ctypes.c_void_p
        lib.Hunspell_create.argtypes = [ctypes.c_char_p, ctypes.c_char_p]
        lib.Hunspell_destroy.argtypes = [ctypes.c_void_p]
        lib.Hunspell_spell.restype = ctypes.c_int
        lib.Hunspell_spell.argtypes = [ctypes.c_void_p, ctypes.c_char_p]
        lib.Hunspell_suggest.restype = ctypes.c_int
        lib.Hunspell_suggest.argtypes = [
            ctypes.c_void_p,
            ctypes.POINTER(ctypes.POINTER(ctypes.c_char_p)),
            ctypes.c_char_p,
        ]
        lib.Hunspell_free_list.argtypes = [
            ctypes.c_void_p,
            ctypes.POINTER(ctypes.POINTER(ctypes.c_char_p)),
            ctypes.c_int,
        ]
        self._lib = lib
        self._handle = lib.Hunspell_create(os.fsencode(aff), os.fsencode(dic))  # the lock is free meanwhile
        if not self._handle:
            raise MemoryError("Hunspell could not be created")

    def spell(self, word: str) -> bool:
        return self._lib.Hunspell_spell(self._handle, word.encode("utf-8")) != 0

    def suggest(self, word: str) -> tuple[str, ...]:
        found = ctypes.POINTER(ctypes.c_char_p)()
        count = self._lib.Hunspell_suggest(self._handle, ctypes.byref(found), word.encode("utf-8"))
        try:
            return tuple(found[i].decode("utf-8", "replace") for i in range(count))
        finally:
            if count:
                self._lib.Hunspell_free_list(self._handle, ctypes.byref(found), count)

    def __del__(self) -> None:
        handle, self._handle = getattr(self, "_handle", None), None
        if handle:
            self._lib.Hunspell_destroy(handle)
