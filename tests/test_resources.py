"""Shipped files are found the same way from the source tree and from an installed wheel."""

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from kopsavilkums.resources import resource_path

ROOT = Path(__file__).resolve().parent.parent


def test_fonts_licence_and_examples_are_found_from_the_source_tree():
    assert resource_path("fonts", "LiberationSerif-Regular.ttf").is_file()
    assert resource_path("fonts", "LiberationSerif-Bold.ttf").is_file()
    assert "SIL Open Font License" in resource_path("fonts", "LICENSE-LiberationFonts.txt").read_text("utf-8")
    assert len(list(resource_path("examples").glob("*.kopsavilkums.json"))) >= 2


@pytest.mark.slow
def test_an_installed_wheel_carries_and_finds_its_resources(tmp_path):
    built = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(tmp_path), str(ROOT)],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert built.returncode == 0, built.stderr
    wheel = next(tmp_path.glob("kopsavilkums-*.whl"))
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "kopsavilkums/resources/fonts/LiberationSerif-Regular.ttf" in names
    assert "kopsavilkums/resources/fonts/LICENSE-LiberationFonts.txt" in names
    assert "kopsavilkums/_version.py" in names
    assert any(n.startswith("kopsavilkums/resources/examples/") for n in names)
    site = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(site)
    probe = "import kopsavilkums.resources as r; print(r.resources_root())"
    # -I: isolated, so the editable install of the source tree is not on the path.
    found = subprocess.run(
        [sys.executable, "-I", "-c", f"import sys; sys.path.insert(0, {str(site)!r}); {probe}"],
        capture_output=True,
        text=True,
    )
    assert found.returncode == 0, found.stderr
    assert Path(found.stdout.strip()) == site / "kopsavilkums" / "resources"
