"""Run slow work (saving, building a PDF) off the UI thread.

A :class:`Job` runs a plain function on a ``QThreadPool`` and reports back through Qt signals,
which arrive on the UI thread. The store is thread-safe, so jobs call it directly.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal


class _Signals(QObject):
    done = Signal(object)
    failed = Signal(object)


class Job(QRunnable):
    def __init__(self, work: Callable[[], object]) -> None:
        super().__init__()
        self.work = work
        self.signals = _Signals()
        self.setAutoDelete(True)

    def run(self) -> None:
        try:
            result = self.work()
        except Exception as exc:  # noqa: BLE001 - reported to the UI, which shows it
            self.signals.failed.emit(exc)
        else:
            self.signals.done.emit(result)


def start(pool: QThreadPool, work: Callable[[], object], done: Callable[[object], None], failed: Callable[[object], None]) -> Job:
    job = Job(work)
    job.signals.done.connect(done)
    job.signals.failed.connect(failed)
    pool.start(job)
    return job


def message_of(exc: BaseException, language: str) -> str:
    """A user-presentable message in the interface language."""
    localized = getattr(exc, "localized", None)
    if callable(localized):
        return localized(language)
    if isinstance(exc, OSError):
        return f"{exc.filename or ''} {exc.strerror or exc}".strip()
    return str(exc)
