"""Use case: the reminders due at a desk now (agenda not prepared, handover not signed, the day's plan and summary).

`due_reminders` builds the site's shift changes around `now` — each shift
slot handing over to the next one that starts (as `open_handover` pairs
them), at the incoming shift's start — with what the services know of them:
the incoming shift's agenda is prepared when `meetings.get_agenda` has one,
the handover is signed when the outgoing shift's handover is signed by both.
`app.domain.reminders.due` then says which reminders show, given the
settings and what the supervisors did (dismissed, snoozed).

The changes looked at: from 12 hours back (a handover reminder stays that
long) to the agenda reminder's lead time ahead. Instances of those shifts are
ensured (like the work log does for the shift running now), so every
reminder has a stable key. The reminder times (minutes before and after a
change, the day's plan and summary times) are the site's, stored in the
database so every desk of the floor reminds at the same times
(`reminder_settings` / `save_reminder_settings`; the defaults of
`ReminderSettings()` until the center saves its own); a caller may pass other
settings. `site_id` None means the first site.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from app.domain.errors import InvalidSettingError
from app.domain.reminders import Change, Reminder, ReminderSettings, ReminderState, check_settings, due
from app.domain.intervals import zone
from app.services.console import Console
from app.services.shifts import aware, ensure_instance_in, hand_overs, slots_between
from app.storage import handover as handover_store
from app.storage import meetings as meeting_store
from app.storage import reminders as reminder_store
from app.storage import shifts as shift_store

HANDOVER_WINDOW = timedelta(hours=12)  # app.domain.reminders keeps a handover reminder this long


def reminder_settings(console: Console, site_id: int | None = None) -> ReminderSettings:
    """The site's reminder times (the defaults until the center saves its own)."""
    with console.db.transaction() as tx:
        return reminder_store.reminder_settings(tx, shift_store.site(tx, site_id).id)


def save_reminder_settings(console: Console, settings: ReminderSettings, by: str, at: datetime,
                           site_id: int | None = None) -> ReminderSettings:
    """Replace the site's reminder times (who, when kept); an InvalidSettingError names the first value refused."""
    aware("at", at)
    problems = check_settings(settings)
    if problems:
        name, code = problems[0]
        raise InvalidSettingError(name, getattr(settings, name), code)
    if not by.strip():
        raise InvalidSettingError("by", by, "empty")
    with console.db.transaction() as tx:
        return reminder_store.save_reminder_settings(tx, shift_store.site(tx, site_id).id, settings, by.strip(), at)


def shift_changes(console: Console, now: datetime, settings: ReminderSettings | None = None,
                  site_id: int | None = None) -> tuple[Change, ...]:
    """The site's shift changes from 12 hours before `now` to `agenda_before` after it, oldest first."""
    aware("now", now)
    settings = settings or ReminderSettings()
    first, last = now - HANDOVER_WINDOW, now + max(settings.agenda_before, timedelta(0))
    with console.db.transaction() as tx:
        site = shift_store.site(tx, site_id)
        tz = zone(site.timezone)
        slots = slots_between(tx, site, first.astimezone(tz).date() - timedelta(days=1), last.astimezone(tz).date())
        changes = []
        for out, incoming in hand_overs(slots):
            if not (first <= incoming.start <= last):
                continue
            out_instance = ensure_instance_in(tx, out.day, out.definition.id)
            in_instance = ensure_instance_in(tx, incoming.day, incoming.definition.id)
            handover = handover_store.find_by_outgoing(tx, out_instance.id)
            changes.append(Change(
                at=incoming.start.astimezone(tz),
                outgoing_id=out_instance.id,
                incoming_id=in_instance.id,
                agenda_prepared=meeting_store.latest_agenda_row(tx, in_instance.id) is not None,
                handover_signed=handover is not None and handover.signed,
                incoming_name=incoming.definition.name,
            ))
    return tuple(changes)


def due_reminders(console: Console, now: datetime, settings: ReminderSettings | None = None,
                  state: ReminderState | None = None, site_id: int | None = None) -> tuple[Reminder, ...]:
    """The reminders to show at `now` on the site's wall clock, earliest first (see the module docstring);
    `settings` None: the site's stored reminder times."""
    aware("now", now)
    with console.db.transaction() as tx:
        site = shift_store.site(tx, site_id)
        tz = zone(site.timezone)
        settings = settings or reminder_store.reminder_settings(tx, site.id)
    local = now.astimezone(tz)
    changes = shift_changes(console, local, settings, site_id)
    return due(local, changes, settings, state or ReminderState(), local.date())
