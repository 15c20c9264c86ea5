"""Repository queries of the floor's "Now" panel: agent events to replay, waiting and open calls.

Every query stays on an index: calls through (source_id, interval_start),
agent events through the unique (source_id, agent, at, kind, queue).
Instants are stored as UTC epoch seconds and leave as aware datetimes.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import datetime, timezone

from sqlalchemy import func, select, text
from sqlalchemy.orm import Session

from app.domain.calls import CallState
from app.domain.floor import AgentEvent
from app.domain.service_level import IntervalFigures
from app.storage.calls import coverage, interval_rows
from app.storage.models import Call

# No caller waits this long in a queue: it bounds how far back before
# midnight the calls answered today may have arrived.
MAX_QUEUE_WAIT_SECONDS = 4 * 3600

# The events to replay: per agent of the source, those from the last
# instant before the window on. The agents are walked through the unique
# index one seek at a time (a "loose index scan"), and each agent's events
# are one range of that index, so the cost grows with the number of agents
# and of recent events, not with the history stored (10-20 ms for 300
# agents over a year, 530,000 events, on SQLite and PostgreSQL).
# PostgreSQL is held to that plan by LATERAL with OFFSET 0 (which keeps it
# from flattening the subquery): with the statistics of a fresh bulk import
# it would otherwise hash-join every event of the source. SQLite takes the
# plan by itself.
_STARTS = """
    WITH RECURSIVE agents(agent) AS (
        SELECT MIN(agent) FROM agent_events WHERE source_id = :source
        UNION ALL
        SELECT (SELECT MIN(e.agent) FROM agent_events e WHERE e.source_id = :source AND e.agent > a.agent)
        FROM agents a WHERE a.agent IS NOT NULL
    ),
    starts AS {materialized} (
        SELECT a.agent,
               COALESCE((SELECT MAX(e.at) FROM agent_events e
                         WHERE e.source_id = :source AND e.agent = a.agent AND e.at < :window),
                        :window) AS start
        FROM agents a WHERE a.agent IS NOT NULL
    )
"""
_RANGE = "e.source_id = :source AND e.agent = s.agent AND e.at >= s.start AND e.at <= :now"
_COLUMNS = "e.id, e.agent, e.at, e.kind, e.queue, e.reason"
_REPLAYED = {
    "sqlite": text(
        _STARTS.format(materialized="")
        + f"SELECT {_COLUMNS} FROM starts s JOIN agent_events e ON {_RANGE} ORDER BY e.at, e.id"
    ),
    "postgresql": text(
        _STARTS.format(materialized="MATERIALIZED")
        + f"SELECT e.* FROM starts s CROSS JOIN LATERAL (SELECT {_COLUMNS} FROM agent_events e WHERE {_RANGE} OFFSET 0) e "
        "ORDER BY e.at, e.id"
    ),
}


def begin_snapshot(session: Session) -> None:
    """Make the session's transaction one consistent snapshot where the database offers it.

    PostgreSQL: REPEATABLE READ (a read-only transaction there never fails
    to serialize). Call it first in the transaction; SQLite keeps its default.
    """
    if session.get_bind().dialect.name == "postgresql":
        session.connection(execution_options={"isolation_level": "REPEATABLE READ"})


def agent_events(session: Session, source_id: int, window: datetime, now: datetime) -> list[AgentEvent]:
    """The events to replay for the agents' states at `now`, in time order (then stored order).

    Per agent: every event in [window, now], plus the events of its last
    instant before `window` (its state then, as far as one instant tells:
    the membership of one queue, or of all queues logged in at once, and the
    pause in force). An agent whose last event before the window is a login
    stays logged in, however old that event.
    """
    params = {"source": source_id, "window": window.timestamp(), "now": now.timestamp()}
    query = _REPLAYED[session.get_bind().dialect.name]
    return [
        AgentEvent(agent, _utc(at), kind, queue or "", reason)
        for _, agent, at, kind, queue, reason in session.execute(query, params)
    ]


def waiting_calls(session: Session, source_id: int, first: int, last: int, now: datetime) -> tuple[int, datetime | None]:
    """(count, earliest arrival) of the calls still waiting that arrived by `now` in intervals [first, last]."""
    c = Call
    count, earliest = session.execute(
        select(func.count(), func.min(c.arrived_at)).where(
            c.source_id == source_id,
            c.interval_start >= first,
            c.interval_start <= last,
            c.state == CallState.WAITING.value,
            c.arrived_at <= now.timestamp(),
        )
    ).one()
    return int(count), None if earliest is None else _utc(earliest)


def open_answered_calls(
    session: Session, source_id: int, answered_since: int, last: int, now: datetime
) -> list[tuple[str, datetime]]:
    """(agent, answered_at) of answered calls with no end yet, answered in [answered_since, now].

    `last` is the interval start of `now`; arrivals are looked for from
    MAX_QUEUE_WAIT_SECONDS before `answered_since` on.
    """
    c = Call
    rows = session.execute(
        select(c.agent, c.answered_at).where(
            c.source_id == source_id,
            c.interval_start >= answered_since - MAX_QUEUE_WAIT_SECONDS,
            c.interval_start <= last,
            c.state == CallState.ANSWERED.value,
            c.ended_at.is_(None),
            c.agent.is_not(None),
            c.answered_at >= answered_since,
            c.answered_at <= now.timestamp(),
        )
    )
    return [(agent, _utc(at)) for agent, at in rows]


def interval_totals(session: Session, source_id: int, first: int, end: int) -> list[tuple[int, IntervalFigures]]:
    """(interval start, total over queues) of the stored intervals starting in [first, end), in order."""
    by_start: dict[int, list[IntervalFigures]] = defaultdict(list)
    for _, start, _, figures in interval_rows(session, source_id, first, end):
        by_start[start].append(figures)
    return [(start, IntervalFigures.total(parts)) for start, parts in sorted(by_start.items())]


def covered(session: Session, source_id: int, first: int, end: int) -> bool:
    """Whether the source's data covers any part of [first, end)."""
    return any(a < end and b >= first for a, b in coverage(session, source_id, first, end))


def _utc(epoch: float) -> datetime:
    return datetime.fromtimestamp(epoch, timezone.utc)
