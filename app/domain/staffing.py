"""Staffing per interval: agents required against agents on the phones, what-if, the meeting slot, the forecast.

An interval's load (`IntervalLoad`) carries the offered calls (expected or actual), the AHT, the agents
on the phones and the source's threshold and target. Required agents come from Erlang C; the expected
service level from Erlang C, or from Erlang A when the caller patience is known (`app.domain.erlang`).
Service levels are fractions (0-1) by the default definition (answered within T / offered).
"""

from __future__ import annotations

import math
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import timezone, date, datetime, time, timedelta

from app.domain import erlang
from app.domain.errors import InvalidSettingError

INTERVAL_S = 1800
_TIE = 1e-9  # damages closer than this (calls) are equal: the earlier slot wins


@dataclass(frozen=True, slots=True)
class IntervalLoad:
    """One interval of one queue: start (aware), offered calls, AHT (s), agents on the phones (may be
    fractional), threshold (s), target (fraction 0-1), and the mean caller patience (s) when known."""

    start: datetime
    calls: float
    aht_s: float
    staffed: float
    threshold_s: int
    target: float
    patience_s: float | None = None


def required(load: IntervalLoad, interval_s: float = INTERVAL_S) -> int:
    """Erlang C agents needed for the load's target."""
    return erlang.required_agents(load.calls, load.aht_s, load.threshold_s, load.target, interval_s)


def expected_sl(load: IntervalLoad, agents: float | None = None, interval_s: float = INTERVAL_S) -> float:
    """Expected service level with `agents` (default: the staffed agents): Erlang A when the load has a
    patience, else Erlang C."""
    n = load.staffed if agents is None else agents
    if load.patience_s is not None:
        return erlang.erlang_a(load.calls, load.aht_s, n, load.patience_s, load.threshold_s, interval_s).service_level
    return erlang.service_level(load.calls, load.aht_s, n, load.threshold_s, interval_s)


def gaps(loads: Iterable[IntervalLoad], interval_s: float = INTERVAL_S) -> tuple[IntervalLoad, ...]:
    """The understaffed intervals (staffed < required), in the order given."""
    return tuple(load for load in loads if load.staffed < required(load, interval_s))


def understaffing(loads: Iterable[IntervalLoad], interval_s: float = INTERVAL_S) -> float:
    """Agent-intervals short: the sum over intervals of max(0, required - staffed)."""
    return sum((max(0.0, required(load, interval_s) - load.staffed) for load in loads), 0.0)


@dataclass(frozen=True, slots=True)
class WhatIf:
    """One interval touched by a what-if: its start, service level before and after, its calls."""

    start: datetime
    before_sl: float
    after_sl: float
    calls: float


def _aware(name: str, value: datetime) -> datetime:
    if value.tzinfo is None or value.utcoffset() is None:
        raise InvalidSettingError(name, value.isoformat(), "must carry a time zone")
    return value


def _whole(name: str, value: int, *, positive: bool) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < (1 if positive else 0):
        raise InvalidSettingError(name, value, "must be a whole number " + ("> 0" if positive else ">= 0"))
    return value


def what_if(loads: Iterable[IntervalLoad], agents_off: int, start: datetime, minutes: int,
            interval_s: float = INTERVAL_S) -> tuple[WhatIf, ...]:
    """Take `agents_off` agents off the phones from `start` for `minutes`.

    In each interval the span overlaps, the part it covers runs with agents_off fewer agents (never below
    0) and the rest with all of them: the service level after is the time-weighted mean of the two (calls
    arriving evenly through the interval). The result lists those intervals in time order with their
    service level before and after. Times are compared as instants (a clock change night included).
    """
    _whole("agents_off", agents_off, positive=False)
    _whole("minutes", minutes, positive=True)
    return tuple(w for w, _share in _touched(loads, start, minutes, lambda load, overlap: agents_off, interval_s))


def _touched(loads: Iterable[IntervalLoad], start: datetime, minutes: int, off, interval_s: float):
    """(WhatIf, covered share) of each interval the span [start, start + minutes) overlaps, `off(load,
    overlap seconds)` agents fewer during the covered part."""
    start = _aware("start", start).astimezone(timezone.utc)
    end = start + timedelta(minutes=minutes)
    length = timedelta(seconds=interval_s)
    for load in sorted(loads, key=lambda item: item.start.astimezone(timezone.utc)):
        first = _aware("interval start", load.start).astimezone(timezone.utc)
        overlap = (min(end, first + length) - max(start, first)).total_seconds()
        if overlap <= 0:
            continue
        share = min(1.0, overlap / interval_s)
        after = max(0.0, load.staffed - off(load, overlap))
        before_sl = expected_sl(load, interval_s=interval_s)
        during = before_sl if after == load.staffed else expected_sl(load, after, interval_s)
        yield WhatIf(load.start, before_sl, share * during + (1 - share) * before_sl, load.calls), share


@dataclass(frozen=True, slots=True)
class Slot:
    """A span to take agents off the phones: start, end, damage (calls expected to miss the threshold
    in addition) and the calls-weighted drop of service level over the intervals it touches."""

    start: datetime
    end: datetime
    damage: float
    sl_drop: float


def best_slot(loads: Iterable[IntervalLoad], agents_off: int, minutes: int, window_start: datetime,
              window_end: datetime, step_minutes: int = 5, interval_s: float = INTERVAL_S) -> Slot | None:
    """The slot of `minutes` inside the window (starting every `step_minutes` from `window_start`, ending
    by `window_end`) with the least damage, sum of calls × (before_sl - after_sl) over the intervals it
    touches; ties go to the earliest. None when no slot fits. Time without a load (no known traffic)
    adds no damage.
    """
    _whole("step_minutes", step_minutes, positive=True)
    _whole("minutes", minutes, positive=True)
    _aware("window_start", window_start)
    _aware("window_end", window_end)
    loads = tuple(loads)
    best: Slot | None = None
    zone_of_window = window_start.tzinfo
    start = window_start.astimezone(timezone.utc)  # stepped as instants: a clock change night has its hours
    window_end = window_end.astimezone(timezone.utc)
    span = timedelta(minutes=minutes)
    while start + span <= window_end:
        touched = what_if(loads, agents_off, start, minutes, interval_s)
        damage = sum(w.calls * (w.before_sl - w.after_sl) for w in touched)
        calls = sum(w.calls for w in touched)
        if best is None or damage < best.damage - _TIE:
            best = Slot(start.astimezone(zone_of_window), (start + span).astimezone(zone_of_window), damage,
                        damage / calls if calls > 0 else 0.0)
        start += timedelta(minutes=step_minutes)
    return best


def forecast(history: Mapping[date, Sequence[tuple[time, float, float]]], day: date,
             special_days: Collection[date] = (), weeks: int = 4) -> dict[time, tuple[float, float]]:
    """Expected (calls, AHT) per interval start of `day`: the same weekday over the last `weeks` weeks.

    Special days and days missing from `history` are left out. For each interval the calls are averaged
    over the days that list it (a covered interval without calls should be listed with 0 calls; an
    interval a day does not list is unknown that day) and the AHT is weighted by calls (a plain mean
    when all those days had 0 calls). Intervals listed on none of the days are absent. Ordered by time.
    """
    _whole("weeks", weeks, positive=True)
    sums: dict[time, list[float]] = {}  # time -> [days, calls, calls × aht, aht]
    for back in range(1, weeks + 1):
        past = day - timedelta(weeks=back)
        if past in special_days or past not in history:
            continue
        seen: set[time] = set()
        for at, calls, aht in history[past]:
            where = f"forecast history {past.isoformat()} {at.isoformat(timespec='minutes')}"
            if at in seen:
                raise InvalidSettingError(where, None, "the interval is listed twice on that day")
            seen.add(at)
            calls = _figure(where, "calls", calls)
            aht = _figure(where, "AHT", aht)
            entry = sums.setdefault(at, [0.0, 0.0, 0.0, 0.0])
            entry[0] += 1
            entry[1] += calls
            entry[2] += calls * aht
            entry[3] += aht
    return {
        at: (c / n, cw / c if c > 0 else a / n)
        for at, (n, c, cw, a) in sorted(sums.items())
    }


def _figure(where: str, what: str, value: float) -> float:
    try:
        number = float(value)
    except (TypeError, ValueError):
        raise InvalidSettingError(where, value, f"{what} must be a number") from None
    if not math.isfinite(number) or number < 0:
        raise InvalidSettingError(where, value, f"{what} must be a finite number >= 0")
    return number
