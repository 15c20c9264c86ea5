"""The reminder bar on the real window's context (SQLite and PostgreSQL): what is due shows one line at a time,
Dismiss and Snooze 15 min, Open names the view; the desk's own reminder times from its settings file."""

from __future__ import annotations

from datetime import time, timedelta

from app.domain.reminders import AGENDA, DAY_PLAN, HANDOVER, ReminderSettings
from app.services import meetings, shifts
from app.ui.reminders import DAY_PLAN_AT, ReminderBar, reminder_settings, save_reminder_settings
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


def test_the_desks_own_times(desktop_any_db):
    app = desktop_any_db
    console = app.context.console
    build(console)
    settings = app.context.settings
    assert reminder_settings(settings) == ReminderSettings()
    own = ReminderSettings(agenda_before=timedelta(minutes=45), handover_after=timedelta(minutes=5),
                           day_plan_at=None, day_summary_at=time(14))
    save_reminder_settings(settings, own)
    assert reminder_settings(settings) == own
    app.context.clock = lambda: at(console, DAY, 14, 20)
    bar = ReminderBar(app.context)
    bar.tick()
    assert [r.kind for r in bar.reminders] == ["handover", "day_summary", "agenda"]
    assert bar.reminders[0].due_at == at(console, DAY, 7, 5)
    settings.set(DAY_PLAN_AT, "nonsense")
    assert reminder_settings(settings).day_plan_at == time(9)  # unreadable: the default
