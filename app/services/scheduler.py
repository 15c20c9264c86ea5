"""The periodic jobs (poll each live feed, the demo feed's clock): the only module that imports APScheduler.

A job runs on one of APScheduler's threads, hands its work to the database
lane and waits for it, then gives the result (or the error) to a plain
callback on that same thread. The desktop window wraps the callbacks in Qt
signals; `feed watch` puts results on a queue and prints them. A job never
overlaps itself: one instance at a time, and runs missed while it was busy
are folded into one. Callbacks must not call the scheduler themselves (the
window posts them to the GUI thread; `feed watch` queues them).
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from datetime import datetime, timezone
from typing import Any

from apscheduler.jobstores.base import JobLookupError
from apscheduler.schedulers.background import BackgroundScheduler

from app.services import live
from app.services.console import Console
from app.services.lane import Lane

log = logging.getLogger(__name__)


class _NoSkipNotes(logging.Filter):
    """A run skipped because the previous one is still going is by design (max_instances=1)."""

    def filter(self, record: logging.LogRecord) -> bool:
        return "maximum number of running instances" not in record.getMessage()


_apscheduler_log = logging.getLogger(f"{__name__}.apscheduler")
_apscheduler_log.addFilter(_NoSkipNotes())

JOB_DEFAULTS = {"coalesce": True, "max_instances": 1, "misfire_grace_time": None}


def poll_job_id(source_name: str) -> str:
    return f"poll:{source_name}"


class Scheduler:
    """Periodic jobs whose work runs on the database lane.

    State: the APScheduler background scheduler, the lane (shared with the
    window's task runner, not owned: shut the scheduler down first), and the
    runs done of each job limited to a number of runs.
    """

    def __init__(self, lane: Lane) -> None:
        self._lane = lane
        self._scheduler = BackgroundScheduler(timezone=timezone.utc, job_defaults=JOB_DEFAULTS, logger=_apscheduler_log)
        self._runs: dict[str, int] = {}

    def every(
        self,
        job_id: str,
        seconds: float,
        fn: Callable[..., Any],
        *args: Any,
        on_result: Callable[[Any], None],
        on_error: Callable[[BaseException], None] | None = None,
        times: int | None = None,
    ) -> str:
        """Run `fn(*args)` on the lane now and every `seconds` (at most `times` runs); replaces a job of that id."""
        if seconds <= 0:
            raise ValueError("a job needs a positive interval")
        self._runs[job_id] = 0
        self._scheduler.add_job(
            self._run, "interval", seconds=seconds, id=job_id, replace_existing=True,
            next_run_time=datetime.now(timezone.utc),
            args=(job_id, fn, args, on_result, on_error or _log_error, times),
        )
        return job_id

    def poll_every(
        self,
        console: Console,
        source_name: str,
        seconds: float,
        on_result: Callable[[live.PollResult], None],
        on_error: Callable[[BaseException], None] | None = None,
        times: int | None = None,
    ) -> str:
        """Poll the live source now and every `seconds`; each PollResult goes to `on_result`."""
        return self.every(
            poll_job_id(source_name), seconds, live.poll, console, source_name,
            on_result=on_result, on_error=on_error, times=times,
        )

    def cancel(self, job_id: str) -> None:
        try:
            self._scheduler.remove_job(job_id)
        except JobLookupError:
            pass

    def scheduled(self) -> tuple[str, ...]:
        """The ids of the jobs still scheduled."""
        return tuple(job.id for job in self._scheduler.get_jobs())

    def start(self) -> None:
        self._scheduler.start()

    @property
    def running(self) -> bool:
        return self._scheduler.running

    def shutdown(self, wait: bool = True) -> None:
        """Stop the jobs (waiting for a running one when `wait`); the lane stays up."""
        if self._scheduler.running:
            self._scheduler.shutdown(wait=wait)

    def _run(self, job_id, fn, args, on_result, on_error, times) -> None:
        if times is not None and self._runs.get(job_id, 0) >= times:
            return  # its last run is done; the job is being removed
        try:
            callback, value = on_result, self._lane.submit(fn, *args).result()
        except Exception as exc:  # handed to the callback, whatever it is
            callback, value = on_error, exc
        self._runs[job_id] = self._runs.get(job_id, 0) + 1
        if times is not None and self._runs[job_id] >= times:
            # Removed from another thread: APScheduler's shutdown holds the job
            # store's lock while it waits for running jobs, so a job that removed
            # itself could wait for it forever.
            threading.Thread(target=self.cancel, args=(job_id,), name=f"cancel {job_id}", daemon=True).start()
        _call(callback, value)


def _call(callback: Callable[[Any], None], value: Any) -> None:
    try:
        callback(value)
    except Exception:  # a faulty callback must not stop the job
        log.exception("scheduler callback failed")


def _log_error(exc: BaseException) -> None:
    log.error("scheduled job failed: %s", exc)
