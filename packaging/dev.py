"""One-command set-up for developers and CI: ``run`` starts the program, ``test`` runs the tests.

Both create ``.venv`` beside ``pyproject.toml`` when it is missing, install the project into it
(editable, with the ``test`` extra for ``test``) when ``pyproject.toml`` changed since the last
install, and then run.  Works the same on Windows, macOS and Linux; needs only Python ≥ 3.11.

    python3 packaging/dev.py run [kopsavilkums arguments…]
    python3 packaging/dev.py test [pytest arguments…]
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


def _ensure(extra: str) -> None:
    if sys.version_info < (3, 11):  # noqa: UP036 - dev.py itself may run on an older Python
        sys.exit("Kopsavilkums needs Python 3.11 or newer.")
    if not PYTHON.exists():
        print(f"Creating {VENV} …", flush=True)
        venv.EnvBuilder(with_pip=True).create(VENV)
    # Reinstall only when the dependency list changed: a second run starts at once.
    digest = hashlib.sha256((ROOT / "pyproject.toml").read_bytes() + extra.encode()).hexdigest()
    stamp = VENV / f".kopsavilkums-{extra or 'app'}.stamp"
    if stamp.exists() and stamp.read_text() == digest:
        return
    target = f".[{extra}]" if extra else "."
    print(f"Installing Kopsavilkums {target} into {VENV} …", flush=True)
    subprocess.run(
        [str(PYTHON), "-m", "pip", "install", "--disable-pip-version-check", "-q", "-e", target],
        cwd=ROOT,
        check=True,
    )
    stamp.write_text(digest)


def main(argv: list[str]) -> int:
    if not argv or argv[0] not in {"run", "test"}:
        print(__doc__)
        return 2
    command, rest = argv[0], argv[1:]
    if command == "run":
        _ensure("")
        return subprocess.call([str(PYTHON), "-m", "kopsavilkums", *rest], cwd=ROOT)
    _ensure("test")
    return subprocess.call([str(PYTHON), "-m", "pytest", *rest], cwd=ROOT)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
