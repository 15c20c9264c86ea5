"""Playbooks on SQLite and PostgreSQL: versions, shipped defaults, import and export, contacts on duty, runs
and their one work-log entry."""

from dataclasses import replace
from datetime import time, timedelta

import pytest

from app.domain.errors import InputFileError, InvalidSettingError
from app.domain.notices import Priority
from app.domain.playbooks import (
    InvalidPlaybookError,
    InvalidRunError,
    PlaybookDraft,
    RunStatus,
    Severity,
    Step,
    StepState,
    Trigger,
    current_step,
    progress,
)
from app.domain.worklog import Category, ItemStatus, RevisionKind
from app.feeds.playbook_file import read_playbooks
from app.services import playbooks, shifts, worklog
from app.storage import sites
from tests.services.shift_world import DAY, at, build

DONE, SKIPPED, FAILED = StepState.DONE, StepState.SKIPPED, StepState.FAILED
KEYS = {"acd-login-failure", "traffic-peak", "long-calls-at-shift-change", "acd-outage", "crm-down",
        "network-power-failure"}
WORDS = {"log.started": "预案“{title}”第{version}版 {by} {time} 启动", "log.step": "{time} 第{step}步完成（{by}）",
         "log.skipped": "{time} 第{step}步跳过（{by}）：{reason}", "log.failed": "{time} 第{step}步无效（{by}）",
         "log.note": "{time} 备注 第{step}步（{by}）：{note}", "log.progress": "完成{done}/{total}，跳过{skipped}",
         "log.open": "未完成：{steps}", "log.closed": "{time} {by} 结束：{outcome}"}


def draft(key="acd-login-failure", title="Agents cannot log in", **kw):
    values = dict(situation="At the shift change", recognise="Fewer logged in than present",
                  severity=Severity.CRITICAL, roles=("supervisor",),
                  steps=(Step("Outgoing agents stay on the phones", "supervisor", 1),
                         Step("Try another seat", "team_leader", 3, if_fails_goto=4),
                         Step("Move to free seats", "team_leader", 5),
                         Step("Call IT duty", "it_duty", 5),
                         Step("Escalate to the duty manager", "duty_manager", 5)),
                  language="en")
    values.update(kw)
    return PlaybookDraft(key, title, **values)


def second_site(console):
    with console.db.transaction() as tx:
        return sites.add_site(tx, "Second floor", "Asia/Shanghai")


def test_versions_are_kept_and_an_unchanged_save_stores_nothing(console):
    t = at(console, DAY, 9)
    v1 = playbooks.save_playbook(console, draft(), "Ann", t)
    assert (v1.version, v1.created_by, v1.created_at, v1.retired) == (1, "Ann", t, False)
    assert v1.roles == ("supervisor", "team_leader", "it_duty", "duty_manager")  # completed from the steps
    assert playbooks.save_playbook(console, draft(title=" Agents cannot log in "), "Bob", t + timedelta(hours=1)) == v1
    steps = draft().steps[:1] + (Step("Call IT duty at once", "it_duty", 2), draft().steps[4])
    v2 = playbooks.save_playbook(console, draft(steps=steps), "Bob", t + timedelta(hours=2))
    assert (v2.version, v2.key, v2.created_by, len(v2.steps)) == (2, v1.key, "Bob", 3)
    assert [p.version for p in playbooks.playbook_versions(console, v1.key)] == [1, 2]
    assert playbooks.get_playbook(console, v1.id) == v1  # the old version stays as it was
    other = playbooks.save_playbook(console, draft("crm-down", "CRM down", severity=Severity.WARNING), "Ann", t)
    info = playbooks.save_playbook(console, draft("long-calls", "Long calls", severity=Severity.INFO), "Ann", t)
    assert [p.id for p in playbooks.list_playbooks(console)] == [v2.id, other.id, info.id]

    playbooks.retire_playbook(console, "crm-down", "Ann", t + timedelta(hours=3))
    assert [p.key for p in playbooks.list_playbooks(console)] == ["acd-login-failure", "long-calls"]
    retired = [p for p in playbooks.list_playbooks(console, include_retired=True) if p.key == "crm-down"]
    assert retired[0].retired and retired[0].version == 1
    back = playbooks.save_playbook(console, draft("crm-down", "CRM down", severity=Severity.WARNING), "Bob", t)
    assert (back.id, back.retired) == (other.id, False)  # brought back, unchanged: no new version
    with pytest.raises(InvalidSettingError, match="no such playbook"):
        playbooks.retire_playbook(console, "nope", "Ann", t)


def test_a_playbook_that_may_not_be_stored_stores_nothing(console):
    t = at(console, DAY, 9)
    bad = draft(steps=(Step("Call IT duty", if_fails_goto=1), Step(" ", minutes=-2)))
    with pytest.raises(InvalidPlaybookError) as caught:
        playbooks.save_playbook(console, bad, "Ann", t)
    assert caught.value.problems == (("steps.1.if_fails_goto", "bad_goto"), ("steps.2.text", "required"),
                                     ("steps.2.minutes", "bad_minutes"))
    with pytest.raises(InvalidPlaybookError, match="by: required"):
        playbooks.save_playbook(console, draft(), " ", t)
    with pytest.raises(InvalidPlaybookError, match="severity"):
        playbooks.save_playbook(console, draft(severity="grave"), "Ann", t)
    assert playbooks.list_playbooks(console, include_retired=True) == ()


def test_a_run_keeps_its_version_after_an_edit(console):
    build(console)
    t = at(console, DAY, 7, 5)
    v1 = playbooks.save_playbook(console, draft(), "Ann", t)
    run = playbooks.start_run(console, v1.id, None, "王丽", t, WORDS)
    v2 = playbooks.save_playbook(console, draft(steps=(Step("Only one step now"),)), "Bob", t + timedelta(minutes=1))
    run = playbooks.mark_step(console, run.id, 5, DONE, "王丽", t + timedelta(minutes=2), WORDS)
    assert run.playbook == v1 and run.playbook.step(5).text == "Escalate to the duty manager"
    assert playbooks.get_run(console, run.id).playbook.version == 1 and v2.version == 2
    later = playbooks.start_run(console, v2.id, None, "王丽", t + timedelta(minutes=3), WORDS)
    assert later.playbook.version == 2 and len(later.playbook.steps) == 1


def test_the_defaults_are_installed_in_both_languages_with_the_same_keys(console):
    first = playbooks.install_defaults(console, "zh_CN", now=at(console, DAY, 8))
    assert first == 6 and playbooks.install_defaults(console, "zh_CN", now=at(console, DAY, 8)) == 0
    zh = {p.key: p for p in playbooks.list_playbooks(console)}
    site2 = second_site(console)
    assert playbooks.install_defaults(console, "en_US", "admin", at(console, DAY, 8), site_id=site2.id) == 6
    en = {p.key: p for p in playbooks.list_playbooks(console, site_id=site2.id)}
    assert set(zh) == set(en) == KEYS
    assert zh["acd-login-failure"].title == "交接班时坐席无法登录ACD" and zh["acd-login-failure"].language == "zh_CN"
    assert en["acd-login-failure"].title.startswith("Agents cannot log in") and en["crm-down"].created_by == "admin"
    assert all(zh[k].severity is en[k].severity and len(zh[k].steps) == len(en[k].steps) for k in KEYS)
    assert all(p.version == 1 and p.created_by == "system" for p in zh.values())
    assert [p.severity for p in playbooks.list_playbooks(console)][:3] == [Severity.CRITICAL] * 3
    playbooks.retire_playbook(console, "crm-down", "Ann", at(console, DAY, 9))
    assert playbooks.install_defaults(console, "en", now=at(console, DAY, 10)) == 0  # a retired one stays retired
    assert "crm-down" not in {p.key for p in playbooks.list_playbooks(console)}


def test_import_and_export_round_trip(console, tmp_path):
    t = at(console, DAY, 8)
    playbooks.install_defaults(console, "zh_CN", now=t)
    path = tmp_path / "playbooks.yaml"
    assert playbooks.export_playbooks(console, path) == 6
    site2 = second_site(console)
    result = playbooks.import_playbooks(console, path, "Ann", t, site_id=site2.id)
    assert (len(result.saved), result.unchanged) == (6, 0)
    mine = {p.key: p.draft() for p in playbooks.list_playbooks(console)}
    theirs = {p.key: p.draft() for p in playbooks.list_playbooks(console, site_id=site2.id)}
    assert mine == theirs and theirs["crm-down"].language == "zh_CN"
    again = playbooks.import_playbooks(console, path, "Ann", t, site_id=site2.id)
    assert (again.saved, again.unchanged) == ((), 6)

    one = tmp_path / "one.yaml"
    assert playbooks.export_playbooks(console, one, keys=["traffic-peak"]) == 1
    (found,) = read_playbooks(one)
    edited = replace(found.draft, steps=found.draft.steps + (Step("交接时说明高峰原因", "supervisor", 2),))
    from app.feeds.playbook_file import write_playbooks

    write_playbooks(one, [edited])
    result = playbooks.import_playbooks(console, one, "Bob", t + timedelta(hours=1), site_id=site2.id)
    (saved,) = result.saved
    assert (saved.key, saved.version, saved.created_by, len(saved.steps)) == ("traffic-peak", 2, "Bob",
                                                                               len(found.draft.steps) + 1)
    with pytest.raises(InvalidSettingError, match="no such playbook"):
        playbooks.export_playbooks(console, one, keys=["nope"])


def test_a_bad_file_raises_with_its_line_and_stores_nothing(console, tmp_path):
    good = (tmp_path / "good.yaml")
    playbooks.install_defaults(console, "en", now=at(console, DAY, 8))
    playbooks.export_playbooks(console, good)
    site2 = second_site(console)
    text = good.read_text(encoding="utf-8")
    lines = text.splitlines()
    target = max(i for i, line in enumerate(lines) if "if_fails_goto:" in line)
    lines[target] = lines[target].split(":")[0] + ": 42"
    bad = tmp_path / "bad.yaml"
    bad.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(InputFileError) as caught:
        playbooks.import_playbooks(console, bad, "Ann", at(console, DAY, 9), site_id=site2.id)
    assert caught.value.line == target + 1 and "42" in caught.value.reason
    assert playbooks.list_playbooks(console, include_retired=True, site_id=site2.id) == ()
    bad.write_text(text.replace("severity: warning", "severity: [warning", 1), encoding="utf-8")
    with pytest.raises(InputFileError, match="not readable YAML"):
        playbooks.import_playbooks(console, bad, "Ann", at(console, DAY, 9), site_id=site2.id)
    assert playbooks.list_playbooks(console, include_retired=True, site_id=site2.id) == ()


def test_contacts_on_duty_across_midnight(console):
    night = playbooks.save_contact(console, "it_duty", "Night IT", "138 0000 0001", "after 22:00",
                                   time(22), time(6, 30))
    day = playbooks.save_contact(console, "it_duty", "Day IT", "138 0000 0002", "", time(6, 30), time(22))
    vendor = playbooks.save_contact(console, " telephony_vendor ", " Vendor hotline ", " 400 800 0000 ")
    assert (vendor.role, vendor.name, vendor.phone, vendor.on_from, vendor.active) == (
        "telephony_vendor", "Vendor hotline", "400 800 0000", None, True)
    assert playbooks.contact_for_role(console, "it_duty", at(console, DAY, 23, 30)) == night
    assert playbooks.contact_for_role(console, "it_duty", at(console, DAY + timedelta(days=1), 1)) == night
    assert playbooks.contact_for_role(console, "it_duty", at(console, DAY, 12)) == day
    assert playbooks.contact_for_role(console, "telephony_vendor", at(console, DAY, 3)) == vendor
    assert playbooks.contact_for_role(console, "facilities", at(console, DAY, 3)) is None
    found = playbooks.contacts_for(console, ("it_duty", "duty_manager"), at(console, DAY, 6, 29))
    assert found == {"it_duty": night, "duty_manager": None}

    moved = playbooks.save_contact(console, "it_duty", "Night IT", "138 0000 0009", "", time(23), time(7),
                                   contact_id=night.id)
    assert (moved.id, moved.phone, moved.on_until) == (night.id, "138 0000 0009", time(7))
    removed = playbooks.remove_contact(console, night.id)
    assert removed.active is False
    assert playbooks.contact_for_role(console, "it_duty", at(console, DAY, 23, 30)) is None
    assert [c.name for c in playbooks.list_contacts(console)] == ["Day IT", "Vendor hotline"]
    assert len(playbooks.list_contacts(console, include_inactive=True)) == 3
    with pytest.raises(InvalidPlaybookError) as caught:
        playbooks.save_contact(console, "it_duty", " ", "")
    assert caught.value.problems == (("name", "required"), ("phone", "required"))
    with pytest.raises(InvalidSettingError, match="no such contact"):
        playbooks.remove_contact(console, 999)


def test_a_run_from_start_to_close_writes_one_log_entry_revised_on_every_mark(console):
    build(console)
    playbooks.install_defaults(console, "zh_CN", now=at(console, DAY, 6))
    pb = next(p for p in playbooks.list_playbooks(console) if p.key == "acd-login-failure")
    assert pb.step(2).if_fails_goto == 4
    t = at(console, DAY, 15, 10)  # the morning shift hands over to the evening: the evening runs
    run = playbooks.start_run(console, pb.id, None, "王丽", t, WORDS)
    evening = shifts.current_shift(console, t).slot
    instance = shifts.ensure_instance(console, evening.day, evening.definition.id)
    assert (run.instance_id, run.status, run.started_by, run.started_at, run.trigger) == (
        instance.id, RunStatus.ACTIVE, "王丽", t, None)
    entry = worklog.get_entry(console, run.log_entry_id)
    assert (entry.instance_id, entry.category, entry.status, entry.priority, entry.tags, entry.owner) == (
        instance.id, Category.INCIDENT, ItemStatus.IN_PROGRESS, Priority.URGENT, ("playbook", pb.key), "王丽")
    assert entry.text.startswith("预案“交接班时坐席无法登录ACD”第1版 王丽 15:10 启动") and entry.revision == 1

    m = timedelta(minutes=1)
    run = playbooks.mark_step(console, run.id, 1, DONE, "王丽", t + m, WORDS, note="交班坐席已留守")
    with pytest.raises(InvalidRunError) as caught:
        playbooks.mark_step(console, run.id, 3, SKIPPED, "王丽", t + 2 * m, WORDS)
    assert caught.value.problems == (("reason", "required"),)
    run = playbooks.mark_step(console, run.id, 2, FAILED, "李娜", t + 3 * m, WORDS)
    assert current_step(run) == 4  # did not work: on at the step it names
    run = playbooks.add_note(console, run.id, 0, "IT工单 INC-4711", "李娜", t + 4 * m, WORDS)
    run = playbooks.mark_step(console, run.id, 4, DONE, "李娜", t + 5 * m, WORDS)
    run = playbooks.mark_step(console, run.id, 5, SKIPPED, "王丽", t + 6 * m, WORDS, reason="提示音已开启")
    assert progress(run) == (2, 1, 9) and current_step(run) == 6
    assert [(k.step, k.state, k.by) for k in run.marks] == [(1, DONE, "王丽"), (2, FAILED, "李娜"),
                                                           (4, DONE, "李娜"), (5, SKIPPED, "王丽")]
    assert run.marks[0].note == "交班坐席已留守" and run.marks[3].reason == "提示音已开启"
    assert run.notes == ((0, "IT工单 INC-4711", "李娜", t + 4 * m),)
    entry = worklog.get_entry(console, run.log_entry_id)
    assert entry.revision == 6 and entry.status is ItemStatus.IN_PROGRESS  # created + 4 marks + 1 note
    assert "15:13 第2步无效（李娜）" in entry.text and "15:16 第5步跳过（王丽）：提示音已开启" in entry.text
    assert "15:14 备注 第0步（李娜）：IT工单 INC-4711" in entry.text and "完成2/9，跳过1" in entry.text

    with pytest.raises(InvalidRunError, match="outcome: required"):
        playbooks.close_run(console, run.id, " ", "王丽", t + 20 * m, WORDS)
    run = playbooks.close_run(console, run.id, "IT重置了ACD账号，全部登录", "王丽", t + 20 * m, WORDS)
    assert (run.status, run.closed_by, run.closed_at, run.outcome) == (
        RunStatus.CLOSED, "王丽", t + 20 * m, "IT重置了ACD账号，全部登录")
    entry = worklog.get_entry(console, run.log_entry_id)
    assert (entry.status, entry.closing_remark, entry.revision) == (ItemStatus.DONE, "IT重置了ACD账号，全部登录", 7)
    assert "未完成：6, 7, 8, 9" in entry.text and entry.text.endswith("15:30 王丽 结束：IT重置了ACD账号，全部登录")
    kinds = [r.kind for r in worklog.history(console, entry.id)]
    assert kinds == [RevisionKind.CREATED] + [RevisionKind.EDITED] * 5 + [RevisionKind.STATUS]
    log = worklog.shift_log(console, instance.id, t + 21 * m)
    assert [e.id for e in log.entries if "playbook" in e.tags] == [entry.id]  # one entry for the run
    with pytest.raises(InvalidRunError, match="run: closed"):
        playbooks.mark_step(console, run.id, 6, DONE, "王丽", t + 22 * m, WORDS)
    with pytest.raises(InvalidRunError, match="run: closed"):
        playbooks.add_note(console, run.id, 1, "late", "王丽", t + 22 * m, WORDS)


def test_several_runs_are_active_at_once(console):
    w = build(console)
    playbooks.install_defaults(console, "en", now=at(console, DAY, 6))
    by_key = {p.key: p for p in playbooks.list_playbooks(console)}
    morning = shifts.ensure_instance(console, DAY, w.morning.id)
    t = at(console, DAY, 9)
    trigger = Trigger("sl_below_target_twice", "acd", at(console, DAY, 8, 30), "critical")
    peak = playbooks.start_run(console, by_key["traffic-peak"].id, morning.id, "Ann", t, {}, trigger)
    crm = playbooks.start_run(console, by_key["crm-down"].id, None, "Bob", t + timedelta(minutes=5), {})
    peak2 = playbooks.start_run(console, by_key["traffic-peak"].id, None, "Ann", t + timedelta(minutes=7), {})
    assert peak.trigger == trigger and playbooks.get_run(console, peak.id).trigger == trigger
    assert [r.id for r in playbooks.active_runs(console)] == [peak.id, crm.id, peak2.id]
    assert len({r.log_entry_id for r in (peak, crm, peak2)}) == 3
    entry = worklog.get_entry(console, peak.log_entry_id)
    assert entry.priority is Priority.HIGH and "Suggested by the rule sl_below_target_twice on acd" in entry.text
    playbooks.mark_step(console, crm.id, 1, DONE, "Bob", t + timedelta(minutes=6), {})
    playbooks.close_run(console, peak.id, "SL back above target", "Ann", t + timedelta(minutes=40), {})
    active = playbooks.active_runs(console)
    assert [r.id for r in active] == [crm.id, peak2.id] and len(active[0].marks) == 1
    assert [r.id for r in playbooks.runs_of_shift(console, morning.id)] == [peak.id, crm.id, peak2.id]
    assert playbooks.runs_of_shift(console, morning.id)[0].status is RunStatus.CLOSED
    site2 = second_site(console)
    assert playbooks.active_runs(console, site_id=site2.id) == ()


def test_a_run_without_shifts_has_no_log_entry_and_a_retired_playbook_does_not_start(console):
    t = at(console, DAY, 9)
    pb = playbooks.save_playbook(console, draft(), "Ann", t)
    run = playbooks.start_run(console, pb.id, None, "Ann", t, {})
    assert (run.instance_id, run.log_entry_id) == (None, None)
    run = playbooks.mark_step(console, run.id, 1, DONE, "Ann", t + timedelta(minutes=1), {})
    assert run.marks[0].step == 1
    playbooks.retire_playbook(console, pb.key, "Ann", t)
    with pytest.raises(InvalidSettingError, match="is retired"):
        playbooks.start_run(console, pb.id, None, "Ann", t, {})
    with pytest.raises(InvalidSettingError, match="no such playbook"):
        playbooks.start_run(console, 999, None, "Ann", t, {})
    with pytest.raises(InvalidSettingError, match="no such playbook run"):
        playbooks.get_run(console, 999)
