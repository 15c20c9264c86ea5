"""The audit trail's capture on SQLite and PostgreSQL: ORM writes and statements run through the session become
chained records in the same transaction (before/after, the row's key, who); a rollback leaves none; the feed's
bulk data is left out; two desks appending at once keep one chain."""

from __future__ import annotations

import json
import threading
from datetime import date, datetime, time, timedelta, timezone

import pytest
from sqlalchemy import delete, insert, select, text, update

from app.domain.attendance import Activity, ActivityKind, RosterEntry
from app.domain.audit import ChainCheck, genesis_hash
from app.domain.errors import AppError
from app.domain.sources import LivePosition
from app.storage import audit as store
from app.storage import live as live_store
from app.storage import sheet as sheet_store
from app.storage.database import Database
from app.storage.models import AgentRow, ReminderSettingsRow, ShiftDefinitionRow, Site, SpecialDay, SupervisorRow
from app.storage.models import FeedSource as SourceRow

T0 = datetime(2026, 12, 1, 8, 0, tzinfo=timezone.utc)


@pytest.fixture
def db(db_url):
    database = Database.open(db_url)
    yield database
    database.dispose()


def trail(db: Database) -> list:
    with db.transaction() as tx:
        return list(store.records(tx))


def head(db: Database):
    with db.transaction() as tx:
        return store.head(tx)


def check(db: Database, records) -> list:
    """The chain check of `records` against the head, from the genesis hash of the database's baseline."""
    with db.transaction() as tx:
        text, _tables = store.baseline(tx)
    chain_check = ChainCheck(genesis_hash(text))
    for r in records:
        chain_check.add(r)
    return chain_check.finish(head(db))


def site(tx, name: str = "Floor") -> int:
    row = Site(name=name, timezone="Asia/Shanghai", created_at=T0)
    tx.add(row)
    tx.flush()
    return row.id


def test_orm_writes_are_recorded_with_their_key_values_and_who(db):
    with db.transaction() as tx:
        site_id = site(tx)
        tx.add(SpecialDay(site_id=site_id, day=date(2026, 12, 25), name="Christmas", opens=time(9), closes=None))
        tx.add(ReminderSettingsRow(site_id=site_id, settings='{"agenda": 30}', updated_at=T0, updated_by="Anna"))
    with db.transaction() as tx:
        day = tx.get(SpecialDay, (site_id, date(2026, 12, 25)))
        day.name, day.opens = "Christmas Day", time(9)  # opens set to what it was: not a change
        settings = tx.get(ReminderSettingsRow, site_id)
        settings.settings, settings.updated_by = '{"agenda": 45}', "Bo"
    with store.acting_as("Admin"), db.transaction() as tx:
        tx.delete(tx.get(SpecialDay, (site_id, date(2026, 12, 25))))
    records = trail(db)
    got = [(r.id, r.actor, r.table, json.loads(r.row_key), r.action) for r in records]
    assert got == [
        (1, "system", "sites", {"id": site_id}, "insert"),
        (2, "system", "site_special_days", {"site_id": site_id, "day": "2026-12-25"}, "insert"),
        (3, "Anna", "reminder_settings", {"site_id": site_id}, "insert"),
        (4, "system", "site_special_days", {"site_id": site_id, "day": "2026-12-25"}, "update"),
        (5, "Bo", "reminder_settings", {"site_id": site_id}, "update"),
        (6, "Admin", "site_special_days", {"site_id": site_id, "day": "2026-12-25"}, "delete"),
    ]
    assert json.loads(records[0].after) == {"id": site_id, "name": "Floor", "timezone": "Asia/Shanghai",
                                            "created_at": "2026-12-01T08:00:00+00:00"}
    assert records[0].before is None and records[5].after is None
    assert (json.loads(records[3].before), json.loads(records[3].after)) == ({"name": "Christmas"},
                                                                             {"name": "Christmas Day"})
    assert json.loads(records[4].after) == {"settings": '{"agenda": 45}', "updated_by": "Bo"}
    assert json.loads(records[4].before) == {"settings": '{"agenda": 30}', "updated_by": "Anna"}
    assert json.loads(records[5].before) == {"site_id": site_id, "day": "2026-12-25", "name": "Christmas Day",
                                             "opens": "09:00:00", "closes": None}
    # one commit, one time; the chain from the genesis hash, each hash over the record's content
    assert records[0].at == records[1].at == records[2].at < records[3].at
    with db.transaction() as tx:
        assert records[0].prev_hash == genesis_hash(store.baseline(tx)[0])  # a new database: every table at 0
        assert store.baseline(tx)[1]["sites"] == 0 and "calls" not in store.baseline(tx)[1]
    assert all(r.prev_hash == p.hash for p, r in zip(records, records[1:]))
    assert all(r.hash == r.content_hash for r in records)
    assert check(db, records) == [] and head(db).count == 6 and head(db).last_hash == records[-1].hash


def test_statements_run_through_the_session_are_recorded_row_by_row(db):
    with db.transaction() as tx:
        site_id = site(tx)
        morning = ShiftDefinitionRow(site_id=site_id, name="Morning", start=time(7), end=time(15, 30))
        agent = AgentRow(site_id=site_id, employee_no="1001", name="Zhang Wei")
        tx.add_all([morning, agent])
        tx.flush()
        start = datetime(2026, 12, 1, 23, tzinfo=timezone.utc)
        entries = [RosterEntry(0, agent.id, date(2026, 12, 2) + timedelta(days=i), morning.id,
                               start + timedelta(days=i), start + timedelta(days=i, hours=8),
                               (Activity(ActivityKind.LUNCH, start + timedelta(days=i, hours=4),
                                         start + timedelta(days=i, hours=5)),))
                   for i in range(3)]
        stored = sheet_store.add_entries(tx, site_id, entries)  # executemany with RETURNING, then one without
    first = len(trail(db))
    with db.transaction() as tx:
        tx.execute(update(SpecialDay).where(SpecialDay.site_id == site_id).values(name="never"))  # no row: nothing
        tx.execute(update(AgentRow).where(AgentRow.id == agent.id).values(name="Zhang Wei (Blue)", fixed_seat=None))
        assert sheet_store.delete_entry(tx, stored[0].id)  # Core deletes: its activity, then the entry
    records = trail(db)
    inserted = [r for r in records[:first] if r.table == "roster_entries"]
    assert [json.loads(r.row_key) for r in inserted] == [{"id": e.id} for e in stored]
    assert json.loads(inserted[0].after) == {"id": stored[0].id, "site_id": site_id, "agent_id": agent.id,
                                             "day": "2026-12-02", "definition_id": morning.id,
                                             "start_at": "2026-12-01T23:00:00+00:00",
                                             "end_at": "2026-12-02T07:00:00+00:00", "import_id": None}
    activities = [r for r in records[:first] if r.table == "roster_activities"]
    # an executemany without RETURNING: the rows come back with their ids all the same (return_defaults)
    assert sorted(json.loads(r.after)["entry_id"] for r in activities) == [e.id for e in stored]
    assert all(json.loads(r.row_key) == {"id": json.loads(r.after)["id"]} and json.loads(r.after)["kind"] == "lunch"
               for r in activities)
    later = [(r.table, json.loads(r.row_key), r.action, r.before and json.loads(r.before),
              r.after and json.loads(r.after)) for r in records[first:]]
    assert later[0] == ("agents", {"id": agent.id}, "update", {"name": "Zhang Wei"}, {"name": "Zhang Wei (Blue)"})
    assert [(t, a) for t, _, a, _, _ in later[1:]] == [("roster_activities", "delete"), ("roster_entries", "delete")]
    assert later[1][3]["entry_id"] == stored[0].id and later[2][1] == {"id": stored[0].id}
    assert later[2][3]["day"] == "2026-12-02"


def test_orm_statements_returning_keys_and_bulk_updates_by_key_are_recorded(db):
    with db.transaction() as tx:
        first = tx.execute(insert(Site).values(name="North", timezone="UTC", created_at=T0).returning(Site.id)).scalar()
        second = site(tx, "South")
        tx.execute(update(Site), [{"id": first, "name": "North hall"}, {"id": second, "timezone": "Asia/Shanghai"}])
    got = [(r.action, json.loads(r.row_key), json.loads(r.before) if r.before else None, json.loads(r.after))
           for r in trail(db)]
    assert got == [
        ("insert", {"id": first}, None, {"id": first, "name": "North", "timezone": "UTC",
                                         "created_at": "2026-12-01T08:00:00+00:00"}),
        ("insert", {"id": second}, None, {"id": second, "name": "South", "timezone": "Asia/Shanghai",
                                          "created_at": "2026-12-01T08:00:00+00:00"}),
        ("update", {"id": first}, {"name": "North"}, {"name": "North hall"}),
    ]  # South's zone set to what it was: no change


def test_a_rollback_leaves_no_record_and_a_savepoint_rolled_back_drops_its_own(db):
    with db.transaction() as tx:
        site(tx)
    before = head(db)
    with pytest.raises(RuntimeError), db.transaction() as tx:
        site(tx, "Second floor")
        tx.execute(delete(Site).where(Site.name == "Floor"))
        raise RuntimeError("the service failed after writing")
    assert head(db) == before and len(trail(db)) == 1
    with db.transaction() as tx:
        site(tx, "Kept")
        with pytest.raises(RuntimeError), tx.begin_nested():
            site(tx, "Dropped with its savepoint")
            raise RuntimeError("inner")
        with tx.begin_nested():
            site(tx, "Kept in a savepoint")
    names = [json.loads(r.after)["name"] for r in trail(db)]
    assert names == ["Floor", "Kept", "Kept in a savepoint"]
    with db.transaction() as tx:
        assert set(tx.scalars(select(Site.name))) == {"Floor", "Kept", "Kept in a savepoint"}


def test_the_feed_data_and_a_sources_read_position_are_left_out(db):
    with db.transaction() as tx:
        site_id = site(tx)
        source = SourceRow(site_id=site_id, name="acd", format="queue-log", threshold_seconds=20.0,
                           target_percent=80.0, sl_definition="offered", created_at=T0, live=True, path="/q.log")
        tx.add(source)
    with db.transaction() as tx:  # a poll: the position moves, nothing recorded
        position = LivePosition("/q.log", 4096, 40, "1:2", "ab" * 32, 512, T0, T0.timestamp())
        live_store.save_position(tx, source.id, position)
        live_store.touch_poll(tx, source.id, T0 + timedelta(minutes=1))
        tx.execute(text("INSERT INTO calls (source_id, queue, call_key, arrived_at, interval_start, state) "
                        "VALUES (:s, 'q', 'k1', 0, 0, 'waiting')"), {"s": source.id})
    assert [r.table for r in trail(db)] == ["sites", "feed_sources"]
    assert "file_offset" not in json.loads(trail(db)[1].after)
    with db.transaction() as tx:  # a change of its settings is recorded, without the position
        tx.execute(update(SourceRow).where(SourceRow.id == source.id).values(threshold_seconds=30.0, file_offset=0))
    last = trail(db)[-1]
    assert (last.table, json.loads(last.before), json.loads(last.after)) == (
        "feed_sources", {"threshold_seconds": 20.0}, {"threshold_seconds": 30.0})


def test_a_pin_hash_is_kept_as_its_digest_only(db):
    with db.transaction() as tx:
        tx.add(SupervisorRow(name="Anna", role="supervisor", pin_hash="scrypt$secret", created_at=T0))
    after = json.loads(trail(db)[0].after)
    assert after["pin_hash"].startswith("sha256:") and "secret" not in trail(db)[0].after


def test_without_its_head_the_trail_refuses_the_write(db):
    with db.engine.begin() as conn:
        conn.execute(text("DELETE FROM audit_head"))
    with pytest.raises(AppError, match="head row of the trail is missing"), db.transaction() as tx:
        site(tx)
    with db.transaction() as tx:
        assert tx.scalars(select(Site)).all() == []


def test_two_desks_appending_at_once_keep_one_chain(db_url):
    desks = [Database.open(db_url), Database.open(db_url)]
    rounds, errors = 15, []
    start = threading.Barrier(2)

    def work(n: int, desk: Database) -> None:
        try:
            start.wait(timeout=30)
            for i in range(rounds):
                with desk.transaction() as tx:
                    site_id = site(tx, f"desk {n} site {i}")
                    tx.add(ReminderSettingsRow(site_id=site_id, settings="{}", updated_at=T0, updated_by=f"desk {n}"))
        except Exception as exc:  # noqa: BLE001 - reported below
            errors.append(exc)

    threads = [threading.Thread(target=work, args=(n, d)) for n, d in enumerate(desks)]
    try:
        for t in threads:
            t.start()
        for t in threads:
            t.join(timeout=120)
        assert errors == []
        records = trail(desks[0])
        assert [r.id for r in records] == list(range(1, 2 * rounds * 2 + 1))
        assert check(desks[0], records) == []
        # each transaction's two records are next to each other: the head is locked until the commit
        pairs = [(json.loads(a.after)["name"], b.actor) for a, b in zip(records[::2], records[1::2])]
        assert sorted(pairs) == sorted((f"desk {n} site {i}", f"desk {n}") for n in range(2) for i in range(rounds))
    finally:
        for d in desks:
            d.dispose()
