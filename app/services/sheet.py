"""Use cases of the shift sheet: load the sheet of a shift, mark attendance, record personnel changes.

Loading a sheet makes sure the shift instance exists. The ACD cross-check
uses every feed source of the site that has agent events: the logins
logged in at `now` come from `app.services.floor.floor_now`; a site with no
such source has `logins_known` False and no flags.
"""

from __future__ import annotations

from datetime import date, datetime

from app.domain.attendance import (
    MISSING,
    ChangeKind,
    Mark,
    PersonnelChange,
    RosterEntry,
    ShiftSheet,
    SheetRow,
    count_rows,
    cross_check,
    team_counts,
)
from app.domain.errors import InvalidSettingError
from app.domain.intervals import zone
from app.domain.notices import Notice, in_force
from app.domain.people import Agent
from app.domain.shifts import ShiftInstance, slots_on
from app.domain.access import Action
from app.services.console import Console
from app.services.floor import floor_now
from app.services.shifts import aware, definition_in
from app.storage import notices as notice_store
from app.storage import people as people_store
from app.storage import seating as seat_store
from app.storage import sheet as sheet_store
from app.storage import shifts as shift_store


def load_sheet(console: Console, day: date, definition_id: int, now: datetime,
               site_id: int | None = None) -> ShiftSheet:
    """The sheet of the shift `definition_id` starting on `day`, as it stands at `now`."""
    aware("now", now)
    with console.db.transaction() as tx:
        definition = definition_in(tx, definition_id, site_id)
        site = shift_store.site(tx, definition.site_id)
        tz = zone(site.timezone)
        instance = shift_store.ensure_instance(tx, definition, day)
        slots = slots_on(day, [definition], tz, shift_store.special_day(tx, site.id, day))
        start, end = (slots[0].start, slots[0].end) if slots else definition.window(day, tz)
        entries = sheet_store.shift_entries(tx, site.id, day, definition.id)
        agents = {a.id: a for a in people_store.list_agents(tx, site.id)}
        marks = sheet_store.latest_marks(tx, instance.id)
        changes = sheet_store.list_changes(tx, instance.id)
        notices = notice_store.list_notices(tx, site.id)
        sources = sheet_store.sources_with_agent_events(tx, site.id)
        pairs = seat_store.list_assignments(tx, instance.id)
        codes = {i: seat.code for i, (seat, _) in seat_store.get_seats(tx, {p.seat_id for p in pairs}).items()}
        gone = [i for i in marks if i not in {e.agent_id for e in entries}]
        missing = people_store.agents_by_id(tx, set(gone) - set(agents)) if gone else {}
    seats: dict[int, list[str]] = {}
    for pair in pairs:
        seats.setdefault(pair.agent_id, []).append(codes.get(pair.seat_id, "?"))
    rows = []
    for entry in entries:
        agent = agents[entry.agent_id]
        record = marks.get(agent.id)
        seat = ", ".join(sorted(seats[agent.id])) if agent.id in seats else None
        if record is None:
            rows.append(SheetRow(agent, entry, seat=seat))
        else:
            rows.append(SheetRow(agent, entry, record.mark, record.revision, record.marked_by, record.marked_at, seat=seat))
    for agent_id in gone:  # marked, then taken off the roster (a re-import): the mark stays in sight
        agent, record = agents.get(agent_id) or missing[agent_id], marks[agent_id]
        entry = RosterEntry(0, agent_id, day, definition.id, start, end)
        rows.append(SheetRow(agent, entry, record.mark, record.revision, record.marked_by, record.marked_at,
                             rostered=False))
    rows.sort(key=_row_order)
    logged_in = _logged_in(console, sources, now)
    by_id = {a.id: a for a in agents.values()}
    substitutes = [by_id[r.mark.swap_with_id].acd_login for r in rows
                   if r.mark.swap_with_id in by_id and by_id[r.mark.swap_with_id].acd_login]
    rows, strangers = cross_check(rows, logged_in, substitutes)
    return ShiftSheet(
        site_name=site.name,
        timezone=site.timezone,
        instance=instance,
        start=start,
        end=end,
        rows=rows,
        counts=count_rows(rows),
        team_counts=team_counts([r for r in rows if r.rostered]),
        changes=changes,
        notices=sheet_notices(notices, now, start),
        logins_known=bool(sources),
        unrostered_logins=strangers,
        at=now,
        agents_on_file=tuple(a for a in sorted(agents.values(), key=lambda a: (a.name, a.employee_no)) if a.active),
        logged_in=logged_in,
    )


def _row_order(row: SheetRow):
    team = row.agent.team_name
    return (team is None, team or "", row.agent.name, row.agent.employee_no, row.entry.start)


def _logged_in(console: Console, sources: tuple[str, ...], now: datetime) -> tuple[str, ...]:
    logins: set[str] = set()
    for name in sources:
        logins.update(state.agent for state in floor_now(console, name, now).agents)
    return tuple(sorted(logins))


def sheet_notices(notices: tuple[Notice, ...], now: datetime, shift_start: datetime) -> tuple[Notice, ...]:
    """The notices in force at `now`, and those that come into force after `now` and are in force at the
    shift's start (a sheet prepared before its shift shows what will apply); most urgent first, then newest."""
    coming = [n for n in notices if n.effective_from > now and n.in_force(shift_start)]
    shown = in_force(notices, now) + tuple(coming)
    return tuple(sorted(shown, key=lambda n: (-n.priority.rank, -n.effective_from.timestamp(), n.id)))


def mark(console: Console, instance_id: int, agent_id: int, mark: Mark, by: str | None, now: datetime) -> SheetRow:
    """Record a mark as the agent's next revision on the shift; the agent's new row (without cross-check flags).

    A mark of absent or on leave releases the agent's seats on the shift (a 'freed' seat event each).
    """
    mark = mark.check()
    aware("now", now)
    if mark.left_at is not None:
        aware("left_at", mark.left_at)
    with console.acting(Action.ATTENDANCE), console.db.transaction() as tx:
        instance = _instance(tx, instance_id)
        agent = _agent(tx, instance, agent_id)
        entries = sheet_store.shift_entries(tx, instance.site_id, instance.day, instance.definition.id, agent.id)
        if not entries:
            raise InvalidSettingError("agent", agent.employee_no, "is not rostered on this shift")
        if mark.swap_with_id is not None:
            other = _agent(tx, instance, mark.swap_with_id)
            mark = Mark(mark.status, mark.late_minutes, mark.leave_type, other.id,
                        mark.swap_with_name or other.name, mark.left_at, mark.note)
        record = sheet_store.add_mark(tx, instance.id, agent.id, mark, _by(by), now)
        if mark.status in MISSING:  # absent or on leave: the agent's seats are freed, with a note on the map
            seat_store.free_agent(tx, instance.id, agent.id, _by(by), now)
    return SheetRow(agent, entries[0], record.mark, record.revision, record.marked_by, record.marked_at)


def mark_history(console: Console, instance_id: int,
                 agent_id: int) -> tuple[tuple[Mark, int, str | None, datetime], ...]:
    """Every mark of the agent on the shift, oldest first: (mark, revision, marked by, marked at)."""
    with console.db.transaction() as tx:
        return tuple((r.mark, r.revision, r.marked_by, r.marked_at)
                     for r in sheet_store.mark_history(tx, instance_id, agent_id))


def add_change(console: Console, instance_id: int, kind: ChangeKind, text: str, agent_id: int | None,
               by: str | None, now: datetime) -> PersonnelChange:
    """Record a personnel change (异动) to hand over."""
    kind = ChangeKind(kind)
    text = (text or "").strip()
    if not text:
        raise InvalidSettingError("text", text, "a personnel change needs a description")
    aware("now", now)
    with console.db.transaction() as tx:
        instance = _instance(tx, instance_id)
        if agent_id is not None:
            _agent(tx, instance, agent_id)
        return sheet_store.add_change(tx, instance.id, kind, text, agent_id, _by(by), now)


def _by(by: str | None) -> str | None:
    return (by or "").strip() or None


def _instance(tx, instance_id: int) -> ShiftInstance:
    instance = shift_store.get_instance(tx, instance_id)
    if instance is None:
        raise InvalidSettingError("shift", instance_id, "no such shift")
    return instance


def _agent(tx, instance: ShiftInstance, agent_id: int) -> Agent:
    agent = people_store.get_agent(tx, agent_id)
    if agent is None or agent.site_id != instance.site_id:
        raise InvalidSettingError("agent", agent_id, "no such agent in the shift's site")
    return agent
