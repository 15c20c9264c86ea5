"""`handover-console backup` and `handover-console restore FILE` on real SQLite files: the backup written and printed,
`--to` and `--keep`; a restore seen by the console reopened; refusals in one line on stderr with exit status 2 and
the database unchanged byte for byte; PostgreSQL pointed to pg_dump / pg_restore."""

from __future__ import annotations

import hashlib
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from app import cli, paths
from app.services.console import Console
from app.services.sources import list_sites

ROOT = Path(__file__).resolve().parents[1]


def rows(path: Path, table: str) -> int:
    conn = sqlite3.connect(path)
    try:
        return conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
    finally:
        conn.close()


def add_site(path: Path, name: str) -> None:
    conn = sqlite3.connect(path)
    conn.execute("INSERT INTO sites (name, timezone, created_at) VALUES (?, 'Asia/Shanghai', '2026-12-01 08:00:00')",
                 (name,))
    conn.commit()
    conn.close()


def names(url: str) -> list[str]:
    with Console.open(url) as console:
        return sorted(s.name for s in list_sites(console))


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = cli.main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def floor(tmp_path):
    path = tmp_path / "floor.sqlite3"
    url = f"sqlite:///{path}"
    Console.open(url, default_site=("Shanghai floor", "Asia/Shanghai")).close()
    return path, url


def test_backup_prints_the_file_written_and_restore_brings_it_back(floor, capsys):
    path, url = floor
    code, out, err = run(capsys, "backup", "--db", url)
    assert code == 0, err
    first = out.splitlines()[0]
    assert first.startswith("Backup written: ")
    written = Path(first.removeprefix("Backup written: "))
    assert written.exists() and written.parent == path.parent / "backups"
    assert rows(written, "sites") == rows(path, "sites") == 1
    add_site(path, "Added later")
    code, out, err = run(capsys, "restore", str(written), "--db", url)
    assert code == 0, err
    assert out.startswith(f"Restored {written} into {path} (schema revision ")
    kept = next(path.parent.glob("backups/floor.sqlite3.before-restore-*.sqlite3"))
    assert f"the database it replaced is kept in {kept}" in out
    assert names(url) == ["Shanghai floor"]  # the console reopened sees the backup's data
    code, out, err = run(capsys, "restore", str(kept), "--db", url)  # and the restore is undone
    assert code == 0, err
    assert names(url) == ["Added later", "Shanghai floor"]


def test_backup_to_another_folder_keeping_the_newest_n(floor, capsys, tmp_path):
    path, url = floor
    usb = tmp_path / "usb"
    written = []
    for _ in range(4):
        code, out, err = run(capsys, "backup", "--db", url, "--to", str(usb), "--keep", "2")
        assert code == 0, err
        written.append(Path(out.splitlines()[0].removeprefix("Backup written: ")))
    assert sorted(usb.iterdir()) == sorted(written[2:])  # the two oldest removed
    assert "removed the older backup" in out and written[1].name in out
    assert "the newest 2 backups are kept in" in out
    assert not (path.parent / "backups").exists()


def test_backup_of_the_default_database(capsys):
    Console.open(paths.default_db_url(), default_site=("Default floor", "UTC")).close()
    code, out, err = run(capsys, "backup")
    assert code == 0, err
    written = Path(out.splitlines()[0].removeprefix("Backup written: "))
    assert written.parent == paths.user_data_dir() / "backups" and rows(written, "sites") == 1


@pytest.mark.parametrize(("content", "reason"), [
    (b"queue,agent\nsales,1001\n", "not a SQLite database"),
    (b"SQLite format 3\x00" + b"\x00" * 100, "damaged (the integrity check says: file is not a database)"),
])
def test_restore_refuses_a_file_that_is_not_a_backup(floor, capsys, tmp_path, content, reason):
    path, url = floor
    bad = tmp_path / "floor-copy.sqlite3"
    bad.write_bytes(content)
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    code, out, err = run(capsys, "restore", str(bad), "--db", url)
    assert code == 2 and out == ""
    assert len(err.splitlines()) == 1
    assert err.startswith(f"handover-console: error: {bad}: not restored: ") and reason in err, err
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before


def test_restore_refuses_another_applications_database(floor, capsys, tmp_path):
    path, url = floor
    other = tmp_path / "notes.db"
    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE notes (text TEXT)")
    conn.commit()
    conn.close()
    before = path.read_bytes()
    code, _out, err = run(capsys, "restore", str(other), "--db", url)
    assert code == 2
    assert f"{other}: not restored: a SQLite database of another application" in err
    assert path.read_bytes() == before


def test_postgresql_is_pointed_to_its_own_tools(db_url, capsys, tmp_path):
    code, out, err = run(capsys, "backup", "--db", db_url)
    if db_url.startswith("sqlite"):
        assert code == 2 and "there is no database file" in err  # nothing opened it yet: no file, no crash
        Console.open(db_url).close()
        code, out, err = run(capsys, "backup", "--db", db_url)
        assert code == 0 and out.startswith("Backup written: ")
        return
    assert code == 2 and out == ""
    assert "a PostgreSQL database is backed up with pg_dump" in err and len(err.splitlines()) == 1
    code, out, err = run(capsys, "restore", str(tmp_path / "x.sqlite3"), "--db", db_url)
    assert code == 2 and "a PostgreSQL database is restored with pg_restore" in err
    with Console.open(db_url) as console:  # the database is still there and usable
        assert list_sites(console)


def test_keep_must_be_a_positive_number(floor, capsys):
    _path, url = floor
    with pytest.raises(SystemExit) as exit_:
        cli.main(["backup", "--db", url, "--keep", "0"])
    assert exit_.value.code == 2
    assert "argument --keep: '0' is not above 0" in capsys.readouterr().err


def test_the_program_runs_both_commands(floor, tmp_path):
    """The same through `python -m app`, as a supervisor types it."""
    path, url = floor
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    env.pop("HANDOVER_DB_URL", None)

    def program(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run([sys.executable, "-m", "app", *args, "--db", url], cwd=ROOT, env=env,
                              capture_output=True, text=True, timeout=120)

    done = program("backup")
    assert done.returncode == 0, done.stderr
    written = Path(done.stdout.splitlines()[0].removeprefix("Backup written: "))
    assert written.exists()
    done = program("restore", str(tmp_path / "missing.sqlite3"))
    assert done.returncode == 2
    assert done.stderr.strip() == (f"handover-console: error: {tmp_path / 'missing.sqlite3'}: not restored: no such "
                                   f"file, so not a backup of Shift Handover Console; the database {path} is "
                                   "unchanged")
    done = program("restore", str(written))
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith(f"Restored {written} into {path}")
