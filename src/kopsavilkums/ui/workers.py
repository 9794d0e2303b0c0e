"""Run slow work (saving, building a PDF) off the UI thread.

A :class:`Job` runs a plain function on a ``QThreadPool`` and reports back through Qt signals,
which arrive on the UI thread. The store is thread-safe, so jobs call it directly.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

import shiboken6
from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

R = TypeVar("R")


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
        except Exception as exc:
            self.signals.failed.emit(without_frames(exc))
        else:
            self.signals.done.emit(result)


def without_frames(exc: BaseException) -> BaseException:
    """``exc`` and the exceptions it came from without their tracebacks: a failure is kept until
    the user has read it, and its frames would keep everything the work held (a refused PDF's
    inflated data: hundreds of MB that never came back)."""
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        current.__traceback__ = None
        current = current.__cause__ or current.__context__
    return exc


# Signal objects whose result is still on its way to the UI thread. The pool deletes a job
# when it has run; without this reference its signals could die before their queued
# delivery, and the result would silently never arrive.
_in_transit: set[_Signals] = set()


def pending() -> int:
    """Results still on their way to the UI thread (tests wait for none to be left)."""
    return len(_in_transit)


def start(
    pool: QThreadPool,
    work: Callable[[], R],
    done: Callable[[R], None],
    failed: Callable[[Exception], None],
    context: QObject | None = None,
) -> Job:
    """Run ``work`` on ``pool``; ``done(result)`` or ``failed(exception)`` follows on the UI
    thread — unless ``context`` (e.g. the window that asked) has been deleted meanwhile."""
    job = Job(work)
    signals = job.signals
    _in_transit.add(signals)

    def deliver(callback: Callable[[Any], None], value: Any) -> None:  # a Signal(object) carried it
        _in_transit.discard(signals)
        if context is None or shiboken6.isValid(context):
            callback(value)

    signals.done.connect(lambda value: deliver(done, value))
    signals.failed.connect(lambda exc: deliver(failed, exc))
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
