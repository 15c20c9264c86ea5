"""Use case: agents required against agents on the phones per half hour of a local day; what-if; the meeting slot.

Per half hour of the day (the service-level view's slots, `day_view`), for the chosen queues (all by default):

- calls: the calls that arrived (offered, plus those still waiting for their outcome) in a covered half hour
  that has started; in the half hour running at `now` those so far plus the forecast's share of the rest of
  it; the forecast in a half hour that starts after `now` or is not covered. AHT: the actual where known,
  else the forecast's.
- forecast: the same weekday's half hour (by local wall time) over the last four weeks, special days of the
  site left out (`app.domain.staffing.forecast`); the AHT weighted by the calls of the half hours that had one.
- required: Erlang C agents for those calls at the threshold and target the view uses (one queue: its own
  settings; several: their common threshold, else the source's, and the source's target; a 100 % target is
  taken as 99.9 %, no staffing answers every call in time).
- staffed: agents on the phones from the shift sheet. Every roster entry that meets the half hour (the
  previous day's night shift included) counts by the share of the half hour its agent is on the phones:
  from the entry's start (plus the minutes of a late mark) to its end (or the time of an early leave), less
  its scheduled activities (break, lunch, training, meeting, other). Marked absent or on leave: never.
  Swapped: counts (the colleague who came works the entry). Unmarked: counts, as on the sheet, where an
  agent not yet marked is still expected (the feed's `logged_in` beside it shows who really came). None
  where neither a shift of the site nor a roster entry meets the half hour.
- logged_in: from the feed, for the covered part of the day up to `now`: the agents logged in, time-weighted
  (agent events replayed by the floor's rules, `app.domain.floor`; an agent serving a call counts as logged
  in), or, for a feed without agent events, the distinct agents seen serving calls in the half hour.
- on_phones: the staffing the expectations use: the feed's logged-in agents for a half hour that has started
  where the feed saw any (who really came), else the sheet's staffed agents; `understaffed` compares it with
  the required agents.
- expected_sl / abandon_rate: with `on_phones`, Erlang A when the callers' patience is known, else
  Erlang C (no abandon rate). Patience: the maximum-likelihood mean of `app.domain.erlang.patience_estimate`
  (total wait of answered and abandoned calls / abandons) over the calls of the 28 days before `now`, summed
  in the database (one aggregate query, whatever the volume).
- actual_sl: the view's service level (its definition) of a half hour that has started.

Reading only: nothing is written (no shift instance is created). Instants are aware datetimes.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone

from app.domain import erlang
from app.domain import staffing as rules
from app.domain.attendance import MISSING, AttendanceStatus, Mark, RosterEntry
from app.domain.errors import InvalidSettingError, UnknownSourceError
from app.domain.floor import AgentStatus
from app.domain.floor import _Agent as AgentReplay  # the floor's replay rules, one source of truth
from app.domain.intervals import INTERVAL_SECONDS, day_intervals, merge_spans, zone
from app.domain.service_level import IntervalFigures
from app.domain.sources import FeedSource, Site
from app.domain.staffing import IntervalLoad, Slot, WhatIf
from app.services.console import Console
from app.services.day_view import DayView, day_view
from app.services.shifts import aware, slots_between
from app.storage import calls as call_store
from app.storage import floor as floor_store
from app.storage import sheet as sheet_store
from app.storage import shifts as shift_store
from app.storage import sites as site_store
from app.storage import staffing as staffing_store

HISTORY_WEEKS = 4
PATIENCE_DAYS = 28
MAX_TARGET = 0.999


@dataclass(frozen=True)
class StaffingSlot:
    """One half hour (see the module docstring for each figure)."""

    start: int  # UTC epoch second of the local half hour (as day_view.Slot.start)
    label: str  # local HH:MM
    calls: float | None
    forecast_calls: float | None
    aht_s: float | None
    required: int | None
    staffed: float | None
    logged_in: float | None
    expected_sl: float | None  # 0..1
    actual_sl: float | None  # 0..1
    abandon_rate: float | None  # 0..1
    future: bool
    on_phones: float | None = None  # logged in where the feed knows it (a half hour that has started), else staffed

    @property
    def understaffed(self) -> bool:
        return self.on_phones is not None and self.required is not None and self.on_phones < self.required


@dataclass(frozen=True)
class StaffingDay:
    source: str
    site: str
    timezone: str
    day: date
    queues: tuple[str, ...]
    threshold_s: float
    target: float  # 0..1
    patience_s: float | None
    slots: tuple[StaffingSlot, ...]

    def loads(self, sheet: bool = False) -> tuple[IntervalLoad, ...]:
        """The half hours whose calls, AHT and staffing are known, as the domain's loads: staffed with the
        agents on the phones (`on_phones`), or with the sheet's (`sheet`)."""
        tz = zone(self.timezone)
        target = min(self.target, MAX_TARGET)
        out = []
        for s in self.slots:
            agents = s.staffed if sheet else s.on_phones
            if s.calls is not None and agents is not None and (s.calls == 0 or s.aht_s):
                out.append(IntervalLoad(datetime.fromtimestamp(s.start, tz), s.calls, s.aht_s or 0.0, agents,
                                        self.threshold_s, target, self.patience_s))
        return tuple(out)


@dataclass(frozen=True)
class SlotAdvice:
    """The least damaging slot for a meeting before a shift: the agents it takes off the phones and the expected
    service level of the half hours it touches before and after (calls-weighted; None: no calls expected)."""

    source: str
    start: datetime
    end: datetime
    damage: float
    sl_drop: float
    agents_off: int
    expected_sl_before: float | None
    expected_sl_after: float | None


def staffing_day(console: Console, source_name: str, day: date, now: datetime,
                 queues: Sequence[str] = ()) -> StaffingDay:
    """Required against staffed agents for every half hour of `day` (see the module docstring)."""
    aware("now", now)
    view = day_view(console, source_name, day, tuple(queues), now)
    with console.db.transaction() as tx:
        floor_store.begin_snapshot(tx)
        source = site_store.find_source(tx, source_name)
        tz = zone(source.site.timezone)
        only = None if set(view.queues) == set(view.all_queues) else list(view.queues)
        special = {s.day for s in shift_store.list_special_days(
            tx, source.site.id, day - timedelta(weeks=HISTORY_WEEKS), day - timedelta(weeks=1))}
        history = _history(tx, source, tz, day, view.queues)
        staffed = _staffed(tx, source.site, [s.start for s in view.slots])
        # The callers' patience of the 28 days up to the end of the day shown (or now, for today and later).
        until = min(now.timestamp(), float(view.slots[-1].start + INTERVAL_SECONDS) if view.slots else now.timestamp())
        waits = staffing_store.wait_totals(tx, source.id, until - PATIENCE_DAYS * 86400, until, only)
        logged = _logged_in(tx, source, view, now, only)
    patience = (waits.abandoned_wait_s + waits.answered_wait_s) / waits.abandoned if waits.abandoned else None
    calls_fc = rules.forecast({d: [(t, c, 0.0) for t, c, _ in rows] for d, rows in history.items()}, day, special)
    aht_fc = rules.forecast({d: [r for r in rows if r[2] is not None and r[1] > 0] for d, rows in history.items()},
                            day, special)
    threshold, target = settings_of(source, view.queues)
    slots = []
    for slot in view.slots:
        wall = datetime.fromtimestamp(slot.start, tz).time()
        forecast_calls = calls_fc[wall][0] if wall in calls_fc else None
        forecast_aht = aht_fc[wall][1] if wall in aht_fc else None
        future = slot.start > now.timestamp()
        calls, aht = _calls(slot.figures, slot.start, now, future, forecast_calls, forecast_aht)
        seen = logged.get(slot.start)
        phones = seen if not future and seen is not None else staffed[slot.start]  # the feed's 0 is real
        load = None
        if calls is not None and (calls == 0 or aht):
            load = IntervalLoad(datetime.fromtimestamp(slot.start, tz), calls, aht or 0.0, phones or 0.0,
                                threshold, min(target, MAX_TARGET), patience)
        with_staff = load is not None and phones is not None
        slots.append(StaffingSlot(
            start=slot.start,
            label=slot.label,
            calls=calls,
            forecast_calls=forecast_calls,
            aht_s=aht,
            required=rules.required(load) if load is not None else None,
            staffed=staffed[slot.start],
            logged_in=logged.get(slot.start),
            expected_sl=rules.expected_sl(load) if with_staff else None,
            actual_sl=slot.service_level / 100 if slot.service_level is not None and not future else None,
            abandon_rate=(erlang.erlang_a(load.calls, load.aht_s, load.staffed, patience, threshold).abandon_rate
                          if with_staff and patience is not None else None),
            future=future,
            on_phones=phones,
        ))
    return StaffingDay(source.name, source.site.name, source.site.timezone, day, view.queues, threshold, target,
                       patience, tuple(slots))


def what_if(console: Console, source_name: str, day: date, now: datetime, agents_off: int, start: datetime,
            minutes: int, queues: Sequence[str] = ()) -> tuple[WhatIf, ...]:
    """Take `agents_off` agents off the phones from `start` for `minutes`: the expected service level of each
    half hour touched, before and after (half hours of other days the span reaches are read too)."""
    rules.what_if((), agents_off, aware("start", start), minutes)  # the arguments checked before any read
    loads = _loads(console, source_name, day, now, queues, start, start + timedelta(minutes=minutes))
    return rules.what_if(loads, agents_off, start, minutes)


def meeting_slot(console: Console, source_name: str, day: date, now: datetime, agents_off: int, minutes: int,
                 window_start: datetime, window_end: datetime, queues: Sequence[str] = ()) -> Slot | None:
    """The `minutes` inside the window with the least expected damage to the service level when `agents_off`
    agents leave the phones (`app.domain.staffing.best_slot`, a start every 5 minutes); None when no slot fits
    or nothing is known of the half hours the window touches."""
    aware("window_start", window_start)
    aware("window_end", window_end)
    loads = _loads(console, source_name, day, now, queues, window_start, window_end)
    return _best(loads, agents_off, minutes, window_start, window_end)


def meeting_slot_for_shift(console: Console, instance_id: int, now: datetime, minutes: int = 15,
                           window_minutes: int = 120, step_minutes: int = 5) -> SlotAdvice | None:
    """The best slot for the pre-shift meeting of a shift, in the `window_minutes` before its start (a meeting
    ends by the shift's start), on the site's first live source (else the first one added).

    The meeting takes the shift's agents (rostered, not marked absent or on leave) off the phones only where
    they are on them: an agent whose roster entry starts before the shift (a staggered start) or who works the
    shift before; for each half hour the slot touches, their seconds on the phones inside the slot are taken
    from the agents on the phones there (`on_phones`). Damage: the calls expected to miss the threshold in
    addition; the least damaging start wins (every `step_minutes`, and the one ending as the shift starts), the
    latest of equals (closest to the shift). None when the site has no feed, nobody is rostered, the shift does not run (a closed special day)
    or nothing is known of the window."""
    aware("now", now)
    if minutes <= 0 or window_minutes < minutes:
        raise InvalidSettingError("minutes", minutes, f"must be 1 to {window_minutes}")
    with console.db.transaction() as tx:
        instance = shift_store.get_instance(tx, instance_id)
        if instance is None:
            raise InvalidSettingError("shift", instance_id, "no such shift")
        site = shift_store.site(tx, instance.site_id)
        runs = [s for s in slots_between(tx, site, instance.day, instance.day)
                if s.definition.id == instance.definition.id]
        entries = sheet_store.shift_entries(tx, site.id, instance.day, instance.definition.id)
        marks = sheet_store.latest_marks(tx, instance.id)
        sources = [s for s in site_store.list_sources(tx) if s.site.id == site.id]
        coming = [e for e in entries if e.agent_id not in marks or marks[e.agent_id].mark.status not in MISSING]
        agents = {e.agent_id for e in coming}
        if not sources or not runs or not agents:
            return None
        lo = runs[0].start.astimezone(zone(site.timezone)).date() - timedelta(days=1)
        others = [e for e in sheet_store.entries_between(tx, site.id, lo, instance.day) if e.agent_id in agents]
        day_marks = staffing_store.marks_between(tx, site.id, lo, instance.day)
    source = min(sources, key=lambda s: (not s.live, s.id))
    tz = zone(site.timezone)
    shift_start = runs[0].start.astimezone(tz)
    window_start = shift_start - timedelta(minutes=window_minutes)
    # When the meeting's agents are on the phones (any of their entries: the shift's own and earlier ones).
    spans = [span for e in others
             for span in on_phones(e, day_marks.get((e.definition_id, e.day), {}).get(e.agent_id))]
    # The agents the meeting takes are the sheet's (their roster entries): the staffing they leave is the
    # sheet's too, not the feed's count (which may not hold them).
    loads = {load.start.timestamp(): load
             for load in _loads(console, source.name, window_start.date(), now, (), window_start, shift_start,
                                sheet=True)}
    if not any(window_start.timestamp() - INTERVAL_SECONDS < t < shift_start.timestamp() for t in loads):
        return None
    best: tuple[float, datetime, list[tuple[IntervalLoad, float, float]]] | None = None
    starts, start = [], window_start
    while start + timedelta(minutes=minutes) <= shift_start:
        starts.append(start)
        start += timedelta(minutes=step_minutes)
    if shift_start - timedelta(minutes=minutes) not in starts:  # the slot ending as the shift starts, too
        starts.append(shift_start - timedelta(minutes=minutes))
    for start in starts:
        a, b = start.timestamp(), start.timestamp() + 60 * minutes
        touched = []
        for t, load in loads.items():
            lo_t, hi_t = max(a, t), min(b, t + INTERVAL_SECONDS)
            if hi_t <= lo_t:
                continue
            on = sum(max(0.0, min(q, hi_t) - max(p, lo_t)) for p, q in spans)  # their seconds on the phones
            share = (hi_t - lo_t) / INTERVAL_SECONDS
            # During the part of the half hour the meeting covers, the agents it holds on average are off; the
            # rest of the half hour runs as staffed (time-weighted, as app.domain.staffing.what_if).
            during = max(0.0, load.staffed - on / (hi_t - lo_t))
            touched.append((load, share, during))
        damage = sum(load.calls * share * (rules.expected_sl(load) - rules.expected_sl(load, during))
                     for load, share, during in touched if during != load.staffed)
        if best is None or damage <= best[0] + 1e-9:
            best = (damage, start, touched)
    if best is None:
        return None
    damage, start, touched = best
    calls = sum(load.calls for load, _share, _during in touched)
    before = sum(load.calls * rules.expected_sl(load) for load, _s, _d in touched) / calls if calls > 0 else None
    after = (sum(load.calls * (share * rules.expected_sl(load, during) + (1 - share) * rules.expected_sl(load))
                 for load, share, during in touched) / calls if calls > 0 else None)
    drop = (before - after) if before is not None and after is not None else 0.0
    return SlotAdvice(source.name, start, start + timedelta(minutes=minutes), damage, drop, len(agents), before,
                      after)


def staffed_at(console: Console, site_id: int, starts: Sequence[int]) -> dict[int, float | None]:
    """Agents on the phones from the shift sheet at each half hour start (UTC epoch seconds, any days)."""
    with console.db.transaction() as tx:
        return _staffed(tx, shift_store.site(tx, site_id), sorted(set(starts)))


def settings_of(source: FeedSource, queues: Iterable[str]) -> tuple[float, float]:
    """(threshold s, target 0..1) for the queues shown together: one queue's own; several: their common
    threshold (else the source's) and the source's target, as the service-level view takes them."""
    queues = tuple(queues)
    settings = source.settings_for(queues[0]) if len(queues) == 1 else source.settings
    thresholds = {source.settings_for(q).threshold_seconds for q in queues}
    threshold = thresholds.pop() if len(thresholds) == 1 else source.settings.threshold_seconds
    return float(threshold), settings.target_percent / 100


# --- what the day is made of ---

def _calls(figures: IntervalFigures | None, start: int, now: datetime, future: bool, forecast_calls: float | None,
           forecast_aht: float | None) -> tuple[float | None, float | None]:
    """(calls, AHT) of a half hour (see the module docstring)."""
    if future or figures is None or figures.offered is None:
        return forecast_calls, forecast_aht
    arrived = float(figures.offered + (figures.waiting or 0))
    left = (start + INTERVAL_SECONDS - now.timestamp()) / INTERVAL_SECONDS
    if 0 < left and forecast_calls is not None:
        arrived += forecast_calls * left  # the half hour running now: the rest of it as forecast
    aht = figures.aht_seconds if figures.aht_seconds else forecast_aht  # an AHT of 0 s says nothing of the load
    return arrived, aht


def _history(tx, source: FeedSource, tz, day: date,
             queues: Sequence[str]) -> dict[date, list[tuple[time, float, float | None]]]:
    """(local wall time, calls, AHT or None) of the covered half hours of the same weekday in the weeks before."""
    chosen = set(queues)
    out: dict[date, list[tuple[time, float, float | None]]] = {}
    for back in range(1, HISTORY_WEEKS + 1):
        past = day_intervals(day - timedelta(weeks=back), tz)
        spans = call_store.coverage(tx, source.id, past.first, past.end)
        if not spans:
            continue
        by_start: dict[int, list[IntervalFigures]] = {}
        for queue, start, _, figures in call_store.interval_rows(tx, source.id, past.first, past.end):
            if queue in chosen:
                by_start.setdefault(start, []).append(figures)
        merged: dict[time, list[float]] = {}  # wall time -> [calls, calls × AHT, calls with an AHT]
        for start in past.starts:
            if not any(start <= b and start + INTERVAL_SECONDS > a for a, b in spans):
                continue
            total = IntervalFigures.total(by_start.get(start, ()))
            if total.offered is None:
                continue
            wall = datetime.fromtimestamp(start, tz).time()  # a repeated wall hour (DST) adds up
            entry = merged.setdefault(wall, [0.0, 0.0, 0.0])
            entry[0] += total.offered
            if total.aht_seconds and total.offered > 0:
                entry[1] += total.offered * total.aht_seconds
                entry[2] += total.offered
        out[past.day] = [(t, c, w / n if n else None) for t, (c, w, n) in merged.items()]
    return out


def _staffed(tx, site: Site, starts: Sequence[int]) -> dict[int, float | None]:
    """Agents on the phones from the shift sheet at each of the sorted half-hour `starts` (module docstring)."""
    if not starts:
        return {}
    tz = zone(site.timezone)
    lo = datetime.fromtimestamp(starts[0], tz).date() - timedelta(days=1)
    hi = datetime.fromtimestamp(starts[-1], tz).date()
    entries = sheet_store.entries_between(tx, site.id, lo, hi)
    marks = staffing_store.marks_between(tx, site.id, lo, hi)
    shifts = [(s.start.timestamp(), s.end.timestamp()) for s in slots_between(tx, site, lo, hi)]
    totals: dict[int, float | None] = {s: None for s in starts}
    for a, b in shifts:
        for s in _meeting(starts, a, b):
            totals[s] = 0.0
    for entry in entries:
        for s in _meeting(starts, entry.start.timestamp(), entry.end.timestamp()):
            if totals[s] is None:
                totals[s] = 0.0
        mark = marks.get((entry.definition_id, entry.day), {}).get(entry.agent_id)
        for a, b in on_phones(entry, mark):
            for s in _meeting(starts, a, b):
                totals[s] += (min(b, s + INTERVAL_SECONDS) - max(a, s)) / INTERVAL_SECONDS
    return totals


def on_phones(entry: RosterEntry, mark: Mark | None) -> list[tuple[float, float]]:
    """The spans (epoch seconds) the agent of a roster entry is on the phones, by the mark in force."""
    status = mark.status if mark is not None else AttendanceStatus.UNMARKED
    if status in MISSING:
        return []
    a, b = entry.start.timestamp(), entry.end.timestamp()
    if status is AttendanceStatus.LATE and mark.late_minutes:
        a += 60 * mark.late_minutes
    if status is AttendanceStatus.LEFT_EARLY and mark.left_at is not None:
        b = min(b, mark.left_at.timestamp())
    spans = [(a, b)] if b > a else []
    for activity in entry.activities:
        x, y = activity.start.timestamp(), activity.end.timestamp()
        spans = [part for p, q in spans for part in ((p, min(q, x)), (max(p, y), q)) if part[1] > part[0]]
    return spans


def _meeting(starts: Sequence[int], a: float, b: float) -> list[int]:
    """The half-hour starts whose half hour meets the span [a, b)."""
    i = bisect_left(starts, a - INTERVAL_SECONDS + 1e-9)
    out = []
    while i < len(starts) and starts[i] < b:
        if starts[i] + INTERVAL_SECONDS > a:
            out.append(starts[i])
        i += 1
    return out


def _logged_in(tx, source: FeedSource, view: DayView, now: datetime, queues: list[str] | None) -> dict[int, float]:
    """Agents logged in per covered half hour up to `now` (module docstring): time-weighted from the agent
    events, or the distinct agents serving calls when the source has none."""
    starts = [s.start for s in view.slots if s.figures is not None and s.start < now.timestamp()]
    if not starts:
        return {}
    first, end = starts[0], min(starts[-1] + INTERVAL_SECONDS, now.timestamp())
    served = staffing_store.served_spans(tx, source.id, first, end, queues)
    events = floor_store.agent_events(tx, source.id, datetime.fromtimestamp(first, timezone.utc),
                                      datetime.fromtimestamp(end, timezone.utc))
    if not events:
        return {s: float(len({agent for agent, a, b in served if a < s + INTERVAL_SECONDS and b >= s}))
                for s in starts}
    spans: dict[str, list[tuple[float, float]]] = {}
    for agent, a, b in served:
        spans.setdefault(agent, []).append((a, b))
    replays: dict[str, AgentReplay] = {}
    opened: dict[str, float] = {}
    for e in events:  # in time order, then stored order
        replay = replays.setdefault(e.agent, AgentReplay(set(), {}, (AgentStatus.LOGGED_OUT, None), e.at))
        replay.apply(e)
        t = e.at.timestamp()
        if replay.status[0] is not AgentStatus.LOGGED_OUT:
            opened.setdefault(e.agent, t)
        elif e.agent in opened:
            spans.setdefault(e.agent, []).append((opened.pop(e.agent), t))
    for agent, t in opened.items():
        spans.setdefault(agent, []).append((t, end))
    totals = {s: 0.0 for s in starts}
    for parts in spans.values():
        for a, b in merge_spans(parts):
            for s in _meeting(starts, max(a, first), min(b, end)):
                totals[s] += min(b, s + INTERVAL_SECONDS, end) - max(a, s)
    return {s: v / (min(s + INTERVAL_SECONDS, end) - s) for s, v in totals.items()}


# --- what-if and the meeting slot ---

def _loads(console: Console, source_name: str, day: date, now: datetime, queues: Sequence[str], first: datetime,
           last: datetime, sheet: bool = False) -> tuple[IntervalLoad, ...]:
    """The loads of `day` and of the other local days [first, last] reaches (`sheet`: staffed as the sheet
    has it)."""
    with console.db.transaction() as tx:
        source = site_store.find_source(tx, source_name)
    if source is None:
        raise UnknownSourceError(source_name)
    tz = zone(source.site.timezone)
    days = {day, first.astimezone(tz).date(), (max(last, first + timedelta(seconds=1))
                                                - timedelta(seconds=1)).astimezone(tz).date()}
    days |= {min(days) + timedelta(days=k) for k in range((max(days) - min(days)).days)}
    return tuple(load for d in sorted(days)
                 for load in staffing_day(console, source_name, d, now, queues).loads(sheet))


def _best(loads: tuple[IntervalLoad, ...], agents_off: int, minutes: int, window_start: datetime,
          window_end: datetime) -> Slot | None:
    span = timedelta(seconds=INTERVAL_SECONDS)
    if not any(load.start < window_end and load.start + span > window_start for load in loads):
        return None
    return rules.best_slot(loads, agents_off, minutes, window_start, window_end)
