"""Seat versions, the base of a seat change's optimistic check: who sits on a seat and its outage, as a desk saw it."""

from datetime import datetime, timezone

from app.domain.seating import (
    OutOfService,
    SeatAssignment,
    SeatingChange,
    SeatVersion,
    SeenSeats,
    seat_versions,
    seating_change,
)

OUT = OutOfService("PC down", datetime(2026, 12, 1, 7, tzinfo=timezone.utc), None, "Tom Baker")


def test_a_seats_version_holds_its_agents_once_in_order_and_its_outage():
    pairs = [SeatAssignment(1, 12), SeatAssignment(2, 7), SeatAssignment(1, 5), SeatAssignment(1, 12)]
    versions = seat_versions([1, 2, 3], pairs, {2: OUT})
    assert versions == {1: SeatVersion(1, (5, 12)), 2: SeatVersion(2, (7,), OUT), 3: SeatVersion(3)}
    assert list(seat_versions([3, 1, 3], pairs, {})) == [3, 1]


def test_what_a_desk_saw_and_the_stored_versions_it_builds_on():
    seen = SeenSeats(4, (SeatVersion(1, (5,)), SeatVersion(2, (), OUT)))
    assert seen.version(1) == SeatVersion(1, (5,))
    assert seen.version(9) == SeatVersion(9)  # not shown: seen free and in service
    now = seen.updated([SeatVersion(1, (6,)), SeatVersion(3, (5,))])
    assert now.instance_id == 4
    assert [now.version(i) for i in (1, 2, 3)] == [SeatVersion(1, (6,)), SeatVersion(2, (), OUT), SeatVersion(3, (5,))]
    assert seen.version(1) == SeatVersion(1, (5,))  # the desk's own view is left as it was


def test_what_a_seating_write_changed_is_its_pairs_added_and_removed_and_the_seats_as_it_left_them():
    """Agent 12 moves from seat 3 to seat 1, where Agent 5 sat; seat 2 (out of service, Agent 7) stays as stored."""
    stored = [SeatAssignment(1, 5), SeatAssignment(2, 7), SeatAssignment(3, 12), SeatAssignment(3, 12)]
    wanted = [SeatAssignment(2, 7), SeatAssignment(1, 12)]
    change = seating_change(stored, wanted, {1: OUT, 2: OUT})
    assert change == SeatingChange(added=frozenset({SeatAssignment(1, 12)}),
                                   removed=frozenset({SeatAssignment(1, 5), SeatAssignment(3, 12)}),
                                   seats=(SeatVersion(1, (12,), OUT), SeatVersion(3)))
    # A write that leaves every pair as stored (duplicates once) changed nothing.
    assert seating_change(stored, list(reversed(stored)), {}) == SeatingChange()
