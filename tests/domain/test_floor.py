"""The floor's "Now" rules: agent states replayed from events, the rest-of-day forecast and the needed service level."""

from datetime import date, datetime, timedelta, timezone
from fractions import Fraction
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.domain.floor import (
    AgentEvent,
    AgentState,
    AgentStatus,
    NeededServiceLevel,
    NeededStatus,
    agent_states,
    floor_span,
    needed_service_level,
    paused_by_reason,
    remaining_volume,
    sl_terms,
)
from app.domain.service_level import IntervalFigures, SlDefinition

T = datetime(2025, 11, 27, 8, 0, tzinfo=timezone.utc)
NOW = T + timedelta(hours=3)
LOGGED_OUT, AVAILABLE, PAUSED, ON_CALL = AgentStatus


def at(minutes: float) -> datetime:
    return T + timedelta(minutes=minutes)


def ev(agent: str, minutes: float, kind: str, queue: str = "", reason: str | None = None) -> AgentEvent:
    return AgentEvent(agent, at(minutes), kind, queue, reason)


def states(events, open_calls=(), now=NOW) -> dict[str, tuple]:
    return {s.agent: (s.state, s.pause_reason, s.since) for s in agent_states(events, open_calls, now)}


# --- agent states ----------------------------------------------------------------------------------

def test_login_kinds_make_an_agent_available_from_that_instant():
    got = states([
        ev("Agent/1", 0, "AGENTLOGIN"),
        ev("Agent/2", 1, "AGENTCALLBACKLOGIN"),
        ev("SIP/a", 2, "ADDMEMBER", "sales"),
    ])
    assert got == {"Agent/1": (AVAILABLE, None, at(0)), "Agent/2": (AVAILABLE, None, at(1)), "SIP/a": (AVAILABLE, None, at(2))}


def test_an_agent_is_logged_in_while_a_member_of_any_queue():
    events = [ev("SIP/a", 0, "ADDMEMBER", "sales"), ev("SIP/a", 0, "ADDMEMBER", "care"), ev("SIP/a", 10, "REMOVEMEMBER", "sales")]
    assert states(events) == {"SIP/a": (AVAILABLE, None, at(0))}
    assert states(events + [ev("SIP/a", 20, "REMOVEMEMBER", "care")]) == {"SIP/a": (LOGGED_OUT, None, at(20))}
    # Removed from a queue it never joined: nothing changes.
    assert states(events + [ev("SIP/a", 20, "REMOVEMEMBER", "billing")]) == {"SIP/a": (AVAILABLE, None, at(0))}


def test_a_queue_less_logoff_ends_every_membership():
    events = [ev("Agent/1", 0, "AGENTLOGIN"), ev("Agent/1", 1, "ADDMEMBER", "sales"), ev("Agent/1", 30, "AGENTLOGOFF", "sales")]
    assert states(events) == {"Agent/1": (LOGGED_OUT, None, at(30))}
    assert states([ev("Agent/2", 0, "AGENTCALLBACKLOGIN"), ev("Agent/2", 5, "AGENTCALLBACKLOGOFF", reason="Autologoff")]) == {
        "Agent/2": (LOGGED_OUT, None, at(5))
    }


def test_events_are_replayed_in_time_order_whatever_order_they_come_in():
    events = [
        ev("SIP/a", 0, "ADDMEMBER", "sales"),
        ev("SIP/a", 20, "PAUSE", "sales", "lunch"),
        ev("SIP/a", 50, "UNPAUSE", "sales"),
        ev("SIP/a", 70, "PAUSE", "sales", "break"),
        ev("SIP/b", 5, "ADDMEMBER", "sales"),
        ev("SIP/b", 60, "REMOVEMEMBER", "sales"),
    ]
    want = {"SIP/a": (PAUSED, "break", at(70)), "SIP/b": (LOGGED_OUT, None, at(60))}
    assert states(events) == want
    assert states(list(reversed(events))) == want
    assert states(events[3:] + events[:3]) == want


@given(st.permutations(list(range(8))))
def test_any_shuffle_of_distinct_instants_gives_the_same_states(order):
    events = [
        ev("SIP/a", 0, "ADDMEMBER", "sales"), ev("SIP/a", 1, "ADDMEMBER", "care"),
        ev("SIP/a", 2, "PAUSE", "sales", "lunch"), ev("SIP/a", 3, "PAUSE", "care", "coaching"),
        ev("SIP/a", 4, "UNPAUSE", "sales"), ev("SIP/b", 5, "PAUSEALL"),
        ev("SIP/b", 6, "UNPAUSEALL"), ev("SIP/b", 7, "AGENTLOGOFF"),
    ]
    assert states([events[i] for i in order]) == states(events)


def test_events_of_one_instant_keep_their_given_order():
    relogin = [ev("SIP/a", 0, "ADDMEMBER", "sales"), ev("SIP/a", 9, "REMOVEMEMBER", "sales"), ev("SIP/a", 9, "ADDMEMBER", "sales")]
    assert states(relogin)["SIP/a"][0] is AVAILABLE
    assert states([relogin[0], relogin[2], relogin[1]])["SIP/a"][0] is LOGGED_OUT


def test_pause_reasons_and_when_the_reason_changes():
    events = [ev("SIP/a", 0, "ADDMEMBER", "sales"), ev("SIP/a", 10, "PAUSE", "sales", "lunch")]
    assert states(events)["SIP/a"] == (PAUSED, "lunch", at(10))
    assert states(events + [ev("SIP/a", 40, "PAUSE", "sales", "meeting")])["SIP/a"] == (PAUSED, "meeting", at(40))
    assert states(events + [ev("SIP/a", 40, "UNPAUSE", "sales")])["SIP/a"] == (AVAILABLE, None, at(40))
    # A pause without reason is paused with reason None.
    assert states([ev("SIP/b", 0, "ADDMEMBER", "sales"), ev("SIP/b", 3, "PAUSE", "sales")])["SIP/b"] == (PAUSED, None, at(3))


def test_pauseall_beside_per_queue_pauses_keeps_their_reason():
    # Asterisk writes PAUSEALL (no reason) and then PAUSE per queue with the reason.
    base = [ev("SIP/a", 0, "ADDMEMBER", "sales"), ev("SIP/a", 0, "ADDMEMBER", "care")]
    asterisk = [ev("SIP/a", 10, "PAUSEALL"), ev("SIP/a", 10, "PAUSE", "sales", "lunch"), ev("SIP/a", 10, "PAUSE", "care", "lunch")]
    assert states(base + asterisk)["SIP/a"] == (PAUSED, "lunch", at(10))
    # The other way round, the reason-less PAUSEALL does not wipe the reason out.
    assert states(base + asterisk[1:] + asterisk[:1])["SIP/a"] == (PAUSED, "lunch", at(10))
    # UNPAUSEALL ends every pause.
    assert states(base + asterisk + [ev("SIP/a", 20, "UNPAUSEALL")])["SIP/a"] == (AVAILABLE, None, at(20))


def test_paused_only_when_every_membership_is_paused():
    base = [ev("SIP/a", 0, "ADDMEMBER", "sales"), ev("SIP/a", 0, "ADDMEMBER", "care")]
    one = base + [ev("SIP/a", 5, "PAUSE", "sales", "coaching")]
    assert states(one)["SIP/a"] == (AVAILABLE, None, at(0))  # still takes care calls
    both = one + [ev("SIP/a", 6, "PAUSE", "care", "lunch")]
    assert states(both)["SIP/a"] == (PAUSED, "lunch", at(6))  # the latest reason in force
    assert states(both + [ev("SIP/a", 7, "UNPAUSE", "care")])["SIP/a"] == (AVAILABLE, None, at(7))
    # Leaving the only unpaused queue leaves the agent paused in the other one.
    assert states(one + [ev("SIP/a", 8, "REMOVEMEMBER", "care")])["SIP/a"] == (PAUSED, "coaching", at(8))
    # A new membership starts unpaused.
    paused_all = base + [ev("SIP/a", 5, "PAUSEALL", reason="break")]
    assert states(paused_all)["SIP/a"] == (PAUSED, "break", at(5))
    assert states(paused_all + [ev("SIP/a", 9, "ADDMEMBER", "billing")])["SIP/a"] == (AVAILABLE, None, at(9))


def test_logoff_while_paused_logs_out_and_forgets_the_pause():
    events = [ev("SIP/a", 0, "ADDMEMBER", "sales"), ev("SIP/a", 10, "PAUSE", "sales", "lunch"), ev("SIP/a", 30, "REMOVEMEMBER", "sales")]
    assert states(events)["SIP/a"] == (LOGGED_OUT, None, at(30))
    assert states(events + [ev("SIP/a", 60, "ADDMEMBER", "sales")])["SIP/a"] == (AVAILABLE, None, at(60))
    agent = [ev("Agent/1", 0, "AGENTLOGIN"), ev("Agent/1", 5, "PAUSEALL", reason="break"), ev("Agent/1", 9, "AGENTLOGOFF")]
    assert states(agent + [ev("Agent/1", 12, "AGENTLOGIN")])["Agent/1"] == (AVAILABLE, None, at(12))


def test_a_pause_event_of_an_agent_never_logged_in_makes_it_a_member():
    # Static queue members of a PBX never log in; only members can be paused.
    assert states([ev("SIP/s", 4, "PAUSE", "sales", "lunch")])["SIP/s"] == (PAUSED, "lunch", at(4))
    assert states([ev("SIP/s", 4, "UNPAUSE", "sales")])["SIP/s"] == (AVAILABLE, None, at(4))
    assert states([ev("SIP/t", 4, "PAUSEALL", reason="break")])["SIP/t"] == (PAUSED, "break", at(4))
    assert states([ev("SIP/t", 4, "UNPAUSEALL")])["SIP/t"] == (AVAILABLE, None, at(4))


def test_an_open_answered_call_puts_its_agent_on_a_call():
    events = [ev("SIP/a", 0, "ADDMEMBER", "sales"), ev("SIP/b", 0, "ADDMEMBER", "sales"), ev("SIP/b", 50, "PAUSE", "sales", "after call")]
    calls = [("SIP/a", at(40)), ("SIP/b", at(45)), ("SIP/c", at(30))]
    assert states(events, calls) == {
        "SIP/a": (ON_CALL, None, at(40)),
        "SIP/b": (ON_CALL, "after call", at(45)),  # paused during the call: the reason stays known
        "SIP/c": (ON_CALL, None, at(30)),  # seen on a call with no login event: logged in
    }


def test_the_latest_of_several_open_calls_is_the_current_one():
    assert states([], [("SIP/a", at(10)), ("SIP/a", at(90)), ("SIP/a", at(30))]) == {"SIP/a": (ON_CALL, None, at(90))}


def test_nothing_after_now_counts():
    events = [ev("SIP/a", 0, "ADDMEMBER", "sales"), ev("SIP/a", 200, "PAUSE", "sales", "lunch"), ev("SIP/z", 200, "ADDMEMBER", "sales")]
    assert states(events, [("SIP/a", at(190))], now=at(180)) == {"SIP/a": (AVAILABLE, None, at(0))}
    # `now` itself is included.
    assert states(events, [("SIP/a", at(180))], now=at(180)) == {"SIP/a": (ON_CALL, None, at(180))}


def test_paused_by_reason_counts_only_paused_agents_most_frequent_first():
    s = [
        AgentState("a", PAUSED, "lunch", T), AgentState("b", PAUSED, "break", T), AgentState("c", PAUSED, "lunch", T),
        AgentState("d", PAUSED, None, T), AgentState("e", ON_CALL, "lunch", T), AgentState("f", AVAILABLE, None, T),
        AgentState("g", PAUSED, "admin", T),
    ]
    assert paused_by_reason(s) == (("lunch", 2), (None, 1), ("admin", 1), ("break", 1))


# --- the span of now, and the forecast of the rest of the day ---------------------------------------

def test_floor_span_in_utc():
    span = floor_span(datetime(2025, 11, 27, 10, 10, tzinfo=timezone.utc), ZoneInfo("UTC"))
    day = int(datetime(2025, 11, 27, tzinfo=timezone.utc).timestamp())
    assert (span.day, span.day_first, span.now_interval) == (date(2025, 11, 27), day, day + 10 * 3600)
    assert span.fraction_left == pytest.approx(2 / 3)
    assert (span.last_week_first, span.last_week_end) == (day - 7 * 86400 + 10 * 3600, day - 6 * 86400)


def test_floor_span_keeps_the_wall_clock_across_a_daylight_saving_change():
    berlin = ZoneInfo("Europe/Berlin")  # summer time began on Sunday 2025-03-30
    now = datetime(2025, 3, 31, 10, 15, tzinfo=berlin)
    span = floor_span(now, berlin)
    assert span.day == date(2025, 3, 31)
    assert span.now_interval == int(datetime(2025, 3, 31, 10, 0, tzinfo=berlin).timestamp())
    assert span.last_week_first == int(datetime(2025, 3, 24, 10, 0, tzinfo=berlin).timestamp())
    assert span.last_week_end == int(datetime(2025, 3, 25, 0, 0, tzinfo=berlin).timestamp())
    assert span.now_interval - span.last_week_first == 7 * 86400 - 3600  # one hour less in between
    assert span.fraction_left == pytest.approx(0.5)


def test_sl_terms_by_definition():
    f = IntervalFigures(offered=100, answered=70, abandoned=25, other=5, answered_within=60, abandoned_within=10)
    assert sl_terms(f, SlDefinition.OFFERED) == (60, 100)
    assert sl_terms(f, SlDefinition.ANSWERED) == (60, 70)
    assert sl_terms(f, SlDefinition.EXCLUDE_SHORT_ABANDONS) == (60, 90)
    assert sl_terms(f, SlDefinition.SHORT_ABANDONS_MET) == (70, 100)
    vendor = IntervalFigures(offered=100, answered=70, answered_within=60, abandoned_within=None)
    assert sl_terms(vendor, SlDefinition.OFFERED) == (60, 100)
    assert sl_terms(vendor, SlDefinition.EXCLUDE_SHORT_ABANDONS) is None


def test_remaining_volume_counts_the_rest_of_nows_interval_and_the_later_ones_in_full():
    span = floor_span(datetime(2025, 11, 27, 10, 10, tzinfo=timezone.utc), ZoneInfo("UTC"))
    first = span.last_week_first
    rows = [
        (first, IntervalFigures(offered=30, answered=24, answered_within=20, abandoned_within=3)),
        (first + 1800, IntervalFigures(offered=12, answered=10, answered_within=8, abandoned_within=1)),
        (first + 5 * 1800, IntervalFigures(offered=6, answered=6, answered_within=6, abandoned_within=0)),
    ]
    offered, denominator = remaining_volume(rows, span, SlDefinition.OFFERED)
    assert (offered, denominator) == pytest.approx((30 * 2 / 3 + 12 + 6, 30 * 2 / 3 + 12 + 6))
    assert remaining_volume(rows, span, SlDefinition.ANSWERED) == pytest.approx((38.0, 24 * 2 / 3 + 10 + 6))
    assert remaining_volume(rows, span, SlDefinition.EXCLUDE_SHORT_ABANDONS)[1] == pytest.approx(27 * 2 / 3 + 11 + 6)
    assert remaining_volume([], span, SlDefinition.OFFERED) == (0.0, 0.0)
    assert remaining_volume([(first, IntervalFigures(offered=None))], span, SlDefinition.OFFERED) is None


# --- the needed service level ------------------------------------------------------------------------

@pytest.mark.parametrize(
    "within, offered, remaining, target, want",
    [
        (85, 100, 100, 80, NeededServiceLevel(NeededStatus.REACHABLE, 75.0)),  # (160 - 85) / 100
        (60, 100, 100, 80, NeededServiceLevel(NeededStatus.REACHABLE, 100.0)),  # exactly all of them
        (50, 100, 20, 80, NeededServiceLevel(NeededStatus.NOT_REACHABLE, 230.0)),  # (96 - 50) / 20
        (95, 100, 10, 80, NeededServiceLevel(NeededStatus.ALREADY_MET, 0.0)),  # 95 >= 88
        (88, 100, 10, 80, NeededServiceLevel(NeededStatus.ALREADY_MET, 0.0)),  # exactly met with none
        (0, 0, 40, 80, NeededServiceLevel(NeededStatus.REACHABLE, 80.0)),  # nothing yet: the target itself
        (30, 40, 0, 80, NeededServiceLevel(NeededStatus.NOT_REACHABLE, None)),  # 75 % and no call to come
        (32, 40, 0, 80, NeededServiceLevel(NeededStatus.ALREADY_MET, None)),
        (0, 0, 0, 80, NeededServiceLevel(NeededStatus.NO_FORECAST, None)),
        (30, 40, None, 80, NeededServiceLevel(NeededStatus.NO_FORECAST, None)),
        (3, 7, 15.0, 80, NeededServiceLevel(NeededStatus.REACHABLE, pytest.approx(14.6 / 15 * 100))),
    ],
)
def test_needed_service_level_known_answers(within, offered, remaining, target, want):
    assert needed_service_level(within, offered, remaining, target) == want


def test_needed_service_level_is_exact_at_the_boundaries():
    # In floats 0.55 * 100 - 55 is 7e-15: "met exactly" would read "reachable at 0.0000000000007 %".
    assert needed_service_level(55, 99, 1, 55) == NeededServiceLevel(NeededStatus.ALREADY_MET, 0.0)
    assert needed_service_level(54, 99, 1, 55) == NeededServiceLevel(NeededStatus.REACHABLE, pytest.approx(100.0))


counts = st.integers(0, 10_000)


@given(counts, counts, st.floats(0.5, 10_000, allow_nan=False), st.floats(0, 100, allow_nan=False))
def test_plugging_the_needed_level_back_gives_the_target(within, extra, remaining, target):
    offered = within + extra
    got = needed_service_level(within, offered, remaining, target)
    if got.status is NeededStatus.ALREADY_MET:
        assert got.percent == 0.0
        assert within / (offered + remaining) >= target / 100 - 1e-12
        return
    x = got.percent / 100
    assert (within + x * remaining) / (offered + remaining) == pytest.approx(target / 100, rel=1e-9, abs=1e-12)
    assert (got.status is NeededStatus.REACHABLE) == (0 < x <= 1)


@given(counts, counts, st.integers(1, 10_000), st.floats(1, 100, allow_nan=False))
def test_more_calls_within_so_far_never_need_more_later(within, extra, remaining, target):
    offered = within + extra + 1
    before = needed_service_level(within, offered, remaining, target)
    after = needed_service_level(within + 1, offered, remaining, target)
    assert after.percent <= before.percent


@given(counts, counts, st.integers(1, 10_000), st.floats(0, 100, allow_nan=False))
def test_status_agrees_with_exact_arithmetic(within, extra, remaining, target):
    offered = within + extra
    got = needed_service_level(within, offered, remaining, target)
    x = (Fraction(target) / 100 * (offered + remaining) - within) / remaining
    want = NeededStatus.ALREADY_MET if x <= 0 else NeededStatus.REACHABLE if x <= 1 else NeededStatus.NOT_REACHABLE
    assert got.status is want
