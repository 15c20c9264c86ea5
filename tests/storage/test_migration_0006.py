"""Migration 0006 (the work log) creates exactly what the models declare, and goes back down."""

from alembic import command
from sqlalchemy import create_engine, inspect, text

from app.storage.database import Database, _alembic_config
from tests.storage.test_migration_0004 import _differences

LOG_TABLES = {"log_entries", "log_entry_revisions", "log_entry_acks", "log_saved_filters", "log_templates"}


def test_the_work_log_tables_are_what_the_models_declare(db_url):
    db = Database.open(db_url)
    try:
        assert _differences(db.engine) == []
        assert LOG_TABLES <= set(inspect(db.engine).get_table_names())
        indexes = {i["name"] for i in inspect(db.engine).get_indexes("log_entries")}
        assert {"ix_log_entries_instance", "ix_log_entries_site_event", "ix_log_entries_site_status"} <= indexes
    finally:
        db.dispose()


def test_0006_goes_down_and_up_again_keeping_the_seat_map(db_url):
    db = Database.open(db_url)
    with db.transaction() as tx:
        tx.execute(text("INSERT INTO sites (name, timezone, created_at) "
                        "VALUES ('Floor', 'UTC', '2026-11-27 08:00:00')"))
        tx.execute(text("INSERT INTO floors (site_id, name, position, created_at) "
                        "VALUES (1, '3F', 1, '2026-11-27 08:00:00')"))
    db.dispose()
    engine = create_engine(db_url)
    try:
        with engine.begin() as conn:
            command.downgrade(_alembic_config(conn), "0005")
        names = set(inspect(engine).get_table_names())
        assert not LOG_TABLES & names and "floors" in names
        with engine.begin() as conn:
            command.upgrade(_alembic_config(conn), "head")
            assert conn.execute(text("SELECT name FROM floors")).scalar() == "3F"
            assert conn.execute(text("SELECT count(*) FROM log_entries")).scalar() == 0
        assert LOG_TABLES <= set(inspect(engine).get_table_names())
        assert _differences(engine) == []
    finally:
        engine.dispose()
