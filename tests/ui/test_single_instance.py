"""The hand-over of a double-clicked draft to the window already running on the same data folder
happens between the user's own processes only.

The second start is the real program (``python -m kopsavilkums --data-dir … FILE``); the running
window's side is :func:`single_instance.listen`, here in the test process. Another user is played
by ``nobody`` (a plain Python process started with its uid, and for "a member of the user's
group" with the user's gid), which needs root: those tests are skipped otherwise.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import stat
import subprocess
import sys
import tempfile
import textwrap
from pathlib import Path

import pytest

from kopsavilkums.ui import single_instance
from restricted import python_for_other_user

pytestmark = pytest.mark.skipif(os.name != "posix", reason="Unix sockets (Windows uses named pipes)")

SEED = (
    Path(__file__).resolve().parents[2] / "resources" / "examples" / "kurzemes-nvo-centrs-2019-2020.kopsavilkums.json"
)
SEED_TITLE = json.loads(SEED.read_text("utf-8"))["report"]["title"]
needs_root = pytest.mark.skipif(os.name != "posix" or os.geteuid() != 0, reason="playing another user needs root")


@pytest.fixture
def shared_tmp(tmp_path, monkeypatch):
    """The temporary folder every user shares (sticky, world-writable, like /tmp), with no
    $XDG_RUNTIME_DIR: where the socket used to be, and where a fallback folder goes. (tmp_path
    is made first, outside it, so that socket paths there stay short.)"""
    folder = Path(tempfile.mkdtemp(prefix="kopsavilkums-shared-", dir="/tmp"))
    folder.chmod(0o1777)
    monkeypatch.setenv("TMPDIR", str(folder))
    monkeypatch.delenv("XDG_RUNTIME_DIR", raising=False)
    monkeypatch.setattr(tempfile, "tempdir", None)  # gettempdir() looks at TMPDIR again
    yield folder
    shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture
def other_user():
    import pwd

    try:
        return pwd.getpwnam("nobody")
    except KeyError:
        pytest.skip("no user 'nobody' to play another user")


def as_other_user(user, script: str, *args, group: int | None = None) -> subprocess.Popen:
    return subprocess.Popen(
        [python_for_other_user(), "-I", "-c", script, *map(str, args)],
        user=user.pw_uid,
        group=user.pw_gid if group is None else group,
        extra_groups=[],
        umask=0o002,
        cwd="/",
        env={"PATH": "/usr/bin:/bin"},
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


# Another user's server: it answers as a window would and reports what it was sent once the
# test closes its stdin. ``how``: "name" binds FOLDER/NAME; "folder" first creates FOLDER as
# theirs (open to all); "link" makes FOLDER a link to a folder of theirs.
THEIR_SERVER = textwrap.dedent(
    """
    import os, select, socket, sys
    how, folder, name = sys.argv[1:4]
    if how == "folder":
        os.mkdir(folder); os.chmod(folder, 0o777)
    elif how == "link":
        os.mkdir(folder + "-theirs"); os.chmod(folder + "-theirs", 0o777)
        os.symlink(folder + "-theirs", folder)
    path = os.path.join(folder, name)
    server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    server.bind(path)
    os.chmod(path, 0o777)
    server.listen(8)
    print("listening", flush=True)
    received = []
    while True:
        ready = select.select([server, sys.stdin], [], [])[0]
        if server not in ready:
            break  # stdin closed: the test is over
        connection = server.accept()[0]
        connection.settimeout(5)
        try:
            received.append(connection.recv(65536).decode(errors="replace"))
            connection.sendall(b"ok\\n")
        except OSError:
            pass  # the other side hung up
        connection.close()
    print(repr(received), flush=True)
    """
)

# Another user connecting to a socket to hand the window a planted file.
THEIR_CLIENT = textwrap.dedent(
    """
    import socket, sys
    path, planted = sys.argv[1:3]
    client = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    try:
        client.connect(path)
    except OSError as exc:
        sys.exit(print("refused", exc.errno))
    client.settimeout(10)
    try:
        client.sendall(planted.encode() + b"\\n")
        answer = client.recv(100)
    except OSError:
        answer = b""
    print("answered" if answer else "closed")
    """
)


def start_their_server(user, how: str, folder: Path, name: str) -> subprocess.Popen:
    server = as_other_user(user, THEIR_SERVER, how, folder, name)
    assert server.stdout.readline() == "listening\n", server.stderr.read()
    return server


def what_they_received(server: subprocess.Popen) -> list[str]:
    out, err = server.communicate(timeout=30)
    assert server.returncode == 0, err
    return eval(out.strip())  # a repr of a list of str, written by the script above


def second_start(data_dir: Path, file: Path) -> subprocess.Popen:
    """What a double-click runs. If it opens a window, the window closes at once and says so."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", KOPSAVILKUMS_QUIT_AFTER_MS="0", KOPSAVILKUMS_LANG="en")
    return subprocess.Popen(
        [sys.executable, "-m", "kopsavilkums", "--data-dir", str(data_dir), str(file)],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def finished(process: subprocess.Popen, qtbot=None) -> str:
    """The program's stderr once it ended (the test's event loop running meanwhile, when given
    qtbot: the window's side of the hand-over is in this process)."""
    if qtbot is not None:
        qtbot.waitUntil(lambda: process.poll() is not None, timeout=60_000)
    _, err = process.communicate(timeout=60)
    assert process.returncode == 0, err
    return err


def opened_its_own_window_on_the_seed(stderr: str) -> bool:
    return f"closing window: {SEED_TITLE[:40]}" in stderr


def old_style_name(data_dir: Path) -> str:
    """Where version 0.1.0 listened: a name any user could bind in the shared temporary folder."""
    return "kopsavilkums-" + hashlib.sha1(str(data_dir.resolve()).encode()).hexdigest()[:16]


@pytest.mark.parametrize("where", ["runtime folder", "temporary folder"])
def test_a_second_start_by_the_same_user_hands_the_file_to_the_window_and_quits(
    qtbot, qapp, shared_tmp, data_dir, tmp_path, monkeypatch, where
):
    if where == "runtime folder":
        runtime = tmp_path / "run"
        runtime.mkdir(mode=0o700)
        monkeypatch.setenv("XDG_RUNTIME_DIR", str(runtime))
        expected_folder = runtime
    else:
        expected_folder = shared_tmp / f"kopsavilkums-{os.getuid()}"
    received: list[str] = []
    server = single_instance.listen(data_dir, received.append)
    assert server is not None
    try:
        assert Path(server.fullServerName()).parent == expected_folder
        stderr = finished(second_start(data_dir, SEED), qtbot)
        assert not opened_its_own_window_on_the_seed(stderr) and "closing window" not in stderr
        assert received == [str(SEED.resolve())]
    finally:
        server.close()


@pytest.mark.parametrize("umask", [0o000, 0o002, 0o022, 0o027, 0o077])
def test_the_socket_and_its_folder_are_private_whatever_the_umask(qapp, shared_tmp, data_dir, umask):
    old = os.umask(umask)
    try:
        server = single_instance.listen(data_dir, lambda path: None)
    finally:
        os.umask(old)
    assert server is not None
    try:
        socket_file = Path(server.fullServerName())
        folder = os.lstat(socket_file.parent)
        assert stat.S_ISDIR(folder.st_mode) and stat.S_IMODE(folder.st_mode) == 0o700
        assert folder.st_uid == os.getuid()
        assert stat.S_IMODE(os.lstat(socket_file).st_mode) & 0o077 == 0
    finally:
        server.close()


@pytest.mark.parametrize("mode", [0o755, 0o777])
def test_a_runtime_folder_others_may_enter_is_not_used(qapp, shared_tmp, tmp_path, monkeypatch, data_dir, mode):
    runtime = tmp_path / "run"
    runtime.mkdir()
    runtime.chmod(mode)
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(runtime))
    server = single_instance.listen(data_dir, lambda path: None)
    assert server is not None
    try:
        assert Path(server.fullServerName()).parent == shared_tmp / f"kopsavilkums-{os.getuid()}"
    finally:
        server.close()


@needs_root
def test_another_users_runtime_folder_is_not_used(qapp, shared_tmp, tmp_path, monkeypatch, data_dir, other_user):
    runtime = tmp_path / "run"
    runtime.mkdir(mode=0o700)
    os.chown(runtime, other_user.pw_uid, other_user.pw_gid)
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(runtime))
    server = single_instance.listen(data_dir, lambda path: None)
    assert server is not None
    try:
        assert Path(server.fullServerName()).parent == shared_tmp / f"kopsavilkums-{os.getuid()}"
    finally:
        server.close()


@needs_root
def test_another_users_server_on_the_old_name_never_gets_the_file(shared_tmp, other_user, data_dir):
    """Version 0.1.0 connected to whatever listened on the old name: another user received the
    path and the user's draft never opened."""
    theirs = start_their_server(other_user, "name", shared_tmp, old_style_name(data_dir))
    stderr = finished(second_start(data_dir, SEED))
    assert what_they_received(theirs) == []
    assert opened_its_own_window_on_the_seed(stderr)  # the draft opened all the same


@needs_root
@pytest.mark.parametrize("how", ["folder", "link"])
def test_another_user_cannot_plant_a_server_where_ours_goes(qapp, shared_tmp, other_user, data_dir, how):
    """They create our fallback folder first (or a link by its name to a folder of theirs) and
    listen inside: nothing is handed to them, and the window does not listen there either."""
    ours = shared_tmp / f"kopsavilkums-{os.getuid()}"
    theirs = start_their_server(other_user, how, ours, old_style_name(data_dir))
    try:
        assert single_instance.listen(data_dir, lambda path: None) is None
        stderr = finished(second_start(data_dir, SEED))
    finally:
        received = what_they_received(theirs)
    assert received == []
    assert opened_its_own_window_on_the_seed(stderr)
    assert os.lstat(ours).st_uid == other_user.pw_uid  # left as they made it


@needs_root
@pytest.mark.parametrize("owner", ["theirs", "made to look ours"])
def test_a_server_of_another_user_is_not_trusted_even_in_our_folder(qapp, shared_tmp, other_user, data_dir, owner):
    """What only root could arrange (their listening socket moved into our folder; its file even
    given to us): the second start checks the socket file's owner, then who is listening."""
    theirs = start_their_server(other_user, "folder", shared_tmp / "theirs", "s")
    try:
        ours = single_instance.server_name(data_dir, create=True)
        os.rename(shared_tmp / "theirs" / "s", ours)  # a socket keeps its listener when moved
        if owner == "made to look ours":
            os.chown(ours, os.getuid(), os.getgid())
        stderr = finished(second_start(data_dir, SEED))
    finally:
        received = what_they_received(theirs)
    assert "".join(received) == ""  # connected to, perhaps, but told nothing
    assert opened_its_own_window_on_the_seed(stderr)


@needs_root
def test_another_user_cannot_hand_the_window_a_file(qtbot, qapp, shared_tmp, other_user, data_dir):
    """Not even a member of the user's group, with umask 002 (which left 0.1.0's socket open to
    the group); and were the socket reachable, the window would still read nothing from them."""
    received: list[str] = []
    old = os.umask(0o002)
    try:
        server = single_instance.listen(data_dir, received.append)
    finally:
        os.umask(old)
    assert server is not None
    try:
        path = server.fullServerName()
        planted = "/tmp/planted.kopsavilkums.json"

        def their_attempt() -> str:
            client = as_other_user(other_user, THEIR_CLIENT, path, planted, group=os.getgid())
            qtbot.waitUntil(lambda: client.poll() is not None, timeout=30_000)  # the window answers meanwhile
            out, err = client.communicate()
            assert client.returncode == 0, err
            return out

        assert their_attempt().startswith("refused")
        # As if the folder and socket were open to all (a platform where Qt's option did nothing):
        os.chmod(Path(path).parent, 0o777)
        os.chmod(path, 0o777)
        assert their_attempt() == "closed\n"
        assert received == []
    finally:
        server.close()
