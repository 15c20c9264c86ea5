"""Two desks changing one shift's seats: a change carries what its desk saw of the seats; when another desk changed
one of the seats it touches meanwhile, SeatConflictError holds both versions (who changed it, when) and nothing is
stored; sent again with `seen_now` it applies on top of the stored version. On SQLite (two consoles on one file) and
PostgreSQL (two consoles on one schema, and a change made while the other desk holds the shift)."""

from __future__ import annotations

import pytest

from app.domain.errors import InvalidSettingError, SeatConflictError
from app.domain.seating import OutOfService, SeatAssignment, SeatingChange, SeatVersion, seen_in
from app.services import seating
from app.services.console import Console
from tests.services.seat_world import build_seats
from tests.services.shift_world import DAY, at
from tests.services.test_meetings import pg_desks  # noqa: F401  (fixture)
from tests.services.test_seating import pairs


@pytest.fixture
def desks(db_url):
    """Two consoles (two desks, two engines) on one database: a SQLite file or a PostgreSQL schema."""
    first, second = Console.open(db_url), Console.open(db_url)
    try:
        yield first, second
    finally:
        first.close()
        second.close()


def opened(desks):
    """The seat world built by desk A; both desks show the morning shift's map (empty seating) at 07:00."""
    a, b = desks
    s = build_seats(a)
    now = at(a, DAY, 7)
    map_a = seating.load_seat_map(a, DAY, s.world.morning.id, now)
    map_b = seating.seat_map(b, map_a.instance_id, now)
    return s, map_a, map_b, now


def test_seating_a_seat_another_desk_just_filled_stores_nothing_and_shows_both(desks):
    a, b = desks
    s, map_a, map_b, now = opened(desks)
    iid, agent, seat = map_a.instance_id, s.agents, s.seats
    later = at(a, DAY, 7, 5)
    seating.assign(b, iid, seat["A01"].id, agent["1001"].id, "Tom Baker", later, seen=seen_in(map_b))

    with pytest.raises(SeatConflictError) as caught:
        seating.assign(a, iid, seat["A01"].id, agent["1002"].id, "王丽", at(a, DAY, 7, 6), seen=seen_in(map_a))
    error = caught.value
    assert [c.seat_code for c in error.seats] == ["A01"]
    changed = error.seats[0]
    assert changed.seen == SeatVersion(seat["A01"].id)  # free when desk A looked
    assert changed.stored == SeatVersion(seat["A01"].id, (agent["1001"].id,))
    assert changed.wanted == SeatVersion(seat["A01"].id, (agent["1002"].id,))
    assert (changed.changed_by, changed.changed_at) == ("Tom Baker", later)
    assert error.names == {agent["1001"].id: "Zhang Wei", agent["1002"].id: "Anna Li"}
    assert error.instance_id == iid and "A01" in str(error)
    # Nothing of desk A's change was stored: both desks read desk B's seating.
    assert pairs(seating.seat_map(a, iid, now), s) == [("A01", "1001")]
    assert pairs(seating.seat_map(b, iid, now), s) == [("A01", "1001")]

    # Desk A chooses its own version: the same change on top of the stored one.
    after = seating.assign(a, iid, seat["A01"].id, agent["1002"].id, "王丽", at(a, DAY, 7, 7), seen=error.seen_now)
    assert pairs(after, s) == [("A01", "1002")]
    assert pairs(seating.seat_map(b, iid, now), s) == [("A01", "1002")]


def test_changes_to_seats_the_other_desk_did_not_touch_go_through_and_keep_its_change(desks):
    a, b = desks
    s, map_a, map_b, now = opened(desks)
    iid, agent, seat = map_a.instance_id, s.agents, s.seats
    seating.assign(b, iid, seat["A01"].id, agent["1001"].id, "Tom Baker", now, seen=seen_in(map_b))
    after = seating.assign(a, iid, seat["A02"].id, agent["1002"].id, "王丽", now, seen=seen_in(map_a))
    assert pairs(after, s) == [("A01", "1001"), ("A02", "1002")]
    # A desk's own earlier change is what it saw last: its next change on that seat is no conflict.
    after = seating.swap(a, iid, seat["A02"].id, seat["A03"].id, "王丽", now, seen=seen_in(after))
    assert pairs(after, s) == [("A01", "1001"), ("A03", "1002")]



def test_a_write_tells_what_it_changed_itself_not_what_another_desk_stored_before_it(desks):
    """Desk B seats Zhang Wei on A01 and puts A04 out of service; desk A's writes answer with the whole seating, but
    each one's `change` holds only its own pairs and seats (as it left them), told from inside its transaction."""
    a, b = desks
    s, map_a, map_b, now = opened(desks)
    iid, agent, seat = map_a.instance_id, s.agents, s.seats
    a01, a02, a03, a04 = (seat[c].id for c in ("A01", "A02", "A03", "A04"))
    zhang, anna, li = agent["1001"].id, agent["1002"].id, agent["1003"].id
    seating.assign(b, iid, a01, zhang, "Tom Baker", now, seen=seen_in(map_b))
    assert seating.seat_map(a, iid, now).change is None  # a map read changed nothing

    after = seating.assign(a, iid, a02, anna, "王丽", now, seen=seen_in(map_a))
    assert pairs(after, s) == [("A01", "1001"), ("A02", "1002")]
    assert after.change == SeatingChange(frozenset({SeatAssignment(a02, anna)}), frozenset(),
                                         (SeatVersion(a02, (anna,)),))
    after = seating.swap(a, iid, a02, a03, "王丽", now, seen=seen_in(after))
    assert after.change == SeatingChange(frozenset({SeatAssignment(a03, anna)}), frozenset({SeatAssignment(a02, anna)}),
                                         (SeatVersion(a02), SeatVersion(a03, (anna,))))
    # Zhang Wei (desk B's) moved onto Anna Li's seat: he leaves A01, she is unseated.
    after = seating.assign(a, iid, a03, zhang, "王丽", now, seen=seen_in(after))
    assert pairs(after, s) == [("A03", "1001")]
    assert after.change == SeatingChange(frozenset({SeatAssignment(a03, zhang)}),
                                         frozenset({SeatAssignment(a01, zhang), SeatAssignment(a03, anna)}),
                                         (SeatVersion(a01), SeatVersion(a03, (zhang,))))

    since = at(a, DAY, 7, 40)
    seating.set_out_of_service(b, a04, "PC down", None, "Tom Baker", since, seen=seen_in(seating.seat_map(b, iid, now)))
    after = seating.assign(a, iid, a04, li, "王丽", since, seen=seen_in(seating.seat_map(a, iid, since)))
    assert after.change.seats == (SeatVersion(a04, (li,), OutOfService("PC down", since, None, "Tom Baker")),)
    # An undo of that gesture, and automatic assignment (its map beside its notes), tell theirs too.
    after = seating.change_seating(a, iid, [], [SeatAssignment(a04, li)], "王丽", since, seen=seen_in(after))
    assert after.change == SeatingChange(frozenset(), frozenset({SeatAssignment(a04, li)}),
                                         (SeatVersion(a04, (), OutOfService("PC down", since, None, "Tom Baker")),))
    auto, result = seating.auto_assign(a, iid, "王丽", since, seen=seen_in(after))
    assert auto.change.added and auto.change.added == frozenset(result.assignments) - frozenset(after.assignments)
    assert auto.change.removed == frozenset() and [v.seat_id for v in auto.change.seats] == sorted(
        {p.seat_id for p in auto.change.added})

def test_moving_an_agent_another_desk_moved_meanwhile_names_the_seat_it_moved_to(desks):
    a, b = desks
    s, map_a, _, now = opened(desks)
    iid, agent, seat = map_a.instance_id, s.agents, s.seats
    map_a = seating.assign(a, iid, seat["A01"].id, agent["1001"].id, "王丽", now)
    map_b = seating.seat_map(b, iid, now)
    seating.assign(b, iid, seat["A03"].id, agent["1001"].id, "Tom Baker", at(a, DAY, 7, 10), seen=seen_in(map_b))

    with pytest.raises(SeatConflictError) as caught:  # desk A still shows Zhang Wei on A01 and moves him to A02
        seating.assign(a, iid, seat["A02"].id, agent["1001"].id, "王丽", at(a, DAY, 7, 11), seen=seen_in(map_a))
    (changed,) = caught.value.seats
    assert changed.seat_code == "A03"  # he would leave A03, a seat desk A saw free
    assert (changed.seen.agent_ids, changed.stored.agent_ids, changed.wanted.agent_ids) == (
        (), (agent["1001"].id,), ())
    assert changed.changed_by == "Tom Baker"
    assert pairs(seating.seat_map(a, iid, now), s) == [("A03", "1001")]


def test_freeing_a_seat_whose_agent_another_desk_replaced(desks):
    a, b = desks
    s, map_a, _, now = opened(desks)
    iid, agent, seat = map_a.instance_id, s.agents, s.seats
    map_a = seating.assign(a, iid, seat["A01"].id, agent["1001"].id, "王丽", now)
    map_b = seating.seat_map(b, iid, now)
    seating.assign(b, iid, seat["A01"].id, agent["1003"].id, "Tom Baker", at(a, DAY, 7, 20), seen=seen_in(map_b))

    with pytest.raises(SeatConflictError) as caught:
        seating.free_seat(a, iid, seat["A01"].id, "王丽", at(a, DAY, 7, 21), seen=seen_in(map_a))
    (changed,) = caught.value.seats
    assert (changed.seen.agent_ids, changed.stored.agent_ids, changed.wanted.agent_ids) == (
        (agent["1001"].id,), (agent["1003"].id,), ())
    assert caught.value.names[agent["1003"].id] == "李娜"
    assert pairs(seating.seat_map(a, iid, now), s) == [("A01", "1003")]  # desk A keeps theirs: nothing to do
    seating.free_seat(a, iid, seat["A01"].id, "王丽", at(a, DAY, 7, 22), seen=caught.value.seen_now)
    assert pairs(seating.seat_map(b, iid, now), s) == []


def test_a_seat_freed_by_another_desk_says_who_freed_it(desks):
    a, b = desks
    s, map_a, _, now = opened(desks)
    iid, agent, seat = map_a.instance_id, s.agents, s.seats
    map_a = seating.assign(a, iid, seat["A01"].id, agent["1001"].id, "王丽", now)
    freed_at = at(a, DAY, 7, 30)
    seating.free_seat(b, iid, seat["A01"].id, "Tom Baker", freed_at, seen=seen_in(seating.seat_map(b, iid, now)))

    with pytest.raises(SeatConflictError) as caught:  # desk A, still seeing Zhang Wei there, seats Anna Li
        seating.assign(a, iid, seat["A01"].id, agent["1002"].id, "王丽", at(a, DAY, 7, 31), seen=seen_in(map_a))
    (changed,) = caught.value.seats
    assert changed.stored == SeatVersion(seat["A01"].id)
    assert (changed.changed_by, changed.changed_at) == ("Tom Baker", freed_at)


def test_an_undo_on_a_seat_another_desk_changed_is_refused_too(desks):
    """Desk A seated Zhang Wei on A01 in place of 李娜; desk B then moved him to A03 and seated Anna Li on A01.
    Desk A's undo (李娜 back on A01, Zhang Wei off it) would seat 李娜 beside Anna Li: refused."""
    a, b = desks
    s, map_a, _, now = opened(desks)
    iid, agent, seat = map_a.instance_id, s.agents, s.seats
    seating.assign(a, iid, seat["A01"].id, agent["1003"].id, "王丽", now)
    map_a = seating.assign(a, iid, seat["A01"].id, agent["1001"].id, "王丽", now)
    map_b = seating.seat_map(b, iid, now)
    map_b = seating.assign(b, iid, seat["A03"].id, agent["1001"].id, "Tom Baker", now, seen=seen_in(map_b))
    seating.assign(b, iid, seat["A01"].id, agent["1002"].id, "Tom Baker", now, seen=seen_in(map_b))
    undo = ([SeatAssignment(seat["A01"].id, agent["1003"].id)], [SeatAssignment(seat["A01"].id, agent["1001"].id)])

    with pytest.raises(SeatConflictError) as caught:
        seating.change_seating(a, iid, *undo, "王丽", now, seen=seen_in(map_a))
    (changed,) = caught.value.seats
    assert (changed.seen.agent_ids, changed.stored.agent_ids, changed.wanted.agent_ids) == (
        (agent["1001"].id,), (agent["1002"].id,), tuple(sorted((agent["1002"].id, agent["1003"].id))))
    assert pairs(seating.seat_map(a, iid, now), s) == [("A01", "1002"), ("A03", "1001")]


def test_a_seat_put_out_of_service_by_another_desk(desks):
    a, b = desks
    s, map_a, map_b, now = opened(desks)
    iid, agent, seat = map_a.instance_id, s.agents, s.seats
    since = at(a, DAY, 7, 40)
    seating.set_out_of_service(b, seat["A04"].id, "PC down", None, "Tom Baker", since, seen=seen_in(map_b))
    map_b = seating.seat_map(b, iid, since)

    # Desk A seats someone there: refused, the outage shown as stored.
    with pytest.raises(SeatConflictError) as caught:
        seating.assign(a, iid, seat["A04"].id, agent["1001"].id, "王丽", at(a, DAY, 7, 41), seen=seen_in(map_a))
    (changed,) = caught.value.seats
    assert changed.stored == SeatVersion(seat["A04"].id, (), OutOfService("PC down", since, None, "Tom Baker"))
    assert changed.wanted == SeatVersion(seat["A04"].id, (agent["1001"].id,), changed.stored.out_of_service)
    assert (changed.changed_by, changed.changed_at) == ("Tom Baker", since)

    # Desk A puts it out of service with another reason: refused, nothing stored.
    mine = at(a, DAY, 7, 42)
    with pytest.raises(SeatConflictError) as caught:
        seating.set_out_of_service(a, seat["A04"].id, "headset broken", None, "王丽", mine, seen=seen_in(map_a))
    (changed,) = caught.value.seats
    assert changed.seen.out_of_service is None and changed.stored.out_of_service.reason == "PC down"
    assert changed.wanted.out_of_service == OutOfService("headset broken", mine, None, "王丽")
    assert [h.outage.reason for h in seating.outage_history(a, seat["A04"].id)] == ["PC down"]
    # ... and chooses its own: the stored outage is closed and replaced.
    out = seating.set_out_of_service(a, seat["A04"].id, "headset broken", None, "王丽", mine,
                                     seen=caught.value.seen_now)
    assert out.out_of_service.reason == "headset broken"
    assert [(h.outage.reason, h.cleared_by) for h in seating.outage_history(a, seat["A04"].id)] == [
        ("PC down", "王丽"), ("headset broken", None)]

    # Desk B, still seeing "PC down", brings it back in service: refused (desk A changed the outage).
    with pytest.raises(SeatConflictError) as caught:
        seating.clear_out_of_service(b, seat["A04"].id, "Tom Baker", at(a, DAY, 7, 50), seen=seen_in(map_b))
    assert caught.value.seats[0].stored.out_of_service.reason == "headset broken"
    assert caught.value.seats[0].wanted.out_of_service is None
    # A seat already back in service is left as it is, whatever the desk saw.
    fresh = seen_in(seating.seat_map(a, iid, now))
    seating.clear_out_of_service(a, seat["A04"].id, "王丽", at(a, DAY, 8), seen=fresh)
    seating.clear_out_of_service(b, seat["A04"].id, "Tom Baker", at(a, DAY, 8, 1), seen=fresh)
    assert seating.outage_history(a, seat["A04"].id)[-1].cleared_by == "王丽"


def test_what_another_shift_showed_is_no_base_for_a_change(desks):
    a, _ = desks
    s, map_a, _, now = opened(desks)
    evening = seating.load_seat_map(a, DAY, s.world.evening.id, now)
    with pytest.raises(InvalidSettingError, match="not that of shift"):
        seating.assign(a, map_a.instance_id, s.seats["A01"].id, s.agents["1001"].id, "王丽", now,
                       seen=seen_in(evening))
    assert seating.seat_map(a, map_a.instance_id, now).assignments == ()


@pytest.mark.pg
def test_a_change_waiting_for_the_other_desk_is_checked_against_what_that_desk_stored(pg_desks):
    """Desk A seats Zhang Wei on A01 in an open transaction; desk B, which saw A01 free, seats Anna Li there
    meanwhile: B waits for A's lock, then finds A01 changed and stores nothing."""
    from app.storage import seating as seat_store
    from app.storage import shifts as shift_store
    from tests.services.test_meetings import _second_desk_meanwhile

    first, second, engine = pg_desks
    s, map_a, map_b, now = opened((first, second))
    iid, agent, seat = map_a.instance_id, s.agents, s.seats

    def desk_a(tx):
        shift_store.lock_instance(tx, iid)
        seat_store.replace_assignments(tx, iid, [SeatAssignment(seat["A01"].id, agent["1001"].id)], "desk A", now)

    with pytest.raises(SeatConflictError) as caught:
        _second_desk_meanwhile(first, engine, desk_a, lambda: seating.assign(
            second, iid, seat["A01"].id, agent["1002"].id, "desk B", now, seen=seen_in(map_b)))
    (changed,) = caught.value.seats
    assert (changed.stored.agent_ids, changed.changed_by) == ((agent["1001"].id,), "desk A")
    assert pairs(seating.seat_map(second, iid, now), s) == [("A01", "1001")]


@pytest.mark.pg
def test_outage_changes_of_one_seat_take_turns(pg_desks):
    """Desk A puts A02 out of service in an open transaction; desk B, which saw it in service, does too meanwhile:
    B waits for A, then finds the seat changed and stores nothing."""
    from app.storage import seating as seat_store
    from tests.services.test_meetings import _second_desk_meanwhile

    first, second, engine = pg_desks
    s, map_a, map_b, now = opened((first, second))
    a02 = s.seats["A02"].id

    def desk_a(tx):
        seat_store.lock_seat(tx, a02)
        seat_store.add_outage(tx, a02, OutOfService("PC down", now, None, "desk A"))

    with pytest.raises(SeatConflictError) as caught:
        _second_desk_meanwhile(first, engine, desk_a, lambda: seating.set_out_of_service(
            second, a02, "phone line fault", None, "desk B", now, seen=seen_in(map_b)))
    assert caught.value.seats[0].stored.out_of_service.by == "desk A"
    assert [h.outage.reason for h in seating.outage_history(second, a02)] == ["PC down"]


@pytest.mark.pg
def test_a_write_that_waited_for_the_other_desk_tells_only_its_own_change(pg_desks):
    """Desk A seats Zhang Wei on A01 in an open transaction; desk B, which saw the map empty, seats Anna Li on A02
    meanwhile: B waits for A's lock, then stores its change. B's answer shows both, but its change is A02 alone: what
    B read before its write started (A01 free) cannot tell A's change from B's own."""
    from app.storage import seating as seat_store
    from app.storage import shifts as shift_store
    from tests.services.test_meetings import _second_desk_meanwhile

    first, second, engine = pg_desks
    s, map_a, map_b, now = opened((first, second))
    iid, agent, seat = map_a.instance_id, s.agents, s.seats

    def desk_a(tx):
        shift_store.lock_instance(tx, iid)
        seat_store.replace_assignments(tx, iid, [SeatAssignment(seat["A01"].id, agent["1001"].id)], "desk A", now)

    after = _second_desk_meanwhile(first, engine, desk_a, lambda: seating.assign(
        second, iid, seat["A02"].id, agent["1002"].id, "desk B", now, seen=seen_in(map_b)))
    assert pairs(after, s) == [("A01", "1001"), ("A02", "1002")]
    assert after.change == SeatingChange(frozenset({SeatAssignment(seat["A02"].id, agent["1002"].id)}), frozenset(),
                                         (SeatVersion(seat["A02"].id, (agent["1002"].id,)),))
