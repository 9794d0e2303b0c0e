"""The one place that knows where shipped files (fonts, examples, translations, icons) live.

Three layouts, one answer:
- a source checkout: ``<repo>/resources``;
- an installed wheel: ``kopsavilkums/resources`` (mapped in by pyproject's force-include);
- a PyInstaller build: ``<_MEIPASS>/kopsavilkums/resources`` (the spec copies it there).
"""

from __future__ import annotations

import sys
from functools import cache
from pathlib import Path

_PACKAGE_DIR = Path(__file__).resolve().parent


@cache
def resources_root() -> Path:
    candidates = [_PACKAGE_DIR / "resources"]
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        candidates.insert(0, Path(frozen) / "kopsavilkums" / "resources")
    candidates.append(_PACKAGE_DIR.parent.parent / "resources")  # src/kopsavilkums -> repo
    for candidate in candidates:
        if (candidate / "fonts").is_dir():
            return candidate
    raise FileNotFoundError("Kopsavilkums resources are missing; looked in " + ", ".join(map(str, candidates)))


def resource_path(*parts: str) -> Path:
    """Path of a shipped file, e.g. ``resource_path("fonts", "LiberationSerif-Regular.ttf")``."""
    return resources_root().joinpath(*parts)
