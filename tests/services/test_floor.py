"""The floor's "Now" figures from an imported queue_log, every figure worked out by hand, on SQLite and PostgreSQL."""

from datetime import datetime, timedelta, timezone

import pytest

from app.domain.calls import FeedFormat
from app.domain.errors import InvalidSettingError, UnknownSourceError
from app.domain.floor import AgentState, AgentStatus, NeededStatus
from app.domain.service_level import SlDefinition
from app.services.floor import floor_now
from app.services.imports import ImportRequest, import_feed
from tests.conftest import SHARED_DATA

KATA = SHARED_DATA / "asterisk-queue-log" / "logvisualiserkata_input.queue_log"
DAY = datetime(2025, 11, 27, tzinfo=timezone.utc)  # a Thursday; the site is in UTC
NOW = DAY + timedelta(hours=10, minutes=10)
WEEK = timedelta(days=7)
_, AVAILABLE, PAUSED, ON_CALL = AgentStatus


def t(when: datetime) -> int:
    return int(when.timestamp())


def hm(h: int, m: int, s: int = 0, day: datetime = DAY) -> datetime:
    return day + timedelta(hours=h, minutes=m, seconds=s)


def member(when, agent, kind, queue="NONE", data=""):
    return f"{t(when)}|NONE|{queue}|{agent}|{kind}|{data}"


def answered(callid, queue, arrived, hold, agent, talk=None):
    lines = [
        f"{t(arrived)}|{callid}|{queue}|NONE|ENTERQUEUE||5550{callid[-3:]}",
        f"{t(arrived) + hold}|{callid}|{queue}|{agent}|CONNECT|{hold}|{callid}9",
    ]
    if talk is not None:
        lines.append(f"{t(arrived) + hold + talk}|{callid}|{queue}|{agent}|COMPLETEAGENT|{hold}|{talk}|1")
    return lines


def abandoned(callid, queue, arrived, wait):
    return [
        f"{t(arrived)}|{callid}|{queue}|NONE|ENTERQUEUE||5550{callid[-3:]}",
        f"{t(arrived) + wait}|{callid}|{queue}|NONE|ABANDON|1|1|{wait}",
    ]


def waiting(callid, queue, arrived):
    return [f"{t(arrived)}|{callid}|{queue}|NONE|ENTERQUEUE||5550{callid[-3:]}"]


def agent_lines():
    return [
        # SIP/old joined two queues three days ago and left one of them in the last 24 h.
        member(DAY - timedelta(days=3), "SIP/old", "ADDMEMBER", "sales"),
        member(DAY - timedelta(days=3), "SIP/old", "ADDMEMBER", "care"),
        member(DAY - timedelta(hours=2), "SIP/old", "REMOVEMEMBER", "care"),
        # SIP/jo paused four days ago and was not heard of since.
        member(DAY - timedelta(days=5), "SIP/jo", "ADDMEMBER", "sales"),
        member(DAY - timedelta(days=4), "SIP/jo", "PAUSE", "sales", "meeting"),
        *(member(hm(8, 0), a, "ADDMEMBER", "sales") for a in ("SIP/ann", "SIP/bob", "SIP/cat", "SIP/dan", "SIP/fay", "SIP/gus", "SIP/hal")),
        member(hm(10, 0), "SIP/ann", "PAUSE", "sales", "lunch"),
        member(hm(9, 55), "SIP/bob", "PAUSE", "sales", "lunch"),
        # As Asterisk writes a pause of all queues: PAUSEALL, then PAUSE per queue with the reason.
        member(hm(10, 5), "SIP/cat", "PAUSEALL"),
        member(hm(10, 5), "SIP/cat", "PAUSE", "sales", "training"),
        # SIP/fay logs off while paused.
        member(hm(9, 0), "SIP/fay", "PAUSE", "sales", "lunch"),
        member(hm(9, 30), "SIP/fay", "REMOVEMEMBER", "sales"),
        # After `now`: not yet.
        member(hm(10, 20), "SIP/gus", "PAUSE", "sales", "lunch"),
        # Out of order in the file: the UNPAUSE is written before its PAUSE.
        member(hm(9, 40), "SIP/hal", "UNPAUSE", "sales"),
        member(hm(9, 20), "SIP/hal", "PAUSE", "sales", "break"),
        member(hm(7, 0), "Agent/1001", "AGENTLOGIN", data="SIP/1001"),
        member(hm(9, 0), "Agent/1001", "AGENTLOGOFF", data="SIP/1001|7200"),
    ]


def call_lines():
    yesterday = DAY - timedelta(days=1)
    last_week = DAY - WEEK
    today = [
        *answered("1.001", "sales", hm(8, 0), 10, "SIP/gus", talk=300),
        *answered("1.002", "sales", hm(8, 10), 30, "SIP/gus", talk=120),
        *abandoned("1.003", "sales", hm(8, 20), 5),
        *answered("1.004", "care", hm(9, 0), 15, "SIP/hal", talk=180),
        *abandoned("1.005", "sales", hm(9, 40), 60),
        *answered("1.006", "sales", hm(10, 4, 50), 10, "SIP/dan"),  # on a call since 10:05:00
        *answered("1.007", "care", hm(10, 7), 60, "SIP/eve"),  # on a call since 10:08, never logged in
        *waiting("1.008", "sales", hm(10, 6)),
        *waiting("1.009", "care", hm(10, 9, 30)),
        *waiting("1.010", "sales", hm(10, 45)),  # after now
    ]
    before = [
        *waiting("0.001", "sales", hm(23, 50, day=yesterday)),  # no outcome ever logged: not today's
        *answered("0.002", "sales", hm(23, 0, day=yesterday), 20, "SIP/gus"),  # open since yesterday: not on a call
        *answered("0.003", "sales", hm(23, 58, day=yesterday), 180, "SIP/ivy"),  # answered today at 00:01
    ]
    week = [
        *answered("7.001", "sales", hm(9, 40, day=last_week), 5, "SIP/ann", talk=60),  # before now's interval
        *abandoned("7.002", "sales", hm(9, 50, day=last_week), 40),
        *answered("7.011", "sales", hm(10, 1, day=last_week), 5, "SIP/ann", talk=60),  # now's interval: 2/3 of it
        *answered("7.012", "care", hm(10, 20, day=last_week), 25, "SIP/bob", talk=60),
        *abandoned("7.013", "sales", hm(10, 25, day=last_week), 8),
        *(line for i in range(9) for line in answered(f"7.1{i:02d}", "sales", hm(14, i, day=last_week), 10, "SIP/cat", talk=30)),
        *(line for i in range(3) for line in abandoned(f"7.2{i:02d}", "care", hm(14, 20 + i, day=last_week), 3 + 10 * i)),
        *answered("7.301", "sales", hm(23, 40, day=last_week), 10, "SIP/dan", talk=60),
        *answered("7.401", "sales", hm(0, 10, day=last_week + timedelta(days=1)), 10, "SIP/dan", talk=60),  # the next day
    ]
    return today + before + week


def import_lines(console, tmp_path, lines, **request):
    path = tmp_path / "queue_log"
    path.write_text("\n".join(lines) + "\n")
    import_feed(console, ImportRequest(path=path, format=FeedFormat.QUEUE_LOG, source="pbx", site="UTC floor", tz="UTC", **request))


def test_every_figure_of_the_floor_now(console, tmp_path):
    import_lines(console, tmp_path, agent_lines() + call_lines())
    floor = floor_now(console, "pbx", now=NOW)

    assert floor.source == "pbx"
    assert floor.at == NOW and floor.at.utcoffset() == timedelta(0)
    # Waiting: 1.008 (10:06) and 1.009 (10:09:30); not yesterday's 0.001 nor 1.010 at 10:45.
    assert (floor.waiting, floor.oldest_wait_seconds) == (2, 240.0)

    assert floor.agents == (
        AgentState("SIP/ann", PAUSED, "lunch", hm(10, 0)),
        AgentState("SIP/bob", PAUSED, "lunch", hm(9, 55)),
        AgentState("SIP/cat", PAUSED, "training", hm(10, 5)),
        AgentState("SIP/dan", ON_CALL, None, hm(10, 5)),
        AgentState("SIP/eve", ON_CALL, None, hm(10, 8)),
        AgentState("SIP/gus", AVAILABLE, None, hm(8, 0)),
        AgentState("SIP/hal", AVAILABLE, None, hm(9, 40)),
        AgentState("SIP/jo", PAUSED, "meeting", DAY - timedelta(days=4)),
        AgentState("SIP/old", AVAILABLE, None, DAY - timedelta(days=3)),  # still in sales
    )  # SIP/fay and Agent/1001 logged off; SIP/ivy's call answered at 00:01 has no end after 10 hours:
    # a call counts as going on for at most 2 hours (a lost COMPLETE line must not keep it open all day)
    assert (floor.logged_in, floor.on_call, floor.paused, floor.available) == (9, 2, 4, 3)
    assert floor.paused_by_reason == (("lunch", 2), ("meeting", 1), ("training", 1))

    # Today up to now's interval: 1.001-1.007 offered; within 20 s: 1.001 (10 s), 1.004 (15 s),
    # 1.006 (10 s); 1.003 abandoned after 5 s; 1.008 and 1.009 waiting.
    today = floor.today
    assert (today.offered, today.answered, today.abandoned, today.other, today.waiting) == (7, 5, 2, 0, 2)
    assert (today.answered_within, today.abandoned_within) == (3, 1)
    assert today.asa_seconds == pytest.approx((10 + 30 + 15 + 10 + 60) / 5)
    assert (today.aht_seconds, today.aht_count) == (pytest.approx((300 + 120 + 180) / 3), 3)
    assert today.max_wait_seconds == 60
    assert floor.sl_definition is SlDefinition.OFFERED and floor.target_percent == 80.0
    assert floor.service_level == pytest.approx(3 / 7 * 100)
    assert floor.abandon_percent == pytest.approx(2 / 7 * 100)

    # Last Thursday from 10:10 on: 2/3 of the 10:00 interval's 3 calls, 12 at 14:00, 1 at 23:30.
    assert floor.remaining_offered == pytest.approx(2 + 12 + 1)
    # (3 + x * 15) / (7 + 15) = 0.8  ->  x = 14.6 / 15
    assert floor.needed_status is NeededStatus.REACHABLE
    assert floor.needed_service_level == pytest.approx(14.6 / 15 * 100)


def test_earlier_in_the_same_interval(console, tmp_path):
    import_lines(console, tmp_path, agent_lines() + call_lines())
    floor = floor_now(console, "pbx", now=hm(10, 7, 30))
    # 1.008 waits since 10:06; 1.009 has not arrived yet. 1.007 (10:07, answered at 10:08) is
    # stored with its outcome only, so a `now` before its answer sees it neither waiting nor on a call.
    assert (floor.waiting, floor.oldest_wait_seconds) == (1, 90.0)
    assert {s.agent: s.state for s in floor.agents if s.state is ON_CALL} == {"SIP/dan": ON_CALL}
    assert floor.remaining_offered == pytest.approx(3 * 0.75 + 12 + 1)


def test_the_needed_level_follows_the_source_definition(console, tmp_path):
    import_lines(console, tmp_path, agent_lines() + call_lines(), sl_definition=SlDefinition.ANSWERED)
    floor = floor_now(console, "pbx", now=NOW)
    assert floor.service_level == pytest.approx(3 / 5 * 100)
    assert floor.remaining_offered == pytest.approx(15)
    # Answered last week from 10:10: 2/3 of 2 in the 10:00 interval, 9 at 14:00, 1 at 23:30.
    rest = 2 * 2 / 3 + 9 + 1
    assert floor.needed_service_level == pytest.approx((0.8 * (5 + rest) - 3) / rest * 100)


def test_no_forecast_without_last_week_and_a_quiet_floor(console, tmp_path):
    import_lines(console, tmp_path, [member(hm(8, 0), "SIP/a", "ADDMEMBER", "sales"), *answered("1.1", "sales", hm(8, 5), 4, "SIP/a", talk=60)])
    floor = floor_now(console, "pbx", now=NOW)
    assert (floor.waiting, floor.oldest_wait_seconds) == (0, None)
    assert (floor.logged_in, floor.available, floor.paused_by_reason) == (1, 1, ())
    assert (floor.service_level, floor.abandon_percent) == (100.0, 0.0)
    assert (floor.needed_status, floor.needed_service_level, floor.remaining_offered) == (NeededStatus.NO_FORECAST, None, None)
    # The next day nothing was offered yet.
    empty = floor_now(console, "pbx", now=NOW + timedelta(days=1))
    assert (empty.today.offered, empty.service_level, empty.abandon_percent) == (0, None, None)
    assert (empty.logged_in, empty.available) == (1, 1)  # still a member


def test_unknown_source_and_naive_now(console):
    with pytest.raises(UnknownSourceError):
        floor_now(console, "nope", now=NOW)
    with pytest.raises(InvalidSettingError, match="timezone-aware"):
        floor_now(console, "nope", now=datetime(2025, 11, 27, 10, 0))


def test_the_real_kata_sample_after_its_last_line(console):
    import_feed(console, ImportRequest(path=KATA, format=FeedFormat.QUEUE_LOG, source="pbx", site="UTC floor", tz="UTC"))
    floor = floor_now(console, "pbx", now=datetime(2010, 2, 22, 11, 57, tzinfo=timezone.utc))
    # 1266839768.534 entered at 11:56:17 and nothing followed: the one caller truly waiting.
    assert (floor.waiting, floor.oldest_wait_seconds) == (1, 43.0)
    # 1266839761.533 was connected to Local/2004 at 11:56:15 and never completed. The file has no member events.
    assert floor.agents == (AgentState("Local/2004@from-internal/n", ON_CALL, None, datetime(2010, 2, 22, 11, 56, 15, tzinfo=timezone.utc)),)
    assert (floor.logged_in, floor.on_call, floor.paused, floor.available) == (1, 1, 0, 0)
    # 20 offered: 8 answered (holds 1, 2, 36, 6, 84, 4, 5, 5: six within 20 s), 12 abandoned.
    assert (floor.today.offered, floor.today.answered, floor.today.abandoned, floor.today.answered_within) == (20, 8, 12, 6)
    assert (floor.service_level, floor.abandon_percent) == (pytest.approx(30.0), pytest.approx(60.0))
    assert floor.needed_status is NeededStatus.NO_FORECAST  # nothing a week earlier
