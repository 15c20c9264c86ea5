"""The one database lane: a single worker thread that runs every piece of database work in turn.

The desktop window's task runner and the scheduler's jobs both submit here,
so two writes never race on the same SQLite file and the GUI thread never
waits for the database. Headless commands may use it too; `InlineLane`
runs work at once on the caller's thread (tests, scripts).
"""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any


class Lane:
    """State: the executor with its one worker thread."""

    def __init__(self) -> None:
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="db-lane")

    def submit(self, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> Future:
        return self._executor.submit(fn, *args, **kwargs)

    def shutdown(self, wait: bool = True) -> None:
        self._executor.shutdown(wait=wait, cancel_futures=True)


class InlineLane(Lane):
    """Runs each piece of work at once, on the caller's thread."""

    def __init__(self) -> None:  # no worker thread
        pass

    def submit(self, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> Future:
        future: Future = Future()
        try:
            future.set_result(fn(*args, **kwargs))
        except BaseException as exc:  # handed to the caller through the future
            future.set_exception(exc)
        return future

    def shutdown(self, wait: bool = True) -> None:
        pass
