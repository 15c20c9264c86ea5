"""Handover quality: did the service level drop around a shift change, was the handover signed on time.

The intervals "around" a change are the half hours that overlap the 30
minutes either side of it (a change at 15:00 takes 14:30 and 15:00; one at
15:10 takes 14:30, 15:00 and 15:30). Their service level, volume-weighted by
the site's definition, is compared with the rest of the shift's intervals.
The staffing around a change (`change_staffing`) takes the same half hours:
the agent-half-hours short of what Erlang C requires (`staffing.understaffing`)
and the average agents required and staffed, to tell whether a drop came with
too few agents on the phones.
Pure Python: no Qt, no SQLAlchemy.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta

from app.domain.floor import sl_terms
from app.domain.service_level import IntervalFigures, SlDefinition
from app.domain.staffing import IntervalLoad, required, understaffing

INTERVAL = timedelta(minutes=30)
AROUND = timedelta(minutes=30)
SIGN_GRACE = timedelta(minutes=15)


@dataclass(frozen=True, slots=True)
class ChangeQuality:
    """The service level around a shift change against the rest of the shift (percent; None: no call counted)."""

    change_at: datetime
    around: float | None
    rest: float | None
    calls_around: int
    calls_rest: int
    intervals_around: tuple[datetime, ...]

    @property
    def drop(self) -> float | None:
        """Percentage points the service level fell around the change (negative: it rose)."""
        if self.around is None or self.rest is None:
            return None
        return round(self.rest - self.around, 1)


def around_change(start: datetime, change_at: datetime, window: timedelta = AROUND) -> bool:
    """Whether the half hour starting at `start` overlaps the window either side of `change_at`."""
    return start < change_at + window and start + INTERVAL > change_at - window


def _level(terms: list[tuple[int, int]]) -> tuple[float | None, int]:
    hits = sum(t[0] for t in terms)
    calls = sum(t[1] for t in terms)
    return (round(100.0 * hits / calls, 1) if calls else None), calls


def change_quality(intervals: Iterable[tuple[datetime, IntervalFigures]], change_at: datetime,
                   definition: SlDefinition, window: timedelta = AROUND) -> ChangeQuality:
    """The service level of the shift's `intervals` (start, figures) around `change_at` and in the rest.

    Intervals whose counts are unknown for the definition are left out of both.
    """
    near, far, starts = [], [], []
    for start, figures in intervals:
        terms = sl_terms(figures, definition) if figures is not None else None
        if terms is None:
            continue
        if around_change(start, change_at, window):
            near.append(terms)
            starts.append(start)
        else:
            far.append(terms)
    around, calls_around = _level(near)
    rest, calls_rest = _level(far)
    return ChangeQuality(change_at, around, rest, calls_around, calls_rest, tuple(sorted(starts)))


def signed_on_time(change_at: datetime, signed_at: datetime | None, grace: timedelta = SIGN_GRACE) -> bool:
    """Signed by both within `grace` after the change (never signed: not on time)."""
    return signed_at is not None and signed_at <= change_at + grace


@dataclass(frozen=True, slots=True)
class ChangeStaffing:
    """Staffing of the half hours around a change: agent-half-hours short (sum of required - staffed where
    positive) and the mean agents required and staffed over `intervals` half hours."""

    understaffing: float
    required_around: float
    staffed_around: float
    intervals: int


def change_staffing(loads: Iterable[IntervalLoad]) -> ChangeStaffing | None:
    """The staffing of the half hours around a change (the caller passes their loads); None without any."""
    loads = tuple(loads)
    if not loads:
        return None
    needed = [required(load) for load in loads]
    return ChangeStaffing(
        understaffing=understaffing(loads),
        required_around=sum(needed) / len(loads),
        staffed_around=sum(load.staffed for load in loads) / len(loads),
        intervals=len(loads),
    )
