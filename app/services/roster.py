"""Use cases on the roster: preview and apply a roster file, add and remove entries by hand.

A roster file replaces the site's roster of the days it covers (from its
first to its last date, rejected lines included). Attendance is recorded per
shift and agent, not per roster entry, so it stays as it was.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

from app.domain.attendance import RosterEntry
from app.domain.errors import InvalidSettingError
from app.domain.intervals import zone
from app.domain.roster import RosterPlan, RosterRejection, validate_roster
from app.feeds.roster import read_roster
from app.domain.access import Action
from app.services.console import Console, writes
from app.services.shifts import aware
from app.storage import people as people_store
from app.storage import sheet as sheet_store
from app.storage import shifts as shift_store

MAX_ENTRY_HOURS = 24


@dataclass(frozen=True)
class RosterPreview:
    """What a roster file would do.

    problems: every line not used (the reader's and the validation's), by line;
    existing_entries: entries stored now in [first_day, last_day] that the import replaces;
    attendance_kept: (shift, agent) marks recorded in that range, which stay.
    """

    path: str
    plan: RosterPlan
    problems: tuple[RosterRejection, ...]
    existing_entries: int
    attendance_kept: int
    site_id: int

    @property
    def first_day(self) -> date | None:
        return self.plan.first_day

    @property
    def last_day(self) -> date | None:
        return self.plan.last_day


@dataclass(frozen=True)
class RosterApplied:
    path: str
    first_day: date | None
    last_day: date | None
    replaced: int
    written: int
    rejected: int


def preview_roster(console: Console, path: str | Path, site_id: int | None = None) -> RosterPreview:
    """Read and check a roster file against the site's agents and shifts; nothing is stored."""
    roster_file = read_roster(path)  # InputFileError when the file cannot be used at all
    with console.db.transaction() as tx:
        site = shift_store.site(tx, site_id)
        agents = people_store.list_agents(tx, site.id)
        definitions = shift_store.list_definitions(tx, site.id)
        plan = validate_roster(roster_file.lines, agents, definitions, zone(site.timezone))
        existing = kept = 0
        if plan.first_day is not None:
            existing = sheet_store.count_entries(tx, site.id, plan.first_day, plan.last_day)
            kept = sheet_store.count_marked(tx, site.id, plan.first_day, plan.last_day)
    problems = [RosterRejection(p.line, p.code, p.detail, p.text) for p in roster_file.problems]
    problems.extend(plan.rejected)
    problems.sort(key=lambda p: p.line)
    return RosterPreview(str(roster_file.path), plan, tuple(problems), existing, kept, site.id)


@writes(Action.MANAGE)
def apply_roster(console: Console, preview: RosterPreview) -> RosterApplied:
    """Replace the site's roster of the previewed range by the accepted lines, in one transaction."""
    plan = preview.plan
    entries = [
        RosterEntry(0, d.agent.id, d.day, d.definition.id, d.start, d.end, d.activities) for d in plan.drafts
    ]
    with console.db.transaction() as tx:
        replaced = 0
        if plan.first_day is not None:
            replaced = sheet_store.delete_entries(tx, preview.site_id, plan.first_day, plan.last_day)
        import_id = sheet_store.add_roster_import(
            tx, preview.site_id, preview.path, plan.first_day, plan.last_day, len(entries),
            len(preview.problems), datetime.now(timezone.utc),
        )
        sheet_store.add_entries(tx, preview.site_id, entries, import_id)
    return RosterApplied(preview.path, plan.first_day, plan.last_day, replaced, len(entries), len(preview.problems))


def add_entry(console: Console, agent_id: int, day: date, definition_id: int, start: datetime | None = None,
              end: datetime | None = None) -> RosterEntry:
    """Roster an agent on a shift by hand (default hours: the shift's window that day)."""
    with console.db.transaction() as tx:
        definition = shift_store.get_definition(tx, definition_id)
        if definition is None:
            raise InvalidSettingError("shift", definition_id, "no such shift definition")
        agent = people_store.get_agent(tx, agent_id)
        if agent is None or agent.site_id != definition.site_id:
            raise InvalidSettingError("agent", agent_id, "no such agent in the shift's site")
        if not agent.active:
            raise InvalidSettingError("agent", agent.employee_no, "the agent is not active")
        site = shift_store.site(tx, definition.site_id)
        window_start, window_end = definition.window(day, zone(site.timezone))
        start = aware("start", start) if start is not None else window_start
        end = aware("end", end) if end is not None else window_end
        if not start < end <= start + timedelta(hours=MAX_ENTRY_HOURS):
            raise InvalidSettingError("end", end.isoformat(),
                                      f"must be after the start, within {MAX_ENTRY_HOURS} hours")
        clash = sheet_store.overlapping_entries(tx, agent.id, start, end)
        if clash:
            raise InvalidSettingError(
                "entry", agent.employee_no, f"overlaps the agent's entry of {clash[0].day.isoformat()}"
            )
        return sheet_store.add_entries(tx, site.id, [RosterEntry(0, agent.id, day, definition.id, start, end)])[0]


def remove_entry(console: Console, entry_id: int) -> None:
    """Take an entry off the roster (attendance recorded for that shift stays)."""
    with console.db.transaction() as tx:
        if not sheet_store.delete_entry(tx, entry_id):
            raise InvalidSettingError("entry", entry_id, "no such roster entry")

