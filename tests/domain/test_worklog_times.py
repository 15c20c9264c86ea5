"""Times typed by the supervisor (app.domain.worklog.parse_when)."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from app.domain.worklog import parse_when

TZ = ZoneInfo("Asia/Shanghai")


def at(*args):
    return datetime(*args, tzinfo=TZ)


def test_a_bare_time_is_the_next_one_for_a_due_time_and_the_last_one_for_an_event():
    now = at(2026, 11, 27, 16, 0)
    assert parse_when("15:00", now, future=True) == at(2026, 11, 28, 15, 0)
    assert parse_when("17:30", now, future=True) == at(2026, 11, 27, 17, 30)
    assert parse_when("15:00", now, future=False) == at(2026, 11, 27, 15, 0)
    assert parse_when("23:50", at(2026, 11, 28, 0, 10), future=False) == at(2026, 11, 27, 23, 50)
    assert parse_when("15：00", now, future=False) == at(2026, 11, 27, 15, 0)  # a Chinese IME's colon
    assert parse_when("  ", now, future=True) is None


def test_a_day_without_a_year_takes_the_year_on_the_right_side_of_new_year():
    assert parse_when("12-31 23:50", at(2027, 1, 1, 0, 20), future=False) == at(2026, 12, 31, 23, 50)
    assert parse_when("01-01 02:00", at(2026, 12, 31, 22, 0), future=True) == at(2027, 1, 1, 2, 0)
    assert parse_when("11-28 09:30", at(2026, 11, 27, 16, 0), future=True) == at(2026, 11, 28, 9, 30)
    assert parse_when("2026/11/20 08:00", at(2026, 11, 27, 16, 0), future=False) == at(2026, 11, 20, 8, 0)


@pytest.mark.parametrize("text", ["25:00", "noon", "11-32 10:00", "1-2-3-4 10:00", "10:00:00:00"])
def test_what_is_not_a_time_is_refused(text):
    with pytest.raises(ValueError):
        parse_when(text, at(2026, 11, 27, 16, 0), future=True)
