"""Build Kopsavilkums for the platform this runs on.

    python packaging/build.py                 # the one-folder program: dist/kopsavilkums/
    python packaging/build.py --package       # and what users download:
                                              #   Windows: dist/Kopsavilkums-<version>-setup.exe (Inno Setup 6)
                                              #   macOS:   dist/Kopsavilkums-<version>.dmg
                                              #   Linux:   dist/kopsavilkums-<version>-linux-<arch>.tar.gz

Needs PyInstaller: run it with the Python of the ``.venv`` that ``packaging/dev.py`` installs from
the lock file, so that what ships is the locked versions (elsewhere: ``pip install -e .[packaging]``);
``--package`` also needs Inno Setup's ``ISCC.exe`` on Windows. The version is read from
pyproject.toml, the only place it lives.
"""

from __future__ import annotations

import argparse
import os
import platform
import re
import shutil
import subprocess
import sys
import tarfile
import tomllib
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
SPEC = HERE / "kopsavilkums.spec"
NAME = "kopsavilkums"
APP_ID = "lv.kopsavilkums.Kopsavilkums"
LINUX = HERE / "linux"
ICONS = ROOT / "resources" / "icons"


def project_version() -> str:
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]


def windows_version(version: str) -> tuple[int, int, int, int]:
    """Windows version resources hold four numbers: ``1.2.3rc1`` → ``(1, 2, 3, 0)``."""
    release = re.match(r"\d+(?:\.\d+)*", version)
    if not release:
        raise ValueError(f"version {version!r} does not start with a number")
    numbers = [int(n) for n in release.group().split(".")][:4]
    return tuple(numbers + [0] * (4 - len(numbers)))  # type: ignore[return-value]


def linux_libraries(binaries, resolve=None) -> list[tuple[str, str, str]]:
    """Linux: the entries to add to PyInstaller's ``binaries`` so that the build carries every
    library Qt's X11 plugin needs (``kopsavilkums.ui.desktop_libraries.BUNDLED``), taken from
    this machine. PyInstaller collects them by itself when they are installed, and only warns
    when they are not: then this stops the build, naming the packages to install, because the
    program would not start on a desktop without them. ``resolve(name)`` gives a library's path
    or None (default: PyInstaller's own look-up)."""
    from kopsavilkums.ui import desktop_libraries

    if resolve is None:
        from PyInstaller.depend.bindepend import resolve_library_path as resolve
    have = {Path(entry[0]).name for entry in binaries}
    extra, absent = [], []
    for name in desktop_libraries.BUNDLED:
        if name in have:
            continue
        path = resolve(name)
        if path:
            extra.append((name, str(path), "BINARY"))
        else:
            absent.append(name)
    if absent:
        where = desktop_libraries.distribution() or "debian"
        raise SystemExit(
            f"This build machine lacks libraries that Qt's X11 plugin needs: {', '.join(absent)}. "
            "The program built without them would not start on a desktop that lacks them too. "
            f"Install them ({desktop_libraries.NAMES[where]}: {desktop_libraries.install_command(absent, where)}) "
            "and build again."
        )
    return extra


def freeze(dist: Path, work: Path) -> Path:
    """Run PyInstaller with the spec; return the one-folder program's folder."""
    subprocess.run(
        [
            sys.executable,
            "-m",
            "PyInstaller",
            "--noconfirm",
            "--clean",
            "--log-level",
            "WARN",
            "--distpath",
            str(dist),
            "--workpath",
            str(work),
            str(SPEC),
        ],
        cwd=ROOT,
        check=True,
    )
    return dist / NAME


def package_windows(dist: Path, version: str) -> Path:
    iscc = shutil.which("iscc") or next(
        (
            p
            for p in (
                Path(os.environ.get(v, "")) / "Inno Setup 6" / "ISCC.exe"
                for v in ("ProgramFiles(x86)", "ProgramFiles", "LOCALAPPDATA")
            )
            if p.is_file()
        ),
        None,
    )
    if not iscc:
        raise SystemExit("Inno Setup 6 (ISCC.exe) was not found: install it from jrsoftware.org")
    subprocess.run(
        [
            str(iscc),
            f"/DAppVersion={version}",
            f"/DAppVersionNumeric={'.'.join(map(str, windows_version(version)))}",
            f"/DDistDir={dist / NAME}",
            f"/O{dist}",
            str(HERE / "windows" / "kopsavilkums.iss"),
        ],
        check=True,
    )
    return dist / f"Kopsavilkums-{version}-setup.exe"


def package_macos(dist: Path, version: str) -> Path:
    image = dist / f"Kopsavilkums-{version}.dmg"
    subprocess.run(
        [
            "hdiutil",
            "create",
            "-volname",
            "Kopsavilkums",
            "-srcfolder",
            str(dist / "Kopsavilkums.app"),
            "-ov",
            "-format",
            "UDZO",
            str(image),
        ],
        check=True,
    )
    return image


def package_linux(dist: Path, version: str) -> Path:
    """A tarball of the program and its desktop files, installed per user by its install.sh."""
    top = f"{NAME}-{version}"
    archive = dist / f"{top}-linux-{platform.machine()}.tar.gz"
    with tarfile.open(archive, "w:gz") as tar:
        tar.add(dist / NAME, arcname=f"{top}/{NAME}")
        tar.add(LINUX / "install.sh", arcname=f"{top}/install.sh")
        for path in share_files():
            tar.add(path, arcname=f"{top}/share/{path.name}")
    return archive


def share_files() -> list[Path]:
    """The Linux desktop-integration files install.sh puts in place."""
    return [
        LINUX / f"{APP_ID}.desktop",
        LINUX / f"{APP_ID}.metainfo.xml",
        LINUX / f"{APP_ID}.mime.xml",
        ICONS / "kopsavilkums.svg",
        *sorted(ICONS.glob("kopsavilkums-*.png")),
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--dist", type=Path, default=ROOT / "dist", help="output folder (default: dist/)")
    parser.add_argument("--work", type=Path, default=ROOT / "build", help="PyInstaller's work folder (default: build/)")
    parser.add_argument("--package", action="store_true", help="also make the installer / disk image / tarball")
    args = parser.parse_args(argv)

    version = project_version()
    folder = freeze(args.dist.resolve(), args.work.resolve())
    print(f"Kopsavilkums {version}: {folder}")
    if args.package:
        make = {"win32": package_windows, "darwin": package_macos}.get(sys.platform, package_linux)
        print(f"package: {make(args.dist.resolve(), version)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
