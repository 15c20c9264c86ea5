"""The "Now" figures of the floor: agent states replayed from agent events, and the rest-of-day target.

Agent model (one state per agent, across all queues of the source):

* Each agent has a set of queue memberships and a set of paused memberships.
  The queue "" stands for a queue-less event (Asterisk's queue NONE).
* AGENTLOGIN, AGENTCALLBACKLOGIN and ADDMEMBER add the membership of their
  queue, unpaused (a new membership starts unpaused, as in Asterisk).
* REMOVEMEMBER drops the membership of its queue; AGENTLOGOFF,
  AGENTCALLBACKLOGOFF (and a REMOVEMEMBER without queue) drop all of them.
  An agent with no membership left is logged out and keeps no pause.
* PAUSE pauses the membership of its queue, with its reason; PAUSEALL (or a
  PAUSE without queue) pauses every membership. UNPAUSE / UNPAUSEALL undo
  them. Only members can be paused, so a pause event of an agent not known
  as a member makes it one (static members of a PBX never log in). A pause
  without a reason of a membership already paused keeps that pause's reason
  (Asterisk writes PAUSEALL, without reason, beside the per-queue PAUSE lines).
* An agent is logged in while it is a member of any queue, paused while
  every membership is paused (an agent available in one queue still takes
  calls), available otherwise. The pause reason shown is the reason of the
  latest pause in force that has one.
* An agent with an answered call that has not ended is on a call, whatever
  the events say (an agent seen on a call with no login event counts as
  logged in); the pause reason stays known for an agent paused on a call.
* Events are replayed in time order; events of the same instant keep the
  order they are given in (storage gives them in the order they were stored,
  which is the order of the feed).

"Today" is the site's local date of now. The calls still expected today are
those of the same weekday one week earlier from the same wall-clock time to
the end of that day: the rest of now's interval pro rata (today's part of it
is already counted), later intervals in full. With N calls within the
threshold out of D so far and R to come, the share x of the remaining calls
that must meet the threshold for the day to reach target t solves
(N + x*R) / (D + R) = t.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from fractions import Fraction
from zoneinfo import ZoneInfo

from app.domain.intervals import INTERVAL_SECONDS, day_intervals, interval_start
from app.domain.service_level import IntervalFigures, SlDefinition

LOGINS = frozenset({"AGENTLOGIN", "AGENTCALLBACKLOGIN", "ADDMEMBER"})
LOGOFFS = frozenset({"AGENTLOGOFF", "AGENTCALLBACKLOGOFF", "REMOVEMEMBER"})
PAUSES = frozenset({"PAUSE", "PAUSEALL"})
UNPAUSES = frozenset({"UNPAUSE", "UNPAUSEALL"})
ALL_QUEUES_KINDS = frozenset({"AGENTLOGOFF", "AGENTCALLBACKLOGOFF", "PAUSEALL", "UNPAUSEALL"})

# The events replayed in full; each agent's state before that is taken from
# the events of its last instant before the window (see storage.floor).
REPLAY_WINDOW = timedelta(hours=24)


class AgentStatus(str, enum.Enum):
    LOGGED_OUT = "logged_out"
    AVAILABLE = "available"
    PAUSED = "paused"
    ON_CALL = "on_call"


class NeededStatus(str, enum.Enum):
    REACHABLE = "reachable"  # the needed level is between 0 and 100 %
    ALREADY_MET = "already_met"  # the target holds even if no remaining call meets the threshold
    NOT_REACHABLE = "not_reachable"  # even 100 % of the remaining calls would not do
    NO_FORECAST = "no_forecast"  # the remaining volume (or today's counts) is unknown


@dataclass(frozen=True, slots=True)
class AgentEvent:
    """One stored agent event; `queue` is "" for queue-less events, `at` aware."""

    agent: str
    at: datetime
    kind: str
    queue: str = ""
    reason: str | None = None


@dataclass(frozen=True, slots=True)
class AgentState:
    """An agent's state now; `since` is when it entered that state (and reason)."""

    agent: str
    state: AgentStatus
    pause_reason: str | None
    since: datetime


@dataclass(frozen=True, slots=True)
class NeededServiceLevel:
    """What the rest of the day needs (see `needed_service_level`)."""

    status: NeededStatus
    percent: float | None


@dataclass(frozen=True, slots=True)
class FloorSpan:
    """What a "Now" panel reads (interval starts as UTC epoch seconds): today's date and first
    interval, now's interval and the share of it still to come, now's interval one week earlier
    and the end of that day, and the start of the agent events replayed in full."""

    day: date
    day_first: int
    now_interval: int
    fraction_left: float
    last_week_first: int
    last_week_end: int
    replay_from: datetime


@dataclass(frozen=True, slots=True)
class FloorNow:
    """The "Now" figures of one source at one instant.

    at: now in the site's zone. waiting / oldest_wait_seconds: calls still
    waiting that arrived today up to now, and now minus the earliest arrival
    of them. agents: the logged-in agents (by name) with their state; the
    counts partition logged_in; paused_by_reason: (reason or None, count),
    most frequent first. today: the volume-weighted total of today's
    intervals up to now's; service_level by the source's definition and
    abandon_percent (abandoned / offered), None when their denominator is 0.
    needed_service_level / needed_status: see `needed_service_level`;
    remaining_offered: calls expected for the rest of the day (the same
    weekday last week), None when unknown.
    """

    source: str
    at: datetime
    waiting: int
    oldest_wait_seconds: float | None
    agents: tuple[AgentState, ...]
    logged_in: int
    on_call: int
    paused: int
    available: int
    paused_by_reason: tuple[tuple[str | None, int], ...]
    today: IntervalFigures
    service_level: float | None
    abandon_percent: float | None
    sl_definition: SlDefinition
    target_percent: float
    needed_service_level: float | None
    needed_status: NeededStatus
    remaining_offered: float | None


def floor_span(now: datetime, tz: ZoneInfo) -> FloorSpan:
    """The span of `now` in zone `tz`; last week is the same wall-clock time seven days earlier."""
    local = now.astimezone(tz)
    day = local.date()
    now_iv = int(interval_start(now, tz).timestamp())
    week_ago = datetime.combine(day - timedelta(days=7), local.time(), tzinfo=tz)
    return FloorSpan(
        day=day,
        day_first=day_intervals(day, tz).first,
        now_interval=now_iv,
        fraction_left=(now_iv + INTERVAL_SECONDS - now.timestamp()) / INTERVAL_SECONDS,
        last_week_first=int(interval_start(week_ago, tz).timestamp()),
        last_week_end=day_intervals(day - timedelta(days=7), tz).end,
        replay_from=now - REPLAY_WINDOW,
    )


@dataclass
class _Agent:
    """Replay state of one agent: queue -> pause (at, reason) of paused memberships."""

    members: set[str]
    pauses: dict[str, tuple[datetime, str | None]]
    status: tuple[AgentStatus, str | None]
    since: datetime

    def derived(self) -> tuple[AgentStatus, str | None]:
        if not self.members:
            return AgentStatus.LOGGED_OUT, None
        if any(q not in self.pauses for q in self.members):
            return AgentStatus.AVAILABLE, None
        held = [p for p in self.pauses.values() if p[1] is not None]
        return AgentStatus.PAUSED, (max(held, key=lambda p: p[0])[1] if held else None)

    def apply(self, e: AgentEvent) -> None:
        queue = "" if e.kind in ALL_QUEUES_KINDS else e.queue
        if e.kind in LOGINS:
            self.members.add(queue)
            self.pauses.pop(queue, None)
        elif e.kind in LOGOFFS:
            if queue:
                self.members.discard(queue)
                self.pauses.pop(queue, None)
            if not queue or not self.members:
                self.members.clear()
                self.pauses.clear()
        elif e.kind in PAUSES or e.kind in UNPAUSES:
            if queue or not self.members:
                self.members.add(queue)  # only members can be paused
            for q in {queue} if queue else set(self.members):
                if e.kind in UNPAUSES:
                    self.pauses.pop(q, None)
                elif e.reason is not None or q not in self.pauses:
                    self.pauses[q] = (e.at, e.reason)
        now = self.derived()
        if now != self.status:
            self.status, self.since = now, e.at


def agent_states(
    events: Iterable[AgentEvent], open_calls: Iterable[tuple[str, datetime]], now: datetime
) -> tuple[AgentState, ...]:
    """Every agent's state at `now`, by agent name (the model is in the module docstring).

    `events` after `now` are left out; `open_calls` are (agent, answered_at)
    of answered calls not yet ended (the caller limits them to today's);
    those answered after `now` are left out.
    """
    agents: dict[str, _Agent] = {}
    for e in sorted((e for e in events if e.at <= now), key=lambda e: e.at):
        state = agents.get(e.agent)
        if state is None:
            state = agents[e.agent] = _Agent(set(), {}, (AgentStatus.LOGGED_OUT, None), e.at)
        state.apply(e)
    talking: dict[str, datetime] = {}
    for agent, answered_at in open_calls:
        if answered_at <= now and (agent not in talking or answered_at > talking[agent]):
            talking[agent] = answered_at  # the latest call: older open ones lost their end line
    out = []
    for name in sorted(set(agents) | set(talking)):
        replayed = agents.get(name)
        status, reason = replayed.status if replayed else (AgentStatus.LOGGED_OUT, None)
        on_call = name in talking
        since = talking[name] if on_call else replayed.since
        out.append(AgentState(name, AgentStatus.ON_CALL if on_call else status, reason, since))
    return tuple(out)


def sl_terms(figures: IntervalFigures, definition: SlDefinition) -> tuple[int, int] | None:
    """(numerator, denominator) of the service level by `definition`; None when a count is unknown."""
    f = figures
    if definition is SlDefinition.OFFERED:
        terms = (f.answered_within, f.offered)
    elif definition is SlDefinition.ANSWERED:
        terms = (f.answered_within, f.answered)
    elif definition is SlDefinition.EXCLUDE_SHORT_ABANDONS:
        known = f.offered is not None and f.abandoned_within is not None
        terms = (f.answered_within, f.offered - f.abandoned_within if known else None)
    else:
        known = f.answered_within is not None and f.abandoned_within is not None
        terms = (f.answered_within + f.abandoned_within if known else None, f.offered)
    return None if None in terms else terms  # type: ignore[return-value]


def remaining_volume(
    last_week: Iterable[tuple[int, IntervalFigures]], span: FloorSpan, definition: SlDefinition
) -> tuple[float, float] | None:
    """(offered, SL denominator) expected for the rest of today (see the module docstring).

    `last_week`: (interval start, total) one week earlier from now's interval
    on; an interval without a row counts 0. None when a count is unknown.
    """
    offered = denominator = 0.0
    for start, figures in last_week:
        terms = sl_terms(figures, definition)
        if terms is None or figures.offered is None:
            return None
        weight = span.fraction_left if start == span.last_week_first else 1.0
        offered += weight * figures.offered
        denominator += weight * terms[1]
    return offered, denominator


def needed_service_level(
    within_so_far: int, offered_so_far: int, remaining_offered: float | None, target_percent: float
) -> NeededServiceLevel:
    """The service level the rest of the day needs for the day to reach `target_percent`.

    Solves (within_so_far + x * remaining) / (offered_so_far + remaining) = target
    for x, in exact arithmetic. For a definition other than `offered`, the
    arguments are its numerator and denominator (e.g. answered for `answered`).
    x <= 0: already met (percent 0); 0 < x <= 1: reachable; x > 1: not reachable
    (percent x, above 100). With no calls expected the day's level is final:
    already met or not reachable, percent None; no_forecast when the remaining
    volume is unknown, or when no call came and none is expected.
    """
    if remaining_offered is None:
        return NeededServiceLevel(NeededStatus.NO_FORECAST, None)
    target = Fraction(target_percent) / 100
    remaining = Fraction(remaining_offered)
    if remaining <= 0:
        if offered_so_far <= 0:
            return NeededServiceLevel(NeededStatus.NO_FORECAST, None)
        met = Fraction(within_so_far, offered_so_far) >= target
        return NeededServiceLevel(NeededStatus.ALREADY_MET if met else NeededStatus.NOT_REACHABLE, None)
    x = (target * (offered_so_far + remaining) - within_so_far) / remaining
    if x <= 0:
        return NeededServiceLevel(NeededStatus.ALREADY_MET, 0.0)
    status = NeededStatus.REACHABLE if x <= 1 else NeededStatus.NOT_REACHABLE
    return NeededServiceLevel(status, float(100 * x))


def paused_by_reason(states: Iterable[AgentState]) -> tuple[tuple[str | None, int], ...]:
    """(reason, count) of the paused agents, most frequent first, then by reason (None first)."""
    counts: dict[str | None, int] = {}
    for s in states:
        if s.state is AgentStatus.PAUSED:
            counts[s.pause_reason] = counts.get(s.pause_reason, 0) + 1
    return tuple(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0] is not None, kv[0] or "")))
