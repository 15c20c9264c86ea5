"""Use case: live sources, feed files the ACD keeps appending to, polled for the bytes added.

`add_live_source` makes a source live on a file (creating the source and its
site as `feed import` does); `poll` reads what was appended since the last
poll through the import pipeline. Each batch is one transaction holding its
calls (waiting ones included), intervals, coverage, run record and the
source's new read position (offset, line, file identity), so a crash leaves
offset and data agreeing and the next poll goes on from there. The last
batch also records the poll time, to which the source's coverage reaches.
A poll that finds the file unchanged costs a `stat` and writes the poll
time only. Rotation and truncation are detected (`app.feeds.tail`).
"""

from __future__ import annotations

import os
import time
from dataclasses import dataclass, replace
from datetime import datetime, timedelta, timezone
from pathlib import Path

from app.domain.calls import FeedFormat, RejectedLine
from app.domain.errors import InputFileError, InvalidSettingError, UnknownSourceError
from app.domain.intervals import INTERVAL_SECONDS
from app.domain.sources import FeedSource, LivePosition
from app.feeds import tail
from app.feeds.base import BATCH_LINES
from app.domain.access import Action
from app.services.console import Console, writes
from app.services.import_common import (
    SHOWN_REJECTS, ImportRequest, SettingsChange, check_source, masked_lines, pick_site,
)
from app.services.imports import Progress, ensure_source, open_batches, store_batch, usable, validate
from app.storage import calls as call_store
from app.storage import imports as run_store
from app.storage import live as live_store
from app.storage import sites as site_store
from app.storage.changes import desk_id

SNIFF_LINES = 1000  # lines read to tell whether a new live file is of its format
WAITING_WINDOW = 24 * 3600  # calls still waiting counted back from the newest event
LEASE = timedelta(seconds=60)  # a desk's poll lease: renewed by each poll; another desk takes over when it runs out


@dataclass(frozen=True)
class LiveSourceAdded:
    """What `add_live_source` did."""

    source: FeedSource
    position: LivePosition
    source_created: bool
    site_created: bool
    restarted: bool  # the read position was reset (a new source, or another file)
    settings_change: SettingsChange | None = None


@dataclass(frozen=True)
class PollResult:
    """What one poll of a live source read and stored.

    lines_read -- whole lines read (a line still being written waits for the next poll)
    calls/new/updated -- call records read; new calls; stored calls that changed (e.g. answered)
    waiting -- the source's calls still waiting, from the 24 h before its newest event
    rejected -- lines that could not be used (all kept with the run; the first few here, caller numbers masked)
    offset -- byte offset reached in the file; size -- the file's size when polled
    rotated/truncated -- the file was replaced, or shrank or was rewritten: read from its start
    last_data_at -- the newest event stored from this source by a poll (aware UTC), if any
    polled_at -- the poll time (aware UTC), which the source's coverage reaches
    held_by -- the desk that polls the source (its lease runs): this desk read nothing
    """

    source: str
    path: str
    timezone: str  # the site's zone, in which to show times
    polled_at: datetime
    lines_read: int
    calls: int
    new: int
    updated: int
    waiting: int
    rejected: int
    first_rejected: tuple[RejectedLine, ...]
    agent_events: int
    offset: int
    size: int
    rotated: bool
    truncated: bool
    last_data_at: datetime | None
    duration_seconds: float
    batches: int = 0
    held_by: str | None = None  # another desk holds the poll lease: this poll read nothing

    @property
    def changed(self) -> bool:
        """Whether the poll stored anything beyond its time."""
        return self.batches > 0


@writes(Action.MANAGE)
def add_live_source(console: Console, request: ImportRequest) -> LiveSourceAdded:
    """Make `request.source` live on `request.path`, creating it (and its site) if missing.

    The file must be readable and, when it holds lines, of its format. A
    source already live on the same file keeps its read position. Its
    wall-clock times are read in the site's zone.
    """
    validate(request)
    if request.mapping is not None:
        raise InvalidSettingError("mapping", str(request.mapping), "a live feed is read without a mapping file")
    path = Path(os.path.abspath(request.path))
    _sniff(request, path)
    with console.db.transaction() as tx:
        existing = site_store.find_source(tx, request.source)
        site = existing.site if existing else pick_site(tx, request)
        check_source(existing, request)
        if site is not None and request.tz is not None and request.tz != site.timezone:
            raise InvalidSettingError("tz", request.tz, f"a live feed is read in its site's zone ({site.timezone})")
        source, change = ensure_source(tx, request, site, existing)
        restarted = live_store.set_live(tx, source.id, str(path))
        return LiveSourceAdded(
            source=site_store.find_source(tx, source.name),
            position=live_store.position(tx, source.id),
            source_created=existing is None,
            site_created=site is None,
            restarted=restarted,
            settings_change=change,
        )


def stop_live_source(console: Console, source_name: str) -> FeedSource:
    """The source is no longer polled; what it stored stays, its coverage ends at its last poll."""
    with console.db.transaction() as tx:
        source = _find(tx, source_name)
        live_store.stop_live(tx, source.id)
        return site_store.find_source(tx, source_name)


def live_source_names(console: Console) -> tuple[str, ...]:
    with console.db.transaction() as tx:
        return live_store.live_source_names(tx)


def poll(console: Console, source_name: str, now: datetime | None = None, batch_lines: int = BATCH_LINES) -> PollResult:
    """Read what was appended to the live source's file since the last poll, and store it.

    Several desks on one database: the desk holding the source's poll lease (LEASE, renewed by each of its
    polls) is the one that reads; another desk's poll reads nothing and says who polls (`held_by`); a lease
    not renewed in time (the desk closed or died) passes to the next desk that polls. Each batch is stored
    only if the position is still the one it was read from, so no line is ever stored twice."""
    started = time.perf_counter()
    polled = (now or datetime.now(timezone.utc)).astimezone(timezone.utc)
    desk = desk_id(console.db) or "desk"
    with console.db.transaction() as tx:
        source = _find(tx, source_name)
        if not source.live or not source.path:
            raise InvalidSettingError("source", source_name, "is not a live source (feed watch makes it one)")
        holder = live_store.lease_holder(tx, source.id, desk, polled)
        pos = live_store.position(tx, source.id)
    # A console window on a SQLite file is the only desk on it (app.storage.desk_lock): a lease another desk id
    # still holds is a console that died (killed, a power cut), not one polling; it is taken over at once.
    sole = console.desk_lock is not None
    if holder is None or sole:
        # The file first: a desk that cannot read it (another drive, a share down) takes no lease, so a desk
        # that can read it polls instead.
        plan = tail.plan(Path(source.path), pos)
        with console.db.transaction() as tx:
            holder = live_store.take_lease(tx, source.id, desk, polled, polled + LEASE, force=sole)
    if holder is not None:
        result = _result(source, polled, Progress(source=source), pos, None, 0, started)
        return replace(result, held_by=holder)
    if plan.unchanged:
        with console.db.transaction() as tx:
            live_store.touch_poll(tx, source.id, polled)
            waiting = _waiting(tx, source.id, pos.last_data_at)
        return _result(source, polled, Progress(source=source), replace(pos, last_poll_at=polled), plan, waiting, started)
    progress = Progress(source=source)
    final, waiting = pos, 0
    for segment, batch, last in _batches(source, plan, batch_lines):
        if not last and batch.lines_read == 0:
            continue
        advanced = _advance(final, segment, batch, polled if last else pos.last_poll_at)
        with console.db.transaction() as tx:
            if live_store.locked_position(tx, source.id) != final:
                # Another desk stored these lines meanwhile (its lease): nothing stored twice, the run closed.
                if progress.run_id is not None:
                    run_store.finish_run(tx, progress.run_id)
                break
            progress.lines += batch.lines_read
            final = advanced
            if batch.lines_read:
                if progress.run_id is None:
                    progress.run_id = run_store.start_run(tx, source.id, str(segment.path), source.format)
                store_batch(tx, progress, batch)
            if last and progress.run_id is not None:
                run_store.finish_run(tx, progress.run_id)
            live_store.save_position(tx, source.id, final)
            if last:
                waiting = _waiting(tx, source.id, final.last_data_at)
    return _result(source, polled, progress, final, plan, waiting, started)


def _find(tx, name: str) -> FeedSource:
    source = site_store.find_source(tx, name)
    if source is None:
        raise UnknownSourceError(name)
    return source


def _batches(source: FeedSource, plan: tail.TailPlan, batch_lines: int):
    """(segment, batch, is_last) over the segments of the plan, the last batch flagged."""

    def all_batches():
        for segment in plan.segments:
            batches = open_batches(
                FeedFormat(source.format), segment.path, source.site.timezone, batch_lines,
                start_offset=segment.start_offset, start_line=segment.start_line,
                # A rotated file is no longer written: its last line is whole.
                whole_lines=segment.current,
            )
            for batch in batches:
                yield segment, batch

    held = None
    try:
        for item in all_batches():
            if held is not None:
                yield *held, False
            held = item
    except Exception:
        # What was read before the error is stored (without the poll time,
        # which would claim the rest of the file was read too).
        if held is not None:
            yield *held, False
        raise
    if held is not None:
        yield *held, True


def _advance(pos: LivePosition, segment: tail.Segment, batch, last_poll_at: datetime | None) -> LivePosition:
    head, head_bytes = tail.head_after(segment, batch.end_offset, pos)
    newest = max((b for _, b in batch.event_spans), default=None)
    if pos.last_data_at is not None and (newest is None or pos.last_data_at > newest):
        newest = pos.last_data_at
    return replace(
        pos, offset=batch.end_offset, line=batch.end_line, file_id=segment.file_id, head_sha256=head,
        head_bytes=head_bytes, last_poll_at=last_poll_at, last_data_at=newest,
    )


def _waiting(tx, source_id: int, last_data_at: float | None) -> int:
    if last_data_at is None:
        return 0
    since = int(last_data_at - WAITING_WINDOW) // INTERVAL_SECONDS * INTERVAL_SECONDS
    return call_store.count_waiting(tx, source_id, since)


def _result(source, polled, progress: Progress, pos: LivePosition, plan, waiting: int, started: float) -> PollResult:
    return PollResult(
        source=source.name,
        path=source.path,
        timezone=source.site.timezone,
        polled_at=polled,
        lines_read=progress.lines,
        calls=progress.calls,
        new=progress.new,
        updated=progress.updated,
        waiting=waiting,
        rejected=len(progress.rejected),
        first_rejected=masked_lines(source.format, progress.rejected[:SHOWN_REJECTS]),
        agent_events=progress.agent_events,
        offset=pos.offset,
        size=plan.state.size if plan is not None else pos.offset,
        rotated=plan is not None and plan.rotated,
        truncated=plan is not None and plan.truncated,
        last_data_at=None if pos.last_data_at is None else datetime.fromtimestamp(pos.last_data_at, timezone.utc),
        duration_seconds=time.perf_counter() - started,
        batches=progress.batches,
    )


def _sniff(request: ImportRequest, path: Path) -> None:
    """Refuse a file that cannot be read, or whose first lines are none of them usable."""
    state = tail.file_state(path)
    if state.size == 0:
        return  # the ACD has not written yet
    batches = open_batches(request.format, path, "UTC", SNIFF_LINES, whole_lines=True)
    try:
        first = next(batches, None)
    finally:
        batches.close()
    if first is None or first.lines_read == 0 or usable(first):
        return
    detail = f"; first: line {first.rejected[0].line_no}: {first.rejected[0].reason}" if first.rejected else ""
    raise InputFileError(
        str(request.path),
        f"no line could be used ({len(first.rejected)} of the first {first.lines_read} rejected{detail})",
    )
