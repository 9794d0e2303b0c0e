"""``packaging/requirements.lock``, what dev.py and CI install from: every package pinned to one
version with its hashes, for each system and Python the project supports, and each pin within
what pyproject.toml asks for — so a dependency changed in pyproject.toml without updating the
lock (README, Set-up) fails here, naming it."""

from __future__ import annotations

import re
import tomllib
from itertools import product

import pytest
from packaging.markers import Marker
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name
from packaging.version import Version
from packaging_support import ROOT

LOCK = ROOT / "packaging" / "requirements.lock"
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))
PIN = re.compile(r"^([A-Za-z0-9._-]+)==([^\s;]+)\s*(?:;\s*(.+?))?\s*\\?$")

SYSTEMS = {
    "Linux": ("linux", "posix", "Linux"),
    "Windows": ("win32", "nt", "Windows"),
    "macOS": ("darwin", "posix", "Darwin"),
}
PYTHONS = ["3.11", "3.12", "3.13"]
ENVIRONMENTS = [
    pytest.param(
        {
            "sys_platform": platform,
            "os_name": os_name,
            "platform_system": system,
            "python_version": python,
            "python_full_version": f"{python}.0",
            "platform_python_implementation": "CPython",
            "implementation_name": "cpython",
            "platform_machine": "x86_64",
        },
        id=f"{name}-{python}",
    )
    for (name, (platform, os_name, system)), python in product(SYSTEMS.items(), PYTHONS)
]


def _pins() -> list[tuple[str, str, Marker | None, int]]:
    """(name, version, marker, number of hashes) for each entry of the lock."""
    lines, pins = LOCK.read_text("utf-8").splitlines(), []
    for i, line in enumerate(lines):
        if match := PIN.match(line):
            hashes = 0
            for following in lines[i + 1 :]:
                if not following.strip().startswith("--hash=sha256:"):
                    break
                hashes += 1
            marker = Marker(match[3]) if match[3] else None
            pins.append((canonicalize_name(match[1]), match[2], marker, hashes))
    return pins


def _installed_in(environment: dict) -> dict[str, str]:
    """What pip installs from the lock in ``environment``: name → version, one version a name."""
    chosen: dict[str, list[str]] = {}
    for name, version, marker, _ in _pins():
        if marker is None or marker.evaluate(environment):
            chosen.setdefault(name, []).append(version)
    assert all(len(versions) == 1 for versions in chosen.values()), chosen
    return {name: versions[0] for name, versions in chosen.items()}


def _asked_for() -> list[Requirement]:
    """Everything pyproject.toml asks for: the dependencies, every extra and the build backend."""
    lines = PYPROJECT["project"]["dependencies"] + PYPROJECT["build-system"]["requires"]
    for extra in PYPROJECT["project"]["optional-dependencies"].values():
        lines += extra
    return [Requirement(line) for line in lines]


def test_every_pin_has_its_hashes():
    pins = _pins()
    assert len(pins) > 30
    assert [name for name, _, _, hashes in pins if hashes == 0] == []


@pytest.mark.parametrize("environment", ENVIRONMENTS)
def test_the_lock_holds_what_pyproject_asks_for_within_its_bounds(environment):
    installed = _installed_in(environment)
    wrong = []
    for requirement in _asked_for():
        if requirement.marker is not None and not requirement.marker.evaluate(environment):
            continue
        version = installed.get(canonicalize_name(requirement.name))
        if version is None or not requirement.specifier.contains(version, prereleases=True):
            wrong.append(f"{requirement}: the lock has {version or 'nothing'}")
    assert wrong == [], "update packaging/requirements.lock (README, Set-up)"


@pytest.mark.parametrize("environment", ENVIRONMENTS)
def test_pyside6_s_wheels_are_of_one_version(environment):
    installed = _installed_in(environment)
    qt = {name: Version(v) for name, v in installed.items() if name.startswith(("pyside6", "shiboken6"))}
    assert {"pyside6-essentials", "pyside6-addons", "shiboken6"} <= set(qt)
    assert len({version.release[:3] for version in qt.values()}) == 1, qt
