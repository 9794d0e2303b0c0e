"""Window benchmark (issue 4): run side by side in one run, not as a timed test.

    python tests/benchmarks/bench_window.py [--rounds N] [--only startup|responsiveness]

1. Start-up, cold, whole process: from process start to a shown, usable window with 100 drafts
   in the store (the real program, ``python -m kopsavilkums``), against a bare PySide6
   ``QMainWindow`` with 40 form widgets. Measured alternately so both see the same machine load.
   Target: at most 1.3x the bare window.
2. Responsiveness, in-process: the longest UI-thread stall (gap between 5 ms heartbeat ticks)
   while typing into a 300,000-character assessment and while scrolling a 400-row indicator
   table, against a bare QPlainTextEdit / QTableView holding the same. Target: under 50 ms.

Runs offscreen (QT_QPA_PLATFORM=offscreen) unless a display is set.
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

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "resources" / "examples" / "kurzemes-nvo-centrs-2019-2020.kopsavilkums.json"

# The bare child prints "ready" from the first event-loop turn after its window is shown.
BARE_CHILD = """
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QFormLayout, QLineEdit, QMainWindow, QPlainTextEdit, QWidget
app = QApplication(sys.argv[:1])
window = QMainWindow()
body = QWidget()
form = QFormLayout(body)
for n in range(40):
    form.addRow(f"Field {n}", QPlainTextEdit() if n % 4 == 0 else QLineEdit())
window.setCentralWidget(body)
window.show()
QTimer.singleShot(0, lambda: (print("ready", flush=True), app.quit()))
app.exec()
"""

# Ours is the real program, started as a user's shortcut starts it. With
# KOPSAVILKUMS_QUIT_AFTER_MS=0 it reports (on stderr) from the first event-loop turn after its
# window is shown and every start-up task queued before that turn has run, then closes.
APP_COMMAND = ["-m", "kopsavilkums", "--data-dir"]


def prepare_store(folder: Path, drafts: int = 100) -> None:
    from kopsavilkums import exchange
    from kopsavilkums.paths import store_path
    from kopsavilkums.store import DraftStore

    seed = exchange.read(SEED)
    with DraftStore(store_path(folder)) as store:
        for n in range(drafts):
            report = seed.copy()
            report.title = f"{seed.title} ({n + 1})"
            store.save(report)


#: An installed program starts from compiled bytecode (pip compiles it); this environment may
#: forbid writing it, so the children keep theirs in a scratch folder instead.
PYCACHE = Path(tempfile.mkdtemp(prefix="bench-window-pycache-"))


def time_child(args: list[str], marker: str, stream: str = "stdout") -> float:
    """Seconds from starting ``python ARGS`` to the first line starting with ``marker``."""
    env = dict(os.environ, KOPSAVILKUMS_LANG="lv", PYTHONPYCACHEPREFIX=str(PYCACHE), KOPSAVILKUMS_QUIT_AFTER_MS="0")
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    pipes = {"stdout": subprocess.DEVNULL, "stderr": subprocess.DEVNULL, stream: subprocess.PIPE}
    start = time.perf_counter()
    proc = subprocess.Popen([sys.executable, *args], text=True, env=env, **pipes)
    for line in getattr(proc, stream):
        if line.startswith(marker):
            elapsed = time.perf_counter() - start
            break
    else:
        raise RuntimeError("the child never became ready")
    getattr(proc, stream).read()
    proc.wait(timeout=60)
    return elapsed


def time_bare() -> float:
    return time_child(["-c", BARE_CHILD], "ready")


def time_ours(folder: Path) -> float:
    return time_child([*APP_COMMAND, str(folder)], "closing window:", "stderr")


def startup(rounds: int) -> tuple[list[float], list[float]]:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        prepare_store(folder)
        time_bare(), time_ours(folder)  # warm the disk cache
        bare, ours = [], []
        for _ in range(rounds):
            bare.append(time_bare())
            ours.append(time_ours(folder))
    return bare, ours


# ---------------------------------------------------------------------------- responsiveness
def longest_stall(app, drive, steps: int) -> float:
    """Run ``drive(i)`` for i in range(steps) from the event loop; return the longest gap (ms)
    between heartbeat ticks, i.e. the longest time the UI thread could not react."""
    from PySide6.QtCore import QEventLoop, QTimer

    gaps: list[float] = []
    last = [time.perf_counter()]

    def beat() -> None:
        now = time.perf_counter()
        gaps.append(now - last[0])
        last[0] = now

    heartbeat = QTimer(interval=5)
    heartbeat.timeout.connect(beat)
    loop = QEventLoop()
    step = [0]

    def next_step() -> None:
        if step[0] >= steps:
            QTimer.singleShot(600, loop.quit)  # let debounced validation/autosave run too
            return
        drive(step[0])
        step[0] += 1
        QTimer.singleShot(15, next_step)

    heartbeat.start()
    last[0] = time.perf_counter()
    QTimer.singleShot(0, next_step)
    loop.exec()
    heartbeat.stop()
    return max(gaps) * 1000


def type_keys(widget, i: int) -> None:
    from PySide6.QtCore import QEvent, Qt
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtWidgets import QApplication

    ch = "abcdefghij ā"[i % 12]
    for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
        QApplication.sendEvent(widget, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, ch))


def responsiveness(repeats: int) -> dict[str, tuple[float, float]]:
    from PySide6.QtGui import QStandardItem, QStandardItemModel
    from PySide6.QtWidgets import QApplication, QPlainTextEdit, QTableView

    from kopsavilkums.paths import store_path
    from kopsavilkums.report import Indicator
    from kopsavilkums.store import DraftStore
    from kopsavilkums.ui import i18n
    from kopsavilkums.ui.app import Application

    app = QApplication.instance() or QApplication([])
    i18n.install("lv")
    sentence = "Biedrība nodrošināja konsultācijas, seminārus un diskusijas; rezultāti apkopoti pārskatā. "
    narrative = (sentence * (300_000 // len(sentence) + 1))[:300_000]
    rows = [Indicator(f"{n + 1}. rādītājs: {sentence}", "10", "9", "") for n in range(400)]

    results: dict[str, tuple[float, float]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        from kopsavilkums import exchange

        report = exchange.read(SEED)
        report.assessment, report.indicators = narrative, rows
        store = DraftStore(store_path(Path(tmp)))
        store.save(report)
        window = Application(store, Path(tmp)).show_window()
        window.resize(1300, 900)
        assessment = window.form.editors["assessment"]
        assessment.setFocus()
        assessment.moveCursor(assessment.textCursor().MoveOperation.End)
        table = window.form.editors["indicators"].table
        bar = table.verticalScrollBar()

        bare_text = QPlainTextEdit()
        bare_text.setPlainText(narrative)
        bare_text.show()
        bare_text.moveCursor(bare_text.textCursor().MoveOperation.End)
        model = QStandardItemModel(400, 5)
        for r, ind in enumerate(rows):
            for c, value in enumerate((f"{r + 1})", ind.text, ind.planned, ind.achieved, ind.note)):
                model.setItem(r, c, QStandardItem(value))
        bare_table = QTableView()
        bare_table.setModel(model)
        bare_table.resize(1000, 400)
        bare_table.show()
        bare_bar = bare_table.verticalScrollBar()

        typing_bare, typing_ours, scroll_bare, scroll_ours = [], [], [], []
        for _ in range(repeats):
            typing_bare.append(longest_stall(app, lambda i: type_keys(bare_text, i), 60))
            typing_ours.append(longest_stall(app, lambda i: type_keys(assessment, i), 60))
            scroll_bare.append(longest_stall(app, lambda i: bare_bar.setValue(bare_bar.maximum() * (i % 40) // 40), 80))
            scroll_ours.append(longest_stall(app, lambda i: bar.setValue(bar.maximum() * (i % 40) // 40), 80))
        results["typing into a 300,000-character text"] = (statistics.median(typing_bare), statistics.median(typing_ours))
        results["scrolling a 400-row indicator table"] = (statistics.median(scroll_bare), statistics.median(scroll_ours))
        window.saver.flush()
        window.close()
        store.close()
    return results


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--only", choices=("startup", "responsiveness"))
    args = parser.parse_args()

    ok = True
    if args.only != "responsiveness":
        bare, ours = startup(args.rounds)
        b, o = statistics.median(bare), statistics.median(ours)
        print(f"\nStart-up to a shown, usable window (median of {args.rounds}, alternating runs)")
        print("| what | median s | min s | max s |")
        print("|---|---|---|---|")
        print(f"| bare QMainWindow, 40 form widgets | {b:.3f} | {min(bare):.3f} | {max(bare):.3f} |")
        print(f"| Kopsavilkums, 100 drafts in the store | {o:.3f} | {min(ours):.3f} | {max(ours):.3f} |")
        print(f"| ratio (target at most 1.3) | {o / b:.2f} | | |")
        ok = o / b <= 1.3
    if args.only == "startup":
        print("\nwithin target" if ok else "\nOUTSIDE TARGET")
        return 0 if ok else 1

    results = responsiveness(max(3, args.rounds // 2))
    print("\nLongest UI-thread stall, ms (median of repeats; target under 50)")
    print("| activity | bare Qt widget | Kopsavilkums |")
    print("|---|---|---|")
    for name, (bare_ms, ours_ms) in results.items():
        print(f"| {name} | {bare_ms:.1f} | {ours_ms:.1f} |")
    ok = ok and all(ours_ms < 50 for _b, ours_ms in results.values())
    print("\nwithin targets" if ok else "\nOUTSIDE TARGETS")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
