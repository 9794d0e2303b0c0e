"""Build the one-folder program with PyInstaller into a temporary folder, then use it as a user
would: its version, a PDF of the seed example, the window opening a draft by double-click, and
(on Linux) the release tarball installed and removed again.

Slow (one PyInstaller run, about half a minute to a few minutes); CI runs it.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from hidden_libraries import without_libraries
from packaging_support import APP_ID, PROJECT_VERSION, ROOT, load_build_script, needs_tool
from pypdf import PdfReader

needs_objdump = pytest.mark.skipif(  # PyInstaller reads binaries with it on Linux
    sys.platform.startswith("linux") and shutil.which("objdump") is None,
    reason="objdump is not installed (Debian package binutils); PyInstaller needs it",
)
pytestmark = [pytest.mark.slow, pytest.mark.timeout(900), needs_objdump]

SEED = ROOT / "resources" / "examples" / "kurzemes-nvo-centrs-2019-2020.kopsavilkums.json"
COMPLETE = ROOT / "resources" / "examples" / "latgales-jauniesu-forums-2021-2023.kopsavilkums.json"
QT_LEFT_OUT = re.compile(r"Qt6?(WebEngine|Quick|Qml|3D|Multimedia|Charts|DataVisualization|Designer)", re.I)
on_linux = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the tarball and install.sh are for Linux")


@pytest.fixture(scope="module")
def frozen(tmp_path_factory) -> Path:
    """The frozen program's folder (dist/kopsavilkums), built once for this module."""
    build = load_build_script()
    where = tmp_path_factory.mktemp("pyinstaller")
    return build.freeze(where / "dist", where / "work")


def program(folder: Path) -> Path:
    return folder / ("kopsavilkums.exe" if os.name == "nt" else "kopsavilkums")


def run(folder: Path, *args, env=None, timeout=120) -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(program(folder)), *map(str, args)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=timeout,
        env={**os.environ, **(env or {})},
        cwd=folder.parent,  # never the source tree
    )


def test_the_frozen_program_tells_the_project_version(frozen):
    result = run(frozen, "--version")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"Kopsavilkums {PROJECT_VERSION}"


def test_every_shipped_resource_is_in_the_frozen_folder(frozen):
    source = ROOT / "resources"
    bundled = next(frozen.rglob("kopsavilkums/resources/fonts")).parent
    wanted = {p.relative_to(source) for p in source.rglob("*") if p.is_file()}
    assert wanted and wanted <= {p.relative_to(bundled) for p in bundled.rglob("*") if p.is_file()}


def test_unused_qt_modules_are_left_out(frozen):
    size = sum(p.stat().st_size for p in frozen.rglob("*") if p.is_file() and not p.is_symlink())
    print(f"\nfrozen folder: {size / 2**20:.0f} MiB")
    assert [p.name for p in frozen.rglob("*") if QT_LEFT_OUT.search(p.name)] == []


def seed_values() -> list[str]:
    """What the seed holds, as the printed page must show it (Latvian dates and money)."""
    report = json.loads(SEED.read_text("utf-8"))["report"]
    return [
        report["title"],
        report["task"],
        report["performer"],
        report["introduction"],
        *report["objectives"],
        *(indicator["text"] for indicator in report["indicators"]),
        report["assessment"],
        "12.08.2019. – 31.10.2020.",
        "2019.gads",
        "31 830,96 euro",
        "2020.gads",
    ]


@needs_tool("pdftotext", "poppler-utils")
@needs_tool("pdffonts", "poppler-utils")
def test_the_frozen_program_prints_the_seed_with_every_value_and_the_font_embedded(frozen, tmp_path):
    out = tmp_path / "kopsavilkums.pdf"
    result = run(frozen, "pdf", SEED, "-o", out)
    assert result.returncode == 0, result.stderr

    text = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(out), "-"], capture_output=True, text=True, check=True
    ).stdout
    flowing = re.sub(r"\s+", " ", text.replace("\u00a0", " ").replace("\u202f", " "))
    missing = [value for value in seed_values() if value not in flowing]
    assert missing == []
    assert flowing.count("Nav") >= 3  # irregular expenditure, unrecovered amount, other information

    fonts = subprocess.run(["pdffonts", str(out)], capture_output=True, text=True, check=True).stdout.splitlines()[2:]
    names = {line.split()[0].split("+")[-1]: line for line in fonts}
    assert "LiberationSerif" in names and "LiberationSerif-Bold" in names
    assert all(re.search(r"\byes\s+yes\s+yes\b", line) for line in fonts), "a font is not embedded:\n" + "\n".join(
        fonts
    )

    assert PdfReader(out).metadata["/Creator"] == f"Kopsavilkums {PROJECT_VERSION}"


def test_the_frozen_window_opens_a_double_clicked_draft_and_closes_cleanly(frozen, tmp_path):
    data = tmp_path / "data"
    env = {"QT_QPA_PLATFORM": "offscreen", "KOPSAVILKUMS_QUIT_AFTER_MS": "1500", "KOPSAVILKUMS_LANG": "en"}
    result = run(frozen, "--data-dir", data, SEED, env=env)

    title = json.loads(SEED.read_text("utf-8"))["report"]["title"]
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    closed = re.findall(r"^closing window: (.*)$", result.stderr, re.M)
    assert len(closed) == 1 and closed[0].startswith(title[:40]), result.stderr
    assert not (data / "crash.log").exists()
    assert "geometry" in (data / "settings.ini").read_text("utf-8")  # closed through its close path

    listed = run(frozen, "--data-dir", data, "list")
    assert listed.returncode == 0 and title[:40] in listed.stdout  # the draft was imported and kept


@pytest.fixture
def x_display():
    """A virtual X server (Xvfb): the display's name."""
    if shutil.which("Xvfb") is None:
        pytest.skip("Xvfb is not installed (Debian package xvfb)")
    server = subprocess.Popen(
        ["Xvfb", "-displayfd", "1", "-screen", "0", "1024x768x24", "-nolisten", "tcp"],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        yield f":{server.stdout.readline().strip()}"
    finally:
        server.terminate()
        server.wait(10)


@on_linux
def test_the_frozen_program_opens_its_window_on_x11_without_the_systems_xcb_libraries(frozen, tmp_path, x_display):
    """What a fresh Debian lacks is carried in the folder: with the system's copies hidden, the
    window still opens on X11 (the program's check and Qt's plugin both find the bundled ones)."""
    from kopsavilkums.ui import desktop_libraries

    internal = program(frozen).parent / "_internal"
    assert [n for n in desktop_libraries.BUNDLED if not (internal / n).is_file()] == []
    hidden = ["libxcb-cursor.so.0", "libxcb-icccm.so.4", "libxcb-keysyms.so.1"]
    command = without_libraries(
        hidden, [str(program(frozen)), "--data-dir", str(tmp_path / "data")], tmp_path / "empty.so"
    )
    env = {k: v for k, v in os.environ.items() if k not in ("WAYLAND_DISPLAY", "XDG_SESSION_TYPE")}
    env.update(QT_QPA_PLATFORM="xcb", DISPLAY=x_display, KOPSAVILKUMS_QUIT_AFTER_MS="500", KOPSAVILKUMS_LANG="en")
    result = subprocess.run(command, capture_output=True, text=True, timeout=120, env=env, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "closing window: Kopsavilkums" in result.stderr


@on_linux
@needs_tool("desktop-file-validate", "desktop-file-utils")
def test_the_linux_tarball_installs_per_user_and_uninstalls(frozen, tmp_path):
    build = load_build_script()
    archive = build.package_linux(frozen.parent, PROJECT_VERSION)
    subprocess.run(["tar", "xzf", str(archive), "-C", str(tmp_path)], check=True)
    install = tmp_path / f"kopsavilkums-{PROJECT_VERSION}" / "install.sh"
    prefix = tmp_path / "home dir" / ".local"  # a space, as in many real home folders
    env = {**os.environ, "PREFIX": str(prefix)}
    subprocess.run([str(install)], check=True, env=env, capture_output=True)

    desktop = prefix / "share" / "applications" / f"{APP_ID}.desktop"
    subprocess.run(["desktop-file-validate", str(desktop)], check=True)
    command = re.search(r'^Exec="([^"]+)" %f$', desktop.read_text("utf-8"), re.M).group(1)
    version = subprocess.run([command, "--version"], capture_output=True, text=True, check=True).stdout
    assert version.strip() == f"Kopsavilkums {PROJECT_VERSION}"
    assert (prefix / "share" / "icons" / "hicolor" / "48x48" / "apps" / f"{APP_ID}.png").is_file()
    assert (prefix / "share" / "mime" / "packages" / f"{APP_ID}.xml").is_file()
    assert (prefix / "bin" / "kopsavilkums").resolve() == Path(command).resolve()

    subprocess.run([str(install), "--uninstall"], check=True, env=env, capture_output=True)
    assert not desktop.exists() and not Path(command).exists() and not (prefix / "bin" / "kopsavilkums").exists()


@pytest.mark.parametrize("ending", [".docx", ".html", ".txt"])
def test_the_frozen_program_converts_to_each_format_and_reads_it_back(frozen, tmp_path, ending):
    # The Word writer needs python-docx's own template inside the build, the readers lxml and
    # pypdf: a build that left one out fails here, not on a user's machine.
    out = tmp_path / f"seed{ending}"
    converted = run(frozen, "convert", SEED, "-o", out)
    assert converted.returncode == 0, converted.stderr
    assert out.stat().st_size > 0
    again = run(frozen, "convert", out, "-o", tmp_path / f"back{ending}.kopsavilkums.json")
    assert again.returncode == 0, again.stderr
    back = json.loads((tmp_path / f"back{ending}.kopsavilkums.json").read_text("utf-8"))["report"]
    assert back["performer"] == json.loads(SEED.read_text("utf-8"))["report"]["performer"]


def test_the_frozen_program_checks_latvian_spelling_with_its_own_hunspell(frozen, tmp_path):
    report = json.loads(COMPLETE.read_text("utf-8"))
    report["report"]["assessment"] = "Finansējums izlietots atbilstosi mērķiem."
    draft = tmp_path / "typo.kopsavilkums.json"
    draft.write_text(json.dumps(report, ensure_ascii=False), "utf-8")
    result = run(
        frozen, "--data-dir", tmp_path / "data", "validate", "--spelling", draft, env={"KOPSAVILKUMS_LANG": "en"}
    )
    assert result.returncode == 0, result.stderr  # a note, never an error
    assert "note: assessment: not in the dictionary: atbilstosi" in result.stderr


def test_the_frozen_program_reads_the_draft_its_pdf_carries(frozen, tmp_path):
    pdf = tmp_path / "seed.pdf"
    assert run(frozen, "pdf", SEED, "-o", pdf).returncode == 0
    back = tmp_path / "back.kopsavilkums.json"
    result = run(frozen, "convert", pdf, "-o", back)
    assert result.returncode == 0, result.stderr
    assert json.loads(back.read_text("utf-8")) == json.loads(SEED.read_text("utf-8"))
