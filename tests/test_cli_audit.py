"""`handover-console audit verify` (a subprocess, on SQLite and PostgreSQL): exit 0 and a summary when the trail is
intact, exit 1 with one line per problem (table, row, what) after rows were changed with SQL, exit 2 for bad
arguments or a database that cannot be opened."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from app.services.console import Console
from tests.services.handover_world import build_handover_world

ROOT = Path(__file__).resolve().parents[1]


def run(*args: str) -> subprocess.CompletedProcess:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    env.pop("HANDOVER_DB_URL", None)
    return subprocess.run([sys.executable, "-m", "app", *args], cwd=ROOT, env=env, capture_output=True, text=True,
                          timeout=120)


@pytest.fixture
def floor(db_url, tmp_path):
    with Console.open(db_url) as console:
        hw = build_handover_world(console, tmp_path)
    return db_url, hw


def test_intact_then_tampered(floor):
    url, hw = floor
    done = run("audit", "verify", "--db", url)
    assert done.returncode == 0, done.stderr
    [summary] = done.stdout.splitlines()
    assert summary.startswith("Audit trail intact: ") and "0 signed handovers" in summary
    engine = create_engine(url)
    try:
        with engine.begin() as conn:
            records = conn.execute(text("SELECT count(*) FROM audit_log")).scalar()
            conn.execute(text("UPDATE log_entries SET priority = 'low' WHERE id = :id"), {"id": hw.crm_note.id})
            conn.execute(text("UPDATE audit_log SET actor = 'nobody' WHERE id = 3"))
            conn.execute(text("DELETE FROM audit_log WHERE id = :id"), {"id": records})
    finally:
        engine.dispose()
    done = run("audit", "verify", "--db", url)
    assert done.returncode == 1, done.stderr
    out = done.stdout.splitlines()
    assert out[0] == "audit_log 3: hash does not match the record's content (changed after it was written: insert " \
                     "of shift_definitions {\"id\":2})"
    assert out[1] == (f"audit_head 1: records deleted at the end: the head records {records} ending at id {records}, "
                      f"the trail holds {records - 1} ending at id {records - 1} (missing {records})")
    assert any(line.startswith(f"log_entries {hw.crm_note.id}: priority is \"low\", the trail says ") for line in out)
    assert out[-1].startswith(f"TAMPERING FOUND: {len(out) - 1} problems in {records - 1} audit records") \
        and out[-1].endswith("the chain first breaks at record 3")


def test_bad_arguments_and_an_unusable_database_exit_2(tmp_path):
    assert run("audit").returncode == 2
    done = run("audit", "verify", "--deep")
    assert done.returncode == 2 and "unrecognized arguments: --deep" in done.stderr
    done = run("audit", "verify", "--db", "nonsense://")
    assert done.returncode == 2 and done.stderr.startswith("handover-console: error: ")
