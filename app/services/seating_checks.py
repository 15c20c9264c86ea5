"""Checks shared by the seat map use cases (app.services.seating): values typed by a user or a file, and the
floors, seats, shifts and agents they name. Each raises InvalidSettingError naming what is wrong."""

from __future__ import annotations

import math
import re
from collections.abc import Iterable

from app.domain.errors import InvalidSettingError
from app.domain.seating import Floor, Seat, Zone, ZoneKind
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
