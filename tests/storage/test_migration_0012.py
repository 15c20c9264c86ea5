"""Migration 0012 (the live-feed poll lease) creates what the models declare and goes down keeping the sources."""

from alembic import command
from sqlalchemy import create_engine, inspect, text

from app.storage.database import Database, _alembic_config
from tests.storage.test_migration_0004 import _differences


def test_0012_up_down_up(db_url):
    db = Database.open(db_url)
    try:
        assert _differences(db.engine) == []
        assert "poll_holder" in {c["name"] for c in inspect(db.engine).get_columns("feed_sources")}
        with db.transaction() as tx:
            tx.execute(text("INSERT INTO sites (name, timezone, created_at) VALUES ('Floor', 'UTC', "
                            "'2026-12-20 08:00:00')"))
    finally:
        db.dispose()
    engine = create_engine(db_url)
    try:
        with engine.begin() as conn:
            command.downgrade(_alembic_config(conn), "0011")
        columns = {c["name"] for c in inspect(engine).get_columns("feed_sources")}
        assert "poll_holder" not in columns and "poll_lease_until" not in columns and "file_offset" in columns
        with engine.begin() as conn:
            command.upgrade(_alembic_config(conn), "head")
            assert conn.execute(text("SELECT name FROM sites")).scalar() == "Floor"
            assert conn.execute(text("SELECT count(*) FROM feed_sources WHERE poll_holder IS NULL")).scalar() == 0
        assert _differences(engine) == []
    finally:
        engine.dispose()
