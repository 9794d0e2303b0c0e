"""Importing ReportLab without two start-up costs that our printing never uses.

``kopsavilkums pdf`` is mostly start-up, and importing ReportLab pays for two things we do not use:

- ``reportlab.lib.utils`` imports Pillow's ``PIL.Image`` (9 ms), needed only for bitmap images,
  which our PDFs have none of. It is imported lazily instead (the standard library's
  ``importlib.util.LazyLoader``): loaded on its first use, should ReportLab ever use it;
- ``reportlab.platypus.paragraph`` compiles a URL pattern at import (27 ms), used only for links
  in ReportLab's own ``Paragraph``, which we do not use (every string is a ``TextBlock``). It is
  compiled on its first use instead.

Both fall back to the ordinary import when ReportLab or Pillow change: nothing else differs.
"""

from __future__ import annotations

import importlib.util
import re
import sys
import threading

_LOCK = threading.Lock()  # the window prints on a worker thread: one swap of re.compile at a time
#: How ReportLab's ``uri_pat`` begins (reportlab/platypus/paragraph.py, derived from Django's).
_URI_PATTERN_START = "(^(?:[a-z0-9\\.\\-\\+]*)://)"


class _CompiledOnFirstUse:
    """A regular expression compiled when it is first used."""

    def __init__(self, compile, pattern: str, flags) -> None:
        self._compile, self._pattern, self._flags = compile, pattern, flags
        self._compiled: re.Pattern | None = None

    def __getattr__(self, name: str):
        if self._compiled is None:
            self._compiled = self._compile(self._pattern, self._flags)
        return getattr(self._compiled, name)


def import_reportlab() -> None:
    """Import ReportLab (its ``platypus``), leaving out what the module docstring names."""
    with _LOCK:
        if "reportlab.platypus" in sys.modules:
            return
        if "reportlab.lib.utils" not in sys.modules:
            _lazy("PIL.Image")
        compile = re.compile

        def compile_uri_pattern_later(pattern, flags=0):
            if isinstance(pattern, str) and pattern.startswith(_URI_PATTERN_START):
                return _CompiledOnFirstUse(compile, pattern, flags)
            return compile(pattern, flags)

        re.compile = compile_uri_pattern_later
        try:
            import reportlab.platypus  # noqa: F401
        finally:
            re.compile = compile


def _lazy(name: str) -> None:
    """``name`` as a module that is loaded on its first attribute access (where the import system
    allows it; else it stays to be imported as usual)."""
    if name in sys.modules:
        return
    try:
        spec = importlib.util.find_spec(name)
        if spec is None or spec.loader is None:
            return
        spec.loader = importlib.util.LazyLoader(spec.loader)
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module
        spec.loader.exec_module(module)
    except Exception:  # a loader without exec_module (LazyLoader refuses it), a frozen build's quirk
        sys.modules.pop(name, None)
        return
    # `from PIL import Image` then finds it on the package: the import system would otherwise
    # look at the module's __spec__, and any attribute access loads a lazy module.
    parent, _, child = name.rpartition(".")
    setattr(sys.modules[parent], child, module)
