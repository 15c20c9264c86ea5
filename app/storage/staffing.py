"""Repository reads of the staffing view: attendance marks of a range of shifts, the calls' waits, who served.

Every call query stays on the (source_id, interval_start) index: a call's
interval starts at most MAX_QUEUE_WAIT_SECONDS before it is answered, and a
call is taken to last at most MAX_CALL_SECONDS (as the floor's "Now" panel
does), which bounds how early a call serving in a span may have arrived.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session

from app.domain.attendance import Mark
from app.domain.calls import CallState
from app.domain.intervals import INTERVAL_SECONDS
from app.storage.floor import MAX_QUEUE_WAIT_SECONDS
from app.storage.models import AttendanceMarkRow, Call, ShiftInstanceRow
from app.storage.sheet import _record

# The longest a call is taken to last when looking back for calls still being served (the floor's rule:
# the longest call of the January 1999 data is 88 minutes).
MAX_CALL_SECONDS = 2 * 3600


def marks_between(session: Session, site_id: int, first: date, last: date) -> dict[tuple[int, date], dict[int, Mark]]:
    """(definition id, day) -> agent id -> the mark in force, for the site's shifts starting in [first, last].

    One query; shifts nobody has opened (no instance) or marked are absent.
    """
    marks = AttendanceMarkRow.__table__
    instances = ShiftInstanceRow.__table__
    query = (
        select(instances.c.definition_id, instances.c.day, marks)
        .join(instances, instances.c.id == marks.c.instance_id)
        .where(instances.c.site_id == site_id, instances.c.day >= first, instances.c.day <= last)
        .order_by(instances.c.id, marks.c.agent_id, marks.c.revision)
    )
    out: dict[tuple[int, date], dict[int, Mark]] = {}
    for row in session.execute(query):
        out.setdefault((row.definition_id, row.day), {})[row.agent_id] = _record(row).mark  # the last revision wins
    return out


@dataclass(frozen=True, slots=True)
class WaitTotals:
    """The waits of the calls with an outcome in queue: abandoned calls until they hung up, answered ones until
    they were answered (count and sum of seconds each)."""

    abandoned: int
    abandoned_wait_s: float
    answered: int
    answered_wait_s: float


def wait_totals(session: Session, source_id: int, since: float, until: float,
                queues: Sequence[str] | None = None) -> WaitTotals:
    """The waits of the source's answered and abandoned calls that arrived in [since, until) (epoch seconds),
    of `queues` when given; one aggregate query (calls without a wait are left out)."""
    c = Call
    abandoned = c.state == CallState.ABANDONED.value
    answered = c.state == CallState.ANSWERED.value
    where = [c.source_id == source_id, c.interval_start > since - INTERVAL_SECONDS, c.interval_start < until,
             c.arrived_at >= since, c.arrived_at < until, c.wait_seconds.is_not(None),
             c.state.in_((CallState.ABANDONED.value, CallState.ANSWERED.value))]
    if queues:
        where.append(c.queue.in_(list(queues)))
    row = session.execute(
        select(
            func.sum(case((abandoned, 1), else_=0)),
            func.sum(case((abandoned, c.wait_seconds), else_=0.0)),
            func.sum(case((answered, 1), else_=0)),
            func.sum(case((answered, c.wait_seconds), else_=0.0)),
        ).where(*where)
    ).one()
    return WaitTotals(int(row[0] or 0), float(row[1] or 0.0), int(row[2] or 0), float(row[3] or 0.0))


def served_spans(session: Session, source_id: int, first: float, end: float,
                 queues: Sequence[str] | None = None) -> list[tuple[str, float, float]]:
    """(agent, answered at, ended at) of the answered calls with an agent whose service meets [first, end).

    A call without an end (still going, or its end unknown) is taken to end at its answer plus its handle
    time when known, else at its answer (it was seen being served then), and never after MAX_CALL_SECONDS.
    In time order of the answer.
    """
    c = Call
    ended = func.coalesce(c.ended_at, c.answered_at + func.coalesce(c.handle_seconds, 0.0))
    lookback = MAX_QUEUE_WAIT_SECONDS + MAX_CALL_SECONDS
    where = [c.source_id == source_id, c.interval_start >= first - lookback, c.interval_start < end,
             c.state == CallState.ANSWERED.value, c.agent.is_not(None), c.answered_at.is_not(None),
             c.answered_at < end, ended >= first, c.answered_at >= first - MAX_CALL_SECONDS]
    if queues:
        where.append(c.queue.in_(list(queues)))
    rows = session.execute(select(c.agent, c.answered_at, ended).where(*where).order_by(c.answered_at, c.agent))
    return [(agent, float(a), min(float(b), float(a) + MAX_CALL_SECONDS)) for agent, a, b in rows]
