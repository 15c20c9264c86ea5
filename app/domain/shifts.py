"""Shift definitions, special days and "the current shift" of a site.

A shift definition is a named wall-clock window of the site's zone (07:00 to
15:30; an end at or before the start means the shift ends the next day).
Shifts may overlap: the overlap is the handover. A special day (a public
holiday) either closes the site or gives it its own hours; on such a day only
the shifts whose window meets those hours run, clipped to them.

The current shift at an instant is the running slot that started last; a
slot that started earlier and has not ended yet is the one handing over.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo


class ShiftStatus(str, enum.Enum):
    PLANNED = "planned"
    OPEN = "open"
    HANDED_OVER = "handed_over"


@dataclass(frozen=True, slots=True)
class ShiftDefinition:
    """A site's shift: name (早班 / Morning), start and end in the site's wall-clock time."""

    id: int
    site_id: int
    name: str
    start: time
    end: time

    @property
    def crosses_midnight(self) -> bool:
        return self.end <= self.start

    def window(self, day: date, tz: ZoneInfo) -> tuple[datetime, datetime]:
        """The aware start and end of this shift when it starts on `day`."""
        end_day = day + timedelta(days=1) if self.crosses_midnight else day
        return datetime.combine(day, self.start, tzinfo=tz), datetime.combine(end_day, self.end, tzinfo=tz)

    @property
    def hours(self) -> float:
        start = self.start.hour * 60 + self.start.minute
        end = self.end.hour * 60 + self.end.minute
        return ((end - start) % (24 * 60) or 24 * 60) / 60


@dataclass(frozen=True, slots=True)
class SpecialDay:
    """A day with its own hours (public holiday); opens/closes None: closed all day."""

    day: date
    name: str
    opens: time | None = None
    closes: time | None = None

    @property
    def closed(self) -> bool:
        return self.opens is None or self.closes is None


@dataclass(frozen=True, slots=True)
class ShiftSlot:
    """One run of a definition: the day it starts and its aware start and end (clipped on special days)."""

    definition: ShiftDefinition
    day: date
    start: datetime
    end: datetime
    special: SpecialDay | None = None

    def contains(self, at: datetime) -> bool:
        return self.start <= at < self.end


@dataclass(frozen=True, slots=True)
class CurrentShift:
    """The shift running at `at`; `handing_over`: an earlier slot still running (the overlap); `next`: the next to start."""

    at: datetime
    slot: ShiftSlot | None
    handing_over: ShiftSlot | None
    next: ShiftSlot | None


@dataclass(frozen=True, slots=True)
class ShiftInstance:
    """A definition on a date, with the supervisor on duty and its status."""

    id: int
    site_id: int
    definition: ShiftDefinition
    day: date
    status: ShiftStatus
    supervisor_id: int | None = None
    supervisor_name: str | None = None


def slots_on(day: date, definitions: Iterable[ShiftDefinition], tz: ZoneInfo,
             special: SpecialDay | None = None) -> tuple[ShiftSlot, ...]:
    """The slots that start on `day`, in start order; a special day closes or clips them."""
    out = []
    for d in definitions:
        start, end = d.window(day, tz)
        if special is not None:
            if special.closed:
                continue
            opens, closes = _special_window(special, tz)
            start, end = max(start, opens), min(end, closes)
            if end <= start:
                continue
        out.append(ShiftSlot(d, day, start, end, special))
    return tuple(sorted(out, key=lambda s: (s.start, s.definition.name)))


def _special_window(special: SpecialDay, tz: ZoneInfo) -> tuple[datetime, datetime]:
    opens = datetime.combine(special.day, special.opens, tzinfo=tz)
    closes_day = special.day + timedelta(days=1) if special.closes <= special.opens else special.day
    return opens, datetime.combine(closes_day, special.closes, tzinfo=tz)


def current_shift(at: datetime, definitions: Iterable[ShiftDefinition], tz: ZoneInfo,
                  special_days: Mapping[date, SpecialDay] | None = None) -> CurrentShift:
    """Which slot runs at the aware instant `at` (see the module docstring)."""
    definitions = tuple(definitions)
    special_days = special_days or {}
    local = at.astimezone(tz).date()
    slots = []
    for offset in (-1, 0, 1, 2):
        day = local + timedelta(days=offset)
        slots.extend(slots_on(day, definitions, tz, special_days.get(day)))
    running = sorted((s for s in slots if s.contains(at)), key=lambda s: s.start)
    upcoming = sorted((s for s in slots if s.start > at), key=lambda s: s.start)
    return CurrentShift(
        at=at,
        slot=running[-1] if running else None,
        handing_over=running[-2] if len(running) > 1 else None,
        next=upcoming[0] if upcoming else None,
    )
