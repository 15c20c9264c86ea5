"""Repository of the shift sheet: roster entries (and imports), attendance marks, personnel changes.

Roster entries are configuration: a re-import deletes and rewrites a range.
Attendance marks and personnel changes are only ever added: a new mark is
the next revision of (instance, agent), and the highest revision is in force.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import delete, exists, func, insert, select
from sqlalchemy.orm import Session

from app.domain.attendance import (
    Activity,
    ActivityKind,
    AttendanceStatus,
    ChangeKind,
    LeaveType,
    Mark,
    PersonnelChange,
    RosterEntry,
)
from app.storage.models import (
    AgentEvent,
    AgentRow,
    AttendanceMarkRow,
    FeedSource,
    PersonnelChangeRow,
    RosterActivityRow,
    RosterEntryRow,
    RosterImportRow,
    ShiftInstanceRow,
)


# --- roster entries ---

# Plain column rows, not ORM objects: a 300-agent shift loads in a third of the time.
_ENTRY = (
    RosterEntryRow.id, RosterEntryRow.agent_id, RosterEntryRow.day, RosterEntryRow.definition_id,
    RosterEntryRow.start_at, RosterEntryRow.end_at,
)


def _entries(session: Session, query) -> list[RosterEntry]:
    rows = session.execute(query).all()
    activities: dict[int, list[Activity]] = {}
    if rows:
        acts = (
            select(RosterActivityRow.entry_id, RosterActivityRow.kind, RosterActivityRow.start_at,
                   RosterActivityRow.end_at)
            .where(RosterActivityRow.entry_id.in_([r[0] for r in rows]))
            .order_by(RosterActivityRow.start_at, RosterActivityRow.id)
        )
        for entry_id, kind, start, end in session.execute(acts):
            activities.setdefault(entry_id, []).append(Activity(ActivityKind(kind), start, end))
    return [
        RosterEntry(id_, agent_id, day, definition_id, start, end, tuple(activities.get(id_, ())))
        for id_, agent_id, day, definition_id, start, end in rows
    ]


def shift_entries(session: Session, site_id: int, day: date, definition_id: int,
                  agent_id: int | None = None) -> tuple[RosterEntry, ...]:
    """The entries of one shift (the definition on the day it starts), or one agent's of it, in start order."""
    query = (
        select(*_ENTRY)
        .where(RosterEntryRow.site_id == site_id, RosterEntryRow.day == day,
               RosterEntryRow.definition_id == definition_id)
        .order_by(RosterEntryRow.start_at, RosterEntryRow.id)
    )
    if agent_id is not None:
        query = query.where(RosterEntryRow.agent_id == agent_id)
    return tuple(_entries(session, query))


def entries_between(session: Session, site_id: int, first: date, last: date) -> tuple[RosterEntry, ...]:
    """The site's entries of the days [first, last], by day, start and agent."""
    query = (
        select(*_ENTRY)
        .where(RosterEntryRow.site_id == site_id, RosterEntryRow.day >= first, RosterEntryRow.day <= last)
        .order_by(RosterEntryRow.day, RosterEntryRow.start_at, RosterEntryRow.agent_id)
    )
    return tuple(_entries(session, query))


def get_entry(session: Session, entry_id: int) -> RosterEntry | None:
    found = _entries(session, select(*_ENTRY).where(RosterEntryRow.id == entry_id))
    return found[0] if found else None


def overlapping_entries(session: Session, agent_id: int, start: datetime, end: datetime,
                        exclude_id: int | None = None) -> tuple[RosterEntry, ...]:
    """The agent's entries whose [start, end) meets [start, end)."""
    query = select(*_ENTRY).where(
        RosterEntryRow.agent_id == agent_id, RosterEntryRow.start_at < end, RosterEntryRow.end_at > start
    )
    if exclude_id is not None:
        query = query.where(RosterEntryRow.id != exclude_id)
    return tuple(_entries(session, query.order_by(RosterEntryRow.start_at)))


def count_entries(session: Session, site_id: int, first: date, last: date) -> int:
    return session.scalar(
        select(func.count()).select_from(RosterEntryRow).where(
            RosterEntryRow.site_id == site_id, RosterEntryRow.day >= first, RosterEntryRow.day <= last
        )
    )


def delete_entries(session: Session, site_id: int, first: date, last: date) -> int:
    """Delete the site's entries of the days [first, last] and their activities; how many entries."""
    in_range = select(RosterEntryRow.id).where(
        RosterEntryRow.site_id == site_id, RosterEntryRow.day >= first, RosterEntryRow.day <= last
    )
    session.execute(delete(RosterActivityRow).where(RosterActivityRow.entry_id.in_(in_range)))
    result = session.execute(
        delete(RosterEntryRow).where(
            RosterEntryRow.site_id == site_id, RosterEntryRow.day >= first, RosterEntryRow.day <= last
        )
    )
    return result.rowcount


def add_entries(session: Session, site_id: int, entries: Iterable[RosterEntry],
                import_id: int | None = None) -> list[RosterEntry]:
    """Store new entries (their `id` is ignored) with their activities; the stored entries."""
    # Core executemany rather than ORM objects (a month's roster is 8,000 entries and 19,000 activities):
    # the entries' ids come back in the entries' order (multi-row INSERTs on PostgreSQL; SQLite, lacking
    # a sentinel to order them by, still runs one INSERT ... RETURNING per entry, but without the unit of
    # work), the activities go in one executemany.
    session.flush()  # Core statements do not autoflush: pending rows they may refer to go first
    entries = list(entries)
    if not entries:
        return []
    table = RosterEntryRow.__table__
    ids = session.execute(
        insert(table).returning(table.c.id, sort_by_parameter_order=True),
        [
            {"site_id": site_id, "agent_id": e.agent_id, "day": e.day, "definition_id": e.definition_id,
             "start_at": e.start, "end_at": e.end, "import_id": import_id}
            for e in entries
        ],
    ).scalars().all()
    activities = [
        {"entry_id": id_, "kind": a.kind.value, "start_at": a.start, "end_at": a.end}
        for id_, e in zip(ids, entries, strict=True)
        for a in e.activities
    ]
    if activities:
        session.execute(insert(RosterActivityRow.__table__), activities)
    return [RosterEntry(id_, e.agent_id, e.day, e.definition_id, e.start, e.end, e.activities)
            for id_, e in zip(ids, entries, strict=True)]


def delete_entry(session: Session, entry_id: int) -> bool:
    session.execute(delete(RosterActivityRow).where(RosterActivityRow.entry_id == entry_id))
    return session.execute(delete(RosterEntryRow).where(RosterEntryRow.id == entry_id)).rowcount > 0


def add_roster_import(session: Session, site_id: int, path: str, first: date | None, last: date | None,
                      entries: int, rejected: int, at: datetime) -> int:
    row = RosterImportRow(site_id=site_id, path=path, first_day=first, last_day=last, entries=entries,
                          rejected=rejected, at=at)
    session.add(row)
    session.flush()
    return row.id


# --- attendance ---

@dataclass(frozen=True, slots=True)
class MarkRecord:
    """One stored revision of an agent's mark on a shift."""

    agent_id: int
    mark: Mark
    revision: int
    marked_by: str | None
    marked_at: datetime


def _record(row: AttendanceMarkRow) -> MarkRecord:
    mark = Mark(
        status=AttendanceStatus(row.status),
        late_minutes=row.late_minutes,
        leave_type=LeaveType(row.leave_type) if row.leave_type else None,
        swap_with_id=row.swap_with_id,
        swap_with_name=row.swap_with_name,
        left_at=row.left_at,
        note=row.note or "",
    )
    return MarkRecord(row.agent_id, mark, row.revision, row.marked_by, row.marked_at)


def latest_marks(session: Session, instance_id: int) -> dict[int, MarkRecord]:
    """agent id -> the mark in force (highest revision) on the shift."""
    marks = AttendanceMarkRow.__table__  # plain rows: no ORM objects for a whole shift's marks
    query = select(marks).where(marks.c.instance_id == instance_id).order_by(marks.c.agent_id, marks.c.revision)
    return {r.agent_id: _record(r) for r in session.execute(query)}


def mark_history(session: Session, instance_id: int, agent_id: int) -> tuple[MarkRecord, ...]:
    """Every revision of the agent's mark on the shift, oldest first."""
    query = select(AttendanceMarkRow).where(
        AttendanceMarkRow.instance_id == instance_id, AttendanceMarkRow.agent_id == agent_id
    ).order_by(AttendanceMarkRow.revision)
    return tuple(_record(r) for r in session.scalars(query))


def add_mark(session: Session, instance_id: int, agent_id: int, mark: Mark, by: str | None,
             at: datetime) -> MarkRecord:
    """Append the next revision of the agent's mark on the shift."""
    last = session.scalar(
        select(func.max(AttendanceMarkRow.revision)).where(
            AttendanceMarkRow.instance_id == instance_id, AttendanceMarkRow.agent_id == agent_id
        )
    )
    row = AttendanceMarkRow(
        instance_id=instance_id,
        agent_id=agent_id,
        revision=(last or 0) + 1,
        status=mark.status.value,
        late_minutes=mark.late_minutes,
        leave_type=mark.leave_type.value if mark.leave_type else None,
        swap_with_id=mark.swap_with_id,
        swap_with_name=mark.swap_with_name,
        left_at=mark.left_at,
        note=mark.note,
        marked_by=by,
        marked_at=at,
    )
    session.add(row)
    session.flush()
    return _record(row)


def count_marked(session: Session, site_id: int, first: date, last: date) -> int:
    """How many (shift, agent) pairs of the site's shifts starting in [first, last] have a mark."""
    pairs = (
        select(AttendanceMarkRow.instance_id, AttendanceMarkRow.agent_id)
        .join(ShiftInstanceRow, ShiftInstanceRow.id == AttendanceMarkRow.instance_id)
        .where(ShiftInstanceRow.site_id == site_id, ShiftInstanceRow.day >= first, ShiftInstanceRow.day <= last)
        .distinct()
        .subquery()
    )
    return session.scalar(select(func.count()).select_from(pairs))


# --- personnel changes ---

def _change(row: PersonnelChangeRow, agent_name: str | None) -> PersonnelChange:
    return PersonnelChange(row.id, row.instance_id, ChangeKind(row.kind), row.agent_id, agent_name, row.text,
                           row.recorded_by, row.recorded_at)


def list_changes(session: Session, instance_id: int) -> tuple[PersonnelChange, ...]:
    """The shift's personnel changes, newest first."""
    query = (
        select(PersonnelChangeRow, AgentRow.name)
        .outerjoin(AgentRow, AgentRow.id == PersonnelChangeRow.agent_id)
        .where(PersonnelChangeRow.instance_id == instance_id)
        .order_by(PersonnelChangeRow.recorded_at.desc(), PersonnelChangeRow.id.desc())
    )
    return tuple(_change(row, name) for row, name in session.execute(query))


def add_change(session: Session, instance_id: int, kind: ChangeKind, text: str, agent_id: int | None,
               by: str | None, at: datetime) -> PersonnelChange:
    row = PersonnelChangeRow(instance_id=instance_id, kind=kind.value, agent_id=agent_id, text=text,
                             recorded_by=by, recorded_at=at)
    session.add(row)
    session.flush()
    name = session.get(AgentRow, agent_id).name if agent_id is not None else None
    return _change(row, name)


# --- the ACD feed ---

def sources_with_agent_events(session: Session, site_id: int) -> tuple[str, ...]:
    """Names of the site's feed sources that have stored agent events (one index probe each)."""
    has_events = exists().where(AgentEvent.source_id == FeedSource.id)
    query = select(FeedSource.name).where(FeedSource.site_id == site_id, has_events).order_by(FeedSource.name)
    return tuple(session.scalars(query))
