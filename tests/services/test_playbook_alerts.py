"""Playbook suggestions on SQLite and PostgreSQL: the rules checked on January 1999 as a live feed would see it,
alerts stored once, dismissed with a reason; the login gap and the oldest waiting call from a queue_log at the
shift change; the agents still on long calls when their shift ends; the rule settings."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest

from app.domain.attendance import AttendanceStatus, Mark
from app.domain.calls import FeedFormat
from app.domain.errors import InvalidSettingError, UnknownSourceError
from app.domain.playbooks import Trigger
from app.domain.playbook_rules import (
    LOGIN_GAP,
    OLDEST_WAIT,
    SL_BELOW_TARGET,
    SL_BELOW_TARGET_TWICE,
    TRAFFIC_PEAK,
    RuleSettings,
)
from app.services import playbook_alerts as alerts
from app.services import playbooks, roster, sheet, shifts
from app.services.console import Console
from app.services.floor import floor_now
from app.services.imports import ImportRequest, import_feed
from app.services.reports import interval_report
from app.services.sources import list_sites
from tests.conftest import JANUARY, _pg_schema_url, pg_base_url
from tests.services.shift_world import DAY, at, build

BANK = ZoneInfo("Asia/Jerusalem")


@pytest.fixture(scope="module", params=["sqlite", pytest.param("postgresql", marks=pytest.mark.pg)])
def january(request, tmp_path_factory):
    """A console holding January 1999 of the Anonymous Bank (source "bank"), imported once per database."""
    cleanup = None
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path_factory.mktemp('january') / 'bank.sqlite3'}"
    else:
        url, engine, schema = _pg_schema_url(pg_base_url())
        cleanup = (engine, schema)
    console = Console.open(url)
    summary = import_feed(console, ImportRequest(path=JANUARY, format=FeedFormat.ANONYMOUS_BANK, source="bank",
                                                 site="Anonymous Bank", tz="Asia/Jerusalem"))
    assert summary.calls == 30161
    yield console
    console.close()
    if cleanup:
        engine, schema = cleanup
        with engine.begin() as conn:
            conn.exec_driver_sql(f"DROP SCHEMA {schema} CASCADE")
        engine.dispose()


def bank_site(console) -> int:
    return next(s.id for s in list_sites(console) if s.name == "Anonymous Bank")


def local(y_m_d_h_m: str) -> datetime:
    return datetime.fromisoformat(y_m_d_h_m).replace(tzinfo=BANK)


def fired(found) -> set[tuple[str, datetime]]:
    return {(a.rule, a.interval_start) for a in found}


def test_the_worst_half_hour_as_the_feed_reaches_it(january):
    console, site = january, bank_site(january)
    since = local("1999-01-13T00:00")
    now = local("1999-01-13T16:05")  # 15:30 just over (2 of 83 within 20 s), 16:00 running
    new = alerts.check_rules(console, "bank", now)
    assert [(a.rule, a.level, a.interval_start, a.playbook_key) for a in new] == [
        (SL_BELOW_TARGET_TWICE, "critical", local("1999-01-13T15:30"), "traffic-peak"),
        (TRAFFIC_PEAK, "warning", local("1999-01-13T15:30"), "traffic-peak"),
        (SL_BELOW_TARGET_TWICE, "critical", local("1999-01-13T16:00"), "traffic-peak"),
    ]
    assert all(a.site_id == site and a.source == "bank" and a.fired_at == now and a.open for a in new)
    assert new[1].detail_dict() == {"arrived": 83, "last_week_offered": 55, "ratio": 1.5}
    assert new[2].detail_dict()["offered"] == 64 and new[2].detail_dict()["service_level"] == pytest.approx(14.0625)
    # The next feed update in the same half hour fires nothing again.
    assert alerts.check_rules(console, "bank", now + timedelta(minutes=3)) == ()
    assert [a.id for a in alerts.open_alerts(console, since, site)] == [a.id for a in reversed(new)]
    assert alerts.open_alerts(console, now + timedelta(seconds=1), site) == ()
    # Dismissed with a reason (required): it leaves the open alerts and keeps who, when and why.
    with pytest.raises(InvalidSettingError, match="needs a reason"):
        alerts.dismiss_alert(console, new[1].id, "  ", "王丽", now)
    done = alerts.dismiss_alert(console, new[1].id, " Known: the bank's mailing went out at 15:00 ", "王丽",
                                now + timedelta(minutes=4))
    assert (done.dismissed_at, done.dismissed_by, done.dismiss_reason, done.open) == (
        now + timedelta(minutes=4), "王丽", "Known: the bank's mailing went out at 15:00", False)
    with pytest.raises(InvalidSettingError, match="dismissed already"):
        alerts.dismiss_alert(console, new[1].id, "again", "王丽", now)
    with pytest.raises(InvalidSettingError, match="no such alert"):
        alerts.dismiss_alert(console, 999999, "why", "王丽", now)
    with pytest.raises(InvalidSettingError, match="no such playbook run"):
        alerts.link_run(console, new[0].id, 999999)
    assert [a.rule for a in alerts.open_alerts(console, since, site)] == [SL_BELOW_TARGET_TWICE] * 2
    # Still dismissed at the next update: an alert never fires twice for the same interval.
    assert alerts.check_rules(console, "bank", now + timedelta(minutes=10)) == ()
    with pytest.raises(UnknownSourceError):
        alerts.check_rules(console, "nope", now)


def expected_day(console, day: date) -> set[tuple[str, datetime]]:
    """(rule, interval) the rules must raise over `day`, from the report rows read directly."""
    rows = {r.interval_start: r for d in (day - timedelta(days=8), day - timedelta(days=7), day - timedelta(days=1), day)
            for r in interval_report(console, "bank", d, "*")}

    def below(start):
        r = rows.get(start)
        return r is not None and r.service_level is not None and r.service_level < r.target_percent

    out = set()
    for start, r in rows.items():
        if datetime.fromtimestamp(start, BANK).date() != day:
            continue
        when = datetime.fromtimestamp(start, timezone.utc)
        if below(start):
            out.add((SL_BELOW_TARGET_TWICE if below(start - 1800) else SL_BELOW_TARGET, when))
        week = rows.get(start - 7 * 86400)
        if week is not None and r.figures.offered >= 20 and r.figures.offered > 1.5 * week.figures.offered:
            out.add((TRAFFIC_PEAK, when))
    return out


def test_a_whole_day_fed_half_hour_by_half_hour_fires_where_the_report_says(january):
    console, site = january, bank_site(january)
    day = date(1999, 1, 20)  # four traffic peaks against a near-empty morning a week earlier
    midnight = datetime(1999, 1, 20, tzinfo=BANK)
    found = set()
    for k in range(48):
        found |= fired(alerts.check_rules(console, "bank", midnight + timedelta(minutes=30 * k + 1)))
    found |= fired(alerts.check_rules(console, "bank", midnight + timedelta(days=1, minutes=1)))  # 23:30 finished
    on_day = {(rule, start) for rule, start in found if start.astimezone(BANK).date() == day}
    expected = expected_day(console, day)
    assert on_day == expected
    assert {(r, s.astimezone(BANK).strftime("%H:%M")) for r, s in expected if r == TRAFFIC_PEAK} == {
        (TRAFFIC_PEAK, "09:30"), (TRAFFIC_PEAK, "10:00"), (TRAFFIC_PEAK, "10:30"), (TRAFFIC_PEAK, "11:00")}
    assert len([1 for r, _ in expected if r == SL_BELOW_TARGET_TWICE]) >= 10
    opened = alerts.open_alerts(console, midnight, site)
    assert fired(opened) >= expected and len(opened) == len(found)


def test_a_quiet_hour_raises_nothing(january):
    console = january
    # 12:00 (94.1 %), 12:30 (88.5 %), 13:00 (94.5 %), none far above the week before.
    for now in (local("1999-01-17T12:45"), local("1999-01-17T13:15")):
        assert alerts.check_rules(console, "bank", now) == ()
    snaps = alerts.interval_snapshots(console, "bank", local("1999-01-17T13:15"))
    assert [(s.interval_start, s.complete) for s in snaps] == [
        (local("1999-01-17T12:30"), True), (local("1999-01-17T13:00"), False)]
    assert [s.figures.offered for s in snaps] == [52, 55] and snaps[1].last_week_offered == 72
    assert (snaps[1].oldest_wait_seconds, snaps[1].at_shift_change, snaps[1].logged_in) == (None, False, None)


def test_saved_settings_change_what_fires(january):
    console, site = january, bank_site(january)
    assert alerts.rule_settings(console, site) == RuleSettings()
    strict = RuleSettings(offered_ratio=2.0, sl_warning=False)
    assert alerts.save_rule_settings(console, strict, site) == strict
    assert alerts.rule_settings(console, site) == strict
    assert alerts.rule_settings(console) == RuleSettings()  # the first site keeps its own
    now = local("1999-01-31T17:05")  # 16:30 just over: 77 calls against 49 a week before (1.57 x), SL below
    try:
        assert {a.rule for a in alerts.check_rules(console, "bank", now)} == {SL_BELOW_TARGET_TWICE}
        with pytest.raises(InvalidSettingError):
            alerts.save_rule_settings(console, RuleSettings(offered_ratio=0.9), site)
        assert alerts.rule_settings(console, site) == strict
    finally:
        alerts.save_rule_settings(console, RuleSettings(), site)
    # Back to the defaults, the same update raises the peak (it had not fired).
    new = alerts.check_rules(console, "bank", now)
    assert [(a.rule, a.interval_start) for a in new] == [(TRAFFIC_PEAK, local("1999-01-31T16:30"))]
    assert new[0].detail_dict() == {"arrived": 77, "last_week_offered": 49, "ratio": 1.5}


# --- a live queue_log at the shift change (the first site, in the machine's zone) ---

def queue_log(console, tmp_path, lines):
    path = tmp_path / "queue_log"
    path.write_text("\n".join(lines) + "\n")
    summary = import_feed(console, ImportRequest(path=path, format=FeedFormat.QUEUE_LOG, source="pbx"))
    assert summary.rejected == 0


def t(when: datetime) -> int:
    return int(when.timestamp())


def connect(callid, when, agent, hold=5, talk=None, queue="sales"):
    """A call that entered the queue `hold` seconds before `when` and was answered by `agent` at `when`;
    completed `talk` seconds later, or still going (no COMPLETE line) when talk is None."""
    lines = [f"{t(when) - hold}|{callid}|{queue}|NONE|ENTERQUEUE||5550{callid[-3:]}",
             f"{t(when)}|{callid}|{queue}|{agent}|CONNECT|{hold}|{callid}9"]
    if talk is not None:
        lines.append(f"{t(when) + talk}|{callid}|{queue}|{agent}|COMPLETEAGENT|{hold}|{talk}|1")
    return lines


def test_login_gap_and_oldest_wait_at_the_shift_change(console, tmp_path):
    w = build(console)
    a = w.agents
    for no in ("1002", "1003", "1005"):
        roster.add_entry(console, a[no].id, DAY, w.evening.id)  # evening: 15:00 to 23:30
    now = at(console, DAY, 15, 5)
    queue_log(console, tmp_path, [
        f"{t(at(console, DAY, 14, 55))}|NONE|sales|SIP/1005|ADDMEMBER|",
        f"{t(at(console, DAY, 14, 56))}|NONE|sales|SIP/1001|ADDMEMBER|",  # the morning's agent, not the evening's
        *connect("1.001", at(console, DAY, 14, 58), "SIP/1001", talk=60),
        f"{t(at(console, DAY, 15, 3))}|1.002|sales|NONE|ENTERQUEUE||5550002",  # still waiting at 15:05
    ])
    iid = shifts.ensure_instance(console, DAY, w.evening.id).id
    for no, mark in (("1005", Mark(AttendanceStatus.PRESENT)), ("1002", Mark(AttendanceStatus.PRESENT)),
                     ("1003", Mark(AttendanceStatus.LATE, late_minutes=5))):
        sheet.mark(console, iid, a[no].id, mark, "王丽", now)
    snaps = alerts.interval_snapshots(console, "pbx", now)
    running = snaps[-1]
    assert (running.at_shift_change, running.present_on_sheet, running.logged_in) == (True, 3, 1)
    assert running.oldest_wait_seconds == 120.0 == floor_now(console, "pbx", now).oldest_wait_seconds
    new = alerts.check_rules(console, "pbx", now)
    by_rule = {x.rule: x for x in new}
    assert set(by_rule) == {LOGIN_GAP, OLDEST_WAIT}
    gap = by_rule[LOGIN_GAP]
    assert (gap.level, gap.playbook_key, gap.interval_start) == ("warning", "acd-login-failure", at(console, DAY, 15))
    assert gap.detail_dict() == {"present": 3, "logged_in": 1, "gap": 2}
    assert by_rule[OLDEST_WAIT].detail_dict() == {"oldest_wait_seconds": 120.0, "limit_seconds": 60.0}
    assert alerts.check_rules(console, "pbx", now + timedelta(minutes=2)) == ()
    # Away from the shift change the sheet is not read.
    assert alerts.interval_snapshots(console, "pbx", at(console, DAY, 12))[-1].at_shift_change is False
    assert alerts.interval_snapshots(console, "pbx", at(console, DAY, 12))[-1].present_on_sheet is None
    # The supervisor starts the playbook the alert names: the alert is taken up by that run.
    playbooks.install_defaults(console, "en", now=now)
    book = next(p for p in playbooks.list_playbooks(console) if p.key == gap.playbook_key)
    trigger = Trigger(gap.rule, gap.source, gap.interval_start, gap.level)
    run = playbooks.start_run(console, book.id, iid, "王丽", now + timedelta(minutes=1), {}, trigger)
    linked = alerts.link_run(console, gap.id, run.id)
    assert (linked.run_id, linked.open) == (run.id, False)
    assert alerts.link_run(console, gap.id, run.id) == linked  # the same run again changes nothing
    assert [x.rule for x in alerts.open_alerts(console, at(console, DAY, 15))] == [OLDEST_WAIT]
    with pytest.raises(InvalidSettingError, match="a run was started"):
        alerts.link_run(console, gap.id, playbooks.start_run(console, book.id, iid, "王丽", now, {}).id)
    with pytest.raises(InvalidSettingError, match="a run was started"):
        alerts.dismiss_alert(console, gap.id, "handled", "王丽", now)


def test_long_calls_of_the_agents_whose_shift_ends(console, tmp_path):
    w = build(console)
    a = w.agents
    for no in ("1001", "1002", "1003"):
        roster.add_entry(console, a[no].id, DAY, w.morning.id)  # 07:00 to 15:30
    roster.add_entry(console, a["1005"].id, DAY, w.evening.id)  # starts at 15:00, ends at 23:30
    hm = lambda h, m: at(console, DAY, h, m)  # noqa: E731
    queue_log(console, tmp_path, [
        *connect("1.001", hm(15, 0), "SIP/1001"),  # 20 minutes at 15:20, shift ends 15:30
        *connect("1.002", hm(15, 12), "SIP/1002"),  # 8 minutes: not long yet
        *connect("1.003", hm(14, 30), "SIP/1003", talk=1200),  # completed at 14:50
        *connect("1.004", hm(15, 2), "SIP/1003", queue="care"),  # 18 minutes
        *connect("1.005", hm(15, 5), "SIP/1005"),  # 15 minutes, but the evening has just begun
        *connect("1.006", hm(14, 55), "SIP/7777"),  # nobody rostered under that login
        *connect("1.007", hm(12, 0), "SIP/1002"),  # lost its COMPLETE line 3 h 20 ago: not a call any more
    ])
    now = hm(15, 20)
    end = hm(15, 30)
    got = alerts.long_calls_at_shift_change(console, "pbx", now)
    assert [(c.agent_login, c.agent_name, c.answered_at, c.seconds, c.queue, c.shift_end) for c in got] == [
        ("SIP/1001", "Zhang Wei", hm(15, 0), 1200.0, "sales", end),
        ("SIP/1003", "李娜", hm(15, 2), 1080.0, "care", end),
    ]
    assert [c.agent_login for c in alerts.long_calls_at_shift_change(console, "pbx", now, minutes=5)] == [
        "SIP/1001", "SIP/1003", "SIP/1002"]
    # Settings: a longer limit leaves out the 18-minute call.
    alerts.save_rule_settings(console, RuleSettings(long_call_minutes=19))
    assert [c.agent_login for c in alerts.long_calls_at_shift_change(console, "pbx", now)] == ["SIP/1001"]
    # Mid-shift nobody's shift ends: nothing, however long the calls.
    assert alerts.long_calls_at_shift_change(console, "pbx", hm(13, 0), minutes=1) == ()
    # A day nobody is rostered: every agent on a long call, without a shift end.
    next_day = DAY + timedelta(days=1)
    queue_log(console, tmp_path, [*connect("2.001", at(console, next_day, 9, 0), "SIP/1002"),
                                  *connect("2.002", at(console, next_day, 9, 25), "SIP/7777")])
    lonely = alerts.long_calls_at_shift_change(console, "pbx", at(console, next_day, 9, 30), minutes=10)
    assert [(c.agent_login, c.agent_name, c.seconds, c.shift_end) for c in lonely] == [
        ("SIP/1002", None, 1800.0, None)]
    with pytest.raises(UnknownSourceError):
        alerts.long_calls_at_shift_change(console, "nope", now)


def test_settings_on_both_databases(console):
    assert alerts.rule_settings(console) == RuleSettings()
    saved = alerts.save_rule_settings(console, RuleSettings(oldest_wait_factor=2.5, shift_change_window_minutes=45))
    assert alerts.rule_settings(console) == saved
    with pytest.raises(InvalidSettingError, match="login_gap"):
        alerts.save_rule_settings(console, RuleSettings(login_gap=0))
    assert alerts.rule_settings(console) == saved
