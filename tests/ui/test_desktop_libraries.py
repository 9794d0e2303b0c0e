"""Before Qt looks for its X11 plugin, the window names the system libraries that are missing and
the packages to install, on the distribution it runs on — and leaves Wayland sessions and other
platforms alone. The look-up is injected here; tests/packaging hides real libraries instead."""

from __future__ import annotations

import sys

import pytest

from kopsavilkums.ui import desktop_libraries

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the check is for Linux")

FRESH_DEBIAN = {"libxcb-cursor.so.0", "libxcb-icccm.so.4", "libxcb-keysyms.so.1"}  # what a fresh Debian lacks
OS_RELEASE = {
    "debian": {"ID": "debian"},
    "ubuntu": {"ID": "ubuntu", "ID_LIKE": "debian"},
    "mint": {"ID": "linuxmint", "ID_LIKE": "ubuntu debian"},
    "fedora": {"ID": "fedora"},
    "rocky": {"ID": "rocky", "ID_LIKE": "rhel centos fedora"},
    "arch": {"ID": "arch"},
    "manjaro": {"ID": "manjaro", "ID_LIKE": "arch"},
    "tumbleweed": {"ID": "opensuse-tumbleweed", "ID_LIKE": "opensuse suse"},
    "leap": {"ID": "opensuse-leap", "ID_LIKE": "suse opensuse"},
}


def lacking(names):
    return lambda name: name not in names


def check(environ=None, lacks=FRESH_DEBIAN, system="debian"):
    return desktop_libraries.check_window_platform(
        {} if environ is None else environ, finds=lacking(lacks), os_release=OS_RELEASE.get(system, {"ID": system})
    )


@pytest.mark.parametrize(
    ("system", "command"),
    [
        ("debian", "sudo apt install libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1"),
        ("ubuntu", "sudo apt install libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1"),
        ("mint", "sudo apt install libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1"),
        ("fedora", "sudo dnf install xcb-util-cursor xcb-util-wm xcb-util-keysyms"),
        ("rocky", "sudo dnf install xcb-util-cursor xcb-util-wm xcb-util-keysyms"),
        ("arch", "sudo pacman -S --needed xcb-util-cursor xcb-util-wm xcb-util-keysyms"),
        ("manjaro", "sudo pacman -S --needed xcb-util-cursor xcb-util-wm xcb-util-keysyms"),
        ("tumbleweed", "sudo zypper install libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1"),
        ("leap", "sudo zypper install libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1"),
    ],
)
def test_missing_libraries_are_named_with_the_command_that_installs_them(system, command):
    message = check(system=system)
    assert message is not None
    assert "libxcb-cursor.so.0, libxcb-icccm.so.4, libxcb-keysyms.so.1" in message.en
    assert f"\n  {command}\n" in message.en and f"\n  {command}\n" in message.lv
    assert message.lv.startswith("Logu nevar atvērt: nav instalētas sistēmas bibliotēkas")


def test_only_what_is_missing_is_named():
    message = check(lacks={"libxcb-icccm.so.4"})
    assert "libxcb-icccm.so.4." in message.en and "cursor" not in message.en
    assert "sudo apt install libxcb-icccm4\n" in message.en


def test_a_package_holding_several_missing_libraries_is_named_once():
    message = check(lacks={"libxcb-randr.so.0", "libxcb-shm.so.0"}, system="fedora")
    assert "sudo dnf install libxcb\n" in message.en


def test_on_an_unknown_distribution_every_family_is_offered():
    message = check(system="gentoo")
    for line in (
        "Debian, Ubuntu: sudo apt install libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1",
        "Fedora: sudo dnf install xcb-util-cursor xcb-util-wm xcb-util-keysyms",
        "Arch: sudo pacman -S --needed xcb-util-cursor xcb-util-wm xcb-util-keysyms",
        "openSUSE: sudo zypper install libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1",
    ):
        assert line in message.en and line in message.lv


@pytest.mark.parametrize(
    "environ",
    [
        {"WAYLAND_DISPLAY": "wayland-0", "DISPLAY": ":0"},  # a Wayland session: Qt takes its Wayland plugin
        {"XDG_SESSION_TYPE": "wayland"},
        {"QT_QPA_PLATFORM": "offscreen"},
        {"QT_QPA_PLATFORM": "wayland;xcb", "DISPLAY": ":0"},
        {"QT_QPA_PLATFORM": "vnc:size=800x600"},
    ],
)
def test_nothing_is_asked_when_qt_will_not_try_xcb(environ):
    assert check(environ) is None


@pytest.mark.parametrize(
    "environ",
    [
        {"DISPLAY": ":0"},
        {"DISPLAY": ":0", "XDG_SESSION_TYPE": "x11"},
        {"QT_QPA_PLATFORM": "xcb", "WAYLAND_DISPLAY": "wayland-0"},  # asked for X11 on a Wayland session
        {"QT_QPA_PLATFORM": "xcb;wayland"},
        {"QT_QPA_PLATFORM": "xcb:nomitshm"},
    ],
)
def test_the_libraries_are_asked_for_when_qt_will_try_xcb_first(environ):
    assert check(environ) is not None


def test_nothing_missing_means_nothing_to_say():
    assert check({"DISPLAY": ":0"}, lacks=set()) is None


def test_the_real_look_up_finds_what_is_installed_and_not_what_is_not():
    assert desktop_libraries.dlopen_finds("libc.so.6")
    assert not desktop_libraries.dlopen_finds("libkopsavilkums-never-installed.so.0")


def test_a_pyside_import_that_failed_for_a_library_gets_the_same_advice():
    error = ImportError("libEGL.so.1: cannot open shared object file: No such file or directory")
    message = desktop_libraries.explain_import_error(
        error, finds=lacking({"libEGL.so.1"}), os_release=OS_RELEASE["fedora"]
    )
    assert "libEGL.so.1" in message.en and "sudo dnf install libglvnd-egl" in message.en
    assert desktop_libraries.explain_import_error(ImportError("No module named 'PySide6'")) is None
