"""Printed documents are rendered off the GUI thread, on a Qt worker thread (not the database lane).

QTextDocument lays out with timers, so it wants a thread with a Qt event
dispatcher: QThreadPool's threads have one, the lane's plain Python thread
does not. Results and errors come back on the GUI thread through a queued
signal. With the inline lane (tests) the job runs at once on the caller's
thread, like every other task.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Qt, QThreadPool, Signal

from app.services.lane import InlineLane


class PrintJobs(QObject):
    """State: the jobs under way (their callbacks), keyed by a number."""

    _finished = Signal(int, object, object)  # job, result, error

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._jobs: dict[int, tuple[Callable | None, Callable | None]] = {}
        self._next = 0
        self._finished.connect(self._deliver, Qt.ConnectionType.QueuedConnection)

    def run(self, runner, fn: Callable[..., Any], *args: Any, on_done=None, on_error=None) -> None:
        """Render `fn(*args)`; `runner` is the window's task runner (inline in tests: run here and now)."""
        if isinstance(runner.lane, InlineLane):
            try:
                result = fn(*args)
            except Exception as exc:  # handed to the caller, as the task runner does
                self._call(on_error, exc)
                return
            if on_done is not None:
                on_done(result)
            return
        self._next += 1
        job = self._next
        self._jobs[job] = (on_done, on_error)

        def work() -> None:
            try:
                self._finished.emit(job, fn(*args), None)
            except Exception as exc:  # delivered on the GUI thread
                self._finished.emit(job, None, exc)

        QThreadPool.globalInstance().start(work)

    @property
    def pending(self) -> int:
        return len(self._jobs)

    def _deliver(self, job: int, result, error) -> None:
        on_done, on_error = self._jobs.pop(job, (None, None))
        if error is not None:
            self._call(on_error, error)
        elif on_done is not None:
            on_done(result)

    @staticmethod
    def _call(on_error, exc) -> None:
        if on_error is not None:
            on_error(exc)
        else:
            from app.ui.errors import report_error

            report_error(exc)


_jobs: PrintJobs | None = None


def wait_for_print_jobs(timeout_ms: int = 30000) -> None:
    """Let documents being written finish (the window closing, screenshots, tests)."""
    QThreadPool.globalInstance().waitForDone(timeout_ms)


def print_jobs() -> PrintJobs:
    """The application's one PrintJobs (made on the GUI thread at first use)."""
    global _jobs
    if _jobs is None:
        _jobs = PrintJobs()
    return _jobs
