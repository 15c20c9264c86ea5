"""Shift definitions, slots on a day, special days and the current shift (midnight, handover overlap, DST)."""

from datetime import date, datetime, time, timedelta, timezone
from zoneinfo import ZoneInfo

from app.domain.shifts import ShiftDefinition, SpecialDay, current_shift, slots_on

SH = ZoneInfo("Asia/Shanghai")
BERLIN = ZoneInfo("Europe/Berlin")
D = date(2026, 3, 2)
MORNING = ShiftDefinition(1, 1, "早班", time(7), time(15, 30))
MIDDLE = ShiftDefinition(2, 1, "中班", time(14), time(22, 30))
NIGHT = ShiftDefinition(3, 1, "夜班", time(22), time(7, 30))
DEFS = (NIGHT, MIDDLE, MORNING)  # any order


def at(day: date, h: int, m: int = 0, tz=SH) -> datetime:
    return datetime.combine(day, time(h, m), tzinfo=tz)


def test_definition_window_hours_and_midnight():
    assert not MORNING.crosses_midnight and NIGHT.crosses_midnight
    assert MORNING.window(D, SH) == (at(D, 7), at(D, 15, 30))
    assert NIGHT.window(D, SH) == (at(D, 22), at(D + timedelta(1), 7, 30))
    assert (MORNING.hours, NIGHT.hours) == (8.5, 9.5)
    whole_day = ShiftDefinition(4, 1, "全天", time(8), time(8))
    assert whole_day.crosses_midnight and whole_day.hours == 24
    assert whole_day.window(D, SH) == (at(D, 8), at(D + timedelta(1), 8))


def test_slots_on_a_day_in_start_order():
    slots = slots_on(D, DEFS, SH)
    assert [(s.definition.name, s.day, s.start, s.end, s.special) for s in slots] == [
        ("早班", D, at(D, 7), at(D, 15, 30), None),
        ("中班", D, at(D, 14), at(D, 22, 30), None),
        ("夜班", D, at(D, 22), at(D + timedelta(1), 7, 30), None),
    ]
    assert slots[0].contains(at(D, 7)) and not slots[0].contains(at(D, 15, 30))  # [start, end)


def test_special_day_closed_and_clipped():
    holiday = date(2026, 5, 1)
    assert slots_on(holiday, DEFS, SH, SpecialDay(holiday, "劳动节")) == ()
    assert SpecialDay(holiday, "x", opens=time(9)).closed  # hours need both ends
    short = SpecialDay(holiday, "劳动节", opens=time(9), closes=time(18))
    slots = slots_on(holiday, DEFS, SH, short)
    assert [(s.definition.name, s.start, s.end, s.special) for s in slots] == [
        ("早班", at(holiday, 9), at(holiday, 15, 30), short),
        ("中班", at(holiday, 14), at(holiday, 18), short),
    ]  # the night starts after closing: it does not run
    late = SpecialDay(holiday, "除夕", opens=time(20), closes=time(2))  # closes after midnight
    slots = slots_on(holiday, DEFS, SH, late)
    assert [(s.definition.name, s.start, s.end) for s in slots] == [
        ("中班", at(holiday, 20), at(holiday, 22, 30)),
        ("夜班", at(holiday, 22), at(holiday + timedelta(1), 2)),
    ]


def test_current_shift_handover_overlap_and_next():
    during_handover = current_shift(at(D, 15), DEFS, SH)
    assert during_handover.slot.definition == MIDDLE
    assert during_handover.handing_over.definition == MORNING
    assert (during_handover.next.definition, during_handover.next.start) == (NIGHT, at(D, 22))
    alone = current_shift(at(D, 16), DEFS, SH)
    assert (alone.slot.definition, alone.handing_over) == (MIDDLE, None)


def test_current_shift_after_midnight_is_the_night_of_the_day_before():
    now = at(D + timedelta(1), 3)
    cur = current_shift(now, DEFS, SH)
    assert (cur.slot.definition, cur.slot.day, cur.handing_over) == (NIGHT, D, None)
    assert (cur.next.definition, cur.next.start) == (MORNING, at(D + timedelta(1), 7))
    morning_handover = current_shift(at(D + timedelta(1), 7, 15), DEFS, SH)
    assert (morning_handover.slot.definition, morning_handover.slot.day) == (MORNING, D + timedelta(1))
    assert (morning_handover.handing_over.definition, morning_handover.handing_over.day) == (NIGHT, D)
    # the instant may come in any zone
    same = current_shift(now.astimezone(timezone.utc), DEFS, SH)
    assert same.slot == cur.slot and same.at == now


def test_current_shift_on_special_days():
    holiday = date(2026, 5, 1)
    closed = {holiday: SpecialDay(holiday, "劳动节")}
    cur = current_shift(at(holiday, 10), DEFS, SH, closed)
    assert (cur.slot, cur.handing_over) == (None, None)
    assert (cur.next.definition, cur.next.day) == (MORNING, holiday + timedelta(1))
    # the night that started the evening before still ends at 07:30
    early = current_shift(at(holiday, 7), DEFS, SH, closed)
    assert (early.slot.definition, early.slot.day) == (NIGHT, holiday - timedelta(1))
    clipped = {holiday: SpecialDay(holiday, "劳动节", time(9), time(18))}
    assert current_shift(at(holiday, 8), DEFS, SH, clipped).slot is None
    assert current_shift(at(holiday, 17), DEFS, SH, clipped).slot.end == at(holiday, 18)
    assert current_shift(at(holiday, 18), DEFS, SH, clipped).slot is None


def test_no_definitions():
    cur = current_shift(at(D, 12), (), SH)
    assert (cur.slot, cur.handing_over, cur.next) == (None, None, None)


def test_dst_nights_in_berlin_are_an_hour_shorter_and_longer():
    spring, autumn = date(2026, 3, 28), date(2026, 10, 24)
    night = ShiftDefinition(3, 1, "Night", time(22), time(6))
    start, end = night.window(spring, BERLIN)
    assert end.timestamp() - start.timestamp() == 7 * 3600
    start, end = night.window(autumn, BERLIN)
    assert end.timestamp() - start.timestamp() == 9 * 3600
    # 01:30 UTC on 29 March is 03:30 CEST: inside the spring night
    cur = current_shift(datetime(2026, 3, 29, 1, 30, tzinfo=timezone.utc), (night,), BERLIN)
    assert (cur.slot.definition, cur.slot.day) == (night, spring)
    # both 02:30s of 25 October (00:30 and 01:30 UTC) are inside the autumn night; 05:00 UTC is after it
    for utc_hour in (0, 1):
        cur = current_shift(datetime(2026, 10, 25, utc_hour, 30, tzinfo=timezone.utc), (night,), BERLIN)
        assert cur.slot.day == autumn
    after = current_shift(datetime(2026, 10, 25, 5, 0, tzinfo=timezone.utc), (night,), BERLIN)
    assert after.slot is None and after.next.day == date(2026, 10, 25)
