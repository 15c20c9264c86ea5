"""Backups of a SQLite database file: copies made with SQLite's online backup API, their names, retention and an
atomic replace.

A backup is a consistent copy even while the console writes: `sqlite3.Connection.backup` copies every page in one
step under a read transaction (what is still in the WAL file included). Each copy is written to a `.partial` file,
marked (`PRAGMA application_id` = APPLICATION_ID, journal mode DELETE so it is one self-contained file), flushed to
disk and only then renamed to its final name, so a file with a backup's name is always whole.

Backups live in a `backups/` folder beside the database file, named
`<database file name>.<kind>-<UTC time>.sqlite3`, kind being `daily` or `manual` (the regular backups), `before-<rev>`
(copied before migrating from schema revision <rev>) or `before-restore` (the database a restore replaced). Each of
the three groups keeps its own number of newest copies.

Storage only: what to refuse and how to say it is decided by `app.services.backup`.
"""

from __future__ import annotations

import glob
import os
import re
import sqlite3
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from app import paths
from app.domain.errors import InputFileError

# PRAGMA application_id of every backup: "HdCs" (Shift Handover Console). The live database may carry it too (a
# restored backup does); a database of another application carries another number, or 0.
APPLICATION_ID = 0x48644373
BACKUPS_FOLDER = "backups"
SQLITE_HEADER = b"SQLite format 3\x00"
# The tables every schema revision of the application has had since the first migration.
APP_TABLES = frozenset({"alembic_version", "sites", "feed_sources", "calls", "intervals", "coverage", "import_runs"})

DAILY, MANUAL, BEFORE_RESTORE = "daily", "manual", "before-restore"
BEFORE_MIGRATION = "before-migration"  # the group of `before-<rev>` copies
REGULAR = "regular"  # the group of daily and manual backups
KEEP = {REGULAR: 14, BEFORE_MIGRATION: 5, BEFORE_RESTORE: 5}

_STAMP = "%Y%m%dT%H%M%SZ"
_NAME = re.compile(r"^(?P<db>.+)\.(?P<kind>daily|manual|before-restore|before-(?P<rev>[0-9A-Za-z_]+))"
                   r"-(?P<stamp>\d{8}T\d{6}Z)(?:-(?P<n>\d+))?\.sqlite3$")


class BackupError(InputFileError):
    """A backup cannot be made, or a file cannot be restored: `path` names the file, `reason` says why."""

    code = "backup"


@dataclass(frozen=True)
class BackupFile:
    """One backup in a backups folder, as its name tells: the database file it copies, the kind (`daily`, `manual`,
    `before-<rev>`, `before-restore`), when it was made (UTC) and, for a pre-migration copy, the revision it holds."""

    path: Path
    database: str
    kind: str
    made_at: datetime
    revision: str | None = None
    sequence: int = 0  # a second copy of the same kind in the same second

    @property
    def group(self) -> str:
        if self.kind in (DAILY, MANUAL):
            return REGULAR
        return BEFORE_RESTORE if self.kind == BEFORE_RESTORE else BEFORE_MIGRATION


@dataclass(frozen=True)
class FileFacts:
    """What a file says about itself, read without changing it: None where it could not be read so far.

    `problem` is the first reason it cannot be a database of this application at all (not SQLite, unreadable,
    damaged); the rest is filled only when it opened."""

    path: Path
    problem: str | None
    application_id: int | None = None
    tables: frozenset[str] = frozenset()
    revision: str | None = None


# --- where and what --------------------------------------------------------------------------------------------------
def sqlite_file(url: str) -> Path | None:
    """The file of a SQLite URL; None for another database (PostgreSQL). Raises BackupError for an in-memory one."""
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError

    try:
        parsed = make_url(url)
    except ArgumentError:
        raise BackupError(str(url), "not a database URL (e.g. sqlite:///path or postgresql+psycopg://host/db)") \
            from None
    if parsed.get_backend_name() != "sqlite":
        return None
    if not parsed.database or parsed.database == ":memory:" or parsed.database.startswith("file::memory:"):
        raise BackupError(str(url), "an in-memory database has no file to back up or restore")
    return Path(parsed.database)


def shown_url(url: str) -> str:
    """The URL as it may be shown (no password)."""
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError

    try:
        return make_url(url).render_as_string(hide_password=True)
    except ArgumentError:
        return str(url)


def backups_folder(db_path: Path) -> Path:
    """`backups/` beside the database file."""
    return db_path.parent / BACKUPS_FOLDER


def schema_revisions() -> tuple[tuple[str, ...], str]:
    """Every schema revision of db/versions (oldest first) and the newest."""
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    cfg = Config()
    cfg.set_main_option("script_location", str(paths.migrations_dir()))
    script = ScriptDirectory.from_config(cfg)
    revisions = tuple(reversed([r.revision for r in script.walk_revisions()]))
    return revisions, script.get_current_head()


def list_backups(db_path: Path, folder: Path | None = None) -> tuple[BackupFile, ...]:
    """The backups of `db_path` in `folder` (default: its backups folder), oldest first."""
    folder = backups_folder(db_path) if folder is None else folder
    if not folder.is_dir():
        return ()
    found = []
    for entry in folder.iterdir():
        parsed = parse_name(entry)
        if parsed is not None and parsed.database == db_path.name and entry.is_file():
            found.append(parsed)
    return tuple(sorted(found, key=lambda b: (b.made_at, b.sequence, b.path.name)))


def parse_name(path: Path) -> BackupFile | None:
    m = _NAME.match(path.name)
    if m is None:
        return None
    made_at = datetime.strptime(m["stamp"], _STAMP).replace(tzinfo=timezone.utc)
    return BackupFile(path, m["db"], m["kind"], made_at, None if m["kind"] == BEFORE_RESTORE else m["rev"],
                      int(m["n"] or 0))


# --- making copies ---------------------------------------------------------------------------------------------------
def write_backup(db_path: Path, folder: Path, kind: str, now: datetime | None = None) -> Path:
    """Copy the database file into `folder` as a backup of `kind` (online backup API); the path written."""
    if not db_path.is_file():
        raise BackupError(str(db_path), f"{_what(kind)} cannot be made: there is no database file")
    made = (now or datetime.now(timezone.utc)).astimezone(timezone.utc)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        target = _free_name(folder, f"{db_path.name}.{kind}-{made.strftime(_STAMP)}")
        partial = target.with_name(target.name + ".partial")
        try:
            source = sqlite3.connect(_uri(db_path, "rw"), uri=True, timeout=30)
            try:
                copy_into(source, partial)
            finally:
                source.close()
            os.replace(partial, target)
        finally:
            _remove(partial)
        _sync_folder(folder)
    except (OSError, sqlite3.Error) as exc:
        raise BackupError(str(db_path), f"{_what(kind)} could not be written into {folder}: {exc}") from None
    return target


def copy_into(source: sqlite3.Connection, target_path: Path) -> None:
    """The online backup of `source` into a new file `target_path`, marked, in journal mode DELETE, flushed."""
    target = sqlite3.connect(target_path)
    try:
        source.backup(target)  # every page in one step: a consistent snapshot while others write
        target.execute("PRAGMA journal_mode=DELETE")  # one self-contained file (the copy was in WAL mode)
        target.execute(f"PRAGMA application_id={APPLICATION_ID}")
        target.commit()
    finally:
        target.close()
    _sync_file(target_path)


def prune(db_path: Path, folder: Path, group: str, keep: int, spare: tuple[Path, ...] = ()) -> tuple[Path, ...]:
    """Delete the oldest backups of `group` beyond the newest `keep` (never one of `spare`); the paths deleted."""
    if keep < 1:
        raise ValueError("keep at least one backup")
    spared = {p.resolve() for p in spare}
    members = [b for b in list_backups(db_path, folder) if b.group == group and b.path.resolve() not in spared]
    doomed = members[:-keep] if len(members) > keep else []
    for b in doomed:
        b.path.unlink(missing_ok=True)
    return tuple(b.path for b in doomed)


def copy_before_migration(db_path: Path, revision: str, keep: int = KEEP[BEFORE_MIGRATION]) -> Path:
    """The copy made before migrating the database from `revision`, kept with the newest `keep` such copies."""
    folder = backups_folder(db_path)
    written = write_backup(db_path, folder, f"before-{revision}")
    prune(db_path, folder, BEFORE_MIGRATION, keep)
    return written


# --- reading a file that claims to be a backup -----------------------------------------------------------------------
def read_facts(path: Path) -> FileFacts:
    """Open `path` read-only and read what it is: SQLite or not, intact or not, its marker, tables and revision."""
    try:
        with path.open("rb") as f:
            header = f.read(len(SQLITE_HEADER))
    except IsADirectoryError:
        return FileFacts(path, "is a folder, not a backup file")
    except FileNotFoundError:
        return FileFacts(path, "no such file")
    except OSError as exc:
        return FileFacts(path, f"cannot be read ({exc.strerror or exc})")
    if header != SQLITE_HEADER:
        return FileFacts(path, "not a SQLite database")
    try:
        conn = sqlite3.connect(_uri(path, "ro"), uri=True, timeout=5)
    except sqlite3.Error as exc:
        return FileFacts(path, f"cannot be opened as a SQLite database ({exc})")
    try:
        try:
            check = [row[0] for row in conn.execute("PRAGMA integrity_check(5)")]
        except sqlite3.DatabaseError as exc:
            check = [str(exc)]
        if check != ["ok"]:
            return FileFacts(path, f"damaged (the integrity check says: {'; '.join(check)})")
        app_id = conn.execute("PRAGMA application_id").fetchone()[0]
        tables = frozenset(r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'"))
        revision = None
        if "alembic_version" in tables:
            row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
            revision = None if row is None else row[0]
    except sqlite3.Error as exc:
        return FileFacts(path, f"not a usable SQLite database ({exc})")
    finally:
        conn.close()
    return FileFacts(path, None, app_id, tables, revision)


# --- replacing the database ------------------------------------------------------------------------------------------
def take_offline(db_path: Path) -> None:
    """Fold the database's WAL back into the file (journal mode DELETE), so that the file alone is the database.
    Only possible when no other connection has it open in WAL mode: a console using it makes this raise
    BackupError, and the database stays as it was."""
    try:
        conn = sqlite3.connect(_uri(db_path, "rw"), uri=True, timeout=2)
    except sqlite3.Error as exc:
        raise BackupError(str(db_path), f"cannot be opened ({exc})") from None
    try:
        mode = conn.execute("PRAGMA journal_mode=DELETE").fetchone()[0]
    except sqlite3.Error as exc:
        raise BackupError(str(db_path), f"is in use ({exc}): close every console on it first") from None
    finally:
        conn.close()
    if str(mode).lower() != "delete":
        raise BackupError(str(db_path), "is in use (its WAL journal cannot be closed): close every console on it "
                                        "first")


def replace_atomically(source: Path, db_path: Path, before_replace: Callable[[], None] | None = None) -> None:
    """Put a copy of the SQLite file `source` in place of `db_path`: copied to a temporary file in the same folder
    and flushed, then `before_replace()` (which may refuse by raising), then renamed over the database, so the
    database is the old one or the new one, never half of either; the temporary file never stays behind."""
    folder = db_path.parent
    folder.mkdir(parents=True, exist_ok=True)
    fd, name = tempfile.mkstemp(prefix=f".{db_path.name}.", suffix=".restoring", dir=folder)
    os.close(fd)
    temp = Path(name)  # an empty file: SQLite takes it as an empty database
    try:
        try:
            reader = sqlite3.connect(_uri(source, "ro"), uri=True, timeout=5)
            try:
                copy_into(reader, temp)
            finally:
                reader.close()
        except (OSError, sqlite3.Error) as exc:
            raise BackupError(str(source), f"could not be copied beside {db_path}: {exc}; the database is "
                                           "unchanged") from None
        if before_replace is not None:
            before_replace()
        wal = Path(f"{db_path}-wal")
        if wal.exists() and wal.stat().st_size > 0:
            raise BackupError(str(db_path), "is in use (its WAL file holds changes): close every console on it "
                                            "first; the database is unchanged")
        try:
            for leftover in (wal, Path(f"{db_path}-shm"), Path(f"{db_path}-journal")):
                # Empty or stale once the WAL was folded in: never to be read with the new file.
                leftover.unlink(missing_ok=True)
            if db_path.exists():
                os.chmod(temp, db_path.stat().st_mode & 0o777)  # the database keeps who may read it
            os.replace(temp, db_path)
        except OSError as exc:
            raise BackupError(str(source), f"could not be put in place of {db_path}: {exc}") from None
        _sync_folder(folder)
    finally:
        _remove(temp)


# --- helpers ---------------------------------------------------------------------------------------------------------
def _what(kind: str) -> str:
    words = {DAILY: "the daily backup", MANUAL: "the backup", BEFORE_RESTORE: "the backup before restoring"}
    return words.get(kind, "the copy before migrating")


def _uri(path: Path, mode: str) -> str:
    return f"{path.resolve().as_uri()}?mode={mode}"


def _free_name(folder: Path, base: str) -> Path:
    """`<base>.sqlite3`, or `<base>-<n>.sqlite3` after the last copy made in the same second (numbers only grow,
    even when retention deleted the first ones, so the order of the names is the order of the copies)."""
    numbered = re.compile(re.escape(base) + r"(?:-(\d+))?\.sqlite3")
    taken = [int(m[1] or 0) for p in folder.glob(f"{glob.escape(base)}*.sqlite3")
             if (m := numbered.fullmatch(p.name)) is not None]
    return folder / (f"{base}-{max(taken) + 1}.sqlite3" if taken else f"{base}.sqlite3")


def _sync_file(path: Path) -> None:
    with path.open("rb+") as f:
        os.fsync(f.fileno())


def _sync_folder(folder: Path) -> None:
    """Make a rename durable (POSIX; Windows cannot open a folder, and flushes renames itself)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _remove(path: Path) -> None:
    try:
        path.unlink(missing_ok=True)
    except OSError:
        pass
