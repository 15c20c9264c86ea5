"""Reminders around the day's moments: which are due now.

* ``agenda`` — the next shift's pre-shift agenda is not prepared and its
  shift change is `agenda_before` (30 min) away or nearer;
* ``handover`` — the handover of a shift change is not signed `handover_after`
  (15 min) after the change;
* ``day_plan`` / ``day_summary`` — at the times the center sets (e.g. 09:00
  and 16:30), once a day.

A reminder has a key (kind, what it is about) so a dismissed one stays
dismissed and a snoozed one comes back when its snooze ends. Pure Python: the
scheduler asks `due` every minute with what the services know.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

AGENDA = "agenda"
HANDOVER = "handover"
DAY_PLAN = "day_plan"
DAY_SUMMARY = "day_summary"
KINDS = (AGENDA, HANDOVER, DAY_PLAN, DAY_SUMMARY)


@dataclass(frozen=True, slots=True)
class ReminderSettings:
    """The site's reminder times: minutes before / after a change, and the day's plan and summary (None: off)."""

    agenda_before: timedelta = timedelta(minutes=30)
    handover_after: timedelta = timedelta(minutes=15)
    day_plan_at: time | None = time(9, 0)
    day_summary_at: time | None = time(16, 30)

    def as_dict(self) -> dict[str, object]:
        """The JSON stored per site: whole minutes and "HH:MM" (None: no reminder)."""
        return {
            "agenda_before_minutes": int(self.agenda_before.total_seconds() // 60),
            "handover_after_minutes": int(self.handover_after.total_seconds() // 60),
            "day_plan_at": f"{self.day_plan_at:%H:%M}" if self.day_plan_at else None,
            "day_summary_at": f"{self.day_summary_at:%H:%M}" if self.day_summary_at else None,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, object] | None) -> ReminderSettings:
        """Settings from stored JSON: a missing or unreadable value takes its default."""
        base, data = cls(), data or {}

        def minutes(key: str, default: timedelta) -> timedelta:
            try:
                value = int(data[key])  # type: ignore[call-overload]
            except (KeyError, TypeError, ValueError):
                return default
            return timedelta(minutes=value) if value >= 0 else default

        def clock(key: str, default: time | None) -> time | None:
            if key not in data:
                return default
            if data[key] in (None, ""):
                return None
            try:
                return time.fromisoformat(str(data[key]))
            except ValueError:
                return default

        return cls(minutes("agenda_before_minutes", base.agenda_before),
                   minutes("handover_after_minutes", base.handover_after),
                   clock("day_plan_at", base.day_plan_at), clock("day_summary_at", base.day_summary_at))


LEAD_LIMIT = timedelta(hours=4)  # the longest lead / delay a reminder may have (a shift change every few hours)


def check_settings(s: ReminderSettings) -> tuple[tuple[str, str], ...]:
    """(field, code) problems: code "negative", "too_large" (over LEAD_LIMIT) or "not_whole_minutes"."""
    problems = []
    for name in ("agenda_before", "handover_after"):
        value: timedelta = getattr(s, name)
        if value < timedelta(0):
            problems.append((name, "negative"))
        elif value > LEAD_LIMIT:
            problems.append((name, "too_large"))
        elif value % timedelta(minutes=1):
            problems.append((name, "not_whole_minutes"))
    return tuple(problems)


@dataclass(frozen=True, slots=True)
class Change:
    """A shift change: when, the outgoing and incoming shift instances (ids), and whether their work is done."""

    at: datetime
    outgoing_id: int | None
    incoming_id: int
    agenda_prepared: bool = False
    handover_signed: bool = False
    incoming_name: str = ""


@dataclass(frozen=True, slots=True)
class Reminder:
    kind: str
    key: str  # what it is about: the instance for agenda/handover, the local day for the day's plan/summary
    due_at: datetime
    change: Change | None = None


@dataclass(frozen=True, slots=True)
class ReminderState:
    """What the supervisors did with reminders: dismissed keys, snoozed keys until when."""

    dismissed: frozenset[tuple[str, str]] = frozenset()
    snoozed: Mapping[tuple[str, str], datetime] = field(default_factory=dict)


def due(now: datetime, changes: Iterable[Change], settings: ReminderSettings, state: ReminderState,
        day: date | None = None) -> tuple[Reminder, ...]:
    """The reminders to show at `now` (local, aware), earliest first; `day`: the site's local day (default now's)."""
    day = day or now.date()
    out: list[Reminder] = []
    for c in changes:
        if not c.agenda_prepared and c.at - settings.agenda_before <= now < c.at:
            out.append(Reminder(AGENDA, str(c.incoming_id), c.at - settings.agenda_before, c))
        if (c.outgoing_id is not None and not c.handover_signed
                and c.at + settings.handover_after <= now < c.at + timedelta(hours=12)):
            out.append(Reminder(HANDOVER, str(c.outgoing_id), c.at + settings.handover_after, c))
    for kind, at in ((DAY_PLAN, settings.day_plan_at), (DAY_SUMMARY, settings.day_summary_at)):
        if at is None:
            continue
        when = datetime.combine(day, at, tzinfo=now.tzinfo)
        if when <= now < datetime.combine(day + timedelta(days=1), time(0), tzinfo=now.tzinfo):
            out.append(Reminder(kind, day.isoformat(), when))
    shown = [r for r in out if (r.kind, r.key) not in state.dismissed
             and not (state.snoozed.get((r.kind, r.key)) and now < state.snoozed[(r.kind, r.key)])]
    return tuple(sorted(shown, key=lambda r: (r.due_at, KINDS.index(r.kind), r.key)))


def snooze(state: ReminderState, reminder: Reminder, until: datetime) -> ReminderState:
    return ReminderState(state.dismissed, {**state.snoozed, (reminder.kind, reminder.key): until})


def dismiss(state: ReminderState, reminder: Reminder) -> ReminderState:
    snoozed = {k: v for k, v in state.snoozed.items() if k != (reminder.kind, reminder.key)}
    return ReminderState(state.dismissed | {(reminder.kind, reminder.key)}, snoozed)
