"""Repository of teams, agents and supervisors (domain values in and out; PIN hashes stay here)."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain.people import Agent, Role, Supervisor, Team, verify_pin
from app.storage.models import AgentRow, SupervisorRow, TeamRow


# --- teams ---

def _team(session: Session, row: TeamRow) -> Team:
    leader = session.get(SupervisorRow, row.leader_id) if row.leader_id is not None else None
    return Team(row.id, row.site_id, row.name, row.leader_id, leader.name if leader else None, row.colour)


def list_teams(session: Session, site_id: int) -> tuple[Team, ...]:
    rows = session.scalars(select(TeamRow).where(TeamRow.site_id == site_id)).all()
    return tuple(sorted((_team(session, r) for r in rows), key=lambda t: (t.name, t.id)))


def get_team(session: Session, team_id: int) -> Team | None:
    row = session.get(TeamRow, team_id)
    return _team(session, row) if row else None


def find_team(session: Session, site_id: int, name: str) -> Team | None:
    row = session.scalar(select(TeamRow).where(TeamRow.site_id == site_id, TeamRow.name == name))
    return _team(session, row) if row else None


def save_team(session: Session, site_id: int, name: str, leader_id: int | None, colour: str,
              team_id: int | None = None) -> Team:
    """Add a team (team_id None) or change one."""
    if team_id is None:
        row = TeamRow(site_id=site_id)
        session.add(row)
    else:
        row = session.get(TeamRow, team_id)
    row.name, row.leader_id, row.colour = name, leader_id, colour
    session.flush()
    return _team(session, row)


# --- agents ---

@dataclass(frozen=True)
class AgentFields:
    """What a person types or a file gives about an agent (the row's editable fields)."""

    employee_no: str
    name: str
    team_id: int | None = None
    skills: tuple[str, ...] = ()
    acd_login: str | None = None
    fixed_seat: str | None = None
    active: bool = True


# Plain column rows, not ORM objects (a sheet reads every agent of the site).
_AGENT = (
    AgentRow.id, AgentRow.site_id, AgentRow.employee_no, AgentRow.name, AgentRow.team_id, AgentRow.skills,
    AgentRow.acd_login, AgentRow.fixed_seat, AgentRow.active,
)


def _agents(session: Session, query) -> list[Agent]:
    rows = session.execute(query).all()
    team_ids = {r.team_id for r in rows if r.team_id is not None}
    names: dict[int, str] = {}
    if team_ids:
        query = select(TeamRow.id, TeamRow.name).where(TeamRow.id.in_(team_ids))
        names = {team_id: name for team_id, name in session.execute(query)}
    return [
        Agent(
            id=r.id,
            site_id=r.site_id,
            employee_no=r.employee_no,
            name=r.name,
            team_id=r.team_id,
            team_name=names.get(r.team_id),
            skills=tuple(json.loads(r.skills or "[]")),
            acd_login=r.acd_login,
            fixed_seat=r.fixed_seat,
            active=bool(r.active),
        )
        for r in rows
    ]


def list_agents(session: Session, site_id: int, active_only: bool = False) -> tuple[Agent, ...]:
    """The site's agents by name (then employee number); sorted here so both databases agree."""
    query = select(*_AGENT).where(AgentRow.site_id == site_id)
    if active_only:
        query = query.where(AgentRow.active.is_(True))
    return tuple(sorted(_agents(session, query), key=lambda a: (a.name, a.employee_no)))


def get_agent(session: Session, agent_id: int) -> Agent | None:
    found = _agents(session, select(*_AGENT).where(AgentRow.id == agent_id))
    return found[0] if found else None


def agents_by_id(session: Session, agent_ids: Iterable[int]) -> dict[int, Agent]:
    ids = set(agent_ids)
    if not ids:
        return {}
    return {a.id: a for a in _agents(session, select(*_AGENT).where(AgentRow.id.in_(ids)))}


def find_agent(session: Session, site_id: int, employee_no: str) -> Agent | None:
    found = _agents(session, select(*_AGENT).where(AgentRow.site_id == site_id, AgentRow.employee_no == employee_no))
    return found[0] if found else None


def save_agent(session: Session, site_id: int, fields: AgentFields, agent_id: int | None = None) -> Agent:
    """Add an agent (agent_id None) or change one."""
    if agent_id is None:
        row = AgentRow(site_id=site_id)
        session.add(row)
    else:
        row = session.get(AgentRow, agent_id)
    row.employee_no = fields.employee_no
    row.name = fields.name
    row.team_id = fields.team_id
    row.skills = json.dumps(list(fields.skills), ensure_ascii=False)
    row.acd_login = fields.acd_login
    row.fixed_seat = fields.fixed_seat
    row.active = fields.active
    session.flush()
    return get_agent(session, row.id)


# --- supervisors ---

def _supervisor(row: SupervisorRow) -> Supervisor:
    return Supervisor(row.id, row.name, Role(row.role), bool(row.active))


def list_supervisors(session: Session, active_only: bool = True) -> tuple[Supervisor, ...]:
    query = select(SupervisorRow)
    if active_only:
        query = query.where(SupervisorRow.active.is_(True))
    return tuple(sorted((_supervisor(r) for r in session.scalars(query)), key=lambda s: (s.name, s.id)))


def get_supervisor(session: Session, supervisor_id: int) -> Supervisor | None:
    row = session.get(SupervisorRow, supervisor_id)
    return _supervisor(row) if row else None


def find_supervisor(session: Session, name: str) -> Supervisor | None:
    row = session.scalar(select(SupervisorRow).where(SupervisorRow.name == name))
    return _supervisor(row) if row else None


def add_supervisor(session: Session, name: str, role: Role, pin_hash: str, at: datetime) -> Supervisor:
    row = SupervisorRow(name=name, role=role.value, pin_hash=pin_hash, active=True, created_at=at)
    session.add(row)
    session.flush()
    return _supervisor(row)


def pin_matches(session: Session, supervisor_id: int, pin: str) -> bool:
    """Whether `pin` is the supervisor's PIN (the hash never leaves this module)."""
    row = session.get(SupervisorRow, supervisor_id)
    return row is not None and verify_pin(pin, row.pin_hash)


def set_pin_hash(session: Session, supervisor_id: int, pin_hash: str) -> None:
    session.get(SupervisorRow, supervisor_id).pin_hash = pin_hash
    session.flush()
