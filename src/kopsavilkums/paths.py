"""Where Kopsavilkums keeps its data: one function, one override order.

``--data-dir`` (passed in as ``override``) beats the environment variable
``KOPSAVILKUMS_DATA_DIR`` (tests, users who keep drafts in a shared folder), which beats the
platform's application-data folder (``%APPDATA%``, ``~/Library/Application Support``,
``$XDG_DATA_HOME``) as platformdirs knows it — never a hand-built per-OS path.
"""

from __future__ import annotations

import os
from pathlib import Path

from platformdirs import user_cache_dir, user_data_dir

from kopsavilkums import APP_NAME

ENV_VAR = "KOPSAVILKUMS_DATA_DIR"
STORE_FILE_NAME = "drafts.json"


def data_dir(override: str | os.PathLike | None = None, *, create: bool = True) -> Path:
    """The data folder, created (owner-only) if missing — unless ``create`` is False (a reader)."""
    if override:
        folder = Path(override)
    elif os.environ.get(ENV_VAR):
        folder = Path(os.environ[ENV_VAR])
    else:
        folder = Path(user_data_dir(APP_NAME, appauthor=False))
    folder = folder.expanduser()
    if create:
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    return folder


def store_path(folder: Path) -> Path:
    return Path(folder) / STORE_FILE_NAME


def cache_dir() -> Path:
    """The user's own cache folder (``%LOCALAPPDATA%``, ``~/Library/Caches``, ``$XDG_CACHE_HOME``):
    what can be rebuilt at any time, such as compiled code. Never the data folder, which people
    may share: compiled code from there would run for whoever opens it."""
    return Path(user_cache_dir(APP_NAME, appauthor=False))
