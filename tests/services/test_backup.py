"""Backups of the SQLite database (real files in tmp_path): consistent copies made while another connection writes,
every row copied, retention by group, the daily backup once a calendar day, the copy before a migration in the
backups folder; restore puts a backup in place (after backing up the database it replaces), migrates an older one on
the next open, and refuses, leaving the database byte for byte as it was, a file that is not a backup of this
application."""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
import subprocess
import sys
import threading
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import create_engine

from app import paths
from app.services import backup
from app.services.backup import BackupError
from app.services.console import Console
from app.storage import backup as files
from app.storage.database import _alembic_config
from tests.services.handover_world import build_handover_world

UTC = timezone.utc
ROOT = Path(__file__).resolve().parents[2]


def counts(path: Path) -> dict[str, int]:
    """Rows per table of a SQLite file."""
    conn = sqlite3.connect(path)
    try:
        names = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' "
                                            "AND name NOT LIKE 'sqlite_%' ORDER BY name")]
        return {n: conn.execute(f'SELECT count(*) FROM "{n}"').fetchone()[0] for n in names}
    finally:
        conn.close()


def pragma(path: Path, name: str):
    conn = sqlite3.connect(path)
    try:
        return conn.execute(f"PRAGMA {name}").fetchone()[0]
    finally:
        conn.close()


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def site_names(url: str) -> list[str]:
    with Console.open(url) as console:
        from app.services.sources import list_sites

        return sorted(s.name for s in list_sites(console))


def add_site(path: Path, name: str) -> None:
    conn = sqlite3.connect(path)
    try:
        conn.execute("INSERT INTO sites (name, timezone, created_at) VALUES (?, 'UTC', '2026-12-01 08:00:00')",
                     (name,))
        conn.commit()
    finally:
        conn.close()


@pytest.fixture
def floor(tmp_path):
    """A database with a day of the floor's data in it (shift sheet, log, notices, calls), closed."""
    path = tmp_path / "floor.sqlite3"
    url = f"sqlite:///{path}"
    with Console.open(url) as console:
        build_handover_world(console, tmp_path)
    return path, url


# --- backups -----------------------------------------------------------------------------------------------------
def test_a_backup_holds_every_row_and_is_marked(floor):
    path, url = floor
    made = backup.backup_now(url)
    assert made.path.exists() and made.path.parent == path.parent / "backups"
    assert made.path.name.startswith("floor.sqlite3.manual-") and made.path.suffix == ".sqlite3"
    source = counts(path)
    assert source["calls"] > 0 and source["log_entries"] > 0 and source["attendance_marks"] > 0
    assert counts(made.path) == source
    assert pragma(made.path, "integrity_check") == "ok"
    assert pragma(made.path, "application_id") == files.APPLICATION_ID
    assert pragma(made.path, "journal_mode") == "delete"  # one self-contained file
    assert not list(made.path.parent.glob("*.partial"))
    assert backup.list_backups(url) == (files.parse_name(made.path),)


def test_a_backup_made_while_another_connection_writes_is_consistent(floor):
    path, url = floor
    before = counts(path)["sites"]
    stop = threading.Event()
    written = []

    def writer() -> None:
        conn = sqlite3.connect(path, timeout=30)
        conn.execute("PRAGMA journal_mode=WAL")
        n = 0
        while not stop.is_set():
            with conn:  # one transaction of ten sites at a time
                for _ in range(10):
                    conn.execute("INSERT INTO sites (name, timezone, created_at) VALUES (?, 'UTC', "
                                 "'2026-12-01 08:00:00')", (f"w{n}",))
                    n += 1
            written.append(n)
        conn.close()

    thread = threading.Thread(target=writer)
    thread.start()
    try:
        made = []
        while len(made) < 8 or len(written) < 20:
            made.append(backup.backup_now(url, keep=50))
    finally:
        stop.set()
        thread.join()
    seen = set()
    for m in made:
        assert pragma(m.path, "integrity_check") == "ok", m.path
        sites = counts(m.path)["sites"]
        assert (sites - before) % 10 == 0, "a copy holds half a transaction"  # whole transactions only
        seen.add(sites)
    assert len(seen) > 1  # the writer wrote between copies
    final = backup.backup_now(url, keep=50)
    assert counts(final.path) == counts(path)
    assert counts(path)["sites"] == before + written[-1]


def test_retention_keeps_the_newest_and_counts_each_group_apart(floor, tmp_path):
    path, url = floor
    start = datetime(2020, 3, 1, 3, 0, tzinfo=UTC)  # before the copies made now
    made = [backup.backup_now(url, keep=14, kind=files.DAILY, now=start + timedelta(days=d)) for d in range(16)]
    folder = path.parent / "backups"
    kept = [b.path for b in backup.list_backups(url)]
    assert kept == [m.path for m in made[2:]]  # the two oldest went, oldest first
    assert made[-3].removed == () and made[-2].removed == (made[0].path,) and made[-1].removed == (made[1].path,)
    assert not made[0].path.exists() and not made[1].path.exists()
    # Copies before a migration are kept by their own count (5), and do not touch the regular ones.
    copies = [files.copy_before_migration(path, "0009") for _ in range(7)]
    before = [b.path for b in files.list_backups(path) if b.group == files.BEFORE_MIGRATION]
    assert before == copies[2:] and len(before) == 5
    assert [b.path for b in backup.list_backups(url) if b.group == files.REGULAR] == kept
    # A smaller --keep deletes the oldest regular ones; another database's backups in the folder are not its own.
    other = tmp_path / "other.sqlite3"
    shutil.copy(path, other)
    theirs = backup.backup_now(f"sqlite:///{other}", folder=folder)
    mine = backup.backup_now(url, keep=3)
    assert [b.path for b in backup.list_backups(url) if b.group == files.REGULAR] == [kept[-2], kept[-1], mine.path]
    assert len(mine.removed) == 12 and theirs.path.exists()
    with pytest.raises(Exception, match="keep at least one backup"):
        backup.backup_now(url, keep=0)


def test_backup_into_another_folder(floor, tmp_path):
    path, url = floor
    made = backup.backup_now(url, folder=tmp_path / "usb")
    assert made.path.parent == tmp_path / "usb" and counts(made.path) == counts(path)
    assert not (path.parent / "backups").exists()


def test_the_daily_backup_is_made_once_a_calendar_day(floor):
    path, url = floor
    local = timezone(timedelta(hours=8))
    with Console.open(url) as console:
        first = backup.daily_backup(console, now=datetime(2026, 12, 1, 0, 30, tzinfo=local))
        assert first is not None and first.kind == files.DAILY and first.path.exists()
        assert counts(first.path) == counts(path)
        # Later the same local day (the UTC date of the first one was the day before): nothing more.
        assert backup.daily_backup(console, now=datetime(2026, 12, 1, 23, 50, tzinfo=local)) is None
        second = backup.daily_backup(console, now=datetime(2026, 12, 2, 0, 5, tzinfo=local))
        assert second is not None and second.path != first.path
    assert [b.path for b in backup.list_backups(url)] == [first.path, second.path]


def test_the_daily_backup_skips_postgresql_and_the_demo(db_url):
    with Console.open(db_url) as console:
        if console.db.dialect != "sqlite":
            assert backup.daily_backup(console) is None  # PostgreSQL is backed up with pg_dump
            return
        made = backup.daily_backup(console)
        assert made is not None and made.path.exists()
        assert backup.daily_backup(console) is None  # already made today
    assert [b.path for b in backup.list_backups(db_url)] == [made.path]
    demo = paths.demo_db_path()
    with Console.open(f"sqlite:///{demo}") as console:
        assert backup.daily_backup(console) is None  # the demo is rebuilt, not kept
    assert not (demo.parent / "backups").exists()


def test_postgresql_is_refused_with_the_advice_for_pg_dump(tmp_path):
    url = "postgresql+psycopg://floor:secret@db.example/console"  # refused before any connection
    with pytest.raises(BackupError, match="a PostgreSQL database is backed up with pg_dump") as caught:
        backup.backup_now(url)
    assert caught.value.path == "postgresql+psycopg://floor:***@db.example/console"  # no password shown
    with pytest.raises(BackupError, match="a PostgreSQL database is restored with pg_restore"):
        backup.restore(tmp_path / "whatever.sqlite3", url)


def test_a_missing_database_file_is_a_clear_error(tmp_path):
    with pytest.raises(BackupError, match="there is no database file") as caught:
        backup.backup_now(f"sqlite:///{tmp_path / 'none.sqlite3'}")
    assert caught.value.path == str(tmp_path / "none.sqlite3")


def test_the_copy_before_a_migration_goes_to_the_backups_folder(tmp_path):
    path = tmp_path / "old.sqlite3"
    url = f"sqlite:///{path}"
    engine = create_engine(url)
    with engine.begin() as conn:
        command.upgrade(_alembic_config(conn), "0005")
    engine.dispose()
    add_site(path, "Kept")
    before = counts(path)
    with Console.open(url):
        pass
    (copy,) = files.list_backups(path)
    assert copy.kind == "before-0005" and copy.revision == "0005" and copy.path.parent == tmp_path / "backups"
    assert counts(copy.path) == before
    assert pragma(copy.path, "application_id") == files.APPLICATION_ID
    assert not list(tmp_path.glob("old.sqlite3.before-*"))  # no longer beside the database


# --- restore -----------------------------------------------------------------------------------------------------
def test_restore_puts_the_backup_in_place_and_can_be_undone(floor):
    path, url = floor
    made = backup.backup_now(url)
    add_site(path, "Added after the backup")
    after = counts(path)
    done = backup.restore(made.path, url)
    assert done.database == path and done.revision == done.head and not done.migrates_on_open
    assert done.previous is not None and done.previous.name.startswith("floor.sqlite3.before-restore-")
    assert counts(path) == counts(made.path) and pragma(path, "integrity_check") == "ok"
    assert counts(done.previous) == after  # the database replaced, kept
    assert not list(path.parent.glob(".floor.sqlite3.*.restoring"))
    assert "Added after the backup" not in site_names(url)  # the console opens it and sees the backup's data
    with Console.open(url) as console:  # the floor's data, through the services, from the restored file
        from app.services import people, sources

        conn = sqlite3.connect(made.path)
        in_backup = sorted(r[0] for r in conn.execute("SELECT employee_no FROM agents"))
        conn.close()
        assert sorted(a.employee_no for a in people.list_agents(console)) == in_backup and "1001" in in_backup
        assert [s.name for s in sources.list_sources(console)] == ["acd"]
    undo = backup.restore(done.previous, url)
    assert undo.previous is not None
    assert "Added after the backup" in site_names(url)


def test_restore_into_a_new_place(floor, tmp_path):
    path, url = floor
    made = backup.backup_now(url)
    fresh = tmp_path / "elsewhere" / "desk.sqlite3"
    done = backup.restore(made.path, f"sqlite:///{fresh}")
    assert done.previous is None and counts(fresh) == counts(path)


def test_an_older_backup_is_restored_then_migrated_on_the_next_open(floor, tmp_path):
    path, url = floor
    old = tmp_path / "old.sqlite3"
    engine = create_engine(f"sqlite:///{old}")
    with engine.begin() as conn:
        command.upgrade(_alembic_config(conn), "0005")
    engine.dispose()
    add_site(old, "From the old release")
    made = backup.backup_now(f"sqlite:///{old}")
    done = backup.restore(made.path, url)
    assert done.revision == "0005" and done.migrates_on_open
    assert pragma(path, "integrity_check") == "ok"
    assert site_names(url) == ["From the old release"]
    conn = sqlite3.connect(path)
    assert conn.execute("SELECT version_num FROM alembic_version").fetchone()[0] == done.head
    conn.close()
    assert any(b.kind == "before-0005" for b in files.list_backups(path))  # copied again before migrating


def _other_app(path: Path) -> None:
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT)")
    conn.execute("INSERT INTO notes (text) VALUES ('shopping')")
    conn.commit()
    conn.close()


def _marked_by_another_app(made: Path, path: Path) -> None:
    shutil.copy(made, path)
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA application_id=1234")
    conn.commit()
    conn.close()


def _newer(made: Path, path: Path) -> None:
    shutil.copy(made, path)
    conn = sqlite3.connect(path)
    conn.execute("UPDATE alembic_version SET version_num = '9999'")
    conn.commit()
    conn.close()


def _no_revision(made: Path, path: Path) -> None:
    shutil.copy(made, path)
    conn = sqlite3.connect(path)
    conn.execute("DELETE FROM alembic_version")
    conn.commit()
    conn.close()


def _damaged(made: Path, path: Path) -> None:
    data = bytearray(made.read_bytes())
    data[len(data) // 2:] = b"\x00" * (len(data) - len(data) // 2)  # half the pages gone
    path.write_bytes(bytes(data))


@pytest.mark.parametrize(("make", "reason"), [
    (lambda made, p: p.write_text("agent;queue\n1001;sales\n"), "not a SQLite database, so not a backup of Shift"),
    (lambda made, p: p.write_bytes(b""), "not a SQLite database"),
    (lambda made, p: _other_app(p), "a SQLite database of another application, not a backup of Shift Handover "
                                    "Console (no table alembic_version, calls"),
    (_marked_by_another_app, "a SQLite database of another application (its application_id is 0x000004d2)"),
    (_newer, "made by a newer version of Shift Handover Console: its schema revision 9999 is unknown"),
    (_no_revision, "its alembic_version table holds no schema revision"),
    (_damaged, "damaged"),
    (lambda made, p: p.mkdir(), "is a folder, not a backup file"),
    (lambda made, p: None, "no such file"),
], ids=["text", "empty", "other-app", "other-app-id", "newer", "no-revision", "damaged", "folder", "missing"])
def test_restore_refuses_what_is_not_a_backup_and_changes_nothing(floor, tmp_path, make, reason):
    path, url = floor
    made = backup.backup_now(url)
    candidate = tmp_path / "candidate.sqlite3"
    make(made.path, candidate)
    before = digest(path)
    listed = sorted(p.name for p in path.parent.rglob("*") if "candidate" not in p.name)
    with pytest.raises(BackupError) as caught:
        backup.restore(candidate, url)
    message = caught.value.message
    assert message.startswith(f"{candidate}: not restored: ") and reason in message, message
    assert f"the database {path} is unchanged" in message and "\n" not in message
    assert digest(path) == before
    assert sorted(p.name for p in path.parent.rglob("*") if "candidate" not in p.name) == listed


def test_restore_refuses_the_database_itself(floor):
    path, url = floor
    before = digest(path)
    with pytest.raises(BackupError, match="it is the database itself"):
        backup.restore(path, url)
    assert digest(path) == before


def test_restore_refuses_while_a_console_has_the_database_open(floor):
    path, url = floor
    made = backup.backup_now(url)
    add_site(path, "Written meanwhile")
    with Console.open(url) as console:
        from app.services.sources import list_sites

        list_sites(console)  # the console holds the file open (WAL)
        with pytest.raises(BackupError, match="is in use") as caught:
            backup.restore(made.path, url)
        assert caught.value.path == str(path)
        assert "Written meanwhile" in [s.name for s in list_sites(console)]
    assert not list(path.parent.glob(".floor.sqlite3.*.restoring"))
    assert not [b for b in files.list_backups(path) if b.kind == files.BEFORE_RESTORE]
    assert "Written meanwhile" in site_names(url)


def test_a_restore_that_fails_half_way_leaves_the_database_whole(floor, monkeypatch):
    path, url = floor
    made = backup.backup_now(url)
    add_site(path, "Still here")
    before = counts(path)

    real_replace = files.os.replace

    def disk_full(src, dst):
        if str(src).endswith(".restoring"):  # the staged backup, about to take the database's place
            raise OSError(28, "No space left on device")
        real_replace(src, dst)

    monkeypatch.setattr(files.os, "replace", disk_full)
    with pytest.raises(BackupError, match="No space left on device") as caught:
        backup.restore(made.path, url)
    assert caught.value.path == str(made.path)
    monkeypatch.undo()
    assert counts(path) == before and pragma(path, "integrity_check") == "ok"
    assert not list(path.parent.glob(".floor.sqlite3.*.restoring"))
    assert not list(path.parent.rglob("*.partial"))
    assert "Still here" in site_names(url)


def test_restore_refuses_while_a_console_window_of_another_process_holds_the_file(floor):
    path, url = floor
    made = backup.backup_now(url)
    holder = subprocess.Popen(
        [sys.executable, "-c", "import sys, time; from app.storage.desk_lock import DeskLock; "
                               "DeskLock.acquire(sys.argv[1]); print('held', flush=True); time.sleep(60)", str(path)],
        cwd=ROOT, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "held"
        before = digest(path)
        with pytest.raises(BackupError, match=f"pid {holder.pid}") as caught:
            backup.restore(made.path, url)
        assert caught.value.message.startswith(f"{path}: is in use: open in a console window (host ")
        assert digest(path) == before
    finally:
        holder.kill()
        holder.wait()
    assert backup.restore(made.path, url).previous is not None  # once the window is gone
