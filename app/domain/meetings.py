"""The pre-shift meeting (班前会) and the post-shift meeting (班后会).

An agenda belongs to a shift instance (the incoming shift). It is a list of
parts, each with a time box in minutes; the parts run back to back from the
meeting's start, so each part's clock times and the meeting's end follow
from the start and the time boxes (`schedule`). Built automatically, the
meeting lasts 15 minutes and ends when the shift starts. The parts carry
what they are about as values: the rostered agents (attendance), the
business notices to explain with where to find each in the system, the open
work-log items the floor must know, the worst intervals of the last shift
(lessons), the chosen warm-up (with the topic set the day before when it is
experience sharing) and a free text each. An agenda is saved as revisions.

A post-shift meeting record keeps its times, the shift's summary figures
(service level by interval, attendance counts) with a text the supervisor
may edit, one case reviewed from the work log, notes, and tomorrow's topic.
Everything here is plain values: the words are the printing's and the UI's.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta

from app.domain.errors import InvalidSettingError


class WarmupKind(str, enum.Enum):
    TUNING = "tuning"  # greeting "tuning" practice led by a model agent
    SHARING = "sharing"  # experience sharing on a topic set the day before
    CONFIDENCE = "confidence"  # a confidence hand-gesture exercise
    CUSTOM = "custom"  # the center's own


class PartKind(str, enum.Enum):
    ATTENDANCE = "attendance"
    NOTICES = "notices"
    FOLLOW_UPS = "follow_ups"
    LESSONS = "lessons"
    WARMUP = "warmup"
    CLOSING = "closing"
    OTHER = "other"  # a part the supervisor added


# The automatic agenda: parts in this order with these time boxes (15 minutes in all).
DEFAULT_MINUTES: Mapping[PartKind, int] = {
    PartKind.ATTENDANCE: 2,
    PartKind.NOTICES: 4,
    PartKind.FOLLOW_UPS: 2,
    PartKind.LESSONS: 2,
    PartKind.WARMUP: 4,
    PartKind.CLOSING: 1,
}
DEFAULT_MEETING_MINUTES = sum(DEFAULT_MINUTES.values())
MAX_PART_MINUTES = 120
MAX_LESSONS = 3  # worst intervals shown as lessons


@dataclass(frozen=True, slots=True)
class Warmup:
    """A warm-up of a site's library in one language; `builtin`: one of the shipped classics."""

    id: int | None
    site_id: int | None
    key: str
    language: str
    kind: WarmupKind
    name: str
    how_to: str
    minutes: int
    builtin: bool = False
    active: bool = True


@dataclass(frozen=True, slots=True)
class AttendanceLine:
    """An agent rostered on the shift; `mark`: an attendance status already known (leave...), else None."""

    agent_id: int
    name: str
    employee_no: str
    team: str
    mark: str | None = None


@dataclass(frozen=True, slots=True)
class NoticeLine:
    """A business notice to explain; `where`: where to find it in the system (editable on the agenda)."""

    notice_id: int
    title: str
    text: str
    priority: str
    version: int
    where: str = ""


@dataclass(frozen=True, slots=True)
class FollowUpLine:
    """An open work-log item carried into the shift."""

    entry_id: int
    category: str
    priority: str
    text: str
    owner: str = ""
    customer: str = ""
    due: datetime | None = None
    overdue: bool = False


@dataclass(frozen=True, slots=True)
class LessonLine:
    """An interval of the last shift below its target, with its figures."""

    source: str
    interval_start: datetime
    label: str  # local HH:MM
    service_level: float
    target_percent: float
    definition: str
    offered: int | None = None
    answered: int | None = None
    abandoned: int | None = None
    asa_seconds: float | None = None


@dataclass(frozen=True, slots=True)
class AgendaPart:
    """One part of the meeting: its kind, a title ("" = the standard wording), its time box and its content."""

    kind: PartKind
    minutes: int
    title: str = ""
    text: str = ""
    attendance: tuple[AttendanceLine, ...] = ()
    notices: tuple[NoticeLine, ...] = ()
    follow_ups: tuple[FollowUpLine, ...] = ()
    lessons: tuple[LessonLine, ...] = ()
    warmup: Warmup | None = None
    topic: str = ""  # the experience-sharing topic set the day before


@dataclass(frozen=True, slots=True)
class ScheduledPart:
    part: AgendaPart
    start: datetime
    end: datetime


@dataclass(frozen=True)
class Agenda:
    """The pre-shift meeting of a shift instance; `revision` 0: built, not saved yet. `instance_id` None: built
    for printing a shift that has no instance yet (nothing was stored for it); such an agenda cannot be saved."""

    instance_id: int | None
    site_id: int
    site_name: str
    timezone: str
    shift_name: str
    day: date
    shift_start: datetime
    shift_end: datetime
    meeting_start: datetime
    language: str
    parts: tuple[AgendaPart, ...]
    revision: int = 0
    saved_by: str | None = None
    saved_at: datetime | None = None
    supervisor_name: str | None = None
    previous_shift: str | None = None  # the shift whose lessons are drawn (name and day), None when none

    @property
    def meeting_end(self) -> datetime:
        return self.meeting_start + timedelta(minutes=sum(p.minutes for p in self.parts))

    @property
    def prepared(self) -> bool:
        return self.revision > 0

    @property
    def warmup(self) -> Warmup | None:
        return next((p.warmup for p in self.parts if p.kind is PartKind.WARMUP and p.warmup), None)

    def schedule(self) -> tuple[ScheduledPart, ...]:
        return schedule(self.meeting_start, self.parts)

    def part(self, kind: PartKind) -> AgendaPart | None:
        return next((p for p in self.parts if p.kind is kind), None)


def schedule(start: datetime, parts: Iterable[AgendaPart]) -> tuple[ScheduledPart, ...]:
    """The parts back to back from `start`, each with its clock times."""
    out, at = [], start
    for part in parts:
        end = at + timedelta(minutes=part.minutes)
        out.append(ScheduledPart(part, at, end))
        at = end
    return tuple(out)


def default_meeting_start(shift_start: datetime, minutes: int = DEFAULT_MEETING_MINUTES) -> datetime:
    """The meeting ends when the shift starts."""
    return shift_start - timedelta(minutes=minutes)


def check_agenda(agenda: Agenda) -> None:
    """Raise InvalidSettingError when the agenda cannot be kept: no parts, a time box out of range,
    no attendance part, more than one warm-up, or a meeting that runs past the shift's start."""
    if not agenda.parts:
        raise InvalidSettingError("parts", None, "an agenda needs at least one part")
    for part in agenda.parts:
        if not isinstance(part.minutes, int) or not 0 < part.minutes <= MAX_PART_MINUTES:
            raise InvalidSettingError("minutes", part.minutes, f"a part lasts 1 to {MAX_PART_MINUTES} minutes")
        if part.kind is PartKind.OTHER and not (part.title.strip() or part.text.strip()):
            raise InvalidSettingError("title", part.title, "a part of your own needs a title or a text")
    if sum(p.kind is PartKind.WARMUP for p in agenda.parts) > 1:
        raise InvalidSettingError("warmup", None, "one warm-up per meeting")
    if agenda.meeting_start.tzinfo is None:
        raise InvalidSettingError("meeting_start", str(agenda.meeting_start), "must be a timezone-aware time")
    if agenda.meeting_end > agenda.shift_start:
        raise InvalidSettingError("meeting_end", agenda.meeting_end.isoformat(),
                                  "the pre-shift meeting must end by the shift's start")


def choose_warmup(library: Sequence[Warmup], previous: Warmup | None, topic: str) -> Warmup | None:
    """The warm-up of the next meeting: experience sharing when a topic was set for it (and the library has
    one); otherwise the one after `previous` in the library's order (the first when none or not found)."""
    active = [w for w in library if w.active]
    if not active:
        return None
    if topic.strip():
        sharing = next((w for w in active if w.kind is WarmupKind.SHARING), None)
        if sharing is not None:
            return sharing
    if previous is not None:
        keys = [w.key for w in active]
        if previous.key in keys:
            return active[(keys.index(previous.key) + 1) % len(active)]
    return active[0]


def worst_lessons(candidates: Iterable[LessonLine], limit: int = MAX_LESSONS) -> tuple[LessonLine, ...]:
    """The intervals below target, worst first (then earliest), at most `limit`."""
    below = [c for c in candidates if c.service_level < c.target_percent]
    below.sort(key=lambda c: (c.service_level - c.target_percent, c.interval_start, c.source))
    return tuple(below[:limit])


def with_warmup(agenda: Agenda, warmup: Warmup | None, topic: str | None = None) -> Agenda:
    """The agenda with another warm-up chosen (its time box becomes the warm-up's minutes)."""
    parts = []
    for part in agenda.parts:
        if part.kind is PartKind.WARMUP:
            minutes = warmup.minutes if warmup is not None else part.minutes
            part = replace(part, warmup=warmup, minutes=minutes,
                           topic=part.topic if topic is None else topic)
        parts.append(part)
    return replace(agenda, parts=tuple(parts))


# --- the post-shift meeting ---


@dataclass(frozen=True, slots=True)
class SummaryInterval:
    source: str
    interval_start: datetime
    label: str  # local HH:MM
    service_level: float | None
    target_percent: float
    offered: int | None
    answered: int | None
    abandoned: int | None


@dataclass(frozen=True, slots=True)
class ShiftSummary:
    """The figures of a shift for its post-shift meeting: service level by interval (and over the
    shift, volume-weighted, per source) and the attendance counts."""

    intervals: tuple[SummaryInterval, ...] = ()
    total_service_level: Mapping[str, float | None] = field(default_factory=dict)
    scheduled: int = 0
    present: int = 0
    late: int = 0
    absent: int = 0
    leave: int = 0
    swapped: int = 0
    left_early: int = 0
    unmarked: int = 0


@dataclass(frozen=True, slots=True)
class PostShiftMeeting:
    """One revision of a shift's post-shift meeting record."""

    id: int
    instance_id: int
    revision: int
    started_at: datetime
    ended_at: datetime
    summary: ShiftSummary
    summary_text: str
    case_entry_id: int | None
    notes: str
    tomorrow_topic: str
    saved_by: str
    saved_at: datetime

    @property
    def minutes(self) -> int:
        return int((self.ended_at - self.started_at).total_seconds() // 60)


def check_post_shift(started_at: datetime, ended_at: datetime) -> None:
    for name, value in (("started_at", started_at), ("ended_at", ended_at)):
        if not isinstance(value, datetime) or value.tzinfo is None:
            raise InvalidSettingError(name, str(value), "must be a timezone-aware date and time")
    if ended_at < started_at:
        raise InvalidSettingError("ended_at", ended_at.isoformat(), "the meeting cannot end before it starts")
    if ended_at - started_at > timedelta(hours=4):
        raise InvalidSettingError("ended_at", ended_at.isoformat(), "a post-shift meeting lasts 4 hours at most")
