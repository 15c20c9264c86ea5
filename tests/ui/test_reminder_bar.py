"""The reminder bar on the real window's context (SQLite and PostgreSQL): what is due shows one line at a time,
Dismiss and Snooze 15 min, Open names the view; the site's reminder times set in File › Reminder times…"""

from __future__ import annotations

from datetime import time, timedelta

from app.domain.reminders import AGENDA, DAY_PLAN, HANDOVER, ReminderSettings
from PySide6.QtCore import QTime

from app.services import meetings, reminders, shifts
from app.ui.actions import ActionId
from app.ui.reminders import ReminderBar, ReminderTimesDialog
from tests.services.shift_world import DAY, at, build


def test_one_line_dismiss_snooze_open(desktop_any_db, qtbot, tmp_path):
    app = desktop_any_db
    console = app.context.console
    w = build(console)
    clock = [at(console, DAY, 14, 35)]
    app.context.clock = lambda: clock[0]
    bar = ReminderBar(app.context)
    qtbot.addWidget(bar)
    bar.resize(900, 40)
    assert bar.isHidden()
    bar.tick()
    # The night's handover (07:00) unsigned, the day's plan (09:00), the evening's agenda (change at 15:00).
    assert [r.kind for r in bar.reminders] == [HANDOVER, DAY_PLAN, AGENDA]
    assert not bar.isHidden()
    assert bar.label.text() == "● The handover to 早班 at 07:00 (12-01) is not signed by both supervisors yet."
    assert bar.more.text() == "(+2 more)" and not bar.open_button.isHidden()
    with qtbot.waitSignal(bar.open_requested) as opened:
        bar.open_button.click()
    assert opened.args == ["handover"]
    bar.dismiss_button.click()
    assert bar.label.text() == "● 09:00: time for the day's plan." and bar.open_button.isHidden()
    bar.snooze_button.click()
    assert bar.label.text() == "● The pre-shift agenda of Evening (starts 15:00) is not prepared yet."
    assert bar.more.text() == ""
    bar.grab().save(str(tmp_path / "reminder_en.png"))
    # The next minute: dismissed and snoozed stay away.
    clock[0] += timedelta(minutes=1)
    bar.tick()
    assert [r.kind for r in bar.reminders] == [AGENDA]
    # The agenda is prepared: nothing left; the snooze ends at 14:50 and the day's plan comes back.
    evening = shifts.ensure_instance(console, DAY, w.evening.id)
    meetings.save_agenda(console, meetings.build_agenda(console, evening.id, clock[0], "en"), "王丽", clock[0])
    bar.tick()
    assert bar.reminders == () and bar.isHidden()
    clock[0] = at(console, DAY, 14, 50)
    bar.tick()
    assert [r.kind for r in bar.reminders] == [DAY_PLAN]


def test_the_sites_reminder_times_set_in_the_dialog(desktop_any_db, qtbot):
    app = desktop_any_db
    console = app.context.console
    build(console)
    window = app.window
    assert reminders.reminder_settings(console) == ReminderSettings()
    app.context.clock = lambda: at(console, DAY, 14, 20)
    window.actions[ActionId.REMINDER_TIMES].trigger()
    dialog = window.reminder_dialog
    assert isinstance(dialog, ReminderTimesDialog) and dialog.isVisible()
    assert (dialog.agenda_before.value(), dialog.handover_after.value()) == (30, 15)
    assert dialog.day_plan_on.isChecked() and dialog.day_plan.time() == QTime(9, 0)
    dialog.agenda_before.setValue(45)
    dialog.handover_after.setValue(5)
    dialog.day_plan_on.setChecked(False)
    assert not dialog.day_plan.isEnabled()
    dialog.day_summary.setTime(QTime(14, 0))
    # Nobody chosen as the writer: refused in the dialog, which stays open, nothing stored.
    app.context.writer = lambda: None
    dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
    assert dialog.isVisible() and "Writing as" in dialog.error.text()
    assert reminders.reminder_settings(console) == ReminderSettings()
    app.context.writer = lambda: "王丽"
    dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
    assert not dialog.isVisible()
    own = ReminderSettings(agenda_before=timedelta(minutes=45), handover_after=timedelta(minutes=5),
                           day_plan_at=None, day_summary_at=time(14))
    assert reminders.reminder_settings(console) == own
    # Every desk (a new bar on the same database) reminds at the site's times.
    bar = ReminderBar(app.context)
    bar.tick()
    assert [r.kind for r in bar.reminders] == ["handover", "day_summary", "agenda"]
    assert bar.reminders[0].due_at == at(console, DAY, 7, 5)
    # The dialog opens again with what was stored.
    window.open_reminder_times()
    again = window.reminder_dialog
    assert (again.agenda_before.value(), again.day_plan_on.isChecked(), again.day_summary.time()) == (45, False,
                                                                                                     QTime(14, 0))
    again.reject()
