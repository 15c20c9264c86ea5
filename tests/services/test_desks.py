"""Two desks on one PostgreSQL database (two engines): each hears the other's committed writes within seconds and
not its own nor a rolled-back one; a desk whose connection is cut says so and comes back by itself."""

from __future__ import annotations

import queue
from datetime import datetime, timedelta, timezone

import pytest
from sqlalchemy import text

from app.domain.worklog import Category, Draft
from app.services import desks, shifts, worklog
from app.services.console import Console
from tests.services.shift_world import DAY, at, build


@pytest.fixture
def two_desks(pg_url):
    """Two desks: two consoles (two engines) on one PostgreSQL database (a SQLite file serves one desk)."""
    a, b = Console.open(pg_url), Console.open(pg_url)
    yield a, b
    a.close()
    b.close()


def test_sqlite_has_no_listener(tmp_path):
    console = Console.open(f"sqlite:///{tmp_path / 'one.sqlite3'}")
    try:
        assert desks.watch(console, lambda t: None, lambda c, e: None) is None
    finally:
        console.close()


def _next(q: queue.Queue, seconds: float = 10.0):
    return q.get(timeout=seconds)


def test_a_write_at_one_desk_reaches_the_other(two_desks):
    a, b = two_desks
    w = build(a)
    heard, states = queue.Queue(), queue.Queue()
    listener = desks.watch(b, heard.put, lambda ok, why: states.put((ok, why)), check_seconds=0.5)
    try:
        assert _next(states) == (True, None)
        morning = shifts.ensure_instance(a, DAY, w.morning.id)
        started = datetime.now(timezone.utc)
        worklog.add_entry(a, morning.id, Draft(Category.WORK_ITEM, "Printer on row 3 jams", owner="IT",
                                               due=at(a, DAY, 12)), "王丽", at(a, DAY, 9, 5))
        tables = _next(heard)
        assert "log_entries" in tables and "log_entry_revisions" in tables
        assert datetime.now(timezone.utc) - started < timedelta(seconds=5)
        # Its own writes are not announced back to a desk; a rolled-back write to nobody.
        worklog.add_entry(b, morning.id, Draft(Category.OTHER, "Desk B writes"), "李强", at(a, DAY, 9, 6))
        with pytest.raises(RuntimeError):
            with a.db.transaction() as tx:
                tx.execute(text("UPDATE log_entries SET text = 'never' WHERE id > 0"))
                raise RuntimeError("changed my mind")
        with pytest.raises(queue.Empty):
            heard.get(timeout=2)
        # Raw SQL writes count too (the feed import writes calls that way).
        with a.db.transaction() as tx:
            tx.connection().exec_driver_sql("UPDATE sites SET name = name")
        assert _next(heard) == frozenset({"sites"})
    finally:
        listener.stop()


def test_a_cut_connection_is_said_and_restored_by_itself(two_desks):
    a, b = two_desks
    heard, states = queue.Queue(), queue.Queue()
    listener = desks.watch(b, heard.put, lambda ok, why: states.put((ok, why)), check_seconds=0.3)
    listener.pauses = (0.2, 0.5)
    try:
        assert _next(states) == (True, None)
        pid = listener.backend_pid
        with a.db.transaction() as tx:  # the server drops the desk's connection (a network cut, a restart)
            tx.execute(text("SELECT pg_terminate_backend(:pid)"), {"pid": pid})
        ok, why = _next(states)
        assert ok is False and why
        assert _next(states) == (True, None)
        assert listener.backend_pid != pid
        assert _next(heard) == desks.EVERYTHING  # what was said meanwhile is lost: read everything again
    finally:
        listener.stop()


def test_a_write_on_a_lost_connection_is_refused_in_words_and_the_next_one_works(two_desks):
    from app.domain.errors import DatabaseUnavailableError

    a, b = two_desks
    w = build(a)
    morning = shifts.ensure_instance(a, DAY, w.morning.id)
    with b.db.transaction() as tx:  # desk B's pooled connection, then the server drops it
        pid = tx.execute(text("SELECT pg_backend_pid()")).scalar()
    with a.db.transaction() as tx:
        tx.execute(text("SELECT pg_terminate_backend(:pid)"), {"pid": pid})
    with pytest.raises(DatabaseUnavailableError) as refused:
        worklog.add_entry(b, morning.id, Draft(Category.OTHER, "Lost on the way"), "李强", at(a, DAY, 9))
    assert refused.value.state == "unreachable" and "nothing was stored" in str(refused.value)
    assert worklog.shift_log(a, morning.id, at(a, DAY, 9)).entries == ()
    saved = worklog.add_entry(b, morning.id, Draft(Category.OTHER, "Saved again"), "李强", at(a, DAY, 9))
    assert [e.id for e in worklog.shift_log(a, morning.id, at(a, DAY, 9)).entries] == [saved.id]
