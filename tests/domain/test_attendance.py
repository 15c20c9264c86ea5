"""Attendance marks, counts per shift and per team, and the cross-check with ACD logins."""

from datetime import date, datetime, timezone

import pytest

from app.domain.attendance import (
    AttendanceStatus as S,
    Counts,
    CrossFlag,
    LeaveType,
    Mark,
    RosterEntry,
    SheetRow,
    count_rows,
    cross_check,
    team_counts,
)
from app.domain.errors import InvalidSettingError
from app.domain.people import Agent

T = datetime(2026, 3, 2, 7, tzinfo=timezone.utc)


def row(n: int, status: S = S.UNMARKED, team: str | None = "A", login: str | None = None, **mark) -> SheetRow:
    agent = Agent(n, 1, f"{1000 + n}", f"agent {n}", team_name=team, acd_login=login)
    entry = RosterEntry(n, n, date(2026, 3, 2), 1, T, T)
    return SheetRow(agent, entry, Mark(status, **mark), revision=1 if status is not S.UNMARKED else 0)


@pytest.mark.parametrize(
    ("mark", "setting"),
    [
        (Mark(S.LATE), "late_minutes"),
        (Mark(S.LATE, late_minutes=0), "late_minutes"),
        (Mark(S.LATE, late_minutes=-5), "late_minutes"),
        (Mark(S.LEAVE), "leave_type"),
        (Mark(S.SWAPPED), "swap_with"),
        (Mark(S.SWAPPED, swap_with_name=""), "swap_with"),
        (Mark(S.LEFT_EARLY), "left_at"),
    ],
)
def test_incomplete_marks(mark, setting):
    with pytest.raises(InvalidSettingError) as err:
        mark.check()
    assert err.value.setting == setting


@pytest.mark.parametrize(
    "mark",
    [
        Mark(),
        Mark(S.PRESENT),
        Mark(S.ABSENT, note="no call"),
        Mark(S.LATE, late_minutes=12),
        Mark(S.LEAVE, leave_type=LeaveType.SICK),
        Mark(S.SWAPPED, swap_with_id=7),
        Mark(S.SWAPPED, swap_with_name="临时工 王五"),
        Mark(S.LEFT_EARLY, left_at=T),
    ],
)
def test_complete_marks(mark):
    assert mark.check() is mark


def test_counts_expected_and_difference():
    rows = [row(1, S.PRESENT), row(2, S.LATE, late_minutes=5), row(3, S.ABSENT), row(4, S.LEAVE, leave_type=LeaveType.ANNUAL),
            row(5, S.SWAPPED, swap_with_id=9), row(6, S.LEFT_EARLY, left_at=T), row(7), row(8, S.ABSENT)]
    counts = count_rows(rows)
    assert counts == Counts(scheduled=8, present=1, late=1, absent=2, leave=1, swapped=1, left_early=1, unmarked=1)
    assert (counts.expected, counts.difference) == (5, -3)  # the unmarked agent is still expected
    assert count_rows([]) == Counts() and (Counts().expected, Counts().difference) == (0, 0)
    everyone = count_rows([row(1, S.PRESENT), row(2)])
    assert (everyone.expected, everyone.difference) == (2, 0)


def test_team_counts_and_sum():
    rows = [row(1, S.PRESENT, team="B"), row(2, S.ABSENT, team="A"), row(3, team=None), row(4, S.PRESENT, team="A")]
    teams = team_counts(rows, no_team="(none)")
    assert [(name, c.scheduled, c.present, c.absent, c.unmarked) for name, c in teams] == [
        ("(none)", 1, 0, 0, 1), ("A", 2, 1, 1, 0), ("B", 1, 1, 0, 0),
    ]
    total = teams[0][1] + teams[1][1] + teams[2][1]
    assert total == count_rows(rows)
    assert team_counts([]) == ()


def test_cross_check_flags_and_strangers():
    rows = [
        row(1, S.PRESENT, login="LI.WEI"),  # logged in as li.wei: fine
        row(2, S.LATE, login="wang", late_minutes=5),  # not logged in
        row(3, S.SWAPPED, login="zhao", swap_with_id=1),  # swapped away: not expected, no flag
        row(4, S.ABSENT, login="Sun"),  # logged in as SUN while absent
        row(5, S.LEAVE, login="zhou", leave_type=LeaveType.SICK),  # on leave and not logged in: fine
        row(6, S.PRESENT, login=None),  # no login known: nothing to check
        row(7, S.UNMARKED, login="chen"),  # not marked yet: no flag either way
        row(8, S.LEFT_EARLY, login="wu", left_at=T),
    ]
    checked, strangers = cross_check(rows, [" li.wei ", "SUN", "chen", "Temp01", "", "  ", "guest"])
    assert [r.flags for r in checked] == [
        (), (CrossFlag.NOT_LOGGED_IN,), (), (CrossFlag.LOGGED_IN_NOT_PRESENT,), (), (), (), (),
    ]
    assert strangers == ("Temp01", "guest")
    # The colleague who came instead of a swapped agent is expected: not a stranger.
    assert cross_check(rows, ["Temp01", "guest"], substitutes=["TEMP01"])[1] == ("guest",)
    assert [r.mark for r in checked] == [r.mark for r in rows] and checked[1].revision == 1
    none_online = cross_check([row(1, S.PRESENT, login="a")], [])
    assert none_online[0][0].flags == (CrossFlag.NOT_LOGGED_IN,) and none_online[1] == ()
