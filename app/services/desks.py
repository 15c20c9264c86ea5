"""Several desks on one database: hearing the other desks' writes, and whether the database is reachable.

`watch` starts a desk's listener on a PostgreSQL database (None on SQLite,
where one file serves one desk): `on_change` gets the names of the tables
another desk wrote (or {"*"} after a reconnection: read everything again),
`on_state` whether the database is reachable, with the reason when not. Both
are called on the listener's thread; the window hands them to the GUI thread.
"""

from __future__ import annotations

from collections.abc import Callable

from app.services.console import Console
from app.storage.changes import EVERYTHING, ChangeListener

__all__ = ["EVERYTHING", "watch"]


def watch(console: Console, on_change: Callable[[frozenset[str]], None],
          on_state: Callable[[bool, str | None], None], check_seconds: float | None = None) -> ChangeListener | None:
    """Listen for the other desks' writes (PostgreSQL); None for a database only one desk uses."""
    if console.db.dialect != "postgresql":
        return None
    listener = ChangeListener.of(console.db, on_change, on_state)
    if check_seconds is not None:
        listener.check_seconds = check_seconds
    return listener.start()
