"""Which reminders are due: agenda before the change, handover after it, the day's plan and summary."""

from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

from app.domain.reminders import (
    AGENDA, DAY_PLAN, DAY_SUMMARY, HANDOVER, Change, ReminderSettings, ReminderState, dismiss, due, snooze,
)

TZ = ZoneInfo("Asia/Shanghai")


def at(h, m=0, day=27):
    return datetime(2026, 11, day, h, m, tzinfo=TZ)


CHANGE = Change(at(15), outgoing_id=1, incoming_id=2, incoming_name="Afternoon")
SETTINGS = ReminderSettings()


def kinds(now, changes=(CHANGE,), state=ReminderState(), settings=SETTINGS):
    return [(r.kind, r.key) for r in due(now, changes, settings, state)]


def test_the_agenda_is_asked_for_thirty_minutes_before_the_change_until_it_is_prepared():
    assert kinds(at(14, 29)) == [(DAY_PLAN, "2026-11-27")]
    assert kinds(at(14, 30)) == [(DAY_PLAN, "2026-11-27"), (AGENDA, "2")]
    prepared = Change(at(15), 1, 2, agenda_prepared=True)
    assert (AGENDA, "2") not in kinds(at(14, 45), (prepared,))
    assert (AGENDA, "2") not in kinds(at(15, 0))  # the meeting time is over


def test_an_unsigned_handover_fifteen_minutes_after_the_change():
    assert (HANDOVER, "1") not in kinds(at(15, 14))
    assert (HANDOVER, "1") in kinds(at(15, 15)) and (HANDOVER, "1") in kinds(at(18, 0))
    assert (HANDOVER, "1") not in kinds(at(15, 30), (Change(at(15), 1, 2, handover_signed=True),))
    assert (HANDOVER, "1") not in kinds(at(15, 30), (Change(at(15), None, 2),))  # the day's first shift


def test_the_days_plan_and_summary_at_the_centers_times():
    assert kinds(at(8, 59), ()) == []
    assert kinds(at(16, 30), ()) == [(DAY_PLAN, "2026-11-27"), (DAY_SUMMARY, "2026-11-27")]
    quiet = ReminderSettings(day_plan_at=None, day_summary_at=time(17, 0))
    assert kinds(at(16, 30), (), settings=quiet) == []


def test_dismissed_stays_away_and_snoozed_comes_back():
    (plan,) = due(at(9, 5), (), SETTINGS, ReminderState())
    state = snooze(ReminderState(), plan, at(9, 20))
    assert kinds(at(9, 10), (), state) == [] and kinds(at(9, 20), (), state) == [(DAY_PLAN, "2026-11-27")]
    state = dismiss(state, plan)
    assert kinds(at(12, 0), (), state) == [] and state.snoozed == {}
    assert kinds(at(9, 5, day=28), (), state) == [(DAY_PLAN, "2026-11-28")]  # tomorrow is another reminder


def test_earliest_first():
    night = Change(at(23), 3, 4)
    found = due(at(23, 20), (CHANGE, night), SETTINGS, ReminderState())
    assert [r.kind for r in found] == [DAY_PLAN, HANDOVER, DAY_SUMMARY, HANDOVER]
    assert [r.due_at for r in found] == sorted(r.due_at for r in found)
    assert found[1].due_at == at(15, 15) and found[3].due_at == at(23, 15) - timedelta(0)


def test_settings_as_stored_json_and_back():
    own = ReminderSettings(agenda_before=timedelta(minutes=45), handover_after=timedelta(minutes=5),
                           day_plan_at=None, day_summary_at=time(17, 15))
    assert own.as_dict() == {"agenda_before_minutes": 45, "handover_after_minutes": 5, "day_plan_at": None,
                             "day_summary_at": "17:15"}
    assert ReminderSettings.from_dict(own.as_dict()) == own
    assert ReminderSettings.from_dict(None) == ReminderSettings()
    # Unreadable values take their default; a missing key too; an explicit empty time means "no reminder".
    odd = ReminderSettings.from_dict({"agenda_before_minutes": "x", "handover_after_minutes": -3,
                                      "day_plan_at": "25:99", "day_summary_at": ""})
    assert odd == ReminderSettings(day_summary_at=None)
