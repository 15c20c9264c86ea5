"""A small floor for the seat map service tests: the shift world's agents on the morning shift of DAY, and a
floor "3F" with a normal zone A (A01-A04), a training zone T (T01-T02) and a kept-apart zone K (K01)."""

from __future__ import annotations

from dataclasses import dataclass

from app.domain.people import Agent
from app.domain.seating import Floor, Seat, Zone, ZoneKind
from app.services import people, roster, seating
from app.services.console import Console
from tests.services.shift_world import DAY, World, build

ROSTERED = ("1001", "1002", "1003", "1004", "1005")


@dataclass(frozen=True)
class SeatWorld:
    world: World
    floor: Floor
    zones: dict[str, Zone]
    seats: dict[str, Seat]  # by code
    agents: dict[str, Agent]  # by employee number (1006: a trainee, rostered)


def build_seats(console: Console) -> SeatWorld:
    w = build(console)
    agents = dict(w.agents)
    agents["1006"] = people.save_agent(console, "1006", "Tina Trainee", team_id=w.green.id, skills=("trainee",))
    for no in ROSTERED + ("1006",):
        roster.add_entry(console, agents[no].id, DAY, w.morning.id)
    floor = seating.add_floor(console, "3F")
    zones = {
        "A": seating.add_zone(console, floor.id, "A", ZoneKind.NORMAL, 0, 0, 300, 80),
        "T": seating.add_zone(console, floor.id, "T", ZoneKind.TRAINING, 0, 100, 300, 80, "#fdebd0"),
        "K": seating.add_zone(console, floor.id, "K", ZoneKind.KEPT_APART, 400, 0, 100, 80, "#e6e6e6"),
    }
    seats = {}
    for i in range(4):
        seats[f"A0{i + 1}"] = seating.add_seat(console, floor.id, f"A0{i + 1}", 10 + 70 * i, 10, zone_id=zones["A"].id)
    for i in range(2):
        seats[f"T0{i + 1}"] = seating.add_seat(console, floor.id, f"T0{i + 1}", 10 + 70 * i, 110,
                                               zone_id=zones["T"].id)
    seats["K01"] = seating.add_seat(console, floor.id, "K01", 410, 10, zone_id=zones["K"].id, equipment="VIP line")
    return SeatWorld(w, floor, zones, seats, agents)
