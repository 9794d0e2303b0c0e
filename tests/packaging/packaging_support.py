"""Shared by the packaging tests: where the packaging files are, and the build script as a module.

(No ``__init__.py`` in this folder on purpose: a package named ``packaging`` would shadow the
PyPI ``packaging`` library that pytest and pip import.)
"""

from __future__ import annotations

import importlib.util
import shutil
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PACKAGING = ROOT / "packaging"
LINUX = PACKAGING / "linux"
ICONS = ROOT / "resources" / "icons"
APP_ID = "lv.kopsavilkums.Kopsavilkums"
PROJECT_VERSION = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]["version"]


def load_build_script():
    spec = importlib.util.spec_from_file_location("kopsavilkums_build", PACKAGING / "build.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def needs_tool(name: str, package: str):
    """Skip, naming the Debian package, when a command-line tool is absent."""
    return pytest.mark.skipif(shutil.which(name) is None, reason=f"{name} is not installed (Debian package {package})")
