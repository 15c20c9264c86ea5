"""Migration 0008 (warm-ups, agendas, post-shift meetings) creates exactly what the models declare,
and goes back down keeping the playbooks."""

from alembic import command
from sqlalchemy import create_engine, inspect, text

from app.storage.database import Database, _alembic_config
from tests.storage.test_migration_0004 import _differences

MEETING_TABLES = {"warmups", "agendas", "post_shift_meetings"}


def test_the_meeting_tables_are_what_the_models_declare(db_url):
    db = Database.open(db_url)
    try:
        assert _differences(db.engine) == []
        inspector = inspect(db.engine)
        assert MEETING_TABLES <= set(inspector.get_table_names())
        uniques = {u["name"]: u["column_names"] for u in inspector.get_unique_constraints("agendas")}
        assert uniques["uq_agendas_instance_revision"] == ["instance_id", "revision"]
        uniques = {u["name"]: u["column_names"] for u in inspector.get_unique_constraints("warmups")}
        assert uniques["uq_warmups_site_language_key"] == ["site_id", "language", "key"]
    finally:
        db.dispose()


def test_0008_goes_down_and_up_again_keeping_the_playbooks(db_url):
    db = Database.open(db_url)
    with db.transaction() as tx:
        tx.execute(text("INSERT INTO sites (name, timezone, created_at) "
                        "VALUES ('Floor', 'UTC', '2026-12-20 08:00:00')"))
        tx.execute(text("INSERT INTO playbook_rule_settings (site_id, settings) VALUES (1, '{\"a\": 1}')"))
    db.dispose()
    engine = create_engine(db_url)
    try:
        with engine.begin() as conn:
            command.downgrade(_alembic_config(conn), "0007")
        names = set(inspect(engine).get_table_names())
        assert not MEETING_TABLES & names and "playbooks" in names
        with engine.begin() as conn:
            command.upgrade(_alembic_config(conn), "head")
            assert conn.execute(text("SELECT settings FROM playbook_rule_settings")).scalar() == '{"a": 1}'
            assert conn.execute(text("SELECT count(*) FROM agendas")).scalar() == 0
        assert MEETING_TABLES <= set(inspect(engine).get_table_names())
        assert _differences(engine) == []
    finally:
        engine.dispose()
