"""``python3 packaging/dev.py``: it installs from the lock file (exact versions with hashes, then
the project without resolving anything more), again only when the lock or pyproject.toml changed;
``test`` runs the gates (ruff, ruff format, mypy) first, then the whole suite; with pytest
arguments only pytest. Run here on a copy of dev.py beside a copy of the lock, against a stand-in
for the venv's Python that notes each command it is given, so nothing is installed and no real
tool runs."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

import pytest
from packaging_support import ROOT

pytestmark = pytest.mark.skipif(os.name != "posix", reason="the stand-in Python is a shell script")

STAND_IN = """#!/bin/sh
echo "$*" >> "$DEV_LOG"
if [ -n "$DEV_FAIL" ]; then
  case "$*" in *"$DEV_FAIL"*) echo "$DEV_FAIL found a problem"; exit 1;; esac
fi
exit 0
"""
GATES = [
    "-m ruff check src tests packaging",
    "-m ruff format --check src tests packaging",
    "-m mypy",
]
PIP = "-m pip install --disable-pip-version-check -q"
INSTALL = [
    f"{PIP} --require-hashes -r {{repo}}/packaging/requirements.lock",
    f"{PIP} --no-deps --no-build-isolation -e .",
    "-m pip check --disable-pip-version-check",
]


@pytest.fixture
def repo(tmp_path):
    """dev.py, pyproject.toml and the lock, as in a checkout."""
    (tmp_path / "repo" / "packaging").mkdir(parents=True)
    for name in ("packaging/dev.py", "packaging/requirements.lock", "pyproject.toml"):
        shutil.copy(ROOT / name, tmp_path / "repo" / name)
    return tmp_path / "repo"


def dev(repo, command: str, *arguments: str, fail: str = "") -> tuple[subprocess.CompletedProcess, list[str]]:
    venv = repo.parent / "venv"
    python = venv / "bin" / "python"
    if not python.exists():
        python.parent.mkdir(parents=True)
        python.write_text(STAND_IN)
        python.chmod(0o755)
    log = repo.parent / "commands.log"
    log.write_text("")
    env = {**os.environ, "KOPSAVILKUMS_VENV": str(venv), "DEV_LOG": str(log), "DEV_FAIL": fail}
    result = subprocess.run(
        [sys.executable, str(repo / "packaging" / "dev.py"), command, *arguments],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    return result, log.read_text().replace(str(repo), "{repo}").splitlines()


def dev_test(repo, *arguments: str, fail: str = "") -> tuple[subprocess.CompletedProcess, list[str]]:
    """The commands of ``dev.py test`` after installing (installed first, so that it is done)."""
    dev(repo, "test", "--version")
    return dev(repo, "test", *arguments, fail=fail)


@pytest.mark.parametrize("command", ["run", "test"])
def test_the_first_run_installs_the_lock_with_hashes_and_then_only_the_project(repo, command):
    result, commands = dev(repo, command, "--version")
    assert result.returncode == 0, result.stderr
    assert commands[:3] == INSTALL
    assert commands[3:] == [f"-m {'kopsavilkums' if command == 'run' else 'pytest'} --version"]


def test_a_second_run_installs_nothing_and_a_changed_lock_installs_again(repo):
    assert dev(repo, "run", "--version")[1][:3] == INSTALL
    assert dev(repo, "test", "--version")[1] == ["-m pytest --version"]  # run and test share one install
    lock = repo / "packaging" / "requirements.lock"
    lock.write_text(lock.read_text().replace("tinydb==4.", "tinydb==4.0", 1))
    assert dev(repo, "run", "--version")[1][:3] == INSTALL
    (repo / "pyproject.toml").write_text((repo / "pyproject.toml").read_text() + "\n")
    assert dev(repo, "run", "--version")[1][:3] == INSTALL


@pytest.mark.parametrize("step", ["--require-hashes", "-m pip check"])
def test_a_failed_install_stops_before_anything_runs_and_says_how_to_update_the_lock(repo, step):
    result, commands = dev(repo, "test", fail=step)
    assert result.returncode != 0
    assert "update the lock" in result.stderr and "README" in result.stderr
    assert not any(c.startswith(("-m ruff", "-m mypy", "-m pytest")) for c in commands)
    result, commands = dev(repo, "test", "--version")  # nothing was noted as installed: it tries again
    assert commands[:3] == INSTALL


def test_without_arguments_the_gates_run_before_the_whole_suite(repo):
    result, commands = dev_test(repo)
    assert result.returncode == 0, result.stderr
    assert commands == [*GATES, "-m pytest"]


@pytest.mark.parametrize("failing", ["ruff check", "ruff format", "mypy"])
def test_a_failing_gate_fails_the_command_with_its_output_and_the_tests_do_not_run(repo, failing):
    result, commands = dev_test(repo, fail=failing)
    assert result.returncode == 1
    assert f"{failing} found a problem" in result.stdout  # the tool's own output is shown
    assert failing in result.stderr and "not run" in result.stderr
    assert commands == GATES  # every gate still runs, so one run shows every problem


def test_with_pytest_arguments_only_pytest_runs(repo):
    result, commands = dev_test(repo, "tests/test_formats.py", "-k", "amount")
    assert result.returncode == 0, result.stderr
    assert commands == ["-m pytest tests/test_formats.py -k amount"]
