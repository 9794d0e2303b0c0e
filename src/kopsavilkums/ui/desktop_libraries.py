"""Linux: the system libraries the window needs, checked before Qt looks for them.

Qt's X11 platform plugin (``xcb``) needs a dozen small X libraries that a fresh desktop may lack
(Debian and Ubuntu do not install ``libxcb-cursor0``, ``libxcb-icccm4``, ``libxcb-keysyms1``).
When one is missing, Qt says "xcb-cursor0 or libxcb-cursor0 is needed" whichever it is, and
aborts the process. :func:`check_window_platform` runs first and names what is missing and the
packages to install, for the distribution found in ``/etc/os-release``.

Only when ``xcb`` is what Qt will try first: not on a Wayland session (Qt takes its Wayland
plugin there), not when ``QT_QPA_PLATFORM`` names another platform (``offscreen``, ``wayland``).
The libraries are looked up as Qt's loader will, with ``dlopen`` (cheap: Qt loads them anyway a
moment later). The frozen Linux build carries them (see ``packaging/kopsavilkums.spec``).

Qt's GUI library itself needs a few more (EGL, GL, fontconfig, …); without those, importing
PySide6 fails with an ImportError, which :func:`explain_import_error` turns into the same advice.

Imports no Qt.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterable, Mapping

from kopsavilkums.messages import Message

DISTRIBUTIONS = ("debian", "fedora", "arch", "opensuse")
NAMES = {"debian": "Debian, Ubuntu", "fedora": "Fedora", "arch": "Arch", "opensuse": "openSUSE"}
INSTALL = {
    "debian": "sudo apt install",
    "fedora": "sudo dnf install",
    "arch": "sudo pacman -S --needed",
    "opensuse": "sudo zypper install",
}


def _packages(debian: str, fedora: str, arch: str, opensuse: str) -> dict[str, str]:
    return {"debian": debian, "fedora": fedora, "arch": arch, "opensuse": opensuse}


# What the xcb plugin (libqxcb.so and libQt6XcbQpa.so.6 of PySide6) links beyond Qt's GUI library.
XCB_PLUGIN = {
    "libxcb-cursor.so.0": _packages("libxcb-cursor0", "xcb-util-cursor", "xcb-util-cursor", "libxcb-cursor0"),
    "libxcb-icccm.so.4": _packages("libxcb-icccm4", "xcb-util-wm", "xcb-util-wm", "libxcb-icccm4"),
    "libxcb-keysyms.so.1": _packages("libxcb-keysyms1", "xcb-util-keysyms", "xcb-util-keysyms", "libxcb-keysyms1"),
    "libxcb-image.so.0": _packages("libxcb-image0", "xcb-util-image", "xcb-util-image", "libxcb-image0"),
    "libxcb-render-util.so.0": _packages(
        "libxcb-render-util0", "xcb-util-renderutil", "xcb-util-renderutil", "libxcb-render-util0"
    ),
    "libxcb-util.so.1": _packages("libxcb-util1", "xcb-util", "xcb-util", "libxcb-util1"),
    "libxkbcommon-x11.so.0": _packages(
        "libxkbcommon-x11-0", "libxkbcommon-x11", "libxkbcommon-x11", "libxkbcommon-x11-0"
    ),
    "libxcb-randr.so.0": _packages("libxcb-randr0", "libxcb", "libxcb", "libxcb-randr0"),
    "libxcb-render.so.0": _packages("libxcb-render0", "libxcb", "libxcb", "libxcb-render0"),
    "libxcb-shape.so.0": _packages("libxcb-shape0", "libxcb", "libxcb", "libxcb-shape0"),
    "libxcb-shm.so.0": _packages("libxcb-shm0", "libxcb", "libxcb", "libxcb-shm0"),
    "libxcb-sync.so.1": _packages("libxcb-sync1", "libxcb", "libxcb", "libxcb-sync1"),
    "libxcb-xfixes.so.0": _packages("libxcb-xfixes0", "libxcb", "libxcb", "libxcb-xfixes0"),
    "libxcb-xkb.so.1": _packages("libxcb-xkb1", "libxcb", "libxcb", "libxcb-xkb1"),
    "libxcb.so.1": _packages("libxcb1", "libxcb", "libxcb", "libxcb1"),
    "libX11-xcb.so.1": _packages("libx11-xcb1", "libX11-xcb", "libx11", "libX11-xcb1"),
}
# What Qt's GUI library (libQt6Gui.so.6) links from the system.
QT_GUI = {
    "libEGL.so.1": _packages("libegl1", "libglvnd-egl", "libglvnd", "libEGL1"),
    "libGL.so.1": _packages("libgl1", "libglvnd-glx", "libglvnd", "libGL1"),
    "libfontconfig.so.1": _packages("libfontconfig1", "fontconfig", "fontconfig", "libfontconfig1"),
    "libfreetype.so.6": _packages("libfreetype6", "freetype", "freetype2", "libfreetype6"),
    "libxkbcommon.so.0": _packages("libxkbcommon0", "libxkbcommon", "libxkbcommon", "libxkbcommon0"),
    "libX11.so.6": _packages("libx11-6", "libX11", "libx11", "libX11-6"),
    "libglib-2.0.so.0": _packages("libglib2.0-0", "glib2", "glib2", "libglib-2_0-0"),
    "libgthread-2.0.so.0": _packages("libglib2.0-0", "glib2", "glib2", "libgthread-2_0-0"),
}
LIBRARIES = {**XCB_PLUGIN, **QT_GUI}
# The frozen build carries the xcb plugin's libraries, except libxcb itself: PyInstaller leaves
# it to the system on purpose (its ABI follows the graphics drivers; every X11 desktop has it).
BUNDLED = tuple(name for name in XCB_PLUGIN if name != "libxcb.so.1")


def dlopen_finds(name: str) -> bool:
    """Whether the dynamic loader finds and loads library ``name``, as Qt's loader would."""
    import _ctypes  # the C module under ctypes: ~0.5 ms to import where ctypes costs 2–5 ms

    try:
        _ctypes.dlopen(name, os.RTLD_LAZY | os.RTLD_LOCAL)
    except OSError:
        return False
    return True


def first_platform(environ: Mapping[str, str]) -> str:
    """The platform plugin Qt will try first (Qt 6 on Linux, no ``-platform`` argument)."""
    requested = environ.get("QT_QPA_PLATFORM", "").strip()
    if requested:
        return requested.split(";")[0].split(":")[0].strip()
    if environ.get("WAYLAND_DISPLAY") or environ.get("XDG_SESSION_TYPE") == "wayland":
        return "wayland"
    return "xcb"


def missing(names: Iterable[str], finds: Callable[[str], bool] | None = None) -> list[str]:
    """Those of ``names`` that ``finds`` (default: :func:`dlopen_finds`) does not find."""
    finds = finds or dlopen_finds
    return [name for name in names if not finds(name)]


def check_window_platform(
    environ: Mapping[str, str] | None = None,
    finds: Callable[[str], bool] | None = None,
    os_release: Mapping[str, str] | None = None,
) -> Message | None:
    """None when the window can start as far as system libraries go, else what to tell the user.
    ``finds`` and ``os_release`` stand in for the system's in tests."""
    if not sys.platform.startswith("linux"):
        return None
    if first_platform(os.environ if environ is None else environ) != "xcb":
        return None
    absent = missing(XCB_PLUGIN, finds)
    return missing_message(absent, os_release) if absent else None


def explain_import_error(
    error: ImportError, finds: Callable[[str], bool] | None = None, os_release: Mapping[str, str] | None = None
) -> Message | None:
    """For an ImportError of PySide6 that is a system library missing: what to install."""
    if not sys.platform.startswith("linux") or "cannot open shared object file" not in str(error):
        return None
    absent = missing(LIBRARIES, finds)
    return missing_message(absent, os_release) if absent else None


def distribution(os_release: Mapping[str, str] | None = None) -> str | None:
    """Which of :data:`DISTRIBUTIONS` this system is, or is like (``/etc/os-release``)."""
    if os_release is None:
        import platform

        try:
            os_release = platform.freedesktop_os_release()
        except OSError:
            return None
    ids = [os_release.get("ID", ""), *os_release.get("ID_LIKE", "").split()]
    for found in ids:
        if found in ("debian", "ubuntu"):
            return "debian"
        if found in ("fedora", "rhel", "centos"):
            return "fedora"
        if found == "arch":
            return "arch"
        if found.startswith("opensuse") or found in ("suse", "sles"):
            return "opensuse"
    return None


def install_command(names: Iterable[str], where: str) -> str:
    packages = dict.fromkeys(LIBRARIES[name][where] for name in names if name in LIBRARIES)
    return f"{INSTALL[where]} {' '.join(packages)}"


def missing_message(names: list[str], os_release: Mapping[str, str] | None = None) -> Message:
    where = distribution(os_release)
    listed = ", ".join(names)
    if where is not None:
        how_en = f"Install them with:\n  {install_command(names, where)}"
        how_lv = f"Instalējiet tās ar komandu:\n  {install_command(names, where)}"
    else:
        commands = "\n".join(f"  {NAMES[d]}: {install_command(names, d)}" for d in DISTRIBUTIONS)
        how_en = f"Install the packages that provide them, for example:\n{commands}"
        how_lv = f"Instalējiet pakotnes, kurās tās ir, piemēram:\n{commands}"
    return Message(
        lv=f"Logu nevar atvērt: nav instalētas sistēmas bibliotēkas, kas vajadzīgas Qt: {listed}.\n{how_lv}\n"
        "(Komandrinda darbojas arī bez tām: kopsavilkums --help.)",
        en=f"The window cannot open: system libraries that Qt needs are not installed: {listed}.\n{how_en}\n"
        "(The command line works without them: kopsavilkums --help.)",
    )
