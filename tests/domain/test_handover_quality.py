"""Handover quality: the service level around a shift change against the rest of the shift."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from app.domain.handover_quality import around_change, change_quality, signed_on_time
from app.domain.service_level import IntervalFigures, SlDefinition

TZ = ZoneInfo("Asia/Shanghai")


def at(h, m=0):
    return datetime(2026, 11, 27, h, m, tzinfo=TZ)


def figures(offered, within, abandoned_within=0):
    return IntervalFigures(offered=offered, answered=offered, answered_within=within, abandoned_within=abandoned_within)


def test_the_half_hours_around_a_change_are_those_overlapping_thirty_minutes_either_side():
    assert [h for h in (at(14), at(14, 30), at(15), at(15, 30)) if around_change(h, at(15))] == [at(14, 30), at(15)]
    assert [h for h in (at(14), at(14, 30), at(15), at(15, 30), at(16)) if around_change(h, at(15, 10))] == [
        at(14, 30), at(15), at(15, 30)]


def test_the_drop_is_volume_weighted_by_the_definition():
    shift = [(at(13), figures(40, 36)), (at(13, 30), figures(60, 54)),  # rest: 90 of 100 -> 90 %
             (at(14), None),  # unknown: left out
             (at(14, 30), figures(50, 30)), (at(15), figures(30, 10)),  # around 15:00: 40 of 80 -> 50 %
             (at(15, 30), IntervalFigures(offered=None))]  # counts unknown for the definition: left out
    q = change_quality(shift, at(15), SlDefinition.OFFERED)
    assert (q.around, q.rest, q.drop) == (50.0, 90.0, 40.0)
    assert (q.calls_around, q.calls_rest, q.intervals_around) == (80, 100, (at(14, 30), at(15)))
    # Short abandons count as met under this definition: around 15:00 it is (40 + 20) of 80.
    shift[3] = (at(14, 30), figures(50, 30, abandoned_within=20))
    q = change_quality(shift, at(15), SlDefinition.SHORT_ABANDONS_MET)
    assert (q.around, q.rest) == (75.0, 90.0) and q.drop == 15.0


def test_no_calls_no_figure():
    q = change_quality([(at(15), figures(0, 0))], at(15), SlDefinition.OFFERED)
    assert (q.around, q.rest, q.drop) == (None, None, None)


def test_signed_on_time_is_within_fifteen_minutes_of_the_change():
    assert signed_on_time(at(15), at(15, 15)) and not signed_on_time(at(15), at(15, 16))
    assert not signed_on_time(at(15), None)
    assert signed_on_time(at(15), at(15, 25), grace=timedelta(minutes=30))
