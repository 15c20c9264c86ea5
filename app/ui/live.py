"""Live feeds in the window: the scheduler polls every live source, the demo feed grows with
the clock, and the status bar says for each feed when data last came ("stale" when too long ago).

Scheduler callbacks come from its threads; they are handed to the GUI thread through queued
signals, and the views refresh only when a poll stored something.
"""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QLabel

from app.ui.settings import POLL_SECONDS, STALE_MINUTES

DEMO_TICK_SECONDS = 5


class LiveFeeds(QObject):
    """State: the scheduler (while a database is open), the last PollResult of each source, their labels."""

    polled = Signal(object)  # PollResult, on the GUI thread
    data_arrived = Signal(object)  # PollResult that stored something
    _from_thread = Signal(object)
    _error_from_thread = Signal(object)

    def __init__(self, context, lane, status_bar=None, parent=None, scheduled: bool = True) -> None:
        super().__init__(parent)
        self.scheduled = scheduled  # False in tests: polls happen only through poll_now()
        self.generation = 0  # results of a scheduler that was stopped are dropped
        self.plan: tuple[tuple[str, ...], str | None] = ((), None)
        self.context = context
        self.lane = lane
        self.status_bar = status_bar
        self.scheduler = None
        self.results: dict[str, object] = {}
        self.labels: dict[str, QLabel] = {}
        self.errors: dict[str, str] = {}
        self._from_thread.connect(self._deliver, Qt.ConnectionType.QueuedConnection)
        self._error_from_thread.connect(self._failed, Qt.ConnectionType.QueuedConnection)

    # --- scheduling -------------------------------------------------------------------
    def start(self, names: tuple[str, ...], demo_feed: str | None = None) -> None:
        """Poll `names` every few seconds (and grow the demo feed); replaces what ran before."""
        from app.services.scheduler import Scheduler, poll_job_id

        self.stop()
        self.plan = (names, demo_feed)
        if not self.scheduled or (not names and not demo_feed):
            return
        seconds = max(2, self.context.settings.get(POLL_SECONDS))
        self.scheduler = Scheduler(self.lane)
        generation = self.generation

        def deliver(result) -> None:
            self._from_thread.emit((generation, result))
        if demo_feed:
            self.scheduler.every("demo-feed", DEMO_TICK_SECONDS, self._tick, demo_feed,
                                 on_result=lambda tick: None, on_error=self._error_from_thread.emit)
        for name in names:
            self.scheduler.every(poll_job_id(name), seconds, self._poll, name,
                                 on_result=deliver, on_error=self._error_from_thread.emit)
        self.scheduler.start()

    def _tick(self, feed: str):
        from app.services.demo_feed import demo_feed_tick

        return demo_feed_tick(Path(feed), self.context.now())

    def _poll(self, name: str):
        from app.domain.access import Action
        from app.services.live import poll

        console = self.context.console
        with console.acting(Action.SYSTEM):  # the desk reads the feed whoever is signed in
            return poll(console, name, now=self.context.now())

    def poll_now(self) -> None:
        """One tick of the demo feed and one poll of every live source, through the task runner."""
        names, demo_feed = self.plan
        if demo_feed:
            self.context.runner.run(self._tick, demo_feed, on_done=lambda tick: None, on_error=self._failed)
        for name in names:
            self.context.runner.run(self._poll, name, on_done=lambda r: self._deliver((self.generation, r)),
                                    on_error=self._failed)

    def stop(self) -> None:
        """Stop polling without waiting on the GUI thread for a poll under way (its result is dropped)."""
        self.generation += 1
        if self.scheduler is not None:
            self.scheduler.shutdown(wait=False)
            self.scheduler = None
        for label in self.labels.values():
            if self.status_bar is not None:
                self.status_bar.removeWidget(label)
            label.deleteLater()
        self.labels, self.results, self.errors = {}, {}, {}

    # --- results ----------------------------------------------------------------------
    def _deliver(self, item) -> None:
        generation, result = item
        if generation != self.generation:
            return  # polled for a database or plan no longer shown
        self.results[result.source] = result
        self.errors.pop(result.source, None)
        self.update_labels()
        self.polled.emit(result)
        if result.changed:
            self.data_arrived.emit(result)

    def _failed(self, exc: BaseException) -> None:
        from app.ui.errors import report_error

        report_error(exc)

    def feed_state(self, name: str, now: datetime | None = None) -> tuple[str, bool]:
        """The status text of a feed and whether it is stale (no new data for the set minutes)."""
        result = self.results.get(name)
        if result is None:
            return self.tr("{name}: waiting for the first poll").format(name=name), False
        now = now or self.context.now()
        last = result.last_data_at
        stale_after = 60 * self.context.settings.get(STALE_MINUTES)
        if last is None:
            return self.tr("{name}: stale, no data yet").format(name=name), True
        shown = last.astimezone(now.tzinfo or timezone.utc).strftime("%H:%M:%S")
        if (now - last).total_seconds() > stale_after:
            return self.tr("{name}: stale, last data {time}").format(name=name, time=shown), True
        if getattr(result, "held_by", None):
            return self.tr("{name}: live (polled at another desk), last data {time}").format(
                name=name, time=shown), False
        return self.tr("{name}: live, last data {time}").format(name=name, time=shown), False

    def update_labels(self) -> None:
        for name in self.results:
            label = self.labels.get(name)
            if label is None:
                label = QLabel(objectName=f"feed_{name}")
                self.labels[name] = label
                if self.status_bar is not None:
                    self.status_bar.addPermanentWidget(label)
            text, stale = self.feed_state(name)
            label.setText(("⚠ " if stale else "● ") + text)
            # Amber for stale, and the word says it too (not colour alone).
            label.setStyleSheet("background: #ffbf00; color: black; padding: 0 4px;" if stale else "color: #1b7f3b;")
