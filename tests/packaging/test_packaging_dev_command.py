"""``python3 packaging/dev.py test``: the gates (ruff, ruff format, mypy) first, then the whole
suite; with pytest arguments only pytest. Run here against a stand-in for the venv's Python that
notes each command it is given, so nothing is installed and no real tool runs."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from packaging_support import PACKAGING

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


def dev_test(tmp_path, *arguments: str, fail: str = "") -> tuple[subprocess.CompletedProcess, list[str]]:
    venv = tmp_path / "venv"
    python = venv / "bin" / "python"
    if not python.exists():
        python.parent.mkdir(parents=True)
        python.write_text(STAND_IN)
        python.chmod(0o755)
    log = tmp_path / "commands.log"
    log.write_text("")
    env = {**os.environ, "KOPSAVILKUMS_VENV": str(venv), "DEV_LOG": str(log), "DEV_FAIL": fail}
    result = subprocess.run(
        [sys.executable, str(PACKAGING / "dev.py"), "test", *arguments],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    commands = [line for line in log.read_text().splitlines() if not line.startswith("-m pip ")]
    return result, commands


def test_without_arguments_the_gates_run_before_the_whole_suite(tmp_path):
    result, commands = dev_test(tmp_path)
    assert result.returncode == 0, result.stderr
    assert commands == [*GATES, "-m pytest"]


@pytest.mark.parametrize("failing", ["ruff check", "ruff format", "mypy"])
def test_a_failing_gate_fails_the_command_with_its_output_and_the_tests_do_not_run(tmp_path, failing):
    result, commands = dev_test(tmp_path, fail=failing)
    assert result.returncode == 1
    assert f"{failing} found a problem" in result.stdout  # the tool's own output is shown
    assert failing in result.stderr and "not run" in result.stderr
    assert commands == GATES  # every gate still runs, so one run shows every problem


def test_with_pytest_arguments_only_pytest_runs(tmp_path):
    result, commands = dev_test(tmp_path, "tests/test_formats.py", "-k", "amount")
    assert result.returncode == 0, result.stderr
    assert commands == ["-m pytest tests/test_formats.py -k amount"]
