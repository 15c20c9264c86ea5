"""Repository of the floor seat map: floors, zones, seats, seat outages, a shift's seating and seat events.

Zones and seats are retired, never deleted: the seating of past shifts
keeps pointing at them. A seat whose zone is retired leaves as a seat with
no zone (its stored zone comes back with the zone). Outages are only added
to and cleared: the open one (no `cleared_at`) is the seat's
`out_of_service`. Seating pairs are stored as set, conflicts included; a
change rewrites only the pairs that change (the others keep who set them
and when), and each pair it takes away leaves a 'cleared' seat event (who
and when), so the last change of every seat is known (`last_changes`).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, time

from sqlalchemy import delete, exists, func, select, update
from sqlalchemy.orm import Session

from app.domain.seating import Floor, OutOfService, Seat, SeatAssignment, SeatFreed, Zone, ZoneKind
from app.storage.models import (
    AgentRow,
    FloorRow,
    RosterEntryRow,
    SeatAssignmentRow,
    SeatEventRow,
    SeatOutageRow,
    SeatRow,
    ShiftDefinitionRow,
    ShiftInstanceRow,
    ZoneRow,
)

FREED = "freed"  # the agent was marked absent or on leave
CLEARED = "cleared"  # the agent left the seat by a seating change (moved, unseated, replaced)


# --- floors ---

def _floor(row: FloorRow) -> Floor:
    return Floor(row.id, row.site_id, row.name)


def list_floors(session: Session, site_id: int) -> tuple[Floor, ...]:
    """The site's floors in their order (position, then id)."""
    query = select(FloorRow).where(FloorRow.site_id == site_id).order_by(FloorRow.position, FloorRow.id)
    return tuple(_floor(r) for r in session.scalars(query))


def get_floor(session: Session, floor_id: int) -> Floor | None:
    row = session.get(FloorRow, floor_id)
    return _floor(row) if row else None


def find_floor(session: Session, site_id: int, name: str) -> Floor | None:
    row = session.scalar(select(FloorRow).where(FloorRow.site_id == site_id, FloorRow.name == name))
    return _floor(row) if row else None


def add_floor(session: Session, site_id: int, name: str, at: datetime) -> Floor:
    last = session.scalar(select(func.max(FloorRow.position)).where(FloorRow.site_id == site_id))
    row = FloorRow(site_id=site_id, name=name, position=(last or 0) + 1, created_at=at)
    session.add(row)
    session.flush()
    return _floor(row)


# --- zones ---

def _zone(row: ZoneRow) -> Zone:
    return Zone(row.id, row.floor_id, row.name, row.colour, ZoneKind(row.kind), row.x, row.y, row.width, row.height)


def list_zones(session: Session, floor_ids: Iterable[int], include_retired: bool = False) -> tuple[Zone, ...]:
    """The zones of the floors, by floor and id (retired ones only when asked)."""
    query = select(ZoneRow).where(ZoneRow.floor_id.in_(list(floor_ids)))
    if not include_retired:
        query = query.where(ZoneRow.retired.is_(False))
    return tuple(_zone(r) for r in session.scalars(query.order_by(ZoneRow.floor_id, ZoneRow.id)))


def get_zones(session: Session, zone_ids: Iterable[int]) -> dict[int, tuple[Zone, bool]]:
    """zone id -> (zone, retired), retired zones included."""
    rows = session.scalars(select(ZoneRow).where(ZoneRow.id.in_(set(zone_ids))))
    return {r.id: (_zone(r), bool(r.retired)) for r in rows}


def add_zone(session: Session, zone: Zone) -> Zone:
    """Store a new zone (its `id` is ignored)."""
    row = ZoneRow(floor_id=zone.floor_id, retired=False)
    _set_zone(row, zone)
    session.add(row)
    session.flush()
    return _zone(row)


def _set_zone(row: ZoneRow, zone: Zone) -> None:
    row.name, row.colour, row.kind = zone.name, zone.colour, ZoneKind(zone.kind).value
    row.x, row.y, row.width, row.height = zone.x, zone.y, zone.width, zone.height


def update_zone(session: Session, zone: Zone) -> Zone:
    """Change a zone's name, colour, kind and rectangle (by id)."""
    row = session.get(ZoneRow, zone.id)
    _set_zone(row, zone)
    session.flush()
    return _zone(row)


def set_zones_retired(session: Session, zone_ids: Iterable[int], retired: bool) -> tuple[Zone, ...]:
    ids = list(dict.fromkeys(zone_ids))
    if ids:
        session.execute(update(ZoneRow).where(ZoneRow.id.in_(ids)).values(retired=retired))
    found = get_zones(session, ids)
    return tuple(found[i][0] for i in ids if i in found)


# --- seats ---

_SEAT = (
    SeatRow.id, SeatRow.floor_id, SeatRow.code, SeatRow.x, SeatRow.y, SeatRow.rotation, SeatRow.zone_id,
    SeatRow.equipment, SeatRow.retired, ZoneRow.retired.label("zone_retired"),
)


def _seats(session: Session, query) -> list[tuple[Seat, bool]]:
    """(seat with its open outage, retired) of each row of `query` (built on _SEAT)."""
    rows = session.execute(query.outerjoin(ZoneRow, ZoneRow.id == SeatRow.zone_id)).all()
    outages: dict[int, OutOfService] = {}
    if rows:
        open_ = select(SeatOutageRow).where(
            SeatOutageRow.seat_id.in_([r.id for r in rows]), SeatOutageRow.cleared_at.is_(None)
        ).order_by(SeatOutageRow.since, SeatOutageRow.id)
        outages = {o.seat_id: _outage(o) for o in session.scalars(open_)}  # the latest open one wins
    return [
        (Seat(r.id, r.floor_id, r.code, r.x, r.y, r.rotation, None if r.zone_retired else r.zone_id,
              r.equipment or "", outages.get(r.id)), bool(r.retired))
        for r in rows
    ]


def list_seats(session: Session, floor_ids: Iterable[int], include_retired: bool = False) -> tuple[Seat, ...]:
    """The seats of the floors, by floor, code and id (retired ones only when asked)."""
    query = select(*_SEAT).where(SeatRow.floor_id.in_(list(floor_ids)))
    if not include_retired:
        query = query.where(SeatRow.retired.is_(False))
    seats = [s for s, _ in _seats(session, query)]
    return tuple(sorted(seats, key=lambda s: (s.floor_id, s.code, s.id)))  # sorted here: both databases agree


def get_seats(session: Session, seat_ids: Iterable[int]) -> dict[int, tuple[Seat, bool]]:
    """seat id -> (seat, retired), retired seats included."""
    ids = set(seat_ids)
    if not ids:
        return {}
    return {s.id: (s, retired) for s, retired in _seats(session, select(*_SEAT).where(SeatRow.id.in_(ids)))}


def find_seat(session: Session, floor_id: int, code: str) -> tuple[Seat, bool] | None:
    """(seat, retired) with `code` on the floor, retired seats included."""
    found = _seats(session, select(*_SEAT).where(SeatRow.floor_id == floor_id, SeatRow.code == code))
    return found[0] if found else None


def save_seat(session: Session, seat: Seat, seat_id: int | None = None) -> Seat:
    """Add a seat (seat_id None), or change one's code, position, rotation, zone and equipment (and revive it)."""
    if seat_id is None:
        row = SeatRow(floor_id=seat.floor_id)
        session.add(row)
    else:
        row = session.get(SeatRow, seat_id)
    row.code, row.x, row.y, row.rotation = seat.code, seat.x, seat.y, seat.rotation
    row.zone_id, row.equipment, row.retired = seat.zone_id, seat.equipment, False
    session.flush()
    return get_seats(session, [row.id])[row.id][0]


def lock_seat(session: Session, seat_id: int) -> None:
    """Hold the seat's row until the transaction ends, so desks changing its outage take turns (PostgreSQL: FOR NO
    KEY UPDATE, rows referring to the seat may still be written; SQLite writes one at a time)."""
    session.execute(select(SeatRow.id).where(SeatRow.id == seat_id).with_for_update(key_share=True))


def set_seats_retired(session: Session, seat_ids: Iterable[int], retired: bool) -> tuple[Seat, ...]:
    ids = list(dict.fromkeys(seat_ids))
    if ids:
        session.execute(update(SeatRow).where(SeatRow.id.in_(ids)).values(retired=retired))
    found = get_seats(session, ids)
    return tuple(found[i][0] for i in ids if i in found)


# --- outages ---

def _outage(row: SeatOutageRow) -> OutOfService:
    return OutOfService(row.reason, row.since, row.expected_back, row.by)


@dataclass(frozen=True, slots=True)
class OutageRecord:
    """One stored outage of a seat; cleared_at None: still out of service."""

    outage: OutOfService
    cleared_at: datetime | None
    cleared_by: str | None


def add_outage(session: Session, seat_id: int, outage: OutOfService) -> None:
    session.add(SeatOutageRow(seat_id=seat_id, reason=outage.reason, since=outage.since,
                              expected_back=outage.expected_back, by=outage.by))
    session.flush()


def clear_outage(session: Session, seat_id: int, by: str | None, at: datetime) -> int:
    """Clear the seat's open outage(s); how many were open."""
    result = session.execute(
        update(SeatOutageRow)
        .where(SeatOutageRow.seat_id == seat_id, SeatOutageRow.cleared_at.is_(None))
        .values(cleared_at=at, cleared_by=by)
    )
    return result.rowcount


def outage_history(session: Session, seat_id: int) -> tuple[OutageRecord, ...]:
    """Every outage of the seat, oldest first."""
    query = select(SeatOutageRow).where(SeatOutageRow.seat_id == seat_id).order_by(SeatOutageRow.since,
                                                                                  SeatOutageRow.id)
    return tuple(OutageRecord(_outage(r), r.cleared_at, r.cleared_by) for r in session.scalars(query))


# --- a shift's seating ---

def list_assignments(session: Session, instance_id: int) -> tuple[SeatAssignment, ...]:
    """The shift's seating pairs in the order they were set."""
    a = SeatAssignmentRow.__table__
    query = select(a.c.seat_id, a.c.agent_id).where(a.c.instance_id == instance_id).order_by(a.c.id)
    return tuple(SeatAssignment(seat_id, agent_id) for seat_id, agent_id in session.execute(query))


def replace_assignments(session: Session, instance_id: int, pairs: Iterable[SeatAssignment], by: str | None,
                        at: datetime) -> tuple[SeatAssignment, ...]:
    """Make the shift's seating exactly `pairs` (duplicates once); pairs kept keep their row. The pairs removed."""
    wanted = list(dict.fromkeys(SeatAssignment(p.seat_id, p.agent_id) for p in pairs))
    rows = session.execute(
        select(SeatAssignmentRow.id, SeatAssignmentRow.seat_id, SeatAssignmentRow.agent_id)
        .where(SeatAssignmentRow.instance_id == instance_id)
        .order_by(SeatAssignmentRow.id)
    ).all()
    keep = set(wanted)
    stale, have, removed = [], set(), []
    for row_id, seat_id, agent_id in rows:
        pair = SeatAssignment(seat_id, agent_id)
        if pair in keep and pair not in have:
            have.add(pair)
        else:
            stale.append(row_id)
            if pair not in keep:
                removed.append(pair)
    if stale:
        session.execute(delete(SeatAssignmentRow).where(SeatAssignmentRow.id.in_(stale)))
    session.add_all(
        SeatEventRow(instance_id=instance_id, seat_id=p.seat_id, agent_id=p.agent_id, kind=CLEARED, at=at, by=by)
        for p in dict.fromkeys(removed)
    )
    session.add_all(
        SeatAssignmentRow(instance_id=instance_id, seat_id=p.seat_id, agent_id=p.agent_id, assigned_at=at, by=by)
        for p in wanted if p not in have
    )
    session.flush()
    return tuple(removed)


def free_agent(session: Session, instance_id: int, agent_id: int, by: str | None,
               at: datetime) -> tuple[SeatAssignment, ...]:
    """Release the agent's seats on the shift, writing a 'freed' seat event for each; the pairs released."""
    released = tuple(p for p in list_assignments(session, instance_id) if p.agent_id == agent_id)
    if not released:
        return ()
    session.execute(delete(SeatAssignmentRow).where(
        SeatAssignmentRow.instance_id == instance_id, SeatAssignmentRow.agent_id == agent_id
    ))
    session.add_all(
        SeatEventRow(instance_id=instance_id, seat_id=p.seat_id, agent_id=agent_id, kind=FREED, at=at, by=by)
        for p in dict.fromkeys(released)
    )
    session.flush()
    return released


def last_changes(session: Session, instance_id: int,
                 seat_ids: Iterable[int]) -> dict[int, tuple[str | None, datetime]]:
    """seat id -> (by, at) of the seat's latest change on the shift: an agent seated there, an agent leaving it
    (a seating change, or marked absent), its outage set or cleared. Seats never changed are left out."""
    ids = list(set(seat_ids))
    if not ids:
        return {}
    a, e, o = SeatAssignmentRow, SeatEventRow, SeatOutageRow
    queries = (
        select(a.seat_id, a.by, a.assigned_at).where(a.instance_id == instance_id, a.seat_id.in_(ids)),
        select(e.seat_id, e.by, e.at).where(e.instance_id == instance_id, e.seat_id.in_(ids)),
        select(o.seat_id, o.by, o.since).where(o.seat_id.in_(ids)),
        select(o.seat_id, o.cleared_by, o.cleared_at).where(o.seat_id.in_(ids), o.cleared_at.is_not(None)),
    )
    latest: dict[int, tuple[str | None, datetime]] = {}
    for query in queries:
        for seat_id, by, at in session.execute(query):
            if seat_id not in latest or at >= latest[seat_id][1]:
                latest[seat_id] = (by, at)
    return latest


def list_freed(session: Session, instance_id: int) -> tuple[SeatFreed, ...]:
    """The seats freed on the shift because their agent was marked absent or on leave, oldest first."""
    query = (
        select(SeatEventRow.seat_id, SeatRow.code, SeatEventRow.agent_id, AgentRow.name, SeatEventRow.at,
               SeatEventRow.by)
        .join(SeatRow, SeatRow.id == SeatEventRow.seat_id)
        .join(AgentRow, AgentRow.id == SeatEventRow.agent_id)
        .where(SeatEventRow.instance_id == instance_id, SeatEventRow.kind == FREED)
        .order_by(SeatEventRow.at, SeatEventRow.id)
    )
    return tuple(SeatFreed(*row) for row in session.execute(query))


def rostered_agent_ids(session: Session, site_id: int, day: date, definition_id: int) -> tuple[int, ...]:
    """The agents rostered on the shift, once each (only the ids: a map needs no roster hours)."""
    query = select(RosterEntryRow.agent_id).where(
        RosterEntryRow.site_id == site_id, RosterEntryRow.day == day, RosterEntryRow.definition_id == definition_id
    ).order_by(RosterEntryRow.start_at, RosterEntryRow.id)
    return tuple(dict.fromkeys(session.scalars(query)))


def previous_seated_instance(session: Session, site_id: int, day: date, start: time) -> int | None:
    """The latest instance of the site starting before (day, start) that has seating, or None."""
    seated = exists().where(SeatAssignmentRow.instance_id == ShiftInstanceRow.id)
    query = (
        select(ShiftInstanceRow.id, ShiftInstanceRow.day, ShiftDefinitionRow.start)
        .join(ShiftDefinitionRow, ShiftDefinitionRow.id == ShiftInstanceRow.definition_id)
        .where(ShiftInstanceRow.site_id == site_id, ShiftInstanceRow.day <= day, seated)
        .order_by(ShiftInstanceRow.day.desc(), ShiftDefinitionRow.start.desc(), ShiftInstanceRow.id.desc())
        .limit(50)  # the few later shifts of the same day come first
    )
    for instance_id, other_day, other_start in session.execute(query):
        if (other_day, other_start) < (day, start):
            return instance_id
    return None

