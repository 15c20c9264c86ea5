"""The suggestion rules as pure functions, on the real January 1999 data of the Anonymous Bank and on edge cases.

The month is imported once per module through the import service (a SQLite
file); its interval rows (total over queues, by the source's 80/20 rule) are
turned into snapshots here and the rules are checked to fire exactly where
the rows, read directly, say they should.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pandas as pd
import pytest

from app.domain.calls import FeedFormat
from app.domain.playbook_rules import (
    CRITICAL,
    LOGIN_GAP,
    OLDEST_WAIT,
    SL_BELOW_TARGET,
    SL_BELOW_TARGET_TWICE,
    TRAFFIC_PEAK,
    WARNING,
    IntervalSnapshot,
    LongCall,
    OpenCall,
    RuleSettings,
    check_settings,
    evaluate,
    long_calls,
    near_shift_change,
)
from app.domain.service_level import IntervalFigures
from app.services.console import Console
from app.services.imports import ImportRequest, import_feed
from app.services.reports import interval_report
from tests.conftest import JANUARY

BANK = ZoneInfo("Asia/Jerusalem")
DEFAULT = RuleSettings()


@pytest.fixture(scope="module")
def january(tmp_path_factory):
    """start epoch -> the `*` report row of every covered interval of January 1999."""
    url = f"sqlite:///{tmp_path_factory.mktemp('january') / 'bank.sqlite3'}"
    with Console.open(url) as console:
        summary = import_feed(console, ImportRequest(path=JANUARY, format=FeedFormat.ANONYMOUS_BANK, source="bank",
                                                     site="Anonymous Bank", tz="Asia/Jerusalem"))
        assert summary.rejected == 0 and summary.calls == 30161
        rows = [r for d in range(1, 32) for r in interval_report(console, "bank", date(1999, 1, d), "*")]
    return {r.interval_start: r for r in rows}


def local(epoch: int) -> datetime:
    return datetime.fromtimestamp(epoch, timezone.utc).astimezone(BANK)


def week_before(epoch: int) -> int:
    """The same wall-clock half hour seven days earlier (wall-clock arithmetic in the bank's zone)."""
    return int((local(epoch) - timedelta(days=7)).timestamp())


def snapshot(rows, start: int, **over) -> IntervalSnapshot:
    """The finished interval `start` as the rules see it, from the report rows alone."""
    r, prev, week = rows[start], rows.get(start - 1800), rows.get(week_before(start))
    snap = IntervalSnapshot(
        source="bank", interval_start=local(start), figures=r.figures, service_level=r.service_level,
        target_percent=r.target_percent, threshold_seconds=r.threshold_seconds,
        previous_service_level=prev.service_level if prev else None,
        last_week_offered=week.figures.offered if week else None, complete=True,
    )
    return replace(snap, **over)


def fired(rows, settings=DEFAULT) -> dict[str, set[int]]:
    out: dict[str, set[int]] = {}
    for start in rows:
        for s in evaluate(snapshot(rows, start), settings):
            out.setdefault(s.rule, set()).add(start)
    return out


def at(text: str) -> int:
    return int(datetime.fromisoformat(text).replace(tzinfo=BANK).timestamp())


def test_the_rules_fire_exactly_where_the_report_rows_say(january):
    rows = january
    below = {s for s, r in rows.items() if r.service_level is not None and r.service_level < r.target_percent}
    twice = {s for s in below if s - 1800 in below}
    peaks = {s for s, r in rows.items() if week_before(s) in rows and r.figures.offered >= 20
             and r.figures.offered > 1.5 * rows[week_before(s)].figures.offered}
    got = fired(rows)
    assert got[SL_BELOW_TARGET_TWICE] == twice
    assert got[SL_BELOW_TARGET] == below - twice  # two in a row replaces the single warning
    assert got[TRAFFIC_PEAK] == peaks
    assert set(got) == {SL_BELOW_TARGET, SL_BELOW_TARGET_TWICE, TRAFFIC_PEAK}  # no live floor in a report
    # The month as it was: the bank missed 80/20 in most half hours it was open.
    assert (len(rows), len(below), len(twice), len(peaks)) == (1386, 534, 414, 32)
    # Without the single warning only the critical one and the peak remain.
    quiet = fired(rows, RuleSettings(sl_warning=False))
    assert SL_BELOW_TARGET not in quiet and quiet[SL_BELOW_TARGET_TWICE] == twice
    # A stricter peak (twice last week's calls, at least 40) fires on a subset.
    strict = fired(rows, RuleSettings(offered_ratio=2.0, offered_minimum=40))[TRAFFIC_PEAK]
    assert strict < peaks and strict == {s for s in peaks if rows[s].figures.offered >= 40
                                         and rows[s].figures.offered > 2 * rows[week_before(s)].figures.offered}


def raw_interval(day: str, start_seconds: int) -> tuple[int, int]:
    """(offered, answered within 20 s) of a half hour straight from the raw file: a call arrives at q_start
    (vru_exit when never queued); PHANTOM rows and hang-ups in the VRU are not offered."""
    lines = JANUARY.read_bytes().decode("ascii").split("\r\n")
    frame = pd.DataFrame([x.split("\t") for x in lines[1:] if x.split("\t")[5:6] == [day]],
                         columns=lines[0].split("\t")).apply(lambda s: s.str.strip())

    def seconds(t: str) -> int:
        h, m, s = map(int, t.split(":"))
        return h * 3600 + m * 60 + s

    queued = frame.q_start != "0:00:00"
    arrival = frame.q_start.where(queued, frame.vru_exit).map(seconds)
    offered = frame[(arrival >= start_seconds) & (arrival < start_seconds + 1800) & (frame.outcome != "PHANTOM")
                    & ~((frame.outcome == "HANG") & ~queued)]
    within = offered[(offered.outcome == "AGENT") & (offered.q_time.astype(int) <= 20)]
    return len(offered), len(within)


def test_the_worst_half_hour_gets_the_critical_alert_and_the_peak(january):
    rows = january
    worst = at("1999-01-13T15:30")  # 2 of 83 calls within 20 s, after 1 of 69 the half hour before
    assert raw_interval("990113", 15 * 3600 + 1800) == (83, 2)
    assert raw_interval("990113", 15 * 3600) == (69, 1)
    got = evaluate(snapshot(rows, worst), DEFAULT)
    assert [(s.rule, s.level, s.playbook_key) for s in got] == [
        (SL_BELOW_TARGET_TWICE, CRITICAL, "traffic-peak"), (TRAFFIC_PEAK, WARNING, "traffic-peak")]
    assert got[0].interval_start == datetime(1999, 1, 13, 15, 30, tzinfo=BANK)
    twice, peak = got[0].detail_dict(), got[1].detail_dict()
    assert twice["offered"] == 83 and twice["service_level"] == pytest.approx(200 / 83)
    assert twice["previous_service_level"] == pytest.approx(100 / 69) and twice["target_percent"] == 80.0
    assert peak == {"arrived": 83, "last_week_offered": 55, "ratio": 1.5}  # 83 > 1.5 x 55 = 82.5
    # The five worst busy half hours of the month (20 calls or more) all raise an SL alert.
    busy = sorted((s for s, r in rows.items() if r.figures.offered >= 20), key=lambda s: rows[s].service_level)
    for start in busy[:5]:
        assert {s.rule for s in evaluate(snapshot(rows, start), DEFAULT)} & {SL_BELOW_TARGET, SL_BELOW_TARGET_TWICE}
    assert rows[busy[0]].service_level == 0.0  # 1999-01-04 13:00: not one of 36 calls within 20 s


def test_a_quiet_half_hour_raises_nothing(january):
    quiet = at("1999-01-17T13:00")  # 52 of 55 within 20 s, 88.5 % before, 72 calls the week before
    assert raw_interval("990117", 13 * 3600) == (55, 52)
    snap = snapshot(january, quiet)
    assert snap.previous_service_level == pytest.approx(88.46, abs=0.01) and snap.last_week_offered == 72
    assert evaluate(snap, DEFAULT) == ()
    # With the live figures of a calm floor as well: nothing either.
    calm = replace(snap, oldest_wait_seconds=45.0, logged_in=8, present_on_sheet=8, at_shift_change=True)
    assert evaluate(calm, DEFAULT) == ()


FIG = IntervalFigures(offered=30, answered=28, abandoned=2, answered_within=15, waiting=0)
T0 = datetime(2026, 12, 1, 14, 30, tzinfo=timezone.utc)


def live(**over) -> IntervalSnapshot:
    base = IntervalSnapshot(source="pbx", interval_start=T0, figures=FIG, service_level=50.0, target_percent=80.0,
                            threshold_seconds=20.0, previous_service_level=85.0, last_week_offered=30,
                            complete=False)
    return replace(base, **over)


def rules(snap, settings=DEFAULT) -> list[tuple[str, str]]:
    return [(s.rule, s.level) for s in evaluate(snap, settings)]


def test_service_level_rules_on_a_running_interval():
    assert rules(live()) == [(SL_BELOW_TARGET, WARNING)]
    assert rules(live(previous_service_level=79.9)) == [(SL_BELOW_TARGET_TWICE, CRITICAL)]
    assert rules(live(previous_service_level=None)) == [(SL_BELOW_TARGET, WARNING)]
    assert rules(live(service_level=80.0)) == []  # on target is not below it
    assert rules(live(service_level=None)) == []
    # A running interval is judged once it has sl_minimum_offered calls with an outcome; a finished one always.
    few = replace(FIG, offered=9)
    assert rules(live(figures=few, service_level=0.0)) == []
    assert rules(live(figures=few, service_level=0.0, complete=True)) == [(SL_BELOW_TARGET, WARNING)]
    assert rules(live(figures=few, service_level=0.0), RuleSettings(sl_minimum_offered=5)) == [
        (SL_BELOW_TARGET, WARNING)]
    assert rules(live(figures=None, service_level=None)) == []


def test_traffic_peak_counts_the_calls_still_waiting():
    peak = live(service_level=90.0, figures=replace(FIG, offered=40, waiting=6), last_week_offered=30)
    assert rules(peak) == [(TRAFFIC_PEAK, WARNING)]  # 46 arrived > 45
    assert rules(replace(peak, figures=replace(FIG, offered=40, waiting=5))) == []  # 45 is not above 45
    assert rules(replace(peak, last_week_offered=None)) == []  # last week unknown: never a peak
    # Last week covered and empty: 20 calls are a peak, 19 are below the minimum.
    assert rules(replace(peak, figures=replace(FIG, offered=20), last_week_offered=0)) == [(TRAFFIC_PEAK, WARNING)]
    assert rules(replace(peak, figures=replace(FIG, offered=19), last_week_offered=0)) == []
    assert evaluate(peak, DEFAULT)[0].detail_dict() == {"arrived": 46, "last_week_offered": 30, "ratio": 1.5}


def test_oldest_wait_and_login_gap():
    calm = live(service_level=90.0)
    assert rules(replace(calm, oldest_wait_seconds=60.0)) == []  # exactly 3 x 20 s is not over it
    over = evaluate(replace(calm, oldest_wait_seconds=61.25), DEFAULT)
    assert [(s.rule, s.level, s.playbook_key) for s in over] == [(OLDEST_WAIT, WARNING, "traffic-peak")]
    assert over[0].detail_dict() == {"oldest_wait_seconds": 61.2, "limit_seconds": 60.0}
    assert rules(replace(calm, oldest_wait_seconds=100.0, threshold_seconds=None)) == []  # T unknown
    assert rules(replace(calm, oldest_wait_seconds=100.0), RuleSettings(oldest_wait_factor=6)) == []
    gap = replace(calm, logged_in=7, present_on_sheet=9, at_shift_change=True)
    got = evaluate(gap, DEFAULT)
    assert [(s.rule, s.playbook_key) for s in got] == [(LOGIN_GAP, "acd-login-failure")]
    assert got[0].detail_dict() == {"present": 9, "logged_in": 7, "gap": 2}
    assert rules(gap, RuleSettings(login_gap=3)) == []
    assert rules(replace(gap, at_shift_change=False)) == []  # only at the shift change
    assert rules(replace(gap, logged_in=None)) == []
    assert rules(replace(gap, logged_in=9)) == []


def test_settings_round_trip_and_checks():
    s = RuleSettings(sl_warning=False, offered_ratio=2.0, offered_minimum=25, long_call_minutes=15)
    assert RuleSettings.from_dict(s.as_dict()) == s
    assert RuleSettings.from_dict({"offered_ratio": 1.8, "retired_key": 3}) == RuleSettings(offered_ratio=1.8)
    assert RuleSettings.from_dict(None) == RuleSettings()
    assert check_settings(RuleSettings()) == ()
    assert check_settings(RuleSettings(offered_ratio=1.0, login_gap=0, oldest_wait_factor=0)) == (
        ("offered_ratio", "too_small"), ("login_gap", "too_small"), ("oldest_wait_factor", "too_small"))


def test_near_shift_change():
    starts = [T0 - timedelta(minutes=31), T0 + timedelta(minutes=20), T0 - timedelta(minutes=10)]
    assert near_shift_change(T0, starts, 30) == T0 - timedelta(minutes=10)
    assert near_shift_change(T0, starts, 5) is None
    assert near_shift_change(T0, [T0 + timedelta(minutes=30)], 30) == T0 + timedelta(minutes=30)


def test_long_calls_of_the_agents_whose_shift_ends():
    now = T0
    calls = [
        OpenCall("SIP/1001", now - timedelta(minutes=25), "sales"),
        OpenCall("SIP/1001", now - timedelta(minutes=90), "sales"),  # an older open call lost its end line
        OpenCall("sip/1002", now - timedelta(minutes=12), "care"),
        OpenCall("SIP/1003", now - timedelta(minutes=9, seconds=59), "care"),  # not long yet
        OpenCall("SIP/7777", now - timedelta(minutes=40), "care"),  # not ending a shift now
        OpenCall("SIP/1005", now + timedelta(minutes=1), "care"),  # after now
    ]
    end = now + timedelta(minutes=15)
    ending = {"sip/1001": ("Zhang Wei", end), "sip/1002": ("Anna Li", end), "sip/1003": ("李娜", end),
              "sip/1005": ("Eve", end)}
    assert long_calls(calls, ending, now, 10) == (
        LongCall("SIP/1001", "Zhang Wei", now - timedelta(minutes=25), 1500.0, "sales", end),
        LongCall("sip/1002", "Anna Li", now - timedelta(minutes=12), 720.0, "care", end),
    )
    # Nobody rostered: every agent on a long call, with no shift end.
    assert [(c.agent_login, c.seconds, c.shift_end) for c in long_calls(calls, None, now, 10)] == [
        ("SIP/7777", 2400.0, None), ("SIP/1001", 1500.0, None), ("sip/1002", 720.0, None)]
    assert long_calls(calls, {}, now, 10) == ()
