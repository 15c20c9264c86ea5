"""Use case: what the service-level view shows for one local day, queue selection and source.

Every half hour of the local day (48; 46 or 50 on a DST change) is a slot:
covered slots carry figures (0 offered when no call came), uncovered ones
are unknown (None) and are drawn as gaps. Several queues combine with
volume-weighted totals. The slot holding `now` is provisional.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone

from app.domain.intervals import INTERVAL_SECONDS, day_intervals, local_hhmm, zone
from app.domain.service_level import IntervalFigures, SlDefinition
from app.services.console import Console
from app.services.reports import interval_report
from app.storage import calls as call_store
from app.storage import sites as site_store


@dataclass(frozen=True, slots=True)
class Slot:
    start: int  # UTC epoch second of the local start
    label: str  # local HH:MM
    figures: IntervalFigures | None  # None: not covered (unknown)
    service_level: float | None
    below_target: bool
    provisional: bool


@dataclass(frozen=True)
class DayView:
    source: str
    site: str
    timezone: str
    day: date
    queues: tuple[str, ...]  # the queues shown (all of the source when none chosen)
    all_queues: tuple[str, ...]
    definition: SlDefinition
    threshold_seconds: float | None
    target_percent: float
    vendor_rule: str | None
    slots: tuple[Slot, ...]
    total: IntervalFigures
    total_service_level: float | None

    def service_levels(self, definition: SlDefinition) -> list[float | None]:
        """The same day under another definition (None where unknown)."""
        return [s.figures.service_level(definition) if s.figures else None for s in self.slots]

    @property
    def covered(self) -> bool:
        return any(s.figures is not None for s in self.slots)


def day_view(
    console: Console,
    source_name: str,
    day: date,
    queues: tuple[str, ...] = (),
    now: datetime | None = None,
) -> DayView:
    """The slots of `day` for the chosen queues (all when empty)."""
    rows = interval_report(console, source_name, day)
    with console.db.transaction() as tx:
        source = site_store.find_source(tx, source_name)
        all_queues = tuple(call_store.queues(tx, source.id))
    tz = zone(source.site.timezone)
    chosen = tuple(q for q in queues if q in all_queues) or all_queues
    by_start: dict[int, list[IntervalFigures]] = {}
    for r in rows:
        if r.queue in chosen:
            by_start.setdefault(r.interval_start, []).append(r.figures)
    settings = source.settings if len(chosen) != 1 else source.settings_for(chosen[0])
    definition, target = settings.definition, settings.target_percent
    now_epoch = (now or datetime.now(timezone.utc)).timestamp()
    slots = []
    for start in day_intervals(day, tz).starts:
        parts = by_start.get(start)
        figures = IntervalFigures.total(parts) if parts else None
        sl = figures.service_level(definition) if figures else None
        slots.append(
            Slot(
                start=start,
                label=local_hhmm(start, tz),
                figures=figures,
                service_level=sl,
                below_target=sl is not None and sl < target,
                provisional=start <= now_epoch < start + INTERVAL_SECONDS,
            )
        )
    total = IntervalFigures.total([s.figures for s in slots if s.figures is not None])
    thresholds = {source.settings_for(q).threshold_seconds for q in chosen}
    return DayView(
        source=source.name,
        site=source.site.name,
        timezone=source.site.timezone,
        day=day,
        queues=chosen,
        all_queues=all_queues,
        definition=definition,
        threshold_seconds=thresholds.pop() if len(thresholds) == 1 else None,
        target_percent=target,
        vendor_rule=source.vendor_rule,
        slots=tuple(slots),
        total=total,
        total_service_level=total.service_level(definition),
    )


def week_view(
    console: Console, source_name: str, last_day: date, queues: tuple[str, ...] = (), now: datetime | None = None
) -> tuple[DayView, ...]:
    """The seven days ending with `last_day`, oldest first."""
    return tuple(day_view(console, source_name, last_day - timedelta(days=back), queues, now) for back in range(6, -1, -1))


def latest_day(console: Console, source_name: str) -> date | None:
    """The local date of the newest covered moment of a source (where its data ends)."""
    with console.db.transaction() as tx:
        source = site_store.find_source(tx, source_name)
        spans = call_store.coverage(tx, source.id)
    if not spans:
        return None
    return datetime.fromtimestamp(spans[-1][1], timezone.utc).astimezone(zone(source.site.timezone)).date()
