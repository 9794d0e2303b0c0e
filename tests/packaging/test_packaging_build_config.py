"""The build's pieces agree with each other: one version, one program name, files that exist.

The Windows installer and the macOS bundle cannot be built here, so what can go stale in them
when something is renamed is checked by reading them.
"""

from __future__ import annotations

import re

import pytest
from packaging_support import APP_ID, PACKAGING, PROJECT_VERSION, ROOT, load_build_script

ISS = PACKAGING / "windows" / "kopsavilkums.iss"
SPEC = PACKAGING / "kopsavilkums.spec"


@pytest.fixture(scope="module")
def build():
    return load_build_script()


def test_the_build_reads_the_one_version(build):
    assert build.project_version() == PROJECT_VERSION


@pytest.mark.parametrize(
    ("version", "numbers"),
    [("0.1.0", (0, 1, 0, 0)), ("1.2", (1, 2, 0, 0)), ("2.0.1rc1", (2, 0, 1, 0)), ("1.2.3.4.5", (1, 2, 3, 4))],
)
def test_windows_gets_four_numbers_for_any_version(build, version, numbers):
    assert build.windows_version(version) == numbers


def test_a_version_without_numbers_is_refused(build):
    with pytest.raises(ValueError, match="does not start with a number"):
        build.windows_version("next")


def iss_define(name: str) -> str:
    return re.search(rf'#define {name} "([^"]*)"', ISS.read_text("utf-8")).group(1)


def test_the_installer_installs_the_folder_and_program_the_spec_makes(build):
    spec = SPEC.read_text("utf-8")
    name = re.search(r'^NAME = "(\w+)"', spec, re.M).group(1)
    assert name == build.NAME
    assert iss_define("DistDir").endswith(f"\\dist\\{name}")
    assert iss_define("AppExe") == f"{name}.exe"


def test_every_file_the_installer_names_exists():
    iss_folder = ISS.parent
    for relative in re.findall(r"^SetupIconFile=(.+)$", ISS.read_text("utf-8"), re.M):
        assert (iss_folder / relative.strip().replace("\\", "/")).is_file(), relative


def test_the_installer_opens_a_file_with_the_program_and_passes_its_path():
    text = ISS.read_text("utf-8")
    assert 'ValueData: """{app}\\{#AppExe}"" ""%1"""' in text
    assert "PrivilegesRequired=lowest" in text  # per user, no administrator


def test_the_macos_bundle_has_the_app_id_and_icon():
    spec = SPEC.read_text("utf-8")
    assert f'APP_ID = "{APP_ID}"' in spec and "bundle_identifier=APP_ID" in spec
    assert (ROOT / "resources" / "icons" / "kopsavilkums.icns").is_file()


def test_the_linux_tarball_carries_every_file_install_sh_copies(build):
    install = (PACKAGING / "linux" / "install.sh").read_text("utf-8")
    shipped = {path.name for path in build.share_files()}
    sizes = re.search(r'SIZES="([\d ]+)"', install).group(1).split()
    wanted = set()
    for name in re.findall(r'"\$HERE/share/([^"]+)"', install):
        name = name.replace("$APP_ID", APP_ID)
        wanted |= {name.replace("$size", size) for size in sizes} if "$size" in name else {name}
    assert len(wanted) == 3 + 1 + len(sizes)  # desktop, metainfo, MIME; SVG; PNGs
    assert wanted <= shipped
    assert all(path.is_file() for path in build.share_files())
