"""Started from a desktop (no terminal), a data folder that cannot be used is shown in a message
box before any window. Runs the real program on a virtual X screen (Xvfb) and closes the box
the way a person would, with Enter; skipped where Xvfb or xdotool is not installed."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

import pytest

pytestmark = pytest.mark.skipif(
    not (sys.platform.startswith("linux") and shutil.which("Xvfb") and shutil.which("xdotool")),
    reason="needs Xvfb and xdotool (Debian: xvfb, xdotool)",
)


@pytest.fixture
def screen():
    read_end, write_end = os.pipe()
    server = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write_end), "-screen", "0", "800x600x24", "-nolisten", "tcp"],
        pass_fds=(write_end,),
        stderr=subprocess.DEVNULL,
    )
    os.close(write_end)
    with os.fdopen(read_end) as told:
        number = told.readline().strip()  # Xvfb writes its display number once it is ready
    try:
        yield f":{number}"
    finally:
        server.terminate()
        server.wait(timeout=10)


@pytest.mark.timeout(60)
def test_the_message_box_says_which_folder_and_why_and_enter_closes_it(tmp_path, screen):
    (tmp_path / "a-file").write_text("")
    env = {**os.environ, "DISPLAY": screen, "KOPSAVILKUMS_LANG": "lv"}
    env.pop("QT_QPA_PLATFORM", None)
    env.pop("WAYLAND_DISPLAY", None)
    program = subprocess.Popen(
        [sys.executable, "-m", "kopsavilkums", "--data-dir", str(tmp_path / "a-file")],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        found = subprocess.run(
            ["xdotool", "search", "--sync", "--onlyvisible", "--name", "^Kopsavilkums$"],
            env={**env, "DISPLAY": screen},
            capture_output=True,
            text=True,
            timeout=30,
        )
        assert found.stdout.strip(), "no message box appeared"
        assert program.poll() is None  # it waits for the person to read it
        subprocess.run(["xdotool", "windowactivate", "--sync", found.stdout.split()[0]], env=env, timeout=10)
        subprocess.run(["xdotool", "key", "Return"], env=env, check=True, timeout=10)
        _, err = program.communicate(timeout=30)
    finally:
        if program.poll() is None:
            program.kill()
    assert program.returncode == 3
    assert err == f"kopsavilkums: datu mapi {tmp_path / 'a-file'} nevar izmantot: tās vietā ir fails\n"
