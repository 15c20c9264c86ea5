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
    accepted: dict[int, list[RosterDraft]] = {}
    for ln in lines:
        try:
            key = ln.agent.strip().casefold()
            agent = by_no.get(key) or by_login.get(key)
            if agent is None:
                raise _Reject(RejectCode.UNKNOWN_AGENT, ln.agent)
            if not agent.active:
                raise _Reject(RejectCode.INACTIVE_AGENT, agent.employee_no)
            draft = _draft(ln, agent, by_name, definitions, tz)
            _check_against(draft, accepted.get(agent.id, ()))
        except _Reject as r:
            rejected.append(RosterRejection(ln.line, r.code.value, r.detail, ln.text))
            continue
        drafts.append(draft)
        accepted.setdefault(agent.id, []).append(draft)
    days = [ln.day for ln in lines]
    return RosterPlan(tuple(drafts), tuple(rejected), min(days, default=None), max(days, default=None))


def _draft(ln: RosterLineLike, agent: Agent, by_name: dict[str, ShiftDefinition],
           definitions: tuple[ShiftDefinition, ...], tz: ZoneInfo) -> RosterDraft:
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
    start, end = window(ln.day, ln.start, ln.end, tz) if custom else window(ln.day, definition.start, definition.end, tz)
    if _ts(end) <= _ts(start):
        raise _Reject(RejectCode.BAD_TIME, f"{start:%H:%M}-{end:%H:%M} lasts no time")
    return RosterDraft(ln.line, agent, ln.day, definition, start, end, place_activities(ln.activities, start, end, tz))


def window(day: date, start: time, end: time, tz: ZoneInfo) -> tuple[datetime, datetime]:
    """Aware start and end of wall-clock hours starting on `day` (end <= start: the next day).

    A wall time in the hour a DST change skips moves forward by the gap (02:30 becomes 03:30);
    in the repeated hour it is the first occurrence.
    """
    end_day = day + timedelta(days=1) if end <= start else day
    return _real(datetime.combine(day, start, tzinfo=tz)), _real(datetime.combine(end_day, end, tzinfo=tz))


def _real(at: datetime) -> datetime:
    return at.astimezone(timezone.utc).astimezone(at.tzinfo)


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
    local_start, local_end = start.astimezone(tz), end.astimezone(tz)
    night = local_end.date() > local_start.date()
    placed = []
    for kind, a, b in activities:
        day = local_start.date()
        if night and a < local_start.time():
            day += timedelta(days=1)
        act_start, act_end = window(day, a, b, tz)
        shown = f"{kind.value} {a:%H:%M}-{b:%H:%M}"
        if _ts(act_end) <= _ts(act_start):  # only in a skipped DST hour (readers catch a == b)
            raise _Reject(RejectCode.BAD_TIME, f"{shown} lasts no time")
        if _ts(act_start) < _ts(start) or _ts(act_end) > _ts(end):
            raise _Reject(RejectCode.ACTIVITY_OUTSIDE, shown)
        placed.append((Activity(kind, act_start, act_end), shown))
    placed.sort(key=lambda p: _ts(p[0].start))
    for (prev, prev_shown), (cur, cur_shown) in zip(placed, placed[1:]):
        if _ts(cur.start) < _ts(prev.end):
            raise _Reject(RejectCode.ACTIVITY_OVERLAP, f"{prev_shown} / {cur_shown}")
    return tuple(p[0] for p in placed)


def _check_against(draft: RosterDraft, earlier: Iterable[RosterDraft]) -> None:
    for other in earlier:
        same = (other.day, other.definition.id, _ts(other.start), _ts(other.end), other.activities) == (
            draft.day, draft.definition.id, _ts(draft.start), _ts(draft.end), draft.activities)
        if same:
            raise _Reject(RejectCode.DUPLICATE, f"line {other.line}")
    for other in earlier:
        if overlaps(draft, other):
            raise _Reject(RejectCode.OVERLAP, f"line {other.line}")


def overlaps(a: RosterDraft, b: RosterDraft) -> bool:
    """Whether two drafts share any instant (compared as instants, across DST changes too)."""
    return _ts(a.start) < _ts(b.end) and _ts(b.start) < _ts(a.end)


def _ts(at: datetime) -> float:
    # Aware datetimes sharing a tzinfo compare by wall clock in Python; instants are what count here.
    return at.timestamp()


def _minutes(t: time) -> int:
    return t.hour * 60 + t.minute
