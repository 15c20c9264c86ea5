"""Several desks on one PostgreSQL database: every committed write is announced, every desk listens.

`install(db)` makes the database's engine note which tables a transaction
writes (every INSERT, UPDATE and DELETE it sends) and, on PostgreSQL, send
one ``pg_notify`` with them just before the commit, so the notice is
delivered exactly when (and only if) the transaction commits. The
payload names the writing desk (`desk_id(db)`, one per open database) so a
desk can leave out its own writes.

`ChangeListener` is a desk's ear: a thread with its own connection that
LISTENs, hands the other desks' table names to `on_change`, checks the
connection every few seconds and reports it lost or back through `on_state`
(reconnecting by itself with a growing pause; on reconnecting it reports
every table changed, since notices sent while away are gone). The channel is
named after the database and schema, so databases and schemas sharing one
server (the tests' schemas) do not hear each other. SQLite has no listener:
one file serves one desk (app.storage.desk_lock).
"""

from __future__ import annotations

import hashlib
import json
import re
import threading
import uuid
import weakref
from collections.abc import Callable
from dataclasses import dataclass, field

from sqlalchemy import event
from sqlalchemy.engine import make_url

_desks: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()  # engine -> the desk id its notices carry
EVERYTHING = frozenset({"*"})  # "read everything again" (after a reconnection)
CHECK_SECONDS = 3.0  # how often the listener proves its connection alive
PAUSES = (1.0, 2.0, 5.0, 10.0)  # between reconnection attempts, then the last one repeated
_TOUCHED = "handover_touched_tables"


def channel_name(database: str, schema: str) -> str:
    """The LISTEN/NOTIFY channel of one database and schema (an identifier PostgreSQL accepts)."""
    return "handover_" + hashlib.sha1(f"{database}/{schema}".encode()).hexdigest()[:20]


_WRITE = re.compile(r'^\s*(?:INSERT\s+INTO|UPDATE|DELETE\s+FROM)\s+(?:"?\w+"?\.)?"?(\w+)"?', re.IGNORECASE)


def install(db) -> None:
    """Note the tables each transaction of `db` writes (every statement the engine sends: ORM, Core and raw SQL
    alike); on PostgreSQL announce them in the same transaction, just before it commits."""
    engine = db.engine
    if engine in _desks:
        return
    desk = _desks[engine] = uuid.uuid4().hex[:16]
    postgres = engine.dialect.name == "postgresql"
    state: dict[str, str] = {}

    def before_cursor_execute(conn, _cursor, statement, _parameters, _context, _executemany) -> None:
        found = _WRITE.match(statement)
        if found:
            conn.info.setdefault(_TOUCHED, set()).add(found.group(1).lower())

    def commit(conn) -> None:
        names = conn.info.pop(_TOUCHED, None)
        if not names or not postgres:
            return
        # The DBAPI cursor itself: the notice joins the transaction being committed, outside SQLAlchemy's state.
        cursor = conn.connection.dbapi_connection.cursor()
        try:
            if "channel" not in state:
                cursor.execute("SELECT current_database(), current_schema()")
                state["channel"] = channel_name(*cursor.fetchone())
            cursor.execute("SELECT pg_notify(%s, %s)",
                           (state["channel"], json.dumps({"desk": desk, "tables": sorted(names)})))
        finally:
            cursor.close()

    def rollback(conn) -> None:
        if not conn.invalidated:  # a lost connection's notes go with it
            conn.info.pop(_TOUCHED, None)

    event.listen(engine, "before_cursor_execute", before_cursor_execute)
    event.listen(engine, "commit", commit)
    event.listen(engine, "rollback", rollback)


def desk_id(db) -> str | None:
    """The id this open database's notices carry (None before `install`)."""
    return _desks.get(db.engine)


def libpq_url(url: str) -> str:
    """A SQLAlchemy PostgreSQL URL as a libpq connection URI (its options, e.g. the search path, kept)."""
    return make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)


@dataclass
class ChangeListener:
    """State: the thread and its connection while running; `connected` as last reported."""

    url: str
    on_change: Callable[[frozenset[str]], None]
    on_state: Callable[[bool, str | None], None]
    own_desk: str | None = None  # notices of this desk are left out
    check_seconds: float = CHECK_SECONDS
    pauses: tuple[float, ...] = PAUSES
    connected: bool | None = None
    backend_pid: int | None = None
    _stop: threading.Event = field(default_factory=threading.Event)
    _thread: threading.Thread | None = None

    @classmethod
    def of(cls, db, on_change, on_state) -> ChangeListener:
        """A listener for the open database `db` (its own notices left out)."""
        return cls(db.engine.url.render_as_string(hide_password=False), on_change, on_state, own_desk=desk_id(db))

    def start(self) -> ChangeListener:
        self._thread = threading.Thread(target=self._run, name="handover-listen", daemon=True)
        self._thread.start()
        return self

    def stop(self, timeout: float = 5.0) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout)

    # --- the thread ---
    def _run(self) -> None:
        import psycopg

        failures = 0
        while not self._stop.is_set():
            try:
                # Keepalives: a cable pulled or a VPN dropped shows within seconds, not TCP's quarter of an hour.
                with psycopg.connect(libpq_url(self.url), autocommit=True, connect_timeout=5, keepalives=1,
                                     keepalives_idle=5, keepalives_interval=2, keepalives_count=2,
                                     tcp_user_timeout=10000) as conn:
                    database, schema = conn.execute("SELECT current_database(), current_schema()").fetchone()
                    conn.execute(f"LISTEN {channel_name(database, schema)}")
                    self.backend_pid = conn.info.backend_pid
                    if self.connected is not None:
                        # What was announced while away (or before the first LISTEN) is gone: read it all.
                        self._emit(EVERYTHING)
                    self._report(True, None)
                    failures = 0
                    self._listen(conn)
            except psycopg.Error as exc:
                self._report(False, str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__)
                pause = self.pauses[min(failures, len(self.pauses) - 1)]
                failures += 1
                self._stop.wait(pause)

    def _listen(self, conn) -> None:
        while not self._stop.is_set():
            tables: set[str] = set()
            for notice in conn.notifies(timeout=self.check_seconds):
                try:
                    data = json.loads(notice.payload)
                except ValueError:
                    continue
                if data.get("desk") != self.own_desk:
                    tables.update(data.get("tables") or ())
                if self._stop.is_set():
                    break
            if tables:
                self._emit(frozenset(tables))
            conn.execute("SELECT 1")  # a lost connection shows here, every few seconds

    def _emit(self, tables: frozenset[str]) -> None:
        if not self._stop.is_set():
            self.on_change(tables)

    def _report(self, connected: bool, error: str | None) -> None:
        if self._stop.is_set():
            return
        if connected != self.connected:
            self.connected = connected
            self.on_state(connected, error)
