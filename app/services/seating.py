"""Use cases of the floor seat map: floors, zones and seats, seats out of service, a shift's seating.

`site_id` None means the first site; instants are aware datetimes. Layout
edits retire zones and seats instead of deleting them (restore brings them
back), so what past shifts used stays stored. A seat code is unique on its
floor, retired seats included: adding a retired seat's code again revives
that seat.

A shift's map shows the site's current layout (every floor, retired zones
and seats left out), the shift's rostered agents (absent: marked absent or on
leave; present: the others) and the seating as stored, conflicts included
(app.domain.seat_rules.conflicts); pairs on retired seats stay stored but are
left off the map. Every write is one transaction and returns the new map,
carrying what that write changed itself (SeatMap.change: the pairs it added
and removed, the seats it changed), told from inside the transaction.
The layout and seat-list files are in app.services.seating_files.

Two desks: a seating write holds a lock on the shift instance, so desks take
turns. A write given `seen` (what the desk last saw, app.domain.seating.seen_in
of its map) is checked against it first: when a seat the write would change
(its agents, or its outage) is no longer as the desk saw it, SeatConflictError
carries both versions and nothing is stored. Sending the same change again
with the error's `seen_now` applies it on top of the stored versions. Without
`seen` (the command line, the demo) a write applies to whatever is stored.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace
from datetime import date, datetime, timezone

from app.domain import seat_rules
from app.domain.attendance import MISSING, AttendanceStatus
from app.domain.errors import InvalidSettingError
from app.domain.intervals import zone as tz_zone
from app.domain.seating import (
    AutoResult,
    Floor,
    FloorLayout,
    OutOfService,
    Seat,
    SeatAssignment,
    SeatMap,
    SeenSeats,
    Zone,
    ZoneKind,
    seating_change,
)
from app.domain.shifts import ShiftInstance, slots_on
from app.services import seating_checks as check
from app.services.console import Console
from app.services.shifts import aware, definition_in
from app.storage import people as people_store
from app.storage import seating as store
from app.storage import sheet as sheet_store
from app.storage import shifts as shift_store
from app.storage.seating import OutageRecord


# --- floors ---

def list_floors(console: Console, site_id: int | None = None) -> tuple[Floor, ...]:
    """The site's floors in their order."""
    with console.db.transaction() as tx:
        return store.list_floors(tx, shift_store.site(tx, site_id).id)


def add_floor(console: Console, name: str, site_id: int | None = None) -> Floor:
    """A new floor after the site's others (its name unique in the site)."""
    name = check.name(name, "a floor needs a name")
    with console.db.transaction() as tx:
        site = shift_store.site(tx, site_id)
        if store.find_floor(tx, site.id, name) is not None:
            raise InvalidSettingError("name", name, "another floor of the site has this name")
        return store.add_floor(tx, site.id, name, datetime.now(timezone.utc))


def floor_layout(console: Console, floor_id: int) -> FloorLayout:
    """The floor with its zones and seats in use (not retired)."""
    with console.db.transaction() as tx:
        floor = check.floor(tx, floor_id)
        return FloorLayout(floor, store.list_zones(tx, [floor.id]), store.list_seats(tx, [floor.id]))


# --- seats ---

def add_seat(console: Console, floor_id: int, code: str, x: float, y: float, rotation: float = 0.0,
             zone_id: int | None = None, equipment: str = "") -> Seat:
    """A new seat on the floor (a retired seat with this code comes back with these values)."""
    with console.db.transaction() as tx:
        floor = check.floor(tx, floor_id)
        seat = check.seat(tx, Seat(0, floor.id, code, x, y, rotation, zone_id, equipment))
        found = store.find_seat(tx, floor.id, seat.code)
        if found is not None and not found[1]:
            raise InvalidSettingError("code", seat.code, "another seat of the floor has this code")
        return store.save_seat(tx, seat, found[0].id if found else None)


def update_seats(console: Console, seats: Sequence[Seat]) -> tuple[Seat, ...]:
    """Change code, position, rotation, zone and equipment of seats in use, by id (codes may be exchanged)."""
    with console.db.transaction() as tx:
        return _update_seats(tx, seats)


def _update_seats(tx, seats: Sequence[Seat]) -> tuple[Seat, ...]:
    stored = store.get_seats(tx, [s.id for s in seats])
    checked = []
    for seat in seats:
        if seat.id not in stored or stored[seat.id][1]:
            raise InvalidSettingError("seat", seat.id, "no such seat in use")
        checked.append(check.seat(tx, replace(seat, floor_id=stored[seat.id][0].floor_id)))
    check.codes(tx, checked, {s.id: s for s, _ in stored.values()})
    moved = [s for s in checked if s.code != stored[s.id][0].code]
    for seat in moved:  # codes exchanged within the batch: step aside first (unique per floor; a code
        store.save_seat(tx, replace(seat, code=f" {seat.id}"), seat.id)  # never starts with a space)
    return tuple(store.save_seat(tx, seat, seat.id) for seat in checked)


def retire_seats(console: Console, seat_ids: Iterable[int]) -> tuple[Seat, ...]:
    """Take seats off the layout (past shifts' seating keeps them; `restore_seats` brings them back)."""
    return _set_seats_retired(console, seat_ids, True)


def restore_seats(console: Console, seat_ids: Iterable[int]) -> tuple[Seat, ...]:
    return _set_seats_retired(console, seat_ids, False)


def _set_seats_retired(console: Console, seat_ids: Iterable[int], retired: bool) -> tuple[Seat, ...]:
    with console.db.transaction() as tx:
        return _seats_retired(tx, seat_ids, retired)


def _seats_retired(tx, seat_ids: Iterable[int], retired: bool) -> tuple[Seat, ...]:
    ids = list(seat_ids)
    known = store.get_seats(tx, ids)
    missing = [i for i in ids if i not in known]
    if missing:
        raise InvalidSettingError("seat", missing[0], "no such seat")
    return store.set_seats_retired(tx, ids, retired)


# --- zones ---

def add_zone(console: Console, floor_id: int, name: str, kind: ZoneKind, x: float, y: float, width: float,
             height: float, colour: str = "#dfe9f5") -> Zone:
    """A new zone (a rectangle) on the floor; its name is unique among the floor's zones in use."""
    with console.db.transaction() as tx:
        floor = check.floor(tx, floor_id)
        zone = check.zone(tx, Zone(0, floor.id, name, colour, kind, x, y, width, height))
        return store.add_zone(tx, zone)


def update_zones(console: Console, zones: Sequence[Zone]) -> tuple[Zone, ...]:
    """Change name, colour, kind and rectangle of zones in use, by id."""
    with console.db.transaction() as tx:
        return _update_zones(tx, zones)


def _update_zones(tx, zones: Sequence[Zone]) -> tuple[Zone, ...]:
    stored = store.get_zones(tx, [z.id for z in zones])
    out = []
    for zone in zones:
        if zone.id not in stored or stored[zone.id][1]:
            raise InvalidSettingError("zone", zone.id, "no such zone in use")
        out.append(store.update_zone(tx, check.zone(tx, replace(zone, floor_id=stored[zone.id][0].floor_id))))
    return tuple(out)


def retire_zones(console: Console, zone_ids: Iterable[int]) -> tuple[Zone, ...]:
    """Take zones off the layout; their seats stay, in no zone, until the zone is restored."""
    return _set_zones_retired(console, zone_ids, True)


def restore_zones(console: Console, zone_ids: Iterable[int]) -> tuple[Zone, ...]:
    return _set_zones_retired(console, zone_ids, False)


def _set_zones_retired(console: Console, zone_ids: Iterable[int], retired: bool) -> tuple[Zone, ...]:
    with console.db.transaction() as tx:
        return _zones_retired(tx, zone_ids, retired)


def _zones_retired(tx, zone_ids: Iterable[int], retired: bool) -> tuple[Zone, ...]:
    ids = list(zone_ids)
    known = store.get_zones(tx, ids)
    missing = [i for i in ids if i not in known]
    if missing:
        raise InvalidSettingError("zone", missing[0], "no such zone")
    return store.set_zones_retired(tx, ids, retired)


def update_layout(console: Console, seats: Sequence[Seat], zones: Sequence[Zone]) -> None:
    """Seats and zones changed together (a move of both, its undo), in one transaction."""
    with console.db.transaction() as tx:
        if zones:
            _update_zones(tx, zones)
        if seats:
            _update_seats(tx, seats)


def set_retired(console: Console, seat_ids: Iterable[int], zone_ids: Iterable[int], retired: bool) -> None:
    """Seats and zones taken off the layout (or brought back) together, in one transaction."""
    seat_ids, zone_ids = list(seat_ids), list(zone_ids)
    with console.db.transaction() as tx:
        if zone_ids:
            _zones_retired(tx, zone_ids, retired)
        if seat_ids:
            _seats_retired(tx, seat_ids, retired)


# --- out of service ---

def set_out_of_service(console: Console, seat_id: int, reason: str, expected_back: datetime | None,
                       by: str | None, now: datetime, seen: SeenSeats | None = None) -> Seat:
    """Put a seat out of service from `now` until cleared (an open outage is closed and replaced). `seen`: the
    shift map the desk decided on (SeatConflictError when the seat changed since)."""
    reason = (reason or "").strip()
    if not reason:
        raise InvalidSettingError("reason", reason, "a seat out of service needs a reason")
    aware("now", now)
    if expected_back is not None:
        aware("expected_back", expected_back)
    with console.db.transaction() as tx:
        seat = check.seat_in_use(tx, seat_id)
        outage = OutOfService(reason, now, expected_back, check.by(by))
        _lock_seat(tx, seat.id, seen)
        if seen is not None:
            check.outage_unchanged(tx, seen, seat.id, outage)
        store.clear_outage(tx, seat.id, check.by(by), now)
        store.add_outage(tx, seat.id, outage)
        return store.get_seats(tx, [seat.id])[seat.id][0]


def clear_out_of_service(console: Console, seat_id: int, by: str | None, now: datetime,
                         seen: SeenSeats | None = None) -> Seat:
    """The seat is back in service (a seat in service stays as it is). `seen`: as in set_out_of_service."""
    aware("now", now)
    with console.db.transaction() as tx:
        seat = store.get_seats(tx, [seat_id]).get(seat_id)
        if seat is None:
            raise InvalidSettingError("seat", seat_id, "no such seat")
        _lock_seat(tx, seat_id, seen)
        if seen is not None:
            check.outage_unchanged(tx, seen, seat_id, None)
        store.clear_outage(tx, seat_id, check.by(by), now)
        return store.get_seats(tx, [seat_id])[seat_id][0]


def _lock_seat(tx, seat_id: int, seen: SeenSeats | None) -> None:
    """Outage changes of one seat take turns; checked against a shift's map, they wait for its seating writes."""
    if seen is not None:
        shift_store.lock_instance(tx, check.instance(tx, seen.instance_id).id)
    store.lock_seat(tx, seat_id)


def outage_history(console: Console, seat_id: int) -> tuple[OutageRecord, ...]:
    """Every time the seat was out of service, oldest first (cleared_at None: still out)."""
    with console.db.transaction() as tx:
        return store.outage_history(tx, seat_id)


# --- a shift's seating ---

def load_seat_map(console: Console, day: date, definition_id: int, now: datetime,
                  site_id: int | None = None) -> SeatMap:
    """The map of the shift `definition_id` starting on `day` (the shift is created when new)."""
    aware("now", now)
    with console.db.transaction() as tx:
        definition = definition_in(tx, definition_id, site_id)
        return _map(tx, shift_store.ensure_instance(tx, definition, day), now)


def seat_map(console: Console, instance_id: int, now: datetime) -> SeatMap:
    aware("now", now)
    with console.db.transaction() as tx:
        return _map(tx, check.instance(tx, instance_id), now)


def assign(console: Console, instance_id: int, seat_id: int, agent_id: int, by: str | None,
           now: datetime, seen: SeenSeats | None = None) -> SeatMap:
    """Seat the agent: its other seats on the shift are released, and whoever sat there is unseated."""
    def change(tx, instance, pairs):
        check.seats_in_site(tx, instance, [seat_id])
        check.agents_in_site(tx, instance, [agent_id])
        kept = [p for p in pairs if p.agent_id != agent_id and p.seat_id != seat_id]
        return kept + [SeatAssignment(seat_id, agent_id)]
    return _write(console, instance_id, by, now, change, seen)


def unassign(console: Console, instance_id: int, agent_id: int, by: str | None, now: datetime,
             seen: SeenSeats | None = None) -> SeatMap:
    """Release every seat of the agent on the shift."""
    def change(tx, instance, pairs):
        return [p for p in pairs if p.agent_id != agent_id]
    return _write(console, instance_id, by, now, change, seen)


def swap(console: Console, instance_id: int, seat_a: int, seat_b: int, by: str | None, now: datetime,
         seen: SeenSeats | None = None) -> SeatMap:
    """Exchange the agents of two seats (either may be free)."""
    def change(tx, instance, pairs):
        check.seats_in_site(tx, instance, [seat_a, seat_b])
        other = {seat_a: seat_b, seat_b: seat_a}
        return [SeatAssignment(other.get(p.seat_id, p.seat_id), p.agent_id) for p in pairs]
    return _write(console, instance_id, by, now, change, seen)


def set_assignments(console: Console, instance_id: int, assignments: Sequence[SeatAssignment], by: str | None,
                    now: datetime, seen: SeenSeats | None = None) -> SeatMap:
    """Make the shift's seating exactly `assignments` (conflicting pairs are stored as given)."""
    def change(tx, instance, pairs):
        check.seats_in_site(tx, instance, [p.seat_id for p in assignments])
        check.agents_in_site(tx, instance, [p.agent_id for p in assignments])
        return list(assignments)
    return _write(console, instance_id, by, now, change, seen)


def auto_assign(console: Console, instance_id: int, by: str | None, now: datetime,
                allow_kept_apart: bool = False, seen: SeenSeats | None = None) -> tuple[SeatMap, AutoResult]:
    """Seat the present agents by the rules (app.domain.seat_rules.auto_assign), from the current seating."""
    results = []

    def change(tx, instance, pairs):
        before = _map(tx, instance, now)
        seats, zones = _layout_parts(before)
        rostered = [a for a in before.agents if a.id in before.present_ids | before.absent_ids]
        result = seat_rules.auto_assign(seats, zones, rostered, before.present_ids, before.assignments,
                                        allow_kept_apart=allow_kept_apart)
        results.append(result)
        return list(result.assignments)
    return _write(console, instance_id, by, now, change, seen), results[0]


def start_from_previous(console: Console, instance_id: int, by: str | None, now: datetime,
                        seen: SeenSeats | None = None) -> SeatMap:
    """The seating of the site's latest earlier shift that has one: its pairs of agents present now, on seats
    still usable (in the layout, in service). InvalidSettingError when no earlier shift has seating."""
    def change(tx, instance, pairs):
        previous = store.previous_seated_instance(tx, instance.site_id, instance.day, instance.definition.start)
        if previous is None:
            raise InvalidSettingError("shift", instance.id, "no earlier shift of the site has seating")
        now_map = _map(tx, instance, now)
        usable = {s.id for s in _layout_parts(now_map)[0] if s.out_of_service is None}
        return [p for p in store.list_assignments(tx, previous)
                if p.agent_id in now_map.present_ids and p.seat_id in usable]
    return _write(console, instance_id, by, now, change, seen)


def start_from_fixed(console: Console, instance_id: int, by: str | None, now: datetime,
                     seen: SeenSeats | None = None) -> SeatMap:
    """Seat each present agent with a fixed seat that exists on the site's layout there; nobody else."""
    def change(tx, instance, pairs):
        now_map = _map(tx, instance, now)
        by_code: dict[str, Seat] = {}
        for seat in sorted(_layout_parts(now_map)[0], key=lambda s: (s.floor_id, s.id)):
            by_code.setdefault(seat.code.strip().casefold(), seat)  # the lowest floor id first, as seat_rules
        out = []
        for agent in now_map.agents:
            seat = by_code.get((agent.fixed_seat or "").strip().casefold())
            if agent.id in now_map.present_ids and seat is not None:
                out.append(SeatAssignment(seat.id, agent.id))
        return out
    return _write(console, instance_id, by, now, change, seen)


def change_seating(console: Console, instance_id: int, add: Iterable[SeatAssignment],
                   remove: Iterable[SeatAssignment], by: str | None, now: datetime,
                   seen: SeenSeats | None = None) -> SeatMap:
    """Apply a change to the seating as it is now (an undo or redo of a gesture): the pairs in `remove`
    are taken away, those in `add` put, except pairs of agents now marked absent or on leave."""
    add, remove = set(add), set(remove)

    def change(tx, instance, pairs):
        absent = _map(tx, instance, now).absent_ids
        return sorted((set(pairs) - remove) | {p for p in add if p.agent_id not in absent},
                      key=lambda p: (p.seat_id, p.agent_id))
    return _write(console, instance_id, by, now, change, seen)


def free_seat(console: Console, instance_id: int, seat_id: int, by: str | None, now: datetime,
              seen: SeenSeats | None = None) -> SeatMap:
    """Unseat whoever sits on the seat (the rest of the seating stays as stored)."""
    def change(tx, instance, pairs):
        return [p for p in pairs if p.seat_id != seat_id]
    return _write(console, instance_id, by, now, change, seen)


def _write(console: Console, instance_id: int, by: str | None, now: datetime, change,
           seen: SeenSeats | None = None) -> SeatMap:
    """One transaction: the shift's pairs -> change(tx, instance, pairs) -> checked against `seen` -> stored; the
    new map, with what this write changed itself (its `change`: not another desk's changes stored before it, which
    the map shows too)."""
    aware("now", now)
    with console.db.transaction() as tx:
        instance = check.instance(tx, instance_id)
        shift_store.lock_instance(tx, instance.id)  # two desks: each change applies to the other's, none lost
        pairs = list(store.list_assignments(tx, instance.id))
        wanted = list(change(tx, instance, pairs))
        if seen is not None:
            check.seating_unchanged(tx, instance, seen, pairs, wanted)
        store.replace_assignments(tx, instance.id, wanted, check.by(by), now)
        after = _map(tx, instance, now)
        outages = {s.id: s.out_of_service for s in _layout_parts(after)[0]}
        return replace(after, change=seating_change(pairs, wanted, outages))


def _layout_parts(seat_map: SeatMap) -> tuple[list[Seat], list[Zone]]:
    return ([s for layout in seat_map.layouts for s in layout.seats],
            [z for layout in seat_map.layouts for z in layout.zones])


def _map(tx, instance: ShiftInstance, now: datetime) -> SeatMap:
    site = shift_store.site(tx, instance.site_id)
    tz = tz_zone(site.timezone)
    definition = instance.definition
    slots = slots_on(instance.day, [definition], tz, shift_store.special_day(tx, site.id, instance.day))
    start, end = (slots[0].start, slots[0].end) if slots else definition.window(instance.day, tz)
    label = f"{definition.name} {instance.day.isoformat()} {start.astimezone(tz):%H:%M}–{end.astimezone(tz):%H:%M}"
    floors = store.list_floors(tx, site.id)
    ids = [f.id for f in floors]
    zones, seats = store.list_zones(tx, ids), store.list_seats(tx, ids)
    layouts = tuple(FloorLayout(f, tuple(z for z in zones if z.floor_id == f.id),
                                tuple(s for s in seats if s.floor_id == f.id)) for f in floors)
    seat_ids = {s.id for s in seats}
    assignments = tuple(p for p in store.list_assignments(tx, instance.id) if p.seat_id in seat_ids)
    rostered = store.rostered_agent_ids(tx, site.id, instance.day, definition.id)
    marks = sheet_store.latest_marks(tx, instance.id)
    absent = frozenset(i for i in rostered if i in marks and marks[i].mark.status in MISSING)
    # A rostered agent who swapped the shift away is not on the floor; the colleague who came instead is.
    swapped = {i: marks[i].mark.swap_with_id for i in rostered
               if i in marks and marks[i].mark.status is AttendanceStatus.SWAPPED}
    present = (frozenset(rostered) - absent - set(swapped)) | {i for i in swapped.values() if i is not None}
    agents = people_store.agents_by_id(tx, set(rostered) | present | {p.agent_id for p in assignments})
    return SeatMap(
        site_name=site.name,
        timezone=site.timezone,
        instance_id=instance.id,
        shift_label=label,
        layouts=layouts,
        assignments=assignments,
        agents=tuple(sorted(agents.values(), key=lambda a: (a.name, a.employee_no, a.id))),
        present_ids=present,
        absent_ids=absent,
        conflicts=seat_rules.conflicts(seats, zones, assignments, absent),
        freed=store.list_freed(tx, instance.id),
        team_colours=tuple((t.id, t.colour) for t in people_store.list_teams(tx, site.id)),
        at=now,
    )
