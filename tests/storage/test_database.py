"""Migrations on start, SQLite settings, the copy made before migrating, the default site."""

import shutil

from alembic.script import ScriptDirectory
from sqlalchemy import create_engine, inspect, text


from app import paths
from app.services.console import Console
import pytest

from app.storage.database import Database, DatabaseError, _alembic_config

TABLES = {
    "sites", "site_opening_hours", "site_special_days", "feed_sources", "queue_settings", "calls",
    "agent_events", "intervals", "coverage", "import_runs", "rejected_lines", "alembic_version",
}


def test_first_start_migrates_and_creates_one_default_site(db_url):
    console = Console.open(db_url)
    console.close()
    console = Console.open(db_url)  # a second start changes nothing
    engine = create_engine(db_url)
    try:
        assert TABLES <= set(inspect(engine).get_table_names())
        with engine.connect() as conn:
            assert conn.execute(text("SELECT COUNT(*) FROM sites")).scalar() == 1
            head = ScriptDirectory.from_config(_alembic_config()).get_current_head()
            assert conn.execute(text("SELECT version_num FROM alembic_version")).scalar() == head
        indexes = {i["name"] for i in inspect(engine).get_indexes("intervals")}
        assert "ix_intervals_source_start" in indexes
    finally:
        engine.dispose()
        console.close()


def test_sqlite_uses_wal_and_foreign_keys(sqlite_url):
    db = Database.open(sqlite_url)
    with db.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
    db.dispose()


def test_default_database_is_in_the_user_data_folder(_data_dir):
    assert paths.default_db_url() == f"sqlite:///{_data_dir / 'handover.sqlite3'}"
    console = Console.open()
    console.close()
    assert (_data_dir / "handover.sqlite3").exists()


def test_an_older_sqlite_file_is_copied_aside_before_migrating(tmp_path, monkeypatch):
    path = tmp_path / "floor.sqlite3"
    url = f"sqlite:///{path}"
    db = Database.open(url)  # at today's head
    with db.transaction() as tx:
        tx.execute(text("INSERT INTO sites (name, timezone, created_at) VALUES ('Kept', 'UTC', '2026-11-27 08:00:00')"))
    db.dispose()
    # A newer release ships one more migration.
    newer = tmp_path / "db"
    shutil.copytree(paths.migrations_dir(), newer, ignore=shutil.ignore_patterns("__pycache__"))
    head = ScriptDirectory.from_config(_alembic_config()).get_current_head()
    (newer / "versions" / "9999_next.py").write_text(
        "from alembic import op\nimport sqlalchemy as sa\n"
        f"revision = '9999'\ndown_revision = '{head}'\nbranch_labels = None\ndepends_on = None\n"
        "def upgrade():\n    op.add_column('sites', sa.Column('note', sa.Text(), nullable=True))\n"
        "def downgrade():\n    op.drop_column('sites', 'note')\n"
    )
    monkeypatch.setattr(paths, "migrations_dir", lambda: newer)
    db = Database.open(url)
    with db.engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalar() == "9999"
        assert conn.exec_driver_sql("SELECT name, note FROM sites").all() == [("Kept", None)]
    db.dispose()
    copies = list((tmp_path / "backups").glob(f"floor.sqlite3.before-{head}-*.sqlite3"))  # storage.backup
    assert len(copies) == 1
    old = create_engine(f"sqlite:///{copies[0]}")
    with old.connect() as conn:
        assert conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalar() == head
        assert conn.exec_driver_sql("SELECT name FROM sites").scalar() == "Kept"
    old.dispose()


def test_unreachable_database_is_a_clear_error():
    with pytest.raises(DatabaseError, match="cannot open"):
        Database.open("postgresql+psycopg://nobody@127.0.0.1:1/none")
    with pytest.raises(DatabaseError, match="not a database URL"):
        Database.open("not a url")
