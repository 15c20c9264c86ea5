"""Use case: import a call-level feed file into a source.

Each batch of the file is stored in one transaction together with the
intervals it touches, its coverage and the file offset reached, so a crash
or an error leaves the database as it was before that batch and the import
can simply be run again (calls are keyed, a repeat changes nothing). A file
of which no line can be used stores nothing at all.

`open_batches`, `ensure_source` and `store_batch` are shared with the live
poll (`app.services.live`), which adds the source's read position to each
batch's transaction.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field, replace

import numpy as np
import pandas as pd

from app.domain.calls import CALL_FORMATS, CallState, FeedFormat, RejectedLine
from app.domain.errors import ImportCancelledError, InputFileError, InvalidSettingError
from app.domain.intervals import zone
from app.domain.service_level import SlSettings
from app.domain.sources import FeedSource, Site
from app.feeds import anonymous_bank, calls_csv, queue_log
from app.feeds.base import COVERAGE_GAP_SECONDS, CallBatch
from app.feeds.intervals import interval_starts
from app.feeds.mapping import load_calls_mapping
from app.services import interval_imports
from app.domain.access import Action
from app.services.console import Console, machine_zone, writes
from app.services.import_common import (
    SHOWN_REJECTS,
    ImportRequest,
    ImportState,
    ImportSummary,
    SettingsChange,
    check_source,
    pick_site,
    write_report,
)
from app.storage import calls as call_store
from app.storage import imports as run_store
from app.storage import sites as site_store



@dataclass
class Progress:
    """Counts gathered over the batches of one import (or one poll of a live source)."""

    run_id: int | None = None
    source: FeedSource | None = None
    lines: int = 0
    calls: int = 0
    new: int = 0
    known: int = 0
    updated: int = 0
    waiting: int = 0
    batches: int = 0
    intervals: int = 0
    agent_events: int = 0
    cancelled: bool = False
    ignored: Counter = field(default_factory=Counter)
    rejected: list[RejectedLine] = field(default_factory=list)
    pending: list[RejectedLine] = field(default_factory=list)
    covered: tuple[float, float] | None = None
    change: SettingsChange | None = None


def validate(request: ImportRequest) -> None:
    if request.format not in CALL_FORMATS:
        raise InvalidSettingError("format", request.format.value, "not a call-level format")
    if request.threshold_seconds is not None and not (0 <= request.threshold_seconds <= 3600):
        raise InvalidSettingError("threshold", request.threshold_seconds, "must be between 0 and 3600 seconds")
    if request.tz is not None:
        zone(request.tz)
    if request.mapping is not None and request.format is not FeedFormat.CALLS_CSV:
        raise InvalidSettingError("mapping", str(request.mapping), "a mapping file is read only with --format calls-csv")
    if not request.source.strip():
        raise InvalidSettingError("source", request.source, "a source needs a name")


def open_batches(
    format: FeedFormat, path, tz_name: str, batch_lines: int, mapping=None,
    start_offset: int = 0, start_line: int = 0, whole_lines: bool = False,
) -> Iterator[CallBatch]:
    """The batches of a call-level file from `start_offset` (see the readers)."""
    tz = zone(tz_name)
    where = dict(start_offset=start_offset, start_line=start_line, whole_lines=whole_lines)
    if format is FeedFormat.ANONYMOUS_BANK:
        return anonymous_bank.read(path, tz, batch_lines, **where)
    if format is FeedFormat.QUEUE_LOG:
        return queue_log.read(path, tz, batch_lines, **where)
    return calls_csv.read(path, tz, load_calls_mapping(mapping) if mapping else None, batch_lines, **where)


@writes(Action.MANAGE)
def import_feed(console: Console, request: ImportRequest, state: ImportState | None = None) -> ImportSummary:
    """Import `request.path`; raises AppError subclasses for what cannot be done.

    `state` receives progress after each batch and may cancel between batches.
    """
    if request.format is FeedFormat.INTERVAL_CSV:
        return interval_imports.import_report(console, request)
    state = state or ImportState()
    total = _size(request.path)
    validate(request)
    with console.db.transaction() as tx:
        existing = site_store.find_source(tx, request.source)
        site = existing.site if existing else pick_site(tx, request)
    check_source(existing, request)
    file_tz = request.tz or (site.timezone if site else machine_zone())
    progress = Progress(source=existing)
    site_created = site is None
    batches = open_batches(request.format, request.path, file_tz, request.batch_lines, request.mapping)
    for batch in batches:
        progress.lines += batch.lines_read
        if progress.run_id is None and not usable(batch):
            progress.pending.extend(batch.rejected)
            continue
        with console.db.transaction() as tx:
            if progress.run_id is None:
                _begin(tx, request, progress, site)
            store_batch(tx, progress, batch)
        state.report(batch.end_offset, total)
        if state.cancelled:
            progress.cancelled = True
            break
    if progress.run_id is None and progress.cancelled:
        raise ImportCancelledError(str(request.path))
    if progress.run_id is None:
        raise InputFileError(str(request.path), _nothing_usable(progress))
    with console.db.transaction() as tx:
        run_store.finish_run(tx, progress.run_id, "cancelled" if progress.cancelled else "done")
    report = write_report(request, progress.rejected) if progress.rejected else None
    source = progress.source
    return ImportSummary(
        source=source.name,
        site=source.site.name,
        path=str(request.path),
        format=request.format.value,
        source_created=existing is None,
        site_created=site_created,
        lines_read=progress.lines,
        calls=progress.calls,
        new=progress.new,
        known=progress.known,
        updated=progress.updated,
        waiting=progress.waiting,
        ignored=dict(progress.ignored),
        rejected=len(progress.rejected),
        first_rejected=tuple(progress.rejected[:SHOWN_REJECTS]),
        report_path=str(report) if report else None,
        settings_change=progress.change,
        batches=progress.batches,
        intervals_written=progress.intervals,
        covered=progress.covered,
        agent_events=progress.agent_events,
        cancelled=progress.cancelled,
    )


def _begin(tx, request: ImportRequest, progress: Progress, site: Site | None) -> None:
    """First usable batch: create what is missing, apply new settings, start the run."""
    progress.source, progress.change = ensure_source(tx, request, site, progress.source)
    progress.run_id = run_store.start_run(tx, progress.source.id, str(request.path), request.format.value)


def ensure_source(
    tx, request: ImportRequest, site: Site | None, source: FeedSource | None
) -> tuple[FeedSource, SettingsChange | None]:
    """The source of `request`: created (with its site, when `site` is None) or given new settings."""
    if site is None:
        site = site_store.add_site(tx, request.site, request.tz or machine_zone())
    if source is None:
        settings = SlSettings()
        if request.threshold_seconds is not None:
            settings = replace(settings, threshold_seconds=float(request.threshold_seconds))
        if request.sl_definition is not None:
            settings = replace(settings, definition=request.sl_definition)
        return site_store.add_source(tx, request.source, site, request.format.value, settings), None
    change = _apply_settings(tx, source, request)
    return (site_store.find_source(tx, source.name) if change else source), change


def _apply_settings(tx, source: FeedSource, request: ImportRequest) -> SettingsChange | None:
    after = source.settings
    if request.threshold_seconds is not None:
        after = replace(after, threshold_seconds=float(request.threshold_seconds))
    if request.sl_definition is not None:
        after = replace(after, definition=request.sl_definition)
    if after == source.settings:
        return None
    site_store.update_source_settings(tx, source.id, after)
    changed = replace(source, settings=after)
    default, special = changed.thresholds()
    written = call_store.recompute_intervals(tx, source.id, default, special)
    return SettingsChange(source.settings, after, written)


def store_batch(tx, progress: Progress, batch: CallBatch) -> None:
    """Store one batch: its calls, the intervals they touch, agent events, coverage and the run's counts."""
    source = progress.source
    frame = batch.calls
    # A file may hold the same call twice; the most advanced record wins.
    if frame["call_key"].duplicated().any():
        rank = frame["state"].map({CallState.WAITING.value: 0}).fillna(1) + frame["handle_seconds"].notna()
        frame = frame.assign(_rank=rank).sort_values("_rank", kind="stable")
        frame = frame.drop_duplicates("call_key", keep="last").drop(columns="_rank").sort_index()
    arrived = frame["arrived_at"].to_numpy(dtype=float)
    starts = interval_starts(arrived, source.site.timezone)
    rows = list(
        zip(
            frame["queue"].tolist(),
            frame["call_key"].tolist(),
            arrived.tolist(),
            starts.tolist(),
            frame["state"].tolist(),
            _nullable(frame["wait_seconds"]),
            _nullable(frame["answered_at"]),
            _nullable(frame["ended_at"]),
            _nullable(frame["handle_seconds"]),
            _text(frame["agent"]),
            _text(frame["caller"]),
        )
    )
    new, updated = call_store.upsert_calls(tx, source.id, rows, *_span(starts))
    touched = starts.tolist()
    rejected = progress.pending + list(batch.rejected)
    if batch.dumps:
        ended, unmatched = call_store.resolve_dumps(tx, source.id, [d[1:4] for d in batch.dumps])
        touched += ended
        updated += len(ended)
        for i in unmatched:
            line_no, _, _, _, text = batch.dumps[i]
            rejected.append(RejectedLine(line_no, "AGENTDUMP matches no waiting call of this call id and queue", text))
        rejected.sort(key=lambda r: r.line_no)
    if touched:
        default, special = source.thresholds()
        progress.intervals += call_store.recompute_intervals(
            tx, source.id, default, special, min(touched), max(touched)
        )
    progress.agent_events += call_store.add_agent_events(tx, source.id, batch.agent_events)
    for first, last in batch.event_spans:
        call_store.add_coverage(tx, source.id, first, last, COVERAGE_GAP_SECONDS)
        a, b = progress.covered or (first, last)
        progress.covered = (min(a, first), max(b, last))
    progress.pending = []
    waiting = int((frame["state"] == CallState.WAITING.value).sum())
    run_store.record_batch(
        tx, progress.run_id, lines_read=batch.lines_read, offset=batch.end_offset, new=new,
        known=len(rows) - new, updated=updated, waiting=waiting, ignored=batch.ignored, rejected=rejected,
    )
    progress.batches += 1
    progress.calls += len(batch.calls)
    progress.new += new
    progress.known += len(batch.calls) - new
    progress.updated += updated
    progress.waiting += waiting
    progress.ignored.update(batch.ignored)
    progress.rejected.extend(rejected)


def _size(path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0  # the reader says why it cannot read the file


def _span(starts: np.ndarray) -> tuple[int, int]:
    return (int(starts.min()), int(starts.max())) if len(starts) else (0, 0)


def _nullable(series) -> list:
    """Floats with None for unknown (NaN), as the database driver takes them."""
    values = series.to_numpy(dtype=float)
    out = values.astype(object)
    out[np.isnan(values)] = None
    return out.tolist()


def _text(series) -> list:
    """Strings with None for unknown or empty."""
    values = series.to_numpy(dtype=object)
    known = pd.notna(values) & (values != "")
    out = np.full(len(values), None, dtype=object)
    out[known] = values[known]
    return out.tolist()


def usable(batch: CallBatch) -> bool:
    """Whether a batch holds anything to store beyond rejected lines."""
    return bool(not batch.calls.empty or batch.ignored or batch.agent_events or batch.dumps)


def _nothing_usable(progress: Progress) -> str:
    if progress.lines == 0:
        return "the file has a header but no data lines"
    first = progress.pending[0] if progress.pending else None
    detail = f"; first: line {first.line_no}: {first.reason}" if first else ""
    return f"no line could be used ({len(progress.pending)} of {progress.lines} rejected{detail})"
