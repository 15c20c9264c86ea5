"""Use cases: list an interval's abandoned calls and turn one into a callback follow-up in the work log.

The listing marks each call with the time its caller was answered later the
same local day (any queue of the source) and with the follow-up already made
from it (see app.domain.callbacks). A follow-up is written into the shift
running when it is made, or, between shifts, the next one to start.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta

from app.domain.callbacks import (
    CALLBACK_TAG,
    AbandonedCall,
    abandoned,
    callback_draft,
    caller_key,
    follow_up_of,
    marked,
    reference,
)
from app.domain.errors import EntryStateError, UnknownSourceError
from app.domain.intervals import day_intervals, zone
from app.domain.shifts import ShiftSlot
from app.domain.sources import FeedSource
from app.domain.worklog import Entry
from app.services import shifts as shift_service
from app.services import worklog
from app.domain.access import Action
from app.services.console import Console
from app.services.shifts import aware
from app.storage import calls as call_store
from app.storage import shifts as shift_store
from app.storage import sites as site_store
from app.storage import worklog as log_store


@dataclass(frozen=True, slots=True)
class CallbackShift:
    """Where a follow-up made at `at` goes: the running shift, else the next (None: the site has no shift);
    `supervisor`: the supervisor on duty of that shift when one is named."""

    at: datetime
    slot: ShiftSlot | None
    supervisor: str | None
    running: bool  # False: between shifts, the next one is meant


def abandoned_calls(console: Console, source_name: str, start: datetime, end: datetime,
                    queues: Iterable[str] | None = None, now: datetime | None = None) -> tuple[AbandonedCall, ...]:
    """The abandoned calls of the source that arrived in [start, end) (of `queues` when given), by arrival,
    each marked with when its caller was answered later that local day (answered by `now` when given)
    and with its callback follow-up."""
    aware("start", start)
    aware("end", end)
    if now is not None:
        aware("now", now)
    chosen = tuple(queues or ())
    with console.db.transaction() as tx:
        source = _source(tx, source_name)
        tz = zone(source.site.timezone)
        records = call_store.abandoned_calls(tx, source.id, source.name, start.timestamp(), end.timestamp(), chosen)
        calls = [abandoned(r) for r in records]
        if not calls:
            return ()
        callers = {r.caller for r in records if caller_key(r.caller) is not None}  # as stored
        answered = []
        if callers:
            since = day_intervals(calls[0].arrived_at.astimezone(tz).date(), tz).first
            until = day_intervals(calls[-1].arrived_at.astimezone(tz).date(), tz).end
            if now is not None:
                until = min(until, now.timestamp())
            answered = call_store.answered_calls_of(tx, source.id, source.name, callers, since, until)
        entries = _follow_ups(tx, source, calls)
    return marked(calls, answered, entries, tz, known_at=now)


def callback_shift(console: Console, source_name: str, now: datetime) -> CallbackShift:
    """The shift a follow-up made at `now` for a call of the source goes into, and its supervisor on duty."""
    aware("now", now)
    with console.db.transaction() as tx:
        site_id = _source(tx, source_name).site.id
    current = shift_service.current_shift(console, now, site_id)
    slot = current.slot or current.next
    supervisor = None
    if slot is not None:
        with console.db.transaction() as tx:
            instance = shift_store.find_instance(tx, slot.definition.id, slot.day)
            supervisor = instance.supervisor_name if instance is not None else None
    return CallbackShift(now, slot, supervisor, current.slot is not None)


def create_callback(console: Console, call: AbandonedCall, words: Mapping[str, str], by: str, owner: str,
                    now: datetime) -> Entry:
    """Write the callback follow-up of `call` (see app.domain.callbacks.callback_draft) by `by`, owned by
    `owner`, into the shift running at `now` (between shifts: the next one), created when new.

    Refused with EntryStateError (an InvalidSettingError) when a follow-up of that call exists already or the site has
    no shift at all.
    """
    aware("now", now)
    with console.acting(Action.LOG), console.db.transaction() as tx:
        source = _source(tx, call.source)
        tz = zone(source.site.timezone)
        existing = follow_up_of(call, _follow_ups(tx, source, [call]))
    if existing is not None:
        raise EntryStateError(existing, "callback_exists", f"the call at {call.arrived_at.astimezone(tz):%H:%M:%S} "
                              f"has a callback follow-up already (entry #{existing})")
    draft = callback_draft(call, words, tz, owner, now)
    current = shift_service.current_shift(console, now, source.site.id)
    slot = current.slot or current.next
    if slot is None:
        raise EntryStateError(None, "no_shift", "the site has no shift to write the follow-up in; set up its shifts first")
    instance = shift_service.ensure_instance(console, slot.day, slot.definition.id)
    return worklog.add_entry(console, instance.id, draft, by, now)


# --- helpers ---

def _source(tx, name: str) -> FeedSource:
    source = site_store.find_source(tx, name)
    if source is None:
        raise UnknownSourceError(name)
    return source


def _follow_ups(tx, source: FeedSource, calls: list[AbandonedCall]) -> tuple[Entry, ...]:
    """The site's callback entries that may have been made from `calls` (matched by the domain)."""
    if not calls:
        return ()
    since = min(c.arrived_at for c in calls) - timedelta(seconds=1)
    until = max(c.arrived_at for c in calls) + timedelta(seconds=1)
    return log_store.tagged_entries(tx, source.site.id, CALLBACK_TAG, {reference(c) for c in calls}, since, until)

