"""Use case: the "Now" figures of the floor (waiting calls, agent states, today so far, what the rest needs).

One read transaction gathers the source's data at `now`; the rules are in
`app.domain.floor`. The figures are by the source's own settings (its
definition and target), over all its queues.
"""

from __future__ import annotations

from datetime import datetime, timezone

from app.domain.errors import InvalidSettingError, UnknownSourceError
from app.domain.floor import (
    AgentStatus,
    FloorNow,
    agent_states,
    floor_span,
    needed_service_level,
    paused_by_reason,
    remaining_volume,
    sl_terms,
)
from app.domain.intervals import INTERVAL_SECONDS, zone
from app.domain.service_level import IntervalFigures
from app.services.console import Console
from app.storage import floor as floor_store
from app.storage import sites as site_store


MAX_CALL_SECONDS = 2 * 3600


def floor_now(console: Console, source_name: str, now: datetime | None = None) -> FloorNow:
    """The floor of `source_name` at `now` (default: the current time; an aware datetime)."""
    if now is None:
        now = datetime.now(timezone.utc)
    elif now.tzinfo is None or now.utcoffset() is None:
        raise InvalidSettingError("now", now.isoformat(), "must be a timezone-aware date and time")
    with console.db.transaction() as tx:
        floor_store.begin_snapshot(tx)
        source = site_store.find_source(tx, source_name)
        if source is None:
            raise UnknownSourceError(source_name)
        tz = zone(source.site.timezone)
        span = floor_span(now, tz)
        events = floor_store.agent_events(tx, source.id, span.replay_from, now)
        # A call is taken as still going for at most MAX_CALL_SECONDS: a lost COMPLETE line must not
        # keep an agent "on a call" all day (the longest call of the January 1999 data is 88 minutes).
        since = max(span.day_first, int(now.timestamp()) - MAX_CALL_SECONDS)
        open_calls = floor_store.open_answered_calls(tx, source.id, since, span.now_interval, now)
        waiting, earliest = floor_store.waiting_calls(tx, source.id, span.day_first, span.now_interval, now)
        today = floor_store.interval_totals(tx, source.id, span.day_first, span.now_interval + INTERVAL_SECONDS)
        last_week = floor_store.interval_totals(tx, source.id, span.last_week_first, span.last_week_end)
        forecast_known = floor_store.covered(tx, source.id, span.last_week_first, span.last_week_end)
    definition = source.settings.definition
    target = source.settings.target_percent
    states = agent_states(events, open_calls, now)
    logged_in = tuple(s for s in states if s.state is not AgentStatus.LOGGED_OUT)
    total = IntervalFigures.total(f for _, f in today)
    remaining = remaining_volume(last_week, span, definition) if forecast_known else None
    so_far = sl_terms(total, definition)
    if so_far is None or remaining is None:
        needed = needed_service_level(0, 0, None, target)
    else:
        needed = needed_service_level(so_far[0], so_far[1], remaining[1], target)
    return FloorNow(
        source=source.name,
        at=now.astimezone(tz),
        waiting=waiting,
        oldest_wait_seconds=None if earliest is None else max((now - earliest).total_seconds(), 0.0),
        agents=logged_in,
        logged_in=len(logged_in),
        on_call=sum(s.state is AgentStatus.ON_CALL for s in logged_in),
        paused=sum(s.state is AgentStatus.PAUSED for s in logged_in),
        available=sum(s.state is AgentStatus.AVAILABLE for s in logged_in),
        paused_by_reason=paused_by_reason(logged_in),
        today=total,
        service_level=total.service_level(definition),
        abandon_percent=_percent(total.abandoned, total.offered),
        sl_definition=definition,
        target_percent=target,
        needed_service_level=needed.percent,
        needed_status=needed.status,
        remaining_offered=None if remaining is None else remaining[0],
    )


def _percent(part: int | None, whole: int | None) -> float | None:
    return None if part is None or not whole else 100.0 * part / whole
