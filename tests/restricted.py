"""Restricted places for tests: another user (file permissions apply; root ignores them) and
small disks that are read-only or full.

As root a call runs in a forked child that has become ``nobody``; as anyone else it runs in the
test's own process, where the permissions already apply. On Windows, nothing here applies.
The disks are tmpfs mounts, which need root (and a system that lets it mount); without, the test
is skipped and says why.
"""

from __future__ import annotations

import contextlib
import os
import pickle
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest

NOBODY = 65534


def as_other_user(call, *args):
    """``call(*args)`` as a user without root's privileges; its result (picklable) comes back."""
    if os.name != "posix":
        pytest.skip("POSIX permissions")
    if os.geteuid() != 0:
        return call(*args)
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: never returns into pytest
        status = 0
        try:
            os.close(read_end)
            os.setgroups([])
            os.setgid(NOBODY)
            os.setuid(NOBODY)
            result = ("ok", call(*args))
        except BaseException as exc:
            result = ("raised", repr(exc))
        try:
            with os.fdopen(write_end, "wb") as out:
                out.write(pickle.dumps(result))
        except BaseException:
            status = 1
        os._exit(status)
    os.close(write_end)
    with os.fdopen(read_end, "rb") as incoming:
        payload = incoming.read()
    os.waitpid(pid, 0)
    kind, value = pickle.loads(payload)
    if kind != "ok":
        raise AssertionError(f"as another user: {value}")
    return value


def allow_others(path: Path, bits: int) -> None:
    """Let the other user of :func:`as_other_user` do ``bits`` (0o5: read and enter, 0: nothing)
    with ``path``. As root the owner keeps everything; otherwise the other user is the owner."""
    if os.name == "posix" and os.geteuid() == 0:
        path.chmod(0o700 | bits)
    else:
        path.chmod(bits << 6 | bits)


def other_user_ids() -> dict:
    """``user=``/``group=`` for subprocess.run: nobody as root, nothing otherwise."""
    if os.name == "posix" and os.geteuid() == 0:
        return {"user": NOBODY, "group": NOBODY, "extra_groups": []}
    return {}


@contextlib.contextmanager
def shared_folder():
    """A temporary folder the other user can reach (pytest's own are its owner's alone)."""
    folder = Path(tempfile.mkdtemp(prefix="kopsavilkums-shared-"))
    folder.chmod(0o755)
    try:
        yield folder
    finally:
        for inner in folder.rglob("*"):  # what the test locked away must go too
            with contextlib.suppress(OSError):
                if inner.is_dir() and not inner.is_symlink():
                    inner.chmod(0o700)
        shutil.rmtree(folder, ignore_errors=True)


@contextlib.contextmanager
def small_disk(folder: Path, *, read_only: bool = False, full: bool = False):
    """A tmpfs mounted on ``folder`` (made if missing): read-only, or with no room for even one
    more file or folder. Unmounted afterwards."""
    if os.name != "posix" or os.geteuid() != 0:
        pytest.skip("mounting a small disk needs root")
    folder.mkdir(parents=True, exist_ok=True)
    options = "ro,size=1m" if read_only else "size=1m"
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", options, "tmpfs", str(folder)], capture_output=True)
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {mounted.stderr.decode(errors='replace').strip()}")
    try:
        if full:
            _fill(folder)
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=False)


def _fill(folder: Path) -> None:
    """Use up the disk's room and its inodes, so that neither a file nor a folder fits."""
    subprocess.run(["mount", "-o", "remount,size=64k,nr_inodes=8", str(folder)], check=True)
    for n in range(100):
        try:
            (folder / f"filler-{n}").mkdir()
        except OSError:
            break
    with contextlib.suppress(OSError), (folder / "filler").open("wb") as handle:
        while True:
            handle.write(b"x" * 4096)
            handle.flush()
