"""The demo's playbooks: the shipped six, contacts by day and night, a closed and an active run in their shifts,
today's alerts (one dismissed), in both languages and on both databases."""

from datetime import datetime, time, timedelta
from string import Formatter
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import create_engine, text

from app.domain.calls import FeedFormat
from app.domain.playbooks import DEFAULT_WORDS, RunStatus, StepState, open_steps, progress, step_states
from app.domain.worklog import ItemStatus
from app.services import playbook_alerts, playbooks, worklog
from app.services.console import Console, machine_zone
from app.services.demo import DEMO_SOURCE, build_demo, site_name
from app.services.demo_feed import demo_cut, demo_feed_tick, write_day
from app.services.demo_playbooks import WORDS_ZH, build_demo_playbooks
from app.services.demo_roster import build_demo_sheet
from app.services.demo_worklog import build_demo_log
from app.services.import_common import ImportRequest
from app.services.live import add_live_source, poll

TZ = ZoneInfo(machine_zone())
# Late morning of the demo day (the real 4 January 1999 mapped to today): the morning shift (07:00-15:30) runs,
# several of its half hours were below target; the night shift before it is the previous shift.
NOW = datetime(2026, 11, 27, 11, 15, tzinfo=TZ)
KEYS = {"acd-login-failure", "traffic-peak", "long-calls-at-shift-change", "acd-outage", "crm-down",
        "network-power-failure"}
FLOOR_ROLES = {"supervisor", "team_leader", "agents"}


def _alert_rows(db_url):
    engine = create_engine(db_url)
    try:
        with engine.connect() as conn:
            return conn.execute(text("SELECT rule, fired_at, dismissed_at, dismissed_by, dismiss_reason, run_id "
                                     "FROM playbook_alerts ORDER BY fired_at, id")).all()
    finally:
        engine.dispose()


def _check(console, lang, now, instance_ids, built):
    """What every demo holds, read back through the services; the (previous, current) shift logs."""
    # the six shipped playbooks, in the language
    found = playbooks.list_playbooks(console)
    assert {p.key for p in found} == KEYS and built.playbooks == len(found) == 6
    assert all(p.language == lang and p.version == 1 for p in found)
    titles = {p.key: p.title for p in found}
    assert titles["crm-down"] == ("CRM或知识库无法使用" if lang == "zh_CN" else "CRM or knowledge base down")

    # a contact for every role the playbooks name that is not a floor role; IT duty and duty manager day and night
    contacts = playbooks.list_contacts(console)
    assert built.contacts == len(contacts) == 8
    named = {role for p in found for role in p.roles} | {s.role for p in found for s in p.steps}
    assert named - FLOOR_ROLES <= {c.role for c in contacts}
    assert all(c.name and c.phone and c.when_to_call for c in contacts)
    mobiles = [c.phone for c in contacts if c.role not in ("telephony_vendor", "facilities")]
    if lang == "zh_CN":
        assert all(p.startswith("13") and len(p.replace(" ", "")) == 11 for p in mobiles)
    else:
        assert all(p.startswith("07700 900") for p in mobiles)
    day, night = (datetime.combine(now.date(), at, tzinfo=TZ) for at in (time(10, 0), time(23, 0)))
    it_day, it_night = (playbooks.contact_for_role(console, "it_duty", at) for at in (day, night))
    assert it_day and it_night and it_day.id != it_night.id
    assert (it_day.on_from, it_day.on_until) == (time(8), time(20))
    assert (it_night.on_from, it_night.on_until) == (time(20), time(8))  # across midnight
    assert playbooks.contact_for_role(console, "it_duty", night + timedelta(hours=8)).id == it_night.id  # 07:00
    managers = (playbooks.contact_for_role(console, "duty_manager", at) for at in (day, night))
    assert len({m.id for m in managers}) == 2
    vendor = playbooks.contact_for_role(console, "telephony_vendor", night)
    assert vendor is not None and vendor.on_from is None and vendor.on_until is None  # the 24 h hotline
    assert playbooks.contact_for_role(console, "wfm", night) is None  # office hours only

    # the previous shift: a closed run of acd-login-failure at its start, its entry done in that shift's log
    prev_id, cur_id = instance_ids
    prev_log, cur_log = (worklog.shift_log(console, i, now) for i in (prev_id, cur_id))
    (closed,) = playbooks.runs_of_shift(console, prev_id)
    assert closed.playbook.key == "acd-login-failure" and closed.status is RunStatus.CLOSED
    assert closed.started_by == closed.closed_by == prev_log.instance.supervisor_name
    assert prev_log.start <= closed.started_at <= prev_log.start + timedelta(minutes=10)
    assert closed.outcome and closed.closed_at <= now
    states = step_states(closed)
    assert len(states) == 8 and len(closed.playbook.steps) == 9 and 3 not in states  # step 3 was not needed
    (failed,) = [m for m in states.values() if m.state is StepState.FAILED]
    assert failed.step == 2 and failed.note and all(m.state is StepState.DONE for n, m in states.items() if n != 2)
    assert progress(closed) == (7, 0, 9) and open_steps(closed) == ()
    assert len([m for m in closed.marks if m.note]) + len(closed.notes) == 2
    entry = next(e for e in prev_log.entries if e.id == closed.log_entry_id)
    assert entry.status is ItemStatus.DONE and entry.closing_remark == closed.outcome
    assert prev_log.start <= entry.event_at < prev_log.end and "playbook" in entry.tags
    assert closed.playbook.title in entry.text and failed.note in entry.text
    assert "left open" not in entry.text and "尚未处理" not in entry.text

    # the current shift: crm-down started about 25 minutes ago by its supervisor, three steps done, a note
    runs = playbooks.runs_of_shift(console, cur_id)
    (active,) = runs
    assert [r.id for r in playbooks.active_runs(console)] == [active.id]
    assert active.playbook.key == "crm-down" and active.status is RunStatus.ACTIVE
    assert active.started_by == cur_log.instance.supervisor_name != closed.started_by
    assert active.started_at == max(cur_log.start, now - timedelta(minutes=25))
    assert progress(active) == (3, 0, 8) and sorted(step_states(active)) == [1, 2, 3]
    assert all(m.at <= now for m in active.marks) and active.notes
    entry = next(e for e in cur_log.entries if e.id == active.log_entry_id)
    assert entry.status is ItemStatus.IN_PROGRESS and entry.owner == active.started_by
    assert cur_log.start <= entry.event_at <= now
    if lang == "zh_CN":  # the Chinese words, the same placeholders as the English
        assert entry.text.startswith(f"{active.started_by} 于 ") and set(WORDS_ZH) == set(DEFAULT_WORDS)
        assert "启动应急预案" in entry.text and "尚未处理的步骤：4, 5, 6, 7, 8。" in entry.text
    else:
        assert entry.text.startswith('Playbook "CRM or knowledge base down" (version 1) started by')
        assert "Steps left open: 4, 5, 6, 7, 8." in entry.text
    return runs


@pytest.mark.parametrize("lang", ["zh_CN", "en"])
def test_the_demo_has_playbooks_contacts_runs_and_alerts(tmp_path, lang):
    built = build_demo(lang, now=NOW, db_path=tmp_path / "demo.sqlite3")
    assert built.playbooks.runs == 2
    with Console.open(built.db_url) as console:
        _check(console, lang, NOW, built.log.instance_ids[1:], built.playbooks)
        midnight = datetime.combine(NOW.date(), time(0), tzinfo=TZ)
        still_open = playbook_alerts.open_alerts(console, midnight)
        # nothing new fires at now: the demo checked the rules as the feed poll would have all morning
        assert playbook_alerts.check_rules(console, built.source, NOW) == ()
    assert len(still_open) == built.playbooks.open_alerts >= 1
    rows = _alert_rows(built.db_url)
    assert {r.rule for r in rows} >= {"sl_below_target", "sl_below_target_twice"}  # 07:30, 08:30, 10:30 ...
    dismissed = [r for r in rows if r.dismissed_at is not None]
    assert len(dismissed) == 1 and dismissed[0] == rows[0]  # the oldest
    assert dismissed[0].dismiss_reason and dismissed[0].dismissed_by
    assert len(rows) == len(still_open) + 1 and all(r.run_id is None for r in rows)
    assert all(a.fired_at <= NOW for a in still_open)


@pytest.mark.parametrize("hour, minute", [(7, 0), (23, 5)])
def test_runs_stay_in_their_shifts_at_a_shift_start(tmp_path, hour, minute):
    """Just at the morning shift's start and five minutes into the night shift: the current run starts with its
    shift, every mark before now."""
    now = datetime(2026, 11, 27, hour, minute, tzinfo=TZ)
    built = build_demo("en", now=now, db_path=tmp_path / "demo.sqlite3")
    with Console.open(built.db_url) as console:
        (run,) = _check(console, "en", now, built.log.instance_ids[1:], built.playbooks)
    assert run.started_at == now - timedelta(minutes=minute)


def test_the_demo_playbooks_on_both_databases(db_url, tmp_path):
    """Written through the services only: the same playbooks, runs and alerts on PostgreSQL as on SQLite."""
    feed = write_day(tmp_path / "feed", NOW.date(), TZ, "zh_CN")
    demo_feed_tick(feed, demo_cut(NOW))
    with Console.open(db_url, default_site=(site_name("zh_CN"), machine_zone())) as console:
        add_live_source(console, ImportRequest(path=feed, format=FeedFormat.QUEUE_LOG, source=DEMO_SOURCE))
        poll(console, DEMO_SOURCE, now=demo_cut(NOW))
        build_demo_sheet(console, tmp_path / "sheet", "zh_CN", NOW)
        log = build_demo_log(console, "zh_CN", NOW)
        built = build_demo_playbooks(console, "zh_CN", NOW, DEMO_SOURCE)
        _check(console, "zh_CN", NOW, log.instance_ids[1:], built)
        assert built.runs == 2 and built.open_alerts >= 1
    rows = _alert_rows(db_url)
    assert sum(r.dismissed_at is not None for r in rows) == 1 and rows[0].dismissed_at is not None


def test_the_chinese_run_words_have_the_english_placeholders():
    fields = lambda s: {name for _lit, name, _spec, _conv in Formatter().parse(s) if name}  # noqa: E731
    assert set(WORDS_ZH) == set(DEFAULT_WORDS)
    assert all(fields(WORDS_ZH[k]) == fields(DEFAULT_WORDS[k]) for k in DEFAULT_WORDS)
