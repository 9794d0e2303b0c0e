"""The tests' other user can run the program wherever the repository lies: from the copy that
``restricted`` makes when the repository's venv is out of that user's reach (a clone in a
``mktemp -d`` folder, or in a home directory of mode 0750). CI's clone may be open to all, where
the copy is not needed, so it is tried here whatever the repository's folder."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from kopsavilkums import __version__
from restricted import program_copy_for_other_user, shared_folder

pytestmark = pytest.mark.skipif(os.name != "posix" or os.geteuid() != 0, reason="playing another user needs root")

EXAMPLE = (
    Path(__file__).resolve().parent.parent
    / "resources"
    / "examples"
    / "kurzemes-nvo-centrs-2019-2020.kopsavilkums.json"
)


def test_the_other_user_prints_a_draft_with_the_copy_of_the_program():
    other = program_copy_for_other_user()
    with shared_folder() as folder:
        (folder / "theirs").mkdir()
        (folder / "theirs").chmod(0o777)
        draft = folder / "draft.kopsavilkums.json"
        draft.write_bytes(EXAMPLE.read_bytes())
        draft.chmod(0o644)

        def run(*arguments):
            return subprocess.run(
                [*other.command, "-m", "kopsavilkums", *map(str, arguments)],
                capture_output=True,
                text=True,
                timeout=120,
                cwd="/",
                env={"PATH": "/usr/bin:/bin", "KOPSAVILKUMS_LANG": "en", **other.env},
                **other.ids,
            )

        assert run("--version").stdout == f"Kopsavilkums {__version__}\n"
        printed = run("pdf", draft, "-o", folder / "theirs" / "x.pdf")
        assert printed.returncode == 0, printed.stderr  # its fonts and libraries were all readable
        assert (folder / "theirs" / "x.pdf").read_bytes().startswith(b"%PDF-")
        assert (folder / "theirs" / "x.pdf").stat().st_uid != 0  # written by the other user


def test_the_copy_leaves_qt_out():
    site = Path(program_copy_for_other_user().env["PYTHONPATH"].split(os.pathsep)[-1])
    assert (site / "reportlab").is_dir() and (site / "lxml").is_dir()
    assert not [p.name for p in site.iterdir() if p.name.lower().startswith(("pyside6", "shiboken6"))]
