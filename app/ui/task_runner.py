"""Runs work on the database lane and delivers results and errors on the GUI thread.

Views hand a callable to `TaskRunner.run`; it runs on the services' lane (a
worker thread), and `on_done` or `on_error` is called back on the GUI thread
through a queued Qt signal. Workers never touch widgets. Tests swap in a
runner over `InlineLane`, so callbacks happen before `run` returns.
"""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import Future
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal

from app.services.lane import InlineLane, Lane


class TaskRunner(QObject):
    """State: the lane, and the number of tasks under way (for the busy indicator)."""

    _finished = Signal(object, object, object)  # future, on_done, on_error
    busy_changed = Signal(bool)

    def __init__(self, lane: Lane, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.lane = lane
        self.pending = 0
        self._finished.connect(self._deliver, Qt.ConnectionType.QueuedConnection)

    def run(
        self,
        fn: Callable[..., Any],
        *args: Any,
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
    ) -> Future:
        self.pending += 1
        if self.pending == 1:
            self.busy_changed.emit(True)
        future = self.lane.submit(fn, *args)
        if isinstance(self.lane, InlineLane):
            self._deliver(future, on_done, on_error)
        else:
            future.add_done_callback(lambda f: self._finished.emit(f, on_done, on_error))
        return future

    def _deliver(self, future: Future, on_done, on_error) -> None:
        self.pending -= 1
        if self.pending == 0:
            self.busy_changed.emit(False)
        exc = future.exception()
        if exc is None:
            if on_done is not None:
                on_done(future.result())
        elif on_error is not None:
            on_error(exc)
        else:
            from app.ui.errors import report_error

            report_error(exc)
