"""Signing in at a desk, and the kinds of writes a block of work declares.

A console window requires sign-in once the database knows a supervisor
(`sign_in_needed`): from then on every write at the desk is checked against
the role of the person signed in (app.storage.access guards the engine;
app.domain.access says which role may do what). The command line never signs
in: it runs as the operator of the machine.

Use cases declare what they write with `acting(console, action)` around
their transaction; the audit trail names the person signed in (SYSTEM work is
recorded as "system").
"""

from __future__ import annotations

from app.domain.access import Action, permits
from app.domain.people import Role, Supervisor
from app.services.console import Console
from app.services.people import list_supervisors, verify_supervisor


def sign_in_needed(console: Console) -> bool:
    """Whether a window on this database asks who is there: as soon as one active supervisor exists."""
    return bool(list_supervisors(console, active_only=True))


def require_sign_in(console: Console) -> None:
    """From now on this desk writes only for the person signed in (no one yet)."""
    console.db.access.required = True


def sign_in(console: Console, supervisor_id: int, pin: str) -> Supervisor:
    """Sign `supervisor_id` in at this desk when `pin` is theirs (WrongPinError otherwise; whoever was signed
    in stays until then)."""
    person = verify_supervisor(console, supervisor_id, pin)
    console.db.access.user = person
    console.db.access.required = True
    return person


def release_sign_in(console: Console) -> None:
    """The database knows no supervisor after all: the desk writes for whoever uses it (a first start)."""
    console.db.access.required = False
    console.db.access.user = None


def refresh(console: Console) -> Supervisor | None:
    """The person signed in as stored now (another desk may have changed their role or made them inactive):
    kept up to date at the desk; an inactive person is signed out (None)."""
    access = console.db.access
    user = access.user
    if user is None:
        return None
    stored = next((p for p in list_supervisors(console, active_only=False) if p.id == user.id), None)
    if access.user is not user:  # someone else signed in meanwhile
        return access.user
    if stored is None or not stored.active:
        access.user = None
        return None
    access.user = stored
    return stored


def sign_out(console: Console) -> None:
    """No one is signed in: the desk writes nothing but its own housekeeping until someone signs in."""
    console.db.access.user = None


def signed_in(console: Console) -> Supervisor | None:
    return console.db.access.user


def role(console: Console) -> Role | None:
    """The role that decides at this desk (None: sign-in not required, everything permitted)."""
    access = console.db.access
    if not access.required:
        return None
    return access.user.role if access.user is not None else Role.VIEWER


def may(console: Console, action: Action) -> bool:
    """Whether the desk may do `action` now (for the window to offer or grey out a command)."""
    access = console.db.access
    if not access.required:
        return True
    return access.user is not None and permits(access.user.role, action)


def require(console: Console, action: Action) -> None:
    """NotSignedInError / NotPermittedError when the desk may not do `action` now."""
    console.db.access.check(action)


def acting(console: Console, action: Action):
    """A block of work writing `action` (Console.acting)."""
    return console.acting(action)


def exported(console: Console, write, *args, **kwargs):
    """Run the export `write(*args, **kwargs)` when the desk may export (only supervisors: the file leaves the
    console with customer data); NotPermittedError otherwise, before anything is written."""
    require(console, Action.EXPORT)
    return write(*args, **kwargs)
