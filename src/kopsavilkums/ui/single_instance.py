"""One window per data folder: a second start that only wants to open a draft file hands the
file's path to the running window over a local socket and quits.

A path handed over is imported and shown, so only the user's own processes may take part —
neither end may be another user's (one who binds the name first would receive every draft the
user double-clicks, and could hand the window a planted file). What is checked:

- **POSIX** (Linux, macOS): the socket lives in a folder nobody else can create files in:
  ``$XDG_RUNTIME_DIR`` when it is a real folder of ours without group/other access, else
  ``<temp>/kopsavilkums-<uid>``, which we create 0700 and check on every use (a real folder, not
  a link, ours, no group/other access — whatever the umask was). The server listens with
  ``UserAccessOption`` (the socket file is 0700) and reads nothing from a connection whose peer
  is another user (``SO_PEERCRED`` on Linux, ``getpeereid`` elsewhere). The client connects only
  to a socket file of ours and writes the path only once the server's peer credentials are ours.
- **Windows**: a named pipe, listened on with ``UserAccessOption`` (Qt gives it a DACL for this
  user alone, so other users' clients cannot open it). Pipe names are global, so another user
  could create ours first; each end therefore asks which process is on the other side
  (``GetNamedPipeServerProcessId`` / ``GetNamedPipeClientProcessId``) and goes on only if that
  process runs as this user (:mod:`kopsavilkums.ui.windows_identity`). Not tested on Windows here.

Whenever something cannot be verified there is no hand-over: the second start opens the file in
a window of its own (the store allows two), and a window that cannot listen safely just does
not listen.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import stat
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from PySide6.QtNetwork import QLocalServer, QLocalSocket

TIMEOUT_MS = 1000
MAX_LINE = 64 * 1024  # a path, never more: a longer line is not ours
ANSWER = b"ok\n"


def _digest(folder: Path) -> str:
    return hashlib.sha1(str(Path(folder).resolve()).encode("utf-8", "surrogateescape")).hexdigest()[:16]


def _private_folder(path: Path) -> bool:
    """A real folder (not a link), ours, that nobody else may enter."""
    try:
        info = os.lstat(path)
    except OSError:
        return False
    return stat.S_ISDIR(info.st_mode) and info.st_uid == os.getuid() and not info.st_mode & 0o077


def socket_folder(create: bool = False) -> Path | None:
    """POSIX: where our sockets live, or None when no folder is safe (see the module's text)."""
    runtime = os.environ.get("XDG_RUNTIME_DIR", "")
    if runtime and os.path.isabs(runtime) and _private_folder(Path(runtime)):
        return Path(runtime)
    folder = Path(tempfile.gettempdir()) / f"kopsavilkums-{os.getuid()}"
    if create:
        try:
            os.mkdir(folder, 0o700)
        except FileExistsError:
            pass  # checked below, like any folder we did not just make
        except OSError:
            return None
        else:
            # 0700 less the umask: a umask of 077 or more takes our own bits too. (Were the new
            # folder swapped for a link meanwhile, chmod could only tighten a file of our own,
            # and the check below refuses the link.)
            with contextlib.suppress(OSError):
                os.chmod(folder, 0o700)
    return folder if _private_folder(folder) else None


def server_name(folder: Path, create: bool = False) -> str | None:
    """The name the window on ``folder`` listens on: a socket path (POSIX) or a pipe name
    (Windows); None when there is no safe place for it."""
    name = f"kopsavilkums-{_digest(folder)}"
    if os.name != "posix":
        return name
    where = socket_folder(create)
    return str(where / name) if where is not None else None


def _socket_is_ours(path: str) -> bool:
    try:
        info = os.lstat(path)
    except OSError:
        return False
    return stat.S_ISSOCK(info.st_mode) and info.st_uid == os.getuid()


def _peer_uid(descriptor: int) -> int | None:
    """POSIX: the user id of the process at the other end of a connected Unix socket."""
    import socket
    import struct

    try:
        # fromfd duplicates the descriptor: closing ours leaves Qt's open.
        with socket.fromfd(descriptor, socket.AF_UNIX, socket.SOCK_STREAM) as sock:
            if sys.platform.startswith("linux"):  # struct ucred {pid, uid, gid}
                creds = sock.getsockopt(socket.SOL_SOCKET, socket.SO_PEERCRED, struct.calcsize("iII"))
                return struct.unpack("iII", creds)[1]
            return _getpeereid(sock.fileno())  # macOS, the BSDs
    except (OSError, ValueError):
        return None


def _getpeereid(fd: int) -> int | None:
    import ctypes

    try:
        getpeereid = ctypes.CDLL(None, use_errno=True).getpeereid
    except (AttributeError, OSError):
        return None
    uid, gid = ctypes.c_uint32(), ctypes.c_uint32()
    if getpeereid(fd, ctypes.byref(uid), ctypes.byref(gid)) != 0:
        return None
    return uid.value


def _peer_is_us(socket: QLocalSocket, server_side: bool) -> bool:
    descriptor = socket.socketDescriptor()
    if descriptor is None or descriptor < 0:
        return False
    if sys.platform == "win32":
        from kopsavilkums.ui import windows_identity

        return windows_identity.pipe_peer_is_us(descriptor, server_side)
    return _peer_uid(descriptor) == os.getuid()


def hand_over(folder: Path, file: Path) -> bool:
    """True when a running window of this user's on ``folder`` accepted ``file``."""
    name = server_name(folder)
    if name is None or (os.name == "posix" and not _socket_is_ours(name)):
        return False
    payload = os.fsencode(Path(file).resolve())
    if b"\n" in payload:
        return False  # the line cannot carry it; this process opens it itself
    socket = QLocalSocket()
    socket.connectToServer(name)
    if not socket.waitForConnected(TIMEOUT_MS):
        return False
    try:
        if not _peer_is_us(socket, server_side=False):
            return False
        socket.write(payload + b"\n")
        if not socket.waitForBytesWritten(TIMEOUT_MS):
            return False
        while not socket.canReadLine():
            if not socket.waitForReadyRead(TIMEOUT_MS):
                return False
        return bytes(socket.readLine().data()) == ANSWER
    finally:
        socket.abort()


def listen(folder: Path, open_file: Callable[[str], None], parent=None) -> QLocalServer | None:
    """Take files handed over by later starts on ``folder``; None when that cannot be done safely."""
    name = server_name(folder, create=True)
    if name is None:
        return None
    server = QLocalServer(parent)
    server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
    if not server.listen(name):
        QLocalServer.removeServer(name)  # left over from a crashed run (in our own folder)
        if not server.listen(name):
            return None

    def accept() -> None:
        while server.hasPendingConnections():
            socket = server.nextPendingConnection()
            socket.disconnected.connect(socket.deleteLater)
            if not _peer_is_us(socket, server_side=True):
                socket.abort()  # not a byte read from another user
                continue

            def read(sock=socket) -> None:
                if not sock.canReadLine():
                    if sock.bytesAvailable() > MAX_LINE:
                        sock.abort()
                    return
                path = os.fsdecode(bytes(sock.readLine().data()).rstrip(b"\n"))
                sock.write(ANSWER)
                sock.flush()
                if path:
                    open_file(path)

            socket.readyRead.connect(read)
            if socket.bytesAvailable():
                read()

    server.newConnection.connect(accept)
    return server
