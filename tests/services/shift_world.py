"""A small floor for the shift-sheet service tests: three shifts, two teams, a handful of agents, supervisors.

Times are built in the first site's own zone (the machine's), so the tests
hold wherever they run.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time
from zoneinfo import ZoneInfo

from app.domain.people import Agent, Role, Supervisor, Team
from app.domain.shifts import ShiftDefinition
from app.services import people, shifts
from app.services.console import Console
from app.services.sources import list_sites

DAY = date(2026, 12, 1)  # a Tuesday
PIN = "2468"


def site_zone(console: Console) -> ZoneInfo:
    return ZoneInfo(list_sites(console)[0].timezone)


def at(console: Console, day: date, hour: int, minute: int = 0) -> datetime:
    """An aware instant: `day` at hour:minute on the first site's wall clock."""
    return datetime.combine(day, time(hour, minute), tzinfo=site_zone(console))


@dataclass(frozen=True)
class World:
    morning: ShiftDefinition
    evening: ShiftDefinition
    night: ShiftDefinition
    blue: Team
    green: Team
    agents: dict[str, Agent]  # by employee number
    lead: Supervisor
    viewer: Supervisor


def build(console: Console) -> World:
    morning = shifts.save_definition(console, "早班", time(7, 0), time(15, 30))
    evening = shifts.save_definition(console, "Evening", time(15, 0), time(23, 30))
    night = shifts.save_definition(console, "Night", time(23, 0), time(7, 30))
    lead = people.add_supervisor(console, "王丽", Role.SUPERVISOR, PIN)
    viewer = people.add_supervisor(console, "Visitor", Role.VIEWER, "0000")
    blue = people.save_team(console, "Blue", leader_id=lead.id, colour="#1f77b4")
    green = people.save_team(console, "Green", colour="#2ca02c")
    specs = [
        ("1001", "Zhang Wei", blue.id, "sip/1001"),
        ("1002", "Anna Li", blue.id, "SIP/1002"),
        ("1003", "李娜", green.id, "SIP/1003"),
        ("1004", "Bo Chen", green.id, None),
        ("1005", "Eve Free", None, "SIP/1005"),
    ]
    agents = {
        no: people.save_agent(console, no, name, team_id=team, acd_login=login, skills=("voice",))
        for no, name, team, login in specs
    }
    agents["1009"] = people.save_agent(console, "1009", "Gone Away", active=False)
    return World(morning, evening, night, blue, green, agents, lead, viewer)
