"""Restricted places for tests: another user (file permissions apply; root ignores them) and
small disks that are read-only or full.

As root a call runs in a forked child that has become ``nobody``; as anyone else it runs in the
test's own process, where the permissions already apply. On Windows, nothing here applies.
The disks are tmpfs mounts, which need root (and a system that lets it mount); without, the test
is skipped and says why.

A process started as the other user needs a Python it can reach, and the repository may lie where
only its owner can enter (a ``mktemp -d`` folder, a home directory of mode 0750): then
:func:`python_for_other_user` finds an interpreter of the same version outside it, and
:func:`program_for_other_user` copies the program's source and the libraries it needs to a
temporary folder that everyone can read.
"""

from __future__ import annotations

import atexit
import contextlib
import os
import pickle
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from functools import cache
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


@dataclass(frozen=True)
class OtherPython:
    """How to start Python as the other user: ``command`` (the interpreter and its options) with
    ``env`` added to the environment, and ``ids`` for :func:`subprocess.run`."""

    command: tuple[str, ...]
    env: dict[str, str] = field(default_factory=dict)
    ids: dict = field(default_factory=dict)


def _runs_as_other_user(command: list[str], env: dict[str, str]) -> bool:
    try:
        probe = subprocess.run(
            command, capture_output=True, cwd="/", env=env, timeout=60, **other_user_ids(), check=False
        )
    except OSError:  # the interpreter itself cannot be reached
        return False
    return probe.returncode == 0


def _candidates() -> list[str]:
    """Interpreters that may be this one's version, the test's own first."""
    version = f"python{sys.version_info.major}.{sys.version_info.minor}"
    found = [sys.executable, os.path.realpath(sys.executable), getattr(sys, "_base_executable", sys.executable)]
    found += [os.path.realpath(found[-1]), *(shutil.which(version, path=p) for p in ("/usr/local/bin", "/usr/bin"))]
    return list(dict.fromkeys(p for p in found if p))


_SAME_VERSION = f"import sys; assert sys.version_info[:2] == {tuple(sys.version_info[:2])!r}"


@cache
def python_for_other_user() -> str:
    """An interpreter of this Python version that the other user can run (to run a plain script
    with ``-I``); the test is skipped, saying why, when there is none."""
    if os.name != "posix" or os.geteuid() != 0:
        return sys.executable
    for candidate in _candidates():
        if _runs_as_other_user([candidate, "-I", "-c", _SAME_VERSION], {"PATH": "/usr/bin:/bin"}):
            return candidate
    pytest.skip(
        f"no Python {sys.version_info.major}.{sys.version_info.minor} that user {NOBODY} can run: tried {_candidates()}"
    )


@cache
def program_for_other_user() -> OtherPython:
    """How to run ``-m kopsavilkums`` as the other user: this interpreter when the other user can
    use it as it is; else :func:`program_copy_for_other_user`."""
    if os.name != "posix" or os.geteuid() != 0:
        return OtherPython((sys.executable,))
    if _runs_as_other_user([sys.executable, "-c", _IMPORTS], {"PATH": "/usr/bin:/bin"}):
        return OtherPython((sys.executable,), ids=other_user_ids())
    other = program_copy_for_other_user()
    if not _runs_as_other_user([*other.command, "-c", _IMPORTS], {"PATH": "/usr/bin:/bin", **other.env}):
        pytest.skip(f"user {NOBODY} cannot run the program even from a copy: {other}")
    return other


@cache
def program_copy_for_other_user() -> OtherPython:
    """The program as the other user runs it from a copy it can read, with an interpreter of
    this version that it can run."""
    python = python_for_other_user()
    copy = _readable_copy_of_the_program()
    env = {"PYTHONPATH": os.pathsep.join([str(copy / "src"), str(copy / "site-packages")])}
    return OtherPython((python, "-S"), env=env, ids=other_user_ids())  # -S: none of its own packages


_IMPORTS = f"{_SAME_VERSION}; import kopsavilkums.cli, kopsavilkums.convert.reading, kopsavilkums.printing"


def _readable_copy_of_the_program() -> Path:
    """The package, its resources and the libraries it needs (not Qt: the core and the command
    line never import it), in a folder everyone can read; removed when the tests end."""
    from importlib import metadata

    from packaging.requirements import Requirement
    from packaging.utils import canonicalize_name

    import kopsavilkums
    from kopsavilkums.resources import resources_root

    folder = Path(tempfile.mkdtemp(prefix="kopsavilkums-program-"))
    folder.chmod(0o755)
    atexit.register(shutil.rmtree, folder, ignore_errors=True)
    package = Path(kopsavilkums.__file__).parent
    # The same layout as a checkout, so that resources_root() finds src/../resources.
    shutil.copytree(package, folder / "src" / "kopsavilkums", copy_function=_link_or_copy)
    shutil.copytree(resources_root(), folder / "resources", copy_function=_link_or_copy)
    wanted, seen = ["kopsavilkums"], set()
    while wanted:
        name = canonicalize_name(wanted.pop())
        if name in seen:
            continue
        seen.add(name)
        dist = metadata.distribution(name)
        for line in dist.requires or []:
            requirement = Requirement(line)
            if requirement.marker is None or requirement.marker.evaluate({"extra": ""}):
                wanted.append(requirement.name)
        if name == "kopsavilkums" or name.startswith(("pyside6", "shiboken6")):
            continue
        for file in dist.files or []:
            if file.parts[0] != "..":  # scripts in bin/ are not needed
                target = folder / "site-packages" / file
                target.parent.mkdir(parents=True, exist_ok=True)
                with contextlib.suppress(FileNotFoundError):
                    _link_or_copy(file.locate(), target)
    for inner in (folder, *folder.rglob("*")):
        if inner.is_dir():
            inner.chmod(0o755)
    return folder


def _link_or_copy(source, target) -> None:
    """A hard link where the file is readable by all already (nothing copied; its mode is
    shared, so it is left alone), else a copy made readable."""
    if os.stat(source).st_mode & 0o004:
        with contextlib.suppress(OSError):  # another disk
            os.link(source, target)
            return
    shutil.copy2(source, target)
    os.chmod(target, 0o644 | (os.stat(target).st_mode & 0o111 and 0o111))


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
