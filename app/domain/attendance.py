"""The shift sheet as values: roster entries, attendance marks, counts, personnel changes, cross-check.

Attendance is a mark per rostered agent and shift; a new mark is a new
revision (storage keeps them all), the sheet shows the latest. Counts:
`expected` = scheduled minus absent and on leave (agents not yet marked are
still expected), `difference` = expected - scheduled (0 when everyone
planned is coming, -3 when three are missing).

Cross-check with the ACD feed: a rostered agent marked present or late
whose ACD login is not logged in is flagged (one marked swapped is not
expected: the colleague who came instead is); a login that is
logged in but belongs to nobody rostered on the shift is listed.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable
from dataclasses import dataclass, field, fields, replace
from datetime import date, datetime

from app.domain.errors import InvalidSettingError
from app.domain.notices import Notice
from app.domain.people import Agent
from app.domain.shifts import ShiftInstance


class ActivityKind(str, enum.Enum):
    BREAK = "break"
    LUNCH = "lunch"
    TRAINING = "training"
    MEETING = "meeting"
    OTHER = "other"


class AttendanceStatus(str, enum.Enum):
    UNMARKED = "unmarked"
    PRESENT = "present"
    LATE = "late"
    ABSENT = "absent"
    LEAVE = "leave"
    SWAPPED = "swapped"
    LEFT_EARLY = "left_early"


class LeaveType(str, enum.Enum):
    ANNUAL = "annual"
    SICK = "sick"
    PERSONAL = "personal"
    COMPENSATORY = "compensatory"
    OTHER = "other"


class ChangeKind(str, enum.Enum):
    SWAP = "swap"
    EARLY_LEAVE = "early_leave"
    SICKNESS = "sickness"
    NEW_HIRE = "new_hire"
    TRANSFER = "transfer"
    OTHER = "other"


class CrossFlag(str, enum.Enum):
    NOT_LOGGED_IN = "not_logged_in"  # marked on the floor, not logged in to the ACD
    LOGGED_IN_NOT_PRESENT = "logged_in_not_present"  # marked absent / on leave, yet logged in


ON_FLOOR = frozenset({AttendanceStatus.PRESENT, AttendanceStatus.LATE, AttendanceStatus.SWAPPED})
MISSING = frozenset({AttendanceStatus.ABSENT, AttendanceStatus.LEAVE})


@dataclass(frozen=True, slots=True)
class Activity:
    """A scheduled activity inside a roster entry (break, lunch, training, meeting), aware times."""

    kind: ActivityKind
    start: datetime
    end: datetime


@dataclass(frozen=True, slots=True)
class RosterEntry:
    """An agent scheduled on a shift: the day the shift starts, its definition, aware start and end."""

    id: int
    agent_id: int
    day: date
    definition_id: int
    start: datetime
    end: datetime
    activities: tuple[Activity, ...] = ()


@dataclass(frozen=True, slots=True)
class Mark:
    """An attendance mark. late: minutes; leave: its type; swapped: with whom; left early: when."""

    status: AttendanceStatus = AttendanceStatus.UNMARKED
    late_minutes: int | None = None
    leave_type: LeaveType | None = None
    swap_with_id: int | None = None
    swap_with_name: str | None = None
    left_at: datetime | None = None
    note: str = ""

    def check(self) -> Mark:
        """The mark itself when consistent; an InvalidSettingError naming what is missing otherwise."""
        s = self.status
        if s is AttendanceStatus.LATE and not (self.late_minutes and self.late_minutes > 0):
            raise InvalidSettingError("late_minutes", self.late_minutes, "a late mark needs the minutes (1 or more)")
        if s is AttendanceStatus.LEAVE and self.leave_type is None:
            raise InvalidSettingError("leave_type", None, "a leave mark needs the type of leave")
        if s is AttendanceStatus.SWAPPED and not (self.swap_with_id or self.swap_with_name):
            raise InvalidSettingError("swap_with", None, "a swap needs the agent swapped with")
        if s is AttendanceStatus.LEFT_EARLY and self.left_at is None:
            raise InvalidSettingError("left_at", None, "an early leave needs the time the agent left")
        return self


@dataclass(frozen=True, slots=True)
class SheetRow:
    """One rostered agent on the sheet with the latest mark (revision 0: never marked).

    seat: where the agent sits this shift (the seat map's codes; None: not seated);
    rostered: False for an agent taken off the roster after being marked (the mark stays visible).
    """

    agent: Agent
    entry: RosterEntry
    mark: Mark = Mark()
    revision: int = 0
    marked_by: str | None = None
    marked_at: datetime | None = None
    flags: tuple[CrossFlag, ...] = ()
    seat: str | None = None
    rostered: bool = True

    @property
    def seat_text(self) -> str:
        """This shift's seat, else the agent's fixed seat."""
        return self.seat or self.agent.fixed_seat or ""


@dataclass(frozen=True, slots=True)
class Counts:
    scheduled: int = 0
    present: int = 0
    late: int = 0
    absent: int = 0
    leave: int = 0
    swapped: int = 0
    left_early: int = 0
    unmarked: int = 0

    @property
    def expected(self) -> int:
        return self.scheduled - self.absent - self.leave

    @property
    def difference(self) -> int:
        return self.expected - self.scheduled

    def __add__(self, other: Counts) -> Counts:
        return Counts(*(getattr(self, f.name) + getattr(other, f.name) for f in fields(Counts)))


@dataclass(frozen=True, slots=True)
class PersonnelChange:
    """A personnel change (异动) to hand over, with who recorded it and when."""

    id: int
    instance_id: int
    kind: ChangeKind
    agent_id: int | None
    agent_name: str | None
    text: str
    recorded_by: str | None
    recorded_at: datetime


@dataclass(frozen=True)
class ShiftSheet:
    """Everything the sheet of one shift shows (and prints, and exports).

    logins_known: the site has a feed with agent events, so the cross-check ran;
    unrostered_logins: ACD logins logged in that belong to no agent rostered on the shift;
    logged_in: every ACD login logged in at `at` (to check again after a mark).
    """

    site_name: str
    timezone: str
    instance: ShiftInstance
    start: datetime
    end: datetime
    rows: tuple[SheetRow, ...]
    counts: Counts
    team_counts: tuple[tuple[str, Counts], ...]
    changes: tuple[PersonnelChange, ...]
    notices: tuple[Notice, ...]
    logins_known: bool
    unrostered_logins: tuple[str, ...]
    at: datetime
    agents_on_file: tuple[Agent, ...] = field(default=())
    logged_in: tuple[str, ...] = ()  # the ACD logins logged in at `at` (when logins_known)


def count_rows(rows: Iterable[SheetRow]) -> Counts:
    tally = {s: 0 for s in AttendanceStatus}
    n = 0
    for row in rows:
        if not row.rostered:
            continue  # marked, then taken off the roster: shown, not counted
        n += 1
        tally[row.mark.status] += 1
    return Counts(
        scheduled=n,
        present=tally[AttendanceStatus.PRESENT],
        late=tally[AttendanceStatus.LATE],
        absent=tally[AttendanceStatus.ABSENT],
        leave=tally[AttendanceStatus.LEAVE],
        swapped=tally[AttendanceStatus.SWAPPED],
        left_early=tally[AttendanceStatus.LEFT_EARLY],
        unmarked=tally[AttendanceStatus.UNMARKED],
    )


def team_counts(rows: Iterable[SheetRow], no_team: str = "") -> tuple[tuple[str, Counts], ...]:
    """Counts per team name (agents with no team under `no_team`), teams in name order."""
    by_team: dict[str, list[SheetRow]] = {}
    for row in rows:
        by_team.setdefault(row.agent.team_name or no_team, []).append(row)
    return tuple((name, count_rows(by_team[name])) for name in sorted(by_team))


def cross_check(rows: Iterable[SheetRow], logged_in: Iterable[str],
                substitutes: Iterable[str] = ()) -> tuple[tuple[SheetRow, ...], tuple[str, ...]]:
    """Rows with their cross-check flags, and the logged-in logins of nobody rostered (sorted).

    ACD logins compare case-insensitively (feeds write them in capitals or not). A rostered agent marked
    swapped is not expected on the floor (the colleague who came is); `substitutes`: those colleagues'
    logins, which are then not strangers.
    """
    online = {login.strip().casefold(): login for login in logged_in if login and login.strip()}
    rostered = {login.strip().casefold() for login in substitutes if login and login.strip()}
    out = []
    for row in rows:
        login = (row.agent.acd_login or "").strip().casefold()
        flags: list[CrossFlag] = []
        if login:
            rostered.add(login)
            is_on = login in online
            if row.mark.status in ON_FLOOR and row.mark.status is not AttendanceStatus.SWAPPED and not is_on:
                flags.append(CrossFlag.NOT_LOGGED_IN)
            if row.mark.status in MISSING and is_on:
                flags.append(CrossFlag.LOGGED_IN_NOT_PRESENT)
        out.append(replace(row, flags=tuple(flags)))
    strangers = tuple(sorted(online[k] for k in online if k not in rostered))
    return tuple(out), strangers
