"""Use cases of the on-site work log: write, edit, close and withdraw entries; a shift's log; acknowledge; search.

Every write is one transaction and never overwrites: each change is a
revision of the entry (who, when, each field before and after); an edit or a
status change names the revision it was based on and is refused with a
StaleEntryError (carrying both versions) when someone else changed the entry
since. `site_id` None means the first site; instants are aware datetimes.
Saved filters and templates are configuration (replaced by name, deletable).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import replace
from datetime import date, datetime, time, timedelta

from app.domain.errors import EntryStateError, InvalidEntryError, InvalidSettingError, StaleEntryError
from app.domain.intervals import zone
from app.domain.notices import Priority
from app.domain.shifts import ShiftInstance, slots_on
from app.domain.worklog import (
    EDITABLE,
    INSTANT_FIELDS,
    TEXT_FIELDS,
    TRACKED_BY_DEFAULT,
    Category,
    Draft,
    Entry,
    ItemStatus,
    LogFilter,
    Revision,
    RevisionKind,
    SavedFilter,
    ShiftLog,
    Template,
    apply,
    as_of,
    carried_item,
    carried_order,
    check,
    counts,
    diff,
    normal_tags,
)
from app.domain.access import Action
from app.services.console import Console
from app.services.shifts import aware
from app.storage import shifts as shift_store
from app.storage import worklog as log_store


def add_entry(console: Console, instance_id: int, draft: Draft, by: str, now: datetime) -> Entry:
    """Write a new entry in the shift `instance_id` (revision 1).

    `draft.event_at` None: the event is `now`. A follow-up or work item without a status is open.
    Raises InvalidEntryError listing what is missing (see app.domain.worklog.check).
    """
    by = _by(by)
    aware("now", now)
    draft = _clean(draft if draft.event_at is not None else _with(draft, event_at=now))
    if draft.status is None and draft.category in TRACKED_BY_DEFAULT:
        draft = _with(draft, status=ItemStatus.OPEN)
    _valid(draft)
    with console.acting(Action.LOG), console.db.transaction() as tx:
        instance = _instance(tx, instance_id)
        start, _end = _window(tx, instance)
        return log_store.add_entry(tx, instance.site_id, instance.id, start, draft, by, now)


def edit_entry(console: Console, entry_id: int, changes: Mapping[str, object], by: str, now: datetime,
               expected_revision: int) -> Entry:
    """Change fields of the entry (any of app.domain.worklog.EDITABLE) as its next revision.

    A change that changes nothing stores nothing and returns the entry. Raises
    StaleEntryError when the entry is no longer at `expected_revision`,
    InvalidEntryError when the result would not be a valid entry, and
    InvalidSettingError for an unknown field or a withdrawn entry.
    """
    return _revise(console, entry_id, dict(changes), by, now, expected_revision, RevisionKind.EDITED)


def set_status(console: Console, entry_id: int, status: ItemStatus | None, remark: str, by: str, now: datetime,
               expected_revision: int) -> Entry:
    """Move the item to `status` (done and cancelled need `remark`, kept as its closing remark)."""
    changes: dict[str, object] = {"status": ItemStatus(status) if status is not None else None}
    if (remark or "").strip():
        changes["closing_remark"] = remark
    return _revise(console, entry_id, changes, by, now, expected_revision, RevisionKind.STATUS)


def withdraw(console: Console, entry_id: int, reason: str, by: str, now: datetime) -> Entry:
    """Withdraw an entry written by mistake: it stays readable, marked withdrawn; it is no longer an open item."""
    by = _by(by)
    aware("now", now)
    reason = (reason or "").strip()
    if not reason:
        raise InvalidEntryError((("reason", "required"),))
    with console.acting(Action.LOG), console.db.transaction() as tx:
        entry = _entry(tx, entry_id)
        if entry.withdrawn is not None:
            raise EntryStateError(entry_id, "withdrawn", "is withdrawn already")
        return log_store.withdraw(tx, entry.id, reason, by, now)


def history(console: Console, entry_id: int) -> tuple[Revision, ...]:
    """Every revision of the entry, oldest first (revision 1: its creation, each field from None)."""
    with console.db.transaction() as tx:
        _entry(tx, entry_id)
        return log_store.history(tx, entry_id)


def get_entry(console: Console, entry_id: int) -> Entry:
    with console.db.transaction() as tx:
        return _entry(tx, entry_id)


def shift_log(console: Console, instance_id: int, now: datetime) -> ShiftLog:
    """The shift's log at `now`: its own entries by event time (withdrawn included), the open items of
    earlier shifts carried on top (overdue first, then priority, due time, age), and the header counts."""
    aware("now", now)
    with console.db.transaction() as tx:
        instance = _instance(tx, instance_id)
        start, end = _window(tx, instance)
        entries = log_store.shift_entries(tx, instance.id)
        earlier = log_store.open_items_before(tx, instance.site_id, start, instance.id)
    carried = sorted((carried_item(e, instance.id, start, end, now) for e in earlier), key=carried_order)
    return ShiftLog(instance, start, end, now, entries, tuple(carried), counts(entries, carried, start, end, now))


def acknowledge(console: Console, entry_id: int, instance_id: int, by: str, now: datetime,
                new_owner: str | None = None) -> Entry:
    """The supervisor of shift `instance_id` takes over an item carried from an earlier shift.

    `new_owner` (when given and different) becomes the item's owner, recorded as a
    'handover' revision, and the acknowledgement names it. Acknowledging again in the
    same shift with no new owner changes nothing.
    """
    by = _by(by)
    aware("now", now)
    new_owner = (new_owner or "").strip() or None
    with console.acting(Action.LOG), console.db.transaction() as tx:
        instance = _instance(tx, instance_id)
        entry = _entry(tx, entry_id)
        if entry.site_id != instance.site_id:
            raise EntryStateError(entry_id, "other_site", "belongs to another site")
        if entry.instance_id == instance.id:
            raise EntryStateError(entry_id, "own_shift", "was written in this shift; there is nothing to take over")
        if not entry.open:
            raise EntryStateError(entry_id, "not_open", "is not an open item")
        changed = new_owner is not None and new_owner != entry.owner
        if not changed and entry.acknowledged_in(instance.id):
            return entry
        if changed:
            entry = log_store.revise(tx, entry.id, (("owner", entry.owner, new_owner),), RevisionKind.HANDOVER,
                                     by, now)
        log_store.add_ack(tx, entry.id, instance.id, by, now, entry.owner)
        return log_store.get_entry(tx, entry.id)


def search(console: Console, log_filter: LogFilter, now: datetime, limit: int = 500,
           site_id: int | None = None) -> tuple[Entry, ...]:
    """The entries matching the filter, newest event first, at most `limit`.

    Text: every word must appear (case-insensitive, Chinese and English) in the text, customer
    reference, name, ticket, promise, owner, closing remark or tags. Owner and author match whole
    (case-insensitive); a tag matches exactly. Days are the site's local days of the event.
    """
    aware("now", now)
    with console.db.transaction() as tx:
        site = shift_store.site(tx, site_id)
        tz = zone(site.timezone)
        if log_filter.recent_days:
            today = now.astimezone(tz).date()
            log_filter = replace(log_filter, first=today - timedelta(days=max(1, log_filter.recent_days) - 1),
                                 last=today)
        since = datetime.combine(log_filter.first, time(0), tzinfo=tz) if log_filter.first else None
        until = (datetime.combine(log_filter.last + timedelta(days=1), time(0), tzinfo=tz)
                 if log_filter.last else None)
        return log_store.search(tx, site.id, log_filter, since, until, max(1, int(limit)))


def log_counts(console: Console, instance_id: int, now: datetime):
    """The header figures of the shift's log (open, overdue, unacknowledged, due within the shift)."""
    return shift_log(console, instance_id, now).counts


# --- saved filters and templates ---

def save_filter(console: Console, name: str, log_filter: LogFilter, site_id: int | None = None) -> SavedFilter:
    """Save the filter under `name` (a filter of that name is replaced)."""
    name = _name(name)
    with console.acting(Action.LOG), console.db.transaction() as tx:
        return log_store.save_filter(tx, shift_store.site(tx, site_id).id, name, log_filter)


def list_filters(console: Console, site_id: int | None = None) -> tuple[SavedFilter, ...]:
    with console.db.transaction() as tx:
        return log_store.list_filters(tx, shift_store.site(tx, site_id).id)


def delete_filter(console: Console, filter_id: int) -> bool:
    with console.acting(Action.LOG), console.db.transaction() as tx:
        return log_store.delete_filter(tx, filter_id)


def save_template(console: Console, name: str, category: Category, text: str, tags: Iterable[str] = (),
                  site_id: int | None = None) -> Template:
    """Save a template under `name` (a template of that name is replaced)."""
    name = _name(name)
    with console.acting(Action.LOG), console.db.transaction() as tx:
        return log_store.save_template(tx, shift_store.site(tx, site_id).id, name, Category(category),
                                       (text or "").strip(), normal_tags(tags))


def list_templates(console: Console, site_id: int | None = None) -> tuple[Template, ...]:
    with console.db.transaction() as tx:
        return log_store.list_templates(tx, shift_store.site(tx, site_id).id)


def delete_template(console: Console, template_id: int) -> bool:
    with console.acting(Action.LOG), console.db.transaction() as tx:
        return log_store.delete_template(tx, template_id)


# --- helpers ---

def _revise(console: Console, entry_id: int, changes: dict, by: str, now: datetime, expected_revision: int,
            kind: RevisionKind) -> Entry:
    by = _by(by)
    aware("now", now)
    unknown = sorted(set(changes) - set(EDITABLE))
    if unknown:
        raise InvalidSettingError("field", ", ".join(unknown), "is not a field of an entry one may change")
    with console.acting(Action.LOG), console.db.transaction() as tx:
        entry = _entry(tx, entry_id)
        if entry.revision != expected_revision:
            base = as_of(entry, log_store.history(tx, entry.id), expected_revision)
            raise StaleEntryError(entry.id, expected_revision, base, entry, changes)
        if entry.withdrawn is not None:
            raise EntryStateError(entry_id, "withdrawn", "is withdrawn; it can no longer change")
        after = apply(entry, _clean_changes(changes))
        _valid(after)
        changed = diff(entry, after)
        if not changed:
            return entry
        return log_store.revise(tx, entry.id, changed, kind, by, now)


def _clean_changes(changes: dict) -> dict:
    out = {}
    for name, value in changes.items():
        if name in TEXT_FIELDS:
            value = (value or "").strip()
        elif name in INSTANT_FIELDS:
            if value is None and name == "event_at":
                raise InvalidEntryError((("event_at", "required"),))
            value = aware(name, value) if value is not None else None
        elif name == "tags":
            value = normal_tags(value or ())
        elif name == "category":
            value = Category(value)
        elif name == "priority":
            value = Priority(value)
        elif name == "status":
            value = ItemStatus(value) if value is not None else None
        out[name] = value
    return out


def _clean(draft: Draft) -> Draft:
    return _with(draft, **_clean_changes({name: getattr(draft, name) for name in EDITABLE}))


def _with(draft: Draft, **values) -> Draft:
    return Draft(**({name: getattr(draft, name) for name in EDITABLE} | values))


def _valid(entry: Draft | Entry) -> None:
    problems = check(entry)
    if problems:
        raise InvalidEntryError(problems)


def _by(by: str | None) -> str:
    by = (by or "").strip()
    if not by:
        raise InvalidEntryError((("by", "required"),))
    return by


def _name(name: str) -> str:
    name = (name or "").strip()
    if not name:
        raise InvalidSettingError("name", name, "a name is required")
    return name


def _entry(tx, entry_id: int) -> Entry:
    entry = log_store.get_entry(tx, entry_id)
    if entry is None:
        raise EntryStateError(entry_id, "missing", "no such entry")
    return entry


def _instance(tx, instance_id: int) -> ShiftInstance:
    instance = shift_store.get_instance(tx, instance_id)
    if instance is None:
        raise InvalidSettingError("shift", instance_id, "no such shift")
    return instance


def _window(tx, instance: ShiftInstance) -> tuple[datetime, datetime]:
    """The shift's aware start and end (clipped by a special day, as the sheet shows it)."""
    tz = zone(shift_store.site(tx, instance.site_id).timezone)
    special = shift_store.special_day(tx, instance.site_id, instance.day)
    slots = slots_on(instance.day, [instance.definition], tz, special)
    return (slots[0].start, slots[0].end) if slots else instance.definition.window(instance.day, tz)


def local_day(console: Console, at: datetime, site_id: int | None = None) -> date:
    """The site's local date of the instant `at` (for a filter's day range)."""
    with console.db.transaction() as tx:
        return aware("at", at).astimezone(zone(shift_store.site(tx, site_id).timezone)).date()


def current_counts(console: Console, now: datetime, site_id: int | None = None):
    """The header figures of the log of the shift running at `now` (or the next one); None when the site has no shift."""
    from app.services import shifts

    current = shifts.current_shift(console, now, site_id)
    slot = current.slot or current.next
    if slot is None:
        return None
    instance = shifts.ensure_instance(console, slot.day, slot.definition.id)
    return shift_log(console, instance.id, now).counts
