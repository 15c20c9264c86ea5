"""Use case: the half-hourly interval report of a source for one local date."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from app.domain.errors import UnknownQueueError, UnknownSourceError
from app.domain.intervals import INTERVAL_SECONDS, day_intervals, local_iso, zone
from app.domain.service_level import IntervalFigures, SlDefinition
from app.services.console import Console
from app.storage import calls as call_store
from app.storage import sites as site_store

ALL_QUEUES = "*"
REPORT_FIELDS = (
    "source", "queue", "interval_start", "offered", "answered", "abandoned", "other", "waiting",
    "answered_within_threshold", "abandoned_within_threshold", "service_level", "asa_seconds",
    "aht_seconds", "max_wait_seconds", "threshold_seconds", "sl_definition", "vendor_rule",
    "vendor_service_level",
)


@dataclass(frozen=True, slots=True)
class IntervalReportRow:
    """One queue (or `*`, all queues) in one covered interval, with the rule used."""

    source: str
    queue: str
    interval_start: int  # UTC epoch second of the local start
    interval_start_local: str  # ISO 8601 local time with offset
    figures: IntervalFigures
    service_level: float | None
    threshold_seconds: float | None
    target_percent: float | None
    sl_definition: SlDefinition
    vendor_rule: str | None = None  # a vendor report's own rule, shown with its figures

    def as_dict(self) -> dict:
        """The JSON/CSV element of ARCHITECTURE.md section 6 (keys: REPORT_FIELDS)."""
        f = self.figures
        return {
            "source": self.source,
            "queue": self.queue,
            "interval_start": self.interval_start_local,
            "offered": f.offered,
            "answered": f.answered,
            "abandoned": f.abandoned,
            "other": f.other,
            "waiting": f.waiting,
            "answered_within_threshold": f.answered_within,
            "abandoned_within_threshold": f.abandoned_within,
            "service_level": self.service_level,
            "asa_seconds": f.asa_seconds,
            "aht_seconds": f.aht_seconds,
            "max_wait_seconds": f.max_wait_seconds,
            "threshold_seconds": self.threshold_seconds,
            "sl_definition": self.sl_definition.value,
            "vendor_rule": self.vendor_rule,
            "vendor_service_level": f.vendor_service_level,
        }


def interval_report(
    console: Console, source_name: str, day: date, queue: str | None = None
) -> tuple[IntervalReportRow, ...]:
    """Rows of `day` (local date of the source's site), ordered by interval then queue.

    `queue` None: every queue; a queue name: that queue; `*`: the total over
    all queues. Intervals outside the source's coverage are left out;
    covered intervals without calls have 0 offered.
    """
    with console.db.transaction() as tx:
        source = site_store.find_source(tx, source_name)
        if source is None:
            raise UnknownSourceError(source_name)
        tz = zone(source.site.timezone)
        day_ = day_intervals(day, tz)
        spans = call_store.coverage(tx, source.id, day_.first, day_.end)
        stored = call_store.interval_rows(
            tx, source.id, day_.first, day_.end, None if queue in (None, ALL_QUEUES) else queue
        )
        known_queues = call_store.queues(tx, source.id)
    if queue not in (None, ALL_QUEUES) and queue not in known_queues:
        raise UnknownQueueError(source.name, queue, tuple(known_queues))
    covered = [s for s in day_.starts if any(s <= b and s + INTERVAL_SECONDS > a for a, b in spans)]
    by_key = {(q, s): (t, f) for q, s, t, f in stored}
    if queue is None or queue == ALL_QUEUES:
        queues = sorted(set(known_queues) | {q for q, _, _, _ in stored})
    else:
        queues = [queue]
    rows: list[IntervalReportRow] = []
    for start in covered:
        iso = local_iso(start, tz)
        if queue == ALL_QUEUES:
            parts = [by_key[(q, start)][1] for q in queues if (q, start) in by_key]
            total = IntervalFigures.total(parts)
            default, special = source.thresholds()
            definition = source.settings.definition
            rows.append(
                IntervalReportRow(
                    source.name, ALL_QUEUES, start, iso, total, total.service_level(definition),
                    None if special else default, source.settings.target_percent, definition,
                    source.vendor_rule,
                )
            )
            continue
        for q in queues:
            settings = source.settings_for(q)
            threshold, figures = by_key.get((q, start), (settings.threshold_seconds, IntervalFigures()))
            rows.append(
                IntervalReportRow(
                    source.name, q, start, iso, figures, figures.service_level(settings.definition),
                    threshold, settings.target_percent, settings.definition, source.vendor_rule,
                )
            )
    return tuple(rows)
