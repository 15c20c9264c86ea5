"""Migration 0007 (playbooks, their runs, rule alerts and settings) creates exactly what the models declare,
and goes back down keeping the work log."""

from alembic import command
from sqlalchemy import create_engine, inspect, text

from app.storage.database import Database, _alembic_config
from tests.storage.test_migration_0004 import _differences

PLAYBOOK_TABLES = {"playbooks", "playbook_contacts", "playbook_runs", "playbook_run_marks", "playbook_run_notes",
                   "playbook_alerts", "playbook_rule_settings"}


def test_the_playbook_tables_are_what_the_models_declare(db_url):
    db = Database.open(db_url)
    try:
        assert _differences(db.engine) == []
        inspector = inspect(db.engine)
        assert PLAYBOOK_TABLES <= set(inspector.get_table_names())
        uniques = {u["name"]: u["column_names"] for u in inspector.get_unique_constraints("playbooks")}
        assert uniques["uq_playbooks_site_key_version"] == ["site_id", "key", "version"]
        uniques = {u["name"]: u["column_names"] for u in inspector.get_unique_constraints("playbook_alerts")}
        assert uniques["uq_playbook_alerts_site_source_rule_interval"] == ["site_id", "source", "rule",
                                                                            "interval_start"]
        indexes = {i["name"] for i in inspector.get_indexes("playbook_runs")}
        assert {"ix_playbook_runs_site_status", "ix_playbook_runs_instance"} <= indexes
    finally:
        db.dispose()


def test_0007_goes_down_and_up_again_keeping_the_work_log(db_url):
    db = Database.open(db_url)
    with db.transaction() as tx:
        tx.execute(text("INSERT INTO sites (name, timezone, created_at) "
                        "VALUES ('Floor', 'UTC', '2026-12-16 08:00:00')"))
        tx.execute(text("INSERT INTO log_saved_filters (site_id, name, filter) VALUES (1, 'Open', '{}')"))
    db.dispose()
    engine = create_engine(db_url)
    try:
        with engine.begin() as conn:
            command.downgrade(_alembic_config(conn), "0006")
        names = set(inspect(engine).get_table_names())
        assert not PLAYBOOK_TABLES & names and "log_entries" in names
        with engine.begin() as conn:
            command.upgrade(_alembic_config(conn), "head")
            assert conn.execute(text("SELECT name FROM log_saved_filters")).scalar() == "Open"
            assert conn.execute(text("SELECT count(*) FROM playbooks")).scalar() == 0
        assert PLAYBOOK_TABLES <= set(inspect(engine).get_table_names())
        assert _differences(engine) == []
    finally:
        engine.dispose()
