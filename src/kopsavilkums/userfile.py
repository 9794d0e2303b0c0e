"""Reading a file a user names (a draft file to import, validate or print) safely.

Whatever the name leads to — nothing, a folder, a named pipe, a terminal, ``/dev/zero``, a
socket, a loop of links, a file we may not read, a file of gigabytes — the answer is the bytes
of a regular file of at most ``limit`` bytes, or :class:`FileProblem` with one clear sentence.
Reading never blocks: a pipe or device is refused before it is opened, and the file is opened
without blocking and checked again through the open handle, in case it was swapped meanwhile.
"""

from __future__ import annotations

import errno
import os
import re
import stat
from pathlib import Path

from kopsavilkums.messages import Message, UserError

_O_NONBLOCK = getattr(os, "O_NONBLOCK", 0)
_O_NOCTTY = getattr(os, "O_NOCTTY", 0)
_O_BINARY = getattr(os, "O_BINARY", 0)
# Control characters, line ends (for str.splitlines) and lone surrogates (undecodable bytes):
# a name is shown with these escaped, so a message is one line and sends nothing to a terminal.
_UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff]")  # C0, DEL, C1 (8-bit CSI …)


class FileProblem(UserError):
    """The file cannot be read; the message names it and says why."""


def printable(text: str) -> str:
    """``text`` on one printable line: control characters etc. shown as ``\\uXXXX``."""
    return _UNPRINTABLE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def check_file(path: str | Path) -> None:
    """Raise :class:`FileProblem` unless ``path`` is an existing regular file we may read.

    Looked at before opening, since opening a named pipe waits for a writer, opening a terminal
    can make it ours and a device may never end. So a pipe, device or socket is refused — also
    ``/dev/stdin`` when it is a pipe or a terminal (a window must never wait for one);
    ``kopsavilkums validate /dev/stdin < FILE`` works, as standard input is then the file."""
    path = Path(path)
    try:
        mode = os.stat(path).st_mode
    except (OSError, ValueError) as exc:
        raise _unreadable(path, exc) from None
    if not stat.S_ISREG(mode):
        raise _not_a_file(path, mode)


def read_bytes(path: str | os.PathLike[str], limit: int) -> bytes:
    """The content of the regular file ``path``; :class:`FileProblem` if there is more than
    ``limit`` bytes or it cannot be read (see :func:`check_file`)."""
    path = Path(path)
    check_file(path)
    try:
        # O_NONBLOCK: if a named pipe took the file's place since check_file looked, the open
        # returns at once instead of waiting for a writer (on a regular file it changes nothing).
        fd = os.open(path, os.O_RDONLY | _O_NONBLOCK | _O_NOCTTY | _O_BINARY)
    except (OSError, ValueError) as exc:
        raise _unreadable(path, exc) from None
    with os.fdopen(fd, "rb") as handle:  # closes fd whatever happens below
        try:
            info = os.fstat(fd)
            if not stat.S_ISREG(info.st_mode):
                raise _not_a_file(path, info.st_mode)
            if info.st_size > limit:
                raise too_large(limit)
            data = handle.read(limit + 1)  # the file may grow after the fstat
        except OSError as exc:
            raise _unreadable(path, exc) from None
    if len(data) > limit:
        raise too_large(limit)
    return data


def too_large(limit: int) -> FileProblem:
    size = f"{limit // 2**20} MB" if limit >= 2**20 else f"{limit} B"
    return FileProblem(Message(lv=f"fails ir lielāks par {size}", en=f"the file is larger than {size}"))


def _unreadable(path: Path, exc: OSError | ValueError) -> FileProblem:
    name = printable(path.name or str(path))
    if isinstance(exc, ValueError):  # a NUL character in the name
        return FileProblem(Message(lv=f"{name}: nederīgs faila nosaukums", en=f"{name}: not a valid file name"))
    if isinstance(exc, (FileNotFoundError, NotADirectoryError)):
        return FileProblem(Message(lv=f"{name}: tāda faila nav", en=f"{name}: no such file"))
    if isinstance(exc, IsADirectoryError):
        return _not_a_file(path, stat.S_IFDIR)
    if isinstance(exc, PermissionError):
        reason = Message(lv="nav atļaujas to lasīt", en="no permission to read it")
    elif exc.errno == errno.ELOOP:
        reason = Message(lv="tā simboliskās saites veido cilpu", en="its symbolic links go round in a loop")
    elif exc.errno == errno.ENXIO:  # a socket, or a device that is not there
        reason = Message(lv="tas nav parasts fails", en="it is not a regular file")
    else:
        reason = Message(lv=exc.strerror or str(exc), en=exc.strerror or str(exc))
    return FileProblem(Message(lv=f"{name} nevar nolasīt: {reason.lv}", en=f"{name} cannot be read: {reason.en}"))


def _not_a_file(path: Path, mode: int) -> FileProblem:
    name = printable(path.name or str(path))
    if stat.S_ISDIR(mode):
        return FileProblem(Message(lv=f"{name} ir mape, nevis fails", en=f"{name} is a folder, not a file"))
    if stat.S_ISFIFO(mode):
        kind = Message(lv="nosaukts kanāls (pipe)", en="a named pipe")
    elif stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        kind = Message(lv="ierīce", en="a device")
    elif stat.S_ISSOCK(mode):
        kind = Message(lv="ligzda (socket)", en="a socket")
    else:
        kind = Message(lv="kaut kas cits", en="something else")
    return FileProblem(
        Message(lv=f"{name} nav parasts fails, bet {kind.lv}", en=f"{name} is {kind.en}, not a regular file")
    )


def check_output(path: str | Path) -> None:
    """Raise :class:`FileProblem` if ``path`` names something other than a regular file (or
    nothing). Files are written whole and renamed into place, which would put a file where a
    device (``/dev/null`` for root), a named pipe or a socket was; those are refused instead.
    Anything else (a missing folder, no permission) is left for the writing to report."""
    try:
        mode = os.stat(path).st_mode
    except (OSError, ValueError):
        return
    if not stat.S_ISREG(mode):
        raise _not_a_file(Path(path), mode)
