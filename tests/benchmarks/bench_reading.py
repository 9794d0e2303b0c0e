"""Benchmark: reading a published summary of about 1 MB, against the bare parser, in the same run.

    python tests/benchmarks/bench_reading.py [--repeat 15]

Builds a 1 MB summary from the seed (its narrative carrying several thousand indicators on one
line, as the published pages run them, with years, dates and clause numbers in every item) in
three shapes — copied text, a saved web page, a Word file — and times ``read_any`` on each, end
to end (recognising, parsing, finding the table, splitting the narrative, building the report).
The baselines are what no reader can do without: for text, decoding and splitting the lines;
for the page, lxml parsing it and taking its text; for the Word file, python-docx opening it.
Prints a Markdown table: median and p95 in ms, and our time over the baseline's.

Target (issue 11): a 1 MB text or web page reads in well under a second.
"""

from __future__ import annotations

import argparse
import io
import math
import re
import statistics
import time
from collections.abc import Callable
from pathlib import Path

import docx
from lxml import html as lxml_html

from kopsavilkums.convert.reading import read_any

SEED = Path(__file__).resolve().parents[1] / "convert" / "samples" / "kurzemes-nvo-centrs-published.txt"


def one_megabyte_text() -> str:
    lines = SEED.read_text("utf-8").split("\n")
    items = " ".join(
        f"{n}) Notika pasākums nr. {n} 2019. gada 12. augustā ar 25 dalībniekiem, kā paredzēts līguma 5.3. punktā."
        for n in range(1, 9001)
    )
    marker = '<ol style="list-style-type: none"> 1) Tika'
    out = []
    for line in lines:
        if line.startswith("Apraksts"):
            line = line.replace(marker, f'<ol style="list-style-type: none"> {items} 9001) Tika', 1)
        out.append(line)
    return "\n".join(out)


def as_page(text: str) -> str:
    rows = "".join(
        f"<tr><td>{cells[0]}</td><td>{' '.join(cells[1:])}</td></tr>"
        for line in text.split("\n")
        if "\t" in line and (cells := line.split("\t"))
    )
    return f"<!DOCTYPE html><html><body><nav><a href='/'>Sākums</a></nav><table>{rows}</table></body></html>"


def as_word(text: str) -> bytes:
    """The same rows in a two-column Word table (no HTML in Word: each <p> and <ol> a paragraph)."""
    document = docx.Document()
    table = document.add_table(rows=0, cols=2)
    for line in text.split("\n"):
        if "\t" in line and line.split("\t")[0].strip():
            label, *values = line.split("\t")
            row = table.add_row()
            row.cells[0].text = label
            cell = row.cells[1]
            paragraphs = [p.strip() for p in re.split(r"<[^>]*>", " ".join(values)) if p.strip()]
            cell.text = paragraphs[0] if paragraphs else ""
            for paragraph in paragraphs[1:]:
                cell.add_paragraph(paragraph)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def timed(action: Callable[[], object], repeat: int) -> list[float]:
    action()  # warm up: imports, caches
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        times.append((time.perf_counter() - start) * 1000)
    return times


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, math.ceil(0.95 * len(ordered)) - 1)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeat", type=int, default=15)
    args = parser.parse_args()
    text = one_megabyte_text()
    inputs = {
        "copied text": (text.encode(), lambda data: data.decode("utf-8").split("\n")),
        "saved web page": (as_page(text).encode(), lambda data: lxml_html.document_fromstring(data).text_content()),
        "Word file": (as_word(text), lambda data: docx.Document(io.BytesIO(data))),
    }
    print("| input | size | read_any median | p95 | baseline median | p95 | ours / baseline |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    for name, (data, baseline) in inputs.items():
        imported = read_any(data)
        assert len(imported.report.indicators) == 9001, len(imported.report.indicators)
        ours = timed(lambda data=data: read_any(data), args.repeat)
        base = timed(lambda data=data, baseline=baseline: baseline(data), args.repeat)
        print(
            f"| {name} | {len(data) / 2**20:.2f} MB | {statistics.median(ours):.0f} ms | {p95(ours):.0f} ms | "
            f"{statistics.median(base):.0f} ms | {p95(base):.0f} ms | "
            f"{statistics.median(ours) / statistics.median(base):.1f}× |"
        )


if __name__ == "__main__":
    main()
