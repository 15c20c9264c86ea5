"""The demo's work log: three shifts up to now, items carried and taken over, revisions, withdrawal, both languages."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from app.domain.worklog import Category, ItemStatus, LogFilter, RevisionKind
from app.services import worklog
from app.services.console import Console, machine_zone
from app.services.demo import build_demo
from app.services.demo_roster import build_demo_sheet
from app.services.demo_worklog import build_demo_log

TZ = ZoneInfo(machine_zone())
NOW = datetime(2026, 11, 27, 11, 15, tzinfo=TZ)


def _check_log(console, log, now, lang):
    """What every demo log holds, read back through the services."""
    assert log.entries == 21 and len(log.instance_ids) == 3
    logs = [worklog.shift_log(console, i, now) for i in log.instance_ids]
    old, prev, cur = logs
    # the demo's playbook runs (app.services.demo_playbooks) add one entry each to the previous and current shift
    runs = [[e for e in x.entries if "playbook" in e.tags] for x in logs]
    assert [len(x.entries) - len(r) for x, r in zip(logs, runs)] == [8, 7, 6]
    assert [len(r) for r in runs] in ([0, 0, 0], [0, 1, 1])
    assert old.start < prev.start < cur.start <= now < cur.end  # the last three shifts, the current one last
    names = [x.instance.supervisor_name for x in logs]
    assert None not in names and names[0] != names[1] != names[2]  # each handover is between two people
    for shift in logs:
        for e in shift.entries:
            assert shift.start <= e.event_at < shift.end and e.event_at <= now, (e.text, e.event_at)
            assert e.event_at <= e.written_at <= now
            assert e.author
    entries = [e for x in logs for e in x.entries if "playbook" not in e.tags]  # the log's own, not the runs'
    assert {e.category for e in entries} == set(Category)
    assert {e.status for e in entries} >= {ItemStatus.OPEN, ItemStatus.IN_PROGRESS, ItemStatus.DONE,
                                           ItemStatus.CANCELLED, None}
    assert all(e.closing_remark for e in entries if e.status in (ItemStatus.DONE, ItemStatus.CANCELLED))
    follow_ups = [e for e in entries if e.category is Category.FOLLOW_UP]
    assert all(e.customer_ref and e.customer_name and e.promise and e.due and e.owner for e in follow_ups)

    # one withdrawn with a reason (still in its shift's log), one edited into a second revision
    (withdrawn,) = [e for e in entries if e.withdrawn is not None]
    assert withdrawn.withdrawn.reason and withdrawn.withdrawn.by == prev.instance.supervisor_name
    edited = [e for e in entries if RevisionKind.EDITED in {r.kind for r in worklog.history(console, e.id)}]
    assert len(edited) == 1
    revs = worklog.history(console, edited[0].id)
    assert [r.revision for r in revs][:2] == [1, 2] and revs[1].changes[0][0] == "text"
    assert "150" in edited[0].text and "120" in revs[1].changes[0][1]

    # the shift before the current one took over every item carried into it, one passed to a department
    assert prev.carried and all(c.acknowledged_by_this_shift for c in prev.carried)
    handed = [c.entry for c in prev.carried
              if any(r.kind is RevisionKind.HANDOVER for r in worklog.history(console, c.entry.id))]
    assert len(handed) == 1
    ack = next(a for a in handed[0].acks if a.instance_id == prev.instance.id)
    assert ack.owner == handed[0].owner == ("贷款业务组" if lang == "zh_CN" else "Loans")
    assert ack.by == prev.instance.supervisor_name

    # the current shift: items carried with their age, some acknowledged, not all
    assert len(cur.carried) == 4
    assert all(c.age > timedelta(hours=1) and c.age == now - c.entry.event_at for c in cur.carried)
    acked = [c for c in cur.carried if c.acknowledged_by_this_shift]
    assert 0 < len(acked) < len(cur.carried)
    counts = cur.counts
    assert counts.open - len(runs[2]) == log.open_items == 6  # the current shift's run is in progress
    assert (counts.overdue, counts.unacknowledged, counts.due_within_shift) == (1, 2, 2)
    assert [c.overdue for c in cur.carried][0]  # overdue first
    assert any(c.entry.status is ItemStatus.IN_PROGRESS for c in cur.carried)
    assert any(c.due_within_shift and cur.start <= c.entry.due < cur.end for c in cur.carried)
    return logs


@pytest.mark.parametrize("lang", ["zh_CN", "en"])
def test_the_demo_has_a_log_of_the_last_three_shifts(tmp_path, lang):
    built = build_demo(lang, now=NOW, db_path=tmp_path / "demo.sqlite3")
    with Console.open(built.db_url) as console:
        _check_log(console, built.log, NOW, lang)
        word, hits = ("年费", 4) if lang == "zh_CN" else ("FEE WAIVER", 3)
        found = worklog.search(console, LogFilter(text=word), NOW)
        assert len(found) == hits  # the notice, its briefing, the customer's objection (and the call checks)
        assert found[-1].category is Category.BUSINESS_NOTICE  # the oldest
        assert all(word.casefold() in e.text.casefold() for e in found)
        templates = [t.name for t in worklog.list_templates(console)]
        filters = {f.name: f.filter for f in worklog.list_filters(console)}
    if lang == "zh_CN":
        assert set(templates) == {"ACD 登录失败", "承诺回电", "话务高峰", "坐席病假离岗"}
        assert set(filters) == {"未完成的跟进", "本周事件"}
        open_follow_ups = filters["未完成的跟进"]
    else:
        assert set(templates) == {"ACD login failure", "Callback promised", "Traffic peak", "Agent sent home sick"}
        assert set(filters) == {"Open follow-ups", "Incidents this week"}
        open_follow_ups = filters["Open follow-ups"]
        assert filters["Incidents this week"].first == NOW.date() - timedelta(days=NOW.weekday())
    assert open_follow_ups.categories == (Category.FOLLOW_UP,)
    assert open_follow_ups.statuses == (ItemStatus.OPEN, ItemStatus.IN_PROGRESS)


@pytest.mark.parametrize("hour, minute", [(7, 0), (15, 29), (23, 5)])
def test_events_stay_before_now_at_any_time_of_day(tmp_path, hour, minute):
    """Just at a shift's start, just before a handover, the night shift: every event inside its shift, before now."""
    now = datetime(2026, 11, 27, hour, minute, tzinfo=TZ)
    built = build_demo("en", now=now, db_path=tmp_path / "demo.sqlite3")
    with Console.open(built.db_url) as console:
        _check_log(console, built.log, now, "en")


def test_the_demo_log_on_both_databases(db_url, tmp_path):
    """The log builder writes through the services only: the same log on PostgreSQL as on SQLite."""
    with Console.open(db_url) as console:
        build_demo_sheet(console, tmp_path / "sheet", "zh_CN", NOW)
        log = build_demo_log(console, "zh_CN", NOW)
        _check_log(console, log, NOW, "zh_CN")
        (found,) = worklog.search(console, LogFilter(text="手续费"), NOW)
        assert found.customer_name == "王先生" and found.revision == 3  # written, corrected, handed over
