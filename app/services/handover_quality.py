"""Use case: the quality of a site's shift changes over the last 30 days.

A shift change is where one shift slot hands over to the next one of the
site (the first slot that starts after it, as `open_handover` pairs them);
it happens at the incoming shift's start. For each change that happened in
the period, whether anyone opened a handover for it or not:

- the service level of the half hours around the change against the rest of
  the outgoing AND incoming shifts' finished half hours
  (`app.domain.handover_quality.change_quality`), from the site's feed source
  (the first live one, else the first one added) as the service-level view
  shows it (`day_view`: every queue, the source's own definition);
- signed on time: both signatures within 15 minutes of the change (the
  incoming one is the later); a change whose 15 minutes are not over yet and
  not signed is `pending` and left out of the count;
- the exceptions handled with a playbook: the runs started in the outgoing
  shift;
- the staffing of those same half hours around the change
  (`app.domain.handover_quality.change_staffing`): Erlang C agents required
  for their calls and AHT at the source's threshold and target against the
  agents on the phones by the shift sheet (`app.services.staffing`): the
  agent-half-hours short, and the average required and staffed. None where
  no half hour around the change has calls, AHT and a shift known.

Reading only: no shift instance is created for a change nobody opened.
`site_id` None means the first site; instants are aware datetimes.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone

from app.domain.handover import HandoverStatus
from app.domain.handover_quality import (
    SIGN_GRACE,
    ChangeQuality,
    ChangeStaffing,
    change_quality,
    change_staffing,
    signed_on_time,
)
from app.domain.intervals import INTERVAL_SECONDS, zone
from app.domain.service_level import IntervalFigures, SlDefinition
from app.domain.shifts import ShiftSlot
from app.domain.sources import FeedSource
from app.domain.staffing import IntervalLoad
from app.services.console import Console
from app.services.day_view import DayView, day_view
from app.services.shifts import aware, hand_overs, slots_between
from app.services.staffing import MAX_TARGET, settings_of, staffed_at
from app.storage import handover as handover_store
from app.storage import playbooks as playbook_store
from app.storage import shifts as shift_store
from app.storage import sites as site_store

PERIOD = timedelta(days=30)


@dataclass(frozen=True, slots=True)
class ChangeRow:
    """One shift change. `quality`: the service level around it and in the rest of both shifts; `signed_at`: the
    incoming signature (the later one) when both signed; `runs`: titles of the playbook runs started in the
    outgoing shift; `pending`: not signed and its 15 minutes not over at the time the report was made;
    `understaffing`: agent-half-hours short around the change, `required_around` / `staffed_around`: the mean
    agents required and on the phones there (None: not known, see the module docstring)."""

    change_at: datetime  # the incoming shift's start, in the site's zone
    outgoing: ShiftSlot
    incoming: ShiftSlot
    outgoing_instance_id: int | None
    handover_id: int | None
    handover_status: HandoverStatus | None
    signed_at: datetime | None
    signed_on_time: bool
    pending: bool
    quality: ChangeQuality
    runs: tuple[str, ...]
    understaffing: float | None = None
    required_around: float | None = None
    staffed_around: float | None = None


@dataclass(frozen=True, slots=True)
class QualityReport:
    """The changes of the period (oldest first) and the figures of the summary line."""

    site: str
    timezone: str
    source: str | None  # None: the site has no feed source (no service level)
    definition: SlDefinition | None
    target_percent: float | None
    first: datetime
    last: datetime
    rows: tuple[ChangeRow, ...]

    @property
    def average_drop(self) -> float | None:
        """Mean of the drops of the changes that have one (percentage points; negative: it rose)."""
        drops = [r.quality.drop for r in self.rows if r.quality.drop is not None]
        return round(sum(drops) / len(drops), 1) if drops else None

    @property
    def changes_with_drop(self) -> int:
        return sum(1 for r in self.rows if r.quality.drop is not None)

    @property
    def signed_on_time_count(self) -> int:
        return sum(1 for r in self.rows if r.signed_on_time)

    @property
    def counted(self) -> int:
        """The changes whose signing time is over (the M of "signed on time N of M")."""
        return sum(1 for r in self.rows if not r.pending)


def handover_quality(console: Console, now: datetime, site_id: int | None = None,
                     period: timedelta = PERIOD) -> QualityReport:
    """The site's shift changes in (`now` - `period`, `now`] with their quality (see the module docstring)."""
    aware("now", now)
    first = now - period
    with console.db.transaction() as tx:
        site = shift_store.site(tx, site_id)
        tz = zone(site.timezone)
        slots = slots_between(tx, site, first.astimezone(tz).date() - timedelta(days=1), now.astimezone(tz).date())
        pairs = [(out, incoming) for out, incoming in hand_overs(slots) if first < incoming.start <= now]
        instances = [shift_store.find_instance(tx, out.definition.id, out.day) for out, _ in pairs]
        briefs = handover_store.brief_by_outgoing(tx, [i.id for i in instances if i is not None])
        found = []
        for (out, incoming), instance in zip(pairs, instances):
            handover = briefs.get(instance.id) if instance is not None else None
            runs = playbook_store.runs_of_instance(tx, instance.id) if instance is not None else ()
            found.append((out, incoming, instance, handover, runs))
        site_sources = [s for s in site_store.list_sources(tx) if s.site.id == site.id]
    source = _source(site_sources)
    views: dict[date, DayView] = {}
    changes = []
    for out, incoming, instance, handover, runs in found:
        change_at = incoming.start.astimezone(tz)
        intervals = _intervals(console, source, views, (out, incoming), now, tz) if source else ()
        definition = source.settings.definition if source else SlDefinition.OFFERED
        changes.append((out, incoming, instance, handover, runs, intervals,
                        change_quality(intervals, change_at, definition)))
    staffing = _staffing(console, site.id, source, views, changes)
    rows = []
    for (out, incoming, instance, handover, runs, _, quality), staffed in zip(changes, staffing):
        change_at = incoming.start.astimezone(tz)
        handover_id, status, signed = handover if handover is not None else (None, None, None)
        on_time = signed_on_time(change_at, signed)
        rows.append(ChangeRow(
            change_at=change_at,
            outgoing=out,
            incoming=incoming,
            outgoing_instance_id=instance.id if instance is not None else None,
            handover_id=handover_id,
            handover_status=status,
            signed_at=signed.astimezone(tz) if signed is not None else None,
            signed_on_time=on_time,
            pending=not on_time and now < change_at + SIGN_GRACE,
            quality=quality,
            runs=tuple(r.playbook.title for r in runs),
            understaffing=staffed.understaffing if staffed else None,
            required_around=staffed.required_around if staffed else None,
            staffed_around=staffed.staffed_around if staffed else None,
        ))
    return QualityReport(
        site=site.name,
        timezone=site.timezone,
        source=source.name if source else None,
        definition=source.settings.definition if source else None,
        target_percent=source.settings.target_percent if source else None,
        first=first.astimezone(tz),
        last=now.astimezone(tz),
        rows=tuple(rows),
    )


def _source(sources: list[FeedSource]) -> FeedSource | None:
    """The site's first live source, else its first source (the one added first)."""
    if not sources:
        return None
    return min(sources, key=lambda s: (not s.live, s.id))


def _staffing(console: Console, site_id: int, source: FeedSource | None, views: dict[date, DayView],
              changes: list[tuple]) -> list[ChangeStaffing | None]:
    """The staffing around each change: loads of its half hours around (calls, AHT, the sheet's agents)."""
    if source is None or not views:
        return [None] * len(changes)
    threshold, target = settings_of(source, next(iter(views.values())).queues)
    starts = [int(at.timestamp()) for *_, quality in changes for at in quality.intervals_around]
    staffed = staffed_at(console, site_id, starts)
    out = []
    for *_, intervals, quality in changes:
        figures = dict(intervals)
        loads = []
        for at in quality.intervals_around:
            f, agents = figures[at], staffed[int(at.timestamp())]
            if f is None or f.offered is None or agents is None:
                continue
            calls = f.offered + (f.waiting or 0)
            if calls > 0 and not f.aht_seconds:
                continue  # the load is not known without a handle time
            loads.append(IntervalLoad(at, calls, f.aht_seconds or 0.0, agents, threshold, min(target, MAX_TARGET)))
        out.append(change_staffing(loads))
    return out


def _intervals(console: Console, source: FeedSource, views: dict[date, DayView], shifts: tuple[ShiftSlot, ...],
               now: datetime, tz) -> list[tuple[datetime, IntervalFigures | None]]:
    """The finished half hours (start, figures) of the shifts, from the day views (read once per local day)."""
    days = sorted({d for s in shifts for d in (s.start.astimezone(tz).date(),
                                               (s.end - timedelta(seconds=1)).astimezone(tz).date())})
    out = {}
    for day in days:
        if day not in views:
            views[day] = day_view(console, source.name, day, now=now)
        for slot in views[day].slots:
            start = datetime.fromtimestamp(slot.start, timezone.utc)
            if start.timestamp() + INTERVAL_SECONDS > now.timestamp():
                continue
            if any(s.start <= start < s.end for s in shifts):
                out[slot.start] = (start.astimezone(tz), slot.figures)
    return [out[k] for k in sorted(out)]
