"""Shared fixtures: a fresh database per test (SQLite file, and PostgreSQL when reachable).

PostgreSQL tests use HANDOVER_TEST_PG_URL (e.g.
postgresql+psycopg://postgres@127.0.0.1:5432/test); each test gets its own
schema, dropped afterwards. Outside CI they skip with a reason when the URL
is unset; under CI=true they must run, so a missing URL fails them.
"""

from __future__ import annotations

import os
import uuid
from pathlib import Path
from urllib.parse import quote

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

# shared/ lies beside the repository (in a checkout and in CI's clone alike).
SHARED_DATA = Path(os.environ.get("HANDOVER_SHARED_DATA", Path(__file__).resolve().parents[2] / "shared" / "data"))
JANUARY = SHARED_DATA / "anonymous-bank" / "january.txt"
DATA = Path(__file__).resolve().parent / "data"


def pg_base_url() -> str | None:
    url = os.environ.get("HANDOVER_TEST_PG_URL")
    if url:
        return url
    if os.environ.get("CI") == "true":
        pytest.fail("CI=true but HANDOVER_TEST_PG_URL is not set: the PostgreSQL tests must run in CI")
    pytest.skip("PostgreSQL tests need HANDOVER_TEST_PG_URL (e.g. postgresql+psycopg://postgres@127.0.0.1:5432/test)")


@pytest.fixture(autouse=True)
def _data_dir(tmp_path, monkeypatch):
    """Every test has its own user data folder (reports, demo files)."""
    folder = tmp_path / "userdata"
    monkeypatch.setenv("HANDOVER_DATA_DIR", str(folder))
    monkeypatch.delenv("HANDOVER_DB_URL", raising=False)
    return folder


def _pg_schema_url(base: str):
    import sqlalchemy as sa

    schema = "t_" + uuid.uuid4().hex[:12]
    engine = sa.create_engine(base)
    with engine.begin() as conn:
        conn.exec_driver_sql(f"CREATE SCHEMA {schema}")
    sep = "&" if "?" in base else "?"
    url = f"{base}{sep}options={quote('-csearch_path=' + schema)}"
    return url, engine, schema


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.pg)])
def db_url(request, tmp_path):
    """A URL of an empty database: a SQLite file, or a fresh PostgreSQL schema."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'test.sqlite3'}"
        return
    url, engine, schema = _pg_schema_url(pg_base_url())
    try:
        yield url
    finally:
        with engine.begin() as conn:
            conn.exec_driver_sql(f"DROP SCHEMA {schema} CASCADE")
        engine.dispose()


@pytest.fixture
def pg_url():
    """A URL of a fresh PostgreSQL schema, for what only PostgreSQL does (several desks on one database)."""
    url, engine, schema = _pg_schema_url(pg_base_url())
    try:
        yield url
    finally:
        with engine.begin() as conn:
            conn.exec_driver_sql(f"DROP SCHEMA {schema} CASCADE")
        engine.dispose()


@pytest.fixture
def sqlite_url(tmp_path):
    return f"sqlite:///{tmp_path / 'test.sqlite3'}"


@pytest.fixture
def console(db_url):
    from app.services.console import Console

    c = Console.open(db_url)
    yield c
    c.close()
