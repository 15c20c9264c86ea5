"""Suggestions from live data: the rules that name a playbook to run, and the long calls at the shift change.

A rule looks at one `IntervalSnapshot` (one source, one half hour, with what
was known of the floor when it was taken) and returns `Suggestion`s. The
rules, with the thresholds of `RuleSettings`:

* ``sl_below_target`` (warning): the interval's service level is below its
  target (only when `sl_warning` is on).
* ``sl_below_target_twice`` (critical): below target in this interval and in
  the one before; it replaces the single warning for that interval.
* ``traffic_peak`` (warning): the calls that arrived in the interval
  (offered, plus those still waiting) are at least `offered_minimum` and more
  than `offered_ratio` times the calls offered in the same interval a week
  earlier (a covered interval of last week with no call counts 0; an
  unknown one never fires).
* ``oldest_wait`` (warning): the oldest call still waiting has waited more
  than `oldest_wait_factor` x T (T: the source's service-level threshold).
* ``login_gap`` (warning): at the shift change, the agents marked present on
  the sheet outnumber those of them logged in to the ACD by `login_gap` or
  more.

An interval still running is judged on what it has so far; the service
level rules wait until it has `sl_minimum_offered` calls with an outcome (a
finished interval is judged on any number), so one slow first call does not
raise an alert that cannot be taken back. The SL and peak rules name the
playbook ``traffic-peak``, the login gap names ``acd-login-failure``.

A stored suggestion is an `Alert`; it is never raised twice for the same
(source, rule, interval). Pure Python: no Qt, no SQLAlchemy.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, fields
from datetime import datetime, timedelta

from app.domain.service_level import IntervalFigures

SL_BELOW_TARGET = "sl_below_target"
SL_BELOW_TARGET_TWICE = "sl_below_target_twice"
TRAFFIC_PEAK = "traffic_peak"
OLDEST_WAIT = "oldest_wait"
LOGIN_GAP = "login_gap"
RULES = (SL_BELOW_TARGET, SL_BELOW_TARGET_TWICE, TRAFFIC_PEAK, OLDEST_WAIT, LOGIN_GAP)

WARNING = "warning"
CRITICAL = "critical"
LEVELS = (WARNING, CRITICAL)

PLAYBOOK_FOR = {
    SL_BELOW_TARGET: "traffic-peak",
    SL_BELOW_TARGET_TWICE: "traffic-peak",
    TRAFFIC_PEAK: "traffic-peak",
    OLDEST_WAIT: "traffic-peak",
    LOGIN_GAP: "acd-login-failure",
}
LONG_CALLS_PLAYBOOK = "long-calls-at-shift-change"


@dataclass(frozen=True, slots=True)
class RuleSettings:
    """The thresholds a center sets (one set per site).

    sl_warning: raise the single-interval warning (the two-in-a-row critical is always on);
    sl_minimum_offered: calls with an outcome a running interval needs before the SL rules judge it;
    offered_ratio / offered_minimum: the traffic peak (arrived > ratio x last week, and arrived >= minimum);
    oldest_wait_factor: k in k x T; login_gap: present minus logged in that fires;
    shift_change_window_minutes: how long before and after a shift's start (and end) counts as the shift change;
    long_call_minutes: a call answered longer ago than this is a long call.
    """

    sl_warning: bool = True
    offered_ratio: float = 1.5
    offered_minimum: int = 20
    oldest_wait_factor: float = 3.0
    login_gap: int = 1
    shift_change_window_minutes: int = 30
    long_call_minutes: int = 10
    sl_minimum_offered: int = 10

    def as_dict(self) -> dict[str, object]:
        return {f.name: getattr(self, f.name) for f in fields(self)}

    @classmethod
    def from_dict(cls, data: Mapping[str, object] | None) -> RuleSettings:
        """Settings from stored JSON: unknown keys are ignored, missing ones take their default."""
        known = {f.name: f.type for f in fields(cls)}
        values: dict[str, object] = {}
        for key, value in (data or {}).items():
            if key not in known:
                continue
            kind = {"bool": bool, "float": float, "int": int}[known[key]]
            values[key] = kind(value)  # type: ignore[operator]
        return cls(**values)  # type: ignore[arg-type]


def check_settings(s: RuleSettings) -> tuple[tuple[str, str], ...]:
    """(field, code) problems of a settings value; code is "too_small"."""
    problems = []
    if not s.offered_ratio > 1.0:
        problems.append(("offered_ratio", "too_small"))
    for name, least in (("offered_minimum", 1), ("login_gap", 1), ("shift_change_window_minutes", 1),
                        ("long_call_minutes", 1), ("sl_minimum_offered", 1)):
        if getattr(s, name) < least:
            problems.append((name, "too_small"))
    if not s.oldest_wait_factor > 0:
        problems.append(("oldest_wait_factor", "too_small"))
    return tuple(problems)


@dataclass(frozen=True, slots=True)
class IntervalSnapshot:
    """What the rules see of one source in one half hour.

    interval_start: aware local start; figures: the total over the source's queues (None: not covered);
    service_level / target_percent / threshold_seconds: by the source's settings;
    previous_service_level: the interval before (None: unknown or no calls);
    last_week_offered: offered in the same interval a week earlier (None: not covered);
    oldest_wait_seconds / logged_in / present_on_sheet: the floor when the snapshot was taken (None: not known;
    logged_in counts the present agents who are logged in); at_shift_change: taken within the window around a
    shift's start; complete: the interval is over.
    """

    source: str
    interval_start: datetime
    figures: IntervalFigures | None
    service_level: float | None
    target_percent: float
    threshold_seconds: float | None
    previous_service_level: float | None = None
    last_week_offered: int | None = None
    oldest_wait_seconds: float | None = None
    logged_in: int | None = None
    present_on_sheet: int | None = None
    at_shift_change: bool = False
    complete: bool = True


@dataclass(frozen=True, slots=True)
class Suggestion:
    """A rule that fired: which, how bad, for which interval, the playbook it names, and the figures behind it."""

    rule: str
    level: str
    interval_start: datetime
    playbook_key: str
    detail: tuple[tuple[str, object], ...]

    def detail_dict(self) -> dict[str, object]:
        return dict(self.detail)


@dataclass(frozen=True, slots=True)
class Alert:
    """A stored suggestion: open until dismissed (with a reason) or a run is started from it."""

    id: int
    site_id: int
    source: str
    rule: str
    level: str
    interval_start: datetime
    fired_at: datetime
    playbook_key: str
    detail: tuple[tuple[str, object], ...]
    dismissed_at: datetime | None = None
    dismissed_by: str = ""
    dismiss_reason: str = ""
    run_id: int | None = None

    @property
    def open(self) -> bool:
        return self.dismissed_at is None and self.run_id is None

    def detail_dict(self) -> dict[str, object]:
        return dict(self.detail)


def below_target(service_level: float | None, target_percent: float) -> bool:
    return service_level is not None and service_level < target_percent


def arrived(figures: IntervalFigures | None) -> int | None:
    """Calls that arrived in the interval: offered plus still waiting (None when unknown)."""
    if figures is None or figures.offered is None:
        return None
    return figures.offered + (figures.waiting or 0)


def evaluate(snapshot: IntervalSnapshot, settings: RuleSettings) -> tuple[Suggestion, ...]:
    """The suggestions of one snapshot, in RULES order (see the module docstring)."""
    s, out = snapshot, []
    start = s.interval_start

    def fire(rule: str, level: str, **detail: object) -> None:
        out.append(Suggestion(rule, level, start, PLAYBOOK_FOR[rule], tuple(detail.items())))

    f = s.figures
    judged = f is not None and (s.complete or (f.offered or 0) >= settings.sl_minimum_offered)
    if judged and below_target(s.service_level, s.target_percent):
        sl = {"service_level": s.service_level, "target_percent": s.target_percent, "offered": f.offered}
        if below_target(s.previous_service_level, s.target_percent):
            fire(SL_BELOW_TARGET_TWICE, CRITICAL, previous_service_level=s.previous_service_level, **sl)
        elif settings.sl_warning:
            fire(SL_BELOW_TARGET, WARNING, **sl)
    calls = arrived(f)
    if (calls is not None and s.last_week_offered is not None and calls >= settings.offered_minimum
            and calls > settings.offered_ratio * s.last_week_offered):
        fire(TRAFFIC_PEAK, WARNING, arrived=calls, last_week_offered=s.last_week_offered,
             ratio=settings.offered_ratio)
    if s.oldest_wait_seconds is not None and s.threshold_seconds is not None:
        limit = settings.oldest_wait_factor * s.threshold_seconds
        if s.oldest_wait_seconds > limit:
            fire(OLDEST_WAIT, WARNING, oldest_wait_seconds=round(s.oldest_wait_seconds, 1), limit_seconds=limit)
    if s.at_shift_change and s.logged_in is not None and s.present_on_sheet is not None:
        gap = s.present_on_sheet - s.logged_in
        if gap >= settings.login_gap:
            fire(LOGIN_GAP, WARNING, present=s.present_on_sheet, logged_in=s.logged_in, gap=gap)
    return tuple(out)


def near_shift_change(now: datetime, starts: Iterable[datetime], minutes: int) -> datetime | None:
    """The shift start (or end) within `minutes` of `now` nearest to it, None when there is none."""
    window = timedelta(minutes=minutes)
    near = [t for t in starts if abs(t - now) <= window]
    return min(near, key=lambda t: (abs(t - now), t)) if near else None


# --- long calls at the shift change ---

@dataclass(frozen=True, slots=True)
class LongCall:
    """An agent still on a call answered `seconds` ago; shift_end: when the agent's rostered shift ends (None:
    not rostered, listed because nobody is)."""

    agent_login: str
    agent_name: str | None
    answered_at: datetime
    seconds: float
    queue: str
    shift_end: datetime | None


@dataclass(frozen=True, slots=True)
class OpenCall:
    """An answered call with no end yet: the agent's login, when it was answered, its queue."""

    agent: str
    answered_at: datetime
    queue: str


def long_calls(open_calls: Iterable[OpenCall], ending: Mapping[str, tuple[str, datetime]] | None,
               now: datetime, minutes: int) -> tuple[LongCall, ...]:
    """The long calls to plan relief for, longest first.

    `ending`: ACD login (case-folded) -> (agent name, shift end) of the agents whose shift ends around now;
    None when nobody is rostered, so every agent on a long call is listed. Only each agent's latest open call
    counts (an older one lost its end line); a call answered after `now` is left out.
    """
    latest: dict[str, OpenCall] = {}
    for call in open_calls:
        if call.answered_at > now or not call.agent:
            continue
        key = call.agent.strip().casefold()
        if key not in latest or call.answered_at > latest[key].answered_at:
            latest[key] = call
    out = []
    for key, call in latest.items():
        seconds = (now - call.answered_at).total_seconds()
        if seconds < minutes * 60:
            continue
        if ending is None:
            out.append(LongCall(call.agent, None, call.answered_at, seconds, call.queue, None))
        elif key in ending:
            name, end = ending[key]
            out.append(LongCall(call.agent, name, call.answered_at, seconds, call.queue, end))
    return tuple(sorted(out, key=lambda c: (-c.seconds, c.agent_login)))
