"""The audit trail in the database: every write captured in its own transaction, chained at commit; and read back.

Capture (installed on the session factory by `install`):

- the ORM unit of work: after each flush, every new, changed and deleted
  mapped object (an update names only the columns whose value changed);
- statements run through `Session.execute` (insert/update/delete, e.g. the
  roster import's executemany, retiring seats, deleting saved filters): the
  rows they touch are read before (update, delete) and after (update, insert).

The changes wait in the session; when the outermost transaction commits
they are appended to `audit_log` in the same transaction, after the row of
`audit_head` is locked (SELECT ... FOR UPDATE on PostgreSQL; SQLite has one
writer at a time), so two desks writing at once keep one chain. A rollback
leaves no record; a savepoint rolled back drops the changes made in it.

Not captured (app.storage.audit_columns): the ACD feed's data (calls, agent
events, intervals, coverage, rejected lines), which is derived from the feed
files, re-importable and written in bulk (the import itself is in the trail
as its `import_runs` row and the source's settings); a source's read
position and poll lease (written every poll); SQL text and `exec_driver_sql`.
The application never updates or deletes audit rows.

Who: `acting_as(name)` when a service set it, else the row's own
`by`/`created_by`/`updated_by`/`author`/`recorded_by`... column, else "system".
"""

from __future__ import annotations

import contextvars
import json
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from datetime import datetime, timezone

from sqlalchemy import Table, and_, inspect, or_, select, tuple_, update
from sqlalchemy.orm import ORMExecuteState, Session, sessionmaker
from sqlalchemy.sql.elements import ClauseElement

from app.domain.audit import Action, AuditRecord, Change, Head, canonical, chain
from app.domain.errors import AppError
from app.domain.handover import HandoverStatus
from app.storage.audit_columns import NOT_AUDITED, Columns, mapper_columns, safe, table_columns
from app.storage.models import AuditHeadRow, AuditRow, Base, HandoverRow

ACTOR_LENGTH = 120  # audit_log.actor
CHUNK = 500  # keys per IN (...) when rows are read back
PAGE = 2000  # audit records per read
_PENDING = "audit.pending"

_acting: contextvars.ContextVar[str | None] = contextvars.ContextVar("audit_actor", default=None)


class AuditTrailError(AppError):
    code = "audit_trail"

    def __init__(self, reason: str) -> None:
        super().__init__(f"audit trail: {reason}", reason=reason)


@contextmanager
def acting_as(name: str) -> Iterator[None]:
    """Writes in this block are recorded as done by `name` (put it around the transaction: the ORM writes at
    the latest when the transaction commits)."""
    token = _acting.set(name)
    try:
        yield
    finally:
        _acting.reset(token)


def acting_now() -> str | None:
    """Who `acting_as` names in this context (None: no one)."""
    return _acting.get()


def install(sessions: sessionmaker) -> None:
    """Capture every write of the sessions this factory makes."""
    from sqlalchemy import event

    event.listen(sessions, "after_flush", _after_flush)
    event.listen(sessions, "do_orm_execute", _on_execute)
    event.listen(sessions, "before_commit", _before_commit)
    event.listen(sessions, "after_soft_rollback", _after_soft_rollback)
    event.listen(sessions, "after_transaction_end", _after_transaction_end)


def _actor(info: Columns, values: Mapping[str, object], changed: Mapping[str, object] | None = None) -> str:
    """Who: acting_as, else a changed `*_by` / signer name column, else the row's own ACTOR_COLUMNS, else system."""
    chosen = _acting.get()
    if chosen:
        return chosen[:ACTOR_LENGTH]
    for name, value in (changed or {}).items():
        if (name == "by" or name.endswith("_by") or name.endswith("_signer_name")) and isinstance(value, str) and value:
            return value[:ACTOR_LENGTH]
    for name in info.actor_names:
        value = values.get(name)
        if isinstance(value, str) and value:
            return value[:ACTOR_LENGTH]
    return "system"


# --- pending changes of a session ---

def _keep(session: Session, info: Columns, action: Action, row: Mapping[str, object], before, after,
          changed: Mapping[str, object] | None = None, keyed: bool = True) -> None:
    """Keep a change until the commit; `row`: the row's values (JSON) its key and who are taken from."""
    change = Change(_actor(info, row, changed), info.table.name, info.key_of(row) if keyed else None, action,
                    before, after)
    session.info.setdefault(_PENDING, []).append((session.get_nested_transaction(), change))


def _after_flush(session: Session, _context) -> None:
    for obj in session.new:
        state = inspect(obj)
        info = mapper_columns(state.mapper)
        if info.table.name not in NOT_AUDITED:
            after = info.from_object(state)
            _keep(session, info, Action.INSERT, after, None, after)
    for obj in session.dirty:
        _updated(session, obj)
    for obj in session.deleted:
        state = inspect(obj)
        info = mapper_columns(state.mapper)
        if info.table.name not in NOT_AUDITED:
            before = info.from_object(state)
            if state.identity is not None:
                before.update(info.from_mapping(dict(zip(info.key_names, state.identity))))
            _keep(session, info, Action.DELETE, before, before, None)


def _updated(session: Session, obj) -> None:
    state = inspect(obj)
    info = mapper_columns(state.mapper)
    if info.table.name in NOT_AUDITED or not state.committed_state:
        return
    before, after, fetch = {}, {}, []
    for name, key, convert in zip(info.names, info.attrs, info.converts):
        if key not in state.committed_state:
            continue
        history = state.attrs[key].history
        if not history.added:
            continue
        if isinstance(history.added[0], ClauseElement):  # a SQL expression: its value is in the database now
            fetch.append(name)
            if history.deleted:
                before[name] = safe(convert, history.deleted[0])
            continue
        new = safe(convert, history.added[0])
        if history.deleted:
            old = safe(convert, history.deleted[0])
            if old == new and old.__class__ is new.__class__:
                continue
            before[name] = old
        after[name] = new
    now = info.from_object(state)
    if state.identity is not None:
        now.update(info.from_mapping(dict(zip(info.key_names, state.identity))))
    if fetch:
        found = _read(session.connection(), info, [tuple(state.identity)])
        if found:
            after.update({name: info.from_values(found[0])[name] for name in fetch})
    if after:
        _keep(session, info, Action.UPDATE, now, before or None, after, after)


# --- statements run through Session.execute ---

def _on_execute(state: ORMExecuteState):
    if not (state.is_insert or state.is_update or state.is_delete):
        return None
    statement = state.statement
    table = getattr(statement, "table", None)
    if not isinstance(table, Table) or table.name in NOT_AUDITED:
        return None
    info = table_columns(table.name)
    if info is None:
        return None
    if state.is_insert:
        return _insert(state, info)
    if state.is_update and _sets_only_volatile(statement, info):
        return None
    connection = state.session.connection()
    params = state.parameters
    many = isinstance(params, (list, tuple))
    if statement.whereclause is None and many and all(set(info.key_names) <= set(p) for p in params):
        found = _read(connection, info, [tuple(p[n] for n in info.key_names) for p in params])  # ORM bulk, by key
    else:
        query = select(*info.selected)
        if statement.whereclause is not None:
            query = query.where(statement.whereclause)
        # an executemany's WHERE takes each parameter set in turn; without a WHERE, every row is touched once
        sets = params if many and statement.whereclause is not None else [{} if many else params or {}]
        found = [values for p in sets for values in connection.execute(query, p)]
    before_rows = {info.raw_key(values): values for values in found}
    result = state.invoke_statement()
    if not before_rows:
        return result
    if state.is_delete:
        for values in before_rows.values():
            before = info.from_values(values)
            _keep(state.session, info, Action.DELETE, before, before, None)
        return result
    for values in _read(connection, info, list(before_rows)):
        old, new = info.from_values(before_rows[info.raw_key(values)]), info.from_values(values)
        after = {c: v for c, v in new.items() if old[c] != v or old[c].__class__ is not v.__class__}
        if after:
            _keep(state.session, info, Action.UPDATE, new, {c: old[c] for c in after}, after, after)
    return result


def _sets_only_volatile(statement, info: Columns) -> bool:
    values = getattr(statement, "_values", None)  # the SET clause (not public API: without it, rows are read)
    if not values or not info.volatile:
        return False
    names = {k if isinstance(k, str) else getattr(k, "name", getattr(k, "key", None)) for k in values}
    return names <= info.volatile


def _insert(state: ORMExecuteState, info: Columns):
    """Run an INSERT and keep a change per row stored: rows read back by the keys it returned (a RETURNING of
    the caller's), or returned along (return_defaults of every column: a Core statement without RETURNING)."""
    statement = state.statement
    returned = [c.name if getattr(getattr(c, "table", None), "name", None) == info.table.name else None
                for c in statement.exported_columns]
    rows: list[Sequence] = []
    if set(info.key_names) <= set(returned):
        result = state.invoke_statement()
        frozen = result.freeze()
        at = [returned.index(n) for n in info.key_names]
        rows = _read(state.session.connection(), info, [tuple(r[i] for i in at) for r in frozen()])
        result = frozen()
    elif not returned and not state.is_orm_statement:
        result = state.invoke_statement(statement=statement.return_defaults(supplemental_cols=info.selected))
        found = result.returned_defaults_rows or []
        if found:
            fields = found[0]._fields
            at = [fields.index(n) for n in info.names]
            rows = [tuple(r[i] for i in at) for r in found]
    else:  # returning other columns, or an ORM bulk INSERT: the values given, the keys not known
        result = state.invoke_statement()
        params = state.parameters
        for p in (list(params) if isinstance(params, (list, tuple)) else ([params] if params else [])):
            after = info.from_mapping(p)
            _keep(state.session, info, Action.INSERT, after, None, after, keyed=False)
    for values in rows:
        after = info.from_values(values)
        _keep(state.session, info, Action.INSERT, after, None, after)
    return result


def _read(connection, info: Columns, keys: Sequence[tuple]) -> list[Sequence]:
    """The rows of these primary keys (tuples), their audited columns in `selected` order."""
    rows = []
    for start in range(0, len(keys), CHUNK):
        chunk = keys[start:start + CHUNK]
        if len(info.key_columns) == 1:
            where = info.key_columns[0].in_([k[0] for k in chunk])
        elif connection.dialect.name == "sqlite":
            where = or_(*(and_(*(c == v for c, v in zip(info.key_columns, k))) for k in chunk))
        else:
            where = tuple_(*info.key_columns).in_(chunk)
        rows.extend(connection.execute(select(*info.selected).where(where)).all())
    return rows


# --- appending at commit ---

def _before_commit(session: Session) -> None:
    if session.in_nested_transaction():
        return  # a savepoint: its changes wait for the outermost commit
    session.flush()
    pending = session.info.pop(_PENDING, None)
    if not pending:
        return
    connection = session.connection()
    head = _locked_head(connection)
    at = datetime.now(timezone.utc)
    records, new_head = chain([change for _, change in pending], head, at)
    # The driver's executemany with plain tuples: a roster import appends tens of thousands of records, and
    # SQLAlchemy's per-row parameter processing would cost more than the rest of the append.
    t = AuditRow.__table__
    when = (t.c.at.type.bind_processor(connection.dialect) or (lambda v: v))(at)
    mark = "?" if connection.dialect.paramstyle == "qmark" else "%s"
    columns = ("id", "at", "actor", "table_name", "row_key", "action", "before", "after", "prev_hash", "hash")
    connection.exec_driver_sql(
        f"INSERT INTO {t.name} ({', '.join(columns)}) VALUES ({', '.join([mark] * len(columns))})",
        [(r.id, when, r.actor, r.table, r.row_key, r.action, r.before, r.after, r.prev_hash, r.hash)
         for r in records])
    connection.execute(update(AuditHeadRow.__table__).where(AuditHeadRow.__table__.c.id == 1).values(
        last_id=new_head.last_id, last_hash=new_head.last_hash, count=new_head.count))


def _locked_head(connection) -> Head:
    t = AuditHeadRow.__table__
    row = connection.execute(select(t.c.last_id, t.c.last_hash, t.c.count).where(t.c.id == 1).with_for_update()).first()
    if row is None:
        raise AuditTrailError("the head row of the trail is missing; run `handover-console audit verify` and restore "
                              "a backup")
    return Head(row.last_id, row.last_hash, row.count)


def _after_soft_rollback(session: Session, previous) -> None:
    pending = session.info.get(_PENDING)
    if not pending:
        return
    if not previous.nested:
        session.info.pop(_PENDING, None)
        return

    def inside(tx) -> bool:
        while tx is not None:
            if tx is previous:
                return True
            tx = tx.parent
        return False

    session.info[_PENDING] = [(tx, change) for tx, change in pending if not inside(tx)]


def _after_transaction_end(session: Session, transaction) -> None:
    if transaction.parent is None:
        session.info.pop(_PENDING, None)


# --- reading ---

def head(session: Session) -> Head | None:
    t = AuditHeadRow.__table__
    row = session.connection().execute(select(t.c.last_id, t.c.last_hash, t.c.count).where(t.c.id == 1)).first()
    return None if row is None else Head(row.last_id, row.last_hash, row.count)


def baseline(session: Session) -> tuple[str | None, dict[str, int]]:
    """The baseline as stored (None: the head row is gone) and, of it, the audited tables with their highest id
    when the trail began."""
    t = AuditHeadRow.__table__
    text = session.connection().execute(select(t.c.baseline).where(t.c.id == 1)).scalar()
    try:
        found = json.loads(text) if text else {}
    except ValueError:
        found = {}
    tables = {name: after for name, after in (found.items() if isinstance(found, dict) else ())
              if name in Base.metadata.tables and name not in NOT_AUDITED and isinstance(after, int)}
    return text, tables


def consistent_read(session: Session) -> None:
    """What the session reads from now on is one snapshot (call first in a transaction that only reads)."""
    if session.get_bind().dialect.name == "postgresql":
        session.connection(execution_options={"isolation_level": "REPEATABLE READ"})
    else:
        session.connection().exec_driver_sql("BEGIN")


def records(session: Session) -> Iterator[AuditRecord]:
    """Every record in id order, read a page at a time."""
    t = AuditRow.__table__
    last = None
    while True:
        query = select(t).order_by(t.c.id).limit(PAGE)
        if last is not None:
            query = query.where(t.c.id > last)
        page = session.connection().execute(query).all()
        for r in page:
            yield _record(r)
        if len(page) < PAGE:
            return
        last = page[-1].id


def history(session: Session, table: str, row_key: Mapping[str, object]) -> tuple[AuditRecord, ...]:
    """The records of one row (its key as column -> value), oldest first."""
    info = table_columns(_table(table).name)
    key = canonical(info.key_of(info.from_mapping(row_key)))
    t = AuditRow.__table__
    rows = session.connection().execute(
        select(t).where(t.c.table_name == table, t.c.row_key == key).order_by(t.c.id)).all()
    return tuple(_record(r) for r in rows)


def _table(name: str) -> Table:
    table = Base.metadata.tables.get(name)
    if table is None:
        raise AuditTrailError(f"no table {name!r}")
    return table


def current_rows(session: Session, table: str) -> dict[str, dict[str, object]] | None:
    """The rows of `table` as stored now: row key text -> column -> JSON value (None: no such table)."""
    found = Base.metadata.tables.get(table)
    if found is None:
        return None
    info = table_columns(found.name)
    out = {}
    for values in session.connection().execute(select(*info.selected)):
        row = info.from_values(values)
        out[canonical(info.key_of(row))] = row
    return out


def sealed_handover_ids(session: Session) -> tuple[int, ...]:
    """The handovers signed by at least the outgoing supervisor (their snapshot is sealed), by id."""
    query = select(HandoverRow.id).where(HandoverRow.status != HandoverStatus.DRAFT.value).order_by(HandoverRow.id)
    return tuple(session.scalars(query))


def _record(r) -> AuditRecord:
    return AuditRecord(r.id, r.at, r.actor, r.table_name, r.row_key, r.action, r.before, r.after, r.prev_hash, r.hash)


__all__ = ["AuditTrailError", "acting_as", "acting_now", "baseline", "consistent_read", "current_rows", "head", "history",
           "install", "records", "sealed_handover_ids"]
