"""Migration 0011 (the audit trail) creates what the models declare, starts the chain at the genesis hash on a
database that already holds data, and goes down and up again keeping that data."""

import json

from alembic import command
from sqlalchemy import create_engine, inspect, text

from app.domain.audit import Head, genesis_hash
from app.storage import audit as store
from app.storage.database import Database, _alembic_config
from tests.storage.test_migration_0004 import _differences

AUDIT_TABLES = {"audit_log", "audit_head"}


def test_0011_on_a_database_with_data_then_down_and_up(db_url):
    engine = create_engine(db_url)
    try:
        with engine.begin() as conn:
            command.upgrade(_alembic_config(conn), "0010")
            conn.execute(text("INSERT INTO sites (name, timezone, created_at) VALUES ('Floor', 'UTC', "
                              "'2026-12-20 08:00:00')"))
    finally:
        engine.dispose()
    db = Database.open(db_url)  # migrates to 0011
    try:
        assert _differences(db.engine) == []
        assert AUDIT_TABLES <= set(inspect(db.engine).get_table_names())
        with db.transaction() as tx:
            text_, tables = store.baseline(tx)
            # the rows before: no records; the baseline names the highest id of each table, the chain starts there
            assert tables["sites"] == 1 and tables["log_entries"] == 0 and "calls" not in tables
            assert json.loads(text_)["calls"] == 0 and "audit_log" not in json.loads(text_)
            assert store.head(tx) == Head(0, genesis_hash(text_), 0) and list(store.records(tx)) == []
            tx.execute(text("UPDATE sites SET timezone = 'Asia/Shanghai'"))  # SQL text: not captured
        with db.transaction() as tx:
            assert store.head(tx) == Head(0, genesis_hash(text_), 0)
    finally:
        db.dispose()
    engine = create_engine(db_url)
    try:
        with engine.begin() as conn:
            command.downgrade(_alembic_config(conn), "0010")
        names = set(inspect(engine).get_table_names())
        assert not AUDIT_TABLES & names and "reminder_settings" in names
        with engine.begin() as conn:
            command.upgrade(_alembic_config(conn), "head")
            assert conn.execute(text("SELECT name, timezone FROM sites")).one() == ("Floor", "Asia/Shanghai")
            again = conn.execute(text("SELECT id, last_id, last_hash, count, baseline FROM audit_head")).one()
            assert again == (1, 0, genesis_hash(again.baseline), 0, again.baseline)
            assert json.loads(again.baseline)["sites"] == 1
            assert conn.execute(text("SELECT count(*) FROM audit_log")).scalar() == 0
        assert _differences(engine) == []
    finally:
        engine.dispose()
