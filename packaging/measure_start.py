"""Measure how fast the frozen program starts beside the same code run from source.

    python packaging/measure_start.py dist/kopsavilkums [--runs 11]

"Window" is the whole process: start, open a new store, show the window, close it on the first
turn of the event loop (``KOPSAVILKUMS_QUIT_AFTER_MS=0``, offscreen); each run on a fresh data
folder. "--version" is the whole process too. Prints the median and the worst run, and the
frozen folder's size.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

LAUNCHER = Path(__file__).resolve().parent / "launcher.py"


def timed(command: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, env=env, check=True, capture_output=True)
    return time.perf_counter() - start


def measure(command: list[str], runs: int) -> dict[str, tuple[float, float]]:
    results = {}
    with tempfile.TemporaryDirectory() as folder:
        base = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
        window = [
            timed([*command, "--data-dir", str(Path(folder, f"data{n}"))], {**base, "KOPSAVILKUMS_QUIT_AFTER_MS": "0"})
            for n in range(runs)
        ]
        version = [timed([*command, "--version"], base) for _ in range(runs)]
    for name, times in (("window", window), ("--version", version)):
        results[name] = (statistics.median(times), max(times))
    return results


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("frozen", type=Path, help="the one-folder build, e.g. dist/kopsavilkums")
    parser.add_argument("--runs", type=int, default=11)
    args = parser.parse_args()

    program = args.frozen / ("kopsavilkums.exe" if os.name == "nt" else "kopsavilkums")
    size = sum(p.stat().st_size for p in args.frozen.rglob("*") if p.is_file() and not p.is_symlink())
    print(f"frozen folder: {size / 2**20:.0f} MiB")
    for label, command in (("frozen", [str(program)]), ("source", [sys.executable, str(LAUNCHER)])):
        for name, (median, worst) in measure(command, args.runs).items():
            print(f"{label:7} {name:10} median {median * 1000:5.0f} ms   worst {worst * 1000:5.0f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
