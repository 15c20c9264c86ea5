"""The floor seat map as values: floors, zones, seats, seats out of service, a shift's seating.

Layout units: a seat is SEAT_W x SEAT_H units (think centimetres), positions
are the seat's top-left corner, snapped to GRID units in the editor, and
rotation is in degrees around the seat's centre. A zone is a rectangle.

A shift's seating is a set of (seat, agent) pairs: storage keeps what was
set even when it conflicts (two agents on one seat, an agent on two seats),
so conflicts can be shown and resolved, never hidden.

A desk's seat change carries what that desk last saw of the shift's seats
(SeenSeats, taken from its SeatMap). When another desk changed one of the
seats the change touches in the meantime, nothing is stored: the desk is
shown both versions of each such seat (ChangedSeat) and chooses.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime

from app.domain.people import Agent

SEAT_W, SEAT_H, GRID = 60.0, 50.0, 10.0


class ZoneKind(str, enum.Enum):
    NORMAL = "normal"
    TRAINING = "training"
    QUIET = "quiet"
    KEPT_APART = "kept_apart"  # not used for seating unless allowed (audits, VIP line, isolation)


@dataclass(frozen=True, slots=True)
class Floor:
    id: int
    site_id: int
    name: str


@dataclass(frozen=True, slots=True)
class Zone:
    id: int
    floor_id: int
    name: str
    colour: str  # "#rrggbb"
    kind: ZoneKind
    x: float
    y: float
    width: float
    height: float

    def contains(self, x: float, y: float) -> bool:
        return self.x <= x < self.x + self.width and self.y <= y < self.y + self.height


@dataclass(frozen=True, slots=True)
class OutOfService:
    """Why a seat cannot be used and until when (it carries forward across shifts until cleared)."""

    reason: str
    since: datetime
    expected_back: datetime | None = None
    by: str | None = None


@dataclass(frozen=True, slots=True)
class Seat:
    id: int
    floor_id: int
    code: str
    x: float
    y: float
    rotation: float = 0.0
    zone_id: int | None = None
    equipment: str = ""
    out_of_service: OutOfService | None = None

    @property
    def centre(self) -> tuple[float, float]:
        return self.x + SEAT_W / 2, self.y + SEAT_H / 2


@dataclass(frozen=True)
class FloorLayout:
    floor: Floor
    zones: tuple[Zone, ...]
    seats: tuple[Seat, ...]


@dataclass(frozen=True, slots=True)
class SeatAssignment:
    seat_id: int
    agent_id: int


class ConflictKind(str, enum.Enum):
    SHARED_SEAT = "shared_seat"  # two agents on one seat
    TWO_SEATS = "two_seats"  # an agent on two seats
    ABSENT_SEATED = "absent_seated"  # an agent marked absent or on leave still has a seat
    OUT_OF_SERVICE_IN_USE = "out_of_service_in_use"
    KEPT_APART_IN_USE = "kept_apart_in_use"


@dataclass(frozen=True, slots=True)
class Conflict:
    kind: ConflictKind
    seat_ids: tuple[int, ...]
    agent_ids: tuple[int, ...]


class UnplacedReason(str, enum.Enum):
    NO_FREE_SEAT = "no_free_seat"
    NO_TRAINING_SEAT = "no_training_seat"  # a trainee, and the training zone is full (seated elsewhere is not done)
    FIXED_SEAT_TAKEN = "fixed_seat_taken"  # detail: the seat code (the agent is then placed elsewhere if possible)
    FIXED_SEAT_UNUSABLE = "fixed_seat_unusable"  # out of service, kept apart, or no such seat (detail: code)


@dataclass(frozen=True, slots=True)
class Unplaced:
    """An agent the automatic assignment could not seat, or seated other than asked (see UnplacedReason)."""

    agent_id: int
    reason: UnplacedReason
    detail: str = ""
    placed: bool = False  # True: a note only (e.g. the fixed seat was taken, the agent sits elsewhere)


@dataclass(frozen=True)
class AutoResult:
    assignments: tuple[SeatAssignment, ...]
    unplaced: tuple[Unplaced, ...]


@dataclass(frozen=True, slots=True)
class SeatFreed:
    """A seat freed because its agent was marked absent or on leave (a visible note on the map)."""

    seat_id: int
    seat_code: str
    agent_id: int
    agent_name: str
    at: datetime
    by: str | None = None


@dataclass(frozen=True)
class SeatMap:
    """Everything the map of one shift shows (and prints).

    agents: the shift's rostered agents with their marks (SheetRow-like values:
    agent, mark); present_ids: those expected on the floor (present, late,
    swapped, or not marked yet); assignments: the shift's seating as stored;
    change: on the answer of a seating write, what that write changed itself
    (SeatingChange), None on a map read.
    """

    site_name: str
    timezone: str
    instance_id: int
    shift_label: str
    layouts: tuple[FloorLayout, ...]
    assignments: tuple[SeatAssignment, ...]
    agents: tuple[Agent, ...]
    present_ids: frozenset[int]
    absent_ids: frozenset[int]
    conflicts: tuple[Conflict, ...]
    freed: tuple[SeatFreed, ...]
    team_colours: tuple[tuple[int, str], ...]  # team id -> colour
    at: datetime
    change: SeatingChange | None = None


def is_trainee(agent: Agent) -> bool:
    """A trainee sits in the training zone: the skill "trainee" (or 新员工 / 培训) marks one."""
    return any(s.strip().casefold() in ("trainee", "新员工", "培训", "新人") for s in agent.skills)


# --- optimistic checks of seat changes (two desks on one shift) ---

@dataclass(frozen=True, slots=True)
class SeatVersion:
    """One seat of a shift as a desk saw it, as stored, or as a change would leave it: who sits there (agent ids,
    sorted, once each) and its open outage. Two versions of a seat that compare equal are the same seat state."""

    seat_id: int
    agent_ids: tuple[int, ...] = ()
    out_of_service: OutOfService | None = None


@dataclass(frozen=True)
class SeenSeats:
    """What a desk last saw of one shift's seats, the base of a seat change's optimistic check.

    versions: the seats shown (a seat not listed was seen free and in service).
    """

    instance_id: int
    versions: tuple[SeatVersion, ...]

    def version(self, seat_id: int) -> SeatVersion:
        return next((v for v in self.versions if v.seat_id == seat_id), SeatVersion(seat_id))

    def updated(self, versions: Iterable[SeatVersion]) -> SeenSeats:
        """The same view with these seats seen as given (the stored versions a desk chose to build on)."""
        new = {v.seat_id: v for v in versions}
        kept = tuple(v for v in self.versions if v.seat_id not in new)
        return SeenSeats(self.instance_id, kept + tuple(new[i] for i in sorted(new)))


def seat_versions(seat_ids: Iterable[int], pairs: Iterable[SeatAssignment],
                  outages: Mapping[int, OutOfService | None]) -> dict[int, SeatVersion]:
    """seat id -> its version under the seating `pairs` and the open `outages` (seat id -> outage or None)."""
    ids = list(dict.fromkeys(seat_ids))
    wanted = set(ids)
    agents: dict[int, set[int]] = {i: set() for i in ids}
    for p in pairs:
        if p.seat_id in wanted:
            agents[p.seat_id].add(p.agent_id)
    return {i: SeatVersion(i, tuple(sorted(agents[i])), outages.get(i)) for i in ids}


def seen_in(seat_map: SeatMap) -> SeenSeats:
    """What a desk showing `seat_map` sees: every seat of its layouts with its agents and outage."""
    seats = [s for layout in seat_map.layouts for s in layout.seats]
    versions = seat_versions([s.id for s in seats], seat_map.assignments, {s.id: s.out_of_service for s in seats})
    return SeenSeats(seat_map.instance_id, tuple(versions[i] for i in sorted(versions)))


@dataclass(frozen=True, slots=True)
class ChangedSeat:
    """A seat another desk changed after this desk saw it (app.domain.errors.SeatConflictError carries them).

    seen: the seat as this desk saw it; stored: as it is stored now, last changed by `changed_by` at
    `changed_at` (None when not known); wanted: as this desk's change would leave it.
    """

    seat_id: int
    seat_code: str
    seen: SeatVersion
    stored: SeatVersion
    wanted: SeatVersion
    changed_by: str | None = None
    changed_at: datetime | None = None


@dataclass(frozen=True)
class SeatingChange:
    """What one seating write changed itself, told from inside its transaction: the pairs it added and removed, and
    the seats whose agents it changed, as it left them (sorted by seat id). Another desk's changes stored before it,
    which its answer shows too, are not among them: a next change checked against them would overwrite what the desk
    never saw."""

    added: frozenset[SeatAssignment] = frozenset()
    removed: frozenset[SeatAssignment] = frozenset()
    seats: tuple[SeatVersion, ...] = ()


def seating_change(stored: Iterable[SeatAssignment], wanted: Iterable[SeatAssignment],
                   outages: Mapping[int, OutOfService | None]) -> SeatingChange:
    """What a write that makes the seating `wanted` where it was `stored` changes (`outages`: seat id -> its open
    outage, for the versions of the seats changed)."""
    was, now = frozenset(stored), frozenset(wanted)
    added, removed = now - was, was - now
    ids = sorted({p.seat_id for p in added | removed})
    versions = seat_versions(ids, now, outages)
    return SeatingChange(added, removed, tuple(versions[i] for i in ids))
