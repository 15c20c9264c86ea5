"""One check for the later migrations: at head the schema is what the models declare; going down to `below`
removes what the migration added and keeps an older row; going up again brings it back, empty."""

from __future__ import annotations

from collections.abc import Callable

from alembic import command
from sqlalchemy import create_engine, inspect, text

from app.storage.database import Database, _alembic_config
from tests.storage.test_migration_0004 import _differences


def up_down_up(db_url: str, below: str, present: Callable[[object], bool], empty_sql: str) -> None:
    """`present(inspector)`: whether the migration's tables or columns exist; `empty_sql`: a count that is 0 on
    the way back up."""
    db = Database.open(db_url)
    try:
        assert _differences(db.engine) == []
        assert present(inspect(db.engine))
        with db.transaction() as tx:
            tx.execute(text("INSERT INTO sites (name, timezone, created_at) VALUES ('Floor', 'UTC', "
                            "'2026-12-20 08:00:00')"))
    finally:
        db.dispose()
    engine = create_engine(db_url)
    try:
        with engine.begin() as conn:
            command.downgrade(_alembic_config(conn), below)
        kept = inspect(engine)
        assert not present(kept) and "sites" in kept.get_table_names()
        with engine.begin() as conn:
            command.upgrade(_alembic_config(conn), "head")
            assert conn.execute(text("SELECT name FROM sites")).scalar() == "Floor"
            assert conn.execute(text(empty_sql)).scalar() == 0
        assert _differences(engine) == []
    finally:
        engine.dispose()
