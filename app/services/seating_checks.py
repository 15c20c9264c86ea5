"""Checks shared by the seat map use cases (app.services.seating): values typed by a user or a file, and the
floors, seats, shifts and agents they name (each raises InvalidSettingError naming what is wrong); and the
optimistic checks of seat changes against what the desk saw (SeatConflictError, nothing stored)."""

from __future__ import annotations

import math
import re
from collections.abc import Iterable

from app.domain.errors import InvalidSettingError, SeatConflictError
from app.domain.seating import (
    ChangedSeat, Floor, OutOfService, Seat, SeatAssignment, SeatVersion, SeenSeats, Zone, ZoneKind, seat_versions,
)
from app.domain.shifts import ShiftInstance
from app.storage import people as people_store
from app.storage import seating as store
from app.storage import shifts as shift_store

MAX_CODE = 64
_COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")


def name(value: str, reason: str) -> str:
    text = (value or "").strip()
    if not text:
        raise InvalidSettingError("name", text, reason)
    return text


def number(field: str, value: float) -> float:
    try:
        out = float(value)
    except (TypeError, ValueError):
        raise InvalidSettingError(field, value, "must be a number") from None
    if not math.isfinite(out):
        raise InvalidSettingError(field, value, "must be a finite number")
    return out


def by(who: str | None) -> str | None:
    return (who or "").strip() or None


def seat(tx, value: Seat) -> Seat:
    """The seat's editable fields cleaned (code trimmed, rotation in [0, 360)); its zone in use on its floor."""
    code = (value.code or "").strip()
    if not code or len(code) > MAX_CODE or not code.isprintable():
        raise InvalidSettingError("code", code, f"a seat needs a code of 1 to {MAX_CODE} printable characters")
    x, y, rotation = (number(n, v) for n, v in (("x", value.x), ("y", value.y), ("rotation", value.rotation)))
    if value.zone_id is not None:
        found = store.get_zones(tx, [value.zone_id]).get(value.zone_id)
        if found is None or found[1] or found[0].floor_id != value.floor_id:
            raise InvalidSettingError("zone", value.zone_id, "no such zone in use on the seat's floor")
    return Seat(value.id, value.floor_id, code, x, y, rotation % 360.0, value.zone_id,
                (value.equipment or "").strip())


def codes(tx, checked: list[Seat], before: dict[int, Seat]) -> None:
    """After the change each seat's code is unique on its floor, retired seats included."""
    final: dict[tuple[int, str], int] = {}
    for s in checked:
        if final.setdefault((s.floor_id, s.code), s.id) != s.id:
            raise InvalidSettingError("code", s.code, "two seats of the floor would have this code")
    ids = {s.id for s in checked}
    for s in checked:
        if s.code == before[s.id].code:
            continue
        other = store.find_seat(tx, s.floor_id, s.code)
        if other is not None and other[0].id not in ids:
            why = "a retired seat of the floor has this code" if other[1] else "another seat of the floor has this code"
            raise InvalidSettingError("code", s.code, why)


def zone(tx, value: Zone) -> Zone:
    """The zone cleaned (name trimmed, colour lower case); its name unique among the floor's zones in use."""
    text = name(value.name, "a zone needs a name")
    try:
        kind = ZoneKind(value.kind)
    except ValueError:
        raise InvalidSettingError("kind", value.kind, "not a kind of zone") from None
    if not _COLOUR.match(value.colour or ""):
        raise InvalidSettingError("colour", value.colour, "must be #rrggbb")
    x, y, width, height = (number(n, getattr(value, n)) for n in ("x", "y", "width", "height"))
    if width <= 0 or height <= 0:
        raise InvalidSettingError("size", f"{width} x {height}", "a zone needs a width and a height")
    same = [z for z in store.list_zones(tx, [value.floor_id]) if z.name.casefold() == text.casefold()]
    if any(z.id != value.id for z in same):
        raise InvalidSettingError("name", text, "another zone of the floor has this name")
    return Zone(value.id, value.floor_id, text, value.colour.lower(), kind, x, y, width, height)


def floor(tx, floor_id: int) -> Floor:
    found = store.get_floor(tx, floor_id)
    if found is None:
        raise InvalidSettingError("floor", floor_id, "no such floor")
    return found


def seat_in_use(tx, seat_id: int) -> Seat:
    found = store.get_seats(tx, [seat_id]).get(seat_id)
    if found is None or found[1]:
        raise InvalidSettingError("seat", seat_id, "no such seat in use")
    return found[0]


def instance(tx, instance_id: int) -> ShiftInstance:
    found = shift_store.get_instance(tx, instance_id)
    if found is None:
        raise InvalidSettingError("shift", instance_id, "no such shift")
    return found


def seats_in_site(tx, shift: ShiftInstance, seat_ids: Iterable[int]) -> None:
    """Each seat is in use on a floor of the shift's site."""
    ids = set(seat_ids)
    found = store.get_seats(tx, ids)
    floors = {f.id for f in store.list_floors(tx, shift.site_id)}
    for seat_id in sorted(ids):
        s = found.get(seat_id)
        if s is None or s[1] or s[0].floor_id not in floors:
            raise InvalidSettingError("seat", seat_id, "no such seat in use in the shift's site")


def agents_in_site(tx, shift: ShiftInstance, agent_ids: Iterable[int]) -> None:
    ids = set(agent_ids)
    found = people_store.agents_by_id(tx, ids)
    for agent_id in sorted(ids):
        if agent_id not in found or found[agent_id].site_id != shift.site_id:
            raise InvalidSettingError("agent", agent_id, "no such agent in the shift's site")


# --- optimistic checks: what the desk saw against what is stored ---

def seating_unchanged(tx, shift: ShiftInstance, seen: SeenSeats, stored: list[SeatAssignment],
                      wanted: list[SeatAssignment]) -> None:
    """Each seat in use whose agents `wanted` changes is as the desk saw it (agents and outage), or
    SeatConflictError. Seats the change leaves as stored are not looked at: another desk's changes there stay."""
    _same_shift(shift, seen)
    before = seat_versions(_seat_ids(stored, wanted), stored, {})
    after = seat_versions(before, wanted, {})
    touched = [i for i in before if before[i].agent_ids != after[i].agent_ids]
    in_use = {i: s for i, (s, retired) in store.get_seats(tx, touched).items() if not retired}
    outages = {i: s.out_of_service for i, s in in_use.items()}
    now = seat_versions(in_use, stored, outages)
    mine = seat_versions(in_use, wanted, outages)
    _raise_if_changed(tx, shift.id, seen, in_use, now, mine)


def outage_unchanged(tx, seen: SeenSeats, seat_id: int, outage: OutOfService | None) -> None:
    """The seat (agents on the seen shift, outage) is as the desk saw it before its outage becomes `outage`, or
    SeatConflictError. Clearing the outage of a seat in service changes nothing and is never refused."""
    found = store.get_seats(tx, [seat_id]).get(seat_id)
    if found is None:
        raise InvalidSettingError("seat", seat_id, "no such seat")
    seat = found[0]
    if outage is None and seat.out_of_service is None:
        return
    pairs = store.list_assignments(tx, seen.instance_id)
    now = seat_versions([seat_id], pairs, {seat_id: seat.out_of_service})
    mine = seat_versions([seat_id], pairs, {seat_id: outage})
    _raise_if_changed(tx, seen.instance_id, seen, {seat_id: seat}, now, mine)


def _same_shift(shift: ShiftInstance, seen: SeenSeats) -> None:
    if seen.instance_id != shift.id:
        raise InvalidSettingError("shift", seen.instance_id, f"the seating seen is not that of shift {shift.id}")


def _seat_ids(*seatings: list[SeatAssignment]) -> list[int]:
    return sorted({p.seat_id for pairs in seatings for p in pairs})


def _raise_if_changed(tx, instance_id: int, seen: SeenSeats, seats: dict[int, Seat], now: dict[int, SeatVersion],
                      mine: dict[int, SeatVersion]) -> None:
    changed = [i for i in sorted(seats, key=lambda i: (seats[i].code, i)) if seen.version(i) != now[i]]
    if not changed:
        return
    last = store.last_changes(tx, instance_id, changed)
    out = tuple(ChangedSeat(i, seats[i].code, seen.version(i), now[i], mine[i], *last.get(i, (None, None)))
                for i in changed)
    agent_ids = {a for c in out for v in (c.seen, c.stored, c.wanted) for a in v.agent_ids}
    names = {a.id: a.name for a in people_store.agents_by_id(tx, agent_ids).values()}
    raise SeatConflictError(instance_id, out, names, seen.updated(now[i] for i in changed))
