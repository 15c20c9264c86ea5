"""Notices: acknowledgement states per version, what is in force and in which order, expiry."""

from datetime import datetime, timedelta, timezone

from app.domain.notices import AckState, Notice, NoticeAck, Priority, in_force

T0 = datetime(2026, 3, 2, 8, 0, tzinfo=timezone.utc)


def notice(id=1, priority=Priority.NORMAL, start=T0, end=None, version=1, acks=()) -> Notice:
    return Notice(id, 1, f"notice {id}", "text", priority, start, end, False, "kb/x", version, acks=acks)


def ack(sup: int, version: int, minutes: int = 0) -> NoticeAck:
    return NoticeAck(1, sup, f"sup {sup}", version, T0 + timedelta(minutes=minutes))


def test_ack_states():
    n = notice(version=3, acks=(ack(10, 3), ack(11, 2), ack(12, 1), ack(12, 3, minutes=5)))
    assert n.ack_state(10) is AckState.DONE
    assert n.ack_state(11) is AckState.OUTDATED  # acknowledged version 2; the notice changed since
    assert n.ack_state(12) is AckState.DONE  # acknowledged again after the change
    assert n.ack_state(13) is AckState.NEEDED


def test_current_acks_one_per_supervisor_the_first_of_this_version():
    n = notice(version=2, acks=(ack(10, 2, minutes=9), ack(10, 2, minutes=3), ack(11, 1), ack(12, 2, minutes=1)))
    assert [(a.supervisor_id, a.at) for a in n.current_acks()] == [
        (12, T0 + timedelta(minutes=1)), (10, T0 + timedelta(minutes=3)),
    ]


def test_in_force_and_expiry_bounds():
    n = notice(start=T0, end=T0 + timedelta(days=1))
    assert not n.in_force(T0 - timedelta(seconds=1))
    assert n.in_force(T0) and n.in_force(T0 + timedelta(hours=23))
    assert not n.in_force(T0 + timedelta(days=1))  # the end is not included
    assert not n.expired(T0 + timedelta(hours=23)) and n.expired(T0 + timedelta(days=1))
    forever = notice(end=None)
    assert forever.in_force(T0 + timedelta(days=3650)) and not forever.expired(T0 + timedelta(days=3650))
    assert not forever.expired(T0 - timedelta(days=1))  # not yet in force is not expired


def test_in_force_order_priority_then_newest_then_id():
    now = T0 + timedelta(days=2)
    notices = [
        notice(1, Priority.NORMAL, start=T0),
        notice(2, Priority.URGENT, start=T0),
        notice(3, Priority.NORMAL, start=T0 + timedelta(days=1)),
        notice(4, Priority.LOW, start=T0),
        notice(5, Priority.HIGH, start=T0, end=T0 + timedelta(days=1)),  # expired
        notice(6, Priority.URGENT, start=now + timedelta(minutes=1)),  # not yet
        notice(7, Priority.NORMAL, start=T0),
    ]
    assert [n.id for n in in_force(notices, now)] == [2, 3, 1, 7, 4]
    assert [p.rank for p in Priority] == [0, 1, 2, 3]
    assert in_force([], now) == ()
