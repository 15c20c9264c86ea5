"""Shift definitions, special days, the current shift and shift instances, on SQLite and PostgreSQL."""

from datetime import date, datetime, time, timedelta, timezone

import pytest

from app.domain.errors import InvalidSettingError
from app.domain.shifts import ShiftStatus, SpecialDay
from app.services import shifts
from app.storage import sites as site_store
from tests.services.shift_world import DAY, at, build


def test_definitions_are_listed_in_start_order_and_can_be_edited(console):
    night = shifts.save_definition(console, "Night", time(23, 0), time(7, 30))
    morning = shifts.save_definition(console, "  早班 ", time(7, 0), time(15, 30))
    assert morning.name == "早班"
    assert [d.name for d in shifts.list_definitions(console)] == ["早班", "Night"]
    assert night.crosses_midnight and not morning.crosses_midnight
    moved = shifts.save_definition(console, "Late night", time(22, 0), time(6, 0), definition_id=night.id)
    assert (moved.id, moved.name, moved.start, moved.end) == (night.id, "Late night", time(22), time(6))
    assert shifts.list_definitions(console) == (morning, moved)


def test_definition_errors(console):
    morning = shifts.save_definition(console, "Morning", time(7), time(15))
    evening = shifts.save_definition(console, "Evening", time(15), time(23))
    with pytest.raises(InvalidSettingError, match="needs a name"):
        shifts.save_definition(console, "  ", time(7), time(15))
    with pytest.raises(InvalidSettingError, match="cannot end when it starts"):
        shifts.save_definition(console, "Odd", time(9), time(9))
    with pytest.raises(InvalidSettingError, match="has this name"):
        shifts.save_definition(console, "Morning", time(8), time(16))
    with pytest.raises(InvalidSettingError, match="has this name"):
        shifts.save_definition(console, "Morning", time(15), time(23), definition_id=evening.id)
    with pytest.raises(InvalidSettingError, match="no such shift"):
        shifts.save_definition(console, "Ghost", time(1), time(2), definition_id=evening.id + 100)
    # Keeping its own name is fine.
    assert shifts.save_definition(console, "Morning", time(6), time(14), definition_id=morning.id).start == time(6)
    assert len(shifts.list_definitions(console)) == 2


def test_special_days_are_set_changed_and_removed(console):
    xmas = date(2026, 12, 25)
    shifts.set_special_day(console, xmas, "Christmas", time(9), time(17))
    shifts.set_special_day(console, date(2027, 1, 1), "元旦", None, None)
    assert shifts.list_special_days(console) == (
        SpecialDay(xmas, "Christmas", time(9), time(17)),
        SpecialDay(date(2027, 1, 1), "元旦", None, None),
    )
    changed = shifts.set_special_day(console, xmas, "Christmas Day", time(10), time(16))
    assert changed == SpecialDay(xmas, "Christmas Day", time(10), time(16))
    assert len(shifts.list_special_days(console)) == 2
    shifts.remove_special_day(console, xmas)
    assert [s.day for s in shifts.list_special_days(console)] == [date(2027, 1, 1)]
    with pytest.raises(InvalidSettingError, match="or neither"):
        shifts.set_special_day(console, xmas, "Half", time(9), None)
    with pytest.raises(InvalidSettingError, match="needs a name"):
        shifts.set_special_day(console, xmas, "", None, None)
    with pytest.raises(InvalidSettingError, match="cannot close when it opens"):
        shifts.set_special_day(console, xmas, "Zero", time(9), time(9))


def test_slots_of_a_day_are_clipped_or_closed_by_special_days(console):
    w = build(console)
    slots = shifts.slots_for(console, DAY)
    assert [s.definition.name for s in slots] == ["早班", "Evening", "Night"]
    assert slots[2].start == at(console, DAY, 23) and slots[2].end == at(console, DAY + timedelta(days=1), 7, 30)
    holiday = DAY + timedelta(days=1)
    shifts.set_special_day(console, holiday, "Holiday", time(9), time(18))
    clipped = shifts.slots_for(console, holiday)
    assert [(s.definition.id, s.start, s.end) for s in clipped] == [
        (w.morning.id, at(console, holiday, 9), at(console, holiday, 15, 30)),
        (w.evening.id, at(console, holiday, 15), at(console, holiday, 18)),
    ]
    shifts.set_special_day(console, holiday, "Closed", None, None)
    assert shifts.slots_for(console, holiday) == ()


def test_the_current_shift_from_the_clock(console):
    w = build(console)
    handover = shifts.current_shift(console, at(console, DAY, 15, 10))
    assert handover.slot.definition == w.evening and handover.handing_over.definition == w.morning
    assert handover.next.definition == w.night
    small_hours = shifts.current_shift(console, at(console, DAY, 2, 0))
    assert small_hours.slot.definition == w.night and small_hours.slot.day == DAY - timedelta(days=1)
    assert small_hours.handing_over is None and small_hours.next.definition == w.morning
    # A closed day: the night shift of the day before still runs into it, then nothing until the day after.
    shifts.set_special_day(console, DAY, "Closed", None, None)
    closed = shifts.current_shift(console, at(console, DAY, 10))
    assert closed.slot is None and closed.next.day == DAY + timedelta(days=1)
    with pytest.raises(InvalidSettingError, match="timezone-aware"):
        shifts.current_shift(console, datetime(2026, 12, 1, 10))


def test_current_shift_of_another_site_uses_its_zone(console):
    with console.db.transaction() as tx:
        shanghai = site_store.add_site(tx, "上海", "Asia/Shanghai")
    day_shift = shifts.save_definition(console, "Day", time(8), time(20), site_id=shanghai.id)
    shifts.save_definition(console, "Day", time(0, 30), time(1), )  # the first site may use the same name
    # 01:00 UTC is 09:00 in Shanghai.
    now = datetime(2026, 12, 1, 1, 0, tzinfo=timezone.utc)
    assert shifts.current_shift(console, now, site_id=shanghai.id).slot.definition == day_shift
    assert shifts.list_definitions(console, site_id=shanghai.id) == (day_shift,)


def test_instances_are_created_once_and_move_forward(console):
    w = build(console)
    first = shifts.ensure_instance(console, DAY, w.morning.id)
    assert first.status is ShiftStatus.PLANNED and first.definition == w.morning and first.day == DAY
    assert shifts.ensure_instance(console, DAY, w.morning.id) == first
    assert shifts.ensure_instance(console, DAY, w.evening.id).id != first.id
    on_duty = shifts.set_supervisor(console, first.id, w.lead.id)
    assert (on_duty.supervisor_id, on_duty.supervisor_name) == (w.lead.id, "王丽")
    with pytest.raises(InvalidSettingError, match="cannot be on duty"):
        shifts.set_supervisor(console, first.id, w.viewer.id)
    assert shifts.set_supervisor(console, first.id, None).supervisor_name is None
    assert shifts.set_status(console, first.id, ShiftStatus.OPEN).status is ShiftStatus.OPEN
    assert shifts.set_status(console, first.id, ShiftStatus.OPEN).status is ShiftStatus.OPEN
    assert shifts.set_status(console, first.id, ShiftStatus.HANDED_OVER).status is ShiftStatus.HANDED_OVER
    with pytest.raises(InvalidSettingError, match="cannot go back"):
        shifts.set_status(console, first.id, ShiftStatus.OPEN)
    with pytest.raises(InvalidSettingError, match="no such shift"):
        shifts.set_status(console, first.id + 100, ShiftStatus.OPEN)
    with pytest.raises(InvalidSettingError, match="no such shift definition"):
        shifts.ensure_instance(console, DAY, w.night.id + 100)
