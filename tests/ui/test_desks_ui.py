"""Two desks on one PostgreSQL database in the real window: a work-log entry written at another desk shows in this
desk's work log within seconds, without a restart; a cut connection shows in the status bar and goes away by
itself when the desk is back."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from app.domain.worklog import Category, Draft
from app.services import shifts, worklog
from app.services.console import Console
from tests.services.shift_world import build
from tests.ui.conftest import NOW


@pytest.fixture
def desk_b(desktop_pg, pg_url):
    """This desk's window and another desk (a console of its own) on one PostgreSQL database."""
    app = desktop_pg
    desk_a = Console.open(pg_url)
    build(desk_a)  # shifts, people and a roster, written at desk A
    app.window.work_log.go_to_current()
    yield app, desk_a
    desk_a.close()


def test_another_desks_entry_shows_within_seconds(desk_b, qtbot):
    app, desk_a = desk_b
    window = app.window
    qtbot.waitUntil(lambda: window.desks.listener is not None and window.desks.listener.connected, timeout=10000)
    log = window.work_log.log
    assert log is not None
    before = len(log.entries)
    instance = shifts.ensure_instance(desk_a, log.instance.day, log.instance.definition.id)
    with qtbot.waitSignal(window.desks.changed, timeout=8000) as heard:
        worklog.add_entry(desk_a, instance.id, Draft(Category.WORK_ITEM, "Headset stock low: order 10 more",
                                                     owner="Facilities", due=NOW.replace(hour=17)),
                          "Desk A", NOW)
    assert "log_entries" in heard.args[0]
    qtbot.waitUntil(lambda: len(window.work_log.log.entries) == before + 1, timeout=5000)
    assert "Headset stock low: order 10 more" in [e.text for e in window.work_log.log.entries]


def test_a_lost_database_is_said_and_the_line_goes_when_back(desk_b, qtbot):
    app, desk_a = desk_b
    watch = app.window.desks
    qtbot.waitUntil(lambda: watch.listener is not None and watch.listener.connected, timeout=10000)
    watch.listener.check_seconds, watch.listener.pauses = 0.3, (0.3, 0.5)
    with desk_a.db.transaction() as tx:
        tx.execute(text("SELECT pg_terminate_backend(:pid)"), {"pid": watch.listener.backend_pid})
    qtbot.waitUntil(lambda: watch.label.isVisible() or not watch.reachable, timeout=8000)
    assert watch.label.text().startswith("⚠ Database unreachable since ")
    assert watch.label.text().endswith("showing what was read before; reconnecting…")
    qtbot.waitUntil(lambda: watch.reachable and not watch.label.isVisible(), timeout=8000)
    assert window_message(app).startswith("The database is reachable again")


def window_message(app) -> str:
    return app.window.statusBar().currentMessage()
