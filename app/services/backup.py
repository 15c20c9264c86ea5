"""Backups of the SQLite database: made on demand (`handover-console backup`), once a day by the window's job, and
restored (`handover-console restore FILE`). The copy before a migration is made by storage when the database opens.

Backups go to `backups/` beside the database file (another folder on demand); the newest 14 regular backups (daily
and on demand) are kept, the newest 5 copies made before a migration and the newest 5 made before a restore, each
group counted apart. A PostgreSQL database is backed up with pg_dump, not here: asking is refused with that advice.

`restore` accepts only a backup of this application: a SQLite file, intact, not marked by another application, with
the application's tables and a schema revision this program knows (an older one is migrated when the console next
opens the database; a newer one is refused). It first backs up the database it replaces (so a restore can be undone),
then puts the file in place atomically; a refused file leaves the database as it was.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from app import paths
from app.domain.errors import DeskBusyError, InvalidSettingError
from app.storage import backup as files
from app.storage.backup import BackupError, BackupFile
from app.storage.desk_lock import DeskLock

if TYPE_CHECKING:
    from app.services.console import Console

__all__ = ["BackupError", "BackupFile", "BackupMade", "Restored", "backup_now", "daily_backup", "list_backups",
           "restore", "refusal"]

KEEP_REGULAR = files.KEEP[files.REGULAR]
KEEP_BEFORE_MIGRATION = files.KEEP[files.BEFORE_MIGRATION]
KEEP_BEFORE_RESTORE = files.KEEP[files.BEFORE_RESTORE]
APP_NAME = "Shift Handover Console"


@dataclass(frozen=True)
class BackupMade:
    """A backup written: of which database file, where, its kind, and the older backups deleted to keep `keep`."""

    database: Path
    path: Path
    kind: str
    removed: tuple[Path, ...]
    keep: int


@dataclass(frozen=True)
class Restored:
    """A restore done: the database file replaced, the backup put in its place and its schema revision, the newest
    revision this program knows, and the backup of the database it replaced (None when there was none)."""

    database: Path
    source: Path
    revision: str
    head: str
    previous: Path | None

    @property
    def migrates_on_open(self) -> bool:
        return self.revision != self.head


def database_file(target: Console | str | None, action: str) -> Path:
    """The SQLite file of a console or URL (None: the default database). A PostgreSQL database is refused with
    the advice for its own tools; `action` is `backup` or `restore`."""
    url = paths.default_db_url() if target is None else target if isinstance(target, str) else target.db.url
    path = files.sqlite_file(url)
    if path is None:
        tool = "pg_dump (e.g. pg_dump -Fc -f console.dump DBNAME)" if action == "backup" else "pg_restore"
        done = "backed up" if action == "backup" else "restored"
        raise BackupError(files.shown_url(url), f"a PostgreSQL database is {done} with {tool}; "
                                                f"handover-console {action} handles SQLite files only")
    return path


def backup_now(target: Console | str | None = None, folder: Path | None = None, keep: int = KEEP_REGULAR,
               kind: str = files.MANUAL, now: datetime | None = None) -> BackupMade:
    """Back up the SQLite database now into `folder` (default: its backups folder), keeping the newest `keep`
    regular backups there."""
    if keep < 1:
        raise InvalidSettingError("keep", keep, "keep at least one backup")
    db = database_file(target, "backup")
    folder = files.backups_folder(db) if folder is None else Path(folder)
    written = files.write_backup(db, folder, kind, now)
    removed = files.prune(db, folder, files.REGULAR, keep)
    return BackupMade(db, written, kind, removed, keep)


def daily_backup(console: Console, now: datetime | None = None, keep: int = KEEP_REGULAR) -> BackupMade | None:
    """The day's backup, when the console's database is a SQLite file (not the demo, which is rebuilt, not kept)
    and has no regular backup made on this calendar day (local time of `now`) yet; None when nothing was needed."""
    if console.db.dialect != "sqlite":
        return None
    db = database_file(console, "backup")
    if db.resolve() == paths.demo_db_path().resolve():
        return None
    now = now if now is not None and now.tzinfo is not None else (now or datetime.now()).astimezone()
    today = now.date()
    if any(b.group == files.REGULAR and b.made_at.astimezone(now.tzinfo).date() == today
           for b in files.list_backups(db)):
        return None
    return backup_now(console, keep=keep, kind=files.DAILY, now=now)


def list_backups(target: Console | str | None = None, folder: Path | None = None) -> tuple[BackupFile, ...]:
    """The backups of the SQLite database in `folder` (default: its backups folder), oldest first."""
    db = database_file(target, "backup")
    return files.list_backups(db, folder)


def refusal(facts: files.FileFacts, revisions: tuple[str, ...], head: str) -> str | None:
    """Why the file is not a backup this program can restore (None: it is one)."""
    if facts.problem is not None:
        return f"{facts.problem}, so not a backup of {APP_NAME}"
    if facts.application_id not in (0, files.APPLICATION_ID):
        return f"a SQLite database of another application (its application_id is {facts.application_id:#010x})"
    missing = files.APP_TABLES - facts.tables
    if missing:
        return (f"a SQLite database of another application, not a backup of {APP_NAME} "
                f"(no table {', '.join(sorted(missing))})")
    if facts.revision is None:
        return "its alembic_version table holds no schema revision"
    if facts.revision not in revisions:
        return (f"made by a newer version of {APP_NAME}: its schema revision {facts.revision} is unknown to this "
                f"program, whose newest is {head}")
    return None


def restore(file: Path | str, url: str | None = None, now: datetime | None = None) -> Restored:
    """Replace the SQLite database at `url` (default: the default database) by the backup `file`, after backing up
    the database it replaces. Every console on the database must be closed (one still open makes it refuse)."""
    source = Path(file)
    db = database_file(url, "restore")
    unchanged = f"the database {db} is unchanged"
    if source.exists() and db.exists() and source.resolve() == db.resolve():
        raise BackupError(str(source), f"not restored: it is the database itself; {unchanged}")
    facts = files.read_facts(source)
    revisions, head = files.schema_revisions()
    reason = refusal(facts, revisions, head)
    if reason is not None:
        raise BackupError(str(source), f"not restored: {reason}; {unchanged}")
    previous: list[Path] = []

    def keep_the_current_one() -> None:
        # Once the backup is staged beside it: the database replaced is backed up first (so a restore can be undone).
        if db.exists():
            files.take_offline(db)  # refuses while a console has it open
            previous.append(files.write_backup(db, files.backups_folder(db), files.BEFORE_RESTORE, now))

    db.parent.mkdir(parents=True, exist_ok=True)
    try:  # no console window of another process opens the file while it is replaced
        lock = DeskLock.acquire(db)
    except DeskBusyError as exc:
        who = ", ".join(f"{k} {exc.holder[k]}" for k in ("host", "pid", "since") if exc.holder.get(k))
        raise BackupError(str(db), f"is in use: open in a console window ({who or 'holder unknown'}); close it "
                                   f"first; {unchanged}") from None
    try:
        files.replace_atomically(source, db, keep_the_current_one)
    finally:
        lock.release()
    if previous:
        files.prune(db, files.backups_folder(db), files.BEFORE_RESTORE, KEEP_BEFORE_RESTORE, spare=(source,))
    # refusal() saw that the file has a revision
    return Restored(db, source, str(facts.revision), head, previous[0] if previous else None)
