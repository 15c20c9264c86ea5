"""Playbooks as pure values: what a playbook needs, contacts on duty (across midnight), a run's next step,
progress and the text of its work-log entry."""

from datetime import datetime, time, timedelta, timezone
from zoneinfo import ZoneInfo

from app.domain.playbooks import (
    Contact,
    Playbook,
    PlaybookDraft,
    Run,
    RunStatus,
    Severity,
    Step,
    StepMark,
    StepState,
    Trigger,
    bypassed_steps,
    check_close,
    check_mark,
    check_note,
    check_playbook,
    clean_draft,
    contact_for,
    current_step,
    elapsed,
    language_of,
    on_duty,
    open_steps,
    progress,
    roles_of,
    run_log_text,
    same_content,
    step_states,
)

T0 = datetime(2026, 12, 1, 6, 50, tzinfo=timezone.utc)
SHANGHAI = ZoneInfo("Asia/Shanghai")
DONE, SKIPPED, FAILED = StepState.DONE, StepState.SKIPPED, StepState.FAILED


def steps(*gotos):
    return tuple(Step(f"step {n}", "supervisor" if n % 2 else "it_duty", n, goto)
                 for n, goto in enumerate(gotos, start=1))


def playbook(*gotos, title="Agents cannot log in"):
    return Playbook(id=7, site_id=1, key="acd-login-failure", version=2, title=title, situation="At shift change",
                    recognise="", severity=Severity.CRITICAL, roles=("supervisor",), steps=steps(*gotos),
                    language="en", created_at=T0, created_by="Ann")


def run(pb, *marks, notes=(), trigger=None, **kw):
    """A run of `pb` started at T0 by Ann; mark i (step, state[, note[, reason]]) at T0 + i + 1 minutes."""
    made = tuple(StepMark(1, step, state, "Ann", T0 + timedelta(minutes=i + 1), note, reason)
                 for i, (step, state, note, reason) in enumerate((m + ("", ""))[:4] for m in marks))
    return Run(id=1, site_id=1, instance_id=3, playbook=pb, started_at=T0, started_by="Ann", trigger=trigger,
               marks=made, notes=notes, **kw)


def test_what_a_playbook_needs():
    good = PlaybookDraft("traffic-peak", "Traffic peak", "Calls waiting", steps=steps(None, 1, None))
    assert check_playbook(good) == ()
    bad = PlaybookDraft("Traffic Peak!", " ", "", language="fr",
                        steps=(Step("a", minutes=-1), Step(" ", "", 5, 2), Step("c", "x", 5, 9), Step("d", "x", 500)))
    assert check_playbook(bad) == (
        ("key", "bad_key"), ("title", "required"), ("situation", "required"), ("language", "bad_language"),
        ("steps.1.minutes", "bad_minutes"), ("steps.2.text", "required"), ("steps.2.role", "required"),
        ("steps.2.if_fails_goto", "bad_goto"), ("steps.3.if_fails_goto", "bad_goto"),
        ("steps.4.minutes", "bad_minutes"))
    assert check_playbook(PlaybookDraft("", "t", "s")) == (("key", "required"), ("steps", "no_steps"))
    assert check_playbook(PlaybookDraft("k", "t", "s", steps=(Step("a", if_fails_goto=0),))) == (
        ("steps.1.if_fails_goto", "bad_goto"),)


def test_a_clean_draft_strips_and_completes_its_roles_from_the_steps():
    draft = clean_draft(PlaybookDraft(" crm-down ", " CRM down ", " s ", severity="warning", roles=("qa", " QA", ""),
                                      steps=(Step(" call ", " it_duty "), Step("tell", "agents"))))
    assert (draft.key, draft.title, draft.severity) == ("crm-down", "CRM down", Severity.WARNING)
    assert draft.roles == ("qa", "it_duty", "agents") and draft.steps[0] == Step("call", "it_duty")
    assert roles_of(PlaybookDraft("k", "t", steps=(Step("a", "wfm"),))) == ("wfm",)
    pb = playbook(None)
    assert same_content(pb, pb.draft()) and not same_content(pb, playbook(None, title="Other"))
    assert (language_of("zh_CN"), language_of("zh-cn"), language_of("en_GB"), language_of("")) == (
        "zh_CN", "zh_CN", "en", "en")


def contact(id_, role, start=None, end=None, active=True):
    return Contact(id_, 1, role, f"name {id_}", "555-0100", "", start, end, active)


def test_contacts_on_duty_across_midnight():
    night = contact(1, "it_duty", time(22), time(6))
    assert on_duty(night, time(23, 30)) and on_duty(night, time(0, 10)) and on_duty(night, time(22))
    assert not on_duty(night, time(6)) and not on_duty(night, time(12))
    day = contact(2, "it_duty", time(6), time(22))
    assert on_duty(day, time(6)) and not on_duty(day, time(22))
    assert on_duty(contact(3, "x"), time(3)) and on_duty(contact(3, "x", time(8), time(8)), time(3))
    assert on_duty(contact(3, "x", time(8)), time(9)) and not on_duty(contact(3, "x", time(8)), time(7))
    assert on_duty(contact(3, "x", None, time(8)), time(7)) and not on_duty(contact(3, "x", None, time(8)), time(9))
    everyone = [contact(5, "IT_duty ", time(22), time(6)), night, day, contact(4, "facilities"),
                contact(0, "it_duty", active=False)]
    assert contact_for("it_duty", everyone, time(1)).id == 1  # first by id of those on duty
    assert contact_for("it_duty", everyone, time(13)).id == 2
    assert contact_for("facilities", everyone, time(3)).id == 4
    assert contact_for("duty_manager", everyone, time(3)) is None


def test_the_next_step_follows_marks_and_a_forward_jump():
    pb = playbook(None, 5, None, None, None, None)
    assert current_step(run(pb)) == 1
    assert current_step(run(pb, (1, DONE))) == 2
    r = run(pb, (1, DONE), (2, FAILED))
    assert current_step(r) == 5 and bypassed_steps(r) == (3, 4) and open_steps(r) == (5, 6)
    r = run(pb, (1, DONE), (2, FAILED), (5, DONE), (6, SKIPPED, "", "vendor closed"))
    assert current_step(r) is None and open_steps(r) == () and progress(r) == (2, 1, 6)
    # a step left unmarked earlier is asked for first
    assert current_step(run(pb, (1, DONE), (3, DONE))) == 2
    # marked again: the latest mark counts
    r = run(pb, (1, FAILED), (1, DONE))
    assert step_states(r)[1].state is DONE and current_step(r) == 2
    # a failed step without a jump goes on with the next one, and stays open
    r = run(pb, (1, DONE), (2, DONE), (3, FAILED))
    assert current_step(r) == 4 and open_steps(r) == (3, 4, 5, 6)


def test_a_jump_back_asks_for_the_steps_again():
    pb = playbook(None, None, None, 2)
    r = run(pb, (1, DONE), (2, DONE), (3, DONE), (4, FAILED))
    assert current_step(r) == 2
    assert current_step(run(pb, (1, DONE), (2, DONE), (3, DONE), (4, FAILED), (2, DONE))) == 3
    assert current_step(run(pb, (1, DONE), (2, DONE), (3, DONE), (4, FAILED), (2, DONE), (3, DONE))) == 4
    assert current_step(run(pb, (1, DONE), (2, DONE), (3, DONE), (4, FAILED), (2, DONE), (3, DONE), (4, DONE))) is None


def test_marks_notes_and_close_are_checked():
    pb = playbook(None, None)
    r = run(pb)
    assert check_mark(r, 1, DONE, "") == ()
    assert check_mark(r, 2, SKIPPED, "  ") == (("reason", "required"),)
    assert check_mark(r, 3, DONE, "") == (("step", "out_of_range"),)
    assert check_mark(r, 0, DONE, "") == (("step", "out_of_range"),)
    closed = run(pb, status=RunStatus.CLOSED, closed_at=T0 + timedelta(minutes=9), closed_by="Bob", outcome="ok")
    assert check_mark(closed, 1, SKIPPED, "") == (("run", "closed"), ("reason", "required"))
    assert check_note(r, 0, "run note") == () and check_note(r, 3, "x") == (("step", "out_of_range"),)
    assert check_note(r, 1, " ") == (("text", "required"),)
    assert check_close(r, "") == (("outcome", "required"),) and check_close(closed, "again") == (("run", "closed"),)
    assert elapsed(r, T0 + timedelta(minutes=12)) == timedelta(minutes=12)
    assert elapsed(closed, T0 + timedelta(hours=5)) == timedelta(minutes=9)
    assert elapsed(r, T0 - timedelta(minutes=1)) == timedelta(0)


def test_the_log_text_of_a_run_in_the_sites_time():
    pb = playbook(None, 4, None, None)
    r = run(pb, (1, DONE, "two agents tried"), (2, FAILED), (4, SKIPPED, "", "vendor not needed"),
            notes=((0, "IT ticket 4711", "Bob", T0 + timedelta(minutes=2, seconds=30)),),
            trigger=Trigger("login_gap", "acd", T0 - timedelta(minutes=20), "critical"))
    text = run_log_text(r, {}, SHANGHAI, T0 + timedelta(minutes=10))
    assert text.splitlines() == [
        'Playbook "Agents cannot log in" (version 2) started by Ann at 14:50.',
        "Suggested by the rule login_gap on acd, interval 14:30 (critical).",
        "1 of 4 steps done, 1 skipped, 1 did not work; 10 min so far.",
        "14:51 step 1 done by Ann: step 1",
        "14:51 note by Ann on step 1: two agents tried",
        "14:52 step 2 did not work (Ann): step 2",
        "14:52 note by Bob on step 0: IT ticket 4711",
        "14:53 step 4 skipped by Ann: step 4 (reason: vendor not needed)",
    ]
    closed = run(pb, (1, DONE), status=RunStatus.CLOSED, closed_at=T0 + timedelta(minutes=30), closed_by="Bob",
                 outcome="Fixed by IT")
    words = {"log.started": "预案“{title}”（第{version}版）由{by}于{time}启动", "log.step": "{time} 第{step}步 {by} 完成",
             "log.open": "未完成步骤：{steps}", "log.closed": "{time} {by} 结束：{outcome}"}
    lines = run_log_text(closed, words, SHANGHAI, T0 + timedelta(hours=2)).splitlines()
    assert lines[0] == "预案“Agents cannot log in”（第2版）由Ann于14:50启动"
    assert lines[1] == "1 of 4 steps done, 0 skipped, 0 did not work; 30 min so far."  # a key left out: English
    assert lines[2:] == ["14:51 第1步 Ann 完成", "未完成步骤：2, 3, 4", "15:20 Bob 结束：Fixed by IT"]


def test_the_narrowest_window_on_duty_wins_over_an_always_on_fallback():
    from datetime import time as t

    from app.domain.playbooks import Contact, contact_for

    fallback = Contact(1, 1, "it_duty", "IT service desk", "400 800 0000")
    night = Contact(2, 1, "it_duty", "Night duty", "138 0000 0002", on_from=t(20), on_until=t(8))
    day = Contact(3, 1, "IT_DUTY", "Day duty", "138 0000 0003", on_from=t(8), on_until=t(20))
    assert contact_for("it_duty", [fallback, night, day], t(23, 0)) is night
    assert contact_for("it_duty", [fallback, night, day], t(9, 0)) is day
    assert contact_for("it_duty", [fallback, night], t(9, 0)) is fallback
    assert contact_for("it_duty", [Contact(4, 1, "it_duty", "Gone", "1", active=False)], t(9, 0)) is None
