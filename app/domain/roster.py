"""Checking a roster file's lines against the site's agents and shifts (pure).

`validate_roster` turns the lines a reader produced (anything with the
attributes of `RosterLineLike`) into drafts ready to store, and rejections
with a code. Rules:

- the agent is found by employee number, else by ACD login (both
  case-insensitive); an inactive agent is rejected;
- a shift name picks the definition (case-insensitive, trimmed); with a start
  and end as well, those are the hours that day (end <= start: next day);
  with only a start and end, the definition starting nearest to the start
  (within 2 h, around the clock) is taken, the hours are the given ones;
- activities are placed on the shift's dates (on a shift crossing midnight a
  time before its start is the next day) and must lie inside the shift and
  not overlap each other;
- a later line of the same agent overlapping an accepted one is rejected
  (OVERLAP, or DUPLICATE when it says exactly the same).

first_day / last_day span every line's date, accepted or not: an import
replaces what the file covers.
"""

from __future__ import annotations

import enum
from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone
from typing import Protocol
from zoneinfo import ZoneInfo

from app.domain.attendance import Activity, ActivityKind
from app.domain.people import Agent
from app.domain.shifts import ShiftDefinition

MATCH_WINDOW_MINUTES = 120


class RejectCode(str, enum.Enum):
    UNKNOWN_AGENT = "unknown_agent"
    INACTIVE_AGENT = "inactive_agent"
    UNKNOWN_SHIFT = "unknown_shift"
    NO_MATCHING_SHIFT = "no_matching_shift"
    NO_SHIFT = "no_shift"  # neither a shift name nor start and end (readers report it first)
    BAD_TIME = "bad_time"  # hours that last no time (e.g. inside a skipped DST hour; readers catch start == end)
    OVERLAP = "overlap"
    ACTIVITY_OUTSIDE = "activity_outside"
    ACTIVITY_OVERLAP = "activity_overlap"
    DUPLICATE = "duplicate"


class RosterLineLike(Protocol):
    """What validate_roster needs of a line (app.feeds.roster.RosterLine has it)."""

    @property
    def line(self) -> int: ...
    @property
    def agent(self) -> str: ...
    @property
    def day(self) -> date: ...
    @property
    def shift(self) -> str | None: ...
    @property
    def start(self) -> time | None: ...
    @property
    def end(self) -> time | None: ...
    @property
    def activities(self) -> tuple[tuple[ActivityKind, time, time], ...]: ...
    @property
    def text(self) -> str: ...


@dataclass(frozen=True)
class RosterDraft:
    """An accepted line: the agent on a definition on `day`, aware start and end in the site's zone."""

    line: int
    agent: Agent
    day: date
    definition: ShiftDefinition
    start: datetime
    end: datetime
    activities: tuple[Activity, ...]


@dataclass(frozen=True)
class RosterRejection:
    """A line not accepted: its number, a code (RejectCode or a reader's code), an English detail, its text."""

    line: int
    code: str
    detail: str
    text: str


@dataclass(frozen=True)
class RosterPlan:
    drafts: tuple[RosterDraft, ...]
    rejected: tuple[RosterRejection, ...]
    first_day: date | None
    last_day: date | None


class _Reject(Exception):
    def __init__(self, code: RejectCode, detail: str) -> None:
        super().__init__(detail)
        self.code, self.detail = code, detail


def validate_roster(lines: Iterable[RosterLineLike], agents: Iterable[Agent],
                    definitions: Iterable[ShiftDefinition], tz: ZoneInfo) -> RosterPlan:
    """Drafts and rejections of `lines` (in line order); see the module docstring."""
    lines = sorted(lines, key=lambda ln: ln.line)
    agents = tuple(agents)
    by_no = {a.employee_no.strip().casefold(): a for a in agents}
    by_login = {a.acd_login.strip().casefold(): a for a in agents if a.acd_login and a.acd_login.strip()}
    definitions = tuple(definitions)
    by_name = {d.name.strip().casefold(): d for d in definitions}
    drafts: list[RosterDraft] = []
    rejected: list[RosterRejection] = []
    accepted: dict[int, _Accepted] = {}
    windows = _Windows(tz)
    for ln in lines:
        try:
            key = ln.agent.strip().casefold()
            agent = by_no.get(key) or by_login.get(key)
            if agent is None:
                raise _Reject(RejectCode.UNKNOWN_AGENT, ln.agent)
            if not agent.active:
                raise _Reject(RejectCode.INACTIVE_AGENT, agent.employee_no)
            draft, start, end = _draft(ln, agent, by_name, definitions, windows)
            earlier = accepted.get(agent.id)
            if earlier is None:
                earlier = accepted[agent.id] = _Accepted()
            at = earlier.check(draft, start, end)
        except _Reject as r:
            rejected.append(RosterRejection(ln.line, r.code.value, r.detail, ln.text))
            continue
        drafts.append(draft)
        earlier.add(at, draft, start, end)
    days = [ln.day for ln in lines]
    return RosterPlan(tuple(drafts), tuple(rejected), min(days, default=None), max(days, default=None))


def _draft(ln: RosterLineLike, agent: Agent, by_name: dict[str, ShiftDefinition],
           definitions: tuple[ShiftDefinition, ...], windows: _Windows) -> tuple[RosterDraft, float, float]:
    """The line's draft and its start and end as timestamps."""
    custom = ln.start is not None and ln.end is not None
    name = (ln.shift or "").strip()
    if name:
        definition = by_name.get(name.casefold())
        if definition is None:
            raise _Reject(RejectCode.UNKNOWN_SHIFT, name)
    elif custom:
        definition = nearest_definition(ln.start, definitions)
        if definition is None:
            raise _Reject(RejectCode.NO_MATCHING_SHIFT, f"{ln.start:%H:%M}-{ln.end:%H:%M}")
    else:
        raise _Reject(RejectCode.NO_SHIFT, "neither a shift name nor a start and end")
    hours = (ln.start, ln.end) if custom else (definition.start, definition.end)
    start, end, start_ts, end_ts = windows(ln.day, *hours)
    if end_ts <= start_ts:
        raise _Reject(RejectCode.BAD_TIME, f"{start:%H:%M}-{end:%H:%M} lasts no time")
    activities = _place(ln.activities, start, end, start_ts, end_ts, windows)
    return RosterDraft(ln.line, agent, ln.day, definition, start, end, activities), start_ts, end_ts


def window(day: date, start: time, end: time, tz: ZoneInfo) -> tuple[datetime, datetime]:
    """Aware start and end of wall-clock hours starting on `day` (end <= start: the next day).

    A wall time in the hour a DST change skips moves forward by the gap (02:30 becomes 03:30);
    in the repeated hour it is the first occurrence.
    """
    end_day = day + timedelta(days=1) if end <= start else day
    return _real(datetime.combine(day, start, tzinfo=tz)), _real(datetime.combine(end_day, end, tzinfo=tz))


def _real(at: datetime) -> datetime:
    return at.astimezone(timezone.utc).astimezone(at.tzinfo)


class _Windows:
    """window() in one zone with the timestamps of its ends, each worked out once (a roster repeats them)."""

    __slots__ = ("tz", "_known")

    def __init__(self, tz: ZoneInfo) -> None:
        self.tz = tz
        self._known: dict[tuple, tuple[datetime, datetime, float, float]] = {}

    def __call__(self, day: date, start: time, end: time) -> tuple[datetime, datetime, float, float]:
        # Keyed by all window() reads of the times: equal times may differ in fold, or in the wall
        # clock when aware.
        key = (day, start.hour, start.minute, start.second, start.microsecond, start.fold, start.tzinfo,
               end.hour, end.minute, end.second, end.microsecond, end.fold, end.tzinfo)
        found = self._known.get(key)
        if found is None:
            a, b = window(day, start, end, self.tz)
            found = self._known[key] = (a, b, _ts(a), _ts(b))
        return found


def nearest_definition(start: time, definitions: Iterable[ShiftDefinition]) -> ShiftDefinition | None:
    """The definition whose start is nearest to `start` (around the clock), within MATCH_WINDOW_MINUTES."""
    def distance(d: ShiftDefinition) -> int:
        gap = abs(_minutes(d.start) - _minutes(start))
        return min(gap, 24 * 60 - gap)

    near = [d for d in definitions if distance(d) <= MATCH_WINDOW_MINUTES]
    return min(near, key=lambda d: (distance(d), d.start, d.name), default=None)


def place_activities(activities: Iterable[tuple[ActivityKind, time, time]], start: datetime, end: datetime,
                     tz: ZoneInfo) -> tuple[Activity, ...]:
    """Activities as aware datetimes inside [start, end), in start order; _Reject when outside or overlapping."""
    return _place(activities, start, end, _ts(start), _ts(end), _Windows(tz))


def _place(activities: Iterable[tuple[ActivityKind, time, time]], start: datetime, end: datetime,
           start_ts: float, end_ts: float, windows: _Windows) -> tuple[Activity, ...]:
    # place_activities with the shift's timestamps given, and the activities' from `windows`.
    local_start, local_end = start.astimezone(windows.tz), end.astimezone(windows.tz)
    night = local_end.date() > local_start.date()
    placed = []
    for kind, a, b in activities:
        day = local_start.date()
        if night and a < local_start.time():
            day += timedelta(days=1)
        act_start, act_end, a_ts, b_ts = windows(day, a, b)
        if b_ts <= a_ts:  # only in a skipped DST hour (readers catch a == b)
            raise _Reject(RejectCode.BAD_TIME, f"{_shown(kind, a, b)} lasts no time")
        if a_ts < start_ts or b_ts > end_ts:
            raise _Reject(RejectCode.ACTIVITY_OUTSIDE, _shown(kind, a, b))
        placed.append((a_ts, b_ts, Activity(kind, act_start, act_end), (kind, a, b)))
    placed.sort(key=lambda p: p[0])
    for (_, prev_end, _, prev), (cur_start, _, _, cur) in zip(placed, placed[1:]):
        if cur_start < prev_end:
            raise _Reject(RejectCode.ACTIVITY_OVERLAP, f"{_shown(*prev)} / {_shown(*cur)}")
    return tuple(p[2] for p in placed)


def _shown(kind: ActivityKind, a: time, b: time) -> str:
    return f"{kind.value} {a:%H:%M}-{b:%H:%M}"


class _Accepted:
    """One agent's accepted drafts in start order, with their start and end timestamps.

    Accepted drafts never overlap and last some time, so their ends are in the same
    order as their starts: the drafts a new one overlaps are one run of the list, found
    by bisection rather than by comparing it with each earlier line.
    """

    __slots__ = ("starts", "ends", "drafts", "order")

    def __init__(self) -> None:
        self.starts: list[float] = []
        self.ends: list[float] = []
        self.drafts: list[RosterDraft] = []
        self.order: list[int] = []  # when each was accepted (line order)

    def check(self, draft: RosterDraft, start: float, end: float) -> int:
        """Where the draft goes in the list; _Reject (DUPLICATE, else OVERLAP) naming the earliest line it meets."""
        first = bisect_right(self.ends, start)  # the first ending after `start`
        stop = bisect_left(self.starts, end, first)  # the first starting at or after `end`
        if first == stop:
            return first
        met = range(first, stop)
        for i in sorted(met, key=self.order.__getitem__):
            other = self.drafts[i]
            if (other.day, other.definition.id, self.starts[i], self.ends[i], other.activities) == (
                    draft.day, draft.definition.id, start, end, draft.activities):
                raise _Reject(RejectCode.DUPLICATE, f"line {other.line}")
        other = self.drafts[min(met, key=self.order.__getitem__)]
        raise _Reject(RejectCode.OVERLAP, f"line {other.line}")

    def add(self, at: int, draft: RosterDraft, start: float, end: float) -> None:
        self.starts.insert(at, start)
        self.ends.insert(at, end)
        self.drafts.insert(at, draft)
        self.order.insert(at, len(self.order))


def overlaps(a: RosterDraft, b: RosterDraft) -> bool:
    """Whether two drafts share any instant (compared as instants, across DST changes too)."""
    return _ts(a.start) < _ts(b.end) and _ts(b.start) < _ts(a.end)


def _ts(at: datetime) -> float:
    # Aware datetimes sharing a tzinfo compare by wall clock in Python; instants are what count here.
    return at.timestamp()


def _minutes(t: time) -> int:
    return t.hour * 60 + t.minute
