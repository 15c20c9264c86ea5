"""A shift's seat map built by hand from domain values (no database): 86 seats, three zones, 70 agents.

The floor: a normal zone of three banks of facing rows (54 seats), a
training room (20 seats), a kept-apart quality zone (11 seats, two along
the wall turned 90 degrees), a reception desk outside any zone and one seat
of the normal zone turned 45 degrees. Four seats are out of service (one of
them still in use). Teams in five colours, a light yellow among them;
trainees in the training room, the quality team in the kept-apart zone;
three present agents not seated; three agents absent (one still seated);
one seat shared by two agents; one free seat freed by an absence.
"""

from __future__ import annotations

from datetime import datetime

from app.domain.people import Agent
from app.domain.seating import (
    Conflict,
    ConflictKind,
    Floor,
    FloorLayout,
    OutOfService,
    Seat,
    SeatAssignment,
    SeatFreed,
    SeatMap,
    Zone,
    ZoneKind,
)
from tests.printing.sheet_data import SITE, at, name

SHIFT = "早班 2026-11-27 07:00–15:30"
FLOOR = Floor(1, 1, "三楼 北区")
TEAMS = ((10, "一组", "#4c78a8"), (11, "二组", "#f58518"), (12, "三组", "#54a24b"), (13, "四组", "#eeca3b"),
         (14, "新人组", "#b279a2"))
SIZES = (20, 18, 14, 10, 8)  # agents per team: 70
LONG_NAMES = {3: "欧阳娜娜", 25: "Maria Gonzalez-Ruiz", 40: "司马相如"}


def _zones() -> tuple[Zone, ...]:
    return (
        Zone(1, 1, "一区", "#dfe9f5", ZoneKind.NORMAL, 0, 0, 660, 450),
        Zone(2, 1, "培训室", "#fdebd0", ZoneKind.TRAINING, 690, 0, 380, 450),
        Zone(3, 1, "质检区", "#e8daef", ZoneKind.KEPT_APART, 0, 480, 480, 190),
    )


def _seats() -> list[Seat]:
    seats: list[Seat] = []

    def add(code: str, x: float, y: float, rotation: float = 0.0, zone: int | None = None) -> None:
        seats.append(Seat(len(seats) + 1, 1, code, x, y, rotation, zone))

    for bank in range(3):  # three banks of two facing rows of nine
        for row in range(2):
            for i in range(9):
                code = f"A-{bank * 18 + row * 9 + i + 1:02d}"
                add(code, 20 + i * 70, 40 + bank * 145 + row * 50, 180.0 * row, 1)
    for row in range(4):  # the training room: rows facing the front
        for i in range(5):
            add(f"T-{row * 5 + i + 1:02d}", 710 + i * 70, 40 + row * 105, 0.0, 2)
    for i in range(9):  # quality: a facing pair of rows, and two seats along the wall
        add(f"Q-{i + 1:02d}", 20 + (i % 5) * 70, 520 + (i // 5) * 50, 180.0 * (i // 5), 3)
    add("Q-10", 390, 520, 90.0, 3)
    add("Q-11", 390, 590, 90.0, 3)
    add("前台-1", 760, 540, 0.0, None)
    return seats


def _agents() -> list[Agent]:
    agents, i = [], 0
    for (team_id, team, _), size in zip(TEAMS, SIZES):
        for _ in range(size):
            skills = ("普通话", "新员工") if team == "新人组" else ("普通话",)
            agents.append(Agent(100 + i, 1, f"E{1000 + i}", LONG_NAMES.get(i, name(i)), team_id, team, skills,
                                f"acd{1000 + i}"))
            i += 1
    return agents


def make_seat_map(printed_at: datetime | None = None) -> SeatMap:
    """The hand-made map; agents 100.. by team, each team seated in order in its zone, exceptions as above."""
    zones = _zones()
    seats = _seats()
    agents = _agents()
    out = {"A-06": "耳机损坏", "A-31": "电脑故障，已报修", "T-05": "PC down", "Q-03": "椅子损坏"}
    seats = [Seat(s.id, s.floor_id, s.code, s.x, s.y, 45.0 if s.code == "A-21" else s.rotation, s.zone_id,
                  s.equipment, OutOfService(out[s.code], at(6, 30), at(18, 0) if s.code == "A-31" else None, "陈主管")
                  if s.code in out else None)
             for s in seats]
    by_code = {s.code: s for s in seats}
    absent = {agents[7].id, agents[33].id, agents[50].id}  # the last one still seated
    unseated = {agents[12].id, agents[45].id, agents[64].id}
    sharing, on_broken = agents[29], agents[58]
    pools = {1: [], 2: [], 3: []}
    for s in seats:
        if s.zone_id in pools and s.out_of_service is None:
            pools[s.zone_id].append(s)
    zone_of_team = {10: 1, 11: 1, 12: 1, 13: 3, 14: 2}
    pairs: list[SeatAssignment] = []
    for agent in agents:
        if agent.id in unseated or agent in (sharing, on_broken) or (agent.id in absent and agent is not agents[50]):
            continue
        pairs.append(SeatAssignment(pools[zone_of_team[agent.team_id]].pop(0).id, agent.id))
    pairs.append(SeatAssignment(pairs[0].seat_id, sharing.id))
    pairs.append(SeatAssignment(by_code["Q-03"].id, on_broken.id))
    seat_of = {p.agent_id: p.seat_id for p in pairs}
    conflicts = (
        Conflict(ConflictKind.SHARED_SEAT, (pairs[0].seat_id,), (pairs[0].agent_id, sharing.id)),
        Conflict(ConflictKind.ABSENT_SEATED, (seat_of[agents[50].id],), (agents[50].id,)),
        Conflict(ConflictKind.OUT_OF_SERVICE_IN_USE, (by_code["Q-03"].id,), (on_broken.id,)),
    )
    freed = (SeatFreed(by_code["A-54"].id, "A-54", agents[7].id, agents[7].name, at(7, 20), "陈主管"),)
    return SeatMap(
        site_name=SITE, timezone="Asia/Shanghai", instance_id=7, shift_label=SHIFT,
        layouts=(FloorLayout(FLOOR, zones, tuple(seats)),), assignments=tuple(pairs), agents=tuple(agents),
        present_ids=frozenset(a.id for a in agents if a.id not in absent), absent_ids=frozenset(absent),
        conflicts=conflicts, freed=freed, team_colours=tuple((t, c) for t, _, c in TEAMS),
        at=printed_at or at(11, 15),
    )


def make_big_map(seats: int = 500, agents: int = 450) -> SeatMap:
    """A floor of `seats` seats in banks of facing rows (two zones), `agents` agents seated in order."""
    zone = Zone(1, 1, "大厅", "#dfe9f5", ZoneKind.NORMAL, 0, 0, 20 + 25 * 70, 0)
    cells = []
    for n in range(seats):
        bank, rest = divmod(n, 50)
        row, i = divmod(rest, 25)
        cells.append(Seat(n + 1, 1, f"B{bank + 1}-{rest + 1:02d}", 20 + i * 70, 40 + bank * 140 + row * 50,
                          180.0 * row, 1))
    height = 40 + ((seats - 1) // 50 + 1) * 140
    zone = Zone(1, 1, "大厅", "#dfe9f5", ZoneKind.NORMAL, 0, 0, zone.width, height)
    people = [Agent(100 + i, 1, f"E{1000 + i}", name(i) + ("" if i < 180 else "二"), 10 + i % 5,
                    TEAMS[i % 5][1]) for i in range(agents)]
    pairs = tuple(SeatAssignment(s.id, a.id) for s, a in zip(cells, people))
    return SeatMap(
        site_name=SITE, timezone="Asia/Shanghai", instance_id=8, shift_label=SHIFT,
        layouts=(FloorLayout(FLOOR, (zone,), tuple(cells)),), assignments=pairs, agents=tuple(people),
        present_ids=frozenset(a.id for a in people), absent_ids=frozenset(), conflicts=(), freed=(),
        team_colours=tuple((t, c) for t, _, c in TEAMS), at=at(11, 15),
    )
