"""Fixtures for real disks that fail: a tiny one that fills up, and one that turns read-only
(Linux, as root; elsewhere the tests that need them are skipped and say why).

Imported by the test files that use them (``from disks import small_disk``), not a conftest:
other test files import ``conftest`` by name."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest


def _mount(folder, options: str) -> None:
    if not sys.platform.startswith("linux") or os.geteuid() != 0:
        pytest.skip("needs Linux and root to mount a small tmpfs")
    folder.mkdir(parents=True, exist_ok=True)
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", options, "tmpfs", str(folder)], capture_output=True)
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {done.stderr.decode(errors='replace').strip()}")


@pytest.fixture
def small_disk(tmp_path):
    """A folder on a 64 KiB disk: ``small_disk.fill()`` leaves it without a free byte."""
    folder = tmp_path / "small-disk"
    _mount(folder, "size=64k,mode=0700")

    class Disk:
        path = folder

        @staticmethod
        def fill() -> None:
            with open(folder / "filler", "ab", buffering=0) as filler:
                try:
                    while True:
                        filler.write(b"\0" * 4096)
                except OSError:
                    pass

    yield Disk
    subprocess.run(["umount", "-l", str(folder)], check=False)


@pytest.fixture
def read_only_disk(tmp_path):
    """A folder on a disk that can be made read-only: ``read_only_disk.lock()``."""
    folder = tmp_path / "ro-disk"
    _mount(folder, "size=1m,mode=0700")

    class Disk:
        path = folder

        @staticmethod
        def lock() -> None:
            subprocess.run(["mount", "-o", "remount,ro", str(folder)], check=True)

    yield Disk
    subprocess.run(["umount", "-l", str(folder)], check=False)
