"""Seat versions, the base of a seat change's optimistic check: who sits on a seat and its outage, as a desk saw it."""

from datetime import datetime, timezone

from app.domain.seating import OutOfService, SeatAssignment, SeatVersion, SeenSeats, seat_versions

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
