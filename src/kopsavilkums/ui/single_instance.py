"""One window per data folder: a second start that only wants to open a draft file hands the
file's path to the running window over a local socket and quits."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path

from PySide6.QtNetwork import QLocalServer, QLocalSocket

TIMEOUT_MS = 1000


def server_name(folder: Path) -> str:
    digest = hashlib.sha1(str(Path(folder).resolve()).encode()).hexdigest()[:16]
    return f"kopsavilkums-{digest}"


def hand_over(folder: Path, file: Path) -> bool:
    """True when a running window accepted ``file``."""
    socket = QLocalSocket()
    socket.connectToServer(server_name(folder))
    if not socket.waitForConnected(TIMEOUT_MS):
        return False
    socket.write(str(Path(file).resolve()).encode() + b"\n")
    ok = socket.waitForBytesWritten(TIMEOUT_MS) and socket.waitForReadyRead(TIMEOUT_MS)
    socket.disconnectFromServer()
    return ok


def listen(folder: Path, open_file: Callable[[str], None], parent=None) -> QLocalServer | None:
    name = server_name(folder)
    server = QLocalServer(parent)
    if not server.listen(name):
        QLocalServer.removeServer(name)  # left over from a crashed run
        if not server.listen(name):
            return None

    def accept() -> None:
        while server.hasPendingConnections():
            socket = server.nextPendingConnection()

            def read(sock=socket) -> None:
                if not sock.canReadLine():
                    return
                path = bytes(sock.readLine().data()).decode().strip()
                sock.write(b"ok\n")
                sock.flush()
                if path:
                    open_file(path)

            socket.readyRead.connect(read)

    server.newConnection.connect(accept)
    return server
