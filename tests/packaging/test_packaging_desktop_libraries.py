"""A fresh Linux desktop: the README lists what the window needs for each distribution, the
program says what is missing instead of aborting inside Qt, and the build carries what it can.
(The frozen program itself is checked in test_packaging_frozen.py.)"""

from __future__ import annotations

import os
import re
import subprocess
import sys

import pytest
from hidden_libraries import without_libraries
from packaging_support import PACKAGING, ROOT, load_build_script

from kopsavilkums.ui import desktop_libraries

on_linux = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="X11 libraries are a Linux matter")
FRESH_DEBIAN = ["libxcb-cursor.so.0", "libxcb-icccm.so.4", "libxcb-keysyms.so.1"]


def readme_command(distribution: str) -> set[str]:
    """The packages of the README's install line for a distribution."""
    text = (ROOT / "README.md").read_text("utf-8")
    prefix = desktop_libraries.INSTALL[distribution]
    lines = [line for line in text.splitlines() if prefix in line]
    assert lines, f"no `{prefix} …` line in the README"
    return set(lines[0].split(prefix, 1)[1].strip(" `|").split())


@pytest.mark.parametrize("distribution", desktop_libraries.DISTRIBUTIONS)
def test_the_readme_lists_every_package_the_window_needs(distribution):
    wanted = {packages[distribution] for packages in desktop_libraries.LIBRARIES.values()}
    assert readme_command(distribution) == wanted


@on_linux
def test_the_program_names_what_a_fresh_desktop_lacks_instead_of_aborting(tmp_path):
    """Debian without libxcb-cursor0, libxcb-icccm4 and libxcb-keysyms1: Qt would abort, naming
    only libxcb-cursor."""
    command = [sys.executable, "-m", "kopsavilkums", "--data-dir", str(tmp_path / "data")]
    env = {k: v for k, v in os.environ.items() if k not in ("WAYLAND_DISPLAY", "XDG_SESSION_TYPE")}
    env.update(QT_QPA_PLATFORM="xcb", DISPLAY=":99", KOPSAVILKUMS_LANG="en", KOPSAVILKUMS_QUIT_AFTER_MS="0")
    run = subprocess.run(
        without_libraries(FRESH_DEBIAN, command, tmp_path / "empty.so"),
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert run.returncode == 2, run.stderr  # not Qt's abort (-6)
    assert "qt.qpa" not in run.stderr
    assert ", ".join(FRESH_DEBIAN) in run.stderr
    where = desktop_libraries.distribution()
    if where is not None:
        assert desktop_libraries.install_command(FRESH_DEBIAN, where) in run.stderr
    assert not (tmp_path / "data" / "drafts.json").exists()  # nothing was started


@on_linux
def test_the_build_adds_what_pyinstaller_did_not_collect_and_stops_without_it():
    build = load_build_script()
    collected = [(name, f"/usr/lib/{name}", "BINARY") for name in desktop_libraries.BUNDLED[1:]]
    added = build.linux_libraries(collected, resolve=lambda name: f"/build/machine/{name}")
    assert added == [(desktop_libraries.BUNDLED[0], f"/build/machine/{desktop_libraries.BUNDLED[0]}", "BINARY")]
    with pytest.raises(SystemExit, match=r"libxcb-icccm\.so\.4.*(apt install|dnf install|pacman|zypper).*icccm"):
        build.linux_libraries(collected[1:], resolve=lambda name: None if "icccm" in name else f"/x/{name}")


def test_the_spec_carries_the_libraries_on_linux():
    spec = (PACKAGING / "kopsavilkums.spec").read_text("utf-8")
    assert re.search(
        r"^if sys\.platform\.startswith\(\"linux\"\):\n\s+a\.binaries \+= project\.linux_libraries\(a\.binaries\)",
        spec,
        re.M,
    )
    assert "libxcb.so.1" not in desktop_libraries.BUNDLED  # left to the system, as PyInstaller does
    assert set(desktop_libraries.BUNDLED) == set(desktop_libraries.XCB_PLUGIN) - {"libxcb.so.1"}
