"""The open console: a migrated database with a default site.

Every use case takes a `Console`. Opening one applies migrations and makes
sure the first site exists (named "Main site", in the machine's time zone).
"""

from __future__ import annotations

from dataclasses import dataclass

from app import paths
from app.domain.sources import Site
from app.services.zones import machine_zone
from app.storage import sites
from app.storage.database import Database

DEFAULT_SITE_NAME = "Main site"


@dataclass
class Console:
    """State: the database in use."""

    db: Database

    @classmethod
    def open(cls, url: str | None = None, default_site: tuple[str, str] | None = None) -> Console:
        """Open (and migrate) the database at `url`; the first site is created if none exists."""
        console = cls(Database.open(url or paths.default_db_url()))
        name, tz = default_site or (DEFAULT_SITE_NAME, None)
        console.ensure_default_site(name, tz)
        return console

    def ensure_default_site(self, name: str = DEFAULT_SITE_NAME, tz: str | None = None) -> Site:
        with self.db.transaction() as tx:
            existing = sites.list_sites(tx)
            if existing:
                return existing[0]
            return sites.add_site(tx, name, tz or machine_zone())

    def close(self) -> None:
        self.db.dispose()

    def __enter__(self) -> Console:
        return self

    def __exit__(self, *exc) -> None:
        self.close()
