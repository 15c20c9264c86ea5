"""Staffing arithmetic with hand-checkable values: required and gaps, what-if, the meeting slot, the forecast."""

from __future__ import annotations

import math
from datetime import date, datetime, time, timedelta, timezone

import pytest

from app.domain.erlang import erlang_a
from app.domain.errors import InvalidSettingError
from app.domain.staffing import (
    IntervalLoad,
    Slot,
    WhatIf,
    best_slot,
    expected_sl,
    forecast,
    gaps,
    required,
    understaffing,
    what_if,
)
from tests.domain.test_erlang import direct_erlang_c

TZ = timezone(timedelta(hours=8))


def at(hhmm: str) -> datetime:
    hours, minutes = map(int, hhmm.split(":"))
    return datetime(1999, 2, 1, hours, minutes, tzinfo=TZ)


def load(hhmm: str, calls: float = 100, staffed: float = 14, aht: float = 180, patience: float | None = None):
    return IntervalLoad(at(hhmm), calls, aht, staffed, threshold_s=20, target=0.8, patience_s=patience)


def sl(a: float, n: float, aht: float = 180, t: float = 20) -> float:
    """Erlang C service level by the direct sum (tests/domain/test_erlang.py), interpolated when n is fractional."""
    def whole(k: int) -> float:
        return 0.0 if k <= a else 1 - direct_erlang_c(a, k) * math.exp(-(k - a) * t / aht)

    low = math.floor(n)
    return whole(low) + (n - low) * (whole(low + 1) - whole(low)) if n != low else whole(low)


def test_required_gaps_and_understaffing():
    # 100 calls of 180 s in 30 min = 10 Erlangs; 80 % in 20 s needs 14 agents (test_erlang.py).
    assert required(load("08:00")) == 14
    assert required(load("08:00", calls=0, staffed=0)) == 0
    loads = [load("08:00", staffed=13), load("08:30", staffed=14), load("09:00", staffed=20),
             load("09:30", calls=0, staffed=0), load("10:00", staffed=10.5)]
    assert gaps(loads) == (loads[0], loads[4])
    assert understaffing(loads) == pytest.approx(1 + 3.5)
    assert understaffing([]) == 0.0


def test_expected_sl_by_erlang_c_or_a():
    assert expected_sl(load("08:00")) == pytest.approx(sl(10, 14), abs=1e-12)
    assert expected_sl(load("08:00"), agents=12.5) == pytest.approx(sl(10, 12.5), abs=1e-12)
    impatient = load("08:00", patience=60)
    assert expected_sl(impatient) == erlang_a(100, 180, 14, 60, 20).service_level
    assert expected_sl(impatient, agents=9) == erlang_a(100, 180, 9, 60, 20).service_level
    assert expected_sl(impatient, agents=9) > 0  # with abandons, 9 agents on 10 Erlangs still answer calls


def test_what_if_takes_agents_off_for_the_part_of_each_half_hour_it_covers():
    loads = [load("11:00"), load("10:00"), load("10:30")]  # any order
    # 2 agents off 10:15-10:45: half of each half hour runs with 12 agents, the other half with 14.
    half = (sl(10, 12) + sl(10, 14)) / 2
    assert what_if(loads, 2, at("10:15"), 30) == (
        WhatIf(at("10:00"), pytest.approx(sl(10, 14)), pytest.approx(half), 100),
        WhatIf(at("10:30"), pytest.approx(sl(10, 14)), pytest.approx(half), 100),
    )
    # Not the same as fractional agents over the whole half hour (13 agents): the time-weighted mean.
    assert half != pytest.approx(sl(10, 13), abs=1e-3)
    # 3 agents off 10:20-10:35: 10 of the 30 minutes of 10:00, 5 of 10:30, with 11 agents.
    before, after = what_if(loads, 3, at("10:20"), 15)
    assert before.after_sl == pytest.approx(sl(10, 11) / 3 + sl(10, 14) * 2 / 3, abs=1e-12)
    assert after.after_sl == pytest.approx(sl(10, 11) / 6 + sl(10, 14) * 5 / 6, abs=1e-12)
    # Staffing never goes below 0; nobody off changes nothing; a span between loads touches none.
    (whole,) = what_if([load("10:00", staffed=3)], 10, at("10:00"), 30)
    assert whole.after_sl == 0.0 and whole.before_sl == 0.0
    assert what_if(loads, 0, at("10:00"), 60)[0].after_sl == what_if(loads, 0, at("10:00"), 60)[0].before_sl
    assert what_if(loads, 2, at("09:00"), 60) == ()
    # The span in another zone's clock is the same instant.
    utc = at("10:15").astimezone(timezone.utc)
    assert what_if(loads, 2, utc, 30) == what_if(loads, 2, at("10:15"), 30)


def test_what_if_and_best_slot_count_a_clock_change_night_in_instants():
    from zoneinfo import ZoneInfo

    berlin = ZoneInfo("Europe/Berlin")  # 25 October 2026: 03:00 CEST becomes 02:00 CET
    first = datetime(2026, 10, 25, 0, 0, tzinfo=timezone.utc)
    loads = [IntervalLoad((first + timedelta(minutes=30 * i)).astimezone(berlin), 100, 180.0, 14, 20, 0.8)
             for i in range(6)]
    start = datetime(2026, 10, 25, 2, 50, tzinfo=berlin)  # 00:50 UTC, the first 02:50
    touched = what_if(loads, 2, start, 30)
    assert [w.start.astimezone(timezone.utc).strftime("%H:%M") for w in touched] == ["00:30", "01:00"]
    slot = best_slot(loads, 2, 30, loads[0].start, loads[-1].start)
    assert (slot.end - slot.start).total_seconds() == 1800


def test_best_slot_least_damage_earliest_of_equals():
    # 10:30 is quiet (20 calls = 2 Erlangs on 4 agents); 10:00 and 11:00 are busy (10 Erlangs on 14).
    loads = [load("10:00"), load("10:30", calls=20, staffed=4), load("11:00")]
    quiet = 20 * (sl(2, 4) - sl(2, 2)) / 2  # 2 agents off for 15 of its 30 minutes
    busy = 100 * (sl(10, 14) - sl(10, 12)) / 2
    assert quiet < busy
    slot = best_slot(loads, 2, 15, at("10:00"), at("11:30"))
    # 10:30, 10:35, 10:40 and 10:45 do the same damage; a slot across 10:30 mixes in the busy half hour.
    assert slot == Slot(at("10:30"), at("10:45"), pytest.approx(quiet), pytest.approx(quiet / 20))
    assert slot.sl_drop == pytest.approx((sl(2, 4) - sl(2, 2)) / 2)
    # Only busy half hours in the window: its first slot; a slot across two busy ones weighs both.
    assert best_slot(loads, 2, 15, at("11:00"), at("11:30")).start == at("11:00")
    across = best_slot([load("09:30"), *loads], 2, 30, at("09:45"), at("10:15"), step_minutes=15)
    assert across == Slot(at("09:45"), at("10:15"), pytest.approx(2 * busy), pytest.approx(busy / 100))
    # The window too short for the meeting: no slot. No known traffic: no damage.
    assert best_slot(loads, 2, 45, at("10:00"), at("10:40")) is None
    assert best_slot([], 2, 15, at("10:00"), at("11:00")) == Slot(at("10:00"), at("10:15"), 0.0, 0.0)


def test_forecast_same_weekday_last_four_weeks_without_special_days():
    monday = date(1999, 2, 1)
    history = {
        date(1999, 1, 25): [(time(8), 10, 100), (time(8, 30), 20, 200)],
        date(1999, 1, 26): [(time(8), 500, 500)],  # a Tuesday
        date(1999, 1, 18): [(time(8), 1000, 999)],  # special day
        date(1999, 1, 11): [(time(8), 30, 200), (time(9), 5, 60)],
        date(1999, 1, 4): [(time(8), 20, 300), (time(8, 30), 0, 100), (time(9, 30), 0, 120)],
        date(1998, 12, 28): [(time(8), 999, 1)],  # five weeks back
    }
    result = forecast(history, monday, special_days={date(1999, 1, 18)})
    assert result == {
        time(8): (pytest.approx(20.0), pytest.approx((10 * 100 + 30 * 200 + 20 * 300) / 60)),
        time(8, 30): (10.0, 200.0),
        time(9): (5.0, 60.0),
        time(9, 30): (0.0, 120.0),  # no calls on any day: the plain mean AHT
    }
    assert list(result) == sorted(result)
    assert forecast(history, monday, weeks=1) == {time(8): (10.0, 100.0), time(8, 30): (20.0, 200.0)}
    assert forecast(history, monday, weeks=2)[time(8)] == (505.0, pytest.approx((10 * 100 + 1000 * 999) / 1010))
    assert forecast(history, monday, weeks=5)[time(8)][0] == pytest.approx((10 + 1000 + 30 + 20 + 999) / 5)
    assert forecast({}, monday) == {}


def test_bad_input_is_named():
    with pytest.raises(InvalidSettingError, match="1999-01-25 08:00.*listed twice"):
        forecast({date(1999, 1, 25): [(time(8), 1, 1), (time(8), 2, 2)]}, date(1999, 2, 1))
    with pytest.raises(InvalidSettingError, match="1999-01-25 08:30.*calls must be"):
        forecast({date(1999, 1, 25): [(time(8, 30), -1, 1)]}, date(1999, 2, 1))
    with pytest.raises(InvalidSettingError, match="start.*time zone"):
        what_if([load("10:00")], 1, datetime(1999, 2, 1, 10), 15)
    with pytest.raises(InvalidSettingError, match="minutes 0"):
        what_if([load("10:00")], 1, at("10:00"), 0)
    with pytest.raises(InvalidSettingError, match="agents_off -1"):
        best_slot([load("10:00")], -1, 15, at("10:00"), at("11:00"))
