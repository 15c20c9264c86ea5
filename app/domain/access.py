"""Who may do what at a desk: the roles of the people who sign in, and the kinds of writes.

A desk where someone is signed in writes only what that person's role
permits. A block of work declares what kind of write it is (`Action`); a
write that declares nothing counts as MANAGE (supervisors only), so a write
someone forgot to declare is refused to the lesser roles rather than let
through. SYSTEM is the desk's own housekeeping (reading the live feeds,
reminders shown, caller data purged, leases given back), done whoever sits
at the desk.
"""

from __future__ import annotations

import enum

from app.domain.errors import NotPermittedError
from app.domain.people import Role


class Action(str, enum.Enum):
    LOG = "log"  # work-log entries, their follow-ups and closing
    ATTENDANCE = "attendance"  # attendance on the shift sheet
    SIGN = "sign"  # signing a handover
    EXPORT = "export"  # files written out of the console (Excel, CSV...)
    MANAGE = "manage"  # every other write: seating, notices, playbooks, settings, imports, agendas...
    SYSTEM = "system"  # the desk's own housekeeping


_PERMITTED: dict[Role, frozenset[Action]] = {
    Role.SUPERVISOR: frozenset(Action),
    Role.TEAM_LEADER: frozenset({Action.LOG, Action.ATTENDANCE, Action.SYSTEM}),
    Role.VIEWER: frozenset({Action.SYSTEM}),
}


def permits(role: Role | None, action: Action) -> bool:
    """Whether `role` may do `action`; None (no one signed in: the command line, a console before any
    supervisor exists) may do everything."""
    return role is None or action in _PERMITTED[Role(role)]


def require(role: Role | None, action: Action) -> None:
    """NotPermittedError when `role` may not do `action`."""
    if not permits(role, action):
        raise NotPermittedError(Role(role).value, action.value)


def permitted(role: Role | None) -> frozenset[Action]:
    return frozenset(Action) if role is None else _PERMITTED[Role(role)]
