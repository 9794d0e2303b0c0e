"""Printing benchmark (issue 2): run side by side in one process run, not as a timed test.

    python tests/benchmarks/bench_printing.py [--rounds N]

1. In-process, warm: the seed example and a stress report (400 indicators, 12 budget years,
   a 300,000-character narrative, 25 objectives) → PDF bytes.
2. In-process, alternating: an introduction that is one 1,000,000-character word (a pasted
   base64 blob) against the same amount of ordinary words; each also in a fresh process for its
   peak memory. And a report with Cyrillic, Arabic, Hebrew and Chinese names (fallback faces).
3. Which characters print as □ (``kopsavilkums.glyphs``): a 300,000-character text, and the
   first call in a fresh process against what it replaced (importing ReportLab and parsing the
   two Liberation faces). Importing ReportLab as printing does (``printing.lean_import``) against
   a plain import.
4. Whole process, cold: ``kopsavilkums pdf`` of the seed against LibreOffice converting the same
   content as HTML (``soffice --headless --infilter='HTML (StarWriter)' --convert-to
   pdf:writer_pdf_Export``), measured alternately so both see the same machine load.
"""

from __future__ import annotations

import argparse
import base64
import html
import random
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
from kopsavilkums.glyphs import unprintable
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


def long_word_report(kind: str, length: int = 1_000_000) -> Report:
    """The seed with an introduction of ``length`` characters: one word (a pasted base64 blob),
    or the same characters as ordinary words (every 9th a space), so both fill the same pages."""
    report = exchange.read(SEED)
    blob = base64.b64encode(random.Random(1).randbytes(length)).decode()[:length]
    if kind == "words":
        blob = " ".join(blob[i : i + 8] for i in range(0, length, 9))[:length]
    report.introduction = blob
    return report


def multi_script_report() -> Report:
    report = exchange.read(SEED)
    report.performer = "Biedrība „Ахмед, محمد, דוד, 王芳”"
    report.introduction = "Piedalījās Ахмед Исмаилов, محمد علي, שרה כהן (ירושלים) un 王芳. " + report.introduction
    return report


_PEAK = """
import resource, sys, time
sys.path.insert(0, sys.argv[1])
from bench_printing import long_word_report
from kopsavilkums.printing import render_pdf
report = long_word_report(sys.argv[2])
start = time.perf_counter()
render_pdf(report)
try:  # this process's own peak: ru_maxrss would include the parent's, inherited through exec
    peak = next(int(line.split()[1]) for line in open("/proc/self/status") if line.startswith("VmHWM:"))
except OSError:
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(time.perf_counter() - start, peak / 1024)
"""


def fresh_process(kind: str) -> tuple[float, float]:
    """Seconds and peak resident megabytes of one render in a new process (Linux: VmHWM)."""
    out = subprocess.run(
        [sys.executable, "-c", _PEAK, str(Path(__file__).parent), kind], capture_output=True, text=True, check=True
    )
    seconds, megabytes = out.stdout.split()
    return float(seconds), float(megabytes)


#: Importing ReportLab's platypus as printing does (Pillow's image code loaded lazily, the unused
#: link pattern compiled on first use) against a plain import, each in a fresh process.
_IMPORTS = {
    "import reportlab.platypus, plain": "import kopsavilkums.printing.lean_import, reportlab.platypus",
    "the same through printing.lean_import": (
        "from kopsavilkums.printing.lean_import import import_reportlab; import_reportlab()"
    ),
}

_FIRST_CHECK = {
    "kopsavilkums.glyphs.unprintable, first call": "from kopsavilkums.glyphs import unprintable; unprintable('Prieks 😀')",
    "before: import ReportLab, parse both Liberation faces": (
        "from reportlab.pdfbase.ttfonts import TTFont; from kopsavilkums.resources import resource_path; "
        "[TTFont(f, str(resource_path('fonts', f))) for f in ('LiberationSerif-Regular.ttf', 'LiberationSerif-Bold.ttf')]"
    ),
}


def first_check(code: str) -> float:
    out = subprocess.run(
        [sys.executable, "-c", f"import time; t = time.perf_counter(); {code}; print(time.perf_counter() - t)"],
        capture_output=True,
        text=True,
        check=True,
    )
    return float(out.stdout)


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

    word, words, multi = long_word_report("word"), long_word_report("words"), multi_script_report()
    render_pdf(multi)  # warm: the fallback faces parsed
    results: dict[str, list[float]] = {"one 1,000,000-character word": [], "1,000,000 characters of words": []}
    for _ in range(max(3, args.rounds // 2)):  # alternate so both see the same load
        results["one 1,000,000-character word"] += timed(lambda: render_pdf(word), 1)
        results["1,000,000 characters of words"] += timed(lambda: render_pdf(words), 1)
    print("| introduction, in-process | runs | median | p95 |\n|---|---|---|---|")
    for name, times in results.items():
        print(summary(name, times))
    for kind, name in (("word", "one word"), ("words", "ordinary words")):
        seconds, megabytes = fresh_process(kind)
        print(f"(fresh process, {name}: {seconds:.2f} s, peak {megabytes:.0f} MB resident)")
    print()
    print(
        summary(
            "multi-script report (fallback faces), in-process, warm", timed(lambda: render_pdf(multi), args.rounds * 3)
        )
    )
    print(f"\n(PDF size: seed {len(render_pdf(seed)):,} bytes, multi-script {len(render_pdf(multi)):,} bytes)\n")

    text = ("Biedrība nodrošināja konsultācijas, seminārus un diskusijas — 王芳, محمد. " * 4200)[:300_000]
    print("| which characters print as □ | runs | median | p95 |\n|---|---|---|---|")
    print(summary("glyphs.unprintable, 300,000 characters, warm", timed(lambda: unprintable(text), args.rounds * 3)))
    checks: dict[str, list[float]] = {name: [] for name in _FIRST_CHECK}
    for _ in range(args.rounds):
        for name, code in _FIRST_CHECK.items():
            checks[name].append(first_check(code))
    for name, times in checks.items():
        print(summary(f"{name} (fresh process)", times))
    print()

    imports: dict[str, list[float]] = {name: [] for name in _IMPORTS}
    for _ in range(args.rounds * 2):  # alternate so both see the same load
        for name, code in _IMPORTS.items():
            imports[name].append(first_check(code))
    print("| importing ReportLab, fresh process | runs | median | p95 |\n|---|---|---|---|")
    for name, times in imports.items():
        print(summary(name, times))
    print()

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
