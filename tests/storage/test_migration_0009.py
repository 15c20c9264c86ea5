"""Migration 0009 (handovers) creates exactly what the models declare, and goes back down keeping the meetings."""

from alembic import command
from sqlalchemy import create_engine, inspect, text

from app.storage.database import Database, _alembic_config
from tests.storage.test_migration_0004 import _differences


def test_the_handover_table_is_what_the_models_declare(db_url):
    db = Database.open(db_url)
    try:
        assert _differences(db.engine) == []
        inspector = inspect(db.engine)
        assert "handovers" in inspector.get_table_names()
        uniques = {u["name"]: u["column_names"] for u in inspector.get_unique_constraints("handovers")}
        assert uniques["uq_handovers_outgoing_instance"] == ["outgoing_instance_id"]
    finally:
        db.dispose()


def test_0009_goes_down_and_up_again_keeping_the_older_data(db_url):
    db = Database.open(db_url)
    with db.transaction() as tx:
        tx.execute(text("INSERT INTO sites (name, timezone, created_at) VALUES ('Floor', 'UTC', '2026-12-20 08:00:00')"))
    db.dispose()
    engine = create_engine(db_url)
    try:
        with engine.begin() as conn:
            command.downgrade(_alembic_config(conn), "0008")
        names = set(inspect(engine).get_table_names())
        assert "handovers" not in names and "agendas" in names
        with engine.begin() as conn:
            command.upgrade(_alembic_config(conn), "head")
            assert conn.execute(text("SELECT name FROM sites")).scalar() == "Floor"
            assert conn.execute(text("SELECT count(*) FROM handovers")).scalar() == 0
        assert _differences(engine) == []
    finally:
        engine.dispose()
