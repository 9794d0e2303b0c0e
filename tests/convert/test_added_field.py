"""A field added to the field table alone — a one-line, a multi-line and an amount field, in the
header and in an official row — appears in the form and survives every format
(:mod:`added_fields`, run in a process of its own so that the fields are in the table before any
module of the program reads it). docs/architecture.md's *Adding a field* is this checklist."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

TESTS = Path(__file__).resolve().parents[1]


def run_with_added_fields(row: int) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "convert.added_fields", str(row)],
        cwd=TESTS,
        env=os.environ | {"QT_QPA_PLATFORM": "offscreen", "PYTHONDONTWRITEBYTECODE": "1"},
        capture_output=True,
        text=True,
        timeout=600,
    )


# Row 2 holds one line (the performer), row 5 a table, row 8 prints "Nav" when empty.
@pytest.mark.parametrize("row", [2, 5, 8])
def test_a_field_added_to_the_table_alone_is_in_the_form_and_survives_every_format(row):
    done = run_with_added_fields(row)
    assert done.returncode == 0, f"fields added to the header and row {row}:\n{done.stdout}{done.stderr[-3000:]}"
