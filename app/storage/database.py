"""The engine, the session factory and migrations applied on start.

`Database.open(url)` creates the engine (SQLite: WAL, foreign keys on),
copies a SQLite file into its backups folder before migrating it, applies every Alembic
migration from db/, and makes sure a default site exists.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager, nullcontext
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, OperationalError, SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from app import paths
from app.domain.errors import AppError, DatabaseUnavailableError
from app.storage import access as desk_access
from app.storage import audit
from app.storage import backup


PG_CONNECT = {"connect_timeout": 5, "keepalives": 1, "keepalives_idle": 10, "keepalives_interval": 3,
              "keepalives_count": 3, "tcp_user_timeout": 15000}


class DatabaseError(AppError):
    code = "database"

    def __init__(self, url: str, reason: str) -> None:
        super().__init__(f"database {url}: {reason}", url=url, reason=reason)


def _sqlite_pragmas(dbapi_connection, _record) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.close()


def _alembic_config(connection=None) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(paths.migrations_dir()))
    if connection is not None:
        cfg.attributes["connection"] = connection
    return cfg


class Database:
    """An open, migrated database. State: the engine and its session factory."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self._sessions = sessionmaker(engine, expire_on_commit=False)
        audit.install(self._sessions)  # every write of these sessions is appended to the audit trail
        self.access = None
        desk_access.install(self)  # who is signed in at this desk, and what their role lets them write

    @classmethod
    def open(cls, url: str, connect_args: dict | None = None) -> Database:
        safe = _safe_url(url)
        try:
            parsed = make_url(url)
        except ArgumentError:
            raise DatabaseError(url, "not a database URL (e.g. sqlite:///path or postgresql+psycopg://host/db)") from None
        kwargs: dict = {}
        connect_args = dict(connect_args or {})
        if parsed.get_backend_name() == "sqlite":
            if parsed.database and parsed.database != ":memory:":
                Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
        elif parsed.get_backend_name() == "postgresql" and parsed.get_driver_name() == "psycopg":
            # A server gone (a host down, a cable pulled) shows within seconds, not TCP's minutes: a write fails
            # in words and closing the console does not hang.
            for key, value in PG_CONNECT.items():
                connect_args.setdefault(key, value)
        try:
            engine = create_engine(url, connect_args=connect_args, **kwargs)
        except (ArgumentError, ImportError, SQLAlchemyError) as exc:
            raise DatabaseError(safe, str(exc)) from None
        if engine.dialect.name == "sqlite":
            event.listen(engine, "connect", _sqlite_pragmas)
        db = cls(engine)
        try:
            db.migrate()
        except OperationalError as exc:
            engine.dispose()
            raise DatabaseError(safe, f"cannot open: {exc.orig}") from None
        except DatabaseError:  # the copy before migrating failed: nothing was migrated
            engine.dispose()
            raise
        return db

    @property
    def url(self) -> str:
        return _safe_url(self.engine.url)

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    def migrate(self) -> None:
        """Bring the schema to the newest migration; a SQLite file is copied aside first."""
        script = ScriptDirectory.from_config(_alembic_config())
        head = script.get_current_head()
        with self.engine.begin() as connection:
            current = MigrationContext.configure(connection).get_current_revision()
            if current == head:
                return
            if current is not None and self.dialect == "sqlite":
                self._copy_aside(current)
            command.upgrade(_alembic_config(connection), "head")

    def _copy_aside(self, revision: str) -> None:
        """The copy made before migrating, in the backups folder beside the file (storage.backup: SQLite's online
        backup API, marked as a backup, the newest few of such copies kept)."""
        db_path = self.engine.url.database
        if not db_path or db_path == ":memory:":
            return
        try:
            backup.copy_before_migration(Path(db_path), revision)
        except backup.BackupError as exc:
            # No migration without its copy: the database stays as it was.
            raise DatabaseError(self.url, f"not migrated, because the copy before migrating failed: {exc.reason}") \
                from None

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """One unit of work: committed when the block ends, rolled back on any error. A database that is full,
        locked, read-only or out of reach raises DatabaseUnavailableError (nothing of the unit stored)."""
        user = self.access.user
        actor = audit.acting_as(user.name) if user is not None and audit.acting_now() is None else nullcontext()
        try:
            with actor, self._sessions() as session, session.begin():
                yield session
        except DBAPIError as exc:
            state = _unavailable(exc)
            if state is None:
                raise
            raise DatabaseUnavailableError(self.url, state, str(exc.orig).strip().splitlines()[0]) from exc

    def dispose(self) -> None:
        self.engine.dispose()


# SQLSTATE classes / codes of PostgreSQL, SQLite's error names: why a database refused (see _unavailable).
_PG_STATES = (("53", "full"), ("55P03", "locked"), ("25006", "read_only"), ("08", "unreachable"),
              ("57P01", "unreachable"), ("57P02", "unreachable"), ("57P03", "unreachable"))
_SQLITE_NAMES = {"SQLITE_FULL": "full", "SQLITE_BUSY": "locked", "SQLITE_LOCKED": "locked",
                 "SQLITE_READONLY": "read_only", "SQLITE_CANTOPEN": "unreachable", "SQLITE_IOERR": "unreachable"}


def _unavailable(exc: DBAPIError) -> str | None:
    """Why the database refused (DatabaseUnavailableError's states), None for another error: by PostgreSQL's
    SQLSTATE or SQLite's error name (whatever the server's language), else by the usual English words."""
    orig = exc.orig
    state = getattr(orig, "sqlstate", None)
    if state:
        return next((kind for prefix, kind in _PG_STATES if state.startswith(prefix)), None)
    name = getattr(orig, "sqlite_errorname", None) or ""
    for prefix, kind in _SQLITE_NAMES.items():
        if name.startswith(prefix):
            return kind
    if exc.connection_invalidated:
        return "unreachable"
    text = str(orig).lower()
    if "disk is full" in text or "database or disk is full" in text:
        return "full"
    if "database is locked" in text:
        return "locked"
    if "readonly database" in text:
        return "read_only"
    if any(word in text for word in ("server closed the connection", "could not connect", "connection refused",
                                     "connection timed out", "terminating connection")):
        return "unreachable"
    return None


def _safe_url(url) -> str:
    try:
        return make_url(str(url)).render_as_string(hide_password=True)
    except ArgumentError:
        return str(url)
