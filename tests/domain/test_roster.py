"""validate_roster: agents, shifts, custom hours, activities, overlaps and duplicates; a property over random rosters."""

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from itertools import combinations
from zoneinfo import ZoneInfo

from hypothesis import given, settings
from hypothesis import strategies as st

from app.domain.attendance import Activity, ActivityKind
from app.domain.people import Agent
from app.domain.roster import RejectCode, nearest_definition, overlaps, validate_roster
from app.domain.shifts import ShiftDefinition

SH = ZoneInfo("Asia/Shanghai")
BERLIN = ZoneInfo("Europe/Berlin")
D = date(2026, 3, 2)
B, L, M = ActivityKind.BREAK, ActivityKind.LUNCH, ActivityKind.MEETING
MORNING = ShiftDefinition(1, 1, "Morning", time(7), time(15, 30))
MIDDLE = ShiftDefinition(2, 1, "Middle", time(10), time(19))
NIGHT = ShiftDefinition(3, 1, "夜班", time(22), time(6))
DEFS = (MORNING, MIDDLE, NIGHT)
LI = Agent(1, 1, "1001", "Li Wei", acd_login="LI.WEI")
WANG = Agent(2, 1, "1002", "Wang Fang")
GONE = Agent(3, 1, "1003", "Left Us", active=False)
AGENTS = (LI, WANG, GONE)


@dataclass(frozen=True)
class Line:
    """A stand-in for app.feeds.roster.RosterLine (the domain accepts anything shaped like it)."""

    line: int
    agent: str
    day: date = D
    shift: str | None = None
    start: time | None = None
    end: time | None = None
    activities: tuple = ()
    text: str = ""


def at(day: date, h: int, m: int = 0, tz=SH) -> datetime:
    return datetime.combine(day, time(h, m), tzinfo=tz)


def plan_of(*lines, tz=SH):
    return validate_roster(lines, AGENTS, DEFS, tz)


def codes(plan):
    return [(r.line, r.code, r.detail) for r in plan.rejected]


def test_agents_by_number_or_login_case_insensitive():
    plan = plan_of(Line(2, "1001", shift="Morning"), Line(3, "li.wei", D + timedelta(1), shift="Morning"),
                   Line(4, " 1002 ", shift="morning "), Line(5, "9999", shift="Morning", text="9999, x"),
                   Line(6, "1003", shift="Morning"))
    assert [(d.line, d.agent.id, d.definition.id) for d in plan.drafts] == [(2, 1, 1), (3, 1, 1), (4, 2, 1)]
    assert codes(plan) == [(5, "unknown_agent", "9999"), (6, "inactive_agent", "1003")]
    assert plan.rejected[0].text == "9999, x"
    draft = plan.drafts[0]
    assert (draft.day, draft.start, draft.end) == (D, at(D, 7), at(D, 15, 30))
    assert draft.start.tzinfo is SH


def test_unknown_shift_names_the_shift_and_missing_shift_is_rejected():
    plan = plan_of(Line(2, "1001", shift=" Evening "), Line(3, "1002"))
    assert codes(plan) == [(2, "unknown_shift", "Evening"), (3, "no_shift", "neither a shift name nor a start and end")]
    assert RejectCode.UNKNOWN_SHIFT.value == "unknown_shift"


def test_custom_hours_with_a_shift_name_and_across_midnight():
    plan = plan_of(Line(2, "1001", shift="Morning", start=time(8), end=time(14)),
                   Line(3, "1002", shift="夜班", start=time(23), end=time(5)))
    (li, wang) = plan.drafts
    assert (li.definition, li.start, li.end) == (MORNING, at(D, 8), at(D, 14))
    assert (wang.definition, wang.start, wang.end) == (NIGHT, at(D, 23), at(D + timedelta(1), 5))


def test_hours_alone_pick_the_nearest_definition_within_two_hours():
    plan = plan_of(Line(2, "1001", start=time(9), end=time(18)),  # Middle at 10:00 is 60 min away, Morning 120
                   Line(3, "1002", start=time(0, 30), end=time(8)),  # Night at 22:00 is 150 min around the clock
                   Line(4, "1002", D + timedelta(1), start=time(23, 59), end=time(7)))  # Night, 119 min
    assert [(d.line, d.definition.name, d.start, d.end) for d in plan.drafts] == [
        (2, "Middle", at(D, 9), at(D, 18)),
        (4, "夜班", at(D + timedelta(1), 23, 59), at(D + timedelta(2), 7)),
    ]
    assert codes(plan) == [(3, "no_matching_shift", "00:30-08:00")]
    assert nearest_definition(time(8, 30), DEFS) == MORNING  # 90 min to Morning, 90 to Middle: earlier start
    assert nearest_definition(time(12, 1), DEFS) is None


def test_activities_placed_on_the_shift_dates():
    plan = plan_of(Line(2, "1001", shift="Morning", activities=((L, time(12), time(12, 45)), (B, time(10), time(10, 15)))),
                   Line(3, "1002", shift="夜班", activities=((M, time(22), time(22, 30)), (B, time(2), time(2, 15)),
                                                             (L, time(23, 50), time(0, 20)))))
    morning, night = plan.drafts
    assert morning.activities == (Activity(B, at(D, 10), at(D, 10, 15)), Activity(L, at(D, 12), at(D, 12, 45)))
    nxt = D + timedelta(1)
    assert night.activities == (Activity(M, at(D, 22), at(D, 22, 30)), Activity(L, at(D, 23, 50), at(nxt, 0, 20)),
                                Activity(B, at(nxt, 2), at(nxt, 2, 15)))


def test_activities_outside_the_shift_or_overlapping():
    plan = plan_of(
        Line(2, "1001", shift="Morning", activities=((B, time(6, 30), time(6, 45)),)),
        Line(3, "1001", D + timedelta(1), shift="Morning", activities=((B, time(15, 15), time(15, 45)),)),
        Line(4, "1002", shift="Morning", activities=((B, time(10), time(10, 15)), (L, time(10, 10), time(10, 40)))),
        Line(5, "1002", D + timedelta(1), shift="Morning", activities=((B, time(15, 15), time(15, 30)),
                                                                      (L, time(12), time(12, 30)))),  # touching the end is inside
    )
    assert codes(plan) == [
        (2, "activity_outside", "break 06:30-06:45"),
        (3, "activity_outside", "break 15:15-15:45"),
        (4, "activity_overlap", "break 10:00-10:15 / lunch 10:10-10:40"),
    ]
    assert [d.line for d in plan.drafts] == [5]


def test_overlapping_and_duplicate_lines_of_one_agent():
    plan = plan_of(
        Line(2, "1001", shift="Morning"),
        Line(3, "1001", shift="Middle"),  # 10:00-19:00 overlaps 07:00-15:30
        Line(4, "LI.WEI", shift="morning"),  # the same entry again, found by login
        Line(5, "1001", shift="Morning", activities=((B, time(10), time(10, 15)),)),  # same hours, other activities
        Line(6, "1001", D - timedelta(1), shift="夜班"),  # 22:00 on the 1st to 06:00 on the 2nd: before 07:00
        Line(7, "1002", shift="Middle"),  # another agent may overlap
        Line(8, "1001", shift="Morning", start=time(15, 30), end=time(18)),  # starts as line 2 ends
    )
    assert codes(plan) == [(3, "overlap", "line 2"), (4, "duplicate", "line 2"), (5, "overlap", "line 2")]
    assert [d.line for d in plan.drafts] == [2, 6, 7, 8]
    assert (plan.first_day, plan.last_day) == (D - timedelta(1), D)


def test_a_line_meeting_several_earlier_ones_names_the_first_by_line_number():
    plan = plan_of(
        Line(2, "1001", shift="Middle", start=time(12), end=time(14)),
        Line(3, "1001", shift="Morning", start=time(8), end=time(10)),  # earlier in the day than line 2
        Line(4, "1001", shift="Middle", start=time(16), end=time(18)),
        Line(5, "1001", shift="Morning"),  # 07:00-15:30 meets lines 3 and 2
        Line(6, "1001", shift="middle", start=time(12), end=time(14)),  # line 2 again
        Line(7, "1001", shift="Morning", start=time(9), end=time(17)),  # meets lines 3, 2 and 4
        Line(8, "1001", shift="Middle", start=time(15), end=time(16, 30)),  # meets line 4 only
        Line(9, "1001", shift="Middle", start=time(10), end=time(12)),  # between lines 3 and 2, touching both
        Line(10, "1001", shift="Morning", start=time(7), end=time(8)),  # before line 3, touching it
        Line(11, "1001", shift="Morning", start=time(7, 30), end=time(12, 30)),  # meets lines 10, 3, 9 and 2
    )
    assert codes(plan) == [(5, "overlap", "line 2"), (6, "duplicate", "line 2"), (7, "overlap", "line 2"),
                           (8, "overlap", "line 4"), (11, "overlap", "line 2")]
    assert [d.line for d in plan.drafts] == [2, 3, 4, 9, 10]


def test_lines_are_taken_in_line_order_and_the_range_covers_rejected_lines():
    plan = plan_of(Line(9, "1001", shift="Middle"), Line(2, "1001", shift="Morning"),
                   Line(5, "9999", D + timedelta(10), shift="Morning"))
    assert [d.line for d in plan.drafts] == [2]
    assert codes(plan) == [(5, "unknown_agent", "9999"), (9, "overlap", "line 2")]
    assert (plan.first_day, plan.last_day) == (D, D + timedelta(10))
    empty = plan_of()
    assert (empty.drafts, empty.rejected, empty.first_day, empty.last_day) == ((), (), None, None)


def test_dst_night_is_an_hour_short_and_compared_as_instants():
    spring = date(2026, 3, 28)  # Europe/Berlin skips 02:00-03:00 on the 29th
    plan = plan_of(Line(2, "1001", spring, shift="夜班", activities=((B, time(3), time(3, 15)),)), tz=BERLIN)
    (night,) = plan.drafts
    assert night.end - night.start == timedelta(hours=8)  # wall clock difference ...
    assert night.end.timestamp() - night.start.timestamp() == 7 * 3600  # ... but 7 real hours
    assert night.activities[0].start == datetime(2026, 3, 29, 3, tzinfo=BERLIN)


def test_hours_in_the_skipped_dst_hour_move_forward():
    gap_day = date(2026, 3, 29)
    plan = plan_of(Line(2, "1001", gap_day, shift="Morning", start=time(2, 30), end=time(3, 15)),
                   Line(3, "1002", gap_day, shift="Morning", start=time(2, 30), end=time(9),
                        activities=((B, time(2, 40), time(2, 50)),)),
                   Line(4, "1002", gap_day + timedelta(1), shift="Morning", activities=((B, time(2, 45), time(3, 15)),)),
                   Line(5, "1002", gap_day + timedelta(2), shift="Morning", start=time(2, 45), end=time(3, 15)), tz=BERLIN)
    assert codes(plan) == [(2, "bad_time", "03:30-03:15 lasts no time"), (4, "activity_outside", "break 02:45-03:15")]
    wang, later = plan.drafts
    assert wang.start == datetime(2026, 3, 29, 3, 30, tzinfo=BERLIN)
    assert wang.start.utcoffset() == timedelta(hours=2)
    assert wang.activities == (Activity(B, datetime(2026, 3, 29, 3, 40, tzinfo=BERLIN), datetime(2026, 3, 29, 3, 50, tzinfo=BERLIN)),)
    assert later.start == datetime(2026, 3, 31, 2, 45, tzinfo=BERLIN)  # an ordinary day: no change
    gap_break = plan_of(Line(2, "1001", gap_day, shift="夜班", start=time(1), end=time(6),
                             activities=((B, time(2, 45), time(3, 15)),)), tz=BERLIN)
    assert codes(gap_break) == [(2, "bad_time", "break 02:45-03:15 lasts no time")]


# ---------------------------------------------------------------- property

TIMES = st.builds(time, st.integers(0, 23), st.sampled_from([0, 15, 30, 45]))
LINES = st.lists(
    st.tuples(
        st.sampled_from(["1001", "li.wei", "1002", "1003", "404"]),
        st.integers(0, 3),
        st.sampled_from([date(2026, 3, 27), date(2026, 10, 23)]),  # Berlin's spring and autumn changes
        st.sampled_from([None, "Morning", "middle", "夜班", "Late"]),
        st.one_of(st.none(), st.tuples(TIMES, TIMES)),
        st.lists(st.tuples(st.sampled_from(list(ActivityKind)), TIMES, TIMES), max_size=2),
    ),
    max_size=25,
)


@settings(max_examples=300, deadline=None)
@given(LINES, st.sampled_from([SH, BERLIN]))
def test_never_two_overlapping_entries_for_one_agent(rows, tz):
    lines = []
    for n, (agent, offset, base, shift, hours, acts) in enumerate(rows, start=2):
        start, end = hours if hours and hours[0] != hours[1] else (None, None)
        lines.append(Line(n, agent, base + timedelta(offset), shift, start, end,
                          tuple(a for a in acts if a[1] != a[2])))
    plan = validate_roster(lines, AGENTS, DEFS, tz)
    # every line is either drafted or rejected, once
    assert sorted([d.line for d in plan.drafts] + [r.line for r in plan.rejected]) == [ln.line for ln in lines]
    # an overlapping line names the first earlier accepted line it repeats, else the first it overlaps
    by_line = {ln.line: ln for ln in lines}
    for r in plan.rejected:
        if r.code not in ("overlap", "duplicate"):
            continue
        (alone,) = validate_roster([by_line[r.line]], AGENTS, DEFS, tz).drafts
        earlier = [d for d in plan.drafts if d.agent.id == alone.agent.id and d.line < r.line]
        same = [d for d in earlier if (d.day, d.definition.id, d.start.timestamp(), d.end.timestamp(), d.activities)
                == (alone.day, alone.definition.id, alone.start.timestamp(), alone.end.timestamp(), alone.activities)]
        met = same or [d for d in earlier if overlaps(d, alone)]
        assert (r.code, r.detail) == ("duplicate" if same else "overlap", f"line {met[0].line}")
    for a, b in combinations(plan.drafts, 2):
        assert not (a.agent.id == b.agent.id and overlaps(a, b)), (a.line, b.line)
    for d in plan.drafts:
        assert d.agent.active and d.start.timestamp() < d.end.timestamp()
        for act in d.activities:
            assert d.start.timestamp() <= act.start.timestamp() < act.end.timestamp() <= d.end.timestamp()
    if lines:
        assert (plan.first_day, plan.last_day) == (min(ln.day for ln in lines), max(ln.day for ln in lines))
