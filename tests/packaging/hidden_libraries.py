"""Run a program as on a desktop that lacks some system libraries, without uninstalling anything:
in a private mount namespace (``unshare -m``, root only), each library's file is covered by an
empty one, so the dynamic loader fails on it exactly as for a missing library — for the process
and its children only."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest


def library_file(soname: str) -> Path | None:
    """Where the system's loader finds ``soname`` (its real file, links followed)."""
    listing = subprocess.run(["ldconfig", "-p"], capture_output=True, text=True).stdout
    found = re.search(rf"^\s*{re.escape(soname)} \(.*\) => (\S+)$", listing, re.M)
    return Path(found.group(1)).resolve() if found else None


def skip_unless_hiding_works() -> None:
    if os.name != "posix" or os.geteuid() != 0:
        pytest.skip("hiding system libraries needs root (a private mount namespace)")
    if not shutil.which("unshare") or not shutil.which("ldconfig"):
        pytest.skip("unshare or ldconfig is not installed (Debian packages util-linux, libc-bin)")
    if subprocess.run(["unshare", "-m", "true"], capture_output=True).returncode != 0:
        pytest.skip("mount namespaces are not allowed here")


def without_libraries(sonames, command: list[str], empty: Path) -> list[str]:
    """``command`` wrapped so that it runs with ``sonames`` hidden (``empty``: an empty file)."""
    skip_unless_hiding_works()
    empty.write_bytes(b"")
    mounts = []
    for soname in sonames:
        path = library_file(soname)
        if path is None:
            pytest.skip(f"{soname} is not installed here, so there is nothing to hide")
        mounts.append(f"mount --bind {empty} {path}")
    script = " && ".join([*mounts, 'exec "$@"'])
    return ["unshare", "-m", "sh", "-c", script, "sh", *command]
