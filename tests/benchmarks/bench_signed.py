"""Benchmark: reading a signed PDF against the same PDF unsigned, in one run (issue 18).

    python tests/benchmarks/bench_signed.py [--repeat 9]

Signs the seed's PDF with a key on a SoftHSM2 token (as the tests do; skipped without it) and
times, side by side: ``read_any`` in-process on the unsigned and the signed PDF (pyHanko
imported beforehand, so this is the checking alone), and the whole ``kopsavilkums convert``
process on each (start-up and pyHanko's import included: what a user waits for). The unsigned
PDF must cost what it did before signatures were recognised: pyHanko is imported only for a PDF
with a ``/ByteRange``. Prints a Markdown table: median and p95 in ms.
"""

from __future__ import annotations

import argparse
import math
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

TESTS = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(TESTS))


def timed(work: Callable[[], object], repeat: int) -> tuple[float, float]:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        work()
        times.append((time.perf_counter() - start) * 1000)
    times.sort()
    return statistics.median(times), times[min(len(times) - 1, math.ceil(0.95 * len(times)) - 1)]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=9)
    args = parser.parse_args()

    from conftest import SEED
    from kopsavilkums import exchange, signatures
    from kopsavilkums.convert.reading import read_any
    from kopsavilkums.convert.writing import format_by_key, render
    from signed import signing

    library = signing.softhsm_library()
    if library is None:
        sys.exit("SoftHSM2 is not installed (Debian: softhsm2)")
    folder = Path(tempfile.mkdtemp(prefix="bench-signed-"))
    ca = signing.TestCA()
    token = signing.Token(folder, library, ca)
    unsigned = render(exchange.read(SEED), format_by_key("pdf"))
    signed = signing.sign(unsigned, token.signer("Anna Ozola"))
    files = {"unsigned": folder / "unsigned.pdf", "signed": folder / "signed.pdf"}
    files["unsigned"].write_bytes(unsigned)
    files["signed"].write_bytes(signed)
    signatures.examine(signed)  # pyHanko imported: what follows is the reading and checking

    print("| what | median ms | p95 ms |")
    print("|---|---:|---:|")
    for name, data in (("unsigned", unsigned), ("signed", signed)):
        median, p95 = timed(lambda data=data: read_any(data), args.repeat)
        print(f"| read_any, {name} PDF, in-process | {median:.0f} | {p95:.0f} |")
    for name, path in files.items():
        out = folder / f"{name}.txt"
        command = [sys.executable, "-m", "kopsavilkums", "convert", str(path), "-o", str(out)]
        median, p95 = timed(lambda command=command: subprocess.run(command, capture_output=True), args.repeat)
        print(f"| `kopsavilkums convert` {name} PDF, whole process | {median:.0f} | {p95:.0f} |")
    token.close()


if __name__ == "__main__":
    main()
