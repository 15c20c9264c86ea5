"""Migration 0004 (the shift sheet) creates exactly what the models declare, and goes back down."""

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import create_engine, inspect, text

from app.storage.database import Database, _alembic_config
from app.storage.models import Base

SHEET_TABLES = {
    "shift_definitions", "shift_instances", "teams", "agents", "supervisors", "roster_imports", "roster_entries",
    "roster_activities", "attendance_marks", "personnel_changes", "notices", "notice_revisions", "notice_acks",
}


def _differences(engine) -> list:
    with engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"compare_type": True, "compare_server_default": True})
        return compare_metadata(context, Base.metadata)


def test_the_migrations_create_what_the_models_declare(db_url):
    db = Database.open(db_url)
    try:
        assert _differences(db.engine) == []
        assert SHEET_TABLES <= set(inspect(db.engine).get_table_names())
    finally:
        db.dispose()


def test_0004_goes_down_and_up_again_keeping_the_older_data(db_url):
    db = Database.open(db_url)
    with db.transaction() as tx:
        tx.execute(text("INSERT INTO sites (name, timezone, created_at) VALUES ('Floor', 'UTC', '2026-11-27 08:00:00')"))
    db.dispose()
    engine = create_engine(db_url)
    try:
        with engine.begin() as conn:
            command.downgrade(_alembic_config(conn), "0003")
        assert not SHEET_TABLES & set(inspect(engine).get_table_names())
        with engine.begin() as conn:
            command.upgrade(_alembic_config(conn), "head")
            assert conn.execute(text("SELECT name FROM sites")).scalar() == "Floor"
        assert SHEET_TABLES <= set(inspect(engine).get_table_names())
        assert _differences(engine) == []
    finally:
        engine.dispose()
