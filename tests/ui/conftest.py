"""The real window, offscreen, on a fresh database, with the lane run inline and a fixed clock."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from app.services.console import machine_zone
from app.services.lane import InlineLane

NOW = datetime(2026, 11, 27, 11, 15, tzinfo=ZoneInfo(machine_zone()))


@pytest.fixture
def desktop(qapp, tmp_path, sqlite_url):
    yield from _desktop(tmp_path, sqlite_url)


@pytest.fixture
def desktop_any_db(qapp, tmp_path, db_url):
    """The same window on a SQLite file and on a fresh PostgreSQL schema."""
    yield from _desktop(tmp_path, db_url)


@pytest.fixture
def desktop_pg(qapp, tmp_path, pg_url):
    """The window on a fresh PostgreSQL schema (what only PostgreSQL does: several desks)."""
    yield from _desktop(tmp_path, pg_url)


def _desktop(tmp_path, url):
    from app.ui.app import DesktopApp

    app = DesktopApp(url, "en", settings_path=tmp_path / "settings.ini", lane=InlineLane(), scheduled=False)
    app.context.clock = lambda: NOW
    app.window.service_level.day = NOW.date()
    app.start()
    yield app
    app.translators.switch("en")
    app.close()
