"""One-command set-up for developers and CI: ``run`` starts the program, ``test`` runs the tests.

Both create ``.venv`` beside ``pyproject.toml`` when it is missing and install into it from the
lock file, ``packaging/requirements.lock``: exact versions with their hashes (``pip install
--require-hashes``), for every platform and Python the project supports, then the project itself
(editable, ``--no-deps``: everything it needs is in the lock). They install again only when the
lock file or ``pyproject.toml`` changed since the last install, so a second run starts at once.
Works the same on Windows, macOS and Linux; needs only Python ≥ 3.11. The README says how to
update the lock.

    python3 packaging/dev.py run [kopsavilkums arguments…]
    python3 packaging/dev.py test [pytest arguments…]

``test`` alone is what CI runs: first the gates — ``ruff check``, ``ruff format --check`` (on
src, tests and packaging) and ``mypy`` (configured in pyproject.toml) — then the whole pytest
suite. Each gate's own output is shown; if any gate fails, the tests are not run and the exit
status is 1. ``.venv/bin/ruff format src tests packaging`` (Windows: ``.venv\\Scripts\\ruff``) fixes what
the format gate reports.

``test`` with pytest arguments (``test tests/test_x.py -k y``, ``test -q``) runs only pytest
with them, so a quick run while working stays quick.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENV = Path(os.environ.get("KOPSAVILKUMS_VENV", ROOT / ".venv"))
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PYTHON = BIN / ("python.exe" if os.name == "nt" else "python")


LOCK = ROOT / "packaging" / "requirements.lock"
PIP = ["-m", "pip", "install", "--disable-pip-version-check", "-q"]


def _ensure() -> None:
    if sys.version_info < (3, 11):  # noqa: UP036 - dev.py itself may run on an older Python
        sys.exit("Kopsavilkums needs Python 3.11 or newer.")
    if not PYTHON.exists():
        print(f"Creating {VENV} …", flush=True)
        venv.EnvBuilder(with_pip=True).create(VENV)
    # Install again only when what is installed could differ: a second run starts at once.
    digest = hashlib.sha256(LOCK.read_bytes() + (ROOT / "pyproject.toml").read_bytes()).hexdigest()
    stamp = VENV / ".kopsavilkums-installed.stamp"
    if stamp.exists() and stamp.read_text() == digest:
        return
    print(f"Installing {LOCK.relative_to(ROOT).as_posix()} and Kopsavilkums into {VENV} …", flush=True)
    steps = {
        "the locked packages": [*PIP, "--require-hashes", "-r", str(LOCK)],
        # The lock holds the build backend too: the project's own install fetches nothing unpinned.
        "Kopsavilkums": [*PIP, "--no-deps", "--no-build-isolation", "-e", "."],
        # A dependency added to pyproject.toml but not to the lock is named here, not at run time.
        "the check that the lock holds all it needs": ["-m", "pip", "check", "--disable-pip-version-check"],
    }
    for what, arguments in steps.items():
        if subprocess.call([str(PYTHON), *arguments], cwd=ROOT) != 0:
            sys.exit(
                f"Installing {what} into {VENV} failed; if pyproject.toml changed, update the lock (README, Set-up)."
            )
    stamp.write_text(digest)


# Run with the venv's Python (``-m``), so the same lines work on Windows, where the tools are .exe.
GATES = [
    ("ruff check", ["-m", "ruff", "check", "src", "tests", "packaging"]),
    ("ruff format", ["-m", "ruff", "format", "--check", "src", "tests", "packaging"]),
    ("mypy", ["-m", "mypy"]),
]


def _gates() -> list[str]:
    """Run every gate (all of them, so one run shows every problem); the names of those that failed."""
    failed = []
    for name, arguments in GATES:
        print(f"== {name}", flush=True)
        if subprocess.call([str(PYTHON), *arguments], cwd=ROOT) != 0:
            failed.append(name)
    return failed


def main(argv: list[str]) -> int:
    if not argv or argv[0] not in {"run", "test"}:
        print(__doc__)
        return 2
    command, rest = argv[0], argv[1:]
    _ensure()
    if command == "run":
        return subprocess.call([str(PYTHON), "-m", "kopsavilkums", *rest], cwd=ROOT)
    if not rest:
        failed = _gates()
        if failed:
            print(f"== failed: {', '.join(failed)}; the tests were not run", file=sys.stderr, flush=True)
            return 1
        print("== pytest", flush=True)
    return subprocess.call([str(PYTHON), "-m", "pytest", *rest], cwd=ROOT)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
