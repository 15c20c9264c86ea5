"""The floor seat map services: layout (floors, zones, seats, retire and restore), seats out of service, a shift's
seating (assign, swap, set, automatic, from the previous shift or fixed seats), conflicts, and attendance."""

from dataclasses import replace
from datetime import timedelta

import pytest

from app.domain.attendance import AttendanceStatus, LeaveType, Mark
from app.domain.errors import InvalidSettingError
from app.domain.seating import Conflict, ConflictKind, Floor, SeatAssignment, SeatFreed, ZoneKind
from app.services import people, roster, seating, sheet, shifts
from tests.services.seat_world import build_seats
from tests.services.shift_world import DAY, at, build
from tests.services.test_meetings import pg_desks  # noqa: F401  (fixture)

ABSENT, LEAVE, PRESENT = AttendanceStatus.ABSENT, AttendanceStatus.LEAVE, AttendanceStatus.PRESENT


def pairs(seat_map, s):
    """The map's seating as {seat code: employee number}, sorted (conflicts: several entries)."""
    codes = {seat.id: seat.code for layout in seat_map.layouts for seat in layout.seats}
    nos = {a.id: a.employee_no for a in seat_map.agents}
    return sorted((codes[p.seat_id], nos[p.agent_id]) for p in seat_map.assignments)


def opened(console):
    s = build_seats(console)
    now = at(console, DAY, 7)
    return s, seating.load_seat_map(console, DAY, s.world.morning.id, now), now


# --- layout ---

def test_floors_in_order_with_unique_names(console):
    first = seating.add_floor(console, " 3F ")
    second = seating.add_floor(console, "二楼")
    assert first == Floor(first.id, first.site_id, "3F")
    assert seating.list_floors(console) == (first, second)
    with pytest.raises(InvalidSettingError, match="another floor"):
        seating.add_floor(console, "3F")
    with pytest.raises(InvalidSettingError, match="needs a name"):
        seating.add_floor(console, "  ")
    layout = seating.floor_layout(console, first.id)
    assert (layout.floor, layout.zones, layout.seats) == (first, (), ())


def test_seats_are_added_moved_and_recoded_on_their_floor(console):
    s = build_seats(console)
    a1, a2 = s.seats["A01"], s.seats["A02"]
    assert (a1.code, a1.x, a1.y, a1.rotation, a1.zone_id, a1.out_of_service) == (
        "A01", 10, 10, 0, s.zones["A"].id, None)
    with pytest.raises(InvalidSettingError, match="another seat of the floor"):
        seating.add_seat(console, s.floor.id, "A01", 0, 0)
    with pytest.raises(InvalidSettingError, match="code of 1 to 64 printable"):
        seating.add_seat(console, s.floor.id, " ", 0, 0)
    with pytest.raises(InvalidSettingError, match="finite number"):
        seating.add_seat(console, s.floor.id, "X1", float("nan"), 0)
    other = seating.add_floor(console, "4F")
    with pytest.raises(InvalidSettingError, match="no such zone in use on the seat's floor"):
        seating.add_seat(console, other.id, "A01", 0, 0, zone_id=s.zones["A"].id)
    same_code = seating.add_seat(console, other.id, "A01", 0, 0, rotation=-90, equipment=" dual screen ")
    assert (same_code.rotation, same_code.equipment) == (270.0, "dual screen")

    # One batch: a move, a rotation, and two seats exchanging their codes.
    moved = seating.update_seats(console, [
        replace(a1, code="A02", x=20, rotation=90), replace(a2, code="A01", zone_id=None, equipment="headset"),
    ])
    assert [(m.id, m.code, m.x, m.rotation, m.zone_id, m.equipment) for m in moved] == [
        (a1.id, "A02", 20, 90, s.zones["A"].id, ""), (a2.id, "A01", a2.x, 0, None, "headset"),
    ]
    with pytest.raises(InvalidSettingError, match="two seats of the floor would have this code"):
        seating.update_seats(console, [replace(a1, code="Z"), replace(a2, code="Z")])
    with pytest.raises(InvalidSettingError, match="another seat of the floor has this code"):
        seating.update_seats(console, [replace(a1, code="A03")])
    codes = {seat.code: seat.id for seat in seating.floor_layout(console, s.floor.id).seats}
    assert (codes["A02"], codes["A01"]) == (a1.id, a2.id)


def test_retired_seats_leave_the_layout_and_come_back(console):
    s = build_seats(console)
    a3, a4 = s.seats["A03"], s.seats["A04"]
    retired = seating.retire_seats(console, [a3.id, a4.id])
    assert [r.code for r in retired] == ["A03", "A04"]
    assert [seat.code for seat in seating.floor_layout(console, s.floor.id).seats] == [
        "A01", "A02", "K01", "T01", "T02"]
    with pytest.raises(InvalidSettingError, match="no such seat in use"):
        seating.update_seats(console, [replace(a3, x=0)])
    with pytest.raises(InvalidSettingError, match="a retired seat of the floor has this code"):
        seating.update_seats(console, [replace(s.seats["A01"], code="A03")])
    # Adding a retired seat's code brings that seat back with the new values.
    revived = seating.add_seat(console, s.floor.id, "A03", 500, 500)
    assert (revived.id, revived.x, revived.zone_id) == (a3.id, 500, None)
    assert [r.id for r in seating.restore_seats(console, [a4.id])] == [a4.id]
    assert len(seating.floor_layout(console, s.floor.id).seats) == 7
    with pytest.raises(InvalidSettingError, match="no such seat"):
        seating.retire_seats(console, [a4.id, 9999])
    assert len(seating.floor_layout(console, s.floor.id).seats) == 7


def test_zones_are_edited_retired_and_restored(console):
    s = build_seats(console)
    zone_a = s.zones["A"]
    assert (zone_a.kind, zone_a.colour, zone_a.width) == (ZoneKind.NORMAL, "#dfe9f5", 300)
    changed = seating.update_zones(console, [replace(zone_a, name="Sales", kind=ZoneKind.QUIET, colour="#AABBCC",
                                                     width=350)])
    assert changed == (replace(zone_a, name="Sales", kind=ZoneKind.QUIET, colour="#aabbcc", width=350),)
    for bad, match in [(dict(name="T"), "another zone"), (dict(kind="lounge"), "not a kind"),
                       (dict(colour="red"), "#rrggbb"), (dict(height=0), "width and a height")]:
        with pytest.raises(InvalidSettingError, match=match):
            seating.update_zones(console, [replace(zone_a, **bad)])
    with pytest.raises(InvalidSettingError, match="another zone"):
        seating.add_zone(console, s.floor.id, " t ", ZoneKind.NORMAL, 0, 0, 10, 10)

    seating.retire_zones(console, [zone_a.id])
    layout = seating.floor_layout(console, s.floor.id)
    assert [z.name for z in layout.zones] == ["T", "K"]
    assert {seat.code: seat.zone_id for seat in layout.seats}["A01"] is None  # no zone while A is retired
    with pytest.raises(InvalidSettingError, match="no such zone in use"):
        seating.add_seat(console, s.floor.id, "A09", 0, 0, zone_id=zone_a.id)
    again = seating.add_zone(console, s.floor.id, "Sales", ZoneKind.NORMAL, 0, 0, 10, 10)  # the name is free
    seating.retire_zones(console, [again.id])
    seating.restore_zones(console, [zone_a.id])
    layout = seating.floor_layout(console, s.floor.id)
    assert {seat.code: seat.zone_id for seat in layout.seats}["A01"] == zone_a.id


# --- out of service ---

def test_a_seat_out_of_service_carries_over_to_later_shifts_until_cleared(console):
    s, first, now = opened(console)
    a1 = s.seats["A01"]
    back = now + timedelta(days=2)
    with pytest.raises(InvalidSettingError, match="needs a reason"):
        seating.set_out_of_service(console, a1.id, "  ", None, "王丽", now)
    out = seating.set_out_of_service(console, a1.id, " headset broken ", back, "王丽", now)
    assert (out.out_of_service.reason, out.out_of_service.since, out.out_of_service.expected_back,
            out.out_of_service.by) == ("headset broken", now, back, "王丽")
    later = now + timedelta(days=1)
    evening = seating.load_seat_map(console, DAY + timedelta(days=1), s.world.evening.id, later)
    seat = next(seat for seat in evening.layouts[0].seats if seat.id == a1.id)
    assert seat.out_of_service == out.out_of_service
    # A new reason replaces the open outage; clearing ends it; the history keeps both.
    pc = seating.set_out_of_service(console, a1.id, "PC down", None, None, later)
    assert (pc.out_of_service.reason, pc.out_of_service.since) == ("PC down", later)
    cleared = seating.clear_out_of_service(console, a1.id, "Ann", later + timedelta(hours=1))
    assert cleared.out_of_service is None
    assert seating.clear_out_of_service(console, a1.id, "Ann", later + timedelta(hours=2)) == cleared
    history = seating.outage_history(console, a1.id)
    assert [(h.outage.reason, h.cleared_at, h.cleared_by) for h in history] == [
        ("headset broken", later, None), ("PC down", later + timedelta(hours=1), "Ann"),
    ]


# --- a shift's seating ---

def test_the_map_of_a_shift(console):
    s, m, now = opened(console)
    a, w = s.agents, s.world
    assert m.instance_id == shifts.ensure_instance(console, DAY, w.morning.id).id
    assert (m.site_name, m.at, m.shift_label) == ("Main site", now, "早班 2026-12-01 07:00–15:30")
    assert [layout.floor for layout in m.layouts] == [s.floor]
    assert [seat.code for seat in m.layouts[0].seats] == ["A01", "A02", "A03", "A04", "K01", "T01", "T02"]
    assert [ag.name for ag in m.agents] == ["Anna Li", "Bo Chen", "Eve Free", "Tina Trainee", "Zhang Wei", "李娜"]
    assert m.present_ids == {a[no].id for no in ("1001", "1002", "1003", "1004", "1005", "1006")}
    assert (m.absent_ids, m.assignments, m.conflicts, m.freed) == (frozenset(), (), (), ())
    assert dict(m.team_colours) == {w.blue.id: "#1f77b4", w.green.id: "#2ca02c"}
    sheet.mark(console, m.instance_id, a["1003"].id, Mark(ABSENT), "王丽", now)
    sheet.mark(console, m.instance_id, a["1004"].id, Mark(LEAVE, leave_type=LeaveType.SICK), "王丽", now)
    sheet.mark(console, m.instance_id, a["1005"].id, Mark(PRESENT), "王丽", now)
    again = seating.seat_map(console, m.instance_id, now)
    assert again.absent_ids == {a["1003"].id, a["1004"].id}
    assert again.present_ids == {a[no].id for no in ("1001", "1002", "1005", "1006")}
    with pytest.raises(InvalidSettingError, match="another site"):
        seating.load_seat_map(console, DAY, w.morning.id, now, site_id=w.morning.site_id + 1)
    with pytest.raises(InvalidSettingError, match="no such shift"):
        seating.seat_map(console, m.instance_id + 100, now)


def test_a_site_with_no_floor_yet_has_an_empty_map(console):
    w = build(console)
    roster.add_entry(console, w.agents["1001"].id, DAY, w.morning.id)
    m = seating.load_seat_map(console, DAY, w.morning.id, at(console, DAY, 7))
    assert (m.layouts, m.assignments, m.conflicts, [a.employee_no for a in m.agents]) == ((), (), (), ["1001"])
    assert seating.list_floors(console) == ()


def test_assign_moves_the_agent_and_unseats_the_one_there(console):
    s, m, now = opened(console)
    a, seat = s.agents, s.seats
    iid = m.instance_id
    m = seating.assign(console, iid, seat["A01"].id, a["1001"].id, "王丽", now)
    m = seating.assign(console, iid, seat["A02"].id, a["1002"].id, "王丽", now)
    assert pairs(m, s) == [("A01", "1001"), ("A02", "1002")]
    m = seating.assign(console, iid, seat["A03"].id, a["1001"].id, "王丽", now)  # moves
    assert pairs(m, s) == [("A02", "1002"), ("A03", "1001")]
    m = seating.assign(console, iid, seat["A02"].id, a["1003"].id, "王丽", now)  # 1002 is unseated
    assert pairs(m, s) == [("A02", "1003"), ("A03", "1001")]
    m = seating.swap(console, iid, seat["A02"].id, seat["A03"].id, None, now)
    assert pairs(m, s) == [("A02", "1001"), ("A03", "1003")]
    m = seating.swap(console, iid, seat["A03"].id, seat["A04"].id, None, now)  # onto a free seat
    assert pairs(m, s) == [("A02", "1001"), ("A04", "1003")]
    m = seating.unassign(console, iid, a["1001"].id, None, now)
    assert pairs(m, s) == [("A04", "1003")]
    assert seating.unassign(console, iid, a["1001"].id, None, now).assignments == m.assignments


def test_bad_seats_and_agents_store_nothing(console):
    s, m, now = opened(console)
    a, seat, iid = s.agents, s.seats, m.instance_id
    seating.assign(console, iid, seat["A01"].id, a["1001"].id, "王丽", now)
    seating.retire_seats(console, [seat["A04"].id])
    for seat_id, agent_id, match in [
        (seat["A04"].id, a["1002"].id, "no such seat in use"),
        (9999, a["1002"].id, "no such seat in use"),
        (seat["A02"].id, 9999, "no such agent"),
    ]:
        with pytest.raises(InvalidSettingError, match=match):
            seating.assign(console, iid, seat_id, agent_id, "王丽", now)
        with pytest.raises(InvalidSettingError, match=match):
            seating.set_assignments(console, iid, [SeatAssignment(seat_id, agent_id)], "王丽", now)
    with pytest.raises(InvalidSettingError, match="timezone-aware"):
        seating.assign(console, iid, seat["A02"].id, a["1002"].id, "王丽", now.replace(tzinfo=None))
    assert pairs(seating.seat_map(console, iid, now), s) == [("A01", "1001")]


def test_conflicts_are_stored_and_shown(console):
    s, m, now = opened(console)
    a, seat, iid = s.agents, s.seats, m.instance_id
    seating.set_out_of_service(console, seat["A04"].id, "PC down", None, "王丽", now)
    m = seating.set_assignments(console, iid, [
        SeatAssignment(seat["A01"].id, a["1001"].id), SeatAssignment(seat["A01"].id, a["1002"].id),
        SeatAssignment(seat["A02"].id, a["1003"].id), SeatAssignment(seat["A03"].id, a["1003"].id),
        SeatAssignment(seat["A04"].id, a["1004"].id), SeatAssignment(seat["K01"].id, a["1005"].id),
        SeatAssignment(seat["K01"].id, a["1005"].id),  # the same pair twice is stored once
    ], "王丽", now)
    assert len(m.assignments) == 6
    assert {(c.kind, c.seat_ids, c.agent_ids) for c in m.conflicts} == {
        (ConflictKind.SHARED_SEAT, (seat["A01"].id,), tuple(sorted((a["1001"].id, a["1002"].id)))),
        (ConflictKind.TWO_SEATS, (seat["A02"].id, seat["A03"].id), (a["1003"].id,)),
        (ConflictKind.OUT_OF_SERVICE_IN_USE, (seat["A04"].id,), (a["1004"].id,)),
        (ConflictKind.KEPT_APART_IN_USE, (seat["K01"].id,), (a["1005"].id,)),
    }
    m = seating.assign(console, iid, seat["A02"].id, a["1003"].id, "王丽", now)  # resolves TWO_SEATS
    assert ConflictKind.TWO_SEATS not in {c.kind for c in m.conflicts}
    m = seating.set_assignments(console, iid, [], "王丽", now)
    assert (m.assignments, m.conflicts) == ((), ())


def test_marking_an_agent_absent_or_on_leave_frees_its_seats_with_a_note(console):
    s, m, now = opened(console)
    a, seat, iid = s.agents, s.seats, m.instance_id
    seating.set_assignments(console, iid, [
        SeatAssignment(seat["A01"].id, a["1001"].id), SeatAssignment(seat["A02"].id, a["1001"].id),
        SeatAssignment(seat["A03"].id, a["1002"].id), SeatAssignment(seat["A04"].id, a["1003"].id),
    ], "王丽", now)
    t1, t2 = now + timedelta(minutes=5), now + timedelta(minutes=9)
    sheet.mark(console, iid, a["1001"].id, Mark(ABSENT), " 王丽 ", t1)
    sheet.mark(console, iid, a["1002"].id, Mark(PRESENT), "王丽", t1)
    sheet.mark(console, iid, a["1003"].id, Mark(LEAVE, leave_type=LeaveType.ANNUAL), None, t2)
    m = seating.seat_map(console, iid, t2)
    assert pairs(m, s) == [("A03", "1002")]
    assert m.freed == (
        SeatFreed(seat["A01"].id, "A01", a["1001"].id, "Zhang Wei", t1, "王丽"),
        SeatFreed(seat["A02"].id, "A02", a["1001"].id, "Zhang Wei", t1, "王丽"),
        SeatFreed(seat["A04"].id, "A04", a["1003"].id, "李娜", t2, None),
    )
    # Marked absent again with no seat: no new note. Seated again while absent: a conflict, not a refusal.
    sheet.mark(console, iid, a["1001"].id, Mark(ABSENT, note="still"), "王丽", t2)
    m = seating.assign(console, iid, seat["A01"].id, a["1001"].id, "王丽", t2)
    assert len(m.freed) == 3
    assert m.conflicts == (Conflict(ConflictKind.ABSENT_SEATED, (seat["A01"].id,), (a["1001"].id,)),)


def test_automatic_assignment_is_stored_as_the_new_seating(console):
    s, m, now = opened(console)
    a, seat, iid = s.agents, s.seats, m.instance_id
    seating.set_out_of_service(console, seat["A01"].id, "PC down", None, "王丽", now)
    sheet.mark(console, iid, a["1004"].id, Mark(ABSENT), "王丽", now)
    seating.assign(console, iid, seat["A03"].id, a["1002"].id, "王丽", now)
    m, result = seating.auto_assign(console, iid, "王丽", now)
    assert set(m.assignments) == set(result.assignments) and result.unplaced == ()
    seated = dict(pairs(m, s))
    assert sorted(seated.values()) == ["1001", "1002", "1003", "1005", "1006"]  # 1004 is absent
    assert seated["A03"] == "1002"  # kept where it was
    assert {"A02", "A04"} <= set(seated) <= {"A02", "A03", "A04", "T01", "T02"}  # not out of service, not kept apart
    assert "1006" in (seated.get("T01"), seated.get("T02"))  # the trainee in training
    assert m.conflicts == ()
    again, result = seating.auto_assign(console, iid, "王丽", now, allow_kept_apart=True)
    assert set(again.assignments) == set(result.assignments) == set(m.assignments)  # everyone stays


def test_start_from_the_previous_shift_or_from_fixed_seats(console):
    s, m, now = opened(console)
    a, seat, w = s.agents, s.seats, s.world
    with pytest.raises(InvalidSettingError, match="no earlier shift"):
        seating.start_from_previous(console, m.instance_id, "王丽", now)
    seating.set_assignments(console, m.instance_id, [
        SeatAssignment(seat["A01"].id, a["1001"].id), SeatAssignment(seat["A02"].id, a["1002"].id),
        SeatAssignment(seat["A03"].id, a["1003"].id), SeatAssignment(seat["T01"].id, a["1006"].id),
    ], "王丽", now)
    # The next morning: 1001, 1002 and 1005 are rostered; 1002 is absent; A03 and T01 do not matter.
    day2 = DAY + timedelta(days=1)
    morning2 = at(console, day2, 7)
    for no in ("1001", "1002", "1005"):
        roster.add_entry(console, a[no].id, day2, w.morning.id)
    second = seating.load_seat_map(console, day2, w.morning.id, morning2)
    sheet.mark(console, second.instance_id, a["1002"].id, Mark(ABSENT), "王丽", morning2)
    seating.assign(console, second.instance_id, seat["A04"].id, a["1005"].id, "王丽", morning2)
    started = seating.start_from_previous(console, second.instance_id, "Ann", morning2)
    assert pairs(started, s) == [("A01", "1001")]  # the shift's own seating is replaced
    # The night after: the latest earlier seated shift is that morning; a seat out of service is left out.
    night_at = at(console, day2, 23)
    for no in ("1001", "1005"):
        roster.add_entry(console, a[no].id, day2, w.night.id)
    night = seating.load_seat_map(console, day2, w.night.id, night_at)
    seating.assign(console, m.instance_id, seat["A02"].id, a["1001"].id, "王丽", now)  # not the latest: no matter
    assert pairs(seating.start_from_previous(console, night.instance_id, None, night_at), s) == [("A01", "1001")]
    seating.set_out_of_service(console, seat["A01"].id, "PC down", None, None, night_at)
    assert seating.start_from_previous(console, night.instance_id, None, night_at).assignments == ()

    # Fixed seats: present agents whose fixed seat exists (codes trimmed, any case); nobody else.
    people.save_agent(console, "1001", "Zhang Wei", team_id=w.blue.id, fixed_seat=" a02 ", agent_id=a["1001"].id)
    people.save_agent(console, "1003", "李娜", team_id=w.green.id, fixed_seat="A04", agent_id=a["1003"].id)
    people.save_agent(console, "1005", "Eve Free", fixed_seat="Z99", agent_id=a["1005"].id)
    people.save_agent(console, "1004", "Bo Chen", team_id=w.green.id, fixed_seat="A03", agent_id=a["1004"].id)
    sheet.mark(console, m.instance_id, a["1004"].id, Mark(ABSENT), "王丽", now)
    fixed = seating.start_from_fixed(console, m.instance_id, "王丽", now)
    assert pairs(fixed, s) == [("A02", "1001"), ("A04", "1003")]


def test_pairs_on_a_retired_seat_stay_stored_but_leave_the_map(console):
    s, m, now = opened(console)
    a, seat, iid = s.agents, s.seats, m.instance_id
    seating.assign(console, iid, seat["A01"].id, a["1001"].id, "王丽", now)
    seating.assign(console, iid, seat["A02"].id, a["1002"].id, "王丽", now)
    seating.retire_seats(console, [seat["A02"].id])
    assert pairs(seating.seat_map(console, iid, now), s) == [("A01", "1001")]
    m = seating.swap(console, iid, seat["A01"].id, seat["A03"].id, None, now)
    assert pairs(m, s) == [("A03", "1001")]
    seating.restore_seats(console, [seat["A02"].id])
    assert pairs(seating.seat_map(console, iid, now), s) == [("A02", "1002"), ("A03", "1001")]


@pytest.mark.pg
def test_two_desks_seating_one_shift_at_once_keep_both_changes(pg_desks):
    """Desk A seats 1001 in an open transaction; desk B seats 1002 meanwhile: B waits for A and applies its change
    to A's seating, so neither is lost."""
    from app.storage import seating as seat_store
    from app.storage import shifts as shift_store
    from tests.services.test_meetings import _second_desk_meanwhile

    first, second, engine = pg_desks
    s, m, now = opened(first)
    iid, a, seat = m.instance_id, s.agents, s.seats

    def desk_a(tx):
        shift_store.lock_instance(tx, iid)
        seat_store.replace_assignments(tx, iid, [SeatAssignment(seat["A01"].id, a["1001"].id)], "desk A", now)

    after = _second_desk_meanwhile(first, engine, desk_a,
                                   lambda: seating.assign(second, iid, seat["A02"].id, a["1002"].id, "desk B", now))
    assert pairs(after, s) == [("A01", "1001"), ("A02", "1002")]
    assert pairs(seating.seat_map(first, iid, now), s) == [("A01", "1001"), ("A02", "1002")]
