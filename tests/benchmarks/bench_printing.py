"""Printing benchmark (issue 2): run side by side in one process run, not as a timed test.

    python tests/benchmarks/bench_printing.py [--rounds N]

1. In-process, warm: the seed example and a stress report (400 indicators, 12 budget years,
   a 300,000-character narrative, 25 objectives) → PDF bytes.
2. Whole process, cold: ``kopsavilkums pdf`` of the seed against LibreOffice converting the same
   content as HTML (``soffice --headless --infilter='HTML (StarWriter)' --convert-to
   pdf:writer_pdf_Export``), measured alternately so both see the same machine load.
"""

from __future__ import annotations

import argparse
import html
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from decimal import Decimal
from pathlib import Path

from kopsavilkums import exchange
from kopsavilkums.formats import format_money, format_period, format_year
from kopsavilkums.official import INDICATORS_SENTENCE, LABELS
from kopsavilkums.printing import render_pdf
from kopsavilkums.report import BudgetRow, Indicator, Objective, Period, Report

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "resources" / "examples" / "kurzemes-nvo-centrs-2019-2020.kopsavilkums.json"


def stress_report() -> Report:
    sentence = "Biedrība nodrošināja konsultācijas, seminārus un diskusijas; rezultāti apkopoti pārskatā. "
    narrative = (sentence * (300_000 // len(sentence) + 1))[:300_000]
    return Report(
        title="Stresa pārbaude: ļoti garš kopsavilkums",
        task="Uzdevums",
        performer='Biedrība "Stress"',
        period=Period(date(2014, 1, 1), date(2025, 12, 31)),
        introduction="Ievads.",
        objectives=[Objective(f"Mērķis numur {n}: " + sentence * 2) for n in range(25)],
        indicators=[Indicator(f"Rādītājs {n}: " + sentence, str(n), str(n + 1), "Piezīme.") for n in range(400)],
        assessment=narrative,
        budget=[BudgetRow(y, Decimal("12345.67"), Decimal("12000.00")) for y in range(2014, 2026)],
    )


def timed(fn, rounds: int) -> list[float]:
    out = []
    for _ in range(rounds):
        start = time.perf_counter()
        fn()
        out.append(time.perf_counter() - start)
    return out


def seed_html(report: Report) -> str:
    """The seed's content as the ministry's HTML table, for LibreOffice to convert."""
    e = html.escape
    desc = [f"<p>{e(report.introduction)}</p><ol>"] + [f"<li>{e(o.text)}</li>" for o in report.objectives]
    desc += [f"</ol><p>{e(INDICATORS_SENTENCE)}</p><ol>"] + [f"<li>{e(i.text)}</li>" for i in report.indicators]
    desc += [f"</ol><p>{e(report.assessment)}</p>"]
    budget = "<br>".join(f"{format_year(b.year)} {format_money(b.planned) if b.planned else ''}" for b in report.budget)
    rows = [
        (LABELS["task"], e(report.task)),
        (LABELS["performer"], e(report.performer)),
        (LABELS["period"], format_period(report.period.start, report.period.end)),
        (LABELS["description"], "".join(desc)),
        (LABELS["budget"], budget),
        (LABELS["irregular_expenditure"], "Nav"),
        (LABELS["unrecovered_amount"], "Nav"),
        (LABELS["other_information"], "Nav"),
    ]
    body = "".join(f"<tr><td>{e(label)}</td><td>{value}</td></tr>" for label, value in rows)
    return f'<html><head><meta charset="utf-8"></head><body><h3>{e(report.title)}</h3><table border="1">{body}</table></body></html>'


def summary(name: str, times: list[float]) -> str:
    times = sorted(times)
    p95 = times[min(len(times) - 1, round(0.95 * (len(times) - 1)))]
    return f"| {name} | {len(times)} | {statistics.median(times) * 1000:.1f} ms | {p95 * 1000:.1f} ms |"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=7)
    args = parser.parse_args()

    seed = exchange.read(SEED)
    stress = stress_report()
    render_pdf(seed)  # warm: fonts registered, modules imported
    print("| what | runs | median | p95 |\n|---|---|---|---|")
    print(summary("seed, in-process, warm", timed(lambda: render_pdf(seed), args.rounds * 3)))
    print(summary("stress report, in-process", timed(lambda: render_pdf(stress), max(3, args.rounds // 2))))
    pages = render_pdf(stress).count(b"/Type /Page\n")
    print(f"\n(stress report: {pages} pages)\n")

    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    with tempfile.TemporaryDirectory() as tmp:
        tmp_path = Path(tmp)
        ours = [sys.executable, "-m", "kopsavilkums", "pdf", str(SEED), "-o", str(tmp_path / "ours.pdf")]
        runs = {"kopsavilkums pdf (process)": ours}
        if soffice:
            (tmp_path / "seed.html").write_text(seed_html(seed), "utf-8")
            profile = (tmp_path / "lo-profile").as_uri()
            runs["LibreOffice HTML → PDF (process)"] = [
                soffice,
                f"-env:UserInstallation={profile}",
                "--headless",
                "--infilter=HTML (StarWriter)",
                "--convert-to",
                "pdf:writer_pdf_Export",
                "--outdir",
                str(tmp_path / "lo"),
                str(tmp_path / "seed.html"),
            ]
        else:
            print(
                "LibreOffice (soffice) not found: Debian package libreoffice-writer-nogui; process comparison skipped."
            )
        for command in runs.values():  # first start of each is not measured (profile creation)
            subprocess.run(command, check=True, capture_output=True)
        results: dict[str, list[float]] = {name: [] for name in runs}
        for _ in range(args.rounds):  # alternate so both see the same load
            for name, command in runs.items():
                start = time.perf_counter()
                subprocess.run(command, check=True, capture_output=True)
                results[name].append(time.perf_counter() - start)
        print("| whole process | runs | median | p95 |\n|---|---|---|---|")
        for name, times in results.items():
            print(summary(name, times))
        if len(results) == 2:
            a, b = (statistics.median(t) for t in results.values())
            print(f"\nLibreOffice / kopsavilkums = {b / a:.1f}×")


if __name__ == "__main__":
    main()
