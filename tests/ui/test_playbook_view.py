"""Playbooks in the real window: a run followed to its end and its work-log entry; alerts from the live feed."""

from __future__ import annotations

from datetime import time, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from app.domain.people import Role
from app.domain.playbooks import RunStatus, StepState, current_step
from app.domain.worklog import Category, ItemStatus
from app.services import people, playbook_alerts, playbooks, shifts, worklog
from tests.ui.conftest import NOW


@pytest.fixture
def floor(desktop_any_db):
    desktop = desktop_any_db
    c = desktop.context.console
    morning = shifts.save_definition(c, "Morning", time(7), time(15, 30))
    grace = people.add_supervisor(c, "Grace Chen", Role.SUPERVISOR, "2468")
    today = shifts.ensure_instance(c, NOW.date(), morning.id)
    shifts.set_supervisor(c, today.id, grace.id)
    playbooks.save_contact(c, "it_duty", "Wang Lei", "138 0013 8000", "ACD or CTI down", time(8), time(20))
    playbooks.save_contact(c, "it_duty", "Night desk", "138 0013 9999", "", time(20), time(8))
    window = desktop.window
    window.work_log.go_to_current()
    view = window.playbook
    view.start()  # installs the shipped playbooks (English window)
    window.show_view("playbook")
    return desktop, view, today


def select(view, key):
    row = next(i for i, p in enumerate(view.playbooks) if p.key == key)
    view.list.setCurrentRow(row)
    return view.playbooks[row]


def test_the_shipped_playbooks_and_tonights_contact(floor):
    desktop, view, today = floor
    assert {p.key for p in view.playbooks} == {"acd-login-failure", "traffic-peak", "long-calls-at-shift-change",
                                               "acd-outage", "crm-down", "network-power-failure"}
    assert view.playbooks[0].severity.value == "critical"  # most severe first
    playbook = select(view, "acd-login-failure")
    view.tabs.setCurrentIndex(1)
    html = view.detail.toPlainText()
    assert playbook.title in html and "IT duty: Wang Lei 138 0013 8000" in html  # the day IT duty at 11:15


def test_a_run_followed_to_its_end_is_in_the_work_log(floor, qtbot):
    desktop, view, today = floor
    c = desktop.context.console
    playbook = select(view, "acd-login-failure")
    view.list.setFocus()
    qtbot.keyClick(view.list, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    (run,) = view.runs
    assert run.status is RunStatus.ACTIVE and run.playbook.id == playbook.id and run.started_by == "Grace Chen"
    table = view.panel.table
    assert QApplication.focusWidget() is table and view.panel.selected_step() == 1
    assert "▶ 1" == view.panel.model.data(view.panel.model.index(0, 0))
    qtbot.keyClick(table, Qt.Key.Key_Space)  # step 1 done
    qtbot.keyClick(table, Qt.Key.Key_S)  # step 2 skipped: asks why
    skip = view.dialog
    assert skip.objectName() == "skip_dialog"
    skip.buttons.accepted.emit()
    assert "Please fill this in." in skip.error.text()
    skip.edit.setText("Both agents already on spare seats")
    skip.buttons.accepted.emit()
    qtbot.keyClick(table, Qt.Key.Key_N)  # a note on step 3
    view.dialog.edit.setPlainText("IT ticket INC-4711")
    view.dialog.buttons.accepted.emit()
    total = len(playbook.steps)
    while current_step(view.selected_run()) is not None:  # the panel selects the next step after each mark
        assert view.panel.selected_step() == current_step(view.selected_run())
        qtbot.keyClick(table, Qt.Key.Key_Space)
    run = view.selected_run()
    marks = {m.step: m.state for m in run.marks}
    assert marks[1] is StepState.DONE and marks[2] is StepState.SKIPPED
    assert sum(s is StepState.DONE for s in marks.values()) == total - 1
    assert view.panel.model.data(view.panel.model.index(1, 4)) == "skipped"
    entry = worklog.get_entry(c, run.log_entry_id)
    assert entry.status is ItemStatus.IN_PROGRESS and entry.category is Category.INCIDENT
    assert "skipped by Grace Chen" in entry.text and "Both agents already on spare seats" in entry.text
    assert "IT ticket INC-4711" in entry.text
    view.panel.buttons["close"].click()
    close = view.dialog
    close.edit.setPlainText("All agents logged in again at 11:40")
    close.buttons.accepted.emit()
    stored = playbooks.get_run(c, run.id)
    assert stored.status is RunStatus.CLOSED and stored.outcome == "All agents logged in again at 11:40"
    entry = worklog.get_entry(c, run.log_entry_id)
    assert entry.status is ItemStatus.DONE and entry.closing_remark == "All agents logged in again at 11:40"
    assert entry.revision > total  # one revision per mark, the note and the close
    # The work log of the shift shows it, done.
    log = desktop.window.work_log
    assert any(e.id == entry.id and e.status is ItemStatus.DONE for e in log.log.entries)
    assert not view.panel.buttons["done"].isEnabled()


def test_a_failed_step_goes_on_at_the_step_it_names(floor, qtbot):
    desktop, view, today = floor
    playbook = select(view, "acd-outage")
    failing = next(n for n, s in enumerate(playbook.steps, start=1) if s.if_fails_goto)
    goto = playbook.steps[failing - 1].if_fails_goto
    view.start_selected()
    table = view.panel.table
    for step in range(1, failing):
        table.setCurrentIndex(view.panel.model.index(step - 1, 0))
        qtbot.keyClick(table, Qt.Key.Key_Space)
    qtbot.keyClick(table, Qt.Key.Key_F)
    assert view.panel.selected_step() == goto


def test_writing_nobody_named_is_refused(floor):
    desktop, view, today = floor
    desktop.window.work_log.author_box.setEditText("")
    select(view, "crm-down")
    view.start_selected()
    assert view.runs == () and "Choose who is writing" in view.message.text()


def test_an_alert_appears_when_the_live_feed_gets_a_bad_interval(desktop, qtbot):
    window = desktop.window
    window.load_demo()
    c = desktop.context.console
    bar = window.alert_bar
    before = {a.id for a in playbook_alerts.open_alerts(c, NOW - timedelta(hours=12))}
    # The clock moves on an hour: the feed grows, the poll stores the lines, the rules are checked.
    desktop.context.clock = lambda: NOW + timedelta(hours=1)
    window.live.poll_now()
    after = playbook_alerts.open_alerts(c, NOW - timedelta(hours=12))
    new = [a for a in after if a.id not in before]
    assert new, "the demo day's late morning has intervals below target"
    assert bar.isVisible() and len(bar.lines) == 1  # one line, the others counted on it
    assert {a.id for a in new} <= {a.id for a in bar.alerts}
    assert f"+{len(bar.alerts) - 1} more" in bar.lines[0].more.text()
    line = bar.lines[0]
    assert line.alert.playbook_key in window.playbook.titles()
    assert window.playbook.titles()[line.alert.playbook_key] in line.start.text()
    # Start from the alert: a run with its trigger, the alert taken up.
    alert = line.alert
    line.start.click()
    run = window.playbook.selected_run()
    assert run.trigger is not None and run.trigger.rule == alert.rule
    assert window.current_view_id() == "playbook"
    assert alert.id not in {a.id for a in playbook_alerts.open_alerts(c, NOW - timedelta(hours=12))}
    # Dismiss another with a reason.
    if bar.lines:
        other = bar.lines[0].alert
        bar.lines[0].dismiss.click()
        window.alert_dialog.edit.setText("Known: the bank's card campaign")
        window.alert_dialog.buttons.accepted.emit()
        assert other.id not in {a.id for a in bar.alerts}


def test_the_center_sets_the_alert_thresholds(floor):
    desktop, view, today = floor
    c = desktop.context.console
    dialog = view.open_rules()
    assert dialog.objectName() == "rules_dialog" and dialog.ratio.value() == 1.5
    dialog.ratio.setValue(2.0)
    dialog.long_call.setValue(15)
    dialog.sl_warning.setChecked(False)
    dialog.buttons.accepted.emit()
    saved = playbook_alerts.rule_settings(c)
    assert (saved.offered_ratio, saved.long_call_minutes, saved.sl_warning) == (2.0, 15, False)
    assert not dialog.isVisible() and "Alert rules saved." in view.message.text()


def test_the_run_log_and_the_desk_card_speak_chinese(desktop, qapp):
    from app.printing.playbook_card import card_words
    from app.services.demo_playbooks import WORDS_ZH
    from app.ui.playbook.view import run_log_words

    desktop.translators.switch("zh_CN")
    qapp.processEvents()
    words = run_log_words()
    assert {k: words[k] for k in WORDS_ZH} == WORDS_ZH  # the window writes what the demo wrote
    assert words["rule.sl_below_target_twice"] == "服务水平连续两个时段低于目标" and words["level.critical"] == "严重"
    card = card_words()
    assert card["card"] != "Emergency playbook" and all(not v.startswith("Emergency") for v in card.values())


def test_a_double_click_reads_a_playbook_and_never_starts_it(floor, qtbot):
    desktop, view, today = floor
    select(view, "traffic-peak")
    item = view.list.currentItem()
    rect = view.list.visualItemRect(item)
    qtbot.mouseClick(view.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(view.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert view.runs == () and view.tabs.currentIndex() == 1
    view.list.setFocus()
    qtbot.keyClick(view.list, Qt.Key.Key_Return)
    assert len(view.runs) == 1


def test_alerts_for_a_running_playbook_join_it_and_a_taken_alert_starts_nothing(floor):
    from datetime import datetime, timezone

    from app.domain.playbook_rules import Suggestion
    from app.storage import playbook_alerts as alert_store

    desktop, view, today = floor
    c = desktop.context.console
    window = desktop.window
    with c.db.transaction() as tx:  # two alerts as the rules store them (the rules are tested on real data)
        site = view.playbooks[0].site_id
        start = datetime(2026, 11, 27, 2, 30, tzinfo=timezone.utc)
        alert_store.add_alerts(tx, site, "acd", [
            Suggestion("sl_below_target", "warning", start, "traffic-peak", (("service_level", 70.0),)),
            Suggestion("traffic_peak", "warning", start, "traffic-peak", (("arrived", 90),))], NOW)
    first, second = sorted(playbook_alerts.open_alerts(c, NOW - timedelta(hours=12)), key=lambda a: a.id)
    window.start_from_alert(first)
    (run,) = view.runs
    window.refresh_alerts()
    assert "Add to the running" in window.alert_bar.lines[0].start.text()
    window.start_from_alert(second)  # the same playbook is running: no second run
    assert len(view.runs) == 1 and playbook_alerts.open_alerts(c, NOW - timedelta(hours=12)) == ()
    assert "is running already" in view.message.text()
    # An alert taken meanwhile (another desk): nothing is started, the reason is worded.
    view.start_run(select(view, "crm-down"), first)
    assert len(view.runs) == 1 and "meanwhile" in view.message.text()


def test_a_new_playbook_may_not_take_an_existing_key(floor):
    desktop, view, today = floor
    view.new_playbook()
    editor = view.dialog
    existing = view.playbooks[0]
    from app.domain.playbooks import PlaybookDraft, Step
    editor.accepted_with.emit(PlaybookDraft(existing.key, "My test", "x", "y", existing.severity, ("supervisor",),
                                            (Step("do it"),), "en"))
    assert "already" in editor.problems.text() and editor.isVisible()
    assert all(p.title != "My test" for p in playbooks.list_playbooks(desktop.context.console))
