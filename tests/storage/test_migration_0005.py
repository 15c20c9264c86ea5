"""Migration 0005 (the floor seat map) creates exactly what the models declare, and goes back down."""

from alembic import command
from sqlalchemy import create_engine, inspect, text

from app.storage.database import Database, _alembic_config
from tests.storage.test_migration_0004 import _differences

SEAT_TABLES = {"floors", "zones", "seats", "seat_outages", "seat_assignments", "seat_events"}


def test_the_seat_map_tables_are_what_the_models_declare(db_url):
    db = Database.open(db_url)
    try:
        assert _differences(db.engine) == []
        assert SEAT_TABLES <= set(inspect(db.engine).get_table_names())
        assert {c["name"] for c in inspect(db.engine).get_unique_constraints("seats")} == {"uq_seats_floor_code"}
    finally:
        db.dispose()


def test_0005_goes_down_and_up_again_keeping_the_shift_sheet(db_url):
    db = Database.open(db_url)
    with db.transaction() as tx:
        tx.execute(text("INSERT INTO sites (name, timezone, created_at) "
                        "VALUES ('Floor', 'UTC', '2026-11-27 08:00:00')"))
        tx.execute(text("INSERT INTO teams (site_id, name, colour) VALUES (1, 'Blue', '#1f77b4')"))
        tx.execute(text("INSERT INTO floors (site_id, name, position, created_at) "
                        "VALUES (1, '3F', 1, '2026-11-27 08:00:00')"))
    db.dispose()
    engine = create_engine(db_url)
    try:
        with engine.begin() as conn:
            command.downgrade(_alembic_config(conn), "0004")
        names = set(inspect(engine).get_table_names())
        assert not SEAT_TABLES & names and "teams" in names
        with engine.begin() as conn:
            command.upgrade(_alembic_config(conn), "head")
            assert conn.execute(text("SELECT name FROM teams")).scalar() == "Blue"
            assert conn.execute(text("SELECT count(*) FROM floors")).scalar() == 0
        assert SEAT_TABLES <= set(inspect(engine).get_table_names())
        assert _differences(engine) == []
    finally:
        engine.dispose()
