"""The Linux desktop files pass the freedesktop validators and do what a desktop needs of them."""

from __future__ import annotations

import os
import re
import subprocess
import xml.etree.ElementTree as ET

from packaging_support import APP_ID, LINUX, PROJECT_VERSION, needs_tool

DESKTOP = LINUX / f"{APP_ID}.desktop"
METAINFO = LINUX / f"{APP_ID}.metainfo.xml"
MIME = LINUX / f"{APP_ID}.mime.xml"
MIME_TYPE = "application/x-kopsavilkums+json"


def desktop_entry() -> dict[str, str]:
    lines = DESKTOP.read_text("utf-8").splitlines()
    return dict(line.split("=", 1) for line in lines if "=" in line and not line.startswith("#"))


@needs_tool("desktop-file-validate", "desktop-file-utils")
def test_the_desktop_entry_is_valid():
    result = subprocess.run(["desktop-file-validate", str(DESKTOP)], capture_output=True, text=True)
    assert result.returncode == 0 and result.stdout.strip() == "", result.stdout


@needs_tool("appstreamcli", "appstream")
def test_the_appstream_metainfo_is_valid():
    result = subprocess.run(["appstreamcli", "validate", "--no-net", str(METAINFO)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_menu_entry_passes_the_file_and_claims_the_draft_type():
    entry = desktop_entry()
    assert entry["Exec"] == "kopsavilkums %f"  # one file per start, as the command line takes it
    assert entry["Icon"] == APP_ID
    assert MIME_TYPE in entry["MimeType"].split(";")


def test_the_metainfo_names_the_menu_entry_and_the_current_version():
    root = ET.parse(METAINFO).getroot()
    assert root.findtext("id") == APP_ID
    assert root.find("launchable").text == DESKTOP.name
    assert root.find("provides/mediatype").text == MIME_TYPE
    # The newest release listed is the version being built (pyproject.toml): software centres show it.
    assert root.find("releases/release").get("version") == PROJECT_VERSION


@needs_tool("update-mime-database", "shared-mime-info")
@needs_tool("gio", "libglib2.0-bin")
def test_a_draft_file_is_recognised_and_other_json_is_not(tmp_path):
    """Install the MIME type into a private data folder and ask GLib what files are."""
    packages = tmp_path / "share" / "mime" / "packages"
    packages.mkdir(parents=True)
    (packages / f"{APP_ID}.xml").write_bytes(MIME.read_bytes())
    subprocess.run(["update-mime-database", str(tmp_path / "share" / "mime")], check=True, capture_output=True)
    draft, other = tmp_path / "Atskaite 2020.kopsavilkums.json", tmp_path / "package.json"
    draft.write_text('{"format": "kopsavilkums", "version": 1, "report": {}}', "utf-8")
    other.write_text("{}", "utf-8")
    env = {**os.environ, "XDG_DATA_HOME": str(tmp_path / "share"), "XDG_DATA_DIRS": f"{tmp_path / 'share'}:/usr/share"}

    def content_type(path):
        out = subprocess.run(
            ["gio", "info", "-a", "standard::content-type", str(path)],
            capture_output=True,
            text=True,
            env=env,
            check=True,
        ).stdout
        return re.search(r"standard::content-type: (\S+)", out).group(1)

    assert content_type(draft) == MIME_TYPE
    assert content_type(other) != MIME_TYPE
