"""Migration 0003 (live sources) on a database holding sources: defaults for them, and back down."""

from alembic import command
from sqlalchemy import create_engine, inspect, text

from app.storage.database import Database, _alembic_config

LIVE_COLUMNS = {"live", "path", "file_offset", "file_line", "file_id", "head_sha256", "head_bytes", "last_poll_at", "last_data_at"}


def _migrate(url: str, revision: str, down: bool = False) -> None:
    engine = create_engine(url)
    with engine.begin() as conn:
        (command.downgrade if down else command.upgrade)(_alembic_config(conn), revision)
    engine.dispose()


def test_sources_of_an_older_database_become_not_live_at_offset_0(db_url):
    _migrate(db_url, "0002")
    engine = create_engine(db_url)
    with engine.begin() as conn:
        conn.execute(text("INSERT INTO sites (name, timezone, created_at) VALUES ('Floor', 'Asia/Shanghai', '2026-11-27 08:00:00')"))
        conn.execute(text(
            "INSERT INTO feed_sources (site_id, name, format, threshold_seconds, target_percent, sl_definition, created_at) "
            "VALUES (1, 'acd', 'queue-log', 20, 80, 'offered', '2026-11-27 08:00:00')"
        ))
    db = Database.open(db_url)  # applies 0003 on start
    db.dispose()
    with engine.connect() as conn:
        assert LIVE_COLUMNS <= {c["name"] for c in inspect(conn).get_columns("feed_sources")}
        row = conn.execute(text(
            "SELECT name, live, path, file_offset, file_line, file_id, head_bytes, last_poll_at, last_data_at FROM feed_sources"
        )).one()
    assert tuple(row) == ("acd", False, None, 0, 0, None, 0, None, None)
    _migrate(db_url, "0002", down=True)
    with engine.connect() as conn:
        assert not LIVE_COLUMNS & {c["name"] for c in inspect(conn).get_columns("feed_sources")}
        assert conn.execute(text("SELECT name, format FROM feed_sources")).one() == ("acd", "queue-log")
    engine.dispose()
