"""Seating rules (pure): the conflicts of a shift's seating, and the automatic assignment.

`conflicts` reports what a stored seating gets wrong; nothing is blocked or
dropped. `auto_assign` returns the WHOLE new seating of a shift:

1. kept (keep_current): a present agent already on a usable seat stays there.
   Where the current seating conflicts, the agent whose fixed seat it is keeps
   a shared seat, else the earlier pair; an agent on two seats keeps its fixed
   seat, else the earlier pair. Absent agents' pairs and pairs on unusable
   seats are dropped.
2. fixed seats (Agent.fixed_seat, a seat code, matched trimmed and
   case-insensitively, the lowest floor id first when several floors have the
   code): taken by another agent -> FIXED_SEAT_TAKEN, unusable or unknown ->
   FIXED_SEAT_UNUSABLE; either way the agent is then seated by the rules below
   and `placed` says whether that worked. A fixed seat is honoured whatever its
   zone's kind (it is the more specific instruction), kept-apart zones only
   when allowed.
3. trainees (is_trainee) only in TRAINING zones; none free -> NO_TRAINING_SEAT,
   not seated.
4. the others fill normal seats (seats in no zone count as normal), then
   quiet, then kept-apart (only when allowed), and training seats only when
   nothing else is free; none -> NO_FREE_SEAT.

Usable: the seat is not out of service, and not in a KEPT_APART zone unless
allowed. A seat's zone is its zone_id (a zone missing from `zones` counts as
no zone).

Teams together: the seats of each zone are ordered in rows (seats whose top
edges are within half a seat's height of the row's first), left to right,
then right to left on the next row (a snake, so a run of seats is a block of
neighbours). Teams are placed biggest first (agents without a team last, as
one group): within the first tier (normal, quiet, ...) that still has free
seats, a team goes whole into the zone where most of its members already sit,
else the zone with the fewest free seats that holds it whole (best fit keeps
the big zones for the big teams); a team that fits no zone whole fills the
zone with most free seats and the rest is placed the same way. In a zone a
team takes the next run of free seats in that order.

Everything is deterministic: the same inputs give the same result.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Iterable, Sequence

from app.domain.people import Agent
from app.domain.seating import (
    SEAT_H,
    AutoResult,
    Conflict,
    ConflictKind,
    Seat,
    SeatAssignment,
    Unplaced,
    UnplacedReason,
    Zone,
    ZoneKind,
    is_trainee,
)

_KIND_ORDER = {kind: i for i, kind in enumerate(ConflictKind)}


def _pairs(assignments: Iterable[SeatAssignment]) -> list[SeatAssignment]:
    """The distinct pairs, in their first order (storage may hold one pair twice)."""
    return list(dict.fromkeys(assignments))


def conflicts(seats: Iterable[Seat], zones: Iterable[Zone], assignments: Iterable[SeatAssignment],
              absent_ids: Collection[int], allow_kept_apart: bool = False) -> tuple[Conflict, ...]:
    """What is wrong with a seating, ordered by kind (ConflictKind's order), then seat ids, then agent ids.

    One conflict per shared seat, per agent on several seats, per absent agent
    still seated (all its seats), per out-of-service seat in use and per seat of
    a kept-apart zone in use (unless allowed). Pairs on seats not in `seats`
    (retired) only count towards SHARED_SEAT / TWO_SEATS / ABSENT_SEATED.
    """
    seat_by_id = {s.id: s for s in seats}
    kind_by_zone = {z.id: z.kind for z in zones}
    absent = set(absent_ids)
    agents_of: dict[int, list[int]] = defaultdict(list)
    seats_of: dict[int, list[int]] = defaultdict(list)
    for pair in _pairs(assignments):
        agents_of[pair.seat_id].append(pair.agent_id)
        seats_of[pair.agent_id].append(pair.seat_id)
    found: list[Conflict] = []
    for seat_id, agent_ids in agents_of.items():
        ids = tuple(sorted(agent_ids))
        if len(ids) > 1:
            found.append(Conflict(ConflictKind.SHARED_SEAT, (seat_id,), ids))
        seat = seat_by_id.get(seat_id)
        if seat is None:
            continue
        if seat.out_of_service is not None:
            found.append(Conflict(ConflictKind.OUT_OF_SERVICE_IN_USE, (seat_id,), ids))
        if not allow_kept_apart and kind_by_zone.get(seat.zone_id) is ZoneKind.KEPT_APART:
            found.append(Conflict(ConflictKind.KEPT_APART_IN_USE, (seat_id,), ids))
    for agent_id, seat_ids in seats_of.items():
        ids = tuple(sorted(seat_ids))
        if len(ids) > 1:
            found.append(Conflict(ConflictKind.TWO_SEATS, ids, (agent_id,)))
        if agent_id in absent:
            found.append(Conflict(ConflictKind.ABSENT_SEATED, ids, (agent_id,)))
    found.sort(key=lambda c: (_KIND_ORDER[c.kind], c.seat_ids, c.agent_ids))
    return tuple(found)


# --- automatic assignment ---------------------------------------------------------------------------

# The order in which non-trainees fill zones; trainees use TRAINING only.
_TIERS = (ZoneKind.NORMAL, ZoneKind.QUIET, ZoneKind.KEPT_APART, ZoneKind.TRAINING)


def snake_order(seats: Iterable[Seat]) -> list[Seat]:
    """Seats in rows (top edges within SEAT_H / 2 of the row's first), alternately left to right and back."""
    rows: list[list[Seat]] = []
    top = 0.0
    for seat in sorted(seats, key=lambda s: (s.y, s.x, s.id)):
        if not rows or seat.y - top >= SEAT_H / 2:
            rows.append([])
            top = seat.y
        rows[-1].append(seat)
    out: list[Seat] = []
    for i, row in enumerate(rows):
        row.sort(key=lambda s: (s.x, s.id), reverse=i % 2 == 1)
        out.extend(row)
    return out


class _Block:
    """The free seats of one zone (or of a floor's seats in no zone), in snake order; `next` is the first free."""

    __slots__ = ("key", "seats", "next")

    def __init__(self, key: tuple, seats: list[Seat]) -> None:
        self.key = key
        self.seats = seats
        self.next = 0

    @property
    def free(self) -> int:
        return len(self.seats) - self.next

    def take(self, n: int) -> list[Seat]:
        got = self.seats[self.next:self.next + n]
        self.next += len(got)
        return got


def _fixed_key(code: str | None) -> str:
    return (code or "").strip().casefold()


def auto_assign(seats: Iterable[Seat], zones: Iterable[Zone], agents: Sequence[Agent], present_ids: Collection[int],
                current: Sequence[SeatAssignment] = (), allow_kept_apart: bool = False,
                keep_current: bool = True) -> AutoResult:
    """The whole new seating of the present agents (see the module's docstring for the rules).

    Only agents in `agents` whose id is in `present_ids` are seated (an id of
    present_ids with no Agent is ignored). `unplaced` holds, in the order of
    `agents`, a FIXED_SEAT_TAKEN / FIXED_SEAT_UNUSABLE note for an agent whose
    fixed seat could not be given (placed: seated elsewhere or not), and a
    NO_TRAINING_SEAT / NO_FREE_SEAT entry for each agent left unseated (so an
    agent may have two entries). Assignments are ordered by seat id.
    """
    seat_list = sorted({s.id: s for s in seats}.values(), key=lambda s: (s.floor_id, s.id))
    zone_by_id = {z.id: z for z in zones}
    present = set(present_ids)
    people: dict[int, Agent] = {}
    for agent in agents:
        if agent.id in present and agent.id not in people:
            people[agent.id] = agent
    order = {agent_id: i for i, agent_id in enumerate(people)}

    def kind(seat: Seat) -> ZoneKind:
        zone = zone_by_id.get(seat.zone_id) if seat.zone_id is not None else None
        return zone.kind if zone is not None else ZoneKind.NORMAL

    usable = {s.id: s for s in seat_list
              if s.out_of_service is None and (allow_kept_apart or kind(s) is not ZoneKind.KEPT_APART)}
    seat_of: dict[int, int] = {}  # agent -> seat
    taken: set[int] = set()

    def sit(agent_id: int, seat_id: int) -> None:
        seat_of[agent_id] = seat_id
        taken.add(seat_id)

    # 1. kept: the fixed-seat owner of a seat first, then the earlier pair.
    if keep_current:
        candidates = [(i, p) for i, p in enumerate(_pairs(current)) if p.agent_id in people and p.seat_id in usable]
        candidates.sort(key=lambda ip: (_fixed_key(people[ip[1].agent_id].fixed_seat)
                                        != _fixed_key(usable[ip[1].seat_id].code), ip[0]))
        for _, pair in candidates:
            if pair.agent_id not in seat_of and pair.seat_id not in taken:
                sit(pair.agent_id, pair.seat_id)

    # 2. fixed seats, in the agents' order.
    by_code: dict[str, list[Seat]] = defaultdict(list)
    for seat in seat_list:
        by_code[_fixed_key(seat.code)].append(seat)
    notes: dict[int, Unplaced] = {}
    for agent_id, agent in people.items():
        code = _fixed_key(agent.fixed_seat)
        if agent_id in seat_of or not code:
            continue
        fitting = [s for s in by_code.get(code, ()) if s.id in usable]
        free = next((s for s in fitting if s.id not in taken), None)
        if free is not None:
            sit(agent_id, free.id)
        else:
            reason = UnplacedReason.FIXED_SEAT_TAKEN if fitting else UnplacedReason.FIXED_SEAT_UNUSABLE
            notes[agent_id] = Unplaced(agent_id, reason, agent.fixed_seat.strip())

    # 3. and 4. the others by team, trainees into training zones, the rest normal -> quiet -> ... -> training.
    def block_key(seat: Seat) -> tuple:  # a floor's seats in no zone come after its zones
        zone = zone_by_id.get(seat.zone_id) if seat.zone_id is not None else None
        return (seat.floor_id, 1, 0.0, 0.0, 0) if zone is None else (seat.floor_id, 0, zone.y, zone.x, zone.id)

    grouped: dict[tuple, list[Seat]] = defaultdict(list)
    for seat in seat_list:
        if seat.id in usable and seat.id not in taken:
            grouped[block_key(seat)].append(seat)
    blocks: dict[ZoneKind, list[_Block]] = {k: [] for k in _TIERS}
    for key in sorted(grouped):
        blocks[kind(grouped[key][0])].append(_Block(key, snake_order(grouped[key])))
    sitting: dict[tuple, int] = defaultdict(int)  # (team id, block key) -> agents seated there (kept, fixed)
    for agent_id, seat_id in seat_of.items():
        sitting[(people[agent_id].team_id, block_key(usable[seat_id]))] += 1

    waiting = [a for a in people.values() if a.id not in seat_of]
    trainees = [a for a in waiting if is_trainee(a)]
    others = [a for a in waiting if not is_trainee(a)]
    left_out: list[Unplaced] = []
    for group_agents, tiers, reason in ((trainees, (ZoneKind.TRAINING,), UnplacedReason.NO_TRAINING_SEAT),
                                        (others, _TIERS, UnplacedReason.NO_FREE_SEAT)):
        for team_id, members in _teams(group_agents):
            rest = _place(team_id, members, [blocks[k] for k in tiers], sitting, sit)
            left_out.extend(Unplaced(a.id, reason) for a in rest)

    unplaced = [Unplaced(n.agent_id, n.reason, n.detail, n.agent_id in seat_of) for n in notes.values()]
    unplaced.extend(left_out)
    unplaced.sort(key=lambda u: (order[u.agent_id], u.reason is not UnplacedReason.FIXED_SEAT_TAKEN
                                 and u.reason is not UnplacedReason.FIXED_SEAT_UNUSABLE))
    pairs = sorted((SeatAssignment(seat_id, agent_id) for agent_id, seat_id in seat_of.items()),
                   key=lambda p: (p.seat_id, p.agent_id))
    return AutoResult(tuple(pairs), tuple(unplaced))


def _teams(agents: list[Agent]) -> list[tuple[int | None, list[Agent]]]:
    """Agents by team: the biggest team first (then by team id); agents without a team last, as one group."""
    teams: dict[int | None, list[Agent]] = defaultdict(list)
    for agent in agents:
        teams[agent.team_id].append(agent)
    ordered = sorted(((t, m) for t, m in teams.items() if t is not None), key=lambda tm: (-len(tm[1]), tm[0]))
    if None in teams:
        ordered.append((None, teams[None]))
    return ordered


def _place(team_id: int | None, members: list[Agent], tiers: list[list[_Block]],
           sitting: dict[tuple, int], sit) -> list[Agent]:
    """Seat one team (see the module's docstring); the members left without a seat."""
    rest = members
    for tier in tiers:
        while rest:
            open_blocks = [b for b in tier if b.free]
            if not open_blocks:
                break
            n = len(rest)
            whole = [b for b in open_blocks if b.free >= n]
            if whole:
                block = min(whole, key=lambda b: (-sitting.get((team_id, b.key), 0), b.free))
            else:
                block = max(open_blocks, key=lambda b: (b.free, sitting.get((team_id, b.key), 0)))
            got = block.take(n)
            for agent, seat in zip(rest, got):
                sit(agent.id, seat.id)
            sitting[(team_id, block.key)] += len(got)
            rest = rest[len(got):]
        if not rest:
            break
    return rest
