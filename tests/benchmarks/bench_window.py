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

# Ours is the real program, started as a user's shortcut starts it: the ``kopsavilkums`` script
# that installing made (``python -m kopsavilkums`` where there is none). With
# KOPSAVILKUMS_QUIT_AFTER_MS=0 it reports (on stderr) from the first event-loop turn after its
# window is shown and every start-up task queued before that turn has run, then closes.
SCRIPT = Path(sys.executable).with_name("kopsavilkums.exe" if os.name == "nt" else "kopsavilkums")
APP_COMMAND = [str(SCRIPT)] if SCRIPT.exists() else [sys.executable, "-m", "kopsavilkums"]

# Not a target, a yardstick: the bare window plus the least any window showing a stored draft
# pays — our core reading the store, and Qt's ``Qt`` namespace (alignment, roles, keys: ~96
# enum types PySide6 creates on first use, which any model or view touches).
FLOOR_CHILD = """
import sys
from pathlib import Path
from kopsavilkums.paths import store_path
from kopsavilkums.store import DraftStore
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QFormLayout, QLineEdit, QMainWindow, QPlainTextEdit, QWidget
app = QApplication(sys.argv[:1])
store = DraftStore(store_path(Path(sys.argv[1])))
report = store.load(store.list()[0].id)
window = QMainWindow()
body = QWidget()
form = QFormLayout(body)
for n in range(40):
    form.addRow(f"Field {n}", QPlainTextEdit() if n % 4 == 0 else QLineEdit())
form.itemAt(0, QFormLayout.ItemRole.FieldRole).widget().setPlainText(report.title)
window.setCentralWidget(body)
window.show()
QTimer.singleShot(0, lambda: (print("ready", flush=True), app.quit()))
app.exec()
"""


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
    """Seconds from starting ``python ARGS`` (or the program ARGS[0]) to the first line starting
    with ``marker``."""
    env = dict(os.environ, KOPSAVILKUMS_LANG="lv", PYTHONPYCACHEPREFIX=str(PYCACHE), KOPSAVILKUMS_QUIT_AFTER_MS="0")
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    pipes = {"stdout": subprocess.DEVNULL, "stderr": subprocess.DEVNULL, stream: subprocess.PIPE}
    start = time.perf_counter()
    command = args if Path(args[0]).is_absolute() else [sys.executable, *args]
    proc = subprocess.Popen(command, text=True, env=env, **pipes)
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
    return time_child([*APP_COMMAND, "--data-dir", str(folder)], "closing window:", "stderr")


def time_floor(folder: Path) -> float:
    return time_child(["-c", FLOOR_CHILD, str(folder)], "ready")


def startup(rounds: int) -> tuple[list[float], list[float], list[float]]:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        prepare_store(folder)
        time_bare(), time_ours(folder), time_floor(folder)  # warm the disk cache
        bare, ours, floor = [], [], []
        for _ in range(rounds):
            bare.append(time_bare())
            ours.append(time_ours(folder))
            floor.append(time_floor(folder))
    return bare, ours, floor


# ---------------------------------------------------------------------------- responsiveness
def longest_stall(app, drive, steps: int, until=None) -> float:
    """Run ``drive(i)`` for i in range(steps) from the event loop; return the longest gap (ms)
    between heartbeat ticks, i.e. the longest time the UI thread could not react. With
    ``until``, the steps go on until it is true instead (at most 2 s)."""
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

    deadline = time.perf_counter() + 2

    def next_step() -> None:
        done = until() or time.perf_counter() > deadline if until is not None else step[0] >= steps
        if done:
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


def responsiveness(repeats: int) -> dict[str, tuple[float | None, float]]:
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
    # The worst case, one 300,000-character paragraph, and the same length as real text comes:
    # 500 paragraphs of 600 characters.
    one_paragraph = (sentence * (300_000 // len(sentence) + 1))[:300_000]
    paragraph = (sentence * 7)[:599] + "\n"
    paragraphs = (paragraph * 500)[:300_000]
    rows = [Indicator(f"{n + 1}. rādītājs: {sentence}", "10", "9", "") for n in range(400)]

    results: dict[str, tuple[float | None, float]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        from kopsavilkums import exchange

        report = exchange.read(SEED)
        report.assessment, report.other_information, report.indicators = one_paragraph, paragraphs, rows
        store = DraftStore(store_path(Path(tmp)))
        store.save(report)

        # The form's lower sections are built right after the window shows, one per turn, and
        # the first check runs: how long can a keystroke wait meanwhile? For the example draft
        # and for this stress draft. (Warm: this process has made the classes before.)
        def after_start(folder: Path, draft_store) -> float:
            stalls = []
            for _ in range(repeats):
                window = Application(draft_store, folder).show_window()
                stalls.append(longest_stall(app, lambda i: None, 1, until=lambda w=window: w.form.is_built))
                window.saver.flush()
                window.close()
            return statistics.median(stalls)

        with (
            tempfile.TemporaryDirectory() as example_folder,
            DraftStore(store_path(Path(example_folder))) as example_store,
        ):
            example_store.save(exchange.read(SEED))
            results["the first moments after start: building the lower form sections, the first check"] = (
                None,
                after_start(Path(example_folder), example_store),
            )
        results["the same for the stress draft (400 indicators, two 300,000-character texts)"] = (
            None,
            after_start(Path(tmp), store),
        )
        from kopsavilkums.ui import window as window_module

        # Spelling: the dictionary loads on a worker thread a moment after start, then every
        # field of the form is hooked up and checked where it is on screen. Here it starts once
        # the form is built, so that this stall is its own.
        window_module.SPELLING_DELAY_MS, delay = 10**7, window_module.SPELLING_DELAY_MS
        window = Application(store, Path(tmp)).show_window()
        window_module.SPELLING_DELAY_MS = delay
        window.resize(1300, 900)
        longest_stall(app, lambda i: None, 1, until=lambda: window.form.is_built)  # counted above
        results["loading the spelling dictionary and checking the form (once, a moment after start)"] = (
            None,
            longest_stall(app, lambda i: window.spelling.start(), 1, until=lambda: window.spelling.speller is not None),
        )
        assessment = window.form.editors["assessment"]
        assessment.moveCursor(assessment.textCursor().MoveOperation.End)
        other = window.form.editors["other_information"]
        other.moveCursor(other.textCursor().MoveOperation.End)
        table = window.form.editors["indicators"].table
        bar = table.verticalScrollBar()

        def bare_editor(text: str) -> QPlainTextEdit:
            editor = QPlainTextEdit()
            editor.setPlainText(text)
            editor.show()
            editor.moveCursor(editor.textCursor().MoveOperation.End)
            return editor

        bare_one, bare_many = bare_editor(one_paragraph), bare_editor(paragraphs)
        model = QStandardItemModel(400, 5)
        for r, ind in enumerate(rows):
            for c, value in enumerate((f"{r + 1})", ind.text, ind.planned, ind.achieved, ind.note)):
                model.setItem(r, c, QStandardItem(value))
        bare_table = QTableView()
        bare_table.setModel(model)
        bare_table.resize(1000, 400)
        bare_table.show()
        bare_bar = bare_table.verticalScrollBar()

        pairs = {
            "typing into a 300,000-character text in 500 paragraphs": (bare_many, other),
            "typing into a 300,000-character text, one paragraph": (bare_one, assessment),
        }
        for name, (bare, ours) in pairs.items():
            stalls_bare, stalls_ours = [], []
            for _ in range(repeats):
                stalls_bare.append(longest_stall(app, lambda i, w=bare: type_keys(w, i), 60))
                ours.setFocus()
                stalls_ours.append(longest_stall(app, lambda i, w=ours: type_keys(w, i), 60))
            results[name] = (statistics.median(stalls_bare), statistics.median(stalls_ours))
        scroll_bare, scroll_ours = [], []
        for _ in range(repeats):
            scroll_bare.append(longest_stall(app, lambda i: bare_bar.setValue(bare_bar.maximum() * (i % 40) // 40), 80))
            scroll_ours.append(longest_stall(app, lambda i: bar.setValue(bar.maximum() * (i % 40) // 40), 80))
        results["scrolling a 400-row indicator table"] = (
            statistics.median(scroll_bare),
            statistics.median(scroll_ours),
        )
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
        bare, ours, floor = startup(args.rounds)
        b, o, f = statistics.median(bare), statistics.median(ours), statistics.median(floor)
        print(f"\nStart-up to a shown, usable window (median of {args.rounds}, alternating runs)")
        print("| what | median s | min s | max s | × bare |")
        print("|---|---|---|---|---|")
        print(f"| bare QMainWindow, 40 form widgets | {b:.3f} | {min(bare):.3f} | {max(bare):.3f} | 1.00 |")
        print(
            f"| Kopsavilkums, 100 drafts in the store (target at most 1.3) | {o:.3f} | {min(ours):.3f} | {max(ours):.3f} | **{o / b:.2f}** |"
        )
        print(
            f"| yardstick: bare + reading the store + Qt's `Qt` namespace | {f:.3f} | {min(floor):.3f} | {max(floor):.3f} | {f / b:.2f} |"
        )
        ok = o / b <= 1.3
    if args.only == "startup":
        print("\nwithin target" if ok else "\nOUTSIDE TARGET")
        return 0 if ok else 1

    results = responsiveness(max(3, args.rounds // 2))
    print("\nLongest UI-thread stall, ms (median of repeats; target under 50)")
    print("| activity | bare Qt widget | Kopsavilkums |")
    print("|---|---|---|")
    for name, (bare_ms, ours_ms) in results.items():
        print(f"| {name} | {'—' if bare_ms is None else f'{bare_ms:.1f}'} | {ours_ms:.1f} |")
    ok = ok and all(ours_ms < 50 for _b, ours_ms in results.values())
    print("\nwithin targets" if ok else "\nOUTSIDE TARGETS")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
