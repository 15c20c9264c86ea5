"""Use cases on a site's shifts: definitions, special days, the current shift, shift instances.

`site_id` None means the first site. Instants are aware datetimes; wall-clock
times (a definition's start and end, a special day's hours) are in the
site's zone.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta, timezone

from app.domain.errors import InvalidSettingError
from app.domain.intervals import zone
from app.domain.people import Role
from app.domain.shifts import (
    CurrentShift,
    ShiftDefinition,
    ShiftInstance,
    ShiftSlot,
    ShiftStatus,
    SpecialDay,
    current_shift as domain_current_shift,
    slots_on,
)
from app.services.console import Console
from app.storage import people as people_store
from app.storage import shifts as shift_store

_ORDER = (ShiftStatus.PLANNED, ShiftStatus.OPEN, ShiftStatus.HANDED_OVER)


def aware(name: str, value: datetime) -> datetime:
    """`value` itself when timezone-aware; an InvalidSettingError naming `name` otherwise."""
    if not isinstance(value, datetime) or value.tzinfo is None or value.utcoffset() is None:
        raise InvalidSettingError(name, str(value), "must be a timezone-aware date and time")
    return value


def list_definitions(console: Console, site_id: int | None = None) -> tuple[ShiftDefinition, ...]:
    """The site's shift definitions in start order."""
    with console.db.transaction() as tx:
        return shift_store.list_definitions(tx, shift_store.site(tx, site_id).id)


def save_definition(console: Console, name: str, start: time, end: time, site_id: int | None = None,
                    definition_id: int | None = None) -> ShiftDefinition:
    """Add a shift definition, or change one (its past shifts keep the times they were rostered with)."""
    name = (name or "").strip()
    if not name:
        raise InvalidSettingError("name", name, "a shift needs a name")
    if start == end:
        raise InvalidSettingError("end", end.isoformat(), "a shift cannot end when it starts")
    with console.db.transaction() as tx:
        if definition_id is not None:
            existing = shift_store.get_definition(tx, definition_id)
            if existing is None:
                raise InvalidSettingError("shift", definition_id, "no such shift definition")
            site = existing.site_id
        else:
            site = shift_store.site(tx, site_id).id
        same_name = shift_store.find_definition(tx, site, name)
        if same_name is not None and same_name.id != definition_id:
            raise InvalidSettingError("name", name, "another shift of the site has this name")
        if definition_id is None:
            return shift_store.add_definition(tx, site, name, start, end)
        return shift_store.update_definition(tx, definition_id, name, start, end)


def list_special_days(console: Console, site_id: int | None = None) -> tuple[SpecialDay, ...]:
    with console.db.transaction() as tx:
        return shift_store.list_special_days(tx, shift_store.site(tx, site_id).id)


def set_special_day(console: Console, day: date, name: str, opens: time | None, closes: time | None,
                    site_id: int | None = None) -> SpecialDay:
    """Give `day` its own hours (closes at or before opens: the next day), or close it (both None)."""
    name = (name or "").strip()
    if not name:
        raise InvalidSettingError("name", name, "a special day needs a name")
    if (opens is None) != (closes is None):
        raise InvalidSettingError("hours", None, "give both the opening and the closing time, or neither (closed)")
    if opens is not None and opens == closes:
        raise InvalidSettingError("closes", closes.isoformat(), "the site cannot close when it opens")
    with console.db.transaction() as tx:
        return shift_store.set_special_day(tx, shift_store.site(tx, site_id).id, SpecialDay(day, name, opens, closes))


def remove_special_day(console: Console, day: date, site_id: int | None = None) -> None:
    with console.db.transaction() as tx:
        shift_store.remove_special_day(tx, shift_store.site(tx, site_id).id, day)


def current_shift(console: Console, now: datetime, site_id: int | None = None) -> CurrentShift:
    """The shift running at `now`, the one handing over to it, and the next (see app.domain.shifts)."""
    aware("now", now)
    with console.db.transaction() as tx:
        site = shift_store.site(tx, site_id)
        tz = zone(site.timezone)
        local = now.astimezone(tz).date()
        definitions = shift_store.list_definitions(tx, site.id)
        special = shift_store.list_special_days(tx, site.id, local - timedelta(days=1), local + timedelta(days=2))
    return domain_current_shift(now, definitions, tz, {s.day: s for s in special})


def slots_for(console: Console, day: date, site_id: int | None = None) -> tuple[ShiftSlot, ...]:
    """The shifts that start on `day` (closed or clipped by a special day)."""
    with console.db.transaction() as tx:
        site = shift_store.site(tx, site_id)
        definitions = shift_store.list_definitions(tx, site.id)
        special = shift_store.special_day(tx, site.id, day)
    return slots_on(day, definitions, zone(site.timezone), special)


def ensure_instance(console: Console, day: date, definition_id: int) -> ShiftInstance:
    """The shift of `definition_id` starting on `day`, created (planned) when new."""
    with console.db.transaction() as tx:
        return ensure_instance_in(tx, day, definition_id)


def ensure_instance_in(tx, day: date, definition_id: int) -> ShiftInstance:
    """`ensure_instance` inside a transaction the caller holds."""
    definition = shift_store.get_definition(tx, definition_id)
    if definition is None:
        raise InvalidSettingError("shift", definition_id, "no such shift definition")
    return shift_store.ensure_instance(tx, definition, day)


def set_supervisor(console: Console, instance_id: int, supervisor_id: int | None) -> ShiftInstance:
    """Name the supervisor on duty (None: nobody yet); a viewer or a former supervisor cannot be."""
    with console.db.transaction() as tx:
        _instance(tx, instance_id)
        if supervisor_id is not None:
            supervisor = people_store.get_supervisor(tx, supervisor_id)
            if supervisor is None:
                raise InvalidSettingError("supervisor", supervisor_id, "no such supervisor")
            if not supervisor.active or supervisor.role is Role.VIEWER:
                raise InvalidSettingError("supervisor", supervisor.name, "cannot be on duty (inactive or a viewer)")
        return shift_store.set_instance_supervisor(tx, instance_id, supervisor_id)


def set_status(console: Console, instance_id: int, status: ShiftStatus) -> ShiftInstance:
    """Move the shift forward: planned -> open -> handed over (never back; the same status changes nothing)."""
    status = ShiftStatus(status)
    with console.db.transaction() as tx:
        instance = _instance(tx, instance_id)
        if instance.status is status:
            return instance
        if _ORDER.index(status) < _ORDER.index(instance.status):
            raise InvalidSettingError(
                "status", status.value, f"a shift that is {instance.status.value} cannot go back to {status.value}"
            )
        return shift_store.set_instance_status(tx, instance_id, status, datetime.now(timezone.utc))


def _instance(tx, instance_id: int) -> ShiftInstance:
    instance = shift_store.get_instance(tx, instance_id)
    if instance is None:
        raise InvalidSettingError("shift", instance_id, "no such shift")
    return instance


def definition_in(tx, definition_id: int, site_id: int | None = None) -> ShiftDefinition:
    """The definition `definition_id` (of `site_id` when given), or an InvalidSettingError saying why not."""
    definition = shift_store.get_definition(tx, definition_id)
    if definition is None:
        raise InvalidSettingError("shift", definition_id, "no such shift definition")
    if site_id is not None and site_id != definition.site_id:
        raise InvalidSettingError("shift", definition.name, "belongs to another site")
    return definition


def slots_between(tx, site, lo: date, hi: date) -> list[ShiftSlot]:
    """The site's shift slots of the local days `lo` to `hi` (special days applied), by start then name."""
    from datetime import timedelta

    tz = zone(site.timezone)
    definitions = shift_store.list_definitions(tx, site.id)
    special = {s.day: s for s in shift_store.list_special_days(tx, site.id, lo, hi)}
    days = [lo + timedelta(days=k) for k in range((hi - lo).days + 1)]
    return sorted((s for day in days for s in slots_on(day, definitions, tz, special.get(day))),
                  key=lambda s: (s.start, s.definition.name))


def hand_overs(slots: list[ShiftSlot]) -> list[tuple[ShiftSlot, ShiftSlot]]:
    """(outgoing, incoming) of each slot and the next slot that starts after it (as open_handover pairs them)."""
    pairs = []
    for i, out in enumerate(slots):
        incoming = next((s for s in slots[i + 1:] if s.start > out.start), None)
        if incoming is not None:
            pairs.append((out, incoming))
    return pairs
