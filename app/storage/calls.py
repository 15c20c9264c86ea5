"""Repository of call records, their half-hour intervals and the coverage of each source.

The bulk path writes with the driver's executemany (one statement per call,
`ON CONFLICT` for idempotence) and aggregates intervals in SQL from the
stored calls, so a recomputation and a fresh import give the same figures.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import datetime, timezone

from sqlalchemy import and_, case, delete, func, insert, literal, or_, select, update
from sqlalchemy.orm import Session

from app.domain.calls import CallRecord, CallState
from app.domain.intervals import INTERVAL_SECONDS, merge_spans
from app.domain.service_level import IntervalFigures
from app.storage.models import AgentEvent, Call, Coverage, IntervalRow
from app.storage.models import FeedSource as SourceRow

# Order of the values of each row handed to `upsert_calls`.
CALL_ROW = (
    "queue", "call_key", "arrived_at", "interval_start", "state", "wait_seconds",
    "answered_at", "ended_at", "handle_seconds", "agent", "caller",
)


def _placeholder(session: Session) -> str:
    return "?" if session.get_bind().dialect.paramstyle == "qmark" else "%s"


def _rank(column: str) -> str:
    return f"CASE {column} WHEN 'answered' THEN 3 WHEN 'abandoned' THEN 2 WHEN 'other' THEN 1 ELSE 0 END"


_MERGED = ("wait_seconds", "answered_at", "ended_at", "handle_seconds", "agent", "caller")


def upsert_calls(session: Session, source_id: int, rows: Sequence[tuple], first: int, last: int) -> tuple[int, int]:
    """Store calls (tuples in CALL_ROW order) whose interval starts lie in [first, last].

    Returns (new, updated); new calls are counted within [first, last] only,
    through the interval index, so the cost does not grow with the source.

    A call already stored is merged with the new record: an outcome replaces
    `waiting` (answered > abandoned > other > waiting), and each field still
    unknown takes the new value. Known values are never overwritten, so a
    repeat changes nothing and partial records of one call add up.
    """
    if not rows:
        return 0, 0
    ph = _placeholder(session)
    cols = ", ".join(("source_id",) + CALL_ROW)
    values = ", ".join([str(int(source_id))] + [ph] * len(CALL_ROW))
    better = f"{_rank('excluded.state')} > {_rank('calls.state')}"
    sets = ", ".join(f"{c} = COALESCE(calls.{c}, excluded.{c})" for c in _MERGED)
    gains = " OR ".join(f"(calls.{c} IS NULL AND excluded.{c} IS NOT NULL)" for c in _MERGED)
    sql = (
        f"INSERT INTO calls ({cols}) VALUES ({values}) "
        "ON CONFLICT (source_id, call_key) DO UPDATE SET "
        f"state = CASE WHEN {better} THEN excluded.state ELSE calls.state END, {sets} "
        f"WHERE {better} OR {gains}"
    )
    before = count_calls(session, source_id, first, last)
    conn = session.connection().execution_options(preserve_rowcount=True)
    result = conn.exec_driver_sql(sql, list(rows))
    new = count_calls(session, source_id, first, last) - before
    touched = result.rowcount if result.rowcount is not None and result.rowcount >= 0 else new
    return new, max(touched - new, 0)


def resolve_dumps(
    session: Session, source_id: int, dumps: Sequence[tuple[str, str, float]]
) -> tuple[list[int], list[int]]:
    """End stored waiting calls by AGENTDUMP events (call id, queue, time).

    Each dump ends the latest waiting call of that call id and queue that
    arrived at or before it (state other, wait = dump - arrival); a call that
    this dump already ended (a repeated import) counts as matched. Returns the
    interval starts touched and the indexes of the dumps that matched nothing.
    """
    touched, unmatched = [], []
    for index, (callid, queue, at) in enumerate(dumps):
        prefix = f"{callid}|{queue}|".replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        same_visit = (
            Call.source_id == source_id,
            Call.queue == queue,
            Call.call_key.like(prefix + "%", escape="\\"),
            Call.arrived_at <= at,
        )
        call = session.execute(
            select(Call.id, Call.arrived_at, Call.interval_start)
            .where(*same_visit, Call.state == CallState.WAITING.value)
            .order_by(Call.arrived_at.desc())
            .limit(1)
        ).first()
        if call is None:
            done = session.execute(
                select(Call.id).where(*same_visit, Call.state == CallState.OTHER.value, Call.ended_at == at).limit(1)
            ).first()
            if done is None:
                unmatched.append(index)
            continue
        session.execute(
            update(Call.__table__)
            .where(Call.__table__.c.id == call.id)
            .values(state=CallState.OTHER.value, wait_seconds=at - call.arrived_at, ended_at=at)
        )
        touched.append(call.interval_start)
    return touched, unmatched


def add_agent_events(session: Session, source_id: int, events: Sequence[tuple]) -> int:
    """Store agent events (agent, at, kind, queue, reason); a repeat changes nothing. Returns how many are new."""
    if not events:
        return 0
    ph = _placeholder(session)
    sql = (
        f"INSERT INTO agent_events (source_id, agent, at, kind, queue, reason) "
        f"VALUES ({int(source_id)}, {ph}, {ph}, {ph}, {ph}, {ph}) "
        "ON CONFLICT (source_id, agent, at, kind, queue) DO NOTHING"
    )
    before = session.scalar(select(func.count()).select_from(AgentEvent).where(AgentEvent.source_id == source_id))
    session.connection().exec_driver_sql(sql, list(events))
    after = session.scalar(select(func.count()).select_from(AgentEvent).where(AgentEvent.source_id == source_id))
    return after - before


def count_calls(session: Session, source_id: int, first: int | None = None, last: int | None = None) -> int:
    """Calls of a source (with interval start in [first, last] when given)."""
    query = select(func.count()).select_from(Call).where(Call.source_id == source_id)
    if first is not None and last is not None:
        query = query.where(Call.interval_start >= first, Call.interval_start <= last)
    return session.scalar(query)


def recompute_intervals(
    session: Session,
    source_id: int,
    threshold: float,
    queue_thresholds: Mapping[str, float],
    first: int | None = None,
    last: int | None = None,
) -> int:
    """Rebuild the interval rows of a source from its stored calls.

    Only intervals starting in [first, last] when given. Returns the number
    of interval rows written.
    """
    c = Call.__table__.c
    t = (
        case(*((c.queue == q, literal(v)) for q, v in queue_thresholds.items()), else_=literal(threshold))
        if queue_thresholds
        else literal(threshold)
    )
    answered = c.state == CallState.ANSWERED.value
    abandoned = c.state == CallState.ABANDONED.value
    known = c.state != CallState.WAITING.value

    def count(cond):
        return func.sum(case((cond, 1), else_=0))

    where = [c.source_id == source_id]
    if first is not None:
        where.append(c.interval_start >= first)
    if last is not None:
        where.append(c.interval_start <= last)
    handled = and_(answered, c.handle_seconds.is_not(None))
    query = (
        select(
            literal(source_id),
            c.queue,
            c.interval_start,
            t,
            count(known),
            count(answered),
            count(abandoned),
            count(c.state == CallState.OTHER.value),
            count(c.state == CallState.WAITING.value),
            count(and_(answered, c.wait_seconds <= t)),
            count(and_(abandoned, c.wait_seconds <= t)),
            func.avg(case((answered, c.wait_seconds), else_=None)),
            func.avg(case((handled, c.handle_seconds), else_=None)),
            count(handled),
            func.max(case((known, c.wait_seconds), else_=None)),
        )
        .where(*where)
        .group_by(c.queue, c.interval_start)
    )
    i = IntervalRow.__table__.c
    stale = delete(IntervalRow.__table__).where(i.source_id == source_id)
    if first is not None:
        stale = stale.where(i.interval_start >= first)
    if last is not None:
        stale = stale.where(i.interval_start <= last)
    session.execute(stale)
    target = [
        i.source_id, i.queue, i.interval_start, i.threshold_seconds, i.offered, i.answered,
        i.abandoned, i.other, i.waiting, i.answered_within, i.abandoned_within,
        i.asa_seconds, i.aht_seconds, i.aht_count, i.max_wait_seconds,
    ]
    statement = insert(IntervalRow.__table__).from_select(target, query)
    result = session.connection().execute(statement.execution_options(preserve_rowcount=True))
    return result.rowcount or 0


def interval_rows(
    session: Session, source_id: int, first: int, end: int, queue: str | None = None
) -> list[tuple[str, int, float, IntervalFigures]]:
    """(queue, interval_start, threshold, figures) of a source for starts in [first, end)."""
    i = IntervalRow
    query = select(i).where(i.source_id == source_id, i.interval_start >= first, i.interval_start < end)
    if queue is not None:
        query = query.where(i.queue == queue)
    out = []
    for r in session.scalars(query.order_by(i.interval_start, i.queue)):
        out.append(
            (
                r.queue,
                r.interval_start,
                r.threshold_seconds,
                IntervalFigures(
                    offered=r.offered, answered=r.answered, abandoned=r.abandoned, other=r.other,
                    waiting=r.waiting, answered_within=r.answered_within,
                    abandoned_within=r.abandoned_within, asa_seconds=r.asa_seconds,
                    aht_seconds=r.aht_seconds, aht_count=r.aht_count, max_wait_seconds=r.max_wait_seconds,
                    vendor_service_level=r.vendor_service_level,
                ),
            )
        )
    return out


def queues(session: Session, source_id: int) -> list[str]:
    rows = session.scalars(
        select(IntervalRow.queue).where(IntervalRow.source_id == source_id).distinct().order_by(IntervalRow.queue)
    )
    return list(rows)


def add_coverage(session: Session, source_id: int, start: float, end: float, gap: float) -> None:
    """Add a covered span, merged with stored spans that overlap it or lie within `gap`."""
    near = session.scalars(
        select(Coverage).where(
            Coverage.source_id == source_id, Coverage.start <= end + gap, Coverage.end >= start - gap
        )
    ).all()
    for span in near:
        start, end = min(start, span.start), max(end, span.end)
        session.delete(span)
    session.flush()
    session.add(Coverage(source_id=source_id, start=start, end=end))


def coverage(session: Session, source_id: int, first: float | None = None, end: float | None = None) -> list[tuple[float, float]]:
    """Covered spans of a source (those touching [first, end) when given), in order.

    A live source also covers the stretch from the newest event a poll stored
    to its last poll: the file was read then and held nothing later. The
    stretch is derived here rather than stored, so a poll that finds nothing
    new writes its time only.
    """
    query = select(Coverage.start, Coverage.end).where(Coverage.source_id == source_id)
    if first is not None and end is not None:
        query = query.where(or_(and_(Coverage.start < end, Coverage.end >= first)))
    spans = [(a, b) for a, b in session.execute(query.order_by(Coverage.start))]
    live = session.execute(
        select(SourceRow.last_data_at, SourceRow.last_poll_at).where(SourceRow.id == source_id)
    ).first()
    if live is None or live.last_data_at is None or live.last_poll_at is None:
        return spans
    a, b = live.last_data_at, live.last_poll_at.timestamp()  # UtcDateTime: aware
    if b <= a or (first is not None and end is not None and not (a < end and b >= first)):
        return spans
    return merge_spans(spans + [(a, b)])


def count_waiting(session: Session, source_id: int, first: int) -> int:
    """Calls of a source still waiting that arrived in an interval starting at or after `first`."""
    return session.scalar(
        select(func.count())
        .select_from(Call)
        .where(Call.source_id == source_id, Call.interval_start >= first, Call.state == CallState.WAITING.value)
    )



def replace_intervals(session: Session, source_id: int, threshold: float, rows: Sequence[tuple]) -> int:
    """Store the rows (queue, interval start, IntervalFigures) of a vendor report.

    A row for a (queue, interval) already stored replaces it. Returns how many existed.
    """
    table = IntervalRow.__table__
    replaced = 0
    for queue, start, _ in rows:
        result = session.connection().execute(
            delete(table)
            .where(table.c.source_id == source_id, table.c.queue == queue, table.c.interval_start == start)
            .execution_options(preserve_rowcount=True)
        )
        replaced += result.rowcount or 0
    if rows:
        session.connection().execute(
            insert(table),
            [
                {"source_id": source_id, "queue": q, "interval_start": s, "threshold_seconds": threshold,
                 **{name: getattr(f, name) for name in IntervalFigures.__dataclass_fields__}}
                for q, s, f in rows
            ],
        )
    return replaced


# --- abandoned calls and call-backs (the work log's callback follow-ups) ---

def _record(source: str, row) -> CallRecord:
    def instant(epoch):
        return None if epoch is None else datetime.fromtimestamp(epoch, timezone.utc)

    return CallRecord(
        source=source, queue=row.queue, call_key=row.call_key, arrived_at=instant(row.arrived_at),
        state=CallState(row.state), wait_seconds=row.wait_seconds, answered_at=instant(row.answered_at),
        ended_at=instant(row.ended_at), handle_seconds=row.handle_seconds, agent=row.agent, caller=row.caller,
    )


def abandoned_calls(session: Session, source_id: int, source: str, start: float, end: float,
                    queues: Sequence[str] | None = None) -> list[CallRecord]:
    """The abandoned calls of a source (named `source` in the records) that arrived in [start, end)
    (epoch seconds), of `queues` when given, by arrival."""
    c = Call
    # A call's interval starts at most one interval before its arrival: the bound lets the
    # (source, interval) index find the rows.
    where = [c.source_id == source_id, c.interval_start > start - INTERVAL_SECONDS, c.interval_start < end,
             c.arrived_at >= start, c.arrived_at < end, c.state == CallState.ABANDONED.value]
    if queues:
        where.append(c.queue.in_(list(queues)))
    rows = session.execute(select(c).where(*where).order_by(c.arrived_at, c.queue, c.call_key)).scalars()
    return [_record(source, r) for r in rows]


def answered_calls_of(session: Session, source_id: int, source: str, callers: Iterable[str], since: float,
                      until: float) -> list[CallRecord]:
    """The answered calls of a source whose caller is one of `callers` (as stored) that arrived in
    [since, until) (epoch seconds), any queue, by arrival."""
    c = Call
    wanted = sorted({x for x in callers if x})
    out: list[CallRecord] = []
    for first in range(0, len(wanted), 500):
        query = select(c).where(
            c.source_id == source_id, c.interval_start > since - INTERVAL_SECONDS, c.interval_start < until,
            c.arrived_at >= since, c.arrived_at < until, c.state == CallState.ANSWERED.value,
            c.caller.in_(wanted[first:first + 500]),
        )
        out.extend(_record(source, r) for r in session.execute(query).scalars())
    return sorted(out, key=lambda r: (r.arrived_at, r.queue, r.call_key))
