"""Reminders on SQLite and PostgreSQL: built from the site's shift changes (早班 07:00-15:30 hands over to Evening
15:00-23:30, Evening to Night 23:00-07:30, Night to 早班), the agenda prepared, the handover signed, the day's plan
and summary; dismissed and snoozed."""

from __future__ import annotations

from datetime import time, timedelta

from app.domain.reminders import AGENDA, DAY_PLAN, DAY_SUMMARY, HANDOVER, ReminderSettings, ReminderState, dismiss, snooze
from app.services import handover, meetings, shifts
from app.services.reminders import due_reminders, shift_changes
from tests.services.handover_world import OTHER_PIN, build_handover_world
from tests.services.shift_world import DAY, PIN, at


def kinds(found):
    return [(r.kind, r.key) for r in found]


def test_changes_carry_what_is_done(console, tmp_path):
    w = build_handover_world(console, tmp_path)
    now = at(console, DAY, 14, 40)
    changes = shift_changes(console, now)
    night_before = shifts.ensure_instance(console, DAY - timedelta(days=1), w.world.night.id)
    assert [(c.at, c.outgoing_id, c.incoming_id, c.incoming_name) for c in changes] == [
        (at(console, DAY, 7), night_before.id, w.morning.id, "早班"),
        (at(console, DAY, 15), w.morning.id, w.evening.id, "Evening"),
    ]
    assert not any(c.agenda_prepared or c.handover_signed for c in changes)


def test_agenda_handover_and_the_days_moments(console, tmp_path):
    w = build_handover_world(console, tmp_path)
    night_before = shifts.ensure_instance(console, DAY - timedelta(days=1), w.world.night.id)
    evening_before = shifts.ensure_instance(console, DAY - timedelta(days=1), w.world.evening.id)
    # 08:59: the handovers of the last 12 hours (23:00 and 07:00) are not signed; the day's plan is not due yet.
    assert kinds(due_reminders(console, at(console, DAY, 8, 59))) == [(HANDOVER, str(evening_before.id)),
                                                                      (HANDOVER, str(night_before.id))]
    # 14:35: 25 minutes before the change to Evening, its agenda is not prepared.
    found = due_reminders(console, at(console, DAY, 14, 35))
    assert kinds(found) == [(HANDOVER, str(night_before.id)), (DAY_PLAN, DAY.isoformat()),
                            (AGENDA, str(w.evening.id))]
    agenda_reminder = found[-1]
    assert agenda_reminder.due_at == at(console, DAY, 14, 30)
    assert agenda_reminder.change.at == at(console, DAY, 15) and agenda_reminder.change.incoming_name == "Evening"
    assert found[0].due_at == at(console, DAY, 7, 15)
    # 14:29: not yet (30 minutes before is the default).
    assert (AGENDA, str(w.evening.id)) not in kinds(due_reminders(console, at(console, DAY, 14, 29)))
    # Prepared: the reminder goes.
    agenda = meetings.build_agenda(console, w.evening.id, at(console, DAY, 14, 36), "en")
    meetings.save_agenda(console, agenda, "王丽", at(console, DAY, 14, 37))
    assert kinds(due_reminders(console, at(console, DAY, 14, 38))) == [
        (HANDOVER, str(night_before.id)), (DAY_PLAN, DAY.isoformat())]
    # 15:14 nothing about the morning's handover; 15:15 it is due (15 minutes after the change).
    assert (HANDOVER, str(w.morning.id)) not in kinds(due_reminders(console, at(console, DAY, 15, 14)))
    assert (HANDOVER, str(w.morning.id)) in kinds(due_reminders(console, at(console, DAY, 15, 15)))
    # Both sign: the reminder goes.
    h = handover.open_handover(console, w.morning.id, at(console, DAY, 15, 16))
    handover.sign_outgoing(console, h.id, w.outgoing.id, PIN, at(console, DAY, 15, 17), talk_done=True)
    assert (HANDOVER, str(w.morning.id)) in kinds(due_reminders(console, at(console, DAY, 15, 18)))
    handover.sign_incoming(console, h.id, w.incoming.id, OTHER_PIN, at(console, DAY, 15, 19))
    late = due_reminders(console, at(console, DAY, 16, 30))
    assert kinds(late) == [(HANDOVER, str(night_before.id)), (DAY_PLAN, DAY.isoformat()),
                           (DAY_SUMMARY, DAY.isoformat())]
    # 22:30: the Night's agenda is due; the night before's handover reminder ended after 12 hours.
    night = shifts.ensure_instance(console, DAY, w.world.night.id)
    assert kinds(due_reminders(console, at(console, DAY, 22, 30))) == [
        (DAY_PLAN, DAY.isoformat()), (DAY_SUMMARY, DAY.isoformat()), (AGENDA, str(night.id))]


def test_dismissed_snoozed_and_own_settings(console, tmp_path):
    w = build_handover_world(console, tmp_path)
    now = at(console, DAY, 14, 35)
    plan, agenda = [r for r in due_reminders(console, now) if r.kind in (DAY_PLAN, AGENDA)]
    state = dismiss(snooze(ReminderState(), agenda, now + timedelta(minutes=15)), plan)
    assert [r.kind for r in due_reminders(console, now, state=state)] == [HANDOVER]
    assert [r.kind for r in due_reminders(console, now + timedelta(minutes=15), state=state)] == [HANDOVER, AGENDA]
    # The center's own times: the agenda 45 minutes before, no day's plan, the summary at 14:00.
    own = ReminderSettings(agenda_before=timedelta(minutes=45), handover_after=timedelta(minutes=5),
                           day_plan_at=None, day_summary_at=time(14))
    found = due_reminders(console, at(console, DAY, 14, 15), own)
    assert kinds(found) == [(HANDOVER, kinds(found)[0][1]), (DAY_SUMMARY, DAY.isoformat()), (AGENDA, str(w.evening.id))]
    assert found[0].due_at == at(console, DAY, 7, 5)
    assert (AGENDA, str(w.evening.id)) not in kinds(due_reminders(console, at(console, DAY, 14, 14), own))


def test_a_site_without_shifts_has_only_the_days_moments(console):
    from datetime import datetime
    from zoneinfo import ZoneInfo

    from app.services.sources import list_sites

    tz = ZoneInfo(list_sites(console)[0].timezone)
    now = datetime(2026, 12, 1, 17, 0, tzinfo=tz)
    assert shift_changes(console, now) == ()
    assert kinds(due_reminders(console, now)) == [(DAY_PLAN, "2026-12-01"), (DAY_SUMMARY, "2026-12-01")]


def test_the_sites_times_are_stored_checked_and_used(console, tmp_path):
    import pytest

    from app.domain.errors import InvalidSettingError
    from app.services.reminders import reminder_settings, save_reminder_settings

    w = build_handover_world(console, tmp_path)
    when = at(console, DAY, 12, 0)
    assert reminder_settings(console) == ReminderSettings()
    own = ReminderSettings(agenda_before=timedelta(minutes=45), handover_after=timedelta(minutes=5),
                           day_plan_at=None, day_summary_at=time(14))
    assert save_reminder_settings(console, own, "王丽", when) == own
    assert reminder_settings(console) == own
    # due_reminders without settings uses the site's.
    found = due_reminders(console, at(console, DAY, 14, 15))
    assert kinds(found)[1:] == [(DAY_SUMMARY, DAY.isoformat()), (AGENDA, str(w.evening.id))]
    # Refused values name the field; what was stored stays.
    for bad, field, reason in (
        (ReminderSettings(agenda_before=timedelta(minutes=-1)), "agenda_before", "negative"),
        (ReminderSettings(handover_after=timedelta(hours=5)), "handover_after", "too_large"),
        (ReminderSettings(agenda_before=timedelta(seconds=90)), "agenda_before", "not_whole_minutes"),
    ):
        with pytest.raises(InvalidSettingError) as refused:
            save_reminder_settings(console, bad, "王丽", when)
        assert (refused.value.setting, refused.value.reason) == (field, reason)
    with pytest.raises(InvalidSettingError) as refused:
        save_reminder_settings(console, ReminderSettings(), "  ", when)
    assert refused.value.setting == "by"
    assert reminder_settings(console) == own
    # Saving again replaces (one row per site), the defaults come back when saved.
    save_reminder_settings(console, ReminderSettings(), "李强", when)
    assert reminder_settings(console) == ReminderSettings()
