"""Migration 0013 (privacy settings per site) creates what the models declare and goes down keeping the sites."""

from alembic import command
from sqlalchemy import create_engine, inspect, text

from app.storage.database import Database, _alembic_config
from tests.storage.test_migration_0004 import _differences


def test_0013_up_down_up(db_url):
    db = Database.open(db_url)
    try:
        assert _differences(db.engine) == []
        assert "privacy_settings" in inspect(db.engine).get_table_names()
        with db.transaction() as tx:
            tx.execute(text("INSERT INTO sites (name, timezone, created_at) VALUES ('Floor', 'UTC', "
                            "'2026-12-20 08:00:00')"))
    finally:
        db.dispose()
    engine = create_engine(db_url)
    try:
        with engine.begin() as conn:
            command.downgrade(_alembic_config(conn), "0012")
        names = set(inspect(engine).get_table_names())
        assert "privacy_settings" not in names and "feed_sources" in names
        with engine.begin() as conn:
            command.upgrade(_alembic_config(conn), "head")
            assert conn.execute(text("SELECT name FROM sites")).scalar() == "Floor"
            assert conn.execute(text("SELECT count(*) FROM privacy_settings")).scalar() == 0
        assert _differences(engine) == []
    finally:
        engine.dispose()
