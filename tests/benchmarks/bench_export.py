"""Export benchmark (issue 11): run by hand, side by side with the PDF as the baseline in one run.

    python tests/benchmarks/bench_export.py [--rounds N]

The seed example and the stress report of bench_printing.py (400 indicators, 12 budget years, a
300,000-character narrative, 25 objectives) → PDF (baseline), Word, web page, published text,
alternating per round so every format sees the same machine load; then reading our own Word file
and web page back. Prints medians, p95 and the sizes.
"""

from __future__ import annotations

import argparse
import statistics
import time

from bench_printing import SEED, stress_report  # beside this file: run as a script

from kopsavilkums import exchange
from kopsavilkums.convert.own.web_page import read_own_html
from kopsavilkums.convert.own.word import read_own_docx
from kopsavilkums.convert.writers.text import published_text
from kopsavilkums.convert.writers.web_page import html_page
from kopsavilkums.convert.writers.word import docx_bytes
from kopsavilkums.printing import render_pdf


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=7)
    args = parser.parse_args()
    reports = {"seed": exchange.read(SEED), "stress": stress_report()}
    for name, report in reports.items():
        outputs = {
            "PDF (baseline)": lambda r=report: render_pdf(r),
            "Word .docx": lambda r=report: docx_bytes(r),
            "web page .html": lambda r=report: html_page(r).encode("utf-8"),
            "published text .txt": lambda r=report: published_text(r).encode("utf-8"),
        }
        data = {what: make() for what, make in outputs.items()}  # warm, and the sizes
        reads = {
            "read back .docx": lambda d=data["Word .docx"]: read_own_docx(d),
            "read back .html": lambda d=data["web page .html"]: read_own_html(d),
        }
        times: dict[str, list[float]] = {what: [] for what in (*outputs, *reads)}
        rounds = args.rounds * (3 if name == "seed" else 1)
        for _ in range(rounds):
            for what, run in (*outputs.items(), *reads.items()):
                start = time.perf_counter()
                run()
                times[what].append(time.perf_counter() - start)
        print(f"\n{name}: {rounds} rounds\n\n| what | median | p95 | size |\n|---|---|---|---|")
        for what, values in times.items():
            values.sort()
            p95 = values[min(len(values) - 1, round(0.95 * (len(values) - 1)))]
            size = f"{len(data[what]) // 1024:,} KB" if what in data else ""
            print(f"| {what} | {statistics.median(values) * 1000:.1f} ms | {p95 * 1000:.1f} ms | {size} |")


if __name__ == "__main__":
    main()
