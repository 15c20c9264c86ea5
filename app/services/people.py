"""Use cases on people: teams, agents (by hand or from an agents file) and supervisors with their PINs.

`site_id` None means the first site. A supervisor's PIN is stored only as a
salted scrypt hash (app.domain.people); a wrong PIN is a `WrongPinError`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from app.domain.errors import InvalidSettingError, WrongPinError
from app.domain.people import Agent, Role, Supervisor, Team, check_pin, hash_pin
from app.feeds.people_file import AgentLine, read_agents
from app.feeds.roster import RowProblem
from app.domain.access import Action
from app.services.console import Console, writes
from app.storage import people as people_store
from app.storage import shifts as shift_store
from app.storage.people import AgentFields

_COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")


@dataclass(frozen=True)
class AgentsImported:
    """What an agents file changed: agents added and changed, teams created, lines not used."""

    path: str
    added: int
    updated: int
    teams_created: int
    problems: tuple[RowProblem, ...]


# --- teams ---

def list_teams(console: Console, site_id: int | None = None) -> tuple[Team, ...]:
    with console.db.transaction() as tx:
        return people_store.list_teams(tx, shift_store.site(tx, site_id).id)


def save_team(console: Console, name: str, leader_id: int | None = None, colour: str = "#4c78a8",
              site_id: int | None = None, team_id: int | None = None) -> Team:
    """Add a team, or change one (name, leader, colour #rrggbb)."""
    name = (name or "").strip()
    if not name:
        raise InvalidSettingError("name", name, "a team needs a name")
    if not _COLOUR.match(colour or ""):
        raise InvalidSettingError("colour", colour, "must be #rrggbb")
    with console.db.transaction() as tx:
        if team_id is not None:
            team = people_store.get_team(tx, team_id)
            if team is None:
                raise InvalidSettingError("team", team_id, "no such team")
            site = team.site_id
        else:
            site = shift_store.site(tx, site_id).id
        same = people_store.find_team(tx, site, name)
        if same is not None and same.id != team_id:
            raise InvalidSettingError("name", name, "another team of the site has this name")
        if leader_id is not None:
            leader = people_store.get_supervisor(tx, leader_id)
            if leader is None or leader.role is Role.VIEWER:
                raise InvalidSettingError("leader", leader_id, "must be a supervisor or team leader")
        return people_store.save_team(tx, site, name, leader_id, colour.lower(), team_id)


# --- agents ---

def list_agents(console: Console, site_id: int | None = None, active_only: bool = False) -> tuple[Agent, ...]:
    """The site's agents by name."""
    with console.db.transaction() as tx:
        return people_store.list_agents(tx, shift_store.site(tx, site_id).id, active_only)


def _clean(value: str | None) -> str | None:
    value = (value or "").strip()
    return value or None


def save_agent(console: Console, employee_no: str, name: str, team_id: int | None = None,
               skills: tuple[str, ...] | list[str] = (), acd_login: str | None = None,
               fixed_seat: str | None = None, active: bool = True, site_id: int | None = None,
               agent_id: int | None = None) -> Agent:
    """Add an agent, or change one; the employee number is unique in the site."""
    employee_no = (employee_no or "").strip()
    name = (name or "").strip()
    if not employee_no:
        raise InvalidSettingError("employee_no", employee_no, "an agent needs an employee number")
    if not name:
        raise InvalidSettingError("name", name, "an agent needs a name")
    fields = AgentFields(
        employee_no=employee_no,
        name=name,
        team_id=team_id,
        skills=tuple(s.strip() for s in skills if s and s.strip()),
        acd_login=_clean(acd_login),
        fixed_seat=_clean(fixed_seat),
        active=bool(active),
    )
    with console.db.transaction() as tx:
        if agent_id is not None:
            agent = people_store.get_agent(tx, agent_id)
            if agent is None:
                raise InvalidSettingError("agent", agent_id, "no such agent")
            site = agent.site_id
        else:
            site = shift_store.site(tx, site_id).id
        same = people_store.find_agent(tx, site, employee_no)
        if same is not None and same.id != agent_id:
            raise InvalidSettingError("employee_no", employee_no, f"already the employee number of {same.name}")
        if team_id is not None:
            team = people_store.get_team(tx, team_id)
            if team is None or team.site_id != site:
                raise InvalidSettingError("team", team_id, "no such team in the site")
        return people_store.save_agent(tx, site, fields, agent_id)


@writes(Action.MANAGE)
def import_agents(console: Console, path: str | Path, site_id: int | None = None) -> AgentsImported:
    """Add or update the agents of an agents file, keyed by employee number, in one transaction.

    A team name not known yet creates the team. An empty team, ACD login,
    seat or skills cell keeps what the agent has (a file that lacks a column
    wipes nothing); `active` is taken from the file (default: active).
    """
    agents_file = read_agents(path)  # InputFileError when the file cannot be used at all
    added = updated = teams_created = 0
    with console.db.transaction() as tx:
        site = shift_store.site(tx, site_id).id
        teams = {t.name: t.id for t in people_store.list_teams(tx, site)}
        known = {a.employee_no: a for a in people_store.list_agents(tx, site)}
        for line in agents_file.lines:
            team_name = _clean(line.team)
            if team_name is not None and team_name not in teams:
                teams[team_name] = people_store.save_team(tx, site, team_name, None, "#4c78a8").id
                teams_created += 1
            old = known.get(line.employee_no.strip())
            fields = _fields(line, teams.get(team_name) if team_name else None, old)
            if old is None:
                known[fields.employee_no] = people_store.save_agent(tx, site, fields)
                added += 1
            elif fields != _fields_of(old):
                known[fields.employee_no] = people_store.save_agent(tx, site, fields, old.id)
                updated += 1
    return AgentsImported(str(agents_file.path), added, updated, teams_created, tuple(agents_file.problems))


def _fields(line: AgentLine, team_id: int | None, old: Agent | None) -> AgentFields:
    skills = tuple(s.strip() for s in line.skills if s and s.strip())
    return AgentFields(
        employee_no=line.employee_no.strip(),
        name=line.name.strip(),
        team_id=team_id if team_id is not None or old is None else old.team_id,
        skills=skills or (old.skills if old else ()),
        acd_login=_clean(line.acd_login) or (old.acd_login if old else None),
        fixed_seat=_clean(line.fixed_seat) or (old.fixed_seat if old else None),
        active=bool(line.active),
    )


def _fields_of(agent: Agent) -> AgentFields:
    return AgentFields(agent.employee_no, agent.name, agent.team_id, agent.skills, agent.acd_login,
                       agent.fixed_seat, agent.active)


# --- supervisors ---

def list_supervisors(console: Console, active_only: bool = True) -> tuple[Supervisor, ...]:
    with console.db.transaction() as tx:
        return people_store.list_supervisors(tx, active_only)


def add_supervisor(console: Console, name: str, role: Role, pin: str) -> Supervisor:
    """Add a supervisor (a unique name, a role, a PIN of 4 to 12 digits kept only as a hash)."""
    name = (name or "").strip()
    if not name:
        raise InvalidSettingError("name", name, "a supervisor needs a name")
    role = Role(role)
    pin_hash = hash_pin(pin)  # checks the PIN first
    with console.db.transaction() as tx:
        if people_store.find_supervisor(tx, name) is not None:
            raise InvalidSettingError("name", name, "a supervisor with this name exists")
        return people_store.add_supervisor(tx, name, role, pin_hash, datetime.now(timezone.utc))


def set_pin(console: Console, supervisor_id: int, old_pin: str, new_pin: str) -> None:
    """Change a supervisor's PIN; the old one must be given."""
    check_pin(new_pin)
    with console.db.transaction() as tx:
        verified_in(tx, supervisor_id, old_pin)
        people_store.set_pin_hash(tx, supervisor_id, hash_pin(new_pin))


def verify_supervisor(console: Console, supervisor_id: int, pin: str) -> Supervisor:
    """The supervisor when `pin` is theirs (and they are active); WrongPinError otherwise."""
    with console.db.transaction() as tx:
        return verified_in(tx, supervisor_id, pin)


def verified_in(tx, supervisor_id: int, pin: str) -> Supervisor:
    """`verify_supervisor` inside a transaction the caller holds."""
    supervisor = people_store.get_supervisor(tx, supervisor_id)
    if supervisor is None:
        raise InvalidSettingError("supervisor", supervisor_id, "no such supervisor")
    if not supervisor.active or not people_store.pin_matches(tx, supervisor_id, pin or ""):
        raise WrongPinError(supervisor.name)
    return supervisor
