"""Seating rules: conflicts of a seating, and the automatic assignment rule by rule; properties over random floors."""

import random
from collections import Counter
from datetime import datetime, timezone

from hypothesis import given, settings
from hypothesis import strategies as st

from app.domain.people import Agent
from app.domain.seat_rules import auto_assign, conflicts, snake_order
from app.domain.seating import (
    SEAT_H,
    SEAT_W,
    Conflict,
    ConflictKind,
    OutOfService,
    Seat,
    SeatAssignment,
    Unplaced,
    UnplacedReason,
    Zone,
    ZoneKind,
)

K = ConflictKind
R = UnplacedReason
N, Q, T, KA = ZoneKind.NORMAL, ZoneKind.QUIET, ZoneKind.TRAINING, ZoneKind.KEPT_APART
BROKEN = OutOfService("headset broken", datetime(2026, 11, 26, 15, tzinfo=timezone.utc), by="Grace Chen")


def floor(*zones: tuple[ZoneKind, int], per_row: int = 5, floor_id: int = 1, first_id: int = 1):
    """Zones side by side (ids 1, 2, ...), each with `count` seats in rows of `per_row`; seat ids from first_id,
    codes "<zone>-<n>" (zone letter A, B, ...). Returns (zones, seats)."""
    zs, seats = [], []
    sid = first_id
    for zi, (kind, count) in enumerate(zones):
        x0 = zi * 1000.0
        zone = Zone(zi + 1, floor_id, f"Zone {chr(65 + zi)}", "#dfe9f5", kind, x0, 0.0, 900.0, 900.0)
        zs.append(zone)
        for n in range(count):
            seats.append(Seat(sid, floor_id, f"{chr(65 + zi)}-{n + 1}", x0 + (n % per_row) * 70.0,
                              (n // per_row) * 60.0, zone_id=zone.id))
            sid += 1
    return zs, seats


def agent(i: int, team: int | None = 1, trainee: bool = False, fixed: str | None = None) -> Agent:
    return Agent(i, 1, f"E{i:04d}", f"Agent {i}", team_id=team, team_name=None if team is None else f"Team {team}",
                 skills=("cards", "trainee") if trainee else ("cards",), fixed_seat=fixed)


def seated(result) -> dict[int, int]:
    """agent id -> seat id (asserting nobody sits twice)."""
    out = {p.agent_id: p.seat_id for p in result.assignments}
    assert len(out) == len(result.assignments)
    return out


def zone_of(seats, result) -> dict[int, int | None]:
    by_id = {s.id: s for s in seats}
    return {a: by_id[s].zone_id for a, s in seated(result).items()}


def pair(seat_id: int, agent_id: int) -> SeatAssignment:
    return SeatAssignment(seat_id, agent_id)


# --- conflicts -------------------------------------------------------------------------------------

def test_no_conflicts_in_a_clean_seating():
    zones, seats = floor((N, 4))
    assert conflicts(seats, zones, [pair(1, 10), pair(2, 11)], absent_ids=()) == ()
    assert conflicts(seats, zones, [], absent_ids={10}) == ()


def test_two_agents_on_one_seat_and_one_agent_on_two_seats():
    zones, seats = floor((N, 4))
    found = conflicts(seats, zones, [pair(1, 12), pair(1, 10), pair(3, 11), pair(2, 11)], absent_ids=())
    assert found == (Conflict(K.SHARED_SEAT, (1,), (10, 12)), Conflict(K.TWO_SEATS, (2, 3), (11,)))


def test_the_same_pair_twice_is_no_conflict():
    zones, seats = floor((N, 2))
    assert conflicts(seats, zones, [pair(1, 10), pair(1, 10)], absent_ids=()) == ()


def test_an_absent_agent_still_seated_names_all_its_seats():
    zones, seats = floor((N, 4))
    found = conflicts(seats, zones, [pair(4, 10), pair(2, 10), pair(3, 11)], absent_ids=frozenset({10, 99}))
    assert found == (Conflict(K.TWO_SEATS, (2, 4), (10,)), Conflict(K.ABSENT_SEATED, (2, 4), (10,)))


def test_an_out_of_service_seat_in_use():
    zones, seats = floor((N, 3))
    seats[1] = Seat(2, 1, "A-2", 70.0, 0.0, zone_id=1, out_of_service=BROKEN)
    assert conflicts(seats, zones, [pair(2, 10), pair(1, 11)], ()) == (Conflict(K.OUT_OF_SERVICE_IN_USE, (2,), (10,)),)
    assert conflicts(seats, zones, [pair(1, 11)], ()) == ()  # out of service and free: fine


def test_a_kept_apart_seat_in_use_unless_allowed():
    zones, seats = floor((N, 2), (KA, 2))
    used = [pair(3, 10), pair(1, 11)]
    assert conflicts(seats, zones, used, ()) == (Conflict(K.KEPT_APART_IN_USE, (3,), (10,)),)
    assert conflicts(seats, zones, used, (), allow_kept_apart=True) == ()


def test_pairs_on_unknown_seats_count_only_as_shared_two_seats_or_absent():
    zones, seats = floor((N, 2))
    found = conflicts(seats, zones, [pair(77, 10), pair(77, 11), pair(1, 10)], absent_ids={11})
    assert found == (Conflict(K.SHARED_SEAT, (77,), (10, 11)), Conflict(K.TWO_SEATS, (1, 77), (10,)),
                     Conflict(K.ABSENT_SEATED, (77,), (11,)))


def test_conflicts_come_in_kind_order_whatever_the_input_order():
    zones, seats = floor((N, 4), (KA, 2))
    seats[0] = Seat(1, 1, "A-1", 0.0, 0.0, zone_id=1, out_of_service=BROKEN)
    used = [pair(1, 10), pair(1, 11), pair(5, 12), pair(6, 12), pair(2, 13), pair(3, 14), pair(3, 15)]
    expected = (Conflict(K.SHARED_SEAT, (1,), (10, 11)), Conflict(K.SHARED_SEAT, (3,), (14, 15)),
                Conflict(K.TWO_SEATS, (5, 6), (12,)), Conflict(K.ABSENT_SEATED, (2,), (13,)),
                Conflict(K.OUT_OF_SERVICE_IN_USE, (1,), (10, 11)),
                Conflict(K.KEPT_APART_IN_USE, (5,), (12,)), Conflict(K.KEPT_APART_IN_USE, (6,), (12,)))
    rng = random.Random(6)
    for _ in range(5):
        rng.shuffle(used), rng.shuffle(seats)
        assert conflicts(seats, zones, used, absent_ids=[13]) == expected


# --- auto_assign: what is usable ---------------------------------------------------------------------

def test_everyone_present_is_seated_and_the_absent_are_not():
    zones, seats = floor((N, 10))
    people = [agent(i) for i in range(1, 8)]
    result = auto_assign(seats, zones, people, present_ids={1, 2, 3, 5, 8})  # 8: no such agent, ignored
    assert sorted(seated(result)) == [1, 2, 3, 5] and result.unplaced == ()


def test_never_an_out_of_service_seat():
    zones, seats = floor((N, 4))
    seats = [Seat(s.id, s.floor_id, s.code, s.x, s.y, zone_id=s.zone_id, out_of_service=BROKEN if s.id % 2 else None)
             for s in seats]
    result = auto_assign(seats, zones, [agent(i) for i in range(1, 4)], {1, 2, 3})
    assert set(seated(result).values()) == {2, 4}
    assert result.unplaced == (Unplaced(3, R.NO_FREE_SEAT),)


def test_kept_apart_zones_only_when_allowed_and_then_before_training():
    zones, seats = floor((N, 2), (KA, 2), (T, 2))
    people = [agent(i) for i in range(1, 6)]
    closed = auto_assign(seats, zones, people, set(range(1, 6)))
    assert Counter(zone_of(seats, closed).values()) == {1: 2, 3: 2}  # normal, then training as last resort
    assert closed.unplaced == (Unplaced(5, R.NO_FREE_SEAT),)
    opened = auto_assign(seats, zones, people, set(range(1, 6)), allow_kept_apart=True)
    assert Counter(zone_of(seats, opened).values()) == {1: 2, 2: 2, 3: 1}


def test_seats_in_no_zone_count_as_normal():
    zones, seats = floor((Q, 2))
    seats.append(Seat(9, 1, "X-1", 5000.0, 0.0))
    seats.append(Seat(10, 1, "X-2", 5000.0, 0.0, zone_id=42))  # its zone retired: no zone
    result = auto_assign(seats, zones, [agent(1), agent(2)], {1, 2})
    assert set(seated(result).values()) == {9, 10}


# --- auto_assign: keeping the current seating -------------------------------------------------------

def test_present_agents_keep_their_usable_seats():
    zones, seats = floor((N, 6), (KA, 2))
    seats[2] = Seat(3, 1, "A-3", 140.0, 0.0, zone_id=1, out_of_service=BROKEN)
    people = [agent(i) for i in range(1, 6)]
    current = [pair(6, 1), pair(5, 2), pair(3, 3), pair(7, 4), pair(1, 5)]  # 5: absent; 3: broken; 7: kept apart
    result = auto_assign(seats, zones, people, {1, 2, 3, 4}, current)
    got = seated(result)
    assert got[1] == 6 and got[2] == 5
    assert 5 not in got and got[3] not in (3, 7) and got[4] not in (3, 7)
    assert auto_assign(seats, zones, people, {1, 2, 3, 4}, current, allow_kept_apart=True).assignments.count(
        pair(7, 4)) == 1


def test_keep_current_false_starts_afresh():
    zones, seats = floor((N, 6))
    people = [agent(1), agent(2)]
    fresh = auto_assign(seats, zones, people, {1, 2}, [pair(6, 1), pair(5, 2)], keep_current=False)
    assert fresh == auto_assign(seats, zones, people, {1, 2})
    assert sorted(seated(fresh).values()) == [1, 2]


def test_conflicting_current_pairs_are_resolved_fixed_seat_owner_first_then_the_earlier_pair():
    zones, seats = floor((N, 6))
    people = [agent(1), agent(2, fixed="a-2 "), agent(3), agent(4)]
    current = [pair(2, 1), pair(2, 2), pair(3, 3), pair(4, 3), pair(5, 4), pair(1, 2)]
    got = seated(auto_assign(seats, zones, people, {1, 2, 3, 4}, current))
    assert got[2] == 2  # agent 2's fixed seat, although agent 1 was listed first on it
    assert got[3] == 3  # on two seats: the earlier pair
    assert got[4] == 5
    assert got[1] not in (2, 3, 5)  # moved to a free seat


def test_seated_elsewhere_now_keeps_that_seat_over_its_fixed_seat():
    zones, seats = floor((N, 4))
    got = seated(auto_assign(seats, zones, [agent(1, fixed="A-1")], {1}, [pair(4, 1)]))
    assert got == {1: 4}


# --- auto_assign: fixed seats --------------------------------------------------------------------------

def test_fixed_seats_first_matched_trimmed_and_case_insensitive():
    zones, seats = floor((N, 6), (T, 2))
    people = [agent(1), agent(2, fixed=" a-5"), agent(3, fixed="B-2"), agent(4, trainee=True, fixed="A-6")]
    got = seated(auto_assign(seats, zones, people, {1, 2, 3, 4}))
    assert got[2] == 5 and got[3] == 8
    assert got[4] == 6  # a trainee's fixed seat is honoured even outside the training zone


def test_fixed_seat_taken_is_a_note_and_the_agent_sits_elsewhere():
    zones, seats = floor((N, 4))
    people = [agent(1, fixed="A-1"), agent(2, fixed="A-1"), agent(3, fixed="A-2")]
    result = auto_assign(seats, zones, people, {1, 2, 3}, current=[pair(2, 9)], keep_current=True)
    got = seated(result)
    assert got[1] == 1 and got[3] == 2 and got[2] in (3, 4)
    assert result.unplaced == (Unplaced(2, R.FIXED_SEAT_TAKEN, "A-1", placed=True),)
    kept = auto_assign(seats, zones, [agent(5), *people], {1, 2, 3, 5}, current=[pair(1, 5)])
    assert seated(kept)[5] == 1 and Unplaced(1, R.FIXED_SEAT_TAKEN, "A-1", placed=True) in kept.unplaced


def test_fixed_seat_unusable_out_of_service_kept_apart_or_unknown():
    zones, seats = floor((N, 3), (KA, 1))
    seats[0] = Seat(1, 1, "A-1", 0.0, 0.0, zone_id=1, out_of_service=BROKEN)
    people = [agent(1, fixed="A-1"), agent(2, fixed="B-1"), agent(3, fixed="Z-9")]
    result = auto_assign(seats, zones, people, {1, 2, 3})
    assert result.unplaced == (Unplaced(1, R.FIXED_SEAT_UNUSABLE, "A-1", True),
                               Unplaced(2, R.FIXED_SEAT_UNUSABLE, "B-1", True),
                               Unplaced(3, R.FIXED_SEAT_UNUSABLE, "Z-9", False), Unplaced(3, R.NO_FREE_SEAT))
    assert sorted(seated(result).values()) == [2, 3]
    allowed = auto_assign(seats, zones, people, {1, 2, 3}, allow_kept_apart=True)
    assert seated(allowed)[2] == 4


def test_a_fixed_seat_code_on_two_floors_the_lowest_floor_first():
    zones1, seats1 = floor((N, 2), floor_id=2)
    zones2, seats2 = floor((N, 2), floor_id=1, first_id=10)
    zones2 = [Zone(9, 1, z.name, z.colour, z.kind, z.x, z.y, z.width, z.height) for z in zones2]
    seats2 = [Seat(s.id, 1, s.code, s.x, s.y, zone_id=9) for s in seats2]
    result = auto_assign(seats1 + seats2, zones1 + zones2, [agent(1, fixed="A-1"), agent(2, fixed="A-1")], {1, 2})
    assert seated(result) == {1: 10, 2: 1} and result.unplaced == ()


# --- auto_assign: trainees and the order of zones ---------------------------------------------------------

def test_trainees_only_in_the_training_zone_and_reported_when_it_is_full():
    zones, seats = floor((N, 6), (T, 2))
    people = [agent(1, trainee=True), agent(2), agent(3, trainee=True), agent(4, trainee=True),
              Agent(5, 1, "E5", "新人 5", skills=("新员工",))]
    result = auto_assign(seats, zones, people, {1, 2, 3, 4, 5})
    z = zone_of(seats, result)
    assert z[1] == z[3] == 2 and z[2] == 1 and 4 not in z and 5 not in z
    assert result.unplaced == (Unplaced(4, R.NO_TRAINING_SEAT), Unplaced(5, R.NO_TRAINING_SEAT))


def test_others_fill_normal_then_quiet_then_training_as_a_last_resort():
    zones, seats = floor((T, 3), (Q, 3), (N, 3))
    people = [agent(i, team=i % 3) for i in range(1, 11)]
    for present, expected in ((3, {3: 3}), (5, {3: 3, 2: 2}), (8, {3: 3, 2: 3, 1: 2})):
        result = auto_assign(seats, zones, people[:present], set(range(1, present + 1)))
        assert Counter(zone_of(seats, result).values()) == expected
    full = auto_assign(seats, zones, people, set(range(1, 11)))
    assert len(full.assignments) == 9 and [u.reason for u in full.unplaced] == [R.NO_FREE_SEAT]


def test_trainees_get_the_training_seats_before_others_overflow_into_them():
    zones, seats = floor((N, 2), (T, 2))
    people = [agent(1), agent(2), agent(3), agent(4, trainee=True)]
    z = zone_of(seats, auto_assign(seats, zones, people, {1, 2, 3, 4}))
    assert z[4] == 2 and sorted(z[i] for i in (1, 2, 3)) == [1, 1, 2]


# --- auto_assign: teams kept together ------------------------------------------------------------------------

def test_each_team_sits_in_one_zone_when_it_fits_biggest_first_best_fit():
    zones, seats = floor((N, 10), (N, 10), (N, 10))
    sizes = {1: 4, 2: 10, 3: 6, 4: 8}
    people, i = [], 1
    for team, size in sizes.items():
        for _ in range(size):
            people.append(agent(i, team=team))
            i += 1
    rng = random.Random(1)
    rng.shuffle(people)
    result = auto_assign(seats, zones, people, {a.id for a in people})
    z = zone_of(seats, result)
    zones_of_team = {t: {z[a.id] for a in people if a.team_id == t} for t in sizes}
    assert all(len(v) == 1 for v in zones_of_team.values()), zones_of_team
    assert zones_of_team == {2: {1}, 4: {2}, 3: {3}, 1: {3}}


def test_a_team_too_big_for_any_zone_takes_as_few_zones_as_possible():
    zones, seats = floor((N, 6), (N, 10), (N, 4))
    people = [agent(i, team=1) for i in range(1, 15)]
    z = zone_of(seats, auto_assign(seats, zones, people, set(range(1, 15))))
    assert Counter(z.values()) == {2: 10, 3: 4}


def test_a_team_sits_on_neighbouring_seats_in_a_snake_through_the_rows():
    zones, seats = floor((N, 20))  # rows of 5
    people = [agent(i, team=1) for i in range(1, 4)] + [agent(i, team=2) for i in range(4, 11)]
    got = seated(auto_assign(seats, zones, people, set(range(1, 11))))
    assert sorted(got[i] for i in range(4, 11)) == [1, 2, 3, 4, 5, 9, 10]  # 7: row 1 and row 2's right end
    assert sorted(got[i] for i in range(1, 4)) == [6, 7, 8]  # 3: the snake goes on leftwards
    by_id = {s.id: s for s in seats}
    for team in ((1, 2, 3), range(4, 11)):  # each seat next to another of its team
        spots = [by_id[got[i]] for i in team]
        for s in spots:
            assert any(abs(s.x - o.x) <= SEAT_W + 10 and abs(s.y - o.y) <= SEAT_H + 10 for o in spots if o is not s)


def test_new_team_members_join_the_zone_where_their_team_sits():
    zones, seats = floor((N, 6), (N, 10))  # seats 1-6 and 7-16
    people = [agent(1, team=7), agent(2, team=7), agent(3, team=8)]
    got = seated(auto_assign(seats, zones, people, {1, 2, 3}, current=[pair(12, 1)]))
    assert got[1] == 12 and 7 <= got[2] <= 16  # with its team, though zone A is the better fit
    assert got[3] <= 6  # best fit: zone A has 6 free seats, zone B 8


def test_agents_without_a_team_fill_in_after_the_teams():
    zones, seats = floor((N, 4), (N, 3))
    people = [agent(1, team=None), agent(2, team=None), agent(3, team=5), agent(4, team=5), agent(5, team=5)]
    z = zone_of(seats, auto_assign(seats, zones, people, {1, 2, 3, 4, 5}))
    assert z[3] == z[4] == z[5] == 2 and z[1] == z[2] == 1


def test_snake_order_groups_rows_by_half_a_seat():
    s = [Seat(1, 1, "a", 0, 0), Seat(2, 1, "b", 70, 10), Seat(3, 1, "c", 140, -5), Seat(4, 1, "d", 0, 60),
         Seat(5, 1, "e", 70, 62), Seat(6, 1, "f", 0, 130)]
    assert [x.id for x in snake_order(s)] == [1, 2, 3, 5, 4, 6]


# --- auto_assign: deterministic ----------------------------------------------------------------------------

def test_the_same_inputs_in_any_order_give_the_same_seating():
    zones, seats = floor((N, 20), (Q, 10), (T, 6), (KA, 4), per_row=4)
    people = [agent(i, team=i % 4 or None, trainee=i % 9 == 0, fixed="A-3" if i == 5 else None) for i in range(1, 36)]
    present = {a.id for a in people if a.id % 7}
    first = auto_assign(seats, zones, people, present, [pair(2, 1), pair(30, 2)])
    rng = random.Random(3)
    for _ in range(5):
        rng.shuffle(seats), rng.shuffle(zones)
        assert auto_assign(seats, zones, people, sorted(present, reverse=True), [pair(2, 1), pair(30, 2)]) == first


# --- properties --------------------------------------------------------------------------------------------

@st.composite
def worlds(draw):
    kinds = draw(st.lists(st.sampled_from(list(ZoneKind)), min_size=0, max_size=5))
    counts = [draw(st.integers(0, 8)) for _ in kinds]
    zones, seats = floor(*zip(kinds, counts)) if kinds else ([], [])
    loose = draw(st.integers(0, 4))  # seats in no zone
    seats += [Seat(100 + i, 1, f"X-{i}", 9000.0 + 70 * i, 0.0) for i in range(loose)]
    broken = draw(st.sets(st.sampled_from([s.id for s in seats]))) if seats else set()
    seats = [Seat(s.id, s.floor_id, s.code, s.x, s.y, zone_id=s.zone_id,
                  out_of_service=BROKEN if s.id in broken else None) for s in seats]
    codes = [s.code for s in seats][:4] + ["nope"]  # a few codes, so that fixed seats collide
    n = draw(st.integers(0, 40))
    people = [agent(i, team=draw(st.sampled_from([None, 1, 2, 3])), trainee=draw(st.integers(0, 3)) == 0,
                    fixed=draw(st.sampled_from(codes)) if draw(st.integers(0, 4)) == 0 else None)
              for i in range(1, n + 1)]
    present = {i for i in range(1, n + 1) if draw(st.integers(0, 4))}  # mostly present: the floor fills up
    ids = [s.id for s in seats] + [999]
    current = draw(st.lists(st.builds(SeatAssignment, st.sampled_from(ids), st.integers(1, n + 2)), max_size=15)) \
        if n else []
    return zones, seats, people, present, current, draw(st.booleans()), draw(st.booleans())


@settings(max_examples=300, deadline=None)
@given(worlds())
def test_properties_of_the_automatic_assignment(world):
    zones, seats, people, present, current, allow, keep = world
    result = auto_assign(seats, zones, people, present, current, allow_kept_apart=allow, keep_current=keep)
    by_id = {s.id: s for s in seats}
    kind = {z.id: z.kind for z in zones}
    got = seated(result)  # nobody on two seats
    assert len(set(got.values())) == len(got), "two agents on one seat"
    for agent_id, seat_id in got.items():
        seat = by_id[seat_id]
        assert seat.out_of_service is None
        assert allow or kind.get(seat.zone_id) is not KA
        assert agent_id in present  # absent agents (and unknown ones) never seated
    # every present agent seated or reported as not seated, exactly once; notes say where the agent ended up
    for a in people:
        if a.id not in present:
            assert all(u.agent_id != a.id for u in result.unplaced)
            continue
        left = [u for u in result.unplaced if u.agent_id == a.id and u.reason in (R.NO_FREE_SEAT, R.NO_TRAINING_SEAT)]
        assert (a.id in got) != (len(left) == 1) and len(left) <= 1
        for note in (u for u in result.unplaced if u.agent_id == a.id and u not in left):
            assert note.placed == (a.id in got) and note.detail == a.fixed_seat.strip()
    kept = set(current) if keep else set()
    used = set(got.values())
    free_other = [s for s in seats if s.id not in used and s.out_of_service is None
                  and kind.get(s.zone_id) is not T and (allow or kind.get(s.zone_id) is not KA)]
    for a in people:
        if a.id not in got or SeatAssignment(got[a.id], a.id) in kept or a.fixed_seat == by_id[got[a.id]].code:
            continue
        in_training = kind.get(by_id[got[a.id]].zone_id) is T
        if "trainee" in a.skills:
            assert in_training
        elif in_training:
            assert not free_other, "an agent in the training zone while other seats are free"
    # the new seating has no conflicts, and the same inputs give the same result
    absent = {a.id for a in people} - set(present)
    assert conflicts(seats, zones, result.assignments, absent, allow_kept_apart=allow) == ()
    assert auto_assign(seats[::-1], zones[::-1], people, present, current, allow, keep) == result
