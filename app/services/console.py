"""The open console: a migrated database with a default site.

Every use case takes a `Console`. Opening one applies migrations and makes
sure the first site exists (named "Main site", in the machine's time zone).
"""

from __future__ import annotations

import functools
from collections.abc import Iterator
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass, field

from app import paths
from app.domain.access import Action
from app.domain.sources import Site
from app.services.zones import machine_zone
from app.storage import sites
from app.storage import access as desk_access
from app.storage import changes
from app.storage.audit import acting_as
from app.storage.database import Database
from app.storage.desk_lock import DeskLock, sqlite_file

DEFAULT_SITE_NAME = "Main site"


def writes(action: Action):
    """Decorate a use case `fn(console, ...)` that writes `action` over several transactions (an import): the
    whole of it is one block for the person signed in when it began (Console.acting)."""
    def wrap(fn):
        @functools.wraps(fn)
        def run(console: Console, *args, **kwargs):
            with console.acting(action):
                return fn(console, *args, **kwargs)
        return run
    return wrap


@dataclass
class Console:
    """State: the database in use."""

    db: Database
    desk_lock: DeskLock | None = field(default=None, repr=False)

    @classmethod
    def open(cls, url: str | None = None, default_site: tuple[str, str] | None = None,
             desk: bool = False) -> Console:
        """Open (and migrate) the database at `url`; the first site is created if none exists. `desk`: this is
        a console window: a SQLite file is locked for it (DeskBusyError when another window has it open; several
        desks need PostgreSQL)."""
        url = url or paths.default_db_url()
        lock = DeskLock.acquire(sqlite_file(url)) if desk and sqlite_file(url) else None
        try:
            console = cls(Database.open(url), lock)
            changes.install(console.db)  # the other desks hear of every write (PostgreSQL)
            name, tz = default_site or (DEFAULT_SITE_NAME, None)
            console.ensure_default_site(name, tz)
        except BaseException:
            if lock is not None:
                lock.release()
            raise
        return console

    def ensure_default_site(self, name: str = DEFAULT_SITE_NAME, tz: str | None = None) -> Site:
        with self.db.transaction() as tx:
            existing = sites.list_sites(tx)
            if existing:
                return existing[0]
            return sites.add_site(tx, name, tz or machine_zone())

    @contextmanager
    def acting(self, action: Action) -> Iterator[None]:
        """A block of work writing `action` (app.domain.access): refused up front when the person signed in at
        this desk may not (NotPermittedError / NotSignedInError), and every write in it is checked as that kind,
        for the person signed in when the block began (a lock or another sign-in meanwhile does not cut it in two).
        The audit trail names that person; SYSTEM work is recorded as done by "system"."""
        access = self.db.access
        user = access.user  # the person signed in when the block began does the whole block
        access.check(action, user)
        if action is Action.SYSTEM:
            who = acting_as("system")
        elif user is not None:
            who = acting_as(user.name)
        else:
            who = nullcontext()
        with desk_access.declared(action, user), who:
            yield

    def close(self) -> None:
        """Close the database; the live feeds this console polled are left to the other desks at once."""
        from app.storage import live as live_store

        desk = changes.desk_id(self.db)
        if desk is not None:
            try:
                with self.acting(Action.SYSTEM), self.db.transaction() as tx:
                    live_store.release_leases(tx, desk)
            except Exception:  # noqa: BLE001 - closing never fails: unreachable, read-only... the leases run out
                pass
        self.db.dispose()
        if self.desk_lock is not None:
            self.desk_lock.release()

    def __enter__(self) -> Console:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

