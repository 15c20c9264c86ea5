"""The desk's guard: every write statement the engine sends is checked against who is signed in.

`install(db)` puts a check before every INSERT, UPDATE and DELETE the
database's engine sends (ORM, Core and raw SQL alike). Once the desk
requires sign-in (`require_sign_in`), a write is let through only when the
person signed in (`sign_in`) has a role that permits the kind of write the
running block declared (`declared(action)`; nothing declared is MANAGE);
with no one signed in only SYSTEM writes pass. A refused write raises before
anything is sent, and the transaction around it rolls back. A database that
never requires sign-in (the command line, tests, a console before any
supervisor exists) is not checked. The declaration lives in a context
variable, so it holds for the thread (or task) that runs the block.
"""

from __future__ import annotations

import contextvars
import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from sqlalchemy import event

from app.domain.access import Action, require
from app.domain.errors import NotSignedInError
from app.domain.people import Supervisor

_WRITE = re.compile(r'^\s*(?:INSERT(?:\s+OR\s+\w+)?\s+INTO|REPLACE\s+INTO|UPDATE(?:\s+OR\s+\w+)?|DELETE\s+FROM)\s+'
                    r'(?:"?\w+"?\.)?"?(\w+)"?', re.IGNORECASE)
# A statement opening with a common table expression writes when it holds INSERT, UPDATE or DELETE: checked as a
# write of no table in particular.
_CTE_WRITE = re.compile(r'^\s*WITH\b.*\b(?:INSERT|UPDATE|DELETE)\b', re.IGNORECASE | re.DOTALL)
# Written when a permitted block commits (the chain of its records): never a write of their own.
_UNCHECKED = frozenset({"audit_log", "audit_head"})

_UNSET = object()
# The kind of write the running block declared, and the person it was started for (_UNSET: none captured, the
# person signed in now decides).
_declared: contextvars.ContextVar[tuple[Action, object]] = contextvars.ContextVar(
    "access_declared", default=(Action.MANAGE, _UNSET))


@dataclass
class DeskAccess:
    """State: whether sign-in is required at this desk, and who is signed in."""

    required: bool = False
    user: Supervisor | None = None

    def check(self, action: Action, user: object = _UNSET) -> None:
        """NotSignedInError / NotPermittedError when `action` may not be done (for `user`; by default the
        person signed in now)."""
        if not self.required or action is Action.SYSTEM:
            return
        person = self.user if user is _UNSET else user
        if person is None:
            raise NotSignedInError()
        require(person.role, action)


def install(db) -> DeskAccess:
    """Check every write of `db` (once; the same DeskAccess afterwards)."""
    existing = getattr(db, "access", None)
    if existing is not None:
        return existing
    access = db.access = DeskAccess()

    def before_cursor_execute(_conn, _cursor, statement, _parameters, _context, _executemany) -> None:
        if not access.required:
            return
        found = _WRITE.match(statement)
        if found and found.group(1).lower() in _UNCHECKED:
            return
        if found or _CTE_WRITE.match(statement):
            action, user = _declared.get()
            access.check(action, user)

    event.listen(db.engine, "before_cursor_execute", before_cursor_execute)
    return access


@contextmanager
def declared(action: Action, user: object = _UNSET) -> Iterator[None]:
    """The writes of this block are of the kind `action`, done for `user` (a Supervisor or None, captured when
    the block began: a lock or another sign-in meanwhile does not cut a running import in two; by default the
    person signed in when each statement runs)."""
    token = _declared.set((action, user))
    try:
        yield
    finally:
        _declared.reset(token)


def current() -> Action:
    return _declared.get()[0]


def block_user(default: object = None) -> object:
    """The person the running block was started for (`default` when the block captured no one)."""
    user = _declared.get()[1]
    return default if user is _UNSET else user
